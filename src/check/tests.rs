//! Verdict and matching rules, one test a rule, on small articles and
//! reference files written for the test.

use jiff::civil::{Date, date};

use super::{Verdict, check};
use crate::document::{Document, Origin};
use crate::extract::{Options, extract};
use crate::lang::Lang;
use crate::refs::parse_str;

const REFS: &str = "\
sources:
  nis:
    name: National Intelligence Service
    aliases: [NIS, intelligence sudcoreana, Seoul's spy agency]
  hur:
    name: Ukraine's military intelligence
    aliases: [HUR, intelligence ucraina, Ukrainian intelligence]
facts:
  - id: sent
    kind: count
    match:
      - [nordcorean*, north korean*, pyongyang]
      - [soldat*, troops, soldiers]
    values:
      - value: 11000
        source: nis
        as_of: 2024-11-13
      - range: [11000, 12000]
        source: hur
        as_of: 2024-12-23
  - id: killed
    kind: count
    match:
      - [nordcorean*, north korean*]
      - [uccis*, killed]
    values:
      - value: 300
        source: nis
        as_of: 2025-01-13
      - value: 600
        source: nis
        as_of: 2025-04-30
      - value: 2000
        source: nis
        as_of: 2025-09-04
  - id: wounded
    kind: count
    match:
      - [nordcorean*, north korean*]
      - [ferit*, wounded]
    values:
      - value: 2700
        source: nis
        as_of: 2025-01-13
  - id: start
    kind: date
    match:
      - [kursk]
      - [invas*, incursion*]
    values:
      - date: 2024-08-06
        source: Reuters
";

/// (claim text, verdict, fact) for every claim of `text`.
fn verdicts(
    text: &str,
    lang: Lang,
    date: Date,
    refs: &str,
) -> Vec<(String, Verdict, Option<String>)> {
    let index = parse_str("refs.yaml", refs).unwrap();
    let doc = Document::parse(Origin::Stdin, text.to_string(), false, Vec::new());
    let options = Options {
        lang,
        date: Some(date),
        offset_seconds: None,
        clock: None,
        month_only: false,
    };
    let extraction = extract(&doc, options);
    check(&extraction, &index, lang, Some(date))
        .into_iter()
        .map(|f| {
            (
                text[f.claim.span.range()].to_string(),
                f.verdict,
                f.fact().map(|(id, _)| id.clone()),
            )
        })
        .collect()
}

fn verdict_of(text: &str, lang: Lang, date: Date, needle: &str) -> (Verdict, Option<String>) {
    verdicts(text, lang, date, REFS)
        .into_iter()
        .find(|(t, _, _)| t.contains(needle))
        .map(|(_, v, f)| (v, f))
        .unwrap_or_else(|| panic!("no claim {needle:?} in {text:?}"))
}

#[test]
fn every_current_source_agreeing_is_consistent() {
    let text = "Pyongyang ha inviato più di 10 mila soldati in Russia.";
    assert_eq!(
        verdict_of(text, Lang::It, date(2025, 8, 15), "10 mila"),
        (Verdict::Consistent, Some("sent".into()))
    );
}

#[test]
fn no_current_value_agreeing_is_contradicted() {
    let text = "Pyongyang sent 20,000 soldiers to Russia.";
    assert_eq!(
        verdict_of(text, Lang::En, date(2025, 8, 15), "20,000").0,
        Verdict::Contradicted
    );
}

#[test]
fn agreeing_with_one_source_of_two_is_disputed() {
    // 11,800 agrees with HUR's 11,000–12,000 but not with NIS's 11,000 read as
    // rounded (10,500–11,500).
    let text = "Pyongyang sent 11,800 soldiers to Russia.";
    assert_eq!(
        verdict_of(text, Lang::En, date(2025, 8, 15), "11,800").0,
        Verdict::Disputed
    );
}

#[test]
fn agreeing_only_with_a_replaced_figure_is_outdated() {
    let text = "Circa 600 soldati nordcoreani sarebbero stati uccisi.";
    assert_eq!(
        verdict_of(text, Lang::It, date(2025, 10, 1), "600").0,
        Verdict::Outdated
    );
    assert_eq!(
        verdict_of(text, Lang::It, date(2025, 8, 15), "600").0,
        Verdict::Consistent
    );
}

#[test]
fn later_figures_are_not_judged() {
    // NIS said 2,000 on 2025-09-04, after this article.
    let text = "About 2,000 North Korean soldiers were killed.";
    assert_eq!(
        verdict_of(text, Lang::En, date(2025, 8, 15), "2,000").0,
        Verdict::Contradicted
    );
}

#[test]
fn a_named_source_that_disagrees_while_another_agrees_is_misattributed() {
    let text = "According to Seoul's spy agency, Pyongyang sent 11,800 soldiers.";
    assert_eq!(
        verdict_of(text, Lang::En, date(2025, 8, 15), "11,800").0,
        Verdict::Misattributed
    );
    let text = "According to Ukrainian intelligence, Pyongyang sent 11,800 soldiers.";
    assert_eq!(
        verdict_of(text, Lang::En, date(2025, 8, 15), "11,800").0,
        Verdict::Consistent
    );
}

#[test]
fn a_claim_no_fact_matches_is_unverified() {
    let text = "Il porto ha movimentato 1.200 container.";
    assert_eq!(
        verdict_of(text, Lang::It, date(2025, 8, 15), "1.200"),
        (Verdict::Unverified, None)
    );
}

#[test]
fn the_clause_decides_between_two_figures() {
    let text = "Circa 600 soldati nordcoreani sarebbero stati uccisi e migliaia feriti.";
    let all = verdicts(text, Lang::It, date(2025, 8, 15), REFS);
    let fact = |needle: &str| {
        all.iter()
            .find(|(t, _, _)| t.contains(needle))
            .and_then(|c| c.2.clone())
    };
    assert_eq!(fact("600").as_deref(), Some("killed"));
    assert_eq!(fact("migliaia").as_deref(), Some("wounded"));
}

#[test]
fn without_a_term_in_its_clause_a_fact_goes_to_the_nearest_claim_only() {
    let text =
        "Kursk: nel 2023 un'esercitazione, poi l'invasione ucraina iniziata il 6 agosto 2024.";
    let all = verdicts(text, Lang::It, date(2025, 8, 15), REFS);
    let with_fact: Vec<_> = all.iter().filter(|c| c.2.is_some()).collect();
    assert!(with_fact.len() <= 1, "{all:?}");
}

#[test]
fn a_casualty_figure_never_checks_a_fact_about_something_else() {
    // Only the "sent" fact is loaded: 600 killed soldiers are not soldiers sent.
    let refs: String = REFS.split("  - id: killed").next().unwrap().to_string();
    let text = "Circa 600 soldati nordcoreani sarebbero stati uccisi.";
    let all = verdicts(text, Lang::It, date(2025, 8, 15), &refs);
    assert_eq!(all[0].1, Verdict::Unverified, "{all:?}");
}

#[test]
fn the_predicate_beats_the_counted_noun_when_two_facts_fit_the_clause() {
    let text = "About 600 North Korean soldiers have been killed.";
    assert_eq!(
        verdict_of(text, Lang::En, date(2025, 8, 15), "600")
            .1
            .as_deref(),
        Some("killed")
    );
}

/// A figure-dense article holds hundreds of thousands of claims, and
/// each becomes a finding while the list of claims is still held: their
/// sizes are the article's peak (docs/performance.md, "Memory on
/// figure-dense text").
#[test]
fn a_claim_and_a_finding_stay_small() {
    assert!(std::mem::size_of::<crate::claim::Claim>() <= 96);
    assert!(std::mem::size_of::<super::Finding>() <= 112);
    assert!(std::mem::size_of::<super::Linked>() <= 8);
}
