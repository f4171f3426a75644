//! An article as the pipeline sees it: its text, its front matter and the
//! parts of it that hold prose.
//!
//! Extraction runs on [`Document::scan`], a copy of the text of the same
//! length in which everything that is not prose (front matter, Markdown
//! code, link targets, HTML, URLs) is blanked with spaces. Offsets into the
//! scan are offsets into the file, so every claim keeps its exact span.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::error::Error;
use crate::text::span::{LineIndex, Span};
use crate::when::{PubDate, clock_of, offset_of};

/// The largest article read by default, in bytes (see `--max-size`).
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    File(PathBuf),
    Stdin,
}

impl Origin {
    pub fn display(&self) -> String {
        match self {
            Origin::File(path) => path.display().to_string(),
            Origin::Stdin => "<stdin>".to_string(),
        }
    }
}

/// The fields of the front matter factcheck reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub date: Option<PubDate>,
    /// The UTC offset of a front matter datetime, in seconds.
    pub offset_seconds: Option<i32>,
    /// The time of day of a front matter datetime ("due ore fa" counts
    /// back from it).
    pub clock: Option<jiff::civil::Time>,
    pub lang: Option<String>,
    /// Where the article is published (`url:`), for ClaimReview.
    pub url: Option<String>,
    /// Who published the article (`source:`), for `refs draft`.
    pub source: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub origin: Origin,
    pub text: String,
    /// The text with everything that is not prose blanked: same byte length.
    /// Emptied once the article's claims are judged
    /// ([`crate::pipeline::analyze`]): nothing reads it after, and a long
    /// article holds its length less while its findings are made.
    pub scan: String,
    pub front: FrontMatter,
    pub lines: LineIndex,
    /// What is code, not prose, in file order: the front matter, Markdown
    /// code spans and code blocks. Suppression comments there do not count.
    pub code: Vec<Span>,
    /// Warnings about the input, for stderr (a BOM, a lossy decoding…).
    pub warnings: Vec<String>,
    /// The front matter's `title:` value, left readable in the scan: the
    /// article's title for choosing between facts, never a claim.
    pub front_title: Option<Span>,
}

impl Document {
    /// Decodes bytes read from `origin` and parses the article.
    pub fn from_bytes(origin: Origin, bytes: Vec<u8>) -> Result<Document, Error> {
        let path = origin.display();
        let mut warnings = Vec::new();
        let text = decode(&path, bytes, &mut warnings)?;
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            let what = if text.is_empty() {
                "empty file"
            } else {
                "only whitespace"
            };
            warnings.push(format!("{path}: {what}: no claims to check"));
        }
        let markdown = match &origin {
            Origin::File(p) => !p
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("txt")),
            Origin::Stdin => true,
        };
        Ok(Document::parse(origin, text, markdown, warnings))
    }

    /// Parses an article held in memory; `markdown` selects Markdown masking.
    pub fn parse(origin: Origin, text: String, markdown: bool, warnings: Vec<String>) -> Document {
        let mut scan = text.clone().into_bytes();
        let mut warnings = warnings;
        let (front, body_start, front_warnings) = front_matter_checked(&text, &origin.display());
        warnings.extend(front_warnings);
        blank(&mut scan, Span::new(0, body_start));
        if text.starts_with('\u{feff}') {
            blank(&mut scan, Span::new(0, 3));
        }
        let front_title = front_title(&text, body_start);
        if let Some(t) = front_title {
            scan[t.range()].copy_from_slice(&text.as_bytes()[t.range()]);
        }
        let mut code = Vec::new();
        if body_start > 0 {
            code.push(Span::new(0, body_start));
        }
        if markdown && !is_plain(&text[body_start..]) {
            mask_markdown(&text, body_start, &mut scan, &mut code);
        }
        mask_urls(&text, &mut scan);
        // A lone CR ends a line as LF does (old Mac files): extraction,
        // which reads the scan, then sees the same line breaks.
        for i in memchr::memchr_iter(b'\r', text.as_bytes()) {
            if text.as_bytes().get(i + 1) != Some(&b'\n') {
                scan[i] = b'\n';
            }
        }
        // Every blanked byte became an ASCII space and whole characters were
        // blanked at once, so the bytes remain valid UTF-8.
        let scan = String::from_utf8(scan)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let lines = LineIndex::new(&text);
        Document {
            origin,
            text,
            scan,
            front,
            lines,
            code,
            warnings,
            front_title,
        }
    }

    pub fn path(&self) -> String {
        self.origin.display()
    }

    /// Whether the byte at `offset` is code (see [`Document::code`]).
    pub(crate) fn in_code(&self, offset: usize) -> bool {
        let after = self.code.partition_point(|span| span.start <= offset);
        after > 0 && offset < self.code[after - 1].end
    }

    /// Where the article's body starts: after the front matter, if any.
    pub fn body_start(&self) -> usize {
        front_matter(&self.text).1
    }
}

