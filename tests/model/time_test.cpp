// sim/model time: ISO 8601 parsing, the scenario clock, and durations read and written exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "sim/model/time.hpp"

namespace sim::model {
namespace {

TEST(ParseIso8601, ReadsDateTimeAndOffset) {
  const auto t = parse_iso8601("2021-08-15T14:05:30.25+04:30");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->year, 2021);
  EXPECT_EQ(t->month, 8);
  EXPECT_EQ(t->day, 15);
  EXPECT_EQ(t->hour, 14);
  EXPECT_EQ(t->minute, 5);
  EXPECT_DOUBLE_EQ(t->second, 30.25);
  EXPECT_EQ(t->offset_min, 270);
}

TEST(ParseIso8601, AcceptsZuluNegativeOffsetsAndNoSeconds) {
  EXPECT_EQ(parse_iso8601("2021-08-15T14:00Z")->offset_min, 0);
  EXPECT_EQ(parse_iso8601("2021-08-15T14:00-05:00")->offset_min, -300);
  EXPECT_EQ(parse_iso8601("2021-08-15T14:00+0430")->offset_min, 270);
  EXPECT_EQ(parse_iso8601("2021-08-15 14:00+04:30")->hour, 14);
}

TEST(ParseIso8601, RefusesMalformedOrImpossibleTimes) {
  for (const char* bad : {"2021-08-15T14:00", "2021-08-15", "2021-02-29T00:00Z", "2021-13-01T00:00Z",
                          "2021-08-15T24:00Z", "2021-08-15T14:60Z", "2021-08-15T14:00+15:00", "21-08-15T14:00Z",
                          "2021-08-15T14:00Zjunk", "2021-08-15T14:00:00.Z", ""})
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
  EXPECT_TRUE(parse_iso8601("2020-02-29T00:00Z"));  // a leap day
}

TEST(EpochSeconds, AppliesTheOffset) {
  // 2021-08-13T00:00+04:30 is 2021-08-12T19:30Z.
  EXPECT_EQ(epoch_seconds(*parse_iso8601("2021-08-13T00:00+04:30")), 1628796600.0);
  EXPECT_EQ(epoch_seconds(*parse_iso8601("1970-01-01T00:00Z")), 0.0);
  EXPECT_EQ(epoch_seconds(*parse_iso8601("1969-12-31T23:00Z")), -3600.0);
}

TEST(ClockFormat, WritesWithTheScenarioOffsetToTheSecond) {
  const Clock clock{.start_epoch_s = 1628796600, .offset_min = 270};
  EXPECT_EQ(clock.format(0), "2021-08-13T00:00:00+04:30");
  EXPECT_EQ(clock.format(36 * 3600.0), "2021-08-14T12:00:00+04:30");
  EXPECT_EQ(clock.format(-1), "2021-08-12T23:59:59+04:30");
  EXPECT_EQ(clock.format(kNever), "never");
  const Clock west{.start_epoch_s = 0, .offset_min = -300};
  EXPECT_EQ(west.format(0), "1969-12-31T19:00:00-05:00");
}

TEST(ClockFormat, AgreesWithTheCLibraryOverCenturiesAndOffsets) {
  // gmtime_r of the local wall time is an independent reference for the hand-written digits.
  for (int offset : {-720, -570, -300, 0, 270, 345, 840}) {
    const Clock clock{.start_epoch_s = -2208988800, .offset_min = offset};  // 1900-01-01T00:00Z
    for (double t = 0; t < 6.4e9; t += 7777777.7) {
      const auto local = static_cast<std::time_t>(std::floor(-2208988800.0 + t + offset * 60.0 + 0.5));
      std::tm tm{};
      gmtime_r(&local, &tm);
      char expected[64];
      const std::size_t n = std::strftime(expected, sizeof expected, "%Y-%m-%dT%H:%M:%S", &tm);
      const int off = std::abs(offset);
      std::snprintf(expected + n, sizeof expected - n, "%c%02d:%02d", offset < 0 ? '-' : '+', off / 60, off % 60);
      EXPECT_EQ(clock.format(t), expected) << "offset " << offset << ", t " << t;
    }
  }
}

TEST(ClockSinceStart, IsTheInverseOfFormatForWholeSeconds) {
  const Clock clock{.start_epoch_s = 1628796600, .offset_min = 270};
  for (double t : {0.0, 1.0, -86400.0, 1234567.0, 3.0e8})
    EXPECT_EQ(clock.since_start(*parse_iso8601(clock.format(t))), t) << t;
}

TEST(ParseDuration, ReadsUnitsCombinationsAndDecimals) {
  EXPECT_EQ(parse_duration_s("90s"), 90.0);
  EXPECT_EQ(parse_duration_s("3h30min"), 12600.0);
  EXPECT_EQ(parse_duration_s("2d"), 172800.0);
  EXPECT_EQ(parse_duration_s("1.5h"), 5400.0);
  EXPECT_EQ(parse_duration_s("0.25s"), 0.25);
  EXPECT_EQ(parse_duration_s("1d2h3min4s"), 93784.0);
}

TEST(ParseDuration, RefusesBareNumbersUnknownUnitsAndNegatives) {
  for (const char* bad : {"90", "", "h", "3 h", "3hours", "-5s", "5m", "1e400s", "nan s", "infs"})
    EXPECT_FALSE(parse_duration_s(bad)) << bad;
}

TEST(ParseDuration, RefusesDurationsThatOverflowToInfinity) {
  // Each part is finite, the total is not: a duration must be a finite number of seconds.
  EXPECT_FALSE(parse_duration_s("1e308d"));
}

TEST(FormatDuration, WritesWholeSecondsInUnits) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(90), "1min30s");
  EXPECT_EQ(format_duration(5400), "1h30min");
  EXPECT_EQ(format_duration(172800), "2d");
  EXPECT_EQ(format_duration(0.25), "0.25s");
}

TEST(FormatDuration, ReadsBackExactly) {
  for (double s : {0.1, 1.0 / 3, 59.999, 3600.5, 86399.0, 1e6 + 0.125, 123456789.0, 1e15, 3e15 + 1})
    EXPECT_EQ(parse_duration_s(format_duration(s)), s) << format_duration(s);
}

TEST(FormatDuration, HandlesValuesBeyondExactIntegers) {
  // Past 2^53 seconds every double is whole; converting those to an integer overflowed.
  EXPECT_EQ(parse_duration_s(format_duration(1e300)), 1e300);
  EXPECT_EQ(parse_duration_s(format_duration(9.3e18)), 9.3e18);
}

}  // namespace
}  // namespace sim::model
