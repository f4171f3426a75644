//! `factcheck lsp`: a language server over stdio, so a draft is checked in
//! the editor as it is written (as harper-ls and vale-ls do for prose).
//!
//! Markdown and plain-text documents are checked by the library's own
//! pipeline ([`crate::pipeline::analyze`]) on open and, debounced, on change;
//! each finding at or above the configured level becomes a diagnostic.
//! Hover shows a claim's normalized value and the sources' figures; a
//! code action inserts a suppression comment. `factcheck.toml` and the
//! reference files are read from the workspace folder once and again when
//! the client reports a change to them.
//!
//! Built on `lsp-server` (the transport and message loop rust-analyzer
//! uses) and `lsp-types`: synchronous, no async runtime, a loop we own.

mod convert;
mod features;
mod workspace;

pub use workspace::{ClientOptions, DEFAULT_LEVEL, Workspace};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeActionParams, CodeActionProviderCapability, Diagnostic, DidChangeTextDocumentParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, FileSystemWatcher, GlobPattern, HoverParams,
    HoverProviderCapability, InitializeParams, MessageType, PublishDiagnosticsParams, Registration,
    RegistrationParams, ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};

use crate::document::Origin;
use crate::pipeline::{ARTICLE_EXTENSIONS, FileResult};

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    #[error("language server protocol: {0}")]
    Protocol(String),
    #[error("language server I/O: {0}")]
    Io(#[from] std::io::Error),
}

impl From<lsp_server::ProtocolError> for LspError {
    fn from(err: lsp_server::ProtocolError) -> LspError {
        LspError::Protocol(err.to_string())
    }
}

impl From<serde_json::Error> for LspError {
    fn from(err: serde_json::Error) -> LspError {
        LspError::Protocol(err.to_string())
    }
}

/// Serves one client on standard input and output until it exits.
pub fn stdio() -> Result<(), LspError> {
    let (connection, io_threads) = Connection::stdio();
    serve(connection)?;
    io_threads.join()?;
    Ok(())
}

/// Serves one client on `connection`: the handshake, then messages until
/// `shutdown` and `exit` (or the client hangs up).
pub(crate) fn serve(connection: Connection) -> Result<(), LspError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let options: ClientOptions = params
        .initialization_options
        .clone()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": { "name": "factcheck", "version": env!("CARGO_PKG_VERSION") },
        }),
    )?;
    let root = workspace_root(&params);
    let watch = params
        .capabilities
        .workspace
        .and_then(|w| w.did_change_watched_files)
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server {
        workspace: Workspace::load(root.as_deref(), &options),
        debounce: options
            .debounce_ms
            .map_or(workspace::DEFAULT_DEBOUNCE, Duration::from_millis),
        options,
        root,
        connection,
        docs: HashMap::new(),
        problem_files: Vec::new(),
    };
    if watch {
        server.watch()?;
    }
    server.publish_problems()?;
    server.run()
}

/// The first workspace folder, else the deprecated `rootUri`.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    if let Some(folder) = params.workspace_folders.as_ref().and_then(|f| f.first()) {
        return convert::path(&folder.uri);
    }
    #[allow(deprecated)]
    params.root_uri.as_ref().and_then(convert::path)
}

/// An open article.
struct Open {
    text: String,
    version: i32,
    markdown: bool,
    /// The last check, for hovers and code actions.
    result: Option<FileResult>,
    /// When an edit made since the last check is due to be checked.
    due: Option<Instant>,
}

struct Server {
    connection: Connection,
    options: ClientOptions,
    root: Option<PathBuf>,
    workspace: Workspace,
    debounce: Duration,
    docs: HashMap<Uri, Open>,
    /// Config and reference files with diagnostics published, to clear
    /// once they are fixed.
    problem_files: Vec<Uri>,
}

