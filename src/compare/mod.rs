//! `factcheck compare`: no reference file; the claims of several articles
//! are grouped into clusters about the same quantity ([`cluster`]), read
//! from what each claim's clause says ([`features`]) in any language the
//! tables know ([`equiv`]), and each cluster is found to agree, conflict
//! (incompatible figures within a window) or to have changed (a series).
//! `refs draft` ([`crate::draft`]) builds reference files from the same
//! clusters.

pub mod cluster;
pub mod equiv;
pub mod features;
pub mod report;

use std::path::Path;

use jiff::civil::Date;
use rayon::prelude::*;

pub use cluster::{Cluster, Options, Status, agree, cluster};
pub use features::{Item, Subject};

use crate::error::Error;
use crate::lang::Lang;
use crate::pipeline::{self, Input, Settings};

/// An article of the run.
#[derive(Debug, Clone)]
pub struct FileInfo {
    /// As reported: relative to the run's root when under it.
    pub path: String,
    pub lang: Lang,
    pub date: Option<Date>,
    /// The front matter's `source:`.
    pub source: Option<String>,
}

/// Everything read from the articles: their claims, the documents gone.
#[derive(Debug, Default)]
pub struct Corpus {
    pub files: Vec<FileInfo>,
    pub items: Vec<Item>,
    /// Files that could not be read, in input order.
    pub errors: Vec<Error>,
    /// Warnings about the inputs (front matter, missing dates).
    pub warnings: Vec<String>,
}

/// Files read at once: each worker holds one document at a time, and only
/// the claims of a batch wait to be appended.
const BATCH: usize = 256;

/// Reads and extracts every input in parallel, keeping only the claims'
/// features; documents are dropped as soon as they are read.
pub fn read(inputs: &[Input], settings: &Settings, root: Option<&Path>) -> Corpus {
    let mut corpus = Corpus::default();
    for (b, batch) in inputs.chunks(BATCH).enumerate() {
        let results: Vec<_> = batch
            .par_iter()
            .enumerate()
            .map(|(i, input)| read_one(input, settings, root, b * BATCH + i))
            .collect();
        if b == 1 && !corpus.files.is_empty() {
            // One allocation for the whole run, from the first batch's
            // claims per file, instead of doubling (and copying) as it grows.
            let per_file = corpus.items.len() / corpus.files.len() + 1;
            corpus
                .items
                .reserve(per_file * (inputs.len() - BATCH) * 11 / 10);
        }
        for result in results {
            match result {
                Ok((info, mut items, warnings)) => {
                    let file = corpus.files.len();
                    for item in &mut items {
                        item.file = file;
                    }
                    corpus.files.push(info);
                    corpus.items.extend(items);
                    corpus.warnings.extend(warnings);
                }
                Err(e) => corpus.errors.push(e),
            }
        }
    }
    corpus
}

type Read = (FileInfo, Vec<Item>, Vec<String>);

fn read_one(
    input: &Input,
    settings: &Settings,
    root: Option<&Path>,
    file: usize,
) -> Result<Read, Error> {
    let doc = pipeline::read(input, settings.max_size)?;
    let lang = settings
        .lang
        .or_else(|| doc.front.lang.as_deref().and_then(Lang::parse))
        .unwrap_or_else(|| Lang::detect(&doc.scan));
    let published = settings.date.or(doc.front.date);
    let date = published.map(|p| p.day);
    let options = crate::extract::Options {
        lang,
        date,
        offset_seconds: doc.front.offset_seconds,
        clock: doc.front.clock,
        month_only: published.is_some_and(|p| p.month_only),
    };
    let extraction = crate::extract::extract(&doc, options);
    let items = features::items(&doc, &extraction, lang, date, file);
    let path = match (root, input) {
        (Some(root), Input::Path(p)) => pipeline::relative_path(root, p),
        _ => doc.path(),
    };
    let mut warnings = doc.warnings.clone();
    if date.is_none() && !items.is_empty() {
        warnings.push(format!(
            "{path}: no publication date: its figures are compared as undated; pass --date YYYY-MM-DD or add `date:` to the front matter"
        ));
    }
    Ok((
        FileInfo {
            path,
            lang,
            date,
            source: doc.front.source.clone(),
        },
        items,
        warnings,
    ))
}

/// The result of a comparison, for the reporters.
#[derive(Debug)]
pub struct Comparison {
    pub corpus: Corpus,
    pub clusters: Vec<Cluster>,
    /// List clusters with claims from one file too.
    pub all: bool,
}

impl Comparison {
    pub fn new(corpus: Corpus, options: &Options, all: bool) -> Comparison {
        let clusters = cluster(&corpus.items, options);
        Comparison {
            corpus,
            clusters,
            all,
        }
    }

    /// The clusters a report lists: those with claims from at least two
    /// files, or every one with `--all`.
    pub fn listed(&self) -> impl Iterator<Item = &Cluster> {
        self.clusters
            .iter()
            .filter(move |c| self.all || c.files(&self.corpus.items) >= 2)
    }

    /// Listed clusters per status, in [`Status::BY_SEVERITY`] order.
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for c in self.listed() {
            if let Some(i) = Status::BY_SEVERITY.iter().position(|s| *s == c.status) {
                counts[i] += 1;
            }
        }
        counts
    }

    pub fn count(&self, status: Status) -> usize {
        let i = Status::BY_SEVERITY
            .iter()
            .position(|s| *s == status)
            .unwrap_or(0);
        self.counts()[i]
    }

    /// Listed clusters at `level` or worse.
    pub fn at_or_above(&self, level: Status) -> usize {
        self.listed().filter(|c| c.status >= level).count()
    }
}
