//! Reading one reference file: the YAML tree of `yaml.rs`, validated by
//! hand against the format of DESIGN.md, so that one run reports every
//! problem of every file, each at the node it is about (serde stops at the
//! first). The parts: [`super::schema`] (the keys each mapping takes and
//! the checks of scalars), [`super::facts`] (a fact and its values),
//! [`super::files`] (paths, sizes, encodings), and here the file as a
//! whole: its header (`topic`, `sources`) and its list of facts.
//!
//! Besides the shape (known keys, required keys, types) it checks what a
//! schema cannot: duplicate ids across files, unknown source keys, dates,
//! ranges, kinds against values, and the Italian trap — YAML reads
//! `value: 10.000` as ten, so a figure written with thousands separators
//! is refused, looking at the raw text where the value stands.
//!
//! When `facts:` is the file's last top-level key, as usual, each fact is
//! validated as soon as the parser has read it and its nodes are dropped
//! (`yaml::parse_streaming`): memory holds the facts, not the whole tree.
//! Either way each fact goes through the one [`Loader::fact`].

use rustc_hash::FxHashMap as HashMap;

use super::files::Checked;
use super::schema::{FILE_KEYS, SOURCE_KEYS};
use super::{Fact, FactIndex, Source, Term};
use crate::error::{Location, Problem, Severity};
use crate::yaml::{self, NodeId, Tree, Value};

#[derive(Default)]
pub(super) struct Loader {
    pub(super) facts: Vec<Fact>,
    pub(super) sources: Vec<Source>,
    /// Fact id → where it was first defined.
    pub(super) ids: HashMap<String, (String, Location)>,
    /// Sources written out by name (no key) → index in `sources`.
    pub(super) named_sources: HashMap<String, usize>,
    pub(super) problems: Vec<Problem>,
}

/// One file being read: its text, tree and path.
pub(super) struct File<'f, 'a> {
    pub(super) path: &'f str,
    pub(super) text: &'a str,
    pub(super) tree: &'f Tree<'a>,
}

/// What a file's facts need from the rest of it, read once.
#[derive(Default)]
pub(super) struct Header {
    pub(super) topic: Option<String>,
    pub(super) keys: HashMap<String, usize>,
}

/// Whether a file's facts can be validated one by one as they are parsed:
/// `facts:` is the last top-level key (written at column 0, as usual), so
/// `topic` and `sources` are complete before the first fact. Any other
/// layout is validated once the whole tree is built.
fn streamable(text: &str) -> bool {
    let mut after_facts = false;
    for line in text.lines() {
        if after_facts {
            match line.as_bytes().first() {
                None | Some(b' ' | b'\t' | b'\r' | b'-' | b'#') => {}
                Some(_) => return false,
            }
        } else if line.starts_with("facts:") {
            after_facts = true;
        }
    }
    after_facts
}

impl File<'_, '_> {
    pub(super) fn at(&self, id: NodeId) -> Location {
        self.tree.node(id).at
    }

    pub(super) fn raw(&self, id: NodeId) -> &str {
        let node = self.tree.node(id);
        self.text.get(node.start..node.end).unwrap_or("")
    }
}

