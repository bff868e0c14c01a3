//! Reporting a misspelt pre-text label (`E.0.`, `SUBJCET:`, `Clasified By:`) on its own line.
//!
//! The parser reads such a label as its element and lists it in `Body::label_typos`; the rule for
//! the missing element then reports the typo on the misspelt line, with a fix writing the label
//! right, instead of a missing element somewhere else (spec §6.3 drafting errors).

use super::{Context, Edit, Fix};
use crate::syntax::Element;

/// Reports every misspelt label of `element` with a safe fix writing `canonical`. Returns whether
/// there was one.
pub(crate) fn report(ctx: &Context, element: Element, canonical: &str) -> bool {
    let typos: Vec<_> = ctx
        .cable
        .body
        .label_typos
        .iter()
        .filter(|(e, _)| *e == element)
        .map(|&(_, r)| r)
        .collect();
    for &range in &typos {
        let t = ctx.text(range);
        let mut d = ctx.report(
            range,
            format!(
                "`{t}` is a misspelt {} label: write `{canonical}`",
                element.name()
            ),
        );
        d.fix = Some(Fix::safe(
            format!("Write `{canonical}`"),
            vec![Edit::replace(range, canonical)],
        ));
    }
    !typos.is_empty()
}
