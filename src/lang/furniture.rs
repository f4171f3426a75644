//! Page-furniture phrases ("min read", "Foto", "By") compiled for the
//! extractor's furniture finder (`extract::furniture`).

use super::LangData;
use crate::text::token::phrase_tokens;

/// A language's furniture phrases, folded and split into words once.
#[derive(Debug, Default)]
pub struct Phrases {
    pub(crate) line_openers: Vec<Vec<String>>,
    pub(crate) bylines: Vec<Vec<String>>,
    pub(crate) after_figure: Vec<Vec<String>>,
    pub(crate) counters: Vec<Vec<String>>,
}

impl Phrases {
    pub fn build(data: &LangData) -> Phrases {
        let words = |list: &[&str]| -> Vec<Vec<String>> {
            list.iter()
                .map(|p| phrase_tokens(p, data.elision))
                .filter(|w| !w.is_empty())
                .collect()
        };
        let f = &data.furniture;
        Phrases {
            line_openers: words(f.line_openers),
            bylines: words(f.bylines),
            after_figure: words(f.after_figure),
            counters: words(f.counters),
        }
    }
}
