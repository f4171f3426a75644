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

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Bytes between the two spans, 0 when they touch or overlap.
    pub fn distance(self, other: Span) -> usize {
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

/// Line starts of a text, built once per document, with column
/// checkpoints inside long lines so that a column is never counted from far
/// away (a 100 MB article on one line stays linear).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, characters since its line's start), every
    /// [`CHECKPOINT`] bytes or so, only inside lines longer than that.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between column checkpoints.
const CHECKPOINT: usize = 4096;

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = Vec::new();
        let ends = starts
            .iter()
            .skip(1)
            .copied()
            .chain(std::iter::once(text.len()));
        for (start, end) in starts.iter().copied().zip(ends) {
            if end - start <= CHECKPOINT {
                continue;
            }
            let (mut at, mut chars) = (start, 0);
            while at + CHECKPOINT < end {
                let mut next = at + CHECKPOINT;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                chars += text[at..next].chars().count();
                checkpoints.push((next, chars));
                at = next;
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Line and column of a byte offset; a `\r` before `\n` belongs to the
    /// line it ends, so CRLF files count like LF files.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let mut start = self.starts[line];
        let mut before = 0;
        let k = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        if let Some(&(at, chars)) = k.checked_sub(1).and_then(|k| self.checkpoints.get(k))
            && at > start
        {
            (start, before) = (at, chars);
        }
        let column = before
            + text
                .get(start..offset)
                .map_or(offset - start, |s| s.chars().count());
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Byte span of a 1-based line, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(Span::new(start, end.max(start)))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
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
    fn crlf_lines_count_like_lf() {
        let text = "a\r\nb 12";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5), Position { line: 2, column: 3 });
        assert_eq!(index.line_span(text, 1), Some(Span::new(0, 1)));
    }

    #[test]
    fn columns_stay_right_far_into_a_long_line() {
        let text = format!("x\n{}{}é 42", "à".repeat(5000), "b".repeat(7000));
        let index = LineIndex::new(&text);
        let offset = text.find("42").unwrap();
        assert_eq!(
            index.position(&text, offset),
            Position {
                line: 2,
                column: 12003
            }
        );
        assert_eq!(index.position(&text, 2), Position { line: 2, column: 1 });
    }

    #[test]
    fn distance_between_spans() {
        assert_eq!(Span::new(0, 3).distance(Span::new(5, 6)), 2);
        assert_eq!(Span::new(5, 6).distance(Span::new(0, 3)), 2);
        assert_eq!(Span::new(0, 4).distance(Span::new(2, 6)), 0);
    }
}
