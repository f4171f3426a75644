//! Text → claims. The scan text is tokenized once; each finder walks the
//! token stream with the language's lexicon, dates and times first, then
//! quantities, and marks the tokens it used so no figure is read twice.

pub mod context;
pub mod date;
pub mod furniture;
pub mod number;
pub mod quantity;
pub mod sentence;
/// The tokenizer moved to [`crate::text::token`]; this alias keeps old
/// paths working.
pub use crate::text::token;

use jiff::civil::Date;

use crate::claim::Claim;
use crate::document::Document;
use crate::lang::vocab::{List, Vocab};
use crate::lang::{Compiled, Lang, LangData, Lexicon};
pub use crate::text::digits::DecimalMark;
use crate::text::span::Span;
use crate::text::token::Token;

/// What the extractor needs besides the text.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    /// Publication date: relative dates resolve against it.
    pub date: Option<Date>,
    /// UTC offset of the publication time, when the front matter gave one.
    pub offset_seconds: Option<i32>,
    /// Publication time of day, when the front matter gave one: "due ore
    /// fa", "two hours ago" count back from it.
    pub clock: Option<jiff::civil::Time>,
    /// The publication date names only its month (`--date 2025-04`): what
    /// needs the day ("ieri", "martedì") stays unresolved.
    pub month_only: bool,
}

/// The claims of one document and the sentences they stand in.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub sentences: Vec<Span>,
    /// Tokens of the scan text, kept for matching claims with facts.
    pub tokens: Vec<Token>,
    /// For each token, the index of its sentence.
    pub token_sentence: Vec<usize>,
    /// The article's title: its first line when that is a headline (see
    /// `title`). Weaker evidence when choosing between facts.
    pub title: Option<Span>,
    /// The lede: the first paragraph of prose after the title (see
    /// [`lede`]). Weaker evidence too.
    pub lede: Option<Span>,
}

impl Extraction {
    /// Index of the sentence holding `span` (binary search: sentences are
    /// sorted and disjoint).
    pub(crate) fn sentence_of(&self, span: Span) -> Option<usize> {
        sentence_index(&self.sentences, span)
    }
}

/// Index of the sentence of `sentences` (sorted, disjoint) holding `span`.
pub(crate) fn sentence_index(sentences: &[Span], span: Span) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end < span.end);
    sentences.get(i).filter(|s| s.contains(span)).map(|_| i)
}

/// Working state shared by the finders.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub data: &'static LangData,
    pub lexicon: &'static Lexicon,
    pub vocab: &'static Vocab,
    #[allow(dead_code)] // read by the date and time finders
    pub options: Options,
    /// Tokens already part of a claim.
    pub taken: Vec<bool>,
    /// Sentence index of each token.
    pub sentence_of: &'a [usize],
    /// How digit separators read: the language's, or either way when the
    /// language was only guessed.
    pub decimal: DecimalMark,
    /// Each token's tense cue once read (`date::parse`), 0 before: every
    /// date looks up to 30 tokens each way for one, so a sentence of
    /// figures would read each word dozens of times.
    pub tense_cues: Vec<std::cell::Cell<u8>>,
}

impl<'a> Ctx<'a> {
    /// A context for reading `tokens` of `text`, nothing taken yet.
    fn new(
        text: &'a str,
        tokens: &'a [Token],
        compiled: &'static Compiled,
        options: Options,
        sentence_of: &'a [usize],
        decimal: DecimalMark,
    ) -> Ctx<'a> {
        Ctx {
            text,
            tokens,
            data: options.lang.data(),
            lexicon: &compiled.lexicon,
            vocab: &compiled.vocab,
            options,
            taken: vec![false; tokens.len()],
            sentence_of,
            decimal,
            tense_cues: vec![std::cell::Cell::new(0); tokens.len()],
        }
    }

    pub(crate) fn free(&self, range: std::ops::Range<usize>) -> bool {
        range
            .into_iter()
            .all(|i| !self.taken.get(i).copied().unwrap_or(true))
    }

    pub fn take(&mut self, range: std::ops::Range<usize>) {
        for i in range {
            if let Some(t) = self.taken.get_mut(i) {
                *t = true;
            }
        }
    }

    /// Span from the start of token `first` to the end of token `last`.
    pub fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].span.start, self.tokens[last].span.end)
    }

    /// The token's word is in the language's `list`.
    pub fn is(&self, token: &Token, list: List) -> bool {
        self.vocab.is(token, list)
    }

    /// The token starts with a capital that marks a name ("Boeing 737",
    /// "20121 Milano"). In a language that capitalizes every noun
    /// ([`LangData::nouns_capitalized`]) no capital does.
    pub(crate) fn name_capital(&self, token: &Token) -> bool {
        !self.data.nouns_capitalized && token.is_capitalized(self.text)
    }

    /// The tokens `first..last` lie in one sentence.
    pub(crate) fn same_sentence(&self, first: usize, last: usize) -> bool {
        self.sentence_of.get(first) == self.sentence_of.get(last)
    }
}

