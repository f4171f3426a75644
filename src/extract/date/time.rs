//! Clock times: "alle 21", "alle 21.30", "9 p.m. ET", "06:00 GMT", with the
//! day they fall on when the text names it ("questa sera alle 21", "6
//! a.m. on Monday") and the zone they are stated in.

use crate::extract::context::counted_noun;
use crate::lang::Zone;
use crate::when::Grain;

use super::parse::{DateMatch, Parser};
use super::resolve::{Expr, Pick};

/// A clock time phrase: tokens `first..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct TimeMatch {
    pub first: usize,
    pub end: usize,
    pub hour: i8,
    pub minute: i8,
    pub grain: Grain,
    pub zone: Option<Zone>,
    /// The day the text gives the time, before or after it.
    pub day: Option<DateMatch>,
    /// Only an hour, with nothing but a preposition to make it a time.
    bare: bool,
}

impl Parser<'_, '_> {
    /// A time phrase starting at `i`, with the day before it when one is
    /// named there.
    pub fn time(&self, i: usize) -> Option<TimeMatch> {
        self.time_from(i, self.date(i))
    }

    /// [`Parser::time`] given the date phrase at `i`, already parsed.
    pub(crate) fn time_from(&self, i: usize, date: Option<DateMatch>) -> Option<TimeMatch> {
        let is_day = |d: &DateMatch| d.expr.is_day() && d.part.is_none();
        if let Some(day) = date.filter(is_day) {
            let comma = self
                .ctx
                .tokens
                .get(day.end)
                .is_some_and(|t| t.is_punct(","));
            let k = if comma { day.end + 1 } else { day.end };
            // "mercoledì sera alle 20.19": the part of the day between them
            // (the last word of a meridiem row).
            let part = self.ctx.tokens.get(k).and_then(|t| {
                self.ctx.data.dates.meridiem.iter().find_map(|(row, pm)| {
                    let last = row.rsplit(' ').next()?;
                    (t.is_word() && pm.is_some() && t.norm == last).then_some(*pm)
                })
            });
            let (mut k, evening) = match part {
                Some(pm) => (k + 1, pm.unwrap_or(day.evening)),
                None => (k, day.evening),
            };
            // "ce mardi matin, à 8 heures, heure de Paris": a comma after
            // the part of the day.
            if part.is_some() && !comma && self.ctx.tokens.get(k).is_some_and(|t| t.is_punct(",")) {
                k += 1;
            }
            // After a part of the day only a full time ("20.19", "8:19
            // p.m."): "on Friday night after a 2-0 win" has none.
            if let Some(m) = self
                .clock_phrase(k, evening, true)
                .filter(|m| part.is_none() || !m.bare)
            {
                return self.not_a_count(TimeMatch {
                    first: i,
                    day: Some(day),
                    ..m
                });
            }
        }
        let mut m = self.clock_phrase(i, false, false)?;
        // "6 a.m. on Monday", "alle 21 di ieri".
        if let Some(mut day) = self.date(m.end).filter(is_day) {
            // "until noon on Wednesday": a deadline's weekday is the
            // coming one.
            let deadline = (i.saturating_sub(3)..m.first)
                .any(|k| self.w.future_preps.has(self.ctx.tokens, k) == Some(m.first));
            if deadline && let Expr::Weekday(wd, Pick::Recent) = day.expr {
                day.expr = Expr::Weekday(wd, Pick::Upcoming);
            }
            m.end = day.end;
            m.day = Some(day);
            return Some(m);
        }
        self.not_a_count(m)
    }

    /// "alle 21 persone" is a count: a bare hour followed by a noun is no
    /// time; nor is one followed by a scale, a unit or a percent ("le
    /// 20mila prenotazioni", "le 9 tonnellate").
    fn not_a_count(&self, m: TimeMatch) -> Option<TimeMatch> {
        let tokens = self.ctx.tokens;
        let next = tokens.get(m.end);
        let noun = counted_noun(self.ctx, m.end).is_some()
            && !next.is_some_and(|t| self.ctx.name_capital(t));
        let figure = next.is_some() && self.ctx.lexicon.lookup(&tokens[m.end..]).next().is_some();
        // "contro le tre del periodo prima della pandemia": a link after
        // a bare hour that no part of the day or date follows ties it to
        // a noun.
        let linked = self.w.links.has(tokens, m.end).is_some();
        (!(m.bare && (noun || figure || linked))).then_some(m)
    }

