//! Dates written in figures: `2025-08-15`, `15/08/2025`, `15.08.2025`,
//! years after a preposition ("nel 2024", "il 2024-25"), decades ("the
//! 1990s", "gli anni '90").

use jiff::civil::Date;

use crate::extract::context::counted_noun;
use crate::lang::vocab::List;
use crate::text::token::Token;

use super::parse::{Lead, Parser};
use super::resolve::{Expr, YearRef};

/// Plain four-digit numbers read as years.
pub(super) const YEARS: std::ops::RangeInclusive<u32> = 1000..=2100;

impl Parser<'_, '_> {
    /// Dates in figures: `2025-08-15`, `15/08/2025`, `15.08.2025`.
    pub(super) fn numeric(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tokens();
        let first = self.tok(i)?;
        if !first.is_number() {
            return None;
        }
        // One token with dots: "15.08.2025".
        let dotted: Vec<&str> = first.norm.split('.').collect();
        if let [d, m, y] = dotted.as_slice() {
            if y.len() == 4 && d.len() <= 2 && m.len() <= 2 {
                return Some((
                    i + 1,
                    full_date(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
                ));
            }
            // "23.06.17": a two-digit year, only with two-digit day and
            // month, the years before 70 in this century.
            if y.len() == 2 && d.len() == 2 && m.len() == 2 {
                let yy: u32 = y.parse().ok()?;
                let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
                return Some((i + 1, full_date(year, m.parse().ok()?, d.parse().ok()?)));
            }
            return None;
        }
        let sep = self.tok(i + 1)?;
        let is_sep =
            |k: usize, c: &str| self.tok(k).is_some_and(|x| x.is_punct(c)) && self.glued(k);
        let c = if sep.is_punct("-") {
            "-"
        } else if sep.is_punct("/") {
            "/"
        } else {
            return None;
        };
        if !(is_sep(i + 1, c) && is_sep(i + 3, c) && self.glued(i + 2) && self.glued(i + 4)) {
            return None;
        }
        let len = |k: usize| t.get(k).map_or(0, |x| x.norm.len());
        let (a, b, cc) = (
            self.digits(i, 4)?,
            self.digits(i + 2, 2)?,
            self.digits(i + 4, 4)?,
        );
        let short = |k: usize| matches!(len(k), 1 | 2);
        // "2025-03-10", "2015-3-3"; "21-04-2016" as the slashes below.
        let (y, m, d) = if c == "-" && len(i) == 4 && short(i + 2) && short(i + 4) {
            (a, b, cc)
        } else if c == "-" && short(i) && short(i + 2) && len(i + 4) == 4 {
            if self.w.day_first || a > 12 {
                (cc, b, a)
            } else {
                (cc, a, b)
            }
        } else if c == "/" && len(i) <= 2 && matches!(len(i + 4), 2 | 4) {
            let y = if cc < 100 {
                if cc < 70 { 2000 + cc } else { 1900 + cc }
            } else {
                cc
            };
            // Day first where the language says so, or where the first
            // number cannot be a month.
            if self.w.day_first || a > 12 {
                (y, b, a)
            } else {
                (y, a, b)
            }
        } else {
            return None;
        };
        Some((i + 5, full_date(y, m, d)))
    }

    /// "entro il 15/04", "by 4/15": a day and a month in figures without a
    /// year, only after a preposition (a bare "3/4" is a fraction or a
    /// score), in the language's order.
    pub(super) fn slash_day(&self, i: usize, lead: Lead) -> Option<(usize, Expr)> {
        if !lead.prep {
            return None;
        }
        let glued_slash = |k: usize| self.tok(k).is_some_and(|x| x.is_punct("/")) && self.glued(k);
        if !glued_slash(i + 1) || !self.glued(i + 2) || glued_slash(i + 3) {
            return None;
        }
        let (a, b) = (self.digits(i, 2)?, self.digits(i + 2, 2)?);
        let (d, m) = if self.w.day_first || a > 12 {
            (a, b)
        } else {
            (b, a)
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        Some((
            i + 3,
            Expr::DayMonth(
                i8::try_from(d).ok()?,
                i8::try_from(m).ok()?,
                YearRef::Pick(lead.pick()),
            ),
        ))
    }

    /// "the 1990s", "the '90s", "gli anni Novanta", "anni '80", "anni 2000".
    pub(super) fn decade(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tokens();
        if let Some((e, y)) = self.w.decades.at(t, i) {
            return Some((e, Expr::Decade(y)));
        }
        let noun = self.w.decade_nouns.has(t, i);
        let k = noun.unwrap_or(i);
        let apostrophe = self
            .tok(k)
            .is_some_and(|x| x.is_punct("'") || x.is_punct("’"));
        let n = if apostrophe { k + 1 } else { k };
        let value = self.digits(n, 4)?;
        let len = self.tok(n).map_or(0, |x| x.norm.len());
        let year = match len {
            // "'00s" is the 2000s, any other two digits the 1900s.
            2 if apostrophe || noun.is_some() => {
                if value == 0 {
                    2000
                } else {
                    1900 + value
                }
            }
            4 => value,
            _ => return None,
        };
        if year % 10 != 0 || !YEARS.contains(&year) {
            return None;
        }
        let suffix = self
            .w
            .decade_suffixes
            .has(t, n + 1)
            .filter(|_| self.glued(n + 1));
        let end = match (noun, suffix) {
            (_, Some(e)) => e,
            (Some(_), None) => n + 1,
            (None, None) => return None,
        };
        Some((end, Expr::Decade(i16::try_from(year).ok()?)))
    }

    /// A year in figures after a preposition or a part word ("nel 2024",
    /// "early 2025"), or after an article with no noun following ("il
    /// 2024-25"). A span of years ("2024-25") stands for its first year.
    pub(super) fn year(&self, i: usize, lead: Lead) -> Option<(usize, Expr)> {
        let y = self.year_at(i)?;
        let mut end = i + 1;
        // "2024-25", "2024/2025", "2024–25": a span of seasons or budgets.
        let dash = self
            .tok(end)
            .is_some_and(|x| x.is_punct("-") || x.is_punct("–") || x.is_punct("/"));
        if dash && self.glued(end) && self.glued(end + 1) {
            let second = self.digits(end + 1, 4).unwrap_or(0);
            let len = self.tok(end + 1).map_or(0, |x| x.norm.len());
            let full = match len {
                2 => u32::try_from(y).ok()? / 100 * 100 + second,
                4 => second,
                _ => 0,
            };
            let first = u32::try_from(y).ok()?;
            if full > first && full <= first + 10 {
                end += 2;
            }
        }
        // "la manovra 2025", "il piano industriale 2026", "the 2024
        // season": the year of a thing, whatever follows.
        if self.year_label(i, end) {
            return Some((end, Expr::Year(y)));
        }
        // "between 2000 and 3000 people": a range of counts, not years
        // ("entre 2019 y 2023 creció" is one). Where every noun has a
        // capital, a capital is no name ("zwischen 2000 und 3000 Menschen").
        let t = self.tokens();
        let name = |k: usize| self.capitalized(k) && !self.ctx.data.nouns_capitalized;
        let counts_range = self.w.day_joiners.has(t, end).is_some_and(|k| {
            self.tok(k).is_some_and(Token::is_number)
                && counted_noun(self.ctx, k + 1).is_some()
                && !name(k + 1)
                && !(self.year_at(k).is_some() && plausible_year(y))
        });
        if counts_range {
            return None;
        }
        let article_only = !lead.licensed();
        // A verb is no counted noun ("y 2023 creció").
        let verb_follows = self.tok(end).is_some_and(|x| {
            x.is_word()
                && self
                    .w
                    .tense
                    .of(&x.norm, &self.ctx.text[x.span], None)
                    .is_some()
        });
        // "hatten 2024 weniger Besucher": a comparative after a figure
        // makes no count of it ("2024 more visitors" is no English count).
        let comparative_follows = self.tok(end).is_some_and(|x| {
            x.is_word() && self.ctx.data.difference_inside.contains(&x.norm.as_str())
        });
        let noun_follows = counted_noun(self.ctx, end).is_some()
            && !self.capitalized(end)
            && !verb_follows
            && !comparative_follows;
        // "a poor 2023 harvest", "its 2023 report": where counts of a
        // thousand are grouped, an ungrouped year between a word that
        // modifies a noun and the noun is the noun's year ("a total of
        // 2024 votes", "about 2024 people", "2024 soldiers" are counts).
        let modifier_before = i.checked_sub(1).is_some_and(|p| {
            self.tok(p).is_some_and(Token::is_word)
                && self.ctx.same_sentence(p, i)
                && self.w.preps.has(t, p).is_none()
                && self.w.links.has(t, p).is_none()
                && !endings(self.ctx.options.lang).1.any_at(t, i)
        });
        if noun_follows
            && modifier_before
            && self.ctx.data.thousands_grouped
            && plausible_year(y)
            && self.tok(i).is_some_and(|x| x.norm.len() == 4)
        {
            return Some((end, Expr::Year(y)));
        }
        if noun_follows && (article_only || lead.weak_prep || y < 1900) {
            return None;
        }
        if article_only {
            // Without a preposition, only an article right before it makes
            // it a date ("il 2024 è stato", "il 2024-25"), or parentheses
            // around it alone ("I cento giorni (1990)"), or a year date and
            // a joiner before it ("between 2013 and 2023").
            let after_article = i > 0 && self.w.articles.has(t, i - 1) == Some(i);
            let punct = |k: usize, p: &str| self.tok(k).is_some_and(|x| x.is_punct(p));
            let in_parens = i > 0 && punct(i - 1, "(") && punct(end, ")") && self.glued(end);
            // So is a comma in a list of years ("ceux de 2020, 2021 et
            // 2024").
            let listed = punct(i.wrapping_sub(1), ",") && plausible_year(y);
            let after_year = i >= 2
                && (self.w.day_joiners.has(t, i - 1) == Some(i) || listed)
                && self.year_at(i - 2).is_some()
                && !self.ctx.free(i - 2..i - 1);
            // "2023 gab es…", "2024 fue un año…": a year opening its
            // sentence, no noun after it, is the sentence's time; so is
            // one before a comma ("2022, beim ersten Fest nach…"), unless
            // a round hundred ("2000, so die Polizei").
            let comma = self.tok(end).is_some_and(|x| x.is_punct(","))
                && plausible_year(y)
                && self.tok(end + 1).is_some_and(Token::is_word);
            let opens = (i == 0 || !self.ctx.same_sentence(i - 1, i))
                && !noun_follows
                && (1900..=2100).contains(&y)
                && (self.tok(end).is_some_and(Token::is_word) || comma);
            // "2023 waren es 64,0 Prozent, 2022 noch 65,2 Prozent": after a
            // comma and before a lowercase word, in a sentence where a year
            // before it was read as a date, a year goes on the series.
            let parallel = punct(i.wrapping_sub(1), ",")
                && plausible_year(y)
                && !noun_follows
                && self
                    .tok(end)
                    .is_some_and(|x| x.is_word() && !self.capitalized(end))
                && (i.saturating_sub(30)..i.saturating_sub(1)).any(|k| {
                    self.ctx.same_sentence(k, i)
                        && self.year_at(k).is_some()
                        && !self.ctx.free(k..k + 1)
                });
            let compared = self.compared_year(i, end, y, noun_follows);
            let of_noun = self.year_of_noun(i, end, y, noun_follows);
            let before_verb = self.year_before_verb(i, end, y, noun_follows);
            let after_noun = self.year_after_noun(i, end, y, noun_follows);
            // A fact box's "Start of first reactor: 2029-2031", and its
            // "(2018: 500)": a year right after a label's colon with no
            // noun after it, or a year in a bracket before a colon.
            let after_label = punct(i.wrapping_sub(1), ":") && plausible_year(y) && !noun_follows;
            let bracket_label = i > 0 && punct(i - 1, "(") && punct(end, ":") && plausible_year(y);
            let dated = opens
                || compared
                || of_noun
                || before_verb
                || parallel
                || after_noun
                || after_label
                || bracket_label;
            if !(after_article || in_parens || after_year || dated) {
                return None;
            }
        }
        Some((end, Expr::Year(y)))
    }
}

impl Parser<'_, '_> {
    /// "höher als 2018", "higher than 2023": a year after the language's
    /// baseline word, not after a hedge ("mehr als 2000" is a count)
    /// unless the hedge compares a figure just before it ("30 Prozent
    /// weniger als 2023", "7 Millionen weniger als 2023"), with no noun
    /// after it.
    fn compared_year(&self, i: usize, end: usize, y: i16, noun_follows: bool) -> bool {
        let (baselines, hedges) = endings(self.ctx.options.lang);
        let hedge = hedges
            .ending_at(self.tokens(), i)
            .map(|(_, words)| words)
            .max();
        let compares = hedge.is_none_or(|words| {
            // A number at most two tokens before the hedge, in its sentence.
            let start = i.saturating_sub(words);
            // ("fast ein Viertel mehr als 2019": a fraction too.)
            let fraction = |k: usize| {
                self.ctx
                    .lexicon
                    .lookup(&self.tokens()[k..])
                    .any(|(_, e)| matches!(e, crate::lang::Entry::Fraction(_)))
            };
            (1..=2).any(|d| {
                start.checked_sub(d).is_some_and(|k| {
                    (self.tok(k).is_some_and(Token::is_number) || fraction(k))
                        && self.ctx.same_sentence(k, i)
                })
            })
        });
        plausible_year(y)
            && !noun_follows
            && !self.tok(end).is_some_and(Token::is_number)
            && i > 0
            && self.ctx.same_sentence(i - 1, i)
            && baselines.any_at(self.tokens(), i)
            && compares
    }

    /// "Sozialversicherung 2024 wie im Vorjahr", "die Volkswirtschaft
    /// 2025 so langsam": where every noun has a capital, a year right
    /// after a noun and before a lowercase word dates the noun (not after
    /// a label of an identifier: "Artikel 2001").
    fn year_of_noun(&self, i: usize, end: usize, y: i16, noun_follows: bool) -> bool {
        let data = self.ctx.data;
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        // Not a sentence's first word, which has a capital anyway
        // ("Insgesamt 2000 wurden"), nor a hedge ("Rund 2000 kamen").
        let opens_sentence = p == 0 || !self.ctx.same_sentence(p - 1, p);
        let hedged = endings(self.ctx.options.lang).1.any_at(self.tokens(), i);
        let noun_before = self.tok(p).is_some_and(Token::is_word)
            && self.capitalized(p)
            && !opens_sentence
            && !hedged
            && !self.after_id_marker(i);
        let lowercase_after = self
            .tok(end)
            .is_some_and(|t| t.is_word() && !self.capitalized(end));
        data.nouns_capitalized
            && plausible_year(y)
            && !noun_follows
            && noun_before
            && lowercase_after
            && self.ctx.same_sentence(p, end)
    }

    /// "Bereits 2023 hatte es…", "zurück: 2013 hatten die…", "wurden 2023
    /// in Deutschland abgesetzt": where every noun has a capital, a count
    /// names its noun ("2000 Menschen waren"), so a bare year right before
    /// a finite verb of the tense table, or right after one and before a
    /// lowercase word, is the sentence's time (not after a hedge: "mehr
    /// als 2000 waren").
    fn year_before_verb(&self, i: usize, end: usize, y: i16, noun_follows: bool) -> bool {
        let data = self.ctx.data;
        let verb_at = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.is_word() && self.w.tense.is_verb(&t.norm))
        };
        // "wurden 2023 in Deutschland abgesetzt": after the verb, before a
        // lowercase word.
        // ("begann 1961, als …": or before the clause's comma.)
        let after_verb = i > 0
            && verb_at(i - 1)
            && self
                .tok(end)
                .is_some_and(|t| (t.is_word() && !self.capitalized(end)) || t.is_punct(","));
        let verb = verb_at(end) || after_verb;
        let hedged = endings(self.ctx.options.lang).1.any_at(self.tokens(), i);
        data.nouns_capitalized
            && plausible_year(y)
            && !noun_follows
            && verb
            && !hedged
            && !self.after_id_marker(i)
            && self.ctx.same_sentence(i, end)
    }

