#include "sim/app/scenario_input.hpp"

#include "sim/scenario/load.hpp"

namespace sim::app {

std::optional<model::Scenario> load_checked(const std::string& file, const std::vector<std::string>& sets,
                                            std::ostream& err) {
  auto result = scenario::load_file(file, sets);
  if (!result.ok()) {
    for (const auto& d : result.diagnostics) err << d.str() << '\n';
    if (result.diagnostics.empty()) err << file << ": cannot load scenario\n";
    return std::nullopt;
  }
  return std::move(result.scenario);
}

}  // namespace sim::app
