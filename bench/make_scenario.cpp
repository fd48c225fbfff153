// Writes a synthetic scenario scaled by parameters, for benchmarks and scaling studies:
//   make_scenario --cities 34 --airports 1 --people 150000 --aircraft 40 --parking 16 --hours 120 > s.yaml
// (what the scenario looks like: bench/synthetic.hpp).
#include <cstdlib>
#include <iostream>
#include <string>

#include "synthetic.hpp"

namespace {

[[noreturn]] void usage(const std::string& msg) {
  std::cerr << "make_scenario: " << msg << "\n"
            << "usage: make_scenario [--cities N] [--airports N] [--people N] [--aircraft N] [--hours N] "
               "[--bases N] [--parking N] [--movements N] [--poisson]\n";
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  bench::SyntheticParams p;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> long long {
      if (i + 1 >= argc) usage("missing value after " + a);
      return std::atoll(argv[++i]);
    };
    if (a == "--cities") p.cities = static_cast<int>(value());
    else if (a == "--airports") p.airports = static_cast<int>(value());
    else if (a == "--people") p.people = value();
    else if (a == "--aircraft") p.aircraft = static_cast<int>(value());
    else if (a == "--hours") p.hours = static_cast<int>(value());
    else if (a == "--bases") p.bases = static_cast<int>(value());
    else if (a == "--parking") p.parking = static_cast<int>(value());
    else if (a == "--movements") p.movements_per_hour = static_cast<int>(value());
    else if (a == "--poisson") p.poisson = true;
    else usage("unknown argument " + a);
  }
  if (p.cities < 1 || p.airports < 1 || p.aircraft < 1 || p.hours < 1 || p.bases < 1 || p.people < 0 ||
      p.parking < 1 || p.movements_per_hour < 1)
    usage("every count must be positive");
  std::cout << bench::synthetic_scenario(p);
  return 0;
}
