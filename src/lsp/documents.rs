//! Open documents: a rope edited in place by incremental changes, its version, what applies to it,
//! and a snapshot of one state (made once per change) whose [`Analysis`] every request shares; and
//! the handlers of `didOpen`, `didChange` and `didClose`, which change the session at once, in
//! arrival order, before anything awaits. The workspace index takes an open document's edits in
//! before it answers ([`super::workspace_index::synced`]) and reads the file again on close.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use ropey::Rope;
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, TextDocumentContentChangeEvent, Uri,
};
use tracing::{debug, info, trace, warn};

use super::configuration::show_errors;
use super::convert::{apply_change, rope_text};
use super::diagnostics::schedule;
use super::logging::DOC_TEXT_TARGET;
use super::session::Inner;
use super::to_proto::uri_path;
use crate::syntax::ColumnUnit;
use crate::workspace::{Analysis, Resolved};

/// Every change to any document (text or settings) gets a new number, so that a result computed for
/// an older state is recognised as stale even across close and reopen.
static GENERATION: AtomicU64 = AtomicU64::new(1);

pub fn next_generation() -> u64 {
    GENERATION.fetch_add(1, Ordering::Relaxed)
}

pub struct Document {
    pub rope: Rope,
    /// The client's version number.
    pub version: i32,
    /// The server's number for the current state (text and settings).
    pub generation: u64,
    /// The file the document is, for `file:` URIs.
    pub path: Option<PathBuf>,
    pub resolved: Resolved,
    /// The generation whose text the workspace index holds for this document.
    pub indexed: Option<u64>,
    snapshot: Option<Snapshot>,
}

/// An immutable view of a document at one generation. Clones share one analysis.
#[derive(Clone)]
pub struct Snapshot {
    pub version: i32,
    pub generation: u64,
    pub text: Arc<str>,
    pub resolved: Resolved,
    analysis: Arc<OnceLock<Arc<Analysis>>>,
}

impl Snapshot {
    /// The analysis of this state: made by the first request that needs it (call it off the
    /// message loop), then shared.
    pub fn analysis(&self) -> Arc<Analysis> {
        self.analysis
            .get_or_init(|| {
                Arc::new(Analysis::new(
                    self.text.clone(),
                    self.resolved.settings.clone(),
                    self.resolved.tables.clone(),
                ))
            })
            .clone()
    }
}

impl Document {
    pub fn new(text: &str, version: i32, path: Option<PathBuf>, resolved: Resolved) -> Document {
        Document {
            rope: Rope::from_str(text),
            version,
            generation: next_generation(),
            path,
            resolved,
            indexed: None,
            snapshot: None,
        }
    }

    /// Applies changes in order. Returns how many positions had to be clamped.
    pub fn apply(
        &mut self,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        unit: ColumnUnit,
    ) -> usize {
        let clamped = changes
            .iter()
            .filter(|c| apply_change(&mut self.rope, c, unit))
            .count();
        self.version = version;
        self.touch();
        clamped
    }

    pub fn set_resolved(&mut self, resolved: Resolved) {
        self.resolved = resolved;
        self.touch();
    }

    fn touch(&mut self) {
        self.generation = next_generation();
        self.snapshot = None;
    }

    /// The snapshot of the current state, made on first use.
    pub fn snapshot(&mut self) -> Snapshot {
        if let Some(s) = &self.snapshot {
            return s.clone();
        }
        let snap = Snapshot {
            version: self.version,
            generation: self.generation,
            text: Arc::from(rope_text(&self.rope)),
            resolved: self.resolved.clone(),
            analysis: Arc::new(OnceLock::new()),
        };
        self.snapshot = Some(snap.clone());
        snap
    }
}

/// `textDocument/didOpen`.
pub(super) async fn did_open(inner: &Arc<Inner>, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    let path = uri_path(&doc.uri);
    let (generation, err) = {
        let mut s = inner.session();
        let (resolved, err) = s.resolve(path.as_deref());
        let d = Document::new(&doc.text, doc.version, path, resolved);
        let generation = d.generation;
        s.docs.insert(doc.uri.clone(), d);
        (generation, err)
    };
    info!(
        uri = doc.uri.as_str(),
        version = doc.version,
        bytes = doc.text.len(),
        "didOpen"
    );
    trace!(target: DOC_TEXT_TARGET, uri = doc.uri.as_str(), text = %doc.text, "document text");
    show_errors(inner, err.into_iter().collect()).await;
    schedule(inner, doc.uri, generation);
    // This document read the configuration as it is now; the others may have an older one.
    super::configuration::notice_config_changes(inner, false).await;
}

/// `textDocument/didSave`: a save is when a changed `cablelint.toml` is looked for at the latest.
pub(super) async fn did_save(inner: &Arc<Inner>, params: DidSaveTextDocumentParams) {
    debug!(uri = params.text_document.uri.as_str(), "didSave");
    super::configuration::notice_config_changes(inner, false).await;
    // A saved draft may cite, or stop citing, a cable shown in another editor, or take a serial
    // or a message continuity number another uses.
    super::workspace_index::changed(inner);
}

/// `textDocument/didChange`.
pub(super) async fn did_change(inner: &Arc<Inner>, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    let version = params.text_document.version;
    let generation = {
        let mut s = inner.session();
        let unit = s.unit;
        let Some(d) = s.docs.get_mut(&uri) else {
            warn!(
                uri = uri.as_str(),
                "didChange for a document that is not open; ignored"
            );
            return;
        };
        let clamped = d.apply(version, &params.content_changes, unit);
        if clamped > 0 {
            warn!(
                uri = uri.as_str(),
                version, clamped, "change positions were clamped"
            );
        }
        d.generation
    };
    debug!(
        uri = uri.as_str(),
        version,
        changes = params.content_changes.len(),
        "didChange"
    );
    for c in &params.content_changes {
        trace!(target: DOC_TEXT_TARGET, uri = uri.as_str(), text = %c.text, "change text");
    }
    schedule(inner, uri, generation);
    super::configuration::notice_config_changes(inner, true).await;
}

/// `textDocument/didClose`: forgets the document and, when diagnostics are pushed, clears them.
pub(super) async fn did_close(inner: &Arc<Inner>, params: DidCloseTextDocumentParams) {
    let uri: Uri = params.text_document.uri;
    let (closed, pull) = {
        let mut s = inner.session();
        s.format_refusals.remove(&uri);
        (s.docs.remove(&uri), s.pull)
    };
    let was_open = closed.is_some();
    // The workspace index goes back to the file on disk (or forgets a file outside the workspace).
    if let Some(path) = closed.and_then(|d| d.path) {
        super::workspace_index::closed(inner, &path);
    }
    info!(uri = uri.as_str(), "didClose");
    if was_open && !pull {
        let _guard = inner.publish.lock().await;
        // Reopened meanwhile: its own analysis publishes.
        if inner.session().docs.contains_key(&uri) {
            return;
        }
        inner
            .client
            .publish_diagnostics(uri, Vec::new(), None)
            .await;
    }
}
