// HTML pages into Articles: a pre-scan that bounds what the HTML parser
// (gumbo) will build, then the parse, then the article body's text.

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "geokg/ingest/reader.hpp"
#include "reader_impl.hpp"

namespace geokg {

using detail::trim;

namespace {


bool is_dropped_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MENU:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BR: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

// class/id/role words that mark page furniture rather than the story.
bool is_furniture(const GumboElement& e) {
  static constexpr std::string_view kWords[] = {
      "share", "social", "menu", "navbar", "breadcrumb", "related", "comment", "newsletter",
      "subscribe", "advert", "promo", "cookie", "sidebar", "footer", "header", "byline",
      "caption", "credit", "toolbar", "signup", "popup", "modal", "banner", "recommend"};
  for (const char* name : {"class", "id", "role"}) {
    const char* v = attr(e, name);
    if (!v) continue;
    const std::string_view s(v);
    for (auto w : kWords)
      if (ifind(s, w) != std::string_view::npos) return true;
  }
  const char* role = attr(e, "role");
  if (role && (istarts_with(role, "navigation") || istarts_with(role, "complementary"))) return true;
  return attr(e, "hidden") != nullptr || (attr(e, "aria-hidden") && std::string_view(attr(e, "aria-hidden")) == "true");
}

struct HtmlText {
  std::string out;
  bool pending_space = false;
  void brk() {
    pending_space = false;
    if (out.empty()) return;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') return;
    out += out.back() == '\n' ? "\n" : "\n\n";
  }
  void text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space = true;
        continue;
      }
      if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
      pending_space = false;
      out += c;
    }
  }
};

void collect_text(const GumboNode* node, HtmlText& t, int depth) {
  if (depth > 400) return;  // pathological nesting
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    t.text(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboElement& e = node->v.element;
  if (is_dropped_tag(e.tag)) return;
  // <body> and <article> carry site-wide classes; only inner elements are judged.
  if (e.tag != GUMBO_TAG_BODY && e.tag != GUMBO_TAG_ARTICLE && e.tag != GUMBO_TAG_MAIN && is_furniture(e))
    return;
  const bool block = is_block_tag(e.tag);
  if (block) t.brk();
  for (unsigned i = 0; i < e.children.length; ++i)
    collect_text(static_cast<const GumboNode*>(e.children.data[i]), t, depth + 1);
  if (block) t.brk();
}

void node_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  for (unsigned i = 0; i < node->v.element.children.length; ++i)
    node_text(static_cast<const GumboNode*>(node->v.element.children.data[i]), out);
}

std::string collapse_ws(std::string_view s) {
  std::string out;
  bool sp = false;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      sp = true;
      continue;
    }
    if (sp && !out.empty()) out += ' ';
    sp = false;
    out += c;
  }
  return out;
}

struct HtmlFinds {
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  std::string title_tag, og_title, h1, date_meta, time_datetime, url, site;
  std::string canonical;   // <link rel="canonical" href="…">, absolute http(s) only
};

void scan_html(const GumboNode* node, HtmlFinds& f, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > 400) return;
  const GumboElement& e = node->v.element;
  switch (e.tag) {
    case GUMBO_TAG_TITLE:
      if (f.title_tag.empty()) node_text(node, f.title_tag);
      break;
    case GUMBO_TAG_H1:
      if (f.h1.empty()) node_text(node, f.h1);
      break;
    case GUMBO_TAG_ARTICLE:
      if (!f.article) f.article = node;
      break;
    case GUMBO_TAG_MAIN:
      if (!f.main) f.main = node;
      break;
    case GUMBO_TAG_BODY:
      if (!f.body) f.body = node;
      break;
    case GUMBO_TAG_TIME:
      if (f.time_datetime.empty() && attr(e, "datetime")) f.time_datetime = attr(e, "datetime");
      break;
    case GUMBO_TAG_LINK: {
      const char* rel = attr(e, "rel");
      const char* href = attr(e, "href");
      if (rel && href && f.canonical.empty()) {
        std::string r(rel);
        ascii_lower_in_place(r);
        std::string h = collapse_ws(href);
        // A relative link names nothing without the page's own address.
        if (r == "canonical" && (h.starts_with("http://") || h.starts_with("https://"))) f.canonical = std::move(h);
      }
      break;
    }
    case GUMBO_TAG_META: {
      const char* key = attr(e, "property");
      if (!key) key = attr(e, "name");
      if (!key) key = attr(e, "itemprop");
      const char* content = attr(e, "content");
      if (key && content) {
        const std::string_view k(key);
        if (k == "og:title" && f.og_title.empty()) f.og_title = content;
        else if ((k == "article:published_time" || k == "datePublished" || k == "date" ||
                  k == "pubdate" || k == "publish-date" || k == "dc.date") && f.date_meta.empty())
          f.date_meta = content;
        else if (k == "og:url" && f.url.empty()) f.url = content;
        else if (k == "og:site_name" && f.site.empty()) f.site = content;
      }
      break;
    }
    default:
      break;
  }
  for (unsigned i = 0; i < e.children.length; ++i)
    scan_html(static_cast<const GumboNode*>(e.children.data[i]), f, depth + 1);
}

