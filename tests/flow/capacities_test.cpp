// Hand-computable capacities of the flow layer: runways, staging bases, troop schedules, histograms,
// runs of people, the ring-buffer queue, the people in service.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <map>
#include <vector>

#include "sim/flow/airport.hpp"
#include "sim/flow/fifo.hpp"
#include "sim/flow/people.hpp"
#include "sim/flow/runway.hpp"
#include "sim/flow/schedule.hpp"
#include "sim/flow/staging.hpp"
#include "sim/flow/stats.hpp"
#include "sim/flow/troops.hpp"

namespace sim::flow {
namespace {

TEST(Runway, GivesKMovementsPerHour) {
  Runway runway(12, {});
  int in_first_hour = 0;
  for (int i = 0; i < 100; ++i)
    if (runway.reserve(0) < 3600) ++in_first_hour;
  EXPECT_EQ(in_first_hour, 12);
}

TEST(Runway, ShiftsMovementsOutOfAClosure) {
  CapacitySchedule closed;
  closed.add_window(1000, 5000, 0);
  Runway runway(60, closed);
  EXPECT_EQ(runway.reserve(0), 0);
  EXPECT_EQ(runway.reserve(1200), 5000);
  EXPECT_EQ(runway.reserve(5000), 5060);
}

TEST(Runway, HalvesItsRateWhenReducedByHalf) {
  CapacitySchedule reduced;
  reduced.add_window(0, model::kNever, 0.5);
  Runway runway(10, reduced);
  runway.reserve(0);
  EXPECT_DOUBLE_EQ(runway.reserve(0), 720);
}

TEST(CapacitySchedule, OpensAfterClosuresAtTheFactorThen) {
  CapacitySchedule s;
  EXPECT_EQ(s.open_at(42).t, 42);  // no windows: open at full capacity
  EXPECT_EQ(s.open_at(42).factor, 1);
  s.add_window(100, 200, 0);    // closed
  s.add_window(150, 300, 0.5);  // halved, overlapping the closure
  s.add_window(300, 400, 0);    // closed again right after
  EXPECT_EQ(s.open_at(50).t, 50);
  EXPECT_EQ(s.open_at(120).t, 200);
  EXPECT_EQ(s.open_at(120).factor, 0.5);
  EXPECT_EQ(s.open_at(310).t, 400);
  EXPECT_EQ(s.open_at(310).factor, 1);
  for (double t : {0.0, 99.0, 120.0, 250.0, 300.0, 399.0, 1e6}) {
    EXPECT_EQ(s.open_at(t).t, s.next_open(t));
    EXPECT_EQ(s.open_at(t).factor, s.factor_at(s.next_open(t)));
  }
  s.add_window(500, model::kNever, 0);  // closed for good
  EXPECT_EQ(s.open_at(600).t, model::kNever);
}

// The definition, window by window: the factor at t is the product of the factors of the windows
// holding t; a closed time moves on to the end of the closed windows holding it, until open.
double factor_by_definition(const std::vector<std::array<double, 3>>& windows, double t) {
  double f = 1.0;
  for (const auto& [from, to, factor] : windows)
    if (t >= from && t < to) f *= factor;
  return f;
}
CapacitySchedule::Opening opening_by_definition(const std::vector<std::array<double, 3>>& windows, double t) {
  for (;;) {
    if (const double f = factor_by_definition(windows, t); f > 0) return {t, f};
    double next = model::kNever;
    for (const auto& [from, to, factor] : windows)
      if (t >= from && t < to && factor == 0) next = std::min(next, to);
    if (next == model::kNever) return {model::kNever, 0};
    t = next;
  }
}

TEST(CapacitySchedule, AgreesWithTheDefinitionAtAnyTimeInAnyOrder) {
  // A model check: random overlapping windows (closures, reductions, some for good) on a grid of
  // whole seconds so that times fall on window edges too; times asked forward, then at random.
  model::Rng rng(17);
  for (int trial = 0; trial < 200; ++trial) {
    CapacitySchedule s;
    std::vector<std::array<double, 3>> windows;
    const int n = 1 + static_cast<int>(rng.uniform01() * 6);
    for (int i = 0; i < n; ++i) {
      const double from = std::floor(rng.uniform01() * 100) - 10;
      const double to = rng.uniform01() < 0.15 ? model::kNever : from + std::floor(rng.uniform01() * 40);
      const double factor = rng.uniform01() < 0.4 ? 0.0 : std::floor(rng.uniform01() * 4 + 1) / 4;
      s.add_window(from, to, factor);
      if (to > from && factor != 1.0) windows.push_back({from, to, factor});
    }
    std::vector<double> times;
    for (double t = -20; t <= 140; t += 0.5) times.push_back(t);
    for (int i = 0; i < 300; ++i) times.push_back(std::floor(rng.uniform01() * 320) / 2 - 20);
    times.push_back(model::kNever);
    for (double t : times) {
      ASSERT_EQ(s.factor_at(t), factor_by_definition(windows, t)) << "trial " << trial << " t " << t;
      const auto got = s.open_at(t);
      const auto want = opening_by_definition(windows, t);
      ASSERT_EQ(got.t, want.t) << "trial " << trial << " t " << t;
      ASSERT_EQ(got.factor, want.factor) << "trial " << trial << " t " << t;
    }
  }
}

TEST(StagingBase, AdmitsUpToItsCapacityThenDrains) {
  StagingBase base(1000, 100, {});
  EXPECT_TRUE(base.admits(1000, 0));
  base.promise(800);
  EXPECT_FALSE(base.admits(300, 0));
  base.arrive(800, 0);
  // 100 per hour onward: room for 300 more once present drops from 800 to 700, an hour later.
  EXPECT_DOUBLE_EQ(base.retry_time(300, 0), 3600);
  EXPECT_FALSE(base.admits(300, 3000));
  EXPECT_TRUE(base.admits(300, 3600));
}

TEST(StagingBase, AdmitsNobodyWhileClosed) {
  CapacitySchedule closed;
  closed.add_window(0, 7200, 0);
  StagingBase base(1000, 100, closed);
  EXPECT_FALSE(base.admits(1, 10));
  EXPECT_EQ(base.retry_time(1, 10), 7200);
  EXPECT_TRUE(base.admits(1, 7200));
}

TEST(TroopSchedule, ArrivesEvenlyAndLeavesEvenly) {
  TroopSchedule troops({model::RealDeployment{.troops = 1000,
                                              .arrive_from_s = 0,
                                              .arrive_over_s = 10 * 3600,
                                              .withdraw_from_s = 100 * 3600,
                                              .withdraw_by_s = 110 * 3600}});
  EXPECT_EQ(troops.at(0), 0);
  EXPECT_EQ(troops.at(5 * 3600), 500);
  EXPECT_EQ(troops.at(50 * 3600), 1000);
  EXPECT_EQ(troops.at(105 * 3600), 500);
  EXPECT_EQ(troops.at(200 * 3600), 0);
}

TEST(TroopSchedule, ReportsEachThresholdCrossingOnce) {
  TroopSchedule troops({model::RealDeployment{.troops = 1000,
                                              .arrive_from_s = 0,
                                              .arrive_over_s = 1000,
                                              .withdraw_from_s = 5000,
                                              .withdraw_by_s = 6000}});
  const auto times = troops.change_times({250, 500}, 0, 10000);
  ASSERT_EQ(times.size(), 4u);
  EXPECT_NEAR(times[0], 250, 1e-6);
  EXPECT_NEAR(times[1], 500, 1e-6);
  EXPECT_NEAR(times[2], 5500, 1e-3);
  EXPECT_NEAR(times[3], 5750, 1e-3);
  EXPECT_LT(troops.at(times[2]), 500);
}

TEST(Histogram, KnowsMeanMaxAndQuantilesOfUniformValues) {
  Histogram h;
  for (int i = 1; i <= 10000; ++i) h.add(i);
  EXPECT_DOUBLE_EQ(h.mean(), 5000.5);
  EXPECT_EQ(h.max(), 10000);
  EXPECT_NEAR(h.quantile(0.5), 5000, 5000 * 0.006);
  EXPECT_NEAR(h.quantile(0.9), 9000, 9000 * 0.006);
}

TEST(Histogram, PutsEveryValueInTheBucketOfItsDefinitionWhateverTheOrder) {
  // The bucket of x > 1 ms is floor(100 ln(x / 1 ms)); a value is reported at its bucket's geometric
  // centre. add() takes a value inside the last value's bucket (with a margin at its edges) without a
  // log(): values wander (as successive waits do), jump, and sit on or next to bucket edges, and every
  // quantile must be what the definition gives.
  model::Rng rng(3);
  std::vector<double> values;
  double x = 3600;
  for (int i = 0; i < 40'000; ++i) {
    const double u = rng.uniform01();
    if (u < 0.05) {
      x *= std::exp(6 * rng.uniform01() - 3);  // a jump
    } else if (u < 0.10) {                     // an edge, or a neighbouring double
      const double edge = 1e-3 * std::exp(std::floor(std::log(x / 1e-3) * 100 + 2 * rng.uniform01() - 1) / 100);
      const double side = rng.uniform01();
      x = side < 1.0 / 3 ? std::nextafter(edge, 0.0) : side < 2.0 / 3 ? edge : std::nextafter(edge, 1e300);
    } else {
      x *= std::exp(0.06 * (rng.uniform01() - 0.5));  // a step of a few buckets at most
    }
    x = std::clamp(x, 2e-3, 1e7);
    values.push_back(x);
  }
  Histogram h;
  for (double v : values) h.add(v);
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const double max = sorted.back();
  for (int k = 1; k <= 100; ++k) {
    const double q = k / 100.0;
    const double at = sorted[static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size()))) - 1];
    const double bucket = std::floor(std::log(at / 1e-3) * 100);
    ASSERT_EQ(h.quantile(q), std::min(max, 1e-3 * std::exp((bucket + 0.5) / 100))) << "q = " << q;
  }
}

