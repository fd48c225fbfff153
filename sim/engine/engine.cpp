#include "sim/engine/engine.hpp"

#include <simgrid/s4u.hpp>
#include <simgrid/version.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <set>
#include <stdexcept>

#include "sim/engine/actors.hpp"
#include "sim/engine/world.hpp"
#include "sim/output/pipes.hpp"

namespace sim::engine {
namespace {

// Places as hosts, routes as links (latency: the drawn travel time, set by each replication), all in
// one full zone.
Platform build_platform(const model::Scenario& s) {
  Platform p;
  auto* zone = sg4::create_full_zone("theatre");
  p.hq = zone->create_host("hq", 1e9);
  for (const auto& c : s.cities) p.city_hosts.push_back(zone->create_host("city/" + c.id, 1e9));
  for (const auto& a : s.airports) p.airport_hosts.push_back(zone->create_host("airport/" + a.id, 1e9));
  for (const auto& b : s.staging_bases) p.base_hosts.push_back(zone->create_host("base/" + b.id, 1e9));
  auto host_of = [&](const std::string& id) -> sg4::Host* {
    if (int i = model::index_of(s.cities, id); i >= 0) return p.city_hosts[static_cast<std::size_t>(i)];
    if (int i = model::index_of(s.airports, id); i >= 0) return p.airport_hosts[static_cast<std::size_t>(i)];
    if (int i = model::index_of(s.staging_bases, id); i >= 0) return p.base_hosts[static_cast<std::size_t>(i)];
    return nullptr;
  };
  std::set<std::pair<std::string, std::string>> linked;
  for (const auto& rt : s.routes) {
    sg4::Host* a = host_of(rt.from);
    sg4::Host* b = host_of(rt.to);
    if (!a || !b || a == b) continue;
    auto* link = zone->create_link("route/" + rt.id, 1e9)->seal();
    p.route_links.emplace(rt.id, link);
    // A full zone holds one route per pair of places: the first listed carries the platform route.
    auto key = std::minmax(rt.from, rt.to);
    if (linked.insert({key.first, key.second}).second)
      zone->add_route(a->get_netpoint(), b->get_netpoint(), nullptr, nullptr, {sg4::LinkInRoute(link)}, true);
  }
  zone->seal();
  return p;
}

std::optional<double> hours_if(bool ok, double seconds) {
  return ok ? std::optional<double>(model::hours(seconds)) : std::nullopt;
}

output::ReplicationResult collect(World& w) {
  const auto& s = w.s;
  const auto& ledger = w.net.ledger();
  output::ReplicationResult res;
  res.replication = w.r.replication;
  res.seed = s.seed;
  res.timeline = std::move(w.timeline);
  res.flights = std::move(w.flight_rows);

  // Conservation of people, per cohort, counting everyone where they are.
  std::vector<std::int64_t> here = w.net.in_system_by_cohort();
  for (std::size_t k = 0; k < here.size(); ++k) here[k] += w.aboard_by_cohort[k];
  for (std::size_t k = 0; k < s.cohorts.size(); ++k) {
    const auto& c = ledger.cohorts()[k];
    if (c.evacuees != c.evacuated + c.stranded() + here[k])
      throw std::logic_error("conservation of people violated for cohort '" + s.cohorts[k].id + "': " +
                             std::to_string(c.evacuees) + " evacuees != " + std::to_string(c.evacuated) +
                             " evacuated + " + std::to_string(c.stranded()) + " stranded + " +
                             std::to_string(here[k]) + " still in the system");
    output::CohortRow row{.cohort = s.cohorts[k].id,
                          .nation = s.cohorts[k].nation,
                          .evacuees = c.evacuees,
                          .evacuated = c.evacuated,
                          .stranded = c.stranded(),
                          .remaining = here[k]};
    if (c.evacuated > 0) {
      row.time_to_evacuate_mean_h = model::hours(c.time_to_evacuate_s.mean());
      row.time_to_evacuate_p90_h = model::hours(c.time_to_evacuate_s.quantile(0.9));
    }
    res.cohorts.push_back(row);
  }
  for (std::size_t i = 0; i < s.cities.size(); ++i) {
    const auto& c = ledger.cities()[i];
    const double captured = w.r.cities[i].captured_s;
    res.cities.push_back(output::CityRow{.city = s.cities[i].id,
                                         .captured_s = captured < s.end_s ? std::max(0.0, captured) : model::kNever,
                                         .evacuees = c.evacuees,
                                         .departed = c.departed,
                                         .stranded = c.stranded_in_city,
                                         .evacuated = c.evacuated,
                                         .stranded_elsewhere = c.stranded_elsewhere});
  }
  flow::Histogram all_waits;
  std::int64_t at_airports = w.aboard;
  for (std::size_t a = 0; a < s.airports.size(); ++a) {
    flow::Airport& ap = w.net.airport(static_cast<int>(a));
    ap.finish(s.end_s);
    at_airports += ap.queued() + ap.in_service() + ap.ready();
    for (const auto& g : ap.gates()) {
      const auto& st = *g.stats;
      const bool any = st.served > 0;
      res.gates.push_back(output::GateRow{
          .airport = s.airports[a].id,
          .gate = g.id,
          .arrivals = st.arrivals,
          .served = st.served,
          .queue_max = st.queue_max,
          .wait_mean_h = hours_if(any, st.wait_s.mean()),
          .wait_p50_h = hours_if(any, st.wait_s.quantile(0.5)),
          .wait_p90_h = hours_if(any, st.wait_s.quantile(0.9)),
          .wait_max_h = hours_if(any, st.wait_s.max()),
          .utilization = st.open_lane_s > 0 ? std::optional<double>(std::min(1.0, st.busy_lane_s / st.open_lane_s))
                                            : std::nullopt});
      all_waits.merge(st.wait_s);
    }
    for (std::size_t c = 0; c < output::kConstraints.size(); ++c)
      res.constraints.push_back(
          output::ConstraintRow{output::kConstraints[c], s.airports[a].id, model::hours(w.saturated_s[c][a])});
  }

  output::Summary& sum = res.summary;
  for (const auto& c : ledger.cohorts()) {
    sum.evacuees += c.evacuees;
    sum.stranded_in_cities += c.stranded_city;
    sum.stranded_on_roads += c.stranded_road;
    sum.stranded_at_airports += c.stranded_airport;
  }
  sum.evacuated = ledger.evacuated();
  sum.stranded = ledger.stranded();
  sum.remaining_in_cities = w.net.in_cities();
  sum.remaining_on_roads = w.net.on_road();
  sum.remaining_at_airports = at_airports;
  sum.remaining = sum.remaining_in_cities + sum.remaining_on_roads + sum.remaining_at_airports;
  sum.flights = w.flights;
  sum.seats_flown = w.seats_flown;
  if (w.last_takeoff_s >= 0) sum.last_takeoff_h = model::hours(w.last_takeoff_s);
  for (auto n : ledger.evacuated_per_day()) sum.peak_day_evacuated = std::max(sum.peak_day_evacuated, n);
  if (all_waits.count() > 0) {
    sum.gate_wait_mean_h = model::hours(all_waits.mean());
    sum.gate_wait_p90_h = model::hours(all_waits.quantile(0.9));
  }
  for (double v : w.any_saturated_s) sum.saturated_h.push_back(model::hours(v));
  return res;
}

// SimGrid's engine with evacsim's settings and the user's logging settings.
sg4::Engine* make_engine(const std::vector<std::string>& log) {
  // SimGrid is silent unless asked (--log passes settings through, later ones win).
  std::vector<std::string> args{"evacsim", "--log=root.thresh:critical"};
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer cannot follow SimGrid's hand-written stack switches: use system threads.
  args.emplace_back("--cfg=contexts/factory:thread");
#else
  // Actor stacks of 256 KiB instead of SimGrid's 8 MiB default, with its guard page still below each
  // (an overflow crashes, it never corrupts): less memory to map for ~130 actors. The actors run no
  // recursion; every shipped and test scenario runs byte-identically with 4 KiB stacks, so this
  // leaves 64 times that (docs/performance.md).
  args.emplace_back("--cfg=contexts/stack-size:256");
#endif
  for (const auto& l : log) args.push_back("--log=" + l);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int argc = static_cast<int>(args.size());
  return new sg4::Engine(&argc, argv.data());
}

}  // namespace

std::string simgrid_version() {
  return std::to_string(SIMGRID_VERSION_MAJOR) + "." + std::to_string(SIMGRID_VERSION_MINOR) +
         (SIMGRID_VERSION_PATCH > 0 ? "." + std::to_string(SIMGRID_VERSION_PATCH) : std::string());
}

std::string check_log_settings(const std::vector<std::string>& settings) {
  if (settings.empty()) return {};
  int fds[2];
  if (pipe(fds) != 0) return "cannot check the settings (no pipe)";
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return "cannot check the settings (no process)";
  }
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], STDERR_FILENO);
    try {
      make_engine(settings);
    } catch (const std::exception& e) {
      std::cerr << e.what() << std::endl;
      _exit(1);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string said;
  output::read_all(fds[0], said);  // on a read error, what was said before it
  close(fds[0]);
  const int status = output::wait_for_exit(pid);
  if (status < 0) return "cannot check the settings (lost the process)";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  // SimGrid's first line says what is wrong, after a "[time] file:line: [category/CRITICAL] " prefix.
  std::string line = said.substr(0, said.find('\n'));
  if (const auto tag = line.find("/CRITICAL] "); tag != std::string::npos) line = line.substr(tag + 11);
  return line.empty() ? "SimGrid rejects them" : line;
}

