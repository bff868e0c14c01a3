//! ## What it does
//! Warns when TAGS has no subject tag (a four-letter code such as `PREL`, `PGOV`, `ECON`; program
//! tags `K…` do not count). Tags run together without their space (`PRELJA`, which
//! `misused-tag` reports) count.
//!
//! ## Why
//! "By definition every cable must have at least one subject tag" (cabledrum TAGS overview, 5 FAH-3
//! H-010); 6,475 of 6,505 released TAGS lines have one (spec B-15: a warning).
//!
//! ## Example
//! ```cable
//! TAGS: KS JA
//! ```
//! Use instead:
//! ```cable
//! TAGS: PREL KS JA
//! ```
use crate::data::TagKind;
use crate::rules::Context;

pub fn check(ctx: &Context) {
    if let Some(range) = crate::rules::facts::lacks_tag_kind(ctx, TagKind::Subject) {
        ctx.report(range, "TAGS has no subject tag (such as PREL, PGOV, ECON)");
    }
}
