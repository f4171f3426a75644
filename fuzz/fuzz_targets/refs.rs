//! Any bytes as a reference file: the YAML reader, validation, the
//! warnings of `refs check`, and, when the file is valid, a check of an
//! article against it.

#![no_main]

use factcheck::document::{Document, Origin};
use factcheck::lang::Lang;
use factcheck::pipeline::Settings;
use factcheck::refs;
use libfuzzer_sys::fuzz_target;

mod common;

const ARTICLE: &str = include_str!("../../examples/kursk-it.md");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = refs::check_str("fuzz.yaml", text);
    for problem in &checked.problems {
        let _ = problem.to_string();
    }
    if !checked.problems.is_empty() {
        return;
    }
    let _ = refs::warnings(&checked.index);
    let doc = Document::parse(Origin::Stdin, ARTICLE.to_string(), true, Vec::new());
    let settings = Settings {
        lang: Some(Lang::It),
        date: Some(factcheck::when::PubDate::day(jiff::civil::date(2025, 8, 15))),
        max_size: u64::MAX,
        explain: true,
    };
    common::analyze_and_report(doc, &settings, Some(&checked.index));
});
