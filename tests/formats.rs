//! The line- and issue-oriented formats on the real binary: `concise`
//! (quickfix lists), `jsonl` (streams), `gitlab` (Code Quality) and
//! `rdjson` (reviewdog). Each JSON one is validated against its schema;
//! the snapshots in `tests/snapshots` pin their bytes.

mod common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn factcheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary builds");
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// `verify` on the troops fixture in `format`: stdout and exit code.
fn troops(format: &str) -> (String, i32) {
    let out = factcheck(root())
        .args([
            "verify",
            "tests/cmd/troops",
            "--refs",
            "tests/cmd/troops/claims",
        ])
        .args(["--no-config", "--format", format])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn validator(path: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join(path)).expect("schema reads");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .build(&schema)
        .expect("schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{doc:#}");
}

/// An article whose wrong figure follows accented letters, with the
/// troops references: byte and character columns differ on its line.
fn accented() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).unwrap();
    std::fs::copy(
        root().join("tests/cmd/troops/claims/troops.yaml"),
        claims.join("troops.yaml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("città.md"),
        "---\ndate: 2025-08-15\nlang: it\n---\nPerciò già nel 2024 Pyongyang ha inviato più di 20 mila soldati in Russia.\n",
    )
    .unwrap();
    dir
}

#[test]
fn concise_lists_one_problem_per_line_as_quickfix_lists_read_it() {
    let (out, code) = troops("concise");
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    // path:line:col: verdict: message, as Vim's default errorformat reads it.
    let (location, rest) = lines[0].split_once(": ").unwrap();
    assert_eq!(location, "tests/cmd/troops/wrong-en.md:5:16");
    assert!(
        rest.starts_with("contradicted: \"more than 20,000 soldiers\" (troops-sent): "),
        "{rest}"
    );
    assert!(
        lines[1].starts_with("3 files, 7 claims, 1 contradicted"),
        "{out}"
    );
    // Consistent and unverified claims are not listed; --quiet drops the summary.
    let quiet = factcheck(root())
        .args([
            "verify",
            "tests/cmd/troops",
            "--refs",
            "tests/cmd/troops/claims",
        ])
        .args(["--no-config", "--format", "concise", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&quiet.stdout),
        format!("{}\n", lines[0])
    );
}

