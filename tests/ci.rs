//! CI tests: the real binary on the fixture folders `tests/cmd/ci-*/`, one
//! per report format, plus directory walks, suppressions, the config file
//! and `--diff-base` in temporary directories (outside any git repository
//! unless the test makes one).

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use quick_xml::events::Event;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn factcheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary builds");
    cmd.current_dir(dir);
    for var in ["NO_COLOR", "GITHUB_STEP_SUMMARY", "CI"] {
        cmd.env_remove(var);
    }
    cmd
}

/// `verify tests/cmd/<case> --refs tests/cmd/<case>/claims --format <format>`
/// from the crate's root; returns stdout and the exit code.
fn verify_case(case: &str, format: &str) -> (String, i32) {
    let dir = format!("tests/cmd/{case}");
    let output = factcheck(&root())
        .args(["verify", &dir, "--refs", &format!("{dir}/claims")])
        .args(["--format", format, "--no-config"])
        .output()
        .expect("runs");
    (
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        output.status.code().unwrap_or(-1),
    )
}

// --- github -------------------------------------------------------------

#[test]
fn github_annotations_escape_messages_and_properties() {
    let (out, code) = verify_case("ci-github", "github");
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(lines.len(), 2, "{out}");
    // The path has a comma (a property: %2C); the title has a colon (%3A);
    // the claim spans a line break (%0A) and the second one has a `%`.
    let troops = lines[0];
    assert!(
        troops.starts_with(
            "::error file=tests/cmd/ci-github/news%2Creport.md,line=7,col=16,endLine=8,endColumn=15,title=factcheck%3A contradicted (troops-sent)::"
        ),
        "{troops}"
    );
    assert!(troops.contains("\"more than%0A20,000 soldiers\" is contradicted: more than 20,000"));
    let percent = lines[1];
    assert!(
        percent.contains("line=9,col=16,endLine=9,endColumn=18"),
        "{percent}"
    );
    assert!(
        percent.contains("::\"40%25\" is contradicted: 40%25 — "),
        "{percent}"
    );
    // In a message, `:` and `,` stay as they are.
    assert!(percent.contains("(2025-08-01)"), "{percent}");
    assert!(out.contains("factcheck: 1 file, 2 claims, 2 contradicted"));
}

#[test]
fn github_format_appends_markdown_to_the_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "previous step\n").unwrap();
    factcheck(&root())
        .args([
            "verify",
            "tests/cmd/ci-github",
            "--refs",
            "tests/cmd/ci-github/claims",
        ])
        .args(["--format", "github", "--no-config"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .assert()
        .code(1);
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("previous step\n## factcheck"), "{text}");
    assert!(
        text.contains("| 9:16 | 40% | ❌ contradicted | `referendum-turnout` |"),
        "{text}"
    );
}

// --- sarif --------------------------------------------------------------

#[test]
fn sarif_output_is_valid_against_the_oasis_schema() {
    let (out, code) = verify_case("ci-sarif", "sarif");
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    let schema_text = std::fs::read_to_string(root().join("tests/schema/sarif-schema-2.1.0.json"))
        .expect("schema shipped");
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does check: a level SARIF does not know is refused.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "factcheck");
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 6);
    for rule in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(rule[key]["text"].is_string(), "{rule}");
        }
    }
    let results = run["results"].as_array().unwrap();
    let summary: Vec<(&str, &str, bool)> = results
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap(),
                r["level"].as_str().unwrap(),
                r.get("suppressions").is_some(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("contradicted", "error", false),
            ("outdated", "warning", false),
            ("contradicted", "error", true),
        ]
    );
    let first = &results[0];
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/cmd/ci-sarif/wrong%20figures.md"
    );
    let region = &location["region"];
    assert_eq!(
        [
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ],
        [5, 16, 5, 41]
    );
    assert!(first["partialFingerprints"]["factcheckClaim/v1"].is_string());
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "contradicted"
    );
}

// --- junit --------------------------------------------------------------

