//! CLI tests: the real binary on fixture folders under `tests/cmd/`, one
//! per exit code and per format.

mod common;
use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factcheck() -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR");
    cmd
}

fn json(args: &[&str]) -> (Value, i32) {
    let output = factcheck().args(args).output().expect("runs");
    let doc: Value =
        common::checked(serde_json::from_slice(&output.stdout).expect("valid JSON on stdout"));
    (doc, output.status.code().unwrap_or(-1))
}

fn claim<'a>(doc: &'a Value, text: &str) -> &'a Value {
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap())
        .find(|c| c["text"].as_str().unwrap().contains(text))
        .unwrap_or_else(|| panic!("no claim with {text:?} in {doc:#}"))
}

#[test]
fn consistent_article_exits_zero() {
    let (doc, code) = json(&[
        "verify",
        "tests/cmd/troops/right-it.md",
        "--refs",
        "tests/cmd/troops/claims",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(doc["schema"], "factcheck/v1");
    let troops = claim(&doc, "più di 10 mila soldati");
    assert_eq!(troops["verdict"], "consistent");
    assert_eq!(troops["qualifier"], "more_than");
    assert_eq!(troops["value"], 10000);
    assert_eq!(troops["low"], 10000);
    assert_eq!(troops["high"], Value::Null);
    assert_eq!(troops["fact"], "troops-sent");
    assert_eq!(troops["line"], 5);
    assert_eq!(troops["column"], 22);
    let killed = claim(&doc, "Circa 600");
    assert_eq!(killed["verdict"], "consistent");
    assert_eq!(killed["fact"], "soldiers-killed");
}

#[test]
fn json_spans_are_exact_byte_slices() {
    let path = "tests/cmd/troops/right-it.md";
    let (doc, _) = json(&["extract", path, "--format", "json"]);
    let text = std::fs::read_to_string(path).unwrap();
    for c in doc["files"][0]["claims"].as_array().unwrap() {
        let (start, end) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], c["text"].as_str().unwrap());
        assert!(c.get("verdict").is_none(), "extract has no verdicts: {c}");
    }
    assert!(
        doc["summary"].get("unverified").is_none(),
        "{:#}",
        doc["summary"]
    );
    assert_eq!(doc["summary"]["files"], 1);
}

