//! From paths to results: which files to read (a gitignore-aware walk),
//! how to read them, and the per-file work (extract, check, suppressions,
//! `--diff-base`), run in parallel and handed back in path order. Nothing
//! here prints.

use std::io::Read;
use std::path::{Path, PathBuf};

use ignore::overrides::{Override, OverrideBuilder};
use ignore::{Match, WalkBuilder};

use crate::check::{self, Finding, Verdict};
use crate::claim::Value;
use crate::diff::{self, DiffBase};
use crate::document::{Document, Origin};
use crate::error::Error;
use crate::extract::{self, DecimalMark, Options};
use crate::lang::Lang;
use crate::refs::FactIndex;
use crate::suppress;
use crate::text::{LineCursor, Span};
use crate::when::PubDate;

/// Article extensions a directory walk picks up.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// An article to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Path(PathBuf),
    /// Standard input, under the name `--stdin-filename` gives it, if any:
    /// reports show that name, its extension says Markdown or plain text,
    /// and the configuration is the one of its directory.
    Stdin(Option<PathBuf>),
}

impl Input {
    /// The path the input is known by: a file's, or stdin's given name.
    pub fn name(&self) -> Option<&Path> {
        match self {
            Input::Path(path) | Input::Stdin(Some(path)) => Some(path),
            Input::Stdin(None) => None,
        }
    }
}

/// What the run was asked for, the same for every file.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// `None`: the front matter's `lang:`, else detection.
    pub lang: Option<Lang>,
    /// Overrides the front matter's `date:`.
    pub date: Option<PubDate>,
    pub max_size: u64,
    /// Add to each explanation the words that tied the claim to its fact.
    pub explain: bool,
}

/// Renders a file's report entry ([`Job::render`]); `None` leaves it to
/// the reporter (an entry too large to hold whole).
pub type Render = dyn Fn(&FileResult) -> Option<Vec<u8>> + Sync;

/// Everything a run needs besides the list of inputs.
#[derive(Clone)]
pub struct Job<'a> {
    pub settings: Settings,
    /// References to judge against; `None` for `extract`.
    pub index: Option<&'a FactIndex>,
    /// The directory reported paths are relative to (the git top level,
    /// else the working directory), canonical. `None`: paths as given.
    pub root: Option<PathBuf>,
    /// Keep only claims on lines changed since this revision.
    pub diff_base: Option<DiffBase>,
    /// Renders a file's report entry in the worker that checked it, so
    /// the thread writing the report only copies it out
    /// ([`crate::report::prerender`]).
    pub render: Option<&'a Render>,
}

/// Everything known about one article after the run.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub doc: Document,
    /// The path relative to [`Job::root`], with `/` separators, for
    /// annotations and SARIF; the display path when it is outside the root.
    pub rel_path: String,
    pub lang: Lang,
    pub date: Option<PubDate>,
    /// One finding per claim, in text order; verdicts are `unverified`
    /// when no references were given (`extract`).
    pub findings: Vec<Finding>,
    /// Parallel to `findings`: silenced by a `factcheck-disable` comment.
    /// Suppressed findings are reported as such and counted apart; they
    /// never fail the run.
    pub suppressed: Vec<bool>,
    /// The report's entry for this file, when [`Job::render`] made it.
    pub rendered: Option<Vec<u8>>,
    /// The article's sentences, sorted (ClaimReview quotes a claim's).
    pub sentences: Vec<Span>,
}

impl FileResult {
    /// Relative dates that stayed unresolved for want of a publication date.
    pub fn unresolved(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| matches!(f.claim.value, Value::Date(None) | Value::Time(None)))
            .count()
    }

    /// The worst verdict among findings that are not suppressed.
    pub fn worst(&self) -> Option<Verdict> {
        self.entries()
            .filter(|(_, suppressed)| !suppressed)
            .map(|(f, _)| f.verdict)
            .max()
    }

    /// Each finding with whether it is suppressed.
    pub fn entries(&self) -> impl Iterator<Item = (&Finding, bool)> {
        self.findings
            .iter()
            .enumerate()
            .map(|(i, f)| (f, self.suppressed.get(i).copied().unwrap_or(false)))
    }
}

/// Whether a path is taken, from settings the walk does not know of (the
/// `include` and `exclude` of the `factcheck.toml` files above it):
/// `Some(true)` taken whatever its extension, `Some(false)` left out (a
/// directory: not walked), `None` no opinion. Given the path as the walk
/// found it and whether it is a directory.
pub type Filter = dyn Fn(&Path, bool) -> Option<bool> + Send + Sync;

/// How a directory walk chooses files.
#[derive(Clone, Default)]
pub struct WalkOptions {
    /// Gitignore-style globs matched against paths relative to each walked
    /// directory; `!glob` excludes. With any including glob, only matching
    /// files are taken (whatever their extension); later globs win.
    pub globs: Vec<String>,
    /// Consulted for what the globs leave undecided.
    pub filter: Option<std::sync::Arc<Filter>>,
    /// Files named on the command line go through the globs' excludes and
    /// the filter too (`--force-exclude`: pre-commit names every file).
    pub force_exclude: bool,
    /// Walk hidden files and directories too (`--hidden`).
    pub hidden: bool,
    /// Do not read `.gitignore`, `.ignore` and `.git/info/exclude`
    /// (`--no-ignore`).
    pub no_ignore: bool,
    /// The name `-` is read under (`--stdin-filename`).
    pub stdin_name: Option<PathBuf>,
}

