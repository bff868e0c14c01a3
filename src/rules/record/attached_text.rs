//! ## What it does
//! Warns when another cable's text is attached to this one or spliced into it: a second full banner
//! with another origin or serial inside the text.
//!
//! ## Why
//! Records in the release sometimes carry another cable's text after their own, or the sections of
//! different cables concatenated (spec §6.1.7, §6.1.8). The rules read this cable's text; the
//! attached text is reported once here, not through the findings its banner would cause.
//!
//! ## Example
//! ```cable
//! ¶3. (C) Comment: Both sides want a quiet start. End Comment.
//!
//! SCHIEFFER
//!
//! C O N F I D E N T I A L MOSCOW 005154
//!
//! SIPDIS
//! …
//! ```
//! Use instead: one cable per file.
use crate::rules::Context;
use crate::syntax::ArtifactKind;

pub fn check(ctx: &Context) {
    let ranges: Vec<_> = ctx
        .cable
        .artifacts_of(ArtifactKind::AttachedText)
        .map(|a| a.range)
        .collect();
    let Some(&first) = ranges.first() else {
        return;
    };
    let t = ctx
        .text(first)
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    ctx.report(
        first,
        format!("attached text of another cable: `{t}` starts a text that is not this cable's"),
    );
}
