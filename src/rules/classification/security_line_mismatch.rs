//! ## What it does
//! Checks that the FL4 security code matches the banner's classification: `ZNR UUUUU` ↔ `UNCLAS`,
//! `ZNY EEEEE` ↔ `UNCLAS E F T O`, `ZNY CCCCC` ↔ `C O N F I D E N T I A L`, `ZNY SSSSS` ↔
//! `S E C R E T`, `ZNY TTTTT` ↔ TOP SECRET.
//!
//! ## Why
//! The security warning of the transmission and the banner state the same classification; they agree
//! in 5,452 of 5,459 released cables and every exception is release corruption (spec H-4). A
//! mismatch means either the header or the banner is wrong — and the cable may be sent at the wrong
//! level.
//!
//! ## Example
//! ```cable
//! ZNR UUUUU ZZH
//! …
//! C O N F I D E N T I A L TOKYO 002232
//! ```
//! Use instead:
//! ```cable
//! ZNY CCCCC ZZH
//! ```
use crate::rules::facts::security_mismatch;
use crate::rules::{Context, Related};

pub fn check(ctx: &Context) {
    if ctx.facts.header_text_mismatch.is_some() {
        return;
    }
    let Some((code_range, level_range, _code, level)) = security_mismatch(ctx.cable) else {
        return;
    };
    let want = level.security_codes()[0].warning();
    let (c, l) = (ctx.text(code_range), ctx.text(level_range));
    ctx.report(
        code_range,
        format!("the security code `{c}` does not match the banner `{l}`, which needs `{want}`"),
    )
    .related
    .push(Related {
        range: level_range,
        message: format!("banner classification {}", level.level().name()),
    });
}
