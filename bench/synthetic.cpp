#include "synthetic.hpp"

#include <algorithm>
#include <sstream>

namespace bench {

std::string synthetic_scenario(const SyntheticParams& p) {
  std::ostringstream out;
  const std::int64_t per_city = p.people / p.cities;
  // Everyone leaves over the first half of the run.
  const double rate = std::max(1.0, static_cast<double>(per_city) / (p.hours / 2.0));
  out << "# Synthetic benchmark scenario: " << p.cities << " cities, " << p.airports << " airports, " << p.people
      << " evacuees, " << p.aircraft << " aircraft, " << p.hours << " h.\n"
      << "schema: 1\nname: synthetic\nstart: 2021-08-13T00:00+04:30\nend: +" << p.hours
      << "h\nseed: 7\nreport_every: 1h\n"
      << "nations:\n  - {id: us, name: United States}\n  - {id: af, name: Afghanistan}\n"
      << "cohorts:\n  - {id: citizens, nation: us, priority: 1}\n"
      << "  - {id: allies, nation: af, priority: 2, eligible_on: [us]}\n";
  out << "cities:\n";
  for (int c = 0; c < p.cities; ++c) {
    const int a = c % p.airports;
    const double lat = 30 + (a % 10) * 0.8 + (c / p.airports % 10) * 0.05;
    const double lon = 62 + (a / 10) * 0.8 + (c / p.airports / 10 % 10) * 0.05;
    out << "  - id: c" << c << "\n    position: {lat: " << lat << ", lon: " << lon << "}\n"
        << "    captured_at: +" << (p.hours * 3 / 4 + c % 7) << "h\n"
        << "    evacuees: {citizens: " << per_city / 10 << ", allies: " << per_city - per_city / 10 << "}\n"
        << "    departures:\n      - {from: +" << c % 5 << "h, rate_per_hour: " << rate
        << ", process: " << (p.poisson ? "poisson" : "steady") << ", to: a" << a << "}\n";
  }
  const std::int64_t per_airport_people = p.people / p.airports;
  const int lanes = static_cast<int>(std::max<std::int64_t>(4, per_airport_people / p.hours / 30));
  out << "airports:\n";
  for (int a = 0; a < p.airports; ++a) {
    out << "  - id: a" << a << "\n    city: c" << a << "\n    position: {lat: " << 30 + (a % 10) * 0.8
        << ", lon: " << 62 + (a / 10) * 0.8 << "}\n"
        << "    movements_per_hour: " << p.movements_per_hour << "\n    parking: " << p.parking
        << "\n    holding_capacity: 20000\n    troops_required: 500\n"
        << "    gates:\n      - {id: north, lanes: " << lanes << ", troops_per_lane: 20, civilian_lanes: 2, "
        << "service_time: {dist: triangular, min: 1min, mode: 2min, max: 5min}}\n"
        << "      - {id: south, lanes: " << lanes << ", troops_per_lane: 20, civilian_lanes: 2, "
        << "service_time: {dist: triangular, min: 1min, mode: 2min, max: 5min}}\n";
  }
  out << "staging_bases:\n";
  for (int b = 0; b < p.bases; ++b)
    out << "  - {id: b" << b << ", position: {lat: " << 25 + b << ", lon: " << 51 + b
        << "}, holding_capacity: 1000000, onward_per_hour: 100000}\n";
  out << "routes:\n";
  for (int c = 0; c < p.cities; ++c)
    out << "  - {id: r" << c << ", from: c" << c << ", to: a" << c % p.airports
        << ", mode: road, distance_km: " << 20 + c % 200 << ", speed_kmh: 40}\n";
  out << "aircraft_types:\n  - {id: c17, seats: 400, ground_time: 2h, cruise_kmh: 750}\n";
  out << "fleets:\n";
  const int fleets = std::min(p.aircraft, p.airports * p.bases);
  for (int f = 0; f < fleets; ++f) {
    const int n = p.aircraft / fleets + (f < p.aircraft % fleets ? 1 : 0);
    out << "  - {id: f" << f << ", nation: us, type: c17, aircraft: " << n << ", base: b" << f % p.bases
        << ", serves: [a" << f % p.airports << "], turnaround: 2h}\n";
  }
  out << "deployments:\n";
  for (int a = 0; a < p.airports; ++a)
    out << "  - {id: d" << a << ", nation: us, airport: a" << a << ", troops: " << 500 + 40 * lanes
        << ", arrive_from: +0h, arrive_over: 24h}\n";
  return out.str();
}

}  // namespace bench
