//! `--format html`: one self-contained page (inline CSS and JS, no network)
//! an editor reads at a glance: a summary bar that filters by verdict, a
//! contents list worst first, and each article with its claims highlighted
//! by verdict (colour, icon and number), details on hover or focus and as
//! numbered notes below the text, which is also what prints.
//!
//! Everything that comes from input (article text, paths, fact ids, source
//! names, URLs, explanations) goes through [`escape`]; links are made only
//! from http and https URLs.

mod article;

use std::fmt::Write as _;
use std::io::{self, Write};

use super::spool::Spool;
use super::{Mode, Report, Style, Summary};
use crate::check::{Evidence, Finding, Role, Verdict};
use crate::describe;
use crate::lang::Lang;
use crate::pipeline::FileResult;

const CSS: &str = include_str!("style.css");
const JS: &str = include_str!("script.js");

/// Inline style and script only; nothing is fetched. The script is
/// allowed by its hash, not by `'unsafe-inline'`: the SHA-256 of the text
/// between `<script>` and `</script>`, a newline then `script.js`
/// (`tests/hardening.rs` recomputes it from a written report, so editing
/// the script without updating the hash fails the tests).
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; \
script-src 'sha256-JskNoMzb5o8tKpUNx4YGyHpE5BMOHbFE+OxgrmfPtDo='; img-src data:";

/// Escapes text for HTML content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The URL if it may become a link: http or https, no whitespace or
/// control characters. Anything else (javascript:, data:, file:) is shown
/// as text.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme_ok = ["http://", "https://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    });
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme_ok && clean && url.len() > "https://".len()).then_some(url)
}

/// The sign shown with each verdict, so colour is never the only signal.
pub(crate) fn icon(verdict: Verdict) -> &'static str {
    verdict.look().sign
}

/// Counts per verdict, in [`Verdict::BY_SEVERITY`] order: comparing two
/// of them lexicographically puts the worse file first.
type Counts = [usize; Verdict::COUNT];

fn counts(findings: &[Finding]) -> Counts {
    let mut counts = [0; Verdict::COUNT];
    for finding in findings {
        counts[finding.verdict.severity_index()] += 1;
    }
    counts
}

/// One article, rendered into the spool when it arrives and copied out,
/// worst first, when the run finishes: memory keeps its path and counts.
struct Section {
    path: String,
    counts: Counts,
    /// Where its HTML lies in the spool.
    start: u64,
    len: u64,
}

pub struct Html {
    style: Style,
    sections: Vec<Section>,
    /// The articles' language while they share one; the page's bar,
    /// contents and footer are in it, and in English once two differ.
    lang: PageLang,
    /// The articles' HTML, waiting for the summary bar that goes first.
    spool: Spool,
}

/// The language of the page's own words (see [`Html::lang`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageLang {
    None,
    One(Lang),
    Mixed,
}

impl PageLang {
    fn with(self, lang: Lang) -> PageLang {
        match self {
            PageLang::None => PageLang::One(lang),
            PageLang::One(l) if l == lang => self,
            _ => PageLang::Mixed,
        }
    }

    fn lang(self) -> Lang {
        match self {
            PageLang::One(l) => l,
            _ => Lang::En,
        }
    }
}

impl Html {
    pub fn new(style: Style) -> Html {
        Html {
            style,
            sections: Vec::new(),
            lang: PageLang::None,
            spool: Spool::default(),
        }
    }
}

/// HTML built in a string is handed on past this many bytes, so a large
/// article is never held whole.
const FLUSH_AT: usize = 1 << 16;

/// Writes `html` to `out` and empties it once it holds [`FLUSH_AT`] bytes.
fn flush_full(html: &mut String, out: &mut dyn Write) -> io::Result<()> {
    if html.len() >= FLUSH_AT {
        out.write_all(html.as_bytes())?;
        html.clear();
    }
    Ok(())
}

/// The verdict as `lang`'s readers name it in the page's chips and
/// filters ("Falso"); its own name where the report speaks English.
fn reader_word(verdict: Verdict, lang: Lang) -> &'static str {
    let data = lang.data();
    if data.explanation_words.is_empty() {
        verdict.name()
    } else {
        data.verdict_word(verdict.name())
    }
}

