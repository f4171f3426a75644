//! Sentences over the token stream: a full stop, question or exclamation
//! mark followed by a capital or a paragraph ends one, unless it closes an
//! abbreviation or an initial. A single line break ends one too when the
//! line before it is a block of its own — a heading, a list item, or a
//! headline, caption, credit or byline line without a final stop — but not
//! when prose was hard-wrapped: see [`Layout`].

use crate::lang::LangData;
use crate::text::span::Span;

use crate::text::token::{Token, TokenKind, fold};

/// Returns the sentence spans and, for each token, its sentence index.
pub fn split(text: &str, tokens: &[Token], data: &LangData) -> (Vec<Span>, Vec<usize>) {
    split_with(text, tokens, data, Layout::of(text, tokens))
}

/// [`split`] with the layout of the whole text given: `tokens` may be the
/// tokens of some of its paragraphs ([`Layout::of_text`]).
pub(crate) fn split_with(
    text: &str,
    tokens: &[Token],
    data: &LangData,
    layout: Layout,
) -> (Vec<Span>, Vec<usize>) {
    let mut sentences = Vec::new();
    let mut of_token = Vec::with_capacity(tokens.len());
    let mut first = 0;
    // The first token of the line `tokens[i]` stands on.
    let mut line_start = 0;
    for i in 0..tokens.len() {
        if tokens[i].newline_before {
            let ends = i > first
                && (tokens[i].paragraph_before
                    || layout.ends_block(text, tokens, line_start, i, data));
            if ends {
                sentences.push(Span::new(tokens[first].span.start, tokens[i - 1].span.end));
                first = i;
            }
            line_start = i;
        }
        of_token.push(sentences.len());
        if ends_sentence(text, tokens, i, data) {
            sentences.push(Span::new(tokens[first].span.start, tokens[i].span.end));
            first = i + 1;
        }
    }
    if first < tokens.len() {
        sentences.push(Span::new(
            tokens[first].span.start,
            tokens[tokens.len() - 1].span.end,
        ));
    }
    (sentences, of_token)
}

/// How the text's lines are laid out, from the lengths (in characters) of
/// lines followed by another line of the same paragraph.
///
/// Prose hard-wrapped at 72–80 columns breaks lines wherever the next word
/// does not fit, so a wrapped line is nearly as long as the widest, and the
/// word after the break may well be a name ("above Modica / Tuesday"). A
/// headline or a byline is a short line: it ends a sentence when it is
/// shorter than `block_below`, the line has no word that asks for more
/// (a comma, "of", "and") and the next line opens like a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    block_below: usize,
}

impl Layout {
    /// A line longer than this means the text is not hard-wrapped.
    const WIDEST_WRAP: usize = 130;
    /// Narrower lines are not part of a wrapped paragraph.
    const NARROWEST_WRAP: usize = 40;
    /// Without enough lines to tell, a line this short is a block.
    const SHORT: usize = 50;

    fn of(text: &str, tokens: &[Token]) -> Layout {
        let mut inner = Vec::new();
        let mut widest = 0;
        let mut line_start = 0;
        for i in 1..=tokens.len() {
            let Some(next) = tokens.get(i) else {
                widest = widest.max(line_width(text, tokens, line_start, i));
                break;
            };
            if next.newline_before {
                let width = line_width(text, tokens, line_start, i);
                widest = widest.max(width);
                if !next.paragraph_before {
                    inner.push(width);
                }
                line_start = i;
            }
        }
        Layout::of_widths(widest, &inner)
    }

