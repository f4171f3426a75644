//! Dates and times. Runs before the quantity finder, so "nel 2024" and
//! "tre giorni fa" are claimed as dates before anything reads their numbers.
//!
//! [`parse`] reads date phrases into expressions, [`resolve`] gives them a
//! value against the publication date, [`time`] reads clock times. All the
//! words come from the language's [`crate::lang::DateWords`] row. The
//! rules for what the text leaves open are documented in [`resolve`]; for
//! times:
//!
//! - a time is stated in the zone the text names after it (or after the
//!   end of its span: "dalle 14 alle 16 ora italiana"); else in the zone of
//!   the previous time of the article; else at the offset of the
//!   publication datetime (front matter); else at UTC;
//! - a time falls on the day the text names next to it ("questa sera alle
//!   21", "6 a.m. on Monday"); else, when a time came before it in the same
//!   paragraph, on that time's day, or the day after when it is earlier on
//!   the clock (a night read in order: "11 p.m. … 4:30 a.m."); else on the
//!   day a date earlier in its sentence names ("they meet on October 17,
//!   with a decision at 2:15 p.m."); else on the publication date.

mod figures;
mod parse;
mod resolve;
mod time;
use crate::lang::dates as words;

#[cfg(test)]
mod lang_tests;
#[cfg(test)]
mod tests;

use jiff::ToSpan;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::claim::{Claim, Kind, Value};
use crate::lang::Zone;
use crate::lang::vocab::List;
use crate::text::span::Span;
use crate::text::token::Token;
use crate::when::{DateValue, Grain, TimeValue};

use super::Ctx;
use parse::{DateMatch, Parser};
use resolve::{Expr, YearRef};
use time::TimeMatch;
pub(crate) use words::Words;

/// The previous time of the article, which a time without a day or a zone
/// follows.
#[derive(Debug, Clone, Copy)]
struct LastTime {
    date: Option<Date>,
    hour: i8,
    minute: i8,
    relative: bool,
    paragraph: usize,
    sentence: usize,
}

/// What the finder carries from one date to the next; a document read a
/// window of paragraphs at a time carries it from window to window.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Paragraph breaks before the tokens being read.
    paragraphs: usize,
    /// Tokens before the tokens being read: the token indices kept below
    /// (`last_year`, `last_end`) count from the start of the text.
    base: usize,
    last_date: Option<DateValue>,
    last_time: Option<LastTime>,
    last_zone: Option<Zone>,
    /// The last date at day grain, with the index of its sentence, its
    /// paragraph, and whether it named an evening ("ieri sera").
    last_day: Option<(Date, usize, usize, bool)>,
    /// The last date at year grain and the token after it (counted from
    /// the start of the text).
    last_year: Option<(i16, usize)>,
    /// The last date or time at day grain and the token after it
    /// (counted from the start of the text).
    last_end: Option<(Date, usize)>,
    /// The paragraph of the phrase being read.
    paragraph: usize,
    /// The last date that is not itself a unit before the text's ("2018
    /// … gegenüber dem Vorjahr"), with its paragraph.
    text_date: Option<(DateValue, usize)>,
    /// The last month and the token after it (counted from the start of
    /// the text): a month joined to it follows it ("marzo e aprile").
    last_month: Option<(Date, usize)>,
}

/// How many tokens may stand between a year or a day and the date it
/// dates ("L'anno scorso, a Pasqua", "Friday to 5 a.m. Tuesday").
const NEXT_TO: usize = 3;

