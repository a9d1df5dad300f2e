// gen_graph: a synthetic, realistic knowledge graph at scale, written through
// the same commit path as `geokg ingest` (GraphStore::commit of an Article and
// its Extraction, one WriteBatch per article).
//
// Shape (what news event data looks like, GDELT-like):
//  - actors chosen by a Zipf law over their rank (exponent --zipf, 0.85 by
//    default), so a few hubs (countries first) take tens of thousands of
//    events and most actors a handful; a third of targets are "local"
//    (actors of nearby rank), which gives the tail some community structure;
//  - ten years of dates (2014-01-01 .. 2023-12-31), mostly day-precise;
//  - every event reported by 2-4 articles of different publishers on its day,
//    so evidence merging (mentions, sources, articles) is exercised;
//  - CAMEO codes drawn from a realistic mix (lots of 01x statements and 04x
//    consultations, few 18x-20x);
//  - plausible synthetic names ("Amina K. Okafor", "Lagos Energy Council").
//
// Outputs (besides the database):
//   PREFIX.actors.tsv   idx  node_id(hex)  kind  name
//   PREFIX.edges.tsv    src_idx  dst_idx  date(yyyymmdd)  cameo  edge_id(hex)  flagged
//   PREFIX.samples.tsv  kind  a_idx  b_idx  year     (kind: hub, tail, pair, path)
//   --extraction FILE   the same articles as an extraction file (plain JSONL),
//                       for timing `geokg ingest --extracted` at scale (docs/scale.md)
// The peers (NetworkX, SQLite) load the TSVs; query_bench and the peers
// answer the same samples.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <memory>
#include <vector>

#include "geokg/core/ids.hpp"
#include "geokg/core/model.hpp"
#include "geokg/graph/keys.hpp"
#include "geokg/graph/store.hpp"
#include "store_internal.hpp"
#include "geokg/ingest/extraction_file.hpp"

namespace {

using geokg::Date;
using geokg::NodeKind;

struct Flags {
  std::uint64_t events = 1'000'000;
  std::uint32_t actors = 100'000;
  std::uint64_t seed = 42;
  double zipf = 0.85;
  std::string db;
  std::string out;   // TSV prefix; default: the db path
  bool no_db = false;
  // Also write every article to this extraction file (plain JSONL), the
  // input of `geokg ingest --extracted` at scale. Default: none.
  std::string extraction;
  // After the last commit: flush the memtables (so a reader does not replay
  // the WAL at open) and compact (the steady state of a long-lived database).
  bool flush = true;
  bool compact = true;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "gen_graph: %s\n"
               "usage: gen_graph --db DIR [--events N] [--actors N] [--seed S] [--zipf X]\n"
               "                 [--out PREFIX] [--no-db] [--no-flush] [--no-compact]\n"
               "                 [--extraction FILE]\n",
               why);
  std::exit(1);
}

Flags parse(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage("missing value");
      return argv[++i];
    };
    if (a == "--events") f.events = std::strtoull(value(), nullptr, 10);
    else if (a == "--actors") f.actors = static_cast<std::uint32_t>(std::strtoul(value(), nullptr, 10));
    else if (a == "--seed") f.seed = std::strtoull(value(), nullptr, 10);
    else if (a == "--zipf") f.zipf = std::strtod(value(), nullptr);
    else if (a == "--db") f.db = value();
    else if (a == "--out") f.out = value();
    else if (a == "--no-db") f.no_db = true;
    else if (a == "--extraction") f.extraction = value();
    else if (a == "--no-flush") f.flush = f.compact = false;
    else if (a == "--no-compact") f.compact = false;
    else usage("unknown flag");
  }
  if (f.db.empty() && !f.no_db) usage("--db is required");
  if (f.out.empty()) f.out = f.db.empty() ? f.extraction : f.db;
  if (f.actors < 200 || f.events < 100) usage("need at least 200 actors and 100 events");
  return f;
}

// ---- names ------------------------------------------------------------------