/// Extracts every claim of `doc`, sorted by position, reading digits the
/// way its language does.
pub fn extract(doc: &Document, options: Options) -> Extraction {
    extract_with(doc, options, DecimalMark::of(options.lang.data()))
}

/// [`extract`] with the digits' decimal mark given: [`DecimalMark::Unsure`]
/// when the language is a guess.
pub(crate) fn extract_with(doc: &Document, options: Options, decimal: DecimalMark) -> Extraction {
    let data = options.lang.data();
    let compiled = Compiled::of(options.lang);
    let mut tokens = token::tokenize(&doc.scan, data.elision);
    compiled.vocab.assign(&mut tokens);
    let (sentences, token_sentence) = sentence::split(&doc.text, &tokens, data);
    let mut ctx = Ctx::new(
        &doc.text,
        &tokens,
        compiled,
        options,
        &token_sentence,
        decimal,
    );
    // A claim uses a token at least, so there is room for every claim:
    // growing the list would copy it, holding it twice at once (room not
    // used is never touched, and costs no memory).
    let mut claims = Vec::with_capacity(tokens.len());
    date::find(&mut ctx, &mut claims);
    quantity::find(&mut ctx, &mut claims);
    let furniture = furniture::find(&doc.text, &tokens, &sentences, &compiled.furniture);
    remove_furniture(&mut claims, &furniture);
    drop_front_title(&mut claims, doc);
    sort_claims(&mut claims);
    context::carry_currency(
        std::slice::from_mut(&mut claims),
        &sentences,
        &doc.text,
        data,
    );
    let title = title(&doc.text, &doc.scan, front_end(doc)).or(doc.front_title);
    let lede = lede(&doc.scan, title, &sentences);
    Extraction {
        claims,
        sentences,
        tokens,
        token_sentence,
        title,
        lede,
    }
}

/// Bytes from which [`extract_in_windows`] reads a document a window of
/// paragraphs at a time (an article is far shorter).
pub const WINDOW_BYTES: usize = 256 * 1024;

/// [`extract_with`] in bounded memory: a document longer than `window`
/// bytes ([`WINDOW_BYTES`] for a run) is tokenized and read a window of
/// whole paragraphs at a time, so only one window's tokens are held. Its
/// claims then come apart, one list for each window of [`window_cuts`]
/// (and [`Extraction::claims`] is empty), so that they can be judged and
/// dropped a window at a time; the result has no tokens
/// ([`Extraction::tokens`] is empty: [`tokens_in`] makes a window's again).
/// A shorter document is read whole, with no lists. The claims and
/// sentences are the same as [`extract_with`]'s: every finder stays within
/// a sentence, a sentence within a paragraph, and what goes on from
/// paragraph to paragraph (the dates' state, the sentence, paragraph and
/// token numbers, the line layout) is carried over; the currency and unit
/// passes, which read the article's claims as one list, read the windows'
/// lists as one ([`context::carry_currency`]).
pub(crate) fn extract_in_windows(
    doc: &Document,
    options: Options,
    decimal: DecimalMark,
    window: usize,
) -> (Extraction, Vec<Vec<Claim>>) {
    let cuts = window_cuts(&doc.scan, window);
    if cuts.len() <= 2 {
        return (extract_with(doc, options, decimal), Vec::new());
    }
    let data = options.lang.data();
    let compiled = Compiled::of(options.lang);
    let layout = sentence::Layout::of_text(&doc.text, &doc.scan);
    let mut claims: Vec<Vec<Claim>> = Vec::with_capacity(cuts.len() - 1);
    let mut sentences: Vec<Span> = Vec::new();
    let mut dates = date::State::default();
    for (k, w) in cuts.windows(2).enumerate() {
        let tokens = tokens_in(&doc.scan, w[0]..w[1], options.lang);
        let (window_sentences, mut token_sentence) =
            sentence::split_with(&doc.text, &tokens, data, layout);
        for s in &mut token_sentence {
            *s += sentences.len();
        }
        let mut ctx = Ctx::new(
            &doc.text,
            &tokens,
            compiled,
            options,
            &token_sentence,
            decimal,
        );
        let mut found = Vec::new();
        date::find_in(&mut ctx, &mut found, &mut dates);
        quantity::find(&mut ctx, &mut found);
        let furniture = furniture::find_in(
            &doc.text,
            &tokens,
            &window_sentences,
            &compiled.furniture,
            k == 0,
        );
        remove_furniture(&mut found, &furniture);
        drop_front_title(&mut found, doc);
        sort_claims(&mut found);
        found.shrink_to_fit();
        claims.push(found);
        sentences.extend(window_sentences);
    }
    context::carry_currency(&mut claims, &sentences, &doc.text, data);
    let title = title(&doc.text, &doc.scan, front_end(doc)).or(doc.front_title);
    let lede = lede(&doc.scan, title, &sentences);
    let extraction = Extraction {
        claims: Vec::new(),
        sentences,
        tokens: Vec::new(),
        token_sentence: Vec::new(),
        title,
        lede,
    };
    (extraction, claims)
}

