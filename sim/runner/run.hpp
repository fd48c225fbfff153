// The runner's one job: run a request of `evacsim run` (sim/runner/request.hpp). Checks the SimGrid
// logging settings, runs the replications (sim/runner/replications.hpp) into a staging directory
// next to the result directory, writes the result files and manifest.json, publishes the directory
// by renaming it, and prints the summary. Returns the command's exit code; on failure or Ctrl-C
// nothing is left at the result directory.
#pragma once

#include "sim/runner/request.hpp"

namespace sim::runner {

int run(RunRequest request);

}  // namespace sim::runner
