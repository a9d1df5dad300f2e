#include "geokg/ingest/pipeline.hpp"

#include "geokg/core/ids.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <system_error>
#include <thread>

namespace geokg {

namespace {

struct Job {
  std::uint64_t seq = 0;
  Article article;
};

bool names_by_surname_only(const Extraction& ex) {
  for (const auto& a : ex.actors)
    if (a.kind == NodeKind::kPerson && a.naming == Naming::kPartial) return true;
  return false;
}

struct Done {
  Article article;
  Extraction extraction;
  bool end_of_input = false;  // no article: every article of one input path came before
};

// The held articles in an order where an article that names "Bell" alone
// comes after the ones that name a person known as "Bell" in full ("Martin
// Bell"): input order otherwise, and where the names refer to each other in
// a cycle.
std::vector<std::size_t> order_by_full_names(const std::vector<std::pair<Article, Extraction>>& held) {
  std::unordered_map<std::string, std::vector<std::size_t>> full_by_alias;  // one-word alias -> articles
  for (std::size_t i = 0; i < held.size(); ++i)
    for (const auto& a : held[i].second.actors)
      if (a.kind == NodeKind::kPerson && a.naming == Naming::kProper)
        for (const auto& alias : a.aliases)
          if (alias.find(' ') == std::string::npos) full_by_alias[alias].push_back(i);
  std::vector<std::vector<std::size_t>> after(held.size());  // i -> articles that wait for i
  std::vector<std::size_t> waiting(held.size(), 0);
  for (std::size_t i = 0; i < held.size(); ++i) {
    std::vector<std::size_t> needs;
    for (const auto& a : held[i].second.actors)
      if (a.kind == NodeKind::kPerson && a.naming == Naming::kPartial)
        if (auto it = full_by_alias.find(a.name); it != full_by_alias.end())
          for (std::size_t j : it->second)
            if (j != i) needs.push_back(j);
    std::sort(needs.begin(), needs.end());
    needs.erase(std::unique(needs.begin(), needs.end()), needs.end());
    for (std::size_t j : needs) after[j].push_back(i);
    waiting[i] = needs.size();
  }
  std::vector<std::size_t> order;
  std::vector<bool> done(held.size(), false);
  std::set<std::size_t> ready;
  for (std::size_t i = 0; i < held.size(); ++i)
    if (waiting[i] == 0) ready.insert(i);
  while (order.size() < held.size()) {
    if (ready.empty())  // a cycle: the earliest waiting article goes first
      for (std::size_t i = 0; i < held.size(); ++i)
        if (!done[i]) {
          ready.insert(i);
          break;
        }
    const std::size_t i = *ready.begin();
    ready.erase(ready.begin());
    done[i] = true;
    order.push_back(i);
    for (std::size_t k : after[i])
      if (!done[k] && waiting[k] > 0 && --waiting[k] == 0) ready.insert(k);
  }
  return order;
}

// State shared by the reader, the workers and the writer. One mutex: the work
// per article (extraction) dwarfs the time spent holding it.
struct Shared {
  std::mutex mu;
  std::condition_variable input_ready;   // jobs queued or reading finished
  std::condition_variable input_space;   // room in the input queue
  std::condition_variable output_ready;  // a result arrived
  std::deque<Job> input;
  std::map<std::uint64_t, Done> output;  // finished, keyed by sequence number
  std::uint64_t read_count = 0;          // articles read so far
  std::size_t bytes_in_flight = 0;       // text of the articles read and not yet written
  bool reading_done = false;
  bool stop = false;                     // the writer gave up, or memory ran out
  std::vector<ReadIssue> issues;         // found by the reader, drained by the writer
  Status read_status;
  Status worker_status;                  // memory ran out in a worker
};

Status out_of_memory(const char* where) {
  return Status::Limit(std::string("out of memory while ") + where +
                       " (see \"Limits\" in the README: a smaller -j, or more memory)");
}


// Asks the reader and the workers to stop and joins those that started.
void stop_threads(Shared& sh, std::thread& reader, std::vector<std::thread>& pool) {
  {
    std::lock_guard lock(sh.mu);
    sh.stop = true;
    sh.input_ready.notify_all();
    sh.input_space.notify_all();
  }
  if (reader.joinable()) reader.join();
  for (auto& t : pool)
    if (t.joinable()) t.join();
}

// Queues an article read for the workers once there is room; false when
// the run stops. Results waiting for the writer also hold memory: both are
// bounded, in articles (`limit`) and in bytes (one article always passes).
bool enqueue_article(Shared& sh, Article&& a, std::size_t limit, std::size_t queue_bytes) {
  std::unique_lock lock(sh.mu);
  sh.input_space.wait(lock, [&] {
    return sh.stop || (sh.input.size() + sh.output.size() < limit &&
                       (sh.bytes_in_flight == 0 || sh.bytes_in_flight + a.text.size() <= queue_bytes));
  });
  if (sh.stop) return false;
  sh.bytes_in_flight += a.text.size();
  sh.input.push_back(Job{sh.read_count++, std::move(a)});
  sh.input_ready.notify_one();
  return true;
}

// The reader thread: every input path in turn, each followed by an
// end-of-input mark in the output sequence; the first read error is kept.
void read_inputs(Shared& sh, const std::vector<std::string>& paths, const PipelineOptions& options,
                 std::size_t limit) {
  const auto read_path = [&](const std::string& path) {
    return read_articles(
        path, options.read,
        [&](Article&& a) { return enqueue_article(sh, std::move(a), limit, options.queue_bytes); },
        [&](const ReadIssue& issue) {
          std::lock_guard lock(sh.mu);
          sh.issues.push_back(issue);
          sh.output_ready.notify_one();
        });
  };
  for (const auto& path : paths) {
    Status s;
    try {
      s = read_path(path);
    } catch (const std::bad_alloc&) {
      s = out_of_memory(("reading " + path).c_str());
      std::lock_guard lock(sh.mu);
      sh.stop = true;
    }
    if (!s.ok()) {
      std::lock_guard lock(sh.mu);
      if (sh.read_status.ok()) sh.read_status = s;
    }
    std::lock_guard lock(sh.mu);
    if (sh.stop) break;
    // Tell the writer where this input ends (it hands deferred articles over
    // there, so that a second input that is a live feed keeps nothing back).
    Done end;
    end.end_of_input = true;
    sh.output.emplace(sh.read_count++, std::move(end));
    sh.output_ready.notify_one();
  }
  std::lock_guard lock(sh.mu);
  sh.reading_done = true;
  sh.input_ready.notify_all();
  sh.output_ready.notify_all();
}

// A worker thread: extracts queued articles until the input is done or the
// run stops; running out of memory stops the run.
void extract_jobs(Shared& sh, const Extractor& extractor) {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(sh.mu);
      sh.input_ready.wait(lock, [&] { return sh.stop || !sh.input.empty() || sh.reading_done; });
      if (sh.stop || sh.input.empty()) return;
      job = std::move(sh.input.front());
      sh.input.pop_front();
    }
    try {
      Done done{std::move(job.article), {}};
      done.extraction = extractor.extract(done.article);
      std::lock_guard lock(sh.mu);
      sh.output.emplace(job.seq, std::move(done));
      sh.output_ready.notify_one();
    } catch (const std::bad_alloc&) {
      std::lock_guard lock(sh.mu);
      if (sh.worker_status.ok()) sh.worker_status = out_of_memory("extracting an article");
      sh.stop = true;
      sh.output_ready.notify_all();
      sh.input_space.notify_all();
      return;
    }
  }
}

