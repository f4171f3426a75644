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

use super::wire::{Claim, File};
use super::{Mode, Report, Style, Summary};
use crate::pipeline::FileResult;

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

/// The lines of `file`: what it writes, rendered in the worker that
/// checked the file ([`super::prerender`]) or, failing that, here.
pub(super) fn entry(file: &FileResult, mode: Mode) -> io::Result<Vec<u8>> {
    let file = File::of(file, mode);
    let mut buf = Vec::new();
    for claim in &file.claims {
        let line = Line {
            path: &file.path,
            lang: file.lang,
            date: file.date.as_deref(),
            claim,
        };
        serde_json::to_writer(&mut buf, &line)?;
        buf.push(b'\n');
    }
    Ok(buf)
}

impl Report for Jsonl {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        match &file.rendered {
            Some(rendered) => out.write_all(rendered),
            None => out.write_all(&entry(file, self.style.mode)?),
        }
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}
