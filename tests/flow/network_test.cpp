// The people side gives the same results however it is driven: whenever the engine advances it, and
// whether or not a second thread computes the cities and roads ahead (Network's `ahead`). The CLI
// turns the thread on when a core is spare, so a replication's results must not depend on it.
#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/flow/network.hpp"
#include "sim/flow/upstream.hpp"
#include "sim/model/realization.hpp"
#include "sim/scenario/load.hpp"
#include "tests/support/run_cli.hpp"

namespace sim::flow {
namespace {

model::Scenario load(const std::string& path) {
  auto loaded = scenario::load_file(test_support::source_path(path));
  if (!loaded.ok()) throw std::runtime_error(path + " does not load");
  return *loaded.scenario;
}

// Everything an observation can see of the network, and the ledger's books.
std::vector<std::int64_t> snapshot(const Network& net) {
  std::vector<std::int64_t> v{net.in_cities(), net.on_road(), net.ledger().stranded(), net.ledger().evacuated()};
  for (const auto& c : net.ledger().cities()) {
    v.push_back(c.departed);
    v.push_back(c.stranded_in_city);
    v.push_back(c.stranded_elsewhere);
  }
  for (std::size_t a = 0; a < net.airport_count(); ++a) {
    const Airport& ap = net.airport(static_cast<int>(a));
    v.push_back(ap.on_the_way());
    v.push_back(ap.queued());
    v.push_back(ap.in_service());
    v.push_back(ap.ready());
  }
  return v;
}

class NetworkDriving : public ::testing::TestWithParam<std::string> {};

TEST_P(NetworkDriving, SameAtEveryReportWhenAdvancedAtOtherTimesOrAheadOnAThread) {
  const model::Scenario s = load(GetParam());
  const model::Realization r = model::realize(s, s.seed, 1);
  Network by_reports(s, r);       // advanced at the report instants only
  Network irregular(s, r);        // also at random times in between
  Network ahead(s, r, /*ahead=*/true);  // the same, its cities and roads on a second thread
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> jitter(0.0, 1.0);
  int reports = 0;
  for (long k = 0;; ++k) {
    const double t = static_cast<double>(k) * s.report_every_s;
    if (t >= s.end_s) break;
    by_reports.advance_to(t);
    for (double u = t - s.report_every_s * jitter(gen); u < t; u += s.report_every_s * jitter(gen) / 3) {
      irregular.advance_to(u);
      ahead.advance_to(u);
    }
    irregular.advance_to(t);
    ahead.advance_to(t);
    const auto expected = snapshot(by_reports);
    ASSERT_EQ(snapshot(irregular), expected) << "at report " << k;
    ASSERT_EQ(snapshot(ahead), expected) << "at report " << k;
    ++reports;
  }
  for (Network* net : {&by_reports, &irregular, &ahead}) net->advance_to(s.end_s);
  EXPECT_EQ(snapshot(irregular), snapshot(by_reports));
  EXPECT_EQ(snapshot(ahead), snapshot(by_reports));
  EXPECT_GT(reports, 10);
  EXPECT_GT(by_reports.ledger().stranded(), 0);  // captures and roads did strand people: the steps were not idle

  // Conservation of people, counted where they are (nobody boards here: no aircraft).
  const auto here = ahead.in_system_by_cohort();
  EXPECT_EQ(here, by_reports.in_system_by_cohort());
  for (std::size_t k = 0; k < here.size(); ++k) {
    const auto& c = ahead.ledger().cohorts()[k];
    EXPECT_EQ(c.evacuees, c.evacuated + c.stranded() + here[k]) << "cohort " << k;
  }
}

// Test names from the files' names: random_yaml, capture_yaml, kabul_2021_yaml.
std::string file_name(const ::testing::TestParamInfo<std::string>& param) {
  std::string name = param.param.substr(param.param.rfind('/') + 1);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, NetworkDriving,
                         ::testing::Values("tests/engine/scenarios/random.yaml", "tests/engine/scenarios/capture.yaml",
                                           "scenarios/kabul-2021.yaml"),
                         file_name);

TEST(NetworkDriving, InSystemByCohortRefusedWhileTheThreadIsAhead) {
  const model::Scenario s = load("tests/engine/scenarios/random.yaml");
  Network ahead(s, model::realize(s, s.seed, 1), /*ahead=*/true);
  ahead.advance_to(s.end_s / 2);
  EXPECT_THROW((void)ahead.in_system_by_cohort(), std::logic_error);
}

TEST(StepGrid, ReportInstantsExactlyPartsOfAtMostAnHourAndTheEnd) {
  StepGrid grid(5400, 4 * 3600 + 600);  // reports every 90 min, end at 4 h 10 min
  std::vector<double> got;
  for (int i = 0; i < 8; ++i) got.push_back(grid.next());
  // Each 90-min interval in two parts of 45 min; the end (15,000 s) comes between 13,500 and 16,200.
  const std::vector<double> want{2700, 5400, 8100, 10800, 13500, 15000, 16200, 18900};
  EXPECT_EQ(got, want);
  StepGrid hourly(3600, 3 * 3600);
  EXPECT_EQ(hourly.next(), 3600);
  EXPECT_EQ(hourly.next(), 7200);
  EXPECT_EQ(hourly.next(), 10800);  // the end, on the grid, given once
  EXPECT_EQ(hourly.next(), 14400);
}

}  // namespace
}  // namespace sim::flow
