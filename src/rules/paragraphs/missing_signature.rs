//! ## What it does
//! Warns when a cable's text does not end with a signature: the surname of the chief of mission or
//! the Secretary (`SCHIEFFER`, `RICE`, `McCORMICK`, `van Voorst`), alone on the last line or
//! appended to the last sentence. What may follow a signature is not text: end markers, the
//! classification line, the post's website banner, a page number or date stamp, and what the
//! release added (a closing quote, HTML remnants, a preview cut off with `...`).
//!
//! ## Why
//! Cables are signed by the chief of mission (or the Secretary for Department cables) regardless of
//! the drafter; 4,713 of 6,712 released cables end so, the rest mostly because of release artifacts
//! this parser skips (trailing `NNNN` or `End Cable Text`, sentence-case surnames; spec §3.20, T-9:
//! a warning).
//!
//! ## Example
//! ```cable
//! ¶7. (C) The talks were productive.
//! ```
//! Use instead:
//! ```cable
//! ¶7. (C) The talks were productive.
//!
//! SCHIEFFER
//! ```
use crate::rules::Context;
use crate::syntax::LineKind;

pub fn check(ctx: &Context) {
    if ctx.cable.body.signature.is_some() {
        return;
    }
    // The signature stands in the last section; a record that lost sections (`* Missing Section
    // 003 *`) may have lost it with them, and `incomplete-record` reports the loss.
    if ctx.cable.missing_sections().next().is_some() {
        return;
    }
    let last = ctx
        .cable
        .lines
        .iter()
        .rev()
        .find(|l| matches!(l.kind, LineKind::Text | LineKind::Paragraph))
        .map(|l| l.range);
    if let Some(r) = last {
        ctx.report(r, "the cable does not end with a signature (the surname of the chief of mission, in capitals)");
    }
}
