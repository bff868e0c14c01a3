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
//! Use instead:
//! ```cable
//! DE RUEHKO #2232/01 1370814
//! ```
use crate::rules::facts::Filing;
use crate::rules::{Context, Related};
use crate::vocab::FILING_WINDOW_MINUTES;

pub fn check(ctx: &Context) {
    if ctx.facts.corrected_copy {
        return;
    }
    let Some(f) = Filing::read(ctx) else {
        return;
    };
    // A different day that the window does not explain is the julian-day rule's business.
    if !f.day_matches() || (0..=FILING_WINDOW_MINUTES).contains(&f.offset) {
        return;
    }
    let message = if f.offset < 0 {
        format!(
            "the DE filing time is {} minutes before the date-time group",
            -f.offset
        )
    } else {
        format!(
            "the DE filing time is {} minutes after the date-time group (more than {FILING_WINDOW_MINUTES})",
            f.offset
        )
    };
    ctx.report(f.time.range, message).related.push(Related {
        range: f.dtg_range,
        message: "date-time group".into(),
    });
}
