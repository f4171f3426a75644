//! `refs draft --into FILE`: a draft merged into an existing reference
//! file by editing its text, so its comments, order and style stay. A
//! claim the file already has a fact for (the claim `verify` would judge
//! against it) adds a value to that fact; the others become new facts at
//! the end of `facts:`. Nothing is returned unless the result passes
//! `refs check`.

use rustc_hash::FxHashMap as HashMap;

use super::{DraftFact, DraftValue, Options, alarms, facts, mark_placeholders, value};
use crate::check::Verdict;
use crate::compare::{self, Corpus};
use crate::pipeline::{self, Input, Settings};
use crate::refs::{self, FactIndex};

/// What a merge did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    /// Values added to facts the file had.
    pub added_values: usize,
    /// Facts the file gained.
    pub new_facts: usize,
}

/// Merges the draft of `inputs` into `text` (the file at `path`).
/// `Err` holds the problems: the file is invalid, cannot be edited, or
/// the result would not pass `refs check`.
pub fn merge(
    path: &str,
    text: &str,
    inputs: &[Input],
    settings: &Settings,
    options: &Options,
) -> Result<Merged, Vec<String>> {
    let index = refs::parse_str(path, text).map_err(|e| vec![e.to_string()])?;
    let corpus = compare::read(inputs, settings, None);
    let linked = linked(inputs, settings, &index);
    // Values for the file's facts, and the claims left for new facts.
    let mut additions: Vec<(String, DraftValue)> = Vec::new();
    let mut rest = Corpus {
        files: corpus.files.clone(),
        ..Corpus::default()
    };
    for item in &corpus.items {
        match linked.get(&(item.file, item.claim.span.start)) {
            Some(id) => {
                if let Some(v) = value(&corpus, item, options)
                    && !additions.iter().any(|(i, a)| i == id && *a == v)
                {
                    additions.push((id.clone(), v));
                }
            }
            None => rest.items.push(item.clone()),
        }
    }
    let clusters = compare::cluster(&rest.items, &compare::Options::default());
    let taken: Vec<String> = index.facts.iter().map(|f| f.id.clone()).collect();
    let mut new = facts(&rest, &clusters, options, &taken);
    for (_, v) in &mut additions {
        v.source = known_source(&index, &v.source);
    }
    for fact in &mut new {
        for v in &mut fact.values {
            v.source = known_source(&index, &v.source);
        }
    }
    for _ in 0..super::ROUNDS {
        let merged = edit(text, &index, &additions, &new)?;
        let ids = alarms(&merged, path, inputs, settings)?;
        let before = new.len();
        new.retain(|f| !ids.contains(&f.id));
        if new.len() == before {
            return Ok(Merged {
                text: merged,
                added_values: additions.len(),
                new_facts: new.len(),
            });
        }
    }
    Err(vec![
        "the merged file still raises alarms on its own articles".to_string(),
    ])
}

/// For each claim (file, start) that `verify` links to a fact of the
/// file with a verdict, that fact's id.
fn linked(
    inputs: &[Input],
    settings: &Settings,
    index: &FactIndex,
) -> HashMap<(usize, usize), String> {
    let mut out = HashMap::default();
    let mut file = 0;
    for input in inputs {
        let Ok(doc) = pipeline::read(input, settings.max_size) else {
            continue;
        };
        let result = pipeline::analyze(doc, settings, Some(index));
        for finding in &result.findings {
            if let Some((id, _)) = finding.fact()
                && finding.verdict != Verdict::Unverified
            {
                out.insert((file, finding.claim.span.start), id.clone());
            }
        }
        file += 1;
    }
    out
}

/// Leading spaces of a line.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The column of the `-` of the list entry holding line `at` (0-based).
fn dash_indent(lines: &[&str], at: usize) -> usize {
    let mut i = at;
    loop {
        let line = lines[i];
        if line.trim_start().starts_with("- ") || line.trim_start() == "-" {
            return indent(line);
        }
        if i == 0 {
            return indent(lines[at]).saturating_sub(2);
        }
        i -= 1;
    }
}

