//! The date tables of a language compiled for matching: every phrase
//! tokenized and folded like article text, indexed by its first word.

use rustc_hash::FxHashMap as HashMap;

use jiff::civil::Weekday;

use crate::lang::vocab::{List, UNKNOWN, Vocab, VocabBuilder, WordId};
use crate::lang::{LangData, Movable, Season, Tense, ZONE_CODES, Zone};
use crate::text::token::{Token, phrase_tokens};
use crate::when::{Grain, Part};

/// Phrases and their values, longest first under the id of their first
/// word; every word is an id of the language's vocabulary.
pub(crate) struct Table<T> {
    by_first: HashMap<WordId, Vec<(Vec<WordId>, T)>>,
    /// The table's bit in each token's `firsts` (see [`Vocab::assign`]):
    /// most words of an article are turned away by one bit test.
    bit: u32,
}

impl<T: Copy> Table<T> {
    fn new(
        rows: impl IntoIterator<Item = (&'static str, T)>,
        elision: bool,
        vocab: &mut VocabBuilder,
    ) -> Table<T> {
        let mut by_first: HashMap<WordId, Vec<(Vec<WordId>, T)>> = HashMap::default();
        for (phrase, value) in rows {
            let words: Vec<WordId> = phrase_tokens(phrase, elision)
                .iter()
                .map(|w| vocab.intern(w))
                .collect();
            if let Some(&first) = words.first() {
                by_first.entry(first).or_default().push((words, value));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        let bit = vocab.table();
        for &id in by_first.keys() {
            vocab.first_of(id, bit);
        }
        Table { by_first, bit }
    }

    /// The phrase starting at token `i`, longest first: where it ends and
    /// its value. The first and the last word may carry a possessive `'s`
    /// ("last year's"); no word after the first starts a paragraph.
    #[inline]
    pub fn at(&self, tokens: &[Token], i: usize) -> Option<(usize, T)> {
        // The parser asks every table at most positions: a miss is two bit
        // tests, inlined; only a hit looks at the phrases.
        if !Vocab::starts(tokens.get(i)?, self.bit) {
            return None;
        }
        self.phrase_at(tokens, i)
    }

    #[inline(never)]
    fn phrase_at(&self, tokens: &[Token], i: usize) -> Option<(usize, T)> {
        let first = &tokens[i];
        // No phrase starts with an unknown word: most words have no
        // `bare` form, and its lookup would be a wasted hash.
        for id in [first.id, first.bare]
            .into_iter()
            .filter(|&id| id != UNKNOWN)
        {
            for (words, value) in self.by_first.get(&id).into_iter().flatten() {
                let last = words.len() - 1;
                let fits = words.iter().enumerate().all(|(k, &w)| {
                    tokens.get(i + k).is_some_and(|t| {
                        let same = t.id == w || (k == last && t.bare == w);
                        same && (k == 0 || !t.paragraph_before)
                    })
                });
                if fits {
                    return Some((i + words.len(), *value));
                }
            }
        }
        None
    }

    fn words(&self) -> impl Iterator<Item = WordId> + '_ {
        self.by_first
            .values()
            .flatten()
            .flat_map(|(words, _)| words.iter().copied())
    }

    #[inline]
    pub fn has(&self, tokens: &[Token], i: usize) -> Option<usize> {
        self.at(tokens, i).map(|(end, _)| end)
    }
}

/// The first words of a table, whatever its values.
trait FirstWords {
    fn first_ids(&self) -> Vec<WordId>;
}

impl<T: Copy> FirstWords for Table<T> {
    fn first_ids(&self) -> Vec<WordId> {
        self.by_first.keys().copied().collect()
    }
}

fn list(words: &'static [&'static str], elision: bool, vocab: &mut VocabBuilder) -> Table<()> {
    Table::new(words.iter().map(|&w| (w, ())), elision, vocab)
}

/// One language's date tables, compiled.
pub(crate) struct Words {
    pub day_first: bool,
    pub months: Table<i8>,
    pub month_abbreviations: Table<i8>,
    pub ambiguous: Table<()>,
    pub weekdays: Table<Weekday>,
    pub days: Table<(i8, bool)>,
    pub last: Table<()>,
    pub next: Table<()>,
    pub this: Table<()>,
    pub ago: Table<()>,
    pub ago_before: Table<()>,
    pub units: Table<Grain>,
    pub plural_units: Table<Grain>,
    pub one: Table<()>,
    pub parts: Table<Part>,
    pub seasons: Table<Season>,
    pub weekend: Table<()>,
    pub same_month: Table<()>,
    pub previous: Table<Grain>,
    pub this_units: Table<Grain>,
    pub quarters: Table<i8>,
    pub now: Table<()>,
    pub decades: Table<i16>,
    pub decade_nouns: Table<()>,
    pub decade_suffixes: Table<()>,
    pub preps: Table<()>,
    pub future_preps: Table<()>,
    pub toward_preps: Table<()>,
    pub toward_not_after: Table<()>,
    pub kind_links: Table<()>,
    pub moved_words: Table<()>,
    pub articles: Table<()>,
    pub links: Table<()>,
    pub day_joiners: Table<()>,
    pub ordinals: Table<()>,
    pub not_dates: Table<()>,
    pub time_preps: Table<bool>,
    pub meridiem: Table<Option<bool>>,
    pub zones: Table<Zone>,
    /// Folded, as tokens are.
    pub hour_marks: Vec<String>,
    pub offset_preps: Table<()>,
    pub span_since: Table<()>,
    pub holidays: Table<(i8, i8)>,
    pub day_ordinals: Table<i8>,
    /// Zone abbreviations, matched on the original (capitalized) text.
    pub zone_codes: HashMap<&'static str, Zone>,
    pub movable: Table<Movable>,
    pub nth_weekdays: Table<i8>,
    pub tense: TenseCues,
    pub day_span_joiners: Table<()>,
    pub named_hours: Table<i8>,
    pub minutes_after: Table<i8>,
    pub minutes_before: Table<i8>,
    pub later: Table<()>,
    pub places: Table<Zone>,
}

/// A language's tense cues, the words folded as tokens are.
pub(crate) struct TenseCues {
    /// Each word of the word lists, with the bits of the lists holding it
    /// ([`TenseCues::FUTURE`]…): one lookup instead of a scan of each list
    /// (a date reads the cue of every word of its sentence).
    words: HashMap<String, u8>,
    future_endings: &'static [&'static str],
    past_endings: &'static [&'static str],
    participles: &'static [&'static str],
    pub present_is_future: bool,
}

