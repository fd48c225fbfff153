// YAML -> model::Scenario. The document (already merged by merge.cpp) is read entity by entity
// through `Fields`, a view of one mapping checked against its key table: unknown keys, missing required
// keys, types, bounds and references are all reported, and defaults come from the same table. Rules
// between keys and between entities are checked afterwards. Nothing is returned unless the whole
// scenario is clean.
#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/keys.hpp"
#include "sim/scenario/load.hpp"
#include "sim/scenario/merge.hpp"
#include "sim/scenario/tree.hpp"
#include "sim/scenario/values.hpp"

namespace sim::scenario {
namespace {

using model::Dist;

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

/// Ids declared in the document, by kind, collected before anything is read so references can be
/// checked in one pass whatever the order of the lists.
struct IdIndex {
  std::map<std::string, std::vector<std::string>, std::less<>> by_kind;
  std::map<std::string, std::vector<std::string>, std::less<>> gates_by_airport;

  const std::vector<std::string>& of(std::string_view kind) const {
    static const std::vector<std::string> none;
    const auto it = by_kind.find(kind);
    return it == by_kind.end() ? none : it->second;
  }
  bool has(std::string_view kind, std::string_view id) const {
    const auto& ids = of(kind);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
};

constexpr std::string_view kPlaceKinds[] = {"city", "airport", "staging_base"};

class Loader;

/// One mapping read against its key table. Every key of the table must be read exactly once by the
/// builder (checked in debug terms by `unread()`), so the table and the loader cannot disagree.
class Fields {
 public:
  Fields(Loader& loader, const Node* map, const EntitySpec& spec, std::string path);

  bool valid() const { return map_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string path(std::string_view key) const { return join(path_, key); }
  bool has(std::string_view key) const { return map_ && map_->find(key); }
  const Node* node(std::string_view key) const { return map_ ? map_->find(key) : nullptr; }
  /// Where to point for a problem with `key`: its value if given, else the mapping.
  Mark mark(std::string_view key) const;
  Mark mark() const { return map_ ? map_->mark : fallback_; }

  std::string text(std::string_view key);
  std::int64_t integer(std::string_view key);
  std::uint64_t seed(std::string_view key);
  double number(std::string_view key);
  double duration(std::string_view key);
  double time(std::string_view key);
  std::optional<model::CivilTime> absolute_time(std::string_view key);
  Dist dist(std::string_view key);
  std::optional<Dist> optional_dist(std::string_view key);
  std::optional<double> optional_number(std::string_view key);
  std::vector<std::string> refs(std::string_view key);
  model::Position position(std::string_view key);
  std::map<std::string, Dist> counts(std::string_view key);
  /// Entities/Records: the list node when given and a list, else nullptr (reported).
  const Node* list(std::string_view key);

  /// Keys of the table the builder never read (a bug in the loader; reported as an internal error).
  std::vector<std::string_view> unread() const;

 private:
  const KeySpec& spec(std::string_view key, std::initializer_list<KeyType> types);
  /// The given value, or the table's default as a node (nullptr when there is none).
  const Node* value_or_default(const KeySpec& key);
  ValueOptions options(const KeySpec& key) const { return ValueOptions{.bound = key.bound, .never = key.never}; }

  Loader& loader_;
  const Node* map_ = nullptr;
  const EntitySpec& spec_;
  std::string path_;
  Mark fallback_;
  std::deque<Node> defaults_;  // default values parsed from the table (stable addresses)
  std::set<std::string_view> read_;
};

class Loader {
 public:
  explicit Loader(Diagnostics& diags) : diags_(diags), values_(diags, std::nullopt) {}

  std::optional<model::Scenario> load(const Node& root);

  Diagnostics& diags() { return diags_; }
  ValueReader& values() { return values_; }
  const IdIndex& ids() const { return ids_; }

  /// Reports `id` unless it is declared with kind `kind`; true when it is.
  bool check_ref(const Node& node, const std::string& path, std::string_view kind, const std::string& id);
  void internal_error(const Mark& m, const std::string& path, const std::string& what) {
    diags_.error(m, path, "internal error: " + what + " (please report this)");
  }

 private:
  void index_ids(const Node& root);
  template <class T, class Build>
  std::vector<T> read_list(Fields& parent, std::string_view key, Build build);
  void finish(Fields& f) {
    for (std::string_view k : f.unread()) internal_error(f.mark(), f.path(), "key '" + std::string(k) + "' not read");
  }

  model::Nation nation(Fields& f);
  model::Cohort cohort(Fields& f);
  model::City city(Fields& f);
  model::Departure departure(Fields& f);
  model::Airport airport(Fields& f);
  model::Gate gate(Fields& f);
  model::StagingBase staging_base(Fields& f);
  model::Route route(Fields& f);
  model::AircraftType aircraft_type(Fields& f);
  model::Fleet fleet(Fields& f);
  model::Deployment deployment(Fields& f);
  model::Incident incident(Fields& f);

