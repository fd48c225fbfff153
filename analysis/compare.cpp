#include "analysis/compare.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>

#include "analysis/input_error.hpp"
#include "analysis/report.hpp"
#include "analysis/result_files.hpp"
#include "analysis/timeline.hpp"

namespace analysis {

namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One side of the comparison: a result directory, or a single result file.
struct Run {
  fs::path path;
  std::string scenario;                     // manifest.json's scenario_name, if any
  std::map<FileKind, ResultTable> tables;   // the files to compare, by kind
  std::optional<ResultTable> summary;       // the run's summary.csv: replications and seeds
};

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string read_scenario_name(const fs::path& manifest) {
  std::ifstream in(manifest);
  if (!in) throw InputError(manifest.string() + ": cannot be opened for reading");
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(manifest.string() + ": not valid JSON (" + e.what() + ")");
  }
  if (!json.is_object()) throw InputError(manifest.string() + ": expected a JSON object");
  const auto it = json.find("scenario_name");
  if (it == json.end()) return "";
  if (!it->is_string()) throw InputError(manifest.string() + ": scenario_name: expected a string");
  return it->get<std::string>();
}

// The kinds a directory comparison looks at, in report order (summary_stats.csv is derived).
const std::vector<FileKind> kDirectoryKinds = {FileKind::summary, FileKind::timeline, FileKind::cities,
                                                FileKind::cohorts, FileKind::gates,   FileKind::flights};

Run load_directory(const fs::path& dir) {
  Run run;
  run.path = dir;
  const fs::path manifest = dir / "manifest.json";
  if (fs::exists(manifest)) run.scenario = read_scenario_name(manifest);
  if (!fs::exists(dir / "summary.csv"))
    throw InputError((dir / "summary.csv").string() + ": no such file (a result directory has one)");
  for (FileKind kind : kDirectoryKinds) {
    const fs::path file = dir / schema_of(kind).file_name;
    if (fs::exists(file)) run.tables.emplace(kind, load_result_file(file));
  }
  run.summary = run.tables.at(FileKind::summary);
  return run;
}

Run load_file(const fs::path& file, std::vector<std::string>& notes) {
  Run run;
  run.path = file;
  ResultTable table = load_result_file(file);
  const FileKind kind = table.kind;
  run.tables.emplace(kind, std::move(table));
  // A lone file says nothing of seeds; its directory's summary.csv, when there is one, does.
  const fs::path sibling = file.parent_path() / "summary.csv";
  if (kind == FileKind::summary) {
    run.summary = run.tables.at(kind);
  } else if (fs::exists(sibling)) {
    try {
      run.summary = load_result_file(sibling);
    } catch (const InputError& e) {
      notes.push_back("ignored " + sibling.string() + " for pairing: " + e.what());
    }
  }
  const fs::path manifest = file.parent_path() / "manifest.json";
  if (fs::exists(manifest)) {
    try {
      run.scenario = read_scenario_name(manifest);
    } catch (const InputError&) {
      // Only a label for the report when comparing files; the file itself was named.
    }
  }
  return run;
}

std::map<long, std::string> seeds_of(const ResultTable& summary) {
  std::map<long, std::string> seeds;
  const auto col = std::find(summary.text_columns.begin(), summary.text_columns.end(), "seed");
  const auto index = static_cast<std::size_t>(col - summary.text_columns.begin());
  for (const auto& row : summary.rows) seeds[row.replication] = row.text.at(index);
  return seeds;
}

std::set<long> replications_of(const ResultTable& table) {
  std::set<long> reps;
  for (const auto& row : table.rows) reps.insert(row.replication);
  return reps;
}

// Common random numbers: the same replication numbers with the same seeds on both sides.
Pairing decide_pairing(const Run& a, const Run& b) {
  if (!a.summary || !b.summary) return Pairing::independent;
  return seeds_of(*a.summary) == seeds_of(*b.summary) ? Pairing::paired : Pairing::independent;
}

std::string_view entity_noun(FileKind kind) {
  switch (kind) {
    case FileKind::cities: return "city";
    case FileKind::cohorts: return "cohort";
    case FileKind::gates: return "gate";
    case FileKind::flights: return "fleet";
    case FileKind::timeline: return "time";
    default: return "row";
  }
}

