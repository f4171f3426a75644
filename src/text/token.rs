//! One pass over the scan text: words, numbers and punctuation with their
//! spans and a folded form (lower case, no accents, one apostrophe) that
//! every lexicon lookup uses.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::norm::Norm;
use super::span::Span;

/// A word of a language's vocabulary (`lang::vocab`); [`UNKNOWN`] for any
/// other word. Defined here so that a token can carry it.
pub type WordId = u32;

/// The id of every word no table holds.
pub const UNKNOWN: WordId = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// Digits, possibly with inner separators: `10.000`, `1,5`, `21.30`.
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Folded form: lower case, accents stripped, `’` as `'`.
    pub norm: Norm,
    /// The folded word in the language's vocabulary (`Vocab::assign`);
    /// [`UNKNOWN`] until assigned or when no table holds it.
    pub id: WordId,
    /// The same for the word without a possessive `'s` (`Russia's`).
    pub bare: WordId,
    /// A word outside the vocabulary that reads as number words
    /// (`duemilacinquecento`); set with the ids.
    pub numeric: bool,
    /// The word lists holding the word (bits of `List`), set with the ids.
    pub lists: u32,
    /// The phrase tables the word (or the word without `'s`) can start,
    /// set with the ids: a table's miss is one bit test.
    pub firsts: u32,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates it from the previous one.
    pub newline_before: bool,
    /// A blank line (paragraph break) separates it from the previous one.
    pub paragraph_before: bool,
    /// The token starts with a capital letter (kept for the stages that no
    /// longer hold the text).
    pub capital: bool,
}

impl AsRef<str> for Token {
    fn as_ref(&self) -> &str {
        &self.norm
    }
}

impl Token {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub(crate) fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    pub(crate) fn is_punct(&self, c: &str) -> bool {
        self.kind == TokenKind::Punct && self.norm == c
    }

    /// Starts with an upper-case letter in the original text.
    pub(crate) fn is_capitalized(&self, text: &str) -> bool {
        text[self.span]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '²' | '³')
}

fn is_thousands_space(c: char) -> bool {
    matches!(c, '\u{202f}' | '\u{a0}' | '\u{2009}')
}

/// Lower-case letters that Unicode does not decompose into a base letter
/// and a mark, written as editors type names without them (`Yıldırım` is
/// typed `Yildirim`, `Straße` `Strasse`). Capitals are lowered first.
const LETTERS_WITHOUT_MARKS: &[(char, &str)] = &[
    ('ı', "i"),
    ('ł', "l"),
    ('ø', "o"),
    ('đ', "d"),
    ('ð', "d"),
    ('þ', "th"),
    ('ß', "ss"),
    ('æ', "ae"),
    ('œ', "oe"),
    ('ħ', "h"),
    ('ŧ', "t"),
];

/// Lower case without diacritics; curly apostrophes become `'`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// `f(&fold(word))`, folding an ASCII word of up to 64 bytes on the stack
/// (the passes over an article's claims fold a few words at each figure).
pub fn with_fold<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if word.is_ascii() && word.len() <= buf.len() {
        let lowered = &mut buf[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        // ASCII bytes are UTF-8.
        return f(std::str::from_utf8(lowered).unwrap_or_default());
    }
    f(&fold(word))
}

/// `f(&word.to_lowercase())`, lowering an ASCII word of up to 64 bytes
/// on the stack.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        // Lowered, an ASCII word is folded.
        return with_fold(word, f);
    }
    f(&word.to_lowercase())
}

/// `fold(word) == folded`, without a folded copy when `word` is ASCII
/// (table words are compared with tokens' folded forms at every figure).
pub fn folds_to(word: &str, folded: &str) -> bool {
    if word.is_ascii() {
        return word.len() == folded.len()
            && word
                .bytes()
                .zip(folded.bytes())
                .all(|(w, f)| w.to_ascii_lowercase() == f);
    }
    fold(word) == folded
}

