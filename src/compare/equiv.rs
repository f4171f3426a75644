//! The same thing in every language: what happened to what is counted
//! (uccisi = killed), what a figure measures (affluenza = turnout), the
//! noun counted (soldati = troops) and the places named (italiani =
//! Italy). One row per language, each entry a concept id and the folded
//! words that say it; a word ending in `*` is a prefix.
//!
//! These rows belong with the language tables in `lang`; they live here
//! until that module takes them (one field per concept per language).

use crate::lang::Lang;

/// What the words of one language say.
pub struct Row {
    pub lang: &'static str,
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

pub const ROWS: &[Row] = &[IT, EN];

const IT: Row = Row {
    lang: "it",
    predicates: &[
        (
            "killed",
            &["uccis*", "mort*", "decedut*", "vittim*", "caduti"],
        ),
        ("wounded", &["ferit*"]),
        ("missing", &["dispers*"]),
        ("captured", &["catturat*", "prigionier*"]),
        ("arrested", &["arrest*", "fermat*"]),
        ("displaced", &["sfollat*", "senzatetto"]),
        ("evacuated", &["evacuat*"]),
        ("rescued", &["soccors*", "salvat*", "tratt* in salvo"]),
        ("sent", &["inviat*", "mandat*", "schierat*", "dispiegat*"]),
        ("damaged", &["danneggiat*", "distrutt*", "crollat*"]),
    ],
    topics: &[
        ("turnout", &["affluenza"]),
        ("inflation", &["inflazion*"]),
        ("unemployment", &["disoccupazion*"]),
        ("gdp", &["pil", "prodotto interno lordo"]),
        ("growth", &["crescit*"]),
        ("deficit", &["deficit"]),
        ("debt", &["debito"]),
        ("aid", &["aiut*", "stanziament*"]),
        ("earthquake", &["terremot*", "sism*", "scoss*"]),
        ("magnitude", &["magnitudo"]),
        ("depth", &["profondita"]),
        ("wildfire", &["incend*", "rog*"]),
        ("area", &["superficie", "ettari"]),
        ("vote", &["voti", "preferenze"]),
    ],
    nouns: &[
        ("troops", &["soldat*", "truppe", "militari"]),
        ("people", &["person*", "individui"]),
        ("children", &["bambin*", "minori", "minorenni"]),
        ("civilians", &["civili"]),
        ("migrants", &["migranti"]),
        ("voters", &["elettori", "votanti"]),
        ("homes", &["case", "abitazioni", "edifici"]),
        ("workers", &["lavoratori", "dipendenti"]),
        ("residents", &["residenti", "abitanti"]),
        ("tourists", &["turisti"]),
        ("passengers", &["passeggeri"]),
        ("patients", &["pazienti"]),
        ("dogs", &["cani"]),
        (
            "rescuers",
            &["soccorritori", "vigili del fuoco", "pompieri"],
        ),
        ("villages", &["villaggi", "paesi", "comuni"]),
    ],
    places: &[
        ("italy", &["italia", "italian*"]),
        ("north-korea", &["nordcorea*", "corea del nord"]),
        ("south-korea", &["sudcorea*", "corea del sud"]),
        ("russia", &["russia", "russ*"]),
        ("ukraine", &["ucrain*"]),
        (
            "united-states",
            &["stati uniti", "statunitens*", "americ*", "usa"],
        ),
        ("france", &["francia", "frances*"]),
        ("germany", &["germania", "tedesc*"]),
        ("spain", &["spagna", "spagnol*"]),
        ("united-kingdom", &["regno unito", "britannic*", "ingles*"]),
        ("china", &["cina", "cines*"]),
        ("japan", &["giappon*"]),
        ("morocco", &["marocc*"]),
        ("greece", &["grecia", "grec*"]),
        ("switzerland", &["svizzer*"]),
        ("hawaii", &["hawaii*"]),
        ("marrakech", &["marrakech", "marrakesh"]),
        ("mexico", &["messic*"]),
        ("brazil", &["brasil*"]),
        ("europe", &["europ*", "ue"]),
    ],
    attribution_before: &["secondo", "stando a", "stando al", "stando alla", "citando"],
    attribution_after: &[
        "ha detto",
        "ha dichiarato",
        "ha riferito",
        "ha reso noto",
        "ha fatto sapere",
        "ha comunicato",
        "ha annunciato",
        "ha confermato",
        "hanno detto",
        "hanno riferito",
        "hanno comunicato",
        "riferisce",
        "comunica",
        "annuncia",
    ],
    attribution_stops: &[
        "nel", "nella", "nei", "negli", "in", "durante", "con", "che",
    ],
};

const EN: Row = Row {
    lang: "en",
    predicates: &[
        (
            "killed",
            &[
                "kill*", "dead", "death*", "died", "die", "fatalit*", "lives",
            ],
        ),
        ("wounded", &["wound*", "injur*", "hurt"]),
        ("missing", &["missing", "unaccounted"]),
        ("captured", &["captur*", "prisoner*"]),
        ("arrested", &["arrest*", "detain*"]),
        ("displaced", &["displac*", "homeless"]),
        ("evacuated", &["evacuat*"]),
        ("rescued", &["rescued", "rescue", "saved"]),
        ("sent", &["sent", "deploy*", "dispatch*"]),
        ("damaged", &["damag*", "destroy*", "collaps*"]),
    ],
    topics: &[
        ("turnout", &["turnout"]),
        ("inflation", &["inflation"]),
        ("unemployment", &["unemploy*", "jobless*"]),
        ("gdp", &["gdp", "gross domestic product", "output"]),
        ("growth", &["growth"]),
        ("deficit", &["deficit*"]),
        ("debt", &["debt*"]),
        ("aid", &["aid", "funding"]),
        ("earthquake", &["earthquake*", "quake*", "tremor*"]),
        ("magnitude", &["magnitude"]),
        ("depth", &["depth", "deep"]),
        ("wildfire", &["wildfire*", "fire*", "blaze*"]),
        ("area", &["area", "acres", "hectares"]),
        ("vote", &["votes"]),
    ],
    nouns: &[
        ("troops", &["soldier*", "troop*"]),
        ("people", &["people", "person*", "individuals"]),
        ("children", &["child*"]),
        ("civilians", &["civilian*"]),
        ("migrants", &["migrant*"]),
        ("voters", &["voter*"]),
        ("homes", &["home*", "house*", "building*"]),
        ("workers", &["worker*", "employee*"]),
        ("residents", &["resident*", "inhabitant*"]),
        ("tourists", &["tourist*"]),
        ("passengers", &["passenger*"]),
        ("patients", &["patient*"]),
        ("dogs", &["dog", "dogs"]),
        ("rescuers", &["rescuer*", "firefighter*"]),
        ("villages", &["village*", "town*"]),
    ],
    places: &[
        ("italy", &["italy", "italian*"]),
        ("north-korea", &["north korea*"]),
        ("south-korea", &["south korea*"]),
        ("russia", &["russia*"]),
        ("ukraine", &["ukrain*"]),
        ("united-states", &["united states", "american*", "u.s"]),
        ("france", &["france", "french"]),
        ("germany", &["germany", "german*"]),
        ("spain", &["spain", "spanish"]),
        (
            "united-kingdom",
            &["united kingdom", "britain", "british", "uk"],
        ),
        ("china", &["china", "chinese"]),
        ("japan", &["japan*"]),
        ("morocco", &["morocc*"]),
        ("greece", &["greece", "greek*"]),
        ("switzerland", &["switzerland", "swiss"]),
        ("hawaii", &["hawaii*"]),
        ("marrakech", &["marrakech", "marrakesh"]),
        ("mexico", &["mexic*"]),
        ("brazil", &["brazil*"]),
        ("europe", &["europ*", "eu"]),
    ],
    attribution_before: &["according to", "citing"],
    attribution_after: &[
        "said",
        "says",
        "told",
        "reported",
        "announced",
        "confirmed",
        "stated",
    ],
    attribution_stops: &["in", "on", "at", "during", "with", "that"],
};

/// The row of `lang`, if the table has one.
pub fn row(lang: Lang) -> Option<&'static Row> {
    ROWS.iter().find(|r| r.lang == lang.code())
}