/// Where [`extract_in_windows`] cuts `scan` into windows of at least
/// `window` bytes: byte offsets from 0 to its length, each cut at the end
/// of a token followed by a paragraph break (two line breaks in the
/// whitespace to the next token); and a paragraph longer than
/// [`LONG_PARAGRAPH`] (no article has one) in pieces of about [`PIECE`]
/// bytes, cut at a sentence's end where one is near, else at a space
/// ([`cut_long_paragraphs`]). Two offsets: one window.
pub fn window_cuts(scan: &str, window: usize) -> Vec<usize> {
    let by_paragraph = paragraph_window_cuts(scan, window);
    let mut cuts = Vec::with_capacity(by_paragraph.len());
    for w in by_paragraph.windows(2) {
        cuts.push(w[0]);
        if w[1] - w[0] > LONG_PARAGRAPH {
            cut_long_paragraphs(scan, w[0]..w[1], &mut cuts);
        }
    }
    cuts.push(scan.len());
    cuts
}

/// A paragraph longer than this many bytes is read in pieces. Everything
/// that goes from sentence to sentence is carried from window to window,
/// but a claim's fact is chosen among the terms of its sentence and
/// paragraph, in time and memory that grow with the product of the
/// sentence's figures and terms: one paragraph of 8 MB of figures and
/// terms with no sentence end took hours and gigabytes. A paragraph this
/// long has more sentences than a paragraph's context reaches
/// (`check::assign`'s `MAX_PARAGRAPH`), so cut at sentence ends its
/// pieces read as the whole; a "sentence" with no end in a piece is cut
/// where the piece ends.
const LONG_PARAGRAPH: usize = 64 * 1024;

/// The length of the pieces a long paragraph is cut in: a cut at the
/// first sentence end in the second half of a piece, else at the first
/// space after it.
const PIECE: usize = 2 * 1024;

/// Adds to `cuts` the cuts inside the paragraphs of `scan[range]` longer
/// than [`LONG_PARAGRAPH`], in order, each strictly inside its paragraph.
fn cut_long_paragraphs(scan: &str, range: std::ops::Range<usize>, cuts: &mut Vec<usize>) {
    let bytes = scan.as_bytes();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut paragraph = range.start;
    let mut at = range.start;
    while at < range.end {
        let nl = memchr::memchr(b'\n', &bytes[at..range.end]).map(|i| at + i);
        // The end of the paragraph holding `at`, and where to look on from
        // (past the whitespace run: each byte of it is looked at once).
        let (end, next) = match nl {
            Some(nl) => {
                let after = bytes[nl..range.end]
                    .iter()
                    .position(|&b| !space(b))
                    .map_or(range.end, |i| nl + i);
                match paragraph_cut(scan, nl) {
                    Some(end) if end > paragraph && end <= range.end => (Some(end), after),
                    _ => (None, after),
                }
            }
            None => (Some(range.end), range.end),
        };
        if let Some(end) = end {
            if end - paragraph > LONG_PARAGRAPH {
                cut_pieces(bytes, paragraph..end, cuts);
            }
            paragraph = end;
        }
        at = next.max(at + 1);
    }
}

