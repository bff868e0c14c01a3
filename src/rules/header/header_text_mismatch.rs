//! ## What it does
//! Reports, once, a header and a text that belong to different cables: the banner's serial is not
//! the DE serial *and* the banner's origin is not the FM post (or its classification is not the
//! security line's). The single comparisons (`de-serial-mismatch`, `origin-mismatch`,
//! `security-line-mismatch`, `de-section-mismatch`) then stay silent.
//!
//! ## Why
//! In the release some headers carry the wrong body (07PARIS2725 has a Moscow text); then every
//! header-to-text check fires for one cause (spec §6.1.7), and the spec grades it as an artifact to
//! report once, as a warning, never an error: the drafter wrote neither half wrong. In a draft it
//! usually means a header was pasted from another cable, which the warning shows just the same.
//! When the banner itself is garbled (`SECTION 02 OF 03QRIPOLI 000583`, spec §6.1.6) the finding
//! says so. A received copy has no DE serial; its header belongs to another cable when it is dated
//! before the executive order the text cites and its FM post is not the banner's origin; the date
//! checks then have no date, since the header's is not the text's.
//!
//! ## Example
//! ```cable
//! DE RUEHFR #2725/01 1370814
//! …
//! FM AMEMBASSY PARIS
//! …
//! C O N F I D E N T I A L MOSCOW 005154
//! ```
//! Use instead: the header of the cable whose text this is.
use crate::rules::{Context, Related};

pub fn check(ctx: &Context) {
    // Detected once, for all rules, when the facts were derived.
    let Some(range) = ctx.facts.header_text_mismatch else {
        return;
    };
    let de = ctx.cable.header.de.as_ref().map(|d| d.range);
    let garbled = ctx.cable.body.banner.as_ref().is_some_and(|b| b.garbled)
        || ctx.facts.garbled_serial.is_some();
    let mut d = if garbled {
        // A banner the release garbled disagrees with the header for that reason alone (§6.1.6).
        let t = ctx.text(range).trim().to_string();
        ctx.report(
            range,
            format!("the banner `{t}` is garbled: its serial and origin cannot be compared with the DE and FM lines"),
        )
    } else if crate::rules::facts::header_predates_text(ctx.cable) {
        ctx.report(
            range,
            "the header and the text belong to different cables: the header is dated before the executive order the text cites, and its FM post is not the banner's origin",
        )
    } else {
        ctx.report(
            range,
            "the header and the text belong to different cables: the banner's serial and origin (or classification) disagree with the DE and FM lines",
        )
    };
    if let Some(de) = de {
        d.related.push(Related {
            range: de,
            message: "DE line of the header".into(),
        });
    }
}
