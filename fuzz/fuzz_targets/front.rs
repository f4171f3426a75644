//! Any text as an article's front matter: the YAML reader's limits, the
//! `date:` and `lang:` it gives (offsets, impossible dates), the warnings
//! naming line and column, and the article below it extracted with that
//! date and language, in every report format.

#![no_main]

use std::path::PathBuf;

use factcheck::document::{Document, Origin};
use factcheck::pipeline::Settings;
use libfuzzer_sys::fuzz_target;

mod common;

const BODY: &str = "# 1.200 soldati\n\nIeri sono arrivati 1.200 soldati, il 12% in più del 3 marzo.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    // The YAML reader on its own, then as the front matter of an article.
    let _ = factcheck::yaml::parse(yaml);
    let text = format!("---\n{yaml}\n---\n{BODY}");
    let doc = Document::parse(Origin::File(PathBuf::from("a.md")), text, true, Vec::new());
    let body = doc.body_start();
    assert!(body <= doc.text.len() && doc.text.is_char_boundary(body));
    for warning in &doc.warnings {
        assert!(!warning.is_empty());
    }
    if let Some(offset) = doc.front.offset_seconds {
        assert!(offset.abs() < 24 * 3600, "{offset}");
    }
    let settings = Settings {
        lang: None,
        date: None,
        max_size: u64::MAX,
        explain: false,
    };
    common::analyze_and_report(doc, &settings, None);
});
