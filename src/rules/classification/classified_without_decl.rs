//! ## What it does
//! Reports a CONFIDENTIAL or SECRET cable whose E.O. line says `N/A` (or gives no value).
//!
//! ## Why
//! A classified cable must say when it is declassified; no released classified cable writes `N/A`
//! (spec B-9). `N/A` on a classified cable usually means the banner or the E.O. line was copied from
//! an unclassified one.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! E.O. 12958: N/A
//! ```
//! Use instead (ten years on is the default):
//! ```cable
//! E.O. 12958: DECL: 05/17/2017
//! ```
use crate::rules::{Context, Edit, Fix, Related};
use crate::syntax::EoValue;
use crate::vocab::orders;

pub fn check(ctx: &Context) {
    let (Some(b), Some(eo)) = (&ctx.cable.body.banner, &ctx.cable.body.eo) else {
        return;
    };
    if !b.level.is_classified() {
        return;
    }
    let banner = b.level_token;
    let (range, what) = match eo.value {
        EoValue::NotApplicable => (eo.value_range.unwrap_or(eo.range), "`N/A`"),
        EoValue::Missing => (eo.range, "no declassification instruction"),
        _ => return,
    };
    let mut d = ctx.report(
        range,
        format!("a classified cable needs a declassification date, but the E.O. line has {what}"),
    );
    d.related.push(Related {
        range: banner,
        message: "classified banner".into(),
    });
    d.fix =
        default_decl(ctx).map(|(text, edit)| Fix::unsafe_(format!("Write `{text}`"), vec![edit]));
}

/// The edit that writes the default declassification instruction, ten years after the cable's
/// date (the drafting date of a draft), in place of an E.O. line's `N/A`, and the text it writes
/// (`DECL: 12/01/2036`); `None` in a release record, which is left as written. Such a fix is
/// unsafe: the classifier chooses the instruction.
pub(crate) fn default_decl(ctx: &Context) -> Option<(String, Edit)> {
    if !ctx.cable.artifacts.is_empty() || ctx.facts.kind == crate::syntax::DocumentKind::Record {
        return None;
    }
    let eo = ctx.cable.body.eo.as_ref()?;
    let (EoValue::NotApplicable, Some(value), Some(date)) =
        (&eo.value, eo.value_range, ctx.facts.date)
    else {
        return None;
    };
    let decl = date.add_years(orders::DECL_DEFAULT_YEARS);
    let text = format!("DECL: {:02}/{:02}/{:04}", decl.month, decl.day, decl.year);
    Some((text.clone(), Edit::replace(value, text)))
}
