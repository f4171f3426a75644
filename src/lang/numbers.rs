//! Number words split into morphemes (`duemilacinquecento` → due, mila,
//! cinque, cento), from a language's `number_words` table.

use std::sync::OnceLock;

use super::{Lang, LangData, NumberWord};

/// Splits a folded word into number morphemes, longest first
/// (`duemilacinquecento` → due, mila, cinque, cento).
pub(crate) fn split_number_word(word: &str, data: &LangData) -> Option<Vec<NumberWord>> {
    NumberTable::of(data).split(word)
}

/// A language's number words arranged for [`split_number_word`].
#[derive(Debug)]
pub(crate) struct NumberTable {
    exact: rustc_hash::FxHashMap<&'static str, NumberWord>,
    /// Morphemes of two bytes or more by their first two bytes, longest
    /// first: the list for a key is `by_two[slot[key] - 1]` (slot 0: none).
    by_two: Vec<Vec<(&'static str, NumberWord)>>,
    slot: Vec<u16>,
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

    /// Built the first time its language is asked for.
    pub fn of(data: &LangData) -> &'static NumberTable {
        static ALL: [OnceLock<NumberTable>; Lang::ALL.len()] =
            [const { OnceLock::new() }; Lang::ALL.len()];
        let index = Lang::ALL
            .iter()
            .position(|l| l.code() == data.code)
            .unwrap_or(0);
        ALL[index].get_or_init(|| NumberTable::build(Lang::ALL[index].data()))
    }

    fn build(data: &LangData) -> NumberTable {
        let mut by_two: Vec<Vec<(&'static str, NumberWord)>> = Vec::new();
        let mut slot = vec![0u16; 1 << 16];
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
                let key = Self::key(w.as_bytes());
                if slot[key] == 0 {
                    by_two.push(Vec::new());
                    slot[key] = u16::try_from(by_two.len()).unwrap_or(u16::MAX);
                }
                if let Some(list) = by_two.get_mut(usize::from(slot[key]) - 1) {
                    list.push((w, v));
                }
            }
        }
        for list in &mut by_two {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        NumberTable {
            exact,
            by_two,
            slot,
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
        // Every morpheme has two bytes or more: one that `rest` starts
        // with shares its first two.
        if rest.len() < 2 {
            return None;
        }
        let slot = usize::from(self.slot[Self::key(rest.as_bytes())]);
        self.by_two
            .get(slot.checked_sub(1)?)?
            .iter()
            .find(|(w, _)| rest.starts_with(w))
            .map(|&(w, v)| (w.len(), v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest number word (two bytes or more) `rest` starts with,
    /// the last row among equals, read from the table row by row.
    fn longest_by_rows(data: &LangData, rest: &str) -> Option<(usize, NumberWord)> {
        let mut best: Option<(usize, NumberWord)> = None;
        for &(w, v) in data.number_words {
            if w.len() > 1 && rest.starts_with(w) && best.is_none_or(|(len, _)| w.len() >= len) {
                best = Some((w.len(), v));
            }
        }
        best
    }

    #[test]
    fn the_two_byte_buckets_find_what_the_rows_find() {
        for lang in Lang::ALL {
            let data = lang.data();
            let table = NumberTable::of(data);
            let words: Vec<&str> = data.number_words.iter().map(|(w, _)| *w).collect();
            let mut probes: Vec<String> = Vec::new();
            for a in &words {
                probes.push((*a).to_string());
                probes.push(format!("{a}x"));
                for b in words.iter().take(40) {
                    probes.push(format!("{a}{b}"));
                }
            }
            probes.extend(["", "a", "se", "settimana", "tre", "trenta", "zz"].map(String::from));
            for probe in &probes {
                assert_eq!(
                    table.longest_prefix(probe),
                    longest_by_rows(data, probe),
                    "{lang} {probe}"
                );
            }
        }
    }
}