impl TenseCues {
    const FUTURE: u8 = 1;
    const PAST: u8 = 2;
    const PARTICIPLE_AFTER: u8 = 4;
    const AUXILIARY: u8 = 8;

    fn new(t: &Tense) -> TenseCues {
        let mut words: HashMap<String, u8> = HashMap::default();
        for (list, bit) in [
            (t.future_words, Self::FUTURE),
            (t.past_words, Self::PAST),
            (t.participle_after, Self::PARTICIPLE_AFTER),
            (t.auxiliaries, Self::AUXILIARY),
        ] {
            for w in list {
                *words.entry(crate::text::token::fold(w)).or_default() |= bit;
            }
        }
        TenseCues {
            words,
            future_endings: t.future_endings,
            past_endings: t.past_endings,
            participles: t.participles,
            present_is_future: t.present_is_future,
        }
    }

    /// The word is in the lists of `bits`.
    fn listed(&self, norm: &str, bits: u8) -> bool {
        self.words.get(norm).is_some_and(|b| b & bits != 0)
    }

    /// A participle right before a date ("il bollettino diffuso martedì",
    /// "firmato giovedì"): the date is in the past. Only the regular
    /// endings of three letters or more.
    pub(crate) fn participle(&self, norm: &str) -> bool {
        self.participles
            .iter()
            .filter(|e| e.len() >= 3)
            .any(|e| norm.ends_with(e) && norm.len() > e.len() + 2)
            && !self.listed(norm, Self::FUTURE)
    }

    /// The word is one of the tense table's verbs ("hatte", "soll").
    pub(crate) fn is_verb(&self, norm: &str) -> bool {
        self.listed(norm, Self::FUTURE | Self::PAST)
    }

    /// The word ends as the language's past participles do ("expected").
    /// In a language without a past ending, its participles' endings
    /// ("convocato" in "aveva convocato").
    pub(crate) fn ends_like_participle(&self, norm: &str) -> bool {
        let ends = |e: &&&str| norm.ends_with(**e) && norm.len() > e.len() + 2;
        self.past_endings.iter().any(|e| ends(&e))
            || self
                .participles
                .iter()
                .filter(|e| e.len() >= 3)
                .any(|e| ends(&e))
    }

