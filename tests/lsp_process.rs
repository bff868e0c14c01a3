//! The real binary, `cablelint lsp`, as an editor runs it: over pipes, with stdin held open after
//! `exit`, and with its log on stderr. The stall and desync transcripts print their answer times
//! (`cargo test --test lsp_process -- --nocapture`).

// The transcripts print their timings.
#![allow(clippy::print_stdout)]

#[path = "lsp_harness.rs"]
mod harness;

use std::io::{BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use harness::{frame, read_message_blocking, OSLO};
use serde_json::{json, Value};

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    stderr: std::thread::JoinHandle<String>,
    /// Every `window/logMessage` seen so far, as `(type, message)`.
    logs: Vec<(i64, String)>,
    /// The ids of every response seen so far, wanted or dropped.
    answered: Vec<Value>,
}

fn spawn(env: &[(&str, &str)], args: &[&str]) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cablelint"));
    cmd.arg("lsp")
        .args(args)
        .env_remove("CABLELINT_LOG")
        .env_remove("CABLELINT_TEST_HOOKS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("cablelint lsp starts");
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        while let Some(msg) = read_message_blocking(&mut r) {
            if tx.send(msg).is_err() {
                return;
            }
        }
    });
    let stderr = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    Server {
        child,
        stdin,
        messages: rx,
        stderr,
        logs: Vec::new(),
        answered: Vec::new(),
    }
}

impl Server {
    fn send(&mut self, msg: Value) {
        self.stdin.write_all(frame(&msg).as_bytes()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The first message within 10 s that `wanted` accepts (the others are dropped); fails the
    /// test with `missing` when none comes.
    fn next_where(&mut self, missing: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("{missing}"));
            if msg["method"] == "window/logMessage" {
                self.logs.push((
                    msg["params"]["type"].as_i64().unwrap_or(0),
                    msg["params"]["message"].as_str().unwrap_or("").to_string(),
                ));
            }
            if msg.get("method").is_none() {
                if let Some(id) = msg.get("id") {
                    self.answered.push(id.clone());
                }
            }
            if wanted(&msg) {
                return msg;
            }
        }
    }

    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.next_where(&format!("no answer to {method}"), |msg| {
            msg.get("method").is_none() && msg["id"] == json!(id)
        })
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Opens a document at version 1.
    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "cable", "version": 1, "text": text}}),
        );
    }

    fn wait_for(&mut self, method: &str) -> Value {
        self.next_where(&format!("no {method}"), |msg| msg["method"] == method)
    }

    fn initialize(&mut self, trace: &str) {
        self.initialize_with(trace, json!({}));
    }

    /// `initialize` with the client's capabilities, then `initialized`.
    fn initialize_with(&mut self, trace: &str, capabilities: Value) {
        let r = self.request(
            1,
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities, "trace": trace}),
        );
        assert!(r["result"]["capabilities"].is_object(), "{r}");
        self.notify("initialized", json!({}));
    }

    /// Waits for the process to end, keeping stdin open; returns the status and how long it took.
    fn wait_exit(&mut self) -> (ExitStatus, Duration) {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status, started.elapsed());
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                panic!("the server did not exit within 10 s of `exit` with stdin open");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn stderr(self) -> String {
        drop(self.stdin);
        self.stderr.join().unwrap()
    }
}

