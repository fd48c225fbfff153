#include "sim/flow/upstream.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <queue>
#include <string>

namespace sim::flow {
namespace {

constexpr double kInf = model::kNever;

// Places are cities, then airports, then staging bases, in scenario order.
struct PlaceIndex {
  std::map<std::string, int> by_id;
  int cities = 0;
  explicit PlaceIndex(const model::Scenario& s) {
    int i = 0;
    for (const auto& c : s.cities) by_id.emplace(c.id, i++);
    cities = i;
    for (const auto& a : s.airports) by_id.emplace(a.id, i++);
    for (const auto& b : s.staging_bases) by_id.emplace(b.id, i++);
  }
  int of(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? -1 : it->second;
  }
  int size() const { return static_cast<int>(by_id.size()); }
};

struct Edge {
  int to, route;
  bool forward;
};

// Routes people can take: road or air, between cities and airports (never through a staging base;
// the loader refuses a departure with no such path).
std::vector<std::vector<Edge>> adjacency(const model::Scenario& s, const PlaceIndex& places) {
  std::vector<std::vector<Edge>> adj(static_cast<std::size_t>(places.size()));
  const int first_base = places.cities + static_cast<int>(s.airports.size());
  for (std::size_t r = 0; r < s.routes.size(); ++r) {
    const int a = places.of(s.routes[r].from), b = places.of(s.routes[r].to);
    if (a < 0 || b < 0 || a >= first_base || b >= first_base) continue;
    adj[static_cast<std::size_t>(a)].push_back(Edge{b, static_cast<int>(r), true});
    adj[static_cast<std::size_t>(b)].push_back(Edge{a, static_cast<int>(r), false});
  }
  return adj;
}

// Shortest path (by travel time) from `from` to `to` as (route, forward) pairs; empty if none.
std::vector<std::pair<int, bool>> shortest_path(const std::vector<std::vector<Edge>>& adj,
                                                const std::vector<double>& travel_s, int from, int to) {
  const auto n = adj.size();
  std::vector<double> dist(n, kInf);
  std::vector<Edge> via(n, Edge{-1, -1, true});
  using Item = std::pair<double, int>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> pq;
  dist[static_cast<std::size_t>(from)] = 0;
  pq.emplace(0.0, from);
  while (!pq.empty()) {
    auto [d, u] = pq.top();
    pq.pop();
    if (d > dist[static_cast<std::size_t>(u)]) continue;
    if (u == to) break;
    for (const Edge& e : adj[static_cast<std::size_t>(u)]) {
      const double nd = d + travel_s[static_cast<std::size_t>(e.route)];
      if (nd < dist[static_cast<std::size_t>(e.to)]) {
        dist[static_cast<std::size_t>(e.to)] = nd;
        via[static_cast<std::size_t>(e.to)] = Edge{u, e.route, e.forward};
        pq.emplace(nd, e.to);
      }
    }
  }
  std::vector<std::pair<int, bool>> path;
  if (dist[static_cast<std::size_t>(to)] == kInf) return path;
  for (int v = to; v != from; v = via[static_cast<std::size_t>(v)].to) path.emplace_back(via[static_cast<std::size_t>(v)].route, via[static_cast<std::size_t>(v)].forward);
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace

StepGrid::StepGrid(double report_every_s, double end_s)
    : report_every_s_(report_every_s > 0 && std::isfinite(report_every_s) ? report_every_s : model::kSecondsPerHour),
      end_s_(end_s),
      parts_(static_cast<long>(std::max(1.0, std::ceil(report_every_s_ / model::kSecondsPerHour)))),
      part_s_(report_every_s_ / static_cast<double>(parts_)),
      end_given_(!(end_s > 0)) {}

double StepGrid::next() {
  // Part 0 of a report interval is the report instant itself, computed as the recorder does
  // (k * report_every); the other parts are added to it.
  const long j = given_ + 1;
  const double t = static_cast<double>(j / parts_) * report_every_s_ + static_cast<double>(j % parts_) * part_s_;
  if (!end_given_ && t >= end_s_) {
    end_given_ = true;
    if (t > end_s_) return end_s_;  // t comes at the next call
  }
  given_ = j;
  return t;
}

Upstream::Upstream(const model::Scenario& s, const model::Realization& r) {
  for (std::size_t c = 0; c < s.cities.size(); ++c) {
    capture_s_.push_back(r.cities[c].captured_s);
    flow_after_capture_.push_back(s.cities[c].flow_after_capture);
    city_left_.push_back(r.cities[c].evacuees);
    for (auto n : r.cities[c].evacuees) in_cities_ += n;
    if (r.cities[c].captured_s < s.end_s && s.cities[c].flow_after_capture == 0)
      captures_.push_back(Capture{std::max(0.0, r.cities[c].captured_s), static_cast<int>(c)});
  }
  std::stable_sort(captures_.begin(), captures_.end(), [](const Capture& a, const Capture& b) { return a.t < b.t; });
  arrivals_.resize(s.airports.size());
  build_paths(s, r);
}

void Upstream::build_paths(const model::Scenario& s, const model::Realization& r) {
  const PlaceIndex places(s);
  const auto adj = adjacency(s, places);
  std::vector<double> travel(s.routes.size());
  for (std::size_t i = 0; i < s.routes.size(); ++i) travel[i] = r.routes[i].travel_s;

  std::map<std::pair<int, bool>, int> road_of;  // (route, forward) -> road stage
  auto road_stage = [&](int route, bool forward) {
    auto [it, fresh] = road_of.emplace(std::make_pair(route, forward), static_cast<int>(roads_.size()));
    if (fresh) {
      const auto& spec = s.routes[static_cast<std::size_t>(route)];
      const auto& real = r.routes[static_cast<std::size_t>(route)];
      Road road{.route = route,
                .travel_s = real.travel_s,
                .headway_s = std::isinf(real.capacity_per_hour) ? 0.0
                             : real.capacity_per_hour > 0      ? model::kSecondsPerHour / real.capacity_per_hour
                                                               : kInf};
      for (const std::string& end : {spec.from, spec.to}) {
        const int c = places.of(end);
        if (c < 0 || c >= places.cities) continue;
        const double at = std::max(0.0, r.cities[static_cast<std::size_t>(c)].captured_s);
        const double f = s.cities[static_cast<std::size_t>(c)].flow_after_capture;
        road.schedule.scale_from(at, f);
        if (f == 0) road.closed_for_good = std::min(road.closed_for_good, at);
      }
      for (std::size_t i = 0; i < s.incidents.size(); ++i) {
        const auto& inc = s.incidents[i];
        if (inc.target_kind != model::TargetKind::Route || inc.target != spec.id) continue;
        road.schedule.add_window(r.incidents[i].at_s, r.incidents[i].at_s + r.incidents[i].duration_s, inc.factor);
      }
      roads_.push_back(std::move(road));
    }
    return it->second;
  };

  std::map<std::pair<int, int>, int> path_of;  // (city, airport) -> path
  std::vector<std::vector<int>> downstream;
  for (std::size_t c = 0; c < s.cities.size(); ++c) {
    const auto& real = r.cities[c];
    for (const auto& d : real.departures) {
      if (d.airport < 0 || d.rate_per_hour <= 0) continue;
      auto [it, fresh] = path_of.emplace(std::make_pair(static_cast<int>(c), d.airport), static_cast<int>(paths_.size()));
      if (fresh) {
        Path p{.roads = {}, .airport = d.airport};
        for (auto [route, fwd] : shortest_path(adj, travel, static_cast<int>(c),
                                               places.of(s.airports[static_cast<std::size_t>(d.airport)].id)))
          p.roads.push_back(road_stage(route, fwd));
        paths_.push_back(std::move(p));
      }
      const int path = it->second;
      if (paths_[static_cast<std::size_t>(path)].roads.empty()) continue;  // unroutable (validate reports it)
      // A departure for every cohort splits its rate in proportion to the city's evacuees.
      std::int64_t total = 0;
      for (auto n : real.evacuees) total += n;
      for (std::size_t k = 0; k < s.cohorts.size(); ++k) {
        if (d.cohort >= 0 && static_cast<std::size_t>(d.cohort) != k) continue;
        if (real.evacuees[k] == 0 || total == 0) continue;
        const double share = d.cohort >= 0 ? 1.0 : static_cast<double>(real.evacuees[k]) / static_cast<double>(total);
        const std::string key = "city/" + s.cities[c].id + "/departures/" + std::to_string(&d - real.departures.data()) +
                                "/" + s.cohorts[k].id;
        Stream st{.city = static_cast<int>(c),
                  .cohort = static_cast<int>(k),
                  .path = path,
                  .next_t = std::max(0.0, d.from_s),
                  .rate_per_s = d.rate_per_hour * share / model::kSecondsPerHour,
                  .poisson = d.process == model::Process::Poisson,
                  .rng = model::Rng::stream(r.seed, static_cast<std::uint64_t>(r.replication), key)};
        if (st.poisson) st.next_t += -std::log(st.rng.uniform01()) / st.rate_per_s;
        streams_.push_back(std::move(st));
      }
    }
  }
  // Roads in path order (Kahn's algorithm over "road a feeds road b" edges; cycles, which shortest
  // paths to different airports could in principle form, fall back to index order).
  std::vector<std::vector<int>> next(roads_.size());
  std::vector<int> indegree(roads_.size(), 0);
  for (const Path& p : paths_)
    for (std::size_t i = 0; i + 1 < p.roads.size(); ++i) {
      auto& out = next[static_cast<std::size_t>(p.roads[i])];
      if (std::find(out.begin(), out.end(), p.roads[i + 1]) == out.end()) {
        out.push_back(p.roads[i + 1]);
        ++indegree[static_cast<std::size_t>(p.roads[i + 1])];
      }
    }
  std::vector<char> placed(roads_.size(), 0);
  std::queue<int> ready;
  for (std::size_t i = 0; i < roads_.size(); ++i)
    if (indegree[i] == 0) ready.push(static_cast<int>(i));
  while (road_order_.size() < roads_.size()) {
    if (ready.empty()) {
      for (std::size_t i = 0; i < roads_.size(); ++i)
        if (!placed[i]) {
          ready.push(static_cast<int>(i));
          indegree[i] = 0;
          break;
        }
    }
    const int u = ready.front();
    ready.pop();
    if (placed[static_cast<std::size_t>(u)]) continue;
    placed[static_cast<std::size_t>(u)] = 1;
    road_order_.push_back(u);
    for (int v : next[static_cast<std::size_t>(u)])
      if (--indegree[static_cast<std::size_t>(v)] == 0) ready.push(v);
  }
  for (std::size_t k = 0; k < road_order_.size(); ++k)
    roads_[static_cast<std::size_t>(road_order_[k])].rank = static_cast<int>(k);
  for (std::size_t i = 0; i < streams_.size(); ++i)
    if (streams_[i].next_t < kInf) stream_heap_.emplace_back(streams_[i].next_t, static_cast<int>(i));
  std::make_heap(stream_heap_.begin(), stream_heap_.end(), std::greater<>{});
}

void Upstream::count(int city, int cohort, std::int64_t n, UpstreamStep::What what) {
  if (n <= 0) return;
  auto& counts = out_->counts;
  if (!counts.empty() && counts.back().city == city && counts.back().cohort == cohort && counts.back().what == what)
    counts.back().n += n;
  else
    counts.push_back(UpstreamStep::Count{city, cohort, n, what});
}

void Upstream::emit(Stream& st, double t_limit) {
  const auto c = static_cast<std::size_t>(st.city);
  const double capture = std::max(0.0, capture_s_[c]);
  const double f = flow_after_capture_[c];
  auto& left = city_left_[c][static_cast<std::size_t>(st.cohort)];
  RunBuilder& out = scratch_;
  out.clear();
  const std::int64_t left_before = left;
  while (!st.done && st.next_t < t_limit) {
    const double t = st.next_t;
    if ((t >= capture && f == 0) || left == 0) {
      st.done = true;
      break;
    }
    --left;
    out.push(Person{t, t, st.cohort, st.city, st.path, 0});
    const double rate = st.rate_per_s * (t >= capture ? f : 1.0);
    if (rate <= 0) {
      st.done = true;
      break;
    }
    double next = t + (st.poisson ? -std::log(st.rng.uniform01()) : 1.0) / rate;
    // Crossing the capture: the rest of the gap runs at the reduced rate (time rescaling keeps a
    // Poisson process Poisson and a steady one steady).
    if (t < capture && next >= capture) next = f > 0 ? capture + (next - capture) / f : kInf;
    st.next_t = next;
  }
  count(st.city, st.cohort, left_before - left, UpstreamStep::What::Departed);
  in_cities_ -= left_before - left;
  for (const Run& run : out.runs()) push_to_stage(run, static_cast<int>(&st - streams_.data()));
}

void Upstream::push_to_stage(const Run& run, int source) {
  const Path& p = paths_[static_cast<std::size_t>(run.path)];
  if (static_cast<std::size_t>(run.hop) < p.roads.size()) {
    const int ri = p.roads[static_cast<std::size_t>(run.hop)];
    roads_[static_cast<std::size_t>(ri)].queue.push(run, source);
    mark_road(ri, run.t0);
  } else {
    arrivals_[static_cast<std::size_t>(p.airport)].push(run, source);
  }
}

void Upstream::mark_road(int ri, double t0) {
  Road& road = roads_[static_cast<std::size_t>(ri)];
  if (in_round_ && t0 < round_t_ && road.rank > current_rank_) {
    if (!road.in_due) {
      road.in_due = true;
      due_roads_.push_back(road.rank);
      std::push_heap(due_roads_.begin(), due_roads_.end(), std::greater<>{});
    }
    return;
  }
  if (t0 < road.scheduled) {
    road.scheduled = t0;
    road_heap_.emplace_back(t0, ri);
    std::push_heap(road_heap_.begin(), road_heap_.end(), std::greater<>{});
  }
}

void Upstream::advance_to(double t, UpstreamStep& out) {
  out.clear();
  out_ = &out;
  round_t_ = t;
  in_round_ = true;
  current_rank_ = -1;
  // Departures due before t, stream by stream in stream order.
  due_streams_.clear();
  while (!stream_heap_.empty() && stream_heap_.front().first < t) {
    std::pop_heap(stream_heap_.begin(), stream_heap_.end(), std::greater<>{});
    due_streams_.push_back(stream_heap_.back().second);
    stream_heap_.pop_back();
  }
  std::sort(due_streams_.begin(), due_streams_.end());
  for (int i : due_streams_) {
    Stream& st = streams_[static_cast<std::size_t>(i)];
    emit(st, t);
    if (!st.done && st.next_t < kInf) {
      stream_heap_.emplace_back(st.next_t, i);
      std::push_heap(stream_heap_.begin(), stream_heap_.end(), std::greater<>{});
    }
  }
  // Roads with someone due before t, upstream first (road_order_); a road fed by one processed
  // later in this advance (a cycle) waits for the next advance, as in a sweep of road_order_.
  while (!road_heap_.empty() && road_heap_.front().first < t) {
    std::pop_heap(road_heap_.begin(), road_heap_.end(), std::greater<>{});
    const auto [time, ri] = road_heap_.back();
    road_heap_.pop_back();
    Road& road = roads_[static_cast<std::size_t>(ri)];
    if (time != road.scheduled) continue;  // stale
    road.scheduled = kInf;
    if (!road.in_due) {
      road.in_due = true;
      due_roads_.push_back(road.rank);
      std::push_heap(due_roads_.begin(), due_roads_.end(), std::greater<>{});
    }
  }
  while (!due_roads_.empty()) {
    std::pop_heap(due_roads_.begin(), due_roads_.end(), std::greater<>{});
    current_rank_ = due_roads_.back();
    due_roads_.pop_back();
    const int ri = road_order_[static_cast<std::size_t>(current_rank_)];
    Road& road = roads_[static_cast<std::size_t>(ri)];
    road.in_due = false;
    RunBuilder& built = scratch_;
    built.clear();
    while (!road.queue.empty() && road.queue.next_time() < t) {
      Person p = road.queue.pop();
      const auto [entry, factor] = road.schedule.open_at(road.headway_s > 0 ? std::max(p.t, road.next_free) : p.t);
      if (entry >= road.closed_for_good || entry == kInf) {
        // Stranded where the road closed: now if it already has, else when it will.
        p.t = std::isinf(road.closed_for_good) ? p.t : std::max(p.t, road.closed_for_good);
        doomed_.push(Run{p.t, 0, p.depart, 0, 1, p.cohort, p.origin, p.path, p.hop}, ri);
        continue;
      }
      if (road.headway_s > 0) road.next_free = entry + road.headway_s / factor;
      p.t = entry + road.travel_s;
      ++p.hop;
      built.push(p);
    }
    for (const Run& run : built.runs()) push_to_stage(run, static_cast<int>(streams_.size()) + ri);
    if (!road.queue.empty()) mark_road(ri, road.queue.next_time());
  }
  current_rank_ = -1;
  in_round_ = false;
  while (!doomed_.empty() && doomed_.next_time() < t) {
    const Person p = doomed_.pop();
    count(p.origin, p.cohort, 1, UpstreamStep::What::StrandedOnRoad);
  }
  // Cities captured by t with no flow after capture: everyone still there is stranded (their
  // departures stopped at the capture), so an observation at the capture's instant sees it fallen.
  for (; next_capture_ < captures_.size() && captures_[next_capture_].t <= t; ++next_capture_) {
    const int c = captures_[next_capture_].city;
    auto& left = city_left_[static_cast<std::size_t>(c)];
    for (std::size_t k = 0; k < left.size(); ++k) {
      count(c, static_cast<int>(k), left[k], UpstreamStep::What::StrandedInCity);
      in_cities_ -= left[k];
      left[k] = 0;
    }
  }
  out.arrivals.resize(arrivals_.size());
  for (std::size_t a = 0; a < arrivals_.size(); ++a) {
    RunQueue& q = arrivals_[a];
    std::vector<Person>& to = out.arrivals[a];
    while (!q.empty() && q.next_time() < t) to.push_back(q.pop());
  }
  out.until = t;
  out.in_cities = in_cities_;
  out.on_roads = doomed_.count();
  for (const Road& r : roads_) out.on_roads += r.queue.count();
  for (const RunQueue& q : arrivals_) out.on_roads += q.count();
  out_ = nullptr;
}

void Upstream::tally(std::vector<std::int64_t>& per_cohort) const {
  for (const auto& left : city_left_)
    for (std::size_t k = 0; k < left.size(); ++k) per_cohort[k] += left[k];
  for (const Road& r : roads_) r.queue.tally(per_cohort);
  doomed_.tally(per_cohort);
  for (const RunQueue& q : arrivals_) q.tally(per_cohort);
}

}  // namespace sim::flow
