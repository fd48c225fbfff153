#include "sim/scenario/tree.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <cctype>

namespace sim::scenario {

const Node* Node::find(std::string_view key) const {
  const Entry* e = find_entry(key);
  return e ? &e->value : nullptr;
}

Node* Node::find(std::string_view key) {
  for (Entry& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

const Entry* Node::find_entry(std::string_view key) const {
  for (const Entry& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

bool Node::erase(std::string_view key) {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  if (it == entries.end()) return false;
  entries.erase(it);
  return true;
}

Node Node::make_scalar(std::string text, Mark mark, bool quoted) {
  Node n;
  n.kind = Kind::Scalar;
  n.scalar = std::move(text);
  n.mark = mark;
  n.quoted = quoted;
  return n;
}

Node Node::make_map(Mark mark) {
  Node n;
  n.kind = Kind::Map;
  n.mark = mark;
  return n;
}

Node Node::make_sequence(Mark mark) {
  Node n;
  n.kind = Kind::Sequence;
  n.mark = mark;
  return n;
}

std::string describe_value(const Node& node) {
  switch (node.kind) {
    case Node::Kind::Null: return "nothing (null)";
    case Node::Kind::Sequence: return "a list";
    case Node::Kind::Map: return "a mapping";
    case Node::Kind::Scalar: break;
  }
  std::string text = node.scalar;
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  // Keep messages printable whatever the input held.
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  return "'" + text + "'";
}

namespace {

/// Turns 0-based document positions into Marks, for a file or for a one-line `--set` value.
struct Placement {
  int fixed_line = 0;  ///< > 0: every mark is on this "line" (the override's number)
  int column_offset = 0;
  Mark place(int file, int line0, int column0) const {
    if (line0 < 0) line0 = 0;
    if (column0 < 0) column0 = 0;
    if (fixed_line > 0) return Mark{file, fixed_line, column0 + 1 + column_offset};
    return Mark{file, line0 + 1, column0 + 1};
  }
};

/// Validates UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF); returns the byte offset of the
/// first bad byte, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned min = 0, cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1Fu; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0Fu; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07u; min = 0x10000; }
    else return i;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return i;
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += n + 1;
  }
  return std::string_view::npos;
}

/// Mark of a byte offset.
Mark mark_at(std::string_view text, std::size_t offset, int file, const Placement& placement) {
  int line = 0, column = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; column = 0; }
    else ++column;
  }
  return placement.place(file, line, column);
}

/// A cheap upper bound on nesting, checked before yaml-cpp recurses: flow brackets outside quotes and
/// comments, plus indentation and compact `- ` entries for block nesting. Returns the offset where the
/// limit is passed, or npos.
std::size_t too_deep_at(std::string_view s, int max_depth) {
  int flow = 0;
  bool at_line_start = true;
  int block = 0;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == '\\' && quote == '"') { ++i; continue; }
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\n') { at_line_start = true; block = 0; continue; }
    if (at_line_start) {
      // Indentation and compact sequence entries each open at most one level per character.
      if (c == ' ' || c == '\t') { ++block; }
      else if ((c == '-' || c == '?') && i + 1 < s.size() && (s[i + 1] == ' ')) { block += 2; ++i; }
      else at_line_start = false;
      // Real documents indent a couple of columns per level: allow 4 per level.
      if (block > max_depth * 4) return i;
      if (at_line_start) continue;
    }
    if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n')) {
      while (i + 1 < s.size() && s[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '"' || (c == '\'' && (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]))))) {
      quote = c;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++flow > max_depth) return i;
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
    }
  }
  return std::string_view::npos;
}

/// Offset where the text holds more than `limit` separators, or npos. Each value of a document needs
/// at most about one, so this bounds what yaml-cpp will allocate.
std::size_t too_many_separators_at(std::string_view s, std::size_t limit) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ',' || c == ':' || c == '-' || c == '[' || c == '{' || c == '\n' || c == '?')
      if (++count > limit) return i;
  }
  return std::string_view::npos;
}

