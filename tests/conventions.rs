//! Issue 18's conventions that linters' users expect, each on the real
//! binary in a directory built at test time: a closed pipe ends every
//! subcommand quietly, `--stdin-filename`, per-path `factcheck.toml`,
//! `--force-exclude`, `--no-ignore`, `--hidden`, the suppression
//! directives and their warnings, and `refs check --format`.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

const FACTS: &str = "topic: conventions fixture
facts:
  - id: troops-sent
    about: soldiers sent
    kind: count
    match:
      - [north korean*, pyongyang]
      - [soldiers, troops]
    values:
      - value: 11000
        source: \"Reuters | AP\"
        as_of: 2024-11-13
";

const WRONG: &str =
    "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent more than 20,000 soldiers to Russia.\n";

const RIGHT: &str =
    "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent about 11,000 soldiers to Russia.\n";

fn factcheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary builds");
    cmd.current_dir(dir);
    cmd.env("NO_COLOR", "1");
    cmd.env_remove("GITHUB_STEP_SUMMARY");
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// A directory with `claims/facts.yaml` and a `.git`, so no
/// `factcheck.toml` above it is read.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), "claims/facts.yaml", FACTS);
    dir
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &std::process::Output) -> Value {
    common::checked(serde_json::from_slice(&output.stdout).expect("JSON on stdout"))
}

/// The paths of the files a `--format json` run reported.
fn reported(output: &std::process::Output) -> Vec<String> {
    json(output)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

// ---- `… | head -1` ----

/// Runs `args` in `dir`, reads one line of its output and closes the pipe,
/// as `factcheck … | head -1` does: exit code and stderr.
fn head_1(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    loop {
        if out.read(&mut byte).unwrap_or(0) == 0 || byte[0] == b'\n' {
            break;
        }
    }
    drop(out);
    let output = child.wait_with_output().unwrap();
    (output.status.code(), stderr(&output))
}

#[test]
fn every_subcommand_and_format_ends_quietly_when_the_reader_stops() {
    let dir = fixture();
    // Far more output than a pipe holds (64 KiB), so the writer meets the
    // closed pipe whatever the format.
    for i in 0..400 {
        write(dir.path(), &format!("many/{i:03}.md"), WRONG);
    }
    let mut facts = String::from("facts:\n");
    for i in 0..1000 {
        facts.push_str(&format!(
            "  - id: fact-{i}\n    about: thing {i}\n    kind: count\n    match: [[thing{i}]]\n    values:\n      - {{value: 100, source: A, as_of: 2024-01-01}}\n      - {{value: 200, source: B, as_of: 2024-01-01}}\n"
        ));
    }
    write(dir.path(), "disagree/facts.yaml", &facts);
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in [
        "table",
        "concise",
        "json",
        "jsonl",
        "github",
        "sarif",
        "junit",
        "markdown",
        "html",
        "claimreview",
        "gitlab",
        "rdjson",
    ] {
        runs.push(vec![
            "verify",
            "many",
            "--format",
            format,
            "--fail-on",
            "never",
        ]);
    }
    for format in ["table", "json", "jsonl"] {
        runs.push(vec!["extract", "many", "--format", format]);
    }
    for format in ["table", "json", "markdown"] {
        runs.push(vec!["compare", "many", "--all", "--format", format]);
    }
    runs.push(vec!["refs", "list", "disagree"]);
    runs.push(vec!["refs", "list", "disagree", "--format", "json"]);
    runs.push(vec!["refs", "check", "disagree"]);
    for args in runs {
        let (code, err) = head_1(dir.path(), &args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}
