//! The `factcheck/v1` JSON document as typed structs: the output contract,
//! apart from the domain types so that those can change without breaking
//! it. `schema/factcheck-v1.json` describes the same document as a JSON
//! Schema.
//!
//! `--format json` does not serialize these (its hand-rolled writer in
//! `json.rs` streams faster); a test checks that the writer's bytes are
//! exactly `serde_json::to_writer_pretty` of [`Document`] on whole runs.

use serde::Serialize;

use super::{Mode, Summary};
use crate::check::{Evidence, Finding, Role, Verdict};
use crate::claim::Value;
use crate::pipeline::FileResult;
use crate::refs::Figure;
use crate::text::span::LineCursor;

/// A JSON number as `factcheck/v1` writes it: integers without a
/// fraction, other finite numbers as serde_json prints them, and what JSON
/// cannot hold (NaN, infinities) as `null`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9e15 {
            s.serialize_i64(v as i64)
        } else if v.is_finite() {
            s.serialize_f64(v)
        } else {
            s.serialize_none()
        }
    }
}

/// The whole document of one run.
#[derive(Debug, Serialize)]
pub struct Document {
    /// Always `factcheck/v1`.
    pub schema: &'static str,
    pub files: Vec<File>,
    pub summary: RunSummary,
}

/// One article.
#[derive(Debug, Serialize)]
pub struct File {
    pub path: String,
    pub lang: &'static str,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub claims: Vec<Claim>,
}

/// One claim, with its finding under `verify`.
#[derive(Debug, Serialize)]
pub struct Claim {
    pub text: String,
    /// 1-based line and column (in characters) of its start.
    pub line: usize,
    pub column: usize,
    /// Byte offsets into the file as read, `end` exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    #[serde(flatten)]
    pub value: ClaimValue,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    #[serde(flatten)]
    pub finding: Option<Judged>,
    #[serde(skip_serializing_if = "is_false")]
    pub suppressed: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A claim's normalized value, by kind.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ClaimValue {
    Quantity {
        qualifier: &'static str,
        value: Option<Number>,
        low: Option<Number>,
        high: Option<Number>,
        #[serde(skip_serializing_if = "Option::is_none")]
        currency: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<&'static str>,
    },
    Date {
        value: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        grain: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        part: Option<&'static str>,
        /// The last day of a span of days.
        #[serde(skip_serializing_if = "Option::is_none")]
        through: Option<String>,
        relative: bool,
    },
    Time {
        value: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        grain: Option<&'static str>,
        relative: bool,
    },
}

/// What `verify` found about a claim.
#[derive(Debug, Serialize)]
pub struct Judged {
    pub verdict: &'static str,
    pub fact: Option<String>,
    pub evidence: Vec<EvidenceItem>,
    pub explanation: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<CandidateItem>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<String>,
}

/// One source's figure.
#[derive(Debug, Serialize)]
pub struct EvidenceItem {
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A number (or a date, `YYYY-MM-DD`); `null` for a range.
    pub value: Option<FigureValue>,
    pub low: Option<Number>,
    pub high: Option<Number>,
    pub as_of: Option<String>,
    pub role: &'static str,
    /// `null` for a later figure, which is not compared.
    pub agrees: Option<bool>,
    pub named: bool,
}

/// A reference figure's `value`: a number or a date.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum FigureValue {
    Number(Number),
    Date(String),
}

/// A fact an uncertain claim may be about.
#[derive(Debug, Serialize)]
pub struct CandidateItem {
    pub fact: String,
    pub about: String,
    pub figures: String,
}

