//! ## What it does
//! Warns when paragraph numbers are not consecutive from 1. A numbered paragraph with a portion
//! marking that the release joined onto the line before (`… the talks. 4. (C) The delegation`,
//! `HAITI 5. (SBU) Affirming`) counts; a section number (`1.4 (b)`) or a date does not.
//!
//! ## Why
//! "Number each paragraph consecutively" (5 FAH-1 H-246.2); 5,559 of 6,353 released cables number
//! strictly 1..n (spec T-1: a warning, as quoted cables and numbered lists restart legitimately). A
//! gap usually means a paragraph was deleted or moved while editing.
//!
//! ## Example
//! ```cable
//! ¶1. (C) …
//! ¶2. (C) …
//! ¶4. (C) …
//! ```
//! Use instead:
//! ```cable
//! ¶1. (C) …
//! ¶2. (C) …
//! ¶3. (C) …
//! ```
use super::layout;
use crate::rules::{Context, Edit, Fix};
use crate::syntax::{LineKind, Num, TextRange};

pub fn check(ctx: &Context) {
    // A record that lost sections (`* Missing Section 002 *`) lost their paragraphs: its numbering
    // cannot be judged, and `incomplete-record` reports the loss.
    if ctx.cable.missing_sections().next().is_some() {
        return;
    }
    let paras = numbers(ctx);
    let Some(first) = paras.first() else {
        return;
    };
    if first.value != 1 {
        ctx.report(
            first.range,
            format!("paragraph numbering starts at {} instead of 1", first.value),
        );
        return;
    }
    for w in paras.windows(2) {
        let (prev, cur) = (w[0], w[1]);
        // A restart at 1 is a quoted cable or a numbered list: not this rule's business.
        if cur.value == prev.value + 1 || cur.value == 1 {
            continue;
        }
        let want = prev.value + 1;
        // The fix renumbers every paragraph from here on at once (each follows the one before,
        // a restart at 1 stays a restart), so that one application reaches the fixed point.
        let mut edits = Vec::new();
        let mut last = prev.value;
        for p in paras.iter().skip_while(|p| p.range != cur.range) {
            let new = if p.value == 1 { 1 } else { last + 1 };
            if new != p.value {
                edits.push(Edit::replace(p.range, new.to_string()));
            }
            last = new;
        }
        let message = match edits.len() {
            1 => format!("Renumber as {want}"),
            n => format!(
                "Renumber as {want}, and the {} paragraphs after it in sequence",
                n - 1
            ),
        };
        let mut d = ctx.report(
            cur.range,
            format!(
                "paragraph {} follows paragraph {}; expected {want}",
                cur.value, prev.value
            ),
        );
        d.fix = Some(Fix::unsafe_(message, edits));
        break;
    }
}

/// The paragraph numbers in document order: the parser's paragraphs and the numbered, marked
/// paragraphs the release joined onto a line of text (`… the members. 4. (U) Papers said`), which
/// the parser reads as part of the paragraph before.
fn numbers(ctx: &Context) -> Vec<Num> {
    let mut out: Vec<Num> = ctx.cable.body.paragraphs.iter().map(|p| p.number).collect();
    for line in &ctx.cable.lines {
        if !matches!(line.kind, LineKind::Paragraph | LineKind::Text) {
            continue;
        }
        let t = ctx.text(line.range);
        for j in layout::joined_paragraph_starts(t) {
            let digits = t[j.at..].trim_start_matches('¶');
            let start = line.range.start() + t.len() - digits.len();
            let len = digits.bytes().take_while(u8::is_ascii_digit).count();
            out.push(Num {
                range: TextRange::new(start, start + len),
                value: j.number,
            });
        }
    }
    out.sort_by_key(|n| n.range.start());
    out
}
