//! One fact of a reference file and its values: id, kind, match groups,
//! tolerance, figures, sources and dates, checked against each other.

use rustc_hash::FxHashMap as HashMap;

use super::load::{File, Loader};
use super::schema::{FACT_KEYS, GROUPED_IN_FLOW, NUMBER, VALUE_KEYS};
use super::{Fact, Figure, RefValue, Source, Term, Tolerance};
use crate::claim::Kind;
use crate::units::{Currency, Unit};
use crate::yaml::{NodeId, Value};

impl Loader {
    pub(super) fn fact(
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

    pub(super) fn value(
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

    /// A key of `sources`, or a name written out (which becomes a source).
    pub(super) fn source(
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
