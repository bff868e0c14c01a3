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
use crate::syntax::{MarkerKind, TextRange};

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
            .and_then(|p| closer_fix(ctx, p.range));
        let mut d = ctx.report_softer(
            opener.range,
            format!("`{t}` opens a summary that is never closed with `End Summary.`"),
            Severity::Info,
        );
        d.fix = fix;
    }
}

/// `End Summary.` after the paragraph's last line on which the parser reads it as the closer.
///
/// A paragraph's range can cover lines that are read as something else (a banner line the release
/// joined with E.O. and TAGS, a page header): a closer written there would not be seen, and every
/// run would add another. So each candidate place (the ends of the paragraph's lines, last first)
/// is tried by reading the cable with the closer in it, and the first place where it closes the
/// summary is taken; without one there is no fix rather than one that does not converge.
fn closer_fix(ctx: &Context, paragraph: TextRange) -> Option<Fix> {
    let src = ctx.cable.src;
    let ends = ctx
        .cable
        .lines
        .iter()
        .filter(|l| {
            paragraph.start() <= l.range.start()
                && l.range.start() < paragraph.end()
                && !ctx.text(l.range).trim().is_empty()
        })
        .map(|l| l.range.start() + ctx.text(l.range).trim_end().len())
        .rev()
        .take(4);
    for end in ends {
        let sep = if src[..end].ends_with(['.', '!', '?', '"']) {
            " "
        } else {
            ". "
        };
        let insert = format!("{sep}End Summary.");
        let fixed = format!("{}{insert}{}", &src[..end], &src[end..]);
        let closes = crate::syntax::parse(&fixed).body.markers.iter().any(|m| {
            m.kind == MarkerKind::SummaryClose
                && m.range.start() >= end
                && m.range.end() <= end + insert.len()
        });
        if closes {
            return Some(Fix::safe(
                "Close the summary with `End Summary.`",
                vec![Edit::insert(end, insert)],
            ));
        }
    }
    None
}
