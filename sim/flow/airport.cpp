#include "sim/flow/airport.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sim::flow {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

Airport::Airport(const model::Airport& spec, std::size_t cohorts, std::uint64_t seed, int replication)
    : id_(spec.id), holding_capacity_(spec.holding_capacity), troops_required_(spec.troops_required), ready_(cohorts) {
  for (const model::Gate& g : spec.gates) {
    gates_.push_back(Gate{.spec = g,
                          .rng = model::Rng::stream(seed, static_cast<std::uint64_t>(replication),
                                                    "gate/" + spec.id + "/" + g.id + "/service")});
  }
}

int Airport::nominal_open(const Gate& g) const {
  if (fallen_) return 0;
  const int base = g.spec.troops_per_lane == 0 ? g.spec.lanes : std::min(g.spec.lanes, g.spec.civilian_lanes + g.troop_lanes);
  return static_cast<int>(std::floor(base * g.factor + 1e-9));
}

void Airport::set_open(Gate& g, int open, double t) {
  next_event_ = -kInf;  // lanes change: service starts must be recomputed
  g.stats.open_lane_s += g.open * std::max(0.0, t - g.last_change);
  g.last_change = t;
  while (g.open < open) {
    g.free_at.push(t);
    ++g.open;
  }
  // Closing lanes: the ones free soonest go (a busy one finishes its current person first).
  while (g.open > open) {
    g.free_at.pop();
    --g.open;
  }
}

void Airport::set_troops(std::int64_t troops, double t) {
  troops_ = troops;
  std::int64_t surplus = std::max<std::int64_t>(0, troops - troops_required_);
  for (Gate& g : gates_) {
    g.troop_lanes = 0;
    if (g.spec.troops_per_lane > 0) {
      const std::int64_t possible = surplus / g.spec.troops_per_lane;
      g.troop_lanes = static_cast<int>(std::min<std::int64_t>(g.spec.lanes - g.spec.civilian_lanes, possible));
      surplus -= static_cast<std::int64_t>(g.troop_lanes) * g.spec.troops_per_lane;
    }
    set_open(g, nominal_open(g), t);
  }
}

std::vector<double> Airport::lane_thresholds() const {
  std::vector<double> out{static_cast<double>(troops_required_)};
  double offset = troops_required_;
  for (const Gate& g : gates_) {
    if (g.spec.troops_per_lane <= 0) continue;
    for (int k = 1; k <= g.spec.lanes - g.spec.civilian_lanes; ++k) out.push_back(offset + k * g.spec.troops_per_lane);
    offset += (g.spec.lanes - g.spec.civilian_lanes) * g.spec.troops_per_lane;
  }
  return out;
}

void Airport::set_gate_factor(int gate, double factor, double t) {
  Gate& g = gates_[static_cast<std::size_t>(gate)];
  g.factor = factor;
  set_open(g, nominal_open(g), t);
}

Airport::Gate& Airport::join(const Person& p) {
  // Join the shortest queue per open lane (first gate on ties); a gate with no open lane is joined
  // only if all are closed. (q + 1) / open is compared by cross-multiplying: same order, no division.
  // Written without branches (selects, not jumps): which gate is shortest changes from one arrival to
  // the next, and mispredicted jumps here cost more than the comparisons. best_open = 0 makes the first
  // open gate better than none.
  Gate* best = nullptr;
  std::int64_t best_q = 1, best_open = 0;
  for (Gate& g : gates_) {
    const std::int64_t q = g.queued + 1, open = g.open;
    const bool better = open > 0 && q * best_open < best_q * open;
    best = better ? &g : best;
    best_q = better ? q : best_q;
    best_open = better ? open : best_open;
  }
  if (!best) {
    best = &gates_.front();
    for (Gate& g : gates_)
      if (g.queued < best->queued) best = &g;
  }
  best->queue.push_back(Waiting{p.t, p.depart, p.origin, p.cohort});
  ++best->queued;
  ++best->stats.arrivals;
  best->stats.queue_max = std::max(best->stats.queue_max, best->queued);
  return *best;
}

void Airport::arrive(std::vector<Person>& people) {
  if (people.empty()) return;
  next_event_ = std::min(next_event_, people.front().t);
  if (arriving_.empty() || !(people.front().t < arriving_.back().t)) {
    arriving_.take(people);
    return;
  }
  // Someone sent round a cycle of roads arrives before people already on their way: merge (those
  // already here first on equal times, as they were sent first).
  std::vector<Person> merged;
  merged.reserve(arriving_.size() + people.size());
  arriving_.for_each([&](const Person& p) { merged.push_back(p); });
  const auto here = static_cast<std::ptrdiff_t>(merged.size());
  merged.insert(merged.end(), people.begin(), people.end());
  std::inplace_merge(merged.begin(), merged.begin() + here, merged.end(),
                     [](const Person& a, const Person& b) { return a.t < b.t; });
  arriving_.clear();
  arriving_.take(merged);
  people.clear();
}

