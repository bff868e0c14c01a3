//! `textDocument/completion` and `completionItem/resolve`. Items carry, in `data`, the
//! [`ide::ResolveKey`] in its wire form ([`WireKey`]: `data.key`, `{"kind":"tag","code":"PREL"}`)
//! and the document, so that resolving reads the tables that apply to it.

use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto::{completion_kind, markup};
use crate::ide::{self, ResolveKey};

/// The wire form of an [`ide::ResolveKey`]: a tagged object, `{"kind":"tag","code":"PREL"}`.
#[derive(Serialize, Deserialize)]
#[serde(remote = "ResolveKey", tag = "kind", rename_all = "kebab-case")]
enum WireKey {
    Tag { code: String },
    Addressee { ri: String, address: String },
    Post { name: String },
    Caption { name: String },
    Reason { letter: char },
    Precedence { word: String },
    Marking { marking: String },
    Decl { code: String },
}

/// A key as JSON.
fn to_wire(key: &ResolveKey) -> Option<Value> {
    WireKey::serialize(key, serde_json::value::Serializer).ok()
}

/// A key from JSON; `None` for anything else.
fn from_wire(value: Value) -> Option<ResolveKey> {
    WireKey::deserialize(value).ok()
}

fn item(
    i: ide::CompletionItem,
    conv: &Converter<'_>,
    uri: &Uri,
    markdown_ok: bool,
) -> CompletionItem {
    CompletionItem {
        label: i.label,
        kind: Some(completion_kind(i.kind)),
        detail: i.detail,
        documentation: i
            .documentation
            .map(|d| Documentation::MarkupContent(markup(d, markdown_ok))),
        preselect: i.preselect.then_some(true),
        sort_text: i.sort,
        filter_text: i.filter,
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            conv.range(i.replace),
            i.insert,
        ))),
        data: i
            .resolve
            .and_then(|k| to_wire(&k))
            .map(|k| json!({"key": k, "uri": uri.as_str()})),
        ..CompletionItem::default()
    }
}

/// `textDocument/completion`.
pub(super) async fn completion(
    inner: &Arc<Inner>,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let pos = params.text_document_position;
    let Some((snap, unit)) = inner.snapshot(&pos.text_document.uri) else {
        return Ok(None);
    };
    let uri = pos.text_document.uri;
    let markdown_ok = inner.session().caps.completion_markdown;
    let skeleton = super::skeleton::SkeletonContext::of(inner, &uri);
    blocking("textDocument/completion", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let offset = conv.offset(pos.position);
        let now = ide::DateTime::now_utc();
        let folder = || skeleton.folder_state();
        let answer = ide::completions_with(
            analysis.cable(),
            analysis.tables(),
            offset,
            now,
            Some(&folder),
        );
        // In a blank document the skeleton of a new cable comes first.
        let first = skeleton.item(analysis.text(), analysis.tables(), &conv);
        if answer.items.is_empty() && first.is_none() {
            return None;
        }
        let items = first
            .into_iter()
            .chain(
                answer
                    .items
                    .into_iter()
                    .map(|i| item(i, &conv, &uri, markdown_ok)),
            )
            .collect();
        Some(CompletionResponse::List(CompletionList {
            is_incomplete: answer.incomplete,
            items,
        }))
    })
    .await
}

/// `completionItem/resolve`: the long documentation, from the tables of the item's document.
pub(super) async fn resolve(
    inner: &Arc<Inner>,
    mut item: CompletionItem,
) -> Result<CompletionItem> {
    let data = item.data.clone().unwrap_or(Value::Null);
    let key = from_wire(data["key"].clone());
    let tables = data["uri"]
        .as_str()
        .and_then(|u| Uri::from_str(u).ok())
        .and_then(|u| {
            inner
                .session()
                .docs
                .get(&u)
                .map(|d| d.resolved.tables.clone())
        })
        .unwrap_or_default();
    if let Some(doc) = key.and_then(|k| ide::resolve(&k, tables.get())) {
        let markdown_ok = inner.session().caps.completion_markdown;
        item.documentation = Some(Documentation::MarkupContent(markup(doc, markdown_ok)));
    }
    Ok(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_keys_round_trip_through_the_wire_form() {
        let keys = [
            ResolveKey::Tag {
                code: "PREL".into(),
            },
            ResolveKey::Addressee {
                ri: "RUEHBJ".into(),
                address: "AMEMBASSY BEIJING".into(),
            },
            ResolveKey::Reason { letter: 'd' },
        ];
        for k in keys {
            let v = to_wire(&k).unwrap();
            assert_eq!(from_wire(v), Some(k));
        }
        let v = to_wire(&ResolveKey::Tag {
            code: "PREL".into(),
        });
        assert_eq!(v.unwrap(), json!({"kind": "tag", "code": "PREL"}));
        assert_eq!(from_wire(json!({"kind": "nothing"})), None);
    }
}
