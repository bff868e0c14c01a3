//! ## What it does
//! Checks that the optional second FL5 letter (the precedence of the information addressees) is not
//! above the first (the action precedence).
//!
//! ## Why
//! "The info precedence must be equal to or less than the action precedence" (Army communications
//! manual, spec §4 relation 3). All 363 released two-letter lines comply (H-8).
//!
//! ## Example
//! ```cable
//! P O 041820Z JAN 10
//! ```
//! Use instead:
//! ```cable
//! O P 041820Z JAN 10
//! ```
use crate::rules::Context;

pub fn check(ctx: &mut Context) {
    let Some(d) = &ctx.cable.header.dtg else {
        return;
    };
    let (Some(action), Some((tok, Some(info)))) = (d.precedence_value, d.info_precedence) else {
        return;
    };
    if info.letter_rank() > action.letter_rank() {
        ctx.report(
            tok,
            format!(
                "the information precedence {} is above the action precedence {}",
                info.word(),
                action.word()
            ),
        );
    }
}
