// What one replication produced, as plain records (one struct per result file). The engine fills
// them; the writers turn them into the CSV files of the product contract. No SimGrid here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::output {

/// Constraints that can bind an evacuation, in the order they are reported.
inline const std::vector<std::string> kConstraints{"gate_lanes", "troops", "holding", "runway",
                                                   "parking", "aircraft", "staging"};

struct Summary {
  std::int64_t evacuees = 0, evacuated = 0, stranded = 0, remaining = 0;
  std::int64_t stranded_in_cities = 0, stranded_on_roads = 0, stranded_at_airports = 0;
  std::int64_t remaining_in_cities = 0, remaining_on_roads = 0, remaining_at_airports = 0;
  std::int64_t flights = 0, seats_flown = 0;
  std::optional<double> last_takeoff_h;
  std::int64_t peak_day_evacuated = 0;
  std::optional<double> gate_wait_mean_h, gate_wait_p90_h;
  std::vector<double> saturated_h;  ///< per kConstraints entry
};

struct TimelineRow {
  double t_s = 0;
  std::int64_t evacuated = 0, stranded = 0, in_cities = 0, on_road = 0, at_gates = 0, in_holding = 0;
  double at_staging = 0;
  std::int64_t troops = 0, flights = 0, cities_captured = 0, airports_open = 0;
};

struct FlightRow {
  std::int64_t flight = 0;
  std::string fleet, nation, aircraft_type, from, to;
  double takeoff_s = 0;
  std::int64_t passengers = 0, seats = 0;
};

struct CityRow {
  std::string city;
  double captured_s = 0;  ///< kNever if never
  std::int64_t evacuees = 0, departed = 0, stranded = 0, evacuated = 0, stranded_elsewhere = 0;
};

struct CohortRow {
  std::string cohort, nation;
  std::int64_t evacuees = 0, evacuated = 0, stranded = 0, remaining = 0;
  std::optional<double> time_to_evacuate_mean_h, time_to_evacuate_p90_h;
};

struct GateRow {
  std::string airport, gate;
  std::int64_t arrivals = 0, served = 0, queue_max = 0;
  std::optional<double> wait_mean_h, wait_p50_h, wait_p90_h, wait_max_h, utilization;
};

struct ConstraintRow {
  std::string constraint, place;
  double saturated_h = 0;
};

/// What the engine did to produce a replication (for benchmarks; written to no result file).
struct EngineStats {
  std::int64_t actors = 0;         ///< SimGrid actors created
  std::int64_t actor_wakeups = 0;  ///< an actor resumed: after a sleep, or after waiting for a parking spot
};

struct ReplicationResult {
  int replication = 1;
  std::uint64_t seed = 0;
  Summary summary;
  std::vector<TimelineRow> timeline;
  std::vector<FlightRow> flights;
  std::vector<CityRow> cities;
  std::vector<CohortRow> cohorts;
  std::vector<GateRow> gates;
  std::vector<ConstraintRow> constraints;
  EngineStats engine;
};

}  // namespace sim::output
