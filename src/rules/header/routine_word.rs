//! ## What it does
//! Notes the word ROUTINE written on an addressee line.
//!
//! ## Why
//! ROUTINE is expressed by writing no precedence word: it appears on none of about 42,600 released
//! addressee lines (spec §4, H-17). The word is harmless but unusual.
//!
//! ## Example
//! ```cable
//! INFO RUEHBJ/AMEMBASSY BEIJING ROUTINE 7040
//! ```
//! Use instead:
//! ```cable
//! INFO RUEHBJ/AMEMBASSY BEIJING 7040
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::TextRange;
use crate::vocab::Precedence;

pub fn check(ctx: &Context) {
    let words: Vec<_> = ctx
        .cable
        .header
        .addressees
        .iter()
        .filter_map(|a| a.precedence)
        .filter(|p| p.exact && p.value == Some(Precedence::Routine))
        .map(|p| p.range)
        .collect();
    for r in words {
        // Remove the word and the space before it.
        let start = if r.start() > 0 && ctx.cable.src.as_bytes()[r.start() - 1] == b' ' {
            r.start() - 1
        } else {
            r.start()
        };
        ctx.report(r, "ROUTINE is expressed by leaving the precedence word out")
            .fix = Some(Fix::safe(
            "Remove `ROUTINE`",
            vec![Edit::delete(TextRange::new(start, r.end()))],
        ));
    }
}
