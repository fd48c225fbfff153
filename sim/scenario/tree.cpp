#include "sim/scenario/tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cctype>
#include <sstream>

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

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

/// One parse event as yaml-cpp reported it.
struct Recorded {
  enum class Type : unsigned char { Null, Scalar, SequenceStart, MapStart, End, Alias };
  Type type = Type::Null;
  bool quoted = false;  ///< Scalar: written in quotes
  Mark mark;
  YAML::anchor_t alias = YAML::NullAnchor;  ///< Alias: the anchor it repeats
  std::string text;                         ///< Scalar
};

/// A value with an anchor (`&name`): where its events are, and how many values it holds.
struct Anchor {
  bool open = false;      ///< still being parsed: an alias to it now would be a value containing itself
  std::size_t size = 0;   ///< values once aliases are expanded, keys included
  std::size_t first = 0;  ///< its events: [first, last)
  std::size_t last = 0;
};

/// Records yaml-cpp's parse events, and sizes the document as they come: every value counts one, an
/// alias counts its anchor's size (kept when the anchored value ends), so the billion-laughs document
/// is refused in a few hundred steps and nothing is built for it. Also refuses an alias inside its own
/// anchor (`a: &a [*a]`, a cycle) and nesting deeper than `max_depth`. A container is refused once it
/// holds more than `max_nodes` values; a mapping is checked after each value rather than each key.
class DocumentReader final : public YAML::EventHandler {
 public:
  enum class Problem { None, TooLarge, Cycle, TooDeep };

  DocumentReader(int file, const ParseLimits& limits, const Placement& placement)
      : file_(file), limits_(limits), placement_(placement) {}

  Problem problem() const { return problem_; }
  const std::vector<Recorded>& events() const { return events_; }
  const std::vector<Anchor>& anchors() const { return anchors_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (!enter(anchor)) return;
    events_.push_back(Recorded{.type = Recorded::Type::Null, .mark = mark_of(mark)});
    leave(1, anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (!enter(anchor)) return;
    // yaml-cpp tags quoted scalars "!", plain ones "?".
    events_.push_back(
        Recorded{.type = Recorded::Type::Scalar, .quoted = tag == "!", .mark = mark_of(mark), .text = value});
    leave(1, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, false);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor, true);
  }
  void OnMapEnd() override { close(); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (problem_ != Problem::None || too_deep()) return;
    // yaml-cpp refuses an undefined anchor itself: every anchor number it hands out came with a value.
    if (anchor >= anchors_.size()) throw YAML::ParserException(mark, YAML::ErrorMsg::UNKNOWN_ANCHOR);
    const Anchor& a = anchors_[anchor];
    if (a.open) {
      problem_ = Problem::Cycle;
      return;
    }
    events_.push_back(Recorded{.type = Recorded::Type::Alias, .alias = anchor});
    leave(a.size, YAML::NullAnchor);
  }

 private:
  struct Open {
    std::size_t size = 1;  ///< values so far in this container, itself included
    bool map = false;
    bool at_key = true;    ///< mapping: the next value is a key
    YAML::anchor_t anchor = YAML::NullAnchor;
  };

  Mark mark_of(const YAML::Mark& m) const { return placement_.place(file_, m.line, m.column); }

  bool too_deep() {
    if (open_.size() <= static_cast<std::size_t>(limits_.max_depth)) return false;
    problem_ = Problem::TooDeep;
    return true;
  }

  /// The start of a value; false when the document is already refused.
  bool enter(YAML::anchor_t anchor) {
    if (problem_ != Problem::None || too_deep()) return false;
    if (anchor != YAML::NullAnchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
      anchors_[anchor] = Anchor{.open = true, .first = events_.size()};
    }
    return true;
  }

  /// The end of a value holding `size` values: its anchor is finished, its container grows.
  void leave(std::size_t size, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      Anchor& a = anchors_[anchor];
      a.open = false;
      a.size = size;
      a.last = events_.size();
    }
    if (open_.empty()) {
      if (size > limits_.max_nodes) problem_ = Problem::TooLarge;
      return;
    }
    Open& up = open_.back();
    up.size += size;
    if (up.map) {
      up.at_key = !up.at_key;
      if (!up.at_key) return;  // a key: checked with its value
    }
    if (up.size > limits_.max_nodes) problem_ = Problem::TooLarge;
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool map) {
    if (!enter(anchor)) return;
    events_.push_back(Recorded{.type = map ? Recorded::Type::MapStart : Recorded::Type::SequenceStart,
                               .mark = mark_of(mark)});
    open_.push_back(Open{.map = map, .anchor = anchor});
  }

  void close() {
    if (problem_ != Problem::None) return;
    const Open done = open_.back();
    open_.pop_back();
    events_.push_back(Recorded{.type = Recorded::Type::End});
    leave(done.size, done.anchor);
  }

  int file_;
  const ParseLimits& limits_;
  Placement placement_;
  std::vector<Recorded> events_;
  std::vector<Anchor> anchors_;  ///< by yaml-cpp's anchor number (1, 2, ...)
  std::vector<Open> open_;       ///< containers still open
  Problem problem_ = Problem::None;
};