  void check_departure_roads(const model::Scenario& s);

  Diagnostics& diags_;
  ValueReader values_;
  IdIndex ids_;
  // Facts kept while reading for the rules checked once everything is read.
  struct DepartureSite {  // where each departure's `to` was written, in reading order
    Mark to_mark;
    std::string to_path;
  };
  std::vector<DepartureSite> departure_sites_;
  std::string current_city_;  // the city whose departures are being read
  std::map<std::string, std::set<std::string>, std::less<>> city_cohorts_;
  struct CarriesCheck {  // an explicit `carries` entry, checked against cohort eligibility
    std::string nation;
    Mark mark;
    std::string path;
    std::string cohort;
  };
  std::vector<CarriesCheck> carries_checks_;
};

// ---- Fields ---------------------------------------------------------------------------------------

Fields::Fields(Loader& loader, const Node* map, const EntitySpec& spec, std::string path)
    : loader_(loader), spec_(spec), path_(std::move(path)) {
  if (!map) return;
  fallback_ = map->mark;
  std::vector<std::string_view> names;
  for (const KeySpec& k : spec.keys) names.push_back(k.name);
  if (!map->is_map()) {
    loader.diags().error(map->mark, path_, "got " + describe_value(*map),
                         "a mapping with keys " + join_or(names));
    return;
  }
  map_ = map;
  for (const Entry& e : map->entries) {
    if (spec.key(e.key)) continue;
    std::optional<std::string> hint = suggest(e.key, names);
    std::string extra;
    if (e.key == "remove" && spec.has_id) extra = " (remove: only in a file that extends another)";
    loader.diags().error(e.key_mark, join(path_, e.key),
                         "unknown key '" + e.key + "'" + (hint ? " (did you mean '" + *hint + "'?)" : "") + extra,
                         hint ? "" : "one of " + join_or(names));
  }
  for (const KeySpec& k : spec.keys) {
    if (k.presence == Presence::Required && !map->find(k.name))
      loader.diags().error(map->mark, path_, "missing required key '" + std::string(k.name) + "' of " +
                                                 kind_words(spec.kind));
  }
}

Mark Fields::mark(std::string_view key) const {
  if (const Node* n = node(key)) return n->mark;
  return mark();
}

const KeySpec& Fields::spec(std::string_view key, std::initializer_list<KeyType> types) {
  const KeySpec* k = spec_.key(key);
  if (!k || std::find(types.begin(), types.end(), k->type) == types.end())
    throw std::logic_error("loader reads key '" + std::string(key) + "' of " + std::string(spec_.kind) +
                           " with the wrong type");
  read_.insert(k->name);
  return *k;
}

const Node* Fields::value_or_default(const KeySpec& key) {
  if (const Node* n = node(key.name)) return n;
  if (key.presence != Presence::Default || !map_) return nullptr;
  defaults_.push_back(Node::make_scalar(std::string(key.def), mark()));
  return &defaults_.back();
}

std::vector<std::string_view> Fields::unread() const {
  std::vector<std::string_view> out;
  if (!map_) return out;
  for (const KeySpec& k : spec_.keys)
    if (!read_.count(k.name)) out.push_back(k.name);
  return out;
}

std::string Fields::text(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Id, KeyType::Name, KeyType::Text, KeyType::Choice, KeyType::Ref,
                                KeyType::Place, KeyType::Target, KeyType::File});
  const Node* n = value_or_default(k);
  if (!n) return {};
  if (k.presence == Presence::Default && !has(key) && k.def == "\"\"") return {};
  ValueReader& r = loader_.values();
  const std::string p = path(key);
  switch (k.type) {
    case KeyType::Id:
    case KeyType::Name: return r.id(*n, p).value_or("");
    case KeyType::Choice: {
      const std::optional<std::string> t = r.text(*n, p);
      if (!t) return {};
      if (std::find(k.choices.begin(), k.choices.end(), *t) != k.choices.end()) return *t;
      const auto hint = suggest(*t, k.choices);
      loader_.diags().error(n->mark, p, "unknown value " + describe_value(*n) + (hint ? " (did you mean '" + *hint + "'?)" : ""),
                            join_or(k.choices));
      return {};
    }
    case KeyType::Ref: {
      const std::optional<std::string> t = r.id(*n, p);
      if (!t) return {};
      loader_.check_ref(*n, p, k.ref, *t);
      return *t;
    }
    case KeyType::Place: {
      const std::optional<std::string> t = r.id(*n, p);
      if (!t) return {};
      const IdIndex& ids = loader_.ids();
      if (std::none_of(std::begin(kPlaceKinds), std::end(kPlaceKinds), [&](std::string_view kind) { return ids.has(kind, *t); })) {
        std::vector<std::string> all;
        for (std::string_view kind : kPlaceKinds) all.insert(all.end(), ids.of(kind).begin(), ids.of(kind).end());
        const auto hint = suggest(*t, all);
        loader_.diags().error(n->mark, p, "unknown place '" + *t + "'" + (hint ? " (did you mean '" + *hint + "'?)" : ""),
                              "the id of a city, airport or staging base");
      }
      return *t;
    }
    default: return r.text(*n, p).value_or("");
  }
}

std::int64_t Fields::integer(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Int});
  const Node* n = value_or_default(k);
  if (!n) return 0;
  constexpr auto lo = std::numeric_limits<int>::min(), hi = std::numeric_limits<int>::max();
  return loader_.values().integer(*n, path(key), options(k), lo, hi).value_or(0);
}

