//! `initialize` and `initialized`: what the client can do, what the server offers, the workspace
//! folders and the first settings; then the `cablelint.toml` watcher and the first pull of the
//! editor's settings.

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tracing::{info, warn};

use super::code_actions::FIX_ALL_KIND;
use super::configuration::{pull_configuration, recheck_all, show_errors, EditorSettings};
use super::convert::negotiate_encoding;
use super::logging;
use super::semantic_tokens;
use super::session::{Caps, Inner};
use super::to_proto::uri_path;

/// Whether diagnostics are pulled. Pull only from a client that can also be told to pull again
/// (`workspace/diagnostic/refresh`): diagnostics change without an edit when the configuration
/// does, and a pull client without refresh (Neovim 0.11) would keep showing the old ones. Such
/// clients get pushed diagnostics instead.
fn pulls(caps: &ClientCapabilities) -> bool {
    caps.text_document
        .as_ref()
        .and_then(|t| t.diagnostic.as_ref())
        .is_some()
        && caps
            .workspace
            .as_ref()
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false)
}

fn client_caps(caps: &ClientCapabilities) -> Caps {
    let ws = caps.workspace.as_ref();
    let td = caps.text_document.as_ref();
    Caps {
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        watched_files_dynamic: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        diagnostic_refresh: ws
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        code_lens_refresh: ws
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|c| c.refresh_support)
            .unwrap_or(false),
        hierarchical_symbols: td
            .and_then(|t| t.document_symbol.as_ref())
            .and_then(|d| d.hierarchical_document_symbol_support)
            .unwrap_or(false),
        related_information: td
            .and_then(|t| t.publish_diagnostics.as_ref())
            .and_then(|p| p.related_information)
            .unwrap_or(false),
        hover_markdown: takes_markdown(
            td.and_then(|t| t.hover.as_ref())
                .and_then(|h| h.content_format.as_deref()),
        ),
        completion_markdown: takes_markdown(
            td.and_then(|t| t.completion.as_ref())
                .and_then(|c| c.completion_item.as_ref())
                .and_then(|i| i.documentation_format.as_deref()),
        ),
        completion_snippets: td
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false),
    }
}

/// Whether a client's list of content formats admits Markdown (no list: it does).
fn takes_markdown(formats: Option<&[MarkupKind]>) -> bool {
    formats.is_none_or(|f| f.contains(&MarkupKind::Markdown))
}

/// The workspace folders, or the root when the client gives no folders.
#[allow(deprecated)]
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| uri_path(&f.uri))
        .collect();
    if roots.is_empty() {
        if let Some(p) = params.root_uri.as_ref().and_then(uri_path) {
            roots.push(p);
        }
    }
    roots
}

/// `initialize`.
pub(super) async fn initialize(
    inner: &Arc<Inner>,
    params: InitializeParams,
) -> Result<InitializeResult> {
    let (unit, encoding) = negotiate_encoding(&params.capabilities);
    let pull = pulls(&params.capabilities);
    let roots = roots(&params);
    if let Some(t) = params.trace {
        logging::set_trace(t);
    }
    let editor = params
        .initialization_options
        .as_ref()
        .map(EditorSettings::read);
    {
        let mut s = inner.session();
        s.unit = unit;
        s.pull = pull;
        s.caps = client_caps(&params.capabilities);
        s.roots = roots.clone();
        if let Some((e, problems)) = editor {
            s.pending_messages
                .extend(super::configuration::problems_message(
                    "initializationOptions",
                    &problems,
                ));
            s.editor = e.clone();
            s.init_editor = e;
        }
    }
    super::workspace_index::first_scan_pending(inner, &roots);
    info!(
        encoding = encoding.as_str(),
        diagnostics = if pull { "pull" } else { "push" },
        folders = roots.len(),
        "initialize"
    );
    Ok(InitializeResult {
        capabilities: server_capabilities(encoding, pull),
        server_info: Some(ServerInfo {
            name: "cablelint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        offset_encoding: None,
    })
}

/// `initialized`: shows the problems found so far, starts indexing the workspace folders in the
/// background, watches `cablelint.toml` and cable files when the client can, and pulls the
/// editor's settings.
pub(super) async fn initialized(inner: &Arc<Inner>) {
    super::logging::to_client(&inner.client);
    let (messages, caps) = {
        let mut s = inner.session();
        (std::mem::take(&mut s.pending_messages), s.caps)
    };
    show_errors(inner, messages).await;
    let roots = inner.session().roots.clone();
    super::workspace_index::first_scan(inner, roots);
    if caps.watched_files_dynamic {
        watch_files(inner).await;
    }
    if caps.configuration && pull_configuration(inner).await {
        recheck_all(inner).await;
    }
}

/// Asks the client to report changes of any `cablelint.toml`, of the TOML files one may extend,
/// and of the cable files (for the workspace index).
async fn watch_files(inner: &Inner) {
    let mut globs = vec![
        format!("**/{}", crate::config::CONFIG_FILE_NAME),
        "**/*.toml".to_string(),
    ];
    globs.extend(super::workspace_index::CABLE_GLOBS.map(String::from));
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: globs
            .into_iter()
            .map(|g| FileSystemWatcher {
                glob_pattern: GlobPattern::String(g),
                kind: None,
            })
            .collect(),
    };
    let registration = Registration {
        id: "cablelint-config-watcher".to_string(),
        method: "workspace/didChangeWatchedFiles".to_string(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(e) = inner.client.register_capability(vec![registration]).await {
        warn!("could not register the file watchers (cablelint.toml, cables): {e}");
    }
}

fn server_capabilities(encoding: PositionEncodingKind, pull: bool) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                will_save: None,
                will_save_wait_until: None,
                // Saving is when a changed `cablelint.toml` is looked for at the latest.
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            },
        )),
        completion_provider: Some(CompletionOptions {
            resolve_provider: Some(true),
            trigger_characters: Some(vec![" ".into(), "/".into(), "(".into(), ":".into()]),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        document_link_provider: Some(DocumentLinkOptions {
            resolve_provider: Some(true),
            work_done_progress_options: Default::default(),
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_range_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(FIX_ALL_KIND),
            ]),
            resolve_provider: Some(false),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: semantic_tokens::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        diagnostic_provider: pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("cablelint".to_string()),
                // The workspace reports carry cross-cable findings: one file's change can change
                // another's.
                inter_file_dependencies: true,
                workspace_diagnostics: true,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}