fn decode(path: &str, bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let text = decode_utf16(path, &bytes)?;
        warnings.push(format!(
            "{path}: decoded from UTF-16; offsets refer to the text re-encoded as UTF-8"
        ));
        return Ok(text);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        let head = &bytes[..bytes.len().min(8192)];
        let nuls = head.iter().filter(|&&b| b == 0).count();
        let detail = if nuls > 0 && nuls * 3 >= head.len() && head.len() >= 4 {
            // Text in UTF-16 without a byte-order mark: every other byte
            // of ASCII text is zero.
            "binary data, not a text article (UTF-16 without a byte-order mark?)".to_string()
        } else if nuls > 0 {
            "binary data, not a text article".to_string()
        } else {
            "invalid UTF-8".to_string()
        };
        Error::Encoding {
            path: path.to_string(),
            offset,
            line,
            detail,
        }
    })?;
    // Valid UTF-8 may still be binary: a NUL is no article's character
    // (UTF-16 without a byte-order mark is mostly NULs).
    if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
        let bytes = text.as_bytes();
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..offset]).count();
        let head = &bytes[..bytes.len().min(8192)];
        let nuls = memchr::memchr_iter(0, head).count();
        let detail = if nuls * 3 >= head.len() && head.len() >= 4 {
            "binary data, not a text article (UTF-16 without a byte-order mark?)"
        } else {
            "binary data, not a text article"
        };
        return Err(Error::Encoding {
            path: path.to_string(),
            offset,
            line,
            detail: detail.to_string(),
        });
    }
    Ok(text)
}

/// Decodes UTF-16 after its byte-order mark; an odd byte count or an
/// unpaired surrogate is an error at its byte offset in the file.
fn decode_utf16(path: &str, bytes: &[u8]) -> Result<String, Error> {
    let little = bytes[0] == 0xFF;
    let units = bytes[2..].chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut line = 1;
    let mut offset = 2;
    for decoded in char::decode_utf16(units) {
        let c = decoded.map_err(|_| Error::Encoding {
            path: path.to_string(),
            offset,
            line,
            detail: "invalid UTF-16 (an unpaired surrogate)".to_string(),
        })?;
        if c == '\n' {
            line += 1;
        }
        offset += 2 * c.len_utf16();
        text.push(c);
    }
    if bytes.len() % 2 == 1 {
        return Err(Error::Encoding {
            path: path.to_string(),
            offset: bytes.len() - 1,
            line,
            detail: "invalid UTF-16 (an odd number of bytes)".to_string(),
        });
    }
    Ok(text)
}

/// The value of a top-level `title:` line of the front matter (ending at
/// `end`), without its quotes.
fn front_title(text: &str, end: usize) -> Option<Span> {
    let mut at = 0;
    for line in text.get(..end)?.split_inclusive('\n') {
        if let Some(value) = line.strip_prefix("title:") {
            let start = at + "title:".len() + (value.len() - value.trim_start().len());
            let trimmed = value.trim();
            let quoted = trimmed.len() >= 2
                && ((trimmed.starts_with('"') && trimmed.ends_with('"'))
                    || (trimmed.starts_with('\'') && trimmed.ends_with('\'')));
            let (from, len) = if quoted {
                (start + 1, trimmed.len() - 2)
            } else {
                (start, trimmed.len())
            };
            return (len > 0).then(|| Span::new(from, from + len));
        }
        at += line.len();
    }
    None
}

