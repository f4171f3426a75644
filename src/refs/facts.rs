//! One fact of a reference file and its values: id, kind, match groups,
//! tolerance, figures, sources and dates, checked against each other. A
//! fact is read as soon as the parser has read it; the sources its values
//! name are resolved at the end of the file (see `load.rs`).

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::load::{File, Loader};
use super::schema::{FACT, FIGURE_KEYS, Fields, GROUPED_IN_FLOW, NUMBER, VALUE};
use super::{Fact, Figure, RefValue, Source, Term, Tolerance};
use crate::claim::Kind;
use crate::error::Location;
use crate::units::{Currency, Unit};
use crate::yaml::{NodeId, Value};

/// A fact read from its file, its values' sources not yet resolved.
pub(super) struct Pending {
    /// Its values' `source` fields still point nowhere; its `topic` is
    /// unset.
    pub(super) fact: Fact,
    /// Parallel to `fact.values`: the source each names, and where.
    pub(super) sources: Vec<(String, Location)>,
    /// False when the fact had a problem: its sources are still checked,
    /// then it is left out.
    pub(super) valid: bool,
}

/// What the checks of a fact's fields need to know about it.
struct Subject<'a> {
    id: &'a str,
    /// Where its `id` is written (where problems of missing keys go).
    at: Location,
}

impl Loader {
    /// The `n`th item of `facts:`. `None` when it has no id or no values
    /// (nothing to resolve); otherwise its problems are reported and it
    /// comes back marked invalid.
    pub(super) fn fact(&mut self, file: &File, item: NodeId, n: usize) -> Option<Pending> {
        let before = self.problems.len();
        let what = format!("facts[{n}]");
        let fields = self.fields(file, item, &what, FACT)?;
        let id_node = self.required(file, &fields, FACT, "id", &what, file.at(item))?;
        let id = self.text(file, id_node, "`id`")?;
        let at = file.at(id_node);
        self.claim_id(file.path, &id, at);
        let fact = Subject { id: &id, at };
        let subject = format!("fact `{id}`");
        let field = |name: &str| fields.get(name).map(|&(_, v)| v);
        let about = field("about").and_then(|v| self.text(file, v, "`about`"));
        let kind = self
            .required(file, &fields, FACT, "kind", &subject, at)
            .and_then(|v| self.kind(file, v, &fact));
        let groups = match self.required(file, &fields, FACT, "match", &subject, at) {
            Some(v) => self.groups(file, v, &id),
            None => Vec::new(),
        };
        let tolerance = field("tolerance").and_then(|v| self.tolerance(file, v, &id));
        let currency = field("currency").and_then(|v| self.currency(file, v));
        let unit = field("unit").and_then(|v| self.unit(file, v));
        self.kind_agrees(file, &fields, kind, &fact);
        let values_node = self.required(file, &fields, FACT, "values", &subject, at)?;
        let (values, sources) = self.values(file, values_node, &id, kind);
        let valid = self.problems.len() == before;
        Some(Pending {
            fact: Fact {
                id,
                about,
                topic: None,
                kind: kind.unwrap_or(Kind::Count),
                groups,
                tolerance,
                currency,
                unit,
                values,
                // Set, shared, when its sources are resolved.
                path: Arc::from(""),
                at,
            },
            sources,
            valid: valid && kind.is_some(),
        })
    }

    /// Records where fact `id` is defined; a second definition is an
    /// error naming the first.
    fn claim_id(&mut self, path: &str, id: &str, at: Location) {
        match self.ids.get(id) {
            Some((first_path, first)) => {
                let message = format!(
                    "duplicate fact id `{id}`; first defined at {first_path}:{}:{}",
                    first.line, first.column
                );
                self.error(path, Some(at), message);
            }
            None => {
                self.ids.insert(id.to_string(), (path.to_string(), at));
            }
        }
    }

