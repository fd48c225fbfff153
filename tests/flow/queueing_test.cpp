// The gate model against queueing theory: Poisson arrivals at one gate of c lanes, FCFS, with
// exponential (M/M/c, Erlang C) or deterministic (M/D/1, Pollaczek-Khinchine) service; and by hand,
// deterministic queues and an arrival sent late that still goes first.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/flow/airport.hpp"
#include "sim/flow/ledger.hpp"
#include "tests/support/queueing.hpp"

namespace sim::flow {
namespace {

struct GateRun {
  double mean_wait_s;
  std::int64_t served;
};

// An airport of one gate of `lanes` civilian lanes, with room for everyone processed.
model::Airport one_gate(int lanes, model::Dist service) {
  return model::Airport{.id = "a", .holding_capacity = 1'000'000'000, .gates = {model::Gate{
                                                                        .id = "g",
                                                                        .lanes = lanes,
                                                                        .troops_per_lane = 0,
                                                                        .civilian_lanes = lanes,
                                                                        .service_time_s = service,
                                                                    }}};
}

// Feeds `n` Poisson arrivals (rate lambda per second) to a gate with `lanes` lanes.
GateRun simulate_gate(int lanes, model::Dist service, double lambda_per_s, int n, std::uint64_t seed) {
  Airport airport(one_gate(lanes, service), 1, seed, 1);
  Ledger ledger(1, 1);
  airport.set_troops(0, 0);
  model::Rng rng(seed);
  double t = 0;
  std::vector<Person> arrivals;
  for (int i = 0; i < n; ++i) {
    t += -std::log(rng.uniform01()) / lambda_per_s;
    arrivals.push_back(Person{.t = t, .depart = t});
  }
  airport.arrive(arrivals);
  airport.process(t + 1e9, ledger);
  const auto& stats = *airport.gates().front().stats;
  return GateRun{stats.wait_s.mean(), stats.served};
}

TEST(GateQueue, MatchesErlangCForMMc) {
  // c = 4 lanes, mean service 2 min, 100 arrivals per hour: a = 3.33, rho = 0.83.
  const int c = 4;
  const double mu = 1.0 / 120, lambda = 100.0 / 3600;
  const double expected_wq = test_support::mmc_wait(c, lambda, mu);
  const GateRun run = simulate_gate(c, model::Dist::exponential(120), lambda, 400'000, 7);
  EXPECT_EQ(run.served, 400'000);
  EXPECT_NEAR(run.mean_wait_s, expected_wq, 0.04 * expected_wq) << "Erlang C W_q = " << expected_wq << " s";
}

TEST(GateQueue, MatchesPollaczekKhinchineForMD1) {
  // One lane, fixed 60 s service, rho = 0.75: W_q = rho / (2 mu (1 - rho)) = 90 s.
  const double mu = 1.0 / 60, lambda = 0.75 * mu;
  const double expected_wq = test_support::md1_wait(lambda, mu);
  EXPECT_DOUBLE_EQ(expected_wq, 90);
  const GateRun run = simulate_gate(1, model::Dist::fixed(60), lambda, 400'000, 11);
  EXPECT_NEAR(run.mean_wait_s, expected_wq, 0.04 * expected_wq);
}

TEST(GateQueue, NobodyWaitsWhenLanesOutnumberArrivals) {
  // Arrivals every 100 s, service 50 s, one lane: a deterministic D/D/1 queue never waits.
  Airport airport(one_gate(1, model::Dist::fixed(50)), 1, 1, 1);
  Ledger ledger(1, 1);
  airport.set_troops(0, 0);
  std::vector<Person> arrivals;
  for (int i = 0; i < 1000; ++i) arrivals.push_back(Person{.t = 100.0 * i, .depart = 100.0 * i});
  airport.arrive(arrivals);
  airport.process(1e6, ledger);
  const auto& stats = *airport.gates().front().stats;
  EXPECT_EQ(stats.served, 1000);
  EXPECT_EQ(stats.wait_s.max(), 0);
  EXPECT_EQ(stats.queue_max, 1);
}

TEST(Airport, TakesSomeoneArrivingBeforePeopleAlreadyOnTheirWayFirst) {
  // One lane, 10 s each: people at 0, 100 and 200 s, then (once the airport is at 50 s) someone due at
  // 60 s, as a cycle of roads can deliver. Served in time order, the late-sent one is ready at 70 s.
  Airport airport(one_gate(1, model::Dist::fixed(10)), 2, 1, 1);
  Ledger ledger(2, 1);
  airport.set_troops(0, 0);
  std::vector<Person> sent{Person{.t = 0}, Person{.t = 100}, Person{.t = 200}};
  airport.arrive(sent);
  EXPECT_TRUE(sent.empty());
  airport.process(50, ledger);
  EXPECT_EQ(airport.on_the_way(), 2);
  std::vector<Person> late_sent{Person{.t = 60, .cohort = 1}};
  airport.arrive(late_sent);
  EXPECT_EQ(airport.on_the_way(), 3);
  airport.process(1000, ledger);
  const std::vector<Held> late = airport.board({1}, {1, 2}, 10);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].ready, 70);
  std::vector<double> ready;
  for (const Held& h : airport.board({0}, {1, 2}, 10)) ready.push_back(h.ready);
  EXPECT_EQ(ready, (std::vector<double>{10, 110, 210}));
  EXPECT_EQ(airport.gates().front().stats->wait_s.max(), 0);
}

}  // namespace
}  // namespace sim::flow
