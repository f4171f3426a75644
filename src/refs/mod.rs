//! Reference files → a [`FactIndex`]: the facts, the sources that reported
//! them and when, and an index of their `match` terms so that matching an
//! article costs one lookup per word, whatever the number of facts.

mod cache;
mod facts;
mod files;
mod lint;
mod load;
mod schema;
mod terms;

pub use files::{Checked, check_paths, check_str, load_paths, parse_str, reference_files};
pub use lint::{disagrees, warnings};
pub use terms::Term;
pub(crate) use terms::{Hit, Target, TermIndex};

use std::fmt::Write;
use std::sync::Arc;

use jiff::civil::Date;

use crate::claim::{Interval, Kind};
use crate::describe;
use crate::error::Location;
use crate::lang::Lang;
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
pub(crate) struct SourceTexts {
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
    pub(crate) fn interval(self) -> Option<Interval> {
        match self {
            Figure::Number(n) => Some(Interval::point(n)),
            Figure::Range(a, b) => Some(Interval::closed(a, b)),
            Figure::Date(_) => None,
        }
    }

    /// The figure as an editor reads it in `lang`: "11,000",
    /// "11,000–12,000", "2024-08-06".
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.push_description(&mut out, lang);
        out
    }

    /// [`Figure::describe`], appended to `out`.
    pub(crate) fn push_description(&self, out: &mut String, lang: Lang) {
        match self {
            Figure::Number(v) => describe::push_number(out, *v, lang),
            Figure::Range(a, b) => {
                describe::push_number(out, *a, lang);
                out.push('–');
                describe::push_number(out, *b, lang);
            }
            Figure::Date(d) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "{d}");
            }
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
    pub(crate) fn widen(self, interval: Interval) -> Interval {
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
    /// The file's `topic`, shared by its facts.
    pub topic: Option<Arc<str>>,
    pub kind: Kind,
    /// Every group must have a term in the claim's sentence.
    pub groups: Vec<Vec<Term>>,
    pub tolerance: Option<Tolerance>,
    pub currency: Option<Currency>,
    pub unit: Option<Unit>,
    pub values: Vec<RefValue>,
    /// The file that defined the fact, shared by its facts.
    pub path: Arc<str>,
    /// Where its `id` is written.
    pub at: Location,
}

impl Fact {
    /// What reports call the fact: `about`, else its id.
    pub(crate) fn label(&self) -> &str {
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
            (None, Figure::Number(n)) => rounded_reach(*n),
            (None, _) => interval,
        })
    }
}

/// Largest share of a figure that reading it as rounded may add.
pub(crate) const ROUNDING_CAP: f64 = 0.05;

/// An exact figure read as rounded to its last non-zero digit, by at most
/// [`ROUNDING_CAP`] of its value: `11000` covers 10,500–11,500, `600`
/// covers 570–630, `56421` only itself ±0.5, `12.5` covers 12.45–12.55.
pub(crate) fn rounded(n: f64) -> Interval {
    let half = rounding_half_width(n).min(n.abs() * ROUNDING_CAP);
    Interval::closed(n - half, n + half)
}

/// [`rounded`], but where the cap set the width its ends are open: the
/// edge is then no rounding of the figure, only the cap's limit (a
/// reference `5` covers 4.75–5.25 and so never the `5.25` it was cut to).
/// An edge set by the rounding itself stays in (`12` covers `12.5`).
fn rounded_reach(n: f64) -> Interval {
    let capped = rounding_half_width(n) > n.abs() * ROUNDING_CAP;
    let interval = rounded(n);
    if !capped || interval.low == interval.high {
        return interval;
    }
    Interval {
        low_open: true,
        high_open: true,
        ..interval
    }
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
    /// Every distinct term of the facts' groups, as [`Target::Term`], and
    /// the sources' aliases (see [`FactIndex::new`]).
    pub(crate) terms: TermIndex,
    /// Parallel to `sources`.
    pub(crate) source_texts: Vec<SourceTexts>,
    /// The number of each term of each fact, in the order of its groups
    /// and terms; a fact's run starts at `first_term[fact]`.
    term_ids: Vec<usize>,
    first_term: Vec<usize>,
    /// The (fact, group) pairs whose anchor group holds each term; a
    /// term's run starts at `first_anchor[term]`.
    anchors: Vec<(usize, usize)>,
    first_anchor: Vec<usize>,
}

