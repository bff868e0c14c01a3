//! ## What it does
//! Checks the FL5 line: one or two precedence letters (`Z`, `O`, `P`, `R`) and a date-time group
//! `DDHHMMZ MON YY` that is a real UTC date and time.
//!
//! ## Why
//! The date-time group dates the cable; the DE line, the DECL date and the E.O. era are checked
//! against it. All 5,752 released headers carry a valid one (spec §3.5, H-9).
//!
//! ## Example
//! ```cable
//! O 310814Z APR 07
//! ```
//! Use instead (April has 30 days):
//! ```cable
//! O 300814Z APR 07
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some(line) = &ctx.cable.header.dtg else {
        return;
    };
    let (range, prec, prec_value, info, dtg) = (
        line.range,
        line.precedence,
        line.precedence_value,
        line.info_precedence,
        line.dtg,
    );
    if prec_value.is_none() {
        let p = ctx.text(prec);
        ctx.report(
            prec,
            format!("`{p}` is not a precedence letter (Z, O, P or R)"),
        );
    }
    if let Some((tok, None)) = info {
        let p = ctx.text(tok);
        ctx.report(
            tok,
            format!("`{p}` is not a precedence letter (Z, O, P or R)"),
        );
    }
    let Some(d) = dtg else {
        ctx.report(
            range,
            "the precedence line has no date-time group `DDHHMMZ MON YY`",
        );
        return;
    };
    let text = ctx.text(d.range);
    if d.month == 0 {
        let m = ctx.text(d.month_range);
        ctx.report(
            d.month_range,
            format!("`{m}` is not a month abbreviation (JAN … DEC)"),
        );
    } else if d.year == 0 {
        ctx.report(d.range, format!("`{text}` has no two-digit year"));
    } else if !d.valid() {
        let why = if d.hour > 23 || d.minute > 59 {
            format!("{:02}{:02} is not a time of day", d.hour, d.minute)
        } else {
            format!("day {} does not exist in that month", d.day)
        };
        ctx.report(
            d.range,
            format!("date-time group `{text}` is not a real date and time: {why}"),
        );
    }
}
