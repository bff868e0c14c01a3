//! The formatter's own safety net: the formatted text must read, element by element, as the
//! input did. Anything else is refused rather than written.

use super::Unformattable;
use crate::syntax::{self, Cable, TextRange};

/// A banner's level, section, origin and serial.
type BannerReading<'a> = (
    crate::vocab::BannerLevel,
    Option<(u32, u32)>,
    Option<&'a str>,
    Option<u32>,
);

/// The header lines of a cable, without trailing blanks.
fn header_lines<'c, 'a>(c: &'c Cable<'a>) -> impl Iterator<Item = &'a str> + 'c {
    c.lines
        .iter()
        .filter(|l| l.kind.is_header_line())
        .map(move |l| c.text(l.range).trim_end())
}

/// The banner's level, section, origin and serial as read.
fn banner<'a>(c: &Cable<'a>) -> Option<BannerReading<'a>> {
    c.body.banner.as_ref().map(|x| {
        (
            x.level,
            x.section.map(|(n, m)| (n.value, m.value)),
            x.origin.map(|o| c.text(o)),
            x.serial.map(|s| s.value),
        )
    })
}

/// Whether a marking of `a` (a paragraph's or the SUBJECT line's) reads as the one in the same
/// place of `b`: both absent, or `y` is `x` as written or, in `b`, its canonical spelling where the
/// formatter writes that ([`Cable::respelt_marking`]: `(Sbu)` as `(SBU)`), and nothing else.
fn same_marking(
    a: &Cable,
    b: &Cable,
    x: Option<&syntax::Marking>,
    y: Option<&syntax::Marking>,
) -> bool {
    match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            let (before, after) = (a.text(x.range), b.text(y.range));
            before == after || a.respelt_marking(x, a.sentence_case()).as_deref() == Some(after)
        }
        _ => false,
    }
}

/// The words of a cable's passing instructions (`DEPT FOR EUR/NB`), in order: a line the parser
/// reads as one (a line before E.O. that is no sentence, in a cable without E.O., TAGS and
/// SUBJECT) must stay one, and no line of text may become one.
fn passing_words<'c>(c: &'c Cable) -> impl Iterator<Item = &'c str> + 'c {
    c.body
        .passing
        .iter()
        .flat_map(move |r| c.text(*r).split_whitespace())
}

/// Whether paragraph `k` has the same number and marking ([`same_marking`]) in `a` and `b`.
fn same_paragraph(a: &Cable, b: &Cable, k: usize) -> bool {
    let (p, q) = (&a.body.paragraphs[k], &b.body.paragraphs[k]);
    p.number.value == q.number.value && same_marking(a, b, p.marking.as_ref(), q.marking.as_ref())
}

/// The first element that the parser reads differently in `a` and `b`, named for the message,
/// or `None` when they read alike. What is compared is what a cable says as the parser reads it,
/// with layout left out: the header lines, the banner's level, section, origin and serial,
/// captions, passing instructions, the E.O. number and value, TAGS codes, SUBJECT words, REF
/// items, the classification reasons, each paragraph's number and marking, continuation headers,
/// the signature, end markers and unreadable header lines. Summary and comment markers are left
/// out: joining `End` / `Comment.` makes the parser read a closer where it read an opener, and
/// the formatter never splits `End Summary` (the corpus test compares the findings of every
/// rule). The elements are compared in place, one after another, without building a copy of
/// either reading.
fn first_difference(a: &Cable, b: &Cable) -> Option<&'static str> {
    let same_header = header_lines(a).eq(header_lines(b));
    let (ba, bb) = (&a.body, &b.body);
    let eo = |c: &Cable<'_>| {
        c.body
            .eo
            .as_ref()
            .map(|e| (e.number.map(|n| n.value), std::mem::discriminant(&e.value)))
    };
    let same_tags = match (&ba.tags, &bb.tags) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x.tokens.len() == y.tokens.len()
                && x.tokens.iter().zip(&y.tokens).all(|(p, q)| {
                    a.text(p.code)
                        .split_whitespace()
                        .eq(b.text(q.code).split_whitespace())
                })
        }
        // A TAGS line without codes reads as none.
        (Some(x), None) => x.tokens.is_empty(),
        (None, Some(y)) => y.tokens.is_empty(),
    };
    let same_subject = match (&ba.subject, &bb.subject) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            same_marking(a, b, x.marking.as_ref(), y.marking.as_ref())
                && x.text
                    .map_or("", |t| a.text(t))
                    .split_whitespace()
                    .eq(y.text.map_or("", |t| b.text(t)).split_whitespace())
        }
        _ => false,
    };
    let classified_by = |c: &Cable<'_>| c.body.classified_by.as_ref().map(|x| x.letters.len());
    let same_classified_by = classified_by(a) == classified_by(b)
        && match (&ba.classified_by, &bb.classified_by) {
            (Some(x), Some(y)) => x
                .letters
                .iter()
                .map(|l| l.1)
                .eq(y.letters.iter().map(|l| l.1)),
            _ => true,
        };
    let same_paragraphs = ba.paragraphs.len() == bb.paragraphs.len()
        && (0..ba.paragraphs.len()).all(|k| same_paragraph(a, b, k));
    if !same_header {
        Some("the header")
    } else if banner(a) != banner(b) {
        Some("the banner")
    } else if !ba
        .captions
        .iter()
        .map(|x| x.kind)
        .eq(bb.captions.iter().map(|x| x.kind))
    {
        Some("the captions")
    } else if !passing_words(a).eq(passing_words(b)) {
        Some("the passing instructions")
    } else if eo(a) != eo(b) {
        Some("the E.O. line")
    } else if !same_tags {
        Some("TAGS")
    } else if !same_subject {
        Some("SUBJECT")
    } else if ba.refs.as_ref().map(|r| r.items.len()) != bb.refs.as_ref().map(|r| r.items.len()) {
        Some("REF")
    } else if !same_classified_by {
        Some("the classification authority")
    } else if !same_paragraphs {
        Some("the paragraph numbers or markings")
    } else if ba.continuations.len() != bb.continuations.len() {
        Some("the continuation headers")
    } else if ba.signature.map(|s| a.text(s)) != bb.signature.map(|s| b.text(s)) {
        Some("the signature")
    } else if ba.end_markers.len() != bb.end_markers.len()
        || super::layout::unreadable_header(a).len() != super::layout::unreadable_header(b).len()
    {
        Some("the end markers")
    } else if release_marks(a) != release_marks(b) {
        Some("a release mark (a trailer or notice line, a banner repeated)")
    } else {
        None
    }
}

