//! ## What it does
//! Notes a DECL date not written `MM/DD/YYYY` (off by default) and rewrites it.
//!
//! ## Why
//! `MM/DD/YYYY` is the common form (4,159 released cables, against 215 `YYYY/MM/DD` and 32
//! `MM/DD/YY`; spec B-13). One form makes dates easy to compare.
//!
//! ## Example
//! ```cable
//! E.O. 12958: DECL: 2019/07/29
//! ```
//! Use instead:
//! ```cable
//! E.O. 12958: DECL: 07/29/2019
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::{DateStyle, Decl, EoValue};

pub fn check(ctx: &Context) {
    let Some(eo) = &ctx.cable.body.eo else {
        return;
    };
    let EoValue::Decl {
        decl: Decl::Date(d, style),
        spec: Some(spec),
        ..
    } = &eo.value
    else {
        return;
    };
    let (d, spec) = (*d, *spec);
    let first = ctx.text(spec).split_whitespace().next().unwrap_or("");
    let canonical = format!("{:02}/{:02}/{:04}", d.month, d.day, d.year);
    if *style == DateStyle::MonthDayYear && first == canonical {
        return;
    }
    let r = crate::syntax::TextRange::new(spec.start(), spec.start() + first.len());
    ctx.report(r, format!("write the DECL date as `{canonical}`"))
        .fix = Some(Fix::safe(
        format!("Write `{canonical}`"),
        vec![Edit::replace(r, canonical.clone())],
    ));
}
