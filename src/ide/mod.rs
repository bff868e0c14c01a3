//! Plain-Rust answers for editors, in byte offsets of the document: completion, hover, code
//! actions, document symbols, folding ranges, semantic tokens, go-to-definition for `REF`
//! entries, the cable a position names for find-all-references, inlay hints, code lens and
//! formatting. Nothing here knows LSP, JSON-RPC or any wire format; `src/lsp/` converts these
//! answers to the protocol. Diagnostics are the rules' own, with the related places the rules
//! name.
//!
//! Every function takes a parsed [`Cable`] (the one of the document's shared
//! [`crate::workspace::Analysis`]) and never panics on a half-typed cable: missing parts simply give
//! no answer.

pub mod actions;
pub mod code_lens;
pub mod completion;
pub mod dates;
pub mod definition;
pub mod folding;
pub mod format;
pub mod hover;
pub mod inlay_hints;
pub mod references;
pub mod semantic;
pub mod skeleton;
pub mod symbols;

pub use actions::{code_actions, fix_all, Action, ActionKind};
pub use code_lens::{code_lenses, Citing, CitingScope, CodeLens};
pub use completion::{
    completions, completions_with, resolve, Completion, CompletionItem, CompletionKind, FolderOf,
    ResolveKey,
};
pub use dates::DateTime;
pub use definition::{ref_at, CableTarget};
pub use folding::{folding_ranges, Fold, FoldKind};
pub use format::{formatting, range_formatting};
pub use hover::{hover, Hover};
pub use inlay_hints::{inlay_hints, HintKind, InlayHint};
pub use references::{cable_at, NamedCable};
pub use semantic::{semantic_tokens, SemanticToken, TokenKind, TokenModifiers};
pub use skeleton::{skeleton_completion, SkeletonItem};
pub use symbols::{document_symbols, Symbol, SymbolKind};

use crate::rules::Rule;
use crate::syntax::{Cable, LineKind, TextRange};

/// The documentation address of one rule, when the docs address is known
/// ([`crate::rules::docs_url`]). Diagnostics carry it as their `codeDescription`; `None` leaves it
/// out (hover on the code still shows the documentation).
pub fn rule_url(rule: Rule) -> Option<String> {
    crate::rules::docs_url::url(rule)
}

/// The physical line that holds an offset, with its kind and text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineAt<'a> {
    /// Zero-based line number.
    pub number: usize,
    /// The line's content range, without the line break.
    pub range: TextRange,
    pub kind: LineKind,
    pub text: &'a str,
}

impl<'a> LineAt<'a> {
    /// The text of the line before `offset` (clamped to the line).
    pub fn before(&self, offset: usize) -> &'a str {
        let end = offset.clamp(self.range.start(), self.range.end()) - self.range.start();
        let mut end = end;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        &self.text[..end]
    }
}

/// The line at a zero-based line number, or `None` past the end.
pub(crate) fn line<'a>(cable: &Cable<'a>, number: usize) -> Option<LineAt<'a>> {
    let mut range = cable.line_index.line_range(cable.src, number)?;
    if number == 0 && cable.bom && range.start == 0 && cable.src.starts_with('\u{feff}') {
        range = TextRange::new(3, range.end().max(3));
    }
    let kind = kind_of_line(cable, range);
    Some(LineAt {
        number,
        range,
        kind,
        text: cable.text(range),
    })
}

/// The line that holds an offset (an offset past the end is on the last line).
pub(crate) fn line_at<'a>(cable: &Cable<'a>, offset: usize) -> LineAt<'a> {
    let number = cable.line_index.line_of(offset.min(cable.src.len()));
    line(cable, number).unwrap_or(LineAt {
        number,
        range: TextRange::empty(cable.src.len()),
        kind: LineKind::Blank,
        text: "",
    })
}

/// The kind the parser gave the line starting at `range.start`, or `Unknown` when the parser has no
/// line there.
fn kind_of_line(cable: &Cable<'_>, range: TextRange) -> LineKind {
    let i = cable.lines.partition_point(|l| l.range.start < range.start);
    let candidates = [i.checked_sub(1), Some(i)];
    for j in candidates.into_iter().flatten() {
        if let Some(l) = cable.lines.get(j) {
            if l.range.start <= range.end && range.start <= l.range.end {
                return l.kind;
            }
        }
    }
    if range.is_empty() || cable.text(range).trim().is_empty() {
        LineKind::Blank
    } else {
        LineKind::Unknown
    }
}

/// The range of the word (letters, digits and `_`, `.`, `-`, `/` …) that holds `offset`, in `text`.
pub(crate) fn word_range(text: &str, offset: usize, is_word: impl Fn(char) -> bool) -> TextRange {
    let offset = offset.min(text.len());
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len(), |(i, _)| offset + i);
    TextRange::new(start, end)
}

/// Whether a range holds an offset (the end counts, so that a cursor right after a token is on it).
pub(crate) fn touches(range: TextRange, offset: usize) -> bool {
    range.contains_inclusive(offset)
}
