// The people side upstream of the airports: cities emitting departures and roads (one stage per route
// and direction, FCFS entry at capacity_per_hour, then travel time). Nothing downstream acts on it:
// what the cities and roads do follows from the realization alone (capture times, incidents on
// routes), so it can be computed ahead of the actors, on another thread (see Network).
//
// It is advanced in steps on a fixed grid of times (StepGrid), never at the actors' wake-ups, so its
// results do not depend on who computes it or when: each step says what happened before its end
// (people reaching airports' gates, counts for the ledger) and what is still upstream at its end.
//
// Example:
//   Upstream up(scenario, model::realize(scenario, seed, 1));
//   UpstreamStep step;
//   up.advance_to(3600, step);      // the first hour: arrivals at airports, departures, strandings
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "sim/flow/people.hpp"
#include "sim/flow/schedule.hpp"
#include "sim/model/realization.hpp"
#include "sim/model/scenario.hpp"

namespace sim::flow {

/// What the cities and roads did before `until` since the step before.
struct UpstreamStep {
  double until = 0;
  /// Per airport: the people reaching its gates before `until` (and after the step before's end, but
  /// for someone sent round a cycle of roads), in the order the gates take them: by time, ties in the
  /// order they were sent. Ordered here, where the upstream may run on a thread of its own, rather than
  /// at the airport, where the actors wait.
  std::vector<std::vector<Person>> arrivals;
  /// What the ledger must learn: people who left their city, or were stranded in it or on a road.
  enum class What : std::uint8_t { Departed, StrandedInCity, StrandedOnRoad };
  struct Count {
    int city, cohort;
    std::int64_t n;
    What what;
  };
  std::vector<Count> counts;
  std::int64_t in_cities = 0;  ///< at `until`: not yet departed, not stranded
  std::int64_t on_roads = 0;   ///< at `until`: queued at or travelling on roads, or on the way to a gate

  /// Forgets the contents, keeping the memory (steps are reused).
  void clear() {
    for (auto& a : arrivals) a.clear();
    counts.clear();
  }
};

/// The times the upstream is advanced to: every report instant of the scenario (k * report_every, the
/// recorder's own formula, so an observation sees the upstream exactly at its time), each report
/// interval cut into equal parts of at most an hour (bounds what a step holds), and the end.
class StepGrid {
 public:
  StepGrid(double report_every_s, double end_s);
  /// The next time of the grid (strictly increasing; past the end it goes on by the same steps).
  double next();

 private:
  double report_every_s_, end_s_;
  long parts_;         ///< parts per report interval
  double part_s_;
  long given_ = 0;     ///< grid times given so far (the end aside)
  bool end_given_;
};

class Upstream {
 public:
  Upstream(const model::Scenario& scenario, const model::Realization& realization);

  /// Commits every departure, road entry, road exit and capture before `t` into `out` (cleared first).
  /// `t` grows from call to call (StepGrid's times).
  void advance_to(double t, UpstreamStep& out);

  /// Everyone still upstream (in cities, on roads) per cohort, added to `per_cohort[cohort]`.
  void tally(std::vector<std::int64_t>& per_cohort) const;

 private:
  struct Stream {
    int city, cohort, path;
    double next_t;     ///< next departure time
    double rate_per_s;
    bool poisson;
    model::Rng rng;
    bool done = false;
  };
  struct Road {
    int route;
    double travel_s;
    double headway_s;  ///< 0: unlimited
    double closed_for_good = model::kNever;
    CapacitySchedule schedule;
    double next_free = -model::kNever;
    RunQueue queue;
    int rank = 0;                      ///< position in road_order_
    double scheduled = model::kNever;  ///< time of this road's live entry in road_heap_ (kNever: none)
    bool in_due = false;               ///< waiting in due_roads_ to be processed in this advance
  };
  struct Path {
    std::vector<int> roads;  ///< road stage indices in order
    int airport;
  };
  struct Capture {
    double t;
    int city;
  };

  void build_paths(const model::Scenario& s, const model::Realization& r);
  void emit(Stream& st, double t_limit);
  /// `source`: who pushes (a stream, or streams_.size() + an upstream road), for RunQueue's lanes.
  void push_to_stage(const Run& run, int source);
  /// Someone reaches road `ri`'s queue at `t0`: has it processed in this advance if it is still to
  /// come (downstream of the road in progress) and t0 is due, else at the advance that passes t0.
  void mark_road(int ri, double t0);
  void count(int city, int cohort, std::int64_t n, UpstreamStep::What what);

  std::vector<double> capture_s_;
  std::vector<double> flow_after_capture_;
  std::vector<Capture> captures_;  ///< cities emptied at capture (flow_after_capture 0), by time
  std::size_t next_capture_ = 0;
  std::vector<std::vector<std::int64_t>> city_left_;  ///< per city, per cohort: not yet departed
  std::int64_t in_cities_ = 0;                        ///< sum of city_left_
  std::vector<Stream> streams_;
  std::vector<Road> roads_;
  std::vector<int> road_order_;  ///< roads in path order (upstream first)
  std::vector<Path> paths_;
  RunQueue doomed_;  ///< people who will reach a road after it closed for good, stranded at that time
  std::vector<RunQueue> arrivals_;  ///< per airport: people off their last road, on the way to its gates
  RunBuilder scratch_;  ///< reused by emit and the road loop (no allocation per call)
  UpstreamStep* out_ = nullptr;  ///< the step being filled by advance_to

  // advance_to touches only the streams and roads with something due before t, in the same order as a
  // sweep over all of them would, so its cost follows what happens, not how many cities and roads
  // there are.
  std::vector<std::pair<double, int>> stream_heap_;  ///< (next departure, stream) of live streams; min-heap
  std::vector<int> due_streams_;                     ///< scratch: streams due in this advance
  std::vector<std::pair<double, int>> road_heap_;    ///< (time, road); entries not matching Road::scheduled are stale
  std::vector<int> due_roads_;                       ///< ranks of roads to process in this advance; min-heap
  double round_t_ = 0;                               ///< the t of the advance in progress
  int current_rank_ = -1;                            ///< rank of the road in progress (-1: none yet)
  bool in_round_ = false;
};

}  // namespace sim::flow
