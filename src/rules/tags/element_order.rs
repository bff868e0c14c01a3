//! ## What it does
//! Warns when the elements before the text are out of order: E.O., TAGS, SUBJECT, REF, Classified
//! By, then paragraph 1.
//!
//! ## Why
//! 6,639 of 6,712 released cables keep this order (spec §1.2, B-5: a warning, since a few posts put
//! TAGS before E.O. for years).
//!
//! ## Example
//! ```cable
//! TAGS: PREL PGOV KS JA
//! E.O. 12958: DECL: 05/17/2017
//! ```
//! Use instead:
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! TAGS: PREL PGOV KS JA
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let order = ctx.cable.body.element_order.clone();
    let mut max_seen: Option<crate::syntax::Element> = None;
    for (el, range) in order {
        if let Some(m) = max_seen {
            if el < m {
                ctx.report(range, format!("{} comes after {}; the order is E.O., TAGS, SUBJECT, REF, Classified By, paragraph 1", el.name(), m.name()));
                continue;
            }
        }
        max_seen = Some(max_seen.map_or(el, |m| m.max(el)));
    }
}