    /// `Some(true)` when the word looks ahead, `Some(false)` when it looks
    /// back. `raw` is the word as written, for the endings; `before` the
    /// word before it, folded.
    pub fn of(&self, norm: &str, raw: &str, before: Option<&str>) -> Option<bool> {
        let listed = self.words.get(norm).copied().unwrap_or(0);
        if listed & Self::FUTURE != 0 {
            return Some(true);
        }
        if listed & Self::PAST != 0 {
            return Some(false);
        }
        // An ending needs a stem of at least three letters before it.
        let ends = |endings: &[&str]| {
            if raw.is_ascii() {
                // The same test without lowering a copy.
                let raw = raw.as_bytes();
                return endings.iter().any(|e| {
                    raw.len() >= e.len() + 3
                        && raw[raw.len() - e.len()..]
                            .iter()
                            .zip(e.bytes())
                            .all(|(r, e)| r.to_ascii_lowercase() == e)
                });
            }
            let lower = raw.to_lowercase();
            endings
                .iter()
                .any(|e| lower.ends_with(e) && lower.chars().count() >= e.chars().count() + 3)
        };
        if ends(self.future_endings) {
            return Some(true);
        }
        // "è intervenuto", "sono arrivati": a compound past.
        let after_aux = before.is_some_and(|b| self.listed(b, Self::AUXILIARY));
        if after_aux
            && self
                .participles
                .iter()
                .any(|e| norm.ends_with(e) && norm.len() > e.len() + 1)
        {
            return Some(false);
        }
        let participle = before.is_some_and(|b| self.listed(b, Self::PARTICIPLE_AFTER));
        if !participle && ends(self.past_endings) {
            return Some(false);
        }
        None
    }
}

impl Words {
    pub fn build(data: &LangData, vocab: &mut VocabBuilder) -> Words {
        let d = &data.dates;
        let e = data.elision;
        let words = Words {
            day_first: d.day_first,
            months: Table::new(d.months.iter().copied(), e, vocab),
            month_abbreviations: Table::new(d.month_abbreviations.iter().copied(), e, vocab),
            ambiguous: list(d.ambiguous, e, vocab),
            weekdays: Table::new(d.weekdays.iter().copied(), e, vocab),
            days: Table::new(
                d.days.iter().map(|&(p, n, evening)| (p, (n, evening))),
                e,
                vocab,
            ),
            last: list(d.last, e, vocab),
            next: list(d.next, e, vocab),
            this: list(d.this, e, vocab),
            ago: list(d.ago, e, vocab),
            ago_before: list(d.ago_before, e, vocab),
            units: Table::new(d.units.iter().copied(), e, vocab),
            plural_units: Table::new(d.plural_units.iter().copied(), e, vocab),
            one: list(d.one, e, vocab),
            parts: Table::new(d.parts.iter().copied(), e, vocab),
            seasons: Table::new(d.seasons.iter().copied(), e, vocab),
            weekend: list(d.weekend, e, vocab),
            same_month: list(d.same_month, e, vocab),
            previous: Table::new(d.previous.iter().copied(), e, vocab),
            this_units: Table::new(d.this_units.iter().copied(), e, vocab),
            quarters: Table::new(d.quarters.iter().copied(), e, vocab),
            now: list(d.now, e, vocab),
            decades: Table::new(d.decades.iter().copied(), e, vocab),
            decade_nouns: list(d.decade_nouns, e, vocab),
            decade_suffixes: list(d.decade_suffixes, e, vocab),
            preps: list(d.preps, e, vocab),
            future_preps: list(d.future_preps, e, vocab),
            toward_preps: list(d.toward_preps, e, vocab),
            toward_not_after: list(d.toward_not_after, e, vocab),
            kind_links: list(d.kind_links, e, vocab),
            moved_words: list(d.moved_words, e, vocab),
            articles: list(d.articles, e, vocab),
            links: list(d.links, e, vocab),
            day_joiners: list(d.day_joiners, e, vocab),
            ordinals: list(d.ordinals, e, vocab),
            not_dates: list(d.not_dates, e, vocab),
            time_preps: Table::new(d.time_preps.iter().copied(), e, vocab),
            meridiem: Table::new(d.meridiem.iter().copied(), e, vocab),
            zones: Table::new(d.zones.iter().copied(), e, vocab),
            hour_marks: d
                .hour_marks
                .iter()
                .map(|m| crate::text::token::fold(m))
                .collect(),
            offset_preps: list(data.offset_preps, e, vocab),
            span_since: list(data.span_since, e, vocab),
            holidays: Table::new(
                data.holidays.iter().map(|&(p, m, day)| (p, (m, day))),
                e,
                vocab,
            ),
            day_ordinals: Table::new(data.day_ordinals.iter().copied(), e, vocab),
            zone_codes: ZONE_CODES.iter().copied().collect(),
            movable: Table::new(data.movable_holidays.iter().copied(), e, vocab),
            nth_weekdays: Table::new(data.nth_weekdays.iter().copied(), e, vocab),
            tense: TenseCues::new(&data.tense),
            day_span_joiners: list(data.day_span_joiners, e, vocab),
            named_hours: Table::new(data.named_hours.iter().copied(), e, vocab),
            minutes_after: Table::new(data.minutes_after.iter().copied(), e, vocab),
            minutes_before: Table::new(data.minutes_before.iter().copied(), e, vocab),
            later: list(data.later, e, vocab),
            places: Table::new(data.place_zones.iter().copied(), e, vocab),
        };
        words.mark_anchors(vocab);
        words
    }

