//! Claim × facts → findings: which fact each claim is about (clauses, then
//! nearest), then what the sources say about it (the verdict).

mod assign;
mod clause;
mod judge;

pub use assign::{Doubt, compatible};
pub use judge::{Role, agrees};

use std::fmt;
use std::sync::Arc;

use jiff::civil::Date;

use crate::claim::Claim;
use crate::extract::Extraction;
use crate::lang::Lang;
use crate::refs::{FactIndex, Figure, Target};
use crate::text::span::Span;

/// How a claim stands against the references; ordered by severity, the
/// least severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Consistent,
    Unverified,
    Disputed,
    Outdated,
    Misattributed,
    Contradicted,
}

impl Verdict {
    /// Most severe first, the order of `--fail-on` and of reports.
    pub const BY_SEVERITY: [Verdict; 6] = [
        Verdict::Contradicted,
        Verdict::Misattributed,
        Verdict::Outdated,
        Verdict::Disputed,
        Verdict::Unverified,
        Verdict::Consistent,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Unverified => "unverified",
            Verdict::Disputed => "disputed",
            Verdict::Outdated => "outdated",
            Verdict::Misattributed => "misattributed",
            Verdict::Contradicted => "contradicted",
        }
    }

    /// `contradicted`, `misattributed` or `outdated`: a verdict that says
    /// the article is wrong, given only on a certain link.
    pub fn is_alarm(self) -> bool {
        matches!(
            self,
            Verdict::Contradicted | Verdict::Misattributed | Verdict::Outdated
        )
    }

    pub fn parse(name: &str) -> Option<Verdict> {
        Verdict::BY_SEVERITY.into_iter().find(|v| v.name() == name)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One source's figure as used for a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The source's full name.
    pub source: Arc<str>,
    /// Its short name (first alias) for one-line explanations.
    pub short: Arc<str>,
    pub url: Option<Arc<str>>,
    pub figure: Figure,
    pub as_of: Option<Date>,
    pub role: Role,
    pub agrees: bool,
    /// The article names this source next to the claim.
    pub named: bool,
}

/// A claim with its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub claim: Claim,
    pub verdict: Verdict,
    /// Id and description of the matched fact.
    pub fact: Option<(String, String)>,
    pub evidence: Vec<Evidence>,
    pub explanation: String,
    /// Facts the claim may be about when the link is not certain enough
    /// to judge it ("possibly: dprk-troops-sent, NIS 11,000").
    pub candidates: Vec<Candidate>,
    /// The words that tied the claim to its fact (or to its first
    /// candidate), in text order.
    pub why: Vec<Span>,
}

/// A fact an uncertain claim may be about, with its sources' current
/// figures in one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: String,
    pub about: String,
    /// "NIS 11.000 (2024-11-13)".
    pub figures: String,
}

/// Judges every claim of one article.
pub fn check(
    extraction: &Extraction,
    index: &FactIndex,
    lang: Lang,
    date: Option<Date>,
) -> Vec<Finding> {
    if index.is_empty() {
        // `extract`, or no facts loaded: nothing to match, nothing to scan.
        return extraction.claims.iter().map(judge::unloaded).collect();
    }
    let hits = index.terms.find(&extraction.tokens);
    let placed = clause::place(extraction);
    let clauses = clause::clauses(extraction, placed, lang.data());
    let links = assign::assign(extraction, index, &hits, &clauses, lang.data());
    // Where the article names a source, in text order: the positions and,
    // parallel, the sources, so that a sentence's sources are a slice.
    let mut named_at = Vec::new();
    let mut named_sources = Vec::new();
    for hit in &hits {
        if let Target::Source(s) = hit.target {
            named_at.push(extraction.tokens[hit.first].span.start);
            named_sources.push(s);
        }
    }
    extraction
        .claims
        .iter()
        .zip(links)
        .enumerate()
        .map(|(c, (claim, link))| {
            let Some(link) = link else {
                return judge::unmatched(claim, lang);
            };
            // Sources the article names in the claim's sentence (which holds
            // its clause).
            let sentence = clauses.placed[c].sentence;
            let from = named_at.partition_point(|at| *at < sentence.start);
            let to = named_at.partition_point(|at| *at < sentence.end);
            let named = &named_sources[from..to.max(from)];
            judge::judge_link(claim, &link, index, date, named, lang)
        })
        .collect()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod certainty_tests;
