//! ## What it does
//! Notes a TAGS token that is not a known subject, program, geographic or organization tag, or a
//! personal tag (`OVIP (CLINTON, HILLARY)`), with a "did you mean" suggestion for near misses
//! (`KWWMN` → `KWMN`). The typos the tables know (`POGOV` for `PGOV`) are `misused-tag`'s.
//!
//! ## Why
//! Unknown tokens are not distributed on; released cables carry typos (`POGOV`, `MOPPS`, `KWWMN`) and
//! legacy free text (`HUMAN RIGHTS`), so this is information rather than an error (spec B-17).
//! `SIPDIS` and redaction runs inside TAGS are release artifacts and are accepted.
//!
//! ## Example
//! ```cable
//! TAGS: KWWMN PREL JA
//! ```
//! Use instead:
//! ```cable
//! TAGS: KWMN PREL JA
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::TagShape;

pub fn check(ctx: &Context) {
    let Some(tags) = &ctx.cable.body.tags else {
        return;
    };
    let tokens: Vec<_> = tags
        .tokens
        .iter()
        .filter(|t| !matches!(t.shape, TagShape::Personal | TagShape::Redacted))
        .map(|t| t.code)
        .collect();
    for code_range in tokens {
        let code = ctx.text(code_range);
        if code == "SIPDIS" || ctx.tables.tag(code).is_some() || ctx.tables.tag_fix(code).is_some()
        {
            continue;
        }
        match ctx.tables.suggest_tag(code) {
            Some(s) => {
                let (s_code, s_title) = (s.code.clone(), s.title.clone());
                ctx.report(
                    code_range,
                    format!("`{code}` is not a known tag; did you mean `{s_code}` ({s_title})?"),
                )
                .fix = Some(Fix::unsafe_(
                    format!("Replace with `{s_code}`"),
                    vec![Edit::replace(code_range, s_code.clone())],
                ));
            }
            None => {
                ctx.report(code_range, format!("`{code}` is not a known tag"));
            }
        }
    }
}
