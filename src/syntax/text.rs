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
    #[inline]
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
    #[inline]
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

    #[inline]
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
///
/// Besides the line starts it keeps every non-ASCII character with the running count of the bytes
/// it and those before it take beyond their UTF-16 units and beyond one character, so that every
/// conversion, in every unit, is two binary searches: linear time for any number of conversions on
/// one long line (the way rust-analyzer's line index keeps its wide characters).
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// The byte offset at which each line starts; the first entry is 0.
    starts: Vec<u32>,
    /// Every non-ASCII character, in text order.
    wide: Vec<Wide>,
    /// Whether the text is pure ASCII, so that every column unit is a byte.
    ascii: bool,
    len: u32,
}

/// One non-ASCII character of the text.
#[derive(Clone, Copy, Debug)]
struct Wide {
    /// Its byte offset.
    offset: u32,
    /// Its length in bytes (2 to 4).
    len: u8,
    /// Its length in UTF-16 units (1 or 2).
    len16: u8,
    /// The bytes that the non-ASCII characters before this one take beyond their UTF-16 units.
    extra16: u32,
    /// The bytes that the non-ASCII characters before this one take beyond one character each.
    extra_char: u32,
}

impl Wide {
    /// The length in a unit.
    fn units(&self, unit: ColumnUnit) -> usize {
        match unit {
            ColumnUnit::Utf8 => self.len as usize,
            ColumnUnit::Utf16 => self.len16 as usize,
            ColumnUnit::Char => 1,
        }
    }

    /// The bytes the characters before this one take beyond their units.
    fn extra_before(&self, unit: ColumnUnit) -> usize {
        match unit {
            ColumnUnit::Utf8 => 0,
            ColumnUnit::Utf16 => self.extra16 as usize,
            ColumnUnit::Char => self.extra_char as usize,
        }
    }
}

