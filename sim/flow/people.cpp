#include "sim/flow/people.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace sim::flow {
namespace {
bool close_enough(double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b)); }
}  // namespace

void RunBuilder::push(const Person& p) {
  if (!runs_.empty()) {
    Run& r = runs_.back();
    if (r.cohort == p.cohort && r.origin == p.origin && r.path == p.path && r.hop == p.hop) {
      if (r.n == 1 && p.t >= r.t0) {
        r.dt = p.t - r.t0;
        r.dd = p.depart - r.d0;
        r.n = 2;
        return;
      }
      const auto n = static_cast<double>(r.n);
      if (close_enough(r.t0 + n * r.dt, p.t) && close_enough(r.d0 + n * r.dd, p.depart)) {
        ++r.n;
        return;
      }
    }
  }
  runs_.push_back(Run{p.t, 0, p.depart, 0, 1, p.cohort, p.origin, p.path, p.hop});
}

void RunQueue::push(const Run& run) {
  if (run.n <= 0) return;
  heap_.push_back(Entry{run.t0, seq_++, 0, run});
  std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
  count_ += run.n;
}

Person RunQueue::pop() {
  std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
  Entry e = heap_.back();
  heap_.pop_back();
  Person p = e.run.at(e.k);
  ++e.k;
  --count_;
  if (e.k < e.run.n) {
    e.next_t = e.run.t0 + static_cast<double>(e.k) * e.run.dt;
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
  }
  return p;
}

}  // namespace sim::flow
