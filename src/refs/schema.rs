//! The format's schema: which keys each mapping of a reference file takes
//! (one table per mapping), and the checks every scalar goes through
//! (lists, text, numbers, dates), each reporting at the node it is about.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

use super::load::{File, Loader};
use crate::error::Location;
use crate::when::DateValue;
use crate::yaml::{NodeId, Value};

/// A YAML number as this format takes it: digits, an optional decimal
/// point and exponent. No `.inf`, no hex, no `_`.
pub(super) static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// A figure grouped in thousands, `10.000`, `10,000`, `1.500.000`, or
/// `1 500` — how articles write numbers, and what YAML misreads.
pub(super) static GROUPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?[1-9][0-9]{0,2}(?:([.,' ])[0-9]{3})(?:[.,' ][0-9]{3})*$")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// A thousands separator inside a flow list, `[10,000, 12,000]`, which
/// YAML splits into four items.
pub(super) static GROUPED_IN_FLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\[\s])([1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:$|[\],\s])")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// A key of one of the format's mappings: its name and, when it is
/// required, the message for its absence, `{}` standing for what the
/// mapping is (`fact `troops``, `facts[3]`, `source `nis``). What each
/// key's value must be is checked where it is read (`facts.rs`,
/// `load.rs`), by the scalar checks below.
pub(super) struct Key {
    pub(super) name: &'static str,
    pub(super) missing: Option<&'static str>,
}

const fn optional(name: &'static str) -> Key {
    Key {
        name,
        missing: None,
    }
}

const fn required(name: &'static str, missing: &'static str) -> Key {
    Key {
        name,
        missing: Some(missing),
    }
}

/// The top level of a file.
pub(super) const FILE: &[Key] = &[
    optional("topic"),
    optional("sources"),
    required("facts", "missing `facts:` (a list of facts)"),
];

/// An entry of `sources:` (whose own keys are any names).
pub(super) const SOURCE: &[Key] = &[
    required("name", "{} needs `name:`"),
    optional("url"),
    optional("aliases"),
];

/// An item of `facts:`.
pub(super) const FACT: &[Key] = &[
    required("id", "{} needs `id:`"),
    optional("about"),
    required("kind", "{} needs `kind:`"),
    required("match", "{} needs `match:` (lists of terms)"),
    optional("tolerance"),
    optional("currency"),
    optional("unit"),
    required("values", "{} has no `values`"),
];

/// An item of a fact's `values:`; exactly one of `value`, `range` and
/// `date` (see `FIGURE_KEYS`).
pub(super) const VALUE: &[Key] = &[
    optional("value"),
    optional("range"),
    optional("date"),
    required("source", "{}: each value needs `source:`"),
    optional("url"),
    optional("as_of"),
    optional("note"),
];

/// The keys of a value that give its figure.
pub(super) const FIGURE_KEYS: [&str; 3] = ["value", "range", "date"];

/// Whether `key` is one of `keys`; an empty table takes any key.
fn allows(keys: &[Key], key: &str) -> bool {
    keys.is_empty() || keys.iter().any(|k| k.name == key)
}

/// The entries of a mapping by key: (key node, value node), in file
/// order. Usually a handful of keys, where a list beats a map; a mapping
/// of any keys (`sources:`) may have hundreds of thousands, so past
/// [`Fields::LINEAR`] entries a hash index finds them (and duplicates) in
/// constant time.
#[derive(Default)]
pub(super) struct Fields<'t> {
    pub(super) entries: Vec<(&'t str, (NodeId, NodeId))>,
    index: HashMap<&'t str, usize>,
}

impl<'t> Fields<'t> {
    const LINEAR: usize = 16;

    pub(super) fn get(&self, key: &str) -> Option<&(NodeId, NodeId)> {
        self.find(key).0.map(|i| &self.entries[i].1)
    }

