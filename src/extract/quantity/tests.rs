//! Table-driven tests: one row per expression.
use crate::claim::{Kind, Qualifier};
use crate::document::{Document, Origin};
use crate::extract::{Options, extract};
use crate::lang::Lang;

/// (text, lang, kind, value, qualifier, low, high)
type Row = (
    &'static str,
    Lang,
    Kind,
    Option<f64>,
    Qualifier,
    Option<f64>,
    Option<f64>,
);

fn first(text: &str, lang: Lang) -> Option<crate::claim::Claim> {
    let doc = Document::parse(Origin::Stdin, text.to_string(), false, Vec::new());
    let options = Options {
        lang,
        date: None,
        offset_seconds: None,
    };
    extract(&doc, options)
        .claims
        .into_iter()
        .find(|c| c.kind.is_quantity())
}

#[test]
fn quantities_normalize() {
    use Kind::*;
    use Lang::*;
    use Qualifier::*;
    let rows: &[Row] = &[
        (
            "più di 10 mila soldati",
            It,
            Count,
            Some(10_000.0),
            MoreThan,
            Some(10_000.0),
            None,
        ),
        (
            "circa 600 soldati",
            It,
            Count,
            Some(600.0),
            Approx,
            Some(540.0),
            Some(660.0),
        ),
        (
            "migliaia feriti",
            It,
            Count,
            None,
            Vague,
            Some(2_000.0),
            Some(9_999.0),
        ),
        (
            "quasi il 60 per cento",
            It,
            Percent,
            Some(60.0),
            Approx,
            Some(54.0),
            Some(60.0),
        ),
        (
            "1,2 miliardi di euro",
            It,
            Money,
            Some(1.2e9),
            Exact,
            Some(1.2e9),
            Some(1.2e9),
        ),
        (
            "tra 300 e 400 persone",
            It,
            Count,
            None,
            Range,
            Some(300.0),
            Some(400.0),
        ),
        (
            "10-12 mila soldati",
            It,
            Count,
            None,
            Range,
            Some(10_000.0),
            Some(12_000.0),
        ),
        (
            "fino a 640 persone",
            It,
            Count,
            Some(640.0),
            AtMost,
            Some(0.0),
            Some(640.0),
        ),
        (
            "oltre mille",
            It,
            Count,
            Some(1000.0),
            MoreThan,
            Some(1000.0),
            None,
        ),
        (
            "una decina",
            It,
            Count,
            Some(10.0),
            Approx,
            Some(9.0),
            Some(11.0),
        ),
        (
            "circa 40 miglia",
            It,
            Measure,
            Some(40.0),
            Approx,
            Some(36.0),
            Some(44.0),
        ),
        (
            "nearly $2bn",
            En,
            Money,
            Some(2e9),
            Approx,
            Some(1.8e9),
            Some(2e9),
        ),
        (
            "between 2,000 and 2,500 sailors",
            En,
            Count,
            None,
            Range,
            Some(2000.0),
            Some(2500.0),
        ),
        (
            "Between 40% and 45% of",
            En,
            Percent,
            None,
            Range,
            Some(40.0),
            Some(45.0),
        ),
        (
            "€12.5 million in aid",
            En,
            Money,
            Some(12.5e6),
            Exact,
            Some(12.5e6),
            Some(12.5e6),
        ),
        (
            "20 million euros",
            En,
            Money,
            Some(2e7),
            Exact,
            Some(2e7),
            Some(2e7),
        ),
        (
            "up to six hours",
            En,
            Measure,
            Some(6.0),
            AtMost,
            Some(0.0),
            Some(6.0),
        ),
        (
            "some 1.5 million people",
            En,
            Count,
            Some(1.5e6),
            Approx,
            Some(1.35e6),
            Some(1.65e6),
        ),
        (
            "Hundreds of trucks",
            En,
            Count,
            None,
            Vague,
            Some(200.0),
            Some(999.0),
        ),
        (
            "a third of its budget",
            En,
            Percent,
            Some(100.0 / 3.0),
            Exact,
            Some(100.0 / 3.0),
            Some(100.0 / 3.0),
        ),
        (
            "50 basis points",
            En,
            Percent,
            Some(0.5),
            Exact,
            Some(0.5),
            Some(0.5),
        ),
    ];
    for &(text, lang, kind, value, qualifier, low, high) in rows {
        let claim = first(text, lang).unwrap_or_else(|| panic!("no claim in {text:?}"));
        let q = claim.quantity().unwrap();
        assert_eq!(claim.kind, kind, "{text}");
        assert_eq!(q.qualifier, qualifier, "{text}");
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-6 * b.abs().max(1.0),
            (a, b) => a == b,
        };
        assert!(close(q.value, value), "{text}: value {:?}", q.value);
        assert!(
            close(q.interval.low, low),
            "{text}: low {:?}",
            q.interval.low
        );
        assert!(
            close(q.interval.high, high),
            "{text}: high {:?}",
            q.interval.high
        );
    }
}

#[test]
fn slang_ids_and_model_names_are_not_quantities() {
    for (text, lang) in [
        ("Stando agli 007, la guerra", Lang::It),
        ("un F-16 abbattuto", Lang::It),
        ("chiamare il 3331234567", Lang::It),
    ] {
        assert!(first(text, lang).is_none(), "{text}");
    }
}
