//! The date tables of a language compiled for matching: every phrase
//! tokenized and folded like article text, indexed by its first word.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use jiff::civil::Weekday;

use crate::extract::token::{Token, tokenize};
use crate::lang::{Lang, LangData, Season, ZONE_CODES, Zone};
use crate::when::{Grain, Part};

/// Phrases and their values, longest first under each first word.
pub(super) struct Table<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    /// Which (first byte, length) pairs its first words have: most words of
    /// an article are turned away by one lookup here, before any hashing.
    shapes: Box<[bool]>,
}

/// Index of a word's shape: its first byte and its length (capped).
fn shape(word: &str) -> usize {
    let first = word.as_bytes().first().copied().unwrap_or(0);
    usize::from(first) * 32 + word.len().min(31)
}

impl<T: Copy> Table<T> {
    fn new(rows: impl IntoIterator<Item = (&'static str, T)>, elision: bool) -> Table<T> {
        let mut by_first: HashMap<String, Vec<(Vec<String>, T)>> = HashMap::default();
        for (phrase, value) in rows {
            let words = phrase_words(phrase, elision);
            if let Some(first) = words.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((words, value));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        let mut shapes = vec![false; 256 * 32].into_boxed_slice();
        for first in by_first.keys() {
            shapes[shape(first)] = true;
            // A possessive "'s" may follow the word in the text.
            shapes[shape(&format!("{first}'s"))] = true;
        }
        Table { by_first, shapes }
    }

    /// The longest phrase starting at token `i`: the index after it and its
    /// value. A phrase does not run across a paragraph break.
    /// The last word may carry a possessive `'s` ("last year's model",
    /// "Monday's attack").
    pub fn at(&self, tokens: &[Token], i: usize) -> Option<(usize, T)> {
        let first = tokens.get(i)?;
        if !self.shapes[shape(&first.norm)] {
            return None;
        }
        let bare = |t: &Token| -> Option<usize> { t.norm.strip_suffix("'s").map(str::len) };
        let candidates = self
            .by_first
            .get(first.norm.as_str())
            .into_iter()
            .chain(bare(first).and_then(|n| self.by_first.get(&first.norm[..n])));
        candidates.flatten().find_map(|(words, value)| {
            let last = words.len() - 1;
            let fits = words.iter().enumerate().all(|(k, w)| {
                tokens.get(i + k).is_some_and(|t| {
                    let same =
                        t.norm == *w || (k == last && bare(t).is_some_and(|n| t.norm[..n] == **w));
                    same && (k == 0 || !t.paragraph_before)
                })
            });
            fits.then_some((i + words.len(), *value))
        })
    }

    /// The first word of every phrase.
    fn first_word_list(&self) -> Vec<String> {
        self.by_first.keys().cloned().collect()
    }

    /// Every word of every phrase.
    fn words(&self) -> impl Iterator<Item = &String> {
        self.by_first
            .values()
            .flatten()
            .flat_map(|(words, _)| words)
    }

    pub fn has(&self, tokens: &[Token], i: usize) -> Option<usize> {
        self.at(tokens, i).map(|(end, _)| end)
    }
}

/// Tables of any value type, for collecting their first words.
trait FirstWords {
    fn first_words(&self) -> Vec<String>;
}

impl<T: Copy> FirstWords for Table<T> {
    fn first_words(&self) -> Vec<String> {
        self.first_word_list()
    }
}

/// The folded words of a phrase as article text tokenizes them: an elided
/// word written alone ("nell'") keeps its apostrophe, as in "nell'agosto".
fn phrase_words(phrase: &str, elision: bool) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for t in tokenize(phrase, elision) {
        match words.last_mut() {
            Some(last) if t.norm == "'" && !t.space_before => last.push('\''),
            _ => words.push(t.norm.into_string()),
        }
    }
    words
}

fn list(words: &'static [&'static str], elision: bool) -> Table<()> {
    Table::new(words.iter().map(|&w| (w, ())), elision)
}

/// One language's date tables, compiled.
pub(super) struct Words {
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
    pub units: Table<Grain>,
    pub plural_units: Table<Grain>,
    pub one: Table<()>,
    pub parts: Table<Part>,
    pub seasons: Table<Season>,
    pub weekend: Table<()>,
    pub same_month: Table<()>,
    pub decades: Table<i16>,
    pub decade_nouns: Table<()>,
    pub decade_suffixes: Table<()>,
    pub preps: Table<()>,
    pub future_preps: Table<()>,
    pub articles: Table<()>,
    pub links: Table<()>,
    pub day_joiners: Table<()>,
    pub ordinals: Table<()>,
    pub not_dates: Table<()>,
    pub time_preps: Table<bool>,
    pub meridiem: Table<Option<bool>>,
    pub zones: Table<Zone>,
    /// Zone abbreviations, matched on the original (capitalized) text.
    pub zone_codes: HashMap<&'static str, Zone>,
    /// Words without which no date or time is written: months, weekdays,
    /// relative words, units, parts, zones… (not the prepositions and
    /// articles around them). A date needs one of them or a number near
    /// its start, so the parser is tried only there.
    pub anchors: HashSet<String>,
    /// First words of every phrase of every table: a date or time starts
    /// with one of them, a number or a number word.
    pub starters: HashSet<String>,
    lang: Lang,
}