std::uint64_t Fields::seed(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Seed});
  const Node* n = value_or_default(k);
  return n ? loader_.values().seed(*n, path(key)).value_or(0) : 0;
}

double Fields::number(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Number});
  const Node* n = value_or_default(k);
  return n ? loader_.values().number(*n, path(key), options(k)).value_or(0) : 0;
}

std::optional<double> Fields::optional_number(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Number});
  const Node* n = value_or_default(k);
  if (!n) return std::nullopt;
  return loader_.values().number(*n, path(key), options(k));
}

double Fields::duration(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Duration});
  const Node* n = value_or_default(k);
  return n ? loader_.values().duration(*n, path(key), options(k)).value_or(0) : 0;
}

double Fields::time(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Time});
  const Node* n = value_or_default(k);
  return n ? loader_.values().time(*n, path(key), options(k)).value_or(0) : 0;
}

std::optional<model::CivilTime> Fields::absolute_time(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::AbsoluteTime});
  const Node* n = value_or_default(k);
  return n ? loader_.values().absolute_time(*n, path(key)) : std::nullopt;
}

std::optional<Dist> Fields::optional_dist(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::NumberDist, KeyType::DurationDist, KeyType::TimeDist});
  const Node* n = value_or_default(k);
  if (!n) return std::nullopt;
  const Quantity q = k.type == KeyType::NumberDist     ? Quantity::Number
                     : k.type == KeyType::DurationDist ? Quantity::Duration
                                                       : Quantity::Time;
  return loader_.values().dist(*n, path(key), q, options(k));
}

Dist Fields::dist(std::string_view key) { return optional_dist(key).value_or(Dist::fixed(0)); }

std::vector<std::string> Fields::refs(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::RefList});
  std::vector<std::string> out;
  const Node* n = node(key);
  if (!n) return out;
  const std::string p = path(key);
  if (!n->is_sequence()) {
    loader_.diags().error(n->mark, p, "got " + describe_value(*n), "a list of " + kind_words(k.ref) + " ids, e.g. [a, b]");
    return out;
  }
  if (k.non_empty && n->items.empty())
    loader_.diags().error(n->mark, p, "must not be empty", "at least one " + kind_words(k.ref) + " id");
  for (std::size_t i = 0; i < n->items.size(); ++i) {
    const Node& item = n->items[i];
    const std::string ip = p + "." + std::to_string(i);
    const std::optional<std::string> id = loader_.values().id(item, ip);
    if (!id) continue;
    if (std::find(out.begin(), out.end(), *id) != out.end()) {
      loader_.diags().error(item.mark, ip, "'" + *id + "' listed twice");
      continue;
    }
    loader_.check_ref(item, ip, k.ref, *id);
    out.push_back(*id);
  }
  return out;
}

model::Position Fields::position(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Object});
  model::Position pos;
  const Node* n = node(key);
  if (!n) return pos;
  Fields f(loader_, n, *k.element, path(key));
  pos.lat = f.number("lat");
  pos.lon = f.number("lon");
  return pos;
}

std::map<std::string, Dist> Fields::counts(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Counts});
  std::map<std::string, Dist> out;
  const Node* n = node(key);
  if (!n) return out;
  const std::string p = path(key);
  if (!n->is_map()) {
    loader_.diags().error(n->mark, p, "got " + describe_value(*n), "a mapping " + kind_words(k.ref) + " id -> count, e.g. {us-citizens: 6000}");
    return out;
  }
  for (const Entry& e : n->entries) {
    const std::string ep = join(p, e.key);
    const Node key_node = Node::make_scalar(e.key, e.key_mark);
    const std::optional<std::string> id = loader_.values().id(key_node, ep);
    if (!id) continue;
    loader_.check_ref(key_node, ep, k.ref, *id);
    if (auto d = loader_.values().dist(e.value, ep, Quantity::Number, options(k))) out[*id] = *d;
  }
  return out;
}

