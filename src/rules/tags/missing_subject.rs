//! ## What it does
//! Reports a cable without a SUBJECT line, or with an empty one.
//!
//! ## Why
//! The subject is how a cable is found and read; 6,514 of 6,712 released cables have one, the misses
//! being partial records (spec B-18).
//!
//! ## Example
//! ```cable
//! TAGS: PREL PGOV KS JA
//!
//! ¶1. (C) …
//! ```
//! Use instead:
//! ```cable
//! TAGS: PREL PGOV KS JA
//! SUBJECT: JAPAN-ROK SECURITY TALKS
//!
//! ¶1. (C) …
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    if crate::rules::label_typo::report(ctx, crate::syntax::Element::Subject, "SUBJECT:") {
        return;
    }
    // In a release record the absence is the release's: `incomplete-record` reports it.
    if ctx.facts.kind == crate::syntax::DocumentKind::Record {
        return;
    }
    match &ctx.cable.body.subject {
        Some(s) if s.text.is_none() => {
            let label = s.label;
            ctx.report(label, "SUBJECT is empty");
        }
        Some(_) => {}
        None => {
            let anchor = ctx
                .cable
                .body
                .tags
                .as_ref()
                .map(|t| t.range)
                .or_else(|| ctx.cable.body.eo.as_ref().map(|e| e.range))
                .or_else(|| ctx.cable.body.banner.as_ref().map(|b| b.range));
            if let Some(r) = anchor {
                ctx.report(r, "the cable has no SUBJECT line");
            }
        }
    }
}
