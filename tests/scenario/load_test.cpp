// Loading whole scenarios: defaults, derived values, cross-entity rules, and reporting every problem.
#include <gtest/gtest.h>

#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/keys.hpp"
#include "sim/scenario/values.hpp"
#include "test_support.hpp"

namespace sim::scenario {
namespace {

using testing::messages;
using testing::minimal_text;

LoadResult load(const std::string& text, const std::vector<std::string>& overrides = {}) {
  return load_text(text, "s.yaml", ".", overrides);
}

/// The minimal example with `from` replaced by `to` (the text must occur exactly once).
std::string edited(const std::string& from, const std::string& to) {
  std::string text = minimal_text();
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(LoadScenario, LoadsMinimalExample) {
  const LoadResult r = load(minimal_text());
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  const model::Scenario& s = *r.scenario;
  EXPECT_EQ(s.name, "minimal");
  EXPECT_EQ(s.clock.offset_min, 270);
  EXPECT_EQ(s.end_s, 3 * 86400.0);
  ASSERT_EQ(s.cities.size(), 1u);
  EXPECT_EQ(s.cities[0].captured_at_s, model::Dist::fixed(2 * 86400.0));
  EXPECT_EQ(s.cities[0].evacuees.at("us-citizens"), model::Dist::fixed(3000));
  ASSERT_EQ(s.cities[0].departures.size(), 1u);
  EXPECT_EQ(s.cities[0].departures[0].from_s, model::Dist::fixed(7200));
  EXPECT_EQ(s.cities[0].departures[0].to, "hkia");
  EXPECT_EQ(s.airports[0].gates[0].service_time_s, model::Dist::fixed(120));
  EXPECT_EQ(s.routes[0].travel_time_s, model::Dist::fixed(45 * 60));
  EXPECT_EQ(s.routes[0].capacity_per_hour, model::Dist::fixed(600));
  EXPECT_EQ(s.fleets[0].turnaround_s, model::Dist::fixed(7200));
}

TEST(LoadScenario, AppliesTableDefaults) {
  const LoadResult r = load(minimal_text());
  ASSERT_TRUE(r.ok());
  const model::Scenario& s = *r.scenario;
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.replications, 1);
  EXPECT_EQ(s.report_every_s, 3600);
  EXPECT_EQ(s.cohorts[0].priority, 1);
  EXPECT_EQ(s.cities[0].flow_after_capture, 0);
  EXPECT_EQ(s.cities[0].departures[0].process, model::Process::Steady);
  EXPECT_EQ(s.airports[0].troops_required, 0);
  EXPECT_EQ(s.fleets[0].available_from_s, model::Dist::fixed(0));
  EXPECT_EQ(s.fleets[0].available_until_s, model::Dist::fixed(model::kNever));
  EXPECT_EQ(s.fleets[0].abort_probability, 0);
  EXPECT_TRUE(s.fleets[0].alternates.empty());
}

TEST(LoadScenario, DerivesEligibilityCarriesAndCivilianLanes) {
  const LoadResult r = load(minimal_text());
  ASSERT_TRUE(r.ok());
  const model::Scenario& s = *r.scenario;
  EXPECT_EQ(s.cohorts[0].eligible_on, (std::vector<std::string>{"us"}));
  EXPECT_EQ(s.fleets[0].carries, (std::vector<std::string>{"us-citizens"}));
  // No troops_per_lane: every lane is a civilian lane.
  EXPECT_EQ(s.airports[0].gates[0].civilian_lanes, 4);
}

TEST(LoadScenario, CivilianLanesDefaultToZeroWhenTroopsOpenLanes) {
  const LoadResult r = load(edited("        lanes: 4 ", "        lanes: 4\n        troops_per_lane: 50 "));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.scenario->airports[0].gates[0].civilian_lanes, 0);
  EXPECT_EQ(r.scenario->airports[0].gates[0].troops_per_lane, 50);
}

TEST(LoadScenario, ResolvesDistanceAndSpeedIntoTravelTime) {
  const LoadResult r = load(edited("    travel_time: 45min", "    distance_km: 30\n    speed_kmh: 40"));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.scenario->routes[0].travel_time_s, model::Dist::fixed(2700));
}

TEST(LoadScenario, WithdrawByDefaultsToWithdrawFrom) {
  const LoadResult r = load(minimal_text() +
                            "deployments:\n  - id: d\n    nation: us\n    airport: hkia\n    troops: 100\n"
                            "    withdraw_from: +2d\n");
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.scenario->deployments[0].withdraw_by_s, model::Dist::fixed(2 * 86400.0));
}

