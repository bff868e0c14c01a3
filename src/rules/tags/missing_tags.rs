//! ## What it does
//! Reports a cable without a TAGS line, or with a `TAGS:` line that has no code.
//!
//! ## Why
//! TAGS (Traffic Analysis by Geography and Subject) drive automated distribution and filing (5 FAH-2
//! H-250, 5 FAH-3 H-010); "every cable must have at least one subject tag". 6,505 of 6,712 released
//! cables have the line, the rest being partial records (spec B-14).
//!
//! ## Example
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! SUBJECT: JAPAN-ROK TALKS
//! ```
//! Use instead (an empty `TAGS:` is reported the same way):
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! TAGS: PREL PGOV KS JA
//! SUBJECT: JAPAN-ROK TALKS
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    // In a release record the absence is the release's: `incomplete-record` reports it.
    if ctx.facts.kind == crate::syntax::DocumentKind::Record {
        return;
    }
    if let Some(tags) = &ctx.cable.body.tags {
        // An empty `TAGS:` line has none of the codes distribution needs: as bad as no line.
        if tags.tokens.is_empty() {
            ctx.report(
                tags.range,
                "the TAGS line has no code (`TAGS: <subject tag> … <country tag>`)",
            );
        }
        return;
    }
    let anchor = ctx
        .cable
        .body
        .eo
        .as_ref()
        .map(|e| e.range)
        .or_else(|| ctx.cable.body.subject.as_ref().map(|s| s.label))
        .or_else(|| ctx.cable.body.banner.as_ref().map(|b| b.range));
    if let Some(r) = anchor {
        ctx.report(
            r,
            "the cable has no TAGS line (`TAGS: <subject tag> … <country tag>`)",
        );
    }
}