// ---- bounds --------------------------------------------------------------------
//
// gumbo builds the tree the HTML standard prescribes, and some inputs make that
// tree, or the work to build it, grow faster than the input: the open elements
// are searched on many tags (100,000 nested <div> took 18.6 s), and formatting
// elements left open (<b>, <i>, <font>...) are made again inside every later
// block (20,000 unclosed <b><i> pairs, 240 KB, took 12.6 GB). This pre-scan
// follows the nesting roughly as the parser will, erring on the deep side, in
// time linear in the input, and removes the tags beyond the bounds before gumbo
// sees them. Their text stays: a pathological page still gives its words, only
// flatter.

constexpr std::size_t kMaxHtmlDepth = 256;          // open elements
constexpr std::size_t kMaxHtmlFormatting = 12;      // formatting elements left open
constexpr std::size_t kMaxHtmlElements = 100'000;   // elements in the page
// Formatting end tags with other elements open inside them (<b><p>...</b>):
// the parser's "adoption agency" restructures the tree for each, at a cost
// that grows with the elements open and the siblings moved.
constexpr std::size_t kMaxMisnestedFormatting = 64;
constexpr std::size_t kMaxTagNames = 4096;          // distinct tag names told apart

// What the pre-scan needs to know of a tag name.
enum TagFlag : std::uint16_t {
  kVoid = 1 << 0,         // no content, never open (<br>, <img>)
  kFormatting = 1 << 1,   // reopened in later blocks while left open (<b>, <a>)
  kRawText = 1 << 2,      // content is not markup (<script>): jump to the end tag
  kBoundary = 1 << 3,     // ends the parser's scope searches; a marker for formatting
  kClosesP = 1 << 4,      // its start tag closes an open <p>
  kPlaintext = 1 << 5,    // everything after it is text
  kHeading = 1 << 6,
};

// Elements a start tag may close implicitly: the group of the open element,
// and the elements that stop the search for it.
enum Group : std::uint8_t { kGroupP, kGroupLi, kGroupDdDt, kGroupTr, kGroupCell, kGroupOption, kGroups };

struct TagInfo {
  std::uint16_t flags = 0;
  std::int8_t group = -1;         // the group this element belongs to
  std::uint8_t stops = 0;         // bit g: its presence stops the search for group g
  std::uint8_t closes = 0;        // bit g: its start tag closes an open element of group g
};

