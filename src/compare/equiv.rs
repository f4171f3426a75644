//! The concept tables `compare` and `refs draft` read claims through live
//! with the language tables (`lang::concepts`, a `concepts` field in each
//! language's row); this module only names them for the compare code.

pub use crate::lang::concepts::{Table, lookup, terms};
use crate::lang::{Concepts, Lang};

/// The concepts of `lang`.
pub fn row(lang: Lang) -> Option<&'static Concepts> {
    Some(&lang.data().concepts)
}
