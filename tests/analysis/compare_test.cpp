// `evacsim compare` end to end, on result directories the tests write themselves.
#include "analysis/compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "result_dir.hpp"

namespace analysis {
namespace {

namespace fs = std::filesystem;

using testing::RunSpec;
using testing::TempDir;
using testing::read_text;
using testing::write_file;
using testing::write_run;

struct Outcome {
  int exit_code;
  std::string out, err;
};

Outcome compare(CompareOptions options) {
  std::ostringstream out, err;
  const int code = run_compare(options, out, err);
  return {code, out.str(), err.str()};
}

Outcome compare(const fs::path& a, const fs::path& b) { return compare({.baseline = a, .alternative = b}); }

// The report line of a metric (in the section it first appears in), or "" if not shown.
std::string line_of(const std::string& report, const std::string& needle) {
  std::istringstream in(report);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) return line;
  return "";
}

TEST(CompareRuns, IdenticalRunsCompareEqual) {
  TempDir tmp;
  write_run(tmp / "a", {});
  write_run(tmp / "b", {});
  const Outcome o = compare(tmp / "a", tmp / "b");
  EXPECT_EQ(o.exit_code, 0) << o.out << o.err;
  EXPECT_EQ(o.err, "");
  EXPECT_NE(o.out.find("No difference beyond tolerance"), std::string::npos) << o.out;
}

TEST(CompareRuns, RealChangeIsFoundAndNamed) {
  TempDir tmp;
  write_run(tmp / "a", {});
  write_run(tmp / "b", {.evacuated = {123000}});
  const Outcome o = compare(tmp / "a", tmp / "b");
  EXPECT_EQ(o.exit_code, 1) << o.err;
  const std::string line = line_of(o.out, "  evacuated ");
  EXPECT_NE(line.find("120000"), std::string::npos) << o.out;
  EXPECT_NE(line.find("+3000"), std::string::npos) << line;
  EXPECT_NE(line.find("+2.50%"), std::string::npos) << line;
  EXPECT_NE(line.find("higher"), std::string::npos) << line;
  EXPECT_NE(line_of(o.out, "  stranded ").find("lower"), std::string::npos) << o.out;
}

}  // namespace
}  // namespace analysis

namespace analysis {
namespace {

TEST(CompareRuns, PairsReplicationsThatShareSeeds) {
  // The alternative is the baseline plus about 1000 in every replication; replications vary by
  // thousands, so only pairing (common random numbers) can see the change.
  TempDir tmp;
  RunSpec a{.seeds = {"1", "2", "3", "4", "5"}, .evacuated = {110000, 125000, 118000, 131000, 121000}};
  RunSpec b = a;
  b.scenario = "kabul-2021-seed-day";  // a what-if has its own name: no --force needed
  b.evacuated = {111100, 125900, 119050, 132000, 121950};
  write_run(tmp / "a", a);
  write_run(tmp / "b", b);
  const Outcome o = compare({.baseline = tmp / "a", .alternative = tmp / "b", .out = tmp / "diff.csv"});
  EXPECT_EQ(o.exit_code, 1) << o.err;
  EXPECT_NE(o.out.find("Replications paired by seed"), std::string::npos) << o.out;
  const std::string tidy = read_text(tmp / "diff.csv");
  EXPECT_NE(tidy.find("summary.csv,,evacuated,5,5,121000,122000,1000,"), std::string::npos) << tidy;
  EXPECT_NE(line_of(tidy, "summary.csv,,evacuated,").find(",paired,higher"), std::string::npos) << tidy;
}

TEST(CompareRuns, UsesWelchWhenSeedsDiffer) {
  TempDir tmp;
  RunSpec a{.seeds = {"1", "2", "3", "4", "5"}, .evacuated = {110000, 125000, 118000, 131000, 121000}};
  RunSpec b = a;
  b.seeds = {"6", "7", "8", "9", "10"};
  b.evacuated = {111100, 125900, 119050, 132000, 121950};
  write_run(tmp / "a", a);
  write_run(tmp / "b", b);
  const Outcome o = compare({.baseline = tmp / "a", .alternative = tmp / "b", .out = tmp / "diff.csv"});
  EXPECT_NE(o.out.find("Replications independent"), std::string::npos) << o.out;
  // The same +1000 is lost in the spread between independent replications.
  EXPECT_NE(line_of(read_text(tmp / "diff.csv"), "summary.csv,,evacuated,").find(",welch,no detectable difference"),
            std::string::npos);
  EXPECT_EQ(o.exit_code, 0) << o.out;
}

TEST(CompareRuns, TimelineMilestonesAndLargestGap) {
  // Same final total, reached sooner: the summary is equal but the curves are not.
  TempDir tmp;
  write_run(tmp / "a", {});
  write_run(tmp / "b", {.timeline_power = 0.5});
  const Outcome o = compare({.baseline = tmp / "a", .alternative = tmp / "b", .out = tmp / "diff.csv"});
  EXPECT_EQ(o.exit_code, 1) << o.err;
  const std::string tidy = read_text(tmp / "diff.csv");
  EXPECT_NE(tidy.find("timeline.csv,,time_to_50pct_h,1,1,24,12,-12,-0.5,,,tolerance,lower\n"), std::string::npos)
      << tidy;
  EXPECT_NE(tidy.find("timeline.csv,,time_to_90pct_h,1,1,48,48,0,0,,,tolerance,no detectable difference\n"),
            std::string::npos);
  EXPECT_NE(tidy.find("timeline.csv,2021-08-13T12:00+04:30,evacuated_largest_gap,1,1,30000,60000,30000,1,,,"
                      "tolerance,higher\n"),
            std::string::npos)
      << tidy;
  EXPECT_NE(line_of(o.out, "summary.csv").find("Summary"), std::string::npos);
  EXPECT_EQ(line_of(o.out, "  evacuated ").find("higher"), std::string::npos) << o.out;
}

TEST(CompareRuns, WritesTidyCsvWithEveryRow) {
  TempDir tmp;
  write_run(tmp / "a", {});
  write_run(tmp / "b", {});
  write_file(tmp / "diff.csv", "an older file, replaced whole\n");
  const Outcome o = compare({.baseline = tmp / "a", .alternative = tmp / "b", .out = tmp / "diff.csv"});
  EXPECT_EQ(o.exit_code, 0);
  const std::string tidy = read_text(tmp / "diff.csv");
  EXPECT_EQ(tidy.substr(0, tidy.find('\n')),
            "file,key,metric,n_baseline,n_alternative,baseline,alternative,difference,relative_difference,ci_low,"
            "ci_high,method,verdict");
  // 10 summary metrics, 3 timeline rows, 2 cities x 4, 2 cohorts x 6, 2 gates x 8, 1 fleet x 3.
  EXPECT_EQ(std::count(tidy.begin(), tidy.end(), '\n'), 1 + 10 + 3 + 8 + 12 + 16 + 3);
  EXPECT_NE(tidy.find("cities.csv,mazar,captured_h,0,0,,,,,,,none,no detectable difference\n"), std::string::npos);
  EXPECT_NE(tidy.find("flights.csv,us-c17,passengers,1,1,700,700,0,0,,,tolerance,no detectable difference\n"),
            std::string::npos)
      << tidy;
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()), 3);  // a, b, diff.csv
}

