//! Positions: LSP line/character pairs in the negotiated encoding ↔ byte offsets of the document.
//!
//! The client offers encodings in `general.positionEncodings`; the server takes UTF-8 when offered
//! (no counting needed) and UTF-16, the protocol's default, otherwise. Conversions are exact: a `¶`
//! is 2 bytes and 1 UTF-16 unit, an emoji 4 bytes and 2 units. A position past the end of its line
//! or of the document is clamped (to the line's end, before its line break, or to the document's
//! end) and logged; a position inside a character counts as the character's end, as in
//! [`LineIndex::offset`]. CR, LF and CRLF are the only line breaks.

use ropey::Rope;
use tower_lsp_server::ls_types::{
    ClientCapabilities, Position, PositionEncodingKind, Range, TextDocumentContentChangeEvent,
};
use tracing::warn;

use crate::syntax::{ColumnUnit, LineCol, LineIndex, TextRange};

/// The encoding to use given the client's capabilities, and its LSP name.
pub fn negotiate_encoding(caps: &ClientCapabilities) -> (ColumnUnit, PositionEncodingKind) {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
        (ColumnUnit::Utf8, PositionEncodingKind::UTF8)
    } else {
        (ColumnUnit::Utf16, PositionEncodingKind::UTF16)
    }
}

/// Converts between positions and offsets for one text.
#[derive(Clone, Copy)]
pub struct Converter<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub unit: ColumnUnit,
}

impl<'a> Converter<'a> {
    pub fn new(text: &'a str, index: &'a LineIndex, unit: ColumnUnit) -> Self {
        Converter { text, index, unit }
    }

    /// The LSP position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let lc = self.index.line_col(self.text, offset, self.unit);
        Position::new(lc.line, lc.col)
    }

    pub fn range(&self, range: TextRange) -> Range {
        Range::new(self.position(range.start()), self.position(range.end()))
    }

    /// The byte offset of an LSP position, clamped into the text (and logged when clamped).
    pub fn offset(&self, pos: Position) -> usize {
        let (offset, clamped) = self.index.offset(
            self.text,
            LineCol {
                line: pos.line,
                col: pos.character,
            },
            self.unit,
        );
        if clamped {
            warn!(
                line = pos.line,
                character = pos.character,
                "position past the end of its line or of the document (or inside a character); clamped"
            );
        }
        offset
    }

    /// The byte range of an LSP range; a reversed range is put in order.
    pub fn text_range(&self, range: Range) -> TextRange {
        let a = self.offset(range.start);
        let b = self.offset(range.end);
        TextRange::new(a.min(b), a.max(b))
    }
}

/// How many units of `unit` a character takes.
fn units(ch: char, unit: ColumnUnit) -> usize {
    match unit {
        ColumnUnit::Utf8 => ch.len_utf8(),
        ColumnUnit::Utf16 => ch.len_utf16(),
        ColumnUnit::Char => 1,
    }
}

/// The char index in a rope of an LSP position, and whether it had to be clamped.
pub fn rope_char_index(rope: &Rope, pos: Position, unit: ColumnUnit) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_chars(), true);
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    if len > 0 && slice.char(len - 1) == '\n' {
        len -= 1;
        if len > 0 && slice.char(len - 1) == '\r' {
            len -= 1;
        }
    } else if len > 0 && slice.char(len - 1) == '\r' {
        len -= 1;
    }
    let want = pos.character as usize;
    let mut seen = 0usize;
    for (i, ch) in slice.chars().take(len).enumerate() {
        if seen >= want {
            return (start + i, seen != want);
        }
        seen += units(ch, unit);
    }
    (start + len, seen != want)
}

/// Applies one content change to a rope: a full replacement, or a range replacement whose positions
/// are clamped (and logged) when they lie past the end. Returns whether clamping happened.
pub fn apply_change(
    rope: &mut Rope,
    change: &TextDocumentContentChangeEvent,
    unit: ColumnUnit,
) -> bool {
    let Some(range) = change.range else {
        *rope = Rope::from_str(&change.text);
        return false;
    };
    let (a, ca) = rope_char_index(rope, range.start, unit);
    let (b, cb) = rope_char_index(rope, range.end, unit);
    let (start, end) = (a.min(b), a.max(b));
    if ca || cb || a > b {
        warn!(
            start_line = range.start.line,
            start_character = range.start.character,
            end_line = range.end.line,
            end_character = range.end.character,
            "change range past the end of its line or of the document, or reversed; clamped"
        );
    }
    if start < end {
        rope.remove(start..end);
    }
    if !change.text.is_empty() {
        rope.insert(start, &change.text);
    }
    ca || cb || a > b
}

/// The whole text of a rope.
pub fn rope_text(rope: &Rope) -> String {
    let mut s = String::with_capacity(rope.len_bytes());
    for chunk in rope.chunks() {
        s.push_str(chunk);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(sl, sc), Position::new(el, ec))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn rope_positions_match_the_line_index() {
        let text = "¶1. (C) 😀x\r\nsecond\rthird\nlast";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16] {
            let conv = Converter::new(text, &index, unit);
            // Every character start except the `\n` of a CRLF, which no position can name.
            for (offset, _) in text
                .char_indices()
                .filter(|&(i, c)| !(c == '\n' && text[..i].ends_with('\r')))
            {
                let pos = conv.position(offset);
                assert_eq!(conv.offset(pos), offset, "{unit:?} {pos:?}");
                let (ci, clamped) = rope_char_index(&rope, pos, unit);
                assert!(!clamped);
                assert_eq!(rope.char_to_byte(ci), offset, "{unit:?} {pos:?}");
            }
        }
    }

    #[test]
    fn only_cr_lf_and_crlf_break_lines() {
        let text = "a\u{2028}b\u{0B}c\u{0C}d\u{85}e\nf";
        let rope = Rope::from_str(text);
        assert_eq!(rope.len_lines(), 2);
        assert_eq!(LineIndex::new(text).line_count(), 2);
    }

    #[test]
    fn edits_with_emoji_in_both_encodings() {
        let mut rope = Rope::from_str("x😀y\n");
        // After the emoji: 1 + 2 units in UTF-16, 1 + 4 bytes in UTF-8.
        assert!(!apply_change(
            &mut rope,
            &change(0, 3, 0, 3, "Z"),
            ColumnUnit::Utf16
        ));
        assert_eq!(rope.to_string(), "x😀Zy\n");
        assert!(!apply_change(
            &mut rope,
            &change(0, 5, 0, 6, ""),
            ColumnUnit::Utf8
        ));
        assert_eq!(rope.to_string(), "x😀y\n");
    }

    #[test]
    fn out_of_range_changes_are_clamped() {
        let mut rope = Rope::from_str("ab\ncd");
        assert!(apply_change(
            &mut rope,
            &change(0, 10, 0, 12, "!"),
            ColumnUnit::Utf16
        ));
        assert_eq!(rope.to_string(), "ab!\ncd");
        assert!(apply_change(
            &mut rope,
            &change(9, 0, 9, 4, "?"),
            ColumnUnit::Utf16
        ));
        assert_eq!(rope.to_string(), "ab!\ncd?");
        // A reversed range is put in order.
        assert!(apply_change(
            &mut rope,
            &change(0, 2, 0, 0, ""),
            ColumnUnit::Utf16
        ));
        assert_eq!(rope.to_string(), "!\ncd?");
    }
}
