//! Which fact each claim is about: DESIGN.md's clause-then-nearest rule.
//!
//! 1. A fact goes to every claim of its kind whose own clause holds a term
//!    of each of its groups.
//! 2. Where no claim's clause does, it goes to the one claim of its kind
//!    nearest its terms in the sentence (claims already taken under rule 1
//!    come last, then claims whose clause holds more of its groups).
//! 3. A claim two facts want takes the one with more of its groups in the
//!    claim's clause, then the one with more terms outside the claim's own
//!    words (the predicate beats the counted noun), then the nearer.

use super::clause::{first_token, starts_with_any};
use crate::claim::{Claim, Kind, Value};
use crate::extract::Extraction;
use crate::extract::token::Token;
use crate::lang::LangData;
use crate::refs::{Fact, FactIndex, Hit, Target};
use crate::span::Span;

/// A claim's candidate fact and how strongly it is wanted.
#[derive(Debug, Clone, Copy)]
struct Want {
    fact: usize,
    groups_in_clause: usize,
    /// Terms in the clause outside the claim's own words: "uccisi" in
    /// "600 soldati nordcoreani sarebbero stati uccisi" says more about
    /// the figure than "soldati", the noun it counts.
    outside: usize,
    distance: usize,
}

/// For each claim (by index), the fact it is about, if any.
pub fn assign(
    extraction: &Extraction,
    index: &FactIndex,
    hits: &[Hit],
    clauses: &[Span],
    data: &LangData,
) -> Vec<Option<usize>> {
    let claims = &extraction.claims;
    let mut wants: Vec<Vec<Want>> = vec![Vec::new(); claims.len()];
    let tokens = &extraction.tokens;

    // Facts whose anchor group occurs, by sentence.
    let mut anchored: Vec<(usize, usize)> = Vec::new();
    for hit in hits {
        if let Target::Term(term) = hit.target {
            let sentence = extraction.token_sentence[hit.first];
            let facts = index.anchored_by(term).iter();
            anchored.extend(facts.map(|&(fact, _)| (sentence, fact)));
        }
    }
    // Sorted, each sentence's facts are one run, in fact order. (Claims of
    // different sentences never compete: the order of sentences does not
    // matter.)
    anchored.sort_unstable();
    anchored.dedup();
    for run in anchored.chunk_by(|a, b| a.0 == b.0) {
        let sentence = run[0].0;
        let sentence_span = extraction.sentences[sentence];
        // Claims are sorted by start: the sentence's are one run of them.
        let first = claims.partition_point(|c| c.span.start < sentence_span.start);
        let in_sentence: Vec<usize> = (first..claims.len())
            .take_while(|&c| claims[c].span.start < sentence_span.end)
            .filter(|&c| sentence_span.contains(claims[c].span))
            .collect();
        if in_sentence.is_empty() {
            continue;
        }
        let sentence_tokens = first_token(tokens, sentence_span)
            ..tokens.partition_point(|t| t.span.start < sentence_span.end);
        // Predicate words of the sentence, found once for all its facts.
        let predicates: Vec<Span> = tokens[sentence_tokens.clone()]
            .iter()
            .filter(|t| t.is_word() && starts_with_any(&t.norm, data.predicates))
            .map(|t| t.span)
            .collect();
        // The sentence's term hits: those starting in it and ending by its
        // end (as if the article stopped there).
        let from = hits.partition_point(|h| h.first < sentence_tokens.start);
        let to = hits.partition_point(|h| h.first < sentence_tokens.end);
        let term_hits: Vec<Hit> = hits[from..to.max(from)]
            .iter()
            .filter(|h| h.end <= sentence_tokens.end)
            .copied()
            .collect();
        for &(_, fact_index) in run {
            let fact = &index.facts[fact_index];
            if !in_sentence.iter().any(|&c| compatible(&claims[c], fact)) {
                continue;
            }
            let fact_hits = group_hits(
                tokens,
                &term_hits,
                fact,
                index.term_ids(fact_index),
                fact_index,
            );
            let all_groups = (0..fact.groups.len()).all(|g| fact_hits.iter().any(|h| h.1 == g));
            if !all_groups {
                continue;
            }
            let candidates: Vec<usize> = in_sentence
                .iter()
                .copied()
                .filter(|&c| compatible(&claims[c], fact))
                .filter(|&c| predicates_covered(&predicates, clauses[c], &fact_hits))
                .collect();
            let scored: Vec<Want> = candidates
                .iter()
                .map(|&c| {
                    let clause = clauses[c];
                    let groups_in_clause = (0..fact.groups.len())
                        .filter(|&g| fact_hits.iter().any(|h| h.1 == g && clause.contains(h.2)))
                        .count();
                    let outside = fact_hits
                        .iter()
                        .filter(|h| clause.contains(h.2) && !claims[c].span.overlaps(h.2))
                        .count();
                    let distance = fact_hits
                        .iter()
                        .map(|h| claims[c].span.distance(h.2))
                        .min()
                        .unwrap_or(usize::MAX);
                    Want {
                        fact: fact_index,
                        groups_in_clause,
                        outside,
                        distance,
                    }
                })
                .collect();
            let full: Vec<usize> = (0..candidates.len())
                .filter(|&k| scored[k].groups_in_clause == fact.groups.len())
                .collect();
            if !full.is_empty() {
                for k in full {
                    wants[candidates[k]].push(scored[k]);
                }
            } else if let Some(k) = (0..candidates.len()).min_by_key(|&k| {
                let taken = wants[candidates[k]]
                    .iter()
                    .any(|w| w.groups_in_clause == index.facts[w.fact].groups.len());
                (
                    taken,
                    std::cmp::Reverse(scored[k].groups_in_clause),
                    scored[k].distance,
                )
            }) {
                wants[candidates[k]].push(scored[k]);
            }
        }
    }
    wants
        .into_iter()
        .map(|w| {
            w.into_iter()
                .min_by_key(|w| {
                    let rank = (
                        std::cmp::Reverse(w.groups_in_clause),
                        std::cmp::Reverse(w.outside),
                    );
                    (rank, w.distance, w.fact)
                })
                .map(|w| w.fact)
        })
        .collect()
}

