//! `compare`'s reports, one function per format, all written at the end
//! (clusters exist only once every file is read). The JSON wire types,
//! schema `factcheck-compare/v1`, live here apart from the domain types;
//! `tests/schema/factcheck-compare-v1.json` describes them.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::{Cluster, Comparison, Item, Status};
use crate::claim::{Qualifier, Value};
use crate::describe;
use crate::report::{
    Format, escape_cell, escape_controls, escape_data, escape_html, escape_property,
};

pub const SCHEMA: &str = "factcheck-compare/v1";

/// A status's sign, so that colour is never the only signal.
pub(crate) fn icon(status: Status) -> &'static str {
    match status {
        Status::Conflict => "✗",
        Status::Changed => "↗",
        Status::Agree => "✓",
        Status::Alone => "·",
    }
}

/// Writes the comparison in `format` (every `verify` format but JUnit).
pub fn write(
    out: &mut dyn Write,
    format: Format,
    comparison: &Comparison,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Json => json(out, comparison),
        Format::Markdown => markdown(out, comparison),
        Format::Html => html(out, comparison),
        Format::Github => github(out, comparison),
        Format::Sarif => sarif(out, comparison),
        Format::Table
        | Format::Junit
        | Format::ClaimReview
        | Format::Concise
        | Format::Jsonl
        | Format::Gitlab
        | Format::Rdjson => table(out, comparison, color),
    }
}

/// `3 files, 9 clusters: 1 conflict, 1 changed, 7 agree`.
pub(crate) fn summary_line(comparison: &Comparison) -> String {
    let files = comparison.corpus.files.len();
    let listed = comparison.listed().count();
    let mut line = format!(
        "{files} file{}, {listed} cluster{}",
        if files == 1 { "" } else { "s" },
        if listed == 1 { "" } else { "s" }
    );
    let mut first = true;
    for status in Status::BY_SEVERITY {
        if status == Status::Alone && !comparison.all {
            continue;
        }
        line.push_str(if first { ": " } else { ", " });
        first = false;
        let _ = write!(line, "{} {}", comparison.count(status), status.name());
    }
    if !comparison.corpus.errors.is_empty() {
        let _ = write!(line, ", {} unreadable", comparison.corpus.errors.len());
    }
    line
}

/// The claim's figure normalized: "2,497", "about 600", "2023-09-08".
pub fn figure(item: &Item) -> String {
    match &item.claim.value {
        Value::Quantity(q) => describe::quantity(q, item.lang),
        Value::Date(Some(d)) => d.iso(),
        Value::Time(Some(t)) => t.iso(),
        _ => "unresolved".to_string(),
    }
}

fn date(item: &Item) -> String {
    item.time.map_or("undated".to_string(), |t| t.iso())
}

fn location(comparison: &Comparison, item: &Item) -> String {
    format!(
        "{}:{}:{}",
        comparison.corpus.files[item.file].path, item.line, item.column
    )
}

fn members<'a>(comparison: &'a Comparison, cluster: &'a Cluster) -> impl Iterator<Item = &'a Item> {
    cluster.members.iter().map(|&m| &comparison.corpus.items[m])
}

/// The terminal table: a heading per cluster, a line per claim.
pub fn table(out: &mut dyn Write, comparison: &Comparison, color: bool) -> io::Result<()> {
    let paint = |status: Status, text: &str| -> String {
        if !color {
            return text.to_string();
        }
        let code = match status {
            Status::Conflict => "31;1",
            Status::Changed => "33",
            Status::Agree => "32",
            Status::Alone => "2",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    };
    for cluster in comparison.listed() {
        let head = format!(
            "{} {} {}",
            icon(cluster.status),
            cluster.id,
            cluster.status.name()
        );
        writeln!(
            out,
            "{}  {} · {}",
            paint(cluster.status, &head),
            cluster.kind,
            escape_controls(&cluster.about)
        )?;
        for item in members(comparison, cluster) {
            writeln!(
                out,
                "    {:<28} {:<18} {:<10} {:<24} {}",
                escape_controls(&location(comparison, item)),
                figure(item),
                date(item),
                escape_controls(item.source.as_deref().unwrap_or("—")),
                escape_controls(&item.text)
            )?;
        }
    }
    writeln!(out, "{}", summary_line(comparison))
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    schema: &'static str,
    files: Vec<JsonFile<'a>>,
    clusters: Vec<JsonCluster<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    lang: &'static str,
    date: Option<String>,
}

#[derive(Serialize)]
struct JsonCluster<'a> {
    id: &'a str,
    kind: &'static str,
    about: &'a str,
    status: &'static str,
    claims: Vec<JsonClaim<'a>>,
}

