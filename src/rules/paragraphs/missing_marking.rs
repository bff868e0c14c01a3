//! ## What it does
//! Warns when a numbered paragraph of a classified cable has no portion marking right after its
//! number (`¶2. (C) …`).
//!
//! ## Why
//! "You must include the classification of each paragraph immediately following the paragraph
//! number" (5 FAH-1 H-246.2). In released classified cables paragraph 1 is marked in 4,030 of 4,151
//! (spec T-3: a warning, since older cables mark the whole text once).
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! ¶2. On May 14, …
//! ```
//! Use instead (or `(U)`, `(SBU)`, `(S)` as the paragraph requires):
//! ```cable
//! ¶2. (C) On May 14, …
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    if !b.level.is_classified() {
        return;
    }
    // A legacy whole-text marking (`1. (C - ENTIRE TEXT)`) covers every paragraph.
    if ctx
        .cable
        .body
        .paragraphs
        .iter()
        .any(|p| p.marking.as_ref().is_some_and(|m| m.entire_text))
    {
        return;
    }
    let level = b.level.level();
    let unmarked: Vec<_> = ctx
        .cable
        .body
        .paragraphs
        .iter()
        .filter(|p| p.marking.is_none())
        // The legacy authority paragraph (`1. CLASSIFIED BY …`) needs no marking of its own.
        .filter(|p| {
            ctx.cable.body.classified_by.as_ref().is_none_or(|c| {
                c.label.start() < p.first_line.start() || c.label.start() >= p.first_line.end()
            })
        })
        .map(|p| p.number)
        .collect();
    for n in unmarked {
        ctx.report(
            n.range,
            format!(
                "paragraph {} of a {} cable has no portion marking such as ({})",
                n.value,
                level.name(),
                level.abbrev()
            ),
        );
    }
}
