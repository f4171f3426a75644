//! Suppression comments in an article, so an editor can silence a finding
//! they have checked by hand without editing the reference files:
//!
//! ```markdown
//! <!-- factcheck-disable-next-line -->
//! <!-- factcheck-disable-next-line dprk-troops-sent -->
//! Pyongyang sent 12,000 troops. <!-- factcheck-disable-line -->
//! <!-- factcheck-disable -->  …  <!-- factcheck-enable -->
//! <!-- factcheck-disable-file -->
//! ```
//!
//! `disable-next-line` covers the next line that is not blank after the
//! comment ends; `disable-line` the line the comment starts on; `disable`
//! covers everything up to the next `enable` (or the end of the file);
//! `disable-file` the whole file, wherever it stands. Each may name fact
//! ids (space- or comma-separated): then only findings matched to one of
//! those facts are covered. A directive that silences no problem is
//! reported ([`Rules::unused`]), like ruff's unused `noqa`: the figure
//! was fixed, or the id is wrong, and the comment would silence a later
//! mistake. The
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
    /// The directive's line and name, for [`Rules::unused`].
    line: usize,
    name: &'static str,
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
                    line: line_of(start),
                    name: "disable-next-line",
                });
            }
            "disable-line" => {
                let here = line_of(start);
                rules.rules.push(Rule {
                    first: here,
                    last: here,
                    facts,
                    line: here,
                    name: "disable-line",
                });
            }
            "disable-file" => rules.rules.push(Rule {
                first: 1,
                last: usize::MAX,
                facts,
                line: line_of(start),
                name: "disable-file",
            }),
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
                        line: first,
                        name: "disable",
                    });
                }
            }
            _ => rules.warnings.push(format!(
                "{}:{}: unknown directive `{PREFIX}{name}`: use factcheck-disable-next-line, factcheck-disable-line, factcheck-disable-file, factcheck-disable or factcheck-enable",
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
            line: first,
            name: "disable",
        });
    }
    rules
}

impl Rules {
    /// The fact ids the directives name, with the first line each covers,
    /// each id once per directive.
    pub(crate) fn named_facts(&self) -> impl Iterator<Item = (usize, &str)> {
        self.rules
            .iter()
            .flat_map(|r| r.facts.iter().map(move |f| (r.first, f.as_str())))
    }

    /// Whether a finding that starts on `line`, matched to `fact`, is
    /// suppressed.
    pub fn covers(&self, line: usize, fact: Option<&str>) -> bool {
        self.covering(line, fact).next().is_some()
    }

    /// The indices of the directives that cover a finding on `line`
    /// matched to `fact`, for [`Rules::unused`].
    pub(crate) fn covering<'a>(
        &'a self,
        line: usize,
        fact: Option<&'a str>,
    ) -> impl Iterator<Item = usize> + 'a {
        self.rules.iter().enumerate().filter_map(move |(i, rule)| {
            ((rule.first..=rule.last).contains(&line)
                && (rule.facts.is_empty()
                    || fact.is_some_and(|f| rule.facts.iter().any(|r| r == f))))
            .then_some(i)
        })
    }

    /// How many directives there are (indices of [`Rules::covering`]).
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Warnings for the directives `used` (by index) does not mark: they
    /// silenced no problem in the file at `path`.
    pub fn unused(&self, path: &str, used: &[bool]) -> Vec<String> {
        self.rules
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.get(*i).copied().unwrap_or(false))
            .map(|(_, rule)| {
                let facts = if rule.facts.is_empty() {
                    String::new()
                } else {
                    format!(" {}", rule.facts.join(" "))
                };
                format!(
                    "{path}:{}: `{PREFIX}{}{facts}` silences no problem: remove it (the figure may have been fixed, or the fact id may be wrong)",
                    rule.line, rule.name
                )
            })
            .collect()
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

    #[test]
    fn disable_line_covers_its_own_line_and_disable_file_every_line() {
        let r = rules("a\nclaim <!-- factcheck-disable-line -->\nc\n");
        assert!(!r.covers(1, None));
        assert!(r.covers(2, None));
        assert!(!r.covers(3, None));
        let r = rules("a\nb\n<!-- factcheck-disable-file x -->\n");
        assert!(r.covers(1, Some("x")));
        assert!(r.covers(99, Some("x")));
        assert!(!r.covers(1, Some("y")));
    }

    #[test]
    fn unused_directives_are_named_with_their_line() {
        let r = rules(
            "<!-- factcheck-disable-next-line -->\nclaim\n<!-- factcheck-disable-line a -->\n",
        );
        assert_eq!(r.len(), 2);
        let used: Vec<usize> = r.covering(2, None).collect();
        assert_eq!(used, [0]);
        let warnings = r.unused("a.md", &[true, false]);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("a.md:3: `factcheck-disable-line a` silences no problem"),
            "{warnings:?}"
        );
    }
}
