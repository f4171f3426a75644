//! Figures and claims as an editor reads them: numbers grouped the way the
//! article's language writes them (`10.000` in Italian, `10,000` in
//! English), qualifiers in words.

use crate::claim::{Claim, Interval, Qualifier, Quantity, Value};
use crate::lang::Lang;
use crate::refs::Figure;

/// Formats a number with the language's separators and at most two
/// decimals (`1.234,5` in Italian, `1,234.5` in English).
pub fn number(value: f64, lang: Lang) -> String {
    let (group, decimal) = if lang.data().decimal_comma {
        ('.', ',')
    } else {
        (',', '.')
    };
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let int = rounded.trunc();
    let frac = ((rounded - int) * 100.0).round() as u64;
    let digits = if int < 1e21 {
        format!("{int:.0}")
    } else {
        format!("{int:e}")
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() < 22 {
            out.push(group);
        }
        out.push(c);
    }
    if frac > 0 {
        out.push(decimal);
        if frac.is_multiple_of(10) {
            out.push_str(&(frac / 10).to_string());
        } else {
            out.push_str(&format!("{frac:02}"));
        }
    }
    if negative {
        out.insert(0, '-');
    }
    out
}

fn interval(iv: &Interval, lang: Lang) -> String {
    match (iv.low, iv.high) {
        (Some(a), Some(b)) if a == b => number(a, lang),
        (Some(a), Some(b)) => format!("{}–{}", number(a, lang), number(b, lang)),
        (Some(a), None) => format!(
            "{}{}",
            if iv.low_open {
                "more than "
            } else {
                "at least "
            },
            number(a, lang)
        ),
        (None, Some(b)) => format!(
            "{}{}",
            if iv.high_open {
                "less than "
            } else {
                "at most "
            },
            number(b, lang)
        ),
        (None, None) => "any".to_string(),
    }
}

/// The normalized value of a quantity: "more than 10,000", "about 600",
/// "2,000–9,999 (vague)", "1.2 billion EUR".
pub fn quantity(q: &Quantity, lang: Lang) -> String {
    let n = |v: f64| number(v, lang);
    let core = match (q.qualifier, q.value) {
        (Qualifier::Exact, Some(v)) => n(v),
        (Qualifier::Approx, Some(v)) if q.interval.high == Some(v) => format!("nearly {}", n(v)),
        (Qualifier::Approx, Some(v)) => format!("about {}", n(v)),
        (Qualifier::MoreThan, Some(v)) => format!("more than {}", n(v)),
        (Qualifier::AtLeast, Some(v)) => format!("at least {}", n(v)),
        (Qualifier::LessThan, Some(v)) => format!("less than {}", n(v)),
        (Qualifier::AtMost, Some(v)) => format!("at most {}", n(v)),
        (Qualifier::Vague, _) => format!("{} (vague)", interval(&q.interval, lang)),
        _ => interval(&q.interval, lang),
    };
    suffix(core, q)
}

fn suffix(core: String, q: &Quantity) -> String {
    match (q.currency, q.unit) {
        (Some(c), _) => format!("{core} {c}"),
        (None, Some(crate::units::Unit::Pp)) => format!("{core} pp"),
        (None, Some(u)) => format!("{core} {u}"),
        (None, None) => core,
    }
}

/// The normalized value of any claim.
pub fn claim(claim: &Claim, lang: Lang) -> String {
    match &claim.value {
        Value::Quantity(q) => {
            let text = quantity(q, lang);
            if claim.kind == crate::claim::Kind::Percent && q.unit.is_none() {
                format!("{text}%")
            } else {
                text
            }
        }
        Value::Date(Some(d)) => d.to_string(),
        Value::Time(Some(t)) => t.iso(),
        Value::Date(None) | Value::Time(None) => "unresolved (no publication date)".to_string(),
    }
}

/// A reference figure: "11,000", "11,000–12,000", "2024-08-06".
pub fn figure(figure: &Figure, lang: Lang) -> String {
    match figure {
        Figure::Number(v) => number(*v, lang),
        Figure::Range(a, b) => format!("{}–{}", number(*a, lang), number(*b, lang)),
        Figure::Date(d) => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_article_language() {
        assert_eq!(number(10_000.0, Lang::It), "10.000");
        assert_eq!(number(10_000.0, Lang::En), "10,000");
        assert_eq!(number(1.5, Lang::It), "1,5");
        assert_eq!(number(1_234_567.25, Lang::En), "1,234,567.25");
        assert_eq!(number(600.0, Lang::En), "600");
    }
}
