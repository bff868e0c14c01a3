pub mod element_order;
pub mod missing_geo_tag;
pub mod missing_subject;
pub mod missing_subject_tag;
pub mod missing_tags;
pub mod misused_tag;
pub mod tags_markup;
pub mod unknown_tag;

use crate::data::TagKind;
use crate::rules::Context;
use crate::syntax::{TagShape, TagToken};

/// The kind of a TAGS token: from the tables when they know the code, else from its shape for
/// personal tags.
/// Subject tags of the 1970s that later lists dropped (spec §6.2.9), with the last year they were
/// in use: they count as subject tags for cables of their time.
const EARLIER_SUBJECT_TAGS: [(&str, i32); 3] = [("PINT", 1979), ("PFOR", 1979), ("PEPR", 1979)];

pub fn kind_of(ctx: &Context, t: &TagToken) -> Option<TagKind> {
    if t.shape == TagShape::Personal {
        return Some(TagKind::Personal);
    }
    let code = ctx.text(t.code);
    if let Some(e) = ctx.tables.tag(code) {
        return Some(e.kind);
    }
    let year = ctx.facts.date.map(|d| d.year)?;
    EARLIER_SUBJECT_TAGS
        .iter()
        .any(|&(c, last)| c.eq_ignore_ascii_case(code) && year <= last)
        .then_some(TagKind::Subject)
}

/// The TAGS line's range when it has no token of `kind`; `None` when it has one, when there is no
/// line, or when the line is empty (`missing-tags` reports that).
pub fn lacks_kind(ctx: &Context, kind: TagKind) -> Option<crate::syntax::TextRange> {
    let tags = ctx
        .cable
        .body
        .tags
        .as_ref()
        .filter(|t| !t.tokens.is_empty())?;
    let has = tags.tokens.iter().any(|t| kind_of(ctx, t) == Some(kind));
    (!has).then_some(tags.range)
}
