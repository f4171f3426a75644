//! What a date phrase means, and its value against the publication date.
//!
//! The parser reads a phrase into an [`Expr`]; [`Expr::resolve`] turns it
//! into a [`DateValue`]. The rules for the words that leave something open:
//!
//! - a month or a day without a year is the last one on or before
//!   publication (`a settembre` in November 2024 is 2024-09, in March 2024
//!   `February 12` is 2024-02-12), unless the next one is near: the month
//!   right after publication's, a day at most [`NEAR_FUTURE_DAYS`] ahead
//!   (`dal 13 al 15 giugno` on 10 June is this June; `on October 17` in
//!   mid-September is this October) — but never when the verb nearest it
//!   looks back (`approved on Jan. 10`, `è arrivata il 10 gennaio` on 2
//!   January are last year's); after a forward-looking preposition
//!   (`entro`, `by`, `until`) it is the first one on or after it;
//! - a day named with its weekday (`sabato 25 gennaio`) is in the year,
//!   of the three around publication's, where that day is that weekday,
//!   the nearest to publication if several are;
//! - `scorso`/`last` is the last one strictly before publication,
//!   `prossimo`/`next` the first one strictly after, `this`/`questo` the one
//!   publication falls in;
//! - a bare weekday (`on Tuesday`) is the last such day on or before
//!   publication, the publication day included;
//! - `nel fine settimana` / `the weekend` is the weekend just past (the
//!   current one when publication falls on it), `this weekend` the coming
//!   one, at week grain;
//! - a season is a part of the year holding its last month: spring early,
//!   summer mid, autumn late, winter early (of the year it ends in);
//! - `N units ago` keeps the unit's grain (`tre giorni fa` is a day);
//! - a weekday with a day number and no month (`venerdì 16`) is the day of
//!   that number, in the months around publication, that falls on that
//!   weekday, the nearest to publication;
//! - a movable holiday (`Pasqua`, `Good Friday`, `Thanksgiving`) is picked
//!   like a day without a year; `l'ultima domenica di marzo`, `the first
//!   Monday of October` are in the month picked like a month without a year.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::lang::{Movable, Season};
use crate::when::{DateValue, Grain, Part};

/// Which one of several candidates a relative word picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pick {
    /// The last on or before publication (the default for the past),
    /// or the coming one when it is near.
    Recent,
    /// The last on or before publication, never a coming one: the
    /// sentence's verb looks back ("The SEC approved the funds on Jan.
    /// 10" in an article of 2 January is last year's).
    Past,
    /// The first on or after publication (after `entro`, `by`).
    Upcoming,
    /// Strictly before publication (`scorso`, `last`).
    Last,
    /// Strictly after publication (`prossimo`, `next`).
    Next,
    /// The one publication falls in (`questo`, `this`).
    This,
    /// Whichever is nearer to publication, before or after: a deadline a
    /// verb moved ("prolongé hier jusqu'au 31 mars") may be either side.
    Nearest,
}

/// The year of a month, a day or a season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearRef {
    Abs(i16),
    /// Years from the publication year (`l'anno scorso` is -1).
    Shift(i64),
    Pick(Pick),
}

