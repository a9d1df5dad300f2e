#include "commit_journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace geokg::detail {

namespace {

constexpr const char* kHeader = "geokg commit journal 1 flushed ";

std::string path_in(const std::string& dir, const std::string& name) {
  return (std::filesystem::path(dir) / name).string();
}

Status errno_status(const std::string& what) {
  return Status::IOError(what + ": " + std::strerror(errno));
}

Status write_all(int fd, const std::string& s, const std::string& what) {
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_status(what);
    }
    done += static_cast<std::size_t>(n);
  }
  return Status::Ok();
}

bool parse_u64(const std::string& s, std::uint64_t& v) {
  if (s.empty() || s.size() > 20 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  v = std::stoull(s);
  return true;
}

}  // namespace

std::string escape_line(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

std::string unescape_line(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    out += c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

Result<CommitJournal::Contents> CommitJournal::read(const std::string& dir) {
  Contents c;
  std::ifstream in(path_in(dir, kFileName), std::ios::binary);
  if (!in) return c;
  c.present = true;
  std::string line;
  if (!std::getline(in, line) || line.rfind(kHeader, 0) != 0 ||
      !parse_u64(line.substr(std::string(kHeader).size()), c.flushed))
    return Status::Corruption(std::string(kFileName) + " does not start with a journal header");
  while (std::getline(in, line)) {
    if (in.eof()) break;   // no '\n': a line cut by a crash, not a whole entry
    const std::size_t space = line.find(' ');
    Entry e;
    if (space == std::string::npos || !parse_u64(line.substr(0, space), e.seq))
      return Status::Corruption(std::string(kFileName) + " holds a malformed line");
    e.article_id = unescape_line(line.substr(space + 1));
    c.entries.push_back(std::move(e));
  }
  return c;
}

CommitJournal::~CommitJournal() {
  if (fd_ >= 0) ::close(fd_);
}

Status CommitJournal::reset(const std::string& dir, std::uint64_t flushed) {
  const std::string path = path_in(dir, kFileName);
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno_status("cannot write " + tmp);
  Status s = write_all(fd, kHeader + std::to_string(flushed) + "\n", "cannot write " + tmp);
  if (s.ok() && ::fdatasync(fd) != 0) s = errno_status("cannot sync " + tmp);
  ::close(fd);
  if (s.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) s = errno_status("cannot rename " + tmp);
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) return errno_status("cannot open " + path);
  return Status::Ok();
}

Status CommitJournal::append(std::uint64_t seq, const std::string& article_id, bool sync) {
  if (fd_ < 0) return Status::Ok();
  // One write per line: a process killed between commits leaves whole lines.
  Status s = write_all(fd_, std::to_string(seq) + " " + escape_line(article_id) + "\n",
                       std::string("cannot append to ") + kFileName);
  if (s.ok() && sync && ::fdatasync(fd_) != 0) s = errno_status(std::string("cannot sync ") + kFileName);
  return s;
}

}  // namespace geokg::detail
