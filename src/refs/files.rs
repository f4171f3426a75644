//! Reference files on disk: walking directories for `*.yaml`, refusing
//! files too large or not UTF-8, and the entry points that load them.

use std::path::{Path, PathBuf};

use super::load::Loader;
use super::{FactIndex, cache};
use crate::error::{Error, Problem, Severity};

/// Reference files larger than this are refused before parsing.
pub(crate) const MAX_REFS_SIZE: u64 = 64 * 1024 * 1024;

/// Everything read from reference files: the facts that are valid, and
/// every problem found (errors only; warnings come from
/// [`super::warnings`]).
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub index: FactIndex,
    pub problems: Vec<Problem>,
    pub files: usize,
}

/// Loads reference files and directories (walked for `*.yaml`, `*.yml`);
/// any problem makes the whole set invalid. A valid set large enough is
/// read from, or else written to, the compiled cache ([`super::cache`]).
pub fn load_paths(paths: &[PathBuf]) -> Result<FactIndex, Error> {
    let (files, problems) = reference_files(paths);
    let entry = if problems.is_empty() {
        cache::dir().and_then(|dir| cache::Entry::new(&dir, &files))
    } else {
        None
    };
    if let Some((facts, sources)) = entry.as_ref().and_then(cache::Entry::read) {
        return Ok(FactIndex::new(facts, sources));
    }
    let checked = check_files(&files, problems);
    if !checked.problems.is_empty() {
        return Err(Error::InvalidRefs(checked.problems));
    }
    if let Some(entry) = entry {
        entry.write(&checked.index.facts, &checked.index.sources);
    }
    Ok(checked.index)
}

/// Reads every file under `paths` and reports every problem, an
/// unreadable file or a link out of its directory included; the other
/// files are still read. Never from the cache: this is the check.
pub fn check_paths(paths: &[PathBuf]) -> Result<Checked, Error> {
    let (files, problems) = reference_files(paths);
    Ok(check_files(&files, problems))
}

/// [`check_paths`] on the files found, with the problems of finding them.
fn check_files(files: &[PathBuf], problems: Vec<Problem>) -> Checked {
    let mut loader = Loader {
        problems,
        ..Loader::default()
    };
    for file in files {
        let display = file.display().to_string();
        let meta = match std::fs::metadata(file) {
            Ok(meta) => meta,
            Err(e) => {
                loader.error(&display, None, format!("cannot read: {e}"));
                continue;
            }
        };
        if meta.len() > MAX_REFS_SIZE {
            loader.error(
                &display,
                None,
                format!(
                    "{} bytes is over the {MAX_REFS_SIZE}-byte limit for reference files; split it into several files",
                    meta.len()
                ),
            );
            continue;
        }
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                loader.error(&display, None, format!("cannot read: {e}"));
                continue;
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => loader.add(&display, &text),
            Err(e) => loader.error(
                &display,
                None,
                format!(
                    "invalid UTF-8 at byte {}; save the file as UTF-8",
                    e.utf8_error().valid_up_to()
                ),
            ),
        }
    }
    loader.finish(files.len())
}

/// Checks one reference file held in memory (`path` names it in messages).
pub fn check_str(path: &str, text: &str) -> Checked {
    let mut loader = Loader::default();
    loader.add(path, text);
    loader.finish(1)
}

/// Parses one reference file held in memory; any problem is an error.
pub fn parse_str(path: &str, text: &str) -> Result<FactIndex, Error> {
    let checked = check_str(path, text);
    if checked.problems.is_empty() {
        Ok(checked.index)
    } else {
        Err(Error::InvalidRefs(checked.problems))
    }
}

/// The reference files under `paths`, without reading them: files as
/// given, directories walked for `*.yaml` and `*.yml` (hidden entries
/// skipped, sorted). Inside a directory, a symbolic link is followed only
/// when its target stays inside that directory; each directory and file is
/// taken once, so links that loop (two links to `.`) end. Paths that
/// cannot be read and links leading out are problems.
pub fn reference_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut walk = Walk::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => match path.canonicalize() {
                Ok(root) => {
                    if walk.dirs.insert(root.clone()) {
                        walk.dir(&root, path);
                    }
                }
                Err(e) => walk.problem(path, format!("cannot read: {e}")),
            },
            Ok(_) => walk.file(path),
            Err(e) => walk.problem(path, format!("cannot read: {e}")),
        }
    }
    (walk.files, walk.problems)
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    problems: Vec<Problem>,
    /// Canonical paths of the directories walked and files taken.
    dirs: std::collections::HashSet<PathBuf>,
    seen: std::collections::HashSet<PathBuf>,
}

impl Walk {
    fn problem(&mut self, path: &Path, message: String) {
        self.problems.push(Problem {
            path: path.display().to_string(),
            location: None,
            severity: Severity::Error,
            message,
        });
    }

    fn file(&mut self, path: &Path) {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if self.seen.insert(key) {
            self.files.push(path.to_path_buf());
        }
    }

    /// Walks `dir` (shown as `shown`), inside the canonical `root`.
    fn dir(&mut self, root: &Path, shown: &Path) {
        let entries = match std::fs::read_dir(shown) {
            Ok(entries) => entries,
            Err(e) => return self.problem(shown, format!("cannot read: {e}")),
        };
        let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.path(), e.file_type().ok()))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (entry, kind) in entries {
            let hidden = entry
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            let yaml = entry.extension().is_some_and(|e| e == "yaml" || e == "yml");
            let is_link = kind.is_some_and(|k| k.is_symlink());
            let (is_dir, canonical) = if is_link {
                let Ok(target) = entry.canonicalize() else {
                    if yaml {
                        self.problem(&entry, "a broken symbolic link".to_string());
                    }
                    continue;
                };
                if !target.starts_with(root) {
                    if yaml || target.is_dir() {
                        self.problem(
                            &entry,
                            format!(
                                "a symbolic link out of {}: not followed (name its target with --refs to read it)",
                                root.display()
                            ),
                        );
                    }
                    continue;
                }
                (target.is_dir(), Some(target))
            } else {
                (kind.is_some_and(|k| k.is_dir()), None)
            };
            if is_dir {
                let canonical = canonical.or_else(|| entry.canonicalize().ok());
                if canonical.is_some_and(|c| self.dirs.insert(c)) {
                    self.dir(root, &entry);
                }
            } else if yaml {
                self.file(&entry);
            }
        }
    }
}
