// One replication in this process, timed phase by phase, with the engine's event count: what the CLI
// benchmarks cannot see from outside (events per second, where the time of a replication goes).
//   replication_probe SCENARIO.yaml [--replication R] [--set PATH=VALUE ...] [--ahead]
// (--ahead: the cities and roads computed on a second thread, as `evacsim run` does when a core is spare)
// prints one line of `key=value` pairs: load_s, simulate_s, format_s, actors, events (actor wake-ups),
// parking_waits (the events that are ends of waits for a parking spot), events_per_s (events / simulate_s),
// person_events (people's own time-stamped state changes, which the flows compute in time order without
// an actor: departures, gate arrivals, gate service starts, take-offs; road entries and service ends
// are not counted), all_events_per_s ((events + person_events) / simulate_s), people (evacuees),
// evacuated, flights, peak_rss_kb.
#include <simgrid/s4u.hpp>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "sim/engine/engine.hpp"
#include "sim/output/csv.hpp"
#include "sim/scenario/load.hpp"

namespace {

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: replication_probe SCENARIO.yaml [--replication R] [--set PATH=VALUE ...] [--ahead]\n";
    return 2;
  }
  const std::string file = argv[1];
  int replication = 1;
  std::vector<std::string> sets;
  sim::engine::EngineOptions options;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--ahead") options.upstream_ahead = true;
    else if (a == "--replication" && i + 1 < argc) replication = std::atoi(argv[++i]);
    else if (a == "--set" && i + 1 < argc) sets.emplace_back(argv[++i]);
    else {
      std::cerr << "replication_probe: unknown argument " << a << '\n';
      return 2;
    }
  }

  auto t0 = std::chrono::steady_clock::now();
  auto loaded = sim::scenario::load_file(file, sets);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics) std::cerr << d.str() << '\n';
    return 2;
  }
  const auto& scenario = *loaded.scenario;
  const double load_s = since(t0);

  // Wake-ups from sleeps alone (SimGrid's signal); the rest of the engine's events are waits for a
  // parking spot that ended (a spot, or a timeout to re-check the airport and the time).
  std::int64_t sleeps = 0;
  simgrid::s4u::Actor::on_wake_up_cb([&sleeps](const simgrid::s4u::Actor&) { ++sleeps; });
  t0 = std::chrono::steady_clock::now();
  const auto result = sim::engine::Simulation(scenario, options, replication).run(replication);
  const double simulate_s = since(t0);

  t0 = std::chrono::steady_clock::now();
  const auto fragment = sim::output::to_fragment(result, scenario.clock);
  std::size_t bytes = 0;
  for (const auto& [name, rows] : fragment.files) bytes += rows.size();
  const double format_s = since(t0);

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const auto& e = result.engine;
  std::int64_t person_events = result.summary.evacuated;
  for (const auto& c : result.cities) person_events += c.departed;
  for (const auto& g : result.gates) person_events += g.arrivals + g.served;
  std::cout << "load_s=" << load_s << " simulate_s=" << simulate_s << " format_s=" << format_s
            << " actors=" << e.actors << " events=" << e.actor_wakeups << " parking_waits=" << e.actor_wakeups - sleeps
            << " events_per_s=" << static_cast<double>(e.actor_wakeups) / simulate_s << " person_events=" << person_events
            << " all_events_per_s=" << static_cast<double>(e.actor_wakeups + person_events) / simulate_s
            << " people=" << result.summary.evacuees << " evacuated=" << result.summary.evacuated
            << " flights=" << result.summary.flights << " result_bytes=" << bytes << " peak_rss_kb=" << ru.ru_maxrss
            << '\n';
  return 0;
}
