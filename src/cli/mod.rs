//! The command line: clap definitions and their conversion into the
//! library's settings. Parsing strings into enums happens here, once.

pub mod output;
pub mod refs;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use factcheck::check::Verdict;
pub use factcheck::config::{FailOn, LangChoice as LangArg};
use factcheck::document::DEFAULT_MAX_SIZE;
use factcheck::lang::Lang;
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

Settings are also read from the nearest factcheck.toml (refs, lang, fail_on,
format, include, exclude, globs); flags override it.";

const EXTRACT_EXAMPLES: &str = "\
Examples:
  factcheck extract article.md
  factcheck extract article.txt --lang it --date 2025-08-15 --format json";

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
    /// Validate or list reference files
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
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}

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
    /// Publication date (YYYY-MM-DD, or `today`); overrides front matter `date:`
    #[arg(long, value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
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
    /// Read settings from FILE instead of the nearest factcheck.toml
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
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
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
    /// Report format: table or json [default: table]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// One table per file, for the terminal
    Table,
    /// factcheck/v1 JSON
    Json,
    /// GitHub Actions annotations (workflow commands)
    Github,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// JUnit XML, one test case per claim
    Junit,
    /// Markdown, for a pull-request comment
    Markdown,
    /// One self-contained HTML page with the article and its highlighted claims
    Html,
    /// schema.org ClaimReview JSON-LD, one object per alarm at or above --fail-on
    #[value(name = "claimreview")]
    ClaimReview,
}

impl FormatArg {
    pub fn format(self) -> Format {
        match self {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Junit => Format::Junit,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::ClaimReview => Format::ClaimReview,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
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
