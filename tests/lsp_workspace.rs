//! Protocol tests of the workspace index: go-to-definition and find-all-references across the
//! cables of a workspace folder, workspace symbols, workspace diagnostics with unchanged reports,
//! the skeleton's next serial, and the index following file events and unsaved buffers.

#[path = "lsp_harness.rs"]
mod harness;
mod support;

use std::path::Path;

use harness::*;
use serde_json::{json, Value};

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": pos(line, character) })
}

/// OSLO 198 (the cable the fixture cites as `OSLO 198`), citing only a State cable.
fn oslo_198() -> String {
    support::cited_by_oslo(OSLO).replace(
        "REF: A. OSLO 198 B. 07 STATE 154022",
        "REF: 07 STATE 154022",
    )
}

/// Another cable of OSLO, serial `serial`, whose REF block is `refs`.
fn oslo_citing(serial: u32, refs: &str) -> String {
    OSLO.replace("#0217/01", &format!("#{serial:04}/01"))
        .replace("OSLO 000217", &format!("OSLO {serial:06}"))
        .replace(
            "REF: A. OSLO 198 B. 07 STATE 154022",
            &format!("REF: {refs}"),
        )
}

/// The files and lines of a list of locations, sorted.
fn places(locations: &Value) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = locations
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|l| {
            let uri = l["uri"].as_str().unwrap();
            let name = uri.rsplit('/').next().unwrap().to_string();
            (name, l["range"]["start"]["line"].as_u64().unwrap())
        })
        .collect();
    out.sort();
    out
}

/// `textDocument/references` at the banner of `uri`, whose text is `text`.
async fn citing(c: &mut TestClient, uri: &str, text: &str, declaration: bool) -> Value {
    let (line, col) = find(text, "C O N F I D E N T I A L", false);
    let mut params = at(uri, line, col + 3);
    params["context"] = json!({ "includeDeclaration": declaration });
    c.call("textDocument/references", params).await
}