/// Cuts `bytes[range]` (one paragraph) in pieces of about [`PIECE`]
/// bytes, each cut at the end of a token followed by ASCII whitespace.
fn cut_pieces(bytes: &[u8], range: std::ops::Range<usize>, cuts: &mut Vec<usize>) {
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut from = range.start;
    while range.end - from > 2 * PIECE {
        let half = from + PIECE / 2;
        let whole = from + PIECE;
        // A sentence's end: `.`, `!` or `?` followed by whitespace.
        let sentence_end = (half..whole)
            .find(|&i| matches!(bytes[i], b'.' | b'!' | b'?') && space(bytes[i + 1]))
            .map(|i| i + 1);
        let cut = sentence_end.or_else(|| {
            // The end of the first token ending after the piece.
            let token = whole + bytes[whole..range.end].iter().position(|&b| !space(b))?;
            Some(token + bytes[token..range.end].iter().position(|&b| space(b))?)
        });
        match cut {
            Some(cut) if cut < range.end => {
                cuts.push(cut);
                from = cut;
            }
            _ => return,
        }
    }
}

/// The cuts of [`window_cuts`] at paragraph breaks only.
fn paragraph_window_cuts(scan: &str, window: usize) -> Vec<usize> {
    let bytes = scan.as_bytes();
    let mut cuts = vec![0];
    let mut from = window.max(1);
    while from < bytes.len() {
        let Some(nl) = memchr::memchr(b'\n', &bytes[from..]).map(|i| from + i) else {
            break;
        };
        match paragraph_cut(scan, nl) {
            Some(cut) if cut > *cuts.last().unwrap_or(&0) => {
                cuts.push(cut);
                from = cut + window.max(1);
            }
            _ => from = nl + 1,
        }
    }
    cuts.push(bytes.len());
    cuts
}

/// The end of the token before the line break at `nl`, when the
/// whitespace around it holds two line breaks and a token follows. Only
/// ASCII whitespace is crossed (other whitespace is rare: no cut there).
fn paragraph_cut(scan: &str, nl: usize) -> Option<usize> {
    let bytes = scan.as_bytes();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let end = bytes[..nl].iter().rposition(|&b| !space(b))? + 1;
    let next = nl + bytes[nl..].iter().position(|&b| !space(b))?;
    let breaks = bytes[end..next].iter().filter(|&&b| b == b'\n').count();
    // The characters either side must not be whitespace themselves.
    let before = scan.get(..end)?.chars().next_back()?;
    let after = scan.get(next..)?.chars().next()?;
    // A line ending in a colon leads the paragraph after it ("Outlook for
    // the next quarter is:"): the two are read together. So does a
    // heading ("Outages top 3 million"), whose figures the text below may
    // restate: a line whose last sentence has no stop and at most
    // HEADING_TOKENS words (the checker's heading has as many tokens).
    let line = bytes[..end]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let stop = |c: char| SENTENCE_STOPS.contains(&c);
    let words = 1 + scan[line..end]
        .split_whitespace()
        .rev()
        .skip(1)
        .take_while(|w| !w.ends_with(stop))
        .count();
    let heading = !stop(before) && words <= HEADING_TOKENS;
    (breaks >= 2 && !before.is_whitespace() && !after.is_whitespace() && before != ':' && !heading)
        .then_some(end)
}

/// The marks that end a sentence and keep a line from being a heading.
pub const SENTENCE_STOPS: [char; 4] = ['.', '!', '?', '…'];

/// The most tokens a heading line's sentence may have.
pub const HEADING_TOKENS: usize = 16;

/// Sorts claims by position. No two claims share a token, so no two have
/// the same span: an unstable sort gives the one order, without the copy
/// of half the list a stable sort makes.
fn sort_claims(claims: &mut [Claim]) {
    claims.sort_unstable_by_key(|c| (c.span.start, c.span.end));
    debug_assert!(
        claims
            .windows(2)
            .all(|w| (w[0].span.start, w[0].span.end) < (w[1].span.start, w[1].span.end)),
        "two claims with one span"
    );
}

fn remove_furniture(claims: &mut Vec<Claim>, furniture: &[Span]) {
    if !furniture.is_empty() {
        claims.retain(|c| {
            !furniture
                .iter()
                .any(|f| f.start < c.span.end && c.span.start < f.end)
        });
    }
}

