// The decision rules of one comparison row: method, NA handling, tolerances and verdicts.
#include "analysis/comparison.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace analysis {
namespace {

constexpr double kNA = std::numeric_limits<double>::quiet_NaN();

TEST(CompareSamples, PairsReplicationsWhenSeedsAreShared) {
  const Samples base{{1, 10}, {2, 20}, {3, 30}}, alt{{1, 11}, {2, 21.2}, {3, 30.8}};
  const ComparisonRow row = compare_samples(base, alt, Pairing::paired, {});
  EXPECT_EQ(row.method, "paired");
  EXPECT_DOUBLE_EQ(row.difference, 1.0);
  EXPECT_DOUBLE_EQ(row.relative_difference, 1.0 / 20);
  // Paired differences 1, 1.2, 0.8 have sd 0.2: the interval excludes 0 despite the large spread
  // between replications, which a Welch interval would not.
  EXPECT_GT(row.ci_low, 0);
  EXPECT_EQ(row.verdict, Verdict::higher);
  EXPECT_EQ(compare_samples(base, alt, Pairing::independent, {}).verdict, Verdict::no_difference);
}

TEST(CompareSamples, UsesWelchForIndependentRuns) {
  const Samples base{{1, 10}, {2, 11}, {3, 12}}, alt{{4, 20}, {5, 21}, {6, 22}, {7, 23}};
  const ComparisonRow row = compare_samples(base, alt, Pairing::independent, {});
  EXPECT_EQ(row.method, "welch");
  EXPECT_EQ(row.n_baseline, 3u);
  EXPECT_EQ(row.n_alternative, 4u);
  EXPECT_DOUBLE_EQ(row.difference, 10.5);
  EXPECT_EQ(row.verdict, Verdict::higher);
}

TEST(CompareSamples, OneReplicationComparesAgainstTolerances) {
  const Thresholds loose{.alpha = 0.05, .rel_tol = 0.01, .abs_tol = 0};
  EXPECT_EQ(compare_samples({{1, 1000}}, {{1, 1009}}, Pairing::paired, loose).verdict, Verdict::no_difference);
  const ComparisonRow row = compare_samples({{1, 1000}}, {{1, 980}}, Pairing::paired, loose);
  EXPECT_EQ(row.method, "tolerance");
  EXPECT_TRUE(std::isnan(row.ci_low));
  EXPECT_EQ(row.verdict, Verdict::lower);
}

TEST(CompareSamples, DefaultTolerancesAbsorbOnlyFloatingPointNoise) {
  EXPECT_EQ(compare_samples({{1, 0.1 + 0.2}}, {{1, 0.3}}, Pairing::paired, {}).verdict, Verdict::no_difference);
  EXPECT_EQ(compare_samples({{1, 125000}}, {{1, 125001}}, Pairing::paired, {}).verdict, Verdict::higher);
}

TEST(CompareSamples, TinySignificantDifferenceWithinToleranceIsNoDifference) {
  const Thresholds t{.alpha = 0.05, .rel_tol = 0.001, .abs_tol = 0};
  const Samples base{{1, 1000}, {2, 2000}}, alt{{1, 1000.5}, {2, 2000.5}};
  EXPECT_EQ(compare_samples(base, alt, Pairing::paired, t).verdict, Verdict::no_difference);
}

TEST(CompareSamples, EmptyCellsAreMissingNotZero) {
  // A city never captured has no captured_h: NA on one side only is a difference of its own.
  EXPECT_EQ(compare_samples({{1, kNA}}, {{1, 40.5}}, Pairing::paired, {}).verdict, Verdict::missing_in_baseline);
  EXPECT_EQ(compare_samples({{1, 40.5}}, {{1, kNA}}, Pairing::paired, {}).verdict, Verdict::missing_in_alternative);
  EXPECT_EQ(compare_samples({{1, kNA}}, {{1, kNA}}, Pairing::paired, {}).verdict, Verdict::no_difference);
  // Pairs with an NA on either side are dropped.
  const ComparisonRow row =
      compare_samples({{1, 10}, {2, kNA}, {3, 12}, {4, 13}}, {{1, 11}, {2, 50}, {3, 13}, {4, 14}}, Pairing::paired, {});
  EXPECT_EQ(row.method, "paired");
  EXPECT_EQ(row.n_baseline, 3u);
  EXPECT_DOUBLE_EQ(row.difference, 1.0);
}

}  // namespace
}  // namespace analysis
