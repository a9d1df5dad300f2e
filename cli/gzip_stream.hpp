#pragma once
// gzip compression of what a command writes (`geokg extract -o FILE.gz`).

#include <zlib.h>

#include <ostream>
#include <streambuf>
#include <string>

namespace geokg::cli {

// An ostream that deflates into `sink` in gzip format. The same bytes written
// give the same compressed bytes (no time or name in the gzip header), so a
// deterministic output stays deterministic once compressed.
class GzipOStream : public std::ostream {
 public:
  explicit GzipOStream(std::ostream& sink);
  ~GzipOStream() override;
  GzipOStream(const GzipOStream&) = delete;
  GzipOStream& operator=(const GzipOStream&) = delete;
  // Compresses what is buffered and ends the gzip stream; false when
  // compression or a write to `sink` failed.
  bool finish();

 private:
  class Buf : public std::streambuf {
   public:
    explicit Buf(std::ostream& sink);
    ~Buf() override;
    bool finish();

   protected:
    int_type overflow(int_type c) override;
    int sync() override;

   private:
    bool deflate_some(int flush);
    std::ostream& sink_;
    z_stream zs_{};
    std::string in_, out_;
    bool ok_ = true, finished_ = false;
  };
  Buf buf_;
};

}  // namespace geokg::cli
