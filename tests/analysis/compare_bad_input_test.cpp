// Bad input to compare: each case is refused with the file, the line and what is wrong, exit 2,
// and nothing written (neither the table nor --out).
#include <gtest/gtest.h>

#include <sstream>

#include "analysis/compare.hpp"
#include "result_dir.hpp"

namespace analysis {
namespace {

namespace fs = std::filesystem;
using testing::RunSpec;
using testing::TempDir;
using testing::read_text;
using testing::write_file;
using testing::write_run;

// Two identical runs in tmp/a and tmp/b, ready to be broken by a test.
struct Runs {
  TempDir tmp;
  Runs() {
    write_run(tmp / "a", {});
    write_run(tmp / "b", {});
  }
  std::string a(const std::string& file = "") const { return (file.empty() ? tmp / "a" : tmp / "a" / file).string(); }
  std::string b(const std::string& file = "") const { return (file.empty() ? tmp / "b" : tmp / "b" / file).string(); }

  // Runs compare with --out and checks the promise of bad input: exit 2, no output, no file.
  std::string refused(CompareOptions options) const {
    options.out = tmp / "diff.csv";
    std::ostringstream out, err;
    const int code = run_compare(options, out, err);
    EXPECT_EQ(code, 2) << out.str();
    EXPECT_EQ(out.str(), "");
    EXPECT_FALSE(fs::exists(tmp / "diff.csv"));
    return err.str();
  }
  std::string refused(const std::string& baseline, const std::string& alternative) const {
    return refused({.baseline = baseline, .alternative = alternative});
  }
};

TEST(CompareBadInput, MissingDirectory) {
  Runs runs;
  EXPECT_EQ(runs.refused(runs.a(), runs.b() + "-typo"), runs.b() + "-typo: no such file or directory\n");
}

TEST(CompareBadInput, DirectoryWithoutSummary) {
  Runs runs;
  fs::remove(runs.b("summary.csv"));
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("summary.csv") + ": no such file (a result directory has one)\n");
}

TEST(CompareBadInput, FileMissingFromOneRun) {
  Runs runs;
  fs::remove(runs.b("gates.csv"));
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("gates.csv") + ": no such file (" + runs.a("gates.csv") +
                " has one); pass --force to compare the other files\n");
}

TEST(CompareBadInput, DifferentKindsOfFile) {
  Runs runs;
  EXPECT_EQ(runs.refused(runs.a("summary.csv"), runs.b("cities.csv")),
            "cannot compare different kinds of file: " + runs.a("summary.csv") + " is a summary.csv file, " +
                runs.b("cities.csv") + " is a cities.csv file\n");
}

TEST(CompareBadInput, DirectoryAgainstFile) {
  Runs runs;
  EXPECT_EQ(runs.refused(runs.a(), runs.b("summary.csv")),
            "cannot compare a directory (" + runs.a() + ") with a file (" + runs.b("summary.csv") +
                "): give two result directories or two result files of the same kind\n");
}

TEST(CompareBadInput, MismatchedColumns) {
  Runs runs;
  write_file(runs.b("cohorts.csv"),
             "replication,cohort,nation,evacuees,evacuated,stranded,remaining,time_to_evacuate_mean_h,"
             "time_to_evacuate_p90_h,seats_offered\n"
             "1,us-citizens,us,6000,5900,100,0,30.5,50,7000\n");
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("cohorts.csv") + ":1: columns differ from " + runs.a("cohorts.csv") +
                " (only in alternative: seats_offered); pass --force to compare the common columns\n");
}

TEST(CompareBadInput, HeaderThatBreaksTheContract) {
  Runs runs;
  write_file(runs.b("summary.csv"),
             "replication,seed,evacuted,stranded,remaining,flights,seats_flown,load_factor,last_takeoff_h,"
             "peak_day_evacuated,gate_wait_mean_h,gate_wait_p90_h\n");
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("summary.csv") +
                ":1:3: not a summary file: expected column `evacuated`, got `evacuted` (expected columns replication, "
                "seed, evacuated, stranded, remaining, flights, seats_flown, load_factor, last_takeoff_h, "
                "peak_day_evacuated, gate_wait_mean_h, gate_wait_p90_h)\n");
}

TEST(CompareBadInput, NonNumericCellWithLineAndColumn) {
  Runs runs;
  write_file(runs.b("gates.csv"),
             "replication,airport,gate,arrivals,served,wait_mean_h,wait_p50_h,wait_p90_h,wait_max_h,queue_max,"
             "utilization\n"
             "1,hkia,abbey,5000,4900,1.5,1,3,9,400,0.8\n"
             "1,hkia,north,5000,4900,1.5h,1,3,9,400,0.8\n");
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("gates.csv") + ":3:6: wait_mean_h: not a number (got \"1.5h\")\n");
}

