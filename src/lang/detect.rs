//! Which language an article is in, from its words alone, and how sure
//! that is. Stopwords and the language's own frequent words count most, word
//! endings less; a word two languages share counts for neither, so a short
//! English sentence opening with "In" is not Italian by a tie. Digits and
//! their separators are no evidence: they are what the language decides.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::Lang;

/// A detected language and whether the evidence settles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    pub lang: Lang,
    /// False when few words or close scores decided: the caller should ask
    /// for `--lang` and read ambiguous digit groups the safe way.
    pub sure: bool,
}

/// Points for a word of one language only (stopword or detect word).
const WORD: u32 = 2;
/// Points for a word with an ending of one language only, per byte of
/// the ending, at most [`ENDING_MAX`]: "-s" says less than "-aron", and an
/// accented letter ("-é", two bytes) more than a plain one.
const ENDING: u32 = 1;
const ENDING_MAX: u32 = 3;
/// The winner's score needed to be sure, and its margin over the runner-up.
const SURE_SCORE: u32 = 6;
const SURE_MARGIN: u32 = 4;
/// Words read at most: the first pages of an article decide.
const MAX_WORDS: usize = 5000;

/// Scores `text` for each language; see the module comment.
pub(crate) fn guess(text: &str) -> Guess {
    let words = distinctive_words();
    let mut scores = [0u32; Lang::ALL.len()];
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
    {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(&lang) = words.get(lower.as_str()) {
            scores[lang] += WORD;
            continue;
        }
        if let Some((lang, points)) = ending_lang(&lower) {
            scores[lang] += points;
        }
    }
    let best = scores
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, usize::MAX - i))
        .map_or(0, |(i, _)| i);
    let runner_up = scores
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    let score = scores[best];
    Guess {
        lang: Lang::ALL[best],
        sure: score >= SURE_SCORE && score - runner_up >= SURE_MARGIN && score >= 2 * runner_up,
    }
}

/// Stopwords, detect words and month and weekday names of exactly one
/// language, by language index.
fn distinctive_words() -> &'static HashMap<&'static str, usize> {
    static WORDS: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut owner: HashMap<&'static str, Option<usize>> = HashMap::default();
        for (i, lang) in Lang::ALL.iter().enumerate() {
            let data = lang.data();
            // Month and weekday names too: "mars", "März", "marzo" (Italian
            // and Spanish share it, so it counts for neither).
            let names = data
                .dates
                .months
                .iter()
                .map(|m| m.0)
                .chain(data.dates.weekdays.iter().map(|d| d.0))
                .filter(|w| !w.contains(' ') && w.len() > 3);
            for w in data
                .stopwords
                .iter()
                .copied()
                .chain(data.detect_words.iter().copied())
                .chain(names)
            {
                owner
                    .entry(w)
                    .and_modify(|o| {
                        if *o != Some(i) {
                            *o = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        owner
            .into_iter()
            .filter_map(|(w, o)| o.map(|i| (w, i)))
            .collect()
    })
}

/// The one language with an ending `word` has (longer than the ending),
/// and the points its longest such ending earns.
fn ending_lang(word: &str) -> Option<(usize, u32)> {
    let mut found = None;
    for (i, lang) in Lang::ALL.iter().enumerate() {
        let longest = lang
            .data()
            .detect_endings
            .iter()
            .filter(|e| word.len() > e.len() && word.ends_with(*e))
            .map(|e| e.len())
            .max();
        if let Some(len) = longest {
            if found.is_some() {
                return None;
            }
            let points = (ENDING * u32::try_from(len).unwrap_or(u32::MAX)).min(ENDING_MAX);
            found = Some((i, points));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_both_languages_have_counts_for_neither() {
        assert!(!distinctive_words().contains_key("in"));
        assert!(!distinctive_words().contains_key("a"));
        assert_eq!(distinctive_words().get("the"), Some(&1));
    }

    #[test]
    fn one_sentence_is_enough_to_tell_the_five_apart() {
        let rows = [
            ("Die Inflation stieg im März auf 2,3 Prozent.", Lang::De),
            ("L'inflation a atteint 2,3 % en mars.", Lang::Fr),
            ("Le chômage a baissé de 0,2 point en juin.", Lang::Fr),
            ("La inflación subió al 2,3 % en marzo.", Lang::Es),
            ("Los precios subieron un 3 % en marzo.", Lang::Es),
            ("L'inflazione è salita al 2,3% a marzo.", Lang::It),
            ("Il governo ha stanziato 3 miliardi.", Lang::It),
            ("Inflation rose to 2.3% in March.", Lang::En),
            ("Prices rose 3 percent in March.", Lang::En),
            ("The government approved 3 billion.", Lang::En),
        ];
        for (text, lang) in rows {
            assert_eq!(guess(text).lang, lang, "{text}");
        }
    }

    #[test]
    fn texts_without_words_are_unsure() {
        assert!(!guess("31.457").sure);
        assert!(!guess("").sure);
    }

    #[test]
    fn a_short_headline_is_unsure_and_an_article_sure() {
        assert_eq!(
            guess("Airlines cancelled 1,045 flights."),
            Guess {
                lang: Lang::En,
                sure: false
            }
        );
        let article = "Secondo la protezione civile, nella notte sono state \
                       evacuate oltre 2.000 persone dalle zone più colpite.";
        assert_eq!(
            guess(article),
            Guess {
                lang: Lang::It,
                sure: true
            }
        );
    }
}
