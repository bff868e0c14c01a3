//! ## What it does
//! Reports link markup around TAGS tokens (`[PREL](#)`), as pasted from a web page, and removes it.
//!
//! ## Why
//! A real TAGS line holds bare codes (`TAGS: PREL PGOV KS JA`); the distribution processor reads
//! them literally, so `[PREL](#)` is not the tag PREL (spec §3.12).
//!
//! ## Example
//! ```cable
//! TAGS: [PREL](#) [PGOV](#) [KS](#) [JA](#)
//! ```
//! Use instead:
//! ```cable
//! TAGS: PREL PGOV KS JA
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::TagShape;

pub fn check(ctx: &mut Context) {
    let Some(tags) = &ctx.cable.body.tags else {
        return;
    };
    let marked: Vec<_> = tags
        .tokens
        .iter()
        .filter(|t| t.shape == TagShape::Markup)
        .map(|t| (t.range, t.code))
        .collect();
    if marked.is_empty() {
        return;
    }
    // One fix for the whole line, so that applying it once cleans every token.
    let edits: Vec<Edit> = marked
        .iter()
        .map(|&(range, code)| Edit::replace(range, ctx.text(code)))
        .collect();
    let fix = Fix::safe("Remove the link markup from TAGS", edits);
    for (range, code) in marked {
        let (t, c) = (ctx.text(range), ctx.text(code));
        ctx.report(
            range,
            format!("TAGS token `{t}` carries link markup; write `{c}`"),
        )
        .fix = Some(fix.clone());
    }
}
