//! ## What it does
//! Reports a CONFIDENTIAL or SECRET cable whose E.O. line says `N/A` (or gives no value).
//!
//! ## Why
//! A classified cable must say when it is declassified; no released classified cable writes `N/A`
//! (spec B-9). `N/A` on a classified cable usually means the banner or the E.O. line was copied from
//! an unclassified one.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! E.O. 12958: N/A
//! ```
//! Use instead (ten years on is the default):
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! ```
use crate::rules::{Context, Related};
use crate::syntax::EoValue;

pub fn check(ctx: &Context) {
    let (Some(b), Some(eo)) = (&ctx.cable.body.banner, &ctx.cable.body.eo) else {
        return;
    };
    if !b.level.is_classified() {
        return;
    }
    let banner = b.level_token;
    let (range, what) = match eo.value {
        EoValue::NotApplicable => (eo.value_range.unwrap_or(eo.range), "`N/A`"),
        EoValue::Missing => (eo.range, "no declassification instruction"),
        _ => return,
    };
    ctx.report(
        range,
        format!("a classified cable needs a declassification date, but the E.O. line has {what}"),
    )
    .related
    .push(Related {
        range: banner,
        message: "classified banner".into(),
    });
}
