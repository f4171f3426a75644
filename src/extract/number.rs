//! Numbers as written: digits in either separator convention, and number
//! words, including Italian compounds written as one word.

use std::sync::OnceLock;

use crate::lang::vocab::{List, Vocab};
use crate::lang::{Lang, LangData, NumberWord};

use super::token::Token;

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

impl DecimalMark {
    pub fn of(data: &LangData) -> DecimalMark {
        if data.decimal_comma {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    }
}

/// Reads a number token. The separator that can be a decimal mark is the
/// language's (`,` in Italian, `.` in English); a single separator followed
/// by exactly three digits is read by the language, any other by its shape.
pub fn parse_digits(raw: &str, data: &LangData) -> Option<Digits> {
    parse_digits_with(raw, DecimalMark::of(data))
}

/// [`parse_digits`] with the decimal mark given.
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
                if groups.iter().skip(1).any(|g| g.len() != 3) || groups[0].len() > 3 {
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

/// Reads number words starting at `tokens[0]`: returns the value and how
/// many tokens it used. Words must be adjacent or joined by hyphens or the
/// language's glue (`e`, `and`).
pub fn parse_words(tokens: &[Token], vocab: &Vocab) -> Option<(f64, usize)> {
    // Most words are not numbers: one bit or table look settles it.
    if !tokens
        .first()
        .is_some_and(|t| t.is_word() && vocab.is_number_word(t))
    {
        return None;
    }
    let mut acc = Accumulator::default();
    let mut used = 0;
    let mut i = 0;
    let mut words = 0;
    let mut last_add: Option<f64> = None;
    while i < tokens.len() {
        let token = &tokens[i];
        if token.is_word() {
            let Some(morphemes) = vocab.number(token) else {
                // "half a million": the article after "half".
                if acc.half_pending && vocab.is(token, List::WeakNumberWords) {
                    i += 1;
                    continue;
                }
                break;
            };
            // Two words that each add ("a three-year", "one two") are two
            // numbers; only tens take units after them ("twenty three").
            if let (Some(prev), Some(NumberWord::Add(v))) = (last_add, morphemes.first())
                && !(prev >= 20.0 && prev % 10.0 == 0.0 && *v < 10.0)
            {
                break;
            }
            last_add = match morphemes.last() {
                Some(NumberWord::Add(v)) => Some(*v),
                _ => None,
            };
            for m in morphemes {
                acc.push(m);
            }
            words += 1;
            i += 1;
            used = i;
            continue;
        }
        let joiner = token.is_punct("-") && !token.space_before;
        if words > 0 && joiner {
            i += 1;
            continue;
        }
        break;
    }
    // Glue words ("e", "and") only count when a number word follows.
    if used == 0 {
        return None;
    }
    let mut end = used;
    while end + 1 < tokens.len()
        && vocab.is(&tokens[end], List::NumberGlue)
        && tokens[end + 1].is_word()
    {
        let Some(rest) = vocab.number(&tokens[end + 1]) else {
            break;
        };
        // "e mezzo" after a scale, a smaller number after hundreds, or a
        // smaller group after a scale ("un milione e duecentomila").
        let mut group = Accumulator::default();
        for m in &rest {
            group.push(*m);
        }
        let smaller_group = acc.current == 0.0
            && acc.last_scale > 1.0
            && group.value().is_some_and(|v| v > 0.0 && v < acc.last_scale);
        let ok = smaller_group
            || rest.iter().all(|m| match m {
                NumberWord::Half => acc.last_scale > 1.0,
                NumberWord::Add(v) => acc.current == 0.0 && acc.total > 0.0 || *v < acc.current,
                _ => false,
            });
        if !ok {
            break;
        }
        for m in rest {
            acc.push(m);
        }
        end += 2;
    }
    let value = acc.value()?;
    Some((value, end))
}

/// Splits a folded word into number morphemes, longest first
/// (`duemilacinquecento` → due, mila, cinque, cento).
pub fn split_number_word(word: &str, data: &LangData) -> Option<Vec<NumberWord>> {
    NumberTable::of(data).split(word)
}

/// A language's number words arranged for [`split_number_word`].
#[derive(Debug)]
pub(crate) struct NumberTable {
    code: &'static str,
    exact: rustc_hash::FxHashMap<&'static str, NumberWord>,
    /// Morphemes of two bytes or more by first byte, longest first.
    by_first: Vec<Vec<(&'static str, NumberWord)>>,
    /// Which first two bytes some number word has: one lookup turns away
    /// almost every word of running text.
    starts: Vec<bool>,
}

impl NumberTable {
    /// See [`split_number_word`].
    pub fn split(&self, word: &str) -> Option<Vec<NumberWord>> {
        let word = word.trim_end_matches('\'');
        if word.is_empty() || !self.may_start(word) {
            return None;
        }
        // A word of two bytes or more that is a number word starts with
        // one (itself): without such a prefix, no need to hash it.
        if word.len() > 1 && self.longest_prefix(word).is_none() {
            return None;
        }
        if let Some(&w) = self.exact.get(word) {
            return Some(vec![w]);
        }
        let mut out = Vec::new();
        let mut rest = word;
        while !rest.is_empty() {
            let (len, value) = self.longest_prefix(rest)?;
            out.push(value);
            rest = &rest[len..];
            if out.len() > 12 {
                return None;
            }
        }
        Some(out)
    }

    pub fn of(data: &LangData) -> &'static NumberTable {
        static ALL: OnceLock<Vec<NumberTable>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            Lang::ALL
                .iter()
                .map(|l| NumberTable::build(l.data()))
                .collect()
        });
        all.iter().find(|t| t.code == data.code).unwrap_or(&all[0])
    }