/// "1 claim", "3 claims", "3 dati": a count and its noun in `lang`.
fn count_of(n: usize, one: &str, many: &str, lang: Lang) -> String {
    let word = lang.data().say(if n == 1 { one } else { many });
    format!("{n} {}", escape(word))
}

/// Small verdict chips: "✗ 1 contradicted", "✗ 1 Falso", non-zero counts
/// only, the verdict as `lang`'s readers name it.
fn chips(counts: &Counts, lang: Lang) -> String {
    let mut out = String::from("<span class=\"chips\">");
    for (verdict, n) in Verdict::BY_SEVERITY.iter().zip(counts) {
        if *n > 0 {
            let _ = write!(
                out,
                "<span class=\"chip\" data-verdict=\"{v}\"><span class=\"icon\" aria-hidden=\"true\">{i}</span> {n} {w}</span>",
                v = verdict.name(),
                w = escape(reader_word(*verdict, lang)),
                i = icon(*verdict),
            );
        }
    }
    out.push_str("</span>");
    out
}

/// What one source says: sign, linked name, figure, date, role.
fn evidence(out: &mut String, e: &Evidence, lang: Lang) {
    let say = |english| lang.data().say(english);
    let (state, sign, label) = match e.role {
        Role::Later => ("later", "·", say("published later, not judged")),
        _ if e.agrees => ("agrees", "✓", say("agrees")),
        _ => ("disagrees", "✗", say("disagrees")),
    };
    let _ = write!(
        out,
        "<span class=\"src\" data-agrees=\"{state}\"><span class=\"sign\" title=\"{label}\" aria-label=\"{label}\">{sign}</span> "
    );
    match e.url.as_deref().and_then(safe_url) {
        Some(url) => {
            let _ = write!(
                out,
                "<a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
                escape(url),
                escape(&e.source)
            );
        }
        None => out.push_str(&escape(&e.source)),
    }
    let _ = write!(
        out,
        " <b class=\"fig\">{}</b>",
        escape(&e.figure.describe(lang))
    );
    match e.as_of {
        Some(date) => {
            let _ = write!(out, " <span class=\"date\">{date}</span>");
        }
        None => {
            let _ = write!(out, " <span class=\"date\">{}</span>", say("undated"));
        }
    }
    let mut notes = Vec::new();
    match e.role {
        Role::Replaced => notes.push(say("since replaced")),
        Role::Later => notes.push(say("published after the article")),
        Role::Current => {}
    }
    if e.named {
        notes.push(say("named in the article"));
    }
    if !notes.is_empty() {
        let _ = write!(out, " <span class=\"role\">{}</span>", notes.join(", "));
    }
    out.push_str("</span>");
}

/// The verdict as the article's reader names it, with the report's own
/// name after it: "Falso (contradicted)"; the name alone when they agree.
fn verdict_label(verdict: Verdict, lang: Lang) -> String {
    let name = verdict.name();
    let word = lang.data().verdict_word(name);
    if word.eq_ignore_ascii_case(name) {
        escape(name)
    } else {
        format!("{} ({name})", escape(word))
    }
}

/// The details of a finding, phrasing content only (it lives inside a
/// `<mark>` as a popover and inside a note).
fn details(finding: &Finding, lang: Lang, mode: Mode) -> String {
    let mut out = String::new();
    if mode == Mode::Verify {
        let _ = write!(
            out,
            "<span class=\"verdict\" data-verdict=\"{v}\"><span aria-hidden=\"true\">{i}</span> {w}</span>",
            v = finding.verdict.name(),
            w = verdict_label(finding.verdict, lang),
            i = icon(finding.verdict),
        );
    }
    let say = |english| lang.data().say(english);
    let _ = write!(
        out,
        "<span class=\"row\"><span class=\"k\">{}</span> {}</span>",
        say("claim"),
        escape(&describe::claim_in(&finding.claim, lang))
    );
    if let Some((id, about)) = finding.fact() {
        let _ = write!(
            out,
            "<span class=\"row\"><span class=\"k\">{}</span> {} <code>{}</code></span>",
            say("fact"),
            escape(about),
            escape(id)
        );
    }
    if !finding.evidence().is_empty() {
        let _ = write!(
            out,
            "<span class=\"row\"><span class=\"k\">{}</span><span class=\"srcs\">",
            say("sources")
        );
        for e in finding.evidence() {
            evidence(&mut out, e, lang);
        }
        out.push_str("</span></span>");
    }
    let explanation = finding.explanation_in(lang);
    if mode == Mode::Verify && !explanation.is_empty() {
        let _ = write!(out, "<span class=\"why\">{}</span>", escape(&explanation));
    }
    out
}