    /// "la vendemmia 2024 dovrebbe", "Visitatori 2023: oltre 4 milioni":
    /// where a count's noun follows its figure and nouns have no capital,
    /// a year right after a content word (no function word, verb,
    /// qualifier or identifier's label), with no noun after it, dates
    /// that word. The word is lowercase, or opens its line (a fact box's
    /// label). Not the first end of a long span of years ("la media
    /// 1991-2020", a baseline, no date of the claim).
    fn year_after_noun(&self, i: usize, end: usize, y: i16, noun_follows: bool) -> bool {
        let data = self.ctx.data;
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let t = self.tokens();
        let Some(word) = self
            .tok(p)
            .filter(|x| x.is_word() && x.norm.chars().count() >= 3)
        else {
            return false;
        };
        let opens_sentence = p == 0 || !self.ctx.same_sentence(p - 1, p);
        let function_word = self.ctx.is(word, List::Stopwords)
            || self.ctx.is(word, List::Articles)
            || self.ctx.is(word, List::Conjunctions)
            || self.w.preps.has(t, p).is_some()
            || self.w.links.has(t, p).is_some()
            || self.w.tense.is_verb(&word.norm)
            || self.ctx.vocab.number(word).is_some()
            || endings(self.ctx.options.lang).1.any_at(t, i)
            || self.after_id_marker(i);
        let span = self
            .tok(end)
            .is_some_and(|x| x.is_punct("-") || x.is_punct("–") || x.is_punct("/"))
            && self.glued(end);
        !data.nouns_capitalized
            && plausible_year(y)
            && !noun_follows
            && !span
            && !function_word
            && (opens_sentence || !self.capitalized(p))
            && self.ctx.same_sentence(p, i)
    }

