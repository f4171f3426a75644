//! Hostile and broken input on the real binary: every case ends with a
//! clear message and the right exit code, in bounded time, and one bad
//! file never hides the others. Fixtures are written to a temporary
//! directory at test time (the large ones are sparse or generated).

mod common;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

fn factcheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary builds");
    cmd.current_dir(dir);
    cmd.env_remove("NO_COLOR");
    // The compiled cache of large reference sets, inside the test's own
    // directory (hidden, so a walk of it skips it).
    cmd.env("FACTCHECK_CACHE", dir.join(".cache"));
    // A guard against a hang, not a speed test: debug builds on a loaded
    // CI machine take minutes over the 100,000-fact set.
    cmd.timeout(Duration::from_secs(900));
    cmd
}

struct Run {
    code: i32,
    json: Value,
    stderr: String,
}

/// Runs `factcheck ARGS --format json` in `dir`.
fn run(dir: &Path, args: &[&str]) -> Run {
    let output = factcheck(dir)
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON on stdout ({e}); stderr: {stderr}\nstdout: {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    Run {
        code: output.status.code().unwrap_or(-1),
        json: common::checked(json),
        stderr,
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn claims(run: &Run) -> Vec<Value> {
    run.json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap().clone())
        .collect()
}

fn claim(run: &Run, text: &str) -> Value {
    claims(run)
        .into_iter()
        .find(|c| c["text"].as_str().unwrap().contains(text))
        .unwrap_or_else(|| panic!("no claim with {text:?} in {:#}", run.json))
}

const GOOD: &str = "Circa 600 soldati nordcoreani sarebbero stati uccisi.\n";

#[test]
fn empty_and_whitespace_only_files_warn_and_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.md", "");
    write(dir.path(), "blank.md", " \n\t\r\n  \n");
    let run = run(dir.path(), &["extract", "empty.md", "blank.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("empty.md: empty file: no claims to check"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("blank.md: only whitespace: no claims to check"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json["summary"]["files"], 2);
    assert_eq!(run.json["summary"]["claims"], 0);
}

#[test]
fn binary_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes: Vec<u8> = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    write(dir.path(), "program.md", bytes);
    let run = run(dir.path(), &["extract", "program.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("program.md: byte 29 (line 1): binary data, not a text article"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json["summary"]["errors"], 1);
    assert_eq!(run.json["files"].as_array().unwrap().len(), 0);
}

#[test]
fn invalid_utf8_names_byte_and_line_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.md", b"Titolo\n\nCirca 600 \xe8 soldati\n");
    write(dir.path(), "good.md", GOOD);
    let run = run(dir.path(), &["extract", "bad.md", "good.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("bad.md: byte 18 (line 3): invalid UTF-8; save the file as UTF-8"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json["summary"]["errors"], 1);
    assert_eq!(claim(&run, "600")["value"], 600);
}

#[test]
fn utf8_bom_is_skipped_and_columns_ignore_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bom.md", format!("\u{feff}{GOOD}"));
    let run = run(dir.path(), &["extract", "bom.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = claim(&run, "600");
    assert_eq!(c["text"], "Circa 600 soldati nordcoreani");
    assert_eq!(
        (
            c["start"].as_u64(),
            c["line"].as_u64(),
            c["column"].as_u64()
        ),
        (Some(3), Some(1), Some(1))
    );
}

#[test]
fn utf16_with_bom_is_decoded_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("Titolo\r\n\r\nIl 12,5% degli elettori. {GOOD}");
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    write(dir.path(), "le.md", le);
    write(dir.path(), "be.md", be);
    let run = run(dir.path(), &["extract", "le.md", "be.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("le.md: decoded from UTF-16"),
        "{}",
        run.stderr
    );
    for file in run.json["files"].as_array().unwrap() {
        let texts: Vec<&str> = file["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["text"].as_str().unwrap())
            .collect();
        assert_eq!(
            texts,
            ["12,5%", "Circa 600 soldati nordcoreani"],
            "{file:#}"
        );
        let c = &file["claims"][1];
        assert_eq!(
            (c["line"].as_u64(), c["column"].as_u64()),
            (Some(3), Some(26))
        );
    }
    // An unpaired surrogate is an error at its byte.
    let mut bad = vec![0xFF, 0xFE, b'a', 0, b'\n', 0];
    bad.extend(0xDC00u16.to_le_bytes());
    write(dir.path(), "bad16.md", bad);
    let run = run_plain(dir.path(), &["extract", "bad16.md"]);
    assert_eq!(run.0, 2);
    assert!(
        run.1.contains("bad16.md: byte 6 (line 2): invalid UTF-16"),
        "{}",
        run.1
    );
}

/// Runs without `--format json`: exit code, and stderr then stdout.
fn run_plain(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = factcheck(dir).args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stderr),
            String::from_utf8_lossy(&output.stdout)
        ),
    )
}

#[test]
fn crlf_keeps_lines_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\r\ndate: 2025-08-15\r\n---\r\n# Titolo\r\n\r\nSecondo Seul, ieri circa 600 soldati.\r\nPoi più di 10 mila truppe.\r\n";
    let path = write(dir.path(), "crlf.md", text);
    let run = run(dir.path(), &["extract", "crlf.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = claim(&run, "600");
    assert_eq!(
        (c["line"].as_u64(), c["column"].as_u64()),
        (Some(6), Some(20)),
        "{c:#}"
    );
    let c = claim(&run, "10 mila");
    assert_eq!(
        (c["line"].as_u64(), c["column"].as_u64()),
        (Some(7), Some(5)),
        "{c:#}"
    );
    let ieri = claim(&run, "ieri");
    assert_eq!(ieri["value"], "2025-08-14");
    let bytes = std::fs::read(path).unwrap();
    for c in claims(&run) {
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&bytes[s..e], c["text"].as_str().unwrap().as_bytes());
    }
}

#[test]
fn a_100_mb_file_is_refused_at_once_naming_max_size() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 100 MB of zeros that take no disk space.
    let file = std::fs::File::create(dir.path().join("huge.md")).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    write(dir.path(), "good.md", GOOD);
    let run = run(dir.path(), &["extract", "huge.md", "good.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "huge.md: 104857600 bytes is over the limit of 16777216 bytes; raise it with --max-size"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.json["summary"]["errors"], 1);
    assert_eq!(claim(&run, "600")["value"], 600);
}

#[test]
fn a_long_single_line_is_processed_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    // One 6 MB line: prose with a figure every ~300 bytes.
    let sentence = "Le truppe avanzano lungo il fronte orientale mentre i comandi discutono \
        la logistica dei rifornimenti e la popolazione attende notizie dalle autorità \
        locali, che per ora non commentano; intanto circa 600 soldati sarebbero stati \
        uccisi, secondo le stime diffuse dai servizi di intelligence occidentali. ";
    let line = sentence.repeat(6 * 1024 * 1024 / sentence.len());
    write(dir.path(), "line.md", &line);
    // Under a lowered limit it is refused, naming the flag...
    let (code, stderr) = run_plain(dir.path(), &["extract", "line.md", "--max-size", "1000000"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("raise it with --max-size"), "{stderr}");
    // ...and with the limit raised it is read, every claim on line 1 with
    // its column counted in characters.
    let run = run(
        dir.path(),
        &["extract", "line.md", "--max-size", "20000000"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let claims = claims(&run);
    assert!(claims.len() >= 20_000, "{}", claims.len());
    let last = claims.last().unwrap();
    let start = last["start"].as_u64().unwrap() as usize;
    assert_eq!(last["line"], 1);
    assert_eq!(
        last["column"].as_u64().unwrap() as usize,
        1 + line[..start].chars().count()
    );
}

#[test]
fn a_number_with_a_million_digits() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "digits.md",
        format!("Sono {} soldati. {GOOD}", "7".repeat(1_000_000)),
    );
    let run = run(dir.path(), &["extract", "digits.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(claim(&run, "Circa 600")["value"], 600);
}

#[test]
fn overflowing_numbers_stay_finite_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "e400.md",
        "Circa 1e400 soldati, l'1e400% e 1e-400 km; 179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 miliardi di euro.\n",
    );
    // No reference file: the run stops before any article, exit 2.
    let (code, stderr) = run_plain(dir.path(), &["verify", "e400.md", "--refs", "refs.yaml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("refs.yaml: error: cannot read"), "{stderr}");
    write(dir.path(), "refs.yaml", "facts: []\n");
    let run = self::run(dir.path(), &["verify", "e400.md", "--refs", "refs.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // JSON has no infinity: every number written is finite (serde_json
    // writes null for a non-finite float).
    for c in claims(&run) {
        for key in ["value", "low", "high"] {
            assert!(
                c[key].is_null() || c[key].as_f64().is_some_and(f64::is_finite),
                "{c:#}"
            );
        }
    }
}

#[test]
fn deeply_nested_markdown() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "quotes.md",
        format!("{} {GOOD}", ">".repeat(100_000)),
    );
    write(
        dir.path(),
        "brackets.md",
        format!("{} {GOOD}", "[".repeat(100_000)),
    );
    write(
        dir.path(),
        "mixed.md",
        format!("{}{GOOD}", "*_[`> - 1. ".repeat(20_000)),
    );
    write(
        dir.path(),
        "lists.md",
        (0..1_000)
            .map(|i| format!("{}- 60{i} soldati\n", "  ".repeat(i)))
            .collect::<String>(),
    );
    let run = run(
        dir.path(),
        &[
            "extract",
            "quotes.md",
            "brackets.md",
            "mixed.md",
            "lists.md",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json["summary"]["files"], 4);
}

#[test]
fn a_nonexistent_path_is_reported_and_the_others_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", GOOD);
    let run = run(dir.path(), &["extract", "missing.md", "good.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("missing.md: cannot read: No such file or directory"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json["summary"]["errors"], 1);
    assert_eq!(claim(&run, "600")["value"], 600);
}

#[test]
fn an_unreadable_file_is_reported_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", GOOD);
    // A symbolic link to itself cannot be read, root or not.
    #[cfg(unix)]
    std::os::unix::fs::symlink("loop.md", dir.path().join("loop.md")).unwrap();
    #[cfg(not(unix))]
    write(dir.path(), "loop.md", b"\xff");
    let run = run(dir.path(), &["extract", "loop.md", "good.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("loop.md: cannot read"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json["summary"]["errors"], 1);
    assert_eq!(claim(&run, "600")["value"], 600);
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_reported_and_counted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", GOOD);
    let secret = write(dir.path(), "secret.md", GOOD);
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        eprintln!(
            "skipped: running as root, which reads a file whatever its mode (see an_unreadable_file_is_reported_and_counted)"
        );
        return;
    }
    let run = run(dir.path(), &["extract", "."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("secret.md: cannot read: Permission denied"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json["summary"]["errors"], 1);
    assert_eq!(run.json["summary"]["files"], 1);
}

#[test]
fn a_directory_without_articles_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    write(dir.path(), "empty/notes.rs", "fn main() {}");
    let (code, stderr) = run_plain(dir.path(), &["extract", "empty"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no articles found (looked for .md, .markdown and .txt files)"),
        "{stderr}"
    );
}

#[test]
fn one_bad_file_never_hides_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    write(
        &articles,
        "a-binary.md",
        b"\0\x01\x02PNG\0\0\0 600 soldati \0\xff",
    );
    write(&articles, "b-good.md", GOOD);
    write(
        &articles,
        "c-latin1.md",
        b"Il governo italiano ha stanziato 5 milioni di \x80.\n",
    );
    write(dir.path(), "refs.yaml", "facts: []\n");
    let run = run(dir.path(), &["verify", "articles", "--refs", "refs.yaml"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("a-binary.md: byte 23 (line 1): binary data"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("c-latin1.md: byte 46 (line 1): invalid UTF-8"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json["summary"]["errors"], 2);
    assert_eq!(run.json["summary"]["files"], 1);
    assert_eq!(claim(&run, "600")["verdict"], "unverified");
}

/// A reference file of `n` facts, two figures each (31 MB for 100,000).
/// Each fact has terms of its own: a term shared by all of them makes
/// checking a claim that names it slow (reported apart, see the README).
fn many_facts(n: usize) -> String {
    let mut yaml = String::from(
        "topic: load test\nsources:\n  nis:\n    name: National Intelligence Service\n    aliases: [NIS]\nfacts:\n",
    );
    for i in 0..n {
        yaml.push_str(&format!(
            "  - id: fact-{i}\n    about: soldiers in place {i}\n    kind: count\n    match:\n      - [place{i}, site{i}]\n      - [luogo{i}, zone{i}]\n    tolerance: 5%\n    values:\n      - value: {}\n        source: nis\n        as_of: 2024-11-13\n      - range: [{}, {}]\n        source: Reuters\n        as_of: 2024-12\n",
            1000 + i,
            1000 + i,
            2000 + i
        ));
    }
    yaml
}

#[test]
fn a_reference_file_with_100_000_facts_loads() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "facts.yaml", many_facts(100_000));
    write(
        dir.path(),
        "a.md",
        "Sono arrivati 1.050 soldati a place50, luogo50.\n",
    );
    let run = run(
        dir.path(),
        &["verify", "a.md", "--refs", "facts.yaml", "--lang", "it"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // How fast is for the benchmarks (README, Robustness: 2 s in a release
    // build), not for a test on a shared machine.
    assert_eq!(claim(&run, "1.050")["fact"], "fact-50");
    // The valid set was compiled into the cache; the second run reads it
    // and says the same.
    let entries = std::fs::read_dir(dir.path().join(".cache"))
        .unwrap()
        .count();
    assert_eq!(entries, 1);
    let again = run_again(dir.path());
    assert_eq!(again.json, run.json);
}

fn run_again(dir: &Path) -> Run {
    run(
        dir,
        &["verify", "a.md", "--refs", "facts.yaml", "--lang", "it"],
    )
}

#[test]
fn a_yaml_alias_bomb_is_refused_before_expanding() {
    let dir = tempfile::tempdir().unwrap();
    let mut yaml = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..12 {
        let prev = vec![format!("*a{}", i - 1); 9].join(", ");
        yaml.push_str(&format!("a{i}: &a{i} [{prev}]\n"));
    }
    yaml.push_str("facts: *a11\n");
    write(dir.path(), "bomb.yaml", yaml);
    write(dir.path(), "a.md", GOOD);
    // 9^12 nodes if expanded; the alias budget counts nodes and stops it.
    let (code, stderr) = run_plain(dir.path(), &["verify", "a.md", "--refs", "bomb.yaml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("refused as an alias bomb"), "{stderr}");
}

#[test]
fn match_terms_full_of_regex_metacharacters() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "refs.yaml",
        r#"facts:
  - id: meta
    kind: count
    match:
      - ["soldat*", "(soldat.*)+", "[troops]", "c++", "x|y", "^kursk$", '\d{3} soldati', "a{1,99999}b"]
      - ["uccis*", "$pyongyang^", "(?i)nord", "nord)("]
    values:
      - value: 600
        source: Reuters
"#,
    );
    write(
        dir.path(),
        "a.md",
        format!("{GOOD}(soldati) [troops] c++ x|y ^kursk$ .* $pyongyang^ nord)(\n"),
    );
    let run = run(dir.path(), &["verify", "a.md", "--refs", "refs.yaml"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    assert_eq!(claim(&run, "600")["fact"], "meta");
    // A term with no word in it (punctuation only) is an error at the
    // term, not a panic and not a term that never matches.
    write(
        dir.path(),
        "nowords.yaml",
        "facts:\n  - id: x\n    kind: count\n    match: [[\"*\", \"-\", \"(+)\", \".*\"]]\n    values:\n      - value: 1\n        source: Reuters\n",
    );
    let (code, stderr) = run_plain(dir.path(), &["refs", "check", "nowords.yaml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("nowords.yaml:4:14: error: fact `x`: match term `*` holds no word"),
        "{stderr}"
    );
    assert!(
        stderr.contains("match term `(+)` holds no word"),
        "{stderr}"
    );
    assert!(stderr.contains("match term `.*` holds no word"), "{stderr}");
}
