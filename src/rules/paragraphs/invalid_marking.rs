//! ## What it does
//! Reports a portion marking that is not a level — `U`, `SBU`, `C`, `S`, `TS` — optionally followed
//! by controls (`/NF`, `//NF`, `/NOFORN`, `//FOUO`, `//FGI`, `/REL TO …`). A garbled level (`(SE)`,
//! `(NC)`, `(UN)`) is an error; an unknown control after a valid level is a warning. A readable
//! marking spelt in mixed case or with a `-` separator (`(S/Rel UK)`, `(S-NF)`), or wholly in lower
//! case (`(c)`, `(c//nf)`) in a cable not written in sentence case, counts at its level and gets an
//! information finding with the canonical spelling (`(S/REL UK)`, `(C//NF)`); its safe fix re-cases
//! the marking, which keeps its level and controls. A marking
//! that lost its opening parenthesis after the paragraph number (`1. C) Summary`) counts at its
//! level and gets a warning whose safe fix adds the parenthesis (`1. (C) Summary`).
//!
//! ## Why
//! The marking states the paragraph's classification; an unreadable one leaves it unclassified in
//! effect (5 FAH-1 H-246.2; spec §3.16, T-4). The release wrote a few cables wholly in sentence
//! case, markings included (`(c)`); their banner (`C o n f i d e n t i a l`) or E.O. line (`E.o.
//! 12958: decl: …`) is in lower case too, and their markings are left alone. A draft whose banner
//! and E.O. line are in capitals has no such excuse for a marking in lower case.
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
        .collect();
    // Lower case counts as canonical only in a cable the release wrote in sentence case.
    let sentence_case = ctx.sentence_case();
    for m in all {
        let (range, level, valid) = (m.range, m.level, m.valid);
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
            (Some(_), true) => {
                // A readable marking in mixed case, with a `-` separator or in lower case outside
                // a sentence-case cable: its level counts, and only its spelling deserves a note.
                let Some(fixed) = ctx.cable.respelt_marking(m, sentence_case) else {
                    continue;
                };
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
        }
    }
}
