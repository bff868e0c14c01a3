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
use crate::syntax::{Date, Num, TextRange};
use crate::vocab::FILING_WINDOW_MINUTES;

/// The DE filing time read against the date-time group.
pub struct Filing {
    /// Minutes from the DTG to the DE filing time (the DE day may be the DTG's day or a neighbour,
    /// across a year end too).
    pub offset: i64,
    /// The DTG's day of the year.
    pub ordinal: u32,
    pub date: Date,
    pub julian: Num,
    pub time: Num,
    pub dtg_range: TextRange,
}

impl Filing {
    /// Both lines read, when they are readable.
    pub fn read(ctx: &Context) -> Option<Filing> {
        let de = ctx.cable.header.de.as_ref()?;
        let dtg_line = ctx.cable.header.dtg.as_ref()?;
        let dtg = dtg_line.dtg?;
        let date = dtg.date()?;
        let (julian, time) = (de.julian_day?, de.time?);
        let (j, t) = (julian.value, time.value);
        if !(1..=366).contains(&j) || t / 100 > 23 || t % 100 > 59 {
            return None;
        }
        let ordinal = date.ordinal() as i64;
        let mut day_diff = j as i64 - ordinal;
        // A DE day in the next or previous year (filed across 31 December).
        if day_diff < -300 {
            day_diff += i64::from(Date::days_in_year(date.year));
        } else if day_diff > 300 {
            day_diff -= i64::from(Date::days_in_year(date.year - 1));
        }
        let de_min = (t / 100 * 60 + t % 100) as i64;
        let dtg_min = (dtg.hour * 60 + dtg.minute) as i64;
        Some(Filing {
            offset: day_diff * 1440 + de_min - dtg_min,
            ordinal: date.ordinal(),
            date,
            julian,
            time,
            dtg_range: dtg_line.range,
        })
    }

    /// Whether the DE day is explained: the DTG's own day, or a neighbouring one within an hour of
    /// the DTG (filed around midnight).
    pub fn day_matches(&self) -> bool {
        self.julian.value == self.ordinal
            || (-FILING_WINDOW_MINUTES..=FILING_WINDOW_MINUTES).contains(&self.offset)
    }
}

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
        ctx.report(f.julian.range, message)
    };
    d.related.push(related);
}
