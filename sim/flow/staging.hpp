// A staging base's room: people present drain onward at onward_per_hour; arrivals are admitted while
// present + inbound (already promised to aircraft in the air) + the new load fit the holding capacity.
// A closure admits nobody; a reduction slows the onward flow.
#pragma once

#include <cstdint>

#include "sim/flow/schedule.hpp"

namespace sim::flow {

class StagingBase {
 public:
  StagingBase(std::int64_t capacity, double onward_per_hour, CapacitySchedule schedule)
      : capacity_(capacity), onward_per_s_(onward_per_hour / model::kSecondsPerHour), schedule_(std::move(schedule)) {}

  /// Brings the onward drain up to `t`.
  void update(double t);
  bool admits(std::int64_t load, double t);
  /// Earliest time after `t` worth retrying for `load` (assuming no other arrival is promised).
  double retry_time(std::int64_t load, double t);
  void promise(std::int64_t load) { inbound_ += load; }
  void arrive(std::int64_t load, double t) {
    update(t);
    inbound_ -= load;
    present_ += static_cast<double>(load);
  }
  double present(double t) {
    update(t);
    return present_;
  }
  std::int64_t capacity() const { return capacity_; }

 private:
  std::int64_t capacity_;
  double onward_per_s_;
  CapacitySchedule schedule_;
  double present_ = 0;
  std::int64_t inbound_ = 0;
  double last_t_ = 0;
};

}  // namespace sim::flow
