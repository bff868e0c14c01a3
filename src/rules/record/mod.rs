//! 6xx: release records and received copies. Each artifact the release or the receiving system left
//! in the text is reported once, by the rule that names it, instead of through the findings it would
//! otherwise cause.
pub mod attached_text;
pub mod dump_lines;
pub mod garbled_continuation;
pub mod garbled_serial;
pub mod incomplete_record;
pub mod joined_lines;
pub mod page_header;
pub mod truncated_preview;

use crate::rules::Context;
use crate::syntax::ArtifactKind;

/// Reports the first artifact of a kind, with the number of further ones in the message.
fn report_first(ctx: &Context, kind: ArtifactKind, what: impl Fn(usize) -> String) {
    let ranges: Vec<_> = ctx.cable.artifacts_of(kind).map(|a| a.range).collect();
    let Some(&first) = ranges.first() else {
        return;
    };
    ctx.report(first, what(ranges.len()));
}
