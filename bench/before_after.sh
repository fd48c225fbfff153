#!/usr/bin/env bash
# Times two evacsim binaries on the same CLI cases (validate, and run on Kabul and synthetic scenarios),
# runs interleaved (A, B, A, B, ...) so that load changes on a shared machine hit both alike; prints a
# markdown table of medians (wall and CPU).
#   bench/before_after.sh OLD/evacsim NEW/evacsim [RUNS]
# e.g. the effect of a branch: build main out of tree (git archive main | tar -x -C /tmp/main-src;
# cmake -S /tmp/main-src -B /tmp/main-src/build -DCMAKE_BUILD_TYPE=Release; cmake --build ... -j2).
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1") new=$(realpath "$2") runs=${3:-7}
source bench/common.sh
export LC_ALL=C
work=$(mktemp -d /tmp/evacsim-ab.XXXXXX)
trap 'rm -rf "$work"' EXIT
make_scenario=$(dirname "$new")/make_scenario
"$make_scenario" --cities 34 --people 150000 --aircraft 40 --parking 16 --hours 120 >"$work/syn-34.yaml"
"$make_scenario" --cities 1000 --airports 100 --people 10000000 --aircraft 1000 --hours 120 >"$work/syn-10m.yaml"

out="--out $work/out --quiet"
cases=(
  "validate kabul-2021|validate scenarios/kabul-2021.yaml|$runs"
  "kabul-2021, 1 replication|run scenarios/kabul-2021.yaml --replications 1 --jobs 1 $out|$runs"
  "kabul-2021, 100 replications, --jobs 2|run scenarios/kabul-2021.yaml --replications 100 --jobs 2 $out|3"
  "synthetic 34 cities, 150,000 people|run $work/syn-34.yaml --replications 1 --jobs 1 $out|$runs"
  "synthetic 1,000 cities, 10 M people|run $work/syn-10m.yaml --replications 1 --jobs 1 $out|3"
)
echo "| case | runs | before: wall s | after: wall s | before: CPU s | after: CPU s | before: peak MB | after: peak MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for c in "${cases[@]}"; do
  IFS='|' read -r label args n <<<"$c"
  : >"$work/a"; : >"$work/b"
  for _ in $(seq "$n"); do
    for side in a b; do
      bin=$([ $side = a ] && echo "$old" || echo "$new")
      # shellcheck disable=SC2086
      timed "$work/$side" "$bin" $args >/dev/null
    done
  done
  col() { awk "{print $2}" "$work/$1" | median; }
  printf '| %s | %s | %.3f | %.3f | %.3f | %.3f | %.0f | %.0f |\n' "$label" "$n" \
    "$(col a '$1')" "$(col b '$1')" "$(col a '$2+$3')" "$(col b '$2+$3')" "$(col a '$4/1024')" "$(col b '$4/1024')"
done
echo
echo "Load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores."
