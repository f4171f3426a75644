//! Reading reference YAML: serde structs that refuse unknown keys, then
//! checks serde cannot express (ids, sources, dates, ranges, kinds), each
//! problem with its file, line and column. One run reports every problem
//! of every file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Fact, FactIndex, Figure, RefValue, Source, Term, Tolerance};
use crate::claim::Kind;
use crate::error::{Error, Location, Problem};
use crate::units::{Currency, Unit};
use crate::when::DateValue;

/// Reference files larger than this are refused (a YAML bomb guard).
pub const MAX_REFS_SIZE: u64 = 64 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    topic: Option<String>,
    #[serde(default)]
    sources: BTreeMap<String, RawSource>,
    facts: Vec<RawFact>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: String,
    url: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: String,
    about: Option<String>,
    kind: String,
    #[serde(rename = "match")]
    groups: Vec<Vec<String>>,
    tolerance: Option<serde_yaml::Value>,
    currency: Option<String>,
    unit: Option<String>,
    values: Option<Vec<RawValue>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    value: Option<f64>,
    range: Option<Vec<f64>>,
    date: Option<serde_yaml::Value>,
    source: String,
    url: Option<String>,
    as_of: Option<serde_yaml::Value>,
    note: Option<String>,
}

/// Loads reference files and directories (walked for `*.yaml`, `*.yml`).
pub fn load_paths(paths: &[PathBuf]) -> Result<FactIndex, Error> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    let mut loaded = Loader::default();
    for file in &files {
        let display = file.display().to_string();
        let meta = std::fs::metadata(file).map_err(|source| Error::Io {
            path: display.clone(),
            source,
        })?;
        if meta.len() > MAX_REFS_SIZE {
            loaded.problem(&display, None, format!(
                "{} bytes is over the {MAX_REFS_SIZE}-byte limit for reference files; split it into several files",
                meta.len()
            ));
            continue;
        }
        let bytes = std::fs::read(file).map_err(|source| Error::Io {
            path: display.clone(),
            source,
        })?;
        match String::from_utf8(bytes) {
            Ok(text) => loaded.add(&display, &text),
            Err(e) => loaded.problem(
                &display,
                None,
                format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
            ),
        }
    }
    loaded.finish()
}

/// Parses one reference file held in memory (`path` names it in errors).
pub fn parse_str(path: &str, text: &str) -> Result<FactIndex, Error> {
    let mut loaded = Loader::default();
    loaded.add(path, text);
    loaded.finish()
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let hidden = entry
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if entry.is_dir() {
            collect(&entry, files)?;
        } else if entry.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            files.push(entry);
        }
    }
    Ok(())
}

#[derive(Default)]
struct Loader {
    facts: Vec<Fact>,
    sources: Vec<Source>,
    /// Fact id → file that defined it first.
    ids: HashMap<String, String>,
    problems: Vec<Problem>,
}