TEST(LoadScenario, FleetCarriesEveryCohortEligibleOnItsNation) {
  const std::string text = edited("  - id: us-citizens\n    nation: us ",
                                  "  - id: us-citizens\n    nation: us\n"
                                  "  - id: sivs\n    nation: af\n    eligible_on: [us, uk]\n"
                                  "  - id: uk-citizens\n    nation: uk ") +
                           "";
  const std::string with_nations =
      text.substr(0, text.find("cohorts:")) + "  - id: uk\n  - id: af\n" + text.substr(text.find("cohorts:"));
  const LoadResult r = load(with_nations);
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.scenario->fleets[0].carries, (std::vector<std::string>{"us-citizens", "sivs"}));
}

TEST(LoadScenario, EveryTableDefaultParses) {
  // Defaults are written as users write values and read by the same code: each must read cleanly.
  Diagnostics diags;
  ValueReader reader(diags, std::nullopt);
  int checked = 0;
  for (const EntitySpec* spec : all_specs()) {
    for (const KeySpec& key : spec->keys) {
      if (key.presence != Presence::Default) continue;
      const Node n = Node::make_scalar(std::string(key.def));
      const ValueOptions opt{.bound = key.bound, .never = key.never};
      const std::string where = std::string(spec->kind) + "." + std::string(key.name);
      switch (key.type) {
        case KeyType::Int: EXPECT_TRUE(reader.integer(n, where, opt, 0, 1 << 30)) << where; break;
        case KeyType::Seed: EXPECT_TRUE(reader.seed(n, where)) << where; break;
        case KeyType::Number: EXPECT_TRUE(reader.number(n, where, opt)) << where; break;
        case KeyType::Duration: EXPECT_TRUE(reader.duration(n, where, opt)) << where; break;
        case KeyType::NumberDist: EXPECT_TRUE(reader.dist(n, where, Quantity::Number, opt)) << where; break;
        case KeyType::DurationDist: EXPECT_TRUE(reader.dist(n, where, Quantity::Duration, opt)) << where; break;
        case KeyType::TimeDist: EXPECT_TRUE(reader.dist(n, where, Quantity::Time, opt)) << where; break;
        case KeyType::Choice:
          EXPECT_NE(std::find(key.choices.begin(), key.choices.end(), key.def), key.choices.end()) << where;
          break;
        case KeyType::Text: EXPECT_EQ(key.def, "\"\"") << where; break;
        case KeyType::Entities:
        case KeyType::Records:
        case KeyType::RefList: EXPECT_EQ(key.def, "[]") << where; break;
        case KeyType::Counts: EXPECT_EQ(key.def, "{}") << where; break;
        default: ADD_FAILURE() << where << " has a default of a type the loader does not default";
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 30);
  EXPECT_TRUE(diags.empty()) << ::testing::PrintToString(diags.sorted().empty() ? "" : diags.sorted()[0].str());
}

TEST(LoadScenario, ReportsEveryProblemAtOnceSortedByPosition) {
  std::string text = edited("    aircraft: 4", "    aircraft: -4");
  text = text.substr(0, text.find("    parking: 2")) + "    parking: 0" + text.substr(text.find("    parking: 2") + 14);
  text = text.substr(0, text.find("end: +3d")) + "end: -3d" + text.substr(text.find("end: +3d") + 8);
  const LoadResult r = load(text);
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.scenario.has_value());
  const auto got = messages(r);
  ASSERT_EQ(got.size(), 3u) << ::testing::PrintToString(got);
  EXPECT_NE(got[0].find(": end: must be after start (got 2021-08-12T00:00:00+04:30)"), std::string::npos);
  EXPECT_NE(got[1].find(": airports.hkia.parking: must be >= 1 (got 0)"), std::string::npos);
  EXPECT_NE(got[2].find(": fleets.us-c17.aircraft: must be >= 0 (got -4)"), std::string::npos);
}

TEST(LoadScenario, RejectsDepartureToAirportWithoutRoad) {
  const LoadResult r = load(edited("    from: kabul ", "    from: al-udeid "));
  ASSERT_FALSE(r.ok());
  const auto got = messages(r);
  ASSERT_EQ(got.size(), 1u) << ::testing::PrintToString(got);
  EXPECT_NE(got[0].find("cities.kabul.departures.0.to: no route from city 'kabul' to airport 'hkia'"),
            std::string::npos);
}

TEST(LoadScenario, RejectsRouteWithBothTravelTimeAndDistance) {
  const LoadResult r = load(edited("    travel_time: 45min", "    travel_time: 45min\n    distance_km: 30"));
  ASSERT_EQ(messages(r).size(), 1u);
  EXPECT_EQ(r.diagnostics[0].path, "routes.kabul-hkia.distance_km");
  EXPECT_EQ(r.diagnostics[0].message, "give travel_time, or distance_km and speed_kmh, not both");
}

TEST(LoadScenario, RejectsRouteWithNeitherTravelTimeNorDistance) {
  const LoadResult r = load(edited("    travel_time: 45min\n", ""));
  ASSERT_EQ(messages(r).size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "missing travel_time (or distance_km and speed_kmh) of route");
}

TEST(LoadScenario, RejectsAmbiguousIncidentTarget) {
  // A route named like the airport: `target: hkia` could mean either.
  const LoadResult r = load(edited("  - id: kabul-hkia", "  - id: hkia") +
                            "incidents:\n  - id: blast\n    at: +1d\n    target: hkia\n");
  const auto got = messages(r);
  ASSERT_EQ(got.size(), 1u) << ::testing::PrintToString(got);
  EXPECT_NE(got[0].find("ambiguous target 'hkia': both airport and route"), std::string::npos);
}

TEST(LoadScenario, ResolvesIncidentTargetKinds) {
  const LoadResult r = load(minimal_text() +
                            "incidents:\n"
                            "  - {id: a, at: +1d, target: hkia}\n"
                            "  - {id: b, at: +1d, target: hkia/abbey, effect: reduce, factor: 0.5, duration: 2h}\n"
                            "  - {id: c, at: +1d, target: kabul-hkia}\n"
                            "  - {id: d, at: +1d, target: al-udeid}\n");
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r));
  const auto& in = r.scenario->incidents;
  EXPECT_EQ(in[0].target_kind, model::TargetKind::Airport);
  EXPECT_EQ(in[1].target_kind, model::TargetKind::Gate);
  EXPECT_EQ(in[1].effect, model::Effect::Reduce);
  EXPECT_EQ(in[1].factor, 0.5);
  EXPECT_EQ(in[1].duration_s, model::Dist::fixed(7200));
  EXPECT_EQ(in[2].target_kind, model::TargetKind::Route);
  EXPECT_EQ(in[3].target_kind, model::TargetKind::StagingBase);
  EXPECT_EQ(in[0].factor, 0);
  EXPECT_EQ(in[0].duration_s, model::Dist::fixed(model::kNever));
}

