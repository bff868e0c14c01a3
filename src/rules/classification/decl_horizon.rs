//! ## What it does
//! Notes a DECL date that is not ten years after the cable's date (off by default).
//!
//! It offers the date ten years after the cable as an unsafe fix (a classifier may have chosen
//! another horizon).
//!
//! ## Why
//! Ten years is the default duration under E.O. 12958 as amended §1.5(b); 3,580 of 4,414 released
//! dated cables use it (spec B-12). Other durations are legitimate, so this rule only informs, for
//! posts that want to review them.
//!
//! ## Example
//! ```cable
//! O 170814Z MAY 07
//! …
//! E.O. 12958: DECL: 05/17/2016
//! ```
//! Use instead, if no shorter or longer duration is intended:
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! ```
use crate::rules::{Context, Edit, Fix};

pub fn check(ctx: &Context) {
    let (Some((decl, range)), Some(date)) = (crate::rules::facts::decl_date(ctx), ctx.facts.date)
    else {
        return;
    };
    let years = decl.year - date.year;
    if years == crate::vocab::orders::DECL_DEFAULT_YEARS {
        return;
    }
    let when = match years {
        0 => "in the cable's own year".to_string(),
        1 => "1 year after the cable".to_string(),
        y if y < 0 => format!(
            "{} year{} before the cable",
            -y,
            if y == -1 { "" } else { "s" }
        ),
        y => format!("{y} years after the cable"),
    };
    let want = date.add_years(crate::vocab::orders::DECL_DEFAULT_YEARS);
    let want = format!("{:02}/{:02}/{:04}", want.month, want.day, want.year);
    ctx.report(
        range,
        format!("the DECL date is {when}; ten years after is the default"),
    )
    .fix = Some(Fix::unsafe_(
        format!("Declassify on {want}, ten years after the cable"),
        vec![Edit::replace(range, want.clone())],
    ));
}
