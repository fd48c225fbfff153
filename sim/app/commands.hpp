// The evacsim commands, each a function from parsed options to an exit code:
// 0 success, 1 `compare` found a difference, 2 bad input (nothing written), 3 internal failure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInternal = 3;

struct RunOptions {
  std::string scenario;
  std::optional<std::string> out;
  std::optional<std::uint64_t> seed;
  std::optional<int> replications;
  int jobs = 0;  ///< 0: number of cores
  std::vector<std::string> sets;
  std::vector<std::string> log;
  bool quiet = false;
  std::vector<std::string> command_line;
};

struct ValidateOptions {
  std::vector<std::string> scenarios;
  std::vector<std::string> sets;
};

int run_command(const RunOptions& options);
int validate_command(const ValidateOptions& options);

}  // namespace sim::app
