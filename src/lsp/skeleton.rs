//! The skeleton of a new cable as a completion item in an empty document ([`ide::skeleton_completion`]):
//! a snippet whose first placeholder is selected, or plain text for clients without snippets.

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::session::Inner;
use crate::config::DraftConfig;
use crate::ide;
use crate::workspace::draft::FolderState;

/// What the skeleton needs from the session, taken before the work leaves the session's lock:
/// the `[draft]` table of the document's configuration, the document's folder and whether the
/// client takes snippets.
pub(super) struct SkeletonContext {
    draft: DraftConfig,
    folder: Option<PathBuf>,
    snippets: bool,
}

impl SkeletonContext {
    pub(super) fn of(inner: &Arc<Inner>, uri: &Uri) -> SkeletonContext {
        let s = inner.session();
        let doc = s.docs.get(uri);
        SkeletonContext {
            draft: doc
                .and_then(|d| d.resolved.config.as_ref())
                .map(|c| c.draft.clone())
                .unwrap_or_default(),
            folder: doc
                .and_then(|d| d.path.as_ref())
                .and_then(|p| p.parent())
                .map(PathBuf::from),
            snippets: s.caps.completion_snippets,
        }
    }

    /// The next free banner serial of a station in a year among the cables of the document's
    /// folder (1 for a document without a folder); the folder is read when this is called.
    pub(super) fn next_serial(&self, station: &str, year: i32) -> u32 {
        self.folder
            .as_deref()
            .map(FolderState::scan)
            .unwrap_or_default()
            .next_serial(station, year)
    }

    /// The item, when the document is blank and `[draft]` names a post and an addressee.
    pub(super) fn item(
        &self,
        text: &str,
        tables: &crate::data::Tables,
        conv: &Converter<'_>,
    ) -> Option<CompletionItem> {
        if !text.trim().is_empty() {
            return None;
        }
        let folder = self
            .folder
            .as_deref()
            .map(FolderState::scan)
            .unwrap_or_default();
        let i =
            ide::skeleton_completion(text, tables, &self.draft, &folder, ide::DateTime::now_utc())?;
        let (new_text, format) = if self.snippets {
            (i.snippet, InsertTextFormat::SNIPPET)
        } else {
            (i.plain, InsertTextFormat::PLAIN_TEXT)
        };
        Some(CompletionItem {
            label: i.label,
            kind: Some(CompletionItemKind::SNIPPET),
            detail: Some(i.detail),
            preselect: Some(true),
            // Before the banner words offered at the start of a document (sorted "0" on).
            sort_text: Some("!".to_string()),
            insert_text_format: Some(format),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                conv.range(i.replace),
                new_text,
            ))),
            ..CompletionItem::default()
        })
    }
}
