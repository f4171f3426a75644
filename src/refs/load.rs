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
//! One path, whatever the layout of the file: each item of `facts:` is
//! validated as soon as the parser has read it and its nodes are dropped
//! (`yaml::parse_streaming`), so memory holds the facts, not the whole
//! tree. What a fact needs from the rest of the file waits for the end of
//! it: the `sources:` its values name (and the `topic`) may be written
//! after `facts:`, so a fact's sources are resolved, and unknown keys
//! reported, once the whole file is read ([`Loader::resolve`]).

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::facts::Pending;
use super::files::Checked;
use super::schema::{FILE, SOURCE};
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

/// What a file's facts need from the rest of it: its `topic` and the keys
/// of its `sources`, each read once, when complete (before the first fact
/// when written above `facts:`, else at the end of the file).
#[derive(Default)]
pub(super) struct Header {
    topic: Option<Arc<str>>,
    keys: HashMap<String, usize>,
    topic_read: bool,
    sources_read: bool,
}

impl File<'_, '_> {
    pub(super) fn at(&self, id: NodeId) -> Location {
        self.tree.node(id).at
    }

    pub(super) fn raw(&self, id: NodeId) -> &str {
        let node = self.tree.node(id);
        self.text.get(node.start..node.end).unwrap_or("")
    }

    /// The key of the top-level entry `i` (keys and values alternate).
    fn top_key(&self, top: &[NodeId], i: usize) -> Option<&str> {
        top.get(i).and_then(|&k| self.tree.node(k).scalar())
    }

