#!/usr/bin/env bash
# Two factcheck binaries timed against each other on the same corpora, in
# turns (old, new, old, new…), so that both see the same load: on a
# shared machine a "before" measured an hour earlier is not comparable,
# even in CPU time (a busy sibling core slows the caches the process
# shares with it).
#
#   bench/ab.sh OLD NEW [RUNS]
#
# For each corpus of bench/throughput.sh (target/bench-news and
# target/bench-dense, generated there) and the digit scan of each: the
# median CPU time (user + system) of RUNS runs (default 3) of
# `extract --format json` on one pinned core with one thread, after an
# untimed run of each, then new / old and each against grep.
# AB_CORPORA="target/bench-dense" times only the corpora named.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OLD NEW [RUNS]" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2") runs=${3:-3}
cd "$(dirname "$0")/.."

# cpu COMMAND...: user + system seconds of one run on core 0.
cpu() {
  local stats
  stats=$(mktemp)
  FACTCHECK_THREADS=1 /usr/bin/time -o "$stats" -f "%U %S" taskset -c 0 "$@" >/dev/null 2>&1 || true
  awk '{printf "%.2f\n", $1 + $2}' "$stats" | tail -1
  rm -f "$stats"
}

median() {
  sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

for corpus in ${AB_CORPORA:-target/bench-news target/bench-dense}; do
  [ -d "$corpus/articles" ] || { echo "$corpus: missing (run bench/throughput.sh --targets once)" >&2; continue; }
  cpu "$old" extract "$corpus/articles" --format json >/dev/null
  cpu "$new" extract "$corpus/articles" --format json >/dev/null
  o="" n="" g=""
  for _ in $(seq "$runs"); do
    o="$o$(cpu "$old" extract "$corpus/articles" --format json)
"
    n="$n$(cpu "$new" extract "$corpus/articles" --format json)
"
    g="$g$(cpu sh -c "grep -rhoE '[0-9]+' '$corpus/articles' > '$corpus/.digits'")
"
  done
  rm -f "$corpus/.digits"
  o=$(printf '%s' "$o" | median) n=$(printf '%s' "$n" | median) g=$(printf '%s' "$g" | median)
  awk -v c="$corpus" -v o="$o" -v n="$n" -v g="$g" 'BEGIN {
    if (g < 0.01) g = 0.01
    printf "%s: old %.2f s, new %.2f s of CPU (new/old %.2f); grep %.2f s: old %.1f×, new %.1f× the digit scan\n", c, o, n, n / o, g, o / g, n / g
  }'
done
