//! CLI tests of reference files: `refs check` (every validation error with
//! its position and exit code, hostile YAML, warnings), `refs list` in both
//! formats, and the verdicts that depend on the references (time, named
//! sources). Fixtures live under `tests/cmd/refs-*/`.

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

/// `refs check PATH`: its standard output and exit code.
fn check(path: &str) -> (String, i32) {
    let output = factcheck()
        .args(["refs", "check", path])
        .output()
        .expect("runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

fn assert_invalid(path: &str, expected: &[&str]) {
    let (stdout, code) = check(path);
    let lines: Vec<&str> = stdout.lines().collect();
    let (summary, problems) = lines.split_last().expect("a summary line");
    assert_eq!(problems, expected, "{stdout}");
    assert!(summary.ends_with(": invalid"), "{stdout}");
    assert_eq!(code, 2, "{stdout}");
}

#[test]
fn unknown_keys_are_all_reported_where_they_stand() {
    assert_invalid(
        "tests/cmd/refs-errors/unknown-key.yaml",
        &[
            "tests/cmd/refs-errors/unknown-key.yaml:3:5: error: facts[0]: unknown field `abut`, expected one of `id`, `about`, `kind`, `match`, `tolerance`, `currency`, `unit`, `values`",
            "tests/cmd/refs-errors/unknown-key.yaml:11:9: error: a value of `troops-sent`: unknown field `sauce`, expected one of `value`, `range`, `date`, `source`, `url`, `as_of`, `note`",
        ],
    );
}

#[test]
fn duplicate_ids_across_files_name_both_places() {
    let output = factcheck()
        .args([
            "refs",
            "check",
            "tests/cmd/refs-errors/duplicate-a.yaml",
            "tests/cmd/refs-errors/duplicate-b.yaml",
        ])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout,
        "tests/cmd/refs-errors/duplicate-b.yaml:3:9: error: duplicate fact id `troops-sent`; first defined at tests/cmd/refs-errors/duplicate-a.yaml:2:9\n\
         1 error in 2 files: invalid\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn unknown_source_key_lists_the_known_ones() {
    assert_invalid(
        "tests/cmd/refs-errors/unknown-source.yaml",
        &[
            "tests/cmd/refs-errors/unknown-source.yaml:10:17: error: unknown source key `nsi`; known keys: nis (write a source's full name to use it without a key)",
        ],
    );
}

#[test]
fn malformed_as_of_and_date_are_errors() {
    assert_invalid(
        "tests/cmd/refs-errors/bad-dates.yaml",
        &[
            "tests/cmd/refs-errors/bad-dates.yaml:8:16: error: malformed `as_of` `2024-11-31`: write YYYY-MM-DD (or YYYY-MM, YYYY, YYYY-Www, 199X)",
            "tests/cmd/refs-errors/bad-dates.yaml:13:15: error: malformed `date` `6 August 2024`: write YYYY-MM-DD (or YYYY-MM, YYYY, YYYY-Www, 199X)",
        ],
    );
}

#[test]
fn reversed_range_is_an_error() {
    assert_invalid(
        "tests/cmd/refs-errors/reversed-range.yaml",
        &[
            "tests/cmd/refs-errors/reversed-range.yaml:6:16: error: fact `troops-sent`: range [12000, 11000] has low > high; write [11000, 12000]",
        ],
    );
}

#[test]
fn money_without_currency_is_an_error() {
    assert_invalid(
        "tests/cmd/refs-errors/money-no-currency.yaml",
        &[
            "tests/cmd/refs-errors/money-no-currency.yaml:3:11: error: money fact `aid-package` needs `currency:` (an ISO 4217 code such as EUR)",
        ],
    );
}

#[test]
fn empty_match_group_is_an_error() {
    assert_invalid(
        "tests/cmd/refs-errors/empty-group.yaml",
        &[
            "tests/cmd/refs-errors/empty-group.yaml:6:9: error: fact `troops-sent`: empty `match` group; give it at least one term, or remove it",
        ],
    );
}

#[test]
fn a_value_of_the_wrong_kind_is_an_error() {
    assert_invalid(
        "tests/cmd/refs-errors/wrong-kind.yaml",
        &[
            "tests/cmd/refs-errors/wrong-kind.yaml:6:9: error: fact `troops-sent` is a count fact: write `value:` or `range:`, not `date:`",
            "tests/cmd/refs-errors/wrong-kind.yaml:12:9: error: fact `incursion-start` is a date fact: write `date: YYYY-MM-DD`, not `value:`",
        ],
    );
}

#[test]
fn one_run_reports_every_error_of_every_file() {
    let (stdout, code) = check("tests/cmd/refs-errors");
    assert_eq!(code, 2);
    // The files' own 10 errors, and `troops-sent` defined again in 8 files.
    let errors = stdout.lines().filter(|l| l.contains(": error: ")).count();
    assert_eq!(errors, 18, "{stdout}");
    let duplicates = stdout
        .lines()
        .filter(|l| l.contains("duplicate fact id"))
        .count();
    assert_eq!(duplicates, 8, "{stdout}");
    assert!(
        stdout.ends_with("18 errors in 9 files: invalid\n"),
        "{stdout}"
    );
}

#[test]
fn verify_refuses_invalid_references_with_every_error() {
    factcheck()
        .args([
            "verify",
            "-",
            "--refs",
            "tests/cmd/refs-errors",
            "--date",
            "2025-01-01",
        ])
        .write_stdin("11.000 soldati.")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid reference files: 18 errors",
        ))
        .stderr(predicate::str::contains(
            "wrong-kind.yaml:12:9: error: fact `incursion-start` is a date fact",
        ));
}

