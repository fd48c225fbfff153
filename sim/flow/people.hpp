// People as counts in time-ordered runs, not one object each. A Run is an arithmetic sequence of people
// of one cohort and origin following one path: person k is at the current place at time t0 + k*dt and
// left their city at d0 + k*dd. Steady streams stay one run end to end; random ones are runs of one.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/flow/fifo.hpp"

namespace sim::flow {

/// One person in transit: where they are in time, when they left home, who they are, which path.
struct Person {
  double t = 0;        ///< seconds: arrival at the current stage
  double depart = 0;   ///< seconds: when they left their city
  int cohort = 0;
  int origin = 0;      ///< city index
  int path = 0;        ///< path index (see Network)
  int hop = 0;         ///< index of the current stage on the path
};

struct Run {
  double t0 = 0, dt = 0;
  double d0 = 0, dd = 0;
  std::int64_t n = 0;
  int cohort = 0, origin = 0, path = 0, hop = 0;

  Person at(std::int64_t k) const {
    const auto kd = static_cast<double>(k);
    return Person{t0 + kd * dt, d0 + kd * dd, cohort, origin, path, hop};
  }
};

/// Merges consecutive people into runs where their times continue an arithmetic sequence.
class RunBuilder {
 public:
  /// Inline: callers build `p` field by field just before, and a call would read those fields back
  /// from memory in wider loads than they were written with (a store-forwarding stall per person).
  void push(const Person& p) {
    if (!runs_.empty() && extends(runs_.back(), p)) return;
    runs_.push_back(Run{p.t, 0, p.depart, 0, 1, p.cohort, p.origin, p.path, p.hop});
  }
  bool empty() const { return runs_.empty(); }
  std::vector<Run>& runs() { return runs_; }
  /// Forgets the runs, keeping the memory (a builder is reused across calls).
  void clear() { runs_.clear(); }

 private:
  /// Extends r by p if p continues it (same cohort, origin, path and hop; times continuing r's
  /// arithmetic sequence within a relative 1e-6; a run of one takes any later second person).
  static bool extends(Run& r, const Person& p) {
    if (r.cohort != p.cohort || r.origin != p.origin || r.path != p.path || r.hop != p.hop) return false;
    if (r.n == 1 && p.t >= r.t0) {
      r.dt = p.t - r.t0;
      r.dd = p.depart - r.d0;
      r.n = 2;
      return true;
    }
    const auto n = static_cast<double>(r.n);
    if (close_enough(r.t0 + n * r.dt, p.t) && close_enough(r.d0 + n * r.dd, p.depart)) {
      ++r.n;
      return true;
    }
    return false;
  }
  static bool close_enough(double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b)); }

  std::vector<Run> runs_;
};

/// People waiting to be processed by a stage, popped in time order (ties: first pushed first).
///
/// Each pushing source (a departure stream, an upstream road) pushes its runs in time order, so the
/// queue keeps one FIFO lane of runs per source and a heap over the lanes' heads only: a pop costs
/// O(log lanes), not O(log runs), which matters when thousands of people wait at a road's entry. A run
/// pushed out of time order for its source gets a lane of its own, so any push order pops correctly.
/// The pop order is exactly that of a single heap of runs keyed by (time, push order).
class RunQueue {
 public:
  /// `source`: who pushes (any small non-negative id, stable for the queue's life).
  void push(const Run& run, int source = 0);
  bool empty() const { return heap_.empty(); }
  /// Time of the next person; only when !empty().
  double next_time() const { return heap_.front().next_t; }
  Person pop() {
    Head& head = heap_.front();
    Lane& l = lanes_[static_cast<std::size_t>(head.lane)];
    const Run& run = l.runs.front().run;
    const Person p = run.at(l.k);
    --count_;
    if (++l.k < run.n) {  // the run goes on: its next person is the lane's new head
      const double next_t = run.t0 + static_cast<double>(l.k) * run.dt;
      if (heap_.size() > 1)
        sift_down(next_t, head.seq, head.lane);
      else
        head.next_t = next_t;
    } else {
      next_run(l);
    }
    return p;
  }
  /// People still queued (for the timeline's on_road count).
  std::int64_t count() const { return count_; }
  /// Adds the people still queued to `per_cohort[cohort]`.
  void tally(std::vector<std::int64_t>& per_cohort) const;

 private:
  struct Queued {
    Run run;
    std::uint64_t seq;  ///< push order: breaks ties between equal times
  };
  struct Lane {
    Fifo<Queued> runs;
    std::int64_t k = 0;  ///< people of runs.front() already popped
    double last_t = 0;   ///< time of the last person of the last run pushed
    int source = -1;     ///< -1: a lane of its own for one out-of-order run (reused once empty)
  };
  struct Head {
    double next_t;
    std::uint64_t seq;
    int lane;
    bool operator>(const Head& o) const { return next_t != o.next_t ? next_t > o.next_t : seq > o.seq; }
  };
  int lane_for(const Run& run, int source);
  /// Places the root's new value from the root down. (Taking it in registers rather than writing the
  /// root first spares a store-to-load forwarding stall: perf showed half of sift_down's cycles on
  /// reading back the root just written.)
  void sift_down(double next_t, std::uint64_t seq, int lane);
  /// pop() emptied the front run of `l`, the lane at the heap's front: the lane's next run heads it, or
  /// it leaves the heap.
  void next_run(Lane& l);

  std::vector<Lane> lanes_;
  std::vector<std::pair<int, int>> lane_of_source_;  ///< (source, lane); few sources per queue
  std::vector<int> spare_lanes_;                     ///< emptied lanes of out-of-order runs
  int last_source_ = -1, last_lane_ = -1;            ///< the last source's own lane: sources push in bursts
  std::vector<Head> heap_;                           ///< min-heap of non-empty lanes' heads
  std::uint64_t seq_ = 0;
  std::int64_t count_ = 0;
};

}  // namespace sim::flow