impl State {
    /// The value of a day phrase starting at token `first`: a month, day
    /// or holiday without a year takes the year named just before it ("L'anno
    /// scorso, a Pasqua"); a bare weekday just after a day ahead of
    /// publication is the first one after that day ("from 11 p.m. on Friday
    /// to 5 a.m. Tuesday").
    fn resolve(&self, expr: Expr, first: usize, publication: Option<Date>) -> Option<DateValue> {
        let first = self.base + first;
        let near = |end: usize| end <= first && first - end <= NEXT_TO;
        // "im Vorjahr", "le mois précédent": the unit before the one the
        // paragraph is about, when its last date is that fine.
        if let Expr::Previous(grain) = expr
            && let Some((d, paragraph)) = self.text_date
            && paragraph == self.paragraph
            && d.grain >= grain
        {
            return resolve::shift(d.start, grain, -1);
        }
        let expr = match self.last_year {
            Some((y, end)) if near(end) => expr.in_year(y),
            _ => expr,
        };
        let value = expr.resolve(publication, self.last_date)?;
        if let (Some(wd), Some((day, end)), Some(p)) = (expr.weekday(), self.last_end, publication)
            && near(end)
            && day > p
            && value.start <= day
        {
            let ahead = (i64::from(wd.to_monday_zero_offset())
                - i64::from(day.weekday().to_monday_zero_offset()))
            .rem_euclid(7);
            // "da domani, sabato": the same weekday right after the day
            // (a comma at most between) names that day.
            let apposed = first - end <= 1;
            let ahead = if ahead == 0 && !apposed { 7 } else { ahead };
            return Some(DateValue::day(day.checked_add(ahead.days()).ok()?));
        }
        Some(value)
    }
}

pub(crate) fn find(ctx: &mut Ctx, out: &mut Vec<Claim>) {
    find_in(ctx, out, &mut State::default());
}

/// [`find`] going on from `state`, the state after the text before
/// `ctx.tokens` (whose sentence indices go on from that text's); leaves
/// the state after them.
pub(crate) fn find_in(ctx: &mut Ctx, out: &mut Vec<Claim>, state: &mut State) {
    find_from(ctx, out, state);
    state.base += ctx.tokens.len();
}