#[test]
fn shutdown_then_exit_with_stdin_open_exits_0_promptly() {
    let mut s = spawn(&[], &[]);
    s.initialize("off");
    s.open("file:///nonexistent/a.cable", OSLO);
    let d = s.wait_for("textDocument/publishDiagnostics");
    assert_eq!(d["params"]["version"], 1);
    let r = s.request(2, "shutdown", Value::Null);
    assert!(r.get("error").is_none(), "{r}");
    s.notify("exit", Value::Null);
    // stdin stays open here: the server must not wait for its end.
    let (status, took) = s.wait_exit();
    assert_eq!(status.code(), Some(0), "exit after shutdown is status 0");
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

/// A client that never answers the server's own `workspace/configuration` request (or its
/// `client/registerCapability`) still ends the session with `exit`, and with the end of its input.
#[test]
fn exit_ends_the_session_while_a_request_to_the_client_is_unanswered() {
    let capabilities = json!({"workspace": {"configuration": true,
        "didChangeWatchedFiles": {"dynamicRegistration": true}}});
    for end_of_input in [false, true] {
        let mut s = spawn(&[], &[]);
        s.initialize_with("off", capabilities.clone());
        // The first request the server sends the client (it waits for that answer before the
        // next), left unanswered.
        s.next_where("no request from the server", |m| {
            m.get("id").is_some() && m.get("method").is_some()
        });
        if end_of_input {
            let Server {
                mut child, stdin, ..
            } = s;
            drop(stdin);
            let started = Instant::now();
            while child.try_wait().unwrap().is_none() {
                assert!(
                    started.elapsed() < Duration::from_secs(5),
                    "still running after stdin closed with a request unanswered"
                );
                std::thread::sleep(Duration::from_millis(10));
            }
            continue;
        }
        let r = s.request(2, "shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        s.notify("exit", Value::Null);
        let (status, took) = s.wait_exit();
        assert_eq!(status.code(), Some(0));
        assert!(took < Duration::from_secs(2), "took {took:?}");
    }
}

/// Requests for methods the server does not have get `-32601`, `$/` requests included; `$/`
/// notifications are ignored and the session goes on.
#[test]
fn unknown_methods_get_method_not_found() {
    let mut s = spawn(&[], &[]);
    s.initialize("off");
    for (id, method) in [(2, "cablelint/noSuchThing"), (3, "$/noSuchRequest")] {
        let r = s.request(id, method, json!({}));
        assert_eq!(r["error"]["code"], -32601, "{method}: {r}");
    }
    s.notify("$/noSuchNotification", json!({}));
    s.open("file:///nonexistent/a.cable", OSLO);
    let d = s.wait_for("textDocument/publishDiagnostics");
    assert_eq!(d["params"]["version"], 1);
}

/// Hover is Markdown for a client that takes it and plain text for one that lists only
/// `plaintext` (no `**` or backticks left).
#[test]
fn hover_honours_the_clients_content_format() {
    for (formats, kind) in [
        (json!(["markdown", "plaintext"]), "markdown"),
        (json!(["plaintext"]), "plaintext"),
    ] {
        let mut s = spawn(&[], &[]);
        s.initialize_with(
            "off",
            json!({"textDocument": {"hover": {"contentFormat": formats}}}),
        );
        s.open("file:///nonexistent/a.cable", OSLO);
        s.wait_for("textDocument/publishDiagnostics");
        let line = OSLO.lines().position(|l| l.starts_with("TAGS:")).unwrap();
        let r = s.request(
            2,
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///nonexistent/a.cable"},
                   "position": {"line": line, "character": 7}}),
        );
        let contents = &r["result"]["contents"];
        assert_eq!(contents["kind"], kind, "{r}");
        let value = contents["value"].as_str().unwrap();
        assert!(!value.is_empty(), "{r}");
        if kind == "plaintext" {
            assert!(!value.contains("**") && !value.contains('`'), "{value}");
        } else {
            assert!(value.contains("**"), "{value}");
        }
    }
}

#[test]
fn the_binary_serves_inlay_hints_and_code_lens() {
    let mut s = spawn(&[], &[]);
    s.initialize("off");
    let uri = "file:///nonexistent/a.cable";
    s.open(uri, OSLO);
    s.wait_for("textDocument/publishDiagnostics");
    let dtg_line = OSLO.lines().position(|l| l.starts_with("P 1409")).unwrap();
    let r = s.request(
        2,
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": dtg_line, "character": 0},
                         "end": {"line": dtg_line + 1, "character": 0}}}),
    );
    assert_eq!(
        r["result"],
        json!([{"position": {"line": dtg_line, "character": 16},
                "label": "Fri 14 Mar 2008 09:30 UTC",
                "tooltip": "Date-time group: Friday 14 March 2008, 09:30 UTC.",
                "paddingLeft": true}]),
        "{r}"
    );
    let banner = OSLO.lines().position(|l| l.starts_with("C O N F")).unwrap();
    let r = s.request(
        3,
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri}}),
    );
    let lenses = r["result"].as_array().expect("lenses");
    assert_eq!(lenses[0]["command"]["title"], "section 1 of 2", "{r}");
    assert_eq!(lenses[0]["range"]["start"]["line"], banner, "{r}");
    assert_eq!(
        lenses[1]["command"]["title"], "cited by no open cable",
        "{r}"
    );
    s.request(4, "shutdown", json!(null));
    s.notify("exit", json!(null));
    let (status, _) = s.wait_exit();
    assert!(status.success());
}

