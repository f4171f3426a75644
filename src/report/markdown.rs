//! `--format markdown`: a report to paste into a pull-request comment (or
//! GitHub's step summary): a heading, the summary line, then a table of the
//! problems of each file that has any (and of its claims left unjudged
//! with a candidate fact). Everything is written at the end,
//! so the summary comes first; only problem rows are kept in memory.

use std::io::{self, Write};

use super::spool::Spool;
use super::{Report, Style, Summary, claim_range, claim_text, summary_line};
use crate::check::Verdict;
use crate::pipeline::FileResult;

pub struct Markdown {
    _style: Style,
    /// Sections of files with problems, ready to print.
    /// The problem tables, waiting for the summary line that goes first.
    sections: Spool,
}

impl Markdown {
    pub fn new(style: Style) -> Markdown {
        Markdown {
            _style: style,
            sections: Spool::default(),
        }
    }
}

/// Makes text safe in a table cell: `|` escaped, line breaks folded, and
/// `<`, `>`, `&` as entities so article text cannot open HTML.
pub fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '`' => out.push_str("\\`"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push(' '),
            c => out.push_str(&super::escape_controls(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

fn mark(verdict: Verdict) -> &'static str {
    verdict.look().mark
}

impl Report for Markdown {
    fn file(&mut self, _out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let problems: Vec<_> = file
            .entries()
            // Problems, and claims left unjudged with a candidate fact (an
            // uncertain link: the editor may want to look).
            .filter(|(f, suppressed)| {
                !suppressed && (f.verdict.is_problem() || !f.candidates().is_empty())
            })
            .map(|(f, _)| f)
            .collect();
        if problems.is_empty() {
            return Ok(());
        }
        let s = &mut self.sections;
        write!(s, "\n### {}\n\n", escape_cell(&file.rel_path))?;
        // The article's language names the columns and the verdicts (each
        // file has a table of its own, so a comment on articles in several
        // languages stays readable).
        let say = |english| file.lang.data().say(english);
        writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            say("Line"),
            say("Claim"),
            say("Verdict"),
            say("Fact"),
            say("Explanation")
        )?;
        s.write_all(b"|---:|---|---|---|---|\n")?;
        for finding in problems {
            let (start, _) = claim_range(file, finding);
            let fact = finding
                .fact()
                .map_or(String::new(), |(id, _)| format!("`{}`", escape_cell(id)));
            writeln!(
                s,
                "| {}:{} | {} | {} {} | {} | {} |",
                start.line,
                start.column,
                escape_cell(&claim_text(file, finding)),
                mark(finding.verdict),
                super::verdict_in(finding.verdict, file.lang),
                fact,
                escape_cell(&finding.explanation_in(file.lang))
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "## factcheck\n")?;
        writeln!(out, "{}", summary_line(summary))?;
        if let Some(config) = &summary.config {
            writeln!(out, "\nSettings from `{}`.", escape_cell(config))?;
        }
        if self.sections.is_empty() {
            writeln!(out, "\nNo problems found.")?;
        } else {
            self.sections.copy_all(out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_fold_lines() {
        assert_eq!(escape_cell("a | b\r\nc"), "a \\| b c");
        assert_eq!(escape_cell("<b>&`x`"), "&lt;b&gt;&amp;\\`x\\`");
        assert_eq!(escape_cell("a\u{1b}[2J"), "a\\u{1b}[2J");
    }
}
