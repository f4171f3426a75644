//! The binary: parses arguments, runs the library, picks the reporter and
//! maps every outcome to an exit code in one place.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::{CommandFactory, Parser};

use cli::output::Target;
use cli::{Cli, ColorArg, Command, FailOn, InputArgs, LangArg};
use factcheck::check::Verdict;
use factcheck::compare;
use factcheck::config::{self, Cascade, Config};
use factcheck::diff;
use factcheck::pipeline::{self, Discovered, Input, Job, Settings, WalkOptions};
use factcheck::refs::{self, FactIndex};
use factcheck::report::{self, Format, Mode, Style, Summary};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::Instant;

/// Exit codes: DESIGN.md's contract.
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// mimalloc: an archive run allocates and frees a document's tokens,
/// claims and report entry per file; the system allocator spent about a
/// tenth of the time there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How long mimalloc keeps freed memory before handing it back to the
/// system, in milliseconds. Its version 3 waits a second (`purge_delay`
/// 1,000; version 2 waited 10 ms, and large blocks ten times as long):
/// a long article frees its tokens and its claims and makes its findings
/// and its report within that second, and what it freed stayed resident
/// beside them. With 10 ms an 8 MB figure-dense article peaks at about
/// 59 MB instead of 80 (`extract`), 90 instead of 101 (`verify`); the
/// time does not change (docs/performance.md).
const PURGE_DELAY_MS: std::ffi::c_long = 10;

/// `mi_option_purge_delay`: its place in `mi_option_e` (mimalloc.h, the
/// same in versions 2 and 3; libmimalloc-sys names no constant for it).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

unsafe extern "C" {
    /// mimalloc's option setter, in the library linked for [`GLOBAL`].
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

fn main() -> ExitCode {
    // SAFETY: mimalloc's own function with a valid option and value,
    // called once on the main thread before any other thread starts (the
    // setter is not thread safe).
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped reading (`factcheck verify … | head`):
        // nothing more to say, as other command-line tools do.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = anstream::stderr();
            let _ = writeln!(
                stderr,
                "error: {}",
                report::escape_controls_but_newlines(&error_text(&err))
            );
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Whether `err` comes from writing to a closed pipe, directly or
/// through a JSON serializer (which keeps the I/O error's kind only).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(BrokenPipe)
    })
}

