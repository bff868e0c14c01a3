//! ## What it does
//! Reports a DECL value shaped like a date that is no calendar date (`011/2/2019`, `02/30/2015`,
//! `13/01/2019`), a single word that names no date, exemption or event (`DECL: SOMEDAY`), and
//! `DECL: N/A` on a cable that is not unclassified (an UNCLAS cable's `DECL: N/A` is right in
//! meaning: `unclassified-with-decl` asks for its plain `N/A`).
//!
//! ## Why
//! The declassification date decides when the cable may be released; an impossible date leaves it
//! undetermined. Such typos are real drafting errors in the release (09BRASILIA1383; spec B-10).
//! A classified cable must say when it is declassified, and no released classified cable writes
//! `N/A` (spec B-9), behind `DECL:` or not.
//!
//! ## Example
//! ```cable
//! E.O. 12958: DECL: 011/2/2019
//! ```
//! Use instead:
//! ```cable
//! E.O. 12958: DECL: 01/02/2019
//! ```
use crate::rules::Context;
use crate::syntax::{Decl, EoValue};

pub fn check(ctx: &Context) {
    let Some(eo) = &ctx.cable.body.eo else {
        return;
    };
    match &eo.value {
        EoValue::Decl {
            decl: Decl::InvalidDate,
            spec: Some(spec),
            ..
        } => {
            let spec = *spec;
            let t = ctx
                .text(spec)
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string();
            ctx.report(
                spec,
                format!("DECL date `{t}` is not a calendar date (write MM/DD/YYYY)"),
            );
        }
        // An event is written in words (`TEN YEARS AFTER KOREAN UNIFICATION`); one word of letters
        // that is no exemption or code (`SOMEDAY`) says nothing about when. Marks the release left
        // (`08...`, `(##)`) are not judged here.
        EoValue::Decl {
            decl: Decl::Event,
            spec: Some(spec),
            ..
        } => {
            let spec = *spec;
            let t = ctx.text(spec).trim();
            if t.eq_ignore_ascii_case("N/A") || t.eq_ignore_ascii_case("NA") {
                // Not applicable: so it is on an unclassified cable, whose form
                // `unclassified-with-decl` reports; a classified one needs a date (spec B-9).
                let unclassified = ctx
                    .cable
                    .body
                    .banner
                    .as_ref()
                    .is_some_and(|b| !b.level.is_classified());
                if !unclassified {
                    ctx.report(
                        spec,
                        format!(
                            "DECL `{t}` gives no date, but a classified cable needs one (write MM/DD/YYYY or an exemption)"
                        ),
                    );
                }
            } else if !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphabetic()) {
                ctx.report(
                    spec,
                    format!("DECL `{t}` is no date (write MM/DD/YYYY), exemption or event"),
                );
            }
        }
        EoValue::Decl {
            decl: Decl::Empty,
            keyword,
            ..
        } => {
            let k = *keyword;
            ctx.report(k, "DECL: has no date or exemption after it");
        }
        _ => {}
    }
}