/// How many release marks the parser reads in a cable by a line's shape: lines read as a release
/// notice, database line or trailer line ([`syntax::LineKind::Artifact`]) or as a received copy's
/// distribution lines, page headers, banners repeated in the text, a garbled banner and lines that
/// end with the export's ` \`. A text the formatter lays out holds none (it refuses one that
/// does), so a layout that wrote one, by wrapping `SECRET` or `S E C R E T` onto a line of its
/// own, would give a text it refuses.
fn release_marks(c: &Cable) -> usize {
    let lines = c.lines.iter().filter(|l| {
        if matches!(
            l.kind,
            syntax::LineKind::Artifact | syntax::LineKind::HeaderNoise
        ) {
            return true;
        }
        // The header's lines are compared as written ([`header_lines`]): the same lines read the
        // same.
        if l.kind.is_header_line() {
            return false;
        }
        // The line's bytes, without the character-boundary checks of a `str` slice.
        let t = &c.src.as_bytes()[l.range.start()..l.range.end()];
        // Byte tests first, which rule out nearly every line: a page header starts with `PAGE`,
        // `TO` or `INFO` after any blanks, and the line ends with ` \` before any blanks.
        let page_header = matches!(
            t,
            [b'P', b'A', b'G', b'E', b' ', ..]
                | [b'T', b'O', b' ', ..]
                | [b'I', b'N', b'F', b'O', b' ', ..]
                | [b' ' | b'\t' | 0x0b | 0x0c | 0x80..=0xff, ..]
        ) && syntax::is_page_header(c.text(l.range));
        page_header || {
            // `str::trim_end`, read as bytes while they are ASCII.
            match t.iter().rposition(|&b| !matches!(b, b'\t'..=b'\r' | b' ')) {
                Some(e) if t[e].is_ascii() => t[..=e].ends_with(b" \\"),
                Some(_) => c.text(l.range).trim_end().ends_with(" \\"),
                None => false,
            }
        }
    });
    let banners = c.body.repeated_banners.len();
    let garbled = c.body.banner.as_ref().is_some_and(|b| b.garbled);
    lines.count() + banners + usize::from(garbled)
}

/// Checks that `formatted` reads as `input` does: the header, banner, captions, passing
/// instructions, E.O., TAGS, SUBJECT, REF, classification authority, paragraph numbers and
/// markings, continuation headers, signature and end markers the parser finds are the same (the
/// check [`super::format`] makes before it returns a changed text; the fuzz target of `fmt` calls
/// it too).
///
/// # Errors
/// [`Unformattable`] naming the first element that reads differently.
pub fn same_reading(input: &Cable, formatted: &str) -> Result<(), Unformattable> {
    same_reading_indexed(input, formatted, syntax::LineIndex::new(formatted))
}

