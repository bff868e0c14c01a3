//! ## What it does
//! Checks the FL3 `DE` line: `DE`, the originating routing indicator, `#` and the four-digit station
//! serial with an optional `/nn` section, and the julian day (001–366) with the filing time (HHMM).
//!
//! ## Why
//! All 5,752 released headers match `^DE R[A-Z0-9]{3,6} #\d{4}(/\d{2})? \d{7}$` (spec H-3); the
//! fields feed the cross-checks against the date-time group and the banner.
//!
//! ## Example
//! ```cable
//! DE RUEHKO #2232/1 1370814
//! ```
//! Use instead:
//! ```cable
//! DE RUEHKO #2232/01 1370814
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some(de) = &ctx.cable.header.de else {
        return;
    };
    if de.valid {
        return;
    }
    let range = de.range;
    let mut problems = Vec::new();
    let keyword = ctx.text(range).split(' ').next().unwrap_or("");
    let mistyped = format!("it starts with `{keyword}`, not `DE`");
    if keyword != "DE" {
        problems.push(mistyped.as_str());
    }
    if de
        .station
        .is_none_or(|s| !crate::vocab::is_routing_indicator(ctx.text(s)))
    {
        problems.push("the station is not a routing indicator");
    }
    if de.serial.is_none_or(|s| s.range.len() != 4) {
        problems.push("the serial after `#` is not four digits");
    }
    if de.section.is_some_and(|s| s.range.len() != 2) {
        problems.push("the section after `/` is not two digits");
    }
    match (de.julian_day, de.time) {
        (Some(j), Some(t)) => {
            if !(1..=366).contains(&j.value) {
                problems.push("the julian day is not between 001 and 366");
            }
            if t.value / 100 > 23 || t.value % 100 > 59 {
                problems.push("the filing time is not a valid HHMM");
            }
        }
        _ => problems.push("the last field is not a 3-digit julian day followed by HHMM"),
    }
    if problems.is_empty() {
        problems.push("it does not follow `DE <RI> #<serial>[/<section>] <julian day><HHMM>`");
    }
    ctx.report(range, format!("malformed DE line: {}", problems.join("; ")));
}