/// Writes the article of `file` to `out`, streaming a large one; returns
/// its path and counts for the contents.
fn section(
    out: &mut dyn Write,
    file: &FileResult,
    number: usize,
    mode: Mode,
) -> io::Result<(String, Counts)> {
    let doc = &file.doc;
    let path = doc.path();
    let counts = counts(&file.findings);
    let lang = file.lang;
    let spans: Vec<_> = file.findings.iter().map(|f| f.claim.span).collect();
    let body = doc.body_start();
    let ok = article::highlightable(&doc.text, body, &spans);
    let mut marks: Vec<_> = spans
        .iter()
        .enumerate()
        .filter(|(i, _)| ok[*i])
        .map(|(i, s)| (*s, i))
        .collect();
    marks.sort_by_key(|(s, _)| s.start);
    // Rendering copies the marks' spans: this copy goes first (a
    // figure-dense article has hundreds of thousands).
    drop(spans);

    let mut html = String::new();
    let worst = file.worst().map_or("none", |v| v.name());
    let say = |english| lang.data().say(english);
    let date = file
        .date
        .map_or(say("no publication date").to_string(), |d| d.to_string());
    let _ = write!(
        html,
        "<article class=\"file\" id=\"f{number}\" data-worst=\"{worst}\">\n<header class=\"file-head\"><h2>{}</h2>\n<p class=\"meta\"><span>{}</span> <span>{}</span> <span>{}</span> {}</p></header>\n",
        escape(&path),
        lang.code(),
        escape(&date),
        count_of(file.findings.len(), "claim", "claims", lang),
        chips(&counts, lang),
    );
    let _ = writeln!(html, "<div class=\"text\" lang=\"{}\">", lang.code());
    let mut wrap = |i: usize, text: &str| {
        let verdict = file.findings[i].verdict;
        let n = i + 1;
        format!(
            "<mark class=\"claim\" id=\"c{number}-{n}\" data-verdict=\"{v}\" tabindex=\"0\" aria-describedby=\"p{number}-{n}\">{text}<span class=\"badge\" aria-hidden=\"true\">{i}{n}</span><span class=\"pop\" id=\"p{number}-{n}\">{d}</span></mark>",
            v = verdict.name(),
            i = icon(verdict),
            d = details(&file.findings[i], lang, mode),
        )
    };
    let before = html.len();
    let mut written = 0;
    article::render(&doc.text, body, &marks, &mut wrap, &mut html, &mut |html| {
        written += html.len();
        out.write_all(html.as_bytes())?;
        html.clear();
        Ok(())
    })?;
    if written + html.len() == before {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>",
            escape(say("(empty article)"))
        );
    }
    html.push_str("</div>\n");

    if file.findings.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"none\">{}</p>",
            escape(say("No claims found."))
        );
    } else {
        let _ = write!(
            html,
            "<section class=\"notes\" aria-label=\"{} {}\"><h3>{}</h3>\n<ol>\n",
            escape(say("Claims in")),
            escape(&path),
            escape(say("Claims"))
        );
        for (i, finding) in file.findings.iter().enumerate() {
            let n = i + 1;
            let pos = doc.lines.position(&doc.text, finding.claim.span.start);
            let quote = doc.text.get(finding.claim.span.range()).unwrap_or("");
            let target = if ok[i] {
                format!(
                    "<a class=\"at\" href=\"#c{number}-{n}\">{}:{}</a>",
                    pos.line, pos.column
                )
            } else {
                format!(
                    "<span class=\"at\">{}:{}</span> <span class=\"role\">{}</span>",
                    pos.line,
                    pos.column,
                    escape(say("overlaps another claim, not highlighted"))
                )
            };
            let _ = writeln!(
                html,
                "<li id=\"n{number}-{n}\" value=\"{n}\" data-verdict=\"{v}\"><span class=\"badge\" aria-hidden=\"true\">{icon}{n}</span> {target} <q>{}</q><span class=\"detail\">{}</span></li>",
                escape(quote),
                details(finding, lang, mode),
                v = finding.verdict.name(),
                icon = icon(finding.verdict),
            );
            flush_full(&mut html, out)?;
        }
        html.push_str("</ol></section>\n");
    }
    html.push_str("</article>\n");
    out.write_all(html.as_bytes())?;
    Ok((path, counts))
}

