// Scenario loading: YAML file -> resolved, checked model::Scenario, with every problem of the file
// reported at once in compiler format. The only part of evacsim that includes yaml-cpp.
//
// Example:
//   auto result = sim::scenario::load_file("scenarios/kabul-2021.yaml", {"fleets.us-c17.aircraft=40"});
//   if (!result.ok()) { for (auto& d : result.diagnostics) std::cerr << d.str() << '\n'; return 2; }
//   const sim::model::Scenario& s = *result.scenario;
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/scenario.hpp"

namespace sim::scenario {

/// One problem in a scenario: `FILE:LINE:COLUMN: key.path: message (expected ...)`.
struct Diagnostic {
  std::string file;      ///< as the user named it (or the extended file's path)
  int line = 0;          ///< 1-based; 0 when unknown (e.g. a missing file)
  int column = 0;        ///< 1-based
  std::string path;      ///< key path, entities by id: `airports.hkia.gates.abbey.lanes`
  std::string message;   ///< what is wrong, with the offending value
  std::string expected;  ///< what was expected; may be empty
  std::string str() const;
};

struct LoadResult {
  std::optional<model::Scenario> scenario;  ///< set only when there are no diagnostics
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return scenario.has_value() && diagnostics.empty(); }
};

/// Loads, merges (`extends:`), applies `--set PATH=VALUE` overrides, resolves defaults and checks.
LoadResult load_file(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

/// Same, from text (for tests and the fuzzer); `name` stands for the file in diagnostics; `extends`
/// paths are relative to `base_dir`.
LoadResult load_text(const std::string& text, const std::string& name,
                     const std::filesystem::path& base_dir = ".", const std::vector<std::string>& overrides = {});

/// The resolved scenario as YAML (schema 1, no `extends`), which loads back to an equal model.
std::string to_yaml(const model::Scenario& scenario);

/// What `evacsim validate` prints for a valid scenario: counts of cities, evacuees by cohort, troops,
/// aircraft, capture times.
std::string describe(const model::Scenario& scenario);

}  // namespace sim::scenario