// What the writer takes from the shared state at one turn.
struct Turn {
  std::optional<Done> item;        // the next result in input order, when it is there
  std::vector<ReadIssue> issues;   // issues reported since the last turn
  bool finished = false;           // everything read has been written
  bool stopped = false;            // memory ran out in the reader or a worker
  Status stop_status;              // then: why
};

// Waits (a quarter second at most, so that progress can be shown) for the
// result numbered `next`, an issue, the end, or a stop, and takes it.
Turn next_turn(Shared& sh, std::uint64_t& next) {
  Turn turn;
  std::unique_lock lock(sh.mu);
  sh.output_ready.wait_for(lock, std::chrono::milliseconds(250), [&] {
    return sh.output.count(next) || !sh.issues.empty() || (sh.reading_done && next == sh.read_count) || sh.stop;
  });
  if (sh.stop) {
    turn.stopped = true;
    turn.stop_status = sh.worker_status.ok() ? sh.read_status : sh.worker_status;
    return turn;
  }
  turn.issues.swap(sh.issues);
  if (auto it = sh.output.find(next); it != sh.output.end()) {
    turn.item = std::move(it->second);
    sh.output.erase(it);
    sh.bytes_in_flight -= turn.item->article.text.size();
    ++next;
    sh.input_space.notify_one();
  } else if (sh.reading_done && next == sh.read_count && turn.issues.empty()) {
    turn.finished = true;
  }
  return turn;
}

