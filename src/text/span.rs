//! Byte spans into the text of a document.
//!
//! Every stage of the pipeline keeps a [`Span`] into the original file, so a
//! finding can always quote the exact text and say where it stands. Lines and
//! columns are computed only at the output edge, from a [`LineIndex`].

use std::ops::{Index, Range};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub(crate) fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Bytes between the two spans, 0 when they touch or overlap.
    pub(crate) fn distance(self, other: Span) -> usize {
        if self.end <= other.start {
            other.start - self.end
        } else {
            self.start.saturating_sub(other.end)
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// Line starts of a text, built once per document.
///
/// Columns count characters, which on a very long line (a minified or
/// machine-written article can be one 10 MB line) would cost the length
/// of the line for every claim: the index also keeps a checkpoint every
/// [`CHECKPOINT`] bytes of a long line, so a position costs at most that.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset on a character boundary, characters from its line's
    /// start), sorted; only lines longer than [`CHECKPOINT`] have any.
    marks: Vec<(usize, usize)>,
    /// The text starts with a byte-order mark, which editors do not show
    /// and so does not count as a column.
    bom: bool,
}

/// Bytes between two column checkpoints of a long line.
const CHECKPOINT: usize = 4096;

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        // A line ends at LF, CRLF or a lone CR (old Mac files).
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
        );
        let mut marks = Vec::new();
        for (line, &start) in starts.iter().enumerate() {
            let end = starts.get(line + 1).map_or(text.len(), |&next| next);
            let (mut at, mut column) = (start, 0);
            while end - at > CHECKPOINT {
                let mut next = at + CHECKPOINT;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                column += text[at..next].chars().count();
                marks.push((next, column));
                at = next;
            }
        }
        LineIndex {
            starts,
            marks,
            bom: text.starts_with('\u{feff}'),
        }
    }

    /// Line and column of a byte offset; a `\r` before `\n` belongs to the
    /// line it ends, so CRLF files count like LF files, and a lone `\r`
    /// ends a line as `\n` does.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        // The nearest checkpoint at or before the offset, on this line.
        let (from, before) = match self.marks.partition_point(|&(at, _)| at <= offset) {
            0 => (start, 0),
            i if self.marks[i - 1].0 < start => (start, 0),
            i => self.marks[i - 1],
        };
        let mut column = before
            + text
                .get(from..offset)
                .map_or(offset - from, |s| s.chars().count());
        if line == 0 && self.bom && offset >= 3 {
            column -= 1;
        }
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Byte span of a 1-based line, without its line ending.
    pub(crate) fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(Span::new(start, end.max(start)))
    }

    pub(crate) fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// Positions of offsets asked in increasing order, each counted on from
/// the last instead of from the line's start: a file's claims in text
/// order cost one pass over the text. An offset before the last one falls
/// back to [`LineIndex::position`].
#[derive(Debug, Clone, Copy, Default)]
pub struct LineCursor {
    /// The last offset asked, and its answer.
    last: Option<(usize, Position)>,
}

impl LineCursor {
    pub fn position(&mut self, lines: &LineIndex, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let pos = match self.last {
            Some((at, pos))
                if at <= offset
                    && (at >= 3 || !lines.bom)
                    && text.is_char_boundary(at)
                    && text.is_char_boundary(offset)
                    && memchr::memchr2(b'\n', b'\r', &text.as_bytes()[at..offset]).is_none() =>
            {
                Position {
                    line: pos.line,
                    column: pos.column + text[at..offset].chars().count(),
                }
            }
            _ => lines.position(text, offset),
        };
        self.last = Some((offset, pos));
        pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "più di\n10 mila";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5), Position { line: 1, column: 5 });
        assert_eq!(index.position(text, 8), Position { line: 2, column: 1 });
    }

    #[test]
    fn the_cursor_agrees_with_the_index() {
        let text = "\u{feff}più di\r\n10 mila — “soldati”\n\nx".repeat(3);
        let index = LineIndex::new(&text);
        let offsets: Vec<usize> = (0..=text.len()).collect();
        let mut cursor = LineCursor::default();
        // In order, then a step back, then mid-character offsets.
        for &o in offsets.iter().chain([5, 2, 40, 6].iter()) {
            assert_eq!(
                cursor.position(&index, &text, o),
                index.position(&text, o),
                "offset {o}"
            );
        }
    }

    #[test]
    fn crlf_lines_count_like_lf() {
        let text = "a\r\nb 12";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5), Position { line: 2, column: 3 });
        assert_eq!(index.line_span(text, 1), Some(Span::new(0, 1)));
    }

    #[test]
    fn long_lines_count_columns_from_checkpoints() {
        let text = format!("x\n{}", "è1 ".repeat(10_000));
        let index = LineIndex::new(&text);
        for offset in [2, 3, 4, 5, 4098, 4099, 8194, 20_000, text.len()] {
            let offset = (offset..).find(|&o| text.is_char_boundary(o)).unwrap();
            let expected = 1 + text[2..offset].chars().count();
            assert_eq!(index.position(&text, offset).column, expected, "{offset}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let text = "\u{feff}12 km\n3";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 6), Position { line: 1, column: 4 });
        assert_eq!(index.position(text, 9), Position { line: 2, column: 1 });
    }

    #[test]
    fn distance_between_spans() {
        assert_eq!(Span::new(0, 3).distance(Span::new(5, 6)), 2);
        assert_eq!(Span::new(5, 6).distance(Span::new(0, 3)), 2);
        assert_eq!(Span::new(0, 4).distance(Span::new(2, 6)), 0);
    }
}
