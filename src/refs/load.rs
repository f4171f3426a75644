//! Reading reference files: the YAML tree of `yaml.rs`, validated by hand
//! against the format of DESIGN.md, so that one run reports every problem
//! of every file, each at the node it is about (serde stops at the first).
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

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

use super::{Fact, FactIndex, Figure, RefValue, Source, Term, Tolerance};
use crate::claim::Kind;
use crate::error::{Error, Location, Problem, Severity};
use crate::units::{Currency, Unit};
use crate::when::DateValue;
use crate::yaml::{self, NodeId, Tree, Value};

/// Reference files larger than this are refused before parsing.
pub const MAX_REFS_SIZE: u64 = 64 * 1024 * 1024;

/// A YAML number as this format takes it: digits, an optional decimal
/// point and exponent. No `.inf`, no hex, no `_`.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// A figure grouped in thousands, `10.000`, `10,000`, `1.500.000`, or
/// `1 500` — how articles write numbers, and what YAML misreads.
static GROUPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?[1-9][0-9]{0,2}(?:([.,' ])[0-9]{3})(?:[.,' ][0-9]{3})*$")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// A thousands separator inside a flow list, `[10,000, 12,000]`, which
/// YAML splits into four items.
static GROUPED_IN_FLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\[\s])([1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:$|[\],\s])")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// Everything read from reference files: the facts that are valid, and
/// every problem found (errors only; warnings come from
/// [`super::warnings`]).
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub index: FactIndex,
    pub problems: Vec<Problem>,
    pub files: usize,
}

/// Loads reference files and directories (walked for `*.yaml`, `*.yml`);
/// any problem makes the whole set invalid.
pub fn load_paths(paths: &[PathBuf]) -> Result<FactIndex, Error> {
    let checked = check_paths(paths)?;
    if checked.problems.is_empty() {
        Ok(checked.index)
    } else {
        Err(Error::InvalidRefs(checked.problems))
    }
}

/// Reads every file under `paths` and reports every problem, an
/// unreadable file or a link out of its directory included; the other
/// files are still read.
pub fn check_paths(paths: &[PathBuf]) -> Result<Checked, Error> {
    let (files, problems) = reference_files(paths);
    let mut loader = Loader {
        problems,
        ..Loader::default()
    };
    for file in &files {
        let display = file.display().to_string();
        let meta = match std::fs::metadata(file) {
            Ok(meta) => meta,
            Err(e) => {
                loader.error(&display, None, format!("cannot read: {e}"));
                continue;
            }
        };
        if meta.len() > MAX_REFS_SIZE {
            loader.error(
                &display,
                None,
                format!(
                    "{} bytes is over the {MAX_REFS_SIZE}-byte limit for reference files; split it into several files",
                    meta.len()
                ),
            );
            continue;
        }
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                loader.error(&display, None, format!("cannot read: {e}"));
                continue;
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => loader.add(&display, &text),
            Err(e) => loader.error(
                &display,
                None,
                format!(
                    "invalid UTF-8 at byte {}; save the file as UTF-8",
                    e.utf8_error().valid_up_to()
                ),
            ),
        }
    }
    Ok(loader.finish(files.len()))
}

/// Checks one reference file held in memory (`path` names it in messages).
pub fn check_str(path: &str, text: &str) -> Checked {
    let mut loader = Loader::default();
    loader.add(path, text);
    loader.finish(1)
}

/// Parses one reference file held in memory; any problem is an error.
pub fn parse_str(path: &str, text: &str) -> Result<FactIndex, Error> {
    let checked = check_str(path, text);
    if checked.problems.is_empty() {
        Ok(checked.index)
    } else {
        Err(Error::InvalidRefs(checked.problems))
    }
}

