//! In-process protocol tests: a scripted client talks JSON-RPC to the server over an in-memory
//! duplex.

#[path = "lsp_harness.rs"]
mod harness;

use harness::*;
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smoke() {
    let mut c = TestClient::start(Setup::default()).await;
    eprintln!("{}", c.initialize_result);
    let uri = "file:///ws/oslo.cable";
    let text = OSLO.replace("TAGS: PREL", "TAGS: [PREL](#)");
    c.open(uri, 1, &text).await;
    let d = c.diagnostics(uri, 1).await;
    eprintln!("{}", serde_json::to_string_pretty(&d).unwrap());
    let out = c.stop().await;
    assert!(out.shutdown_received);
}
