//! Counts, money, percentages and measures: an optional qualifier, a figure
//! (digits, number words, a round or vague word, a fraction), an optional
//! scale, a range's second end, then what the figure is: a percentage, a
//! unit, a currency or the noun it counts.

use crate::claim::{Claim, Interval, Kind, Qualifier, Quantity, Value};
use crate::lang::vocab::List;
use crate::lang::{Entry, Hedge, NumberWord, Vague};
use crate::units::{Currency, Dimension, Unit};

use super::Ctx;
use super::context::{counted_noun, toll_noun_before};
use super::number::{DecimalMark, parse_digits_with, parse_words};
use crate::text::token::Token;
use forms::{
    article_before_fraction, below_zero, fraction_of_unit, half_after, hedge_after, mirror,
    negated, race_time, ratio_share, smaller_duration_after, smaller_group, unit_before,
};

mod filter;
mod forms;
#[cfg(test)]
mod lang_tests;
#[cfg(test)]
mod tests;

/// Relative half-width of "circa", "about".
pub const APPROX: f64 = 0.10;

/// A figure read at some token position.
#[derive(Debug, Clone, Copy)]
enum Figure {
    Number(f64),
    Round(f64),
    Vague(Vague),
    Fraction(f64),
}

#[derive(Debug, Clone, Copy)]
struct Head {
    figure: Figure,
    /// Tokens used by the figure and its scale.
    end: usize,
    /// The figure is a year-like integer (1000–2100, digits only).
    yearlike: bool,
    scaled: bool,
}