impl Words {
    fn build(data: &LangData) -> Words {
        let d = &data.dates;
        let e = data.elision;
        Words {
            day_first: d.day_first,
            months: Table::new(d.months.iter().copied(), e),
            month_abbreviations: Table::new(d.month_abbreviations.iter().copied(), e),
            ambiguous: list(d.ambiguous, e),
            weekdays: Table::new(d.weekdays.iter().copied(), e),
            days: Table::new(d.days.iter().map(|&(p, n, evening)| (p, (n, evening))), e),
            last: list(d.last, e),
            next: list(d.next, e),
            this: list(d.this, e),
            ago: list(d.ago, e),
            units: Table::new(d.units.iter().copied(), e),
            plural_units: Table::new(d.plural_units.iter().copied(), e),
            one: list(d.one, e),
            parts: Table::new(d.parts.iter().copied(), e),
            seasons: Table::new(d.seasons.iter().copied(), e),
            weekend: list(d.weekend, e),
            same_month: list(d.same_month, e),
            decades: Table::new(d.decades.iter().copied(), e),
            decade_nouns: list(d.decade_nouns, e),
            decade_suffixes: list(d.decade_suffixes, e),
            preps: list(d.preps, e),
            future_preps: list(d.future_preps, e),
            articles: list(d.articles, e),
            links: list(d.links, e),
            day_joiners: list(d.day_joiners, e),
            ordinals: list(d.ordinals, e),
            not_dates: list(d.not_dates, e),
            time_preps: Table::new(d.time_preps.iter().copied(), e),
            meridiem: Table::new(d.meridiem.iter().copied(), e),
            zones: Table::new(d.zones.iter().copied(), e),
            zone_codes: ZONE_CODES.iter().copied().collect(),
            anchors: HashSet::default(),
            starters: HashSet::default(),
            lang: Lang::ALL
                .into_iter()
                .find(|l| l.code() == data.code)
                .unwrap_or(Lang::ALL[0]),
        }
        .with_anchors()
    }

    fn with_anchors(mut self) -> Words {
        let mut anchors: HashSet<String> = HashSet::default();
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
            .chain(self.units.words())
            .chain(self.plural_units.words())
            .chain(self.parts.words())
            .chain(self.seasons.words())
            .chain(self.weekend.words())
            .chain(self.same_month.words())
            .chain(self.decades.words())
            .chain(self.decade_nouns.words())
            .chain(self.decade_suffixes.words())
            .chain(self.meridiem.words())
            .chain(self.zones.words());
        anchors.extend(words.cloned());
        anchors.extend(self.zone_codes.keys().map(|k| k.to_lowercase()));
        self.anchors = anchors;
        let tables: [&dyn FirstWords; 29] = [
            &self.months,
            &self.month_abbreviations,
            &self.ambiguous,
            &self.weekdays,
            &self.days,
            &self.last,
            &self.next,
            &self.this,
            &self.ago,
            &self.units,
            &self.plural_units,
            &self.one,
            &self.parts,
            &self.seasons,
            &self.weekend,
            &self.same_month,
            &self.decades,
            &self.decade_nouns,
            &self.decade_suffixes,
            &self.preps,
            &self.future_preps,
            &self.articles,
            &self.links,
            &self.day_joiners,
            &self.ordinals,
            &self.not_dates,
            &self.time_preps,
            &self.meridiem,
            &self.zones,
        ];
        let mut starters: HashSet<String> = HashSet::default();
        for table in tables {
            starters.extend(table.first_words());
        }
        starters.extend(self.zone_codes.keys().map(|k| k.to_lowercase()));
        self.starters = starters;
        self
    }

    /// A date or time can start at this word: the first word of a phrase,
    /// a number word ("two years ago") or an apostrophe ("'90s").
    pub fn is_starter(&self, token: &Token) -> bool {
        let norm = token.norm.as_str();
        self.starters.contains(norm)
            || norm
                .strip_suffix("'s")
                .is_some_and(|bare| self.starters.contains(bare))
            || norm == "'"
            || (token.is_word()
                && crate::extract::number::split_number_word(norm, self.lang.data()).is_some())
    }

    /// The token can anchor a date or time: a number or an anchor word.
    pub fn is_anchor(&self, token: &Token) -> bool {
        token.is_number()
            || self.anchors.contains(token.norm.as_str())
            || token
                .norm
                .strip_suffix("'s")
                .is_some_and(|bare| self.anchors.contains(bare))
    }

    /// The compiled tables of `lang`, built once.
    pub fn of(lang: Lang) -> &'static Words {
        static ALL: OnceLock<Vec<Words>> = OnceLock::new();
        let all = ALL.get_or_init(|| Lang::ALL.iter().map(|l| Words::build(l.data())).collect());
        let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &all[index]
    }
}
