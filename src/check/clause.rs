//! Clauses: a clause ends at `;`, `:`, `,` and at a conjunction that opens
//! a new figure ("… uccisi e migliaia feriti"). A conjunction inside a claim
//! ("tra 300 e 400") ends nothing.

use crate::claim::Claim;
use crate::extract::Extraction;
use crate::extract::token::{Token, TokenKind};
use crate::lang::LangData;
use crate::span::Span;

/// Where a claim lies: its first and last tokens and its sentence (the
/// claim's own span when it is in none).
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub first: usize,
    pub last: usize,
    pub sentence: Span,
}

/// Where each claim lies. Claims come sorted by start, so each search walks
/// on from the previous claim's answer instead of bisecting the article's
/// tokens again.
pub fn place(extraction: &Extraction) -> Vec<Placed> {
    let tokens = &extraction.tokens;
    let sentences = &extraction.sentences;
    let (mut first, mut sentence) = (0, 0);
    extraction
        .claims
        .iter()
        .map(|claim| {
            let span = claim.span;
            first = partition_from(tokens, first, |t| t.span.start < span.start);
            let last = partition_from(tokens, first, |t| t.span.end <= span.end).saturating_sub(1);
            // As `Extraction::sentence_of`.
            sentence = partition_from(sentences, sentence, |s| s.end < span.end);
            let sentence = sentences
                .get(sentence)
                .filter(|s| s.contains(span))
                .copied()
                .unwrap_or(span);
            Placed {
                first,
                last,
                sentence,
            }
        })
        .collect()
}

/// `items.partition_point(pred)`, walking forward from `from` when the
/// point is there or after (the usual case: close after the previous
/// claim's), else bisecting.
fn partition_from<T>(items: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    let from = from.min(items.len());
    if from > 0 && !pred(&items[from - 1]) {
        return items.partition_point(pred);
    }
    let mut at = from;
    while at < items.len() && pred(&items[at]) {
        at += 1;
    }
    at
}

/// The clause of each claim, as a span of the scan text.
pub fn clauses(extraction: &Extraction, placed: &[Placed], data: &LangData) -> Vec<Span> {
    let tokens = &extraction.tokens;
    let claims = &extraction.claims;
    let in_claim = claim_mask(tokens, claims, placed);
    let mut starts_claim = vec![false; tokens.len() + 1];
    for p in placed {
        starts_claim[p.first] = true;
    }
    let is_punct_boundary = |t: &Token| {
        t.kind == TokenKind::Punct && matches!(t.norm.as_str(), ";" | ":" | "," | "—" | "–")
    };
    let mut boundary = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        if in_claim[i] {
            continue;
        }
        if is_punct_boundary(t) {
            boundary[i] = true;
        } else if t.is_word() && is_one_of(&t.norm, data.conjunctions) {
            // A conjunction is a boundary when a claim starts after it,
            // before the next punctuation boundary of its sentence.
            let sentence = extraction.token_sentence[i];
            let mut k = i + 1;
            while k < tokens.len()
                && extraction.token_sentence[k] == sentence
                && (in_claim[k] || !is_punct_boundary(&tokens[k]))
            {
                if starts_claim[k] {
                    boundary[i] = true;
                    break;
                }
                k += 1;
            }
        }
    }
    claims
        .iter()
        .zip(placed)
        .map(|(claim, p)| {
            let sentence = p.sentence;
            let mut start = claim.span.start;
            let mut k = p.first;
            while k > 0 && !boundary[k - 1] && tokens[k - 1].span.start >= sentence.start {
                k -= 1;
                start = tokens[k].span.start;
            }
            let mut end = claim.span.end;
            let mut k = p.last + 1;
            while k < tokens.len() && !boundary[k] && tokens[k].span.end <= sentence.end {
                end = tokens[k].span.end;
                k += 1;
            }
            Span::new(start.min(claim.span.start), end.max(claim.span.end))
        })
        .collect()
}

fn claim_mask(tokens: &[Token], claims: &[Claim], placed: &[Placed]) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    for (claim, p) in claims.iter().zip(placed) {
        for (k, t) in tokens.iter().enumerate().skip(p.first) {
            if t.span.start >= claim.span.end {
                break;
            }
            mask[k] = true;
        }
    }
    mask
}

/// Index of the first token starting at or after `span.start`.
pub fn first_token(tokens: &[Token], span: Span) -> usize {
    tokens.partition_point(|t| t.span.start < span.start)
}

/// `word` is one of `words`. Comparing first bytes first turns most words
/// away without a call to `memcmp`: this runs for every word of every
/// article.
pub fn is_one_of(word: &str, words: &[&str]) -> bool {
    let first = word.as_bytes().first();
    words
        .iter()
        .any(|w| w.as_bytes().first() == first && *w == word)
}

/// `word` starts with one of `stems`, compared as in [`is_one_of`].
pub fn starts_with_any(word: &str, stems: &[&str]) -> bool {
    let first = word.as_bytes().first();
    stems
        .iter()
        .any(|s| s.as_bytes().first().is_none_or(|b| Some(b) == first) && word.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_compare_whole_words_and_stems() {
        assert!(is_one_of("ed", &["e", "ed"]));
        assert!(!is_one_of("edi", &["e", "ed"]));
        assert!(!is_one_of("", &["e"]));
        assert!(starts_with_any("uccisi", &["mort", "uccis"]));
        assert!(!starts_with_any("ucci", &["uccis"]));
        assert!(starts_with_any("any", &[""]));
    }
}