const Node* Fields::list(std::string_view key) {
  const KeySpec& k = spec(key, {KeyType::Entities, KeyType::Records});
  const Node* n = node(key);
  if (!n) return nullptr;
  if (!n->is_sequence()) {
    loader_.diags().error(n->mark, path(key), "got " + describe_value(*n),
                          "a list of " + kind_words(k.element->kind) + " entries (`- id: ...`)");
    return nullptr;
  }
  if (k.non_empty && n->items.empty())
    loader_.diags().error(n->mark, path(key), "must not be empty", "at least one " + kind_words(k.element->kind));
  return n;
}

// ---- Loader ---------------------------------------------------------------------------------------

bool Loader::check_ref(const Node& node, const std::string& path, std::string_view kind, const std::string& id) {
  if (ids_.has(kind, id)) return true;
  const auto& known = ids_.of(kind);
  const auto hint = suggest(id, known);
  std::string expected;
  if (known.empty()) {
    const EntitySpec* spec = find_spec(kind);
    expected = a_kind(kind) + " declared under " + std::string(spec ? spec->list_key : kind);
  } else if (!hint) {
    expected = known.size() <= 10 ? "one of " + join_or(known) : "the id of " + a_kind(kind);
  }
  diags_.error(node.mark, path,
               "unknown " + kind_words(kind) + " '" + id + "'" + (hint ? " (did you mean '" + *hint + "'?)" : ""),
               expected);
  return false;
}

void Loader::index_ids(const Node& root) {
  std::map<std::string, std::pair<std::string, Mark>> places;  // id -> (kind, where)
  for (const KeySpec& key : scenario_spec().keys) {
    if (key.type != KeyType::Entities) continue;
    const Node* list = root.find(key.name);
    if (!list || !list->is_sequence()) continue;
    const std::string kind(key.element->kind);
    auto& ids = ids_.by_kind[kind];
    std::map<std::string, Mark> first;
    for (const Node& item : list->items) {
      const Node* id = item.is_map() ? item.find("id") : nullptr;
      if (!id || !id->is_scalar()) continue;
      const std::string path = std::string(key.name) + "." + id->scalar;
      if (auto [it, fresh] = first.emplace(id->scalar, id->mark); !fresh) {
        diags_.error(id->mark, path + ".id",
                     "duplicate " + kind_words(kind) + " id '" + id->scalar + "' (first at line " +
                         std::to_string(it->second.line) + ")",
                     "ids unique among " + std::string(key.name));
        continue;
      }
      ids.push_back(id->scalar);
      if (std::find(std::begin(kPlaceKinds), std::end(kPlaceKinds), kind) != std::end(kPlaceKinds)) {
        if (auto [it, fresh] = places.emplace(id->scalar, std::pair{kind, id->mark}); !fresh)
          diags_.error(id->mark, path + ".id",
                       "id '" + id->scalar + "' is already used by " + a_kind(it->second.first) + " at line " +
                           std::to_string(it->second.second.line),
                       "place ids unique across cities, airports and staging bases (routes name places by id)");
      }
      if (kind == "airport") {
        auto& gates = ids_.gates_by_airport[id->scalar];
        const Node* gate_list = item.find("gates");
        if (!gate_list || !gate_list->is_sequence()) continue;
        for (const Node& g : gate_list->items) {
          const Node* gid = g.is_map() ? g.find("id") : nullptr;
          if (!gid || !gid->is_scalar()) continue;
          if (std::find(gates.begin(), gates.end(), gid->scalar) != gates.end()) {
            diags_.error(gid->mark, path + ".gates." + gid->scalar + ".id",
                         "duplicate gate id '" + gid->scalar + "'", "gate ids unique within their airport");
            continue;
          }
          gates.push_back(gid->scalar);
        }
      }
    }
  }
}

template <class T, class Build>
std::vector<T> Loader::read_list(Fields& parent, std::string_view key, Build build) {
  std::vector<T> out;
  const Node* list = parent.list(key);
  if (!list) return out;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    // Entities are named by id in paths (airports.hkia.gates.abbey); records and id-less entries by position.
    const Node* id = item.is_map() ? item.find("id") : nullptr;
    const std::string label = id && id->is_scalar() && !id->scalar.empty() ? id->scalar : std::to_string(i);
    out.push_back(build(item, parent.path(key) + "." + label));
  }
  return out;
}

model::Nation Loader::nation(Fields& f) {
  model::Nation n;
  n.id = f.text("id");
  n.name = f.text("name");
  return n;
}

