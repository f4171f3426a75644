//! The verdict of one claim against one fact, per DESIGN.md: each source's
//! latest figure as of publication is current; earlier ones are replaced,
//! later ones are listed but not judged.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use jiff::civil::Date;

use super::assign::{Doubt, Link};
use super::{Candidate, Evidence, Finding, Said, Tie, Verdict};
use crate::claim::{Claim, Interval, Kind, Qualifier, Quantity, Value};
use crate::describe;
use crate::lang::{Lang, LangData};
use crate::refs::{Fact, FactIndex, Figure, ROUNDING_CAP, RefValue, rounded};
use crate::text::span::Span;
use crate::text::token::Token;
use crate::when::Grain;

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

/// A claim judged without reference facts (`extract`, or an empty set).
pub(super) fn unloaded(claim: Claim) -> Finding {
    Finding {
        claim,
        verdict: Verdict::Unverified,
        said: Said::NoFacts,
        tie: None,
    }
}

/// The explanation of a claim judged without reference facts.
pub(super) const NO_FACTS: &str = "no reference facts loaded";

pub(super) fn unmatched(claim: Claim, lang: Lang) -> Finding {
    Finding {
        claim,
        verdict: Verdict::Unverified,
        said: Said::Unmatched(lang),
        tie: None,
    }
}

/// The explanation of a claim no fact matches (a resolved one: an
/// unresolved date has [`UNRESOLVED`]), its words in `words`' language.
pub(super) fn unmatched_text(claim: &Claim, lang: Lang, words: Lang) -> String {
    let mut text = String::with_capacity(64);
    describe::push_claim_in(&mut text, claim, lang, words);
    text.push_str(words.data().say(" — no reference fact matches this claim"));
    text
}

/// What the findings of one window share rather than copy: each fact's
/// id and description, each list of candidates and each value's own
/// link. A figure-dense text ties hundreds of thousands of claims to a
/// handful of facts.
#[derive(Debug, Default)]
pub(super) struct Shared {
    /// By the fact's place in the index.
    facts: RefCell<HashMap<usize, Arc<(String, String)>>>,
    candidates: RefCell<HashSet<Arc<[Candidate]>>>,
    urls: RefCell<HashSet<Arc<str>>>,
}

impl Shared {
    /// The id and description of fact `f` of `index`.
    fn fact(&self, index: &FactIndex, f: usize) -> Arc<(String, String)> {
        let mut facts = self.facts.borrow_mut();
        let name = facts.entry(f).or_insert_with(|| {
            let fact = &index.facts[f];
            Arc::new((fact.id.clone(), fact.label().to_string()))
        });
        Arc::clone(name)
    }

    fn candidates(&self, list: Vec<Candidate>) -> Arc<[Candidate]> {
        let mut known = self.candidates.borrow_mut();
        if let Some(same) = known.get(list.as_slice()) {
            return Arc::clone(same);
        }
        let list: Arc<[Candidate]> = list.into();
        known.insert(Arc::clone(&list));
        list
    }

    fn url(&self, url: &str) -> Arc<str> {
        let mut known = self.urls.borrow_mut();
        if let Some(same) = known.get(url) {
            return Arc::clone(same);
        }
        let url: Arc<str> = Arc::from(url);
        known.insert(Arc::clone(&url));
        url
    }
}

/// What a claim is judged with besides its fact: the references, the
/// publication day, the sources the article names for it, its language,
/// the precision its figure was written with (see [`judge`]) and what the
/// window's findings share.
pub(super) struct Judged<'a> {
    pub index: &'a FactIndex,
    pub date: Option<Date>,
    pub named: &'a [usize],
    pub lang: Lang,
    pub precision: Option<f64>,
    pub shared: &'a Shared,
}

/// Judges a claim against the fact it is linked to. A certain link is
/// judged as it is; an uncertain one may confirm (the claim agrees with
/// the fact or one of its rivals) but never accuse: what would be an
/// alarm is `unverified`, with the facts named as candidates.
pub(super) fn judge_link(claim: &Claim, link: &Link, with: &Judged) -> Finding {
    let mut finding = judge(claim, link.fact, with);
    finding.set_why(&link.why);
    if !finding.verdict.is_alarm() {
        return finding;
    }
    // A claim that agrees with another fact its sentence speaks of may be
    // about that one: no alarm, certain link or not.
    let judged = |f: &usize| judge(claim, *f, with);
    let rivals = link.rivals.iter().map(judged);
    if let Some(agreeing) = rivals
        .clone()
        .chain(link.others.iter().map(judged))
        .find(|f| matches!(f.verdict, Verdict::Consistent | Verdict::Disputed) && near(claim, f))
    {
        return agreeing;
    }
    let date = with.date;
    let weak = weak_alarm(claim, &finding, date);
    if link.certain && weak.is_none() {
        return finding;
    }
    // "contro i 2,2 miliardi persi nel 2023", "compared with a loss of
    // $2.24 billion in 2023": a figure the clause makes a comparison's
    // other side or dates to an earlier time, agreeing with a figure the
    // fact's source has since replaced, is that history — `outdated`, as
    // the desk's file records it. It is never accused of more.
    let history = matches!(link.doubt, Some(Doubt::Comparison | Doubt::OtherTime));
    if history && weak.is_none() && finding.verdict == Verdict::Outdated {
        return finding;
    }
    // The link's own doubt first: it is why the claim was never accused.
    let doubt = link
        .doubt
        .map(|d| d.describe())
        .or(weak)
        .unwrap_or("uncertain match");
    doubted(
        claim,
        std::iter::once(finding).chain(rivals),
        doubt,
        &link.why,
        with.lang,
        with.shared,
    )
}

