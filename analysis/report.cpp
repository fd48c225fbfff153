#include "analysis/report.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ostream>

#include "analysis/input_error.hpp"
#include "analysis/result_files.hpp"

namespace analysis {

namespace fs = std::filesystem;

std::string format_value(double value) {
  if (std::isnan(value)) return "NA";
  char buffer[64];
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
  }
  return buffer;
}

std::string format_exact(double value) {
  if (std::isnan(value)) return "";
  char buffer[64];
  // Counts read better as 100000 than as to_chars' shortest form 1e+05; both read back exactly.
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::string csv_quote(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

namespace {

std::string signed_value(double value) {
  const std::string s = format_value(value);
  return (value > 0 ? "+" : "") + s;
}

std::string percent(double relative) {
  if (std::isnan(relative)) return "NA";
  const double p = relative * 100;
  char buffer[64];
  if (p == 0) return "0%";
  std::snprintf(buffer, sizeof buffer, std::abs(p) >= 0.01 ? "%+.2f%%" : "%+.1e%%", p);
  return buffer;
}

std::string interval(const ComparisonRow& row) {
  if (std::isnan(row.ci_low)) return "";
  return "[" + format_value(row.ci_low) + ", " + format_value(row.ci_high) + "]";
}

std::string key_heading(FileKind kind) {
  switch (kind) {
    case FileKind::timeline: return "at";
    case FileKind::cities: return "city";
    case FileKind::cohorts: return "cohort";
    case FileKind::gates: return "airport/gate";
    case FileKind::flights: return "fleet";
    default: return "";
  }
}

std::string section_title(FileKind kind) {
  switch (kind) {
    case FileKind::summary: return "Summary (summary.csv)";
    case FileKind::timeline: return "Evacuated over time (timeline.csv)";
    case FileKind::cities: return "Per city (cities.csv)";
    case FileKind::cohorts: return "Per cohort (cohorts.csv)";
    case FileKind::gates: return "Per gate (gates.csv)";
    case FileKind::flights: return "Per fleet (flights.csv: flights, passengers and seats per replication)";
    default: return std::string(schema_of(kind).file_name);
  }
}

// An aligned text table: text columns left-aligned, number columns right-aligned.
void print_table(const std::vector<std::vector<std::string>>& cells, const std::vector<bool>& right_align,
                 std::ostream& out) {
  std::vector<std::size_t> widths(right_align.size(), 0);
  for (const auto& line : cells)
    for (std::size_t c = 0; c < line.size(); ++c) widths[c] = std::max(widths[c], line[c].size());
  for (const auto& line : cells) {
    std::string text = " ";
    for (std::size_t c = 0; c < line.size(); ++c) {
      if (widths[c] == 0) continue;
      const std::string pad(widths[c] - line[c].size(), ' ');
      text += " " + (right_align[c] ? pad + line[c] : line[c] + (c + 1 == line.size() ? "" : pad));
    }
    out << text << "\n";
  }
}

std::string describe_run(const RunInfo& run) {
  std::string s = run.path.string();
  std::vector<std::string> parts;
  if (!run.scenario.empty()) parts.push_back("scenario \"" + run.scenario + "\"");
  if (run.replications > 0)
    parts.push_back(std::to_string(run.replications) + (run.replications == 1 ? " replication" : " replications"));
  if (!parts.empty()) {
    s += " (";
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
    s += ")";
  }
  return s;
}

}  // namespace

void print_report(const Comparison& comparison, const CompareOptions& options, std::ostream& out) {
  char level[32];
  std::snprintf(level, sizeof level, "%g%%", (1 - options.alpha) * 100);
  out << "Baseline:    " << describe_run(comparison.baseline) << "\n";
  out << "Alternative: " << describe_run(comparison.alternative) << "\n";
  const bool intervals = comparison.baseline.replications != 1 && comparison.alternative.replications != 1;
  if (intervals) {
    out << (comparison.pairing == Pairing::paired
                ? "Replications paired by seed (common random numbers): paired t intervals"
                : "Replications independent (different seeds or replication sets): Welch intervals")
        << ";\n" << level << " confidence intervals of the difference alternative - baseline; differences within "
        << "the tolerances (relative " << options.rel_tol << ", absolute " << options.abs_tol << ") are not reported.\n";
  } else {
    out << "One replication on a side: values are compared against the tolerances alone (relative " << options.rel_tol
        << ", absolute " << options.abs_tol << ").\n";
  }
  for (const auto& note : comparison.notes) out << "Note: " << note << "\n";

  std::size_t differences = 0;
  for (FileKind kind : {FileKind::summary, FileKind::timeline, FileKind::cities, FileKind::cohorts, FileKind::gates,
                        FileKind::flights}) {
    const FileSchema& schema = schema_of(kind);
    std::vector<const ComparisonRow*> rows;
    for (const auto& row : comparison.rows)
      if (row.file == schema.file_name) rows.push_back(&row);
    if (rows.empty()) continue;
    const bool show_all = schema.kind == FileKind::summary || schema.kind == FileKind::timeline;
    std::vector<const ComparisonRow*> shown;
    for (const auto* row : rows) {
      if (is_difference(row->verdict)) ++differences;
      if (show_all || is_difference(row->verdict)) shown.push_back(row);
    }

    out << "\n" << section_title(schema.kind);
    if (!show_all) {
      const std::size_t hidden = rows.size() - shown.size();
      if (shown.empty())
        out << ": no detectable difference in " << rows.size() << " rows";
      else
        out << ": " << shown.size() << " of " << rows.size() << " rows differ; " << hidden
            << " with no detectable difference not shown (--out has every row)";
    }
    out << "\n";
    if (shown.empty()) continue;

    const std::string key = key_heading(schema.kind);
    std::vector<std::vector<std::string>> cells;
    cells.push_back({key, "metric", "baseline", "alternative", "difference", "rel. diff", std::string(level) + " CI",
                     "method", "verdict"});
    for (const auto* row : shown) {
      cells.push_back({row->key, row->metric, format_value(row->baseline), format_value(row->alternative),
                       std::isnan(row->difference) ? "NA" : signed_value(row->difference),
                       percent(row->relative_difference), interval(*row), row->method,
                       std::string(verdict_name(row->verdict))});
    }
    print_table(cells, {false, false, true, true, true, true, false, false, false}, out);
  }

  out << "\n";
  if (differences == 0)
    out << "No difference beyond tolerance in " << comparison.rows.size() << " comparisons.\n";
  else
    out << differences << " of " << comparison.rows.size() << " comparisons differ beyond tolerance.\n";
}

void write_tidy_csv(const std::vector<ComparisonRow>& rows, const fs::path& path) {
  // A temporary name in the same directory, so the rename is atomic and a crash never leaves a
  // half-written file under the real name.
  const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file) throw InputError(path.string() + ": cannot be written (cannot create " + temp.string() + ")");
    file << "file,key,metric,n_baseline,n_alternative,baseline,alternative,difference,relative_difference,"
            "ci_low,ci_high,method,verdict\n";
    for (const auto& r : rows) {
      file << csv_quote(r.file) << ',' << csv_quote(r.key) << ',' << csv_quote(r.metric) << ',' << r.n_baseline
           << ',' << r.n_alternative << ',' << format_exact(r.baseline) << ',' << format_exact(r.alternative) << ','
           << format_exact(r.difference) << ',' << format_exact(r.relative_difference) << ','
           << format_exact(r.ci_low) << ',' << format_exact(r.ci_high) << ',' << csv_quote(r.method) << ','
           << csv_quote(std::string(verdict_name(r.verdict))) << '\n';
    }
    file.flush();
    if (!file) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      throw InputError(path.string() + ": cannot be written (write to " + temp.string() + " failed)");
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw InputError(path.string() + ": cannot be written (" + ec.message() + ")");
  }
}

}  // namespace analysis