impl std::fmt::Debug for WalkOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WalkOptions")
            .field("globs", &self.globs)
            .field("filter", &self.filter.is_some())
            .field("force_exclude", &self.force_exclude)
            .field("hidden", &self.hidden)
            .field("no_ignore", &self.no_ignore)
            .field("stdin_name", &self.stdin_name)
            .finish()
    }
}

/// The expanded command line: inputs in report order, and the entries the
/// walk could not read.
#[derive(Debug, Default)]
pub struct Discovered {
    pub inputs: Vec<Input>,
    pub errors: Vec<Error>,
    /// Files named on the command line that `--force-exclude` left out.
    pub excluded: usize,
}

/// Expands the command line's paths: files as given (filtered only with
/// [`WalkOptions::force_exclude`]), directories walked for articles
/// honouring `.gitignore` and `.ignore` (inside a git repository or not)
/// and the globs, hidden entries skipped (unless the options say
/// otherwise), `-` for standard input. Each directory's files come sorted by path;
/// arguments keep their order; a file named twice is read once. A path
/// that does not exist or cannot be read goes to [`Discovered::errors`].
pub fn discover(paths: &[PathBuf], options: &WalkOptions) -> Result<Discovered, Error> {
    let mut found = Discovered::default();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = options.stdin_name.clone();
            if name.as_deref().is_some_and(|n| excluded(n, options)) {
                found.excluded += 1;
            } else {
                found.inputs.push(Input::Stdin(name));
            }
            continue;
        }
        // A path that cannot be read is reported and counted like an
        // unreadable file; the other paths are still checked.
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(source) => {
                found.errors.push(Error::Io {
                    path: path.display().to_string(),
                    source,
                });
                continue;
            }
        };
        let files = if meta.is_dir() {
            walk(path, options, &mut found.errors)?
        } else if excluded(path, options) {
            found.excluded += 1;
            Vec::new()
        } else {
            vec![path.clone()]
        };
        for file in files {
            if seen.insert(file.clone()) {
                found.inputs.push(Input::Path(file));
            }
        }
    }
    Ok(found)
}

/// Whether `--force-exclude` leaves out a file named on the command line:
/// it goes through the globs (relative to the working directory) and the
/// filter as a walk would take it.
fn excluded(path: &Path, options: &WalkOptions) -> bool {
    if !options.force_exclude {
        return false;
    }
    // Globs that fail to build are reported by the walk; here they exclude nothing.
    let globs = overrides(Path::new("."), &options.globs).map(|g| match g.matched(path, false) {
        Match::Ignore(_) => Some(true),
        Match::Whitelist(_) => Some(false),
        Match::None => None,
    });
    if let Ok(Some(excluded)) = globs {
        return excluded;
    }
    // A directory above the file that the filter leaves out excludes it
    // too, as it would in a walk.
    options.filter.as_deref().is_some_and(|filter| {
        filter(path, false) == Some(false)
            || path
                .ancestors()
                .skip(1)
                .filter(|dir| !dir.as_os_str().is_empty())
                .any(|dir| filter(dir, true) == Some(false))
    })
}

