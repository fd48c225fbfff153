// A capacity factor over time: 1 by default, lowered or set to 0 in windows (incidents), and 0 forever
// from a closing time (a capture). Roads, runways and staging bases consult it for any time, including
// future ones, since every window is known when a replication starts.
#pragma once

#include <vector>

#include "sim/model/time.hpp"

namespace sim::flow {

class CapacitySchedule {
 public:
  /// Multiply the factor by `factor` in [from, to).
  void add_window(double from_s, double to_s, double factor);
  /// Multiply the factor by `factor` from `from_s` on (factor 0: closed for good).
  void scale_from(double from_s, double factor) { add_window(from_s, model::kNever, factor); }

  double factor_at(double t) const;
  /// The earliest time >= t at which the factor is > 0; kNever if it never reopens.
  double next_open(double t) const;

 private:
  struct Window {
    double from, to, factor;
  };
  std::vector<Window> windows_;
};

}  // namespace sim::flow
