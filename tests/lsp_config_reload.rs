//! The real binary notices a changed `cablelint.toml` without the client's file watching (Neovim
//! watches no files by default): when a document is opened, saved or changed.

#[path = "lsp_harness.rs"]
mod harness;

use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use harness::{frame, read_message_blocking, OSLO};
use serde_json::{json, Value};

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cablelint"))
            .arg("lsp")
            .env_remove("CABLELINT_LOG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cablelint lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(m) = read_message_blocking(&mut r) {
                if tx.send(m).is_err() {
                    return;
                }
            }
        });
        let mut s = Server {
            child,
            stdin,
            messages,
        };
        // A client without file watching or configuration requests, as Neovim is by default.
        s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
        s.next(|m| m["id"] == 1);
        s.notify("initialized", json!({}));
        s
    }

    fn send(&mut self, msg: Value) {
        self.stdin.write_all(frame(&msg).as_bytes()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message `wanted` accepts within 10 s, or `None`.
    fn next(&mut self, wanted: impl Fn(&Value) -> bool) -> Option<Value> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let m = self.messages.recv_timeout(left).ok()?;
            if wanted(&m) {
                return Some(m);
            }
        }
    }

    /// The codes of the next diagnostics published for `uri`.
    fn codes(&mut self, uri: &str) -> Vec<String> {
        let m = self
            .next(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
            .unwrap_or_else(|| panic!("no diagnostics for {uri}"));
        m["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// Waits until the diagnostics published for `uri` satisfy `ok`; false after 10 s.
    fn until(&mut self, uri: &str, ok: impl Fn(&[String]) -> bool) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let codes = self.codes(uri);
            if ok(&codes) {
                return true;
            }
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Writes `cablelint.toml` with a modification time unlike the last one's.
fn write_config(dir: &std::path::Path, text: &str, stamp: u64) {
    let path = dir.join("cablelint.toml");
    std::fs::write(&path, text).unwrap();
    let when = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000 + stamp);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

#[test]
fn a_changed_config_file_applies_on_open_save_and_change() {
    let dir = tempfile::tempdir().unwrap();
    let text = OSLO.replace("¶2. (C) The deputy", "¶2. (S) The deputy");
    let uri = |name: &str| format!("file://{}", dir.path().join(name).display());
    let (a, b) = (uri("a.cable"), uri("b.cable"));
    write_config(dir.path(), "ignore = []\n", 1);
    let mut s = Server::start();
    let open = |s: &mut Server, u: &str| {
        s.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": u, "languageId": "cable", "version": 1, "text": text}}),
        )
    };
    open(&mut s, &a);
    assert!(s.codes(&a).contains(&"CBL207".to_string()));

    // Opening another document reads the new file: the open one is checked again too.
    write_config(dir.path(), "ignore = [\"CBL207\"]\n", 2);
    open(&mut s, &b);
    assert!(
        s.until(&a, |c| !c.contains(&"CBL207".to_string())),
        "the open document keeps the old configuration after another was opened"
    );

    // Saving.
    write_config(dir.path(), "ignore = []\n", 3);
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": a}}));
    assert!(
        s.until(&a, |c| c.contains(&"CBL207".to_string())),
        "the configuration changed before a save is not applied"
    );

    // Typing.
    write_config(dir.path(), "ignore = [\"CBL207\"]\n", 4);
    std::thread::sleep(Duration::from_millis(600));
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 40, "character": 0}, "end": {"line": 40, "character": 0}}, "text": "\n"}
        ]}),
    );
    assert!(
        s.until(&a, |c| !c.contains(&"CBL207".to_string())),
        "the configuration changed before an edit is not applied"
    );
}
