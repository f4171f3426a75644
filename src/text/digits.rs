//! Numbers written in digits, in either separator convention: `10.000`,
//! `1,5`, `1 234,5`. Which separator is the decimal mark is the caller's
//! (the language's) to say.

/// A number read from digits: its value and whether it has a fractional
/// part or a leading zero (`007` is not a quantity).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Digits {
    pub value: f64,
    /// Digits only, no separator: `2024`, not `2.024`.
    pub plain: bool,
    pub leading_zero: bool,
    /// Number of integer digits.
    pub int_digits: usize,
}

/// Which separator marks decimals in the digits of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `1,5` is one and a half, `1,500` too (Italian).
    Comma,
    /// `1.5` is one and a half, `1.500` too (English).
    Point,
    /// The language is unsure: a single separator before exactly three
    /// digits groups thousands (`31,457` and `31.457` are both 31457),
    /// any other is read by its shape (`2,5` and `2.5` are 2.5).
    Unsure,
}

/// Reads a number token with the decimal mark given: a single separator
/// followed by exactly three digits is read by `mark`, any other by its
/// shape (`extract::number::parse_digits` asks the language for `mark`).
/// South Asian grouping, "1,27,350" (1 lakh 27 thousand 350): the last
/// group of three digits, the ones before it of two, the first of one or
/// two. No other convention writes it.
fn south_asian(groups: &[&str]) -> bool {
    let [first, middle @ .., last] = groups else {
        return false;
    };
    !middle.is_empty()
        && (1..=2).contains(&first.len())
        && middle.iter().all(|g| g.len() == 2)
        && last.len() == 3
}

pub fn parse_digits_with(raw: &str, mark: DecimalMark) -> Option<Digits> {
    let seps: Vec<(usize, char)> = raw
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let leading_zero =
        raw.len() > 1 && raw.starts_with('0') && !matches!(seps.first(), Some((1, _)));
    let digits_only = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let (int_part, frac_part): (String, String) = match seps.as_slice() {
        [] => (raw.to_string(), String::new()),
        _ => {
            let kinds: Vec<char> = seps.iter().map(|&(_, c)| normalize_sep(c)).collect();
            let last = *kinds.last()?;
            let all_same = kinds.iter().all(|&k| k == last);
            let (last_at, last_char) = *seps.last()?;
            let after_last = &raw[last_at + last_char.len_utf8()..];
            let decimal = if !all_same {
                // Mixed separators: the last one is the decimal mark.
                if last != '.' && last != ',' {
                    return None;
                }
                true
            } else if kinds.len() > 1 {
                false
            } else if after_last.len() == 3 {
                match mark {
                    DecimalMark::Comma => last == ',',
                    DecimalMark::Point => last == '.',
                    // "0,500" is still a half.
                    DecimalMark::Unsure => raw[..last_at].bytes().all(|b| b == b'0'),
                }
            } else {
                last == '.' || last == ','
            };
            if decimal {
                (digits_only(&raw[..last_at]), after_last.to_string())
            } else {
                // Thousands groups: every group after the first has three digits.
                let groups: Vec<&str> = raw.split(|c: char| !c.is_ascii_digit()).collect();
                let western = groups.iter().skip(1).all(|g| g.len() == 3) && groups[0].len() <= 3;
                if !(western || (last == ',' && south_asian(&groups))) {
                    return None;
                }
                (digits_only(raw), String::new())
            }
        }
    };
    if int_part.is_empty() {
        return None;
    }
    let text = if frac_part.is_empty() {
        int_part.clone()
    } else {
        format!("{int_part}.{frac_part}")
    };
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some(Digits {
        value,
        plain: seps.is_empty(),
        leading_zero,
        int_digits: int_part.trim_start_matches('0').len().max(1),
    })
}

fn normalize_sep(c: char) -> char {
    match c {
        '.' | ',' => c,
        _ => ' ',
    }
}
