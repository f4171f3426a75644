//! Claims about the same quantity, found by blocking, never by trying all
//! pairs: a block is (kind, dimension, subject); inside it, claims are
//! grouped by what they name (places, parties, the counted noun), and a
//! claim that names less joins the one group that names more — or stays
//! alone when two groups could take it. Each cluster then gets its status
//! from the same interval rules as `verify`.

use rustc_hash::FxHashMap as HashMap;

use super::features::{Item, Subject};
use crate::check;
use crate::claim::{Claim, Kind, Value};
use crate::error::Location;
use crate::refs::{Fact, Figure, Tolerance};
use crate::units::{Dimension, Unit};

/// How claims are compared.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Incompatible figures dated at most this many days apart conflict.
    pub window_days: i64,
    /// Replaces the rounding of the other claim's figure, as a fact's
    /// `tolerance:` does.
    pub tolerance: Option<Tolerance>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            window_days: 7,
            tolerance: None,
        }
    }
}

/// What a cluster's figures say together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// One claim: nothing to compare.
    Alone,
    Agree,
    /// Different figures from different times: a series.
    Changed,
    /// Different figures from the same window: the discrepancy.
    Conflict,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Alone => "alone",
            Status::Agree => "agree",
            Status::Changed => "changed",
            Status::Conflict => "conflict",
        }
    }

    /// Most severe first.
    pub const BY_SEVERITY: [Status; 4] = [
        Status::Conflict,
        Status::Changed,
        Status::Agree,
        Status::Alone,
    ];

    pub fn parse(name: &str) -> Option<Status> {
        Status::BY_SEVERITY.into_iter().find(|s| s.name() == name)
    }
}

/// Claims about one quantity, in date order.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub id: String,
    pub kind: Kind,
    pub about: String,
    pub status: Status,
    /// Indices into the items, earliest first.
    pub members: Vec<usize>,
}

impl Cluster {
    /// Files the cluster's claims come from.
    pub fn files(&self, items: &[Item]) -> usize {
        let mut files: Vec<usize> = self.members.iter().map(|&m| items[m].file).collect();
        files.sort_unstable();
        files.dedup();
        files.len()
    }
}

/// What can be compared with what: a currency, a unit's dimension, or
/// percentage points apart from percentages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Dim {
    None,
    Currency(&'static str),
    Unit(Dimension),
}

fn dim(claim: &Claim) -> Dim {
    match claim.quantity() {
        Some(q) => match (q.currency, q.unit) {
            (Some(c), _) => Dim::Currency(c.code()),
            (None, Some(u)) => Dim::Unit(u.dimension()),
            (None, None) => Dim::None,
        },
        None => Dim::None,
    }
}

/// Groups the items into clusters. Items without a subject, and items
/// that two groups could take, are clusters of their own.
pub fn cluster(items: &[Item], options: &Options) -> Vec<Cluster> {
    let mut blocks: HashMap<(Kind, Dim, &Subject), Vec<usize>> = HashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match &item.subject {
            Some(subject) => blocks
                .entry((item.claim.kind, dim(&item.claim), subject))
                .or_default()
                .push(i),
            None => groups.push(vec![i]),
        }
    }
    let mut blocks: Vec<_> = blocks.into_iter().collect();
    blocks.sort_by_key(|(_, members)| members[0]);
    for ((_, _, subject), members) in blocks {
        for group in within_block(items, &members, subject.is_strict()) {
            groups.extend(split_ambiguous(items, group, options));
        }
    }
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .map(|mut members| {
            members.sort_by_key(|&m| {
                (
                    items[m].day_number(),
                    items[m].file,
                    items[m].claim.span.start,
                )
            });
            let status = status(items, &members, options);
            let first = &items[members[0]];
            Cluster {
                id: String::new(),
                kind: first.claim.kind,
                about: about(first),
                status,
                members,
            }
        })
        .collect();
    clusters.sort_by_key(|c| {
        (
            items[c.members[0]].file,
            items[c.members[0]].claim.span.start,
        )
    });
    for (n, cluster) in clusters.iter_mut().enumerate() {
        cluster.id = format!("c{}", n + 1);
    }
    clusters
}