TEST(RunBuilder, KeepsASteadyStreamAsOneRun) {
  RunBuilder b;
  for (int i = 0; i < 1000; ++i) b.push(Person{i * 3.6, i * 3.6, 0, 0, 0, 0});
  ASSERT_EQ(b.runs().size(), 1u);
  EXPECT_EQ(b.runs()[0].n, 1000);
  EXPECT_DOUBLE_EQ(b.runs()[0].dt, 3.6);
}

TEST(RunQueue, PopsPeopleOfInterleavedRunsInTimeOrder) {
  RunQueue q;
  q.push(flow::Run{0, 2, 0, 2, 5, 0, 0, 0, 0});   // 0, 2, 4, 6, 8
  q.push(flow::Run{1, 2, 1, 2, 5, 1, 0, 0, 0});   // 1, 3, 5, 7, 9
  double last = -1;
  int n = 0;
  while (!q.empty()) {
    const Person p = q.pop();
    EXPECT_GT(p.t, last);
    last = p.t;
    ++n;
  }
  EXPECT_EQ(n, 10);
}

TEST(RunQueue, PopsInTimeOrderWhenOneSourcePushesOutOfOrder) {
  // Source 0 goes back in time (its second run starts before its first ends); source 1 interleaves.
  RunQueue q;
  q.push(flow::Run{10, 1, 10, 1, 5, 0, 0, 0, 0}, 0);  // 10 .. 14
  q.push(flow::Run{2, 4, 2, 4, 3, 0, 1, 0, 0}, 0);    // 2, 6, 10 (the 10 was pushed later: after)
  q.push(flow::Run{5, 0, 5, 0, 2, 0, 2, 0, 0}, 1);    // 5, 5
  std::vector<std::pair<double, int>> popped;
  while (!q.empty()) {
    const Person p = q.pop();
    popped.emplace_back(p.t, p.origin);
  }
  const std::vector<std::pair<double, int>> expected{{2, 1}, {5, 2}, {5, 2}, {6, 1}, {10, 0}, {10, 1},
                                                     {11, 0}, {12, 0}, {13, 0}, {14, 0}};
  EXPECT_EQ(popped, expected);
  EXPECT_EQ(q.count(), 0);
}

