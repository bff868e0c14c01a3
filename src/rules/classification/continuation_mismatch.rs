//! ## What it does
//! Checks page/section continuation headers (`TOKYO 00002232 002 OF 002`) against the banner: the
//! total is the banner's `OF m`, the serial is the banner serial, the origin is the banner origin or
//! its first ten characters, and the page is not above the total.
//!
//! ## Why
//! Continuation headers are inserted at page breaks of multi-page cables; in 1,607 released cables
//! they agree with the banner except for garbles (spec §3.19, B-4). When every header gives the same
//! other count, the count is `garbled-continuation`'s and only the rest is checked here.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 002232
//! …
//! ¶2. (C) The director general said …
//! TOKYO 00002233 002 OF 002
//! ¶3. (C) …
//! ```
//! Use instead:
//! ```cable
//! ¶2. (C) The director general said …
//! TOKYO 00002232 002 OF 002
//! ¶3. (C) …
//! ```
use crate::rules::{Context, Related};

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    let banner_range = b.range;
    // A section count the release garbled throughout is `garbled-continuation`'s.
    let total = b
        .section
        .map(|(_, m)| m.value)
        .filter(|_| crate::rules::facts::continuation_count_garbled(ctx.cable).is_none());
    // A serial the release garbled (`garbled-serial`) cannot be compared.
    let serial = b
        .serial
        .map(|s| s.value)
        .filter(|_| ctx.facts.garbled_serial.is_none());
    // A redacted origin (`XXXXXXXXXXXX`, a release artifact) cannot be compared.
    let origin: Option<String> = b
        .origin
        .map(|o| ctx.text(o).to_string())
        .filter(|o| !o.bytes().all(|c| c == b'X' || c == b'x'));
    let conts = ctx.cable.body.continuations.clone();
    for c in conts {
        // A page header of a quoted cable (another origin and serial) is not this cable's.
        let other_origin = origin.as_ref().is_some_and(|o| {
            !o.contains(ctx.text(c.origin).trim())
                && !ctx
                    .text(c.origin)
                    .trim()
                    .starts_with(o.chars().take(3).collect::<String>().as_str())
        });
        if other_origin && serial.is_some_and(|s| s != c.serial.value) {
            continue;
        }
        let mut problems = Vec::new();
        if let Some(t) = total {
            if c.total.value != t {
                problems.push(format!(
                    "its total {:03} is not the banner's {:02}",
                    c.total.value, t
                ));
            }
        }
        if c.page.value > c.total.value {
            problems.push(format!(
                "page {:03} is beyond the total {:03}",
                c.page.value, c.total.value
            ));
        }
        if let Some(s) = serial {
            if c.serial.value != s {
                problems.push(format!(
                    "its serial {} is not the banner serial {:08}",
                    ctx.text(c.serial.range),
                    s
                ));
            }
        }
        if let Some(o) = &origin {
            let written = ctx.text(c.origin).trim().to_string();
            let prefix: String = o.chars().take(10).collect();
            let suffix = o.ends_with(&format!(" {written}"));
            if written != *o && written != prefix.trim_end() && !suffix {
                problems.push(format!(
                    "its origin `{written}` is not the banner origin `{o}`"
                ));
            }
        }
        if !problems.is_empty() {
            ctx.report(
                c.range,
                format!(
                    "continuation header disagrees with the banner: {}",
                    problems.join("; ")
                ),
            )
            .related
            .push(Related {
                range: banner_range,
                message: "banner".into(),
            });
        }
    }
}
