//! The canonical layout: the parsed cable → the formatted text.

use std::borrow::Cow;

use std::ops::Range;

use super::wrap::{
    char_width, is_marker_word, may_join, may_join_bytes, push_line_units, push_units, units,
    word_end, wrap, OutLine, Run, Unit,
};
use super::{FormatOptions, TagsSeparator, Unformattable};
use crate::syntax::{
    paragraph_start, reads_as_mark_line, starts_element, starts_label, starts_ref_or_authority,
    ArtifactKind, Cable, DateStyle, Decl, DocumentKind, EoValue, LineKind, MarkerKind, Paragraph,
    TextRange,
};

/// How much room a line must leave before the wrap width for its break to count as the
/// drafter's: wrapping tools and typists do not fill lines to the last column.
const SHORT_LINE_SLACK: usize = 10;

/// Whether the break after a line of width `before` was made by the drafter: the next unit would
/// have fitted on the line with room to spare.
fn is_short(before: usize, next: usize, threshold: usize) -> bool {
    before + 1 + next + SHORT_LINE_SLACK <= threshold
}

/// Lines longer than this are text the export joined, not a wrap width.
const MAX_WRAP_ESTIMATE: usize = 100;

/// A text whose widest line followed by another is narrower than this was not wrapped (its
/// breaks are the drafter's, a list under a lead-in), not wrapped that narrow: 7 of the 2,000
/// corpus cables have a widest such line of 45 to 54 characters, the rest 55 or more (most 60 to
/// 69), the width of the cable forms.
const MIN_WRAP_ESTIMATE: usize = 50;

/// The element a line belongs to, for the blank lines between elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Header,
    Banner,
    Eo,
    Tags,
    Subject,
    Ref,
    ClassifiedBy,
    Paragraph,
    Other,
}

impl Class {
    fn in_group(self) -> bool {
        matches!(self, Class::Eo | Class::Tags | Class::Subject)
    }
}

/// What goes between two lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// One blank line when the input had any, none otherwise.
    Keep,
    /// Exactly one blank line.
    Force,
    /// No blank line.
    Forbid,
}

fn gap(prev: Class, cur: Class, continuation: bool) -> Gap {
    if continuation {
        return if cur == Class::Ref {
            Gap::Keep
        } else {
            Gap::Forbid
        };
    }
    if prev == Class::Header && cur == Class::Header {
        return Gap::Keep;
    }
    if matches!(prev, Class::Header | Class::Banner) {
        return Gap::Force;
    }
    match (prev.in_group(), cur.in_group()) {
        // A second SUBJECT or E.O. line is an element of its own.
        (true, true) if prev == cur => return Gap::Keep,
        (true, true) => return Gap::Forbid,
        (true, false) | (false, true) => return Gap::Force,
        _ => {}
    }
    if matches!(cur, Class::Ref | Class::ClassifiedBy | Class::Paragraph)
        || matches!(prev, Class::Ref | Class::ClassifiedBy)
    {
        return Gap::Force;
    }
    Gap::Keep
}

/// One output line before blank lines are placed, or a block of paragraph text laid out later.
enum Item<'a> {
    Line {
        class: Class,
        continuation: bool,
        /// Whether the input had a blank line before it.
        blank_before: bool,
        text: Cow<'a, str>,
        /// The input line it starts from; `None` for a further output line of the same input
        /// lines (a wrapped TAGS, SUBJECT or classification authority).
        line: Option<usize>,
    },
    Block {
        index: usize,
        blank_before: bool,
        /// The block's first input line.
        line: usize,
    },
}

/// Where one piece of the output comes from: the output from `output` up to the next slice's
/// `output` is the canonical layout of the input from `input` up to the next slice's `input`
/// (one line or block with the blank lines after it). Range formatting replaces whole slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    /// The byte offset in the input where the slice starts.
    pub input: usize,
    /// The byte offset in the output where its layout starts.
    pub output: usize,
    /// Whether the slice continues the element of the slice before (a REF item, a TAGS or
    /// classification authority continuation line), so that the two are formatted together.
    pub joins_previous: bool,
}

/// The formatted text and the slices it is made of, in order; the first starts at 0 in both.
pub struct Laid {
    pub text: String,
    pub slices: Vec<Slice>,
    /// The byte offset where each line of `text` starts: 0 and the offset after every line
    /// break, as [`crate::syntax::LineIndex::with_line_starts`] takes them.
    pub line_starts: Vec<u32>,
}

/// A run of lines of paragraph text (a numbered paragraph's first line and the lines after it, or
/// unnumbered text), re-wrapped as a whole.
struct Block {
    /// Its lines: a range of [`Blocks::lines`].
    lines: Range<usize>,
    paragraph: bool,
}

/// Every block of a cable, with their lines and units in two flat lists (a block's lines and a
/// line's units are ranges of them), so that building them allocates per cable, not per line.
struct Blocks<'a> {
    /// The cable's text, which most units borrow.
    src: &'a str,
    blocks: Vec<Block>,
    lines: Vec<BlockLine<'a>>,
    units: Vec<Unit<'a>>,
    /// The words of the line being read (kept to reuse its allocation).
    words: Vec<&'a str>,
    /// A text being tried (kept to reuse its allocation).
    scratch: String,
    /// Where the cable's summary, comment and note openers start ([`opener_starts`]).
    openers: Vec<usize>,
    /// The line width paragraphs are wrapped at ([`FormatOptions::line_width`]; 0: no wrapping).
    width: usize,
    /// What the parser read ahead of the text ([`read_ahead`]).
    ahead: ReadAhead,
}

struct BlockLine<'a> {
    /// The line as written (without trailing blanks), or its canonical form for a paragraph's
    /// first line (built only when lines are not wrapped: a wrapped line is read from its units).
    text: Cow<'a, str>,
    /// The width of the line as written, for telling a drafter's break from a wrap.
    input_width: usize,
    /// Indented or tabular: kept as it is, on a line of its own.
    verbatim: bool,
    /// Starts a list item: never joined to the line before.
    bullet: bool,
    /// Its units: a range of [`Blocks::units`] (empty for a verbatim line and a plain one).
    units: Range<usize>,
    /// Plain: its first word may start no unit of several words ([`may_join`]), so its units
    /// are not stored but read from its text while it is wrapped ([`Greedy`]); most lines are.
    plain: bool,
    /// Simple ([`LineScan::simple`], and not verbatim): its units are its words, one space between
    /// each two, so that it is wrapped a line at a time ([`wrap_segment`]).
    simple: bool,
    /// The width of its first unit (0 for a verbatim line).
    first_width: usize,
}

/// The laid-out blocks: every output line's text in one buffer, the lines of a block one after
/// another with the cable's line break between them (so that a block is written out with one
/// copy).
struct LaidBlocks {
    buf: String,
    /// The line break written between the lines of a block: the cable's own.
    eol: &'static str,
    lines: Vec<OutLine>,
    /// Each block's output lines: a range of `lines`.
    of_block: Vec<Range<usize>>,
}

/// A break between two lines kept because the first line was short.
struct ShortBreak {
    /// The block.
    block: usize,
    /// The index (in [`Blocks::lines`]) of the line after the break.
    line: usize,
    /// The width of the output line before the break.
    before: usize,
    /// The width of the first unit after it.
    next: usize,
}

