//! ## What it does
//! Warns when the classification reason cites the section of the E.O. that did not hold the
//! categories on the cable's date — `1.5` in cables from 2004 on, `1.4` before E.O. 13292 (25 March
//! 2003) — or when the authority block gives no reason at all (unless a record's preview cut it
//! off with `...`).
//!
//! For a draft without a date-time group, the cable's date is the drafting date (`--date`, `date` in
//! `cablelint.toml`, else today).
//!
//! ## Why
//! E.O. 12958 listed the classification categories in §1.5; E.O. 13292 (2003) moved them to §1.4.
//! Released cables cite only `1.5` until 2003 and overwhelmingly `1.4` from 2005 (4,103 against 120
//! stale `1.5`; spec B-21: a warning).
//!
//! ## Example
//! ```cable
//! O 170814Z MAY 07
//! …
//! Classified By: Ambassador J. Doe. Reasons 1.5 (b) and (d)
//! ```
//! Use instead:
//! ```cable
//! Classified By: Ambassador J. Doe. Reasons 1.4 (b) and (d)
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::vocab::orders::AMENDING_ORDER_13292;

pub fn check(ctx: &Context) {
    let Some(cb) = &ctx.cable.body.classified_by else {
        return;
    };
    if cb.derived {
        return;
    }
    let Some(section) = cb.section else {
        // A record's preview cut the block off (`Classified By: Ambassador J. Do...`): its reason
        // was in the part the release left out, and `truncated-preview` reports the cut.
        let cut = ctx.text(cb.range).trim_end().ends_with("...");
        if cb.letters.is_empty() && !cut {
            let label = cb.label;
            ctx.report(
                label,
                "the classification authority gives no reason (`Reasons 1.4 (b) and (d)`)",
            );
        }
        return;
    };
    let Some(date) = ctx.facts.date else {
        return;
    };
    let written: String = ctx
        .text(section)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\\')
        .collect();
    if written == "1.5" && date.year >= 2004 {
        ctx.report(section, format!("a {} of {date} cites section 1.5 for its reasons; E.O. 13292 moved them to 1.4 in 2003", ctx.facts.text_name()))
            .fix = Some(Fix::safe("Write `1.4`", vec![Edit::replace(section, "1.4")]));
    } else if written == "1.4" && date < AMENDING_ORDER_13292 {
        ctx.report(section, format!("a {} of {date} cites section 1.4 for its reasons; before E.O. 13292 of 25 March 2003 they were in 1.5", ctx.facts.text_name()))
            .fix = Some(Fix::safe("Write `1.5`", vec![Edit::replace(section, "1.5")]));
    }
}
