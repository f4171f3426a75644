//! What surrounds a figure: the noun it counts and the currency a bare
//! amount inherits from its sentence.

use crate::claim::{Claim, Kind, Value};
use crate::span::Span;

use super::Ctx;
use super::number::split_number_word;

/// Words between a figure and its noun that the noun reading skips.
const SKIP: &[&str] = &["more", "further", "additional", "other", "altri", "altre", "nuovi", "nuove"];
/// Articles after a linking word: "migliaia di uomini", "thousands of the".
const ARTICLES: &[&str] = &["the", "i", "gli", "le", "il", "lo", "la", "l'"];

/// The noun a figure ending before token `end` counts, and the token after
/// it: "600 soldati", "migliaia di uomini", "25 more launchers".
pub(crate) fn counted_noun(ctx: &Ctx, end: usize) -> Option<(String, usize)> {
    let tokens = ctx.tokens;
    let first = end.checked_sub(1)?;
    let mut k = end;
    let mut linked = false;
    while let Some(t) = tokens.get(k) {
        if SKIP.contains(&t.norm.as_str()) {
            k += 1;
        } else if !linked && ctx.data.links.contains(&t.norm.as_str()) {
            linked = true;
            k += 1;
            if tokens.get(k).is_some_and(|a| ARTICLES.contains(&a.norm.as_str())) {
                k += 1;
            }
        } else {
            break;
        }
    }
    let noun = tokens.get(k)?;
    if !noun.is_word() || !ctx.same_sentence(first, k) || noun.paragraph_before {
        return None;
    }
    let word = noun.norm.as_str();
    if ctx.data.stopwords.contains(&word)
        || ctx.data.links.contains(&word)
        || split_number_word(word, ctx.data).is_some()
        || word.chars().count() < 3
    {
        return None;
    }
    Some((ctx.text[noun.span].to_string(), k + 1))
}

/// "1,2 miliardi di euro … contro i 2,3 miliardi": a bare large amount
/// without a noun takes the currency of the money claim before it in the
/// same sentence.
pub(crate) fn carry_currency(claims: &mut [Claim], sentences: &[Span]) {
    let mut last_money: Option<(usize, crate::units::Currency)> = None;
    for claim in claims.iter_mut() {
        let sentence = sentences.iter().position(|s| s.contains(claim.span));
        let Value::Quantity(q) = &mut claim.value else {
            continue;
        };
        match claim.kind {
            Kind::Money => {
                if let (Some(s), Some(c)) = (sentence, q.currency) {
                    last_money = Some((s, c));
                }
            }
            Kind::Count if claim.counted.is_none() => {
                let big = q.value.or(q.interval.high).is_some_and(|v| v >= 1e6);
                if let (true, Some((s, c))) = (big, last_money) {
                    if Some(s) == sentence {
                        claim.kind = Kind::Money;
                        q.currency = Some(c);
                    }
                }
            }
            _ => {}
        }
    }
}
