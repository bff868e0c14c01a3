//! ## What it does
//! Notes a TAGS code written a second time on the TAGS line, in any case (`TAGS: PREL UNGA UNGA
//! JA`), and a known code written in lower case on a TAGS line whose label and other codes are in capitals
//! (`TAGS: PREL pgov JA`), and fixes both: it removes the repetition, and writes the code in
//! capitals. A TAGS line written wholly in lower case (`tags: prel pgov xx`) is noted once, and
//! its label and known codes are written in capitals.
//!
//! ## Why
//! A TAGS line lists each code once, in capitals (spec §3.12): the distribution processor reads
//! the codes literally, and a repeated code files the cable under nothing more. Neither fix can
//! change what the line says. A record of the release whose elements the release rebuilt or ran
//! together (a partial record's notice, TAGS joined onto another element) repeats blocks of tags
//! of its own (`VTPREL, UNCLASSIFIED PAGE 02 …` merges, spec §3.12): its repetitions are the
//! release's, not the drafter's, and are left alone. The few cables the release lower-cased
//! entirely (13 of the 3,913 real cables) write `Tags:` and every code in lower case
//! (`Tags: prel, pgov`), and are left alone whatever case their labels take (`fmt` writes them in
//! capitals): the release's sentence case stands in their banner (`C o n f i d e n t i a l
//! section 01 of 03 damascus 000389`) or their E.O. line (`E.o. 12958: decl: 04/06/2017`) too,
//! and a draft that writes those in capitals and only its TAGS in lower case has none of it.
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
    let plan = super::TagsPlan::new(ctx);
    for (code_range, remove) in &plan.repeated_tokens() {
        let code = ctx.text(*code_range);
        ctx.report(*code_range, format!("TAGS lists `{code}` twice"))
            .fix = Some(Fix::safe(
            format!("Remove the second `{code}`"),
            vec![Edit::delete(*remove)],
        ));
    }
    // A line the release lower-cased with the whole cable (`Tags: prel, pgov`, whose label `fmt`
    // may have written in capitals since) is the release's.
    let tokens = super::code_tokens(ctx);
    let lower = |t: &str| t.bytes().any(|b| b.is_ascii_lowercase());
    if tokens.is_empty() {
        return;
    }
    // A line with no code in capitals is in lower case as a whole: one finding, whose fix writes
    // the label and every known code in capitals.
    if tokens.iter().all(|t| lower(ctx.text(t.code))) {
        if ctx.sentence_case() {
            return;
        }
        let mut edits = Vec::new();
        let label = ctx.text(tags.label);
        if lower(label) {
            edits.push(Edit::replace(tags.label, label.to_ascii_uppercase()));
        }
        for t in &tokens {
            let known = (t.shape != TagShape::Personal)
                .then(|| ctx.tables.tag(ctx.text(t.code)))
                .flatten();
            if let Some(known) = known {
                if !plan.is_repeated(t.code) {
                    edits.push(Edit::replace(t.code, known.code.clone()));
                }
            }
        }
        let last = tokens.last().map_or(tags.label, |t| t.range);
        let range = tags.label.cover(last);
        let mut finding = ctx.report(
            range,
            format!(
                "the TAGS line `{}` is in lower case; TAGS are written in capitals",
                ctx.text(range)
            ),
        );
        if !edits.is_empty() {
            finding.fix = Some(Fix::safe("Write the TAGS line in capitals", edits));
        }
        return;
    }
    // Codes in lower case among codes in capitals are judged under a label in capitals.
    if lower(ctx.text(tags.label)) {
        return;
    }
    for t in tokens {
        let code = ctx.text(t.code);
        if t.shape == TagShape::Personal
            || !code.bytes().any(|b| b.is_ascii_lowercase())
            || plan.is_repeated(t.code)
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
