#include "input_stream.hpp"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "reader_impl.hpp"

namespace geokg::detail {

namespace {
constexpr std::size_t kChunk = 256 * 1024;
}

// ---- descriptor ---------------------------------------------------------------

FdSource::~FdSource() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

std::size_t FdSource::read(char* buf, std::size_t n) {
  if (!status_.ok()) return 0;
  for (;;) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    status_ = Status::IOError(std::string("read failed: ") + std::strerror(errno));
    return 0;
  }
}

std::size_t MemorySource::read(char* buf, std::size_t n) {
  const std::size_t k = std::min(n, rest_.size());
  std::memcpy(buf, rest_.data(), k);
  rest_.remove_prefix(k);
  return k;
}

// ---- gzip ---------------------------------------------------------------------

struct GzipSource::State {
  z_stream zs{};
  char in[kChunk];
  bool ended = false;         // the last member ended and no input followed
  std::uint64_t total_in = 0, total_out = 0;
};

GzipSource::GzipSource(std::unique_ptr<ByteSource> in) : in_(std::move(in)), z_(std::make_unique<State>()) {
  // 15 + 32: zlib or gzip header, detected.
  if (inflateInit2(&z_->zs, 15 + 32) != Z_OK) status_ = Status::Internal("zlib init failed");
}

GzipSource::~GzipSource() { inflateEnd(&z_->zs); }

std::size_t GzipSource::read(char* buf, std::size_t n) {
  if (!status_.ok() || z_->ended || n == 0) return 0;
  z_stream& zs = z_->zs;
  zs.next_out = reinterpret_cast<Bytef*>(buf);
  zs.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
  const uInt want = zs.avail_out;
  while (zs.avail_out == want) {
    if (zs.avail_in == 0) {
      const std::size_t got = in_->read(z_->in, sizeof z_->in);
      if (!in_->status().ok()) {
        status_ = in_->status();
        return 0;
      }
      if (got == 0) {
        status_ = Status::Corruption("truncated gzip data");
        return 0;
      }
      z_->total_in += got;
      zs.next_in = reinterpret_cast<Bytef*>(z_->in);
      zs.avail_in = static_cast<uInt>(got);
    }
    const int rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      // Concatenated members (what `cat a.gz b.gz` makes) continue.
      if (zs.avail_in == 0) {
        char probe[1];
        const std::size_t more = in_->read(probe, 1);
        if (more == 0) {
          if (!in_->status().ok()) status_ = in_->status();
          z_->ended = true;
          break;
        }
        z_->in[0] = probe[0];
        z_->total_in += 1;
        zs.next_in = reinterpret_cast<Bytef*>(z_->in);
        zs.avail_in = 1;
      }
      if (inflateReset(&zs) != Z_OK) {
        status_ = Status::Corruption("corrupt gzip data");
        return 0;
      }
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) continue;   // needs more input
    if (rc != Z_OK) {
      status_ = Status::Corruption(std::string("corrupt gzip data") + (zs.msg ? std::string(": ") + zs.msg : ""));
      return 0;
    }
  }
  const std::size_t out = want - zs.avail_out;
  z_->total_out += out;
  if (z_->total_out > kBombMinBytes && z_->total_out > kBombRatio * z_->total_in) {
    status_ = Status::Limit("decompressed input of more than " + std::to_string(z_->total_out) +
                            " bytes from " + std::to_string(z_->total_in) +
                            " compressed bytes: a decompression bomb (more than " +
                            std::to_string(kBombRatio) + " times its size)");
    return 0;
  }
  return out;
}

// ---- UTF-16 -------------------------------------------------------------------

std::size_t Utf16Source::read(char* buf, std::size_t n) {
  while (pending_out_.empty() && !ended_) {
    char chunk[kChunk / 4];
    const std::size_t got = in_->read(chunk, sizeof chunk);
    if (!in_->status().ok()) {
      status_ = in_->status();
      return 0;
    }
    if (got == 0) {
      ended_ = true;
      if (pending_in_.size() >= 2) {
        // A high surrogate left waiting for its pair that never came.
        pending_out_ += utf16_to_utf8(pending_in_.substr(0, 2), big_);
        pending_in_.erase(0, 2);
      }
      if (!pending_in_.empty()) pending_out_ += "\xEF\xBF\xBD";
      pending_in_.clear();
      break;
    }
    pending_in_.append(chunk, got);
    // Decode whole units, keeping back an odd byte and a trailing high
    // surrogate whose low half may come with the next chunk.
    std::size_t usable = pending_in_.size() & ~std::size_t{1};
    if (usable >= 2) {
      const auto a = static_cast<unsigned char>(pending_in_[usable - 2]);
      const auto b = static_cast<unsigned char>(pending_in_[usable - 1]);
      const unsigned unit = big_ ? (a << 8 | b) : (b << 8 | a);
      if (unit >= 0xD800 && unit <= 0xDBFF) usable -= 2;
    }
    pending_out_ += utf16_to_utf8(std::string_view(pending_in_).substr(0, usable), big_);
    pending_in_.erase(0, usable);
  }
  const std::size_t k = std::min(n, pending_out_.size());
  std::memcpy(buf, pending_out_.data(), k);
  pending_out_.erase(0, k);
  return k;
}

