//! Match terms (`soldat*`, `north korean*`, `corea del nord`) and their
//! index: exact words in one hash map, prefixes in another, so a word of an
//! article is looked up once per prefix length, not once per fact.

use compact_str::CompactString;
use hashbrown::HashTable;
use smallvec::SmallVec;

use crate::text::token::{Token, TokenKind, fold, tokenize};

/// A term: folded words, each matching a whole word of the article or,
/// written with a trailing `*`, any word it starts (`servizi* sudcoreani`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// Inline when one word, as most terms are: a set of 100,000 facts
    /// holds half a million terms, and an allocation each was a fifth of
    /// its memory.
    pub words: SmallVec<[Word; 1]>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Word {
    /// Inline up to 24 bytes: a set of 100,000 facts holds a million words,
    /// and allocating (then freeing) each took a tenth of loading.
    pub text: CompactString,
    pub prefix: bool,
}

impl Term {
    /// Parses a term as written in a reference file; `None` when it holds
    /// no word.
    pub fn parse(text: &str) -> Option<Term> {
        let mut words: SmallVec<[Word; 1]> = SmallVec::new();
        for raw in text.split_whitespace() {
            let (body, prefix) = match raw.strip_suffix('*') {
                Some(body) => (body, true),
                None => (raw, false),
            };
            let parts: Vec<CompactString> = tokenize(&fold(body), false)
                .into_iter()
                .filter(|t| !t.is_punct("-") && !t.is_punct("*"))
                .map(|t| CompactString::from(t.norm.trim_end_matches('\'')))
                .filter(|w| !w.is_empty())
                .collect();
            let count = parts.len();
            for (n, part) in parts.into_iter().enumerate() {
                words.push(Word {
                    text: part,
                    prefix: prefix && n + 1 == count,
                });
            }
        }
        // A term needs a word or a number: "(+)" or "…" would never match.
        let meaningful = words
            .iter()
            .any(|w| w.text.chars().any(char::is_alphanumeric));
        (meaningful).then_some(Term { words })
    }
}

/// What a term stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    /// A term of the facts' `match` groups, numbered once however many
    /// facts use it (see [`super::FactIndex::term_ids`]).
    Term(usize),
    /// An alias (or the name) of a source.
    Source(usize),
}

/// A term found in an article: tokens `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub target: Target,
    pub first: usize,
    pub end: usize,
}

#[derive(Clone, Default)]
pub(crate) struct TermIndex {
    /// Every term with its target, in insertion order.
    entries: Vec<Entry>,
    /// First word → the first and last of its terms in `entries`, which
    /// chain the rest (most words start one term: a chain costs no
    /// allocation, a `Vec` per word did). The key is the first word of
    /// the first entry's term, not a copy of it: 8 bytes a word where a
    /// map from the word's text took 40 (a library of 100,000 facts has
    /// about 200,000 first words).
    exact: HashTable<(u32, u32)>,
    prefix: HashTable<(u32, u32)>,
    /// By first byte of the exact keys, then of the prefix keys (256
    /// entries each once a term is inserted): their lengths in bytes, bit
    /// `n` for length `n` and bit 63 for 63 or more. A word is looked up
    /// only at the lengths some key starting like it has, usually none.
    exact_lengths: Vec<u64>,
    prefix_lengths: Vec<u64>,
}

impl std::fmt::Debug for TermIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TermIndex")
            .field("entries", &self.entries)
            .field("exact", &self.exact.len())
            .field("prefix", &self.prefix.len())
            .finish_non_exhaustive()
    }
}

/// A term of the index: 56 bytes (80 with a `Target` and an
/// `Option<usize>` link).
#[derive(Debug, Clone)]
struct Entry {
    term: Term,
    /// The number of the [`Target::Term`], or of the [`Target::Source`]
    /// with [`SOURCE`] added.
    target: u32,
    /// The next entry with the same key, or [`END`].
    next: u32,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 56);

/// No next entry.
const END: u32 = u32::MAX;

/// The bit of [`Entry::target`] that marks a source.
const SOURCE: u32 = 1 << 31;

impl Entry {
    fn target(&self) -> Target {
        let n = (self.target & !SOURCE) as usize;
        if self.target & SOURCE != 0 {
            Target::Source(n)
        } else {
            Target::Term(n)
        }
    }
}

/// A number of the index in 32 bits (31 for a target): a library of two
/// billion terms would not fit in memory before this saturates.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(END)
}

/// The key word of the chain starting at entry `first`.
fn key(entries: &[Entry], first: u32) -> &str {
    &entries[first as usize].term.words[0].text
}

/// The hash of a key word.
fn hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// Bit of [`TermIndex::prefix_lengths`] that stands for every length from
/// 63 on.
const LONG: usize = 63;

impl TermIndex {
    /// Room for `entries` terms.
    pub(crate) fn reserve(&mut self, entries: usize) {
        self.entries.reserve_exact(entries);
    }

