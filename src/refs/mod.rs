//! Reference files → a [`FactIndex`]: the facts, the sources that reported
//! them and when, and an index of their `match` terms so that matching an
//! article costs one lookup per word, whatever the number of facts.

mod lint;
mod load;
mod terms;
mod yaml;

pub use lint::warnings;
pub use load::{Checked, MAX_REFS_SIZE, check_paths, check_str, load_paths, parse_str};
pub use terms::{Hit, Target, Term, TermIndex, matches_at};
pub use yaml::{ALIAS_BUDGET, MAX_DEPTH, MAX_NODES};

use std::sync::Arc;

use jiff::civil::Date;
use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Interval, Kind};
use crate::error::Location;
use crate::units::{Currency, Unit};
use crate::when::DateValue;

/// Who reported a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The key under `sources:`, when the source was named there.
    pub key: Option<String>,
    pub name: String,
    pub url: Option<String>,
    pub aliases: Vec<String>,
}

impl Source {
    /// The short name used in explanations: the first alias written as an
    /// acronym (`NIS`), else the name.
    pub fn short(&self) -> &str {
        self.aliases
            .iter()
            .find(|a| a.len() >= 2 && a.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
            .map_or(self.name.as_str(), String::as_str)
    }
}

/// A source's texts as findings carry them, built once: each piece of
/// evidence then shares them instead of copying.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceTexts {
    pub name: Arc<str>,
    /// [`Source::short`].
    pub short: Arc<str>,
    pub url: Option<Arc<str>>,
}

/// A reported figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    Number(f64),
    Range(f64, f64),
    Date(DateValue),
}

impl Figure {
    pub fn interval(self) -> Option<Interval> {
        match self {
            Figure::Number(n) => Some(Interval::point(n)),
            Figure::Range(a, b) => Some(Interval::closed(a, b)),
            Figure::Date(_) => None,
        }
    }
}

/// One figure of one source, as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct RefValue {
    pub figure: Figure,
    /// Index into [`FactIndex::sources`].
    pub source: usize,
    pub url: Option<String>,
    pub as_of: Option<Date>,
    /// Where the value's entry starts in its file.
    pub at: Location,
}

/// How far a reference figure stretches: relative (0.05 for `5%`) or
/// absolute, in the fact's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    Relative(f64),
    Absolute(f64),
}