/// The general path of [`fold`], appending to any string type. Folding
/// goes character by character (a decomposition only ever splits a
/// character, and the marks it may reorder are all dropped), so the
/// characters of the Latin alphabets are folded from a table built once.
fn fold_into<S: Extend<char> + for<'a> Extend<&'a str>>(text: &str, out: &mut S) {
    let latin = latin_folds();
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii() {
            out.extend([c.to_ascii_lowercase()]);
        } else if let Some(folded) = latin.get(c as usize - 0x80) {
            out.extend([folded.as_str()]);
        } else {
            fold_char(c.encode_utf8(&mut buf), out);
        }
    }
}

/// Characters below this one are folded from [`latin_folds`]'s table: the
/// Latin-1 supplement and Latin Extended-A and B.
const LATIN_END: usize = 0x250;

/// The folded form of every character from U+0080 to [`LATIN_END`].
fn latin_folds() -> &'static [String] {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..LATIN_END as u32)
            .map(|code| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(code) {
                    fold_char(c.encode_utf8(&mut [0; 4]), &mut folded);
                }
                folded
            })
            .collect()
    })
}

/// Folds the one character `text` holds: decomposed, marks dropped,
/// lowered.
fn fold_char<S: Extend<char> + for<'a> Extend<&'a str>>(text: &str, out: &mut S) {
    // `İ` decomposes to `I` and a dot above: stripping the mark leaves `i`.
    for c in text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        if is_apostrophe(c) {
            out.extend(['\'']);
        } else if c.is_ascii() {
            out.extend([c]);
        } else if let Some(&(_, plain)) = LETTERS_WITHOUT_MARKS.iter().find(|(l, _)| *l == c) {
            out.extend([plain]);
        } else {
            out.extend([c]);
        }
    }
}

/// [`fold`] as a [`Norm`], folded in `scratch` (reused from word to word)
/// when the word is not ASCII.
fn fold_norm(text: &str, scratch: &mut String) -> Norm {
    if text.is_ascii() {
        return Norm::ascii_lowercase(text);
    }
    scratch.clear();
    fold_into(text, scratch);
    Norm::new(scratch)
}

/// Bits of [`BYTE_CLASS`]: ASCII whitespace (as `char::is_whitespace`
/// has it), digit, letter or digit, capital.
const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const ALNUM: u8 = 4;
const UPPER: u8 = 8;

/// The class of each byte, so that the tokenizer's runs over ASCII test
/// one table entry a byte; every byte from 0x80 has none.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut class = 0;
        if matches!(c, b'\t'..=b'\r' | b' ') {
            class |= SPACE;
        }
        if c.is_ascii_digit() {
            class |= DIGIT;
        }
        if c.is_ascii_alphanumeric() {
            class |= ALNUM;
        }
        if c.is_ascii_uppercase() {
            class |= UPPER;
        }
        table[b] = class;
        b += 1;
    }
    table
};

