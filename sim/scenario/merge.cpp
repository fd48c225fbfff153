#include "sim/scenario/merge.hpp"

#include "sim/scenario/values.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace sim::scenario {
namespace {

namespace fs = std::filesystem;

bool is_dist_type(KeyType t) {
  return t == KeyType::NumberDist || t == KeyType::DurationDist || t == KeyType::TimeDist;
}

const Node* id_of(const Node& item) {
  if (!item.is_map()) return nullptr;
  const Node* id = item.find("id");
  return id && id->is_scalar() ? id : nullptr;
}

void merge_map(Node& base, const Node& child, const EntitySpec* spec, Diagnostics& diags, const std::string& path);

/// Takes the `remove` directive off an entity; true when it asks for removal.
bool take_remove(Node& item, Diagnostics& diags, const std::string& path) {
  const Entry* e = item.find_entry("remove");
  if (!e) return false;
  ValueReader reader(diags, std::nullopt);
  const bool remove = reader.boolean(e->value, path + ".remove").value_or(false);
  item.erase("remove");
  return remove;
}

void merge_entities(Node& base, const Node& child, const EntitySpec& element, Diagnostics& diags,
                    const std::string& path) {
  if (!base.is_sequence() || !child.is_sequence()) {
    // Not lists (an error the loader reports): the child's value wins, with removals taken off.
    Node fresh = Node::make_sequence(child.mark);
    if (child.is_sequence()) {
      merge_entities(fresh, child, element, diags, path);
      base = std::move(fresh);
    } else {
      base = child;
    }
    return;
  }
  // Child entries merge into inherited ones of the same id; new ones go after the inherited ones, in
  // the child's order. An id repeated within the child is kept twice so the loader reports it.
  std::vector<Node> added;
  std::vector<std::string> child_ids;
  for (const Node& original : child.items) {
    Node item = original;
    const Node* id = id_of(item);
    if (!id) {
      added.push_back(std::move(item));  // the loader reports the missing id
      continue;
    }
    const std::string id_text = id->scalar;
    const std::string item_path = path + "." + id_text;
    const Mark id_mark = id->mark;
    const bool repeated = std::find(child_ids.begin(), child_ids.end(), id_text) != child_ids.end();
    child_ids.push_back(id_text);
    const bool remove = take_remove(item, diags, item_path);
    auto same = std::find_if(base.items.begin(), base.items.end(), [&](const Node& b) {
      const Node* bid = id_of(b);
      return bid && bid->scalar == id_text;
    });
    if (same != base.items.end() && !repeated) {
      if (remove) base.items.erase(same);
      else merge_map(*same, item, &element, diags, item_path);
      continue;
    }
    if (remove) {
      std::vector<std::string> ids;
      for (const Node& b : base.items)
        if (const Node* bid = id_of(b)) ids.push_back(bid->scalar);
      const auto hint = suggest(id_text, ids);
      diags.error(id_mark, item_path,
                  "remove: no inherited " + kind_words(element.kind) + " '" + id_text + "'" +
                      (hint ? " (did you mean '" + *hint + "'?)" : ""),
                  hint ? "" : "the id of an entity of the extended scenario");
      continue;
    }
    Node fresh = Node::make_map(item.mark);
    merge_map(fresh, item, &element, diags, item_path);  // nested lists may hold removals too
    added.push_back(std::move(fresh));
  }
  for (Node& n : added) base.items.push_back(std::move(n));
}

void merge_map(Node& base, const Node& child, const EntitySpec* spec, Diagnostics& diags, const std::string& path) {
  if (!base.is_map() || !child.is_map()) {
    base = child;
    return;
  }
  for (const Entry& e : child.entries) {
    const KeySpec* key = spec ? spec->key(e.key) : nullptr;
    const std::string key_path = path.empty() ? e.key : path + "." + e.key;
    Node* existing = base.find(e.key);
    if (!existing) {
      base.entries.push_back(Entry{e.key, e.key_mark, Node{}});
      existing = &base.entries.back().value;
      if (key && key->type == KeyType::Entities) *existing = Node::make_sequence(e.value.mark);
      else if (key && (key->type == KeyType::Object || key->type == KeyType::Counts)) *existing = Node::make_map(e.value.mark);
    }
    if (key && key->type == KeyType::Entities && key->element) {
      merge_entities(*existing, e.value, *key->element, diags, key_path);
    } else if (key && (key->type == KeyType::Object || key->type == KeyType::Counts)) {
      merge_map(*existing, e.value, key->element, diags, key_path);
    } else {
      *existing = e.value;  // scalars, distributions, records, id lists: replaced whole
    }
  }
}

struct ChainLink {
  fs::path canonical;
  std::string shown;
};

std::optional<std::string> read_whole(const fs::path& file, std::size_t max_bytes, std::string& why) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    why = "no such file";
    return std::nullopt;
  }
  if (fs::is_directory(file, ec)) {
    why = "is a directory";
    return std::nullopt;
  }
  const auto size = fs::file_size(file, ec);
  if (!ec && size > max_bytes) {
    why = "file too large: " + std::to_string(size) + " bytes (at most " + std::to_string(max_bytes) + ")";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    why = "cannot open it";
    return std::nullopt;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::optional<Node> resolve(const std::string& text, const std::string& name, const fs::path& base_dir,
                            std::vector<ChainLink>& chain, Diagnostics& diags) {
  const int file = diags.add_file(name);
  std::optional<Node> root = parse_document(text, file, diags);
  if (!root) return std::nullopt;
  if (root->is_null()) {
    diags.error(root->mark, "", "empty scenario", "a YAML mapping with schema, name, start, end, ...");
    return std::nullopt;
  }
  if (!root->is_map()) {
    diags.error(root->mark, "", "the scenario must be a mapping (got " + describe_value(*root) + ")",
                "keys schema, name, start, end, ...");
    return std::nullopt;
  }
  Node merged = Node::make_map(root->mark);
  if (const Entry* ext = root->find_entry("extends")) {
    const Node& v = ext->value;
    if (!v.is_scalar() || v.scalar.empty()) {
      diags.error(v.mark, "extends", "got " + describe_value(v), "the path of a scenario file");
      return std::nullopt;
    }
    const fs::path target = (base_dir / v.scalar).lexically_normal();
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(target, ec);
    const auto loop = std::find_if(chain.begin(), chain.end(), [&](const ChainLink& l) { return l.canonical == canonical; });
    if (loop != chain.end()) {
      std::string cycle;
      for (auto it = loop; it != chain.end(); ++it) cycle += it->shown + " -> ";
      cycle += target.string();
      diags.error(v.mark, "extends", "extends cycle: " + cycle, "a chain of scenarios that ends");
      return std::nullopt;
    }
    if (static_cast<int>(chain.size()) >= kMaxExtendsDepth) {
      diags.error(v.mark, "extends", "extends chain longer than " + std::to_string(kMaxExtendsDepth) + " files");
      return std::nullopt;
    }
    std::string why;
    const std::optional<std::string> base_text = read_whole(target, ParseLimits{}.max_bytes, why);
    if (!base_text) {
      diags.error(v.mark, "extends", "cannot read '" + target.string() + "': " + why, "a scenario file");
      return std::nullopt;
    }
    chain.push_back(ChainLink{canonical, target.string()});
    std::optional<Node> base = resolve(*base_text, target.string(), target.parent_path(), chain, diags);
    chain.pop_back();
    if (!base) return std::nullopt;
    merged = std::move(*base);
  }
  root->erase("extends");
  merge_map(merged, *root, &scenario_spec(), diags, "");
  return merged;
}

}  // namespace

