#!/usr/bin/env bash
# Runs two factcheck binaries over every article we have and reports any
# difference in standard output, standard error or exit code: a change
# meant to leave the output alone (a memory or speed change) is checked
# with it.
#
#   bench/same_output.sh OLD NEW
#
# The inputs: every article of examples/, eval/, ../shared/eval/dev and
# tests/cmd/; their bodies one after another eight times (about 1.3 MB,
# several of the windows a long article is read in); an 8 MB figure-dense
# article (bench/gen_corpus.py); 256 KB of '1.000.000 ' (one paragraph),
# and 256 KB of it with a fact's terms beside every tenth figure (each
# figure a candidate for the fact).
# Each with `extract` and `verify --explain` (against its topic's
# refs.yaml, else claims/), in eight formats, and with `verify` in two
# (json, table). Prints the differing runs and a count; exits 1 when any
# differs.
set -uo pipefail
[ $# = 2 ] || { echo "usage: $0 OLD NEW" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/concat.md" <<'PY'
import glob, sys
files = sorted(glob.glob('examples/*.md') + glob.glob('eval/**/*.md', recursive=True)
               + glob.glob('../shared/eval/dev/*.md'))
out = ['---\ndate: 2025-01-15\nlang: it\n---\n# Raccolta di articoli\n\n']
for _ in range(8):
    for f in files:
        a = open(f).read()
        if a.startswith('---\n'):
            parts = a[4:].split('\n---\n', 1)
            a = parts[1] if len(parts) > 1 else a
        out.append(a + '\n\n')
open(sys.argv[1], 'w').write(''.join(out))
PY
python3 bench/gen_corpus.py "$work/dense" --mb 8 --files 1 --density 1 >/dev/null
python3 -c 'import sys; open(sys.argv[1], "w").write("1.000.000 " * 26214)' "$work/millions.md"
python3 -c 'import sys; u = "1.000.000 " * 9 + "1.000.000 truppe nordcoreane "; open(sys.argv[1], "w").write(u * 2203)' "$work/terms.md"
runs=0 differ=0
while IFS= read -r f; do
  d=$(dirname "$f") refs=claims
  [ -f "$d/refs.yaml" ] && refs=$d/refs.yaml
  [ -f "$d/../refs.yaml" ] && refs=$d/../refs.yaml
  for format in json table markdown html sarif junit concise jsonl; do
    # `verify` without --explain in the formats that write every
    # explanation (json) and in the terminal's (table).
    cmds=(extract verify-explain)
    case $format in json | table) cmds+=(verify) ;; esac
    for cmd in "${cmds[@]}"; do
      args=("${cmd%-explain}" "$f" --format "$format" --color never)
      [ "$cmd" != extract ] && args+=(--refs "$refs" --fail-on never)
      [ "$cmd" = verify-explain ] && args+=(--explain)
      case $f in "$work/millions.md" | "$work/terms.md") args+=(--lang it) ;; esac
      "$old" "${args[@]}" >"$work/a" 2>"$work/ae"; a=$?
      "$new" "${args[@]}" >"$work/b" 2>"$work/be"; b=$?
      runs=$((runs + 1))
      if ! cmp -s "$work/a" "$work/b" || ! cmp -s "$work/ae" "$work/be" || [ "$a" != "$b" ]; then
        differ=$((differ + 1))
        echo "differs: $cmd $f --format $format (exit $a, $b)"
      fi
    done
  done
done < <( (find examples eval ../shared/eval/dev tests/cmd -name '*.md' 2>/dev/null
           echo "$work/concat.md"; echo "$work/millions.md"; echo "$work/terms.md"; ls "$work"/dense/articles/*.md) | sort)
echo "$runs runs, $differ differing"
[ "$differ" = 0 ]