    /// The word before token `i` labels an identifier ("Artikel 2001").
    fn after_id_marker(&self, i: usize) -> bool {
        let markers = self.ctx.data.id_markers;
        i.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|t| {
            markers
                .iter()
                .any(|m| crate::text::token::folds_to(m, &t.norm))
        })
    }

    /// A label noun just before the year at `i` (one adjective may stand
    /// between: "piano industriale 2026"), or, after an article, just after
    /// its end `end` ("the 2024 total").
    fn year_label(&self, i: usize, end: usize) -> bool {
        let labels = self.ctx.data.year_labels;
        // Where every noun is capitalized (German), a capital says nothing
        // about a name.
        let nouns_capitalized = self.ctx.data.nouns_capitalized;
        let is_label = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.is_word()
                    && (nouns_capitalized || !self.capitalized(k))
                    && labels
                        .iter()
                        .any(|l| crate::text::token::folds_to(l, &t.norm))
            })
        };
        // An adjective between: no preposition or article ("a total of
        // 2024 votes" is a count).
        let t = self.tokens();
        let word = |k: usize| {
            self.tok(k)
                .is_some_and(|x| x.is_word() && !self.capitalized(k))
                && self.w.preps.has(t, k).is_none()
                && self.w.links.has(t, k).is_none()
                && self.w.articles.has(t, k).is_none()
        };
        let before = i
            .checked_sub(1)
            .is_some_and(|p| is_label(p) || (word(p) && p.checked_sub(1).is_some_and(is_label)));
        let article = i
            .checked_sub(1)
            .is_some_and(|p| self.w.articles.has(self.tokens(), p) == Some(i));
        before || (article && is_label(end))
    }
}