impl Report for Html {
    fn file(&mut self, _out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let number = self.sections.len() + 1;
        let start = self.spool.len();
        let (path, counts) = section(&mut self.spool, file, number, self.style.mode)?;
        self.lang = self.lang.with(file.lang);
        self.sections.push(Section {
            path,
            counts,
            start,
            len: self.spool.len() - start,
        });
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        // Worst first; a stable sort keeps the input order among equals.
        let mut order: Vec<usize> = (0..self.sections.len()).collect();
        order.sort_by(|a, b| self.sections[*b].counts.cmp(&self.sections[*a].counts));

        let mut page = String::new();
        let lang = self.lang.lang();
        let say = |english| escape(lang.data().say(english));
        let totals = format!(
            "{}, {}",
            count_of(summary.files, "file", "files", lang),
            count_of(summary.claims, "claim", "claims", lang)
        );
        let _ = write!(
            page,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"color-scheme\" content=\"light dark\">\n\
<meta name=\"generator\" content=\"factcheck {}\">\n\
<title>factcheck: {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
            lang.code(),
            env!("CARGO_PKG_VERSION"),
            totals,
        );
        let _ = write!(
            page,
            "<header class=\"bar\">\n<h1>factcheck</h1>\n<p class=\"totals\" data-claims=\"{}\">{}",
            summary.claims, totals
        );
        if summary.errors > 0 {
            let _ = write!(
                page,
                ", <strong>{} {}</strong>",
                summary.errors,
                say("unreadable")
            );
        }
        if let Some(config) = &summary.config {
            let _ = write!(
                page,
                "; {} <code>{}</code>",
                say("settings from"),
                escape(config)
            );
        }
        page.push_str("</p>\n");
        if self.style.mode == Mode::Verify {
            let _ = writeln!(
                page,
                "<div class=\"filters\" role=\"group\" aria-label=\"{}\">",
                say("Show only claims that are")
            );
            for verdict in Verdict::BY_SEVERITY {
                let _ = writeln!(
                    page,
                    "<button type=\"button\" class=\"filter\" data-verdict=\"{v}\" aria-pressed=\"false\"><span class=\"icon\" aria-hidden=\"true\">{i}</span> {w} <span class=\"count\">{n}</span></button>",
                    v = verdict.name(),
                    w = escape(reader_word(verdict, lang)),
                    i = icon(verdict),
                    n = summary.count(verdict),
                );
            }
            let _ = write!(
                page,
                "<button type=\"button\" class=\"reset\" hidden>{}</button>\n</div>\n",
                say("show all")
            );
        }
        // The page scrolls inside `.page`, under a bar that never moves:
        // a report opened at a claim (`#c1-3`) scrolls that box, not the
        // document, which headless Chromium painted with a blank band.
        page.push_str("</header>\n<div class=\"page\" tabindex=\"-1\">\n<main>\n");
        if self.sections.len() > 1 {
            let _ = writeln!(
                page,
                "<nav class=\"contents\" aria-label=\"{w}\"><h2>{w}</h2>\n<ol>",
                w = say("Files, worst first")
            );
            for &i in &order {
                let s = &self.sections[i];
                let _ = writeln!(
                    page,
                    "<li><a href=\"#f{}\">{}</a> {}</li>",
                    i + 1,
                    escape(&s.path),
                    chips(&s.counts, lang)
                );
                flush_full(&mut page, out)?;
            }
            page.push_str("</ol></nav>\n");
        }
        if self.sections.is_empty() {
            let _ = writeln!(
                page,
                "<p class=\"none\">{}</p>",
                say("No articles were read.")
            );
        }
        out.write_all(page.as_bytes())?;
        page.clear();
        for &i in &order {
            let s = &self.sections[i];
            self.spool.copy_range(s.start, s.len, out)?;
        }
        let _ = write!(
            page,
            "</main>\n<footer><p>{} {} factcheck {}.</p></footer>\n</div>\n<script>\n{JS}</script>\n</body>\n</html>\n",
            say("Hover or focus a highlighted figure for its sources; press Escape to close."),
            say("Made by"),
            env!("CARGO_PKG_VERSION")
        );
        out.write_all(page.as_bytes())
    }
}

#[cfg(test)]
mod tests;
