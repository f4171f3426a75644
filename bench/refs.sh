#!/usr/bin/env bash
# The reference library's targets (issue 20), on one core:
#
#   - loading 100,000 facts (about 25 MB of YAML, bench/gen_refs.py): no
#     slower than `extract` on as many bytes of news text, and at most
#     100 MB at the peak; measured from the compiled cache (the default)
#     and, for the record, parsed with the cache off;
#   - `verify` on news text with 10,000 facts within 1.2x of 8 facts;
#   - with --lsp, the language server's re-check of a 10 KB draft with
#     10,000 facts loaded, at most 5 ms at the median (benches/refs.rs,
#     a second release build).
#
#   bench/refs.sh [--lsp]
#
# FACTCHECK_BIN=path measures that binary instead of building one.
#
# Times are CPU seconds (user + system), the median of five runs after an
# untimed one, pinned to one CPU with taskset and one worker thread; peak
# is the largest resident size of the five. The corpora are generated once
# under target/bench-refs.
set -euo pipefail
cd "$(dirname "$0")/.."
lsp=0
[ "${1:-}" = "--lsp" ] && lsp=1
if [ -n "${FACTCHECK_BIN:-}" ]; then
  bin=$(realpath "$FACTCHECK_BIN")
else
  cargo build --release -q
  bin=$PWD/target/release/factcheck
fi
work=$PWD/target/bench-refs
mkdir -p "$work"

if [ "$(cat "$work/.done" 2>/dev/null)" != "v1" ]; then
  rm -rf "${work:?}"/*
  python3 bench/gen_refs.py "$work/lib100k" --facts 100000 --files 10
  python3 bench/gen_refs.py "$work/lib10k" --facts 10000 --files 1
  python3 bench/gen_refs.py "$work/lib8" --facts 8 --files 1
  # News text of the library's size: 2,500 articles at news density.
  mb=$(du -sb "$work/lib100k" | awk '{printf "%.3f", $1 / 1048576}')
  python3 bench/gen_corpus.py "$work/news" --mb "$mb" --files 2500
  printf -- '---\ndate: 2025-01-10\nlang: en\n---\nOfficials said 600 troops were sent.\n' > "$work/one.md"
  echo v1 > "$work/.done"
fi

# measure LABEL COMMAND...: prints "cpu_seconds peak_mb" and a line.
measure() {
  local label=$1
  shift
  FACTCHECK_THREADS=1 taskset -c 0 "$@" >/dev/null 2>&1 || true
  local stats runs=""
  stats=$(mktemp)
  for _ in 1 2 3 4 5; do
    FACTCHECK_THREADS=1 /usr/bin/time -o "$stats" -f "%U %S %M" taskset -c 0 "$@" >/dev/null 2>&1 || true
    runs="$runs$(tail -1 "$stats")
"
  done
  rm -f "$stats"
  local cpu kb
  cpu=$(printf '%s' "$runs" | awk '{print $1 + $2}' | sort -n | sed -n 3p)
  kb=$(printf '%s' "$runs" | awk '{print $3}' | sort -n | tail -1)
  printf '%-44s cpu %6.2f s  peak %6.1f MB\n' "$label" "$cpu" "$(echo "$kb / 1024" | bc -l)" >&2
  echo "$cpu $(echo "$kb / 1024" | bc -l)"
}

bytes=$(du -sb "$work/lib100k" | awk '{print $1}')
news=$(du -sb "$work/news/articles" | awk '{print $1}')
echo "library: $bytes bytes of YAML, 100,000 facts; news: $news bytes" >&2
cache=$(mktemp -d)
extract=$(measure "extract, news of the library's size" "$bin" extract "$work/news/articles" --format json)
parsed=$(measure "load 100,000 facts, cache off" env FACTCHECK_CACHE=off "$bin" verify "$work/one.md" --refs "$work/lib100k" --format json)
cached=$(measure "load 100,000 facts, from the cache" env FACTCHECK_CACHE="$cache" "$bin" verify "$work/one.md" --refs "$work/lib100k" --format json)
eight=$(measure "verify news, 8 facts" env FACTCHECK_CACHE="$cache" "$bin" verify "$work/news/articles" --refs "$work/lib8" --format json --fail-on never)
tenk=$(measure "verify news, 10,000 facts" env FACTCHECK_CACHE="$cache" "$bin" verify "$work/news/articles" --refs "$work/lib10k" --format json --fail-on never)
rm -rf "$cache"

read -r ex_cpu _ <<<"$extract"
read -r pa_cpu pa_mb <<<"$parsed"
read -r ca_cpu ca_mb <<<"$cached"
read -r e8_cpu _ <<<"$eight"
read -r tk_cpu _ <<<"$tenk"
# Per byte: the news corpus and the library differ by a few per cent.
awk -v ex="$ex_cpu" -v nb="$news" -v lb="$bytes" -v pa="$pa_cpu" -v pm="$pa_mb" \
    -v ca="$ca_cpu" -v cm="$ca_mb" -v e8="$e8_cpu" -v tk="$tk_cpu" 'BEGIN {
  same = ex * lb / nb
  printf "load 100,000 facts from the cache: %.2fx extract on as many bytes (target <= 1), peak %.0f MB (target <= 100)\n", ca / same, cm
  printf "load 100,000 facts parsed (cache off): %.2fx extract, peak %.0f MB\n", pa / same, pm
  printf "verify with 10,000 facts: %.2fx of 8 facts (target <= 1.2)\n", tk / e8
}'

if [ "$lsp" = 1 ]; then
  cargo bench -q --bench refs --no-run
  FACTCHECK_THREADS=1 taskset -c 0 cargo bench -q --bench refs -- recheck_10kb_draft
fi
