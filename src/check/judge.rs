//! The verdict of one claim against one fact, per DESIGN.md: each source's
//! latest figure as of publication is current; earlier ones are replaced,
//! later ones are listed but not judged.

use jiff::civil::Date;

use super::{Evidence, Finding, Verdict};
use crate::claim::{Claim, Interval, Qualifier, Value};
use crate::describe;
use crate::lang::Lang;
use crate::refs::{Fact, FactIndex, Figure, rounded};

/// What a reference figure is to the claim's publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The source's latest figure on or before publication (or timeless).
    Current,
    /// An earlier figure the source has since replaced.
    Replaced,
    /// Published after the article: listed, not judged.
    Later,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Current => "current",
            Role::Replaced => "replaced",
            Role::Later => "later",
        }
    }
}

pub(super) fn unmatched(claim: &Claim, lang: Lang) -> Finding {
    let explanation = match claim.value {
        Value::Date(None) | Value::Time(None) => {
            "relative date left unresolved: give the publication date with --date or front matter `date:`".to_string()
        }
        _ => format!("{} — no reference fact matches this claim", describe::claim(claim, lang)),
    };
    Finding {
        claim: claim.clone(),
        verdict: Verdict::Unverified,
        fact: None,
        evidence: Vec::new(),
        explanation,
    }
}

pub(super) fn judge(
    claim: &Claim,
    fact: &Fact,
    index: &FactIndex,
    date: Option<Date>,
    named: &[usize],
    lang: Lang,
) -> Finding {
    let mut evidence = Vec::new();
    let mut sources: Vec<usize> = fact.values.iter().map(|v| v.source).collect();
    sources.dedup();
    let mut seen = Vec::new();
    sources.retain(|s| {
        let new = !seen.contains(s);
        seen.push(*s);
        new
    });
    for &s in &sources {
        let values: Vec<_> = fact.values.iter().filter(|v| v.source == s).collect();
        let judged = |v: &crate::refs::RefValue| match (v.as_of, date) {
            (Some(a), Some(d)) => a <= d,
            _ => true,
        };
        let latest = values
            .iter()
            .filter(|v| judged(v))
            .filter_map(|v| v.as_of)
            .max();
        for v in &values {
            let role = if !judged(v) {
                Role::Later
            } else if v.as_of.is_none() || v.as_of == latest {
                Role::Current
            } else {
                Role::Replaced
            };
            let source = &index.sources[s];
            evidence.push(Evidence {
                source: source.name.clone(),
                short: source.short().to_string(),
                url: v.url.clone().or_else(|| source.url.clone()),
                figure: v.figure,
                as_of: v.as_of,
                role,
                agrees: role != Role::Later && agrees(claim, fact, &v.figure),
                named: named.contains(&s),
            });
        }
    }
    let unresolved = matches!(claim.value, Value::Date(None) | Value::Time(None));
    let current: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| e.role == Role::Current)
        .collect();
    let verdict = if unresolved || current.is_empty() {
        Verdict::Unverified
    } else {
        let named_current: Vec<&&Evidence> = current.iter().filter(|e| e.named).collect();
        let any_agrees = current.iter().any(|e| e.agrees);
        let replaced_agrees = evidence
            .iter()
            .any(|e| e.role == Role::Replaced && e.agrees);
        if !named_current.is_empty() {
            if named_current.iter().any(|e| e.agrees) {
                Verdict::Consistent
            } else if any_agrees {
                Verdict::Misattributed
            } else if replaced_agrees {
                Verdict::Outdated
            } else {
                Verdict::Contradicted
            }
        } else if current.iter().all(|e| e.agrees) {
            Verdict::Consistent
        } else if any_agrees {
            Verdict::Disputed
        } else if replaced_agrees {
            Verdict::Outdated
        } else {
            Verdict::Contradicted
        }
    };
    let explanation = explain(claim, &evidence, verdict, unresolved, lang);
    Finding {
        claim: claim.clone(),
        verdict,
        fact: Some((fact.id.clone(), fact.label().to_string())),
        evidence,
        explanation,
    }
}

fn explain(
    claim: &Claim,
    evidence: &[Evidence],
    verdict: Verdict,
    unresolved: bool,
    lang: Lang,
) -> String {
    if unresolved {
        return "relative date left unresolved: give the publication date with --date or front matter `date:`"
            .to_string();
    }
    let item = |e: &Evidence| {
        let date = e.as_of.map(|d| format!(" ({d})")).unwrap_or_default();
        let mark = if e.role == Role::Later {
            ""
        } else if e.agrees {
            " ✓"
        } else {
            " ✗"
        };
        let named = if e.named { " [named]" } else { "" };
        format!(
            "{}{named} {}{date}{mark}",
            e.short,
            describe::figure(&e.figure, lang)
        )
    };
    let list = |role: Role| {
        evidence
            .iter()
            .filter(|e| e.role == role)
            .map(item)
            .collect::<Vec<_>>()
    };
    let mut text = format!(
        "{} — {}",
        describe::claim(claim, lang),
        list(Role::Current).join(", ")
    );
    if list(Role::Current).is_empty() {
        text.push_str("no figure published by the article's date");
    }
    let replaced = list(Role::Replaced);
    if !replaced.is_empty() && matches!(verdict, Verdict::Outdated | Verdict::Contradicted) {
        text.push_str(&format!("; earlier: {}", replaced.join(", ")));
    }
    let later = list(Role::Later);
    if !later.is_empty() {
        text.push_str(&format!(
            "; later figures (not judged): {}",
            later.join(", ")
        ));
    }
    text
}

/// The claim agrees with a reference figure of `fact`.
pub fn agrees(claim: &Claim, fact: &Fact, figure: &Figure) -> bool {
    match (&claim.value, figure) {
        (Value::Quantity(q), Figure::Number(_) | Figure::Range(..)) => {
            let mut stated = claim_interval(q.qualifier, q.value, q.interval);
            if let (Some(from), Some(to)) = (q.unit, fact.unit) {
                match from.convert(1.0, to) {
                    Some(factor) => stated = stated.scale(factor),
                    None => return false,
                }
            }
            fact.reach(figure).is_some_and(|r| stated.overlaps(&r))
        }
        (Value::Date(Some(d)), Figure::Date(f)) => d.overlaps(*f),
        (Value::Time(Some(t)), Figure::Date(f)) => t.date().overlaps(*f),
        _ => false,
    }
}

/// An exact figure in a claim is read as rounded, like a reference
/// `value:` (see [`rounded`]): "11.000" covers 10,500–11,500, "600"
/// covers 570–630, "56.421" only itself (±0.5).
fn claim_interval(qualifier: Qualifier, value: Option<f64>, interval: Interval) -> Interval {
    match (qualifier, value) {
        (Qualifier::Exact, Some(n)) => rounded(n),
        _ => interval,
    }
}
