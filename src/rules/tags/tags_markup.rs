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

pub fn check(ctx: &Context) {
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
    // One fix per token: `--fix` and fix-all apply them together, and each stays small however
    // long the line is.
    for (range, code) in marked {
        let (t, c) = (ctx.text(range), ctx.text(code));
        ctx.report(
            range,
            format!("TAGS token `{t}` carries link markup; write `{c}`"),
        )
        .fix = Some(Fix::safe(
            format!("Remove the link markup: write `{c}`"),
            vec![Edit::replace(range, c)],
        ));
    }
}
