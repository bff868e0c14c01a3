//! ## What it does
//! Reports a REF item that cites the cable itself: the same origin and serial as the banner, in the
//! cable's own year.
//!
//! ## Why
//! A cable cannot answer itself; a reference to its own number is a typo for another cable of the
//! same post (often the one before it) or a copy of the banner into the REF line, and a reader who
//! follows it gets nowhere.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ...
//! REF: TOKYO 2232
//! ```
//! Use instead:
//! ```cable
//! REF: TOKYO 2213
//! ```
use crate::rules::facts::{cited, own_origin_serial};
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some((own_key, own_serial)) = own_origin_serial(ctx) else {
        return;
    };
    let own_year = ctx.facts.date.map(|d| d.year);
    for c in cited(ctx) {
        if c.key == own_key && c.number == own_serial && c.year == own_year {
            let text = ctx.text(c.range).to_string();
            ctx.report(
                c.range,
                format!("`{text}` is this cable's own number: a cable cannot cite itself"),
            );
        }
    }
}
