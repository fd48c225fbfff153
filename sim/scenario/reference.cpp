#include "sim/scenario/reference.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "sim/scenario/keys.hpp"
#include "sim/scenario/merge.hpp"
#include "sim/scenario/tree.hpp"

namespace sim::scenario {
namespace {

using nlohmann::ordered_json;

// Text forms shared by the schema and the reference.
constexpr std::string_view kNumberRe = R"([0-9]*\.?[0-9]+([eE][+-]?[0-9]+)?)";
std::string duration_re() { return "(" + std::string(kNumberRe) + "(s|min|h|d))+"; }
std::string time_re() {
  return R"([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})|[+-])" +
         duration_re();
}

bool is_duration_type(KeyType t) { return t == KeyType::Duration || t == KeyType::DurationDist; }

// ---- JSON schema ----------------------------------------------------------------------------------

std::string def_name(std::string_view kind, bool partial) {
  return std::string(kind) + (partial ? "-partial" : "");
}

/// The description shown by editors: doc, unit, default, rule.
std::string key_description(const KeySpec& k) {
  std::string d(k.doc);
  if (!k.unit.empty()) d += " Unit: " + std::string(k.unit) + ".";
  switch (k.presence) {
    case Presence::Required: d += " Required."; break;
    case Presence::Default: d += " Default: " + std::string(k.def) + "."; break;
    case Presence::Derived: d += " Default: " + std::string(k.def) + "."; break;
    case Presence::Absent: d += " If absent: " + std::string(k.def) + "."; break;
  }
  const std::string bound = k.bound.str(is_duration_type(k.type));
  if (!bound.empty()) d += " Must be " + bound + ".";
  if (!k.rule.empty()) d += " Rule: " + std::string(k.rule) + ".";
  if (k.extension) d += " (Extension beyond SPEC schema 1.)";
  return d;
}

void add_bound(ordered_json& j, const Bound& b) {
  if (!std::isinf(b.lo)) j[b.lo_open ? "exclusiveMinimum" : "minimum"] = b.lo;
  if (!std::isinf(b.hi)) j[b.hi_open ? "exclusiveMaximum" : "maximum"] = b.hi;
}

ordered_json schema_ref(const std::string& name) { return ordered_json{{"$ref", "#/definitions/" + name}}; }

/// The JSON value of a table default (numbers as numbers, lists and maps as such).
ordered_json default_value(const KeySpec& k) {
  const std::string def(k.def);
  if (def == "[]") return ordered_json::array();
  if (def == "{}") return ordered_json::object();
  if (def == "\"\"") return "";
  if (k.type == KeyType::Int || k.type == KeyType::Seed || k.type == KeyType::Number ||
      (k.type == KeyType::NumberDist && def.find_first_not_of("0123456789.") == std::string::npos)) {
    return ordered_json::parse(def);
  }
  return def;
}

ordered_json value_schema(const KeySpec& k, bool partial) {
  ordered_json j;
  switch (k.type) {
    case KeyType::Id:
    case KeyType::Name:
    case KeyType::Ref: j = schema_ref("id"); break;
    case KeyType::Text:
    case KeyType::File: j = {{"type", "string"}}; break;
    case KeyType::Place: j = schema_ref("id"); break;
    case KeyType::Target: j = {{"type", "string"}, {"pattern", "^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)?$"}}; break;
    case KeyType::Int:
    case KeyType::Seed:
      j = {{"type", "integer"}};
      add_bound(j, k.bound);
      if (k.type == KeyType::Seed) j["minimum"] = 0;
      break;
    case KeyType::Number:
      j = {{"type", "number"}};
      add_bound(j, k.bound);
      break;
    case KeyType::NumberDist: {
      ordered_json plain = {{"type", "number"}};
      add_bound(plain, k.bound);
      j = {{"anyOf", {plain, schema_ref("number-distribution")}}};
      break;
    }
    case KeyType::Duration: j = schema_ref(k.never ? "duration-or-never" : "duration"); break;
    case KeyType::DurationDist:
      j = {{"anyOf", {schema_ref(k.never ? "duration-or-never" : "duration"), schema_ref("duration-distribution")}}};
      break;
    case KeyType::Time: j = schema_ref("time"); break;
    case KeyType::AbsoluteTime: j = schema_ref("absolute-time"); break;
    case KeyType::TimeDist:
      j = {{"anyOf", {schema_ref(k.never ? "time-or-never" : "time"), schema_ref("time-distribution")}}};
      break;
    case KeyType::Choice: {
      ordered_json e = ordered_json::array();
      for (std::string_view c : k.choices) e.push_back(std::string(c));
      j = {{"enum", e}};
      break;
    }
    case KeyType::RefList:
      j = {{"type", "array"}, {"items", schema_ref("id")}, {"uniqueItems", true}};
      if (k.non_empty) j["minItems"] = 1;
      break;
    case KeyType::Object: j = schema_ref(def_name(k.element->kind, partial)); break;
    case KeyType::Counts: {
      ordered_json count = {{"type", "number"}};
      add_bound(count, k.bound);
      j = {{"type", "object"},
           {"propertyNames", schema_ref("id")},
           {"additionalProperties", {{"anyOf", {count, schema_ref("number-distribution")}}}}};
      break;
    }
    case KeyType::Entities:
    case KeyType::Records:
      // Records (departures) are replaced whole under extends, so they are always complete.
      j = {{"type", "array"},
           {"items", schema_ref(def_name(k.element->kind, partial && k.type == KeyType::Entities))}};
      if (k.non_empty && !partial) j["minItems"] = 1;
      break;
  }
  j["description"] = key_description(k);
  if (k.presence == Presence::Default) j["default"] = default_value(k);
  return j;
}

ordered_json entity_schema(const EntitySpec& spec, bool partial) {
  ordered_json props = ordered_json::object();
  ordered_json required = ordered_json::array();
  for (const KeySpec& k : spec.keys) {
    props[std::string(k.name)] = value_schema(k, partial);
    // In a file that extends another, an entity states only its id and what changes.
    if (k.presence == Presence::Required && (!partial || k.type == KeyType::Id)) required.push_back(std::string(k.name));
  }
  if (spec.has_id && partial)
    props["remove"] = {{"type", "boolean"},
                       {"description", "true: delete the inherited " + kind_words(spec.kind) + " with this id."}};
  ordered_json j = {{"type", "object"}, {"description", std::string(spec.doc)}, {"properties", props},
                    {"additionalProperties", false}};
  if (!required.empty()) j["required"] = required;
  return j;
}

ordered_json distribution_schema(const std::string& value_def, const std::string& spread_def, bool times) {
  ordered_json kinds = ordered_json::array();
  for (const DistSpec& d : dist_specs()) {
    if (times && !d.over_times) continue;
    ordered_json props = {{"dist", {{"const", std::string(d.name)}}}};
    ordered_json required = {"dist"};
    for (const DistParam& p : d.params) {
      const ordered_json one = p.weights ? ordered_json{{"type", "number"}, {"minimum", 0}}
                                         : schema_ref(p.spread ? spread_def : value_def);
      ordered_json param = p.list ? ordered_json{{"type", "array"}, {"items", one}} : one;
      if (p.list && !p.weights) param["minItems"] = 1;
      param["description"] = std::string(p.doc);
      props[std::string(p.name)] = param;
      if (!p.optional) required.push_back(std::string(p.name));
    }
    std::string doc(d.doc);
    if (!d.rule.empty()) doc += " Rule: " + std::string(d.rule) + ".";
    kinds.push_back({{"type", "object"},
                     {"description", doc},
                     {"properties", props},
                     {"required", required},
                     {"additionalProperties", false}});
  }
  return {{"type", "object"}, {"required", {"dist"}}, {"oneOf", kinds}};
}

}  // namespace

std::string json_schema() {
  ordered_json defs = ordered_json::object();
  defs["id"] = {{"type", "string"}, {"pattern", "^" + std::string(kIdPattern) + "$"},
                {"description", "Lower-case letters, digits, '_' and '-', starting with a letter or digit."}};
  defs["duration"] = {{"type", "string"}, {"pattern", "^" + duration_re() + "$"},
                      {"description", "A duration with units s, min, h, d: 90s, 3h30min, 1.5h, 2d."}};
  defs["duration-or-never"] = {{"type", "string"}, {"pattern", "^(never|" + duration_re() + ")$"},
                               {"description", "A duration with units, or never."}};
  defs["absolute-time"] = {
      {"type", "string"},
      {"pattern", R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})$)"},
      {"description", "ISO 8601 with a UTC offset: 2021-08-13T00:00+04:30."}};
  defs["time"] = {{"type", "string"}, {"pattern", "^(" + time_re() + ")$"},
                  {"description", "ISO 8601 with offset (2021-08-15T14:00+04:30) or an offset from start (+36h)."}};
  defs["time-or-never"] = {{"type", "string"}, {"pattern", "^(never|" + time_re() + ")$"},
                           {"description", "A time, or never."}};
  defs["number"] = {{"type", "number"}};
  defs["number-distribution"] = distribution_schema("number", "number", false);
  defs["duration-distribution"] = distribution_schema("duration", "duration", false);
  defs["time-distribution"] = distribution_schema("time-or-never", "duration", true);
  for (const EntitySpec* spec : all_specs()) {
    defs[def_name(spec->kind, false)] = entity_schema(*spec, false);
    defs[def_name(spec->kind, true)] = entity_schema(*spec, true);
  }
  ordered_json schema = {
      {"$schema", "http://json-schema.org/draft-07/schema#"},
      {"$id", "https://evacsim.example/schema/scenario-1.json"},
      {"title", "evacsim scenario (schema 1)"},
      {"description",
       "Generated by evacsim-docgen from sim/scenario/keys.cpp; do not edit. The loader (evacsim validate) "
       "is the authority: it also checks references and rules between keys."},
      {"if", {{"required", {"extends"}}}},
      {"then", schema_ref(def_name("scenario", true))},
      {"else", schema_ref(def_name("scenario", false))},
      {"definitions", defs},
  };
  return schema.dump(2) + "\n";
}

