#include "sim/flow/ledger.hpp"

#include <algorithm>
#include <cmath>

namespace sim::flow {

Ledger::Ledger(std::size_t cohorts, std::size_t cities) : cohorts_(cohorts), cities_(cities) {}

void Ledger::add_evacuees(int city, int cohort, std::int64_t n) {
  cohorts_[static_cast<std::size_t>(cohort)].evacuees += n;
  cities_[static_cast<std::size_t>(city)].evacuees += n;
}

void Ledger::departed(int city, int cohort, std::int64_t n) {
  cohorts_[static_cast<std::size_t>(cohort)].departed += n;
  cities_[static_cast<std::size_t>(city)].departed += n;
}

void Ledger::strand(int city, int cohort, std::int64_t n, Where where) {
  if (n <= 0) return;
  auto& c = cohorts_[static_cast<std::size_t>(cohort)];
  auto& y = cities_[static_cast<std::size_t>(city)];
  switch (where) {
    case Where::City: c.stranded_city += n; y.stranded_in_city += n; break;
    case Where::Road: c.stranded_road += n; y.stranded_elsewhere += n; break;
    case Where::Airport: c.stranded_airport += n; y.stranded_elsewhere += n; break;
  }
  stranded_ += n;
}

void Ledger::evacuate(int city, int cohort, double depart, double t) {
  auto& c = cohorts_[static_cast<std::size_t>(cohort)];
  ++c.evacuated;
  c.time_to_evacuate_s.add(t - depart);
  ++cities_[static_cast<std::size_t>(city)].evacuated;
  ++evacuated_;
  const auto day = static_cast<std::size_t>(std::max(0.0, std::floor(t / 86400.0)));
  if (day >= per_day_.size()) per_day_.resize(day + 1, 0);
  ++per_day_[day];
}

}  // namespace sim::flow
