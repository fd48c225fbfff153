// Scenario clock: all model times are seconds since the scenario's `start` (a double), durations are
// seconds; `kNever` stands for `never`. This header converts to and from ISO 8601 text for output.
//
// Example:
//   Clock clock{.start_epoch_s = 1628798400, .offset_min = 270};   // 2021-08-13T00:00+04:30
//   clock.format(36 * 3600.0)   // "2021-08-14T12:00:00+04:30"
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace sim::model {

inline constexpr double kNever = std::numeric_limits<double>::infinity();
inline constexpr double kSecondsPerHour = 3600.0;

inline constexpr double hours(double s) { return s / kSecondsPerHour; }
inline constexpr double seconds_from_hours(double h) { return h * kSecondsPerHour; }

/// A civil date-time with a UTC offset, as written in a scenario.
struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
  double second = 0;
  int offset_min = 0;  ///< minutes east of UTC
};

/// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)`; nullopt when malformed or out of range.
std::optional<CivilTime> parse_iso8601(std::string_view text);

/// Seconds since the Unix epoch (UTC) of a civil time.
double epoch_seconds(const CivilTime& t);

/// The scenario's reference: where time zero is, and which offset to print times with.
struct Clock {
  std::int64_t start_epoch_s = 0;
  int offset_min = 0;

  /// Seconds since start of an absolute time.
  double since_start(const CivilTime& t) const { return epoch_seconds(t) - static_cast<double>(start_epoch_s); }
  /// ISO 8601 with the scenario's offset, to the second: `2021-08-15T14:00:00+04:30`; "never" for kNever.
  std::string format(double since_start_s) const;
  /// The same, appended to `out` (result files: no string per time).
  void append_to(std::string& out, double since_start_s) const;

  bool operator==(const Clock&) const = default;
};

/// Parses a duration with units (`3h30min`, `90s`, `2d`, `1.5h`); nullopt when malformed.
std::optional<double> parse_duration_s(std::string_view text);
/// Writes a duration as the loader reads it back exactly (`5400s` -> "1h30min", "0.25s" stays exact).
std::string format_duration(double seconds);

}  // namespace sim::model
