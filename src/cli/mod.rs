//! The command line: clap definitions and their conversion into the
//! library's settings. Parsing strings into enums happens here, once.

pub mod output;
pub mod refs;

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use factcheck::check::Verdict;
use factcheck::compare::Status;
pub use factcheck::config::{FailOn, LangChoice as LangArg};
use factcheck::document::DEFAULT_MAX_SIZE;
use factcheck::lang::Lang;
use factcheck::refs::Tolerance;
use factcheck::report::Format;

const VERIFY_EXAMPLES: &str = "\
Examples:
  factcheck verify draft.md                         check against ./claims
  factcheck verify article.txt --date 2025-08-15 --lang it --refs claims
  factcheck verify content/ --format json --output report.json
  factcheck verify content/ --format sarif --output factcheck.sarif
  factcheck verify content/ --format github --diff-base origin/main
  factcheck verify content/ --glob '!archive/**' --quiet
  cat draft.md | factcheck verify - --fail-on outdated
  factcheck verify - --stdin-filename content/de/draft.md < draft.md
  factcheck verify content/ --format concise        path:line:col: verdict: message
  factcheck verify --force-exclude content/a.md     as pre-commit runs it

Each article takes its settings from the factcheck.toml files in its directory
and above it, up to the repository's root (the nearest setting of each key
wins: refs, lang; include and exclude relative to their file); format, fail_on
and author come from the files above the working directory. Flags override
them all.";

const COMPARE_EXAMPLES: &str = "\
Examples:
  factcheck compare wires/                          clusters with claims from two files or more
  factcheck compare a.md b.md c.md --all            every cluster, single claims included
  factcheck compare wires/ --window 3d --tolerance 5% --format html --output compare.html

Exit codes: 0 no cluster at or above --fail-on (default conflict), 1 some, 2 errors.";

const DRAFT_EXAMPLES: &str = "\
Examples:
  factcheck refs draft wires/ > claims/quake.yaml
  factcheck refs draft briefing.md --source \"Interior Ministry\" --into claims/quake.yaml";

const EXTRACT_EXAMPLES: &str = "\
Examples:
  factcheck extract article.md
  factcheck extract article.txt --lang it --date 2025-08-15 --format json
  factcheck extract content/ --format jsonl | jq -c 'select(.claim.kind == \"money\")'";

