// Google Benchmark micro-benchmarks of the hot parts of a replication, each reporting items (people or
// events) per second: the run queue, a gate queue (Airport::process), boarding, Network::advance_to on a
// synthetic scenario, and SimGrid's bare sleep_for dispatch (the reference event rate).
//   build/micro_bench --benchmark_format=json     (bench/run.sh runs it and tabulates the results)
#include <benchmark/benchmark.h>
#include <simgrid/s4u.hpp>

#include <cmath>
#include <memory>
#include <vector>

#include "sim/flow/airport.hpp"
#include "sim/flow/ledger.hpp"
#include "sim/flow/network.hpp"
#include "sim/flow/people.hpp"
#include "sim/model/random.hpp"
#include "sim/model/realization.hpp"
#include "sim/scenario/load.hpp"
#include "synthetic.hpp"

namespace {

using sim::flow::Airport;
using sim::flow::Ledger;
using sim::flow::Person;
using sim::flow::Run;
using sim::flow::RunQueue;
namespace model = sim::model;

constexpr double kHour = 3600;

// Poisson arrival times of `n` people from `streams` sources of equal rate (people per hour in total).
std::vector<std::vector<double>> poisson_streams(int streams, std::int64_t n, double per_hour, std::uint64_t seed) {
  std::vector<std::vector<double>> out(static_cast<std::size_t>(streams));
  for (int s = 0; s < streams; ++s) {
    model::Rng rng(seed + static_cast<std::uint64_t>(s));
    const double rate = per_hour / streams / kHour;
    double t = 0;
    for (std::int64_t k = 0; k < n / streams; ++k) {
      t += -std::log(rng.uniform01()) / rate;
      out[static_cast<std::size_t>(s)].push_back(t);
    }
  }
  return out;
}

// People as runs of one (Poisson departures) from several streams, pushed and popped hour by hour as
// Network::advance_to does. Items: people through the queue.
void BM_RunQueueRunsOfOne(benchmark::State& state) {
  const int streams = static_cast<int>(state.range(0));
  const std::int64_t n = 100'000;
  const auto times = poisson_streams(streams, n, 2000, 1);
  const double end = times.front().back();
  std::int64_t people = 0;
  for (auto _ : state) {
    RunQueue q;
    std::vector<std::size_t> next(times.size(), 0);
    for (double t = kHour; t < end + kHour; t += kHour) {
      for (std::size_t s = 0; s < times.size(); ++s)
        for (; next[s] < times[s].size() && times[s][next[s]] < t; ++next[s])
          q.push(Run{times[s][next[s]], 0, times[s][next[s]], 0, 1, static_cast<int>(s % 2), static_cast<int>(s), 0, 0},
                 static_cast<int>(s));
      while (!q.empty() && q.next_time() < t) {
        benchmark::DoNotOptimize(q.pop());
        ++people;
      }
    }
  }
  state.SetItemsProcessed(people);
}
BENCHMARK(BM_RunQueueRunsOfOne)->Arg(1)->Arg(8)->Arg(64);

// A travel-time delay line: people pushed as they leave (runs of one, in time order), popped when
// they arrive `delay` later, so the queue holds everyone on the road (as an airport's arriving_ does).
void BM_RunQueueOnTheRoad(benchmark::State& state) {
  const double delay = static_cast<double>(state.range(0)) * kHour;
  const auto times = poisson_streams(1, 100'000, 2000, 2).front();
  std::int64_t people = 0;
  for (auto _ : state) {
    RunQueue q;
    std::size_t next = 0;
    for (double t = kHour; next < times.size() || !q.empty(); t += kHour) {
      for (; next < times.size() && times[next] < t; ++next)
        q.push(Run{times[next] + delay, 0, times[next], 0, 1, 0, 0, 0, 0});
      while (!q.empty() && q.next_time() < t) {
        benchmark::DoNotOptimize(q.pop());
        ++people;
      }
    }
  }
  state.SetItemsProcessed(people);
}
BENCHMARK(BM_RunQueueOnTheRoad)->Arg(1)->Arg(8);

// A capacity-bound road entry: 100,000 people of 8 Poisson streams all waiting at once, popped in time
// order (the Kabul city road in kabul-2021 holds tens of thousands). Items: people.
void BM_RunQueueBacklog(benchmark::State& state) {
  const auto times = poisson_streams(8, 100'000, 2000, 4);
  std::int64_t people = 0;
  for (auto _ : state) {
    RunQueue q;
    for (std::size_t s = 0; s < times.size(); ++s)
      for (double t : times[s]) q.push(Run{t, 0, t, 0, 1, 0, static_cast<int>(s), 0, 0}, static_cast<int>(s));
    while (!q.empty()) {
      benchmark::DoNotOptimize(q.pop());
      ++people;
    }
  }
  state.SetItemsProcessed(people);
}
BENCHMARK(BM_RunQueueBacklog)->Unit(benchmark::kMillisecond);

// Steady streams: long runs popped person by person. Items: people.
void BM_RunQueueLongRuns(benchmark::State& state) {
  const std::int64_t run_length = state.range(0);
  std::int64_t people = 0;
  for (auto _ : state) {
    RunQueue q;
    for (int s = 0; s < 8; ++s) q.push(Run{s * 0.1, 1.0, s * 0.1, 1.0, run_length, 0, s, 0, 0}, s);
    while (!q.empty()) {
      benchmark::DoNotOptimize(q.pop());
      ++people;
    }
  }
  state.SetItemsProcessed(people);
}
BENCHMARK(BM_RunQueueLongRuns)->Arg(1000)->Arg(100'000);

model::Airport gate_airport(int lanes, int gates) {
  model::Airport spec{.id = "a", .holding_capacity = 1'000'000'000};
  for (int g = 0; g < gates; ++g)
    spec.gates.push_back(model::Gate{.id = "g" + std::to_string(g),
                                     .lanes = lanes,
                                     .troops_per_lane = 0,
                                     .civilian_lanes = lanes,
                                     .service_time_s = model::Dist::triangular(60, 120, 300)});
  return spec;
}

// Gate queues (Airport::process): Poisson arrivals at 90% of the gates' capacity, processed hour by
// hour. Items: people served.
void BM_GateQueue(benchmark::State& state) {
  const int lanes = static_cast<int>(state.range(0));
  const int gates = static_cast<int>(state.range(1));
  const double capacity_per_hour = lanes * gates * kHour / ((60.0 + 120 + 300) / 3);
  const auto times = poisson_streams(1, 100'000, 0.9 * capacity_per_hour, 3).front();
  std::int64_t people = 0;
  for (auto _ : state) {
    Airport airport(gate_airport(lanes, gates), 1, 1, 1);
    Ledger ledger(1, 1);
    airport.set_troops(0, 0);
    std::size_t next = 0;
    std::vector<Person> hour;
    for (double t = kHour; next < times.size(); t += kHour) {
      hour.clear();
      for (; next < times.size() && times[next] < t; ++next) hour.push_back(Person{.t = times[next], .depart = times[next]});
      airport.arrive(hour);
      airport.process(t, ledger);
    }
    airport.process(times.back() + 1000 * kHour, ledger);
    for (const auto& g : airport.gates()) people += g.stats->served;
  }
  state.SetItemsProcessed(people);
}
BENCHMARK(BM_GateQueue)->Args({4, 1})->Args({40, 2})->Unit(benchmark::kMillisecond);

// Boarding: 100,000 processed people of two cohorts boarded 400 at a time. Items: people boarded.
void BM_Boarding(benchmark::State& state) {
  const std::int64_t n = 100'000;
  const std::vector<int> carries{0, 1};
  const std::vector<int> priority_of{1, 2};
  std::int64_t people = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Airport airport(gate_airport(1000, 1), 2, 1, 1);
    Ledger ledger(2, 1);
    airport.set_troops(0, 0);
    std::vector<Person> arrivals;  // the two cohorts alternating, 0.005 s apart
    for (std::int64_t k = 0; k < n; ++k)
      arrivals.push_back(Person{.t = 0.005 * static_cast<double>(k), .depart = 0.005 * static_cast<double>(k),
                                .cohort = static_cast<int>(k % 2)});
    airport.arrive(arrivals);
    airport.process(1e7, ledger);
    state.ResumeTiming();
    while (airport.ready() > 0) people += static_cast<std::int64_t>(airport.board(carries, priority_of, 400).size());
  }
  state.SetItemsProcessed(people);
}
BENCHMARK(BM_Boarding)->Unit(benchmark::kMillisecond);

// Network::advance_to on a synthetic scenario (34 cities, 150,000 people, one airport), called every
// `step` seconds to the end, as the actors do. Items: people who left their city.
void BM_NetworkAdvance(benchmark::State& state) {
  const double step = static_cast<double>(state.range(0));
  const bool poisson = state.range(1) != 0;
  const auto loaded =
      sim::scenario::load_text(bench::synthetic_scenario({.cities = 34, .people = 150'000, .poisson = poisson}), "synthetic");
  if (!loaded.ok()) {
    state.SkipWithError("synthetic scenario does not load");
    return;
  }
  const auto& s = *loaded.scenario;
  const auto r = model::realize(s, s.seed, 1);
  std::int64_t people = 0;
  for (auto _ : state) {
    sim::flow::Network net(s, r);
    net.airport(0).set_troops(1'000'000, 0);
    for (double t = step; t <= s.end_s; t += step) net.advance_to(t);
    for (const auto& c : net.ledger().cities()) people += c.departed;
  }
  state.SetItemsProcessed(people);
}
BENCHMARK(BM_NetworkAdvance)
    ->Args({3600, 0})
    ->Args({60, 0})
    ->Args({3600, 1})
    ->ArgNames({"step_s", "poisson"})
    ->Unit(benchmark::kMillisecond);

// SimGrid's bare event rate: `actors` actors each calling sleep_for in a loop, nothing else. One engine
// for the whole process (SimGrid allows one); each iteration adds actors and runs the engine again.
// Items: actor wake-ups (the unit evacsim's events are counted in).
simgrid::s4u::Engine& simgrid_engine() {
  static simgrid::s4u::Engine* engine = [] {
    static int argc = 2;
    static char arg0[] = "micro_bench";
    static char arg1[] = "--log=root.thresh:critical";
    static char* argv[] = {arg0, arg1, nullptr};
    auto* e = new simgrid::s4u::Engine(&argc, argv);
    auto* zone = simgrid::s4u::create_full_zone("bench");
    zone->create_host("h", 1e9);
    zone->seal();
    return e;
  }();
  return *engine;
}

void BM_SimGridSleepFor(benchmark::State& state) {
  auto& engine = simgrid_engine();
  auto* host = engine.host_by_name("h");
  const int actors = static_cast<int>(state.range(0));
  const int sleeps = static_cast<int>(200'000 / actors);
  for (auto _ : state) {
    for (int a = 0; a < actors; ++a)
      simgrid::s4u::Actor::create("sleeper", host, [sleeps, a] {
        // Distinct periods, so wake-ups do not all fall at the same instants.
        for (int i = 0; i < sleeps; ++i) simgrid::s4u::this_actor::sleep_for(1.0 + 0.001 * a);
      });
    engine.run();
  }
  state.SetItemsProcessed(state.iterations() * actors * sleeps);
}
BENCHMARK(BM_SimGridSleepFor)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
