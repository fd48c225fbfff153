// Runs one replication of a scenario on SimGrid and returns its results. The platform (places as
// hosts, routes as links) is built from the scenario; behaviours are actors: the recorder, the capture
// timeline, one garrison per airport (troops, gate lanes, the airport's fall), one per incident, one
// per aircraft. People are not actors: they flow through sim::flow, which the actors advance to the
// present before every change and observation.
//
// SimGrid allows one engine per process: call run_replication at most once per process (the CLI
// forks one worker process per replication).
//
// Example:
//   auto result = sim::engine::run_replication(scenario, /*replication=*/1, {});
//   std::cout << result.summary.evacuated;
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/output/results.hpp"

namespace sim::engine {

struct EngineOptions {
  /// SimGrid logging settings passed through (`--log=...` values); SimGrid is silent without them.
  std::vector<std::string> log;
  /// Called at every report time with the simulated fraction done (0..1); may be empty.
  std::function<void(double)> progress;
};

/// Simulates replication `replication` (1-based) of `scenario` with the scenario's seed.
/// Throws std::logic_error if the books do not balance (conservation of people), a bug.
output::ReplicationResult run_replication(const model::Scenario& scenario, int replication,
                                          const EngineOptions& options = {});

/// SimGrid's version, for `evacsim --version`.
std::string simgrid_version();

}  // namespace sim::engine
