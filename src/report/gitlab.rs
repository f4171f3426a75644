//! `--format gitlab`: a GitLab Code Quality report (the subset of the
//! Code Climate issue format GitLab reads), for `artifacts: reports:
//! codequality:` so merge requests show the problems in their diff:
//!
//! ```json
//! [
//!   {"type":"issue","check_name":"factcheck/contradicted","description":"…","severity":"major","fingerprint":"…","location":{"path":"content/a.md","lines":{"begin":5,"end":5}}}
//! ]
//! ```
//!
//! One issue per problem that no comment suppresses. Severities follow
//! the GitHub annotations: `contradicted` is `major` (an error), the
//! other problems `minor`. Paths are repository-relative, as GitLab
//! resolves them; the fingerprint is SARIF's (path, verdict, fact, claim
//! text and occurrence), so an issue keeps it when lines move and GitLab
//! can tell new problems from old ones. One issue per line, streamed.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::sarif::fnv1a;
use super::{Report, Style, Summary, alarms, claim_range, claim_text};
use crate::check::Verdict;
use crate::pipeline::FileResult;

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: String,
    description: String,
    severity: &'static str,
    fingerprint: String,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// The Code Quality severity of a problem.
fn severity(verdict: Verdict) -> &'static str {
    match verdict.look().github_level {
        Some("error") => "major",
        Some(_) => "minor",
        None => "info",
    }
}

pub struct Gitlab {
    _style: Style,
    issues: usize,
}

impl Gitlab {
    pub fn new(style: Style) -> Gitlab {
        Gitlab {
            _style: style,
            issues: 0,
        }
    }
}

impl Report for Gitlab {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for finding in alarms(file) {
            let (start, end) = claim_range(file, finding);
            let text = claim_text(file, finding);
            let fact = finding.fact().map_or("", |(id, _)| id.as_str());
            let hash = fnv1a(&[&file.rel_path, finding.verdict.name(), fact, &text]);
            let occurrence = seen.entry(hash).or_default();
            *occurrence += 1;
            let fact_note = if fact.is_empty() {
                String::new()
            } else {
                format!(" [{fact}]")
            };
            let issue = Issue {
                kind: "issue",
                check_name: format!("factcheck/{}", finding.verdict),
                description: super::verdict_message(file, finding, &text, &fact_note),
                severity: severity(finding.verdict),
                fingerprint: format!("{hash:016x}:{occurrence}"),
                location: Location {
                    path: &file.rel_path,
                    lines: Lines {
                        begin: start.line,
                        end: end.line,
                    },
                },
            };
            out.write_all(if self.issues == 0 { b"[\n  " } else { b",\n  " })?;
            serde_json::to_writer(&mut *out, &issue)?;
            self.issues += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _: &Summary) -> io::Result<()> {
        if self.issues == 0 {
            return out.write_all(b"[]\n");
        }
        out.write_all(b"\n]\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contradictions_are_major_other_problems_minor() {
        assert_eq!(severity(Verdict::Contradicted), "major");
        assert_eq!(severity(Verdict::Outdated), "minor");
        assert_eq!(severity(Verdict::Misattributed), "minor");
        assert_eq!(severity(Verdict::Disputed), "minor");
    }
}
