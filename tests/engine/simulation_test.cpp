// engine::Simulation in-process: the CLI makes one in its parent and forks a worker per replication,
// so a Simulation made before a fork must give, in the child, exactly what one made in the child
// gives; the same holds with the cities and roads computed ahead on a second thread (which the CLI
// turns on when a core is spare), also when that thread starts before the engine is made (a
// Simulation made for its one replication); a replication stops at the report time that asks it to (Ctrl-C on a
// single replication, which the CLI runs in its own process); and SimGrid's one engine per process is
// enforced with a clear error.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "sim/engine/engine.hpp"
#include "sim/output/csv.hpp"
#include "sim/scenario/load.hpp"
#include "tests/support/run_cli.hpp"

namespace {

const sim::model::Scenario& random_scenario() {
  static const auto loaded = sim::scenario::load_file(test_support::source_path("tests/engine/scenarios/random.yaml"));
  if (!loaded.ok()) throw std::runtime_error("tests/engine/scenarios/random.yaml does not load");
  return *loaded.scenario;
}

// Runs `replicate` in a forked child and returns the result files' text it sends back.
std::string in_child(const std::function<sim::output::ReplicationResult()>& replicate,
                     const sim::model::Scenario& scenario = random_scenario()) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork");
  if (pid == 0) {
    close(fds[0]);
    const std::string bytes =
        sim::output::encode_fragment(sim::output::to_fragment(replicate(), scenario.clock));
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t k = write(fds[1], bytes.data() + done, bytes.size() - done);
      if (k <= 0) _exit(1);
      done += static_cast<std::size_t>(k);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string bytes;
  char buffer[4096];
  for (ssize_t k; (k = read(fds[0], buffer, sizeof buffer)) > 0;) bytes.append(buffer, static_cast<std::size_t>(k));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the child failed";
  return bytes;
}

TEST(Simulation, MadeBeforeAForkRunsInTheChildAsIfMadeThere) {
  const auto& scenario = random_scenario();
  const std::string made_in_child = in_child([&] { return sim::engine::Simulation(scenario, {}).run(2); });
  ASSERT_NE(made_in_child.find("flights.csv"), std::string::npos);

  // Sanitizer builds run actors on threads, which a fork does not copy: there the CLI, and this test,
  // make the simulation in the child (so this compares two children, still a check of determinism).
  std::unique_ptr<sim::engine::Simulation> prepared;
  if (sim::engine::Simulation::survives_fork()) prepared = std::make_unique<sim::engine::Simulation>(scenario, sim::engine::EngineOptions{});
  const auto replicate = [&] { return prepared ? prepared->run(2) : sim::engine::Simulation(scenario, {}).run(2); };
  const std::string first = in_child(replicate);
  const std::string second = in_child(replicate);  // the parent's copy is untouched by the first child's run
  EXPECT_EQ(first, made_in_child);
  EXPECT_EQ(second, made_in_child);
}

TEST(Simulation, UpstreamAheadOnASecondThreadGivesTheSameResultFiles) {
  for (const char* path : {"tests/engine/scenarios/random.yaml", "scenarios/kabul-2021.yaml"}) {
    const auto loaded = sim::scenario::load_file(test_support::source_path(path));
    ASSERT_TRUE(loaded.ok()) << path;
    const auto& scenario = *loaded.scenario;
    const std::string alone = in_child([&] { return sim::engine::Simulation(scenario, {}).run(3); }, scenario);
    const std::string ahead =
        in_child([&] { return sim::engine::Simulation(scenario, {.upstream_ahead = true}).run(3); }, scenario);
    // Made for its replication, as the CLI makes one replication: the thread starts before the engine.
    const std::string started_first =
        in_child([&] { return sim::engine::Simulation(scenario, {.upstream_ahead = true}, 3).run(3); }, scenario);
    ASSERT_NE(alone.find("timeline.csv"), std::string::npos) << path;
    EXPECT_EQ(ahead, alone) << path;
    EXPECT_EQ(started_first, alone) << path;
  }
}

TEST(Simulation, MadeForOneReplicationRunsOnlyThatOne) {
  const auto& scenario = random_scenario();
  sim::engine::Simulation simulation(scenario, {.upstream_ahead = true}, 2);
  EXPECT_THROW(simulation.run(3), std::logic_error);
  // The refusal changed nothing: replication 2 still runs, and it is replication 2.
  const auto result = simulation.run(2);
  EXPECT_EQ(result.replication, 2);
  EXPECT_GT(result.summary.evacuated, 0);
}

// EngineOptions::stop is asked at every report time; the first true ends the replication there.
TEST(Simulation, StopEndsTheReplicationAtTheReportThatAsksAndRunThrows) {
  const auto& scenario = random_scenario();
  const long reports = static_cast<long>(std::ceil(scenario.end_s / scenario.report_every_s));
  ASSERT_GT(reports, 10);
  long asked = 0;
  double last_fraction = -1;
  sim::engine::Simulation simulation(
      scenario, {.progress = [&](double fraction) { last_fraction = fraction; }, .stop = [&] { return ++asked == 5; }});
  EXPECT_THROW(simulation.run(1), sim::engine::Interrupted);
  EXPECT_EQ(asked, 5);  // not asked again: every actor ended there
  EXPECT_DOUBLE_EQ(last_fraction, 4 * scenario.report_every_s / scenario.end_s);  // the fifth report, at 4 steps
}

TEST(Simulation, OneEnginePerProcessRunOnce) {
  const auto& scenario = random_scenario();
  sim::engine::Simulation simulation(scenario, {});
  const auto result = simulation.run(1);
  EXPECT_GT(result.summary.evacuated, 0);
  EXPECT_THROW(simulation.run(2), std::logic_error);
  EXPECT_THROW(sim::engine::Simulation(scenario, {}), std::logic_error);
}

}  // namespace
