//! In-process protocol tests: a scripted client talks JSON-RPC to the server over an in-memory
//! duplex. Each feature, positions with `¶` and emoji under both encodings, incremental edits,
//! out-of-range positions, closed documents, panics, configuration reloads and the end of a session.

#[path = "lsp_harness.rs"]
mod harness;
mod support;

use std::time::Duration;

use cablelint::syntax::ColumnUnit;
use harness::*;
use serde_json::{json, Value};

const URI: &str = "file:///nonexistent-ws/oslo.cable";
const DRAFT_URI: &str = "file:///nonexistent-ws/draft.cable";

fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

fn markup(text: &str) -> String {
    text.replace("TAGS: PREL PGOV", "TAGS: [PREL](#) PGOV")
}

fn td(uri: &str) -> Value {
    json!({ "uri": uri })
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({ "textDocument": td(uri), "position": pos(line, character) })
}

/// The result of a request whose only parameter is the document `uri`.
async fn document_call(c: &mut TestClient, method: &str, uri: &str) -> Value {
    c.call(method, json!({ "textDocument": td(uri) })).await
}

/// The names of a list of document symbols, in order.
fn symbol_names(symbols: &Value) -> Vec<&str> {
    symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect()
}

/// The first element of the array `items` whose `key` is `value`.
fn item_where<'a>(items: &'a Value, key: &str, value: &str) -> &'a Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i[key] == value)
        .unwrap_or_else(|| panic!("no item with {key} {value:?} in {items}"))
}

/// Sends `workspace/didChangeConfiguration` with these settings.
async fn change_configuration(c: &mut TestClient, settings: Value) {
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": settings }),
    )
    .await;
}

/// Waits for a `window/showMessage` and checks that it mentions `needle`.
async fn expect_message(c: &mut TestClient, needle: &str) {
    let msg = c
        .notification("window/showMessage", TIMEOUT)
        .await
        .expect("a message");
    assert!(
        msg["params"]["message"].as_str().unwrap().contains(needle),
        "{msg}"
    );
}

/// Checks that the server still answers for [`URI`]: the hover on the date-time group decodes it.
async fn assert_hover_decodes_the_dtg(c: &mut TestClient) {
    let h = c.call("textDocument/hover", at(URI, 4, 4)).await;
    assert!(h["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("March 2008"));
}

// -- Initialization -------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn negotiates_utf8_when_offered_else_utf16() {
    let c = TestClient::start(Setup {
        encodings: vec!["utf-8", "utf-16"],
        ..Setup::default()
    })
    .await;
    assert_eq!(
        c.initialize_result["capabilities"]["positionEncoding"],
        "utf-8"
    );
    let caps = c.initialize_result["capabilities"].clone();
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert!(
        caps["diagnosticProvider"].is_null(),
        "push when the client cannot pull"
    );
    assert_eq!(caps["completionProvider"]["resolveProvider"], true);
    c.stop().await;
    let c = TestClient::start(Setup {
        encodings: vec!["utf-32"],
        ..Setup::default()
    })
    .await;
    assert_eq!(
        c.initialize_result["capabilities"]["positionEncoding"],
        "utf-16"
    );
    c.stop().await;
}

// -- Diagnostics ------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushed_diagnostics_carry_code_docs_source_related_and_version() {
    let mut c = TestClient::start(Setup::default()).await;
    let text = OSLO.replace("¶2. (C) The deputy", "¶2. (S) The deputy");
    c.open(URI, 7, &text).await;
    let diags = c.diagnostics(URI, 7).await;
    let d = diags
        .iter()
        .find(|d| d["code"] == "CBL207")
        .expect("banner below marking");
    assert_eq!(d["source"], "cablelint");
    assert_eq!(d["severity"], 1);
    // Without `CABLELINT_DOCS_URL` there is no published address to link to, and a binary never
    // links to a path of the machine it was built on (tests/lsp_process.rs checks the link with one).
    if std::env::var_os("CABLELINT_DOCS_URL").is_none() {
        assert!(d.get("codeDescription").is_none(), "{d}");
    }
    let related = d["relatedInformation"]
        .as_array()
        .expect("related information");
    assert_eq!(related[0]["location"]["uri"], URI);
    // `¶` is one UTF-16 unit: the marking starts at column 4.
    let (line, col) = find(&text, "(S) The deputy", false);
    assert_eq!(d["range"]["start"], pos(line, col));
    assert_eq!(col, 4);
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn positions_with_pilcrow_and_emoji_under_both_encodings() {
    let text = OSLO.replace(
        "TAGS: PREL PGOV ENRG NO",
        "TAGS: PREL ¶😀 [PGOV](#) ENRG NO",
    );
    for (encoding, utf8) in [("utf-16", false), ("utf-8", true)] {
        let mut c = TestClient::start(Setup {
            encodings: vec![encoding],
            ..Setup::default()
        })
        .await;
        c.open(URI, 1, &text).await;
        let diags = c.diagnostics(URI, 1).await;
        let d = diags
            .iter()
            .find(|d| d["code"] == "CBL302")
            .unwrap_or_else(|| panic!("{diags:?}"));
        let (line, col) = find(&text, "[PGOV](#)", utf8);
        // "TAGS: PREL " + ¶ (1 unit / 2 bytes) + 😀 (2 units / 4 bytes) + " ".
        assert_eq!(col, if utf8 { 18 } else { 15 });
        assert_eq!(d["range"]["start"], pos(line, col), "{encoding}");
        assert_eq!(d["range"]["end"], pos(line, col + 9), "{encoding}");
        // Incoming positions after the emoji are read in the same encoding.
        let h = c.call("textDocument/hover", at(URI, line, col + 3)).await;
        assert!(
            h["contents"]["value"].as_str().unwrap().contains("CBL302"),
            "{encoding}: {h}"
        );
        assert_eq!(h["range"]["start"], pos(line, col), "{encoding}");
        // A completion after the emoji replaces exactly the token typed.
        let (eline, ecol) = find(&text, "ENRG", utf8);
        let r = c
            .call("textDocument/completion", at(URI, eline, ecol + 2))
            .await;
        let item = item_where(&r["items"], "label", "ENRG").clone();
        assert_eq!(
            item["textEdit"]["range"]["start"],
            pos(eline, ecol),
            "{encoding}"
        );
        assert_eq!(
            item["textEdit"]["range"]["end"],
            pos(eline, ecol + 4),
            "{encoding}"
        );
        c.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_edits_apply_in_order() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    assert!(c.diagnostics(URI, 1).await.is_empty());
    let (line, col) = find(OSLO, "PREL", false);
    // Two changes in one notification: the second's positions see the first's result.
    c.change(
        URI,
        2,
        json!([
            edit(line, col, line, col, "["),
            edit(line, col + 5, line, col + 5, "](#)")
        ]),
    )
    .await;
    let diags = c.diagnostics(URI, 2).await;
    assert_eq!(codes(&diags), ["CBL302"]);
    assert_eq!(diags[0]["range"]["start"], pos(line, col));
    assert_eq!(diags[0]["range"]["end"], pos(line, col + 9));
    // Undo in two notifications.
    c.change(URI, 3, json!([edit(line, col + 5, line, col + 9, "")]))
        .await;
    c.change(URI, 4, json!([edit(line, col, line, col + 1, "")]))
        .await;
    assert!(c.diagnostics(URI, 4).await.is_empty());
    // A multi-line insert with CRLF, and the symbols see the new text.
    let (sline, _) = find(OSLO, "CONSULTATIONS", false);
    c.change(
        URI,
        5,
        json!([edit(sline, 13, sline, 13, " AND\r\nFISHERIES")]),
    )
    .await;
    let symbols = document_call(&mut c, "textDocument/documentSymbol", URI).await;
    let subject = item_where(&symbols, "name", "SUBJECT");
    assert_eq!(
        subject["detail"],
        "NORWAY: MINISTRY OUTLINES ARCTIC SHIPPING CONSULTATIONS AND FISHERIES"
    );
    // A full replacement.
    c.change(URI, 6, json!([{"text": markup(OSLO)}])).await;
    assert_eq!(codes(&c.diagnostics(URI, 6).await), ["CBL302"]);
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_range_positions_are_clamped_not_fatal() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    c.diagnostics(URI, 1).await;
    for (line, character) in [(9999, 0), (0, 9999), (9999, 9999)] {
        let r = c
            .request("textDocument/hover", at(URI, line, character))
            .await;
        assert!(r.get("error").is_none(), "{r}");
        let r = c
            .request("textDocument/completion", at(URI, line, character))
            .await;
        assert!(r.get("error").is_none(), "{r}");
    }
    // A change past the end of its line lands at the line's end.
    let (sline, _) = find(OSLO, "CONSULTATIONS", false);
    c.change(
        URI,
        2,
        json!([edit(sline, 500, sline, 600, " AND FISHERIES")]),
    )
    .await;
    // A change past the end of the document lands at the end.
    c.change(
        URI,
        3,
        json!([edit(9000, 5, 9001, 0, "\n¶5. (S) Late addition.\n")]),
    )
    .await;
    let diags = c.diagnostics(URI, 3).await;
    assert!(codes(&diags).contains(&"CBL207".to_string()), "{diags:?}");
    let symbols = document_call(&mut c, "textDocument/documentSymbol", URI).await;
    let names = symbol_names(&symbols);
    assert!(names.contains(&"¶5 (S)"), "{names:?}");
    let subject = item_where(&symbols, "name", "SUBJECT");
    assert!(subject["detail"]
        .as_str()
        .unwrap()
        .ends_with("CONSULTATIONS AND FISHERIES"));
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_document_gets_an_empty_publication_and_nothing_after() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, &markup(OSLO)).await;
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL302"]);
    // A change whose analysis would finish after the close.
    c.change(URI, 2, json!([{"text": markup(&markup(OSLO))}]))
        .await;
    c.notify("textDocument/didClose", json!({"textDocument": td(URI)}))
        .await;
    // Notifications about a closed document are ignored.
    c.change(URI, 3, json!([{"text": OSLO}])).await;
    let pubs = c.publications(URI, Duration::from_millis(400)).await;
    assert_eq!(pubs.len(), 1, "{pubs:?}");
    assert_eq!(pubs[0]["diagnostics"], json!([]));
    assert!(pubs[0]["version"].is_null());
    let r = c.request("textDocument/hover", at(URI, 0, 0)).await;
    assert_eq!(r["result"], Value::Null);
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bursts_of_changes_publish_the_newest_version_only() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    c.diagnostics(URI, 1).await;
    let (line, _) = find(OSLO, "journals.", false);
    for v in 2..=40 {
        // Each keystroke adds a character; the last one adds the markup that a rule reports.
        let text = if v == 40 { "[PREL](#)" } else { "x" };
        c.change(URI, v, json!([edit(line, 0, line, 0, text)]))
            .await;
    }
    let pubs = c.publications(URI, Duration::from_millis(600)).await;
    let versions: Vec<i64> = pubs
        .iter()
        .map(|p| p["version"].as_i64().unwrap())
        .collect();
    assert_eq!(versions.last(), Some(&40), "{versions:?}");
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "never an older version after a newer one: {versions:?}"
    );
    assert!(
        versions.len() < 10,
        "a burst is analysed once or a few times, not per keystroke: {versions:?}"
    );
    c.stop().await;
}

