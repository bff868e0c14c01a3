//! ## What it does
//! Reports a truncated preview of the text that a record shows before the full record: the first
//! lines of the cable, cut off with `…` or `...`, then the database record with the whole text. It
//! also reports a record the release cut short without the full text after it: a line before the
//! text that ends in `...` where the E.O. line, TAGS or SUBJECT is then missing (`USTR FOR A...`), or
//! a sent cable (one with a header) whose record ends before any text. A text with a header dated
//! less than a year before the drafting date, or later, that ends so is a draft whose text is not
//! yet written (`cablelint new` dates the header it writes): `missing-text` reports it.
//!
//! ## Why
//! Some released records repeat the cable: a preview, then the full record (spec §6.1.5). The parser
//! reads the full copy and skips the preview; otherwise the preview's missing elements would be
//! reported as drafting errors.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232 SIPDIS E.O. 12958: DECL: 05/17/2017 TAGS: PREL JA SUBJECT: …
//!
//! id: 74239
//! date: 5/17/2007 8:14
//! refid: 07TOKYO2232
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! ```
//! Use instead: the full text only.
use crate::rules::Context;
use crate::syntax::{ArtifactKind, DocumentKind, LineKind};

pub fn check(ctx: &Context) {
    // A draft being written that stops at an element before its text (a header dated in the
    // drafting year, see `crate::syntax::kind_on`) is unfinished, not cut by the release.
    if ctx.facts.kind != DocumentKind::Record {
        return;
    }
    // A preview's lines are skipped (artifact lines); a cut stands among the lines that are read.
    let preview = ctx
        .cable
        .artifacts_of(ArtifactKind::TruncatedPreview)
        .next()
        .is_some_and(|a| {
            ctx.cable
                .lines
                .iter()
                .any(|l| l.range.start == a.range.start && l.kind == LineKind::Artifact)
        });
    super::report_first(ctx, ArtifactKind::TruncatedPreview, |_| {
        if preview {
            "truncated preview: the record repeats the text in full below; the full copy is read"
                .into()
        } else {
            "truncated record: the release cut the text here; what followed is lost".into()
        }
    });
}
