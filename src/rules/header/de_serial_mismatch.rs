//! ## What it does
//! Checks that the DE line's serial (`#2232`) is the last four digits of the banner serial
//! (`TOKYO 002232`).
//!
//! It offers the banner serial's last four digits as an unsafe fix (the banner may be the wrong one).
//!
//! ## Why
//! `#nnnn` is the cable serial modulo 10,000; it matches in 5,404 of 5,413 released cables and the 9
//! others have the wrong text attached to the header (spec H-12).
//!
//! ## Example
//! ```cable
//! DE RUEHKO #2233/01 1370814
//! …
//! C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 002232
//! ```
//! Use instead:
//! ```cable
//! DE RUEHKO #2232/01 1370814
//! ```
use crate::rules::{Context, Edit, Fix, Related};

pub fn check(ctx: &Context) {
    // A serial the release garbled (`garbled-serial`) cannot be compared.
    if ctx.facts.header_text_mismatch.is_some() || ctx.facts.garbled_serial.is_some() {
        return;
    }
    let Some((ds, bs)) = crate::rules::facts::de_serial_mismatch(ctx.cable) else {
        return;
    };
    let (dt, bt) = (ctx.text(ds.range), ctx.text(bs.range));
    let want = format!("{:04}", bs.value % 10_000);
    let mut d = ctx.report(
        ds.range,
        format!(
            "DE serial #{dt} is not the last four digits of the banner serial {bt} (#{:04})",
            bs.value % 10_000
        ),
    );
    d.related.push(Related {
        range: bs.range,
        message: format!("banner serial {bt}"),
    });
    d.fix = Some(Fix::unsafe_(
        format!("Write the banner serial's last four digits, #{want}"),
        vec![Edit::replace(ds.range, want.clone())],
    ));
}
