//! `textDocument/codeLens`: over the banner, the section count and the number of cables that cite
//! this one ([`ide::code_lenses`]). Lenses carry a title and no command.
//!
//! The citing count comes from [`citing`], the one place that knows which other cables there are.
//! Today that is the open documents (counted as go-to-definition reads their `REF` blocks), so
//! the lens says "open"; a workspace index answers for every cable of the workspace folders
//! instead, with [`ide::CitingScope::Workspace`].

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::dispatch::blocking;
use super::documents::Snapshot;
use super::session::Inner;
use super::to_proto::code_lens;
use crate::ide;
use crate::syntax::CableId;

/// `textDocument/codeLens`.
pub(super) async fn code_lenses(
    inner: &Arc<Inner>,
    params: CodeLensParams,
) -> Result<Option<Vec<CodeLens>>> {
    let uri = params.text_document.uri;
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(None);
    };
    let (others, _roots) = inner.others_and_roots(&uri);
    blocking("textDocument/codeLens", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let count = ide::code_lens::own_cable_id(analysis.cable()).map(|id| citing(&others, &id));
        let lenses = ide::code_lenses(analysis.cable(), count)
            .iter()
            .map(|l| code_lens(l, &conv))
            .collect();
        Some(lenses)
    })
    .await
}

/// How many cables cite the cable `id`: the hook a workspace index fills. Today it counts the open
/// documents other than the cable's own whose `REF` block cites it.
fn citing(others: &[(Uri, Snapshot)], id: &CableId) -> ide::Citing {
    let count = others
        .iter()
        .filter(|(_, snap)| {
            snap.text.contains(&id.number.to_string())
                && ide::code_lens::cites(snap.analysis().cable(), id)
        })
        .count();
    ide::Citing {
        count,
        among: ide::CitingScope::OpenDocuments,
    }
}