    /// The chain of the terms whose first word is `word` (`prefix`: the
    /// terms whose first word is a prefix).
    fn head(&self, word: &str, prefix: bool) -> Option<&(u32, u32)> {
        let table = if prefix { &self.prefix } else { &self.exact };
        table.find(hash(word), |&(first, _)| key(&self.entries, first) == word)
    }

    /// The number of a term of the facts' groups ([`Target::Term`]):
    /// the one of an equal term already taken in, else the next, as the
    /// term is taken in. Terms are numbered from 0 in order of first use,
    /// so all of them come before any source's alias.
    pub(crate) fn intern(&mut self, term: &Term) -> usize {
        let head = self.head(&term.words[0].text, term.words[0].prefix);
        let same = self.chain(head).find_map(|e| match e.target() {
            Target::Term(id) if e.term == *term => Some(id),
            _ => None,
        });
        same.unwrap_or_else(|| {
            let id = self.entries.len();
            self.insert(term.clone(), Target::Term(id));
            id
        })
    }

    /// For each term numbered by [`TermIndex::intern`], how many uses of
    /// all the terms under its key (its first word, and whether a prefix)
    /// there are, given each term's `uses`.
    pub(crate) fn postings(&self, uses: &[usize]) -> Vec<usize> {
        let mut postings = vec![0; uses.len()];
        for head in self.exact.iter().chain(self.prefix.iter()) {
            let ids = || {
                self.chain(Some(head)).filter_map(|e| match e.target() {
                    Target::Term(id) => Some(id),
                    Target::Source(_) => None,
                })
            };
            let sum: usize = ids().map(|id| uses[id]).sum();
            for id in ids() {
                postings[id] = sum;
            }
        }
        postings
    }

    pub fn insert(&mut self, term: Term, target: Target) {
        let prefix = term.words[0].prefix;
        let (first_byte, len) = {
            let first = &term.words[0].text;
            (first.as_bytes()[0], first.len())
        };
        let lengths = if prefix {
            &mut self.prefix_lengths
        } else {
            &mut self.exact_lengths
        };
        if lengths.is_empty() {
            *lengths = vec![0; 256];
        }
        lengths[usize::from(first_byte)] |= 1 << len.min(LONG);
        let at = small(self.entries.len());
        let target = match target {
            Target::Term(n) => small(n) & !SOURCE,
            Target::Source(n) => small(n) | SOURCE,
        };
        let word_hash = hash(&term.words[0].text);
        self.entries.push(Entry {
            term,
            target,
            next: END,
        });
        let entries = &mut self.entries;
        let table = if prefix {
            &mut self.prefix
        } else {
            &mut self.exact
        };
        match table.find_mut(word_hash, |&(first, _)| {
            key(entries, first) == key(entries, at)
        }) {
            Some((_, last)) => {
                let before = std::mem::replace(last, at);
                entries[before as usize].next = at;
            }
            None => {
                table.insert_unique(word_hash, (at, at), |&(first, _)| hash(key(entries, first)));
            }
        }
    }

    /// The terms under a key, in insertion order.
    fn chain(&self, head: Option<&(u32, u32)>) -> impl Iterator<Item = &Entry> {
        let mut at = head.map_or(END, |&(first, _)| first);
        std::iter::from_fn(move || {
            let entry = self.entries.get(at as usize)?;
            at = entry.next;
            Some(entry)
        })
    }

    /// Every term occurrence in `tokens`, in token order.
    pub fn find(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut found = |head: Option<&(u32, u32)>, i: usize| {
            for entry in self.chain(head) {
                if let Some(end) = matches_at(&entry.term, tokens, i) {
                    hits.push(Hit {
                        target: entry.target(),
                        first: i,
                        end,
                    });
                }
            }
        };
        for (i, token) in tokens.iter().enumerate() {
            // Words, and numbers a term may name ("2020" in a match group).
            if token.kind == TokenKind::Punct {
                continue;
            }
            let word = trim_apostrophes(&token.norm);
            let Some(&first) = word.as_bytes().first() else {
                continue;
            };
            let exact = self.exact_lengths.get(usize::from(first)).copied();
            if exact.is_some_and(|lengths| lengths & (1 << word.len().min(LONG)) != 0) {
                found(self.head(word, false), i);
            }
            // "Lufthansa's revenue": the owner is looked up too (a term
            // holding the possessive itself is found above).
            if let Some(owner) = word.strip_suffix("'s").map(trim_apostrophes)
                && !owner.is_empty()
                && exact.is_some_and(|lengths| lengths & (1 << owner.len().min(LONG)) != 0)
            {
                found(self.head(owner, false), i);
            }
            // Prefixes of the word, shortest first, at the lengths keys
            // starting with its first byte have.
            let mut lengths = self
                .prefix_lengths
                .get(usize::from(first))
                .copied()
                .unwrap_or(0);
            while lengths != 0 {
                let len = lengths.trailing_zeros() as usize;
                lengths &= lengths - 1;
                let ends = if len == LONG {
                    len..word.len() + 1
                } else {
                    len..len + 1
                };
                for end in ends {
                    if end > word.len() {
                        break;
                    }
                    if word.is_char_boundary(end) {
                        found(self.head(&word[..end], true), i);
                    }
                }
            }
        }
        hits
    }
}

