//! `textDocument/formatting` and `textDocument/rangeFormatting`: the layout `cablelint fmt` writes,
//! as line edits of the document's current version, with the `[format]` options of the
//! `cablelint.toml` that applies to the document (the resolver the command line uses).
//!
//! A document the formatter leaves as written (a release record or received copy, an unreadable
//! header, no banner) gets no edits: the reason is logged (`window/logMessage`) every time and
//! shown (`window/showMessage`) once per document and reason, so that formatting on every save
//! does not repeat it.

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tracing::info;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto;
use crate::formatter::{FormatOptions, Unformattable};
use crate::ide;

/// `textDocument/formatting`.
pub(super) async fn formatting(
    inner: &Arc<Inner>,
    params: DocumentFormattingParams,
) -> Result<Option<Vec<TextEdit>>> {
    format(inner, params.text_document.uri, None).await
}

/// `textDocument/rangeFormatting`: only the elements the range touches.
pub(super) async fn range_formatting(
    inner: &Arc<Inner>,
    params: DocumentRangeFormattingParams,
) -> Result<Option<Vec<TextEdit>>> {
    format(inner, params.text_document.uri, Some(params.range)).await
}

async fn format(
    inner: &Arc<Inner>,
    uri: Uri,
    range: Option<Range>,
) -> Result<Option<Vec<TextEdit>>> {
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(None);
    };
    let options: FormatOptions = snap
        .resolved
        .config
        .as_ref()
        .map(|c| c.format)
        .unwrap_or_default();
    let what = if range.is_some() {
        "textDocument/rangeFormatting"
    } else {
        "textDocument/formatting"
    };
    let answer = blocking(what, move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let edits = match range {
            None => ide::formatting(analysis.cable(), &options),
            Some(r) => ide::range_formatting(analysis.cable(), conv.text_range(r), &options),
        }?;
        Ok::<_, Unformattable>(
            edits
                .iter()
                .map(|e| to_proto::format_edit(e, &conv))
                .collect::<Vec<_>>(),
        )
    })
    .await?;
    match answer {
        Ok(edits) => {
            inner.session().format_refusals.remove(&uri);
            Ok(Some(edits))
        }
        Err(why) => {
            refused(inner, &uri, &why).await;
            Ok(None)
        }
    }
}

/// Tells the user why a document was left as written.
async fn refused(inner: &Inner, uri: &Uri, why: &Unformattable) {
    let name = uri
        .path()
        .as_str()
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_string();
    let message = format!("cablelint: {name} not formatted: {why}");
    info!(uri = uri.as_str(), reason = %why, "not formatted");
    let first = {
        let mut s = inner.session();
        s.format_refusals.insert(uri.clone(), message.clone()) != Some(message.clone())
    };
    inner
        .client
        .log_message(MessageType::WARNING, message.clone())
        .await;
    if first {
        inner
            .client
            .show_message(MessageType::WARNING, message)
            .await;
    }
}
