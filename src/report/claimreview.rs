//! `--format claimreview`: schema.org ClaimReview JSON-LD, the markup
//! fact-checkers publish so that search engines and fact-check tools find
//! their verdicts. One object per alarm (contradicted, misattributed,
//! outdated) at or above `--fail-on`, in an array; `[]` when an article
//! has nothing to publish. Suppressed findings are never published.
//!
//! The wire types below are schema.org's, kept apart from the domain's.

use std::io::{self, Write};

use serde::Serialize;

use super::{Report, Style, Summary, claim_text};
use crate::check::{Finding, Role, Verdict};
use crate::extract::sentence_index;
use crate::pipeline::FileResult;

/// The rating scale: 1 is false, 5 is correct.
const BEST: u8 = 5;
const WORST: u8 = 1;

/// One `ClaimReview` object.
#[derive(Serialize)]
struct Review {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: String,
    #[serde(rename = "reviewRating")]
    review_rating: Rating,
    #[serde(rename = "itemReviewed")]
    item_reviewed: Claim,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Organization>,
    #[serde(rename = "reviewBody")]
    review_body: String,
}

#[derive(Serialize)]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "ratingValue")]
    rating_value: u8,
    #[serde(rename = "bestRating")]
    best_rating: u8,
    #[serde(rename = "worstRating")]
    worst_rating: u8,
    #[serde(rename = "alternateName")]
    alternate_name: &'static str,
}

#[derive(Serialize)]
struct Claim {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    appearance: Option<CreativeWork>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
}

#[derive(Serialize)]
struct CreativeWork {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
}

#[derive(Serialize)]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

/// Where a verdict stands on the 1–5 scale.
fn rating(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Contradicted => 1,
        Verdict::Misattributed | Verdict::Outdated => 2,
        Verdict::Disputed | Verdict::Unverified => 3,
        Verdict::Consistent => 5,
    }
}

pub struct ClaimReview {
    style: Style,
    author: Option<String>,
    written: usize,
}

impl ClaimReview {
    pub fn new(style: Style, author: Option<String>) -> ClaimReview {
        ClaimReview {
            style,
            author,
            written: 0,
        }
    }

    /// Alarms at or above `--fail-on` (every alarm with `never`).
    fn published(&self, verdict: Verdict) -> bool {
        verdict.is_alarm() && self.style.fail_on.is_none_or(|level| verdict >= level)
    }

    fn review(&self, file: &FileResult, finding: &Finding) -> Review {
        let lang = file.lang;
        let alternate_name = lang.data().verdict_word(finding.verdict.name());
        Review {
            context: "https://schema.org",
            kind: "ClaimReview",
            claim_reviewed: sentence(file, finding),
            review_rating: Rating {
                kind: "Rating",
                rating_value: rating(finding.verdict),
                best_rating: BEST,
                worst_rating: WORST,
                alternate_name,
            },
            item_reviewed: Claim {
                kind: "Claim",
                appearance: file.doc.front.url.clone().map(|url| CreativeWork {
                    kind: "CreativeWork",
                    url,
                }),
                date_published: file.date.map(|d| d.to_string()),
            },
            author: self.author.clone().map(|name| Organization {
                kind: "Organization",
                name,
            }),
            review_body: body(file, finding),
        }
    }
}

/// The claim's sentence, whitespace folded; the claim alone when no
/// sentence holds it.
fn sentence(file: &FileResult, finding: &Finding) -> String {
    match sentence_index(&file.sentences, finding.claim.span) {
        Some(i) => file
            .doc
            .text
            .get(file.sentences[i].range())
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        None => claim_text(file, finding),
    }
}

/// What the sources say: the fact, then each source's current figure
/// with its date (every figure when none is current).
fn body(file: &FileResult, finding: &Finding) -> String {
    let mut body = String::new();
    if let Some((_, about)) = finding.fact() {
        body.push_str(about);
        body.push_str(": ");
    }
    let current = finding.evidence().iter().any(|e| e.role == Role::Current);
    let figures: Vec<String> = finding
        .evidence()
        .iter()
        .filter(|e| !current || e.role == Role::Current)
        .map(|e| {
            let mut line = format!("{} {}", e.source, e.figure.describe(file.lang));
            if let Some(date) = e.as_of {
                line.push_str(&format!(" ({date})"));
            }
            line
        })
        .collect();
    if figures.is_empty() {
        body.push_str(&finding.explanation_in(file.lang));
    } else {
        body.push_str(&figures.join("; "));
    }
    body
}