fn blank(scan: &mut [u8], span: Span) {
    for b in &mut scan[span.range()] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// Reads a `---` front matter block; returns it and where the body starts.
fn front_matter(text: &str) -> (FrontMatter, usize) {
    let (front, end, _) = front_matter_checked(text, "");
    (front, end)
}

/// [`front_matter`], with warnings about it for the file `path`: YAML
/// that does not parse (or is refused: too deep, too many aliases, see
/// [`crate::yaml`]), a `date:` that is not a date, an offset that is not
/// one. A warning says the date is then missing.
fn front_matter_checked(text: &str, path: &str) -> (FrontMatter, usize, Vec<String>) {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let Some(after_open) = rest
        .strip_prefix("---\n")
        .or_else(|| rest.strip_prefix("---\r\n"))
    else {
        return (FrontMatter::default(), 0, Vec::new());
    };
    let open_len = rest.len() - after_open.len();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\r', '\n']);
        if trimmed == "---" || trimmed == "..." {
            let yaml = &after_open[..offset];
            let end = bom + open_len + offset + line.len();
            let mut warnings = Vec::new();
            let front = parse_front(yaml, path, &mut warnings);
            return (front, end, warnings);
        }
        offset += line.len();
    }
    (FrontMatter::default(), 0, Vec::new())
}

/// The front matter's fields; problems go to `warnings`, at their line
/// and column in the file (the block starts on line 2).
fn parse_front(yaml: &str, path: &str, warnings: &mut Vec<String>) -> FrontMatter {
    use crate::yaml::Value;
    let mut front = FrontMatter::default();
    let mut warn = |at: Option<crate::error::Location>, message: String| {
        let at = at.map_or(String::new(), |at| {
            format!("{}:{}:", at.line + 1, at.column)
        });
        warnings.push(format!("{path}:{at} front matter: {message}"));
    };
    let tree = match crate::yaml::parse(yaml) {
        Ok(tree) => tree,
        Err(e) => {
            warn(
                e.at,
                format!(
                    "{}; it is ignored, so the publication date is missing",
                    e.message
                ),
            );
            return front;
        }
    };
    let Some(root) = tree.root else {
        return front;
    };
    let root_node = tree.node(root);
    let Value::Map(pairs) = &root_node.value else {
        warn(
            Some(root_node.at),
            format!(
                "should be `key: value` lines, not {}; it is ignored, so the publication date is missing",
                root_node.what()
            ),
        );
        return front;
    };
    let field = |key: &str| {
        pairs
            .iter()
            .find(|&&(k, _)| tree.node(k).scalar() == Some(key))
            .map(|&(_, v)| tree.node(v))
    };
    if let Some(node) = field("date") {
        let text = node.scalar().unwrap_or("").trim();
        match parse_front_date(text) {
            Ok((date, offset)) => {
                front.date = Some(date);
                front.offset_seconds = offset;
                front.clock = clock_of(text);
            }
            Err(why) => warn(
                Some(node.at),
                format!("`date: {text}` {why}; the publication date is missing"),
            ),
        }
    }
    front.lang = ["lang", "language"].into_iter().find_map(|key| {
        field(key)
            .and_then(|n| n.scalar())
            .map(|s| s.trim().to_string())
    });
    let text = |key: &str| {
        field(key)
            .and_then(|n| n.scalar())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    front.url = text("url");
    front.source = text("source");
    front
}

/// A front matter date: `YYYY-MM-DD`, `YYYY-MM` (the month only), or an
/// RFC 3339 datetime whose UTC offset (if any) is kept, in seconds.
fn parse_front_date(text: &str) -> Result<(PubDate, Option<i32>), &'static str> {
    if text.len() == 7
        && let Some(month) = PubDate::parse(text)
    {
        return Ok((month, None));
    }
    let date = text
        .get(..10)
        .and_then(|d| d.parse::<Date>().ok())
        .ok_or("is not a date (write YYYY-MM-DD or an RFC 3339 datetime)")?;
    let offset = offset_of(text)?;
    Ok((PubDate::day(date), offset))
}

/// Keeps only the prose of a Markdown body: text outside code, images and
/// HTML; link text but not link targets.
/// Text in which Markdown has nothing to hide: no character that opens
/// inline markup, HTML, an entity or an escape, no tab or carriage return
/// (which Markdown rewrites), and no line that could
/// open a block other than a paragraph (heading, list, quote, fence, rule,
/// indented code). Most articles are such prose; for them the Markdown
/// parse — a tenth of an archive run's time — is skipped.
fn is_plain(body: &str) -> bool {
    const MARKUP: [bool; 256] = {
        let mut table = [false; 256];
        let bytes = b"*_`#<>[]!|~\\&\r\t";
        let mut k = 0;
        while k < bytes.len() {
            table[bytes[k] as usize] = true;
            k += 1;
        }
        table
    };
    // 32 bytes at a time without a branch per byte: the whole body is
    // read.
    let bytes = body.as_bytes();
    let mut chunks = bytes.chunks_exact(32);
    let markup = |chunk: &[u8]| {
        chunk
            .iter()
            .fold(false, |any, &b| any | MARKUP[usize::from(b)])
    };
    if chunks.by_ref().any(markup) || markup(chunks.remainder()) {
        return false;
    }
    body.split('\n').all(|line| {
        let rest = line.trim_start_matches(' ');
        let indent = line.len() - rest.len();
        let first = rest.as_bytes().first().copied();
        let ordered = {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && matches!(rest.as_bytes().get(digits), Some(b'.' | b')'))
        };
        indent < 4 && !matches!(first, Some(b'-' | b'+' | b'=')) && !ordered
    })
}

