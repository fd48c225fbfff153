// The checked-in reference and editor schema are exactly what the generator makes from the key
// tables: after changing keys.cpp, run `cmake --build --preset dev --target scenario-reference`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sim/scenario/keys.hpp"
#include "sim/scenario/reference.hpp"
#include "test_support.hpp"

namespace sim::scenario {
namespace {

using testing::read_text;
using testing::source_path;

constexpr const char* kExample = "scenarios/examples/01-minimal.yaml";

TEST(Reference, CheckedInSchemaMatchesTheKeyTables) {
  EXPECT_TRUE(read_text(source_path("scenarios/schema.json")) == json_schema())
      << "scenarios/schema.json is stale: cmake --build --preset dev --target scenario-reference";
}

TEST(Reference, CheckedInMarkdownMatchesTheKeyTables) {
  EXPECT_TRUE(read_text(source_path("docs/scenario-language.md")) ==
              markdown_reference(read_text(source_path(kExample)), kExample))
      << "docs/scenario-language.md is stale: cmake --build --preset dev --target scenario-reference";
}

TEST(Reference, MarkdownHasASectionAndARowForEveryKey) {
  const std::string md = markdown_reference("", kExample);
  for (const EntitySpec* spec : all_specs()) {
    const std::string section = "\n## " + std::string(spec->kind) + "\n";
    const auto at = md.find(section);
    ASSERT_NE(at, std::string::npos) << spec->kind;
    const auto next = md.find("\n## ", at + section.size());
    const std::string body = md.substr(at, next - at);
    for (const KeySpec& k : spec->keys)
      EXPECT_NE(body.find("| `" + std::string(k.name) + "` |"), std::string::npos) << spec->kind << "." << k.name;
  }
}

TEST(Reference, MarkdownMarksTheExtensions) {
  const std::string md = markdown_reference("", kExample);
  EXPECT_NE(md.find("| `flow_after_capture` |"), std::string::npos);
  EXPECT_NE(md.find("**Extension.** Fraction of departure rates"), std::string::npos);
  EXPECT_NE(md.find("**Extension.** Staging bases to divert to"), std::string::npos);
}

TEST(Reference, SchemaDescribesEveryKeyAndForbidsOthers) {
  const auto schema = nlohmann::json::parse(json_schema());
  const auto& defs = schema.at("definitions");
  for (const EntitySpec* spec : all_specs()) {
    const auto& def = defs.at(std::string(spec->kind));
    EXPECT_EQ(def.at("additionalProperties"), false) << spec->kind;
    for (const KeySpec& k : spec->keys) {
      ASSERT_TRUE(def.at("properties").contains(std::string(k.name))) << spec->kind << "." << k.name;
      EXPECT_FALSE(def.at("properties").at(std::string(k.name)).at("description").get<std::string>().empty());
      // Required keys are required in a complete file, and only the id in a file that extends another.
      const bool required = def.contains("required") &&
                            std::find(def.at("required").begin(), def.at("required").end(), k.name) !=
                                def.at("required").end();
      EXPECT_EQ(required, k.presence == Presence::Required) << spec->kind << "." << k.name;
    }
  }
  EXPECT_TRUE(defs.at("fleet-partial").at("properties").contains("remove"));
  EXPECT_FALSE(defs.at("fleet").at("properties").contains("remove"));
}

TEST(Reference, SchemaBoundsComeFromTheTables) {
  const auto schema = nlohmann::json::parse(json_schema());
  const auto& props = schema.at("definitions").at("airport").at("properties");
  EXPECT_EQ(props.at("parking").at("minimum"), 1);
  EXPECT_EQ(props.at("parking").at("default"), 1);
  const auto& lat = schema.at("definitions").at("position").at("properties").at("lat");
  EXPECT_EQ(lat.at("minimum"), -90);
  EXPECT_EQ(lat.at("maximum"), 90);
}

}  // namespace
}  // namespace sim::scenario