fn find_from(ctx: &mut Ctx, out: &mut Vec<Claim>, state: &mut State) {
    let words = &crate::lang::Compiled::of(ctx.options.lang).dates;
    let paragraphs: Vec<usize> = ctx
        .tokens
        .iter()
        .scan(state.paragraphs, |p, t| {
            *p += usize::from(t.paragraph_before);
            Some(*p)
        })
        .collect();
    // Where the next anchor word or number is: a date starting at `i` has
    // one within `REACH` tokens.
    const REACH: usize = 8;
    let mut next_anchor = vec![usize::MAX; ctx.tokens.len() + 1];
    for k in (0..ctx.tokens.len()).rev() {
        next_anchor[k] = if Words::is_anchor(ctx.vocab, &ctx.tokens[k]) {
            k
        } else {
            next_anchor[k + 1]
        };
    }
    if let Some(&last) = paragraphs.last() {
        state.paragraphs = last;
    }
    let mut i = 0;
    while i < ctx.tokens.len() {
        if next_anchor[i].saturating_sub(i) > REACH {
            i += 1;
            continue;
        }
        // "bis heute" is no date, "bis heute Abend" is (a longer row of
        // `days`).
        if let Some(end) = words.not_dates.has(ctx.tokens, i)
            && words.days.has(ctx.tokens, i).is_none_or(|e| e <= end)
        {
            i = end;
            continue;
        }
        if !ctx.free(i..i + 1) {
            i += 1;
            continue;
        }
        let token = &ctx.tokens[i];
        let starts = token.is_number() || Words::is_starter(ctx.vocab, token);
        if !starts {
            i += 1;
            continue;
        }
        let parser = Parser { ctx, w: words };
        let at_i = parser.date(i);
        let time = parser.time_from(i, at_i).map(|mut t| {
            // "dalle 14 alle 16 ora italiana", "from 10:00 to 12:30 CET":
            // the zone named after a span of times covers its start.
            if t.zone.is_none() {
                t.zone = (t.end..t.end + 2)
                    .find_map(|k| parser.time(k))
                    .and_then(|next| next.zone);
            }
            t
        });
        let date = if time.is_none() { at_i } else { None };
        let (first, end) = match (&time, &date) {
            (Some(t), _) => (t.first, t.end),
            (_, Some(d)) => (d.first, d.end),
            _ => {
                i += 1;
                continue;
            }
        };
        if end <= first || !ctx.free(first..end) || !ctx.same_sentence(first, end - 1) {
            i += 1;
            continue;
        }
        let paragraph = paragraphs.get(first).copied().unwrap_or(0);
        state.paragraph = paragraph;
        let joined = date
            .as_ref()
            .and_then(|d| parser.joined_day(d))
            .filter(|j| ctx.free(j.first..j.end) && ctx.same_sentence(first, j.end - 1));
        let date = date.map(|mut d| {
            if let Some(second) = &joined {
                d.expr = Parser::with_year_of(d.expr, second.expr);
            }
            d
        });
        let elided = date
            .and_then(|d| parser.elided(&d))
            .filter(|e| ctx.same_sentence(first, e.end - 1));
        let claim = match (time, date) {
            (Some(t), _) => Some(time_claim(ctx, state, t, paragraph)),
            (_, Some(d)) => date_claim(ctx, state, d),
            _ => None,
        };
        // A phrase that names no real day ("il 31 febbraio") is no date;
        // its tokens are still used up, so no part of it is read as one.
        ctx.take(first..end);
        i = end;
        let mut claim = claim;
        if let Some(second) = joined {
            ctx.take(end..second.end);
            i = second.end;
            let second = date_claim(ctx, state, second);
            let merged = match (claim.as_mut(), &second) {
                (Some(c), Some(s)) => through(c, s),
                _ => false,
            };
            if !merged {
                out.extend(second);
            }
        } else if let Some(c) = claim.as_mut()
            && let Some(end) = span_to(ctx, state, words, c, end)
        {
            i = end;
        } else if let Some(e) = elided.filter(|e| claim.is_some() && ctx.free(e.first..e.end)) {
            ctx.take(e.first..e.end);
            i = e.end;
            out.extend(claim.take());
            out.extend(date_claim(ctx, state, e));
        } else if let Some(c) = claim.as_mut()
            && let Some(end) = month_span(ctx, words, c, end)
        {
            i = end;
        }
        out.extend(claim);
    }
}

/// Makes `first` the span of days up to `second` when `second` is a
/// later day (at most two months later): "Nov. 3-4" is one date.
fn through(first: &mut Claim, second: &Claim) -> bool {
    through_within(first, second, 62)
}

/// [`through`] for a second day at most `max_days` after the first.
fn through_within(first: &mut Claim, second: &Claim, max_days: i32) -> bool {
    let (Value::Date(Some(a)), Value::Date(Some(b))) = (&mut first.value, &second.value) else {
        return false;
    };
    let close = a
        .start
        .until(b.start)
        .is_ok_and(|s| s.get_days() <= max_days);
    if a.grain != Grain::Day || b.grain != Grain::Day || b.start <= a.start || !close {
        return false;
    }
    *a = a.through(b.start);
    first.span = Span::new(first.span.start, second.span.end);
    true
}

/// "tra il 2 e il 3 agosto", "between 3 and 5 March": a day in digits
/// after a range frame's opening word (`LangData::range_frames`), then the
/// frame's joiner at `end`, opens a span; the token after the joiner.
/// ("between Good Friday and Easter Monday" stays two dates.)
fn framed(ctx: &Ctx, span: Span, end: usize) -> Option<usize> {
    let first = ctx.tokens.partition_point(|t| t.span.start < span.start);
    let opener = ctx.tokens.get(first)?;
    let (_, joiner) = ctx
        .data
        .range_frames
        .iter()
        .find(|(open, _)| opener.norm == *open)?;
    let mut k = first + 1;
    if ctx.tokens.get(k).is_some_and(|t| ctx.is(t, List::Articles)) {
        k += 1;
    }
    let digits = ctx.tokens.get(k).is_some_and(|t| t.is_number());
    let joins = ctx.tokens.get(end).is_some_and(|t| t.norm == *joiner);
    (digits && joins).then_some(end + 1)
}

