//! ## What it does
//! Reports a cable without an E.O. line (`E.O. 12958: DECL: 05/17/2017` or `E.O. 12958: N/A`).
//!
//! ## Why
//! The E.O. line names the order under which the cable is classified and when it is declassified
//! (5 FAH-1 H-240); it is in 6,647 of 6,712 released cables, the misses being partial records
//! (spec B-6).
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//!
//! TAGS: PREL PGOV KS JA
//! ```
//! Use instead:
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//!
//! E.O. 12958: DECL: 05/17/2017
//! TAGS: PREL PGOV KS JA
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    if crate::rules::label_typo::report(ctx, crate::syntax::Element::Eo, "E.O.") {
        return;
    }
    // In a release record the absence is the release's: `incomplete-record` reports it.
    if ctx.facts.kind == crate::syntax::DocumentKind::Record {
        return;
    }
    if ctx.cable.body.eo.is_some() {
        return;
    }
    let Some(anchor) = ctx
        .cable
        .body
        .banner
        .as_ref()
        .map(|b| b.range)
        .or_else(|| ctx.cable.body.tags.as_ref().map(|t| t.range))
    else {
        return;
    };
    ctx.report(anchor, "the cable has no E.O. line (`E.O. 12958: DECL: MM/DD/YYYY`, or `E.O. 12958: N/A` when unclassified)");
}
