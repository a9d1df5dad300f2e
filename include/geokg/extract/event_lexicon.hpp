#pragma once
// Event patterns (data/events/*.json and user files given with --lexicon):
// verbs and phrases mapped to CAMEO codes. Format documented in data/README.md.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/status.hpp"

namespace geokg {

class EventLexicon {
 public:
  EventLexicon();
  ~EventLexicon();
  EventLexicon(EventLexicon&&) noexcept;
  EventLexicon& operator=(EventLexicon&&) noexcept;

  // Adds the patterns of one JSON text (a file's, read by add_lexicon_file in
  // geokg/ingest/model_files.hpp); InvalidInput naming `origin` and the pattern on error.
  Status add_json(const std::string& json_text, const std::string& origin);
  // Adds agent head nouns ("officials", "troops"); load_lexicons passes the
  // actor lexicon's ActorLexicon::agent_heads(). Call before finalize().
  void add_agent_heads(const std::vector<std::string>& nouns);
  void finalize();

  std::size_t size() const;
  // Whether the pattern of that id has a noun head ("talks with", "visit to").
  bool nominal(std::string_view id) const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg
