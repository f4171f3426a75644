#!/usr/bin/env bash
# Repeats issue 19's hostile cases against a release build and checks each
# against its bound: inputs intact after `--output` attempts, nothing read
# out of the tree, pathspec-magic file names reported, time growing
# linearly (2 MB costs at most 2.5 × 1 MB) and peak memory under 200 MB.
# Prints one line per figure with its bound; exits 1 when one fails.
#
#   bench/hostile.sh            everything (about five minutes on 2 cores;
#                               generates a 100 MB corpus under target/ once)
#   bench/hostile.sh --quick    without the 100 MB directory runs
#
# Times are CPU time (user + system, less disturbed by other processes on
# a shared machine than elapsed time), the best of five runs; ratios use at
# least 0.1 s per run (below that process start-up is most of it).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
quick=0
[ "${1:-}" = "--quick" ] && quick=1
cargo build --release -q || exit 2
bin=$root/target/release/factcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
RATIO_BOUND=2.5
PEAK_BOUND_MB=200

# check LABEL OK DETAIL: one line, and the verdict.
check() {
  if [ "$2" = 1 ]; then
    printf 'ok    %-58s %s\n' "$1" "$3"
  else
    printf 'FAIL  %-58s %s\n' "$1" "$3"
    failed=1
  fi
}

# timed OUTVAR_SECS OUTVAR_KB COMMAND...: best CPU time of five runs, largest peak.
timed() {
  local -n secs_out=$1 kb_out=$2
  shift 2
  local best="" peak=0 stats
  stats=$(mktemp)
  for _ in 1 2 3 4 5; do
    /usr/bin/time -o "$stats" -f "%U %S %M" "$@" >/dev/null 2>&1
    read -r user sys kb < <(tail -1 "$stats")
    s=$(awk -v u="$user" -v k="$sys" 'BEGIN { printf "%.2f", u + k }')
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  rm -f "$stats"
  secs_out=$best
  kb_out=$peak
}

# linear LABEL GENERATOR ARGS...: GENERATOR SIZE FILE writes an input of
# SIZE bytes; ARGS run on it (FILE stands for the input). Checks the
# 2 MB/1 MB time ratio and both peaks.
linear() {
  local label=$1 gen=$2
  shift 2
  local s1 k1 s2 k2 args=()
  "$gen" 1048576 "$work/in1"
  "$gen" 2097152 "$work/in2"
  args=("${@/FILE/$work/in1}")
  timed s1 k1 "$bin" "${args[@]}"
  args=("${@/FILE/$work/in2}")
  timed s2 k2 "$bin" "${args[@]}"
  local ratio ok
  ratio=$(awk -v a="$s1" -v b="$s2" 'BEGIN { if (a < 0.1) a = 0.1; if (b < 0.1) b = 0.1; printf "%.2f", b / a }')
  ok=$(awk -v r="$ratio" -v bound="$RATIO_BOUND" 'BEGIN { print (r <= bound) ? 1 : 0 }')
  check "$label: 2 MB / 1 MB CPU time" "$ok" "${s1} s, ${s2} s: ${ratio}× (bound ${RATIO_BOUND}×)"
  local peak_mb
  peak_mb=$(( (k1 > k2 ? k1 : k2) / 1024 ))
  check "$label: peak memory" "$(( peak_mb < PEAK_BOUND_MB ))" "${peak_mb} MB (bound ${PEAK_BOUND_MB} MB)"
}

# peak LABEL ARGS...: one run's peak memory against the bound.
peak() {
  local label=$1 s kb stats
  shift
  stats=$(mktemp)
  /usr/bin/time -o "$stats" -f "%e %M" "$bin" "$@" >/dev/null 2>&1
  read -r s kb < <(tail -1 "$stats")
  rm -f "$stats"
  check "$label: peak memory" "$(( kb / 1024 < PEAK_BOUND_MB ))" "$(( kb / 1024 )) MB in ${s} s (bound ${PEAK_BOUND_MB} MB)"
}

sha() { sha256sum "$@" | cut -d' ' -f1 | tr '\n' ' '; }

