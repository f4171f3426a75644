//! The packaging runs what it says: the pre-commit hooks' command lines
//! and the GitHub Action's verify script, on the real binary; and the man
//! page renders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_factcheck"))
}

/// A `key: value` of the hook `id` in `.pre-commit-hooks.yaml`.
fn hook_field(id: &str, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    let mut in_hook = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("- id: ") {
            in_hook = rest.trim() == id;
        } else if in_hook && let Some(value) = line.trim().strip_prefix(&format!("{key}: ")) {
            return Some(value.trim().to_string());
        }
    }
    None
}

/// Runs a hook as pre-commit does: its entry, then the file names unless
/// `pass_filenames: false`.
fn run_hook(id: &str, dir: &Path, files: &[&str]) -> Output {
    let entry = hook_field(id, "entry").unwrap_or_else(|| panic!("no hook {id}"));
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("factcheck"));
    let mut command = Command::new(binary());
    command.args(words).current_dir(dir);
    if hook_field(id, "pass_filenames").as_deref() != Some("false") {
        command.args(files);
    }
    command.output().unwrap()
}

/// A folder with the example references and two articles.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).unwrap();
    std::fs::copy(
        repo().join("claims/dprk-kursk.yaml"),
        claims.join("kursk.yaml"),
    )
    .unwrap();
    let article = |figure: &str| {
        format!(
            "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent {figure} soldiers to Russia.\n"
        )
    };
    std::fs::write(dir.path().join("wrong.md"), article("20,000")).unwrap();
    std::fs::write(dir.path().join("right.md"), article("11,000")).unwrap();
    dir
}

#[test]
fn the_factcheck_hook_fails_on_a_wrong_figure_in_a_staged_article() {
    let dir = project();
    let files = hook_field("factcheck", "files").unwrap();
    let pattern = regex::Regex::new(&files).unwrap();
    assert!(pattern.is_match("news/draft.md") && !pattern.is_match("claims/kursk.yaml"));
    assert_eq!(
        run_hook("factcheck", dir.path(), &["right.md"])
            .status
            .code(),
        Some(0)
    );
    let wrong = run_hook("factcheck", dir.path(), &["right.md", "wrong.md"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stdout).contains("contradicted"));
    // The config's exclude applies to the files pre-commit names, and a
    // commit touching only excluded files passes.
    std::fs::write(
        dir.path().join("factcheck.toml"),
        "exclude = [\"wrong.md\"]\n",
    )
    .unwrap();
    let excluded = run_hook("factcheck", dir.path(), &["right.md", "wrong.md"]);
    assert_eq!(excluded.status.code(), Some(0), "{excluded:?}");
    let only = run_hook("factcheck", dir.path(), &["wrong.md"]);
    assert_eq!(only.status.code(), Some(0), "{only:?}");
}

#[test]
fn the_refs_hook_reads_the_whole_set() {
    let dir = project();
    let files = hook_field("factcheck-refs", "files").unwrap();
    let pattern = regex::Regex::new(&files).unwrap();
    assert!(pattern.is_match("claims/kursk.yaml") && pattern.is_match("claims/a.yml"));
    let ok = run_hook("factcheck-refs", dir.path(), &["claims/kursk.yaml"]);
    assert_eq!(ok.status.code(), Some(0), "{ok:?}");
    std::fs::write(dir.path().join("claims/bad.yaml"), "facts: [{id: x}]\n").unwrap();
    let bad = run_hook("factcheck-refs", dir.path(), &["claims/kursk.yaml"]);
    assert_eq!(bad.status.code(), Some(2));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&bad.stdout),
        String::from_utf8_lossy(&bad.stderr)
    );
    assert!(said.contains("bad.yaml"), "{said}");
}

/// The `run: |` script of the step with `id: verify` in `action.yml`.
fn action_script() -> String {
    let text = std::fs::read_to_string(repo().join("action.yml")).unwrap();
    let mut lines = text.lines().skip_while(|l| l.trim() != "id: verify");
    lines
        .by_ref()
        .find(|l| l.trim() == "run: |")
        .expect("the verify step has a script");
    lines
        .take_while(|l| l.is_empty() || l.starts_with("        "))
        .map(|l| l.get(8..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_action_annotates_and_writes_the_step_summary() {
    let dir = project();
    let summary = dir.path().join("summary.md");
    let bin_dir = binary().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin_dir).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let output = Command::new("bash")
        .arg("-c")
        .arg(action_script())
        .current_dir(dir.path())
        .env("PATH", path)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("INPUT_PATHS", "right.md wrong.md")
        .env("INPUT_REFS", "claims")
        .env("INPUT_FAIL_ON", "outdated")
        .env("INPUT_DIFF_BASE", "")
        .env("INPUT_ARGS", "--lang en")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(stdout.contains("::error file=wrong.md,line=5"), "{stdout}");
    let summary = std::fs::read_to_string(&summary).expect("a step summary");
    assert!(summary.contains("contradicted"), "{summary}");
}

#[test]
fn the_man_page_renders() {
    let output = Command::new(binary()).arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH factcheck 1"),
        "{page}"
    );
    assert!(page.contains("verify") && page.contains("lsp"));
}
