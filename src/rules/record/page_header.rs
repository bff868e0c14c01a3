//! ## What it does
//! Reports a received copy's page header (`PAGE 02 STATE 015113 182333Z`, `PAGE 01 HARARE 05461 01
//! OF 02 271458Z`) in the addressee block or the text, and a printout's first page header before the
//! transmission header (the classification, the origin and the serial padded to eight digits:
//! `SECRET   STATE   00123456`), once per cable.
//!
//! ## Why
//! The receiving office's printer put a page header at each page break, even inside the `TO` and
//! `INFO` blocks (`TO PAGE 02 …`, spec §3.7, §6.1.4); it is no part of the cable. The parser skips it,
//! so the addressees after it stay in their block and the text reads on; one before the header is no
//! banner, so the header, the banner and the elements after them are read. This finding says what
//! the line is: the page header of a received copy (the `PAGE` form), or of the copy the header
//! after it makes the text (a transmitted copy when the header starts at `VZCZC`, a received copy
//! when it starts at the date-time group).
//!
//! ## Example
//! ```cable
//! FM SECSTATE WASHDC
//! TO PAGE 02        STATE   016240  151205Z
//! AMEMBASSY BEIJING PRIORITY
//! ```
//! Use instead: remove the page header when the copy is edited.
//! ```cable
//! FM SECSTATE WASHDC
//! TO AMEMBASSY BEIJING PRIORITY
//! ```
use crate::rules::Context;
use crate::syntax::{is_classified_page_header, ArtifactKind, DocumentKind};

pub fn check(ctx: &Context) {
    let first = ctx.cable.artifacts_of(ArtifactKind::PageHeader).next();
    // The copy the first page header heads: the `PAGE 02 …` form is the receiving office's; the
    // printout's classified form heads whatever copy the header after it makes the text.
    let copy = match first {
        Some(a) if is_classified_page_header(ctx.text(a.range)) => match ctx.cable.kind {
            DocumentKind::Transmitted => "a transmitted copy",
            DocumentKind::ReceivedCopy => "a received copy",
            DocumentKind::Record | DocumentKind::Draft => "a printout",
        },
        _ => "a received copy",
    };
    super::report_first(ctx, ArtifactKind::PageHeader, |n| {
        let t = if n == 1 {
            String::new()
        } else {
            format!(" ({n} in this copy)")
        };
        format!("page header of {copy}{t}: skipped, it is no part of the cable")
    });
}
