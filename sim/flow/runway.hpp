// A runway as a slot allocator: each movement (landing or take-off) occupies 1/movements_per_hour of
// an hour, first come first served, shifted out of closures and slowed by reductions (incidents).
#pragma once

#include <algorithm>
#include <limits>

#include "sim/flow/schedule.hpp"

namespace sim::flow {

class Runway {
 public:
  Runway(double movements_per_hour, CapacitySchedule schedule)
      : headway_s_(movements_per_hour > 0 ? model::kSecondsPerHour / movements_per_hour : model::kNever),
        schedule_(std::move(schedule)) {}

  /// Reserves the first movement slot at or after `t`; kNever if the runway never opens again.
  double reserve(double t) {
    const auto [s, factor] = schedule_.open_at(std::max(t, next_free_));
    if (s == model::kNever || headway_s_ == model::kNever) return model::kNever;
    next_free_ = s + headway_s_ / factor;
    return s;
  }
  /// Seconds of runway time already promised beyond `t` (a backlog: the runway binds).
  double backlog_s(double t) const { return std::max(0.0, next_free_ - t); }
  double headway_s() const { return headway_s_; }

 private:
  double headway_s_;
  CapacitySchedule schedule_;
  double next_free_ = -std::numeric_limits<double>::infinity();
};

}  // namespace sim::flow