/// A date phrase as read, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Expr {
    Decade(i16),
    Year(i16),
    Month(i8, YearRef),
    DayMonth(i8, i8, YearRef),
    /// A day and month named with a weekday ("sabato 25 gennaio").
    DayMonthOn(i8, i8, Weekday, Pick),
    /// A full date in figures or words (`15 agosto 2025`, `2025-08-15`).
    Date(Date),
    /// Days from publication (`ieri` is -1).
    Days(i64),
    Weekday(Weekday, Pick),
    /// A calendar unit shifted from publication's (`il mese scorso`).
    Shift(Grain, i64),
    /// Years and a half back from publication, in months, named at year
    /// grain ("vor dreieinhalb Jahren" in September 2024 is 2021): the
    /// year of publication's month moved back so many months.
    HalfYearsAgo(i64),
    Weekend(Pick),
    Season(Season, YearRef),
    /// The month of the previous date in the text, in another year.
    SameMonth(YearRef),
    /// A date shape naming no real day ("31/02/2024", "2024-13-01").
    NoDay,
    /// A weekday with a day number and no month ("venerdì 16").
    DayOn(i8, Weekday, Pick),
    /// A holiday whose day moves with the year ("Pasquetta").
    Movable(Movable, YearRef),
    /// The n-th weekday of a month, -1 the last ("l'ultima domenica di
    /// marzo").
    NthWeekday(i8, Weekday, i8, YearRef),
    /// The first (1) or last (-1) day of a month ("the last day of July").
    MonthEdge(i8, i8, YearRef),
    /// A day of the month without its month ("on the 15th").
    DayOfMonth(i8, Pick),
    /// Days after the previous date of the text, a day ("three days
    /// later").
    Later(i64),
    /// A quarter of a year by its first month ("the second quarter" is
    /// 4): that month through the end of the third.
    Quarter(i8, YearRef),
    /// The unit before the text's ("im Vorjahr", "le mois précédent"):
    /// resolved here as the one before publication's; `State` moves it to
    /// the one before the last date of the paragraph.
    Previous(Grain),
}

impl Expr {
    /// Whether the value depends on the publication date or the context.
    pub fn relative(self) -> bool {
        match self {
            Expr::Decade(_) | Expr::Year(_) | Expr::Date(_) | Expr::NoDay => false,
            Expr::Month(_, y)
            | Expr::DayMonth(_, _, y)
            | Expr::Season(_, y)
            | Expr::Movable(_, y)
            | Expr::NthWeekday(_, _, _, y)
            | Expr::MonthEdge(_, _, y)
            | Expr::Quarter(_, y) => !matches!(y, YearRef::Abs(_)),
            _ => true,
        }
    }

    /// The value needs the publication day, not only its month: "ieri",
    /// "martedì", "tre giorni fa", "la settimana scorsa" do; "il 18
    /// settembre" (a year to pick), "mardi 17" (a month to pick), "il mese
    /// scorso", "l'anno scorso" do not.
    pub(crate) fn needs_day(self) -> bool {
        match self {
            Expr::Month(..)
            | Expr::DayMonth(..)
            | Expr::Season(..)
            | Expr::Movable(..)
            | Expr::NthWeekday(..)
            | Expr::MonthEdge(..)
            | Expr::SameMonth(..)
            | Expr::DayMonthOn(..)
            | Expr::DayOn(..)
            | Expr::DayOfMonth(..)
            | Expr::Quarter(..)
            | Expr::Previous(_) => false,
            Expr::Shift(g, _) => g > Grain::Month,
            Expr::HalfYearsAgo(_) => false,
            x => x.relative(),
        }
    }

    /// The same date in year `y` when it leaves its year open ("L'anno
    /// scorso, a Pasqua": the year named before it in its sentence).
    pub(crate) fn in_year(self, y: i16) -> Expr {
        let abs = YearRef::Abs(y);
        match self {
            Expr::Month(m, YearRef::Pick(_)) => Expr::Month(m, abs),
            Expr::DayMonth(d, m, YearRef::Pick(_)) => Expr::DayMonth(d, m, abs),
            Expr::Movable(h, YearRef::Pick(_)) => Expr::Movable(h, abs),
            Expr::NthWeekday(n, wd, m, YearRef::Pick(_)) => Expr::NthWeekday(n, wd, m, abs),
            Expr::MonthEdge(n, m, YearRef::Pick(_)) => Expr::MonthEdge(n, m, abs),
            Expr::Quarter(m, YearRef::Pick(_)) => Expr::Quarter(m, abs),
            x => x,
        }
    }

    /// A weekday picked from the publication date, which a day named
    /// before it in its sentence may move ("from Friday to Tuesday").
    pub(crate) fn weekday(self) -> Option<Weekday> {
        match self {
            Expr::Weekday(wd, Pick::Recent | Pick::Past | Pick::Upcoming | Pick::Next) => Some(wd),
            _ => None,
        }
    }

