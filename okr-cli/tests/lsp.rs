//! `okr lsp` driven over standard input and output as an editor drives it: the
//! handshake, diagnostics on open and on change, hover with scores and with a rule's
//! documentation, a quick fix, and shutdown.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Client {
    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("writes");
        self.stdin.flush().expect("flushes");
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut header = String::new();
            self.stdout.read_line(&mut header).expect("reads a header");
            assert!(!header.is_empty(), "the server closed its output");
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some(n) = header.strip_prefix("Content-Length: ") {
                length = n.parse().expect("a length");
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).expect("reads the body");
        serde_json::from_slice(&body).expect("JSON")
    }

    /// The next message that `wanted` accepts; others (log messages) are skipped.
    fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self.receive();
            if wanted(&message) {
                return message;
            }
        }
    }

    fn diagnostics(&mut self) -> Vec<Value> {
        let note = self.until(|m| m["method"] == "textDocument/publishDiagnostics");
        note["params"]["diagnostics"]
            .as_array()
            .expect("a list")
            .clone()
    }

    fn request(&mut self, id: u64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.until(|m| m["id"] == id)
    }
}

#[test]
fn an_editor_gets_diagnostics_hovers_and_fixes() {
    let plan = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/acme.yaml")
        .canonicalize()
        .expect("the example");
    let uri = format!("file://{}", plan.display());
    let text = std::fs::read_to_string(&plan).expect("the example");

    let mut child = Command::new(env!("CARGO_BIN_EXE_okr"))
        .args(["lsp", "--as-of", "2026-11-15"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("okr lsp starts");
    let pid = child.id();
    // A server that stops answering fails the test rather than hanging it.
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(60));
        let _ = Command::new("kill").arg(pid.to_string()).status();
    });
    let mut client = Client {
        stdin: child.stdin.take().expect("stdin"),
        stdout: BufReader::new(child.stdout.take().expect("stdout")),
    };

    let init = client.request(1, "initialize", json!({"capabilities": {}}));
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["hoverProvider"], true, "{init}");
    assert_eq!(caps["textDocumentSync"], 1, "full sync: {init}");
    client.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));

    // Open: the example's lint findings, placed as the editor counts.
    client.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}),
    );
    let found = client.diagnostics();
    let activity = found
        .iter()
        .find(|d| d["code"] == "OKR202")
        .expect("the activity key result is found");
    assert_eq!(activity["severity"], 2, "a warning: {activity}");
    assert_eq!(
        activity["range"]["start"],
        json!({"line": 319, "character": 8})
    );
    assert!(
        activity["message"]
            .as_str()
            .unwrap_or("")
            .contains("pricing-page")
    );

    // Hover on a key result: its score, from the check-ins log beside the plan.
    let arr_line = text
        .lines()
        .position(|l| l.trim() == "- id: arr")
        .expect("the arr key result") as u64;
    let hover = client.request(
        2,
        "textDocument/hover",
        json!({
        "textDocument": {"uri": uri}, "position": {"line": arr_line + 1, "character": 12}}),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    assert!(shown.contains("Key result `arr`"), "{hover}");
    assert!(
        shown.contains("progress") && !shown.contains("progress –"),
        "{shown}"
    );

    // Hover on a finding: its rule's documentation.
    let hover = client.request(
        3,
        "textDocument/hover",
        json!({
        "textDocument": {"uri": uri}, "position": {"line": 319, "character": 10}}),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    assert!(shown.contains("OKR202 activity-key-result"), "{shown}");

    // Change: the plan loses its schema_version; the problem is published, and fixed.
    let broken = text.replacen("schema_version: 1\n", "", 1);
    client.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": broken}]}}),
    );
    let found = client.diagnostics();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["code"], "schema");
    assert_eq!(found[0]["severity"], 1);
    let actions = client.request(
        4,
        "textDocument/codeAction",
        json!({
        "textDocument": {"uri": uri},
        "range": found[0]["range"], "context": {"diagnostics": found}}),
    );
    let action = &actions["result"][0];
    assert_eq!(action["kind"], "quickfix", "{actions}");
    let edit = &action["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "schema_version: 1\n");
    assert_eq!(edit["range"]["start"], json!({"line": 0, "character": 0}));

    // Close: the diagnostics are cleared. Then shut down and exit cleanly.
    client.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {
        "textDocument": {"uri": uri}}}),
    );
    assert!(client.diagnostics().is_empty());
    let down = client.request(5, "shutdown", Value::Null);
    assert!(down.get("error").is_none(), "{down}");
    client.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    drop(client);
    let status = child.wait().expect("okr lsp exits");
    assert!(status.success(), "{status}");
}
