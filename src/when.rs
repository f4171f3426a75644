//! Dates at a grain, with an optional part, and times with an offset.
//!
//! A date is the interval of days it stands for: `2024` is the whole year,
//! `early 2025` January to April. Two dates agree when their intervals
//! overlap, which is DESIGN.md's "coincide at the coarser grain".

use std::fmt;

use jiff::ToSpan;
use jiff::civil::{Date, DateTime};

/// How precise a date or time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    Decade,
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
}

impl Grain {
    pub fn name(self) -> &'static str {
        match self {
            Grain::Decade => "decade",
            Grain::Year => "year",
            Grain::Month => "month",
            Grain::Week => "week",
            Grain::Day => "day",
            Grain::Hour => "hour",
            Grain::Minute => "minute",
        }
    }
}

/// Early, mid or late in a period: thirds of it (a year: January–April,
/// May–August, September–December; a month: days 1–10, 11–20, 21–end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::Mid => "mid",
            Part::Late => "late",
        }
    }
}

/// A calendar date at a grain: the period starting at `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateValue {
    pub grain: Grain,
    /// First day of the period (for a decade, 1 January of its first year).
    pub start: Date,
    pub part: Option<Part>,
    /// The last day of a span of days ("dal 3 al 5 novembre", "Nov.
    /// 3-4"), `start` being the first; `None` for a single period.
    pub end: Option<Date>,
}

impl DateValue {
    pub(crate) fn decade(year: i16) -> Option<DateValue> {
        DateValue::at(
            Grain::Decade,
            Date::new(year - year.rem_euclid(10), 1, 1).ok()?,
        )
    }

    pub fn year(year: i16) -> Option<DateValue> {
        DateValue::at(Grain::Year, Date::new(year, 1, 1).ok()?)
    }

    pub fn month(year: i16, month: i8) -> Option<DateValue> {
        DateValue::at(Grain::Month, Date::new(year, month, 1).ok()?)
    }

    pub fn day(date: Date) -> DateValue {
        DateValue {
            grain: Grain::Day,
            start: date,
            part: None,
            end: None,
        }
    }

    /// The ISO week holding `date`.
    pub(crate) fn week(date: Date) -> DateValue {
        let monday = date
            .checked_sub((date.weekday().to_monday_zero_offset() as i64).days())
            .unwrap_or(date);
        DateValue {
            grain: Grain::Week,
            start: monday,
            part: None,
            end: None,
        }
    }

    fn at(grain: Grain, start: Date) -> Option<DateValue> {
        Some(DateValue {
            grain,
            start,
            part: None,
            end: None,
        })
    }

    pub(crate) fn with_part(self, part: Option<Part>) -> DateValue {
        DateValue { part, ..self }
    }

    /// The span of days from this date's start to `last`.
    pub fn through(self, last: Date) -> DateValue {
        DateValue {
            end: (last > self.start).then_some(last),
            ..self
        }
    }