/// As [`same_reading`], with the line index of `formatted` given.
///
/// # Errors
/// As [`same_reading`].
pub(super) fn same_reading_indexed(
    input: &Cable,
    formatted: &str,
    index: syntax::LineIndex,
) -> Result<(), Unformattable> {
    // The reading leaves out markers, artifacts and the document kind, so the parse that gives it
    // skips them.
    let after = syntax::parse_indexed(formatted, index, syntax::Depth::Elements);
    match first_difference(input, &after) {
        None if same_words(input, &after) => Ok(()),
        None => Err(Unformattable {
            line: None,
            reason: "the canonical layout would change the words of the text, so the cable is \
                     left as written"
                .to_string(),
        }),
        Some(what) => Err(Unformattable {
            line: None,
            reason: format!(
                "the canonical layout would change how {what} reads, so the cable is left as \
                 written"
            ),
        }),
    }
}

/// The ranges of a cable whose words the formatter writes anew (the banner's classification, which
/// it spaces or unspaces, the labels of E.O., TAGS, SUBJECT, REF and the classification
/// authority, whose spelling it makes canonical, and the SUBJECT line's marking, which it may
/// respell and [`first_difference`] compares), in order.
fn respelled(c: &Cable) -> ([TextRange; 7], usize) {
    let b = &c.body;
    let mut out = [TextRange::empty(0); 7];
    let mut n = 0;
    let found = [
        b.banner.as_ref().map(|x| x.level_token),
        b.eo.as_ref().map(|x| x.label),
        b.tags.as_ref().map(|x| x.label),
        b.subject.as_ref().map(|x| x.label),
        b.subject
            .as_ref()
            .and_then(|x| x.marking.as_ref())
            .map(|m| m.range),
        b.refs.as_ref().map(|x| x.label),
        b.classified_by.as_ref().map(|x| x.label),
    ];
    for r in found.into_iter().flatten() {
        out[n] = r;
        n += 1;
    }
    out[..n].sort_by_key(|r| r.start());
    (out, n)
}

/// The words of a part of a text as the formatter must keep them, one after another without
/// allocating: the runs of letters, digits and non-ASCII characters other than `¶`, numbers
/// without their leading zeros (the formatter pads serials, sections and dates), leaving out the
/// words that start in one of the respelled ranges and, when `markings` is set, in a paragraph's
/// portion marking (which [`same_paragraph`] compares).
struct Words<'a> {
    b: &'a [u8],
    at: usize,
    end: usize,
    skip: [TextRange; 7],
    skips: usize,
    k: usize,
    /// The paragraphs' markings, in order, when they are left out (empty, and not allocated,
    /// otherwise).
    marks: Vec<TextRange>,
    m: usize,
}

impl<'a> Words<'a> {
    fn new(c: &Cable<'a>, start: usize, end: usize, markings: bool) -> Words<'a> {
        let (skip, skips) = respelled(c);
        let marks = if markings {
            (c.body.paragraphs.iter())
                .filter_map(|p| p.marking.as_ref().map(|m| m.range))
                .collect()
        } else {
            Vec::new()
        };
        Words {
            b: c.src.as_bytes(),
            at: start,
            end,
            skip,
            skips,
            k: 0,
            marks,
            m: 0,
        }
    }

    /// Whether the byte at `i` is part of a word: an ASCII letter or digit, or a byte of a
    /// non-ASCII character other than the pilcrow `¶` (U+00B6, bytes C2 B6).
    #[inline]
    fn in_word(&self, i: usize) -> bool {
        let c = self.b[i];
        WORD_BYTE[usize::from(c)] && (c < 0x80 || !self.in_pilcrow(i))
    }

    /// Whether the non-ASCII byte at `i` is one of the two bytes of a pilcrow.
    fn in_pilcrow(&self, i: usize) -> bool {
        let c = self.b[i];
        (c == 0xc2 && self.b.get(i + 1) == Some(&0xb6))
            || (c == 0xb6 && i > 0 && self.b[i - 1] == 0xc2)
    }
}

/// The bytes that may be part of a word, by value: ASCII letters and digits, and every byte of a
/// non-ASCII character (the pilcrow's two bytes, which are none, are told apart by
/// [`Words::in_pilcrow`]). One load a byte where the words are read, a few thousand bytes a cable.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i >= 0x80 || (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

impl<'a> Iterator for Words<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        // The part to read, so that the byte tests below need no bounds check of their own.
        let part = &self.b[..self.end];
        loop {
            let mut at = self.at;
            while part
                .get(at)
                .is_some_and(|&c| !WORD_BYTE[usize::from(c)] || (c >= 0x80 && self.in_pilcrow(at)))
            {
                at += 1;
            }
            if at >= part.len() {
                self.at = at;
                return None;
            }
            let start = at;
            while part
                .get(at)
                .is_some_and(|&c| WORD_BYTE[usize::from(c)] && (c < 0x80 || !self.in_pilcrow(at)))
            {
                at += 1;
            }
            self.at = at;
            while self.k < self.skips && self.skip[self.k].end() <= start {
                self.k += 1;
            }
            if self.k < self.skips && self.skip[self.k].start() <= start {
                continue;
            }
            while self.m < self.marks.len() && self.marks[self.m].end() <= start {
                self.m += 1;
            }
            if self.m < self.marks.len() && self.marks[self.m].start() <= start {
                continue;
            }
            let mut w = &self.b[start..self.at];
            while w.len() > 1 && w[0] == b'0' && w[1].is_ascii_digit() {
                w = &w[1..];
            }
            return Some(w);
        }
    }
}