fn overrides(root: &Path, globs: &[String]) -> Result<Override, Error> {
    let mut builder = OverrideBuilder::new(root);
    for glob in globs {
        builder.add(glob).map_err(|e| Error::Glob {
            glob: glob.clone(),
            detail: e.to_string(),
        })?;
    }
    builder.build().map_err(|e| Error::Glob {
        glob: globs.join(" "),
        detail: e.to_string(),
    })
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

fn walk(dir: &Path, options: &WalkOptions, errors: &mut Vec<Error>) -> Result<Vec<PathBuf>, Error> {
    let globs = overrides(dir, &options.globs)?;
    let mut walker = WalkBuilder::new(dir);
    let read_ignores = !options.no_ignore;
    walker
        .hidden(!options.hidden)
        .git_ignore(read_ignores)
        .git_global(read_ignores)
        .git_exclude(read_ignores)
        .ignore(read_ignores)
        .parents(read_ignores)
        .require_git(false)
        .overrides(globs.clone());
    let filter = options.filter.clone();
    let hidden = options.hidden;
    let entry_globs = globs.clone();
    walker.filter_entry(move |entry| {
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if entry.depth() == 0 {
            return true;
        }
        // `--hidden` walks hidden entries, never git's own directory.
        if hidden && is_dir && entry.file_name() == ".git" {
            return false;
        }
        // The command line's globs decide first; the filter only where
        // they are silent.
        matches!(
            entry_globs.matched(entry.path(), is_dir),
            Match::Whitelist(_)
        ) || filter
            .as_deref()
            .is_none_or(|filter| filter(entry.path(), is_dir) != Some(false))
    });
    let mut files = Vec::new();
    for entry in walker.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                errors.push(Error::Input {
                    path: dir.display().to_string(),
                    detail: err.to_string(),
                });
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.into_path();
        // The walk already dropped what the globs exclude; a file an
        // including glob names explicitly is taken whatever its extension.
        let wanted = match globs.matched(&path, false) {
            Match::Whitelist(_) => true,
            Match::Ignore(_) => false,
            Match::None => match options.filter.as_deref().and_then(|f| f(&path, false)) {
                Some(taken) => taken,
                None => is_article(&path),
            },
        };
        if wanted {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads and parses one article, refusing files over `max_size` bytes.
pub fn read(input: &Input, max_size: u64) -> Result<Document, Error> {
    let (origin, bytes) = match input {
        Input::Stdin(name) => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(max_size.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Io {
                    path: "<stdin>".to_string(),
                    source,
                })?;
            // A name makes the text that file: its extension picks
            // Markdown or plain text, and reports show it.
            let origin = name.clone().map_or(Origin::Stdin, Origin::File);
            (origin, bytes)
        }
        Input::Path(path) => {
            let display = path.display().to_string();
            let file = std::fs::File::open(path).map_err(|source| Error::Io {
                path: display.clone(),
                source,
            })?;
            // Refuse a large file before reading any of it; `take` below
            // still bounds what is read when the size lies (a file that
            // grows, a device, a pipe).
            let size = file.metadata().map(|m| m.len()).unwrap_or(0);
            if size > max_size {
                return Err(Error::TooLarge {
                    path: display,
                    size,
                    limit: max_size,
                });
            }
            // Room for the whole file, so it is read in one call; sizes
            // saturate (`--max-size 18446744073709551615` is "no limit"),
            // and a file too large for memory is an error, not an abort.
            let room = usize::try_from(size.min(max_size).saturating_add(1)).unwrap_or(usize::MAX);
            let mut bytes = Vec::new();
            bytes.try_reserve_exact(room).map_err(|_| Error::Input {
                path: display.clone(),
                detail: format!("{size} bytes do not fit in memory"),
            })?;
            file.take(max_size.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Io {
                    path: display,
                    source,
                })?;
            (Origin::File(path.clone()), bytes)
        }
    };
    if bytes.len() as u64 > max_size {
        return Err(Error::TooLarge {
            path: origin.display(),
            size: bytes.len() as u64,
            limit: max_size,
        });
    }
    Document::from_bytes(origin, bytes)
}

/// Extracts the claims of `doc` and, with references, judges them.
/// Every finding starts unsuppressed and `rel_path` is the display path.
pub fn analyze(doc: Document, settings: &Settings, index: Option<&FactIndex>) -> FileResult {
    analyze_in_windows(doc, settings, index, extract::WINDOW_BYTES)
}

/// [`analyze`] reading a long document in windows of at least `window`
/// bytes (tests make them small, to cross many window edges).
fn analyze_in_windows(
    mut doc: Document,
    settings: &Settings,
    index: Option<&FactIndex>,
    window: usize,
) -> FileResult {
    let given = settings
        .lang
        .or_else(|| doc.front.lang.as_deref().and_then(Lang::parse));
    let (lang, decimal) = match given {
        Some(lang) => (lang, DecimalMark::of(lang.data())),
        None => {
            let guess = Lang::guess(&doc.scan);
            if guess.sure {
                (guess.lang, DecimalMark::of(guess.lang.data()))
            } else {
                // Only worth saying when there is something to read.
                if doc.scan.chars().any(char::is_alphanumeric) {
                    doc.warnings.push(format!(
                        "{}: language unsure (read as {}): pass --lang or add `lang:` to the front matter; meanwhile 1,234 and 1.234 both read as thousands",
                        doc.path(),
                        guess.lang
                    ));
                }
                (guess.lang, DecimalMark::Unsure)
            }
        }
    };
    let published = settings.date.or(doc.front.date);
    let date = published.map(|p| p.day);
    let options = Options {
        lang,
        date,
        // `--date` overrides the front matter's day, time and offset at once.
        offset_seconds: settings
            .date
            .map_or(doc.front.offset_seconds, |p| p.offset_seconds),
        clock: settings.date.map_or(doc.front.clock, |p| p.clock),
        month_only: published.is_some_and(|p| p.month_only),
    };
    let (mut extraction, windows) = extract::extract_in_windows(&doc, options, decimal, window);
    let index = index.filter(|i| !i.is_empty());
    // Nothing reads the scan text once the claims are judged (reports
    // quote the text): it goes as soon as it can, before the findings
    // are made when the article is read whole.
    let scan = std::mem::take(&mut doc.scan);
    let (mut findings, sentences) = if !windows.is_empty() {
        let cuts = extract::window_cuts(&scan, window);
        let scan = Scan::new(&doc.text, scan);
        let findings = judge_in_windows(&scan, &extraction, windows, &cuts, index, lang, date);
        drop(scan);
        (findings, extraction.sentences)
    } else {
        drop(scan);
        if index.is_none() {
            // Without facts nothing reads the tokens: they go before the
            // findings are made.
            extraction.tokens = Vec::new();
            extraction.token_sentence = Vec::new();
        }
        let empty = FactIndex::default();
        check::check_owned(extraction, index.unwrap_or(&empty), lang, date)
    };
    if settings.explain {
        check::quote_why(&mut findings, &doc.text);
    }
    let suppressed = vec![false; findings.len()];
    FileResult {
        rel_path: doc.path(),
        doc,
        lang,
        date: published,
        findings,
        suppressed,
        rendered: None,
        sentences,
    }
}

/// Tokens a window keeps past its end, and past the title, so that a
/// reference term running over the paragraph break matches as it does in
/// the whole text.
const OVERLAP_TOKENS: usize = 64;

/// Judges the claims of a document [`extract::extract_in_windows`] read in
/// windows (`windows`: each window's claims) against `index`, in the same
/// windows of whole paragraphs (between `cuts`). That gives the same findings as the whole
/// (a claim's fact is chosen from its sentence, its paragraph and the
/// title: [`check::check`]) while holding only one window's tokens and the
/// checker's working state for it, and each window's claims only until its
/// findings are made: its tokens are made again from the scan text, with
/// the title's before them. Without an index the findings are made a
/// window at a time too.
fn judge_in_windows(
    scan: &Scan,
    extraction: &extract::Extraction,
    windows: Vec<Vec<crate::claim::Claim>>,
    cuts: &[usize],
    index: Option<&FactIndex>,
    lang: Lang,
    date: Option<jiff::civil::Date>,
) -> Vec<Finding> {
    let mut findings = Vec::with_capacity(windows.iter().map(Vec::len).sum());
    let title = extraction.title;
    let lede = extraction.lede;
    for (w, claims) in cuts.windows(2).zip(windows) {
        let Some(index) = index else {
            let window = extract::Extraction {
                claims,
                sentences: Vec::new(),
                tokens: Vec::new(),
                token_sentence: Vec::new(),
                title,
                lede,
            };
            findings.extend(check::check_owned(window, &FactIndex::default(), lang, date).0);
            continue;
        };
        let (start, end) = (w[0], w[1]);
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        // The title and the lede before the window, read again with it.
        let head = [title, lede]
            .into_iter()
            .flatten()
            .filter(|t| start > 0 && t.end <= start)
            .map(|t| t.end)
            .max();
        if let Some(head) = head {
            let mut prefix = scan.tokens(0..head, lang);
            prefix.extend(first_tokens(scan, head..start, OVERLAP_TOKENS, lang));
            sentences.extend_from_slice(sentences_of(&extraction.sentences, &prefix));
            tokens = prefix;
        }
        let mut body = scan.tokens(start..end, lang);
        body.extend(first_tokens(scan, end..scan.len(), OVERLAP_TOKENS, lang));
        sentences.extend_from_slice(sentences_of(&extraction.sentences, &body));
        // The prefix (a few tokens) goes before the body in the body's
        // room: the window's tokens are not copied into a second list.
        body.splice(0..0, tokens);
        let tokens = body;
        let window = extract::Extraction {
            claims,
            token_sentence: sentence_of_tokens(&tokens, &sentences),
            sentences,
            tokens,
            title,
            lede,
        };
        findings.extend(check::check_owned(window, index, lang, date).0);
    }
    findings
}

/// The scan text ([`Document::scan`]) of a document read in windows, held
/// as what it changes in the text: the scan is the text with its front
/// matter, markup, code and links blanked, byte for byte as long, and the
/// windows' tokens are made again from it while the findings are made.
/// Whole, it was a second copy of the article (8 MB of an 8 MB one) at
/// the moment the findings' list is reserved, the peak of a figure-dense
/// article; as its changes it is the size of what it blanks.
struct Scan<'a> {
    /// The text, or the scan itself when the two differ in length (a
    /// document never makes such a scan).
    base: std::borrow::Cow<'a, str>,
    /// Each run of bytes where the scan differs from `base`: where it
    /// starts, and the scan's bytes; in order.
    changes: Vec<(usize, Box<[u8]>)>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, scan: String) -> Scan<'a> {
        if text.len() != scan.len() {
            return Scan {
                base: scan.into(),
                changes: Vec::new(),
            };
        }
        let (t, s) = (text.as_bytes(), scan.as_bytes());
        let mut changes = Vec::new();
        let mut i = 0;
        while i < t.len() {
            // Most of a text is as the scan has it: 64 bytes at a time.
            if t.len() - i >= 64 && t[i..i + 64] == s[i..i + 64] {
                i += 64;
                continue;
            }
            if t[i] == s[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i < t.len() && t[i] != s[i] {
                i += 1;
            }
            changes.push((start, s[start..i].into()));
        }
        Scan {
            base: text.into(),
            changes,
        }
    }

    fn len(&self) -> usize {
        self.base.len()
    }

    /// The scan's bytes in `range` (within its length).
    fn bytes(&self, range: std::ops::Range<usize>) -> std::borrow::Cow<'_, [u8]> {
        let base = &self.base.as_bytes()[range.clone()];
        let first = self
            .changes
            .partition_point(|(at, bytes)| at + bytes.len() <= range.start);
        let mut changes = self.changes[first..]
            .iter()
            .take_while(|(at, _)| *at < range.end)
            .peekable();
        if changes.peek().is_none() {
            return base.into();
        }
        let mut bytes = base.to_vec();
        for (at, changed) in changes {
            for (k, b) in changed.iter().enumerate() {
                if let Some(i) = (at + k).checked_sub(range.start)
                    && let Some(slot) = bytes.get_mut(i)
                {
                    *slot = *b;
                }
            }
        }
        bytes.into()
    }

    /// [`extract::tokens_in`] of the scan.
    fn tokens(&self, range: std::ops::Range<usize>, lang: Lang) -> Vec<crate::text::token::Token> {
        if range.start > range.end || range.end > self.len() {
            return Vec::new();
        }
        match self.bytes(range.clone()) {
            std::borrow::Cow::Borrowed(_) => extract::tokens_in(&self.base, range, lang),
            std::borrow::Cow::Owned(bytes) => {
                // Not cut inside a character: the scan's slice is text.
                let Ok(slice) = String::from_utf8(bytes) else {
                    return Vec::new();
                };
                let mut tokens = extract::tokens_in(&slice, 0..slice.len(), lang);
                for t in &mut tokens {
                    t.span = Span::new(t.span.start + range.start, t.span.end + range.start);
                }
                tokens
            }
        }
    }
}

