#include "sim/flow/stats.hpp"

#include <algorithm>
#include <cmath>

namespace sim::flow {
int Histogram::bucket_of(double x) { return static_cast<int>(std::floor(std::log(x / kMin) * kPerE)); }
double Histogram::value_of(int b) { return kMin * std::exp((b + 0.5) / kPerE); }

void Histogram::add_to_bucket(double x, std::int64_t count) {
  const int b = bucket_of(x);
  // Bucket edges, computed once per process: a value jumping between buckets costs one log(), no exp().
  static const std::vector<double> edges = [] {
    std::vector<double> e(4096);
    for (std::size_t i = 0; i < e.size(); ++i) e[i] = kMin * std::exp(static_cast<double>(i) / kPerE);
    return e;
  }();
  auto edge = [&](int i) {
    return i >= 0 && static_cast<std::size_t>(i) < edges.size() ? edges[static_cast<std::size_t>(i)] : kMin * std::exp(i / kPerE);
  };
  // The bucket's range is kept for add()'s common case.
  constexpr double kMargin = 1e-12;
  in_lo_ = edge(b) * (1 + kMargin);
  in_hi_ = edge(b + 1) * (1 - kMargin);
  in_bucket_ = static_cast<std::size_t>(b);
  if (in_bucket_ >= buckets_.size()) buckets_.resize(in_bucket_ + 1, 0);
  buckets_[in_bucket_] += count;
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