pub fn layout<'a>(cable: &Cable<'a>, o: &FormatOptions) -> Result<Laid, Unformattable> {
    let banner_at = refuse(cable, o)?;
    let src = cable.src;
    let text_of = |i: usize| -> &'a str { cable.text(cable.lines[i].range) };
    let mut items: Vec<Item<'a>> = Vec::with_capacity(cable.lines.len());
    // Sized for the whole text at once, so that the lists are not copied as they grow (only lines
    // that are not plain store units: a few per cable).
    let mut blocks = Blocks {
        src,
        blocks: Vec::with_capacity(cable.body.paragraphs.len() + 8),
        lines: Vec::with_capacity(cable.lines.len()),
        units: Vec::with_capacity(src.len() / 64 + 16),
        words: Vec::new(),
        scratch: String::new(),
        openers: opener_starts(cable),
        width: o.line_width,
        ahead: read_ahead(cable, banner_at),
    };
    let mut blank = false;
    let push = |items: &mut Vec<Item<'a>>,
                blank: &mut bool,
                line: Option<usize>,
                class: Class,
                continuation: bool,
                text: Cow<'a, str>| {
        items.push(Item::Line {
            class,
            continuation,
            blank_before: std::mem::take(blank),
            text,
            line,
        });
    };

    // The header, as written.
    for i in 0..banner_at {
        let t = text_of(i);
        if is_blank(t) {
            blank = true;
        } else {
            push(
                &mut items,
                &mut blank,
                Some(i),
                Class::Header,
                false,
                Cow::Borrowed(t.trim_end()),
            );
        }
    }

    let body = &cable.body;
    let n = cable.lines.len();
    let mut i = banner_at;
    // The first paragraph whose first line is not before line `i`.
    let mut next_paragraph = 0;
    debug_assert!(
        body.paragraphs
            .windows(2)
            .all(|w| w[0].first_line.start() < w[1].first_line.start()),
        "the parser gives the paragraphs in the order of their lines"
    );
    while i < n {
        let line = cable.lines[i];
        let t = text_of(i);
        if i == banner_at {
            push(
                &mut items,
                &mut blank,
                Some(i),
                Class::Banner,
                false,
                banner_line(cable, t, o),
            );
            i += 1;
            continue;
        }
        match line.kind {
            LineKind::Blank => {
                blank = true;
                i += 1;
            }
            _ if is_blank(t) => {
                blank = true;
                i += 1;
            }
            LineKind::Eo => {
                push(
                    &mut items,
                    &mut blank,
                    Some(i),
                    Class::Eo,
                    false,
                    eo_line(cable, t, line.range),
                );
                i += 1;
            }
            LineKind::Tags => {
                let end = run_end(cable, i, LineKind::Tags);
                for (k, l) in tags_lines(cable, i, end, o).into_iter().enumerate() {
                    let line = (k == 0).then_some(i);
                    push(&mut items, &mut blank, line, Class::Tags, k > 0, l);
                }
                i = end;
            }
            LineKind::Subject => {
                let end = run_end(cable, i, LineKind::Subject);
                for (k, l) in subject_lines(cable, i, end, o).into_iter().enumerate() {
                    let line = (k == 0).then_some(i);
                    push(&mut items, &mut blank, line, Class::Subject, k > 0, l);
                }
                i = end;
            }
            LineKind::Ref => {
                let first = body
                    .refs
                    .as_ref()
                    .filter(|r| line.range.contains_inclusive(r.label.start()));
                let text = match first {
                    Some(r) => Cow::Owned(labelled("REF:", &src[r.label.end()..line.range.end()])),
                    None => ref_item(t),
                };
                push(
                    &mut items,
                    &mut blank,
                    Some(i),
                    Class::Ref,
                    first.is_none(),
                    text,
                );
                i += 1;
            }
            LineKind::ClassifiedBy => {
                let first = body
                    .classified_by
                    .as_ref()
                    .filter(|c| line.range.contains_inclusive(c.label.start()));
                let lines = match first {
                    Some(c) => classified_by_line(cable, c.label, line.range, o.line_width),
                    None => vec![Cow::Borrowed(t.trim_end())],
                };
                for (k, text) in lines.into_iter().enumerate() {
                    push(
                        &mut items,
                        &mut blank,
                        (k == 0).then_some(i),
                        Class::ClassifiedBy,
                        first.is_none() || k > 0,
                        text,
                    );
                }
                i += 1;
            }
            LineKind::Paragraph | LineKind::Text => {
                let mut end = i + 1;
                while end < n && cable.lines[end].kind == LineKind::Text && !is_blank(text_of(end))
                {
                    end += 1;
                }
                // The paragraphs are in the order of their lines: a cursor finds each line's
                // (a search from the first would take time growing with the square of their
                // number in a long text).
                while body
                    .paragraphs
                    .get(next_paragraph)
                    .is_some_and(|p| p.first_line.start() < line.range.start())
                {
                    next_paragraph += 1;
                }
                let paragraph = (line.kind == LineKind::Paragraph)
                    .then(|| body.paragraphs.get(next_paragraph))
                    .flatten()
                    .filter(|p| p.first_line == line.range);
                block(&mut blocks, cable, i, end, paragraph);
                items.push(Item::Block {
                    index: blocks.blocks.len() - 1,
                    blank_before: std::mem::take(&mut blank),
                    line: i,
                });
                i = end;
            }
            _ => {
                push(
                    &mut items,
                    &mut blank,
                    Some(i),
                    Class::Other,
                    false,
                    Cow::Borrowed(t.trim_end()),
                );
                i += 1;
            }
        }
    }

    // Emit, placing blank lines.
    let eol = crate::syntax::line_ending(src);
    let laid_out = layout_blocks(&blocks, o.line_width, src.len() + 64, eol);
    let mut out = String::with_capacity(src.len() + src.len() / 16 + 16);
    if cable.bom {
        out.push('\u{feff}');
    }
    let mut prev: Option<Class> = None;
    let mut line_starts: Vec<u32> = Vec::with_capacity(cable.lines.len() + 16);
    line_starts.push(0);
    // Emits one line (or a block's lines) after the blank line its gap asks for, with the line
    // start after it; returns where the line starts. A line's text holds no line break (it is
    // made of the input's lines); the starts of a block's further lines are the caller's.
    let mut emit = |out: &mut String,
                    line_starts: &mut Vec<u32>,
                    class: Class,
                    continuation: bool,
                    blank: bool,
                    t: &str| {
        if let Some(p) = prev {
            let put = match gap(p, class, continuation) {
                Gap::Keep => blank,
                Gap::Force => true,
                Gap::Forbid => false,
            };
            if put {
                push_eol(out, eol);
                line_starts.push(out.len() as u32);
            }
        }
        let at = out.len();
        out.push_str(t);
        push_eol(out, eol);
        line_starts.push(out.len() as u32);
        prev = Some(class);
        at
    };
    let mut slices: Vec<Slice> = Vec::with_capacity(items.len());
    let mut slice = |line: usize, output: usize, joins_previous: bool| {
        let input = if slices.is_empty() {
            0
        } else {
            cable.lines[line].range.start()
        };
        let output = if slices.is_empty() { 0 } else { output };
        slices.push(Slice {
            input,
            output,
            joins_previous,
        });
    };
    for item in &items {
        match item {
            Item::Line {
                class,
                continuation,
                blank_before,
                text,
                line,
            } => {
                let at = emit(
                    &mut out,
                    &mut line_starts,
                    *class,
                    *continuation,
                    *blank_before,
                    text,
                );
                if let Some(line) = line {
                    slice(*line, at, *continuation);
                }
            }
            Item::Block {
                index,
                blank_before,
                line,
            } => {
                let class = if blocks.blocks[*index].paragraph {
                    Class::Paragraph
                } else {
                    Class::Other
                };
                // The block's lines stand one after another in the buffer with their line breaks
                // between them: the block is written at once, and where each line starts is
                // where it starts in the buffer, moved.
                let lines = &laid_out.lines[laid_out.of_block[*index].clone()];
                if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
                    let text = &laid_out.buf[first.start..last.end];
                    let at = emit(
                        &mut out,
                        &mut line_starts,
                        class,
                        false,
                        *blank_before,
                        text,
                    );
                    slice(*line, at, false);
                    let end = line_starts.pop();
                    line_starts.extend(
                        lines[1..]
                            .iter()
                            .map(|l| (at + l.start - first.start) as u32),
                    );
                    line_starts.extend(end);
                }
            }
        }
    }
    Ok(Laid {
        text: out,
        slices,
        line_starts,
    })
}

/// Writes a line break: most are one byte (`\n`), which is pushed as a byte rather than copied
/// as a text of unknown length (a `memcpy` call whose length test the processor mispredicts).
#[inline(always)]
fn push_eol(out: &mut String, eol: &'static str) {
    match eol.as_bytes() {
        [b] => out.push(char::from(*b)),
        _ => out.push_str(eol),
    }
}

/// The index after the last line of kind `kind` that follows line `i` without a gap.
fn run_end(cable: &Cable, i: usize, kind: LineKind) -> usize {
    let mut end = i + 1;
    while end < cable.lines.len() && cable.lines[end].kind == kind {
        end += 1;
    }
    end
}

fn refused(line: Option<usize>, reason: impl Into<String>) -> Unformattable {
    Unformattable {
        line,
        reason: reason.into(),
    }
}

/// The header lines the parser could not read as their element, in document order, each with a
/// sentence saying why: a transmission identifier, DE line or date-time group that is not well
/// formed, or an addressee line without an address (the typed header records them; the rules
/// CBL101, CBL103, CBL105 and CBL117 report them).
pub(super) fn unreadable_header(cable: &Cable) -> Vec<(TextRange, String)> {
    let h = &cable.header;
    let mut out = Vec::new();
    if let Some(t) = h.transmission.as_ref().filter(|t| !t.valid) {
        let text = cable.text(t.range);
        out.push((t.range, format!("`{text}` is not `VZCZC` followed by a three-letter channel and a 3–4 digit sequence number")));
    }
    if let Some(de) = h.de.as_ref().filter(|d| !d.valid) {
        let text = cable.text(de.range);
        out.push((de.range, format!("`{text}` is not `DE <routing indicator> #<4-digit serial>[/<2-digit section>] <julian day><HHMM>`")));
    }
    if let Some(line) = &h.dtg {
        match line.dtg {
            Some(d) if !d.valid() || d.year == 0 => {
                let text = cable.text(d.range);
                out.push((
                    d.range,
                    format!("`{text}` is not a valid date-time group `DDHHMMZ MON YY`"),
                ));
            }
            Some(_) => {}
            None => {
                let text = cable.text(line.range);
                out.push((
                    line.range,
                    format!("`{text}` has no date-time group `DDHHMMZ MON YY`"),
                ));
            }
        }
    }
    for a in h.addressees.iter().filter(|a| a.address.is_none()) {
        let text = cable.text(a.range);
        out.push((a.range, format!("`{text}` has no plain-language address")));
    }
    out.sort_by_key(|(r, _)| r.start());
    out
}

/// Whether the cable can be laid out safely; the banner's line when it can.
fn refuse(cable: &Cable, o: &FormatOptions) -> Result<usize, Unformattable> {
    let line_of = |r: TextRange| cable.line_index.line_of(r.start());
    // Control characters (a NUL run from a damaged copy, say) are no words and no spaces: a wrap
    // could put a run of them on a line of its own, which then reads as something the text never
    // held. A cable holds none; such a text is left as it is.
    if let Some(at) = find_control(cable.src) {
        return Err(refused(
            Some(cable.line_index.line_of(at)),
            "the text holds control characters (such as NUL), which a cable never does; it is \
             left as written",
        ));
    }
    // A release record or a received copy carries marks of how the text reached the reader; the
    // parser reads them by their place and layout, so laying the text out anew would hide them.
    // A draft whose paragraphs stand each on one line is read as the rules read it: its long
    // lines are no release artifact, and it is laid out as any draft.
    let drafting = crate::vocab::Date::given_or_today(o.drafting_date);
    let kind = crate::syntax::kind_on(cable, drafting);
    // A text the parser took for a record that reads as a draft by its date holds no release
    // artifact: its long lines are a draft's, and so is a text that stops at TAGS (a draft from
    // `cablelint new` not yet written).
    let mut artifacts = crate::syntax::release_artifacts(cable, kind);
    if let Some(artifact) = artifacts.next() {
        // A draft of an earlier year whose paragraphs stand each on one line reads as a record
        // only by its date: the message says how to have it laid out.
        let hint = match cable.header.dtg_date() {
            Some(date)
                if artifact.kind == ArtifactKind::JoinedLines
                    && crate::syntax::joined_by_length_only(cable) =>
            {
                format!(
                    "; a text with lines of hundreds of characters dated {date}, more than a year \
                     before the drafting date {drafting}, reads as a release record (if it is a \
                     draft, `date = \"{date}\"` in cablelint.toml has it laid out)"
                )
            }
            _ => String::new(),
        };
        return Err(refused(
            Some(line_of(artifact.range)),
            format!(
                "the record carries a release artifact ({}); it is left as written{hint}",
                artifact.kind.description()
            ),
        ));
    }
    if kind == DocumentKind::Record {
        return Err(refused(
            None,
            "the text is a release record; it is left as written",
        ));
    }
    if let Some((range, message)) = unreadable_header(cable).into_iter().next() {
        return Err(refused(
            Some(line_of(range)),
            format!("the transmission header could not be read ({message}); it is left as written"),
        ));
    }
    for (i, l) in cable.lines.iter().enumerate() {
        match l.kind {
            LineKind::Artifact => {
                return Err(refused(
                    Some(i),
                    "the record carries a release artifact (a notice or database line the \
                     export added); release records are left as they are",
                ))
            }
            LineKind::HeaderNoise => {
                return Err(refused(
                    Some(i),
                    "the header carries a received copy's distribution lines; release records \
                     are left as they are",
                ))
            }
            _ => {}
        }
    }
    let body = &cable.body;
    let Some(banner) = &body.banner else {
        return Err(refused(
            None,
            "no classification banner was found, so the text's elements cannot be placed",
        ));
    };
    let banner_at = line_of(banner.range);
    if banner.garbled {
        return Err(refused(
            Some(banner_at),
            "the banner's classification is garbled (a release artifact); it is left as written",
        ));
    }
    if let Some(b) = body.repeated_banners.first() {
        return Err(refused(
            Some(line_of(b.range)),
            "the text repeats the banner (sections of a record joined by the release)",
        ));
    }
    for i in 0..banner_at {
        let l = cable.lines[i];
        let header_line = l.kind == LineKind::Blank || l.kind.is_header_line();
        if !header_line && !is_blank(cable.text(l.range)) {
            return Err(refused(
                Some(i),
                "a line before the banner is not part of the transmission header",
            ));
        }
    }
    // Elements the export joined onto one line.
    let banner_line = cable.lines[banner_at].range;
    if cable.text(banner_line).trim_end().len() + banner_line.start() > banner.range.end() {
        return Err(refused(
            Some(banner_at),
            "the banner line carries other elements (lines joined by the export)",
        ));
    }
    let labels = [
        body.eo.as_ref().map(|e| e.label),
        body.tags.as_ref().map(|t| t.label),
        body.subject.as_ref().map(|s| s.label),
        body.refs.as_ref().map(|r| r.label),
        body.classified_by.as_ref().map(|c| c.label),
    ];
    for label in labels.into_iter().flatten() {
        let i = line_of(label);
        let line = cable.text(cable.lines[i].range);
        let lead = line.len() - line.trim_start().len();
        if cable.lines[i].range.start() + lead != label.start() {
            return Err(refused(
                Some(i),
                format!(
                    "`{}` does not start its line (lines joined by the export)",
                    cable.text(label)
                ),
            ));
        }
    }
    for (i, l) in cable.lines.iter().enumerate().skip(banner_at) {
        if trim_end_line(cable.text(l.range)).ends_with(" \\") {
            return Err(refused(
                Some(i),
                "a line ends with a backslash (an export artifact)",
            ));
        }
    }
    Ok(banner_at)
}

