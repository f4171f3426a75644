//! Reporters: one file per output format, chosen once from [`Format`].
//! Each writes to a `&mut dyn Write`, so tests capture them and nothing
//! else in the program knows the formats.

mod claimreview;
mod concise;
mod github;
mod gitlab;
mod html;
mod json;
mod jsonl;
mod junit;
mod markdown;
mod rdjson;
pub mod refs;
pub mod refs_check;
mod sarif;
mod spool;
mod table;
pub mod wire;

pub use github::{escape_data, escape_property};
pub use html::{escape as escape_html, safe_url};
pub use junit::escape_xml;
pub use markdown::escape_cell;
pub use sarif::SCHEMA_URI as SARIF_SCHEMA_URI;

use std::borrow::Cow;
use std::io::{self, Write};

use crate::check::{Finding, Verdict};
use crate::pipeline::FileResult;
use crate::text::span::Position;

/// What the run was: `extract` reports claims, `verify` adds verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Extract,
    Verify,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Github,
    Sarif,
    Junit,
    Markdown,
    Html,
    ClaimReview,
    Concise,
    Jsonl,
    Gitlab,
    Rdjson,
}

impl Format {
    pub const ALL: [Format; 12] = [
        Format::Table,
        Format::Concise,
        Format::Json,
        Format::Jsonl,
        Format::Github,
        Format::Sarif,
        Format::Junit,
        Format::Markdown,
        Format::Html,
        Format::ClaimReview,
        Format::Gitlab,
        Format::Rdjson,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::ClaimReview => "claimreview",
            Format::Concise => "concise",
            Format::Jsonl => "jsonl",
            Format::Gitlab => "gitlab",
            Format::Rdjson => "rdjson",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// One line saying what the format is for (`--help`).
    pub fn help(self) -> &'static str {
        match self {
            Format::Table => "One table per file, for the terminal",
            Format::Json => "factcheck/v1 JSON",
            Format::Github => "GitHub Actions annotations (workflow commands)",
            Format::Sarif => "SARIF 2.1.0, for code scanning",
            Format::Junit => "JUnit XML, one test case per claim",
            Format::Markdown => "Markdown, for a pull-request comment",
            Format::Html => {
                "One self-contained HTML page with the article and its highlighted claims"
            }
            Format::ClaimReview => {
                "schema.org ClaimReview JSON-LD, one object per alarm at or above --fail-on"
            }
            Format::Concise => "One line per problem, path:line:col: verdict: message",
            Format::Jsonl => "JSON Lines, one factcheck/v1 claim per line, streamed",
            Format::Gitlab => "GitLab Code Quality report, for merge requests",
            Format::Rdjson => "Reviewdog Diagnostic Format (rdjson), for reviewdog -f=rdjson",
        }
    }

    /// The formats `extract` writes: it has no verdicts to annotate.
    pub const EXTRACT: [Format; 3] = [Format::Table, Format::Json, Format::Jsonl];

    /// The formats `compare` writes: clusters, not test cases or reviews.
    pub const COMPARE: [Format; 6] = [
        Format::Table,
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Github,
        Format::Sarif,
    ];
}

/// Counts for the run's closing line and JSON summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub claims: usize,
    /// Per verdict, indexed like [`Verdict::BY_SEVERITY`].
    pub verdicts: [usize; Verdict::COUNT],
    /// Files that could not be read.
    pub errors: usize,
    /// Findings silenced by a suppression comment: counted here and in
    /// `claims`, not under their verdict, so they never fail the run.
    pub suppressed: usize,
    /// The `factcheck.toml` the run used, as shown to the user.
    pub config: Option<String>,
}

impl Summary {
    pub fn add(&mut self, file: &FileResult) {
        self.files += 1;
        self.claims += file.findings.len();
        for (finding, suppressed) in file.entries() {
            if suppressed {
                self.suppressed += 1;
            } else {
                self.verdicts[finding.verdict.severity_index()] += 1;
            }
        }
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        self.verdicts[verdict.severity_index()]
    }