/// The reference files under `paths`, without reading them: files as
/// given, directories walked for `*.yaml` and `*.yml` (hidden entries
/// skipped, sorted). Inside a directory, a symbolic link is followed only
/// when its target stays inside that directory; each directory and file is
/// taken once, so links that loop (two links to `.`) end. Paths that
/// cannot be read and links leading out are problems.
pub fn reference_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut walk = Walk::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => match path.canonicalize() {
                Ok(root) => {
                    if walk.dirs.insert(root.clone()) {
                        walk.dir(&root, path);
                    }
                }
                Err(e) => walk.problem(path, format!("cannot read: {e}")),
            },
            Ok(_) => walk.file(path),
            Err(e) => walk.problem(path, format!("cannot read: {e}")),
        }
    }
    (walk.files, walk.problems)
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    problems: Vec<Problem>,
    /// Canonical paths of the directories walked and files taken.
    dirs: std::collections::HashSet<PathBuf>,
    seen: std::collections::HashSet<PathBuf>,
}

impl Walk {
    fn problem(&mut self, path: &Path, message: String) {
        self.problems.push(Problem {
            path: path.display().to_string(),
            location: None,
            severity: Severity::Error,
            message,
        });
    }

    fn file(&mut self, path: &Path) {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if self.seen.insert(key) {
            self.files.push(path.to_path_buf());
        }
    }

    /// Walks `dir` (shown as `shown`), inside the canonical `root`.
    fn dir(&mut self, root: &Path, shown: &Path) {
        let entries = match std::fs::read_dir(shown) {
            Ok(entries) => entries,
            Err(e) => return self.problem(shown, format!("cannot read: {e}")),
        };
        let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.path(), e.file_type().ok()))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (entry, kind) in entries {
            let hidden = entry
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            let yaml = entry.extension().is_some_and(|e| e == "yaml" || e == "yml");
            let is_link = kind.is_some_and(|k| k.is_symlink());
            let (is_dir, canonical) = if is_link {
                let Ok(target) = entry.canonicalize() else {
                    if yaml {
                        self.problem(&entry, "a broken symbolic link".to_string());
                    }
                    continue;
                };
                if !target.starts_with(root) {
                    if yaml || target.is_dir() {
                        self.problem(
                            &entry,
                            format!(
                                "a symbolic link out of {}: not followed (name its target with --refs to read it)",
                                root.display()
                            ),
                        );
                    }
                    continue;
                }
                (target.is_dir(), Some(target))
            } else {
                (kind.is_some_and(|k| k.is_dir()), None)
            };
            if is_dir {
                let canonical = canonical.or_else(|| entry.canonicalize().ok());
                if canonical.is_some_and(|c| self.dirs.insert(c)) {
                    self.dir(root, &entry);
                }
            } else if yaml {
                self.file(&entry);
            }
        }
    }
}

const FILE_KEYS: &[&str] = &["topic", "sources", "facts"];
const SOURCE_KEYS: &[&str] = &["name", "url", "aliases"];
const FACT_KEYS: &[&str] = &[
    "id",
    "about",
    "kind",
    "match",
    "tolerance",
    "currency",
    "unit",
    "values",
];
const VALUE_KEYS: &[&str] = &["value", "range", "date", "source", "url", "as_of", "note"];

/// The entries of a mapping by key: (key node, value node), in file
/// order. Usually a handful of keys, where a list beats a map; a mapping
/// of any keys (`sources:`) may have hundreds of thousands, so past
/// [`Fields::LINEAR`] entries a hash index finds them (and duplicates) in
/// constant time.
#[derive(Default)]
struct Fields<'t> {
    entries: Vec<(&'t str, (NodeId, NodeId))>,
    index: HashMap<&'t str, usize>,
}

impl<'t> Fields<'t> {
    const LINEAR: usize = 16;

    fn get(&self, key: &str) -> Option<&(NodeId, NodeId)> {
        if self.entries.len() > Self::LINEAR {
            return self.index.get(key).map(|&i| &self.entries[i].1);
        }
        self.entries.iter().find(|(k, _)| *k == key).map(|(_, e)| e)
    }