/// The run's counts; verdict counts under `verify` only.
#[derive(Debug, Serialize)]
pub struct RunSummary {
    pub files: usize,
    pub claims: usize,
    #[serde(flatten)]
    pub verdicts: Option<VerdictCounts>,
    pub errors: usize,
    /// The configuration file read, if any.
    pub config: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct VerdictCounts {
    pub consistent: usize,
    pub disputed: usize,
    pub misattributed: usize,
    pub outdated: usize,
    pub contradicted: usize,
    pub unverified: usize,
    pub suppressed: usize,
}

impl File {
    pub fn of(file: &FileResult, mode: Mode) -> File {
        let mut cursor = LineCursor::default();
        File {
            path: file.doc.path().to_string(),
            lang: file.lang.code(),
            date: file.date.map(|d| d.to_string()),
            claims: file
                .entries()
                .map(|(finding, suppressed)| {
                    Claim::of(file, finding, &mut cursor, mode, suppressed)
                })
                .collect(),
        }
    }
}

impl Claim {
    /// The wire form of `finding`, a claim of `file`; `cursor` carries the
    /// line count on from the previous claim.
    pub(super) fn of(
        file: &FileResult,
        finding: &Finding,
        cursor: &mut LineCursor,
        mode: Mode,
        suppressed: bool,
    ) -> Claim {
        let claim = &finding.claim;
        let doc = &file.doc;
        let pos = cursor.position(&doc.lines, &doc.text, claim.span.start);
        let value = match &claim.value {
            Value::Quantity(q) => ClaimValue::Quantity {
                qualifier: q.qualifier.name(),
                value: q.value.map(Number),
                low: q.interval.low.map(Number),
                high: q.interval.high.map(Number),
                currency: q.currency.map(|c| c.code()),
                unit: q.unit.map(|u| u.symbol()),
            },
            Value::Date(d) => ClaimValue::Date {
                value: d.map(|d| d.iso()),
                grain: d.map(|d| d.grain.name()),
                part: d.and_then(|d| d.part).map(|p| p.name()),
                through: d
                    .and_then(|d| d.end)
                    .map(|e| crate::when::DateValue::day(e).iso()),
                relative: claim.relative,
            },
            Value::Time(t) => ClaimValue::Time {
                value: t.map(|t| t.iso()),
                grain: t.map(|t| t.grain.name()),
                relative: claim.relative,
            },
        };
        let judged = (mode == Mode::Verify).then(|| Judged {
            verdict: finding.verdict.name(),
            fact: finding.fact().map(|(id, _)| id.clone()),
            evidence: finding.evidence().iter().map(EvidenceItem::of).collect(),
            explanation: finding.explanation().into_owned(),
            candidates: finding
                .candidates()
                .iter()
                .map(|c| CandidateItem {
                    fact: c.id.clone(),
                    about: c.about.clone(),
                    figures: c.figures.clone(),
                })
                .collect(),
            why: finding
                .why()
                .iter()
                .map(|s| doc.text[s.range()].to_string())
                .collect(),
        });
        Claim {
            text: doc.text[claim.span.range()].to_string(),
            line: pos.line,
            column: pos.column,
            start: claim.span.start,
            end: claim.span.end,
            kind: claim.kind.name(),
            value,
            counted: claim.counted.as_ref().map(|c| c.to_string()),
            finding: judged,
            suppressed,
        }
    }
}

impl EvidenceItem {
    fn of(e: &Evidence) -> EvidenceItem {
        let (value, low, high) = match e.figure {
            Figure::Number(n) => (
                Some(FigureValue::Number(Number(n))),
                Some(Number(n)),
                Some(Number(n)),
            ),
            Figure::Range(a, b) => (None, Some(Number(a)), Some(Number(b))),
            Figure::Date(d) => (Some(FigureValue::Date(d.to_string())), None, None),
        };
        EvidenceItem {
            source: e.source.to_string(),
            url: e.url.as_ref().map(|u| u.to_string()),
            value,
            low,
            high,
            as_of: e.as_of.map(|d| d.to_string()),
            role: e.role.name(),
            agrees: (e.role != Role::Later).then_some(e.agrees),
            named: e.named,
        }
    }
}

impl RunSummary {
    pub fn of(summary: &Summary, mode: Mode) -> RunSummary {
        use Verdict::*;
        RunSummary {
            files: summary.files,
            claims: summary.claims,
            verdicts: (mode == Mode::Verify).then(|| VerdictCounts {
                consistent: summary.count(Consistent),
                disputed: summary.count(Disputed),
                misattributed: summary.count(Misattributed),
                outdated: summary.count(Outdated),
                contradicted: summary.count(Contradicted),
                unverified: summary.count(Unverified),
                suppressed: summary.suppressed,
            }),
            errors: summary.errors,
            config: summary.config.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::document::{Document as Article, Origin};
    use crate::pipeline::{self, Settings};
    use crate::report::json::Json;
    use crate::report::{Report, Style};

    /// The articles of `dir` (`.md`, `.txt`), sorted.
    fn articles(dir: &Path) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        out.retain(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"));
        out.sort();
        out
    }

    /// The fast writer's document and serde's, for the articles of `dir`.
    fn both(dir: &str, refs: Option<&str>, config: Option<&str>) -> (String, String, usize) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let index =
            refs.map(|r| crate::refs::load_paths(&[root.join(r)]).expect("test references load"));
        let mode = if index.is_some() {
            Mode::Verify
        } else {
            Mode::Extract
        };
        let style = Style {
            mode,
            color: false,
            quiet: false,
            fail_on: None,
        };
        let settings = Settings {
            lang: None,
            date: None,
            max_size: 1 << 24,
            explain: false,
        };
        let mut json = Json::new(style);
        let mut fast = Vec::new();
        let mut summary = Summary {
            config: config.map(str::to_string),
            ..Summary::default()
        };
        let mut files = Vec::new();
        for path in articles(&root.join(dir)) {
            let text = std::fs::read_to_string(&path).expect("fixture reads");
            let markdown = path.extension().is_none_or(|e| e != "txt");
            let doc = Article::parse(Origin::File(path.clone()), text, markdown, Vec::new());
            let file = pipeline::analyze(doc, &settings, index.as_ref());
            summary.add(&file);
            json.file(&mut fast, &file).expect("writes to memory");
            files.push(File::of(&file, mode));
        }
        json.finish(&mut fast, &summary).expect("writes to memory");
        let n = files.len();
        let document = Document {
            schema: super::super::json::SCHEMA,
            files,
            summary: RunSummary::of(&summary, mode),
        };
        let mut serde = serde_json::to_string_pretty(&document).expect("serializes");
        serde.push('\n');
        (String::from_utf8(fast).expect("UTF-8"), serde, n)
    }

    #[test]
    fn the_fast_writer_is_serde_of_the_wire_structs_on_whole_documents() {
        let runs: &[(&str, Option<&str>, Option<&str>)] = &[
            ("examples", Some("claims"), None),
            ("examples", None, None),
            ("examples", Some("claims"), Some("factcheck.toml")),
            ("eval/news", None, None),
            (
                "eval/verdicts/ecb-october-2024",
                Some("eval/verdicts/ecb-october-2024/refs.yaml"),
                None,
            ),
            (
                "eval/verdicts/liguria-regionali-2024",
                Some("eval/verdicts/liguria-regionali-2024/refs.yaml"),
                None,
            ),
            (
                "eval/verdicts/measles-europe-2024",
                Some("eval/verdicts/measles-europe-2024/refs.yaml"),
                None,
            ),
            (
                "eval/verdicts/morocco-quake-2023",
                Some("eval/verdicts/morocco-quake-2023/refs.yaml"),
                None,
            ),
            (
                "eval/verdicts/olimpiadi-parigi-2024",
                Some("eval/verdicts/olimpiadi-parigi-2024/refs.yaml"),
                None,
            ),
            ("tests/cmd/troops", Some("tests/cmd/troops/claims"), None),
            ("tests/cmd/html", Some("tests/cmd/html/claims"), None),
            (
                "tests/cmd/ci-markdown",
                Some("tests/cmd/ci-markdown/claims"),
                None,
            ),
            ("tests/cmd/nothing-here", Some("claims"), None),
        ];
        let (mut candidates, mut why, mut files) = (false, false, 0);
        for &(dir, refs, config) in runs {
            let (fast, serde, n) = both(dir, refs, config);
            files += n;
            assert!(fast == serde, "{dir} {refs:?}: the writer and serde differ");
            candidates |= fast.contains("\"candidates\": [");
            why |= fast.contains("\"why\": [");
        }
        // The optional parts are covered too, on dozens of articles.
        assert!(candidates && why);
        assert!(files > 40, "{files} files");
    }
}
