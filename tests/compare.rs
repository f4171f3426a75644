//! `factcheck compare` and `factcheck refs draft` on the real binary, with
//! the articles of `tests/cmd/compare/` (written for these tests: the 2023
//! Morocco earthquake in Italian and English, the 2023 Maui wildfires
//! reported four months apart; the same briefing in German, French and
//! Spanish).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const DIR: &str = "tests/cmd/compare";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// Runs factcheck from the crate root: stdout, stderr and exit code.
fn run(args: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("factcheck runs");
    (
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
        output.status.code().unwrap_or(-1),
    )
}

fn compare_json(paths: &[&str]) -> (Value, i32) {
    let mut args = vec!["compare", "--format", "json"];
    args.extend(paths);
    let (out, err, code) = run(&args);
    assert!(code <= 1, "exit {code}: {err}");
    (serde_json::from_str(&out).expect("JSON"), code)
}

fn clusters(doc: &Value) -> &Vec<Value> {
    doc["clusters"].as_array().expect("clusters")
}

fn statuses(doc: &Value) -> Vec<&str> {
    clusters(doc)
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect()
}

/// A copy of the Italian article with the injured tripled (2.476 → 7.428).
fn tripled(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(root().join(fixture("marocco-it.md"))).unwrap();
    assert!(text.contains("I feriti sono 2.476"));
    let path = dir.join("marocco-tripled.md");
    std::fs::write(
        &path,
        text.replace("I feriti sono 2.476", "I feriti sono 7.428"),
    )
    .unwrap();
    path
}

#[test]
fn a_tripled_figure_is_the_one_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let copy = tripled(dir.path());
    let copy = copy.to_str().unwrap();
    let original = fixture("marocco-it.md");
    let (doc, code) = compare_json(&[&original, copy]);
    assert_eq!(code, 1, "a conflict fails the run");
    let conflicts: Vec<&Value> = clusters(&doc)
        .iter()
        .filter(|c| c["status"] == "conflict")
        .collect();
    assert_eq!(conflicts.len(), 1, "{doc:#}");
    let texts: Vec<&str> = conflicts[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["2.476", "7.428"]);
    assert!(
        statuses(&doc)
            .iter()
            .all(|s| *s == "conflict" || *s == "agree")
    );
    assert!(
        clusters(&doc).len() >= 5,
        "the other figures agree: {doc:#}"
    );
    // --fail-on never: reported, not failed.
    let (_, _, code) = run(&["compare", &original, copy, "--fail-on", "never"]);
    assert_eq!(code, 0);
    // A tolerance wide enough takes the conflict away.
    let (_, _, code) = run(&["compare", &original, copy, "--tolerance", "100%"]);
    assert_eq!(code, 0);
}

