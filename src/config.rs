//! `factcheck.toml`: a repository's settings, so CI and editors run the
//! same check without repeating flags. Found by walking up from the working
//! directory; command-line flags override it.
//!
//! ```toml
//! refs = ["claims"]            # paths relative to this file
//! lang = "it"                  # it, en, … or auto
//! fail_on = "outdated"         # a verdict, or never
//! format = "table"             # any --format name
//! include = ["content/**"]     # gitignore-style globs for directory walks
//! exclude = ["content/archive/**"]
//! globs = ["!*.draft.md"]      # raw --glob entries, `!` excludes
//! author = "The Fact-Check Desk" # who publishes `--format claimreview`
//!
//! [lsp]
//! level = "disputed"           # lowest verdict shown in the editor
//! ```
//!
//! Unknown keys and bad values are errors naming the file, line and column.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::check::Verdict;
use crate::lang::Lang;
use crate::report::Format;
use crate::text::LineIndex;

/// The file name looked for.
pub const FILE_NAME: &str = "factcheck.toml";

/// `--fail-on`: a verdict and everything worse, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Never,
    At(Verdict),
}

impl FailOn {
    pub fn parse(text: &str) -> Option<FailOn> {
        if text == "never" {
            return Some(FailOn::Never);
        }
        Verdict::parse(text).map(FailOn::At)
    }

    /// The verdict from which a finding fails the run.
    pub fn level(self) -> Option<Verdict> {
        match self {
            FailOn::Never => None,
            FailOn::At(v) => Some(v),
        }
    }
}

/// `--lang`: fixed, or decided per article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangChoice {
    Auto,
    Fixed(Lang),
}

impl LangChoice {
    pub fn parse(text: &str) -> Option<LangChoice> {
        if text == "auto" {
            return Some(LangChoice::Auto);
        }
        Lang::parse(text).map(LangChoice::Fixed)
    }
}

/// The settings a config file gives; `None` where it is silent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file read.
    pub path: PathBuf,
    /// Reference paths, resolved against the file's directory.
    pub refs: Vec<PathBuf>,
    pub lang: Option<LangChoice>,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
    /// Walk globs in `--glob` form: `include`, then `globs`, then
    /// `exclude` as `!glob` (the last matching glob wins, so an exclude
    /// beats an include).
    pub globs: Vec<String>,
    /// The desk that signs `--format claimreview`.
    pub author: Option<String>,
    /// `[lsp] level`: the lowest verdict `factcheck lsp` shows.
    pub lsp_level: Option<Verdict>,
}

/// A config file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    refs: Option<Spanned<OneOrMany>>,
    lang: Option<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    format: Option<Spanned<String>>,
    #[serde(default)]
    globs: Vec<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    author: Option<String>,
    lsp: Option<RawLsp>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLsp {
    level: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// The nearest `factcheck.toml` in `start` or one of its ancestors, up
/// to the repository's root (the directory holding `.git`) and no
/// further: a config above the repository is not the repository's, and
/// could point the refs elsewhere or turn failures off (as ruff and typos
/// stop at the project root).
pub fn find(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(path, &text)
}

/// Parses config text read from `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let invalid = |span: Option<Range<usize>>, message: String| {
        let (line, column) = line_column(text, span.map_or(0, |s| s.start));
        ConfigError::Invalid {
            path: path.display().to_string(),
            line,
            column,
            message,
        }
    };
    let raw: Raw =
        toml::from_str(text).map_err(|e| invalid(e.span(), e.message().trim().to_string()))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut config = Config {
        path: path.to_path_buf(),
        ..Config::default()
    };
    if let Some(refs) = raw.refs {
        let list = match refs.into_inner() {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        };
        // Each path once, in order: a config may list one two million
        // times. Paths compare by component, so `claims`, `claims/`,
        // `claims//` and `./claims` are one (found by fuzzing).
        let mut seen = std::collections::HashSet::new();
        config.refs = list
            .into_iter()
            .map(|r| dir.join(r))
            .filter(|path| seen.insert(path.clone()))
            .collect();
    }
    if let Some(lang) = raw.lang {
        let choice = LangChoice::parse(lang.get_ref()).ok_or_else(|| {
            let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            invalid(
                Some(lang.span()),
                format!(
                    "unknown language `{}`: use auto or one of {}",
                    lang.get_ref(),
                    codes.join(", ")
                ),
            )
        })?;
        config.lang = Some(choice);
    }
    if let Some(fail_on) = raw.fail_on {
        let level = FailOn::parse(fail_on.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = Verdict::BY_SEVERITY.iter().map(|v| v.name()).collect();
            invalid(
                Some(fail_on.span()),
                format!(
                    "unknown level `{}`: use never or one of {}",
                    fail_on.get_ref(),
                    names.join(", ")
                ),
            )
        })?;
        config.fail_on = Some(level);
    }
    if let Some(format) = raw.format {
        let parsed = Format::parse(format.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            invalid(
                Some(format.span()),
                format!(
                    "unknown format `{}`: use one of {}",
                    format.get_ref(),
                    names.join(", ")
                ),
            )
        })?;
        config.format = Some(parsed);
    }
    if let Some(level) = raw.lsp.and_then(|l| l.level) {
        let verdict = Verdict::parse(level.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = Verdict::BY_SEVERITY.iter().map(|v| v.name()).collect();
            invalid(
                Some(level.span()),
                format!(
                    "unknown level `{}`: use one of {}",
                    level.get_ref(),
                    names.join(", ")
                ),
            )
        })?;
        config.lsp_level = Some(verdict);
    }
    config.author = raw.author;
    config.globs = raw
        .include
        .into_iter()
        .chain(raw.globs)
        .chain(raw.exclude.into_iter().map(|g| format!("!{g}")))
        .collect();
    Ok(config)
}