async fn watched(c: &mut TestClient, path: &Path, kind: u32) {
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(path), "type": kind}]}),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_and_references_come_from_the_workspace_cables() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("older")).unwrap();
    std::fs::write(root.join("older/earlier.cable"), oslo_198()).unwrap();
    std::fs::write(root.join("oslo.cable"), OSLO).unwrap();
    let third = oslo_citing(230, "A. OSLO 217 B. 08 OSLO 198");
    std::fs::write(root.join("third.tel"), &third).unwrap();
    // Not a cable file: `check` would not read it, nor does the index.
    std::fs::write(root.join("notes.txt"), oslo_citing(231, "A. OSLO 198")).unwrap();
    let mut c = TestClient::start(Setup {
        folders: vec![file_uri(root)],
        ..Setup::default()
    })
    .await;
    assert_eq!(
        c.initialize_result["capabilities"]["referencesProvider"],
        true
    );
    // Definition on `OSLO 198` in an open document: the file in the subfolder, at its banner.
    let uri = file_uri(&root.join("oslo.cable"));
    c.open(&uri, 1, OSLO).await;
    let (line, col) = find(OSLO, "OSLO 198", false);
    let r = c
        .call("textDocument/definition", at(&uri, line, col + 6))
        .await;
    assert_eq!(r["uri"], file_uri(&root.join("older/earlier.cable")));
    let (bline, _) = find(&oslo_198(), "C O N F I D E N T I A L", false);
    assert_eq!(r["range"]["start"], pos(bline, 0));

    // References on OSLO 198's banner: the two cables that cite it, where they cite it.
    let earlier = file_uri(&root.join("older/earlier.cable"));
    c.open(&earlier, 1, &oslo_198()).await;
    let refs = citing(&mut c, &earlier, &oslo_198(), false).await;
    let (ref_line, _) = find(OSLO, "REF:", false);
    assert_eq!(
        places(&refs),
        [
            ("oslo.cable".to_string(), ref_line as u64),
            ("third.tel".to_string(), ref_line as u64)
        ]
    );
    let oslo_ref = refs
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["uri"] == uri)
        .unwrap();
    assert_eq!(oslo_ref["range"]["start"], pos(line, col));
    assert_eq!(
        oslo_ref["range"]["end"],
        pos(line, col + "OSLO 198".len() as u32)
    );
    // With the declaration: the banner too.
    let refs = citing(&mut c, &earlier, &oslo_198(), true).await;
    assert_eq!(refs.as_array().unwrap().len(), 3);
    assert_eq!(refs[0]["uri"], earlier);
    assert_eq!(refs[0]["range"]["start"], pos(bline, 0));
    // The code lens over the banner counts the same cables.
    let lenses = c
        .call(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": earlier}}),
        )
        .await;
    assert_eq!(
        lenses[1]["command"]["title"],
        "cited by 2 cables in the workspace"
    );
    // On the DE line of OSLO 217: the third cable cites it.
    let (de_line, _) = find(OSLO, "DE RUEHNY", false);
    let mut params = at(&uri, de_line, 4);
    params["context"] = json!({ "includeDeclaration": false });
    let refs = c.call("textDocument/references", params).await;
    assert_eq!(places(&refs), [("third.tel".to_string(), ref_line as u64)]);
    // On a REF entry: every citation of that cable.
    let mut params = at(&uri, line, col + 2);
    params["context"] = json!({ "includeDeclaration": true });
    let refs = c.call("textDocument/references", params).await;
    assert_eq!(
        places(&refs),
        [
            ("earlier.cable".to_string(), bline as u64),
            ("oslo.cable".to_string(), ref_line as u64),
            ("third.tel".to_string(), ref_line as u64)
        ]
    );
    // A paragraph names no cable.
    let (pline, _) = find(OSLO, "Lofoten", false);
    let mut params = at(&uri, pline, 3);
    params["context"] = json!({ "includeDeclaration": true });
    assert!(c.call("textDocument/references", params).await.is_null());
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_symbols_find_cables_by_id_tags_and_subject() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("earlier.cable"), oslo_198()).unwrap();
    std::fs::write(
        root.join("oslo.cable"),
        OSLO.replace("PREL PGOV ENRG NO", "PREL PGOV ECON NO"),
    )
    .unwrap();
    std::fs::write(
        root.join("fish.cable"),
        oslo_citing(240, "A. OSLO 198")
            .replace("ARCTIC SHIPPING\nCONSULTATIONS", "COD QUOTAS\nFOR 2008"),
    )
    .unwrap();
    let mut c = TestClient::start(Setup {
        folders: vec![file_uri(root)],
        ..Setup::default()
    })
    .await;
    assert_eq!(
        c.initialize_result["capabilities"]["workspaceSymbolProvider"],
        true
    );
    let names = |r: &Value| -> Vec<String> {
        r.as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect()
    };
    // By id, exactly, whatever the case: it comes first, pointing at the banner.
    let r = c
        .call("workspace/symbol", json!({"query": "08oslo198"}))
        .await;
    assert_eq!(names(&r)[0], "08OSLO198");
    assert_eq!(
        r[0]["location"]["uri"],
        file_uri(&root.join("earlier.cable"))
    );
    let (bline, _) = find(&oslo_198(), "C O N F I D E N T I A L", false);
    assert_eq!(r[0]["location"]["range"]["start"], pos(bline, 0));
    assert_eq!(
        r[0]["containerName"],
        "NORWAY: MINISTRY OUTLINES ARCTIC SHIPPING CONSULTATIONS"
    );
    // By TAGS code: the other two carry ENRG, the edited one ECON.
    assert_eq!(
        names(&c.call("workspace/symbol", json!({"query": "ENRG"})).await),
        ["08OSLO198", "08OSLO240"]
    );
    assert_eq!(
        names(&c.call("workspace/symbol", json!({"query": "econ"})).await),
        ["08OSLO217"]
    );
    // By the start of subject words.
    assert_eq!(
        names(
            &c.call("workspace/symbol", json!({"query": "cod quot"}))
                .await
        ),
        ["08OSLO240"]
    );
    // Part of an id: every OSLO cable, by id.
    assert_eq!(
        names(&c.call("workspace/symbol", json!({"query": "OSLO2"})).await),
        ["08OSLO217", "08OSLO240"]
    );
    assert!(c
        .call("workspace/symbol", json!({"query": "nothing like it"}))
        .await
        .as_array()
        .unwrap()
        .is_empty());
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_diagnostics_report_each_file_and_unchanged_ones_as_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let marked = root.join("marked.cable");
    std::fs::write(
        &marked,
        OSLO.replace("TAGS: PREL PGOV", "TAGS: [PREL](#) PGOV"),
    )
    .unwrap();
    std::fs::write(root.join("clean.cable"), OSLO).unwrap();
    let mut c = TestClient::start(Setup {
        pull: true,
        diagnostic_refresh: true,
        folders: vec![file_uri(root)],
        ..Setup::default()
    })
    .await;
    assert_eq!(
        c.initialize_result["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"],
        true
    );
    let report = |r: &Value, name: &str| -> Value {
        r["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["uri"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no report for {name}: {r}"))
            .clone()
    };
    let first = c
        .call("workspace/diagnostic", json!({"previousResultIds": []}))
        .await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let m = report(&first, "marked.cable");
    assert_eq!(m["kind"], "full");
    assert_eq!(codes(m["items"].as_array().unwrap()), ["CBL302"]);
    let k = report(&first, "clean.cable");
    assert_eq!(k["kind"], "full");
    assert_eq!(k["items"], json!([]));
    let previous = |r: &Value| -> Value {
        Value::Array(
            r["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| json!({"uri": i["uri"], "value": i["resultId"]}))
                .collect(),
        )
    };
    // Nothing changed: both unchanged, with the same ids.
    let again = c
        .call(
            "workspace/diagnostic",
            json!({"previousResultIds": previous(&first)}),
        )
        .await;
    assert_eq!(report(&again, "marked.cable")["kind"], "unchanged");
    assert_eq!(report(&again, "marked.cable")["resultId"], m["resultId"]);
    assert_eq!(report(&again, "clean.cable")["kind"], "unchanged");
    // The marked file is fixed on disk: it alone is reported again.
    std::fs::write(&marked, OSLO).unwrap();
    let after = c
        .call(
            "workspace/diagnostic",
            json!({"previousResultIds": previous(&first)}),
        )
        .await;
    let m2 = report(&after, "marked.cable");
    assert_eq!(m2["kind"], "full");
    assert_eq!(m2["items"], json!([]));
    assert_eq!(report(&after, "clean.cable")["kind"], "unchanged");
    // An open document is reported with its buffer's text and version.
    let clean_uri = file_uri(&root.join("clean.cable"));
    c.open(
        &clean_uri,
        3,
        &OSLO.replace("TAGS: PREL PGOV", "TAGS: [PREL](#) PGOV"),
    )
    .await;
    let open = c
        .call(
            "workspace/diagnostic",
            json!({"previousResultIds": previous(&after)}),
        )
        .await;
    let k2 = report(&open, "clean.cable");
    assert_eq!(k2["kind"], "full");
    assert_eq!(k2["version"], 3);
    assert_eq!(codes(k2["items"].as_array().unwrap()), ["CBL302"]);
    assert_eq!(report(&open, "marked.cable")["kind"], "unchanged");
    // A settings change reports every file again.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"ignore": ["CBL305"]}}),
    )
    .await;
    let settings = c
        .call(
            "workspace/diagnostic",
            json!({"previousResultIds": previous(&open)}),
        )
        .await;
    assert_eq!(report(&settings, "marked.cable")["kind"], "full");
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_index_follows_file_events_and_unsaved_buffers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let oslo = root.join("oslo.cable");
    std::fs::write(&oslo, OSLO).unwrap();
    let mut c = TestClient::start(Setup {
        folders: vec![file_uri(root)],
        watch_dynamic: true,
        ..Setup::default()
    })
    .await;
    // OSLO 198 is only an unsaved buffer; the file on disk cites it.
    let earlier = file_uri(&root.join("earlier.cable"));
    c.open(&earlier, 1, &oslo_198()).await;
    let count = |r: &Value| r.as_array().map_or(0, Vec::len);
    assert_eq!(
        count(&citing(&mut c, &earlier, &oslo_198(), false).await),
        1
    );
    // The client was asked to watch cable files.
    let watchers: Vec<Value> = c
        .server_requests
        .iter()
        .filter(|r| r["method"] == "client/registerCapability")
        .flat_map(|r| {
            r["params"]["registrations"][0]["registerOptions"]["watchers"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|w| w["globPattern"].clone())
        .collect();
    assert!(watchers.contains(&json!("**/*.cable")), "{watchers:?}");

    // A cable created on disk.
    let third = root.join("third.cable");
    std::fs::write(&third, oslo_citing(230, "A. OSLO 198")).unwrap();
    watched(&mut c, &third, 1).await;
    assert_eq!(
        count(&citing(&mut c, &earlier, &oslo_198(), false).await),
        2
    );
    // Changed on disk: it now cites another cable.
    std::fs::write(&third, oslo_citing(230, "A. OSLO 199")).unwrap();
    watched(&mut c, &third, 2).await;
    assert_eq!(
        places(&citing(&mut c, &earlier, &oslo_198(), false).await),
        [("oslo.cable".to_string(), find(OSLO, "REF:", false).0 as u64)]
    );
    // An unsaved edit of oslo.cable wins over its file: it no longer cites OSLO 198.
    let oslo_uri = file_uri(&oslo);
    c.open(&oslo_uri, 1, OSLO).await;
    let (line, col) = find(OSLO, "OSLO 198", false);
    c.change(
        &oslo_uri,
        2,
        json!([{"range": {"start": pos(line, col + 7), "end": pos(line, col + 8)}, "text": "7"}]),
    )
    .await;
    assert_eq!(
        count(&citing(&mut c, &earlier, &oslo_198(), false).await),
        0
    );
    // A change of the file on disk does not overrule the buffer.
    watched(&mut c, &oslo, 2).await;
    assert_eq!(
        count(&citing(&mut c, &earlier, &oslo_198(), false).await),
        0
    );
    // Closed without saving: the file again.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": oslo_uri}}),
    )
    .await;
    assert_eq!(
        count(&citing(&mut c, &earlier, &oslo_198(), false).await),
        1
    );
    // Deleted.
    std::fs::remove_file(&oslo).unwrap();
    watched(&mut c, &oslo, 3).await;
    assert_eq!(
        count(&citing(&mut c, &earlier, &oslo_198(), false).await),
        0
    );
    // A workspace folder added later is indexed.
    let other = tempfile::tempdir().unwrap();
    std::fs::write(
        other.path().join("late.cable"),
        oslo_citing(250, "A. OSLO 198"),
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": file_uri(other.path()), "name": "other"}], "removed": []}}),
    )
    .await;
    assert_eq!(
        places(&citing(&mut c, &earlier, &oslo_198(), false).await),
        [("late.cable".to_string(), find(OSLO, "REF:", false).0 as u64)]
    );
    // And forgotten when removed.
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [{"uri": file_uri(other.path()), "name": "other"}]}}),
    )
    .await;
    assert_eq!(
        count(&citing(&mut c, &earlier, &oslo_198(), false).await),
        0
    );
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_skeleton_continues_the_serials_of_the_folder_open_buffers_included() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("cablelint.toml"),
        "[draft]\npost = \"AMEMBASSY OSLO\"\nto = [\"SECSTATE WASHDC\"]\n",
    )
    .unwrap();
    let this_year = |serial: &str| {
        OSLO.replace("OSLO 000217", &format!("OSLO {serial}"))
            .replace(
                "MAR 08",
                &format!("MAR {:02}", cablelint::vocab::Date::now_utc().0.year % 100),
            )
    };
    std::fs::write(root.join("old.cable"), this_year("004000")).unwrap();
    let mut c = TestClient::start(Setup {
        folders: vec![file_uri(root)],
        ..Setup::default()
    })
    .await;
    let uri = file_uri(&root.join("new.cable"));
    c.open(&uri, 1, "").await;
    let detail = |list: &Value| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["label"] == "New cable")
            .map(|i| i["detail"].clone())
            .unwrap()
    };
    let list = c.call("textDocument/completion", at(&uri, 0, 0)).await;
    assert_eq!(detail(&list), "UNCLAS OSLO 004001");
    // A draft open in the folder but never saved uses 4001: the next is 4002.
    c.open(
        &file_uri(&root.join("unsaved.cable")),
        1,
        &this_year("004001"),
    )
    .await;
    let list = c.call("textDocument/completion", at(&uri, 0, 0)).await;
    assert_eq!(detail(&list), "UNCLAS OSLO 004002");
    c.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_diagnostics_carry_the_cross_cable_findings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cross/duplicate-serial");
    for name in ["a.cable", "b.cable"] {
        std::fs::copy(fixtures.join(name), root.join(name)).unwrap();
    }
    let mut c = TestClient::start(Setup {
        pull: true,
        diagnostic_refresh: true,
        folders: vec![file_uri(root)],
        ..Setup::default()
    })
    .await;
    let cross = |r: &Value, name: &str| -> (String, Vec<String>) {
        let item = r["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["uri"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no report for {name}: {r}"))
            .clone();
        let codes = item["items"]
            .as_array()
            .map(|d| {
                codes(d)
                    .into_iter()
                    .filter(|c| c.starts_with("CBL7"))
                    .collect()
            })
            .unwrap_or_default();
        (item["kind"].as_str().unwrap().to_string(), codes)
    };
    let first = c
        .call("workspace/diagnostic", json!({"previousResultIds": []}))
        .await;
    assert_eq!(
        cross(&first, "a.cable"),
        ("full".into(), vec!["CBL701".into()])
    );
    assert_eq!(
        cross(&first, "b.cable"),
        ("full".into(), vec!["CBL701".into()])
    );
    let previous = Value::Array(
        first["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| json!({"uri": i["uri"], "value": i["resultId"]}))
            .collect(),
    );
    // b.cable takes another serial: a.cable's text is the same, yet its report changes.
    let b = root.join("b.cable");
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(
        &b,
        text.replace("OSLO 000217", "OSLO 000218")
            .replace("#0217", "#0218"),
    )
    .unwrap();
    let after = c
        .call(
            "workspace/diagnostic",
            json!({"previousResultIds": previous}),
        )
        .await;
    assert_eq!(cross(&after, "a.cable"), ("full".into(), vec![]));
    assert_eq!(cross(&after, "b.cable"), ("full".into(), vec![]));
    c.stop().await;
}

