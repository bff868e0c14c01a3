//! ## What it does
//! Reports a truncated preview of the text that a record shows before the full record: the first
//! lines of the cable, cut off with `…` or `...`, then the database record with the whole text.
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
use crate::syntax::ArtifactKind;

pub fn check(ctx: &Context) {
    super::report_first(ctx, ArtifactKind::TruncatedPreview, |_| {
        "truncated preview: the record repeats the text in full below; the full copy is read".into()
    });
}