    fn kind(&mut self, file: &File, v: NodeId, fact: &Subject) -> Option<Kind> {
        let name = self.text(file, v, "`kind`")?;
        let kind = Kind::parse(&name);
        if kind.is_none() {
            self.error(
                file.path,
                Some(file.at(v)),
                format!(
                    "fact `{}`: unknown kind `{name}`; use one of count, money, percent, measure, date, time",
                    fact.id
                ),
            );
        }
        kind
    }

    fn currency(&mut self, file: &File, v: NodeId) -> Option<Currency> {
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
    }

    fn unit(&mut self, file: &File, v: NodeId) -> Option<Unit> {
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
    }

    /// The fields that depend on the kind: a currency for money and only
    /// money, a unit for measures (percentages may take one), a tolerance
    /// only for quantities.
    fn kind_agrees(&mut self, file: &File, fields: &Fields, kind: Option<Kind>, fact: &Subject) {
        let id = fact.id;
        let key_at = |name: &str| fields.get(name).map(|&(k, _)| file.at(k));
        let kind_at = fields.get("kind").map_or(fact.at, |&(_, v)| file.at(v));
        let (currency, unit) = (fields.contains_key("currency"), fields.contains_key("unit"));
        match kind {
            Some(Kind::Money) if !currency => self.error(
                file.path,
                Some(kind_at),
                format!("money fact `{id}` needs `currency:` (an ISO 4217 code such as EUR)"),
            ),
            Some(Kind::Measure) if !unit => self.error(
                file.path,
                Some(kind_at),
                format!("measure fact `{id}` needs `unit:` (such as km2 or t)"),
            ),
            Some(k) if k != Kind::Money && currency => self.error(
                file.path,
                key_at("currency"),
                format!("fact `{id}` is a {k} fact: only money facts take `currency:`"),
            ),
            Some(k) if !matches!(k, Kind::Measure | Kind::Percent) && unit => self.error(
                file.path,
                key_at("unit"),
                format!("fact `{id}` is a {k} fact: only measure and percent facts take `unit:`"),
            ),
            _ => {}
        }
        if matches!(kind, Some(Kind::Date | Kind::Time)) && fields.contains_key("tolerance") {
            self.error(
                file.path,
                key_at("tolerance"),
                format!(
                    "fact `{id}`: dates agree at their grain; `tolerance` applies to quantities only"
                ),
            );
        }
    }

    /// A fact's `values:`, each with the source it names.
    fn values(
        &mut self,
        file: &File,
        node: NodeId,
        fact: &str,
        kind: Option<Kind>,
    ) -> (Vec<RefValue>, Vec<(String, Location)>) {
        let items = self.list(file, node, "`values`").unwrap_or_default();
        if items.is_empty() && matches!(file.tree.node(node).value, Value::Seq(_)) {
            self.error(
                file.path,
                Some(file.at(node)),
                format!("fact `{fact}`: `values` is empty"),
            );
        }
        items
            .into_iter()
            .filter_map(|item| self.value(file, item, fact, kind))
            .unzip()
    }

