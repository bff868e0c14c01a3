//! ## What it does
//! Warns when a post's cable addresses `SECSTATE WASHDC` without a message continuity number.
//!
//! ## Why
//! Posts assign an MCN to each Department activity on every telegram sent to it (5 FAH-2 H-321.7);
//! `SECSTATE WASHDC` carries one in 5,745 of 5,765 released addressee lines (spec H-18: a warning).
//!
//! ## Example
//! ```cable
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE
//! ```
//! Use instead:
//! ```cable
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 3686
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let from_state = ctx
        .cable
        .header
        .fm
        .as_ref()
        .and_then(|f| f.plad)
        .is_some_and(|p| ctx.text(p).starts_with("SECSTATE"));
    if from_state {
        return;
    }
    let hits: Vec<_> = ctx
        .cable
        .header
        .addressees
        .iter()
        .filter(|a| a.mcn.is_none() && a.address.is_some_and(|r| ctx.text(r) == "SECSTATE WASHDC"))
        .map(|a| a.address.expect("filtered"))
        .collect();
    for r in hits {
        ctx.report(
            r,
            "SECSTATE WASHDC is addressed without a message continuity number",
        );
    }
}