/// A figure: a number, or an ISO date for dates and times.
#[derive(Serialize)]
#[serde(untagged)]
enum JsonValue {
    Number(Num),
    Date(String),
}

/// A number as `verify`'s JSON writes it: integers without `.0`.
#[derive(Serialize, Clone, Copy)]
#[serde(untagged)]
enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    fn of(v: f64) -> Num {
        if v.fract() == 0.0 && v.abs() < 9e15 {
            Num::Int(v as i64)
        } else {
            Num::Float(v)
        }
    }
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: Option<JsonValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<Option<Num>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<Option<Num>>,
    qualifier: Option<&'static str>,
    source: Option<&'a str>,
    date: Option<String>,
}

fn finite(v: Option<f64>) -> Option<Num> {
    v.filter(|v| v.is_finite()).map(Num::of)
}

fn json_claim<'a>(comparison: &'a Comparison, item: &'a Item) -> JsonClaim<'a> {
    let (value, low, high, qualifier) = match &item.claim.value {
        Value::Quantity(q) => {
            let bounds = q.qualifier != Qualifier::Exact;
            (
                finite(q.value).map(JsonValue::Number),
                bounds.then(|| finite(q.interval.low)),
                bounds.then(|| finite(q.interval.high)),
                Some(q.qualifier.name()),
            )
        }
        Value::Date(d) => (d.map(|d| JsonValue::Date(d.iso())), None, None, None),
        Value::Time(t) => (t.map(|t| JsonValue::Date(t.iso())), None, None, None),
    };
    JsonClaim {
        path: &comparison.corpus.files[item.file].path,
        start: item.claim.span.start,
        end: item.claim.span.end,
        text: &item.text,
        value,
        low,
        high,
        qualifier,
        source: item.source.as_deref(),
        date: item.time.map(|t| t.iso()),
    }
}

