#include "sim/flow/network.hpp"

#include <array>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace sim::flow {

// A thread computing the upstream's steps ahead of the network, at most kDepth of them: it hands
// each over through `ready_` and gets the memory back through `free_`. It stops after the step that
// reaches the scenario's end; the network then goes on by itself, should anyone ask for more.
class Network::Ahead {
 public:
  Ahead(Upstream& upstream, StepGrid& grid, double end_s) : upstream_(upstream), grid_(grid), end_s_(end_s) {
    for (UpstreamStep& s : steps_) free_.push_back(&s);
    thread_ = std::thread([this] { run(); });
  }
  ~Ahead() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    free_cv_.notify_one();
    thread_.join();
  }
  Ahead(const Ahead&) = delete;
  Ahead& operator=(const Ahead&) = delete;

  /// The next step, once computed. Rethrows what the thread threw (it stops then).
  UpstreamStep& take() {
    std::unique_lock lock(mutex_);
    ready_cv_.wait(lock, [this] { return !ready_.empty() || finished_; });
    if (ready_.empty()) {
      if (error_) std::rethrow_exception(error_);
      throw std::logic_error("Network: a step asked for past the upstream's end");
    }
    UpstreamStep* s = ready_.front();
    ready_.pop_front();
    return *s;
  }
  void give_back(UpstreamStep* s) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(s);
    }
    free_cv_.notify_one();
  }

 private:
  static constexpr std::size_t kDepth = 8;

  void run() {
    try {
      for (;;) {
        UpstreamStep* s = nullptr;
        {
          std::unique_lock lock(mutex_);
          free_cv_.wait(lock, [this] { return stop_ || !free_.empty(); });
          if (stop_) break;
          s = free_.back();
          free_.pop_back();
        }
        const double t = grid_.next();
        upstream_.advance_to(t, *s);
        {
          std::lock_guard lock(mutex_);
          ready_.push_back(s);
        }
        ready_cv_.notify_one();
        if (t >= end_s_) break;
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      finished_ = true;
    }
    ready_cv_.notify_one();
  }

  Upstream& upstream_;
  StepGrid& grid_;
  double end_s_;
  std::array<UpstreamStep, kDepth> steps_;
  std::mutex mutex_;
  std::condition_variable ready_cv_, free_cv_;
  std::deque<UpstreamStep*> ready_;
  std::vector<UpstreamStep*> free_;
  bool stop_ = false, finished_ = false;
  std::exception_ptr error_;
  std::thread thread_;  ///< last: it starts once everything above is made
};

Network::Network(const model::Scenario& s, const model::Realization& r, bool ahead)
    : ledger_(s.cohorts.size(), s.cities.size()),
      upstream_(s, r),
      grid_(s.report_every_s, s.end_s),
      end_s_(s.end_s) {
  for (std::size_t a = 0; a < s.airports.size(); ++a)
    airports_.push_back(std::make_unique<Airport>(s.airports[a], s.cohorts.size(), r.seed, r.replication));
  for (std::size_t c = 0; c < s.cities.size(); ++c)
    for (std::size_t k = 0; k < s.cohorts.size(); ++k) {
      ledger_.add_evacuees(static_cast<int>(c), static_cast<int>(k), r.cities[c].evacuees[k]);
      in_cities_ += r.cities[c].evacuees[k];
    }
  if (ahead) ahead_ = std::make_unique<Ahead>(upstream_, grid_, end_s_);
}

Network::~Network() = default;

void Network::take_step() {
  if (ahead_) {
    UpstreamStep& s = ahead_->take();
    apply(s);
    ahead_->give_back(&s);
    if (upstream_until_ >= end_s_) ahead_.reset();  // that was the thread's last step: go on here
    return;
  }
  upstream_.advance_to(grid_.next(), step_);
  apply(step_);
}

void Network::apply(const UpstreamStep& step) {
  for (const UpstreamStep::Delivery& d : step.deliveries)
    airports_[static_cast<std::size_t>(d.airport)]->accept(d.run, d.source);
  for (const UpstreamStep::Count& c : step.counts) {
    switch (c.what) {
      case UpstreamStep::What::Departed: ledger_.departed(c.city, c.cohort, c.n); break;
      case UpstreamStep::What::StrandedInCity: ledger_.strand(c.city, c.cohort, c.n, Where::City); break;
      case UpstreamStep::What::StrandedOnRoad: ledger_.strand(c.city, c.cohort, c.n, Where::Road); break;
    }
  }
  in_cities_ = step.in_cities;
  on_roads_ = step.on_roads;
  upstream_until_ = step.until;
}

void Network::advance_to(double t) {
  if (t < now_) return;
  while (upstream_until_ < t) take_step();
  for (auto& a : airports_) a->process(t, ledger_);
  now_ = t;
}

std::int64_t Network::on_road() const {
  std::int64_t n = on_roads_;
  for (const auto& a : airports_) n += a->on_the_way();
  return n;
}

std::vector<std::int64_t> Network::in_system_by_cohort() const {
  if (ahead_) throw std::logic_error("Network::in_system_by_cohort: with `ahead`, only once advanced to the end");
  std::vector<std::int64_t> n(ledger_.cohorts().size(), 0);
  upstream_.tally(n);
  for (const auto& a : airports_) a->tally(n);
  return n;
}

}  // namespace sim::flow