struct Country {
  const char* name;
  const char* iso3;
  const char* capital;
};
constexpr Country kCountries[] = {
    {"United States", "USA", "Washington"}, {"China", "CHN", "Beijing"},
    {"Russia", "RUS", "Moscow"},            {"Ukraine", "UKR", "Kyiv"},
    {"United Kingdom", "GBR", "London"},    {"France", "FRA", "Paris"},
    {"Germany", "DEU", "Berlin"},           {"Israel", "ISR", "Jerusalem"},
    {"Iran", "IRN", "Tehran"},              {"India", "IND", "New Delhi"},
    {"Japan", "JPN", "Tokyo"},              {"Turkey", "TUR", "Ankara"},
    {"Pakistan", "PAK", "Islamabad"},       {"North Korea", "PRK", "Pyongyang"},
    {"South Korea", "KOR", "Seoul"},        {"Saudi Arabia", "SAU", "Riyadh"},
    {"Syria", "SYR", "Damascus"},           {"Afghanistan", "AFG", "Kabul"},
    {"Iraq", "IRQ", "Baghdad"},             {"Egypt", "EGY", "Cairo"},
    {"Brazil", "BRA", "Brasilia"},          {"Mexico", "MEX", "Mexico City"},
    {"Canada", "CAN", "Ottawa"},            {"Australia", "AUS", "Canberra"},
    {"Italy", "ITA", "Rome"},               {"Spain", "ESP", "Madrid"},
    {"Poland", "POL", "Warsaw"},            {"Nigeria", "NGA", "Abuja"},
    {"South Africa", "ZAF", "Pretoria"},    {"Kenya", "KEN", "Nairobi"},
    {"Ethiopia", "ETH", "Addis Ababa"},     {"Venezuela", "VEN", "Caracas"},
    {"Colombia", "COL", "Bogota"},          {"Argentina", "ARG", "Buenos Aires"},
    {"Indonesia", "IDN", "Jakarta"},        {"Philippines", "PHL", "Manila"},
    {"Vietnam", "VNM", "Hanoi"},            {"Thailand", "THA", "Bangkok"},
    {"Qatar", "QAT", "Doha"},               {"United Arab Emirates", "ARE", "Abu Dhabi"},
    {"Lebanon", "LBN", "Beirut"},           {"Jordan", "JOR", "Amman"},
    {"Libya", "LBY", "Tripoli"},            {"Yemen", "YEM", "Sanaa"},
    {"Sudan", "SDN", "Khartoum"},           {"Belarus", "BLR", "Minsk"},
    {"Georgia", "GEO", "Tbilisi"},          {"Armenia", "ARM", "Yerevan"},
    {"Azerbaijan", "AZE", "Baku"},          {"Kazakhstan", "KAZ", "Astana"},
    {"Taiwan", "TWN", "Taipei"},            {"Greece", "GRC", "Athens"},
    {"Hungary", "HUN", "Budapest"},         {"Sweden", "SWE", "Stockholm"},
    {"Norway", "NOR", "Oslo"},              {"Netherlands", "NLD", "Amsterdam"},
    {"Belgium", "BEL", "Brussels"},         {"Switzerland", "CHE", "Bern"},
    {"Cuba", "CUB", "Havana"},              {"Chile", "CHL", "Santiago"},
};
constexpr std::size_t kCountryCount = std::size(kCountries);

