//! ## What it does
//! Reports a cable without a TAGS line, or with a `TAGS:` line that has no code. A line of known
//! tag codes without its label in the TAGS line's place (after the E.O. line or before SUBJECT) is
//! reported as a missing label, with a fix that adds `TAGS: `.
//!
//! ## Why
//! TAGS (Traffic Analysis by Geography and Subject) drive automated distribution and filing (5 FAH-2
//! H-250, 5 FAH-3 H-010); "every cable must have at least one subject tag". 6,505 of 6,712 released
//! cables have the line, the rest being partial records (spec B-14).
//!
//! ## Example
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! SUBJECT: JAPAN-ROK TALKS
//! ```
//! Use instead (an empty `TAGS:` is reported the same way):
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! TAGS: PREL PGOV KS JA
//! SUBJECT: JAPAN-ROK TALKS
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::LineKind;

pub fn check(ctx: &Context) {
    // In a release record the absence is the release's: `incomplete-record` reports it.
    if ctx.facts.kind == crate::syntax::DocumentKind::Record {
        return;
    }
    if let Some(tags) = &ctx.cable.body.tags {
        // An empty `TAGS:` line has none of the codes distribution needs: as bad as no line.
        if tags.tokens.is_empty() {
            ctx.report(
                tags.range,
                "the TAGS line has no code (`TAGS: <subject tag> … <country tag>`)",
            );
        }
        return;
    }
    let anchor = ctx
        .cable
        .body
        .eo
        .as_ref()
        .map(|e| e.range)
        .or_else(|| ctx.cable.body.subject.as_ref().map(|s| s.label))
        .or_else(|| ctx.cable.body.banner.as_ref().map(|b| b.range));
    if let Some(line) = unlabelled_tags(ctx) {
        ctx.report(
            line,
            "the TAGS line has no `TAGS:` label (`TAGS: <subject tag> … <country tag>`)",
        )
        .fix = Some(Fix::safe(
            "Add the `TAGS: ` label",
            vec![Edit::insert(line.start(), "TAGS: ".to_string())],
        ));
        return;
    }
    if let Some(r) = anchor {
        ctx.report(
            r,
            "the cable has no TAGS line (`TAGS: <subject tag> … <country tag>`)",
        );
    }
}

/// A line of tag codes without its label in the TAGS line's place: right after the E.O. line or
/// right before SUBJECT, holding at least two words, every one a known tag in capitals (`EFIN,
/// ECON, PGOV, CH`).
fn unlabelled_tags(ctx: &Context) -> Option<crate::syntax::TextRange> {
    let body = &ctx.cable.body;
    let lines = &ctx.cable.lines;
    let line_at = |offset: usize| lines.partition_point(|l| l.range.end() < offset);
    let mut candidates = Vec::new();
    if let Some(eo) = &body.eo {
        candidates.push(line_at(eo.range.end()) + 1);
    }
    if let Some(subject) = &body.subject {
        candidates.push(line_at(subject.range.start()).checked_sub(1)?);
    }
    candidates.into_iter().find_map(|i| {
        let line = lines.get(i)?;
        if matches!(
            line.kind,
            LineKind::Blank | LineKind::Subject | LineKind::Eo
        ) {
            return None;
        }
        let t = ctx.text(line.range);
        let words: Vec<&str> = t
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let known = words.len() >= 2
            && words.iter().all(|w| {
                w.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    && ctx.tables.tag(w).is_some()
            });
        let lead = t.len() - t.trim_start().len();
        known.then(|| {
            crate::syntax::TextRange::new(
                line.range.start() + lead,
                line.range.start() + t.trim_end().len(),
            )
        })
    })
}