impl Tolerance {
    pub fn widen(self, interval: Interval) -> Interval {
        match self {
            Tolerance::Relative(r) => Interval {
                low: interval.low.map(|v| v - v.abs() * r),
                high: interval.high.map(|v| v + v.abs() * r),
                ..interval
            },
            Tolerance::Absolute(a) => Interval {
                low: interval.low.map(|v| v - a),
                high: interval.high.map(|v| v + a),
                ..interval
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub id: String,
    pub about: Option<String>,
    pub topic: Option<String>,
    pub kind: Kind,
    /// Every group must have a term in the claim's sentence.
    pub groups: Vec<Vec<Term>>,
    pub tolerance: Option<Tolerance>,
    pub currency: Option<Currency>,
    pub unit: Option<Unit>,
    pub values: Vec<RefValue>,
    /// The file that defined the fact.
    pub path: String,
    /// Where its `id` is written.
    pub at: Location,
}

impl Fact {
    /// What reports call the fact: `about`, else its id.
    pub fn label(&self) -> &str {
        self.about.as_deref().unwrap_or(&self.id)
    }

    /// The interval a reference figure stands for, for comparisons: with
    /// `tolerance`, the figure widened by it; without, a `value:` read as
    /// rounded (see [`rounded`]) and a `range:` as written. `None` for
    /// dates, which compare at their grain.
    pub fn reach(&self, figure: &Figure) -> Option<Interval> {
        let interval = figure.interval()?;
        Some(match (self.tolerance, figure) {
            (Some(t), _) => t.widen(interval),
            (None, Figure::Number(n)) => rounded(*n),
            (None, _) => interval,
        })
    }
}

/// Largest share of a figure that reading it as rounded may add.
pub const ROUNDING_CAP: f64 = 0.05;

/// An exact figure read as rounded to its last non-zero digit, by at most
/// [`ROUNDING_CAP`] of its value: `11000` covers 10,500–11,500, `600`
/// covers 570–630, `56421` only itself ±0.5, `12.5` covers 12.45–12.55.
pub fn rounded(n: f64) -> Interval {
    let half = rounding_half_width(n).min(n.abs() * ROUNDING_CAP);
    Interval::closed(n - half, n + half)
}

fn rounding_half_width(n: f64) -> f64 {
    let n = n.abs();
    if n == 0.0 || !n.is_finite() {
        return 0.0;
    }
    if n.fract() != 0.0 {
        // Decimals: half a unit of the last decimal written (up to 4).
        let mut place = 0.1;
        for _ in 0..4 {
            if ((n / place).round() * place - n).abs() < 1e-9 {
                return place / 2.0;
            }
            place /= 10.0;
        }
        return place / 2.0;
    }
    let mut place = 1.0;
    while (n / (place * 10.0)).fract() == 0.0 && place < 1e15 {
        place *= 10.0;
    }
    place / 2.0
}

/// Every loaded fact and source, with the term index built once.
#[derive(Debug, Clone, Default)]
pub struct FactIndex {
    pub facts: Vec<Fact>,
    pub sources: Vec<Source>,
    /// Anchor groups' terms and sources' aliases (see [`FactIndex::new`]).
    pub terms: TermIndex,
    /// Parallel to `sources`.
    pub source_texts: Vec<SourceTexts>,
    /// Every distinct term of every group, as [`Target::Term`]: a sentence
    /// is searched once for all the terms of the facts anchored in it,
    /// however many facts share them.
    pub group_terms: TermIndex,
    /// The number in `group_terms` of each term of each fact, in the order
    /// of its groups and terms; a fact's run starts at `first_term[fact]`.
    term_ids: Vec<usize>,
    first_term: Vec<usize>,
}

impl FactIndex {
    /// Builds the term index over each fact's anchor group (its rarest
    /// `match` group across all facts) and over sources' aliases. A word of
    /// an article then costs one lookup per prefix length, and a term shared
    /// by thousands of facts (`soldat*`) is looked up only where a rarer term
    /// of theirs occurs.
    pub fn new(facts: Vec<Fact>, sources: Vec<Source>) -> FactIndex {
        let mut postings: HashMap<(&str, bool), usize> = HashMap::default();
        for term in facts.iter().flat_map(|f| f.groups.iter().flatten()) {
            *postings.entry(term.key()).or_default() += 1;
        }
        let mut terms = TermIndex::default();
        for (f, fact) in facts.iter().enumerate() {
            let cost = |group: &Vec<Term>| -> usize {
                group
                    .iter()
                    .map(|t| postings.get(&t.key()).copied().unwrap_or(0))
                    .sum()
            };
            let anchor = (0..fact.groups.len()).min_by_key(|&g| cost(&fact.groups[g]));
            if let Some(g) = anchor {
                for term in &fact.groups[g] {
                    terms.insert(term.clone(), Target::Group { fact: f, group: g });
                }
            }
        }
        for (s, source) in sources.iter().enumerate() {
            for alias in source.aliases.iter().chain(std::iter::once(&source.name)) {
                if let Some(term) = Term::parse(alias) {
                    terms.insert(term, Target::Source(s));
                }
            }
        }
        let mut numbers: HashMap<&Term, usize> = HashMap::default();
        let mut group_terms = TermIndex::default();
        let mut term_ids = Vec::new();
        let mut first_term = Vec::with_capacity(facts.len() + 1);
        for fact in &facts {
            first_term.push(term_ids.len());
            for term in fact.groups.iter().flatten() {
                let next = numbers.len();
                let id = *numbers.entry(term).or_insert_with(|| {
                    group_terms.insert(term.clone(), Target::Term(next));
                    next
                });
                term_ids.push(id);
            }
        }
        first_term.push(term_ids.len());
        drop(numbers);
        let source_texts = sources
            .iter()
            .map(|s| SourceTexts {
                name: Arc::from(s.name.as_str()),
                short: Arc::from(s.short()),
                url: s.url.as_deref().map(Arc::from),
            })
            .collect();
        FactIndex {
            facts,
            sources,
            source_texts,
            terms,
            group_terms,
            term_ids,
            first_term,
        }
    }

    /// The numbers in [`FactIndex::group_terms`] of a fact's terms, group
    /// after group.
    pub fn term_ids(&self, fact: usize) -> &[usize] {
        &self.term_ids[self.first_term[fact]..self.first_term[fact + 1]]
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}
