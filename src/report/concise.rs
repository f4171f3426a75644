//! `--format concise`: one line per problem, `path:line:col: verdict:
//! message`, the shape compilers, `ruff --output-format concise` and
//! Vale's `line` output share, so editors' quickfix lists (Vim's
//! `errorformat`, Emacs' compilation mode) and `grep` read it as it is:
//!
//! ```text
//! content/a.md:5:16: contradicted: "più di 20 mila soldati" (troops-sent): …
//! ```
//!
//! Only problems (disputed or worse) that no comment suppresses are
//! listed, like the annotations of `--format github`; the path is the one
//! given on the command line, so it opens from the working directory.
//! Every field is on one line: control characters, line breaks included,
//! are escaped. A closing summary line follows unless `--quiet`.

use std::io::{self, Write};

use super::{Report, Style, Summary, alarms, claim_range, claim_text, escape_controls};
use crate::pipeline::FileResult;

pub struct Concise {
    style: Style,
}

impl Concise {
    pub fn new(style: Style) -> Concise {
        Concise { style }
    }
}

impl Report for Concise {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let path = file.doc.path();
        for finding in alarms(file) {
            let (start, _) = claim_range(file, finding);
            let fact = match finding.fact() {
                Some((id, _)) => format!(" ({id})"),
                None => String::new(),
            };
            writeln!(
                out,
                "{}:{}:{}: {}: \"{}\"{}: {}",
                escape_controls(&path),
                start.line,
                start.column,
                finding.verdict,
                escape_controls(&claim_text(file, finding)),
                escape_controls(&fact),
                escape_controls(&finding.explanation_in(file.lang))
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.style.quiet {
            return Ok(());
        }
        writeln!(out, "{}", super::summary_line(summary))
    }
}