    /// A single day, which a clock time can follow or precede.
    pub(crate) fn is_day(self) -> bool {
        matches!(
            self,
            Expr::Date(_)
                | Expr::Days(_)
                | Expr::Weekday(..)
                | Expr::DayMonth(..)
                | Expr::DayMonthOn(..)
                | Expr::DayOn(..)
                | Expr::Movable(..)
                | Expr::NthWeekday(..)
                | Expr::MonthEdge(..)
                | Expr::DayOfMonth(..)
        )
    }

    /// The value, given the publication date and the previous date of the
    /// text; `None` when it needs a publication date there is none of, or
    /// names no real day (31 February).
    pub(crate) fn resolve(
        self,
        publication: Option<Date>,
        previous: Option<DateValue>,
    ) -> Option<DateValue> {
        let year = |y: YearRef| -> Option<i16> {
            match y {
                YearRef::Abs(y) => Some(y),
                YearRef::Shift(n) => i16::try_from(i64::from(publication?.year()) + n).ok(),
                YearRef::Pick(_) => None,
            }
        };
        match self {
            Expr::NoDay => None,
            Expr::Decade(y) => DateValue::decade(y),
            Expr::Year(y) => DateValue::year(y),
            Expr::Date(d) => Some(DateValue::day(d)),
            Expr::Month(m, YearRef::Pick(pick)) => {
                let p = publication?;
                let next_month = m == p.month() % 12 + 1;
                let pick = if pick == Pick::Recent && next_month {
                    Pick::Next
                } else {
                    pick
                };
                let y = pick_year(p.year(), p.month(), m, pick)?;
                DateValue::month(y, m)
            }
            Expr::Month(m, y) => DateValue::month(year(y)?, m),
            Expr::Quarter(m, y) => {
                let mut first = Expr::Month(m, y).resolve(publication, previous)?;
                // A coming quarter may be the one under way ("per il terzo
                // trimestre" in August).
                if let (YearRef::Pick(Pick::Upcoming), Some(p)) = (y, publication)
                    && let Some(current) = DateValue::month(first.start.year() - 1, m)
                    && current.start <= p
                    && current.start.checked_add(3.months()).is_ok_and(|e| p < e)
                {
                    first = current;
                }
                let last = first.start.checked_add(2.months()).ok()?.last_of_month();
                Some(first.through(last))
            }
            Expr::DayMonth(d, m, YearRef::Pick(pick)) => {
                day_month(publication?, d, m, pick).map(DateValue::day)
            }
            Expr::DayMonthOn(d, m, wd, pick) => {
                let p = publication?;
                let on_weekday = (-1..=1)
                    .filter_map(|k| Date::new(p.year().checked_add(k)?, m, d).ok())
                    .filter(|c| c.weekday() == wd)
                    .min_by_key(|c| {
                        p.until(*c)
                            .map_or(i32::MAX, |s| s.get_days().saturating_abs())
                    });
                on_weekday
                    .or_else(|| day_month(p, d, m, pick))
                    .map(DateValue::day)
            }
            Expr::DayMonth(d, m, y) => Date::new(year(y)?, m, d).ok().map(DateValue::day),
            Expr::Days(n) => Some(DateValue::day(publication?.checked_add(n.days()).ok()?)),
            Expr::Weekday(wd, pick) => Some(DateValue::day(weekday(publication?, wd, pick)?)),
            Expr::Shift(grain, n) => shift(publication?, grain, n),
            Expr::HalfYearsAgo(months) => {
                let d = publication?
                    .first_of_month()
                    .checked_sub(months.months())
                    .ok()?;
                DateValue::year(d.year())
            }
            Expr::Weekend(pick) => weekend(publication?, pick),
            Expr::Season(s, y) => {
                let y = match y {
                    YearRef::Pick(pick) => {
                        let p = publication?;
                        season_year(p, s, pick)?
                    }
                    y => year(y)?,
                };
                Some(DateValue::year(y)?.with_part(Some(s.part)))
            }
            Expr::DayOn(d, wd, pick) => day_on(publication?, d, wd, pick).map(DateValue::day),
            Expr::Movable(h, YearRef::Pick(pick)) => {
                let p = publication?;
                let candidates = (-1..=1).filter_map(|k| movable(h, p.year().checked_add(k)?));
                picked(p, candidates, pick).map(DateValue::day)
            }
            Expr::Movable(h, y) => movable(h, year(y)?).map(DateValue::day),
            Expr::NthWeekday(n, wd, m, y) => {
                let y = match y {
                    YearRef::Pick(pick) => {
                        let p = publication?;
                        let candidates = (-1..=1)
                            .filter_map(|k| nth_weekday(p.year().checked_add(k)?, m, wd, n));
                        return picked(p, candidates, pick).map(DateValue::day);
                    }
                    y => year(y)?,
                };
                nth_weekday(y, m, wd, n).map(DateValue::day)
            }
            Expr::MonthEdge(n, m, y) => {
                let edge = |y: i16| {
                    let first = Date::new(y, m, 1).ok()?;
                    Some(if n < 0 { first.last_of_month() } else { first })
                };
                let day = match y {
                    YearRef::Pick(pick) => {
                        let p = publication?;
                        let candidates = (-1..=1).filter_map(|k| edge(p.year().checked_add(k)?));
                        picked(p, candidates, pick)?
                    }
                    y => edge(year(y)?)?,
                };
                Some(DateValue::day(day))
            }
            Expr::DayOfMonth(d, pick) => {
                let p = publication?;
                let first = p.first_of_month();
                let candidates = (-1i64..=1)
                    .filter_map(|k| first.checked_add(k.months()).ok())
                    .filter_map(|m| Date::new(m.year(), m.month(), d).ok());
                // The default reading is the nearest such day.
                let day = if pick == Pick::Recent {
                    candidates.min_by_key(|c| {
                        let days = p.until(*c).map_or(i32::MAX, |s| s.get_days());
                        (days.saturating_abs(), days > 0)
                    })
                } else {
                    picked(p, candidates, pick)
                };
                day.map(DateValue::day)
            }
            // "Il giorno prima", "the day before": the day before the last
            // day the text named, wherever it stands; publication's only
            // when the text named none.
            Expr::Previous(Grain::Day) => {
                let day = previous.filter(|d| d.grain >= Grain::Day);
                shift(day.map(|d| d.start).or(publication)?, Grain::Day, -1)
            }
            Expr::Previous(grain) => shift(publication?, grain, -1),
            Expr::Later(n) => {
                let day = previous.filter(|d| d.grain == Grain::Day)?;
                Some(DateValue::day(day.start.checked_add(n.days()).ok()?))
            }
            Expr::SameMonth(y) => {
                let month = previous.filter(|d| d.grain >= Grain::Month)?.start.month();
                let y = match y {
                    YearRef::Pick(_) => previous?.start.year(),
                    y => year(y)?,
                };
                DateValue::month(y, month)
            }
        }
    }
}

