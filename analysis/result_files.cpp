#include "analysis/result_files.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "analysis/csv_reader.hpp"
#include "analysis/input_error.hpp"

namespace analysis {

const std::vector<FileSchema>& file_schemas() {
  static const std::vector<FileSchema> schemas = {
      {FileKind::summary, "summary.csv", "summary",
       {"replication", "seed", "evacuated", "stranded", "remaining", "flights", "seats_flown", "load_factor",
        "last_takeoff_h", "peak_day_evacuated", "gate_wait_mean_h", "gate_wait_p90_h"},
       {},
       {"seed"}},  // an identifier of the random streams, not a metric (it decides pairing)
      {FileKind::timeline, "timeline.csv", "timeline",
       {"replication", "time", "hours", "evacuated", "stranded", "on_road", "at_gates", "in_holding", "at_staging",
        "troops", "flights", "cities_captured", "airports_open"},
       {"time"},
       {}},
      {FileKind::flights, "flights.csv", "per fleet",
       {"replication", "flight", "fleet", "nation", "aircraft_type", "from", "to", "takeoff_time", "takeoff_h",
        "passengers", "seats"},
       {"flight"},
       {"fleet", "nation", "aircraft_type", "from", "to", "takeoff_time"}},
      {FileKind::cities, "cities.csv", "per city",
       {"replication", "city", "captured_time", "captured_h", "evacuees", "departed", "stranded"},
       {"city"},
       {"captured_time"}},
      {FileKind::cohorts, "cohorts.csv", "per cohort",
       {"replication", "cohort", "nation", "evacuees", "evacuated", "stranded", "remaining", "time_to_evacuate_mean_h",
        "time_to_evacuate_p90_h"},
       {"cohort"},
       {"nation"}},
      {FileKind::gates, "gates.csv", "per gate",
       {"replication", "airport", "gate", "arrivals", "served", "wait_mean_h", "wait_p50_h", "wait_p90_h",
        "wait_max_h", "queue_max", "utilization"},
       {"airport", "gate"},
       {}},
      {FileKind::summary_stats, "summary_stats.csv", "summary statistics",
       {"metric", "n", "mean", "sd", "ci95_low", "ci95_high", "min", "p05", "p50", "p95", "max"},
       {},
       {}},
  };
  return schemas;
}

const FileSchema& schema_of(FileKind kind) {
  for (const auto& s : file_schemas())
    if (s.kind == kind) return s;
  throw std::logic_error("unknown file kind");
}

std::optional<std::size_t> ResultTable::metric_index(std::string_view name) const {
  const auto it = std::find(metrics.begin(), metrics.end(), name);
  if (it == metrics.end()) return std::nullopt;
  return static_cast<std::size_t>(it - metrics.begin());
}

namespace {

bool header_starts_with(const std::vector<std::string>& header, const FileSchema& schema) {
  if (header.size() < schema.columns.size()) return false;
  return std::equal(schema.columns.begin(), schema.columns.end(), header.begin());
}

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

// A number as the contract writes them: decimal or scientific, '.' as decimal point. "nan" and
// "inf" are not numbers here (an unavailable value is an empty cell).
std::optional<double> parse_number(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  double value = 0;
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<long> parse_integer(const std::string& cell) {
  long value = 0;
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, value);
  if (cell.empty() || ec != std::errc() || ptr != end || value < 0) return std::nullopt;
  return value;
}

bool is_time_name(std::string_view name) {
  return name == "time" || (name.size() > 5 && name.substr(name.size() - 5) == "_time");
}

}  // namespace

FileKind detect_kind(const std::filesystem::path& path, const std::vector<std::string>& header) {
  const std::string name = path.filename().string();
  for (const auto& schema : file_schemas()) {
    if (name != schema.file_name) continue;
    if (header_starts_with(header, schema)) return schema.kind;
    // Name the first column that breaks the contract, so a typo is easy to find.
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
      if (c >= header.size()) {
        throw InputError(path.string() + ":1: not a " + std::string(schema.noun) + " file: column " +
                         std::to_string(c + 1) + " `" + std::string(schema.columns[c]) +
                         "` is missing (expected columns " + joined(schema.columns) + ")");
      }
      if (header[c] != schema.columns[c]) {
        throw InputError(path.string() + ":1:" + std::to_string(c + 1) + ": not a " + std::string(schema.noun) +
                         " file: expected column `" + std::string(schema.columns[c]) + "`, got `" + header[c] +
                         "` (expected columns " + joined(schema.columns) + ")");
      }
    }
  }
  for (const auto& schema : file_schemas())
    if (header_starts_with(header, schema)) return schema.kind;
  throw InputError(path.string() +
                   ":1: not an evacsim result file (its header matches none of summary.csv, timeline.csv, "
                   "flights.csv, cities.csv, cohorts.csv, gates.csv)");
}

