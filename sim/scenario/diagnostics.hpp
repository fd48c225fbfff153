// Collecting scenario problems: every error found while reading, merging and checking a scenario is
// recorded here with its file, line and column, so the loader can report all of them at once.
//
// Example:
//   Diagnostics diags;
//   Mark m{diags.add_file("kabul.yaml"), 14, 7};
//   diags.error(m, "airports.hkia.parking", "must be > 0 (got -2)");
//   for (const Diagnostic& d : diags.sorted()) std::cerr << d.str() << '\n';
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/load.hpp"

namespace sim::scenario {

/// Where a value was written: an index into Diagnostics' file table, 1-based line and column
/// (0 when unknown, e.g. a default value or a missing file).
struct Mark {
  int file = -1;
  int line = 0;
  int column = 0;
};

class Diagnostics {
 public:
  /// Past this many problems the rest are summarised in one line (a garbage file must not produce
  /// millions of lines).
  static constexpr std::size_t kMaxErrors = 200;

  /// Registers a source (a file, or `--set` for an override) and returns its index for Marks.
  int add_file(std::string name);
  const std::string& file_name(int index) const;

  void error(const Mark& where, std::string path, std::string message, std::string expected = {});

  bool empty() const { return entries_.empty(); }
  /// True when a problem was already reported at exactly this position (to avoid piling a second
  /// message on a value already refused).
  bool has_error_at(const Mark& where) const;
  std::size_t count() const { return entries_.size(); }

  /// Every problem, sorted by position (file in the order first registered, then line, column),
  /// exact duplicates removed (an aliased node is checked once per use).
  std::vector<Diagnostic> sorted() const;

 private:
  struct Entry {
    Mark mark;
    std::size_t seq = 0;
    Diagnostic diagnostic;
  };
  std::vector<std::string> files_;
  std::vector<Entry> entries_;
  std::size_t dropped_ = 0;
};

/// Levenshtein distance (for "did you mean" hints).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a plausible typo, else nullopt.
std::optional<std::string> suggest(std::string_view word, std::span<const std::string> candidates);
std::optional<std::string> suggest(std::string_view word, std::span<const std::string_view> candidates);

/// `a, b or c` (for messages listing the accepted values).
std::string join_or(std::span<const std::string_view> words);
std::string join_or(std::span<const std::string> words);

}  // namespace sim::scenario
