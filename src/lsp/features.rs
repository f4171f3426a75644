//! What an editor shows for one checked article: a diagnostic per finding
//! at or above the level, a hover on a claim, and the code action that
//! silences a finding. Everything is read from the pipeline's
//! [`FileResult`]; nothing here judges a claim.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, Hover, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString,
    Position, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::convert;
use crate::check::{Evidence, Finding, Verdict};
use crate::describe;
use crate::error::{Problem, Severity};
use crate::lang::Lang;
use crate::pipeline::FileResult;
use crate::refs::{Fact, FactIndex};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "factcheck";

/// How an editor marks a verdict.
fn severity(verdict: Verdict) -> DiagnosticSeverity {
    match verdict {
        Verdict::Contradicted | Verdict::Misattributed => DiagnosticSeverity::ERROR,
        Verdict::Outdated => DiagnosticSeverity::WARNING,
        Verdict::Disputed => DiagnosticSeverity::INFORMATION,
        Verdict::Unverified | Verdict::Consistent => DiagnosticSeverity::HINT,
    }
}

/// The findings that get a diagnostic: not suppressed, at `level` or worse.
fn shown(result: &FileResult, level: Verdict) -> impl Iterator<Item = &Finding> {
    result
        .entries()
        .filter(move |(f, suppressed)| !suppressed && f.verdict >= level)
        .map(|(f, _)| f)
}

fn claim_range(result: &FileResult, finding: &Finding) -> Range {
    let doc = &result.doc;
    convert::range(&doc.text, &doc.lines, finding.claim.span)
}

/// A 1-based position of a reference file as a zero-width LSP range.
fn at(location: Option<crate::error::Location>) -> Range {
    let (line, column) = location.map_or((0, 0), |l| {
        (l.line.saturating_sub(1), l.column.saturating_sub(1))
    });
    let position = Position::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    );
    Range::new(position, position)
}

fn fact<'a>(index: &'a FactIndex, finding: &Finding) -> Option<&'a Fact> {
    let (id, _) = finding.fact()?;
    index.facts.iter().find(|f| &f.id == id)
}

/// The fact's `id:` line and, for each source's figure the finding used,
/// the line of that value in the reference file.
fn related(index: &FactIndex, finding: &Finding, lang: Lang) -> Vec<DiagnosticRelatedInformation> {
    let Some(fact) = fact(index, finding) else {
        return Vec::new();
    };
    let Some(uri) = convert::uri(&absolute(Path::new(&*fact.path))) else {
        return Vec::new();
    };
    let mut related = vec![DiagnosticRelatedInformation {
        location: Location::new(uri.clone(), at(Some(fact.at))),
        message: format!("fact `{}`: {}", fact.id, fact.label()),
    }];
    for evidence in finding.evidence() {
        let value = fact.values.iter().find(|v| {
            v.figure == evidence.figure
                && v.as_of == evidence.as_of
                && index.sources.get(v.source).map(|s| s.name.as_str()) == Some(&*evidence.source)
        });
        if let Some(value) = value {
            related.push(DiagnosticRelatedInformation {
                location: Location::new(uri.clone(), at(Some(value.at))),
                message: figure_line(evidence, lang),
            });
        }
    }
    related
}

fn absolute(path: &Path) -> std::path::PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `NIS: 11.000 (2024-11-13) ✗`.
fn figure_line(evidence: &Evidence, lang: Lang) -> String {
    let mut line = format!("{}: {}", evidence.source, evidence.figure.describe(lang));
    if let Some(date) = evidence.as_of {
        line.push_str(&format!(" ({date})"));
    }
    line.push_str(if evidence.agrees { " ✓" } else { " ✗" });
    line
}

