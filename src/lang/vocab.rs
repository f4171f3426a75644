//! A language's vocabulary: every word of every table, interned once, so
//! that the article's words are hashed once each (when they are tokenized)
//! and every later question — is this a month, a hedge, a stopword, the
//! start of a date? — is an integer comparison or a bit test.

use rustc_hash::FxHashMap as HashMap;

use super::numbers::NumberTable;
use super::{LangData, NumberWord, TensUnits};
use crate::text::norm::Norm;
use crate::text::token::{Token, fold};

pub use crate::text::token::{UNKNOWN, WordId};

/// Word lists of a [`LangData`] row, asked of single tokens: one bit each
/// in a word's flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Stopwords,
    WeakNumberWords,
    NumberGlue,
    RangeJoiners,
    Articles,
    HedgeArticles,
    IdMarkers,
    ClockBefore,
    FractionLinks,
    FractionBlockers,
    PluralNouns,
    RatioWords,
    Multipliers,
    ChangeWords,
    NounSkips,
    Links,
    Conjunctions,
    Abbreviations,
    TollNouns,
    Negations,
    MinusWords,
    DecimalWords,
    /// Joining words of elliptic ranges (`14 et 19 degrés`).
    EllipticJoiners,
    /// Words between a figure and its unit (`trois derniers mois`).
    UnitAdjectives,
    /// Relative pronouns (`que`, `who`).
    RelativePronouns,
    /// Adjectives of a length after its figure (`8m high`).
    DimensionAdjectives,
    /// Opening words of range frames (`tra`, `between`).
    RangeOpeners,
    /// First words of the phrase lexicon (qualifiers, scales, vague and
    /// round words, fractions, units, currencies…).
    LexiconFirst,
    /// A date or time phrase can start at this word.
    DateStarter,
    /// A date or time phrase holds this word.
    DateAnchor,
}

// Every list is one bit of a `u32`.
const _: () = assert!((List::DateAnchor as u32) < 32);

impl List {
    fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The lists a language row fills word by word.
    fn of(data: &LangData) -> [(List, &'static [&'static str]); 27] {
        [
            (List::Stopwords, data.stopwords),
            (List::WeakNumberWords, data.weak_number_words),
            (List::NumberGlue, data.number_glue),
            (List::RangeJoiners, data.range_joiners),
            (List::Articles, data.articles),
            (List::HedgeArticles, data.hedge_articles),
            (List::IdMarkers, data.id_markers),
            (List::ClockBefore, data.clock_before),
            (List::FractionLinks, data.fraction_links),
            (List::FractionBlockers, data.fraction_blockers),
            (List::PluralNouns, data.plural_nouns),
            (List::RatioWords, data.ratio_words),
            (List::Multipliers, data.multipliers),
            (List::ChangeWords, data.change_words),
            (List::ChangeWords, data.change_bases),
            (List::NounSkips, data.noun_skips),
            (List::Links, data.links),
            (List::Conjunctions, data.conjunctions),
            (List::Abbreviations, data.abbreviations),
            (List::TollNouns, data.toll_nouns),
            (List::Negations, data.negations),
            (List::MinusWords, data.minus_words),
            (List::DecimalWords, data.decimal_words),
            (List::EllipticJoiners, data.elliptic_range_joiners),
            (List::UnitAdjectives, data.unit_adjectives),
            (List::RelativePronouns, data.relative_pronouns),
            (List::DimensionAdjectives, data.dimension_adjectives),
        ]
    }
}

/// Collects the words of a language's tables while they are compiled.
#[derive(Debug)]
pub struct VocabBuilder {
    ids: HashMap<Box<str>, WordId>,
    /// Two-word entries of the lists ("numero verde"), by their words' ids.
    pairs: HashMap<(WordId, WordId), u32>,
    /// Per id, the lists holding the word; index 0 is [`UNKNOWN`].
    flags: Vec<u32>,
    /// Per id, the phrase tables ([`VocabBuilder::table`]) whose phrases
    /// can start with the word.
    firsts: Vec<u32>,
    tables: u32,
}

impl VocabBuilder {
    /// A builder holding the row's word lists.
    pub fn new(data: &LangData) -> VocabBuilder {
        let mut builder = VocabBuilder {
            ids: HashMap::default(),
            pairs: HashMap::default(),
            flags: vec![0],
            firsts: vec![0],
            tables: 0,
        };
        for (list, words) in List::of(data) {
            for word in words {
                // Written as in text, looked up folded ("für", "più").
                let word = &fold(word);
                builder.mark(word, list);
                if let Some((a, b)) = word.split_once(' ')
                    && !b.contains(' ')
                {
                    let pair = (builder.intern(a), builder.intern(b));
                    *builder.pairs.entry(pair).or_default() |= list.bit();
                }
            }
        }
        for (open, _) in data.range_frames {
            builder.mark(&fold(open), List::RangeOpeners);
        }
        // Number words read from the table, not morpheme by morpheme.
        for (word, _) in data.number_words {
            builder.intern(word);
        }
        builder
    }

