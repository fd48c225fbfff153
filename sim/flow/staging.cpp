#include "sim/flow/staging.hpp"

#include <algorithm>
#include <cmath>

namespace sim::flow {

void StagingBase::update(double t) {
  if (t <= last_t_) return;
  // Closures stop admissions, not the onward flow; reductions slow the onward flow.
  const double f = std::max(schedule_.factor_at(last_t_), 0.0);
  const double rate = (schedule_.factor_at(last_t_) == 0 ? 1.0 : f) * onward_per_s_;
  present_ = std::max(0.0, present_ - rate * (t - last_t_));
  last_t_ = t;
}

bool StagingBase::admits(std::int64_t load, double t) {
  update(t);
  if (schedule_.factor_at(t) == 0) return false;
  return present_ + static_cast<double>(inbound_ + load) <= static_cast<double>(capacity_) + 1e-9;
}

double StagingBase::retry_time(std::int64_t load, double t) {
  update(t);
  if (schedule_.factor_at(t) == 0) return schedule_.next_open(t);
  const double excess = present_ + static_cast<double>(inbound_ + load) - static_cast<double>(capacity_);
  if (excess <= 0) return t;
  if (onward_per_s_ <= 0) return model::kNever;
  // Retry when the drain alone would make room, but at least a minute later (other loads may interfere).
  return t + std::max(60.0, excess / (onward_per_s_ * std::max(schedule_.factor_at(t), 1e-9)));
}

}  // namespace sim::flow
