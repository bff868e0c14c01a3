//! `textDocument/codeLens`: over the banner, the section count and the number of cables that cite
//! this one ([`ide::code_lenses`]). Lenses carry a title and no command.
//!
//! The citing count comes from [`citing`], the one place that knows which other cables there are:
//! the workspace index ([`crate::workspace::index::WorkspaceIndex::cited_by`]), which holds the
//! cables of the workspace folders and the open documents that are files. With workspace folders
//! the lens counts "in the workspace" ([`ide::CitingScope::Workspace`]); without any, the index
//! holds only open documents, and the lens says "open".

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto::{code_lens, uri_path};
use super::workspace_index::synced;
use crate::ide;
use crate::syntax::CableId;

/// Asks the client to ask again for every document's lenses (`workspace/codeLens/refresh`), when
/// it can be told: the workspace index changed in a way another document's citing count may
/// follow (a scan ended, files changed on disk, a document was saved). The request is sent from
/// its own task, so the caller never waits for the client.
pub(super) fn refresh(inner: &Inner) {
    if !inner.session().caps.code_lens_refresh {
        return;
    }
    let client = inner.client.clone();
    tokio::spawn(async move {
        if let Err(e) = client.code_lens_refresh().await {
            tracing::debug!("workspace/codeLens/refresh failed: {e}");
        }
    });
}

/// `textDocument/codeLens`.
pub(super) async fn code_lenses(
    inner: &Arc<Inner>,
    params: CodeLensParams,
) -> Result<Option<Vec<CodeLens>>> {
    let uri = params.text_document.uri;
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(None);
    };
    let own = uri_path(&uri);
    let inner = inner.clone();
    blocking("textDocument/codeLens", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let count = ide::code_lens::own_cable_id(analysis.cable())
            .map(|id| citing(&inner, own.as_deref(), &id));
        let lenses = ide::code_lenses(analysis.cable(), count)
            .iter()
            .map(|l| code_lens(l, &conv))
            .collect();
        Some(lenses)
    })
    .await
}

/// How many cables cite the cable `id`, each citing file once, the cable's own file (`own`)
/// left out: from the workspace index, with the open documents' current texts.
fn citing(inner: &Inner, own: Option<&Path>, id: &CableId) -> ide::Citing {
    let among = if inner.session().roots.is_empty() {
        ide::CitingScope::OpenDocuments
    } else {
        ide::CitingScope::Workspace
    };
    let mut paths: Vec<PathBuf> = synced(inner)
        .cited_by(id)
        .into_iter()
        .map(|l| l.path)
        .filter(|p| Some(p.as_path()) != own)
        .collect();
    paths.dedup();
    ide::Citing {
        count: paths.len(),
        among,
    }
}