/// "killed · people · morocco": the subject, the noun, the places.
pub fn about(item: &Item) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = &item.subject {
        parts.push(s.label());
    }
    if let Some(n) = &item.noun {
        parts.push(n.clone());
    }
    parts.extend(item.entities.iter().cloned());
    if parts.is_empty() {
        parts.push(item.text.clone());
    }
    parts.join(" · ")
}

/// What an item names, for grouping inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Signature<'a> {
    entities: &'a [String],
    noun: Option<&'a str>,
}

impl Signature<'_> {
    /// Everything `self` names, `other` names too.
    fn within(&self, other: &Signature) -> bool {
        self.noun.is_none_or(|n| other.noun == Some(n))
            && self.entities.iter().all(|e| other.entities.contains(e))
    }
}

/// More distinct signatures than this in one block are left unmerged:
/// merging compares every pair of them.
const MERGE_LIMIT: usize = 2000;

fn within_block(items: &[Item], members: &[usize], strict: bool) -> Vec<Vec<usize>> {
    let mut by_signature: HashMap<Signature, Vec<usize>> = HashMap::default();
    let mut order: Vec<Signature> = Vec::new();
    for &m in members {
        let signature = Signature {
            entities: &items[m].entities,
            noun: items[m].noun.as_deref(),
        };
        by_signature
            .entry(signature.clone())
            .or_insert_with(|| {
                order.push(signature);
                Vec::new()
            })
            .push(m);
    }
    if strict || order.len() == 1 || order.len() > MERGE_LIMIT {
        return order.iter().map(|s| by_signature[s].clone()).collect();
    }
    // A signature no other one contains is maximal; each other one joins
    // the only maximal signature containing it, or stays apart.
    let maximal: Vec<usize> = (0..order.len())
        .filter(|&i| {
            !(0..order.len())
                .any(|j| j != i && order[i].within(&order[j]) && !order[j].within(&order[i]))
        })
        .collect();
    let mut groups: Vec<Vec<usize>> = maximal
        .iter()
        .map(|&i| by_signature[&order[i]].clone())
        .collect();
    for (i, signature) in order.iter().enumerate() {
        if maximal.contains(&i) {
            continue;
        }
        let homes: Vec<usize> = (0..maximal.len())
            .filter(|&g| signature.within(&order[maximal[g]]))
            .collect();
        match homes.as_slice() {
            [g] => groups[*g].extend(&by_signature[signature]),
            _ => groups.push(by_signature[signature].clone()),
        }
    }
    groups
}

/// A file with two figures in one group that disagree at the same time
/// makes the pairing ambiguous: the group is split by the clauses' words,
/// and claims still ambiguous after that stand alone.
fn split_ambiguous(items: &[Item], group: Vec<usize>, options: &Options) -> Vec<Vec<usize>> {
    if !ambiguous_files(items, &group, options).is_empty() {
        let mut by_detail: HashMap<u64, Vec<usize>> = HashMap::default();
        let mut order = Vec::new();
        for &m in &group {
            by_detail
                .entry(items[m].detail)
                .or_insert_with(|| {
                    order.push(items[m].detail);
                    Vec::new()
                })
                .push(m);
        }
        let mut out = Vec::new();
        for key in order {
            let part = by_detail.remove(&key).unwrap_or_default();
            let bad = ambiguous_files(items, &part, options);
            let (alone, kept): (Vec<usize>, Vec<usize>) = part
                .into_iter()
                .partition(|m| bad.contains(&items[*m].file));
            if !kept.is_empty() {
                out.push(kept);
            }
            out.extend(alone.into_iter().map(|m| vec![m]));
        }
        return out;
    }
    vec![group]
}

