//! ## What it does
//! Reports a `Classified By` line in an UNCLAS cable.
//!
//! ## Why
//! The classification authority paragraph belongs to classified telegrams only (5 FAH-1 H-240); no
//! released UNCLAS cable has one (spec B-19). It means the banner or the block is wrong.
//!
//! ## Example
//! ```cable
//! UNCLAS TOKYO 002232
//! …
//! Classified By: Ambassador J. Doe. Reasons 1.4 (b) and (d)
//! ```
//! Use instead: remove the line, or classify the banner.
use crate::rules::{Context, Related};

pub fn check(ctx: &Context) {
    let (Some(b), Some(cb)) = (&ctx.cable.body.banner, &ctx.cable.body.classified_by) else {
        return;
    };
    if b.level.is_classified() {
        return;
    }
    let (label, banner) = (cb.label, b.level_token);
    ctx.report(
        label,
        "an unclassified cable has a classification authority line",
    )
    .related
    .push(Related {
        range: banner,
        message: "unclassified banner".into(),
    });
}