model::Cohort Loader::cohort(Fields& f) {
  model::Cohort c;
  c.id = f.text("id");
  c.name = f.text("name");
  c.nation = f.text("nation");
  c.priority = static_cast<int>(f.integer("priority"));
  c.eligible_on = f.refs("eligible_on");
  if (!f.has("eligible_on")) c.eligible_on = {c.nation};  // derived default
  return c;
}

model::Departure Loader::departure(Fields& f) {
  model::Departure d;
  d.cohort = f.text("cohort");
  d.from_s = f.dist("from");
  d.rate_per_hour = f.dist("rate_per_hour");
  d.process = f.text("process") == "poisson" ? model::Process::Poisson : model::Process::Steady;
  d.to = f.text("to");
  if (!d.cohort.empty() && !city_cohorts_[current_city_].count(d.cohort) && ids_.has("cohort", d.cohort))
    diags_.error(f.mark("cohort"), f.path("cohort"),
                 "city '" + current_city_ + "' has no evacuees of cohort '" + d.cohort + "'",
                 "a cohort listed in the city's evacuees");
  departure_sites_.push_back(DepartureSite{f.mark("to"), f.path("to")});
  return d;
}

model::City Loader::city(Fields& f) {
  model::City c;
  c.id = f.text("id");
  c.name = f.text("name");
  c.position = f.position("position");
  c.captured_at_s = f.dist("captured_at");
  c.evacuees = f.counts("evacuees");
  current_city_ = c.id;
  for (const auto& [cohort, count] : c.evacuees) city_cohorts_[c.id].insert(cohort);
  c.departures = read_list<model::Departure>(f, "departures", [&](const Node& n, const std::string& p) {
    Fields df(*this, &n, *find_spec("departure"), p);
    model::Departure d = departure(df);
    finish(df);
    return d;
  });
  c.flow_after_capture = f.number("flow_after_capture");
  return c;
}

model::Gate Loader::gate(Fields& f) {
  model::Gate g;
  g.id = f.text("id");
  g.name = f.text("name");
  g.lanes = static_cast<int>(f.integer("lanes"));
  g.troops_per_lane = static_cast<int>(f.integer("troops_per_lane"));
  g.civilian_lanes = static_cast<int>(f.integer("civilian_lanes"));
  if (f.has("civilian_lanes")) {
    if (g.civilian_lanes > g.lanes)
      diags_.error(f.mark("civilian_lanes"), f.path("civilian_lanes"),
                   "must be <= lanes (got " + std::to_string(g.civilian_lanes) + " > " + std::to_string(g.lanes) + ")");
    else if (g.troops_per_lane == 0 && g.civilian_lanes != g.lanes)
      diags_.error(f.mark("civilian_lanes"), f.path("civilian_lanes"),
                   "with troops_per_lane 0 no lane can be opened by troops, so civilian_lanes must equal lanes (got " +
                       std::to_string(g.civilian_lanes) + ", lanes " + std::to_string(g.lanes) + ")",
                   "troops_per_lane > 0, or civilian_lanes = lanes");
  } else {
    g.civilian_lanes = g.troops_per_lane == 0 ? g.lanes : 0;  // derived default
  }
  g.service_time_s = f.dist("service_time");
  return g;
}

model::Airport Loader::airport(Fields& f) {
  model::Airport a;
  a.id = f.text("id");
  a.name = f.text("name");
  a.city = f.text("city");
  a.position = f.position("position");
  a.movements_per_hour = f.dist("movements_per_hour");
  a.parking = static_cast<int>(f.integer("parking"));
  a.holding_capacity = f.integer("holding_capacity");
  a.troops_required = static_cast<int>(f.integer("troops_required"));
  a.gates = read_list<model::Gate>(f, "gates", [&](const Node& n, const std::string& p) {
    Fields gf(*this, &n, *find_spec("gate"), p);
    model::Gate g = gate(gf);
    finish(gf);
    return g;
  });
  return a;
}

model::StagingBase Loader::staging_base(Fields& f) {
  model::StagingBase b;
  b.id = f.text("id");
  b.name = f.text("name");
  b.position = f.position("position");
  b.holding_capacity = f.integer("holding_capacity");
  b.onward_per_hour = f.dist("onward_per_hour");
  return b;
}

