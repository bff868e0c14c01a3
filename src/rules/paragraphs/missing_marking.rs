//! ## What it does
//! Warns when a numbered paragraph of a classified cable has no portion marking right after its
//! number (`¶2. (C) …`). The articles of a quoted text or the points of a list that number again
//! below the cable's paragraphs (`¶6.` / `¶1.` `¶2.` / `¶7.`) are covered by the quoting
//! paragraph's marking, and a paragraph the release redacted whole (`¶6. XXXXXXXXXXXX`) lost its
//! marking with its text: neither is reported.
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
use crate::syntax::{Paragraph, TextRange};

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
    let paras = &ctx.cable.body.paragraphs;
    let nested = nested_numbering(paras);
    let unmarked: Vec<_> = paras
        .iter()
        .zip(nested)
        .filter(|(p, nested)| p.marking.is_none() && !nested && !redacted(ctx, p))
        .map(|(p, _)| p)
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

/// For each paragraph, whether it belongs to a numbering of its own inside the cable's: the
/// articles of a quoted agreement or the points of a list, which start again below the cable's
/// last number (`¶6.` / `¶1.` `¶2.` …) and run until the cable's next number (`¶7.`). The
/// paragraph of the cable that quotes them carries their marking.
fn nested_numbering(paras: &[Paragraph]) -> Vec<bool> {
    let mut outer: Option<u32> = None;
    let mut prev: Option<u32> = None;
    paras
        .iter()
        .map(|p| {
            let v = p.number.value;
            match outer {
                Some(o) if v == o + 1 => outer = None,
                None if prev.is_some_and(|q| v <= q) => outer = prev,
                _ => {}
            }
            prev = Some(v);
            outer.is_some()
        })
        .collect()
}

/// Whether the release redacted the whole paragraph after its number, marking and all
/// (`¶6. xxxxxxxxxxxx`).
fn redacted(ctx: &Context, p: &Paragraph) -> bool {
    let start = (p.marking_insert_at as usize).max(p.range.start());
    let text = ctx.text(TextRange::new(start, p.range.end()));
    (text.contains("xxxxxx") || text.contains("XXXXXX"))
        && text
            .bytes()
            .all(|b| matches!(b, b'x' | b'X') || !b.is_ascii_alphanumeric())
}
