// Building the one document a scenario stands for: `extends:` chains merged (maps key by key, entity
// lists by id, `remove: true` deleting an inherited entity) and then `--set PATH=VALUE` overrides applied,
// all on the position-keeping tree, so the loader checks the result exactly like a single file.
//
// Example:
//   Diagnostics diags;
//   std::optional<Node> doc = read_scenario_file("scenarios/what-if.yaml", diags);
//   if (doc) apply_override(*doc, "fleets.us-c17.aircraft=40", 1, diags);
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "sim/scenario/keys.hpp"
#include "sim/scenario/tree.hpp"

namespace sim::scenario {

/// Longest `extends` chain followed (a cycle is reported as such before this is reached).
inline constexpr int kMaxExtendsDepth = 32;

/// Reads a scenario file and what it extends, merged; `extends` is removed from the result.
std::optional<Node> read_scenario_file(const std::filesystem::path& file, Diagnostics& diags);

/// Same from text: `name` stands for the file in diagnostics, `extends` is relative to `base_dir`.
std::optional<Node> read_scenario_text(const std::string& text, const std::string& name,
                                       const std::filesystem::path& base_dir, Diagnostics& diags);

/// Merges `child` over `base` (both the top-level mapping of a scenario): keys of the child replace
/// the base's; mappings (positions, evacuees, the top level, entities) merge key by key; entity lists
/// merge by id; `remove: true` deletes the inherited entity of that id (an error if there is none).
/// Distributions and other lists are replaced whole.
void merge_scenario(Node& base, const Node& child, Diagnostics& diags);

/// Applies one `--set PATH=VALUE` (the `index`th, 1-based): PATH walks keys and addresses list entries
/// by id (`fleets.us-c17.aircraft`) or, for lists without ids, by position (`departures.0.from`);
/// VALUE is a YAML flow value. Problems are reported against file `--set`, line `index`, column within
/// the argument; returns false when the override could not be applied.
bool apply_override(Node& root, const std::string& override_text, int index, Diagnostics& diags);

}  // namespace sim::scenario
