//! The article's text as HTML: paragraphs split on blank lines, line breaks
//! kept, every claim that can be highlighted wrapped by the caller's markup.
//!
//! Spans are byte offsets into the text as read; they are sliced with
//! `get`, so a span off a character boundary, outside the body or
//! overlapping an earlier one is left unhighlighted instead of breaking
//! the markup or panicking.

use std::ops::Range;

use super::escape;
use crate::span::Span;

/// Which spans can be highlighted: non-empty, inside the body (after the
/// front matter), on character boundaries, and not overlapping a span
/// highlighted before them (taken in order of start). Indexed like `spans`.
pub fn highlightable(text: &str, body_start: usize, spans: &[Span]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, spans[i].end));
    let mut ok = vec![false; spans.len()];
    let mut taken_until = body_start;
    for i in order {
        let span = spans[i];
        let fits = span.start < span.end
            && span.start >= taken_until
            && text.get(span.start..span.end).is_some();
        if fits {
            ok[i] = true;
            taken_until = span.end;
        }
    }
    ok
}

/// The body's paragraphs as byte ranges: runs of non-blank lines, without
/// their final line break. Paragraphs a highlighted span straddles are
/// merged, so a highlight never crosses a `<p>`.
pub fn paragraphs(text: &str, body_start: usize, marks: &[Span]) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut offset = body_start;
    let mut current: Option<Range<usize>> = None;
    for line in text.get(body_start..).unwrap_or("").split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            found.extend(current.take());
            continue;
        }
        let end = start + content.len();
        current = Some(match current {
            Some(range) => range.start..end,
            None => start..end,
        });
    }
    found.extend(current);
    for mark in marks {
        let (over, mut rest): (Vec<_>, Vec<_>) = found
            .into_iter()
            .partition(|p| p.start < mark.end && mark.start < p.end);
        let start = over.iter().map(|p| p.start).fold(mark.start, usize::min);
        let end = over.iter().map(|p| p.end).fold(mark.end, usize::max);
        rest.push(start..end);
        rest.sort_by_key(|p| p.start);
        found = rest;
    }
    found
}

/// Appends escaped text with its line breaks as `<br>`.
pub fn push_text(out: &mut String, text: &str) {
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.push_str(&escape(first.trim_end_matches('\r')));
    }
    for line in lines {
        out.push_str("<br>");
        out.push_str(&escape(line.trim_end_matches('\r')));
    }
}

/// The article's body as `<p>` elements. `marks` are (span, index) pairs
/// already checked by [`highlightable`], in text order; `wrap` renders the
/// highlight of the finding `index` around its escaped text.
pub fn render(
    text: &str,
    body_start: usize,
    marks: &[(Span, usize)],
    wrap: &mut dyn FnMut(usize, &str) -> String,
) -> String {
    let spans: Vec<Span> = marks.iter().map(|(s, _)| *s).collect();
    let mut out = String::new();
    let mut next = 0;
    for para in paragraphs(text, body_start, &spans) {
        out.push_str("<p>");
        let mut at = para.start;
        while let Some((span, index)) = marks.get(next).copied() {
            if span.end > para.end {
                break;
            }
            next += 1;
            let (Some(before), Some(inner)) = (text.get(at..span.start), text.get(span.range()))
            else {
                continue;
            };
            push_text(&mut out, before);
            let mut escaped = String::new();
            push_text(&mut escaped, inner);
            out.push_str(&wrap(index, &escaped));
            at = span.end;
        }
        push_text(&mut out, text.get(at..para.end).unwrap_or(""));
        out.push_str("</p>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(list: &[(usize, usize)]) -> Vec<Span> {
        list.iter().map(|&(a, b)| Span::new(a, b)).collect()
    }

    #[test]
    fn blank_lines_split_paragraphs_and_line_breaks_stay() {
        let text = "one\ntwo\n\n  \nthree\r\n";
        let paras = paragraphs(text, 0, &[]);
        assert_eq!(paras, vec![0..7, 12..17]);
        let html = render(text, 0, &[], &mut |_, t| t.to_string());
        assert_eq!(html, "<p>one<br>two</p>\n<p>three</p>\n");
    }

    #[test]
    fn front_matter_is_left_out() {
        let text = "---\ndate: 2025-01-01\n---\nBody 12.\n";
        let html = render(text, 24, &[], &mut |_, t| t.to_string());
        assert_eq!(html, "<p>Body 12.</p>\n");
    }

    #[test]
    fn overlapping_and_off_boundary_spans_are_not_highlighted() {
        let text = "più di 10 mila soldati";
        // 1..2 cuts the two-byte `ù`; 3..9 overlaps 0..8.
        let ok = highlightable(
            text,
            0,
            &spans(&[(1, 3), (0, 8), (3, 9), (9, 30), (10, 10)]),
        );
        assert_eq!(ok, vec![false, true, false, false, false]);
    }

    #[test]
    fn a_highlight_across_a_blank_line_merges_its_paragraphs() {
        let text = "a 10\n\n000 b\n\nc";
        let marks = [(Span::new(2, 9), 0)];
        let html = render(text, 0, &marks, &mut |i, t| format!("[{i}:{t}]"));
        assert_eq!(html, "<p>a [0:10<br><br>000] b</p>\n<p>c</p>\n");
    }

    #[test]
    fn text_around_highlights_is_escaped() {
        let text = "<b>5</b> & 6 <i>";
        let marks = [(Span::new(3, 4), 0), (Span::new(11, 12), 1)];
        let html = render(text, 0, &marks, &mut |i, t| format!("[{i}:{t}]"));
        assert_eq!(
            html,
            "<p>&lt;b&gt;[0:5]&lt;/b&gt; &amp; [1:6] &lt;i&gt;</p>\n"
        );
    }
}
