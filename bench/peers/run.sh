#!/usr/bin/env bash
# The peer comparison: the same model (bench/peers/README.md) in evacsim (gate_airlift.yaml, through
# the real CLI) and in SimPy (gate_airlift_simpy.py, Debian's python3-simpy), at scale 1 (40,000
# people) and 10 (400,000 people: rate, lanes and aircraft times ten). Medians of several runs of wall
# and CPU time; both models' answers side by side. Writes bench/results/peers.md.
#   bench/peers/run.sh [--quick] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
source bench/common.sh
bench_flags "bench/peers/run.sh [--quick] [--no-build]" "$@"
export LC_ALL=C
release_build evacsim
if ! /usr/bin/python3 -c 'import SimPy' 2>/dev/null; then
  echo "peers: SimPy missing (Debian package python3-simpy; scripts/install-deps.sh installs it)" >&2
  exit 1
fi
runs=$([ $quick = 1 ] && echo 1 || echo 5)
work=$(mktemp -d /tmp/evacsim-peers.XXXXXX)
trap 'rm -rf "$work"' EXIT

scales=(1 10)
[ $quick = 1 ] && scales=(1)
{
  echo "| model, scale | people | wall s (median of $runs) | CPU s (median) | evacuated | flights | mean gate wait h | events (evacsim: see docs/performance.md) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$work/table"
for k in "${scales[@]}"; do
  # Scale the evacsim scenario the way the SimPy model scales (people, rate, lanes, aircraft).
  sed -e "s/people: 40000/people: $((40000 * k))/" -e "s/rate_per_hour: 400,/rate_per_hour: $((400 * k)),/" \
      -e "s/lanes: 20, troops_per_lane: 0, civilian_lanes: 20/lanes: $((20 * k)), troops_per_lane: 0, civilian_lanes: $((20 * k))/" \
      -e "s/aircraft: 10,/aircraft: $((10 * k)),/" bench/peers/gate_airlift.yaml >"$work/model.yaml"
  : >"$work/e" ; : >"$work/p"
  for _ in $(seq $runs); do
    timed "$work/e" build/evacsim run "$work/model.yaml" --replications 1 --jobs 1 --out "$work/out" --quiet
    timed "$work/p" /usr/bin/python3 bench/peers/gate_airlift_simpy.py --scale "$k" >"$work/simpy.out"
  done
  build/replication_probe "$work/model.yaml" >"$work/probe"
  events="$(probe_values events "$work/probe") wake-ups + $(probe_values person_events "$work/probe") person events"
  IFS=, read -r _ _ ev_evacuated _ _ ev_flights _ _ _ _ ev_wait _ <<<"$(sed -n 2p "$work/out/summary.csv")"
  sp() { grep -o "$1=[^ ]*" "$work/simpy.out" | cut -d= -f2; }
  printf '| evacsim (C++/SimGrid, lazy flows), x%d | %d | %.3f | %.3f | %s | %s | %.4f | %s |\n' "$k" $((40000 * k)) \
    "$(awk '{print $1}' "$work/e" | median)" "$(awk '{print $2+$3}' "$work/e" | median)" \
    "$ev_evacuated" "$ev_flights" "$ev_wait" "$events" >>"$work/table"
  printf '| SimPy %s (Python %s, a process per person), x%d | %d | %.3f | %.3f | %s | %s | %.4f | %s |\n' \
    "$(/usr/bin/python3 -c 'import SimPy; print(SimPy.__version__)' 2>/dev/null || echo 2)" \
    "$(/usr/bin/python3 -c 'import platform; print(platform.python_version())')" "$k" $((40000 * k)) \
    "$(awk '{print $1}' "$work/p" | median)" "$(awk '{print $2+$3}' "$work/p" | median)" \
    "$(sp evacuated)" "$(sp flights)" "$(sp gate_wait_mean_h)" "$(sp events)" >>"$work/table"
done
mkdir -p bench/results
cp "$work/table" bench/results/peers.md
cat bench/results/peers.md