/// Whether two readings of a text hold the same words in the same order ([`Words`]). Only the
/// part between the longest common beginning and end of the two texts (widened to whole lines) is
/// read: what both texts hold byte for byte holds the same words.
fn same_words(input: &Cable, after: &Cable) -> bool {
    let (a, b) = (input.src.as_bytes(), after.src.as_bytes());
    let n = a.len().min(b.len());
    let mut p = 0;
    while p + 32 <= n && a[p..p + 32] == b[p..p + 32] {
        p += 32;
    }
    while p < n && a[p] == b[p] {
        p += 1;
    }
    // Back to the start of the line, so that no word is cut.
    let p = memchr::memrchr(b'\n', &a[..p]).map_or(0, |i| i + 1);
    let room = n - p;
    let mut s = 0;
    while s + 32 <= room && a[a.len() - s - 32..a.len() - s] == b[b.len() - s - 32..b.len() - s] {
        s += 32;
    }
    while s < room && a[a.len() - s - 1] == b[b.len() - s - 1] {
        s += 1;
    }
    // On to the start of the next line in the common end.
    let (mut ea, mut eb) = (a.len() - s, b.len() - s);
    match memchr::memchr(b'\n', &a[ea..]) {
        Some(i) => {
            ea += i + 1;
            eb += i + 1;
        }
        None => {
            ea = a.len();
            eb = b.len();
        }
    }
    let (ea, eb) = (ea.max(p), eb.max(p));
    // Where the formatter respelt a marking (`(Sbu)` as `(SBU)`), the markings' words are left
    // out on both sides: [`same_paragraph`] has compared them, accepting that change alone.
    let sentence_case = input.sentence_case();
    let markings = input.body.paragraphs.iter().any(|p| {
        (p.marking.as_ref()).is_some_and(|m| input.respelt_marking(m, sentence_case).is_some())
    });
    let (mut x, mut y) = (
        Words::new(input, p, ea, markings),
        Words::new(after, p, eb, markings),
    );
    // Where the two texts run on byte for byte (most of a re-wrapped paragraph: they part only
    // where one has a line break and the other a space), their words are the same; only from the
    // start of the word they part in are words read and compared.
    loop {
        let (mut i, mut j) = (x.at, y.at);
        loop {
            // On to the first byte where they differ, 16 bytes at a time: the lowest set bit of
            // the two blocks' difference is in the first byte that differs.
            loop {
                if i + 16 <= ea && j + 16 <= eb {
                    let d = chunk(a, i) ^ chunk(b, j);
                    let k = (d.trailing_zeros() / 8) as usize;
                    i += k;
                    j += k;
                    if k == 16 {
                        continue;
                    }
                    break;
                }
                while i < ea && j < eb && a[i] == b[j] {
                    i += 1;
                    j += 1;
                }
                break;
            }
            // Where both texts have whitespace (a line break where the other has a space, most
            // of a re-wrapped paragraph), both runs of it end the word before them and start
            // none: what follows them is compared on. So where both had whitespace just before
            // and one has more of it (two spaces after a full stop where the layout writes one).
            let both_white =
                |i: usize, j: usize| a[i].is_ascii_whitespace() && b[j].is_ascii_whitespace();
            if i < ea
                && j < eb
                && (both_white(i, j)
                    || (i > x.at
                        && j > y.at
                        && both_white(i - 1, j - 1)
                        && (a[i].is_ascii_whitespace() || b[j].is_ascii_whitespace())))
            {
                while i < ea && a[i].is_ascii_whitespace() {
                    i += 1;
                }
                while j < eb && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                continue;
            }
            break;
        }
        while i > x.at && x.in_word(i - 1) {
            i -= 1;
            j -= 1;
        }
        (x.at, y.at) = (i, j);
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(u), Some(v)) if u == v => {}
            _ => return false,
        }
    }
}

/// The 16 bytes from `i`, as one number to compare at once (little-endian: the first byte is the
/// lowest, so that the lowest set bit of a difference is in the first byte that differs).
fn chunk(b: &[u8], i: usize) -> u128 {
    let mut c = [0; 16];
    c.copy_from_slice(&b[i..i + 16]);
    u128::from_le_bytes(c)
}
