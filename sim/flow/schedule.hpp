// A capacity factor over time: 1 by default, lowered or set to 0 in windows (incidents), and 0 forever
// from a closing time (a capture). Roads, runways and staging bases consult it for any time, including
// future ones, since every window is known when a replication starts.
//
// The windows are cut into segments of constant factor when added, so a lookup is a comparison or two
// for times that move forward (each road, runway and base asks at its people's and aircraft's times, in
// time order). A schedule keeps where it last looked: one schedule, one thread.
#pragma once

#include <cstddef>
#include <vector>

#include "sim/model/time.hpp"

namespace sim::flow {

class CapacitySchedule {
 public:
  /// Multiply the factor by `factor` in [from, to).
  void add_window(double from_s, double to_s, double factor);
  /// Multiply the factor by `factor` from `from_s` on (factor 0: closed for good).
  void scale_from(double from_s, double factor) { add_window(from_s, model::kNever, factor); }
  double factor_at(double t) const { return t >= here_from_ && t < here_to_ ? here_factor_ : factor_elsewhere(t); }
  /// The earliest time >= t at which the factor is > 0 and the factor then; {kNever, 0} if it never
  /// reopens. (Roads and runways need both at every movement: one pass instead of two.)
  struct Opening {
    double t, factor;
  };
  Opening open_at(double t) const {
    if (t >= here_from_ && t < here_to_ && here_factor_ > 0) return {t, here_factor_};
    return open_elsewhere(t);
  }
  double next_open(double t) const { return open_at(t).t; }

 private:
  struct Window {
    double from, to, factor;
  };
  /// [from, next segment's from): the product of the factors of the windows holding `from`, which
  /// hold every time of the segment (windows begin and end only where segments do).
  struct Segment {
    double from, factor;
  };
  void cut_segments();
  /// Finds t's segment and makes it the one looked at (here_*); returns its index.
  std::size_t look_at(double t) const;
  double factor_elsewhere(double t) const;
  Opening open_elsewhere(double t) const;

  std::vector<Window> windows_;
  std::vector<Segment> segments_;  ///< by time, the first from -infinity; empty without windows
  // The segment looked at last, [here_from_, here_to_): without windows, all finite times at factor 1.
  mutable std::size_t here_ = 0;
  mutable double here_from_ = -model::kNever, here_to_ = model::kNever, here_factor_ = 1.0;
};

}  // namespace sim::flow
