//! `--format table`: the terminal view, one table per file (comfy-table),
//! verdicts coloured when colour is on, and a closing summary line.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table as Grid, Width};

use super::{Mode, Report, Style, Summary, escape_controls, summary_line_for};
use crate::check::{Colour, Finding, Role, Verdict};
use crate::claim::Value;
use crate::describe;
use crate::pipeline::FileResult;
use crate::refs::Figure;

/// Why a date fact shows "?" against an unresolved relative date.
const UNKNOWN_NOTE: &str = "\n? relative date, no publication date";

pub struct Table {
    style: Style,
}

impl Table {
    pub fn new(style: Style) -> Table {
        Table { style }
    }
}

/// The verdict's colour ([`crate::check::Look::colour`]) in the terminal.
pub(crate) fn verdict_color(verdict: Verdict) -> Color {
    match verdict.look().colour {
        Colour::Green => Color::Green,
        Colour::DarkGrey => Color::DarkGrey,
        Colour::Cyan => Color::Cyan,
        Colour::Yellow => Color::Yellow,
        Colour::Magenta => Color::Magenta,
        Colour::Red => Color::Red,
    }
}

/// Shortens a quote for a table cell, on a character boundary.
fn quote(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 48 {
        return flat;
    }
    let cut: String = flat.chars().take(47).collect();
    format!("{cut}…")
}

/// Rows a table is built with at a time. A longer table is written a
/// chunk of rows at a time, all chunks with the columns' widths of the
/// whole (found in a first pass): a figure-dense article has hundreds of
/// thousands of rows, and comfy-table holds every cell's text and its
/// lines (about 1.4 KB a row), while a chunk's grid is dropped once it
/// is written.
const CHUNK_ROWS: usize = 1024;

/// Lines of a table's grid before its first row: the top border, the
/// header and the line under it (the header's words are never wrapped:
/// each column is at least as wide as its header).
const HEAD_LINES: usize = 3;

impl Table {
    /// An empty grid in the report's style, with the header.
    fn grid(&self, header: &[&str]) -> Grid {
        let mut grid = Grid::new();
        grid.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if !self.style.color {
            grid.force_no_tty();
        } else {
            grid.enforce_styling();
        }
        grid.set_header(header.iter().copied());
        grid
    }