/// A year that a bare number without a preposition may be: 1900 to 2100,
/// not a round hundred ("Insgesamt 2000 wurden evakuiert" is a count).
fn plausible_year(y: i16) -> bool {
    (1900..=2100).contains(&y) && y % 100 != 0
}

/// The words of `phrase` (folded) end just before token `i`: what
/// [`Endings`] answers for a whole list (kept to test it against).
#[cfg(test)]
fn ends_at(tokens: &[Token], i: usize, phrase: &str) -> bool {
    // From the last word, which turns most tokens away.
    let len = phrase.bytes().filter(|&b| b == b' ').count() + 1;
    i >= len
        && phrase
            .rsplit(' ')
            .zip(tokens[i - len..i].iter().rev())
            .all(|(w, t)| crate::text::token::folds_to(w, &t.norm))
}

/// A list of phrases read backwards from a figure ([`ends_at`] for each),
/// folded once per process and found by their last word: a token that
/// ends none costs one lookup, not a comparison with every phrase.
pub(super) struct Endings {
    /// By its last word folded: each phrase's index in the list and its
    /// words folded, last first.
    by_last: std::collections::HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl Endings {
    fn build<'p>(phrases: impl Iterator<Item = &'p str>) -> Endings {
        let mut by_last: std::collections::HashMap<String, Vec<(usize, Vec<String>)>> =
            Default::default();
        for (k, phrase) in phrases.enumerate() {
            let words: Vec<String> = phrase.rsplit(' ').map(crate::text::token::fold).collect();
            by_last
                .entry(words[0].clone())
                .or_default()
                .push((k, words));
        }
        Endings { by_last }
    }