/// "dal 3 al 5 novembre", "da venerdì 28 a sabato 29 novembre", "from
/// Sept. 15 to 17": a day, a range joiner and a later day (or a bare day
/// number of the same month) are one date; the tokens up to the end of
/// the second are taken. Returns where the span ends.
fn span_to(
    ctx: &mut Ctx,
    state: &mut State,
    words: &'static Words,
    claim: &mut Claim,
    end: usize,
) -> Option<usize> {
    let Value::Date(Some(first)) = claim.value else {
        return None;
    };
    if first.grain != Grain::Day || first.end.is_some() {
        return None;
    }
    // "avaient repoussé la date limite, du 18 juillet au 18 octobre",
    // "postponed the vote from March 3 to March 10": a change between two
    // dates, each its own.
    let opens = ctx
        .tokens
        .partition_point(|t| t.span.start < claim.span.start);
    let moved = (opens.saturating_sub(MOVED_REACH)..opens)
        .rev()
        .take_while(|&k| ctx.same_sentence(k, opens) && !ctx.tokens[k].is_number())
        .any(|k| words.moved_words.has(ctx.tokens, k).is_some());
    if moved {
        return None;
    }
    // "June 3 and 4": a joiner of two days ("and") makes a span only
    // with a bare day number after it; "between Good Friday and Easter
    // Monday" stays two dates.
    let spans = words
        .day_span_joiners
        .has(ctx.tokens, end)
        .or_else(|| framed(ctx, claim.span, end));
    let after = spans.or_else(|| words.day_joiners.has(ctx.tokens, end))?;
    if !ctx.same_sentence(end, after) {
        return None;
    }
    let parser = Parser { ctx, w: words };
    // The joiner may be the second date's preposition ("al 6 aprile");
    // when that one looks ahead ("vom 3. bis 5. März"), the day read
    // without it may be the one that closes the span. Only a span joiner
    // makes one ("between Good Friday and Easter Monday" stays two).
    let seconds: Vec<DateMatch> = [parser.date(end), parser.date(after)]
        .into_iter()
        .flatten()
        .filter(|d| spans.is_some() && d.expr.is_day() && ctx.free(d.first..d.end))
        .collect();
    if !seconds.is_empty() {
        // "dal 18 aprile al 27 luglio": a second day without its year is
        // in the first one's year (or the next), after it; a span said
        // with its joiner may run up to a year.
        let year = first.start.year();
        let tries = seconds.into_iter().flat_map(|d| {
            [
                d,
                DateMatch {
                    expr: d.expr.in_year(year),
                    ..d
                },
                DateMatch {
                    expr: d.expr.in_year(year + 1),
                    ..d
                },
            ]
        });
        for second in tries {
            let last = second.end;
            let mut probe = State {
                last_date: state.last_date,
                base: state.base,
                ..State::default()
            };
            let Some(second) = date_claim(ctx, &mut probe, second) else {
                continue;
            };
            if through_within(claim, &second, 366) {
                ctx.take(end..last);
                return Some(last);
            }
        }
        return None;
    }
    // "from Sept. 15 to 17": a day number of the same month.
    let d = parser.digits(after, 2)?;
    let day = i8::try_from(d).ok()?;
    // "to 17 people" counts; "3 and 4 in Geneva" is a span.
    let next = ctx.tokens.get(after + 1);
    let counts = |t: &Token| (t.is_word() && !ctx.is(t, List::Stopwords)) || t.is_punct("%");
    if next.is_some_and(counts) {
        return None;
    }
    let last = jiff::civil::Date::new(first.start.year(), first.start.month(), day).ok()?;
    if last <= first.start {
        return None;
    }
    claim.value = Value::Date(Some(first.through(last)));
    claim.span = Span::new(claim.span.start, ctx.tokens[after].span.end);
    ctx.take(end..after + 1);
    Some(after + 1)
}