    /// The id of `word`, added if new.
    pub(crate) fn intern(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = WordId::try_from(self.flags.len()).unwrap_or(WordId::MAX);
        self.ids.insert(word.into(), id);
        self.flags.push(0);
        self.firsts.push(0);
        id
    }

    /// A bit for a new phrase table, to mark its first words with
    /// [`VocabBuilder::first_of`]. Past the 32nd table bits are shared
    /// (the 33rd has the first's): a word that starts a phrase of one of
    /// two tables sharing a bit is looked up in both, a word that starts
    /// neither in none. (Giving every later table every bit made those
    /// tables look up every word that starts a phrase of any table.)
    pub fn table(&mut self) -> u32 {
        let bit = 1 << (self.tables % u32::BITS);
        self.tables += 1;
        bit
    }

    /// Word `id` starts a phrase of the table with `bit`.
    pub(crate) fn first_of(&mut self, id: WordId, bit: u32) {
        if let Some(mask) = self.firsts.get_mut(id as usize) {
            *mask |= bit;
        }
    }

    /// Adds `word` to `list`.
    pub fn mark(&mut self, word: &str, list: List) {
        let id = self.intern(word);
        self.mark_id(id, list);
    }

    /// Adds the word `id` (from [`VocabBuilder::intern`]) to `list`.
    pub(crate) fn mark_id(&mut self, id: WordId, list: List) {
        if let Some(flags) = self.flags.get_mut(id as usize) {
            *flags |= list.bit();
        }
    }

    /// The vocabulary, with each word's reading as number morphemes.
    pub fn finish(self, data: &LangData) -> Vocab {
        let mut numbers = vec![None; self.flags.len()];
        for (word, &id) in &self.ids {
            numbers[id as usize] = super::numbers::split_number_word(word, data);
        }
        let mut ascii = [UNKNOWN; 128];
        for (word, &id) in &self.ids {
            if let [b] = word.as_bytes()
                && b.is_ascii()
            {
                ascii[usize::from(*b)] = id;
            }
        }
        // Every word short enough to be kept inline, by its key.
        let short = self
            .ids
            .iter()
            .filter_map(|(word, &id)| Some((Norm::new(word).key()?, id)))
            .collect();
        Vocab {
            number_words: NumberTable::of(data),
            short,
            tens_units: data.tens_units,
            hyphenated: data.hyphenated_numbers,
            ascii,
            digit_words: self
                .ids
                .keys()
                .any(|w| w.starts_with(|c: char| c.is_ascii_digit())),
            ids: self.ids,
            pairs: self.pairs,
            firsts: self.firsts,
            flags: self.flags,
            numbers,
        }
    }
}

#[derive(Debug)]
pub struct Vocab {
    number_words: &'static NumberTable,
    /// The language's order of tens and units in number words.
    pub tens_units: TensUnits,
    /// Number words joined by hyphens form one compound.
    pub hyphenated: bool,
    /// Ids of the one-byte words (`,`, `%`, `e`, `a`): no hashing for them.
    ascii: [WordId; 128],
    /// Some word starts with a digit; else no number is looked up.
    digit_words: bool,
    ids: HashMap<Box<str>, WordId>,
    /// The words of `ids` kept inline in a token's folded form, by
    /// [`Norm::key`]: a token's word is found without hashing its bytes
    /// one by one or comparing them with `memcmp`.
    short: HashMap<u128, WordId>,
    pairs: HashMap<(WordId, WordId), u32>,
    flags: Vec<u32>,
    firsts: Vec<u32>,
    /// Per id, the word read as number morphemes (`duemila` → due, mila).
    numbers: Vec<Option<Vec<NumberWord>>>,
}

impl Vocab {
    /// The id of a folded word; [`UNKNOWN`] when no table holds it.
    pub fn id(&self, word: &str) -> WordId {
        match word.as_bytes() {
            [b] if b.is_ascii() => self.ascii[usize::from(*b)],
            [b, ..] if b.is_ascii_digit() && !self.digit_words => UNKNOWN,
            _ => self.ids.get(word).copied().unwrap_or(UNKNOWN),
        }
    }

    /// [`Vocab::id`] of a token's folded form.
    #[inline]
    fn norm_id(&self, word: &Norm) -> WordId {
        match (word.as_bytes(), word.key()) {
            ([b], _) if b.is_ascii() => self.ascii[usize::from(*b)],
            ([b, ..], _) if b.is_ascii_digit() && !self.digit_words => UNKNOWN,
            (_, Some(key)) => self.short.get(&key).copied().unwrap_or(UNKNOWN),
            _ => self.ids.get(word.as_str()).copied().unwrap_or(UNKNOWN),
        }
    }

