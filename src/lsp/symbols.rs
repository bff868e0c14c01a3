//! `textDocument/documentSymbol`: the outline, nested when the client can show it so, else flat.

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto::{document_symbol, flat_symbols};
use crate::ide;

/// `textDocument/documentSymbol`.
pub(super) async fn document_symbols(
    inner: &Arc<Inner>,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let uri = params.text_document.uri;
    let hierarchical = inner.session().caps.hierarchical_symbols;
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(None);
    };
    blocking("textDocument/documentSymbol", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let symbols = ide::document_symbols(analysis.cable());
        Some(if hierarchical {
            DocumentSymbolResponse::Nested(
                symbols.iter().map(|s| document_symbol(s, &conv)).collect(),
            )
        } else {
            let mut flat = Vec::new();
            for s in &symbols {
                flat_symbols(s, &conv, &uri, None, &mut flat);
            }
            DocumentSymbolResponse::Flat(flat)
        })
    })
    .await
}
