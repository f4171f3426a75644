//! `--diff-base REV`: which lines of an article changed since a git
//! revision, so CI on a pull request judges only the claims it touches.
//! Runs `git diff --unified=0 REV -- FILE` and reads its hunk headers; the
//! repository and the revision are checked once, before any file.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::Error;

/// A revision known to exist, and the repository it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffBase {
    pub rev: String,
    /// The repository's top level.
    pub toplevel: PathBuf,
}

/// Why `--diff-base` cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BaseError {
    #[error("--diff-base needs a git repository, and {0} is not inside one")]
    NotARepository(String),
    #[error("--diff-base: unknown revision `{0}` (try `git fetch`, or a branch, tag or commit)")]
    UnknownRevision(String),
    #[error("--diff-base: cannot run git: {0}")]
    NoGit(String),
}

/// Lines added or changed, as 1-based inclusive ranges of the new file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangedLines {
    ranges: Vec<(usize, usize)>,
}

impl ChangedLines {
    pub fn all() -> ChangedLines {
        ChangedLines {
            ranges: vec![(1, usize::MAX)],
        }
    }

    /// Whether any line from `first` to `last` changed.
    pub(crate) fn any_in(&self, first: usize, last: usize) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= last && first <= b)
    }
}

/// Runs git in `dir`. Paths are always literal: a file named `:(top)b.md`
/// or `:!zz.md` is that file, not pathspec magic (`--literal-pathspecs`,
/// and `--` before every path).
fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, BaseError> {
    Command::new("git")
        .arg("--literal-pathspecs")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_LITERAL_PATHSPECS", "1")
        .output()
        .map_err(|e| {
            BaseError::NoGit(if e.kind() == std::io::ErrorKind::NotFound {
                "git was not found on the PATH".to_string()
            } else {
                e.to_string()
            })
        })
}

/// The top level of the git repository holding `dir`, if any.
pub fn toplevel(dir: &Path) -> Option<PathBuf> {
    find_toplevel(dir).ok().flatten()
}

/// The top level of the repository holding `dir`: `None` outside one, an
/// error when git cannot run.
fn find_toplevel(dir: &Path) -> Result<Option<PathBuf>, BaseError> {
    let out = git(dir, &["rev-parse", "--show-toplevel"])?;
    if !out.status.success() {
        return Ok(None);
    }
    let Ok(text) = String::from_utf8(out.stdout) else {
        return Ok(None);
    };
    let path = PathBuf::from(text.trim_end_matches(['\n', '\r']));
    Ok(Some(path.canonicalize().unwrap_or(path)))
}

/// Checks that `dir` is in a repository where `rev` names a commit.
pub fn base(dir: &Path, rev: &str) -> Result<DiffBase, BaseError> {
    let toplevel =
        find_toplevel(dir)?.ok_or_else(|| BaseError::NotARepository(dir.display().to_string()))?;
    let spec = format!("{rev}^{{commit}}");
    let out = git(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
    )?;
    if !out.status.success() || rev.starts_with('-') {
        return Err(BaseError::UnknownRevision(rev.to_string()));
    }
    Ok(DiffBase {
        rev: rev.to_string(),
        toplevel,
    })
}

/// The lines of `path` changed since the base revision. A file git does
/// not track counts as changed throughout (it is new).
/// The directory holding `path` (`.` for a bare name) and its file name.
pub fn parent_and_name(path: &Path) -> (&Path, String) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (dir, name)
}

pub(crate) fn changed_lines(base: &DiffBase, path: &Path) -> Result<ChangedLines, Error> {
    let fail = |detail: String| Error::Input {
        path: path.display().to_string(),
        detail,
    };
    let (dir, name) = parent_and_name(path);
    let out = git(
        dir,
        &[
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            &base.rev,
            "--",
            &name,
        ],
    )
    .map_err(|e| fail(e.to_string()))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(fail(format!("git diff failed: {}", stderr.trim())));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    if text.trim().is_empty() {
        let tracked = git(dir, &["ls-files", "--error-unmatch", "--", &name])
            .map_err(|e| fail(e.to_string()))?;
        if !tracked.status.success() {
            return Ok(ChangedLines::all());
        }
    }
    Ok(parse_hunks(&text))
}

/// Reads `@@ -a,b +c,d @@` headers: the new side's lines `c..c+d`; a
/// missing `d` is 1, and `d = 0` (a deletion) adds no line.
pub(crate) fn parse_hunks(diff: &str) -> ChangedLines {
    let mut ranges = Vec::new();
    for line in diff.lines() {
        let Some(rest) = line.strip_prefix("@@ ") else {
            continue;
        };
        let Some(new) = rest.split_whitespace().find(|w| w.starts_with('+')) else {
            continue;
        };
        let new = &new[1..];
        let (start, count) = match new.split_once(',') {
            Some((s, c)) => (s.parse::<usize>(), c.parse::<usize>()),
            None => (new.parse::<usize>(), Ok(1)),
        };
        if let (Ok(start), Ok(count)) = (start, count)
            && count > 0
        {
            ranges.push((start, start + count - 1));
        }
    }
    ChangedLines { ranges }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunk_headers_give_the_new_sides_lines() {
        let diff = "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n\
            @@ -3 +3 @@ x\n-old\n+new\n\
            @@ -10,0 +11,2 @@\n+a\n+b\n\
            @@ -20,2 +22,0 @@\n-gone\n-gone\n\
            @@@ -1 +1 @@@ combined\n";
        let changed = parse_hunks(diff);
        assert_eq!(changed.ranges, vec![(3, 3), (11, 12)]);
        assert!(changed.any_in(3, 3));
        assert!(changed.any_in(1, 11));
        assert!(!changed.any_in(4, 10));
        assert!(!changed.any_in(22, 22));
    }

    #[test]
    fn a_header_without_numbers_is_skipped() {
        assert_eq!(parse_hunks("@@ garbage @@\n@@ -1 +x,y @@\n").ranges, vec![]);
    }
}
