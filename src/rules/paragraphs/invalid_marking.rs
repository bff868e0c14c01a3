//! ## What it does
//! Reports a portion marking that is not a level — `U`, `SBU`, `C`, `S`, `TS` — optionally followed
//! by controls (`/NF`, `//NF`, `/NOFORN`, `//FOUO`, `//FGI`, `/REL TO …`). A garbled level (`(SE)`,
//! `(NC)`, `(UN)`) is an error; an unknown control after a valid level is a warning. A readable
//! marking spelt in mixed case or with a `-` separator (`(S/Rel UK)`, `(S-NF)`) counts at its
//! level and gets an information finding with the canonical spelling (`(S/REL UK)`). A marking
//! that lost its opening parenthesis after the paragraph number (`1. C) Summary`) counts at its
//! level and gets a warning whose safe fix adds the parenthesis (`1. (C) Summary`).
//!
//! ## Why
//! The marking states the paragraph's classification; an unreadable one leaves it unclassified in
//! effect (5 FAH-1 H-246.2; spec §3.16, T-4).
//!
//! ## Example
//! ```cable
//! ¶3. (SE) The minister said …
//! ```
//! Use instead:
//! ```cable
//! ¶3. (S) The minister said …
//! ```
use crate::rules::{Context, Edit, Fix, Severity};
use crate::syntax::canonical_marking;

pub fn check(ctx: &Context) {
    let subject = ctx
        .cable
        .body
        .subject
        .as_ref()
        .and_then(|s| s.marking.as_ref());
    let all: Vec<_> = ctx
        .cable
        .body
        .paragraphs
        .iter()
        .filter_map(|p| p.marking.as_ref())
        .chain(subject)
        .filter(|m| !m.entire_text)
        .map(|m| (m.range, m.level, m.valid, m.canonical))
        .collect();
    for (range, level, valid, canonical) in all {
        let t = ctx.text(range);
        if !t.starts_with('(') {
            // A marking that lost its opening parenthesis (`1. C) Summary`): the parser reads
            // only a valid one so, and the fix adds the parenthesis to the same marking.
            let fixed = format!("({t}");
            let mut d = ctx.report_softer(
                range,
                format!("`{t}` lacks its opening parenthesis: write `{fixed}`"),
                Severity::Warning,
            );
            d.fix = Some(Fix::safe(
                format!("Write `{fixed}`"),
                vec![Edit::insert(range.start(), "(")],
            ));
            continue;
        }
        match (level, valid) {
            (None, _) => {
                ctx.report(
                    range,
                    format!("`{t}` is not a portion marking: the level must be U, SBU, C, S or TS"),
                );
            }
            (Some(_), false) => {
                ctx.report_softer(
                    range,
                    format!("`{t}` has a control other than NF, NOFORN, FOUO, FGI, MR or REL TO …"),
                    Severity::Warning,
                );
            }
            (Some(_), true) if !canonical => {
                // A readable marking in mixed case or with a `-` separator: its level counts, and
                // only its spelling deserves a note.
                let inner = &t[1..t.len() - 1];
                let fixed = format!("({})", canonical_marking(inner));
                let mut d = ctx.report_softer(
                    range,
                    format!("`{t}` is a portion marking spelt `{fixed}` in canonical form"),
                    Severity::Info,
                );
                d.fix = Some(Fix::safe(
                    format!("Write `{fixed}`"),
                    vec![Edit::replace(range, fixed)],
                ));
            }
            _ => {}
        }
    }
}
