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

  double factor_at(double t) const { return windows_.empty() ? 1.0 : factor_in_windows(t); }
  /// The earliest time >= t at which the factor is > 0 and the factor then; {kNever, 0} if it never
  /// reopens. (Roads and runways need both at every movement: one pass instead of two.)
  struct Opening {
    double t, factor;
  };
  Opening open_at(double t) const { return windows_.empty() ? Opening{t, 1.0} : open_in_windows(t); }
  double next_open(double t) const { return open_at(t).t; }

 private:
  double factor_in_windows(double t) const;
  Opening open_in_windows(double t) const;

  struct Window {
    double from, to, factor;
  };
  std::vector<Window> windows_;
};

}  // namespace sim::flow
