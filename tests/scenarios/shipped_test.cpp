// Every scenario shipped in scenarios/ (the Kabul 2021 reference, its what-ifs, the examples) loads
// and validates (routes included), and its resolved form loads back to the same scenario.
#include <gtest/gtest.h>

#include "sim/scenario/load.hpp"
#include "tests/support/run_cli.hpp"

namespace {

std::vector<std::string> shipped() {
  std::vector<std::string> files;
  for (const char* dir : {"scenarios", "scenarios/examples"})
    for (const auto& entry : std::filesystem::directory_iterator(test_support::source_path(dir)))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

class ShippedScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedScenario, ValidatesAndRoundTrips) {
  const auto result = sim::scenario::load_file(GetParam());
  ASSERT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics.front().str());
  const auto again = sim::scenario::load_text(sim::scenario::to_yaml(*result.scenario), "resolved.yaml");
  ASSERT_TRUE(again.ok()) << (again.diagnostics.empty() ? "" : again.diagnostics.front().str());
  EXPECT_TRUE(*again.scenario == *result.scenario);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& param) {
  std::string name;
  for (char c : std::filesystem::path(param.param).stem().string())
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : 'X';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, ShippedScenario, ::testing::ValuesIn(shipped()), test_name);

TEST(ShippedScenarios, IncludeTheReferenceAndItsWhatIfs) {
  const auto files = shipped();
  for (const char* name : {"kabul-2021.yaml", "kabul-2021-seed-day.yaml", "kabul-2021-uncertain.yaml",
                           "kabul-2021-early-order.yaml", "kabul-2021-bagram.yaml", "kabul-2021-no-attack.yaml"})
    EXPECT_TRUE(std::any_of(files.begin(), files.end(), [&](const std::string& f) { return f.ends_with(name); })) << name;
}

}  // namespace
