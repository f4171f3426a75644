#!/usr/bin/env bash
# Throughput and peak memory of `factcheck extract` and `factcheck verify`
# on generated corpora (bench/gen_corpus.py, from our own sentences) with a
# synthetic reference set of 10,000 facts.
#
#   bench/throughput.sh         100 MB in 10,000 files at news density (about
#                               7 claims per KB), then 100 MB with figures in
#                               every sentence (about 27 claims per KB, a
#                               stress case); a few minutes
#   bench/throughput.sh --big   also verify 1 GB in 10,000 files, peak memory
#   bench/throughput.sh --targets   only issue 20's figures, each beside its
#                               target: extract against the digit scan on
#                               both corpora, memory per byte, five
#                               languages' tables against two, then
#                               bench/refs.sh --lsp (loading 100,000 facts,
#                               10,000 facts against 8, the language
#                               server's re-check)
#
# FACTCHECK_BIN=path runs that binary instead of building one (the
# `profiling` build, say: the same code with symbols).
#
# Each corpus also prints `extract` against a bare digit scan (grep) in
# CPU time, with issue 20's target ratio (2× news, 3× dense), and the run
# ends with the peak memory per input byte of one 8 MB figure-dense
# article (target 10).
#
# `compare` (no reference file: clusters across the 10,000 articles) is
# measured beside `extract` on the same files; its budget is 3× extract.
#
# Single-core figures pin the process to one CPU with taskset and one worker
# thread (FACTCHECK_THREADS); the "all cores" lines use every CPU. Each line is the median of
# three runs after an untimed one.
set -euo pipefail
cd "$(dirname "$0")/.."
big=0 targets=0
[ "${1:-}" = "--big" ] && big=1
[ "${1:-}" = "--targets" ] && targets=1
if [ -n "${FACTCHECK_BIN:-}" ]; then
  bin=$(realpath "$FACTCHECK_BIN")
else
  cargo build --release -q
  bin=target/release/factcheck
fi

