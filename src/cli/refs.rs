//! `factcheck refs check` and `factcheck refs list`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::RefsCommand;
use factcheck::refs::FactIndex;

/// Runs a `refs` subcommand; `load` reads the paths (default `./claims`).
pub fn run(command: RefsCommand, load: fn(&[PathBuf]) -> Result<FactIndex>) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    match command {
        RefsCommand::Check { paths } => {
            let index = load(&paths)?;
            writeln!(
                out,
                "{} facts from {} sources: valid",
                index.facts.len(),
                index.sources.len()
            )?;
            Ok(0)
        }
        RefsCommand::List { paths, format } => {
            let index = load(&paths)?;
            let _ = format;
            for fact in &index.facts {
                writeln!(out, "{} ({}): {}", fact.id, fact.kind, fact.label())?;
            }
            Ok(0)
        }
    }
}