/// Replaces a label: `new` followed by the rest of the line after it.
fn labelled(new: &str, rest: &str) -> String {
    let rest = rest.trim();
    let rest = rest.strip_prefix(':').map_or(rest, str::trim_start);
    if rest.is_empty() {
        new.to_string()
    } else {
        format!("{new} {rest}")
    }
}

/// The words of a text with their byte offsets.
fn words(t: &str) -> impl Iterator<Item = (usize, &str)> {
    t.split_ascii_whitespace()
        .map(move |w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
}

/// The banner with the level in its canonical spacing, the section and serial zero-padded and
/// single spaces.
fn banner_line<'a>(cable: &Cable<'a>, t: &'a str, o: &FormatOptions) -> Cow<'a, str> {
    let Some(b) = &cable.body.banner else {
        return Cow::Borrowed(t.trim_end());
    };
    let base = b.range.start();
    let text = cable.text(b.range);
    let level_written = cable.text(b.level_token);
    let squeezed: String = level_written.split_whitespace().collect();
    let level = b.level.written(o.spaced_banner);
    let level_squeezed: String = level.split_whitespace().collect();
    let spaced = b.level.canonical();
    let spaced_squeezed: String = spaced.split_whitespace().collect();
    // Only the spaced and the unspaced forms are re-spaced; a half-spaced `CO NFIDENTIAL` is a
    // release artifact and stays as written.
    let known_form = level_written == spaced
        || level_written == spaced_squeezed
        || matches!(level_written, "TOP SECRET" | "UNCLAS EFTO");
    let level = if squeezed == level_squeezed && known_form {
        level
    } else {
        level_written
    };
    let mut out = String::with_capacity(text.len() + 12);
    out.push_str(level);
    let pad = |w: &str, width: usize| -> String {
        if w.len() < width && w.bytes().all(|b| b.is_ascii_digit()) {
            format!("{}{w}", "0".repeat(width - w.len()))
        } else {
            w.to_string()
        }
    };
    for (at, w) in words(text) {
        let at = base + at;
        if at < b.level_token.end() {
            continue;
        }
        out.push(' ');
        let is = |n: Option<crate::syntax::Num>| n.is_some_and(|n| n.range.start() == at);
        if b.section.is_some_and(|(n, m)| is(Some(n)) || is(Some(m))) {
            out.push_str(&pad(w, 2));
        } else if is(b.serial) && o.serial_width > 0 {
            out.push_str(&pad(w, o.serial_width));
        } else {
            out.push_str(w);
        }
    }
    if out == t.trim_end() {
        Cow::Borrowed(t.trim_end())
    } else {
        Cow::Owned(out)
    }
}

/// `E.O. 12958: DECL: MM/DD/YYYY`: the canonical label, a colon after the number, single spaces
/// and a zero-padded month and day.
fn eo_line<'a>(cable: &Cable<'a>, t: &'a str, line: TextRange) -> Cow<'a, str> {
    let Some(eo) = cable
        .body
        .eo
        .as_ref()
        .filter(|e| line.contains_inclusive(e.label.start()))
    else {
        // A second E.O. line stays as written.
        return Cow::Borrowed(t.trim_end());
    };
    let src = cable.src;
    let mut out = String::from("E.O.");
    let after_label = match eo.number {
        Some(n) => {
            out.push(' ');
            out.push_str(cable.text(n.range));
            out.push(':');
            n.range.end()
        }
        None => eo.label.end(),
    };
    let rest = &src[after_label..line.end()];
    let rest_trim = rest.trim_start();
    let rest_trim = if eo.number.is_some() {
        rest_trim.strip_prefix(':').unwrap_or(rest_trim)
    } else {
        rest_trim
    };
    let rest_base = line.end() - rest_trim.len();
    // The DECL date written M/D/YYYY, padded to MM/DD/YYYY.
    let padded_date = match &eo.value {
        EoValue::Decl {
            decl: Decl::Date(d, DateStyle::MonthDayYear),
            spec: Some(spec),
            ..
        } => {
            let first = src[spec.as_range()].split_whitespace().next().unwrap_or("");
            let canonical = format!("{:02}/{:02}/{:04}", d.month, d.day, d.year);
            let same_numbers = first.split('/').map(|p| p.parse::<u32>().ok()).eq([
                Some(d.month),
                Some(d.day),
                Some(d.year as u32),
            ]);
            (same_numbers && first != canonical).then_some((spec.start(), canonical))
        }
        _ => None,
    };
    for (at, w) in words(rest_trim) {
        out.push(' ');
        match &padded_date {
            Some((start, canonical)) if rest_base + at == *start => out.push_str(canonical),
            _ => out.push_str(w),
        }
    }
    if out == t.trim_end() {
        Cow::Borrowed(t.trim_end())
    } else {
        Cow::Owned(out)
    }
}

/// Whether a line of codes would be read as the continuation of the TAGS line (the parser's test).
fn tags_continuation_ok(line: &str) -> bool {
    line.len() <= 60
        && line.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
            (2..=6).contains(&w.len())
                && w.bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'/')
        })
}

/// The TAGS line(s): `TAGS:` and the codes with one separator, wrapped at the line width onto at
/// most one continuation line. When the codes the parser found do not account for every character
/// of the lines, the lines are left as written.
fn tags_lines<'a>(
    cable: &Cable<'a>,
    start: usize,
    end: usize,
    o: &FormatOptions,
) -> Vec<Cow<'a, str>> {
    let as_written = || {
        (start..end)
            .map(|i| Cow::Borrowed(cable.text(cable.lines[i].range).trim_end()))
            .collect::<Vec<_>>()
    };
    let Some(tags) = cable
        .body
        .tags
        .as_ref()
        .filter(|t| cable.lines[start].range.contains_inclusive(t.label.start()))
    else {
        return as_written();
    };
    let is_sep = |c: char| c == ' ' || c == ',' || c == '\t' || c == ';';
    let written: String = cable.src[tags.label.end()..cable.lines[end - 1].range.end()]
        .chars()
        .filter(|&c| !is_sep(c))
        .collect();
    let codes: Vec<&str> = tags.tokens.iter().map(|t| cable.text(t.range)).collect();
    let from_codes: String = codes.concat().chars().filter(|&c| !is_sep(c)).collect();
    if written != from_codes {
        return as_written();
    }
    let sep = o.tags_separator.text();
    let join = |cs: &[&str]| cs.join(sep);
    let with_label = |rest: String| {
        if rest.is_empty() {
            "TAGS:".to_string()
        } else {
            format!("TAGS: {rest}")
        }
    };
    let trailing = match o.tags_separator {
        TagsSeparator::Space => "",
        TagsSeparator::Comma => ",",
    };
    if o.line_width == 0 {
        // The codes stay on the lines they were written on.
        let mut lines: Vec<Vec<&str>> = vec![Vec::new(); end - start];
        for (t, c) in tags.tokens.iter().zip(&codes) {
            let l = cable.line_index.line_of(t.range.start());
            lines[l.saturating_sub(start).min(end - start - 1)].push(c);
        }
        let single = lines.len() == 1;
        lines.retain(|l| !l.is_empty() || single);
        let count = lines.len().max(1);
        return lines
            .iter()
            .enumerate()
            .map(|(k, cs)| {
                let mut s = join(cs);
                if k + 1 < count && !s.is_empty() {
                    s.push_str(trailing);
                }
                Cow::Owned(if k == 0 { with_label(s) } else { s })
            })
            .collect();
    }
    let one = with_label(join(&codes));
    if char_width(&one) <= o.line_width {
        return vec![Cow::Owned(one)];
    }
    // The first line takes as many codes as fit; the rest go on one continuation line when the
    // parser would read it as one.
    let mut take = 0;
    let mut width = "TAGS:".len();
    for c in &codes {
        let w = width + 1 + char_width(c) + trailing.len();
        if w > o.line_width && take > 0 {
            break;
        }
        width = w;
        take += 1;
    }
    let second = join(&codes[take..]);
    if take < codes.len() && tags_continuation_ok(&second) {
        let mut first = with_label(join(&codes[..take]));
        first.push_str(trailing);
        vec![Cow::Owned(first), Cow::Owned(second)]
    } else {
        vec![Cow::Owned(one)]
    }
}

