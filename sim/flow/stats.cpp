#include "sim/flow/stats.hpp"

#include <algorithm>
#include <cmath>

namespace sim::flow {
namespace {
// Values are seconds; below a millisecond counts as zero. 100 buckets per factor of e: ~1% width,
// values reported at the bucket's geometric centre (error < 0.5%).
constexpr double kMin = 1e-3;
constexpr double kPerE = 100.0;
}  // namespace

int Histogram::bucket_of(double x) { return static_cast<int>(std::floor(std::log(x / kMin) * kPerE)); }
double Histogram::value_of(int b) { return kMin * std::exp((b + 0.5) / kPerE); }

void Histogram::add(double x, std::int64_t count) {
  if (count <= 0) return;
  count_ += count;
  sum_ += x * static_cast<double>(count);
  max_ = std::max(max_, x);
  if (x <= kMin) {
    zeros_ += count;
    return;
  }
  const auto b = static_cast<std::size_t>(bucket_of(x));
  if (b >= buckets_.size()) buckets_.resize(b + 1, 0);
  buckets_[b] += count;
}

double Histogram::quantile(double q) const {
  if (count_ == 0) return 0;
  const double target = std::max(1.0, std::ceil(q * static_cast<double>(count_)));
  double seen = static_cast<double>(zeros_);
  if (seen >= target) return 0;
  for (std::size_t b = 0; b < buckets_.size(); ++b) {
    seen += static_cast<double>(buckets_[b]);
    if (seen >= target) return std::min(max_, value_of(static_cast<int>(b)));
  }
  return max_;
}

void Histogram::merge(const Histogram& o) {
  if (o.buckets_.size() > buckets_.size()) buckets_.resize(o.buckets_.size(), 0);
  for (std::size_t b = 0; b < o.buckets_.size(); ++b) buckets_[b] += o.buckets_[b];
  zeros_ += o.zeros_;
  count_ += o.count_;
  sum_ += o.sum_;
  max_ = std::max(max_, o.max_);
}

}  // namespace sim::flow