struct Simulation::Impl {
  const model::Scenario& scenario;
  EngineOptions options;
  sg4::Engine* engine = nullptr;
  Platform platform;
  std::int64_t actors = 0;
  std::unique_ptr<Flows> flows;  ///< made first when the replication is known from the start
  std::unique_ptr<World> world;  ///< made by run, once the replication is known

  /// Creates an actor running `Behaviour{world, args...}` once the simulation starts (the world exists
  /// by then; it does not when the actor is created). An actor whose behaviour is over stays suspended
  /// instead of ending: SimGrid ends an actor by unwinding its stack with an exception and then frees
  /// the stack (an `mprotect` and a `munmap` each), ~5% of a worker for its 133 actors, while the
  /// process ends with the replication anyway (docs/performance.md).
  template <class Behaviour, class... Args>
  void spawn(const std::string& name, sg4::Host* host, Args... args) {
    sg4::Actor::create(name, host, [this, args...] {
      Behaviour{*world, args...}();
      for (;;) sg4::this_actor::suspend();
    });
  }
};

bool Simulation::survives_fork() {
#if defined(__SANITIZE_ADDRESS__)
  return false;
#else
  return true;
#endif
}

Simulation::Simulation(const model::Scenario& scenario, EngineOptions options, std::optional<int> replication)
    : impl_(new Impl{.scenario = scenario, .options = std::move(options)}) {
  static bool made = false;
  if (made) throw std::logic_error("SimGrid allows one engine per process: one Simulation per process");
  made = true;
  Impl& im = *impl_;
  // First, so that the upstream's thread (if any) works while SimGrid is set up: with one replication
  // its first steps are the critical path, and the actors would otherwise wait for them.
  if (replication) im.flows = std::make_unique<Flows>(scenario, *replication, im.options.upstream_ahead);
  // Never destroyed: each process that runs it ends after its replication.
  im.engine = make_engine(im.options.log);
  im.platform = build_platform(scenario);
  // Simulated events, counted as actor wake-ups (the unit of SimGrid's bare sleep_for rate): sleeps
  // here, waits for a parking spot in the aircraft actor.
  sg4::Actor::on_wake_up_cb([&im](const sg4::Actor&) { ++im.world->wakeups; });
  const Platform& p = im.platform;
  im.spawn<Recorder>("recorder", p.hq, im.options.progress, im.options.stop);
  im.spawn<CaptureTimeline>("captures", p.hq);
  for (std::size_t a = 0; a < scenario.airports.size(); ++a)
    im.spawn<Garrison>("garrison/" + scenario.airports[a].id, p.hq, static_cast<int>(a));
  for (std::size_t i = 0; i < scenario.incidents.size(); ++i)
    im.spawn<IncidentActor>("incident/" + scenario.incidents[i].id, p.hq, static_cast<int>(i));
  for (std::size_t f = 0; f < scenario.fleets.size(); ++f) {
    const int base = model::index_of(scenario.staging_bases, scenario.fleets[f].base);
    sg4::Host* host = base >= 0 ? p.base_hosts[static_cast<std::size_t>(base)] : p.hq;
    for (int k = 0; k < scenario.fleets[f].aircraft; ++k)
      im.spawn<Aircraft>("aircraft/" + scenario.fleets[f].id + "/" + std::to_string(k), host, static_cast<int>(f), k);
  }
  im.actors = static_cast<std::int64_t>(im.engine->get_actor_count());
}