void merge_scenario(Node& base, const Node& child, Diagnostics& diags) {
  merge_map(base, child, &scenario_spec(), diags, "");
}

std::optional<Node> read_scenario_text(const std::string& text, const std::string& name, const fs::path& base_dir,
                                       Diagnostics& diags) {
  std::error_code ec;
  std::vector<ChainLink> chain{{fs::weakly_canonical(base_dir / name, ec), name}};
  return resolve(text, name, base_dir, chain, diags);
}

std::optional<Node> read_scenario_file(const fs::path& file, Diagnostics& diags) {
  std::string why;
  const std::optional<std::string> text = read_whole(file, ParseLimits{}.max_bytes, why);
  if (!text) {
    const int f = diags.add_file(file.string());
    diags.error(Mark{f, 0, 0}, "", "cannot read the scenario: " + why);
    return std::nullopt;
  }
  std::error_code ec;
  std::vector<ChainLink> chain{{fs::weakly_canonical(file, ec), file.string()}};
  return resolve(*text, file.string(), file.parent_path(), chain, diags);
}

// ---- --set ---------------------------------------------------------------------------------------

bool apply_override(Node& root, const std::string& text, int index, Diagnostics& diags) {
  const int file = diags.add_file("--set");
  auto at = [&](std::size_t column0) { return Mark{file, index, static_cast<int>(column0) + 1}; };
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    diags.error(at(0), "", "not an override: '" + text + "'", "PATH=VALUE, e.g. fleets.us-c17.aircraft=40");
    return false;
  }
  const std::string value_text = text.substr(eq + 1);
  std::optional<Node> value = parse_document(value_text, file, diags, ParseLimits{}, index, static_cast<int>(eq) + 1);
  if (!value) return false;
  if (value->is_null() && value->mark.line == 0) value->mark = at(eq + 1);

  // Split PATH into segments, remembering where each starts in the argument.
  struct Segment {
    std::string text;
    std::size_t column0;
  };
  std::vector<Segment> segments;
  for (std::size_t begin = 0; begin <= eq;) {
    std::size_t dot = text.find('.', begin);
    if (dot == std::string::npos || dot > eq) dot = eq;
    segments.push_back(Segment{text.substr(begin, dot - begin), begin});
    begin = dot + 1;
  }

  Node* cur = &root;
  const EntitySpec* spec = &scenario_spec();  // set while `cur` is a mapping described by a spec
  const KeySpec* holder = nullptr;            // the key whose value `cur` is (when not a spec mapping)
  std::string path;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& seg = segments[i];
    const bool last = i + 1 == segments.size();
    const std::string seg_path = path.empty() ? seg.text : path + "." + seg.text;
    if (seg.text.empty()) {
      diags.error(at(seg.column0), path, "empty key in the path", "PATH like fleets.us-c17.aircraft");
      return false;
    }
    Node* next = nullptr;
    const KeySpec* next_holder = nullptr;
    const EntitySpec* next_spec = nullptr;
    if (spec) {
      const KeySpec* key = spec->key(seg.text);
      if (!key) {
        std::vector<std::string_view> names;
        for (const KeySpec& k : spec->keys) names.push_back(k.name);
        const auto hint = suggest(seg.text, names);
        diags.error(at(seg.column0), seg_path,
                    "unknown key '" + seg.text + "' in " + kind_words(spec->kind) +
                        (hint ? " (did you mean '" + *hint + "'?)" : ""),
                    hint ? "" : "one of " + join_or(names));
        return false;
      }
      if (key->type == KeyType::File) {
        diags.error(at(seg.column0), seg_path, "extends cannot be overridden", "a key of the scenario");
        return false;
      }
      if (!cur->is_map()) {
        diags.error(at(seg.column0), seg_path, "cannot set a key inside " + describe_value(*cur));
        return false;
      }
      next = cur->find(seg.text);
      if (!next) {
        const bool container = key->type == KeyType::Object || key->type == KeyType::Counts;
        if (!last && !container) {
          diags.error(at(seg.column0), seg_path, "'" + seg.text + "' is not set in the scenario",
                      "set it whole: " + seg_path + "=...");
          return false;
        }
        cur->entries.push_back(Entry{seg.text, at(seg.column0), container ? Node::make_map(at(seg.column0)) : Node{}});
        next = &cur->entries.back().value;
      }
      next_holder = key;
      if (key->type == KeyType::Object) next_spec = key->element;
    } else if (holder && holder->type == KeyType::Entities) {
      if (!cur->is_sequence()) {
        diags.error(at(seg.column0), seg_path, "not a list: " + describe_value(*cur));
        return false;
      }
      std::vector<std::string> ids;
      for (Node& item : cur->items) {
        const Node* id = id_of(item);
        if (!id) continue;
        if (id->scalar == seg.text) next = &item;
        ids.push_back(id->scalar);
      }
      if (!next) {
        const auto hint = suggest(seg.text, ids);
        diags.error(at(seg.column0), seg_path,
                    "no " + kind_words(holder->element->kind) + " with id '" + seg.text + "'" +
                        (hint ? " (did you mean '" + *hint + "'?)" : ""),
                    hint || ids.empty() ? "" : "one of " + join_or(ids));
        return false;
      }
      next_spec = holder->element;
    } else if (holder && holder->type == KeyType::Records) {
      std::size_t n = 0;
      const bool digits = std::all_of(seg.text.begin(), seg.text.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits && seg.text.size() < 9) n = std::stoul(seg.text);
      if (!cur->is_sequence() || !digits || seg.text.size() >= 9 || n >= cur->items.size()) {
        diags.error(at(seg.column0), seg_path, "no entry '" + seg.text + "' in " + path,
                    "a position from 0 to " + std::to_string(cur->is_sequence() && !cur->items.empty() ? cur->items.size() - 1 : 0));
        return false;
      }
      next = &cur->items[n];
      next_spec = holder->element;
    } else if (holder && (holder->type == KeyType::Counts || is_dist_type(holder->type))) {
      if (!cur->is_map()) {
        diags.error(at(seg.column0), seg_path,
                    is_dist_type(holder->type) ? "'" + path + "' is a single value, not a distribution"
                                               : "cannot set a key inside " + describe_value(*cur),
                    "set it whole: " + path + "=...");
        return false;
      }
      next = cur->find(seg.text);
      if (!next) {
        cur->entries.push_back(Entry{seg.text, at(seg.column0), Node{}});
        next = &cur->entries.back().value;
      }
    } else {
      diags.error(at(seg.column0), seg_path, "'" + path + "' has no parts", "set it whole: " + path + "=...");
      return false;
    }
    if (last) {
      *next = std::move(*value);
      return true;
    }
    cur = next;
    spec = next_spec;
    holder = next_spec ? nullptr : next_holder;
    path = seg_path;
  }
  return false;
}

}  // namespace sim::scenario
