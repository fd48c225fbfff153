// Scalars of the scenario language: durations, times, numbers, integers and distributions, read
// through ValueReader exactly as the loader reads them, and written back exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/model/time.hpp"
#include "sim/scenario/values.hpp"

namespace sim::scenario {
namespace {

using model::Dist;
using model::DistKind;

// 2021-08-13T00:00+04:30, the Kabul reference start.
model::Clock kabul_clock() {
  const auto start = model::parse_iso8601("2021-08-13T00:00+04:30");
  return model::Clock{.start_epoch_s = static_cast<std::int64_t>(model::epoch_seconds(*start)), .offset_min = 270};
}

/// Reads `text` with a fresh reader; keeps the diagnostics for inspection.
struct Harness {
  Diagnostics diags;
  int file = diags.add_file("test.yaml");
  ValueReader reader{diags, kabul_clock()};

  Node scalar(const std::string& text, bool quoted = false) {
    return Node::make_scalar(text, Mark{file, 1, 1}, quoted);
  }
  Node yaml(const std::string& text) {
    std::optional<Node> n = parse_document(text, file, diags);
    EXPECT_TRUE(n.has_value()) << text;
    return n.value_or(Node{});
  }
  std::string only_message() {
    const auto all = diags.sorted();
    EXPECT_EQ(all.size(), 1u);
    return all.empty() ? "" : all.front().str();
  }
};

TEST(ReadDuration, AcceptsUnitsCombinationsAndDecimals) {
  Harness h;
  EXPECT_EQ(h.reader.duration(h.scalar("3h30min"), "x"), 12600.0);
  EXPECT_EQ(h.reader.duration(h.scalar("90s"), "x"), 90.0);
  EXPECT_EQ(h.reader.duration(h.scalar("2d"), "x"), 172800.0);
  EXPECT_EQ(h.reader.duration(h.scalar("1.5h"), "x"), 5400.0);
  EXPECT_EQ(h.reader.duration(h.scalar("1d2h3min4s"), "x"), 86400.0 + 7200 + 180 + 4);
  EXPECT_TRUE(h.diags.empty());
}

TEST(ReadDuration, RejectsBareNumberWithUnitsHint) {
  Harness h;
  EXPECT_FALSE(h.reader.duration(h.scalar("90"), "gates.abbey.service_time"));
  EXPECT_EQ(h.only_message(),
            "test.yaml:1:1: gates.abbey.service_time: a bare number is not a duration (got 90) "
            "(expected a duration with units, e.g. 90s, 3h30min)");
}

TEST(ReadDuration, RejectsUnknownUnitAndNegative) {
  Harness h;
  EXPECT_FALSE(h.reader.duration(h.scalar("3 hours"), "x"));
  EXPECT_FALSE(h.reader.duration(h.scalar("-5min"), "x"));
  EXPECT_FALSE(h.reader.duration(h.scalar("h"), "x"));
  EXPECT_EQ(h.diags.count(), 3u);
}

TEST(ReadDuration, AppliesBoundInSeconds) {
  Harness h;
  EXPECT_FALSE(h.reader.duration(h.scalar("0s"), "turnaround", {.bound = kPositive}));
  EXPECT_EQ(h.only_message(), "test.yaml:1:1: turnaround: must be > 0s (got 0s)");
}

TEST(ReadDuration, AcceptsNeverOnlyWhereAllowed) {
  Harness h;
  EXPECT_EQ(h.reader.duration(h.scalar("never"), "x", {.never = true}), model::kNever);
  EXPECT_FALSE(h.reader.duration(h.scalar("never"), "x"));
  EXPECT_EQ(h.diags.count(), 1u);
}

TEST(ReadTime, ReadsIsoWithOffsetAsSecondsSinceStart) {
  Harness h;
  EXPECT_EQ(h.reader.time(h.scalar("2021-08-15T14:00+04:30"), "x"), 2 * 86400.0 + 14 * 3600);
  // The same instant written in UTC.
  EXPECT_EQ(h.reader.time(h.scalar("2021-08-15T09:30Z"), "x"), 2 * 86400.0 + 14 * 3600);
  EXPECT_EQ(h.reader.time(h.scalar("2021-08-12T23:00+04:30"), "x"), -3600.0);
  EXPECT_TRUE(h.diags.empty());
}

TEST(ReadTime, ReadsOffsetsFromStart) {
  Harness h;
  EXPECT_EQ(h.reader.time(h.scalar("+36h"), "x"), 36 * 3600.0);
  EXPECT_EQ(h.reader.time(h.scalar("+1d12h"), "x"), 36 * 3600.0);
  EXPECT_EQ(h.reader.time(h.scalar("-2h"), "x"), -7200.0);
  EXPECT_TRUE(h.diags.empty());
}

TEST(ReadTime, RejectsTimeWithoutOffset) {
  Harness h;
  EXPECT_FALSE(h.reader.time(h.scalar("2021-08-15T14:00"), "cities.kabul.captured_at"));
  EXPECT_NE(h.only_message().find("time without a UTC offset: '2021-08-15T14:00'"), std::string::npos);
}

TEST(ReadTime, RejectsBareNumberAndImpossibleDates) {
  Harness h;
  EXPECT_FALSE(h.reader.time(h.scalar("36"), "x"));
  EXPECT_FALSE(h.reader.time(h.scalar("2021-02-30T00:00+04:30"), "x"));
  EXPECT_FALSE(h.reader.time(h.scalar("+36"), "x"));
  EXPECT_EQ(h.diags.count(), 3u);
}

TEST(ReadTime, SkipsAbsoluteTimesSilentlyWithoutStart) {
  Diagnostics diags;
  ValueReader reader(diags, std::nullopt);
  EXPECT_FALSE(reader.time(Node::make_scalar("2021-08-15T14:00+04:30"), "x"));
  EXPECT_EQ(reader.time(Node::make_scalar("+1h"), "x"), 3600.0);
  EXPECT_TRUE(diags.empty());
}

TEST(ReadNumber, RejectsInfinityAndNaN) {
  Harness h;
  for (const char* text : {".inf", "-.inf", ".nan", ".NaN", "inf", "nan"})
    EXPECT_FALSE(h.reader.number(h.scalar(text), "x")) << text;
  EXPECT_EQ(h.diags.count(), 6u);
  EXPECT_NE(h.diags.sorted().front().message.find("must be finite"), std::string::npos);
}

TEST(ReadNumber, RejectsQuotedNumberAndWords) {
  Harness h;
  EXPECT_FALSE(h.reader.number(h.scalar("40", true), "x"));
  EXPECT_FALSE(h.reader.number(h.scalar("forty"), "x"));
  EXPECT_EQ(h.diags.count(), 2u);
}

TEST(ReadNumber, AcceptsSignsAndExponents) {
  Harness h;
  EXPECT_EQ(h.reader.number(h.scalar("+2.5"), "x"), 2.5);
  EXPECT_EQ(h.reader.number(h.scalar("-3"), "x"), -3.0);
  EXPECT_EQ(h.reader.number(h.scalar("1e3"), "x"), 1000.0);
  EXPECT_TRUE(h.diags.empty());
}

TEST(ReadInteger, RejectsFractionsAndOverflow) {
  Harness h;
  EXPECT_EQ(h.reader.integer(h.scalar("40"), "x", {}, 0, 100), 40);
  EXPECT_FALSE(h.reader.integer(h.scalar("1.5"), "x", {}, 0, 100));
  EXPECT_FALSE(h.reader.integer(h.scalar("101"), "x", {}, 0, 100));
  EXPECT_EQ(h.diags.count(), 2u);
}

TEST(ReadSeed, ReadsTheFull64BitRange) {
  Harness h;
  EXPECT_EQ(h.reader.seed(h.scalar("18446744073709551615"), "seed"), 18446744073709551615ull);
  EXPECT_FALSE(h.reader.seed(h.scalar("18446744073709551616"), "seed"));
  EXPECT_FALSE(h.reader.seed(h.scalar("-1"), "seed"));
  EXPECT_EQ(h.diags.count(), 2u);
}

TEST(ReadDist, ReadsEveryKindOverNumbers) {
  Harness h;
  EXPECT_EQ(h.reader.dist(h.scalar("5"), "x", Quantity::Number), Dist::fixed(5));
  EXPECT_EQ(h.reader.dist(h.yaml("{dist: fixed, value: 7}"), "x", Quantity::Number), Dist::fixed(7));
  EXPECT_EQ(h.reader.dist(h.yaml("{dist: uniform, min: 1, max: 2}"), "x", Quantity::Number), Dist::uniform(1, 2));
  EXPECT_EQ(h.reader.dist(h.yaml("{dist: triangular, min: 1, mode: 2, max: 4}"), "x", Quantity::Number),
            Dist::triangular(1, 2, 4));
  EXPECT_EQ(h.reader.dist(h.yaml("{dist: normal, mean: 10, sd: 2}"), "x", Quantity::Number), Dist::normal(10, 2));
  EXPECT_EQ(h.reader.dist(h.yaml("{dist: lognormal, median: 10, p90: 20}"), "x", Quantity::Number),
            Dist::lognormal(10, 20));
  EXPECT_EQ(h.reader.dist(h.yaml("{dist: exponential, mean: 3}"), "x", Quantity::Number), Dist::exponential(3));
  EXPECT_EQ(h.reader.dist(h.yaml("{dist: empirical, values: [1, 2], weights: [3, 1]}"), "x", Quantity::Number),
            Dist::empirical({1, 2}, {3, 1}));
  EXPECT_EQ(h.reader.dist(h.yaml("{dist: empirical, values: [1, 2]}"), "x", Quantity::Number),
            Dist::empirical({1, 2}));
  EXPECT_TRUE(h.diags.empty());
}

TEST(ReadDist, ReadsTimesWithDurationSpread) {
  Harness h;
  const auto d = h.reader.dist(h.yaml("{dist: normal, mean: 2021-08-15T14:00+04:30, sd: 6h}"), "x", Quantity::Time);
  EXPECT_EQ(d, Dist::normal(2 * 86400.0 + 14 * 3600, 6 * 3600.0));
  const auto u = h.reader.dist(h.yaml("{dist: uniform, min: +1d, max: 2021-08-16T00:00+04:30}"), "x", Quantity::Time);
  EXPECT_EQ(u, Dist::uniform(86400, 3 * 86400));
  EXPECT_TRUE(h.diags.empty());
}

TEST(ReadDist, AllowsNeverInEmpiricalTimes) {
  Harness h;
  const auto d = h.reader.dist(h.yaml("{dist: empirical, values: [+2d, never], weights: [3, 1]}"), "x",
                               Quantity::Time, {.never = true});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->values, (std::vector<double>{2 * 86400.0, model::kNever}));
  // But not as a bound of a uniform: its range must be finite.
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: uniform, min: +1d, max: never}"), "x", Quantity::Time, {.never = true}));
  EXPECT_EQ(h.diags.count(), 1u);
}

