#pragma once
// Failures inside the libraries are values, never exceptions or exit():
// a Status says what went wrong, a Result<T> carries a value or a Status.
// Messages for people are made at the outer boundary (the CLI).

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace geokg {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kNotFound,       // a lookup found nothing; not an error for most callers
    kInvalidInput,   // bad article, bad JSON line, bad date, bad argument
    kIOError,        // file or database I/O failed
    kCorruption,     // stored data does not decode
    kBusy,           // database in use by another writer
    kIncompatible,   // not a geokg database, or a newer schema version
    kLimit,          // a documented size cap was exceeded
    kInternal,
  };

  Status() = default;
  static Status Ok() { return {}; }
  static Status NotFound(std::string m = {}) { return {Code::kNotFound, std::move(m)}; }
  static Status InvalidInput(std::string m) { return {Code::kInvalidInput, std::move(m)}; }
  static Status IOError(std::string m) { return {Code::kIOError, std::move(m)}; }
  static Status Corruption(std::string m) { return {Code::kCorruption, std::move(m)}; }
  static Status Busy(std::string m) { return {Code::kBusy, std::move(m)}; }
  static Status Incompatible(std::string m) { return {Code::kIncompatible, std::move(m)}; }
  static Status Limit(std::string m) { return {Code::kLimit, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  bool is_not_found() const { return code_ == Code::kNotFound; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string to_string() const;

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                       // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}                // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace geokg
