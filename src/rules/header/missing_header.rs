//! ## What it does
//! With `require-header = true`, reports a cable that has no transmission header (`VZCZC…` to the
//! addressees). Off by default: drafts usually start at the banner.
//!
//! ## Why
//! A cable ready for transmission carries FL1–FL9 (spec §1.2); a repository of cables kept in their
//! sent form can require it.
//!
//! ## Example
//! ```cable whole
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! ```
//! Use instead: start the file with the header (`VZCZC…`, routing, `DE`, `ZNY`, DTG, `FM`, `TO`).
use crate::rules::Context;
use crate::syntax::TextRange;

pub fn check(ctx: &Context) {
    if !ctx.settings.require_header || ctx.cable.header.is_present() {
        return;
    }
    let at = ctx
        .cable
        .lines
        .iter()
        .find(|l| !l.range.is_empty())
        .map_or(TextRange::empty(0), |l| l.range);
    ctx.report(at, "the cable has no transmission header (VZCZC, routing, DE, ZNR/ZNY, date-time group, FM, TO)");
}
