//! ## What it does
//! Warns when the DE filing time is before the date-time group or more than 60 minutes after it.
//!
//! ## Why
//! The filing time trails the date-time group by 0 minutes in 94% of released cables and by at most
//! 10 minutes in 98% (Department cables routinely by 2–20 minutes); a DE time earlier than the DTG
//! or hours later points at a copied header (spec H-11, a convention: a warning). Reissues are
//! exempt.
//!
//! ## Example
//! ```cable
//! DE RUEHKO #2232/01 1370614
//! …
//! O 170814Z MAY 07
//! ```
//! Use instead: `DE RUEHKO #2232/01 1370814`.
use crate::rules::{Context, Related};

pub fn check(ctx: &mut Context) {
    if ctx.facts.corrected_copy {
        return;
    }
    let Some((offset, ordinal)) = super::julian_day::de_offset_minutes(ctx) else {
        return;
    };
    let de = ctx
        .cable
        .header
        .de
        .as_ref()
        .expect("offset needs a DE line");
    let j = de.julian_day.expect("offset needs a julian day");
    // A different day that is not explained by the window is the julian-day rule's business.
    if j.value != ordinal && !(-60..=60).contains(&offset) {
        return;
    }
    if (0..=60).contains(&offset) {
        return;
    }
    let time = de.time.expect("offset needs a time");
    let dtg_range = ctx
        .cable
        .header
        .dtg
        .as_ref()
        .expect("offset needs a DTG")
        .range;
    let message = if offset < 0 {
        format!(
            "the DE filing time is {} minutes before the date-time group",
            -offset
        )
    } else {
        format!("the DE filing time is {offset} minutes after the date-time group (more than 60)")
    };
    ctx.report(time.range, message).related.push(Related {
        range: dtg_range,
        message: "date-time group".into(),
    });
}
