// Loading a scenario for a command: the loader's diagnostics printed in compiler format on `err`;
// nullopt when there is any problem.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/model/scenario.hpp"

namespace sim::app {

std::optional<model::Scenario> load_checked(const std::string& file, const std::vector<std::string>& sets,
                                            std::ostream& err);

}  // namespace sim::app