/// Sizes the document as it would be once aliases are expanded, before anything is copied. An alias
/// is the same yaml-cpp node as its anchor, so sizes are memoised by position and type: the billion-
/// laughs document is sized in a few hundred steps. yaml-cpp also lets an alias point into its own
/// anchor (`a: &a [*a]`), a cycle, and chains of aliases nest deeper than the text shows: both are
/// caught here, without recursing further than `max_depth`. (Two distinct nodes at the same position
/// and of the same type would share an estimate; the converter's own count is exact.)
class ExpandedSize {
 public:
  enum class Problem { None, TooLarge, Cycle, TooDeep };

  ExpandedSize(std::size_t cap, int max_depth) : cap_(cap), max_depth_(max_depth) {}

  Problem check(const YAML::Node& root) {
    if (size(root, 0) > cap_ && problem_ == Problem::None) problem_ = Problem::TooLarge;
    return problem_;
  }

 private:
  static constexpr std::size_t kInProgress = static_cast<std::size_t>(-1);

  std::size_t size(const YAML::Node& n, int depth) {
    if (problem_ != Problem::None) return cap_ + 1;
    if (depth > max_depth_) {
      problem_ = Problem::TooDeep;
      return cap_ + 1;
    }
    const std::pair<int, int> key{n.Mark().pos, static_cast<int>(n.Type())};
    if (const auto it = memo_.find(key); it != memo_.end()) {
      if (it->second == kInProgress) {
        // Only a container can be re-entered while it is being sized: an alias into itself.
        if (n.IsSequence() || n.IsMap()) problem_ = Problem::Cycle;
        else return 1;
        return cap_ + 1;
      }
      return it->second;
    }
    memo_.emplace(key, kInProgress);
    std::size_t total = 1;
    if (n.IsSequence()) {
      for (const YAML::Node& item : n) {
        total += size(item, depth + 1);
        if (total > cap_) break;
      }
    } else if (n.IsMap()) {
      for (const auto& kv : n) {
        total += size(kv.first, depth + 1) + size(kv.second, depth + 1);
        if (total > cap_) break;
      }
    }
    total = std::min(total, cap_ + 1);
    memo_[key] = total;
    return total;
  }

  std::size_t cap_;
  int max_depth_;
  std::map<std::pair<int, int>, std::size_t> memo_;
  Problem problem_ = Problem::None;
};

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

class Converter {
 public:
  Converter(int file, Diagnostics& diags, const ParseLimits& limits, const Placement& placement)
      : file_(file), diags_(diags), limits_(limits), placement_(placement) {}

  bool failed() const { return failed_; }

  Mark mark_of(const YAML::Mark& m) const { return placement_.place(file_, m.line, m.column); }

  /// `path` names the node in messages (`airports.hkia.parking`): list items by their `id` once it has
  /// been read, else by position.
  Node convert(const YAML::Node& in, int depth, const std::string& path) {
    Node out;
    if (failed_) return out;
    out.mark = mark_of(in.Mark());
    if (++visited_ > limits_.max_nodes) {
      fail(out.mark, "document too large: more than " + std::to_string(limits_.max_nodes) +
                         " values once aliases are expanded (an alias bomb?)");
      return out;
    }
    if (depth > limits_.max_depth) {
      fail(out.mark, "nested more than " + std::to_string(limits_.max_depth) + " levels deep");
      return out;
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null: out.kind = Node::Kind::Null; break;
      case YAML::NodeType::Scalar:
        out.kind = Node::Kind::Scalar;
        out.scalar = in.Scalar();
        out.quoted = in.Tag() == "!";  // yaml-cpp tags quoted scalars "!", plain ones "?"
        break;
      case YAML::NodeType::Sequence:
        out.kind = Node::Kind::Sequence;
        for (const YAML::Node& item : in) {
          out.items.push_back(convert(item, depth + 1, join(path, std::to_string(out.items.size()))));
          if (failed_) break;
        }
        break;
      case YAML::NodeType::Map: {
        out.kind = Node::Kind::Map;
        std::string self = path;
        for (const auto& kv : in) {
          Entry e;
          e.key_mark = mark_of(kv.first.Mark());
          ++visited_;
          if (!kv.first.IsScalar()) {
            diags_.error(e.key_mark, self, "a key must be a plain word (got " +
                                             std::string(kv.first.IsMap() ? "a mapping" : kv.first.IsSequence() ? "a list" : "null") + ")");
            continue;
          }
          e.key = kv.first.Scalar();
          e.value = convert(kv.second, depth + 1, join(self, e.key));
          if (failed_) break;
          // An entity is named by its id in paths: `airports.hkia`, not `airports.0`.
          if (e.key == "id" && e.value.is_scalar() && !path.empty() && path.back() >= '0' && path.back() <= '9') {
            const std::size_t dot = path.rfind('.');
            self = join(dot == std::string::npos ? "" : path.substr(0, dot), e.value.scalar);
          }
          // yaml-cpp marks an empty value at the next token; point at the key instead.
          if (e.value.is_null() && e.value.mark.line != e.key_mark.line) e.value.mark = e.key_mark;
          if (out.find_entry(e.key)) {
            diags_.error(e.key_mark, join(self, e.key), "duplicate key '" + e.key + "'", "each key once per mapping");
            continue;
          }
          out.entries.push_back(std::move(e));
        }
        break;
      }
    }
    return out;
  }

