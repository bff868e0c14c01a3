//! ## What it does
//! Notes a transmission identifier whose channel sequence number has three digits (`VZCZCADI319`)
//! rather than the usual four.
//!
//! ## Why
//! 5,744 of 5,752 released headers carry four digits; the eight with three are locally archived
//! originals (spec §3.1, H-1). Three digits are legal, so this is information only.
//!
//! ## Example
//! ```cable
//! VZCZCADI319
//! ```
//! Use instead:
//! ```cable
//! VZCZCADI0319
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some(t) = &ctx.cable.header.transmission else {
        return;
    };
    if let Some(seq) = t.sequence.filter(|s| t.valid && s.len() == 3) {
        ctx.report(
            seq,
            "the channel sequence number has three digits; four are usual",
        );
    }
}
