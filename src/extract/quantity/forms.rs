//! The forms news uses around a figure that the main reader delegates here
//! (issue 14): hedges written after the figure ("40 o più", "500 or
//! more"), bounds turned around by a negation ("never below 40%"), units
//! written before the figure ("magnitudo 3,9"), shares written as ratios
//! ("un italiano su quattro") and fractions of a unit ("one-fifth of a
//! mile"), smaller groups after spelled-out scales ("un milione e 300
//! mila"), durations carried on by a smaller unit ("un anno e quattro
//! mesi") and race times ("2:00:35").

use crate::claim::Interval;
use crate::extract::Ctx;
use crate::extract::number::{parse_digits_with, parse_words};
use crate::lang::vocab::List;
use crate::lang::{Entry, Hedge, NumberWord};
use crate::units::{Dimension, Unit};

/// After a fraction ending at `end`, a link to a unit that is no duration
/// ("one-fifth of a mile", "a quarter of a century"): the unit and where
/// it ends. "A quarter of an hour" stays a clock phrase.
pub(super) fn fraction_of_unit(ctx: &Ctx, end: usize) -> Option<(Unit, usize)> {
    let tokens = ctx.tokens;
    if !ctx.is(tokens.get(end)?, List::FractionLinks) {
        return None;
    }
    let mut k = end + 1;
    while tokens
        .get(k)
        .is_some_and(|t| ctx.is(t, List::Articles) || ctx.is(t, List::WeakNumberWords))
    {
        k += 1;
    }
    tokens.get(k)?;
    ctx.lexicon.lookup(&tokens[k..]).find_map(|(n, e)| match e {
        // "a quarter of a century" is a span of years, no clock phrase.
        Entry::Unit(u) if u.dimension() != Dimension::Duration || u == Unit::Century => {
            Some((u, k + n))
        }
        _ => None,
    })
}

/// A hedge written after the figure at `at` ("o più", "or more",
/// "esatto"): its tokens and meaning.
pub(super) fn hedge_after(ctx: &Ctx, at: usize) -> Option<(usize, Hedge)> {
    let t = ctx.tokens.get(at)?;
    // "700+ workers": a plus glued after the figure, no sum ("2+2").
    if t.norm == "+"
        && !t.space_before
        && !ctx
            .tokens
            .get(at + 1)
            .is_some_and(|n| n.is_number() && !n.space_before)
    {
        return Some((1, Hedge::AtLeast));
    }
    ctx.lexicon
        .lookup(&ctx.tokens[at..])
        .find_map(|(n, e)| match e {
            Entry::HedgeAfter(h) => Some((n, h)),
            _ => None,
        })
}

/// "below zero", "sotto zero" at `at`: its length and the scale it implies.
pub(super) fn below_zero(ctx: &Ctx, at: usize) -> Option<(usize, Unit)> {
    ctx.tokens.get(at)?;
    ctx.lexicon
        .lookup(&ctx.tokens[at..])
        .find_map(|(n, e)| match e {
            Entry::BelowZero(u) => Some((n, u)),
            _ => None,
        })
}

/// A unit written just before the figure at `i` ("magnitudo 3,9").
pub(super) fn unit_before(ctx: &Ctx, i: usize) -> Option<Unit> {
    let p = i.checked_sub(1)?;
    ctx.lexicon
        .lookup(&ctx.tokens[p..])
        .find_map(|(n, e)| match e {
            Entry::UnitBefore(u) if n == 1 => Some(u),
            _ => None,
        })
}

/// A negation among the three words before the qualifier at `i` ("non è
/// stata inferiore", "has never been below"), in its sentence.
pub(super) fn negated(ctx: &Ctx, i: usize) -> bool {
    (1..=3)
        .filter_map(|back| i.checked_sub(back))
        .take_while(|&p| ctx.tokens[p].is_word() && ctx.same_sentence(p, i))
        .any(|p| ctx.is(&ctx.tokens[p], List::Negations))
}