/// Tokens before a span of days searched for a verb that moves a date.
const MOVED_REACH: usize = 10;

/// "avril-septembre", "enero-marzo": a month, a dash glued to it and a
/// second month name are one date, the first month through the last day
/// of the second (in the next year when it comes earlier in the year); so
/// are two months in a range frame ("entre enero y abril", "zwischen
/// Januar und April") when the span still runs or is to come at
/// publication (a forecast); a span read forward whose last month is still
/// to come is this year's ("entre enero y abril" in a forecast of
/// February). Returns where the span ends.
fn month_span(
    ctx: &mut Ctx,
    words: &'static Words,
    claim: &mut Claim,
    end: usize,
) -> Option<usize> {
    let Value::Date(Some(first)) = claim.value else {
        return None;
    };
    if first.grain != Grain::Month || first.end.is_some() {
        return None;
    }
    let dash = ctx.tokens.get(end)?;
    let glued = |k: usize| ctx.tokens.get(k).is_some_and(|t| !t.space_before);
    let dashed = matches!(dash.norm.as_str(), "-" | "–") && glued(end) && glued(end + 1);
    if !dashed && !framed_months(ctx, claim.span, end) {
        return None;
    }
    let parser = Parser { ctx, w: words };
    let (mut last_end, m) = parser.month(end + 1, true)?;
    let wraps = m < first.start.month();
    // "January-March 2026": the year after the second month dates both.
    let first = match parser.year_at(last_end) {
        Some(y) => {
            last_end += 1;
            let start_year = if wraps { y - 1 } else { y };
            DateValue::month(start_year, first.start.month()).unwrap_or(first)
        }
        // Read forward past a month gone, though the span still runs.
        None if ctx.options.date.is_some_and(|p| {
            claim.relative && !wraps && first.start.year() == p.year() + 1 && m >= p.month()
        }) =>
        {
            DateValue::month(first.start.year() - 1, first.start.month()).unwrap_or(first)
        }
        None => first,
    };
    let year = first.start.year() + i16::from(wraps);
    let last = Date::new(year, m, 1).ok()?.last_of_month();
    // A framed span all gone ("shrank 0.1% between April and June") stays
    // two dates, as the months of a report are annotated.
    if !dashed && ctx.options.date.is_none_or(|p| last < p) {
        return None;
    }
    claim.value = Value::Date(Some(first.through(last)));
    claim.span = Span::new(claim.span.start, ctx.tokens[last_end - 1].span.end);
    ctx.take(end..last_end);
    Some(last_end)
}

/// The claim at `span` opens with a range frame's opening word and its
/// joiner is at `end` ("entre enero y abril").
fn framed_months(ctx: &Ctx, span: Span, end: usize) -> bool {
    let first = ctx.tokens.partition_point(|t| t.span.start < span.start);
    let (Some(opener), Some(joiner)) = (ctx.tokens.get(first), ctx.tokens.get(end)) else {
        return false;
    };
    ctx.data
        .range_frames
        .iter()
        .any(|(open, join)| opener.norm == *open && joiner.norm == *join)
}

