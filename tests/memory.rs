//! The heap an article needs, counted (not timed): a global allocator that
//! adds up the bytes allocated and freed records the most held at once
//! while one article is read and judged, so the figure is the same on
//! every machine and under any load. Issue 19 asks that any file within
//! the size limit peak under 200 MB; these bounds, in bytes of heap per
//! byte of input and in bytes each finding holds, keep the worst shapes
//! where they are now:
//!
//! - a figure-dense article of many short paragraphs is read a window of
//!   paragraphs at a time, so its peak hardly grows with its length; the
//!   peak is where the findings' list is reserved while the windows'
//!   claims are still held (the scan text is then held as what it
//!   blanks, not as a second copy);
//! - one paragraph of nothing but figures (`1.000.000 ` repeated) is
//!   read in pieces of about 2 KB (a paragraph longer than 64 KB is), so
//!   its tokens are one piece's and its claims become findings a piece at
//!   a time; judged against facts none of whose terms it holds, it costs
//!   what it costs without them (no clauses are worked out);
//! - the same paragraph with the terms of a fact beside every tenth figure
//!   works its clauses out and ties every figure of a piece to the fact
//!   as a candidate. Each finding carried its own candidate, explanation
//!   and tying words (about 1 KB a claim, 106 bytes a byte, 941 MB at
//!   8 MB); now the explanation is written when a report asks for it and
//!   a run of findings with the same tie shares one: 157 bytes a finding,
//!   and the paragraph costs less than one without the terms.
//!
//! The count is of bytes asked for, not of bytes touched: the tokenizer
//! reserves room for a token every four bytes, which a paragraph of
//! figures fills to two fifths.
//!
//! One test function: the counter is global, and tests of one binary run
//! in parallel threads.

use std::sync::atomic::Ordering::Relaxed;

use factcheck::document::{Document, Origin};
use factcheck::lang::Lang;
use factcheck::pipeline::{Settings, analyze};

#[path = "common/counting.rs"]
mod counting;

use counting::{Counting, HELD, PEAK};

#[global_allocator]
static COUNTING: Counting = Counting;

/// What reading and judging `text` holds: the most heap at once, beyond
/// what was held before (the text itself included: it is the caller's),
/// and the heap its findings hold, a finding at a time (their list, what
/// each has apart and its share of what they share).
struct Held {
    peak: usize,
    per_finding: f64,
}

fn held_by(text: String, facts: Option<&factcheck::refs::FactIndex>) -> Held {
    let doc = Document::parse(Origin::Stdin, text, true, Vec::new());
    let settings = Settings {
        lang: Some(Lang::It),
        date: None,
        max_size: 1 << 26,
        explain: false,
    };
    let before = HELD.load(Relaxed);
    PEAK.store(before, Relaxed);
    let mut result = analyze(doc, &settings, facts);
    let count = result.findings.len();
    assert!(count > 0);
    let with_findings = HELD.load(Relaxed);
    drop(std::mem::take(&mut result.findings));
    let findings = with_findings - HELD.load(Relaxed);
    drop(result);
    Held {
        peak: PEAK.load(Relaxed) - before,
        per_finding: findings as f64 / count as f64,
    }
}

/// About `bytes` of an Italian article in short paragraphs, each sentence
/// with a figure or two (about 27 claims a kilobyte, like
/// bench/gen_corpus.py's dense corpus).
fn dense(bytes: usize) -> String {
    let sentences = [
        "Il governo ha stanziato {a},{b} miliardi di euro per la ricostruzione nel 20{c}.",
        "La colonna si è fermata a circa {n} chilometri dal confine, dopo {b} giorni di marcia.",
        "Dall'inizio dell'anno sono arrivate {n}.{a}{b}{c} persone, quasi il {c} per cento in meno.",
        "Tra {a} e 1{b} mila lavoratori sono stati mandati a riparare i danni, ha detto ieri il ministero.",
        "Il tasso è salito al {a},{b}% a marzo, contro il {b},{c}% di febbraio.",
    ];
    let mut text = String::from("---\nlang: it\ndate: 2025-01-01\n---\n# Dati\n\n");
    let mut k = 0usize;
    while text.len() < bytes {
        for s in 0..4 {
            let n = (k * 7919) % 900 + 100;
            let line = sentences[(k + s) % sentences.len()]
                .replace("{a}", &(k % 9 + 1).to_string())
                .replace("{b}", &(k % 7 + 2).to_string())
                .replace("{c}", &(k % 5 + 10).to_string())
                .replace("{n}", &n.to_string());
            text.push_str(&line);
            text.push(' ');
            k += 1;
        }
        text.push_str("\n\n");
    }
    text
}

/// One paragraph of `bytes` of figures with no sentence end, every tenth
/// beside the terms of a fact of `claims/` ("truppe nordcoreane"), so that
/// clauses are worked out and claims tied.
fn with_terms(bytes: usize) -> String {
    let unit = format!("{}1.000.000 truppe nordcoreane ", "1.000.000 ".repeat(9));
    unit.repeat(bytes / unit.len() + 1)
}

/// Heap bytes a finding holds, at most, in a run whose findings are
/// mostly unmatched or share their tie: the finding itself is 112 bytes
/// (its claim 96).
const PER_FINDING: f64 = 120.0;

#[test]
fn heap_per_input_byte_stays_bounded() {
    let facts = factcheck::refs::load_paths(&["claims".into()]).unwrap();
    let mb = 1 << 20;
    let cases = [
        // (what, text, facts, bound in bytes of heap per input byte, bound
        // in bytes per finding)
        ("dense 1 MB, extract", dense(mb), None, 11.0, PER_FINDING),
        (
            "dense 2 MB, verify",
            dense(2 * mb),
            Some(&facts),
            10.5,
            PER_FINDING,
        ),
        (
            "'1.000.000 ' 1 MB, extract",
            "1.000.000 ".repeat(mb / 10),
            None,
            24.0,
            PER_FINDING,
        ),
        (
            "'1.000.000 ' 1 MB, verify",
            "1.000.000 ".repeat(mb / 10),
            Some(&facts),
            24.0,
            PER_FINDING,
        ),
        // Issue 19's other sentence whose clauses took quadratic time: a
        // conjunction 500,000 times.
        (
            "'e ' 1 MB, verify",
            format!("{}1.000 soldati nordcoreani", "e ".repeat(mb / 2)),
            Some(&facts),
            4.0,
            // One finding, its tie its own (1,063 bytes before).
            1024.0,
        ),
        // Each run of ten figures shares a tie; its tying words are every
        // occurrence of the terms so far in the piece (about 2 KB, one
        // sentence), 17 on average: about 40 bytes a finding more. Each
        // held its own copy of all of it, about 1,100 bytes, before.
        (
            "'1.000.000 ' with terms 1 MB, verify",
            with_terms(mb),
            Some(&facts),
            20.0,
            170.0,
        ),
    ];
    let mut report = String::new();
    let mut over = Vec::new();
    for (what, text, facts, bound, per_finding) in cases {
        let len = text.len();
        let held = held_by(text, facts);
        let per_byte = held.peak as f64 / len as f64;
        report.push_str(&format!(
            "{what}: {:.1} MB of heap, {per_byte:.1} bytes a byte (bound {bound}); {:.0} bytes a finding (bound {per_finding})\n",
            held.peak as f64 / mb as f64,
            held.per_finding,
        ));
        if per_byte > bound || held.per_finding > per_finding {
            over.push(what);
        }
    }
    eprint!("{report}");
    assert!(over.is_empty(), "over their bound: {over:?}\n{report}");
}