/// The citing count of a lens follows the index: a client that takes `workspace/codeLens/refresh`
/// is asked to re-read lenses when the scan of the folders ends, when cable files change on disk
/// and when a document is saved; a client that does not take it is never asked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lenses_are_refreshed_when_the_index_changes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("oslo.cable"), OSLO).unwrap();
    for takes_refresh in [true, false] {
        let mut c = TestClient::start(Setup {
            folders: vec![file_uri(root)],
            watch_dynamic: true,
            code_lens_refresh: takes_refresh,
            ..Setup::default()
        })
        .await;
        let earlier = file_uri(&root.join("earlier.cable"));
        c.open(&earlier, 1, &oslo_198()).await;
        let after_scan = refreshes(&mut c, &earlier, usize::from(takes_refresh)).await;
        assert_eq!(after_scan, usize::from(takes_refresh), "after the scan");
        let third = root.join("third.cable");
        std::fs::write(&third, oslo_citing(300, "A. OSLO 198")).unwrap();
        watched(&mut c, &third, 1).await;
        let after_files =
            refreshes(&mut c, &earlier, after_scan + usize::from(takes_refresh)).await;
        assert_eq!(
            after_files,
            after_scan + usize::from(takes_refresh),
            "after a file event"
        );
        c.notify(
            "textDocument/didSave",
            json!({"textDocument": {"uri": earlier}}),
        )
        .await;
        assert_eq!(
            refreshes(&mut c, &earlier, after_files + usize::from(takes_refresh)).await,
            after_files + usize::from(takes_refresh),
            "after a save"
        );
        c.stop().await;
    }
}

