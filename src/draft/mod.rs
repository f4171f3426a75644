//! `factcheck refs draft`: trusted articles (wires, briefings, official
//! statements) → a reference file. One fact per cluster of claims
//! ([`crate::compare`]), its `match` groups from the cluster's concept,
//! noun and places in every language the tables know, one value per
//! claim with its source, `as_of` and a `note:` saying where it was read.
//!
//! The YAML is written through the serde structs below, which a test reads
//! back. A draft is checked before it is handed over: it must pass `refs
//! check`, and verifying the articles it came from against it must raise
//! no alarm; a fact that would is left out.

pub mod merge;

use serde::{Deserialize, Serialize};

use crate::compare::equiv::{self, Table};
use crate::compare::{self, Cluster, Corpus, Item, Subject};
use crate::pipeline::{self, Input, Settings};
use crate::refs::{self, Figure};

/// The source written when neither the sentence, `--source` nor the front
/// matter names one: not a key, so `refs check` takes it as a name, and
/// a comment after it asks the desk to fill it in.
pub const PLACEHOLDER: &str = "SOURCE TO FILL IN";
const PLACEHOLDER_COMMENT: &str = "  # TODO: the article names no source for this figure";

/// A reference file as `refs draft` writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub facts: Vec<DraftFact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftFact {
    pub id: String,
    pub about: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(rename = "match")]
    pub groups: Vec<Vec<String>>,
    pub values: Vec<DraftValue>,
}

/// A figure as written: integers without a decimal point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    pub fn of(v: f64) -> Number {
        if v.fract() == 0.0 && v.abs() < 9e15 {
            Number::Int(v as i64)
        } else {
            Number::Float(v)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[Number; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub note: String,
}

/// `--source`: the source of figures whose sentence names none.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub source: Option<String>,
}

/// The fact a cluster becomes, or `None` when its claims say too little
/// to write `match` groups (no concept, no noun, no place).
pub fn fact(corpus: &Corpus, cluster: &Cluster, options: &Options) -> Option<DraftFact> {
    let items: Vec<&Item> = cluster
        .members
        .iter()
        .map(|&m| &corpus.items[m])
        .filter(|i| compare::cluster::figure(&i.claim).is_some())
        .collect();
    let first = *items.first()?;
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut name: Vec<String> = Vec::new();
    match first.subject.as_ref()? {
        Subject::Predicate(c) | Subject::Topic(c) | Subject::Noun(c) => {
            let table = first.subject.as_ref().and_then(Subject::table)?.0;
            groups.push(equiv::terms(table, c));
            name.push((*c).to_string());
        }
        Subject::Head(stem) => {
            groups.push(vec![format!("{stem}*")]);
            name.push(stem.clone());
        }
        Subject::Measure(_) => {}
        Subject::Words(_) => return None,
    }
    if let Some(noun) = &first.noun {
        let terms = equiv::terms(Table::Nouns, noun);
        groups.push(if terms.is_empty() {
            vec![format!("{noun}*")]
        } else {
            terms
        });
        name.push(noun.clone());
    }
    // The places every claim of the cluster names: the first claim's that
    // all others share.
    let shared: Vec<&String> = first
        .entities
        .iter()
        .filter(|e| {
            items
                .iter()
                .all(|i| i.entities.is_empty() || i.entities.contains(e))
        })
        .take(2)
        .collect();
    for entity in shared {
        let terms = equiv::terms(Table::Places, entity);
        groups.push(if terms.is_empty() {
            vec![entity.clone()]
        } else {
            terms
        });
        name.push(entity.clone());
    }
    if groups.is_empty() {
        return None;
    }
    let (currency, unit) = match first.claim.quantity() {
        Some(q) => (
            q.currency.map(|c| c.code().to_string()),
            q.unit.map(|u| u.symbol().to_string()),
        ),
        None => (None, None),
    };
    let mut values: Vec<DraftValue> = Vec::new();
    for item in &items {
        let value = value(corpus, item, options)?;
        let same = |v: &DraftValue| {
            v.value == value.value
                && v.range == value.range
                && v.date == value.date
                && v.source == value.source
                && v.as_of == value.as_of
        };
        if !values.iter().any(same) {
            values.push(value);
        }
    }
    Some(DraftFact {
        id: slug(&name.join("-"), first.claim.kind.name()),
        about: cluster.about.clone(),
        kind: first.claim.kind.name().to_string(),
        currency,
        unit,
        groups,
        values,
    })
}

