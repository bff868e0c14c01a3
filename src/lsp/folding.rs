//! `textDocument/foldingRange`: whole lines, only ranges of two lines or more, each span of lines
//! once (a paragraph and the summary that fills it are one fold on screen).

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto::folding_kind;
use crate::ide;

/// `textDocument/foldingRange`.
pub(super) async fn folding_ranges(
    inner: &Arc<Inner>,
    params: FoldingRangeParams,
) -> Result<Option<Vec<FoldingRange>>> {
    let Some((snap, _)) = inner.snapshot(&params.text_document.uri) else {
        return Ok(None);
    };
    blocking("textDocument/foldingRange", move || {
        let analysis = snap.analysis();
        let index = analysis.line_index();
        let mut seen = std::collections::HashSet::new();
        let folds = ide::folding_ranges(analysis.cable())
            .into_iter()
            .filter_map(|f| {
                let start = index.line_of(f.range.start()) as u32;
                let end = index.line_of(f.range.end()) as u32;
                (end > start && seen.insert((start, end))).then(|| FoldingRange {
                    start_line: start,
                    end_line: end,
                    kind: Some(folding_kind(f.kind)),
                    ..FoldingRange::default()
                })
            })
            .collect();
        Some(folds)
    })
    .await
}
