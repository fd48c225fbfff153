#include "sim/flow/schedule.hpp"

#include <algorithm>
#include <limits>

namespace sim::flow {

void CapacitySchedule::add_window(double from_s, double to_s, double factor) {
  if (to_s <= from_s || factor == 1.0) return;
  windows_.push_back(Window{from_s, to_s, factor});
  cut_segments();
}

void CapacitySchedule::cut_segments() {
  std::vector<double> cuts{-std::numeric_limits<double>::infinity()};
  for (const Window& w : windows_) {
    cuts.push_back(w.from);
    cuts.push_back(w.to);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  segments_.clear();
  for (double from : cuts) {
    // The factors multiplied in the order the windows were added, as at any time of the segment.
    double f = 1.0;
    for (const Window& w : windows_)
      if (from >= w.from && from < w.to) f *= w.factor;
    segments_.push_back(Segment{from, f});
  }
  here_ = 0;
  look_at(-model::kNever);
}

std::size_t CapacitySchedule::look_at(double t) const {
  std::size_t i = here_;
  if (t < segments_[i].from) {
    // Back in time (rare): search from the start.
    i = static_cast<std::size_t>(std::upper_bound(segments_.begin(), segments_.end(), t,
                                                  [](double v, const Segment& s) { return v < s.from; }) -
                                 segments_.begin()) - 1;
  } else {
    while (i + 1 < segments_.size() && segments_[i + 1].from <= t) ++i;
  }
  here_ = i;
  here_from_ = segments_[i].from;
  here_to_ = i + 1 < segments_.size() ? segments_[i + 1].from : model::kNever;
  here_factor_ = segments_[i].factor;
  return i;
}

double CapacitySchedule::factor_elsewhere(double t) const {
  if (segments_.empty()) return 1.0;  // t is kNever (or not a number)
  return segments_[look_at(t)].factor;
}

CapacitySchedule::Opening CapacitySchedule::open_elsewhere(double t) const {
  if (segments_.empty()) return {t, 1.0};
  // The factor changes only where segments begin: the first segment from t on with a factor > 0.
  std::size_t i = look_at(t);
  if (segments_[i].factor > 0) return {t, segments_[i].factor};
  // (A segment from kNever holds only kNever: nothing reopens before never.)
  for (++i; i < segments_.size() && segments_[i].from < model::kNever; ++i)
    if (segments_[i].factor > 0) return {segments_[i].from, segments_[i].factor};
  return {model::kNever, 0};
}

}  // namespace sim::flow
