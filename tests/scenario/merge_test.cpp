// extends (merging files by key and by id, removal, chains) and --set overrides.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.hpp"

namespace sim::scenario {
namespace {

using testing::messages;
using testing::minimal_text;
using testing::source_path;

const model::Airport& airport(const model::Scenario& s, const std::string& id) {
  return *std::find_if(s.airports.begin(), s.airports.end(), [&](const model::Airport& a) { return a.id == id; });
}

std::vector<std::string> gate_ids(const model::Airport& a) {
  std::vector<std::string> out;
  for (const model::Gate& g : a.gates) out.push_back(g.id);
  return out;
}

TEST(Extends, ChangesOnlyWhatTheChildSays) {
  const LoadResult base = load_file(source_path("scenarios/examples/02-uncertain.yaml"));
  const LoadResult child = load_file(source_path("scenarios/examples/03-what-if.yaml"));
  ASSERT_TRUE(base.ok() && child.ok()) << ::testing::PrintToString(messages(child));
  model::Scenario expected = *base.scenario;
  // What 03-what-if.yaml says, applied by hand.
  expected.name = "what-if-more-troops";
  expected.description = "One more battalion, four more C-17s, no attack, and the north gate closed.";
  expected.fleets[0].aircraft = 12;
  expected.deployments.push_back(model::Deployment{.id = "extra-battalion", .nation = "us", .airport = "hkia",
                                                   .troops = model::Dist::fixed(800),
                                                   .arrive_from_s = model::Dist::fixed(86400),
                                                   .arrive_over_s = model::Dist::fixed(12 * 3600)});
  expected.incidents.erase(expected.incidents.begin());  // abbey-gate-attack removed
  expected.airports[0].gates.pop_back();                  // north gate removed
  EXPECT_TRUE(*child.scenario == expected);
}

TEST(Extends, MergesNestedMappingsKeyByKey) {
  const LoadResult r = load_file(source_path("tests/scenario/valid/chain-middle.yaml"));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  const model::City& kabul = r.scenario->cities.at(0);
  EXPECT_EQ(kabul.evacuees.size(), 2u);
  EXPECT_EQ(kabul.evacuees.at("us-citizens"), model::Dist::fixed(3000));
  EXPECT_EQ(kabul.evacuees.at("afghan-staff"), model::Dist::fixed(500));
  EXPECT_EQ(kabul.position.lat, 34.6);
  EXPECT_EQ(kabul.position.lon, 69.2075);
  EXPECT_EQ(gate_ids(airport(*r.scenario, "hkia")), (std::vector<std::string>{"abbey", "north"}));
  // The derived default follows the merged cohorts: the fleet now carries both.
  EXPECT_EQ(r.scenario->fleets[0].carries, (std::vector<std::string>{"us-citizens", "afghan-staff"}));
}

TEST(Extends, FollowsChainsNearestFileLast) {
  const LoadResult r = load_file(source_path("tests/scenario/valid/chain-top.yaml"));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.scenario->name, "chain-top");
  EXPECT_EQ(r.scenario->fleets[0].aircraft, 6);
  const model::Airport& hkia = airport(*r.scenario, "hkia");
  ASSERT_EQ(gate_ids(hkia), (std::vector<std::string>{"north"}));
  EXPECT_EQ(hkia.gates[0].lanes, 3);
  EXPECT_EQ(r.scenario->cities[0].evacuees.size(), 2u);
}

TEST(Extends, ReportsProblemsInTheExtendedFileWithItsName) {
  // The child sets parking to a bad value; the diagnostic names the child, the base is fine.
  const std::string child = "extends: ../../../scenarios/examples/01-minimal.yaml\n"
                            "airports:\n  - id: hkia\n    parking: 0\n";
  const LoadResult r = load_text(child, "child.yaml", source_path("tests/scenario/valid"));
  ASSERT_EQ(messages(r), (std::vector<std::string>{"child.yaml:4:14: airports.hkia.parking: must be >= 1 (got 0)"}));
}

TEST(Extends, RemoveWithoutExtendsIsAnError) {
  const LoadResult r = load_text(minimal_text() + "incidents:\n  - {id: x, remove: true}\n", "s.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].path, "incidents.x");
  EXPECT_EQ(r.diagnostics[0].message, "remove: no inherited incident 'x'");
}

TEST(SetOverride, ChangesAValueAddressedById) {
  const LoadResult r = load_text(minimal_text(), "s.yaml", ".", {"fleets.us-c17.aircraft=40"});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.scenario->fleets[0].aircraft, 40);
}

TEST(SetOverride, ReadsTimesAndFlowDistributions) {
  const LoadResult r = load_text(minimal_text(), "s.yaml", ".",
                                 {"cities.kabul.captured_at=2021-08-20T12:00+04:30",
                                  "airports.hkia.gates.abbey.service_time={dist: uniform, min: 1min, max: 2min}"});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.scenario->cities[0].captured_at_s, model::Dist::fixed(5 * 86400.0 + 12 * 3600));
  EXPECT_EQ(r.scenario->airports[0].gates[0].service_time_s, model::Dist::uniform(60, 120));
}