constexpr const char* kFirst[] = {
    "Amina",  "Sergei", "Wei",     "Maria",   "Ahmed",   "John",    "Fatima", "Hiroshi", "Elena",
    "Carlos", "Ngozi",  "Olaf",    "Priya",   "Yusuf",   "Anna",    "Li",     "Dmitri",  "Sofia",
    "Omar",   "Ingrid", "Kwame",   "Mehmet",  "Isabel",  "Rahul",   "Mariam", "Tomas",   "Hana",
    "Javier", "Leila",  "Pavel",   "Chen",    "Grace",   "Ali",     "Noura",  "Viktor",  "Ana",
    "Samuel", "Aisha",  "Kenji",   "Olga",    "Pedro",   "Zainab",  "Marek",  "Lucia",   "Hassan",
    "Emma",   "Juan",   "Yuki",    "Nadia",   "David",   "Farah",   "Ivan",   "Rosa",    "Tariq",
    "Claire", "Bola",   "Andrei",  "Mei",     "Khalid",  "Sara",    "Luis",   "Irina",   "Kofi",
    "Laura",  "Bilal",  "Marta",   "Yaw",     "Julia",   "Reza",    "Chloe",  "Thabo",   "Nina",
    "Ibrahim", "Greta", "Arjun",   "Lina",    "Mateo",   "Salma",   "Jonas",  "Adaeze",  "Felix",
    "Rania",  "Stefan", "Ayesha",  "Diego",   "Keiko",   "Musa",    "Vera",   "Hamid",   "Eva",
};
constexpr const char* kLast[] = {
    "Okafor",   "Ivanov",    "Zhang",    "Garcia",     "Hassan",    "Smith",    "Khan",
    "Tanaka",   "Petrova",   "Lopez",    "Adeyemi",    "Larsen",    "Sharma",   "Demir",
    "Novak",    "Wang",      "Sokolov",  "Rossi",      "Haddad",    "Berg",     "Mensah",
    "Yilmaz",   "Fernandez", "Gupta",    "Nasser",     "Horvath",   "Sato",     "Morales",
    "Karimi",   "Kowalski",  "Liu",      "Mwangi",     "Rahman",    "Saleh",    "Popescu",
    "Silva",    "Osei",      "Abdullah", "Nakamura",   "Volkova",   "Santos",   "Bello",
    "Nowak",    "Romano",    "Aziz",     "Dubois",     "Martinez",  "Suzuki",   "Farouk",
    "Cohen",    "Qureshi",   "Kuznetsov", "Moreno",    "Malik",     "Laurent",  "Adebayo",
    "Popov",    "Huang",     "Mansour",  "Andersson",  "Torres",    "Orlova",   "Boateng",
    "Schmidt",  "Hussain",   "Costa",    "Owusu",      "Fischer",   "Tehrani",  "Martin",
    "Ndlovu",   "Jovanovic", "Ismail",   "Weber",      "Reddy",     "Khoury",   "Ortiz",
    "Sheikh",   "Nielsen",   "Eze",      "Meyer",      "Hamdan",    "Wagner",   "Chaudhry",
    "Ruiz",     "Yamamoto",  "Diallo",   "Lebedev",    "Ahmadi",    "Keller",   "Castro",
    "Kamau",    "Pereira",   "Zaidi",    "Becker",     "Obi",       "Ibrahimovic", "Salazar",
    "Kim",      "Park",      "Nguyen",   "Tran",       "Abe",       "Mbeki",    "Otieno",
    "Banda",    "Phiri",     "Hakimi",   "Rostami",    "Varga",     "Lindqvist", "Dahl",
};
constexpr const char* kCities[] = {
    "Lagos",   "Geneva",   "Aleppo",   "Mosul",    "Donetsk",  "Kharkiv",  "Odesa",    "Gaza",
    "Kandahar", "Herat",   "Basra",    "Benghazi", "Mombasa",  "Karachi",  "Lahore",   "Mumbai",
    "Shanghai", "Hong Kong", "Osaka",  "Busan",    "Istanbul", "Izmir",    "Marseille", "Lyon",
    "Hamburg", "Munich",   "Milan",    "Naples",   "Barcelona", "Seville", "Krakow",   "Gdansk",
    "Durban",  "Cape Town", "Kano",    "Ibadan",   "Aden",     "Homs",     "Idlib",    "Raqqa",
    "Tabriz",  "Mashhad",  "Jeddah",   "Medina",   "Alexandria", "Giza",   "Sao Paulo", "Rio",
    "Monterrey", "Toronto", "Sydney",  "Perth",    "Chicago",  "Houston",  "Seattle",  "Vienna",
};
constexpr const char* kFields[] = {"Energy",  "Trade",    "Security", "Health",  "Labour",
                                   "Finance", "Transport", "Media",   "Defence", "Water",
                                   "Farmers", "Mining",   "Justice",  "Youth",   "Rights"};
constexpr const char* kOrgTypes[] = {"Council",   "Authority", "Union",      "Commission",
                                     "Agency",    "Institute", "Federation", "Association",
                                     "Committee", "Bank",      "Company",    "Foundation"};
constexpr const char* kGroupTypes[] = {"Militia", "Protesters", "Brigade", "Rebels", "Front",
                                       "Movement"};
constexpr const char* kPublishers[] = {
    "Reuters",       "AP",           "AFP",          "BBC",          "Al Jazeera", "Xinhua",
    "TASS",          "DW",           "The Guardian", "NYT",          "Le Monde",   "Kyodo",
    "Yonhap",        "Anadolu",      "Dawn",         "The Hindu",    "Daily Nation", "Punch",
    "El Pais",       "Folha",        "ABC News",     "CNN",          "France 24",  "RFE/RL",
    "Haaretz",       "Arab News",    "SCMP",         "Straits Times", "Jakarta Post", "Bloomberg"};
