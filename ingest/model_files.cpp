#include "geokg/ingest/model_files.hpp"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace geokg {

Result<std::string> read_whole_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::NotFound(what + " not found: " + path);
  const std::streamoff size = in.tellg();
  std::string bytes;
  if (size >= 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(bytes.data(), size);
  }
  if (size < 0 || !in) return Status::IOError("cannot read " + what + ": " + path);
  return bytes;
}

Result<std::string> read_gzip_file(const std::string& path, const std::string& what) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(what + " not found: " + path);
  std::string text;
  char chunk[1 << 16];
  int n = 0;
  while ((n = gzread(f, chunk, sizeof chunk)) > 0) text.append(chunk, static_cast<std::size_t>(n));
  const bool bad = n < 0;
  if (gzclose(f) != Z_OK || bad) return Status::IOError("cannot read " + what + ": " + path);
  return text;
}

namespace {
std::span<const unsigned char> as_bytes(const std::string& s) {
  return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}
}  // namespace

Result<PosTagger> load_tagger(const std::string& path) {
  auto bytes = read_whole_file(path, "tagger weights");
  if (!bytes.ok()) return bytes.status();
  return PosTagger::from_bytes(as_bytes(bytes.value()), path);
}

Result<DependencyParser> load_parser(const std::string& path) {
  auto bytes = read_whole_file(path, "parser weights");
  if (!bytes.ok()) return bytes.status();
  return DependencyParser::from_bytes(as_bytes(bytes.value()), path);
}

Status load_word_classes(PosTagger& tagger, const std::string& path) {
  auto text = read_gzip_file(path, "word classes");
  if (!text.ok()) return text.status();
  return tagger.set_word_classes(text.value(), path);
}

Status add_irregular_file(TriggerLexicon& triggers, const std::string& path) {
  auto text = read_whole_file(path, "irregular forms file");
  if (!text.ok()) return text.status();
  return triggers.add_irregular(text.value(), path);
}

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

  if (options.pos_tagger || options.tree_coder) {  // the tagger is small; the parser waits for triggers
    auto tagger = load_tagger((root / "tagger" / "ptb-perceptron.bin").string());
    if (!tagger.ok()) return tagger.status();
    lex->tagger = std::move(tagger).value();
    if (Status s = load_word_classes(lex->tagger, (root / "lemmas" / "wordnet-pos.tsv.gz").string()); !s.ok())
      return s;
  }
  lex->tag_everything = options.pos_tagger;
  lex->flat_fallback = options.flat_fallback;
  // The tree coder needs its codebook (events/triggers/); without one the
  // flat patterns code events.
  const auto trigger_files = json_files(root / "events" / "triggers");
  const bool tree_coder = options.tree_coder && !trigger_files.empty();
  if (tree_coder) {
    auto parser = load_parser((root / "parser" / "ud-arceager.bin").string());
    if (!parser.ok()) return parser.status();
    lex->parser = std::move(parser).value();
    if (Status s = add_irregular_file(lex->triggers, (root / "lemmas" / "irregular.tsv").string()); !s.ok())
      return s;
    for (const auto& f : trigger_files)
      if (Status s = add_lexicon_file(lex->triggers, f); !s.ok()) return s;
  }

  for (const auto& f : json_files(root / "actors"))
    if (Status s = add_lexicon_file(lex->actors, f); !s.ok()) return s;
  for (const auto& f : json_files(root / "events"))
    if (Status s = add_lexicon_file(lex->events, f); !s.ok()) return s;
  // A user lexicon may carry actors, titles and event patterns together:
  // each loader takes the sections it knows and ignores the rest.
  for (const auto& f : extra_files) {
    if (!std::filesystem::is_regular_file(f)) return Status::NotFound("lexicon file not found: " + f);
    if (Status s = add_lexicon_file(lex->actors, f); !s.ok()) return s;
    if (Status s = add_lexicon_file(lex->events, f); !s.ok()) return s;
    if (tree_coder)
      if (Status s = add_lexicon_file(lex->triggers, f); !s.ok()) return s;
  }
  // The gazetteer places events on the map; a data folder without one
  // (a user's GEOKG_DATA_DIR) leaves places as names.
  if (const auto gaz = root / "places" / "gazetteer.tsv"; std::filesystem::exists(gaz)) {
    auto g = geo::Gazetteer::load(gaz.string());
    if (!g.ok()) return g.status();
    lex->gazetteer = std::move(g).value();
  }
  lex->actors.finalize();
  // Agent nouns live with the actor lexicon (actors/agents.json); the event
  // matcher reads them as the heads that let a demonym act.
  lex->events.add_agent_heads(lex->actors.agent_heads());
  lex->events.finalize();
  if (tree_coder) {
    lex->triggers.add_words("agent_heads", lex->actors.agent_heads());
    if (Status s = lex->triggers.finalize(lex->cameo.codes()); !s.ok()) return s;
  }
  return std::shared_ptr<const Lexicons>(std::move(lex));
}

}  // namespace geokg