fn date_claim(ctx: &Ctx, state: &mut State, m: DateMatch) -> Option<Claim> {
    if let Expr::Shift(grain @ (Grain::Hour | Grain::Minute), n) = m.expr {
        return Some(clock_shift(ctx, m, grain, n));
    }
    let publication = ctx.options.date;
    let relative = m.expr.relative();
    let sentence = ctx.sentence_of.get(m.first).copied().unwrap_or(usize::MAX);
    // Against a month-only publication date, what needs the day has no
    // value, as without a date ("ieri" in an article of "2025-04").
    let value = (!(ctx.options.month_only && m.expr.needs_day()))
        .then(|| state.resolve(m.expr, m.first, publication))
        .flatten()
        .map(|v| resolve::with_part(v, m.part));
    let value = value.map(|v| joined_month(ctx, state, &m, v));
    // Only a relative date without a publication day stays unresolved;
    // anything else that resolves to nothing (31 February) is no date.
    let unknown = publication.is_none() || (ctx.options.month_only && m.expr.needs_day());
    if value.is_none() && (!unknown || !relative) {
        return None;
    }
    if let Some(v) = value {
        state.last_date = value;
        state.last_month =
            (v.grain == Grain::Month && v.end.is_none()).then_some((v.start, state.base + m.end));
        if v.grain == Grain::Day {
            state.last_day = Some((v.start, sentence, state.paragraph, m.evening));
            state.last_end = Some((v.start, state.base + m.end));
        }
        if v.grain == Grain::Year && v.part.is_none() && relative {
            state.last_year = Some((v.start.year(), state.base + m.end));
        }
        // "Lo ha comunicato l'Istat stamattina … Rispetto all'anno
        // precedente": a day counted from publication dates the
        // statement, not what the text compares.
        let statement_day = relative && v.grain >= Grain::Day;
        if v.grain >= Grain::Year
            && !statement_day
            && !matches!(m.expr, Expr::Previous(_))
            && !compared(ctx, &m)
            && !bound(ctx, &m)
        {
            state.text_date = Some((v, state.paragraph));
        }
    }
    Some(Claim {
        span: ctx.span(m.first, m.end - 1),
        kind: Kind::Date,
        value: Value::Date(value),
        relative,
        counted: None,
    })
}

/// "cancellazioni per marzo e aprile" in February: a month without a year
/// joined by a conjunction or a comma to a month ahead of publication is
/// the first such month after that one (a list of past months keeps any
/// order: "in November and January").
fn joined_month(ctx: &Ctx, state: &State, m: &DateMatch, v: DateValue) -> DateValue {
    let Expr::Month(month, YearRef::Pick(_)) = m.expr else {
        return v;
    };
    let Some((prev, end)) = state.last_month else {
        return v;
    };
    let first = state.base + m.first;
    let joined = end <= first
        && first - end <= 2
        && ctx.tokens[m.first.saturating_sub(first - end)..m.first]
            .iter()
            .all(|t| t.is_punct(",") || ctx.is(t, List::Conjunctions));
    let ahead = ctx.options.date.is_some_and(|p| prev > p);
    if !joined || !ahead || v.start > prev {
        return v;
    }
    let year = if month > prev.month() {
        prev.year()
    } else {
        prev.year() + 1
    };
    DateValue::month(year, month).map_or(v, |n| DateValue { part: v.part, ..n })
}

/// The date follows a baseline word ("par rapport à janvier", "höher als
/// 2018"): what the text compares with, not what it is talking about.
fn compared(ctx: &Ctx, m: &DateMatch) -> bool {
    let baselines = &figures::endings(ctx.options.lang).0;
    (m.first..=m.first + 1)
        .filter(|&k| k < m.end)
        .any(|k| baselines.any_at(ctx.tokens, k))
}

/// The date is a bound of a period ("seit 2015", "bis 2030", "desde
/// 2019"): a preposition that looks ahead or a tense cue that looks back
/// opens it. Not the year the text is talking about.
fn bound(ctx: &Ctx, m: &DateMatch) -> bool {
    let words = &crate::lang::Compiled::of(ctx.options.lang).dates;
    let Some(first) = ctx.tokens.get(m.first) else {
        return false;
    };
    words.future_preps.has(ctx.tokens, m.first).is_some()
        || (words.preps.has(ctx.tokens, m.first).is_some() && words.tense.is_verb(&first.norm))
}

