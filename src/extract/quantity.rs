//! Counts, money, percentages and measures: an optional qualifier, a figure
//! (digits, number words, a round or vague word, a fraction), an optional
//! scale, a range's second end, then what the figure is: a percentage, a
//! unit, a currency or the noun it counts.

use crate::claim::{Claim, Interval, Kind, Qualifier, Quantity, Value};
use crate::lang::{Entry, Hedge, Vague};
use crate::units::{Currency, Unit};

use super::Ctx;
use super::context::counted_noun;
use super::number::{parse_digits, parse_words};

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
                out.push(claim);
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
    let tokens = ctx.tokens;
    let mut j = i;
    let mut hedge = None;
    let mut range_join: Option<&str> = None;
    // Qualifier ("più di", "about") or range frame ("tra", "between").
    if let Some((n, Entry::Hedge(h))) = ctx
        .lexicon
        .lookup(&tokens[j..])
        .find(|(_, e)| matches!(e, Entry::Hedge(_)))
    {
        hedge = Some(h);
        j += n;
    } else if let Some(&(_, joiner)) = ctx
        .data
        .range_frames
        .iter()
        .find(|(open, _)| tokens[j].norm == *open)
    {
        range_join = Some(joiner);
        j += 1;
    }
    // An article after a qualifier: "quasi il 60 per cento".
    if j > i && j < tokens.len() && is_article(ctx, j) {
        j += 1;
    } else if hedge.is_some()
        && tokens
            .get(j)
            .is_some_and(|t| ctx.data.articles.contains(&t.norm.as_str()))
    {
        // "fewer than the 20 million euros": a comparison, not a hedge.
        return None;
    }
    let mut currency = None;
    if let Some(c) = currency_symbol(ctx, j) {
        currency = Some(c);
        j += 1;
    }
    let head = read_head(ctx, j, currency.is_some())?;
    if !ctx.free(j..head.end) || !ctx.same_sentence(i, head.end - 1) {
        return None;
    }
    if head_is_not_a_quantity(ctx, j, &head) {
        return None;
    }
    let mut end = head.end;
    let mut figure = head.figure;
    let mut qualifier_range = None;

    // A range: "10-12 mila", "tra 300 e 400", "11,000 to 12,000".
    let suffix_end = skip_suffix(ctx, end);
    let joiner_at = suffix_end;
    if let Some(tok) = tokens.get(joiner_at) {
        let dash = matches!(tok.norm.as_str(), "-" | "–" | "—");
        let joins = range_join.is_some_and(|w| tok.norm == w)
            || (range_join.is_none()
                && hedge.is_none()
                && ctx.data.range_joiners.contains(&tok.norm.as_str()))
            || (dash && range_join.is_none());
        if joins && matches!(figure, Figure::Number(_)) {
            let mut k = joiner_at + 1;
            if currency.is_some() && currency_symbol(ctx, k).is_some() {
                k += 1;
            }
            if let Some(second) = read_head(ctx, k, currency.is_some())
                && let (Figure::Number(a), Figure::Number(b)) = (figure, second.figure)
            {
                let a = if second.scaled && !head.scaled {
                    a * scale_of(ctx, second.end)
                } else {
                    a
                };
                if a < b && ctx.free(k..second.end) && !second.yearlike {
                    qualifier_range = Some((a, b));
                    end = second.end;
                }
            }
        }
    }
    if range_join.is_some() && qualifier_range.is_none() {
        return None;
    }
    if let Some((a, _)) = qualifier_range {
        figure = Figure::Number(a);
    }

    // What the figure is.
    let mut kind = Kind::Count;
    let mut unit = None;
    let mut percent_factor = 1.0;
    let mut k = end;
    let lookup = |at: usize| {
        ctx.lexicon
            .lookup(&tokens[at.min(tokens.len())..])
            .collect::<Vec<_>>()
    };
    let entries = lookup(k);
    let mut consumed = 0;
    for (n, entry) in &entries {
        match *entry {
            Entry::Percent => {
                kind = Kind::Percent;
            }
            Entry::Points(f) => {
                kind = Kind::Percent;
                unit = Some(Unit::Pp);
                percent_factor = f;
            }
            Entry::Unit(u) if currency.is_none() => {
                kind = Kind::Measure;
                unit = Some(u);
            }
            Entry::Currency(c)
                if !tokens[k].norm.starts_with(['$', '€', '£']) || !tokens[k].space_before =>
            {
                kind = Kind::Money;
                currency = Some(c);
            }
            _ => continue,
        }
        consumed = *n;
        break;
    }
    if consumed == 0 && currency.is_none() {
        // "miliardi di euro", "millions of dollars".
        if let Some(link) = tokens.get(k)
            && ctx.data.links.contains(&link.norm.as_str())
            && let Some((n, Entry::Currency(c))) = lookup(k + 1)
                .into_iter()
                .find(|(_, e)| matches!(e, Entry::Currency(_)))
        {
            kind = Kind::Money;
            currency = Some(c);
            consumed = n + 1;
        }
    }
    if consumed > 0 && ctx.same_sentence(i, k + consumed - 1) {
        k += consumed;
    } else if currency.is_some() {
        kind = Kind::Money;
    }
    end = k;

    if let Figure::Fraction(share) = figure {
        // A fraction of a whole is a share, read as a percentage.
        kind = Kind::Percent;
        figure = Figure::Number(share);
    }
    if kind == Kind::Count && head.yearlike && hedge.is_none() && qualifier_range.is_none() {
        // "nel 2024" is a date; only "2024 soldati" is a count.
        let noun = counted_noun(ctx, end)?;
        let _ = noun;
    }

    let (value, qualifier, interval) = normalize(figure, hedge, qualifier_range, kind)?;
    let (value, interval) = if percent_factor != 1.0 {
        (
            value.map(|v| v * percent_factor),
            interval.scale(percent_factor),
        )
    } else {
        (value, interval)
    };
    let (counted, noun_end) = match kind {
        Kind::Count => match counted_noun(ctx, end) {
            Some((noun, e)) => (Some(noun), e),
            None => (None, end),
        },
        _ => (None, end),
    };
    let end = noun_end;
    let claim = Claim {
        span: ctx.span(i, end - 1),
        kind,
        value: Value::Quantity(Quantity {
            value,
            qualifier,
            interval,
            unit,
            currency: if kind == Kind::Money { currency } else { None },
        }),
        relative: false,
        counted,
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
        return Some((None, Qualifier::Range, Interval::closed(a, b)));
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
    let hedge = hedge.unwrap_or(if default == Qualifier::Approx {
        Hedge::Approx
    } else {
        Hedge::Exact
    });
    let (qualifier, interval) = match hedge {
        Hedge::Exact => (Qualifier::Exact, Interval::point(n)),
        Hedge::Approx => (
            Qualifier::Approx,
            Interval::closed(n * (1.0 - APPROX), n * (1.0 + APPROX)),
        ),
        Hedge::Below => (Qualifier::Approx, Interval::closed(n * (1.0 - APPROX), n)),
        Hedge::MoreThan => (Qualifier::MoreThan, open(Some(n), None, true, false)),
        Hedge::AtLeast => (Qualifier::AtLeast, open(Some(n), None, false, false)),
        Hedge::LessThan => (Qualifier::LessThan, open(Some(0.0), Some(n), false, true)),
        Hedge::AtMost => (Qualifier::AtMost, open(Some(0.0), Some(n), false, false)),
    };
    Some((Some(n), qualifier, interval))
}

