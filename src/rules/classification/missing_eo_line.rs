//! ## What it does
//! Reports a cable without an E.O. line (`E.O. 13526: DECL: 05/17/2036` or `E.O. 13526: N/A`). The
//! message names the order in force on the cable's date (the drafting date for a draft): E.O. 13526
//! from 27 June 2010, E.O. 12958 for a cable of 1995–2010, and so on (see `eo-era-mismatch`).
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
//! E.O. 13526: DECL: 05/17/2036
//! TAGS: PREL PGOV KS JA
//! ```
use crate::rules::Context;
use crate::vocab::orders;

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
    // The order in force on the cable's (or the drafting) date; the newest without a date.
    let order = ctx.facts.date.map_or_else(
        || orders::EXECUTIVE_ORDERS[orders::EXECUTIVE_ORDERS.len() - 1].number,
        |d| orders::nearest_order(d).number,
    );
    ctx.report(
        anchor,
        format!("the {} has no E.O. line (`E.O. {order}: DECL: MM/DD/YYYY`, or `E.O. {order}: N/A` when unclassified)", ctx.facts.text_name()),
    );
}
