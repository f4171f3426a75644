//! `--format rdjson`: the Reviewdog Diagnostic Format's `rdjson`, for
//! `reviewdog -f=rdjson`, which comments on pull and merge requests of
//! GitHub, GitLab, Gitea and Bitbucket alike:
//!
//! ```json
//! {
//!   "source": {"name": "factcheck", "url": "…"},
//!   "diagnostics": [
//!     {"message":"…","location":{"path":"content/a.md","range":{"start":{"line":5,"column":16},"end":{"line":5,"column":40}}},"severity":"ERROR","code":{"value":"contradicted"}}
//!   ]
//! }
//! ```
//!
//! One diagnostic per problem that no comment suppresses: `contradicted`
//! is an `ERROR`, the other problems `WARNING`s, as in the GitHub
//! annotations. Columns count bytes of UTF-8 from 1, as the format says
//! (not characters: `più` is four columns wide), and the range's end is
//! exclusive. Paths are repository-relative. One diagnostic per line,
//! streamed.

use std::io::{self, Write};

use serde::Serialize;

use super::sarif::INFORMATION_URI;
use super::{Report, Style, Summary, alarms, claim_text};
use crate::check::Verdict;
use crate::pipeline::FileResult;

#[derive(Serialize)]
struct Diagnostic<'a> {
    message: String,
    location: Location<'a>,
    severity: &'static str,
    code: Code,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Code {
    value: &'static str,
}

/// The rdjson severity of a problem.
fn severity(verdict: Verdict) -> &'static str {
    match verdict.look().github_level {
        Some("error") => "ERROR",
        Some(_) => "WARNING",
        None => "INFO",
    }
}

/// 1-based line and 1-based column in UTF-8 bytes of a byte offset.
fn byte_position(file: &FileResult, offset: usize) -> Position {
    let doc = &file.doc;
    let line = doc.lines.position(&doc.text, offset).line;
    let start = doc.lines.line_span(&doc.text, line).map_or(0, |s| s.start);
    Position {
        line,
        column: offset.saturating_sub(start) + 1,
    }
}

pub struct Rdjson {
    _style: Style,
    diagnostics: usize,
}

impl Rdjson {
    pub fn new(style: Style) -> Rdjson {
        Rdjson {
            _style: style,
            diagnostics: 0,
        }
    }
}

fn head(out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\n  \"source\": {{\"name\": \"factcheck\", \"url\": {}}},\n  \"diagnostics\": [",
        serde_json::to_string(INFORMATION_URI)?
    )
}

impl Report for Rdjson {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        for finding in alarms(file) {
            let fact_note = match finding.fact() {
                Some((id, _)) => format!(" [{id}]"),
                None => String::new(),
            };
            let diagnostic = Diagnostic {
                message: super::verdict_message(
                    file,
                    finding,
                    &claim_text(file, finding),
                    &fact_note,
                ),
                location: Location {
                    path: &file.rel_path,
                    range: Range {
                        start: byte_position(file, finding.claim.span.start),
                        end: byte_position(file, finding.claim.span.end),
                    },
                },
                severity: severity(finding.verdict),
                code: Code {
                    value: finding.verdict.name(),
                },
            };
            if self.diagnostics == 0 {
                head(out)?;
                out.write_all(b"\n    ")?;
            } else {
                out.write_all(b",\n    ")?;
            }
            serde_json::to_writer(&mut *out, &diagnostic)?;
            self.diagnostics += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _: &Summary) -> io::Result<()> {
        if self.diagnostics == 0 {
            head(out)?;
            return out.write_all(b"]\n}\n");
        }
        out.write_all(b"\n  ]\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contradictions_are_errors_other_problems_warnings() {
        assert_eq!(severity(Verdict::Contradicted), "ERROR");
        assert_eq!(severity(Verdict::Disputed), "WARNING");
        assert_eq!(severity(Verdict::Outdated), "WARNING");
    }
}
