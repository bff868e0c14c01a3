//! ## What it does
//! Reports a portion marking that is not a level — `U`, `SBU`, `C`, `S`, `TS` — optionally followed
//! by controls (`/NF`, `//NF`, `/NOFORN`, `//FOUO`, `//FGI`, `/REL TO …`). A garbled level (`(SE)`,
//! `(NC)`, `(UN)`) is an error; an unknown control after a valid level is a warning.
//!
//! ## Why
//! The marking states the paragraph's classification; an unreadable one leaves it unclassified in
//! effect (5 FAH-1 H-246.2; spec §3.16, T-4).
//!
//! ## Example
//! ```cable
//! ¶3. (SE) The minister said …
//! ```
//! Use instead: `¶3. (S) The minister said …`.
use crate::rules::{Context, Severity};

pub fn check(ctx: &mut Context) {
    let mut markings: Vec<_> = ctx
        .cable
        .body
        .paragraphs
        .iter()
        .filter_map(|p| p.marking.as_ref())
        .filter(|m| !m.valid)
        .map(|m| (m.range, m.level))
        .collect();
    if let Some(m) = ctx
        .cable
        .body
        .subject
        .as_ref()
        .and_then(|s| s.marking.as_ref())
        .filter(|m| !m.valid)
    {
        markings.push((m.range, m.level));
    }
    for (range, level) in markings {
        let t = ctx.text(range);
        match level {
            None => {
                ctx.report(
                    range,
                    format!("`{t}` is not a portion marking: the level must be U, SBU, C, S or TS"),
                );
            }
            Some(_) => {
                ctx.report_softer(
                    range,
                    format!("`{t}` has a control other than NF, NOFORN, FOUO, FGI, MR or REL TO …"),
                    Severity::Warning,
                );
            }
        }
    }
}