/// The claim not judged, for `doubt`, with the facts of `findings` named
/// as its candidates ("possibly: ea-inflation-sep-2024, Eurostat 1.7").
pub(super) fn doubted(
    claim: &Claim,
    findings: impl Iterator<Item = Finding>,
    doubt: &'static str,
    why: &[Span],
    lang: Lang,
    shared: &Shared,
) -> Finding {
    let candidates: Vec<Candidate> = findings
        .filter_map(|f| {
            let (id, about) = f.fact()?.clone();
            let mut figures = String::new();
            push_list(&mut figures, f.evidence(), Role::Current, lang, false);
            Some(Candidate { id, about, figures })
        })
        .collect();
    Finding::tied(
        claim.clone(),
        Verdict::Unverified,
        Tie {
            fact: None,
            evidence: Box::default(),
            candidates: shared.candidates(candidates),
            why: why.into(),
            doubt: Some(doubt),
            quoted: None,
            lang,
        },
    )
}

/// The explanation of a claim not judged for `doubt`, naming its
/// candidate facts, its words in `words`' language.
pub(super) fn not_judged_text(
    claim: &Claim,
    doubt: &str,
    candidates: &[Candidate],
    lang: Lang,
    words: Lang,
) -> String {
    let say = |english| words.data().say(english);
    let mut explanation = String::with_capacity(128);
    describe::push_claim_in(&mut explanation, claim, lang, words);
    explanation.push_str(say(" — not judged ("));
    explanation.push_str(say(doubt));
    explanation.push_str(say("); possibly: "));
    for (i, c) in candidates.iter().enumerate() {
        if i > 0 {
            explanation.push_str("; ");
        }
        explanation.push_str(&c.id);
        if !c.figures.is_empty() {
            explanation.push_str(", ");
            // The figures were written in English words: only " [named]".
            let named = say(" [named]");
            if named == " [named]" {
                explanation.push_str(&c.figures);
            } else {
                explanation.push_str(&c.figures.replace(" [named]", named));
            }
        }
    }
    explanation
}

pub(super) const UNRESOLVED: &str = "relative date left unresolved: it needs the publication day (--date YYYY-MM-DD or front matter `date:`)";