    /// Gives each token the ids of its folded word and, for a word ending
    /// in a possessive `'s`, of the word without it; the lists holding the
    /// word and the tables its phrases can start; and marks the words
    /// outside the vocabulary that read as number words.
    pub(crate) fn assign(&self, tokens: &mut [Token]) {
        for t in tokens {
            t.id = self.norm_id(&t.norm);
            t.bare = t
                .norm
                .strip_suffix("'s")
                .map_or(UNKNOWN, |bare| self.id(bare));
            t.numeric =
                t.id == UNKNOWN && t.is_word() && self.number_words.split(&t.norm).is_some();
            t.lists = self.flags.get(t.id as usize).copied().unwrap_or(0);
            t.firsts = [t.id, t.bare]
                .iter()
                .filter_map(|&id| self.firsts.get(id as usize))
                .fold(0, |mask, m| mask | m);
        }
    }

    /// Word `id` is in `list`.
    pub fn has(&self, id: WordId, list: List) -> bool {
        self.flags
            .get(id as usize)
            .is_some_and(|f| f & list.bit() != 0)
    }

    /// The token's word is in `list` (the lists [`Vocab::assign`] copied
    /// onto the token).
    #[inline]
    pub fn is(&self, token: &Token, list: List) -> bool {
        token.lists & list.bit() != 0
    }

    /// The token's word, itself or without a possessive `'s`, can start a
    /// phrase of the table with `bit`.
    #[inline]
    pub fn starts(token: &Token, bit: u32) -> bool {
        token.firsts & bit != 0
    }

    /// The token's word reads as number words.
    #[inline]
    pub(crate) fn is_number_word(&self, token: &Token) -> bool {
        match token.id {
            UNKNOWN => token.numeric,
            id => self.numbers.get(id as usize).is_some_and(Option::is_some),
        }
    }

    /// A folded word read as number morphemes, in or out of the vocabulary
    /// (the words of a hyphenated compound, joined).
    pub(crate) fn split_number(&self, word: &str) -> Option<Vec<NumberWord>> {
        self.number_words.split(word)
    }

    /// Two tokens, as a two-word entry ("numero verde"), are in `list`.
    pub(crate) fn pair_is(&self, first: &Token, second: &Token, list: List) -> bool {
        first.id != UNKNOWN
            && second.id != UNKNOWN
            && self
                .pairs
                .get(&(first.id, second.id))
                .is_some_and(|f| f & list.bit() != 0)
    }

    /// A folded word given as text is in `list`.
    pub(crate) fn word_is(&self, word: &str, list: List) -> bool {
        self.has(self.id(word), list)
    }

    /// The number morphemes of the token's word (see
    /// [`super::numbers::split_number_word`]), from the table when
    /// the word is in the vocabulary.
    pub fn number(&self, token: &Token) -> Option<Vec<NumberWord>> {
        match token.id {
            UNKNOWN if token.numeric => self.number_words.split(&token.norm),
            UNKNOWN => None,
            id => self.numbers.get(id as usize).cloned().flatten(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Compiled;
    use crate::lang::Lang;
    use crate::text::token::tokenize;

    #[test]
    fn every_list_word_has_its_bit_and_other_words_none() {
        for lang in Lang::ALL {
            let data = lang.data();
            let vocab = &Compiled::of(lang).vocab;
            for (list, words) in List::of(data) {
                for word in words {
                    // Looked up as text is: folded ("più" as "piu").
                    assert!(vocab.word_is(&fold(word), list), "{lang} {list:?} {word}");
                }
            }
            let mut tokens = tokenize("Zorblat 2024 , e", data.elision);
            vocab.assign(&mut tokens);
            assert_eq!(tokens[0].id, UNKNOWN);
            assert_eq!(tokens[0].lists, 0);
            assert_eq!(tokens[1].id, UNKNOWN, "numbers are not looked up");
        }
    }

    #[test]
    fn one_byte_words_come_from_the_array_as_from_the_map() {
        for lang in Lang::ALL {
            let vocab = &Compiled::of(lang).vocab;
            for (word, &id) in &vocab.ids {
                assert_eq!(vocab.id(word), id, "{lang} {word}");
                assert_eq!(vocab.norm_id(&Norm::new(word)), id, "{lang} {word}");
            }
            for word in ["zorblat", "", "2024", "x", "unterzeichnungsurkunden"] {
                assert_eq!(vocab.norm_id(&Norm::new(word)), vocab.id(word), "{word}");
            }
        }
    }
}
