//! Every report format streams (issue 19: `--format html` held the whole
//! report, 3.7 GB for 100 MB of articles): the heap a reporter holds after
//! a file is written does not grow with the files before it, beyond a few
//! bytes a file (HTML keeps each article's path and counts for its
//! contents, written last). Counted with a counting global allocator, not
//! timed, so the figure is the same on every machine.
//!
//! Its own test binary: the counter is global to the process.

use std::sync::atomic::Ordering::Relaxed;

use factcheck::pipeline::{Input, Settings, analyze, read};
use factcheck::report::{self, Format, Mode, Style, Summary};

#[path = "common/counting.rs"]
mod counting;

use counting::{Counting, HELD};

#[global_allocator]
static COUNTING: Counting = Counting;

#[test]
fn reports_hold_no_more_for_more_files() {
    let facts = factcheck::refs::load_paths(&["claims".into()]).unwrap();
    let settings = Settings {
        lang: None,
        date: None,
        max_size: 1 << 24,
        explain: false,
    };
    let input = Input::Path("examples/kursk-it.md".into());
    let file = analyze(read(&input, 1 << 24).unwrap(), &settings, Some(&facts));
    assert!(!file.findings.is_empty());
    let style = Style {
        mode: Mode::Verify,
        color: false,
        quiet: false,
        fail_on: None,
    };
    // Past the spools' 4 MB in memory (HTML, Markdown and JUnit write a
    // file's part to a temporary file beyond that): 4,000 entries of this
    // article are more than 4 MB in each of them.
    let (first, then) = (4_000, 6_000);
    let mut report = String::new();
    let mut over = Vec::new();
    for format in [
        Format::Json,
        Format::Table,
        Format::Html,
        Format::Markdown,
        Format::Junit,
        Format::Sarif,
        Format::Github,
        Format::Concise,
        Format::Jsonl,
    ] {
        let mut reporter = report::reporter(format, style);
        let mut summary = Summary::default();
        let mut sink = std::io::sink();
        let mut held_after = Vec::new();
        for n in 1..=then {
            summary.add(&file);
            reporter.file(&mut sink, &file).unwrap();
            if n == first || n == then {
                held_after.push(HELD.load(Relaxed));
            }
        }
        reporter.finish(&mut sink, &summary).unwrap();
        let per_file = held_after[1].saturating_sub(held_after[0]) / (then - first);
        report.push_str(&format!("{}: {per_file} bytes a file\n", format.name()));
        // HTML's path and counts (200 bytes a file with its list's
        // doubling): far below the kilobytes of a file's part.
        if per_file > 512 {
            over.push(format.name());
        }
    }
    eprint!("{report}");
    assert!(over.is_empty(), "grow with the files: {over:?}\n{report}");
}
