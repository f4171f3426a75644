//! What both targets share: analyze an article and write it in every
//! report format, checking that every claim is an exact slice.

use factcheck::document::Document;
use factcheck::pipeline::{self, Settings};
use factcheck::refs::FactIndex;
use factcheck::report::{self, Format, Mode, Style, Summary};

pub fn analyze_and_report(doc: Document, settings: &Settings, index: Option<&FactIndex>) {
    assert_eq!(doc.scan.len(), doc.text.len());
    let result = pipeline::analyze(doc, settings, index);
    let text = &result.doc.text;
    for finding in &result.findings {
        let span = finding.claim.span;
        assert!(text.get(span.range()).is_some_and(|s| !s.is_empty()), "{span:?}");
    }
    let mut summary = Summary::default();
    summary.add(&result);
    for format in Format::ALL {
        let mut out = Vec::new();
        let mut reporter = report::reporter(
            format,
            Style {
                mode: if index.is_some() { Mode::Verify } else { Mode::Extract },
                color: true,
                quiet: false,
                fail_on: None,
            },
        );
        reporter.file(&mut out, &result).unwrap();
        reporter.finish(&mut out, &summary).unwrap();
        if format == Format::Json {
            let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
            for claim in json["files"][0]["claims"].as_array().unwrap() {
                let start = claim["start"].as_u64().unwrap() as usize;
                let end = claim["end"].as_u64().unwrap() as usize;
                assert_eq!(claim["text"].as_str().unwrap(), &text[start..end]);
            }
        }
    }
}
