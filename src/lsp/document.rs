//! Open documents: a rope edited in place by incremental changes, its version, and a snapshot of the
//! text (with its line index and settings) made once per change for analyses to share.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use super::config::TablesRef;
use super::convert::{apply_change, rope_text};
use crate::rules::Settings;
use crate::syntax::{ColumnUnit, LineIndex};

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
    pub settings: Arc<Settings>,
    pub tables: TablesRef,
    snapshot: Option<Snapshot>,
}

/// An immutable view of a document at one generation.
#[derive(Clone)]
pub struct Snapshot {
    pub version: i32,
    pub generation: u64,
    pub text: Arc<str>,
    pub index: Arc<LineIndex>,
    pub settings: Arc<Settings>,
    pub tables: TablesRef,
}

impl Document {
    pub fn new(
        text: &str,
        version: i32,
        path: Option<PathBuf>,
        (settings, tables): (Arc<Settings>, TablesRef),
    ) -> Document {
        Document {
            rope: Rope::from_str(text),
            version,
            generation: next_generation(),
            path,
            settings,
            tables,
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

    pub fn set_settings(&mut self, (settings, tables): (Arc<Settings>, TablesRef)) {
        self.settings = settings;
        self.tables = tables;
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
        let text: Arc<str> = Arc::from(rope_text(&self.rope));
        let index = Arc::new(LineIndex::new(&text));
        let snap = Snapshot {
            version: self.version,
            generation: self.generation,
            text,
            index,
            settings: self.settings.clone(),
            tables: self.tables.clone(),
        };
        self.snapshot = Some(snap.clone());
        snap
    }
}
