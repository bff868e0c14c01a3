//! ## What it does
//! Reports an E.O. number that is not an executive order on classification (11652, 12065, 12356,
//! 12958, 13526) — typically a typo such as `12598` or `1295` — and offers the order of the cable's
//! date when a single one fits.
//!
//! ## Why
//! The E.O. line must cite the order the cable is classified under; 11 released cables carry typos
//! (`12598` ×6, `1295`, `12985`, `12928`, `19523`, `19528`; spec B-7, §6.3).
//!
//! ## Example
//! ```cable
//! E.O. 12598: DECL: 05/17/2017
//! ```
//! Use instead:
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::vocab::orders;

pub fn check(ctx: &Context) {
    let Some(eo) = &ctx.cable.body.eo else {
        return;
    };
    let Some(num) = eo.number else {
        let label = eo.label;
        ctx.report(label, "the E.O. line has no order number");
        return;
    };
    let text = ctx.text(num.range);
    if orders::executive_order(text).is_some() {
        return;
    }
    let fitting = ctx.facts.date.and_then(orders::executive_order_in_force);
    let mut d = ctx.report(num.range, format!("`{text}` is not an executive order on classification (11652, 12065, 12356, 12958, 13526)"));
    if let Some(o) = fitting {
        d.fix = Some(Fix::unsafe_(
            format!("Write `{}`", o.number),
            vec![Edit::replace(num.range, o.number)],
        ));
    }
}