/// How far ahead a day without a year may be and still be read as the
/// coming one rather than the last one.
pub(super) const NEAR_FUTURE_DAYS: i32 = 45;

/// A day and month without a year: the one `pick` names, except that the
/// default reading takes the coming one when it is near.
fn day_month(p: Date, d: i8, m: i8, pick: Pick) -> Option<Date> {
    let at = |pick| {
        let y = pick_year(p.year(), (p.month(), p.day()), (m, d), pick)?;
        Date::new(y, m, d).ok()
    };
    if pick == Pick::Recent
        && let Some(ahead) = at(Pick::Upcoming)
        && p.until(ahead).ok()?.get_days() <= NEAR_FUTURE_DAYS
    {
        return Some(ahead);
    }
    if pick == Pick::Nearest {
        let (back, ahead) = (at(Pick::Past)?, at(Pick::Upcoming)?);
        let days = |d: Date| {
            p.until(d)
                .map_or(i32::MAX, |s| s.get_days().saturating_abs())
        };
        return Some(if days(ahead) < days(back) {
            ahead
        } else {
            back
        });
    }
    at(pick)
}

/// The candidate day `pick` names: the default reading takes the coming
/// one when it is at most [`NEAR_FUTURE_DAYS`] ahead, else the last one on
/// or before publication.
fn picked(p: Date, candidates: impl Iterator<Item = Date>, pick: Pick) -> Option<Date> {
    let all: Vec<Date> = candidates.collect();
    let last_before = |strict: bool| {
        all.iter()
            .copied()
            .filter(|c| if strict { *c < p } else { *c <= p })
            .max()
    };
    let first_after = |strict: bool| {
        all.iter()
            .copied()
            .filter(|c| if strict { *c > p } else { *c >= p })
            .min()
    };
    match pick {
        Pick::Recent => first_after(false)
            .filter(|c| p.until(*c).is_ok_and(|s| s.get_days() <= NEAR_FUTURE_DAYS))
            .or_else(|| last_before(false)),
        Pick::Past => last_before(false),
        Pick::Last => last_before(true),
        Pick::Upcoming => first_after(false),
        Pick::Next => first_after(true),
        Pick::This => all.into_iter().find(|c| c.year() == p.year()),
        Pick::Nearest => all.into_iter().min_by_key(|c| {
            p.until(*c)
                .map_or(i32::MAX, |s| s.get_days().saturating_abs())
        }),
    }
}