/// Splits `text` into tokens. With `elision`, a word ends after an inner
/// apostrophe (`dell'anno` is `dell'` and `anno`); without it the apostrophe
/// stays inside the word (`Russia's`).
pub fn tokenize(text: &str, elision: bool) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
    let mut pos = 0;
    let mut space = false;
    let mut newlines = 0usize;
    let mut scratch = String::new();
    let bytes = text.as_bytes();
    loop {
        // ASCII whitespace (what `char::is_whitespace` says of it) a byte
        // at a time: most of the characters between tokens.
        while let Some(&b) = bytes.get(pos)
            && BYTE_CLASS[usize::from(b)] & SPACE != 0
        {
            space = true;
            newlines += usize::from(b == b'\n');
            pos += 1;
        }
        let Some(c) = char_at(text, pos) else {
            break;
        };
        let start = pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            space = true;
            if c == '\n' {
                newlines += 1;
            }
            continue;
        }
        // An ASCII word ending at ASCII punctuation or space, and whether
        // it has capitals: folded without the general path.
        let mut plain_word = None;
        let kind = if c.is_ascii_digit() {
            // Runs of ASCII digits first, then the general loop.
            while bytes
                .get(pos)
                .is_some_and(|&b| BYTE_CLASS[usize::from(b)] & DIGIT != 0)
            {
                pos += 1;
            }
            while let Some(d) = char_at(text, pos) {
                let after = pos + d.len_utf8();
                let separator = matches!(d, '.' | ',' | '\'' | '’') || is_thousands_space(d);
                if d.is_ascii_digit()
                    || (separator && text.as_bytes().get(after).is_some_and(u8::is_ascii_digit))
                {
                    pos = after;
                    continue;
                }
                break;
            }
            TokenKind::Number
        } else if c.is_alphabetic() {
            // The classes of the run's bytes, together: whether one is a
            // capital.
            let mut seen = 0;
            while let Some(&b) = bytes.get(pos) {
                let class = BYTE_CLASS[usize::from(b)];
                if class & ALNUM == 0 {
                    break;
                }
                seen |= class;
                pos += 1;
            }
            let upper = c.is_ascii_uppercase() || seen & UPPER != 0;
            // Past the ASCII run: a non-ASCII byte (a letter, `’`, `²`) or
            // an apostrophe may continue the word.
            if c.is_ascii() && bytes.get(pos).is_none_or(|&b| b < 0x80 && b != b'\'') {
                plain_word = Some(upper);
            }
            while plain_word.is_none()
                && let Some(d) = char_at(text, pos)
            {
                let after = pos + d.len_utf8();
                if is_word_char(d) {
                    pos = after;
                    continue;
                }
                // "l'8%", "dell'1,5%": an elided article before a figure
                // is elided as before a word.
                let next = char_at(text, after);
                let continues = next.is_some_and(char::is_alphabetic)
                    || (elision && next.is_some_and(|n| n.is_ascii_digit()));
                if is_apostrophe(d) && continues {
                    pos = after;
                    if elision {
                        break;
                    }
                    continue;
                }
                break;
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let span = Span::new(start, pos);
        let norm = match (kind, plain_word) {
            (TokenKind::Number, _) | (_, Some(false)) => Norm::new(&text[span]),
            (_, Some(true)) => Norm::ascii_lowercase(&text[span]),
            _ => fold_norm(&text[span], &mut scratch),
        };
        tokens.push(Token {
            span,
            kind,
            norm,
            id: UNKNOWN,
            bare: UNKNOWN,
            numeric: false,
            lists: 0,
            firsts: 0,
            space_before: space,
            newline_before: newlines > 0,
            paragraph_before: newlines > 1,
            capital: c.is_uppercase(),
        });
        space = false;
        newlines = 0;
    }
    tokens
}

/// The character at byte `pos` of `text` (a character boundary), with a
/// fast path for ASCII.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text.get(pos..)?.chars().next()
    }
}

