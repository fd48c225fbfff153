#include "sim/scenario/values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace sim::scenario {
namespace {

constexpr std::string_view kDurationExpected = "a duration with units, e.g. 90s, 3h30min";
constexpr std::string_view kTimeExpected =
    "a time: ISO 8601 with offset (2021-08-15T14:00+04:30), +<duration> from start (+36h), or never";
constexpr std::string_view kNumberExpected = "a number";

/// Parses the whole of `text` as a double (from_chars: locale-independent, exact). A leading '+' is
/// accepted as YAML does.
std::optional<double> parse_double(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

/// YAML's spellings of infinity and not-a-number (and the C ones from_chars accepts).
bool is_non_finite_word(std::string_view text) {
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  if (!text.empty() && text.front() == '.') text.remove_prefix(1);
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "inf" || lower == "nan" || lower == "infinity";
}

std::string shown(double x, Quantity q, const std::optional<model::Clock>& clock) {
  if (q == Quantity::Duration) return format_duration_text(x);
  if (q == Quantity::Time) return clock ? format_time(*clock, x) : format_duration_text(x);
  return format_number(x);
}

}  // namespace

std::string_view expected_text(Quantity q) {
  switch (q) {
    case Quantity::Number: return kNumberExpected;
    case Quantity::Duration: return kDurationExpected;
    case Quantity::Time: return kTimeExpected;
  }
  return kNumberExpected;
}

void ValueReader::type_error(const Node& node, const std::string& path, std::string message, std::string expected) {
  diags_.error(node.mark, path, std::move(message), std::move(expected));
}

std::optional<std::string> ValueReader::text(const Node& node, const std::string& path) {
  if (!node.is_scalar()) {
    type_error(node, path, "got " + describe_value(node), "text");
    return std::nullopt;
  }
  return node.scalar;
}

std::optional<std::string> ValueReader::id(const Node& node, const std::string& path) {
  if (!node.is_scalar()) {
    type_error(node, path, "got " + describe_value(node), "an id like kabul or us-c17");
    return std::nullopt;
  }
  if (!is_valid_id(node.scalar)) {
    type_error(node, path, "bad id " + describe_value(node),
               "lower-case letters, digits, '_' and '-', starting with a letter or digit");
    return std::nullopt;
  }
  return node.scalar;
}

std::optional<bool> ValueReader::boolean(const Node& node, const std::string& path) {
  if (node.is_scalar() && !node.quoted) {
    if (node.scalar == "true" || node.scalar == "True" || node.scalar == "TRUE") return true;
    if (node.scalar == "false" || node.scalar == "False" || node.scalar == "FALSE") return false;
  }
  type_error(node, path, "got " + describe_value(node), "true or false");
  return std::nullopt;
}

bool ValueReader::check_bound(const Node& node, const std::string& path, double value, Quantity q,
                              const ValueOptions& opt, std::string_view what) {
  if (opt.bound.contains(value)) return true;
  if (std::isinf(value) && opt.never && value > 0) return true;  // `never` where allowed
  std::string message(what);
  if (!message.empty()) message += " ";
  message += "must be " + opt.bound.str(q == Quantity::Duration) + " (got " + shown(value, q, clock_) + ")";
  diags_.error(node.mark, path, std::move(message));
  return false;
}

std::optional<double> ValueReader::number(const Node& node, const std::string& path, const ValueOptions& opt) {
  if (!node.is_scalar()) {
    type_error(node, path, "got " + describe_value(node), std::string(kNumberExpected));
    return std::nullopt;
  }
  if (is_non_finite_word(node.scalar)) {
    type_error(node, path, "must be finite (got " + node.scalar + ")", "a finite number");
    return std::nullopt;
  }
  const std::optional<double> v = parse_double(node.scalar);
  if (!v) {
    type_error(node, path, "not a number: " + describe_value(node), std::string(kNumberExpected));
    return std::nullopt;
  }
  if (node.quoted) {
    type_error(node, path, "got the text " + describe_value(node), "a number, without quotes");
    return std::nullopt;
  }
  if (!std::isfinite(*v)) {  // from_chars refuses overflow, but be sure
    type_error(node, path, "must be finite (got " + node.scalar + ")", "a finite number");
    return std::nullopt;
  }
  if (!check_bound(node, path, *v, Quantity::Number, opt, "")) return std::nullopt;
  return v;
}

std::optional<std::int64_t> ValueReader::integer(const Node& node, const std::string& path, const ValueOptions& opt,
                                                 std::int64_t lo, std::int64_t hi) {
  if (!node.is_scalar()) {
    type_error(node, path, "got " + describe_value(node), "a whole number");
    return std::nullopt;
  }
  ValueOptions unbounded = opt;
  unbounded.bound = kAny;
  const std::optional<double> v = number(node, path, unbounded);
  if (!v) return std::nullopt;
  if (std::floor(*v) != *v) {
    type_error(node, path, "must be a whole number (got " + node.scalar + ")", "an integer");
    return std::nullopt;
  }
  if (!check_bound(node, path, *v, Quantity::Number, opt, "")) return std::nullopt;
  if (*v < static_cast<double>(lo) || *v > static_cast<double>(hi)) {
    type_error(node, path, "out of range (got " + node.scalar + ")",
               "an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*v);
}

std::optional<std::uint64_t> ValueReader::seed(const Node& node, const std::string& path) {
  constexpr std::string_view expected = "a whole number in [0, 18446744073709551615]";
  if (!node.is_scalar() || node.quoted) {
    type_error(node, path, "got " + describe_value(node), std::string(expected));
    return std::nullopt;
  }
  std::string_view s = node.scalar;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  std::uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || ptr != s.data() + s.size()) {
    type_error(node, path, "not a valid seed: " + describe_value(node), std::string(expected));
    return std::nullopt;
  }
  return v;
}

std::optional<double> ValueReader::duration(const Node& node, const std::string& path, const ValueOptions& opt) {
  if (!node.is_scalar()) {
    type_error(node, path, "got " + describe_value(node), std::string(kDurationExpected));
    return std::nullopt;
  }
  const std::string& s = node.scalar;
  if (s == "never") {
    if (opt.never) return model::kNever;
    type_error(node, path, "never is not allowed here", std::string(kDurationExpected));
    return std::nullopt;
  }
  if (parse_double(s) || is_non_finite_word(s)) {
    type_error(node, path, "a bare number is not a duration (got " + s + ")", std::string(kDurationExpected));
    return std::nullopt;
  }
  const std::optional<double> v = model::parse_duration_s(s);
  if (!v) {
    type_error(node, path, "not a duration: " + describe_value(node), std::string(kDurationExpected));
    return std::nullopt;
  }
  if (!std::isfinite(*v) || *v > kMaxSpan_s) {
    type_error(node, path, "duration too long (got " + s + ")", "at most about 3000 years");
    return std::nullopt;
  }
  if (!check_bound(node, path, *v, Quantity::Duration, opt, "")) return std::nullopt;
  return v;
}

std::optional<model::CivilTime> ValueReader::absolute_time(const Node& node, const std::string& path) {
  constexpr std::string_view expected = "an ISO 8601 time with offset, e.g. 2021-08-13T00:00+04:30";
  if (!node.is_scalar()) {
    type_error(node, path, "got " + describe_value(node), std::string(expected));
    return std::nullopt;
  }
  const std::optional<model::CivilTime> t = model::parse_iso8601(node.scalar);
  if (!t) {
    const bool no_offset = model::parse_iso8601(node.scalar + "Z").has_value();
    type_error(node, path, no_offset ? "time without a UTC offset: " + describe_value(node)
                                     : "not an absolute time: " + describe_value(node),
               std::string(expected));
    return std::nullopt;
  }
  return t;
}

std::optional<double> ValueReader::time(const Node& node, const std::string& path, const ValueOptions& opt) {
  if (!node.is_scalar()) {
    type_error(node, path, "got " + describe_value(node), std::string(kTimeExpected));
    return std::nullopt;
  }
  const std::string& s = node.scalar;
  if (s == "never") {
    if (opt.never) return model::kNever;
    type_error(node, path, "never is not allowed here", "a time");
    return std::nullopt;
  }
  if (!s.empty() && (s.front() == '+' || s.front() == '-') && !parse_double(s)) {
    const std::optional<double> d = model::parse_duration_s(std::string_view(s).substr(1));
    if (!d) {
      type_error(node, path, "not an offset from start: " + describe_value(node),
                 "+<duration> with units, e.g. +36h or +1d12h");
      return std::nullopt;
    }
    const double t = s.front() == '-' ? -*d : *d;
    if (!std::isfinite(t) || std::abs(t) > kMaxSpan_s) {
      type_error(node, path, "time too far from start (got " + s + ")", "within about 3000 years of start");
      return std::nullopt;
    }
    return t;
  }
  if (parse_double(s) || is_non_finite_word(s)) {
    type_error(node, path, "a bare number is not a time (got " + s + ")", std::string(kTimeExpected));
    return std::nullopt;
  }
  const std::optional<model::CivilTime> civil = model::parse_iso8601(s);
  if (!civil) {
    const bool no_offset = model::parse_iso8601(s + "Z").has_value();
    type_error(node, path, no_offset ? "time without a UTC offset: " + describe_value(node)
                                     : "not a time: " + describe_value(node),
               std::string(kTimeExpected));
    return std::nullopt;
  }
  if (!clock_) return std::nullopt;  // `start` is wrong: already reported
  const double t = clock_->since_start(*civil);
  if (std::abs(t) > kMaxSpan_s) {
    type_error(node, path, "time too far from start (got " + s + ")", "within about 3000 years of start");
    return std::nullopt;
  }
  return t;
}

std::optional<double> ValueReader::scalar_of(const Node& node, const std::string& path, Quantity q,
                                             const ValueOptions& opt, bool spread) {
  if (spread) {
    // A spread (sd) of times or durations is a duration; of numbers a number. Never negative.
    ValueOptions o{.bound = kNonNegative};
    return q == Quantity::Number ? number(node, path, o) : duration(node, path, o);
  }
  switch (q) {
    case Quantity::Number: return number(node, path, opt);
    case Quantity::Duration: return duration(node, path, opt);
    case Quantity::Time: return time(node, path, opt);
  }
  return std::nullopt;
}

std::optional<model::Dist> ValueReader::dist(const Node& node, const std::string& path, Quantity q,
                                             const ValueOptions& opt) {
  using model::Dist;
  using model::DistKind;
  if (!node.is_map()) {
    if (node.is_sequence()) {
      type_error(node, path, "got a list",
                 std::string(expected_text(q)) + ", or a distribution {dist: ...}");
      return std::nullopt;
    }
    const std::optional<double> v = scalar_of(node, path, q, opt, false);
    if (!v) return std::nullopt;
    return Dist::fixed(*v);
  }
  const Node* kind_node = node.find("dist");
  std::vector<std::string_view> names;
  for (const DistSpec& d : dist_specs()) names.push_back(d.name);
  if (!kind_node) {
    type_error(node, path, "a mapping here must be a distribution: missing key 'dist'",
               "{dist: " + join_or(names) + ", ...}");
    return std::nullopt;
  }
  if (!kind_node->is_scalar()) {
    type_error(*kind_node, path + ".dist", "got " + describe_value(*kind_node), join_or(names));
    return std::nullopt;
  }
  const DistSpec* spec = find_dist(kind_node->scalar);
  if (!spec) {
    const auto hint = suggest(kind_node->scalar, names);
    type_error(*kind_node, path + ".dist",
               "unknown distribution " + describe_value(*kind_node) + (hint ? " (did you mean '" + *hint + "'?)" : ""),
               join_or(names));
    return std::nullopt;
  }
  if (q == Quantity::Time && !spec->over_times) {
    std::vector<std::string_view> ok;
    for (const DistSpec& d : dist_specs())
      if (d.over_times) ok.push_back(d.name);
    type_error(*kind_node, path + ".dist", std::string(spec->name) + " is not available for times", join_or(ok));
    return std::nullopt;
  }
  bool ok = true;
  // Unknown and missing parameters.
  std::vector<std::string_view> allowed{"dist"};
  for (const DistParam& p : spec->params) allowed.push_back(p.name);
  for (const Entry& e : node.entries) {
    if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
    const auto hint = suggest(e.key, allowed);
    diags_.error(e.key_mark, path + "." + e.key,
                 "unknown key '" + e.key + "' for a " + std::string(spec->name) + " distribution" +
                     (hint ? " (did you mean '" + *hint + "'?)" : ""),
                 hint ? "" : "keys " + join_or(allowed));
    ok = false;
  }
  for (const DistParam& p : spec->params) {
    if (p.optional || node.find(p.name)) continue;
    diags_.error(node.mark, path, "missing key '" + std::string(p.name) + "' of a " + std::string(spec->name) +
                                      " distribution");
    ok = false;
  }
  if (!ok) return std::nullopt;

  // Fixed and empirical may name `never` (where the key allows it); the others need finite positions.
  const bool may_be_never = spec->kind == DistKind::Fixed || spec->kind == DistKind::Empirical;
  ValueOptions position_opt = opt;
  position_opt.never = opt.never && may_be_never;

  Dist d;
  d.kind = spec->kind;
  auto param = [&](std::string_view name, bool spread) -> std::optional<double> {
    const Node* n = node.find(name);
    return scalar_of(*n, path + "." + std::string(name), q, position_opt, spread);
  };
  auto list = [&](std::string_view name, bool weights) -> std::optional<std::vector<double>> {
    const Node* n = node.find(name);
    const std::string p = path + "." + std::string(name);
    if (!n->is_sequence()) {
      type_error(*n, p, "got " + describe_value(*n), weights ? "a list of numbers" : "a list of values");
      return std::nullopt;
    }
    std::vector<double> out;
    bool all = true;
    for (std::size_t i = 0; i < n->items.size(); ++i) {
      const std::string ip = p + "." + std::to_string(i);
      const std::optional<double> v = weights ? number(n->items[i], ip, {.bound = kNonNegative})
                                              : scalar_of(n->items[i], ip, q, position_opt, false);
      if (v) out.push_back(*v);
      else all = false;
    }
    if (!all) return std::nullopt;
    return out;
  };
  auto rule = [&](bool holds, std::string message) {
    if (!holds) {
      diags_.error(node.mark, path, std::move(message));
      ok = false;
    }
  };
  auto show = [&](double x) { return shown(x, q, clock_); };

  switch (spec->kind) {
    case DistKind::Fixed: {
      const auto v = param("value", false);
      if (!v) return std::nullopt;
      d.value = *v;
      break;
    }
    case DistKind::Uniform: {
      const auto lo = param("min", false), hi = param("max", false);
      if (!lo || !hi) return std::nullopt;
      d.min = *lo;
      d.max = *hi;
      rule(d.min <= d.max, "uniform needs min <= max (got min " + show(d.min) + ", max " + show(d.max) + ")");
      break;
    }
    case DistKind::Triangular: {
      const auto lo = param("min", false), mo = param("mode", false), hi = param("max", false);
      if (!lo || !mo || !hi) return std::nullopt;
      d.min = *lo;
      d.mode = *mo;
      d.max = *hi;
      rule(d.min <= d.mode && d.mode <= d.max, "triangular needs min <= mode <= max (got min " + show(d.min) +
                                                   ", mode " + show(d.mode) + ", max " + show(d.max) + ")");
      break;
    }
    case DistKind::Normal: {
      const auto mu = param("mean", false), sigma = param("sd", true);
      if (!mu || !sigma) return std::nullopt;
      d.mean = *mu;
      d.sd = *sigma;
      break;
    }
    case DistKind::Lognormal: {
      const auto med = param("median", false), p90 = param("p90", false);
      if (!med || !p90) return std::nullopt;
      d.median = *med;
      d.p90 = *p90;
      rule(d.median > 0, "lognormal needs median > 0 (got " + show(d.median) + ")");
      rule(d.p90 > d.median,
           "lognormal needs p90 > median (got median " + show(d.median) + ", p90 " + show(d.p90) + ")");
      break;
    }
    case DistKind::Exponential: {
      const auto mu = param("mean", false);
      if (!mu) return std::nullopt;
      d.mean = *mu;
      rule(d.mean > 0, "exponential needs mean > 0 (got " + show(d.mean) + ")");
      break;
    }
    case DistKind::Empirical: {
      auto vs = list("values", false);
      std::optional<std::vector<double>> ws;
      if (node.find("weights")) {
        ws = list("weights", true);
        if (!ws) return std::nullopt;
      }
      if (!vs) return std::nullopt;
      d.values = std::move(*vs);
      if (ws) d.weights = std::move(*ws);
      rule(!d.values.empty(), "empirical needs at least one value");
      if (ws) {
        rule(d.weights.size() == d.values.size(), "empirical needs one weight per value (got " +
                                                      std::to_string(d.values.size()) + " values, " +
                                                      std::to_string(d.weights.size()) + " weights)");
        rule(std::accumulate(d.weights.begin(), d.weights.end(), 0.0) > 0, "empirical weights must not all be 0");
      }
      break;
    }
  }
  if (!ok) return std::nullopt;
  return d;
}

// ---- writing --------------------------------------------------------------------------------------

std::string format_number(double x) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  if (ec != std::errc{}) return "0";
  return std::string(buf, end);
}

std::string format_duration_text(double seconds) {
  if (std::isinf(seconds)) return "never";
  return model::format_duration(seconds);
}

std::string format_time(const model::Clock& clock, double t) {
  if (std::isinf(t)) return "never";
  if (std::floor(t) == t && std::abs(t) <= kMaxSpan_s) {
    // Use the ISO form only when it reads back to exactly this time (dates stay within 0000-9999).
    std::string iso = clock.format(t);
    if (const auto civil = model::parse_iso8601(iso); civil && clock.since_start(*civil) == t) return iso;
  }
  return (t < 0 ? "-" : "+") + model::format_duration(std::abs(t));
}

std::string format_value(const model::Clock& clock, double value, Quantity q) {
  switch (q) {
    case Quantity::Number: return format_number(value);
    case Quantity::Duration: return format_duration_text(value);
    case Quantity::Time: return format_time(clock, value);
  }
  return format_number(value);
}

std::string format_dist(const model::Clock& clock, const model::Dist& d, Quantity q) {
  using model::DistKind;
  if (d.kind == DistKind::Fixed) return format_value(clock, d.value, q);
  const Quantity spread_q = q == Quantity::Number ? Quantity::Number : Quantity::Duration;
  auto v = [&](double x) { return format_value(clock, x, q); };
  std::string out = "{dist: " + std::string(model::to_string(d.kind));
  switch (d.kind) {
    case DistKind::Fixed: break;
    case DistKind::Uniform: out += ", min: " + v(d.min) + ", max: " + v(d.max); break;
    case DistKind::Triangular: out += ", min: " + v(d.min) + ", mode: " + v(d.mode) + ", max: " + v(d.max); break;
    case DistKind::Normal: out += ", mean: " + v(d.mean) + ", sd: " + format_value(clock, d.sd, spread_q); break;
    case DistKind::Lognormal: out += ", median: " + v(d.median) + ", p90: " + v(d.p90); break;
    case DistKind::Exponential: out += ", mean: " + v(d.mean); break;
    case DistKind::Empirical: {
      out += ", values: [";
      for (std::size_t i = 0; i < d.values.size(); ++i) out += (i ? ", " : "") + v(d.values[i]);
      out += "]";
      if (!d.weights.empty()) {
        out += ", weights: [";
        for (std::size_t i = 0; i < d.weights.size(); ++i) out += (i ? ", " : "") + format_number(d.weights[i]);
        out += "]";
      }
      break;
    }
  }
  return out + "}";
}

}  // namespace sim::scenario
