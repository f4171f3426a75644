//! Issue 19: factcheck in CI on pull requests from people the desk does
//! not control. Each test is one hostile case, built in a temporary
//! directory at test time: no data lost, nothing followed out of the tree,
//! bad input refused with a message, and time linear in the input (checked
//! by a generous ratio of sizes, never by seconds).

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const FACTS: &str = "topic: hardening fixture
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

fn factcheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary builds");
    cmd.current_dir(dir);
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("GITHUB_STEP_SUMMARY");
    cmd.timeout(Duration::from_secs(120));
    cmd
}

/// A temporary directory with `claims/facts.yaml` and `a.md` (a wrong
/// figure).
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    write(dir.path(), "claims/facts.yaml", FACTS);
    write(dir.path(), "a.md", WRONG);
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

// ---- Data loss and corruption ----

#[test]
fn output_onto_an_article_is_refused_and_the_article_kept() {
    let dir = fixture();
    write(dir.path(), "content/b.md", WRONG);
    for (args, target) in [
        (vec!["verify", "a.md"], "a.md"),
        (vec!["verify", "content"], "content/b.md"),
        (vec!["verify", "a.md"], "claims/facts.yaml"),
        (vec!["verify", "a.md"], "./claims/../claims/facts.yaml"),
        (vec!["extract", "content"], "content/./b.md"),
    ] {
        let before = std::fs::read(dir.path().join(target)).unwrap();
        let extra: &[&str] = if args[0] == "extract" {
            &[]
        } else {
            &["--refs", "claims", "--format", "json"]
        };
        factcheck(dir.path())
            .args(&args)
            .args(extra)
            .args(["--no-config", "--output", target])
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("is also an input"));
        assert_eq!(
            std::fs::read(dir.path().join(target)).unwrap(),
            before,
            "{target}"
        );
    }
}

#[cfg(unix)]
#[test]
fn output_onto_a_hard_link_of_an_input_is_refused() {
    let dir = fixture();
    std::fs::hard_link(dir.path().join("a.md"), dir.path().join("link.json")).unwrap();
    factcheck(dir.path())
        .args([
            "verify",
            "a.md",
            "--refs",
            "claims",
            "--output",
            "link.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is also an input"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        WRONG
    );
}

#[test]
fn output_dash_is_standard_output() {
    let dir = fixture();
    let output = factcheck(dir.path())
        .args(["verify", "a.md", "--refs", "claims", "--format", "json"])
        .args(["--output", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["summary"]["contradicted"], 1);
    assert!(!dir.path().join("-").exists());
}

#[cfg(unix)]
#[test]
fn output_to_a_device_or_a_link_to_a_descriptor_writes_through() {
    use std::os::unix::fs::FileTypeExt;
    let dir = fixture();
    // A device: /dev/null stays a device.
    factcheck(dir.path())
        .args([
            "verify",
            "a.md",
            "--refs",
            "claims",
            "--output",
            "/dev/null",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let null = std::fs::metadata("/dev/null").unwrap();
    assert!(null.file_type().is_char_device());
    // A link to /proc/self/fd/1: the report reaches standard output and
    // the link stays a link.
    let link = dir.path().join("out.json");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let output = factcheck(dir.path())
        .args(["verify", "a.md", "--refs", "claims", "--format", "json"])
        .args(["--output", "out.json"])
        .output()
        .unwrap();
    assert_eq!(json(&output)["summary"]["contradicted"], 1);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A link to a regular file: the file is replaced, the link kept.
    write(dir.path(), "real.json", "old");
    let link = dir.path().join("to-real.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    factcheck(dir.path())
        .args(["verify", "a.md", "--refs", "claims", "--format", "json"])
        .args(["--output", "to-real.json"])
        .assert()
        .code(1);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("real.json")).unwrap())
            .unwrap();
    assert_eq!(doc["summary"]["contradicted"], 1);
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_writes_through() {
    let dir = fixture();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    factcheck(dir.path())
        .args(["verify", "a.md", "--refs", "claims", "--format", "json"])
        .args(["--output", "pipe"])
        .assert()
        .code(1);
    let text = reader.join().unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["summary"]["contradicted"], 1);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_report_leaves_only_itself() {
    let dir = fixture();
    factcheck(dir.path())
        .args(["verify", "a.md", "--refs", "claims", "--format", "json"])
        .args(["--output", "report.json"])
        .assert()
        .code(1);
    assert_eq!(names(dir.path()), ["a.md", "claims", "report.json"]);
}

/// Runs `verify - --output report.json` in `dir` with standard input left
/// open, and waits until its temporary file exists.
fn blocked_run(dir: &Path) -> (std::process::Child, std::process::ChildStdin) {
    use std::io::Write;
    let before = names(dir).len();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(dir)
        .args(["verify", "-", "--refs", "claims", "--output", "report.json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"Pyongyang sent ").unwrap();
    let mut waited = 0;
    while names(dir).len() == before && waited < 600 {
        std::thread::sleep(Duration::from_millis(50));
        waited += 1;
    }
    let names = names(dir);
    assert_eq!(names.len(), before + 1, "{names:?}");
    assert!(
        names
            .iter()
            .any(|n| n.starts_with(".report.json.") && n.ends_with(".factcheck.tmp")),
        "{names:?}"
    );
    (child, stdin)
}

#[test]
fn a_failed_rename_removes_the_temporary_file() {
    let dir = fixture();
    let (child, stdin) = blocked_run(dir.path());
    // The target becomes a non-empty directory: the rename fails.
    write(dir.path(), "report.json/x", "");
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(names(dir.path()), ["a.md", "claims", "report.json"]);
}

#[cfg(unix)]
#[test]
fn sigterm_and_sigint_remove_the_temporary_file() {
    for signal in ["-TERM", "-INT"] {
        let dir = fixture();
        let (mut child, stdin) = blocked_run(dir.path());
        let killed = std::process::Command::new("kill")
            .arg(signal)
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        drop(stdin);
        assert_eq!(status.code(), Some(130), "{signal}");
        assert_eq!(names(dir.path()), ["a.md", "claims"], "{signal}");
    }
}

#[test]
fn the_largest_max_size_does_not_overflow() {
    let dir = fixture();
    let output = factcheck(dir.path())
        .args(["verify", "a.md", "--refs", "claims", "--format", "json"])
        .args(["--max-size", "18446744073709551615"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["summary"]["contradicted"], 1);
    let output = factcheck(dir.path())
        .args(["verify", "-", "--refs", "claims", "--format", "json"])
        .args(["--max-size", "18446744073709551615"])
        .write_stdin(WRONG)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["summary"]["contradicted"], 1);
}