// Every file of a run covers the replications of its summary.csv (flights.csv may lack a replication
// in which nothing flew), and every city, cohort and gate appears in each replication of its file.
void check_replications(const ResultTable& table, const std::optional<ResultTable>& summary) {
  if (table.kind == FileKind::summary) return;
  const std::set<long> reps = replications_of(table);
  if (summary) {
    const std::set<long> summary_reps = replications_of(*summary);
    if (table.kind != FileKind::flights) {
      for (long r : summary_reps) {
        if (!reps.count(r))
          throw InputError(table.path.string() + ": no rows for replication " + std::to_string(r) + " (it is in " +
                           summary->path.string() + ")");
      }
    }
    for (const auto& row : table.rows) {
      if (!summary_reps.count(row.replication))
        throw InputError(table.path.string() + ":" + std::to_string(row.line) + ": replication " +
                         std::to_string(row.replication) + " is not in " + summary->path.string());
    }
  }
  if (table.kind == FileKind::timeline || table.kind == FileKind::flights) return;
  std::map<std::string, std::set<long>> reps_of_entity;
  for (const auto& row : table.rows) reps_of_entity[row.entity].insert(row.replication);
  for (const auto& [entity, entity_reps] : reps_of_entity) {
    for (long r : reps) {
      if (!entity_reps.count(r))
        throw InputError(table.path.string() + ": no row for " + std::string(entity_noun(table.kind)) + " " + entity +
                         " in replication " + std::to_string(r));
    }
  }
}

// Values of one file gathered per entity and metric: entity -> metric index -> replication -> value.
struct Collected {
  std::vector<std::string> metrics;
  std::vector<std::string> entities;  // in order of first appearance
  std::map<std::string, std::vector<Samples>> values;
};

Collected collect(const ResultTable& table) {
  Collected c;
  c.metrics = table.metrics;
  for (const auto& row : table.rows) {
    auto [it, inserted] = c.values.try_emplace(row.entity, table.metrics.size());
    if (inserted) c.entities.push_back(row.entity);
    for (std::size_t m = 0; m < row.metrics.size(); ++m) it->second[m][row.replication] = row.metrics[m];
  }
  return c;
}

// flights.csv has one row per flight; what compares across runs is each fleet's count of flights,
// passengers and seats per replication. A fleet that flew nothing in a replication counts zero.
Collected aggregate_flights(const ResultTable& table, const std::set<long>& replications,
                            const std::vector<std::string>& all_fleets) {
  Collected c;
  c.metrics = {"flights", "passengers", "seats"};
  const auto fleet_col = static_cast<std::size_t>(
      std::find(table.text_columns.begin(), table.text_columns.end(), "fleet") - table.text_columns.begin());
  const std::size_t passengers = *table.metric_index("passengers");
  const std::size_t seats = *table.metric_index("seats");
  for (const auto& fleet : all_fleets) {
    c.entities.push_back(fleet);
    auto& per_metric = c.values.try_emplace(fleet, 3).first->second;
    for (long r : replications)
      for (auto& samples : per_metric) samples[r] = 0;
  }
  for (const auto& row : table.rows) {
    auto& per_metric = c.values.at(row.text[fleet_col]);
    per_metric[0][row.replication] += 1;
    if (!std::isnan(row.metrics[passengers])) per_metric[1][row.replication] += row.metrics[passengers];
    if (!std::isnan(row.metrics[seats])) per_metric[2][row.replication] += row.metrics[seats];
  }
  return c;
}

std::vector<std::string> fleets_of(const ResultTable& table) {
  std::vector<std::string> fleets;
  const auto fleet_col = static_cast<std::size_t>(
      std::find(table.text_columns.begin(), table.text_columns.end(), "fleet") - table.text_columns.begin());
  for (const auto& row : table.rows)
    if (std::find(fleets.begin(), fleets.end(), row.text[fleet_col]) == fleets.end())
      fleets.push_back(row.text[fleet_col]);
  return fleets;
}

std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
  return out;
}

std::string run_label(const Run& run) {
  return run.scenario.empty() ? run.path.string() : run.path.string() + " (scenario \"" + run.scenario + "\")";
}

