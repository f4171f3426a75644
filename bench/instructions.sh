#!/usr/bin/env bash
# Instructions executed by two factcheck binaries (and by the digit scan)
# on the same sample of each corpus, counted by valgrind's callgrind: a
# measure of work that the machine's load does not move (CPU time on a
# shared machine moves by a third between runs; this count does not move
# at all), for changes too small for bench/ab.sh to see.
#
#   bench/instructions.sh OLD NEW [FILES]
#
# FILES (default 300) articles of target/bench-news and of
# target/bench-dense (made by bench/throughput.sh --targets), `extract
# --format json` with one thread. Prints each count, new / old and each
# against `grep -oE '[0-9]+'` on the same files. Needs valgrind; about a
# minute. The profile of a run is left in target/instructions/ for
# `callgrind_annotate --inclusive=yes FILE`.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OLD NEW [FILES]" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2") files=${3:-300}
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is missing" >&2; exit 2; }
out=target/instructions
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# count NAME CHILDREN COMMAND...: instructions of the command, and of its
# children with CHILDREN=yes (the shell running grep).
count() {
  local name=$1 children=$2
  shift 2
  rm -f "$out/$name".*
  FACTCHECK_THREADS=1 valgrind --tool=callgrind --trace-children="$children" \
    --callgrind-out-file="$out/$name.%p" "$@" >/dev/null 2>&1 || true
  cat "$out/$name".* | awk '/^totals:/ {s += $2} END {print s}'
}

for corpus in target/bench-news target/bench-dense; do
  [ -d "$corpus/articles" ] || { echo "$corpus: missing (run bench/throughput.sh --targets once)" >&2; continue; }
  name=$(basename "$corpus")
  mkdir -p "$work/$name"
  find "$corpus/articles" -name '*.md' | sort >"$work/list"
  head -n "$files" "$work/list" | xargs cp -t "$work/$name"
  o=$(count "$name-old" no "$old" extract "$work/$name" --format json)
  n=$(count "$name-new" no "$new" extract "$work/$name" --format json)
  g=$(count "$name-grep" yes sh -c "grep -rhoE '[0-9]+' '$work/$name' > '$work/digits'")
  awk -v c="$name" -v f="$files" -v o="$o" -v n="$n" -v g="$g" 'BEGIN {
    printf "%s, %d files: old %.0f M, new %.0f M instructions (new/old %.3f); grep %.0f M: old %.2f×, new %.2f×\n", c, f, o / 1e6, n / 1e6, n / o, g / 1e6, o / g, n / g
  }'
done
