//! The same thing in every language: what happened to what is counted
//! (uccisi = killed = getötet), what a figure measures (affluenza =
//! turnout), the noun counted (soldati = troops) and the places named
//! (italiani = Italy). Each language's row is its `concepts` field; each
//! entry is a concept id (the same in every row) and the words that say
//! it, as the language spells them (folded when compiled); a word ending
//! in `*` is a prefix. `compare` and `refs draft` read claims through it.

use super::Lang;
use crate::text::token::fold;

/// What the words of one language say.
#[derive(Debug)]
pub struct Concepts {
    /// Predicates: what happened to what is counted.
    pub predicates: &'static [(&'static str, &'static [&'static str])],
    /// Topics: what a percentage, an amount, a measure or a date is of.
    pub topics: &'static [(&'static str, &'static [&'static str])],
    /// Counted nouns.
    pub nouns: &'static [(&'static str, &'static [&'static str])],
    /// Countries, regions and their demonyms; entries may be phrases.
    pub places: &'static [(&'static str, &'static [&'static str])],
    /// Phrases before a source ("secondo", "according to").
    pub attribution_before: &'static [&'static str],
    /// Phrases after a source ("ha detto", "said").
    pub attribution_after: &'static [&'static str],
    /// Words that end a source named after its verb ("ha riferito il
    /// ministero nel bilancio": the ministry).
    pub attribution_stops: &'static [&'static str],
}

/// Which table of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Predicates,
    Topics,
    Nouns,
    Places,
}

impl Concepts {
    pub fn table(&self, table: Table) -> &'static [(&'static str, &'static [&'static str])] {
        match table {
            Table::Predicates => self.predicates,
            Table::Topics => self.topics,
            Table::Nouns => self.nouns,
            Table::Places => self.places,
        }
    }
}

/// One entry of a row, split into words once.
struct Entry {
    concept: &'static str,
    table: Table,
    /// Each folded word, and whether it is a prefix (`*`).
    parts: Vec<(String, bool)>,
}

/// A row compiled for lookups: entries by their exact first word, and
/// prefix entries by their first byte, so a word costs one hash lookup
/// and a short scan.
struct Compiled {
    entries: Vec<Entry>,
    exact: rustc_hash::FxHashMap<String, Vec<usize>>,
    prefixes: Vec<Vec<usize>>,
}

fn compiled(lang: Lang) -> &'static Compiled {
    static ALL: std::sync::OnceLock<Vec<Compiled>> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|l| compile(&l.data().concepts))
            .collect()
    });
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &all[i]
}

fn compile(concepts: &'static Concepts) -> Compiled {
    let mut c = Compiled {
        entries: Vec::new(),
        exact: Default::default(),
        prefixes: vec![Vec::new(); 256],
    };
    for table in [
        Table::Predicates,
        Table::Topics,
        Table::Nouns,
        Table::Places,
    ] {
        for (concept, entries) in concepts.table(table) {
            for entry in *entries {
                // Rows are written as the language spells them; lookups
                // compare folded words.
                let parts: Vec<(String, bool)> = fold(entry)
                    .split(' ')
                    .map(|p| match p.strip_suffix('*') {
                        Some(stem) => (stem.to_string(), true),
                        None => (p.to_string(), false),
                    })
                    .collect();
                let i = c.entries.len();
                match &parts[0] {
                    (stem, true) => {
                        let byte = stem.as_bytes().first().copied().unwrap_or(0);
                        c.prefixes[byte as usize].push(i);
                    }
                    (word, false) => c.exact.entry(word.clone()).or_default().push(i),
                }
                c.entries.push(Entry {
                    concept,
                    table,
                    parts,
                });
            }
        }
    }
    c
}

/// The concept whose entry covers the folded words starting at `words[0]`,
/// and how many words it took; the longest entry wins.
pub fn lookup<S: AsRef<str>>(
    lang: Lang,
    table: Table,
    words: &[S],
) -> Option<(&'static str, usize)> {
    let c = compiled(lang);
    let first = words.first()?.as_ref();
    let byte = first.as_bytes().first().copied().unwrap_or(0);
    let exact = c.exact.get(first).map_or(&[][..], Vec::as_slice);
    let mut best: Option<(&'static str, usize)> = None;
    for &i in exact.iter().chain(&c.prefixes[byte as usize]) {
        let entry = &c.entries[i];
        if entry.table != table {
            continue;
        }
        if let Some(n) = covers(&entry.parts, words)
            && best.is_none_or(|(_, m)| n > m)
        {
            best = Some((entry.concept, n));
        }
    }
    best
}

/// The number of words the entry's `parts` cover at the start of `words`.
fn covers<S: AsRef<str>>(parts: &[(String, bool)], words: &[S]) -> Option<usize> {
    for (i, (part, prefix)) in parts.iter().enumerate() {
        let word = words.get(i)?.as_ref();
        let ok = if *prefix {
            word.starts_with(part)
        } else {
            word == part
        };
        if !ok {
            return None;
        }
    }
    Some(parts.len())
}

/// Every language's entries for `concept`, as reference-file terms (a
/// prefix keeps its `*`), in table order without repeats.
pub fn terms(table: Table, concept: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        for (c, entries) in lang.data().concepts.table(table) {
            if *c == concept {
                for e in *entries {
                    if !out.iter().any(|o| o == e) {
                        out.push((*e).to_string());
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_concept_in_each_language() {
        // (language, table, words, concept)
        let rows: &[(Lang, Table, &[&str], &str)] = &[
            (Lang::It, Table::Predicates, &["uccisi"], "killed"),
            (Lang::En, Table::Predicates, &["killed"], "killed"),
            (Lang::It, Table::Predicates, &["feriti"], "wounded"),
            (Lang::En, Table::Predicates, &["injured"], "wounded"),
            (Lang::It, Table::Topics, &["affluenza"], "turnout"),
            (Lang::En, Table::Topics, &["turnout"], "turnout"),
            (Lang::It, Table::Places, &["italiani"], "italy"),
            (Lang::En, Table::Places, &["italy"], "italy"),
            (
                Lang::It,
                Table::Places,
                &["corea", "del", "nord"],
                "north-korea",
            ),
            (Lang::En, Table::Places, &["north", "korean"], "north-korea"),
            (Lang::It, Table::Nouns, &["soldati"], "troops"),
            (Lang::En, Table::Nouns, &["troops"], "troops"),
            // Rows are written as spelled; lookups take folded words.
            (Lang::De, Table::Predicates, &["getotet"], "killed"),
            (Lang::De, Table::Places, &["sudkoreanische"], "south-korea"),
            (Lang::Fr, Table::Predicates, &["blesses"], "wounded"),
            (
                Lang::Fr,
                Table::Places,
                &["coree", "du", "nord"],
                "north-korea",
            ),
            (Lang::Es, Table::Topics, &["participacion"], "turnout"),
            (Lang::Es, Table::Nouns, &["ninos"], "children"),
        ];
        for (lang, table, words, concept) in rows {
            assert_eq!(
                lookup(*lang, *table, words).map(|(c, _)| c),
                Some(*concept),
                "{words:?}"
            );
        }
        assert_eq!(lookup(Lang::En, Table::Places, &["us"]), None);
    }

    #[test]
    fn terms_gather_every_language() {
        let terms = terms(Table::Predicates, "wounded");
        // Registration order: it, en, de, es, fr.
        assert_eq!(
            terms,
            [
                "ferit*",
                "wound*",
                "injur*",
                "hurt",
                "verletzt*",
                "verwundet*",
                "herid*",
                "lesionad*",
                "bless*"
            ]
        );
    }
}
