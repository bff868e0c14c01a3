//! `workspace/symbol`: the cables of the workspace index that match the query, by id
//! (`08OSLO198`, or part of one), TAGS code or subject words, best first and at most
//! [`MAX_SYMBOLS`] ([`crate::workspace::index::WorkspaceIndex::search`]). Each is named by its id
//! (its file name when the banner gives none), with its subject as the container, and points at
//! its banner.

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::dispatch::blocking;
use super::session::Inner;
use super::workspace_index::{locations, open_files, synced};
use crate::workspace::index::IndexLocation;

/// The most cables one answer lists.
pub(super) const MAX_SYMBOLS: usize = 100;

/// `workspace/symbol`.
pub(super) async fn symbols(
    inner: &Arc<Inner>,
    params: WorkspaceSymbolParams,
) -> Result<Option<WorkspaceSymbolResponse>> {
    let unit = inner.session().unit;
    let inner = inner.clone();
    blocking("workspace/symbol", move || {
        let hits: Vec<_> = {
            let index = synced(&inner);
            index
                .search(&params.query, MAX_SYMBOLS)
                .into_iter()
                .filter_map(|h| {
                    let stamp = index.get(&h.path)?.stamp;
                    Some((h, stamp))
                })
                .collect()
        };
        let open = open_files(&inner);
        let mut out = Vec::with_capacity(hits.len());
        for (hit, stamp) in hits {
            let loc = IndexLocation {
                path: hit.path.clone(),
                range: hit.range,
            };
            let Some(location) = locations(&inner, &[(loc, stamp)], &open, unit).pop() else {
                continue;
            };
            let name = hit.id.clone().unwrap_or_else(|| {
                hit.path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            });
            #[allow(deprecated)]
            out.push(SymbolInformation {
                name,
                kind: SymbolKind::FILE,
                tags: None,
                deprecated: None,
                location,
                container_name: hit.subject,
            });
        }
        Some(WorkspaceSymbolResponse::Flat(out))
    })
    .await
}
