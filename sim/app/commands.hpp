// The evacsim commands, each a function from parsed options to an exit code:
// 0 success, 1 `compare` found a difference, 2 bad input (nothing written), 3 internal failure.
#pragma once

#include <string>
#include <vector>

#include "sim/runner/request.hpp"

namespace sim::app {

using runner::kExitBadInput;
using runner::kExitInternal;
using runner::kExitOk;
/// `run`'s options travel on to the runner process (sim/runner/request.hpp).
using runner::RunOptions;

struct ValidateOptions {
  std::vector<std::string> scenarios;
  std::vector<std::string> sets;
};

int run_command(const RunOptions& options);
int validate_command(const ValidateOptions& options);

}  // namespace sim::app
