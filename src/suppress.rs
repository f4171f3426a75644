//! Suppression comments in an article, so an editor can silence a finding
//! they have checked by hand without editing the reference files:
//!
//! ```markdown
//! <!-- factcheck-disable-next-line -->
//! <!-- factcheck-disable-next-line dprk-troops-sent -->
//! <!-- factcheck-disable -->  …  <!-- factcheck-enable -->
//! ```
//!
//! `disable-next-line` covers the next line that is not blank after the
//! comment ends; `disable` covers everything up to the next `enable` (or the
//! end of the file). Either may name fact ids (space- or comma-separated):
//! then only findings matched to one of those facts are covered. The
//! document blanks HTML comments out of the scan text, so the comments are
//! read from the original text.

use crate::document::Document;

/// The comments of one article, by line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    rules: Vec<Rule>,
    /// Comments that look like directives but are not, for stderr.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    /// First and last covered line, 1-based, inclusive.
    first: usize,
    last: usize,
    /// Empty: every finding; else only findings of these facts.
    facts: Vec<String>,
}

const PREFIX: &str = "factcheck-";

/// Reads the suppression comments of `doc`.
pub fn parse(doc: &Document) -> Rules {
    let text = &doc.text;
    let line_of = |offset: usize| doc.lines.position(text, offset).line;
    let last_line = doc.lines.line_count();
    let mut rules = Rules::default();
    // Open `disable` ranges: (first line, facts).
    let mut open: Vec<(usize, Vec<String>)> = Vec::new();
    let mut from = 0;
    while let Some(start) =
        memchr::memmem::find(&text.as_bytes()[from..], b"<!--").map(|i| from + i)
    {
        let body_start = start + 4;
        let Some(end) = text[body_start..].find("-->").map(|i| body_start + i) else {
            break;
        };
        from = end + 3;
        // Only comments in prose count: one shown in a code span, a code
        // block or the front matter is an example, not a directive.
        if doc.in_code(start) {
            continue;
        }
        let body = text[body_start..end].trim();
        let Some(directive) = body.strip_prefix(PREFIX) else {
            continue;
        };
        let mut words = directive.split(|c: char| c.is_whitespace() || c == ',');
        let name = words.next().unwrap_or_default();
        let facts: Vec<String> = words.filter(|w| !w.is_empty()).map(String::from).collect();
        match name {
            "disable-next-line" => {
                let after = line_of(end) + 1;
                let target = (after..=last_line)
                    .find(|&line| {
                        doc.lines
                            .line_span(text, line)
                            .is_some_and(|span| !text[span.range()].trim().is_empty())
                    })
                    .unwrap_or(after);
                rules.rules.push(Rule {
                    first: target,
                    last: target,
                    facts,
                });
            }
            "disable" => open.push((line_of(end), facts)),
            "enable" => {
                let here = line_of(start);
                if open.is_empty() {
                    rules.warnings.push(format!(
                        "{}:{here}: `factcheck-enable` without a `factcheck-disable` before it",
                        doc.path()
                    ));
                }
                for (first, facts) in open.drain(..) {
                    rules.rules.push(Rule {
                        first,
                        last: here,
                        facts,
                    });
                }
            }
            _ => rules.warnings.push(format!(
                "{}:{}: unknown directive `{PREFIX}{name}`: use factcheck-disable-next-line, factcheck-disable or factcheck-enable",
                doc.path(),
                line_of(start)
            )),
        }
    }
    for (first, facts) in open {
        rules.rules.push(Rule {
            first,
            last: usize::MAX,
            facts,
        });
    }
    rules
}

impl Rules {
    /// The fact ids the directives name, with the first line each covers,
    /// each id once per directive.
    pub fn named_facts(&self) -> impl Iterator<Item = (usize, &str)> {
        self.rules
            .iter()
            .flat_map(|r| r.facts.iter().map(move |f| (r.first, f.as_str())))
    }

    /// Whether a finding that starts on `line`, matched to `fact`, is
    /// suppressed.
    pub fn covers(&self, line: usize, fact: Option<&str>) -> bool {
        self.rules.iter().any(|rule| {
            (rule.first..=rule.last).contains(&line)
                && (rule.facts.is_empty()
                    || fact.is_some_and(|f| rule.facts.iter().any(|r| r == f)))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Origin;

    fn rules(text: &str) -> Rules {
        let doc = Document::parse(
            Origin::File("a.md".into()),
            text.to_string(),
            true,
            Vec::new(),
        );
        parse(&doc)
    }

    #[test]
    fn next_line_covers_the_next_non_blank_line_only() {
        let r = rules("intro\n<!-- factcheck-disable-next-line -->\n\nclaim 1\nclaim 2\n");
        assert!(!r.covers(1, None));
        assert!(r.covers(4, None));
        assert!(r.covers(4, Some("any")));
        assert!(!r.covers(5, None));
    }

    #[test]
    fn next_line_with_an_id_covers_that_fact_only() {
        let r = rules("<!-- factcheck-disable-next-line dprk-troops-sent -->\nclaim\n");
        assert!(r.covers(2, Some("dprk-troops-sent")));
        assert!(!r.covers(2, Some("other")));
        assert!(!r.covers(2, None));
    }

    #[test]
    fn disable_runs_until_enable_or_the_end() {
        let r = rules(
            "a\n<!-- factcheck-disable -->\nb\nc\n<!-- factcheck-enable -->\nd\n<!--factcheck-disable x, y-->\ne\n",
        );
        assert!(!r.covers(1, None));
        assert!(r.covers(3, None));
        assert!(r.covers(4, Some("f")));
        assert!(!r.covers(6, None));
        assert!(r.covers(8, Some("y")));
        assert!(!r.covers(8, Some("z")));
    }

    #[test]
    fn other_comments_are_ignored_and_typos_warned() {
        let r = rules("<!-- a comment -->\n<!-- factcheck-disable-nextline -->\nx\n<!-- unclosed");
        assert!(r.is_empty());
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].contains("a.md:2"), "{:?}", r.warnings);
    }
}
