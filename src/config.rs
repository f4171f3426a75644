//! `factcheck.toml`: a repository's settings, so CI and editors run the
//! same check without repeating flags. Command-line flags override it.
//!
//! Each article gets the settings of the `factcheck.toml` files in its
//! directory and above it, up to the repository's root ([`Cascade`]):
//! for each key the nearest file that sets it wins, as markdownlint-cli2
//! and typos cascade theirs, so a `content/de/factcheck.toml` saying only
//! `lang = "de"` keeps the root's `refs`. A file's `include` and
//! `exclude` globs are relative to its own directory and apply to the
//! paths below it. Run-wide keys (`format`, `fail_on`, `author`) come from
//! the files above the working directory.
//!
//! ```toml
//! refs = ["claims"]            # paths relative to this file
//! lang = "it"                  # it, en, … or auto
//! fail_on = "outdated"         # a verdict, or never
//! format = "table"             # any --format name
//! include = ["content/**"]     # gitignore-style globs, relative to this file
//! exclude = ["content/archive/**"]
//! globs = ["!*.draft.md"]      # raw --glob entries, `!` excludes
//! author = "The Fact-Check Desk" # who publishes `--format claimreview`
//!
//! [lsp]
//! level = "disputed"           # lowest verdict shown in the editor
//! ```
//!
//! Unknown keys and bad values are errors naming the file, line and column.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
    /// Walk globs in `--glob` form, relative to this file's directory:
    /// `include`, then `globs`, then `exclude` as `!glob` (the last
    /// matching glob wins, so an exclude beats an include).
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

/// Every `factcheck.toml` in `start` and its ancestors, nearest first, up
/// to the repository's root (see [`find`]).
pub fn chain(start: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            found.push(candidate);
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    found
}

/// One config from a chain of them, nearest first: each key from the
/// nearest file that sets it. The result's `path` is the nearest file's;
/// its `globs` are empty (each file's globs apply from its own directory,
/// through [`Cascade::matched`]).
pub fn merge(chain: &[Arc<Config>]) -> Option<Config> {
    let nearest = chain.first()?;
    let first = |get: &dyn Fn(&Config) -> bool| chain.iter().find(|c| get(c)).cloned();
    Some(Config {
        path: nearest.path.clone(),
        refs: first(&|c| !c.refs.is_empty()).map_or_else(Vec::new, |c| c.refs.clone()),
        lang: chain.iter().find_map(|c| c.lang),
        fail_on: chain.iter().find_map(|c| c.fail_on),
        format: chain.iter().find_map(|c| c.format),
        globs: Vec::new(),
        author: chain.iter().find_map(|c| c.author.clone()),
        lsp_level: chain.iter().find_map(|c| c.lsp_level),
    })
}

/// `path` made absolute against `cwd`, `.` and `..` resolved by name
/// (symbolic links are not followed), so its ancestors are its directories.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in cwd.join(path).components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Which configuration applies where: each directory's chain of
/// `factcheck.toml` files, each file read once. Shared by the walk's
/// threads. A file that cannot be used is remembered in
/// [`Cascade::errors`] and left out of the chains.
pub struct Cascade {
    cwd: PathBuf,
    mode: Mode,
    files: Mutex<HashMap<PathBuf, Option<Loaded>>>,
    /// Each directory's configs, nearest first, found once.
    dirs: Mutex<HashMap<PathBuf, Arc<Vec<Loaded>>>>,
    errors: Mutex<Vec<String>>,
}

/// A directory's configs, nearest first.
pub type Chain = Arc<Vec<Arc<Config>>>;

#[derive(Clone)]
struct Loaded {
    config: Arc<Config>,
    /// The file's globs, rooted at its directory.
    globs: Option<Arc<ignore::overrides::Override>>,
}

enum Mode {
    /// The files found above each path.
    Found,
    /// `--config FILE`: that file everywhere, its globs from its directory.
    Fixed(Loaded),
    /// `--no-config`.
    None,
}

impl Cascade {
    /// Configs found above each path; relative paths are relative to `cwd`.
    pub fn found(cwd: &Path) -> Cascade {
        Cascade::with(cwd, Mode::Found)
    }

    /// One config for every path (`--config FILE`).
    pub fn fixed(cwd: &Path, config: Config) -> Result<Cascade, ConfigError> {
        let loaded = Loaded::new(config)?;
        Ok(Cascade::with(cwd, Mode::Fixed(loaded)))
    }

    /// No config anywhere (`--no-config`).
    pub fn none(cwd: &Path) -> Cascade {
        Cascade::with(cwd, Mode::None)
    }

    fn with(cwd: &Path, mode: Mode) -> Cascade {
        Cascade {
            cwd: cwd.to_path_buf(),
            mode,
            files: Mutex::default(),
            dirs: Mutex::default(),
            errors: Mutex::default(),
        }
    }

    /// The configs of directory `dir`, nearest first.
    pub fn chain(&self, dir: &Path) -> Chain {
        match &self.mode {
            Mode::None => Arc::default(),
            Mode::Fixed(loaded) => Arc::new(vec![loaded.config.clone()]),
            Mode::Found => {
                let dir = absolute(&self.cwd, dir);
                let loaded = self.loaded_chain(&dir);
                Arc::new(loaded.iter().map(|l| l.config.clone()).collect())
            }
        }
    }

    /// The merged config of directory `dir`.
    pub fn for_dir(&self, dir: &Path) -> Option<Config> {
        merge(&self.chain(dir))
    }