 private:
  void fail(const Mark& m, std::string message) {
    diags_.error(m, "", std::move(message));
    failed_ = true;
  }

  int file_;
  Diagnostics& diags_;
  const ParseLimits& limits_;
  Placement placement_;
  std::size_t visited_ = 0;
  bool failed_ = false;
};

}  // namespace

std::optional<Node> parse_document(std::string_view text, int file, Diagnostics& diags, const ParseLimits& limits,
                                   int fixed_line, int column_offset) {
  const Placement placement{fixed_line, column_offset};
  const Mark top = placement.place(file, 0, 0);
  if (text.size() > limits.max_bytes) {
    diags.error(top, "", "file too large: " + std::to_string(text.size()) + " bytes",
                "at most " + std::to_string(limits.max_bytes) + " bytes");
    return std::nullopt;
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    diags.error(mark_at(text, nul, file, placement), "", "binary data: NUL byte", "a YAML text file");
    return std::nullopt;
  }
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    diags.error(mark_at(text, bad, file, placement), "", "invalid UTF-8 byte", "a YAML text file in UTF-8");
    return std::nullopt;
  }
  if (const std::size_t deep = too_deep_at(text, limits.max_depth); deep != std::string_view::npos) {
    diags.error(mark_at(text, deep, file, placement), "",
                "nested more than " + std::to_string(limits.max_depth) + " levels deep");
    return std::nullopt;
  }
  if (const std::size_t many = too_many_separators_at(text, limits.max_separators); many != std::string_view::npos) {
    diags.error(mark_at(text, many, file, placement), "",
                "document too large: more than " + std::to_string(limits.max_separators) + " values");
    return std::nullopt;
  }
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // ParserException and DeepRecursion carry the position of the problem.
    diags.error(e.mark.line >= 0 ? placement.place(file, e.mark.line, e.mark.column) : top, "",
                "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
  if (!doc.IsDefined() || doc.IsNull()) {
    Node empty;
    empty.mark = top;
    return empty;
  }
  Converter conv(file, diags, limits, placement);
  Node root;
  try {
    switch (ExpandedSize(limits.max_nodes, limits.max_depth).check(doc)) {
      case ExpandedSize::Problem::None: break;
      case ExpandedSize::Problem::TooLarge:
        diags.error(top, "", "document too large: more than " + std::to_string(limits.max_nodes) +
                                 " values once aliases are expanded (an alias bomb?)");
        return std::nullopt;
      case ExpandedSize::Problem::Cycle:
        diags.error(top, "", "an alias refers to a value that contains it (a cycle)", "aliases of finished values");
        return std::nullopt;
      case ExpandedSize::Problem::TooDeep:
        diags.error(top, "", "nested more than " + std::to_string(limits.max_depth) +
                                 " levels deep once aliases are expanded");
        return std::nullopt;
    }
    root = conv.convert(doc, 0, "");
  } catch (const YAML::Exception& e) {
    diags.error(top, "", "YAML error: " + e.msg);
    return std::nullopt;
  }
  if (conv.failed()) return std::nullopt;
  return root;
}

}  // namespace sim::scenario