TEST(Fifo, PushesAndPopsLikeADequeAcrossWrapsAndGrowth) {
  // A model check: random pushes and pops against std::deque, the ring wrapping and doubling.
  Fifo<int> fifo;
  std::deque<int> model;
  model::Rng rng(5);
  int next = 0;
  for (int step = 0; step < 20'000; ++step) {
    if (rng.uniform01() < 0.55) {
      fifo.push_back(next);
      model.push_back(next++);
    } else if (!model.empty()) {
      ASSERT_EQ(fifo.front(), model.front());
      fifo.pop_front();
      model.pop_front();
    }
    ASSERT_EQ(fifo.size(), model.size());
    if (!model.empty()) {
      ASSERT_EQ(fifo.back(), model.back());
    }
  }
  EXPECT_TRUE(std::equal(fifo.begin(), fifo.end(), model.begin(), model.end()));
}

TEST(InService, GivesTheEarliestServiceEndFirstAndTiesInTheOrderServed) {
  // A model check against std::multimap (equal keys stay in insertion order): random pushes and pops,
  // service ends on a coarse grid so that many are equal, the array compacting as its head moves on.
  InService in;
  std::multimap<double, int> model;
  model::Rng rng(11);
  int next = 0;
  double now = 0;
  for (int step = 0; step < 50'000; ++step) {
    if (model.size() < 30 && rng.uniform01() < 0.52) {
      const double end = now + std::floor(rng.uniform01() * 8);  // ends from now to now + 7: ties
      in.push(Held{end, 0, next, 0});
      model.emplace(end, next++);
    } else if (!model.empty()) {
      ASSERT_FALSE(in.empty());
      ASSERT_EQ(in.earliest().ready, model.begin()->first);
      const Held h = in.pop();
      ASSERT_EQ(h.origin, model.begin()->second);
      now = h.ready;  // service starts never precede the last service end taken
      model.erase(model.begin());
    }
    ASSERT_EQ(in.empty(), model.empty());
  }
  std::vector<int> left;
  in.for_each([&](const Held& h) { left.push_back(h.origin); });
  std::vector<int> expected;
  for (const auto& [end, who] : model) expected.push_back(who);
  EXPECT_EQ(left, expected);
  in.clear();
  EXPECT_TRUE(in.empty());
}