    /// The indices, in the list, of the phrases whose words end just
    /// before token `i`, with their numbers of words.
    pub(super) fn ending_at<'s>(
        &'s self,
        tokens: &'s [Token],
        i: usize,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        i.checked_sub(1)
            .and_then(|last| tokens.get(last))
            .and_then(|t| self.by_last.get(t.norm.as_str()))
            .into_iter()
            .flatten()
            .filter(move |(_, words)| {
                i >= words.len()
                    && words
                        .iter()
                        .zip(tokens[i - words.len()..i].iter().rev())
                        .all(|(w, t)| *w == *t.norm)
            })
            .map(|(k, words)| (*k, words.len()))
    }

    /// Some phrase ends just before token `i`.
    pub(super) fn any_at(&self, tokens: &[Token], i: usize) -> bool {
        self.ending_at(tokens, i).next().is_some()
    }
}

/// The language's baselines and hedges as [`Endings`], built the first
/// time the language is read.
pub(super) fn endings(lang: crate::lang::Lang) -> &'static (Endings, Endings) {
    use crate::lang::Lang;
    static ALL: [std::sync::OnceLock<(Endings, Endings)>; Lang::ALL.len()] =
        [const { std::sync::OnceLock::new() }; Lang::ALL.len()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    ALL[index].get_or_init(|| {
        let data = lang.data();
        (
            Endings::build(data.baselines.iter().copied()),
            Endings::build(data.hedges.iter().map(|(h, _)| *h)),
        )
    })
}