model::Route Loader::route(Fields& f) {
  model::Route r;
  r.id = f.text("id");
  r.name = f.text("name");
  r.from = f.text("from");
  r.to = f.text("to");
  r.mode = f.text("mode") == "air" ? model::RouteMode::Air : model::RouteMode::Road;
  const std::optional<Dist> travel = f.optional_dist("travel_time");
  const std::optional<double> distance = f.optional_number("distance_km");
  const std::optional<double> speed = f.optional_number("speed_kmh");
  const bool has_travel = f.has("travel_time"), has_distance = f.has("distance_km"), has_speed = f.has("speed_kmh");
  if (has_travel && (has_distance || has_speed)) {
    const std::string_view other = has_distance ? "distance_km" : "speed_kmh";
    diags_.error(f.mark(other), f.path(other), "give travel_time, or distance_km and speed_kmh, not both");
  } else if (!has_travel && !has_distance && !has_speed) {
    diags_.error(f.mark(), f.path(), "missing travel_time (or distance_km and speed_kmh) of route");
  } else if (!has_travel && has_distance != has_speed) {
    diags_.error(f.mark(has_distance ? "distance_km" : "speed_kmh"), f.path(),
                 has_distance ? "distance_km needs speed_kmh" : "speed_kmh needs distance_km",
                 "both, or travel_time instead");
  }
  if (travel) r.travel_time_s = *travel;
  else if (distance && speed) r.travel_time_s = Dist::fixed(*distance / *speed * model::kSecondsPerHour);
  r.capacity_per_hour = f.optional_dist("capacity_per_hour");
  if (!r.from.empty() && r.from == r.to)
    diags_.error(f.mark("to"), f.path("to"), "a route must join two different places (from and to are both '" + r.to + "')");
  return r;
}

model::AircraftType Loader::aircraft_type(Fields& f) {
  model::AircraftType t;
  t.id = f.text("id");
  t.name = f.text("name");
  t.seats = static_cast<int>(f.integer("seats"));
  t.ground_time_s = f.dist("ground_time");
  t.cruise_kmh = f.number("cruise_kmh");
  return t;
}

model::Fleet Loader::fleet(Fields& f) {
  model::Fleet fl;
  fl.id = f.text("id");
  fl.name = f.text("name");
  fl.nation = f.text("nation");
  fl.type = f.text("type");
  fl.aircraft = static_cast<int>(f.integer("aircraft"));
  fl.base = f.text("base");
  fl.alternates = f.refs("alternates");
  if (const auto it = std::find(fl.alternates.begin(), fl.alternates.end(), fl.base);
      !fl.base.empty() && it != fl.alternates.end())
    diags_.error(f.node("alternates")->items[static_cast<std::size_t>(it - fl.alternates.begin())].mark,
                 f.path("alternates"), "'" + fl.base + "' is the fleet's base, not an alternate");
  fl.serves = f.refs("serves");
  fl.available_from_s = f.dist("available_from");
  fl.available_until_s = f.dist("available_until");
  if (fl.available_until_s.upper() < fl.available_from_s.lower())
    diags_.error(f.mark("available_until"), f.path("available_until"), "must not be before available_from");
  fl.turnaround_s = f.dist("turnaround");
  fl.carries = f.refs("carries");
  if (f.has("carries")) {
    const Node* list = f.node("carries");
    for (std::size_t i = 0; i < fl.carries.size() && list && i < list->items.size(); ++i)
      carries_checks_.push_back(CarriesCheck{fl.nation, list->items[i].mark, f.path("carries"), fl.carries[i]});
  }
  fl.abort_probability = f.number("abort_probability");
  return fl;
}

model::Deployment Loader::deployment(Fields& f) {
  model::Deployment d;
  d.id = f.text("id");
  d.name = f.text("name");
  d.nation = f.text("nation");
  d.airport = f.text("airport");
  d.troops = f.dist("troops");
  d.arrive_from_s = f.dist("arrive_from");
  d.arrive_over_s = f.dist("arrive_over");
  d.withdraw_from_s = f.dist("withdraw_from");
  d.withdraw_by_s = f.dist("withdraw_by");
  if (!f.has("withdraw_by")) d.withdraw_by_s = d.withdraw_from_s;  // derived default: all leave at once
  if (d.withdraw_by_s.upper() < d.withdraw_from_s.lower())
    diags_.error(f.mark("withdraw_by"), f.path("withdraw_by"), "must not be before withdraw_from");
  return d;
}