    /// Parses an ISO value at any grain: `199X`, `2024`, `2024-08`,
    /// `2024-W34`, `2024-08-06`.
    pub(crate) fn parse_iso(text: &str) -> Option<DateValue> {
        let text = text.trim();
        if let Some(prefix) = text.strip_suffix('X') {
            if prefix.len() == 3 && prefix.bytes().all(|b| b.is_ascii_digit()) {
                return DateValue::decade(prefix.parse::<i16>().ok()? * 10);
            }
            return None;
        }
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        match parts.as_slice() {
            [y] if digits(y, 4) => DateValue::year(y.parse().ok()?),
            [y, w] if digits(y, 4) && w.starts_with('W') && digits(&w[1..], 2) => {
                let week = jiff::civil::ISOWeekDate::new(
                    y.parse().ok()?,
                    w[1..].parse().ok()?,
                    jiff::civil::Weekday::Monday,
                )
                .ok()?;
                Some(DateValue::week(week.date()))
            }
            [y, m] if digits(y, 4) && digits(m, 2) => {
                DateValue::month(y.parse().ok()?, m.parse().ok()?)
            }
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
                Some(DateValue::day(text.parse().ok()?))
            }
            _ => None,
        }
    }

    /// The first and last day of the period, the part applied.
    pub fn days(self) -> (Date, Date) {
        let start = self.start;
        if let Some(last) = self.end {
            return (start, last);
        }
        let end = match self.grain {
            Grain::Decade => start.checked_add(10.years()),
            Grain::Year => start.checked_add(1.year()),
            Grain::Month => start.checked_add(1.month()),
            Grain::Week => start.checked_add(7.days()),
            _ => start.checked_add(1.day()),
        }
        .ok()
        .and_then(|d| d.yesterday().ok())
        .unwrap_or(start);
        let Some(part) = self.part else {
            return (start, end);
        };
        let total = (end - start).get_days() as i64 + 1;
        let (from, to) = match (self.grain, part) {
            // Thirds of a year are whole months.
            (Grain::Year, Part::Early) => (0, 4),
            (Grain::Year, Part::Mid) => (4, 8),
            (Grain::Year, Part::Late) => (8, 12),
            (Grain::Decade, Part::Early) => (0, 4),
            (Grain::Decade, Part::Mid) => (3, 7),
            (Grain::Decade, Part::Late) => (6, 10),
            _ => {
                let third = total / 3;
                let (a, b) = match part {
                    Part::Early => (0, third),
                    Part::Mid => (third, 2 * third),
                    Part::Late => (2 * third, total),
                };
                let first = start.checked_add(a.days()).unwrap_or(start);
                let last = start.checked_add((b - 1).days()).unwrap_or(end);
                return (first, last);
            }
        };
        let unit_months = if self.grain == Grain::Decade { 12 } else { 1 };
        let first = start
            .checked_add((from * unit_months).months())
            .unwrap_or(start);
        let last = start
            .checked_add((to * unit_months).months())
            .ok()
            .and_then(|d| d.yesterday().ok())
            .unwrap_or(end);
        (first, last)
    }

    /// True when the two periods share a day.
    pub(crate) fn overlaps(self, other: DateValue) -> bool {
        let (a0, a1) = self.days();
        let (b0, b1) = other.days();
        a0 <= b1 && b0 <= a1
    }

    pub(crate) fn iso(self) -> String {
        let s = self.start;
        // Fast path for the years articles name; `format!` costs more
        // than the rest of a claim's JSON.
        if (0..=9999).contains(&s.year()) && self.grain != Grain::Week {
            let mut out = String::with_capacity(10);
            let digits = |out: &mut String, v: i16, width: u32| {
                for k in (0..width).rev() {
                    let d = (v / 10i16.pow(k)) % 10;
                    out.push(char::from(b'0' + d as u8));
                }
            };
            match self.grain {
                Grain::Decade => {
                    digits(&mut out, s.year() / 10, 3);
                    out.push('X');
                }
                Grain::Year => digits(&mut out, s.year(), 4),
                Grain::Month => {
                    digits(&mut out, s.year(), 4);
                    out.push('-');
                    digits(&mut out, s.month().into(), 2);
                }
                _ => {
                    digits(&mut out, s.year(), 4);
                    out.push('-');
                    digits(&mut out, s.month().into(), 2);
                    out.push('-');
                    digits(&mut out, s.day().into(), 2);
                }
            }
            return out;
        }
        match self.grain {
            Grain::Decade => format!("{:03}X", s.year() / 10),
            Grain::Year => format!("{:04}", s.year()),
            Grain::Month => format!("{:04}-{:02}", s.year(), s.month()),
            Grain::Week => {
                let w = s.iso_week_date();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            _ => format!("{:04}-{:02}-{:02}", s.year(), s.month(), s.day()),
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            Some(part) => write!(f, "{} {}", part.name(), self.iso())?,
            None => f.write_str(&self.iso())?,
        }
        // A span of days as an ISO 8601 interval: 2024-11-03/2024-11-04.
        match self.end {
            Some(end) => write!(f, "/{}", DateValue::day(end).iso()),
            None => Ok(()),
        }
    }
}

/// A moment at hour or minute grain, with the UTC offset it was stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeValue {
    pub local: DateTime,
    pub offset_seconds: i32,
    pub grain: Grain,
}