/// "un italiano su quattro", "one in five", "3 su 10": the share the two
/// sides make, as a percentage, and the last token of the base. Up to two
/// words may stand after the first side; the base is at most a thousand
/// and measures nothing ("one in 40 years" is no share).
pub(super) fn ratio_share(ctx: &Ctx, j: usize) -> Option<(f64, usize)> {
    let tokens = ctx.tokens;
    let side = |k: usize| -> Option<(f64, usize)> {
        let t = tokens.get(k)?;
        if t.is_number() {
            let d = parse_digits_with(&t.norm, ctx.decimal)?;
            (d.plain && !d.leading_zero).then_some((d.value, 1))
        } else {
            parse_words(&tokens[k..], ctx.vocab)
        }
    };
    let first = tokens.get(j)?;
    // "a" and "an" are articles far more often than "one".
    if first.norm == "a" || first.norm == "an" {
        return None;
    }
    let (a, n) = side(j)?;
    // "1 su 3 italiani": digits take one word in between, and then only
    // before a base of ten or a hundred ("6 italiani su 10"; "12 vittime
    // su 40" is two counts). Words take two, and past "one" the same
    // bases ("un minore su sette", "tre italiani su quattro"; "Diciotto
    // capoluoghi su 98" is two counts).
    let between = if first.is_number() { 1 } else { 2 };
    for k in j + n..=j + n + between {
        let t = tokens.get(k)?;
        // "su", "in"; "out of", two words.
        let pair = tokens
            .get(k + 1)
            .is_some_and(|u| ctx.vocab.pair_is(t, u, List::RatioWords));
        if ctx.is(t, List::RatioWords) || pair {
            let width = if pair { 2 } else { 1 };
            let (b, m) = side(k + width)?;
            let last = k + width - 1 + m;
            let measured = tokens.get(last + 1).is_some_and(|_| {
                ctx.lexicon.lookup(&tokens[last + 1..]).any(|(_, e)| {
                    matches!(
                        e,
                        Entry::Unit(_) | Entry::Percent | Entry::Scale(_) | Entry::Currency(_)
                    )
                })
            });
            let skipped = k > j + n;
            let round_base = b <= 10.0 || b == 100.0;
            let strict = ctx.data.ratio_words_strict.contains(&t.norm.as_str());
            if strict && (!round_base || ctx.vocab.word_is(&first.norm, List::WeakNumberWords)) {
                return None;
            }
            let ok = a >= 1.0
                && a < b
                && b <= 1000.0
                && a.fract() == 0.0
                && !measured
                && (!skipped || (a == 1.0 && !first.is_number()) || round_base);
            return ok.then_some((a / b * 100.0, last));
        }
        // "un minore su sette": a word that only opens a phrase of the
        // lexicon ("minore di") is a noun when the phrase is not there.
        let word = t.is_word()
            && !ctx.vocab.is_number_word(t)
            && ctx.lexicon.lookup(&tokens[k..]).next().is_none()
            && !ctx.is(t, List::Stopwords);
        if !word {
            return None;
        }
    }
    None
}

/// The interval of the opposite figure ("meno 12 gradi").
pub(super) fn mirror(interval: Interval) -> Interval {
    Interval {
        low: interval.high.map(|v| -v),
        high: interval.low.map(|v| -v),
        low_open: interval.high_open,
        high_open: interval.low_open,
    }
}

/// An article after a qualifier and before a fraction ("circa la metà").
pub(super) fn article_before_fraction(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    // Any article: "weniger als die Hälfte" as "près de la moitié".
    tokens
        .get(j)
        .is_some_and(|t| ctx.is(t, List::HedgeArticles) || ctx.is(t, List::Articles))
        && tokens.get(j + 1).is_some_and(|_| {
            ctx.lexicon
                .lookup(&tokens[j + 1..])
                .any(|(_, e)| matches!(e, Entry::Fraction(_)))
        })
}