/// The first `count` tokens of `scan[range]` (`range` starting at the end
/// of a token), tokenizing no more of it than they need: a slice is cut at
/// an ASCII space, which no token crosses.
fn first_tokens(
    scan: &Scan,
    range: std::ops::Range<usize>,
    count: usize,
    lang: Lang,
) -> Vec<crate::text::token::Token> {
    let mut len = 1024;
    loop {
        let mut end = range.end.min(range.start.saturating_add(len));
        if end < range.end {
            match scan
                .bytes(range.start..end)
                .iter()
                .rposition(|b| b.is_ascii_whitespace())
            {
                Some(i) => end = range.start + i,
                None => {
                    len = len.saturating_mul(4);
                    continue;
                }
            }
        }
        let mut tokens = scan.tokens(range.start..end, lang);
        if tokens.len() >= count || end == range.end {
            tokens.truncate(count);
            return tokens;
        }
        len = len.saturating_mul(4);
    }
}

/// The sentences (of `sentences`, sorted and disjoint) `tokens` stand in.
fn sentences_of<'a>(sentences: &'a [Span], tokens: &[crate::text::token::Token]) -> &'a [Span] {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return &[];
    };
    let from = sentences.partition_point(|s| s.end <= first.span.start);
    let to = sentences.partition_point(|s| s.start < last.span.end);
    &sentences[from..to.max(from)]
}

