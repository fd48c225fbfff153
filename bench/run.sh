#!/usr/bin/env bash
# Every benchmark of evacsim in one command: builds the release preset, times the real CLI (median of
# several runs; wall time to the microsecond, CPU and peak RSS of the largest process from
# /usr/bin/time), probes one replication in-process for its event rate, runs the Google Benchmark
# micro-benchmarks (SimGrid's bare sleep_for rate among them), then the scaling study (bench/scaling.sh)
# and the peer comparison (bench/peers/run.sh).
# Writes bench/results/*.md and splices the tables into docs/performance.md between its markers.
#   bench/run.sh            full mode (the figures in docs/performance.md; ~9 min on 2 cores)
#   bench/run.sh --quick    a sanity pass: fewer runs, smaller cases (~3 min)
# Options: --no-build, --skip-scaling, --skip-peers, --runs N (runs per CLI case; default 7, quick 3),
#          --splice-only (measure nothing: put the tables of bench/results/ into docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
results=$root/bench/results

quick=0 build=1 scaling=1 peers=1 runs="" splice_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --skip-scaling) scaling=0 ;;
    --skip-peers) peers=0 ;;
    --runs) runs=$2; shift ;;
    --splice-only) splice_only=1 ;;
    *) echo "usage: bench/run.sh [--quick] [--no-build] [--skip-scaling] [--skip-peers] [--runs N] [--splice-only]" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$runs" ] || runs=$([ $quick = 1 ] && echo 3 || echo 7)
export LC_ALL=C
source bench/common.sh

# --- splice into docs/performance.md ----------------------------------------------------------------------
splice() {  # marker file: replaces the lines between <!-- bench:NAME --> and <!-- /bench:NAME -->
  python3 - docs/performance.md "$1" "$2" <<'PY'
import re, sys
doc, name, path = sys.argv[1:4]
text = open(doc).read()
body = open(path).read().rstrip("\n")
pat = re.compile(r"(<!-- bench:%s -->\n).*?(<!-- /bench:%s -->)" % (re.escape(name), re.escape(name)), re.S)
if not pat.search(text):
    sys.exit(f"bench: no <!-- bench:{name} --> marker in {doc}")
text = pat.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
open(doc, "w").write(text)
PY
}
splice_all() {
  if [ -f docs/performance.md ]; then
    for part in machine cli events micro targets; do splice $part "$results/$part.md"; done
    if [ -f "$results/scaling.md" ]; then splice scaling "$results/scaling.md"; fi
    if [ -f "$results/peers.md" ]; then splice peers "$results/peers.md"; fi
  fi
}
if [ $splice_only = 1 ]; then
  splice_all
  exit 0
fi