/// `--format json`: one `factcheck-compare/v1` document.
pub fn json(out: &mut dyn Write, comparison: &Comparison) -> io::Result<()> {
    let doc = JsonDoc {
        schema: SCHEMA,
        files: comparison
            .corpus
            .files
            .iter()
            .map(|f| JsonFile {
                path: &f.path,
                lang: f.lang.code(),
                date: f.date.map(|d| d.to_string()),
            })
            .collect(),
        clusters: comparison
            .listed()
            .map(|c| JsonCluster {
                id: &c.id,
                kind: c.kind.name(),
                about: &c.about,
                status: c.status.name(),
                claims: members(comparison, c)
                    .map(|i| json_claim(comparison, i))
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// `--format markdown`: the summary, then a table per conflict and
/// change (agreeing clusters are counted, not listed, unless `--all`).
pub fn markdown(out: &mut dyn Write, comparison: &Comparison) -> io::Result<()> {
    writeln!(out, "## factcheck compare\n")?;
    writeln!(out, "{}", summary_line(comparison))?;
    for cluster in comparison.listed() {
        if cluster.status == Status::Agree && !comparison.all {
            continue;
        }
        writeln!(
            out,
            "\n### {} {} `{}` — {}\n",
            icon(cluster.status),
            cluster.status.name(),
            cluster.id,
            escape_cell(&cluster.about)
        )?;
        writeln!(out, "| Where | Figure | Date | Source | Claim |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for item in members(comparison, cluster) {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape_cell(&location(comparison, item)),
                escape_cell(&figure(item)),
                date(item),
                escape_cell(item.source.as_deref().unwrap_or("—")),
                escape_cell(&item.text)
            )?;
        }
    }
    Ok(())
}

/// `--format github`: an `::error` on each claim of a conflict, naming
/// the other figures; changes and agreements are not annotated.
pub fn github(out: &mut dyn Write, comparison: &Comparison) -> io::Result<()> {
    for cluster in comparison.listed().filter(|c| c.status == Status::Conflict) {
        let all: Vec<String> = members(comparison, cluster)
            .map(|i| format!("{} ({})", figure(i), location(comparison, i)))
            .collect();
        for item in members(comparison, cluster) {
            let file = &comparison.corpus.files[item.file];
            writeln!(
                out,
                "::error file={},line={},col={},title={}::{}",
                escape_property(&file.path),
                item.line,
                item.column,
                escape_property(&format!("factcheck compare: conflict ({})", cluster.id)),
                escape_data(&format!(
                    "{} — {}: {}",
                    item.text,
                    cluster.about,
                    all.join(", ")
                ))
            )?;
        }
    }
    writeln!(out, "{}", summary_line(comparison))
}

/// `--format sarif`: SARIF 2.1.0, a result per conflict (`error`) and per
/// change (`note`) at its first claim, the others as related locations.
pub fn sarif(out: &mut dyn Write, comparison: &Comparison) -> io::Result<()> {
    let location = |item: &Item, id: Option<usize>| {
        let mut loc = serde_json::json!({
            "physicalLocation": {
                "artifactLocation": {"uri": comparison.corpus.files[item.file].path},
                "region": {"startLine": item.line, "startColumn": item.column}
            }
        });
        if let Some(id) = id {
            loc["id"] = serde_json::json!(id);
            loc["message"] =
                serde_json::json!({"text": format!("{} ({})", item.text, figure(item))});
        }
        loc
    };
    let results: Vec<serde_json::Value> = comparison
        .listed()
        .filter(|c| matches!(c.status, Status::Conflict | Status::Changed))
        .map(|c| {
            let items: Vec<&Item> = members(comparison, c).collect();
            let figures: Vec<String> = items.iter().map(|i| figure(i)).collect();
            serde_json::json!({
                "ruleId": c.status.name(),
                "level": if c.status == Status::Conflict { "error" } else { "note" },
                "message": {"text": format!("{} {}: {} — {}", c.status.name(), c.id, c.about, figures.join(", "))},
                "locations": [location(items[0], None)],
                "relatedLocations": items.iter().enumerate().map(|(n, i)| location(i, Some(n))).collect::<Vec<_>>(),
                "partialFingerprints": {"factcheckCluster/v1": format!("{}:{}", c.kind, c.about)},
            })
        })
        .collect();
    let rule = |id: &str, text: &str, level: &str| {
        serde_json::json!({
            "id": id,
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": level}
        })
    };
    let log = serde_json::json!({
        "$schema": crate::report::SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": [
                    rule("conflict", "Articles give incompatible figures for the same quantity at the same time", "error"),
                    rule("changed", "A figure changed between articles of different dates", "note"),
                ]
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// No script at all, so no hash to keep: inline style only.
pub const HTML_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

const HTML_STYLE: &str = "
:root { color-scheme: light dark; --conflict: #b3261e; --changed: #8a5a00; --agree: #1e6b32; --alone: #666; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; }
.bar { display: flex; gap: 1rem; padding: .5rem 0; border-bottom: 1px solid #8884; }
.cluster { margin: 1.2rem 0; border-left: 4px solid var(--s); padding-left: .8rem; }
.cluster h2 { font-size: 1.05rem; margin: 0 0 .3rem; }
.status { color: var(--s); font-weight: 600; }
[data-status=conflict] { --s: var(--conflict); } [data-status=changed] { --s: var(--changed); }
[data-status=agree] { --s: var(--agree); } [data-status=alone] { --s: var(--alone); }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .15rem .5rem; border-bottom: 1px solid #8882; vertical-align: top; }
code { font-size: .9em; }
@media (prefers-color-scheme: dark) { :root { --conflict: #ff8a80; --changed: #ffcc66; --agree: #7bd88f; } }
";

/// `--format html`: one self-contained page, no script, no network.
pub fn html(out: &mut dyn Write, comparison: &Comparison) -> io::Result<()> {
    let mut page = String::with_capacity(16 * 1024);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{HTML_CSP}\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>factcheck compare</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n\
<h1>factcheck compare</h1>\n<p class=\"summary\">{}</p>\n<div class=\"bar\">",
        escape_html(&summary_line(comparison))
    );
    for status in Status::BY_SEVERITY {
        let _ = write!(
            page,
            "<span class=\"count\" data-status=\"{0}\"><span class=\"status\">{1} {0}</span> <b>{2}</b></span>",
            status.name(),
            icon(status),
            comparison.count(status)
        );
    }
    page.push_str("</div>\n");
    for cluster in comparison.listed() {
        let _ = write!(
            page,
            "<section class=\"cluster\" id=\"{id}\" data-status=\"{status}\">\n\
<h2><span class=\"status\">{icon} {status}</span> <code>{id}</code> {kind} · {about}</h2>\n\
<table><thead><tr><th>Where</th><th>Figure</th><th>Date</th><th>Source</th><th>Claim</th></tr></thead><tbody>\n",
            id = escape_html(&cluster.id),
            status = cluster.status.name(),
            icon = icon(cluster.status),
            kind = cluster.kind,
            about = escape_html(&cluster.about),
        );
        for item in members(comparison, cluster) {
            let _ = writeln!(
                page,
                "<tr class=\"claim\"><td><code>{}</code></td><td class=\"figure\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&location(comparison, item)),
                escape_html(&figure(item)),
                date(item),
                escape_html(item.source.as_deref().unwrap_or("—")),
                escape_html(&item.text)
            );
        }
        page.push_str("</tbody></table>\n</section>\n");
    }
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}
