//! Language-server figures: analysis time for a typical (8 KB) and a 1 MB cable, the time from the
//! last of 100 rapid `didChange` messages to the published diagnostics, the completion response
//! time, and the server's resident memory with the corpus cables open.
//!
//! Run with `cargo bench --bench lsp`. The cables are built from invented text; the memory figure
//! needs `../shared/corpus` and is skipped with a notice when it is absent.
#![allow(clippy::print_stdout)]

#[path = "../tests/lsp_harness.rs"]
mod harness;

use std::io::{BufReader, Write};
use std::ops::Range;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cablelint::lsp::{serve, ServeOptions};
use cablelint::rules::Settings;
use harness::{forward_messages, frame, read_message_blocking};
use serde_json::{json, Value};
use tokio::io::AsyncWriteExt;

/// The invented Oslo cable of the LSP tests up to its first paragraph: the header and the elements
/// before the text.
fn head() -> &'static str {
    let text = harness::OSLO;
    &text[..text.find("¶1.").expect("the fixture has paragraphs")]
}

const PARAGRAPH: &str = "(C) The deputy director said the first round would take place
in Tromso in late April and would cover pilotage, ice reporting and
the exchange of charts. She added that the ministry wanted an early
reading of the Department's views on the shipping lanes north of the
Lofoten islands, and that a second round could follow in the autumn.
";

/// An invented cable of about `size` bytes: the header and numbered paragraphs.
fn cable(size: usize) -> String {
    let mut s = String::from(head());
    let mut n = 1;
    while s.len() + PARAGRAPH.len() + 10 < size {
        s.push_str(&format!("¶{n}. {PARAGRAPH}\n"));
        n += 1;
    }
    s.push_str("EXAMPLE\n");
    s
}

fn time<T>(iterations: usize, mut f: impl FnMut() -> T) -> Duration {
    // Warm up once, then take the median of the runs.
    std::hint::black_box(f());
    let mut runs: Vec<Duration> = (0..iterations)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, value: Duration, target_ms: f64) {
    let v = ms(value);
    println!(
        "{what:<52} {v:>9.3} ms   target < {target_ms} ms   ({:.1}% of target) {}",
        100.0 * v / target_ms,
        if v < target_ms { "ok" } else { "OVER" }
    );
}

/// A minimal in-process client.
struct Client {
    tx: tokio::io::WriteHalf<tokio::io::DuplexStream>,
    rx: tokio::sync::mpsc::UnboundedReceiver<Value>,
}

impl Client {
    async fn start() -> Client {
        let (client_end, server_end) = tokio::io::duplex(1 << 22);
        let (sr, sw) = tokio::io::split(server_end);
        tokio::spawn(serve(sr, sw, ServeOptions::default()));
        let (cr, cw) = tokio::io::split(client_end);
        let (otx, orx) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(forward_messages(tokio::io::BufReader::new(cr), otx));
        let mut c = Client { tx: cw, rx: orx };
        c.send(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}))
            .await;
        c.response(0).await;
        c.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
            .await;
        c
    }

    async fn send(&mut self, v: Value) {
        self.tx.write_all(frame(&v).as_bytes()).await.unwrap();
    }

    /// Sends `didChange` for `uri` at `version` with these content changes.
    async fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": changes}}),
        )
        .await;
    }

    /// Sends a completion request at `line`:`character` of `uri` for each id, one at a time;
    /// returns the median round trip and the number of items in the last answer.
    async fn completion_round_trips(
        &mut self,
        ids: Range<i64>,
        uri: &str,
        line: usize,
        character: usize,
    ) -> (Duration, usize) {
        let mut samples = Vec::new();
        let mut items = 0;
        for id in ids {
            let t = Instant::now();
            self.send(
                json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/completion", "params": {
                "textDocument": {"uri": uri}, "position": {"line": line, "character": character}}}),
            )
            .await;
            let r = self.response(id).await;
            samples.push(t.elapsed());
            items = r["result"]["items"].as_array().map_or(0, |a| a.len());
        }
        samples.sort();
        (samples[samples.len() / 2], items)
    }

    async fn response(&mut self, id: i64) -> Value {
        loop {
            let m = self.rx.recv().await.unwrap();
            if m.get("method").is_none() && m["id"] == json!(id) {
                return m;
            }
        }
    }

    async fn publication(&mut self, version: i64) -> Value {
        loop {
            let m = self.rx.recv().await.unwrap();
            if m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["version"] == json!(version)
            {
                return m;
            }
        }
    }
}

