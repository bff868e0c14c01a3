//! `cablelint fmt`: one canonical layout for a cable, as text or as edits.
//!
//! The formatter reads the lossless tree of [`crate::syntax`] (every line with its kind and byte
//! ranges) and writes the cable again in the canonical layout:
//!
//! - the transmission header is left exactly as written (only trailing blanks go), followed by one
//!   blank line;
//! - the banner with the spaced classification (`C O N F I D E N T I A L`), a two-digit
//!   `SECTION nn OF mm` and a six-digit serial;
//! - canonical labels: `E.O. 12958: DECL: MM/DD/YYYY`, `TAGS:`, `SUBJECT:`, `REF:`,
//!   `Classified By:`; TAGS codes separated one way (spaces by default);
//! - one blank line between the elements of the text (banner, captions, the E.O./TAGS/SUBJECT
//!   block, REF, Classified By) and before every numbered paragraph, no run of blank lines;
//! - paragraph numbers as `1. (C) ` without the release's `¶`;
//! - paragraphs and SUBJECT re-wrapped to [`FormatOptions::line_width`] (69 by default, the width
//!   of the cable forms), never inside a TAGS code, a portion marking or a redaction run; lists,
//!   indented and tabular lines and short lines (a break the drafter made) keep their breaks;
//! - no trailing whitespace, one final line break, the file's own line endings and byte order mark.
//!
//! It never changes what the cable says: only whitespace, line breaks, the spelling of labels,
//! TAGS separators, the `¶`, the zero padding of numbers and the spelling of a paragraph's or the
//! SUBJECT line's portion marking (`(sbu)` as `(SBU)`, as [`Cable::respelt_marking`] gives it)
//! change. A cable it cannot lay out
//! safely (no banner, an unreadable header, a record carrying release artifacts) is refused with a
//! reason, and every result is parsed again and compared with the input's reading before it is
//! returned, so a layout the parser would read differently is refused rather than written.
//!
//! This module knows nothing of files, configuration discovery or the editor protocol: the
//! command line (`cablelint fmt`) and the language server (`textDocument/formatting`) both call
//! [`format`] and [`edits`] (or, with a cable already parsed, [`format_cable`], [`cable_edits`]
//! and [`cable_range_edits`]).

mod diff;
mod layout;
mod verify;
mod wrap;

pub use verify::same_reading;

use std::fmt;

use crate::syntax::{self, Cable, TextRange};

/// How TAGS codes are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagsSeparator {
    /// `TAGS: PREL PGOV JA` (the canonical form).
    #[default]
    Space,
    /// `TAGS: PREL, PGOV, JA`.
    Comma,
}

impl TagsSeparator {
    /// Reads a configuration value: `"space"` or `"comma"`.
    pub fn parse(s: &str) -> Option<TagsSeparator> {
        match s {
            "space" => Some(TagsSeparator::Space),
            "comma" => Some(TagsSeparator::Comma),
            _ => None,
        }
    }

    fn text(self) -> &'static str {
        match self {
            TagsSeparator::Space => " ",
            TagsSeparator::Comma => ", ",
        }
    }
}

/// The narrowest `line-width` other than 0 that `cablelint.toml` and `fmt --line-width` accept,
/// in characters. Narrower, the labels fill the line (`TAGS: PREL` and `SUBJECT:` alone on
/// theirs at 5) while the lines `fmt` never breaks overrun it (`E.O. 13526: DECL: 12/02/2036` is
/// 28 columns, a spaced banner with its section and serial over 50); no real cable is that narrow
/// (the longest line of the narrowest of the 3,917 cables of both corpora is 50 columns), so a
/// smaller figure is a slip.
pub const MIN_LINE_WIDTH: usize = 40;

/// The widest `line-width` that `cablelint.toml` and `fmt --line-width` accept, in characters.
pub const MAX_LINE_WIDTH: usize = 10_000;

/// The `[format]` options of `cablelint.toml`. The defaults are the forms most real cables use
/// (figures from `scripts/format-figures.py` over `../shared/corpus`, in the README).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatOptions {
    /// The column paragraphs, SUBJECT and TAGS are wrapped at, in characters; 0 leaves line breaks
    /// alone. The configuration and the command line accept 0 or [`MIN_LINE_WIDTH`] to
    /// [`MAX_LINE_WIDTH`].
    pub line_width: usize,
    /// Write CONFIDENTIAL, SECRET, TOP SECRET and EFTO in the banner with spaced letters
    /// (`C O N F I D E N T I A L`); `false` writes them unspaced.
    pub spaced_banner: bool,
    /// Pad the banner serial with zeros to this many digits; 0 leaves it as written.
    pub serial_width: usize,
    /// How TAGS codes are separated.
    pub tags_separator: TagsSeparator,
    /// The drafting date (the configuration's `date =`; today when `None`): a text with a header
    /// whose paragraphs stand each on one line and that is dated less than a year before it, or
    /// later, is a draft being written and is laid out, not a release record left as written
    /// ([`crate::syntax::kind_on`], as the rules read it).
    pub drafting_date: Option<crate::vocab::Date>,
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            line_width: crate::vocab::LINE_WIDTH,
            spaced_banner: true,
            serial_width: 6,
            tags_separator: TagsSeparator::Space,
            drafting_date: None,
        }
    }
}