/// "due ore fa", "in two hours", "20 minutes ago": a time counted from the
/// publication time; unresolved without one.
fn clock_shift(ctx: &Ctx, m: DateMatch, grain: Grain, n: i64) -> Claim {
    let value = (|| {
        if ctx.options.month_only {
            return None;
        }
        let start = ctx.options.date?.to_datetime(ctx.options.clock?);
        let span = match grain {
            Grain::Hour => n.hours(),
            _ => n.minutes(),
        };
        Some(TimeValue {
            local: start.checked_add(span).ok()?,
            offset_seconds: ctx.options.offset_seconds.unwrap_or(0),
            grain,
        })
    })();
    Claim {
        span: ctx.span(m.first, m.end - 1),
        kind: Kind::Time,
        value: Value::Time(value),
        relative: true,
        counted: None,
    }
}

/// The zone of "ora locale": the one zone of the places its sentence
/// names; none when it names no such place or places in several zones.
fn local_zone(ctx: &Ctx, first: usize) -> Option<Zone> {
    let words = &crate::lang::Compiled::of(ctx.options.lang).dates;
    let sentence = ctx.sentence_of.get(first).copied()?;
    let start = ctx.sentence_of.partition_point(|&s| s < sentence);
    let end = ctx.sentence_of.partition_point(|&s| s <= sentence);
    let mut found = None;
    for k in start..end {
        if let Some((_, zone)) = words.places.at(ctx.tokens, k) {
            if found.is_some_and(|z| z != zone) {
                return None;
            }
            found = Some(zone);
        }
    }
    found
}

fn time_claim(ctx: &Ctx, state: &mut State, mut m: TimeMatch, paragraph: usize) -> Claim {
    let publication = ctx.options.date;
    if m.zone == Some(Zone::Local) {
        m.zone = local_zone(ctx, m.first);
    }
    let zone = m
        .zone
        .or(state.last_zone)
        .or(ctx.options.offset_seconds.map(Zone::Fixed))
        .unwrap_or(Zone::Fixed(0));
    let previous = state.last_time.filter(|t| t.paragraph == paragraph);
    let sentence = ctx.sentence_of.get(m.first).copied().unwrap_or(usize::MAX);
    // A day named earlier in the time's own sentence, after the previous
    // time's ("alle 7.35. Il conclave si era aperto mercoledì pomeriggio
    // e la prima fumata … poco dopo le 21"), dates it rather than that
    // time's day.
    let own_day = state
        .last_day
        .filter(|(_, s, _, _)| *s == sentence)
        .map(|(d, _, _, _)| d);
    let previous = previous.filter(|p| own_day.is_none() || p.sentence == sentence);
    let (date, relative) = match (m.day, previous) {
        (Some(day), _) => {
            let date = (!(ctx.options.month_only && day.expr.needs_day()))
                .then(|| state.resolve(day.expr, m.first.min(day.first), publication))
                .flatten()
                .map(|v| v.start);
            if let Some(d) = date {
                state.last_end = Some((d, state.base + m.end));
                // "ieri, poco prima delle 14. Il giorno prima…": the day a
                // time names is the text's last day.
                state.last_date = Some(DateValue::day(d));
            }
            (date, day.expr.relative())
        }
        (None, Some(prev)) => {
            // "alle 13 (le 7 ora italiana)": a conversion in parentheses
            // is the same moment, on the same day.
            let converted = ctx.tokens[..m.first]
                .iter()
                .rev()
                .take(4)
                .any(|t| t.is_punct("("));
            let later_day = !converted && (m.hour, m.minute) < (prev.hour, prev.minute);
            let date = prev.date.and_then(|d| {
                if later_day {
                    d.checked_add(1.day()).ok()
                } else {
                    Some(d)
                }
            });
            (date, prev.relative)
        }
        (None, None) => match own_day {
            Some(day) => (Some(day), true),
            None => (
                previous_sentence_day(ctx, state, &m, sentence, paragraph).or(publication),
                true,
            ),
        },
    };
    let mut value = date.and_then(|d| at(d, m, zone));
    let mut date = date;
    // "was being met by 7 a.m., up from roughly half shortly before
    // midnight": a time with no day of its own, in a sentence that looks
    // back, is the last such time before publication, not a later one.
    if m.day.is_none() {
        // The tense is read only for a time after publication.
        let looks_back = std::cell::LazyCell::new(|| looks_back(ctx, m.first));
        for _ in 0..2 {
            let (Some(v), Some(d)) = (value, date) else {
                break;
            };
            if !after_publication(ctx, v) || !*looks_back {
                break;
            }
            date = d.checked_sub(1.day()).ok();
            value = date.and_then(|d| at(d, m, zone));
        }
    }
    state.last_time = Some(LastTime {
        date,
        hour: m.hour,
        minute: m.minute,
        relative,
        paragraph,
        sentence,
    });
    if m.zone.is_some() {
        state.last_zone = m.zone;
    }
    Claim {
        span: ctx.span(m.first, m.end - 1),
        kind: Kind::Time,
        value: Value::Time(value),
        relative,
        counted: None,
    }
}