#[derive(Debug, Parser)]
#[command(
    name = "factcheck",
    version,
    about = "Check the numbers in news articles against reference files",
    long_about = "Reads articles (Markdown or plain text, in any language of `--lang`), extracts every \
quantitative claim (counts, money, percentages, measures, dates, times), normalizes it and \
compares it with the figures that YAML reference files attribute to named sources.",
    after_help = "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, \
2 usage error, unreadable input or invalid reference file."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract claims and judge them against reference files
    #[command(after_help = VERIFY_EXAMPLES)]
    Verify(VerifyArgs),
    /// Extract claims without judging them
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Validate, list or draft reference files
    #[command(subcommand)]
    Refs(RefsCommand),
    /// Run the language server on standard input and output, for editors
    #[command(
        after_help = "Reads factcheck.toml and the reference files from the editor's workspace folder."
    )]
    Lsp,
    /// Print the man page (roff) on standard output
    #[command(after_help = "Example:\n  factcheck man > ~/.local/share/man/man1/factcheck.1")]
    Man,
    /// Cluster claims about the same quantity across articles: agree, conflict or changed
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Example:\n  factcheck completions bash > ~/.local/share/bash-completion/completions/factcheck"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum RefsCommand {
    /// Validate reference files and report conflicts between sources
    #[command(after_help = REFS_CHECK_EXAMPLES)]
    Check {
        /// Reference files or directories [default: ./claims]
        paths: Vec<PathBuf>,
        /// How problems are written
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// List facts with their sources and values
    List {
        /// Reference files or directories [default: ./claims]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Draft reference YAML from trusted articles (on stdout, or merged --into a file)
    #[command(after_help = DRAFT_EXAMPLES)]
    Draft(DraftArgs),
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// Articles: files, directories or `-` for stdin
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Source of figures whose sentence names none (else the front matter's `source:`)
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Merge into this reference file (comments and order kept); nothing is
    /// written when the result would not pass `refs check`
    #[arg(long, value_name = "FILE")]
    pub into: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD, YYYY-MM when only the month is known, an RFC 3339
    /// datetime, or `today`); overrides front matter `date:`
    #[arg(long, value_parser = parse_date)]
    pub date: Option<factcheck::when::PubDate>,
    /// Article language: it, en or auto [default: auto]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<LangArg>,
    /// Largest article read, in bytes
    #[arg(long, default_value_t = DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Report format [default: table]
    #[arg(long, value_parser = format_parser(&Format::COMPARE))]
    pub format: Option<Format>,
    /// Exit 1 when a listed cluster is at this status or worse: conflict,
    /// changed, agree (or `never`) [default: conflict]
    #[arg(long, value_parser = parse_status)]
    pub fail_on: Option<StatusLevel>,
    /// Figures dated at most this far apart conflict; further apart they
    /// changed (`7d`, `2w`, `36h` rounds down to days)
    #[arg(long, default_value = "7d", value_parser = parse_window)]
    pub window: i64,
    /// How far a figure stretches when compared: `5%` or an absolute
    /// number [default: the rounding rules of verify]
    #[arg(long, value_parser = parse_tolerance)]
    pub tolerance: Option<Tolerance>,
    /// List every cluster, also those with claims from one file only
    #[arg(long)]
    pub all: bool,
}

/// `--fail-on` of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusLevel {
    Never,
    At(Status),
}

fn parse_status(text: &str) -> Result<StatusLevel, String> {
    if text == "never" {
        return Ok(StatusLevel::Never);
    }
    Status::parse(text)
        .filter(|s| *s != Status::Alone)
        .map(StatusLevel::At)
        .ok_or_else(|| format!("unknown level `{text}`: use never, conflict, changed or agree"))
}

fn parse_window(text: &str) -> Result<i64, String> {
    let text = text.trim();
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: i64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a window: write e.g. 7d, 2w or 48h"))?;
    match unit {
        "" | "d" => Ok(n),
        "w" => Ok(n * 7),
        "h" => Ok(n / 24),
        _ => Err(format!(
            "`{text}` is not a window: write e.g. 7d, 2w or 48h"
        )),
    }
}

fn parse_tolerance(text: &str) -> Result<Tolerance, String> {
    let bad = || format!("`{text}` is not a tolerance: write 5% or an absolute number such as 250");
    match text.trim().strip_suffix('%') {
        Some(p) => {
            let p: f64 = p.trim().parse().map_err(|_| bad())?;
            (0.0..=100.0)
                .contains(&p)
                .then_some(Tolerance::Relative(p / 100.0))
                .ok_or_else(bad)
        }
        None => {
            let a: f64 = text.trim().parse().map_err(|_| bad())?;
            (a >= 0.0 && a.is_finite())
                .then_some(Tolerance::Absolute(a))
                .ok_or_else(bad)
        }
    }
}

/// Formats of `refs check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// path:line:col: error: message, then a summary line
    Text,
    /// factcheck-refs-check/v1 JSON
    Json,
    /// GitHub Actions annotations (workflow commands)
    Github,
    /// SARIF 2.1.0, for code scanning
    Sarif,
}

const REFS_CHECK_EXAMPLES: &str = "\
Examples:
  factcheck refs check                              ./claims
  factcheck refs check claims --format github       annotate the pull request
  factcheck refs check claims --format sarif > refs.sarif

Exit codes: 0 valid (warnings included), 2 invalid or unreadable.";