    /// Findings at `level` or worse.
    pub fn at_or_above(&self, level: Verdict) -> usize {
        Verdict::BY_SEVERITY
            .iter()
            .filter(|v| **v >= level)
            .map(|v| self.count(*v))
            .sum()
    }
}

/// Characters a terminal or a viewer may act on rather than show: C0 and
/// C1 controls (an escape sequence starts with ESC), DEL, and the
/// direction overrides that reorder what is shown ("Trojan source").
fn is_hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text from a file name, an article or a reference file made safe for a
/// human-readable report: each control character becomes `\u{1b}`, so it
/// is seen instead of acted on. Line breaks are escaped too; see
/// [`escape_controls_but_newlines`] for multi-line messages.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_where(text, is_hostile)
}

/// [`escape_controls`], keeping `\n` (messages of several lines).
pub fn escape_controls_but_newlines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c != '\n' && is_hostile(c))
}

fn escape_where(text: &str, hostile: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hostile(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `\u{1b}` for ESC.
fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// Options every reporter may use.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub mode: Mode,
    /// Colour (ANSI) is wanted: a terminal and no `NO_COLOR`.
    pub color: bool,
    /// `--quiet`: the table lists only problems (see [`Verdict::is_problem`]) and
    /// skips files without any; other formats are unchanged.
    pub quiet: bool,
    /// `--fail-on`: findings at this level or worse fail the run (JUnit
    /// failures); `None` for never.
    pub fail_on: Option<Verdict>,
}

/// Where a finding's claim starts and ends: 1-based lines, columns in
/// characters; `end` is the position just after the last character.
pub(crate) fn claim_range(file: &FileResult, finding: &Finding) -> (Position, Position) {
    let doc = &file.doc;
    let span = finding.claim.span;
    (
        doc.lines.position(&doc.text, span.start),
        doc.lines.position(&doc.text, span.end),
    )
}

/// The findings an editor must look at ([`Verdict::is_problem`]) that no
/// comment suppresses: what annotations and issue lists report.
pub(crate) fn alarms(file: &FileResult) -> impl Iterator<Item = &Finding> {
    file.entries()
        .filter(|(finding, suppressed)| !suppressed && finding.verdict.is_problem())
        .map(|(finding, _)| finding)
}

/// An annotation's message for an editor: `"60 turbines" is
/// contradicted [fact]: explanation` in English; in a language with
/// explanation words, the verdict as its readers name it with the report's
/// own name after it and the explanation in that language (`"60
/// Windräder": Falsch (contradicted) [fact]: …`). `fact_note` is "" or
/// " [fact-id]".
pub(crate) fn verdict_message(
    file: &FileResult,
    finding: &Finding,
    quoted: &str,
    fact_note: &str,
) -> String {
    let data = file.lang.data();
    let explanation = finding.explanation_in(file.lang);
    let verdict = finding.verdict.name();
    if data.explanation_words.is_empty() {
        return format!("\"{quoted}\" is {verdict}{fact_note}: {explanation}");
    }
    let colon = data.say(": ");
    let word = data.verdict_word(verdict);
    format!("\"{quoted}\"{colon}{word} ({verdict}){fact_note}{colon}{explanation}")
}

/// The verdict as the article's reader names it, with its own name (the
/// word `--fail-on` takes) after it: "Falsch (contradicted)"; the name
/// alone where the report speaks English or they agree. The table's and
/// the Markdown report's verdict column, like the HTML report's.
pub(crate) fn verdict_in(verdict: Verdict, lang: crate::lang::Lang) -> String {
    let name = verdict.name();
    let data = lang.data();
    let word = data.verdict_word(name);
    if data.explanation_words.is_empty() || word.eq_ignore_ascii_case(name) {
        name.to_string()
    } else {
        format!("{word} ({name})")
    }
}

/// The claim's text on one line, whitespace runs folded.
pub(crate) fn claim_text(file: &FileResult, finding: &Finding) -> String {
    file.doc
        .text
        .get(finding.claim.span.range())
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `1 file, 3 claims, 1 contradicted, …, 1 suppressed` for closing lines.
pub(crate) fn summary_line(summary: &Summary) -> String {
    summary_line_for(summary, Mode::Verify)
}

/// The closing line of `mode`: `extract` has no verdict counts.
pub(crate) fn summary_line_for(summary: &Summary, mode: Mode) -> String {
    let mut line = format!(
        "{} file{}, {} claim{}",
        summary.files,
        if summary.files == 1 { "" } else { "s" },
        summary.claims,
        if summary.claims == 1 { "" } else { "s" },
    );
    if mode == Mode::Verify {
        for verdict in Verdict::BY_SEVERITY {
            line.push_str(&format!(", {} {}", summary.count(verdict), verdict.name()));
        }
        if summary.suppressed > 0 {
            line.push_str(&format!(", {} suppressed", summary.suppressed));
        }
    }
    if summary.errors > 0 {
        line.push_str(&format!(", {} unreadable", summary.errors));
    }
    line
}

/// A reporter: told about each file in order, then about the whole run.
pub trait Report {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// A renderer for the worker threads, for a format whose entry for a file
/// depends on that file alone (JSON, JSON Lines); `None` for the others,
/// which render as they write.
pub fn prerender(format: Format, style: Style) -> Option<Box<crate::pipeline::Render>> {
    match format {
        Format::Json => Some(Box::new(move |file| json::entry(file, style.mode))),
        Format::Jsonl => Some(Box::new(move |file| jsonl::entry(file, style.mode))),
        _ => None,
    }
}

pub fn reporter(format: Format, style: Style) -> Box<dyn Report> {
    match format {
        Format::Table => Box::new(table::Table::new(style)),
        Format::Json => Box::new(json::Json::new(style)),
        Format::Github => Box::new(github::Github::new(style)),
        Format::Sarif => Box::new(sarif::Sarif::new(style)),
        Format::Junit => Box::new(junit::Junit::new(style)),
        Format::Markdown => Box::new(markdown::Markdown::new(style)),
        Format::Html => Box::new(html::Html::new(style)),
        Format::ClaimReview => claimreview(style, None),
        Format::Concise => Box::new(concise::Concise::new(style)),
        Format::Jsonl => Box::new(jsonl::Jsonl::new(style)),
        Format::Gitlab => Box::new(gitlab::Gitlab::new(style)),
        Format::Rdjson => Box::new(rdjson::Rdjson::new(style)),
    }
}

/// The ClaimReview reporter, signed by `author` (`factcheck.toml`'s).
pub fn claimreview(style: Style, author: Option<String>) -> Box<dyn Report> {
    Box::new(claimreview::ClaimReview::new(style, author))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_verdict_has_its_own_row_of_the_table() {
        let names: Vec<&str> = Verdict::BY_SEVERITY.iter().map(|v| v.name()).collect();
        assert_eq!(
            names,
            [
                "contradicted",
                "misattributed",
                "outdated",
                "disputed",
                "unverified",
                "consistent"
            ]
        );
        for (i, v) in Verdict::BY_SEVERITY.into_iter().enumerate() {
            assert_eq!(v.severity_index(), i);
            assert_eq!(Verdict::parse(v.name()), Some(v));
            // Problems are what GitHub annotates and SARIF reports.
            assert_eq!(v.is_problem(), v.look().github_level.is_some());
        }
        assert!(Verdict::Outdated.fails(Some(Verdict::Disputed)));
        assert!(!Verdict::Disputed.fails(Some(Verdict::Outdated)));
        assert!(!Verdict::Contradicted.fails(None));
    }

    #[test]
    fn control_characters_are_shown_not_acted_on() {
        assert_eq!(escape_controls("a\u{1b}[31mb\u{7}"), "a\\u{1b}[31mb\\u{7}");
        assert_eq!(escape_controls("x\ny\u{202e}z"), "x\\u{a}y\\u{202e}z");
        assert_eq!(escape_controls_but_newlines("x\ny\r"), "x\ny\\u{d}");
        assert!(matches!(escape_controls("plain é"), Cow::Borrowed(_)));
    }
}
