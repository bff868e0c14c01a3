//! Words → units that are never split → lines of at most a given width.
//!
//! Units borrow the source wherever they can (a word, or a run of words already written with
//! single spaces); only a unit whose words the source separates otherwise is built anew. Wrapping
//! writes into one output buffer and records where each line starts and ends, so that laying out a
//! cable allocates per cable, not per line or word.

use std::borrow::Cow;

use crate::syntax::{parse_marking, TextRange};

/// A piece of text a line is never broken inside: a word, a portion marking with spaces
/// (`(S/REL TO USA, FVEY)`) or a run of redaction words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<'a> {
    pub text: Cow<'a, str>,
    /// The width in characters.
    pub width: usize,
}

impl<'a> Unit<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> Unit<'a> {
        let text = text.into();
        let width = char_width(&text);
        Unit { text, width }
    }
}

/// One line a wrap wrote into its buffer: the byte range `start..end` and the width in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutLine {
    pub start: usize,
    pub end: usize,
    pub width: usize,
}

/// The width of a text in characters (bytes for ASCII, the common case).
pub fn char_width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether a word is a redaction run (`XXXXXXXXXXXX`, five or more X's in either case).
fn is_redaction(w: &str) -> bool {
    w.len() >= 5 && w.bytes().all(|b| b == b'X' || b == b'x')
}

/// Whether a word is `summary`, `comment` or `note` in any case, with any punctuation after it.
pub fn is_marker_word(w: &str) -> bool {
    let w = w.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    ["summary", "comment", "note"]
        .iter()
        .any(|m| w.eq_ignore_ascii_case(m))
}

/// Whether a word is `end` or `begin` in any case.
fn is_end_or_begin(w: &str) -> bool {
    (w.len() == 3 && w.eq_ignore_ascii_case("end"))
        || (w.len() == 5 && w.eq_ignore_ascii_case("begin"))
}

/// The words joined by single spaces: borrowed from `line` when they were cut from it (by
/// `split_ascii_whitespace`) with exactly one space between each two, built anew otherwise.
fn joined<'a>(words: &[&'a str], line: Option<&'a str>) -> Cow<'a, str> {
    if let Some(line) = line {
        let base = line.as_ptr() as usize;
        let (first, last) = (words[0], words[words.len() - 1]);
        let start = (first.as_ptr() as usize).wrapping_sub(base);
        let end = (last.as_ptr() as usize)
            .wrapping_sub(base)
            .wrapping_add(last.len());
        // Only what the words say is borrowed: the slice must be the words with single spaces.
        if let Some(s) = line.get(start..end) {
            if s.split(' ').eq(words.iter().copied()) {
                return Cow::Borrowed(s);
            }
        }
    }
    Cow::Owned(words.join(" "))
}

/// Groups words into units: a portion marking written with spaces becomes one unit, and so does a
/// run of redaction words.
pub fn units<'a>(words: &[&'a str]) -> Vec<Unit<'a>> {
    let mut out = Vec::with_capacity(words.len());
    push_units(words, None, &mut out);
    out
}