    pub(super) fn groups(&mut self, file: &File, id: NodeId, fact: &str) -> Vec<Vec<Term>> {
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

    pub(super) fn tolerance(&mut self, file: &File, id: NodeId, fact: &str) -> Option<Tolerance> {
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

    /// One item of `values:`, and the source it names (resolved later).
    fn value(
        &mut self,
        file: &File,
        item: NodeId,
        fact: &str,
        kind: Option<Kind>,
    ) -> Option<(RefValue, (String, Location))> {
        let at = file.at(item);
        let subject = format!("fact `{fact}`");
        let fields = self.fields(file, item, &format!("a value of `{fact}`"), VALUE)?;
        let figure_key = self.figure_key(file, &fields, fact, at)?;
        let (figure_key_node, figure_node) = fields[figure_key];
        self.figure_fits(file, figure_key, figure_key_node, fact, kind)?;
        let figure = match figure_key {
            "value" => Figure::Number(self.number(file, figure_node, "`value`")?),
            "range" => self.range(file, figure_node, fact)?,
            _ => Figure::Date(self.date(file, figure_node, "`date`")?),
        };
        self.possible(file, figure, figure_node, fact, kind)?;
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
        let source = self.required(file, &fields, VALUE, "source", &subject, at)?;
        let name = self.text(file, source, "`source`")?;
        let value = RefValue {
            figure,
            source: usize::MAX,
            url,
            as_of,
            at,
        };
        Some((value, (name, file.at(source))))
    }

    /// Which of `value`, `range` and `date` a value gives: exactly one.
    fn figure_key(
        &mut self,
        file: &File,
        fields: &Fields,
        fact: &str,
        at: Location,
    ) -> Option<&'static str> {
        let given: Vec<&str> = FIGURE_KEYS
            .into_iter()
            .filter(|k| fields.contains_key(k))
            .collect();
        match given.as_slice() {
            [one] => Some(*one),
            [] => {
                self.error(
                    file.path,
                    Some(at),
                    format!("fact `{fact}`: each value needs one of `value`, `range` or `date`"),
                );
                None
            }
            [first, second, ..] => {
                let (k, _) = fields[*second];
                self.error(
                    file.path,
                    Some(file.at(k)),
                    format!("fact `{fact}`: a value has both `{first}` and `{second}`; keep one"),
                );
                None
            }
        }
    }

    /// Dates for date and time facts, numbers for the others.
    fn figure_fits(
        &mut self,
        file: &File,
        figure_key: &str,
        key_node: NodeId,
        fact: &str,
        kind: Option<Kind>,
    ) -> Option<()> {
        let is_date_kind = matches!(kind, Some(Kind::Date | Kind::Time));
        let Some(k) = kind.filter(|_| is_date_kind != (figure_key == "date")) else {
            return Some(());
        };
        let message = if is_date_kind {
            format!("fact `{fact}` is a {k} fact: write `date: YYYY-MM-DD`, not `{figure_key}:`")
        } else {
            format!("fact `{fact}` is a {k} fact: write `value:` or `range:`, not `date:`")
        };
        self.error(file.path, Some(file.at(key_node)), message);
        None
    }

    /// No negative count, no percentage below -100.
    fn possible(
        &mut self,
        file: &File,
        figure: Figure,
        node: NodeId,
        fact: &str,
        kind: Option<Kind>,
    ) -> Option<()> {
        let lowest = match figure {
            Figure::Number(n) | Figure::Range(n, _) => Some(n),
            Figure::Date(_) => None,
        };
        let why = match (kind, lowest) {
            (Some(Kind::Count), Some(n)) if n < 0.0 => {
                format!("is a count, and {n} is negative; counts are 0 or more")
            }
            (Some(Kind::Percent), Some(n)) if n < -100.0 => {
                format!("is a percentage, and {n} % is below -100 %, which nothing can fall by")
            }
            _ => return Some(()),
        };
        self.error(
            file.path,
            Some(file.at(node)),
            format!("fact `{fact}` {why}"),
        );
        None
    }

    pub(super) fn range(&mut self, file: &File, id: NodeId, fact: &str) -> Option<Figure> {
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

    /// A key of `sources`, or a name written out (which becomes a source);
    /// an unknown key is an error at `at` when `report`.
    pub(super) fn source(
        &mut self,
        path: &str,
        at: Location,
        name: &str,
        keys: &HashMap<String, usize>,
        report: bool,
    ) -> Option<usize> {
        if let Some(&i) = keys.get(name) {
            return Some(i);
        }
        let looks_like_key = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if looks_like_key {
            if report {
                self.unknown_source_key(path, at, name, keys);
            }
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

    fn unknown_source_key(
        &mut self,
        path: &str,
        at: Location,
        name: &str,
        keys: &HashMap<String, usize>,
    ) {
        let mut known: Vec<&str> = keys.keys().map(String::as_str).collect();
        known.sort_unstable();
        let known = if known.is_empty() {
            "none: this file has no `sources:`".to_string()
        } else {
            known.join(", ")
        };
        self.error(
            path,
            Some(at),
            format!(
                "unknown source key `{name}`; known keys: {known} (write a source's full name to use it without a key)"
            ),
        );
    }
}