impl Report for ClaimReview {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        for (finding, suppressed) in file.entries() {
            if suppressed || !self.published(finding.verdict) {
                continue;
            }
            out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
            serde_json::to_writer_pretty(&mut *out, &self.review(file, finding))?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _: &Summary) -> io::Result<()> {
        out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Origin};
    use crate::pipeline::{Settings, analyze};
    use crate::report::Mode;
    use serde_json::Value;

    /// The schema.org properties each type used here has
    /// (schema.org/ClaimReview, /Rating, /Claim, /CreativeWork,
    /// /Organization, with their inherited properties), and JSON-LD's
    /// keywords.
    fn properties(kind: &str) -> &'static [&'static str] {
        match kind {
            "ClaimReview" => &[
                "@context",
                "@type",
                "claimReviewed",
                "reviewRating",
                "itemReviewed",
                "author",
                "reviewBody",
                "datePublished",
                "url",
            ],
            "Rating" => &[
                "@type",
                "ratingValue",
                "bestRating",
                "worstRating",
                "alternateName",
                "ratingExplanation",
            ],
            "Claim" => &[
                "@type",
                "appearance",
                "firstAppearance",
                "datePublished",
                "author",
            ],
            "CreativeWork" => &["@type", "url", "datePublished", "headline"],
            "Organization" => &["@type", "name", "url"],
            other => panic!("unexpected @type {other}"),
        }
    }

    fn assert_schema_org(value: &Value) {
        if let Value::Object(map) = value {
            let kind = map["@type"].as_str().expect("every object has an @type");
            for (key, child) in map {
                assert!(
                    properties(kind).contains(&key.as_str()),
                    "{key} is not a property of schema.org/{kind}"
                );
                if child.is_object() {
                    assert_schema_org(child);
                }
            }
        }
    }

    fn run(text: &str, fail_on: Option<Verdict>, author: Option<&str>) -> Value {
        let index = crate::refs::load_paths(&["claims".into()]).unwrap();
        let doc = Document::parse(Origin::Stdin, text.to_string(), true, Vec::new());
        let settings = Settings {
            lang: None,
            date: None,
            max_size: u64::MAX,
            explain: false,
        };
        let result = analyze(doc, &settings, Some(&index));
        let style = Style {
            mode: Mode::Verify,
            color: false,
            quiet: false,
            fail_on,
        };
        let mut reporter = ClaimReview::new(style, author.map(str::to_string));
        let mut out = Vec::new();
        reporter.file(&mut out, &result).unwrap();
        reporter.finish(&mut out, &Summary::default()).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    const WRONG: &str = "---\ndate: 2025-08-15\nlang: it\nurl: https://example.org/kursk\n---\n\
        Pyongyang ha inviato 20.000 soldati in Russia, secondo l'intelligence sudcoreana. \
        Il resto è colore.\n";

    #[test]
    fn an_alarm_is_a_claimreview_in_schema_org_terms_and_the_articles_language() {
        let reviews = run(WRONG, Some(Verdict::Contradicted), Some("Desk"));
        let reviews = reviews.as_array().unwrap();
        assert_eq!(reviews.len(), 1, "{reviews:#?}");
        let review = &reviews[0];
        assert_schema_org(review);
        assert_eq!(review["@context"], "https://schema.org");
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(
            review["claimReviewed"],
            "Pyongyang ha inviato 20.000 soldati in Russia, secondo l'intelligence sudcoreana."
        );
        assert_eq!(review["reviewRating"]["alternateName"], "Falso");
        assert_eq!(review["reviewRating"]["ratingValue"], 1);
        assert_eq!(review["reviewRating"]["bestRating"], 5);
        assert_eq!(review["reviewRating"]["worstRating"], 1);
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        assert_eq!(
            review["itemReviewed"]["appearance"]["url"],
            "https://example.org/kursk"
        );
        assert_eq!(review["itemReviewed"]["datePublished"], "2025-08-15");
        assert_eq!(review["author"]["name"], "Desk");
        let body = review["reviewBody"].as_str().unwrap();
        assert!(body.contains("11.000 (2024-11-13)"), "{body}");
    }

    #[test]
    fn nothing_to_publish_is_an_empty_array() {
        let right = WRONG.replace("20.000", "11.000");
        assert_eq!(
            run(&right, Some(Verdict::Contradicted), None),
            Value::Array(vec![])
        );
    }

    #[test]
    fn english_words_for_english_articles() {
        let text =
            "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent 20,000 soldiers to Russia.\n";
        let reviews = run(text, None, None);
        assert_eq!(reviews[0]["reviewRating"]["alternateName"], "False");
        assert!(reviews[0].get("author").is_none());
    }
}
