//! `textDocument/definition` on a `REF` entry: the referenced cable, from the workspace index
//! (the open documents' current texts and the cable files of the workspace folders), else a file
//! named after the cable in a workspace folder or the document's folder. Everything that parses or
//! reads files runs off the message loop.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tracing::debug;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto::uri_path;
use super::workspace_index::{locations, open_files, stamped, synced};
use crate::ide;
use crate::syntax::{parse, CableId, ColumnUnit, LineIndex, TextRange};
use crate::workspace::index::DEFAULT_EXTENSIONS;

/// Where the cable `target` is: the first indexed file that is it (by path), else a file named
/// after it (`08OSLO198.cable`) directly in one of `folders`, pointing at its banner. Call it off
/// the message loop.
pub(super) fn find_cable(
    inner: &Inner,
    target: &CableId,
    folders: &[PathBuf],
    unit: ColumnUnit,
) -> Option<Location> {
    let found = {
        let index = synced(inner);
        stamped(&index, index.find(target))
    };
    let open = open_files(inner);
    if let Some(l) = locations(inner, &found, &open, unit).into_iter().next() {
        return Some(l);
    }
    by_file_name(folders, target, unit)
}

/// A file named after the cable (`08OSLO198.cable`, any case) directly in one of the folders: found
/// before the index has read it (the first scan is still running, or the file is left out).
fn by_file_name(folders: &[PathBuf], target: &CableId, unit: ColumnUnit) -> Option<Location> {
    let id = target.id();
    for dir in folders {
        for ext in DEFAULT_EXTENSIONS {
            let path = dir.join(format!("{id}.{ext}"));
            let Some(text) = read_small(&path) else {
                continue;
            };
            let range = parse(&text)
                .body
                .banner
                .as_ref()
                .map_or(TextRange::empty(0), |b| b.range);
            let index = LineIndex::new(&text);
            let conv = Converter::new(&text, &index, unit);
            return Some(Location::new(
                Uri::from_file_path(&path)?,
                conv.range(range),
            ));
        }
    }
    None
}

fn read_small(path: &Path) -> Option<String> {
    let limit = crate::workspace::index::IndexLimits::default().max_file_bytes;
    crate::workspace::index::read_indexed_text(path, limit)
}

/// The folders a file named after a cable is looked for in: the workspace folders and the
/// document's own folder.
pub(super) fn name_folders(inner: &Inner, uri: &Uri) -> Vec<PathBuf> {
    let mut folders = inner.session().roots.clone();
    if let Some(dir) = uri_path(uri).and_then(|p| p.parent().map(Path::to_path_buf)) {
        if !folders.contains(&dir) {
            folders.push(dir);
        }
    }
    folders
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
    let folders = name_folders(inner, &uri);
    let inner = inner.clone();
    blocking("textDocument/definition", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let target = ide::ref_at(analysis.cable(), conv.offset(pos.position))?;
        debug!(
            id = target.id(),
            "definition: looking for a referenced cable"
        );
        find_cable(&inner, &target.cable_id(), &folders, unit).map(GotoDefinitionResponse::Scalar)
    })
    .await
}