    /// The index of `key`'s entry, and how many stored keys were compared
    /// to find it (a hash lookup counts one): the work a lookup costs.
    fn find(&self, key: &str) -> (Option<usize>, usize) {
        if self.entries.len() > Self::LINEAR {
            return (self.index.get(key).copied(), 1);
        }
        match self.entries.iter().position(|(k, _)| *k == key) {
            Some(i) => (Some(i), i + 1),
            None => (None, self.entries.len()),
        }
    }

    pub(super) fn push(&mut self, key: &'t str, entry: (NodeId, NodeId)) {
        self.entries.push((key, entry));
        if self.entries.len() > Self::LINEAR {
            if self.index.is_empty() {
                for (i, (k, _)) in self.entries.iter().enumerate() {
                    self.index.insert(k, i);
                }
            } else {
                self.index.insert(key, self.entries.len() - 1);
            }
        }
    }

    pub(super) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl std::ops::Index<&str> for Fields<'_> {
    type Output = (NodeId, NodeId);

    fn index(&self, key: &str) -> &(NodeId, NodeId) {
        self.get(key)
            .unwrap_or_else(|| unreachable!("looked up after contains_key"))
    }
}

impl Loader {
    /// A mapping's entries, reporting non-mappings, unknown and duplicate
    /// keys; `keys` is the mapping's table (empty: any key).
    pub(super) fn fields<'f>(
        &mut self,
        file: &File<'f, '_>,
        id: NodeId,
        what: &str,
        keys: &[Key],
    ) -> Option<Fields<'f>> {
        let node = file.tree.node(id);
        let Value::Map(pairs) = &node.value else {
            self.error(
                file.path,
                Some(node.at),
                format!(
                    "{what} should be a mapping (`key: value` lines), not {}",
                    node.what()
                ),
            );
            return None;
        };
        let mut fields = Fields::default();
        for &(k, v) in pairs {
            if let Some(key) = self.field_key(file, k, what, keys, &fields) {
                fields.push(key, (k, v));
            }
        }
        Some(fields)
    }

    /// The key node `k` as a key of `keys`, not yet in `fields`; else the
    /// problem is reported.
    fn field_key<'f>(
        &mut self,
        file: &File<'f, '_>,
        k: NodeId,
        what: &str,
        keys: &[Key],
        fields: &Fields,
    ) -> Option<&'f str> {
        let key_node = file.tree.node(k);
        let Some(key) = key_node.scalar() else {
            self.error(
                file.path,
                Some(key_node.at),
                format!("{what}: a key must be a word, not {}", key_node.what()),
            );
            return None;
        };
        if !allows(keys, key) {
            let expected: Vec<String> = keys.iter().map(|k| format!("`{}`", k.name)).collect();
            self.error(
                file.path,
                Some(key_node.at),
                format!(
                    "{what}: unknown field `{key}`, expected one of {}",
                    expected.join(", ")
                ),
            );
            return None;
        }
        if let Some(&(first, _)) = fields.get(key) {
            let first = file.at(first);
            self.error(
                file.path,
                Some(key_node.at),
                format!(
                    "{what}: duplicate key `{key}` (first at line {}, column {})",
                    first.line, first.column
                ),
            );
            return None;
        }
        Some(key)
    }

    /// The value node of the required key `name` of the table `keys`; when
    /// it is missing, the table's message about `subject`, at `at`.
    pub(super) fn required(
        &mut self,
        file: &File,
        fields: &Fields,
        keys: &[Key],
        name: &str,
        subject: &str,
        at: Location,
    ) -> Option<NodeId> {
        if let Some(&(_, v)) = fields.get(name) {
            return Some(v);
        }
        let message = keys
            .iter()
            .find(|k| k.name == name)
            .and_then(|k| k.missing)
            .map_or_else(
                || format!("{subject} needs `{name}:`"),
                |m| m.replace("{}", subject),
            );
        self.error(file.path, Some(at), message);
        None
    }

    pub(super) fn list(&mut self, file: &File, id: NodeId, what: &str) -> Option<Vec<NodeId>> {
        let node = file.tree.node(id);
        match &node.value {
            Value::Seq(items) => Some(items.clone()),
            _ => {
                self.error(
                    file.path,
                    Some(node.at),
                    format!("{what} should be a list (`- ` items), not {}", node.what()),
                );
                None
            }
        }
    }

    /// A scalar as text; null is refused.
    pub(super) fn text(&mut self, file: &File, id: NodeId, what: &str) -> Option<String> {
        let node = file.tree.node(id);
        match node.scalar() {
            Some(text) if !node.is_null() => Some(text.to_string()),
            _ => {
                self.error(
                    file.path,
                    Some(node.at),
                    format!("{what} should be text, not {}", node.what()),
                );
                None
            }
        }
    }

    /// A number written plainly; thousands separators and quotes refused.
    pub(super) fn number(&mut self, file: &File, id: NodeId, what: &str) -> Option<f64> {
        let node = file.tree.node(id);
        let Value::Scalar { text, plain } = &node.value else {
            self.error(
                file.path,
                Some(node.at),
                format!("{what} should be a number, not {}", node.what()),
            );
            return None;
        };
        let raw = file.raw(id).trim();
        if *plain && GROUPED.is_match(raw) {
            let digits: String = raw
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            let read = match text.parse::<f64>() {
                Ok(n) if NUMBER.is_match(text) => format!("YAML reads it as {n}"),
                _ => "YAML does not read it as a number".to_string(),
            };
            self.error(
                file.path,
                Some(node.at),
                format!(
                    "{what} `{raw}` is written with a thousands separator and {read}; write {digits}"
                ),
            );
            return None;
        }
        if !*plain {
            self.error(
                file.path,
                Some(node.at),
                format!("{what} `{text}` is quoted; write the number without quotes"),
            );
            return None;
        }
        match text.parse::<f64>() {
            Ok(n) if NUMBER.is_match(text) && n.is_finite() => Some(n),
            _ => {
                self.error(
                    file.path,
                    Some(node.at),
                    format!("{what} `{text}` is not a number; write digits such as 11000 or 12.5"),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, file: &File, id: NodeId, what: &str) -> Option<DateValue> {
        let node = file.tree.node(id);
        let text = node.scalar().unwrap_or("").trim();
        match DateValue::parse_iso(text) {
            Some(date) if node.scalar().is_some() => Some(date),
            _ => {
                self.error(
                    file.path,
                    Some(node.at),
                    format!(
                        "malformed {what} `{}`: write YYYY-MM-DD (or YYYY-MM, YYYY, YYYY-Www, 199X)",
                        if node.scalar().is_some() { text } else { node.what() }
                    ),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mapping of any size costs a bounded number of key comparisons per
    /// lookup (duplicate keys are found by lookups): 500,000 source keys
    /// are read in linear time, counted in work rather than seconds.
    #[test]
    fn a_lookup_compares_a_bounded_number_of_keys_at_any_size() {
        for n in [3, Fields::LINEAR, Fields::LINEAR + 1, 500_000] {
            let keys: Vec<String> = (0..n).map(|i| format!("s{i}")).collect();
            let mut fields = Fields::default();
            let mut most = 0;
            for (i, key) in keys.iter().enumerate() {
                let (found, compared) = fields.find(key);
                assert_eq!(found, None, "{key}");
                most = most.max(compared);
                fields.push(key, (i, i));
            }
            for (i, key) in keys.iter().enumerate() {
                let (found, compared) = fields.find(key);
                assert_eq!(found, Some(i));
                most = most.max(compared);
            }
            assert!(most <= Fields::LINEAR, "{n} keys: {most} comparisons");
            assert_eq!(fields.get("s0"), Some(&(0, 0)));
            assert_eq!(fields.get("missing"), None);
        }
    }
}
