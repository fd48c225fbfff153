#include "sim/flow/people.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace sim::flow {

int RunQueue::lane_for(const Run& run, int source) {
  if (source == last_source_) {
    const Lane& l = lanes_[static_cast<std::size_t>(last_lane_)];
    if (l.runs.empty() || run.t0 >= l.last_t) return last_lane_;
  }
  // The source's lane, if the run continues it in time order (or the lane is empty).
  for (const auto& [src, lane] : lane_of_source_) {
    if (src != source) continue;
    last_source_ = source;
    last_lane_ = lane;
    const Lane& l = lanes_[static_cast<std::size_t>(lane)];
    if (l.runs.empty() || run.t0 >= l.last_t) return lane;
    // Out of order for its source: a lane of its own.
    if (!spare_lanes_.empty()) {
      const int spare = spare_lanes_.back();
      spare_lanes_.pop_back();
      return spare;
    }
    lanes_.push_back(Lane{});
    return static_cast<int>(lanes_.size() - 1);
  }
  lanes_.push_back(Lane{.source = source});
  lane_of_source_.emplace_back(source, static_cast<int>(lanes_.size() - 1));
  return static_cast<int>(lanes_.size() - 1);
}

void RunQueue::push(const Run& run, int source) {
  if (run.n <= 0) return;
  const int lane = lane_for(run, source);
  Lane& l = lanes_[static_cast<std::size_t>(lane)];
  const std::uint64_t seq = seq_++;
  if (l.runs.empty()) {
    l.k = 0;
    heap_.push_back(Head{run.t0, seq, lane});
    std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
  }
  l.runs.push_back(Queued{run, seq});
  l.last_t = run.at(run.n - 1).t;
  count_ += run.n;
}

void RunQueue::sift_down(double next_t, std::uint64_t seq, int lane) {
  const Head h{next_t, seq, lane};
  const std::size_t n = heap_.size();
  std::size_t i = 0;
  for (;;) {
    std::size_t c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && heap_[c] > heap_[c + 1]) ++c;
    if (!(h > heap_[c])) break;
    heap_[i] = heap_[c];
    i = c;
  }
  heap_[i] = h;
}

void RunQueue::next_run(Lane& l) {
  Head& head = heap_.front();
  l.runs.pop_front();
  l.k = 0;
  if (l.runs.empty()) {
    if (l.source < 0) spare_lanes_.push_back(head.lane);
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
    heap_.pop_back();
  } else {
    const Queued& next = l.runs.front();
    sift_down(next.run.t0, next.seq, head.lane);
  }
}

void RunQueue::tally(std::vector<std::int64_t>& per_cohort) const {
  for (const Lane& l : lanes_) {
    std::int64_t popped = l.k;
    for (const Queued& q : l.runs) {
      per_cohort[static_cast<std::size_t>(q.run.cohort)] += q.run.n - popped;
      popped = 0;
    }
  }
}

}  // namespace sim::flow