TEST(BatchQueue, TakesBatchesAndPopsLikeADequeGivingMemoryBack) {
  // A model check: random batches (some empty) and pops against std::deque; every used-up batch's
  // memory comes back through take(), so a refilled vector stops allocating.
  BatchQueue<int> queue;
  std::deque<int> model;
  model::Rng rng(5);
  int next = 0;
  std::vector<int> batch;
  int takes = 0, reused = 0;
  for (int step = 0; step < 20'000; ++step) {
    if (rng.uniform01() < 0.04) {  // ~0.8 in per step against up to 0.96 out: the queue drains now and then
      const auto n = static_cast<std::size_t>(rng.uniform01() * 40);
      takes += n > 0 ? 1 : 0;
      reused += n > 0 && batch.capacity() > 0 ? 1 : 0;
      for (std::size_t i = 0; i < n; ++i) batch.push_back(next++);
      model.insert(model.end(), batch.begin(), batch.end());
      queue.take(batch);
      ASSERT_TRUE(batch.empty());
    } else if (!model.empty()) {
      ASSERT_EQ(queue.front(), model.front());
      queue.pop_front();
      model.pop_front();
    }
    ASSERT_EQ(queue.size(), model.size());
    ASSERT_EQ(queue.empty(), model.empty());
    if (!model.empty()) {
      ASSERT_EQ(queue.back(), model.back());
    }
  }
  std::vector<int> left;
  queue.for_each([&](int v) { left.push_back(v); });
  EXPECT_TRUE(std::equal(left.begin(), left.end(), model.begin(), model.end()));
  EXPECT_GT(reused, takes * 9 / 10) << takes;  // nearly every batch was written into memory given back
  queue.clear();
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.size(), 0u);
}

}  // namespace
}  // namespace sim::flow
