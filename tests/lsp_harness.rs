//! A scripted LSP client for in-process protocol tests: JSON-RPC over `tokio::io::duplex` to
//! `cablelint::lsp::serve`, and the message framing (`Content-Length` headers) that the process
//! tests and the `lsp` benchmark share with it. Included by the `lsp_*` test files and
//! `benches/lsp.rs` with `#[path]`; it has no tests of its own.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::BufRead;
use std::time::Duration;

use cablelint::lsp::{serve, ServeOptions, ServeOutcome};
use serde_json::{json, Value};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, WriteHalf,
};
use tokio::sync::mpsc;

/// How the client presents itself.
#[derive(Clone)]
pub struct Setup {
    pub encodings: Vec<&'static str>,
    pub pull: bool,
    pub configuration: bool,
    pub watch_dynamic: bool,
    pub diagnostic_refresh: bool,
    /// `workspace.codeLens.refreshSupport`.
    pub code_lens_refresh: bool,
    pub init_options: Value,
    pub folders: Vec<String>,
    pub hooks: bool,
    /// Whether the client takes snippets in completion items.
    pub snippets: bool,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            encodings: vec!["utf-16"],
            pull: false,
            configuration: false,
            watch_dynamic: false,
            diagnostic_refresh: false,
            code_lens_refresh: false,
            init_options: Value::Null,
            folders: Vec::new(),
            hooks: false,
            snippets: false,
        }
    }
}

pub struct TestClient {
    to_server: WriteHalf<DuplexStream>,
    from_server: mpsc::UnboundedReceiver<Value>,
    next_id: i64,
    queue: VecDeque<Value>,
    /// Requests the server sent to the client, in order.
    pub server_requests: Vec<Value>,
    /// The answer to each item of a `workspace/configuration` request.
    pub config_answer: Value,
    pub initialize_result: Value,
    server: Option<tokio::task::JoinHandle<ServeOutcome>>,
}

pub const TIMEOUT: Duration = Duration::from_secs(10);

/// One message framed for the wire: a `Content-Length` header, a blank line and the JSON body.
pub fn frame(msg: &Value) -> String {
    let body = msg.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

/// Reads one header line into `len` when it is `Content-Length`; false at the blank line that
/// ends the headers.
fn header_line(line: &str, len: &mut Option<usize>) -> bool {
    let line = line.trim_end();
    if let Some(v) = line.strip_prefix("Content-Length: ") {
        *len = v.parse::<usize>().ok();
    }
    !line.is_empty()
}

/// The JSON body of a message read off the wire; panics when it is not JSON.
fn body_json(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("the server sends JSON")
}

/// The next message from a blocking reader: `None` at the end of the input, when the headers name
/// no length, or when the body is cut short.
pub fn read_message_blocking(reader: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return None;
        }
        if !header_line(&line, &mut len) {
            break;
        }
    }
    let mut body = vec![0u8; len?];
    reader.read_exact(&mut body).ok()?;
    Some(body_json(&body))
}

/// The next message from an async reader, with the same framing and the same `None` cases as
/// [`read_message_blocking`].
pub async fn read_message(reader: &mut (impl AsyncBufRead + Unpin)) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
            return None;
        }
        if !header_line(&line, &mut len) {
            break;
        }
    }
    let mut body = vec![0u8; len?];
    reader.read_exact(&mut body).await.ok()?;
    Some(body_json(&body))
}

/// Forwards every message from `reader` to `tx` until the input ends or `tx` is closed.
pub async fn forward_messages(
    mut reader: impl AsyncBufRead + Unpin,
    tx: mpsc::UnboundedSender<Value>,
) {
    while let Some(msg) = read_message(&mut reader).await {
        if tx.send(msg).is_err() {
            return;
        }
    }
}

impl TestClient {
    /// Starts a server in-process, sends `initialize` and `initialized`.
    pub async fn start(setup: Setup) -> TestClient {
        let (client_end, server_end) = tokio::io::duplex(1 << 22);
        let (sr, sw) = tokio::io::split(server_end);
        let server = tokio::spawn(serve(
            sr,
            sw,
            ServeOptions {
                test_hooks: setup.hooks,
            },
        ));
        let (cr, cw) = tokio::io::split(client_end);
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(forward_messages(BufReader::new(cr), tx));
        let mut c = TestClient {
            to_server: cw,
            from_server: rx,
            next_id: 1,
            queue: VecDeque::new(),
            server_requests: Vec::new(),
            config_answer: Value::Null,
            initialize_result: Value::Null,
            server: Some(server),
        };
        let mut text_document = json!({
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
            "completion": {"completionItem": {"snippetSupport": setup.snippets}},
        });
        if setup.pull {
            text_document["diagnostic"] =
                json!({"dynamicRegistration": false, "relatedDocumentSupport": false});
        }
        let folders: Vec<Value> = setup
            .folders
            .iter()
            .map(|f| json!({"uri": f, "name": f.rsplit('/').next().unwrap_or("root")}))
            .collect();
        let params = json!({
            "processId": null,
            "rootUri": setup.folders.first(),
            "capabilities": {
                "general": {"positionEncodings": setup.encodings},
                "textDocument": text_document,
                "workspace": {
                    "configuration": setup.configuration,
                    "workspaceFolders": true,
                    "didChangeWatchedFiles": {"dynamicRegistration": setup.watch_dynamic},
                    "diagnostics": {"refreshSupport": setup.diagnostic_refresh},
                    "codeLens": {"refreshSupport": setup.code_lens_refresh},
                },
            },
            "initializationOptions": setup.init_options,
            "workspaceFolders": if folders.is_empty() { Value::Null } else { Value::Array(folders) },
        });
        let result = c.request("initialize", params).await;
        c.initialize_result = result["result"].clone();
        c.notify("initialized", json!({})).await;
        c
    }

