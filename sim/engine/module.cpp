#include "sim/engine/module.hpp"

// The module's only exported symbol (everything else is hidden: see CMAKE_CXX_VISIBILITY_PRESET).
extern "C" __attribute__((visibility("default"))) const sim::engine::ModuleApi* evacsim_engine_module() {
  static const sim::engine::ModuleApi api{.run_replication = &sim::engine::run_replication,
                                          .simgrid_version = &sim::engine::simgrid_version};
  return &api;
}
