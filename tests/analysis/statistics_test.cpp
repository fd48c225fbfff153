// Known answers for the interval estimators, and their coverage on synthetic data.
#include "analysis/statistics.hpp"

#include <gtest/gtest.h>

#include <random>

namespace analysis {
namespace {

// Student (1908) / Cushny & Peebles: extra hours of sleep under two drugs, same ten patients
// (R's `sleep` data set). R: t.test(extra ~ group, data = sleep, paired = TRUE) gives
// t = -4.0621, df = 9, 95% CI [-2.4598858, -0.7001142] for group 1 - group 2.
Eigen::VectorXd sleep_group1() {
  Eigen::VectorXd v(10);
  v << 0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0;
  return v;
}
Eigen::VectorXd sleep_group2() {
  Eigen::VectorXd v(10);
  v << 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4;
  return v;
}

TEST(TCritical, MatchesPublishedQuantiles) {
  EXPECT_NEAR(t_critical(0.05, 1), 12.7062, 1e-4);
  EXPECT_NEAR(t_critical(0.05, 9), 2.262157, 1e-6);
  EXPECT_NEAR(t_critical(0.01, 20), 2.845340, 1e-6);
  EXPECT_NEAR(t_critical(0.05, 1e7), 1.959964, 1e-5);  // tends to the normal quantile
}

TEST(ComparePaired, MatchesTextbookExample) {
  // Alternative (group 2) minus baseline (group 1): the signs of R's answer flip.
  const DifferenceEstimate e = paired_difference(sleep_group1(), sleep_group2(), 0.05);
  EXPECT_NEAR(e.difference, 1.58, 1e-12);
  EXPECT_DOUBLE_EQ(e.df, 9);
  EXPECT_NEAR(e.t, 4.0621, 1e-4);
  EXPECT_NEAR(e.ci_low, 0.7001142, 1e-7);
  EXPECT_NEAR(e.ci_high, 2.4598858, 1e-7);
}

TEST(CompareWelch, MatchesTextbookExample) {
  // R: t.test(extra ~ group, data = sleep) (Welch): t = -1.8608, df = 17.776,
  // 95% CI [-3.3654832, 0.2054832] for group 1 - group 2.
  const DifferenceEstimate e = welch_difference(sleep_group1(), sleep_group2(), 0.05);
  EXPECT_NEAR(e.difference, 1.58, 1e-12);
  EXPECT_NEAR(e.df, 17.776, 1e-3);
  EXPECT_NEAR(e.t, 1.8608, 1e-4);
  EXPECT_NEAR(e.ci_low, -0.2054832, 1e-6);
  EXPECT_NEAR(e.ci_high, 3.3654832, 1e-6);
}

TEST(CompareWelch, DegreesOfFreedomFollowWelchSatterthwaite) {
  // By hand: s1^2 = 5/3 (n1 = 4), s2^2 = 14 (n2 = 6); v1 = 5/12, v2 = 7/3;
  // df = (v1 + v2)^2 / (v1^2 / 3 + v2^2 / 5) = 6.594671; se = sqrt(2.75) = 1.658312.
  Eigen::VectorXd base(4), alt(6);
  base << 1, 2, 3, 4;
  alt << 2, 4, 6, 8, 10, 12;
  const DifferenceEstimate e = welch_difference(base, alt, 0.10);
  EXPECT_DOUBLE_EQ(e.difference, 4.5);
  EXPECT_NEAR(e.standard_error, 1.6583124, 1e-7);
  EXPECT_NEAR(e.df, 6.594671, 1e-6);
  EXPECT_NEAR(e.ci_high - e.difference, t_critical(0.10, 6.594671) * 1.6583124, 1e-6);
  EXPECT_GT(t_critical(0.10, e.df), t_critical(0.10, 7));  // fewer df than n1 + n2 - 2 = 8: wider
}

TEST(ComparePaired, ConstantDifferenceGivesDegenerateInterval) {
  // Deterministic parts of a model change every replication by the same amount.
  Eigen::VectorXd base(3), alt(3);
  base << 10, 20, 30;
  alt << 12, 22, 32;
  const DifferenceEstimate e = paired_difference(base, alt, 0.05);
  EXPECT_DOUBLE_EQ(e.difference, 2);
  EXPECT_DOUBLE_EQ(e.ci_low, 2);
  EXPECT_DOUBLE_EQ(e.ci_high, 2);
}

// Over many synthetic experiments with a known true difference, a 95% interval should contain it
// in about 95% of them (binomial sd over 2000 trials is 0.5%, so [0.93, 0.97] is 4 sd wide).
double coverage(bool paired) {
  std::mt19937_64 rng(20210813);
  std::normal_distribution<double> noise(0.0, 1.0);
  const double true_difference = 3.0;
  const int trials = 2000;
  int covered = 0;
  for (int trial = 0; trial < trials; ++trial) {
    Eigen::VectorXd base(8), alt(paired ? 8 : 12);
    if (paired) {
      // A shared component per replication (common random numbers) plus independent noise.
      for (Eigen::Index i = 0; i < 8; ++i) {
        const double shared = 5.0 * noise(rng);
        base(i) = 100 + shared + noise(rng);
        alt(i) = 100 + true_difference + shared + 0.5 * noise(rng);
      }
    } else {
      for (Eigen::Index i = 0; i < base.size(); ++i) base(i) = 100 + 1.0 * noise(rng);
      for (Eigen::Index i = 0; i < alt.size(); ++i) alt(i) = 100 + true_difference + 4.0 * noise(rng);
    }
    const DifferenceEstimate e = paired ? paired_difference(base, alt, 0.05) : welch_difference(base, alt, 0.05);
    if (e.ci_low <= true_difference && true_difference <= e.ci_high) ++covered;
  }
  return static_cast<double>(covered) / trials;
}

TEST(ComparePaired, CoversTrueDifferenceAtNominalRate) {
  const double c = coverage(true);
  EXPECT_GE(c, 0.93);
  EXPECT_LE(c, 0.97);
}

TEST(CompareWelch, CoversTrueDifferenceAtNominalRate) {
  const double c = coverage(false);
  EXPECT_GE(c, 0.93);
  EXPECT_LE(c, 0.97);
}

}  // namespace
}  // namespace analysis
