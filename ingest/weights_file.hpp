// The bytes of a model weights file (tagger, parser), read in one call: an
// istreambuf_iterator copy of the 9.6 MB parser file took a third of a
// second at every start.
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace geokg {

// False when the file cannot be opened or read whole.
inline bool read_weights_file(const std::string& path, std::vector<unsigned char>& buf) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  buf.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(reinterpret_cast<char*>(buf.data()), size));
}

}  // namespace geokg
