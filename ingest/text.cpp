#include "geokg/ingest/text.hpp"

namespace geokg {

Document prepare_document(const Article& article) {
  Document doc;
  doc.article = &article;
  return doc;
}

}  // namespace geokg