release_build evacsim make_scenario replication_probe micro_bench
bin=$root/build
mkdir -p "$results"
work=$(mktemp -d /tmp/evacsim-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# --- helpers ------------------------------------------------------------------------------------------
load1() { cut -d' ' -f1 /proc/loadavg; }

# measure NAME RUNS CMD...: runs CMD RUNS times; prints "wall_median cpu_median rss_mb_median wall_min wall_max"
measure() {
  local name=$1 n=$2
  shift 2
  : >"$work/$name.times"
  for _ in $(seq "$n"); do
    timed "$work/$name.times" "$@" >/dev/null 2>"$work/$name.err" || {
      echo "bench: $name failed:" >&2
      cat "$work/$name.err" >&2
      exit 1
    }
  done
  local wall cpu rss lo hi
  wall=$(awk '{print $1}' "$work/$name.times" | median)
  cpu=$(awk '{print $2+$3}' "$work/$name.times" | median)
  rss=$(awk '{print $4/1024}' "$work/$name.times" | median)
  lo=$(awk '{print $1}' "$work/$name.times" | sort -g | head -1)
  hi=$(awk '{print $1}' "$work/$name.times" | sort -g | tail -1)
  echo "$wall $cpu $rss $lo $hi"
}

# --- machine --------------------------------------------------------------------------------------------
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem_gb=$(awk '/MemTotal/ {printf "%.1f", $2/1024/1024}' /proc/meminfo)
load_start=$(load1)
{
  echo "| machine | |"
  echo "|---|---|"
  echo "| date | $(date -u +%Y-%m-%dT%H:%MZ) |"
  echo "| cores (nproc) | $(nproc) |"
  echo "| CPU | $cpu_model |"
  echo "| memory | ${mem_gb} GB |"
  echo "| kernel | $(uname -r) |"
  echo "| compiler | $(g++ --version | head -1) |"
  echo "| SimGrid | $(pkg-config --modversion simgrid) |"
  echo "| evacsim | $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- sim bench || echo '+changes') |"
  echo "| mode | $([ $quick = 1 ] && echo quick || echo full), $runs runs per CLI case |"
} >"$results/machine.md"

# --- scenarios ------------------------------------------------------------------------------------------
kabul=scenarios/kabul-2021.yaml
"$bin/make_scenario" --cities 34 --people 150000 --aircraft 40 --parking 16 --hours 120 >"$work/syn-34.yaml"
if [ $quick = 1 ]; then big_people=1000000 reps_many=100; else big_people=10000000 reps_many=1000; fi
"$bin/make_scenario" --cities 1000 --airports 100 --people $big_people --aircraft 1000 --hours 120 >"$work/syn-big.yaml"

out_args=(--out "$work/out" --quiet)

# --- CLI cases ------------------------------------------------------------------------------------------
echo "bench: CLI cases ($runs runs each; load ${load_start})" >&2
declare -A M
M[k1]=$(measure k1 "$runs" "$bin/evacsim" run $kabul --replications 1 --jobs 1 "${out_args[@]}")
M[k10]=$(measure k10 "$runs" "$bin/evacsim" run $kabul --replications 10 --jobs 2 "${out_args[@]}")
many_runs=$([ $quick = 1 ] && echo 1 || echo 5)
M[kmany]=$(measure kmany $many_runs "$bin/evacsim" run $kabul --replications $reps_many --jobs 2 "${out_args[@]}")
M[s34]=$(measure s34 "$runs" "$bin/evacsim" run "$work/syn-34.yaml" --replications 1 --jobs 1 "${out_args[@]}")
big_runs=$([ $quick = 1 ] && echo 1 || echo 3)
M[big]=$(measure big $big_runs "$bin/evacsim" run "$work/syn-big.yaml" --replications 1 --jobs 1 "${out_args[@]}")
M[bare]=$(measure bare "$runs" "$bin/evacsim" --version)
# The runner's start-up alone: started as evacsim starts it, by a shell standing in for evacsim, with
# nothing on its standard input (it then has nothing to run and exits).
M[runner]=$(measure runner "$runs" sh -c '"$0" --from-evacsim $$ </dev/null; true' "$bin/evacsim-runner")
M[validate]=$(measure validate "$runs" "$bin/evacsim" validate $kabul)

row() {  # label key
  read -r wall cpu rss lo hi <<<"${M[$2]}"
  printf '| %s | %.3f | %.3f | %.3f–%.3f | %.0f |\n' "$1" "$wall" "$cpu" "$lo" "$hi" "$rss"
}
{
  echo "| CLI case (\`evacsim run ... --quiet\`) | wall s (median) | CPU s (median, all processes) | wall range | peak RSS MB (largest process) |"
  echo "|---|---:|---:|---:|---:|"
  row "\`evacsim --version\` (the command line's start-up: it does not link SimGrid)" bare
  row "\`evacsim-runner\` start-up alone (SimGrid and its ns-3 libraries; from a shell)" runner
  row "\`evacsim validate kabul-2021.yaml\` (start-up + YAML load and checks)" validate
  row "kabul-2021, --replications 1" k1
  row "kabul-2021, --replications 10 --jobs 2" k10
  row "kabul-2021, --replications $reps_many --jobs 2 ($many_runs runs)" kmany
  row "synthetic: 34 cities, 150,000 evacuees, 40 aircraft, 1 replication" s34
  row "synthetic: 1,000 cities, 100 airports, $(awk -v n=$big_people 'BEGIN {printf "%g M", n / 1e6}') evacuees, 1,000 aircraft ($big_runs runs)" big
} >"$results/cli.md"

# --- probe: events per second -----------------------------------------------------------------------------
probe() {  # name scenario -> median simulate_s, events, events/s, people, flights
  local name=$1 scenario=$2
  : >"$work/$name.probe"
  for _ in $(seq "$runs"); do "$bin/replication_probe" "$scenario" >>"$work/$name.probe"; done
  local get
  get() { probe_values "$1" "$work/$name.probe" | median; }
  echo "$(get load_s) $(get simulate_s) $(get format_s) $(get events) $(get events_per_s) $(get people) $(get flights) $(get actors) $(get person_events) $(get all_events_per_s)"
}
echo "bench: probes" >&2
P_k=$(probe kabul $kabul)
P_s=$(probe s34 "$work/syn-34.yaml")

# --- micro-benchmarks -----------------------------------------------------------------------------------
echo "bench: micro-benchmarks" >&2
reps=$([ $quick = 1 ] && echo 1 || echo 5)
min_time=$([ $quick = 1 ] && echo 0.05 || echo 0.3)
"$bin/micro_bench" --benchmark_format=json --benchmark_repetitions=$reps --benchmark_min_time=$min_time \
  --benchmark_report_aggregates_only=$([ $reps -gt 1 ] && echo true || echo false) >"$work/micro.json" 2>/dev/null
python3 - "$work/micro.json" >"$results/micro.md" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
rows = {}
for b in data["benchmarks"]:
    if b.get("aggregate_name", "median") != "median":
        continue
    name = b.get("run_name", b["name"]).replace("_median", "")
    rows[name] = b
print("| micro-benchmark | items per second (median) | ns per item | CPU time per iteration |")
print("|---|---:|---:|---:|")
for name, b in rows.items():
    ips = b.get("items_per_second", 0)
    unit = b.get("time_unit", "ns")
    print(f"| `{name}` | {ips/1e6:.2f} M/s | {1e9/ips if ips else float('nan'):.0f} | {b['cpu_time']:.3g} {unit} |")
PY
sleep_rate=$(python3 - "$work/micro.json" <<'PY'
import json, sys
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("run_name", b["name"]) == "BM_SimGridSleepFor/10" and b.get("aggregate_name", "median") == "median":
        print(b["items_per_second"])
        break
PY
)

# --- events per second against SimGrid ------------------------------------------------------------------
{
  echo "| replication (in-process probe, median of $runs) | load s | simulate s | format s | actors | actor wake-ups | wake-ups/s | person events | all events/s | SimGrid bare sleep_for/s (10 actors) | all events vs bare | evacuees |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for pair in "kabul-2021:$P_k" "synthetic 34 cities, 150,000:$P_s"; do
    label=${pair%%:*}
    read -r l s f ev eps ppl fl act pev aeps <<<"${pair#*:}"
    awk -v label="$label" -v l="$l" -v s="$s" -v f="$f" -v ev="$ev" -v eps="$eps" -v ppl="$ppl" -v act="$act" -v sr="$sleep_rate" \
      -v pev="$pev" -v aeps="$aeps" \
      'BEGIN {printf "| %s | %.3f | %.3f | %.4f | %d | %d | %.0f | %d | %.0f | %.0f | %s | %d |\n", label, l, s, f, act, ev, eps, pev, aeps, sr,
              (aeps >= sr) ? sprintf("%.1fx faster", aeps/sr) : sprintf("%.1fx slower", sr/aeps), ppl}'
  done
} >"$results/events.md"