/// A client that pulls diagnostics, with or without `workspace.diagnostics.refreshSupport`.
async fn pull_client(refresh: bool) -> TestClient {
    TestClient::start(Setup {
        pull: true,
        diagnostic_refresh: refresh,
        ..Setup::default()
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pull_client_without_refresh_gets_pushed_diagnostics() {
    // Like Neovim 0.11: `textDocument.diagnostic` but no `workspace.diagnostics.refreshSupport`.
    let mut c = pull_client(false).await;
    assert!(c.initialize_result["capabilities"]["diagnosticProvider"].is_null());
    c.open(URI, 1, &markup(OSLO)).await;
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL302"]);
    change_configuration(&mut c, json!({"ignore": ["CBL302"]})).await;
    assert!(c.diagnostics(URI, 1).await.is_empty());
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_diagnostics_when_the_client_supports_them_and_never_push() {
    let mut c = pull_client(true).await;
    assert_eq!(
        c.initialize_result["capabilities"]["diagnosticProvider"]["identifier"],
        "cablelint"
    );
    c.open(URI, 1, &markup(OSLO)).await;
    let report = document_call(&mut c, "textDocument/diagnostic", URI).await;
    assert_eq!(report["kind"], "full");
    assert_eq!(codes(report["items"].as_array().unwrap()), ["CBL302"]);
    let id = report["resultId"].as_str().unwrap().to_string();
    let again = c
        .call(
            "textDocument/diagnostic",
            json!({"textDocument": td(URI), "previousResultId": id}),
        )
        .await;
    assert_eq!(again["kind"], "unchanged");
    c.change(URI, 2, json!([{"text": OSLO}])).await;
    let after = c
        .call(
            "textDocument/diagnostic",
            json!({"textDocument": td(URI), "previousResultId": id}),
        )
        .await;
    assert_eq!(after["kind"], "full");
    assert_eq!(after["items"], json!([]));
    // A configuration change asks the client to pull again.
    change_configuration(&mut c, json!({"ignore": ["CBL3"]})).await;
    c.notify("textDocument/didClose", json!({"textDocument": td(URI)}))
        .await;
    assert!(
        c.publications(URI, Duration::from_millis(300))
            .await
            .is_empty(),
        "pull clients get no pushes"
    );
    assert!(c
        .server_requests
        .iter()
        .any(|r| r["method"] == "workspace/diagnostic/refresh"));
    c.stop().await;
}

// -- Robustness -------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_handler_answers_an_internal_error_and_the_server_keeps_serving() {
    let mut c = TestClient::start(Setup {
        hooks: true,
        ..Setup::default()
    })
    .await;
    c.open(URI, 1, OSLO).await;
    let r = c.request("cablelint/panic", json!({})).await;
    assert_eq!(r["error"]["code"], -32603, "{r}");
    assert!(r["error"]["message"]
        .as_str()
        .unwrap()
        .contains("cablelint/panic"));
    assert_hover_decodes_the_dtg(&mut c).await;
    // A panic inside an analysis: no publication for that document, the others still work.
    let bad = "file:///nonexistent-ws/bad.cable";
    c.open(
        bad,
        1,
        &format!("{OSLO}\n{}\n", cablelint::lsp::TEST_PANIC_MARKER),
    )
    .await;
    let r = c
        .request("textDocument/diagnostic", json!({"textDocument": td(bad)}))
        .await;
    assert_eq!(r["error"]["code"], -32603, "{r}");
    c.change(URI, 2, json!([{"text": markup(OSLO)}])).await;
    assert_eq!(codes(&c.diagnostics(URI, 2).await), ["CBL302"]);
    assert!(c
        .publications(bad, Duration::from_millis(200))
        .await
        .is_empty());
    c.stop().await;
    // Without the test hooks the request does not exist.
    let mut c = TestClient::start(Setup::default()).await;
    let r = c.request("cablelint/panic", json!({})).await;
    assert_eq!(r["error"]["code"], -32601, "{r}");
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_messages_get_an_error_and_the_session_goes_on() {
    let mut c = TestClient::start(Setup::default()).await;
    // Not JSON.
    c.send_raw("Content-Length: 9\r\n\r\n{\"bad\": }").await;
    let r = c
        .response(Value::Null, TIMEOUT)
        .await
        .expect("a parse error");
    assert_eq!(r["error"]["code"], -32700, "{r}");
    // JSON, but no JSON-RPC message.
    c.send(json!({"jsonrpc": "2.0", "id": 5})).await;
    let r = c
        .response(json!(5), TIMEOUT)
        .await
        .expect("an invalid request error");
    assert_eq!(r["error"]["code"], -32600, "{r}");
    c.send(json!([1, 2])).await;
    let r = c
        .response(Value::Null, TIMEOUT)
        .await
        .expect("an invalid request error");
    assert_eq!(r["error"]["code"], -32600, "{r}");
    // No Content-Length.
    c.send_raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n")
        .await;
    let r = c.response(Value::Null, TIMEOUT).await.expect("an error");
    assert_eq!(r["error"]["code"], -32700, "{r}");
    // Parameters of the wrong shape.
    c.send(json!({"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {"nonsense": true}})).await;
    let r = c
        .response(json!(99), TIMEOUT)
        .await
        .expect("an invalid params error");
    assert_eq!(r["error"]["code"], -32602, "{r}");
    c.open(URI, 1, OSLO).await;
    assert_hover_decodes_the_dtg(&mut c).await;
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_is_reported() {
    let c = TestClient::start(Setup::default()).await;
    let outcome = c.exit().await;
    assert!(
        !outcome.shutdown_received,
        "exit without shutdown ends with status 1"
    );
}

// -- Configuration ------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialization_options_choose_the_rules() {
    let mut c = TestClient::start(Setup {
        init_options: json!({"ignore": ["CBL302"], "extendSelect": ["CBL501"], "severity": {"CBL501": "warning"}}),
        ..Setup::default()
    })
    .await;
    let long = markup(OSLO).replace(
        "journals.",
        "journals, and a line that runs on well past the sixty-nine columns allowed.",
    );
    c.open(URI, 1, &long).await;
    let diags = c.diagnostics(URI, 1).await;
    assert_eq!(codes(&diags), ["CBL501"]);
    assert_eq!(diags[0]["severity"], 2);
    c.stop().await;
    // An invalid `select` is shown, and the default rules apply (not an empty selection).
    let mut c = TestClient::start(Setup {
        init_options: json!({"select": ["CBL999"]}),
        ..Setup::default()
    })
    .await;
    expect_message(&mut c, "CBL999").await;
    c.open(URI, 1, &markup(OSLO)).await;
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL302"]);
    c.stop().await;
}

/// One bad value (a severity `hint`, which no rule has) drops only its own entry: the message names
/// it, and the user's `ignore`, `extendSelect` and other severities still apply.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_setting_drops_only_its_own_key() {
    let mut c = TestClient::start(Setup {
        init_options: json!({"cablelint": {
            "ignore": ["CBL305"],
            "extendSelect": ["CBL501"],
            "severity": {"CBL302": "hint", "CBL501": "warning", "CBL999": "info"},
        }}),
        ..Setup::default()
    })
    .await;
    let msg = c
        .notification("window/showMessage", TIMEOUT)
        .await
        .expect("a message");
    let text = msg["params"]["message"].as_str().unwrap();
    assert!(text.contains("`severity.CBL302`"), "{text}");
    assert!(text.contains("`hint` is not a severity"), "{text}");
    assert!(text.contains("`severity.CBL999`"), "{text}");
    assert!(text.contains("the other settings apply"), "{text}");
    let long = markup(OSLO).replace("ENRG NO", "ENRG NO KQQQ").replace(
        "journals.",
        "journals, and a line that runs on well past the sixty-nine columns allowed.",
    );
    c.open(URI, 1, &long).await;
    let diags = c.diagnostics(URI, 1).await;
    // CBL305 (the unknown TAGS code) stays ignored; CBL302 keeps its own severity (error).
    assert_eq!(codes(&diags), ["CBL302", "CBL501"]);
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(diags[1]["severity"], 2);
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn did_change_configuration_rechecks_open_documents() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, &markup(OSLO)).await;
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL302"]);
    change_configuration(&mut c, json!({"cablelint": {"ignore": ["tags-markup"]}})).await;
    assert!(
        c.diagnostics(URI, 1).await.is_empty(),
        "re-checked with the new settings"
    );
    // A bad value: a message naming it, and the key is dropped while the others apply: here the
    // new settings' `ignore` is the bad key, so CBL302 is reported again, and their `severity`
    // applies.
    change_configuration(
        &mut c,
        json!({"cablelint": {"ignore": "CBL302", "severity": {"CBL302": "warning"}}}),
    )
    .await;
    expect_message(&mut c, "`ignore` must be a list").await;
    let diags = c.diagnostics(URI, 1).await;
    assert_eq!(codes(&diags), ["CBL302"]);
    assert_eq!(diags[0]["severity"], 2);
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_configuration_is_pulled_when_the_client_can() {
    let mut c = TestClient::start(Setup {
        configuration: true,
        init_options: json!({"ignore": ["CBL305"]}),
        ..Setup::default()
    })
    .await;
    // The client has no `cablelint` section yet (it answers null): the options stay.
    let text = markup(OSLO).replace("ENRG NO", "ENRG NO KQQQ");
    c.open(URI, 1, &text).await;
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL302"]);
    c.config_answer = json!({"ignore": ["CBL302"]});
    change_configuration(&mut c, Value::Null).await;
    // The client's section replaces the options as a whole.
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL305"]);
    // When the section goes away again, the options apply again.
    c.config_answer = Value::Null;
    change_configuration(&mut c, Value::Null).await;
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL302"]);
    assert!(c
        .server_requests
        .iter()
        .any(|r| r["method"] == "workspace/configuration"
            && r["params"]["items"][0]["section"] == "cablelint"));
    c.stop().await;
}

/// A client that watches files dynamically, with `root` as its workspace folder and the URI of a
/// document `drafts/a.cable` under it (the folder is made when missing).
async fn start_watching(root: &std::path::Path) -> (String, TestClient) {
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    let c = TestClient::start(Setup {
        watch_dynamic: true,
        folders: vec![file_uri(root)],
        ..Setup::default()
    })
    .await;
    (file_uri(&root.join("drafts/a.cable")), c)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cablelint_toml_is_found_per_document_and_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("cablelint.toml");
    std::fs::write(&toml, "ignore = [\"CBL302\"]\n").unwrap();
    let (doc, mut c) = start_watching(dir.path()).await;
    c.open(&doc, 1, &markup(OSLO)).await;
    assert!(
        c.diagnostics(&doc, 1).await.is_empty(),
        "the file's ignore applies"
    );
    // A document elsewhere is not under that file.
    c.open(URI, 1, &markup(OSLO)).await;
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL302"]);
    assert!(c
        .server_requests
        .iter()
        .any(|r| r["method"] == "client/registerCapability"
            && r["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"]
                == "**/cablelint.toml"));
    // An invalid file: a message naming it, and the previous configuration stays.
    std::fs::write(&toml, "ignore = [\"CBL302\"\nselect = 5\n").unwrap();
    let changed = json!({"changes": [{"uri": file_uri(&toml), "type": 2}]});
    c.notify("workspace/didChangeWatchedFiles", changed.clone())
        .await;
    expect_message(&mut c, "cablelint.toml").await;
    assert!(c.diagnostics(&doc, 1).await.is_empty());
    // A valid change takes effect for every open document under it.
    std::fs::write(
        &toml,
        "select = [\"CBL3\"]\n[severity]\nCBL302 = \"info\"\n",
    )
    .unwrap();
    c.notify("workspace/didChangeWatchedFiles", changed).await;
    let diags = c.diagnostics(&doc, 1).await;
    assert_eq!(codes(&diags), ["CBL302"]);
    assert_eq!(diags[0]["severity"], 3);
    c.stop().await;
}

/// A `cablelint.toml` that extends another file applies that file's settings in the editor as in
/// the checker, and a change to the extended file reaches the documents under it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_configuration_that_extends_another_applies_and_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.toml");
    std::fs::write(&base, "ignore = [\"CBL302\"]\n").unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(
        dir.path().join("drafts/cablelint.toml"),
        "extend = \"../base.toml\"\n",
    )
    .unwrap();
    let (doc, mut c) = start_watching(dir.path()).await;
    c.open(&doc, 1, &markup(OSLO)).await;
    assert!(c.diagnostics(&doc, 1).await.is_empty(), "the base's ignore");
    std::fs::write(&base, "[severity]\nCBL302 = \"info\"\n").unwrap();
    let changed = json!({"changes": [{"uri": file_uri(&base), "type": 2}]});
    c.notify("workspace/didChangeWatchedFiles", changed).await;
    // A publication of the old settings may still be on its way: the newest one counts.
    let mut diags = c.diagnostics(&doc, 1).await;
    for _ in 0..3 {
        if !diags.is_empty() {
            break;
        }
        diags = c.diagnostics(&doc, 1).await;
    }
    assert_eq!(codes(&diags), ["CBL302"]);
    assert_eq!(diags[0]["severity"], 3);
    c.stop().await;
}

/// A `cablelint.toml` that is a symbolic link leading nowhere is shown as an error naming it, as
/// the checker reports it, not passed over for the file farther up.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_link_named_cablelint_toml_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cablelint.toml"), "ignore = [\"CBL302\"]\n").unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::os::unix::fs::symlink("moved.toml", dir.path().join("drafts/cablelint.toml")).unwrap();
    let doc = file_uri(&dir.path().join("drafts/a.cable"));
    let mut c = TestClient::start(Setup {
        folders: vec![file_uri(dir.path())],
        ..Setup::default()
    })
    .await;
    c.open(&doc, 1, &markup(OSLO)).await;
    expect_message(
        &mut c,
        "cablelint.toml: broken symbolic link to `moved.toml`",
    )
    .await;
    // The file farther up does not apply in its place.
    assert_eq!(codes(&c.diagnostics(&doc, 1).await), ["CBL302"]);
    c.stop().await;
}

// -- Features -----------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_and_resolve() {
    let mut c = TestClient::start(Setup::default()).await;
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PGOV PR");
    c.open(URI, 1, &text).await;
    let (line, col) = find(&text, "PR\n", false);
    let list = c
        .call("textDocument/completion", at(URI, line, col + 2))
        .await;
    let item = item_where(&list["items"], "label", "PREL").clone();
    assert_eq!(item["textEdit"]["newText"], "PREL");
    assert_eq!(item["textEdit"]["range"]["start"], pos(line, col));
    assert!(
        item["documentation"].is_null(),
        "long documentation waits for resolve"
    );
    let resolved = c.call("completionItem/resolve", item).await;
    assert!(resolved["documentation"]["value"]
        .as_str()
        .unwrap()
        .contains("PREL"));
    // Addressees on a continuation line.
    let text = OSLO.replace(
        "RUEHSM/AMEMBASSY STOCKHOLM 0391",
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\nBEIJ",
    );
    c.change(URI, 2, json!([{"text": text}])).await;
    let (line, col) = find(&text, "BEIJ", false);
    let list = c
        .call("textDocument/completion", at(URI, line, col + 4))
        .await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["label"] == "RUEHBJ/AMEMBASSY BEIJING"),
        "{list}"
    );
    assert_eq!(list["isIncomplete"], true);
    c.stop().await;
}

/// Completion in an empty document offers the skeleton of `cablelint new` with the `[draft]`
/// defaults of the document's configuration and the next serial of its folder: a snippet with the
/// first placeholder as the first tab stop, or plain text for a client without snippets.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_in_an_empty_document_offers_the_skeleton() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("cablelint.toml"),
        "[draft]\npost = \"AMEMBASSY OSLO\"\nto = [\"SECSTATE WASHDC\"]\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("old.cable"),
        OSLO.replace("OSLO 000217", "OSLO 004000").replace(
            "MAR 08",
            &format!("MAR {:02}", cablelint::vocab::Date::now_utc().0.year % 100),
        ),
    )
    .unwrap();
    let uri = file_uri(&tmp.path().join("new.cable"));
    for snippets in [true, false] {
        let mut c = TestClient::start(Setup {
            snippets,
            ..Setup::default()
        })
        .await;
        c.open(&uri, 1, "").await;
        let list = c.call("textDocument/completion", at(&uri, 0, 0)).await;
        let item = item_where(&list["items"], "label", "New cable").clone();
        let text = item["textEdit"]["newText"].as_str().unwrap();
        assert!(
            text.starts_with("VZCZCXRO4001\nRR RUEHC\nDE RUEHNY #4001 "),
            "{text}"
        );
        assert!(text.contains("\nUNCLAS OSLO 004001\n"), "{text}");
        assert_eq!(item["detail"], "UNCLAS OSLO 004001");
        if snippets {
            assert_eq!(item["insertTextFormat"], 2);
            assert!(text.contains("TAGS: ${1:[[TAGS]]} NO\n"), "{text}");
            assert!(text.ends_with("$0"), "{text}");
        } else {
            assert_eq!(item["insertTextFormat"], 1);
            assert!(
                text.contains("TAGS: [[TAGS]] NO\n") && !text.contains("${"),
                "{text}"
            );
        }
        c.stop().await;
    }
}