    /// [`Layout::of`] the tokens of `scan`, read from its lines without
    /// tokenizing: a line's tokens run from its first character that is
    /// not whitespace to its last (every other character is in a token),
    /// and a line is followed by another of its paragraph when the next
    /// line holds a token.
    pub(crate) fn of_text(text: &str, scan: &str) -> Layout {
        let mut inner = Vec::new();
        let mut widest = 0;
        // The width of the last line holding a token, while no blank line
        // has followed it.
        let mut open: Option<usize> = None;
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', scan.as_bytes()).chain([scan.len()]) {
            let line = &scan[start..end];
            let trimmed = line.trim_start();
            let from = start + (line.len() - trimmed.len());
            let to = from + trimmed.trim_end().len();
            if to > from {
                let width = text.get(from..to).map_or(0, |t| t.chars().count());
                widest = widest.max(width);
                if let Some(above) = open {
                    inner.push(above);
                }
                open = Some(width);
            } else {
                open = None;
            }
            start = end + 1;
        }
        Layout::of_widths(widest, &inner)
    }

    /// The layout from the widest line and the widths of lines followed
    /// by another line of the same paragraph.
    fn of_widths(widest: usize, inner: &[usize]) -> Layout {
        let block_below = if widest > Self::WIDEST_WRAP {
            // One paragraph a line: every line without a final stop that
            // the next line does not continue is a block.
            usize::MAX
        } else {
            let wrapped: Vec<usize> = inner
                .iter()
                .copied()
                .filter(|w| (Self::NARROWEST_WRAP..=Self::WIDEST_WRAP).contains(w))
                .collect();
            if inner.len() >= 3 && wrapped.len() * 5 >= inner.len() * 3 {
                // Hard-wrapped: well short of the wrap width.
                wrapped.iter().max().map_or(Self::SHORT, |w| w * 6 / 10)
            } else {
                Self::SHORT
            }
        };
        Layout { block_below }
    }

    /// The line break before `tokens[i]` ends the line starting at
    /// `tokens[line_start]` as a block of its own.
    fn ends_block(
        &self,
        text: &str,
        tokens: &[Token],
        line_start: usize,
        i: usize,
        data: &LangData,
    ) -> bool {
        let (prev, next) = (&tokens[i - 1], &tokens[i]);
        // A heading is one line; a list item may wrap, so only the next
        // item ends it.
        let opener = block_opener(text, tokens[line_start].span.start);
        let next_opener = block_opener(text, next.span.start);
        // Only "1." starts a numbered list inside a paragraph: "nel\n2026."
        // goes on (CommonMark's rule too).
        let new_item = match next_opener {
            Some(Opener::Numbered(n)) => {
                (n == 1 || opener.is_some()) && !wrapped_day(tokens, i, data)
            }
            Some(_) => true,
            None => false,
        };
        if opener == Some(Opener::Heading) || new_item {
            return true;
        }
        let indented = text[..next.span.start]
            .rsplit('\n')
            .next()
            .is_some_and(|before| before.starts_with([' ', '\t']));
        if matches!(opener, Some(Opener::Bullet | Opener::Numbered(_))) && indented {
            return false;
        }
        let wants_more = match prev.kind {
            TokenKind::Punct => !matches!(prev.norm.as_str(), ")" | "»" | "\"" | "”" | "'" | "’"),
            TokenKind::Word => {
                data.stopwords.contains(&prev.norm.as_str())
                    || data.conjunctions.contains(&prev.norm.as_str())
            }
            TokenKind::Number => false,
        };
        let opens_sentence = next.is_capitalized(text)
            || next.is_number()
            || matches!(next.norm.as_str(), "«" | "\"" | "“" | "(" | "‘");
        !wants_more && opens_sentence && line_width(text, tokens, line_start, i) < self.block_below
    }
}

/// "gilt ab dem\n1. Januar 2025": where the language writes a day's
/// ordinal full stop, a line opening with a day and a month name after a
/// word that goes on is wrapped prose, not a numbered list item.
fn wrapped_day(tokens: &[Token], i: usize, data: &LangData) -> bool {
    let dates = &data.dates;
    let month = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            let is = |m: &&str| fold(m) == t.norm.as_str();
            dates.months.iter().map(|(m, _)| m).any(is)
                || dates.month_abbreviations.iter().map(|(m, _)| m).any(is)
        })
    };
    dates.ordinals.contains(&".")
        && i > 0
        && tokens[i - 1].is_word()
        && tokens[i].is_number()
        && tokens.get(i + 1).is_some_and(|t| t.is_punct("."))
        && month(i + 2)
}

