// Where everyone is accounted for: per cohort and per city of origin, how many departed, were evacuated
// or stranded (and where), so conservation of people can be checked at any time.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/flow/stats.hpp"

namespace sim::flow {

enum class Where { City, Road, Airport };

class Ledger {
 public:
  Ledger(std::size_t cohorts, std::size_t cities);

  void add_evacuees(int city, int cohort, std::int64_t n);
  void departed(int city, int cohort, std::int64_t n);
  /// `n` people stranded (where: in their city, at a closed road, at a fallen airport).
  void strand(int city, int cohort, std::int64_t n, Where where);
  /// One person evacuated at take-off time `t`, having left their city at `depart`.
  void evacuate(int city, int cohort, double depart, double t);

  struct CohortTotals {
    std::int64_t evacuees = 0, departed = 0, evacuated = 0;
    std::int64_t stranded_city = 0, stranded_road = 0, stranded_airport = 0;
    Histogram time_to_evacuate_s;
    std::int64_t stranded() const { return stranded_city + stranded_road + stranded_airport; }
  };
  struct CityTotals {
    std::int64_t evacuees = 0, departed = 0, stranded_in_city = 0, evacuated = 0, stranded_elsewhere = 0;
  };
  const std::vector<CohortTotals>& cohorts() const { return cohorts_; }
  const std::vector<CityTotals>& cities() const { return cities_; }

  std::int64_t evacuated() const { return evacuated_; }
  std::int64_t stranded() const { return stranded_; }
  /// Evacuated per day since start (index: whole days since start).
  const std::vector<std::int64_t>& evacuated_per_day() const { return per_day_; }

 private:
  std::vector<CohortTotals> cohorts_;
  std::vector<CityTotals> cities_;
  std::int64_t evacuated_ = 0, stranded_ = 0;
  std::vector<std::int64_t> per_day_;
};

}  // namespace sim::flow
