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
pub fn kind_of(ctx: &Context, t: &TagToken) -> Option<TagKind> {
    if t.shape == TagShape::Personal {
        return Some(TagKind::Personal);
    }
    let code = ctx.text(t.code);
    ctx.tables.tag(code).map(|e| e.kind)
}

/// The TAGS line's range when it has no token of `kind`; `None` when it has one or there is no line.
pub fn lacks_kind(ctx: &Context, kind: TagKind) -> Option<crate::syntax::TextRange> {
    let tags = ctx.cable.body.tags.as_ref()?;
    let has = tags.tokens.iter().any(|t| kind_of(ctx, t) == Some(kind));
    (!has).then_some(tags.range)
}
