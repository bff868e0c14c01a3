//! `textDocument/hover`, from the shared analysis (its diagnostics give hover on rule codes).

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto::markup;
use crate::ide;

/// `textDocument/hover`.
pub(super) async fn hover(inner: &Arc<Inner>, params: HoverParams) -> Result<Option<Hover>> {
    let pos = params.text_document_position_params;
    let Some((snap, unit)) = inner.snapshot(&pos.text_document.uri) else {
        return Ok(None);
    };
    let markdown_ok = inner.session().caps.hover_markdown;
    blocking("textDocument/hover", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let offset = conv.offset(pos.position);
        ide::hover(
            analysis.cable(),
            analysis.tables(),
            analysis.diagnostics(),
            offset,
        )
        .map(|h| Hover {
            contents: HoverContents::Markup(markup(h.markdown, markdown_ok)),
            range: Some(conv.range(h.range)),
        })
    })
    .await
}
