//! Property tests: whatever the text, extraction and checking never
//! panic, and every claim's span is an exact slice of the article.
//!
//! Three kinds of input: any string; strings built from number-ish and
//! date-ish fragments of Italian and English news (digits with separators,
//! scale words, qualifiers, months, weekdays, punctuation, Markdown,
//! URLs, emoji, combining accents, CRLF), which reach much deeper into
//! the extractor than random characters do; and small valid reference
//! files, for `verify`. Case counts keep the file under ~20 s in debug.

mod common;

use factcheck::document::{Document, Origin};
use factcheck::extract::{self, Options};
use factcheck::lang::Lang;
use factcheck::pipeline::{self, FileResult, Settings};
use factcheck::refs::{self, FactIndex};
use factcheck::report::{self, Format, Mode, Style, Summary};
use proptest::prelude::*;
use proptest::sample::select;

/// Fragments an article's figures are made of, and the things around them.
const FRAGMENTS: &[&str] = &[
    // digits and separators
    "0",
    "1",
    "2",
    "3",
    "5",
    "7",
    "10",
    "11",
    "12",
    "15",
    "21",
    "30",
    "007",
    "600",
    "1.000",
    "10.000",
    "1,5",
    "2,3",
    "10,000",
    "1.5",
    "12,000.50",
    "1.234.567",
    "1 000",
    "10\u{202f}000",
    "10\u{a0}000",
    "1e400",
    "1e6",
    "-5",
    "+3",
    "½",
    "3/4",
    "2024",
    "1990s",
    "199X",
    "21.30",
    "9:30",
    "1-2",
    "10-12",
    "2-1",
    "52-48",
    "06 1234 5678",
    "v2.3.1",
    "00000000000000000001",
    "99999999999999999999999999999",
    ".5",
    "5.",
    ",",
    ".",
    "٣",
    "３",
    // scale words and abbreviations
    "mila",
    "mille",
    "milioni",
    "milione",
    "miliardi",
    "mln",
    "mld",
    "thousand",
    "million",
    "millions",
    "billion",
    "bn",
    "tn",
    "k",
    "m",
    "mezzo",
    "half",
    "diecimila",
    "seicento",
    "duemilacinquecento",
    "ventitré",
    "two hundred",
    "twenty-three",
    "un",
    "una",
    "a",
    "one",
    // qualifiers and vague words
    "circa",
    "più di",
    "oltre",
    "almeno",
    "fino a",
    "meno di",
    "quasi",
    "tra",
    "e",
    "da",
    "a",
    "about",
    "more than",
    "over",
    "at least",
    "up to",
    "fewer than",
    "nearly",
    "between",
    "and",
    "to",
    "some",
    "decine",
    "centinaia",
    "migliaia",
    "decine di migliaia",
    "dozens",
    "hundreds",
    "thousands",
    "una decina",
    "a dozen",
    "un terzo dei",
    "a third of",
    "la metà dei",
    // units, currencies, percentages
    "%",
    "per cento",
    "percent",
    "punti percentuali",
    "percentage points",
    "bp",
    "€",
    "$",
    "£",
    "US$",
    "USD",
    "EUR",
    "euro",
    "dollari",
    "dollars",
    "km",
    "km²",
    "chilometri quadrati",
    "square miles",
    "tonnellate",
    "tonnes",
    "kg",
    "ha",
    "giorni",
    "days",
    "settimane",
    "-day",
    // counted nouns and context
    "soldati",
    "soldiers",
    "troops",
    "morti",
    "killed",
    "feriti",
    "wounded",
    "persone",
    "nordcoreani",
    "North Korean",
    "secondo",
    "according to",
    "NIS",
    "Kursk",
    // dates and times
    "gennaio",
    "agosto",
    "August",
    "dicembre",
    "December",
    "martedì",
    "Tuesday",
    "domenica",
    "Sunday",
    "scorso",
    "scorsa",
    "last",
    "next",
    "ieri",
    "yesterday",
    "oggi",
    "today",
    "l'anno scorso",
    "nell'agosto dell'anno scorso",
    "dell'",
    "l'11",
    "early",
    "mid",
    "late",
    "inizio",
    "metà",
    "fine",
    "alle",
    "alle 21",
    "9 p.m.",
    "a.m.",
    "ET",
    "(ora svizzera)",
    "ore",
    "o'clock",
    "15 agosto 2025",
    "2025-08-15",
    "W34",
    "anni '90",
    "the 1990s",
    // punctuation and quotes
    " ",
    " ",
    "  ",
    ";",
    ":",
    "-",
    "–",
    "—",
    "/",
    "(",
    ")",
    "«",
    "»",
    "\"",
    "'",
    "’",
    "…",
    "!",
    "?",
    "...",
    "n.",
    "art.",
    "Sig.",
    "U.S.",
    // Markdown and HTML
    "# ",
    "## ",
    "> ",
    ">>>>",
    "**",
    "__",
    "_",
    "*",
    "`",
    "```",
    "~~~",
    "[",
    "]",
    "](",
    ")",
    "![",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "---",
    "---\n",
    "* ",
    "- ",
    "1. ",
    "|",
    "| --- |",
    "\\",
    "&amp;",
    "&#x31;",
    "<!-- factcheck-disable -->",
    "<!-- factcheck-disable-next-line -->",
    // URLs
    "http://example.org/2024/600",
    "https://x.it/a?b=1,5",
    "www.x.com/7",
    "mailto:a@b.it",
    // emoji, combining marks, odd whitespace and controls
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "🇮🇹",
    "e\u{301}",
    "a\u{308}\u{308}",
    "\u{301}",
    "\u{feff}",
    "\u{200b}",
    "\u{2028}",
    "\u{85}",
    "\t",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\u{0}",
    "\u{7f}",
    "ß",
    "İ",
    "ﬁ",
    "Ⅻ",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(FRAGMENTS).prop_map(str::to_string),
        2 => "[1-9][0-9]{0,3}([., \u{a0}][0-9]{3}){0,3}([.,][0-9]{1,2})?",
        1 => "[0-9]{1,30}",
    ]
}