#[test]
fn an_italian_and_an_english_article_agree_across_languages() {
    let (doc, code) = compare_json(&[&fixture("marocco-it.md"), &fixture("morocco-en.md")]);
    assert_eq!(code, 0);
    assert!(statuses(&doc).iter().all(|s| *s == "agree"), "{doc:#}");
    let has = |about: &str, texts: [&str; 2]| {
        clusters(&doc).iter().any(|c| {
            let claims: Vec<&str> = c["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["text"].as_str().unwrap())
                .collect();
            c["about"].as_str().unwrap().starts_with(about)
                && texts.iter().all(|t| claims.contains(t))
        })
    };
    assert!(has("killed", ["2.497 morti", "2,497 people"]), "{doc:#}");
    assert!(has("wounded", ["2.476", "2,476"]), "{doc:#}");
    assert!(has("sent", ["56 soccorritori", "56 rescuers"]), "{doc:#}");
    assert!(
        has("length", ["circa 70 chilometri", "about 70 km"]),
        "{doc:#}"
    );
    // The sources the sentences name are reported.
    let sources: Vec<&str> = clusters(&doc)
        .iter()
        .flat_map(|c| c["claims"].as_array().unwrap())
        .filter_map(|c| c["source"].as_str())
        .collect();
    assert!(sources.contains(&"interior ministry"), "{sources:?}");
    assert!(
        sources.contains(&"ministero dell'Interno di Rabat"),
        "{sources:?}"
    );
}

#[test]
fn five_languages_share_their_clusters() {
    let files = [
        "marocco-it.md",
        "morocco-en.md",
        "marokko-de.md",
        "maroc-fr.md",
        "marruecos-es.md",
    ]
    .map(fixture);
    let paths: Vec<&str> = files.iter().map(String::as_str).collect();
    let (doc, code) = compare_json(&paths);
    assert_eq!(code, 0, "{doc:#}");
    assert!(statuses(&doc).iter().all(|s| *s == "agree"), "{doc:#}");
    // Each shared figure is one cluster holding all five articles (the
    // German, French and Spanish ones are written for this test).
    let files_of = |about: &str, value: f64| -> usize {
        let cluster = clusters(&doc)
            .iter()
            .find(|c| {
                c["about"].as_str().unwrap().starts_with(about)
                    && c["claims"][0]["value"].as_f64() == Some(value)
            })
            .unwrap_or_else(|| panic!("no {about} cluster of {value}: {doc:#}"));
        let mut files: Vec<&str> = cluster["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["path"].as_str().unwrap())
            .collect();
        files.sort_unstable();
        files.dedup();
        files.len()
    };
    assert_eq!(files_of("killed", 2497.0), 5);
    assert_eq!(files_of("wounded", 2476.0), 5);
    assert_eq!(files_of("sent", 56.0), 5);
}

#[test]
fn reports_months_apart_are_changed_never_a_conflict() {
    let (doc, code) = compare_json(&[&fixture("maui-dec.md"), &fixture("maui-aug.md")]);
    assert_eq!(code, 0);
    assert_eq!(statuses(&doc), ["changed"], "{doc:#}");
    // In date order, the earlier report first.
    let dates: Vec<&str> = clusters(&doc)[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // Within a window that covers both, the same figures conflict.
    let (_, _, code) = run(&[
        "compare",
        &fixture("maui-aug.md"),
        &fixture("maui-dec.md"),
        "--window",
        "20w",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn clusters_of_one_file_are_listed_with_all() {
    let (doc, _) = compare_json(&[&fixture("maui-aug.md")]);
    assert!(clusters(&doc).is_empty());
    let (out, _, code) = run(&[
        "compare",
        &fixture("maui-aug.md"),
        "--all",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert!(statuses(&doc).iter().all(|s| *s == "alone"));
    assert!(!clusters(&doc).is_empty());
}

#[test]
fn json_follows_its_schema_and_offsets_quote_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let copy = tripled(dir.path());
    let (doc, _) = compare_json(&[
        &fixture("marocco-it.md"),
        copy.to_str().unwrap(),
        &fixture("maui-aug.md"),
        &fixture("maui-dec.md"),
    ]);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schema/factcheck-compare-v1.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(doc["schema"], "factcheck-compare/v1");
    for claim in clusters(&doc)
        .iter()
        .flat_map(|c| c["claims"].as_array().unwrap())
    {
        let path = claim["path"].as_str().unwrap();
        let text = std::fs::read_to_string(root().join(path))
            .or_else(|_| std::fs::read_to_string(path))
            .unwrap();
        let (start, end) = (
            claim["start"].as_u64().unwrap() as usize,
            claim["end"].as_u64().unwrap() as usize,
        );
        let quoted: Vec<&str> = text[start..end].split_whitespace().collect();
        assert_eq!(quoted.join(" "), claim["text"].as_str().unwrap());
    }
}

#[test]
fn every_format_reports_the_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let copy = tripled(dir.path());
    let copy = copy.to_str().unwrap();
    let original = fixture("marocco-it.md");
    for format in ["table", "markdown", "github", "sarif", "html"] {
        let (out, err, code) = run(&["compare", &original, copy, "--format", format]);
        assert_eq!(code, 1, "{format}: {err}");
        assert!(out.contains("7.428"), "{format}: {out}");
    }
    let (out, _, _) = run(&["compare", &original, copy, "--format", "github"]);
    assert_eq!(out.lines().filter(|l| l.starts_with("::error ")).count(), 2);
    let (out, _, _) = run(&["compare", &original, copy, "--format", "sarif"]);
    let log: Value = serde_json::from_str(&out).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schema/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 1);
    let (_, err, code) = run(&["compare", &original, "--format", "junit"]);
    assert_eq!(code, 2);
    assert!(err.contains("junit"), "{err}");
}

// --- refs draft ------------------------------------------------------------

fn draft(paths: &[&str], extra: &[&str]) -> String {
    let mut args = vec!["refs", "draft"];
    args.extend(paths);
    args.extend(extra);
    let (out, err, code) = run(&args);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn a_draft_reads_back_passes_refs_check_and_raises_no_alarm() {
    let articles = [fixture("marocco-it.md"), fixture("morocco-en.md")];
    let articles: Vec<&str> = articles.iter().map(String::as_str).collect();
    let yaml = draft(&articles, &[]);
    // The structs that wrote it read it back.
    let file: factcheck::draft::RefFile = serde_yaml::from_str(&yaml).expect("reads back");
    assert!(file.facts.len() >= 4, "{yaml}");
    assert_eq!(factcheck::draft::to_yaml(&file).unwrap(), yaml);
    let killed = file
        .facts
        .iter()
        .find(|f| f.id == "killed-morocco")
        .expect("a fact for the toll");
    assert_eq!(killed.kind, "count");
    assert!(killed.groups[0].contains(&"uccis*".to_string()));
    assert!(killed.groups[0].contains(&"kill*".to_string()));
    assert!(
        killed
            .values
            .iter()
            .any(|v| v.source == "interior ministry" && v.note.ends_with("morocco-en.md:7"))
    );
    // A figure no one is credited with: the front matter's source, else
    // a placeholder with a comment.
    assert!(yaml.contains("source: Agenzia di stampa (redazione esteri)"));
    assert!(yaml.contains("source: SOURCE TO FILL IN  # TODO"), "{yaml}");
    // The project's own loader: refs check passes, verify raises no alarm.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quake.yaml");
    std::fs::write(&path, &yaml).unwrap();
    let path = path.to_str().unwrap();
    let (out, _, code) = run(&["refs", "check", path]);
    assert_eq!(code, 0, "{out}");
    assert!(factcheck::refs::parse_str("quake.yaml", &yaml).is_ok());
    let mut args = vec!["verify", "--refs", path, "--format", "json"];
    args.extend(&articles);
    let (out, err, code) = run(&args);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    for verdict in ["contradicted", "misattributed", "outdated"] {
        assert_eq!(report["summary"][verdict], 0, "{verdict}: {out}");
    }
    assert!(report["summary"]["consistent"].as_u64().unwrap() >= 6);
}

#[test]
fn source_flag_fills_what_the_sentence_does_not_say() {
    let yaml = draft(&[&fixture("morocco-en.md")], &["--source", "Reuters"]);
    assert!(!yaml.contains("SOURCE TO FILL IN"), "{yaml}");
    assert!(yaml.contains("source: Reuters"));
    assert!(
        yaml.contains("source: interior ministry"),
        "the sentence's source wins"
    );
}

const EXISTING: &str = "\
# Morocco earthquake, September 2023: reviewed by the desk.
topic: Morocco earthquake
sources:
  interior:
    name: Morocco's Interior Ministry
    aliases: [interior ministry, \"ministero dell'interno\"]
facts:
  - id: quake-killed        # the toll, as the ministry updates it
    kind: count
    match:
      - [morti, killed]
      - [marocc*, morocc*]
    values:
      - value: 2012
        source: interior
        as_of: 2023-09-09   # first evening briefing
# end of file
";

#[test]
fn into_adds_values_to_existing_facts_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quake.yaml");
    std::fs::write(&path, EXISTING).unwrap();
    let into = path.to_str().unwrap();
    let out = draft(&[&fixture("morocco-en.md")], &["--into", into]);
    assert!(out.contains("1 value added"), "{out}");
    let merged = std::fs::read_to_string(&path).unwrap();
    // Every line of the file is still there, in order.
    let mut rest = merged.as_str();
    for line in EXISTING.lines() {
        let at = rest
            .find(line)
            .unwrap_or_else(|| panic!("lost `{line}`:\n{merged}"));
        rest = &rest[at + line.len()..];
    }
    // The toll's new figure went under the existing fact, by its key.
    let new_value = "      - value: 2497\n        source: interior\n";
    let at = merged.find(new_value).expect(&merged);
    assert!(at < merged.find("# end of file").unwrap());
    assert!(at < merged.find("  - id: wounded").expect(&merged));
    let (out, _, code) = run(&["refs", "check", into]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn into_writes_nothing_it_cannot_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quake.yaml");
    let flow = EXISTING.replace(
        "      - value: 2012\n        source: interior\n        as_of: 2023-09-09   # first evening briefing\n",
        "      - {value: 2012, source: interior, as_of: 2023-09-09}\n",
    );
    std::fs::write(&path, &flow).unwrap();
    let (_, err, code) = run(&[
        "refs",
        "draft",
        &fixture("morocco-en.md"),
        "--into",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("left unchanged"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), flow);
    // An invalid file is refused as it is.
    std::fs::write(&path, "facts:\n  - id: x\n").unwrap();
    let (_, _, code) = run(&[
        "refs",
        "draft",
        &fixture("morocco-en.md"),
        "--into",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "facts:\n  - id: x\n"
    );
}

// --- HTML in a browser -----------------------------------------------------

/// The browser to use, or `None` (after saying why) to skip; as
/// `tests/html.rs`, `FACTCHECK_REQUIRE_CHROMIUM=1` makes a missing one fail.
fn chromium() -> Option<PathBuf> {
    let required = std::env::var("FACTCHECK_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1");
    let found = match std::env::var_os("FACTCHECK_CHROMIUM") {
        Some(path) => Some(PathBuf::from(path)),
        None => ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .find_map(|name| {
                std::env::split_paths(&std::env::var_os("PATH")?)
                    .map(|dir| dir.join(name))
                    .find(|p| p.is_file())
            }),
    };
    if found.is_none() {
        assert!(
            !required,
            "FACTCHECK_REQUIRE_CHROMIUM=1 but no chromium was found"
        );
        eprintln!("skipping: chromium is not installed");
    }
    found
}

#[test]
fn the_html_report_renders_every_cluster_in_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copy = tripled(dir.path());
    let copy = copy.to_str().unwrap();
    let original = fixture("marocco-it.md");
    let report = dir.path().join("compare.html");
    let (_, err, code) = run(&[
        "compare",
        &original,
        copy,
        "--format",
        "html",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    let (doc, _) = compare_json(&[&original, copy]);
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", report.display()))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8(output.stdout).expect("DOM is UTF-8");
    let section =
        regex::Regex::new(r#"<section class="cluster" id="(c\d+)" data-status="([a-z]+)">"#)
            .unwrap();
    let rendered: Vec<(String, String)> = section
        .captures_iter(&dom)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect();
    let expected: Vec<(String, String)> = clusters(&doc)
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(rendered, expected, "{dom}");
    let rows = dom.matches("<tr class=\"claim\">").count();
    let claims: usize = clusters(&doc)
        .iter()
        .map(|c| c["claims"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows, claims);
    assert!(
        dom.contains("data-status=\"conflict\"><span class=\"status\">✗ conflict</span> <b>1</b>"),
        "{dom}"
    );
    assert!(dom.contains("7.428"));
}
