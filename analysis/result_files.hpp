// The result-file contract (docs: SPEC "Result files"), read into typed tables for comparison.
//
// Each kind of file has leading columns in a fixed order, some of which identify a row (the key:
// replication plus the entity's id columns) and some of which are text (ISO times, nation ids).
// Every other column is a metric: a number, or an empty cell meaning "not available" (NA).
// Columns beyond the contract's are welcome; they are metrics too, unless named `time` or
// `*_time`, or holding text only (no cell parses as a number).
//
// Example:
//   ResultTable t = load_result_file("results/kabul-2021/cities.csv");
//   // t.kind == FileKind::cities, t.rows[i].entity == "kabul", t.rows[i].metrics[m] is NaN for NA
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace analysis {

enum class FileKind { summary, timeline, flights, cities, cohorts, gates, summary_stats };

struct FileSchema {
  FileKind kind;
  std::string_view file_name;                 // name in a result directory, e.g. "summary.csv"
  std::string_view noun;                      // "summary", "per city", ... for messages and headings
  std::vector<std::string_view> columns;      // the contract's leading columns, in order
  std::vector<std::string_view> entity_keys;  // id columns that, with replication, identify a row
  std::vector<std::string_view> text;         // text columns (not metrics, not keys)
};

// Every kind, in the order a comparison reports them.
const std::vector<FileSchema>& file_schemas();
const FileSchema& schema_of(FileKind kind);

struct ResultRow {
  long replication = 0;
  std::string entity;                // entity ids joined by '/' ("kabul", "hkia/abbey"); "" for summary;
                                     // the ISO time for timeline rows; the flight id for flights
  std::vector<std::string> text;     // the text columns' cells, in ResultTable::text_columns order
  std::vector<double> metrics;       // NaN for an empty (NA) cell, in ResultTable::metrics order
  std::size_t line = 0;              // line in the file, for messages
};

struct ResultTable {
  std::filesystem::path path;
  FileKind kind = FileKind::summary;
  std::vector<std::string> metrics;       // metric column names in file order
  std::vector<std::string> text_columns;  // text column names in file order
  std::vector<ResultRow> rows;            // in file order

  // Index of a metric column, if present.
  std::optional<std::size_t> metric_index(std::string_view name) const;
};

// Which kind a header belongs to: the kind whose contract columns lead it. When the file carries a
// known result-file name, its header must match that kind. Throws InputError otherwise.
FileKind detect_kind(const std::filesystem::path& path, const std::vector<std::string>& header);

// Reads, checks and types a result file: kind from name and header, integer replications, non-empty
// ids, unique keys, numeric or empty metric cells. Throws InputError with FILE:LINE:COLUMN.
ResultTable load_result_file(const std::filesystem::path& path);

}  // namespace analysis