/// The number of `workspace/codeLens/refresh` requests the server has sent, once it reaches
/// `expected` (or after 3 s); with `expected` 0, after 300 ms. The request goes out from its own
/// task, so it may come after the answer to a question asked meanwhile. Each round asks for the
/// citing cables of `uri`, which reads the server's messages.
async fn refreshes(c: &mut TestClient, uri: &str, expected: usize) -> usize {
    use std::time::{Duration, Instant};
    let count = |c: &TestClient| {
        c.server_requests
            .iter()
            .filter(|r| r["method"] == "workspace/codeLens/refresh")
            .count()
    };
    if expected == 0 {
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        citing(c, uri, &oslo_198(), false).await;
        if count(c) >= expected || Instant::now() > deadline {
            return count(c);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The cross-cable findings show on the open cable too, not only in `workspace/diagnostic`: a push
/// client is sent them with the document's own findings, and again when another file changes
/// them; a pull client gets them from `textDocument/diagnostic` (its `resultId` changes with
/// them) and is asked to pull again when files change on disk.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_cable_shows_its_cross_cable_findings() {
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cross/duplicate-serial");
    for pull in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["a.cable", "b.cable"] {
            std::fs::copy(fixtures.join(name), root.join(name)).unwrap();
        }
        let mut c = TestClient::start(Setup {
            pull,
            diagnostic_refresh: pull,
            watch_dynamic: true,
            folders: vec![file_uri(root)],
            ..Setup::default()
        })
        .await;
        let a = file_uri(&root.join("a.cable"));
        let a_text = std::fs::read_to_string(root.join("a.cable")).unwrap();
        c.open(&a, 1, &a_text).await;
        let mut previous = None;
        let (codes_now, id) = settled_cross_codes(&mut c, &a, pull, &["CBL701"]).await;
        assert_eq!(codes_now, ["CBL701"], "pull: {pull}");
        if pull {
            // Unchanged while nothing changes.
            let again = c
                .call(
                    "textDocument/diagnostic",
                    json!({"textDocument": {"uri": a}, "previousResultId": id.clone().unwrap()}),
                )
                .await;
            assert_eq!(again["kind"], "unchanged");
            previous = id;
        }
        // b.cable takes another serial on disk: a.cable's text is the same, its findings change.
        let b = root.join("b.cable");
        let text = std::fs::read_to_string(&b).unwrap();
        std::fs::write(
            &b,
            text.replace("OSLO 000217", "OSLO 000218")
                .replace("#0217", "#0218"),
        )
        .unwrap();
        watched(&mut c, &b, 2).await;
        let (codes_now, _) = settled_cross_codes(&mut c, &a, pull, &[]).await;
        assert!(codes_now.is_empty(), "pull: {pull}: {codes_now:?}");
        if pull {
            assert!(c
                .server_requests
                .iter()
                .any(|r| r["method"] == "workspace/diagnostic/refresh"));
            let after = c
                .call(
                    "textDocument/diagnostic",
                    json!({"textDocument": {"uri": a}, "previousResultId": previous.clone().unwrap()}),
                )
                .await;
            assert_eq!(after["kind"], "full");
        }
        c.stop().await;
    }
}

/// The cross-cable codes the client shows for `uri` once they are `want` (or after 5 s): pulled
/// with `textDocument/diagnostic` (with the report's `resultId`), or read from the publications
/// received meanwhile.
/// The first answer may come while the folders are still scanned, without those findings.
async fn settled_cross_codes(
    c: &mut TestClient,
    uri: &str,
    pull: bool,
    want: &[&str],
) -> (Vec<String>, Option<Value>) {
    use std::time::{Duration, Instant};
    let cross_codes = |diags: &[Value]| -> Vec<String> {
        codes(diags)
            .into_iter()
            .filter(|c| c.starts_with("CBL7"))
            .collect()
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut last = Vec::new();
    while Instant::now() < deadline {
        if pull {
            let r = c
                .call(
                    "textDocument/diagnostic",
                    json!({"textDocument": {"uri": uri}}),
                )
                .await;
            last = cross_codes(r["items"].as_array().unwrap());
            if last == want {
                return (last, Some(r["resultId"].clone()));
            }
        } else {
            let publications = c.publications(uri, Duration::from_millis(200)).await;
            for p in &publications {
                last = cross_codes(p["diagnostics"].as_array().unwrap());
            }
            // Only a publication received in this call counts.
            if !publications.is_empty() && last == want {
                return (last, None);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (last, None)
}

/// `workspace/diagnostic` takes the cross-cable findings from the one computation that the open
/// documents' diagnostics use: its reports equal the documents' own (`textDocument/diagnostic`),
/// it does not run the cross-cable rules again for an index that has not changed, and a second
/// pull with nothing changed reports every file unchanged without checking any again (the
/// test-only request `cablelint/counters` tells the work done).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_diagnostics_share_the_cross_cable_findings_of_the_open_documents() {
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cross/duplicate-serial");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in ["a.cable", "b.cable"] {
        std::fs::copy(fixtures.join(name), root.join(name)).unwrap();
    }
    std::fs::write(root.join("c.cable"), OSLO).unwrap();
    let mut c = TestClient::start(Setup {
        pull: true,
        hooks: true,
        folders: vec![file_uri(root)],
        ..Setup::default()
    })
    .await;
    let (a, b) = (
        file_uri(&root.join("a.cable")),
        file_uri(&root.join("b.cable")),
    );
    for uri in [&a, &b] {
        let path = uri.strip_prefix("file://").unwrap();
        c.open(uri, 1, &std::fs::read_to_string(path).unwrap())
            .await;
    }
    for uri in [&a, &b] {
        let (codes_now, _) = settled_cross_codes(&mut c, uri, true, &["CBL701"]).await;
        assert_eq!(codes_now, ["CBL701"]);
    }
    let mut own = std::collections::HashMap::new();
    for uri in [&a, &b] {
        let r = c
            .call(
                "textDocument/diagnostic",
                json!({"textDocument": {"uri": uri}}),
            )
            .await;
        own.insert(uri.clone(), r["items"].clone());
    }
    let before = c.call("cablelint/counters", json!(null)).await;
    assert!(before["crossRuns"].as_u64().unwrap() >= 1, "{before}");

    let first = c
        .call("workspace/diagnostic", json!({"previousResultIds": []}))
        .await;
    let items = first["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{first}");
    for uri in [&a, &b] {
        let item = items.iter().find(|i| i["uri"] == **uri).unwrap();
        assert_eq!(item["kind"], "full");
        assert_eq!(item["items"], own[uri], "{uri}");
    }
    let after_first = c.call("cablelint/counters", json!(null)).await;
    // The open documents' findings were computed for this state of the index already.
    assert_eq!(
        after_first["crossRuns"], before["crossRuns"],
        "{after_first}"
    );
    assert_eq!(after_first["workspaceReports"], 3, "{after_first}");

    let previous = Value::Array(
        items
            .iter()
            .map(|i| json!({"uri": i["uri"], "value": i["resultId"]}))
            .collect(),
    );
    let second = c
        .call(
            "workspace/diagnostic",
            json!({"previousResultIds": previous}),
        )
        .await;
    let kinds: Vec<&str> = second["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["unchanged"; 3], "{second}");
    let after_second = c.call("cablelint/counters", json!(null)).await;
    assert_eq!(after_second, after_first);
    c.stop().await;
}

/// FL1 typed first, before the cable says its station or serial, takes the channel sequence number
/// after those of the folder's recent cables (as `cablelint new` continues message continuity
/// numbers), not 0001: the buffer line after accepting the first item.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fl1_continues_the_channel_sequence_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let sent = |fl1: &str, dtg_month: &str| {
        OSLO.replacen("VZCZCXRO4417", fl1, 1)
            .replace("MAR 08", dtg_month)
    };
    std::fs::write(root.join("a.cable"), sent("VZCZCXRO5120", "MAR 08")).unwrap();
    std::fs::write(root.join("b.cable"), sent("VZCZCXRO5119", "MAR 08")).unwrap();
    // A number of years before says nothing of today's count.
    std::fs::write(root.join("old.cable"), sent("VZCZCXRO9000", "MAR 01")).unwrap();
    let mut c = TestClient::start(Setup {
        folders: vec![file_uri(root)],
        ..Setup::default()
    })
    .await;
    let uri = file_uri(&root.join("new.cable"));
    c.open(&uri, 1, "V").await;
    let list = c.call("textDocument/completion", at(&uri, 0, 1)).await;
    let items = list["items"].as_array().unwrap();
    let first = items
        .iter()
        .find(|i| i["preselect"] == true)
        .unwrap_or_else(|| panic!("{list}"));
    let edited = apply_lsp_edits(
        "V",
        std::slice::from_ref(&first["textEdit"]),
        cablelint::syntax::ColumnUnit::Utf16,
    );
    assert_eq!(edited, "VZCZCXRO5121");
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    // No cable of the folder is on channel XYZ: its count starts at 1.
    assert!(labels.contains(&"VZCZCXYZ0001"), "{labels:?}");
    c.stop().await;
}