TEST(ReadDist, RejectsLognormalAndExponentialOverTimes) {
  Harness h;
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: lognormal, median: +1d, p90: +2d}"), "cities.kabul.captured_at",
                             Quantity::Time));
  EXPECT_EQ(h.only_message(),
            "test.yaml:1:8: cities.kabul.captured_at.dist: lognormal is not available for times "
            "(expected fixed, uniform, triangular, normal or empirical)");
}

TEST(ReadDist, RejectsUnknownKindWithSuggestion) {
  Harness h;
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: unifrom, min: 1, max: 2}"), "x", Quantity::Number));
  EXPECT_NE(h.only_message().find("unknown distribution 'unifrom' (did you mean 'uniform'?)"), std::string::npos);
}

TEST(ReadDist, RejectsUnknownAndMissingParameters) {
  Harness h;
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: uniform, min: 1, maxx: 2}"), "x", Quantity::Number));
  const auto all = h.diags.sorted();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].str(), "test.yaml:1:1: x: missing key 'max' of a uniform distribution");
  EXPECT_EQ(all[1].str(), "test.yaml:1:25: x.maxx: unknown key 'maxx' for a uniform distribution (did you mean 'max'?)");
}

TEST(ReadDist, ChecksParameterRules) {
  Harness h;
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: uniform, min: 3, max: 2}"), "a", Quantity::Number));
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: triangular, min: 1, mode: 5, max: 4}"), "b", Quantity::Number));
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: normal, mean: 1, sd: -1}"), "c", Quantity::Number));
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: lognormal, median: 10, p90: 10}"), "d", Quantity::Number));
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: exponential, mean: 0}"), "e", Quantity::Number));
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: empirical, values: [1, 2], weights: [1]}"), "f", Quantity::Number));
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: empirical, values: [1], weights: [-1]}"), "g", Quantity::Number));
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: empirical, values: []}"), "h", Quantity::Number));
  std::vector<std::string> paths;
  for (const Diagnostic& d : h.diags.sorted()) paths.push_back(d.path);
  std::sort(paths.begin(), paths.end());  // every document is on line 1: order by path instead
  EXPECT_EQ(paths, (std::vector<std::string>{"a", "b", "c.sd", "d", "e", "f", "g.weights.0", "h"}));
}

