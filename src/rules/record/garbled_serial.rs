//! ## What it does
//! Warns when the banner serial is garbled by the release: eight digits (the continuation header's
//! zero-padded form, `00100153`), one or two digits (a section number read as the serial), letters
//! run into it that make no caption or label (`00040QSITIVE`; `002215SIPDIS` is a caption joined
//! on, read as two elements), or the five digits a web-inbox printout writes (`TEL AVIV 04032`).
//!
//! ## Why
//! A banner serial has six digits (four or five before 1995, spec B-2); the release garbled a few
//! banners (§6.1.6, [CM-C] `MALFORMED_CABLE_IDS`). The serial is not a drafter's width error, so
//! `banner-serial-width` is silent and offers no fix built from the garble.
//!
//! ## Example
//! ```cable
//! UNCLAS STATE 00100153
//! ```
//! Use instead:
//! ```cable
//! UNCLAS STATE 100153
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some(range) = ctx.facts.garbled_serial else {
        return;
    };
    let t = ctx.text(range);
    ctx.report(
        range,
        format!("garbled serial: the banner serial `{t}` was garbled by the release"),
    );
}
