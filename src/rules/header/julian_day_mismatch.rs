//! ## What it does
//! Checks that the julian day of the DE line is the day of the year of the date-time group (leap
//! years counted), allowing a filing time that falls just after midnight on the next day.
//!
//! Outside corrected copies it offers the julian day of the date-time group as an unsafe fix (the
//! date-time group may be the wrong one).
//!
//! ## Why
//! The DE line records the julian day and Zulu time of filing, equal to the date-time group in
//! 5,740 of 5,752 released cables; the rest are reissues (corrected copies, `ZDK`/`ZDS` signals),
//! for which this is only a warning (spec H-10). A wrong julian day usually means the header was
//! copied from another cable.
//!
//! ## Example
//! ```cable
//! DE RUEHKO #2232/01 1360814
//! …
//! O 170814Z MAY 07
//! ```
//! Use instead (17 May 2007 is day 137):
//! ```cable
//! DE RUEHKO #2232/01 1370814
//! ```
use crate::rules::facts::Filing;
use crate::rules::{Context, Edit, Fix, Related, Severity};

pub fn check(ctx: &Context) {
    let Some(f) = Filing::read(ctx) else {
        return;
    };
    // The filing-time rule speaks of the minutes.
    if f.day_matches() {
        return;
    }
    let message = format!(
        "julian day {:03} is not the day of the year of the date-time group ({} is day {:03})",
        f.julian.value, f.date, f.ordinal
    );
    let related = Related {
        range: f.dtg_range,
        message: format!("date-time group: {}", f.date),
    };
    let mut d = if ctx.facts.corrected_copy {
        ctx.report_softer(
            f.julian.range,
            format!("{message}; this is a corrected copy or reissue"),
            Severity::Warning,
        )
    } else {
        // The julian day is computed from the date-time group; which of the two was meant is the
        // drafter's call, so the fix is unsafe.
        let mut d = ctx.report(f.julian.range, message);
        d.fix = Some(Fix::unsafe_(
            format!(
                "Write the julian day of the date-time group, {:03}",
                f.ordinal
            ),
            vec![Edit::replace(f.julian.range, format!("{:03}", f.ordinal))],
        ));
        d
    };
    d.related.push(related);
}
