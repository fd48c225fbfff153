// Troops present at an airport over time: each deployment arrives evenly over `arrive_over` from
// `arrive_from` and leaves evenly from `withdraw_from` to `withdraw_by`. Counts are whole troops
// (rounded down). change_times() lists the moments a count crosses any of the given thresholds, so
// the engine wakes only when gate lanes or the airport's hold can change.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/model/realization.hpp"

namespace sim::flow {

class TroopSchedule {
 public:
  explicit TroopSchedule(std::vector<model::RealDeployment> deployments) : deployments_(std::move(deployments)) {}

  std::int64_t at(double t) const;
  /// Sorted, distinct times in (from, to] at which at(t) crosses one of `thresholds` (either way).
  std::vector<double> change_times(const std::vector<double>& thresholds, double from, double to) const;

 private:
  double exact(double t) const;
  std::vector<model::RealDeployment> deployments_;
};

}  // namespace sim::flow
