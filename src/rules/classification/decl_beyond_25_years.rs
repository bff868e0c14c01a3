//! ## What it does
//! Warns when the DECL date is more than 25 years after the cable's date and no 25X exemption is
//! cited.
//!
//! For a draft without a date-time group, the cable's date is the drafting date (`--date`, `date` in
//! `cablelint.toml`, else today).
//!
//! ## Why
//! Under E.O. 12958 as amended the default is ten years and the maximum without an exemption is 25
//! (§1.5(b), §3.3); 35 of 4,414 released dated cables exceed it (e.g. `DECL: 12/29/2054`; spec B-11:
//! a warning).
//!
//! ## Example
//! ```cable
//! O 291200Z DEC 04
//! …
//! E.O. 12958: DECL: 12/29/2054
//! ```
//! Use instead (or cite a 25X exemption):
//! ```cable
//! E.O. 12958: DECL: 12/29/2014
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let (Some((decl, range)), Some(date)) = (crate::rules::facts::decl_date(ctx), ctx.facts.date)
    else {
        return;
    };
    // The limit counts years: DECL year minus cable year (spec B-11), so 25 is allowed.
    let years = decl.year - date.year;
    if years <= crate::vocab::orders::DECL_LIMIT_YEARS {
        return;
    }
    ctx.report(range, format!("the DECL date {decl} is {years} years after {} {date}; more than 25 needs a 25X exemption", ctx.facts.date_name()));
}