pub(crate) fn find(ctx: &mut Ctx, out: &mut Vec<Claim>) {
    let mut i = 0;
    while i < ctx.tokens.len() {
        match read_at(ctx, i) {
            Some((claim, first, end)) => {
                ctx.take(first..end);
                if !unit_of_sale(ctx, out.last(), &claim, first) {
                    out.push(claim);
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Tries to read a quantity starting at token `i`; returns the claim and
/// the token range it used.
fn read_at(ctx: &Ctx, i: usize) -> Option<(Claim, usize, usize)> {
    if !ctx.free(i..i + 1) {
        return None;
    }
    if let Some(found) = race(ctx, i) {
        return Some(found);
    }
    let tokens = ctx.tokens;
    // Only a number, a number word, the first word of a lexicon phrase
    // (qualifier, currency, vague or round word, fraction) or a range
    // frame's opening word starts one.
    let first = &tokens[i];
    if !(first.is_number()
        || ctx.is(first, List::LexiconFirst)
        || ctx.is(first, List::RangeOpeners)
        || ctx.is(first, List::MinusWords)
        || ctx.vocab.is_number_word(first))
    {
        return None;
    }
    let mut j = i;
    let mut hedge = None;
    let mut hedge_len = 0;
    let mut range_join: Option<&str> = None;
    // Qualifier ("più di", "about") or range frame ("tra", "between").
    if let Some((n, Entry::Hedge(h))) = ctx
        .lexicon
        .lookup(&tokens[j..])
        .find(|(_, e)| matches!(e, Entry::Hedge(_)))
    {
        hedge = Some(h);
        hedge_len = n;
        j += n;
        // "la charge dépasse déjà 50 milliards", "supera già i 3 milioni":
        // an adverb of time between the bound and its figure.
        if tokens
            .get(j)
            .is_some_and(|t| t.is_word() && ctx.data.hedge_adverbs.contains(&t.norm.as_str()))
            && tokens.get(j + 1).is_some_and(|t| {
                t.is_number() || ctx.vocab.is_number_word(t) || ctx.is(t, List::Articles)
            })
        {
            j += 1;
            hedge_len += 1;
        }
        // "Inflation edged up to 3.1%": the end point of a rise, no bound.
        // "rise by up to 4%" keeps its bound.
        let rise = i.checked_sub(1).is_some_and(|p| {
            let word = tokens[p].norm.as_str();
            ctx.is(&tokens[p], List::ChangeWords)
                && !ctx.data.difference_links.contains(&word)
                && !ctx
                    .data
                    .change_bases
                    .iter()
                    .any(|b| crate::text::token::folds_to(b, word))
        }) || (n == 1 && rise_then_end(ctx, i));
        if rise && h == Hedge::AtMost {
            hedge = None;
        }
        // "£8.3bn to mend potholes over 11 years": a period, no bound
        // ("for over 11 years" keeps it).
        let during = ctx
            .data
            .during_hedges
            .iter()
            .find(|(word, _)| n == 1 && crate::text::token::folds_to(word, &tokens[i].norm))
            .is_some_and(|(_, unless)| {
                !i.checked_sub(1)
                    .is_some_and(|p| crate::text::token::folds_to(unless, &tokens[p].norm))
                    && tokens.get(j + 1).is_some_and(|_| {
                        ctx.lexicon.lookup(&tokens[j + 1..]).any(|(_, e)| {
                            matches!(e, Entry::Unit(u) if u.dimension() == Dimension::Duration)
                        })
                    })
            });
        if during {
            hedge = None;
        }
        // "non è stata inferiore al 60%", "never below 40%": the bound
        // turned around.
        if negated(ctx, i) {
            hedge = match h {
                Hedge::LessThan | Hedge::JustUnder => Some(Hedge::AtLeast),
                Hedge::MoreThan => Some(Hedge::AtMost),
                _ => hedge,
            };
        }
    } else if let Some(&(_, joiner)) = ctx
        .data
        .range_frames
        .iter()
        .find(|(open, _)| tokens[j].norm == *open)
    {
        range_join = Some(joiner);
        j += 1;
    }
    // "sopra magnitudo 6": the unit written before the figure, after the
    // qualifier.
    let figure_at = if j > i && unit_before(ctx, j + 1).is_some() {
        j + 1
    } else {
        i
    };
    j = figure_at.max(j);
    // "almeno altre sei", "at least another 40": the word of a difference
    // between the qualifier and its figure.
    if hedge.is_some()
        && j > i
        && tokens
            .get(j)
            .is_some_and(|t| ctx.data.difference_inside.contains(&t.norm.as_str()))
        && tokens
            .get(j + 1)
            .is_some_and(|t| t.is_number() || ctx.vocab.is_number_word(t))
    {
        j += 1;
    }
    // An article after a qualifier: "quasi il 60 per cento", "circa la
    // metà dei".
    let mut hedged_article = false;
    if j > i && j < tokens.len() && (is_article(ctx, j) || article_before_fraction(ctx, j)) {
        hedged_article = hedge.is_some();
        j += 1;
    } else if hedge.is_some() && tokens.get(j).is_some_and(|t| ctx.is(t, List::Articles)) {
        // "fewer than the 20 million euros": a comparison, not a hedge.
        return None;
    }
    // "meno 12 gradi", "minus five percent".
    let mut negative = tokens.get(j).is_some_and(|t| ctx.is(t, List::MinusWords))
        && tokens
            .get(j + 1)
            .is_some_and(|t| t.is_number() || ctx.vocab.is_number_word(t));
    if negative {
        j += 1;
    }
    // "un italiano su quattro", "one in five voters": a share.
    if let Some((share, last)) = ratio_share(ctx, j)
        && ctx.same_sentence(i, last)
        && ctx.free(j..last + 1)
    {
        let (value, qualifier, interval) =
            normalize(Figure::Number(share), hedge, None, Kind::Percent)?;
        let claim = Claim {
            span: ctx.span(i, last),
            kind: Kind::Percent,
            value: Value::Quantity(Quantity {
                value,
                qualifier,
                interval,
                unit: None,
                currency: None,
            }),
            relative: false,
            counted: None,
        };
        return Some((claim, i, last + 1));
    }
    let mut currency = None;
    if let Some((c, n)) = currency_symbol(ctx, j) {
        currency = Some(c);
        j += n;
    }
    let head = read_head(ctx, j, currency.is_some(), hedge.filter(|_| j > i))?;
    if !ctx.free(j..head.end) || !ctx.same_sentence(i, head.end - 1) {
        return None;
    }
    // "a sub-2 percent streak": the hedge is glued by its hyphen.
    let glued_hedge = hedge.is_some() && j > i && tokens[j - 1].is_punct("-");
    if !glued_hedge && filter::not_a_figure(ctx, j, head.end == j + 1) {
        return None;
    }
    // "three times as many", "quattro volte più alto": a factor. Closing
    // its clause it counts occasions ("had visited the wreck more than
    // three dozen times, and").
    // "circled the Earth 4,576 times.": a hundred and more closing its
    // clause counts occasions too; no factor is that large.
    let many = matches!(head.figure, Figure::Number(n) if n >= 100.0);
    if tokens
        .get(head.end)
        .is_some_and(|t| ctx.is(t, List::Multipliers))
        && !((hedge.is_some() || many) && occasions(ctx, head.end))
    {
        return None;
    }
    let mut end = head.end;
    let mut figure = head.figure;
    let mut qualifier_range = None;
    // A scale word after the figure or after a range's second end ("459 à
    // 470 millions d'années").
    let mut scaled = head.scaled;

    // A range: "10-12 mila", "tra 300 e 400", "11,000 to 12,000".
    let suffix_end = skip_suffix(ctx, end);
    let joiner_at = suffix_end;
    // "rose from 2.9% to 3.2%", "passati da 10 a 12 mila", "porta il
    // congedo da quattro a sei settimane": a change between two figures,
    // not a range; each end stands alone. The word of change may stand a
    // few words before, with no figure or comma between.
    // ("La réforme repousse l'âge légal de départ de 62 à 64 ans": the
    // noun phrase between the word and the figures may be long.)
    let reach = if range_join.is_some() { 8 } else { 1 };
    // "crecerá entre un 8 % y un 10 %": a frame joined by a conjunction
    // ("between … and") is a range even after a word of change.
    let between = range_join.is_some_and(|w| ctx.data.conjunctions.contains(&w));
    let change_word = (1..=reach)
        .filter_map(|back| i.checked_sub(back))
        .take_while(|&p| {
            let t = &tokens[p];
            ctx.same_sentence(p, i) && !t.is_number() && !t.is_punct(",")
        })
        .find(|&p| {
            // "lags by four to six weeks" is a range; "rose by 2% to 5%"
            // a change: "by" counts when a word of change comes before it.
            let link = ctx.data.difference_links.contains(&tokens[p].norm.as_str());
            ctx.is(&tokens[p], List::ChangeWords)
                && (!link
                    || p.checked_sub(1)
                        .is_some_and(|b| ctx.is(&tokens[b], List::ChangeWords)))
        });
    // "une baisse de 1 % à 2 %": a fall whose ends rise (or a rise whose
    // ends fall) is the size of the change, a range.
    let contrary = change_word.is_some_and(|p| {
        let Figure::Number(a) = figure else {
            return false;
        };
        let word = &tokens[p].norm;
        let says = |stems: &[&str]| stems.iter().any(|s| word.starts_with(s));
        let second = tokens
            .get(joiner_at)
            .filter(|t| ctx.is(t, List::RangeJoiners) || range_join.is_some_and(|w| t.norm == w))
            .and_then(|_| read_head(ctx, joiner_at + 1, false, None));
        second.is_some_and(|second| match second.figure {
            Figure::Number(b) => (says(ctx.data.falls) && a < b) || (says(ctx.data.rises) && a > b),
            _ => false,
        })
    });
    let change = !between && change_word.is_some() && !contrary;
    if let Some(tok) = tokens
        .get(joiner_at)
        .filter(|t| !(change && (range_join.is_some() || ctx.is(t, List::RangeJoiners))))
    {
        // A dash opening a line is a list mark, not a range ("Le vittime
        // sono 15" / "- 40 i feriti").
        let dash = matches!(tok.norm.as_str(), "-" | "–" | "—") && !tok.newline_before;
        let elliptic = range_join.is_none()
            && suffix_end == end
            && matches!(hedge, None | Some(Hedge::AtMost))
            && ctx.is(tok, List::EllipticJoiners)
            && !listed(ctx, i);
        let joins = range_join.is_some_and(|w| tok.norm == w)
            // "only 10% to 20%": an exact hedge bounds nothing; "about
            // two or three days", "within two or three days" hedge the
            // range.
            || (range_join.is_none()
                && matches!(hedge, None | Some(Hedge::Exact | Hedge::Approx | Hedge::AtMost))
                && ctx.is(tok, List::RangeJoiners))
            || (dash && range_join.is_none())
            || elliptic;
        if joins && matches!(figure, Figure::Number(_)) {
            let mut k = joiner_at + 1;
            if is_article(ctx, k) && (range_join.is_some() || elliptic) {
                k += 1;
            }
            if currency.is_some()
                && let Some((_, n)) = currency_symbol(ctx, k)
            {
                k += n;
            }
            if let Some(second) = read_head(ctx, k, currency.is_some(), None)
                && let (Figure::Number(a), Figure::Number(b)) = (figure, second.figure)
                && !filter::not_a_figure(ctx, k, second.end == k + 1)
            {
                let a = if second.scaled && !head.scaled {
                    a * scale_of(ctx, second.end)
                } else if thousands_shorthand(ctx, j, &head, k, &second, a, b) {
                    // "10-12,000": the first end shares the thousands.
                    a * 1000.0
                } else {
                    a
                };
                let shared_unit = !elliptic || unit_shared(ctx, second.end);
                // "0,75 Liter oder 37 Gläser", "1 litro o 4 vasos": a unit
                // after the first end is the second's too, or no range.
                let same_suffix = suffix_end == end || {
                    let entry =
                        |at: usize| ctx.lexicon.lookup(&tokens[at.min(tokens.len())..]).next();
                    entry(end) == entry(second.end)
                };
                if a < b
                    && ctx.free(k..second.end)
                    && !second.yearlike
                    && shared_unit
                    && same_suffix
                {
                    qualifier_range = Some((a, b));
                    end = second.end;
                    scaled |= second.scaled;
                    if elliptic {
                        // "hasta 44 y 45 grados": the two ends say it.
                        hedge = None;
                    }
                }
            }
        }
    }
    if range_join.is_some() && qualifier_range.is_none() && !change {
        return None;
    }
    // "è salito da 8,5 a 13,5 miliardi": the first figure of a change
    // shares the scale of the second when that keeps them of one order
    // ("da 800 a 1,2 milioni" does not).
    if change
        && !head.scaled
        && suffix_end == end
        && let Figure::Number(a) = figure
        && let Some(scale) = change_scale(ctx, joiner_at, range_join, a)
    {
        figure = Figure::Number(a * scale);
        scaled = true;
    }
    if let Some((a, _)) = qualifier_range {
        figure = Figure::Number(a);
        // "three or four times their usual rate": a factor.
        if tokens
            .get(end)
            .is_some_and(|t| ctx.is(t, List::Multipliers))
        {
            return None;
        }
    }
    // "40 o più manifestanti", "500 or more".
    if let Some((n, h)) = hedge_after(ctx, end)
        && (hedge.is_none() || qualifier_range.is_some())
        && matches!(figure, Figure::Number(_) | Figure::Fraction(_))
    {
        hedge = Some(h);
        end += n;
    }

    // What the figure is.
    let mut kind = Kind::Count;
    let mut unit = None;
    // Percentage points per point, units of currency per coin.
    let mut factor = 1.0;
    let mut k = end;
    let lookup = |at: usize| {
        ctx.lexicon
            .lookup(&tokens[at.min(tokens.len())..])
            .collect::<Vec<_>>()
    };
    // "les trois derniers mois": a word between the figure and its unit.
    if tokens
        .get(k)
        .is_some_and(|t| ctx.is(t, List::UnitAdjectives))
        && lookup(k + 1)
            .iter()
            .any(|(_, e)| matches!(e, Entry::Unit(_)))
    {
        k += 1;
    }
    // "Viviendas dañadas: 6.000" then "Hectáreas quemadas: más de 8.000"
    // on the next line of a fact box: a unit past the sentence's end is
    // the next line's.
    let entries = if k > 0 && k < tokens.len() && !ctx.same_sentence(k - 1, k) {
        Vec::new()
    } else {
        lookup(k)
    };
    let mut consumed = 0;
    for (n, entry) in &entries {
        match *entry {
            Entry::Percent => {
                kind = Kind::Percent;
            }
            // "a 1 punto dalla Juve": a bare point after a figure in digits
            // is a tally unless the sentence gives a share in percent
            // ("salito di 1 punto al 5%"); after a fraction word ("mezzo
            // punto", "a quarter point") it is a rate's.
            Entry::Points(_)
                if *n == 1
                    && matches!(figure, Figure::Number(_))
                    && is_bare_point(ctx, k)
                    && !share_points(ctx, i, k, figure) => {}
            Entry::Points(f) => {
                kind = Kind::Percent;
                unit = Some(Unit::Pp);
                factor = f;
            }
            // A word that is a currency too ("pounds") reads as money
            // here; the article's other amounts decide later
            // (`context::carry_currency`).
            Entry::Unit(u)
                if currency.is_none()
                    && !entries
                        .iter()
                        .any(|(m, e)| m == n && matches!(e, Entry::Currency(_))) =>
            {
                // "120 km/h", "5 kg/m²": a rate, not a measure of the unit.
                let rate = tokens
                    .get(k + n)
                    .is_some_and(|t| t.is_punct("/") && !t.space_before);
                if rate {
                    return None;
                }
                kind = Kind::Measure;
                unit = Some(u);
            }
            Entry::Currency(c) if !symbol_before_next(ctx, k, *n) => {
                kind = Kind::Money;
                currency = Some(c);
            }
            // "8 cents", "50 centesimi".
            Entry::Minor(c, f) if currency.is_none() => {
                kind = Kind::Money;
                currency = Some(c);
                factor = f;
            }
            Entry::Clock => return None,
            _ => continue,
        }
        consumed = *n;
        break;
    }
    // "a 10-day search", "a 7-year-old boy": a unit glued by a hyphen
    // makes a measure; any other word ("5-star", "3-0") no figure.
    // "a 40,000-strong force": a count of the noun after.
    let mut strength = false;
    if consumed == 0
        && let (Some(dash), Some(word)) = (tokens.get(k), tokens.get(k + 1))
        && dash.is_punct("-")
        && !dash.space_before
        && !word.space_before
        && word.is_word()
    {
        // Table words folded as tokens are ("köpfige" is "kopfige").
        if ctx
            .data
            .strength_words
            .iter()
            .any(|w| crate::text::token::folds_to(w, &word.norm))
        {
            strength = true;
        } else {
            // "a 2-percent target", "the two-percent target".
            let glued = lookup(k + 1).into_iter().find(|(n, e)| {
                *n == 1
                    && matches!(
                        e,
                        Entry::Unit(_) | Entry::Percent | Entry::Points(_) | Entry::Minor(..)
                    )
            });
            match glued {
                // "a 50-cent surcharge".
                Some((_, Entry::Minor(c, f))) if currency.is_none() => {
                    kind = Kind::Money;
                    currency = Some(c);
                    factor = f;
                }
                Some((_, Entry::Unit(u))) => {
                    kind = Kind::Measure;
                    unit = Some(u);
                }
                Some((_, Entry::Percent)) => kind = Kind::Percent,
                Some((_, Entry::Points(f))) => {
                    kind = Kind::Percent;
                    unit = Some(Unit::Pp);
                    factor = f;
                }
                _ => return None,
            }
        }
        consumed = 2;
    }
    if consumed == 0 && currency.is_none() {
        // "miliardi di euro", "millions of dollars".
        if let Some(link) = tokens.get(k)
            && ctx.is(link, List::Links)
            && let Some((n, Entry::Currency(c))) = lookup(k + 1)
                .into_iter()
                .find(|(_, e)| matches!(e, Entry::Currency(_)))
        {
            kind = Kind::Money;
            currency = Some(c);
            consumed = n + 1;
        } else if let Some(link) = tokens.get(k)
            && ctx.is(link, List::Links)
            && (scaled || matches!(figure, Figure::Vague(_) | Figure::Round(_)))
            && let Some((n, Entry::Unit(u))) = lookup(k + 1)
                .into_iter()
                .find(|(_, e)| matches!(e, Entry::Unit(_)))
        {
            // "2,3 miliardi di metri cubi", "alcune centinaia di ettari",
            // "una decina di gradi".
            kind = Kind::Measure;
            unit = Some(u);
            consumed = n + 1;
        }
    }
    // "una scossa di magnitudo 3,9": the unit before the figure.
    if consumed == 0
        && kind == Kind::Count
        && let Some(u) = unit_before(ctx, figure_at)
    {
        kind = Kind::Measure;
        unit = Some(u);
    }
    // "auf 16,4 Prozent; sie verlor 9,3 Punkte": bare points of a share.
    if consumed == 0 && kind == Kind::Count && share_points(ctx, i, k, figure) {
        kind = Kind::Percent;
        unit = Some(Unit::Pp);
        consumed = 1;
    }
    if consumed > 0 && ctx.same_sentence(i, k + consumed - 1) {
        k += consumed;
    } else if currency.is_some() {
        kind = Kind::Money;
    }
    end = k;
    // "due ore e mezza", "an hour and a half": one duration.
    if let (Some(u), Figure::Number(n)) = (unit, figure)
        && qualifier_range.is_none()
        && let Some((whole, e)) = half_after(ctx, end, u, n)
        && ctx.free(end..e)
        && ctx.same_sentence(i, e - 1)
    {
        figure = Figure::Number(whole);
        end = e;
    }
    // "3 below zero", "5 gradi sotto zero": a temperature below zero.
    let temperature = unit.is_none_or(|u| u.dimension() == Dimension::Temperature);
    if matches!(kind, Kind::Count | Kind::Measure)
        && temperature
        && !negative
        && let Some((n, u)) = below_zero(ctx, end)
    {
        negative = true;
        kind = Kind::Measure;
        unit = unit.or(Some(u));
        end += n;
    }
    // "un mese esatto", "2.000 euros o más", "20% or more": a hedge after
    // the unit, the currency or the percent sign.
    if matches!(kind, Kind::Measure | Kind::Money | Kind::Percent)
        && hedge.is_none()
        && let Some((n, h)) = hedge_after(ctx, end)
    {
        hedge = Some(h);
        end += n;
    }

    // "5,500 flights over five days": a scope word after another claim,
    // before a duration, is its period, no bound.
    if hedge_len == 1
        && i > 0
        && !ctx.free(i - 1..i)
        && ctx.data.scope_words.contains(&tokens[i].norm.as_str())
        && unit.is_some_and(|u| u.dimension() == Dimension::Duration)
    {
        hedge = None;
    }
    if let Figure::Fraction(share) = figure
        && (unit == Some(Unit::Pp) || (kind == Kind::Percent && consumed > 0))
    {
        // "un quarto di punto", "half a percentage point": a fraction of a
        // point.
        figure = Figure::Number(share / 100.0);
    } else if let Figure::Fraction(share) = figure {
        // A fraction of a whole is a share, read as a percentage; "a metà
        // agosto", "the second half", "un quarto d'ora" are not. "One-fifth
        // of a mile" is a fifth of the unit.
        if let Some((u, e)) = fraction_of_unit(ctx, head.end) {
            kind = Kind::Measure;
            unit = Some(u);
            figure = Figure::Number(share / 100.0);
            end = e;
        } else if !is_share(ctx, j, head.end, hedge.is_some()) {
            return None;
        } else {
            kind = Kind::Percent;
            figure = Figure::Number(share);
        }
    }
    if kind == Kind::Count && head.yearlike && hedge.is_none() && qualifier_range.is_none() {
        // "nel 2024" is a date; only "2024 soldati" is a count.
        let noun = counted_noun(ctx, end)?;
        let _ = noun;
    }

    // "superó las 44.270 personas que habían asistido": the figure is a
    // known quantity compared with, not a bound.
    if hedged_article
        && kind == Kind::Count
        && let Some((_, e)) = counted_noun(ctx, end)
        && tokens
            .get(e)
            .is_some_and(|t| ctx.is(t, List::RelativePronouns))
    {
        hedge = None;
    }
    let (value, qualifier, interval) = normalize(figure, hedge, qualifier_range, kind)?;
    // "a quarter of a century", "mezzo secolo": centuries are counted in
    // years.
    if unit == Some(Unit::Century) {
        unit = Some(Unit::Year);
        factor *= 100.0;
    }
    let (value, interval) = if factor != 1.0 {
        (value.map(|v| v * factor), interval.scale(factor))
    } else {
        (value, interval)
    };
    let (value, interval) = if negative {
        (value.map(|v| -v), mirror(interval))
    } else {
        (value, interval)
    };
    let (counted, noun_end) = match kind {
        Kind::Count => match counted_noun(ctx, end) {
            Some((noun, e)) => (Some(noun), e),
            // "i morti sono 600", "the death toll rose to 600"; "cases
            // top 800", whose qualifier opens with its noun.
            None => {
                let own = hedge_len > 1 && ctx.is(&tokens[i], List::TollNouns);
                (toll_noun_before(ctx, i + usize::from(own)), end)
            }
        },
        _ => (None, end),
    };
    if kind == Kind::Count && tokens.get(j).is_some_and(|t| t.is_number()) {
        let bare = counted.is_none() && hedge.is_none() && qualifier_range.is_none();
        // "Boeing 737", "via Roma 1", "iOS 17"; "20121 Milano".
        let fractional = matches!(figure, Figure::Number(n) if n.fract() != 0.0) && !head.scaled;
        // "Boeing 737 crashed": a name's number before a word that is no
        // plural noun.
        let singular = counted.is_some()
            && !strength
            && !filter::plural_after(ctx, noun_end.saturating_sub(1));
        // "10 Downing Street", "Movimento 5 Stelle": a name around it.
        // A line break ends the name: "salgono a 1.200" closing a headline.
        // A name with its own number counts ("101 Boeing 737-800 jets").
        let proper = tokens
            .get(end)
            .is_some_and(|t| counted.is_some() && ctx.name_capital(t) && ctx.same_sentence(j, end))
            && !tokens.get(end + 1).is_some_and(|t| t.is_number())
            && !filter::title_case(ctx, j);
        // "10 Downing Street" goes on as a name; "porta a casa 7 Oscar
        // sulle 13 candidature" counts an invariable noun written with a
        // capital.
        let name_goes_on = tokens
            .get(end + 1)
            .is_none_or(|t| !ctx.same_sentence(j, end + 1) || ctx.name_capital(t) || t.is_number());
        // "Boeing 737-800 jets": two numbers glued by a hyphen after a
        // name are a model, not a range.
        let model = qualifier_range.is_some()
            && tokens
                .get(j + 1)
                .is_some_and(|t| t.is_punct("-") && !t.space_before)
            && tokens
                .get(j + 2)
                .is_some_and(|t| t.is_number() && !t.space_before);
        // …and its second number is no figure either.
        let model_tail = j >= 2
            && tokens[j - 1].is_punct("-")
            && !tokens[j - 1].space_before
            && !tokens[j].space_before
            && tokens[j - 2].is_number()
            && filter::after_name(ctx, j - 2);
        // "Boeing 737 MAX 9 jets": a name after a number turned down, then
        // a number, is one model.
        let series = j >= 2
            && tokens[j - 2].is_number()
            && ctx.same_sentence(j - 2, j)
            && (ctx.free(j - 2..j - 1) || capitals(ctx.text[tokens[j - 1].span].trim()));
        // "7-5, 2-6, 6-4": set scores, a pair glued by a hyphen beside
        // another such pair across a comma.
        let pair_at = |k: usize| {
            tokens.get(k).is_some_and(|t| t.is_number())
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.is_punct("-") && !t.space_before)
                && tokens
                    .get(k + 2)
                    .is_some_and(|t| t.is_number() && !t.space_before)
        };
        let score = |k: usize| {
            pair_at(k)
                && ((k >= 4 && tokens[k - 1].is_punct(",") && pair_at(k - 4))
                    || (tokens.get(k + 3).is_some_and(|t| t.is_punct(",")) && pair_at(k + 4)))
        };
        // The pair's second number too.
        let scores = score(j) || (j >= 2 && score(j - 2));
        if scores
            || model_tail
            || ((bare || fractional || singular || proper || model || series)
                && filter::after_name(ctx, j)
                && !filter::name_tally(ctx, j))
            || filter::postal_code(ctx, j)
            || (proper && singular && name_goes_on)
        {
            return None;
        }
    }
    let end = noun_end;
    // "da -34,9% a -41,6%": a minus glued before the figure is its text.
    let signed = i == j
        && i > 0
        && value.is_some_and(|v| v < 0.0)
        && !tokens[i].space_before
        && matches!(tokens[i - 1].norm.as_str(), "-" | "−" | "–");
    let start = if signed { i - 1 } else { i };
    let claim = Claim {
        span: ctx.span(start, end - 1),
        kind,
        value: Value::Quantity(Quantity {
            value,
            qualifier,
            interval,
            unit,
            currency: if kind == Kind::Money { currency } else { None },
        }),
        relative: false,
        counted: counted.map(|c| Box::new(c.into_boxed_str())),
    };
    Some((claim, i, end))
}

/// The multiplier at `at` closes its clause: after a qualifier, a count
/// of occasions, not a factor ("more than three dozen times,").
fn occasions(ctx: &Ctx, at: usize) -> bool {
    ctx.tokens.get(at + 1).is_none_or(|t| {
        !ctx.same_sentence(at, at + 1)
            || t.is_punct(",")
            || t.is_punct(".")
            || t.is_punct(";")
            || ctx.is(t, List::Conjunctions)
    })
}

/// A word written in capitals only, of two letters or more ("MAX").
fn capitals(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase())
}

/// A race time at `i` ("in 2:00:35", "a 1'15\""): a measure in seconds;
/// a duration in two or three units ("4 min 24 s"): one in the smallest;
/// a height in metres and centimetres ("6 metri e 29"): one in metres.
fn race(ctx: &Ctx, i: usize) -> Option<(Claim, usize, usize)> {
    let (seconds, unit, end) = match race_time(ctx, i) {
        Some((seconds, end)) => (seconds, Unit::Second, end),
        None => {
            forms::compound_duration(ctx, i).or_else(|| forms::metres_and_centimetres(ctx, i))?
        }
    };
    if !ctx.free(i..end) {
        return None;
    }
    let claim = Claim {
        span: ctx.span(i, end - 1),
        kind: Kind::Measure,
        value: Value::Quantity(Quantity {
            value: Some(seconds),
            qualifier: Qualifier::Exact,
            interval: Interval::point(seconds),
            unit: Some(unit),
            currency: None,
        }),
        relative: false,
        counted: None,
    };
    Some((claim, i, end))
}

/// The figure's value, qualifier and interval, per DESIGN.md's table.
fn normalize(
    figure: Figure,
    hedge: Option<Hedge>,
    range: Option<(f64, f64)>,
    kind: Kind,
) -> Option<(Option<f64>, Qualifier, Interval)> {
    let _ = kind;
    if let Some((a, b)) = range {
        // "oltre 80-120 chilometri": more than the range.
        let (qualifier, interval) = match hedge {
            Some(Hedge::MoreThan) => (
                Qualifier::MoreThan,
                Interval {
                    low: Some(a),
                    high: None,
                    low_open: true,
                    high_open: false,
                },
            ),
            Some(Hedge::AtLeast) => (
                Qualifier::AtLeast,
                Interval {
                    low: Some(a),
                    high: None,
                    low_open: false,
                    high_open: false,
                },
            ),
            _ => (Qualifier::Range, Interval::closed(a, b)),
        };
        return Some((None, qualifier, interval));
    }
    let (n, default) = match figure {
        Figure::Number(n) => (n, Qualifier::Exact),
        Figure::Round(n) => (n, Qualifier::Approx),
        Figure::Fraction(n) => (n, Qualifier::Exact),
        Figure::Vague(v) => {
            let interval = Interval::closed(v.low, v.high);
            return Some((None, Qualifier::Vague, interval));
        }
    };
    let open = |low: Option<f64>, high: Option<f64>, low_open: bool, high_open: bool| Interval {
        low,
        high,
        low_open,
        high_open,
    };
    // "solo una treintena", "only a dozen or so": "only" makes a round
    // word no more exact.
    let hedge = match hedge {
        Some(Hedge::Exact) if default == Qualifier::Approx => None,
        other => other,
    };
    let hedge = hedge.unwrap_or(if default == Qualifier::Approx {
        Hedge::Approx
    } else {
        Hedge::Exact
    });
    // "-60% circa": a negative figure's ends in order.
    let between = |a: f64, b: f64| Interval::closed(a.min(b), a.max(b));
    let (qualifier, interval) = match hedge {
        Hedge::Exact => (Qualifier::Exact, Interval::point(n)),
        Hedge::Approx => (
            Qualifier::Approx,
            between(n * (1.0 - APPROX), n * (1.0 + APPROX)),
        ),
        Hedge::Below => (Qualifier::Approx, between(n * (1.0 - APPROX), n)),
        Hedge::Nearing => (Qualifier::AtMost, between(n * (1.0 - APPROX), n)),
        Hedge::MoreThan => (Qualifier::MoreThan, open(Some(n), None, true, false)),
        Hedge::AtLeast => (Qualifier::AtLeast, open(Some(n), None, false, false)),
        Hedge::LessThan => (Qualifier::LessThan, open(Some(0.0), Some(n), false, true)),
        Hedge::JustUnder => (
            Qualifier::LessThan,
            open(Some(n * (1.0 - APPROX)), Some(n), false, true),
        ),
        Hedge::AtMost => (Qualifier::AtMost, open(Some(0.0), Some(n), false, false)),
    };
    Some((Some(n), qualifier, interval))
}

/// Reads a figure and its scale at `j`; `hedged` is the qualifier before
/// it ("oltre un chilometro", "more than an hour", "meno di un figlio").
fn read_head(ctx: &Ctx, j: usize, money: bool, hedged: Option<Hedge>) -> Option<Head> {
    let tokens = ctx.tokens;
    let token = tokens.get(j)?;
    // "$.68": a currency symbol, then the decimal mark and the cents.
    if money
        && token.is_punct(".")
        && let Some(cents) = tokens.get(j + 1).filter(|t| {
            t.is_number() && !t.space_before && t.norm.bytes().all(|b| b.is_ascii_digit())
        })
        && let Ok(value) = format!("0.{}", cents.norm).parse::<f64>()
    {
        return Some(Head {
            figure: Figure::Number(value),
            end: j + 2,
            yearlike: false,
            scaled: false,
        });
    }
    let (figure, mut end, yearlike, plain_digits) = if token.is_number() {
        let digits = parse_digits_with(&token.norm, ctx.decimal)?;
        if digits.leading_zero {
            return None;
        }
        // "10 000": thousands groups after plain spaces.
        let mut value = digits.value;
        let mut end = j + 1;
        if digits.plain && token.norm.len() <= 3 {
            while let Some(group) = tokens.get(end).filter(|t| {
                t.is_number()
                    && t.space_before
                    && !t.newline_before
                    && t.norm.len() == 3
                    && t.norm.bytes().all(|b| b.is_ascii_digit())
            }) {
                value = value * 1000.0 + group.norm.parse::<f64>().unwrap_or(0.0);
                end += 1;
            }
            // "3 338,8": the last group may carry the decimals.
            if let Some(decimals) = tokens
                .get(end)
                .and_then(|t| last_group_with_decimals(t, ctx.decimal))
            {
                value = value * 1000.0 + decimals;
                end += 1;
            }
        }
        // "2¾%": a vulgar fraction glued to the digits.
        if let Some(f) = tokens
            .get(end)
            .filter(|t| !t.space_before)
            .and_then(|t| vulgar_fraction(&t.norm))
        {
            value += f;
            end += 1;
        }
        // "da -34,9% a -41,7%": a minus sign glued to the figure, after a
        // space or an opening bracket (not "10-12", a range).
        if j > 0 && !token.space_before && matches!(tokens[j - 1].norm.as_str(), "-" | "−" | "–")
        {
            let sign = &tokens[j - 1];
            let opens = j == 1 || sign.space_before || tokens[j - 2].is_punct("(");
            if opens && !(j > 1 && tokens[j - 2].is_number() && !sign.space_before) {
                value = -value;
            }
        }
        // "35-hundred", "4-thousand": the figure times the scale word.
        if digits.plain
            && value < 100.0
            && let Some(times) = hyphen_scale(ctx, end)
        {
            value *= times;
            end += 2;
        }
        let grouped = end > j + 1;
        let yearlike = digits.plain
            && !grouped
            && (1000.0..=2100.0).contains(&digits.value)
            && digits.value.fract() == 0.0;
        (Figure::Number(value), end, yearlike, digits.plain)
    } else if token.is_word() {
        // Round words, vague words and fractions are lexicon phrases.
        let entry = ctx
            .lexicon
            .lookup(&tokens[j..])
            .find(|(_, e)| matches!(e, Entry::Round(_) | Entry::Vague(_) | Entry::Fraction(_)))
            .or_else(|| half_before_points(ctx, j));
        let words = parse_words(&tokens[j..], ctx.vocab);
        match (entry, words) {
            // "milioni di persone" is vague, "due milioni" a number.
            (Some((n, e)), Some((w, m)))
                if m > n || (m == n && !matches!(e, Entry::Vague(_) | Entry::Round(_))) =>
            {
                (Figure::Number(w), j + m, false, false)
            }
            (Some((n, Entry::Round(v))), _) => (Figure::Round(v), j + n, false, false),
            (Some((n, Entry::Vague(v))), _) => (Figure::Vague(v), j + n, false, false),
            (Some((n, Entry::Fraction(v))), _) => {
                // "half a million" is a number, "half of" a share.
                (Figure::Fraction(v), j + n, false, false)
            }
            (_, Some((w, m))) if hyphen_digits(ctx, j + m, w).is_some() => {
                // "three-thousand-200": the digits fill the last scale.
                let v = hyphen_digits(ctx, j + m, w).unwrap_or(0.0);
                (Figure::Number(w + v), j + m + 2, false, false)
            }
            (_, Some((w, m))) if smaller_group(ctx, j + m, w).is_some() => {
                // "un milione e 300 mila": digits and a smaller scale on top.
                let (more, n) = smaller_group(ctx, j + m, w).unwrap_or((0.0, 0));
                (Figure::Number(w + more), j + m + n, false, false)
            }
            (_, Some((w, m))) => {
                let weak = m == 1
                    && ctx
                        .vocab
                        .word_is(token.norm.trim_end_matches('\''), List::WeakNumberWords);
                let scaled_next = tokens.get(j + 1).is_some_and(|t| {
                    ctx.lexicon
                        .lookup(&tokens[j + 1..])
                        .any(|(_, e)| matches!(e, Entry::Scale(_)))
                        && t.is_word()
                });
                // "un punto percentuale", "sei mesi": a weak word before
                // points, or one above one before a unit ("un anno" is not).
                // "una settimana di trattative", "un mese esatto": one
                // unit, followed by what it measures or a hedge, or after
                // one ("oltre un chilometro", "poco più di un'ora").
                let measured_next = tokens.get(j + 1).is_some()
                    && ctx.lexicon.lookup(&tokens[j + 1..]).any(|(n, e)| match e {
                        // "fewer than one percent", "one percentage
                        // point"; "at one point" is no figure.
                        Entry::Percent => true,
                        Entry::Points(_) => n > 1,
                        Entry::Unit(u) => {
                            let after = j + 1 + n;
                            // Not before "et demie" unread: "environ une
                            // heure et demie" is no hour.
                            let glued_on = tokens
                                .get(after)
                                .is_some_and(|t| ctx.is(t, List::NumberGlue));
                            w > 1.0
                                || (hedged.is_some() && !glued_on)
                                || tokens.get(after).is_some_and(|t| ctx.is(t, List::Links))
                                || hedge_after(ctx, after).is_some()
                                || half_after(ctx, after, u, w).is_some()
                                || smaller_duration_after(ctx, after, u)
                        }
                        // "quasi un euro in più", "less than a dollar":
                        // one of a currency after a qualifier.
                        Entry::Currency(_) => hedged.is_some(),
                        _ => false,
                    });
                // "almeno altre sei": after "altre", "sei" is a number.
                let more_before = w > 1.0
                    && j.checked_sub(1).is_some_and(|p| {
                        ctx.data
                            .difference_inside
                            .contains(&tokens[p].norm.as_str())
                    });
                // "meno di un figlio per donna": one of what it counts,
                // after a qualifier of two words or more ("under an air
                // quality warning" is a preposition).
                let long_hedge = j >= 2
                    && ctx
                        .lexicon
                        .lookup(&tokens[j - 2..])
                        .any(|(n, e)| n == 2 && matches!(e, Entry::Hedge(_)));
                let hedged_noun = matches!(
                    hedged,
                    Some(Hedge::LessThan | Hedge::JustUnder | Hedge::AtMost)
                ) && long_hedge
                    && tokens
                        .get(j + 1)
                        .is_some_and(|t| t.is_word() && !ctx.is(t, List::Stopwords))
                    && ctx.lexicon.lookup(&tokens[j + 1..]).next().is_none();
                if weak && !scaled_next && !measured_next && !more_before && !hedged_noun {
                    return None;
                }
                // "i Ventisette", "Movimento Cinque Stelle": a number word
                // with a capital inside its sentence, after a word, names
                // something.
                let named = j.checked_sub(1).is_some_and(|p| {
                    tokens[p].is_word()
                        && ctx.same_sentence(p, j)
                        && ctx.name_capital(token)
                        && !filter::title_case(ctx, j)
                });
                // "resistere a venti fino a 270 km/h": a word before a
                // qualifier and its figure is no figure of its own.
                let hedge_next = tokens.get(j + m).is_some()
                    && ctx.lexicon.lookup(&tokens[j + m..]).any(|(n, e)| {
                        matches!(e, Entry::Hedge(_))
                            && tokens.get(j + m + n).is_some_and(|t| t.is_number())
                    });
                if named || (m == 1 && hedge_next && hedged.is_none() && !more_before) {
                    return None;
                }
                let homograph = ctx.data.homographs.contains(&token.norm.as_str());
                if homograph
                    && m == 1
                    && !scaled_next
                    && !measured_next
                    && word_before_digits(ctx, j)
                {
                    return None;
                }
                // "i due Paesi", "the two leaders": known things, not a count.
                // "supera i quattro punti": after a qualifier, the
                // article is the qualifier's.
                let measured_after = tokens.get(j + m).is_some()
                    && ctx.lexicon.lookup(&tokens[j + m..]).any(|(_, e)| {
                        matches!(e, Entry::Percent | Entry::Points(_) | Entry::Unit(_))
                    });
                let after_article = (hedged.is_none() || w < 1.0 || !measured_after)
                    && j.checked_sub(1)
                        .is_some_and(|p| ctx.is(&tokens[p], List::Articles));
                // "les trois derniers mois": a span of time all the same.
                let span_next = tokens
                    .get(j + 1)
                    .is_some_and(|t| ctx.is(t, List::UnitAdjectives))
                    && tokens.get(j + 2).is_some()
                    && ctx
                        .lexicon
                        .lookup(&tokens[j + 2..])
                        .any(|(_, e)| matches!(e, Entry::Unit(_)));
                // "in the four weeks to March 2", "the eight-day
                // expedition": a span of time.
                let duration_at = |k: usize| {
                    tokens.get(k).is_some()
                        && ctx.lexicon.lookup(&tokens[k..]).any(|(_, e)| {
                            matches!(e, Entry::Unit(u) if u.dimension() == Dimension::Duration)
                        })
                };
                let hyphen = tokens
                    .get(j + m)
                    .is_some_and(|t| t.is_punct("-") && !t.space_before)
                    && tokens.get(j + m + 1).is_some_and(|t| !t.space_before);
                let duration_next = duration_at(j + m) || (hyphen && duration_at(j + m + 1));
                if after_article && w < 20.0 && !scaled_next && !span_next && !duration_next {
                    return None;
                }
                (Figure::Number(w), j + m, false, false)
            }
            _ => return None,
        }
    } else {
        return None;
    };
    let mut scaled = false;
    let mut figure = figure;
    if let Figure::Number(n) = figure
        && let Some(next) = tokens.get(end)
    {
        let scale = ctx.lexicon.lookup(&tokens[end..]).find_map(|(len, e)| {
            if let Entry::Scale(s) = e {
                Some((len, s))
            } else {
                None
            }
        });
        if let Some((len, s)) = scale {
            let short = next.norm.len() <= 2;
            let attached = !next.space_before;
            if (!short || attached || money)
                && !length_letter(ctx, end, len)
                && (money || !metres_with_centimetres(ctx, end - 1, len))
            {
                figure = Figure::Number(crate::extract::scaled_exactly(n, s));
                end += len;
                scaled = true;
                // "2 milioni e mezzo": half the scale on top.
                if let (Some(glue), Some(half)) = (tokens.get(end), tokens.get(end + 1))
                    && ctx.is(glue, List::NumberGlue)
                    && ctx
                        .vocab
                        .number(half)
                        .is_some_and(|m| m == [NumberWord::Half])
                {
                    figure = Figure::Number(n * s + s / 2.0);
                    end += 2;
                } else if let Some((more, n2)) = smaller_group(ctx, end, n * s) {
                    // "1 milione e 300 mila", "58 milioni 990 mila": the
                    // smaller scale on top.
                    figure = Figure::Number(n * s + more);
                    end += n2;
                }
            }
        }
    }
    let _ = plain_digits;
    Some(Head {
        figure,
        end,
        yearlike: yearlike && !scaled,
        scaled,
    })
}

/// "$5.90 a dozen", "3 euro la dozzina": a round word with its article
/// right after a price is the unit sold, not a count.
fn unit_of_sale(ctx: &Ctx, before: Option<&Claim>, claim: &Claim, first: usize) -> bool {
    let Some(price) = before.filter(|c| c.kind == Kind::Money) else {
        return false;
    };
    let round = claim.kind == Kind::Count
        && claim.counted.is_none()
        && (ctx.is(&ctx.tokens[first], List::Articles)
            || ctx.is(&ctx.tokens[first], List::WeakNumberWords));
    let gap = ctx
        .text
        .get(price.span.end..claim.span.start)
        .unwrap_or(",");
    round && gap.trim().is_empty()
}

/// The value of a vulgar fraction character (`¾` is 0.75).
fn vulgar_fraction(text: &str) -> Option<f64> {
    Some(match text {
        "¼" => 0.25,
        "½" => 0.5,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        _ => return None,
    })
}

/// A hundred or scale word glued by a hyphen at `dash` ("35-hundred"):
/// its factor.
/// "mezzo punto", "a half-point cut": the half number word ("mezzo",
/// "half") before percentage points is the fraction one half, as "un
/// quarto di punto" is a quarter.
fn half_before_points(ctx: &Ctx, j: usize) -> Option<(usize, Entry)> {
    let tokens = ctx.tokens;
    let half = ctx
        .vocab
        .number(tokens.get(j)?)
        .is_some_and(|m| m == [NumberWord::Half]);
    let glued = tokens
        .get(j + 1)
        .is_some_and(|t| t.is_punct("-") && !t.space_before);
    let next = j + 1 + usize::from(glued);
    let points = tokens.get(next).is_some()
        && ctx
            .lexicon
            .lookup(&tokens[next..])
            .any(|(_, e)| matches!(e, Entry::Points(_)));
    (half && points).then_some((1, Entry::Fraction(50.0)))
}

/// A phrase of `difference_after` ("in meno", "more than") starts at `k`.
fn difference_follows(ctx: &Ctx, k: usize) -> bool {
    let tokens = ctx.tokens;
    ctx.data.difference_after.iter().any(|phrase| {
        let words: Vec<&str> = phrase.split(' ').collect();
        words.len() > 1
            && words.iter().enumerate().all(|(n, w)| {
                tokens.get(k + n).is_some_and(|t| {
                    ctx.same_sentence(k, k + n) && crate::text::token::folds_to(w, &t.norm)
                })
            })
    })
}

fn hyphen_scale(ctx: &Ctx, dash: usize) -> Option<f64> {
    let tokens = ctx.tokens;
    let (d, word) = (tokens.get(dash)?, tokens.get(dash + 1)?);
    if !d.is_punct("-") || d.space_before || word.space_before || !word.is_word() {
        return None;
    }
    match ctx.vocab.number(word)?.as_slice() {
        [NumberWord::Hundred] => Some(100.0),
        [NumberWord::Scale(s)] => Some(*s),
        _ => None,
    }
}

/// Plain digits glued by a hyphen at `dash` after number words worth
/// `words` that end in a round hundred or thousand, and below it
/// ("three-thousand-200", "two-hundred-50"): their value.
fn hyphen_digits(ctx: &Ctx, dash: usize, words: f64) -> Option<f64> {
    let tokens = ctx.tokens;
    let (d, digits) = (tokens.get(dash)?, tokens.get(dash + 1)?);
    if !d.is_punct("-") || d.space_before || digits.space_before || !digits.is_number() {
        return None;
    }
    if !digits.norm.bytes().all(|b| b.is_ascii_digit()) || digits.norm.starts_with('0') {
        return None;
    }
    let v: f64 = digits.norm.parse().ok()?;
    let round = [1000.0, 100.0]
        .into_iter()
        .find(|r| words >= *r && words % r == 0.0)?;
    (v < round).then_some(v)
}

/// The scale the second figure of a change, after the joiner at
/// `joiner_at`, lends a first one worth `a`: when it has one and `a` times
/// it is within ten times of the second.
fn change_scale(ctx: &Ctx, joiner_at: usize, frame: Option<&str>, a: f64) -> Option<f64> {
    let joiner = ctx.tokens.get(joiner_at)?;
    // "von 10 auf 20 Millionen": the language's joiner of a change too.
    let change_joiner = ctx
        .data
        .change_joiners
        .iter()
        .any(|j| crate::text::token::folds_to(j, &joiner.norm));
    let joins = change_joiner
        || frame.map_or_else(|| ctx.is(joiner, List::RangeJoiners), |w| joiner.norm == w);
    if !joins || !ctx.same_sentence(joiner_at, joiner_at + 1) {
        return None;
    }
    // "da 33 a quasi 40 milioni": a qualifier before the second end.
    let hedged = ctx
        .lexicon
        .lookup(&ctx.tokens[(joiner_at + 1).min(ctx.tokens.len())..])
        .find_map(|(n, e)| matches!(e, Entry::Hedge(_)).then_some(n))
        .unwrap_or(0);
    let second = read_head(ctx, joiner_at + 1 + hedged, false, None)?;
    let Figure::Number(b) = second.figure else {
        return None;
    };
    let scale = scale_of(ctx, second.end);
    let within = (b / 10.0..=b * 10.0).contains(&(a * scale));
    (second.scaled && scale > 1.0 && within).then_some(scale)
}

fn scale_of(ctx: &Ctx, end: usize) -> f64 {
    let tokens = ctx.tokens;
    (1..=2)
        .filter_map(|back| end.checked_sub(back))
        .find_map(|at| {
            ctx.lexicon
                .lookup(&tokens[at..end])
                .find_map(|(len, e)| match e {
                    Entry::Scale(s) if at + len == end => Some(s),
                    _ => None,
                })
        })
        .unwrap_or(1.0)
}

/// After a range's first end, a percent sign or unit may repeat before the
/// joiner ("40% and 45%"): returns where the joiner would be.
fn skip_suffix(ctx: &Ctx, end: usize) -> usize {
    match ctx
        .lexicon
        .lookup(&ctx.tokens[end.min(ctx.tokens.len())..])
        .next()
    {
        Some((n, Entry::Percent | Entry::Unit(_) | Entry::Currency(_))) => {
            let after = end + n;
            let joiner = ctx.tokens.get(after).map(|t| t.norm.as_str());
            let joins = joiner.is_some_and(|w| {
                matches!(w, "-" | "–")
                    || ctx.vocab.word_is(w, List::RangeJoiners)
                    || ctx.data.range_frames.iter().any(|(_, j)| *j == w)
            });
            if joins { after } else { end }
        }
        _ => end,
    }
}

/// An elliptic range ("14 et 19 degrés") needs a unit after its second end
/// that is no duration: "de 14 y 16 años" lists two ages.
fn unit_shared(ctx: &Ctx, end: usize) -> bool {
    ctx.lexicon
        .lookup(&ctx.tokens[end.min(ctx.tokens.len())..])
        .any(|(_, e)| matches!(e, Entry::Unit(u) if u.dimension() != Dimension::Duration))
}

/// "de 10, 12 y 14 grados": the figure closes a list, not a range.
fn listed(ctx: &Ctx, i: usize) -> bool {
    let before = |back: usize| i.checked_sub(back).map(|p| &ctx.tokens[p]);
    let start = if before(1).is_some_and(|t| ctx.is(t, List::Articles)) {
        2
    } else {
        1
    };
    before(start).is_some_and(|t| t.is_punct(","))
        && before(start + 1).is_some_and(|t| t.is_number() || ctx.vocab.is_number_word(t))
}

/// "10-12,000": a first end below a thousand before a second end written
/// with thousands groups, of the same order once multiplied.
fn thousands_shorthand(
    ctx: &Ctx,
    j: usize,
    head: &Head,
    k: usize,
    second: &Head,
    a: f64,
    b: f64,
) -> bool {
    let plain_first = head.end == j + 1 && ctx.tokens.get(j).is_some_and(|t| t.is_number());
    let grouped_second = second.end == k + 1
        && ctx.tokens.get(k).is_some_and(|t| {
            t.is_number() && t.norm.contains(['.', ',', ' ', '\u{a0}', '\u{202f}'])
        });
    plain_first && grouped_second && a < 1000.0 && b >= 1000.0 && a * 1000.0 < b && a * 10_000.0 > b
}

/// A fraction read at `j..end` is a share of a whole: a link follows ("un
/// terzo dei", "a third of", "half the") or a qualifier precedes it, and
/// no blocker ("a metà", "the second half") nor a unit or year follows.
/// "climb by a third", "cali di un quarto": a verb and the link of a
/// difference before the fraction at `j` make it the size of a change.
fn change_by(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let (Some(link), Some(verb)) = (
        j.checked_sub(1).and_then(|p| tokens.get(p)),
        j.checked_sub(2).and_then(|p| tokens.get(p)),
    ) else {
        return false;
    };
    ctx.data.difference_links.contains(&link.norm.as_str())
        && verb.is_word()
        && !ctx.is(verb, List::Stopwords)
        && !ctx.is(verb, List::Articles)
        && !ctx.is(verb, List::Links)
}

/// Words a number word may stand before digits for it to read as a noun.
const HOMOGRAPH_REACH: usize = 4;

/// "con un picco dei venti a 290 km/h", "venti sostenuti di circa 195
/// km/h": a number word that is also a noun (the `homographs` row), that
/// digits follow within a few words with no punctuation between, is the
/// noun ("venti", winds), not a count — unless a range frame opens it.
fn word_before_digits(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    // "da venti a 30 km/h", "tra venti e trenta": a range all the same.
    let framed = j.checked_sub(1).is_some_and(|p| {
        ctx.data
            .range_frames
            .iter()
            .any(|(a, _)| tokens[p].norm == *a)
    });
    !framed
        && tokens
            .iter()
            .skip(j + 1)
            .take(HOMOGRAPH_REACH)
            .take_while(|t| t.is_word() || t.is_number())
            .any(|t| t.is_number())
}

/// "si parla di un terzo partner", "for a third term": after "di"/"by",
/// the fraction's word is an ordinal when a word that is no function
/// word, unit or comparison follows it (a change by a share is followed
/// by punctuation, a function word or a comparison: "è cresciuto di un
/// terzo rispetto al 2020", "cut by a quarter point").
fn ordinal_before_noun(ctx: &Ctx, end: usize) -> bool {
    let next = &ctx.tokens[end];
    let function_word = [
        List::Stopwords,
        List::Articles,
        List::Links,
        List::FractionLinks,
    ]
    .into_iter()
    .any(|l| ctx.is(next, l));
    let comparison = ctx
        .data
        .baselines
        .iter()
        .any(|b| b.split(' ').next() == Some(next.norm.as_str()));
    let measure = ctx
        .lexicon
        .lookup(&ctx.tokens[end..])
        .any(|(_, e)| matches!(e, Entry::Unit(_) | Entry::Points(_)));
    next.is_word() && !function_word && !comparison && !measure
}

fn is_share(ctx: &Ctx, j: usize, end: usize, hedged: bool) -> bool {
    let tokens = ctx.tokens;
    let blocked = j
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| ctx.is(p, List::FractionBlockers));
    if blocked {
        return false;
    }
    let Some(next) = tokens.get(end) else {
        return hedged;
    };
    // "un terzo in meno rispetto a Pasqua", "a third more than after that
    // storm": a fraction of a difference. Not a whole number of tenths:
    // "un decimo in più delle attese" is a tenth of a point.
    let tenths = ctx
        .lexicon
        .lookup(&tokens[j..])
        .any(|(_, e)| matches!(e, Entry::Fraction(v) if v % 10.0 == 0.0));
    if !tenths && difference_follows(ctx, end) {
        return true;
    }
    let linked = ctx.is(next, List::FractionLinks);
    if !linked {
        return (hedged || (change_by(ctx, j) && !ordinal_before_noun(ctx, end)))
            && !next.is_number();
    }
    // What the link leads to: not an hour or a year.
    let mut k = end + 1;
    while tokens.get(k).is_some_and(|t| {
        ctx.is(t, List::Articles)
            || ctx.is(t, List::FractionLinks)
            || ctx.is(t, List::WeakNumberWords)
    }) {
        k += 1;
    }
    let Some(whole) = tokens.get(k) else {
        return false;
    };
    let unit = ctx
        .lexicon
        .lookup(&tokens[k..])
        .any(|(_, e)| matches!(e, Entry::Unit(_)));
    // "due terzi delle 1.240 scuole" is a share; "metà del 2025" a date.
    let year = whole.is_number()
        && parse_digits_with(&whole.norm, ctx.decimal).is_some_and(|d| {
            d.plain && (1000.0..=2100.0).contains(&d.value) && d.value.fract() == 0.0
        });
    !(unit || year)
}

/// The currency symbol of `n` tokens at `k`, after a space, belongs to the
/// figure after it, not the one before: "50 € 30" is unclear, so a symbol
/// after a space follows its figure only in a language that writes it so
/// ("1.200 €", "1 200 €") and when no figure comes right after it.
fn symbol_before_next(ctx: &Ctx, k: usize, n: usize) -> bool {
    let token = &ctx.tokens[k];
    if !token.norm.starts_with(['$', '€', '£']) || !token.space_before {
        return false;
    }
    !ctx.data.symbol_after || ctx.tokens.get(k + n).is_some_and(|t| t.is_number())
}

/// "up to 8m high", "a 10m-deep shaft": a letter that is both a scale and
/// a unit, before an adjective of length, is the unit.
fn length_letter(ctx: &Ctx, at: usize, len: usize) -> bool {
    let tokens = &ctx.tokens;
    let unit = ctx
        .lexicon
        .lookup(&tokens[at..])
        .any(|(n, e)| n == len && matches!(e, Entry::Unit(_)));
    let mut k = at + len;
    if tokens
        .get(k)
        .is_some_and(|t| t.is_punct("-") && !t.space_before)
    {
        k += 1;
    }
    unit && tokens
        .get(k)
        .is_some_and(|t| ctx.is(t, List::DimensionAdjectives))
}

/// "6.30m in the men's final", "a 1.85m centre": a glued letter that is
/// both a scale and a unit, after a figure of one digit and two decimals
/// (metres and centimetres) that no noun follows, is the unit; "3.45m
/// people" and "£6.30m" are millions.
fn metres_with_centimetres(ctx: &Ctx, figure: usize, len: usize) -> bool {
    let tokens = &ctx.tokens;
    let letter = figure + 1;
    let unit = ctx
        .lexicon
        .lookup(&tokens[letter..])
        .any(|(n, e)| n == len && matches!(e, Entry::Unit(Unit::M)));
    let written = tokens[figure].norm.as_bytes();
    let centimetres = written.len() == 4
        && written[0].is_ascii_digit()
        && matches!(written[1], b'.' | b',')
        && written[2..].iter().all(u8::is_ascii_digit);
    let noun_after = tokens
        .get(letter + len)
        .is_some_and(|t| t.is_word() && !t.newline_before && !ctx.is(t, List::Stopwords));
    unit && centimetres && !tokens[letter].space_before && !noun_after
}

/// A currency symbol or code directly before the figure, and its tokens.
fn currency_symbol(ctx: &Ctx, j: usize) -> Option<(Currency, usize)> {
    let token = ctx.tokens.get(j)?;
    // Before a figure, a currency word is an ISO code written in capitals
    // ("USD 5m", "US$"), never a word of the sentence ("won 37%").
    let capitals = ctx.text[token.span].chars().all(|c| c.is_ascii_uppercase());
    let code = token.norm.len() == 3 && capitals;
    // "C$", "A$", "HK$": a country's letters glued to the dollar sign.
    let dollar = |k: usize| {
        ctx.tokens
            .get(k)
            .is_some_and(|t| t.norm == "$" && !t.space_before)
    };
    let country = capitals && token.norm.len() <= 2 && dollar(j + 1);
    if token.is_word() && !code && !country && token.norm != "us" {
        return None;
    }
    // "S$ 5m" of a dollar factcheck does not know is no US dollar.
    if token.norm == "$"
        && !token.space_before
        && j > 0
        && ctx.tokens[j - 1].is_word()
        && ctx.tokens[j - 1].norm != "us"
    {
        return None;
    }
    let (n, entry) = ctx
        .lexicon
        .lookup(&ctx.tokens[j..])
        .find(|(_, e)| matches!(e, Entry::Currency(_)))?;
    let Entry::Currency(c) = entry else {
        return None;
    };
    // A symbol or an ISO code directly before the figure ("US$" is two
    // tokens, written together).
    let next = ctx.tokens.get(j + n)?;
    let glued = (1..n).all(|k| ctx.tokens.get(j + k).is_some_and(|t| !t.space_before));
    // "$.68": the decimal mark before the cents.
    let cents = next.is_punct(".")
        && !next.space_before
        && ctx
            .tokens
            .get(j + n + 1)
            .is_some_and(|t| t.is_number() && !t.space_before);
    (n <= 2 && glued && (next.is_number() || cents)).then_some((c, n))
}

fn is_article(ctx: &Ctx, j: usize) -> bool {
    // "quasi il 60 per cento", "près de la moitié".
    let fraction = || {
        ctx.tokens.get(j + 1).is_some_and(|t| {
            ctx.lexicon
                .lookup(&ctx.tokens[j + 1..])
                .any(|(_, e)| matches!(e, Entry::Fraction(_)))
                && t.is_word()
        })
    };
    // "superava i nove milioni", "superano le duemila": number words of a
    // thousand and more ("i due Paesi" names known things).
    let large_words = || {
        ctx.tokens.get(j + 1).is_some()
            && parse_words(&ctx.tokens[j + 1..], ctx.vocab).is_some_and(|(v, _)| v >= 1000.0)
    };
    // "supera i quattro punti percentuali": number words before a percent,
    // a unit or a scale.
    let measured_words = || {
        ctx.tokens.get(j + 1).is_some()
            && parse_words(&ctx.tokens[j + 1..], ctx.vocab).is_some_and(|(v, n)| {
                v >= 1.0
                    && ctx.tokens.get(j + 1 + n).is_some()
                    && ctx.lexicon.lookup(&ctx.tokens[j + 1 + n..]).any(|(_, e)| {
                        matches!(
                            e,
                            Entry::Percent | Entry::Points(_) | Entry::Unit(_) | Entry::Scale(_)
                        )
                    })
            })
    };
    ctx.tokens
        .get(j)
        .is_some_and(|t| ctx.is(t, List::HedgeArticles))
        && (ctx.tokens.get(j + 1).is_some_and(|t| t.is_number())
            || fraction()
            || large_words()
            || measured_words())
}

/// "aumentó un 25% hasta los 34.655 millones", "subió 50 euros hasta 900
/// euros": a change word, a figure, then a one-word hedge at `i`, with no
/// comma between and no difference link right before the hedge ("rose by
/// up to 4%"): the end point of the change, no bound ("rose 5% to as much
/// as 300" keeps its).
fn rise_then_end(ctx: &Ctx, i: usize) -> bool {
    let tokens = ctx.tokens;
    let mut figure = false;
    for p in (i.saturating_sub(6)..i).rev() {
        let t = &tokens[p];
        // A link after the figure ("aumentó un 25% hasta") is the
        // difference's; one right before the hedge ("by up to") is not.
        let link = ctx.data.difference_links.contains(&t.norm.as_str());
        if !ctx.same_sentence(p, i) || t.is_punct(",") || (link && !figure) {
            return false;
        }
        if ctx.is(t, List::ChangeWords) {
            return figure;
        }
        figure |= t.is_number();
    }
    false
}

/// The value of a last thousands group written with the language's
/// decimal mark after a space ("338,8" in "3 338,8"), if `t` is one.
fn last_group_with_decimals(t: &Token, mark: DecimalMark) -> Option<f64> {
    let sep = match mark {
        DecimalMark::Comma => ',',
        DecimalMark::Point => '.',
        DecimalMark::Unsure => return None,
    };
    let (int, frac) = t.norm.split_once(sep)?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !t.is_number()
        || !t.space_before
        || t.newline_before
        || int.len() != 3
        || !digits(int)
        || !digits(frac)
    {
        return None;
    }
    format!("{int}.{frac}").parse().ok()
}

/// The word at `k` is a language's bare point ("punto", "point"), one of
/// its `share_points`.
fn is_bare_point(ctx: &Ctx, k: usize) -> bool {
    ctx.tokens.get(k).is_some_and(|t| {
        ctx.data
            .share_points
            .iter()
            .any(|w| crate::text::token::folds_to(w, &t.norm))
    })
}

/// A bare points word at `k` ("9,3 Punkte", "15 points") after a figure
/// below 100 that starts at `i`, in a sentence that gives a share in
/// percent (`LangData::share_points`): percentage points. An index's
/// "11.600 puntos" and a league's points stay counts.
fn share_points(ctx: &Ctx, i: usize, k: usize, figure: Figure) -> bool {
    let tokens = ctx.tokens;
    let Figure::Number(n) = figure else {
        return false;
    };
    let points = tokens.get(k).is_some_and(|t| {
        ctx.data
            .share_points
            .iter()
            .any(|w| crate::text::token::folds_to(w, &t.norm))
    });
    if !(points && n.abs() < 100.0 && ctx.same_sentence(i, k)) {
        return false;
    }
    // A figure and a percent word after it, in the same sentence.
    let near = i.saturating_sub(60)..(k + 60).min(tokens.len());
    near.into_iter().any(|p| {
        p > i.saturating_sub(60)
            && ctx.same_sentence(p, i)
            && tokens[p - 1].is_number()
            && ctx
                .lexicon
                .lookup(&tokens[p..])
                .any(|(_, e)| matches!(e, Entry::Percent))
    })
}