/// Characters from the start of `tokens[first]` to the end of
/// `tokens[end - 1]`.
fn line_width(text: &str, tokens: &[Token], first: usize, end: usize) -> usize {
    match (
        tokens.get(first),
        end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) {
        (Some(a), Some(b)) if a.span.start <= b.span.end => {
            text[a.span.start..b.span.end].chars().count()
        }
        _ => 0,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    Heading,
    Bullet,
    /// An ordered list item and its number.
    Numbered(u64),
}

/// The line holding byte `at` opens a Markdown heading or list item.
fn block_opener(text: &str, at: usize) -> Option<Opener> {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line = text[line_start..].trim_start_matches([' ', '\t']);
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let space_after = |k: usize| bytes.get(k).is_some_and(|&b| b == b' ' || b == b'\t');
    if bytes.first() == Some(&b'#') {
        Some(Opener::Heading)
    } else if (matches!(bytes.first(), Some(b'-' | b'*' | b'+')) && space_after(1))
        || line.starts_with("• ")
    {
        Some(Opener::Bullet)
    } else if (1..=9).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && space_after(digits + 1)
    {
        line[..digits].parse().ok().map(Opener::Numbered)
    } else {
        None
    }
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize, data: &LangData) -> bool {
    let token = &tokens[i];
    if token.kind != TokenKind::Punct || !matches!(token.norm.as_str(), "." | "!" | "?" | "…") {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    if next.paragraph_before {
        return true;
    }
    if !next.space_before {
        return joined_sentences(text, tokens, i, data);
    }
    // Closing quotes and brackets stay with the sentence they close.
    let opens_next = next.is_capitalized(text)
        || next.is_number()
        || matches!(
            next.norm.as_str(),
            "«" | "\"" | "“" | "(" | "‘" | "'" | "—" | "-"
        );
    if !opens_next {
        return false;
    }
    if token.norm == "." && i > 0 && !token.space_before {
        let prev = &tokens[i - 1];
        if prev.is_word() {
            let word = prev.norm.as_str();
            let initial = word.chars().count() == 1 && prev.is_capitalized(text);
            let dotted = i >= 2 && tokens[i - 2].is_punct(".") && !prev.space_before;
            if initial || dotted || data.abbreviations.contains(&word) {
                return false;
            }
        }
        // "am 28. Juli": a day's ordinal full stop before a month name.
        if prev.is_number() && prev.norm.len() <= 2 && data.dates.ordinals.contains(&".") {
            let dates = &data.dates;
            let month = |m: &&str| fold(m) == next.norm.as_str();
            if dates.months.iter().map(|(m, _)| m).any(month)
                || dates.month_abbreviations.iter().map(|(m, _)| m).any(month)
            {
                return false;
            }
        }
    }
    true
}

/// A full stop with no space after it, between a lower-case word of two
/// letters or more and a capitalized one ("forces.Sen. Park"): a lost
/// space, not an abbreviation ("U.S.", "e.g."), a decimal or a domain.
fn joined_sentences(text: &str, tokens: &[Token], i: usize, data: &LangData) -> bool {
    let (Some(prev), Some(next)) = (
        i.checked_sub(1).and_then(|p| tokens.get(p)),
        tokens.get(i + 1),
    ) else {
        return false;
    };
    let word = |t: &Token| {
        t.is_word() && t.norm.chars().count() >= 2 && t.norm.chars().all(char::is_alphabetic)
    };
    let dotted = i >= 2 && tokens[i - 2].is_punct(".") && !prev.space_before;
    tokens[i].is_punct(".")
        && !tokens[i].space_before
        && word(prev)
        && !prev.is_capitalized(text)
        && !dotted
        && !data.abbreviations.contains(&prev.norm.as_str())
        && word(next)
        && next.is_capitalized(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::text::token::tokenize;

    fn sentences(text: &str, lang: Lang) -> Vec<String> {
        let tokens = tokenize(text, lang.data().elision);
        split(text, &tokens, lang.data())
            .0
            .into_iter()
            .map(|s| text[s].to_string())
            .collect()
    }

    /// The layout read from the lines is the one read from the tokens.
    #[test]
    fn layout_from_lines_is_layout_from_tokens() {
        let wrapped = "Il governo ha approvato ieri sera il decreto che stanzia\n\
                       oltre 2 miliardi di euro per le imprese colpite, con una\n\
                       quota riservata alle aziende agricole del Mezzogiorno e\n\
                       un fondo per i lavoratori stagionali rimasti senza paga.\n";
        let texts = [
            String::new(),
            "Una riga.".to_string(),
            format!("# Titolo\n\n{wrapped}\n\n{wrapped}  \n \nBreve riga\nAltra riga\r\n\r\nFine."),
            format!(
                "Di Mario Rossi\nRoma, 3 marzo\n\n{}\n- punto uno\n- punto due\n",
                "parola ".repeat(40)
            ),
            "  \n\n città  \n\u{a0}x\n\n\n".to_string(),
        ];
        for text in &texts {
            let tokens = tokenize(text, true);
            assert_eq!(
                Layout::of_text(text, text),
                Layout::of(text, &tokens),
                "{text:?}"
            );
        }
    }

    #[test]
    fn splits_at_full_stops_before_capitals() {
        assert_eq!(
            sentences("Sono 600. Poi 700 altri.", Lang::It),
            ["Sono 600.", "Poi 700 altri."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met J. Doe in the U.S. Army.", Lang::En).len(),
            1
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        assert_eq!(sentences("Title 2024\n\nBody text.", Lang::En).len(), 2);
    }

    /// Each row: a text and the sentences it must split into.
    fn check_rows(rows: &[(&str, Lang, &[&str])]) {
        let failures: Vec<String> = rows
            .iter()
            .filter(|(text, lang, want)| sentences(text, *lang) != *want)
            .map(|(text, lang, want)| {
                format!("{text:?}: {:?} (want {want:?})", sentences(text, *lang))
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} of {} wrong:\n{}",
            failures.len(),
            rows.len(),
            failures.join("\n")
        );
    }

    const WRAPPED_EN: &str = "\
Rescue crews reached the villages cut off by the landslides above Modica
Tuesday morning and brought 150 residents down to the coast, the regional
civil protection agency said in a statement issued late in the afternoon.
Another 40 people stayed in their homes on the hill near the old church
Despite repeated warnings from the mayor, according to the same statement.";

    const WRAPPED_IT: &str = "\
I tecnici della Regione hanno stimato danni per oltre 100 milioni di euro
Bologna esclusa, mentre i sindaci della collina chiedono che lo stato di
emergenza venga esteso a tutti i comuni colpiti dalla frana di settembre.";

    #[test]
    fn a_line_that_is_a_block_of_its_own_ends_a_sentence() {
        check_rows(&[
            (
                "Floods leave 2,000 homeless\nRescuers worked through the night.",
                Lang::En,
                &[
                    "Floods leave 2,000 homeless",
                    "Rescuers worked through the night.",
                ],
            ),
            (
                "# Alluvione, 300 sfollati\nLa Protezione civile ha evacuato le case.",
                Lang::It,
                &[
                    "# Alluvione, 300 sfollati",
                    "La Protezione civile ha evacuato le case.",
                ],
            ),
            (
                "Photo: Marco Rossi/Agenzia\nThe river rose 2 metres overnight.",
                Lang::En,
                &[
                    "Photo: Marco Rossi/Agenzia",
                    "The river rose 2 metres overnight.",
                ],
            ),
            (
                "By Jane Smith\nMore than 400 people were evacuated.",
                Lang::En,
                &["By Jane Smith", "More than 400 people were evacuated."],
            ),
            (
                "Volunteers fill sandbags in Cesena on Sunday\nThe storm dropped 200 mm of rain.",
                Lang::En,
                &[
                    "Volunteers fill sandbags in Cesena on Sunday",
                    "The storm dropped 200 mm of rain.",
                ],
            ),
            (
                "Updated 10:45\nThe agency raised its estimate to 90.",
                Lang::En,
                &["Updated 10:45", "The agency raised its estimate to 90."],
            ),
            (
                "- 600 morti\n- 300 feriti",
                Lang::It,
                &["- 600 morti", "- 300 feriti"],
            ),
        ]);
    }

    #[test]
    fn hard_wrapped_prose_is_not_split_at_its_line_breaks() {
        check_rows(&[
            (
                WRAPPED_EN,
                Lang::En,
                &[&WRAPPED_EN[..220], &WRAPPED_EN[221..]],
            ),
            (WRAPPED_IT, Lang::It, &[WRAPPED_IT]),
            (
                "Storm hits the coast\nand leaves 300 homeless.",
                Lang::En,
                &["Storm hits the coast\nand leaves 300 homeless."],
            ),
            (
                "- Rescuers moved 300 people from the valley\n  Tuesday night.",
                Lang::En,
                &["- Rescuers moved 300 people from the valley\n  Tuesday night."],
            ),
            (
                "and 3 per cent in\n2026. Debt rises to 135 per cent.",
                Lang::En,
                &["and 3 per cent in\n2026.", "Debt rises to 135 per cent."],
            ),
            (
                "Rome, Milan,\nTurin and Naples reported 40 cases.",
                Lang::En,
                &["Rome, Milan,\nTurin and Naples reported 40 cases."],
            ),
        ]);
    }

    #[test]
    fn a_stop_without_a_space_ends_a_sentence_between_words() {
        check_rows(&[
            (
                "with allied forces.Sen. Park said 40 died.",
                Lang::En,
                &["with allied forces.", "Sen. Park said 40 died."],
            ),
            (
                "Then Sen. Park and Gov. Lee met 30 mayors.",
                Lang::En,
                &["Then Sen. Park and Gov. Lee met 30 mayors."],
            ),
            (
                "to pull the troops.Officials said 12 left.",
                Lang::En,
                &["to pull the troops.", "Officials said 12 left."],
            ),
            (
                "restano in città.Il sindaco ha detto 40.",
                Lang::It,
                &["restano in città.", "Il sindaco ha detto 40."],
            ),
            (
                "U.S. officials and e.g. Rome saw 3.5 million visit example.com today.",
                Lang::En,
                &["U.S. officials and e.g. Rome saw 3.5 million visit example.com today."],
            ),
        ]);
    }
}
