//! Which language an article is in, from its words alone, and how sure
//! that is. Stopwords and the language's own frequent words count most, word
//! endings less; a word two languages share counts for neither, so a short
//! English sentence opening with "In" is not Italian by a tie. Digits and
//! their separators are no evidence: they are what the language decides.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::Lang;
use crate::text::token::fold;

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
/// Points for a word with an ending of one language only.
const ENDING: u32 = 1;
/// The winner's score needed to be sure, and its margin over the runner-up.
const SURE_SCORE: u32 = 6;
const SURE_MARGIN: u32 = 4;
/// Words read at most: the first pages of an article decide.
const MAX_WORDS: usize = 5000;

/// Scores `text` for each language; see the module comment.
pub fn guess(text: &str) -> Guess {
    let words = distinctive_words();
    let mut scores = [0u32; Lang::ALL.len()];
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
    {
        lower.clear();
        crate::text::token::fold_onto(word, &mut lower);
        if let Some(&lang) = words.get(lower.as_str()) {
            scores[lang] += WORD;
            continue;
        }
        if let Some(lang) = ending_lang(&lower) {
            scores[lang] += ENDING;
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

/// Stopwords and detect words of exactly one language, by language index.
fn distinctive_words() -> &'static HashMap<String, usize> {
    static WORDS: OnceLock<HashMap<String, usize>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut owner: HashMap<String, Option<usize>> = HashMap::default();
        for (i, lang) in Lang::ALL.iter().enumerate() {
            let data = lang.data();
            for &w in data.stopwords.iter().chain(data.detect_words) {
                owner
                    .entry(fold(w))
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

/// The one language with an ending `word` has (longer than the ending).
fn ending_lang(word: &str) -> Option<usize> {
    static ENDINGS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let endings = ENDINGS.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|l| l.data().detect_endings.iter().map(|e| fold(e)).collect())
            .collect()
    });
    let mut found = None;
    for (i, list) in endings.iter().enumerate() {
        let has = list
            .iter()
            .any(|e| word.len() > e.len() && word.ends_with(e.as_str()));
        if has {
            if found.is_some() {
                return None;
            }
            found = Some(i);
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
