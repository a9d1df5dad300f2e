// geokg_fixture_db DIR: writes the hostile article of serve_fixture.hpp into
// the database at DIR (created when absent), for the browser tests.
#include <iostream>

#include "geokg/graph/store.hpp"
#include "serve_fixture.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: geokg_fixture_db DIR\n";
    return 1;
  }
  auto store = geokg::GraphStore::Open(argv[1]);
  if (!store.ok()) {
    std::cerr << "geokg_fixture_db: " << store.status().message() << "\n";
    return 2;
  }
  geokg::Status s = geokg::test::commit_hostile(**store);
  if (!s.ok()) {
    std::cerr << "geokg_fixture_db: " << s.message() << "\n";
    return 2;
  }
  return 0;
}
