//! ## What it does
//! Notes E.O., TAGS and SUBJECT labels not in their canonical form (off by default): `EO 12958`
//! for `E.O. 12958:`, `TAGS` without a colon or with another spelling, `SUBJ:` for `SUBJECT:`.
//!
//! ## Why
//! The canonical forms are `E.O. 12958:`, `TAGS:` and `SUBJECT:`; the variants are typical of
//! reformatted records (588 and 602 released cables; spec §6.2.3) and are accepted, so this is a
//! style option.
//!
//! ## Example
//! ```cable
//! TAGS PREL, PGOV, JA
//! ```
//! Use instead:
//! ```cable
//! TAGS: PREL PGOV JA
//! ```
use crate::rules::{Context, Edit, Fix};

pub fn check(ctx: &Context) {
    if let Some(t) = &ctx.cable.body.tags {
        if !t.canonical_label {
            let l = t.label;
            let w = ctx.text(l);
            ctx.report(l, format!("write the label `TAGS:` rather than `{w}`"))
                .fix = Some(Fix::safe("Write `TAGS:`", vec![Edit::replace(l, "TAGS:")]));
        }
    }
    if let Some(s) = &ctx.cable.body.subject {
        let l = s.label;
        let w = ctx.text(l);
        if w != "SUBJECT:" {
            ctx.report(l, format!("write the label `SUBJECT:` rather than `{w}`"))
                .fix = Some(Fix::safe(
                "Write `SUBJECT:`",
                vec![Edit::replace(l, "SUBJECT:")],
            ));
        }
    }
    if let Some(e) = &ctx.cable.body.eo {
        let l = e.label;
        let w = ctx.text(l);
        if w != "E.O." {
            ctx.report(l, format!("write the label `E.O.` rather than `{w}`"))
                .fix = Some(Fix::safe("Write `E.O.`", vec![Edit::replace(l, "E.O.")]));
        }
    }
}