const std::unordered_map<std::string_view, TagInfo>& known_tags() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, TagInfo>();
    const auto add = [&](std::initializer_list<std::string_view> names, auto&& fn) {
      for (auto n : names) fn((*t)[n]);
    };
    add({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr", "basefont", "bgsound", "frame", "keygen", "image"},
        [](TagInfo& i) { i.flags |= kVoid; });
    add({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"},
        [](TagInfo& i) { i.flags |= kFormatting; });
    add({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"},
        [](TagInfo& i) { i.flags |= kRawText; });
    // Scope boundaries end the search for p, li, dd/dt and option; only the
    // table scope (table, html, template) ends the search for rows and cells.
    add({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"}, [](TagInfo& i) {
      i.flags |= kBoundary;
      i.stops |= 1 << kGroupP | 1 << kGroupLi | 1 << kGroupDdDt | 1 << kGroupOption;
    });
    add({"table", "html", "template"}, [](TagInfo& i) { i.stops |= 1 << kGroupTr | 1 << kGroupCell; });
    add({"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
         "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
         "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
         "li", "dd", "dt", "listing", "xmp", "plaintext"},
        [](TagInfo& i) { i.flags |= kClosesP; });
    add({"h1", "h2", "h3", "h4", "h5", "h6"}, [](TagInfo& i) { i.flags |= kHeading; });
    (*t)["plaintext"].flags |= kPlaintext;
    (*t)["p"].group = kGroupP;
    (*t)["button"].stops |= 1 << kGroupP;
    (*t)["li"].group = kGroupLi;
    add({"ol", "ul"}, [](TagInfo& i) { i.stops |= 1 << kGroupLi; });
    add({"dd", "dt"}, [](TagInfo& i) { i.group = kGroupDdDt; });
    (*t)["dl"].stops |= 1 << kGroupDdDt;
    (*t)["tr"].group = kGroupTr;
    add({"td", "th"}, [](TagInfo& i) { i.group = kGroupCell; });
    (*t)["tr"].stops |= 1 << kGroupCell;
    (*t)["option"].group = kGroupOption;
    (*t)["select"].stops |= 1 << kGroupOption;
    add({"li"}, [](TagInfo& i) { i.closes |= 1 << kGroupLi; });
    add({"dd", "dt"}, [](TagInfo& i) { i.closes |= 1 << kGroupDdDt; });
    add({"tr", "thead", "tbody", "tfoot"}, [](TagInfo& i) { i.closes |= 1 << kGroupTr | 1 << kGroupCell; });
    add({"td", "th"}, [](TagInfo& i) { i.closes |= 1 << kGroupCell; });
    add({"option", "optgroup"}, [](TagInfo& i) { i.closes |= 1 << kGroupOption; });
    for (auto& [name, info] : *t)
      if (info.flags & kClosesP) info.closes |= 1 << kGroupP;
    return t;
  }();
  return *table;
}

class HtmlBounds {
 public:
  explicit HtmlBounds(std::string_view in) : in_(in) {}

  // The markup without the tags beyond the bounds; nullopt when none was removed.
  std::optional<std::string> run() {
    std::size_t i = 0;
    const std::size_t n = in_.size();
    while (i < n) {
      const std::size_t lt = in_.find('<', i);
      if (lt == std::string_view::npos || lt + 1 >= n) break;
      i = lt;
      const char c = in_[i + 1];
      if (c == '!') {
        const bool comment = in_.compare(i, 4, "<!--") == 0;
        const std::size_t end = comment ? in_.find("-->", i + 4) : in_.find('>', i + 2);
        i = end == std::string_view::npos ? n : end + (comment ? 3 : 1);
      } else if (c == '?') {
        const std::size_t end = in_.find('>', i + 2);
        i = end == std::string_view::npos ? n : end + 1;
      } else if (c == '/' && i + 2 < n && alpha(in_[i + 2])) {
        const std::size_t name_end = scan_name(i + 2);
        const std::size_t end = tag_end(name_end);
        if (end == std::string_view::npos) break;
        if (!end_tag(tag(i + 2, name_end))) removed_.emplace_back(i, end + 1);
        i = end + 1;
      } else if (alpha(c)) {
        const std::size_t name_end = scan_name(i + 1);
        const std::size_t end = tag_end(name_end);
        if (end == std::string_view::npos) break;
        const Tag t = tag(i + 1, name_end);
        const bool kept = start_tag(t);
        if (!kept) removed_.emplace_back(i, end + 1);
        if (kept && (t.info.flags & kPlaintext)) break;
        const std::string_view name = in_.substr(i + 1, name_end - i - 1);
        i = end + 1;
        if (kept && (t.info.flags & kRawText)) i = raw_text_end(name, i);
      } else {
        ++i;
      }
    }
    if (removed_.empty()) return std::nullopt;
    std::string out;
    out.reserve(n);
    std::size_t from = 0;
    for (const auto& [b, e] : removed_) {
      out.append(in_.substr(from, b - from));
      from = e;
    }
    out.append(in_.substr(from));
    return out;
  }

 private:
  struct Tag {
    std::uint16_t id = 0;   // interned name
    TagInfo info;
  };
  struct Open {
    Tag tag;
    std::size_t formatting_before = 0;   // the open formatting count when it opened (for markers)
    // Per group: the index of the topmost open element of the group that a
    // start tag could close from here (npos when a stop lies in between).
    std::array<std::uint32_t, kGroups> last{};
  };
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  static bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  std::size_t scan_name(std::size_t p) const {
    while (p < in_.size() && in_[p] != '>' && in_[p] != '/' && in_[p] != ' ' && in_[p] != '\t' &&
           in_[p] != '\n' && in_[p] != '\r' && in_[p] != '\f')
      ++p;
    return p;
  }

  // The name's interned id and what is known of it. Past kMaxTagNames
  // distinct names, unknown ones share one id.
  Tag tag(std::size_t b, std::size_t e) {
    std::string name(in_.substr(b, std::min<std::size_t>(e - b, 64)));
    for (char& ch : name) ch = ascii_lower(ch);
    Tag t;
    if (auto k = known_tags().find(name); k != known_tags().end()) t.info = k->second;
    auto it = ids_.find(name);
    if (it == ids_.end()) {
      if (ids_.size() >= kMaxTagNames) return t;   // id 0: the shared one
      it = ids_.emplace(std::move(name), static_cast<std::uint16_t>(ids_.size() + 1)).first;
    }
    t.id = it->second;
    return t;
  }

  // The '>' that ends a tag whose name ends at `p`; quoted attribute values may hold '>'.
  std::size_t tag_end(std::size_t p) const {
    while (p < in_.size()) {
      const char ch = in_[p];
      if (ch == '>') return p;
      ++p;
      if (ch != '=') continue;
      while (p < in_.size() && (in_[p] == ' ' || in_[p] == '\t' || in_[p] == '\n' || in_[p] == '\r')) ++p;
      if (p < in_.size() && (in_[p] == '"' || in_[p] == '\'')) {
        const std::size_t close = in_.find(in_[p], p + 1);
        if (close == std::string_view::npos) return close;
        p = close + 1;
      }
    }
    return std::string_view::npos;
  }

  // Where the end tag of a raw-text element starts, or the end of the input.
  std::size_t raw_text_end(std::string_view name, std::size_t from) const {
    for (std::size_t p = in_.find("</", from); p != std::string_view::npos; p = in_.find("</", p + 2))
      if (istarts_with(in_.substr(p + 2), name)) return p;
    return in_.size();
  }

  void push(const Tag& t) {
    Open o{t, formatting_, {}};
    const std::uint32_t self = static_cast<std::uint32_t>(open_.size());
    for (std::size_t g = 0; g < kGroups; ++g) {
      if (t.info.group == static_cast<std::int8_t>(g)) o.last[g] = self;
      else if (t.info.stops & (1u << g)) o.last[g] = kNone;
      else o.last[g] = open_.empty() ? kNone : open_.back().last[g];
    }
    open_.push_back(o);
    ++open_count_[t.id];
  }

  // Pops open elements down to and including index `at`.
  void pop_to(std::size_t at) {
    while (open_.size() > at) {
      if (open_.back().tag.info.flags & kBoundary) formatting_ = open_.back().formatting_before;
      --open_count_[open_.back().tag.id];
      open_.pop_back();
    }
  }

  // Takes the open element at `k` out, keeping those above it.
  void remove_open(std::size_t k) {
    std::vector<Open> above(open_.begin() + static_cast<std::ptrdiff_t>(k) + 1, open_.end());
    pop_to(k);
    for (const Open& o : above) push(o.tag);
  }

  // How many open elements remain once the start tag `t` has closed the
  // ones it closes implicitly (an open <p> before a block, <li> before <li>...).
  std::size_t depth_after_implied_closes(const Tag& t) const {
    std::size_t depth = open_.size();
    if (depth == 0) return 0;
    for (std::size_t g = 0; g < kGroups; ++g)
      if ((t.info.closes & (1u << g)) && open_.back().last[g] != kNone)
        depth = std::min<std::size_t>(depth, open_.back().last[g]);
    if ((t.info.flags & kHeading) && depth == open_.size() && (open_.back().tag.info.flags & kHeading))
      depth = open_.size() - 1;
    return depth;
  }

  void remember_dropped(const Tag& t) { ++dropped_[t.id]; }

  // True when the start tag stays. A tag removed closes nothing: the parser
  // never sees it.
  bool start_tag(const Tag& t) {
    const bool formatting = t.info.flags & kFormatting;
    const std::size_t depth = depth_after_implied_closes(t);
    const bool keep = elements_ < kMaxHtmlElements &&
                      ((t.info.flags & kVoid) ||
                       (depth < kMaxHtmlDepth && !(formatting && formatting_ >= kMaxHtmlFormatting)));
    if (!keep) {
      remember_dropped(t);
      return false;
    }
    pop_to(depth);
    ++elements_;
    if (t.info.flags & kVoid) return true;
    push(t);
    if (formatting) ++formatting_;
    return true;
  }

  // True when the end tag stays: not when it ends an element whose start tag
  // went, nor when it is one misnested formatting end tag too many (the
  // element then stays open, which only changes formatting).
  bool end_tag(const Tag& t) {
    if (dropped_[t.id] > 0) {
      --dropped_[t.id];
      return false;
    }
    const bool formatting = t.info.flags & kFormatting;
    if (open_count_[t.id] > 0) {
      // Past the budget, only a formatting element on top still closes (no search).
      if (formatting && misnested_ >= kMaxMisnestedFormatting && open_.back().tag.id != t.id) return false;
      std::size_t k = open_.size() - 1;
      while (open_[k].tag.id != t.id) --k;
      if (formatting && k + 1 < open_.size()) {
        if (++misnested_ > kMaxMisnestedFormatting) return false;
        // The adoption agency takes the formatting element out and keeps the
        // elements opened inside it open (moved under a copy of it).
        remove_open(k);
      } else {
        pop_to(k);
      }
    }
    if (formatting && formatting_ > 0) --formatting_;
    return true;
  }

  std::string_view in_;
  std::unordered_map<std::string, std::uint16_t> ids_;
  std::array<std::uint32_t, kMaxTagNames + 1> open_count_{};   // open elements by name id
  std::array<std::uint32_t, kMaxTagNames + 1> dropped_{};      // start tags removed by name id
  std::vector<Open> open_;
  std::size_t formatting_ = 0;   // formatting elements opened and not ended
  std::size_t elements_ = 0;     // elements kept
  std::size_t misnested_ = 0;    // misnested formatting end tags seen
  std::vector<std::pair<std::size_t, std::size_t>> removed_;
};

}  // namespace

