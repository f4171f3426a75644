//! A token's folded form in 16 bytes. A figure-dense article has a token
//! every five bytes, and every token carries its folded form: at 24 bytes
//! (a `CompactString`) the forms were 40 % of a token and the tokens most
//! of the memory a large article needs. Almost every word folds to 14
//! bytes or fewer, which are kept inline; a longer one is kept behind a
//! pointer.

use std::fmt;
use std::ops::Deref;

/// Bytes kept inline.
const INLINE: usize = 14;

/// A short string: inline up to [`INLINE`] bytes, else on the heap.
#[derive(Clone)]
pub struct Norm(Repr);

#[derive(Clone)]
enum Repr {
    /// The length, then the bytes (valid UTF-8 up to the length).
    Inline(u8, [u8; INLINE]),
    /// A longer string (two pointers' indirection keeps `Norm` at 16
    /// bytes; such words are rare).
    Heap(Box<Box<str>>),
}

const _: () = assert!(std::mem::size_of::<Norm>() == 16);

impl Norm {
    pub fn new(text: &str) -> Norm {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                Norm(Repr::Inline(len, bytes))
            }
            _ => Norm(Repr::Heap(Box::new(text.into()))),
        }
    }

    /// `text` in ASCII lower case (`text` is ASCII).
    pub fn ascii_lowercase(text: &str) -> Norm {
        let mut norm = Norm::new(text);
        match &mut norm.0 {
            Repr::Inline(len, bytes) => bytes[..usize::from(*len)].make_ascii_lowercase(),
            Repr::Heap(boxed) => boxed.make_ascii_lowercase(),
        }
        norm
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline(len, bytes) => {
                let bytes = &bytes[..usize::from(*len)];
                // SAFETY: `Inline` is only made by `new` from the bytes of a
                // `&str` (whole, so they are valid UTF-8) and changed only
                // by ASCII case changes, which keep them valid.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(boxed) => boxed,
        }
    }

    pub fn into_string(self) -> String {
        self.as_str().to_string()
    }
}

impl Default for Norm {
    fn default() -> Norm {
        Norm::new("")
    }
}

impl Deref for Norm {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Norm {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Norm {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Norm {
    fn eq(&self, other: &Norm) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Norm {}

impl std::hash::Hash for Norm {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Norm {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Norm {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Norm> for str {
    fn eq(&self, other: &Norm) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Norm> for &str {
    fn eq(&self, other: &Norm) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Norm> for String {
    fn eq(&self, other: &Norm) -> bool {
        self.as_str() == other.as_str()
    }
}

impl From<&str> for Norm {
    fn from(text: &str) -> Norm {
        Norm::new(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_strings_read_back() {
        for text in [
            "",
            "a",
            "città",
            "quattordici14",
            "quindicilettere",
            "précipitamment",
            "unterzeichnungsurkunde",
        ] {
            let norm = Norm::new(text);
            assert_eq!(norm.as_str(), text);
            assert_eq!(norm, text);
            assert_eq!(norm.clone().into_string(), text);
        }
    }

    #[test]
    fn ascii_lowercase_folds_inline_and_on_the_heap() {
        assert_eq!(Norm::ascii_lowercase("ROMA"), "roma");
        assert_eq!(
            Norm::ascii_lowercase("InternationalOrganization"),
            "internationalorganization"
        );
    }
}