/// Without `post` and `to` in `[draft]`, an empty document still offers a skeleton, first: the text
/// alone with the banner's origin and serial as placeholders, its documentation naming the
/// `[draft]` keys that give the whole cable (before, only the five banner words were offered,
/// with no hint).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_in_an_empty_document_without_a_draft_table_says_what_it_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let uri = file_uri(&tmp.path().join("new.cable"));
    for snippets in [true, false] {
        let mut c = TestClient::start(Setup {
            snippets,
            ..Setup::default()
        })
        .await;
        c.open(&uri, 1, "").await;
        let list = c.call("textDocument/completion", at(&uri, 0, 0)).await;
        let item = item_where(&list["items"], "label", "New cable (text only)").clone();
        assert_eq!(item["sortText"], "!", "{item}");
        assert_eq!(
            item["detail"],
            "UNCLAS [[POST]] [[SERIAL]] · set [draft] post and to for the header"
        );
        let doc = item["documentation"]["value"].as_str().unwrap();
        assert!(
            doc.contains("[draft]\npost = \"AMEMBASSY OSLO\"")
                && doc.contains("to = [\"SECSTATE WASHDC\"]")
                && doc.contains(
                    "Not written whole: no post to draft from: set `post` in the `[draft]` table"
                ),
            "{doc}"
        );
        // The editor's advice names the `[draft]` keys, never the options of `cablelint new`.
        assert!(!doc.contains("--") && !doc.contains("give `"), "{doc}");
        let text = item["textEdit"]["newText"].as_str().unwrap();
        if snippets {
            assert!(
                text.starts_with("UNCLAS ${1:[[POST]]} ${2:[[SERIAL]]}\n\nE.O. "),
                "{text}"
            );
        } else {
            // The buffer after accepting it: a draft whose only findings are its placeholders.
            assert!(
                text.starts_with("UNCLAS [[POST]] [[SERIAL]]\n\nE.O. "),
                "{text}"
            );
            let diags = cablelint::check(
                text,
                &cablelint::rules::Settings::default(),
                cablelint::data::Tables::builtin(),
            );
            assert!(!diags.is_empty());
            assert!(
                diags.iter().all(|d| d.rule.code() == "CBL410"),
                "{:?}",
                diags.iter().map(|d| d.rule.code()).collect::<Vec<_>>()
            );
        }
        c.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_decodes_and_explains() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    let (line, col) = find(OSLO, "0740930", false);
    let h = c.call("textDocument/hover", at(URI, line, col + 1)).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert_eq!(h["contents"]["kind"], "markdown");
    assert!(
        md.contains("julian day 074: Friday 14 March 2008") && md.contains("09:30 UTC"),
        "{md}"
    );
    let (line, col) = find(OSLO, "PGOV", false);
    let h = c.call("textDocument/hover", at(URI, line, col + 1)).await;
    assert!(h["contents"]["value"].as_str().unwrap().contains("PGOV"));
    assert_eq!(h["range"]["start"], pos(line, col));
    assert_eq!(h["range"]["end"], pos(line, col + 4));
    let h = c.call("textDocument/hover", at(URI, 23, 0)).await;
    assert!(h.is_null(), "a blank line has no hover: {h}");
    c.stop().await;
}

