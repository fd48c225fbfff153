// `evacsim run`: starts the runner process (sim/app/runner_process.hpp), loads and checks the scenario
// meanwhile, applies the command's overrides and hands the runner the result (sim/runner/request.hpp),
// which runs it, writes the result files and prints the summary.
#include <nettle/sha2.h>

#include <cstdint>
#include <iostream>
#include <string>
#include <utility>

#include "sim/app/commands.hpp"
#include "sim/app/runner_process.hpp"
#include "sim/app/scenario_input.hpp"
#include "sim/runner/request.hpp"
#include "sim/scenario/load.hpp"

namespace sim::app {
namespace {

std::string sha256_hex(const std::string& data) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof digest, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (std::uint8_t b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 15];
  }
  return hex;
}

}  // namespace

int run_command(const RunOptions& o) {
  RunnerProcess runner;  // first: it links SimGrid while the scenario is read here
  auto loaded = load_checked(o.scenario, o.sets, std::cerr);
  if (!loaded) return kExitBadInput;
  runner::RunRequest request{.options = o, .scenario = std::move(*loaded)};
  model::Scenario& scenario = request.scenario;
  if (o.seed) scenario.seed = *o.seed;
  if (o.replications) scenario.replications = *o.replications;
  if (scenario.replications < 1) {
    std::cerr << "evacsim run: --replications must be at least 1\n";
    return kExitBadInput;
  }
  request.resolved_yaml = scenario::to_yaml(scenario);
  request.resolved_sha256 = sha256_hex(request.resolved_yaml);
  return runner.run(runner::encode_request(request));
}

}  // namespace sim::app
