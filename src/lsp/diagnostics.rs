//! Diagnostics: pushed (`textDocument/publishDiagnostics`) after a quiet period for the newest
//! state of a document that is still open, or pulled (`textDocument/diagnostic`) by clients that
//! can also be asked to pull again, never both. Either way they are the shared analysis's, with
//! the cross-cable findings of the workspace index on the document
//! ([`super::workspace_diagnostics::cross_findings_of`]) after them.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tracing::debug;

use super::convert::Converter;
use super::dispatch::blocking;
use super::documents::Snapshot;
use super::session::Inner;
use super::to_proto;
use crate::syntax::ColumnUnit;

/// How long a document must stay unchanged before its diagnostics are computed (a burst of typing
/// gives one analysis, not one per keystroke).
const QUIET_PERIOD: Duration = Duration::from_millis(30);

/// The text that makes analysis panic when test hooks are on.
pub const TEST_PANIC_MARKER: &str = "CABLELINT-TEST-PANIC";

/// The LSP diagnostics of a snapshot, with its version. Call it off the message loop.
fn analyse(
    snap: &Snapshot,
    cross: &[crate::rules::Diagnostic],
    uri: &Uri,
    unit: ColumnUnit,
    test_hooks: bool,
    related: bool,
) -> (i32, Vec<Diagnostic>) {
    if test_hooks && snap.text.contains(TEST_PANIC_MARKER) {
        panic!("test panic requested by the document");
    }
    let analysis = snap.analysis();
    let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
    let out = analysis
        .diagnostics()
        .iter()
        .chain(cross)
        .map(|d| to_proto::diagnostic(d, &conv, uri, related))
        .collect();
    (snap.version, out)
}

/// Schedules the push of diagnostics for a document's current generation.
pub(super) fn schedule(inner: &Arc<Inner>, uri: Uri, generation: u64) {
    let inner = inner.clone();
    tokio::spawn(async move {
        tokio::time::sleep(QUIET_PERIOD).await;
        let (snap, path, unit, related) = {
            let mut s = inner.session();
            if s.pull {
                return;
            }
            let unit = s.unit;
            let related = s.caps.related_information;
            match s.docs.get_mut(&uri) {
                Some(d) if d.generation == generation => {
                    (d.snapshot(), d.path.clone(), unit, related)
                }
                _ => return,
            }
        };
        let started = Instant::now();
        let test_hooks = inner.options.test_hooks;
        let uri2 = uri.clone();
        let inner2 = inner.clone();
        let result = blocking("diagnostics", move || {
            let cross = cross_findings(&inner2, path.as_deref(), &snap);
            analyse(&snap, &cross, &uri2, unit, test_hooks, related)
        })
        .await;
        let Ok((version, diags)) = result else {
            return;
        };
        let _guard = inner.publish.lock().await;
        let current = inner.session().docs.get(&uri).map(|d| d.generation);
        if current != Some(generation) {
            debug!(
                uri = uri.as_str(),
                "dropping diagnostics of a stale or closed document"
            );
            return;
        }
        debug!(
            uri = uri.as_str(),
            version,
            count = diags.len(),
            micros = started.elapsed().as_micros() as u64,
            "publishing diagnostics"
        );
        inner
            .client
            .publish_diagnostics(uri, diags, Some(version))
            .await;
    });
}

/// `textDocument/diagnostic`: the diagnostics of the current state, or "unchanged" when the client
/// has them already.
pub(super) async fn pull(
    inner: &Arc<Inner>,
    params: DocumentDiagnosticParams,
) -> Result<DocumentDiagnosticReportResult> {
    let uri = params.text_document.uri;
    let related = inner.session().caps.related_information;
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(full_report(None, Vec::new()));
    };
    let path = inner.session().docs.get(&uri).and_then(|d| d.path.clone());
    let hooks = inner.options.test_hooks;
    let inner = inner.clone();
    let previous = params.previous_result_id;
    blocking("textDocument/diagnostic", move || {
        // The result names the text's generation and the cross-cable findings on it, which other
        // files change.
        let cross = cross_findings(&inner, path.as_deref(), &snap);
        let result_id = format!(
            "{}.{:016x}",
            snap.generation,
            super::workspace_diagnostics::findings_hash(&cross)
        );
        if previous.as_deref() == Some(result_id.as_str()) {
            return DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Unchanged(
                RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                },
            ));
        }
        let (_, items) = analyse(&snap, &cross, &uri, unit, hooks, related);
        full_report(Some(result_id), items)
    })
    .await
}

/// The cross-cable findings on a document that is a file (none for an unsaved buffer without a
/// path). Call it off the message loop.
fn cross_findings(
    inner: &Inner,
    path: Option<&std::path::Path>,
    snap: &Snapshot,
) -> Vec<crate::rules::Diagnostic> {
    match path {
        Some(path) => super::workspace_diagnostics::cross_findings_of(
            inner,
            path,
            crate::workspace::index::stamp(&snap.text),
        ),
        None => Vec::new(),
    }
}

/// The workspace index changed in a way that may change the cross-cable findings on documents
/// other than the one edited (a scan ended, files changed on disk, a document was saved): a pull
/// client that can be told is asked to pull again (`workspace/diagnostic/refresh`), and a push
/// client gets every open document's diagnostics again.
pub(super) fn refresh_all(inner: &Arc<Inner>) {
    let (pull, can_refresh, open) = {
        let s = inner.session();
        let open: Vec<(Uri, u64)> = s
            .docs
            .iter()
            .map(|(u, d)| (u.clone(), d.generation))
            .collect();
        (s.pull, s.caps.diagnostic_refresh, open)
    };
    if pull {
        if can_refresh {
            let client = inner.client.clone();
            tokio::spawn(async move {
                if let Err(e) = client.workspace_diagnostic_refresh().await {
                    debug!("workspace/diagnostic/refresh failed: {e}");
                }
            });
        }
        return;
    }
    for (uri, generation) in open {
        schedule(inner, uri, generation);
    }
}

fn full_report(
    result_id: Option<String>,
    items: Vec<Diagnostic>,
) -> DocumentDiagnosticReportResult {
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
        },
    ))
}
