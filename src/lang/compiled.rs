//! Every table of a language compiled once per process for matching: the
//! vocabulary all its words are interned in, the phrase lexicon, the date
//! words and the page-furniture phrases.

use std::sync::OnceLock;

use super::vocab::{Vocab, VocabBuilder};
use super::{Lang, LangData, Lexicon, dates, furniture};

/// A language's tables compiled for matching, once per process: the
/// vocabulary every table's words are interned in, the phrase lexicon and
/// the date words.
pub(crate) struct Compiled {
    pub vocab: Vocab,
    pub lexicon: Lexicon,
    pub dates: dates::Words,
    pub furniture: furniture::Phrases,
}

impl Compiled {
    fn build(data: &LangData) -> Compiled {
        let mut builder = VocabBuilder::new(data);
        let lexicon = Lexicon::build(data, &mut builder);
        let dates = dates::Words::build(data, &mut builder);
        Compiled {
            vocab: builder.finish(data),
            lexicon,
            dates,
            furniture: furniture::Phrases::build(data),
        }
    }

    /// Built the first time a language is asked for: a run over Italian
    /// articles compiles no other table.
    pub fn of(lang: Lang) -> &'static Compiled {
        static ALL: [OnceLock<Compiled>; Lang::ALL.len()] =
            [const { OnceLock::new() }; Lang::ALL.len()];
        let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        ALL[index].get_or_init(|| Compiled::build(lang.data()))
    }
}
