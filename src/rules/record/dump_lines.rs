//! ## What it does
//! Reports database or CSV dump lines and web-inbox printout lines around the cable (`ID: 190648` /
//! `ORIGIN: 09KUWAIT110`, `Cable dated:2005-11-16T09:53:00`, `27613,2/24/2005 16:09,05BOGOTA1775,…`,
//! `From: … Sent: …`, `End Cable Text`), once per cable.
//!
//! ## Why
//! The release kept some cables as database records or printouts of locally kept copies (spec §2,
//! §6.1.5). Those lines are no part of the cable; the parser skips them and reads the cable inside.
//!
//! ## Example
//! ```cable
//! ID: 190648
//! ORIGIN: 09KUWAIT110
//! DATE: 2009-02-05 16:36:00
//! C O N F I D E N T I A L KUWAIT 000110
//! ```
//! Use instead: the cable from its banner on.
//! ```cable whole
//! C O N F I D E N T I A L KUWAIT 000110
//! …
//! ```
use crate::rules::Context;
use crate::syntax::ArtifactKind;

pub fn check(ctx: &Context) {
    super::report_first(ctx, ArtifactKind::DumpLines, |n| {
        let more = if n > 1 {
            format!(" ({n} places)")
        } else {
            String::new()
        };
        format!("dump lines: database or printout lines of the release{more}, no part of the cable")
    });
}
