//! What the server reads from the workspace folder, once and again when a
//! watched file changes: `factcheck.toml` (found upwards from the folder,
//! as the CLI does from its working directory) and the reference files it
//! names, else `./claims`. Problems in either become diagnostics in the
//! file they are about; the facts that loaded are used meanwhile.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::check::Verdict;
use crate::config::{self, Config, ConfigError, LangChoice};
use crate::document::DEFAULT_MAX_SIZE;
use crate::error::{Location, Problem, Severity};
use lsp_types::Diagnostic;

use crate::document::{Document, Origin};
use crate::pipeline::{self, FileResult, Settings};
use crate::refs::{self, FactIndex};

/// The lowest verdict shown by default: the alarms (outdated,
/// misattributed, contradicted).
pub const DEFAULT_LEVEL: Verdict = Verdict::Outdated;

/// How long the server waits after an edit before checking again.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(250);

/// `initializationOptions`, all optional:
/// `{"level": "disputed", "debounceMs": 500}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// The lowest verdict that gets a diagnostic; overrides
    /// `factcheck.toml`'s `[lsp] level`.
    pub level: Option<String>,
    pub debounce_ms: Option<u64>,
}

/// The workspace as loaded.
#[derive(Debug)]
pub struct Workspace {
    pub root: Option<PathBuf>,
    pub config: Option<Config>,
    pub index: FactIndex,
    /// Every problem of the config and the reference files.
    pub problems: Vec<Problem>,
    /// `[lsp] level` or the client's `level`.
    pub level: Option<Verdict>,
    pub settings: Settings,
}

impl Workspace {
    /// Reads `factcheck.toml` and the reference files for `root`.
    pub fn load(root: Option<&Path>, options: &ClientOptions) -> Workspace {
        let mut problems = Vec::new();
        let config = match root.and_then(config::find) {
            Some(path) => match config::load(&path) {
                Ok(config) => Some(config),
                Err(err) => {
                    problems.push(config_problem(&path, err));
                    None
                }
            },
            None => None,
        };
        let mut refs = config.as_ref().map(|c| c.refs.clone()).unwrap_or_default();
        if refs.is_empty()
            && let Some(claims) = root.map(|r| r.join("claims")).filter(|p| p.exists())
        {
            refs.push(claims);
        }
        let index = if refs.is_empty() {
            FactIndex::default()
        } else {
            match refs::check_paths(&refs) {
                Ok(checked) => {
                    problems.extend(checked.problems);
                    checked.index
                }
                Err(err) => {
                    problems.push(Problem {
                        path: refs[0].display().to_string(),
                        location: None,
                        severity: Severity::Error,
                        message: err.to_string(),
                    });
                    FactIndex::default()
                }
            }
        };
        let mut level = config.as_ref().and_then(|c| c.lsp_level);
        if let Some(name) = &options.level {
            match Verdict::parse(name) {
                Some(verdict) => level = Some(verdict),
                None => problems.push(Problem {
                    path: "initializationOptions".to_string(),
                    location: None,
                    severity: Severity::Error,
                    message: format!("unknown level `{name}`"),
                }),
            }
        }
        let lang = match config.as_ref().and_then(|c| c.lang) {
            Some(LangChoice::Fixed(lang)) => Some(lang),
            _ => None,
        };
        Workspace {
            root: root.map(Path::to_path_buf),
            config,
            index,
            problems,
            level,
            settings: Settings {
                lang,
                date: None,
                max_size: DEFAULT_MAX_SIZE,
                explain: false,
            },
        }
    }

    /// Checks a draft against the loaded references: its result and the
    /// diagnostics to publish. This is the work of each pause in typing
    /// (`benches/refs.rs` measures it); the index was built at load.
    pub fn diagnose(
        &self,
        origin: Origin,
        text: String,
        markdown: bool,
    ) -> (FileResult, Vec<Diagnostic>) {
        let doc = Document::parse(origin, text, markdown, Vec::new());
        let mut result = pipeline::analyze(doc, &self.settings, Some(&self.index));
        pipeline::apply_suppressions(&mut result, Some(&self.index));
        let diagnostics = super::features::diagnostics(&result, &self.index, self.level());
        (result, diagnostics)
    }

    /// The lowest verdict that gets a diagnostic.
    pub fn level(&self) -> Verdict {
        self.level.unwrap_or(DEFAULT_LEVEL)
    }
}

fn config_problem(path: &Path, err: ConfigError) -> Problem {
    let (location, message) = match err {
        ConfigError::Invalid {
            line,
            column,
            message,
            ..
        } => (Some(Location { line, column }), message),
        ConfigError::Io { source, .. } => (None, format!("cannot read: {source}")),
    };
    Problem {
        path: path.display().to_string(),
        location,
        severity: Severity::Error,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_reference_file_is_a_problem_and_the_rest_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let claims = dir.path().join("claims");
        std::fs::create_dir(&claims).unwrap();
        std::fs::copy("claims/dprk-kursk.yaml", claims.join("good.yaml")).unwrap();
        std::fs::write(
            claims.join("bad.yaml"),
            "facts:\n  - id: x\n    kind: nonsense\n",
        )
        .unwrap();
        let workspace = Workspace::load(Some(dir.path()), &ClientOptions::default());
        assert!(!workspace.index.is_empty());
        assert!(
            workspace
                .problems
                .iter()
                .any(|p| p.path.ends_with("bad.yaml")),
            "{:?}",
            workspace.problems
        );
        assert_eq!(workspace.level(), Verdict::Outdated);
    }

    #[test]
    fn the_client_level_overrides_the_config() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("factcheck.toml"),
            "[lsp]\nlevel = \"contradicted\"\n",
        )
        .unwrap();
        let workspace = Workspace::load(Some(dir.path()), &ClientOptions::default());
        assert_eq!(workspace.level(), Verdict::Contradicted);
        let options = ClientOptions {
            level: Some("disputed".to_string()),
            debounce_ms: None,
        };
        let workspace = Workspace::load(Some(dir.path()), &options);
        assert_eq!(workspace.level(), Verdict::Disputed);
    }
}
