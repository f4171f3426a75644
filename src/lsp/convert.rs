//! The two translations every LSP message needs: byte offsets into an
//! article to LSP positions (0-based line, column in UTF-16 code units,
//! as the protocol requires) and back, and file paths to `file://` URIs
//! and back.

use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Uri};

use crate::text::span::{LineIndex, Span};

/// The LSP position of byte `offset` in `text`.
pub fn position(text: &str, lines: &LineIndex, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let line = lines.position(text, offset).line;
    let start = lines
        .line_span(text, line)
        .map_or(0, |s| s.start)
        .min(offset);
    let character = text[start..offset].encode_utf16().count();
    Position::new(to_u32(line - 1), to_u32(character))
}

/// The LSP range of a byte span.
pub fn range(text: &str, lines: &LineIndex, span: Span) -> Range {
    Range::new(
        position(text, lines, span.start),
        position(text, lines, span.end),
    )
}

/// The byte offset of an LSP position; a line past the end is the end of
/// the text, a column past the end of its line the end of the line, and
/// a column inside a surrogate pair the character's start.
pub fn offset(text: &str, lines: &LineIndex, at: Position) -> usize {
    let Some(line) = lines.line_span(text, at.line as usize + 1) else {
        return text.len();
    };
    let mut units = 0;
    for (i, c) in text[line.range()].char_indices() {
        units += c.len_utf16();
        if units > at.character as usize {
            return line.start + i;
        }
    }
    line.end
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Bytes written as they are in a URI path; the others are %-encoded.
fn is_plain(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'/' | b'-' | b'.' | b'_' | b'~')
}

/// The `file://` URI of an absolute path.
pub fn uri(path: &Path) -> Option<Uri> {
    use std::fmt::Write;
    let mut text = String::from("file://");
    let path = path.to_string_lossy();
    if !path.starts_with('/') {
        text.push('/');
    }
    for byte in path.bytes() {
        if is_plain(byte) {
            text.push(char::from(byte));
        } else {
            let _ = write!(text, "%{byte:02X}");
        }
    }
    text.parse().ok()
}

/// The path of a `file://` URI; `None` for another scheme.
pub fn path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: the host is dropped; `file:///path` has none.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_past_accents_and_emoji() {
        let text = "title\nÈ così: 🚀 20 soldati\n";
        let lines = LineIndex::new(text);
        let at = text.find("20").unwrap();
        // `È`, `ì` are one unit each, the rocket two.
        assert_eq!(position(text, &lines, at), Position::new(1, 11));
        assert_eq!(offset(text, &lines, Position::new(1, 11)), at);
        // Inside the surrogate pair: the rocket's start.
        let rocket = text.find('🚀').unwrap();
        assert_eq!(offset(text, &lines, Position::new(1, 9)), rocket);
        assert_eq!(offset(text, &lines, Position::new(1, 99)), text.len() - 1);
        assert_eq!(offset(text, &lines, Position::new(9, 0)), text.len());
    }

    #[test]
    fn crlf_lines_end_before_the_cr() {
        let text = "a\r\nbc\r\n";
        let lines = LineIndex::new(text);
        assert_eq!(position(text, &lines, 4), Position::new(1, 1));
        assert_eq!(offset(text, &lines, Position::new(1, 5)), 5);
    }

    #[test]
    fn paths_round_trip_through_uris() {
        let path = Path::new("/tmp/articoli/perché 100%.md");
        let uri = uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/articoli/perch%C3%A9%20100%25.md");
        assert_eq!(super::path(&uri).unwrap(), path);
        let other: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(super::path(&other), None);
    }
}
