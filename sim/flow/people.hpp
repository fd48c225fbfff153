// People as counts in time-ordered runs, not one object each. A Run is an arithmetic sequence of people
// of one cohort and origin following one path: person k is at the current place at time t0 + k*dt and
// left their city at d0 + k*dd. Steady streams stay one run end to end; random ones are runs of one.
#pragma once

#include <cstdint>
#include <vector>

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
  void push(const Person& p);
  bool empty() const { return runs_.empty(); }
  std::vector<Run>& runs() { return runs_; }

 private:
  std::vector<Run> runs_;
};

/// People waiting to be processed by a stage, popped in time order (ties: first pushed first).
class RunQueue {
 public:
  void push(const Run& run);
  bool empty() const { return heap_.empty(); }
  /// Time of the next person; only when !empty().
  double next_time() const { return heap_.front().next_t; }
  Person pop();
  /// People still queued (for the timeline's on_road count).
  std::int64_t count() const { return count_; }
  /// Adds the people still queued to `per_cohort[cohort]`.
  void tally(std::vector<std::int64_t>& per_cohort) const {
    for (const Entry& e : heap_) per_cohort[static_cast<std::size_t>(e.run.cohort)] += e.run.n - e.k;
  }

 private:
  struct Entry {
    double next_t;
    std::uint64_t seq;
    std::int64_t k;
    Run run;
    bool operator>(const Entry& o) const { return next_t != o.next_t ? next_t > o.next_t : seq > o.seq; }
  };
  std::vector<Entry> heap_;  ///< a min-heap (std::push_heap with greater), iterable for tallies
  std::uint64_t seq_ = 0;
  std::int64_t count_ = 0;
};

}  // namespace sim::flow
