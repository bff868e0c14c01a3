//! ## What it does
//! Checks the DE line's section suffix against the banner: `/nn` must be the banner's `SECTION nn OF
//! m`, and a DE line without a suffix goes with a banner without `SECTION`. `/01` on a single-section
//! cable is normal and never reported.
//!
//! It offers the banner's section number as an unsafe fix.
//!
//! ## Why
//! Multi-section cables are sent as one transmission per section; `/01` ↔ `SECTION 01 OF m` holds in
//! 2,448 of 2,449 released cables and no-suffix ↔ no SECTION in 1,756 of 1,757 (spec H-13).
//!
//! ## Example
//! ```cable
//! DE RUEHKO #2232/02 1370814
//! …
//! C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 002232
//! ```
//! Use instead:
//! ```cable
//! DE RUEHKO #2232/01 1370814
//! ```
use crate::rules::{Context, Edit, Fix, Related};
use crate::syntax::TextRange;

pub fn check(ctx: &Context) {
    if ctx.facts.header_text_mismatch.is_some() {
        return;
    }
    let (Some(de), Some(b)) = (&ctx.cable.header.de, &ctx.cable.body.banner) else {
        return;
    };
    let banner_section = b.section.map(|(n, _)| n);
    let section_range = b.section_range;
    match (de.section, banner_section) {
        (Some(ds), Some(bn)) if ds.value != bn.value => {
            let (dt, bt) = (ctx.text(ds.range), ctx.text(bn.range));
            let want = format!("{:02}", bn.value);
            let mut d = ctx.report(
                ds.range,
                format!("DE section /{dt} does not match the banner's SECTION {bt}"),
            );
            d.related.push(Related {
                range: section_range.unwrap_or(bn.range),
                message: format!("SECTION {bt}"),
            });
            d.fix = Some(Fix::unsafe_(
                format!("Write the banner's section, /{want}"),
                vec![Edit::replace(ds.range, want.clone())],
            ));
        }
        (None, Some(bn)) => {
            let (serial, bt) = (de.serial.map_or(de.range, |s| s.range), ctx.text(bn.range));
            let want = format!("{:02}", bn.value);
            let mut d = ctx.report(serial, format!("the DE line has no section suffix but the banner says SECTION {bt}; write #nnnn/{bt}"));
            d.related.push(Related {
                range: section_range.unwrap_or(bn.range),
                message: format!("SECTION {bt}"),
            });
            // The section goes straight after the serial; when something else is written there
            // (`#0694/0.`, a garbled suffix), inserting would not make a section, so no fix.
            let serial_ends_word = de.serial.is_some_and(|s| {
                let rest = ctx.text(TextRange::new(s.range.end(), de.range.end()));
                rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n'])
            });
            if let Some(s) = de.serial.filter(|_| serial_ends_word) {
                d.fix = Some(Fix::unsafe_(
                    format!("Add the banner's section, /{want}"),
                    vec![Edit::insert(s.range.end(), format!("/{want}"))],
                ));
            }
        }
        _ => {}
    }
}