    pub async fn send(&mut self, msg: Value) {
        self.send_raw(&frame(&msg)).await;
    }

    pub async fn send_raw(&mut self, raw: &str) {
        self.to_server
            .write_all(raw.as_bytes())
            .await
            .expect("server input open");
        self.to_server.flush().await.unwrap();
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Sends a request and waits for its response (the whole message, with `result` or `error`).
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let msg = self
                .recv_until(deadline)
                .await
                .unwrap_or_else(|| panic!("no response to {method} within {TIMEOUT:?}"));
            if msg.get("method").is_none() && msg["id"] == json!(id) {
                return msg;
            }
            if msg.get("method").is_some() {
                self.queue.push_back(msg);
            }
        }
    }

    /// The result of a request, failing the test on an error response.
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        let r = self.request(method, params).await;
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    /// The next message from the server, answering the server's own requests on the way.
    async fn recv_until(&mut self, deadline: tokio::time::Instant) -> Option<Value> {
        loop {
            let msg = tokio::time::timeout_at(deadline, self.from_server.recv())
                .await
                .ok()??;
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let result = match msg["method"].as_str() {
                    Some("workspace/configuration") => {
                        let n = msg["params"]["items"].as_array().map_or(0, |a| a.len());
                        Value::Array(vec![self.config_answer.clone(); n])
                    }
                    _ => Value::Null,
                };
                let reply = json!({"jsonrpc": "2.0", "id": msg["id"], "result": result});
                self.server_requests.push(msg);
                self.send(reply).await;
                continue;
            }
            return Some(msg);
        }
    }

    /// The next response with this id within `wait` (notifications stay queued; other responses
    /// are dropped).
    pub async fn response(&mut self, id: Value, wait: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let msg = self.recv_until(deadline).await?;
            if msg.get("method").is_some() {
                self.queue.push_back(msg);
            } else if msg["id"] == id {
                return Some(msg);
            }
        }
    }

    /// The next notification with this method within `wait` (others stay queued).
    pub async fn notification(&mut self, method: &str, wait: Duration) -> Option<Value> {
        if let Some(i) = self.queue.iter().position(|m| m["method"] == method) {
            return self.queue.remove(i);
        }
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let msg = self.recv_until(deadline).await?;
            if msg["method"] == method {
                return Some(msg);
            }
            if msg.get("method").is_some() {
                self.queue.push_back(msg);
            }
        }
    }

    /// Waits for a publication for `uri` whose version is `version` (skipping older ones).
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let msg = self
                .notification("textDocument/publishDiagnostics", left)
                .await
                .unwrap_or_else(|| panic!("no diagnostics for {uri} version {version}"));
            let p = &msg["params"];
            if p["uri"] == uri && p["version"] == json!(version) {
                return p["diagnostics"].as_array().cloned().unwrap_or_default();
            }
        }
    }

    /// Every publication received for `uri` within `wait`.
    pub async fn publications(&mut self, uri: &str, wait: Duration) -> Vec<Value> {
        let mut out = Vec::new();
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                return out;
            }
            match self
                .notification("textDocument/publishDiagnostics", left)
                .await
            {
                Some(m) if m["params"]["uri"] == uri => out.push(m["params"].clone()),
                Some(_) => {}
                None => return out,
            }
        }
    }

    pub async fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "cable", "version": version, "text": text}}),
        )
        .await;
    }

    pub async fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        )
        .await;
    }

    /// `shutdown`, then `exit`; returns how the server ended.
    pub async fn stop(mut self) -> ServeOutcome {
        self.call("shutdown", Value::Null).await;
        self.exit().await
    }

    /// `exit` alone; returns how the server ended.
    pub async fn exit(mut self) -> ServeOutcome {
        self.notify("exit", Value::Null).await;
        let server = self.server.take().unwrap();
        tokio::time::timeout(TIMEOUT, server)
            .await
            .expect("the server ends promptly after exit")
            .expect("the server task does not panic")
    }
}

/// A position.
pub fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

/// A range change.
pub fn edit(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> Value {
    json!({"range": {"start": pos(sl, sc), "end": pos(el, ec)}, "text": text})
}

/// The codes of a list of diagnostics.
pub fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The zero-based line and UTF-16/UTF-8 column of `needle`'s first occurrence.
pub fn find(text: &str, needle: &str, utf8: bool) -> (u32, u32) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() as u32;
    let col = if utf8 {
        (at - line_start) as u32
    } else {
        text[line_start..at].encode_utf16().count() as u32
    };
    (line, col)
}

pub const OSLO: &str = include_str!("lsp_fixtures/oslo.cable");

/// Applies LSP text edits (JSON, positions in `unit`) to a text; a position past its line's end
/// fails the test.
pub fn apply_lsp_edits(text: &str, edits: &[Value], unit: cablelint::syntax::ColumnUnit) -> String {
    let index = cablelint::syntax::LineIndex::new(text);
    let offset = |p: &Value| {
        let lc = cablelint::syntax::LineCol {
            line: p["line"].as_u64().unwrap() as u32,
            col: p["character"].as_u64().unwrap() as u32,
        };
        let (at, clamped) = index.offset(text, lc, unit);
        assert!(!clamped, "{p}");
        at
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort();
    let mut out = text.to_string();
    for (s, e, t) in spans.into_iter().rev() {
        out.replace_range(s..e, t);
    }
    out
}