/// The SUBJECT: the canonical label and the text re-wrapped at the line width, never starting a
/// line with something the parser would take for another element.
fn subject_lines<'a>(
    cable: &Cable<'a>,
    start: usize,
    end: usize,
    o: &FormatOptions,
) -> Vec<Cow<'a, str>> {
    let Some(subject) = cable
        .body
        .subject
        .as_ref()
        .filter(|s| cable.lines[start].range.contains_inclusive(s.label.start()))
    else {
        return (start..end)
            .map(|i| Cow::Borrowed(cable.text(cable.lines[i].range).trim_end()))
            .collect();
    };
    let first_end = cable.lines[start].range.end();
    // A marking in lower or mixed case or with a `-` is respelt as a paragraph's is
    // (`SUBJECT: (sbu)` is `SUBJECT: (SBU)`), as `invalid-marking`'s fix writes it, save the lower
    // case of a cable the release wrote in sentence case.
    let respelt = subject
        .marking
        .as_ref()
        .filter(|m| subject.label.end() <= m.range.start() && m.range.end() <= first_end)
        .and_then(|m| {
            let fixed = cable.respelt_marking(m, cable.sentence_case())?;
            Some(format!(
                "{}{fixed}{}",
                &cable.src[subject.label.end()..m.range.start()],
                &cable.src[m.range.end()..first_end]
            ))
        });
    let first_rest = respelt
        .as_deref()
        .unwrap_or(&cable.src[subject.label.end()..first_end]);
    let rest_lines = || (start + 1..end).map(|i| cable.text(cable.lines[i].range).trim());
    if o.line_width == 0 {
        let mut out = vec![Cow::Owned(labelled("SUBJECT:", first_rest))];
        out.extend(rest_lines().filter(|l| !l.is_empty()).map(Cow::Borrowed));
        return out;
    }
    let mut ws: Vec<&str> = vec!["SUBJECT:"];
    let first_rest = first_rest.trim_start();
    ws.extend(
        first_rest
            .strip_prefix(':')
            .unwrap_or(first_rest)
            .split_ascii_whitespace(),
    );
    for l in rest_lines() {
        ws.extend(l.split_ascii_whitespace());
    }
    let us = units(&ws);
    wrap(&us, o.line_width, |rest| {
        let head: Vec<&str> = rest.iter().take(6).map(|u| u.text.as_ref()).collect();
        !starts_element(&head.join(" "))
    })
    .into_iter()
    .map(Cow::Owned)
    .collect()
}

/// A REF line after the first: without the release's `¶` before an item letter.
fn ref_item(t: &str) -> Cow<'_, str> {
    let trimmed = t.trim();
    if let Some(rest) = trimmed.strip_prefix('¶') {
        let rest = rest.trim_start();
        let b = rest.as_bytes();
        let bullet = (b.len() >= 2 && b[0].is_ascii_uppercase() && matches!(b[1], b'.' | b')'))
            || (b.len() >= 3 && b[0] == b'(' && b[1].is_ascii_uppercase() && b[2] == b')');
        if bullet {
            return Cow::Borrowed(rest);
        }
    }
    Cow::Borrowed(t.trim_end())
}

/// The first line of the classification authority block with the label `Classified By:`. When
/// the longer label pushes a line that fitted past the line width, the line is broken at its
/// last space that fits.
fn classified_by_line<'a>(
    cable: &Cable<'a>,
    label: TextRange,
    line: TextRange,
    width: usize,
) -> Vec<Cow<'a, str>> {
    let t = cable.text(line);
    let one = classified_by_label(cable, label, line);
    let fitted = char_width(t.trim_end()) <= width;
    if width == 0 || !fitted || char_width(&one) <= width {
        return vec![one];
    }
    let cut = one
        .char_indices()
        .filter(|&(i, c)| c == ' ' && char_width(&one[..i]) <= width)
        .map(|(i, _)| i)
        .rfind(|&i| !starts_element(&one[i + 1..]) && one[i + 1..].trim().len() > 1);
    match cut {
        Some(i) if i > label.len() + 1 => vec![
            Cow::Owned(one[..i].to_string()),
            Cow::Owned(one[i + 1..].to_string()),
        ],
        _ => vec![one],
    }
}

fn classified_by_label<'a>(cable: &Cable<'a>, label: TextRange, line: TextRange) -> Cow<'a, str> {
    let t = cable.text(line);
    let written = cable.text(label);
    let (prefix, core) = match written.strip_prefix("(U) ") {
        Some(core) => ("(U) ", core),
        None => ("", written),
    };
    let canonical =
        core.eq_ignore_ascii_case("classified by:") || core.eq_ignore_ascii_case("classified by");
    if !canonical {
        return Cow::Borrowed(t.trim_end());
    }
    let rest = &cable.src[label.end()..line.end()];
    let lead = &t[..label.start() - line.start()];
    let out = format!(
        "{lead}{}",
        labelled(&format!("{prefix}Classified By:"), rest)
    );
    if out == t.trim_end() {
        Cow::Borrowed(t.trim_end())
    } else {
        Cow::Owned(out)
    }
}

/// Whether a line starts a list item: `-`, `*`, `•`, `o `, `(a)`, `a.`, `a)`, `12.`, `iv.`, `¶`.
fn is_bullet(t: &str) -> bool {
    let b = t.as_bytes();
    match b.first() {
        None => return false,
        Some(b'-' | b'*' | b'>' | b'=' | b'_') => return true,
        _ => {}
    }
    // `•`, `·` and `¶` start with a byte above 0x7F, `o ` with an `o`.
    if matches!(b[0], b'o' | 0x80..)
        && (t.starts_with('•') || t.starts_with('·') || t.starts_with('¶') || t.starts_with("o "))
    {
        return true;
    }
    let (open, s) = match t.strip_prefix('(') {
        Some(s) => (true, s),
        None => (false, t),
    };
    let sb = s.as_bytes();
    // A label has at most four characters: the count stops at the fifth.
    let n = sb
        .iter()
        .take(5)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if n == 0 || n > 4 {
        return false;
    }
    let label = &s[..n];
    let ok_label = label.bytes().all(|c| c.is_ascii_digit())
        || n == 1
        || label.bytes().all(|c| b"ivxIVX".contains(&c));
    if !ok_label {
        return false;
    }
    let after = &sb[n..];
    let closed = if open {
        after.first() == Some(&b')')
    } else {
        matches!(after.first(), Some(b'.' | b')'))
    };
    closed && matches!(after.get(1), None | Some(b' ' | b'\t'))
}

/// Whether the last word of a line (split at ASCII whitespace) is `end` or `begin` in any case.
fn ends_with_end_or_begin(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| c.is_ascii_whitespace());
    // Most lines are ruled out by their last letter.
    matches!(t.as_bytes().last(), Some(b'd' | b'D' | b'n' | b'N'))
        && t.split_ascii_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("end") || w.eq_ignore_ascii_case("begin"))
}

/// Where the summary, comment and note openers of a cable start, in order.
fn opener_starts(cable: &Cable) -> Vec<usize> {
    let mut out: Vec<usize> = cable
        .body
        .markers
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                MarkerKind::SummaryOpen | MarkerKind::CommentOpen | MarkerKind::NoteOpen
            )
        })
        .map(|m| m.range.start())
        .collect();
    out.sort_unstable();
    out
}

/// Whether line `i` (text `t`) has a summary, comment or note opener within its first two words;
/// `openers` is [`opener_starts`] of the cable.
fn opener_near_start(cable: &Cable, openers: &[usize], i: usize, t: &str) -> bool {
    let range = cable.lines[i].range;
    let from = openers.partition_point(|&at| at < range.start());
    openers[from..]
        .iter()
        .take_while(|&&at| at <= range.end())
        .any(|&at| t[..at - range.start()].split_ascii_whitespace().count() <= 1)
}

/// The line breaks of the text that the parser's reading of the lines before it depends on.
///
/// Before the text the parser decides what a line is by the lines ahead of it: a sentence after
/// the banner is a passing line when an element label starts a line (or a part of one) anywhere
/// after it, and a line after SUBJECT is no text yet when a REF or classification authority label
/// starts one of the next four lines before a numbered paragraph. Re-wrapping the text after it
/// would change what those lines read: a label line joined onto the line before no longer starts
/// one, and lines joined bring a label nearer than four lines. Formatted again, the lines would
/// be read otherwise and laid out otherwise, so the layout would not be the canonical one.
#[derive(Default)]
struct ReadAhead {
    /// The line where the text of a cable without E.O., TAGS and SUBJECT before it starts when
    /// the parser found it by its being a sentence (a line with lower-case letters ending in `.`,
    /// `?` or `!`, where the lines before it that are none are passing instructions): kept as it
    /// is, since joining the next line's words onto it or wrapping it would end it elsewhere, and
    /// the parser would read it (and the lines up to the next sentence end) as passing
    /// instructions. `None` for a text that starts at a numbered paragraph or after any of those
    /// elements.
    entry: Option<usize>,
    /// Whether a passing line with no element's line after it stands before the text: then a
    /// line of text that starts with a label keeps the break before it.
    label_breaks: bool,
    /// The lines of text from the text's first line, when that was placed by the four lines
    /// after it, up to the first line after it that starts with a REF or classification
    /// authority label (with no numbered paragraph between): kept as written, neither joined nor
    /// broken, so that their count and starts stay.
    kept: Range<usize>,
}

/// What the parser read ahead of the text of `cable`, whose banner is line `banner_at`.
fn read_ahead(cable: &Cable, banner_at: usize) -> ReadAhead {
    let n = cable.lines.len();
    let kind = |i: usize| cable.lines[i].kind;
    let Some(first) =
        (banner_at + 1..n).find(|&i| matches!(kind(i), LineKind::Paragraph | LineKind::Text))
    else {
        return ReadAhead::default();
    };
    let placed_by_lines_ahead = kind(first) == LineKind::Text;
    let start = cable.lines[first].range.start();
    let body = &cable.body;
    let before = |r: Option<TextRange>| r.is_some_and(|r| r.start() < start);
    let after_element = before(body.eo.as_ref().map(|e| e.range))
        || before(body.tags.as_ref().map(|t| t.range))
        || before(body.subject.as_ref().map(|s| s.range));
    let entry = (placed_by_lines_ahead && !after_element).then_some(first);
    // A passing line was told from the text by the labels after it; an element's line after it
    // (E.O., TAGS, SUBJECT, REF, the authority) starts with its label whatever the text's layout.
    let element = |i: usize| {
        matches!(
            kind(i),
            LineKind::Eo
                | LineKind::Tags
                | LineKind::Subject
                | LineKind::Ref
                | LineKind::ClassifiedBy
        )
    };
    let label_breaks = (banner_at + 1..first)
        .rev()
        .take_while(|&i| !element(i))
        .any(|i| kind(i) == LineKind::Passing);
    let mut kept = 0..0;
    if placed_by_lines_ahead {
        for i in first + 1..n {
            let t = cable.text(cable.lines[i].range).trim();
            if paragraph_start(t).is_some() {
                break;
            }
            if starts_ref_or_authority(t) {
                kept = first..i;
                break;
            }
        }
    }
    ReadAhead {
        entry,
        label_breaks,
        kept,
    }
}