// ---- Markdown -------------------------------------------------------------------------------------

namespace {

std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string type_text(const KeySpec& k) {
  switch (k.type) {
    case KeyType::Ref: return "id of " + a_kind(k.ref);
    case KeyType::RefList: return "list of " + kind_words(k.ref) + " ids";
    case KeyType::Object: return "[" + std::string(k.element->kind) + "](#" + std::string(k.element->kind) + ")";
    case KeyType::Entities:
    case KeyType::Records:
      return "list of [" + std::string(k.element->kind) + "](#" + std::string(k.element->kind) + ")";
    case KeyType::Counts: return "mapping " + kind_words(k.ref) + " id → number or distribution";
    case KeyType::Choice: {
      std::string out;
      for (std::string_view c : k.choices) out += (out.empty() ? "" : " | ") + ("`" + std::string(c) + "`");
      return out;
    }
    case KeyType::TimeDist: return k.never ? "time, `never` or distribution" : "time or distribution";
    case KeyType::DurationDist: return k.never ? "duration, `never` or distribution" : "duration or distribution";
    default: return std::string(to_string(k.type));
  }
}

std::string default_text(const KeySpec& k) {
  switch (k.presence) {
    case Presence::Required: return "**required**";
    case Presence::Default: return "`" + std::string(k.def) + "`";
    case Presence::Derived: return std::string(k.def);
    case Presence::Absent: return "absent: " + std::string(k.def);
  }
  return "";
}

std::string rule_text(const KeySpec& k) {
  std::string out = k.bound.str(is_duration_type(k.type));
  if (k.non_empty) out += std::string(out.empty() ? "" : "; ") + "not empty";
  if (!k.rule.empty()) out += std::string(out.empty() ? "" : "; ") + std::string(k.rule);
  if (k.type == KeyType::Ref || k.type == KeyType::RefList)
    out += std::string(out.empty() ? "" : "; ") + "must name " + (k.type == KeyType::Ref ? a_kind(k.ref) : kind_words(k.ref) + "s") + " of the scenario";
  return out;
}

void entity_section(std::ostringstream& md, const EntitySpec& spec) {
  md << "## " << spec.kind << "\n\n" << spec.doc;
  if (!spec.list_key.empty()) md << " Listed under `" << spec.list_key << "`.";
  md << "\n\n| key | type | unit | default | rule | description |\n|---|---|---|---|---|---|\n";
  for (const KeySpec& k : spec.keys) {
    std::string doc(k.doc);
    if (k.extension) doc = "**Extension.** " + doc;
    md << "| `" << k.name << "` | " << cell(type_text(k)) << " | " << cell(k.unit) << " | " << cell(default_text(k))
       << " | " << cell(rule_text(k)) << " | " << cell(doc) << " |\n";
  }
  md << "\n";
}

constexpr std::string_view kGeneralRules = R"(## General rules

### Ids and names
Every entity has an `id`: lower-case letters, digits, `_` and `-`, starting with a letter or digit
(`[a-z0-9][a-z0-9_-]*`), unique within its kind. Cities, airports and staging bases are *places*:
routes name them by id, so a place id is unique across all three. `name` is free text for reports.
Entities refer to each other by id; a reference to an id that does not exist is an error.

### Numbers
Plain YAML numbers (`40`, `2.5`, `1e3`), never in quotes. Integers (lanes, parking, seats, aircraft,
priority, ...) must be whole. `.inf` and `.nan` are refused everywhere.

### Times
- ISO 8601 with a UTC offset: `2021-08-15T14:00+04:30`, `2021-08-15T09:30Z`, seconds optional
  (`14:00:30.5`). A time without an offset is an error.
- An offset from `start`: `+36h`, `+1d12h` (and `-2h` for a time before start).
- `never`, where the key says so (e.g. `captured_at`, `available_until`, `withdraw_from`).

Times are held as seconds since `start`; results print them with `start`'s offset.

### Durations
A number with a unit, or several: `s`, `min`, `h`, `d` (`90s`, `3h30min`, `2d`, `1.5h`). A bare
number is an error (`expected a duration with units, e.g. 90s, 3h30min`): the unit is never implied.

### Distributions
Wherever the type says *or distribution*, a mapping with `dist` may stand in for the value. Its
parameters are written like the value they stand for (times as times, durations with units); a
normal distribution's `sd` over times or durations is a duration. Values marked *per replication*
are drawn once per replication, *per use* / *per person* / *per sortie* ones at every use.
Every value a distribution names (`min`, `mode`, `max`, `mean`, `median`, `p90`, `values`) must satisfy
the key's rule (e.g. `> 0`); a normal is truncated at 0 where values cannot be negative.

| dist | parameters | rule | meaning |
|---|---|---|---|
@DISTS@
Over times only `fixed`, `uniform`, `triangular`, `normal` and `empirical` are allowed; `never` may
appear as a `fixed` value or among `empirical` values (e.g. a city that falls on day 1 or day 2, or
never: `{dist: empirical, values: [+1d, +2d, never], weights: [2, 1, 1]}`).

### Extends
`extends: other.yaml` (a path relative to the file) starts from another scenario:
- keys given replace the inherited ones; distributions and lists of ids are replaced whole;
- mappings (the top level, an entity, a `position`, `evacuees`) merge key by key;
- lists of entities (`cities`, `gates`, `fleets`, ...) merge by `id`: an inherited id is changed key by
  key, a new id is added after the inherited ones, and `remove: true` deletes the inherited entity
  (removing an id that is not inherited is an error);
- lists without ids (`departures`) are replaced whole.

Chains are allowed (the nearest file wins); a cycle, a missing file or a file that is not a scenario
is an error at the `extends` line. A file that extends another need not repeat `schema`, `start`, ...:
the merged result is checked exactly like a single file.

### Overrides: `--set PATH=VALUE`
`evacsim run` and `validate` accept `--set PATH=VALUE`: PATH walks keys with `.`, entries of entity
lists by id and entries of other lists by position: `fleets.us-c17.aircraft=40`,
`airports.hkia.gates.abbey.lanes=6`, `cities.kabul.departures.0.rate_per_hour=300`,
`cities.kabul.captured_at=2021-08-20T12:00+04:30`. VALUE is a YAML flow value, so
`--set 'cities.kabul.captured_at={dist: uniform, min: +1d, max: +2d}'` works. Overrides apply in order
after `extends`; the result is checked like a file. Problems are reported against file `--set`, with
the override's number as the line and the column within the argument: `--set:2:15: ...` is the
second `--set`, 15th character.

### Errors
Everything is checked before anything runs, and every problem of a file is reported at once, sorted
by position, in compiler format: `FILE:LINE:COLUMN: key.path: what is wrong (what was expected)`,
e.g. `kabul.yaml:14:7: airports.hkia.parking: must be >= 1 (got 0)`. Unknown keys come with a
"did you mean" hint. Empty files, binary data, invalid UTF-8, alias bombs and absurd nesting are
refused with a diagnostic too.

### Extensions beyond SPEC schema 1
Keys marked **Extension** are additions the engine uses beyond the product contract (SPEC.md):
`city.flow_after_capture` and `fleet.alternates`. Route `name`, `-<duration>` times and `never` for
incident durations are small conveniences in the same spirit.

)";

}  // namespace