/// The inlay hints of a range of `uri` as `(line, character, label)`.
async fn hints(c: &mut TestClient, uri: &str, start: Value, end: Value) -> Vec<(u64, u64, String)> {
    let r = c
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": td(uri), "range": {"start": start, "end": end}}),
        )
        .await;
    r.as_array()
        .unwrap_or_else(|| panic!("an array of hints: {r}"))
        .iter()
        .map(|h| {
            assert_eq!(h["paddingLeft"], true, "{h}");
            assert!(h["tooltip"].as_str().is_some_and(|t| !t.is_empty()), "{h}");
            (
                h["position"]["line"].as_u64().unwrap(),
                h["position"]["character"].as_u64().unwrap(),
                h["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inlay_hints_decode_the_header_in_the_requested_range() {
    let mut c = TestClient::start(Setup::default()).await;
    assert_eq!(
        c.initialize_result["capabilities"]["inlayHintProvider"], true,
        "{}",
        c.initialize_result
    );
    c.open(URI, 1, OSLO).await;
    let end_of = |needle: &str| {
        let (line, col) = find(OSLO, needle, false);
        (u64::from(line), u64::from(col) + needle.len() as u64)
    };
    let hint = |needle: &str, label: &str| {
        let (l, c) = end_of(needle);
        (l, c, label.to_string())
    };
    let all = hints(&mut c, URI, pos(0, 0), pos(200, 0)).await;
    assert_eq!(
        all,
        [
            hint("0740930", "Fri 14 Mar 2008 09:30 UTC"),
            hint("140930Z MAR 08", "Fri 14 Mar 2008 09:30 UTC"),
            hint("PRIORITY 5521", "5521st to this addressee"),
            hint("PRIORITY 0412", "412th to this addressee"),
            hint("HELSINKI 0388", "388th to this addressee"),
            hint("STOCKHOLM 0391", "391st to this addressee"),
            hint("DECL: 03/14/2018", "10 years after the cable's date"),
        ]
    );
    // Only the lines asked for: the FL5 line.
    let (dtg_line, _) = find(OSLO, "P 140930Z", false);
    let some = hints(&mut c, URI, pos(dtg_line, 0), pos(dtg_line + 1, 0)).await;
    assert_eq!(some, [hint("140930Z MAR 08", "Fri 14 Mar 2008 09:30 UTC")]);
    // A date-time group that is no date gets no hint, and DECL no count; the server answers on.
    let bad = OSLO.replace("P 140930Z MAR 08", "P 320930Z MAR 08");
    c.change(URI, 2, json!([{ "text": &bad }])).await;
    let got = hints(&mut c, URI, pos(0, 0), pos(200, 0)).await;
    assert!(
        !got.iter()
            .any(|(l, _, label)| *l == u64::from(dtg_line) || label.contains("cable's date")),
        "{got:?}"
    );
    assert!(got
        .iter()
        .any(|(_, _, label)| label == "Fri 14 Mar 2008 09:30 UTC"));
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_lens_shows_the_section_and_the_open_cables_that_cite_it() {
    let mut c = TestClient::start(Setup::default()).await;
    assert_eq!(
        c.initialize_result["capabilities"]["codeLensProvider"]["resolveProvider"],
        false
    );
    // 08OSLO198, which OSLO's `REF: A. OSLO 198` cites.
    let cited = support::cited_by_oslo(OSLO);
    let cited_uri = "file:///nonexistent-ws/08OSLO198.cable";
    c.open(cited_uri, 1, &cited).await;
    let lenses = |v: Value| -> Vec<(Value, String, String)> {
        v.as_array()
            .unwrap_or_else(|| panic!("an array of lenses: {v}"))
            .iter()
            .map(|l| {
                (
                    l["range"]["start"].clone(),
                    l["command"]["title"].as_str().unwrap().to_string(),
                    l["command"]["command"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let (banner, _) = find(&cited, "C O N F I D E N T I A L", false);
    let got = lenses(document_call(&mut c, "textDocument/codeLens", cited_uri).await);
    assert_eq!(
        got,
        [
            (pos(banner, 0), "section 1 of 2".to_string(), String::new()),
            (
                pos(banner, 0),
                "cited by no open cable".to_string(),
                String::new()
            ),
        ]
    );
    // Opening the cable that cites it counts it.
    c.open(URI, 1, OSLO).await;
    let got = lenses(document_call(&mut c, "textDocument/codeLens", cited_uri).await);
    assert_eq!(got[1].1, "cited by 1 open cable");
    // A single-section cable; a text without a banner has no lens.
    let single = OSLO
        .replace(" SECTION 01 OF 02", "")
        .replace("OSLO 00000217  002 OF 002\n", "");
    c.change(URI, 2, json!([{ "text": &single }])).await;
    let got = lenses(document_call(&mut c, "textDocument/codeLens", URI).await);
    assert_eq!(got[0].1, "1 section");
    c.change(URI, 3, json!([{ "text": "P 140930Z MAR 08\n" }]))
        .await;
    let got = document_call(&mut c, "textDocument/codeLens", URI).await;
    assert_eq!(got, json!([]));
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_quick_fix_fix_all_and_raise_banner() {
    let mut c = TestClient::start(Setup::default()).await;
    let text = markup(OSLO).replace("¶2. (C) The deputy", "¶2. (S) The deputy");
    c.open(URI, 1, &text).await;
    let diags = c.diagnostics(URI, 1).await;
    let (line, col) = find(&text, "[PREL](#)", false);
    let params = json!({
        "textDocument": td(URI),
        "range": {"start": pos(line, col), "end": pos(line, col)},
        "context": {"diagnostics": diags},
    });
    let actions = c.call("textDocument/codeAction", params).await;
    let quick = item_where(&actions, "kind", "quickfix");
    assert_eq!(quick["isPreferred"], true);
    let edits = quick["edit"]["changes"][URI].as_array().unwrap();
    assert_eq!(edits[0]["newText"], "PREL");
    assert_eq!(quick["diagnostics"][0]["code"], "CBL302");
    // Source action: fix all.
    let params = json!({
        "textDocument": td(URI),
        "range": {"start": pos(0, 0), "end": pos(0, 0)},
        "context": {"diagnostics": [], "only": ["source.fixAll"]},
    });
    let actions = c.call("textDocument/codeAction", params).await;
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.cablelint");
    // Raising the banner: offered at the marking, never preferred.
    let (line, col) = find(&text, "(S) The deputy", false);
    let params = json!({
        "textDocument": td(URI),
        "range": {"start": pos(line, col), "end": pos(line, col + 3)},
        "context": {"diagnostics": [], "only": ["quickfix"]},
    });
    let actions = c.call("textDocument/codeAction", params).await;
    let raise = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Raise the banner"))
        .expect("raise");
    assert!(raise["isPreferred"].is_null() || raise["isPreferred"] == false);
    let edits = raise["edit"]["changes"][URI].as_array().unwrap();
    assert!(edits.iter().any(|e| e["newText"] == "S E C R E T"));
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn symbols_folding_and_semantic_tokens() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    let symbols = document_call(&mut c, "textDocument/documentSymbol", URI).await;
    let names = symbol_names(&symbols);
    assert_eq!(names[0], "Header");
    // The outline's first entry names the document kind.
    assert_eq!(symbols[0]["detail"], "transmitted");
    let draft = &OSLO[OSLO.find("\nC O N F").unwrap() + 1..];
    c.open(DRAFT_URI, 1, draft).await;
    let outline = document_call(&mut c, "textDocument/documentSymbol", DRAFT_URI).await;
    let first = outline[0]["detail"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(first.starts_with("draft, "), "{first}");
    assert!(
        names.contains(&"¶4 (C)") && names.contains(&"SUBJECT") && names.contains(&"REF"),
        "{names:?}"
    );
    let folds = document_call(&mut c, "textDocument/foldingRange", URI).await;
    let folds = folds.as_array().unwrap();
    assert!(
        folds
            .iter()
            .any(|f| f["startLine"] == 0 && f["endLine"] == 9 && f["kind"] == "region"),
        "the header is a region, not imports (which editors may fold as the file opens): {folds:?}"
    );
    assert!(
        folds.iter().all(|f| f["kind"] != "imports"),
        "a cable has no imports: {folds:?}"
    );
    assert!(
        folds
            .iter()
            .any(|f| f["startLine"] == 7 && f["endLine"] == 9 && f["kind"] == "region"),
        "the INFO block: {folds:?}"
    );
    // Each span of lines once: paragraph 1 and the summary that fills it are one fold.
    let spans: std::collections::HashSet<_> = folds
        .iter()
        .map(|f| (f["startLine"].clone(), f["endLine"].clone()))
        .collect();
    assert_eq!(spans.len(), folds.len(), "{folds:?}");
    let legend = c.initialize_result["capabilities"]["semanticTokensProvider"]["legend"]
        ["tokenTypes"]
        .clone();
    let tokens = document_call(&mut c, "textDocument/semanticTokens/full", URI).await;
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(data.len() % 5, 0);
    // Decode the relative positions and find the banner's level token.
    let (bline, _) = find(OSLO, "C O N F I D E N T I A L", false);
    let (mut line, mut col) = (0u64, 0u64);
    let mut found = None;
    for t in data.chunks(5) {
        if t[0] > 0 {
            line += t[0];
            col = t[1];
        } else {
            col += t[1];
        }
        if line == bline as u64 && col == 0 {
            found = Some((t[2], legend[t[3] as usize].clone(), t[4]));
        }
    }
    let (len, kind, modifiers) = found.expect("a token at the banner");
    assert_eq!(len, 23);
    assert_eq!(kind, "macro");
    assert_eq!(modifiers & 2, 2, "classified");
    c.stop().await;
}

/// Tells the server that the client opened `dir` as a workspace folder.
async fn add_workspace_folder(c: &mut TestClient, dir: &std::path::Path) {
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": file_uri(dir), "name": "ws"}], "removed": []}}),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_opens_the_referenced_cable() {
    let dir = tempfile::tempdir().unwrap();
    let referenced = support::cited_by_oslo(OSLO);
    std::fs::write(dir.path().join("earlier.cable"), &referenced).unwrap();
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    let (line, col) = find(OSLO, "OSLO 198", false);
    let r = c
        .call("textDocument/definition", at(URI, line, col + 6))
        .await;
    assert!(r.is_null(), "no workspace yet: {r}");
    // A workspace folder added later is searched.
    add_workspace_folder(&mut c, dir.path()).await;
    let r = c
        .call("textDocument/definition", at(URI, line, col + 6))
        .await;
    assert_eq!(r["uri"], file_uri(&dir.path().join("earlier.cable")));
    let (bline, _) = find(&referenced, "C O N F I D E N T I A L", false);
    assert_eq!(r["range"]["start"], pos(bline, 0));
    // An open document wins over the disk.
    let open_uri = "file:///nonexistent-ws/08OSLO198-draft.cable";
    c.open(open_uri, 1, &referenced).await;
    let r = c
        .call("textDocument/definition", at(URI, line, col + 6))
        .await;
    assert_eq!(r["uri"], open_uri);
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_links_name_each_cited_cable_and_resolve_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let referenced = support::cited_by_oslo(OSLO);
    std::fs::write(dir.path().join("earlier.cable"), &referenced).unwrap();
    let mut c = TestClient::start(Setup::default()).await;
    add_workspace_folder(&mut c, dir.path()).await;
    c.open(URI, 1, OSLO).await;
    let links = c
        .call(
            "textDocument/documentLink",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let links = links.as_array().expect("an array of links").clone();
    // `REF: A. OSLO 198 B. 07 STATE 154022`: two cables, with the ids `inspect` gives them.
    assert_eq!(links.len(), 2, "{links:?}");
    let (line, col) = find(OSLO, "OSLO 198", false);
    assert_eq!(links[0]["range"]["start"], pos(line, col));
    assert_eq!(links[0]["tooltip"], "Open cable 08OSLO198");
    assert_eq!(links[1]["tooltip"], "Open cable 07STATE154022");
    assert!(
        links[0]["target"].is_null(),
        "targets come with the resolve"
    );
    // Resolving the first finds the cable in the workspace folder.
    let resolved = c.call("documentLink/resolve", links[0].clone()).await;
    assert_eq!(
        resolved["target"],
        file_uri(&dir.path().join("earlier.cable"))
    );
    // The second is nowhere: no target, and the tooltip says why.
    let resolved = c.call("documentLink/resolve", links[1].clone()).await;
    assert!(resolved["target"].is_null(), "{resolved}");
    assert_eq!(
        resolved["tooltip"],
        "Cable 07STATE154022 is not open and not in the workspace"
    );
    c.stop().await;
}

// -- The end of a session ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_then_exit_ends_the_session_promptly() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    let started = std::time::Instant::now();
    let outcome = c.stop().await;
    assert!(outcome.shutdown_received);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn extra_tables_named_by_cablelint_toml_apply_to_its_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cablelint.toml"),
        "[data]\ntags = [\"local-tags.tsv\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("local-tags.tsv"),
        "code\tkind\ttitle\nKXQZ\tprogram\tArctic Shipping Consultations\n",
    )
    .unwrap();
    let doc = file_uri(&dir.path().join("a.cable"));
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL PGOV KXQZ NO");
    let mut c = TestClient::start(Setup::default()).await;
    // Elsewhere the tag is unknown; under the file it is known.
    c.open(URI, 1, &text).await;
    assert_eq!(codes(&c.diagnostics(URI, 1).await), ["CBL305"]);
    c.open(&doc, 1, &text).await;
    assert!(c.diagnostics(&doc, 1).await.is_empty());
    let (line, col) = find(&text, "KXQZ", false);
    let list = c
        .call("textDocument/completion", at(&doc, line, col + 2))
        .await;
    let item = item_where(&list["items"], "label", "KXQZ").clone();
    assert!(item["detail"]
        .as_str()
        .unwrap()
        .contains("Arctic Shipping Consultations"));
    let resolved = c.call("completionItem/resolve", item).await;
    assert!(resolved["documentation"]["value"]
        .as_str()
        .unwrap()
        .contains("Arctic Shipping Consultations"));
    c.stop().await;
}

// -- The engine the checker and the server share -------------------------------------------------

/// Runs the checker binary in `dir` with `args` and `stdin`; returns its standard output.
fn checker(dir: &std::path::Path, args: &[&str], stdin: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cablelint"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the checker runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fix_all_gives_exactly_the_text_check_fix_writes() {
    // Several safe fixes in a CRLF cable; `ROUTNE` needs two rounds (spelt `ROUTINE`, then
    // left out as addressee lines leave ROUTINE unwritten).
    let text = OSLO
        .replace("TAGS: PREL PGOV", "TAGS: [PREL](#) [PGOV](#)")
        .replace("C O N F I D E N T I A L SECTION", "CONFIDENTIAL SECTION")
        .replace("SECTION 01 OF 02", "SECTION 1 OF 2")
        .replace("WASHDC PRIORITY 5521", "WASHDC PRIORTY 5521")
        .replace("HELSINKI 0388", "HELSINKI ROUTNE 0388")
        .replace('\n', "\r\n");
    let dir = tempfile::tempdir().unwrap();
    let expected = checker(dir.path(), &["check", "--isolated", "--fix", "-"], &text);
    assert_ne!(expected, text, "the checker fixes something");
    assert!(
        expected.contains("TAGS: PREL PGOV ENRG NO\r\n"),
        "{expected}"
    );
    assert!(
        expected.contains("\r\nRUEHHE/AMEMBASSY HELSINKI 0388\r\n"),
        "{expected}"
    );
    assert!(!expected.replace("\r\n", "").contains('\n'), "CRLF kept");

    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, &text).await;
    c.diagnostics(URI, 1).await;
    let params = json!({
        "textDocument": td(URI),
        "range": {"start": pos(0, 0), "end": pos(0, 0)},
        "context": {"diagnostics": [], "only": ["source.fixAll"]},
    });
    let actions = c.call("textDocument/codeAction", params).await;
    let fix_all = item_where(&actions, "kind", "source.fixAll.cablelint");
    let edits = fix_all["edit"]["changes"][URI].as_array().unwrap();
    assert_eq!(apply_lsp_edits(&text, edits, ColumnUnit::Utf16), expected);
    c.stop().await;
}

/// `source.fixAll` and `check --fix` over every real cable they change: the received copies and
/// records of `../shared/corpus-release` and the cables of `../shared/corpus` (copied under
/// `.cable` names into a temporary folder, which `check --isolated --fix` rewrites in one run). Each
/// changed cable is opened in the server, and its fix-all edit applied to the original text must
/// give the checker's text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    any(shared_corpus_absent, shared_corpus_release_absent),
    ignore = "needs ../shared/corpus and ../shared/corpus-release, which are absent"
)]
async fn fix_all_gives_the_text_check_fix_writes_on_every_real_cable_it_changes() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let dir = tempfile::tempdir().unwrap();
    let mut originals = Vec::new();
    for corpus in ["corpus", "corpus-release"] {
        for entry in std::fs::read_dir(shared.join(corpus)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            // The protocol carries text, so a cable that is not UTF-8 is left out.
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = format!(
                "{corpus}-{}.cable",
                path.file_stem().unwrap().to_string_lossy()
            );
            std::fs::write(dir.path().join(&name), &text).unwrap();
            originals.push((name, text));
        }
    }
    checker(
        dir.path(),
        &["check", "--isolated", "--fix", "--exit-zero", "."],
        "",
    );
    let changed: Vec<(String, String, String)> = originals
        .into_iter()
        .filter_map(|(name, text)| {
            let fixed = std::fs::read_to_string(dir.path().join(&name)).unwrap();
            (fixed != text).then_some((name, text, fixed))
        })
        .collect();
    // Real cables the checker fixes: the comparison is over many of them, not none.
    assert!(changed.len() >= 40, "only {} cables changed", changed.len());
    let mut c = TestClient::start(Setup::default()).await;
    for (version, (name, text, expected)) in changed.iter().enumerate() {
        let uri = format!("file:///nonexistent-ws/{name}");
        c.open(&uri, 1, text).await;
        let params = json!({
            "textDocument": td(&uri),
            "range": {"start": pos(0, 0), "end": pos(0, 0)},
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        });
        let actions = c.call("textDocument/codeAction", params).await;
        let fix_all = item_where(&actions, "kind", "source.fixAll.cablelint");
        let edits = fix_all["edit"]["changes"][uri.as_str()]
            .as_array()
            .unwrap_or_else(|| panic!("{name} (#{version}): no edit in {fix_all}"));
        assert_eq!(
            &apply_lsp_edits(text, edits, ColumnUnit::Utf16),
            expected,
            "{name}"
        );
        c.notify("textDocument/didClose", json!({"textDocument": td(&uri)}))
            .await;
    }
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn off_in_cablelint_toml_means_the_same_to_the_checker_and_the_server() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cablelint.toml"),
        "[severity]\nCBL302 = \"off\"\nCBL305 = \"warning\"\n",
    )
    .unwrap();
    let text = OSLO
        .replace("TAGS: PREL PGOV", "TAGS: [PREL](#) PGOQ")
        .replace("¶2. (C) The deputy", "¶2. (S) The deputy");
    let path = dir.path().join("a.cable");
    std::fs::write(&path, &text).unwrap();
    let concise = checker(
        dir.path(),
        &["check", "a.cable", "--output-format", "concise"],
        "",
    );
    let mut from_checker: Vec<String> = concise
        .lines()
        .filter_map(|l| l.find("[CBL").map(|i| l[i + 1..i + 7].to_string()))
        .collect();
    from_checker.sort();

    let doc = file_uri(&path);
    let mut c = TestClient::start(Setup::default()).await;
    c.open(&doc, 1, &text).await;
    let diags = c.diagnostics(&doc, 1).await;
    let mut from_server = codes(&diags);
    from_server.sort();
    assert_eq!(from_server, from_checker, "{concise}");
    assert!(
        !from_server.iter().any(|c| c == "CBL302"),
        "{from_server:?}"
    );
    assert!(from_server.iter().any(|c| c == "CBL305"), "{from_server:?}");
    let unknown = diags.iter().find(|d| d["code"] == "CBL305").unwrap();
    assert_eq!(unknown["severity"], 2, "warning");
    c.stop().await;
}

/// `cablelint fmt -` of a text, run in `dir` as standard input named `name`.
fn fmt_stdin(dir: &std::path::Path, name: &str, text: &str) -> String {
    checker(dir, &["fmt", "--stdin-filename", name, "-"], text)
}

/// Asks for `textDocument/formatting` and returns the edits.
async fn format_edits(c: &mut TestClient, uri: &str) -> Value {
    let params = json!({
        "textDocument": td(uri),
        "options": {"tabSize": 4, "insertSpaces": true},
    });
    c.call("textDocument/formatting", params).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formatting_gives_the_text_fmt_writes_as_line_edits() {
    let dir = tempfile::tempdir().unwrap();
    let expected = fmt_stdin(dir.path(), "a.cable", OSLO);
    assert_ne!(expected, OSLO, "the fixture is not formatted yet");

    let mut c = TestClient::start(Setup::default()).await;
    let caps = &c.initialize_result["capabilities"];
    assert_eq!(caps["documentFormattingProvider"], true);
    assert_eq!(caps["documentRangeFormattingProvider"], true);
    c.open(URI, 1, OSLO).await;
    let edits = format_edits(&mut c, URI).await;
    let edits = edits.as_array().expect("edits");
    assert_eq!(apply_lsp_edits(OSLO, edits, ColumnUnit::Utf16), expected);
    // Line edits, not one replacement of the document: the header and the banner are untouched,
    // so cursors there stay where they are.
    assert!(edits.len() >= 3, "{edits:?}");
    let (banner, _) = find(OSLO, "C O N F I D E N T I A L", false);
    for e in edits {
        assert!(
            e["range"]["start"]["line"].as_u64().unwrap() > banner as u64,
            "{e}"
        );
        assert_eq!(e["range"]["start"]["character"], 0, "{e}");
    }

    // Formatted, it gets no edits.
    c.change(URI, 2, json!([{ "text": expected }])).await;
    let again = format_edits(&mut c, URI).await;
    assert_eq!(again, json!([]));
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formatting_a_crlf_document_in_utf16_and_utf8() {
    // CRLF, pilcrows (two bytes, one UTF-16 unit) and an emoji (four bytes, two units) in a
    // paragraph the formatter re-wraps, and no final line break.
    let text = OSLO
        .replace("ice reporting.", "ice reporting \u{1F9CA}.")
        .replace('\n', "\r\n");
    let text = text.trim_end().to_string();
    let dir = tempfile::tempdir().unwrap();
    let expected = fmt_stdin(dir.path(), "a.cable", &text);
    assert!(expected.contains("\u{1F9CA}."), "{expected}");
    assert!(!expected.replace("\r\n", "").contains('\n'), "CRLF kept");
    assert!(expected.ends_with("EXAMPLE\r\n"), "{expected:?}");
    for encoding in ["utf-16", "utf-8"] {
        let mut c = TestClient::start(Setup {
            encodings: vec![encoding],
            ..Setup::default()
        })
        .await;
        c.open(URI, 1, &text).await;
        let edits = format_edits(&mut c, URI).await;
        let edits = edits.as_array().expect("edits").clone();
        let got = if encoding == "utf-16" {
            apply_lsp_edits(&text, &edits, ColumnUnit::Utf16)
        } else {
            apply_lsp_edits(&text, &edits, ColumnUnit::Utf8)
        };
        assert_eq!(got, expected, "{encoding}");
        c.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn range_formatting_formats_only_the_paragraph_the_selection_touches() {
    let dir = tempfile::tempdir().unwrap();
    let full = fmt_stdin(dir.path(), "a.cable", OSLO);
    // The selection runs from the middle of paragraph 2's first line into its second line.
    let (line, col) = find(OSLO, "first round would", false);
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    let params = json!({
        "textDocument": td(URI),
        "range": {"start": pos(line, col), "end": pos(line + 1, 3)},
        "options": {"tabSize": 4, "insertSpaces": true},
    });
    let edits = c.call("textDocument/rangeFormatting", params).await;
    let got = apply_lsp_edits(OSLO, edits.as_array().expect("edits"), ColumnUnit::Utf16);

    // Paragraph 2 as `cablelint fmt` lays it out, everything else as written.
    let paragraph = |t: &str, start: &str| {
        let at = t.find(start).unwrap();
        t[at..at + t[at..].find("\n\n").unwrap()].to_string()
    };
    let want = OSLO.replace(
        &paragraph(OSLO, "¶2. (C)"),
        &paragraph(&full, "2. (C) The deputy"),
    );
    assert_ne!(want, OSLO);
    assert_eq!(got, want);
    assert!(got.contains("¶1. (C) Summary."), "{got}");
    assert!(got.contains("SHIPPING\nCONSULTATIONS"), "{got}");
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formatting_takes_the_format_options_of_the_documents_cablelint_toml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cablelint.toml"),
        "[format]\nline-width = 0\nspaced-banner = false\n",
    )
    .unwrap();
    let path = dir.path().join("a.cable");
    std::fs::write(&path, OSLO).unwrap();
    let expected = fmt_stdin(dir.path(), "a.cable", OSLO);
    assert!(
        expected.contains("\nCONFIDENTIAL SECTION 01 OF 02"),
        "{expected}"
    );
    assert!(expected.contains("SHIPPING\nCONSULTATIONS"), "{expected}");

    let doc = file_uri(&path);
    let mut c = TestClient::start(Setup::default()).await;
    c.open(&doc, 1, OSLO).await;
    let edits = format_edits(&mut c, &doc).await;
    assert_eq!(
        apply_lsp_edits(OSLO, edits.as_array().expect("edits"), ColumnUnit::Utf16),
        expected
    );
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_the_formatter_refuses_gets_no_edits_and_a_message() {
    let text = format!(
        "This record is a partial extract of the original cable. The full text of the \
         original cable is not available.\n\n{OSLO}"
    );
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, &text).await;
    let edits = format_edits(&mut c, URI).await;
    assert_eq!(edits, Value::Null);
    let shown = c
        .notification("window/showMessage", TIMEOUT)
        .await
        .expect("the reason is shown");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("oslo.cable not formatted"), "{message}");
    assert!(message.contains("release artifact"), "{message}");
    assert_eq!(shown["params"]["type"], 2, "a warning");
    assert!(c
        .notification("window/logMessage", TIMEOUT)
        .await
        .is_some_and(|m| m["params"]["message"] == message));

    // Asked again (formatting on every save), it is logged but not shown again.
    let range = json!({
        "textDocument": td(URI),
        "range": {"start": pos(20, 0), "end": pos(24, 0)},
        "options": {"tabSize": 4, "insertSpaces": true},
    });
    assert_eq!(
        c.call("textDocument/rangeFormatting", range).await,
        Value::Null
    );
    assert!(c.notification("window/logMessage", TIMEOUT).await.is_some());
    assert!(c
        .notification("window/showMessage", Duration::from_millis(300))
        .await
        .is_none());
    c.stop().await;
}