/// After number words worth `value` that end in a scale, a glue, digits and
/// a smaller scale ("un milione e 300 mila"), or the digits and scale
/// right after it as statistics offices write them ("58 milioni 990
/// mila"): what they add and their tokens.
pub(super) fn smaller_group(ctx: &Ctx, at: usize, value: f64) -> Option<(f64, usize)> {
    let tokens = ctx.tokens;
    let glued = ctx.is(tokens.get(at)?, List::NumberGlue);
    let skip = usize::from(glued);
    let more = tokens.get(at + skip)?;
    if !more.is_number() || value < 1000.0 {
        return None;
    }
    let m = parse_digits_with(&more.norm, ctx.decimal)?.value;
    let group = (1.0..1000.0).contains(&m) && m.fract() == 0.0;
    if !(glued || group) {
        return None;
    }
    tokens.get(at + skip + 1)?;
    ctx.lexicon
        .lookup(&tokens[at + skip + 1..])
        .find_map(|(len, e)| match e {
            Entry::Scale(s) if m * s < value && value % (s * 1000.0) == 0.0 => {
                Some((m * s, 1 + skip + len))
            }
            _ => None,
        })
}

/// A race time: `2:00:35` (hours, minutes and seconds joined by colons)
/// or `1'15"` (minutes, an apostrophe, seconds, a double quote): a
/// duration in seconds, and the token after it. A time of day with
/// seconds ("at 10:21:05") is the date finder's, which runs first.
pub(super) fn race_time(ctx: &Ctx, i: usize) -> Option<(f64, usize)> {
    let tokens = ctx.tokens;
    let glued = |k: usize| tokens.get(k).filter(|t| !t.space_before);
    let sixty = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|&n| n < 60)
    };
    let first = tokens.get(i).filter(|t| t.is_number())?;
    let lead = |s: &str| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if let Some((m, s)) = first.norm.split_once(['\'', '’']) {
        let quote =
            glued(i + 1).is_some_and(|t| t.is_punct("\"") || t.is_punct("″") || t.is_punct("”"));
        let (m, s) = (lead(m)?, sixty(s)?);
        return quote.then_some((f64::from(m * 60 + s), i + 2));
    }
    let colon = |k: usize| glued(k).is_some_and(|t| t.is_punct(":"));
    let part = |k: usize| glued(k).and_then(|t| sixty(&t.norm));
    let h = lead(&first.norm)?;
    if !(colon(i + 1) && colon(i + 3)) {
        return None;
    }
    let (m, s) = (part(i + 2)?, part(i + 4)?);
    // "2:00:35:12" is no race time.
    if colon(i + 5) {
        return None;
    }
    Some((f64::from(h * 3600 + m * 60 + s), i + 5))
}

/// "due ore e mezza", "an hour and a half": a duration of `value` `unit`
/// ending at `at`, carried on after a conjunction by half the unit; the
/// whole and the token after.
pub(super) fn half_after(ctx: &Ctx, at: usize, unit: Unit, value: f64) -> Option<(f64, usize)> {
    let tokens = ctx.tokens;
    let glue = tokens.get(at)?;
    if unit.dimension() != Dimension::Duration
        || !ctx.data.number_glue.contains(&glue.norm.as_str())
    {
        return None;
    }
    let k = at + 1;
    let article = tokens
        .get(k)
        .is_some_and(|t| ctx.is(t, List::Articles) || ctx.is(t, List::WeakNumberWords));
    let half_at = if article { k + 1 } else { k };
    let half = tokens
        .get(half_at)
        .is_some_and(|t| matches!(ctx.vocab.number(t).as_deref(), Some([NumberWord::Half])));
    half.then_some((value + 0.5, half_at + 1))
}

/// "un anno e quattro mesi", "six years and eight months": after a
/// duration ending at `at`, a conjunction and a figure of a smaller unit
/// (which stands as a claim of its own).
pub(super) fn smaller_duration_after(ctx: &Ctx, at: usize, unit: Unit) -> bool {
    let tokens = ctx.tokens;
    let Some(glue) = tokens.get(at) else {
        return false;
    };
    if unit.dimension() != Dimension::Duration
        || !ctx.data.number_glue.contains(&glue.norm.as_str())
    {
        return false;
    }
    let k = at + 1;
    let Some(token) = tokens.get(k) else {
        return false;
    };
    let used = if token.is_number() {
        Some(1)
    } else {
        parse_words(&tokens[k..], ctx.vocab).map(|(_, used)| used)
    };
    let Some(used) = used else {
        return false;
    };
    ctx.lexicon
        .lookup(&tokens[(k + used).min(tokens.len())..])
        .any(|(_, e)| match e {
            Entry::Unit(u) => {
                u.dimension() == Dimension::Duration
                    && unit.convert(1.0, u).is_some_and(|f| f > 1.0)
            }
            _ => false,
        })
}

