//! ## What it does
//! Warns when `End Summary` has no opener before it (a closer in paragraph 1 or 2 is taken to close
//! a summary that those paragraphs are, as readers and cablemap do), and notes
//! (at information level) an inline summary (`¶1. (C) Summary: …`) that is never closed with
//! `End Summary.`. The fix for a missing closer appends ` End Summary.` to the summary's paragraph.
//!
//! ## Why
//! Readers and tools take the text between the two as the summary (5 FAH-1 H-246.3); 3,666 of 4,112
//! released cables with `End Summary` have a recognisable opener (spec T-5: a warning). Many posts
//! let a summary paragraph end with the paragraph, so an unclosed opener is only information; a
//! summary under a dashed `SUMMARY` heading ends at the next heading and needs no closer.
//!
//! ## Example
//! ```cable
//! ¶1. (C) Summary: The talks resumed after three years.
//!
//! ¶2. (C) On May 14, …
//! ```
//! Use instead:
//! ```cable
//! ¶1. (C) Summary: The talks resumed after three years. End Summary.
//!
//! ¶2. (C) On May 14, …
//! ```
use crate::rules::{Context, Edit, Fix, Severity};
use crate::syntax::MarkerKind;

pub fn check(ctx: &Context) {
    let markers: Vec<_> = ctx
        .cable
        .body
        .markers
        .iter()
        .filter(|m| matches!(m.kind, MarkerKind::SummaryOpen | MarkerKind::SummaryClose))
        .copied()
        .collect();
    // Openers since the last closer; a closer closes them all (a summary may hold a nested
    // `Post Summary:`). Whatever is still open at the end is reported, one opener per paragraph,
    // so that applying every fix at once reaches the fixed point.
    let mut open: Vec<crate::syntax::Marker> = Vec::new();
    let mut any_opener = false;
    for m in markers {
        match m.kind {
            MarkerKind::SummaryOpen => {
                if open
                    .last()
                    .is_none_or(|o| o.paragraph != m.paragraph || o.paragraph.is_none())
                {
                    open.push(m);
                }
                any_opener = true;
            }
            _ => {
                let was_open = !open.is_empty();
                open.clear();
                if !was_open && !any_opener && m.paragraph.is_some_and(|p| p > 1) {
                    let t = ctx.text(m.range);
                    ctx.report(m.range, format!("`{t}` closes a summary that was never opened (`Summary:` at the start of a paragraph)"));
                }
            }
        }
    }
    for opener in open {
        if opener.heading {
            continue;
        }
        let t = ctx.text(opener.range);
        let fix = opener
            .paragraph
            .and_then(|i| ctx.cable.body.paragraphs.get(i))
            .map(|p| {
                let end = p.range.end();
                let before = &ctx.cable.src[..end];
                let sep = if before.ends_with(['.', '!', '?', '"']) {
                    " "
                } else {
                    ". "
                };
                Fix::safe(
                    "Close the summary with `End Summary.`",
                    vec![Edit::insert(end, format!("{sep}End Summary."))],
                )
            });
        let mut d = ctx.report_softer(
            opener.range,
            format!("`{t}` opens a summary that is never closed with `End Summary.`"),
            Severity::Info,
        );
        d.fix = fix;
    }
}
