#pragma once
// An article built to attack a web page: actor names, a sentence, a title,
// a publisher and a URL holding markup, event-handler attributes, quotes and
// a javascript: URL. The explorer must show every one of them as text and
// never link the URL. Used by serve_api_test and, through the
// geokg_fixture_db tool, by the browser tests. No Boost.Test here: the tool
// is a plain program.

#include <string>

#include "geokg/core/model.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::test {

// Each payload, when run as HTML, marks the page (body[data-pwned]) or opens
// an alert, which the browser tests look for.
inline const std::string kHostileScript = "<script>document.body.dataset.pwned='script'</script>";
inline const std::string kHostileImg = "<img src=x onerror=\"document.body.dataset.pwned='img';alert(1)\">";
inline const std::string kHostileQuote = "O'Neil \"&amp;\" <b>Bold</b> Front";
inline const std::string kHostileUrl = "javascript:document.body.dataset.pwned='url'";
inline const std::string kHostileSentence =
    "<script>document.body.dataset.pwned='script'</script> met <img src=x onerror=\"document.body.dataset.pwned='img';alert(1)\"> "
    "at <a href=\"javascript:alert(1)\">the \"summit\"</a> & <b>agreed</b>.";
inline const std::string kHostileTitle = "<img src=x onerror=alert('title')> Breaking: \"quotes\" & <i>tags</i>";
inline const std::string kHostilePublisher = "<b onmouseover=alert(1)>Evil Wire</b>";

inline ExtractedActor hostile_actor(std::string name, NodeKind kind, std::string country) {
  ExtractedActor a;
  a.name = std::move(name);
  a.kind = kind;
  a.country = std::move(country);
  a.mentions = 2;
  return a;
}

inline ExtractedEvent hostile_event(int source, int target, std::string cameo, std::string relation,
                                    std::string sentence) {
  ExtractedEvent e;
  e.source = source;
  e.target = target;
  e.cameo = std::move(cameo);
  e.relation = std::move(relation);
  e.date = Date::Day(2024, 5, 1);
  e.confidence = 0.9f;
  e.evidence.sentence = std::move(sentence);
  e.evidence.end = static_cast<std::uint32_t>(e.evidence.sentence.size());
  e.evidence.rule = "<rule onclick=alert(1)>";
  return e;
}

// Commits the hostile article (id "hostile"): kHostileScript met kHostileImg,
// kHostileQuote accused kHostileScript, and kHostileImg met Antony Blinken
// (so the hostile actors hang off the rest of the graph).
inline Status commit_hostile(GraphStore& store) {
  Article a;
  a.id = "hostile";
  a.title = kHostileTitle;
  a.date = Date::Day(2024, 5, 1);
  a.source = kHostilePublisher;
  a.url = kHostileUrl;
  Extraction x;
  x.actors.push_back(hostile_actor(kHostileScript, NodeKind::kPerson, "USA"));       // 0
  x.actors.push_back(hostile_actor(kHostileImg, NodeKind::kOrganization, ""));       // 1
  x.actors.push_back(hostile_actor(kHostileQuote, NodeKind::kGroup, "GBR"));         // 2
  x.actors.push_back(hostile_actor("Antony Blinken", NodeKind::kPerson, "USA"));     // 3
  x.actors[3].aliases = {"Blinken"};
  x.events.push_back(hostile_event(0, 1, "040", "met <i>secretly</i>", kHostileSentence));
  x.events.push_back(hostile_event(2, 0, "112", "accused", kHostileQuote + " accused the \"script\" <u>actor</u>."));
  x.events.push_back(hostile_event(1, 3, "040", "met", "Blinken met them & <em>left</em>."));
  auto r = store.commit(a, x);
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace geokg::test
