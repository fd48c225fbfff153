#include "analysis/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

namespace analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Point {
  double hours = 0;
  double evacuated = 0;
  std::string time;  // ISO label as written
};

// The evacuated curve of each replication, in time order, without NA points.
std::map<long, std::vector<Point>> curves_of(const ResultTable& table) {
  const std::size_t hours = *table.metric_index("hours");
  const std::size_t evacuated = *table.metric_index("evacuated");
  std::map<long, std::vector<Point>> curves;
  for (const auto& row : table.rows) {
    if (std::isnan(row.metrics[hours]) || std::isnan(row.metrics[evacuated])) continue;
    curves[row.replication].push_back({row.metrics[hours], row.metrics[evacuated], row.entity});
  }
  for (auto& [rep, curve] : curves)
    std::stable_sort(curve.begin(), curve.end(), [](const Point& a, const Point& b) { return a.hours < b.hours; });
  return curves;
}

// First report time at which the curve reached `fraction` of its final value; NaN if it ends at 0.
double time_to_fraction(const std::vector<Point>& curve, double fraction) {
  if (curve.empty() || curve.back().evacuated <= 0) return kNaN;
  const double target = fraction * curve.back().evacuated;
  for (const auto& p : curve)
    if (p.evacuated >= target) return p.hours;
  return kNaN;
}

Samples times_to(const std::map<long, std::vector<Point>>& curves, double fraction) {
  Samples s;
  for (const auto& [rep, curve] : curves) s[rep] = time_to_fraction(curve, fraction);
  return s;
}

struct MeanPoint {
  double sum = 0;
  std::size_t count = 0;
  std::string time;
};

// Mean over replications at each report time. Report times are matched to the millisecond-hour,
// which absorbs the rounding of the hours column.
std::map<long long, MeanPoint> mean_curve(const std::map<long, std::vector<Point>>& curves) {
  std::map<long long, MeanPoint> mean;
  for (const auto& [rep, curve] : curves) {
    for (const auto& p : curve) {
      auto& m = mean[std::llround(p.hours * 1000)];
      m.sum += p.evacuated;
      m.count += 1;
      if (m.time.empty()) m.time = p.time;
    }
  }
  return mean;
}

}  // namespace

std::vector<ComparisonRow> compare_timelines(const ResultTable& baseline, const ResultTable& alternative,
                                             Pairing pairing, const Thresholds& thresholds) {
  const auto base_curves = curves_of(baseline), alt_curves = curves_of(alternative);
  std::vector<ComparisonRow> rows;
  for (const auto& [fraction, metric] : {std::pair{0.5, "time_to_50pct_h"}, std::pair{0.9, "time_to_90pct_h"}}) {
    ComparisonRow row = compare_samples(times_to(base_curves, fraction), times_to(alt_curves, fraction), pairing,
                                        thresholds);
    row.file = "timeline.csv";
    row.metric = metric;
    rows.push_back(std::move(row));
  }

  ComparisonRow gap;
  gap.file = "timeline.csv";
  gap.metric = "evacuated_largest_gap";
  gap.n_baseline = base_curves.size();
  gap.n_alternative = alt_curves.size();
  gap.baseline = gap.alternative = gap.difference = gap.relative_difference = kNaN;
  gap.ci_low = gap.ci_high = kNaN;
  const auto base_mean = mean_curve(base_curves), alt_mean = mean_curve(alt_curves);
  bool any_common = false;
  for (const auto& [at, b] : base_mean) {
    const auto a = alt_mean.find(at);
    if (a == alt_mean.end()) continue;
    const double bv = b.sum / static_cast<double>(b.count), av = a->second.sum / static_cast<double>(a->second.count);
    if (!any_common || std::abs(av - bv) > std::abs(gap.difference)) {
      gap.key = b.time;
      gap.baseline = bv;
      gap.alternative = av;
      gap.difference = av - bv;
    }
    any_common = true;
  }
  if (!any_common) {
    gap.method = "none";
    gap.verdict = Verdict::not_tested;  // no report time in common: nothing to line up
  } else {
    gap.relative_difference = gap.baseline != 0 ? gap.difference / std::abs(gap.baseline)
                              : gap.difference == 0 ? 0
                                                    : kNaN;
    const bool single = gap.n_baseline == 1 && gap.n_alternative == 1;
    gap.method = single ? "tolerance" : "mean curves";
    if (within_tolerance(gap.baseline, gap.alternative, thresholds)) {
      gap.verdict = Verdict::no_difference;
    } else if (!single) {
      gap.verdict = Verdict::not_tested;
    } else {
      gap.verdict = gap.difference > 0 ? Verdict::higher : Verdict::lower;
    }
  }
  rows.push_back(std::move(gap));
  return rows;
}

}  // namespace analysis
