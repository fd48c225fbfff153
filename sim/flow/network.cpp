#include "sim/flow/network.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace sim::flow {
namespace {

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#endif
}

/// Waits until `ready()`, watching `counter` for changes: spins first (the other thread usually
/// delivers within a step's work, a fraction of a millisecond), then sleeps on the counter. Sleeping
/// and being woken each cost a system call and, in a virtual machine, an interrupt between cores:
/// with a sleep at every hand-over, the actors waited a millisecond or two per replication.
/// (The spin yields the core now and then, should another thread be waiting for it.)
template <class Ready>
void await(const std::atomic<std::uint64_t>& counter, Ready ready) {
  constexpr int kSpins = 20'000;  // ~0.5 ms of pause instructions
  for (int i = 1; i <= kSpins; ++i) {
    if (ready()) return;
    cpu_relax();
    if (i % 1024 == 0) std::this_thread::yield();
  }
  for (std::uint64_t seen = counter.load(std::memory_order_acquire); !ready();
       seen = counter.load(std::memory_order_acquire))
    counter.wait(seen, std::memory_order_acquire);
}

}  // namespace

// A thread computing the upstream's steps ahead of the network, at most kDepth of them, in a ring
// with one writer and one reader: `made_` counts the steps computed, `taken_` those given back; the
// top bit of each says the writer has finished, or the reader wants it to stop (a change of the
// counter itself, so that a sleeping side wakes). It stops after the step that reaches the
// scenario's end; the network then goes on by itself, should anyone ask for more.
class Network::Ahead {
 public:
  Ahead(Upstream& upstream, StepGrid& grid, double end_s) : upstream_(upstream), grid_(grid), end_s_(end_s) {
    thread_ = std::thread([this] { run(); });
  }
  ~Ahead() {
    taken_.fetch_or(kDone, std::memory_order_release);
    taken_.notify_one();
    thread_.join();
  }
  Ahead(const Ahead&) = delete;
  Ahead& operator=(const Ahead&) = delete;

  /// The next step, once computed. Rethrows what the thread threw (it stops then).
  UpstreamStep& take() {
    const std::uint64_t next = taken_.load(std::memory_order_relaxed);
    await(made_, [&] {
      const std::uint64_t made = made_.load(std::memory_order_acquire);
      return (made & ~kDone) > next || (made & kDone) != 0;
    });
    if ((made_.load(std::memory_order_acquire) & ~kDone) <= next) {
      if (error_) std::rethrow_exception(error_);
      throw std::logic_error("Network: a step asked for past the upstream's end");
    }
    return steps_[next % kDepth];
  }
  /// The step take() gave is applied: its memory may be reused.
  void give_back() {
    taken_.fetch_add(1, std::memory_order_release);
    taken_.notify_one();
  }

 private:
  static constexpr std::uint64_t kDepth = 8;
  static constexpr std::uint64_t kDone = std::uint64_t{1} << 63;

  void run() {
    try {
      for (std::uint64_t k = 0;; ++k) {
        await(taken_, [&] {
          const std::uint64_t taken = taken_.load(std::memory_order_acquire);
          return (taken & kDone) != 0 || k - taken < kDepth;
        });
        if ((taken_.load(std::memory_order_acquire) & kDone) != 0) break;
        const double t = grid_.next();
        upstream_.advance_to(t, steps_[k % kDepth]);
        made_.fetch_add(1, std::memory_order_release);
        made_.notify_one();
        if (t >= end_s_) break;
      }
    } catch (...) {
      error_ = std::current_exception();
    }
    made_.fetch_or(kDone, std::memory_order_release);  // after error_: take() reads it once it sees this
    made_.notify_one();
  }

  Upstream& upstream_;
  StepGrid& grid_;
  double end_s_;
  std::array<UpstreamStep, kDepth> steps_;
  std::atomic<std::uint64_t> made_{0}, taken_{0};
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
    apply(ahead_->take());
    ahead_->give_back();
    if (upstream_until_ >= end_s_) ahead_.reset();  // that was the thread's last step: go on here
    return;
  }
  upstream_.advance_to(grid_.next(), step_);
  apply(step_);
}

void Network::apply(UpstreamStep& step) {
  for (std::size_t a = 0; a < step.arrivals.size(); ++a) airports_[a]->arrive(step.arrivals[a]);
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