/// For each token, the index of the sentence (of `sentences`, sorted)
/// holding it.
fn sentence_of_tokens(tokens: &[crate::text::token::Token], sentences: &[Span]) -> Vec<usize> {
    let mut s = 0;
    tokens
        .iter()
        .map(|t| {
            while s + 1 < sentences.len() && sentences[s].end < t.span.end {
                s += 1;
            }
            s
        })
        .collect()
}

/// The whole per-file step: read, analyze, then apply the article's
/// suppression comments and the `--diff-base` filter.
pub fn process(input: &Input, job: &Job) -> Result<FileResult, Error> {
    let doc = read(input, job.settings.max_size)?;
    let mut result = analyze(doc, &job.settings, job.index);
    if let (Some(root), Some(path)) = (&job.root, input.name()) {
        result.rel_path = relative_path(root, path);
    }
    apply_suppressions(&mut result, job.index);
    if let (Some(base), Input::Path(path)) = (&job.diff_base, input) {
        let changed = diff::changed_lines(base, path)?;
        let doc = &result.doc;
        let keep: Vec<bool> = result
            .findings
            .iter()
            .map(|f| {
                let first = doc.lines.position(&doc.text, f.claim.span.start).line;
                let last = doc.lines.position(&doc.text, f.claim.span.end).line;
                changed.any_in(first, last)
            })
            .collect();
        let mut i = 0;
        result.findings.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        let mut i = 0;
        result.suppressed.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }
    if let Some(render) = job.render {
        result.rendered = render(&result);
    }
    Ok(result)
}

/// Marks the findings the article's `factcheck-disable` comments cover
/// and adds the comments' warnings to the document's.
pub(crate) fn apply_suppressions(result: &mut FileResult, index: Option<&FactIndex>) {
    let rules = suppress::parse(&result.doc);
    // A directive naming a fact no loaded file defines suppresses nothing:
    // most likely a typo or a renamed fact.
    if let Some(index) = index.filter(|i| !i.is_empty()) {
        for (line, id) in rules.named_facts() {
            if !index.facts.iter().any(|f| f.id == id) {
                result.doc.warnings.push(format!(
                    "{}:{line}: suppression names fact `{id}`, which no loaded reference file defines; check the id with `factcheck refs list`",
                    result.doc.path()
                ));
            }
        }
    }
    let doc = &result.doc;
    let mut cursor = LineCursor::default();
    // Which directives silenced a problem.
    let mut used = vec![false; rules.len()];
    result.suppressed = result
        .findings
        .iter()
        .map(|f| {
            !rules.is_empty() && {
                let line = cursor
                    .position(&doc.lines, &doc.text, f.claim.span.start)
                    .line;
                let fact = f.fact().map(|(id, _)| id.as_str());
                let mut covered = false;
                for i in rules.covering(line, fact) {
                    covered = true;
                    used[i] |= f.verdict.is_problem();
                }
                covered
            }
        })
        .collect();
    // Without references (extract) nothing is a problem: nothing to say.
    if index.is_some_and(|i| !i.is_empty()) {
        let unused = rules.unused(&result.doc.path(), &used);
        result.doc.warnings.extend(unused);
    }
    result.doc.warnings.extend(rules.warnings);
}