#[test]
fn concise_columns_count_characters_and_keep_each_finding_on_one_line() {
    let dir = accented();
    let out = factcheck(dir.path())
        .args(["verify", ".", "--format", "concise", "--quiet"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = "Perciò già nel 2024 Pyongyang ha inviato più di 20 mila soldati in Russia.";
    let column = line
        .find("più")
        .map(|b| line[..b].chars().count() + 1)
        .unwrap();
    assert!(
        text.starts_with(&format!("./città.md:5:{column}: contradicted: ")),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn jsonl_is_one_valid_claim_per_line() {
    let (out, code) = troops("jsonl");
    assert_eq!(code, 1);
    // `$defs/line` of the published schema, as the root.
    let text = std::fs::read_to_string(root().join("schema/factcheck-v1.json")).unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    schema["$ref"] = "#/$defs/line".into();
    for key in ["required", "properties", "additionalProperties", "type"] {
        schema.as_object_mut().unwrap().remove(key);
    }
    let line_schema = jsonschema::options().build(&schema).unwrap();
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    // As many lines as the JSON document has claims, in the same order.
    let (doc, _) = {
        let o = factcheck(root())
            .args([
                "verify",
                "tests/cmd/troops",
                "--refs",
                "tests/cmd/troops/claims",
            ])
            .args(["--no-config", "--format", "json"])
            .output()
            .unwrap();
        (
            common::checked(serde_json::from_slice::<Value>(&o.stdout).unwrap()),
            (),
        )
    };
    let claims: Vec<(&Value, &Value)> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap().iter().map(move |c| (f, c)))
        .collect();
    assert_eq!(lines.len(), claims.len());
    for (line, (file, claim)) in lines.iter().zip(&claims) {
        assert_valid(&line_schema, line);
        assert_eq!(&line["claim"], *claim);
        assert_eq!(line["path"], file["path"]);
        assert_eq!(line["date"], file["date"]);
    }
    // The schema does refuse: a line without its path.
    let mut broken = lines[0].clone();
    broken.as_object_mut().unwrap().remove("path");
    assert!(!line_schema.is_valid(&broken));
}

#[test]
fn extract_writes_jsonl_without_verdicts() {
    let out = factcheck(root())
        .args([
            "extract",
            "tests/cmd/troops/right-it.md",
            "--format",
            "jsonl",
            "--no-config",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(v["claim"].get("verdict").is_none(), "{v}");
    }
}

#[test]
fn gitlab_code_quality_is_valid_with_stable_unique_fingerprints() {
    let (out, code) = troops("gitlab");
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).expect("GitLab report is JSON");
    let validator = validator("tests/schema/gitlab-codequality.json");
    assert_valid(&validator, &report);
    let issues = report.as_array().unwrap();
    assert_eq!(issues.len(), 1, "{report:#}");
    let issue = &issues[0];
    assert_eq!(issue["check_name"], "factcheck/contradicted");
    assert_eq!(issue["severity"], "major");
    assert_eq!(issue["location"]["path"], "tests/cmd/troops/wrong-en.md");
    assert_eq!(issue["location"]["lines"]["begin"], 5);
    // Same run, same fingerprint.
    let (again, _) = troops("gitlab");
    assert_eq!(out, again);
    // Every issue its own fingerprint, the same claim twice included.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    std::fs::copy(
        root().join("tests/cmd/troops/claims/troops.yaml"),
        dir.path().join("claims/troops.yaml"),
    )
    .unwrap();
    let wrong = std::fs::read_to_string(root().join("tests/cmd/troops/wrong-en.md")).unwrap();
    std::fs::write(
        dir.path().join("twice.md"),
        format!("{wrong}\nPyongyang sent more than 20,000 soldiers to Russia.\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("other.md"), &wrong).unwrap();
    let many = factcheck(dir.path())
        .args(["verify", ".", "--format", "gitlab"])
        .output()
        .unwrap();
    let many: Value = serde_json::from_slice(&many.stdout).unwrap();
    assert_valid(&validator, &many);
    let prints: Vec<&str> = many
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    let distinct: std::collections::HashSet<&&str> = prints.iter().collect();
    assert!(prints.len() >= 3, "{many:#}");
    assert_eq!(distinct.len(), prints.len(), "{prints:?}");
    // The validator does check.
    let mut broken = report.clone();
    broken[0]["severity"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    // Nothing to report is an empty array, still valid.
    let clean = factcheck(root())
        .args([
            "verify",
            "tests/cmd/troops/right-it.md",
            "--refs",
            "tests/cmd/troops/claims",
        ])
        .args(["--no-config", "--format", "gitlab"])
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&clean.stdout), "[]\n");
}

#[test]
fn rdjson_is_valid_and_counts_columns_in_utf8_bytes() {
    let (out, code) = troops("rdjson");
    assert_eq!(code, 1);
    let validator = validator("tests/schema/rdjson.json");
    let report: Value = serde_json::from_str(&out).expect("rdjson is JSON");
    assert_valid(&validator, &report);
    assert_eq!(report["source"]["name"], "factcheck");
    let d = &report["diagnostics"][0];
    assert_eq!(d["severity"], "ERROR");
    assert_eq!(d["code"]["value"], "contradicted");

    let dir = accented();
    let out = factcheck(dir.path())
        .args(["verify", ".", "--format", "rdjson"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&validator, &report);
    let line = "Perciò già nel 2024 Pyongyang ha inviato più di 20 mila soldati in Russia.";
    let claim = "più di 20 mila soldati";
    let start = line.find(claim).unwrap();
    let range = &report["diagnostics"][0]["location"]["range"];
    assert_eq!(range["start"]["line"], 5);
    assert_eq!(range["start"]["column"], start + 1, "{range}");
    assert_eq!(range["end"]["column"], start + claim.len() + 1, "{range}");
    assert_eq!(report["diagnostics"][0]["location"]["path"], "città.md");
}
