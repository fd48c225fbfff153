// The two outputs of a comparison: the human table (grouped by file, aligned, verdicts) and the
// tidy CSV of every row (one row per file, key and metric).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "analysis/compare.hpp"

namespace analysis {

// The human report. Summary and timeline rows are all shown; per-entity sections show the rows
// that differ and count the others (the tidy CSV has them all).
void print_report(const Comparison& comparison, const CompareOptions& options, std::ostream& out);

// Columns: file, key, metric, n_baseline, n_alternative, baseline, alternative, difference,
// relative_difference, ci_low, ci_high, method, verdict. NA is an empty cell; numbers round-trip.
// Written to a temporary file beside `path`, then renamed over it. Throws InputError when the
// file cannot be written.
void write_tidy_csv(const std::vector<ComparisonRow>& rows, const std::filesystem::path& path);

// Number formatting shared by both outputs (exposed for tests).
std::string format_value(double value);       // human: integers plainly, others to 6 significant digits
std::string format_exact(double value);       // CSV: shortest text that reads back to the same double
std::string csv_quote(const std::string& cell);  // RFC 4180 quoting when needed

}  // namespace analysis
