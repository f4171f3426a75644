//! A duration said in two units ("3 ore e 44 minuti", "two hours and 27
//! minutes", "sechs Jahre und acht Monate") is one figure. The extractor
//! lists its parts as written; before they are matched with facts the
//! parts become one claim, their sum in the smaller unit, so that the
//! whole is judged against a fact's 224 minutes and neither part is
//! taken for a figure of its own.

use crate::claim::{Claim, Interval, Qualifier, Quantity, Value};
use crate::extract::Extraction;
use crate::lang::LangData;
use crate::text::span::Span;
use crate::text::token::Token;
use crate::units::{Dimension, Unit};

/// The claims of `extraction` with every two-unit duration made one
/// claim; `None` when there is none (the common case: nothing is copied).
pub(super) fn durations(extraction: &Extraction, data: &LangData) -> Option<Vec<Claim>> {
    let claims = &extraction.claims;
    let first =
        (1..claims.len()).find(|&i| joined(&claims[i - 1], &claims[i], extraction, data))?;
    let mut out: Vec<Claim> = Vec::with_capacity(claims.len());
    out.extend_from_slice(&claims[..first - 1]);
    for claim in &claims[first - 1..] {
        if let Some(last) = out.last_mut()
            && joined(last, claim, extraction, data)
            && let Some(whole) = sum(last, claim)
        {
            *last = whole;
            continue;
        }
        out.push(claim.clone());
    }
    Some(out)
}

/// A duration, its unit and figure, when `claim` is one.
fn duration(claim: &Claim) -> Option<(&Quantity, Unit, f64)> {
    let q = claim.quantity()?;
    let unit = q.unit.filter(|u| u.dimension() == Dimension::Duration)?;
    Some((q, unit, q.value?))
}

/// `b` is the smaller part of a duration whose larger part is `a`: one
/// glue word ("e", "and") between them, a smaller unit, an exact figure
/// short of one of `a`'s units ("2 hours and 27 minutes", not "2 hours
/// and 90 minutes", which is a sum nobody writes, nor "3 days and 2
/// weeks").
fn joined(a: &Claim, b: &Claim, extraction: &Extraction, data: &LangData) -> bool {
    let (Some((qa, ua, _)), Some((qb, ub, vb))) = (duration(a), duration(b)) else {
        return false;
    };
    let glued = {
        let tokens: &[Token] = &extraction.tokens;
        let from = tokens.partition_point(|t| t.span.start < a.span.end);
        let to = tokens.partition_point(|t| t.span.start < b.span.start);
        to == from + 1 && data.number_glue.contains(&tokens[from].norm.as_str())
    };
    glued
        && !matches!(qa.qualifier, Qualifier::Range | Qualifier::Vague)
        && qb.qualifier == Qualifier::Exact
        && ua
            .convert(1.0, ub)
            .is_some_and(|one| one > 1.0 && vb >= 0.0 && vb < one)
}

/// The claim of the whole duration: `a`'s figure in `b`'s unit plus
/// `b`'s, with `a`'s qualifier ("quasi 3 ore e 44 minuti" is near 224
/// minutes), spanning both.
fn sum(a: &Claim, b: &Claim) -> Option<Claim> {
    let (qa, ua, va) = duration(a)?;
    let (_, ub, vb) = duration(b)?;
    let shift = |v: Option<f64>| -> Option<Option<f64>> {
        match v {
            Some(v) => Some(Some(ua.convert(v, ub)? + vb)),
            None => Some(None),
        }
    };
    let interval = Interval {
        low: shift(qa.interval.low)?,
        high: shift(qa.interval.high)?,
        ..qa.interval
    };
    Some(Claim {
        span: Span {
            start: a.span.start,
            end: b.span.end,
        },
        kind: a.kind,
        value: Value::Quantity(Quantity {
            value: Some(ua.convert(va, ub)? + vb),
            qualifier: qa.qualifier,
            interval,
            unit: Some(ub),
            currency: None,
        }),
        relative: false,
        counted: a.counted.clone().or_else(|| b.counted.clone()),
    })
}
