//! Formatting for editors: the edits of `cablelint fmt` for a whole document, or for the elements
//! a selection touches, in byte offsets of the document. Both come from [`crate::formatter`], the
//! code behind the command line, run on the document's shared parse.

use crate::formatter::{self, FormatOptions, TextEdit, Unformattable};
use crate::syntax::{Cable, TextRange};

/// The edits that put the whole cable in the canonical layout: whole lines with their line
/// breaks, in order and apart, empty when it is formatted already.
///
/// # Errors
/// [`Unformattable`] (with the reason to show) when the formatter leaves the cable as written: a
/// release record or received copy, an unreadable header, no banner.
pub fn formatting(cable: &Cable, options: &FormatOptions) -> Result<Vec<TextEdit>, Unformattable> {
    formatter::cable_edits(cable, options)
}

/// The edits that put the elements `range` touches (whole paragraphs, header lines, the TAGS,
/// SUBJECT or REF block …) in the canonical layout and leave the rest as written; see
/// [`formatter::format_range`].
///
/// # Errors
/// As [`formatting`].
pub fn range_formatting(
    cable: &Cable,
    range: TextRange,
    options: &FormatOptions,
) -> Result<Vec<TextEdit>, Unformattable> {
    formatter::cable_range_edits(cable, range, options)
}