/// Judges `claim` against fact `f` of the index. `with.precision`: half
/// the unit of the last digit the claim's figure was written with, when
/// the text shows more than its value does ("3.0%": 0.05); see
/// [`written_precision`].
pub(super) fn judge(claim: &Claim, f: usize, with: &Judged) -> Finding {
    let Judged {
        index,
        date,
        named,
        lang,
        precision,
        shared,
    } = *with;
    let fact = &index.facts[f];
    let judged = |v: &RefValue| match (v.as_of, date) {
        (Some(a), Some(d)) => a <= d,
        _ => true,
    };
    let mut evidence = Vec::with_capacity(fact.values.len());
    // Each source in the order it first appears, then its values in order.
    // A fact has a handful of values: scanning them again is cheaper than
    // grouping them in a map.
    for (i, first) in fact.values.iter().enumerate() {
        let s = first.source;
        if fact.values[..i].iter().any(|v| v.source == s) {
            continue;
        }
        let values = || {
            fact.values[i..]
                .iter()
                .enumerate()
                .filter(move |(_, v)| v.source == s)
        };
        // The latest dated value; of two on the same day, the one listed
        // last (a desk appends a same-day revision below the figure it
        // replaces).
        let latest = values()
            .filter(|(_, v)| judged(v) && v.as_of.is_some())
            .max_by_key(|(k, v)| (v.as_of, *k))
            .map(|(k, _)| k);
        let source = &index.source_texts[s];
        for (k, v) in values() {
            let role = if !judged(v) {
                Role::Later
            } else if v.as_of.is_none() || Some(k) == latest {
                Role::Current
            } else {
                Role::Replaced
            };
            evidence.push(Evidence {
                source: Arc::clone(&source.name),
                short: Arc::clone(&source.short),
                url: v
                    .url
                    .as_deref()
                    .map(|url| shared.url(url))
                    .or_else(|| source.url.clone()),
                figure: v.figure,
                as_of: v.as_of,
                role,
                agrees: role != Role::Later && agrees_within(claim, fact, &v.figure, precision),
                named: named.contains(&s),
            });
        }
    }
    let unresolved = matches!(claim.value, Value::Date(None) | Value::Time(None));
    let current = || evidence.iter().filter(|e| e.role == Role::Current);
    let verdict = if unresolved || current().next().is_none() {
        Verdict::Unverified
    } else {
        let mut named_current = current().filter(|e| e.named).peekable();
        let any_agrees = current().any(|e| e.agrees);
        let replaced_agrees = evidence
            .iter()
            .any(|e| e.role == Role::Replaced && e.agrees);
        if named_current.peek().is_some() {
            if named_current.any(|e| e.agrees) {
                Verdict::Consistent
            } else if any_agrees {
                Verdict::Misattributed
            } else if replaced_agrees {
                Verdict::Outdated
            } else {
                Verdict::Contradicted
            }
        } else if current().all(|e| e.agrees) {
            Verdict::Consistent
        } else if any_agrees {
            Verdict::Disputed
        } else if replaced_agrees {
            Verdict::Outdated
        } else {
            Verdict::Contradicted
        }
    };
    let stale =
        || stale_bound(claim, fact, &evidence) || stale_exact(claim, fact, &evidence, precision);
    let verdict = if verdict == Verdict::Consistent && stale() {
        Verdict::Outdated
    } else {
        verdict
    };
    // Without a publication date nothing says the article came after the
    // newer figure: agreeing with an earlier one is no proof it is stale
    // (the explanation says so: [`UNDATED_OUTDATED`]).
    let verdict = if verdict == Verdict::Outdated && date.is_none() {
        Verdict::Unverified
    } else {
        verdict
    };
    Finding::tied(
        claim.clone(),
        verdict,
        Tie {
            fact: Some(shared.fact(index, f)),
            evidence: evidence.into_boxed_slice(),
            candidates: Arc::new([]),
            why: Box::default(),
            doubt: None,
            quoted: None,
            lang,
        },
    )
}

/// Added to the explanation of a claim that agrees with a replaced figure
/// only, in an article without a publication date (its verdict is then
/// `unverified`).
pub(super) const UNDATED_OUTDATED: &str = " — agrees with an earlier figure; give the publication date (--date or front matter `date:`) to tell whether it is outdated";

/// "At least 3,100 dead" in an article dated after the source raised its
/// count from 3,100 to 6,400 repeats the old figure: the bound is one a
/// source has replaced, and its current figure is not that bound.
fn stale_bound(claim: &Claim, fact: &Fact, evidence: &[Evidence]) -> bool {
    let Value::Quantity(q) = &claim.value else {
        return false;
    };
    let (Qualifier::MoreThan | Qualifier::AtLeast, Some(bound)) = (q.qualifier, q.value) else {
        return false;
    };
    let repeats = |e: &Evidence| {
        fact.reach(&e.figure)
            .is_some_and(|r| Interval::point(bound).overlaps(&r))
    };
    // "More than 24%" when 24 became 24.3: the bound rounds the current
    // figure down, it does not repeat the old one.
    let rounds_down = |e: &Evidence| {
        e.figure
            .interval()
            .is_some_and(|i| rounded(bound).overlaps(&i))
    };
    evidence
        .iter()
        .filter(|e| e.role == Role::Replaced && repeats(e))
        .any(|old| {
            evidence
                .iter()
                .filter(|e| e.role == Role::Current && e.source == old.source)
                .any(|current| !repeats(current) && !rounds_down(current))
        })
}

/// The explanation of a judged claim: numbers as `lang` writes them,
/// words as `words` says them.
pub(super) fn explain(
    claim: &Claim,
    evidence: &[Evidence],
    verdict: Verdict,
    unresolved: bool,
    lang: Lang,
    words: Lang,
) -> String {
    let say = |english| words.data().say(english);
    if unresolved {
        return say(UNRESOLVED).to_string();
    }
    let mut text = String::with_capacity(128);
    describe::push_claim_in(&mut text, claim, lang, words);
    text.push_str(" — ");
    if !push_list_in(&mut text, evidence, Role::Current, lang, true, words) {
        text.push_str(say("no figure published by the article's date"));
    }
    let has = |role: Role| evidence.iter().any(|e| e.role == role);
    if has(Role::Replaced) && matches!(verdict, Verdict::Outdated | Verdict::Contradicted) {
        text.push_str(say("; earlier: "));
        push_list_in(&mut text, evidence, Role::Replaced, lang, true, words);
    }
    if has(Role::Later) {
        text.push_str(say("; later figures (not judged): "));
        push_list_in(&mut text, evidence, Role::Later, lang, true, words);
    }
    text
}

