//! ## What it does
//! Checks that the banner serial of a cable from 1995 on is six digits, zero-padded (`002232`).
//!
//! ## Why
//! 6,304 of 6,318 parseable released banners have six digits; four or five occur only in 1966–1990
//! cables (spec B-2). The serial also makes the cable's reference id (`07TOKYO2232`).
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 2232
//! ```
//! Use instead:
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ```
use crate::rules::{Context, Edit, Fix};

pub fn check(ctx: &Context) {
    // A serial the release garbled is `garbled-serial`'s, and no fix is built from it.
    if ctx.facts.garbled_serial.is_some() {
        return;
    }
    let Some(serial) = ctx.cable.body.banner.as_ref().and_then(|b| b.serial) else {
        return;
    };
    if ctx.facts.date.is_some_and(|d| d.year < 1995) || serial.range.len() == 6 {
        return;
    }
    let t = ctx.text(serial.range);
    let mut d = ctx.report(
        serial.range,
        format!("the banner serial `{t}` is not six digits"),
    );
    if serial.range.len() < 6 {
        let padded = format!("{:06}", serial.value);
        d.fix = Some(Fix::safe(
            format!("Write `{padded}`"),
            vec![Edit::replace(serial.range, padded)],
        ));
    }
}
