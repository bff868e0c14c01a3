//! TODO-DOC CBL123
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}

/// Whether the header and the text belong to different cables: returns the range to report.
pub fn detect(_cable: &crate::syntax::Cable) -> Option<crate::syntax::TextRange> {
    None
}
