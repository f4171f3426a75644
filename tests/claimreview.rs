//! `--format claimreview` on the real binary: the desk from
//! `factcheck.toml`, the URL from the front matter, `--fail-on` choosing
//! what is published.

use assert_cmd::Command;
use serde_json::Value;

fn article(dir: &std::path::Path, figure: &str) -> std::path::PathBuf {
    let path = dir.join("kursk.md");
    std::fs::write(
        &path,
        format!(
            "---\ndate: 2025-08-15\nlang: en\nurl: https://news.example/kursk\n---\n\
             Pyongyang sent {figure} soldiers to Russia. About 300 North Korean \
             soldiers were killed.\n"
        ),
    )
    .unwrap();
    path
}

fn run(dir: &std::path::Path, extra: &[&str]) -> (Value, i32) {
    let claims = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let output = Command::cargo_bin("factcheck")
        .unwrap()
        .current_dir(dir)
        .args(["verify", "kursk.md", "--format", "claimreview", "--refs"])
        .arg(&claims)
        .args(extra)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)));
    (json, output.status.code().unwrap_or(-1))
}

#[test]
fn alarms_are_published_with_the_desk_and_the_articles_url() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factcheck.toml"), "author = \"The Desk\"\n").unwrap();
    article(dir.path(), "20,000");
    let (reviews, code) = run(dir.path(), &["--fail-on", "outdated"]);
    assert_eq!(code, 1);
    let reviews = reviews.as_array().unwrap();
    // 20,000 sent is contradicted; 300 killed has since been replaced.
    let names: Vec<&str> = reviews
        .iter()
        .map(|r| r["reviewRating"]["alternateName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["False", "Outdated"], "{reviews:#?}");
    for review in reviews {
        assert_eq!(review["author"]["@type"], "Organization");
        assert_eq!(review["author"]["name"], "The Desk");
        assert_eq!(
            review["itemReviewed"]["appearance"]["url"],
            "https://news.example/kursk"
        );
    }
    // At the default level only the contradiction is published.
    let (reviews, _) = run(dir.path(), &[]);
    assert_eq!(reviews.as_array().unwrap().len(), 1);
}

#[test]
fn an_article_with_nothing_to_publish_gives_an_empty_array() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "11,000");
    let (reviews, code) = run(dir.path(), &["--fail-on", "contradicted"]);
    assert_eq!(reviews, Value::Array(Vec::new()));
    assert_eq!(code, 0);
}
