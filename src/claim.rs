//! What the extractor produces: a claim is a span of the article with its
//! kind and its normalized value.

use std::fmt;

use crate::text::span::Span;
use crate::units::{Currency, Unit};
use crate::when::{DateValue, TimeValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Count,
    Money,
    Percent,
    Measure,
    Date,
    Time,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Count,
        Kind::Money,
        Kind::Percent,
        Kind::Measure,
        Kind::Date,
        Kind::Time,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Measure => "measure",
            Kind::Date => "date",
            Kind::Time => "time",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub(crate) fn is_quantity(self) -> bool {
        !matches!(self, Kind::Date | Kind::Time)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a figure is hedged, per DESIGN.md's table of qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    Approx,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Range,
    Vague,
}

impl Qualifier {
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// A numeric interval; `None` is an open end, `*_open` an excluded bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_open: bool,
    pub high_open: bool,
}

impl Interval {
    pub fn closed(low: f64, high: f64) -> Interval {
        Interval {
            low: Some(low),
            high: Some(high),
            low_open: false,
            high_open: false,
        }
    }

    pub(crate) fn point(n: f64) -> Interval {
        Interval::closed(n, n)
    }

    /// True when the intervals share at least one number.
    pub(crate) fn overlaps(&self, other: &Interval) -> bool {
        below(self.low, self.low_open, other.high, other.high_open)
            && below(other.low, other.low_open, self.high, self.high_open)
    }

    pub fn scale(&self, factor: f64) -> Interval {
        Interval {
            low: self.low.map(|v| v * factor),
            high: self.high.map(|v| v * factor),
            ..*self
        }
    }
}

/// Whether a lower bound lies below an upper bound (they can meet). Two
/// bounds within a rounding error of each other meet: 33.05 widened by a
/// tolerance of 0.05 reaches 33.1, although in binary it falls short by
/// 1e-15; an open bound stays out by the same margin.
fn below(low: Option<f64>, low_open: bool, high: Option<f64>, high_open: bool) -> bool {
    match (low, high) {
        (Some(l), Some(h)) => {
            let slack = FLOAT_SLACK * l.abs().max(h.abs()).max(1.0);
            if low_open || high_open {
                l < h - slack
            } else {
                l <= h + slack
            }
        }
        _ => true,
    }
}

/// Relative difference below which two bounds are the same number written
/// two ways (far below any figure's last written digit).
const FLOAT_SLACK: f64 = 1e-9;

/// A normalized count, amount, percentage or measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The figure as stated; `None` for a vague word like `migliaia`.
    pub value: Option<f64>,
    pub qualifier: Qualifier,
    /// The interval the qualifier stands for.
    pub interval: Interval,
    pub unit: Option<Unit>,
    pub currency: Option<Currency>,
}

/// The normalized value of a claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Quantity(Quantity),
    /// `None`: a relative date without a publication date to resolve it.
    Date(Option<DateValue>),
    Time(Option<TimeValue>),
}

/// One quantitative claim of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub span: Span,
    pub kind: Kind,
    pub value: Value,
    /// The date or time depends on the publication date.
    pub relative: bool,
    /// The noun phrase the figure counts, as written ([`Claim::counted`]
    /// reads it). Boxed twice: the claim holds a thin pointer (8 bytes, not
    /// 16) for what few claims have, and so a claim is 96 bytes and a
    /// finding 112 (a figure-dense article has hundreds of thousands).
    pub counted: Option<Box<Box<str>>>,
}

impl Claim {
    /// The noun phrase the figure counts, as written.
    pub fn counted(&self) -> Option<&str> {
        self.counted.as_deref().map(|c| &**c)
    }

    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.value {
            Value::Quantity(q) => Some(q),
            _ => None,
        }
    }
}
