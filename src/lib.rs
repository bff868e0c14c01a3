//! cablelint: a checker and language server for US State Department telegrams.
//!
//! Layers, each knowing only those below it: [`vocab`] (the words and codes of the format, the
//! leaf), [`syntax`] (text → cable tree), [`data`] (reference tables), [`rules`] (cable →
//! diagnostics), [`config`] (`cablelint.toml`), [`workspace`] (the engine the checker and the
//! server share: configuration per path, one analysis per document version, the fix engine),
//! [`ide`] (answers for editors in byte offsets), [`lsp`] (the language server) and `cli` (the
//! command line).
//! [`inspect`] turns a parsed cable into the data `cablelint inspect` prints.

pub mod config;
pub mod data;
pub mod formatter;
pub mod ide;
pub mod inspect;
pub mod lsp;
pub mod rules;
pub mod syntax;
pub mod vocab;
pub mod workspace;

#[allow(clippy::print_stdout, clippy::print_stderr)]
pub mod cli;

pub use rules::{Diagnostic, Rule, Settings, Severity};

/// Parses a cable and runs every enabled rule over it: the one entry point the checker and the
/// language server share.
pub fn check(text: &str, settings: &Settings, tables: &data::Tables) -> Vec<Diagnostic> {
    check_with_line_index(text, settings, tables).0
}

/// [`check`], also giving back the line index the parse built for `text`, so that a caller that
/// turns the diagnostics' byte offsets into lines and columns does not index the text again.
pub fn check_with_line_index(
    text: &str,
    settings: &Settings,
    tables: &data::Tables,
) -> (Vec<Diagnostic>, syntax::LineIndex) {
    let cable = syntax::parse(text);
    let diagnostics = rules::check_cable(&cable, settings, tables);
    (diagnostics, cable.line_index)
}

/// [`check_with_line_index`], also summarising the cable for the cross-cable rules
/// ([`rules::cross::CableSummary`]) from the same parse.
pub fn check_with_summary(
    text: &str,
    settings: &Settings,
    tables: &data::Tables,
) -> (
    Vec<Diagnostic>,
    syntax::LineIndex,
    rules::cross::CableSummary,
) {
    let cable = syntax::parse(text);
    let diagnostics = rules::check_cable(&cable, settings, tables);
    let summary = rules::cross::CableSummary::new(&cable);
    (diagnostics, cable.line_index, summary)
}
