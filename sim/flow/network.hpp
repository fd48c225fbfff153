// The people side of one replication: the cities and roads (Upstream), then the airports (gates,
// holding). It has no clock of its own: the engine calls advance_to(now) before every change and every
// observation, and the network commits everything that happens before `now`.
//
// The upstream is taken in steps of a fixed grid (StepGrid: the report instants, at most an hour
// apart), and nothing downstream acts on it. So with `ahead`, a second thread computes those steps
// ahead of the actors while they run the airports and aircraft, and the results are the same bytes
// as without (tested): the thread only changes which core does the work.
//
// Example:
//   Network net(scenario, model::realize(scenario, seed, 1));
//   net.advance_to(3600);                 // everyone's first hour
//   net.airport(0).set_troops(3000, 3600);
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "sim/flow/airport.hpp"
#include "sim/flow/ledger.hpp"
#include "sim/flow/upstream.hpp"
#include "sim/model/realization.hpp"
#include "sim/model/scenario.hpp"

namespace sim::flow {

class Network {
 public:
  /// `ahead`: the cities and roads are computed on a second thread, ahead of the callers (worth it
  /// when a core is idle; the same results either way).
  Network(const model::Scenario& scenario, const model::Realization& realization, bool ahead = false);
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  /// Commits every departure, road entry, arrival and gate service start before `t`.
  void advance_to(double t);

  Airport& airport(int i) { return *airports_[static_cast<std::size_t>(i)]; }
  const Airport& airport(int i) const { return *airports_[static_cast<std::size_t>(i)]; }
  std::size_t airport_count() const { return airports_.size(); }
  Ledger& ledger() { return ledger_; }
  const Ledger& ledger() const { return ledger_; }

  /// People who have not left their city (not yet departed, not stranded there), as of the upstream's
  /// last step (exact at the report instants, which are steps).
  std::int64_t in_cities() const { return in_cities_; }
  /// People between their city and an airport's gate queues (on roads, at road entries), likewise.
  std::int64_t on_road() const;
  /// Everyone still in the system, per cohort, counted where they are (cities, roads, airports): an
  /// independent check of the ledger (conservation of people). With `ahead`, only once advanced to the
  /// scenario's end (before, the thread's upstream is further on than the airports).
  std::vector<std::int64_t> in_system_by_cohort() const;

 private:
  class Ahead;
  /// Takes the upstream's next step (from the thread, or computed here) into the airports and ledger.
  void take_step();
  /// (The step's arrivals are handed to the airports, not copied: it comes back with them empty.)
  void apply(UpstreamStep& step);

  std::vector<std::unique_ptr<Airport>> airports_;
  Ledger ledger_;
  Upstream upstream_;
  StepGrid grid_;
  UpstreamStep step_;             ///< the step computed here when there is no thread
  std::unique_ptr<Ahead> ahead_;  ///< the thread computing steps ahead (null: none, or it has stopped)
  double end_s_;
  double upstream_until_ = 0;     ///< end of the last step taken
  std::int64_t in_cities_ = 0, on_roads_ = 0;
  double now_ = 0;
};

}  // namespace sim::flow
