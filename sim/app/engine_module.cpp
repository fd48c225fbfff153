#include "sim/app/engine_module.hpp"

#include <dlfcn.h>
#include <signal.h>

#include <filesystem>
#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace sim::app {
namespace {

struct Loaded {
  const engine::ModuleApi* api = nullptr;
  std::string error;
};

// The module sits next to the executable (build/evacsim and build/libevacsim-engine.so).
std::filesystem::path module_path() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path(engine::kModuleFile) : exe.parent_path() / engine::kModuleFile;
}

Loaded load_module() {
  // Signals are the main thread's business (Ctrl-C must interrupt its waits, not this thread's).
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
  const std::string path = module_path().string();
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return {nullptr, "cannot load the engine module: " + std::string(dlerror())};
  auto entry = reinterpret_cast<engine::ModuleEntry>(dlsym(handle, engine::kModuleEntry));
  if (!entry) return {nullptr, path + " is not an evacsim engine module (no " + engine::kModuleEntry + ")"};
  const engine::ModuleApi* api = entry();
  if (!api || !api->matches_this_build())
    return {nullptr, path + " is an engine module of another evacsim build (rebuild evacsim)"};
  return {api, {}};
}

std::once_flag g_started;
std::shared_future<Loaded> g_loaded;

}  // namespace

void preload_engine() {
  std::call_once(g_started, [] {
    std::packaged_task<Loaded()> task(load_module);
    g_loaded = task.get_future().share();
    // Detached: the process may end (bad input) before the module is needed; nothing waits for it then.
    std::thread(std::move(task)).detach();
  });
}

const engine::ModuleApi& engine() {
  preload_engine();
  const Loaded& loaded = g_loaded.get();
  if (!loaded.api) throw std::runtime_error(loaded.error);
  return *loaded.api;
}

}  // namespace sim::app