TEST(LoadScenario, ReportsAMissingFileWithoutPosition) {
  const LoadResult r = load_file("no/such/scenario.yaml");
  EXPECT_EQ(messages(r), (std::vector<std::string>{"no/such/scenario.yaml: cannot read the scenario: no such file"}));
}

TEST(LoadScenario, CapsTheNumberOfReportedProblems) {
  std::string text = minimal_text() + "deployments:\n";
  for (int i = 0; i < 300; ++i) text += "  - {id: d" + std::to_string(i) + ", nation: xx, airport: hkia, troops: 1}\n";
  const LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), Diagnostics::kMaxErrors + 1);
  EXPECT_EQ(r.diagnostics.back().message, "too many problems; 100 more not shown");
}

TEST(LoadScenario, SuggestsTheClosestIdForADanglingReference) {
  const LoadResult r = load(edited("    serves: [hkia]", "    serves: [hkai]"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].path, "fleets.us-c17.serves.0");
  EXPECT_EQ(r.diagnostics[0].message, "unknown airport 'hkai' (did you mean 'hkia'?)");
}

TEST(LoadScenario, RefusesAnExplicitlyEmptyCarriesList) {
  // Left out, carries is derived; written empty, it would be a fleet that boards nobody.
  const LoadResult r = load(edited("    turnaround: 2h", "    turnaround: 2h\n    carries: []"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].path, "fleets.us-c17.carries");
  EXPECT_EQ(r.diagnostics[0].message, "must not be empty");
}

TEST(DiagnosticStr, UsesCompilerFormat) {
  const Diagnostic d{.file = "k.yaml", .line = 14, .column = 7, .path = "airports.hkia.parking",
                     .message = "must be >= 1 (got 0)"};
  EXPECT_EQ(d.str(), "k.yaml:14:7: airports.hkia.parking: must be >= 1 (got 0)");
  const Diagnostic e{.file = "k.yaml", .line = 2, .column = 1, .path = "x", .message = "bad", .expected = "good"};
  EXPECT_EQ(e.str(), "k.yaml:2:1: x: bad (expected good)");
  const Diagnostic f{.file = "k.yaml", .message = "cannot read"};
  EXPECT_EQ(f.str(), "k.yaml: cannot read");
}

}  // namespace
}  // namespace sim::scenario
