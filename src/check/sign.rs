//! Which way a change goes. A reference file records a fall as a negative
//! figure (`value: -0.1`); an article writes its size and says the
//! direction in words: "gasoline fell 3.8 percent", "a decline of 0.1%",
//! "in calo dello 0,1%". Against a fact with a negative figure, a claim
//! written without a sign is read with the sign its words give; with no
//! such word, its sign is unknown and the link cannot accuse.

use super::clause::{Clauses, first_token};
use crate::claim::{Claim, Interval, Qualifier, Quantity, Value};
use crate::extract::Extraction;
use crate::lang::LangData;
use crate::refs::{Fact, Figure};
use crate::text::span::Span;

/// What the words around a figure say of its sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    Fall,
    Rise,
}

/// Words before a figure searched for a direction word.
const WORDS_BEFORE: usize = 4;

/// The fact records changes with their sign: one of its figures is
/// negative.
pub(super) fn signed(fact: &Fact) -> bool {
    fact.values.iter().any(|v| match v.figure {
        Figure::Number(n) => n < 0.0,
        Figure::Range(a, _) => a < 0.0,
        Figure::Date(_) => false,
    })
}

/// The claim is a positive quantity written without a `+`.
pub(super) fn unsigned(c: usize, extraction: &Extraction) -> bool {
    let claim = &extraction.claims[c];
    let positive = claim
        .quantity()
        .is_some_and(|q| q.interval.low.is_some_and(|low| low >= 0.0));
    let plus = extraction
        .tokens
        .get(first_token(&extraction.tokens, claim.span))
        .is_some_and(|t| t.norm == "+");
    positive && !plus
}

/// The direction the claim's clause gives its figure: a fall or rise word
/// at most four words before it ("fell 3.8 percent", "in calo dello
/// 0,1%") or right after it ("a 0.1% decline"). A joiner between the word
/// and the figure makes the figure the level reached, not the change
/// ("fell to 2.9%", "sceso al 2,9%"): no direction.
pub(super) fn direction(
    c: usize,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> Option<Direction> {
    let tokens = &extraction.tokens;
    let claim = &extraction.claims[c];
    let clause = clauses.spans[c];
    let first = first_token(tokens, claim.span);
    let of = |norm: &str| {
        if says(norm, data.falls) {
            Some(Direction::Fall)
        } else if says(norm, data.rises) {
            Some(Direction::Rise)
        } else {
            None
        }
    };
    let before = tokens[..first]
        .iter()
        .rev()
        .take_while(|t| t.span.start >= clause.start)
        .filter(|t| t.is_word())
        .take(WORDS_BEFORE);
    for t in before {
        // Table words folded as tokens are ("à" is "a").
        if data
            .change_joiners
            .iter()
            .any(|j| crate::text::token::fold(j) == t.norm.as_str())
        {
            return None;
        }
        if let Some(d) = of(&t.norm) {
            return Some(d);
        }
    }
    let last = tokens.partition_point(|t| t.span.start < claim.span.end);
    tokens[last..]
        .iter()
        .take_while(|t| t.span.end <= clause.end)
        .find(|t| t.is_word())
        .and_then(|t| of(&t.norm))
}

/// A fall word right before the claim ("il Paese ha perso quasi 200 mila
/// nati"): where it stands, for a fact that records no fall. The figure
/// is then the size of a loss, not the count the fact keeps, unless the
/// word is one of the fact's own ("lost" for a fact of losses).
pub(super) fn fall_before(c: usize, extraction: &Extraction, data: &LangData) -> Option<Span> {
    let tokens = &extraction.tokens;
    let first = first_token(tokens, extraction.claims[c].span);
    let word = tokens.get(first.checked_sub(1)?)?;
    (word.is_word() && says(&word.norm, data.falls)).then_some(word.span)
}

/// `word` is one of `stems`, or starts with one of four letters or more.
fn says(word: &str, stems: &[&str]) -> bool {
    stems
        .iter()
        .any(|s| word == *s || (s.len() >= 4 && word.starts_with(s)))
}

/// The claim with its figure's sign turned: "fell 3.8 percent" is -3.8,
/// "fell more than 3%" less than -3.
pub(super) fn negated(claim: &Claim) -> Claim {
    let mut claim = claim.clone();
    if let Value::Quantity(q) = &mut claim.value {
        *q = Quantity {
            value: q.value.map(|v| -v),
            qualifier: match q.qualifier {
                Qualifier::MoreThan => Qualifier::LessThan,
                Qualifier::LessThan => Qualifier::MoreThan,
                Qualifier::AtLeast => Qualifier::AtMost,
                Qualifier::AtMost => Qualifier::AtLeast,
                other => other,
            },
            interval: Interval {
                low: q.interval.high.map(|h| -h),
                high: q.interval.low.map(|l| -l),
                low_open: q.interval.high_open,
                high_open: q.interval.low_open,
            },
            unit: q.unit,
            currency: q.currency,
        };
    }
    claim
}
