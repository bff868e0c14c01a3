//! ## What it does
//! Notes a cable of more than three pages (by its continuation headers or sections) without a
//! summary.
//!
//! ## Why
//! "If your telegram is over three pages long you must summarize the content" (5 FAH-1 H-246.3;
//! spec T-6: information).
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L SECTION 01 OF 04 TOKYO 002232
//! …
//! ¶1. (C) On May 14, …
//! ```
//! Use instead: open paragraph 1 with `Summary: …` and close it with `End Summary.`
//! ```cable
//! ¶1. (C) Summary: On May 14, … End Summary.
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    let pages = ctx
        .cable
        .body
        .continuations
        .iter()
        .map(|c| c.total.value)
        .chain(b.section.map(|(_, m)| m.value))
        .max()
        .unwrap_or(1);
    if pages <= 3
        || !ctx.cable.body.markers.is_empty()
            && ctx.cable.body.markers.iter().any(|m| {
                matches!(
                    m.kind,
                    crate::syntax::MarkerKind::SummaryOpen
                        | crate::syntax::MarkerKind::SummaryClose
                )
            })
    {
        return;
    }
    let r = b.range;
    ctx.report(
        r,
        format!("the cable runs to {pages} pages or sections but has no summary"),
    );
}