/// The offset of the first byte of `bytes` from `from` on that is not ASCII, if any: sixteen bytes
/// at a time where the processor tests them at once (their high bits gathered into a number), a
/// byte at a time otherwise and for the last few.
fn first_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_movemask_epi8};
        while let Some(block) = bytes.get(at..at + 16) {
            // SAFETY: `block` holds sixteen bytes, which an unaligned load reads; SSE2 is part of
            // the x86-64 baseline.
            let high =
                unsafe { _mm_movemask_epi8(_mm_loadu_si128(block.as_ptr().cast::<__m128i>())) };
            if high != 0 {
                return Some(at + high.trailing_zeros() as usize);
            }
            at += 16;
        }
    }
    bytes
        .get(at..)?
        .iter()
        .position(|b| !b.is_ascii())
        .map(|k| at + k)
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // About one line in 60 bytes; one iterator over the whole text rather than a search per
        // line (the parser and every printer build this index for each file).
        let mut starts = Vec::with_capacity(bytes.len() / 48 + 2);
        starts.push(0u32);
        // Most texts have no CR: then only LF is looked for, and the same pass says whether the
        // text is ASCII.
        let ascii = if memchr::memchr(b'\r', bytes).is_none() {
            Self::starts_after_lf(bytes, &mut starts)
        } else {
            Self::starts_with_cr(bytes, &mut starts);
            bytes.is_ascii()
        };
        Self::with_starts(text, starts, ascii)
    }

    /// The index of a text whose line starts are known already: `starts` holds 0 and the byte
    /// offset after every line break (LF, CR or CRLF) of `text`, in order, as [`LineIndex::new`]
    /// finds them (the formatter knows them of the text it writes). Debug builds check them.
    pub fn with_line_starts(text: &str, starts: Vec<u32>) -> Self {
        let index = Self::with_starts(text, starts, text.is_ascii());
        debug_assert_eq!(
            index.starts,
            LineIndex::new(text).starts,
            "the line starts given are those of the text"
        );
        index
    }

    /// The index from the line starts and whether the text is ASCII: the non-ASCII characters are
    /// found when there are any.
    fn with_starts(text: &str, starts: Vec<u32>, ascii: bool) -> Self {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let (mut extra16, mut extra_char) = (0u32, 0u32);
        // Non-ASCII characters are rare in cables: most texts are ASCII throughout, and in the
        // others the ASCII between them is skipped sixteen bytes at a time.
        let mut i = if ascii { bytes.len() } else { 0 };
        while let Some(at) = first_non_ascii(bytes, i) {
            // `at` is at the first byte of a character: the bytes before it from `i` are ASCII,
            // and a character's continuation bytes are skipped below.
            let ch = text[at..].chars().next().expect("a character starts here");
            let (len, len16) = (ch.len_utf8() as u8, ch.len_utf16() as u8);
            wide.push(Wide {
                offset: at as u32,
                len,
                len16,
                extra16,
                extra_char,
            });
            extra16 += u32::from(len - len16);
            extra_char += u32::from(len - 1);
            i = at + len as usize;
        }
        LineIndex {
            starts,
            ascii: wide.is_empty(),
            wide,
            len: text.len() as u32,
        }
    }

    /// Pushes the start of every line after the first of a text without CR: after each LF.
    /// Returns whether every byte is ASCII, read in the same pass. Sixteen bytes at a time where
    /// the processor compares them at once (memchr's search, made for long gaps, cost more per
    /// call than a whole line of forty-odd bytes this way), eight otherwise.
    fn starts_after_lf(bytes: &[u8], starts: &mut Vec<u32>) -> bool {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: SSE2 is part of the x86-64 baseline: every processor the target runs on
            // has it.
            unsafe { Self::starts_after_lf_sse2(bytes, starts) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            Self::starts_after_lf_portable(bytes, starts)
        }
    }

    /// [`LineIndex::starts_after_lf`] with SSE2: each block of sixteen bytes is compared with LF
    /// at once, and the results gathered as the bits of a number (bit `k` for byte `k`), as are
    /// the bytes' high bits.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "sse2")]
    fn starts_after_lf_sse2(bytes: &[u8], starts: &mut Vec<u32>) -> bool {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        let mut chunks = bytes.chunks_exact(16);
        let mut base = 0usize;
        let mut high = 0i32;
        let lf = _mm_set1_epi8(b'\n' as i8);
        for chunk in &mut chunks {
            // SAFETY: `chunk` holds sixteen bytes, which an unaligned load reads.
            let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
            high |= _mm_movemask_epi8(v);
            let mut found = _mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)) as u32;
            while found != 0 {
                starts.push((base + found.trailing_zeros() as usize + 1) as u32);
                found &= found - 1;
            }
            base += 16;
        }
        let rest = chunks.remainder();
        for (i, &b) in rest.iter().enumerate() {
            if b == b'\n' {
                starts.push((base + i + 1) as u32);
            }
        }
        high == 0 && rest.is_ascii()
    }

    /// [`LineIndex::starts_after_lf`] without processor-specific instructions, eight bytes at a
    /// time in a `u64`.
    #[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
    fn starts_after_lf_portable(bytes: &[u8], starts: &mut Vec<u32>) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        let mut chunks = bytes.chunks_exact(8);
        let mut base = 0usize;
        // The bytes' high bits, all together: zero when every byte is ASCII.
        let mut high = 0u64;
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            high |= word;
            let x = word ^ (ONES * u64::from(b'\n'));
            // The top bit of each byte of `x` that is zero, exactly: adding within the low seven
            // bits of a byte never carries into the next byte.
            let mut zero = !(((x & LOW7) + LOW7) | x | LOW7);
            while zero != 0 {
                // Bytes are numbered from the least significant, as `from_le_bytes` reads them.
                let i = zero.trailing_zeros() as usize / 8;
                starts.push((base + i + 1) as u32);
                zero &= zero - 1;
            }
            base += 8;
        }
        for (i, &b) in chunks.remainder().iter().enumerate() {
            if b == b'\n' {
                starts.push((base + i + 1) as u32);
            }
        }
        high & 0x8080_8080_8080_8080 == 0 && chunks.remainder().is_ascii()
    }

    /// Pushes the start of every line after the first of a text that has a CR: after each LF, CR
    /// and CRLF.
    fn starts_with_cr(bytes: &[u8], starts: &mut Vec<u32>) {
        let mut skip_lf_at = usize::MAX;
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if at == skip_lf_at {
                // The `\n` of a `\r\n`, whose line start is already recorded.
                continue;
            }
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                skip_lf_at = at + 1;
                starts.push((at + 2) as u32);
            } else {
                starts.push((at + 1) as u32);
            }
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
            (offset - start) - (self.extra_before(offset, unit) - self.extra_before(start, unit))
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
        let want = pos.col as usize;
        if self.ascii || unit == ColumnUnit::Utf8 {
            let mut at = range.start() + want;
            if at > range.end() {
                return (range.end(), true);
            }
            // A byte column inside a character counts as the character's end.
            let inside = !text.is_char_boundary(at);
            while !text.is_char_boundary(at) {
                at += 1;
            }
            return (at, inside);
        }
        // The non-ASCII characters of the line, and the last of them that starts at or before the
        // wanted column: the text between it (or the line's start) and the column is ASCII.
        let first = self
            .wide
            .partition_point(|w| (w.offset as usize) < range.start());
        let end = self
            .wide
            .partition_point(|w| (w.offset as usize) < range.end());
        let line = &self.wide[first..end];
        let base = self.extra_before(range.start(), unit);
        let col_of = |w: &Wide| w.offset as usize - range.start() - (w.extra_before(unit) - base);
        let k = line.partition_point(|w| col_of(w) <= want);
        let (at, clamped) = match k.checked_sub(1).map(|i| &line[i]) {
            None => (range.start() + want, false),
            Some(w) => {
                let col = col_of(w);
                if want == col {
                    (w.offset as usize, false)
                } else if want < col + w.units(unit) {
                    (w.offset as usize + w.len as usize, true)
                } else {
                    (
                        w.offset as usize + w.len as usize + (want - col - w.units(unit)),
                        false,
                    )
                }
            }
        };
        if at > range.end() {
            (range.end(), true)
        } else {
            (at, clamped)
        }
    }

    /// The bytes that the non-ASCII characters before a byte offset take beyond their units.
    fn extra_before(&self, offset: usize, unit: ColumnUnit) -> usize {
        let i = self.wide.partition_point(|w| (w.offset as usize) < offset);
        match self.wide.get(i) {
            Some(w) => w.extra_before(unit),
            None => self.wide.last().map_or(0, |w| {
                w.extra_before(unit) + (w.len as usize - w.units(unit).min(w.len as usize))
            }),
        }
    }
}

