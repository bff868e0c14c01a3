//! ## What it does
//! Warns when NOFORN paragraphs (`(S//NF)`, `(C/NF)`, `(SBU/N)`) stand in a cable without a
//! `NOFORN` caption, or a `NOFORN` caption heads a cable with no NOFORN paragraph.
//!
//! ## Why
//! Telegrams "not deemed appropriate for sharing outside the USG … need to be marked NOFORN" (05 STATE
//! 226504); the caption and the paragraph controls agree in 731 of 837 and 731 of 797 released
//! cables (spec B-25: a warning).
//!
//! ## Example
//! ```cable
//! S E C R E T TOKYO 002232
//!
//! SIPDIS
//! …
//! ¶1. (S//NF) …
//! ```
//! Use instead:
//! ```cable
//! S E C R E T TOKYO 002232
//!
//! NOFORN
//! SIPDIS
//! …
//! ¶1. (S//NF) …
//! ```
use crate::rules::{Context, Related};
use crate::vocab::CaptionKind;

pub fn check(ctx: &Context) {
    let caption = ctx
        .cable
        .body
        .captions
        .iter()
        .find(|c| {
            c.kind == CaptionKind::Noforn
                || (c.kind == CaptionKind::MarkingLine && ctx.text(c.range).contains("NOFORN"))
        })
        .map(|c| c.range);
    let banner_noforn = ctx
        .cable
        .body
        .banner
        .as_ref()
        .is_some_and(|b| ctx.text(b.range).contains("NOFORN"));
    let nf: Vec<_> = ctx
        .cable
        .body
        .paragraphs
        .iter()
        .filter_map(|p| p.marking.as_ref())
        .filter(|m| m.noforn)
        .map(|m| m.range)
        .collect();
    match (caption, nf.first()) {
        (None, Some(&first)) if !banner_noforn => {
            let m = ctx.text(first);
            let banner = ctx.cable.body.banner.as_ref().map(|b| b.range);
            let mut d = ctx.report(
                first,
                format!("paragraph marked {m} is NOFORN, but the cable has no NOFORN caption"),
            );
            if let Some(b) = banner {
                d.related.push(Related {
                    range: b,
                    message: "banner (captions go on the lines after it)".into(),
                });
            }
        }
        (Some(c), None)
            if !ctx
                .cable
                .body
                .paragraphs
                .iter()
                .all(|p| p.marking.is_none()) =>
        {
            ctx.report(
                c,
                "the cable is captioned NOFORN, but no paragraph marking carries NF",
            );
        }
        _ => {}
    }
}
