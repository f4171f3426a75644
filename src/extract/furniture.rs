//! Page furniture: what a page says about itself (reading times, share and
//! comment counts, photo credits, bylines, "Updated 10:45"). Its figures
//! are no claims, so the checker never judges them: [`find`] returns the
//! spans they stand in and the extractor drops the claims inside.
//!
//! A furniture line is a block of its own, so the unit is a sentence that
//! starts a line (see [`super::sentence`]); only its first line is dropped,
//! so a caption that failed to split from the prose below takes no claim
//! of the prose with it.

use crate::lang::furniture::Phrases;
use crate::text::span::Span;
use crate::text::token::Token;

/// Lines wider than this are prose, whatever they open with.
const MAX_LINE: usize = 120;
/// Share and comment counts stand on lines at most this wide.
const COUNTER_LINE: usize = 80;

/// The number of tokens of the longest phrase of `list` `tokens` opens with.
fn opens_with(tokens: &[Token], list: &[Vec<String>]) -> Option<usize> {
    list.iter()
        .filter(|p| p.len() <= tokens.len() && p.iter().zip(tokens).all(|(w, t)| *w == t.norm))
        .map(Vec::len)
        .max()
}

/// The spans of `text` that are page furniture. `sentences` are the
/// sentence spans of `tokens`, in order.
pub fn find(text: &str, tokens: &[Token], sentences: &[Span], phrases: &Phrases) -> Vec<Span> {
    find_in(text, tokens, sentences, phrases, true)
}

/// [`find`] in some paragraphs of the text: `at_start` when they are its
/// first (what only opens an article is furniture there alone).
pub fn find_in(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    phrases: &Phrases,
    at_start: bool,
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut first = 0;
    for sentence in sentences {
        // The tokens of this sentence: `first..end`.
        let mut end = first;
        while end < tokens.len() && tokens[end].span.end <= sentence.end {
            end += 1;
        }
        if end > first {
            furniture_in(
                text,
                &tokens[first..end],
                at_start && first == 0,
                phrases,
                &mut out,
            );
        }
        first = end;
    }
    out
}

/// Adds the furniture of one sentence's tokens.
fn furniture_in(
    text: &str,
    sentence: &[Token],
    at_start: bool,
    phrases: &Phrases,
    out: &mut Vec<Span>,
) {
    // Reading times, wherever they are; not a part of a duration in two
    // units ("4 min 24 s", "1 h 45 min").
    let number = |k: usize| sentence.get(k).is_some_and(Token::is_number);
    for (i, token) in sentence.iter().enumerate() {
        if token.is_number()
            && let Some(n) = opens_with(&sentence[i + 1..], &phrases.after_figure)
            && !number(i + n + 1)
            && !(i >= 2 && number(i - 2))
        {
            out.push(Span::new(token.span.start, sentence[i + n].span.end));
        }
    }
    if !(at_start || sentence[0].newline_before) {
        return;
    }
    let line_end = sentence[1..]
        .iter()
        .position(|t| t.newline_before)
        .map_or(sentence.len(), |k| k + 1);
    let line = &sentence[..line_end];
    let span = Span::new(line[0].span.start, line[line_end - 1].span.end);
    let width = text[span.range()].chars().count();
    if width > MAX_LINE {
        return;
    }
    let last = &sentence[sentence.len() - 1];
    let final_stop = [".", "!", "?", "…"].iter().any(|p| last.is_punct(p));
    // Furniture opens with a capital ("Updated", "Foto") or a sign ("©");
    // "aggiornato a ieri" in lower case goes on a sentence.
    let capital = !line[0].is_word() || line[0].is_capitalized(text);
    let opener = capital
        && opens_with(line, &phrases.line_openers)
            .is_some_and(|n| line.get(n).is_some_and(|t| t.is_punct(":")) || !final_stop);
    let byline = opens_with(line, &phrases.bylines).is_some_and(|n| {
        line.get(n..n + 2)
            .is_some_and(|name| name.iter().all(|t| t.is_word() && t.is_capitalized(text)))
    });
    // "1.2K shares", "345 commenti": a figure, perhaps a scale, a counter.
    let counters = width <= COUNTER_LINE
        && !final_stop
        && line.iter().enumerate().any(|(i, t)| {
            t.is_number()
                && (opens_with(&line[i + 1..], &phrases.counters).is_some()
                    || line
                        .get(i + 1)
                        .is_some_and(|s| s.is_word() && !s.space_before)
                        && opens_with(&line[i + 2..], &phrases.counters).is_some())
        });
    if opener || byline || counters {
        out.push(span);
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Origin};
    use crate::extract::{Options, extract};
    use crate::lang::Lang;

    /// The claims of `text`, as written.
    fn claims(text: &str, lang: Lang) -> Vec<String> {
        let doc = Document::parse(Origin::Stdin, text.to_string(), false, Vec::new());
        let options = Options {
            lang,
            date: None,
            offset_seconds: None,
            clock: None,
            month_only: false,
        };
        extract(&doc, options)
            .claims
            .iter()
            .map(|c| text[c.span.range()].to_string())
            .collect()
    }

    #[test]
    fn page_furniture_has_no_claims() {
        use Lang::{En, It};
        let rows: &[(&str, Lang, &[&str])] = &[
            (
                "4 min read\nThe council approved 40 new homes.",
                En,
                &["40 new homes"],
            ),
            (
                "Updated 09:30 GMT\nFirefighters rescued 12 hikers.",
                En,
                &["12 hikers"],
            ),
            (
                "Photo: 3 rescuers carry a child, Reuters\nThe quake killed 150 people.",
                En,
                &["150 people"],
            ),
            (
                "1.2K shares | 34 comments\nThe bank lost $300 million.",
                En,
                &["$300 million"],
            ),
            (
                "By Jane Smith, 3 hours ago\nPolice arrested 14 people.",
                En,
                &["14 people"],
            ),
            ("© 2024 Example Media\nTurnout was 61%.", En, &["61%"]),
            (
                "Credit: John Doe/AP 2023\nThe dam holds 500 tonnes.",
                En,
                &["500 tonnes"],
            ),
            (
                "The firm sold 1.2 million shares on Monday.",
                En,
                &["1.2 million shares", "on Monday"],
            ),
            (
                "By 2030, 40% of cars will be electric.",
                En,
                &["By 2030", "40%"],
            ),
            (
                "5 minuti di lettura\nSono stati evacuati 300 residenti.",
                It,
                &["300 residenti"],
            ),
            ("Aggiornato alle 10:45\nI feriti sono 18.", It, &["18"]),
            (
                "Foto: 2 vigili del fuoco al lavoro\nLe vittime sono 7.",
                It,
                &["7"],
            ),
            (
                "345 commenti · 1.200 condivisioni\nIl governo ha stanziato 2 miliardi.",
                It,
                &["2 miliardi"],
            ),
            (
                "di Mario Rossi, 2 ore fa\nGli sfollati sono 500.",
                It,
                &["500"],
            ),
            (
                "Video shows 30 soldiers crossing\nthe river near Kherson.",
                En,
                &["30 soldiers"],
            ),
        ];
        let failures: Vec<String> = rows
            .iter()
            .filter(|(text, lang, want)| claims(text, *lang) != *want)
            .map(|(text, lang, want)| {
                format!("{text:?}: {:?} (want {want:?})", claims(text, *lang))
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
}
