// The scenario language's key tables: for every entity kind, every key with its type, unit, default,
// rule and documentation, declared once. The loader checks and reads files through these tables, and
// the reference (docs/scenario-language.md) and the editor schema (scenarios/schema.json) are generated
// from them, so the three cannot drift apart.
//
// Example:
//   const EntitySpec& gate = *find_spec("gate");
//   const KeySpec* lanes = gate.key("lanes");   // type Int, default "1", bound >= 1
#pragma once

#include <limits>
#include <span>
#include <string>
#include <string_view>

#include "sim/model/distribution.hpp"

namespace sim::scenario {

/// How a key's value is written.
enum class KeyType {
  Id,            ///< the entity's id: [a-z0-9][a-z0-9_-]*
  Name,          ///< the scenario's name: same characters as an id
  Text,          ///< free text
  Int,           ///< a whole number
  Seed,          ///< a whole number in [0, 2^64)
  Number,        ///< a real number
  NumberDist,    ///< a number or a distribution over numbers
  Duration,      ///< a duration with units
  DurationDist,  ///< a duration or a distribution over durations
  Time,          ///< an absolute time or an offset from start
  AbsoluteTime,  ///< an absolute time (ISO 8601 with offset)
  TimeDist,      ///< a time or a distribution over times
  Choice,        ///< one of a few words
  Ref,           ///< the id of another entity (kind in `ref`)
  RefList,       ///< a list of ids of entities of kind `ref`
  Place,         ///< the id of a city, airport or staging base
  Target,        ///< an airport, `airport/gate`, route or staging base id
  Object,        ///< a mapping with the keys of `element` (e.g. a position)
  Counts,        ///< a mapping cohort id -> number or distribution (people)
  Entities,      ///< a list of `element` entities, each with an id (merged by id under `extends`)
  Records,       ///< a list of `element` records without id (replaced as a whole under `extends`)
  File,          ///< a path relative to this file
};

std::string_view to_string(KeyType type);

enum class Presence {
  Required,  ///< must be given
  Default,   ///< `def` is the default, written as in a file (and read by the same code as a file)
  Derived,   ///< `def` describes how the default follows from other keys
  Absent,    ///< optional; `def` says what leaving it out means (e.g. unlimited)
};

/// Allowed range of a number (in the key's model unit: seconds for durations).
struct Bound {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;  ///< lo itself excluded
  bool hi_open = false;
  bool contains(double x) const;
  bool unbounded() const;
  /// `> 0`, `>= 1`, `in [0, 1]`; `unit_is_duration` writes bounds as durations (`> 0s`).
  std::string str(bool unit_is_duration = false) const;
};

inline constexpr Bound kAny{};
inline constexpr Bound kPositive{.lo = 0, .lo_open = true};
inline constexpr Bound kNonNegative{.lo = 0};
inline constexpr Bound kAtLeastOne{.lo = 1};
inline constexpr Bound kUnit{.lo = 0, .hi = 1};

struct EntitySpec;

struct KeySpec {
  std::string_view name;
  KeyType type = KeyType::Text;
  Presence presence = Presence::Default;
  std::string_view def;   ///< see Presence
  std::string_view unit;  ///< for docs: `people/h`, `degrees`, ... (empty: none)
  Bound bound;            ///< for numbers, integers, durations and every value a distribution names
  std::string_view rule;  ///< rules beyond type and bound (between keys), for docs
  std::string_view doc;
  std::string_view ref;                       ///< Ref, RefList: the kind referred to
  std::span<const std::string_view> choices;  ///< Choice
  const EntitySpec* element = nullptr;        ///< Object, Entities, Records
  bool never = false;      ///< times and durations: `never` allowed
  bool non_empty = false;  ///< lists: at least one item
  bool extension = false;  ///< beyond the SPEC's schema 1 (documented as an extension)
};

struct EntitySpec {
  std::string_view kind;      ///< `gate`, used in messages ("unknown gate 'x'")
  std::string_view list_key;  ///< where the list lives (`gates`), empty for the top level and objects
  std::string_view doc;
  std::span<const KeySpec> keys;
  bool has_id = false;  ///< entities have an id and merge by it; records and objects do not
  const KeySpec* key(std::string_view name) const;
};

/// The top level of a scenario file.
const EntitySpec& scenario_spec();
/// Every spec, in reference order (scenario first).
std::span<const EntitySpec* const> all_specs();
const EntitySpec* find_spec(std::string_view kind);

/// The parameters a distribution takes, for checking, documentation and the schema.
struct DistParam {
  std::string_view name;
  bool optional = false;
  bool spread = false;  ///< a spread, not a position: over times it is a duration (normal `sd`)
  bool list = false;    ///< a list of values (empirical)
  bool weights = false; ///< plain non-negative numbers whatever the quantity (empirical weights)
  std::string_view doc;
};

struct DistSpec {
  std::string_view name;  ///< as written after `dist:`
  model::DistKind kind;
  std::span<const DistParam> params;
  bool over_times = true;  ///< allowed for times (lognormal and exponential are not)
  std::string_view rule;
  std::string_view doc;
};

std::span<const DistSpec> dist_specs();
const DistSpec* find_dist(std::string_view name);
const DistSpec& dist_spec(model::DistKind kind);

/// An entity kind as words for messages: `staging base`; with its article: `an aircraft type`.
std::string kind_words(std::string_view kind);
std::string a_kind(std::string_view kind);

/// The id syntax shared by every entity: [a-z0-9][a-z0-9_-]*.
bool is_valid_id(std::string_view id);
inline constexpr std::string_view kIdPattern = "[a-z0-9][a-z0-9_-]*";

/// The schema version this build reads and writes.
inline constexpr int kSchemaVersion = 1;

}  // namespace sim::scenario