// Same columns on both sides, or (with --force) the common ones with a note.
void check_columns(const ResultTable& base, const ResultTable& alt, bool force, std::vector<std::string>& notes) {
  std::vector<std::string> base_cols = base.metrics, alt_cols = alt.metrics;
  base_cols.insert(base_cols.end(), base.text_columns.begin(), base.text_columns.end());
  alt_cols.insert(alt_cols.end(), alt.text_columns.begin(), alt.text_columns.end());
  const auto only_base = minus(base_cols, alt_cols), only_alt = minus(alt_cols, base_cols);
  // A column that is a metric on one side and text on the other is a mismatch too.
  std::vector<std::string> retyped;
  for (const auto& m : base.metrics)
    if (std::find(alt.text_columns.begin(), alt.text_columns.end(), m) != alt.text_columns.end()) retyped.push_back(m);
  for (const auto& m : alt.metrics)
    if (std::find(base.text_columns.begin(), base.text_columns.end(), m) != base.text_columns.end()) retyped.push_back(m);
  if (only_base.empty() && only_alt.empty() && retyped.empty()) return;
  std::string what;
  if (!only_base.empty()) what += "only in baseline: " + join(only_base);
  if (!only_alt.empty()) what += std::string(what.empty() ? "" : "; ") + "only in alternative: " + join(only_alt);
  if (!retyped.empty()) what += std::string(what.empty() ? "" : "; ") + "numeric on one side only: " + join(retyped);
  if (!force)
    throw InputError(alt.path.string() + ":1: columns differ from " + base.path.string() + " (" + what +
                     "); pass --force to compare the common columns");
  notes.push_back(std::string(schema_of(base.kind).file_name) + ": compared the common columns only (" + what + ")");
}

void compare_collected(const std::string& file, FileKind kind, const Collected& base, const Collected& alt,
                       const Run& base_run, const Run& alt_run, const CompareOptions& options, Pairing pairing,
                       Comparison& result) {
  const Thresholds thresholds{options.alpha, options.rel_tol, options.abs_tol};
  const auto only_base = minus(base.entities, alt.entities), only_alt = minus(alt.entities, base.entities);
  // Cities and cohorts define the situation (who must get out, from where): runs that differ in them
  // are runs of different scenarios. Gates and fleets may come and go in a what-if.
  const bool defines_scenario = kind == FileKind::cities || kind == FileKind::cohorts;
  if ((!only_base.empty() || !only_alt.empty()) && defines_scenario) {
    std::string what;
    if (!only_base.empty()) what += "only in baseline: " + join(only_base);
    if (!only_alt.empty()) what += std::string(what.empty() ? "" : "; ") + "only in alternative: " + join(only_alt);
    const std::string nouns = kind == FileKind::cities ? "cities" : "cohorts";
    if (!options.force)
      throw InputError(run_label(alt_run) + " is a run of a different scenario than " + run_label(base_run) + ": " +
                       file + " has different " + nouns + " (" + what + "); pass --force to compare the common " +
                       nouns);
    result.notes.push_back(file + ": different " + nouns + " (" + what + "); compared the common ones");
  }

  std::vector<std::string> metrics;
  for (const auto& m : base.metrics)
    if (std::find(alt.metrics.begin(), alt.metrics.end(), m) != alt.metrics.end()) metrics.push_back(m);
  const auto index = [](const Collected& c, const std::string& m) {
    return static_cast<std::size_t>(std::find(c.metrics.begin(), c.metrics.end(), m) - c.metrics.begin());
  };

  std::vector<std::string> entities = base.entities;
  for (const auto& e : only_alt) entities.push_back(e);
  for (const auto& entity : entities) {
    const auto b = base.values.find(entity), a = alt.values.find(entity);
    if ((b == base.values.end() || a == alt.values.end()) && defines_scenario) continue;  // forced: listed in notes
    for (const auto& metric : metrics) {
      ComparisonRow row;
      if (b == base.values.end() || a == alt.values.end()) {
        const bool in_base = b != base.values.end();
        const Samples& s = in_base ? b->second[index(base, metric)] : a->second[index(alt, metric)];
        row = compare_samples(in_base ? s : Samples{}, in_base ? Samples{} : s, pairing, thresholds);
        row.verdict = in_base ? Verdict::only_in_baseline : Verdict::only_in_alternative;
      } else {
        row = compare_samples(b->second[index(base, metric)], a->second[index(alt, metric)], pairing, thresholds);
      }
      row.file = file;
      row.key = entity;
      row.metric = metric;
      result.rows.push_back(std::move(row));
    }
  }
}

}  // namespace