std::optional<std::string> bound_html(std::string_view html) { return HtmlBounds(html).run(); }

Result<Article> parse_html_article(std::string_view content, const ReadOptions& options,
                                   const std::string& origin) {
  if (content.size() > options.max_html_bytes)
    return Status::Limit(detail::too_big(content.size(), options.max_html_bytes, "HTML input"));
  std::string markup = detail::sanitize_utf8(content);
  if (auto bounded = bound_html(markup)) markup = std::move(*bounded);
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;   // the parse errors are never read: do not keep them
  GumboOutput* out = gumbo_parse_with_options(&gumbo_options, markup.data(), markup.size());
  if (!out) return Status::InvalidInput("HTML could not be parsed");
  HtmlFinds f;
  scan_html(out->root, f, 0);
  const GumboNode* root = f.article ? f.article : f.main ? f.main : f.body ? f.body : out->root;
  HtmlText t;
  collect_text(root, t, 0);
  gumbo_destroy_output(&gumbo_options, out);

  Article a;
  a.text = std::string(trim(t.out));
  a.title = collapse_ws(!f.og_title.empty() ? f.og_title : !f.title_tag.empty() ? f.title_tag : f.h1);
  // og:url first (it made the article ids of pages read before the canonical
  // link was), else the canonical link.
  a.url = !f.url.empty() ? f.url : f.canonical;
  for (const std::string* v : {&f.date_meta, &f.time_datetime}) {
    if (v->empty()) continue;
    if (auto d = detail::parse_date_value(*v)) {
      a.date = *d;
      break;
    }
  }
  if (trim(a.text).empty()) return Status::InvalidInput("no article text in HTML");
  if (Status s = detail::check_size(a, options); !s.ok()) return s;
  detail::finish_article(a, options, origin);
  return a;
}

}  // namespace geokg
