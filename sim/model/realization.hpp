// One replication's draw of everything in a scenario that varies once per replication: capture times,
// evacuee counts, departure times and rates, travel times, capacities, availability windows, troop
// schedules, incident times. A pure function of (scenario, seed, replication): each value comes from
// its own stream keyed by its source id, so scenarios that differ in one place share the rest.
//
// Example:
//   Realization r = realize(scenario, scenario.seed, 1);
//   double kabul_falls_s = r.cities[kabul_index].captured_s;
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "sim/model/scenario.hpp"

namespace sim::model {

struct RealDeparture {
  int cohort = -1;  ///< cohort index; -1: every cohort of the city
  double from_s = 0;
  double rate_per_hour = 0;
  Process process = Process::Steady;
  int airport = 0;  ///< airport index
};

struct RealCity {
  double captured_s = kNever;
  std::vector<std::int64_t> evacuees;  ///< per cohort index
  std::vector<RealDeparture> departures;
};

struct RealRoute {
  double travel_s = 0;
  double capacity_per_hour = std::numeric_limits<double>::infinity();
};

struct RealDeployment {
  std::int64_t troops = 0;
  double arrive_from_s = 0, arrive_over_s = 0, withdraw_from_s = kNever, withdraw_by_s = kNever;
};

struct RealIncident {
  double at_s = 0, duration_s = 0;
};

struct Realization {
  std::uint64_t seed = 0;
  int replication = 1;
  std::vector<RealCity> cities;
  std::vector<RealRoute> routes;
  std::vector<double> airport_movements_per_hour;
  std::vector<double> staging_onward_per_hour;
  std::vector<double> fleet_from_s, fleet_until_s;
  std::vector<RealDeployment> deployments;
  std::vector<RealIncident> incidents;
};

/// Index of an entity by id in a vector of entities; -1 when absent.
template <class T>
int index_of(const std::vector<T>& entities, const std::string& id) {
  for (std::size_t i = 0; i < entities.size(); ++i)
    if (entities[i].id == id) return static_cast<int>(i);
  return -1;
}

Realization realize(const Scenario& scenario, std::uint64_t seed, int replication);

}  // namespace sim::model
