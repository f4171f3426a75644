//! Issue 18's conventions that linters' users expect, each on the real
//! binary in a directory built at test time: a closed pipe ends every
//! subcommand quietly, `--stdin-filename`, per-path `factcheck.toml`,
//! `--force-exclude`, `--no-ignore`, `--hidden`, the suppression
//! directives and their warnings, and `refs check --format`.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

const FACTS: &str = "topic: conventions fixture
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

const RIGHT: &str =
    "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent about 11,000 soldiers to Russia.\n";

fn factcheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary builds");
    cmd.current_dir(dir);
    cmd.env("NO_COLOR", "1");
    cmd.env_remove("GITHUB_STEP_SUMMARY");
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// A directory with `claims/facts.yaml` and a `.git`, so no
/// `factcheck.toml` above it is read.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), "claims/facts.yaml", FACTS);
    dir
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &std::process::Output) -> Value {
    common::checked(serde_json::from_slice(&output.stdout).expect("JSON on stdout"))
}

/// The paths of the files a `--format json` run reported.
fn reported(output: &std::process::Output) -> Vec<String> {
    json(output)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

// ---- `… | head -1` ----

/// Runs `args` in `dir`, reads one line of its output and closes the pipe,
/// as `factcheck … | head -1` does: exit code and stderr.
fn head_1(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    loop {
        if out.read(&mut byte).unwrap_or(0) == 0 || byte[0] == b'\n' {
            break;
        }
    }
    drop(out);
    let output = child.wait_with_output().unwrap();
    (output.status.code(), stderr(&output))
}

#[test]
fn every_subcommand_and_format_ends_quietly_when_the_reader_stops() {
    let dir = fixture();
    // Far more output than a pipe holds (64 KiB), so the writer meets the
    // closed pipe whatever the format.
    for i in 0..400 {
        write(dir.path(), &format!("many/{i:03}.md"), WRONG);
    }
    let mut facts = String::from("facts:\n");
    for i in 0..1000 {
        facts.push_str(&format!(
            "  - id: fact-{i}\n    about: thing {i}\n    kind: count\n    match: [[thing{i}]]\n    values:\n      - {{value: 100, source: A, as_of: 2024-01-01}}\n      - {{value: 200, source: B, as_of: 2024-01-01}}\n"
        ));
    }
    write(dir.path(), "disagree/facts.yaml", &facts);
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in [
        "table",
        "concise",
        "json",
        "jsonl",
        "github",
        "sarif",
        "junit",
        "markdown",
        "html",
        "claimreview",
        "gitlab",
        "rdjson",
    ] {
        runs.push(vec![
            "verify",
            "many",
            "--format",
            format,
            "--fail-on",
            "never",
        ]);
    }
    for format in ["table", "json", "jsonl"] {
        runs.push(vec!["extract", "many", "--format", format]);
    }
    for format in ["table", "json", "markdown"] {
        runs.push(vec!["compare", "many", "--all", "--format", format]);
    }
    runs.push(vec!["refs", "list", "disagree"]);
    runs.push(vec!["refs", "list", "disagree", "--format", "json"]);
    runs.push(vec!["refs", "check", "disagree"]);
    runs.push(vec!["refs", "check", "disagree", "--format", "github"]);
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        runs.push(vec!["completions", shell]);
    }
    runs.push(vec!["man"]);
    for args in runs {
        let (code, err) = head_1(dir.path(), &args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

// ---- --stdin-filename ----

#[test]
fn stdin_takes_the_name_its_extension_and_its_directorys_config() {
    let dir = fixture();
    // content/de/factcheck.toml fixes the language of its directory; a
    // draft on stdin named into it is read as German, shown under its name.
    write(dir.path(), "content/de/factcheck.toml", "lang = \"de\"\n");
    let named = factcheck(dir.path())
        .args(["extract", "-", "--stdin-filename", "content/de/entwurf.md"])
        .args(["--format", "json"])
        .write_stdin("---\ndate: 2025-08-15\n---\nPjöngjang schickte 1.500 Soldaten.\n")
        .output()
        .unwrap();
    let doc = json(&named);
    assert_eq!(doc["files"][0]["path"], "content/de/entwurf.md", "{doc:#}");
    assert_eq!(doc["files"][0]["lang"], "de");
    // German reads 1.500 as fifteen hundred.
    assert_eq!(doc["files"][0]["claims"][0]["value"], 1500);
    // Without a name: `<stdin>`, and no config of content/de.
    let plain = factcheck(dir.path())
        .args(["extract", "-", "--format", "json", "--lang", "en"])
        .write_stdin("Pyongyang sent 1.500 soldiers.\n")
        .output()
        .unwrap();
    assert_eq!(json(&plain)["files"][0]["path"], "<stdin>");
    // Annotations carry the name too.
    let github = factcheck(dir.path())
        .args([
            "verify",
            "-",
            "--stdin-filename",
            "news/draft.md",
            "--format",
            "github",
        ])
        .write_stdin(WRONG)
        .output()
        .unwrap();
    assert_eq!(github.status.code(), Some(1));
    assert!(
        stdout(&github).starts_with("::error file=news/draft.md,line=5,"),
        "{}",
        stdout(&github)
    );
}

#[test]
fn stdin_named_txt_is_plain_text_and_md_is_markdown() {
    let dir = fixture();
    // A figure inside a code span: Markdown leaves it out, plain text reads it.
    let text = "Pyongyang sent `20,000 soldiers` to Russia.\n";
    let count = |name: &str| {
        let out = factcheck(dir.path())
            .args(["extract", "-", "--stdin-filename", name, "--lang", "en"])
            .args(["--format", "json"])
            .write_stdin(text)
            .output()
            .unwrap();
        json(&out)["files"][0]["claims"].as_array().unwrap().len()
    };
    assert_eq!(count("notes.txt"), 1);
    assert_eq!(count("notes.md"), 0);
    // A name without `-` to give it to is a warning, not silence.
    write(dir.path(), "a.md", RIGHT);
    let out = factcheck(dir.path())
        .args(["extract", "a.md", "--stdin-filename", "x.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("warning: --stdin-filename"),
        "{}",
        stderr(&out)
    );
}

// ---- factcheck.toml per path ----

#[test]
fn each_article_takes_the_nearest_config_key_by_key() {
    let dir = fixture();
    // The root: English, ./claims. content/it: Italian only, so refs still
    // come from the root. content/other: its own refs, where the troops
    // figure is 20,000.
    write(
        dir.path(),
        "factcheck.toml",
        "refs = [\"claims\"]\nlang = \"en\"\n",
    );
    write(dir.path(), "content/it/factcheck.toml", "lang = \"it\"\n");
    write(
        dir.path(),
        "content/other/factcheck.toml",
        "refs = [\"refs\"]\n",
    );
    write(
        dir.path(),
        "content/other/refs/facts.yaml",
        &FACTS.replace("value: 11000", "value: 20000"),
    );
    let body = "Pyongyang sent more than 20,000 soldiers to Russia.\n";
    write(
        dir.path(),
        "content/en.md",
        &format!("---\ndate: 2025-08-15\n---\n{body}"),
    );
    write(
        dir.path(),
        "content/it/it.md",
        "---\ndate: 2025-08-15\n---\nPyongyang ha inviato 20.000 soldiers in Russia.\n",
    );
    write(
        dir.path(),
        "content/other/o.md",
        &format!("---\ndate: 2025-08-15\n---\n{body}"),
    );
    let out = factcheck(dir.path())
        .args(["verify", "content", "--format", "json", "--verbose"])
        .output()
        .unwrap();
    let doc = json(&out);
    let files = doc["files"].as_array().unwrap();
    let by_path = |p: &str| {
        files
            .iter()
            .find(|f| f["path"] == p)
            .unwrap_or_else(|| panic!("{p} in {doc:#}"))
    };
    assert_eq!(by_path("content/en.md")["lang"], "en");
    assert_eq!(
        by_path("content/en.md")["claims"][0]["verdict"],
        "contradicted"
    );
    // Italian: 20.000 is twenty thousand, judged against the root's refs.
    let it = by_path("content/it/it.md");
    assert_eq!(it["lang"], "it");
    assert_eq!(it["claims"][0]["value"], 20000);
    assert_eq!(it["claims"][0]["verdict"], "contradicted");
    // Its own refs: "more than 20,000" against 20,000.
    let other = &by_path("content/other/o.md")["claims"][0];
    assert_eq!(other["fact"], "troops-sent");
    assert_ne!(other["verdict"], "contradicted", "{other:#}");
    let err = stderr(&out);
    assert!(
        err.contains("content/other/factcheck.toml for 1 file"),
        "{err}"
    );
    // --lang and --refs override every config.
    let out = factcheck(dir.path())
        .args(["verify", "content", "--format", "json", "--lang", "en"])
        .args(["--refs", "claims"])
        .output()
        .unwrap();
    let doc = json(&out);
    for f in doc["files"].as_array().unwrap() {
        assert_eq!(f["lang"], "en", "{f:#}");
    }
    // An article with no config above it (another repository) takes the
    // working directory's.
    let elsewhere = fixture();
    write(
        elsewhere.path(),
        "x.md",
        "Pyongyang sent 20.000 soldiers to Russia, the agency said.\n",
    );
    let outside = elsewhere.path().join("x.md");
    let out = factcheck(&dir.path().join("content/it"))
        .args(["extract", "--format", "json"])
        .arg(&outside)
        .output()
        .unwrap();
    assert_eq!(json(&out)["files"][0]["lang"], "it", "{}", stderr(&out));
    // --config FILE applies to every article, --no-config to none.
    let out = factcheck(dir.path())
        .args(["verify", "content", "--format", "json"])
        .args(["--config", "content/it/factcheck.toml"])
        .output()
        .unwrap();
    for f in json(&out)["files"].as_array().unwrap() {
        assert_eq!(f["lang"], "it", "{f:#}");
    }
}

#[test]
fn a_configs_excludes_are_relative_to_it_and_apply_below_it() {
    let dir = fixture();
    write(dir.path(), "content/a.md", WRONG);
    write(dir.path(), "content/archive/old.md", WRONG);
    write(dir.path(), "content/sub/archive/kept.md", WRONG);
    write(
        dir.path(),
        "content/sub/factcheck.toml",
        "exclude = [\"*.draft.md\"]\n",
    );
    write(dir.path(), "content/sub/x.draft.md", WRONG);
    write(
        dir.path(),
        "factcheck.toml",
        "exclude = [\"content/archive/**\"]\n",
    );
    let out = factcheck(dir.path())
        .args(["verify", "content", "--format", "json"])
        .output()
        .unwrap();
    // content/archive is the root's; sub/archive is not; *.draft.md only
    // under content/sub.
    assert_eq!(
        reported(&out),
        ["content/a.md", "content/sub/archive/kept.md"]
    );
    // Walking from inside gives the same answer.
    let out = factcheck(&dir.path().join("content"))
        .args(["verify", ".", "--format", "json", "--refs", "../claims"])
        .output()
        .unwrap();
    assert_eq!(reported(&out), ["./a.md", "./sub/archive/kept.md"]);
    // An invalid nested config is an error naming it.
    write(dir.path(), "content/sub/factcheck.toml", "lnag = \"it\"\n");
    let out = factcheck(dir.path())
        .args(["verify", "content"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("content/sub/factcheck.toml:1:1: unknown field `lnag`"),
        "{}",
        stderr(&out)
    );
}

// ---- --force-exclude, --no-ignore, --hidden ----

#[test]
fn force_exclude_applies_excludes_to_files_named_on_the_command_line() {
    let dir = fixture();
    write(dir.path(), "factcheck.toml", "exclude = [\"archive/**\"]\n");
    write(dir.path(), "archive/old.md", WRONG);
    write(dir.path(), "new.md", RIGHT);
    // Named, a file is read even when excluded…
    let out = factcheck(dir.path())
        .args(["verify", "archive/old.md", "new.md", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(reported(&out), ["archive/old.md", "new.md"]);
    assert_eq!(out.status.code(), Some(1));
    // …unless --force-exclude, as pre-commit runs it.
    let out = factcheck(dir.path())
        .args(["verify", "archive/old.md", "new.md", "--format", "json"])
        .arg("--force-exclude")
        .output()
        .unwrap();
    assert_eq!(reported(&out), ["new.md"]);
    assert_eq!(out.status.code(), Some(0));
    // A --glob exclusion counts too, and so does a named stdin.
    let out = factcheck(dir.path())
        .args([
            "verify",
            "new.md",
            "-",
            "--glob",
            "!new.md",
            "--force-exclude",
        ])
        .args(["--stdin-filename", "archive/draft.md", "--format", "json"])
        .write_stdin(WRONG)
        .output()
        .unwrap();
    // Everything named is excluded: nothing to check, not an error (a
    // commit touching only excluded files).
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["summary"]["files"], 0);
    // Without --force-exclude the same run checks both.
    let out = factcheck(dir.path())
        .args(["verify", "new.md", "-", "--glob", "!new.md"])
        .args(["--stdin-filename", "archive/draft.md", "--format", "json"])
        .write_stdin(WRONG)
        .output()
        .unwrap();
    assert_eq!(reported(&out), ["new.md", "archive/draft.md"]);
}

#[test]
fn no_ignore_reads_ignored_files_and_hidden_walks_hidden_ones() {
    let dir = fixture();
    write(dir.path(), ".gitignore", "drafts/\n");
    write(dir.path(), "content/.ignore", "old.md\n");
    write(dir.path(), "content/a.md", RIGHT);
    write(dir.path(), "content/old.md", RIGHT);
    write(dir.path(), "content/drafts/d.md", RIGHT);
    write(dir.path(), "content/.hidden/h.md", RIGHT);
    let run = |extra: &[&str]| {
        let out = factcheck(dir.path())
            .args(["verify", "content", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        reported(&out)
    };
    assert_eq!(run(&[]), ["content/a.md"]);
    assert_eq!(
        run(&["--no-ignore"]),
        ["content/a.md", "content/drafts/d.md", "content/old.md"]
    );
    assert_eq!(run(&["--hidden"]), ["content/.hidden/h.md", "content/a.md"]);
    assert_eq!(run(&["--hidden", "--no-ignore"]).len(), 4);
}

// ---- suppression directives ----

#[test]
fn disable_line_and_disable_file_silence_findings() {
    let dir = fixture();
    write(
        dir.path(),
        "line.md",
        "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent more than 20,000 soldiers to Russia. <!-- factcheck-disable-line troops-sent -->\n\nPyongyang sent 30,000 troops.\n",
    );
    write(
        dir.path(),
        "file.md",
        "---\ndate: 2025-08-15\nlang: en\n---\n<!-- factcheck-disable-file -->\nPyongyang sent more than 20,000 soldiers to Russia.\n\nPyongyang sent 30,000 troops.\n",
    );
    let out = factcheck(dir.path())
        .args(["verify", "file.md", "line.md", "--format", "json"])
        .output()
        .unwrap();
    let doc = json(&out);
    let suppressed = |file: usize| -> Vec<bool> {
        doc["files"][file]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["suppressed"] == true)
            .collect()
    };
    // In the order named.
    assert_eq!(doc["files"][0]["path"], "file.md");
    assert_eq!(suppressed(0), [true, true]);
    // disable-line covers its own line only: the second claim still fails.
    assert_eq!(suppressed(1), [true, false]);
    assert_eq!(doc["summary"]["contradicted"], 1);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_directive_that_silences_nothing_is_a_warning() {
    let dir = fixture();
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-08-15\nlang: en\n---\n<!-- factcheck-disable-next-line -->\nPyongyang sent about 11,000 soldiers to Russia.\n\nThe weather was fine. <!-- factcheck-disable-line -->\n\n<!-- factcheck-disable-next-line -->\nPyongyang sent more than 20,000 soldiers to Russia.\n",
    );
    let out = factcheck(dir.path())
        .args(["verify", "a.md", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    // Line 5 covers a consistent claim, line 8 no claim: both unused;
    // line 10 silences the contradiction.
    assert!(
        err.contains("warning: a.md:5: `factcheck-disable-next-line` silences no problem"),
        "{err}"
    );
    assert!(
        err.contains("warning: a.md:8: `factcheck-disable-line` silences no problem"),
        "{err}"
    );
    assert!(!err.contains("a.md:10:"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    // extract judges nothing, so it says nothing about them.
    let out = factcheck(dir.path())
        .args(["extract", "a.md", "--format", "json"])
        .output()
        .unwrap();
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

// ---- refs check --format, refs list ----

#[test]
fn refs_check_annotates_reference_errors_for_ci() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |dir: &str, format: &str| {
        factcheck(root)
            .args(["refs", "check", dir, "--format", format])
            .output()
            .unwrap()
    };
    // github: one ::error per problem at its line and column, exit 2.
    let out = run("tests/cmd/refs-errors", "github");
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "::error file=tests/cmd/refs-errors/bad-dates.yaml,line=8,col=16,title=factcheck refs::malformed `as_of`"
        ),
        "{text}"
    );
    let annotations = text.lines().filter(|l| l.starts_with("::error ")).count();
    let plain = stdout(&run("tests/cmd/refs-errors", "text"));
    assert_eq!(annotations, plain.matches(": error: ").count(), "{plain}");
    assert!(
        text.lines().last().unwrap().starts_with("factcheck: "),
        "{text}"
    );
    // Warnings are ::warning, and a valid set exits 0.
    let out = run("tests/cmd/refs-warnings", "github");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).matches("::warning file=").count(), 2);

    // json: every problem with its severity and position.
    let out = run("tests/cmd/refs-errors", "json");
    assert_eq!(out.status.code(), Some(2));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schema/factcheck-refs-check-v1.json")).unwrap(),
    )
    .unwrap();
    let check_schema = jsonschema::options().build(&schema).unwrap();
    let errors: Vec<String> = check_schema
        .iter_errors(&doc)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = doc.clone();
    broken["problems"][0]["severity"] = "fatal".into();
    assert!(!check_schema.is_valid(&broken));
    let valid = run("tests/cmd/refs-warnings", "json");
    assert!(check_schema.is_valid(&serde_json::from_slice(&valid.stdout).unwrap()));
    assert_eq!(doc["schema"], "factcheck-refs-check/v1");
    assert_eq!(doc["valid"], false);
    let problems = doc["problems"].as_array().unwrap();
    assert_eq!(doc["errors"], problems.len());
    assert_eq!(problems[0]["line"], 8);
    assert_eq!(problems[0]["column"], 16);
    assert_eq!(problems[0]["severity"], "error");

    // sarif: valid against the OASIS schema, a result per problem.
    let out = run("tests/cmd/refs-errors", "sarif");
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/schema/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options().build(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), problems.len());
    assert_eq!(results[0]["ruleId"], "invalid-reference");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
}

#[test]
fn refs_list_shows_which_facts_have_disagreeing_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = factcheck(root)
        .args([
            "refs",
            "list",
            "tests/cmd/refs-warnings",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let disagree: Vec<&str> = doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["disagree"] == true)
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(disagree, ["troops-sent"]);
    let out = factcheck(root)
        .args(["refs", "list", "tests/cmd/refs-warnings"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(text.matches("current, disagrees").count(), 2, "{text}");
    assert!(
        text.ends_with("; 1 fact whose sources disagree\n"),
        "{text}"
    );
}

#[test]
fn a_directive_naming_an_unknown_fact_is_a_warning() {
    let dir = fixture();
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-08-15\nlang: en\n---\n<!-- factcheck-disable-next-line troops-snet -->\nPyongyang sent more than 20,000 soldiers to Russia.\n",
    );
    let out = factcheck(dir.path())
        .args(["verify", "a.md", "--format", "concise"])
        .output()
        .unwrap();
    // The typo silences nothing: the contradiction fails the run.
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("a.md:6:16: contradicted: "),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains("warning: a.md:6: suppression names fact `troops-snet`, which no loaded reference file defines"),
        "{err}"
    );
    assert!(
        err.contains(
            "warning: a.md:5: `factcheck-disable-next-line troops-snet` silences no problem"
        ),
        "{err}"
    );
}
