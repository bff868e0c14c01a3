//! ## What it does
//! Reports, once per cable, lines that the release joined: several elements before the text on one
//! line (`E.O. 12958: DECL: 02/14/2018 TAGS: BR PREL`, a banner with its captions and E.O. line), or
//! text that lost its line breaks (a line of hundreds or thousands of characters). The finding
//! points at the first such line and counts the others.
//!
//! ## Why
//! Telegram lines are at most 69 characters (spec §3.23) and each element before the text stands on
//! its own line (§1.2); the release's export joined lines in many records (§6.1.9). The parser splits
//! the joined elements and reads on, so the elements are checked as usual; this finding says why the
//! text looks as it does. A record with joined lines is a `record`: an element the export dropped is
//! reported as an incomplete record, not as a drafting error.
//!
//! Long lines alone are the release's mark only in a cable that was sent: it has a header, and its
//! date-time group is more than a year before the drafting date (`--date`, else today). A draft, or
//! a new cable with the header `cablelint new` writes, may keep each paragraph on one line because
//! its editor soft-wraps; it is checked as any draft, and nothing is reported here.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232 SIPDIS E.O. 12958: DECL: 05/17/2017 TAGS: PREL JA
//! ```
//! Use instead: one element per line, as the cable was sent.
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//!
//! SIPDIS
//!
//! E.O. 12958: DECL: 05/17/2017
//! TAGS: PREL JA
//! ```
use crate::rules::Context;
use crate::syntax::{ArtifactKind, DocumentKind};

pub fn check(ctx: &Context) {
    // Long lines in a draft are the drafter's own (an editor that soft-wraps paragraphs keeps each
    // on one line); lines joined by their layout always make the text a record.
    if ctx.facts.kind != DocumentKind::Record {
        return;
    }
    super::report_first(ctx, ArtifactKind::JoinedLines, |n| {
        if n == 1 {
            "joined lines: the release joined this line's elements or removed its line breaks"
                .to_string()
        } else {
            format!("joined lines: the release joined this line and {} more, or removed their line breaks", n - 1)
        }
    });
}
