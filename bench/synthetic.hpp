// Synthetic scenarios scaled by a few counts, for benchmarks and scaling studies (make_scenario writes
// them to a file; the micro-benchmarks load them in-process). Cities sit on a grid around their airport
// and send everyone over one road; each airport has two gates staffed by a deployment; fleets cycle
// from a few staging bases. Capacities scale with the load so that people flow: the engine's work
// grows with what happens, which is what is measured.
//
// Example:
//   bench::SyntheticParams p{.cities = 34, .people = 150000, .aircraft = 40};
//   std::string yaml = bench::synthetic_scenario(p);
#pragma once

#include <cstdint>
#include <string>

namespace bench {

struct SyntheticParams {
  int cities = 34, airports = 1, aircraft = 20, hours = 120, bases = 3;
  std::int64_t people = 150000;
  bool poisson = false;  ///< Poisson departures (people as runs of one) instead of steady streams
  int parking = 12;      ///< aircraft on the ground at once, per airport
  int movements_per_hour = 20;
};

/// The scenario as YAML (schema 1).
std::string synthetic_scenario(const SyntheticParams& p);

}  // namespace bench
