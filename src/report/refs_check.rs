//! `refs check --format`: the problems of reference files where pull
//! requests show them, as `verify` reports articles' problems:
//!
//! - `text` (default): `path:line:col: error: message`, as compilers print;
//! - `github`: workflow commands, `::error` for what makes a file invalid
//!   and `::warning` for the rest, on the file's line and column;
//! - `sarif`: SARIF 2.1.0 with two rules (`invalid-reference`,
//!   `reference-warning`), for code scanning;
//! - `json`: a `factcheck-refs-check/v1` document, every problem with its
//!   severity and position, and the counts.
//!
//! Paths are as the caller gives them (repository-relative for `github`
//! and `sarif`, which the binary sees to).

use std::io::{self, Write};

use serde::Serialize;

use super::github::{escape_data, escape_property};
use super::sarif::{INFORMATION_URI, SCHEMA_URI, uri_path};
use crate::error::{Problem, Severity};

pub const SCHEMA: &str = "factcheck-refs-check/v1";

/// What a check found, for the closing line and the JSON counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub files: usize,
    pub facts: usize,
    pub sources: usize,
}

/// The rule of a problem: its id and SARIF level.
fn rule(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("invalid-reference", "error"),
        Severity::Warning => ("reference-warning", "warning"),
    }
}

/// GitHub workflow commands, one per problem, then the closing line.
pub fn github(out: &mut dyn Write, problems: &[Problem], closing: &str) -> io::Result<()> {
    for p in problems {
        let (_, level) = rule(p.severity);
        let position = p.location.map_or(String::new(), |at| {
            format!(",line={},col={}", at.line, at.column)
        });
        writeln!(
            out,
            "::{level} file={}{position},title={}::{}",
            escape_property(&p.path),
            escape_property("factcheck refs"),
            escape_data(&p.message)
        )?;
    }
    writeln!(out, "factcheck: {}", escape_data(closing))
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    schema: &'static str,
    valid: bool,
    files: usize,
    facts: usize,
    sources: usize,
    errors: usize,
    warnings: usize,
    problems: Vec<JsonProblem<'a>>,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    message: &'a str,
}

/// The `factcheck-refs-check/v1` document.
pub fn json(out: &mut dyn Write, problems: &[Problem], counts: Counts) -> io::Result<()> {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let doc = JsonDoc {
        schema: SCHEMA,
        valid: errors == 0,
        files: counts.files,
        facts: counts.facts,
        sources: counts.sources,
        errors,
        warnings: problems.len() - errors,
        problems: problems
            .iter()
            .map(|p| JsonProblem {
                path: &p.path,
                line: p.location.map(|at| at.line),
                column: p.location.map(|at| at.column),
                severity: p.severity.name(),
                message: &p.message,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// A SARIF 2.1.0 log of the problems.
pub fn sarif(out: &mut dyn Write, problems: &[Problem]) -> io::Result<()> {
    use serde_json::json;
    let rules: Vec<_> = [Severity::Error, Severity::Warning]
        .into_iter()
        .map(|severity| {
            let (id, level) = rule(severity);
            let text = match severity {
                Severity::Error => "A reference file is invalid: verify refuses to run with it.",
                Severity::Warning => {
                    "A reference file is valid but will mislead: sources that disagree, facts a claim could fit twice."
                }
            };
            json!({
                "id": id,
                "name": id,
                "shortDescription": {"text": text},
                "defaultConfiguration": {"level": level},
                "properties": {"tags": ["factcheck"]},
            })
        })
        .collect();
    let results: Vec<_> = problems
        .iter()
        .map(|p| {
            let (id, level) = rule(p.severity);
            let mut location = json!({
                "physicalLocation": {"artifactLocation": {"uri": uri_path(&p.path)}}
            });
            if let Some(at) = p.location {
                location["physicalLocation"]["region"] =
                    json!({"startLine": at.line, "startColumn": at.column});
            }
            json!({
                "ruleId": id,
                "ruleIndex": usize::from(p.severity == Severity::Warning),
                "level": level,
                "message": {"text": p.message},
                "locations": [location],
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
