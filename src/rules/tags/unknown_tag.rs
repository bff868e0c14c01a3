//! ## What it does
//! Notes a TAGS token that is not a known subject, program, geographic or organization tag, or a
//! personal tag (`OVIP (CLINTON, HILLARY)`), with a "did you mean" suggestion for near misses
//! (`KWWMN` → `KWMN`). The typos the tables know (`POGOV` for `PGOV`) are `misused-tag`'s.
//!
//! ## Why
//! Unknown tokens are not distributed on; released cables carry typos (`POGOV`, `MOPPS`, `KWWMN`) and
//! legacy free text (`HUMAN RIGHTS`), so this is information rather than an error (spec B-17).
//! `SIPDIS` and redaction runs inside TAGS are release artifacts and are accepted, and so are the
//! free-text legacy tags the spec lists (`HUMAN RIGHTS`, `IRAQI FREEDOM`, `MEDIA REACTION REPORT`…).
//!
//! ## Example
//! ```cable
//! TAGS: KWWMN PREL JA
//! ```
//! Use instead:
//! ```cable
//! TAGS: KWMN PREL JA
//! ```
use crate::rules::Context;
use crate::syntax::TagShape;

/// Free-text legacy tags of the release, written as words with spaces (spec §3.12, B-17: accepted,
/// not reported word by word).
const LEGACY_PHRASES: &[&str] = &[
    "HUMAN RIGHTS",
    "GOI EXTERNAL",
    "IRAQI FREEDOM",
    "COUNTRY CLEARANCE",
    "MEDIA REACTION REPORT",
    "TIP IN TURKEY",
    "ECONOMY AND FINANCE",
];

pub fn check(ctx: &Context) {
    let Some(tags) = &ctx.cable.body.tags else {
        return;
    };
    let all: Vec<_> = tags
        .tokens
        .iter()
        .filter(|t| !matches!(t.shape, TagShape::Personal | TagShape::Redacted))
        .map(|t| t.code)
        .collect();
    // The words of a legacy phrase (in any case, separated by spaces only) are one accepted tag.
    let mut legacy = vec![false; all.len()];
    for i in 0..all.len() {
        let first = ctx.text(all[i]);
        for phrase in LEGACY_PHRASES {
            // The words without collecting them: this runs for every token and phrase. Nearly
            // every token starts no phrase, which its first word tells.
            let words = phrase.split(' ');
            if !words
                .clone()
                .next()
                .is_some_and(|w| first.eq_ignore_ascii_case(w))
            {
                continue;
            }
            let Some(run) = all.get(i..i + words.clone().count()) else {
                continue;
            };
            // The words are compared first: they differ for nearly every token, and then the
            // gaps between the tokens are not read.
            let same = run
                .iter()
                .zip(words)
                .all(|(r, w)| ctx.text(*r).eq_ignore_ascii_case(w));
            let spaced = || {
                run.windows(2).all(|p| {
                    ctx.cable.src.as_bytes()[p[0].end()..p[1].start()]
                        .iter()
                        .all(|&b| b == b' ' || b == b'\t')
                })
            };
            if same && spaced() {
                legacy[i..i + run.len()].iter_mut().for_each(|l| *l = true);
            }
        }
    }
    let tokens: Vec<_> = all
        .iter()
        .zip(&legacy)
        .filter(|(_, &l)| !l)
        .map(|(t, _)| *t)
        .collect();
    // A token written before is `tag-form`'s to remove: it gets no fix here.
    let plan = super::TagsPlan::new(ctx);
    for code_range in tokens {
        let code = ctx.text(code_range);
        if code == "SIPDIS" || ctx.tables.tag(code).is_some() || ctx.tables.has_tag_fix(code) {
            continue;
        }
        match ctx.tables.suggest_tag(code) {
            Some(s) => {
                let (s_code, s_title) = (s.code.clone(), s.title.clone());
                let mut d = ctx.report(
                    code_range,
                    format!("`{code}` is not a known tag; did you mean `{s_code}` ({s_title})?"),
                );
                if plan.is_repeated(code_range) {
                    continue;
                }
                // When the suggested code is listed already, the fix removes the token instead.
                d.fix = Some(plan.replacement_fix(code_range, code, &s_code));
            }
            None => {
                ctx.report(code_range, format!("`{code}` is not a known tag"));
            }
        }
    }
}
