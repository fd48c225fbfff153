// Reading CSV (libcsv, strict) and typing result files.
#include "analysis/csv_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/input_error.hpp"
#include "analysis/result_files.hpp"
#include "result_dir.hpp"

namespace analysis {
namespace {

using testing::TempDir;
using testing::write_file;

std::string error_of(const std::filesystem::path& path) {
  try {
    load_result_file(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ReadCsv, KnowsTheLineOnWhichEachRecordStarts) {
  TempDir tmp;
  // A quoted field over two lines, a blank line, CRLF endings and no final newline.
  write_file(tmp / "x.csv", "a,b\r\n1,\"two\r\nlines\"\r\n\r\n3,\"say \"\"hi\"\"\"\r\n4,5");
  const CsvFile f = read_csv(tmp / "x.csv");
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[0][1], "two\r\nlines");
  EXPECT_EQ(f.records[1][1], "say \"hi\"");
  EXPECT_EQ(f.records[2][0], "4");
  EXPECT_EQ(f.lines, (std::vector<std::size_t>{2, 5, 6}));
}

TEST(ReadCsv, RejectsEmptyFile) {
  TempDir tmp;
  write_file(tmp / "x.csv", "");
  EXPECT_THROW(read_csv(tmp / "x.csv"), InputError);
}

TEST(LoadResultFile, ReadsEmptyCellsAsMissing) {
  TempDir tmp;
  write_file(tmp / "cities.csv",
             "replication,city,captured_time,captured_h,evacuees,departed,stranded\n"
             "1,kabul,2021-08-15T12:00+04:30,60,100,90,10\n"
             "1,mazar,,,50,50,0\n");
  const ResultTable t = load_result_file(tmp / "cities.csv");
  EXPECT_EQ(t.kind, FileKind::cities);
  EXPECT_EQ(t.metrics, (std::vector<std::string>{"captured_h", "evacuees", "departed", "stranded"}));
  EXPECT_EQ(t.rows[1].entity, "mazar");
  EXPECT_TRUE(std::isnan(t.rows[1].metrics[0]));
  EXPECT_EQ(t.rows[1].metrics[1], 50);
}

TEST(LoadResultFile, DetectsKindFromHeaderWhateverTheName) {
  TempDir tmp;
  write_file(tmp / "run1-gates.csv",
             "replication,airport,gate,arrivals,served,wait_mean_h,wait_p50_h,wait_p90_h,wait_max_h,queue_max,"
             "utilization\n1,hkia,abbey,10,9,1,1,2,3,4,0.5\n");
  const ResultTable t = load_result_file(tmp / "run1-gates.csv");
  EXPECT_EQ(t.kind, FileKind::gates);
  EXPECT_EQ(t.rows[0].entity, "hkia/abbey");
}

TEST(LoadResultFile, ExtraColumnsAreMetricsUnlessTimesOrText) {
  TempDir tmp;
  write_file(tmp / "cohorts.csv",
             "replication,cohort,nation,evacuees,evacuated,stranded,remaining,time_to_evacuate_mean_h,"
             "time_to_evacuate_p90_h,seats_offered,first_time,note\n"
             "1,us,us,10,9,1,0,2,3,12,2021-08-14T00:00+04:30,late\n"
             "2,us,us,10,9,1,0,2,3,,2021-08-14T00:00+04:30,\n");
  const ResultTable t = load_result_file(tmp / "cohorts.csv");
  EXPECT_EQ(t.metrics.back(), "seats_offered");
  EXPECT_EQ(t.text_columns, (std::vector<std::string>{"nation", "first_time", "note"}));
}

TEST(LoadResultFile, RejectsUnknownHeader) {
  TempDir tmp;
  write_file(tmp / "other.csv", "a,b\n1,2\n");
  EXPECT_EQ(error_of(tmp / "other.csv"),
            (tmp / "other.csv").string() +
                ":1: not an evacsim result file (its header matches none of summary.csv, timeline.csv, flights.csv, "
                "cities.csv, cohorts.csv, gates.csv)");
}

TEST(LoadResultFile, RejectsNonIntegerReplication) {
  TempDir tmp;
  write_file(tmp / "cities.csv", "replication,city,captured_time,captured_h,evacuees,departed,stranded\n1.5,k,,,1,1,0\n");
  EXPECT_EQ(error_of(tmp / "cities.csv"),
            (tmp / "cities.csv").string() + ":2:1: replication: not a replication number (got \"1.5\")");
}

TEST(LoadResultFile, RejectsNanAndInfinityAsNumbers) {
  TempDir tmp;
  write_file(tmp / "cities.csv", "replication,city,captured_time,captured_h,evacuees,departed,stranded\n1,k,,nan,1,1,0\n");
  EXPECT_EQ(error_of(tmp / "cities.csv"), (tmp / "cities.csv").string() + ":2:4: captured_h: not a number (got \"nan\")");
}

TEST(LoadResultFile, RefusesDerivedSummaryStats) {
  TempDir tmp;
  write_file(tmp / "summary_stats.csv", "metric,n,mean,sd,ci95_low,ci95_high,min,p05,p50,p95,max\n");
  EXPECT_EQ(error_of(tmp / "summary_stats.csv"),
            (tmp / "summary_stats.csv").string() +
                ": summary_stats.csv is derived from summary.csv; compare the summary.csv files instead");
}

}  // namespace
}  // namespace analysis