constexpr const char* kTitles[] = {"Foreign Minister", "Defence Minister", "Prime Minister",
                                   "Interior Minister", "Ambassador",     "Finance Minister"};

struct ActorSpec {
  std::string name;
  NodeKind kind = NodeKind::kPerson;
  std::string country;   // ISO3 or ""
  std::string sector;
  std::string alias;     // a second surface form ("Okafor", the capital as metonym) or ""
  int role = -1;         // index into kTitles for a person holding an office, else -1
};

template <std::size_t N>
const char* pick(const char* const (&table)[N], std::uint64_t i) {
  return table[i % N];
}

// Actor i by rank: countries are the biggest hubs (as in GDELT), then a mix
// of people (77%), organisations (15%) and groups (8%). Names are unique per
// rank by construction (mixed-radix decomposition of i).
ActorSpec make_actor(std::uint32_t i) {
  ActorSpec a;
  if (i < kCountryCount) {
    const Country& c = kCountries[i];
    a.name = c.name;
    a.kind = NodeKind::kCountry;
    a.country = c.iso3;
    a.sector = "GOV";
    a.alias = c.capital;
    return a;
  }
  const std::uint64_t h = geokg::stable_hash64(std::to_string(i)) % 100;
  std::string home_key = std::to_string(i);
  home_key += "/country";
  const Country& home = kCountries[geokg::stable_hash64(home_key) % kCountryCount];
  if (h < 77) {
    const std::uint64_t nf = std::size(kFirst), nl = std::size(kLast);
    const char initial = static_cast<char>('A' + (i / (nf * nl)) % 26);
    const std::uint64_t round = i / (nf * nl * 26);
    a.name = std::string(pick(kFirst, i)) + " " + initial + ". " + pick(kLast, i / nf);
    if (round > 0) a.name += " " + std::to_string(round + 1);
    a.kind = NodeKind::kPerson;
    a.alias = pick(kLast, i / nf);
    a.country = home.iso3;
    if (h < 6) {
      a.role = static_cast<int>(h);
      a.sector = "GOV";
    }
  } else if (h < 92) {
    const std::uint64_t nc = std::size(kCities), nfld = std::size(kFields), nt = std::size(kOrgTypes);
    const std::uint64_t round = i / (nc * nfld * nt);
    a.name = std::string(pick(kCities, i)) + " " + pick(kFields, i / nc) + " " +
             pick(kOrgTypes, i / (nc * nfld));
    if (round > 0) a.name += " " + std::to_string(round + 1);
    a.kind = NodeKind::kOrganization;
    a.country = home.iso3;
    a.sector = "BUS";
  } else {
    const std::uint64_t nc = std::size(kCities), ng = std::size(kGroupTypes);
    a.name = std::string(pick(kCities, i)) + " " + pick(kGroupTypes, i / nc) + " " +
             std::to_string(i / (nc * ng) + 1);
    a.kind = NodeKind::kGroup;
    a.country = home.iso3;
  }
  return a;
}

// ---- CAMEO mix ----------------------------------------------------------------

struct CameoSpec {
  const char* code;
  const char* relation;
  const char* verb;     // "{src} VERB {tgt}"
  double weight;
};
// Weights follow the shape of GDELT's root-class shares: statements (01),
// consultations (04) and cooperation dominate; material conflict is rarer.
constexpr CameoSpec kCameo[] = {
    {"010", "made a statement", "made a statement about", 9.0},
    {"012", "criticised", "made pessimistic comments about", 2.0},
    {"013", "praised", "praised", 2.5},
    {"014", "considered", "considered a proposal from", 0.6},
    {"015", "acknowledged", "acknowledged the role of", 0.6},
    {"016", "denied", "denied accusations by", 1.0},
    {"017", "appealed", "appealed to", 1.5},
    {"018", "expressed sympathy", "expressed sympathy to", 1.0},
    {"020", "appealed", "called on", 2.5},
    {"036", "expressed intent to meet", "expressed intent to meet", 3.0},
    {"030", "expressed intent to cooperate", "pledged to cooperate with", 2.5},
    {"040", "consulted", "consulted", 8.0},
    {"042", "visited", "visited", 4.0},
    {"043", "hosted", "hosted", 4.0},
    {"045", "mediated", "mediated for", 0.5},
    {"046", "negotiated", "held talks with", 6.0},
    {"051", "praised", "praised", 4.0},
    {"057", "signed", "signed an agreement with", 2.5},
    {"061", "cooperated economically", "cooperated economically with", 1.5},
    {"064", "shared intelligence", "shared intelligence with", 0.5},
    {"071", "gave economic aid", "gave economic aid to", 1.0},
    {"073", "gave humanitarian aid", "sent humanitarian aid to", 1.0},
    {"081", "eased restrictions", "eased restrictions on", 0.5},
    {"090", "investigated", "investigated", 1.5},
    {"100", "demanded", "demanded action from", 1.5},
    {"111", "criticised", "criticised", 3.5},
    {"112", "accused", "accused", 3.0},
    {"120", "rejected", "rejected proposals by", 1.5},
    {"130", "threatened", "threatened", 2.0},
    {"138", "threatened with force", "threatened military action against", 0.6},
    {"141", "protested", "protested against", 1.5},
    {"163", "imposed an embargo", "imposed an embargo on", 0.5},
    {"172", "imposed sanctions", "imposed sanctions on", 1.2},
    {"173", "arrested", "arrested", 1.5},
    {"180", "attacked", "attacked", 1.2},
    {"190", "fought", "fought", 1.5},
    {"193", "fought with small arms", "clashed with", 0.8},
    {"195", "carried out an air strike", "carried out an air strike on", 0.6},
    {"202", "engaged in mass killing", "carried out a massacre of", 0.05},
};

