#include "sim/engine/world.hpp"

#include <algorithm>
#include <cmath>

namespace sim::engine {
namespace {

flow::CapacitySchedule schedule_for(const model::Scenario& s, const model::Realization& r, model::TargetKind kind,
                                    const std::string& target) {
  flow::CapacitySchedule sched;
  for (std::size_t i = 0; i < s.incidents.size(); ++i) {
    const auto& inc = s.incidents[i];
    if (inc.target_kind != kind || inc.target != target) continue;
    sched.add_window(r.incidents[i].at_s, r.incidents[i].at_s + r.incidents[i].duration_s, inc.factor);
  }
  return sched;
}

}  // namespace

Flows::Flows(const model::Scenario& scenario, int replication, bool upstream_ahead)
    : r(model::realize(scenario, scenario.seed, replication)), net(scenario, r, upstream_ahead) {}

World::World(const model::Scenario& scenario, const Platform& plat, std::unique_ptr<Flows> made)
    : s(scenario),
      platform(plat),
      flows(std::move(made)),
      r(flows->r),
      net(flows->net) {
  for (std::size_t a = 0; a < s.airports.size(); ++a) {
    runways.emplace_back(r.airport_movements_per_hour[a],
                         schedule_for(s, r, model::TargetKind::Airport, s.airports[a].id));
    std::vector<model::RealDeployment> here;
    for (std::size_t d = 0; d < s.deployments.size(); ++d)
      if (s.deployments[d].airport == s.airports[a].id) here.push_back(r.deployments[d]);
    troops.emplace_back(std::move(here));
    parking.push_back(sg4::Semaphore::create(static_cast<unsigned>(std::max(0, s.airports[a].parking))));
  }
  traffic.resize(s.airports.size());
  for (std::size_t b = 0; b < s.staging_bases.size(); ++b)
    bases.emplace_back(s.staging_bases[b].holding_capacity, r.staging_onward_per_hour[b],
                       schedule_for(s, r, model::TargetKind::StagingBase, s.staging_bases[b].id));
  for (const auto& c : s.cohorts) priority_of.push_back(c.priority);
  aboard_by_cohort.assign(s.cohorts.size(), 0);
  for (const auto& f : s.fleets) {
    std::vector<int> cs;
    for (const auto& id : f.carries) {
      const int k = model::index_of(s.cohorts, id);
      if (k >= 0) cs.push_back(k);
    }
    std::stable_sort(cs.begin(), cs.end(), [&](int a, int b) {
      return priority_of[static_cast<std::size_t>(a)] < priority_of[static_cast<std::size_t>(b)];
    });
    carries.push_back(std::move(cs));
  }
  for (std::size_t i = 0; i < s.routes.size(); ++i) {
    const auto& rt = s.routes[i];
    if (rt.mode != model::RouteMode::Air) continue;
    air_route_s.emplace(std::make_pair(rt.from, rt.to), r.routes[i].travel_s);
    air_route_s.emplace(std::make_pair(rt.to, rt.from), r.routes[i].travel_s);
  }
  for (const auto& a : s.airports) positions.emplace(a.id, &a.position);
  for (const auto& b : s.staging_bases) positions.emplace(b.id, &b.position);
  for (const auto& c : s.cities) positions.emplace(c.id, &c.position);
  saturated_s.assign(output::kConstraints.size(), std::vector<double>(s.airports.size(), 0.0));
  any_saturated_s.assign(output::kConstraints.size(), 0.0);
}

double World::flight_time_s(const std::string& from, const std::string& to, double cruise_kmh) const {
  if (auto it = air_route_s.find({from, to}); it != air_route_s.end()) return it->second;
  const auto a = positions.find(from);
  const auto b = positions.find(to);
  if (a == positions.end() || b == positions.end() || cruise_kmh <= 0) return 0;
  return model::distance_km(*a->second, *b->second) / cruise_kmh * model::kSecondsPerHour;
}

void World::observe(double t, double weight_s) {
  net.advance_to(t);
  output::TimelineRow row;
  row.t_s = t;
  const auto& ledger = net.ledger();
  row.evacuated = ledger.evacuated();
  row.stranded = ledger.stranded();
  row.in_cities = net.in_cities();
  row.on_road = net.on_road();
  row.in_holding = aboard;
  for (std::size_t a = 0; a < s.airports.size(); ++a) {
    const flow::Airport& ap = net.airport(static_cast<int>(a));
    row.at_gates += ap.queued() + ap.in_service();
    row.in_holding += ap.ready();
    row.troops += ap.troops();
    row.airports_open += ap.fallen() ? 0 : 1;
  }
  for (auto& b : bases) row.at_staging += b.present(t);
  row.flights = flights;
  for (const auto& c : r.cities) row.cities_captured += c.captured_s <= t ? 1 : 0;
  timeline.push_back(row);

  if (weight_s <= 0) return;
  // What bound during the interval that starts now (sampled at the report resolution).
  std::vector<bool> any(output::kConstraints.size(), false);
  for (std::size_t a = 0; a < s.airports.size(); ++a) {
    const flow::Airport& ap = net.airport(static_cast<int>(a));
    if (ap.fallen()) continue;
    const AirportTraffic& tr = traffic[a];
    const bool short_of_troops = ap.gates_short_of_troops(t);
    const bool bound[] = {
        ap.gates_saturated(t) && !short_of_troops,                             // gate_lanes
        short_of_troops,                                                       // troops
        ap.holding_used() >= ap.holding_capacity(),                            // holding
        runways[a].backlog_s(t) > runways[a].headway_s(),                      // runway
        tr.waiting_for_parking > 0,                                            // parking
        ap.ready() > 0 && tr.on_ground == 0 && tr.waiting_for_parking == 0 &&  // aircraft
            parking[a]->get_capacity() > 0,
        tr.held_for_staging > 0,                                               // staging
    };
    for (std::size_t c = 0; c < output::kConstraints.size(); ++c)
      if (bound[c]) {
        saturated_s[c][a] += weight_s;
        any[c] = true;
      }
  }
  for (std::size_t c = 0; c < any.size(); ++c)
    if (any[c]) any_saturated_s[c] += weight_s;
}

}  // namespace sim::engine
