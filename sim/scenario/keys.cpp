// The tables themselves. Order of keys here is the order of the reference, of the schema and of
// `to_yaml` output. Defaults are written exactly as a user would write them in a file and are read by
// the loader's own parsers (a test checks every one of them parses).
#include "sim/scenario/keys.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/model/time.hpp"

namespace sim::scenario {

using enum KeyType;
using enum Presence;

bool Bound::contains(double x) const {
  if (std::isnan(x)) return false;
  if (lo_open ? !(x > lo) : !(x >= lo)) return false;
  if (hi_open ? !(x < hi) : !(x <= hi)) return false;
  return true;
}

bool Bound::unbounded() const { return std::isinf(lo) && std::isinf(hi); }

namespace {
std::string number_text(double x, bool duration) {
  if (duration) return model::format_duration(x);
  char buf[32];
  if (std::floor(x) == x && std::abs(x) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", x);
  else std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}
}  // namespace

std::string Bound::str(bool unit_is_duration) const {
  const bool has_lo = !std::isinf(lo), has_hi = !std::isinf(hi);
  if (has_lo && has_hi && lo == hi && !lo_open && !hi_open) return "= " + number_text(lo, unit_is_duration);
  if (has_lo && has_hi)
    return std::string("in ") + (lo_open ? "(" : "[") + number_text(lo, unit_is_duration) + ", " +
           number_text(hi, unit_is_duration) + (hi_open ? ")" : "]");
  if (has_lo) return std::string(lo_open ? "> " : ">= ") + number_text(lo, unit_is_duration);
  if (has_hi) return std::string(hi_open ? "< " : "<= ") + number_text(hi, unit_is_duration);
  return "";
}

std::string_view to_string(KeyType type) {
  switch (type) {
    case Id: return "id";
    case Name: return "name";
    case Text: return "text";
    case Int: return "integer";
    case Seed: return "integer";
    case Number: return "number";
    case NumberDist: return "number or distribution";
    case Duration: return "duration";
    case DurationDist: return "duration or distribution";
    case Time: return "time";
    case AbsoluteTime: return "absolute time";
    case TimeDist: return "time or distribution";
    case Choice: return "choice";
    case Ref: return "id";
    case RefList: return "list of ids";
    case Place: return "place id";
    case Target: return "target";
    case Object: return "mapping";
    case Counts: return "mapping cohort -> count";
    case Entities: return "list";
    case Records: return "list";
    case File: return "path";
  }
  return "value";
}

const KeySpec* EntitySpec::key(std::string_view name) const {
  for (const KeySpec& k : keys)
    if (k.name == name) return &k;
  return nullptr;
}

namespace {

// ---- shared pieces ------------------------------------------------------------------------------

constexpr KeySpec kPositionKeys[] = {
    {.name = "lat", .type = Number, .presence = Required, .unit = "degrees", .bound = {.lo = -90, .hi = 90},
     .doc = "Latitude, north positive."},
    {.name = "lon", .type = Number, .presence = Required, .unit = "degrees", .bound = {.lo = -180, .hi = 180},
     .doc = "Longitude, east positive."},
};
constexpr EntitySpec kPosition{.kind = "position", .doc = "Where a place is: `{lat: 34.56, lon: 69.21}`.",
                               .keys = kPositionKeys};

#define EVACSIM_ID_KEY(what) \
  {.name = "id", .type = Id, .presence = Required, .doc = "Unique among " what "; how others refer to it."}
#define EVACSIM_NAME_KEY \
  {.name = "name", .type = Text, .presence = Default, .def = "\"\"", .doc = "Human-readable name (reports only)."}

// ---- nation ---------------------------------------------------------------------------------------

constexpr KeySpec kNationKeys[] = {
    EVACSIM_ID_KEY("nations"),
    EVACSIM_NAME_KEY,
};
constexpr EntitySpec kNation{.kind = "nation", .list_key = "nations",
                             .doc = "A nation that flies aircraft, deploys troops or whose people are evacuated.",
                             .keys = kNationKeys, .has_id = true};

// ---- cohort ---------------------------------------------------------------------------------------

constexpr KeySpec kCohortKeys[] = {
    EVACSIM_ID_KEY("cohorts"),
    EVACSIM_NAME_KEY,
    {.name = "nation", .type = Ref, .presence = Required, .doc = "The nation these people belong to.",
     .ref = "nation"},
    {.name = "priority", .type = Int, .presence = Default, .def = "1", .bound = kAtLeastOne,
     .doc = "Boarding priority: 1 boards first, then 2, ...; equal priorities board first come, first served."},
    {.name = "eligible_on", .type = RefList, .presence = Derived, .def = "[the cohort's nation]",
     .doc = "Nations whose aircraft may carry these people.", .ref = "nation", .non_empty = true},
};
constexpr EntitySpec kCohort{.kind = "cohort", .list_key = "cohorts",
                             .doc = "A kind of evacuee (citizens of a nation, local staff, ...).",
                             .keys = kCohortKeys, .has_id = true};

// ---- city -----------------------------------------------------------------------------------------

constexpr std::string_view kProcessChoices[] = {"steady", "poisson"};

constexpr KeySpec kDepartureKeys[] = {
    {.name = "cohort", .type = Ref, .presence = Absent, .def = "every cohort of the city",
     .rule = "the city must have evacuees of this cohort",
     .doc = "Who leaves. Without it, every cohort of the city leaves in proportion to who is still there.",
     .ref = "cohort"},
    {.name = "from", .type = TimeDist, .presence = Required, .doc = "When people start leaving (per replication)."},
    {.name = "rate_per_hour", .type = NumberDist, .presence = Required, .unit = "people/h", .bound = kPositive,
     .doc = "How many leave per hour (per replication)."},
    {.name = "process", .type = Choice, .presence = Default, .def = "steady",
     .doc = "`steady`: evenly spaced; `poisson`: random arrivals at that mean rate.", .choices = kProcessChoices},
    {.name = "to", .type = Ref, .presence = Required, .rule = "a road route must connect the city to it",
     .doc = "The airport they head for, over the road routes.", .ref = "airport"},
};
constexpr EntitySpec kDeparture{.kind = "departure",
                                .doc = "A stream of people leaving a city for an airport.",
                                .keys = kDepartureKeys};

constexpr KeySpec kCityKeys[] = {
    EVACSIM_ID_KEY("places (cities, airports and staging bases)"),
    EVACSIM_NAME_KEY,
    {.name = "position", .type = Object, .presence = Required, .doc = "Where the city is.", .element = &kPosition},
    {.name = "captured_at", .type = TimeDist, .presence = Default, .def = "never",
     .doc = "When the city falls (per replication): departures stop, whoever is still there is stranded and "
            "its roads close.",
     .never = true},
    {.name = "evacuees", .type = Counts, .presence = Default, .def = "{}", .unit = "people", .bound = kNonNegative,
     .doc = "People to evacuate by cohort id, e.g. `{us-citizens: 6000}` (per replication, rounded).",
     .ref = "cohort"},
    {.name = "departures", .type = Records, .presence = Default, .def = "[]",
     .doc = "How people leave the city (see departure).", .element = &kDeparture},
    {.name = "flow_after_capture", .type = Number, .presence = Default, .def = "0", .bound = kUnit,
     .doc = "Fraction of departure rates and of the capacity of roads touching the city that still flows "
            "after capture (checkpoints). 0 is the SPEC rule: everyone still there is stranded.",
     .extension = true},
};
constexpr EntitySpec kCity{.kind = "city", .list_key = "cities",
                           .doc = "Where evacuees start. A city may fall; its airport falls with it unless held.",
                           .keys = kCityKeys, .has_id = true};

// ---- airport --------------------------------------------------------------------------------------

constexpr KeySpec kGateKeys[] = {
    EVACSIM_ID_KEY("the airport's gates"),
    EVACSIM_NAME_KEY,
    {.name = "lanes", .type = Int, .presence = Default, .def = "1", .bound = kAtLeastOne,
     .doc = "Screening lanes at most; each serves one person at a time."},
    {.name = "troops_per_lane", .type = Int, .presence = Default, .def = "0", .bound = kNonNegative,
     .doc = "Troops needed to open one lane beyond the civilian ones (troops beyond the airport's "
            "troops_required count). 0: no lane needs troops."},
    {.name = "civilian_lanes", .type = Int, .presence = Derived,
     .def = "lanes if troops_per_lane is 0, else 0", .bound = kNonNegative,
     .rule = "<= lanes; = lanes when troops_per_lane is 0",
     .doc = "Lanes open without troops."},
    {.name = "service_time", .type = DurationDist, .presence = Default, .def = "60s", .bound = kPositive,
     .doc = "Time to process one person (drawn per person)."},
};
constexpr EntitySpec kGate{.kind = "gate", .list_key = "gates",
                           .doc = "An entry point where people queue to be processed (first come, first served).",
                           .keys = kGateKeys, .has_id = true};

constexpr KeySpec kAirportKeys[] = {
    EVACSIM_ID_KEY("places (cities, airports and staging bases)"),
    EVACSIM_NAME_KEY,
    {.name = "city", .type = Ref, .presence = Required,
     .doc = "The city it falls with, unless troops hold it.", .ref = "city"},
    {.name = "position", .type = Object, .presence = Required,
     .doc = "Where the airport is (flight distances to staging bases).", .element = &kPosition},
    {.name = "movements_per_hour", .type = NumberDist, .presence = Default, .def = "10", .unit = "movements/h",
     .bound = kPositive, .doc = "Runway capacity: landings plus take-offs (per replication)."},
    {.name = "parking", .type = Int, .presence = Default, .def = "1", .unit = "aircraft", .bound = kAtLeastOne,
     .doc = "Aircraft on the ground at once."},
    {.name = "holding_capacity", .type = Int, .presence = Default, .def = "1000", .unit = "people",
     .bound = kAtLeastOne, .doc = "Processed evacuees waiting inside for a flight; when full, gates stop admitting."},
    {.name = "troops_required", .type = Int, .presence = Default, .def = "0", .unit = "troops",
     .bound = kNonNegative, .doc = "Troops needed to hold the airport once its city has fallen."},
    {.name = "gates", .type = Entities, .presence = Required, .doc = "Its gates (see gate).", .element = &kGate,
     .non_empty = true},
};
constexpr EntitySpec kAirport{.kind = "airport", .list_key = "airports",
                              .doc = "An evacuation airport: gates, holding area, runway and parking.",
                              .keys = kAirportKeys, .has_id = true};

// ---- staging base ---------------------------------------------------------------------------------

constexpr KeySpec kStagingBaseKeys[] = {
    EVACSIM_ID_KEY("places (cities, airports and staging bases)"),
    EVACSIM_NAME_KEY,
    {.name = "position", .type = Object, .presence = Required, .doc = "Where the base is.", .element = &kPosition},
    {.name = "holding_capacity", .type = Int, .presence = Default, .def = "10000", .unit = "people",
     .bound = kAtLeastOne, .doc = "Evacuees it can hold; when full, aircraft bound for it wait on the ground."},
    {.name = "onward_per_hour", .type = NumberDist, .presence = Default, .def = "1000", .unit = "people/h",
     .bound = kPositive, .doc = "People moved on and out of the model per hour (per replication)."},
};
constexpr EntitySpec kStagingBase{.kind = "staging_base", .list_key = "staging_bases",
                                  .doc = "Where aircraft cycle from and unload evacuees (e.g. Al Udeid).",
                                  .keys = kStagingBaseKeys, .has_id = true};

// ---- route ----------------------------------------------------------------------------------------

constexpr std::string_view kModeChoices[] = {"road", "air"};

constexpr KeySpec kRouteKeys[] = {
    EVACSIM_ID_KEY("routes"),
    EVACSIM_NAME_KEY,
    {.name = "from", .type = Place, .presence = Required, .doc = "One end: a city, airport or staging base id."},
    {.name = "to", .type = Place, .presence = Required, .rule = "differs from `from`",
     .doc = "The other end (routes are usable both ways)."},
    {.name = "mode", .type = Choice, .presence = Default, .def = "road",
     .doc = "`road` for people travelling to airports; `air` to set a flight time instead of the great-circle "
            "distance at the aircraft's cruise speed.",
     .choices = kModeChoices},
    {.name = "travel_time", .type = DurationDist, .presence = Absent, .def = "distance_km / speed_kmh",
     .bound = kPositive, .rule = "give travel_time, or distance_km and speed_kmh, not both",
     .doc = "Time from one end to the other (per replication)."},
    {.name = "distance_km", .type = Number, .presence = Absent, .def = "use travel_time", .unit = "km",
     .bound = kPositive, .rule = "with speed_kmh, instead of travel_time", .doc = "Length of the route."},
    {.name = "speed_kmh", .type = Number, .presence = Absent, .def = "use travel_time", .unit = "km/h",
     .bound = kPositive, .rule = "with distance_km, instead of travel_time", .doc = "Average speed on the route."},
    {.name = "capacity_per_hour", .type = NumberDist, .presence = Absent, .def = "unlimited", .unit = "people/h",
     .bound = kPositive, .rule = "> 0",
     .doc = "People entering the route per hour, shared by everyone on it (per replication); on an air route "
            "that people take (domestic flights to an evacuation airport), the seats offered per hour."},
};
constexpr EntitySpec kRoute{.kind = "route", .list_key = "routes",
                            .doc = "A road (or a set flight time) between two places.", .keys = kRouteKeys,
                            .has_id = true};

// ---- aircraft type --------------------------------------------------------------------------------

constexpr KeySpec kAircraftTypeKeys[] = {
    EVACSIM_ID_KEY("aircraft types"),
    EVACSIM_NAME_KEY,
    {.name = "seats", .type = Int, .presence = Required, .unit = "people", .bound = kAtLeastOne,
     .doc = "Evacuees carried per sortie at most."},
    {.name = "ground_time", .type = DurationDist, .presence = Default, .def = "1h", .bound = kNonNegative,
     .doc = "Time on the ground at the evacuation airport, boarding included (per sortie)."},
    {.name = "cruise_kmh", .type = Number, .presence = Default, .def = "750", .unit = "km/h", .bound = kPositive,
     .doc = "Cruise speed for flight times over great-circle distances."},
};
constexpr EntitySpec kAircraftType{.kind = "aircraft_type", .list_key = "aircraft_types",
                                   .doc = "A kind of aircraft.", .keys = kAircraftTypeKeys, .has_id = true};

// ---- fleet ----------------------------------------------------------------------------------------

constexpr KeySpec kFleetKeys[] = {
    EVACSIM_ID_KEY("fleets"),
    EVACSIM_NAME_KEY,
    {.name = "nation", .type = Ref, .presence = Required, .doc = "Whose aircraft these are.", .ref = "nation"},
    {.name = "type", .type = Ref, .presence = Required, .doc = "Their aircraft type.", .ref = "aircraft_type"},
    {.name = "aircraft", .type = Int, .presence = Default, .def = "1", .unit = "aircraft", .bound = kNonNegative,
     .doc = "How many aircraft cycle."},
    {.name = "base", .type = Ref, .presence = Required, .doc = "The staging base the aircraft cycle from.",
     .ref = "staging_base"},
    {.name = "alternates", .type = RefList, .presence = Default, .def = "[]",
     .rule = "no duplicates; not the base itself",
     .doc = "Staging bases to divert to, in order, when `base` is full.", .ref = "staging_base",
     .extension = true},
    {.name = "serves", .type = RefList, .presence = Required, .doc = "Evacuation airports the aircraft fly to.",
     .ref = "airport", .non_empty = true},
    {.name = "available_from", .type = TimeDist, .presence = Default, .def = "+0s",
     .doc = "When the first sortie may start (per replication)."},
    {.name = "available_until", .type = TimeDist, .presence = Default, .def = "never",
     .rule = "not before available_from", .doc = "No sortie starts after this (per replication).", .never = true},
    {.name = "turnaround", .type = DurationDist, .presence = Default, .def = "1h", .bound = kNonNegative,
     .doc = "Time at the base between sorties (per sortie)."},
    {.name = "carries", .type = RefList, .presence = Derived, .def = "the cohorts eligible on the fleet's nation",
     .rule = "each cohort must be eligible on the fleet's nation", .doc = "Cohorts these aircraft may board.",
     .ref = "cohort", .non_empty = true},
    {.name = "abort_probability", .type = Number, .presence = Default, .def = "0", .bound = kUnit,
     .doc = "Probability that a sortie turns back before landing (per sortie)."},
};
constexpr EntitySpec kFleet{.kind = "fleet", .list_key = "fleets",
                            .doc = "Aircraft of one nation and type cycling between a staging base and airports.",
                            .keys = kFleetKeys, .has_id = true};

// ---- deployment -----------------------------------------------------------------------------------

constexpr KeySpec kDeploymentKeys[] = {
    EVACSIM_ID_KEY("deployments"),
    EVACSIM_NAME_KEY,
    {.name = "nation", .type = Ref, .presence = Required, .doc = "Whose troops.", .ref = "nation"},
    {.name = "airport", .type = Ref, .presence = Required, .doc = "The airport they secure.", .ref = "airport"},
    {.name = "troops", .type = NumberDist, .presence = Required, .unit = "troops", .bound = kNonNegative,
     .doc = "How many (per replication, rounded)."},
    {.name = "arrive_from", .type = TimeDist, .presence = Default, .def = "+0s",
     .doc = "When the first troops arrive (per replication)."},
    {.name = "arrive_over", .type = DurationDist, .presence = Default, .def = "0s", .bound = kNonNegative,
     .doc = "They arrive evenly over this long (per replication)."},
    {.name = "withdraw_from", .type = TimeDist, .presence = Default, .def = "never",
     .doc = "When the first troops leave (per replication).", .never = true},
    {.name = "withdraw_by", .type = TimeDist, .presence = Derived, .def = "withdraw_from",
     .rule = "not before withdraw_from", .doc = "When the last troops have left; they leave evenly in between.",
     .never = true},
};
constexpr EntitySpec kDeployment{.kind = "deployment", .list_key = "deployments",
                                 .doc = "Troops securing an airport for a while.", .keys = kDeploymentKeys,
                                 .has_id = true};

// ---- incident -------------------------------------------------------------------------------------

constexpr std::string_view kEffectChoices[] = {"close", "reduce"};

constexpr KeySpec kIncidentKeys[] = {
    EVACSIM_ID_KEY("incidents"),
    EVACSIM_NAME_KEY,
    {.name = "at", .type = TimeDist, .presence = Required, .doc = "When it starts (per replication)."},
    {.name = "target", .type = Target, .presence = Required,
     .doc = "What it hits: an airport id (runway and gates), `airport/gate`, a route id or a staging base id."},
    {.name = "effect", .type = Choice, .presence = Default, .def = "close",
     .doc = "`close`: nothing passes; `reduce`: capacity multiplied by `factor`.", .choices = kEffectChoices},
    {.name = "factor", .type = Number, .presence = Derived, .def = "0 for close", .bound = kUnit,
     .rule = "required for reduce; not allowed for close", .doc = "Capacity multiplier while it lasts."},
    {.name = "duration", .type = DurationDist, .presence = Default, .def = "never", .bound = kPositive,
     .doc = "How long it lasts (per replication); `never`: until the end of the run.", .never = true},
};
constexpr EntitySpec kIncident{.kind = "incident", .list_key = "incidents",
                               .doc = "Something that closes or throttles a place or route for a while (an attack, "
                                      "a crowd crush, a full base).",
                               .keys = kIncidentKeys, .has_id = true};

// ---- the scenario ---------------------------------------------------------------------------------

constexpr KeySpec kScenarioKeys[] = {
    {.name = "schema", .type = Int, .presence = Required, .bound = {.lo = 1, .hi = 1},
     .doc = "Version of the scenario language; this evacsim reads 1."},
    {.name = "name", .type = Name, .presence = Required,
     .doc = "Scenario name (same characters as an id); results go to `results/<name>/` by default."},
    {.name = "description", .type = Text, .presence = Default, .def = "\"\"", .doc = "Free text."},
    {.name = "extends", .type = File, .presence = Absent, .def = "a complete scenario",
     .doc = "Start from another scenario file (path relative to this one) and change it: see Extends."},
    {.name = "start", .type = AbsoluteTime, .presence = Required, .rule = "whole seconds",
     .doc = "Time zero. Its UTC offset is used to print every time in the results."},
    {.name = "end", .type = Time, .presence = Required, .rule = "after start",
     .doc = "When the simulation stops; whoever is still in the system then is counted as remaining."},
    {.name = "seed", .type = Seed, .presence = Default, .def = "1",
     .doc = "Replication r draws from streams derived from (seed, r, source id)."},
    {.name = "replications", .type = Int, .presence = Default, .def = "1", .bound = {.lo = 1, .hi = 1000000},
     .doc = "Independent replications to run."},
    {.name = "report_every", .type = Duration, .presence = Default, .def = "1h", .bound = kPositive,
     .doc = "Resolution of the timeline results."},
    {.name = "nations", .type = Entities, .presence = Default, .def = "[]", .doc = "See nation.",
     .element = &kNation},
    {.name = "cohorts", .type = Entities, .presence = Default, .def = "[]", .doc = "See cohort.",
     .element = &kCohort},
    {.name = "cities", .type = Entities, .presence = Default, .def = "[]", .doc = "See city.", .element = &kCity},
    {.name = "airports", .type = Entities, .presence = Default, .def = "[]", .doc = "See airport.",
     .element = &kAirport},
    {.name = "staging_bases", .type = Entities, .presence = Default, .def = "[]", .doc = "See staging_base.",
     .element = &kStagingBase},
    {.name = "routes", .type = Entities, .presence = Default, .def = "[]", .doc = "See route.",
     .element = &kRoute},
    {.name = "aircraft_types", .type = Entities, .presence = Default, .def = "[]", .doc = "See aircraft_type.",
     .element = &kAircraftType},
    {.name = "fleets", .type = Entities, .presence = Default, .def = "[]", .doc = "See fleet.",
     .element = &kFleet},
    {.name = "deployments", .type = Entities, .presence = Default, .def = "[]", .doc = "See deployment.",
     .element = &kDeployment},
    {.name = "incidents", .type = Entities, .presence = Default, .def = "[]", .doc = "See incident.",
     .element = &kIncident},
};
constexpr EntitySpec kScenario{.kind = "scenario", .doc = "The top level of a scenario file.",
                               .keys = kScenarioKeys};

#undef EVACSIM_ID_KEY
#undef EVACSIM_NAME_KEY

constexpr const EntitySpec* kAllSpecs[] = {&kScenario, &kNation,    &kCohort,       &kCity,  &kDeparture,
                                           &kAirport,  &kGate,      &kStagingBase,  &kRoute, &kAircraftType,
                                           &kFleet,    &kDeployment, &kIncident,    &kPosition};

// ---- distributions --------------------------------------------------------------------------------

constexpr DistParam kFixedParams[] = {{.name = "value", .doc = "The value."}};
constexpr DistParam kUniformParams[] = {{.name = "min", .doc = "Smallest value."},
                                        {.name = "max", .doc = "Largest value."}};
constexpr DistParam kTriangularParams[] = {{.name = "min", .doc = "Smallest value."},
                                           {.name = "mode", .doc = "Most likely value."},
                                           {.name = "max", .doc = "Largest value."}};
constexpr DistParam kNormalParams[] = {{.name = "mean", .doc = "Mean."},
                                       {.name = "sd", .spread = true,
                                        .doc = "Standard deviation (a duration for times and durations)."}};
constexpr DistParam kLognormalParams[] = {{.name = "median", .doc = "Median (50th percentile)."},
                                          {.name = "p90", .doc = "90th percentile."}};
constexpr DistParam kExponentialParams[] = {{.name = "mean", .doc = "Mean."}};
constexpr DistParam kEmpiricalParams[] = {
    {.name = "values", .list = true, .doc = "The possible values."},
    {.name = "weights", .optional = true, .list = true, .weights = true,
     .doc = "Relative weights, one per value (default: equal)."}};

constexpr DistSpec kDists[] = {
    {.name = "fixed", .kind = model::DistKind::Fixed, .params = kFixedParams, .doc = "Always `value`."},
    {.name = "uniform", .kind = model::DistKind::Uniform, .params = kUniformParams, .rule = "min <= max",
     .doc = "Any value between min and max, equally likely."},
    {.name = "triangular", .kind = model::DistKind::Triangular, .params = kTriangularParams,
     .rule = "min <= mode <= max", .doc = "Between min and max, most likely near mode."},
    {.name = "normal", .kind = model::DistKind::Normal, .params = kNormalParams, .rule = "sd >= 0",
     .doc = "Bell curve; truncated at 0 for durations and quantities that cannot be negative."},
    {.name = "lognormal", .kind = model::DistKind::Lognormal, .params = kLognormalParams, .over_times = false,
     .rule = "0 < median < p90", .doc = "Skewed to the right: long tails (not for times)."},
    {.name = "exponential", .kind = model::DistKind::Exponential, .params = kExponentialParams,
     .over_times = false, .rule = "mean > 0", .doc = "Memoryless, mean `mean` (not for times)."},
    {.name = "empirical", .kind = model::DistKind::Empirical, .params = kEmpiricalParams,
     .rule = "values not empty; weights (if any) as many as values, >= 0, not all 0",
     .doc = "One of `values`, with probabilities proportional to `weights`."},
};

}  // namespace

const EntitySpec& scenario_spec() { return kScenario; }

std::span<const EntitySpec* const> all_specs() { return kAllSpecs; }

const EntitySpec* find_spec(std::string_view kind) {
  for (const EntitySpec* s : kAllSpecs)
    if (s->kind == kind) return s;
  return nullptr;
}

std::span<const DistSpec> dist_specs() { return kDists; }

const DistSpec* find_dist(std::string_view name) {
  for (const DistSpec& d : kDists)
    if (d.name == name) return &d;
  return nullptr;
}

const DistSpec& dist_spec(model::DistKind kind) {
  for (const DistSpec& d : kDists)
    if (d.kind == kind) return d;
  return kDists[0];
}

std::string kind_words(std::string_view kind) {
  std::string out(kind);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string a_kind(std::string_view kind) {
  const std::string words = kind_words(kind);
  const bool vowel = !words.empty() && std::string_view("aeiou").find(words.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + words;
}

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id.front())) return false;
  for (char c : id)
    if (!lower_or_digit(c) && c != '_' && c != '-') return false;
  return true;
}

}  // namespace sim::scenario