/// A day number on a weekday ("venerdì 16"): the nearest such day in the
/// three months either side of publication, the coming one on a tie.
fn day_on(p: Date, d: i8, wd: Weekday, pick: Pick) -> Option<Date> {
    let first = p.first_of_month();
    let candidates = (-3i64..=3)
        .filter_map(|k| first.checked_add(k.months()).ok())
        .filter_map(|m| Date::new(m.year(), m.month(), d).ok())
        .filter(|c| c.weekday() == wd)
        .filter(|c| match pick {
            Pick::Last => *c < p,
            Pick::Next => *c > p,
            Pick::Upcoming => *c >= p,
            Pick::Past => *c <= p,
            Pick::Recent | Pick::This | Pick::Nearest => true,
        });
    candidates.min_by_key(|c| {
        let days = p.until(*c).map_or(i32::MAX, |s| s.get_days());
        (days.saturating_abs(), days < 0)
    })
}

/// The day of a movable holiday in `year`.
pub(super) fn movable(h: Movable, year: i16) -> Option<Date> {
    match h {
        Movable::Easter(offset) => easter(year)?.checked_add(i64::from(offset).days()).ok(),
        Movable::Nth {
            month,
            weekday,
            n,
            offset,
        } => nth_weekday(year, month, weekday, n)?
            .checked_add(i64::from(offset).days())
            .ok(),
    }
}

/// Western Easter Sunday (the anonymous Gregorian computus).
pub(super) fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The `n`-th `wd` of a month, `n` = -1 the last.
pub(super) fn nth_weekday(year: i16, month: i8, wd: Weekday, n: i8) -> Option<Date> {
    if n < 0 {
        let last = Date::new(year, month, 1).ok()?.last_of_month();
        let back = (i64::from(last.weekday().to_monday_zero_offset())
            - i64::from(wd.to_monday_zero_offset()))
        .rem_euclid(7);
        return last.checked_sub(back.days()).ok();
    }
    let first = Date::new(year, month, 1).ok()?;
    let ahead = (i64::from(wd.to_monday_zero_offset())
        - i64::from(first.weekday().to_monday_zero_offset()))
    .rem_euclid(7);
    let day = first
        .checked_add((ahead + 7 * i64::from(n - 1)).days())
        .ok()?;
    (day.month() == month).then_some(day)
}

