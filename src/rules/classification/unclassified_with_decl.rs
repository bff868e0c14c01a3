//! ## What it does
//! Warns when an UNCLAS cable's E.O. line gives a declassification instruction instead of `N/A`.
//!
//! ## Why
//! An unclassified cable has nothing to declassify: 1,919 of 1,926 released UNCLAS cables write
//! `N/A`; the exceptions are UNCLAS E F T O cables with NOFORN and declassified old cables (spec B-8:
//! a warning). UNCLAS E F T O is exempt.
//!
//! ## Example
//! ```cable
//! UNCLAS MADRID 000572
//! …
//! E.O. 12958: DECL: 05/17/2017
//! ```
//! Use instead:
//! ```cable
//! E.O. 12958: N/A
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::EoValue;
use crate::vocab::BannerLevel;

pub fn check(ctx: &Context) {
    let (Some(b), Some(eo)) = (&ctx.cable.body.banner, &ctx.cable.body.eo) else {
        return;
    };
    if !matches!(b.level, BannerLevel::Unclas | BannerLevel::Unclassified) {
        return;
    }
    if !matches!(
        eo.value,
        EoValue::Decl { .. } | EoValue::BareDate(..) | EoValue::Downgrade(_)
    ) {
        return;
    }
    let Some(v) = eo.value_range else { return };
    let t = ctx.text(v);
    ctx.report(
        v,
        format!("an UNCLAS cable's E.O. line should say `N/A`, not `{t}`"),
    )
    .fix = Some(Fix::unsafe_("Write `N/A`", vec![Edit::replace(v, "N/A")]));
}