/// As [`units`], appending to `out`. When `line` is given, the words are slices of it and a unit
/// of several words borrows its text from it where it can.
pub fn push_units<'a>(words: &[&'a str], line: Option<&'a str>, out: &mut Vec<Unit<'a>>) {
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let b = w.as_bytes();
        if b.first() == Some(&b'(') && memchr::memchr(b')', b).is_none() {
            // A marking with spaces: `(S/REL TO NATO)`, `(C NF)`.
            if let Some(end) = (i + 1..words.len().min(i + 10)).find(|&j| words[j].contains(')')) {
                if words[end].ends_with(')') {
                    let text = joined(&words[i..=end], line);
                    let inner = &text[1..text.len() - 1];
                    if parse_marking(TextRange::new(0, text.len()), inner).is_some() {
                        out.push(Unit::new(text));
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        // `End Summary.`, `END COMMENT`, `Begin Note`: split across lines, the closer or opener
        // would no longer be read as one.
        if is_end_or_begin(w) && words.get(i + 1).is_some_and(|n| is_marker_word(n)) {
            out.push(Unit::new(joined(&words[i..i + 2], line)));
            i += 2;
            continue;
        }
        if is_redaction(w) {
            let mut end = i;
            while end + 1 < words.len() && is_redaction(words[end + 1]) {
                end += 1;
            }
            if end > i {
                out.push(Unit::new(joined(&words[i..=end], line)));
                i = end + 1;
                continue;
            }
        }
        out.push(Unit {
            text: Cow::Borrowed(w),
            width: char_width(w),
        });
        i += 1;
    }
}

/// The units of one line of text, appended to `out`: [`push_units`] of its words (split at ASCII
/// whitespace). A line without a word that may start a unit of several words (one opening a
/// marking, `End` or `Begin`, a redaction run) is split and turned into units in one pass;
/// `scratch` holds the words of the other lines.
pub fn push_line_units<'a>(line: &'a str, scratch: &mut Vec<&'a str>, out: &mut Vec<Unit<'a>>) {
    let b = line.as_bytes();
    let start = out.len();
    let ascii = line.is_ascii();
    let mut i = 0;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == b.len() {
            return;
        }
        let s = i;
        i = word_end(b, i);
        let w = &line[s..i];
        if may_join(w) {
            break;
        }
        out.push(Unit {
            text: Cow::Borrowed(w),
            width: if ascii { w.len() } else { char_width(w) },
        });
    }
    out.truncate(start);
    scratch.clear();
    scratch.extend(line.split_ascii_whitespace());
    push_units(scratch, Some(line), out);
}

/// The end of the word that starts at `i`: the first ASCII whitespace byte from `i`, or the end of
/// `b`. Eight bytes are tested at once for a byte below `!` (whitespace and the control bytes);
/// only such a byte is looked at closely.
#[inline]
pub(super) fn word_end(b: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const BANG: u64 = 0x2121_2121_2121_2121;
    while let Some(chunk) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte `c`: `(c | 0x80) - 0x21` borrows from no other byte, and its high bit is clear
        // when `c & 0x7F` is below 0x21; `!v` keeps the bytes below 0x80.
        let below_bang = !((v | HIGH) - BANG) & !v & HIGH;
        if below_bang == 0 {
            i += 8;
            continue;
        }
        let k = i + (below_bang.trailing_zeros() / 8) as usize;
        if b[k].is_ascii_whitespace() {
            return k;
        }
        i = k + 1;
    }
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Whether a word may start a unit of several words in [`push_units`] (a test that lets through
/// more than it must, never less): it opens with `(`, is `end` or `begin`, or is a redaction run.
#[inline]
pub(super) fn may_join(w: &str) -> bool {
    may_join_bytes(w.as_bytes())
}

/// As [`may_join`], for the bytes of a word (`false` for none).
#[inline]
pub(super) fn may_join_bytes(w: &[u8]) -> bool {
    match w.first() {
        Some(b'(') => true,
        Some(b'e' | b'E' | b'b' | b'B') => {
            (w.len() == 3 && w.eq_ignore_ascii_case(b"end"))
                || (w.len() == 5 && w.eq_ignore_ascii_case(b"begin"))
        }
        Some(b'x' | b'X') => w.len() >= 5 && w.iter().all(|&c| c == b'X' || c == b'x'),
        _ => false,
    }
}

/// Greedy wrapping: units joined by single spaces, a new line whenever the next unit would pass
/// `width`, unless `may_start(rest)` says that the units `rest` must not begin a line (then the
/// unit stays on the line, which is longer than `width`). A unit wider than `width` gets a line
/// of its own.
pub fn wrap(units: &[Unit], width: usize, may_start: impl Fn(&[Unit]) -> bool) -> Vec<String> {
    let mut buf = String::new();
    let mut lines = Vec::new();
    wrap_into(units, width, may_start, "", &mut buf, &mut lines);
    lines
        .iter()
        .map(|l| buf[l.start..l.end].to_string())
        .collect()
}

/// As [`wrap`], writing the lines one after another into `out` (without line breaks) and
/// appending where each starts and ends to `lines`. Units borrowed from `src` that follow each
/// other there with one space between them are copied as one run (most of a paragraph's words
/// were written with single spaces), so a line costs a copy or two, not one per word; the bytes
/// written are the same either way.
pub fn wrap_into(
    units: &[Unit],
    width: usize,
    may_start: impl Fn(&[Unit]) -> bool,
    src: &str,
    out: &mut String,
    lines: &mut Vec<OutLine>,
) {
    let Some(first) = units.first() else {
        return;
    };
    let mut run = Run::new(src);
    let mut start = out.len();
    run.push(&first.text, is_borrowed(first), false, out);
    let mut w = first.width;
    for (k, u) in units.iter().enumerate().skip(1) {
        if w + 1 + u.width > width && may_start(&units[k..]) {
            run.flush(out);
            lines.push(OutLine {
                start,
                end: out.len(),
                width: w,
            });
            start = out.len();
            run.push(&u.text, is_borrowed(u), false, out);
            w = u.width;
        } else {
            run.push(&u.text, is_borrowed(u), true, out);
            w += 1 + u.width;
        }
    }
    run.flush(out);
    lines.push(OutLine {
        start,
        end: out.len(),
        width: w,
    });
}

/// Whether a unit's text is borrowed (it may then be a slice of the text being formatted).
fn is_borrowed(u: &Unit) -> bool {
    matches!(u.text, Cow::Borrowed(_))
}

/// A stretch of `src` waiting to be copied to the output: `start..end`, empty when `start ==
/// end`.
pub(super) struct Run<'s> {
    src: &'s str,
    start: usize,
    end: usize,
}

impl<'s> Run<'s> {
    pub(super) fn new(src: &'s str) -> Run<'s> {
        Run {
            src,
            start: 0,
            end: 0,
        }
    }

    /// Writes the stretch waiting, if any.
    #[inline]
    pub(super) fn flush(&mut self, out: &mut String) {
        if self.start < self.end {
            out.push_str(&self.src[self.start..self.end]);
        }
        self.start = self.end;
    }

    /// Writes `text`, after a space when `space`: extends the stretch waiting when `text` follows
    /// it in `src` after exactly that space, else writes the stretch and starts a new one (or, for
    /// a text not borrowed from `src`, writes the text). `borrowed` says whether `text` may be a
    /// slice of `src` (a unit's text built anew never is).
    #[inline(always)]
    pub(super) fn push(&mut self, text: &str, borrowed: bool, space: bool, out: &mut String) {
        let at = (text.as_ptr() as usize).wrapping_sub(self.src.as_ptr() as usize);
        let borrowed = borrowed && at <= self.src.len() && self.src.len() - at >= text.len();
        if borrowed
            && self.start < self.end
            && space
            && at == self.end + 1
            && self.src.as_bytes()[self.end] == b' '
        {
            self.end = at + text.len();
            return;
        }
        self.flush(out);
        if space {
            out.push(' ');
        }
        if borrowed {
            self.start = at;
            self.end = at + text.len();
        } else {
            out.push_str(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(us: &[Unit]) -> Vec<String> {
        us.iter().map(|u| u.text.to_string()).collect()
    }

    #[test]
    fn markings_with_spaces_and_redaction_runs_are_single_units() {
        let us = units(&[
            "1.",
            "(S/REL",
            "TO",
            "USA,",
            "FVEY)",
            "said",
            "XXXXX",
            "XXXXXXXXXXXX",
            "(not",
            "a",
            "marking)",
            "End",
            "Summary.",
            "end",
            "of",
        ]);
        assert_eq!(
            texts(&us),
            [
                "1.",
                "(S/REL TO USA, FVEY)",
                "said",
                "XXXXX XXXXXXXXXXXX",
                "(not",
                "a",
                "marking)",
                "End Summary.",
                "end",
                "of"
            ]
        );
        assert_eq!(us[1].width, 20);
    }

    #[test]
    fn line_units_are_the_words_split_at_ascii_whitespace() {
        for line in [
            "plain words of a line",
            "  lead and trail  ",
            "tab\there\x0cform\rfeed and\x01control\x1fbytes in words",
            "abcdefghijklmnopqrstuvwxyz0123456789 x",
            "\u{e9}t\u{e9} d\u{e9}j\u{e0} \u{b6}12 long-words-without-any-space-at-all",
            "",
            "        ",
            "a b c d e f g h i j k l m n o p q r s t",
        ] {
            let (mut scratch, mut out) = (Vec::new(), Vec::new());
            push_line_units(line, &mut scratch, &mut out);
            let want: Vec<&str> = line.split_ascii_whitespace().collect();
            assert_eq!(texts(&out), want, "{line:?}");
            for u in &out {
                assert_eq!(u.width, u.text.chars().count());
            }
        }
    }

    #[test]
    fn wraps_greedily_and_respects_forbidden_starts() {
        let us = units(&["aaa", "bbb", "ccc", "dd"]);
        assert_eq!(wrap(&us, 7, |_| true), ["aaa bbb", "ccc dd"]);
        assert_eq!(wrap(&us, 7, |r| r[0].text != "ccc"), ["aaa bbb ccc", "dd"]);
        let us = units(&["¶¶¶¶", "ééé"]);
        assert_eq!(wrap(&us, 8, |_| true), ["¶¶¶¶ ééé"]);
        assert_eq!(
            wrap(&units(&["abcdefghij", "k"]), 5, |_| true),
            ["abcdefghij", "k"]
        );
    }
}
