// Helpers shared by the scenario tests: fixture paths, file reading, diagnostics as text.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/scenario/load.hpp"

namespace sim::scenario::testing {

/// A path inside the source tree (EVACSIM_SOURCE_DIR, set by evacsim_add_test).
std::filesystem::path source_path(const std::string& relative);

std::string read_text(const std::filesystem::path& file);

/// Every diagnostic's str(), one per element.
std::vector<std::string> messages(const LoadResult& result);

/// A small valid scenario as text (the minimal example), to start variations from.
std::string minimal_text();

}  // namespace sim::scenario::testing
