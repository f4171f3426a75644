//! The library's errors. Each carries the file and, where it has one, the
//! position, so the binary can print a message an editor can act on.

use std::fmt;

/// A position in an input file, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// How bad a problem is: an error makes a reference file invalid (exit
/// 2); a warning (sources that disagree, ambiguous facts) does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem in a reference file, printed the way compilers do:
/// `path:line:col: error: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub location: Option<Location>,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = self.severity.name();
        match self.location {
            Some(at) => write!(
                f,
                "{}:{}:{}: {severity}: {}",
                self.path, at.line, at.column, self.message
            ),
            None => write!(f, "{}: {severity}: {}", self.path, self.message),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: byte {offset} (line {line}): {detail}; save the file as UTF-8")]
    Encoding {
        path: String,
        offset: usize,
        line: usize,
        detail: String,
    },
    #[error("{path}: {size} bytes is over the limit of {limit} bytes; raise it with --max-size")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{}", problems_text(.0))]
    InvalidRefs(Vec<Problem>),
    #[error("invalid glob `{glob}`: {detail}")]
    Glob { glob: String, detail: String },
    /// A problem with an input that is not a read error: an unreadable
    /// directory entry, a failed `git diff`.
    #[error("{path}: {detail}")]
    Input { path: String, detail: String },
}

fn problems_text(problems: &[Problem]) -> String {
    let count = problems.len();
    let mut text = format!("{count} error{}", if count == 1 { "" } else { "s" });
    for problem in problems {
        text.push('\n');
        text.push_str(&problem.to_string());
    }
    text
}