void Airport::process_events(double t, Ledger& ledger) {
  // Each gate's earliest possible service start, kept up to date as people join and start service
  // (only the gate touched changes; lanes change between calls).
  auto next_start = [this](const Gate& g) {
    return g.queued == 0 || g.free_at.empty() ? kInf : std::max({g.queue.front().t, g.free_at.top(), last_t_});
  };
  for (Gate& g : gates_) g.next_start = next_start(g);
  // The next service start over all gates, looked for again only when a gate's next start or the
  // holding room changed: most arrivals join a queue that already has someone waiting.
  double ts = kInf;
  Gate* gs = nullptr;
  bool look = true;
  for (;;) {
    const double ta = arriving_.empty() ? kInf : arriving_.front().t;
    if (look) {
      look = false;
      ts = kInf;
      gs = nullptr;
      if (!fallen_ && holding_used() < holding_capacity_) {
        for (Gate& g : gates_) {
          if (g.next_start < ts) {
            ts = g.next_start;
            gs = &g;
          }
        }
      }
    }
    // Service completions before the next event move people from the lanes to the holding area.
    const double tn = std::min({ta, ts, t});
    while (!in_service_.empty() && in_service_.earliest().ready < tn) {
      const Held h = in_service_.pop();
      ready_[static_cast<std::size_t>(h.cohort)].push_back(h);
      ++ready_count_;
    }
    if (!(tn < t)) {
      next_event_ = std::min({ta, ts, in_service_.empty() ? kInf : in_service_.earliest().ready});
      break;
    }
    if (ta <= ts) {
      const Person p = arriving_.front();
      arriving_.pop_front();
      if (fallen_) {
        ledger.strand(p.origin, p.cohort, 1, Where::Airport);
      } else {
        Gate& joined = join(p);
        if (joined.queued == 1) {
          joined.next_start = next_start(joined);
          look = true;
        }
      }
      continue;
    }
    Gate& g = *gs;
    const Waiting p = g.queue.front();
    g.queue.pop_front();
    --g.queued;
    const double service = g.spec.service_time_s.sample(g.rng, true);
    g.free_at.replace_top(ts + service);
    g.next_start = next_start(g);
    g.stats.wait_s.add(ts - p.t);
    ++g.stats.served;
    g.stats.busy_lane_s += service;
    in_service_.push(Held{ts + service, p.depart, p.origin, p.cohort});
    look = true;
  }
  last_t_ = std::max(last_t_, t);
}

std::int64_t Airport::queued() const {
  std::int64_t n = 0;
  for (const Gate& g : gates_) n += g.queued;
  return n;
}

bool Airport::gates_saturated(double t) const {
  for (const Gate& g : gates_)
    if (!g.queue.empty() && g.open > 0 && g.free_at.top() > t) return true;
  return false;
}

bool Airport::gates_short_of_troops(double t) const {
  for (const Gate& g : gates_) {
    if (g.queue.empty() || g.spec.troops_per_lane == 0) continue;
    const bool all_busy = g.open == 0 || g.free_at.top() > t;
    if (all_busy && g.spec.civilian_lanes + g.troop_lanes < g.spec.lanes) return true;
  }
  return false;
}

std::int64_t Airport::ready_count(const std::vector<int>& carries) const {
  std::int64_t n = 0;
  for (int c : carries) n += static_cast<std::int64_t>(ready_[static_cast<std::size_t>(c)].size());
  return n;
}

std::vector<Held> Airport::board(const std::vector<int>& carries, const std::vector<int>& priority_of,
                                 std::int64_t seats) {
  next_event_ = -kInf;  // holding room frees: service starts must be recomputed
  std::vector<Held> aboard;
  aboard.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(seats, 0, ready_count_)));
  std::size_t i = 0;
  while (i < carries.size() && static_cast<std::int64_t>(aboard.size()) < seats) {
    // One priority group at a time; within it, first come (earliest service end) first served.
    std::size_t j = i;
    const int prio = priority_of[static_cast<std::size_t>(carries[i])];
    while (j < carries.size() && priority_of[static_cast<std::size_t>(carries[j])] == prio) ++j;
    while (static_cast<std::int64_t>(aboard.size()) < seats) {
      std::deque<Held>* best = nullptr;
      for (std::size_t k = i; k < j; ++k) {
        auto& q = ready_[static_cast<std::size_t>(carries[k])];
        if (!q.empty() && (!best || q.front().ready < best->front().ready)) best = &q;
      }
      if (!best) break;
      aboard.push_back(best->front());
      best->pop_front();
      --ready_count_;
    }
    i = j;
  }
  return aboard;
}

void Airport::strand_everyone(Ledger& ledger) {
  for (Gate& g : gates_) {
    for (const Waiting& p : g.queue) ledger.strand(p.origin, p.cohort, 1, Where::Airport);
    g.queue.clear();
    g.queued = 0;
  }
  in_service_.for_each([&](const Held& h) { ledger.strand(h.origin, h.cohort, 1, Where::Airport); });
  in_service_.clear();
  for (auto& q : ready_) {
    for (const Held& h : q) ledger.strand(h.origin, h.cohort, 1, Where::Airport);
    q.clear();
  }
  ready_count_ = 0;
}

void Airport::fall(double t, Ledger& ledger) {
  if (fallen_) return;
  next_event_ = -kInf;
  fallen_ = true;
  fell_at_ = t;
  strand_everyone(ledger);
  for (Gate& g : gates_) set_open(g, 0, t);
}

void Airport::tally(std::vector<std::int64_t>& per_cohort) const {
  arriving_.for_each([&](const Person& p) { ++per_cohort[static_cast<std::size_t>(p.cohort)]; });
  for (const Gate& g : gates_)
    for (const Waiting& p : g.queue) ++per_cohort[static_cast<std::size_t>(p.cohort)];
  in_service_.for_each([&](const Held& h) { ++per_cohort[static_cast<std::size_t>(h.cohort)]; });
  for (std::size_t c = 0; c < ready_.size(); ++c) per_cohort[c] += static_cast<std::int64_t>(ready_[c].size());
}

std::vector<Airport::GateView> Airport::gates() const {
  std::vector<GateView> out;
  for (const Gate& g : gates_) out.push_back(GateView{g.spec.id, &g.stats});
  return out;
}

void Airport::finish(double t) {
  for (Gate& g : gates_) {
    g.stats.open_lane_s += g.open * std::max(0.0, t - g.last_change);
    g.last_change = t;
  }
}

}  // namespace sim::flow