    /// Writes the rows as one table, building its grid a chunk of rows at
    /// a time: a first pass finds each column's width (the widest cell,
    /// the header's included, as comfy-table does when it has no terminal
    /// width to fit), a second renders each chunk with those widths fixed
    /// and writes its rows, the borders and header only once. The bytes
    /// are those of one grid of all the rows.
    fn write_in_chunks<I: Iterator<Item = Vec<Cell>>>(
        &self,
        out: &mut dyn Write,
        header: &[&str],
        rows: impl Fn() -> I,
        chunk: usize,
    ) -> io::Result<()> {
        let mut widths = vec![0u16; header.len()];
        let mut all = rows().peekable();
        while all.peek().is_some() {
            let mut grid = self.grid(header);
            grid.add_rows(all.by_ref().take(chunk));
            for (width, max) in widths.iter_mut().zip(grid.column_max_content_widths()) {
                *width = (*width).max(max);
            }
        }
        let mut all = rows().peekable();
        let mut first = true;
        while all.peek().is_some() {
            let mut grid = self.grid(header);
            grid.add_rows(all.by_ref().take(chunk));
            for (column, &width) in grid.column_iter_mut().zip(&widths) {
                // The content's width plus the padding on either side.
                let padded = width.saturating_add(column.padding_width());
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(padded)));
            }
            let last = all.peek().is_none();
            let lines: Vec<String> = grid.lines().collect();
            let from = if first { 0 } else { HEAD_LINES };
            let to = if last { lines.len() } else { lines.len() - 1 };
            for line in &lines[from.min(to)..to] {
                writeln!(out, "{line}")?;
            }
            first = false;
        }
        Ok(())
    }

    /// A finding's row.
    fn row(&self, file: &FileResult, finding: &Finding, suppressed: bool) -> Vec<Cell> {
        let doc = &file.doc;
        let verify = self.style.mode == Mode::Verify;
        let claim = &finding.claim;
        let pos = doc.lines.position(&doc.text, claim.span.start);
        let location = format!("{}:{}", pos.line, pos.column);
        let text = escape_controls(&quote(&doc.text[claim.span.range()])).into_owned();
        let normalized = escape_controls(&describe::claim_in(claim, file.lang)).into_owned();
        if !verify {
            return vec![
                Cell::new(location),
                Cell::new(text),
                Cell::new(claim.kind.name()),
                Cell::new(normalized),
                Cell::new(escape_controls(claim.counted().unwrap_or_default())),
            ];
        }
        let fact = finding
            .fact()
            .map_or(String::new(), |(id, _)| escape_controls(id).into_owned());
        // A relative date with no publication date cannot be compared:
        // its facts' dates are "?", not "✗" (which reads as a
        // contradiction), and a line says why.
        let unresolved = matches!(finding.claim.value, Value::Date(None) | Value::Time(None));
        let mut unknown = false;
        let mut references = finding
            .evidence()
            .iter()
            .map(|e| {
                let date = e.as_of.map(|d| format!(" ({d})")).unwrap_or_default();
                let mark = match e.role {
                    Role::Later => " later".to_string(),
                    _ if e.agrees => " ✓".to_string(),
                    _ if unresolved && matches!(e.figure, Figure::Date(_)) => {
                        unknown = true;
                        " ?".to_string()
                    }
                    _ => " ✗".to_string(),
                };
                let replaced = if e.role == Role::Replaced {
                    " replaced"
                } else {
                    ""
                };
                let line = format!(
                    "{} {}{date}{mark}{replaced}",
                    e.short,
                    e.figure.describe(file.lang)
                );
                escape_controls(&line).into_owned()
            })
            .collect::<Vec<_>>()
            .join("\n");
        if unknown {
            references.push_str(UNKNOWN_NOTE);
        }
        // An uncertain link names its candidates instead of judging.
        for c in finding.candidates() {
            if !references.is_empty() {
                references.push('\n');
            }
            let say = |english| file.lang.data().say(english);
            let line = if c.figures.is_empty() {
                format!("{}{}", say("possibly: "), c.id)
            } else {
                let figures = c.figures.replace(" [named]", say(" [named]"));
                format!("{}{}, {figures}", say("possibly: "), c.id)
            };
            references.push_str(&escape_controls(&line));
        }
        // `--explain`: the words that tied the claim to its fact.
        let explanation = finding.explanation_in(file.lang);
        if let Some(at) = explanation.rfind(file.lang.data().say(" [tied by: ")) {
            if !references.is_empty() {
                references.push('\n');
            }
            let tied = explanation[at + 1..].trim_matches(|c| c == '[' || c == ']');
            references.push_str(&escape_controls(tied));
        }
        // The reader's word first, the verdict's own name after it.
        let said = super::verdict_in(finding.verdict, file.lang);
        let mut verdict = Cell::new(if suppressed {
            format!("{said} ({})", file.lang.data().say("suppressed"))
        } else {
            said
        });
        if self.style.color && !suppressed {
            verdict = verdict.fg(verdict_color(finding.verdict));
        }
        vec![
            Cell::new(location),
            Cell::new(text),
            Cell::new(normalized),
            Cell::new(fact),
            Cell::new(references),
            verdict,
        ]
    }
}

/// The table's column headers in English, for `mode`.
fn header_words(mode: Mode) -> &'static [&'static str] {
    if mode == Mode::Verify {
        &[
            "location",
            "claim",
            "normalized",
            "fact",
            "references",
            "verdict",
        ]
    } else {
        &["location", "claim", "kind", "normalized", "counts"]
    }
}

impl Report for Table {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let doc = &file.doc;
        let shown = |(finding, suppressed): &(&Finding, bool)| {
            !self.style.quiet || (!suppressed && finding.verdict.is_problem())
        };
        if self.style.quiet && !file.entries().any(|e| shown(&e)) {
            return Ok(());
        }
        // The article's language names the table's words (English when it
        // has no row for them): each article has a table of its own.
        let say = |english| file.lang.data().say(english);
        let date = file
            .date
            .map_or(say("no date").to_string(), |d| d.to_string());
        writeln!(
            out,
            "{} ({}, {})",
            escape_controls(&doc.path()),
            file.lang,
            date
        )?;
        if file.findings.is_empty() {
            writeln!(out, "  {}", say("no claims found"))?;
            return Ok(());
        }
        let header: Vec<&str> = header_words(self.style.mode)
            .iter()
            .map(|w| say(w))
            .collect();
        let header = header.as_slice();
        let this = &*self;
        let shown = &shown;
        let rows = || {
            file.entries()
                .filter(move |e| shown(e))
                .map(move |(finding, suppressed)| this.row(file, finding, suppressed))
        };
        let mut first = self.grid(header);
        let mut all = rows();
        first.add_rows(all.by_ref().take(CHUNK_ROWS));
        if first.width().is_some() {
            // Wrapped to the terminal's width: the columns' widths depend
            // on every row, so the table is held whole.
            first.add_rows(all);
            return writeln!(out, "{first}");
        }
        if first.row_count() < CHUNK_ROWS {
            return writeln!(out, "{first}");
        }
        drop(first);
        drop(all);
        self.write_in_chunks(out, header, rows, CHUNK_ROWS)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", summary_line_for(summary, self.style.mode))?;
        if let Some(config) = &summary.config {
            writeln!(out, "config: {}", escape_controls(config))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Origin};
    use crate::pipeline::{Settings, analyze};

