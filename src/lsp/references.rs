//! `textDocument/references`: on the banner, the DE line or the first line, the cables of the
//! workspace whose `REF` block cites this one; on a `REF` entry, every citation of that cable. The
//! citations come from the workspace index ([`crate::workspace::index::WorkspaceIndex::cited_by`]);
//! with `includeDeclaration`, the cable's banner comes first.

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::definition::{find_cable, name_folders};
use super::dispatch::blocking;
use super::session::Inner;
use super::workspace_index::{locations, open_files, stamped, synced};
use crate::ide;

/// `textDocument/references`.
pub(super) async fn references(
    inner: &Arc<Inner>,
    params: ReferenceParams,
) -> Result<Option<Vec<Location>>> {
    let pos = params.text_document_position;
    let uri = pos.text_document.uri;
    let include_declaration = params.context.include_declaration;
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(None);
    };
    let folders = name_folders(inner, &uri);
    let inner = inner.clone();
    blocking("textDocument/references", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let named = ide::cable_at(analysis.cable(), conv.offset(pos.position))?;
        let citing = {
            let index = synced(&inner);
            stamped(&index, index.cited_by(&named.id))
        };
        let mut out = Vec::new();
        if include_declaration {
            match named.declaration {
                Some(banner) => out.push(Location::new(uri.clone(), conv.range(banner))),
                None => out.extend(find_cable(&inner, &named.id, &folders, unit)),
            }
        }
        out.extend(locations(&inner, &citing, &open_files(&inner), unit));
        Some(out)
    })
    .await
}