/// Formats of `refs list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Articles: files, directories (walked for .md, .markdown, .txt, honouring
    /// .gitignore and .ignore) or `-` for stdin
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD, YYYY-MM when only the month is known, an RFC 3339
    /// datetime, or `today`); overrides front matter `date:`
    #[arg(long, value_parser = parse_date)]
    pub date: Option<factcheck::when::PubDate>,
    /// Article language: a code (it, en…; an unknown one is refused with the list) or auto
    /// (front matter `lang:`, else detection) [default: auto]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<LangArg>,
    /// Include (GLOB) or exclude (!GLOB) files in directory walks; gitignore
    /// syntax, relative to each directory walked; repeatable, the last match wins
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Table: list only problems (disputed or worse) and the summary; no progress bar
    #[arg(long, short)]
    pub quiet: bool,
    /// Name of the article read from `-`: shown in reports; its extension
    /// picks Markdown or plain text (.txt) and its directory the factcheck.toml
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Leave out files named on the command line that the excludes match
    /// (--glob '!…', factcheck.toml's include and exclude), as a walk would
    #[arg(long)]
    pub force_exclude: bool,
    /// Do not read .gitignore, .ignore and .git/info/exclude in directory walks
    #[arg(long)]
    pub no_ignore: bool,
    /// Walk hidden files and directories too
    #[arg(long)]
    pub hidden: bool,
    /// Read settings from FILE for every article, instead of the
    /// factcheck.toml files above each one
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore factcheck.toml files
    #[arg(long)]
    pub no_config: bool,
    /// Tell on stderr which factcheck.toml is used
    #[arg(long, short)]
    pub verbose: bool,
    /// verify: add to each explanation the words that tied the claim to its fact
    #[arg(long)]
    pub explain: bool,
    /// Write the report to FILE instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Largest article read, in bytes
    #[arg(long, default_value_t = DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Reference files or directories [default: ./claims]
    #[arg(long)]
    pub refs: Vec<PathBuf>,
    /// Report format [default: table]
    #[arg(long, value_parser = format_parser(&Format::ALL))]
    pub format: Option<Format>,
    /// Exit 1 when a finding is at this level or worse (or `never`) [default: contradicted]
    #[arg(long, value_parser = parse_fail_on)]
    pub fail_on: Option<FailOn>,
    /// Judge only claims on lines added or changed since this git revision
    #[arg(long, value_name = "REV")]
    pub diff_base: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Report format [default: table]
    #[arg(long, value_parser = format_parser(&Format::EXTRACT))]
    pub format: Option<Format>,
}

/// A `--format` parser accepting `formats` (the library's [`Format`], no
/// copy of it here), each listed in `--help` with what it is for.
fn format_parser(formats: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        formats
            .iter()
            .map(|f| PossibleValue::new(f.name()).help(f.help())),
    )
    // The parser above lets only these names through.
    .map(|name| Format::parse(&name).unwrap_or(Format::Table))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

fn parse_date(text: &str) -> Result<factcheck::when::PubDate, String> {
    if text == "today" {
        return Ok(factcheck::when::PubDate::day(
            jiff::ZonedDateTime::now().date(),
        ));
    }
    factcheck::when::PubDate::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not a date: write YYYY-MM-DD (2025-08-15), YYYY-MM when only the month is known (2025-08), a datetime (2025-08-15T08:30:00+02:00), or `today`"
        )
    })
}

fn parse_lang(text: &str) -> Result<LangArg, String> {
    LangArg::parse(text).ok_or_else(|| {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!(
            "unknown language `{text}`: use auto or one of {}",
            codes.join(", ")
        )
    })
}

fn parse_fail_on(text: &str) -> Result<FailOn, String> {
    FailOn::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Verdict::BY_SEVERITY.iter().map(|v| v.name()).collect();
        format!(
            "unknown level `{text}`: use never or one of {}",
            names.join(", ")
        )
    })
}