    fn table(text: &str) -> String {
        let index = crate::refs::load_paths(&["claims".into()]).unwrap();
        let doc = Document::parse(Origin::Stdin, text.to_string(), true, Vec::new());
        let settings = Settings {
            lang: None,
            date: None,
            max_size: u64::MAX,
            explain: false,
        };
        let result = analyze(doc, &settings, Some(&index));
        let style = Style {
            mode: Mode::Verify,
            color: false,
            quiet: false,
            fail_on: None,
        };
        let mut out = Vec::new();
        Table::new(style).file(&mut out, &result).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_written_in_chunks_is_the_whole_table() {
        let index = crate::refs::load_paths(&["claims".into()]).unwrap();
        let text = std::fs::read_to_string("examples/kursk-it.md").unwrap();
        let doc = Document::parse(Origin::Stdin, text, true, Vec::new());
        let settings = Settings {
            lang: None,
            date: None,
            max_size: u64::MAX,
            explain: true,
        };
        let result = analyze(doc, &settings, Some(&index));
        assert!(result.findings.len() > 5);
        for mode in [Mode::Verify, Mode::Extract] {
            let style = Style {
                mode,
                color: false,
                quiet: false,
                fail_on: None,
            };
            let table = Table::new(style);
            let header = header_words(mode);
            let rows = || {
                result
                    .entries()
                    .map(|(finding, suppressed)| table.row(&result, finding, suppressed))
            };
            let mut whole = table.grid(header);
            whole.add_rows(rows());
            let whole = format!("{whole}\n");
            for chunk in [1, 3, 7, result.findings.len()] {
                let mut out = Vec::new();
                table
                    .write_in_chunks(&mut out, header, rows, chunk)
                    .unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), whole, "chunks of {chunk}");
            }
        }
    }

    #[test]
    fn each_article_s_table_has_its_headers_in_its_language() {
        let want = [
            (
                "en",
                "Pyongyang sent 11,000 troops.",
                ["location", "claim", "normalized", "references", "verdict"],
            ),
            (
                "it",
                "Pyongyang ha inviato 11.000 soldati.",
                [
                    "posizione",
                    "dato",
                    "normalizzato",
                    "riferimenti",
                    "verdetto",
                ],
            ),
            (
                "de",
                "Pyongyang schickte 11.000 Soldaten.",
                ["Stelle", "Angabe", "normalisiert", "Belege", "Urteil"],
            ),
            (
                "fr",
                "Pyongyang a envoyé 11 000 soldats.",
                ["position", "donnée", "normalisé", "références", "verdict"],
            ),
            (
                "es",
                "Pyongyang envió 11.000 soldados.",
                [
                    "posición",
                    "dato",
                    "normalizado",
                    "referencias",
                    "veredicto",
                ],
            ),
        ];
        for (lang, sentence, headers) in want {
            let shown = table(&format!("---\nlang: {lang}\n---\n{sentence}\n"));
            let header = shown.lines().nth(2).unwrap_or_default();
            for word in headers {
                assert!(header.contains(word), "{lang}: no {word:?} in {header:?}");
            }
            // Without a date, the article's words say so.
            if lang == "de" {
                assert!(shown.contains("(de, ohne Datum)"), "{shown}");
            }
        }
        let none = table("---\nlang: es\n---\nNada que contar.\n");
        assert!(none.contains("no se encontró ningún dato"), "{none}");
    }

    #[test]
    fn a_date_fact_against_an_unresolved_date_is_a_question_not_a_cross() {
        let shown = table("---\nlang: en\n---\nThe Kursk incursion began last August.\n");
        assert!(shown.contains("2024-08-06 ?"), "{shown}");
        assert!(!shown.contains('✗'), "{shown}");
        assert!(
            shown.contains("? relative date, no publication date"),
            "{shown}"
        );
        // With a date it is judged, and a wrong one is a cross.
        let judged =
            table("---\nlang: en\ndate: 2025-08-15\n---\nThe Kursk incursion began last June.\n");
        assert!(judged.contains('✗'), "{judged}");
    }
}
