#include "sim/runner/summary_report.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <numeric>
#include <sstream>

namespace sim::runner {
namespace {

// 1234567 -> "1,234,567" (for people reading a terminal; the CSV files have no separators).
std::string grouped(double v) {
  const auto n = static_cast<long long>(std::llround(v));
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return (n < 0 ? "-" : "") + digits;
}

struct Column {
  std::vector<double> values;
  double mean() const {
    return values.empty() ? 0 : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  }
  double half_width_95() const { return output::ci95_half_width(values); }  // as in summary_stats.csv
};

}  // namespace

void print_summary(std::ostream& out, const model::Scenario& scenario,
                   const std::vector<std::vector<std::optional<double>>>& summaries,
                   const std::vector<output::Fragment>& fragments, const std::filesystem::path& out_dir,
                   double elapsed_s) {
  const auto metrics = output::summary_metrics();
  std::map<std::string, Column> col;
  for (const auto& row : summaries)
    for (std::size_t m = 0; m < metrics.size() && m < row.size(); ++m)
      if (row[m]) col[metrics[m]].values.push_back(*row[m]);
  const std::size_t n = summaries.size();
  auto people = [&](const std::string& m) {
    std::string s = grouped(col[m].mean());
    if (n > 1) s += " ± " + grouped(col[m].half_width_95());
    return s;
  };

  out << scenario.name << ": " << n << (n == 1 ? " replication" : " replications") << ", seed " << scenario.seed
      << ", " << std::fixed << std::setprecision(2) << elapsed_s << " s" << (n > 1 ? " (mean ± 95% CI)" : "") << "\n";
  out << "  evacuated      " << people("evacuated") << " of " << grouped(col["evacuees"].mean()) << " evacuees\n";
  out << "  stranded       " << people("stranded") << "  (in cities " << grouped(col["stranded_in_cities"].mean())
      << ", on roads " << grouped(col["stranded_on_roads"].mean()) << ", at airports "
      << grouped(col["stranded_at_airports"].mean()) << ")\n";

  // Where: cities with the most people stranded in them (first replications).
  std::map<std::string, double> by_city;
  for (const auto& f : fragments) {
    std::istringstream rows(f.files.at("cities.csv"));
    std::string line;
    while (std::getline(rows, line)) {
      std::vector<std::string> cells;
      std::stringstream ss(line);
      std::string cell;
      while (std::getline(ss, cell, ',')) cells.push_back(cell);
      if (cells.size() >= 7) by_city[cells[1]] += std::stod(cells[6]) / static_cast<double>(fragments.size());
    }
  }
  std::vector<std::pair<std::string, double>> worst(by_city.begin(), by_city.end());
  std::stable_sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (!worst.empty() && worst.front().second > 0) {
    out << "    most in      ";
    for (std::size_t i = 0; i < std::min<std::size_t>(5, worst.size()) && worst[i].second > 0; ++i)
      out << (i ? ", " : "") << worst[i].first << " " << grouped(worst[i].second);
    out << "\n";
  }
  out << "  still waiting  " << people("remaining") << "  (in cities " << grouped(col["remaining_in_cities"].mean())
      << ", on roads " << grouped(col["remaining_on_roads"].mean()) << ", at airports "
      << grouped(col["remaining_at_airports"].mean()) << ")\n";
  out << "  flights flown  " << people("flights");
  if (!col["load_factor"].values.empty())
    out << "  (load factor " << std::setprecision(2) << col["load_factor"].mean() << ")";
  if (!col["last_takeoff_h"].values.empty())
    out << ", last take-off " << scenario.clock.format(col["last_takeoff_h"].mean() * model::kSecondsPerHour);
  out << "\n";

  std::vector<std::pair<std::string, double>> bound;
  for (const auto& c : output::kConstraints) bound.emplace_back(c, col["saturated_" + c + "_h"].mean());
  std::stable_sort(bound.begin(), bound.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  out << "  bound most     ";
  if (bound.front().second < 0.5) {
    out << "nothing: no constraint was saturated\n";
  } else {
    bool first = true;
    for (const auto& [name, h] : bound) {
      if (h < 0.5) continue;  // printed to the hour
      out << (first ? "" : ", ") << name << " " << std::setprecision(0) << h << " h";
      first = false;
    }
    out << "  (hours saturated)\n";
  }
  out << "  results in     " << out_dir.string() << "/\n";
}

}  // namespace sim::runner