    /// [preposition] hour [:minutes] [a.m./p.m.] [zone]. A bare hour needs
    /// a preposition that allows one ("alle 21"), or any after a day
    /// ("tonight at 8"); with minutes after a colon, a meridiem or a zone
    /// none is needed.
    fn clock_phrase(&self, i: usize, evening: bool, after_day: bool) -> Option<TimeMatch> {
        let tokens = self.ctx.tokens;
        // A preposition is part of the phrase when it is what makes the
        // number a time ("alle 21"); "at" before "4:30 a.m." stays out.
        let at_prep = self.w.time_preps.at(tokens, i);
        let any_prep = at_prep.is_some();
        let (first, k, prep) = match at_prep {
            Some((e, true)) => (i, e, true),
            Some((e, false)) => (e, e, after_day),
            None => (i, i, false),
        };
        // "vom 3. bis 5. März": a day and its month, not an hour; "00:35"
        // inside "2:00:35" is no clock.
        let inside = k >= 2
            && tokens.get(k).is_some_and(|t| !t.space_before)
            && tokens[k - 1].is_punct(":")
            && !tokens[k - 1].space_before
            && tokens[k - 2].is_number();
        if inside {
            return None;
        }
        // The clock first: it turns most positions away, cheaper than a
        // day and month (both only read the tokens, so the order changes
        // no result).
        let (mut end, mut hour, minute, colon) = self.clock(k)?;
        if self.day_month(k, Default::default()).is_some() {
            return None;
        }
        // Seconds after the minutes: a time of day after a preposition
        // ("at 10:21:05"), else a race time ("in 2:00:35"), no time.
        let seconds = colon
            && minute.is_some()
            && tokens
                .get(end)
                .is_some_and(|t| t.is_punct(":") && !t.space_before)
            && tokens
                .get(end + 1)
                .is_some_and(|t| !t.space_before && t.norm.len() == 2 && t.is_number());
        if seconds {
            if !any_prep {
                return None;
            }
            end += 2;
        }
        // "1:24-cr-00387": part of an identifier.
        let glued_dash = |x: usize| {
            tokens
                .get(x)
                .is_some_and(|t| (t.is_punct("-") || t.is_punct("/")) && !t.space_before)
        };
        if glued_dash(end) && tokens.get(end + 1).is_some_and(|t| !t.space_before) {
            return None;
        }
        let clock_end = end;
        // "18h30 heure de Paris": a zone that starts with an o'clock word.
        let zone_next = self.w.zones.at(tokens, end).is_some();
        let mut meridiem = self
            .w
            .meridiem
            .at(tokens, end)
            .filter(|(_, pm)| pm.is_some() || !zone_next);
        if let Some((e, _)) = meridiem {
            end = e;
            // "10 o'clock in the evening": a meridiem after "o'clock".
            if let Some((e2, Some(pm))) = self.w.meridiem.at(tokens, end) {
                end = e2;
                meridiem = Some((e2, Some(pm)));
            }
        }
        match meridiem {
            Some((_, Some(pm))) => {
                if !(1..=12).contains(&hour) {
                    return None;
                }
                hour = hour % 12 + if pm { 12 } else { 0 };
            }
            _ if evening && (1..=11).contains(&hour) => hour += 12,
            _ => {}
        }
        if hour > 23 || minute.is_some_and(|m| m > 59) {
            return None;
        }
        let (end, zone) = self.zone(end);
        // "à 22 heures": an o'clock word that is also a unit of duration
        // ("6 heures de route") makes a time only after a time
        // preposition, whichever.
        let duration_word = matches!(meridiem, Some((_, None)))
            && self
                .ctx
                .lexicon
                .lookup(&tokens[clock_end..])
                .any(|(_, e)| !matches!(e, crate::lang::Entry::Clock));
        // In figures: "après sept heures de débat" is a duration.
        let any_prep = self.w.time_preps.has(tokens, i).is_some()
            && tokens.get(k).is_some_and(|t| t.is_number());
        let marked = meridiem.is_some() && (!duration_word || any_prep || prep);
        if !(prep
            || colon
            || marked
            || (zone.is_some() && minute.is_some())
            || self.bracketed_clock(k, clock_end, minute))
        {
            return None;
        }
        Some(TimeMatch {
            first,
            end,
            hour,
            minute: minute.unwrap_or(0),
            grain: if minute.is_some() {
                Grain::Minute
            } else {
                Grain::Hour
            },
            zone,
            day: None,
            bare: minute.is_none() && meridiem.is_none() && zone.is_none(),
        })
    }

    /// "el horario de inicio tardío (22.15)": hour and minutes alone in
    /// brackets, in a language whose `.` only groups thousands (so
    /// "22.15" is no number), are a time.
    fn bracketed_clock(&self, k: usize, end: usize, minute: Option<i8>) -> bool {
        let tokens = self.ctx.tokens;
        minute.is_some()
            && self.ctx.data.thousands_separator == '.'
            && end == k + 1
            && tokens[k].norm.contains('.')
            && k.checked_sub(1).is_some_and(|p| tokens[p].is_punct("("))
            && tokens.get(end).is_some_and(|t| t.is_punct(")"))
    }

