#include "sim/engine/actors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sim::engine {
namespace {

double now() { return sg4::Engine::get_clock(); }

int airport_index(const model::Scenario& s, const std::string& id) { return model::index_of(s.airports, id); }

void set_route_link(World& w, const std::string& route, bool on) {
  auto it = w.platform.route_links.find(route);
  if (it == w.platform.route_links.end()) return;
  if (on && !it->second->is_on()) it->second->turn_on();
  if (!on && it->second->is_on()) it->second->turn_off();
}

}  // namespace

void Recorder::operator()() const {
  const double step = w.s.report_every_s;
  for (long k = 0;; ++k) {
    const double t = static_cast<double>(k) * step;
    if (t >= w.s.end_s) break;
    sg4::this_actor::sleep_until(t);
    w.observe(t, std::min(step, w.s.end_s - t));
    if (progress) progress(t / w.s.end_s);
    if (stop && stop()) {
      w.stopped = true;
      sg4::Actor::kill_all();  // the others: the engine then has nothing left to run
      return;
    }
  }
}

void CaptureTimeline::operator()() const {
  std::vector<std::size_t> order;
  // Only captures that close the city: the people side strands those left in it by itself
  // (sim::flow::Upstream), and a city with flow after capture keeps its host and roads.
  for (std::size_t c = 0; c < w.r.cities.size(); ++c)
    if (w.r.cities[c].captured_s < w.s.end_s && w.s.cities[c].flow_after_capture == 0) order.push_back(c);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return w.r.cities[a].captured_s < w.r.cities[b].captured_s; });
  for (std::size_t c : order) {
    const double t = std::max(0.0, w.r.cities[c].captured_s);
    sg4::this_actor::sleep_until(t);
    const auto& city = w.s.cities[c];
    // Mirror the capture on the platform: the city's host and the roads touching it go down.
    w.platform.city_hosts[c]->turn_off();
    for (const auto& rt : w.s.routes)
      if (rt.mode == model::RouteMode::Road && (rt.from == city.id || rt.to == city.id)) set_route_link(w, rt.id, false);
  }
}

void Garrison::operator()() const {
  const model::Airport& spec = w.s.airports[static_cast<std::size_t>(airport)];
  flow::Airport& ap = w.net.airport(airport);
  const flow::TroopSchedule& sched = w.troops[static_cast<std::size_t>(airport)];
  const int city = model::index_of(w.s.cities, spec.city);
  const double captured = city >= 0 ? std::max(0.0, w.r.cities[static_cast<std::size_t>(city)].captured_s) : model::kNever;

  std::vector<double> times = sched.change_times(ap.lane_thresholds(), 0.0, w.s.end_s);
  if (captured < w.s.end_s) times.push_back(captured);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());

  auto apply = [&](double t) {
    w.net.advance_to(t);
    const std::int64_t present = sched.at(t);
    ap.set_troops(present, t);
    if (!ap.fallen() && captured <= t && present < spec.troops_required) {
      ap.fall(t, w.net.ledger());
      w.platform.airport_hosts[static_cast<std::size_t>(airport)]->turn_off();
      w.parking[static_cast<std::size_t>(airport)]->release();  // wakes the aircraft waiting for a spot
    }
  };
  apply(0.0);
  for (double t : times) {
    if (t <= 0) continue;
    if (ap.fallen()) return;
    sg4::this_actor::sleep_until(t);
    apply(t);
  }
}

void IncidentActor::operator()() const {
  const model::Incident& inc = w.s.incidents[static_cast<std::size_t>(incident)];
  const model::RealIncident& real = w.r.incidents[static_cast<std::size_t>(incident)];
  const double start = std::max(0.0, real.at_s);
  if (start >= w.s.end_s) return;
  // Runway, road and staging-base windows are already in their capacity schedules (they must be
  // known ahead for queues computed into the future); gates change here, and the platform mirrors
  // road closures.
  int airport = -1, gate = -1;
  if (inc.target_kind == model::TargetKind::Gate) {
    const auto slash = inc.target.find('/');
    airport = airport_index(w.s, inc.target.substr(0, slash));
    if (airport >= 0)
      gate = model::index_of(w.s.airports[static_cast<std::size_t>(airport)].gates, inc.target.substr(slash + 1));
  }
  auto apply = [&](bool active) {
    w.net.advance_to(now());
    if (gate >= 0) w.net.airport(airport).set_gate_factor(gate, active ? inc.factor : 1.0, now());
    if (inc.target_kind == model::TargetKind::Route && inc.effect == model::Effect::Close) set_route_link(w, inc.target, !active);
  };
  sg4::this_actor::sleep_until(start);
  apply(true);
  const double stop = start + real.duration_s;
  if (stop >= w.s.end_s) return;
  sg4::this_actor::sleep_until(stop);
  apply(false);
}

int Aircraft::choose_airport() const {
  const model::Fleet& f = w.s.fleets[static_cast<std::size_t>(fleet)];
  const std::vector<int>& carries = w.carries[static_cast<std::size_t>(fleet)];
  int target = -1;
  std::int64_t best = -1;
  for (const auto& id : f.serves) {  // first listed wins ties
    const int a = model::index_of(w.s.airports, id);
    if (a < 0 || w.net.airport(a).fallen()) continue;
    const std::int64_t waiting = w.net.airport(a).ready_count(carries);
    if (waiting > best) {
      best = waiting;
      target = a;
    }
  }
  return target;
}

