//! ## What it does
//! Warns, once, when every continuation header of the cable gives another section count than the
//! banner (`SECTION 01 OF 02` over headers `RANGOON 00000378 002.8 OF 004`) while agreeing with the
//! banner's serial and with each other: the release garbled the banner's count or the headers.
//! `continuation-mismatch` then leaves the count alone and checks the rest of each header.
//!
//! ## Why
//! The system writes the banner's `OF m` and the continuation headers' total from one count; in
//! 1,607 released cables with such headers they disagree only through garbles (spec §3.19, B-4,
//! which names 09RANGOON378). A drafter cannot cause it, and one garble would otherwise give one
//! error per page.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614
//! …
//! SEOUL 00000614 002 OF 004
//! …
//! SEOUL 00000614 003 OF 004
//! ```
//! Use instead: the cable as it was sent.
use crate::rules::{Context, Related};

pub fn check(ctx: &Context) {
    let Some((total, headers)) = crate::rules::facts::continuation_count_garbled(ctx.cable) else {
        return;
    };
    let Some(banner) = ctx.cable.body.banner.as_ref() else {
        return;
    };
    let m = banner.section.map_or(0, |(_, m)| m.value);
    let mut d = ctx.report(
        headers[0],
        format!(
            "garbled continuation headers: all {} count {total:03} sections where the banner says {m:02}; the release garbled one or the other",
            headers.len()
        ),
    );
    d.related.push(Related {
        range: banner.range,
        message: "banner".into(),
    });
}