/// The year of a month (or a month-and-day, compared as a pair) picked
/// relative to publication's.
fn pick_year<K: PartialOrd>(pub_year: i16, now: K, key: K, pick: Pick) -> Option<i16> {
    let shift = match pick {
        Pick::Recent | Pick::Past | Pick::Nearest if key <= now => 0,
        Pick::Recent | Pick::Past | Pick::Nearest => -1,
        Pick::Last if key < now => 0,
        Pick::Last => -1,
        Pick::Upcoming if key >= now => 0,
        Pick::Upcoming => 1,
        Pick::Next if key > now => 0,
        Pick::Next => 1,
        Pick::This => 0,
    };
    pub_year.checked_add(shift)
}

fn weekday(p: Date, wd: Weekday, pick: Pick) -> Option<Date> {
    let today = i64::from(p.weekday().to_monday_zero_offset());
    let target = i64::from(wd.to_monday_zero_offset());
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let days = match pick {
        Pick::Recent | Pick::Past => -back,
        Pick::Nearest if back <= ahead => -back,
        Pick::Nearest => ahead,
        Pick::Last => -(if back == 0 { 7 } else { back }),
        Pick::Upcoming => ahead,
        Pick::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Pick::This => target - today,
    };
    p.checked_add(days.days()).ok()
}

pub(super) fn shift(p: Date, grain: Grain, n: i64) -> Option<DateValue> {
    match grain {
        Grain::Day => Some(DateValue::day(p.checked_add(n.days()).ok()?)),
        Grain::Week => Some(DateValue::week(p.checked_add((7 * n).days()).ok()?)),
        Grain::Month => {
            let d = p.first_of_month().checked_add(n.months()).ok()?;
            DateValue::month(d.year(), d.month())
        }
        Grain::Year => DateValue::year(i16::try_from(i64::from(p.year()) + n).ok()?),
        // Only "the end of the decade": "the last decade" is the ten years
        // before publication, not the 2010s.
        Grain::Decade if n == 0 => DateValue::decade(p.year()),
        _ => None,
    }
}

/// The weekend (its week) a phrase picks: the one just past by default.
fn weekend(p: Date, pick: Pick) -> Option<DateValue> {
    let saturday = weekday(p, Weekday::Saturday, Pick::Recent)?;
    let on_weekend = p.weekday().to_monday_zero_offset() >= 5;
    let date = match pick {
        Pick::Recent | Pick::Past | Pick::Nearest => saturday,
        Pick::Last if on_weekend => saturday.checked_sub(7.days()).ok()?,
        Pick::Last => saturday,
        Pick::Upcoming | Pick::This if on_weekend => saturday,
        Pick::Upcoming | Pick::This | Pick::Next => weekday(p, Weekday::Saturday, Pick::Next)?,
    };
    Some(DateValue::week(date))
}

/// The year a season belongs to (the year of its last month).
fn season_year(p: Date, s: Season, pick: Pick) -> Option<i16> {
    let (y, m) = (p.year(), p.month());
    // The season last begun, named by the year of its last month.
    let current = match (s.first_month > s.last_month, m >= s.first_month) {
        (true, true) => y + 1,
        (true, false) | (false, true) => y,
        (false, false) => y - 1,
    };
    let ended = (y, m) > (current, s.last_month);
    // "questo autunno" in June, "this summer" in February or in
    // September: the one of the publication year; a winter, the one under
    // way in January or February, else the one this December begins.
    if pick == Pick::This {
        let wraps = s.first_month > s.last_month;
        return Some(if wraps && m > s.last_month { y + 1 } else { y });
    }
    let shift = match pick {
        Pick::Recent | Pick::Past | Pick::This | Pick::Nearest => 0,
        // The last one that is over.
        Pick::Last if ended => 0,
        Pick::Last => -1,
        Pick::Upcoming if !ended => 0,
        Pick::Upcoming | Pick::Next => 1,
    };
    current.checked_add(shift)
}

/// A part applies to a period longer than a day.
pub(super) fn with_part(value: DateValue, part: Option<Part>) -> DateValue {
    if value.grain >= Grain::Day {
        value
    } else {
        value.with_part(part.or(value.part))
    }
}