    /// The configs of the absolute directory `dir`, nearest first: looked
    /// for once per directory (a walk asks for every entry).
    fn loaded_chain(&self, dir: &Path) -> Arc<Vec<Loaded>> {
        match &self.mode {
            Mode::None => Arc::default(),
            Mode::Fixed(loaded) => Arc::new(vec![loaded.clone()]),
            Mode::Found => {
                if let Some(known) = lock(&self.dirs).get(dir) {
                    return known.clone();
                }
                let loaded: Arc<Vec<Loaded>> = Arc::new(
                    chain(dir)
                        .into_iter()
                        .filter_map(|file| self.load(&file))
                        .collect(),
                );
                lock(&self.dirs).insert(dir.to_path_buf(), loaded.clone());
                loaded
            }
        }
    }

    fn load(&self, file: &Path) -> Option<Loaded> {
        if let Some(known) = lock(&self.files).get(file) {
            return known.clone();
        }
        let loaded = load(file).and_then(Loaded::new);
        let loaded = match loaded {
            Ok(loaded) => Some(loaded),
            Err(err) => {
                lock(&self.errors).push(err.to_string());
                None
            }
        };
        lock(&self.files).insert(file.to_path_buf(), loaded.clone());
        loaded
    }

    /// Whether the `include` and `exclude` globs of the configs above
    /// `path` take it (`Some(true)`, whatever its extension), leave it out
    /// (`Some(false)`) or say nothing: the nearest config whose globs
    /// decide wins. A config with an `include` leaves out the files it
    /// does not name, never a directory (its files may be named).
    pub fn matched(&self, path: &Path, is_dir: bool) -> Option<bool> {
        if matches!(self.mode, Mode::None) {
            return None;
        }
        let path = absolute(&self.cwd, path);
        let dir = path.parent().unwrap_or(Path::new("/"));
        let chain = self.loaded_chain(dir);
        chain.iter().find_map(|loaded| {
            let globs = loaded.globs.as_ref()?;
            match globs.matched(&path, is_dir) {
                ignore::Match::Whitelist(_) => Some(true),
                ignore::Match::Ignore(_) => Some(false),
                ignore::Match::None => None,
            }
        })
    }

    /// The config files read so far.
    pub fn files(&self) -> Vec<PathBuf> {
        match &self.mode {
            Mode::None => Vec::new(),
            Mode::Fixed(loaded) => vec![loaded.config.path.clone()],
            Mode::Found => {
                let mut files: Vec<PathBuf> = lock(&self.files)
                    .iter()
                    .filter(|(_, loaded)| loaded.is_some())
                    .map(|(path, _)| path.clone())
                    .collect();
                files.sort();
                files
            }
        }
    }

    /// The configs that could not be used, as messages.
    pub fn errors(&self) -> Vec<String> {
        lock(&self.errors).clone()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Loaded {
    fn new(config: Config) -> Result<Loaded, ConfigError> {
        let globs = if config.globs.is_empty() {
            None
        } else {
            let dir = config.path.parent().unwrap_or(Path::new(""));
            let dir = absolute(&std::env::current_dir().unwrap_or_default(), dir);
            let mut builder = ignore::overrides::OverrideBuilder::new(&dir);
            let invalid = |message: String| ConfigError::Invalid {
                path: config.path.display().to_string(),
                line: 1,
                column: 1,
                message,
            };
            for glob in &config.globs {
                builder
                    .add(glob)
                    .map_err(|e| invalid(format!("invalid glob `{glob}`: {e}")))?;
            }
            Some(Arc::new(
                builder.build().map_err(|e| invalid(e.to_string()))?,
            ))
        };
        Ok(Loaded {
            config: Arc::new(config),
            globs,
        })
    }
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

    #[test]
    fn nearer_files_win_key_by_key_and_globs_apply_below_their_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(root.join("de/old")).unwrap();
        std::fs::write(
            root.join(FILE_NAME),
            "refs = [\"claims\"]\nlang = \"en\"\nexclude = [\"archive/**\"]\n",
        )
        .unwrap();
        std::fs::write(
            root.join("de").join(FILE_NAME),
            "lang = \"de\"\nexclude = [\"old\"]\n",
        )
        .unwrap();
        let cascade = Cascade::found(root);
        let de = cascade.for_dir(Path::new("de")).unwrap();
        assert_eq!(de.lang, Some(LangChoice::Fixed(Lang::De)));
        assert_eq!(de.refs, [absolute(root, Path::new("claims"))]);
        assert_eq!(
            cascade.for_dir(Path::new(".")).unwrap().lang,
            Some(LangChoice::Fixed(Lang::En))
        );
        // `archive/**` is the root's, relative to it; `old` is de's.
        assert_eq!(
            cascade.matched(Path::new("archive/a.md"), false),
            Some(false)
        );
        assert_eq!(cascade.matched(Path::new("de/archive/a.md"), false), None);
        assert_eq!(cascade.matched(Path::new("de/old"), true), Some(false));
        assert_eq!(cascade.matched(Path::new("old"), true), None);
        assert!(cascade.errors().is_empty());
        assert_eq!(cascade.files().len(), 2);
        // --no-config and --config FILE.
        assert_eq!(Cascade::none(root).for_dir(Path::new("de")), None);
        let fixed = Cascade::fixed(root, load(&root.join("de").join(FILE_NAME)).unwrap()).unwrap();
        assert_eq!(
            fixed.for_dir(Path::new(".")).unwrap().lang,
            Some(LangChoice::Fixed(Lang::De))
        );
    }

    #[test]
    fn absolute_paths_resolve_dots_by_name() {
        assert_eq!(
            absolute(Path::new("/a/b"), Path::new("../c/./d.md")),
            PathBuf::from("/a/c/d.md")
        );
        assert_eq!(
            absolute(Path::new("/a"), Path::new("/x/y")),
            PathBuf::from("/x/y")
        );
    }
}
