#pragma once
// The CAMEO event taxonomy (data/cameo-codes.tsv): every code's label,
// Goldstein value and quad class, as GDELT users read them.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/core/status.hpp"

namespace geokg {

struct CameoCode {
  std::string code;        // "040", "1721"
  std::string root;        // "04"
  std::string label;       // "Consult, not specified below"
  double goldstein = 0.0;  // -10 (most conflictual) … +10 (most cooperative)
  int quad_class = 0;      // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
};

class CameoTable {
 public:
  // Reads the TSV (columns: code, root, label, goldstein, quad_class).
  // Returns InvalidInput naming the file and line on a malformed row.
  static Result<CameoTable> Load(const std::string& path);

  // nullptr when the code is unknown.
  const CameoCode* find(std::string_view code) const;
  // The code, else its root class ("0871" unknown: "08"); nullptr when neither is known.
  const CameoCode* find_or_root(std::string_view code) const;
  // The root class label ("CONSULT") for any code of that root; "" if unknown.
  std::string root_label(std::string_view code) const;
  std::size_t size() const { return codes_.size(); }
  // Every code, sorted.
  std::vector<std::string> codes() const;

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

// "verbal cooperation", "material cooperation", "verbal conflict",
// "material conflict" for quad classes 1-4; "" otherwise.
const char* quad_class_name(int quad);

// Whether events of this code can have a thing (a bill, a treaty) as target:
// a thing is signed, backed, lifted, rejected, protested, suspended or shot
// down (05, 08, 12, 14-20); an intent, a request, a criticism or a threat is
// aimed at whoever stands behind it.
bool cameo_acts_on_things(std::string_view code);

// "04,11,057" -> true for any code starting with one of the listed prefixes.
bool cameo_matches(std::string_view code, const std::vector<std::string>& prefixes);

}  // namespace geokg