    fn push(&mut self, key: &'t str, entry: (NodeId, NodeId)) {
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

    fn contains_key(&self, key: &str) -> bool {
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

#[derive(Default)]
struct Loader {
    facts: Vec<Fact>,
    sources: Vec<Source>,
    /// Fact id → where it was first defined.
    ids: HashMap<String, (String, Location)>,
    /// Sources written out by name (no key) → index in `sources`.
    named_sources: HashMap<String, usize>,
    problems: Vec<Problem>,
}

/// One file being read: its text, tree and path.
struct File<'f, 'a> {
    path: &'f str,
    text: &'a str,
    tree: &'f Tree<'a>,
}

/// What a file's facts need from the rest of it, read once.
#[derive(Default)]
struct Header {
    topic: Option<String>,
    keys: HashMap<String, usize>,
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
    fn at(&self, id: NodeId) -> Location {
        self.tree.node(id).at
    }

    fn raw(&self, id: NodeId) -> &str {
        let node = self.tree.node(id);
        self.text.get(node.start..node.end).unwrap_or("")
    }
}

impl Loader {
    fn error(&mut self, path: &str, location: Option<Location>, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            location,
            severity: Severity::Error,
            message,
        });
    }

    fn finish(mut self, files: usize) -> Checked {
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

    fn add(&mut self, path: &str, text: &str) {
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
    fn header(&mut self, file: &File, top: &[NodeId]) -> Header {
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

    /// A mapping's entries, reporting non-mappings, unknown and duplicate
    /// keys.
    fn fields<'f>(
        &mut self,
        file: &File<'f, '_>,
        id: NodeId,
        what: &str,
        allowed: &[&str],
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
            let key_node = file.tree.node(k);
            let Some(key) = key_node.scalar() else {
                self.error(
                    file.path,
                    Some(key_node.at),
                    format!("{what}: a key must be a word, not {}", key_node.what()),
                );
                continue;
            };
            if !allowed.is_empty() && !allowed.contains(&key) {
                let expected: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
                self.error(
                    file.path,
                    Some(key_node.at),
                    format!(
                        "{what}: unknown field `{key}`, expected one of {}",
                        expected.join(", ")
                    ),
                );
                continue;
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
                continue;
            }
            fields.push(key, (k, v));
        }
        Some(fields)
    }

    fn list(&mut self, file: &File, id: NodeId, what: &str) -> Option<Vec<NodeId>> {
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
    fn text(&mut self, file: &File, id: NodeId, what: &str) -> Option<String> {
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
    fn number(&mut self, file: &File, id: NodeId, what: &str) -> Option<f64> {
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

    fn date(&mut self, file: &File, id: NodeId, what: &str) -> Option<DateValue> {
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

    fn sources(&mut self, file: &File, id: NodeId) -> HashMap<String, usize> {
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

    fn fact(
        &mut self,
        file: &File,
        item: NodeId,
        n: usize,
        keys: &HashMap<String, usize>,
        topic: Option<String>,
    ) -> Option<Fact> {
        let before = self.problems.len();
        let what = format!("facts[{n}]");
        let fields = self.fields(file, item, &what, FACT_KEYS)?;
        let field = |name: &str| fields.get(name).map(|&(_, v)| v);
        let key_at = |name: &str| fields.get(name).map(|&(k, _)| file.at(k));
        let id_at = field("id").map_or(file.at(item), |v| file.at(v));
        let id = match field("id") {
            Some(v) => self.text(file, v, "`id`")?,
            None => {
                self.error(
                    file.path,
                    Some(file.at(item)),
                    format!("{what} needs `id:`"),
                );
                return None;
            }
        };
        match self.ids.get(&id) {
            Some((first_path, first)) => {
                let message = format!(
                    "duplicate fact id `{id}`; first defined at {first_path}:{}:{}",
                    first.line, first.column
                );
                self.error(file.path, Some(id_at), message);
            }
            None => {
                self.ids.insert(id.clone(), (file.path.to_string(), id_at));
            }
        }
        let about = field("about").and_then(|v| self.text(file, v, "`about`"));
        let kind = match field("kind") {
            Some(v) => {
                let name = self.text(file, v, "`kind`");
                let kind = name.as_deref().and_then(Kind::parse);
                if let (Some(name), None) = (&name, kind) {
                    self.error(
                        file.path,
                        Some(file.at(v)),
                        format!(
                            "fact `{id}`: unknown kind `{name}`; use one of count, money, percent, measure, date, time"
                        ),
                    );
                }
                kind
            }
            None => {
                self.error(file.path, Some(id_at), format!("fact `{id}` needs `kind:`"));
                None
            }
        };
        let groups = match field("match") {
            Some(v) => self.groups(file, v, &id),
            None => {
                self.error(
                    file.path,
                    Some(id_at),
                    format!("fact `{id}` needs `match:` (lists of terms)"),
                );
                Vec::new()
            }
        };
        let tolerance = field("tolerance").and_then(|v| self.tolerance(file, v, &id));
        let currency = field("currency").and_then(|v| {
            let code = self.text(file, v, "`currency`")?;
            let parsed = Currency::from_code(&code);
            if parsed.is_none() {
                let codes: Vec<_> = Currency::all_codes().collect();
                self.error(
                    file.path,
                    Some(file.at(v)),
                    format!("unknown currency `{code}`; use one of {}", codes.join(", ")),
                );
            }
            parsed
        });
        let unit = field("unit").and_then(|v| {
            let symbol = self.text(file, v, "`unit`")?;
            let parsed = Unit::from_symbol(&symbol);
            if parsed.is_none() {
                let units: Vec<_> = Unit::all_symbols().collect();
                self.error(
                    file.path,
                    Some(file.at(v)),
                    format!("unknown unit `{symbol}`; use one of {}", units.join(", ")),
                );
            }
            parsed
        });
        let kind_at = field("kind").map_or(id_at, |v| file.at(v));
        match kind {
            Some(Kind::Money) if field("currency").is_none() => self.error(
                file.path,
                Some(kind_at),
                format!("money fact `{id}` needs `currency:` (an ISO 4217 code such as EUR)"),
            ),
            Some(Kind::Measure) if field("unit").is_none() => self.error(
                file.path,
                Some(kind_at),
                format!("measure fact `{id}` needs `unit:` (such as km2 or t)"),
            ),
            Some(k) if k != Kind::Money && field("currency").is_some() => self.error(
                file.path,
                key_at("currency"),
                format!("fact `{id}` is a {k} fact: only money facts take `currency:`"),
            ),
            Some(k) if !matches!(k, Kind::Measure | Kind::Percent) && field("unit").is_some() => {
                self.error(
                    file.path,
                    key_at("unit"),
                    format!(
                        "fact `{id}` is a {k} fact: only measure and percent facts take `unit:`"
                    ),
                )
            }
            _ => {}
        }
        if matches!(kind, Some(Kind::Date | Kind::Time)) && field("tolerance").is_some() {
            self.error(
                file.path,
                key_at("tolerance"),
                format!("fact `{id}`: dates agree at their grain; `tolerance` applies to quantities only"),
            );
        }
        let Some(values_node) = field("values") else {
            self.error(
                file.path,
                Some(id_at),
                format!("fact `{id}` has no `values`"),
            );
            return None;
        };
        let items = self.list(file, values_node, "`values`").unwrap_or_default();
        if items.is_empty() && matches!(file.tree.node(values_node).value, Value::Seq(_)) {
            self.error(
                file.path,
                Some(file.at(values_node)),
                format!("fact `{id}`: `values` is empty"),
            );
        }
        let mut values = Vec::new();
        for item in items {
            if let Some(v) = self.value(file, item, &id, kind, keys) {
                values.push(v);
            }
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Fact {
            id,
            about,
            topic,
            kind: kind?,
            groups,
            tolerance,
            currency,
            unit,
            values,
            path: file.path.to_string(),
            at: id_at,
        })
    }

    fn groups(&mut self, file: &File, id: NodeId, fact: &str) -> Vec<Vec<Term>> {
        let Some(items) = self.list(file, id, "`match`") else {
            return Vec::new();
        };
        if items.is_empty() {
            self.error(
                file.path,
                Some(file.at(id)),
                format!("fact `{fact}`: `match` needs at least one group"),
            );
        }
        let mut groups = Vec::new();
        for item in items {
            // A group is a list of terms; a single term stands for itself.
            let terms_nodes = match &file.tree.node(item).value {
                Value::Seq(terms) => terms.clone(),
                Value::Scalar { .. } => vec![item],
                Value::Map(_) => {
                    self.error(
                        file.path,
                        Some(file.at(item)),
                        format!("fact `{fact}`: a `match` group is a list of terms, not a mapping"),
                    );
                    continue;
                }
            };
            if terms_nodes.is_empty() {
                self.error(
                    file.path,
                    Some(file.at(item)),
                    format!("fact `{fact}`: empty `match` group; give it at least one term, or remove it"),
                );
                continue;
            }
            let mut terms = Vec::new();
            for t in terms_nodes {
                let Some(text) = self.text(file, t, "a match term") else {
                    continue;
                };
                match Term::parse(&text) {
                    Some(term) => terms.push(term),
                    None => self.error(
                        file.path,
                        Some(file.at(t)),
                        format!("fact `{fact}`: match term `{text}` holds no word"),
                    ),
                }
            }
            groups.push(terms);
        }
        groups
    }

    fn tolerance(&mut self, file: &File, id: NodeId, fact: &str) -> Option<Tolerance> {
        let node = file.tree.node(id);
        let text = node.scalar().unwrap_or("").trim();
        if let Some(p) = text.strip_suffix('%') {
            return match p.trim().parse::<f64>() {
                Ok(p) if NUMBER.is_match(p.to_string().as_str()) && (0.0..=100.0).contains(&p) => {
                    Some(Tolerance::Relative(p / 100.0))
                }
                _ => {
                    self.error(
                        file.path,
                        Some(node.at),
                        format!("fact `{fact}`: tolerance `{text}` should be a percentage from 0% to 100%"),
                    );
                    None
                }
            };
        }
        let n = self.number(file, id, "`tolerance`")?;
        if n < 0.0 {
            self.error(
                file.path,
                Some(node.at),
                format!("fact `{fact}`: tolerance cannot be negative"),
            );
            return None;
        }
        Some(Tolerance::Absolute(n))
    }

    fn value(
        &mut self,
        file: &File,
        item: NodeId,
        fact: &str,
        kind: Option<Kind>,
        keys: &HashMap<String, usize>,
    ) -> Option<RefValue> {
        let at = file.at(item);
        let fields = self.fields(file, item, &format!("a value of `{fact}`"), VALUE_KEYS)?;
        let given: Vec<&str> = ["value", "range", "date"]
            .into_iter()
            .filter(|k| fields.contains_key(k))
            .collect();
        let figure_key = match given.as_slice() {
            [one] => *one,
            [] => {
                self.error(
                    file.path,
                    Some(at),
                    format!("fact `{fact}`: each value needs one of `value`, `range` or `date`"),
                );
                return None;
            }
            [first, second, ..] => {
                let (k, _) = fields[*second];
                self.error(
                    file.path,
                    Some(file.at(k)),
                    format!("fact `{fact}`: a value has both `{first}` and `{second}`; keep one"),
                );
                return None;
            }
        };
        let (figure_key_node, figure_node) = fields[figure_key];
        let is_date_kind = matches!(kind, Some(Kind::Date | Kind::Time));
        if let Some(k) = kind
            && is_date_kind != (figure_key == "date")
        {
            let message = if is_date_kind {
                format!(
                    "fact `{fact}` is a {k} fact: write `date: YYYY-MM-DD`, not `{figure_key}:`"
                )
            } else {
                format!("fact `{fact}` is a {k} fact: write `value:` or `range:`, not `date:`")
            };
            self.error(file.path, Some(file.at(figure_key_node)), message);
            return None;
        }
        let figure = match figure_key {
            "value" => Figure::Number(self.number(file, figure_node, "`value`")?),
            "range" => self.range(file, figure_node, fact)?,
            _ => Figure::Date(self.date(file, figure_node, "`date`")?),
        };
        let lowest = match figure {
            Figure::Number(n) | Figure::Range(n, _) => Some(n),
            Figure::Date(_) => None,
        };
        let impossible = match (kind, lowest) {
            (Some(Kind::Count), Some(n)) if n < 0.0 => Some(format!(
                "is a count, and {n} is negative; counts are 0 or more"
            )),
            (Some(Kind::Percent), Some(n)) if n < -100.0 => Some(format!(
                "is a percentage, and {n} % is below -100 %, which nothing can fall by"
            )),
            _ => None,
        };
        if let Some(why) = impossible {
            self.error(
                file.path,
                Some(file.at(figure_node)),
                format!("fact `{fact}` {why}"),
            );
            return None;
        }
        let as_of = match fields.get("as_of") {
            Some(&(_, d)) => Some(self.date(file, d, "`as_of`")?.days().1),
            None => None,
        };
        let url = fields
            .get("url")
            .and_then(|&(_, u)| self.text(file, u, "`url`"));
        if let Some(&(_, n)) = fields.get("note") {
            self.text(file, n, "`note`");
        }
        let source = match fields.get("source") {
            Some(&(_, s)) => {
                let name = self.text(file, s, "`source`")?;
                self.source(file, s, &name, keys)?
            }
            None => {
                self.error(
                    file.path,
                    Some(at),
                    format!("fact `{fact}`: each value needs `source:`"),
                );
                return None;
            }
        };
        Some(RefValue {
            figure,
            source,
            url,
            as_of,
            at,
        })
    }

    fn range(&mut self, file: &File, id: NodeId, fact: &str) -> Option<Figure> {
        let raw = file.raw(id);
        if let Some(found) = GROUPED_IN_FLOW.captures(raw).and_then(|c| c.get(1)) {
            let digits: String = found
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            self.error(
                file.path,
                Some(file.at(id)),
                format!(
                    "`range` `{}` uses `,` as a thousands separator, which YAML reads as a new item; write {digits}",
                    found.as_str()
                ),
            );
            return None;
        }
        let items = self.list(file, id, "`range`")?;
        let [a, b] = items.as_slice() else {
            self.error(
                file.path,
                Some(file.at(id)),
                format!("fact `{fact}`: `range` takes two numbers, [low, high]"),
            );
            return None;
        };
        let low = self.number(file, *a, "`range` low");
        let high = self.number(file, *b, "`range` high");
        let (low, high) = (low?, high?);
        if low > high {
            self.error(
                file.path,
                Some(file.at(id)),
                format!(
                    "fact `{fact}`: range [{low}, {high}] has low > high; write [{high}, {low}]"
                ),
            );
            return None;
        }
        Some(Figure::Range(low, high))
    }

    /// A key of `sources`, or a name written out (which becomes a source).
    fn source(
        &mut self,
        file: &File,
        node: NodeId,
        name: &str,
        keys: &HashMap<String, usize>,
    ) -> Option<usize> {
        if let Some(&i) = keys.get(name) {
            return Some(i);
        }
        let looks_like_key = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if looks_like_key {
            let mut known: Vec<&str> = keys.keys().map(String::as_str).collect();
            known.sort_unstable();
            let known = if known.is_empty() {
                "none: this file has no `sources:`".to_string()
            } else {
                known.join(", ")
            };
            self.error(
                file.path,
                Some(file.at(node)),
                format!(
                    "unknown source key `{name}`; known keys: {known} (write a source's full name to use it without a key)"
                ),
            );
            return None;
        }
        if let Some(&i) = self.named_sources.get(name) {
            return Some(i);
        }
        self.named_sources
            .insert(name.to_string(), self.sources.len());
        self.sources.push(Source {
            key: None,
            name: name.to_string(),
            url: None,
            aliases: Vec::new(),
        });
        Some(self.sources.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let _ = errors(text);
        }
    }
}