/// Every occurrence of a term of `fact` among the sentence's term hits,
/// as (fact, group, span); `ids` are the numbers of the fact's terms.
fn group_hits(
    tokens: &[Token],
    term_hits: &[Hit],
    fact: &Fact,
    ids: &[usize],
    fact_index: usize,
) -> Vec<(usize, usize, Span)> {
    // The group of each of the fact's terms, parallel to `ids`.
    let groups = fact
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| std::iter::repeat_n(g, group.len()));
    let mut found = Vec::new();
    for hit in term_hits {
        let Target::Term(id) = hit.target else {
            continue;
        };
        for (_, g) in ids.iter().zip(groups.clone()).filter(|(t, _)| **t == id) {
            let span = Span::new(tokens[hit.first].span.start, tokens[hit.end - 1].span.end);
            found.push((fact_index, g, span));
        }
    }
    found
}

/// Every predicate word of the clause ("uccisi", "wounded") lies inside one
/// of the fact's term hits: otherwise the claim counts something else.
/// `predicates` are those of the clause's sentence.
fn predicates_covered(
    predicates: &[Span],
    clause: Span,
    fact_hits: &[(usize, usize, Span)],
) -> bool {
    predicates
        .iter()
        .filter(|&&p| clause.contains(p))
        .all(|&p| fact_hits.iter().any(|h| h.2.contains(p)))
}

/// The claim can be compared with the fact: same kind (a time checks a
/// date fact on its day), same currency, a unit of the same dimension.
pub fn compatible(claim: &Claim, fact: &Fact) -> bool {
    let kinds = claim.kind == fact.kind || (claim.kind == Kind::Time && fact.kind == Kind::Date);
    if !kinds {
        return false;
    }
    match &claim.value {
        Value::Quantity(q) => {
            let currency = match (q.currency, fact.currency) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let unit = match (q.unit, fact.unit) {
                (Some(a), Some(b)) => a.dimension() == b.dimension(),
                (None, None) => true,
                // A plain percentage and percentage points do not compare.
                _ => fact.kind != Kind::Percent && claim.kind != Kind::Percent,
            };
            currency && unit
        }
        _ => true,
    }
}