/// `path` relative to the canonical `root`, with `/` separators; the path
/// as given when it is not under the root.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let absolute = canonical(path).unwrap_or_else(|| path.to_path_buf());
    match absolute.strip_prefix(root) {
        Ok(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => path.display().to_string(),
    }
}

/// `path.canonicalize()`, with the canonical form of the last directory
/// kept per thread: the files of one directory cost one `lstat` each
/// instead of a walk up every component.
fn canonical(path: &Path) -> Option<PathBuf> {
    thread_local! {
        static LAST_DIR: std::cell::RefCell<Option<(PathBuf, PathBuf)>> =
            const { std::cell::RefCell::new(None) };
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return path.canonicalize().ok();
    };
    // A symbolic link resolves to wherever it points.
    let link = std::fs::symlink_metadata(path)
        .ok()?
        .file_type()
        .is_symlink();
    if link || dir.as_os_str().is_empty() {
        return path.canonicalize().ok();
    }
    LAST_DIR.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((given, canonical)) = last.as_ref()
            && given == dir
        {
            return Some(canonical.join(name));
        }
        let canonical = dir.canonicalize().ok()?;
        *last = Some((dir.to_path_buf(), canonical.clone()));
        Some(canonical.join(name))
    })
}

/// How many files may be in flight at once (read, checked, or done and
/// waiting for an earlier one to be reported): memory holds at most this
/// many documents.
pub(crate) fn chunk_size() -> usize {
    (threads() * 8).max(16)
}

/// How many worker threads a run uses: `FACTCHECK_THREADS` when set to a
/// positive number (the benchmarks pin runs to one with it), else the CPUs
/// this process may run on.
pub fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        std::env::var("FACTCHECK_THREADS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .filter(|&n: &usize| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    })
}

/// Processes `inputs` on [`threads`] workers and hands
/// each outcome to `sink` in input order, so reports come out sorted. The
/// calling thread reports while the workers go on with the next files;
/// a worker does not start a file more than [`chunk_size`] ahead of the
/// last one reported, which bounds memory. Stops at the first error `sink`
/// returns.
pub fn run<E>(
    inputs: &[Input],
    job: &Job,
    sink: impl FnMut(&Input, Result<FileResult, Error>) -> Result<(), E>,
) -> Result<(), E> {
    run_jobs(inputs, std::slice::from_ref(job), &|_| 0, sink)
}

