// evacsim: the command line. Parses arguments (CLI11) and dispatches to the commands. It does not link
// SimGrid: `run` hands the loaded scenario to the runner process (sim/runner), which does.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "analysis/compare.hpp"
#include "sim/app/commands.hpp"

#ifndef EVACSIM_SIMGRID_VERSION  // the SimGrid the runner links, as pkg-config reported it
#define EVACSIM_SIMGRID_VERSION "unknown"
#endif

namespace {

int run_cli(int argc, char** argv) {
  using namespace sim::app;
  CLI::App app{"evacsim: simulate non-combatant evacuation operations (NEO) from YAML scenarios.\n"
               "Scenario language: docs/scenario-language.md; result files: docs/results.md."};
  app.set_version_flag("--version", std::string("evacsim ") + EVACSIM_VERSION + " (SimGrid " +
                                        EVACSIM_SIMGRID_VERSION + ")");
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success (compare: no difference), 1 compare found a difference, 2 bad input, "
             "3 internal failure.\nRun `evacsim COMMAND --help` for a command's options.");

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Simulate a scenario and write the result files");
  run_cmd->add_option("scenario", run.scenario, "Scenario file (YAML)")->required();
  run_cmd->add_option("--out", run.out, "Result directory (default: results/<scenario name>/)");
  run_cmd->add_option("--seed", run.seed, "Seed (default: the scenario's `seed`)");
  run_cmd->add_option("--replications", run.replications, "Independent replications (default: the scenario's)")
      ->check(CLI::Range(1, 10'000'000));
  run_cmd->add_option("--jobs", run.jobs,
                      "Replications run in parallel processes (default: number of cores; with fewer jobs than cores, each "
                      "also computes its cities and roads on a second thread)")
      ->check(CLI::Range(1, 4096));
  run_cmd->add_option("--set", run.sets, "Override one value: PATH=VALUE, list entries by id "
                                         "(e.g. fleets.us-c17.aircraft=40); repeatable")
      ->allow_extra_args(false);
  run_cmd->add_flag("--quiet,-q", run.quiet, "Print nothing but errors");
  run_cmd->add_option("--log", run.log, "SimGrid logging setting, passed through (e.g. root.thresh:info)")
      ->allow_extra_args(false);

  ValidateOptions validate;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenarios and describe what they contain");
  validate_cmd->add_option("scenarios", validate.scenarios, "Scenario files (YAML)")->required();
  validate_cmd->add_option("--set", validate.sets, "Override one value: PATH=VALUE (as for run); repeatable")
      ->allow_extra_args(false);

  analysis::CompareOptions compare;
  auto* compare_cmd = app.add_subcommand("compare", "Compare two runs (result directories or CSV files)");
  compare_cmd->add_option("baseline", compare.baseline, "Baseline result directory or CSV file")->required();
  compare_cmd->add_option("alternative", compare.alternative, "Alternative result directory or CSV file")->required();
  compare_cmd->add_option("--out", compare.out, "Write the full comparison as tidy CSV");
  compare_cmd->add_option("--alpha", compare.alpha, "1 - confidence level of the intervals (default 0.05)")
      ->check(CLI::Range(1e-6, 0.5));
  compare_cmd->add_option("--rel-tol", compare.rel_tol, "Relative tolerance for single-replication runs")
      ->check(CLI::NonNegativeNumber);
  compare_cmd->add_option("--abs-tol", compare.abs_tol, "Absolute tolerance for single-replication runs")
      ->check(CLI::NonNegativeNumber);
  compare_cmd->add_flag("--force", compare.force, "Compare runs of different scenarios (common keys only)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "evacsim: " << e.what() << "\nRun `evacsim --help` (or `evacsim COMMAND --help`) for usage.\n";
    return kExitBadInput;
  }

  try {
    if (*run_cmd) {
      run.command_line.assign(argv, argv + argc);
      return run_command(run);
    }
    if (*validate_cmd) return validate_command(validate);
    if (*compare_cmd) return analysis::run_compare(compare, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "evacsim: internal error: " << e.what() << '\n';
    return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace

int main(int argc, char** argv) {
  const int code = run_cli(argc, argv);
  // Leave without running static destructors (nothing of ours needs them; the runner does the same to
  // skip SimGrid's). Flush what is buffered for the terminal.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}
