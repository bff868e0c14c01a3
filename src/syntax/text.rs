//! Byte ranges and the line index that converts byte offsets to lines and columns.
//!
//! Everything above the LSP layer speaks byte offsets into the document. The line index is the one
//! place that knows how those offsets map to lines and to columns counted in UTF-8 bytes, UTF-16 code
//! units or Unicode scalar values. CR, LF and CRLF are line breaks; nothing else is.

use std::fmt;

/// A half-open range of byte offsets into a document.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    /// Builds a range; `start` must not be greater than `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "range start {start} is after its end {end}");
        TextRange {
            start: start as u32,
            end: end as u32,
        }
    }

    /// An empty range at one offset.
    pub fn empty(at: usize) -> Self {
        TextRange::new(at, at)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The smallest range that covers both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Whether `offset` lies inside the range or at its end.
    pub fn contains_inclusive(self, offset: usize) -> bool {
        self.start() <= offset && offset <= self.end()
    }

    /// The range shifted right by `by` bytes.
    pub fn shift(self, by: usize) -> TextRange {
        TextRange::new(self.start() + by, self.end() + by)
    }

    /// A sub-range given relative to the start of this one.
    pub fn sub(self, rel_start: usize, rel_end: usize) -> TextRange {
        TextRange::new(self.start() + rel_start, self.start() + rel_end)
    }

    pub fn as_range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

impl fmt::Debug for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUnit {
    /// UTF-8 bytes (LSP `utf-8`).
    Utf8,
    /// UTF-16 code units (LSP `utf-16`, the protocol's default).
    Utf16,
    /// Unicode scalar values (what the command-line reports show).
    Char,
}

/// A zero-based line and column, the column counted in some [`ColumnUnit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Byte offset ↔ line/column for one text. Built once per text in one pass.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// The byte offset at which each line starts; the first entry is 0.
    starts: Vec<u32>,
    /// Whether the text is pure ASCII, so that every column unit is a byte.
    ascii: bool,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while let Some(p) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + p;
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                i = at + 2;
            } else {
                i = at + 1;
            }
            starts.push(i as u32);
        }
        LineIndex {
            starts,
            ascii: text.is_ascii(),
            len: text.len() as u32,
        }
    }

    /// The number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where a zero-based line starts, or `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).map(|&s| s as usize)
    }

    /// The byte range of a line's content, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Option<TextRange> {
        let start = self.line_start(line)?;
        let next = self
            .starts
            .get(line + 1)
            .map(|&s| s as usize)
            .unwrap_or(text.len());
        let mut end = next;
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        Some(TextRange::new(start, end))
    }

    /// The zero-based line that holds a byte offset (an offset past the end is on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len as usize) as u32;
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Converts a byte offset into a line and column. Offsets past the end are clamped, and an offset
    /// inside a multi-byte character counts as that character's start.
    pub fn line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line] as usize;
        let col = if self.ascii || unit == ColumnUnit::Utf8 {
            offset - start
        } else {
            let slice = &text[start..offset];
            match unit {
                ColumnUnit::Utf16 => slice.encode_utf16().count(),
                ColumnUnit::Char => slice.chars().count(),
                ColumnUnit::Utf8 => unreachable!(),
            }
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Converts a line and column into a byte offset. A line past the end gives the end of the text;
    /// a column past the end of its line gives the end of that line (before its line break); a column
    /// inside a character gives the offset just after that character. The second value says whether
    /// clamping happened.
    pub fn offset(&self, text: &str, pos: LineCol, unit: ColumnUnit) -> (usize, bool) {
        let line = pos.line as usize;
        let Some(range) = self.line_range(text, line) else {
            return (text.len(), true);
        };
        let content = &text[range.as_range()];
        let want = pos.col as usize;
        let mut seen = 0usize;
        for (i, ch) in content.char_indices() {
            if seen >= want {
                return (range.start() + i, seen != want);
            }
            seen += match unit {
                ColumnUnit::Utf8 => ch.len_utf8(),
                ColumnUnit::Utf16 => ch.len_utf16(),
                ColumnUnit::Char => 1,
            };
        }
        (range.end(), seen != want)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_cr_lf_and_crlf() {
        let text = "a\nb\r\nc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(&text[idx.line_range(text, 1).unwrap().as_range()], "b");
        assert_eq!(&text[idx.line_range(text, 2).unwrap().as_range()], "c");
        assert_eq!(&text[idx.line_range(text, 3).unwrap().as_range()], "d");
    }

    #[test]
    fn columns_in_each_unit() {
        let text = "¶1. (C) 😀x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x, ColumnUnit::Utf8).col, 13);
        assert_eq!(idx.line_col(text, x, ColumnUnit::Utf16).col, 10);
        assert_eq!(idx.line_col(text, x, ColumnUnit::Char).col, 9);
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
            let lc = idx.line_col(text, x, unit);
            assert_eq!(idx.offset(text, lc, unit), (x, false));
        }
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.offset(text, LineCol { line: 0, col: 99 }, ColumnUnit::Utf16),
            (2, true)
        );
        assert_eq!(
            idx.offset(text, LineCol { line: 9, col: 0 }, ColumnUnit::Utf16),
            (5, true)
        );
        assert_eq!(
            idx.line_col(text, 999, ColumnUnit::Char),
            LineCol { line: 1, col: 2 }
        );
    }
}