/// An error and its causes, `: `-separated, each cause once: an I/O
/// error whose message already ends with its source's is not repeated.
fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let cause = cause.to_string();
        if text.ends_with(&cause) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&cause);
    }
    text
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Verify(args) => {
            let configs = load_configs(&args.input)?;
            let config = configs.run.as_ref();
            let found = discover(&args.input, &configs)?;
            let scopes = Scopes::of(&found, &args.input, Some(&args.refs), &configs)?;
            let target = Target::of(args.input.output.as_deref());
            let refs: Vec<&PathBuf> = scopes.keys.iter().flat_map(|k| &k.refs).collect();
            let ref_files: Vec<PathBuf> = refs
                .iter()
                .flat_map(|r| refs::reference_files(std::slice::from_ref(*r)).0)
                .collect();
            let config_files = configs.cascade.files();
            target.refuse_inputs(
                input_paths(&found)
                    .chain(config_files.iter().map(PathBuf::as_path))
                    .chain(refs.iter().map(|p| p.as_path()))
                    .chain(ref_files.iter().map(PathBuf::as_path)),
            )?;
            // Each set of reference paths loaded once, however many
            // scopes (languages) share it.
            let mut loaded: Vec<(&[PathBuf], FactIndex)> = Vec::new();
            for key in &scopes.keys {
                if !loaded.iter().any(|(refs, _)| *refs == key.refs.as_slice()) {
                    loaded.push((&key.refs, load_refs(&key.refs)?));
                }
            }
            let indexes: Vec<&FactIndex> = scopes
                .keys
                .iter()
                .filter_map(|key| {
                    loaded
                        .iter()
                        .find(|(refs, _)| *refs == key.refs.as_slice())
                        .map(|(_, index)| index)
                })
                .collect();
            let format = args
                .format
                .or(config.and_then(|c| c.format))
                .unwrap_or(Format::Table);
            let fail_on = args
                .fail_on
                .or(config.and_then(|c| c.fail_on))
                .unwrap_or(FailOn::At(Verdict::Contradicted));
            run_articles(
                &args.input,
                found,
                target,
                config,
                (&scopes, &indexes),
                format,
                Mode::Verify,
                fail_on,
                args.diff_base.as_deref(),
            )
        }
        Command::Extract(args) => {
            let configs = load_configs(&args.input)?;
            // `--format` takes only `Format::EXTRACT`.
            let format = args.format.unwrap_or(Format::Table);
            let found = discover(&args.input, &configs)?;
            let scopes = Scopes::of(&found, &args.input, None, &configs)?;
            let target = Target::of(args.input.output.as_deref());
            let config_files = configs.cascade.files();
            target.refuse_inputs(
                input_paths(&found).chain(config_files.iter().map(PathBuf::as_path)),
            )?;
            run_articles(
                &args.input,
                found,
                target,
                configs.run.as_ref(),
                (&scopes, &[]),
                format,
                Mode::Extract,
                FailOn::Never,
                None,
            )
        }
        Command::Refs(command) => cli::refs::run(command, load_refs),
        Command::Lsp => {
            factcheck::lsp::stdio().context("factcheck lsp")?;
            Ok(0)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            std::io::stdout().write_all(&page)?;
            Ok(0)
        }
        Command::Compare(args) => run_compare(args),
        Command::Completions { shell } => {
            // Into a buffer first: clap_complete panics on a write error,
            // and `completions zsh | head` closes the pipe early.
            let mut command = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "factcheck", &mut script);
            std::io::stdout().write_all(&script)?;
            Ok(0)
        }
    }
}

/// The configuration of a run: where each article finds its own, and the
/// run-wide one (above the working directory, or `--config`).
struct Configs {
    cascade: Arc<Cascade>,
    run: Option<Config>,
}

/// The articles named or found by walking the command line's paths; the
/// walk leaves out what the `factcheck.toml` files above each path exclude.
fn discover(input: &InputArgs, configs: &Configs) -> Result<Discovered> {
    if input.stdin_filename.is_some() && !input.paths.iter().any(|p| p.as_os_str() == "-") {
        writeln!(
            anstream::stderr(),
            "warning: --stdin-filename names standard input, which is read only when `-` is among the paths"
        )?;
    }
    let cascade = configs.cascade.clone();
    let options = WalkOptions {
        globs: input.globs.clone(),
        filter: Some(Arc::new(move |path: &Path, is_dir: bool| {
            cascade.matched(path, is_dir)
        })),
        force_exclude: input.force_exclude,
        hidden: input.hidden,
        no_ignore: input.no_ignore,
        stdin_name: input.stdin_filename.clone(),
    };
    let found = pipeline::discover(&input.paths, &options)?;
    config_errors(&configs.cascade)?;
    Ok(found)
}

/// A `factcheck.toml` that cannot be used ends the run (exit 2).
fn config_errors(cascade: &Cascade) -> Result<()> {
    let errors = cascade.errors();
    if !errors.is_empty() {
        bail!("invalid configuration: {}", errors.join("\n"));
    }
    Ok(())
}

/// Every article file a run reads, so `--output` cannot name one of them.
fn input_paths(found: &Discovered) -> impl Iterator<Item = &Path> {
    found.inputs.iter().filter_map(|input| match input {
        Input::Path(path) => Some(path.as_path()),
        Input::Stdin(_) => None,
    })
}