/// 1-based line and column (in characters) of a byte offset, by the one
/// line index every output uses.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let position = LineIndex::new(text).position(text, offset);
    (position.line, position.column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Config {
        parse(Path::new("repo/factcheck.toml"), text).unwrap()
    }

    fn parse_err(text: &str) -> String {
        parse(Path::new("factcheck.toml"), text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn every_key_is_read_and_refs_are_relative_to_the_file() {
        let config = parse_ok(
            "refs = [\"claims\", \"more\"]\nlang = \"it\"\nfail_on = \"outdated\"\nformat = \"sarif\"\n\
             include = [\"content/**\"]\nexclude = [\"drafts/**\"]\nglobs = [\"!*.tmp.md\"]\n",
        );
        assert_eq!(
            config.refs,
            [PathBuf::from("repo/claims"), PathBuf::from("repo/more")]
        );
        assert_eq!(config.lang, Some(LangChoice::Fixed(Lang::It)));
        assert_eq!(config.fail_on, Some(FailOn::At(Verdict::Outdated)));
        assert_eq!(config.format, Some(Format::Sarif));
        assert_eq!(config.globs, ["content/**", "!*.tmp.md", "!drafts/**"]);
        let config = parse_ok("author = \"Desk\"\n[lsp]\nlevel = \"disputed\"\n");
        assert_eq!(config.author.as_deref(), Some("Desk"));
        assert_eq!(config.lsp_level, Some(Verdict::Disputed));
    }

    #[test]
    fn refs_spelled_differently_are_listed_once() {
        assert_eq!(
            parse_ok("refs = [\"claims\", \"claims/\", \"claims//\", \"./claims\", \"more\"]").refs,
            [PathBuf::from("repo/claims"), PathBuf::from("repo/more")]
        );
    }

    #[test]
    fn refs_may_be_one_string() {
        assert_eq!(
            parse_ok("refs = \"claims\"").refs,
            [PathBuf::from("repo/claims")]
        );
    }

    #[test]
    fn unknown_keys_name_line_and_column() {
        let message = parse_err("lang = \"it\"\n  fial_on = \"never\"\n");
        assert!(
            message.starts_with("factcheck.toml:2:3: unknown field `fial_on`"),
            "{message}"
        );
    }

    #[test]
    fn bad_values_name_their_position() {
        let message = parse_err("fail_on = \"sometimes\"\n");
        assert!(
            message.starts_with("factcheck.toml:1:11: unknown level"),
            "{message}"
        );
        let message = parse_err("\nlang = \"xx\"");
        assert!(
            message.starts_with("factcheck.toml:2:8: unknown language"),
            "{message}"
        );
        let message = parse_err("refs = 3");
        assert!(message.starts_with("factcheck.toml:1:8:"), "{message}");
    }

    #[test]
    fn find_walks_up() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert_eq!(find(&nested), None);
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(find(&nested), Some(dir.path().join(FILE_NAME)));
    }

    #[test]
    fn find_stops_at_the_repository_root() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        let nested = repo.join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::create_dir(repo.join(".git")).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(find(&nested), None);
        std::fs::write(repo.join(FILE_NAME), "").unwrap();
        assert_eq!(find(&nested), Some(repo.join(FILE_NAME)));
    }
}
