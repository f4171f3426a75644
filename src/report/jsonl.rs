//! `--format jsonl`: JSON Lines, one object per claim, written as each
//! file is done, for `jq`, log shippers and scripts that read a stream
//! rather than a document:
//!
//! ```text
//! {"path":"content/a.md","lang":"it","date":"2024-11-13","claim":{"text":"…","line":5,…}}
//! ```
//!
//! `claim` is exactly a claim of the `factcheck/v1` document (verdict,
//! fact, evidence and explanation under `verify`; `suppressed` when a
//! comment silences it); `path`, `lang` and `date` are its file's. The
//! schema is `$defs/line` of `schema/factcheck-v1.json`. There is no
//! summary line: every line is a claim (the exit code tells the rest).

use std::io::{self, Write};

use serde::Serialize;

use super::wire::Claim;
use super::{Mode, Report, Style, Summary};
use crate::pipeline::FileResult;
use crate::text::LineCursor;

pub struct Jsonl {
    style: Style,
}

impl Jsonl {
    pub fn new(style: Style) -> Jsonl {
        Jsonl { style }
    }
}

/// One line of the stream.
#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    lang: &'static str,
    date: Option<&'a str>,
    claim: &'a Claim,
}

/// Files with more claims than this are not rendered in the worker (a
/// figure-dense article has hundreds of thousands): the reporter writes
/// their lines as it makes them (as the JSON report does).
const PRERENDER_MAX_CLAIMS: usize = 2000;

/// The lines of `file`: what it writes, rendered in the worker that
/// checked the file ([`super::prerender`]); `None` for a file with many
/// claims, which the reporter streams.
pub(super) fn entry(file: &FileResult, mode: Mode) -> Option<Vec<u8>> {
    if file.findings.len() > PRERENDER_MAX_CLAIMS {
        return None;
    }
    let mut buf = Vec::new();
    write_lines(&mut buf, file, mode).ok()?;
    Some(buf)
}

/// Writes the lines of `file` to `out`, one claim's wire form at a time
/// (the whole file's were held at once: 700 MB for an 8 MB paragraph of
/// figures).
fn write_lines(out: &mut dyn Write, file: &FileResult, mode: Mode) -> io::Result<()> {
    let path = file.doc.path();
    let date = file.date.map(|d| d.to_string());
    let mut cursor = LineCursor::default();
    let mut buf = Vec::new();
    for (finding, suppressed) in file.entries() {
        let claim = Claim::of(file, finding, &mut cursor, mode, suppressed);
        let line = Line {
            path: &path,
            lang: file.lang.code(),
            date: date.as_deref(),
            claim: &claim,
        };
        serde_json::to_writer(&mut buf, &line)?;
        buf.push(b'\n');
        if buf.len() >= FLUSH_BYTES {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)
}

/// Bytes of lines gathered before they are written out.
const FLUSH_BYTES: usize = 1 << 16;

impl Report for Jsonl {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        match &file.rendered {
            Some(rendered) => out.write_all(rendered),
            None => write_lines(out, file, self.style.mode),
        }
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Origin};
    use crate::lang::Lang;
    use crate::pipeline::{Settings, analyze};
    use crate::report::wire::File;

    #[test]
    fn lines_written_one_claim_at_a_time_are_the_file_s_lines() {
        let text = format!(
            "{}\n\nSono morte 12 persone il 3 marzo 2024.\n",
            "1.000.000 ".repeat(PRERENDER_MAX_CLAIMS + 500)
        );
        let doc = Document::parse(Origin::Stdin, text, true, Vec::new());
        let settings = Settings {
            lang: Some(Lang::It),
            date: None,
            max_size: u64::MAX,
            explain: false,
        };
        let result = analyze(doc, &settings, None);
        assert!(
            entry(&result, Mode::Extract).is_none(),
            "rendered in the worker"
        );
        let mut streamed = Vec::new();
        write_lines(&mut streamed, &result, Mode::Extract).unwrap();
        let file = File::of(&result, Mode::Extract);
        let mut whole = Vec::new();
        for claim in &file.claims {
            let line = Line {
                path: &file.path,
                lang: file.lang,
                date: file.date.as_deref(),
                claim,
            };
            serde_json::to_writer(&mut whole, &line).unwrap();
            whole.push(b'\n');
        }
        assert!(whole.len() > FLUSH_BYTES);
        assert_eq!(String::from_utf8(streamed), String::from_utf8(whole));
    }
}