TEST(SetOverride, AddsAnOptionalKeyAndAddressesRecordsByPosition) {
  const LoadResult r = load_text(minimal_text(), "s.yaml", ".",
                                 {"airports.hkia.troops_required=500", "cities.kabul.departures.0.rate_per_hour=90",
                                  "cities.kabul.position.lat=34"});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.scenario->airports[0].troops_required, 500);
  EXPECT_EQ(r.scenario->cities[0].departures[0].rate_per_hour, model::Dist::fixed(90));
  EXPECT_EQ(r.scenario->cities[0].position.lat, 34);
}

TEST(SetOverride, LaterOverridesWin) {
  const LoadResult r =
      load_text(minimal_text(), "s.yaml", ".", {"fleets.us-c17.aircraft=40", "fleets.us-c17.aircraft=7"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.scenario->fleets[0].aircraft, 7);
}

TEST(SetOverride, ValidatesTheResultLikeTheFile) {
  const LoadResult r = load_text(minimal_text(), "s.yaml", ".", {"x=1", "fleets.us-c17.aircraft=-3"});
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "--set:1:1: x: unknown key 'x' in scenario (expected one of schema, name, description, "
                             "extends, start, end, seed, replications, report_every, nations, cohorts, cities, "
                             "airports, staging_bases, routes, aircraft_types, fleets, deployments or incidents)",
                             "--set:2:24: fleets.us-c17.aircraft: must be >= 0 (got -3)"}));
}

TEST(SetOverride, SuggestsTheIdForAMistypedEntity) {
  const LoadResult r = load_text(minimal_text(), "s.yaml", ".", {"fleets.us-c71.aircraft=40"});
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{"--set:1:8: fleets.us-c71: no fleet with id 'us-c71' (did you mean 'us-c17'?)"}));
}

TEST(SetOverride, RefusesATextWithoutEquals) {
  const LoadResult r = load_text(minimal_text(), "s.yaml", ".", {"fleets.us-c17.aircraft"});
  EXPECT_EQ(messages(r), (std::vector<std::string>{"--set:1:1: not an override: 'fleets.us-c17.aircraft' "
                                                   "(expected PATH=VALUE, e.g. fleets.us-c17.aircraft=40)"}));
}

TEST(SetOverride, RefusesToDescendIntoASingleValue) {
  const LoadResult r = load_text(minimal_text(), "s.yaml", ".", {"fleets.us-c17.turnaround.min=1h"});
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "--set:1:26: fleets.us-c17.turnaround.min: 'fleets.us-c17.turnaround' is a single value, "
                             "not a distribution (expected set it whole: fleets.us-c17.turnaround=...)"}));
}

TEST(SetOverride, ReportsYamlErrorsInTheValueAtTheirColumn) {
  const LoadResult r = load_text(minimal_text(), "s.yaml", ".", {"fleets.us-c17.aircraft=[1, 2"});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].file, "--set");
  EXPECT_EQ(r.diagnostics[0].line, 1);
  EXPECT_GE(r.diagnostics[0].column, 24);
  EXPECT_NE(r.diagnostics[0].message.find("YAML syntax error"), std::string::npos);
}

}  // namespace
}  // namespace sim::scenario