impl TimeValue {
    pub(crate) fn iso(self) -> String {
        let l = self.local;
        let sign = if self.offset_seconds < 0 { '-' } else { '+' };
        let off = self.offset_seconds.abs();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:00{}{:02}:{:02}",
            l.year(),
            l.month(),
            l.day(),
            l.hour(),
            l.minute(),
            sign,
            off / 3600,
            off % 3600 / 60
        )
    }

    /// The day the time falls on, where it was stated.
    pub fn date(self) -> DateValue {
        DateValue::day(self.local.date())
    }
}

/// An article's publication date: a day, or only a month ("--date
/// 2025-04", `date: 2025-04`, an excerpt whose page gives no day). A month
/// reads as its 15th where a day is needed (ordering the sources' figures,
/// counting back "ieri"), and a relative date finer than a month found
/// against it is reported at the month's grain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PubDate {
    /// The day, or the 15th of a month-only date.
    pub day: Date,
    pub month_only: bool,
    /// The time of day of a datetime (`2025-03-10T08:30:00+01:00`), which
    /// resolves "due ore fa" and "now" at hour grain.
    pub clock: Option<jiff::civil::Time>,
    /// The datetime's UTC offset, in seconds.
    pub offset_seconds: Option<i32>,
}

/// The day a month-only publication date stands for.
const MID_MONTH: i8 = 15;

