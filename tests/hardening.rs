//! Issue 19: factcheck in CI on pull requests from people the desk does
//! not control. Each test is one hostile case, built in a temporary
//! directory at test time: no data lost, nothing followed out of the tree,
//! bad input refused with a message, and time linear in the input (checked
//! by a generous ratio of sizes, never by seconds).

mod common;

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
    common::checked(serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    }))
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
    let doc: Value = common::checked(serde_json::from_str(&text).unwrap());
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

// ---- Escapes ----

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn diff_base_takes_file_names_literally_not_as_pathspecs() {
    let dir = fixture();
    let root = dir.path();
    let right =
        "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent about 11,000 soldiers to Russia.\n";
    write(root, "zz.md", right);
    write(root, "other.md", WRONG);
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "base"]);
    let magic = [":(top)b.md", ":(icase)B.MD", ":!zz.md"];
    for name in magic {
        write(root, name, WRONG);
    }
    // Committed, then one more left untracked: both count as new.
    git(
        root,
        &["--literal-pathspecs", "add", "--", magic[0], magic[1]],
    );
    git(root, &["commit", "-qm", "magic names"]);
    let output = factcheck(root)
        .args(["verify", ".", "--refs", "claims", "--format", "json"])
        .args(["--diff-base", "HEAD~1", "--no-config"])
        .output()
        .unwrap();
    let doc = json(&output);
    let contradicted: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["verdict"] == "contradicted")
        })
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // `other.md` is wrong but unchanged since the base: not reported.
    assert_eq!(
        contradicted,
        ["./:!zz.md", "./:(icase)B.MD", "./:(top)b.md"],
        "{doc}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn diff_base_without_git_says_git_was_not_found() {
    let dir = fixture();
    factcheck(dir.path())
        .env("PATH", dir.path().join("no-such-dir"))
        .args(["verify", "a.md", "--refs", "claims", "--diff-base", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("git was not found"))
        .stderr(predicate::str::contains("needs a git repository").not());
}

#[cfg(unix)]
#[test]
fn the_reference_walk_does_not_follow_links_out_of_its_directory() {
    let dir = fixture();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.yaml", "root: SECRETHASH\n");
    write(outside.path(), "more/facts.yaml", FACTS);
    std::os::unix::fs::symlink(
        outside.path().join("secret.yaml"),
        dir.path().join("claims/x.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("more"), dir.path().join("claims/more"))
        .unwrap();
    let output = factcheck(dir.path())
        .args(["refs", "check", "claims"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(!stdout.contains("SECRETHASH"), "{stdout}");
    assert!(
        stdout.contains("claims/x.yaml: error: a symbolic link out of"),
        "{stdout}"
    );
    assert!(
        stdout.contains("claims/more: error: a symbolic link out of"),
        "{stdout}"
    );
    // Named on the command line, the target is read.
    factcheck(dir.path())
        .args(["refs", "check", "claims/facts.yaml"])
        .arg(outside.path().join("more"))
        .assert()
        .code(2)
        .stdout(predicate::str::contains("duplicate fact id"));
}

#[cfg(unix)]
#[test]
fn links_that_loop_in_the_reference_directory_are_walked_once() {
    let dir = fixture();
    for name in ["a", "b", "c"] {
        std::os::unix::fs::symlink(".", dir.path().join("claims").join(name)).unwrap();
    }
    std::os::unix::fs::symlink("..", dir.path().join("claims/up")).unwrap();
    std::os::unix::fs::symlink("facts.yaml", dir.path().join("claims/same.yaml")).unwrap();
    // Each file once: no duplicate fact id, one file.
    factcheck(dir.path())
        .args(["refs", "check", "claims"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "claims/up: error: a symbolic link out of",
        ))
        .stdout(predicate::str::contains("duplicate").not());
    std::fs::remove_file(dir.path().join("claims/up")).unwrap();
    factcheck(dir.path())
        .args(["refs", "check", "claims"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1 fact from 1 source in 1 file: valid",
        ));
}

#[test]
fn a_reference_file_that_is_not_yaml_is_not_quoted() {
    let dir = fixture();
    write(
        dir.path(),
        "claims/shadow.yaml",
        "root:$6$SECRETHASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
    );
    write(dir.path(), "claims/json.yaml", "{\"SECRETKEY\": 1}");
    factcheck(dir.path())
        .args(["refs", "check"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "claims/shadow.yaml: error: not a reference file",
        ))
        .stdout(predicate::str::contains(
            "claims/json.yaml: error: not a reference file",
        ))
        .stdout(predicate::str::contains("SECRET").not());
}

#[test]
fn a_config_above_the_repository_is_not_used() {
    let dir = fixture();
    let repo = dir.path().join("repo");
    write(&repo, "a.md", WRONG);
    write(&repo, "claims/facts.yaml", FACTS);
    std::fs::create_dir(repo.join(".git")).unwrap();
    write(
        dir.path(),
        "factcheck.toml",
        "fail_on = \"never\"\nrefs = \"nowhere\"\n",
    );
    factcheck(&repo)
        .args(["verify", "a.md", "--verbose"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("config: none"));
    // The repository's own config is used, and named.
    write(&repo, "factcheck.toml", "refs = \"claims\"\n");
    let output = factcheck(&repo)
        .args(["verify", "a.md", "-v", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("config: "), "{stderr}");
    assert!(stderr.contains("repo/factcheck.toml"), "{stderr}");
    let doc = json(&output);
    assert!(
        doc["summary"]["config"]
            .as_str()
            .unwrap()
            .ends_with("factcheck.toml"),
        "{doc}"
    );
    // Every format names it.
    for format in ["table", "markdown", "github", "sarif", "junit", "html"] {
        let output = factcheck(&repo)
            .args(["verify", "a.md", "--format", format])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("factcheck.toml"), "{format}: {stdout}");
    }
}

#[test]
fn suppression_comments_in_code_do_not_count() {
    let dir = fixture();
    for (name, text) in [
        (
            "span.md",
            "---\ndate: 2025-08-15\nlang: en\n---\nWrite `<!-- factcheck-disable -->` to silence.\n\nPyongyang sent more than 20,000 soldiers to Russia.\n",
        ),
        (
            "block.md",
            "---\ndate: 2025-08-15\nlang: en\n---\n```\n<!-- factcheck-disable-next-line -->\n```\nPyongyang sent more than 20,000 soldiers to Russia.\n",
        ),
        (
            "indented.md",
            "---\ndate: 2025-08-15\nlang: en\n---\nExample:\n\n    <!-- factcheck-disable -->\n\nPyongyang sent more than 20,000 soldiers to Russia.\n",
        ),
        (
            "front.md",
            "---\ndate: 2025-08-15\nlang: en\nnote: <!-- factcheck-disable -->\n---\nPyongyang sent more than 20,000 soldiers to Russia.\n",
        ),
    ] {
        write(dir.path(), name, text);
        let output = factcheck(dir.path())
            .args(["verify", name, "--refs", "claims", "--format", "json"])
            .output()
            .unwrap();
        let doc = json(&output);
        assert_eq!(doc["summary"]["contradicted"], 1, "{name}: {doc}");
        assert_eq!(doc["summary"]["suppressed"], 0, "{name}: {doc}");
    }
    // In prose it still counts.
    write(
        dir.path(),
        "prose.md",
        "---\ndate: 2025-08-15\nlang: en\n---\n<!-- factcheck-disable-next-line -->\nPyongyang sent more than 20,000 soldiers to Russia.\n",
    );
    let output = factcheck(dir.path())
        .args(["verify", "prose.md", "--refs", "claims", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(json(&output)["summary"]["suppressed"], 1);
}

#[cfg(unix)]
#[test]
fn control_characters_are_escaped_in_human_readable_formats() {
    let dir = fixture();
    let name = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J.md";
    write(
        dir.path(),
        name,
        "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent more than 20,000 soldiers\u{1b}[8m to Russia.\n",
    );
    for format in ["table", "markdown", "github"] {
        let output = factcheck(dir.path())
            .args(["verify", name, "--refs", "claims", "--format", format])
            .args(["--color", "never"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(!stdout.contains('\u{1b}'), "{format}: {stdout:?}");
        assert!(!stdout.contains('\u{7}'), "{format}: {stdout:?}");
        assert!(stdout.contains("\\u{1b}"), "{format}: {stdout}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains('\u{1b}'), "{format}: {stderr:?}");
    }
}

/// SHA-256 (FIPS 180-4), for checking the HTML report's script hash.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn the_html_script_is_allowed_by_its_hash_not_unsafe_inline() {
    assert_eq!(
        base64(&sha256(b"abc")),
        "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
    );
    let dir = fixture();
    let output = factcheck(dir.path())
        .args(["verify", "a.md", "--refs", "claims", "--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(output.stdout).unwrap();
    let start = html.find("<script>").unwrap() + "<script>".len();
    let end = html[start..].find("</script>").unwrap() + start;
    let script = &html[start..end];
    let csp_start = html.find("Content-Security-Policy\" content=\"").unwrap();
    let csp = &html[csp_start..][..html[csp_start..].find("\">").unwrap()];
    assert!(!csp.contains("script-src 'unsafe-inline'"), "{csp}");
    let expected = format!("script-src 'sha256-{}'", base64(&sha256(script.as_bytes())));
    assert!(csp.contains(&expected), "{csp} lacks {expected}");
    assert_eq!(html.matches("<script").count(), 1);
}

// ---- Bad input refused, with a message ----

#[test]
fn nul_bytes_and_utf16_without_a_mark_are_binary() {
    let dir = fixture();
    std::fs::write(
        dir.path().join("nul.md"),
        b"Pyongyang sent\0 20,000 soldiers.\n",
    )
    .unwrap();
    let utf16: Vec<u8> = "Pyongyang sent 20,000 soldiers.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(dir.path().join("utf16.md"), utf16).unwrap();
    factcheck(dir.path())
        .args(["verify", "nul.md", "utf16.md", "a.md", "--refs", "claims"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "nul.md: byte 14 (line 1): binary data, not a text article",
        ))
        .stderr(predicate::str::contains(
            "utf16.md: byte 1 (line 1): binary data, not a text article (UTF-16 without a byte-order mark?)",
        ));
}

#[test]
fn lone_cr_line_endings_are_line_breaks() {
    let dir = fixture();
    let lf = "Intro line.\nPyongyang sent more than 20,000\nsoldiers to Russia. Seoul said so.\n";
    write(dir.path(), "lf.txt", lf);
    write(dir.path(), "cr.txt", &lf.replace('\n', "\r"));
    let mut docs = Vec::new();
    for name in ["lf.txt", "cr.txt"] {
        let output = factcheck(dir.path())
            .args(["verify", name, "--refs", "claims", "--format", "json"])
            .args(["--date", "2025-08-15", "--lang", "en"])
            .output()
            .unwrap();
        let mut doc = json(&output);
        doc["files"][0]["path"] = Value::Null;
        docs.push(doc);
    }
    let claim = &docs[1]["files"][0]["claims"][0];
    assert_eq!((&claim["line"], &claim["column"]), (&2.into(), &16.into()));
    assert_eq!(claim["verdict"], "contradicted");
    // Same claims, positions and verdicts, text aside.
    for doc in &mut docs {
        for claim in doc["files"][0]["claims"].as_array_mut().unwrap() {
            claim["text"] = Value::Null;
        }
    }
    assert_eq!(docs[0], docs[1]);
}

#[test]
fn malformed_front_matter_is_a_warning_with_its_place() {
    let dir = fixture();
    write(
        dir.path(),
        "bad.md",
        "---\nlang: en\ndate: [2025-08-15\n---\nPyongyang sent more than 20,000 soldiers to Russia.\n",
    );
    let output = factcheck(dir.path())
        .args(["verify", "bad.md", "--refs", "claims", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: bad.md:4:1: front matter:"),
        "{stderr}"
    );
    assert!(stderr.contains("publication date is missing"), "{stderr}");
    assert_eq!(json(&output)["files"][0]["date"], Value::Null);
}

#[test]
fn front_matter_offsets_out_of_range_are_refused() {
    let dir = fixture();
    write(
        dir.path(),
        "offset.md",
        "---\ndate: 2025-08-15T10:00:00+99:99\nlang: en\n---\nPyongyang sent more than 20,000 soldiers to Russia at 10:00.\n",
    );
    let output = factcheck(dir.path())
        .args([
            "verify",
            "offset.md",
            "--refs",
            "claims",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("offset.md:2:7: front matter: `date: 2025-08-15T10:00:00+99:99` has a UTC offset that is not one"),
        "{stderr}"
    );
    let doc = json(&output);
    assert_eq!(doc["files"][0]["date"], Value::Null);
    assert!(!doc.to_string().contains("+99"), "{doc}");
}

#[test]
fn huge_figures_print_as_numbers_not_inf() {
    let dir = fixture();
    write(
        dir.path(),
        "claims/facts.yaml",
        &FACTS.replace("value: 11000", "range: [1e23, 1e308]"),
    );
    write(
        dir.path(),
        "a.md",
        &WRONG.replace("more than 20,000", "exactly 20,000"),
    );
    for format in ["table", "markdown"] {
        let output = factcheck(dir.path())
            .args(["verify", "a.md", "--refs", "claims", "--format", format])
            .args(["--color", "never"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("1e23"), "{format}: {stdout}");
        assert!(stdout.contains("1e308"), "{format}: {stdout}");
        assert!(
            !stdout.contains("inf") && !stdout.contains(",e"),
            "{format}: {stdout}"
        );
    }
}

#[test]
fn negative_counts_and_falls_past_100_percent_are_errors() {
    let dir = fixture();
    write(
        dir.path(),
        "claims/facts.yaml",
        &FACTS.replace("value: 11000", "value: -5"),
    );
    write(
        dir.path(),
        "claims/share.yaml",
        "facts:\n  - id: share\n    kind: percent\n    match:\n      - [share]\n    values:\n      - range: [-150, 10]\n        source: Istat\n      - value: -100\n        source: Istat\n",
    );
    let output = factcheck(dir.path())
        .args(["refs", "check", "claims"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains(
            "claims/facts.yaml:10:16: error: fact `troops-sent` is a count, and -5 is negative"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("claims/share.yaml:7:16: error: fact `share` is a percentage, and -150 % is below -100 %"),
        "{stdout}"
    );
    assert!(stdout.contains("2 errors in 2 files"), "{stdout}");
}

#[test]
fn refs_check_goes_on_past_an_unreadable_file_and_says_each_error_once() {
    let dir = fixture();
    write(dir.path(), "claims/bad.yaml", "facts: 3\n");
    let output = factcheck(dir.path())
        .args(["refs", "check", "missing.yaml", "claims"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout.matches("missing.yaml: error: cannot read").count(),
        1,
        "{stdout}"
    );
    assert!(stdout.contains("claims/bad.yaml:1:8: error"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
    // verify: one message, the I/O error not repeated.
    let output = factcheck(dir.path())
        .args(["verify", "a.md", "--refs", "missing.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("No such file").count(), 1, "{stderr}");
}

#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let dir = fixture();
    for i in 0..50 {
        write(dir.path(), &format!("many/{i:02}.md"), WRONG);
    }
    for format in ["table", "json"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .current_dir(dir.path())
            .args(["verify", "many", "--refs", "claims", "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Like `| head -c1`: read a byte, then close the pipe.
        let mut stdout = child.stdout.take().unwrap();
        let mut byte = [0u8; 1];
        std::io::Read::read_exact(&mut stdout, &mut byte).unwrap();
        drop(stdout);
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
}

// ---- Bounded time and memory, loading side ----

#[test]
fn deeply_nested_front_matter_is_refused_at_the_depth_limit() {
    let dir = fixture();
    write(
        dir.path(),
        "deep.md",
        &format!(
            "---\ndate: {}\n---\nPyongyang sent more than 20,000 soldiers to Russia.\n",
            "[".repeat(200_000)
        ),
    );
    write(
        dir.path(),
        "bomb.md",
        "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ndate: 2025-08-15\n---\nText.\n",
    );
    let output = factcheck(dir.path())
        .args(["verify", "deep.md", "bomb.md", "--refs", "claims"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("deep.md:2:"), "{stderr}");
    assert!(stderr.contains("nest"), "{stderr}");
    assert!(stderr.contains("bomb.md:"), "{stderr}");
    assert!(stderr.contains("alias"), "{stderr}");
    assert_eq!(json(&output)["summary"]["files"], 2);
}

#[test]
fn a_sources_map_of_500000_keys_finds_its_duplicate() {
    // How much work a lookup costs is counted in src/refs/schema.rs
    // (bounded at any size: linear time); here the whole file is read and
    // the one duplicate key found at its line.
    let n = 500_000;
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::with_capacity(n * 24 + 200);
    text.push_str("sources:\n");
    for i in 0..n {
        text.push_str(&format!("  s{i}: {{name: S{i}}}\n"));
    }
    text.push_str("  s0: {name: again}\n");
    text.push_str("facts:\n  - id: x\n    kind: count\n    match:\n      - [word]\n    values:\n      - value: 1\n        source: s1\n");
    write(dir.path(), "big.yaml", &text);
    let output = factcheck(dir.path())
        .args(["refs", "check", "big.yaml"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "big.yaml:{}:3: error: `sources`: duplicate key `s0` (first at line 2, column 3)",
            n + 2
        )),
        "{stdout}"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_config_listing_one_refs_path_two_million_times_is_read_once() {
    let dir = fixture();
    let mut toml = String::from("refs = [");
    for _ in 0..2_000_000 {
        toml.push_str("\"claims\",");
    }
    toml.push_str("]\n");
    write(dir.path(), "factcheck.toml", &toml);
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let output = factcheck(dir.path())
        .args(["verify", "a.md", "--format", "json"])
        .output()
        .unwrap();
    // Read once: no duplicate fact id, one contradicted claim.
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(json(&output)["summary"]["contradicted"], 1);
    let config = factcheck::config::load(&dir.path().join("factcheck.toml")).unwrap();
    assert_eq!(config.refs, [dir.path().join("claims")]);
}
