#include "sim/output/csv.hpp"

#include <unistd.h>

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <charconv>
#include <cmath>
#include <concepts>
#include <fstream>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>

namespace sim::output {
namespace {

// A number for the CSV files: integers plainly, others with up to 6 decimals, no trailing zeros;
// nothing for NaN.
void append_number(std::string& out, double v) {
  if (std::isnan(v)) return;
  char buf[64];
  if (v == std::floor(v) && std::abs(v) < 9e15) {
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
    (void)ec;
    out.append(buf, end);
    return;
  }
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
  (void)ec;
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    out += '0';
    return;
  }
  out.append(buf, end);
}

// A CSV field, quoted when it needs it (RFC 4180).
void append_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// Appends one CSV row to a file's text, cell by cell: no string per cell (a kabul-2021 replication
// writes ~1,100 rows).
class Row {
 public:
  explicit Row(std::string& out) : out_(out) {}
  Row& text(std::string_view s) {
    sep();
    append_field(out_, s);
    return *this;
  }
  template <std::integral I>
  Row& integer(I v) {
    sep();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;
    out_.append(buf, end);
    return *this;
  }
  Row& number(double v) {
    sep();
    append_number(out_, v);
    return *this;
  }
  Row& number(const std::optional<double>& v) { return v ? number(*v) : text({}); }
  /// Hours since the start, empty for never.
  Row& hours(double s) { return std::isinf(s) ? text({}) : number(model::hours(s)); }
  /// The civil time, empty for never.
  Row& time(const model::Clock& clock, double s) {
    if (std::isinf(s)) return text({});
    sep();
    clock.append_to(out_, s);
    return *this;
  }
  void end() { out_ += '\n'; }

