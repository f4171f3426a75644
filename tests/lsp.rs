//! `factcheck lsp` driven by a scripted client that speaks JSON-RPC with
//! Content-Length framing over the binary's stdin and stdout, as an
//! editor does.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long any one answer may take (a debug build, a busy machine).
const PATIENCE: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(workspace: &Path, options: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .arg("lsp")
            .current_dir(workspace)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("factcheck lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 1,
        };
        let root = uri(workspace);
        let answer = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "workspaceFolders": [{ "uri": root, "name": "news" }],
                "capabilities": {
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
                },
                "initializationOptions": options,
            }),
        );
        assert_eq!(answer["result"]["serverInfo"]["name"], "factcheck");
        assert_eq!(answer["result"]["capabilities"]["textDocumentSync"], 1);
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The next message `wanted` accepts; the server's own requests
    /// (`client/registerCapability`) are answered on the way.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(PATIENCE)
                .expect("the server answers in time");
            if wanted(&message) {
                return message;
            }
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
            }
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let message = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn shutdown(mut self) {
        let answer = self.request("shutdown", Value::Null);
        assert!(answer.get("error").is_none(), "{answer}");
        self.notify("exit", Value::Null);
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "lsp exited with {status}");
                return;
            }
            assert!(std::time::Instant::now() < deadline, "lsp did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    let mut text = String::from("file://");
    for byte in path.to_str().unwrap().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            text.push(char::from(byte));
        } else {
            text.push_str(&format!("%{byte:02X}"));
        }
    }
    text
}

/// A workspace with the example reference file under `claims/`.
fn workspace(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims/dprk-kursk.yaml");
    std::fs::copy(example, claims.join("dprk-kursk.yaml")).unwrap();
    std::fs::write(dir.path().join("factcheck.toml"), config).unwrap();
    dir
}

const FRONT: &str = "---\ndate: 2025-08-15\nlang: it\n---\n";

fn draft(figure: &str) -> String {
    format!(
        "{FRONT}È così: 🚀 Pyongyang ha inviato {figure} soldati in Russia, secondo l'intelligence sudcoreana.\n"
    )
}

#[test]
fn a_wrong_figure_is_diagnosed_at_its_utf16_range_and_cleared_when_fixed() {
    let dir = workspace("refs = [\"claims\"]\n");
    let root = dir.path().canonicalize().unwrap();
    let mut client = Client::start(&root, json!({ "debounceMs": 50 }));
    let article = uri(&root.join("draft.md"));
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": article, "languageId": "markdown", "version": 1, "text": draft("20.000"),
        }}),
    );
    let diagnostics = client.diagnostics(&article);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    // "È così: 🚀 Pyongyang ha inviato " is 31 characters, 32 UTF-16
    // units: the rocket takes two.
    assert_eq!(
        d["range"],
        json!({ "start": { "line": 4, "character": 32 }, "end": { "line": 4, "character": 46 } })
    );
    assert_eq!(d["code"], "contradicted");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "factcheck");
    assert!(d["message"].as_str().unwrap().contains("11.000"), "{d:#}");
    let related = d["relatedInformation"].as_array().unwrap();
    let yaml = uri(&root.join("claims/dprk-kursk.yaml"));
    assert_eq!(related[0]["location"]["uri"], yaml);
    let text = std::fs::read_to_string(root.join("claims/dprk-kursk.yaml")).unwrap();
    let id_line = text
        .lines()
        .position(|l| l.contains("id: dprk-troops-sent"))
        .unwrap();
    assert_eq!(related[0]["location"]["range"]["start"]["line"], id_line);
    assert!(
        related[0]["message"]
            .as_str()
            .unwrap()
            .contains("dprk-troops-sent")
    );

    // Hover on the claim: its value and the sources' figures.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": article }, "position": { "line": 4, "character": 35 } }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("20.000") && shown.contains("11.000–12.000"),
        "{shown}"
    );

    // The code action inserts the suppression comment above the line.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": article },
            "range": d["range"],
            "context": { "diagnostics": [d] },
        }),
    );
    let edit = &actions["result"][0]["edit"]["changes"][&article][0];
    assert_eq!(
        edit["newText"],
        "<!-- factcheck-disable-next-line dprk-troops-sent -->\n"
    );
    assert_eq!(edit["range"]["start"], json!({ "line": 4, "character": 0 }));

    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": article, "version": 2 },
            "contentChanges": [{ "text": draft("11.000") }],
        }),
    );
    assert_eq!(client.diagnostics(&article), Vec::<Value>::new());
    client.shutdown();
}

#[test]
fn a_broken_reference_file_is_diagnosed_in_place_and_reloaded_when_fixed() {
    let dir = workspace("");
    let root = dir.path().canonicalize().unwrap();
    let bad = root.join("claims/bad.yaml");
    std::fs::write(&bad, "facts:\n  - id: broken\n    kind: nonsense\n").unwrap();
    let mut client = Client::start(&root, json!({}));
    let bad_uri = uri(&bad);
    let problems = client.diagnostics(&bad_uri);
    assert!(!problems.is_empty());
    assert_eq!(problems[0]["severity"], 1);
    // The valid file still loads: a wrong figure is still found.
    let article = uri(&root.join("draft.md"));
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": article, "languageId": "markdown", "version": 1, "text": draft("20.000"),
        }}),
    );
    assert_eq!(client.diagnostics(&article).len(), 1);
    // Fixed and reported changed: its diagnostics are cleared.
    std::fs::remove_file(&bad).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": bad_uri, "type": 3 }] }),
    );
    assert_eq!(client.diagnostics(&bad_uri), Vec::<Value>::new());
    client.shutdown();
}

#[test]
fn the_level_comes_from_the_config() {
    let dir = workspace("[lsp]\nlevel = \"consistent\"\n");
    let root = dir.path().canonicalize().unwrap();
    let mut client = Client::start(&root, json!({}));
    let article = uri(&root.join("draft.txt"));
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": article, "languageId": "plaintext", "version": 1, "text": draft("11.000"),
        }}),
    );
    let diagnostics = client.diagnostics(&article);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "consistent");
    client.shutdown();
}
