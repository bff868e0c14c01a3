//! Folding ranges: the header, the addressee blocks, multi-line SUBJECT/REF/TAGS, paragraphs, and
//! summaries and comments from their opener to their closer.
//!
//! Editors keep one fold per start line (VS Code and Neovim drop the others), so no two folds
//! here start on the same line unless they are the same fold: the TO, INFO and XMT blocks fold
//! each on its own rather than inside one fold of all the addressees that would start on the TO
//! line too. A paragraph's fold ends before an undecorated heading that closes it (a short line
//! standing alone before the next paragraph, such as `BACKGROUND:`), so folding a paragraph never
//! hides the heading of the next part.

use crate::syntax::{AddresseeBlock, Cable, LineKind, MarkerKind, TextRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    /// The transmission header. The editor is told it is a region, as the other blocks here are:
    /// LSP's `imports` kind is for import or include statements (rust-analyzer gives it to `use`
    /// groups only, never to other blocks), and clients act on it: VS Code's
    /// `editor.foldingImportsByDefault` folds such ranges as a file opens and Neovim's
    /// `vim.lsp.foldclose('imports')` closes them, which would hide the routing lines a drafter
    /// writes first.
    Header,
    /// An addressee block, a multi-line element or a paragraph.
    Region,
    /// Summaries, comments and notes.
    Comment,
}

/// A foldable range in bytes; it always spans at least two lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    pub range: TextRange,
    pub kind: FoldKind,
}

/// The folding ranges of a cable, in document order.
pub fn folding_ranges(cable: &Cable<'_>) -> Vec<Fold> {
    let mut out = Vec::new();
    let mut push = |range: TextRange, kind: FoldKind| {
        if cable.line_index.line_of(range.start()) < cable.line_index.line_of(range.end()) {
            out.push(Fold { range, kind });
        }
    };
    let header = &cable.header;
    if let Some(r) = header.range {
        push(r, FoldKind::Header);
    }
    if let Some(r) = &header.routing {
        push(r.range, FoldKind::Region);
    }
    for block in [
        AddresseeBlock::To,
        AddresseeBlock::Info,
        AddresseeBlock::Xmt,
    ] {
        let mut lines = header.addressees.iter().filter(|a| a.block == block);
        if let Some(first) = lines.next() {
            let last = lines.next_back().unwrap_or(first);
            push(first.range.cover(last.range), FoldKind::Region);
        }
    }
    let body = &cable.body;
    if let Some(t) = &body.tags {
        push(t.range, FoldKind::Region);
    }
    if let Some(s) = &body.subject {
        push(s.range, FoldKind::Region);
    }
    if let Some(r) = &body.refs {
        push(r.range, FoldKind::Region);
    }
    if let Some(c) = &body.classified_by {
        push(c.range, FoldKind::Region);
    }
    for p in &body.paragraphs {
        push(without_closing_heading(cable, p.range), FoldKind::Region);
    }
    // Summaries, comments and notes: each opener with the next closer of its kind.
    let mut open: [Option<TextRange>; 3] = [None; 3];
    for m in &body.markers {
        let (slot, opening) = match m.kind {
            MarkerKind::SummaryOpen => (0, true),
            MarkerKind::SummaryClose => (0, false),
            MarkerKind::CommentOpen => (1, true),
            MarkerKind::CommentClose => (1, false),
            MarkerKind::NoteOpen => (2, true),
            MarkerKind::NoteClose => (2, false),
        };
        if opening {
            open[slot] = Some(m.range);
        } else if let Some(start) = open[slot].take() {
            push(start.cover(m.range), FoldKind::Comment);
        }
    }
    out.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    out.dedup();
    out
}

/// A paragraph's range without the undecorated headings at its end: trailing lines that each
/// stand alone after a blank line, hold at most 60 characters, start with a letter and end
/// without a sentence's punctuation (`BACKGROUND`, `Why a nuclear submarine?`, `NEXT STEPS:`).
/// The parser keeps such a line in the paragraph before it (only a heading with a dashed rule
/// ends a paragraph), but a fold of that paragraph must leave it visible.
fn without_closing_heading(cable: &Cable<'_>, range: TextRange) -> TextRange {
    let index = &cable.line_index;
    let first = index.line_of(range.start());
    let mut last = index.line_of(range.end());
    while last > first + 1 {
        let Some(line) = cable.lines.get(last) else {
            break;
        };
        let blank_before = cable
            .lines
            .get(last - 1)
            .is_some_and(|l| l.kind == LineKind::Blank);
        let text = cable.text(line.range).trim();
        let heading = line.kind == LineKind::Text
            && blank_before
            && text.chars().count() <= 60
            && text.chars().next().is_some_and(char::is_alphabetic)
            && !text.ends_with(['.', ',', ';']);
        if !heading {
            break;
        }
        // The fold ends on the last line of text before the heading.
        last -= 1;
        while last > first && cable.lines[last].kind == LineKind::Blank {
            last -= 1;
        }
    }
    if last == index.line_of(range.end()) {
        return range;
    }
    TextRange::new(range.start(), cable.lines[last].range.end())
}
