#include "analysis/comparison.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "analysis/statistics.hpp"

namespace analysis {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::VectorXd to_vector(const std::vector<double>& values) {
  return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

std::vector<double> present(const Samples& s) {
  std::vector<double> out;
  for (const auto& [rep, value] : s)
    if (!std::isnan(value)) out.push_back(value);
  return out;
}

double relative(double difference, double baseline) {
  if (std::isnan(difference) || std::isnan(baseline)) return kNaN;
  if (baseline != 0) return difference / std::abs(baseline);
  return difference == 0 ? 0 : kNaN;
}

Verdict by_sign(double difference) { return difference > 0 ? Verdict::higher : Verdict::lower; }
}  // namespace

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::higher: return "higher";
    case Verdict::lower: return "lower";
    case Verdict::no_difference: return "no detectable difference";
    case Verdict::only_in_baseline: return "only in baseline";
    case Verdict::only_in_alternative: return "only in alternative";
    case Verdict::missing_in_baseline: return "missing in baseline";
    case Verdict::missing_in_alternative: return "missing in alternative";
    case Verdict::not_tested: return "not tested";
  }
  return "?";
}

bool is_difference(Verdict v) { return v != Verdict::no_difference && v != Verdict::not_tested; }

bool within_tolerance(double baseline, double alternative, const Thresholds& t) {
  const double diff = std::abs(alternative - baseline);
  return diff <= t.abs_tol || diff <= t.rel_tol * std::max(std::abs(baseline), std::abs(alternative));
}

ComparisonRow compare_samples(const Samples& baseline, const Samples& alternative, Pairing pairing,
                              const Thresholds& thresholds) {
  ComparisonRow row;
  row.ci_low = row.ci_high = kNaN;
  const std::vector<double> base = present(baseline);
  const std::vector<double> alt = present(alternative);
  row.n_baseline = base.size();
  row.n_alternative = alt.size();
  row.baseline = base.empty() ? kNaN : mean(to_vector(base));
  row.alternative = alt.empty() ? kNaN : mean(to_vector(alt));

  if (base.empty() || alt.empty()) {
    row.method = "none";
    row.difference = row.relative_difference = kNaN;
    row.verdict = base.empty() && alt.empty() ? Verdict::no_difference
                  : base.empty()              ? Verdict::missing_in_baseline
                                              : Verdict::missing_in_alternative;
    return row;
  }

  // Complete pairs: replications with a value on both sides.
  std::vector<double> pair_base, pair_alt;
  if (pairing == Pairing::paired) {
    for (const auto& [rep, value] : baseline) {
      const auto it = alternative.find(rep);
      if (std::isnan(value) || it == alternative.end() || std::isnan(it->second)) continue;
      pair_base.push_back(value);
      pair_alt.push_back(it->second);
    }
  }

  std::optional<DifferenceEstimate> estimate;
  if (pair_base.size() >= 2) {
    row.method = "paired";
    row.n_baseline = row.n_alternative = pair_base.size();
    row.baseline = mean(to_vector(pair_base));
    row.alternative = mean(to_vector(pair_alt));
    estimate = paired_difference(to_vector(pair_base), to_vector(pair_alt), thresholds.alpha);
  } else if (base.size() >= 2 && alt.size() >= 2) {
    row.method = "welch";
    estimate = welch_difference(to_vector(base), to_vector(alt), thresholds.alpha);
  } else {
    row.method = "tolerance";
  }

  row.difference = estimate ? estimate->difference : row.alternative - row.baseline;
  row.relative_difference = relative(row.difference, row.baseline);
  if (estimate) {
    row.ci_low = estimate->ci_low;
    row.ci_high = estimate->ci_high;
  }
  if (within_tolerance(row.baseline, row.baseline + row.difference, thresholds)) {
    row.verdict = Verdict::no_difference;
  } else if (!estimate) {
    row.verdict = by_sign(row.difference);
  } else {
    row.verdict = row.ci_low > 0 ? Verdict::higher : row.ci_high < 0 ? Verdict::lower : Verdict::no_difference;
  }
  return row;
}

}  // namespace analysis