/// The tokens of `scan[range]`, each as [`extract`] made it for the whole
/// text (spans in the whole text's offsets, ids assigned), when `range`
/// starts at 0 or at the end of a token and ends at the end of one: the
/// whitespace before the first token is in the range, so its line and
/// paragraph marks are the same. Lets a caller drop a large document's
/// tokens and make again the few it needs at a time.
pub fn tokens_in(scan: &str, range: std::ops::Range<usize>, lang: Lang) -> Vec<Token> {
    let Some(slice) = scan.get(range.clone()) else {
        return Vec::new();
    };
    let mut tokens = token::tokenize(slice, lang.data().elision);
    for t in &mut tokens {
        t.span = Span::new(t.span.start + range.start, t.span.end + range.start);
    }
    Compiled::of(lang).vocab.assign(&mut tokens);
    tokens
}

/// The first line of prose after the front matter (whose `title:` the
/// scan keeps; prose starts at `body`) when it is a headline: a Markdown
/// heading (`# …`, without its marks, which the scan text may have
/// blanked), or a short line standing alone as a paragraph that does not
/// end a sentence ("A poche ore dall'incontro, Putin torna a lodare…" above
/// a blank line).
fn title(text: &str, scan: &str, body: usize) -> Option<Span> {
    let rest = scan.get(body..)?;
    let start = body + (rest.len() - rest.trim_start().len());
    let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let heading = line.trim_start_matches('#');
    if heading.len() != line.len() {
        if !heading.starts_with(' ') {
            return None;
        }
        let from = start + (line.len() - heading.len());
        return Some(Span::new(from, start + line.len()));
    }
    let rest = &text[start + line.len()..];
    let alone = rest.is_empty()
        || rest.trim_start_matches('\r').starts_with("\n\n")
        || rest.trim_start_matches('\r').starts_with("\n\r\n");
    let ends_sentence = line.trim_end().ends_with(['.', ';', ':', ',']);
    let words = line.split_whitespace().count();
    (alone && !ends_sentence && (3..=HEADLINE_WORDS).contains(&words))
        .then(|| Span::new(start, start + line.trim_end().len()))
}

/// The lede: among the first [`LEDE_SEARCH`] paragraphs (parted by a
/// blank line) after the title, the first with at least [`LEDE_WORDS`]
/// words (a dateline or a byline is no lede), its first
/// [`LEDE_SENTENCES`] sentences at most. It says who and where for the
/// article: "The 2024 Paris Olympic Games was a great success for Italy"
/// makes "We won 12 gold medals" two paragraphs down Italy's, in Paris.
fn lede(scan: &str, title: Option<Span>, sentences: &[Span]) -> Option<Span> {
    let after = title.map_or(0, |t| t.end);
    let first = sentences.partition_point(|s| s.start < after);
    // A blank line: a line with nothing on it between two line breaks.
    let blank_between = |a: Span, b: Span| {
        scan.get(a.end..b.start).is_some_and(|gap| {
            let lines: Vec<&str> = gap.split('\n').collect();
            lines.len() >= 3
                && lines[1..lines.len() - 1]
                    .iter()
                    .any(|l| l.trim().is_empty())
        })
    };
    let mut start = first;
    let mut searched = 0;
    while start < sentences.len() && searched < LEDE_SEARCH {
        let mut end = start + 1;
        while end < sentences.len() && !blank_between(sentences[end - 1], sentences[end]) {
            end += 1;
        }
        let last = sentences[end.min(start + LEDE_SENTENCES) - 1];
        let span = Span::new(sentences[start].start, last.end);
        let words = scan.get(span.range()).map_or(0, |t| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
        });
        if words >= LEDE_WORDS {
            return Some(span);
        }
        start = end;
        searched += 1;
    }
    None
}

/// Fewest words of a lede.
const LEDE_WORDS: usize = 12;
/// Most sentences of a lede.
const LEDE_SENTENCES: usize = 3;
/// Paragraphs searched for the lede.
const LEDE_SEARCH: usize = 4;

/// The front matter's title is read for its words only: "rises 3% in
/// June" there is the body's claim said again, not one of its own.
fn drop_front_title(claims: &mut Vec<Claim>, doc: &Document) {
    if let Some(title) = doc.front_title {
        claims.retain(|c| !title.overlaps(c.span));
    }
}

/// Where the front matter ends: the first code span when it starts the file.
fn front_end(doc: &Document) -> usize {
    doc.code
        .first()
        .filter(|s| s.start == 0)
        .map_or(0, |s| s.end)
}

/// Longest headline, in words, read as the article's title.
const HEADLINE_WORDS: usize = 30;

