//! ## What it does
//! Checks the FL2 routing line: a precedence prosign (`ZZ`, `OO`, `PP`, `RR` or `NN`) followed by
//! routing indicators, with continuation lines that hold routing indicators only.
//!
//! ## Why
//! The prosign is the highest precedence of the message and the routing indicators are five to eight
//! letter symbols starting with `R` (5 FAH-2 H-321.2, H-230). All 5,752 released headers follow this
//! shape (spec H-2).
//!
//! ## Example
//! ```cable
//! OQ RUEHFK RUEHKS RUEHNH
//! ```
//! Use instead:
//! ```cable
//! OO RUEHFK RUEHKS RUEHNH
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some(r) = &ctx.cable.header.routing else {
        return;
    };
    let (prosign, precedence, invalid) = (r.prosign, r.precedence, r.invalid.clone());
    if precedence.is_none() {
        let p = ctx.text(prosign);
        ctx.report(
            prosign,
            format!("`{p}` is not a precedence prosign (ZZ, OO, PP, RR or NN)"),
        );
    }
    for tok in invalid {
        let w = ctx.text(tok);
        ctx.report(tok, format!("`{w}` on the routing line is not a routing indicator (`R` + 4–7 letters or digits)"));
    }
}
