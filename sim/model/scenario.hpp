// The resolved scenario: plain value types the engine runs and the writers describe. Everything here is
// already checked and in model units (times: seconds since `start`, possibly kNever; durations: seconds;
// rates: per hour, as their names say). Nothing downstream of the loader sees a string to parse.
//
// Entities refer to each other by id (strings), exactly as in the scenario file; the loader guarantees
// every reference resolves. Quantities that may vary are `Dist`s: those marked "per replication" are
// drawn once per replication, those marked "per use" at every use (each person, each sortie).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/distribution.hpp"
#include "sim/model/time.hpp"

namespace sim::model {

struct Position {
  double lat = 0;  ///< degrees, [-90, 90]
  double lon = 0;  ///< degrees, [-180, 180]
  bool operator==(const Position&) const = default;
};

/// Great-circle distance in kilometres (haversine, mean Earth radius 6371 km).
double distance_km(const Position& a, const Position& b);

struct Nation {
  std::string id, name;
  bool operator==(const Nation&) const = default;
};

struct Cohort {
  std::string id, name;
  std::string nation;
  int priority = 1;                      ///< 1 boards first
  std::vector<std::string> eligible_on;  ///< nation ids whose aircraft may carry them (resolved: never empty)
  bool operator==(const Cohort&) const = default;
};

enum class Process { Steady, Poisson };

struct Departure {
  std::string cohort;      ///< empty: every cohort of the city, in proportion to who is still there
  Dist from_s;             ///< time, per replication
  Dist rate_per_hour;      ///< people per hour, per replication
  Process process = Process::Steady;
  std::string to;          ///< airport id
  bool operator==(const Departure&) const = default;
};

struct City {
  std::string id, name;
  Position position;
  Dist captured_at_s = Dist::fixed(kNever);  ///< time, per replication
  std::map<std::string, Dist> evacuees;      ///< cohort id -> people (per replication, rounded)
  std::vector<Departure> departures;
  /// Extension: fraction of departure rates and road capacities that still flows after capture
  /// (checkpoints). 0 (default) is SPEC rule 2: everyone still there is stranded, its roads close.
  double flow_after_capture = 0;
  bool operator==(const City&) const = default;
};

struct Gate {
  std::string id, name;
  int lanes = 1;
  int troops_per_lane = 0;  ///< 0: lanes need no troops beyond civilian_lanes (then lanes == civilian_lanes)
  int civilian_lanes = 0;
  Dist service_time_s = Dist::fixed(60);  ///< per person
  bool operator==(const Gate&) const = default;
};

struct Airport {
  std::string id, name;
  std::string city;  ///< the city it falls with, unless held by troops
  Position position;
  Dist movements_per_hour = Dist::fixed(10);  ///< runway: landings plus take-offs, per replication
  int parking = 1;                            ///< aircraft on the ground at once
  std::int64_t holding_capacity = 1000;       ///< processed evacuees waiting inside
  int troops_required = 0;                    ///< to hold it once its city has fallen
  std::vector<Gate> gates;
  bool operator==(const Airport&) const = default;
};

struct StagingBase {
  std::string id, name;
  Position position;
  std::int64_t holding_capacity = 10000;
  Dist onward_per_hour = Dist::fixed(1000);  ///< per replication
  bool operator==(const StagingBase&) const = default;
};

enum class RouteMode { Road, Air };

struct Route {
  std::string id, name;
  std::string from, to;  ///< place ids (city, airport or staging base); usable both ways
  RouteMode mode = RouteMode::Road;
  Dist travel_time_s;                        ///< per replication
  std::optional<Dist> capacity_per_hour;     ///< people entering per hour; nullopt: unlimited
  bool operator==(const Route&) const = default;
};

struct AircraftType {
  std::string id, name;
  int seats = 100;
  Dist ground_time_s = Dist::fixed(3600);  ///< per sortie
  double cruise_kmh = 750;
  bool operator==(const AircraftType&) const = default;
};

struct Fleet {
  std::string id, name;
  std::string nation;
  std::string type;                 ///< aircraft type id
  int aircraft = 1;
  std::string base;                 ///< staging base id the aircraft cycle from
  std::vector<std::string> alternates;  ///< extension: staging bases to divert to when `base` is full
  std::vector<std::string> serves;  ///< airport ids (never empty)
  Dist available_from_s = Dist::fixed(0);       ///< time, per replication
  Dist available_until_s = Dist::fixed(kNever); ///< time, per replication
  Dist turnaround_s = Dist::fixed(3600);        ///< per sortie
  std::vector<std::string> carries;  ///< cohort ids (resolved: never empty unless nobody is eligible)
  double abort_probability = 0;      ///< per sortie
  bool operator==(const Fleet&) const = default;
};

struct Deployment {
  std::string id, name;
  std::string nation;
  std::string airport;
  Dist troops = Dist::fixed(0);                 ///< per replication, rounded
  Dist arrive_from_s = Dist::fixed(0);          ///< time
  Dist arrive_over_s = Dist::fixed(0);          ///< duration
  Dist withdraw_from_s = Dist::fixed(kNever);   ///< time
  Dist withdraw_by_s = Dist::fixed(kNever);     ///< time (>= withdraw_from)
  bool operator==(const Deployment&) const = default;
};

enum class TargetKind { Airport, Gate, Route, StagingBase };
enum class Effect { Close, Reduce };

struct Incident {
  std::string id, name;
  Dist at_s;                       ///< time, per replication
  std::string target;              ///< as written: `hkia`, `hkia/abbey`, a route or staging base id
  TargetKind target_kind = TargetKind::Airport;
  Effect effect = Effect::Close;
  double factor = 0;               ///< reduce: capacity multiplier in [0, 1]; close: 0
  Dist duration_s = Dist::fixed(kNever);  ///< per replication
  bool operator==(const Incident&) const = default;
};

struct Scenario {
  int schema = 1;
  std::string name, description;
  Clock clock;                 ///< time zero is `start`
  double end_s = 0;            ///< seconds since start
  std::uint64_t seed = 1;
  int replications = 1;
  double report_every_s = 3600;

  std::vector<Nation> nations;
  std::vector<Cohort> cohorts;
  std::vector<City> cities;
  std::vector<Airport> airports;
  std::vector<StagingBase> staging_bases;
  std::vector<Route> routes;
  std::vector<AircraftType> aircraft_types;
  std::vector<Fleet> fleets;
  std::vector<Deployment> deployments;
  std::vector<Incident> incidents;

  bool operator==(const Scenario&) const = default;
};

}  // namespace sim::model
