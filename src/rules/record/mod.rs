//! 6xx: release records and received copies. Each artifact the release or the receiving system left
//! in the text is reported once, by the rule that names it, instead of through the findings it would
//! otherwise cause.
pub mod attached_text;
pub mod dump_lines;
pub mod garbled_serial;
pub mod incomplete_record;
pub mod joined_lines;
pub mod page_header;
pub mod truncated_preview;

use crate::rules::Context;
use crate::syntax::{ArtifactKind, Cable, DocumentKind, LineKind};

/// Whether the release dropped the banner of a transmitted cable or received copy: the header is
/// there with a classification on its security line (`ZNY SSSSS`), and the text starts right at a
/// caption (`SIPDIS`) or the E.O. line, with no banner anywhere. The classification is not lost (the
/// security line carries it), and a cable that went through the system always had its banner
/// (spec B-1: such deviations are release corruption), so it is an incomplete record, not a fault
/// of the drafter. A draft without a banner is still an `invalid-banner` error.
pub fn banner_dropped(cable: &Cable) -> bool {
    if cable.body.banner.is_some()
        || !matches!(
            cable.kind,
            DocumentKind::Transmitted | DocumentKind::ReceivedCopy
        )
        || cable
            .header
            .security
            .as_ref()
            .and_then(|s| s.level)
            .is_none()
    {
        return false;
    }
    let first = cable.lines.iter().find(|l| {
        !matches!(
            l.kind,
            LineKind::Blank
                | LineKind::Artifact
                | LineKind::HeaderNoise
                | LineKind::Transmission
                | LineKind::Routing
                | LineKind::De
                | LineKind::Security
                | LineKind::Dtg
                | LineKind::Fm
                | LineKind::Addressee
        )
    });
    first.is_some_and(|l| matches!(l.kind, LineKind::Caption | LineKind::Eo))
}

/// Reports the first artifact of a kind, with the number of further ones in the message.
fn report_first(ctx: &Context, kind: ArtifactKind, what: impl Fn(usize) -> String) {
    let ranges: Vec<_> = ctx.cable.artifacts_of(kind).map(|a| a.range).collect();
    let Some(&first) = ranges.first() else {
        return;
    };
    ctx.report(first, what(ranges.len()));
}