/// Blanks what is not prose in the body, and records its code spans and
/// blocks in `code` (file offsets, in order, not overlapping).
fn mask_markdown(text: &str, body_start: usize, scan: &mut [u8], code: &mut Vec<Span>) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    let body = &text[body_start..];
    let mut keep = vec![false; body.len()];
    let mut hidden_depth = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let in_block = code
            .last()
            .is_some_and(|s| body_start + range.start < s.end);
        match &event {
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) if !in_block => {
                code.push(Span::new(body_start + range.start, body_start + range.end));
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => {
                hidden_depth += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) => {
                hidden_depth = hidden_depth.saturating_sub(1)
            }
            Event::Text(_) if hidden_depth == 0 => {
                keep[range].iter_mut().for_each(|k| *k = true);
            }
            Event::SoftBreak | Event::HardBreak if hidden_depth == 0 => {
                keep[range].iter_mut().for_each(|k| *k = true);
            }
            _ => {}
        }
    }
    let mut i = 0;
    while i < body.len() {
        if keep[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < body.len() && !keep[i] {
            i += 1;
        }
        blank(scan, Span::new(body_start + start, body_start + i));
    }
    // Markup between text events that sits inside a word ("**600**") was
    // blanked too; the bytes of a multi-byte character are never split
    // because pulldown-cmark ranges lie on character boundaries.
    keep_wrapped_ordinals(body, body_start, scan);
}

/// "den Preis ab dem\n1. Januar 2025 anheben": a "1." opening a line right
/// after a line that ends in a word is prose wrapped before a day's
/// ordinal (German writes "1. Januar"), though CommonMark opens a list
/// there: its marker is text again.
fn keep_wrapped_ordinals(body: &str, body_start: usize, scan: &mut [u8]) {
    let mut prev_ends_in_word = false;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let start = body_start + at;
        at += line.len();
        let content = line.trim_end();
        if prev_ends_in_word
            && content.starts_with("1. ")
            && scan.get(start + 3).is_some_and(|&b| b != b' ')
        {
            scan[start..start + 2].copy_from_slice(b"1.");
        }
        prev_ends_in_word = content.chars().last().is_some_and(char::is_alphabetic);
    }
}