# ---- fixtures ----------------------------------------------------------
wrong=$'---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent more than 20,000 soldiers to Russia.\n'
fixture() { # DIR: an article, the shipped reference file, a config
  mkdir -p "$1/claims" "$1/sub"
  cp claims/*.yaml "$1/claims/"
  printf '%s' "$wrong" > "$1/a.md"
  printf '%s' "$wrong" > "$1/sub/b.md"
  printf 'refs = "claims"\n' > "$1/factcheck.toml"
}

# ---- no data loss -----------------------------------------------------
echo "== --output never destroys an input"
d=$work/out
fixture "$d"
ln "$d/a.md" "$d/hard.md"
before=$(sha "$d/a.md" "$d/sub/b.md" "$d"/claims/*.yaml "$d/factcheck.toml")
for attempt in "a.md a.md" "a.md sub/../a.md" ". sub/b.md" "a.md claims/dprk-kursk.yaml" "a.md factcheck.toml" "a.md hard.md"; do
  read -r input out <<<"$attempt"
  (cd "$d" && "$bin" verify "$input" --output "$out" >/dev/null 2>&1)
  code=$?
  check "verify $input --output $out refused" "$(( code == 2 ))" "exit $code (bound: 2)"
done
after=$(sha "$d/a.md" "$d/sub/b.md" "$d"/claims/*.yaml "$d/factcheck.toml")
check "inputs intact after the attempts" "$([ "$before" = "$after" ] && echo 1 || echo 0)" "sha256 unchanged"
(cd "$d" && "$bin" verify a.md --output /dev/null >/dev/null 2>&1)
check "--output /dev/null stays a device" "$([ -c /dev/null ] && echo 1 || echo 0)" "$(stat -c %F /dev/null)"
left=$(find "$d" -name '*.tmp' | wc -l)
check "no temporary file left" "$(( left == 0 ))" "$left .tmp files"

# ---- nothing followed out of the tree ----------------------------------
echo "== nothing followed out of the tree"
d=$work/tree
fixture "$d"
mkdir -p "$work/outside"
printf 'root: SECRETHASH\n' > "$work/outside/secret.yaml"
ln -s "$work/outside/secret.yaml" "$d/claims/x.yaml"
ln -s . "$d/claims/loop1"
ln -s . "$d/claims/loop2"
out=$(cd "$d" && timeout 20 "$bin" refs check claims 2>&1)
code=$?
check "refs check: a link out of claims/ is an error" "$(grep -q 'x.yaml: error: a symbolic link out of' <<<"$out" && echo 1 || echo 0)" "exit $code"
check "refs check: the target's content is not shown" "$(grep -q SECRETHASH <<<"$out" && echo 0 || echo 1)" "no SECRETHASH"
check "refs check: links to . end (walked once)" "$(( code != 124 ))" "exit $code (124 is the 20 s timeout)"
mkdir -p "$work/above/repo/.git" "$work/above/repo/claims"
cp claims/*.yaml "$work/above/repo/claims/"
printf '%s' "$wrong" > "$work/above/repo/a.md"
printf 'fail_on = "never"\nrefs = "nowhere"\n' > "$work/above/factcheck.toml"
(cd "$work/above/repo" && "$bin" verify a.md >/dev/null 2>&1)
code=$?
check "a factcheck.toml above the repository is ignored" "$(( code == 1 ))" "exit $code (bound: 1, the wrong figure fails)"

# ---- pathspec magic ----------------------------------------------------
echo "== --diff-base takes file names literally"
d=$work/git
fixture "$d"
rm -f "$d/factcheck.toml"
(
  cd "$d" || exit
  git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm base
  for name in ':(top)b.md' ':(icase)B.MD' ':!zz.md'; do printf '%s' "$wrong" > "$name"; done
) >/dev/null 2>&1
out=$(cd "$d" && "$bin" verify . --refs claims --diff-base HEAD --format json --no-config 2>/dev/null)
for name in ':(top)b.md' ':(icase)B.MD' ':!zz.md'; do
  n=$(python3 -c '
import json, sys
doc = json.load(sys.stdin)
print(sum(1 for f in doc["files"] if f["path"].endswith(sys.argv[1])
          and any(c["verdict"] == "contradicted" for c in f["claims"])))' "$name" <<<"$out")
  check "pathspec-magic name $name reported" "$(( n == 1 ))" "$n contradicted"
done

# ---- time linear, memory bounded ---------------------------------------
echo "== time linear in the input, peaks under ${PEAK_BOUND_MB} MB"
gen_millions() { python3 -c 'import sys; n = int(sys.argv[1]); open(sys.argv[2], "w").write(("1.000.000 " * (n // 10 + 1))[:n])' "$1" "$2.md"; mv "$2.md" "$2"; }
# Every tenth figure beside the terms of a fact of claims/ ("truppe
# nordcoreane": clauses worked out, claims tied), with no sentence end.
gen_terms() { python3 -c 'import sys; n = int(sys.argv[1]); u = "1.000.000 " * 9 + "1.000.000 truppe nordcoreane "; open(sys.argv[2], "w").write((u * (n // len(u) + 1))[:n])' "$1" "$2.md"; mv "$2.md" "$2"; }
gen_e() { python3 -c 'import sys; n = int(sys.argv[1]); open(sys.argv[2], "w").write(("e " * (n // 2 + 1))[:n])' "$1" "$2"; }
gen_nested() { python3 -c 'import sys; n = int(sys.argv[1]); open(sys.argv[2], "w").write("---\ndate: " + "[" * n + "\n---\nPyongyang sent more than 20,000 soldiers to Russia.\n")' "$1" "$2"; }
gen_sources() { python3 -c '
import sys
n, out = int(sys.argv[1]), sys.argv[2]
lines = ["sources:\n"]
size, i = 9, 0
while size < n:
    line = f"  s{i}: {{name: S{i}}}\n"
    lines.append(line); size += len(line); i += 1
lines.append("facts:\n  - id: x\n    kind: count\n    match:\n      - [word]\n    values:\n      - value: 1\n        source: s1\n")
open(out, "w").write("".join(lines))' "$1" "$2"; }
refs=(--refs "$root/claims")
linear "'1.000.000 ' × n, verify with facts" gen_millions verify FILE "${refs[@]}" --lang it --format json --fail-on never
linear "'1.000.000 ' with fact terms × n, verify" gen_terms verify FILE "${refs[@]}" --lang it --format json --fail-on never
linear "'e ' × n, verify with facts" gen_e verify FILE "${refs[@]}" --lang it --format json --fail-on never
linear "nested front matter '[' × n" gen_nested verify FILE "${refs[@]}" --format json --fail-on never
linear "sources map of n bytes, refs check" gen_sources refs check FILE

echo "== 8 MB articles in every format"
python3 bench/gen_corpus.py "$work/dense" --mb 8 --files 1 --density 1 >/dev/null
dense=$(ls "$work"/dense/articles/*.md)
gen_millions 8388608 "$work/millions8"
gen_terms 8388608 "$work/terms8"
formats=(json table html markdown junit sarif github concise jsonl)
for format in "${formats[@]}"; do
  peak "dense 8 MB, verify --format $format" verify "$dense" "${refs[@]}" --format "$format" --fail-on never --color never
done
for format in json table jsonl; do
  peak "dense 8 MB, extract --format $format" extract "$dense" --format "$format" --color never
done
for format in "${formats[@]}"; do
  peak "'1.000.000 ' × 8 MB, verify --format $format" verify "$work/millions8" "${refs[@]}" --lang it --format "$format" --fail-on never --color never
done
for format in json table jsonl; do
  peak "'1.000.000 ' × 8 MB, extract --format $format" extract "$work/millions8" --lang it --format "$format" --color never
done
# Every figure a candidate for the fact: runs of findings share one tie,
# and explanations are written as the report is.
for format in "${formats[@]}"; do
  peak "with fact terms × 8 MB, verify --format $format" verify "$work/terms8" "${refs[@]}" --lang it --format "$format" --fail-on never --color never
done

if [ "$quick" = 0 ]; then
  echo "== a 100 MB directory in every format"
  corpus=target/bench-news
  if [ "$(cat "$corpus/.done" 2>/dev/null)" != "mb=100 density=0.25" ]; then
    rm -rf "$corpus"
    python3 bench/gen_corpus.py "$corpus" --mb 100 --files 10000 --facts 10000 --density 0.25 >/dev/null
    cp claims/*.yaml "$corpus/refs/"
    echo "mb=100 density=0.25" > "$corpus/.done"
  fi
  for format in json table html markdown junit sarif github; do
    peak "100 MB, 10,000 files, verify --format $format" verify "$corpus/articles" --refs "$corpus/refs" --format "$format" --fail-on never --color never
  done
fi

if [ "$failed" = 0 ]; then echo "all within bounds"; else echo "some figures out of bounds"; fi
exit "$failed"
