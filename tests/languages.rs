//! Every language end to end: an article that states the reference figure
//! is consistent, one that states another is contradicted, against one
//! reference file whose `match` groups mix the languages; and `auto`
//! detection picks the article's language.

use assert_cmd::Command;
use serde_json::Value;

fn verify(article: &str, lang: &str) -> (Value, i32) {
    let output = Command::cargo_bin("factcheck")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "verify",
            article,
            "--refs",
            "tests/cmd/languages/claims",
            "--lang",
            lang,
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let doc = serde_json::from_slice(&output.stdout).expect("valid JSON on stdout");
    (doc, output.status.code().unwrap_or(-1))
}

/// The verdict of the claim of the fact, and the file's language.
fn verdict(doc: &Value) -> (String, String) {
    let file = &doc["files"][0];
    let claim = file["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fact"] == "nordlicht-turbines")
        .unwrap_or_else(|| panic!("no claim of the fact in {doc:#}"));
    (
        claim["verdict"].as_str().unwrap().to_string(),
        file["lang"].as_str().unwrap().to_string(),
    )
}

fn check(code: &str) {
    for lang in [code, "auto"] {
        let (doc, exit) = verify(&format!("tests/cmd/languages/right-{code}.md"), lang);
        assert_eq!(exit, 0, "{doc:#}");
        assert_eq!(verdict(&doc), ("consistent".into(), code.into()));
        let (doc, exit) = verify(&format!("tests/cmd/languages/wrong-{code}.md"), lang);
        assert_eq!(exit, 1, "{doc:#}");
        assert_eq!(verdict(&doc), ("contradicted".into(), code.into()));
    }
}

#[test]
fn german_figures_are_verified() {
    check("de");
}

#[test]
fn spanish_figures_are_verified() {
    check("es");
}

#[test]
fn french_figures_are_verified() {
    check("fr");
}
