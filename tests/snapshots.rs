//! Expected output, whole, for every format and subcommand: each case runs
//! the real binary from the repository root and compares its exit code,
//! standard output and standard error with `tests/snapshots/<case>.txt`.
//! A change in any byte fails here and shows in review as a diff of that
//! file. After a change you mean, rewrite the files with
//!
//!     FACTCHECK_BLESS=1 cargo test --test snapshots
//!
//! and read the diff before committing it. Every JSON document is also
//! validated against the schema it names (`schema/factcheck-v1.json`,
//! `schema/factcheck-refs-v1.json`, `schema/factcheck-refs-check-v1.json`,
//! `tests/schema/factcheck-compare-v1.json`).

mod common;

use std::path::Path;
use std::process::Command;

/// Name, arguments.
const CASES: &[(&str, &[&str])] = &[
    ("verify-table", &["verify", "examples", "--refs", "claims"]),
    (
        "verify-json",
        &["verify", "examples", "--refs", "claims", "--format", "json"],
    ),
    (
        "verify-github",
        &[
            "verify", "examples", "--refs", "claims", "--format", "github",
        ],
    ),
    (
        "verify-sarif",
        &[
            "verify", "examples", "--refs", "claims", "--format", "sarif",
        ],
    ),
    (
        "verify-junit",
        &[
            "verify", "examples", "--refs", "claims", "--format", "junit",
        ],
    ),
    (
        "verify-markdown",
        &[
            "verify", "examples", "--refs", "claims", "--format", "markdown",
        ],
    ),
    (
        "verify-html",
        &["verify", "examples", "--refs", "claims", "--format", "html"],
    ),
    (
        "verify-concise",
        &[
            "verify", "examples", "--refs", "claims", "--format", "concise",
        ],
    ),
    (
        "verify-jsonl",
        &[
            "verify", "examples", "--refs", "claims", "--format", "jsonl",
        ],
    ),
    (
        "verify-gitlab",
        &[
            "verify", "examples", "--refs", "claims", "--format", "gitlab",
        ],
    ),
    (
        "verify-rdjson",
        &[
            "verify", "examples", "--refs", "claims", "--format", "rdjson",
        ],
    ),
    // The explanation in the article's language in the formats an editor
    // reads, in English in those a program reads (one article, five
    // languages).
    (
        "verify-explain-markdown",
        &[
            "verify",
            "tests/cmd/explain",
            "--refs",
            "tests/cmd/explain/claims",
            "--format",
            "markdown",
        ],
    ),
    (
        "verify-explain-github",
        &[
            "verify",
            "tests/cmd/explain",
            "--refs",
            "tests/cmd/explain/claims",
            "--format",
            "github",
        ],
    ),
    (
        "verify-explain-json",
        &[
            "verify",
            "tests/cmd/explain/bridge-de.md",
            "--refs",
            "tests/cmd/explain/claims",
            "--format",
            "json",
        ],
    ),
    (
        "verify-quiet",
        &["verify", "examples", "--refs", "claims", "--quiet"],
    ),
    (
        "verify-troops-json",
        &[
            "verify",
            "tests/cmd/troops",
            "--refs",
            "tests/cmd/troops/claims",
            "--format",
            "json",
        ],
    ),
    (
        "verify-suppressed-json",
        &[
            "verify",
            "tests/cmd/ci-markdown",
            "--refs",
            "tests/cmd/ci-markdown/claims",
            "--format",
            "json",
        ],
    ),
    (
        "verify-exit-0",
        &[
            "verify",
            "tests/cmd/troops/right-it.md",
            "--refs",
            "tests/cmd/troops/claims",
        ],
    ),
    (
        "verify-exit-2-bad-refs",
        &["verify", "examples", "--refs", "tests/cmd/refs-errors"],
    ),
    (
        "verify-exit-2-usage",
        &["verify", "examples", "--format", "yaml"],
    ),
    ("extract-table", &["extract", "examples"]),
    ("extract-json", &["extract", "examples", "--format", "json"]),
    (
        "extract-jsonl",
        &["extract", "examples", "--format", "jsonl"],
    ),
    (
        "extract-stdin-json",
        &[
            "extract",
            "-",
            "--lang",
            "it",
            "--date",
            "2024-11-13",
            "--format",
            "json",
        ],
    ),
    ("refs-check", &["refs", "check", "claims"]),
    (
        "refs-check-errors",
        &["refs", "check", "tests/cmd/refs-errors"],
    ),
    (
        "refs-check-warnings",
        &["refs", "check", "tests/cmd/refs-warnings"],
    ),
    (
        "refs-check-errors-github",
        &[
            "refs",
            "check",
            "tests/cmd/refs-errors",
            "--format",
            "github",
        ],
    ),
    (
        "refs-check-warnings-json",
        &[
            "refs",
            "check",
            "tests/cmd/refs-warnings",
            "--format",
            "json",
        ],
    ),
    (
        "refs-check-warnings-sarif",
        &[
            "refs",
            "check",
            "tests/cmd/refs-warnings",
            "--format",
            "sarif",
        ],
    ),
    (
        "refs-list-disagree",
        &["refs", "list", "tests/cmd/refs-warnings"],
    ),
    ("refs-list-table", &["refs", "list", "tests/cmd/refs-list"]),
    (
        "refs-list-json",
        &["refs", "list", "tests/cmd/refs-list", "--format", "json"],
    ),
    (
        "verify-claimreview",
        &[
            "verify",
            "examples",
            "--refs",
            "claims",
            "--format",
            "claimreview",
        ],
    ),
    (
        "compare-table",
        &[
            "compare",
            "tests/cmd/compare/marocco-it.md",
            "tests/cmd/compare/morocco-en.md",
            "tests/cmd/compare/morocco-anniversary.md",
        ],
    ),
    (
        "compare-json",
        &[
            "compare",
            "tests/cmd/compare/marocco-it.md",
            "tests/cmd/compare/morocco-en.md",
            "--format",
            "json",
        ],
    ),
    (
        "compare-markdown",
        &[
            "compare",
            "tests/cmd/compare/maui-aug.md",
            "tests/cmd/compare/maui-dec.md",
            "--format",
            "markdown",
        ],
    ),
    (
        "compare-github",
        &[
            "compare",
            "tests/cmd/compare/maui-aug.md",
            "tests/cmd/compare/maui-dec.md",
            "--format",
            "github",
        ],
    ),
    (
        "compare-sarif",
        &[
            "compare",
            "tests/cmd/compare/maui-aug.md",
            "tests/cmd/compare/maui-dec.md",
            "--format",
            "sarif",
        ],
    ),
    (
        "compare-html",
        &[
            "compare",
            "tests/cmd/compare/marocco-it.md",
            "tests/cmd/compare/morocco-en.md",
            "--format",
            "html",
        ],
    ),
    (
        "refs-draft",
        &[
            "refs",
            "draft",
            "tests/cmd/compare/marocco-it.md",
            "--source",
            "Morocco's Interior Ministry",
        ],
    ),
    ("man", &["man"]),
    ("completions-bash", &["completions", "bash"]),
    ("help", &["--help"]),
    ("verify-help", &["verify", "--help"]),
    ("extract-help", &["extract", "--help"]),
    ("refs-help", &["refs", "--help"]),
];