/// Reads a figure and its scale at `j`.
fn read_head(ctx: &Ctx, j: usize, money: bool) -> Option<Head> {
    let tokens = ctx.tokens;
    let token = tokens.get(j)?;
    let (figure, mut end, yearlike, plain_digits) = if token.is_number() {
        let digits = parse_digits(&token.norm, ctx.data)?;
        if digits.leading_zero {
            return None;
        }
        let yearlike = digits.plain
            && (1000.0..=2100.0).contains(&digits.value)
            && digits.value.fract() == 0.0;
        (Figure::Number(digits.value), j + 1, yearlike, digits.plain)
    } else if token.is_word() {
        // Round words, vague words and fractions are lexicon phrases.
        let entry = ctx
            .lexicon
            .lookup(&tokens[j..])
            .find(|(_, e)| matches!(e, Entry::Round(_) | Entry::Vague(_) | Entry::Fraction(_)));
        let words = parse_words(&tokens[j..], ctx.data);
        match (entry, words) {
            (Some((n, _)), Some((w, m))) if m >= n => (Figure::Number(w), j + m, false, false),
            (Some((n, Entry::Round(v))), _) => (Figure::Round(v), j + n, false, false),
            (Some((n, Entry::Vague(v))), _) => (Figure::Vague(v), j + n, false, false),
            (Some((n, Entry::Fraction(v))), _) => {
                // "half a million" is a number, "half of" a share.
                (Figure::Fraction(v), j + n, false, false)
            }
            (_, Some((w, m))) => {
                let weak = m == 1
                    && ctx
                        .data
                        .weak_number_words
                        .contains(&token.norm.trim_end_matches('\''));
                let scaled_next = tokens.get(j + 1).is_some_and(|t| {
                    ctx.lexicon
                        .lookup(&tokens[j + 1..])
                        .any(|(_, e)| matches!(e, Entry::Scale(_)))
                        && t.is_word()
                });
                if weak && !scaled_next {
                    return None;
                }
                // "i due Paesi", "the two leaders": known things, not a count.
                let after_article = j
                    .checked_sub(1)
                    .is_some_and(|p| ctx.data.articles.contains(&tokens[p].norm.as_str()));
                if after_article && w < 20.0 && !scaled_next {
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
            if !short || attached || money {
                figure = Figure::Number(n * s);
                end += len;
                scaled = true;
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
        Some((n, Entry::Percent | Entry::Unit(_))) => {
            let after = end + n;
            let joiner = ctx.tokens.get(after).map(|t| t.norm.as_str());
            let joins = joiner.is_some_and(|w| {
                matches!(w, "-" | "–")
                    || ctx.data.range_joiners.contains(&w)
                    || ctx.data.range_frames.iter().any(|(_, j)| *j == w)
            });
            if joins { after } else { end }
        }
        _ => end,
    }
}

fn currency_symbol(ctx: &Ctx, j: usize) -> Option<Currency> {
    let token = ctx.tokens.get(j)?;
    if token.is_word() && token.norm.len() != 3 && token.norm != "us" {
        return None;
    }
    let (n, entry) = ctx
        .lexicon
        .lookup(&ctx.tokens[j..])
        .find(|(_, e)| matches!(e, Entry::Currency(_)))?;
    let Entry::Currency(c) = entry else {
        return None;
    };
    // A symbol or an ISO code directly before the figure.
    let next = ctx.tokens.get(j + n)?;
    (n == 1 && next.is_number()).then_some(c)
}

fn is_article(ctx: &Ctx, j: usize) -> bool {
    ctx.data
        .hedge_articles
        .contains(&ctx.tokens[j].norm.as_str())
        && ctx.tokens.get(j + 1).is_some_and(|t| t.is_number())
}

/// Numbers that look like figures but are not: list numbering, model
/// names (`F-16`), identifiers after `n.` or `#`, phone numbers.
fn head_is_not_a_quantity(ctx: &Ctx, j: usize, head: &Head) -> bool {
    let tokens = ctx.tokens;
    let token = &tokens[j];
    if !token.is_number() {
        return false;
    }
    let prev = j.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(j + 1);
    // "F-16", "COVID-19", "G7".
    if let Some(p) = prev {
        if !token.space_before && (p.is_punct("-") || p.is_word()) {
            let before = j.checked_sub(2).map(|q| &tokens[q]);
            if p.is_word() || before.is_some_and(|b| b.is_word() && !p.space_before) {
                return true;
            }
        }
        if matches!(
            p.norm.as_str(),
            "#" | "+" | "n" | "nr" | "no" | "n." | "art" | "pag" | "p" | "page" | "pagina" | "tel"
        ) {
            return true;
        }
        if p.is_punct(".")
            && j >= 2
            && matches!(
                tokens[j - 2].norm.as_str(),
                "n" | "nr" | "no" | "art" | "pag" | "p" | "tel"
            )
        {
            return true;
        }
    }
    // List numbering: a number opening a line, followed by "." or ")".
    let opens_line = j == 0 || token.newline_before;
    if opens_line
        && next.is_some_and(|n| (n.is_punct(".") || n.is_punct(")")) && !n.space_before)
        && head.end == j + 1
    {
        return true;
    }
    // Long digit runs are identifiers or phone numbers, not figures.
    if token.norm.len() >= 7 && token.norm.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // Clock times "21:30" and scores "3-1" belong elsewhere.
    if next.is_some_and(|n| n.is_punct(":") && !n.space_before)
        && tokens
            .get(j + 2)
            .is_some_and(|t| t.is_number() && !t.space_before)
    {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::claim::{Kind, Qualifier};
    use crate::document::{Document, Origin};
    use crate::extract::{Options, extract};
    use crate::lang::Lang;

    /// (text, lang, kind, value, qualifier, low, high)
    type Row = (
        &'static str,
        Lang,
        Kind,
        Option<f64>,
        Qualifier,
        Option<f64>,
        Option<f64>,
    );

    fn first(text: &str, lang: Lang) -> Option<crate::claim::Claim> {
        let doc = Document::parse(Origin::Stdin, text.to_string(), false, Vec::new());
        let options = Options {
            lang,
            date: None,
            offset_seconds: None,
        };
        extract(&doc, options)
            .claims
            .into_iter()
            .find(|c| c.kind.is_quantity())
    }

    #[test]
    fn quantities_normalize() {
        use Kind::*;
        use Lang::*;
        use Qualifier::*;
        let rows: &[Row] = &[
            (
                "più di 10 mila soldati",
                It,
                Count,
                Some(10_000.0),
                MoreThan,
                Some(10_000.0),
                None,
            ),
            (
                "circa 600 soldati",
                It,
                Count,
                Some(600.0),
                Approx,
                Some(540.0),
                Some(660.0),
            ),
            (
                "migliaia feriti",
                It,
                Count,
                None,
                Vague,
                Some(2_000.0),
                Some(9_999.0),
            ),
            (
                "quasi il 60 per cento",
                It,
                Percent,
                Some(60.0),
                Approx,
                Some(54.0),
                Some(60.0),
            ),
            (
                "1,2 miliardi di euro",
                It,
                Money,
                Some(1.2e9),
                Exact,
                Some(1.2e9),
                Some(1.2e9),
            ),
            (
                "tra 300 e 400 persone",
                It,
                Count,
                None,
                Range,
                Some(300.0),
                Some(400.0),
            ),
            (
                "10-12 mila soldati",
                It,
                Count,
                None,
                Range,
                Some(10_000.0),
                Some(12_000.0),
            ),
            (
                "fino a 640 persone",
                It,
                Count,
                Some(640.0),
                AtMost,
                Some(0.0),
                Some(640.0),
            ),
            (
                "oltre mille",
                It,
                Count,
                Some(1000.0),
                MoreThan,
                Some(1000.0),
                None,
            ),
            (
                "una decina",
                It,
                Count,
                Some(10.0),
                Approx,
                Some(9.0),
                Some(11.0),
            ),
            (
                "circa 40 miglia",
                It,
                Measure,
                Some(40.0),
                Approx,
                Some(36.0),
                Some(44.0),
            ),
            (
                "nearly $2bn",
                En,
                Money,
                Some(2e9),
                Approx,
                Some(1.8e9),
                Some(2e9),
            ),
            (
                "between 2,000 and 2,500 sailors",
                En,
                Count,
                None,
                Range,
                Some(2000.0),
                Some(2500.0),
            ),
            (
                "Between 40% and 45% of",
                En,
                Percent,
                None,
                Range,
                Some(40.0),
                Some(45.0),
            ),
            (
                "€12.5 million in aid",
                En,
                Money,
                Some(12.5e6),
                Exact,
                Some(12.5e6),
                Some(12.5e6),
            ),
            (
                "20 million euros",
                En,
                Money,
                Some(2e7),
                Exact,
                Some(2e7),
                Some(2e7),
            ),
            (
                "up to six hours",
                En,
                Measure,
                Some(6.0),
                AtMost,
                Some(0.0),
                Some(6.0),
            ),
            (
                "some 1.5 million people",
                En,
                Count,
                Some(1.5e6),
                Approx,
                Some(1.35e6),
                Some(1.65e6),
            ),
            (
                "Hundreds of trucks",
                En,
                Count,
                None,
                Vague,
                Some(200.0),
                Some(999.0),
            ),
            (
                "a third of its budget",
                En,
                Percent,
                Some(100.0 / 3.0),
                Exact,
                Some(100.0 / 3.0),
                Some(100.0 / 3.0),
            ),
            (
                "50 basis points",
                En,
                Percent,
                Some(0.5),
                Exact,
                Some(0.5),
                Some(0.5),
            ),
        ];
        for &(text, lang, kind, value, qualifier, low, high) in rows {
            let claim = first(text, lang).unwrap_or_else(|| panic!("no claim in {text:?}"));
            let q = claim.quantity().unwrap();
            assert_eq!(claim.kind, kind, "{text}");
            assert_eq!(q.qualifier, qualifier, "{text}");
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-6 * b.abs().max(1.0),
                (a, b) => a == b,
            };
            assert!(close(q.value, value), "{text}: value {:?}", q.value);
            assert!(
                close(q.interval.low, low),
                "{text}: low {:?}",
                q.interval.low
            );
            assert!(
                close(q.interval.high, high),
                "{text}: high {:?}",
                q.interval.high
            );
        }
    }

    #[test]
    fn slang_ids_and_model_names_are_not_quantities() {
        for (text, lang) in [
            ("Stando agli 007, la guerra", Lang::It),
            ("un F-16 abbattuto", Lang::It),
            ("chiamare il 3331234567", Lang::It),
        ] {
            assert!(first(text, lang).is_none(), "{text}");
        }
    }
}
