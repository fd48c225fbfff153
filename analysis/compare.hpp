// `evacsim compare`: line up two runs' result files and report what changed, metric by metric.
//
// BASELINE and ALTERNATIVE are two result directories (summary.csv plus, where present, timeline,
// cities, cohorts, gates and flights files) or two result CSV files of the same kind. The human
// table goes to `out`, problems to `err`; the full tidy table goes to options.out when set.
// docs/comparing-runs.md describes the output, the statistics and the rules.
//
// Example (what sim/app does for `evacsim compare a b --out diff.csv`):
//   CompareOptions options{.baseline = "results/a", .alternative = "results/b", .out = "diff.csv"};
//   return run_compare(options, std::cout, std::cerr);
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "analysis/comparison.hpp"

namespace analysis {

struct CompareOptions {
  std::filesystem::path baseline, alternative;
  std::optional<std::filesystem::path> out;  // tidy CSV, written to a temporary name then renamed
  double alpha = 0.05;                       // 1 - confidence level of the intervals
  // A difference within either tolerance is no difference. The defaults only absorb floating-point
  // noise: identical deterministic runs compare equal and any real change shows.
  double rel_tol = 1e-9;
  double abs_tol = 1e-9;
  // Compare runs whose cities or cohorts differ, or whose files have different columns: only the
  // common ones are compared, the rest are listed.
  bool force = false;
};

// Exit codes, as the CLI returns them.
inline constexpr int kCompareSame = 0;
inline constexpr int kCompareDifferent = 1;
inline constexpr int kCompareBadInput = 2;

// Runs the comparison; returns 0 (nothing differs beyond tolerance), 1 (something does) or 2 (bad
// input, with the message on `err` and nothing written to `out` or options.out). Does not throw for
// bad input.
int run_compare(const CompareOptions& options, std::ostream& out, std::ostream& err);

// What the report says about each run.
struct RunInfo {
  std::filesystem::path path;
  std::string scenario;            // manifest.json's scenario_name, "" when there is no manifest
  std::size_t replications = 0;    // replications in summary.csv, 0 when unknown
};

// The comparison itself, for callers that want the rows rather than the report. Throws InputError.
struct Comparison {
  std::vector<ComparisonRow> rows;
  Pairing pairing = Pairing::independent;
  RunInfo baseline, alternative;
  std::vector<std::string> notes;  // what was skipped or forced, for the report
};
Comparison compare_results(const CompareOptions& options);

}  // namespace analysis