/// Indented or tabular lines keep their layout, and so do lines with a dashed rule among other
/// words (headings the export joined onto the text). `wide` says that the line is wider than the
/// line width: no row of a table on the cable form is, so there one gap of three or more spaces
/// between two words is a slip of the drafter's, not a column ([`lone_gap`]), and so is one tab
/// ([`lone_tab`]: in the released cables a tab inside a line of prose wider than the form is a
/// stray one, typed or pasted, 77 lines of them, while tab-separated columns take several tabs);
/// such a line is wrapped like any other, the tab becoming a space.
fn is_verbatim(t: &str, wide: bool) -> bool {
    let inner = trim_line(t);
    verbatim_scanned(t, inner, &scan_line(inner.as_bytes()), wide)
}

/// As [`is_verbatim`], with the line's text trimmed at both ends (`inner`) and its
/// [`scan_line`] given.
fn verbatim_scanned(t: &str, inner: &str, scan: &LineScan, wide: bool) -> bool {
    if t.starts_with([' ', '\t']) {
        return true;
    }
    let inner = inner.as_bytes();
    (scan.three_spaces && !(wide && lone_gap(inner)))
        || (scan.tab && !(wide && lone_tab(inner)))
        || (scan.dash
            && has_run(t.as_bytes(), b'-', 5)
            && t.split_ascii_whitespace().count() > 1
            && t.split_ascii_whitespace()
                .any(|w| w.len() >= 5 && w.bytes().all(|b| b == b'-')))
}

/// Whether `b` (a line without leading or trailing blanks) has exactly one run of three or more
/// spaces, between two words of two or more characters each: a gap typed by mistake in a line of
/// prose. Spaced letters (`C O R R E C T E D   C O P Y`) and several gaps (columns) are not.
fn lone_gap(b: &[u8]) -> bool {
    let mut gap: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b' ' {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i - start >= 3 {
            if gap.is_some() {
                return false;
            }
            gap = Some((start, i));
        }
    }
    let Some((start, end)) = gap else {
        return false;
    };
    let word = |w: &[u8]| w.len() >= 2;
    let before = b[..start].rsplit(|&c| c == b' ').next().unwrap_or_default();
    let after = b[end..].split(|&c| c == b' ').next().unwrap_or_default();
    word(before) && word(after)
}

/// Whether `b` (a line without leading or trailing blanks) has exactly one tab, between two words
/// (with or without spaces beside it): a tab typed or pasted by mistake in a line of prose.
fn lone_tab(b: &[u8]) -> bool {
    let mut tabs = b.iter().enumerate().filter(|&(_, &c)| c == b'\t');
    let (Some((at, _)), None) = (tabs.next(), tabs.next()) else {
        return false;
    };
    let blank = |c: &u8| *c == b' ' || *c == b'\t';
    let before = b[..at].iter().rev().skip_while(|c| blank(c)).count();
    let after = b[at + 1..].iter().skip_while(|c| blank(c)).count();
    before > 0 && after > 0
}

/// `t.trim()`, without reading characters when the line starts and ends with an ASCII byte that
/// is no whitespace (most lines).
fn trim_line(t: &str) -> &str {
    let b = t.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if (b'!'..0x7f).contains(&f) && (b'!'..0x7f).contains(&l) => t,
        _ => t.trim(),
    }
}

/// `t.trim_end()`, without reading characters when the line ends in an ASCII byte that is no
/// whitespace (most lines).
fn trim_end_line(t: &str) -> &str {
    match t.as_bytes().last() {
        Some(&l) if (b'!'..0x7f).contains(&l) => t,
        _ => t.trim_end(),
    }
}

/// `t.trim().is_empty()`, without reading characters when the line starts with an ASCII byte that
/// is no whitespace (most lines).
fn is_blank(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(&f) if (b'!'..0x7f).contains(&f) => false,
        _ => t.trim().is_empty(),
    }
}

/// The bytes of `x` that are zero, as the high bit of each such byte (exact: no byte is reported
/// that is not zero).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// What one pass over a line finds ([`scan_line`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineScan {
    /// Three spaces in a row.
    three_spaces: bool,
    /// A tab.
    tab: bool,
    /// A dash.
    dash: bool,
    /// Every byte is ASCII.
    ascii: bool,
    /// Simple: ASCII words, each followed by one space but the last ([`split(' ')`] gives them,
    /// none empty; no other whitespace or control byte), none of which may start a unit of several
    /// words ([`may_join`]). A simple line's units are its words, so it can be wrapped a line at a
    /// time rather than a word at a time ([`wrap_segment`]).
    ///
    /// [`split(' ')`]: str::split
    simple: bool,
}

impl LineScan {
    /// The findings of a scan from what it gathered: `found` holds the places (as bits) of three
    /// spaces in a row, a tab, a dash, two spaces in a row and a control byte; `ascii` whether
    /// every byte is ASCII, `joins` whether a word may start a unit of several words and `empty`
    /// whether the line is.
    fn of(found: [u64; 5], ascii: bool, joins: bool, empty: bool) -> LineScan {
        let [three, tab, dash, double, control] = found;
        LineScan {
            three_spaces: three != 0,
            tab: tab != 0,
            dash: dash != 0,
            ascii,
            simple: ascii && double == 0 && control == 0 && !joins && !empty,
        }
    }
}

/// One pass over a line (`b`, without leading or trailing blanks) for [`is_verbatim`] and the
/// wrap: three spaces in a row, a tab, a dash, whether it is ASCII and whether it is simple
/// ([`LineScan::simple`]). Eight bytes are tested at once; the end of the line is read as if
/// padded with zero bytes, which are none of the bytes looked for. Only a word starting with a
/// byte one that may start a unit of several words starts with (`(`, `e`, `b` or `x` in either
/// case) is read closely.
fn scan_line(b: &[u8]) -> LineScan {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86-64 baseline: every processor the target runs on has it.
        unsafe { scan_line_sse2(b) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        scan_line_portable(b)
    }
}

/// [`scan_line`] with SSE2, sixteen bytes at a time: each test is one compare of the sixteen
/// bytes, whose results are gathered as the bits of a number (bit `k` for byte `k`).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn scan_line_sse2(b: &[u8]) -> LineScan {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x,
    };
    let (mut three, mut tab, mut dash, mut high) = (0u32, 0u32, 0u32, 0u32);
    let (mut double, mut control, mut joins) = (0u32, 0u32, false);
    // The spaces of the previous sixteen bytes, so that a run across two blocks is seen.
    let mut prev = 0u32;
    let mut at = 0;
    while at < b.len() {
        let mut block = [b'A'; 16];
        match b.get(at..at + 16) {
            Some(c) => block.copy_from_slice(c),
            // The last bytes, padded with `A`, which is none of the bytes looked for.
            None => block[..b.len() - at].copy_from_slice(&b[at..]),
        }
        let half = |k: usize| i64::from_le_bytes(block[k..k + 8].try_into().expect("eight bytes"));
        let v = _mm_set_epi64x(half(8), half(0));
        let is = |c: u8| {
            let c = c as i8;
            _mm_cmpeq_epi8(v, _mm_set1_epi8(c))
        };
        let bits = |x| _mm_movemask_epi8(x) as u32;
        let sp = bits(is(b' '));
        tab |= bits(is(b'\t'));
        dash |= bits(is(b'-'));
        let above = bits(v);
        high |= above;
        // Below 0x20 as signed bytes: the bytes below 0x20 and those from 0x80.
        control |= bits(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20))) & !above;
        // Bit k of `s1` is byte k - 1's flag, of `s2` byte k - 2's.
        let s1 = ((sp << 1) | (prev >> 15)) & 0xffff;
        let s2 = ((sp << 2) | (prev >> 14)) & 0xffff;
        three |= sp & s1 & s2;
        double |= sp & s1;
        // A word's first byte, folded to lower case (`(` stays as it is): `(`, `e`, `b` or `x`.
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let of = |c: u8| {
            let c = c as i8;
            _mm_cmpeq_epi8(folded, _mm_set1_epi8(c))
        };
        let class = bits(_mm_or_si128(
            _mm_or_si128(of(b'('), of(b'e')),
            _mm_or_si128(of(b'b'), of(b'x')),
        ));
        // The line's start counts as a space before its first word.
        let after_space = if at == 0 { s1 | 1 } else { s1 };
        let mut maybe = class & !sp & after_space;
        while maybe != 0 {
            let k = at + maybe.trailing_zeros() as usize;
            joins |= may_join_bytes(&b[k..word_end(b, k)]);
            maybe &= maybe - 1;
        }
        prev = sp;
        at += 16;
    }
    LineScan::of(
        [three, tab, dash, double, control].map(u64::from),
        high == 0,
        joins,
        b.is_empty(),
    )
}

/// [`scan_line`] without processor-specific instructions, eight bytes at a time in a `u64`.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
fn scan_line_portable(b: &[u8]) -> LineScan {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (mut three, mut tab, mut dash, mut high) = (0u64, 0u64, 0u64, 0u64);
    let (mut double, mut control, mut joins) = (0u64, 0u64, false);
    // The spaces of the previous eight bytes, so that a run across two blocks is seen.
    let mut prev = 0u64;
    let mut at = 0;
    while at < b.len() {
        let v = match b.get(at..at + 8) {
            Some(c) => u64::from_le_bytes(c.try_into().expect("eight bytes")),
            None => {
                // The last bytes, padded with `A`, which is none of the bytes looked for.
                let mut pad = [b'A'; 8];
                pad[..b.len() - at].copy_from_slice(&b[at..]);
                u64::from_le_bytes(pad)
            }
        };
        let sp = zero_bytes(v ^ (ONES * u64::from(b' ')));
        tab |= zero_bytes(v ^ (ONES * u64::from(b'\t')));
        dash |= zero_bytes(v ^ (ONES * u64::from(b'-')));
        high |= v;
        // Bytes below 0x20: their bits 5 and 6 are clear, and so is their high bit.
        control |= zero_bytes(v & (ONES * 0x60)) & !v;
        // Byte k of `s1` is byte k - 1's flag, of `s2` byte k - 2's (little-endian order).
        let s1 = (sp << 8) | (prev >> 56);
        let s2 = (sp << 16) | (prev >> 48);
        three |= sp & s1 & s2;
        double |= sp & s1;
        // A word's first byte, folded to lower case (`(` stays as it is): `(`, `e`, `b` or `x`.
        let folded = v | (ONES * 0x20);
        // The line's start counts as a space before its first word.
        let after_space = if at == 0 { s1 | 0x80 } else { s1 };
        let mut maybe = !sp
            & after_space
            & (zero_bytes(folded ^ (ONES * u64::from(b'(')))
                | zero_bytes(folded ^ (ONES * u64::from(b'e')))
                | zero_bytes(folded ^ (ONES * u64::from(b'b')))
                | zero_bytes(folded ^ (ONES * u64::from(b'x'))));
        while maybe != 0 {
            let k = at + (maybe.trailing_zeros() / 8) as usize;
            joins |= may_join_bytes(&b[k..word_end(b, k)]);
            maybe &= maybe - 1;
        }
        prev = sp;
        at += 8;
    }
    LineScan::of(
        [three, tab, dash, double, control],
        high & HIGH == 0,
        joins,
        b.is_empty(),
    )
}