#[test]
fn exit_without_shutdown_exits_1() {
    let mut s = spawn(&[], &[]);
    s.initialize("off");
    s.notify("exit", Value::Null);
    let (status, took) = s.wait_exit();
    assert_eq!(status.code(), Some(1));
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn the_end_of_stdin_ends_the_server() {
    let mut s = spawn(&[], &[]);
    s.initialize("off");
    let Server {
        mut child, stdin, ..
    } = s;
    drop(stdin);
    let started = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still running after stdin closed"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(1), "no shutdown came");
}

/// Opens, edits and queries a document holding `secret`, then ends the session; returns the
/// `window/logMessage` lines, one `type N: message` a line, and what came on stderr.
fn session_log(env: &[(&str, &str)], args: &[&str], trace: &str, secret: &str) -> (String, String) {
    let mut s = spawn(env, args);
    s.initialize(if trace == "setTrace" { "off" } else { trace });
    if trace == "setTrace" {
        s.notify("$/setTrace", json!({"value": "verbose"}));
    }
    let uri = "file:///nonexistent/secret.cable";
    let text = OSLO.replace("Lofoten islands", secret);
    s.open(uri, &text);
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 30, "character": 0}, "end": {"line": 30, "character": 0}}, "text": secret}
        ]}),
    );
    s.wait_for("textDocument/publishDiagnostics");
    let pos = json!({"textDocument": {"uri": uri}, "position": {"line": 25, "character": 10}});
    s.request(2, "textDocument/hover", pos.clone());
    s.request(3, "textDocument/completion", pos);
    // A position past the end, which is logged as a warning.
    s.request(
        4,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 400}}),
    );
    s.request(5, "shutdown", Value::Null);
    s.notify("exit", Value::Null);
    let (status, _) = s.wait_exit();
    assert_eq!(status.code(), Some(0));
    // The rest of the output, up to its end.
    while let Ok(msg) = s.messages.recv_timeout(Duration::from_secs(5)) {
        if msg["method"] == "window/logMessage" {
            s.logs.push((
                msg["params"]["type"].as_i64().unwrap_or(0),
                msg["params"]["message"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    let logs = s
        .logs
        .iter()
        .map(|(t, m)| format!("type {t}: {m}\n"))
        .collect();
    (logs, s.stderr())
}

#[test]
fn the_default_log_holds_no_document_text() {
    let secret = "QUOKKA ZEBRA PARLEY";
    for trace in ["off", "verbose", "setTrace"] {
        let (log, stderr) = session_log(&[], &[], trace, secret);
        let log = log + &stderr;
        assert!(
            log.contains("didOpen") && log.contains("clamped"),
            "the log says what happened:\n{log}"
        );
        assert!(
            !log.contains(secret),
            "document text in the log (trace {trace}):\n{log}"
        );
        assert!(
            !log.contains("Lofoten") && !log.contains("MINISTRY OUTLINES"),
            "document text in the log:\n{log}"
        );
        // The client's trace setting sets the level: `verbose` adds debug lines.
        assert_eq!(log.contains("type 5: "), trace != "off", "{log}");
    }
    // The test can fail: asked for explicitly, the text is logged.
    let (log, _) = session_log(
        &[("CABLELINT_LOG", "info,cablelint::doctext=trace")],
        &[],
        "off",
        secret,
    );
    assert!(log.contains(secret), "{log}");
}

/// The log reaches the client as `window/logMessage` with the type of each line's level (VS Code
/// shows a server's stderr as errors): information as info (3), the clamped position as a warning
/// (2), debug lines as debug (5); stderr stays quiet during the session, and a line logged before
/// `initialize` comes once the client is initialized.
#[test]
fn the_log_reaches_the_client_at_its_level() {
    let (log, stderr) = session_log(&[], &[], "verbose", "WALRUS");
    let line = |needle: &str| {
        log.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` in the log:\n{log}"))
            .to_string()
    };
    assert!(line("didOpen").starts_with("type 3: "), "{log}");
    assert!(line("clamped").starts_with("type 2: "), "{log}");
    assert!(
        line("language server starting").starts_with("type 3: "),
        "{log}"
    );
    assert!(log.lines().any(|l| l.starts_with("type 5: ")), "{log}");
    assert!(
        !stderr.contains("INFO") && !stderr.contains("WARN") && !stderr.contains("DEBUG"),
        "the session's log on stderr:\n{stderr}"
    );
    // A session with no client to send to writes its log to stderr.
    let mut s = spawn(&[], &[]);
    s.notify("exit", Value::Null);
    let (status, _) = s.wait_exit();
    assert_eq!(status.code(), Some(1));
    let stderr = s.stderr();
    assert!(
        stderr.contains("INFO") && stderr.contains("starting"),
        "{stderr}"
    );
}

#[test]
fn the_log_file_gets_the_log_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.log");
    let secret = "WOMBAT CONCORDAT";
    let _ = session_log(&[], &["--log-file", path.to_str().unwrap()], "off", secret);
    let log = std::fs::read_to_string(&path).expect("the log file exists");
    assert!(log.contains("didOpen") && log.contains("shutdown"), "{log}");
    assert!(!log.contains(secret), "{log}");
}

impl Server {
    /// Writes raw bytes to the server.
    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Sends a message in a frame whose `Content-Length` is off by `delta` bytes.
    fn send_misframed(&mut self, msg: &Value, delta: isize) {
        let body = msg.to_string();
        let len = body.len().checked_add_signed(delta).unwrap();
        self.send_raw(format!("Content-Length: {len}\r\n\r\n{body}").as_bytes());
    }

    /// Sends a request and returns its answer with the time it took.
    fn timed_request(&mut self, id: i64, method: &str, params: Value) -> (Value, Duration) {
        let started = Instant::now();
        let answer = self.request(id, method, params);
        (answer, started.elapsed())
    }
}

/// A cable whose TAGS line holds `n` tags in link markup after a non-ASCII character: slow to
/// analyse when `n` is large, and full of findings on one line.
fn slow_cable(n: usize) -> String {
    OSLO.lines()
        .map(|l| {
            if l.starts_with("TAGS:") {
                format!("TAGS: é{}", " [[PREL]]".repeat(n))
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Held by the tests that time answers, so that one's slow documents do not slow the other's.
fn timing_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

fn hover_params(uri: &str) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
}

#[test]
fn a_frame_with_a_wrong_length_or_header_leaves_the_session_answering() {
    let _alone = timing_lock();
    let mut s = spawn(&[], &[]);
    s.initialize("off");
    s.open("file:///tmp/oslo.cable", OSLO);
    // The analysis is made; what is timed is the transport.
    s.wait_for("textDocument/publishDiagnostics");
    let bad = json!({"jsonrpc": "2.0", "method": "cablelint/noSuchNotification", "params": {}});
    for (k, delta) in [-1isize, 1, -6, 9].into_iter().enumerate() {
        s.send_misframed(&bad, delta);
        let (answer, took) = s.timed_request(
            10 + k as i64,
            "textDocument/hover",
            hover_params("file:///tmp/oslo.cable"),
        );
        assert!(answer.get("error").is_none(), "delta {delta}: {answer}");
        println!(
            "desync: hover after a frame whose length is off by {delta:+} answered in {took:?}"
        );
        assert!(
            took < Duration::from_millis(100),
            "delta {delta}: answered after {took:?}"
        );
    }
    // A broken header name, and junk before a header.
    for (k, junk) in [&b"Content-Lenght: 2\r\n\r\n{}"[..], b"\x00garbage\r\n"]
        .into_iter()
        .enumerate()
    {
        s.send_raw(junk);
        let (answer, took) = s.timed_request(
            20 + k as i64,
            "textDocument/hover",
            hover_params("file:///tmp/oslo.cable"),
        );
        assert!(answer.get("error").is_none(), "{answer}");
        println!(
            "desync: hover after {:?} answered in {took:?}",
            String::from_utf8_lossy(junk)
        );
        assert!(took < Duration::from_millis(100), "answered after {took:?}");
    }
    // A request in a frame declared too long is still answered (the server takes the message
    // once the client has sent nothing more for a moment).
    s.send_misframed(
        &json!({"jsonrpc": "2.0", "id": 30, "method": "textDocument/hover", "params": hover_params("file:///tmp/oslo.cable")}),
        40,
    );
    let answer = s.next_where("no answer to a request framed too long", |m| m["id"] == 30);
    assert!(answer.get("error").is_none(), "{answer}");
    s.request(99, "shutdown", Value::Null);
    s.notify("exit", Value::Null);
}

#[test]
fn a_lone_surrogate_in_did_open_becomes_a_replacement_character() {
    let mut s = spawn(&[], &[]);
    s.initialize("off");
    let msg =
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///tmp/lone.cable", "languageId": "cable", "version": 1,
        "text": format!("{OSLO}LONE-SURROGATE")}}})
        .to_string()
        .replace(
            "LONE-SURROGATE",
            r"\ud800 and a pair \ud83d\ude00 and \\ud800",
        );
    s.send_raw(format!("Content-Length: {}\r\n\r\n{msg}", msg.len()).as_bytes());
    let symbols = s.request(
        2,
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": "file:///tmp/lone.cable"}}),
    );
    assert!(
        symbols["result"].as_array().is_some_and(|a| !a.is_empty()),
        "the document opened: {symbols}"
    );
    s.request(99, "shutdown", Value::Null);
    s.notify("exit", Value::Null);
}

/// The bound on an answer while the server's analyses keep both cores busy: under the half second
/// one slow analysis takes, so an answer within it did not wait behind one.
const BUSY_ANSWER: Duration = Duration::from_millis(400);

/// Calibrated for the debug build that `cargo test` runs: a release build analyses the sixteen
/// slow documents before the cancel arrives, and documents slow enough for it carry so many
/// findings that the hover's answer queues behind hundreds of megabytes of diagnostics.
#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "timed for a debug build (`cargo test`); a release build analyses the slow documents too fast"
)]
fn slow_documents_delay_no_other_request_and_cancel_at_once() {
    let _alone = timing_lock();
    let mut s = spawn(&[], &[]);
    s.initialize("off");
    s.open("file:///tmp/small.cable", OSLO);
    s.wait_for("textDocument/publishDiagnostics");
    // More slow requests than tower-lsp-server's default window of four, and enough that the last
    // is still waiting for its analysis when it is cancelled, however fast each analysis is (a
    // debug build's semantic tokens of one take about a tenth of a second).
    let slow = slow_cable(20_000);
    let count: u64 = 16;
    for i in 0..count {
        let uri = format!("file:///tmp/slow{i}.cable");
        s.open(&uri, &format!("{slow}{i}"));
        s.send(
            json!({"jsonrpc": "2.0", "id": 100 + i, "method": "textDocument/semanticTokens/full",
            "params": {"textDocument": {"uri": uri}}}),
        );
    }
    // Let the server read the large messages, so that what is timed is the wait behind their
    // analyses (each takes about half a second), not the reading.
    std::thread::sleep(Duration::from_millis(200));
    let (answer, took) = s.timed_request(
        2,
        "textDocument/hover",
        hover_params("file:///tmp/small.cable"),
    );
    assert!(answer.get("error").is_none(), "{answer}");
    println!("stall: hover on a small document beside {count} slow analyses answered in {took:?}");
    // The hover shares the two cores with the analyses of about half a second each, so it is not
    // held to the transport's 100 ms; a hover that waited behind even one analysis would take over
    // 500 ms (before the fix it waited 4 to 6 s).
    assert!(
        took < BUSY_ANSWER,
        "hover waited {took:?} behind slow documents"
    );
    // The last slow request not yet answered is cancelled: on a fast machine the first ones may
    // be done by now.
    let last = (100..100 + count)
        .rev()
        .find(|&id| !s.answered.contains(&json!(id)))
        .expect("a slow request still waiting for its analysis");
    let started = Instant::now();
    s.notify("$/cancelRequest", json!({"id": last}));
    let cancelled = s.next_where("no answer to the cancelled request", |m| m["id"] == last);
    assert_eq!(cancelled["error"]["code"], -32800, "{cancelled}");
    let took = started.elapsed();
    println!("stall: $/cancelRequest of a slow request answered in {took:?}");
    assert!(took < BUSY_ANSWER, "cancelled after {took:?}");
    s.request(99, "shutdown", Value::Null);
    s.notify("exit", Value::Null);
}

/// A diagnostic links to its rule's page at the address `CABLELINT_DOCS_URL` gives, the same address
/// `check --output-format full` and SARIF use.
#[test]
fn diagnostics_link_to_the_published_rule_page() {
    let mut s = spawn(
        &[(
            "CABLELINT_DOCS_URL",
            "https://docs.example.org/cablelint/rules.html#{anchor}",
        )],
        &[],
    );
    s.initialize("off");
    let text = OSLO.replace("¶2. (C) The deputy", "¶2. (S) The deputy");
    s.open("file:///tmp/oslo.cable", &text);
    let published = s.wait_for("textDocument/publishDiagnostics");
    let d = published["params"]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "CBL207")
        .cloned()
        .expect("banner below marking");
    assert_eq!(
        d["codeDescription"]["href"],
        "https://docs.example.org/cablelint/rules.html#cbl207"
    );
    s.request(2, "shutdown", json!(null));
    s.notify("exit", json!(null));
    let (status, _) = s.wait_exit();
    assert!(status.success());
}