ResultTable load_result_file(const std::filesystem::path& path) {
  const CsvFile csv = read_csv(path);
  ResultTable table;
  table.path = path;
  table.kind = detect_kind(path, csv.header);
  const FileSchema& schema = schema_of(table.kind);
  if (table.kind == FileKind::summary_stats) {
    throw InputError(path.string() +
                     ": summary_stats.csv is derived from summary.csv; compare the summary.csv files instead");
  }

  {
    std::set<std::string> seen;
    for (std::size_t c = 0; c < csv.header.size(); ++c) {
      if (csv.header[c].empty()) throw InputError(path.string() + ":1:" + std::to_string(c + 1) + ": empty column name");
      if (!seen.insert(csv.header[c]).second)
        throw InputError(path.string() + ":1:" + std::to_string(c + 1) + ": duplicate column `" + csv.header[c] + "`");
    }
  }

  // The role of every column: replication, entity id, text, or metric.
  enum class Role { replication, entity, text, metric };
  std::vector<Role> roles(csv.header.size(), Role::metric);
  for (std::size_t c = 0; c < csv.header.size(); ++c) {
    const std::string& name = csv.header[c];
    const auto in = [&](const std::vector<std::string_view>& names) {
      return std::find(names.begin(), names.end(), name) != names.end();
    };
    if (name == "replication") {
      roles[c] = Role::replication;
    } else if (in(schema.entity_keys)) {
      roles[c] = Role::entity;
    } else if (in(schema.text) || (c >= schema.columns.size() && is_time_name(name))) {
      roles[c] = Role::text;
    } else if (c >= schema.columns.size()) {
      // A column beyond the contract holding only text (no cell is a number) is text, not a metric.
      bool any_text = false;
      bool any_number = false;
      for (const auto& record : csv.records) {
        if (record[c].empty()) continue;
        (parse_number(record[c]) ? any_number : any_text) = true;
      }
      if (any_text && !any_number) roles[c] = Role::text;
    }
    if (roles[c] == Role::metric) table.metrics.push_back(name);
    if (roles[c] == Role::text) table.text_columns.push_back(name);
  }

  std::map<std::pair<long, std::string>, std::size_t> first_line_of_key;
  for (std::size_t r = 0; r < csv.records.size(); ++r) {
    const auto& record = csv.records[r];
    ResultRow row;
    row.line = csv.lines[r];
    const auto at = [&](std::size_t c) {
      return path.string() + ":" + std::to_string(row.line) + ":" + std::to_string(c + 1) + ": " + csv.header[c] + ": ";
    };
    for (std::size_t c = 0; c < record.size(); ++c) {
      const std::string& cell = record[c];
      switch (roles[c]) {
        case Role::replication: {
          const auto value = parse_integer(cell);
          if (!value) throw InputError(at(c) + "not a replication number (got \"" + cell + "\")");
          row.replication = *value;
          break;
        }
        case Role::entity:
          if (cell.empty()) throw InputError(at(c) + "empty id");
          row.entity += (row.entity.empty() ? "" : "/") + cell;
          break;
        case Role::text:
          row.text.push_back(cell);
          break;
        case Role::metric: {
          if (cell.empty()) {
            row.metrics.push_back(std::numeric_limits<double>::quiet_NaN());
            break;
          }
          const auto value = parse_number(cell);
          if (!value) throw InputError(at(c) + "not a number (got \"" + cell + "\")");
          row.metrics.push_back(*value);
          break;
        }
      }
    }
    // Flights are aggregated per fleet later; every other kind has one row per key.
    if (table.kind != FileKind::flights) {
      const auto [it, inserted] = first_line_of_key.emplace(std::make_pair(row.replication, row.entity), row.line);
      if (!inserted) {
        throw InputError(path.string() + ":" + std::to_string(row.line) + ": duplicate row for replication " +
                         std::to_string(row.replication) + (row.entity.empty() ? "" : " and " + row.entity) +
                         " (first on line " + std::to_string(it->second) + ")");
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace analysis
