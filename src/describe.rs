//! Figures and claims as an editor reads them: numbers grouped the way the
//! article's language writes them (`10.000` in Italian, `10,000` in
//! English), qualifiers in words. The words are English unless a `words`
//! language is given (`…_in`): the explanation an editor reads is in the
//! article's language, the one a program reads in English
//! ([`crate::lang::LangData::say`]).
//!
//! Every description has a `push_…` form that appends to a buffer: `verify`
//! writes one per claim, and building each piece as its own `String` cost
//! more than the matching.

use std::fmt::Write;

use jiff::civil::Date;

use crate::claim::{Claim, Interval, Qualifier, Quantity, Value};
use crate::lang::Lang;

/// Formats a number with the language's separators and at most two
/// decimals (`1.234,5` in Italian, `1,234.5` in English).
pub fn number(value: f64, lang: Lang) -> String {
    let mut out = String::new();
    push_number(&mut out, value, lang);
    out
}

/// [`number`], appended to `out`.
pub(crate) fn push_number(out: &mut String, value: f64, lang: Lang) {
    let (group, decimal) = (
        lang.data().thousands_separator,
        lang.data().decimal_separator,
    );
    if value.is_nan() {
        out.push_str("NaN");
        return;
    }
    if value < 0.0 {
        out.push('-');
    }
    let abs = value.abs();
    if abs.is_infinite() {
        out.push('∞');
        return;
    }
    if abs >= 1e21 {
        // Past 21 digits: scientific, `1e23`, `1.5e308` (`1,5e308` in
        // Italian), never grouped; `abs * 100` below could overflow.
        let scientific = format!("{abs:e}");
        out.push_str(&scientific.replace('.', decimal.encode_utf8(&mut [0; 4])));
        return;
    }
    let rounded = (abs * 100.0).round() / 100.0;
    let int = rounded.trunc();
    let frac = ((rounded - int) * 100.0).round() as u64;
    if int < 1e19 {
        // An integral f64 below 2^64 converts to u64 exactly, and its
        // digits are those `{int:.0}` would print, without the slow exact
        // float formatting.
        push_grouped(out, int as u64, group);
    } else {
        // 1e19 ≤ int < 1e21: at most 21 digits, grouped.
        let digits = format!("{int:.0}");
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(group);
            }
            out.push(c);
        }
    }
    if frac > 0 {
        out.push(decimal);
        if frac.is_multiple_of(10) {
            push_digits(out, frac / 10);
        } else {
            if frac < 10 {
                out.push('0');
            }
            push_digits(out, frac);
        }
    }
}

