#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "sim/runner/run.hpp"

#include "sim/engine/engine.hpp"
#include "sim/output/csv.hpp"
#include "sim/runner/replications.hpp"
#include "sim/runner/summary_report.hpp"

namespace sim::runner {
namespace fs = std::filesystem;
namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Summary rows back as numbers (NA as nullopt), for summary_stats.csv and the printed summary.
std::vector<std::optional<double>> parse_summary_row(const std::string& row) {
  std::vector<std::optional<double>> values;
  std::stringstream ss(row);
  std::string cell;
  int column = 0;
  while (std::getline(ss, cell, ',')) {
    if (column++ < 2) continue;  // replication, seed
    while (!cell.empty() && (cell.back() == '\n' || cell.back() == '\r')) cell.pop_back();
    values.push_back(cell.empty() ? std::nullopt : std::optional<double>(std::stod(cell)));
  }
  return values;
}

// A run killed outright (SIGKILL, power loss) leaves OUT.partial-PID behind; it never looks complete,
// but the next run to the same place removes those whose process is gone.
void remove_abandoned_partials(const fs::path& out_dir) {
  const fs::path parent = out_dir.has_parent_path() ? out_dir.parent_path() : fs::path(".");
  const std::string prefix = out_dir.filename().string() + ".partial-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    if (kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

int run(RunRequest request) {
  const RunOptions& o = request.options;
  const model::Scenario& scenario = request.scenario;
  if (const std::string problem = engine::check_log_settings(o.log); !problem.empty()) {
    std::cerr << "evacsim run: --log: " << problem << " (e.g. --log root.thresh:info)\n";
    return kExitBadInput;
  }
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int jobs = std::max(1, std::min(o.jobs > 0 ? o.jobs : cores, scenario.replications));
  const fs::path out_dir = o.out ? fs::path(*o.out) : fs::path("results") / scenario.name;
  const fs::path staging = fs::path(out_dir.string() + ".partial-" + std::to_string(::getpid()));

  const auto started_wall = std::chrono::steady_clock::now();
  const std::string started = utc_now();
  install_interrupt_handlers();
  try {
    remove_abandoned_partials(out_dir);
    fs::create_directories(staging);
  } catch (const fs::filesystem_error& e) {
    std::cerr << "evacsim run: cannot create " << staging.string() << ": " << e.code().message() << '\n';
    return kExitBadInput;
  }
  const bool show_progress = !o.quiet && isatty(STDERR_FILENO) && scenario.replications > 1;
  auto progress = [&](int done, int n) {
    if (!show_progress) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_wall).count();
    std::cerr << "\r  replication " << done << "/" << n << "  " << std::fixed << std::setprecision(1) << elapsed
              << " s" << (done == n ? "\n" : "") << std::flush;
  };

  // A single long replication reports simulated time instead (after a second; it runs in this process).
  // With fewer workers than cores, each computes its cities and roads on a second thread.
  engine::EngineOptions engine_options{.log = o.log, .upstream_ahead = jobs < cores};
  if (!o.quiet && isatty(STDERR_FILENO) && scenario.replications == 1) {
    engine_options.progress = [start = std::chrono::steady_clock::now(), last = 0.0](double fraction) mutable {
      const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (wall < 1.0 || wall - last < 0.25) return;
      last = wall;
      std::cerr << "\r  simulated " << static_cast<int>(fraction * 100) << "%  " << std::fixed << std::setprecision(1)
                << wall << " s" << std::flush;
    };
  }
  try {
    // Result files are written in replication order as replications finish (in any order): only the
    // replications finished out of order are held, so this process stays small (it is forked once per
    // replication, and a fork costs in proportion to its memory). They are complete only once the
    // staging directory is published. What does not depend on the results is written while the first
    // workers simulate (with one replication, just before it).
    std::map<std::string, std::ofstream> files;
    auto meanwhile = [&] {
      for (const auto& [name, header] : output::headers()) {
        std::ofstream& out = files[name];
        out.open(staging / name, std::ios::binary | std::ios::trunc);
        out << header;
      }
      output::write_file_atomically(staging / "scenario.resolved.yaml", request.resolved_yaml);
    };
    std::vector<std::vector<std::optional<double>>> summaries;
    std::vector<output::Fragment> fragments;  // kept for the printed summary
    std::map<int, output::Fragment> out_of_order;
    int next_in_order = 1;
    auto on_result = [&](int r, output::Fragment&& fragment) {
      out_of_order.emplace(r, std::move(fragment));
      while (!out_of_order.empty() && out_of_order.begin()->first == next_in_order) {
        output::Fragment& f = out_of_order.begin()->second;
        for (const auto& [name, rows] : f.files) files.at(name) << rows;
        summaries.push_back(parse_summary_row(f.files["summary.csv"]));
        if (next_in_order <= 1 || scenario.replications <= 50) fragments.push_back(std::move(f));
        out_of_order.erase(out_of_order.begin());
        ++next_in_order;
      }
    };
    const auto failures =
        run_replications(scenario, scenario.replications, jobs, engine_options, meanwhile, on_result, progress);
    if (engine_options.progress) std::cerr << "\r\033[K" << std::flush;  // clear the replication's progress line
    if (!failures.empty()) {
      for (const auto& f : failures)
        std::cerr << "evacsim run: replication " << f.replication << " failed (" << f.message << ")\n";
      fs::remove_all(staging);
      return kExitInternal;
    }
    for (auto& [name, out] : files) {
      out.close();
      if (!out) throw std::runtime_error("cannot write " + (staging / name).string());
    }
    if (scenario.replications > 1)
      output::write_file_atomically(staging / "summary_stats.csv", output::summary_stats_csv(summaries));
    nlohmann::ordered_json manifest{
        {"evacsim_version", EVACSIM_VERSION},
        {"simgrid_version", engine::simgrid_version()},
        {"command_line", o.command_line},
        {"scenario_path", o.scenario},
        {"scenario_name", scenario.name},
        {"scenario_sha256", request.resolved_sha256},
        {"seed", scenario.seed},
        {"replications", scenario.replications},
        {"jobs", jobs},
        {"started", started},
        {"finished", utc_now()},
    };
    output::write_file_atomically(staging / "manifest.json", manifest.dump(2) + "\n");
    output::publish_directory(staging, out_dir);
    if (!o.quiet) {
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_wall).count();
      print_summary(std::cout, scenario, summaries, fragments, out_dir, elapsed);
    }
    return kExitOk;
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    if (interrupted()) {
      std::cerr << "\nevacsim run: interrupted; nothing written to " << out_dir.string() << '\n';
      return 130;
    }
    std::cerr << "evacsim run: " << e.what() << '\n';
    return kExitInternal;
  }
}

}  // namespace sim::runner
