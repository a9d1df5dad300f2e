#include "gzip_stream.hpp"

namespace geokg::cli {

namespace {
constexpr std::size_t kChunk = 256 * 1024;
}

GzipOStream::Buf::Buf(std::ostream& sink) : sink_(sink), in_(kChunk, '\0'), out_(kChunk, '\0') {
  // 15 + 16: a gzip wrapper; its header carries no name and a zero time.
  ok_ = deflateInit2(&zs_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  setp(in_.data(), in_.data() + in_.size());
}

GzipOStream::Buf::~Buf() { deflateEnd(&zs_); }

bool GzipOStream::Buf::deflate_some(int flush) {
  zs_.next_in = reinterpret_cast<Bytef*>(pbase());
  zs_.avail_in = static_cast<uInt>(pptr() - pbase());
  for (;;) {
    zs_.next_out = reinterpret_cast<Bytef*>(out_.data());
    zs_.avail_out = static_cast<uInt>(out_.size());
    const int rc = deflate(&zs_, flush);
    if (rc == Z_STREAM_ERROR) return ok_ = false;
    sink_.write(out_.data(), static_cast<std::streamsize>(out_.size() - zs_.avail_out));
    if (!sink_) return ok_ = false;
    // Done when deflate had room to spare (with Z_FINISH: when the stream ended).
    if (flush == Z_FINISH ? rc == Z_STREAM_END : zs_.avail_out != 0) break;
  }
  setp(in_.data(), in_.data() + in_.size());
  return true;
}

GzipOStream::Buf::int_type GzipOStream::Buf::overflow(int_type c) {
  if (!ok_ || finished_ || !deflate_some(Z_NO_FLUSH)) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

// Data is compressed in whole chunks (the same bytes always in the same
// pieces, whatever the writes were), so a flush only passes on.
int GzipOStream::Buf::sync() { return ok_ ? 0 : -1; }

bool GzipOStream::Buf::finish() {
  if (finished_) return ok_;
  finished_ = true;
  return ok_ && deflate_some(Z_FINISH);
}

GzipOStream::GzipOStream(std::ostream& sink) : std::ostream(nullptr), buf_(sink) { rdbuf(&buf_); }

GzipOStream::~GzipOStream() = default;

bool GzipOStream::finish() {
  flush();
  return buf_.finish() && good();
}

}  // namespace geokg::cli