    fn build(data: &LangData) -> NumberTable {
        let mut by_first = vec![Vec::new(); 256];
        let mut starts = vec![false; 1 << 16];
        let mut exact = rustc_hash::FxHashMap::default();
        for &(w, v) in data.number_words {
            starts[Self::key(w.as_bytes())] = true;
            // A word listed twice reads as its first row.
            exact.entry(w).or_insert(v);
        }
        // Among prefixes of one length the last row wins: pushed in reverse
        // order, kept by a stable sort.
        for &(w, v) in data.number_words.iter().rev() {
            if w.len() > 1 {
                by_first[usize::from(w.as_bytes()[0])].push((w, v));
            }
        }
        for list in &mut by_first {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        NumberTable {
            code: data.code,
            exact,
            by_first,
            starts,
        }
    }

    fn key(w: &[u8]) -> usize {
        (usize::from(w[0]) << 8) | usize::from(*w.get(1).unwrap_or(&0))
    }

    fn may_start(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        bytes.len() < 2 || self.starts[Self::key(bytes)]
    }

    /// The longest morpheme (two bytes or more) `rest` starts with.
    fn longest_prefix(&self, rest: &str) -> Option<(usize, NumberWord)> {
        let first = usize::from(*rest.as_bytes().first()?);
        self.by_first[first]
            .iter()
            .find(|(w, _)| rest.starts_with(w))
            .map(|&(w, v)| (w.len(), v))
    }
}

#[derive(Debug, Default)]
struct Accumulator {
    total: f64,
    current: f64,
    last_scale: f64,
    half_pending: bool,
    any: bool,
}

impl Accumulator {
    fn push(&mut self, word: NumberWord) {
        self.any = true;
        match word {
            NumberWord::Add(v) => self.current += v,
            NumberWord::Hundred => self.current = self.current.max(1.0) * 100.0,
            NumberWord::Scale(s) => {
                let base = if self.half_pending {
                    self.half_pending = false;
                    0.5
                } else {
                    if self.current == 0.0 {
                        1.0
                    } else {
                        self.current
                    }
                };
                if s > self.last_scale && self.total > 0.0 && self.last_scale > 0.0 {
                    self.total = (self.total + base) * s;
                } else {
                    self.total += base * s;
                }
                self.current = 0.0;
                self.last_scale = s;
            }
            NumberWord::Half => {
                if self.last_scale > 1.0 && self.current == 0.0 {
                    self.total += self.last_scale / 2.0;
                } else {
                    self.half_pending = true;
                }
            }
        }
    }