/// Builds the document from the recorded events of an accepted text, an alias as its anchored value
/// written again at that place. Only values reached from the root through list items and values of
/// plain-word keys are built; a key that is not a plain word is reported and skipped with its value.
/// Checks depth (aliases can nest deeper than the text) and duplicate keys, and names values by path
/// in messages: list items by position, but a mapping with an `id` by it from then on
/// (`airports.hkia`, not `airports.0`).
class TreeBuilder {
 public:
  TreeBuilder(const DocumentReader& reader, const ParseLimits& limits, Diagnostics& diags)
      : events_(reader.events()), anchors_(reader.anchors()), limits_(limits), diags_(diags) {}

  /// The document (nullopt when too deep); `top` marks an empty one.
  std::optional<Node> build(const Mark& top) {
    replay(0, events_.size());
    if (failed_) return std::nullopt;
    if (!root_ || root_->is_null()) {
      Node empty;
      empty.mark = top;
      return empty;
    }
    return std::move(root_);
  }

 private:
  /// What the next value is to its container.
  enum class Role { Built, Key, Skipped };

  struct Frame {
    Node node;            ///< the mapping or sequence being filled (empty when not built)
    bool built = true;    ///< false: a key that is not a plain word, or inside one or its value
    int depth = 0;        ///< nesting of built values (the root is 0)
    bool at_key = true;   ///< mapping: the next value is a key
    bool key_ok = false;  ///< mapping: the last key was a plain word
    std::string key;
    Mark key_mark;
    std::optional<std::string> id;  ///< mapping: the `id` that names it in paths, once read
  };

  static Node::Kind kind_of(Recorded::Type type) {
    switch (type) {
      case Recorded::Type::Scalar: return Node::Kind::Scalar;
      case Recorded::Type::SequenceStart: return Node::Kind::Sequence;
      case Recorded::Type::MapStart: return Node::Kind::Map;
      default: return Node::Kind::Null;
    }
  }

