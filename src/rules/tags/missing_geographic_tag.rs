//! ## What it does
//! Warns when TAGS has no geographic tag (a two-letter country or region code such as `JA`, `KS`,
//! `XF`). Tags run together without their space (`PRELJA`, which `misused-tag` reports) count.
//!
//! ## Why
//! Geographic tags route the cable to the country desks; 6,285 of 6,505 released TAGS lines carry one
//! (spec B-16: a warning, as some functional cables legitimately have none).
//!
//! ## Example
//! ```cable
//! TAGS: PREL PGOV
//! ```
//! Use instead:
//! ```cable
//! TAGS: PREL PGOV JA
//! ```
use crate::data::TagKind;
use crate::rules::Context;

pub fn check(ctx: &Context) {
    if let Some(range) = crate::rules::facts::lacks_tag_kind(ctx, TagKind::Geographic) {
        ctx.report(
            range,
            "TAGS has no geographic tag (a two-letter country code such as JA, KS, UK)",
        );
    }
}
