//! ## What it does
//! Reports a classification reason that cites a section other than 1.4 or 1.5 (`1.2`, `1/4`) or a
//! letter outside (a)–(h) — (a)–(g) before E.O. 13292 added (h), weapons of mass destruction, in
//! 2003.
//!
//! ## Why
//! The categories are a closed list: (a) military plans, (b) foreign government information, (c)
//! intelligence, (d) foreign relations, (e) scientific, technological or economic matters, (f)
//! nuclear safeguards, (g) vulnerabilities of systems, (h) weapons of mass destruction (E.O. 12958 as
//! amended §1.4). Released violations are all typos (spec B-22, §6.3).
//!
//! ## Example
//! ```cable
//! Classified By: Ambassador J. Doe. Reasons 1.2 (b) and (k)
//! ```
//! Use instead:
//! ```cable
//! Classified By: Ambassador J. Doe. Reasons 1.4 (b) and (d)
//! ```
use crate::rules::Context;
use crate::vocab::orders;

pub fn check(ctx: &Context) {
    let Some(cb) = &ctx.cable.body.classified_by else {
        return;
    };
    if cb.derived {
        return;
    }
    // Category (h) came with E.O. 13292; an undated cable may use it.
    let last = ctx.facts.date.map_or('h', |d| {
        orders::reasons_on(d).1.last().map_or('h', |r| r.letter)
    });
    let section = cb.section;
    let letters = cb.letters.clone();
    if let Some(s) = section {
        let t: String = ctx
            .text(s)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\\')
            .collect();
        if t != "1.4" && t != "1.5" {
            ctx.report(s, format!("`{t}` is not a section of the classification categories; cite 1.4 (or 1.5 before 2004)"));
        }
    }
    for (r, c) in letters {
        if !('a'..=last).contains(&c) {
            ctx.report(
                r,
                format!(
                    "`{}` is not a classification category; the letters are (a) to ({last})",
                    ctx.text(r)
                ),
            );
        }
    }
}
