// Golden results: every change of the model's predictions on these scenarios shows as a failing test
// and, once accepted with scripts/update-golden.sh, as a reviewed diff of tests/golden/NAME/*.csv.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/run_cli.hpp"

namespace {

using namespace test_support;

// The files compared by default: everything but the manifest (wall-clock times) and the resolved
// scenario (checked by its own round-trip tests).
const std::vector<std::string> kAllFiles{"summary.csv", "timeline.csv", "flights.csv",    "cities.csv",
                                         "cohorts.csv", "gates.csv",    "constraints.csv"};

struct Golden {
  std::string name, scenario;
  std::vector<std::string> files;
};

std::vector<Golden> goldens() {
  std::ifstream in(source_path("tests/golden/scenarios.txt"));
  std::vector<Golden> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Golden g;
    std::string files;
    fields >> g.name >> g.scenario >> files;
    std::istringstream list(files);
    for (std::string f; std::getline(list, f, ',');) g.files.push_back(f);
    if (g.files.empty()) g.files = kAllFiles;
    out.push_back(g);
  }
  return out;
}

// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "identical";
    if (!ha || !hb || la != lb)
      return "line " + std::to_string(line) + ":\n  golden: " + (ha ? la : "<end>") + "\n  now:    " + (hb ? lb : "<end>");
  }
}

// How gtest prints a golden scenario in test listings.
void PrintTo(const Golden& g, std::ostream* os) { *os << g.name << " (" << g.scenario << ")"; }

class GoldenResults : public ::testing::TestWithParam<Golden> {};

TEST_P(GoldenResults, StayAsReviewed) {
  const Golden& g = GetParam();
  TempDir dir;
  const auto out = dir.path() / "out";
  const auto cli = run_evacsim({"run", source_path(g.scenario).string(), "--out", out.string(), "--quiet"}, dir.path());
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  // Conservation of people in every replication and cohort, whatever the golden files say.
  for (const auto& row : read_csv(out / "summary.csv"))
    EXPECT_EQ(num(row, "evacuees"), num(row, "evacuated") + num(row, "stranded") + num(row, "remaining"))
        << g.name << " replication " << row.at("replication");
  for (const auto& row : read_csv(out / "cohorts.csv"))
    EXPECT_EQ(num(row, "evacuees"), num(row, "evacuated") + num(row, "stranded") + num(row, "remaining"))
        << g.name << " cohort " << row.at("cohort") << " replication " << row.at("replication");
  for (const std::string& file : g.files) {
    const auto golden_file = source_path("tests/golden/" + g.name + "/" + file);
    ASSERT_TRUE(std::filesystem::exists(golden_file)) << golden_file << " missing: run scripts/update-golden.sh";
    const std::string want = slurp(golden_file), got = slurp(out / file);
    EXPECT_EQ(want, got) << g.name << "/" << file << " changed at " << first_difference(want, got)
                         << "\nIf the change is intended, run scripts/update-golden.sh and review the diff.";
  }
}

// gtest names allow letters and digits only.
std::string test_name(const ::testing::TestParamInfo<Golden>& param) {
  std::string name;
  for (char c : param.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : 'X';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, GoldenResults, ::testing::ValuesIn(goldens()), test_name);

}  // namespace
