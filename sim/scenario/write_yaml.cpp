// model::Scenario -> YAML text that loads back to an equal model: every default explicit, derived
// values resolved (civilian_lanes, eligible_on, carries, withdraw_by), no `extends`. Numbers are written
// with std::to_chars' shortest round-trip form, times as ISO 8601 with the scenario's offset when that
// is exact, so nothing is lost on the way out and back in.
#include <sstream>

#include "sim/scenario/keys.hpp"
#include "sim/scenario/load.hpp"
#include "sim/scenario/values.hpp"

namespace sim::scenario {
namespace {

using model::Dist;

/// A double-quoted YAML string (escapes for quotes, backslashes and control characters; other
/// UTF-8 is written as is).
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\x";
          out += hex[c >> 4];
          out += hex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

/// Ids are plain words, except the one a YAML reader would take for null.
std::string id_text(const std::string& id) { return is_valid_id(id) && id != "null" ? id : quoted(id); }

std::string id_list(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + id_text(ids[i]);
  return out + "]";
}

std::string position(const model::Position& p) {
  return "{lat: " + format_number(p.lat) + ", lon: " + format_number(p.lon) + "}";
}

class Out {
 public:
  explicit Out(const model::Clock& clock) : clock_(clock) {}
  /// `key: value` at `indent`; the first key of a list item gets the `- ` marker.
  void key(int indent, std::string_view name, const std::string& value) {
    pad(indent);
    text_ << name << ": " << value << '\n';
  }
  void item(int indent, std::string_view name, const std::string& value) {
    pad(indent);
    text_ << "- " << name << ": " << value << '\n';
  }
  void open(int indent, std::string_view name, bool empty) {
    pad(indent);
    text_ << name << ':' << (empty ? " []" : "") << '\n';
  }
  std::string time(const Dist& d) const { return format_dist(clock_, d, Quantity::Time); }
  std::string duration(const Dist& d) const { return format_dist(clock_, d, Quantity::Duration); }
  std::string number(const Dist& d) const { return format_dist(clock_, d, Quantity::Number); }
  std::string str() const { return text_.str(); }

