//! `textDocument/inlayHint`: the coded values of the header and the E.O. line decoded
//! ([`ide::inlay_hints`]), for the requested range only.

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto::inlay_hint;
use crate::ide;
use crate::syntax::TextRange;

/// `textDocument/inlayHint`.
pub(super) async fn inlay_hints(
    inner: &Arc<Inner>,
    params: InlayHintParams,
) -> Result<Option<Vec<InlayHint>>> {
    let Some((snap, unit)) = inner.snapshot(&params.text_document.uri) else {
        return Ok(None);
    };
    blocking("textDocument/inlayHint", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let start = conv.offset(params.range.start);
        let end = conv.offset(params.range.end).max(start);
        let hints = ide::inlay_hints(analysis.cable(), TextRange::new(start, end))
            .iter()
            .map(|h| inlay_hint(h, &conv))
            .collect();
        Some(hints)
    })
    .await
}