/// SI symbols of durations, written alike in every language ("4 min 24 s",
/// "1 h 45 min").
const DURATION_SYMBOLS: [(&str, Unit); 3] = [
    ("h", Unit::Hour),
    ("min", Unit::Minute),
    ("s", Unit::Second),
];

/// A duration in two or three units at `i`, each smaller than the one
/// before ("4 min 24 s", "1 h 45 min", "2 Stunden 30 Minuten"): one
/// measure in its smallest unit, its value and the token after it.
pub(super) fn compound_duration(ctx: &Ctx, i: usize) -> Option<(f64, Unit, usize)> {
    let tokens = ctx.tokens;
    let unit_at = |k: usize| -> Option<(Unit, usize)> {
        let t = tokens.get(k)?;
        if let Some(&(_, u)) = DURATION_SYMBOLS.iter().find(|(s, _)| t.norm == *s) {
            return Some((u, 1));
        }
        ctx.lexicon.lookup(&tokens[k..]).find_map(|(n, e)| match e {
            Entry::Unit(u @ (Unit::Hour | Unit::Minute | Unit::Second)) => Some((u, n)),
            _ => None,
        })
    };
    let whole = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.is_number())
            .and_then(|t| t.norm.parse::<u32>().ok())
    };
    let mut parts: Vec<(f64, Unit)> = Vec::new();
    let mut k = i;
    while parts.len() < 3 {
        let (Some(n), Some((u, used))) = (whole(k), unit_at(k + 1)) else {
            break;
        };
        let smaller = parts
            .last()
            .is_none_or(|&(_, last)| last.convert(1.0, u).is_some_and(|x| x > 1.0));
        if !smaller || !ctx.same_sentence(i, k + used) {
            break;
        }
        parts.push((f64::from(n), u));
        k += 1 + used;
    }
    let &(_, smallest) = parts.get(1).and(parts.last())?;
    let total = parts
        .iter()
        .map(|&(n, u)| u.convert(n, smallest))
        .sum::<Option<f64>>()?;
    Some((total, smallest, k))
}

/// "6 metri e 29", "un metro e ottanta": metres, the glue word, and a
/// whole figure under a hundred that no unit or noun follows — the
/// centimetres of a height or a jump. One measure in metres, and the
/// token after it.
pub(super) fn metres_and_centimetres(ctx: &Ctx, i: usize) -> Option<(f64, Unit, usize)> {
    let tokens = ctx.tokens;
    let figure = |k: usize| -> Option<(f64, usize)> {
        let t = tokens.get(k)?;
        if t.is_number() {
            let n = t.norm.parse::<u32>().ok()?;
            Some((f64::from(n), 1))
        } else {
            parse_words(&tokens[k..], ctx.vocab)
        }
    };
    let (metres, used) = figure(i)?;
    let unit = i + used;
    let width = ctx
        .lexicon
        .lookup(&tokens[unit.min(tokens.len())..])
        .find_map(|(n, e)| matches!(e, Entry::Unit(Unit::M)).then_some(n))?;
    let glue = tokens.get(unit + width)?;
    if !ctx.data.number_glue.contains(&glue.norm.as_str()) {
        return None;
    }
    let (centimetres, used_cm) = figure(unit + width + 1)?;
    let end = unit + width + 1 + used_cm;
    let whole = |v: f64| v.fract() == 0.0;
    // "5 metri e 10 persone": the second figure counts something.
    let followed = tokens.get(end).is_some_and(|t| {
        ctx.same_sentence(i, end)
            && t.is_word()
            && (!ctx.is(t, List::Stopwords) || ctx.lexicon.lookup(&tokens[end..]).next().is_some())
    });
    let ok = whole(metres)
        && (1.0..10.0).contains(&metres)
        && whole(centimetres)
        && (1.0..100.0).contains(&centimetres)
        && ctx.same_sentence(i, end - 1)
        && !followed;
    ok.then_some((metres + centimetres / 100.0, Unit::M, end))
}