/// Why a cable was left as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unformattable {
    /// The 0-based line the reason points at, when it is one line.
    pub line: Option<usize>,
    /// A sentence naming the reason (`the record carries a release notice …`).
    pub reason: String,
}

impl fmt::Display for Unformattable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {}: {}", l + 1, self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

impl std::error::Error for Unformattable {}

/// The text of a cable in the canonical layout. `text` may start with a byte order mark, which is
/// kept. Returns the text unchanged (as a new string) when it is already formatted.
///
/// # Errors
/// [`Unformattable`] when the cable cannot be laid out without risk to what it says; nothing is
/// changed then.
pub fn format(text: &str, options: &FormatOptions) -> Result<String, Unformattable> {
    format_cable(&syntax::parse(text), options)
}

/// As [`format`], for a cable already parsed (the language server's shared analysis).
///
/// # Errors
/// As [`format`].
pub fn format_cable(cable: &Cable, options: &FormatOptions) -> Result<String, Unformattable> {
    Ok(verified_layout(cable, options)?.0)
}

/// The canonical layout of a cable, checked to read as the cable does ([`verify`]), with the
/// slices it is made of.
fn verified_layout(
    cable: &Cable,
    options: &FormatOptions,
) -> Result<(String, Vec<layout::Slice>), Unformattable> {
    let laid = layout::layout(cable, options)?;
    if laid.text != cable.src {
        let index = crate::syntax::LineIndex::with_line_starts(&laid.text, laid.line_starts);
        verify::same_reading_indexed(cable, &laid.text, index)?;
    }
    Ok((laid.text, laid.slices))
}

/// A formatted text with the map of which piece of the input became which piece of it, from
/// which [`Formatted::unified_diff`] and [`Formatted::edits`] diff the two piece by piece (in time
/// linear in the size of the cable, where one diff of the whole texts grows with its square when
/// every paragraph changes).
#[derive(Debug, Clone)]
pub struct Formatted {
    /// The formatted text, as [`format`] returns it.
    pub text: String,
    /// Pairs of byte offsets `(input, output)` where the input before the first became the output
    /// before the second, in order.
    cuts: Vec<(usize, usize)>,
}

impl Formatted {
    /// The edits that turn `old` (the text that was formatted) into [`Formatted::text`], as
    /// [`edits`] gives them.
    pub fn edits(&self, old: &str) -> Vec<TextEdit> {
        if old == self.text {
            return Vec::new();
        }
        diff::line_diff(old, &self.text, &self.cuts).edits()
    }

    /// A unified diff (three lines of context, `--- a/PATH` and `+++ b/PATH`) from `old`, the text
    /// that was formatted, to [`Formatted::text`]; empty when they are equal.
    pub fn unified_diff(&self, old: &str, path: &str) -> String {
        if old == self.text {
            return String::new();
        }
        diff::line_diff(old, &self.text, &self.cuts).unified(path)
    }
}

/// A unified diff (three lines of context, `--- a/PATH` and `+++ b/PATH`) from `old` to `new`, byte
/// for byte as `similar`'s unified diff of the whole texts writes it for a text of fewer than 2,500
/// lines; empty when they are equal. `cuts` are pairs of byte offsets `(in old, in new)`, in order,
/// where the text of `old` before the first became the text of `new` before the second (the text
/// between two fixes, which no fix changed): a longer text is diffed in windows cut there, so that
/// the time grows with the text's length, not with its length times the number of changes. Cuts
/// that are not at the start of a line in both texts, or out of order, are passed over, and with
/// none the texts are diffed whole.
pub fn unified_diff(old: &str, new: &str, path: &str, cuts: &[(usize, usize)]) -> String {
    if old == new {
        return String::new();
    }
    diff::line_diff(old, new, cuts).unified(path)
}

/// As [`format`], with the map of the pieces ([`Formatted`]).
///
/// # Errors
/// As [`format`].
pub fn format_mapped(text: &str, options: &FormatOptions) -> Result<Formatted, Unformattable> {
    format_cable_mapped(&syntax::parse(text), options)
}

/// As [`format_mapped`], for a cable already parsed.
///
/// # Errors
/// As [`format`].
pub fn format_cable_mapped(
    cable: &Cable,
    options: &FormatOptions,
) -> Result<Formatted, Unformattable> {
    // The map is built only here: `format_cable` needs no cuts.
    let (text, slices) = verified_layout(cable, options)?;
    Ok(Formatted {
        cuts: slices.iter().map(|s| (s.input, s.output)).collect(),
        text,
    })
}