#[derive(Debug, Default, PartialEq, Eq)]
struct JunitCounts {
    suites: usize,
    cases: usize,
    failures: usize,
    skipped: usize,
    root_tests: String,
    root_failures: String,
}

fn junit_counts(xml: &str) -> JunitCounts {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut counts = JunitCounts::default();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "testsuites" => {
                    for attr in e.attributes() {
                        let attr = attr.unwrap();
                        let value = attr.value.to_string();
                        match attr.key.as_ref() {
                            "tests" => counts.root_tests = value,
                            "failures" => counts.root_failures = value,
                            _ => {}
                        }
                    }
                }
                "testsuite" => counts.suites += 1,
                "testcase" => counts.cases += 1,
                "failure" => counts.failures += 1,
                "skipped" => counts.skipped += 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    counts
}

#[test]
fn junit_has_a_case_per_claim_and_failures_at_fail_on() {
    let (out, code) = verify_case("ci-junit", "junit");
    assert_eq!(code, 1);
    assert_eq!(
        junit_counts(&out),
        JunitCounts {
            suites: 2,
            cases: 4,
            failures: 1,
            skipped: 1,
            root_tests: "4".into(),
            root_failures: "1".into(),
        }
    );
    assert!(out.contains(
        "classname=\"tests/cmd/ci-junit/a-wrong.md\" name=\"5:16 more than 20,000 soldiers\""
    ));

    // --fail-on unverified fails the unverified `20 km` as well.
    let output = factcheck(&root())
        .args([
            "verify",
            "tests/cmd/ci-junit",
            "--refs",
            "tests/cmd/ci-junit/claims",
        ])
        .args([
            "--format",
            "junit",
            "--fail-on",
            "unverified",
            "--no-config",
        ])
        .output()
        .unwrap();
    let counts = junit_counts(&String::from_utf8(output.stdout).unwrap());
    assert_eq!((counts.failures, counts.skipped), (2, 1));
}

// --- markdown -----------------------------------------------------------

#[test]
fn markdown_lists_problems_with_escaped_cells() {
    let (out, code) = verify_case("ci-markdown", "markdown");
    assert_eq!(code, 1);
    assert!(
        out.starts_with("## factcheck\n\n2 files, 2 claims, 1 contradicted"),
        "{out}"
    );
    assert!(
        out.contains("### tests/cmd/ci-markdown/article.md\n"),
        "{out}"
    );
    assert!(
        !out.contains("clean.md"),
        "no section for a file without problems: {out}"
    );
    assert!(
        out.contains("| 5:16 | more than 20,000 soldiers | ❌ contradicted | `troops-sent` | more than 20,000 — Reuters \\| AP 11,000 (2024-11-13) ✗ |"),
        "{out}"
    );
}

// --- walks, suppressions, config ----------------------------------------

/// Copies `tests/cmd/ci-walk` to a temporary directory (outside any git
/// repository), naming its `dot-*` files `.*`.
fn walk_fixture() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().replace("dot-", ".");
            let target = to.join(name);
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&root().join("tests/cmd/ci-walk"), dir.path());
    dir
}

