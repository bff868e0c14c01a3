//! ## What it does
//! Reports a cable that has no text: no paragraph, heading or line of text after the elements
//! before the text (banner, captions, E.O., TAGS, SUBJECT, REF, `Classified By`), or nothing at
//! all after the transmission header. The finding stands on the last line the cable has, where
//! the text is to follow.
//!
//! ## Why
//! The text is what a cable says (spec §1.2: the text follows the elements before it; §3.16: its
//! numbered paragraphs); a draft that stops before it is unfinished, however well formed its
//! header and elements are. A release record that stops there lost its text in the release, which
//! `truncated-preview` and `incomplete-record` report instead: so does a record with a header
//! dated more than a year before the drafting date (the released cables end in 2010), while a
//! header dated later is a draft being written (`cablelint new` dates its header on the drafting
//! date).
//!
//! ## Example
//! ```cable whole
//! UNCLAS OSLO 000123
//!
//! E.O. 13526: N/A
//! TAGS: PREL NO
//! SUBJECT: NORDIC DEFENSE MINISTERS MEET
//! ```
//! Use instead:
//! ```cable whole
//! UNCLAS OSLO 000123
//!
//! E.O. 13526: N/A
//! TAGS: PREL NO
//! SUBJECT: NORDIC DEFENSE MINISTERS MEET
//!
//! 1. (U) The Nordic defense ministers met in Oslo on May 4.
//!
//! SMITH
//! ```
use crate::rules::Context;
use crate::syntax::{DocumentKind, LineKind};

pub fn check(ctx: &Context) {
    // A record that stops before its text was cut by the release (`truncated-preview`).
    if ctx.facts.kind == DocumentKind::Record {
        return;
    }
    let lines = &ctx.cable.lines;
    if lines.iter().any(|l| {
        matches!(
            l.kind,
            LineKind::Paragraph | LineKind::Text | LineKind::Heading
        )
    }) {
        return;
    }
    // An empty file is `invalid-banner`'s.
    let Some(last) = lines.iter().rev().find(|l| {
        !matches!(
            l.kind,
            LineKind::Blank | LineKind::Artifact | LineKind::HeaderNoise
        )
    }) else {
        return;
    };
    let message = if last.kind.is_header_line() {
        "the cable has no text: nothing follows the transmission header"
    } else {
        "the cable has no text: no paragraph follows the elements before it"
    };
    ctx.report(last.range, message);
}