/// Fragments joined by nothing, a space or a line ending.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            fragment(),
            select(&["", " ", " ", " ", "\n", "\r\n", ", "][..]),
        ),
        0..60,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(f, sep)| [f, sep.to_string()])
            .collect()
    })
}

fn lang() -> impl Strategy<Value = Option<Lang>> {
    prop_oneof![Just(None), Just(Some(Lang::It)), Just(Some(Lang::En))]
}

fn date() -> impl Strategy<Value = Option<jiff::civil::Date>> {
    prop_oneof![
        Just(None),
        Just(Some(jiff::civil::date(2025, 8, 15))),
        Just(Some(jiff::civil::date(2024, 2, 29))),
        Just(Some(jiff::civil::date(1, 1, 1))),
        Just(Some(jiff::civil::date(9999, 12, 31))),
    ]
}

/// Every claim lies on character boundaries inside the text, and the
/// JSON report quotes exactly that slice, at the line and column the
/// line index gives.
fn assert_spans(result: &FileResult) {
    let text = &result.doc.text;
    // The scan goes once the claims are judged (`Document::scan`); its
    // length is checked after the parse (`run`).
    assert!(
        result.doc.scan.is_empty(),
        "the scan is kept after analysis"
    );
    for finding in &result.findings {
        let span = finding.claim.span;
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} splits a character of {text:?}"
        );
        assert!(!span.is_empty(), "empty claim at {span:?} in {text:?}");
    }
    let mut out = Vec::new();
    let mut json = report::reporter(
        Format::Json,
        Style {
            mode: Mode::Verify,
            color: false,
            quiet: false,
            fail_on: None,
        },
    );
    json.file(&mut out, result).unwrap();
    let mut summary = Summary::default();
    summary.add(result);
    json.finish(&mut out, &summary).unwrap();
    let doc: serde_json::Value = common::checked(serde_json::from_slice(&out).expect("valid JSON"));
    let claims = doc["files"][0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), result.findings.len());
    for (claim, finding) in claims.iter().zip(&result.findings) {
        let (start, end) = (
            claim["start"].as_u64().unwrap() as usize,
            claim["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            (start, end),
            (finding.claim.span.start, finding.claim.span.end)
        );
        assert_eq!(claim["text"].as_str().unwrap(), &text[start..end]);
        // Lines end at LF, CRLF or a lone CR.
        let bytes = text.as_bytes();
        let breaks: Vec<usize> = (0..start)
            .filter(|&i| {
                bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
            })
            .collect();
        let line_start = breaks.last().map_or(0, |i| i + 1);
        let line = 1 + breaks.len();
        // A byte-order mark is no column (editors do not show it).
        let bom = usize::from(line_start == 0 && text.starts_with('\u{feff}') && start > 0);
        let column = 1 + text[line_start..start].chars().count() - bom;
        assert_eq!(claim["line"].as_u64().unwrap() as usize, line);
        assert_eq!(claim["column"].as_u64().unwrap() as usize, column);
    }
}

