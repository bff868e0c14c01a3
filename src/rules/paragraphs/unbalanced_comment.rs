//! ## What it does
//! Notes an `End Comment` or `End Note` with no opener (`Comment:`, `(Note: …`, a `COMMENT` heading)
//! before it in the same paragraph, the previous one, or under a heading.
//!
//! ## Why
//! Comments and notes are bracketed so readers can tell the post's view from reporting; 996 released
//! cables balance them, and final comment paragraphs often have no closer, which is fine (spec T-7:
//! information, closers only).
//!
//! ## Example
//! ```cable
//! ¶7. (C) The talks were productive. End Comment.
//! ```
//! Use instead:
//! ```cable
//! ¶7. (C) Comment: The talks were productive. End Comment.
//! ```
use crate::rules::Context;
use crate::syntax::MarkerKind;

/// What the openers of one kind before a marker come to: whether there is one, whether one is a
/// heading or outside the paragraphs (it opens for any closer after it), and the highest
/// paragraph one stands in. Kept as the markers are read, so that a line of many closers is
/// checked in linear time.
#[derive(Default, Clone, Copy)]
struct Openers {
    any: bool,
    open_to_all: bool,
    last_paragraph: Option<usize>,
}

pub fn check(ctx: &Context) {
    let markers = &ctx.cable.body.markers;
    let (mut comments, mut notes) = (Openers::default(), Openers::default());
    for m in markers {
        let seen = match m.kind {
            MarkerKind::CommentOpen => Some(&mut comments),
            MarkerKind::NoteOpen => Some(&mut notes),
            _ => None,
        };
        if let Some(o) = seen {
            o.any = true;
            o.open_to_all |= m.heading || m.paragraph.is_none();
            o.last_paragraph = o.last_paragraph.max(m.paragraph);
            continue;
        }
        let (opener, before) = match m.kind {
            MarkerKind::CommentClose => (MarkerKind::CommentOpen, comments),
            MarkerKind::NoteClose => (MarkerKind::NoteOpen, notes),
            _ => continue,
        };
        // An opener before it that is a heading, outside the paragraphs, or in this paragraph or
        // the one before (paragraphs only grow in document order, so the last one decides).
        let opened = before.open_to_all
            || (before.any && m.paragraph.is_none())
            || matches!((m.paragraph, before.last_paragraph), (Some(b), Some(a)) if b <= a + 1);
        if !opened {
            let t = ctx.text(m.range);
            let what = if opener == MarkerKind::CommentOpen {
                "`Comment:`"
            } else {
                "`(Note:`"
            };
            ctx.report(m.range, format!("`{t}` has no {what} opener before it"));
        }
    }
}