/// The folded words of a lexicon phrase, tokenized like article text.
pub(crate) fn phrase_tokens(phrase: &str, elision: bool) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for t in tokenize(phrase, elision) {
        match words.last_mut() {
            // "plus d'", "sotto l'": an elided word ends the phrase, written
            // as text has it ("d'" before "un").
            Some(last) if t.norm == "'" && !t.space_before => last.push('\''),
            _ => words.push(t.norm.into_string()),
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str, elision: bool) -> Vec<String> {
        tokenize(text, elision)
            .into_iter()
            .map(|t| t.norm.into_string())
            .collect()
    }

    #[test]
    fn italian_elision_splits_after_the_apostrophe() {
        assert_eq!(
            norms("nell’agosto dell'anno", true),
            ["nell'", "agosto", "dell'", "anno"]
        );
    }

    #[test]
    fn english_keeps_possessives_whole() {
        assert_eq!(
            norms("Russia's 1,200 troops.", false),
            ["russia's", "1,200", "troops", "."]
        );
    }

    #[test]
    fn numbers_keep_inner_separators_only() {
        assert_eq!(
            norms("10.000, 1,5 e 2024.", true),
            ["10.000", ",", "1,5", "e", "2024", "."]
        );
        assert_eq!(norms("$2.3bn", false), ["$", "2.3", "bn"]);
    }

    #[test]
    fn ascii_runs_hand_over_to_the_general_path() {
        assert_eq!(
            norms("Kursk’s km² Città d’Italia O'Neill x-ray ABC2", false),
            [
                "kursk's", "km²", "citta", "d'italia", "o'neill", "x", "-", "ray", "abc2"
            ]
        );
        assert_eq!(
            norms("Lo SCORSO aprile, nell’agosto dell'anno", true),
            [
                "lo", "scorso", "aprile", ",", "nell'", "agosto", "dell'", "anno"
            ]
        );
    }

    #[test]
    fn folding_strips_accents_and_case() {
        assert_eq!(fold("Più"), "piu");
        assert_eq!(fold("MARTEDÌ"), "martedi");
    }

    #[test]
    fn folding_by_character_agrees_with_folding_the_whole() {
        // The rule `fold_into` relies on, over the characters the tables
        // fold and some beyond: text with marks written apart too.
        let mut text: String = (0x20..0x600u32).filter_map(char::from_u32).collect();
        text.push_str("e\u{301}A\u{30a}\u{323}İ’ʼ한국어 ΣΑΣ ǅǄ ﬁ Ⅻ");
        let whole = |t: &str| -> String {
            t.nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .map(|c| {
                    if is_apostrophe(c) {
                        "'".to_string()
                    } else if let Some(&(_, plain)) =
                        LETTERS_WITHOUT_MARKS.iter().find(|(l, _)| *l == c)
                    {
                        plain.to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        };
        assert_eq!(fold(&text), whole(&text));
    }

    #[test]
    fn with_fold_is_fold() {
        let long = "A".repeat(70);
        for word in ["Più", "COSTO", "costo", "", "d’", &long, "Straße"] {
            assert_eq!(with_fold(word, str::to_string), fold(word), "{word}");
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase());
        }
    }

    #[test]
    fn folds_to_agrees_with_fold() {
        let words = [
            "Più", "piu", "PIU", "Rund", "rund", "d'", "D’", "", "x", "Straße",
        ];
        for word in words {
            for folded in ["piu", "rund", "d'", "", "x", "strasse", "Rund"] {
                assert_eq!(
                    folds_to(word, folded),
                    fold(word) == folded,
                    "{word} / {folded}"
                );
            }
        }
    }

    #[test]
    fn letters_without_a_decomposition_fold_as_editors_type_them() {
        let rows = [
            ("Yıldırım", "yildirim"),
            ("Şahin", "sahin"),
            ("Erdoğan", "erdogan"),
            ("DİYARBAKIR", "diyarbakir"),
            ("İzmir", "izmir"),
            ("Łódź", "lodz"),
            ("Wałęsa", "walesa"),
            ("Søren", "soren"),
            ("Đoković", "dokovic"),
            ("Guðmundsdóttir", "gudmundsdottir"),
            ("Þórshöfn", "thorshofn"),
            ("Straße", "strasse"),
            ("Ærøskøbing", "aeroskobing"),
            ("Cœur", "coeur"),
            ("Ħamrun", "hamrun"),
        ];
        let failures: Vec<String> = rows
            .iter()
            .filter(|(text, want)| fold(text) != *want || norms(text, false) != [*want])
            .map(|(text, want)| format!("{text}: {} (want {want})", fold(text)))
            .collect();
        assert!(
            failures.is_empty(),
            "{} of {} wrong:\n{}",
            failures.len(),
            rows.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn byte_classes_agree_with_char() {
        for b in 0..=255u8 {
            let class = BYTE_CLASS[usize::from(b)];
            let c = char::from(b);
            let ascii = b.is_ascii();
            assert_eq!(class & SPACE != 0, ascii && c.is_whitespace(), "{b}");
            assert_eq!(class & DIGIT != 0, b.is_ascii_digit(), "{b}");
            assert_eq!(class & ALNUM != 0, b.is_ascii_alphanumeric(), "{b}");
            assert_eq!(class & UPPER != 0, b.is_ascii_uppercase(), "{b}");
        }
    }

    #[test]
    fn newlines_and_paragraphs_are_recorded() {
        let tokens = tokenize("a\nb\n\nc", false);
        assert!(tokens[1].newline_before && !tokens[1].paragraph_before);
        assert!(tokens[2].paragraph_before);
    }
}
