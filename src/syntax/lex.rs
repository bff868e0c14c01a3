//! Small byte-level helpers the parser uses to read tokens without allocating.

use super::text::TextRange;

/// A line being read: its text and the offset of its first byte in the document.
#[derive(Clone, Copy, Debug)]
pub struct Src<'a> {
    pub text: &'a str,
    pub offset: usize,
}

impl<'a> Src<'a> {
    #[inline]
    pub fn new(text: &'a str, offset: usize) -> Self {
        Src { text, offset }
    }

    /// The document range of a byte range relative to this line.
    #[inline]
    pub fn range(&self, start: usize, end: usize) -> TextRange {
        TextRange::new(self.offset + start, self.offset + end)
    }

    #[inline]
    pub fn full(&self) -> TextRange {
        self.range(0, self.text.len())
    }

    /// The part of the line from `start`, as a new `Src`.
    #[inline]
    pub fn from(&self, start: usize) -> Src<'a> {
        Src {
            text: &self.text[start..],
            offset: self.offset + start,
        }
    }

    /// The line without leading and trailing white space.
    #[inline]
    pub fn trim(&self) -> Src<'a> {
        let rest = trim_start(self.text);
        Src {
            text: trim_end(rest),
            offset: self.offset + (self.text.len() - rest.len()),
        }
    }

    /// White-space separated words with their relative byte ranges.
    #[inline]
    pub fn words(&self) -> Words<'a> {
        Words {
            text: self.text,
            pos: 0,
        }
    }
}

pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let b = self.text.as_bytes();
        while self.pos < b.len() && is_space(b[self.pos]) {
            self.pos += 1;
        }
        if self.pos >= b.len() {
            return None;
        }
        let start = self.pos;
        while self.pos < b.len() && !is_space(b[self.pos]) {
            self.pos += 1;
        }
        Some((start, self.pos, &self.text[start..self.pos]))
    }
}

/// Whether a byte is an ASCII character that `char::is_whitespace` takes for white space: tab, line
/// feed, vertical tab, form feed, carriage return and space.
#[inline]
fn is_ascii_white(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `str::trim_start`: ASCII white space is skipped a byte at a time, and the library's Unicode
/// search runs only from a non-ASCII byte (a cable's lines are almost all ASCII, and the parser
/// trims every line several times).
#[inline]
pub fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_ascii_white(b[i]) {
        i += 1;
    }
    // `i` follows ASCII bytes only, so it is a character boundary.
    if b.get(i).is_some_and(|&c| !c.is_ascii()) {
        return s[i..].trim_start();
    }
    &s[i..]
}

/// `str::trim_end`, as [`trim_start`] reads it.
#[inline]
pub fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 && is_ascii_white(b[i - 1]) {
        i -= 1;
    }
    // The bytes after `i` are ASCII, so `i` is a character boundary.
    if i > 0 && !b[i - 1].is_ascii() {
        return s[..i].trim_end();
    }
    &s[..i]
}

/// The first index of sorted `v` whose value is `at` or more (`v.partition_point(|&q| q < at)`),
/// stepping on from `cursor`, the last answer, when `at` is not before it, and searching otherwise;
/// `cursor` becomes the answer. Lines asked about in the order of the text find theirs in a few
/// steps rather than by a binary search per line (whose mispredicted branches cost more).
pub fn first_from(v: &[u32], cursor: &std::cell::Cell<usize>, at: usize) -> usize {
    let mut i = cursor.get().min(v.len());
    if i > 0 && v[i - 1] as usize >= at {
        i = v.partition_point(|&q| (q as usize) < at);
    }
    while i < v.len() && (v[i] as usize) < at {
        i += 1;
    }
    cursor.set(i);
    i
}

/// `s.starts_with(prefix)`, written out where it is called. The parser tries most lines against
/// many literal prefixes; the library's `<[u8]>::starts_with` is one function shared by the crate's
/// codegen units, which the release profile (no LTO) calls, with a `memcmp` of unknown length, for
/// every test, while here the prefix's length is known and the comparison is a few loads.
#[inline(always)]
pub fn has_prefix(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()] == *prefix.as_bytes()
}

/// `str::trim`, as [`trim_start`] reads it.
#[inline]
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

#[inline]
pub fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == 0x0c || b == 0x0b
}

#[inline]
pub fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

pub fn all_upper(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase())
}

pub fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !all_digits(s) {
        return None;
    }
    s.parse().ok()
}

/// Whether `s` starts with `prefix`, ignoring ASCII case.
#[inline]
pub fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Finds `needle` (ASCII, any case) in `hay`, at a word start.
pub fn find_word_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    let first_lower = n[0].to_ascii_lowercase();
    let first_upper = n[0].to_ascii_uppercase();
    let mut i = 0;
    while i + n.len() <= h.len() {
        let rest = &h[i..h.len() - n.len() + 1];
        let p = memchr::memchr2(first_lower, first_upper, rest)?;
        let at = i + p;
        if h[at..at + n.len()].eq_ignore_ascii_case(n)
            && (at == 0 || !h[at - 1].is_ascii_alphanumeric())
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_ranges() {
        let s = Src::new("  DE RUEHKO  #2232/01", 10);
        let w: Vec<_> = s.words().collect();
        assert_eq!(w.len(), 3);
        assert_eq!(w[1], (5, 11, "RUEHKO"));
        assert_eq!(s.range(w[1].0, w[1].1), TextRange::new(15, 21));
    }

    #[test]
    fn trims_as_the_library_does() {
        let cases = [
            "",
            "   ",
            "\t\x0b\x0c\r\n",
            "  ABC  ",
            "\u{a0}ABC\u{3000}",
            " \u{2003} wide \u{2003} ",
            "\u{1c}ABC\u{1f}",
            "\u{85}",
            "€ND €",
            " ¶1. (C) Text ",
            "\u{feff}BOM ",
            "\x7f ",
        ];
        for s in cases {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
            let src = Src::new(s, 7).trim();
            assert_eq!(src.text, s.trim(), "{s:?}");
            assert_eq!(src.offset, 7 + s.len() - s.trim_start().len(), "{s:?}");
        }
    }

    #[test]
    fn word_search_is_case_insensitive_at_word_starts() {
        assert_eq!(find_word_ci("x End Summary.", "end summary"), Some(2));
        assert_eq!(find_word_ci("weekend summary", "end summary"), None);
    }
}
