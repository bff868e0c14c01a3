//! ## What it does
//! Checks that the text starts with a classification banner: the classification (`UNCLAS`,
//! `UNCLAS E F T O`, `C O N F I D E N T I A L`, `S E C R E T`), an optional `SECTION n OF m`, the
//! origin station and the serial.
//!
//! ## Why
//! The banner is the first line of every well-formed cable (5 FAH-2 H-220; spec B-1); it carries the
//! overall classification that every paragraph marking, the security line and the E.O. line are
//! checked against.
//!
//! ## Example
//! A draft (a file without the transmission header) that starts with a caption:
//! ```cable whole
//! SIPDIS
//!
//! E.O. 12958: DECL: 05/17/2017
//! …
//! ```
//! Use instead: start the text with the banner.
//! ```cable whole
//! C O N F I D E N T I A L TOKYO 002232
//!
//! SIPDIS
//!
//! E.O. 12958: DECL: 05/17/2017
//! …
//! ```
use crate::rules::Context;
use crate::syntax::LineKind;

pub fn check(ctx: &Context) {
    // A record without a banner is reported by `incomplete-record`.
    // So is a transmitted cable whose banner the release dropped (the header keeps its class).
    if (ctx.facts.kind == crate::syntax::DocumentKind::Record && ctx.cable.body.banner.is_none())
        || crate::rules::facts::banner_dropped(ctx)
    {
        return;
    }
    let body_start = ctx.cable.lines.iter().find(|l| {
        !matches!(
            l.kind,
            LineKind::Blank | LineKind::Artifact | LineKind::HeaderNoise
        ) && !l.kind.is_header_line()
    });
    let Some(first) = body_start.copied() else {
        // An empty or whitespace-only file is no cable: it has no banner (spec B-1).
        if !ctx.cable.header.is_present() && ctx.cable.body.banner.is_none() {
            let end = ctx.cable.src.len();
            ctx.report(
                crate::syntax::TextRange::new(0, end),
                "the file is empty: a cable starts with its classification banner",
            );
        }
        return;
    };
    match &ctx.cable.body.banner {
        None => {
            let t = ctx.text(first.range);
            ctx.report(
                first.range,
                format!(
                    "the text does not start with a classification banner (found `{}`)",
                    truncate(t)
                ),
            );
        }
        Some(b) => {
            let (range, origin, serial) = (b.range, b.origin, b.serial);
            // A draft writes the banner on one line; in a copy that went through the system the
            // break is the release's (`garbled-banner` reports it).
            if ctx.facts.kind == crate::syntax::DocumentKind::Draft
                && crate::syntax::banner_split(ctx.cable, b)
            {
                ctx.report(
                    range,
                    "the banner is broken over two lines: its origin and serial belong on the line of the classification",
                );
                return;
            }
            // An origin the release ran the section count into is `garbled-banner`'s.
            let garbled = crate::syntax::origin_run_into_section(ctx.cable, b).is_some();
            if !garbled && (origin.is_none() || serial.is_none()) {
                let what = match (origin, serial) {
                    (None, None) => "an origin and a serial",
                    (None, _) => "an origin",
                    _ => "a serial",
                };
                ctx.report(
                    range,
                    format!("the banner lacks {what} after the classification"),
                );
            }
        }
    }
}

fn truncate(t: &str) -> String {
    let t = t.trim();
    match t.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t.to_string(),
    }
}