/// [`run`] with a job per input: input `i` is processed with
/// `jobs[which(i)]` (each article with the settings and references of its
/// own `factcheck.toml`).
pub fn run_jobs<E>(
    inputs: &[Input],
    jobs: &[Job],
    which: &(dyn Fn(usize) -> usize + Sync),
    mut sink: impl FnMut(&Input, Result<FileResult, Error>) -> Result<(), E>,
) -> Result<(), E> {
    let job = |i: usize| &jobs[which(i).min(jobs.len().saturating_sub(1))];
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, mpsc};

    let window = chunk_size();
    let workers = threads().clamp(1, inputs.len().max(1));
    if workers == 1 {
        // One thread (one CPU, or `FACTCHECK_THREADS=1`): each file in turn
        // on this thread, without handing results over to it.
        for (i, input) in inputs.iter().enumerate() {
            sink(input, process(input, job(i)))?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The number of outcomes reported so far, for the window.
    let reported = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, Result<FileResult, Error>)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop, reported, job) = (&next, &stop, &reported, &job);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= inputs.len() || stop.load(Ordering::Relaxed) {
                        break;
                    }
                    {
                        let (lock, ready) = reported;
                        let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *done + window && !stop.load(Ordering::Relaxed) {
                            done = ready.wait(done).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if tx.send((i, process(&inputs[i], job(i)))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut emitted = 0;
        let mut outcome = Ok(());
        for (i, result) in rx.iter() {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&emitted) {
                if let Err(e) = sink(&inputs[emitted], result) {
                    outcome = Err(e);
                    break;
                }
                emitted += 1;
                let (lock, ready) = &reported;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = emitted;
                ready.notify_all();
            }
            if outcome.is_err() {
                break;
            }
        }
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
            reported.1.notify_all();
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, text).unwrap();
    }

    fn names(found: &Discovered, root: &Path) -> Vec<String> {
        found
            .inputs
            .iter()
            .map(|i| match i {
                Input::Path(p) => relative_path(&root.canonicalize().unwrap(), p),
                Input::Stdin(_) => "-".to_string(),
            })
            .collect()
    }

    fn analyze_text(text: &str, lang: Option<Lang>) -> FileResult {
        let doc = Document::parse(Origin::Stdin, text.to_string(), false, Vec::new());
        let settings = Settings {
            lang,
            date: None,
            max_size: u64::MAX,
            explain: false,
        };
        analyze(doc, &settings, None)
    }

    fn values(result: &FileResult) -> Vec<f64> {
        result
            .findings
            .iter()
            .filter_map(|f| match &f.claim.value {
                Value::Quantity(q) => q.value,
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_unsure_language_warns_once_and_reads_thousands_either_way() {
        let result = analyze_text("Airlines cancelled 31.457 flights.", None);
        assert_eq!(result.lang, Lang::En);
        assert_eq!(values(&result), [31_457.0]);
        assert_eq!(result.doc.warnings.len(), 1, "{:?}", result.doc.warnings);
        assert!(result.doc.warnings[0].contains("--lang"));
        // Named, the language reads its own way and says nothing.
        let named = analyze_text("Airlines cancelled 31.457 flights.", Some(Lang::En));
        assert_eq!(values(&named), [31.457]);
        assert!(named.doc.warnings.is_empty());
    }

    /// Judged a few paragraphs at a time, every finding is the one the
    /// whole text gives: facts anchored by the title, by a paragraph or
    /// named over a paragraph break.
    #[test]
    fn windows_judge_as_the_whole_text() {
        let index = crate::refs::load_paths(&[PathBuf::from("claims")]).unwrap();
        let mut text = String::from("# Truppe nordcoreane a Kursk\n\n");
        for (i, body) in std::fs::read_to_string("examples/kursk-it.md")
            .unwrap()
            .split("\n\n")
            .filter(|p| !p.starts_with("---") && !p.starts_with('#'))
            .cycle()
            .take(60)
            .enumerate()
        {
            text.push_str(body);
            text.push_str(if i % 7 == 3 {
                "\n\nsoldati\n\n"
            } else {
                "\n\n"
            });
        }
        let doc = Document::parse(Origin::Stdin, text, true, Vec::new());
        let options = Options {
            lang: Lang::It,
            date: jiff::civil::Date::new(2025, 8, 15).ok(),
            offset_seconds: None,
            clock: None,
            month_only: false,
        };
        let extraction = extract::extract(&doc, options);
        let whole = check::check(&extraction, &index, Lang::It, options.date);
        assert!(
            whole.iter().any(|f| f.fact().is_some()),
            "no claim tied to a fact"
        );
        let decimal = DecimalMark::of(Lang::It.data());
        let unloaded = check::check(&extraction, &FactIndex::default(), Lang::It, options.date);
        for window in [1, 300, 2000, 10_000] {
            let cuts = extract::window_cuts(&doc.scan, window);
            assert!(cuts.len() > 2, "one window of {window} bytes");
            let (windowed, claims) = extract::extract_in_windows(&doc, options, decimal, window);
            assert!(windowed.tokens.is_empty() && windowed.claims.is_empty());
            assert_eq!(claims.len(), cuts.len() - 1);
            assert_eq!(claims.concat(), extraction.claims, "{window} bytes");
            assert_eq!(windowed.sentences, extraction.sentences, "{window} bytes");
            let scan = Scan::new(&doc.text, doc.scan.clone());
            let judge = |index| {
                judge_in_windows(
                    &scan,
                    &windowed,
                    claims.clone(),
                    &cuts,
                    index,
                    Lang::It,
                    options.date,
                )
            };
            assert_eq!(judge(Some(&index)), whole, "windows of {window} bytes");
            assert_eq!(judge(None), unloaded, "windows of {window} bytes, no facts");
        }
    }

    /// The scan held as its changes to the text gives the scan's bytes
    /// and tokens for any range: across blanked front matter, code, links
    /// and Markdown marks, a range starting or ending inside one, and an
    /// accented word blanked in a link.
    #[test]
    fn the_scan_as_changes_reads_as_the_scan() {
        let text = "---\ndate: 2025-08-15\nlang: it\n---\n# Titolo: 600 soldati\n\n\
            Il **governo** ha speso 3,5 miliardi (vedi [città](https://é.example/3-miliardi)).\n\n\
            `codice 42` e poi 7 giorni.\n\n```\n9000\n```\n\nFine: 12 per cento.\n";
        let doc = Document::parse(Origin::Stdin, text.to_string(), true, Vec::new());
        assert_ne!(doc.scan, doc.text, "nothing blanked");
        let scan = Scan::new(&doc.text, doc.scan.clone());
        assert!(!scan.changes.is_empty());
        let len = doc.scan.len();
        for a in 0..=len {
            for b in a..=len {
                assert_eq!(&*scan.bytes(a..b), &doc.scan.as_bytes()[a..b], "{a}..{b}");
                let spaced = |i: usize| i == 0 || i == len || doc.scan.as_bytes()[i - 1] == b' ';
                if spaced(a) && spaced(b) {
                    assert_eq!(
                        scan.tokens(a..b, Lang::It),
                        extract::tokens_in(&doc.scan, a..b, Lang::It),
                        "{a}..{b}"
                    );
                }
            }
        }
        // A scan of another length (no document makes one) is kept whole.
        let other = Scan::new("abc", "ab".to_string());
        assert_eq!(&*other.bytes(0..2), b"ab");
    }

    /// The articles of every corpus (examples, eval/, the shared eval set),
    /// read with windows cut at every paragraph break they may be cut at,
    /// give the findings and sentences they give read whole, judged
    /// against their topic's reference file (else claims/) and without
    /// one; and a concatenation of them, long enough for several windows
    /// of the size a run uses, gives the findings of its articles.
    #[test]
    fn every_corpus_article_reads_the_same_in_windows() {
        let mut files = Vec::new();
        let mut dirs: Vec<PathBuf> = ["examples", "eval", "../shared/eval/dev"]
            .iter()
            .map(PathBuf::from)
            .collect();
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for path in entries.flatten().map(|e| e.path()) {
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "md") {
                    files.push(path);
                }
            }
        }
        files.sort();
        assert!(files.len() > 100, "only {} articles", files.len());
        let settings = Settings {
            lang: None,
            date: None,
            max_size: 1 << 24,
            explain: true,
        };
        let mut indexes = std::collections::HashMap::new();
        let mut cut = 0;
        for file in &files {
            let refs = [file.parent(), file.parent().and_then(Path::parent)]
                .into_iter()
                .flatten()
                .map(|d| d.join("refs.yaml"))
                .find(|r| r.is_file())
                .unwrap_or_else(|| PathBuf::from("claims"));
            let index = indexes
                .entry(refs.clone())
                .or_insert_with(|| crate::refs::load_paths(&[refs]).unwrap());
            let doc = read(&Input::Path(file.clone()), settings.max_size).unwrap();
            cut += usize::from(extract::window_cuts(&doc.scan, 1).len() > 2);
            for index in [Some(&*index), None] {
                let whole = analyze_in_windows(doc.clone(), &settings, index, usize::MAX);
                let windowed = analyze_in_windows(doc.clone(), &settings, index, 1);
                assert_eq!(windowed.findings, whole.findings, "{}", file.display());
                assert_eq!(windowed.sentences, whole.sentences, "{}", file.display());
            }
        }
        assert!(cut > 100, "only {cut} articles cut in windows");
        // Their bodies one after another, eight times over: windows of
        // the run's size, cut in the middle of articles.
        let mut text = String::new();
        for file in files.iter().cycle().take(files.len() * 8) {
            let article = std::fs::read_to_string(file).unwrap();
            let body = match article.strip_prefix("---\n") {
                Some(rest) => rest.split_once("\n---\n").map_or(rest, |(_, b)| b),
                None => &article,
            };
            text.push_str(body);
            text.push_str("\n\n");
        }
        let doc = Document::parse(Origin::Stdin, text, true, Vec::new());
        let cuts = extract::window_cuts(&doc.scan, extract::WINDOW_BYTES);
        assert!(cuts.len() > 4, "{} windows", cuts.len() - 1);
        let index = crate::refs::load_paths(&[PathBuf::from("claims")]).unwrap();
        for index in [Some(&index), None] {
            let whole = analyze_in_windows(doc.clone(), &settings, index, usize::MAX);
            let windowed = analyze(doc.clone(), &settings, index);
            assert!(whole.findings.len() > 10_000);
            assert_eq!(windowed.findings, whole.findings);
            assert_eq!(windowed.sentences, whole.sentences);
        }
    }

    #[test]
    fn a_one_sentence_english_text_is_english() {
        let result = analyze_text("In Germany alone, 31,457 people died.", None);
        assert_eq!(result.lang, Lang::En);
        assert_eq!(values(&result), [31_457.0]);
    }

    #[test]
    fn walk_honours_gitignore_outside_a_repository_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, ".gitignore", "drafts/\n");
        write(root, ".ignore", "old.md\n");
        write(root, "b.md", "x");
        write(root, "a.txt", "x");
        write(root, "old.md", "x");
        write(root, "notes.rs", "x");
        write(root, "drafts/d.md", "x");
        write(root, ".hidden/h.md", "x");
        write(root, "sub/c.markdown", "x");
        let found = discover(&[root.to_path_buf()], &WalkOptions::default()).unwrap();
        assert_eq!(names(&found, root), ["a.txt", "b.md", "sub/c.markdown"]);
    }

    #[test]
    fn hidden_walks_hidden_entries_but_not_git_and_no_ignore_reads_ignored_ones() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, ".gitignore", "drafts/\n");
        write(root, "a.md", "x");
        write(root, "drafts/d.md", "x");
        write(root, ".hidden/h.md", "x");
        write(root, ".git/notes.md", "x");
        let walk =
            |options: WalkOptions| names(&discover(&[root.to_path_buf()], &options).unwrap(), root);
        let hidden = WalkOptions {
            hidden: true,
            ..WalkOptions::default()
        };
        assert_eq!(walk(hidden), [".hidden/h.md", "a.md"]);
        let no_ignore = WalkOptions {
            no_ignore: true,
            ..WalkOptions::default()
        };
        assert_eq!(walk(no_ignore), ["a.md", "drafts/d.md"]);
    }

    #[test]
    fn globs_include_and_exclude() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "a.md", "x");
        write(root, "sub/b.md", "x");
        write(root, "sub/c.mdx", "x");
        let only_sub = WalkOptions {
            globs: vec!["sub/**".to_string(), "!*.mdx".to_string()],
            ..WalkOptions::default()
        };
        let found = discover(&[root.to_path_buf()], &only_sub).unwrap();
        assert_eq!(names(&found, root), ["sub/b.md"]);
        let mdx = WalkOptions {
            globs: vec!["*.mdx".to_string()],
            ..WalkOptions::default()
        };
        let found = discover(&[root.to_path_buf()], &mdx).unwrap();
        assert_eq!(names(&found, root), ["sub/c.mdx"]);
    }

    #[test]
    fn a_bad_glob_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let bad = WalkOptions {
            globs: vec!["a[".to_string()],
            ..WalkOptions::default()
        };
        assert!(discover(&[dir.path().to_path_buf()], &bad).is_err());
    }
}
