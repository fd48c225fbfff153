// The engine as a module the command line loads at run time (libevacsim-engine.so, next to the
// evacsim executable), so that loading SimGrid overlaps reading the scenario.
//
// Why: Debian builds SimGrid with its ns-3 plugin, so linking SimGrid loads ~30 libraries whose
// symbol relocations and static constructors take ~30 ms before main() (docs/performance.md). The
// executable does not link SimGrid; sim/app/engine_module.cpp opens this module in a background
// thread while the main thread parses the scenario, and waits for it only when it needs the engine.
// Tests and benchmarks link sim::engine directly.
//
// Example (what sim/app/engine_module.cpp does):
//   void* h = dlopen("libevacsim-engine.so", RTLD_NOW | RTLD_LOCAL);
//   auto entry = reinterpret_cast<sim::engine::ModuleEntry>(dlsym(h, sim::engine::kModuleEntry));
//   const sim::engine::ModuleApi* api = entry();   // then api->matches_this_build()
#pragma once

#include <cstddef>
#include <string>

#include "sim/engine/engine.hpp"

namespace sim::engine {

/// Bumped whenever ModuleApi or the types it passes change, so a stale module is refused.
inline constexpr int kModuleAbi = 1;
inline constexpr const char* kModuleEntry = "evacsim_engine_module";
inline constexpr const char* kModuleFile = "libevacsim-engine.so";

struct ModuleApi {
  int abi = kModuleAbi;
  /// The sizes of the types passed, as the module was compiled: a cheap guard against a module left
  /// over from another build (the executable and the module are always built together).
  std::size_t scenario_size = sizeof(model::Scenario);
  std::size_t options_size = sizeof(EngineOptions);
  std::size_t result_size = sizeof(output::ReplicationResult);
  output::ReplicationResult (*run_replication)(const model::Scenario&, int, const EngineOptions&) = nullptr;
  std::string (*simgrid_version)() = nullptr;

  /// True when the module was compiled with the same ABI number and type sizes as the caller.
  bool matches_this_build() const {
    return abi == kModuleAbi && scenario_size == sizeof(model::Scenario) && options_size == sizeof(EngineOptions) &&
           result_size == sizeof(output::ReplicationResult);
  }
};

using ModuleEntry = const ModuleApi* (*)();

}  // namespace sim::engine
