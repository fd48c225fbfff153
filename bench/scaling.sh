#!/usr/bin/env bash
# The scaling study: wall time and peak memory of the real CLI against people (10^4..10^7), cities
# (10..1,000), aircraft (10..1,000), replications (1..1,000) and jobs (1..2). Writes
# bench/results/scaling.csv, bench/results/scaling.md and docs/img/scaling.png (gnuplot).
#   bench/scaling.sh            full study (medians of 3 runs per point, 1 run for points over 20 s;
#                               ~15 min on 2 cores)
#   bench/scaling.sh --quick    smaller ranges, one run per point (~1-2 min)
# Synthetic scenarios come from build/make_scenario; the replication and jobs series run kabul-2021.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

source bench/common.sh
bench_flags "bench/scaling.sh [--quick] [--no-build]" "$@"
export LC_ALL=C
release_build evacsim make_scenario
bin=$root/build
results=$root/bench/results
mkdir -p "$results" docs/img
work=$(mktemp -d /tmp/evacsim-scaling.XXXXXX)
trap 'rm -rf "$work"' EXIT

runs=$([ $quick = 1 ] && echo 1 || echo 3)

# point STUDY X SCENARIO ARGS...: one row of scaling.csv (median wall s, median peak RSS MB)
point() {
  local study=$1 x=$2 scenario=$3
  shift 3
  : >"$work/times"
  for _ in $(seq $runs); do
    timed "$work/times" "$bin/evacsim" run "$scenario" "$@" --out "$work/out" --quiet >/dev/null
    # Points that take more than 20 s are run once (a median of one), to keep the study under ~15 min.
    tail -1 "$work/times" | awk '{exit !($1 > 20)}' && break
  done
  local wall rss
  wall=$(awk '{print $1}' "$work/times" | median)
  rss=$(awk '{print $4/1024}' "$work/times" | median)
  echo "$study,$x,$wall,$rss" >>"$results/scaling.csv"
  echo "scaling: $study=$x: ${wall} s, ${rss} MB" >&2
}
synthetic() {  # file, make_scenario args
  local f=$1
  shift
  "$bin/make_scenario" "$@" >"$f"
}

echo "study,x,wall_s,peak_rss_mb" >"$results/scaling.csv"
echo "scaling: load average $(cut -d' ' -f1-3 /proc/loadavg), $runs run(s) per point" >&2

# People: 100 cities, 10 airports, 200 aircraft; only the number of evacuees changes.
people=(10000 100000 1000000 10000000)
[ $quick = 1 ] && people=(10000 100000 1000000)
for n in "${people[@]}"; do
  synthetic "$work/p.yaml" --cities 100 --airports 10 --people "$n" --aircraft 200 --hours 120
  point people "$n" "$work/p.yaml" --replications 1 --jobs 1
done

# Cities: 100,000 evacuees in total, one airport per 10 cities, 10 aircraft per airport.
cities=(10 30 100 300 1000)
[ $quick = 1 ] && cities=(10 100 1000)
for n in "${cities[@]}"; do
  a=$(( n / 10 > 0 ? n / 10 : 1 ))
  synthetic "$work/c.yaml" --cities "$n" --airports "$a" --people 100000 --aircraft $(( 10 * a )) --hours 120
  point cities "$n" "$work/c.yaml" --replications 1 --jobs 1
done

# Aircraft: 100 cities, 10 airports (parking 100 each, so aircraft fly rather than wait), 1 M evacuees.
aircraft=(10 30 100 300 1000)
[ $quick = 1 ] && aircraft=(10 100 1000)
for n in "${aircraft[@]}"; do
  synthetic "$work/f.yaml" --cities 100 --airports 10 --people 1000000 --aircraft "$n" --parking 100 --movements 200 --hours 120
  point aircraft "$n" "$work/f.yaml" --replications 1 --jobs 1
done

# Replications of kabul-2021 with --jobs 2, and jobs 1..2 for 100 replications.
reps=(1 10 100 1000)
[ $quick = 1 ] && reps=(1 10 100)
for n in "${reps[@]}"; do point replications "$n" scenarios/kabul-2021.yaml --replications "$n" --jobs 2; done
jobs_reps=$([ $quick = 1 ] && echo 20 || echo 100)
for j in 1 2; do point jobs "$j" scenarios/kabul-2021.yaml --replications $jobs_reps --jobs "$j"; done

# Table and plot.
awk -F, -v jr=$jobs_reps 'NR > 1 {
  label[$1] = $1
  rows[$1] = rows[$1] sprintf("| %s | %s | %.3f | %.0f |\n", $1 == "jobs" ? $1 " (" jr " replications)" : $1, $2, $3, $4)
} END {
  print "| series | x | wall s (median) | peak RSS MB |"
  print "|---|---:|---:|---:|"
  n = split("people cities aircraft replications jobs", order, " ")
  for (i = 1; i <= n; ++i) printf "%s", rows[order[i]]
}' "$results/scaling.csv" >"$results/scaling.md"
echo "
Load average at the end of the study (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; $runs run(s) per point." >>"$results/scaling.md"

gnuplot <<EOF
set terminal pngcairo size 1500,900 font "sans,10"
set output "docs/img/scaling.png"
set datafile separator ","
set multiplot layout 2,3 title "evacsim scaling ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); medians of $runs run(s))"
set logscale x
set logscale y
set grid
set key top left
set ylabel "wall time (s)"
set y2label "peak RSS (MB)"
set y2tics
set logscale y2
set style data linespoints
do for [s in "people cities aircraft replications"] {
  set title s
  set xlabel s
  plot "$results/scaling.csv" using (strcol(1) eq s ? \$2 : 1/0):3 axes x1y1 pt 7 lw 2 title "wall s", \
       "" using (strcol(1) eq s ? \$2 : 1/0):4 axes x1y2 pt 5 lw 2 dt 2 title "peak RSS MB"
}
unset logscale x
set xrange [0.5:2.5]
set xtics 1
set title "jobs ($jobs_reps replications of kabul-2021)"
set xlabel "--jobs"
plot "$results/scaling.csv" using (strcol(1) eq "jobs" ? \$2 : 1/0):3 axes x1y1 pt 7 lw 2 title "wall s", \
     "" using (strcol(1) eq "jobs" ? \$2 : 1/0):4 axes x1y2 pt 5 lw 2 dt 2 title "peak RSS MB"
unset multiplot
EOF
echo "scaling: bench/results/scaling.csv, bench/results/scaling.md, docs/img/scaling.png" >&2