impl PubDate {
    pub fn day(day: Date) -> PubDate {
        PubDate {
            day,
            month_only: false,
            clock: None,
            offset_seconds: None,
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM`, or an RFC 3339 datetime
    /// (`2025-03-10T08:30:00+01:00`), whose time and offset are kept.
    pub fn parse(text: &str) -> Option<PubDate> {
        if text.len() > 10 {
            let day = text.get(..10)?.parse::<Date>().ok()?;
            let clock = clock_of(text)?;
            return Some(PubDate {
                clock: Some(clock),
                offset_seconds: offset_of(text).ok()?,
                ..PubDate::day(day)
            });
        }
        if let Ok(day) = text.parse::<Date>() {
            return Some(PubDate::day(day));
        }
        let (y, m) = text.split_once('-')?;
        let well_formed =
            y.len() == 4 && m.len() == 2 && y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit());
        if !well_formed {
            return None;
        }
        let day = Date::new(y.parse().ok()?, m.parse().ok()?, MID_MONTH).ok()?;
        Some(PubDate {
            month_only: true,
            ..PubDate::day(day)
        })
    }
}

/// The time of day of an RFC 3339 datetime ("2025-03-10T08:30:00+01:00"
/// is 08:30); `None` for a bare date.
pub fn clock_of(datetime: &str) -> Option<jiff::civil::Time> {
    let rest = datetime.get(10..)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let hour: i8 = rest.get(..2)?.parse().ok()?;
    let minute: i8 = rest.get(3..5)?.parse().ok()?;
    (rest.get(2..3) == Some(":"))
        .then(|| jiff::civil::Time::new(hour, minute, 0, 0).ok())
        .flatten()
}

/// The UTC offset at the end of an RFC 3339 datetime, in seconds; `None`
/// without one. An offset out of range (`+99:99`) is refused.
pub fn offset_of(datetime: &str) -> Result<Option<i32>, &'static str> {
    let Some(time) = datetime.get(10..) else {
        return Ok(None);
    };
    if time.ends_with(['Z', 'z']) {
        return Ok(Some(0));
    }
    let Some(sign_at) = time.rfind(['+', '-']) else {
        return Ok(None);
    };
    let sign = if time[sign_at..].starts_with('-') {
        -1
    } else {
        1
    };
    let digits: String = time[sign_at + 1..]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let bad = "has a UTC offset that is not one (write +HH:MM, hours up to 23, minutes up to 59)";
    if digits.len() != 4 {
        return Err(bad);
    }
    let hours: i32 = digits[..2].parse().map_err(|_| bad)?;
    let minutes: i32 = digits[2..].parse().map_err(|_| bad)?;
    if hours > 23 || minutes > 59 {
        return Err(bad);
    }
    Ok(Some(sign * (hours * 3600 + minutes * 60)))
}

impl From<Date> for PubDate {
    fn from(day: Date) -> PubDate {
        PubDate::day(day)
    }
}

impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.month_only {
            write!(f, "{:04}-{:02}", self.day.year(), self.day.month())
        } else {
            write!(f, "{}", self.day)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publication_datetime_keeps_its_clock_and_offset() {
        let p = PubDate::parse("2013-02-12T04:30:00-02:00").unwrap();
        assert_eq!(p.day, jiff::civil::date(2013, 2, 12));
        assert_eq!(p.clock, Some(jiff::civil::time(4, 30, 0, 0)));
        assert_eq!(p.offset_seconds, Some(-7200));
        assert_eq!(
            PubDate::parse("2013-02-12T04:30Z").unwrap().offset_seconds,
            Some(0)
        );
        let bare = PubDate::parse("2013-02-12").unwrap();
        assert_eq!((bare.clock, bare.offset_seconds), (None, None));
        for bad in [
            "2013-02-12T4:30",
            "2013-02-12T04:30:00+99:00",
            "2013-02-12 junk",
        ] {
            assert_eq!(PubDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn iso_fast_path_matches_format() {
        for (y, m, d) in [
            (2024, 8, 6),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 2, 3),
            (-5, 3, 4),
        ] {
            let start = Date::new(y, m, d).unwrap();
            for grain in [
                Grain::Decade,
                Grain::Year,
                Grain::Month,
                Grain::Week,
                Grain::Day,
            ] {
                let v = DateValue {
                    grain,
                    start,
                    part: None,
                    end: None,
                };
                let expected = match grain {
                    Grain::Decade => format!("{:03}X", y / 10),
                    Grain::Year => format!("{y:04}"),
                    Grain::Month => format!("{y:04}-{m:02}"),
                    Grain::Week => {
                        let w = start.iso_week_date();
                        format!("{:04}-W{:02}", w.year(), w.week())
                    }
                    _ => format!("{y:04}-{m:02}-{d:02}"),
                };
                assert_eq!(v.iso(), expected, "{grain:?} {y}-{m}-{d}");
            }
        }
    }
    use jiff::civil::date;

    #[test]
    fn month_overlaps_a_day_inside_it() {
        let month = DateValue::parse_iso("2024-08").unwrap();
        let day = DateValue::parse_iso("2024-08-06").unwrap();
        assert!(month.overlaps(day));
        assert!(!month.overlaps(DateValue::parse_iso("2024-09-01").unwrap()));
    }

    #[test]
    fn early_year_is_january_to_april() {
        let early = DateValue::year(2025).unwrap().with_part(Some(Part::Early));
        assert_eq!(early.days(), (date(2025, 1, 1), date(2025, 4, 30)));
        assert!(!early.overlaps(DateValue::day(date(2025, 8, 6))));
    }

    #[test]
    fn iso_forms_round_trip() {
        for iso in ["199X", "2024", "2024-08", "2024-W34", "2024-08-06"] {
            assert_eq!(DateValue::parse_iso(iso).unwrap().iso(), iso);
        }
    }

    #[test]
    fn late_month_is_its_last_third() {
        let late = DateValue::month(2024, 3)
            .unwrap()
            .with_part(Some(Part::Late));
        assert_eq!(late.days(), (date(2024, 3, 21), date(2024, 3, 31)));
    }

    #[test]
    fn a_publication_date_may_name_only_its_month() {
        let month = PubDate::parse("2025-04").unwrap();
        assert_eq!((month.day, month.month_only), (date(2025, 4, 15), true));
        assert_eq!(month.to_string(), "2025-04");
        let day = PubDate::parse("2025-04-02").unwrap();
        assert_eq!((day.day, day.month_only), (date(2025, 4, 2), false));
        assert_eq!(day.to_string(), "2025-04-02");
        for bad in ["2025-4", "2025-13", "25-04", "2025-04-31", "april"] {
            assert_eq!(PubDate::parse(bad), None, "{bad}");
        }
    }
}
