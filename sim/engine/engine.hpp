// Simulates replications of a scenario on SimGrid. The platform (places as hosts, routes as links) is
// built from the scenario; behaviours are actors: the recorder, the capture timeline, one garrison per
// airport (troops, gate lanes, the airport's fall), one per incident, one per aircraft. People are not
// actors: they flow through sim::flow, which the actors advance to the present before every change
// and observation.
//
// SimGrid allows one engine per process, run once. A Simulation makes the engine, the platform and
// the actors (their stacks included) before the replication is chosen, so the CLI makes it once in
// its parent process and forks one worker per replication, each of which runs it for its own
// replication: the fixed cost of a replication is then a fork, not SimGrid's set-up.
//
// Example (one replication in this process):
//   auto result = sim::engine::Simulation(scenario, {}, /*replication=*/1).run(1);
//   std::cout << result.summary.evacuated;
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
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
  /// Asked at every report time: true stops the replication there, and Simulation::run throws
  /// Interrupted. For a replication run in the caller's own process (Ctrl-C must not wait for its end);
  /// may be empty.
  std::function<bool()> stop;
  /// Compute the cities' departures and the roads on a second thread, ahead of the actors (the same
  /// results; for when a core would otherwise be idle, as with one replication on two cores).
  bool upstream_ahead = false;
};

/// Simulation::run was stopped by EngineOptions::stop: there are no results.
struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted") {}
};

class Simulation {
 public:
  /// Makes SimGrid's engine, the platform and the actors for `scenario`, which must outlive this.
  /// At most one Simulation per process.
  ///
  /// With `replication`, it is a simulation of that replication only (run must be given it): its
  /// draws and people flows are made first, so that with EngineOptions::upstream_ahead the second
  /// thread is already computing the cities and roads while the engine, the platform and the actors
  /// are made, and while the caller prepares (one replication in this process). Without it, the
  /// replication is chosen by run, which is what a Simulation made before a fork needs (a thread
  /// does not survive a fork).
  Simulation(const model::Scenario& scenario, EngineOptions options, std::optional<int> replication = std::nullopt);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// Simulates replication `replication` (1-based) with the scenario's seed. At most once per
  /// process: a process that made a Simulation may fork children that each run it once. Throws
  /// std::logic_error if the Simulation was made for another replication.
  /// Throws Interrupted when EngineOptions::stop said so, and std::logic_error if the books do not
  /// balance (conservation of people), a bug.
  output::ReplicationResult run(int replication);

  /// Whether a Simulation made before a fork runs in the child. False when SimGrid runs actors on
  /// system threads (sanitizer builds), which a fork does not copy: make it in the child then.
  static bool survives_fork();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Checks SimGrid logging settings (`--log` values) as SimGrid reads them: empty if it accepts them
/// all, else its complaint. SimGrid aborts the process on some malformed settings, so they are tried
/// in a short-lived child process (only when there are settings to check).
std::string check_log_settings(const std::vector<std::string>& settings);

/// SimGrid's version, for `evacsim --version`.
std::string simgrid_version();

}  // namespace sim::engine