impl FactIndex {
    /// Numbers the distinct terms of the facts' groups and indexes them
    /// with the sources' aliases: a word of an article then costs one
    /// lookup per prefix length, whatever the number of facts. Each fact
    /// is anchored by its rarest group (fewest terms of all facts sharing
    /// its terms' first words): a sentence is considered for a fact only
    /// where a term of that group occurs, so a term shared by thousands of
    /// facts (`soldat*`) matters only where a rarer term of theirs occurs.
    pub fn new(facts: Vec<Fact>, sources: Vec<Source>) -> FactIndex {
        // The distinct terms are numbered as the index takes them in, in
        // order of first use: no second table of them while it is built.
        let total: usize = facts.iter().flat_map(|f| &f.groups).map(Vec::len).sum();
        // Room for as many distinct terms as there are uses, at most: a
        // list's room costs memory only where it is written, and the index
        // is then never copied while it grows.
        let aliases: usize = sources.iter().map(|s| s.aliases.len() + 1).sum();
        let mut terms = TermIndex::default();
        terms.reserve(total + aliases);
        let mut term_ids = Vec::with_capacity(total);
        let mut first_term = Vec::with_capacity(facts.len() + 1);
        let mut uses: Vec<usize> = Vec::with_capacity(total);
        for fact in &facts {
            first_term.push(term_ids.len());
            for term in fact.groups.iter().flatten() {
                let id = terms.intern(term);
                if id == uses.len() {
                    uses.push(0);
                }
                uses[id] += 1;
                term_ids.push(id);
            }
        }
        first_term.push(term_ids.len());
        let distinct = uses.len();
        // Postings: how many terms of all facts share a term's key (its
        // first word, and whether a prefix).
        let postings = terms.postings(&uses);
        drop(uses);
        // Each fact's anchor: the first group of least cost (the sum of
        // its terms' postings), as (term, fact, group) for each term; in
        // 32 bits, as this list is the largest while the index is built
        // (no library comes near four billion terms).
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut anchored: Vec<(u32, u32, u32)> = Vec::with_capacity(total);
        for (f, fact) in facts.iter().enumerate() {
            let ids = &term_ids[first_term[f]..first_term[f + 1]];
            let mut rest = ids.iter();
            let mut anchor: Option<(usize, usize, usize)> = None;
            let mut at = 0;
            for (g, group) in fact.groups.iter().enumerate() {
                let cost: usize = rest
                    .by_ref()
                    .take(group.len())
                    .map(|&id| postings[id])
                    .sum();
                if anchor.is_none_or(|(least, _, _)| cost < least) {
                    anchor = Some((cost, g, at));
                }
                at += group.len();
            }
            if let Some((_, g, at)) = anchor {
                for &id in &ids[at..at + fact.groups[g].len()] {
                    anchored.push((narrow(id), narrow(f), narrow(g)));
                }
            }
        }
        anchored.sort_unstable();
        anchored.dedup();
        let mut anchors = Vec::with_capacity(anchored.len());
        let mut first_anchor = Vec::with_capacity(distinct + 1);
        let mut next = anchored.iter().peekable();
        for id in 0..distinct {
            first_anchor.push(anchors.len());
            while let Some(&(_, f, g)) = next.next_if(|(term, _, _)| *term as usize == id) {
                anchors.push((f as usize, g as usize));
            }
        }
        first_anchor.push(anchors.len());
        drop((anchored, postings));
        for (s, source) in sources.iter().enumerate() {
            for alias in source.aliases.iter().chain(std::iter::once(&source.name)) {
                if let Some(term) = Term::parse(alias) {
                    terms.insert(term, Target::Source(s));
                }
            }
        }
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
            terms,
            source_texts,
            term_ids,
            first_term,
            anchors,
            first_anchor,
        }
    }

    /// The numbers of a fact's terms (see [`Target::Term`]), group after
    /// group.
    pub(crate) fn term_ids(&self, fact: usize) -> &[usize] {
        &self.term_ids[self.first_term[fact]..self.first_term[fact + 1]]
    }

    /// The facts (with the group) a term anchors, in fact order.
    pub(crate) fn anchored_by(&self, term: usize) -> &[(usize, usize)] {
        &self.anchors[self.first_anchor[term]..self.first_anchor[term + 1]]
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}