/// Appends the figures of `role`, comma-separated, as "NIS [named] 11.000
/// (2024-11-13) ✓"; false when there is none.
fn push_list(
    text: &mut String,
    evidence: &[Evidence],
    role: Role,
    lang: Lang,
    marks: bool,
) -> bool {
    push_list_in(text, evidence, role, lang, marks, Lang::En)
}

/// [`push_list`] with its words in `words`' language.
fn push_list_in(
    text: &mut String,
    evidence: &[Evidence],
    role: Role,
    lang: Lang,
    marks: bool,
    words: Lang,
) -> bool {
    let mut any = false;
    for e in evidence.iter().filter(|e| e.role == role) {
        if any {
            text.push_str(", ");
        }
        any = true;
        // A long name is written in full once per explanation, then cut
        // at a word boundary ("South Korea's…").
        if text.contains(&*e.short) {
            push_brief(text, &e.short);
        } else {
            text.push_str(&e.short);
        }
        if e.named {
            text.push_str(words.data().say(" [named]"));
        }
        text.push(' ');
        e.figure.push_description(text, lang);
        if let Some(d) = e.as_of {
            text.push_str(" (");
            describe::push_date(text, d);
            text.push(')');
        }
        text.push_str(if e.role == Role::Later || !marks {
            ""
        } else if e.agrees {
            " ✓"
        } else {
            " ✗"
        });
    }
    any
}

/// Characters of a source's name kept after its first mention.
const BRIEF: usize = 20;

/// `name` cut after the last whole word within [`BRIEF`] characters (the
/// first word at least), with an ellipsis; a short name as it is.
fn push_brief(text: &mut String, name: &str) {
    if name.chars().count() <= BRIEF {
        text.push_str(name);
        return;
    }
    let mut length = 0;
    for (i, word) in name.split(' ').enumerate() {
        let wanted = length + usize::from(i > 0) + word.chars().count();
        if i > 0 && wanted > BRIEF {
            text.push('…');
            return;
        }
        if i > 0 {
            text.push(' ');
        }
        text.push_str(word);
        length = wanted;
    }
}

/// The claim agrees with a reference figure of `fact`.
pub fn agrees(claim: &Claim, fact: &Fact, figure: &Figure) -> bool {
    agrees_within(claim, fact, figure, None)
}

/// [`agrees`], with the precision the claim's figure was written with.
fn agrees_within(claim: &Claim, fact: &Fact, figure: &Figure, precision: Option<f64>) -> bool {
    match (&claim.value, figure) {
        // "a forecast of 13% to 21%" against a range of 10–16: two ranges
        // agree end by end, each within the other's rounding or
        // tolerance, never because they overlap.
        (Value::Quantity(q), Figure::Range(a, b)) if q.qualifier == Qualifier::Range => {
            let Some(factor) = factor_to(q, fact) else {
                return false;
            };
            let end_agrees = |mine: Option<f64>, theirs: f64| {
                mine.is_some_and(|m| {
                    fact.reach(&Figure::Number(theirs))
                        .is_some_and(|r| r.overlaps(&Interval::point(m * factor)))
                })
            };
            // "le stime vanno da 20 a 45 miliardi" holds Moody's 20–30: a
            // reference range within the claim's is the claim's.
            let holds = q
                .interval
                .low
                .zip(q.interval.high)
                .is_some_and(|(low, high)| low * factor <= *a && *b <= high * factor);
            holds || (end_agrees(q.interval.low, *a) && end_agrees(q.interval.high, *b))
        }
        (Value::Quantity(q), Figure::Number(_) | Figure::Range(..)) => {
            let Some(factor) = factor_to(q, fact) else {
                return false;
            };
            // One side at a time: the reference's figure within the
            // claim's interval, or the claim's figure within the
            // reference's rounding or tolerance; two widened intervals
            // that merely touch do not agree.
            within_claim(claim, fact, figure, precision)
                || fact
                    .reach(figure)
                    .is_some_and(|r| q.interval.scale(factor).overlaps(&r))
        }
        (Value::Date(Some(d)), Figure::Date(f)) => d.overlaps(*f),
        (Value::Time(Some(t)), Figure::Date(f)) => t.date().overlaps(*f),
        _ => false,
    }
}

/// What a figure in the claim's unit is multiplied by to be in the
/// fact's: 1 when either names none, nothing when they do not convert.
fn factor_to(q: &Quantity, fact: &Fact) -> Option<f64> {
    match (q.unit, fact.unit) {
        (Some(from), Some(to)) => from.convert(1.0, to),
        _ => Some(1.0),
    }
}

