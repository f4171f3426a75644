use super::*;
use crate::document::{Document, Origin};
use crate::pipeline::{self, Settings};
use crate::text::span::Span;

const REFS: &str = r#"
sources:
  nis:
    name: National Intelligence Service <NIS>
    url: https://example.org/nis?a=1&b="2"
    aliases: [NIS, "Seoul's spy agency"]
  evil:
    name: Evil "source"
    url: javascript:alert(1)
facts:
  - id: troops-<sent>
    about: soldiers sent & more
    kind: count
    match:
      - [north korean*, pyongyang]
      - [troops, soldiers]
    values:
      - value: 11000
        source: nis
        as_of: 2024-11-13
      - value: 11000
        source: evil
        as_of: 2024-11-13
"#;

fn result(path: &str, text: &str) -> FileResult {
    let doc = Document::parse(
        Origin::File(path.into()),
        text.to_string(),
        !path.ends_with(".txt"),
        Vec::new(),
    );
    let index = crate::refs::parse_str("refs.yaml", REFS).expect("test refs parse");
    let settings = Settings {
        lang: None,
        date: None,
        max_size: 1 << 20,
        explain: false,
    };
    pipeline::analyze(doc, &settings, Some(&index))
}

fn page(files: &[FileResult]) -> String {
    let style = Style {
        mode: Mode::Verify,
        color: false,
        quiet: false,
        fail_on: None,
    };
    let mut html = Html::new(style);
    let mut out = Vec::new();
    let mut summary = Summary::default();
    for file in files {
        summary.add(file);
        html.file(&mut out, file).expect("writes to memory");
    }
    assert!(out.is_empty(), "nothing is written before finish");
    html.finish(&mut out, &summary).expect("writes to memory");
    String::from_utf8(out).expect("UTF-8")
}

const ARTICLE: &str = "---\ndate: 2025-08-15\nlang: en\n---\nPyongyang sent more than 20,000 troops, said Seoul's spy agency.\n\nA <script>alert(1)</script> and <img src=x onerror=alert(1)> line\nwith 7 apples.\n";

#[test]
fn escape_covers_markup_and_both_quotes() {
    assert_eq!(
        escape(r#"<a href="x" title='y'>&amp;</a>"#),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
    );
    assert_eq!(escape("più di 10 mila"), "più di 10 mila");
}

#[test]
fn only_http_and_https_urls_become_links() {
    assert_eq!(safe_url(" https://x.org/a "), Some("https://x.org/a"));
    assert_eq!(safe_url("HTTP://x.org"), Some("HTTP://x.org"));
    assert_eq!(safe_url("javascript:alert(1)"), None);
    assert_eq!(safe_url("data:text/html,hi"), None);
    assert_eq!(safe_url("https://x.org/a b"), None);
    assert_eq!(safe_url("https://"), None);
    assert_eq!(safe_url("é"), None);
}

#[test]
fn article_markup_is_escaped_and_front_matter_left_out() {
    let html = page(&[result("a<b>.md", ARTICLE)]);
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the report's own script"
    );
    assert!(!html.contains("<img"));
    // The extractor may highlight the `1` of `alert(1)`: the tags stay text.
    assert!(html.contains("A &lt;script&gt;alert("));
    assert!(html.contains(")&lt;/script&gt; and &lt;img src=x onerror=alert("));
    assert!(html.contains("a&lt;b&gt;.md"));
    assert!(!html.contains("date: 2025-08-15"));
    assert!(
        html.contains("line<br>with"),
        "line breaks inside a paragraph stay"
    );
}

#[test]
fn reference_text_is_escaped_and_unsafe_urls_are_not_linked() {
    let html = page(&[result("a.md", ARTICLE)]);
    assert!(html.contains("National Intelligence Service &lt;NIS&gt;"));
    assert!(html.contains("href=\"https://example.org/nis?a=1&amp;b=&quot;2&quot;\""));
    assert!(html.contains("rel=\"noopener noreferrer\""));
    assert!(!html.contains("javascript:"));
    assert!(html.contains("Evil &quot;source&quot;"));
    assert!(html.contains("<code>troops-&lt;sent&gt;</code>"));
    assert!(html.contains("soldiers sent &amp; more"));
}

#[test]
fn every_claim_is_one_mark_with_its_verdict() {
    let file = result("a.md", ARTICLE);
    let html = page(std::slice::from_ref(&file));
    assert!(!file.findings.is_empty());
    assert_eq!(
        html.matches("<mark class=\"claim\"").count(),
        file.findings.len()
    );
    for finding in &file.findings {
        let quote = &file.doc.text[finding.claim.span.range()];
        let mark = format!("data-verdict=\"{}\" tabindex=\"0\"", finding.verdict.name());
        assert!(html.contains(&mark), "{quote}: {mark}");
    }
    assert!(html.contains("data-verdict=\"contradicted\" tabindex=\"0\""));
    assert!(html.contains(&format!("content=\"{CSP}\"")));
}