bool Aircraft::wait_for_parking(int airport, double until) const {
  // One wait, woken by a released spot (waiters are served first come, first served), by the end of
  // the aircraft's availability (the timeout), or by the airport's fall: the garrison then releases a
  // spot, and each waiter that wakes to a fallen airport passes it on to the next.
  const auto a = static_cast<std::size_t>(airport);
  const double left = until - now();
  if (left <= 0) return false;
  ++w.traffic[a].waiting_for_parking;
  bool got_spot = !w.parking[a]->acquire_timeout(left);
  ++w.wakeups;
  --w.traffic[a].waiting_for_parking;
  if (got_spot && w.net.airport(airport).fallen()) {
    w.parking[a]->release();
    got_spot = false;
  }
  return got_spot;
}

std::pair<std::vector<flow::Held>, int> Aircraft::board_when_room(int airport, int seats,
                                                                  const std::vector<int>& homes) const {
  const std::vector<int>& carries = w.carries[static_cast<std::size_t>(fleet)];
  for (;;) {
    w.net.advance_to(now());
    flow::Airport& ap = w.net.airport(airport);
    if (ap.fallen()) return {{}, -1};
    const std::int64_t load = std::min<std::int64_t>(seats, ap.ready_count(carries));
    double retry = model::kNever;
    for (int h : homes) {
      if (h < 0) continue;
      flow::StagingBase& base = w.bases[static_cast<std::size_t>(h)];
      if (base.admits(load, now())) {
        auto pax = ap.board(carries, w.priority_of, load);
        base.promise(static_cast<std::int64_t>(pax.size()));
        return {std::move(pax), h};
      }
      retry = std::min(retry, base.retry_time(load, now()));
    }
    // Held on the ground, keeping the parking spot, as at Kabul when Al Udeid was full.
    ++w.traffic[static_cast<std::size_t>(airport)].held_for_staging;
    sg4::this_actor::sleep_until(std::min(retry, w.s.end_s + 1));
    --w.traffic[static_cast<std::size_t>(airport)].held_for_staging;
  }
}

void Aircraft::operator()() const {
  const model::Fleet& f = w.s.fleets[static_cast<std::size_t>(fleet)];
  const model::AircraftType& type =
      w.s.aircraft_types[static_cast<std::size_t>(model::index_of(w.s.aircraft_types, f.type))];
  model::Rng rng = model::Rng::stream(w.s.seed, static_cast<std::uint64_t>(w.r.replication),
                                      "fleet/" + f.id + "/" + std::to_string(index));
  const double until = std::min(w.r.fleet_until_s[static_cast<std::size_t>(fleet)], w.s.end_s);
  std::vector<int> homes{model::index_of(w.s.staging_bases, f.base)};
  for (const auto& alt : f.alternates) homes.push_back(model::index_of(w.s.staging_bases, alt));
  int at_base = homes.front();

  sg4::this_actor::sleep_until(std::max(0.0, w.r.fleet_from_s[static_cast<std::size_t>(fleet)]));
  while (now() < until) {
    w.net.advance_to(now());
    const int target = choose_airport();
    if (target < 0) return;  // every airport it serves has fallen
    const auto ta = static_cast<std::size_t>(target);
    const std::string& airport_id = w.s.airports[ta].id;
    const std::string& base_id = w.s.staging_bases[static_cast<std::size_t>(at_base)].id;
    if (!wait_for_parking(target, until)) continue;  // a sortie starts only when a spot will be free

    const double out_s = w.flight_time_s(base_id, airport_id, type.cruise_kmh);
    if (f.abort_probability > 0 && rng.uniform01() < f.abort_probability) {
      w.parking[ta]->release();  // turned back half-way: the spot goes to someone else
      sg4::this_actor::sleep_for(out_s);
      continue;
    }
    sg4::this_actor::sleep_for(out_s);
    const double land = w.net.airport(target).fallen() ? model::kNever : w.runways[ta].reserve(now());
    if (land == model::kNever) {
      w.parking[ta]->release();
      sg4::this_actor::sleep_for(out_s);
      continue;
    }
    sg4::this_actor::sleep_until(land);
    ++w.traffic[ta].on_ground;
    sg4::this_actor::sleep_for(type.ground_time_s.sample(rng, true));

    auto [pax, dest] = board_when_room(target, type.seats, homes);
    if (dest < 0) dest = at_base;
    const auto n = static_cast<std::int64_t>(pax.size());
    w.aboard += n;
    for (const auto& p : pax) ++w.aboard_by_cohort[static_cast<std::size_t>(p.cohort)];
    const double takeoff = w.runways[ta].reserve(now());
    sg4::this_actor::sleep_until(std::min(takeoff, w.s.end_s + 1));
    // Evacuated at take-off.
    const double off = now();
    w.net.advance_to(off);
    w.aboard -= n;
    for (const auto& p : pax) {
      --w.aboard_by_cohort[static_cast<std::size_t>(p.cohort)];
      w.net.ledger().evacuate(p.origin, p.cohort, p.depart, off);
    }
    const std::string& dest_id = w.s.staging_bases[static_cast<std::size_t>(dest)].id;
    ++w.flights;
    w.seats_flown += type.seats;
    w.last_takeoff_s = off;
    w.flight_rows.push_back(output::FlightRow{w.flights, f.id, f.nation, type.id, airport_id, dest_id, off, n, type.seats});
    --w.traffic[ta].on_ground;
    w.parking[ta]->release();

    sg4::this_actor::sleep_for(w.flight_time_s(airport_id, dest_id, type.cruise_kmh));
    w.bases[static_cast<std::size_t>(dest)].arrive(n, now());
    at_base = dest;
    sg4::this_actor::sleep_for(f.turnaround_s.sample(rng, true));
  }
}

}  // namespace sim::engine
