//! ## What it does
//! Warns when the DE line's routing indicator is not one the reference tables know for the FM post
//! (`DE RUEHKO` with `FM AMEMBASSY TOKYO`). Silent when the tables know neither.
//!
//! ## Why
//! The originating station of the DE line is the FM post's own routing indicator; a routing-indicator
//! book lookup matches in 1,035 of 1,120 cables, the rest being spelling variants or indicators
//! missing from the 2010 book (spec H-14: a warning).
//!
//! ## Example
//! ```cable
//! DE RUEHUL #2232/01 1370814
//! …
//! FM AMEMBASSY TOKYO
//! ```
//! Use instead:
//! ```cable
//! DE RUEHKO #2232/01 1370814
//! ```
use crate::rules::{Context, Related};

pub fn check(ctx: &Context) {
    let (Some(de), Some(fm)) = (&ctx.cable.header.de, &ctx.cable.header.fm) else {
        return;
    };
    let (Some(station), Some(plad)) = (de.station, fm.plad) else {
        return;
    };
    let ri = ctx.text(station);
    let post = ctx.text(plad);
    let known_for_post: Vec<String> = ctx
        .tables
        .post_by_name(post)
        .map(|p| p.routing_indicators.clone())
        .unwrap_or_default();
    if known_for_post.is_empty() || known_for_post.iter().any(|r| r == ri) {
        return;
    }
    // The station may be known under another spelling of the post (KIEV/KYIV, WASHDC/WASHINGTON DC).
    let names: Vec<String> = ctx
        .tables
        .addressees_for_ri(ri)
        .iter()
        .map(|a| a.address.clone())
        .collect();
    if names.iter().any(|n| n == post) {
        return;
    }
    let message = match names.first() {
        Some(n) => format!(
            "the DE station {ri} is {n}, not the FM post {post} ({})",
            known_for_post.join(", ")
        ),
        None => format!(
            "the DE station {ri} is not a routing indicator of the FM post {post} ({})",
            known_for_post.join(", ")
        ),
    };
    ctx.report(station, message).related.push(Related {
        range: plad,
        message: format!("FM {post}"),
    });
}
