//! `--output`: where the report goes, and the guarantees about it.
//!
//! - `-` is standard output.
//! - A regular file (or a name not taken yet) is written through a
//!   temporary file in the same directory, made by `tempfile` (a random
//!   name, created exclusively), and renamed into place at the end, so a
//!   crash, an error or two runs at once never leave half a report. The
//!   temporary file is removed after a failed rename and on SIGINT or
//!   SIGTERM. A symbolic link to a regular file is kept: its target is
//!   replaced.
//! - Anything else (a device such as `/dev/null`, a FIFO, a link to
//!   `/proc/self/fd/1`) is written through: renaming a file over it would
//!   replace the node itself.
//! - A path that is also an input (an article, a file of a walked
//!   directory, a reference file, the config) is refused before anything
//!   is read: the report would destroy it.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use anyhow::{Context, Result, bail};

/// Temporary files to remove if the process is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The exit code after SIGINT or SIGTERM (128 + SIGINT, as shells use).
const EXIT_INTERRUPTED: i32 = 130;

/// Where the report goes.
pub enum Output {
    Stdout,
    /// A file that is not a regular file, written in place.
    Through {
        path: PathBuf,
        file: BufWriter<File>,
    },
    Atomic(AtomicFile),
}

/// What `--output PATH` names, before anything is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    /// Written through (not a regular file).
    Through(PathBuf),
    /// Replaced atomically: the path to rename onto (a link's target).
    Atomic(PathBuf),
}

impl Target {
    /// Classifies `--output PATH`.
    pub fn of(path: Option<&Path>) -> Target {
        let Some(path) = path else {
            return Target::Stdout;
        };
        if path.as_os_str() == "-" {
            return Target::Stdout;
        }
        let Ok(link) = std::fs::symlink_metadata(path) else {
            // Not there yet (or not visible): a new regular file.
            return Target::Atomic(path.to_path_buf());
        };
        if link.is_file() {
            return Target::Atomic(path.to_path_buf());
        }
        if link.file_type().is_symlink() {
            // A link to a regular file: replace the target, keep the link.
            // A dangling link, or one to anything else, is written through.
            // A link into `/proc` or `/dev` (`/proc/self/fd/1`) stands for
            // a descriptor or a device, whatever it resolves to now.
            let special = std::fs::read_link(path)
                .is_ok_and(|to| to.starts_with("/proc") || to.starts_with("/dev"));
            if let (Ok(meta), Ok(target)) = (std::fs::metadata(path), path.canonicalize())
                && meta.is_file()
                && !special
            {
                return Target::Atomic(target);
            }
        }
        Target::Through(path.to_path_buf())
    }

    /// The file written, when there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Target::Stdout => None,
            Target::Through(path) | Target::Atomic(path) => Some(path),
        }
    }

    /// Refuses a target that is one of `inputs` (same canonical path, or
    /// on Unix the same file under another name).
    pub fn refuse_inputs<'a>(&self, inputs: impl IntoIterator<Item = &'a Path>) -> Result<()> {
        let Some(path) = self.path() else {
            return Ok(());
        };
        let Ok(out) = path.canonicalize() else {
            return Ok(());
        };
        let out_id = file_id(&out);
        for input in inputs {
            let same = input.canonicalize().is_ok_and(|c| c == out)
                || out_id.is_some() && file_id(input) == out_id;
            if same {
                bail!(
                    "--output {} is also an input ({}): the report would overwrite it; write the report elsewhere",
                    path.display(),
                    input.display()
                );
            }
        }
        Ok(())
    }

    /// Opens the target.
    pub fn open(self) -> Result<Output> {
        Ok(match self {
            Target::Stdout => Output::Stdout,
            Target::Through(path) => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Output::Through {
                    path,
                    file: BufWriter::new(file),
                }
            }
            Target::Atomic(path) => Output::Atomic(AtomicFile::create(&path)?),
        })
    }
}

/// The device and inode of a regular file (Unix), to recognise hard links.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| (meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &Path) -> Option<(u64, u64)> {
    None
}

impl Output {
    pub fn is_stdout(&self) -> bool {
        matches!(self, Output::Stdout)
    }

    /// Writes `bytes`; an error keeps its kind (a closed pipe is
    /// recognised) and names the file.
    pub fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Stdout => std::io::stdout().write_all(bytes),
            Output::Through { path, file } => file.write_all(bytes).map_err(|e| named(e, path)),
            Output::Atomic(file) => file.write_all(bytes),
        }
    }

    /// Flushes, and renames a temporary file into place.
    pub fn commit(self) -> Result<()> {
        match self {
            Output::Stdout => std::io::stdout().flush()?,
            Output::Through { path, mut file } => file
                .flush()
                .with_context(|| format!("cannot write {}", path.display()))?,
            Output::Atomic(file) => file.commit()?,
        }
        Ok(())
    }
}

/// `err` with the file's name in its message, its kind kept.
fn named(err: std::io::Error, path: &Path) -> std::io::Error {
    std::io::Error::new(
        err.kind(),
        format!("cannot write {}: {err}", path.display()),
    )
}

/// A report written through a temporary file in the same directory and
/// renamed into place by [`AtomicFile::commit`]; dropped uncommitted, or
/// when the rename fails, the temporary file is removed. The report
/// streams into it, so memory stays bounded.
pub struct AtomicFile {
    path: PathBuf,
    tmp: BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    fn create(path: &Path) -> Result<AtomicFile> {
        let (dir, name) = factcheck::diff::parent_and_name(path);
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".factcheck.tmp");
        // The report gets the usual permissions (0666 less the umask),
        // not the temporary file's 0600.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        install_interrupt_handler();
        let tmp = {
            // Held while the file is created and registered: a signal in
            // between waits for the registration, then removes the file.
            let mut pending = PENDING.lock().ok();
            let tmp = builder
                .tempfile_in(dir)
                .with_context(|| format!("cannot write a temporary file in {}", dir.display()))?;
            if let Some(pending) = pending.as_mut() {
                pending.push(tmp.path().to_path_buf());
            }
            tmp
        };
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp: BufWriter::new(tmp),
        })
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.tmp
            .write_all(bytes)
            .map_err(|e| named(e, self.tmp.get_ref().path()))
    }

    fn commit(self) -> Result<()> {
        let tmp = self
            .tmp
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot write the report")?;
        let tmp_path = tmp.path().to_path_buf();
        tmp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", tmp_path.display()))?;
        // On failure `persist` hands the file back; dropping it removes it.
        let result = tmp
            .persist(&self.path)
            .map(drop)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write {}", self.path.display()));
        forget_pending(&tmp_path);
        result
    }
}

/// Installs, once, the handler that removes the registered temporary
/// files (`PENDING`) on SIGINT or SIGTERM. Installed before a temporary
/// file exists, so that no signal finds one unregistered.
fn install_interrupt_handler() {
    static HANDLER: Once = Once::new();
    HANDLER.call_once(|| {
        // Without a handler (the call fails when another is set) the
        // signal's default applies and the file stays behind: not worth
        // failing the run for.
        let _ = ctrlc::set_handler(|| {
            if let Ok(pending) = PENDING.lock() {
                for path in pending.iter() {
                    let _ = std::fs::remove_file(path);
                }
            }
            std::process::exit(EXIT_INTERRUPTED);
        });
    });
}

fn forget_pending(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| p != path);
    }
}