# ensure_corpus DIR MB DENSITY: generate DIR (MB megabytes in 10,000 files,
# 10,000 synthetic facts plus the example ones) unless a finished one with
# the same settings is there.
ensure_corpus() {
  local settings="mb=$2 density=$3"
  if [ "$(cat "$1/.done" 2>/dev/null)" != "$settings" ]; then
    rm -rf "$1"
    python3 bench/gen_corpus.py "$1" --mb "$2" --files 10000 --facts 10000 --density "$3"
    cp claims/*.yaml "$1/refs/"
    echo "$settings" > "$1/.done"
  fi
}

# measure LABEL CPUS THREADS COMMAND...: one untimed run (files into the
# page cache), then three timed runs; prints the median elapsed time, the
# median CPU time (user + system: what a shared machine disturbs least) and
# the largest peak memory. Sets LAST_CPU to the median CPU time.
LAST_CPU=0
measure() {
  local label=$1 cpus=$2 threads=$3
  shift 3
  FACTCHECK_THREADS=$threads taskset -c "$cpus" "$@" >/dev/null 2>&1 || true
  local stats runs=""
  stats=$(mktemp)
  for _ in 1 2 3; do
    FACTCHECK_THREADS=$threads /usr/bin/time -o "$stats" -f "%e %M %U %S" taskset -c "$cpus" "$@" >/dev/null 2>&1 || true
    runs="$runs$(tail -1 "$stats")
"
  done
  rm -f "$stats"
  local secs kb
  secs=$(printf '%s' "$runs" | awk '{print $1}' | sort -n | sed -n 2p)
  kb=$(printf '%s' "$runs" | awk '{print $2}' | sort -n | tail -1)
  LAST_CPU=$(printf '%s' "$runs" | awk '{printf "%.2f\n", $3 + $4}' | sort -n | sed -n 2p)
  awk -v l="$label" -v mb="$mb" -v s="$secs" -v kb="$kb" -v cpu="$LAST_CPU" \
    'BEGIN { printf "%-38s %6.1f MB in %6.2f s (CPU %6.2f s)  %7.1f MB/s  peak %6.1f MB\n", l, mb, s, cpu, mb / s, kb / 1024 }'
}

# against_grep CORPUS TARGET: `extract --format json` on one core against
# a bare digit scan (`grep -oE '[0-9]+'` over the same files, its matches
# written to a file: grep stops at the first match when writing to
# /dev/null), in CPU time; the target is a ratio (issue 20).
against_grep() {
  local corpus=$1 target=$2 extract_cpu
  measure "extract, 1 core" 0 1 "$bin" extract "$corpus/articles" --format json
  extract_cpu=$LAST_CPU
  measure "grep -oE '[0-9]+', 1 core" 0 1 sh -c "grep -rhoE '[0-9]+' '$corpus/articles' > '$corpus/.digits'"
  rm -f "$corpus/.digits"
  awk -v e="$extract_cpu" -v g="$LAST_CPU" -v t="$target" \
    'BEGIN { if (g < 0.01) g = 0.01; printf "%-38s %.1f× the digit scan (target %s×)\n", "extract / grep, CPU time", e / g, t }'
}

# per_byte: peak memory per input byte of one 8 MB figure-dense article
# (target: 10 bytes a byte, issue 20).
per_byte() {
  local dir=target/bench-dense8 file size kb stats
  [ -d "$dir" ] || python3 bench/gen_corpus.py "$dir" --mb 8 --files 1 --density 1 >/dev/null
  file=$(ls "$dir"/articles/*.md)
  size=$(stat -c %s "$file")
  stats=$(mktemp)
  for cmd in extract verify; do
    local args=("$cmd" "$file" --format json)
    [ "$cmd" = verify ] && args+=(--refs claims --fail-on never)
    /usr/bin/time -o "$stats" -f "%M" "$bin" "${args[@]}" >/dev/null 2>&1 || true
    kb=$(tail -1 "$stats")
    awk -v l="$cmd, one 8 MB dense article" -v kb="$kb" -v size="$size" \
      'BEGIN { printf "%-38s peak %6.1f MB: %5.1f bytes a byte (target 10)\n", l, kb / 1024, kb * 1024 / size }'
  done
  rm -f "$stats"
}

# languages: the tables a run compiles are those of the languages it
# reads (once per process), so five languages cost what two did unless an
# article is in one of the other three. CPU time of 20 runs of `extract`
# over one short article in each of two languages (it, en), then in each
# of five; the difference is the other three's tables, once a run.
languages() {
  local dir=target/bench-langs runs
  mkdir -p "$dir/two" "$dir/five"
  for lang in it en de fr es; do
    printf -- '---\ndate: 2025-01-10\nlang: %s\n---\n600 - 12,5 %% - 3 km\n' "$lang" > "$dir/five/$lang.md"
  done
  cp "$dir/five/it.md" "$dir/five/en.md" "$dir/two/"
  for set in two five; do
    runs=$( { /usr/bin/time -f "%U %S" sh -c "for i in \$(seq 20); do FACTCHECK_THREADS=1 taskset -c 0 '$bin' extract '$dir/$set' --format json >/dev/null; done" ; } 2>&1 | tail -1)
    awk -v s="$set" -v r="$runs" 'BEGIN { split(r, t, " "); printf "%-38s %5.1f ms of CPU a run\n", "extract, one article in each of " s " languages", (t[1] + t[2]) * 1000 / 20 }'
  done
  echo "five languages against two: the three more cost the line above minus the one before, once a run, and only when read (target: no cost per byte)"
}

all=$(seq -s, 0 $(( $(nproc) - 1 )))

# run_corpus DIR TARGET: extract (against grep, TARGET its ratio) and
# verify on one core, verify on all cores.
run_corpus() {
  local corpus=$1
  mb=$(du -sm --apparent-size "$corpus/articles" | cut -f1)
  echo "$corpus: $mb MB in $(ls "$corpus/articles" | wc -l) files; $(grep -c '^  - id:' "$corpus"/refs/*.yaml | awk -F: '{s+=$2} END {print s}') facts"
  against_grep "$corpus" "$2"
  measure "compare, 1 core"                0 1 "$bin" compare "$corpus/articles" --format json --fail-on never
  measure "compare, all cores"             "$all" "$(nproc)" "$bin" compare "$corpus/articles" --format json --fail-on never
  measure "verify 10,000 facts, 1 core"    0 1 "$bin" verify "$corpus/articles" --refs "$corpus/refs" --format json --fail-on never
  measure "verify 10,000 facts, all cores" "$all" "$(nproc)" "$bin" verify "$corpus/articles" --refs "$corpus/refs" --format json --fail-on never
}

if [ "$targets" = 1 ]; then
  for corpus in news:0.25:2 dense:1:3; do
    IFS=: read -r name density target <<<"$corpus"
    ensure_corpus "target/bench-$name" 100 "$density"
    mb=$(du -sm --apparent-size "target/bench-$name/articles" | cut -f1)
    echo "target/bench-$name: $mb MB"
    against_grep "target/bench-$name" "$target"
  done
  per_byte
  languages
  FACTCHECK_BIN="$bin" bench/refs.sh --lsp
  exit 0
fi

ensure_corpus target/bench-news 100 0.25
run_corpus target/bench-news 2
ensure_corpus target/bench-dense 100 1
run_corpus target/bench-dense 3
per_byte
languages

if [ "$big" = 1 ]; then
  bigdir=target/bench-1g
  ensure_corpus "$bigdir" 1024 0.25
  mb=$(du -sm --apparent-size "$bigdir/articles" | cut -f1)
  measure "verify 1 GB, 10,000 files, all cores" "$all" "$(nproc)" "$bin" verify "$bigdir/articles" --refs "$bigdir/refs" --format json --fail-on never
fi
