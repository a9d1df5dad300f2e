// Durability: the commit journal, flushes, lost commits (see store.hpp).

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>

#include "rocksdb_call.hpp"
#include "store_impl.hpp"

namespace geokg {

using namespace detail;   // the store's internals (store_impl.hpp)

namespace {

// This process's writers, by directory: a reader beside one of them cannot
// check the journal, and fcntl locks do not show a process its own.
std::mutex& writers_mu() {
  static std::mutex mu;
  return mu;
}
std::multiset<std::string>& writers() {
  static std::multiset<std::string> dirs;
  return dirs;
}

std::string canonical_dir(const std::string& dir) {
  std::error_code ec;
  const auto p = std::filesystem::weakly_canonical(dir, ec);
  return ec ? dir : p.string();
}

// True when a writer has the database open: RocksDB's writer holds an fcntl
// lock on its LOCK file.
bool writer_live(const std::string& dir) {
  {
    std::lock_guard lock(writers_mu());
    if (writers().count(canonical_dir(dir)) > 0) return true;
  }
  const int fd = ::open((std::filesystem::path(dir) / "LOCK").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  const bool locked = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
  ::close(fd);
  return locked;
}

std::string encode_lost(const std::vector<RecoveryReport::Lost>& lost) {
  std::string out;
  for (const auto& l : lost) out += std::to_string(l.commit) + " " + detail::escape_line(l.article_id) + "\n";
  return out;
}

std::vector<RecoveryReport::Lost> decode_lost(std::string_view v) {
  std::vector<RecoveryReport::Lost> out;
  while (!v.empty()) {
    const std::size_t eol = v.find('\n');
    const std::string line(v.substr(0, eol));
    v = eol == std::string_view::npos ? std::string_view{} : v.substr(eol + 1);
    const std::size_t space = line.find(' ');
    if (space == std::string::npos || space == 0) continue;
    out.push_back({std::strtoull(line.c_str(), nullptr, 10), detail::unescape_line(line.substr(space + 1))});
  }
  return out;
}

}  // namespace

Status GraphStore::Impl::start(bool writer) {
  std::string v;
  Status s = get(kMeta, keys::kMetaLastCommit, v);
  if (s.ok() && v.size() >= 8) commit_seq = keys::get_u64(v.data());
  else if (!s.ok() && !s.is_not_found()) return s;

  // Commits found lost by an earlier open, until they are ingested again.
  std::string recorded;
  s = get(kMeta, keys::kMetaLostCommits, recorded);
  if (!s.ok() && !s.is_not_found()) return s;
  std::vector<RecoveryReport::Lost> lost;
  for (auto& l : decode_lost(recorded)) {
    std::string ignored;
    if (get(kArticles, keys::article_key(l.article_id), ignored).is_not_found()) lost.push_back(std::move(l));
  }
  // Commits the journal lists past the last one the database holds. A
  // reader beside a live writer cannot tell them from commits made after
  // its open, so it does not look.
  if (writer || !writer_live(dir)) {
    auto journal_now = detail::CommitJournal::read(dir);
    if (journal_now.ok()) {
      for (const auto& e : journal_now->entries)
        if (e.seq > commit_seq) lost.push_back({e.seq, e.article_id});
      recovery.journal_checked = true;
    }
  }
  recovery.lost = lost;
  if (!writer) return Status::Ok();

  // The writer keeps the record (the journal starts afresh below).
  const std::string now = encode_lost(lost);
  if (now != recorded) {
    rdb::WriteBatch batch;
    if (lost.empty()) batch.Delete(cf(kMeta), std::string(keys::kMetaLostCommits));
    else batch.Put(cf(kMeta), std::string(keys::kMetaLostCommits), now);
    rdb::WriteOptions wo;
    wo.sync = true;
    if (Status w = from_rocks(db->Write(wo, &batch), "recording lost commits"); !w.ok()) return w;
  }
  {
    std::lock_guard lock(writers_mu());
    writers().insert(canonical_dir(dir));
    writing = true;
  }
  return flush_all();
}

void GraphStore::Impl::stop_writing() {
  if (!writing) return;
  std::lock_guard lock(writers_mu());
  auto it = writers().find(canonical_dir(dir));
  if (it != writers().end()) writers().erase(it);
  writing = false;
}

Status GraphStore::Impl::flush_all() {
  std::vector<rdb::ColumnFamilyHandle*> ours(families.begin(), families.end());
  if (Status s = from_rocks(db->Flush(rdb::FlushOptions(), ours), "flush"); !s.ok()) return s;
  commits_since_flush = 0;
  last_flush = std::chrono::steady_clock::now();
  return journal.reset(dir, commit_seq);
}

Status GraphStore::Impl::committed(const std::string& article_id) {
  if (Status s = journal.append(commit_seq, article_id, options.sync_writes); !s.ok()) return s;
  ++commits_since_flush;
  const bool by_count = options.flush_every_commits > 0 && commits_since_flush >= options.flush_every_commits;
  const auto since_flush = std::chrono::steady_clock::now() - last_flush;
  const bool by_time =
      options.flush_every_seconds > 0 && since_flush >= std::chrono::seconds(options.flush_every_seconds);
  if (!by_count && !by_time) return Status::Ok();
  if (Status s = flush_all(); !s.ok())
    return Status::IOError("flush after the commit of article " + article_id + ": " + s.message());
  return Status::Ok();
}

Status GraphStore::flush() {
  if (impl_->options.read_only) return Status::InvalidInput("the database is open read-only");
  std::lock_guard<std::mutex> lock(impl_->commit_mu);
  const RocksdbCall call;
  return impl_->flush_all();
}

const RecoveryReport& GraphStore::recovery() const { return impl_->recovery; }

}  // namespace geokg
