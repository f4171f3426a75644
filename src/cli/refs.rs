//! `factcheck refs check` and `factcheck refs list`.
//!
//! `check` prints every problem as `path:line:col: error: message` (or
//! `warning:`) on standard output, then a summary line; it exits 2 when a
//! file is invalid, 0 otherwise (warnings included).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::{CheckFormat, ListFormat, RefsCommand};
use factcheck::error::{Problem, Severity};
use factcheck::pipeline;
use factcheck::refs::{self, FactIndex};
use factcheck::report::{self, refs as listing, refs_check};

const EXIT_INVALID: u8 = 2;

/// Runs a `refs` subcommand; `load` reads the paths (default `./claims`).
/// A closed pipe (`refs list | head`) is an error `main` ends quietly.
pub fn run(command: RefsCommand, load: fn(&[PathBuf]) -> Result<FactIndex>) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    match command {
        RefsCommand::Check { paths, format } => check(paths, format, &mut out),
        RefsCommand::Draft(args) => draft(args, &mut out),
        RefsCommand::List { paths, format } => {
            let index = load(&paths)?;
            match format {
                ListFormat::Table => listing::table(&mut out, &index)?,
                ListFormat::Json => listing::json(&mut out, &index)?,
            }
            Ok(0)
        }
    }
}

/// `refs check`: every problem, then a closing line (text, github) or
/// the counts (json); exit 2 when a file is invalid.
fn check(paths: Vec<PathBuf>, format: CheckFormat, out: &mut dyn Write) -> Result<u8> {
    let paths = default_paths(paths)?;
    let checked = refs::check_paths(&paths)?;
    let errors = checked.problems.len();
    let warnings = if errors == 0 {
        refs::warnings(&checked.index)
    } else {
        Vec::new()
    };
    let mut problems: Vec<Problem> = checked.problems.into_iter().chain(warnings).collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let files = plural(checked.files, "file");
    let closing = if errors > 0 {
        format!("{} in {files}: invalid", plural(errors, "error"))
    } else {
        let counted = problems
            .iter()
            .filter(|w| w.severity == Severity::Warning)
            .count();
        format!(
            "{} from {} in {files}: valid{}",
            plural(checked.index.facts.len(), "fact"),
            plural(checked.index.sources.len(), "source"),
            if counted > 0 {
                format!(", {}", plural(counted, "warning"))
            } else {
                String::new()
            }
        )
    };
    let code = if errors > 0 { EXIT_INVALID } else { 0 };
    match format {
        CheckFormat::Text => {
            for problem in &problems {
                let line = problem.to_string();
                writeln!(out, "{}", report::escape_controls_but_newlines(&line))?;
            }
            writeln!(out, "{closing}")?;
        }
        CheckFormat::Json => {
            let counts = refs_check::Counts {
                files: checked.files,
                facts: checked.index.facts.len(),
                sources: checked.index.sources.len(),
            };
            refs_check::json(out, &problems, counts)?;
        }
        CheckFormat::Github | CheckFormat::Sarif => {
            // Annotations and code scanning want repository-relative paths.
            let cwd = std::env::current_dir()?;
            let root = factcheck::diff::toplevel(&cwd)
                .unwrap_or_else(|| cwd.canonicalize().unwrap_or(cwd.clone()));
            for problem in &mut problems {
                problem.path = pipeline::relative_path(&root, Path::new(&problem.path));
            }
            if format == CheckFormat::Github {
                refs_check::github(out, &problems, &closing)?;
            } else {
                refs_check::sarif(out, &problems)?;
            }
        }
    }
    Ok(code)
}

/// The paths given, or `./claims` when none is.
fn default_paths(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths);
    }
    let default = Path::new("claims");
    if !default.exists() {
        bail!("no reference files: pass PATH, or run where a ./claims directory exists");
    }
    Ok(vec![default.to_path_buf()])
}

/// `refs draft`: reference YAML from trusted articles, on standard output
/// or merged into `--into FILE` (written only when it passes `refs check`).
fn draft(args: super::DraftArgs, out: &mut dyn Write) -> Result<u8> {
    use factcheck::draft;
    use factcheck::pipeline::{Settings, WalkOptions};
    let found = pipeline::discover(&args.paths, &WalkOptions::default())?;
    let mut stderr = anstream::stderr();
    for err in &found.errors {
        writeln!(
            stderr,
            "error: {}",
            report::escape_controls_but_newlines(&err.to_string())
        )?;
    }
    if !found.errors.is_empty() {
        return Ok(EXIT_INVALID);
    }
    if found.inputs.is_empty() {
        bail!("no articles found (looked for .md, .markdown and .txt files)");
    }
    let settings = Settings {
        lang: match args.lang {
            Some(super::LangArg::Fixed(lang)) => Some(lang),
            _ => None,
        },
        date: args.date,
        max_size: args.max_size,
        explain: false,
    };
    let options = draft::Options {
        source: args.source.clone(),
    };
    let fail = |problems: Vec<String>, stderr: &mut dyn Write| -> Result<u8> {
        for p in problems {
            writeln!(
                stderr,
                "error: {}",
                report::escape_controls_but_newlines(&p)
            )?;
        }
        Ok(EXIT_INVALID)
    };
    match &args.into {
        None => match draft::draft(&found.inputs, &settings, &options) {
            Ok((file, dropped)) => {
                for id in dropped {
                    writeln!(
                        stderr,
                        "warning: left out fact `{id}`: its own articles would not verify against it"
                    )?;
                }
                out.write_all(draft::to_yaml(&file)?.as_bytes())?;
                Ok(0)
            }
            Err(problems) => fail(problems, &mut stderr),
        },
        Some(into) => {
            let display = into.display().to_string();
            let text = std::fs::read_to_string(into)
                .map_err(|e| anyhow::anyhow!("{display}: cannot read: {e}"))?;
            match draft::merge::merge(&display, &text, &found.inputs, &settings, &options) {
                Ok(merged) => {
                    let dir = into
                        .parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .unwrap_or(Path::new("."));
                    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
                    temp.write_all(merged.text.as_bytes())?;
                    temp.persist(into).map_err(|e| e.error)?;
                    writeln!(
                        out,
                        "{display}: {} value{} added to existing facts, {} new fact{}",
                        merged.added_values,
                        if merged.added_values == 1 { "" } else { "s" },
                        merged.new_facts,
                        if merged.new_facts == 1 { "" } else { "s" }
                    )?;
                    Ok(0)
                }
                Err(problems) => {
                    writeln!(stderr, "error: {display} left unchanged:")?;
                    fail(problems, &mut stderr)
                }
            }
        }
    }
}