#[test]
fn alias_bomb_is_refused_by_its_node_budget() {
    let (stdout, code) = check("tests/cmd/refs-hostile/bomb.yaml");
    assert_eq!(
        stdout,
        "tests/cmd/refs-hostile/bomb.yaml:7:14: error: YAML aliases expand to more than 100000 nodes; refused as an alias bomb (write the values out)\n\
         1 error in 1 file: invalid\n"
    );
    assert_eq!(code, 2);
    // Refused before expanding: the budget counts nodes, not seconds.
}

#[test]
fn deep_nesting_and_huge_files_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = dir.path().join("deep.yaml");
    let text = format!("facts: {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
    std::fs::write(&deep, text).expect("write");
    factcheck()
        .args(["refs", "check"])
        .arg(&deep)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("deep.yaml:1:"))
        .stdout(predicate::str::contains(
            "error: nested deeper than 64 levels; a reference file needs five",
        ));
    let huge = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(65 * 1024 * 1024).expect("sparse file");
    factcheck()
        .args(["refs", "check"])
        .arg(&huge)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "huge.yaml: error: 68157440 bytes is over the 67108864-byte limit for reference files; split it into several files",
        ));
}

#[test]
fn thousands_separators_are_refused_with_the_figure_to_write() {
    assert_invalid(
        "tests/cmd/refs-hostile/thousands.yaml",
        &[
            "tests/cmd/refs-hostile/thousands.yaml:7:16: error: `value` `10.000` is written with a thousands separator and YAML reads it as 10; write 10000",
            "tests/cmd/refs-hostile/thousands.yaml:9:16: error: `value` `1.500.000` is written with a thousands separator and YAML does not read it as a number; write 1500000",
            "tests/cmd/refs-hostile/thousands.yaml:11:16: error: `range` `11,000` uses `,` as a thousands separator, which YAML reads as a new item; write 11000",
        ],
    );
}

#[test]
fn disagreeing_sources_and_twin_facts_are_warnings_with_exit_zero() {
    let (stdout, code) = check("tests/cmd/refs-warnings");
    assert_eq!(
        stdout,
        "tests/cmd/refs-warnings/disagree.yaml:11:9: warning: fact `troops-sent`: sources' current figures disagree (no tolerance: figures read as rounded): NIS 11,000 (2024-11-13), HUR 15,000 (2025-01-10); claims will be disputed at best\n\
         tests/cmd/refs-warnings/disagree.yaml:24:9: warning: facts `troops-sent` (tests/cmd/refs-warnings/disagree.yaml:11:9) and `troops-deployed` are both count facts with the same `match` groups: a claim would fit either; add a term that tells them apart\n\
         3 facts from 2 sources in 1 file: valid, 2 warnings\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn shipped_claims_are_valid() {
    let (stdout, code) = check("claims");
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains(": error: "), "{stdout}");
    assert!(stdout.ends_with("valid, 1 warning\n"), "{stdout}");
}

