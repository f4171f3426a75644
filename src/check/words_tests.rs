//! The explanation in another language ([`Finding::explanation_in`]): on
//! every article of the verdict corpora (without a publication date and
//! long after it, so that undated, outdated, later and not-judged
//! explanations all occur), said in Italian, German, French or Spanish it keeps none of the
//! English phrases those languages have a row for. (Every explanation is
//! written when asked for, from one function: English is that function
//! with English words.)

use std::fs;
use std::path::Path;

use jiff::civil::{Date, date};

use super::{Finding, check};
use crate::document::{Document, Origin};
use crate::extract::{Options, extract};
use crate::lang::Lang;
use crate::refs::parse_str;

/// Every finding of every article of the verdict corpora, judged with each
/// of `dates`.
fn findings(dates: &[Option<Date>]) -> Vec<(Finding, Lang)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval");
    let mut out = Vec::new();
    let mut topics = Vec::new();
    for set in ["verdicts", "heldout", "heldout2", "heldout3", "heldout4"] {
        let Ok(entries) = fs::read_dir(root.join(set)) else {
            continue;
        };
        topics.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
    }
    topics.sort();
    for topic in topics {
        let Ok(refs) = fs::read_to_string(topic.join("refs.yaml")) else {
            continue;
        };
        let index = parse_str("refs.yaml", &refs).expect("the corpus's references parse");
        let mut articles: Vec<_> = [topic.clone(), topic.join("doctored")]
            .iter()
            .filter_map(|d| fs::read_dir(d).ok())
            .flat_map(|e| e.flatten().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        articles.sort();
        for article in articles {
            let name = article.file_stem().unwrap().to_string_lossy().to_string();
            let lang = if name.ends_with("-it") {
                Lang::It
            } else {
                Lang::En
            };
            let text = fs::read_to_string(&article).unwrap();
            let doc = Document::parse(Origin::Stdin, text, false, Vec::new());
            for &date in dates {
                let options = Options {
                    lang,
                    date,
                    offset_seconds: None,
                    clock: None,
                    month_only: false,
                };
                let extraction = extract(&doc, options);
                out.extend(
                    check(&extraction, &index, lang, date)
                        .into_iter()
                        .map(|f| (f, lang)),
                );
            }
        }
    }
    out
}

#[test]
fn the_explanation_in_another_language_keeps_no_english_phrase_it_has_a_row_for() {
    let all = findings(&[None, Some(date(2027, 1, 1))]);
    let kind = |f: &Finding| (f.fact().is_some(), !f.candidates().is_empty());
    // The corpus has judged, not-judged and unmatched explanations.
    for wanted in [(true, false), (false, true), (false, false)] {
        assert!(
            all.iter().any(|(f, _)| kind(f) == wanted),
            "no finding {wanted:?}"
        );
    }
    for words in [Lang::It, Lang::De, Lang::Fr, Lang::Es] {
        // Long phrases only: a short one ("any") may be part of a name.
        let english: Vec<&str> = words
            .data()
            .explanation_words
            .iter()
            .filter(|(en, said)| en.trim().len() >= 12 && en != said)
            .map(|(en, _)| en.trim())
            .collect();
        for (f, lang) in &all {
            let said = f.written(*lang, words);
            if let Some(left) = english.iter().find(|en| said.contains(*en)) {
                panic!("{words}: {left:?} left in {said:?}");
            }
        }
    }
}

/// Every reason a claim is not judged, as the explanation says it.
const DOUBTS: &[&str] = &[
    "uncertain match",
    "a vague figure",
    "a relative date read as one after publication",
    "the date is years from every reference date",
    "the figure is orders of magnitude from every reference figure",
    "the figure is ten times or more from every reference figure",
    "another figure of its sentence agrees with this fact",
    "a heading the text below restates in full",
    "a date without its year, the reference's day in another year",
    "a year said relative to publication, another edition of a dated event",
];

#[test]
fn every_reason_not_to_judge_is_said_in_every_language() {
    use super::Doubt::*;
    let doubts = [
        Nearness, Tie, Statement, Context, OtherTime, Detached, OtherNoun, Sign, Forecast,
        Reversal, Ahead, Comparison, Place, People, Compound, Rate, Member, Named, Total, Subset,
        Average,
    ];
    let all: Vec<&str> = DOUBTS
        .iter()
        .copied()
        .chain(doubts.iter().map(|d| d.describe()))
        .collect();
    for words in [Lang::It, Lang::De, Lang::Fr, Lang::Es] {
        let missing: Vec<&&str> = all.iter().filter(|d| words.data().say(d) == **d).collect();
        assert!(missing.is_empty(), "{words} has no row for {missing:?}");
    }
}