  void replay(std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last && !failed_; ++i) {
      const Recorded& r = events_[i];
      switch (r.type) {
        case Recorded::Type::Null: {
          Node null;
          null.mark = r.mark;
          leaf(std::move(null));
          break;
        }
        case Recorded::Type::Scalar: leaf(Node::make_scalar(r.text, r.mark, r.quoted)); break;
        case Recorded::Type::SequenceStart: open(Node::make_sequence(r.mark)); break;
        case Recorded::Type::MapStart: open(Node::make_map(r.mark)); break;
        case Recorded::Type::End: close(); break;
        case Recorded::Type::Alias: alias(anchors_[r.alias]); break;
      }
    }
  }

  void leaf(Node node) {
    switch (next_role()) {
      case Role::Skipped: break;
      case Role::Key: take_key(node.kind, node.mark, std::move(node.scalar)); break;
      case Role::Built:
        if (depth_ok(node.mark)) place(std::move(node));
        return;
    }
    advance();
  }

  /// `container`: an empty mapping or sequence, filled until the matching close().
  void open(Node container) {
    const Role role = next_role();
    if (role == Role::Key) take_key(container.kind, container.mark, {});
    if (role != Role::Built) {
      stack_.push_back(Frame{.built = false});
      return;
    }
    if (!depth_ok(container.mark)) return;
    stack_.push_back(Frame{.node = std::move(container), .depth = next_depth()});
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.built) place(std::move(frame.node));
    else advance();
  }

  void alias(const Anchor& anchor) {
    const Recorded& head = events_[anchor.first];
    switch (next_role()) {
      case Role::Skipped: break;
      case Role::Key: take_key(kind_of(head.type), head.mark, head.text); break;
      case Role::Built: replay(anchor.first, anchor.last); return;
    }
    advance();
  }

  Role next_role() const {
    if (stack_.empty()) return Role::Built;
    const Frame& f = stack_.back();
    if (!f.built) return Role::Skipped;
    if (f.node.is_sequence()) return Role::Built;
    if (f.at_key) return Role::Key;
    return f.key_ok ? Role::Built : Role::Skipped;
  }

  int next_depth() const { return stack_.empty() ? 0 : stack_.back().depth + 1; }

  bool depth_ok(const Mark& mark) {
    if (next_depth() <= limits_.max_depth) return true;
    diags_.error(mark, "", "nested more than " + std::to_string(limits_.max_depth) + " levels deep");
    failed_ = true;
    return false;
  }

  /// After a value that is not built: a built mapping moves on between key and value.
  void advance() {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (f.built && f.node.is_map()) f.at_key = !f.at_key;
  }

  void take_key(Node::Kind kind, const Mark& mark, std::string text) {
    Frame& f = stack_.back();
    f.key_mark = mark;
    f.key_ok = kind == Node::Kind::Scalar;
    if (f.key_ok) {
      f.key = std::move(text);
      return;
    }
    const char* got = kind == Node::Kind::Map ? "a mapping" : kind == Node::Kind::Sequence ? "a list" : "null";
    diags_.error(mark, self(stack_.size() - 1), std::string("a key must be a plain word (got ") + got + ")");
  }

  /// A built value into its container (or as the root).
  void place(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& f = stack_.back();
    if (f.node.is_sequence()) {
      f.node.items.push_back(std::move(node));
      return;
    }
    f.at_key = true;
    Entry e{std::move(f.key), f.key_mark, std::move(node)};
    if (e.key == "id" && e.value.is_scalar() && named_by_id(stack_.size() - 1)) f.id = e.value.scalar;
    // yaml-cpp marks an empty value at the next token; point at the key instead.
    if (e.value.is_null() && e.value.mark.line != e.key_mark.line) e.value.mark = e.key_mark;
    if (f.node.find_entry(e.key)) {
      diags_.error(e.key_mark, join(self(stack_.size() - 1), e.key), "duplicate key '" + e.key + "'",
                   "each key once per mapping");
      return;
    }
    f.node.entries.push_back(std::move(e));
  }

  /// The path naming stack_[i] by where it is: its container's name, then its key or position.
  std::string path(std::size_t i) const {
    if (i == 0) return "";
    const Frame& up = stack_[i - 1];
    return join(self(i - 1), up.node.is_sequence() ? std::to_string(up.node.items.size()) : up.key);
  }

  /// A mapping whose path ends in a digit (a list item, mostly) is named by its `id` once read.
  bool named_by_id(std::size_t i) const {
    if (i == 0) return false;
    const Frame& up = stack_[i - 1];
    return up.node.is_sequence() || (!up.key.empty() && up.key.back() >= '0' && up.key.back() <= '9');
  }

  /// The name of stack_[i] in messages: its path, or its `id` in place of the last part.
  std::string self(std::size_t i) const {
    std::string p = path(i);
    if (!stack_[i].id) return p;
    const std::size_t dot = p.rfind('.');
    return join(dot == std::string::npos ? "" : p.substr(0, dot), *stack_[i].id);
  }

  const std::vector<Recorded>& events_;
  const std::vector<Anchor>& anchors_;
  const ParseLimits& limits_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
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
  DocumentReader reader(file, limits, placement);
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    parser.HandleNextDocument(reader);
  } catch (const YAML::Exception& e) {
    // ParserException and DeepRecursion carry the position of the problem.
    diags.error(e.mark.line >= 0 ? placement.place(file, e.mark.line, e.mark.column) : top, "",
                "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
  switch (reader.problem()) {
    case DocumentReader::Problem::None: break;
    case DocumentReader::Problem::TooLarge:
      diags.error(top, "", "document too large: more than " + std::to_string(limits.max_nodes) +
                               " values once aliases are expanded (an alias bomb?)");
      return std::nullopt;
    case DocumentReader::Problem::Cycle:
      diags.error(top, "", "an alias refers to a value that contains it (a cycle)", "aliases of finished values");
      return std::nullopt;
    case DocumentReader::Problem::TooDeep:
      diags.error(top, "", "nested more than " + std::to_string(limits.max_depth) +
                               " levels deep once aliases are expanded");
      return std::nullopt;
  }
  return TreeBuilder(reader, limits, diags).build(top);
}

}  // namespace sim::scenario