#[test]
fn list_table_shows_every_figure_with_its_date() {
    factcheck()
        .args(["refs", "list", "tests/cmd/refs-list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("│ troops-sent "))
        .stdout(predicate::str::contains(
            "┆ US and Ukrainian estimates ┆ 11,000–12,000     ┆ 2024-12-31 ┆ current  │",
        ))
        .stdout(predicate::str::contains(
            "┆ NIS                        ┆ 3,000             ┆ 2024-10-18 ┆ replaced │",
        ))
        .stdout(predicate::str::contains("1,500,000,000 EUR"))
        .stdout(predicate::str::contains("63.9%"))
        .stdout(predicate::str::contains("1,000 km2"))
        .stdout(predicate::str::ends_with("6 facts, 6 sources\n"));
}

#[test]
fn list_json_has_a_stable_schema() {
    let output = factcheck()
        .args(["refs", "list", "tests/cmd/refs-list", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let doc: Value = common::checked(serde_json::from_slice(&output.stdout).expect("JSON"));
    assert_eq!(doc["schema"], "factcheck-refs/v1");
    let facts = doc["facts"].as_array().expect("facts");
    let kinds: Vec<&str> = facts.iter().filter_map(|f| f["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        ["count", "money", "percent", "measure", "date", "time"]
    );
    let troops = &facts[0];
    assert_eq!(troops["id"], "troops-sent");
    assert_eq!(troops["path"], "tests/cmd/refs-list/facts.yaml");
    assert_eq!(
        (troops["line"].as_u64(), troops["column"].as_u64()),
        (Some(9), Some(9))
    );
    assert_eq!(troops["tolerance"], serde_json::json!({"relative": 0.05}));
    assert_eq!(
        troops["match"][0],
        serde_json::json!(["nordcorean*", "north korean*"])
    );
    assert_eq!(
        troops["values"][1],
        serde_json::json!({
            "source": "South Korea's National Intelligence Service",
            "source_key": "nis",
            "value": 11000, "low": 11000, "high": 11000, "date": null,
            "as_of": "2024-11-13", "url": "https://example.org/nis",
            "current": true, "line": 18, "column": 9
        })
    );
    assert_eq!(troops["values"][0]["current"], false);
    assert_eq!(troops["values"][2]["value"], Value::Null);
    assert_eq!(troops["values"][2]["high"], 12000);
    assert_eq!(facts[1]["currency"], "EUR");
    assert_eq!(facts[3]["unit"], "km2");
    assert_eq!(facts[4]["values"][0]["date"], "2024-08-06");
    assert_eq!(doc["sources"][0]["aliases"], serde_json::json!(["NIS"]));
}

/// The verdict and explanation of the one claim of an article.
fn verdict(article: &str, refs: &str, date: &str, lang: &str) -> (String, String) {
    let output = factcheck()
        .args([
            "verify", "-", "--refs", refs, "--date", date, "--lang", lang,
        ])
        .args(["--format", "json", "--fail-on", "never"])
        .write_stdin(article)
        .output()
        .expect("runs");
    let doc: Value = common::checked(serde_json::from_slice(&output.stdout).expect("JSON"));
    let claims = doc["files"][0]["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 1, "{doc:#}");
    (
        claims[0]["verdict"].as_str().unwrap_or("").to_string(),
        claims[0]["explanation"].as_str().unwrap_or("").to_string(),
    )
}

const KILLED: &str = "Circa 600 soldati nordcoreani sarebbero stati uccisi.";

#[test]
fn a_figure_replaced_before_publication_is_outdated() {
    let (verdict, explanation) = verdict(KILLED, "claims", "2025-10-01", "it");
    assert_eq!(verdict, "outdated");
    assert_eq!(
        explanation,
        "about 600 — NIS 2.000 (2025-09-04) ✗; earlier: NIS 300 (2025-01-13) ✗, NIS 600 (2025-04-30) ✓"
    );
}

#[test]
fn the_same_figure_before_the_update_is_consistent_and_later_ones_are_listed() {
    let (verdict, explanation) = verdict(KILLED, "claims", "2025-08-15", "it");
    assert_eq!(verdict, "consistent");
    assert_eq!(
        explanation,
        "about 600 — NIS 600 (2025-04-30) ✓; later figures (not judged): NIS 2.000 (2025-09-04)"
    );
}

const ATTRIBUTION: &str = "tests/cmd/refs-attribution/claims";

#[test]
fn a_claim_attributed_to_a_source_that_says_otherwise_is_misattributed() {
    let (v, explanation) = verdict(
        "Secondo l'intelligence sudcoreana, 15.000 soldati nordcoreani sono stati inviati in Russia.",
        ATTRIBUTION,
        "2025-01-15",
        "it",
    );
    assert_eq!(v, "misattributed");
    assert_eq!(
        explanation,
        "15.000 — NIS [named] 11.000 (2024-11-13) ✗, HUR 15.000 (2024-12-23) ✓"
    );
    let (v, _) = verdict(
        "According to Ukrainian intelligence, 11,000 North Korean troops were sent to Russia.",
        ATTRIBUTION,
        "2025-01-15",
        "en",
    );
    assert_eq!(v, "misattributed");
}

#[test]
fn a_named_source_that_agrees_makes_the_claim_consistent() {
    let (v, _) = verdict(
        "According to Seoul's spy agency, 11,000 North Korean troops were sent to Russia.",
        ATTRIBUTION,
        "2025-01-15",
        "en",
    );
    assert_eq!(v, "consistent");
    // Unattributed, the same figure is only disputed.
    let (v, _) = verdict(
        "Sarebbero 11.000 i soldati nordcoreani inviati in Russia.",
        ATTRIBUTION,
        "2025-01-15",
        "it",
    );
    assert_eq!(v, "disputed");
}
