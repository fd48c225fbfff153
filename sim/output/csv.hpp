// The result files of the product contract: headers, row formatting (RFC 4180, '.' decimal point,
// fixed precision so runs are byte-identical), summary statistics over replications, and atomic
// publication of a result directory.
//
// Example:
//   ResultTables tables(scenario_clock);
//   tables.add(replication_result);            // rows, in replication order
//   tables.write_to(tmp_dir);                  // summary.csv, timeline.csv, ... (+ summary_stats.csv)
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sim/model/time.hpp"
#include "sim/output/results.hpp"

namespace sim::output {

/// One result file's rows for one replication, without the header (written by worker processes and
/// concatenated in replication order by the parent, so --jobs never changes a byte).
struct Fragment {
  std::map<std::string, std::string> files;  ///< file name -> rows
};

/// Headers of every per-replication result file.
const std::map<std::string, std::string>& headers();

Fragment to_fragment(const ReplicationResult& result, const model::Clock& clock);

/// A fragment as bytes and back (what a replication's worker process sends its parent): per file, its
/// name, a newline, its size in bytes, a newline, and its rows. decode_fragment throws
/// std::runtime_error on truncated or malformed bytes.
std::string encode_fragment(const Fragment& fragment);
Fragment decode_fragment(const std::string& bytes);

/// Numeric columns of summary.csv (after replication and seed), for summary_stats.csv.
std::vector<std::string> summary_metrics();
std::vector<double> summary_values(const Summary& s);

/// Half-width of the 95% Student-t confidence interval of the mean of `values` (0 for fewer than 2).
double ci95_half_width(const std::vector<double>& values);

/// summary_stats.csv from the summary rows of several replications (metric, n, mean, sd, ci95_low,
/// ci95_high, min, p05, p50, p95, max). Missing values (NA) are skipped per metric.
std::string summary_stats_csv(const std::vector<std::vector<std::optional<double>>>& rows_by_replication);

/// Writes `content` to `path` through a temporary name and a rename.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

/// Replaces `final_dir` with the complete `staging_dir` (rename; the old result is removed only after
/// the new one is in place, so an interrupted run never leaves a directory that looks complete).
void publish_directory(const std::filesystem::path& staging_dir, const std::filesystem::path& final_dir);

}  // namespace sim::output
