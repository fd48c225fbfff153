// The replication's actors: small callables, each constructed with what it needs and run by SimGrid.
#pragma once

#include <functional>

#include "sim/engine/world.hpp"

namespace sim::engine {

/// Samples the state every `report_every` (the timeline and the saturation measures).
struct Recorder {
  World& w;
  std::function<void(double)> progress;  ///< simulated fraction done, at every report; may be empty
  std::function<bool()> stop;            ///< asked at every report: true ends every actor; may be empty
  void operator()() const;
};

/// Captures cities at their (drawn) times: strands who is left, turns the city and its roads off.
struct CaptureTimeline {
  World& w;
  void operator()() const;
};

/// One airport's troops over time: opens and closes gate lanes, and makes the airport fall when
/// troops drop below the requirement after its city has fallen.
struct Garrison {
  World& w;
  int airport;
  void operator()() const;
};

/// One incident: closes or throttles its target for its duration.
struct IncidentActor {
  World& w;
  int incident;
  void operator()() const;
};

/// One aircraft of a fleet cycling between staging bases and the airports it serves.
struct Aircraft {
  World& w;
  int fleet;
  int index;
  void operator()() const;

 private:
  /// The open served airport with the most people this fleet may carry waiting (-1: all have fallen).
  int choose_airport() const;
  /// Waits at the base for a parking spot at `airport`; false if it fell or the window closed.
  bool wait_for_parking(int airport, double until) const;
  /// After the ground time: boards who is ready once a staging base (`homes`, in order) has room,
  /// waiting on the ground meanwhile. Returns the people aboard and the base they fly to (-1: none,
  /// the airport fell).
  std::pair<std::vector<flow::Held>, int> board_when_room(int airport, int seats, const std::vector<int>& homes) const;
};

}  // namespace sim::engine
