#!/usr/bin/env bash
# One command: install what is missing, build, and run the whole test suite (CTest; every gtest
# case in a process of its own).
#   scripts/test.sh           debug build with warnings as errors (preset dev)
#   scripts/test.sh asan      the same under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
