// The summary `evacsim validate` prints for a valid scenario: what is in it, in aligned columns.
// Distributions are summarised by their expected value (counts) or their range (capture times).
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "sim/scenario/load.hpp"
#include "sim/scenario/values.hpp"

namespace sim::scenario {
namespace {

using model::Dist;
using model::DistKind;

std::string whole(double x) {
  if (std::isinf(x)) return x > 0 ? "unbounded" : "-unbounded";
  return std::to_string(static_cast<long long>(std::llround(x)));
}

/// A count that may vary: `6000`; `~50000 (40000..60000)` for a bounded distribution; `~4000 (varies)`
/// when it has no upper bound (normal, lognormal, exponential).
std::string count_text(double expected, double lo, double hi) {
  if (lo == hi) return whole(expected);
  if (std::isinf(hi)) return "~" + whole(expected) + " (varies)";
  return "~" + whole(expected) + " (" + whole(lo) + ".." + whole(hi) + ")";
}

/// A time that may vary: `2021-08-15T14:00:00+04:30`, `never`, or a range with the distribution's kind.
std::string time_text(const model::Clock& clock, const Dist& d) {
  if (d.is_fixed()) return format_time(clock, d.value);
  if (d.kind == DistKind::Normal)
    return "around " + format_time(clock, d.mean) + " (normal, sd " + format_duration_text(d.sd) + ")";
  return format_time(clock, d.lower()) + " .. " + format_time(clock, d.upper()) + " (" +
         std::string(model::to_string(d.kind)) + ")";
}

/// Rows of `label  value`, labels padded to the widest.
class Table {
 public:
  void row(std::string label, std::string value) { rows_.emplace_back(std::move(label), std::move(value)); }
  void write(std::ostringstream& out, const std::string& indent) const {
    std::size_t width = 0;
    for (const auto& [label, value] : rows_) width = std::max(width, label.size());
    for (const auto& [label, value] : rows_)
      out << indent << label << std::string(width - label.size() + 2, ' ') << value << '\n';
  }

 private:
  std::vector<std::pair<std::string, std::string>> rows_;
};

}  // namespace

std::string describe(const model::Scenario& s) {
  std::ostringstream out;
  out << "valid: " << s.name << '\n';
  if (!s.description.empty()) out << "  " << s.description << '\n';

  // One table, so every value lines up; sections are titled rows with indented members.
  Table t;
  t.row("period", format_time(s.clock, 0) + " .. " + format_time(s.clock, s.end_s) + " (" +
                      format_duration_text(s.end_s) + ")");
  t.row("runs", std::to_string(s.replications) + (s.replications == 1 ? " replication" : " replications") +
                    ", seed " + std::to_string(s.seed) + ", timeline every " + format_duration_text(s.report_every_s));
  std::size_t gates = 0;
  for (const model::Airport& a : s.airports) gates += a.gates.size();
  std::int64_t aircraft = 0;
  for (const model::Fleet& f : s.fleets) aircraft += f.aircraft;
  t.row("nations", std::to_string(s.nations.size()));
  t.row("cohorts", std::to_string(s.cohorts.size()));
  t.row("cities", std::to_string(s.cities.size()));
  t.row("airports", std::to_string(s.airports.size()) + " (" + std::to_string(gates) +
                        (gates == 1 ? " gate)" : " gates)"));
  t.row("staging bases", std::to_string(s.staging_bases.size()));
  t.row("routes", std::to_string(s.routes.size()));
  t.row("fleets", std::to_string(s.fleets.size()) + " (" + std::to_string(aircraft) + " aircraft)");
  t.row("deployments", std::to_string(s.deployments.size()));
  t.row("incidents", std::to_string(s.incidents.size()));

  // Evacuees by cohort, in the cohorts' order: expected values, with the range when they vary.
  struct Sum {
    double expected = 0, lo = 0, hi = 0;
    void add(const Dist& d) {
      expected += d.expected();
      lo += std::max(0.0, d.lower());
      hi += d.upper();
    }
    void add(const Sum& o) {
      expected += o.expected;
      lo += o.lo;
      hi += o.hi;
    }
    std::string str() const { return count_text(expected, lo, hi); }
  };
  Sum total;
  std::vector<std::pair<std::string, Sum>> by_cohort;
  for (const model::Cohort& c : s.cohorts) {
    Sum sum;
    for (const model::City& city : s.cities)
      if (const auto it = city.evacuees.find(c.id); it != city.evacuees.end()) sum.add(it->second);
    total.add(sum);
    by_cohort.emplace_back(c.id, sum);
  }
  t.row("evacuees", total.str() + " expected");
  for (const auto& [id, sum] : by_cohort) t.row("  " + id, sum.str());

  // Troops by nation, all deployments whatever their timing, in the nations' order.
  std::map<std::string, Sum> troops;
  for (const model::Deployment& d : s.deployments) troops[d.nation].add(d.troops);
  t.row("troops", troops.empty() ? "none" : "by nation");
  for (const model::Nation& n : s.nations)
    if (const auto it = troops.find(n.id); it != troops.end()) t.row("  " + n.id, it->second.str());

  // Capture times, earliest first (fixed value or expected value; `never` last; ties by id).
  std::vector<const model::City*> cities;
  for (const model::City& c : s.cities) cities.push_back(&c);
  std::stable_sort(cities.begin(), cities.end(), [](const model::City* a, const model::City* b) {
    const double ka = a->captured_at_s.expected(), kb = b->captured_at_s.expected();
    if (ka != kb) return ka < kb;
    return a->id < b->id;
  });
  t.row("capture times", cities.empty() ? "no cities" : "earliest first");
  for (const model::City* c : cities) t.row("  " + c->id, time_text(s.clock, c->captured_at_s));
  t.write(out, "  ");
  return out.str();
}

}  // namespace sim::scenario
