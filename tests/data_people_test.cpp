// The shipped people and group lexicons (data/actors/people.json, groups.json)
// are hand-curated data: these checks make a malformed or self-contradictory
// entry fail CI instead of silently mis-resolving names at extraction time.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/core/date.hpp"
#include "geokg/extract/lexicon.hpp"
#include "test_support.hpp"

using nlohmann::json;

namespace {

std::string data_file(const std::string& name) { return std::string(GEOKG_TEST_DATA_DIR) + "/actors/" + name; }

json load(const std::string& name) {
  std::string text = geokg::test::read_file(data_file(name));
  BOOST_REQUIRE_MESSAGE(!text.empty(), "missing or empty " << data_file(name));
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  BOOST_REQUIRE_MESSAGE(!doc.is_discarded(), name << " is not valid JSON");
  BOOST_REQUIRE_MESSAGE(doc.contains("actors") && doc["actors"].is_array(), name << " has no 'actors' array");
  return doc;
}

std::string str(const json& e, const char* key) {
  auto it = e.find(key);
  return it != e.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_alpha3(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 'A' && c <= 'Z'; });
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A date at the earliest / latest day it can name ("2016-05" is 2016-05-01 .. 2016-05-31).
geokg::Date earliest(const geokg::Date& d) {
  return geokg::Date::Day(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}
geokg::Date latest(const geokg::Date& d) {
  int m = d.month ? d.month : 12;
  return geokg::Date::Day(d.year, m, d.day ? d.day : geokg::days_in_month(d.year, m));
}

struct Tenure {
  std::string person;
  geokg::Date from, to;  // to unknown = open
};

}  // namespace

BOOST_AUTO_TEST_SUITE(data_people)

BOOST_AUTO_TEST_CASE(files_load_through_the_actor_lexicon) {
  // The real loader is the final judge of the format (kinds, role fields, dates).
  for (const char* f : {"people.json", "groups.json"}) {
    geokg::ActorLexicon lex;
    auto st = add_lexicon_file(lex, data_file(f));
    BOOST_TEST(st.ok(), f << ": " << st.to_string());
  }
}

BOOST_AUTO_TEST_CASE(people_entries_are_well_formed) {
  json doc = load("people.json");
  const auto& actors = doc["actors"];
  BOOST_TEST(actors.size() >= 300u);  // the brief asks for several hundred people
  std::set<std::string> names;
  for (const auto& e : actors) {
    const std::string name = str(e, "name");
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(!name.empty());
      BOOST_TEST(str(e, "kind") == "person");
      BOOST_TEST(is_alpha3(str(e, "country")), "country '" << str(e, "country") << "'");
      BOOST_TEST(names.insert(name).second, "duplicate name");
      // Bare surnames are the coreference stage's business, never an alias.
      const std::string surname = name.substr(name.rfind(' ') == std::string::npos ? 0 : name.rfind(' ') + 1);
      for (const auto& a : e.value("aliases", json::array())) {
        BOOST_TEST(a.is_string());
        BOOST_TEST(a.get<std::string>() != name, "alias repeats the name");
        if (name.find(' ') != std::string::npos) BOOST_TEST(a.get<std::string>() != surname, "bare surname alias");
      }
      for (const auto& r : e.value("roles", json::array())) {
        const std::string title = str(r, "title");
        BOOST_TEST_CONTEXT(title << " " << str(r, "from") << ".." << str(r, "to")) {
          BOOST_TEST(!title.empty());
          BOOST_TEST(!str(r, "sector").empty());
          const std::string rc = str(r, "country");
          BOOST_TEST((rc.empty() ? !str(r, "organization").empty() : is_alpha3(rc)),
                     "a role names a country or an organisation");
          auto from = geokg::Date::Parse(str(r, "from"));
          BOOST_TEST(from.has_value(), "'from' does not parse");
          if (r.contains("to")) {
            auto to = geokg::Date::Parse(str(r, "to"));
            BOOST_TEST(to.has_value(), "'to' does not parse");
            if (from && to) BOOST_TEST(!(latest(*to) < earliest(*from)), "'to' before 'from'");
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(no_name_or_alias_is_shared_by_two_people) {
  json doc = load("people.json");
  std::map<std::string, std::string> owner;  // surface form -> person
  for (const auto& e : doc["actors"]) {
    std::vector<std::string> forms{str(e, "name")};
    for (const auto& a : e.value("aliases", json::array())) forms.push_back(a.get<std::string>());
    for (const auto& f : forms) {
      auto [it, fresh] = owner.emplace(f, str(e, "name"));
      BOOST_TEST((fresh || it->second == str(e, "name")), "'" << f << "' names " << it->second << " and " << str(e, "name"));
    }
  }
}

BOOST_AUTO_TEST_CASE(role_titles_use_the_canonical_title) {
  // "Foreign Secretary" in a role would never match what the title lexicon
  // makes of "the foreign secretary" (Foreign Minister). A title that is only
  // an alias is allowed when the sector differs: India's Foreign Secretary is
  // a civil servant (DIP), not the minister.
  std::string text = geokg::test::read_file(data_file("titles.json"));
  json titles = json::parse(text, nullptr, /*allow_exceptions=*/false);
  BOOST_REQUIRE(!titles.is_discarded() && titles.contains("titles"));
  std::set<std::string> canonical;
  std::map<std::string, std::pair<std::string, std::string>> alias_of;  // lowercase alias -> (title, sector)
  for (const auto& t : titles["titles"]) {
    canonical.insert(str(t, "title"));
    for (const auto& a : t.value("aliases", json::array()))
      alias_of.emplace(lower(a.get<std::string>()), std::make_pair(str(t, "title"), str(t, "sector")));
  }
  json doc = load("people.json");
  std::size_t roles = 0, canonical_roles = 0;
  for (const auto& e : doc["actors"]) {
    for (const auto& r : e.value("roles", json::array())) {
      const std::string title = str(r, "title");
      ++roles;
      if (canonical.count(title)) {
        ++canonical_roles;
        continue;
      }
      auto it = alias_of.find(lower(title));
      if (it != alias_of.end())
        BOOST_TEST(str(r, "sector") != it->second.second,
                   str(e, "name") << ": role '" << title << "' should be written '" << it->second.first << "'");
    }
  }
  // Most roles are the offices the extractor resolves by title.
  BOOST_TEST(canonical_roles * 10 >= roles * 8, canonical_roles << " of " << roles << " roles use canonical titles");
}

BOOST_AUTO_TEST_CASE(one_holder_at_a_time_for_single_holder_offices) {
  // Two people in the same office on the same day is almost always a typo in
  // a date. Imprecise dates are read generously: "2016-05" may end on the 31st.
  static const std::set<std::string> kSingle = {
      "President",         "Prime Minister",     "Chancellor",          "Foreign Minister",
      "Defence Minister",  "Secretary of State", "Secretary of Defense", "Supreme Leader",
      "King",              "Queen",              "Emperor",             "Emir",
      "Secretary-General", "Speaker of the House", "National Security Adviser",
      "Chief of the General Staff", "Interior Minister", "Finance Minister", "Treasury Secretary"};
  json doc = load("people.json");
  std::map<std::string, std::vector<Tenure>> offices;  // "title|country|organization"
  for (const auto& e : doc["actors"]) {
    for (const auto& r : e.value("roles", json::array())) {
      if (!kSingle.count(str(r, "title"))) continue;
      auto from = geokg::Date::Parse(str(r, "from"));
      auto to = geokg::Date::Parse(str(r, "to"));
      if (!from) continue;  // reported by people_entries_are_well_formed
      offices[str(r, "title") + "|" + str(r, "country") + "|" + str(r, "organization")].push_back(
          {str(e, "name"), *from, to.value_or(geokg::Date{})});
    }
  }
  BOOST_TEST(offices.count("Secretary of State|USA|") == 1u);
  for (const auto& [office, tenures] : offices) {
    for (std::size_t i = 0; i < tenures.size(); ++i) {
      for (std::size_t j = i + 1; j < tenures.size(); ++j) {
        const Tenure& a = tenures[i];
        const Tenure& b = tenures[j];
        if (a.person == b.person) continue;
        // Overlap only when certain: each starts (at its latest) before the other ends (at its earliest).
        bool a_before_b_ends = !b.to.known() || latest(a.from) < earliest(b.to);
        bool b_before_a_ends = !a.to.known() || latest(b.from) < earliest(a.to);
        BOOST_TEST(!(a_before_b_ends && b_before_a_ends),
                   office << ": " << a.person << " (" << a.from.iso() << ".." << a.to.iso() << ") and " << b.person
                          << " (" << b.from.iso() << ".." << b.to.iso() << ")");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(no_person_holds_the_same_office_twice_at_once) {
  // Catches a forgotten 'to' when a person returns to an office.
  json doc = load("people.json");
  for (const auto& e : doc["actors"]) {
    std::map<std::string, int> open;
    for (const auto& r : e.value("roles", json::array()))
      if (!r.contains("to")) ++open[str(r, "title") + "|" + str(r, "country") + "|" + str(r, "organization")];
    for (const auto& [office, n] : open) BOOST_TEST(n == 1, str(e, "name") << " holds " << office << " " << n << " times");
  }
}

BOOST_AUTO_TEST_CASE(known_tenures_resolve_as_news_needs) {
  // Spot checks of well-documented dates, including a person with several roles.
  json doc = load("people.json");
  auto find = [&](const std::string& name) -> const json* {
    for (const auto& e : doc["actors"])
      if (str(e, "name") == name) return &e;
    return nullptr;
  };
  auto holds = [&](const std::string& name, const std::string& title, const std::string& day) {
    const json* e = find(name);
    if (!e) return false;
    auto d = *geokg::Date::Parse(day);
    for (const auto& r : e->value("roles", json::array())) {
      if (str(r, "title") != title) continue;
      auto from = geokg::Date::Parse(str(r, "from"));
      auto to = geokg::Date::Parse(str(r, "to"));
      if (from && !(d < earliest(*from)) && (!to || !(latest(*to) < d))) return true;
    }
    return false;
  };
  BOOST_TEST(holds("Antony Blinken", "Secretary of State", "2024-04-26"));
  BOOST_TEST(!holds("Antony Blinken", "Secretary of State", "2025-03-01"));
  BOOST_TEST(holds("Sergei Shoigu", "Defence Minister", "2023-06-01"));
  BOOST_TEST(!holds("Sergei Shoigu", "Defence Minister", "2024-06-01"));
  BOOST_TEST(holds("Sergei Shoigu", "Secretary of the Security Council", "2024-06-01"));
  BOOST_TEST(holds("Wang Yi", "Foreign Minister", "2024-04-26"));
  BOOST_TEST(!holds("Wang Yi", "Foreign Minister", "2023-03-01"));  // Qin Gang's tenure
  BOOST_TEST(holds("Qin Gang", "Foreign Minister", "2023-03-01"));
  BOOST_TEST(holds("Dong Jun", "Defence Minister", "2024-04-26"));
  BOOST_TEST(holds("Xi Jinping", "President", "2024-04-26"));
  BOOST_TEST(holds("Joe Biden", "President", "2024-04-26"));
  BOOST_TEST(holds("Nancy Pelosi", "Speaker of the House", "2022-08-02"));
  BOOST_TEST(holds("Wang Xiaohong", "Minister of Public Security", "2024-04-26"));
  BOOST_TEST(holds("Keir Starmer", "Prime Minister", "2025-01-01"));
}

BOOST_AUTO_TEST_CASE(group_entries_are_well_formed) {
  json doc = load("groups.json");
  const auto& actors = doc["actors"];
  BOOST_TEST(actors.size() >= 50u);
  std::set<std::string> names;
  std::map<std::string, std::string> owner;
  for (const auto& e : actors) {
    const std::string name = str(e, "name");
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(!name.empty());
      const std::string kind = str(e, "kind");
      BOOST_TEST((kind == "group" || kind == "organization"));
      const std::string c = str(e, "country");
      BOOST_TEST((c.empty() || is_alpha3(c)), "country '" << c << "'");
      BOOST_TEST(!str(e, "sector").empty());
      BOOST_TEST(names.insert(name).second, "duplicate name");
      std::vector<std::string> forms{name};
      for (const auto& a : e.value("aliases", json::array())) forms.push_back(a.get<std::string>());
      for (const auto& f : forms) {
        auto [it, fresh] = owner.emplace(f, name);
        BOOST_TEST((fresh || it->second == name), "'" << f << "' also names " << it->second);
      }
    }
  }
  // Names news uses for the groups most often in the news resolve.
  for (const char* f : {"Hamas", "Hezbollah", "ISIS", "Daesh", "al-Qaeda", "AQAP", "Taliban", "Houthis", "Ansar Allah",
                        "M23", "Wagner Group", "PKK", "HTS", "RSF", "al-Shabaab", "Boko Haram"})
    BOOST_TEST(owner.count(f) == 1u, f);
}

BOOST_AUTO_TEST_CASE(group_roles_of_people_name_a_known_group) {
  // A role in a rebel group names the group by its canonical lexicon name.
  json groups = load("groups.json");
  std::set<std::string> known;
  for (const auto& g : groups["actors"]) known.insert(str(g, "name"));
  json doc = load("people.json");
  for (const auto& e : doc["actors"])
    for (const auto& r : e.value("roles", json::array()))
      if (str(r, "sector") == "REB")
        BOOST_TEST(known.count(str(r, "organization")) == 1u,
                   str(e, "name") << ": '" << str(r, "organization") << "' is not in groups.json");
}

BOOST_AUTO_TEST_SUITE_END()
