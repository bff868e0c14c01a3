//! ## What it does
//! Warns when the E.O. cited was not in force on the cable's date: E.O. 12958 after E.O. 13526 took
//! effect (27 June 2010), E.O. 13526 before it was signed, or an older order after its successor.
//!
//! For a draft without a date-time group, the cable's date is the drafting date (`--date`, `date` in
//! `cablelint.toml`, else today).
//!
//! ## Why
//! Classification follows the order in force: 11652 (1972–1978), 12065 (1978–1982), 12356
//! (1982–1995), 12958 (1995–2010), 13526 (from 2010) (spec §3.11, B-7: an era mismatch is a
//! warning).
//!
//! ## Example
//! ```cable
//! O 170814Z MAY 11
//! …
//! E.O. 12958: DECL: 05/17/2021
//! ```
//! Use instead:
//! ```cable
//! E.O. 13526: DECL: 05/17/2021
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::vocab::orders;

pub fn check(ctx: &Context) {
    let (Some(eo), Some(date)) = (&ctx.cable.body.eo, ctx.facts.date) else {
        return;
    };
    let Some(num) = eo.number else {
        return;
    };
    let Some(order) = orders::executive_order(ctx.text(num.range)) else {
        return;
    };
    if order.citable_on(date) {
        return;
    }
    let current = orders::executive_order_in_force(date);
    let message = match (order.superseded, current) {
        (Some(end), Some(now)) if date >= end => format!(
            "E.O. {} was superseded on {end}; a {} of {date} should cite E.O. {}, the order then in force",
            order.number,
            ctx.facts.text_name(),
            now.number
        ),
        _ => format!("E.O. {} was not yet in force on {date}", order.number),
    };
    let fix = current.map(|now| {
        Fix::unsafe_(
            format!("Cite E.O. {}", now.number),
            vec![Edit::replace(num.range, now.number)],
        )
    });
    ctx.report(num.range, message).fix = fix;
}
