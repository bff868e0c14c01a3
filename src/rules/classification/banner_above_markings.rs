//! ## What it does
//! Notes a banner above every paragraph marking: a SECRET cable whose paragraphs are at most `(C)`,
//! or a classified cable whose paragraphs are all `(U)`/`(SBU)`.
//!
//! ## Why
//! The overall classification should equal the highest portion; 43 released banners are above all
//! their markings (spec B-24). Over-classification is not a security risk, so this is information.
//!
//! ## Example
//! ```cable
//! S E C R E T TOKYO 002232
//! …
//! ¶1. (C) …
//! ¶2. (U) …
//! ```
//! Use instead, if no portion is SECRET:
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ```
use crate::rules::{Context, Related};
use crate::vocab::Level;

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    let banner_level = b.level.level();
    if banner_level < Level::Confidential {
        return;
    }
    let marked: Vec<_> = ctx
        .cable
        .body
        .paragraphs
        .iter()
        .filter_map(|p| p.marking.as_ref())
        .collect();
    // Judge only cables whose paragraphs are all marked (partly marked cables say too little).
    if marked.is_empty()
        || marked.len() < ctx.cable.body.paragraphs.len()
        || marked.iter().any(|m| m.level.is_none())
    {
        return;
    }
    let Some((highest, at)) = ctx.facts.highest_marking else {
        return;
    };
    if highest >= banner_level {
        return;
    }
    let tok = b.level_token;
    ctx.report(
        tok,
        format!(
            "the banner is {} but no paragraph is marked above {}",
            banner_level.name(),
            highest.name()
        ),
    )
    .related
    .push(Related {
        range: at,
        message: format!("highest marking: {}", highest.abbrev()),
    });
}
