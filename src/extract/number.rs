//! Numbers as written: digits in either separator convention, and number
//! words, including Italian compounds written as one word.

use crate::lang::NumberWord;
use crate::lang::vocab::{List, Vocab};
pub use crate::text::digits::{DecimalMark, Digits, parse_digits_with};
use crate::text::token::Token;

/// Reads a number token. The separator that can be a decimal mark is the
/// language's (`,` in Italian, `.` in English); a single separator followed
/// by exactly three digits is read by the language, any other by its shape.
#[cfg(test)]
pub(crate) fn parse_digits(raw: &str, data: &crate::lang::LangData) -> Option<Digits> {
    parse_digits_with(raw, DecimalMark::of(data))
}

/// Reads number words starting at `tokens[0]`: returns the value and how
/// many tokens it used. Words must be adjacent or joined by hyphens or the
/// language's glue (`e`, `and`).
pub(crate) fn parse_words(tokens: &[Token], vocab: &Vocab) -> Option<(f64, usize)> {
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
            if let Some((morphemes, n)) = compound(&tokens[i..], vocab) {
                for m in morphemes {
                    acc.push(m);
                }
                last_add = None;
                words += 1;
                i += n;
                used = i;
                continue;
            }
            let Some(morphemes) = vocab.number(token) else {
                // "half a million": the article after "half".
                if acc.half_pending && vocab.is(token, List::WeakNumberWords) {
                    i += 1;
                    continue;
                }
                break;
            };
            // Two words that each add ("a three-year", "one two") are two
            // numbers; only tens and units in the language's order are one
            // ("twenty three").
            if let (Some(prev), Some(NumberWord::Add(v))) = (last_add, morphemes.first())
                && !vocab.tens_units.joins(prev, *v)
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
    // "two point four": one decimal digit after the decimal word.
    if let (Some(mark), Some(digit)) = (tokens.get(used), tokens.get(used + 1))
        && vocab.is(mark, List::DecimalWords)
        && acc.current > 0.0
        && let Some([NumberWord::Add(d)]) = vocab.number(digit).as_deref()
        && *d < 10.0
    {
        acc.current += d / 10.0;
        used += 2;
    }
    let mut end = used;
    loop {
        // The glue and the word after it, also across hyphens
        // ("three-and-a-half-year").
        let glue = hyphen_skip(tokens, end);
        if !tokens
            .get(glue)
            .is_some_and(|t| vocab.is(t, List::NumberGlue))
        {
            break;
        }
        let word = hyphen_skip(tokens, glue + 1);
        // "two and a half", "a million and a half".
        let half = [word, hyphen_skip(tokens, word + 1)]
            .into_iter()
            .zip([false, true])
            .find(|&(at, after_article)| {
                tokens.get(at).is_some_and(|t| {
                    matches!(vocab.number(t).as_deref(), Some([NumberWord::Half]))
                        && (!after_article || vocab.is(&tokens[word], List::WeakNumberWords))
                })
            });
        if let Some((at, _)) = half {
            if acc.last_scale > 1.0 && acc.current == 0.0 {
                acc.total += acc.last_scale / 2.0;
            } else {
                acc.current += 0.5;
            }
            end = at + 1;
            continue;
        }
        if glue != end || !tokens.get(end + 1).is_some_and(|t| t.is_word()) {
            break;
        }
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
        let last = match rest.last() {
            Some(NumberWord::Add(v)) => Some(*v),
            _ => None,
        };
        for m in rest {
            acc.push(m);
        }
        end += 2;
        // "and twenty-six": the units glued by a hyphen.
        if let (Some(prev), Some(dash), Some(units)) = (last, tokens.get(end), tokens.get(end + 1))
            && dash.is_punct("-")
            && !dash.space_before
            && !units.space_before
            && let Some([NumberWord::Add(v)]) = vocab.number(units).as_deref()
            && vocab.tens_units.joins(prev, *v)
        {
            acc.push(NumberWord::Add(*v));
            end += 2;
        }
    }
    let value = acc.value()?;
    Some((value, end))
}

/// Number words joined by hyphens read as one word, in a language that
/// writes them so ("quatre-vingt-dix" is quatrevingt + dix; "vingt-et-un"
/// skips the glue): the morphemes and the tokens covered, at least three.
fn compound(tokens: &[Token], vocab: &Vocab) -> Option<(Vec<NumberWord>, usize)> {
    if !vocab.hyphenated {
        return None;
    }
    let mut joined = String::from(tokens.first()?.norm.as_str());
    let mut end = 1;
    let mut best = None;
    while let (Some(dash), Some(word)) = (tokens.get(end), tokens.get(end + 1)) {
        if !dash.is_punct("-") || dash.space_before || word.space_before || !word.is_word() {
            break;
        }
        end += 2;
        if vocab.is(word, List::NumberGlue) {
            continue;
        }
        joined.push_str(&word.norm);
        if let Some(morphemes) = vocab.split_number(&joined) {
            best = Some((morphemes, end));
        }
    }
    best
}

/// `at`, or the token after it when `at` is a hyphen glued on both sides.
fn hyphen_skip(tokens: &[Token], at: usize) -> usize {
    let glued = tokens
        .get(at)
        .is_some_and(|t| t.is_punct("-") && !t.space_before)
        && tokens.get(at + 1).is_some_and(|t| !t.space_before);
    if glued { at + 1 } else { at }
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
                    // "mil millones", "two thousand million": a larger
                    // scale multiplies what came before, adding no one.
                    self.total = (self.total + self.current) * s;
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
    use crate::lang::Lang;
    use crate::text::token::tokenize;

    fn digits(raw: &str, lang: Lang) -> Option<f64> {
        parse_digits(raw, lang.data()).map(|d| d.value)
    }

    fn words(text: &str, lang: Lang) -> Option<f64> {
        let mut tokens = tokenize(text, lang.data().elision);
        let vocab = &crate::lang::Compiled::of(lang).vocab;
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
            // South Asian grouping: lakhs and crores.
            ("1,27,350", Lang::En, Some(127_350.0)),
            ("12,34,56,789", Lang::En, Some(123_456_789.0)),
            ("1,2,350", Lang::En, None),
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