 private:
  void sep() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

std::string join(const std::vector<std::string>& cells) {
  std::string line;
  Row row(line);
  for (const auto& c : cells) row.text(c);
  row.end();
  return line;
}

// Linear-interpolated quantile (type 7) of sorted values.
double quantile_sorted(const std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

}  // namespace

std::string encode_fragment(const Fragment& fragment) {
  std::string out;
  for (const auto& [name, rows] : fragment.files) {
    out += name;
    out += '\n';
    out += std::to_string(rows.size());
    out += '\n';
    out += rows;
  }
  return out;
}

Fragment decode_fragment(const std::string& bytes) {
  Fragment f;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const std::size_t name_end = bytes.find('\n', at);
    const std::size_t size_end = name_end == std::string::npos ? name_end : bytes.find('\n', name_end + 1);
    if (size_end == std::string::npos) throw std::runtime_error("truncated results from a worker process");
    const std::string size_text = bytes.substr(name_end + 1, size_end - name_end - 1);
    if (name_end == at || size_text.empty() || size_text.size() > 18 ||
        size_text.find_first_not_of("0123456789") != std::string::npos)
      throw std::runtime_error("malformed results from a worker process");
    const std::size_t size = std::stoull(size_text);
    if (size > bytes.size() - size_end - 1) throw std::runtime_error("truncated results from a worker process");
    f.files[bytes.substr(at, name_end - at)] = bytes.substr(size_end + 1, size);
    at = size_end + 1 + size;
  }
  return f;
}

std::vector<std::string> summary_metrics() {
  std::vector<std::string> m{"evacuated",          "stranded",           "remaining",        "flights",
                             "seats_flown",        "load_factor",        "last_takeoff_h",   "peak_day_evacuated",
                             "gate_wait_mean_h",   "gate_wait_p90_h",    "evacuees",         "stranded_in_cities",
                             "stranded_on_roads",  "stranded_at_airports", "remaining_in_cities",
                             "remaining_on_roads", "remaining_at_airports"};
  for (const auto& c : kConstraints) m.push_back("saturated_" + c + "_h");
  return m;
}

std::vector<double> summary_values(const Summary& s) {
  const double nan = std::nan("");
  auto d = [](std::int64_t v) { return static_cast<double>(v); };
  std::vector<double> v{d(s.evacuated),
                        d(s.stranded),
                        d(s.remaining),
                        d(s.flights),
                        d(s.seats_flown),
                        s.seats_flown ? d(s.evacuated) / d(s.seats_flown) : nan,
                        s.last_takeoff_h.value_or(nan),
                        d(s.peak_day_evacuated),
                        s.gate_wait_mean_h.value_or(nan),
                        s.gate_wait_p90_h.value_or(nan),
                        d(s.evacuees),
                        d(s.stranded_in_cities),
                        d(s.stranded_on_roads),
                        d(s.stranded_at_airports),
                        d(s.remaining_in_cities),
                        d(s.remaining_on_roads),
                        d(s.remaining_at_airports)};
  for (std::size_t i = 0; i < kConstraints.size(); ++i) v.push_back(i < s.saturated_h.size() ? s.saturated_h[i] : 0);
  return v;
}

const std::map<std::string, std::string>& headers() {
  static const std::map<std::string, std::string> h = [] {
    std::map<std::string, std::string> m;
    std::vector<std::string> summary{"replication", "seed"};
    for (const auto& metric : summary_metrics()) summary.push_back(metric);
    m["summary.csv"] = join(summary);
    m["timeline.csv"] = join({"replication", "time", "hours", "evacuated", "stranded", "on_road", "at_gates",
                              "in_holding", "at_staging", "troops", "flights", "cities_captured", "airports_open",
                              "in_cities"});
    m["flights.csv"] = join({"replication", "flight", "fleet", "nation", "aircraft_type", "from", "to",
                             "takeoff_time", "takeoff_h", "passengers", "seats"});
    m["cities.csv"] = join({"replication", "city", "captured_time", "captured_h", "evacuees", "departed", "stranded",
                            "evacuated", "stranded_elsewhere"});
    m["cohorts.csv"] = join({"replication", "cohort", "nation", "evacuees", "evacuated", "stranded", "remaining",
                             "time_to_evacuate_mean_h", "time_to_evacuate_p90_h"});
    m["gates.csv"] = join({"replication", "airport", "gate", "arrivals", "served", "wait_mean_h", "wait_p50_h",
                           "wait_p90_h", "wait_max_h", "queue_max", "utilization"});
    m["constraints.csv"] = join({"replication", "constraint", "place", "saturated_h"});
    return m;
  }();
  return h;
}

Fragment to_fragment(const ReplicationResult& r, const model::Clock& clock) {
  Fragment f;
  const std::int64_t rep = r.replication;
  {
    Row row(f.files["summary.csv"]);
    row.integer(rep).integer(r.seed);
    for (double v : summary_values(r.summary)) row.number(v);
    row.end();
  }
  std::string& tl = f.files["timeline.csv"];
  for (const TimelineRow& t : r.timeline)
    Row(tl)
        .integer(rep)
        .time(clock, t.t_s)
        .number(model::hours(t.t_s))
        .integer(t.evacuated)
        .integer(t.stranded)
        .integer(t.on_road)
        .integer(t.at_gates)
        .integer(t.in_holding)
        .number(std::round(t.at_staging))
        .integer(t.troops)
        .integer(t.flights)
        .integer(t.cities_captured)
        .integer(t.airports_open)
        .integer(t.in_cities)
        .end();
  std::string& fl = f.files["flights.csv"];
  for (const FlightRow& x : r.flights)
    Row(fl)
        .integer(rep)
        .integer(x.flight)
        .text(x.fleet)
        .text(x.nation)
        .text(x.aircraft_type)
        .text(x.from)
        .text(x.to)
        .time(clock, x.takeoff_s)
        .number(model::hours(x.takeoff_s))
        .integer(x.passengers)
        .integer(x.seats)
        .end();
  std::string& ci = f.files["cities.csv"];
  for (const CityRow& c : r.cities)
    Row(ci)
        .integer(rep)
        .text(c.city)
        .time(clock, c.captured_s)
        .hours(c.captured_s)
        .integer(c.evacuees)
        .integer(c.departed)
        .integer(c.stranded)
        .integer(c.evacuated)
        .integer(c.stranded_elsewhere)
        .end();
  std::string& co = f.files["cohorts.csv"];
  for (const CohortRow& c : r.cohorts)
    Row(co)
        .integer(rep)
        .text(c.cohort)
        .text(c.nation)
        .integer(c.evacuees)
        .integer(c.evacuated)
        .integer(c.stranded)
        .integer(c.remaining)
        .number(c.time_to_evacuate_mean_h)
        .number(c.time_to_evacuate_p90_h)
        .end();
  std::string& ga = f.files["gates.csv"];
  for (const GateRow& g : r.gates)
    Row(ga)
        .integer(rep)
        .text(g.airport)
        .text(g.gate)
        .integer(g.arrivals)
        .integer(g.served)
        .number(g.wait_mean_h)
        .number(g.wait_p50_h)
        .number(g.wait_p90_h)
        .number(g.wait_max_h)
        .integer(g.queue_max)
        .number(g.utilization)
        .end();
  std::string& cs = f.files["constraints.csv"];
  for (const ConstraintRow& c : r.constraints) Row(cs).integer(rep).text(c.constraint).text(c.place).number(c.saturated_h).end();
  return f;
}

double ci95_half_width(const std::vector<double>& v) {
  const auto n = v.size();
  if (n < 2) return 0;
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(n);
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  const double sd = std::sqrt(ss / static_cast<double>(n - 1));
  const boost::math::students_t t(static_cast<double>(n - 1));
  return boost::math::quantile(boost::math::complement(t, 0.025)) * sd / std::sqrt(static_cast<double>(n));
}

std::string summary_stats_csv(const std::vector<std::vector<std::optional<double>>>& rows) {
  std::string out = join({"metric", "n", "mean", "sd", "ci95_low", "ci95_high", "min", "p05", "p50", "p95", "max"});
  const auto metrics = summary_metrics();
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::vector<double> v;
    for (const auto& row : rows)
      if (m < row.size() && row[m]) v.push_back(*row[m]);
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    Row row(out);
    row.text(metrics[m]).integer(n);
    if (n == 0) {
      for (int empty = 0; empty < 9; ++empty) row.text({});
      row.end();
      continue;
    }
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(n);
    double ss = 0;
    for (double x : v) ss += (x - mean) * (x - mean);
    const double sd = n > 1 ? std::sqrt(ss / static_cast<double>(n - 1)) : 0;
    std::optional<double> lo, hi;
    if (n > 1) {
      const double half = ci95_half_width(v);
      lo = mean - half;
      hi = mean + half;
    }
    row.number(mean)
        .number(sd)
        .number(lo)
        .number(hi)
        .number(v.front())
        .number(quantile_sorted(v, 0.05))
        .number(quantile_sorted(v, 0.5))
        .number(quantile_sorted(v, 0.95))
        .number(v.back())
        .end();
  }
  return out;
}

void write_file_atomically(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
    out << content;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, path);
}

void publish_directory(const std::filesystem::path& staging_dir, const std::filesystem::path& final_dir) {
  namespace fs = std::filesystem;
  if (final_dir.has_parent_path()) fs::create_directories(final_dir.parent_path());
  fs::path old;
  if (fs::exists(final_dir)) {
    old = final_dir.string() + ".old-" + std::to_string(::getpid());
    fs::rename(final_dir, old);
  }
  fs::rename(staging_dir, final_dir);
  if (!old.empty()) fs::remove_all(old);
}

}  // namespace sim::output