/// The reference's figure lies within the claim's own interval (its
/// rounding, its hedge): the first of [`agrees_within`]'s two sides.
fn within_claim(claim: &Claim, fact: &Fact, figure: &Figure, precision: Option<f64>) -> bool {
    let Value::Quantity(q) = &claim.value else {
        return false;
    };
    let Some(factor) = factor_to(q, fact) else {
        return false;
    };
    let widened = match (q.qualifier, q.value, precision) {
        (Qualifier::Exact, Some(n), Some(half)) => Interval::closed(n - half, n + half),
        _ => claim_interval(q.qualifier, q.value, q.interval),
    };
    figure
        .interval()
        .is_some_and(|f| widened.scale(factor).overlaps(&f))
}

/// "265 dead" in an article dated after the source revised its count from
/// 265 to 260: the claim is the replaced figure to the digit, and agrees
/// with the current one only because the reference's 260 may be rounded
/// (255–265), not because the claim's own rounding reaches it. It repeats
/// the old figure. A claim whose own rounding holds the current figure
/// ("1.000" when 1,000 became 1,040) may be the current one rounded.
fn stale_exact(claim: &Claim, fact: &Fact, evidence: &[Evidence], precision: Option<f64>) -> bool {
    let Value::Quantity(q) = &claim.value else {
        return false;
    };
    let (Qualifier::Exact, Some(value), Some(factor)) = (q.qualifier, q.value, factor_to(q, fact))
    else {
        return false;
    };
    let point = Interval::point(value * factor);
    let is_point = |e: &Evidence| {
        e.figure
            .interval()
            .is_some_and(|f| f.low == f.high && point.overlaps(&f))
    };
    evidence
        .iter()
        .filter(|e| e.role == Role::Replaced && is_point(e))
        .any(|old| {
            evidence
                .iter()
                .filter(|e| e.role == Role::Current && e.source == old.source)
                .any(|current| {
                    current.agrees
                        && !within_claim(claim, fact, &current.figure, precision)
                        && !is_point(current)
                })
        })
}

/// Half the unit of the last digit written, when the digits show more
/// than the value: "3.0%" and "3,0%" are 2.95–3.05, not 3 read as rounded
/// (2.85–3.15, which would take a stale 2.9 for the current 3.0). Only
/// for a figure the extractor did not scale ("3,0 miliardi" keeps the
/// rounding of its value).
pub(super) fn written_precision(claim: &Claim, tokens: &[Token]) -> Option<f64> {
    let q = claim.quantity()?;
    let value = q.value?;
    let first = tokens.partition_point(|t| t.span.start < claim.span.start);
    let token = tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= claim.span.end)
        .find(|t| t.is_number())?;
    let (int, frac) = token.norm.split_once(['.', ','])?;
    let zeros = i32::try_from(frac.len()).ok()?;
    let written = frac.bytes().all(|b| b == b'0')
        && zeros > 0
        && int.bytes().all(|b| b.is_ascii_digit())
        && int.parse::<f64>().ok()? == value.abs();
    written.then(|| 0.5 * 10f64.powi(-zeros))
}

/// A share written as a fraction in words ("un quarto dei casi", "half
/// of the seats", "two thirds") rounds the figure it stands for: India's
/// 26% of cases is "a quarter". It agrees within a tenth of its value
/// (a quarter: 22.5–27.5%; a half: 45–55%).
pub(super) fn fraction_precision(claim: &Claim, tokens: &[Token], data: &LangData) -> Option<f64> {
    let q = claim.quantity()?;
    let value = q.value?;
    if claim.kind != Kind::Percent || q.unit.is_some() {
        return None;
    }
    let first = tokens.partition_point(|t| t.span.start < claim.span.start);
    let mut words = tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= claim.span.end);
    let in_words = words.all(|t| {
        !t.is_number()
            && !t.norm.contains('%')
            && !data
                .percent_words
                .iter()
                .any(|p| p.split(' ').any(|w| w == t.norm.as_str()))
    });
    in_words.then_some(value.abs() * FRACTION_SLACK)
}

/// The dates of a finding's current reference figures.
fn current_dates(finding: &Finding) -> impl Iterator<Item = crate::when::DateValue> + '_ {
    finding
        .evidence()
        .iter()
        .filter(|e| e.role == Role::Current)
        .filter_map(|e| match e.figure {
            Figure::Date(f) => Some(f),
            _ => None,
        })
}

/// The claim's day (or month) is a current reference date's, in another
/// year.
fn same_day_other_year(d: &crate::when::DateValue, finding: &Finding) -> bool {
    let (first, last) = d.days();
    let same = |a: Date, b: Date| {
        a.year() != b.year()
            && a.month() == b.month()
            && (d.grain == Grain::Month || a.day() == b.day())
    };
    (d.grain == Grain::Day || d.grain == Grain::Month)
        && current_dates(finding).any(|f| {
            let (a, b) = f.days();
            same(first, a) && same(last, b)
        })
}

