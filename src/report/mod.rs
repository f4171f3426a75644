//! Reporters: one file per output format, chosen once from [`Format`].
//! Each writes to a `&mut dyn Write`, so tests capture them and nothing
//! else in the program knows the formats.

mod html;
mod json;
mod table;

use std::io::{self, Write};

use crate::check::Verdict;
use crate::pipeline::FileResult;

/// What the run was: `extract` reports claims, `verify` adds verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Extract,
    Verify,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Table, Format::Json, Format::Html];

    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// Counts for the run's closing line and JSON summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub claims: usize,
    /// Per verdict, indexed like [`Verdict::BY_SEVERITY`].
    pub verdicts: [usize; 6],
    /// Files that could not be read.
    pub errors: usize,
}

impl Summary {
    pub fn add(&mut self, file: &FileResult) {
        self.files += 1;
        self.claims += file.findings.len();
        for finding in &file.findings {
            self.verdicts[severity_index(finding.verdict)] += 1;
        }
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        self.verdicts[severity_index(verdict)]
    }

    /// Findings at `level` or worse.
    pub fn at_or_above(&self, level: Verdict) -> usize {
        Verdict::BY_SEVERITY
            .iter()
            .filter(|v| **v >= level)
            .map(|v| self.count(*v))
            .sum()
    }
}

fn severity_index(verdict: Verdict) -> usize {
    Verdict::BY_SEVERITY
        .iter()
        .position(|v| *v == verdict)
        .unwrap_or(0)
}

/// Options every reporter may use.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub mode: Mode,
    /// Colour (ANSI) is wanted: a terminal and no `NO_COLOR`.
    pub color: bool,
}

/// A reporter: told about each file in order, then about the whole run.
pub trait Report {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

pub fn reporter(format: Format, style: Style) -> Box<dyn Report> {
    match format {
        Format::Table => Box::new(table::Table::new(style)),
        Format::Json => Box::new(json::Json::new(style)),
        Format::Html => Box::new(html::Html::new(style)),
    }
}