// The sink, with the counters of what it was handed; running out of memory
// in it is a Limit status.
ExtractionSink counting_sink(const ExtractionSink& sink, PipelineCounters& counters) {
  return [&sink, &counters](const Article& article, const Extraction& extraction) {
    Status s;
    try {
      s = sink(article, extraction);
    } catch (const std::bad_alloc&) {
      s = out_of_memory("storing an article");
    }
    ++counters.articles;
    counters.text_bytes += article.text.size();
    counters.events += extraction.events.size();
    counters.actors += extraction.actors.size();
    return s;
  };
}

// The writer, on the calling thread: results in input order to `hand`
// (articles naming someone by surname only held in `deferred` until the
// end of their input), issues to on_issue, progress every half second.
// Returns the first failure; what is still deferred at the end is left to
// the caller.
Status write_in_order(Shared& sh, const PipelineOptions& options, const ExtractionSink& hand,
                      SurnameDeferral& deferred, const IssueSink& on_issue, const ProgressSink& on_progress,
                      PipelineCounters& counters, std::chrono::steady_clock::time_point t0) {
  auto last_progress = t0;
  Status result;
  std::uint64_t next = 0;
  for (;;) {
    Turn turn = next_turn(sh, next);
    if (turn.stopped) {
      result = turn.stop_status;
      break;
    }
    if (turn.finished) break;
    for (const auto& issue : turn.issues) {
      (issue.ignored ? counters.ignored : counters.skipped) += issue.count;
      if (on_issue) on_issue(issue);
    }
    auto& item = turn.item;
    if (item && item->end_of_input) {
      if (Status s = deferred.release(hand); result.ok()) result = s;
      if (!result.ok()) break;
    } else if (item) {
      if (options.defer_partial_names && deferred.hold(item->article, item->extraction)) {
        // held until the end of its input
      } else if (Status s = hand(item->article, item->extraction); !s.ok()) {
        result = s;
        break;
      }
    }
    const auto now = std::chrono::steady_clock::now();
    if (on_progress && now - last_progress > std::chrono::milliseconds(500)) {
      last_progress = now;
      on_progress(counters, std::chrono::duration<double>(now - t0).count());
    }
  }
  return result;
}

}  // namespace

bool SurnameDeferral::hold(Article& article, Extraction& extraction) {
  if (!names_by_surname_only(extraction)) return false;
  const std::size_t bytes = article_text_bytes(article) + 1024;
  if (bytes_ + bytes > max_bytes_) return false;
  bytes_ += bytes;
  held_.emplace_back(std::move(article), std::move(extraction));
  return true;
}

Status SurnameDeferral::release(const ExtractionSink& sink) {
  Status result;
  for (std::size_t i : order_by_full_names(held_)) {
    result = sink(held_[i].first, held_[i].second);
    if (!result.ok()) break;
  }
  held_.clear();
  bytes_ = 0;
  return result;
}

Status run_pipeline(const std::vector<std::string>& paths, const Extractor& extractor,
                    const PipelineOptions& options, const ExtractionSink& sink,
                    const IssueSink& on_issue, const ProgressSink& on_progress,
                    PipelineCounters& counters) {
  Shared sh;
  const std::size_t limit = std::max<std::size_t>(options.queue_limit, 1);
  unsigned workers = options.threads ? options.threads : std::thread::hardware_concurrency();
  workers = std::max(1u, workers);

  std::thread reader;
  std::vector<std::thread> pool;
  // Every way out joins the threads that started (a std::thread still
  // joinable at its destruction would end the process).
  try {
    reader = std::thread([&] { read_inputs(sh, paths, options, limit); });
    for (unsigned i = 0; i < workers; ++i) pool.emplace_back([&] { extract_jobs(sh, extractor); });
  } catch (const std::system_error& e) {
    stop_threads(sh, reader, pool);
    return Status::Limit(std::string("cannot start a thread (out of memory, or a limit on threads): ") + e.what());
  } catch (const std::bad_alloc&) {
    stop_threads(sh, reader, pool);
    return out_of_memory("starting the extraction threads");
  }

  const auto t0 = std::chrono::steady_clock::now();
  SurnameDeferral deferred(options.defer_bytes);   // options.defer_partial_names
  const ExtractionSink hand = counting_sink(sink, counters);
  Status result = write_in_order(sh, options, hand, deferred, on_issue, on_progress, counters, t0);
  stop_threads(sh, reader, pool);
  if (result.ok()) result = deferred.release(hand);
  if (on_progress)
    on_progress(counters, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  if (!result.ok()) return result;
  return sh.read_status;
}

}  // namespace geokg
