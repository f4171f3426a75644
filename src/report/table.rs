//! `--format table`: the terminal view, one table per file (comfy-table),
//! verdicts coloured when colour is on, and a closing summary line.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, Color, ContentArrangement, Table as Grid};

use super::{Mode, Report, Style, Summary, escape_controls, summary_line_for};
use crate::check::{Colour, Role, Verdict};
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

impl Report for Table {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let doc = &file.doc;
        let shown = |(finding, suppressed): &(&crate::check::Finding, bool)| {
            !self.style.quiet || (!suppressed && finding.verdict.is_problem())
        };
        if self.style.quiet && !file.entries().any(|e| shown(&e)) {
            return Ok(());
        }
        let date = file.date.map_or("no date".to_string(), |d| d.to_string());
        writeln!(
            out,
            "{} ({}, {})",
            escape_controls(&doc.path()),
            file.lang,
            date
        )?;
        if file.findings.is_empty() {
            writeln!(out, "  no claims found")?;
            return Ok(());
        }
        let mut grid = Grid::new();
        grid.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if !self.style.color {
            grid.force_no_tty();
        } else {
            grid.enforce_styling();
        }
        let verify = self.style.mode == Mode::Verify;
        let header: &[&str] = if verify {
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
        };
        grid.set_header(header.iter().copied());
        for (finding, suppressed) in file.entries().filter(|e| shown(e)) {
            let claim = &finding.claim;
            let pos = doc.lines.position(&doc.text, claim.span.start);
            let location = format!("{}:{}", pos.line, pos.column);
            let text = escape_controls(&quote(&doc.text[claim.span.range()])).into_owned();
            let normalized = escape_controls(&describe::claim_in(claim, file.lang)).into_owned();
            if !verify {
                grid.add_row(vec![
                    Cell::new(location),
                    Cell::new(text),
                    Cell::new(claim.kind.name()),
                    Cell::new(normalized),
                    Cell::new(escape_controls(
                        claim.counted.as_deref().unwrap_or_default(),
                    )),
                ]);
                continue;
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
            let mut verdict = Cell::new(if suppressed {
                format!("{} (suppressed)", finding.verdict)
            } else {
                finding.verdict.to_string()
            });
            if self.style.color && !suppressed {
                verdict = verdict.fg(verdict_color(finding.verdict));
            }
            grid.add_row(vec![
                Cell::new(location),
                Cell::new(text),
                Cell::new(normalized),
                Cell::new(fact),
                Cell::new(references),
                verdict,
            ]);
        }
        writeln!(out, "{grid}")?;
        Ok(())
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
