// Reading and writing the scenario language's scalars: numbers, integers, times, durations and
// distributions over any of them, with strict checks and diagnostics. Times come out as seconds since
// the scenario's `start` (kNever for `never`), durations as seconds.
//
// Example:
//   ValueReader r{diags, clock};
//   std::optional<model::Dist> d = r.dist(node, "cities.kabul.captured_at", Quantity::Time, {.never = true});
//   std::string text = format_time(clock, 36 * 3600.0);   // "2021-08-14T12:00:00+04:30"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/model/distribution.hpp"
#include "sim/model/time.hpp"
#include "sim/scenario/keys.hpp"
#include "sim/scenario/tree.hpp"

namespace sim::scenario {

/// What a distribution ranges over; decides how its parameters are written and checked.
enum class Quantity { Number, Duration, Time };

/// Times and durations further than this from zero are refused (about 3000 years): the engine adds
/// and compares them, and printing them as dates must stay within years 0000-9999.
inline constexpr double kMaxSpan_s = 1e11;

struct ValueOptions {
  Bound bound;         ///< numbers and durations: allowed range (every value a distribution names)
  bool never = false;  ///< times and durations: `never` allowed (kNever)
};

class ValueReader {
 public:
  /// `clock` is empty when `start` itself is missing or wrong: absolute times are then skipped
  /// silently (the problem with `start` is reported once).
  ValueReader(Diagnostics& diags, std::optional<model::Clock> clock) : diags_(diags), clock_(clock) {}

  const std::optional<model::Clock>& clock() const { return clock_; }
  void set_clock(std::optional<model::Clock> clock) { clock_ = clock; }

  std::optional<std::string> text(const Node& node, const std::string& path);
  std::optional<std::string> id(const Node& node, const std::string& path);
  std::optional<bool> boolean(const Node& node, const std::string& path);
  std::optional<double> number(const Node& node, const std::string& path, const ValueOptions& opt = {});
  /// A whole number in [lo, hi] (and in the bound).
  std::optional<std::int64_t> integer(const Node& node, const std::string& path, const ValueOptions& opt,
                                      std::int64_t lo, std::int64_t hi);
  std::optional<std::uint64_t> seed(const Node& node, const std::string& path);
  std::optional<double> duration(const Node& node, const std::string& path, const ValueOptions& opt = {});
  /// An absolute time or `+<duration>` / `-<duration>` from start; in seconds since start.
  std::optional<double> time(const Node& node, const std::string& path, const ValueOptions& opt = {});
  /// An ISO 8601 time with offset only (for `start`).
  std::optional<model::CivilTime> absolute_time(const Node& node, const std::string& path);
  /// A value of `q` or a `{dist: ...}` mapping over it.
  std::optional<model::Dist> dist(const Node& node, const std::string& path, Quantity q, const ValueOptions& opt = {});

 private:
  std::optional<double> scalar_of(const Node& node, const std::string& path, Quantity q, const ValueOptions& opt,
                                  bool spread);
  bool check_bound(const Node& node, const std::string& path, double value, Quantity q, const ValueOptions& opt,
                   std::string_view what);
  void type_error(const Node& node, const std::string& path, std::string message, std::string expected);

  Diagnostics& diags_;
  std::optional<model::Clock> clock_;
};

/// Shortest text that reads back to exactly the same double (std::to_chars).
std::string format_number(double x);
/// A time for a scenario file: ISO 8601 with the clock's offset when a whole second (and printable),
/// else `+<duration>`/`-<duration>` from start; `never` for kNever.
std::string format_time(const model::Clock& clock, double since_start_s);
/// A duration for a scenario file (`1h30min`, `0.25s`); `never` for kNever.
std::string format_duration_text(double seconds);
/// A value of quantity `q` as text.
std::string format_value(const model::Clock& clock, double value, Quantity q);
/// A distribution as a YAML flow value: a plain value when fixed, else `{dist: uniform, min: .., max: ..}`.
std::string format_dist(const model::Clock& clock, const model::Dist& dist, Quantity q);

/// What we say we expected for a quantity, in messages.
std::string_view expected_text(Quantity q);

}  // namespace sim::scenario