    /// Marks in the vocabulary the anchors and the starters. Anchors are
    /// the words without which no date or time is written: months,
    /// weekdays, relative words, units, parts, zones… (not the prepositions
    /// and articles around them); a date needs one of them or a number near
    /// its start, so the parser is tried only there. Starters are the first
    /// words of every phrase of every table: a date or time starts with one
    /// of them, a number or a number word.
    fn mark_anchors(&self, vocab: &mut VocabBuilder) {
        let words = self
            .months
            .words()
            .chain(self.month_abbreviations.words())
            .chain(self.weekdays.words())
            .chain(self.days.words())
            .chain(self.last.words())
            .chain(self.next.words())
            .chain(self.this.words())
            .chain(self.ago.words())
            .chain(self.ago_before.words())
            .chain(self.units.words())
            .chain(self.plural_units.words())
            .chain(self.parts.words())
            .chain(self.seasons.words())
            .chain(self.weekend.words())
            .chain(self.same_month.words())
            .chain(self.previous.words())
            .chain(self.this_units.words())
            .chain(self.quarters.words())
            .chain(self.now.words())
            .chain(self.decades.words())
            .chain(self.decade_nouns.words())
            .chain(self.decade_suffixes.words())
            .chain(self.meridiem.words())
            .chain(self.zones.words())
            .chain(self.holidays.words())
            .chain(self.movable.words())
            .chain(self.named_hours.words())
            .chain(self.minutes_before.words())
            .chain(self.minutes_after.words());
        for id in words.collect::<Vec<_>>() {
            vocab.mark_id(id, List::DateAnchor);
        }
        let tables: [&dyn FirstWords; 42] = [
            &self.months,
            &self.month_abbreviations,
            &self.ambiguous,
            &self.weekdays,
            &self.days,
            &self.last,
            &self.next,
            &self.this,
            &self.ago,
            &self.ago_before,
            &self.units,
            &self.plural_units,
            &self.one,
            &self.parts,
            &self.seasons,
            &self.weekend,
            &self.same_month,
            &self.previous,
            &self.this_units,
            &self.quarters,
            &self.now,
            &self.decades,
            &self.decade_nouns,
            &self.decade_suffixes,
            &self.preps,
            &self.future_preps,
            &self.toward_preps,
            &self.moved_words,
            &self.articles,
            &self.links,
            &self.day_joiners,
            &self.ordinals,
            &self.not_dates,
            &self.time_preps,
            &self.meridiem,
            &self.zones,
            &self.holidays,
            &self.day_ordinals,
            &self.movable,
            &self.nth_weekdays,
            &self.named_hours,
            &self.minutes_before,
        ];
        for table in tables {
            for id in table.first_ids() {
                vocab.mark_id(id, List::DateStarter);
            }
        }
        for code in self.zone_codes.keys() {
            let code = code.to_lowercase();
            vocab.mark(&code, List::DateAnchor);
            vocab.mark(&code, List::DateStarter);
        }
    }

    /// A date or time can start at this word: the first word of a phrase,
    /// a number word ("two years ago") or an apostrophe ("'90s").
    pub(crate) fn is_starter(vocab: &Vocab, token: &Token) -> bool {
        vocab.is(token, List::DateStarter)
            || vocab.has(token.bare, List::DateStarter)
            || token.norm == "'"
            || (token.is_word() && vocab.is_number_word(token))
    }

    /// The token can anchor a date or time: a number or an anchor word.
    pub(crate) fn is_anchor(vocab: &Vocab, token: &Token) -> bool {
        token.is_number()
            || vocab.is(token, List::DateAnchor)
            || vocab.has(token.bare, List::DateAnchor)
    }
}
