//! ## What it does
//! Notes a TAGS code written a second time on the TAGS line, in any case (`TAGS: PREL UNGA UNGA
//! JA`), and a
//! known code written in lower case on a TAGS line whose label and other codes are in capitals
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
//! entirely write `Tags:` and every code in lower case (`Tags: prel, pgov`), and are left alone
//! too, whatever case the label takes.
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
use crate::syntax::TagShape;

pub fn check(ctx: &Context) {
    let Some(tags) = &ctx.cable.body.tags else {
        return;
    };
    let repeated = super::repeated_tokens(ctx);
    for (code_range, remove) in &repeated {
        let code = ctx.text(*code_range);
        ctx.report(*code_range, format!("TAGS lists `{code}` twice"))
            .fix = Some(Fix::safe(
            format!("Remove the second `{code}`"),
            vec![Edit::delete(*remove)],
        ));
    }
    // A line the release lower-cased with the whole cable (`Tags: prel, pgov`, whose label `fmt`
    // may have written in capitals since) has no code in capitals: only a line that has some is
    // judged, together with a label in capitals.
    let tokens = super::code_tokens(ctx);
    let lower = |t: &str| t.bytes().any(|b| b.is_ascii_lowercase());
    if lower(ctx.text(tags.label)) || tokens.iter().all(|t| lower(ctx.text(t.code))) {
        return;
    }
    for t in tokens {
        let code = ctx.text(t.code);
        if t.shape == TagShape::Personal
            || !code.bytes().any(|b| b.is_ascii_lowercase())
            || repeated.iter().any(|(r, _)| *r == t.code)
        {
            continue;
        }
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
