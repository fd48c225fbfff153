// libFuzzer target of the scenario loader: any byte string must be refused with diagnostics or
// loaded, never crash, hang or run away with memory (ASan/UBSan watch the rest). A loaded scenario
// must also survive the round trip: to_yaml reads back to an equal model, and describe() works.
//
// Build and run: scripts/fuzz.sh [SECONDS] (see docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/scenario/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // `extends` is resolved against a folder that does not exist, so the fuzzer mostly explores the
  // missing-file path rather than the file system.
  const sim::scenario::LoadResult r = sim::scenario::load_text(text, "fuzz.yaml", "/nonexistent/evacsim-fuzz");
  if (!r.ok()) {
    if (r.diagnostics.empty()) __builtin_trap();  // refused without saying why
    for (const auto& d : r.diagnostics) (void)d.str();
    return 0;
  }
  const std::string yaml = sim::scenario::to_yaml(*r.scenario);
  const sim::scenario::LoadResult back = sim::scenario::load_text(yaml, "resolved.yaml");
  if (!back.ok() || !(*back.scenario == *r.scenario)) __builtin_trap();  // the round trip lost something
  (void)sim::scenario::describe(*r.scenario);
  return 0;
}
