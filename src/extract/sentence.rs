//! Sentences over the token stream: a full stop, question or exclamation
//! mark followed by a capital or a paragraph ends one, unless it closes an
//! abbreviation or an initial.

use crate::lang::LangData;
use crate::span::Span;

use super::token::{Token, TokenKind};

/// Returns the sentence spans and, for each token, its sentence index.
pub fn split(text: &str, tokens: &[Token], data: &LangData) -> (Vec<Span>, Vec<usize>) {
    let mut sentences = Vec::new();
    let mut of_token = Vec::with_capacity(tokens.len());
    let mut first = 0;
    for i in 0..tokens.len() {
        if i > first && tokens[i].paragraph_before {
            sentences.push(Span::new(tokens[first].span.start, tokens[i - 1].span.end));
            first = i;
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
        return false;
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
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;
    use crate::lang::Lang;

    fn sentences(text: &str, lang: Lang) -> Vec<String> {
        let tokens = tokenize(text, lang.data().elision);
        split(text, &tokens, lang.data())
            .0
            .into_iter()
            .map(|s| text[s].to_string())
            .collect()
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
}
