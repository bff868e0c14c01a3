//! ## What it does
//! Warns when a release record lacks an element every cable has — the banner, the E.O. line, TAGS or
//! SUBJECT — and names what is missing. It speaks only for records (text with the release's marks:
//! a partial-record notice, dump lines, a truncated preview, joined lines; long lines alone only in a
//! cable sent more than a year before the drafting date, since a draft's editor may soft-wrap
//! paragraphs) and for a transmitted
//! cable whose banner the release dropped (a full header with a classification on its security
//! line, dated more than a year before the drafting date, and the text starting at a caption or
//! the E.O. line); in a draft (a header dated later is a draft still being written) or a
//! transmitted cable
//! the other absences are errors of `invalid-banner`, `missing-eo-line`, `missing-tags` or
//! `missing-subject`. It also reports, at the mark, the sections the release marks as missing
//! (`* Missing Section 002 *` boxed in asterisks); `missing-signature`, `paragraph-numbering` and
//! (for section 001) `missing-classification-authority` leave such a record alone.
//!
//! ## Why
//! The release removed lines from many records (a SUBJECT line, the banner of a partial extract:
//! spec §2, B-6, B-14, B-18 count the misses as partial or corrupt records). The drafter is not at
//! fault, so the finding is a warning that the record is incomplete. Four real records mark
//! missing sections (`../shared/corpus` and `../shared/corpus-release`).
//!
//! ## Example
//! ```cable
//! This record is a partial extract of the original cable. The full text of the original cable is not available.
//!
//! SIPDIS
//!
//! E.O. 12958: DECL: 12/22/2014
//! TAGS: PREL SP
//! ```
//! Use instead: the full cable, when it is available.
use crate::rules::Context;
use crate::syntax::{DocumentKind, LineKind};

pub fn check(ctx: &Context) {
    let missing_sections: Vec<_> = ctx.cable.missing_sections().collect();
    if let Some(&(first, _)) = missing_sections.first() {
        let mut numbers: Vec<String> = missing_sections
            .iter()
            .map(|(_, n)| format!("{n:03}"))
            .collect();
        let last = numbers.pop().unwrap_or_default();
        let numbers = if numbers.is_empty() {
            vec![last]
        } else {
            vec![numbers.join(", "), last]
        };
        ctx.report(
            first,
            format!(
                "incomplete record: the release does not hold section{} {} of the cable",
                if numbers.len() == 1 { "" } else { "s" },
                numbers.join(" and ")
            ),
        );
    }
    if ctx.facts.kind != DocumentKind::Record && !crate::rules::facts::banner_dropped(ctx) {
        return;
    }
    let body = &ctx.cable.body;
    let mut missing = Vec::new();
    if body.banner.is_none() {
        missing.push("the banner");
    }
    if body.eo.is_none() {
        missing.push("the E.O. line");
    }
    if body.tags.is_none() {
        missing.push("TAGS");
    }
    match &body.subject {
        None => missing.push("SUBJECT"),
        Some(s) if s.text.is_none() => missing.push("the SUBJECT text"),
        Some(_) => {}
    }
    if missing.is_empty() {
        return;
    }
    let anchor = body.banner.as_ref().map(|b| b.range).or_else(|| {
        ctx.cable
            .lines
            .iter()
            .find(|l| {
                !matches!(
                    l.kind,
                    LineKind::Blank | LineKind::Artifact | LineKind::HeaderNoise
                ) && !l.kind.is_header_line()
            })
            .map(|l| l.range)
    });
    let Some(anchor) = anchor else {
        return;
    };
    ctx.report(
        anchor,
        format!(
            "incomplete record: the release left out {}",
            missing.join(", ")
        ),
    );
}
