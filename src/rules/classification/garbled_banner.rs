//! ## What it does
//! Warns when the banner's classification words are not in their canonical form: a doubled or
//! dropped letter (`SS E C R E T`, `E C R E T`, `UUNCLAS`), odd spacing (`CO N F I D E N T I A L`),
//! unspaced `CONFIDENTIAL`/`SECRET`, or lower case; a section number joined to its word
//! (`SECTION01 OF 03`, a release garble, spec §3.8); a section count run into the origin
//! (`SECTION 02 OF 03QRIPOLI 000583`, spec §6.1.6: its letters may be garbled too, so no fix); and, in a transmitted cable, received copy or
//! record, a banner the release broke after its classification words, with the origin and serial
//! on the next line (in a draft that is an `invalid-banner` error). The fix writes the canonical
//! form; a project with `spaced-banner = false` in the `[format]` table of `cablelint.toml` writes
//! `CONFIDENTIAL`, and then that form is accepted and the fix writes it, as `fmt` does.
//!
//! ## Why
//! Banners spell CONFIDENTIAL and SECRET with spaced letters (3,216 and 1,174 released banners);
//! about 40 released banners are garbled by the release (spec §6.1.6) and 10 are unspaced (§3.8).
//! The level is still clear, so this is a warning.
//!
//! ## Example
//! ```cable
//! CONFIDENTIAL TOKYO 002232
//! ```
//! Use instead:
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ```
use crate::rules::{Context, Edit, Fix};

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    if let Some(range) = b.section_range {
        let written = ctx.text(range);
        let word = &written[..written.find(' ').unwrap_or(written.len())];
        let joined = word.len() > 7
            && word.is_char_boundary(7)
            && word[..7].eq_ignore_ascii_case("SECTION")
            && word[7..].bytes().all(|b| b.is_ascii_digit());
        if joined {
            let spaced = format!("{} {}", &word[..7], &word[7..]);
            let at = crate::syntax::TextRange::new(range.start(), range.start() + word.len());
            ctx.report(
                at,
                format!("the banner's `{word}` is garbled; write `{spaced}`"),
            )
            .fix = Some(Fix::safe(
                format!("Write `{spaced}`"),
                vec![Edit::replace(at, spaced.clone())],
            ));
        }
    }
    // An origin the release ran the section count into (`03QRIPOLI`): unreadable, so no fix.
    if let Some(at) = crate::syntax::origin_run_into_section(ctx.cable, b) {
        let word = ctx.text(at);
        ctx.report(
            at,
            format!("garbled banner: the release ran the section count into the origin `{word}`; the DE and FM lines name the cable"),
        );
    }
    // A banner the release broke after its classification words (`C O N F I D E N T I A L` /
    // `SECTION 01 OF 02 BAKU 000687`); in a draft it is `invalid-banner`'s error.
    if crate::syntax::banner_split(ctx.cable, b)
        && ctx.facts.kind != crate::syntax::DocumentKind::Draft
    {
        ctx.report(
            b.range,
            "garbled banner: the release broke the banner over two lines; its origin and serial are read from the second",
        );
    }
    if b.canonical {
        return;
    }
    let (tok, level, garbled) = (b.level_token, b.level, b.garbled);
    let written = ctx.text(tok);
    // With `spaced-banner = false` the project writes `CONFIDENTIAL`, as `fmt` does: accepted.
    let canonical = level.written(ctx.settings.spaced_banner);
    if !garbled && written == canonical {
        return;
    }
    let what = if garbled {
        "garbled"
    } else {
        "not in the canonical form"
    };
    // The fix keeps the level, so it is safe; a stray character before the words is removed too.
    let start = b.range.start;
    let range = crate::syntax::TextRange {
        start,
        end: tok.end,
    };
    ctx.report(
        tok,
        format!("the banner's classification `{written}` is {what}; write `{canonical}`"),
    )
    .fix = Some(Fix::safe(
        format!("Write `{canonical}`"),
        vec![Edit::replace(range, canonical)],
    ));
}
