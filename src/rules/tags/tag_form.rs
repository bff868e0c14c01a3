//! ## What it does
//! Notes a TAGS code written a second time on the TAGS line (`TAGS: PREL UNGA UNGA JA`), and a
//! known code written in lower case on a TAGS line whose label is in capitals
//! (`TAGS: PREL pgov JA`), and fixes both: it removes the repetition, and writes the code in
//! capitals.
//!
//! ## Why
//! A TAGS line lists each code once, in capitals (spec §3.12): the distribution processor reads
//! the codes literally, and a repeated code files the cable under nothing more. Neither fix can
//! change what the line says. A record of the release whose elements the release rebuilt or ran
//! together (a partial record's notice, TAGS joined onto another element) repeats blocks of tags
//! of its own (`VTPREL, UNCLASSIFIED PAGE 02 …` merges, spec §3.12): its repetitions are the
//! release's, not the drafter's, and are left alone. The few cables the release lower-cased
//! entirely write `Tags:` and lower-case codes (`Tags: prel, pgov`), which are left alone too.
//!
//! ## Example
//! ```cable
//! TAGS: PREL UNGA UNGA pgov JA
//! ```
//! Use instead:
//! ```cable
//! TAGS: PREL UNGA PGOV JA
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::TextRange;
use crate::syntax::{ArtifactKind, TagShape};

pub fn check(ctx: &Context) {
    let Some(tags) = &ctx.cable.body.tags else {
        return;
    };
    let tokens: Vec<_> = tags
        .tokens
        .iter()
        .filter(|t| !matches!(t.shape, TagShape::Redacted | TagShape::Markup))
        .collect();
    // The release's own repetitions: a partial record's rebuilt TAGS, or TAGS run together with
    // another element.
    let rebuilt = ctx.cable.artifacts.iter().any(|a| {
        a.kind == ArtifactKind::ReleaseNotice
            || (a.kind == ArtifactKind::JoinedLines
                && a.range.start() < tags.range.end()
                && tags.range.start() < a.range.end())
    });
    let label_in_capitals = !ctx.text(tags.label).bytes().any(|b| b.is_ascii_lowercase());
    for (i, t) in tokens.iter().enumerate() {
        let code = ctx.text(t.code);
        if !rebuilt && tokens[..i].iter().any(|p| ctx.text(p.code) == code) {
            // The token and the separator after it, or, for the last one, the separator before.
            let remove = match tokens.get(i + 1) {
                Some(next) => TextRange::new(t.range.start(), next.range.start()),
                None => TextRange::new(tokens[i - 1].range.end(), t.range.end()),
            };
            ctx.report(t.range, format!("TAGS lists `{code}` twice"))
                .fix = Some(Fix::safe(
                format!("Remove the second `{code}`"),
                vec![Edit::delete(remove)],
            ));
            continue;
        }
        if label_in_capitals
            && t.shape != TagShape::Personal
            && code.bytes().any(|b| b.is_ascii_lowercase())
        {
            let Some(known) = ctx.tables.tag(code) else {
                continue;
            };
            let upper = known.code.clone();
            ctx.report(
                t.code,
                format!("`{code}` is the tag `{upper}`; TAGS are written in capitals"),
            )
            .fix = Some(Fix::safe(
                format!("Write `{upper}`"),
                vec![Edit::replace(t.code, upper.clone())],
            ));
        }
    }
}
