// An evacuation airport's people side: gate queues (FCFS, one person per open lane at a time), the
// holding area for processed people, and boarding. Service starts are computed lazily by process(T),
// which commits everything that happens before T given the lanes and room known at that time; every
// outside change (lanes, boarding, fall) is applied after process(now), so nothing is computed early.
//
// Example:
//   airport.process(now, ledger);            // bring queues up to `now`
//   airport.set_lanes_from_troops(4000, now);
//   auto aboard = airport.board(now, carries, 450);
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <queue>
#include <string>
#include <vector>

#include "sim/flow/fifo.hpp"
#include "sim/flow/ledger.hpp"
#include "sim/flow/people.hpp"
#include "sim/flow/stats.hpp"
#include "sim/model/random.hpp"
#include "sim/model/scenario.hpp"

namespace sim::flow {

/// Someone who has passed a gate (or is being served), waiting to board.
struct Held {
  double ready = 0;   ///< end of gate service
  double depart = 0;  ///< left their city
  int origin = 0;
  int cohort = 0;
};

/// Someone in a gate's queue: 24 bytes (a Person less its path), since queues can hold millions.
struct Waiting {
  double t = 0;       ///< joined the queue
  double depart = 0;  ///< left their city
  int origin = 0;
  int cohort = 0;
};

/// When each open lane of a gate is next free, soonest first. replace_top(v) is pop() then push(v) in
/// one sift (a lane taking its next person), half the work of the two.
class LaneTimes : public std::priority_queue<double, std::vector<double>, std::greater<>> {
 public:
  void replace_top(double v) {
    std::vector<double>& h = c;
    const std::size_t n = h.size();
    std::size_t i = 0;
    for (;;) {
      std::size_t k = 2 * i + 1;
      if (k >= n) break;
      if (k + 1 < n) k += static_cast<std::size_t>(h[k + 1] < h[k]);  // no jump: a coin toss to predict
      if (!(h[k] < v)) break;
      h[i] = h[k];
      i = k;
    }
    h[i] = v;
  }
};

/// People being served, earliest service end first; those whose service ends at the same instant in
/// the order they started it (first come, first ready). There is at most one per open lane, and a new
/// service mostly ends after those under way, so a short sorted array does less than a heap: the
/// earliest leaves from the front (a head index moves on), and an insertion shifts only those that
/// end later (perf put most of the former heap's cycles on its chain of dependent loads).
class InService {
 public:
  bool empty() const { return head_ == items_.size(); }
  std::int64_t size() const { return static_cast<std::int64_t>(items_.size() - head_); }
  const Held& earliest() const { return items_[head_]; }
  Held pop() { return items_[head_++]; }
  void push(const Held& h) {
    if (head_ == items_.size()) {
      clear();
    } else if (head_ >= 32 && 2 * head_ >= items_.size()) {  // mostly left: move the rest to the front
      items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
    items_.push_back(h);
    std::size_t i = items_.size() - 1;
    for (; i > head_ && items_[i - 1].ready > h.ready; --i) items_[i] = items_[i - 1];
    items_[i] = h;
  }
  template <class F>
  void for_each(F f) const {
    for (std::size_t i = head_; i < items_.size(); ++i) f(items_[i]);
  }
  void clear() {
    items_.clear();
    head_ = 0;
  }

 private:
  std::vector<Held> items_;  ///< [head_, end) by service end, ties in order of service start
  std::size_t head_ = 0;
};

struct GateStats {
  std::int64_t arrivals = 0, served = 0, queue_max = 0;
  Histogram wait_s;
  double busy_lane_s = 0, open_lane_s = 0;
};

class Airport {
 public:
  Airport(const model::Airport& spec, std::size_t cohorts, std::uint64_t seed, int replication);

  /// People on their way here, in time order (ties: in the order given); they join a gate queue at
  /// their arrival time. Someone due before people given earlier goes ahead of them. Takes the people
  /// out of `people` without copying them (it is left empty, holding memory of people handed over
  /// before: see BatchQueue).
  void arrive(std::vector<Person>& people);
  /// Commits every arrival, service start and service end before `t`.
  void process(double t, Ledger& ledger) {
    if (next_event_ >= t) {  // nothing due: only the time known moves on (cheap for idle airports)
      last_t_ = std::max(last_t_, t);
      return;
    }
    process_events(t, ledger);
  }

