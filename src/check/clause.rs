//! Clauses: a clause ends at `;`, `:`, `,` and at a conjunction that opens
//! a new figure ("… uccisi e migliaia feriti"). A conjunction inside a claim
//! ("tra 300 e 400") ends nothing.

use crate::claim::Claim;
use crate::extract::Extraction;
use crate::extract::token::{Token, TokenKind};
use crate::lang::LangData;
use crate::span::Span;

/// The clause of each claim, as a span of the scan text.
pub fn clauses(extraction: &Extraction, data: &LangData) -> Vec<Span> {
    let tokens = &extraction.tokens;
    let claims = &extraction.claims;
    let in_claim = claim_mask(tokens, claims);
    let claim_starts: Vec<usize> = claims.iter().map(|c| first_token(tokens, c.span)).collect();
    let mut starts_claim = vec![false; tokens.len() + 1];
    for &k in &claim_starts {
        starts_claim[k] = true;
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
        } else if t.is_word() && data.conjunctions.contains(&t.norm.as_str()) {
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
        .zip(&claim_starts)
        .map(|(claim, &first)| {
            let sentence = extraction
                .sentence_of(claim.span)
                .map_or(claim.span, |s| extraction.sentences[s]);
            let last = last_token(tokens, claim.span);
            let mut start = claim.span.start;
            let mut k = first;
            while k > 0 && !boundary[k - 1] && tokens[k - 1].span.start >= sentence.start {
                k -= 1;
                start = tokens[k].span.start;
            }
            let mut end = claim.span.end;
            let mut k = last + 1;
            while k < tokens.len() && !boundary[k] && tokens[k].span.end <= sentence.end {
                end = tokens[k].span.end;
                k += 1;
            }
            Span::new(start.min(claim.span.start), end.max(claim.span.end))
        })
        .collect()
}

fn claim_mask(tokens: &[Token], claims: &[Claim]) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    for claim in claims {
        let first = first_token(tokens, claim.span);
        for (k, t) in tokens.iter().enumerate().skip(first) {
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

/// Index of the last token ending at or before `span.end`.
pub fn last_token(tokens: &[Token], span: Span) -> usize {
    tokens
        .partition_point(|t| t.span.end <= span.end)
        .saturating_sub(1)
}
