#include "sim/flow/troops.hpp"

#include <algorithm>
#include <cmath>

namespace sim::flow {
namespace {

// Fraction of a ramp from a to b completed at t (a step at a when a == b).
double ramp(double t, double a, double b) {
  if (t < a) return 0;
  if (t >= b) return 1;
  return (t - a) / (b - a);
}

}  // namespace

double TroopSchedule::exact(double t) const {
  double n = 0;
  for (const auto& d : deployments_) {
    const double arrived = ramp(t, d.arrive_from_s, d.arrive_from_s + d.arrive_over_s);
    const double left = std::isinf(d.withdraw_from_s) ? 0 : ramp(t, d.withdraw_from_s, d.withdraw_by_s);
    n += static_cast<double>(d.troops) * std::max(0.0, arrived - left);
  }
  return n;
}

std::int64_t TroopSchedule::at(double t) const { return static_cast<std::int64_t>(std::floor(exact(t) + 1e-6)); }

std::vector<double> TroopSchedule::change_times(const std::vector<double>& thresholds, double from, double to) const {
  // exact() is piecewise linear between the ramps' ends: solve each piece for each threshold.
  std::vector<double> knots{from, to};
  for (const auto& d : deployments_) {
    for (double k : {d.arrive_from_s, d.arrive_from_s + d.arrive_over_s, d.withdraw_from_s, d.withdraw_by_s})
      if (k > from && k < to) knots.push_back(k);
  }
  std::sort(knots.begin(), knots.end());
  knots.erase(std::unique(knots.begin(), knots.end()), knots.end());
  std::vector<double> out;
  for (std::size_t i = 0; i + 1 < knots.size(); ++i) {
    const double a = knots[i], b = knots[i + 1];
    // Values just inside the piece (steps happen exactly at knots).
    const double va = exact(a), vb = exact(b - 1e-9 * std::max(1.0, std::abs(b)));
    if (i > 0 && at(a) != at(a - 1e-6)) out.push_back(a);  // a step at the knot itself
    for (double th : thresholds) {
      if ((va < th && vb >= th) || (va >= th && vb < th)) {
        double t = a + (th - va) / (vb - va) * (b - a);
        if (vb < va) t += 1e-6;  // falling: just after the count drops below the threshold
        if (t > from && t <= to) out.push_back(t);
      }
    }
  }
  if (knots.size() >= 2 && at(to) != at(to - 1e-6)) out.push_back(to);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace sim::flow
