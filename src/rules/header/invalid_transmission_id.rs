//! ## What it does
//! Checks that the first header line (FL1, the transmission identifier) is `VZCZC` followed by a
//! three-letter channel designator and a three- or four-digit channel sequence number.
//!
//! ## Why
//! FL1 is the start-of-transmission `V` + start-of-message `ZCZC` + channel sequence number (5 FAH-2
//! H-321.1). Every one of 5,752 released headers matches `^VZCZC[A-Z]{3}\d{3,4}$` (spec H-1), so any
//! other shape is a typing error.
//!
//! ## Example
//! ```cable
//! VZCZCXR08079
//! ```
//! Use instead:
//! ```cable
//! VZCZCXRO8079
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some(t) = &ctx.cable.header.transmission else {
        return;
    };
    if !t.valid {
        let text = ctx.text(t.range);
        ctx.report(
            t.range,
            format!("transmission identifier `{text}` is not `VZCZC` + a three-letter channel + a 3–4 digit sequence number"),
        );
    }
}
