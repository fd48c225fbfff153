#include "sim/model/time.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace sim::model {
namespace {

bool read_int(std::string_view& s, std::size_t digits, int& out) {
  if (s.size() < digits) return false;
  int v = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  s.remove_prefix(digits);
  return true;
}

bool eat(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

std::string shortest(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  return std::string(buf, end);
}

}  // namespace

std::optional<CivilTime> parse_iso8601(std::string_view s) {
  CivilTime t;
  if (!read_int(s, 4, t.year) || !eat(s, '-') || !read_int(s, 2, t.month) || !eat(s, '-') ||
      !read_int(s, 2, t.day) || !(eat(s, 'T') || eat(s, ' ')) || !read_int(s, 2, t.hour) || !eat(s, ':') ||
      !read_int(s, 2, t.minute))
    return std::nullopt;
  if (eat(s, ':')) {
    int whole = 0;
    if (!read_int(s, 2, whole)) return std::nullopt;
    t.second = whole;
    if (eat(s, '.')) {
      double scale = 0.1;
      if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
      while (!s.empty() && s.front() >= '0' && s.front() <= '9') {
        t.second += (s.front() - '0') * scale;
        scale /= 10;
        s.remove_prefix(1);
      }
    }
  }
  if (eat(s, 'Z')) {
    t.offset_min = 0;
  } else {
    int sign = 0;
    if (eat(s, '+')) sign = 1;
    else if (eat(s, '-')) sign = -1;
    else return std::nullopt;
    int oh = 0, om = 0;
    if (!read_int(s, 2, oh)) return std::nullopt;
    eat(s, ':');
    if (!read_int(s, 2, om)) return std::nullopt;
    if (oh > 14 || om > 59) return std::nullopt;
    t.offset_min = sign * (oh * 60 + om);
  }
  if (!s.empty()) return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{t.year}, month{static_cast<unsigned>(t.month)}, day{static_cast<unsigned>(t.day)}};
  if (!ymd.ok() || t.hour > 23 || t.minute > 59 || t.second >= 60) return std::nullopt;
  return t;
}

double epoch_seconds(const CivilTime& t) {
  using namespace std::chrono;
  const sys_days d{year{t.year} / month{static_cast<unsigned>(t.month)} / day{static_cast<unsigned>(t.day)}};
  const double days = static_cast<double>(d.time_since_epoch().count());
  return days * 86400.0 + t.hour * 3600.0 + t.minute * 60.0 + t.second - t.offset_min * 60.0;
}

std::string Clock::format(double since_start_s) const {
  std::string out;
  append_to(out, since_start_s);
  return out;
}

void Clock::append_to(std::string& out, double since_start_s) const {
  if (std::isinf(since_start_s)) {
    out += "never";
    return;
  }
  using namespace std::chrono;
  const double local = static_cast<double>(start_epoch_s) + since_start_s + offset_min * 60.0;
  const double whole = std::floor(local + 0.5);  // to the nearest second
  const auto secs = static_cast<std::int64_t>(whole);
  const auto day_count = static_cast<int>(std::floor(static_cast<double>(secs) / 86400.0));
  const std::int64_t in_day = secs - static_cast<std::int64_t>(day_count) * 86400;
  const year_month_day ymd{sys_days{days{day_count}}};
  const int off = offset_min < 0 ? -offset_min : offset_min;
  const int year = static_cast<int>(ymd.year());
  char buf[64];
  if (year < 0 || year > 9999 || off / 60 > 99) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                  static_cast<int>(in_day % 60), offset_min < 0 ? '-' : '+', off / 60, off % 60);
    out += buf;
    return;
  }
  // The common case by hand: snprintf cost ~6,000 instructions a call, and every timeline and flight
  // row has a time.
  char text[] = "0000-00-00T00:00:00+00:00";
  auto put = [&text](std::size_t at, int value, int digits) {
    for (int d = digits - 1; d >= 0; --d, value /= 10) text[at + static_cast<std::size_t>(d)] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  put(8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  put(11, static_cast<int>(in_day / 3600), 2);
  put(14, static_cast<int>(in_day / 60 % 60), 2);
  put(17, static_cast<int>(in_day % 60), 2);
  text[19] = offset_min < 0 ? '-' : '+';
  put(20, off / 60, 2);
  put(23, off % 60, 2);
  out.append(text, sizeof text - 1);
}

std::optional<double> parse_duration_s(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double total = 0;
  bool any = false;
  while (!s.empty()) {
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr == s.data() || !std::isfinite(v) || v < 0) return std::nullopt;
    s.remove_prefix(static_cast<std::size_t>(ptr - s.data()));
    double unit = 0;
    if (s.starts_with("min")) { unit = 60; s.remove_prefix(3); }
    else if (s.starts_with("s")) { unit = 1; s.remove_prefix(1); }
    else if (s.starts_with("h")) { unit = 3600; s.remove_prefix(1); }
    else if (s.starts_with("d")) { unit = 86400; s.remove_prefix(1); }
    else return std::nullopt;
    total += v * unit;
    any = true;
  }
  if (!any || !std::isfinite(total)) return std::nullopt;  // finite parts may still sum to infinity
  return total;
}

std::string format_duration(double seconds) {
  if (seconds == 0) return "0s";
  const double rounded = std::round(seconds);
  // Fractions, negatives and values past 2^53 (where an int64 conversion may overflow) as seconds.
  if (rounded != seconds || rounded < 0 || rounded >= 9007199254740992.0) return shortest(seconds) + "s";
  auto s = static_cast<std::int64_t>(rounded);
  std::string out;
  const std::int64_t d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60;
  if (d) out += std::to_string(d) + "d";
  if (h) out += std::to_string(h) + "h";
  if (m) out += std::to_string(m) + "min";
  if (sec) out += std::to_string(sec) + "s";
  return out;
}

}  // namespace sim::model
