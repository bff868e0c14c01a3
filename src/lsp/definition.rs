//! `textDocument/definition` on a `REF` entry: the referenced cable among the open documents
//! (they may be newer than the files on disk), else in the workspace folders, within a time budget.
//! Everything that parses or reads files runs off the message loop.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tracing::debug;

use super::convert::Converter;
use super::dispatch::blocking;
use super::documents::Snapshot;
use super::session::Inner;
use crate::ide;
use crate::syntax::CableId;
use crate::syntax::{ColumnUnit, LineIndex};

/// How long a workspace search for a `REF` target may take.
const DEFINITION_BUDGET: Duration = Duration::from_secs(2);

/// The target among the open documents.
pub(super) fn in_open_documents(
    others: &[(Uri, Snapshot)],
    target: &CableId,
    unit: ColumnUnit,
) -> Option<Location> {
    for (uri, snap) in others {
        if !ide::definition::may_match(&snap.text, target) {
            continue;
        }
        let analysis = snap.analysis();
        if let Some(r) = ide::definition::matches_cable(analysis.cable(), target) {
            let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
            return Some(Location::new(uri.clone(), conv.range(r)));
        }
    }
    None
}

/// The target in the files under the workspace folders.
pub(super) fn on_disk(
    roots: &[std::path::PathBuf],
    target: &CableId,
    unit: ColumnUnit,
) -> Option<Location> {
    let limits = ide::SearchLimits {
        deadline: Some(Instant::now() + DEFINITION_BUDGET),
        ..ide::SearchLimits::default()
    };
    let found = ide::find_cable(roots, target, limits)?;
    let index = LineIndex::new(&found.text);
    let conv = Converter::new(&found.text, &index, unit);
    let uri = Uri::from_file_path(&found.path)?;
    Some(Location::new(uri, conv.range(found.range)))
}

/// `textDocument/definition`.
pub(super) async fn definition(
    inner: &Arc<Inner>,
    params: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>> {
    let pos = params.text_document_position_params;
    let uri = pos.text_document.uri;
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(None);
    };
    let (others, roots) = inner.others_and_roots(&uri);
    blocking("textDocument/definition", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let target = ide::ref_at(analysis.cable(), conv.offset(pos.position))?;
        debug!(
            id = target.id(),
            "definition: looking for a referenced cable"
        );
        let target = target.cable_id();
        in_open_documents(&others, &target, unit)
            .or_else(|| on_disk(&roots, &target, unit))
            .map(GotoDefinitionResponse::Scalar)
    })
    .await
}