/// `--config FILE` for every article, none with `--no-config`, else the
/// `factcheck.toml` files above each article; the run-wide settings are
/// those above the working directory.
fn load_configs(input: &InputArgs) -> Result<Configs> {
    let cwd = std::env::current_dir().context("no working directory")?;
    let cascade = if input.no_config {
        Cascade::none(&cwd)
    } else if let Some(path) = &input.config {
        let config = config::load(path).context("invalid configuration")?;
        Cascade::fixed(&cwd, config).context("invalid configuration")?
    } else {
        Cascade::found(&cwd)
    };
    let run = cascade.for_dir(&cwd);
    config_errors(&cascade)?;
    if input.verbose {
        let mut stderr = anstream::stderr();
        let used = run
            .as_ref()
            .map_or("none".to_string(), |c| c.path.display().to_string());
        writeln!(stderr, "config: {}", report::escape_controls(&used))?;
    }
    Ok(Configs {
        cascade: Arc::new(cascade),
        run,
    })
}

/// What differs from article to article: the reference paths and the
/// language, from the article's own `factcheck.toml` unless a flag says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ScopeKey {
    refs: Vec<PathBuf>,
    lang: Option<LangArg>,
}

/// The distinct scopes of a run and which one each input has.
struct Scopes {
    keys: Vec<ScopeKey>,
    which: Vec<usize>,
    /// The nearest `factcheck.toml` of each scope (for `--verbose`).
    configs: Vec<Option<PathBuf>>,
}

impl Scopes {
    /// `refs`: the `--refs` paths under `verify` (`None` for `extract`).
    fn of(
        found: &Discovered,
        input: &InputArgs,
        refs: Option<&[PathBuf]>,
        configs: &Configs,
    ) -> Result<Scopes> {
        let mut scopes = Scopes {
            keys: Vec::new(),
            which: Vec::with_capacity(found.inputs.len()),
            configs: Vec::new(),
        };
        // Each directory's scope, worked out once.
        let mut by_dir: std::collections::HashMap<&Path, usize> = std::collections::HashMap::new();
        for article in &found.inputs {
            let dir = article
                .name()
                .map_or(Path::new("."), |p| p.parent().unwrap_or(Path::new("")));
            if let Some(&i) = by_dir.get(dir) {
                scopes.which.push(i);
                continue;
            }
            // An article with no factcheck.toml above it takes the run's
            // (as ruff falls back to the working directory's).
            let config = configs.cascade.for_dir(dir).or_else(|| configs.run.clone());
            let key = ScopeKey {
                refs: match refs {
                    None => Vec::new(),
                    Some(flag) if !flag.is_empty() => flag.to_vec(),
                    Some(_) => refs_or_default(
                        &config.as_ref().map(|c| c.refs.clone()).unwrap_or_default(),
                    )?,
                },
                lang: input.lang.or(config.as_ref().and_then(|c| c.lang)),
            };
            // Few scopes (one per config with its own refs or lang): a
            // linear search is enough.
            let i = match scopes.keys.iter().position(|k| *k == key) {
                Some(i) => i,
                None => {
                    scopes.keys.push(key);
                    scopes.configs.push(config.as_ref().map(|c| c.path.clone()));
                    scopes.keys.len() - 1
                }
            };
            by_dir.insert(dir, i);
            scopes.which.push(i);
        }
        config_errors(&configs.cascade)?;
        if input.verbose {
            let mut stderr = anstream::stderr();
            for (i, path) in scopes.configs.iter().enumerate() {
                let files = scopes.which.iter().filter(|&&w| w == i).count();
                let used = path
                    .as_ref()
                    .map_or("none".into(), |p| p.display().to_string());
                writeln!(
                    stderr,
                    "config: {} for {files} file{}",
                    report::escape_controls(&used),
                    if files == 1 { "" } else { "s" }
                )?;
            }
        }
        Ok(scopes)
    }
}