TEST(ReadDist, AppliesBoundToEveryNamedValue) {
  Harness h;
  EXPECT_FALSE(h.reader.dist(h.yaml("{dist: uniform, min: -1, max: 2}"), "rate", Quantity::Number,
                             {.bound = kPositive}));
  EXPECT_EQ(h.only_message(), "test.yaml:1:22: rate.min: must be > 0 (got -1)");
}

TEST(FormatTime, WritesIsoWhenWholeSecondsElseOffset) {
  const model::Clock clock = kabul_clock();
  EXPECT_EQ(format_time(clock, 36 * 3600.0), "2021-08-14T12:00:00+04:30");
  EXPECT_EQ(format_time(clock, 0.5), "+0.5s");
  EXPECT_EQ(format_time(clock, -7200.5), "-7200.5s");
  EXPECT_EQ(format_time(clock, model::kNever), "never");
}

TEST(FormatDist, ReadsBackToTheSameDistribution) {
  Harness h;
  const model::Clock clock = kabul_clock();
  const std::vector<std::pair<Dist, Quantity>> cases = {
      {Dist::fixed(0.1), Quantity::Number},
      {Dist::uniform(1.0 / 3, 2), Quantity::Number},
      {Dist::triangular(1, 2.5, 1e6), Quantity::Number},
      {Dist::normal(10, 0.2), Quantity::Number},
      {Dist::lognormal(10, 20), Quantity::Duration},
      {Dist::exponential(3.25), Quantity::Duration},
      {Dist::empirical({1, 2.5}, {0.3, 0.7}), Quantity::Duration},
      {Dist::uniform(86400, 86400 * 2 + 0.25), Quantity::Time},
      {Dist::normal(3600, 1800.5), Quantity::Time},
      {Dist::empirical({-3600, model::kNever}), Quantity::Time},
  };
  for (const auto& [d, q] : cases) {
    const std::string text = format_dist(clock, d, q);
    const auto back = h.reader.dist(h.yaml(text), "x", q, {.never = true});
    EXPECT_EQ(back, d) << text;
  }
  EXPECT_TRUE(h.diags.empty());
}

TEST(FormatNumber, IsShortestExactText) {
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(1e21), "1e+21");
  EXPECT_EQ(format_number(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(std::stod(format_number(1.0 / 3)), 1.0 / 3);
}

}  // namespace
}  // namespace sim::scenario
