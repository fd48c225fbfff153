// Runs replications in worker processes (SimGrid allows one engine per process), at most `jobs` at a
// time. Each worker writes its rows as fragments under `work_dir`; fragments are read back in
// replication order, so the result never depends on `jobs`.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "sim/engine/engine.hpp"
#include "sim/model/scenario.hpp"
#include "sim/output/csv.hpp"

namespace sim::app {

struct ReplicationFailure {
  int replication;
  std::string message;
};

/// Runs replications 1..n. Calls `progress(done, n)` after each. Returns the failures (empty on
/// success). Throws std::runtime_error("interrupted") if SIGINT/SIGTERM arrived (workers are killed).
std::vector<ReplicationFailure> run_replications(const model::Scenario& scenario, int n, int jobs,
                                                 const std::filesystem::path& work_dir,
                                                 const engine::EngineOptions& engine_options,
                                                 const std::function<void(int, int)>& progress);

/// The fragment of replication r written by run_replications.
output::Fragment read_fragment(const std::filesystem::path& work_dir, int replication);

/// Installs SIGINT/SIGTERM handlers that let run_replications stop cleanly.
void install_interrupt_handlers();
bool interrupted();

}  // namespace sim::app