/// `n` times the scale `s`, rounded to twelve significant digits: 8.3
/// times 1e9 is 8,300,000,000, not binary arithmetic's
/// 8,300,000,000.000001 (no figure in news has more digits than that).
pub(crate) fn scaled_exactly(n: f64, s: f64) -> f64 {
    let v = n * s;
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    // The magnitude is at most ±308: the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation)]
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(11 - magnitude);
    let rounded = (v * factor).round() / factor;
    if rounded.is_finite() { rounded } else { v }
}

#[cfg(test)]
mod title_tests {
    use super::title;

    fn of(text: &str) -> Option<&str> {
        title(text, text, 0).map(|s| text[s.range()].trim())
    }

    #[test]
    fn a_heading_or_a_headline_standing_alone_is_the_title() {
        assert_eq!(
            of("# Rates cut to 5%\n\nThe bank…"),
            Some("Rates cut to 5%")
        );
        assert_eq!(
            of("Putin torna a lodare i nordcoreani: «Sono eroi»\n\nA poche ore…"),
            Some("Putin torna a lodare i nordcoreani: «Sono eroi»")
        );
        assert_eq!(
            of("A very great Italy\r\n\r\nWe won."),
            Some("A very great Italy")
        );
        // A sentence, a paragraph's first line, a byline's two words: no title.
        assert_eq!(of("The bank cut rates to 5 percent.\n\nMore."), None);
        assert_eq!(of("The bank cut rates\nto 5 percent on Thursday."), None);
        assert_eq!(of("By Anna\n\nText."), None);
    }
}

#[cfg(test)]
mod window_tests {
    use super::{LONG_PARAGRAPH, PIECE, window_cuts};

    /// Each cut of `scan` is the end of a token followed by whitespace,
    /// and the cuts go up.
    fn well_placed(scan: &str, cuts: &[usize]) {
        assert_eq!(cuts.first(), Some(&0));
        assert_eq!(cuts.last(), Some(&scan.len()));
        assert!(cuts.windows(2).all(|w| w[0] < w[1]), "{cuts:?}");
        for &cut in &cuts[1..cuts.len() - 1] {
            let b = scan.as_bytes();
            assert!(!b[cut - 1].is_ascii_whitespace() && b[cut].is_ascii_whitespace());
        }
    }

    #[test]
    fn a_paragraph_of_any_length_is_read_in_pieces() {
        // One paragraph of figures and no sentence end: cut at spaces.
        let figures = "1.000.000 truppe ".repeat(LONG_PARAGRAPH / 8);
        let cuts = window_cuts(&figures, usize::MAX);
        well_placed(&figures, &cuts);
        assert!(cuts.windows(2).all(|w| w[1] - w[0] <= 2 * PIECE + 32));
        assert!(cuts.len() > figures.len() / (2 * PIECE));
        // Sentences: cut at their ends.
        let prose = "Il governo ha stanziato 3 miliardi. ".repeat(LONG_PARAGRAPH / 16);
        let cuts = window_cuts(&prose, usize::MAX);
        well_placed(&prose, &cuts);
        assert!(
            cuts[1..cuts.len() - 1]
                .iter()
                .all(|&c| prose[..c].ends_with('.'))
        );
        // A short paragraph is not cut, nor a long one made of short ones.
        let short = "1.000.000 ".repeat(LONG_PARAGRAPH / 20);
        assert_eq!(window_cuts(&short, usize::MAX), vec![0, short.len()]);
        let many = format!("{short}\n\n").repeat(8);
        assert_eq!(window_cuts(&many, usize::MAX), vec![0, many.len()]);
        // One long paragraph among short ones: only it is cut, inside it.
        let mixed = format!("{short}\n\n{figures}\n\n{short}");
        let cuts = window_cuts(&mixed, usize::MAX);
        well_placed(&mixed, &cuts);
        let (from, to) = (short.len() + 2, short.len() + 2 + figures.len());
        assert!(cuts[1..cuts.len() - 1].iter().all(|&c| c > from && c < to));
        // One token, or only whitespace, longer than a piece: no cut in it.
        let token = "9".repeat(LONG_PARAGRAPH + 1);
        assert_eq!(window_cuts(&token, usize::MAX), vec![0, token.len()]);
        let blank = "\n".repeat(LONG_PARAGRAPH * 2);
        assert_eq!(window_cuts(&blank, usize::MAX), vec![0, blank.len()]);
    }
}
