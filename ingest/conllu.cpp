#include "geokg/ingest/conllu.hpp"

#include <cctype>

#include "geokg/core/ascii.hpp"
#include "geokg/extract/tagger.hpp"

namespace geokg {

namespace {


}  // namespace

std::string normalise_treebank_form(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto d = static_cast<unsigned char>(s[i + 2]);
      if (d >= 0x98 && d <= 0x9B) { out += '\''; i += 3; continue; }
      if (d >= 0x9C && d <= 0x9F) { out += '"'; i += 3; continue; }
      if (d >= 0x90 && d <= 0x95) { out += '-'; i += 3; continue; }
      if (d == 0xA6) { out += "..."; i += 3; continue; }
      if (d == 0xB2) { out += '\''; i += 3; continue; }
      if (d == 0xB3) { out += '"'; i += 3; continue; }
    }
    if (c == 0xC2 && i + 1 < s.size() &&
        (static_cast<unsigned char>(s[i + 1]) == 0xAB || static_cast<unsigned char>(s[i + 1]) == 0xBB)) {
      out += '"';
      i += 2;
      continue;
    }
    out += s[i++];
  }
  return out;
}

Status read_conllu(std::istream& in, const std::string& origin,
                   const std::function<bool(ConlluSentence&&)>& on_sentence) {
  ConlluSentence cur;
  std::string line;
  std::size_t line_no = 0;
  auto flush = [&]() -> bool {
    if (cur.lines.empty() && cur.comments.empty()) return true;
    bool go_on = on_sentence(std::move(cur));
    cur = ConlluSentence();
    return go_on;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!flush()) return Status::Ok();
      continue;
    }
    if (cur.lines.empty() && cur.comments.empty()) cur.first_line = line_no;
    if (line[0] == '#') {
      cur.comments.push_back(line);
      continue;
    }
    std::vector<std::string_view> cols;
    std::string_view l(line);
    for (std::size_t start = 0;;) {
      const std::size_t tab = l.find('\t', start);
      cols.push_back(l.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    const std::string where = origin + ":" + std::to_string(line_no);
    if (cols.size() != 10)
      return Status::InvalidInput(where + ": a token line needs 10 tab-separated columns, found " +
                                  std::to_string(cols.size()));
    const std::string_view id = cols[0];
    cur.lines.push_back(line);
    if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) continue;
    const std::string expected = std::to_string(cur.forms.size() + 1);
    if (id != expected)
      return Status::InvalidInput(where + ": word id '" + std::string(id) + "', expected " + expected);
    cur.word_lines.push_back(cur.lines.size() - 1);
    cur.forms.emplace_back(cols[1]);
  }
  if (in.bad()) return Status::IOError(origin + ": read error");
  flush();
  return Status::Ok();
}

const char* upos_of(std::uint16_t t, std::uint8_t rel, std::string_view w) {
  const bool aux_rel = rel == kDepAux || rel == kDepAuxPass || rel == kDepCop;
  switch (t) {
    case kTagNN: case kTagNNS: return "NOUN";
    case kTagNNP: case kTagNNPS: return "PROPN";
    case kTagMD: return "AUX";
    case kTagVB: case kTagVBD: case kTagVBG: case kTagVBN: case kTagVBP: case kTagVBZ:
      return aux_rel ? "AUX" : "VERB";
    case kTagJJ: case kTagJJR: case kTagJJS: case kTagAFX: return "ADJ";
    case kTagRB: case kTagRBR: case kTagRBS: case kTagWRB:
      return (w == "not" || w == "n't") ? "PART" : "ADV";
    case kTagIN: return rel == kDepMark ? "SCONJ" : "ADP";
    case kTagRP: return "ADP";
    case kTagTO: return rel == kDepCase ? "ADP" : "PART";
    case kTagCC: return "CCONJ";
    case kTagCD: return "NUM";
    case kTagDT: case kTagPDT: case kTagWDT:
      return (rel == kDepDet || rel == kDepDetPredet) ? "DET" : "PRON";
    case kTagPRP: case kTagPRPS: case kTagWP: case kTagWPS: case kTagEX: return "PRON";
    case kTagPOS: return "PART";
    case kTagUH: return "INTJ";
    case kTagSYM: case kTagDollar: case kTagHash: return "SYM";
    case kTagComma: case kTagPeriod: case kTagColon: case kTagOpenQuote: case kTagCloseQuote:
    case kTagLRB: case kTagRRB: case kTagHYPH: case kTagNFP: return "PUNCT";
    default: return "X";
  }
}

void write_conllu_word(std::ostream& out, std::size_t i, std::string_view form, std::string_view lemma,
                       std::uint16_t tag, const ParsedWords& tree) {
  const std::string low = ascii_lower(form);
  const char* xpos = penn_tag_name(tag);
  out << (i + 1) << '\t' << form << '\t' << (lemma.empty() ? std::string_view("_") : lemma) << '\t'
      << upos_of(tag, tree.rels[i], low) << '\t' << (*xpos ? xpos : "_") << '\t'
      << ((low == "not" || low == "n't" || low == "never") ? "Polarity=Neg" : "_") << '\t' << tree.heads[i] << '\t'
      << deprel_name(tree.rels[i]) << "\t_\t_\n";
}

}  // namespace geokg
