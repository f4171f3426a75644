//! From paths to results: which files to read, how to read them, and the
//! per-file work (extract, then check). Nothing here prints.

use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::check::{self, Finding, Verdict};
use crate::claim::Value;
use crate::document::{Document, Origin};
use crate::error::Error;
use crate::extract::{self, Options};
use crate::lang::Lang;
use crate::refs::FactIndex;

/// Article extensions a directory walk picks up.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// An article to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

/// What the run was asked for, the same for every file.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// `None`: the front matter's `lang:`, else detection.
    pub lang: Option<Lang>,
    /// Overrides the front matter's `date:`.
    pub date: Option<Date>,
    pub max_size: u64,
}

/// Everything known about one article after the run.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub doc: Document,
    pub lang: Lang,
    pub date: Option<Date>,
    /// One finding per claim, in text order; verdicts are `unverified`
    /// when no references were given (`extract`).
    pub findings: Vec<Finding>,
}

impl FileResult {
    /// Relative dates that stayed unresolved for want of a publication date.
    pub fn unresolved(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| matches!(f.claim.value, Value::Date(None) | Value::Time(None)))
            .count()
    }

    pub fn worst(&self) -> Option<Verdict> {
        self.findings.iter().map(|f| f.verdict).max()
    }
}

/// Expands the command line's paths: files as given, directories walked
/// for articles (hidden entries skipped), `-` for standard input.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Input>, Error> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            inputs.extend(found.into_iter().map(Input::Path));
        } else {
            inputs.push(Input::Path(path.clone()));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, found)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
        {
            found.push(path);
        }
    }
    Ok(())
}

/// Reads and parses one article, refusing files over `max_size` bytes.
pub fn read(input: &Input, max_size: u64) -> Result<Document, Error> {
    let (origin, bytes) = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(max_size + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Io {
                    path: "<stdin>".to_string(),
                    source,
                })?;
            (Origin::Stdin, bytes)
        }
        Input::Path(path) => {
            let display = path.display().to_string();
            let file = std::fs::File::open(path).map_err(|source| Error::Io {
                path: display.clone(),
                source,
            })?;
            let mut bytes = Vec::new();
            file.take(max_size + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Io {
                    path: display,
                    source,
                })?;
            (Origin::File(path.clone()), bytes)
        }
    };
    if bytes.len() as u64 > max_size {
        return Err(Error::TooLarge {
            path: origin.display(),
            size: bytes.len() as u64,
            limit: max_size,
        });
    }
    Document::from_bytes(origin, bytes)
}

/// Extracts the claims of `doc` and, with references, judges them.
pub fn analyze(doc: Document, settings: &Settings, index: Option<&FactIndex>) -> FileResult {
    let lang = settings
        .lang
        .or_else(|| doc.front.lang.as_deref().and_then(Lang::parse))
        .unwrap_or_else(|| Lang::detect(&doc.scan));
    let date = settings.date.or(doc.front.date);
    let options = Options {
        lang,
        date,
        offset_seconds: doc.front.offset_seconds,
    };
    let extraction = extract::extract(&doc, options);
    let empty = FactIndex::default();
    let findings = check::check(&extraction, index.unwrap_or(&empty), lang, date);
    FileResult {
        doc,
        lang,
        date,
        findings,
    }
}
