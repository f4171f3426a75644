//! The reference library, with divan: loading it, and re-checking a draft
//! in the language server once it is loaded.
//!
//! `cargo bench --bench refs`. The library is generated here the way
//! `bench/gen_refs.py` writes one (facts of every kind, keyed sources, two
//! to four terms a group, about 240 bytes a fact). `bench/refs.sh` measures
//! the same through the command line, with the targets of issue 20.
//!
//! - `load`: parsing and validating 10,000 and 100,000 facts, no cache.
//! - `load_cached`: the same sets read back from the compiled cache.
//! - `recheck_10kb_draft`: with 10,000 facts loaded into the language
//!   server's workspace, re-checking a 10 KB draft after an edit
//!   (parsing, extraction, matching, judging, diagnostics). Target: 5 ms
//!   at the median, on one core.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use divan::{Bencher, black_box, counter::BytesCount};
use factcheck::document::Origin;
use factcheck::lsp::{ClientOptions, Workspace};
use factcheck::refs;

fn main() {
    divan::main();
    println!(
        "issue 20's targets: recheck_10kb_draft at most 5 ms at the median on one core \
         (taskset -c 0); load_cached of 100,000 facts no slower than extracting as many \
         bytes of news and at most 100 MB (bench/refs.sh prints both ratios)"
    );
}

/// A library of `n` facts in `files` files, as `bench/gen_refs.py`
/// writes it.
fn library(n: usize, files: usize) -> Vec<String> {
    const COMMON: [&str; 8] = [
        "soldat*", "troops", "euro", "marcia", "famiglie", "homes", "budget*", "ministr*",
    ];
    const UNITS: [&str; 4] = ["km", "km2", "t", "ha"];
    let mut state: u64 = 20;
    let mut next = move |below: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % below
    };
    let per_file = n.div_ceil(files);
    let mut out = Vec::new();
    for f in 0..files {
        let mut yaml = format!("topic: synthetic library, part {f}\nsources:\n");
        for s in 0..40 {
            let _ = write!(
                yaml,
                "  src{s}:\n    name: Synthetic statistics office {f}-{s}\n    url: https://stats.example.org/{f}/{s}\n    aliases: [SSO{f}X{s}]\n"
            );
        }
        yaml.push_str("facts:\n");
        for i in f * per_file..((f + 1) * per_file).min(n) {
            let kind = ["count", "money", "percent", "measure", "date"][i % 5];
            let _ = write!(
                yaml,
                "  - id: fact-{i}\n    about: figure {i}\n    kind: {kind}\n"
            );
            if kind == "money" {
                yaml.push_str("    currency: EUR\n");
            }
            if kind == "measure" {
                let _ = writeln!(yaml, "    unit: {}", UNITS[i % 4]);
            }
            let common: Vec<&str> = (0..=next(3)).map(|_| COMMON[next(8) as usize]).collect();
            let _ = write!(
                yaml,
                "    match:\n      - [zorblat{i}, quen{i}*]\n      - [{}]\n",
                common.join(", ")
            );
            if kind != "date" && i % 4 == 0 {
                yaml.push_str("    tolerance: 5%\n");
            }
            yaml.push_str("    values:\n");
            let figure = match kind {
                "date" => format!("date: 2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                "percent" => format!("value: {}", (1 + next(900)) as f64 / 10.0),
                _ if i % 7 == 0 => {
                    let low = 1 + next(1_000_000);
                    format!("range: [{low}, {}]", low + 1 + next(1000))
                }
                _ => format!("value: {}", 1 + next(10_000_000)),
            };
            for v in 0..1 + usize::from(i % 3 == 0) {
                let _ = write!(
                    yaml,
                    "      - {figure}\n        source: src{}\n        as_of: 2024-{:02}-15\n",
                    next(40),
                    1 + v
                );
            }
        }
        out.push(yaml);
    }
    out
}

/// Writes `library(n, files)` under `dir`; the paths.
fn write_library(dir: &Path, n: usize, files: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("library directory");
    library(n, files)
        .into_iter()
        .enumerate()
        .map(|(f, yaml)| {
            let path = dir.join(format!("refs-{f:02}.yaml"));
            std::fs::write(&path, yaml).expect("library file");
            path
        })
        .collect()
}

fn bytes(paths: &[PathBuf]) -> usize {
    paths
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len() as usize))
        .sum()
}

#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn load(bencher: Bencher, facts: usize) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let paths = write_library(dir.path(), facts, 10);
    bencher.counter(BytesCount::new(bytes(&paths))).bench(|| {
        let checked = refs::check_paths(&paths).expect("paths");
        assert!(
            checked.problems.is_empty(),
            "{:?}",
            checked.problems.first()
        );
        black_box(checked.index)
    });
}

#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn load_cached(bencher: Bencher, facts: usize) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let paths = write_library(&dir.path().join("refs"), facts, 10);
    // SAFETY: set before any thread of this benchmark reads it.
    unsafe { std::env::set_var("FACTCHECK_CACHE", dir.path().join("cache")) };
    refs::load_paths(&paths).expect("a valid library");
    bencher
        .counter(BytesCount::new(bytes(&paths)))
        .bench(|| black_box(refs::load_paths(&paths).expect("a valid library")));
}

/// About 10 KB of draft made of the example articles, figures varied.
fn draft(round: u32) -> String {
    let bodies = [
        include_str!("../examples/kursk-it.md"),
        include_str!("../examples/kursk-en.md"),
    ]
    .map(|s| s.splitn(3, "---").nth(2).unwrap_or(s));
    let mut out = String::from("---\ndate: 2025-08-15\n---\n");
    let mut shift = round;
    while out.len() < 10_000 {
        for body in bodies {
            out.extend(body.chars().map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + shift) % 10, 10).unwrap_or(c),
                None => c,
            }));
            out.push('\n');
        }
        shift += 1;
    }
    out
}

#[divan::bench(sample_count = 200)]
fn recheck_10kb_draft(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temporary directory");
    write_library(&dir.path().join("claims"), 10_000, 1);
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/claims/dprk-kursk.yaml"),
        dir.path().join("claims/dprk-kursk.yaml"),
    )
    .expect("example facts");
    // SAFETY: set before any thread of this benchmark reads it.
    unsafe { std::env::set_var("FACTCHECK_CACHE", "off") };
    let workspace = Workspace::load(Some(dir.path()), &ClientOptions::default());
    assert!(workspace.problems.is_empty(), "{:?}", workspace.problems);
    assert!(workspace.index.facts.len() > 10_000);
    // Each re-check follows an edit: the figures change every time.
    let drafts: Vec<String> = (0..10).map(draft).collect();
    let mut edit = 0;
    bencher
        .counter(BytesCount::new(drafts[0].len()))
        .bench_local(|| {
            edit = (edit + 1) % drafts.len();
            let origin = Origin::File(dir.path().join("draft.md"));
            black_box(workspace.diagnose(origin, drafts[edit].clone(), true))
        });
}
