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
                Norm(Repr::Inline(len, inline_bytes(text.as_bytes())))
            }
            _ => Norm(Repr::Heap(Box::new(text.into()))),
        }
    }

    /// `text` in ASCII lower case (`text` is ASCII).
    pub fn ascii_lowercase(text: &str) -> Norm {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= INLINE => {
                let mut bytes = inline_bytes(text.as_bytes());
                // The whole array at once (its zeros stay zeros): no loop
                // of the word's own length.
                for b in &mut bytes {
                    *b = b.to_ascii_lowercase();
                }
                Norm(Repr::Inline(len, bytes))
            }
            _ => {
                let mut boxed: Box<str> = text.into();
                boxed.make_ascii_lowercase();
                Norm(Repr::Heap(Box::new(boxed)))
            }
        }
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

    /// The inline form as one integer (its bytes, then its length), for
    /// a string of at most [`INLINE`] bytes: two strings have the same key
    /// exactly when they are equal, so a table of words can be keyed by it
    /// and compared without reading the bytes one by one.
    #[inline]
    pub fn key(&self) -> Option<u128> {
        match &self.0 {
            Repr::Inline(len, bytes) => {
                let mut all = [0u8; 16];
                all[..INLINE].copy_from_slice(bytes);
                all[INLINE] = *len;
                Some(u128::from_le_bytes(all))
            }
            Repr::Heap(_) => None,
        }
    }

    pub fn into_string(self) -> String {
        self.as_str().to_string()
    }
}

/// `text` (at most [`INLINE`] bytes) at the start of a zeroed array, moved
/// in at most two fixed-size copies that may overlap: a `memcpy` call of
/// the word's length cost more than the rest of making a token.
#[inline]
fn inline_bytes(text: &[u8]) -> [u8; INLINE] {
    let mut bytes = [0; INLINE];
    let n = text.len().min(INLINE);
    if n >= 8 {
        bytes[..8].copy_from_slice(&text[..8]);
        bytes[n - 8..n].copy_from_slice(&text[n - 8..n]);
    } else if n >= 4 {
        bytes[..4].copy_from_slice(&text[..4]);
        bytes[n - 4..n].copy_from_slice(&text[n - 4..n]);
    } else if n > 0 {
        // One to three bytes: the first, the middle and the last.
        bytes[0] = text[0];
        bytes[n / 2] = text[n / 2];
        bytes[n - 1] = text[n - 1];
    }
    bytes
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
            "ab",
            "abc",
            "abcd",
            "abcdefg",
            "abcdefgh",
            "abcdefghijklm",
            "quattordici14",
            "quindicilettere",
            "précipitamment",
            "unterzeichnungsurkunde",
        ] {
            let norm = Norm::new(text);
            assert_eq!(norm.as_str(), text);
            assert_eq!(norm, text);
            assert_eq!(norm.clone().into_string(), text);
            assert_eq!(norm.key().is_some(), text.len() <= INLINE);
        }
    }

    #[test]
    fn ascii_lowercase_folds_inline_and_on_the_heap() {
        assert_eq!(Norm::ascii_lowercase("ROMA"), "roma");
        for len in 0..=20 {
            let text: String = "AbCdEfGhIjKlMnOpQrStU"[..len].to_string();
            assert_eq!(
                Norm::ascii_lowercase(&text),
                text.to_ascii_lowercase().as_str()
            );
            assert_eq!(Norm::new(&text), text.as_str());
        }
        assert_eq!(
            Norm::ascii_lowercase("InternationalOrganization"),
            "internationalorganization"
        );
    }
}
