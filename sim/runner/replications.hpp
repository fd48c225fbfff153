// Runs replications in worker processes (SimGrid allows one engine per process), at most `jobs` at a
// time. Each worker sends its rows back to the parent through a pipe (no files: creating and removing
// thousands of small files cost more than a replication's own writing); the caller gets each
// replication's fragment as it arrives and puts them in replication order, so the result never
// depends on `jobs`. A single replication runs in the calling process instead (no fork to pay for);
// its rows are the same bytes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sim/engine/engine.hpp"
#include "sim/model/scenario.hpp"
#include "sim/output/csv.hpp"

namespace sim::runner {

struct ReplicationFailure {
  int replication;
  std::string message;
};

/// Runs replications 1..n. Calls `meanwhile()` once, when the first workers have started (the caller's
/// own work, done while they simulate; with n == 1, before simulating), then `on_result(r, fragment)`
/// for each replication that succeeds, in the order they finish, and `progress(done, n)`. Returns the
/// failures (empty on success); after the first failure no new replication starts. Throws
/// std::runtime_error("interrupted") if SIGINT/SIGTERM arrived, and what `meanwhile` throws; workers
/// are killed then.
std::vector<ReplicationFailure> run_replications(const model::Scenario& scenario, int n, int jobs,
                                                 const engine::EngineOptions& engine_options,
                                                 const std::function<void()>& meanwhile,
                                                 const std::function<void(int, output::Fragment&&)>& on_result,
                                                 const std::function<void(int, int)>& progress);

/// Installs SIGINT/SIGTERM handlers that let run_replications stop cleanly.
void install_interrupt_handlers();
bool interrupted();

}  // namespace sim::runner
