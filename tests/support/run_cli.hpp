// Test support: run the real evacsim binary and read its result files. Tests that run the engine go
// through the CLI, so each runs in processes of its own (SimGrid allows one engine per process).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

/// A fresh, empty directory under the system's temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "evacsim-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs `PROGRAM ARGS` (arguments are single-quoted for the shell), capturing stdout and stderr.
inline CliResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args,
                             const std::filesystem::path& scratch) {
  std::string cmd = "'" + program.string() + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  const auto out = scratch / "stdout.txt";
  const auto err = scratch / "stderr.txt";
  cmd += " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

/// Runs `evacsim ARGS`, capturing stdout and stderr.
inline CliResult run_evacsim(const std::vector<std::string>& args, const std::filesystem::path& scratch) {
  return run_program(EVACSIM_BINARY, args, scratch);
}

/// A result CSV as rows of column -> cell (the files have no quoted commas in these tests).
using Rows = std::vector<std::map<std::string, std::string>>;

inline Rows read_csv(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::string line;
  std::vector<std::string> header;
  Rows rows;
  auto split = [](const std::string& l) {
    std::vector<std::string> cells;
    std::stringstream ss(l);
    std::string c;
    while (std::getline(ss, c, ',')) cells.push_back(c);
    if (!l.empty() && l.back() == ',') cells.emplace_back();
    return cells;
  };
  if (std::getline(in, line)) header = split(line);
  while (std::getline(in, line)) {
    const auto cells = split(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
    rows.push_back(std::move(row));
  }
  return rows;
}

inline double num(const std::map<std::string, std::string>& row, const std::string& column) {
  return std::stod(row.at(column));
}

inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(EVACSIM_SOURCE_DIR) / relative;
}

}  // namespace test_support