fn run(args: &[&str]) -> (String, serde_json::Result<serde_json::Value>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factcheck"));
    cmd.current_dir(root)
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if args.first() == Some(&"verify") || args.first() == Some(&"extract") {
        cmd.arg("--no-config");
    }
    let mut child = cmd.spawn().expect("factcheck runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        let _ = stdin.write_all(
            "Pyongyang ha inviato più di 10 mila soldati in Russia il mese scorso.\n".as_bytes(),
        );
    }
    let out = child.wait_with_output().expect("factcheck ends");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_str(&stdout);
    (
        format!(
            "exit: {}\n--- stdout\n{stdout}--- stderr\n{stderr}",
            out.status.code().unwrap_or(-1)
        ),
        json,
    )
}

#[test]
fn every_format_and_subcommand_writes_its_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let bless = std::env::var_os("FACTCHECK_BLESS").is_some();
    let mut differ = Vec::new();
    for (name, args) in CASES {
        let (got, json) = run(args);
        if let Ok(doc) = &json {
            common::assert_valid_any(doc);
        }
        let path = dir.join(format!("{name}.txt"));
        if bless {
            std::fs::create_dir_all(&dir).expect("snapshot dir");
            std::fs::write(&path, &got).expect("snapshot writes");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .map_or(got.lines().count().min(want.lines().count()), |i| i);
            differ.push(format!(
                "{name} (factcheck {}): first difference at line {}\n  got:  {:?}\n  want: {:?}",
                args.join(" "),
                line + 1,
                got.lines().nth(line).unwrap_or("<end>"),
                want.lines().nth(line).unwrap_or("<end>"),
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "outputs differ from tests/snapshots (FACTCHECK_BLESS=1 rewrites them; review the diff):\n{}",
        differ.join("\n")
    );
}

#[test]
fn the_schema_refuses_what_is_not_v1() {
    let (_, json) = run(&["verify", "examples", "--refs", "claims", "--format", "json"]);
    let mut doc = json.expect("JSON");
    common::assert_valid_v1(&doc);
    doc["files"][0]["claims"][0]["verdict"] = "wrong".into();
    let refused = std::panic::catch_unwind(|| common::assert_valid_v1(&doc));
    assert!(refused.is_err());
}

#[test]
fn the_refs_list_schema_refuses_what_is_not_refs_v1() {
    let (_, json) = run(&["refs", "list", "tests/cmd/refs-list", "--format", "json"]);
    let mut doc = json.expect("JSON");
    common::assert_valid_any(&doc);
    doc["facts"][0]["kind"] = "weight".into();
    let refused = std::panic::catch_unwind(|| common::assert_valid_any(&doc));
    assert!(refused.is_err());
}