/// The byte offset of the first control character of `text` other than tab, line feed, carriage
/// return and form feed (`char::is_control`: U+0000–U+001F, U+007F–U+009F), if any. With SSE2
/// the bytes that may start one (below 0x20 but line feed, 0x7F and the lead byte 0xC2 of
/// U+0080–U+00BF) are found sixteen at a time and only they are read closely (a test of whole
/// blocks of 64 bytes read every byte of a block with a line break or a `¶`, 3% of `fmt`'s
/// instructions).
fn find_control(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86-64 baseline: every processor the target runs on has it.
        unsafe { find_control_sse2(b) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        (0..b.len()).find(|&i| control_at(b, i))
    }
}

/// [`find_control`] with SSE2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn find_control_sse2(b: &[u8]) -> Option<usize> {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    let (space, lf) = (_mm_set1_epi8(0x20), _mm_set1_epi8(b'\n' as i8));
    let (del, c2) = (_mm_set1_epi8(0x7f), _mm_set1_epi8(0xc2_u8 as i8));
    let mut at = 0;
    while let Some(block) = b.get(at..at + 16) {
        // SAFETY: `block` holds sixteen bytes, which an unaligned load reads.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().cast::<__m128i>()) };
        let bits = |x| _mm_movemask_epi8(x) as u32;
        // Below 0x20 as signed bytes: the bytes below 0x20 and those from 0x80, whose high bit
        // tells them apart. Line feeds, in most blocks, are left out here rather than read one by
        // one (their test's outcome, taken in one block in four, the processor cannot foresee).
        let low = bits(_mm_cmplt_epi8(v, space)) & !bits(v) & !bits(_mm_cmpeq_epi8(v, lf));
        let mut maybe = low | bits(_mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, c2)));
        while maybe != 0 {
            let i = at + maybe.trailing_zeros() as usize;
            if control_at(b, i) {
                return Some(i);
            }
            maybe &= maybe - 1;
        }
        at += 16;
    }
    (at..b.len()).find(|&i| control_at(b, i))
}

/// Whether a control character other than tab, line feed, carriage return and form feed starts
/// at byte `i` of `b` (a character boundary or a continuation byte, which starts none).
#[inline]
fn control_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'\t' | b'\n' | b'\r' | 0x0c => false,
        0..=0x1f | 0x7f => true,
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        _ => false,
    }
}

/// Whether `b` holds `n` or more of the byte `c` in a row (a byte loop: the lines are short, and
/// this runs on every line of text).
fn has_run(b: &[u8], c: u8, n: usize) -> bool {
    let mut run = 0;
    for &x in b {
        if x == c {
            run += 1;
            if run >= n {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Builds a block from lines `start..end`, the first being a numbered paragraph's when
/// `paragraph` is given, and adds it to `bs`.
fn block<'a>(
    bs: &mut Blocks<'a>,
    cable: &Cable<'a>,
    start: usize,
    end: usize,
    paragraph: Option<&Paragraph>,
) {
    let first = bs.lines.len();
    for i in start..end {
        let t = trim_end_line(cable.text(cable.lines[i].range));
        if i == start {
            if let Some(p) = paragraph {
                let input_width = char_width(t);
                let wide = bs.width > 0 && input_width > bs.width;
                let line = paragraph_first_line(bs, cable, p, t, input_width, wide);
                bs.lines.push(line);
                continue;
            }
        }
        let inner = trim_line(t);
        let scan = scan_line(inner.as_bytes());
        // The scan read the whole line when the line has no blank at its start.
        let whole = inner.len() == t.len();
        let input_width = if whole && scan.ascii {
            t.len()
        } else {
            char_width(t)
        };
        let wide = bs.width > 0 && input_width > bs.width;
        let verbatim = bs.ahead.entry == Some(i)
            || verbatim_scanned(t, inner, &scan, wide)
            || bs.ahead.kept.contains(&i);
        let simple = whole && scan.simple && !verbatim;
        let units_start = bs.units.len();
        let (mut plain, mut first_width) = (false, 0);
        if !verbatim {
            let b = t.as_bytes();
            let s = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
            let first = &t[s..word_end(b, s)];
            if !first.is_empty() && !may_join(first) {
                plain = true;
                first_width = if whole && scan.ascii {
                    first.len()
                } else {
                    char_width(first)
                };
            } else {
                push_line_units(t, &mut bs.words, &mut bs.units);
                first_width = bs.units[units_start..].first().map_or(0, |u| u.width);
            }
        }
        // The parser reads some summary and comment openers by their place in the line
        // (`Embassy comment:` at its start), and `End` / `Comment.` split over two lines is not a
        // closer: those breaks stay, so that every marker reads as it did.
        let prev_end = i > start && ends_with_end_or_begin(cable.text(cable.lines[i - 1].range));
        let marker_break = (prev_end
            && !verbatim
            && t.split_ascii_whitespace()
                .next()
                .is_some_and(is_marker_word))
            || opener_near_start(cable, &bs.openers, i, t)
            || (bs.ahead.label_breaks && starts_label(inner));
        bs.lines.push(BlockLine {
            text: Cow::Borrowed(t),
            input_width,
            verbatim,
            bullet: is_bullet(t) || marker_break,
            units: units_start..bs.units.len(),
            plain,
            simple,
            first_width,
        });
    }
    bs.blocks.push(Block {
        lines: first..bs.lines.len(),
        paragraph: paragraph.is_some(),
    });
}

/// A numbered paragraph's first line: `1. (C) ` without the `¶` (kept only where the number
/// would not be read as a paragraph without it), the marking as one unit. The number, its
/// punctuation and the marking borrow the line when it writes them as the canonical form does
/// (`1. (C)`, most paragraphs). The line's canonical text is built only when lines are not
/// wrapped (`bs.width` 0); wrapping reads the units, which go to `bs.units`.
fn paragraph_first_line<'a>(
    bs: &mut Blocks<'a>,
    cable: &Cable<'a>,
    p: &Paragraph,
    t: &'a str,
    input_width: usize,
    wide: bool,
) -> BlockLine<'a> {
    let none = bs.units.len()..bs.units.len();
    let as_is = || BlockLine {
        text: Cow::Borrowed(t),
        input_width,
        verbatim: true,
        bullet: true,
        units: none.clone(),
        plain: false,
        simple: false,
        first_width: 0,
    };
    let Some((_, ns, ne, after)) = paragraph_start(t) else {
        return as_is();
    };
    // The number and its punctuation without spaces, tried as the start of a line (`1. x`).
    let written = &t[ns..after];
    let mut prefix: Cow<'a, str> = if written.contains(' ') {
        let mut own = String::with_capacity(written.len() + 8);
        own.push_str(&t[ns..ne]);
        own.extend(t[ne..after].chars().filter(|c| *c != ' '));
        Cow::Owned(own)
    } else {
        Cow::Borrowed(written)
    };
    let mut starts_paragraph = |prefix: &str| {
        bs.scratch.clear();
        bs.scratch.push_str(prefix);
        bs.scratch.push_str(" x");
        paragraph_start(&bs.scratch).is_some()
    };
    if !starts_paragraph(&prefix) {
        // `¶1 (C)` and `¶1) text` are paragraphs only with the pilcrow.
        prefix = Cow::Owned(format!("¶{prefix}"));
        if !starts_paragraph(&prefix) {
            return as_is();
        }
    }
    let line_start = cable.lines[cable.line_index.line_of(p.first_line.start())]
        .range
        .start();
    let rest_at = after + (t[after..].len() - t[after..].trim_start().len());
    let mut rest = &t[rest_at..];
    if let Some(m) = &p.marking {
        if m.range.start() == line_start + rest_at {
            let m_end = m.range.end() - line_start;
            // A marking in lower or mixed case or with a `-` is written in capitals with `/`
            // (`(Sbu)` is `(SBU)`), as `invalid-marking`'s fix writes it, save the lower case of a
            // cable the release wrote in sentence case.
            let written = cable.text(m.range);
            let respelt = if written.bytes().any(|b| b.is_ascii_lowercase() || b == b'-') {
                cable.respelt_marking(m, cable.sentence_case())
            } else {
                None
            };
            prefix = match (prefix, respelt) {
                // `1. (C)` as written: one space between the number and the marking.
                (Cow::Borrowed(_), None) if rest_at == after + 1 && t.as_bytes()[after] == b' ' => {
                    Cow::Borrowed(&t[ns..m_end])
                }
                (prefix, respelt) => Cow::Owned(format!(
                    "{prefix} {}",
                    respelt.as_deref().unwrap_or(written)
                )),
            };
            rest = t[m_end..].trim_start();
        }
    }
    if is_verbatim(rest, wide) {
        let text = if rest.is_empty() {
            prefix
        } else {
            Cow::Owned(format!("{prefix} {rest}"))
        };
        return BlockLine {
            text,
            input_width,
            verbatim: true,
            bullet: true,
            units: none,
            plain: false,
            simple: false,
            first_width: 0,
        };
    }
    bs.words.clear();
    bs.words.extend(rest.split_ascii_whitespace());
    let start = bs.units.len();
    bs.units.push(Unit::new(prefix));
    push_units(&bs.words, Some(rest), &mut bs.units);
    let text = if bs.width == 0 {
        let mut text = String::with_capacity(t.len() + 8);
        for (k, u) in bs.units[start..].iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(&u.text);
        }
        Cow::Owned(text)
    } else {
        // Not read: the line is wrapped from its units.
        Cow::Borrowed("")
    };
    BlockLine {
        text,
        input_width,
        verbatim: false,
        bullet: true,
        first_width: bs.units[start].width,
        units: start..bs.units.len(),
        plain: false,
        simple: false,
    }
}

/// The typical wrap width of the text: the widest line that is followed by another line of its
/// block, ignoring joined lines; `None` when no block has two lines or that line is narrower
/// than [`MIN_WRAP_ESTIMATE`]. `widths` gives each block's line widths.
fn wrap_estimate<I: Iterator<Item = usize>>(widths: impl Iterator<Item = I>) -> Option<usize> {
    let mut best: Option<usize> = None;
    for block in widths {
        let mut block = block.peekable();
        while let Some(w) = block.next() {
            if block.peek().is_some() && w <= MAX_WRAP_ESTIMATE {
                best = Some(best.map_or(w, |b| b.max(w)));
            }
        }
    }
    best.filter(|&w| w >= MIN_WRAP_ESTIMATE)
}