TEST(CompareRuns, GateOnlyInAlternativeIsListed) {
  // Opening another gate is a what-if of the same scenario, not a different scenario.
  TempDir tmp;
  write_run(tmp / "a", {});
  write_run(tmp / "b", {.gates = {"abbey", "north", "east"}});
  const Outcome o = compare(tmp / "a", tmp / "b");
  EXPECT_EQ(o.exit_code, 1) << o.err;
  EXPECT_NE(line_of(o.out, "hkia/east    served").find("only in alternative"), std::string::npos) << o.out;
}

TEST(CompareFiles, ComparesTwoFilesOfTheSameKind) {
  TempDir tmp;
  write_run(tmp / "a", {});
  write_run(tmp / "b", {.kabul_captured_h = 72});
  const Outcome o = compare(tmp / "a" / "cities.csv", tmp / "b" / "cities.csv");
  EXPECT_EQ(o.exit_code, 1) << o.err;
  EXPECT_EQ(line_of(o.out, "Summary"), "");  // only the files named are compared
  const std::string line = line_of(o.out, "kabul captured_h");
  EXPECT_NE(line.find("+12"), std::string::npos) << o.out;
  EXPECT_NE(line.find("higher"), std::string::npos) << o.out;
}

TEST(CompareRuns, ForceComparesCommonCitiesOfDifferentScenarios) {
  TempDir tmp;
  write_run(tmp / "a", {});
  write_run(tmp / "b", {.scenario = "saigon-1975", .cities = {"kabul", "saigon"}});
  const Outcome o = compare({.baseline = tmp / "a", .alternative = tmp / "b", .force = true});
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("Note: cities.csv: different cities (only in baseline: mazar; only in alternative: saigon); "
                       "compared the common ones"),
            std::string::npos)
      << o.out;
}

}  // namespace
}  // namespace analysis

namespace analysis {
namespace {

TEST(CompareFiles, LoneFilesWithoutSummaryAreTreatedAsIndependent) {
  TempDir tmp;
  RunSpec spec{.seeds = {"1", "2", "3"}, .evacuated = {120000, 121000, 122000}};
  write_run(tmp / "a", spec);
  fs::create_directories(tmp / "x");
  fs::copy_file(tmp / "a" / "cohorts.csv", tmp / "x" / "cohorts.csv");
  const Outcome o = compare({.baseline = tmp / "x" / "cohorts.csv", .alternative = tmp / "a" / "cohorts.csv",
                             .out = tmp / "diff.csv"});
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("Note: no summary.csv beside the files to tell their seeds"), std::string::npos) << o.out;
  EXPECT_NE(line_of(read_text(tmp / "diff.csv"), "afghan-siv,evacuated").find(",welch,"), std::string::npos);
}

}  // namespace
}  // namespace analysis