/// The text's line ending, from its first line break (`\n` when it has none).
pub fn line_ending(text: &str) -> &'static str {
    match memchr::memchr2(b'\n', b'\r', text.as_bytes()) {
        Some(i) if text.as_bytes()[i] == b'\r' => {
            if text.as_bytes().get(i + 1) == Some(&b'\n') {
                "\r\n"
            } else {
                "\r"
            }
        }
        _ => "\n",
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
    fn line_starts_agree_with_splitting_by_hand() {
        let texts = [
            "",
            "\n",
            "a\nb\n\nc",
            "a\r\nb\rc\n\r\n",
            "\u{e9}\n\u{1f600}\r",
            "no break at all",
            // LF at every place of the eight-byte words the scan reads, and bytes next to LF's
            // value (`\x0b`, `\x09`, `\x8a`) that a borrow between bytes would confuse with it.
            "\n1234567\n123456\n\n12345\x0b\n\x091234\n\n\n\n\n\n\n\n\u{28a}\n0123456789abcdef\n",
            "0123456\n0123456\n0123456\n\n\n\n\n",
        ];
        for text in texts {
            // Every line's start: after each CRLF, lone CR and lone LF.
            let b = text.as_bytes();
            let mut want = vec![0];
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                if matches!(b[i], b'\r' | b'\n') {
                    want.push(i + 1);
                }
                i += 1;
            }
            let idx = LineIndex::new(text);
            let got: Vec<usize> = (0..idx.line_count())
                .map(|l| idx.line_start(l).unwrap())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn both_scans_for_line_feeds_agree() {
        // Line feeds at every place of a block of sixteen bytes and past it, with a non-ASCII
        // character in the last block, in a middle one or nowhere.
        for len in 0usize..40 {
            for lf in 0..len {
                for wide in [None, Some(len / 2), Some(len.saturating_sub(1))] {
                    let mut text: String = (0..len)
                        .map(|i| if i == lf || i % 7 == 3 { '\n' } else { 'x' })
                        .collect();
                    if let Some(at) = wide.filter(|&at| at < len && at != lf) {
                        text.replace_range(at..at + 1, "\u{e9}");
                    }
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let ascii = LineIndex::starts_after_lf(text.as_bytes(), &mut a);
                    let portable = LineIndex::starts_after_lf_portable(text.as_bytes(), &mut b);
                    assert_eq!((ascii, &a), (portable, &b), "{text:?}");
                    assert_eq!(ascii, text.is_ascii(), "{text:?}");
                }
            }
        }
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

    /// The conversions as they were first written: counting the characters of the line, which
    /// is quadratic over many positions on one line, but obviously right.
    fn naive_line_col(text: &str, idx: &LineIndex, offset: usize, unit: ColumnUnit) -> u32 {
        let start = idx.line_start(idx.line_of(offset)).unwrap();
        let slice = &text[start..offset];
        (match unit {
            ColumnUnit::Utf8 => slice.len(),
            ColumnUnit::Utf16 => slice.encode_utf16().count(),
            ColumnUnit::Char => slice.chars().count(),
        }) as u32
    }

    fn naive_offset(text: &str, idx: &LineIndex, pos: LineCol, unit: ColumnUnit) -> (usize, bool) {
        let Some(range) = idx.line_range(text, pos.line as usize) else {
            return (text.len(), true);
        };
        let want = pos.col as usize;
        let mut seen = 0usize;
        for (i, ch) in text[range.as_range()].char_indices() {
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

    #[test]
    fn indexed_conversions_agree_with_counting() {
        let texts = [
            "",
            "plain ascii\nsecond line\r\nthird\rlast",
            "¶1. (C) 😀x\r\nsecond é line\rthird\nlast😀",
            "😀😀😀\n\nææ\r\n\r\n¶",
            "é",
            "a\u{2028}b\u{85}c\nd😀e\n",
            // Wide characters and line breaks across the 32-byte steps of the index's ASCII scan.
            "0123456789012345678901234567890😀\r\n0123456789012345678901234é\r\n\r¶0123456789012345678901234567890\r\nab",
        ];
        for text in texts {
            let idx = LineIndex::new(text);
            for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
                for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                    let lc = idx.line_col(text, offset, unit);
                    assert_eq!(lc.line as usize, idx.line_of(offset));
                    assert_eq!(
                        lc.col,
                        naive_line_col(text, &idx, offset, unit),
                        "{text:?} {offset} {unit:?}"
                    );
                }
                for line in 0..idx.line_count() as u32 + 2 {
                    for col in 0..24 {
                        let pos = LineCol { line, col };
                        assert_eq!(
                            idx.offset(text, pos, unit),
                            naive_offset(text, &idx, pos, unit),
                            "{text:?} {pos:?} {unit:?}"
                        );
                    }
                }
            }
        }
    }
}
