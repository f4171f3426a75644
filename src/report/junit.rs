//! `--format junit`: JUnit XML for CI systems that show test results (GitLab,
//! Jenkins, Azure). One test suite per file, one test case per claim
//! (`classname` the file's path, `name` its location and text); a verdict at
//! or above `--fail-on` is a failure, a suppressed finding is skipped.
//! Written by hand: the format is small, and [`escape_xml`] covers what XML
//! 1.0 forbids. Only the XML of each suite is kept until the end, because
//! the root element carries the totals.

use std::io::{self, Write};

use super::spool::Spool;
use super::{Mode, Report, Style, Summary, claim_range, claim_text};
use crate::check::Verdict;
use crate::pipeline::FileResult;

pub struct Junit {
    style: Style,
    /// The test suites, waiting for the totals that go first.
    suites: Spool,
    tests: usize,
    failures: usize,
    skipped: usize,
}

impl Junit {
    pub fn new(style: Style) -> Junit {
        Junit {
            style,
            suites: Spool::default(),
            tests: 0,
            failures: 0,
            skipped: 0,
        }
    }
}

/// Escapes text for XML content and attribute values; characters XML 1.0
/// does not allow (most control characters) are dropped.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

impl Report for Junit {
    fn file(&mut self, _out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let classname = escape_xml(&file.rel_path);
        let failing =
            |verdict: Verdict| self.style.mode == Mode::Verify && verdict.fails(self.style.fail_on);
        // The suite's counts go first: counted before its cases are written.
        let (mut tests, mut failures, mut skipped) = (0, 0, 0);
        for (finding, suppressed) in file.entries() {
            tests += 1;
            if suppressed {
                skipped += 1;
            } else if failing(finding.verdict) {
                failures += 1;
            }
        }
        let suites = &mut self.suites;
        writeln!(
            suites,
            "  <testsuite name=\"{classname}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">"
        )?;
        for (finding, suppressed) in file.entries() {
            let (start, _) = claim_range(file, finding);
            let name = format!(
                "{}:{} {}",
                start.line,
                start.column,
                claim_text(file, finding)
            );
            write!(
                suites,
                "    <testcase classname=\"{classname}\" name=\"{}\"",
                escape_xml(&name)
            )?;
            if suppressed {
                writeln!(
                    suites,
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                    escape_xml(&format!("{} (suppressed)", finding.verdict))
                )?;
            } else if failing(finding.verdict) {
                let fact = finding
                    .fact()
                    .map_or(String::new(), |(id, _)| format!(" ({id})"));
                writeln!(
                    suites,
                    ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
                    finding.verdict,
                    escape_xml(&format!("{}{fact}", finding.verdict)),
                    escape_xml(&finding.explanation())
                )?;
            } else {
                writeln!(suites, "/>")?;
            }
        }
        suites.write_all(b"  </testsuite>\n")?;
        self.tests += tests;
        self.failures += failures;
        self.skipped += skipped;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"factcheck\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
            self.tests, self.failures, summary.errors, self.skipped
        )?;
        if let Some(config) = &summary.config {
            // JUnit has properties per suite only: one empty suite holds
            // the run's.
            writeln!(
                out,
                "  <testsuite name=\"factcheck\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n    <properties>\n      <property name=\"config\" value=\"{}\"/>\n    </properties>\n  </testsuite>",
                escape_xml(config)
            )?;
        }
        self.suites.copy_all(out)?;
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape_xml("a<b>&\"c'\n\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;"
        );
    }
}
