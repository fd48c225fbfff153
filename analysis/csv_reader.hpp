// Reading an RFC 4180 CSV file into strings, with the physical line of every record.
//
// Parsing is libcsv's (Debian libcsv-dev) in strict mode: a stray quote inside a field, or a quoted
// field still open at the end of the file, is an error. Every record must have as many fields as the
// header. Errors are InputError with "FILE:LINE[:COLUMN]: what is wrong".
//
// Example:
//   CsvFile f = read_csv("results/kabul-2021/summary.csv");
//   for (std::size_t r = 0; r < f.records.size(); ++r) use(f.records[r], f.lines[r]);
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace analysis {

struct CsvFile {
  std::filesystem::path path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> records;  // data records, each header.size() fields
  std::vector<std::size_t> lines;                  // 1-based line on which each record starts
  std::size_t header_line = 1;
};

// Throws InputError for a missing or unreadable file, a malformed or empty file, or a record
// whose field count differs from the header's.
CsvFile read_csv(const std::filesystem::path& path);

}  // namespace analysis
