// The scenario document as a plain tree with positions, built from yaml-cpp's parse events (yaml-cpp's
// own node graph is never built): the events are recorded and the document sized as they come, so an
// alias bomb is refused before anything is expanded; then aliases are expanded under a node budget,
// depth capped. Merging (`extends`, `--set`) and checking never touch yaml-cpp's mutable, key-inserting
// node API, and every value keeps the file and line it came from even after merging several files.
//
// Example:
//   Diagnostics diags;
//   std::optional<Node> root = parse_document(text, diags.add_file("kabul.yaml"), diags);
//   if (root) if (const Node* start = root->find("start")) use(start->scalar);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/diagnostics.hpp"

namespace sim::scenario {

struct Entry;

struct Node {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  Mark mark;
  std::string scalar;          ///< Scalar: the text, unescaped
  bool quoted = false;         ///< Scalar written in quotes: always a string, never a number
  std::vector<Node> items;     ///< Sequence
  std::vector<Entry> entries;  ///< Map, in document order (keys unique: duplicates are reported)

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_map() const { return kind == Kind::Map; }

  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  const Entry* find_entry(std::string_view key) const;
  /// Removes a key if present; true when it was there.
  bool erase(std::string_view key);

  static Node make_scalar(std::string text, Mark mark = {}, bool quoted = false);
  static Node make_map(Mark mark = {});
  static Node make_sequence(Mark mark = {});
};

struct Entry {
  std::string key;
  Mark key_mark;
  Node value;
};

/// Limits that keep hostile input (alias bombs, deep nesting, huge files) cheap to refuse.
struct ParseLimits {
  std::size_t max_bytes = 16u << 20;  ///< 16 MiB; a large real scenario is well under 1 MiB
  /// Separators (`,` `:` `-` `[` `{` newlines) in the text, counted before parsing: each value becomes
  /// a Node of a couple of hundred bytes, so a 16 MiB list of numbers would take gigabytes.
  /// A real scenario has a few thousand.
  std::size_t max_separators = 250'000;
  /// Values after alias expansion ("billion laughs"), counted as parsed: an alias counts as its
  /// anchor's size, so a bomb is refused before it is expanded. Building one costs ~250 bytes (more
  /// under ASan); 250k keeps the worst case near 60 MB, and a real scenario has a few thousand.
  std::size_t max_nodes = 250'000;
  int max_depth = 64;                 ///< a scenario needs fewer than 10 levels
};

/// Parses one YAML document. Refuses (with a diagnostic, returning nullopt) binary data (NUL bytes,
/// invalid UTF-8), oversize text, too deep nesting, too many nodes, and yaml-cpp parse errors (with
/// their mark). An empty document is a Null node; a root that is not a mapping is returned as is: the
/// caller decides what the root must be. `fixed_line` > 0 puts every mark on that line and shifts
/// columns by `column_offset` (for `--set` values: the "line" is the override's number and the column
/// is within the argument).
std::optional<Node> parse_document(std::string_view text, int file, Diagnostics& diags, const ParseLimits& limits = {},
                                   int fixed_line = 0, int column_offset = 0);

/// The text of a scalar as it would be read back, for messages: `'abc'`, or a short description of a
/// non-scalar (`a mapping`, `a list`, `null`).
std::string describe_value(const Node& node);

}  // namespace sim::scenario