    fn value(&self) -> Option<f64> {
        if !self.any || self.half_pending {
            return None;
        }
        Some(self.total + self.current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;
    use crate::lang::Lang;

    fn digits(raw: &str, lang: Lang) -> Option<f64> {
        parse_digits(raw, lang.data()).map(|d| d.value)
    }

    fn words(text: &str, lang: Lang) -> Option<f64> {
        let mut tokens = tokenize(text, lang.data().elision);
        let vocab = &crate::extract::Compiled::of(lang).vocab;
        vocab.assign(&mut tokens);
        parse_words(&tokens, vocab).map(|(v, _)| v)
    }

    #[test]
    fn separators_follow_the_language() {
        let rows = [
            ("10.000", Lang::It, Some(10_000.0)),
            ("1,5", Lang::It, Some(1.5)),
            ("1,500", Lang::It, Some(1.5)),
            ("1.500", Lang::It, Some(1500.0)),
            ("56.421", Lang::It, Some(56_421.0)),
            ("1.234.567,5", Lang::It, Some(1_234_567.5)),
            ("12.5", Lang::It, Some(12.5)),
            ("1,500", Lang::En, Some(1500.0)),
            ("1.5", Lang::En, Some(1.5)),
            ("1.500", Lang::En, Some(1.5)),
            ("12,000.50", Lang::En, Some(12_000.5)),
            ("1,000,000", Lang::En, Some(1_000_000.0)),
            ("1,00,0", Lang::En, None),
            ("1.2.3", Lang::En, None),
        ];
        for (raw, lang, want) in rows {
            assert_eq!(digits(raw, lang), want, "{raw} in {lang}");
        }
    }

    #[test]
    fn an_unsure_language_reads_three_digits_after_one_separator_as_thousands() {
        let rows = [
            ("31,457", Some(31_457.0)),
            ("31.457", Some(31_457.0)),
            ("1.500", Some(1_500.0)),
            ("2,5", Some(2.5)),
            ("2.5", Some(2.5)),
            ("12.75", Some(12.75)),
            ("0,500", Some(0.5)),
            ("1.234.567", Some(1_234_567.0)),
            ("1,234.5", Some(1_234.5)),
            ("1.234,5", Some(1_234.5)),
        ];
        for (raw, want) in rows {
            let got = parse_digits_with(raw, DecimalMark::Unsure).map(|d| d.value);
            assert_eq!(got, want, "{raw}");
        }
    }

    #[test]
    fn leading_zero_is_flagged() {
        assert!(parse_digits("007", Lang::It.data()).unwrap().leading_zero);
        assert!(!parse_digits("0,5", Lang::It.data()).unwrap().leading_zero);
    }

    #[test]
    fn number_words_compose() {
        let rows = [
            ("diecimila", Lang::It, 10_000.0),
            ("duemilacinquecento", Lang::It, 2_500.0),
            ("seicento", Lang::It, 600.0),
            ("ventitré", Lang::It, 23.0),
            ("ventotto", Lang::It, 28.0),
            ("mille", Lang::It, 1_000.0),
            ("un milione e mezzo", Lang::It, 1_500_000.0),
            ("due milioni", Lang::It, 2_000_000.0),
            ("twenty-three thousand", Lang::En, 23_000.0),
            ("two hundred", Lang::En, 200.0),
            ("half a million", Lang::En, 500_000.0),
            ("one hundred and five", Lang::En, 105.0),
            ("three million four hundred thousand", Lang::En, 3_400_000.0),
        ];
        for (text, lang, want) in rows {
            assert_eq!(words(text, lang), Some(want), "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_not_numbers() {
        assert_eq!(words("novembre", Lang::It), None);
        assert_eq!(words("tree", Lang::En), None);
    }
}