Comparison compare_results(const CompareOptions& options) {
  if (!(options.alpha > 0 && options.alpha < 1))
    throw InputError("--alpha: must be between 0 and 1 (got " + std::to_string(options.alpha) + ")");
  if (!(options.rel_tol >= 0) || !std::isfinite(options.rel_tol))
    throw InputError("--rel-tol: must be a finite number >= 0 (got " + std::to_string(options.rel_tol) + ")");
  if (!(options.abs_tol >= 0) || !std::isfinite(options.abs_tol))
    throw InputError("--abs-tol: must be a finite number >= 0 (got " + std::to_string(options.abs_tol) + ")");

  Comparison result;
  const auto kind_of_path = [](const fs::path& p) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) return 'd';
    if (fs::exists(p, ec)) return 'f';
    throw InputError(p.string() + ": no such file or directory");
  };
  const char base_kind = kind_of_path(options.baseline), alt_kind = kind_of_path(options.alternative);
  if (base_kind != alt_kind) {
    const auto what = [](char k) { return k == 'd' ? "a directory" : "a file"; };
    throw InputError("cannot compare " + std::string(what(base_kind)) + " (" + options.baseline.string() + ") with " +
                     what(alt_kind) + " (" + options.alternative.string() + "): give two result directories or two " +
                     "result files of the same kind");
  }

  Run base, alt;
  if (base_kind == 'd') {
    base = load_directory(options.baseline);
    alt = load_directory(options.alternative);
  } else {
    base = load_file(options.baseline, result.notes);
    alt = load_file(options.alternative, result.notes);
    const FileKind bk = base.tables.begin()->first, ak = alt.tables.begin()->first;
    if (bk != ak)
      throw InputError("cannot compare different kinds of file: " + options.baseline.string() + " is a " +
                       std::string(schema_of(bk).file_name) + " file, " + options.alternative.string() + " is a " +
                       std::string(schema_of(ak).file_name) + " file");
  }

  for (const Run* run : {&base, &alt})
    for (const auto& [kind, table] : run->tables) check_replications(table, run->summary);

  for (FileKind kind : kDirectoryKinds) {
    const bool in_base = base.tables.count(kind) > 0, in_alt = alt.tables.count(kind) > 0;
    if (in_base == in_alt) continue;
    const Run& has = in_base ? base : alt;
    const Run& lacks = in_base ? alt : base;
    const std::string name(schema_of(kind).file_name);
    if (!options.force)
      throw InputError((lacks.path / name).string() + ": no such file (" + (has.path / name).string() +
                       " has one); pass --force to compare the other files");
    result.notes.push_back(name + ": only in " + has.path.string() + ", not compared");
  }

  result.pairing = decide_pairing(base, alt);
  if (!base.summary || !alt.summary)
    result.notes.push_back("no summary.csv beside the files to tell their seeds: replications treated as independent");
  result.baseline = {base.path, base.scenario, base.summary ? replications_of(*base.summary).size() : 0};
  result.alternative = {alt.path, alt.scenario, alt.summary ? replications_of(*alt.summary).size() : 0};

  for (FileKind kind : kDirectoryKinds) {
    const auto b = base.tables.find(kind), a = alt.tables.find(kind);
    if (b == base.tables.end() || a == alt.tables.end()) continue;
    const std::string file(schema_of(kind).file_name);
    check_columns(b->second, a->second, options.force, result.notes);
    if (kind == FileKind::timeline) {
      const Thresholds thresholds{options.alpha, options.rel_tol, options.abs_tol};
      for (auto& row : compare_timelines(b->second, a->second, result.pairing, thresholds))
        result.rows.push_back(std::move(row));
    } else if (kind == FileKind::flights) {
      std::vector<std::string> fleets = fleets_of(b->second);
      for (const auto& f : fleets_of(a->second))
        if (std::find(fleets.begin(), fleets.end(), f) == fleets.end()) fleets.push_back(f);
      const auto reps = [](const Run& run, const ResultTable& t) {
        return run.summary ? replications_of(*run.summary) : replications_of(t);
      };
      compare_collected(file, kind, aggregate_flights(b->second, reps(base, b->second), fleets),
                        aggregate_flights(a->second, reps(alt, a->second), fleets), base, alt, options,
                        result.pairing, result);
    } else {
      compare_collected(file, kind, collect(b->second), collect(a->second), base, alt, options, result.pairing,
                        result);
    }
  }
  return result;
}

int run_compare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  try {
    const Comparison comparison = compare_results(options);
    // The tidy file first: if it cannot be written, that is reported before any table is printed.
    if (options.out) write_tidy_csv(comparison.rows, *options.out);
    print_report(comparison, options, out);
    const bool differs = std::any_of(comparison.rows.begin(), comparison.rows.end(),
                                     [](const ComparisonRow& r) { return is_difference(r.verdict); });
    return differs ? kCompareDifferent : kCompareSame;
  } catch (const InputError& e) {
    err << e.what() << "\n";
    return kCompareBadInput;
  } catch (const fs::filesystem_error& e) {
    err << e.what() << "\n";
    return kCompareBadInput;
  }
}

}  // namespace analysis