/// Every current reference date is a day (or month) outside the claim's
/// year.
fn other_edition(d: &crate::when::DateValue, finding: &Finding) -> bool {
    let (first, last) = d.days();
    let mut dates = current_dates(finding).peekable();
    dates.peek().is_some()
        && dates.all(|f| {
            let (a, b) = f.days();
            f.grain >= Grain::Month && (b < first || a > last)
        })
}

/// How far a fraction in words reaches, as a share of its value.
const FRACTION_SLACK: f64 = 0.1;

/// Why an alarm on a certain link is still no ground to accuse: a vague
/// figure ("several billion dollars", "migliaia") says too little, and a
/// figure a hundred times or more away from every current reference
/// figure ("$30.04 billion" against earnings per share of $0.68) is
/// another quantity, not a wrong one.
fn weak_alarm(claim: &Claim, finding: &Finding, date: Option<Date>) -> Option<&'static str> {
    let q = match &claim.value {
        Value::Quantity(q) => q,
        // "for the second time in two years": a phrase read forward from
        // publication may be a span, not a day to come.
        Value::Date(Some(d))
            if claim.relative && d.grain <= Grain::Year && date.is_some_and(|p| d.start > p) =>
        {
            return Some("a relative date read as one after publication");
        }
        // "for the first time since 1903" against this year's finish: a
        // date two years or more from every reference date is another
        // event's (a year slipped by one is still accused).
        // "Approvazione degli Etf: 10 gennaio" under "Il 2024 in cifre", in
        // an article of 2 January 2025: a date without its year, read in
        // the wrong year, names the reference's day all the same.
        Value::Date(Some(d)) if claim.relative && same_day_other_year(d, finding) => {
            return Some("a date without its year, the reference's day in another year");
        }
        // "Last year Alcaraz beat Djokovic in the final": a year said
        // relative to publication, against a yearly event's day in another
        // year, is another edition.
        Value::Date(Some(d))
            if claim.relative && d.grain == Grain::Year && other_edition(d, finding) =>
        {
            return Some("a year said relative to publication, another edition of a dated event");
        }
        Value::Date(Some(d)) => {
            let (first, last) = d.days();
            let current: Vec<(i16, i16)> = current_dates(finding)
                .map(|f| {
                    let (a, b) = f.days();
                    (a.year(), b.year())
                })
                .collect();
            let apart = |(a, b): &(i16, i16)| {
                (i32::from(first.year()) - i32::from(*b))
                    .max(i32::from(*a) - i32::from(last.year()))
                    >= YEARS_APART
            };
            return (!current.is_empty() && current.iter().all(apart))
                .then_some("the date is years from every reference date");
        }
        _ => return None,
    };
    if q.qualifier == Qualifier::Vague {
        return Some("a vague figure");
    }
    let n = q.value.filter(|n| *n != 0.0)?;
    let current: Vec<f64> = finding
        .evidence()
        .iter()
        .filter(|e| e.role == Role::Current)
        .filter_map(|e| e.figure.interval())
        .flat_map(|i| [i.low, i.high])
        .flatten()
        .collect();
    let far = !current.is_empty()
        && current
            .iter()
            .all(|v| *v == 0.0 || (n / v).abs() >= FAR || (v / n).abs() >= FAR);
    if far {
        return Some("the figure is orders of magnitude from every reference figure");
    }
    // "Seven short of a majority", "due blocchi" against 176 seats: a
    // figure ten times or more from every reference figure, and no slip
    // of a power of ten from any, counts something else.
    let other = !current.is_empty()
        && current.iter().all(|v| {
            let ratio = (n / v).abs().max((v / n).abs());
            *v == 0.0 || (ratio >= OTHER && !slipped(ratio))
        });
    other.then_some("the figure is ten times or more from every reference figure")
}

/// Years between a date and every reference date for the two to be
/// different events.
const YEARS_APART: i32 = 2;

/// How far apart a claim and every reference figure must be to be two
/// quantities (a slipped scale, ×1000, is caught; an EPS is not a revenue).
const FAR: f64 = 1.0e4;

/// How far apart a claim and every reference figure are to count two
/// things, unless one is the other with a slipped power of ten.
const OTHER: f64 = 10.0;

/// A ratio a power of ten explains, within the rounding cap: a digit
/// added or dropped, or a scale word slipped (thousand for million).
fn slipped(ratio: f64) -> bool {
    let power = 10f64.powf(ratio.log10().round());
    (ratio / power - 1.0).abs() <= ROUNDING_CAP
}