async fn protocol_figures() {
    let uri = "file:///bench/oslo.cable";
    let text = cable(8 << 10);
    let mut c = Client::start().await;
    c.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "cable", "version": 1, "text": text}}}),
    )
    .await;
    c.publication(1).await;

    // 100 rapid keystrokes, each one character typed into paragraph 1.
    let mut samples = Vec::new();
    let mut version = 1;
    for _ in 0..10 {
        for i in 0..100 {
            version += 1;
            let change = json!({"range": {"start": {"line": 26, "character": 10 + i}, "end": {"line": 26, "character": 10 + i}}, "text": "x"});
            c.change(uri, version, json!([change])).await;
        }
        let last = Instant::now();
        c.publication(version).await;
        samples.push(last.elapsed());
        // Reset the paragraph for the next round.
        version += 1;
        c.change(uri, version, json!([{ "text": text }])).await;
        c.publication(version).await;
    }
    samples.sort();
    report(
        "last of 100 rapid didChange -> published diagnostics",
        samples[samples.len() / 2],
        100.0,
    );

    // Completion: TAGS after `TAGS: PREL P`.
    let tags_line = text.lines().position(|l| l.starts_with("TAGS:")).unwrap();
    version += 1;
    let edited = text.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL P");
    c.change(uri, version, json!([{ "text": edited }])).await;
    let (median, items) = c.completion_round_trips(100..400, uri, tags_line, 12).await;
    report(
        &format!("completion round trip (TAGS `P`, {items} items)"),
        median,
        5.0,
    );
    // An addressee search by country.
    let info_line = text.lines().position(|l| l.starts_with("RUEHSM/")).unwrap();
    version += 1;
    let edited = text.replace(
        "RUEHSM/AMEMBASSY STOCKHOLM 0391",
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\nJAPAN",
    );
    c.change(uri, version, json!([{ "text": edited }])).await;
    let (median, items) = c
        .completion_round_trips(400..700, uri, info_line + 1, 5)
        .await;
    report(
        &format!("completion round trip (addressees `JAPAN`, {items} items)"),
        median,
        5.0,
    );
}

/// The resident set of a process, from /proc.
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn memory_figure() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        println!(
            "memory with the corpus open: skipped ({} is absent)",
            corpus.display()
        );
        return;
    };
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cablelint"))
        .arg("lsp")
        .env_remove("CABLELINT_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("cablelint lsp starts");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<Value>();
    std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        while let Some(m) = read_message_blocking(&mut r) {
            if tx.send(m).is_err() {
                return;
            }
        }
    });
    let mut send = |v: Value| {
        stdin.write_all(frame(&v).as_bytes()).unwrap();
        stdin.flush().unwrap();
    };
    send(
        json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}),
    );
    let _ = rx.recv_timeout(Duration::from_secs(10));
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let idle = rss_kib(child.id()).unwrap_or(0);
    let mut bytes = 0usize;
    let mut opened = 0usize;
    let started = Instant::now();
    for (i, path) in files.iter().enumerate() {
        let Ok(text) = std::fs::read(path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&text);
        bytes += text.len();
        opened += 1;
        send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": format!("file:///corpus/{i}.txt"), "languageId": "cable", "version": 1, "text": text}}}),
        );
    }
    // Every document gets its publication.
    let mut published = 0;
    while published < opened {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(m) if m["method"] == "textDocument/publishDiagnostics" => published += 1,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    let took = started.elapsed();
    std::thread::sleep(Duration::from_millis(200));
    let rss = rss_kib(child.id()).unwrap_or(0);
    send(json!({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}));
    send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = child.wait();
    let mib = rss as f64 / 1024.0;
    println!(
        "resident memory, {opened} corpus cables open ({:.1} MB of text)   {mib:>9.1} MiB   target < 150 MB   ({:.0}% of target) {}",
        bytes as f64 / 1e6,
        100.0 * mib * 1.048_576 / 150.0,
        if mib * 1.048_576 < 150.0 { "ok" } else { "OVER" }
    );
    println!(
        "  (idle server {:.1} MiB; {published} publications in {:.2} s, {:.2} ms per cable)",
        idle as f64 / 1024.0,
        took.as_secs_f64(),
        ms(took) / opened.max(1) as f64
    );
}

fn main() {
    let settings = Settings::default();
    let small = cable(8 << 10);
    let large = cable(1 << 20);
    let settings = std::sync::Arc::new(settings);
    let analyse = |text: &str| {
        let text: std::sync::Arc<str> = text.into();
        let tables = cablelint::workspace::TablesRef::Builtin;
        cablelint::workspace::Analysis::new(text, settings.clone(), tables)
            .diagnostics()
            .len()
    };
    println!("cablelint language server figures");
    report(
        &format!(
            "analysis, typical cable ({:.1} KB)",
            small.len() as f64 / 1024.0
        ),
        time(2000, || analyse(&small)),
        1.0,
    );
    report(
        &format!(
            "analysis, large cable ({:.2} MB)",
            large.len() as f64 / (1 << 20) as f64
        ),
        time(30, || analyse(&large)),
        50.0,
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(protocol_figures());
    memory_figure();
}