/// The `--refs` paths, or `./claims` when none is given.
fn refs_or_default(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths.to_vec());
    }
    let default = Path::new("claims");
    if !default.exists() {
        bail!("no reference files: pass --refs PATH, or run where a ./claims directory exists");
    }
    Ok(vec![default.to_path_buf()])
}

/// Loads `--refs` paths, or `./claims` when none is given.
pub(crate) fn load_refs(paths: &[PathBuf]) -> Result<FactIndex> {
    let paths = refs_or_default(paths)?;
    let index = refs::load_paths(&paths).context("invalid reference files")?;
    Ok(index)
}

/// Prints the walk's errors (the run goes on with the other files); a
/// walk that found nothing at all is an error.
fn walk_errors(found: &Discovered) -> Result<()> {
    let mut stderr = anstream::stderr();
    for err in &found.errors {
        writeln!(
            stderr,
            "error: {}",
            report::escape_controls_but_newlines(&err.to_string())
        )?;
    }
    // Every file named excluded (`--force-exclude`, as pre-commit runs
    // it on a commit touching only excluded files): nothing to check.
    if found.inputs.is_empty() && found.errors.is_empty() && found.excluded == 0 {
        bail!("no articles found (looked for .md, .markdown and .txt files)");
    }
    Ok(())
}

/// The per-file settings of `input`; the config's `lang` stands in for a
/// missing `--lang`.
fn settings(input: &InputArgs, config: Option<&Config>) -> Settings {
    settings_with(input, input.lang.or(config.and_then(|c| c.lang)))
}

/// The per-file settings of `input` with language `lang`.
fn settings_with(input: &InputArgs, lang: Option<LangArg>) -> Settings {
    let lang = lang.unwrap_or(LangArg::Auto);
    Settings {
        lang: match lang {
            LangArg::Auto => None,
            LangArg::Fixed(lang) => Some(lang),
        },
        date: input.date,
        max_size: input.max_size,
        explain: input.explain,
    }
}

fn color_wanted(choice: ColorArg, to_terminal: bool) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Files from which a run on a terminal shows a progress bar.
const PROGRESS_FROM: usize = 16;

/// A progress bar on stderr for long runs on a terminal; hidden in pipes,
/// in CI (`CI` set) and with `--quiet`.
fn progress(len: usize, quiet: bool) -> ProgressBar {
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    if quiet || in_ci || len < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} files {elapsed} (eta {eta}) {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}

