// A quantity that may vary: a fixed value or one of the scenario language's distributions. Values are
// in the quantity's model unit (seconds for times and durations, plain numbers otherwise).
//
// Example:
//   Dist d = Dist::triangular(10, 12, 20);
//   double x = d.sample(rng);          // in [10, 20]
#pragma once

#include <string_view>
#include <vector>

#include "sim/model/random.hpp"

namespace sim::model {

enum class DistKind { Fixed, Uniform, Triangular, Normal, Lognormal, Exponential, Empirical };

std::string_view to_string(DistKind kind);

struct Dist {
  DistKind kind = DistKind::Fixed;
  // Parameters by name; each kind uses its own (see the scenario language reference).
  double value = 0;            ///< fixed
  double min = 0, max = 0;     ///< uniform, triangular
  double mode = 0;             ///< triangular
  double mean = 0, sd = 0;     ///< normal (mean, sd); exponential (mean)
  double median = 0, p90 = 0;  ///< lognormal
  std::vector<double> values, weights;  ///< empirical (weights empty: equal weights)

  static Dist fixed(double v) { return Dist{.value = v}; }
  static Dist uniform(double lo, double hi) { return Dist{.kind = DistKind::Uniform, .min = lo, .max = hi}; }
  static Dist triangular(double lo, double mo, double hi) {
    return Dist{.kind = DistKind::Triangular, .min = lo, .max = hi, .mode = mo};
  }
  static Dist normal(double mu, double sigma) { return Dist{.kind = DistKind::Normal, .mean = mu, .sd = sigma}; }
  static Dist lognormal(double med, double p90v) {
    return Dist{.kind = DistKind::Lognormal, .median = med, .p90 = p90v};
  }
  static Dist exponential(double mu) { return Dist{.kind = DistKind::Exponential, .mean = mu}; }
  static Dist empirical(std::vector<double> vs, std::vector<double> ws = {}) {
    return Dist{.kind = DistKind::Empirical, .values = std::move(vs), .weights = std::move(ws)};
  }

  bool is_fixed() const { return kind == DistKind::Fixed; }
  /// The expected value (for reports and bounds); the fixed value for Fixed.
  double expected() const;
  /// Smallest and largest possible values (-inf/+inf for unbounded kinds).
  double lower() const;
  double upper() const;

  /// One draw. `non_negative` truncates at 0 (durations, rates, counts): normal is redrawn until
  /// non-negative (at most 64 tries, then 0), others are clamped.
  double sample(Rng& rng, bool non_negative = false) const;

  bool operator==(const Dist&) const = default;
};

}  // namespace sim::model
