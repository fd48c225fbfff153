// Streaming statistics of waits and times: exact count, mean and max, and quantiles from a log-linear
// histogram (relative error below 0.5%), so memory does not grow with the number of people.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace sim::flow {

class Histogram {
 public:
  void add(double x, std::int64_t count = 1) {
    if (count <= 0) return;
    count_ += count;
    sum_ += x * static_cast<double>(count);
    max_ = std::max(max_, x);
    if (x <= kMin) {
      zeros_ += count;
      return;
    }
    // Most values fall in the bucket of the one before (its bucket exists: see add_to_bucket).
    if (x > in_lo_ && x < in_hi_) {
      buckets_[in_bucket_] += count;
      return;
    }
    add_to_bucket(x, count);
  }
  std::int64_t count() const { return count_; }
  double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0; }
  double max() const { return max_; }
  /// The q-quantile (0 <= q <= 1) of the values added: the smallest bucket value with at least q*count
  /// values at or below it. 0 when empty.
  double quantile(double q) const;
  void merge(const Histogram& other);

 private:
  // Values are seconds; below a millisecond counts as zero. 100 buckets per factor of e: ~1% width,
  // values reported at the bucket's geometric centre (error < 0.5%).
  static constexpr double kMin = 1e-3;
  static constexpr double kPerE = 100.0;

  /// Adds `count` values x > kMin outside the kept bucket's range, and keeps x's bucket and range:
  /// consecutive values (waits of people queued one after another) mostly fall in the bucket of the
  /// one before, which add() then finds without a log().
  void add_to_bucket(double x, std::int64_t count);
  static int bucket_of(double x);
  static double value_of(int bucket);
  std::vector<std::int64_t> buckets_;
  std::int64_t zeros_ = 0;  ///< values <= kMin (treated as 0)
  std::int64_t count_ = 0;
  double sum_ = 0, max_ = 0;
  /// Values strictly inside [in_lo_, in_hi_] are certainly in bucket in_bucket_ (a margin of 1e-12,
  /// far above log()'s rounding error, keeps this exact); empty until the first value.
  double in_lo_ = 1, in_hi_ = 0;
  std::size_t in_bucket_ = 0;
};

}  // namespace sim::flow