TEST(CompareBadInput, TruncatedRow) {
  Runs runs;
  std::string cities = read_text(runs.b("cities.csv"));
  cities = cities.substr(0, cities.rfind(",50000,50000,0\n"));  // the last row cut short, as by a crash
  write_file(runs.b("cities.csv"), cities);
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("cities.csv") + ":3: expected 7 fields as in the header, found 4 (truncated row?)\n");
}

TEST(CompareBadInput, UnterminatedQuote) {
  Runs runs;
  write_file(runs.b("cohorts.csv"),
             "replication,cohort,nation,evacuees,evacuated,stranded,remaining,time_to_evacuate_mean_h,"
             "time_to_evacuate_p90_h\n"
             "1,\"us-citizens,us,6000,5900,100,0,30.5,50\n"
             "1,afghan-siv,us,144000,114100,30000,0,40,70\n");
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("cohorts.csv") + ":2: unterminated quoted field (the file ends inside quotes)\n");
}

TEST(CompareBadInput, StrayQuoteWithLineAndColumn) {
  Runs runs;
  write_file(runs.b("cohorts.csv"),
             "replication,cohort,nation,evacuees,evacuated,stranded,remaining,time_to_evacuate_mean_h,"
             "time_to_evacuate_p90_h\n"
             "1,us-citizens,us,6000,5900,100,0,30.5,50\n"
             "1,afghan\"siv,us,144000,114100,30000,0,40,70\n");
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("cohorts.csv") +
                ":3:9: malformed CSV (error parsing data while strict checking enabled; a quote may only open or "
                "close a quoted field)\n");
}

TEST(CompareBadInput, DifferentScenariosWithoutForce) {
  Runs runs;
  write_run(runs.tmp / "b", {.scenario = "saigon-1975", .cities = {"kabul", "saigon"}});
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b() + " (scenario \"saigon-1975\") is a run of a different scenario than " + runs.a() +
                " (scenario \"kabul-2021\"): cities.csv has different cities (only in baseline: mazar; only in "
                "alternative: saigon); pass --force to compare the common cities\n");
}

TEST(CompareBadInput, ReplicationMissingFromOneFile) {
  Runs runs;
  write_run(runs.tmp / "b", {.seeds = {"1", "2"}, .evacuated = {120000, 121000}});
  std::string gates = read_text(runs.b("gates.csv"));
  gates = gates.substr(0, gates.rfind("2,hkia,north"));
  write_file(runs.b("gates.csv"), gates);
  EXPECT_EQ(runs.refused(runs.a(), runs.b()), runs.b("gates.csv") + ": no row for gate hkia/north in replication 2\n");
}

TEST(CompareBadInput, DuplicateRow) {
  Runs runs;
  write_file(runs.b("cities.csv"), read_text(runs.b("cities.csv")) + "1,mazar,,,50000,50000,0\n");
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("cities.csv") + ":4: duplicate row for replication 1 and mazar (first on line 3)\n");
}

TEST(CompareBadInput, MalformedManifest) {
  Runs runs;
  write_file(runs.b("manifest.json"), "{\"scenario_name\": \"kabul-2021\",");
  const std::string err = runs.refused(runs.a(), runs.b());
  EXPECT_EQ(err.rfind(runs.b("manifest.json") + ": not valid JSON (", 0), 0u) << err;
}

TEST(CompareBadInput, AlphaOutOfRange) {
  Runs runs;
  EXPECT_EQ(runs.refused({.baseline = runs.a(), .alternative = runs.b(), .alpha = 1.5}),
            "--alpha: must be between 0 and 1 (got 1.500000)\n");
}

TEST(CompareBadInput, UnwritableOutputFile) {
  Runs runs;
  std::ostringstream out, err;
  const CompareOptions options{.baseline = runs.a(), .alternative = runs.b(), .out = runs.tmp / "no-dir" / "d.csv"};
  EXPECT_EQ(run_compare(options, out, err), 2);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str(), (runs.tmp / "no-dir" / "d.csv").string() + ": cannot be written (cannot create " +
                           (runs.tmp / "no-dir" / ".d.csv.tmp").string() + ")\n");
}

}  // namespace
}  // namespace analysis

namespace analysis {
namespace {

TEST(CompareBadInput, ReplicationNotInSummary) {
  Runs runs;
  write_file(runs.b("timeline.csv"), read_text(runs.b("timeline.csv")) +
                                         "7,2021-08-13T00:00+04:30,0,0,0,0,0,0,0,5000,0,0,1\n");
  EXPECT_EQ(runs.refused(runs.a(), runs.b()),
            runs.b("timeline.csv") + ":7: replication 7 is not in " + runs.b("summary.csv") + "\n");
}

}  // namespace
}  // namespace analysis
