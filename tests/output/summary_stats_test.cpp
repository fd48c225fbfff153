// summary_stats.csv, one row per summary metric, checked against hand arithmetic: a metric no
// replication measured, one measured once (no spread, no interval), and one measured twice.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "sim/output/csv.hpp"

namespace sim::output {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

TEST(SummaryStats, RowsForNoneOneAndTwoValues) {
  // Metrics in summary_metrics() order: evacuated (two values), stranded (one), remaining (none);
  // the replications carry no value for any later metric.
  const std::vector<std::vector<std::optional<double>>> rows{{10.0, 5.0, std::nullopt}, {14.0, std::nullopt, std::nullopt}};
  const auto out = lines(summary_stats_csv(rows));
  const auto metrics = summary_metrics();
  ASSERT_EQ(out.size(), 1 + metrics.size());
  EXPECT_EQ(out[0], "metric,n,mean,sd,ci95_low,ci95_high,min,p05,p50,p95,max");

  const auto two = cells(out[1]);
  ASSERT_EQ(two.size(), 11u) << out[1];
  EXPECT_EQ(two[0], "evacuated");
  EXPECT_EQ(two[1], "2");
  EXPECT_EQ(two[2], "12");
  EXPECT_NEAR(std::stod(two[3]), 2.828427, 1e-6);  // sqrt((4 + 4) / 1)
  // t(0.975, 1 degree of freedom) = 12.7062: half-width 12.7062 * 2.8284 / sqrt(2) = 25.4124.
  EXPECT_NEAR(std::stod(two[4]), 12 - 25.412409, 1e-5);
  EXPECT_NEAR(std::stod(two[5]), 12 + 25.412409, 1e-5);
  EXPECT_EQ(two[6], "10");
  EXPECT_EQ(two[7], "10.2");  // 10 + 0.05 * (14 - 10)
  EXPECT_EQ(two[8], "12");
  EXPECT_EQ(two[9], "13.8");
  EXPECT_EQ(two[10], "14");

  EXPECT_EQ(out[2], "stranded,1,5,0,,,5,5,5,5,5");
  EXPECT_EQ(out[3], "remaining,0,,,,,,,,,");
  for (std::size_t m = 3; m < metrics.size(); ++m) EXPECT_EQ(out[1 + m], metrics[m] + ",0,,,,,,,,,");
}

}  // namespace
}  // namespace sim::output