model::Incident Loader::incident(Fields& f) {
  model::Incident in;
  in.id = f.text("id");
  in.name = f.text("name");
  in.at_s = f.dist("at");
  in.target = f.text("target");
  if (const Node* t = f.node("target"); t && t->is_scalar()) {
    const std::string& target = in.target;
    const std::size_t slash = target.find('/');
    if (slash != std::string::npos) {
      const std::string airport = target.substr(0, slash), gate = target.substr(slash + 1);
      in.target_kind = model::TargetKind::Gate;
      if (!ids_.has("airport", airport)) {
        check_ref(*t, f.path("target"), "airport", airport);
      } else {
        const auto it = ids_.gates_by_airport.find(airport);
        const std::vector<std::string> gates = it == ids_.gates_by_airport.end() ? std::vector<std::string>{} : it->second;
        if (std::find(gates.begin(), gates.end(), gate) == gates.end()) {
          const auto hint = suggest(gate, gates);
          diags_.error(t->mark, f.path("target"),
                       "airport '" + airport + "' has no gate '" + gate + "'" + (hint ? " (did you mean '" + *hint + "'?)" : ""),
                       hint ? "" : "one of " + join_or(gates));
        }
      }
    } else {
      std::vector<std::pair<model::TargetKind, std::string_view>> matches;
      if (ids_.has("airport", target)) matches.emplace_back(model::TargetKind::Airport, "airport");
      if (ids_.has("route", target)) matches.emplace_back(model::TargetKind::Route, "route");
      if (ids_.has("staging_base", target)) matches.emplace_back(model::TargetKind::StagingBase, "staging base");
      if (matches.size() == 1) {
        in.target_kind = matches.front().first;
      } else if (matches.empty()) {
        std::vector<std::string> all;
        for (std::string_view kind : {"airport", "route", "staging_base"})
          all.insert(all.end(), ids_.of(kind).begin(), ids_.of(kind).end());
        const auto hint = suggest(target, all);
        diags_.error(t->mark, f.path("target"), "unknown target '" + target + "'" + (hint ? " (did you mean '" + *hint + "'?)" : ""),
                     "an airport, airport/gate, route or staging base id");
      } else {
        diags_.error(t->mark, f.path("target"),
                     "ambiguous target '" + target + "': both " + std::string(matches[0].second) + " and " +
                         std::string(matches[1].second),
                     "ids of airports, routes and staging bases that differ");
      }
    }
  }
  in.effect = f.text("effect") == "reduce" ? model::Effect::Reduce : model::Effect::Close;
  const std::optional<double> factor = f.optional_number("factor");
  if (in.effect == model::Effect::Reduce) {
    if (!f.has("factor")) diags_.error(f.mark(), f.path(), "missing factor of a reduce incident", "factor in [0, 1]");
    in.factor = factor.value_or(0);
  } else if (f.has("factor")) {
    diags_.error(f.mark("factor"), f.path("factor"), "factor applies only to effect: reduce (this incident closes)",
                 "no factor, or effect: reduce");
  }
  in.duration_s = f.dist("duration");
  return in;
}

void Loader::check_departure_roads(const model::Scenario& s) {
  // Places people can travel between, either way: road or air routes joining cities and airports
  // (people never pass through a staging base). The engine routes people by the same rule.
  std::map<std::string, std::vector<std::string>, std::less<>> roads;
  auto only_a_base = [&](const std::string& id) {  // (an id used twice is reported on its own)
    return ids_.has("staging_base", id) && !ids_.has("city", id) && !ids_.has("airport", id);
  };
  for (const model::Route& r : s.routes) {
    if (only_a_base(r.from) || only_a_base(r.to)) continue;
    roads[r.from].push_back(r.to);
    roads[r.to].push_back(r.from);
  }
  std::size_t site = 0;
  for (const model::City& c : s.cities) {
    for (const model::Departure& d : c.departures) {
      const DepartureSite& where = departure_sites_.at(site++);
      if (d.to.empty() || !ids_.has("airport", d.to)) continue;
      std::set<std::string> seen{c.id};
      std::vector<std::string> todo{c.id};
      bool found = false;
      while (!todo.empty() && !found) {
        const std::string at = todo.back();
        todo.pop_back();
        const auto it = roads.find(at);
        if (it == roads.end()) continue;
        for (const std::string& next : it->second) {
          if (next == d.to) found = true;
          if (seen.insert(next).second) todo.push_back(next);
        }
      }
      if (!found)
        diags_.error(where.to_mark, where.to_path, "no route from city '" + c.id + "' to airport '" + d.to + "'",
                     "road or air routes joining them, not through a staging base");
    }
  }
}

