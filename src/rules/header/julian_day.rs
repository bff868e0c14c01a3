//! ## What it does
//! Checks that the julian day of the DE line is the day of the year of the date-time group (leap
//! years counted), allowing a filing time that falls just after midnight on the next day.
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
//! Use instead: `DE RUEHKO #2232/01 1370814` (17 May 2007 is day 137).
use crate::rules::{Context, Related, Severity};

/// Minutes from the DTG to the DE filing time, when both are readable (the DE day may be the DTG's
/// day or a neighbour, across a year end too).
pub fn de_offset_minutes(ctx: &Context) -> Option<(i64, u32)> {
    let de = ctx.cable.header.de.as_ref()?;
    let dtg = ctx.cable.header.dtg.as_ref()?.dtg?;
    let date = dtg.date()?;
    let (j, t) = (de.julian_day?.value, de.time?.value);
    if !(1..=366).contains(&j) || t / 100 > 23 || t % 100 > 59 {
        return None;
    }
    let ordinal = date.ordinal() as i64;
    let days_in_year = if crate::syntax::is_leap_year(date.year) {
        366
    } else {
        365
    };
    let mut day_diff = j as i64 - ordinal;
    // A DE day in the next or previous year (filed across 31 December).
    if day_diff < -300 {
        day_diff += days_in_year;
    } else if day_diff > 300 {
        let prev = if crate::syntax::is_leap_year(date.year - 1) {
            366
        } else {
            365
        };
        day_diff -= prev;
    }
    let de_min = (t / 100 * 60 + t % 100) as i64;
    let dtg_min = (dtg.hour * 60 + dtg.minute) as i64;
    Some((day_diff * 1440 + de_min - dtg_min, date.ordinal()))
}

pub fn check(ctx: &mut Context) {
    let Some((offset, ordinal)) = de_offset_minutes(ctx) else {
        return;
    };
    let de = ctx
        .cable
        .header
        .de
        .as_ref()
        .expect("offset needs a DE line");
    let dtg = ctx.cable.header.dtg.as_ref().expect("offset needs a DTG");
    let (j, dtg_range) = (de.julian_day.expect("offset needs a julian day"), dtg.range);
    // Same day, or a neighbouring day within an hour of the DTG (filed around midnight): the
    // filing-time rule speaks of the minutes.
    if j.value == ordinal || (-60..=60).contains(&offset) {
        return;
    }
    let date = dtg.dtg.and_then(|d| d.date()).expect("offset needs a date");
    let message = format!(
        "julian day {:03} is not the day of the year of the date-time group ({} is day {:03})",
        j.value, date, ordinal
    );
    let related = Related {
        range: dtg_range,
        message: format!("date-time group: {date}"),
    };
    let d = if ctx.facts.corrected_copy {
        ctx.report_softer(
            j.range,
            format!("{message}; this is a corrected copy or reissue"),
            Severity::Warning,
        )
    } else {
        ctx.report(j.range, message)
    };
    d.related.push(related);
}