#[test]
fn contradicted_article_exits_one() {
    let (doc, code) = json(&[
        "verify",
        "tests/cmd/troops/wrong-en.md",
        "--refs",
        "tests/cmd/troops/claims",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(claim(&doc, "more than 20,000")["verdict"], "contradicted");
    assert_eq!(doc["summary"]["contradicted"], 1);
}

#[test]
fn fail_on_never_exits_zero_and_fail_on_unverified_exits_one() {
    let base = [
        "verify",
        "tests/cmd/troops/wrong-en.md",
        "--refs",
        "tests/cmd/troops/claims",
    ];
    factcheck()
        .args(base)
        .args(["--fail-on", "never"])
        .assert()
        .code(0);
    // One consistent claim and one unverified one (a relative date
    // without a publication date): `unverified` fails, `disputed` passes.
    let unverified = [
        "verify",
        "tests/cmd/troops/no-date.txt",
        "--refs",
        "tests/cmd/troops/claims",
    ];
    factcheck()
        .args(unverified)
        .args(["--fail-on", "unverified"])
        .assert()
        .code(1);
    factcheck()
        .args(unverified)
        .args(["--fail-on", "disputed"])
        .assert()
        .code(0);
}

#[test]
fn table_output_names_location_fact_and_verdict() {
    factcheck()
        .args([
            "verify",
            "tests/cmd/troops/wrong-en.md",
            "--refs",
            "tests/cmd/troops/claims",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("more than 20,000"))
        .stdout(predicate::str::contains("troops-sent"))
        .stdout(predicate::str::contains("contradicted"))
        .stdout(predicate::str::contains("5:16"))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn extract_table_lists_claims() {
    factcheck()
        .args(["extract", "tests/cmd/troops/right-it.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("più di 10 mila soldati"))
        // The normalized value in the article's language.
        .stdout(predicate::str::contains("più di 10.000"));
}

#[test]
fn standard_input_is_read_with_dash() {
    factcheck()
        .args(["extract", "-", "--lang", "en", "--format", "json"])
        .write_stdin("About 600 soldiers were killed.")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"path\": \"<stdin>\""))
        .stdout(predicate::str::contains("\"value\": 600"));
}

#[test]
fn invalid_reference_file_exits_two_with_position() {
    factcheck()
        .args([
            "verify",
            "tests/cmd/troops/right-it.md",
            "--refs",
            "tests/cmd/bad-refs/claims",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.yaml:6:5"))
        .stderr(predicate::str::contains("unknown field `valeus`"));
}

#[test]
fn missing_article_exits_two() {
    factcheck()
        .args([
            "verify",
            "tests/cmd/troops/nope.md",
            "--refs",
            "tests/cmd/troops/claims",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.md"));
}

#[test]
fn usage_error_exits_two() {
    factcheck()
        .args(["verify", "--format", "yaml", "x.md"])
        .assert()
        .code(2);
    factcheck()
        .args(["verify", "x.md", "--date", "15/08/2025"])
        .assert()
        .code(2);
}

#[test]
fn missing_publication_date_warns_once_and_leaves_relative_dates_unresolved() {
    let output = factcheck()
        .args([
            "verify",
            "tests/cmd/troops/no-date.txt",
            "--refs",
            "tests/cmd/troops/claims",
        ])
        .args(["--lang", "en", "--format", "json"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("--date").count(), 1, "{stderr}");
    let doc: Value = common::checked(serde_json::from_slice(&output.stdout).expect("JSON"));
    let last_month = claim(&doc, "last month");
    assert_eq!(last_month["value"], Value::Null);
    assert_eq!(last_month["relative"], true);
    assert_eq!(last_month["verdict"], "unverified");
    // The same article with a date resolves it.
    let (doc, _) = json(&[
        "verify",
        "tests/cmd/troops/no-date.txt",
        "--refs",
        "tests/cmd/troops/claims",
        "--lang",
        "en",
        "--date",
        "2025-08-15",
        "--format",
        "json",
    ]);
    assert_eq!(claim(&doc, "last month")["value"], "2025-07");
}

#[test]
fn help_has_examples_and_version_prints() {
    factcheck()
        .args(["verify", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Examples:"));
    factcheck().arg("--version").assert().code(0);
    factcheck()
        .args(["completions", "bash"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("factcheck"));
}

#[test]
fn a_publication_date_may_name_only_its_month() {
    let article = "Ieri sono morte 12 persone; il mese scorso erano 40. Martedì alle 18 il governo ha parlato. Il 18 marzo i feriti erano 5.\n";
    for (args, front) in [
        (vec!["--date", "2025-04"], String::new()),
        (vec![], "---\ndate: 2025-04\n---\n".to_string()),
    ] {
        let out = factcheck()
            .args(["extract", "-", "--lang", "it", "--format", "json"])
            .args(&args)
            .write_stdin(format!("{front}{article}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(
                "2 relative dates left unresolved: the publication date names only its month"
            ),
            "{stderr}"
        );
        let doc: Value = common::checked(serde_json::from_slice(&out.stdout).unwrap());
        assert_eq!(doc["files"][0]["date"], "2025-04");
        // What needs the day is unresolved; what needs the month stands.
        assert_eq!(claim(&doc, "Ieri")["value"], Value::Null);
        assert_eq!(claim(&doc, "Martedì alle 18")["value"], Value::Null);
        assert_eq!(claim(&doc, "il mese scorso")["value"], "2025-03");
        assert_eq!(claim(&doc, "18 marzo")["value"], "2025-03-18");
    }
    factcheck()
        .args(["extract", "-", "--date", "2025-4"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "YYYY-MM when only the month is known",
        ));
}

#[test]
fn a_publication_datetime_on_the_command_line_keeps_its_time_and_offset() {
    let article = "Due ore fa il sindaco ha parlato. Il consiglio si riunisce alle 18.\n";
    for (args, front) in [
        (vec!["--date", "2025-03-10T08:30:00+01:00"], String::new()),
        // The flag wins over the front matter's day, time and offset.
        (
            vec!["--date", "2025-03-10T08:30:00+01:00"],
            "---\ndate: 2024-01-01T23:00:00-05:00\n---\n".to_string(),
        ),
    ] {
        let out = factcheck()
            .args(["extract", "-", "--lang", "it", "--format", "json"])
            .args(&args)
            .write_stdin(format!("{front}{article}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let doc: Value = common::checked(serde_json::from_slice(&out.stdout).unwrap());
        assert_eq!(
            claim(&doc, "Due ore fa")["value"],
            "2025-03-10T06:30:00+01:00"
        );
        assert_eq!(claim(&doc, "alle 18")["value"], "2025-03-10T18:00:00+01:00");
    }
    factcheck()
        .args(["extract", "-", "--date", "2025-03-10T8:30"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a datetime"));
}
