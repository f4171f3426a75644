//! The binary: parses arguments, runs the library, picks the reporter and
//! maps every outcome to an exit code in one place.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{CommandFactory, Parser};

use cli::{Cli, ColorArg, Command, FailOn, InputArgs, LangArg};
use factcheck::pipeline::{self, Settings};
use factcheck::refs::{self, FactIndex};
use factcheck::report::{self, Format, Mode, Style, Summary};

/// Exit codes: DESIGN.md's contract.
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            let mut stderr = anstream::stderr();
            let _ = writeln!(stderr, "error: {err:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Verify(args) => {
            let index = load_refs(&args.refs)?;
            let fail_on = args.fail_on;
            run_articles(
                &args.input,
                Some(&index),
                args.format.format(),
                Mode::Verify,
                fail_on,
            )
        }
        Command::Extract(args) => run_articles(
            &args.input,
            None,
            args.format.format(),
            Mode::Extract,
            FailOn::Never,
        ),
        Command::Refs(command) => cli::refs::run(command, load_refs),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "factcheck", &mut std::io::stdout());
            Ok(0)
        }
    }
}

/// Loads `--refs` paths, or `./claims` when none is given.
pub(crate) fn load_refs(paths: &[PathBuf]) -> Result<FactIndex> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        let default = Path::new("claims");
        if !default.exists() {
            bail!("no reference files: pass --refs PATH, or run where a ./claims directory exists");
        }
        vec![default.to_path_buf()]
    } else {
        paths.to_vec()
    };
    let index = refs::load_paths(&paths).context("invalid reference files")?;
    Ok(index)
}

fn color_wanted(choice: ColorArg, to_terminal: bool) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn run_articles(
    input: &InputArgs,
    index: Option<&FactIndex>,
    format: Format,
    mode: Mode,
    fail_on: FailOn,
) -> Result<u8> {
    let inputs = pipeline::discover(&input.paths)?;
    if inputs.is_empty() {
        bail!("no articles found (looked for .md, .markdown and .txt files)");
    }
    let settings = Settings {
        lang: match input.lang {
            LangArg::Auto => None,
            LangArg::Fixed(lang) => Some(lang),
        },
        date: input.date,
        max_size: input.max_size,
    };
    let to_terminal = input.output.is_none() && std::io::stdout().is_terminal();
    let style = Style {
        mode,
        color: color_wanted(input.color, to_terminal),
    };
    let mut reporter = report::reporter(format, style);
    let mut buffer: Vec<u8> = Vec::new();
    let mut summary = Summary::default();
    let mut stderr = anstream::stderr();
    for item in &inputs {
        let doc = match pipeline::read(item, settings.max_size) {
            Ok(doc) => doc,
            Err(err) => {
                writeln!(stderr, "error: {err}")?;
                summary.errors += 1;
                continue;
            }
        };
        for warning in &doc.warnings {
            writeln!(stderr, "warning: {warning}")?;
        }
        let result = pipeline::analyze(doc, &settings, index);
        let unresolved = result.unresolved();
        if unresolved > 0 {
            writeln!(
                stderr,
                "warning: {}: {unresolved} relative date{} left unresolved: no publication date; pass --date YYYY-MM-DD or add `date:` to the front matter",
                result.doc.path(),
                if unresolved == 1 { "" } else { "s" }
            )?;
        }
        summary.add(&result);
        reporter.file(&mut buffer, &result)?;
        if input.output.is_none() {
            std::io::stdout().write_all(&buffer)?;
            buffer.clear();
        }
    }
    reporter.finish(&mut buffer, &summary)?;
    match &input.output {
        Some(path) => write_atomically(path, &buffer)?,
        None => std::io::stdout().write_all(&buffer)?,
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

/// Writes a report through a temporary file in the same directory, renamed
/// into place, so a crash never leaves half a report.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.factcheck-{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
