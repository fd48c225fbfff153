#include "sim/model/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace sim::model {
namespace {
// z such that P(Z <= z) = 0.9 for a standard normal.
constexpr double kZ90 = 1.2815515655446004;
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

std::string_view to_string(DistKind kind) {
  switch (kind) {
    case DistKind::Fixed: return "fixed";
    case DistKind::Uniform: return "uniform";
    case DistKind::Triangular: return "triangular";
    case DistKind::Normal: return "normal";
    case DistKind::Lognormal: return "lognormal";
    case DistKind::Exponential: return "exponential";
    case DistKind::Empirical: return "empirical";
  }
  return "fixed";
}

double Dist::expected() const {
  switch (kind) {
    case DistKind::Fixed: return value;
    case DistKind::Uniform: return (min + max) / 2;
    case DistKind::Triangular: return (min + mode + max) / 3;
    case DistKind::Normal: return mean;
    case DistKind::Lognormal: {
      const double sigma = std::log(p90 / median) / kZ90;
      return median * std::exp(sigma * sigma / 2);
    }
    case DistKind::Exponential: return mean;
    case DistKind::Empirical: {
      if (values.empty()) return 0;
      if (weights.empty()) return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
      const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
      return std::inner_product(values.begin(), values.end(), weights.begin(), 0.0) / total;
    }
  }
  return value;
}

double Dist::lower() const {
  switch (kind) {
    case DistKind::Fixed: return value;
    case DistKind::Uniform:
    case DistKind::Triangular: return min;
    case DistKind::Normal: return -kInf;
    case DistKind::Lognormal:
    case DistKind::Exponential: return 0;
    case DistKind::Empirical: return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
  }
  return value;
}

double Dist::upper() const {
  switch (kind) {
    case DistKind::Fixed: return value;
    case DistKind::Uniform:
    case DistKind::Triangular: return max;
    case DistKind::Normal:
    case DistKind::Lognormal:
    case DistKind::Exponential: return kInf;
    case DistKind::Empirical: return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  }
  return value;
}

double Dist::sample(Rng& rng, bool non_negative) const {
  double x = value;
  switch (kind) {
    case DistKind::Fixed: x = value; break;
    case DistKind::Uniform: x = min + (max - min) * rng.uniform01(); break;
    case DistKind::Triangular: {
      const double u = rng.uniform01();
      const double span = max - min;
      if (span <= 0) { x = min; break; }
      const double cut = (mode - min) / span;
      x = u < cut ? min + std::sqrt(u * span * (mode - min)) : max - std::sqrt((1 - u) * span * (max - mode));
      break;
    }
    case DistKind::Normal:
      x = mean + sd * rng.standard_normal();
      if (non_negative) {
        for (int tries = 0; x < 0 && tries < 64; ++tries) x = mean + sd * rng.standard_normal();
      }
      break;
    case DistKind::Lognormal: {
      const double sigma = std::log(p90 / median) / kZ90;
      x = median * std::exp(sigma * rng.standard_normal());
      break;
    }
    case DistKind::Exponential: x = -mean * std::log(rng.uniform01()); break;
    case DistKind::Empirical: {
      if (values.empty()) { x = 0; break; }
      if (weights.empty()) {
        const auto i = static_cast<std::size_t>(rng.uniform01() * static_cast<double>(values.size()));
        x = values[std::min(i, values.size() - 1)];
        break;
      }
      const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
      double target = rng.uniform01() * total;
      std::size_t i = 0;
      for (; i + 1 < values.size(); ++i) {
        if (target < weights[i]) break;
        target -= weights[i];
      }
      x = values[i];
      break;
    }
  }
  if (non_negative && x < 0) x = 0;
  return x;
}

}  // namespace sim::model
