//! The server's state: the open documents, what the client can do, the workspace folders, the
//! editor's settings and the configuration resolver. Handlers lock it briefly and never across an
//! await.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize};
use std::sync::{Mutex, MutexGuard};

use tower_lsp_server::ls_types::Uri;
use tower_lsp_server::Client;

use super::documents::{Document, Snapshot};
use super::ServeOptions;
use crate::config::Overrides;
use crate::syntax::ColumnUnit;
use crate::workspace::index::{IndexLimits, WorkspaceIndex};
use crate::workspace::{Resolved, Resolver};

/// What the client can do, from its capabilities.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Caps {
    pub configuration: bool,
    pub watched_files_dynamic: bool,
    pub diagnostic_refresh: bool,
    /// `workspace.codeLens.refreshSupport`: the client re-asks for lenses when told to.
    pub code_lens_refresh: bool,
    pub hierarchical_symbols: bool,
    pub related_information: bool,
    /// Whether hover contents may be Markdown (`textDocument.hover.contentFormat`; a client that
    /// does not say takes Markdown, as the editors do).
    pub hover_markdown: bool,
    /// Whether completion documentation may be Markdown
    /// (`textDocument.completion.completionItem.documentationFormat`).
    pub completion_markdown: bool,
    /// Whether completion items may be snippets
    /// (`textDocument.completion.completionItem.snippetSupport`).
    pub completion_snippets: bool,
}

pub(super) struct Session {
    pub docs: HashMap<Uri, Document>,
    pub unit: ColumnUnit,
    /// Whether the client pulls diagnostics (`textDocument/diagnostic`); else they are pushed.
    pub pull: bool,
    pub caps: Caps,
    /// Workspace folders as paths.
    pub roots: Vec<PathBuf>,
    /// Editor settings for the whole workspace.
    pub editor: Overrides,
    /// The settings `initializationOptions` gave: they apply while the client has no `cablelint`
    /// section of its own.
    pub init_editor: Overrides,
    /// Editor settings per workspace folder, when the client gives them.
    pub folder_editor: HashMap<PathBuf, Overrides>,
    pub resolver: Resolver,
    /// Problems to show once the client is initialized.
    pub pending_messages: Vec<String>,
    /// The last reason shown for leaving each document unformatted, so that formatting on every
    /// save shows it once (it is logged every time).
    pub format_refusals: HashMap<Uri, String>,
    /// When the configuration files were last looked at for changes while typing.
    pub config_looked: Option<std::time::Instant>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            docs: HashMap::new(),
            unit: ColumnUnit::Utf16,
            pull: false,
            caps: Caps::default(),
            roots: Vec::new(),
            editor: Overrides::default(),
            init_editor: Overrides::default(),
            folder_editor: HashMap::new(),
            resolver: Resolver::live(),
            pending_messages: Vec::new(),
            format_refusals: HashMap::new(),
            config_looked: None,
        }
    }
}

impl Session {
    /// What applies to a document (its configuration, settings and tables), with any
    /// configuration error to show. Configuration is looked for from the document's directory, or
    /// the first workspace folder for a document that is no file.
    pub fn resolve(&mut self, path: Option<&Path>) -> (Resolved, Option<String>) {
        let dir = match path.and_then(|p| p.parent()) {
            Some(d) => Some(d.to_path_buf()),
            None => self.roots.first().cloned(),
        };
        let editor = path
            .and_then(|p| {
                self.folder_editor
                    .iter()
                    .filter(|(root, _)| p.starts_with(root))
                    .max_by_key(|(root, _)| root.as_os_str().len())
                    .map(|(_, s)| s)
            })
            .unwrap_or(&self.editor)
            .clone();
        let file = path.map_or_else(|| PathBuf::from("untitled.cable"), Path::to_path_buf);
        let (resolved, err) = self.resolver.resolve_in(dir.as_deref(), &file, &editor);
        let err =
            err.map(|e| format!("cablelint: invalid configuration, keeping the previous one: {e}"));
        (resolved, err)
    }
}

/// What every handler shares.
pub(crate) struct Inner {
    pub client: Client,
    session: Mutex<Session>,
    /// Held while deciding on and sending a publication, so that a close's empty publication can
    /// never be overtaken by an analysis that started before it.
    pub publish: tokio::sync::Mutex<()>,
    pub options: ServeOptions,
    pub shutdown: AtomicBool,
    /// The cables of the workspace folders (see [`super::workspace_index`]). Locked briefly, never
    /// across an await, and never while the session is locked.
    index: Mutex<WorkspaceIndex>,
    /// Grows whenever what applies to the documents may have changed (settings, configuration
    /// files): part of every workspace diagnostic report's `resultId`.
    pub settings_epoch: AtomicU64,
    /// How many scans of workspace folders are running.
    pub scans_running: AtomicUsize,
    /// The cross-cable findings of the workspace for the last state of the index and settings
    /// (see [`super::workspace_diagnostics::cross_findings_of`]). Locked after the index, never
    /// before it.
    cross_cache: Mutex<super::workspace_diagnostics::CrossCache>,
    /// Whether `initialize` named folders that `initialized` has not started scanning yet.
    pub first_scan_pending: AtomicBool,
    /// How many file reports `workspace/diagnostic` has made in full (checking the file, or
    /// taking an open document's analysis), not `unchanged`: for the test-only request
    /// `cablelint/counters`.
    pub workspace_reports_made: AtomicUsize,
}

impl Inner {
    pub fn new(client: Client, options: ServeOptions) -> Inner {
        Inner {
            client,
            session: Mutex::new(Session::default()),
            publish: tokio::sync::Mutex::new(()),
            options,
            shutdown: AtomicBool::new(false),
            index: Mutex::new(WorkspaceIndex::new(IndexLimits::default())),
            settings_epoch: AtomicU64::new(0),
            scans_running: AtomicUsize::new(0),
            cross_cache: Mutex::new(Default::default()),
            first_scan_pending: AtomicBool::new(false),
            workspace_reports_made: AtomicUsize::new(0),
        }
    }

    /// The workspace index as it is; [`super::workspace_index::synced`] first takes in the open
    /// documents' edits.
    pub fn index(&self) -> MutexGuard<'_, WorkspaceIndex> {
        self.index.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The cached cross-cable findings of the workspace.
    pub(super) fn cross_cache(&self) -> MutexGuard<'_, super::workspace_diagnostics::CrossCache> {
        self.cross_cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while the lock was held leaves consistent data (every update is one assignment),
        // so a poisoned lock is taken over rather than bringing the server down.
        self.session.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The current snapshot of an open document and the position encoding.
    pub fn snapshot(&self, uri: &Uri) -> Option<(Snapshot, ColumnUnit)> {
        let mut s = self.session();
        let unit = s.unit;
        let doc = s.docs.get_mut(uri)?;
        Some((doc.snapshot(), unit))
    }
}
