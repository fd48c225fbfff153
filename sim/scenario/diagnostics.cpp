#include "sim/scenario/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace sim::scenario {

std::string Diagnostic::str() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!path.empty()) out += path + ": ";
  out += message;
  if (!expected.empty()) out += " (expected " + expected + ")";
  return out;
}

int Diagnostics::add_file(std::string name) {
  files_.push_back(std::move(name));
  return static_cast<int>(files_.size()) - 1;
}

const std::string& Diagnostics::file_name(int index) const {
  static const std::string unknown = "<scenario>";
  if (index < 0 || static_cast<std::size_t>(index) >= files_.size()) return unknown;
  return files_[static_cast<std::size_t>(index)];
}

void Diagnostics::error(const Mark& where, std::string path, std::string message, std::string expected) {
  if (entries_.size() >= kMaxErrors) {
    ++dropped_;
    return;
  }
  Entry e;
  e.mark = where;
  e.seq = entries_.size();
  e.diagnostic = Diagnostic{.file = file_name(where.file),
                            .line = where.line,
                            .column = where.column,
                            .path = std::move(path),
                            .message = std::move(message),
                            .expected = std::move(expected)};
  entries_.push_back(std::move(e));
}

bool Diagnostics::has_error_at(const Mark& where) const {
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) {
    return e.mark.file == where.file && e.mark.line == where.line && e.mark.column == where.column;
  });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<const Entry*> order;
  order.reserve(entries_.size());
  for (const Entry& e : entries_) order.push_back(&e);
  std::stable_sort(order.begin(), order.end(), [](const Entry* a, const Entry* b) {
    return std::tie(a->mark.file, a->mark.line, a->mark.column, a->seq) <
           std::tie(b->mark.file, b->mark.line, b->mark.column, b->seq);
  });
  std::vector<Diagnostic> out;
  for (const Entry* e : order) {
    const Diagnostic& d = e->diagnostic;
    const bool duplicate = std::any_of(out.begin(), out.end(), [&](const Diagnostic& o) {
      return o.file == d.file && o.line == d.line && o.column == d.column && o.path == d.path &&
             o.message == d.message && o.expected == d.expected;
    });
    if (!duplicate) out.push_back(d);
  }
  if (dropped_ > 0) {
    Diagnostic more{.file = files_.empty() ? std::string("<scenario>") : files_.front()};
    more.message = "too many problems; " + std::to_string(dropped_) + " more not shown";
    out.push_back(std::move(more));
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

namespace {
template <class Strings>
std::optional<std::string> suggest_in(std::string_view word, const Strings& candidates) {
  // Plausible typo: 1 edit in a short word, 2 up to 5 letters, 3 beyond.
  const std::size_t limit = word.size() <= 3 ? 1 : word.size() <= 5 ? 2 : 3;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    const std::string_view cand(c);
    if (word.size() > 64 || cand.empty()) continue;  // don't pay quadratic time for garbage keys
    const std::size_t d = edit_distance(word, cand);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(cand);
    }
  }
  return best;
}

template <class Strings>
std::string join_or_impl(const Strings& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += std::string_view(words[i]);
  }
  return out;
}
}  // namespace

std::optional<std::string> suggest(std::string_view word, std::span<const std::string> candidates) {
  return suggest_in(word, candidates);
}
std::optional<std::string> suggest(std::string_view word, std::span<const std::string_view> candidates) {
  return suggest_in(word, candidates);
}
std::string join_or(std::span<const std::string_view> words) { return join_or_impl(words); }
std::string join_or(std::span<const std::string> words) { return join_or_impl(words); }

}  // namespace sim::scenario