impl Loader {
    fn problem(&mut self, path: &str, location: Option<Location>, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            location,
            message,
        });
    }

    fn finish(self) -> Result<FactIndex, Error> {
        if self.problems.is_empty() {
            Ok(FactIndex::new(self.facts, self.sources))
        } else {
            Err(Error::InvalidRefs(self.problems))
        }
    }

    fn add(&mut self, path: &str, text: &str) {
        let raw: RawFile = match serde_yaml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let location = e.location().map(|l| Location {
                    line: l.line(),
                    column: l.column(),
                });
                let message = e.to_string();
                let message = match message.find(" at line ") {
                    Some(at) => message[..at].to_string(),
                    None => message,
                };
                self.problem(path, location, message);
                return;
            }
        };
        let finder = Finder::new(text);
        let mut keys = HashMap::new();
        for (key, raw) in &raw.sources {
            keys.insert(key.clone(), self.sources.len());
            self.sources.push(Source {
                key: Some(key.clone()),
                name: raw.name.clone(),
                url: raw.url.clone(),
                aliases: raw.aliases.clone(),
            });
        }
        for raw_fact in raw.facts {
            let at = finder.after(0, &format!("id: {}", raw_fact.id));
            if let Some(fact) = self.fact(path, &finder, at, raw_fact, &keys, raw.topic.clone()) {
                self.facts.push(fact);
            }
        }
    }

    fn fact(
        &mut self,
        path: &str,
        finder: &Finder,
        at: Option<usize>,
        raw: RawFact,
        keys: &HashMap<String, usize>,
        topic: Option<String>,
    ) -> Option<Fact> {
        let here = |field: &str| finder.location(at.and_then(|a| finder.after(a, field)).or(at));
        let before = self.problems.len();
        if let Some(first) = self.ids.get(&raw.id) {
            let message = format!("duplicate fact id `{}` (first defined in {first})", raw.id);
            self.problem(path, here("id:"), message);
        } else {
            self.ids.insert(raw.id.clone(), path.to_string());
        }
        let kind = Kind::parse(&raw.kind);
        if kind.is_none() {
            let message = format!(
                "unknown kind `{}`; use one of count, money, percent, measure, date, time",
                raw.kind
            );
            self.problem(path, here("kind:"), message);
        }
        let mut groups = Vec::new();
        for group in &raw.groups {
            let terms: Vec<Term> = group.iter().filter_map(|t| Term::parse(t)).collect();
            if terms.is_empty() {
                self.problem(
                    path,
                    here("match:"),
                    format!("fact `{}`: empty `match` group", raw.id),
                );
            }
            groups.push(terms);
        }
        if groups.is_empty() {
            self.problem(
                path,
                here("match:"),
                format!("fact `{}`: `match` needs at least one group", raw.id),
            );
        }
        let tolerance = raw.tolerance.as_ref().and_then(|t| {
            let parsed = parse_tolerance(t);
            if parsed.is_none() {
                self.problem(path, here("tolerance:"), format!(
                    "fact `{}`: tolerance must be a percentage like `5%` or a number like `250`",
                    raw.id
                ));
            }
            parsed
        });
        let currency = raw.currency.as_deref().and_then(|c| {
            let parsed = Currency::from_code(c);
            if parsed.is_none() {
                let codes: Vec<_> = Currency::all_codes().collect();
                self.problem(
                    path,
                    here("currency:"),
                    format!("unknown currency `{c}`; use one of {}", codes.join(", ")),
                );
            }
            parsed
        });
        if kind == Some(Kind::Money) && raw.currency.is_none() {
            self.problem(
                path,
                here("id:"),
                format!(
                    "money fact `{}` needs `currency:` (an ISO 4217 code such as EUR)",
                    raw.id
                ),
            );
        }
        let unit = raw.unit.as_deref().and_then(|u| {
            let parsed = Unit::from_symbol(u);
            if parsed.is_none() {
                let units: Vec<_> = Unit::all_symbols().collect();
                self.problem(
                    path,
                    here("unit:"),
                    format!("unknown unit `{u}`; use one of {}", units.join(", ")),
                );
            }
            parsed
        });
        if kind == Some(Kind::Measure) && raw.unit.is_none() {
            self.problem(
                path,
                here("id:"),
                format!("measure fact `{}` needs `unit:`", raw.id),
            );
        }
        let Some(raw_values) = raw.values else {
            self.problem(
                path,
                here("id:"),
                format!("fact `{}` has no `values`", raw.id),
            );
            return None;
        };
        if raw_values.is_empty() {
            self.problem(
                path,
                here("values:"),
                format!("fact `{}`: `values` is empty", raw.id),
            );
        }
        let mut values = Vec::new();
        let mut cursor = at
            .and_then(|a| finder.after(a, "values:"))
            .or(at)
            .unwrap_or(0);
        for value in raw_values {
            let value_at = finder.after(cursor, "source:").or(at);
            cursor = value_at.map_or(cursor, |v| v + 1);
            let loc = finder.location(value_at);
            if let Some(v) = self.value(path, loc, &raw.id, kind, value, keys) {
                values.push(v);
            }
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Fact {
            id: raw.id,
            about: raw.about,
            topic,
            kind: kind?,
            groups,
            tolerance,
            currency,
            unit,
            values,
            path: path.to_string(),
        })
    }

    fn value(
        &mut self,
        path: &str,
        loc: Option<Location>,
        id: &str,
        kind: Option<Kind>,
        raw: RawValue,
        keys: &HashMap<String, usize>,
    ) -> Option<RefValue> {
        let _ = raw.note;
        let figure = match (raw.value, &raw.range, &raw.date) {
            (Some(v), None, None) if v.is_finite() => Figure::Number(v),
            (None, Some(range), None) => match range.as_slice() {
                [a, b] if a <= b => Figure::Range(*a, *b),
                [a, b] => {
                    self.problem(
                        path,
                        loc,
                        format!("fact `{id}`: range [{a}, {b}] has low > high"),
                    );
                    return None;
                }
                _ => {
                    self.problem(
                        path,
                        loc,
                        format!("fact `{id}`: `range` takes two numbers, [low, high]"),
                    );
                    return None;
                }
            },
            (None, None, Some(d)) => match yaml_string(d).as_deref().and_then(DateValue::parse_iso)
            {
                Some(date) => Figure::Date(date),
                None => {
                    self.problem(path, loc, format!(
                        "fact `{id}`: malformed date `{}`; write YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD",
                        yaml_string(d).unwrap_or_default()
                    ));
                    return None;
                }
            },
            _ => {
                self.problem(
                    path,
                    loc,
                    format!(
                        "fact `{id}`: each value needs exactly one of `value`, `range` or `date`"
                    ),
                );
                return None;
            }
        };
        let is_date_kind = matches!(kind, Some(Kind::Date | Kind::Time));
        if kind.is_some() && is_date_kind != matches!(figure, Figure::Date(_)) {
            let want = if is_date_kind {
                "`date:`"
            } else {
                "`value:` or `range:`"
            };
            self.problem(
                path,
                loc,
                format!(
                    "fact `{id}`: a {} fact takes {want}",
                    kind.map_or("", Kind::name)
                ),
            );
            return None;
        }
        let as_of = match &raw.as_of {
            None => None,
            Some(d) => match yaml_string(d).as_deref().and_then(DateValue::parse_iso) {
                Some(date) => Some(date.days().1),
                None => {
                    self.problem(
                        path,
                        loc,
                        format!(
                            "fact `{id}`: malformed `as_of` `{}`; write YYYY-MM-DD",
                            yaml_string(d).unwrap_or_default()
                        ),
                    );
                    return None;
                }
            },
        };
        let source = self.source(path, loc, &raw.source, keys)?;
        Some(RefValue {
            figure,
            source,
            url: raw.url,
            as_of,
        })
    }

    /// A key of `sources`, or a name written out (which becomes a source).
    fn source(
        &mut self,
        path: &str,
        loc: Option<Location>,
        name: &str,
        keys: &HashMap<String, usize>,
    ) -> Option<usize> {
        if let Some(&i) = keys.get(name) {
            return Some(i);
        }
        let looks_like_key = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
            && !keys.is_empty();
        if looks_like_key {
            let known: Vec<&str> = keys.keys().map(String::as_str).collect();
            self.problem(path, loc, format!(
                "unknown source key `{name}`; known keys: {} (write a source's full name to use it without a key)",
                known.join(", ")
            ));
            return None;
        }
        if let Some(i) = self
            .sources
            .iter()
            .position(|s| s.key.is_none() && s.name == name)
        {
            return Some(i);
        }
        self.sources.push(Source {
            key: None,
            name: name.to_string(),
            url: None,
            aliases: Vec::new(),
        });
        Some(self.sources.len() - 1)
    }
}

