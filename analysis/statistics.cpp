#include "analysis/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cassert>
#include <cmath>
#include <limits>

namespace analysis {

double mean(const Eigen::Ref<const Eigen::VectorXd>& values) {
  return values.size() == 0 ? std::numeric_limits<double>::quiet_NaN() : values.mean();
}

double sample_sd(const Eigen::Ref<const Eigen::VectorXd>& values) {
  if (values.size() < 2) return 0;
  const double m = values.mean();
  const double sum_sq = (values.array() - m).square().sum();
  return std::sqrt(sum_sq / static_cast<double>(values.size() - 1));
}

double t_critical(double alpha, double df) {
  boost::math::students_t_distribution<double> dist(df);
  return boost::math::quantile(boost::math::complement(dist, alpha / 2));
}

namespace {

// The interval difference +- t * se; a zero standard error (every replication gave the same
// difference, as deterministic parts of a model do) gives the degenerate interval [d, d].
DifferenceEstimate make_estimate(double difference, double se, double df, double alpha) {
  DifferenceEstimate e;
  e.difference = difference;
  e.standard_error = se;
  e.df = df;
  if (se > 0) {
    e.t = difference / se;
    const double half = t_critical(alpha, df) * se;
    e.ci_low = difference - half;
    e.ci_high = difference + half;
  } else {
    e.t = difference == 0 ? 0 : std::copysign(std::numeric_limits<double>::infinity(), difference);
    e.ci_low = e.ci_high = difference;
  }
  return e;
}

}  // namespace

DifferenceEstimate paired_difference(const Eigen::Ref<const Eigen::VectorXd>& baseline,
                                     const Eigen::Ref<const Eigen::VectorXd>& alternative, double alpha) {
  assert(baseline.size() == alternative.size() && baseline.size() >= 2);
  const Eigen::VectorXd d = alternative - baseline;
  const double n = static_cast<double>(d.size());
  return make_estimate(d.mean(), sample_sd(d) / std::sqrt(n), n - 1, alpha);
}

DifferenceEstimate welch_difference(const Eigen::Ref<const Eigen::VectorXd>& baseline,
                                    const Eigen::Ref<const Eigen::VectorXd>& alternative, double alpha) {
  assert(baseline.size() >= 2 && alternative.size() >= 2);
  const double n1 = static_cast<double>(baseline.size());
  const double n2 = static_cast<double>(alternative.size());
  const double v1 = std::pow(sample_sd(baseline), 2) / n1;  // squared standard error of each mean
  const double v2 = std::pow(sample_sd(alternative), 2) / n2;
  const double se = std::sqrt(v1 + v2);
  // Welch–Satterthwaite; when both variances are 0 the df do not matter (degenerate interval).
  const double df = se > 0 ? (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1)) : n1 + n2 - 2;
  return make_estimate(alternative.mean() - baseline.mean(), se, df, alpha);
}

}  // namespace analysis
