//! The command line: clap definitions and their conversion into the
//! library's settings. Parsing strings into enums happens here, once.

pub mod refs;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use factcheck::check::Verdict;
use factcheck::document::DEFAULT_MAX_SIZE;
use factcheck::lang::Lang;
use factcheck::report::Format;

const VERIFY_EXAMPLES: &str = "\
Examples:
  factcheck verify draft.md                         check against ./claims
  factcheck verify article.txt --date 2025-08-15 --lang it --refs claims
  factcheck verify content/ --format json --output report.json
  cat draft.md | factcheck verify - --fail-on outdated";

const EXTRACT_EXAMPLES: &str = "\
Examples:
  factcheck extract article.md
  factcheck extract article.txt --lang it --date 2025-08-15 --format json";

#[derive(Debug, Parser)]
#[command(
    name = "factcheck",
    version,
    about = "Check the numbers in news articles against reference files",
    long_about = "Reads articles (Markdown or plain text, Italian or English), extracts every \
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
    /// Validate or list reference files
    #[command(subcommand)]
    Refs(RefsCommand),
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
    Check {
        /// Reference files or directories [default: ./claims]
        paths: Vec<PathBuf>,
    },
    /// List facts with their sources and values
    List {
        /// Reference files or directories [default: ./claims]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Articles: files, directories (walked for .md, .markdown, .txt) or `-` for stdin
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD, or `today`); overrides front matter `date:`
    #[arg(long, value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Article language: it, en or auto (front matter `lang:`, else detection)
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    pub lang: LangArg,
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
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Exit 1 when a finding is at this level or worse (or `never`)
    #[arg(long, default_value = "contradicted", value_parser = parse_fail_on)]
    pub fail_on: FailOn,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Html,
}

impl FormatArg {
    pub fn format(self) -> Format {
        match self {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangArg {
    Auto,
    Fixed(Lang),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Never,
    At(Verdict),
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    if text == "today" {
        return Ok(jiff::ZonedDateTime::now().date());
    }
    text.parse().map_err(|_| {
        format!("`{text}` is not a date: write YYYY-MM-DD, e.g. 2025-08-15, or `today`")
    })
}

fn parse_lang(text: &str) -> Result<LangArg, String> {
    if text == "auto" {
        return Ok(LangArg::Auto);
    }
    Lang::parse(text).map(LangArg::Fixed).ok_or_else(|| {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!(
            "unknown language `{text}`: use auto or one of {}",
            codes.join(", ")
        )
    })
}

fn parse_fail_on(text: &str) -> Result<FailOn, String> {
    if text == "never" {
        return Ok(FailOn::Never);
    }
    Verdict::parse(text).map(FailOn::At).ok_or_else(|| {
        let names: Vec<&str> = Verdict::BY_SEVERITY.iter().map(|v| v.name()).collect();
        format!(
            "unknown level `{text}`: use never or one of {}",
            names.join(", ")
        )
    })
}
