#!/usr/bin/env bash
# Guards optimisations: runs a fixed set of scenarios (the Kabul reference and its what-ifs, the engine
# test scenarios, synthetic benchmark scenarios) and writes their result files under OUT_DIR, so two
# builds can be compared byte for byte (manifest.json, which holds wall-clock times, is left out).
#   bench/same_results.sh build/evacsim /tmp/before           # once, on the old build
#   bench/same_results.sh build/evacsim /tmp/after /tmp/before   # after a change: diff, exit 1 if any
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
out=$2
ref=${3:-}
make_scenario=$(dirname "$bin")/make_scenario
rm -rf "$out"
mkdir -p "$out/scenarios"

"$make_scenario" --cities 34 --people 150000 --aircraft 500 --hours 120 >"$out/scenarios/syn-34.yaml"
"$make_scenario" --cities 34 --people 150000 --aircraft 60 --hours 120 --poisson >"$out/scenarios/syn-34-poisson.yaml"
"$make_scenario" --cities 200 --airports 10 --people 300000 --aircraft 120 --hours 96 >"$out/scenarios/syn-200.yaml"

run() {  # name scenario replications
  "$bin" run "$2" --replications "$3" --jobs 2 --out "$out/$1" --quiet
  rm -f "$out/$1/manifest.json"
}
run kabul scenarios/kabul-2021.yaml 3
for f in scenarios/kabul-2021-*.yaml; do run "$(basename "$f" .yaml)" "$f" 2; done
for f in tests/engine/scenarios/*.yaml; do
  [ "$(basename "$f")" = base.yaml ] && continue
  run "test-$(basename "$f" .yaml)" "$f" 2
done
for f in "$out"/scenarios/*.yaml; do run "$(basename "$f" .yaml)" "$f" 2; done

if [ -n "$ref" ]; then
  if diff -r -q -x scenarios "$ref" "$out"; then
    echo "same_results: identical to $ref"
  else
    echo "same_results: results differ from $ref" >&2
    exit 1
  fi
fi
