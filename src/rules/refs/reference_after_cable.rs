//! ## What it does
//! Reports a REF item that cites a cable sent after this one: a year written in the reference that
//! is after the cable's own year, or the cable's own year written with a serial of the cable's own
//! post more than 10 above its own serial (posts number their cables in order through the year; a
//! serial up to 10 above is a companion cable sent the same day). A reference without a year is
//! not judged: early in a year, `TOKYO 2301` usually means last year's cable, and a later serial
//! of the cable's own post is read as last year's (its `cable_id` in `cablelint inspect`).
//!
//! ## Why
//! A cable can only answer cables that exist when it is sent. A later date in a reference is a typo
//! in the year or the serial (`08 TOKYO 1448` for `07 TOKYO 1448`), and the reader who follows it finds
//! the wrong cable or none.
//!
//! ## Example
//! ```cable
//! O 170814Z MAY 07
//! ...
//! C O N F I D E N T I A L TOKYO 002232
//! ...
//! REF: A. 08 TOKYO 1448
//!      B. 07 TOKYO 2301
//! ```
//! Use instead:
//! ```cable
//! REF: A. 07 TOKYO 1448
//!      B. 07 TOKYO 2201
//! ```
use crate::rules::facts::{cited, own_origin_serial};
use crate::rules::Context;
use crate::syntax::later_own_serial;

pub fn check(ctx: &Context) {
    let Some(own_year) = ctx.facts.date.map(|d| d.year) else {
        return;
    };
    let own = own_origin_serial(ctx);
    for c in cited(ctx) {
        let Some(year) = c.year else { continue };
        let text = ctx.text(c.range).to_string();
        if c.year_written && year > own_year {
            ctx.report(
                c.range,
                format!("`{text}` is dated {year}, after this cable ({own_year})"),
            );
        } else if c.year_written && year == own_year {
            if let Some((_, serial)) = &own {
                if later_own_serial(own.as_ref(), &c.key, c.number) {
                    ctx.report(
                        c.range,
                        format!(
                            "`{text}` is a later cable of this post: this cable is number {serial} of {own_year}"
                        ),
                    );
                }
            }
        }
    }
}
