//! Any bytes as an article: decoding, Markdown masking, extraction,
//! checking against the shipped reference file, and every report format.
//! The first byte picks the options (Markdown or text, language, date,
//! references, `--explain`).

#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use factcheck::document::{Document, Origin};
use factcheck::lang::Lang;
use factcheck::pipeline::Settings;
use factcheck::refs::{self, FactIndex};
use libfuzzer_sys::fuzz_target;

mod common;

static INDEX: LazyLock<FactIndex> = LazyLock::new(|| {
    refs::parse_str("dprk-kursk.yaml", include_str!("../../claims/dprk-kursk.yaml"))
        .expect("the shipped reference file is valid")
});

fuzz_target!(|data: &[u8]| {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let name = if options & 1 == 0 { "a.md" } else { "a.txt" };
    let lang = match (options >> 1) & 3 {
        0 => None,
        1 => Some(Lang::It),
        _ => Some(Lang::En),
    };
    let date = match (options >> 3) & 3 {
        0 => None,
        1 => Some(jiff::civil::date(2025, 8, 15)),
        2 => Some(jiff::civil::date(1, 1, 1)),
        _ => Some(jiff::civil::date(9999, 12, 31)),
    };
    let Ok(doc) = Document::from_bytes(Origin::File(PathBuf::from(name)), bytes.to_vec()) else {
        return;
    };
    let settings = Settings {
        lang,
        date: date.map(factcheck::when::PubDate::day),
        max_size: u64::MAX,
        explain: options & 0x40 != 0,
    };
    let index = (options & 0x20 != 0).then(|| &*INDEX);
    common::analyze_and_report(doc, &settings, index);
});