/// `word` without trailing apostrophes (`l'` → `l`), as
/// `trim_end_matches('\'')` but byte by byte: the apostrophe is ASCII, so
/// no character needs decoding.
fn trim_apostrophes(word: &str) -> &str {
    let mut end = word.len();
    while end > 0 && word.as_bytes()[end - 1] == b'\'' {
        end -= 1;
    }
    &word[..end]
}

/// The end token of `term` when it occurs at `tokens[i]`.
#[inline]
fn matches_at(term: &Term, tokens: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    for (n, word) in term.words.iter().enumerate() {
        // Skip punctuation inside multi-word terms ("north-korean").
        while n > 0 && tokens.get(k).is_some_and(|t| t.is_punct("-")) {
            k += 1;
        }
        if !word.matches(&tokens.get(k)?.norm) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

impl Word {
    /// The word matches a token's norm, trailing apostrophes ignored, or
    /// the norm without its English possessive ("the government's 1.0%
    /// target" names the government).
    #[inline]
    pub(crate) fn matches(&self, norm: &str) -> bool {
        // Most tokens differ in their first byte: turn them away before
        // trimming and comparing. (Trimming keeps the first byte, and an
        // empty norm matches no word.)
        if norm.as_bytes().first() != self.text.as_bytes().first() {
            return false;
        }
        let fits =
            |norm: &str| norm == self.text || (self.prefix && norm.starts_with(self.text.as_str()));
        // A term may hold the possessive itself ("Seoul's spy agency").
        fits(trim_apostrophes(norm))
            || norm
                .strip_suffix("'s")
                .is_some_and(|owner| fits(trim_apostrophes(owner)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(terms: &[&str], text: &str) -> Vec<(usize, usize)> {
        let mut index = TermIndex::default();
        for (g, t) in terms.iter().enumerate() {
            index.insert(Term::parse(t).unwrap(), Target::Term(g));
        }
        index
            .find(&tokenize(text, true))
            .into_iter()
            .map(|h| (h.first, h.end))
            .collect()
    }

    #[test]
    fn prefixes_match_inflections_case_and_accents_ignored() {
        assert_eq!(hits(&["nordcorean*"], "i soldati Nordcoreani"), [(2, 3)]);
        assert_eq!(hits(&["citta"], "la città"), [(1, 2)]);
    }

    #[test]
    fn ascii_terms_match_names_written_with_turkish_and_nordic_letters() {
        assert_eq!(hits(&["yildirim"], "il generale Yıldırım"), [(2, 3)]);
        assert_eq!(hits(&["sahin"], "Mehmet Şahin said"), [(1, 2)]);
        assert_eq!(hits(&["yıldırım"], "General Yildirim"), [(1, 2)]);
        assert_eq!(hits(&["walesa*"], "Lech Wałęsa's"), [(1, 2)]);
    }

    #[test]
    fn an_english_possessive_names_its_owner() {
        assert_eq!(hits(&["government"], "the government's target"), [(1, 2)]);
        assert_eq!(
            hits(&["bank of italy"], "the Bank of Italy’s forecast"),
            [(1, 4)]
        );
    }

    #[test]
    fn multi_word_terms_match_in_sequence() {
        assert_eq!(hits(&["north korean*"], "North Korean troops"), [(0, 2)]);
        assert_eq!(hits(&["corea del nord"], "la Corea del Nord"), [(1, 4)]);
        assert!(hits(&["corea del nord"], "la Corea del Sud").is_empty());
    }

    #[test]
    fn prefixes_of_any_length_match() {
        let long = "a".repeat(70);
        let longer = format!("{long}bc");
        assert_eq!(hits(&[&format!("{long}*")], &longer), [(0, 1)]);
        assert_eq!(hits(&[&format!("{longer}*")], &long), []);
        assert_eq!(
            hits(&["e*", "ell*", "elle*", "ellenico*"], "ellenico"),
            [(0, 1), (0, 1), (0, 1), (0, 1)]
        );
        assert_eq!(hits(&["ωμέγα*"], "ωμεγαλο"), [(0, 1)]);
    }

    #[test]
    fn exact_terms_do_not_match_longer_words() {
        assert!(hits(&["truppe"], "truppetta").is_empty());
    }

    #[test]
    fn punctuation_alone_is_no_term() {
        for text in ["(+)", ".*", "!!!", "…", "*", "-"] {
            assert_eq!(Term::parse(text), None, "{text}");
        }
        assert!(Term::parse("U.S.").is_some());
    }

    #[test]
    fn any_word_of_a_term_can_be_a_prefix() {
        assert_eq!(
            hits(&["servizi* sudcoreani"], "i servizi segreti sudcoreani"),
            []
        );
        assert_eq!(
            hits(&["servizi* sudcoreani"], "dei servizio sudcoreani"),
            [(1, 3)]
        );
    }
}