#[allow(clippy::too_many_arguments)]
fn run_articles(
    input: &InputArgs,
    found: Discovered,
    target: Target,
    config: Option<&Config>,
    (scopes, indexes): (&Scopes, &[&FactIndex]),
    format: Format,
    mode: Mode,
    fail_on: FailOn,
    diff_base: Option<&str>,
) -> Result<u8> {
    let cwd = std::env::current_dir().context("no working directory")?;
    let diff_base = diff_base.map(|rev| diff::base(&cwd, rev)).transpose()?;
    let root = match &diff_base {
        Some(base) => base.toplevel.clone(),
        None => diff::toplevel(&cwd).unwrap_or_else(|| cwd.canonicalize().unwrap_or(cwd.clone())),
    };
    let mut stderr = anstream::stderr();
    walk_errors(&found)?;
    let to_terminal = target == Target::Stdout && std::io::stdout().is_terminal();
    let style = Style {
        mode,
        color: color_wanted(input.color, to_terminal),
        quiet: input.quiet,
        fail_on: fail_on.level(),
    };
    let mut reporter = match format {
        Format::ClaimReview => report::claimreview(style, config.and_then(|c| c.author.clone())),
        _ => report::reporter(format, style),
    };
    let render = report::prerender(format, style);
    // One job per scope: the settings and references of its articles.
    let jobs: Vec<Job> = scopes
        .keys
        .iter()
        .enumerate()
        .map(|(i, key)| Job {
            settings: settings_with(input, key.lang),
            index: indexes.get(i).copied(),
            root: Some(root.clone()),
            diff_base: diff_base.clone(),
            render: render.as_deref(),
        })
        .collect();
    // GitHub shows the first few annotations only: the whole report goes
    // to the step summary as well.
    let step_summary = std::env::var_os("GITHUB_STEP_SUMMARY")
        .filter(|v| !v.is_empty() && format == Format::Github)
        .map(PathBuf::from);
    let mut markdown = step_summary.as_ref().map(|_| {
        report::reporter(
            Format::Markdown,
            Style {
                color: false,
                ..style
            },
        )
    });
    let mut summary = Summary {
        errors: found.errors.len(),
        config: config.map(|c| c.path.display().to_string()),
        ..Summary::default()
    };
    let mut output = target.open()?;
    let bar = progress(found.inputs.len(), input.quiet);
    // The report streams out: a file's entry is written as the reporter
    // makes it, through a buffer flushed after each file.
    let mut out = std::io::BufWriter::with_capacity(
        1 << 16,
        Shown {
            output: &mut output,
            bar: &bar,
        },
    );
    let started = Instant::now();
    let which = |i: usize| scopes.which.get(i).copied().unwrap_or(0);
    pipeline::run_jobs(&found.inputs, &jobs, &which, |_, outcome| -> Result<()> {
        bar.inc(1);
        let result = match outcome {
            Ok(result) => result,
            Err(err) => {
                bar.suspend(|| {
                    writeln!(
                        stderr,
                        "error: {}",
                        report::escape_controls_but_newlines(&err.to_string())
                    )
                })?;
                summary.errors += 1;
                return Ok(());
            }
        };
        for warning in &result.doc.warnings {
            bar.suspend(|| {
                writeln!(
                    stderr,
                    "warning: {}",
                    report::escape_controls_but_newlines(warning)
                )
            })?;
        }
        let unresolved = result.unresolved();
        if unresolved > 0 {
            let why = if result.date.is_some_and(|d| d.month_only) {
                "the publication date names only its month"
            } else {
                "no publication date"
            };
            bar.suspend(|| writeln!(
                stderr,
                "warning: {}: {unresolved} relative date{} left unresolved: {why}; pass --date YYYY-MM-DD or add `date:` to the front matter",
                report::escape_controls(&result.doc.path()),
                if unresolved == 1 { "" } else { "s" }
            ))?;
        }
        summary.add(&result);
        reporter.file(&mut out, &result)?;
        if let Some(md) = &mut markdown {
            md.file(&mut std::io::sink(), &result)?;
        }
        out.flush()?;
        Ok(())
    })?;
    bar.finish_and_clear();
    reporter.finish(&mut out, &summary)?;
    out.flush()?;
    drop(out);
    output.commit()?;
    if let (Some(path), Some(mut md)) = (step_summary, markdown)
        && let Err(err) = append(&path, |file| md.finish(file, &summary))
    {
        writeln!(
            stderr,
            "warning: cannot append to GITHUB_STEP_SUMMARY ({}): {err}",
            path.display()
        )?;
    }
    if std::env::var_os("FACTCHECK_TIMING").is_some() {
        let secs = started.elapsed().as_secs_f64();
        writeln!(
            stderr,
            "timing: {} files in {secs:.3} s ({:.0} files/s, {} threads)",
            summary.files,
            summary.files as f64 / secs.max(1e-9),
            pipeline::threads()
        )?;
    }
    if summary.errors > 0 {
        return Ok(EXIT_ERROR);
    }
    let failing = match fail_on {
        FailOn::Never => 0,
        FailOn::At(level) => summary.at_or_above(level),
    };
    Ok(if failing > 0 { EXIT_FINDINGS } else { 0 })
}

