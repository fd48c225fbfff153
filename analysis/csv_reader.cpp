#include "analysis/csv_reader.hpp"

#include <csv.h>

#include <fstream>
#include <memory>
#include <system_error>

#include "analysis/input_error.hpp"

namespace analysis {

namespace {

// What the libcsv callbacks fill in. libcsv knows nothing of lines, so the reader feeds it one
// physical line at a time and tells it which line that is.
struct ParseState {
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> lines;
  std::vector<std::string> current;
  std::size_t current_line = 0;   // line being fed
  std::size_t record_start = 0;   // line on which the record in progress started, 0 if none yet
};

void on_field(void* data, std::size_t len, void* state_ptr) {
  auto& state = *static_cast<ParseState*>(state_ptr);
  state.current.emplace_back(static_cast<const char*>(data), len);
}

void on_record_end(int /*terminator*/, void* state_ptr) {
  auto& state = *static_cast<ParseState*>(state_ptr);
  state.records.push_back(std::move(state.current));
  state.lines.push_back(state.record_start == 0 ? state.current_line : state.record_start);
  state.current.clear();
  state.record_start = 0;
}

std::string where(const std::filesystem::path& path, std::size_t line) {
  return path.string() + ":" + std::to_string(line);
}

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

CsvFile read_csv(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError(path.string() + ": no such file");
  if (std::filesystem::is_directory(path, ec)) throw InputError(path.string() + ": is a directory, expected a CSV file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot be opened for reading");

  csv_parser parser;
  // Strict RFC 4180: stray quotes are errors, and so is a quoted field left open at the end.
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
  const std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, [](csv_parser* p) { csv_free(p); });

  ParseState state;
  std::string line;
  while (std::getline(in, line)) {
    ++state.current_line;
    const bool had_newline = !in.eof();
    if (had_newline) line.push_back('\n');
    // A record starts on the first non-blank line after the previous one ended (a quoted field may
    // continue it over several lines; libcsv skips blank lines between records).
    if (state.record_start == 0 && state.current.empty() && !is_blank(line)) state.record_start = state.current_line;
    const std::size_t used = csv_parse(&parser, line.data(), line.size(), on_field, on_record_end, &state);
    if (used != line.size()) {
      throw InputError(where(path, state.current_line) + ":" + std::to_string(used + 1) +
                       ": malformed CSV (" + csv_strerror(csv_error(&parser)) +
                       "; a quote may only open or close a quoted field)");
    }
  }
  if (csv_fini(&parser, on_field, on_record_end, &state) != 0) {
    throw InputError(where(path, state.record_start == 0 ? state.current_line : state.record_start) +
                     ": unterminated quoted field (the file ends inside quotes)");
  }

  if (state.records.empty()) throw InputError(path.string() + ": empty file, expected a header line");
  CsvFile file;
  file.path = path;
  file.header = std::move(state.records.front());
  file.header_line = state.lines.front();
  for (std::size_t r = 1; r < state.records.size(); ++r) {
    if (state.records[r].size() != file.header.size()) {
      throw InputError(where(path, state.lines[r]) + ": expected " + std::to_string(file.header.size()) +
                       " fields as in the header, found " + std::to_string(state.records[r].size()) +
                       (state.records[r].size() < file.header.size() ? " (truncated row?)" : ""));
    }
    file.records.push_back(std::move(state.records[r]));
    file.lines.push_back(state.lines[r]);
  }
  return file;
}

}  // namespace analysis