/// Which table of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Predicates,
    Topics,
    Nouns,
    Places,
}

impl Row {
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
    /// Each word, and whether it is a prefix (`*`).
    parts: Vec<(&'static str, bool)>,
}

/// A row compiled for lookups: entries by their exact first word, and
/// prefix entries by their first byte, so a word costs one hash lookup
/// and a short scan.
struct Compiled {
    lang: &'static str,
    entries: Vec<Entry>,
    exact: rustc_hash::FxHashMap<&'static str, Vec<usize>>,
    prefixes: Vec<Vec<usize>>,
}

fn compiled(lang: Lang) -> Option<&'static Compiled> {
    static ALL: std::sync::OnceLock<Vec<Compiled>> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| {
        ROWS.iter()
            .map(|row| {
                let mut c = Compiled {
                    lang: row.lang,
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
                    for (concept, entries) in row.table(table) {
                        for entry in *entries {
                            let parts: Vec<(&'static str, bool)> = entry
                                .split(' ')
                                .map(|p| match p.strip_suffix('*') {
                                    Some(stem) => (stem, true),
                                    None => (p, false),
                                })
                                .collect();
                            let i = c.entries.len();
                            match parts[0] {
                                (stem, true) => {
                                    let byte = stem.as_bytes().first().copied().unwrap_or(0);
                                    c.prefixes[byte as usize].push(i);
                                }
                                (word, false) => c.exact.entry(word).or_default().push(i),
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
            })
            .collect()
    });
    all.iter().find(|c| c.lang == lang.code())
}

/// The concept whose entry covers the folded words starting at `words[0]`,
/// and how many words it took; the longest entry wins.
pub fn lookup<S: AsRef<str>>(
    lang: Lang,
    table: Table,
    words: &[S],
) -> Option<(&'static str, usize)> {
    let c = compiled(lang)?;
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
fn covers<S: AsRef<str>>(parts: &[(&str, bool)], words: &[S]) -> Option<usize> {
    for (i, (part, prefix)) in parts.iter().enumerate() {
        let word = words.get(i)?.as_ref();
        let ok = if *prefix {
            word.starts_with(part)
        } else {
            word == *part
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
    for row in ROWS {
        for (c, entries) in row.table(table) {
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
        assert_eq!(terms, ["ferit*", "wound*", "injur*", "hurt"]);
    }
}
