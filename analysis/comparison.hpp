// One line of a comparison: a metric of one entity in one file, baseline against alternative,
// with its difference, interval and verdict. compare_samples() holds the decision rules.
//
// Example:
//   Samples base{{1, 10.0}, {2, 12.0}}, alt{{1, 11.0}, {2, 13.5}};
//   ComparisonRow row = compare_samples(base, alt, Pairing::paired, {.alpha = 0.05});
//   // row.method == "paired", row.difference == 1.25
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace analysis {

enum class Verdict {
  higher,                  // alternative higher beyond tolerance (and, with replications, significantly)
  lower,
  no_difference,           // "no detectable difference"
  only_in_baseline,        // the key (entity) exists in the baseline run only
  only_in_alternative,
  missing_in_baseline,     // the key exists in both, but every baseline value is NA (empty cell)
  missing_in_alternative,
  not_tested,              // shown for information, no verdict (largest gap of mean curves)
};

std::string_view verdict_name(Verdict v);
// Whether the verdict makes compare exit 1.
bool is_difference(Verdict v);

// Whether replication r of the two runs shares random numbers (same replication set and seeds).
enum class Pairing { paired, independent };

struct Thresholds {
  double alpha = 0.05;
  double rel_tol = 1e-9;
  double abs_tol = 1e-9;
};

// |difference| small enough to ignore: within abs_tol, or within rel_tol of the larger magnitude.
bool within_tolerance(double baseline, double alternative, const Thresholds& t);

struct ComparisonRow {
  std::string file;    // "summary.csv", "cities.csv", ...
  std::string key;     // entity ("kabul", "hkia/abbey", fleet id), "" for run-wide metrics
  std::string metric;
  std::size_t n_baseline = 0;     // non-NA values used
  std::size_t n_alternative = 0;
  double baseline = 0;            // means of the values used; NaN for NA
  double alternative = 0;
  double difference = 0;          // alternative - baseline
  double relative_difference = 0; // difference / |baseline|; NaN when baseline is 0 and difference is not
  double ci_low = 0;              // NaN when no interval (one replication, tolerance only)
  double ci_high = 0;
  std::string method;             // "paired", "welch", "tolerance", "none", "mean curves"
  Verdict verdict = Verdict::no_difference;
};

// Values by replication number; NaN is NA.
using Samples = std::map<long, double>;

// The statistics of one metric:
//  - no values on either side: no difference (method "none"); values on one side only: missing_in_*;
//  - Pairing::paired and at least two replications with values on both sides: paired t interval;
//  - otherwise at least two values on each side: Welch interval;
//  - otherwise (one replication): the means are compared against the tolerances.
// With an interval, the verdict is higher/lower when the interval excludes 0 and the difference is
// beyond tolerance, so exact-but-tiny differences (floating-point noise) are not reported.
ComparisonRow compare_samples(const Samples& baseline, const Samples& alternative, Pairing pairing,
                              const Thresholds& thresholds);

}  // namespace analysis