// ---- buffered reader ----------------------------------------------------------------

void InputReader::compact() {
  if (pos_ == 0) return;
  buf_.erase(0, pos_);
  pos_ = 0;
}

bool InputReader::fill(std::size_t want) {
  if (eof_) return false;
  if (pos_ > 0 && pos_ >= buf_.size() / 2) compact();
  const std::size_t old = buf_.size();
  // At most a few MiB a read: a large peek grows the buffer as data comes,
  // instead of reserving (and zero-filling) all it might hold.
  const std::size_t n = std::clamp(want, kChunk, kChunk * 16);
  buf_.resize(old + n);
  const std::size_t got = in_->read(buf_.data() + old, n);
  buf_.resize(old + got);
  if (got == 0) {
    eof_ = true;
    status_ = in_->status();
  }
  return got > 0;
}

std::size_t InputReader::read(char* buf, std::size_t n) {
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
    if (n >= kChunk) {   // large reads bypass the buffer
      if (eof_) return 0;
      const std::size_t got = in_->read(buf, n);
      if (got == 0) {
        eof_ = true;
        status_ = in_->status();
      }
      return got;
    }
    if (!fill(n)) return 0;
  }
  const std::size_t k = std::min(n, buf_.size() - pos_);
  std::memcpy(buf, buf_.data() + pos_, k);
  pos_ += k;
  return k;
}

std::string_view InputReader::peek(std::size_t n) {
  while (buf_.size() - pos_ < n && fill(n - (buf_.size() - pos_))) {
  }
  return std::string_view(buf_).substr(pos_, std::min(n, buf_.size() - pos_));
}

std::string_view InputReader::peek_lines(std::size_t n) {
  while (buf_.size() - pos_ < n) {
    // Enough once a line with something on it has ended.
    const std::string_view have = std::string_view(buf_).substr(pos_);
    const std::size_t text = have.find_first_not_of(" \t\r\n");
    if (text != std::string_view::npos && have.find('\n', text) != std::string_view::npos) break;
    if (!fill(n - have.size())) break;
  }
  return std::string_view(buf_).substr(pos_, std::min(n, buf_.size() - pos_));
}

void InputReader::skip(std::size_t n) { pos_ += std::min(n, buf_.size() - pos_); }

InputReader::Line InputReader::next_line(std::string_view& line, std::size_t cap, std::uint64_t& length) {
  std::size_t scanned = 0;   // bytes after pos_ known to hold no '\n'
  for (;;) {
    const char* start = buf_.data() + pos_ + scanned;
    const void* nl = std::memchr(start, '\n', buf_.size() - pos_ - scanned);
    if (nl != nullptr) {
      const std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nl) - (buf_.data() + pos_));
      if (len > cap) {
        length = len;
        pos_ += len + 1;
        return Line::kTooLong;
      }
      line = std::string_view(buf_.data() + pos_, len);
      pos_ += len + 1;
      return Line::kLine;
    }
    scanned = buf_.size() - pos_;
    if (scanned > cap) break;
    if (!fill(kChunk)) {
      if (buf_.size() == pos_) return Line::kEnd;
      line = std::string_view(buf_.data() + pos_, buf_.size() - pos_);
      pos_ = buf_.size();
      return Line::kLastLine;
    }
  }
  // Too long: read past the rest of the line without keeping it.
  length = buf_.size() - pos_;
  buf_.clear();
  pos_ = 0;
  for (;;) {
    if (!fill(kChunk)) return Line::kTooLong;
    const void* nl = std::memchr(buf_.data(), '\n', buf_.size());
    if (nl != nullptr) {
      const std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data());
      length += len;
      pos_ = len + 1;
      return Line::kTooLong;
    }
    length += buf_.size();
    buf_.clear();
  }
}

Result<std::string> InputReader::rest(std::size_t cap) {
  compact();
  while (buf_.size() <= cap && fill(std::min<std::size_t>(cap + 1 - buf_.size(), std::size_t{4} << 20))) {
  }
  if (Status s = error(); !s.ok()) return s;
  if (buf_.size() > cap) return Status::Limit("more than " + std::to_string(cap) + " bytes");
  std::string out = std::move(buf_);
  buf_.clear();
  pos_ = 0;
  return out;
}

Status InputReader::error() const { return status_; }

// ---- stacking -----------------------------------------------------------------------

OpenedInput open_input(std::unique_ptr<ByteSource> raw) {
  OpenedInput in;
  in.reader = std::make_unique<InputReader>(std::move(raw));
  const std::string_view magic = in.reader->peek(2);
  if (magic.size() == 2 && static_cast<unsigned char>(magic[0]) == 0x1F &&
      static_cast<unsigned char>(magic[1]) == 0x8B) {
    in.gzip = true;
    in.reader = std::make_unique<InputReader>(std::make_unique<GzipSource>(std::move(in.reader)));
  }
  const std::string_view bom = in.reader->peek(3);
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bom[i]); };
  if (bom.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) {
    const bool big_endian = byte(0) == 0xFE;
    in.reader->skip(2);
    in.reader = std::make_unique<InputReader>(std::make_unique<Utf16Source>(std::move(in.reader), big_endian));
  } else if (bom.size() == 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
    in.reader->skip(3);
  }
  return in;
}

}  // namespace geokg::detail
