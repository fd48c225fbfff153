// The scenario language's reference documentation and editor schema, generated from the key tables
// (keys.hpp) so they cannot drift from what the loader accepts. The checked-in copies are
// docs/scenario-language.md and scenarios/schema.json; a test regenerates both and compares.
//
// Example:
//   std::string schema = json_schema();                       // scenarios/schema.json
//   std::string doc = markdown_reference(example_text, "scenarios/examples/01-minimal.yaml");
#pragma once

#include <string>

namespace sim::scenario {

/// JSON Schema (draft-07, which editors such as VS Code's YAML extension support) of a scenario
/// file. A file with `extends` is checked against a partial variant (no required keys), since it
/// states only what it changes. The loader stays the authority: the schema checks shapes, names,
/// units and plain bounds, not references or rules between keys.
std::string json_schema();

/// The Markdown reference: general rules, the example (verbatim, named by `example_path`), then one
/// section per entity kind with every key's type, unit, default, rule and description.
std::string markdown_reference(const std::string& example_text, const std::string& example_path);

}  // namespace sim::scenario
