//! Every language end to end: an article that states the reference figure
//! is consistent, one that states another is contradicted, against one
//! reference file whose `match` groups mix the languages; and `auto`
//! detection picks the article's language.

use assert_cmd::Command;
use serde_json::Value;

fn verify(article: &str, lang: &str) -> (Value, i32) {
    let output = Command::cargo_bin("factcheck")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "verify",
            article,
            "--refs",
            "tests/cmd/languages/claims",
            "--lang",
            lang,
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let doc = serde_json::from_slice(&output.stdout).expect("valid JSON on stdout");
    (doc, output.status.code().unwrap_or(-1))
}

/// The verdict of the claim of the fact, and the file's language.
fn verdict(doc: &Value) -> (String, String) {
    let file = &doc["files"][0];
    let claim = file["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fact"] == "nordlicht-turbines")
        .unwrap_or_else(|| panic!("no claim of the fact in {doc:#}"));
    (
        claim["verdict"].as_str().unwrap().to_string(),
        file["lang"].as_str().unwrap().to_string(),
    )
}

fn check(code: &str) {
    for lang in [code, "auto"] {
        let (doc, exit) = verify(&format!("tests/cmd/languages/right-{code}.md"), lang);
        assert_eq!(exit, 0, "{doc:#}");
        assert_eq!(verdict(&doc), ("consistent".into(), code.into()));
        let (doc, exit) = verify(&format!("tests/cmd/languages/wrong-{code}.md"), lang);
        assert_eq!(exit, 1, "{doc:#}");
        assert_eq!(verdict(&doc), ("contradicted".into(), code.into()));
    }
}

#[test]
fn german_figures_are_verified() {
    check("de");
}

#[test]
fn spanish_figures_are_verified() {
    check("es");
}

#[test]
fn french_figures_are_verified() {
    check("fr");
}

/// The claims of `article` verified with a publication date known only to
/// its month: (text, value, verdict) of each.
fn month_only(article: &str, lang: &str) -> Vec<(String, Value, String)> {
    let output = Command::cargo_bin("factcheck")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "verify",
            "-",
            "--refs",
            "tests/cmd/languages/claims",
            "--lang",
            lang,
            "--date",
            "2025-04",
            "--format",
            "json",
        ])
        .write_stdin(article)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the publication date names only its month"),
        "{stderr}"
    );
    let doc: Value = serde_json::from_slice(&output.stdout).expect("valid JSON on stdout");
    assert_eq!(doc["files"][0]["date"], "2025-04");
    doc["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_string(),
                c["value"].clone(),
                c["verdict"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// A language, an article, its words that need the day, and its words
/// that need only the month or the year with their values.
type MonthOnlyCase = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

#[test]
fn a_month_only_date_leaves_what_needs_the_day_unresolved_in_every_language() {
    // (language, article, words that need the day, words that need only
    // the month or the year with what they resolve to).
    let cases: [MonthOnlyCase; 3] = [
        (
            "de",
            "Gestern starben 12 Menschen. Im vergangenen Jahr waren es 40. Letzten Dienstag um 18 Uhr sprach die Regierung. Im letzten Monat sanken die Preise. Vor zwei Jahren wurde gewählt.\n",
            &["Gestern", "Letzten Dienstag um 18 Uhr"],
            &[
                ("Im vergangenen Jahr", "2024"),
                ("Im letzten Monat", "2025-03"),
                ("Vor zwei Jahren", "2023"),
            ],
        ),
        (
            "fr",
            "Hier, 12 personnes sont mortes. L'an dernier, elles étaient 40. Mardi dernier à 18 heures le gouvernement a parlé. Le mois dernier, les prix ont baissé. Il y a deux ans, on a voté.\n",
            &["Hier", "Mardi dernier à 18 heures"],
            &[
                ("L'an dernier", "2024"),
                ("Le mois dernier", "2025-03"),
                ("Il y a deux ans", "2023"),
            ],
        ),
        (
            "es",
            "Ayer murieron 12 personas. El año pasado fueron 40. El martes pasado a las 18.00 habló el Gobierno. El mes pasado bajaron los precios. Hace dos años se votó.\n",
            &["Ayer", "El martes pasado a las 18.00"],
            &[
                ("El año pasado", "2024"),
                ("El mes pasado", "2025-03"),
                ("Hace dos años", "2023"),
            ],
        ),
    ];
    for (lang, article, unresolved, resolved) in cases {
        let claims = month_only(article, lang);
        let find = |text: &str| {
            claims
                .iter()
                .find(|(t, _, _)| t == text)
                .unwrap_or_else(|| panic!("{lang}: no claim {text:?} in {claims:?}"))
        };
        for text in unresolved {
            let (_, value, verdict) = find(text);
            assert_eq!(*value, Value::Null, "{lang}: {text}");
            assert_eq!(verdict, "unverified", "{lang}: {text}");
        }
        for (text, want) in resolved {
            assert_eq!(find(text).1, *want, "{lang}: {text}");
        }
    }
}