// The engine is never destroyed (SimGrid's engine outlives its actors; the process ends instead), and
// neither is the world the actors still refer to.
Simulation::~Simulation() { (void)impl_->world.release(); }

output::ReplicationResult Simulation::run(int replication) {
  Impl& im = *impl_;
  if (im.world) throw std::logic_error("Simulation::run: at most once per process");
  const model::Scenario& scenario = im.scenario;
  if (im.flows && im.flows->r.replication != replication)
    throw std::logic_error("Simulation::run: made for replication " + std::to_string(im.flows->r.replication) +
                           ", asked for " + std::to_string(replication));
  if (!im.flows) im.flows = std::make_unique<Flows>(scenario, replication, im.options.upstream_ahead);
  im.world = std::make_unique<World>(scenario, im.platform, std::move(im.flows));
  World& w = *im.world;
  for (std::size_t i = 0; i < scenario.routes.size(); ++i)
    if (auto it = im.platform.route_links.find(scenario.routes[i].id); it != im.platform.route_links.end())
      it->second->set_latency(w.r.routes[i].travel_s);
  im.engine->run_until(scenario.end_s);
  if (w.stopped) throw Interrupted();
  w.observe(scenario.end_s, 0);
  auto result = collect(w);
  result.engine.actors = im.actors;
  result.engine.actor_wakeups = w.wakeups;
  return result;
}

}  // namespace sim::engine