/// Lays out every block, then makes sure that formatting the result again keeps every break it
/// kept: a break kept because the line before was short must still look short against the wrap
/// width of the output, or it is joined.
fn layout_blocks(bs: &Blocks, width: usize, capacity: usize, eol: &'static str) -> LaidBlocks {
    let mut laid = LaidBlocks {
        buf: String::with_capacity(capacity),
        eol,
        lines: Vec::with_capacity(bs.lines.len() + bs.lines.len() / 8 + 4),
        of_block: Vec::with_capacity(bs.blocks.len()),
    };
    if width == 0 {
        for b in &bs.blocks {
            let first = laid.lines.len();
            for l in &bs.lines[b.lines.clone()] {
                if laid.lines.len() > first {
                    push_eol(&mut laid.buf, eol);
                }
                let start = laid.buf.len();
                laid.buf.push_str(&l.text);
                laid.lines.push(OutLine {
                    start,
                    end: laid.buf.len(),
                    width: 0,
                });
            }
            laid.of_block.push(first..laid.lines.len());
        }
        return laid;
    }
    let threshold = wrap_estimate(
        bs.blocks
            .iter()
            .map(|b| bs.lines[b.lines.clone()].iter().map(|l| l.input_width)),
    )
    .unwrap_or(width)
    .min(width);
    let mut joined = vec![false; bs.lines.len()];
    let mut breaks: Vec<ShortBreak> = Vec::new();
    for k in 0..bs.blocks.len() {
        let first = laid.lines.len();
        layout_block(bs, k, width, threshold, &joined, &mut laid, &mut breaks);
        laid.of_block.push(first..laid.lines.len());
    }
    let mut changed: Vec<bool> = Vec::new();
    for _ in 0..8 {
        let again = wrap_estimate(
            laid.of_block
                .iter()
                .map(|r| laid.lines[r.clone()].iter().map(|l| l.width)),
        )
        .unwrap_or(width)
        .min(width);
        let mut any = false;
        for br in &breaks {
            if !is_short(br.before, br.next, again) {
                if changed.is_empty() {
                    changed = vec![false; bs.blocks.len()];
                }
                joined[br.line] = true;
                changed[br.block] = true;
                any = true;
            }
        }
        if !any {
            break;
        }
        breaks.retain(|br| !changed[br.block]);
        for (k, changed) in changed.iter_mut().enumerate() {
            if std::mem::take(changed) {
                let first = laid.lines.len();
                layout_block(bs, k, width, threshold, &joined, &mut laid, &mut breaks);
                laid.of_block[k] = first..laid.lines.len();
            }
        }
    }
    laid
}

/// Lays out block `k`: segments of lines joined and wrapped, verbatim lines as they are. The lines
/// go to the end of `laid.lines`, and the breaks kept because a line was short to `breaks`.
fn layout_block(
    bs: &Blocks,
    k: usize,
    width: usize,
    threshold: usize,
    joined: &[bool],
    laid: &mut LaidBlocks,
    breaks: &mut Vec<ShortBreak>,
) {
    let b = &bs.blocks[k];
    let first_out = laid.lines.len();
    // The lines joined so far (a range of `bs.lines`), when there are any.
    let mut segment: Option<Range<usize>> = None;
    let flush = |segment: &mut Option<Range<usize>>, laid: &mut LaidBlocks| {
        if let Some(r) = segment.take() {
            wrap_segment(bs, r, width, laid.lines.len() > first_out, laid);
        }
    };
    for j in b.lines.clone() {
        let l = &bs.lines[j];
        if l.verbatim {
            flush(&mut segment, laid);
            if laid.lines.len() > first_out {
                push_eol(&mut laid.buf, laid.eol);
            }
            let start = laid.buf.len();
            laid.buf.push_str(&l.text);
            laid.lines.push(OutLine {
                start,
                end: laid.buf.len(),
                width: char_width(&l.text),
            });
            continue;
        }
        if j > b.lines.start && segment.is_some() {
            let prev = &bs.lines[j - 1];
            let next = l.first_width;
            let short = is_short(prev.input_width, next, threshold) && !joined[j];
            // A line of a list. Where the line before stands alone among short lines (the break
            // before it was kept because the line before that was short; it fits on a line and
            // is no bullet), and this line starts an item (a capital or a digit, two words or
            // more) and is short itself, so that the break after it is kept too, the break
            // between them is the drafter's as well: `DCM Milton Drucker` after `Deputy
            // Assistant Attorney General Mary Lee Warren`, among names on lines of their own. A
            // line of prose wrapped on is never short, and the last line of a wrapped item
            // follows a line that does not stand alone.
            let listed = !short
                && !joined[j]
                && segment.as_ref().is_some_and(|r| r.start + 1 == j)
                && j - 1 > b.lines.start
                && !prev.bullet
                && !joined[j - 1]
                && l.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && l.text.trim().contains(' ')
                && is_short(bs.lines[j - 2].input_width, prev.first_width, threshold)
                && prev.input_width <= width
                && j + 1 < b.lines.end
                && {
                    let after = &bs.lines[j + 1];
                    !after.verbatim
                        && !joined[j + 1]
                        && is_short(l.input_width, after.first_width, threshold)
                };
            if l.bullet || short || listed {
                flush(&mut segment, laid);
                if short && !l.bullet {
                    breaks.push(ShortBreak {
                        block: k,
                        line: j,
                        before: laid.lines[first_out..].last().map_or(0, |o| o.width),
                        next,
                    });
                }
            }
        }
        // A line without units (none has any) joins nothing.
        if l.plain || !l.units.is_empty() {
            segment = Some(segment.map_or(j..j + 1, |r| r.start..j + 1));
        }
    }
    flush(&mut segment, laid);
}

/// Wraps the units of lines `lines` of `bs` (none verbatim) as one text into `laid`: greedily, as
/// [`super::wrap::wrap_into`] does with [`may_start_text_line`], reading the units of a plain
/// line from its text as it goes.
fn wrap_segment(
    bs: &Blocks,
    lines: Range<usize>,
    width: usize,
    after_line: bool,
    laid: &mut LaidBlocks,
) {
    let mut g = Greedy {
        width,
        started: false,
        after_line,
        eol: laid.eol,
        w: 0,
        start: laid.buf.len(),
        written: 0,
        run: Run::new(bs.src),
        out: &mut laid.buf,
    };
    let last = lines.end - 1;
    let mut words: Vec<&str> = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    for j in lines {
        let l = &bs.lines[j];
        if !l.plain {
            g.units(&bs.units[l.units.clone()], j == last, &mut laid.lines);
            continue;
        }
        let t: &str = &l.text;
        if l.simple {
            wrap_simple_line(&mut g, t, j == last, &mut laid.lines);
            continue;
        }
        let b = t.as_bytes();
        let ascii = t.is_ascii();
        let mut i = 0;
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            let s = i;
            i = word_end(b, i);
            let w = &t[s..i];
            if may_join(w) {
                // The rest of the line as [`push_line_units`] reads it: every word before this
                // one is a unit of its own, and the units from here are those of the words
                // from here.
                words.clear();
                words.extend(t[s..].split_ascii_whitespace());
                units.clear();
                push_units(&words, Some(t), &mut units);
                g.units(&units, j == last, &mut laid.lines);
                break;
            }
            if ascii && g.started && g.w + 1 + (i - s) <= g.width {
                // The word fits on the line being written, and so may the words after it that
                // follow it with one space between them: each would be put after a space on this
                // line as it is read, so the stretch is written at once, as one run. What it adds
                // to the line's width is its length and the space before it (ASCII: one column
                // a byte). A word that may start a unit of several words, or that does not fit,
                // ends the stretch and is read again below.
                let mut e = i;
                while e + 1 < b.len() && b[e] == b' ' && !b[e + 1].is_ascii_whitespace() {
                    let next = word_end(b, e + 1);
                    if g.w + 1 + (next - s) > g.width || may_join(&t[e + 1..next]) {
                        break;
                    }
                    e = next;
                }
                g.run.push(&t[s..e], true, true, g.out);
                g.w += 1 + (e - s);
                i = e;
                continue;
            }
            let width = if ascii { w.len() } else { char_width(w) };
            let is_last = || j == last && b[i..].iter().all(|c| c.is_ascii_whitespace());
            g.unit(w, width, true, is_last, &mut laid.lines);
        }
    }
    g.finish(&mut laid.lines);
}

/// Writes a simple line ([`LineScan::simple`]: its units are its words, one space between each
/// two) into the greedy wrap `g`, as [`Greedy::unit`] of each word would, a stretch of words at a
/// time: the words up to the last space that still fits on the line being written go on it at
/// once, and only the word after them, which does not fit, is given to [`Greedy::unit`] (which
/// starts a line with it, or keeps it on the line when it may not start one). `last_line` says
/// whether the line is the segment's last.
fn wrap_simple_line(g: &mut Greedy, t: &str, last_line: bool, lines: &mut Vec<OutLine>) {
    let b = t.as_bytes();
    let n = b.len();
    // The start of the next word to write.
    let mut s = 0;
    loop {
        if g.started {
            // The bytes that fit on the line after a space (ASCII: a column a byte).
            let room = g.width.saturating_sub(g.w + 1);
            if n - s <= room {
                g.run.push(&t[s..], true, true, g.out);
                g.w += 1 + (n - s);
                return;
            }
            // `n - s > room`, so `s + room` is in the line; a space there or before it (not at `s`,
            // a word's first byte) ends the words that fit.
            if let Some(k) = memchr::memrchr(b' ', &b[s..=s + room]) {
                g.run.push(&t[s..s + k], true, true, g.out);
                g.w += 1 + k;
                s += k + 1;
            }
        }
        let e = word_end(b, s);
        g.unit(&t[s..e], e - s, true, || last_line && e == n, lines);
        if e == n {
            return;
        }
        s = e + 1;
    }
}

/// The state of a greedy wrap ([`super::wrap::wrap_into`]) fed one unit at a time.
struct Greedy<'s, 'o> {
    width: usize,
    /// Whether a unit was written.
    started: bool,
    /// Whether the block has a line before the first this wrap writes: the line break goes
    /// before that line.
    after_line: bool,
    eol: &'static str,
    /// The width of the line being written.
    w: usize,
    /// Where the line being written starts in `out`.
    start: usize,
    /// The lines this wrap has ended so far.
    written: usize,
    run: Run<'s>,
    out: &'o mut String,
}

impl Greedy<'_, '_> {
    /// Writes `units` in order with [`Greedy::unit`]; `last_line` says whether they end the last
    /// line of the segment, so that the last of them is the segment's last unit.
    #[inline(always)]
    fn units(&mut self, units: &[Unit], last_line: bool, lines: &mut Vec<OutLine>) {
        for (k, u) in units.iter().enumerate() {
            let is_last = || last_line && k + 1 == units.len();
            self.unit(
                &u.text,
                u.width,
                matches!(u.text, Cow::Borrowed(_)),
                is_last,
                lines,
            );
        }
    }

