//! Folding ranges: the header, the addressee blocks, multi-line SUBJECT/REF/TAGS, paragraphs, and
//! summaries and comments from their opener to their closer.

use crate::syntax::{AddresseeBlock, Cable, MarkerKind, TextRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    /// The transmission header (editors may fold it like a block of imports).
    Header,
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
    if let (Some(first), Some(last)) = (header.addressees.first(), header.addressees.last()) {
        push(first.range.cover(last.range), FoldKind::Region);
        for block in [
            AddresseeBlock::To,
            AddresseeBlock::Info,
            AddresseeBlock::Xmt,
        ] {
            let mut lines = header.addressees.iter().filter(|a| a.block == block);
            if let Some(first) = lines.next() {
                let last = lines.next_back().unwrap_or(first);
                let whole = first.range.cover(last.range);
                // Only nest a block when it is not the whole addressee list already.
                if whole
                    != header.addressees[0]
                        .range
                        .cover(header.addressees[header.addressees.len() - 1].range)
                {
                    push(whole, FoldKind::Region);
                }
            }
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
        push(p.range, FoldKind::Region);
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