// ---- sampling ---------------------------------------------------------------

class Zipf {
 public:
  Zipf(std::uint32_t n, double s) : cdf_(n) {
    double sum = 0;
    for (std::uint32_t k = 0; k < n; ++k) {
      sum += 1.0 / std::pow(static_cast<double>(k + 1), s);
      cdf_[k] = sum;
    }
    for (double& c : cdf_) c /= sum;
  }
  template <class Rng>
  std::uint32_t operator()(Rng& rng) const {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    auto it = std::lower_bound(cdf_.begin(), cdf_.end(), u);
    if (it == cdf_.end()) --it;
    return static_cast<std::uint32_t>(it - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

struct GenEvent {
  std::uint32_t src = 0;
  std::uint32_t dst = 0;
  std::uint16_t cameo = 0;
  std::int16_t location = -1;   // index into kCities, -1 none
  Date date;
  bool negated = false;
  bool hypothetical = false;
};

std::string write_sentence(const ActorSpec& s, const ActorSpec& t, const GenEvent& e,
                           const CameoSpec& c) {
  std::string out;
  out.reserve(96);
  out += s.name;
  if (e.negated) out += " did not say it";
  if (e.hypothetical) out += " is expected to have";
  out += ' ';
  out += c.verb;
  out += ' ';
  out += t.name;
  if (e.location >= 0) {
    out += " in ";
    out += kCities[e.location];
  }
  out += ", officials said.";
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = parse(argc, argv);
  std::mt19937_64 rng(flags.seed);
  const auto t0 = std::chrono::steady_clock::now();

  std::vector<ActorSpec> actors;
  actors.reserve(flags.actors);
  for (std::uint32_t i = 0; i < flags.actors; ++i) actors.push_back(make_actor(i));
  const Zipf zipf(flags.actors, flags.zipf);
  std::vector<double> cameo_weights;
  for (const auto& c : kCameo) cameo_weights.push_back(c.weight);
  std::discrete_distribution<int> cameo_dist(cameo_weights.begin(), cameo_weights.end());

  std::unique_ptr<geokg::GraphStore> store;
  if (!flags.no_db) {
    auto opened = geokg::GraphStore::Open(flags.db);
    if (!opened.ok()) {
      std::fprintf(stderr, "gen_graph: %s\n", opened.status().message().c_str());
      return 1;
    }
    store = std::move(opened).value();
  }

  // One synthetic extractor: the commit of the file checks only that all its
  // files agree.
  std::unique_ptr<geokg::ExtractionFileWriter> extraction;
  if (!flags.extraction.empty()) {
    geokg::ExtractionFileHeader header;
    header.geokg_version = "gen_graph";
    header.lexicons = header.model = "0000000000000000";
    extraction = std::make_unique<geokg::ExtractionFileWriter>(std::move(header), nullptr);
  }

  std::ofstream actors_tsv(flags.out + ".actors.tsv");
  std::ofstream edges_tsv(flags.out + ".edges.tsv");
  if (!actors_tsv || !edges_tsv) {
    std::fprintf(stderr, "gen_graph: cannot write %s.*.tsv\n", flags.out.c_str());
    return 1;
  }
  std::vector<geokg::NodeId> node_ids(flags.actors);
  for (std::uint32_t i = 0; i < flags.actors; ++i) {
    const ActorSpec& a = actors[i];
    geokg::ExtractedActor ea;
    ea.name = a.name;
    ea.kind = a.kind;
    ea.country = a.country;
    node_ids[i] = geokg::node_id(ea);
    actors_tsv << i << '\t' << geokg::to_hex(node_ids[i]) << '\t' << geokg::to_string(a.kind)
               << '\t' << a.name << '\n';
  }

  // Ten years, events spread evenly over the days.
  const Date first_day = Date::Day(2014, 1, 1);
  const std::int64_t day0 = first_day.days_since_epoch();
  const std::int64_t days = Date::Day(2024, 1, 1).days_since_epoch() - day0;

  std::vector<std::uint32_t> degree(flags.actors, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> event_pairs;   // for pair samples
  event_pairs.reserve(flags.events);
  std::unordered_set<geokg::EdgeId> seen_edges;
  seen_edges.reserve(flags.events * 2);

  std::uint64_t made = 0, reports = 0, articles = 0, text_bytes = 0, distinct = 0;
  double commit_seconds = 0;
  std::vector<GenEvent> today;
  std::vector<std::uint32_t> pool;   // report slots: event index within the day, repeated
  char line[160];

  for (std::int64_t d = 0; d < days; ++d) {
    const std::uint64_t target_total = flags.events * static_cast<std::uint64_t>(d + 1) /
                                       static_cast<std::uint64_t>(days);
    const std::uint64_t n_today = target_total - made;
    made = target_total;
    const Date day = Date::FromDaysSinceEpoch(day0 + d);
    today.clear();
    pool.clear();
    for (std::uint64_t k = 0; k < n_today; ++k) {
      GenEvent e;
      e.src = zipf(rng);
      const bool local = (rng() % 100) < 35;
      do {
        if (local) {
          const std::int64_t off = static_cast<std::int64_t>(rng() % 61) - 30;
          e.dst = static_cast<std::uint32_t>((static_cast<std::int64_t>(e.src) + off +
                                              flags.actors) % flags.actors);
        } else {
          e.dst = zipf(rng);
        }
      } while (e.dst == e.src);
      e.cameo = static_cast<std::uint16_t>(cameo_dist(rng));
      const unsigned p = rng() % 100;
      e.date = p < 94 ? day : p < 99 ? Date::Month(day.year, day.month) : Date::Year(day.year);
      const unsigned fl = rng() % 100;
      e.negated = fl < 2;
      e.hypothetical = fl >= 2 && fl < 4;
      e.location = (rng() % 100) < 30 ? static_cast<std::int16_t>(rng() % std::size(kCities)) : -1;

      const geokg::EdgeId id = geokg::event_id(node_ids[e.src], node_ids[e.dst],
                                               kCameo[e.cameo].code, e.date, e.negated,
                                               e.hypothetical);
      if (seen_edges.insert(id).second) {
        ++distinct;
        ++degree[e.src];
        ++degree[e.dst];
        event_pairs.emplace_back(e.src, e.dst);
        std::snprintf(line, sizeof line, "%u\t%u\t%d\t%s\t%s\t%d\n", e.src, e.dst, e.date.key(),
                      kCameo[e.cameo].code, geokg::to_hex(id).c_str(),
                      (e.negated || e.hypothetical) ? 1 : 0);
        edges_tsv << line;
      }
      const std::uint32_t r = 2 + static_cast<std::uint32_t>(rng() % 3);   // 2-4 reports
      for (std::uint32_t j = 0; j < r; ++j) pool.push_back(static_cast<std::uint32_t>(today.size()));
      today.push_back(e);
    }
    std::shuffle(pool.begin(), pool.end(), rng);

    // Cut the day's reports into articles of 1-6 events; one article never
    // reports the same event twice.
    std::size_t pos = 0;
    while (pos < pool.size()) {
      const std::size_t want = 1 + rng() % 6;
      geokg::Article art;
      art.id = "syn-" + day.iso() + "-" + std::to_string(articles);
      art.date = day;
      art.source = kPublishers[rng() % std::size(kPublishers)];
      art.title = "Synthetic report " + std::to_string(articles);
      art.origin = art.id;
      geokg::Extraction ex;
      std::vector<std::uint32_t> in_article;
      std::unordered_map<std::uint32_t, int> actor_slot;   // actor rank -> index in ex.actors
      std::unordered_map<int, int> city_slot;
      auto slot_of = [&](std::uint32_t rank) {
        auto [it, fresh] = actor_slot.emplace(rank, static_cast<int>(ex.actors.size()));
        if (fresh) {
          const ActorSpec& a = actors[rank];
          geokg::ExtractedActor ea;
          ea.name = a.name;
          ea.kind = a.kind;
          ea.country = a.country;
          ea.sector = a.sector;
          if (!a.alias.empty()) ea.aliases.push_back(a.alias);
          if (a.role >= 0) {
            geokg::Role role;
            role.title = kTitles[a.role];
            role.country = a.country;
            role.sector = "GOV";
            ea.roles.push_back(role);
          }
          ea.mentions = 1 + static_cast<std::uint32_t>(rng() % 3);
          ea.from_lexicon = a.kind == NodeKind::kCountry;
          ex.actors.push_back(std::move(ea));
        }
        return it->second;
      };
      while (pos < pool.size() && in_article.size() < want) {
        const std::uint32_t ev = pool[pos];
        if (std::find(in_article.begin(), in_article.end(), ev) != in_article.end()) break;
        in_article.push_back(ev);
        ++pos;
      }
      for (std::uint32_t ev : in_article) {
        const GenEvent& e = today[ev];
        const CameoSpec& c = kCameo[e.cameo];
        geokg::ExtractedEvent xe;
        xe.source = slot_of(e.src);
        xe.target = slot_of(e.dst);
        xe.cameo = c.code;
        xe.relation = c.relation;
        xe.date = e.date;
        xe.negated = e.negated;
        xe.hypothetical = e.hypothetical;
        xe.confidence = 0.5f + static_cast<float>(rng() % 50) / 100.f;
        if (e.location >= 0) {
          auto [it, fresh] = city_slot.emplace(e.location, static_cast<int>(ex.actors.size()));
          if (fresh) {
            geokg::ExtractedActor loc;
            loc.name = kCities[e.location];
            loc.kind = NodeKind::kLocation;
            loc.mentions = 1;
            ex.actors.push_back(std::move(loc));
          }
          xe.location = it->second;
        }
        const std::string sentence = write_sentence(actors[e.src], actors[e.dst], e, c);
        if (!art.text.empty()) art.text += ' ';
        xe.evidence.start = static_cast<std::uint32_t>(art.text.size());
        art.text += sentence;
        xe.evidence.end = static_cast<std::uint32_t>(art.text.size());
        xe.evidence.sentence = sentence;
        xe.evidence.article_id = art.id;
        xe.evidence.source = art.source;
        xe.evidence.rule = "synthetic";
        ex.events.push_back(std::move(xe));
      }
      ++articles;
      reports += in_article.size();
      text_bytes += art.text.size();
      if (extraction) {
        if (auto st = extraction->add(art, ex); !st.ok()) {
          std::fprintf(stderr, "gen_graph: %s: %s\n", flags.extraction.c_str(), st.message().c_str());
          return 1;
        }
      }
      if (store) {
        const auto tc = std::chrono::steady_clock::now();
        auto r = store->commit(art, ex);
        commit_seconds += seconds_since(tc);
        if (!r.ok()) {
          std::fprintf(stderr, "gen_graph: commit of %s failed: %s\n", art.id.c_str(),
                       r.status().message().c_str());
          return 1;
        }
      }
    }
    if (d % 365 == 364)
      std::fprintf(stderr, "gen_graph: %s  %llu events  %llu articles  %.1f s\n", day.iso().c_str(),
                   static_cast<unsigned long long>(made), static_cast<unsigned long long>(articles),
                   seconds_since(t0));
  }
  actors_tsv.close();
  edges_tsv.close();
  if (extraction) {
    std::ofstream out(flags.extraction, std::ios::binary);
    if (auto st = out ? extraction->finish(out) : geokg::Status::IOError("cannot write it");
        !st.ok() || !out.flush()) {
      std::fprintf(stderr, "gen_graph: %s: %s\n", flags.extraction.c_str(),
                   st.ok() ? "cannot write it" : st.message().c_str());
      return 1;
    }
  }

  double flush_seconds = 0, compact_seconds = 0;
  if (store && flags.flush) {
    namespace keys = geokg::keys;
    rocksdb::DB* db = geokg::internal::StoreInternals::db(*store);
    std::vector<rocksdb::ColumnFamilyHandle*> families;
    for (const char* name : {keys::kMetaFamily, keys::kNodesFamily, keys::kNamesFamily,
                             keys::kEdgesFamily, keys::kStaticFamily, keys::kAdjFamily,
                             keys::kTimelineFamily, keys::kArticlesFamily})
      if (auto* h = geokg::internal::StoreInternals::family(*store, name)) families.push_back(h);
    auto tf = std::chrono::steady_clock::now();
    rocksdb::FlushOptions fo;
    fo.wait = true;
    if (auto s = db->Flush(fo, families); !s.ok())
      std::fprintf(stderr, "gen_graph: flush: %s\n", s.ToString().c_str());
    flush_seconds = seconds_since(tf);
    if (flags.compact) {
      tf = std::chrono::steady_clock::now();
      rocksdb::CompactRangeOptions co;
      co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
      for (auto* h : families)
        if (auto s = db->CompactRange(co, h, nullptr, nullptr); !s.ok())
          std::fprintf(stderr, "gen_graph: compact: %s\n", s.ToString().c_str());
      compact_seconds = seconds_since(tf);
    }
  }

  // Samples shared by query_bench and the peers: the 100 actors of highest
  // degree (hubs), 100 random actors with at least one event beyond the top
  // 1% (tail), 100 pairs that have an event between them, 100 random pairs
  // of actors for shortest paths.
  std::vector<std::uint32_t> by_degree(flags.actors);
  std::iota(by_degree.begin(), by_degree.end(), 0u);
  std::stable_sort(by_degree.begin(), by_degree.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return degree[a] > degree[b]; });
  std::vector<std::uint32_t> tail_pool, active;
  for (std::size_t k = 0; k < by_degree.size(); ++k) {
    const std::uint32_t a = by_degree[k];
    if (degree[a] == 0) continue;
    active.push_back(a);
    if (k >= flags.actors / 100) tail_pool.push_back(a);
  }
  std::ofstream samples(flags.out + ".samples.tsv");
  std::mt19937_64 srng(flags.seed ^ 0x5eedULL);
  auto year = [&] { return 2014 + static_cast<int>(srng() % 10); };
  const std::size_t n_samples = 100;
  for (std::size_t k = 0; k < n_samples && k < by_degree.size(); ++k)
    samples << "hub\t" << by_degree[k] << "\t-1\t" << year() << '\n';
  for (std::size_t k = 0; k < n_samples && !tail_pool.empty(); ++k)
    samples << "tail\t" << tail_pool[srng() % tail_pool.size()] << "\t-1\t" << year() << '\n';
  for (std::size_t k = 0; k < n_samples && !event_pairs.empty(); ++k) {
    const auto& p = event_pairs[srng() % event_pairs.size()];
    samples << "pair\t" << p.first << '\t' << p.second << "\t0\n";
  }
  for (std::size_t k = 0; k < n_samples && active.size() > 1; ++k) {
    const std::uint32_t a = active[srng() % active.size()];
    std::uint32_t b = a;
    while (b == a) b = active[srng() % active.size()];
    samples << "path\t" << a << '\t' << b << "\t0\n";
  }

  const double total = seconds_since(t0);
  std::printf(
      "{\"events_generated\": %llu, \"distinct_events\": %llu, \"actors\": %u, "
      "\"active_actors\": %zu, \"reports\": %llu, \"articles\": %llu, \"text_bytes\": %llu, "
      "\"top_degree\": %u, \"median_degree_active\": %u, \"seconds\": %.2f, "
      "\"commit_seconds\": %.2f, \"articles_per_s\": %.0f, \"reports_per_s\": %.0f, "
      "\"flush_seconds\": %.2f, \"compact_seconds\": %.2f}\n",
      static_cast<unsigned long long>(made), static_cast<unsigned long long>(distinct),
      flags.actors, active.size(), static_cast<unsigned long long>(reports),
      static_cast<unsigned long long>(articles), static_cast<unsigned long long>(text_bytes),
      degree[by_degree[0]], active.empty() ? 0u : degree[active[active.size() / 2]], total,
      commit_seconds, commit_seconds > 0 ? articles / commit_seconds : 0.0,
      commit_seconds > 0 ? reports / commit_seconds : 0.0, flush_seconds, compact_seconds);
  return 0;
}
