//! The skeleton of a new cable as a completion item in an empty document ([`ide::skeleton_completion`]):
//! a snippet whose first placeholder is selected, or plain text for clients without snippets.

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::session::Inner;
use crate::config::DraftConfig;
use crate::formatter::FormatOptions;
use crate::ide;
use crate::workspace::draft::FolderState;

/// What the skeleton needs from the session, taken before the work leaves the session's lock:
/// the `[draft]` table of the document's configuration, the folder whose cables it follows and whether the
/// client takes snippets; and the server, whose workspace index knows what the folder's cables
/// use.
pub(super) struct SkeletonContext {
    draft: DraftConfig,
    /// The `[format]` options the skeleton is laid out with.
    format: FormatOptions,
    folder: Option<PathBuf>,
    snippets: bool,
    inner: Arc<Inner>,
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
            format: doc
                .and_then(|d| d.resolved.config.as_ref())
                .map(|c| c.format)
                .unwrap_or_default(),
            // The folder of the cablelint.toml that applies, else the document's.
            folder: doc
                .and_then(|d| d.resolved.config.as_ref())
                .map(|c| c.dir().to_path_buf())
                .or_else(|| {
                    doc.and_then(|d| d.path.as_ref())
                        .and_then(|p| p.parent())
                        .map(PathBuf::from)
                }),
            snippets: s.caps.completion_snippets,
            inner: inner.clone(),
        }
    }

    /// What the document's folder already uses: from the workspace index (open documents
    /// included) when the folder is in a workspace folder, else read from the folder's files, as
    /// also when a scan of the workspace still runs after the wait of
    /// [`super::workspace_index::synced`]. Call it off the message loop.
    pub(super) fn folder_state(&self) -> FolderState {
        let Some(dir) = self.folder.as_deref() else {
            return FolderState::default();
        };
        if !self
            .inner
            .session()
            .roots
            .iter()
            .any(|r| dir.starts_with(r))
        {
            return FolderState::scan(dir);
        }
        let index = super::workspace_index::synced(&self.inner);
        if super::workspace_index::scanning(&self.inner) {
            drop(index);
            return FolderState::scan(dir);
        }
        index.folder_state(dir)
    }

    /// The item, when the document is blank: the whole skeleton when `[draft]` names a post and an
    /// addressee, else the text alone with the `[draft]` keys in its documentation.
    pub(super) fn item(
        &self,
        text: &str,
        tables: &crate::data::Tables,
        conv: &Converter<'_>,
    ) -> Option<CompletionItem> {
        if !text.trim().is_empty() {
            return None;
        }
        let folder = self.folder_state();
        let i = ide::skeleton_completion(
            text,
            tables,
            &self.draft,
            &self.format,
            &folder,
            ide::DateTime::now_utc(),
        )?;
        let (new_text, format) = if self.snippets {
            (i.snippet, InsertTextFormat::SNIPPET)
        } else {
            (i.plain, InsertTextFormat::PLAIN_TEXT)
        };
        Some(CompletionItem {
            label: i.label,
            kind: Some(CompletionItemKind::SNIPPET),
            detail: Some(i.detail),
            documentation: i.documentation.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
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
