// geokg parse: the syntactic analysis the event coder reads, as CoNLL-U.

#include <filesystem>
#include <fstream>
#include <iostream>

#include "common.hpp"
#include "geokg/ingest/model_files.hpp"
#include "geokg/core/data_dir.hpp"
#include "geokg/ingest/conllu.hpp"
#include "geokg/extract/tagger.hpp"
#include "geokg/ingest/reader.hpp"
#include "geokg/extract/syntax.hpp"
#include "geokg/extract/text.hpp"

namespace geokg::cli {

namespace {

struct ParseFlags {
  std::string conllu;
  std::vector<std::string> paths;
  std::string format = "auto";
};

struct Models {
  PosTagger tagger;
  DependencyParser parser;
};

Models load_models_or_exit() {
  const std::filesystem::path root(default_data_dir());
  auto tagger = load_tagger((root / "tagger" / "ptb-perceptron.bin").string());
  if (!tagger.ok()) {
    print_error("cannot load the tagger: " + tagger.status().message());
    exit_with(kExitError);
  }
  if (Status s = load_word_classes(*tagger, (root / "lemmas" / "wordnet-pos.tsv.gz").string()); !s.ok()) {
    print_error("cannot load the tagger: " + s.message());
    exit_with(kExitError);
  }
  auto parser = load_parser((root / "parser" / "ud-arceager.bin").string());
  if (!parser.ok()) {
    print_error("cannot load the parser: " + parser.status().message());
    exit_with(kExitError);
  }
  return Models{std::move(tagger).value(), std::move(parser).value()};
}

// Tags and parses one sentence of words and writes its word lines; lines of
// `raw` that are not words (multiword ranges, empty nodes) are kept as read,
// in their place.
void write_parsed(std::ostream& out, const Models& m, const std::vector<std::string_view>& words,
                  const std::vector<std::string>* raw = nullptr, const std::vector<std::size_t>* word_lines = nullptr,
                  const std::vector<std::string>* forms = nullptr) {
  std::vector<std::uint16_t> tags;
  ParsedWords tree;
  tag_and_parse_words(words, m.tagger, m.parser, tags, tree);
  if (!raw) {
    for (std::size_t i = 0; i < words.size(); ++i) write_conllu_word(out, i, words[i], {}, tags[i], tree);
    return;
  }
  std::size_t next_word = 0;
  for (std::size_t l = 0; l < raw->size(); ++l) {
    if (next_word < word_lines->size() && (*word_lines)[next_word] == l) {
      write_conllu_word(out, next_word, forms ? std::string_view((*forms)[next_word]) : words[next_word], {},
                        tags[next_word], tree);
      ++next_word;
    } else {
      out << (*raw)[l] << '\n';
    }
  }
}

void run_parse_conllu(const Models& m, const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) {
      print_error("cannot open " + path);
      exit_with(kExitError);
    }
    in = &file;
  }
  Status s = read_conllu(*in, path == "-" ? "stdin" : path, [&](ConlluSentence&& sent) {
    for (const auto& c : sent.comments) std::cout << c << '\n';
    // The models read normalised text; the output keeps the forms as given.
    std::vector<std::string> normal;
    for (const auto& form : sent.forms) normal.push_back(normalise_treebank_form(form));
    std::vector<std::string_view> words(normal.begin(), normal.end());
    write_parsed(std::cout, m, words, &sent.lines, &sent.word_lines, &sent.forms);
    std::cout << '\n';
    return static_cast<bool>(std::cout);
  });
  if (!s.ok()) {
    print_error(s.message());
    exit_with(kExitError);
  }
}

void run_parse_text(const Models& m, const ParseFlags& f) {
  ReadOptions options;
  options.format = *input_format_from_string(f.format);
  bool failed = false;
  for (const auto& path : f.paths) {
    Status s = read_articles(
        path, options,
        [&](Article&& a) {
          const Document doc = prepare_document(a);
          std::vector<std::string_view> words;
          for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
            const Sentence& sent = doc.sentences[si];
            words.clear();
            for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k)
              split_for_treebank(doc.token_text(doc.tokens[k]), words);
            if (words.empty()) continue;
            std::cout << "# sent_id = " << a.id << "-" << (si + 1) << "\n# text = ";
            for (char c : doc.sentence_text(sent)) std::cout << (c == '\n' ? ' ' : c);
            std::cout << '\n';
            write_parsed(std::cout, m, words);
            std::cout << '\n';
          }
          return static_cast<bool>(std::cout);
        },
        [&](const ReadIssue& issue) {
          std::cerr << "geokg: skipped " << issue.where << ": " << issue.message << "\n";
        });
    if (!s.ok()) {
      print_error(s.message());
      failed = true;
    }
  }
  if (failed) exit_with(kExitError);
}

}  // namespace

void register_parse_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "parse",
      "Print the part-of-speech tags and dependency trees geokg reads, as CoNLL-U (UPOS, XPOS,\n"
      "HEAD, DEPREL; FEATS Polarity=Neg on negations). Reads CoNLL-U (--conllu FILE: only the\n"
      "FORM column is used, other lines are kept) or articles (PATH: text, JSONL, HTML), so\n"
      "that the output can be scored with the CoNLL 2018 evaluation.");
  auto f = std::make_shared<ParseFlags>();
  cmd->add_option("--conllu", f->conllu, "CoNLL-U file to parse ('-' for stdin)");
  cmd->add_option("--format", f->format, "Input format of PATH: auto|text|jsonl|html")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html"}))
      ->capture_default_str();
  cmd->add_option("PATH", f->paths, "Articles to parse: files, directories, '-' for stdin");
  cmd->callback([f] {
    if (f->conllu.empty() == f->paths.empty()) {
      print_error("parse: give either --conllu FILE or article PATHs");
      exit_with(kExitUsage);
    }
    const Models m = load_models_or_exit();
    if (!f->conllu.empty()) run_parse_conllu(m, f->conllu);
    else run_parse_text(m, *f);
    std::cout.flush();
    if (!std::cout) {
      print_error("parse: cannot write the output");
      exit_with(kExitError);
    }
  });
}

}  // namespace geokg::cli
