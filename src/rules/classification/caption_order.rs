//! ## What it does
//! Warns when a less restrictive caption comes before a more restrictive one: NODIS and EXDIS go
//! before LIMDIS and STADIS.
//!
//! ## Why
//! "You may use STADIS with EXDIS or NODIS. The most restrictive caption must appear first" (5 FAH-2
//! H-250; spec B-28).
//!
//! ## Example
//! ```cable
//! STADIS
//! EXDIS
//! ```
//! Use instead:
//! ```cable
//! EXDIS
//! STADIS
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let ranked: Vec<_> = ctx
        .cable
        .body
        .captions
        .iter()
        .filter_map(|c| c.kind.restriction().map(|r| (r, c.range)))
        .collect();
    for w in ranked.windows(2) {
        if w[1].0 > w[0].0 {
            let (a, b) = (ctx.text(w[0].1).to_string(), ctx.text(w[1].1).to_string());
            ctx.report(
                w[1].1,
                format!("the more restrictive caption {b} must come before {a}"),
            );
        }
    }
}
