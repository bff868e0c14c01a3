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
use crate::syntax::ArtifactKind;

pub fn check(ctx: &Context) {
    super::report_first(ctx, ArtifactKind::JoinedLines, |n| {
        if n == 1 {
            "joined lines: the release joined this line's elements or removed its line breaks"
                .to_string()
        } else {
            format!("joined lines: the release joined this line and {} more, or removed their line breaks", n - 1)
        }
    });
}
