//! ## What it does
//! Checks `SECTION n OF m` in the banner: two digits each, and 1 ≤ n ≤ m. One-digit numbers
//! (`SECTION 1 OF 2`) are the normal form of cables dated before 1980 and pass there.
//!
//! ## Why
//! Long cables are sent in sections, each with its own banner; no released banner breaks this except
//! through corruption (spec B-3). 1970s cables wrote the numbers with one digit (§3.8).
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L SECTION 03 OF 02 TOKYO 002232
//! ```
//! Use instead:
//! ```cable
//! C O N F I D E N T I A L SECTION 02 OF 02 TOKYO 002232
//! ```
use crate::rules::{Context, Edit, Fix};

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    let (Some((n, m)), Some(range)) = (b.section, b.section_range) else {
        return;
    };
    if n.value == 0 || m.value == 0 || n.value > m.value {
        ctx.report(
            range,
            format!(
                "SECTION {} OF {} is not a section between 1 and the total",
                n.value, m.value
            ),
        );
        return;
    }
    // One-digit `SECTION 1 OF 2` is the normal form of 1970s cables (spec §3.8).
    let seventies = ctx.facts.date.is_some_and(|d| d.year < 1980);
    if seventies && n.range.len() <= 2 && m.range.len() <= 2 {
        return;
    }
    if n.range.len() != 2 || m.range.len() != 2 {
        let canonical = format!("SECTION {:02} OF {:02}", n.value, m.value);
        let written = ctx.text(range).to_string();
        if n.value < 100 && m.value < 100 {
            ctx.report(
                range,
                format!("`{written}` should have two digits on each number"),
            )
            .fix = Some(Fix::safe(
                format!("Write `{canonical}`"),
                vec![Edit::replace(range, canonical)],
            ));
        }
    }
}
