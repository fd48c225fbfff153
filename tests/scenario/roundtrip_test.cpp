// to_yaml writes the resolved scenario so that loading it again gives an equal model: for every
// example, for a scenario with every distribution kind and awkward values, and after extends/--set.
#include <gtest/gtest.h>

#include "sim/scenario/values.hpp"
#include "test_support.hpp"

namespace sim::scenario {
namespace {

using testing::messages;
using testing::read_text;
using testing::source_path;

/// Loads `relative`, writes it out, reads that back and compares.
void expect_round_trip(const std::string& relative, const std::vector<std::string>& overrides = {}) {
  const LoadResult first = load_file(source_path(relative), overrides);
  ASSERT_TRUE(first.ok()) << relative << ": " << ::testing::PrintToString(messages(first));
  const std::string yaml = to_yaml(*first.scenario);
  const LoadResult second = load_text(yaml, "resolved.yaml");
  ASSERT_TRUE(second.ok()) << ::testing::PrintToString(messages(second)) << "\n" << yaml;
  EXPECT_TRUE(*second.scenario == *first.scenario) << yaml;
  // Writing is a fixed point: the resolved text of the resolved scenario is the same text.
  EXPECT_EQ(to_yaml(*second.scenario), yaml);
}

TEST(RoundTrip, MinimalExample) { expect_round_trip("scenarios/examples/01-minimal.yaml"); }
TEST(RoundTrip, UncertainExample) { expect_round_trip("scenarios/examples/02-uncertain.yaml"); }
TEST(RoundTrip, WhatIfExampleThatExtends) { expect_round_trip("scenarios/examples/03-what-if.yaml"); }
TEST(RoundTrip, EveryDistributionKindAndAwkwardValues) {
  expect_round_trip("tests/scenario/valid/every-distribution.yaml");
}
TEST(RoundTrip, AfterOverrides) {
  expect_round_trip("scenarios/examples/02-uncertain.yaml",
                    {"fleets.us-c17.aircraft=40", "cities.kabul.captured_at=2021-08-20T12:00:30.25+04:30",
                     "deployments.us-marines.troops={dist: uniform, min: 100, max: 200.5}"});
}

TEST(RoundTrip, WritesEveryDefaultExplicitly) {
  const LoadResult r = load_file(source_path("scenarios/examples/01-minimal.yaml"));
  ASSERT_TRUE(r.ok());
  const std::string yaml = to_yaml(*r.scenario);
  // Keys the example leaves out, written with their resolved values.
  for (const char* line : {"seed: 1\n", "replications: 1\n", "report_every: 1h\n", "    priority: 1\n",
                           "    eligible_on: [us]\n", "    flow_after_capture: 0\n", "        process: steady\n",
                           "    troops_required: 0\n", "        troops_per_lane: 0\n", "        civilian_lanes: 4\n",
                           "    mode: road\n", "    available_until: never\n", "    carries: [us-citizens]\n",
                           "    abort_probability: 0\n", "    alternates: []\n", "deployments: []\n"})
    EXPECT_NE(yaml.find(line), std::string::npos) << line;
  EXPECT_EQ(yaml.find("\nextends:"), std::string::npos);
}

TEST(RoundTrip, WritesTimesWithTheScenarioOffset) {
  const LoadResult r = load_file(source_path("scenarios/examples/01-minimal.yaml"));
  ASSERT_TRUE(r.ok());
  const std::string yaml = to_yaml(*r.scenario);
  EXPECT_NE(yaml.find("start: 2021-08-15T00:00:00+04:30\n"), std::string::npos);
  EXPECT_NE(yaml.find("end: 2021-08-18T00:00:00+04:30\n"), std::string::npos);
  EXPECT_NE(yaml.find("    captured_at: 2021-08-17T00:00:00+04:30\n"), std::string::npos);
}

TEST(RoundTrip, QuotesAnIdThatReadsAsNull) {
  const LoadResult r = load_file(source_path("tests/scenario/valid/every-distribution.yaml"));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  const std::string yaml = to_yaml(*r.scenario);
  EXPECT_NE(yaml.find("  - id: \"null\"\n"), std::string::npos);
  EXPECT_NE(yaml.find("eligible_on: [us, \"null\"]"), std::string::npos);
}

}  // namespace
}  // namespace sim::scenario