/// A date in full; a shape that names no real day ("31/02/2024") is
/// [`Expr::NoDay`], so its numbers are used up without a claim.
pub(super) fn full_date(y: u32, m: u32, d: u32) -> Expr {
    let date = (|| Date::new(y.try_into().ok()?, m.try_into().ok()?, d.try_into().ok()?).ok())();
    date.map_or(Expr::NoDay, Expr::Date)
}

#[cfg(test)]
mod endings_tests {
    use super::{Endings, endings, ends_at};
    use crate::lang::{Compiled, Lang};
    use crate::text::token::tokenize;

    #[test]
    fn endings_find_what_each_phrase_finds() {
        for lang in Lang::ALL {
            let data = lang.data();
            let (baselines, hedges) = endings(lang);
            let lists: [(&Endings, Vec<&str>); 2] = [
                (baselines, data.baselines.to_vec()),
                (hedges, data.hedges.iter().map(|(h, _)| *h).collect()),
            ];
            for (compiled, phrases) in lists {
                // Each phrase written in capitals after a word, then all
                // of them in a row.
                let mut text: String = phrases
                    .iter()
                    .map(|p| format!("Mai {} 2024. ", p.to_uppercase()))
                    .collect();
                text.push_str(&phrases.join(" "));
                let mut tokens = tokenize(&text, data.elision);
                Compiled::of(lang).vocab.assign(&mut tokens);
                for i in 0..=tokens.len() + 1 {
                    let want: Vec<(usize, usize)> = phrases
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| i <= tokens.len() && ends_at(&tokens, i, p))
                        .map(|(k, p)| (k, p.split(' ').count()))
                        .collect();
                    let got: Vec<(usize, usize)> = compiled.ending_at(&tokens, i).collect();
                    let mut got_sorted = got.clone();
                    got_sorted.sort_unstable();
                    assert_eq!(got_sorted, want, "{lang} at {i}");
                    assert_eq!(compiled.any_at(&tokens, i), !want.is_empty());
                }
            }
        }
    }
}