#[test]
fn overlapping_and_broken_spans_keep_the_markup_whole() {
    let mut file = result("a.md", ARTICLE);
    let first = file.findings[0].clone();
    let mut overlapping = first.clone();
    overlapping.claim.span = Span::new(first.claim.span.start + 2, first.claim.span.end + 5);
    let mut outside = first.clone();
    outside.claim.span = Span::new(file.doc.text.len() + 10, file.doc.text.len() + 20);
    file.findings.push(overlapping);
    file.findings.push(outside);
    let html = page(&[file.clone()]);
    assert_eq!(
        html.matches("<mark ").count(),
        html.matches("</mark>").count()
    );
    assert_eq!(
        html.matches("<mark class=\"claim\"").count(),
        file.findings.len() - 2
    );
    assert_eq!(html.matches("not highlighted").count(), 2);
    assert_eq!(html.matches("<li id=\"n1-").count(), file.findings.len());
}

#[test]
fn several_files_get_a_contents_list_worst_first() {
    let calm = result("calm.md", "---\ndate: 2025-08-15\n---\nWe saw 7 apples.\n");
    let bad = result("bad.md", ARTICLE);
    let html = page(&[calm, bad]);
    let contents = html
        .split("<nav class=\"contents\"")
        .nth(1)
        .expect("a contents list");
    let bad_at = contents.find("bad.md").expect("bad listed");
    let calm_at = contents.find("calm.md").expect("calm listed");
    assert!(bad_at < calm_at, "the contradicted file comes first");
    assert!(page(&[result("one.md", ARTICLE)]).find("<nav").is_none());
}

#[test]
fn files_sort_by_severity_counts() {
    use Verdict::*;
    let index = |v: Verdict| Verdict::BY_SEVERITY.iter().position(|x| *x == v).unwrap();
    let mut one_contradicted = [0; 6];
    one_contradicted[index(Contradicted)] = 1;
    let mut many_outdated = [0; 6];
    many_outdated[index(Outdated)] = 9;
    many_outdated[index(Unverified)] = 9;
    assert!(one_contradicted > many_outdated);
}

#[test]
fn an_empty_run_is_still_a_page() {
    let html = page(&[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("No articles were read."));
}

/// One article in `lang` about the test fact, with its front matter.
fn article_in(lang: &str, sentence: &str) -> FileResult {
    result(
        &format!("a-{lang}.md"),
        &format!("---\nlang: {lang}\ndate: 2025-01-10\n---\n{sentence}\n"),
    )
}

const SENTENCES: [(&str, &str); 5] = [
    ("en", "Pyongyang sent 11,000 troops."),
    ("it", "Pyongyang ha inviato 11.000 soldati."),
    ("de", "Pyongyang schickte 11.000 Soldaten."),
    ("fr", "Pyongyang a envoyé 11 000 soldats."),
    ("es", "Pyongyang envió 11.000 soldados."),
];

#[test]
fn a_page_of_one_language_says_its_fixed_words_in_it() {
    // The bar, the filters, the section heading and the footer.
    let want = [
        (
            "it",
            [
                "1 file, 1 dato",
                "Corretto",
                "mostra tutti",
                "<h3>Dati</h3>",
                "Generato da factcheck",
            ],
        ),
        (
            "de",
            [
                "1 Datei, 1 Angabe",
                "Richtig",
                "alle zeigen",
                "<h3>Angaben</h3>",
                "Erstellt mit factcheck",
            ],
        ),
        (
            "fr",
            [
                "1 fichier, 1 donnée",
                "Exact",
                "tout afficher",
                "<h3>Données</h3>",
                "Produit par factcheck",
            ],
        ),
        (
            "es",
            [
                "1 archivo, 1 dato",
                "Correcto",
                "mostrar todos",
                "<h3>Datos</h3>",
                "Generado por factcheck",
            ],
        ),
    ];
    for (lang, words) in want {
        let sentence = SENTENCES.iter().find(|(l, _)| *l == lang).unwrap().1;
        let html = page(&[article_in(lang, sentence)]);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        for word in words {
            assert!(html.contains(word), "{lang}: no {word:?} in\n{html}");
        }
        assert!(!html.contains("show all"), "{lang}");
        assert!(!html.contains("Made by"), "{lang}");
    }
}

#[test]
fn a_page_of_several_languages_keeps_english_for_its_own_words() {
    let files: Vec<FileResult> = SENTENCES
        .iter()
        .map(|(lang, sentence)| article_in(lang, sentence))
        .collect();
    let html = page(&files);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("5 files, 5 claims"));
    assert!(html.contains("show all") && html.contains("Files, worst first"));
    assert!(
        html.contains("> consistent <span class=\"count\">"),
        "{html}"
    );
    // Each article's own section is still in its language.
    assert!(html.contains("<h3>Angaben</h3>") && html.contains("<h3>Données</h3>"));
    assert!(html.contains("<h3>Claims</h3>"));
}
