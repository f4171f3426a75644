//! The library's errors. Each carries the file and, where it has one, the
//! position, so the binary can print a message an editor can act on.

use std::fmt;

/// A position in an input file, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// One problem in a reference file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub location: Option<Location>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some(at) => write!(
                f,
                "{}:{}:{}: {}",
                self.path, at.line, at.column, self.message
            ),
            None => write!(f, "{}: {}", self.path, self.message),
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
    problems
        .iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