/// A bound agrees with any figure beyond it: "at least 265 municipalities"
/// agrees with 24,080 people displaced. Such an agreement is no sign the
/// claim is about that fact unless one of its current figures lies
/// within a factor of [`NEAR_BOUND`] of the bound.
fn near(claim: &Claim, finding: &Finding) -> bool {
    let Value::Quantity(q) = &claim.value else {
        return true;
    };
    let open = matches!(
        q.qualifier,
        Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::AtMost
    );
    let Some(n) = q.value.filter(|n| open && *n != 0.0) else {
        return true;
    };
    finding.evidence().iter().any(|e| {
        e.agrees
            && e.role == Role::Current
            && e.figure.interval().is_some_and(|i| {
                [i.low, i.high]
                    .into_iter()
                    .flatten()
                    .any(|v| (v / n).abs() <= NEAR_BOUND && (n / v).abs() <= NEAR_BOUND)
            })
    })
}

/// How far beyond a bound a figure may lie and still say what the bound
/// is about.
const NEAR_BOUND: f64 = 2.0;

/// An exact figure in a claim is read as rounded, like a reference
/// `value:` (see [`rounded`]): "11.000" covers 10,500–11,500, "600"
/// covers 570–630, "56.421" only itself (±0.5).
fn claim_interval(qualifier: Qualifier, value: Option<f64>, interval: Interval) -> Interval {
    match (qualifier, value) {
        (Qualifier::Exact, Some(n)) => rounded(n),
        _ => interval,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_source_name_is_cut_short_after_its_first_mention() {
        let evidence = |value: f64, as_of: Date, role: Role| Evidence {
            source: "South Korea's National Intelligence Service".into(),
            short: "South Korea's National Intelligence Service".into(),
            url: None,
            figure: Figure::Number(value),
            as_of: Some(as_of),
            role,
            agrees: false,
            named: false,
        };
        let list = [
            evidence(600.0, jiff::civil::date(2025, 4, 30), Role::Current),
            evidence(300.0, jiff::civil::date(2025, 1, 13), Role::Replaced),
        ];
        let mut text = String::new();
        push_list(&mut text, &list, Role::Current, Lang::En, true);
        text.push_str("; earlier: ");
        push_list(&mut text, &list, Role::Replaced, Lang::En, true);
        assert_eq!(
            text,
            "South Korea's National Intelligence Service 600 (2025-04-30) ✗; earlier: \
             South Korea's… 300 (2025-01-13) ✗"
        );
        for name in ["NIS", "Ministerodellasalutepubblica"] {
            let mut brief = String::new();
            push_brief(&mut brief, name);
            assert_eq!(brief, name, "a short name or one word stays whole");
        }
    }
    use crate::claim::{Kind, Quantity};
    use crate::refs::parse_str;
    use crate::text::span::Span;

    fn count(qualifier: Qualifier, value: f64, interval: Interval) -> Claim {
        Claim {
            span: Span::new(0, 0),
            kind: Kind::Count,
            value: Value::Quantity(Quantity {
                value: Some(value),
                qualifier,
                interval,
                unit: None,
                currency: None,
            }),
            relative: false,
            counted: None,
        }
    }

    fn exact(value: f64) -> Claim {
        count(Qualifier::Exact, value, Interval::point(value))
    }

    fn about(value: f64) -> Claim {
        count(
            Qualifier::Approx,
            value,
            Interval::closed(value * 0.9, value * 1.1),
        )
    }

    fn index(values: &str, tolerance: &str) -> FactIndex {
        let text = format!(
            "sources:\n  nis:\n    name: National Intelligence Service\n    aliases: [NIS]\n  hur:\n    name: Ukraine's military intelligence\n    aliases: [HUR]\nfacts:\n  - id: f\n    kind: count\n    match: [[x]]\n{tolerance}    values:\n{values}"
        );
        parse_str("t.yaml", &text).unwrap()
    }

    fn verdict(claim: &Claim, index: &FactIndex, date: Option<Date>, named: &[usize]) -> Finding {
        let shared = Shared::default();
        let with = Judged {
            index,
            date,
            named,
            lang: Lang::It,
            precision: None,
            shared: &shared,
        };
        judge(claim, 0, &with)
    }

    #[test]
    fn exact_figures_are_read_as_rounded_within_five_percent() {
        // (claim, reference value, agrees): the claim "11.000" covers
        // 10,500–11,500; a reference value is read the same way.
        let rows = [
            (11_000.0, 11_240.0, true),
            (11_000.0, 11_500.0, true),
            (11_000.0, 11_600.0, false),
            (10_000.0, 10_400.0, true),
            (10_000.0, 10_600.0, false),
            (600.0, 620.0, true),
            (600.0, 640.0, false),
            (11_240.0, 11_000.0, true),
            (56_421.0, 56_000.0, true),
            (56_421.0, 55_000.0, false),
            (12.5, 12.0, true),
            // A reference 5 covers 4.75–5.25 (the cap), without its edge:
            // 5.25 is no rounding of 5.
            (5.25, 5.0, false),
            (5.2, 5.0, true),
        ];
        for (stated, reference, agrees) in rows {
            let index = index(
                &format!("      - value: {reference}\n        source: nis\n"),
                "",
            );
            let fact = &index.facts[0];
            assert_eq!(
                super::agrees(&exact(stated), fact, &fact.values[0].figure),
                agrees,
                "{stated} against {reference}"
            );
        }
        assert_eq!(rounded(11_000.0), Interval::closed(10_500.0, 11_500.0));
        assert_eq!(rounded(600.0), Interval::closed(570.0, 630.0));
        assert_eq!(rounded(56_421.0), Interval::closed(56_420.5, 56_421.5));
    }

    #[test]
    fn a_tolerance_replaces_the_rounding_of_the_reference() {
        let values = "      - value: 11240\n        source: nis\n";
        let strict = index(values, "    tolerance: 0\n");
        let fact = &strict.facts[0];
        // 11,240 exactly: the claim "11.000" (10,500–11,500) still covers it.
        assert!(super::agrees(
            &exact(11_000.0),
            fact,
            &fact.values[0].figure
        ));
        assert!(!super::agrees(
            &exact(12_000.0),
            fact,
            &fact.values[0].figure
        ));
        let loose = index(values, "    tolerance: 10%\n");
        let fact = &loose.facts[0];
        assert!(super::agrees(
            &exact(12_000.0),
            fact,
            &fact.values[0].figure
        ));
        let absolute = index(values, "    tolerance: 250\n");
        let fact = &absolute.facts[0];
        assert!(super::agrees(
            &exact(11_400.0),
            fact,
            &fact.values[0].figure
        ));
        assert!(!super::agrees(
            &exact(12_500.0),
            fact,
            &fact.values[0].figure
        ));
    }

    const KILLED: &str = "      - value: 300
        source: nis
        as_of: 2025-01-13
      - value: 600
        source: nis
        as_of: 2025-04-30
      - value: 2000
        source: nis
        as_of: 2025-09-04
";

    #[test]
    fn the_latest_figure_as_of_publication_is_the_one_judged() {
        let index = index(KILLED, "");
        let date = |s: &str| Some(s.parse::<Date>().unwrap());
        let after = verdict(&about(600.0), &index, date("2025-10-01"), &[]);
        assert_eq!(after.verdict, Verdict::Outdated);
        let roles: Vec<Role> = after.evidence().iter().map(|e| e.role).collect();
        assert_eq!(roles, [Role::Replaced, Role::Replaced, Role::Current]);
        let before = verdict(&about(600.0), &index, date("2025-08-15"), &[]);
        assert_eq!(before.verdict, Verdict::Consistent);
        assert_eq!(before.evidence()[2].role, Role::Later);
        assert!(!before.evidence()[2].agrees, "later figures are not judged");
        assert_eq!(
            before.explanation(),
            "about 600 — NIS 600 (2025-04-30) ✓; later figures (not judged): NIS 2.000 (2025-09-04)"
        );
        // On the day a figure is published, it is current.
        let on_the_day = verdict(&about(600.0), &index, date("2025-09-04"), &[]);
        assert_eq!(on_the_day.verdict, Verdict::Outdated);
        // Before any figure: nothing to judge against.
        let early = verdict(&about(600.0), &index, date("2024-12-01"), &[]);
        assert_eq!(early.verdict, Verdict::Unverified);
        // Without a publication date, each source's latest figure is current.
        let undated = verdict(&about(2000.0), &index, None, &[]);
        assert_eq!(undated.verdict, Verdict::Consistent);
    }

    const TWO: &str = "      - value: 11000
        source: nis
        as_of: 2024-11-13
      - value: 15000
        source: hur
        as_of: 2024-12-23
";

    #[test]
    fn a_named_source_is_judged_first() {
        let index = index(TWO, "");
        let date = Some(jiff::civil::date(2025, 1, 15));
        let (nis, hur) = (0, 1);
        let cases = [
            (15_000.0, vec![nis], Verdict::Misattributed),
            (11_000.0, vec![hur], Verdict::Misattributed),
            (11_000.0, vec![nis], Verdict::Consistent),
            (11_000.0, vec![], Verdict::Disputed),
            (20_000.0, vec![nis], Verdict::Contradicted),
            (20_000.0, vec![], Verdict::Contradicted),
        ];
        for (stated, named, expected) in cases {
            let finding = verdict(&exact(stated), &index, date, &named);
            assert_eq!(finding.verdict, expected, "{stated} named {named:?}");
        }
        let finding = verdict(&exact(15_000.0), &index, date, &[nis]);
        assert_eq!(
            finding.explanation(),
            "15.000 — NIS [named] 11.000 (2024-11-13) ✗, HUR 15.000 (2024-12-23) ✓"
        );
    }
}