# --- targets --------------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v lim="$2" 'BEGIN {print (v <= lim) ? "met" : "not met"}'; }
read -r k1_wall _ k1_rss _ _ <<<"${M[k1]}"
read -r many_wall _ _ _ _ <<<"${M[kmany]}"
read -r s34_wall _ s34_rss _ _ <<<"${M[s34]}"
read -r big_wall _ big_rss _ _ <<<"${M[big]}"
big_rss=$(printf '%.0f' "$big_rss")
s34_rss_r=$(printf '%.0f' "$s34_rss")
read -r _ _ _ _ k_eps _ _ _ _ k_aeps <<<"$P_k"
ratio=$(awk -v a="$sleep_rate" -v b="$k_eps" 'BEGIN {printf "%.1f", a/b}')
all_ratio=$(awk -v a="$sleep_rate" -v b="$k_aeps" 'BEGIN {printf "%.2f", a/b}')
all_speed=$(awk -v a="$sleep_rate" -v b="$k_aeps" 'BEGIN {printf "%.0f", b/a}')
{
  echo "| target (issue) | measured (median) | verdict |"
  echo "|---|---:|---|"
  echo "| kabul-2021, 1 replication ≤ 0.1 s wall (#6) | ${k1_wall} s | $(verdict "$k1_wall" 0.1) |"
  if [ $quick = 1 ]; then
    echo "| kabul-2021, 1,000 replications --jobs 2 ≤ 30 s (#6) | ${many_wall} s for $reps_many (quick mode) | (quick: not judged) |"
    echo "| 1,000 cities, 100 airports, 10 M evacuees < 30 s, < 500 MB (#6) | ${big_wall} s, ${big_rss} MB for $big_people (quick mode) | (quick: not judged) |"
  else
    echo "| kabul-2021, 1,000 replications --jobs 2 ≤ 30 s (#6) | ${many_wall} s | $(verdict "$many_wall" 30) |"
    echo "| 1,000 cities, 100 airports, 10 M evacuees < 30 s, < 500 MB (#6) | ${big_wall} s, ${big_rss} MB | $( [ "$(verdict "$big_wall" 30)" = met ] && [ "$(verdict "$big_rss" 500)" = met ] && echo met || echo "not met") |"
  fi
  echo "| 34 cities, 150,000 evacuees, ~500 flights: well under 0.2 s (#3) | ${s34_wall} s, ${s34_rss_r} MB | $(verdict "$s34_wall" 0.2) |"
  echo "| events/s within 2x of SimGrid's bare sleep_for rate (#6): every simulated event (people's and actors') | ${all_speed}x SimGrid's bare rate (kabul-2021) | $(verdict "$all_ratio" 2) |"
  echo "| the same, counting actor wake-ups only (each carries the flows' work) | SimGrid ${ratio}x faster per wake-up | $(verdict "$ratio" 2) |"
} >"$results/targets.md"
load_end=$(load1)
echo "| load average (1 min) | ${load_start} at start, ${load_end} at end of the CLI, probe and micro runs |" >>"$results/machine.md"

# --- scaling study and peers ----------------------------------------------------------------------------
if [ $scaling = 1 ]; then bench/scaling.sh $([ $quick = 1 ] && echo --quick) --no-build; fi
if [ $peers = 1 ]; then bench/peers/run.sh $([ $quick = 1 ] && echo --quick) --no-build; fi

# --- splice into docs/performance.md ---------------------------------------------------------------------
splice_all
echo "bench: tables in bench/results/ and docs/performance.md" >&2
cat "$results/targets.md"
