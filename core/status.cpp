#include "geokg/core/status.hpp"

namespace geokg {

std::string Status::to_string() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kNotFound: name = "not found"; break;
    case Code::kInvalidInput: name = "invalid input"; break;
    case Code::kIOError: name = "I/O error"; break;
    case Code::kCorruption: name = "corruption"; break;
    case Code::kBusy: name = "busy"; break;
    case Code::kIncompatible: name = "incompatible"; break;
    case Code::kLimit: name = "limit exceeded"; break;
    case Code::kInternal: name = "internal error"; break;
  }
  return message_.empty() ? std::string(name) : std::string(name) + ": " + message_;
}

}  // namespace geokg
