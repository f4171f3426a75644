//! The HTML report in a real browser: headless Chromium loads the page from
//! disk, runs its script, and the DOM it dumps is checked against the JSON
//! report of the same run.
//!
//! Without Chromium the tests skip with a message, unless
//! `FACTCHECK_REQUIRE_CHROMIUM=1` (set by `.ci/run`) makes that a failure.
//! `FACTCHECK_CHROMIUM` names another binary.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use regex::Regex;
use serde_json::Value;

const FIXTURE: &str = "tests/cmd/html";
const BROWSER_TIMEOUT: Duration = Duration::from_secs(90);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The browser to use, or `None` (after saying why) to skip.
fn chromium() -> Option<PathBuf> {
    let required = std::env::var("FACTCHECK_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1");
    let candidates: Vec<PathBuf> = match std::env::var_os("FACTCHECK_CHROMIUM") {
        Some(path) => vec![PathBuf::from(path)],
        None => ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .filter_map(|name| which(name))
            .collect(),
    };
    let found = candidates.into_iter().find(|p| p.is_file());
    if found.is_none() {
        assert!(
            !required,
            "FACTCHECK_REQUIRE_CHROMIUM=1 but no chromium was found on PATH"
        );
        eprintln!(
            "skipping: chromium is not installed (apt-get install chromium, or set FACTCHECK_CHROMIUM)"
        );
    }
    found
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Runs factcheck from the crate root and returns its stdout.
fn factcheck(args: &[&str]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("factcheck runs");
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "factcheck failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Writes the HTML report of `paths`, opens it at `fragment` and returns
/// the DOM Chromium dumps after the page's script ran.
fn dump_dom(browser: &Path, paths: &[&str], fragment: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("report.html");
    let report_arg = report.to_string_lossy().into_owned();
    let mut args = vec!["verify", "--refs", "tests/cmd/html/claims"];
    args.extend(paths);
    args.extend(["--format", "html", "--output", &report_arg]);
    factcheck(&args);
    let dom = browse(
        browser,
        &format!("file://{}{fragment}", report.display()),
        &[],
    );
    assert!(
        dom.contains("data-ready=\"true\""),
        "the page's script did not run: {dom}"
    );
    dom
}

/// Loads `url` in headless Chromium (with `extra` flags) and returns the
/// DOM it dumps once the page's scripts ran.
fn browse(browser: &Path, url: &str, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .args(extra)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut dom = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut dom).map(|_| dom)
    });
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait on chromium").is_some() {
            break;
        }
        if started.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {BROWSER_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("reader thread").expect("DOM is UTF-8")
}

fn json(paths: &[&str]) -> Value {
    let mut args = vec!["verify", "--refs", "tests/cmd/html/claims"];
    args.extend(paths);
    args.extend(["--format", "json"]);
    common::checked(serde_json::from_slice(&factcheck(&args)).expect("JSON report"))
}

