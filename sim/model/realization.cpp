#include "sim/model/realization.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace sim::model {
namespace {

// One draw from the stream of `source` (each source id gets a fresh stream, so adding a source
// elsewhere in the scenario never shifts this one's numbers).
double draw(const Dist& d, std::uint64_t seed, int replication, const std::string& source, bool non_negative) {
  if (d.is_fixed()) return non_negative ? std::max(0.0, d.value) : d.value;
  Rng rng = Rng::stream(seed, static_cast<std::uint64_t>(replication), source);
  return d.sample(rng, non_negative);
}

std::int64_t draw_count(const Dist& d, std::uint64_t seed, int replication, const std::string& source) {
  return static_cast<std::int64_t>(std::llround(draw(d, seed, replication, source, true)));
}

}  // namespace

Realization realize(const Scenario& s, std::uint64_t seed, int replication) {
  Realization r;
  r.seed = seed;
  r.replication = replication;

  for (const City& c : s.cities) {
    RealCity rc;
    const std::string key = "city/" + c.id;
    rc.captured_s = draw(c.captured_at_s, seed, replication, key + "/captured_at", false);
    rc.evacuees.assign(s.cohorts.size(), 0);
    for (const auto& [cohort, dist] : c.evacuees) {
      const int k = index_of(s.cohorts, cohort);
      if (k >= 0) rc.evacuees[static_cast<std::size_t>(k)] = draw_count(dist, seed, replication, key + "/evacuees/" + cohort);
    }
    for (std::size_t i = 0; i < c.departures.size(); ++i) {
      const Departure& d = c.departures[i];
      const std::string dkey = key + "/departures/" + std::to_string(i);
      rc.departures.push_back(RealDeparture{
          .cohort = d.cohort.empty() ? -1 : index_of(s.cohorts, d.cohort),
          .from_s = draw(d.from_s, seed, replication, dkey + "/from", false),
          .rate_per_hour = draw(d.rate_per_hour, seed, replication, dkey + "/rate", true),
          .process = d.process,
          .airport = index_of(s.airports, d.to),
      });
    }
    r.cities.push_back(std::move(rc));
  }
  for (const Route& rt : s.routes) {
    RealRoute rr;
    rr.travel_s = draw(rt.travel_time_s, seed, replication, "route/" + rt.id + "/travel_time", true);
    if (rt.capacity_per_hour)
      rr.capacity_per_hour = draw(*rt.capacity_per_hour, seed, replication, "route/" + rt.id + "/capacity", true);
    r.routes.push_back(rr);
  }
  for (const Airport& a : s.airports)
    r.airport_movements_per_hour.push_back(draw(a.movements_per_hour, seed, replication, "airport/" + a.id + "/movements", true));
  for (const StagingBase& b : s.staging_bases)
    r.staging_onward_per_hour.push_back(draw(b.onward_per_hour, seed, replication, "staging/" + b.id + "/onward", true));
  for (const Fleet& f : s.fleets) {
    r.fleet_from_s.push_back(draw(f.available_from_s, seed, replication, "fleet/" + f.id + "/available_from", false));
    r.fleet_until_s.push_back(draw(f.available_until_s, seed, replication, "fleet/" + f.id + "/available_until", false));
  }
  for (const Deployment& d : s.deployments) {
    const std::string key = "deployment/" + d.id;
    RealDeployment rd;
    rd.troops = draw_count(d.troops, seed, replication, key + "/troops");
    rd.arrive_from_s = draw(d.arrive_from_s, seed, replication, key + "/arrive_from", false);
    rd.arrive_over_s = draw(d.arrive_over_s, seed, replication, key + "/arrive_over", true);
    rd.withdraw_from_s = draw(d.withdraw_from_s, seed, replication, key + "/withdraw_from", false);
    rd.withdraw_by_s = std::max(rd.withdraw_from_s, draw(d.withdraw_by_s, seed, replication, key + "/withdraw_by", false));
    r.deployments.push_back(rd);
  }
  for (const Incident& inc : s.incidents) {
    r.incidents.push_back(RealIncident{
        .at_s = draw(inc.at_s, seed, replication, "incident/" + inc.id + "/at", false),
        .duration_s = draw(inc.duration_s, seed, replication, "incident/" + inc.id + "/duration", true),
    });
  }
  return r;
}

}  // namespace sim::model
