//! ## What it does
//! Warns when an UNCLAS cable has `(SBU)` paragraphs but no `SENSITIVE` (or SBU) caption.
//!
//! ## Why
//! Sensitive But Unclassified is an administrative control stated by the `SENSITIVE` caption; 1,041
//! of 1,156 released UNCLAS cables with SBU paragraphs carry it (spec B-26: a warning).
//!
//! ## Example
//! ```cable
//! UNCLAS MADRID 000572
//!
//! SIPDIS
//! …
//! ¶1. (SBU) …
//! ```
//! Use instead:
//! ```cable
//! UNCLAS MADRID 000572
//!
//! SENSITIVE
//! SIPDIS
//! …
//! ¶1. (SBU) …
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::vocab::{CaptionKind, Level};

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    if b.level.level() != Level::Unclassified {
        return;
    }
    if sbu_captioned(ctx) {
        return;
    }
    let first = ctx
        .cable
        .body
        .paragraphs
        .iter()
        .filter_map(|p| p.marking.as_ref())
        .find(|m| m.level == Some(Level::Sbu))
        .map(|m| m.range);
    if let Some(r) = first {
        let mut d = ctx.report(r, "the cable has SBU paragraphs but no SENSITIVE caption");
        // The caption on its own line, first of the captions (`SENSITIVE` over `SIPDIS`), or
        // after the banner's line and a blank line: unsafe, since the drafter may rather mean the
        // paragraphs to be (U) (the classification of what is written is theirs).
        let src = ctx.cable.src;
        let edit = match ctx.cable.body.captions.first() {
            Some(c) => {
                let at = src[..c.range.start()].rfind('\n').map_or(0, |i| i + 1);
                Some(Edit::insert(at, "SENSITIVE\n"))
            }
            None => src[b.range.end()..].find('\n').map(|i| {
                let at = b.range.end() + i + 1;
                let text = if src[at..].starts_with('\n') {
                    "\nSENSITIVE\n"
                } else {
                    "\nSENSITIVE\n\n"
                };
                Edit::insert(at, text)
            }),
        };
        d.fix = edit.map(|e| Fix::unsafe_("Add the SENSITIVE caption", vec![e]));
    }
}

/// Whether the cable states Sensitive But Unclassified handling: a `SENSITIVE`, `FOUO` or
/// not-for-internet caption, a marking line reading `FOR OFFICIAL USE ONLY`, or a passing line
/// with `SENSITIVE`. Under such a caption `(SBU)` paragraphs are fine in an UNCLAS cable.
pub(crate) fn sbu_captioned(ctx: &Context) -> bool {
    ctx.cable.body.captions.iter().any(|c| {
        matches!(
            c.kind,
            CaptionKind::Sensitive | CaptionKind::Fouo | CaptionKind::NotForInternet
        ) || (c.kind == CaptionKind::MarkingLine
            && ctx.text(c.range).contains("FOR OFFICIAL USE ONLY"))
    }) || ctx
        .cable
        .body
        .passing
        .iter()
        .any(|&p| ctx.text(p).to_ascii_uppercase().contains("SENSITIVE"))
}
