//! ## What it does
//! Warns when the DECL date is not after the cable's date.
//!
//! For a draft without a date-time group, the cable's date is the drafting date (`--date`, `date` in
//! `cablelint.toml`, else today).
//!
//! ## Why
//! A declassification date on or before the cable's own date declassifies it at once, which is
//! rarely meant; 6 released cables do so (spec B-10: a warning).
//!
//! ## Example
//! ```cable
//! O 170814Z MAY 07
//! …
//! E.O. 12958: DECL: 05/17/2006
//! ```
//! Use instead:
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! ```
use crate::rules::{Context, Related};

pub fn check(ctx: &Context) {
    let (Some((decl, range)), Some(date)) = (crate::rules::facts::decl_date(ctx), ctx.facts.date)
    else {
        return;
    };
    if decl > date {
        return;
    }
    let dtg = ctx.cable.header.dtg.as_ref().map(|d| d.range);
    let mut d = ctx.report(
        range,
        format!(
            "the DECL date {decl} is not after {} {date}",
            ctx.facts.date_name()
        ),
    );
    if let Some(r) = dtg {
        d.related.push(Related {
            range: r,
            message: format!("cable date {date}"),
        });
    }
}