std::optional<model::Scenario> Loader::load(const Node& root) {
  model::Scenario s;
  // A scenario of another schema version is not checked further: its keys may mean other things.
  if (const Node* schema = root.is_map() ? root.find("schema") : nullptr;
      schema && schema->is_scalar() && schema->scalar != "1") {
    if (values_.number(*schema, "schema"))
      diags_.error(schema->mark, "schema", "unsupported schema " + schema->scalar + " (this evacsim reads schema 1)",
                   "schema: 1");
    return std::nullopt;
  }
  Fields top(*this, &root, scenario_spec(), "");
  if (!top.valid()) return std::nullopt;
  s.schema = static_cast<int>(top.integer("schema"));
  s.name = top.text("name");
  s.description = top.text("description");
  (void)top.text("extends");  // merged away by merge.cpp; read here only to mark it handled

  if (const std::optional<model::CivilTime> start = top.absolute_time("start")) {
    const double epoch = model::epoch_seconds(*start);
    if (std::floor(epoch) != epoch) {
      diags_.error(top.mark("start"), "start", "start must be a whole second", "no fractional seconds");
    } else {
      s.clock = model::Clock{.start_epoch_s = static_cast<std::int64_t>(epoch), .offset_min = start->offset_min};
      values_.set_clock(s.clock);
    }
  }
  s.end_s = top.time("end");
  if (values_.clock() && top.has("end") && s.end_s <= 0 && !diags_.has_error_at(top.mark("end")))
    diags_.error(top.mark("end"), "end", "must be after start (got " + format_time(s.clock, s.end_s) + ")");
  s.seed = top.seed("seed");
  s.replications = static_cast<int>(top.integer("replications"));
  s.report_every_s = top.duration("report_every");

  index_ids(root);

  auto each = [&](std::string_view key, auto build) {
    using T = std::invoke_result_t<decltype(build), Fields&>;
    const EntitySpec& spec = *scenario_spec().key(key)->element;
    return read_list<T>(top, key, [&](const Node& n, const std::string& p) {
      Fields f(*this, &n, spec, p);
      T value = build(f);
      finish(f);
      return value;
    });
  };
  s.nations = each("nations", [&](Fields& f) { return nation(f); });
  s.cohorts = each("cohorts", [&](Fields& f) { return cohort(f); });
  s.cities = each("cities", [&](Fields& f) { return city(f); });
  s.airports = each("airports", [&](Fields& f) { return airport(f); });
  s.staging_bases = each("staging_bases", [&](Fields& f) { return staging_base(f); });
  s.routes = each("routes", [&](Fields& f) { return route(f); });
  s.aircraft_types = each("aircraft_types", [&](Fields& f) { return aircraft_type(f); });
  s.fleets = each("fleets", [&](Fields& f) { return fleet(f); });
  s.deployments = each("deployments", [&](Fields& f) { return deployment(f); });
  s.incidents = each("incidents", [&](Fields& f) { return incident(f); });
  finish(top);

  // Rules across entities.
  check_departure_roads(s);
  for (model::Fleet& fl : s.fleets) {
    if (!fl.carries.empty()) continue;  // derived default: every cohort eligible on the fleet's nation
    for (const model::Cohort& c : s.cohorts)
      if (std::find(c.eligible_on.begin(), c.eligible_on.end(), fl.nation) != c.eligible_on.end())
        fl.carries.push_back(c.id);
  }
  for (const CarriesCheck& check : carries_checks_) {  // (not a structured binding: clang 14 cannot capture those)
    const auto c = std::find_if(s.cohorts.begin(), s.cohorts.end(),
                                [&](const model::Cohort& x) { return x.id == check.cohort; });
    if (c == s.cohorts.end() || check.nation.empty()) continue;
    if (std::find(c->eligible_on.begin(), c->eligible_on.end(), check.nation) == c->eligible_on.end())
      diags_.error(check.mark, check.path,
                   "cohort '" + check.cohort + "' may not fly on " + check.nation + " aircraft (its eligible_on: " +
                       join_or(c->eligible_on) + ")",
                   "cohorts eligible on the fleet's nation");
  }
  if (!diags_.empty()) return std::nullopt;
  return s;
}

/// Applies the overrides to the merged document, reads it and packs the result.
LoadResult finish_load(std::optional<Node> doc, const std::vector<std::string>& overrides, Diagnostics& diags) {
  LoadResult result;
  if (doc) {
    for (std::size_t i = 0; i < overrides.size(); ++i) apply_override(*doc, overrides[i], static_cast<int>(i) + 1, diags);
    Loader loader(diags);
    try {
      std::optional<model::Scenario> s = loader.load(*doc);
      if (s && diags.empty()) result.scenario = std::move(s);
    } catch (const std::exception& e) {
      diags.error(doc->mark, "", std::string("internal error: ") + e.what() + " (please report this)");
    }
  }
  result.diagnostics = diags.sorted();
  if (!result.diagnostics.empty()) result.scenario.reset();
  return result;
}

}  // namespace

LoadResult load_file(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  Diagnostics diags;
  return finish_load(read_scenario_file(file, diags), overrides, diags);
}

LoadResult load_text(const std::string& text, const std::string& name, const std::filesystem::path& base_dir,
                     const std::vector<std::string>& overrides) {
  Diagnostics diags;
  return finish_load(read_scenario_text(text, name, base_dir, diags), overrides, diags);
}

}  // namespace sim::scenario
