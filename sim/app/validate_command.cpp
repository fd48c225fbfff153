#include <iostream>

#include "sim/app/commands.hpp"
#include "sim/app/scenario_input.hpp"
#include "sim/scenario/load.hpp"

namespace sim::app {

int validate_command(const ValidateOptions& options) {
  int status = kExitOk;
  for (const auto& file : options.scenarios) {
    auto scenario = load_checked(file, options.sets, std::cerr);
    if (!scenario) {
      status = kExitBadInput;
      continue;
    }
    // describe() opens with "valid: NAME"; name the file too when several are checked.
    if (options.scenarios.size() > 1) std::cout << "== " << file << '\n';
    std::cout << scenario::describe(*scenario);
  }
  return status;
}

}  // namespace sim::app
