#include "geokg/ingest/extractor.hpp"

#include <algorithm>
#include <filesystem>

#include "geokg/core/ids.hpp"
#include "geokg/ingest/actors.hpp"
#include "geokg/ingest/events.hpp"
#include "geokg/ingest/text.hpp"
#include "geokg/ingest/time.hpp"

namespace geokg {

namespace {
// JSON files of a data sub-folder, in name order so that loading is deterministic.
std::vector<std::string> json_files(const std::filesystem::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

Result<std::shared_ptr<const Lexicons>> load_lexicons(const std::string& data_dir,
                                                      const std::vector<std::string>& extra_files,
                                                      const LexiconOptions& options) {
  auto lex = std::make_shared<Lexicons>();
  const std::filesystem::path root(data_dir);
  if (data_dir.empty() || !std::filesystem::is_directory(root))
    return Status::NotFound("data directory not found (set GEOKG_DATA_DIR): '" + data_dir + "'");

  auto cameo = CameoTable::Load((root / "cameo-codes.tsv").string());
  if (!cameo.ok()) return cameo.status();
  lex->cameo = std::move(cameo).value();

  if (options.pos_tagger) {
    auto tagger = PosTagger::Load((root / "tagger" / "ptb-perceptron.bin").string());
    if (!tagger.ok()) return tagger.status();
    lex->tagger = std::move(tagger).value();
  }

  for (const auto& f : json_files(root / "actors"))
    if (Status s = lex->actors.add_file(f); !s.ok()) return s;
  for (const auto& f : json_files(root / "events"))
    if (Status s = lex->events.add_file(f); !s.ok()) return s;
  // A user lexicon may carry actors, titles and event patterns together:
  // each loader takes the sections it knows and ignores the rest.
  for (const auto& f : extra_files) {
    if (!std::filesystem::is_regular_file(f)) return Status::NotFound("lexicon file not found: " + f);
    if (Status s = lex->actors.add_file(f); !s.ok()) return s;
    if (Status s = lex->events.add_file(f); !s.ok()) return s;
  }
  lex->actors.finalize();
  // Agent nouns live with the actor lexicon (actors/agents.json); the event
  // matcher reads them as the heads that let a demonym act.
  lex->events.add_agent_heads(lex->actors.agent_heads());
  lex->events.finalize();
  return std::shared_ptr<const Lexicons>(std::move(lex));
}

Extractor::Extractor(std::shared_ptr<const Lexicons> lexicons) : lexicons_(std::move(lexicons)) {}

Extraction Extractor::extract(const Article& article) const {
  Document doc = prepare_document(article);
  lexicons_->tagger.tag(doc);
  anchor_times(doc);
  find_actors(doc, lexicons_->actors);
  Extraction out;
  find_events(doc, lexicons_->events, out.events);
  for (auto& ev : out.events) {
    ev.evidence.article_id = article.id;
    ev.evidence.source = article.source;
  }
  out.actors = std::move(doc.actors);
  scope_common_nouns(out);
  return out;
}

void scope_common_nouns(Extraction& ex) {
  for (std::size_t i = 0; i < ex.actors.size(); ++i) {
    ExtractedActor& a = ex.actors[i];
    if (a.naming != Naming::kCommon) continue;
    std::vector<std::string> with;
    for (const ExtractedEvent& e : ex.events) {
      const int other = e.source == static_cast<int>(i) ? e.target : e.target == static_cast<int>(i) ? e.source : -1;
      if (other < 0 || static_cast<std::size_t>(other) >= ex.actors.size()) continue;
      const ExtractedActor& o = ex.actors[static_cast<std::size_t>(other)];
      if (o.naming == Naming::kCommon) continue;
      with.push_back(to_hex(node_id(o)));
    }
    std::sort(with.begin(), with.end());
    with.erase(std::unique(with.begin(), with.end()), with.end());
    a.scope.clear();
    for (const auto& w : with) a.scope += (a.scope.empty() ? "" : ",") + w;
  }
}

}  // namespace geokg
