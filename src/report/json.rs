//! `--format json`: one `factcheck/v1` document per run. The wire types
//! live here, apart from the domain types, so the domain can change
//! without breaking the schema. The document is streamed: each file's
//! entry is written as it comes, so a long run holds no more than one file
//! in memory; the output is byte for byte what `to_writer_pretty` would
//! give for the whole document.

use std::io::{self, Write};

use serde::Serialize;

use super::{Mode, Report, Style, Summary};
use crate::check::{Evidence, Finding, Role};
use crate::claim::Value;
use crate::pipeline::FileResult;
use crate::refs::Figure;

pub const SCHEMA: &str = "factcheck/v1";

#[derive(Serialize)]
struct FileJson {
    path: String,
    lang: &'static str,
    date: Option<String>,
    claims: Vec<ClaimJson>,
}

#[derive(Serialize)]
struct ClaimJson {
    text: String,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    qualifier: Option<&'static str>,
    value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grain: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relative: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counted: Option<String>,
    #[serde(flatten)]
    verdict: Option<VerdictJson>,
    /// Present, and true, only for a finding a comment suppressed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    suppressed: bool,
}

#[derive(Serialize)]
struct VerdictJson {
    verdict: &'static str,
    fact: Option<String>,
    evidence: Vec<EvidenceJson>,
    explanation: String,
}

#[derive(Serialize)]
struct EvidenceJson {
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    value: serde_json::Value,
    low: serde_json::Value,
    high: serde_json::Value,
    as_of: Option<String>,
    role: &'static str,
    agrees: Option<bool>,
    named: bool,
}

#[derive(Serialize)]
struct SummaryJson {
    files: usize,
    claims: usize,
    #[serde(flatten)]
    verdicts: Option<VerdictCounts>,
    errors: usize,
}

/// The summary's verdict counts: `verify` only.
#[derive(Serialize)]
struct VerdictCounts {
    consistent: usize,
    disputed: usize,
    misattributed: usize,
    outdated: usize,
    contradicted: usize,
    unverified: usize,
    suppressed: usize,
}

pub struct Json {
    style: Style,
    /// Files written so far.
    files: usize,
}

impl Json {
    pub fn new(style: Style) -> Json {
        Json { style, files: 0 }
    }
}

/// Pretty JSON for `value`, every line but the first indented by `indent`
/// (JSON strings hold no raw line breaks, so this nests it exactly).
fn nested(value: &impl Serialize, indent: &str) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(text.replace('\n', &format!("\n{indent}")))
}

fn head(out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\n  \"schema\": \"{SCHEMA}\",\n  \"files\": [")
}

/// A JSON number that prints integers without a fraction.
fn num(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

fn claim_json(file: &FileResult, finding: &Finding, mode: Mode) -> ClaimJson {
    let claim = &finding.claim;
    let doc = &file.doc;
    let pos = doc.lines.position(&doc.text, claim.span.start);
    let mut json = ClaimJson {
        text: doc.text[claim.span.range()].to_string(),
        line: pos.line,
        column: pos.column,
        start: claim.span.start,
        end: claim.span.end,
        kind: claim.kind.name(),
        qualifier: None,
        value: serde_json::Value::Null,
        low: None,
        high: None,
        currency: None,
        unit: None,
        grain: None,
        part: None,
        relative: None,
        counted: claim.counted.clone(),
        verdict: None,
        suppressed: false,
    };
    match &claim.value {
        Value::Quantity(q) => {
            json.qualifier = Some(q.qualifier.name());
            json.value = q.value.map_or(serde_json::Value::Null, num);
            json.low = Some(q.interval.low.map_or(serde_json::Value::Null, num));
            json.high = Some(q.interval.high.map_or(serde_json::Value::Null, num));
            json.currency = q.currency.map(|c| c.code());
            json.unit = q.unit.map(|u| u.symbol());
        }
        Value::Date(d) => {
            json.value = d.map_or(serde_json::Value::Null, |d| d.iso().into());
            json.grain = d.map(|d| d.grain.name());
            json.part = d.and_then(|d| d.part.map(|p| p.name()));
            json.relative = Some(claim.relative);
        }
        Value::Time(t) => {
            json.value = t.map_or(serde_json::Value::Null, |t| t.iso().into());
            json.grain = t.map(|t| t.grain.name());
            json.relative = Some(claim.relative);
        }
    }
    if mode == Mode::Verify {
        json.verdict = Some(VerdictJson {
            verdict: finding.verdict.name(),
            fact: finding.fact.as_ref().map(|(id, _)| id.clone()),
            evidence: finding.evidence.iter().map(evidence_json).collect(),
            explanation: finding.explanation.clone(),
        });
    }
    json
}

fn evidence_json(e: &Evidence) -> EvidenceJson {
    let (value, low, high) = match e.figure {
        Figure::Number(n) => (num(n), num(n), num(n)),
        Figure::Range(a, b) => (serde_json::Value::Null, num(a), num(b)),
        Figure::Date(d) => (
            d.to_string().into(),
            serde_json::Value::Null,
            serde_json::Value::Null,
        ),
    };
    EvidenceJson {
        source: e.source.clone(),
        url: e.url.clone(),
        value,
        low,
        high,
        as_of: e.as_of.map(|d| d.to_string()),
        role: e.role.name(),
        agrees: (e.role != Role::Later).then_some(e.agrees),
        named: e.named,
    }
}

impl Report for Json {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        if self.files == 0 {
            head(out)?;
            writeln!(out)?;
        } else {
            writeln!(out, ",")?;
        }
        self.files += 1;
        let entry = FileJson {
            path: file.doc.path(),
            lang: file.lang.code(),
            date: file.date.map(|d| d.to_string()),
            claims: file
                .entries()
                .map(|(f, suppressed)| ClaimJson {
                    suppressed,
                    ..claim_json(file, f, self.style.mode)
                })
                .collect(),
        };
        write!(out, "    {}", nested(&entry, "    ")?)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        use crate::check::Verdict::*;
        if self.files == 0 {
            head(out)?;
            writeln!(out, "],")?;
        } else {
            writeln!(out, "\n  ],")?;
        }
        let summary = SummaryJson {
            files: summary.files,
            claims: summary.claims,
            verdicts: (self.style.mode == Mode::Verify).then(|| VerdictCounts {
                consistent: summary.count(Consistent),
                disputed: summary.count(Disputed),
                misattributed: summary.count(Misattributed),
                outdated: summary.count(Outdated),
                contradicted: summary.count(Contradicted),
                unverified: summary.count(Unverified),
                suppressed: summary.suppressed,
            }),
            errors: summary.errors,
        };
        writeln!(out, "  \"summary\": {}\n}}", nested(&summary, "  ")?)
    }
}
