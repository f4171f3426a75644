//! What `refs check` warns about in valid reference files: facts whose
//! sources currently disagree beyond the tolerance (claims about them will
//! be `disputed` at best), and facts of one kind with the same `match`
//! groups (a claim would fit either, so which one it gets is arbitrary).

use std::collections::HashMap;

use super::{Fact, FactIndex, Figure, RefValue, Term};
use crate::error::{Problem, Severity};
use crate::lang::Lang;

/// Warnings about a valid index, in the order of the facts.
pub fn warnings(index: &FactIndex) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen: HashMap<(crate::claim::Kind, Vec<Vec<String>>), &Fact> = HashMap::new();
    for fact in &index.facts {
        if let Some(message) = disagreement(fact, index) {
            out.push(warning(fact, message));
        }
        let groups = group_key(&fact.groups);
        match seen.get(&(fact.kind, groups.clone())) {
            Some(first) => out.push(warning(
                fact,
                format!(
                    "facts `{}` ({}:{}:{}) and `{}` are both {} facts with the same `match` groups: a claim would fit either; add a term that tells them apart",
                    first.id, first.path, first.at.line, first.at.column, fact.id, fact.kind
                ),
            )),
            None => {
                seen.insert((fact.kind, groups), fact);
            }
        }
    }
    out
}

fn warning(fact: &Fact, message: String) -> Problem {
    Problem {
        path: fact.path.to_string(),
        location: Some(fact.at),
        severity: Severity::Warning,
        message,
    }
}

/// Groups as sets of term texts, order ignored.
fn group_key(groups: &[Vec<Term>]) -> Vec<Vec<String>> {
    let mut key: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            let mut terms: Vec<String> = g
                .iter()
                .map(|t| {
                    t.words
                        .iter()
                        .map(|w| format!("{}{}", w.text, if w.prefix { "*" } else { "" }))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            terms.sort();
            terms.dedup();
            terms
        })
        .collect();
    key.sort();
    key.dedup();
    key
}

/// Each source's latest figure (all its undated ones when it has no
/// dated one): what a claim published today is judged against.
pub(crate) fn current(fact: &Fact) -> Vec<&RefValue> {
    let mut out = Vec::new();
    let mut sources: Vec<usize> = fact.values.iter().map(|v| v.source).collect();
    sources.sort_unstable();
    sources.dedup();
    for s in sources {
        let values: Vec<&RefValue> = fact.values.iter().filter(|v| v.source == s).collect();
        let latest = values.iter().filter_map(|v| v.as_of).max();
        out.extend(
            values
                .into_iter()
                .filter(|v| v.as_of.is_none() || v.as_of == latest),
        );
    }
    out
}

/// Two figures of a fact agree: their reaches overlap (dates: at the
/// coarser grain).
pub(crate) fn figures_agree(fact: &Fact, a: &Figure, b: &Figure) -> bool {
    match (a, b) {
        (Figure::Date(x), Figure::Date(y)) => x.overlaps(*y),
        _ => match (fact.reach(a), fact.reach(b)) {
            (Some(x), Some(y)) => x.overlaps(&y),
            _ => false,
        },
    }
}

/// Whether the current figures of `fact`'s sources disagree among
/// themselves (what `refs check` warns of and `refs list` shows).
pub fn disagrees(fact: &Fact, index: &FactIndex) -> bool {
    disagreement(fact, index).is_some()
}

fn disagreement(fact: &Fact, index: &FactIndex) -> Option<String> {
    let current = current(fact);
    let disagree = current.iter().enumerate().any(|(i, a)| {
        current[i + 1..]
            .iter()
            .any(|b| a.source != b.source && !figures_agree(fact, &a.figure, &b.figure))
    });
    if !disagree {
        return None;
    }
    let listed: Vec<String> = current
        .iter()
        .map(|v| {
            let date = v.as_of.map(|d| format!(" ({d})")).unwrap_or_default();
            format!(
                "{} {}{date}",
                index.sources[v.source].short(),
                v.figure.describe(Lang::En)
            )
        })
        .collect();
    let tolerance = match fact.tolerance {
        Some(super::Tolerance::Relative(r)) => format!("tolerance {}%", r * 100.0),
        Some(super::Tolerance::Absolute(a)) => format!("tolerance {a}"),
        None => "no tolerance: figures read as rounded".to_string(),
    };
    Some(format!(
        "fact `{}`: sources' current figures disagree ({tolerance}): {}; claims will be disputed at best",
        fact.id,
        listed.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refs::parse_str;

    fn messages(text: &str) -> Vec<String> {
        let index = parse_str("t.yaml", text).unwrap();
        warnings(&index).iter().map(Problem::to_string).collect()
    }

    const TWO: &str = "\
facts:
  - id: a
    kind: count
    match: [[x], [y]]
    values:
      - value: 100
        source: One
        as_of: 2024-01-01
      - value: 200
        source: One
        as_of: 2024-06-01
      - value: 230
        source: Two
  - id: b
    kind: count
    match: [[y], [x, x]]
    values:
      - value: 5
        source: One
";

    #[test]
    fn current_figures_that_disagree_and_twin_facts_are_warned() {
        assert_eq!(messages(TWO), Vec::<String>::new().into_iter().chain([
            "t.yaml:2:9: warning: fact `a`: sources' current figures disagree (no tolerance: figures read as rounded): One 200 (2024-06-01), Two 230; claims will be disputed at best".to_string(),
            "t.yaml:14:9: warning: facts `a` (t.yaml:2:9) and `b` are both count facts with the same `match` groups: a claim would fit either; add a term that tells them apart".to_string(),
        ]).collect::<Vec<_>>());
    }

    #[test]
    fn a_tolerance_reconciles_sources() {
        let text = TWO.replace(
            "    match: [[x], [y]]\n",
            "    match: [[x], [y]]\n    tolerance: 10%\n",
        );
        assert_eq!(messages(&text).len(), 1, "{:#?}", messages(&text));
    }
}
