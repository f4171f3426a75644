#!/usr/bin/env python3
"""Generate a reference library for the loading benchmarks.

Usage: gen_refs.py OUT_DIR --facts 100000 [--files 10]

Writes OUT_DIR/refs-NN.yaml: FACTS facts over FILES files, each file with a
`sources:` header of keyed sources, facts of every kind (count, money,
percent, measure, date), match groups of two to four terms, tolerances,
ranges, `as_of` dates, a second source on a third of them: about 220 bytes of YAML a
fact, so 100,000 facts make about 22 MB, the library of issue 20.
The terms are synthetic words (`zorblat123`) beside common ones (`troops`,
`euro`), so few facts match a news article. Deterministic (seeded).
"""
import argparse
import os
import random

COMMON = ["soldat*", "troops", "euro", "marcia", "famiglie", "homes", "budget*", "ministr*"]
UNITS = ["km", "km2", "t", "ha"]


def source_header(out, rng, file_index, sources):
    out.write(f"topic: synthetic library, part {file_index}\nsources:\n")
    for s in range(sources):
        out.write(
            f"  src{s}:\n    name: Synthetic statistics office {file_index}-{s}\n"
            f"    url: https://stats.example.org/{file_index}/{s}\n"
            f"    aliases: [SSO{file_index}X{s}]\n"
        )
    out.write("facts:\n")


def fact(out, rng, i, sources):
    kind = ("count", "money", "percent", "measure", "date")[i % 5]
    out.write(f"  - id: fact-{i}\n    about: figure {i}\n    kind: {kind}\n")
    if kind == "money":
        out.write("    currency: EUR\n")
    if kind == "measure":
        out.write(f"    unit: {UNITS[i % len(UNITS)]}\n")
    common = ", ".join(rng.sample(COMMON, rng.randint(1, 3)))
    out.write(f"    match:\n      - [zorblat{i}, quen{i}*]\n      - [{common}]\n")
    if kind != "date" and i % 4 == 0:
        out.write("    tolerance: 5%\n")
    out.write("    values:\n")
    if kind == "date":
        figure = f"date: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
    elif kind == "percent":
        figure = f"value: {rng.randint(1, 900) / 10}"
    elif i % 7 == 0:
        low = rng.randint(1, 10**6)
        figure = f"range: [{low}, {low + rng.randint(1, 1000)}]"
    else:
        figure = f"value: {rng.randint(1, 10**7)}"
    # A third of the facts have a second source agreeing with the first.
    for v in range(1 + (i % 3 == 0)):
        out.write(f"      - {figure}\n        source: src{rng.randrange(sources)}\n")
        out.write(f"        as_of: 2024-{1 + v:02d}-15\n")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--facts", type=int, default=100000)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--sources", type=int, default=40)
    args = ap.parse_args()
    rng = random.Random(20)
    os.makedirs(args.out, exist_ok=True)
    per_file = -(-args.facts // args.files)
    for f in range(args.files):
        first, last = f * per_file, min(args.facts, (f + 1) * per_file)
        if first >= last:
            break
        path = os.path.join(args.out, f"refs-{f:02d}.yaml")
        with open(path, "w", encoding="utf-8") as out:
            source_header(out, rng, f, args.sources)
            for i in range(first, last):
                fact(out, rng, i, args.sources)


if __name__ == "__main__":
    main()
