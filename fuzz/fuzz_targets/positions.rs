//! Position conversion, through the code the server uses (`syntax::LineIndex`, `lsp::convert`):
//! every byte offset on a character boundary goes to a line/column and back to itself, in UTF-8,
//! UTF-16 and characters; the server's rope (for incremental changes) finds the same offset as the
//! line index for any position, in range or not, and agrees on whether it was clamped.

#![no_main]

use cablelint::lsp::convert::{rope_char_index, Converter};
use cablelint::syntax::{ColumnUnit, LineCol, LineIndex};
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp_server::ls_types::Position;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let index = LineIndex::new(text);
    let rope = Rope::from_str(text);
    assert_eq!(index.line_count(), rope.len_lines(), "line counts");
    let bytes = text.as_bytes();
    for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
        let conv = Converter::new(text, &index, unit);
        // Every offset through the line index (two binary searches each); through the rope, whose
        // search walks the line, about 256 of them spread over the text.
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .collect();
        let stride = (boundaries.len() / 256).max(1);
        for (i, &offset) in boundaries.iter().enumerate() {
            // Between the CR and the LF of a CRLF is no position of its own.
            if offset > 0 && bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
                continue;
            }
            let lc = index.line_col(text, offset, unit);
            assert_eq!(
                index.offset(text, lc, unit),
                (offset, false),
                "{unit:?} offset {offset} -> {lc:?}"
            );
            if unit != ColumnUnit::Char {
                let pos = conv.position(offset);
                assert_eq!(
                    conv.offset(pos),
                    offset,
                    "{unit:?} offset {offset} -> {pos:?}"
                );
                if i % stride == 0 {
                    let (ch, clamped) = rope_char_index(&rope, pos, unit);
                    assert_eq!(
                        (rope.char_to_byte(ch), clamped),
                        (offset, false),
                        "rope at {pos:?}"
                    );
                }
            }
        }
        if unit == ColumnUnit::Char {
            continue;
        }
        // Positions made of the input's bytes: in range, past the end of a line or of the text, or
        // inside a character.
        for chunk in data.chunks(3).take(256) {
            let line = u32::from(chunk[0]) % (index.line_count() as u32 + 2);
            let col = chunk
                .get(1..3)
                .map_or(0, |c| u32::from(u16::from_le_bytes([c[0], c[1]])) % 300);
            let (at, clamped) = index.offset(text, LineCol { line, col }, unit);
            assert!(at <= text.len() && text.is_char_boundary(at));
            let (ch, rope_clamped) = rope_char_index(&rope, Position::new(line, col), unit);
            assert_eq!(
                (rope.char_to_byte(ch), rope_clamped),
                (at, clamped),
                "{unit:?} line {line} col {col}: rope against line index"
            );
        }
    }
});
