// Loading the engine module (sim/engine/module.hpp) from the directory of the evacsim executable.
//
// Example:
//   sim::app::preload_engine();                  // returns at once; loading goes on in the background
//   auto scenario = load(...);                    // meanwhile
//   const auto& engine = sim::app::engine();      // waits for the module; throws if it cannot load
//   engine.run_replication(scenario, 1, {});
#pragma once

#include "sim/engine/module.hpp"

namespace sim::app {

/// Starts loading the engine module in a background thread (once; later calls do nothing).
void preload_engine();

/// The engine module's functions, once loaded (starts loading if preload_engine was not called).
/// Throws std::runtime_error naming the module file and the loader's reason if it cannot be loaded.
const engine::ModuleApi& engine();

}  // namespace sim::app
