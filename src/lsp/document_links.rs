//! `textDocument/documentLink` and `documentLink/resolve`: each cable a `REF` item names is a link.
//! The links come from the same reading of the REF block as go-to-definition, hover and `inspect`
//! ([`ide::definition::cable_refs`]). Finding the cable may read the workspace folders, so a link's
//! target is filled in only when the editor resolves it (when the user follows or hovers the link),
//! with the same search as go-to-definition (the workspace index).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::definition::{find_cable, name_folders};
use super::dispatch::blocking;
use super::session::Inner;
use crate::ide;
use crate::syntax::CableId;

/// What a link carries from `documentLink` to `documentLink/resolve`: the document that cites, and
/// the cited cable's id parts (so the resolve needs no second parse of a document that may have
/// changed since).
#[derive(Debug, Serialize, Deserialize)]
struct LinkData {
    uri: Uri,
    year: Option<i32>,
    origin: String,
    number: u32,
}

/// `textDocument/documentLink`: one link per cable reference, target left for the resolve.
pub(super) async fn document_links(
    inner: &Arc<Inner>,
    params: DocumentLinkParams,
) -> Result<Option<Vec<DocumentLink>>> {
    let uri = params.text_document.uri;
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(None);
    };
    blocking("textDocument/documentLink", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let links = ide::definition::cable_refs(analysis.cable())
            .into_iter()
            .map(|t| DocumentLink {
                range: conv.range(t.range),
                target: None,
                tooltip: Some(format!("Open cable {}", t.id())),
                data: serde_json::to_value(LinkData {
                    uri: uri.clone(),
                    year: t.year,
                    origin: t.key,
                    number: t.number,
                })
                .ok(),
            })
            .collect();
        Some(links)
    })
    .await
}

/// `documentLink/resolve`: the cited cable among the open documents, else in the workspace
/// folders. A cable that is not found keeps no target, and the tooltip says so.
pub(super) async fn resolve(inner: &Arc<Inner>, mut link: DocumentLink) -> Result<DocumentLink> {
    let Some(data) = link
        .data
        .clone()
        .and_then(|d| serde_json::from_value::<LinkData>(d).ok())
    else {
        return Ok(link);
    };
    let unit = inner.snapshot(&data.uri).map(|(_, unit)| unit);
    let Some(unit) = unit else {
        return Ok(link);
    };
    let folders = name_folders(inner, &data.uri);
    let inner = inner.clone();
    let target = CableId {
        key: data.origin,
        number: data.number,
        year: data.year,
    };
    let id = target.id();
    let found = blocking("documentLink/resolve", move || {
        find_cable(&inner, &target, &folders, unit)
    })
    .await?;
    match found {
        Some(location) => {
            link.target = Some(location.uri);
            link.tooltip = Some(format!("Open cable {id}"));
        }
        None => link.tooltip = Some(format!("Cable {id} is not open and not in the workspace")),
    }
    Ok(link)
}
