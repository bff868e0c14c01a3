//! ## What it does
//! Reports a misspelt precedence word on an addressee line (`PRIORTY`, `PRIOITY`, `IMMEDATE`) and
//! offers the correct spelling.
//!
//! ## Why
//! The precedence words are a closed set — FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY — that the
//! distribution system reads literally (5 FAH-1 H-221); a misspelt word is read as part of the
//! address. Such typos are real drafting errors in the release (spec §6.3, 08BRASILIA93).
//!
//! ## Example
//! ```cable
//! TO RUEHC/SECSTATE WASHDC PRIORTY 3686
//! ```
//! Use instead:
//! ```cable
//! TO RUEHC/SECSTATE WASHDC PRIORITY 3686
//! ```
use crate::rules::{Context, Edit, Fix};

pub fn check(ctx: &Context) {
    let words: Vec<_> = ctx
        .cable
        .header
        .addressees
        .iter()
        .filter_map(|a| a.precedence)
        .filter(|p| !p.exact)
        .collect();
    for p in words {
        let Some(value) = p.value else { continue };
        let written = ctx.text(p.range);
        // Keep `NIACT ` when only the second word is misspelt.
        let word = value.word();
        ctx.report(
            p.range,
            format!("`{written}` is a misspelling of the precedence word {word}"),
        )
        .fix = Some(Fix::safe(
            format!("Replace with `{word}`"),
            vec![Edit::replace(p.range, word)],
        ));
    }
}
