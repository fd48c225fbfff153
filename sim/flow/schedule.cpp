#include "sim/flow/schedule.hpp"

#include <algorithm>

namespace sim::flow {

void CapacitySchedule::add_window(double from_s, double to_s, double factor) {
  if (to_s <= from_s || factor == 1.0) return;
  windows_.push_back(Window{from_s, to_s, factor});
}

double CapacitySchedule::factor_in_windows(double t) const {
  double f = 1.0;
  for (const Window& w : windows_)
    if (t >= w.from && t < w.to) f *= w.factor;
  return f;
}

CapacitySchedule::Opening CapacitySchedule::open_in_windows(double t) const {
  // The factor only changes at window ends; walk forward through the ends of closed windows.
  for (int guard = 0; guard <= static_cast<int>(windows_.size()); ++guard) {
    if (const double f = factor_in_windows(t); f > 0) return {t, f};
    double next = model::kNever;
    for (const Window& w : windows_)
      if (t >= w.from && t < w.to && w.factor == 0) next = std::min(next, w.to);
    // A zero factor may also come from the product of reduced windows that are all > 0 (impossible):
    // so `next` is always a closed window's end here.
    if (next == model::kNever) return {model::kNever, 0};
    t = next;
  }
  const double f = factor_in_windows(t);
  return f > 0 ? Opening{t, f} : Opening{model::kNever, 0};
}

}  // namespace sim::flow