/// The line after the list entry that starts at line `at` whose dash
/// stands at `dash`: continuation lines are indented further (blank
/// lines and comments inside it included, trailing ones left out).
fn entry_end(lines: &[&str], at: usize, dash: usize) -> usize {
    let mut end = at + 1;
    let mut last = at + 1;
    while end < lines.len() {
        let line = lines[end];
        if line.trim().is_empty() {
            end += 1;
            continue;
        }
        if indent(line) <= dash {
            break;
        }
        end += 1;
        last = end;
    }
    last
}

/// `items` as YAML list entries, each line indented by `dash` spaces.
fn block<T: serde::Serialize>(items: &[T], dash: usize) -> Result<String, Vec<String>> {
    let yaml = serde_yaml::to_string(items).map_err(|e| vec![e.to_string()])?;
    let pad = " ".repeat(dash);
    Ok(mark_placeholders(&yaml)
        .lines()
        .map(|l| format!("{pad}{l}\n"))
        .collect())
}

/// The text with the values added after each fact's last value and the
/// new facts after the last fact, checked with `refs check`.
fn edit(
    text: &str,
    index: &FactIndex,
    additions: &[(String, DraftValue)],
    new: &[DraftFact],
) -> Result<String, Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    // (line before which to insert, order, text), applied bottom up; at
    // one line, values (0) go before new facts (1).
    let mut inserts: Vec<(usize, u8, String)> = Vec::new();
    let mut by_fact: Vec<(&str, Vec<DraftValue>)> = Vec::new();
    for (id, v) in additions {
        match by_fact.iter_mut().find(|(i, _)| i == id) {
            Some((_, values)) => values.push(v.clone()),
            None => by_fact.push((id, vec![v.clone()])),
        }
    }
    for (id, values) in &by_fact {
        let Some(fact) = index.facts.iter().find(|f| f.id == *id) else {
            continue;
        };
        let Some(last) = fact.values.iter().map(|v| v.at.line).max() else {
            continue;
        };
        let at = last.saturating_sub(1).min(lines.len().saturating_sub(1));
        if lines[at].contains('{') || lines[at].contains('[') && !lines[at].contains("range") {
            return Err(vec![format!(
                "cannot merge into fact `{id}`: its values are written in flow style; write them one per line"
            )]);
        }
        let dash = dash_indent(&lines, at);
        inserts.push((entry_end(&lines, at, dash), 0, block(values, dash)?));
    }
    if !new.is_empty() {
        match index.facts.iter().map(|f| f.at.line).max() {
            Some(last) => {
                let at = last.saturating_sub(1).min(lines.len().saturating_sub(1));
                let dash = dash_indent(&lines, at);
                inserts.push((entry_end(&lines, at, dash), 1, block(new, dash)?));
            }
            None => {
                return Err(vec![
                    "cannot merge: the file has no facts to add to".to_string(),
                ]);
            }
        }
    }
    inserts.sort_by_key(|i| std::cmp::Reverse((i.0, i.1)));
    let mut out: Vec<String> = lines.iter().map(|l| format!("{l}\n")).collect();
    for (at, _, block) in inserts {
        out.insert(at.min(out.len()), block);
    }
    Ok(out.concat())
}

/// The key (else the name) of the file's source that `source` names by
/// its name or an alias; `source` itself when none does.
fn known_source(index: &FactIndex, source: &str) -> String {
    let folded = crate::text::fold(source);
    index
        .sources
        .iter()
        .find(|s| {
            std::iter::once(&s.name)
                .chain(&s.aliases)
                .any(|a| crate::text::fold(a) == folded)
        })
        .map_or(source.to_string(), |s| {
            s.key.clone().unwrap_or(s.name.clone())
        })
}