    /// Whether the list being streamed (the value of the last top-level
    /// key) is the file's first `facts:`; a second one is a duplicate key,
    /// reported with the others.
    fn in_first_facts(&self, top: &[NodeId]) -> bool {
        let last = top.len() - 1;
        self.top_key(top, last) == Some("facts")
            && !(0..last)
                .step_by(2)
                .any(|i| self.top_key(top, i) == Some("facts"))
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

    /// Reads one file: its facts as they are parsed, then the file as a
    /// whole, then the facts' sources.
    pub(super) fn add(&mut self, path: &str, text: &str) {
        let mut header = Header::default();
        let mut pending: Vec<Option<Pending>> = Vec::new();
        let parsed = yaml::parse_streaming(text, |tree, top, item| {
            let file = File { path, text, tree };
            if !file.in_first_facts(top) {
                return false;
            }
            if pending.is_empty() {
                // The entries above `facts:` are complete.
                self.header(&file, &top[..top.len() - 1], &mut header);
            }
            let n = pending.len();
            pending.push(self.fact(&file, item, n));
            true
        });
        match parsed {
            Ok(tree) => {
                self.whole(path, text, &tree, &mut header);
                self.resolve(path, pending, &header, true);
            }
            Err(e) => {
                self.error(path, e.at, e.message);
                // The facts read before the error still serve (the language
                // server uses the valid ones); their keys are reported only
                // when the `sources` they name were read.
                let report = header.sources_read;
                self.resolve(path, pending, &header, report);
            }
        }
    }

    /// The checks of the file as a whole, once parsed: a reference file at
    /// all, its top-level keys, the header entries below `facts:`, and a
    /// `facts:` that is a list.
    fn whole(&mut self, path: &str, text: &str, tree: &Tree, header: &mut Header) {
        let Some(root) = tree.root else {
            self.error(
                path,
                None,
                "empty file: a reference file needs `facts:`".to_string(),
            );
            return;
        };
        let file = File { path, text, tree };
        let Value::Map(pairs) = &tree.node(root).value else {
            // Reported by `fields` below.
            self.fields(&file, root, "the file", FILE);
            return;
        };
        // A mapping without any key of the format is some other file (a
        // link gone wrong, a secret): say so without quoting a line of it.
        let known = |&(k, _): &(NodeId, NodeId)| {
            tree.node(k)
                .scalar()
                .is_some_and(|key| FILE.iter().any(|k| k.name == key))
        };
        if !pairs.iter().any(known) {
            self.error(
                path,
                None,
                "not a reference file: no `facts:`, `topic:` or `sources:` at the top level"
                    .to_string(),
            );
            return;
        }
        let Some(fields) = self.fields(&file, root, "the file", FILE) else {
            return;
        };
        let top: Vec<NodeId> = pairs.iter().flat_map(|&(k, v)| [k, v]).collect();
        self.header(&file, &top, header);
        let Some(facts) = self.required(&file, &fields, FILE, "facts", "the file", file.at(root))
        else {
            return;
        };
        // Its items were validated as they were parsed, and left out.
        self.list(&file, facts, "`facts`");
    }

    /// Keeps the facts read from `path` whose sources are known; with
    /// `report`, an unknown source key is an error at the key.
    fn resolve(
        &mut self,
        path: &str,
        pending: Vec<Option<Pending>>,
        header: &Header,
        report: bool,
    ) {
        let shared: Arc<str> = Arc::from(path);
        for Pending {
            mut fact,
            sources,
            valid,
        } in pending.into_iter().flatten()
        {
            let mut known = valid;
            for (value, (name, at)) in fact.values.iter_mut().zip(&sources) {
                match self.source(path, *at, name, &header.keys, report) {
                    Some(i) => value.source = i,
                    None => known = false,
                }
            }
            if known {
                fact.topic.clone_from(&header.topic);
                fact.path = Arc::clone(&shared);
                self.facts.push(fact);
            }
        }
    }

    /// Reads the header entries among the top-level `entries` (keys and
    /// values alternating) that are not read yet: the first `topic` and
    /// the first `sources`, as [`Loader::fields`] keeps them.
    fn header(&mut self, file: &File, entries: &[NodeId], header: &mut Header) {
        for pair in entries.chunks_exact(2) {
            match file.tree.node(pair[0]).scalar() {
                Some("topic") if !header.topic_read => {
                    header.topic_read = true;
                    header.topic = self.text(file, pair[1], "`topic`").map(Arc::from);
                }
                Some("sources") if !header.sources_read => {
                    header.sources_read = true;
                    header.keys = self.sources(file, pair[1]);
                }
                _ => {}
            }
        }
    }

    fn sources(&mut self, file: &File, id: NodeId) -> HashMap<String, usize> {
        let mut keys = HashMap::default();
        let Some(fields) = self.fields(file, id, "`sources`", &[]) else {
            return keys;
        };
        for &(key, (_, v)) in &fields.entries {
            let what = format!("source `{key}`");
            if let Some(source) = self.source_entry(file, v, key, &what) {
                keys.insert(key.to_string(), self.sources.len());
                self.sources.push(source);
            }
        }
        keys
    }

    /// One entry of `sources:`, under `key`.
    fn source_entry(&mut self, file: &File, v: NodeId, key: &str, what: &str) -> Option<Source> {
        let fields = self.fields(file, v, what, SOURCE)?;
        let name = match self.required(file, &fields, SOURCE, "name", what, file.at(v)) {
            Some(n) => self.text(file, n, "`name`")?,
            None => return None,
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
        Some(Source {
            key: Some(key.to_string()),
            name,
            url,
            aliases,
        })
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
    fn facts_read_the_same_whatever_the_layout() {
        // `facts:` last, as usual.
        let streamed = parse_str("t.yaml", GOOD).unwrap();
        // `topic:` and `sources:` after `facts:`: the facts are read as
        // they are parsed all the same, their sources resolved at the end.
        let (head, facts) = GOOD.split_at(GOOD.find("facts:").unwrap());
        let reordered = format!("{facts}{head}");
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
        let reordered = errors(&format!("{facts}{head}"));
        assert_eq!(reordered.len(), 2, "{reordered:#?}");
        assert!(
            reordered[0].starts_with("t.yaml:4:11: error: fact `troops`: unknown kind `cont`"),
            "{reordered:#?}"
        );
        assert!(
            reordered[1]
                .starts_with("t.yaml:11:17: error: unknown source key `nsi`; known keys: nis"),
            "{reordered:#?}"
        );
        // The topic written below the facts reaches them.
        assert_eq!(whole.facts[0].topic.as_deref(), Some("test"));
    }

    #[test]
    fn a_fact_with_other_problems_still_has_its_source_key_checked() {
        let text = GOOD
            .replace("kind: count", "kind: cont")
            .replace("source: nis", "source: nsi");
        let (head, facts) = text.split_at(text.find("facts:").unwrap());
        for text in [text.clone(), format!("{facts}{head}")] {
            let errors = errors(&text);
            assert_eq!(errors.len(), 2, "{errors:#?}");
            assert!(
                errors[1].contains("unknown source key `nsi`"),
                "{errors:#?}"
            );
        }
    }

    #[test]
    fn facts_before_a_syntax_error_are_kept_and_checked() {
        // `sources:` above: the facts before the error resolve against it,
        // and an unknown key among them is reported.
        let text = format!("{GOOD}  - id: broken\n    kind: [\n");
        let checked = check_str("t.yaml", &text);
        assert_eq!(checked.index.facts.len(), 1);
        assert_eq!(checked.problems.len(), 1, "{:#?}", checked.problems);
        let text = text.replacen("source: nis", "source: nsi", 1);
        let found = errors(&text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].contains("unknown source key `nsi`"), "{found:#?}");
        // `sources:` never read: its keys are not known to be unknown; the
        // facts that name a source by key are left out without a word.
        let (head, facts) = GOOD.split_at(GOOD.find("facts:").unwrap());
        let text = format!("{facts}{head}  broken: [\n");
        let found = errors(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("YAML syntax"), "{found:#?}");
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