/// Files with two claims in `group` that disagree within the window.
fn ambiguous_files(items: &[Item], group: &[usize], options: &Options) -> Vec<usize> {
    let mut bad = Vec::new();
    if group.len() < 2 {
        return bad;
    }
    let mut by_file: HashMap<usize, Vec<usize>> = HashMap::default();
    for &m in group {
        by_file.entry(items[m].file).or_default().push(m);
    }
    for (file, claims) in by_file {
        if claims.len() < 2 || claims.len() > 64 {
            if claims.len() > 64 {
                bad.push(file);
            }
            continue;
        }
        let clash = claims.iter().enumerate().any(|(i, &a)| {
            claims[i + 1..].iter().any(|&b| {
                same_window(&items[a], &items[b], options)
                    && !agree(&items[a].claim, &items[b].claim, options)
            })
        });
        if clash {
            bad.push(file);
        }
    }
    bad
}

fn same_window(a: &Item, b: &Item, options: &Options) -> bool {
    match (a.day_number(), b.day_number()) {
        (Some(x), Some(y)) => i64::from(x.abs_diff(y)) <= options.window_days,
        _ => true,
    }
}

/// Comparisons a status may cost per claim, past which a sample decides.
const PAIRS_PER_CLAIM: usize = 16;

fn status(items: &[Item], members: &[usize], options: &Options) -> Status {
    if members.len() < 2 {
        return Status::Alone;
    }
    let mut conflict = false;
    let mut changed = false;
    // Members are in date order: each is compared with those after it,
    // a bounded number of them, nearest first.
    for (i, &a) in members.iter().enumerate() {
        for &b in members[i + 1..].iter().take(PAIRS_PER_CLAIM) {
            if agree(&items[a].claim, &items[b].claim, options) {
                continue;
            }
            if same_window(&items[a], &items[b], options) {
                conflict = true;
            } else {
                changed = true;
            }
        }
        if conflict {
            break;
        }
    }
    if conflict {
        Status::Conflict
    } else if changed {
        Status::Changed
    } else {
        Status::Agree
    }
}

/// The two claims agree under `verify`'s rules: either one's figure,
/// taken as a reference figure, agrees with the other claim.
pub fn agree(a: &Claim, b: &Claim, options: &Options) -> bool {
    let either = |x: &Claim, y: &Claim| {
        figure(y).is_some_and(|(figure, unit)| {
            let fact = pseudo_fact(x.kind, unit, options.tolerance);
            check::agrees(x, &fact, &figure)
        })
    };
    if either(a, b) || either(b, a) {
        return true;
    }
    // Two open intervals ("more than 10,000", "at least 12,000") agree
    // when they meet.
    match (a.quantity(), b.quantity()) {
        (Some(x), Some(y)) if figure(a).is_none() && figure(b).is_none() => {
            x.unit == y.unit && x.interval.overlaps(&y.interval)
        }
        _ => false,
    }
}

/// A claim's figure as a reference would write it: exact and approximate
/// figures as `value:`, closed intervals as `range:`, dates as `date:`.
pub fn figure(claim: &Claim) -> Option<(Figure, Option<Unit>)> {
    match &claim.value {
        Value::Quantity(q) => {
            let figure = match (q.qualifier, q.value, q.interval.low, q.interval.high) {
                (
                    crate::claim::Qualifier::Exact | crate::claim::Qualifier::Approx,
                    Some(v),
                    _,
                    _,
                ) => Figure::Number(v),
                (_, _, Some(low), Some(high)) if !q.interval.low_open && !q.interval.high_open => {
                    Figure::Range(low, high)
                }
                _ => return None,
            };
            Some((figure, q.unit))
        }
        Value::Date(Some(d)) => Some((Figure::Date(*d), None)),
        Value::Time(Some(t)) => Some((Figure::Date(t.date()), None)),
        _ => None,
    }
}

