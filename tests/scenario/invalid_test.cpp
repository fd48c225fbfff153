// Invalid-input fixtures: each tests/scenario/invalid/NN-what.yaml must be refused with exactly the
// diagnostics in NN-what.expected (one Diagnostic::str() per line), and never crash or hang.
// Fixtures extend invalid/helpers/base.yaml (valid) so each holds only its own mistake.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <set>

#include "test_support.hpp"

namespace sim::scenario {
namespace {

namespace fs = std::filesystem;
using testing::read_text;
using testing::source_path;

struct Fixture {
  std::string name;                    ///< file stem under tests/scenario/invalid/
  std::vector<std::string> overrides;  ///< --set arguments, for the fixtures about --set
};

const std::vector<Fixture>& fixtures() {
  static const std::vector<Fixture> all = {
      {"01-unknown-key-with-suggestion", {}},
      {"02-unknown-key-without-suggestion", {}},
      {"03-wrong-type-list-for-integer", {}},
      {"04-wrong-type-mapping-for-list", {}},
      {"05-dangling-reference", {}},
      {"06-duplicate-id", {}},
      {"07-bad-id", {}},
      {"08-negative-capacity", {}},
      {"09-zero-parking", {}},
      {"10-end-before-start", {}},
      {"11-probability-above-one", {}},
      {"12-latitude-95", {}},
      {"13-triangular-min-above-mode", {}},
      {"14-infinity", {}},
      {"15-not-a-number", {}},
      {"16-schema-2", {}},
      {"17-empty-file", {}},
      {"18-list-root", {}},
      {"19-binary-garbage", {}},
      {"20-invalid-utf8", {}},
      {"21-alias-bomb", {}},
      {"22-deep-nesting", {}},
      {"23-missing-extends-file", {}},
      {"24-extends-cycle", {}},
      {"25-bad-set-path", {"fleets.us-c17.seats=500", "citys.kabul.captured_at=+1d"}},
      {"26-bad-duration", {}},
      {"27-bare-number-as-duration", {}},
      {"28-bad-time", {}},
      {"29-time-without-offset", {}},
      {"30-several-problems", {}},
      {"31-civilian-lanes-above-lanes", {}},
      {"32-withdraw-by-before-withdraw-from", {}},
      {"33-uniform-min-above-max", {}},
      {"34-normal-negative-sd", {}},
      {"35-lognormal-p90-below-median", {}},
      {"36-empirical-weights-mismatch", {}},
      {"37-yaml-syntax-error", {}},
      {"38-missing-required-keys", {}},
      {"39-route-between-unknown-places", {}},
      {"40-lognormal-over-time", {}},
      {"41-duplicate-key", {}},
      {"42-incident-factor-rules", {}},
      {"43-remove-unknown-entity", {}},
      {"44-quoted-number", {}},
      {"45-carries-ineligible-cohort", {}},
      {"46-never-where-not-allowed", {}},
      {"47-unknown-distribution", {}},
      {"48-departure-without-road", {}},
      {"49-zero-route-capacity", {}},
      {"50-place-id-used-twice", {}},
      {"51-bad-set-value", {"fleets.us-c17.aircraft=-2", "cities.kabul.captured_at={dist: uniform, min: +2d}"}},
      {"52-self-referencing-alias", {}},
      {"53-deep-alias-chain", {}},
      {"54-fuzz-self-alias-in-bomb", {}},  // found by the fuzzer: crashed the alias sizing (stack overflow)
  };
  return all;
}

// Names the fixture in test listings (instead of gtest's byte dump).
void PrintTo(const Fixture& f, std::ostream* os) { *os << f.name; }

fs::path invalid_dir() { return source_path("tests/scenario/invalid"); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

class InvalidScenario : public ::testing::TestWithParam<Fixture> {};

TEST_P(InvalidScenario, IsRefusedWithExactDiagnostics) {
  const Fixture& f = GetParam();
  // Load by a relative name from the fixture folder, as a user would: diagnostics then name files
  // relative to it, and the .expected files stay independent of where the tree is checked out.
  fs::current_path(invalid_dir());
  const LoadResult r = load_file(f.name + ".yaml", f.overrides);
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.scenario.has_value());
  const std::vector<std::string> expected = lines_of(read_text(f.name + ".expected"));
  ASSERT_FALSE(expected.empty()) << f.name << ".expected is empty";
  EXPECT_EQ(testing::messages(r), expected);
}

std::string test_name(const ::testing::TestParamInfo<Fixture>& info) {
  // "01-unknown-key-with-suggestion" -> "UnknownKeyWithSuggestion"
  std::string out;
  bool upper = true;
  for (char c : info.param.name.substr(info.param.name.find('-') + 1)) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, InvalidScenario, ::testing::ValuesIn(fixtures()), test_name);

TEST(InvalidFixtures, EveryFixtureFileIsListedAndHasExpectations) {
  std::set<std::string> listed;
  for (const Fixture& f : fixtures()) listed.insert(f.name);
  std::set<std::string> on_disk;
  for (const auto& entry : fs::directory_iterator(invalid_dir())) {
    if (!entry.is_regular_file()) continue;
    const fs::path p = entry.path();
    if (p.extension() == ".yaml") on_disk.insert(p.stem().string());
    if (p.extension() == ".expected") {
      EXPECT_TRUE(fs::exists(fs::path(p).replace_extension(".yaml"))) << p;
    }
  }
  EXPECT_EQ(on_disk, listed);
  EXPECT_GE(listed.size(), 30u);
}

TEST(InvalidFixtures, TheBaseTheyExtendIsValid) {
  const LoadResult r = load_file(invalid_dir() / "helpers" / "base.yaml");
  EXPECT_TRUE(r.ok()) << ::testing::PrintToString(testing::messages(r));
}

}  // namespace
}  // namespace sim::scenario
