//! Diagnostics: pushed (`textDocument/publishDiagnostics`) after a quiet period for the newest
//! state of a document that is still open, or pulled (`textDocument/diagnostic`) by clients that
//! can also be asked to pull again, never both. Either way they are the shared analysis's.

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
        .map(|d| to_proto::diagnostic(d, &conv, uri, related))
        .collect();
    (snap.version, out)
}

/// Schedules the push of diagnostics for a document's current generation.
pub(super) fn schedule(inner: &Arc<Inner>, uri: Uri, generation: u64) {
    let inner = inner.clone();
    tokio::spawn(async move {
        tokio::time::sleep(QUIET_PERIOD).await;
        let (snap, unit, related) = {
            let mut s = inner.session();
            if s.pull {
                return;
            }
            let unit = s.unit;
            let related = s.caps.related_information;
            match s.docs.get_mut(&uri) {
                Some(d) if d.generation == generation => (d.snapshot(), unit, related),
                _ => return,
            }
        };
        let started = Instant::now();
        let test_hooks = inner.options.test_hooks;
        let uri2 = uri.clone();
        let result = blocking("diagnostics", move || {
            analyse(&snap, &uri2, unit, test_hooks, related)
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
    let result_id = snap.generation.to_string();
    if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
        return Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                    result_id,
                },
            }),
        ));
    }
    let hooks = inner.options.test_hooks;
    let (_, items) = blocking("textDocument/diagnostic", move || {
        analyse(&snap, &uri, unit, hooks, related)
    })
    .await?;
    Ok(full_report(Some(result_id), items))
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
