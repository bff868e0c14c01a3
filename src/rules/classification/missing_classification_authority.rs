//! ## What it does
//! Warns when a CONFIDENTIAL or SECRET cable has no classification authority block (`Classified By:
//! <name, title>. Reasons 1.4 (b) and (d)` or `DERIVED FROM: …`).
//!
//! ## Why
//! "If your telegram is classified you must include an unnumbered paragraph preceding the first
//! paragraph of text [with] the name and position of the officer classifying the telegram [and] the
//! reason" (5 FAH-1 H-240). 4,274 of 4,406 released classified cables have one (spec B-20: a
//! warning, as older forms such as `1. CONFIDENTIAL - ENTIRE TEXT` exist). A release record that
//! lacks its E.O. line, TAGS or SUBJECT is `incomplete-record`'s: the lines around them are lost too.
//!
//! ## Example
//! ```cable
//! SUBJECT: JAPAN-ROK TALKS
//!
//! ¶1. (C) …
//! ```
//! Use instead:
//! ```cable
//! SUBJECT: JAPAN-ROK TALKS
//!
//! Classified By: Ambassador J. Doe. Reasons 1.4 (b) and (d)
//!
//! ¶1. (C) …
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::vocab::{orders, placeholder};

pub fn check(ctx: &Context) {
    if crate::rules::label_typo::report(ctx, crate::syntax::Element::ClassifiedBy, "Classified By:")
    {
        return;
    }
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    if !b.level.is_classified() || ctx.cable.body.classified_by.is_some() {
        return;
    }
    // A record that lost its E.O. line, TAGS or SUBJECT lost the lines around them too:
    // `incomplete-record` speaks for it.
    if crate::rules::facts::record_incomplete(ctx) {
        return;
    }
    // The authority stands in the first section; a record without it (`* Missing Section 001 *`)
    // lost it with that section.
    if ctx.cable.missing_sections().any(|(_, n)| n == 1) {
        return;
    }
    // Legacy forms in the first paragraph: `1. CONFIDENTIAL - ENTIRE TEXT.`, `(C - ENTIRE TEXT)`, or
    // a `CLASSIFIED BY` sentence inside paragraph 1.
    if let Some(p) = ctx.cable.body.paragraphs.first() {
        let t = ctx.text(p.first_line).to_ascii_uppercase();
        if p.marking.as_ref().is_some_and(|m| m.entire_text)
            || t.contains("ENTIRE TEXT")
            || t.contains("CLASSIFIED BY")
        {
            return;
        }
    }
    let anchor = ctx
        .cable
        .body
        .subject
        .as_ref()
        .map(|s| s.label)
        .or_else(|| ctx.cable.body.paragraphs.first().map(|p| p.number.range))
        .unwrap_or(b.level_token);
    let mut d = ctx.report(
        anchor,
        "a classified cable has no `Classified By` line (name, title and reason 1.4 letters)",
    );
    // The line `cablelint new` writes, with placeholders for the classifier to fill, before
    // paragraph 1 (spec §3.15): unsafe, since only the classifier can write it.
    // A release record is left as written.
    if ctx.cable.artifacts.is_empty() && ctx.facts.kind != crate::syntax::DocumentKind::Record {
        if let (Some(p), Some(date)) = (ctx.cable.body.paragraphs.first(), ctx.facts.date) {
            let (section, _) = orders::reasons_on(date);
            let line_start = ctx.cable.src[..p.range.start()]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line = format!(
                "Classified By: {} for reasons {section} {}\n\n",
                placeholder("NAME, TITLE"),
                placeholder("(b) and (d)")
            );
            // Only where the inserted line is read as the authority (not in a text whose lines the
            // parse places otherwise, such as a record pasted into a CSV field).
            let mut fixed = ctx.cable.src.to_string();
            fixed.insert_str(line_start, &line);
            if crate::syntax::parse(&fixed).body.classified_by.is_some() {
                d.fix = Some(Fix::unsafe_(
                    "Insert a `Classified By:` line to fill in",
                    vec![Edit::insert(line_start, line)],
                ));
            }
        }
    }
}
