//! ## What it does
//! Checks that the FM post is the banner's origin: the FM address without its post type
//! (`AMEMBASSY`, `AMCONSUL`, `USMISSION`, `USINT`, `AIT`, `USLO`, `REO`), with `SECSTATE WASHDC` as
//! `STATE` and `USDEL SECRETARY` as `PARTO`/`SECTO`.
//!
//! ## Why
//! The banner names the station that sent the cable, as FM does; they agree in 5,619 of 5,658
//! released cables, and the rest have a wrong text attached to the header (spec H-15).
//!
//! ## Example
//! ```cable
//! FM AMEMBASSY TOKYO
//! …
//! C O N F I D E N T I A L SEOUL 002232
//! ```
//! Use instead:
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ```
use crate::rules::{Context, Related};

pub fn check(ctx: &Context) {
    if ctx.facts.header_text_mismatch.is_some() {
        return;
    }
    if crate::rules::facts::origin_matches(ctx.cable, ctx.tables) != Some(false) {
        return;
    }
    let fm = ctx
        .cable
        .header
        .fm
        .as_ref()
        .and_then(|f| f.plad)
        .expect("matched above");
    let origin = ctx
        .cable
        .body
        .banner
        .as_ref()
        .and_then(|b| b.origin)
        .expect("matched above");
    let (f, o) = (ctx.text(fm), ctx.text(origin));
    ctx.report(
        origin,
        format!("the banner origin `{o}` is not the FM post `{f}`"),
    )
    .related
    .push(Related {
        range: fm,
        message: format!("FM {f}"),
    });
}
