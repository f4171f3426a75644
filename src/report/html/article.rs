//! The article's text as HTML: paragraphs split on blank lines, line breaks
//! kept, every claim that can be highlighted wrapped by the caller's markup.
//!
//! Spans are byte offsets into the text as read; they are sliced with
//! `get`, so a span off a character boundary, outside the body or
//! overlapping an earlier one is left unhighlighted instead of breaking
//! the markup or panicking.

use std::ops::Range;

use super::escape;
use crate::text::span::Span;

/// Which spans can be highlighted: not blank, inside the body (after the
/// front matter), on character boundaries, and not overlapping a span
/// highlighted before them (taken in order of start). Indexed like `spans`.
pub(crate) fn highlightable(text: &str, body_start: usize, spans: &[Span]) -> Vec<bool> {
    let key = |s: &Span| (s.start, s.end);
    // Findings come in text order: the order to read them in is only
    // made (a word a span) when they do not.
    let order: Box<dyn Iterator<Item = usize>> = if spans.is_sorted_by_key(key) {
        Box::new(0..spans.len())
    } else {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| key(&spans[i]));
        Box::new(order.into_iter())
    };
    let mut ok = vec![false; spans.len()];
    let mut taken_until = body_start;
    for i in order {
        let span = spans[i];
        let fits = span.start >= taken_until
            && text
                .get(span.start..span.end)
                .is_some_and(|t| !t.trim().is_empty());
        if fits {
            ok[i] = true;
            taken_until = span.end;
        }
    }
    ok
}

/// The body's paragraphs as byte ranges: runs of non-blank lines, without
/// their final line break. Paragraphs a highlighted span straddles are
/// merged, so a highlight never crosses a `<p>`. Linear in paragraphs and
/// marks; `marks` must not overlap (see [`highlightable`]).
#[cfg(test)]
pub fn paragraphs(text: &str, body_start: usize, marks: &[Span]) -> Vec<Range<usize>> {
    paragraphs_of(text, body_start, marks, |m| *m)
}

/// [`paragraphs`] with the marks' spans read by `span` from whatever holds
/// them; copied only when they are not in order (a figure-dense article
/// has hundreds of thousands).
fn paragraphs_of<T>(
    text: &str,
    body_start: usize,
    marks: &[T],
    span: impl Fn(&T) -> Span,
) -> Vec<Range<usize>> {
    let mut raw: Vec<Range<usize>> = Vec::new();
    let mut offset = body_start;
    let mut current: Option<Range<usize>> = None;
    for line in text.get(body_start..).unwrap_or("").split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            raw.extend(current.take());
            continue;
        }
        let end = start + content.len();
        current = Some(match current {
            Some(range) => range.start..end,
            None => start..end,
        });
    }
    raw.extend(current);

    let in_order = marks.is_sorted_by_key(|m| span(m).start);
    let sorted: Vec<Span> = if in_order {
        Vec::new()
    } else {
        let mut sorted: Vec<Span> = marks.iter().map(&span).collect();
        sorted.sort_by_key(|m| m.start);
        sorted
    };
    let mark = |i: usize| -> Option<Span> {
        if in_order {
            marks.get(i).map(&span)
        } else {
            sorted.get(i).copied()
        }
    };
    let mut merged: Vec<Range<usize>> = Vec::new();
    let mut m = 0;
    for para in raw {
        let Some(last) = merged.last_mut() else {
            merged.push(para);
            continue;
        };
        // The first mark ending after the gap opens; does it reach into it?
        while mark(m).is_some_and(|mark| mark.end <= last.end) {
            m += 1;
        }
        if mark(m).is_some_and(|mark| mark.start < para.start) {
            last.end = para.end;
        } else {
            merged.push(para);
        }
    }
    // Guard the edges: a mark reaching before the first or past the last.
    if let (Some(first), Some(mark)) = (merged.first_mut(), mark(0)) {
        first.start = first.start.min(mark.start);
    }
    let last_mark = marks.len().checked_sub(1).and_then(mark);
    if let (Some(last), Some(mark)) = (merged.last_mut(), last_mark) {
        last.end = last.end.max(mark.end);
    }
    merged
}

/// Appends escaped text with its line breaks as `<br>`.
pub(crate) fn push_text(out: &mut String, text: &str) {
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.push_str(&escape(first.trim_end_matches('\r')));
    }
    for line in lines {
        out.push_str("<br>");
        out.push_str(&escape(line.trim_end_matches('\r')));
    }
}

/// The article's body as `<p>` elements, appended to `out`. `marks` are
/// (span, index) pairs already checked by [`highlightable`], in text
/// order; `wrap` renders the highlight of the finding `index` around its
/// escaped text. Whenever `out` grows past 64 KB it is handed to `flush`
/// (which writes it out and empties it), so a large article is streamed.
pub fn render(
    text: &str,
    body_start: usize,
    marks: &[(Span, usize)],
    wrap: &mut dyn FnMut(usize, &str) -> String,
    out: &mut String,
    flush: &mut dyn FnMut(&mut String) -> std::io::Result<()>,
) -> std::io::Result<()> {
    const FLUSH_AT: usize = 1 << 16;
    let mut next = 0;
    for para in paragraphs_of(text, body_start, marks, |(s, _)| *s) {
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
            push_text(out, before);
            let mut escaped = String::new();
            push_text(&mut escaped, inner);
            out.push_str(&wrap(index, &escaped));
            at = span.end;
            if out.len() >= FLUSH_AT {
                flush(out)?;
            }
        }
        push_text(out, text.get(at..para.end).unwrap_or(""));
        out.push_str("</p>\n");
        if out.len() >= FLUSH_AT {
            flush(out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(
        text: &str,
        body_start: usize,
        marks: &[(Span, usize)],
        wrap: &mut dyn FnMut(usize, &str) -> String,
    ) -> String {
        let mut out = String::new();
        super::render(text, body_start, marks, wrap, &mut out, &mut |_| Ok(())).unwrap();
        out
    }

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
        // 1..3 cuts the two-byte `ù`; 3..9 overlaps 0..8; 15..16 is a space.
        let ok = highlightable(
            text,
            0,
            &spans(&[(1, 3), (0, 8), (3, 9), (9, 30), (10, 10), (15, 16)]),
        );
        assert_eq!(ok, vec![false, true, false, false, false, false]);
    }

    #[test]
    fn a_highlight_across_a_blank_line_merges_its_paragraphs() {
        let text = "a 10\n\n000 b\n\nc";
        let marks = [(Span::new(2, 9), 0)];
        let html = render(text, 0, &marks, &mut |i, t| format!("[{i}:{t}]"));
        assert_eq!(html, "<p>a [0:10<br><br>000] b</p>\n<p>c</p>\n");
    }

    #[test]
    fn a_highlight_starting_in_a_gap_joins_the_next_paragraph() {
        let text = "a\n\n 5 b\n\nc 6";
        let paras = paragraphs(text, 0, &spans(&[(2, 5), (12, 13)]));
        assert_eq!(paras, vec![0..7, 9..13]);
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