/// The decimal digits of `n`.
fn digits(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

fn push_digits(out: &mut String, n: u64) {
    out.push_str(digits(n, &mut [0; 20]));
}

/// `n` with leading zeros to `width` digits.
fn push_padded(out: &mut String, n: u64, width: usize) {
    let mut buf = [0; 20];
    let digits = digits(n, &mut buf);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// `n` with `group` between groups of three digits.
fn push_grouped(out: &mut String, n: u64, group: char) {
    let mut buf = [0; 20];
    let digits = digits(n, &mut buf);
    for (i, c) in digits.char_indices() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
}

/// A date as `Display` writes it (`2024-08-06`).
pub(crate) fn push_date(out: &mut String, date: Date) {
    if (1..=9999).contains(&date.year()) {
        // The common case by hand, as `Display` would write it.
        push_padded(out, date.year() as u64, 4);
        out.push('-');
        push_padded(out, date.month() as u64, 2);
        out.push('-');
        push_padded(out, date.day() as u64, 2);
    } else {
        // Writing to a String cannot fail.
        let _ = write!(out, "{date}");
    }
}

fn push_interval(out: &mut String, iv: &Interval, lang: Lang, words: Lang) {
    let say = |english| words.data().say(english);
    match (iv.low, iv.high) {
        (Some(a), Some(b)) if a == b => push_number(out, a, lang),
        (Some(a), Some(b)) => {
            push_number(out, a, lang);
            out.push('–');
            push_number(out, b, lang);
        }
        (Some(a), None) => {
            out.push_str(say(if iv.low_open {
                "more than "
            } else {
                "at least "
            }));
            push_number(out, a, lang);
        }
        (None, Some(b)) => {
            out.push_str(say(if iv.high_open {
                "less than "
            } else {
                "at most "
            }));
            push_number(out, b, lang);
        }
        (None, None) => out.push_str(say("any")),
    }
}

/// The normalized value of a quantity: "more than 10,000", "about 600",
/// "2,000–9,999 (vague)", "1.2 billion EUR".
pub fn quantity(q: &Quantity, lang: Lang) -> String {
    let mut out = String::new();
    push_quantity(&mut out, q, lang);
    out
}

/// [`quantity`], appended to `out`.
pub(crate) fn push_quantity(out: &mut String, q: &Quantity, lang: Lang) {
    push_quantity_in(out, q, lang, Lang::En);
}

/// [`push_quantity`] with its words in `words`' language.
fn push_quantity_in(out: &mut String, q: &Quantity, lang: Lang, words: Lang) {
    let say = |english| words.data().say(english);
    let qualifier = match (q.qualifier, q.value) {
        (Qualifier::Exact, Some(_)) => "",
        (Qualifier::Approx, Some(v)) if q.interval.high == Some(v) => "nearly ",
        (Qualifier::Approx, Some(_)) => "about ",
        (Qualifier::MoreThan, Some(_)) => "more than ",
        (Qualifier::AtLeast, Some(_)) => "at least ",
        (Qualifier::LessThan, Some(_)) => "less than ",
        (Qualifier::AtMost, Some(_)) => "at most ",
        (Qualifier::Vague, _) => {
            push_interval(out, &q.interval, lang, words);
            out.push_str(say(" (vague)"));
            return push_suffix(out, q);
        }
        _ => {
            push_interval(out, &q.interval, lang, words);
            return push_suffix(out, q);
        }
    };
    out.push_str(say(qualifier));
    if let Some(v) = q.value {
        push_number(out, v, lang);
    }
    push_suffix(out, q);
}

fn push_suffix(out: &mut String, q: &Quantity) {
    match (q.currency, q.unit) {
        (Some(c), _) => {
            out.push(' ');
            out.push_str(c.code());
        }
        (None, Some(crate::units::Unit::Pp)) => out.push_str(" pp"),
        (None, Some(u)) => {
            out.push(' ');
            out.push_str(u.symbol());
        }
        (None, None) => {}
    }
}

/// The normalized value of any claim.
pub fn claim(claim: &Claim, lang: Lang) -> String {
    let mut out = String::new();
    push_claim(&mut out, claim, lang);
    out
}

/// [`claim`] as an editor of the article's language reads it: numbers
/// and words in `lang` ("più di 10.000").
pub fn claim_in(claim: &Claim, lang: Lang) -> String {
    let mut out = String::new();
    push_claim_in(&mut out, claim, lang, lang);
    out
}

/// [`claim`], appended to `out`.
pub(crate) fn push_claim(out: &mut String, claim: &Claim, lang: Lang) {
    push_claim_in(out, claim, lang, Lang::En);
}

/// [`push_claim`] with its words in `words`' language ("più di 10.000"):
/// numbers as `lang` writes them, words as `words` says them.
pub(crate) fn push_claim_in(out: &mut String, claim: &Claim, lang: Lang, words: Lang) {
    match &claim.value {
        Value::Quantity(q) => {
            push_quantity_in(out, q, lang, words);
            if claim.kind == crate::claim::Kind::Percent && q.unit.is_none() {
                out.push('%');
            }
        }
        Value::Date(Some(d)) => {
            // Writing to a String cannot fail.
            let _ = write!(out, "{d}");
        }
        Value::Time(Some(t)) => out.push_str(&t.iso()),
        Value::Date(None) | Value::Time(None) => {
            out.push_str(words.data().say("unresolved (needs the publication day)"))
        }
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

    /// The formatting `number` had before it grouped digits by hand.
    fn number_by_format(value: f64, lang: Lang) -> String {
        let (group, decimal) = (
            lang.data().thousands_separator,
            lang.data().decimal_separator,
        );
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
            if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() < 22 {
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

    #[test]
    fn numbers_read_as_formatted_before() {
        let mut values = vec![
            0.0,
            -0.0,
            0.004,
            0.005,
            0.01,
            0.1,
            0.99,
            0.995,
            0.999,
            1.0,
            9.99,
            12.5,
            999.0,
            1000.0,
            1234.5678,
            99_999.995,
            1e15,
            9_007_199_254_740_993.0,
            9.99e18,
            1e19,
            1.8e19,
            2e19,
            1e20,
            9.99e20,
            1e21,
            1e22,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NAN,
        ];
        let mut x = 0.37_f64;
        for _ in 0..2000 {
            x = x * 7.3 + 0.011;
            if x > 1e22 {
                x /= 1e21;
            }
            values.push(x);
            values.push((x * 100.0).round() / 100.0);
            values.push(x.round());
        }
        // Below 1e21: above it the old formatting wrote `1,e23` and `inf`.
        for v in values.into_iter().filter(|v| v.abs() < 1e21) {
            for value in [v, -v] {
                for lang in [Lang::It, Lang::En] {
                    assert_eq!(
                        number(value, lang),
                        number_by_format(value, lang),
                        "{value:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn huge_numbers_are_scientific_and_finite() {
        assert_eq!(number(1e23, Lang::En), "1e23");
        assert_eq!(number(1e23, Lang::It), "1e23");
        assert_eq!(number(1.5e23, Lang::It), "1,5e23");
        assert_eq!(number(-2.5e300, Lang::En), "-2.5e300");
        assert_eq!(number(1e308, Lang::En), "1e308");
        assert_eq!(number(f64::MAX, Lang::En), "1.7976931348623157e308");
        assert_eq!(number(1e20, Lang::En), "100,000,000,000,000,000,000");
        assert_eq!(number(f64::INFINITY, Lang::En), "∞");
        for value in [1e21, 1e22, 1e23, 1e100, 1e308, f64::MAX] {
            for lang in [Lang::It, Lang::En] {
                let text = number(value, lang);
                assert!(
                    !text.contains("inf") && !text.contains(",e") && !text.contains(".e"),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn dates_read_as_display_writes_them() {
        for (y, m, d) in [
            (1, 1, 1),
            (999, 12, 31),
            (2024, 2, 29),
            (9999, 12, 31),
            (-5, 3, 4),
            (0, 1, 1),
        ] {
            let date = jiff::civil::date(y, m, d);
            let mut out = String::new();
            push_date(&mut out, date);
            assert_eq!(out, date.to_string());
        }
    }
}
