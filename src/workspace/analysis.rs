//! One analysis per document version: the text, its parsed [`Cable`] and the diagnostics of every
//! enabled rule, made once and read by every answer (diagnostics, hover, code actions, symbols,
//! folding, semantic tokens, completion, definitions, fix-all).
//!
//! [`Cable`] borrows the text, so the two are kept together with `self_cell` (no unsafe code of
//! ours): the analysis owns the text behind an [`Arc`] and the tree that borrows it, and is
//! `Send + Sync`, so requests on any thread share one.

use std::sync::{Arc, OnceLock};

use super::fix::{fix_until_stable, Fixed};
use super::TablesRef;
use crate::data::Tables;
use crate::rules::{check_cable, Diagnostic, Settings};
use crate::syntax::{parse, Cable, LineIndex};

self_cell::self_cell!(
    /// A text and the cable parsed from it.
    struct Parsed {
        owner: Arc<str>,
        #[covariant]
        dependent: Cable,
    }
);

/// A parsed and checked text; see the module documentation.
pub struct Analysis {
    parsed: Parsed,
    diagnostics: Vec<Diagnostic>,
    settings: Arc<Settings>,
    tables: TablesRef,
    /// The result of applying every safe fix, made on first use.
    fix_all: OnceLock<Fixed>,
}

impl std::fmt::Debug for Analysis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analysis")
            .field("bytes", &self.text().len())
            .field("diagnostics", &self.diagnostics.len())
            .finish_non_exhaustive()
    }
}

impl Analysis {
    /// Parses the text once and runs every rule `settings` enables over it.
    pub fn new(text: Arc<str>, settings: Arc<Settings>, tables: TablesRef) -> Analysis {
        let parsed = Parsed::new(text, |t| parse(t));
        let diagnostics = check_cable(parsed.borrow_dependent(), &settings, tables.get());
        Analysis {
            parsed,
            diagnostics,
            settings,
            tables,
            fix_all: OnceLock::new(),
        }
    }

    /// The text analysed.
    pub fn text(&self) -> &str {
        self.parsed.borrow_owner()
    }

    /// The text, shared.
    pub fn shared_text(&self) -> &Arc<str> {
        self.parsed.borrow_owner()
    }

    /// The parsed cable.
    pub fn cable(&self) -> &Cable<'_> {
        self.parsed.borrow_dependent()
    }

    /// The text's line starts.
    pub fn line_index(&self) -> &LineIndex {
        &self.cable().line_index
    }

    /// The diagnostics of every enabled rule, in document order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn settings(&self) -> &Arc<Settings> {
        &self.settings
    }

    pub fn tables(&self) -> &Tables {
        self.tables.get()
    }

    pub fn tables_ref(&self) -> &TablesRef {
        &self.tables
    }

    /// The text with every safe fix applied until none applies, exactly as `cablelint check
    /// --fix` writes it, with the number of fixes and the remaining diagnostics. Made once.
    pub fn fix_all(&self) -> &Fixed {
        self.fix_all.get_or_init(|| {
            fix_until_stable(
                self.text().to_string(),
                self.diagnostics.clone(),
                false,
                |t| crate::check(t, &self.settings, self.tables.get()),
            )
        })
    }
}