/// One diagnostic per shown finding, in text order.
pub fn diagnostics(result: &FileResult, index: &FactIndex, level: Verdict) -> Vec<Diagnostic> {
    shown(result, level)
        .map(|finding| {
            let related = related(index, finding, result.lang);
            Diagnostic {
                range: claim_range(result, finding),
                severity: Some(severity(finding.verdict)),
                code: Some(NumberOrString::String(finding.verdict.name().to_string())),
                source: Some(SOURCE.to_string()),
                message: finding.explanation_in(result.lang).into_owned(),
                related_information: (!related.is_empty()).then_some(related),
                data: finding
                    .fact()
                    .map(|(id, _)| serde_json::json!({ "fact": id })),
                ..Diagnostic::default()
            }
        })
        .collect()
}

/// The problems of one config or reference file as its diagnostics.
pub(crate) fn problem_diagnostics<'a>(
    problems: impl Iterator<Item = &'a Problem>,
) -> Vec<Diagnostic> {
    problems
        .map(|p| Diagnostic {
            range: at(p.location),
            severity: Some(match p.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
            }),
            source: Some(SOURCE.to_string()),
            message: p.message.clone(),
            ..Diagnostic::default()
        })
        .collect()
}

/// Problems grouped by the file they are about, in first-seen order.
pub(crate) fn by_file(problems: &[Problem]) -> Vec<(String, Vec<&Problem>)> {
    let mut order: Vec<(String, Vec<&Problem>)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for problem in problems {
        match seen.get(problem.path.as_str()) {
            Some(&i) => order[i].1.push(problem),
            None => {
                seen.insert(&problem.path, order.len());
                order.push((problem.path.clone(), vec![problem]));
            }
        }
    }
    order
}

/// The finding whose claim holds byte `offset`.
fn finding_at(result: &FileResult, offset: usize) -> Option<&Finding> {
    result
        .findings
        .iter()
        .find(|f| f.claim.span.start <= offset && offset <= f.claim.span.end)
}

/// The claim under the cursor: its normalized value, verdict and fact,
/// and every source's figure.
pub fn hover(result: &FileResult, offset: usize) -> Option<Hover> {
    let finding = finding_at(result, offset)?;
    let mut text = format!(
        "**{}** — {}",
        describe::claim_in(&finding.claim, result.lang),
        finding.verdict.name()
    );
    if let Some((id, about)) = finding.fact() {
        text.push_str(&format!("\n\nfact `{id}`: {about}"));
    }
    for evidence in finding.evidence() {
        text.push_str("\n- ");
        text.push_str(&figure_line(evidence, result.lang));
    }
    if finding.evidence().is_empty() {
        text.push_str(&format!("\n\n{}", finding.explanation_in(result.lang)));
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(claim_range(result, finding)),
    })
}

/// `<!-- factcheck-disable-next-line FACT -->` above each shown finding
/// that `range` touches, one action per line and fact.
pub fn actions(
    result: &FileResult,
    uri: &Uri,
    range: Range,
    level: Verdict,
) -> Vec<CodeActionOrCommand> {
    let mut done = Vec::new();
    let mut actions = Vec::new();
    for finding in shown(result, level) {
        let claim = claim_range(result, finding);
        if claim.end < range.start || range.end < claim.start {
            continue;
        }
        let fact = finding.fact().map(|(id, _)| id.as_str());
        let line = claim.start.line;
        if done.contains(&(line, fact)) {
            continue;
        }
        done.push((line, fact));
        let doc = &result.doc;
        let line_start = doc
            .lines
            .line_span(&doc.text, line as usize + 1)
            .map_or(0, |s| s.start);
        // The comment keeps the line's indentation (a list item's, a quote's).
        let indent: String = doc.text[line_start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let comment = match fact {
            Some(id) => format!("{indent}<!-- factcheck-disable-next-line {id} -->\n"),
            None => format!("{indent}<!-- factcheck-disable-next-line -->\n"),
        };
        let edit = TextEdit::new(
            Range::new(Position::new(line, 0), Position::new(line, 0)),
            comment,
        );
        let title = match fact {
            Some(id) => format!("Suppress `{id}` on this line"),
            None => "Suppress factcheck on this line".to_string(),
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(WorkspaceEdit {
                changes: Some(std::iter::once((uri.clone(), vec![edit])).collect()),
                ..WorkspaceEdit::default()
            }),
            ..CodeAction::default()
        }));
    }
    actions
}
