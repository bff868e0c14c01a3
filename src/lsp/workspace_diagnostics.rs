//! `workspace/diagnostic`: a report for every file of the workspace index, open or not, for
//! clients that pull diagnostics. A file's `resultId` names the text and the settings it was
//! checked with (an open document's is its generation, as `textDocument/diagnostic` gives it; a
//! file's is a hash of its text and the settings epoch), so a file the client has the diagnostics
//! of already is reported `unchanged` without being checked again. Files are read and checked on
//! the blocking pool, in parallel.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use rayon::prelude::*;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tracing::debug;

use super::convert::Converter;
use super::dispatch::blocking;
use super::documents::Snapshot;
use super::session::Inner;
use super::to_proto;
use super::workspace_index::{open_files, synced};
use crate::workspace::index::stamp;
use crate::workspace::Analysis;

/// `workspace/diagnostic`.
pub(super) async fn pull(
    inner: &Arc<Inner>,
    params: WorkspaceDiagnosticParams,
) -> Result<WorkspaceDiagnosticReportResult> {
    let previous: HashMap<Uri, String> = params
        .previous_result_ids
        .into_iter()
        .map(|p| (p.uri, p.value))
        .collect();
    let (unit, related) = {
        let s = inner.session();
        (s.unit, s.caps.related_information)
    };
    let inner = inner.clone();
    blocking("workspace/diagnostic", move || {
        let mut paths: Vec<_> = synced(&inner).iter().map(|(p, _)| p.clone()).collect();
        paths.sort();
        let open = open_files(&inner);
        let epoch = inner.settings_epoch.load(Ordering::Relaxed);
        let items: Vec<WorkspaceDocumentDiagnosticReport> = paths
            .par_iter()
            .filter_map(|path| match open.get(path) {
                Some((uri, snap)) => Some(open_report(uri, snap, &previous, unit, related)),
                None => file_report(&inner, path, epoch, &previous, unit, related),
            })
            .collect();
        debug!(files = items.len(), "workspace diagnostics");
        WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport { items })
    })
    .await
}

/// The report of an open document: its current text's diagnostics.
fn open_report(
    uri: &Uri,
    snap: &Snapshot,
    previous: &HashMap<Uri, String>,
    unit: crate::syntax::ColumnUnit,
    related: bool,
) -> WorkspaceDocumentDiagnosticReport {
    let result_id = snap.generation.to_string();
    let version = Some(i64::from(snap.version));
    if previous.get(uri) == Some(&result_id) {
        return unchanged(uri.clone(), version, result_id);
    }
    let analysis = snap.analysis();
    let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
    let items = analysis
        .diagnostics()
        .iter()
        .map(|d| to_proto::diagnostic(d, &conv, uri, related))
        .collect();
    full(uri.clone(), version, result_id, items)
}

/// The report of a file that is not open, read from disk now; `None` when it cannot be read.
fn file_report(
    inner: &Inner,
    path: &std::path::Path,
    epoch: u64,
    previous: &HashMap<Uri, String>,
    unit: crate::syntax::ColumnUnit,
    related: bool,
) -> Option<WorkspaceDocumentDiagnosticReport> {
    let uri = Uri::from_file_path(path)?;
    let limit = inner.index().limits().max_file_bytes;
    if std::fs::metadata(path).ok()?.len() > limit {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let result_id = format!("{:016x}.{epoch}", stamp(&text));
    if previous.get(&uri) == Some(&result_id) {
        return Some(unchanged(uri, None, result_id));
    }
    let (resolved, _) = inner.session().resolve(Some(path));
    let analysis = Analysis::new(Arc::from(text), resolved.settings, resolved.tables);
    let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
    let items = analysis
        .diagnostics()
        .iter()
        .map(|d| to_proto::diagnostic(d, &conv, &uri, related))
        .collect();
    Some(full(uri, None, result_id, items))
}

fn unchanged(
    uri: Uri,
    version: Option<i64>,
    result_id: String,
) -> WorkspaceDocumentDiagnosticReport {
    WorkspaceDocumentDiagnosticReport::Unchanged(WorkspaceUnchangedDocumentDiagnosticReport {
        uri,
        version,
        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
    })
}

fn full(
    uri: Uri,
    version: Option<i64>,
    result_id: String,
    items: Vec<Diagnostic>,
) -> WorkspaceDocumentDiagnosticReport {
    WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
        uri,
        version,
        full_document_diagnostic_report: FullDocumentDiagnosticReport {
            result_id: Some(result_id),
            items,
        },
    })
}
