#include <algorithm>
#include "geokg/core/cameo.hpp"

#include <fstream>
#include <sstream>
#include <vector>

namespace geokg {

Result<CameoTable> CameoTable::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot open CAMEO table " + path);
  CameoTable table;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 1 && line.rfind("code\t", 0) == 0) continue;  // header
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (cols.size() < 5) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) +
                                  ": expected 5 tab-separated columns");
    }
    CameoCode c;
    c.code = cols[0];
    c.root = cols[1];
    c.label = cols[2];
    try {
      c.goldstein = std::stod(cols[3]);
      c.quad_class = std::stoi(cols[4]);
    } catch (const std::exception&) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) +
                                  ": goldstein and quad_class must be numbers");
    }
    table.codes_[c.code] = std::move(c);
  }
  if (table.codes_.empty()) return Status::InvalidInput(path + ": no CAMEO codes");
  return table;
}

const CameoCode* CameoTable::find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

const CameoCode* CameoTable::find_or_root(std::string_view code) const {
  const CameoCode* c = find(code);
  if (c == nullptr && code.size() > 2) c = find(code.substr(0, 2));
  return c;
}

std::string CameoTable::root_label(std::string_view code) const {
  if (code.size() < 2) return {};
  const CameoCode* root = find(code.substr(0, 2));
  return root ? root->label : std::string();
}

const char* quad_class_name(int quad) {
  switch (quad) {
    case 1: return "verbal cooperation";
    case 2: return "material cooperation";
    case 3: return "verbal conflict";
    case 4: return "material conflict";
  }
  return "";
}

bool cameo_acts_on_things(std::string_view code) {
  return code.starts_with("05") || code.starts_with("08") || code.starts_with("12") || code >= "14";
}

bool cameo_matches(std::string_view code, const std::vector<std::string>& prefixes) {
  if (prefixes.empty()) return true;
  for (const auto& p : prefixes)
    if (code.substr(0, p.size()) == p) return true;
  return false;
}

std::vector<std::string> CameoTable::codes() const {
  std::vector<std::string> out;
  out.reserve(codes_.size());
  for (const auto& [code, c] : codes_) out.push_back(code);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace geokg
