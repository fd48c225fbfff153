// Deterministic random streams: one per random source, keyed by (seed, replication, source id), so two
// scenarios that differ in one place draw the same numbers everywhere else (common random numbers).
// The generator and every sampling routine are ours, so results do not depend on the standard library.
//
// Example:
//   Rng rng = Rng::stream(scenario.seed, replication, "gate/hkia/abbey/service");
//   double u = rng.uniform01();
#pragma once

#include <cstdint>
#include <string_view>

namespace sim::model {

/// xoshiro256** (Blackman & Vigna), seeded through SplitMix64.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  /// The stream of one random source in one replication.
  static Rng stream(std::uint64_t seed, std::uint64_t replication, std::string_view source_id);

  std::uint64_t next();
  /// Uniform on the open interval (0, 1): never exactly 0 or 1, so logs and inverse CDFs are finite.
  double uniform01();
  /// Standard normal deviate (Box-Muller; one value per call, no hidden cached state).
  double standard_normal();

 private:
  std::uint64_t s_[4];
};

/// FNV-1a 64-bit hash of a string (stable across platforms and runs).
std::uint64_t fnv1a64(std::string_view text);

}  // namespace sim::model
