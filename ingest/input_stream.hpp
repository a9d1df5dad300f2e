#pragma once
// Internal (ingest/ only): inputs as streams of bytes, so that no input is
// ever held whole in memory unless it is one article. A file descriptor
// (file, stdin, FIFO, device) is the bottom source; gzip and UTF-16 decoders
// stack on it; InputReader buffers any of them for peeking (format
// detection), line-by-line reading with a length cap (JSONL) and bounded
// whole reads (one text or HTML article).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "geokg/core/status.hpp"

namespace geokg::detail {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `n` bytes into `buf`; 0 at the end of the input. An error also
  // ends the input and stays in status().
  virtual std::size_t read(char* buf, std::size_t n) = 0;
  const Status& status() const { return status_; }

 protected:
  Status status_;
};

// read(2) on a descriptor (EINTR retried); closes it when owned.
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override;
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;
  std::size_t read(char* buf, std::size_t n) override;

 private:
  int fd_;
  bool owned_;
};

// Bytes already in memory (not copied: they must outlive the source).
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : rest_(bytes) {}
  std::size_t read(char* buf, std::size_t n) override;

 private:
  std::string_view rest_;
};

// Decompresses gzip or zlib data (concatenated gzip members continue, as
// `cat a.gz b.gz` makes them). Corruption for corrupt or truncated data;
// Limit for a decompression bomb: more than kBombMinBytes out at a ratio
// above kBombRatio to what went in.
class GzipSource final : public ByteSource {
 public:
  static constexpr std::uint64_t kBombMinBytes = std::uint64_t{64} << 20;
  static constexpr std::uint64_t kBombRatio = 200;

  explicit GzipSource(std::unique_ptr<ByteSource> in);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  std::size_t read(char* buf, std::size_t n) override;

 private:
  struct State;
  std::unique_ptr<ByteSource> in_;
  std::unique_ptr<State> z_;
};

// UTF-16 (after its byte order mark) to UTF-8; unpaired surrogates and an
// odd last byte become U+FFFD.
class Utf16Source final : public ByteSource {
 public:
  Utf16Source(std::unique_ptr<ByteSource> in, bool big_endian) : in_(std::move(in)), big_(big_endian) {}
  std::size_t read(char* buf, std::size_t n) override;

 private:
  std::unique_ptr<ByteSource> in_;
  bool big_;
  std::string pending_in_;    // bytes read from `in_` not decoded yet
  std::string pending_out_;   // decoded bytes not handed out yet
  bool ended_ = false;
};

// A buffer over a source. It is a source itself, so decoders stack on it
// after it has been peeked at.
class InputReader final : public ByteSource {
 public:
  explicit InputReader(std::unique_ptr<ByteSource> in) : in_(std::move(in)) {}
  std::size_t read(char* buf, std::size_t n) override;

  // The next up to `n` bytes (fewer at the end), not consumed.
  std::string_view peek(std::size_t n);
  // The same, but content that holds a whole non-blank line is enough: a
  // FIFO or stdin fed a line at a time is not waited on for `n` bytes.
  std::string_view peek_lines(std::size_t n);
  void skip(std::size_t n);

  enum class Line {
    kLine,       // a line ended by '\n'
    kLastLine,   // the end of the input came before a '\n' (possibly a read error)
    kTooLong,
    kEnd,
  };
  // The next line, without its '\n', as a view valid until the next call.
  // A line longer than `cap` bytes is read past and not kept: kTooLong, with
  // its length in `length` (memory stays at `cap` plus one read chunk).
  Line next_line(std::string_view& line, std::size_t cap, std::uint64_t& length);

  // Everything left, or Limit (reading stops after cap + 1 bytes) when more
  // than `cap` bytes are left.
  Result<std::string> rest(std::size_t cap);

  // The error that ended the input (of any source below), Ok otherwise.
  Status error() const;

 private:
  bool fill(std::size_t want);   // false at the end of the input
  void compact();

  std::unique_ptr<ByteSource> in_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

// One input ready for the parsers.
struct OpenedInput {
  std::unique_ptr<InputReader> reader;
  bool gzip = false;   // the content was gzip data
};

// Stacks the decoders the content of `raw` needs on it: gzip when its first
// bytes are gzip's magic number (whatever the name says), UTF-16 after a
// UTF-16 byte order mark; a UTF-8 byte order mark is dropped.
OpenedInput open_input(std::unique_ptr<ByteSource> raw);

}  // namespace geokg::detail
