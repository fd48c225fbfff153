// The state one replication's actors share: the platform, the people network, runways, staging bases,
// parking semaphores, the aircraft bookkeeping, and what the recorder accumulates. Owned by
// Simulation::run, passed by reference to every actor (no globals).
#pragma once

#include <simgrid/s4u.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/flow/network.hpp"
#include "sim/flow/runway.hpp"
#include "sim/flow/staging.hpp"
#include "sim/flow/troops.hpp"
#include "sim/model/realization.hpp"
#include "sim/model/scenario.hpp"
#include "sim/output/results.hpp"

namespace sim::engine {

namespace sg4 = simgrid::s4u;

/// Per-airport aircraft bookkeeping, for the "what bound" measures.
struct AirportTraffic {
  int waiting_for_parking = 0;  ///< aircraft at a base waiting for a spot here
  int held_for_staging = 0;     ///< loaded aircraft held on the ground: no staging room
  int on_ground = 0;
};

/// The SimGrid platform: places as hosts, routes as links. Built once per scenario, before the
/// replication is chosen; each replication sets the links' latencies to its drawn travel times.
struct Platform {
  sg4::Host* hq = nullptr;
  std::vector<sg4::Host*> city_hosts, airport_hosts, base_hosts;
  std::map<std::string, sg4::Link*> route_links;  ///< by route id
};

/// One replication's draws and people network: the part of a replication that needs no SimGrid, so it
/// can be made before the engine, and with `upstream_ahead` (see EngineOptions) its thread starts on
/// the cities and roads while the engine, the platform and the actors are made.
struct Flows {
  Flows(const model::Scenario& scenario, int replication, bool upstream_ahead);
  model::Realization r;
  flow::Network net;
};

struct World {
  World(const model::Scenario& scenario, const Platform& platform, std::unique_ptr<Flows> flows);

  const model::Scenario& s;
  const Platform& platform;
  std::unique_ptr<Flows> flows;  ///< what r and net refer to
  model::Realization& r;         ///< r.replication: which replication this is
  flow::Network& net;
  std::vector<flow::Runway> runways;          ///< per airport
  std::vector<flow::StagingBase> bases;       ///< per staging base
  std::vector<flow::TroopSchedule> troops;    ///< per airport
  std::vector<sg4::SemaphorePtr> parking;     ///< per airport
  std::vector<AirportTraffic> traffic;        ///< per airport
  std::vector<int> priority_of;               ///< per cohort
  std::vector<std::vector<int>> carries;      ///< per fleet: cohort indices sorted by priority

  std::int64_t wakeups = 0;  ///< actor wake-ups: the simulated events (sleeps counted by a SimGrid signal)
  bool stopped = false;      ///< the recorder ended every actor early (EngineOptions::stop)
  std::int64_t aboard = 0;   ///< boarded, not yet taken off
  std::vector<std::int64_t> aboard_by_cohort;
  std::int64_t flights = 0, seats_flown = 0;
  double last_takeoff_s = -1;
  std::vector<output::FlightRow> flight_rows;
  std::vector<output::TimelineRow> timeline;
  /// saturated seconds per (constraint index, airport index)
  std::vector<std::vector<double>> saturated_s;
  std::vector<double> any_saturated_s;  ///< per constraint: at any airport

  /// Flight time in seconds between two places (an air route's travel time, else great circle / cruise).
  double flight_time_s(const std::string& from, const std::string& to, double cruise_kmh) const;
  /// Looked up by flight_time_s (built once: aircraft ask at every sortie). Air routes by (from, to),
  /// both directions, the first listed winning; positions by place id (airports, then staging bases,
  /// then cities, the first found winning).
  std::map<std::pair<std::string, std::string>, double> air_route_s;
  std::map<std::string, const model::Position*> positions;
  /// Advances the people network to now, samples the timeline and the saturation measures.
  void observe(double t, double weight_s);
};

}  // namespace sim::engine
