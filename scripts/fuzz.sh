#!/usr/bin/env bash
# Fuzzes the scenario loader (load_text) with libFuzzer, ASan and UBSan.
#   scripts/fuzz.sh [SECONDS]     default 30 (what CI runs); see docs/fuzzing.md for long runs
# Builds the `fuzz` preset (clang), seeds the corpus from the example and test scenarios, and keeps
# the corpus in build/fuzz/corpus between runs. Crashing inputs land in build/fuzz/artifacts/.
set -euo pipefail

seconds="${1:-30}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz-load-text

seeds=build/fuzz/seeds
corpus=build/fuzz/corpus
artifacts=build/fuzz/artifacts
mkdir -p "$seeds" "$corpus" "$artifacts"
cp scenarios/examples/*.yaml tests/scenario/valid/*.yaml "$seeds"/
# Small invalid fixtures too: they reach the error paths (the alias bomb and deep nesting are large
# but cheap to refuse).
cp tests/scenario/invalid/*.yaml tests/scenario/invalid/helpers/*.yaml "$seeds"/

# -max_len: room for a whole scenario; -timeout: one input may not take more than 10 s;
# -rss_limit_mb: the memory bound the loader's limits promise to stay within.
exec build/fuzz/fuzz-load-text \
  -max_total_time="$seconds" \
  -max_len=65536 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -dict=tests/fuzz/scenario.dict \
  -artifact_prefix="$artifacts/" \
  "$corpus" "$seeds"
