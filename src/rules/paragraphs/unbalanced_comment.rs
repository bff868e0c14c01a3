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
//! Use instead: `¶7. (C) Comment: The talks were productive. End Comment.`
use crate::rules::Context;
use crate::syntax::MarkerKind;

pub fn check(ctx: &Context) {
    let markers = ctx.cable.body.markers.clone();
    for (i, m) in markers.iter().enumerate() {
        let opener = match m.kind {
            MarkerKind::CommentClose => MarkerKind::CommentOpen,
            MarkerKind::NoteClose => MarkerKind::NoteOpen,
            _ => continue,
        };
        let opened = markers[..i].iter().rev().any(|o| {
            o.kind == opener
                && (o.heading
                    || match (o.paragraph, m.paragraph) {
                        (Some(a), Some(b)) => b <= a + 1,
                        (None, _) => true,
                        (Some(_), None) => true,
                    })
        });
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