  /// Recomputes open lanes from troops present (surplus beyond troops_required fills gates in order).
  void set_troops(std::int64_t troops, double t);
  /// An incident scales a gate's open lanes (0 closes it) until reset with factor 1.
  void set_gate_factor(int gate, double factor, double t);
  /// The airport falls: everyone at its gates and in its holding area (and anyone arriving later) is stranded.
  void fall(double t, Ledger& ledger);
  bool fallen() const { return fallen_; }

  /// Ready people of the given cohorts (ordered by priority groups), counted / boarded up to `seats`.
  /// `carries` lists cohort indices sorted by priority; `priority_of[c]` gives each cohort's priority.
  std::int64_t ready_count(const std::vector<int>& carries) const;
  std::vector<Held> board(const std::vector<int>& carries, const std::vector<int>& priority_of, std::int64_t seats);

  // Observation (for the timeline and saturation measures).
  std::int64_t on_the_way() const { return static_cast<std::int64_t>(arriving_.size()); }
  std::int64_t queued() const;
  std::int64_t in_service() const { return in_service_.size(); }
  std::int64_t ready() const { return ready_count_; }
  std::int64_t holding_used() const { return in_service_.size() + ready_count_; }
  std::int64_t holding_capacity() const { return holding_capacity_; }
  /// Adds everyone here (on the way, queued, in service, ready) to `per_cohort[cohort]`.
  void tally(std::vector<std::int64_t>& per_cohort) const;
  std::int64_t troops() const { return troops_; }
  int troops_required() const { return troops_required_; }
  /// A gate is saturated when people queue and every open lane is busy; `by_troops` when troops, not
  /// its lane count, limit it.
  bool gates_saturated(double t) const;
  bool gates_short_of_troops(double t) const;
  /// Surplus-troop thresholds at which some gate's lane count changes (troops_required + offsets).
  std::vector<double> lane_thresholds() const;

  struct GateView {
    std::string id;
    const GateStats* stats;
  };
  std::vector<GateView> gates() const;
  /// Closes the books on open lane-time at `t` (end of run).
  void finish(double t);

 private:
  struct Gate {
    model::Gate spec;
    model::Rng rng;
    int troop_lanes = 0;       ///< lanes opened by troops (plus civilian lanes = nominal open)
    double factor = 1;         ///< incidents
    int open = 0;              ///< lanes open now
    LaneTimes free_at;         ///< when each open lane is next free
    std::deque<Waiting> queue;  ///< a deque, not a Fifo: it can hold millions and should not double in size
    std::int64_t queued = 0;    ///< queue.size(), kept: a deque computes its size, and join asks at every arrival
    double next_start = 0;      ///< earliest possible service start (process_events' bookkeeping)
    GateStats stats;
    double last_change = 0;
  };
  void process_events(double t, Ledger& ledger);
  void set_open(Gate& g, int open, double t);
  int nominal_open(const Gate& g) const;
  /// Puts an arrival in the shortest queue per open lane; returns the gate joined.
  Gate& join(const Person& p);
  void strand_everyone(Ledger& ledger);

  std::string id_;
  std::vector<Gate> gates_;
  std::int64_t holding_capacity_;
  int troops_required_;
  std::int64_t troops_ = 0;
  BatchQueue<Person> arriving_;  ///< by time (the upstream orders them: see UpstreamStep::arrivals)
  InService in_service_;
  std::vector<std::deque<Held>> ready_;  ///< per cohort, in order of service end
  std::int64_t ready_count_ = 0;
  bool fallen_ = false;
  double fell_at_ = model::kNever;
  double last_t_ = 0;
  /// A lower bound of the next arrival, service start or service end, valid until lanes, holding room
  /// or the airport's state change (then -inf: process() must look).
  double next_event_ = -std::numeric_limits<double>::infinity();
};

}  // namespace sim::flow