/// One claim's figure as a value: its source, `as_of` and where it was read.
pub fn value(corpus: &Corpus, item: &Item, options: &Options) -> Option<DraftValue> {
    let (figure, _) = compare::cluster::figure(&item.claim)?;
    let file = &corpus.files[item.file];
    let source = item
        .source
        .as_deref()
        .map(str::to_string)
        .or_else(|| options.source.clone())
        .or_else(|| file.source.clone())
        .map_or(PLACEHOLDER.to_string(), |s| not_a_key(&s));
    let (value, range, date) = match figure {
        Figure::Number(n) => (Some(Number::of(n)), None, None),
        Figure::Range(a, b) => (None, Some([Number::of(a), Number::of(b)]), None),
        Figure::Date(d) => (None, None, Some(d.iso())),
    };
    let qualifier = item
        .claim
        .quantity()
        .map(|q| q.qualifier.name())
        .filter(|q| !matches!(*q, "exact" | "range"));
    let mut note = format!("{}:{}", file.path, item.line);
    if let Some(q) = qualifier {
        note = format!("{q}; {note}");
    }
    Some(DraftValue {
        value,
        range,
        date,
        source,
        as_of: item.time.map(|t| t.iso()),
        note,
    })
}

/// A source written out in full: one that looks like a key (lower case,
/// no spaces) is capitalized, so `refs check` does not look it up.
fn not_a_key(source: &str) -> String {
    let key_like = source
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !key_like {
        return source.to_string();
    }
    let mut chars = source.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// `killed-morocco`: lower-case ASCII words joined by `-`.
pub(crate) fn slug(text: &str, fallback: &str) -> String {
    let folded = crate::text::fold(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// Every cluster's fact, ids made unique (also against `taken`).
pub fn facts(
    corpus: &Corpus,
    clusters: &[Cluster],
    options: &Options,
    taken: &[String],
) -> Vec<DraftFact> {
    let mut out: Vec<DraftFact> = Vec::new();
    for cluster in clusters {
        let Some(mut fact) = fact(corpus, cluster, options) else {
            continue;
        };
        let base = fact.id.clone();
        let mut n = 1;
        while taken.contains(&fact.id) || out.iter().any(|f| f.id == fact.id) {
            n += 1;
            fact.id = format!("{base}-{n}");
        }
        out.push(fact);
    }
    out
}

/// The YAML of `file`, with a comment after each placeholder source.
pub fn to_yaml(file: &RefFile) -> Result<String, serde_yaml::Error> {
    Ok(mark_placeholders(&serde_yaml::to_string(file)?))
}

/// Appends the to-do comment to each line holding the placeholder.
pub(crate) fn mark_placeholders(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len());
    for line in yaml.lines() {
        out.push_str(line);
        if line.trim_end().ends_with(&format!("source: {PLACEHOLDER}")) {
            out.push_str(PLACEHOLDER_COMMENT);
        }
        out.push('\n');
    }
    out
}

/// What a draft must not do to the articles it came from: the ids of
/// facts that verifying `inputs` against `yaml` judges `contradicted`,
/// `misattributed` or `outdated` (empty: none), or `Err` with the problems
/// when the text does not pass `refs check`.
pub(crate) fn alarms(
    yaml: &str,
    path: &str,
    inputs: &[Input],
    settings: &Settings,
) -> Result<Vec<String>, Vec<String>> {
    let checked = refs::check_str(path, yaml);
    let errors: Vec<String> = checked
        .problems
        .iter()
        .filter(|p| p.severity == crate::error::Severity::Error)
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut ids = Vec::new();
    for input in inputs {
        let Ok(doc) = pipeline::read(input, settings.max_size) else {
            continue;
        };
        let result = pipeline::analyze(doc, settings, Some(&checked.index));
        for finding in &result.findings {
            if finding.verdict.is_alarm()
                && let Some((id, _)) = finding.fact()
                && !ids.contains(id)
            {
                ids.push(id.clone());
            }
        }
    }
    Ok(ids)
}

/// Rounds of leaving out alarming facts before giving up.
const ROUNDS: usize = 8;

/// The draft of `inputs`: every cluster's fact, less those that would
/// raise an alarm on the articles themselves. `Err` with the problems if
/// no draft passes `refs check` (a bug: the structs write valid files).
pub fn draft(
    inputs: &[Input],
    settings: &Settings,
    options: &Options,
) -> Result<(RefFile, Vec<String>), Vec<String>> {
    let corpus = compare::read(inputs, settings, None);
    let clusters = compare::cluster(&corpus.items, &compare::Options::default());
    let mut file = RefFile {
        topic: None,
        facts: facts(&corpus, &clusters, options, &[]),
    };
    let mut dropped = Vec::new();
    for _ in 0..ROUNDS {
        let yaml = to_yaml(&file).map_err(|e| vec![e.to_string()])?;
        let ids = alarms(&yaml, "<draft>", inputs, settings)?;
        if ids.is_empty() {
            return Ok((file, dropped));
        }
        file.facts.retain(|f| !ids.contains(&f.id));
        dropped.extend(ids);
    }
    Err(vec![
        "the draft still raises alarms on its own articles".to_string(),
    ])
}
