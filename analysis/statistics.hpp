// Confidence intervals for the difference of two means (alternative minus baseline).
//
// Two estimators, chosen by how the replications were drawn:
//  - paired: both runs used the same seeds, so replication r of each shares random numbers
//    (common random numbers); the interval is built from the per-replication differences.
//  - Welch: independent samples with possibly unequal variances and sizes; degrees of freedom by
//    the Welch–Satterthwaite equation.
// Student-t quantiles come from Boost.Math, so any alpha and any degrees of freedom are exact.
//
// Example:
//   Eigen::VectorXd base(3), alt(3);
//   base << 10, 12, 11;  alt << 12, 13, 14;
//   DifferenceEstimate e = paired_difference(base, alt, 0.05);
//   // e.difference == 2, e.df == 2, [e.ci_low, e.ci_high] is the 95% interval
#pragma once

#include <Eigen/Core>

namespace analysis {

struct DifferenceEstimate {
  double difference = 0;  // mean(alternative) - mean(baseline)
  double standard_error = 0;
  double df = 0;          // degrees of freedom of the t statistic
  double t = 0;           // difference / standard_error (0 when both are 0, +-inf when only se is)
  double ci_low = 0;
  double ci_high = 0;
};

// Sample mean and (n - 1) standard deviation; sd is 0 for fewer than two values.
double mean(const Eigen::Ref<const Eigen::VectorXd>& values);
double sample_sd(const Eigen::Ref<const Eigen::VectorXd>& values);

// Two-sided (1 - alpha) quantile of Student's t: the t with P(|T| <= t) = 1 - alpha.
double t_critical(double alpha, double df);

// Paired interval: baseline(i) and alternative(i) are the same replication. Needs n >= 2 and equal
// sizes (checked by assertion: callers decide pairing before calling).
DifferenceEstimate paired_difference(const Eigen::Ref<const Eigen::VectorXd>& baseline,
                                     const Eigen::Ref<const Eigen::VectorXd>& alternative, double alpha);

// Welch interval for independent samples; needs at least two values on each side.
DifferenceEstimate welch_difference(const Eigen::Ref<const Eigen::VectorXd>& baseline,
                                    const Eigen::Ref<const Eigen::VectorXd>& alternative, double alpha);

}  // namespace analysis