/// `(verdict, text)` of every highlighted claim, in document order.
fn marks(dom: &str) -> Vec<(String, String)> {
    let mark = Regex::new(r#"<mark class="claim"[^>]*data-verdict="([a-z]+)"[^>]*>([^<]*)"#)
        .expect("regex");
    mark.captures_iter(dom)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn highlights_and_counts_match_the_json_report() {
    let Some(browser) = chromium() else { return };
    let paths = [FIXTURE];
    let dom = dump_dom(&browser, &paths, "");
    let report = json(&paths);

    // Files worst first, each claim one highlight with its verdict.
    let mut files: Vec<&Value> = report["files"].as_array().expect("files").iter().collect();
    let worst = |file: &Value| {
        let order = [
            "contradicted",
            "misattributed",
            "outdated",
            "disputed",
            "unverified",
            "consistent",
        ];
        order.map(|v| {
            file["claims"]
                .as_array()
                .map_or(0, |c| c.iter().filter(|c| c["verdict"] == v).count())
        })
    };
    files.sort_by_key(|f| std::cmp::Reverse(worst(f)));
    let expected: Vec<(String, String)> = files
        .iter()
        .flat_map(|f| f["claims"].as_array().expect("claims"))
        .map(|c| {
            let text = c["text"].as_str().expect("text");
            // Line breaks inside a claim are rendered as <br>.
            let first_line = text.split('\n').next().unwrap_or("").to_string();
            (
                c["verdict"].as_str().expect("verdict").to_string(),
                first_line,
            )
        })
        .collect();
    let found: Vec<(String, String)> = marks(&dom)
        .into_iter()
        .map(|(v, t)| (v, unescape(&t)))
        .collect();
    assert_eq!(found, expected);
    for verdict in [
        "contradicted",
        "misattributed",
        "outdated",
        "disputed",
        "unverified",
        "consistent",
    ] {
        assert!(
            found.iter().any(|(v, _)| v == verdict),
            "the fixture shows a {verdict} claim"
        );
    }

    // The counts the script wrote equal the JSON summary.
    let button = Regex::new(r#"<button [^>]*data-verdict="([a-z]+)"[^>]*data-count="(\d+)""#)
        .expect("regex");
    let counts: Vec<(String, u64)> = button
        .captures_iter(&dom)
        .map(|c| (c[1].to_string(), c[2].parse().expect("a count")))
        .collect();
    assert_eq!(counts.len(), 6, "one filter per verdict: {counts:?}");
    for (verdict, count) in &counts {
        assert_eq!(
            Some(*count),
            report["summary"][verdict].as_u64(),
            "{verdict} count"
        );
    }
    let total = Regex::new(r#"class="totals"[^>]*data-count="(\d+)""#).expect("regex");
    let total: u64 = total.captures(&dom).expect("total count")[1]
        .parse()
        .expect("a count");
    assert_eq!(Some(total), report["summary"]["claims"].as_u64());

    // Several files: a contents list; the strict policy is in place.
    assert!(dom.contains("<nav class=\"contents\""));
    assert!(dom.contains("default-src 'none'"));
    // A javascript: URL from the reference file is never a link.
    assert!(!dom.contains("javascript:"));
    assert!(dom.contains("href=\"https://example.org/nis\""));
}

#[test]
fn markup_in_the_article_stays_text() {
    let Some(browser) = chromium() else { return };
    let dom = dump_dom(&browser, &["tests/cmd/html/hostile.md"], "");
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "only the report's own script element"
    );
    assert!(!dom.contains("<img"), "no img element from the article");
    // The tags show as text (the `1` of `alert(1)` may be highlighted).
    assert!(dom.contains("A &lt;script&gt;alert("), "{dom}");
    assert!(dom.contains("&lt;/script&gt; tag and an &lt;img src=x onerror=alert("));
    let report = json(&["tests/cmd/html/hostile.md"]);
    assert_eq!(
        marks(&dom).len() as u64,
        report["summary"]["claims"].as_u64().expect("claims")
    );
}

#[test]
fn a_fragment_filters_the_highlights() {
    let Some(browser) = chromium() else { return };
    let dom = dump_dom(
        &browser,
        &["tests/cmd/html/report.md"],
        "#only=contradicted,outdated",
    );
    let pressed =
        Regex::new(r#"<button [^>]*data-verdict="([a-z]+)" aria-pressed="true""#).expect("regex");
    let pressed: Vec<&str> = pressed
        .captures_iter(&dom)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
        .collect();
    assert_eq!(pressed, ["contradicted", "outdated"]);
    let mark = Regex::new(r#"<mark class="([a-z ]+)"[^>]*data-verdict="([a-z]+)""#).expect("regex");
    let marks: Vec<(String, String)> = mark
        .captures_iter(&dom)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect();
    let report = json(&["tests/cmd/html/report.md"]);
    assert_eq!(
        Some(marks.len() as u64),
        report["summary"]["claims"].as_u64()
    );
    for (class, verdict) in &marks {
        let shown = verdict == "contradicted" || verdict == "outdated";
        assert_eq!(class == "claim", shown, "{verdict}: class {class:?}");
    }
    let hidden = Regex::new(r#"<li id="n[0-9-]+" value="\d+" data-verdict="([a-z]+)" hidden"#)
        .expect("regex");
    assert_eq!(
        hidden.captures_iter(&dom).count(),
        4,
        "the other notes are hidden"
    );
}

/// Issue 18: opened at a claim's fragment, a report of many files drew its
/// bar about 270 px down with a blank band above (headless Chromium): the
/// document scrolled to the claim and was painted at the wrong offset. The
/// report now scrolls inside `.page` under a bar that stays put. The report
/// is loaded in a frame of a page that measures it (`--allow-file-access-
/// from-files` lets it read the frame): the document must not scroll, the
/// bar must be at the top and the claim visible below it.
#[test]
fn a_report_of_13_files_opened_at_a_claim_keeps_its_bar_on_top() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let article = std::fs::read_to_string(root().join("tests/cmd/html/report.md")).unwrap();
    let mut args = vec![
        "verify".to_string(),
        "--refs".to_string(),
        "tests/cmd/html/claims".to_string(),
    ];
    for i in 1..=13 {
        let path = dir.path().join(format!("r{i:02}.md"));
        std::fs::write(&path, &article).unwrap();
        args.push(path.display().to_string());
    }
    let report = dir.path().join("report.html");
    args.extend(["--format", "html", "--output"].map(String::from));
    args.push(report.display().to_string());
    factcheck(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("id=\"c1-3\""), "no claim c1-3");
    let probe = dir.path().join("probe.html");
    std::fs::write(
        &probe,
        r#"<!DOCTYPE html><html><body><iframe id="f" src="report.html#c1-3" width="1200" height="600"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  setTimeout(function () {
    var w = document.getElementById("f").contentWindow, d = w.document;
    var bar = d.querySelector(".bar").getBoundingClientRect();
    var mark = d.getElementById("c1-3").getBoundingClientRect();
    document.body.setAttribute("data-probe", [w.scrollY, bar.top, bar.bottom, mark.top, mark.bottom, w.innerHeight].join(" "));
  }, 300);
});
</script></body></html>"#,
    )
    .unwrap();
    let dom = browse(
        &browser,
        &format!("file://{}", probe.display()),
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
        ],
    );
    let probe = Regex::new(r#"data-probe="([^"]*)""#)
        .unwrap()
        .captures(&dom)
        .unwrap_or_else(|| panic!("the probe did not run: {dom}"))[1]
        .to_string();
    let v: Vec<f64> = probe.split(' ').map(|x| x.parse().unwrap()).collect();
    let (scroll, bar_top, bar_bottom, mark_top, mark_bottom, height) =
        (v[0], v[1], v[2], v[3], v[4], v[5]);
    assert_eq!(scroll, 0.0, "the document scrolled: {probe}");
    assert_eq!(bar_top, 0.0, "the bar is not at the top: {probe}");
    assert!(
        mark_top >= bar_bottom && mark_bottom <= height,
        "the claim is not in view below the bar: {probe}"
    );
}
