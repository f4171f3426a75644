//! `--format github`: GitHub Actions workflow commands, one annotation per
//! problem on the line of the claim:
//!
//! ```text
//! ::error file=content/a.md,line=5,col=16,endLine=5,endColumn=31,title=factcheck%3A contradicted (troops-sent)::…
//! ```
//!
//! `contradicted` is an error; `misattributed`, `outdated` and `disputed`
//! are warnings; other verdicts and suppressed findings are not annotated.
//! Paths are repository-relative ([`FileResult::rel_path`]); columns are
//! 1-based characters, `endColumn` the claim's last character. GitHub shows
//! only the first annotations of a step, so `main` also appends the
//! Markdown report to `$GITHUB_STEP_SUMMARY` when it is set.

use std::io::{self, Write};

use super::{Report, Style, Summary, claim_range, summary_line};
use crate::check::Verdict;
use crate::pipeline::FileResult;

pub struct Github {
    _style: Style,
}

impl Github {
    pub fn new(style: Style) -> Github {
        Github { _style: style }
    }
}

/// Escapes a workflow command's message: `%`, CR and LF, and any other
/// control character as `\u{1b}` (shown, not acted on by the log viewer).
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push_str(&super::escape_controls(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// Escapes a workflow command's property value: as a message, plus `:`
/// and `,`, which separate properties.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(verdict: Verdict) -> Option<&'static str> {
    verdict.look().github_level
}

impl Report for Github {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        for (finding, suppressed) in file.entries() {
            let Some(level) = command(finding.verdict) else {
                continue;
            };
            if suppressed {
                continue;
            }
            let (start, end) = claim_range(file, finding);
            // GitHub's endColumn is the last character's column, so step
            // back from the position after the claim, on the same line.
            let end_column = if end.line == start.line {
                end.column.saturating_sub(1).max(start.column)
            } else {
                end.column.max(2) - 1
            };
            let title = match finding.fact() {
                Some((id, _)) => format!("factcheck: {} ({id})", finding.verdict),
                None => format!("factcheck: {}", finding.verdict),
            };
            // The claim exactly as written, line breaks included: the
            // escaping keeps the command on one line.
            let quoted = file
                .doc
                .text
                .get(finding.claim.span.range())
                .unwrap_or_default();
            let message = super::verdict_message(file, finding, quoted, "");
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&file.rel_path),
                start.line,
                start.column,
                end.line,
                end_column,
                escape_property(&title),
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "factcheck: {}", summary_line(summary))?;
        if let Some(config) = &summary.config {
            writeln!(out, "factcheck: config {}", escape_data(config))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_escape_percent_and_line_breaks() {
        assert_eq!(escape_data("12% up,\r\nnow: 3"), "12%25 up,%0D%0Anow: 3");
        assert_eq!(escape_data("a\u{1b}]8;;x\u{7}"), "a\\u{1b}]8;;x\\u{7}");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }

    #[test]
    fn escaping_is_not_applied_twice() {
        // `%` first, so the `%` of `%3A` is not escaped again.
        assert_eq!(escape_property("%:"), "%25%3A");
    }

    #[test]
    fn only_problems_are_annotated() {
        assert_eq!(command(Verdict::Contradicted), Some("error"));
        assert_eq!(command(Verdict::Outdated), Some("warning"));
        assert_eq!(command(Verdict::Disputed), Some("warning"));
        assert_eq!(command(Verdict::Misattributed), Some("warning"));
        assert_eq!(command(Verdict::Unverified), None);
        assert_eq!(command(Verdict::Consistent), None);
    }
}
