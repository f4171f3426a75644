//! `refs list`: the loaded facts, their sources and dated figures, as a
//! terminal table or as a stable `factcheck-refs/v1` JSON document (wire
//! types here, apart from the domain types).

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table as Grid};
use serde::Serialize;

use crate::lang::Lang;
use crate::refs::{Fact, FactIndex, Figure, RefValue, Term, Tolerance};

pub const SCHEMA: &str = "factcheck-refs/v1";

#[derive(Serialize)]
struct Document {
    schema: &'static str,
    facts: Vec<FactJson>,
    sources: Vec<SourceJson>,
}

#[derive(Serialize)]
struct FactJson {
    id: String,
    about: Option<String>,
    topic: Option<String>,
    kind: &'static str,
    path: String,
    line: usize,
    column: usize,
    currency: Option<&'static str>,
    unit: Option<&'static str>,
    tolerance: Option<ToleranceJson>,
    #[serde(rename = "match")]
    groups: Vec<Vec<String>>,
    values: Vec<ValueJson>,
    /// The sources' current figures disagree among themselves: claims
    /// about the fact are disputed at best.
    disagree: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum ToleranceJson {
    Relative(f64),
    Absolute(f64),
}

#[derive(Serialize)]
struct ValueJson {
    source: String,
    source_key: Option<String>,
    /// The figure as written: a number, null for a range or a date.
    value: Option<serde_json::Value>,
    low: Option<serde_json::Value>,
    high: Option<serde_json::Value>,
    date: Option<String>,
    as_of: Option<String>,
    url: Option<String>,
    /// The source's latest figure (what a claim published today meets).
    current: bool,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct SourceJson {
    key: Option<String>,
    name: String,
    url: Option<String>,
    aliases: Vec<String>,
}

/// A term as written in a reference file, folded (`nordcorean*`).
pub(crate) fn term_text(term: &Term) -> String {
    term.words
        .iter()
        .map(|w| format!("{}{}", w.text, if w.prefix { "*" } else { "" }))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A number for JSON: whole numbers without a fraction (`11000`, not
/// `11000.0`).
fn num(n: f64) -> serde_json::Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        serde_json::Value::from(n as i64)
    } else {
        serde_json::Value::from(n)
    }
}

fn is_current(fact: &Fact, value: &RefValue) -> bool {
    let latest = fact
        .values
        .iter()
        .filter(|v| v.source == value.source)
        .filter_map(|v| v.as_of)
        .max();
    value.as_of.is_none() || value.as_of == latest
}

/// Writes the `factcheck-refs/v1` document.
pub fn json(out: &mut dyn Write, index: &FactIndex) -> io::Result<()> {
    let facts = index
        .facts
        .iter()
        .map(|fact| FactJson {
            id: fact.id.clone(),
            about: fact.about.clone(),
            topic: fact.topic.as_deref().map(String::from),
            kind: fact.kind.name(),
            path: fact.path.to_string(),
            line: fact.at.line,
            column: fact.at.column,
            currency: fact.currency.map(|c| c.code()),
            unit: fact.unit.map(|u| u.symbol()),
            tolerance: fact.tolerance.map(|t| match t {
                Tolerance::Relative(r) => ToleranceJson::Relative(r),
                Tolerance::Absolute(a) => ToleranceJson::Absolute(a),
            }),
            groups: fact
                .groups
                .iter()
                .map(|g| g.iter().map(term_text).collect())
                .collect(),
            values: fact
                .values
                .iter()
                .map(|v| {
                    let source = &index.sources[v.source];
                    let (value, low, high, date) = match v.figure {
                        Figure::Number(n) => (Some(num(n)), Some(num(n)), Some(num(n)), None),
                        Figure::Range(a, b) => (None, Some(num(a)), Some(num(b)), None),
                        Figure::Date(d) => (None, None, None, Some(d.to_string())),
                    };
                    ValueJson {
                        source: source.name.clone(),
                        source_key: source.key.clone(),
                        value,
                        low,
                        high,
                        date,
                        as_of: v.as_of.map(|d| d.to_string()),
                        url: v.url.clone().or_else(|| source.url.clone()),
                        current: is_current(fact, v),
                        line: v.at.line,
                        column: v.at.column,
                    }
                })
                .collect(),
            disagree: crate::refs::disagrees(fact, index),
        })
        .collect();
    let sources = index
        .sources
        .iter()
        .map(|s| SourceJson {
            key: s.key.clone(),
            name: s.name.clone(),
            url: s.url.clone(),
            aliases: s.aliases.clone(),
        })
        .collect();
    let doc = Document {
        schema: SCHEMA,
        facts,
        sources,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// Writes one table row per figure: fact, kind, source, figure, as of,
/// and whether it is current (and disagrees with another source's
/// current figure) or replaced.
pub fn table(out: &mut dyn Write, index: &FactIndex) -> io::Result<()> {
    let mut grid = Grid::new();
    grid.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty()
        .set_header(["fact", "kind", "source", "figure", "as of", "status"]);
    let mut disagreeing = 0;
    for fact in &index.facts {
        let disagree = crate::refs::disagrees(fact, index);
        disagreeing += usize::from(disagree);
        for (n, v) in fact.values.iter().enumerate() {
            let source = &index.sources[v.source];
            let (id, kind) = if n == 0 {
                (fact.id.clone(), fact.kind.name().to_string())
            } else {
                (String::new(), String::new())
            };
            let mut figure = v.figure.describe(Lang::En);
            if let Some(c) = fact.currency {
                figure.push_str(&format!(" {c}"));
            }
            if let Some(u) = fact.unit {
                figure.push_str(&format!(" {u}"));
            }
            if fact.kind == crate::claim::Kind::Percent && fact.unit.is_none() {
                figure.push('%');
            }
            grid.add_row([
                id,
                kind,
                source.short().to_string(),
                figure,
                v.as_of.map_or("—".to_string(), |d| d.to_string()),
                if is_current(fact, v) && disagree {
                    "current, disagrees".to_string()
                } else if is_current(fact, v) {
                    "current".to_string()
                } else {
                    "replaced".to_string()
                },
            ]);
        }
    }
    writeln!(out, "{grid}")?;
    write!(
        out,
        "{} facts, {} sources",
        index.facts.len(),
        index.sources.len()
    )?;
    match disagreeing {
        0 => writeln!(out),
        1 => writeln!(out, "; 1 fact whose sources disagree"),
        n => writeln!(out, "; {n} facts whose sources disagree"),
    }
}