    /// Hour and minutes at `k`: `21`, `21:30`, `21.30`; the end, and whether
    /// a colon separated them.
    fn clock(&self, k: usize) -> Option<(usize, i8, Option<i8>, bool)> {
        let tokens = self.ctx.tokens;
        let t = tokens.get(k)?;
        // "mezzanotte", "noon": as sure as a colon; not the end of a
        // compound ("après-midi").
        let compound = k > 0 && tokens[k - 1].is_punct("-") && !t.space_before;
        // "nel Mezzogiorno": capitalized inside its sentence, a name (the
        // South of Italy), no hour.
        let name = k > 0
            && self.ctx.same_sentence(k - 1, k)
            && self.ctx.text[t.span]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if let Some((e, h)) = self
            .w
            .named_hours
            .at(tokens, k)
            .filter(|_| !compound && !name)
        {
            return Some((e, h, None, true));
        }
        // "quarter past nine", "half past 10".
        if let Some((e, m)) = self.w.minutes_before.at(tokens, k) {
            let (end, h) = self.hour_at(e)?;
            return Some((end, h, Some(m), true));
        }
        if !t.is_number() {
            // "alle tre del pomeriggio", "alle nove e mezza".
            let (end, h) = self.hour_at(k)?;
            return Some(self.minutes_after(end, h, false));
        }
        if let Some(h) = self.digits(k, 2) {
            let h = i8::try_from(h).ok()?;
            let colon = tokens
                .get(k + 1)
                .is_some_and(|c| c.is_punct(":") && !c.space_before);
            let minutes = tokens
                .get(k + 2)
                .filter(|m| !m.space_before && m.norm.len() == 2)
                .and_then(|_| self.digits(k + 2, 2));
            if let (true, Some(m)) = (colon, minutes) {
                return Some((k + 3, h, Some(i8::try_from(m).ok()?), true));
            }
            if let Some(found) = self.hour_mark(k, h) {
                return Some(found);
            }
            return Some(self.minutes_after(k + 1, h, false));
        }
        // "21.30", "9,30": one number token.
        let (h, m) = t.norm.split_once(['.', ','])?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((k + 1, h.parse().ok()?, Some(m.parse().ok()?), false))
    }

    /// An hour in digits or one number word ("nine", "tre") at `k`.
    fn hour_at(&self, k: usize) -> Option<(usize, i8)> {
        let tokens = self.ctx.tokens;
        if let Some(h) = self.digits(k, 2) {
            return Some((k + 1, i8::try_from(h).ok()?));
        }
        let t = tokens.get(k)?;
        if !t.is_word() {
            return None;
        }
        let (v, used) = crate::extract::number::parse_words(&tokens[k..k + 1], self.ctx.vocab)?;
        if used != 1 || v.fract() != 0.0 || !(0.0..=24.0).contains(&v) {
            return None;
        }
        Some((k + 1, v as i8))
    }

    /// "e mezza", "e un quarto" after the hour `h` ending at `end`.
    fn minutes_after(&self, end: usize, h: i8, colon: bool) -> (usize, i8, Option<i8>, bool) {
        match self.w.minutes_after.at(self.ctx.tokens, end) {
            Some((e, m)) => (e, h, Some(m), true),
            None => (end, h, None, colon),
        }
    }

    /// "18h30", "18h", "18 h 30": the language's hour mark after the hour
    /// `h` at `k`, with the minutes glued to it or after it; as sure as a
    /// colon.
    fn hour_mark(&self, k: usize, h: i8) -> Option<(usize, i8, Option<i8>, bool)> {
        let tokens = self.ctx.tokens;
        let mark = tokens.get(k + 1).filter(|t| t.is_word())?;
        for m in &self.w.hour_marks {
            if mark.norm == *m {
                let minutes = tokens
                    .get(k + 2)
                    .filter(|t| t.norm.len() == 2)
                    .and_then(|_| self.digits(k + 2, 2));
                // "1 h 45 min": a duration in two units, no clock time.
                if minutes.is_some() && tokens.get(k + 3).is_some_and(|t| t.norm == "min") {
                    return None;
                }
                return Some(match minutes {
                    Some(min) => (k + 3, h, Some(i8::try_from(min).ok()?), true),
                    None => (k + 2, h, None, true),
                });
            }
            // "18h30": one word after the hour.
            if let Some(rest) = mark.norm.strip_prefix(m.as_str())
                && !mark.space_before
                && rest.len() == 2
                && rest.bytes().all(|b| b.is_ascii_digit())
            {
                return Some((k + 2, h, Some(rest.parse().ok()?), true));
            }
        }
        None
    }

    /// A zone after a time: "(ora svizzera)", "Kyiv time", "ET".
    fn zone(&self, e: usize) -> (usize, Option<Zone>) {
        let tokens = self.ctx.tokens;
        let paren = tokens.get(e).is_some_and(|t| t.is_punct("("));
        let k = if paren { e + 1 } else { e };
        let code = || {
            let t = tokens.get(k)?;
            let zone = self.w.zone_codes.get(&self.ctx.text[t.span])?;
            Some((k + 1, *zone))
        };
        let Some((end, zone)) = self.w.zones.at(tokens, k).or_else(code) else {
            return (e, None);
        };
        if paren {
            if tokens.get(end).is_some_and(|t| t.is_punct(")")) {
                return (end + 1, Some(zone));
            }
            return (e, None);
        }
        (end, Some(zone))
    }
}