/// The text with only the elements that the byte range `range` touches put in the canonical
/// layout (a selection in an editor; an empty range touches the element it is in). An element is
/// formatted whole, with the blank lines after it: a numbered paragraph with its lines, a header
/// line, the banner, the E.O., TAGS or SUBJECT lines, the REF block, the classification
/// authority. Everything else is left exactly as written, so every word stays where it was.
///
/// # Errors
/// As [`format`]: a cable the formatter refuses is refused whatever the range, and so is a result
/// that would read differently from the input.
pub fn format_range(
    cable: &Cable,
    range: TextRange,
    options: &FormatOptions,
) -> Result<String, Unformattable> {
    Ok(format_range_mapped(cable, range, options)?.text)
}

/// As [`format_range`], with the map of the pieces.
fn format_range_mapped(
    cable: &Cable,
    range: TextRange,
    options: &FormatOptions,
) -> Result<Formatted, Unformattable> {
    let laid = layout::layout(cable, options)?;
    let src = cable.src;
    let slices = &laid.slices;
    let n = slices.len();
    let unchanged = || Formatted {
        text: src.to_string(),
        cuts: Vec::new(),
    };
    if n == 0 {
        return Ok(unchanged());
    }
    // The input and output offsets where slice `k` starts (`k == n`: the ends of the texts).
    let bound = |k: usize| -> (usize, usize) {
        match slices.get(k) {
            Some(s) => (s.input, s.output),
            None => (src.len(), laid.text.len()),
        }
    };
    let touched = |k: usize| {
        let (start, end) = (bound(k).0, bound(k + 1).0);
        if range.is_empty() {
            let at = range.start();
            start <= at && (at < end || k + 1 == n)
        } else {
            start < range.end() && range.start() < end
        }
    };
    let Some(mut first) = (0..n).find(|&k| touched(k)) else {
        return Ok(unchanged());
    };
    let mut last = (first..n).rev().find(|&k| touched(k)).unwrap_or(first);
    while first > 0 && slices[first].joins_previous {
        first -= 1;
    }
    while last + 1 < n && slices[last + 1].joins_previous {
        last += 1;
    }
    let ((input_start, output_start), (input_end, output_end)) = (bound(first), bound(last + 1));
    let mut out = String::with_capacity(src.len() + 64);
    out.push_str(&src[..input_start]);
    out.push_str(&laid.text[output_start..output_end]);
    out.push_str(&src[input_end..]);
    if out != src {
        verify::same_reading(cable, &out)?;
    }
    // The pieces of the formatted elements, shifted to where they stand in `out`; the text before
    // and after them is the same in both.
    let cuts = (first..=last + 1)
        .map(|k| {
            let (input, output) = bound(k);
            (input, input_start + output - output_start)
        })
        .collect();
    Ok(Formatted { text: out, cuts })
}

/// One replacement in the original text: byte range and new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: TextRange,
    pub new_text: String,
}

/// The edits that turn `text` into [`format`]`(text)`: one per changed run of lines, each
/// replacing whole lines (with their line breaks), in order and apart. Empty when the text is
/// already formatted.
///
/// # Errors
/// As [`format`].
pub fn edits(text: &str, options: &FormatOptions) -> Result<Vec<TextEdit>, Unformattable> {
    cable_edits(&syntax::parse(text), options)
}

/// As [`edits`], for a cable already parsed.
///
/// # Errors
/// As [`format`].
pub fn cable_edits(cable: &Cable, options: &FormatOptions) -> Result<Vec<TextEdit>, Unformattable> {
    Ok(format_cable_mapped(cable, options)?.edits(cable.src))
}

/// The edits that turn `text` into [`format_range`]`(text, range)`, as [`edits`] gives them: only
/// lines of the elements the range touches change.
///
/// # Errors
/// As [`format_range`].
pub fn range_edits(
    text: &str,
    range: TextRange,
    options: &FormatOptions,
) -> Result<Vec<TextEdit>, Unformattable> {
    cable_range_edits(&syntax::parse(text), range, options)
}

/// As [`range_edits`], for a cable already parsed.
///
/// # Errors
/// As [`format_range`].
pub fn cable_range_edits(
    cable: &Cable,
    range: TextRange,
    options: &FormatOptions,
) -> Result<Vec<TextEdit>, Unformattable> {
    Ok(format_range_mapped(cable, range, options)?.edits(cable.src))
}

/// The lines of a text, each with its line break (`\n`, `\r\n` or `\r`).
fn split_keep(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push(&text[start..=i]);
                start = i + 1;
            }
            b'\r' => {
                let end = if b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                out.push(&text[start..end]);
                start = end;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if start < b.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests;