fn pseudo_fact(kind: Kind, unit: Option<Unit>, tolerance: Option<Tolerance>) -> Fact {
    Fact {
        id: String::new(),
        about: None,
        topic: None,
        kind,
        groups: Vec::new(),
        tolerance: if kind.is_quantity() { tolerance } else { None },
        currency: None,
        unit,
        values: Vec::new(),
        path: std::sync::Arc::from(""),
        at: Location { line: 0, column: 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::features;
    use crate::document::{Document, Origin};
    use crate::lang::Lang;

    /// The items of several articles, each `(language, date, text)`.
    fn items(articles: &[(Lang, &str, &str)]) -> Vec<Item> {
        let mut out = Vec::new();
        for (file, (lang, date, text)) in articles.iter().enumerate() {
            let doc = Document::parse(Origin::Stdin, text.to_string(), false, Vec::new());
            let date = date.parse().ok();
            let options = crate::extract::Options {
                lang: *lang,
                date,
                offset_seconds: None,
                clock: None,
                month_only: false,
            };
            let extraction = crate::extract::extract(&doc, options);
            out.extend(features::items(&doc, &extraction, *lang, date, file));
        }
        out
    }

    fn statuses(articles: &[(Lang, &str, &str)]) -> Vec<(Status, usize)> {
        let items = items(articles);
        cluster(&items, &Options::default())
            .into_iter()
            .filter(|c| c.files(&items) >= 2)
            .map(|c| (c.status, c.members.len()))
            .collect()
    }

    #[test]
    fn claims_agree_under_the_rules_of_verify() {
        // (first article, second article, status)
        let rows = [
            (
                "Sono stati uccisi 11.000 soldati.",
                "Sono stati uccisi 11.240 soldati.",
                Status::Agree,
            ),
            (
                "Sono stati uccisi 600 soldati.",
                "Sono stati uccisi 640 soldati.",
                Status::Conflict,
            ),
            (
                "Sono stati uccisi oltre 10.000 soldati.",
                "Sono stati uccisi 11.000 soldati.",
                Status::Agree,
            ),
            (
                "Sono stati uccisi circa 600 soldati.",
                "Sono stati uccisi 640 soldati.",
                Status::Agree,
            ),
        ];
        for (a, b, status) in rows {
            let found = statuses(&[(Lang::It, "2024-05-02", a), (Lang::It, "2024-05-03", b)]);
            assert_eq!(found, [(status, 2)], "{a} / {b}");
        }
    }

    #[test]
    fn the_same_quantity_in_two_languages() {
        let found = statuses(&[
            (Lang::It, "2024-05-02", "Nel Marocco i feriti sono 2.476."),
            (
                Lang::En,
                "2024-05-02",
                "In Morocco, 2,476 people were injured.",
            ),
        ]);
        assert_eq!(found, [(Status::Agree, 2)]);
    }

    #[test]
    fn figures_far_apart_in_time_changed() {
        let articles = |second: &'static str| {
            [
                (
                    Lang::En,
                    "2024-01-10",
                    "In Morocco, 300 people were injured.",
                ),
                (Lang::En, second, "In Morocco, 900 people were injured."),
            ]
        };
        assert_eq!(statuses(&articles("2024-01-12")), [(Status::Conflict, 2)]);
        assert_eq!(statuses(&articles("2024-04-12")), [(Status::Changed, 2)]);
    }

    #[test]
    fn a_claim_two_groups_could_take_stays_alone() {
        // "300 injured" names no place: it could be Gaza's or Rafah's.
        let items = items(&[
            (Lang::En, "2024-05-02", "In Gaza, 300 people were injured."),
            (Lang::En, "2024-05-02", "In Rafah, 500 people were injured."),
            (
                Lang::En,
                "2024-05-02",
                "Officials said 300 people were injured.",
            ),
        ]);
        let clusters = cluster(&items, &Options::default());
        assert!(
            clusters.iter().all(|c| c.members.len() == 1),
            "{clusters:#?}"
        );
        assert!(clusters.iter().all(|c| c.status == Status::Alone));
    }

    #[test]
    fn different_places_are_different_quantities() {
        let found = statuses(&[
            (Lang::En, "2024-05-02", "In Gaza, 300 people were injured."),
            (Lang::En, "2024-05-02", "In Rafah, 500 people were injured."),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }
}