fn yaml_string(value: &serde_yaml::Value) -> Option<String> {
    match value {
        serde_yaml::Value::String(s) => Some(s.trim().to_string()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Tagged(t) => yaml_string(&t.value),
        _ => None,
    }
}

fn parse_tolerance(value: &serde_yaml::Value) -> Option<Tolerance> {
    match value {
        serde_yaml::Value::Number(n) => n.as_f64().filter(|v| *v >= 0.0).map(Tolerance::Absolute),
        serde_yaml::Value::String(s) => {
            let s = s.trim();
            match s.strip_suffix('%') {
                Some(p) => p
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|v| *v >= 0.0)
                    .map(|p| Tolerance::Relative(p / 100.0)),
                None => s
                    .parse::<f64>()
                    .ok()
                    .filter(|v| *v >= 0.0)
                    .map(Tolerance::Absolute),
            }
        }
        _ => None,
    }
}

/// Finds keys in the raw text, to give positions to problems serde cannot
/// locate.
struct Finder<'a> {
    text: &'a str,
}

impl<'a> Finder<'a> {
    fn new(text: &'a str) -> Finder<'a> {
        Finder { text }
    }

    fn after(&self, from: usize, needle: &str) -> Option<usize> {
        self.text.get(from..)?.find(needle).map(|i| from + i)
    }

    fn location(&self, offset: Option<usize>) -> Option<Location> {
        let offset = offset?;
        let before = self.text.get(..offset)?;
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some(Location {
            line,
            column: before[line_start..].chars().count() + 1,
        })
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
        assert_eq!(
            index.sources[fact.values[1].source].name,
            "Ukraine's military intelligence"
        );
    }

    #[test]
    fn unknown_keys_name_line_and_column() {
        let text = GOOD.replace("about: troops sent", "abut: troops sent");
        let err = parse_str("t.yaml", &text).unwrap_err().to_string();
        assert!(
            err.starts_with("t.yaml:8:5: facts[0]: unknown field `abut`"),
            "{err}"
        );
    }

    #[test]
    fn reversed_range_is_an_error_at_its_value() {
        let text = GOOD.replace("[11000, 12000]", "[12000, 11000]");
        let err = parse_str("t.yaml", &text).unwrap_err().to_string();
        assert!(
            err.contains("t.yaml:19:9: fact `troops`: range [12000, 11000] has low > high"),
            "{err}"
        );
    }

    #[test]
    fn unknown_source_key_is_an_error() {
        let text = GOOD.replace("source: nis", "source: nsi");
        let err = parse_str("t.yaml", &text).unwrap_err().to_string();
        assert!(err.contains("unknown source key `nsi`"), "{err}");
    }
}