std::string markdown_reference(const std::string& example_text, const std::string& example_path) {
  std::ostringstream md;
  md << "# Scenario language reference (schema " << kSchemaVersion << ")\n\n"
     << "<!-- Generated by evacsim-docgen from sim/scenario/keys.cpp: do not edit by hand. Regenerate with\n"
     << "     `cmake --build --preset dev --target scenario-reference` (a test fails when this file is stale). -->\n\n"
     << "A scenario is a YAML file describing an evacuation: who must get out of which cities, which troops\n"
     << "secure which airports, which aircraft fly where, and when each city is expected to fall. This reference\n"
     << "lists every key the loader accepts; `evacsim validate FILE` checks a file against it, and\n"
     << "`scenarios/schema.json` gives editors the same information (VS Code YAML extension: add\n"
     << "`# yaml-language-server: $schema=../schema.json` at the top of a scenario).\n\n";
  std::string rules(kGeneralRules);
  std::string dists;
  for (const DistSpec& d : dist_specs()) {
    std::string params;
    for (const DistParam& p : d.params)
      params += (params.empty() ? "" : ", ") + ("`" + std::string(p.name) + "`") + (p.optional ? " (optional)" : "");
    dists += "| `" + std::string(d.name) + "` | " + params + " | " + cell(d.rule) + " | " + cell(d.doc) + " |\n";
  }
  rules.replace(rules.find("@DISTS@\n"), 8, dists);
  md << rules;
  md << "## Example\n\nA complete small scenario (`" << example_path << "`):\n\n```yaml\n" << example_text;
  if (!example_text.empty() && example_text.back() != '\n') md << '\n';
  md << "```\n\n";
  md << "# Keys\n\nIn each table: *default* **required** means the key must be given; a value in backticks is used\n"
     << "when the key is left out; other defaults follow from other keys as described. Units are per hour\n"
     << "where the key's name says so; durations and times carry their own units.\n\n";
  for (const EntitySpec* spec : all_specs()) entity_section(md, *spec);
  return md.str();
}

}  // namespace sim::scenario