 private:
  void pad(int indent) { text_ << std::string(static_cast<std::size_t>(indent), ' '); }
  const model::Clock& clock_;
  std::ostringstream text_;
};

}  // namespace

std::string to_yaml(const model::Scenario& s) {
  Out o(s.clock);
  auto i = [](std::int64_t v) { return std::to_string(v); };
  o.key(0, "schema", i(s.schema));
  o.key(0, "name", id_text(s.name));
  o.key(0, "description", quoted(s.description));
  o.key(0, "start", format_time(s.clock, 0));
  o.key(0, "end", format_time(s.clock, s.end_s));
  o.key(0, "seed", std::to_string(s.seed));
  o.key(0, "replications", i(s.replications));
  o.key(0, "report_every", format_duration_text(s.report_every_s));

  o.open(0, "nations", s.nations.empty());
  for (const model::Nation& n : s.nations) {
    o.item(2, "id", id_text(n.id));
    o.key(4, "name", quoted(n.name));
  }
  o.open(0, "cohorts", s.cohorts.empty());
  for (const model::Cohort& c : s.cohorts) {
    o.item(2, "id", id_text(c.id));
    o.key(4, "name", quoted(c.name));
    o.key(4, "nation", id_text(c.nation));
    o.key(4, "priority", i(c.priority));
    o.key(4, "eligible_on", id_list(c.eligible_on));
  }
  o.open(0, "cities", s.cities.empty());
  for (const model::City& c : s.cities) {
    o.item(2, "id", id_text(c.id));
    o.key(4, "name", quoted(c.name));
    o.key(4, "position", position(c.position));
    o.key(4, "captured_at", o.time(c.captured_at_s));
    std::string evacuees = "{";
    bool first = true;
    for (const auto& [cohort, count] : c.evacuees) {
      evacuees += (first ? "" : ", ") + id_text(cohort) + ": " + o.number(count);
      first = false;
    }
    o.key(4, "evacuees", evacuees + "}");
    o.open(4, "departures", c.departures.empty());
    for (const model::Departure& d : c.departures) {
      // `cohort` left out means every cohort of the city.
      if (!d.cohort.empty()) o.item(6, "cohort", id_text(d.cohort));
      if (d.cohort.empty()) o.item(6, "from", o.time(d.from_s));
      else o.key(8, "from", o.time(d.from_s));
      o.key(8, "rate_per_hour", o.number(d.rate_per_hour));
      o.key(8, "process", d.process == model::Process::Poisson ? "poisson" : "steady");
      o.key(8, "to", id_text(d.to));
    }
    o.key(4, "flow_after_capture", format_number(c.flow_after_capture));
  }
  o.open(0, "airports", s.airports.empty());
  for (const model::Airport& a : s.airports) {
    o.item(2, "id", id_text(a.id));
    o.key(4, "name", quoted(a.name));
    o.key(4, "city", id_text(a.city));
    o.key(4, "position", position(a.position));
    o.key(4, "movements_per_hour", o.number(a.movements_per_hour));
    o.key(4, "parking", i(a.parking));
    o.key(4, "holding_capacity", i(a.holding_capacity));
    o.key(4, "troops_required", i(a.troops_required));
    o.open(4, "gates", a.gates.empty());
    for (const model::Gate& g : a.gates) {
      o.item(6, "id", id_text(g.id));
      o.key(8, "name", quoted(g.name));
      o.key(8, "lanes", i(g.lanes));
      o.key(8, "troops_per_lane", i(g.troops_per_lane));
      o.key(8, "civilian_lanes", i(g.civilian_lanes));
      o.key(8, "service_time", o.duration(g.service_time_s));
    }
  }
  o.open(0, "staging_bases", s.staging_bases.empty());
  for (const model::StagingBase& b : s.staging_bases) {
    o.item(2, "id", id_text(b.id));
    o.key(4, "name", quoted(b.name));
    o.key(4, "position", position(b.position));
    o.key(4, "holding_capacity", i(b.holding_capacity));
    o.key(4, "onward_per_hour", o.number(b.onward_per_hour));
  }
  o.open(0, "routes", s.routes.empty());
  for (const model::Route& r : s.routes) {
    o.item(2, "id", id_text(r.id));
    o.key(4, "name", quoted(r.name));
    o.key(4, "from", id_text(r.from));
    o.key(4, "to", id_text(r.to));
    o.key(4, "mode", r.mode == model::RouteMode::Air ? "air" : "road");
    o.key(4, "travel_time", o.duration(r.travel_time_s));  // distance_km/speed_kmh resolved into it
    if (r.capacity_per_hour) o.key(4, "capacity_per_hour", o.number(*r.capacity_per_hour));  // absent: unlimited
  }
  o.open(0, "aircraft_types", s.aircraft_types.empty());
  for (const model::AircraftType& t : s.aircraft_types) {
    o.item(2, "id", id_text(t.id));
    o.key(4, "name", quoted(t.name));
    o.key(4, "seats", i(t.seats));
    o.key(4, "ground_time", o.duration(t.ground_time_s));
    o.key(4, "cruise_kmh", format_number(t.cruise_kmh));
  }
  o.open(0, "fleets", s.fleets.empty());
  for (const model::Fleet& f : s.fleets) {
    o.item(2, "id", id_text(f.id));
    o.key(4, "name", quoted(f.name));
    o.key(4, "nation", id_text(f.nation));
    o.key(4, "type", id_text(f.type));
    o.key(4, "aircraft", i(f.aircraft));
    o.key(4, "base", id_text(f.base));
    o.key(4, "alternates", id_list(f.alternates));
    o.key(4, "serves", id_list(f.serves));
    o.key(4, "available_from", o.time(f.available_from_s));
    o.key(4, "available_until", o.time(f.available_until_s));
    o.key(4, "turnaround", o.duration(f.turnaround_s));
    o.key(4, "carries", id_list(f.carries));
    o.key(4, "abort_probability", format_number(f.abort_probability));
  }
  o.open(0, "deployments", s.deployments.empty());
  for (const model::Deployment& d : s.deployments) {
    o.item(2, "id", id_text(d.id));
    o.key(4, "name", quoted(d.name));
    o.key(4, "nation", id_text(d.nation));
    o.key(4, "airport", id_text(d.airport));
    o.key(4, "troops", o.number(d.troops));
    o.key(4, "arrive_from", o.time(d.arrive_from_s));
    o.key(4, "arrive_over", o.duration(d.arrive_over_s));
    o.key(4, "withdraw_from", o.time(d.withdraw_from_s));
    o.key(4, "withdraw_by", o.time(d.withdraw_by_s));
  }
  o.open(0, "incidents", s.incidents.empty());
  for (const model::Incident& in : s.incidents) {
    o.item(2, "id", id_text(in.id));
    o.key(4, "name", quoted(in.name));
    o.key(4, "at", o.time(in.at_s));
    o.key(4, "target", in.target.find('/') == std::string::npos ? id_text(in.target) : in.target);
    o.key(4, "effect", in.effect == model::Effect::Reduce ? "reduce" : "close");
    if (in.effect == model::Effect::Reduce) o.key(4, "factor", format_number(in.factor));
    o.key(4, "duration", o.duration(in.duration_s));
  }
  return "# Resolved scenario: every default explicit, no extends (written by evacsim).\n" + o.str();
}

}  // namespace sim::scenario