impl Server {
    fn run(&mut self) -> Result<(), LspError> {
        loop {
            let due = self.docs.values().filter_map(|d| d.due).min();
            let message = match due {
                None => match self.connection.receiver.recv() {
                    Ok(message) => message,
                    Err(_) => return Ok(()),
                },
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(message) => message,
                        Err(err) if err.is_timeout() => {
                            self.check_due()?;
                            continue;
                        }
                        Err(_) => return Ok(()),
                    }
                }
            };
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    self.request(request)?;
                }
                Message::Notification(notification) => {
                    if notification.method == "exit" {
                        return Ok(());
                    }
                    self.notification(notification)?;
                }
                // Answers to our `client/registerCapability`.
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: impl Into<Message>) -> Result<(), LspError> {
        self.connection
            .sender
            .send(message.into())
            .map_err(|_| LspError::Protocol("the client went away".to_string()))
    }

    fn notify<N: lsp_types::notification::Notification>(
        &self,
        params: N::Params,
    ) -> Result<(), LspError> {
        self.send(Notification::new(N::METHOD.to_string(), params))
    }

    fn publish(
        &self,
        uri: Uri,
        diagnostics: Vec<Diagnostic>,
        version: Option<i32>,
    ) -> Result<(), LspError> {
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        })
    }

    /// Asks the client to report changes to reference files and configs.
    fn watch(&self) -> Result<(), LspError> {
        let watchers = ["**/*.{yaml,yml}", "**/factcheck.toml"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.to_string()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "factcheck-watch".to_string(),
                method: DidChangeWatchedFiles::METHOD.to_string(),
                register_options: Some(serde_json::to_value(options)?),
            }],
        };
        self.send(Request::new(
            RequestId::from("factcheck-watch".to_string()),
            RegisterCapability::METHOD.to_string(),
            params,
        ))
    }

    /// Publishes the config's and reference files' problems in their
    /// files, and clears the files that have none left.
    fn publish_problems(&mut self) -> Result<(), LspError> {
        let mut files = Vec::new();
        for (path, problems) in features::by_file(&self.workspace.problems) {
            let path = Path::new(&path);
            let uri = path
                .is_file()
                .then(|| convert::uri(&std::path::absolute(path).unwrap_or(path.to_path_buf())))
                .flatten();
            match uri {
                Some(uri) => {
                    let diagnostics = features::problem_diagnostics(problems.into_iter());
                    self.publish(uri.clone(), diagnostics, None)?;
                    files.push(uri);
                }
                None => {
                    for problem in problems {
                        self.notify::<ShowMessage>(ShowMessageParams {
                            typ: MessageType::ERROR,
                            message: format!("factcheck: {problem}"),
                        })?;
                    }
                }
            }
        }
        for old in std::mem::take(&mut self.problem_files) {
            if !files.contains(&old) {
                self.publish(old, Vec::new(), None)?;
            }
        }
        self.problem_files = files;
        Ok(())
    }

    fn notification(&mut self, notification: Notification) -> Result<(), LspError> {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let params: DidOpenTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                let item = params.text_document;
                let Some(markdown) = article_kind(&item.uri, &item.language_id) else {
                    return Ok(());
                };
                self.docs.insert(
                    item.uri.clone(),
                    Open {
                        text: item.text,
                        version: item.version,
                        markdown,
                        result: None,
                        due: None,
                    },
                );
                self.check(&item.uri)?;
            }
            DidChangeTextDocument::METHOD => {
                let params: DidChangeTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                let Some(open) = self.docs.get_mut(&params.text_document.uri) else {
                    return Ok(());
                };
                for change in params.content_changes {
                    match change.range {
                        // Incremental edits, should a client send them.
                        Some(range) => {
                            let lines = crate::text::LineIndex::new(&open.text);
                            let start = convert::offset(&open.text, &lines, range.start);
                            let end = convert::offset(&open.text, &lines, range.end).max(start);
                            open.text.replace_range(start..end, &change.text);
                        }
                        None => open.text = change.text,
                    }
                }
                open.version = params.text_document.version;
                open.due = Some(Instant::now() + self.debounce);
            }
            DidCloseTextDocument::METHOD => {
                let params: DidCloseTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                if self.docs.remove(&params.text_document.uri).is_some() {
                    self.publish(params.text_document.uri, Vec::new(), None)?;
                }
            }
            DidChangeWatchedFiles::METHOD => {
                self.workspace = Workspace::load(self.root.as_deref(), &self.options);
                self.publish_problems()?;
                let uris: Vec<Uri> = self.docs.keys().cloned().collect();
                for uri in uris {
                    self.check(&uri)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn request(&mut self, request: Request) -> Result<(), LspError> {
        let id = request.id.clone();
        let response = match request.method.as_str() {
            HoverRequest::METHOD => {
                let params: HoverParams = serde_json::from_value(request.params)?;
                let at = params.text_document_position_params;
                let hover = self.result(&at.text_document.uri)?.and_then(|result| {
                    let doc = &result.doc;
                    let offset = convert::offset(&doc.text, &doc.lines, at.position);
                    features::hover(result, offset)
                });
                Response::new_ok(id, hover)
            }
            CodeActionRequest::METHOD => {
                let params: CodeActionParams = serde_json::from_value(request.params)?;
                let level = self.workspace.level();
                let uri = params.text_document.uri;
                let actions = self
                    .result(&uri)?
                    .map(|result| features::actions(result, &uri, params.range, level))
                    .unwrap_or_default();
                Response::new_ok(id, actions)
            }
            method => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("factcheck does not handle {method}"),
            ),
        };
        self.send(response)
    }

    /// The up-to-date check of an open document, checking it now when an
    /// edit is pending.
    fn result(&mut self, uri: &Uri) -> Result<Option<&FileResult>, LspError> {
        if self.docs.get(uri).is_some_and(|d| d.due.is_some()) {
            self.check(uri)?;
        }
        Ok(self.docs.get(uri).and_then(|d| d.result.as_ref()))
    }

    fn check_due(&mut self) -> Result<(), LspError> {
        let now = Instant::now();
        let due: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|due| due <= now))
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            self.check(&uri)?;
        }
        Ok(())
    }

    /// Runs the pipeline on an open document and publishes its diagnostics.
    fn check(&mut self, uri: &Uri) -> Result<(), LspError> {
        let Some(open) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        open.due = None;
        let origin = convert::path(uri).map_or(Origin::Stdin, Origin::File);
        let (result, diagnostics) =
            self.workspace
                .diagnose(origin, open.text.clone(), open.markdown);
        open.result = Some(result);
        let version = open.version;
        self.publish(uri.clone(), diagnostics, Some(version))
    }
}

/// Whether a document is an article, and if so whether Markdown: by the
/// client's language id, else by the file's extension.
fn article_kind(uri: &Uri, language_id: &str) -> Option<bool> {
    match language_id {
        "markdown" => return Some(true),
        "plaintext" | "text" => return Some(false),
        _ => {}
    }
    let path = convert::path(uri)?;
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    ARTICLE_EXTENSIONS
        .contains(&ext.as_str())
        .then_some(ext != "txt")
}