/// Extraction straight through `extract::extract`, then the pipeline.
fn run(
    text: String,
    markdown: bool,
    lang: Option<Lang>,
    date: Option<jiff::civil::Date>,
    index: Option<&FactIndex>,
) {
    let doc = Document::parse(Origin::Stdin, text, markdown, Vec::new());
    assert_eq!(doc.scan.len(), doc.text.len());
    for l in Lang::ALL {
        let extraction = extract::extract(
            &doc,
            Options {
                lang: l,
                date,
                offset_seconds: doc.front.offset_seconds,
                clock: doc.front.clock,
                month_only: false,
            },
        );
        for claim in &extraction.claims {
            assert!(doc.text.get(claim.span.range()).is_some(), "{claim:?}");
        }
    }
    let settings = Settings {
        lang,
        date: date.map(factcheck::when::PubDate::day),
        max_size: u64::MAX,
        explain: false,
    };
    let result = pipeline::analyze(doc, &settings, index);
    assert_spans(&result);
}

/// A reference file that is valid by construction: `n` facts of any kind.
fn reference() -> impl Strategy<Value = String> {
    let term = select(
        &[
            "soldat*",
            "troops",
            "nordcorean*",
            "north korean*",
            "morti",
            "killed",
            "kursk",
            "aiut*",
            "aid",
            "euro",
            "affluenza",
            "turnout",
            "km2",
            "vertice",
            "summit",
            "NIS",
            "a.b",
            "(x)",
            "c++",
            "[y]",
            "^z$",
            "città",
            "e\u{301}",
            "ünïcödé",
            "x|y",
            "\\d+",
        ][..],
    );
    let group = prop::collection::vec(term, 1..4);
    let fact = (
        0usize..6,
        prop::collection::vec(group, 1..3),
        prop::collection::vec(
            (
                0u64..1_000_000_000_000,
                0u32..1_000_000,
                0usize..3,
                2000i16..2030,
                1i8..13,
            ),
            1..4,
        ),
        any::<bool>(),
    );
    prop::collection::vec(fact, 1..5).prop_map(|facts| {
        let mut yaml = String::from(
            "topic: generated\nsources:\n  nis:\n    name: National Intelligence Service\n    aliases: [NIS, \"servizi* sudcorean*\"]\nfacts:\n",
        );
        for (i, (kind, groups, values, tolerance)) in facts.into_iter().enumerate() {
            let kind = ["count", "money", "percent", "measure", "date", "time"][kind];
            yaml.push_str(&format!("  - id: fact-{i}\n    kind: {kind}\n    match:\n"));
            for g in groups {
                let terms: Vec<String> = g.iter()
                    .map(|t| format!("'{}'", t.replace('\'', "''")))
                    .collect();
                yaml.push_str(&format!("      - [{}]\n", terms.join(", ")));
            }
            match kind {
                "money" => yaml.push_str("    currency: EUR\n"),
                "measure" => yaml.push_str("    unit: km2\n"),
                _ => {}
            }
            let dated = matches!(kind, "date" | "time");
            if tolerance && !dated {
                yaml.push_str("    tolerance: 5%\n");
            }
            yaml.push_str("    values:\n");
            for (a, b, shape, year, month) in values {
                let source = if shape == 0 { "nis" } else { "Reuters" };
                if dated {
                    yaml.push_str(&format!("      - date: {year}-{month:02}\n"));
                } else if shape == 2 {
                    yaml.push_str(&format!("      - range: [{a}, {}]\n", a + u64::from(b)));
                } else {
                    yaml.push_str(&format!("      - value: {a}\n"));
                }
                yaml.push_str(&format!(
                    "        source: {source}\n        as_of: {year}-{month:02}-01\n"
                ));
            }
        }
        yaml
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn any_string_extracts_without_panic(
        text in any::<String>(), markdown in any::<bool>(), lang in lang(), date in date()
    ) {
        run(text, markdown, lang, date, None);
    }

    #[test]
    fn fragment_articles_extract_with_exact_spans(
        text in article(), markdown in any::<bool>(), lang in lang(), date in date()
    ) {
        run(text, markdown, lang, date, None);
    }

    #[test]
    fn front_matter_with_anything_after(
        date_line in select(&["date: 2025-08-15", "date: 2025-08-15T21:00:00+02:00",
            "date: 2025-13-45", "date: [", "date: 2025-08-15T21:00:00+99:99", "lang: xx",
            "date: \u{feff}", "date: 2025-08-1😀"][..]),
        crlf in any::<bool>(), text in article(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        run(format!("---{nl}{date_line}{nl}lang: it{nl}---{nl}{text}"), true, None, None, None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn verify_never_panics(yaml in reference(), text in article(), lang in lang(), date in date()) {
        let index = refs::parse_str("generated.yaml", &yaml)
            .unwrap_or_else(|e| panic!("the generator wrote an invalid file: {e}\n{yaml}"));
        run(text, true, lang, date, Some(&index));
    }

    #[test]
    fn reference_loader_never_panics(yaml in any::<String>()) {
        let _ = refs::check_str("any.yaml", &yaml);
    }
}
