//! Uncertain links through the command line: candidates in JSON, a note
//! in the table and Markdown, `--explain`, and no alarm on a tie.

use assert_cmd::Command;
use serde_json::Value;

const REFS: &str = "\
facts:
  - id: toll-agency
    kind: count
    match: [[flood*], [kill*]]
    values:
      - value: 40
        source: Flood Agency
  - id: toll-ministry
    kind: count
    match: [[flood*], [kill*]]
    values:
      - value: 90
        source: Interior Ministry
  - id: evacuated
    kind: count
    match: [[evacuat*]]
    values:
      - value: 1200
        source: Flood Agency
";

const ARTICLE: &str = "---\ndate: 2024-05-10\n---\nThe floods killed 300 people. About 1,200 people were evacuated.\n";

fn run(args: &[&str]) -> (String, i32) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("refs.yaml"), REFS).unwrap();
    std::fs::write(dir.path().join("a.md"), ARTICLE).unwrap();
    let out = Command::cargo_bin("factcheck")
        .unwrap()
        .current_dir(dir.path())
        .args(["verify", "a.md", "--refs", "refs.yaml", "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn a_tie_between_two_facts_is_unverified_with_both_as_candidates() {
    let (out, code) = run(&["--format", "json"]);
    assert_eq!(code, 0, "no alarm: {out}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let claims = doc["files"][0]["claims"].as_array().unwrap();
    let tie = claims.iter().find(|c| c["text"] == "300 people").unwrap();
    assert_eq!(tie["verdict"], "unverified");
    assert_eq!(tie["fact"], Value::Null);
    let ids: Vec<&str> = tie["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["fact"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["toll-agency", "toll-ministry"]);
    assert_eq!(tie["candidates"][0]["figures"], "Flood Agency 40");
    let why: Vec<&str> = tie["why"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(why, ["floods", "killed"]);
    // A certain link has no candidates, and its words in `why`.
    let evacuated = claims
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("1,200"))
        .unwrap();
    assert_eq!(evacuated["verdict"], "consistent");
    assert!(evacuated.get("candidates").is_none());
    assert_eq!(evacuated["why"][0], "evacuated");
}

#[test]
fn the_table_and_markdown_name_the_candidates() {
    let (table, _) = run(&["--color", "never"]);
    assert!(
        table.contains("possibly: toll-agency, Flood Agency 40"),
        "{table}"
    );
    assert!(
        table.contains("possibly: toll-ministry, Interior Ministry 90"),
        "{table}"
    );
    let (markdown, _) = run(&["--format", "markdown"]);
    assert!(
        markdown.contains("not judged (several facts fit equally)"),
        "{markdown}"
    );
    assert!(markdown.contains("possibly: toll-agency"), "{markdown}");
}

#[test]
fn explain_says_which_words_tied_a_claim_to_its_fact() {
    let (table, _) = run(&["--color", "never", "--explain"]);
    assert!(table.contains("tied by: «evacuated»"), "{table}");
    let (plain, _) = run(&["--color", "never"]);
    assert!(!plain.contains("tied by"), "{plain}");
}

#[test]
fn a_suppression_naming_an_unknown_fact_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("refs.yaml"), REFS).unwrap();
    let article = "---\ndate: 2024-05-10\n---\n<!-- factcheck-disable-next-line evacuatd -->\nAbout 1,200 people were evacuated.\n\n<!-- factcheck-disable-next-line evacuated -->\nAbout 1,200 people were evacuated.\n";
    std::fs::write(dir.path().join("a.md"), article).unwrap();
    let out = Command::cargo_bin("factcheck")
        .unwrap()
        .current_dir(dir.path())
        .args(["verify", "a.md", "--refs", "refs.yaml", "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("a.md:5: suppression names fact `evacuatd`"),
        "{stderr}"
    );
    assert!(!stderr.contains("`evacuated`"), "{stderr}");
}
