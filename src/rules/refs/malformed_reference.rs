//! ## What it does
//! Reports a REF item that cannot be read as a reference: a REF label with nothing after it, a
//! bullet with nothing after it, a post named without a serial (`B. BRASILIA`), or a serial of
//! zero.
//!
//! ## Why
//! A reference is there so that the reader can find the cable it cites; a REF line with nothing
//! after its label, an item without its serial or with serial 0 cites nothing, and is usually the
//! rest of an edit left half done.
//!
//! ## Example
//! ```cable
//! REF: A. BRASILIA 1784
//!      B. BRASILIA
//! ```
//! Use instead:
//! ```cable
//! REF: A. BRASILIA 1784
//!      B. BRASILIA 1722
//! ```
use crate::rules::Context;
use crate::syntax::origin_key;

pub fn check(ctx: &Context) {
    let Some(block) = &ctx.cable.body.refs else {
        return;
    };
    let mut found = Vec::new();
    // A REF label with nothing after it in the whole block (`REF:` and then the text).
    if block.items.is_empty() {
        let label = ctx.text(block.label).trim_end();
        found.push((block.label, format!("`{label}` cites nothing")));
    }
    for item in &block.items {
        if item.references.is_empty() {
            // A bullet followed by an ellipsis is a truncated preview of the release, not an
            // empty item.
            let after = &ctx.cable.src[item.range.end()..];
            let line_rest = after.split(['\n', '\r']).next().unwrap_or("");
            let truncated = line_rest.contains("..") || line_rest.contains('…');
            if let Some(l) = item.letter.filter(|_| !truncated) {
                found.push((l, format!("Item `{}` cites nothing", ctx.text(l))));
            }
            continue;
        }
        for r in &item.references {
            match &r.cable {
                Some(c) if c.number.value == 0 => {
                    found.push((c.number.range, "A cable serial is never 0".to_string()));
                }
                Some(_) => {}
                None => {
                    let text = ctx.text(r.range);
                    let key = origin_key(text);
                    let words = text.split_whitespace().count();
                    // `USNATO ...`: the record cuts the reference off, as an empty item's.
                    let after = &ctx.cable.src[r.range.end()..];
                    let line_rest = after.split(['\n', '\r']).next().unwrap_or("");
                    let truncated = line_rest.trim_start().starts_with("..")
                        || line_rest.trim_start().starts_with('…');
                    if !truncated
                        && words <= 4
                        && key.len() > 3
                        && ctx.tables.post_by_station(&key).is_some()
                    {
                        found.push((
                            r.range,
                            format!("`{}` names a post but no cable serial", text.trim()),
                        ));
                    }
                }
            }
        }
    }
    for (range, message) in found {
        ctx.report(range, message);
    }
}
