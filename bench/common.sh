# Shared by the benchmark scripts (sourced, never run): their common flags, the release build, medians
# and reading build/replication_probe's `key=value` lines.

# bench_flags USAGE ARGS...: sets quick (--quick) and build (0 with --no-build); anything else prints
# USAGE and exits 2. For scripts with only these two flags.
bench_flags() {
  local usage=$1 a
  shift
  quick=0 build=1
  for a in "$@"; do
    case "$a" in
      --quick) quick=1 ;;
      --no-build) build=0 ;;
      *) echo "usage: $usage" >&2; exit 2 ;;
    esac
  done
}

# release_build TARGET...: builds the targets with the release preset, unless build=0.
release_build() {
  [ "${build:-1}" = 1 ] || return 0
  cmake --preset release >/dev/null
  cmake --build --preset release --target "$@" >/dev/null
}

# median: the median of the numbers on stdin, one per line (NA when there are none).
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print "NA"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# probe_values KEY FILE: the values of KEY in replication_probe output lines (exactly KEY: `events`
# is not `person_events`), one per line.
probe_values() { grep -oE "(^| )$1=[^ ]*" "$2" | sed 's/^ //' | cut -d= -f2; }

# timed OUT CMD...: runs CMD and appends "wall_s user_s sys_s peak_rss_kb" to OUT. The wall time comes
# from bash's EPOCHREALTIME (microseconds): GNU time's %e moves in 10 ms steps, too coarse for runs of
# ~0.1 s. CPU and peak RSS (largest process of the tree) come from /usr/bin/time. Redirect CMD's output
# at the call; returns CMD's status.
timed() {
  local out=$1 t0 t1 status=0
  shift
  t0=${EPOCHREALTIME/,/.}
  /usr/bin/time -f "%U %S %M" -o "$out.time" "$@" || status=$?
  t1=${EPOCHREALTIME/,/.}
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", b - a}') $(tail -1 "$out.time")" >>"$out"
  return $status
}