/// Blanks `http://…`, `https://…` and `www.…` up to the next whitespace.
fn mask_urls(text: &str, scan: &mut [u8]) {
    let bytes = text.as_bytes();
    // Where a URL may start: before every `://` (an `http` or `https`)
    // and at every `www.`, in text order.
    let mut starts: Vec<usize> = memchr::memmem::find_iter(bytes, b"://")
        .flat_map(|k| [k.checked_sub(5), k.checked_sub(4)])
        .flatten()
        .chain(memchr::memmem::find_iter(bytes, b"www."))
        .collect();
    starts.sort_unstable();
    let mut done = 0;
    for i in starts {
        if i < done {
            continue;
        }
        let rest = &bytes[i..];
        let starts_url = (rest.starts_with(b"http://")
            || rest.starts_with(b"https://")
            || rest.starts_with(b"www."))
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts_url {
            continue;
        }
        let mut end = i;
        while end < bytes.len()
            && !bytes[end].is_ascii_whitespace()
            && !matches!(bytes[end], b'<' | b'>' | b'"' | b')' | b']')
        {
            end += 1;
        }
        while end < bytes.len() && bytes[end] >= 0x80 && !text.is_char_boundary(end) {
            end += 1;
        }
        blank(scan, Span::new(i, end));
        done = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Where `is_plain` says so, the Markdown parse would change nothing.
        #[test]
        fn plain_text_is_what_markdown_keeps(
            body in "[a-zA-Z0-9 .,:;'\"%$€()/?=+\n\r\tàèéù—“”’-]{0,120}"
        ) {
            if is_plain(&body) {
                let mut scan = body.clone().into_bytes();
                mask_markdown(&body, 0, &mut scan, &mut Vec::new());
                proptest::prop_assert_eq!(String::from_utf8(scan).unwrap(), body);
            }
        }
    }

    fn md(text: &str) -> Document {
        Document::parse(Origin::Stdin, text.to_string(), true, Vec::new())
    }

    #[test]
    fn a_day_wrapped_to_a_line_start_keeps_its_number() {
        // Prose wrapped before "1. Januar" keeps the "1."; a list after a
        // colon does not.
        let doc = md("Der Preis steigt ab dem\n1. Januar 2025.\n\nDie Punkte:\n\n1. Mehr Geld\n");
        assert!(doc.scan.contains("dem\n1. Januar"), "{:?}", doc.scan);
        assert!(!doc.scan.contains("1. Mehr"), "{:?}", doc.scan);
    }

    #[test]
    fn front_matter_gives_date_offset_and_lang() {
        let doc = md("---\ndate: 2025-03-11T09:30:00+02:00\nlang: en\n---\nText 12.\n");
        assert_eq!(
            doc.front.date,
            Some(PubDate::day(jiff::civil::date(2025, 3, 11)))
        );
        assert_eq!(doc.front.offset_seconds, Some(7200));
        assert_eq!(doc.front.lang.as_deref(), Some("en"));
        assert!(doc.scan.starts_with("   \n"));
        assert!(doc.scan.contains("Text 12."));
    }

    #[test]
    fn code_and_link_targets_are_blanked() {
        let doc =
            md("See `42 km` and [600 troops](https://x.org/7000) here.\n\n    9000 soldiers\n");
        assert!(!doc.scan.contains("42"));
        assert!(doc.scan.contains("600 troops"));
        assert!(!doc.scan.contains("7000"));
        assert!(!doc.scan.contains("9000"));
        assert_eq!(doc.scan.len(), doc.text.len());
    }

    #[test]
    fn bare_urls_are_blanked_in_plain_text() {
        let doc = Document::parse(
            Origin::Stdin,
            "Read https://example.org/a/2024/600 now, 3 times.".to_string(),
            false,
            Vec::new(),
        );
        assert!(!doc.scan.contains("600"));
        assert!(doc.scan.contains("3 times"));
    }

    #[test]
    fn urls_start_after_a_non_word_byte_and_end_at_a_delimiter() {
        let cases = [
            ("a https://www.x.it/1 b", "a                    b"),
            ("(www.x.it/2) and http://y/3", "(          ) and           "),
            ("xhttp://a/4 awww.b/5", "xhttp://a/4 awww.b/5"),
            ("https:/no http//no ftp://no", "https:/no http//no ftp://no"),
            (
                "http://a/6http://b/7 \"www.c/8\"",
                "                     \"       \"",
            ),
            ("www.è/9 é", "         é"),
        ];
        for (text, scan) in cases {
            let mut bytes = text.as_bytes().to_vec();
            mask_urls(text, &mut bytes);
            assert_eq!(String::from_utf8(bytes).unwrap(), scan, "{text}");
        }
    }

    #[test]
    fn utf16_errors_name_the_offset_and_line() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "ab\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        bytes.extend(0xD800u16.to_le_bytes());
        bytes.extend(u16::from(b'c').to_le_bytes());
        let err = Document::from_bytes(Origin::Stdin, bytes).unwrap_err();
        assert!(err.to_string().contains("byte 8 (line 2)"), "{err}");
        let err = Document::from_bytes(Origin::Stdin, vec![0xFE, 0xFF, 0, b'a', 0]).unwrap_err();
        assert!(err.to_string().contains("odd number of bytes"), "{err}");
        let doc =
            Document::from_bytes(Origin::Stdin, vec![0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00]).unwrap();
        assert_eq!(doc.text, "😀");
    }

    #[test]
    fn empty_files_warn() {
        for bytes in [&b""[..], b" \n\t\r\n", b"\xef\xbb\xbf"] {
            let doc = Document::from_bytes(Origin::Stdin, bytes.to_vec()).unwrap();
            assert!(doc.warnings[0].contains("no claims to check"), "{doc:?}");
        }
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = Document::from_bytes(Origin::Stdin, b"ab\n\xffcd".to_vec()).unwrap_err();
        assert!(err.to_string().contains("byte 3"), "{err}");
    }
}
