// What `evacsim run` asks of its runner process (evacsim-runner) and how: the command's options and
// the scenario as loaded, checked and overridden (with its resolved text), encoded (sim/model/codec.hpp) on the
// runner's standard input. The runner does the rest (replications, result files, the printed
// summary) and its exit code is the command's.
//
// Why two processes: Debian's SimGrid brings 15 ns-3 libraries whose dynamic linking takes ~25 ms
// before main() (docs/performance.md). `evacsim run` starts the runner first, so that this happens
// while the command line reads the scenario (yaml-cpp, ~12 ms) on the other core.
//
// Example:
//   std::string bytes = encode_request({.options = options, .scenario = scenario});
//   RunRequest back = decode_request(bytes);  // throws model::CodecError if not a request of this build
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/codec.hpp"
#include "sim/model/scenario.hpp"

// CMake defines the version for each executable; its fallback lives here only, which both include.
#ifndef EVACSIM_VERSION
#define EVACSIM_VERSION "0.0.0"
#endif

namespace sim::runner {

/// Exit codes of every evacsim command: 0 success, 1 `compare` found a difference, 2 bad input
/// (nothing written), 3 internal failure.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInternal = 3;

struct RunOptions {
  std::string scenario;
  std::optional<std::string> out;
  std::optional<std::uint64_t> seed;
  std::optional<int> replications;
  int jobs = 0;  ///< 0: number of cores
  std::vector<std::string> sets;
  std::vector<std::string> log;
  bool quiet = false;
  std::vector<std::string> command_line;
};

struct RunRequest {
  RunOptions options;
  model::Scenario scenario;     ///< loaded and checked, with `--set`, `--seed` and `--replications` applied
  std::string resolved_yaml;    ///< scenario.resolved.yaml: `scenario` as a scenario file
  std::string resolved_sha256;  ///< its SHA-256 (hex), for manifest.json
};

/// How evacsim starts the runner: `evacsim-runner --from-evacsim PID` (evacsim's process id), with
/// the request on standard input. Should evacsim die, the runner is sent SIGTERM and stops as after
/// Ctrl-C, leaving nothing.
inline constexpr std::string_view kRunnerFlag = "--from-evacsim";

/// The first bytes of a request: a runner of another build refuses it rather than misread it.
inline constexpr std::string_view kRequestMagic = "evacsim run request " EVACSIM_VERSION "\n";

inline std::string encode_request(const RunRequest& request) {
  return std::string(kRequestMagic) + model::encode(request);
}

inline RunRequest decode_request(std::string_view bytes) {
  if (!bytes.starts_with(kRequestMagic)) throw model::CodecError("not a run request of evacsim " EVACSIM_VERSION);
  return model::decode<RunRequest>(bytes.substr(kRequestMagic.size()));
}

}  // namespace sim::runner
