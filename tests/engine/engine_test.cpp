// The engine against what is known: hand-computable cases, queueing theory, conservation of people,
// determinism. Each test runs `evacsim run` on a small scenario of tests/engine/scenarios/.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/queueing.hpp"
#include "tests/support/run_cli.hpp"

namespace {

using namespace test_support;

struct Run {
  TempDir dir;
  CliResult cli;
  std::filesystem::path out() const { return dir.path() / "out"; }
  Rows csv(const std::string& name) const { return read_csv(out() / name); }
};

// Runs a test scenario; extra arguments follow.
std::unique_ptr<Run> simulate(const std::string& scenario, std::vector<std::string> extra = {}) {
  auto run = std::make_unique<Run>();
  std::vector<std::string> args{"run", source_path("tests/engine/scenarios/" + scenario).string(), "--out",
                                run->out().string(), "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  run->cli = run_evacsim(args, run->dir.path());
  return run;
}

TEST(Engine, OneAircraftCarriesSeatsTimesSorties) {
  auto run = simulate("one-aircraft.yaml");
  ASSERT_EQ(run->cli.exit_code, 0) << run->cli.err;
  const auto summary = run->csv("summary.csv");
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(num(summary[0], "flights"), 17);
  EXPECT_EQ(num(summary[0], "evacuated"), 17 * 100);
  const auto flights = run->csv("flights.csv");
  ASSERT_EQ(flights.size(), 17u);
  for (std::size_t k = 0; k < flights.size(); ++k) {
    EXPECT_DOUBLE_EQ(num(flights[k], "takeoff_h"), 3.0 + 6.0 * static_cast<double>(k));
    EXPECT_EQ(num(flights[k], "passengers"), 100);
  }
}

TEST(Engine, RunwayCapsTakeOffsAtHalfItsMovements) {
  auto run = simulate("runway.yaml");
  ASSERT_EQ(run->cli.exit_code, 0) << run->cli.err;
  const auto flights = run->csv("flights.csv");
  // 4 movements an hour, each take-off paired with a landing: by any time H at most 2H take-offs
  // (bursts of 4 in an hour happen when landings were bunched earlier), and close to 200 in 100 h.
  for (std::size_t k = 0; k < flights.size(); ++k)
    EXPECT_LE(static_cast<double>(k + 1), 2 * num(flights[k], "takeoff_h") + 1) << "flight " << k + 1;
  EXPECT_GE(flights.size(), 180u);
  EXPECT_LE(flights.size(), 200u);
  const auto summary = run->csv("summary.csv");
  EXPECT_GT(num(summary[0], "saturated_runway_h"), 90);
}

TEST(Engine, FullStagingBaseHoldsAircraftOnTheGround) {
  auto run = simulate("staging-full.yaml");
  ASSERT_EQ(run->cli.exit_code, 0) << run->cli.err;
  const auto summary = run->csv("summary.csv");
  EXPECT_EQ(num(summary[0], "flights"), 1);
  EXPECT_EQ(num(summary[0], "evacuated"), 100);
  // The second aircraft lands at 2 h, is ready at 3 h and waits on the ground until the end.
  EXPECT_GT(num(summary[0], "saturated_staging_h"), 90);
}

TEST(Engine, CaptureStrandsExactlyThoseStillInTheCity) {
  auto run = simulate("capture.yaml");
  ASSERT_EQ(run->cli.exit_code, 0) << run->cli.err;
  const auto cities = run->csv("cities.csv");
  ASSERT_EQ(cities.size(), 1u);
  EXPECT_EQ(num(cities[0], "departed"), 4000);
  EXPECT_EQ(num(cities[0], "stranded"), 6000);
  EXPECT_DOUBLE_EQ(num(cities[0], "captured_h"), 4);
}

TEST(Engine, AirportFallsWhenTroopsDropBelowTheRequirementAfterCapture) {
  auto run = simulate("airport-falls.yaml");
  ASSERT_EQ(run->cli.exit_code, 0) << run->cli.err;
  const auto timeline = run->csv("timeline.csv");
  for (const auto& row : timeline) {
    const double h = num(row, "hours");
    EXPECT_EQ(num(row, "airports_open"), h <= 15 ? 1 : 0) << "at " << h << " h";
  }
  const auto summary = run->csv("summary.csv");
  EXPECT_GT(num(summary[0], "stranded_at_airports"), 0);
  // Nobody takes off after the fall.
  for (const auto& f : run->csv("flights.csv")) EXPECT_LE(num(f, "takeoff_h"), 15.0);
}

TEST(Engine, GateWaitsMatchErlangC) {
  // One run of 2,000 h scatters by about 4% around W_q (rho = 0.83 relaxes slowly): average 8.
  auto run = simulate("mmc.yaml", {"--replications", "8"});
  ASSERT_EQ(run->cli.exit_code, 0) << run->cli.err;
  const auto gates = run->csv("gates.csv");
  ASSERT_EQ(gates.size(), 8u);
  const double mu = 1.0 / 2.0 * 60, lambda = 100;  // per hour
  const double expected_wq_h = mmc_wait(4, lambda, mu);
  double wait = 0, utilization = 0;
  for (const auto& g : gates) {
    wait += num(g, "wait_mean_h") / 8;
    utilization += num(g, "utilization") / 8;
  }
  EXPECT_NEAR(wait, expected_wq_h, 0.04 * expected_wq_h);
  EXPECT_NEAR(utilization, lambda / mu / 4, 0.01);
}

TEST(Engine, ConservesPeopleInEveryCohortAndReplication) {
  auto run = simulate("random.yaml");
  ASSERT_EQ(run->cli.exit_code, 0) << run->cli.err;
  const auto cohorts = run->csv("cohorts.csv");
  ASSERT_EQ(cohorts.size(), 4u * 2u);
  for (const auto& c : cohorts)
    EXPECT_EQ(num(c, "evacuees"), num(c, "evacuated") + num(c, "stranded") + num(c, "remaining"))
        << c.at("cohort") << " in replication " << c.at("replication");
  for (const auto& row : run->csv("timeline.csv")) {
    const double total = num(row, "evacuated") + num(row, "stranded") + num(row, "in_cities") + num(row, "on_road") +
                         num(row, "at_gates") + num(row, "in_holding");
    const auto summary = run->csv("summary.csv");
    const auto& s = summary[static_cast<std::size_t>(num(row, "replication")) - 1];
    EXPECT_EQ(total, num(s, "evacuees")) << "replication " << row.at("replication") << " at " << row.at("time");
  }
}

TEST(Engine, ReplicationsAreDeterministicAndIndependentOfJobs) {
  auto serial = simulate("random.yaml", {"--jobs", "1"});
  auto parallel = simulate("random.yaml", {"--jobs", "2"});
  ASSERT_EQ(serial->cli.exit_code, 0) << serial->cli.err;
  ASSERT_EQ(parallel->cli.exit_code, 0) << parallel->cli.err;
  for (const char* file : {"summary.csv", "timeline.csv", "flights.csv", "cities.csv", "cohorts.csv", "gates.csv",
                           "summary_stats.csv", "scenario.resolved.yaml"})
    EXPECT_EQ(slurp(serial->out() / file), slurp(parallel->out() / file)) << file;
  // Different replications draw different numbers.
  const auto summary = serial->csv("summary.csv");
  EXPECT_NE(summary[0].at("evacuees"), summary[1].at("evacuees"));
}

TEST(Engine, ResolvedScenarioReRunsIdentically) {
  auto first = simulate("random.yaml", {"--replications", "1"});
  ASSERT_EQ(first->cli.exit_code, 0) << first->cli.err;
  TempDir again;
  const auto cli = run_evacsim({"run", (first->out() / "scenario.resolved.yaml").string(), "--out",
                                (again.path() / "out").string(), "--quiet"},
                               again.path());
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  for (const char* file : {"summary.csv", "timeline.csv", "flights.csv", "gates.csv"})
    EXPECT_EQ(slurp(first->out() / file), slurp(again.path() / "out" / file)) << file;
}

}  // namespace