    /// Writes the next unit: on the line being written after a space, or on a new line when it
    /// would pass the width and may start a line (`is_last` says whether it is the last unit).
    #[inline(always)]
    fn unit(
        &mut self,
        text: &str,
        width: usize,
        borrowed: bool,
        is_last: impl FnOnce() -> bool,
        lines: &mut Vec<OutLine>,
    ) {
        if !self.started {
            self.started = true;
            if self.after_line {
                push_eol(self.out, self.eol);
                self.start = self.out.len();
            }
            self.run.push(text, borrowed, false, self.out);
            self.w = width;
        } else if self.w + 1 + width > self.width
            && may_start_text_line(text, is_last)
            && !self.keeps_on_line(text, lines)
        {
            self.run.flush(self.out);
            self.written += 1;
            lines.push(OutLine {
                start: self.start,
                end: self.out.len(),
                width: self.w,
            });
            push_eol(self.out, self.eol);
            self.start = self.out.len();
            self.run.push(text, borrowed, false, self.out);
            self.w = width;
        } else {
            self.run.push(text, borrowed, true, self.out);
            self.w += 1 + width;
        }
    }

    /// Whether `text` goes on the line being written although it passes the width: when the line
    /// reads standing alone as something other than text ([`reads_as_mark_line`]: `SECRET` or
    /// `UNCLAS` alone, `S E C R E T` before a word that does not fit) and no longer does with
    /// `text` after it. When it still does, the line is joined onto the line before it
    /// ([`Greedy::join_onto_previous`]) and `text` starts the next. Either way no line of the wrap
    /// is read as a release mark or a banner where the input held words of text.
    fn keeps_on_line(&mut self, text: &str, lines: &mut Vec<OutLine>) -> bool {
        self.run.flush(self.out);
        let line = &self.out[self.start..];
        let first = self.first_of_block();
        if !reads_as_mark_line(line, first) {
            return false;
        }
        if !reads_as_mark_line(&format!("{line} {text}"), first) {
            return true;
        }
        self.join_onto_previous(lines);
        false
    }

    /// Joins the line being written (its run written out) onto the line this wrap wrote before
    /// it, past the width, when there is one and the two read together as text; the line being
    /// written is then the joined one.
    fn join_onto_previous(&mut self, lines: &mut Vec<OutLine>) {
        if self.written == 0 {
            return;
        }
        let Some(&prev) = lines.last() else {
            return;
        };
        let line = self.out.split_off(self.start);
        let joined = format!("{} {line}", &self.out[prev.start..prev.end]);
        if reads_as_mark_line(&joined, !self.after_line && self.written == 1) {
            self.out.push_str(&line);
            return;
        }
        lines.pop();
        self.written -= 1;
        self.out.truncate(prev.start);
        self.out.push_str(&joined);
        self.start = prev.start;
        self.w += prev.width + 1;
    }

    /// Whether the line being written is the first of its block, after a blank line (or none).
    fn first_of_block(&self) -> bool {
        !self.after_line && self.written == 0
    }

    /// Ends the last line, if a unit was written. A last line that reads standing alone as
    /// something other than text ([`reads_as_mark_line`]: `TOP SECRET`, whose `TOP` started it)
    /// is joined onto the line before it ([`Greedy::join_onto_previous`]).
    fn finish(mut self, lines: &mut Vec<OutLine>) {
        if self.started {
            self.run.flush(self.out);
            if reads_as_mark_line(&self.out[self.start..], self.first_of_block()) {
                self.join_onto_previous(lines);
            }
            lines.push(OutLine {
                start: self.start,
                end: self.out.len(),
                width: self.w,
            });
        }
    }
}

/// Whether a wrapped line of text may start with the unit `first`: never with a dashed rule (the
/// line before would become a heading), nor as a last line of its own that reads as something
/// other than text ([`reads_as_mark_line`]: an end marker, `SECRET` or `SIPDIS` repeated as a
/// trailer line; `is_last` says whether `first` is the last unit of the text).
fn may_start_text_line(first: &str, is_last: impl FnOnce() -> bool) -> bool {
    let rule = first.len() >= 3 && first.bytes().all(|b| matches!(b, b'-' | b'=' | b'_'));
    let mark = !rule && is_last() && reads_as_mark_line(first, false);
    !rule && !mark
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    #[test]
    fn a_lone_tab_is_one_tab_between_words() {
        for (line, want) in [
            ("statement on search and rescue,\tbut that Russia", true),
            ("the Chilean \tCongress continued", true),
            ("Class:\tSECRET\tDate:\t2006", false),
            ("no tab at all", false),
        ] {
            assert_eq!(lone_tab(line.as_bytes()), want, "{line:?}");
        }
    }

    #[test]
    fn a_lone_gap_is_one_run_of_three_spaces_between_words() {
        for (line, want) in [
            ("the minister   was candid", true),
            ("constitution.\"   She said", true),
            ("a    b", false),
            ("C O R R E C T E D   C O P Y", false),
            ("Oslo   12   14", false),
            ("two  spaces only", false),
            ("no gap", false),
            ("trailing gap   x", false),
        ] {
            assert_eq!(lone_gap(line.as_bytes()), want, "{line:?}");
        }
    }

    /// Feeds `lines` to a greedy wrap of `width`, a simple line a stretch at a time when
    /// `stretches`, else a word at a time; returns the text written and the lines' widths.
    fn greedy(lines: &[&str], width: usize, stretches: bool) -> (String, Vec<usize>) {
        let src = lines.join("\n");
        let mut out = String::new();
        let mut outs = Vec::new();
        let mut g = Greedy {
            width,
            started: false,
            after_line: false,
            eol: "\n",
            w: 0,
            start: 0,
            written: 0,
            run: Run::new(&src),
            out: &mut out,
        };
        let mut at = 0;
        for (j, line) in lines.iter().enumerate() {
            let t = &src[at..at + line.len()];
            at += line.len() + 1;
            let last = j + 1 == lines.len();
            if stretches {
                wrap_simple_line(&mut g, t, last, &mut outs);
            } else {
                let words: Vec<&str> = t.split(' ').collect();
                for (k, w) in words.iter().enumerate() {
                    g.unit(w, w.len(), true, || last && k + 1 == words.len(), &mut outs);
                }
            }
        }
        g.finish(&mut outs);
        (out, outs.iter().map(|o| o.width).collect())
    }

    #[test]
    fn a_simple_line_wraps_a_stretch_at_a_time_as_it_does_a_word_at_a_time() {
        // Words of every length around the width, rules and end markers that may not start a
        // line, at every width from narrower than a word to wider than the text.
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..300 {
            let lines: Vec<String> = (0..1 + next(4))
                .map(|_| {
                    (0..1 + next(14))
                        .map(|_| match next(12) {
                            0 => "----".to_string(),
                            1 => "NNNN".to_string(),
                            2 => "BT".to_string(),
                            3 => "w".repeat(20 + next(60) as usize),
                            _ => "a".repeat(1 + next(11) as usize),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            for width in [1, 5, 12, 30, 69, 200] {
                assert_eq!(
                    greedy(&lines, width, true),
                    greedy(&lines, width, false),
                    "{lines:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn the_one_pass_line_scan_finds_what_the_byte_tests_find() {
        // Runs of spaces, tabs and dashes at every offset around the eight-byte blocks.
        let mut lines = Vec::new();
        for n in 0..20 {
            for (mark, run) in [(" ", 2), (" ", 3), ("\t", 1), ("-", 1), ("x", 1)] {
                let mut s = "a".repeat(n);
                s.push_str(&mark.repeat(run));
                s.push_str("b\u{e9}c ");
                s.push_str(&"z".repeat(n % 7));
                lines.push(s);
            }
        }
        lines.push(String::new());
        lines.push("  ".to_string());
        lines.push("\u{3000}x\u{a0}".to_string());
        lines.push("x\r".to_string());
        lines.push("\u{a0}".to_string());
        // Words that may start a unit of several words, and words that start as they do, at
        // every offset around the eight-byte blocks.
        for n in 0..20 {
            for word in [
                "end",
                "End",
                "END",
                "begin",
                "Begin",
                "XXXXX",
                "xxxxxx",
                "(S/NF)",
                "(x",
                "(",
                "e",
                "b",
                "x",
                "bend",
                "ends",
                "beginning",
                "XXXX",
                "XXXXXa",
                "en",
                "\x08nd",
            ] {
                lines.push(format!("{} {word} z", "a".repeat(n)));
                lines.push(format!("{word} {}", "a".repeat(n)));
                lines.push(format!("{}{word}", "a".repeat(n)));
            }
        }
        lines.push("one  two".to_string());
        lines.push("one\x0btwo".to_string());
        lines.push("caf\u{e9} ouvert".to_string());
        for l in &lines {
            let b = l.as_bytes();
            let three = b.windows(3).any(|w| w == b"   ");
            let scan = scan_line(b);
            assert_eq!(scan, scan_line_portable(b), "{l:?}");
            let want = (three, b.contains(&b'\t'), b.contains(&b'-'), l.is_ascii());
            assert_eq!(
                (scan.three_spaces, scan.tab, scan.dash, scan.ascii),
                want,
                "{l:?}"
            );
            // A simple line, as the scan reads a line without blanks at its ends.
            let inner = l.trim_matches(' ');
            let simple = !inner.is_empty()
                && inner.is_ascii()
                && inner
                    .split(' ')
                    .all(|w| !w.is_empty() && w.bytes().all(|c| c > b' ') && !may_join(w));
            assert_eq!(scan_line(inner.as_bytes()).simple, simple, "{l:?}");
            assert_eq!(scan_line_portable(inner.as_bytes()).simple, simple, "{l:?}");
            assert_eq!(trim_line(l), l.trim(), "{l:?}");
            assert_eq!(trim_end_line(l), l.trim_end(), "{l:?}");
            assert_eq!(is_blank(l), l.trim().is_empty(), "{l:?}");
        }
    }

    #[test]
    fn control_characters_are_found_as_char_is_control_finds_them() {
        // Every character up to U+00FF at every place of a block and past it, among ASCII and
        // `¶`: the first control character is the one `char::is_control` names (tab, line and
        // page breaks aside).
        let reference = |t: &str| {
            t.char_indices()
                .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
                .map(|(i, _)| i)
        };
        for len in [1, 15, 16, 17, 33] {
            for at in 0..len {
                for c in (0u32..0x100).filter_map(char::from_u32) {
                    let mut t: String = (0..len)
                        .map(|i| if i % 5 == 4 { '¶' } else { 'a' })
                        .collect();
                    let place = t.char_indices().nth(at).map_or(t.len(), |(i, _)| i);
                    t.insert(place, c);
                    assert_eq!(find_control(&t), reference(&t), "{t:?}");
                }
            }
        }
    }
}