/// "before dawn on the Fourth of July, after storms … The National Weather
/// Service issued a warning at 1:14 a.m.": a time with no day of its own,
/// in a sentence that looks back, takes the day the sentence before it in
/// its paragraph named, when that day is before publication (the next
/// day in the small hours after an evening); a time in a sentence that
/// looks ahead takes a day to come the sentence before named.
fn previous_sentence_day(
    ctx: &Ctx,
    state: &State,
    m: &TimeMatch,
    sentence: usize,
    paragraph: usize,
) -> Option<Date> {
    let (day, s, p, evening) = state.last_day?;
    let publication = ctx.options.date?;
    if s + 1 != sentence || p != paragraph {
        return None;
    }
    let words = &crate::lang::Compiled::of(ctx.options.lang).dates;
    match (Parser { ctx, w: words }).tense(m.first, true) {
        // "ieri sera … proclamato all'1.51 di notte": the small hours
        // after an evening are the next day's.
        Some(false) if day < publication => {
            if evening && m.hour < 12 {
                day.checked_add(1.day()).ok()
            } else {
                Some(day)
            }
        }
        // "prévue demain soir. Elle commencera à 19 heures": a future
        // sentence after a day to come.
        Some(true) if day > publication => Some(day),
        _ => None,
    }
}

/// Whether the sentence of token `i` looks back (a past tense).
fn looks_back(ctx: &Ctx, i: usize) -> bool {
    let words = &crate::lang::Compiled::of(ctx.options.lang).dates;
    Parser { ctx, w: words }.tense(i, true) == Some(false)
}

/// Whether the time `v` comes after the publication time (the end of the
/// publication day when the front matter gave no time).
fn after_publication(ctx: &Ctx, v: TimeValue) -> bool {
    let Some(day) = ctx.options.date else {
        return false;
    };
    let clock = ctx
        .options
        .clock
        .unwrap_or_else(|| jiff::civil::Time::constant(23, 59, 59, 0));
    let offset = i64::from(ctx.options.offset_seconds.unwrap_or(v.offset_seconds));
    let publication = day.to_datetime(clock);
    let utc = |local: DateTime, off: i64| local.checked_sub(off.seconds()).ok();
    match (
        utc(v.local, i64::from(v.offset_seconds)),
        utc(publication, offset),
    ) {
        (Some(a), Some(b)) => a > b,
        _ => false,
    }
}

/// The time on `date` in `zone`, DST included for named zones.
fn at(date: Date, m: TimeMatch, zone: Zone) -> Option<TimeValue> {
    let local = DateTime::new(
        date.year(),
        date.month(),
        date.day(),
        m.hour,
        m.minute,
        0,
        0,
    )
    .ok()?;
    let (local, offset_seconds) = match zone {
        Zone::Fixed(seconds) => (local, seconds),
        Zone::Local => (local, 0),
        Zone::Named(name) => {
            let zoned = TimeZone::get(name).ok()?.to_zoned_datetime(local).ok()?;
            (zoned.datetime(), zoned.offset().seconds())
        }
    };
    Some(TimeValue {
        local,
        offset_seconds,
        grain: m.grain,
    })
}
