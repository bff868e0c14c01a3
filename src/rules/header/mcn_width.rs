//! ## What it does
//! Warns when a message continuity number (the serial after an addressee's precedence) is not four
//! digits.
//!
//! ## Why
//! The MCN is a consecutive number from a series dedicated to each Department activity (5 FAH-2
//! H-321.7); it is four digits in 22,083 of 22,089 released lines (spec H-16: a warning).
//!
//! ## Example
//! ```cable
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 368
//! ```
//! Use instead:
//! ```cable
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 0368
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let mcns: Vec<_> = ctx
        .cable
        .header
        .addressees
        .iter()
        .filter_map(|a| a.mcn)
        .collect();
    for r in mcns {
        let t = ctx.text(r);
        if t.split('-').any(|p| p.len() != 4) {
            ctx.report(
                r,
                format!("message continuity number `{t}` is not four digits"),
            );
        }
    }
}
