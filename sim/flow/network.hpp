// The people side of one replication: cities emitting departures, roads (one stage per route and
// direction, FCFS entry at capacity_per_hour, then travel time), airports (gates, holding). It has no
// clock of its own: the engine calls advance_to(now) before every change and every observation, and
// the network commits everything that happens before `now`, stage by stage in path order.
//
// Example:
//   Network net(scenario, model::realize(scenario, seed, 1));
//   net.advance_to(3600);                 // everyone's first hour
//   net.airport(0).set_troops(3000, 3600);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/flow/airport.hpp"
#include "sim/flow/ledger.hpp"
#include "sim/flow/people.hpp"
#include "sim/flow/schedule.hpp"
#include "sim/model/realization.hpp"
#include "sim/model/scenario.hpp"

namespace sim::flow {

class Network {
 public:
  Network(const model::Scenario& scenario, const model::Realization& realization);

  /// Commits every departure, road entry, arrival and gate service start before `t`.
  void advance_to(double t);
  double now() const { return now_; }

  /// A city falls now (call after advance_to(capture time)): with no flow after capture, everyone still there
  /// is stranded (departures already stop at the capture time).
  void capture_city(int city);

  Airport& airport(int i) { return *airports_[static_cast<std::size_t>(i)]; }
  const Airport& airport(int i) const { return *airports_[static_cast<std::size_t>(i)]; }
  std::size_t airport_count() const { return airports_.size(); }
  Ledger& ledger() { return ledger_; }
  const Ledger& ledger() const { return ledger_; }

  /// People who have not left their city (not yet departed, not stranded there).
  std::int64_t in_cities() const;
  /// People between their city and an airport's gate queues (on roads, at road entries).
  std::int64_t on_road() const;
  std::int64_t departed(int city) const;
  /// Everyone still in the system, per cohort, counted where they are (cities, roads, airports):
  /// an independent check of the ledger (conservation of people).
  std::vector<std::int64_t> in_system_by_cohort() const;

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

  void build_paths(const model::Scenario& s, const model::Realization& r);
  void emit(Stream& st, double t_limit);
  /// `source`: who pushes (a stream, or streams_.size() + an upstream road), for RunQueue's lanes.
  void push_to_stage(const Run& run, int source);
  /// Someone reaches road `ri`'s queue at `t0`: has it processed in this advance if it is still to
  /// come (downstream of the road in progress) and t0 is due, else at the advance that passes t0.
  void mark_road(int ri, double t0);

  const model::Scenario& scenario_;
  std::vector<double> capture_s_;
  std::vector<double> flow_after_capture_;
  std::vector<std::vector<std::int64_t>> city_left_;  ///< per city, per cohort: not yet departed
  std::vector<Stream> streams_;
  std::vector<Road> roads_;
  std::vector<int> road_order_;  ///< roads in path order (upstream first)
  std::vector<Path> paths_;
  RunQueue doomed_;  ///< people who will reach a road after it closed for good, stranded at that time
  std::vector<std::unique_ptr<Airport>> airports_;
  RunBuilder scratch_;  ///< reused by emit and the road loop (no allocation per call)

  // advance_to touches only the streams, roads and airports with something due before t, in the same
  // order as a sweep over all of them would, so its cost follows what happens, not how many cities,
  // roads and airports there are (actors call it at every wake-up).
  std::vector<std::pair<double, int>> stream_heap_;  ///< (next departure, stream) of live streams; min-heap
  std::vector<int> due_streams_;                     ///< scratch: streams due in this advance
  std::vector<std::pair<double, int>> road_heap_;    ///< (time, road); entries not matching Road::scheduled are stale
  std::vector<int> due_roads_;                       ///< ranks of roads to process in this advance; min-heap
  double round_t_ = 0;                               ///< the t of the advance in progress
  int current_rank_ = -1;                            ///< rank of the road in progress (-1: none yet)
  bool in_round_ = false;
  Ledger ledger_;
  double now_ = 0;
};

}  // namespace sim::flow