impl Loader {
    pub(super) fn error(&mut self, path: &str, location: Option<Location>, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            location,
            severity: Severity::Error,
            message,
        });
    }

    pub(super) fn finish(mut self, files: usize) -> Checked {
        // Each file's problems in the order of its lines; files in order.
        let mut order: HashMap<String, usize> = HashMap::default();
        for p in &self.problems {
            let next = order.len();
            order.entry(p.path.clone()).or_insert(next);
        }
        self.problems.sort_by_cached_key(|p| {
            (
                order.get(&p.path).copied(),
                p.location.map(|l| (l.line, l.column)),
            )
        });
        Checked {
            index: FactIndex::new(self.facts, self.sources),
            problems: self.problems,
            files,
        }
    }

    pub(super) fn add(&mut self, path: &str, text: &str) {
        // Facts validated while parsing, and what they needed.
        let stream = streamable(text);
        let mut header: Option<Header> = None;
        let mut streamed = 0;
        let parsed = yaml::parse_streaming(text, |tree, top, item| {
            let file = File { path, text, tree };
            let key = |i: usize| top.get(i).and_then(|&k| file.tree.node(k).scalar());
            // Only items of the first `facts:` key.
            let last = top.len() - 1;
            if !stream || key(last) != Some("facts") {
                return false;
            }
            if (0..last).step_by(2).any(|i| key(i) == Some("facts")) {
                return false;
            }
            let header = header.get_or_insert_with(|| self.header(&file, top));
            if let Some(fact) = self.fact(&file, item, streamed, &header.keys, header.topic.clone())
            {
                self.facts.push(fact);
            }
            streamed += 1;
            true
        });
        let tree = match parsed {
            Ok(tree) => tree,
            Err(e) => {
                self.error(path, e.at, e.message);
                return;
            }
        };
        let Some(root) = tree.root else {
            self.error(
                path,
                None,
                "empty file: a reference file needs `facts:`".to_string(),
            );
            return;
        };
        let file = File {
            path,
            text,
            tree: &tree,
        };
        // A mapping without any key of the format is some other file (a
        // link gone wrong, a secret): say so without quoting a line of it.
        if let Value::Map(pairs) = &file.tree.node(root).value
            && !pairs.iter().any(|&(k, _)| {
                file.tree
                    .node(k)
                    .scalar()
                    .is_some_and(|key| FILE_KEYS.contains(&key))
            })
        {
            self.error(
                path,
                None,
                "not a reference file: no `facts:`, `topic:` or `sources:` at the top level"
                    .to_string(),
            );
            return;
        }
        let Some(fields) = self.fields(&file, root, "the file", FILE_KEYS) else {
            return;
        };
        let header = match header {
            Some(header) => header,
            None => {
                let top: Vec<NodeId> = match &file.tree.node(root).value {
                    Value::Map(pairs) => pairs.iter().flat_map(|&(k, v)| [k, v]).collect(),
                    _ => Vec::new(),
                };
                self.header(&file, &top)
            }
        };
        let Some(&(_, facts)) = fields.get("facts") else {
            self.error(
                path,
                Some(file.at(root)),
                "missing `facts:` (a list of facts)".to_string(),
            );
            return;
        };
        let Some(items) = self.list(&file, facts, "`facts`") else {
            return;
        };
        for (n, item) in items.into_iter().enumerate() {
            let fact = self.fact(
                &file,
                item,
                streamed + n,
                &header.keys,
                header.topic.clone(),
            );
            if let Some(fact) = fact {
                self.facts.push(fact);
            }
        }
    }

    /// `topic` and `sources` from the top-level entries (keys and values
    /// alternating); the first of each, as [`Loader::fields`] keeps it.
    pub(super) fn header(&mut self, file: &File, top: &[NodeId]) -> Header {
        let mut header = Header::default();
        let (mut topic, mut sources) = (false, false);
        for pair in top.chunks_exact(2) {
            match file.tree.node(pair[0]).scalar() {
                Some("topic") if !topic => {
                    topic = true;
                    header.topic = self.text(file, pair[1], "`topic`");
                }
                Some("sources") if !sources => {
                    sources = true;
                    header.keys = self.sources(file, pair[1]);
                }
                _ => {}
            }
        }
        header
    }

    pub(super) fn sources(&mut self, file: &File, id: NodeId) -> HashMap<String, usize> {
        let mut keys = HashMap::default();
        let Some(fields) = self.fields(file, id, "`sources`", &[]) else {
            return keys;
        };
        for &(key, (_, v)) in &fields.entries {
            let what = format!("source `{key}`");
            let Some(fields) = self.fields(file, v, &what, SOURCE_KEYS) else {
                continue;
            };
            let Some(name) = (match fields.get("name") {
                Some(&(_, n)) => self.text(file, n, "`name`"),
                None => {
                    self.error(file.path, Some(file.at(v)), format!("{what} needs `name:`"));
                    None
                }
            }) else {
                continue;
            };
            let url = fields
                .get("url")
                .and_then(|&(_, u)| self.text(file, u, "`url`"));
            let mut aliases = Vec::new();
            if let Some(&(_, a)) = fields.get("aliases") {
                for item in self.list(file, a, "`aliases`").unwrap_or_default() {
                    if let Some(alias) = self.text(file, item, "an alias") {
                        if Term::parse(&alias).is_none() {
                            self.error(
                                file.path,
                                Some(file.at(item)),
                                format!("alias `{alias}` holds no word"),
                            );
                        }
                        aliases.push(alias);
                    }
                }
            }
            keys.insert(key.to_string(), self.sources.len());
            self.sources.push(Source {
                key: Some(key.to_string()),
                name,
                url,
                aliases,
            });
        }
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Kind;
    use crate::refs::{Figure, RefValue, Tolerance, check_str, parse_str};

    const GOOD: &str = "\
topic: test
sources:
  nis:
    name: National Intelligence Service
    aliases: [NIS]
facts:
  - id: troops
    about: troops sent
    kind: count
    match:
      - [nordcorean*, north korean*]
      - [soldat*, troops]
    tolerance: 5%
    values:
      - value: 11000
        source: nis
        as_of: 2024-11-13
      - range: [11000, 12000]
        source: Ukraine's military intelligence
        as_of: 2024-12
";

    fn errors(text: &str) -> Vec<String> {
        check_str("t.yaml", text)
            .problems
            .iter()
            .map(Problem::to_string)
            .collect()
    }

    fn one_error(text: &str) -> String {
        let errors = errors(text);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        errors[0].clone()
    }

    #[test]
    fn loads_the_design_format() {
        let index = parse_str("t.yaml", GOOD).unwrap();
        assert_eq!(index.facts.len(), 1);
        let fact = &index.facts[0];
        assert_eq!(fact.kind, Kind::Count);
        assert_eq!(fact.groups.len(), 2);
        assert_eq!(fact.tolerance, Some(Tolerance::Relative(0.05)));
        assert_eq!(fact.values[1].figure, Figure::Range(11000.0, 12000.0));
        assert_eq!(fact.values[1].as_of, Some(jiff::civil::date(2024, 12, 31)));
        assert_eq!(fact.at, Location { line: 7, column: 9 });
        assert_eq!(
            index.sources[fact.values[1].source].name,
            "Ukraine's military intelligence"
        );
    }

    #[test]
    fn unknown_keys_name_line_and_column_every_one() {
        let text = GOOD
            .replace("about: troops sent", "abut: troops sent")
            .replace("as_of: 2024-12\n", "asof: 2024-12\n");
        let errors = errors(&text);
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].starts_with("t.yaml:8:5: error: facts[0]: unknown field `abut`"),
            "{errors:#?}"
        );
        assert!(
            errors[1].starts_with("t.yaml:20:9: error: a value of `troops`: unknown field `asof`"),
            "{errors:#?}"
        );
    }

    #[test]
    fn reversed_range_is_an_error_at_its_value() {
        let text = GOOD.replace("[11000, 12000]", "[12000, 11000]");
        assert_eq!(
            one_error(&text),
            "t.yaml:18:16: error: fact `troops`: range [12000, 11000] has low > high; write [11000, 12000]"
        );
    }

    #[test]
    fn unknown_source_key_is_an_error_at_the_key() {
        let text = GOOD.replace("source: nis", "source: nsi");
        assert_eq!(
            one_error(&text),
            "t.yaml:16:17: error: unknown source key `nsi`; known keys: nis (write a source's full name to use it without a key)"
        );
    }

    #[test]
    fn thousands_separators_are_refused_with_the_digits_to_write() {
        let cases = [
            ("10.000", "YAML reads it as 10; write 10000"),
            ("10,000", "YAML does not read it as a number; write 10000"),
            (
                "1.500.000",
                "YAML does not read it as a number; write 1500000",
            ),
            ("1.500", "YAML reads it as 1.5; write 1500"),
        ];
        for (written, message) in cases {
            let text = GOOD.replace("value: 11000", &format!("value: {written}"));
            let error = one_error(&text);
            assert!(error.starts_with("t.yaml:15:16: error: `value`"), "{error}");
            assert!(error.ends_with(message), "{error}");
        }
        let text = GOOD.replace("[11000, 12000]", "[11,000, 12,000]");
        assert!(
            one_error(&text).contains("`range` `11,000` uses `,` as a thousands separator"),
            "{text}"
        );
        // Decimals and small numbers stay numbers.
        for fine in ["12.5", "0.125", "600", "1e6"] {
            let text = GOOD.replace("value: 11000", &format!("value: {fine}"));
            assert!(errors(&text).is_empty(), "{fine}");
        }
    }

    #[test]
    fn kinds_and_values_must_agree() {
        let text = GOOD.replace("- value: 11000", "- date: 2024-11-13");
        assert_eq!(
            one_error(&text),
            "t.yaml:15:9: error: fact `troops` is a count fact: write `value:` or `range:`, not `date:`"
        );
        let text = GOOD
            .replace("kind: count", "kind: date")
            .replace("    tolerance: 5%\n", "")
            .replace(
                "      - range: [11000, 12000]\n",
                "      - date: 2024-12-01\n",
            );
        assert_eq!(
            one_error(&text),
            "t.yaml:14:9: error: fact `troops` is a date fact: write `date: YYYY-MM-DD`, not `value:`"
        );
    }

    #[test]
    fn malformed_dates_money_without_currency_and_empty_groups() {
        let text = GOOD.replace("as_of: 2024-11-13", "as_of: 2024-13-45");
        assert!(
            one_error(&text).starts_with("t.yaml:17:16: error: malformed `as_of` `2024-13-45`"),
            "{text}"
        );
        let text = GOOD.replace("kind: count", "kind: money");
        assert_eq!(
            one_error(&text),
            "t.yaml:9:11: error: money fact `troops` needs `currency:` (an ISO 4217 code such as EUR)"
        );
        let text = GOOD.replace("- [soldat*, troops]", "- []");
        assert_eq!(
            one_error(&text),
            "t.yaml:12:9: error: fact `troops`: empty `match` group; give it at least one term, or remove it"
        );
    }

    #[test]
    fn tolerance_is_for_quantities_only() {
        let text = GOOD
            .replace("kind: count", "kind: date")
            .replace("- value: 11000", "- date: 2024-11-13")
            .replace("- range: [11000, 12000]", "- date: 2024-12");
        assert_eq!(
            one_error(&text),
            "t.yaml:13:5: error: fact `troops`: dates agree at their grain; `tolerance` applies to quantities only"
        );
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let mut loader = Loader::default();
        loader.add("a.yaml", GOOD);
        loader.add("b.yaml", &format!("\n\n{GOOD}"));
        let checked = loader.finish(2);
        let errors: Vec<String> = checked.problems.iter().map(Problem::to_string).collect();
        assert_eq!(
            errors,
            ["b.yaml:9:9: error: duplicate fact id `troops`; first defined at a.yaml:7:9"]
        );
    }

    #[test]
    fn every_error_of_a_file_is_reported() {
        let text = GOOD
            .replace("kind: count", "kind: cont")
            .replace("source: nis", "source: nsi")
            .replace("as_of: 2024-12", "as_of: 2024-1");
        assert_eq!(errors(&text).len(), 3, "{:#?}", errors(&text));
    }

    #[test]
    fn streamed_and_whole_tree_validation_agree() {
        // `facts:` last: validated fact by fact while parsing.
        assert!(streamable(GOOD));
        let streamed = parse_str("t.yaml", GOOD).unwrap();
        // `sources:` after `facts:`: validated once the tree is built.
        let (head, facts) = GOOD.split_at(GOOD.find("facts:").unwrap());
        let reordered = format!("{facts}{head}");
        assert!(!streamable(&reordered));
        let whole = parse_str("t.yaml", &reordered).unwrap();
        // The same facts, five lines lower.
        let moved: Vec<Fact> = whole
            .facts
            .iter()
            .map(|f| Fact {
                at: Location {
                    line: f.at.line + 5,
                    ..f.at
                },
                values: f
                    .values
                    .iter()
                    .map(|v| RefValue {
                        at: Location {
                            line: v.at.line + 5,
                            ..v.at
                        },
                        ..v.clone()
                    })
                    .collect(),
                ..f.clone()
            })
            .collect();
        assert_eq!(streamed.facts, moved);
        assert_eq!(streamed.sources, whole.sources);
        // The same errors, at the same places, either way.
        let bad = GOOD
            .replace("source: nis", "source: nsi")
            .replace("kind: count", "kind: cont");
        let (head, facts) = bad.split_at(bad.find("facts:").unwrap());
        assert_eq!(errors(&bad).len(), 2, "{:#?}", errors(&bad));
        assert_eq!(errors(&format!("{facts}{head}")).len(), 2);
    }

    #[test]
    fn anchors_in_one_fact_serve_the_next() {
        let text = format!(
            "{GOOD}  - id: other\n    kind: count\n    match: &terms\n      - [morti, killed]\n    values:\n      - value: 600\n        source: nis\n  - id: third\n    kind: count\n    match: *terms\n    values:\n      - value: 700\n        source: nis\n"
        );
        let index = parse_str("t.yaml", &text).unwrap();
        assert_eq!(index.facts.len(), 3);
        assert_eq!(index.facts[1].groups, index.facts[2].groups);
        assert_eq!(
            index.facts[2].at,
            Location {
                line: 28,
                column: 9
            }
        );
    }

    #[test]
    fn facts_are_numbered_in_messages_when_streamed() {
        let text = format!("{GOOD}  - 12\n  - [x]\n");
        let errors = errors(&text);
        assert!(
            errors[0].starts_with("t.yaml:21:5: error: facts[1] should be a mapping"),
            "{errors:#?}"
        );
        assert!(
            errors[1].starts_with("t.yaml:22:5: error: facts[2] should be a mapping"),
            "{errors:#?}"
        );
    }

    #[test]
    fn a_second_facts_key_is_a_duplicate() {
        let text = format!("{GOOD}facts:\n  - id: again\n");
        assert!(
            errors(&text)
                .iter()
                .any(|e| e.contains("duplicate key `facts`")),
            "{:#?}",
            errors(&text)
        );
    }

    #[test]
    fn hostile_yaml_is_an_error_not_a_panic() {
        for text in [
            "",
            "[",
            "facts: *x",
            "- a\n- b",
            "facts: [1, [2]]",
            "\u{feff}facts:",
        ] {
            assert!(!errors(text).is_empty(), "{text:?}");
        }
    }
}