#[test]
fn walk_honours_ignore_files_config_and_suppressions() {
    let dir = walk_fixture();
    // The config picks markdown, the references and `fail_on = outdated`;
    // --format json overrides its format.
    let output = factcheck(dir.path())
        .args(["verify", "content", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = common::checked(serde_json::from_slice(&output.stdout).expect("JSON"));
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // Not drafts/ (.gitignore), old.md (.ignore), .hidden/ or skip-me.md
    // (the config's exclude).
    assert_eq!(paths, ["content/world/a.md"], "{doc:#}");
    assert_eq!(doc["files"][0]["lang"], "en");
    let claims = doc["files"][0]["claims"].as_array().unwrap();
    let suppressed: Vec<&str> = claims
        .iter()
        .filter(|c| c["suppressed"] == true)
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(suppressed, ["30,000 troops"]);
    assert_eq!(doc["summary"]["suppressed"], 1);
    assert_eq!(doc["summary"]["contradicted"], 0);
    assert_eq!(doc["summary"]["claims"], 3);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a suppressed finding does not fail"
    );

    // Without the config's format: Markdown, and the table's closing line
    // counts the suppressed finding.
    factcheck(dir.path())
        .args(["verify", "content"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("## factcheck"))
        .stdout(predicate::str::contains("1 suppressed"));
    factcheck(dir.path())
        .args(["verify", "content", "--format", "table"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("contradicted (suppressed)"))
        .stdout(predicate::str::contains("3 claims, 0 contradicted"))
        .stdout(predicate::str::contains(", 1 suppressed"));

    // A --glob including the excluded file, and one re-including drafts
    // (an override beats .gitignore): their contradictions fail the run.
    factcheck(dir.path())
        .args([
            "verify",
            "content",
            "--format",
            "table",
            "--glob",
            "world/skip-*.md",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("skip-me.md"));
    // --quiet lists only files with problems.
    factcheck(dir.path())
        .args(["verify", "content", "--format", "table", "--quiet"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("a.md").not())
        .stdout(predicate::str::contains("1 suppressed"));
}

#[test]
fn unknown_config_keys_are_errors_with_their_position() {
    let dir = walk_fixture();
    std::fs::write(
        dir.path().join("factcheck.toml"),
        "refs = [\"claims\"]\nfail_one = \"never\"\n",
    )
    .unwrap();
    factcheck(dir.path())
        .args(["verify", "content"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "factcheck.toml:2:1: unknown field `fail_one`",
        ));
    // --no-config skips it (./claims is the default): without its exclude,
    // skip-me.md is read and contradicts.
    factcheck(dir.path())
        .args(["verify", "content", "--no-config", "--format", "json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("skip-me.md"));
}

// --- diff-base ----------------------------------------------------------

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=factcheck",
            "-c",
            "user.email=ci@example.org",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn diff_base_keeps_only_changed_lines() {
    let dir = walk_fixture();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "base"]);
    let article = repo.join("content/world/a.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replace("troops at 11,000", "troops at 25,000"),
    )
    .unwrap();
    // Untracked files are new throughout.
    std::fs::write(
        repo.join("content/world/new.md"),
        "---\ndate: 2025-10-01\n---\nPyongyang sent about 11,000 soldiers.\n",
    )
    .unwrap();
    let output = factcheck(repo)
        .args([
            "verify",
            "content",
            "--format",
            "json",
            "--diff-base",
            "HEAD",
        ])
        .output()
        .unwrap();
    let doc: Value = common::checked(serde_json::from_slice(&output.stdout).expect("JSON"));
    let texts: Vec<(&str, &str)> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (f["path"].as_str().unwrap(), c["text"].as_str().unwrap()))
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("content/world/a.md", "25,000"),
            ("content/world/new.md", "about 11,000 soldiers"),
        ],
        "{doc:#}"
    );
    assert_eq!(output.status.code(), Some(1));

    factcheck(repo)
        .args(["verify", "content", "--diff-base", "no-such-rev"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown revision `no-such-rev`"));
}

#[test]
fn diff_base_outside_a_repository_is_a_usage_error() {
    let dir = walk_fixture();
    factcheck(dir.path())
        .args(["verify", "content", "--diff-base", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a git repository"));
}

#[test]
fn extract_refuses_verify_only_formats() {
    factcheck(&root())
        .args([
            "extract",
            "tests/cmd/ci-markdown/article.md",
            "--format",
            "sarif",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value 'sarif' for '--format <FORMAT>'\n  [possible values: table, json, jsonl]",
        ));
}

#[test]
fn output_file_is_written_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.sarif");
    factcheck(&root())
        .args([
            "verify",
            "tests/cmd/ci-sarif",
            "--refs",
            "tests/cmd/ci-sarif/claims",
        ])
        .args(["--format", "sarif", "--no-config", "--output"])
        .arg(&report)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 3);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report.sarif"]);
}