/// `factcheck compare`: reads every article, clusters their claims, and
/// writes the report once all are read.
fn run_compare(args: cli::CompareArgs) -> Result<u8> {
    let configs = load_configs(&args.input)?;
    let config = configs.run.as_ref();
    // clap lets only `Format::COMPARE` through.
    let format = args.format.unwrap_or(Format::Table);
    let found = discover(&args.input, &configs)?;
    let target = Target::of(args.input.output.as_deref());
    let config_files = configs.cascade.files();
    target.refuse_inputs(input_paths(&found).chain(config_files.iter().map(PathBuf::as_path)))?;
    let mut stderr = anstream::stderr();
    walk_errors(&found)?;
    let settings = Settings {
        explain: false,
        ..settings(&args.input, config)
    };
    let cwd = std::env::current_dir().context("no working directory")?;
    let root = diff::toplevel(&cwd).unwrap_or_else(|| cwd.canonicalize().unwrap_or(cwd.clone()));
    let started = Instant::now();
    let corpus = compare::read(&found.inputs, &settings, Some(&root));
    for err in &corpus.errors {
        writeln!(
            stderr,
            "error: {}",
            report::escape_controls_but_newlines(&err.to_string())
        )?;
    }
    for warning in &corpus.warnings {
        writeln!(
            stderr,
            "warning: {}",
            report::escape_controls_but_newlines(warning)
        )?;
    }
    let options = compare::Options {
        window_days: args.window,
        tolerance: args.tolerance,
    };
    let read_secs = started.elapsed().as_secs_f64();
    let comparison = compare::Comparison::new(corpus, &options, args.all);
    let to_terminal = target == Target::Stdout && std::io::stdout().is_terminal();
    let mut output = target.open()?;
    {
        // Streamed: the report of an archive is as large as its claims.
        let mut sink = std::io::BufWriter::with_capacity(1 << 16, Sink(&mut output));
        compare::report::write(
            &mut sink,
            format,
            &comparison,
            color_wanted(args.input.color, to_terminal),
        )?;
        sink.flush()?;
    }
    output.commit()?;
    if std::env::var_os("FACTCHECK_TIMING").is_some() {
        writeln!(
            stderr,
            "timing: {} files, {} claims, {} clusters in {:.3} s (reading {read_secs:.3} s)",
            comparison.corpus.files.len(),
            comparison.corpus.items.len(),
            comparison.clusters.len(),
            started.elapsed().as_secs_f64()
        )?;
    }
    if !found.errors.is_empty() || !comparison.corpus.errors.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let failing = match args
        .fail_on
        .unwrap_or(cli::StatusLevel::At(compare::Status::Conflict))
    {
        cli::StatusLevel::Never => 0,
        cli::StatusLevel::At(level) => comparison.at_or_above(level),
    };
    Ok(if failing > 0 { EXIT_FINDINGS } else { 0 })
}

/// [`cli::output::Output`] as an [`std::io::Write`], for reports written
/// in pieces.
struct Sink<'a>(&'a mut cli::output::Output);

impl Write for Sink<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        // The error as it is: its kind tells a closed pipe apart.
        self.0.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Appends what `write` writes, then a line break, to the file at `path`.
fn append(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    let mut file = std::io::BufWriter::new(file);
    write(&mut file)?;
    file.write_all(b"\n")?;
    file.flush()
}

/// The report's destination as seen by the reporters: on standard output
/// the progress bar steps aside while a piece is written.
struct Shown<'a> {
    output: &'a mut cli::output::Output,
    bar: &'a ProgressBar,
}

impl Write for Shown<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if self.output.is_stdout() {
            self.bar.suspend(|| self.output.write_all(buf))
        } else {
            self.output.write_all(buf)
        }
    }

    /// Standard output is flushed so a slow run shows each file as it is
    /// done; a file is left to its own buffer until the end.
    fn flush(&mut self) -> std::io::Result<()> {
        if self.output.is_stdout() {
            std::io::stdout().flush()?;
        }
        Ok(())
    }
}
