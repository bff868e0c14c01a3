//! The text of a cable: banner, captions, passing lines, E.O., TAGS, SUBJECT, REF, classification
//! authority, then numbered paragraphs, continuation headers, markers and the signature.

use crate::vocab::{BannerLevel, CaptionKind, Date, Level, MONTH_NAMES};
use std::sync::LazyLock;

use regex::Regex;
use smallvec::{smallvec, SmallVec};

use super::lex::{
    self, all_digits, all_upper, find_word_ci, first_from, has_prefix, parse_u32, starts_with_ci,
    Src,
};
use super::parser::{is_artifact_line, src_of};
use super::text::TextRange;
use super::tree::*;
use crate::vocab::{
    full_year, BANNER_FORMS, BANNER_LETTERS, MULTI_WORD_TAGS, PERSONAL_TAG_PREFIXES,
};

pub struct BodyParser<'c, 'a> {
    cable: &'c mut Cable<'a>,
    /// The multi-line element the previous line belonged to.
    open: Open,
    seen_subject: bool,
    in_text: bool,
    prev_blank: bool,
    current_paragraph: Option<usize>,
    last_text_line: Option<usize>,
    /// The line being read.
    cur: usize,
    /// The next line at or after [`Self::cur`] that starts with an element's label, once looked
    /// for (`usize::MAX` when none does), so that the lines before the elements are scanned once.
    next_label: Option<usize>,
    /// Where summary, comment and note markers may be, when they are looked for (see
    /// [`super::parser::Depth`]).
    find_markers: Option<MarkerCandidates<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    /// An E.O. line whose value is still to come on the next line (`E.O. 12958:` / `DECL: …`).
    Eo,
    Tags,
    Subject,
    /// A second SUBJECT element (some posts repeat the subject in mixed case after the REF block
    /// or the classification authority): its lines are SUBJECT lines but add nothing to the
    /// subject read from the first.
    RepeatedSubject,
    Ref,
    ClassifiedBy,
}

impl<'c, 'a> BodyParser<'c, 'a> {
    pub fn new(cable: &'c mut Cable<'a>, find_markers: bool) -> Self {
        let find_markers = find_markers.then(|| MarkerCandidates::new(cable.src));
        BodyParser {
            cable,
            open: Open::None,
            seen_subject: false,
            in_text: false,
            prev_blank: true,
            current_paragraph: None,
            last_text_line: None,
            cur: 0,
            next_label: None,
            find_markers,
        }
    }

    /// Reads the text from line `start`, beginning `offset` bytes into that line.
    pub fn run(mut self, start: usize, offset: usize, end: usize) {
        let n = end.min(self.cable.lines.len());
        let mut pos = start;
        // The banner: the first non-blank line.
        while pos < n {
            let mut src = src_of(self.cable, pos);
            if pos == start && offset > 0 && offset <= src.text.len() {
                src = src.from(offset);
            }
            if lex::trim(src.text).is_empty() {
                self.cable.lines[pos].kind = LineKind::Blank;
                pos += 1;
                continue;
            }
            if let Some((mut banner, mut rest)) = parse_banner(src.trim()) {
                self.cable.lines[pos].kind = LineKind::Banner;
                pos += 1;
                // The release broke some banners after the classification words (`C O N F I D E N
                // T I A L` / `SECTION 01 OF 02 BAKU 000687 …`): the next line completes it.
                if rest.is_none() && banner.origin.is_none() && banner.section.is_none() && pos < n
                {
                    if let Some((more, range)) = self.banner_continued(pos) {
                        banner.range = banner.range.cover(range);
                        banner.section = more.section;
                        banner.section_range = more.section_range;
                        banner.origin = more.origin;
                        banner.serial = more.serial;
                        self.cable.lines[pos].kind = LineKind::Banner;
                        rest = more.tail;
                        pos += 1;
                    }
                }
                self.cable.body.banner = Some(banner);
                if let Some(rest) = rest {
                    self.pre_text_line(pos - 1, rest, rest.trim());
                    self.cable.lines[pos - 1].kind = LineKind::Banner;
                }
            }
            break;
        }
        while pos < n {
            self.cur = pos;
            let src = src_of(self.cable, pos);
            // Trimmed once here for the readers below.
            let trimmed = src.trim();
            if trimmed.text.is_empty() {
                self.cable.lines[pos].kind = LineKind::Blank;
                self.blank(pos);
            } else if self.in_text {
                self.text_line(pos, src, trimmed);
            } else {
                self.pre_text_line(pos, src, trimmed);
            }
            pos += 1;
        }
        self.finish();
    }

    /// The rest of a banner the release broke after its classification words: line `pos` when it
    /// holds an origin and a serial (after an optional `SECTION n OF m`) and is no element of its
    /// own. Returns what it holds and the range of the banner's part of it.
    fn banner_continued(&self, pos: usize) -> Option<(BannerRest<'a>, TextRange)> {
        let src = src_of(self.cable, pos).trim();
        let t = src.text;
        if t.is_empty()
            || banner_level_prefix(t).is_some()
            || label_at_start(t).is_some()
            || label_typo_at_start(t).is_some()
            || paragraph_start(t).is_some()
            || is_continuation(t)
        {
            return None;
        }
        let rest = banner_rest(src);
        if rest.origin.is_none() || rest.serial.is_none() {
            return None;
        }
        let end = rest.tail.map_or(src.full().end(), |tl| tl.offset);
        Some((rest, TextRange::new(src.offset, end)))
    }

    fn blank(&mut self, pos: usize) {
        self.prev_blank = true;
        match self.open {
            Open::Ref => {
                // A REF list may continue after a blank line with its next lettered item.
                if let Some(next) = self.next_non_blank(pos) {
                    let t = self.cable.text(self.cable.lines[next].range).trim_start();
                    let block = self.cable.body.refs.as_ref().map_or(&[][..], |b| &b.lines);
                    if ref_bullet_at_start(t).is_some()
                        && !marked_text_after_refs(t, block, self.cable.src)
                    {
                        return;
                    }
                }
                self.open = Open::None;
            }
            Open::ClassifiedBy => {
                // A reason may stand after a blank line (`Classified By: X` / `` / `Reason: 1.4 (b)`).
                let no_reason = self
                    .cable
                    .body
                    .classified_by
                    .as_ref()
                    .is_some_and(|c| c.section.is_none() && c.letters.is_empty());
                if no_reason {
                    if let Some(next) = self.next_non_blank(pos) {
                        let t = self.cable.text(self.cable.lines[next].range).trim_start();
                        let head = t.char_indices().nth(30).map_or(t, |(i, _)| &t[..i]);
                        // `Reason: 1.4 (b)`, or the section alone after a label that ended the
                        // line (`… Counselor Jane Roe. Reasons` / `` / `1.4 (b/d).`).
                        let section = ["1.4", "1.5"].iter().any(|s| {
                            t.strip_prefix(s).is_some_and(|r| {
                                !r.starts_with(|c: char| c.is_ascii_digit() || c == '.')
                            })
                        });
                        if find_word_ci(head, "reason").is_some() || section {
                            return;
                        }
                    }
                }
                self.open = Open::None;
            }
            Open::Subject if self.subject_goes_on(pos) => {}
            _ => self.open = Open::None,
        }
    }

    /// Whether line `pos` is a heading underlined by a dashed rule on the next line (`Summary` /
    /// `-------`): it ends the SUBJECT above it. A heading is a [heading word](HEADINGS) or, under
    /// a subject in capitals, a line that is not (a subject's own last line may be underlined).
    fn underlined(&self, pos: usize) -> bool {
        let t = lex::trim(self.cable.text(self.cable.lines[pos].range));
        let capitals = self
            .cable
            .body
            .subject
            .as_ref()
            .and_then(|s| s.text)
            .is_some_and(|r| in_capitals(self.cable.text(r)));
        self.cable
            .lines
            .get(pos + 1)
            .is_some_and(|l| is_rule_line(lex::trim(self.cable.text(l.range))))
            && (starts_with_heading(t) || capitals && !in_capitals(t))
    }

    /// Whether the first SUBJECT goes on after the blank line at `pos`: the release put a blank
    /// line inside some subjects written in capitals (`SUBJECT: … ADVISOR COHEN'S` / `` / `VISIT
    /// TO THE UK, OCTOBER 9-14, 2007` / `` / `REF: …`). The next line goes on with it when it is a
    /// [piece of a subject](subject_piece) standing alone, and an element, a paragraph, a caption
    /// or a further such piece comes after it.
    fn subject_goes_on(&self, pos: usize) -> bool {
        let Some(text) = self.cable.body.subject.as_ref().and_then(|s| s.text) else {
            return false;
        };
        if !in_capitals(self.cable.text(text)) {
            return false;
        }
        let line = |i: usize| lex::trim(self.cable.text(self.cable.lines[i].range));
        let Some(next) = self.next_non_blank(pos) else {
            return false;
        };
        // The piece before a continuation header the release joined after it (`AMBASSADOR
        // BRASILIA 00001239 001.2 OF 004`).
        let piece = self.subject_and_joined(Src::new(line(next), 0)).0.text;
        if piece.is_empty() || !subject_piece(piece) {
            return false;
        }
        let Some(after) = self.next_non_blank(next) else {
            return false;
        };
        let t = line(after);
        after > next + 1
            && (label_at_start(t).is_some()
                || paragraph_start(t).is_some()
                || captions(Src::new(t, 0)).is_some()
                || subject_piece(t))
    }

    /// The text of the TAGS element so far.
    fn tags_text(&self) -> &'a str {
        self.cable
            .body
            .tags
            .as_ref()
            .map_or("", |t| self.cable.text(t.range))
    }

    fn next_non_blank(&self, pos: usize) -> Option<usize> {
        (pos + 1..self.cable.lines.len())
            .find(|&i| !self.cable.text(self.cable.lines[i].range).trim().is_empty())
    }

    /// The subject being read, while the first SUBJECT element is open; `None` under a second
    /// one, which adds nothing to it.
    fn first_subject(&mut self) -> Option<&mut Subject> {
        let first = self.open == Open::Subject;
        self.cable.body.subject.as_mut().filter(|_| first)
    }

    /// Reads `t`, a line or the rest of one that goes on with the REF block: its items, and the
    /// classification authority the release may have joined onto the last one (`¶B. CAIRO 457
    /// Classified By: …`, `APRIL 24  Classified By: …`).
    fn refs_continued(&mut self, t: Src<'a>) {
        let segments = split_at_labels(t, Cuts::Authority);
        let items = segments[0];
        if let Some(r) = self.cable.body.refs.as_mut() {
            r.range = r.range.cover(items.full());
        }
        self.ref_items(items);
        self.joined_segments(&segments[1..]);
    }

    /// Reads line `pos` before the text: `src` is its text, `t` the same without leading and
    /// trailing white space.
    fn pre_text_line(&mut self, pos: usize, src: Src<'a>, t: Src<'a>) {
        // Paragraph 1 joined onto the end of the REF block or the classification authority
        // (`REF: TBILISI 1362 1. (SBU)`, `Classified By: …, reasons 1.4 (b,d) 1. (C) AN URGENT
        // CALL …`): the line's head is read as it would be alone, and the text starts at the
        // paragraph's number.
        if let Some(cut) = self.joined_first_paragraph(t) {
            let head = Src::new(t.text[..cut].trim_end(), t.offset);
            self.pre_text_line(pos, head, head);
            self.open = Open::None;
            let rest = t.from(cut);
            self.enter_text(pos, rest, rest);
            return;
        }
        // A received copy's page break inside the SUBJECT or the REF block: the classification
        // repeated at the top of the page and the page header, after which the element may go on
        // (on the page header's line, where the release joined it, or on the next). In the REF
        // block (`REF: A. STATE 40721` / `CONFIDENTIAL` / `PAGE 02 ROME 01196 01 OF 02 082030Z  B.
        // ROME 1098`) the page header is no reference: its serial is the cable's own.
        if matches!(self.open, Open::Subject | Open::RepeatedSubject | Open::Ref) {
            if let Some(len) = subject_interruption(t.text) {
                let head = t.range(0, len);
                if super::record::page_header_len(t.text).is_some() {
                    self.cable.artifacts.push(Artifact {
                        range: head,
                        kind: ArtifactKind::PageHeader,
                    });
                }
                self.cable.lines[pos].kind = LineKind::Artifact;
                let rest = t.from(len).trim();
                if self.open == Open::Ref {
                    if !rest.text.is_empty() {
                        self.refs_continued(rest);
                    }
                } else if let Some(s) = self.first_subject() {
                    s.interruptions.push(head);
                    if !rest.text.is_empty() {
                        s.extend(rest.full());
                    }
                }
                return;
            }
        }
        // Continuations of the open multi-line element.
        match self.open {
            Open::Subject | Open::RepeatedSubject
                if label_at_start(t.text).is_none()
                    && paragraph_start(t.text).is_none()
                    && !is_continuation(t.text)
                    && !ends_subject(t.text)
                    && !self.underlined(pos) =>
            {
                // The release joined the REF block or the classification authority onto the
                // subject's last line (`… PARIS PLENARY REF: STATE 16112`, `… REPORTEDLY FINED
                // Classified By: …`), as onto its first.
                let segments = split_at_labels(t, Cuts::AfterSubject);
                let (head, joined) = self.subject_and_joined(segments[0]);
                if let Some(s) = self.first_subject() {
                    if !head.text.is_empty() {
                        s.extend(head.full());
                    }
                    s.interruptions.extend(joined);
                }
                self.cable.lines[pos].kind = LineKind::Subject;
                self.joined_segments(&segments[1..]);
                return;
            }
            // A dashed rule ends the statement: it opens an underlined heading (`-------` /
            // `Summary` / `-------`) that heads the text.
            Open::ClassifiedBy
                if label_at_start(t.text).is_none()
                    && paragraph_start(t.text).is_none()
                    && !is_rule_line(t.text)
                    && self.authority_goes_on(t.text) =>
            {
                if let Some(c) = self.cable.body.classified_by.as_mut() {
                    c.range = c.range.cover(t.full());
                }
                self.reparse_classified_by();
                self.cable.lines[pos].kind = LineKind::ClassifiedBy;
                return;
            }
            Open::Ref
                if label_at_start(t.text).is_none()
                    && paragraph_start(t.text).is_none()
                    && !is_continuation(t.text) =>
            {
                self.cable.lines[pos].kind = LineKind::Ref;
                self.refs_continued(t);
                return;
            }
            Open::Eo if starts_with_ci(t.text, "DECL") || starts_with_ci(t.text, "N/A") => {
                // The release may have joined TAGS onto the value (`E.O. 12958:` / `N/A TAGS: …`).
                let segments = split_segments(t);
                let t = segments[0];
                let value = parse_eo_value(t);
                if let Some(eo) = self.cable.body.eo.as_mut() {
                    eo.range = eo.range.cover(t.full());
                    eo.value = value;
                    eo.value_range = Some(t.full());
                }
                self.open = Open::None;
                self.cable.lines[pos].kind = LineKind::Eo;
                self.joined_segments(&segments[1..]);
                return;
            }
            Open::Tags
                if label_at_start(t.text).is_none()
                    && is_tags_continuation(t.text, self.tags_text()) =>
            {
                // The line continues the TAGS label on the line before it; when that was a second
                // TAGS element, apart from the one read (a truncated preview's and then the full
                // copy's), the line is TAGS all the same but adds nothing to the list.
                let prev_start = self.cable.lines[pos.saturating_sub(1)].range.start();
                if let Some(tags) = self
                    .cable
                    .body
                    .tags
                    .as_mut()
                    .filter(|tags| tags.range.end() >= prev_start)
                {
                    tags.range = tags.range.cover(t.full());
                    tags.tokens.extend(tag_tokens(t));
                }
                self.open = Open::None;
                self.cable.lines[pos].kind = LineKind::Tags;
                return;
            }
            _ => {}
        }
        self.open = Open::None;
        if let Some(c) = parse_continuation(t) {
            // A page break inside the elements before the text.
            self.cable.body.continuations.push(c);
            self.cable.lines[pos].kind = LineKind::Continuation;
            return;
        }
        if paragraph_start(t.text).is_some() {
            self.enter_text(pos, src, t);
            return;
        }
        let segments = split_segments(t);
        let mut kind = LineKind::Unknown;
        for (i, seg) in segments.iter().enumerate() {
            let k = self.pre_text_segment(*seg, i == 0);
            if i == 0 || kind == LineKind::Passing || kind == LineKind::Caption {
                kind = k;
            }
            if k == LineKind::Text {
                // Words the release left before a joined authority (`APRIL 24  Classified By: …`,
                // the end of a REF item) are no text yet: the authority comes before the text.
                let authority_after = i + 1 < segments.len()
                    && segments[i + 1..]
                        .iter()
                        .all(|s| matches!(label_at_start(s.text), Some(Label::ClassifiedBy(..))));
                if authority_after && self.cable.body.classified_by.is_none() {
                    kind = LineKind::Unknown;
                    continue;
                }
                // The text zone starts at this line.
                self.enter_text(pos, src, t);
                return;
            }
        }
        self.cable.lines[pos].kind = kind;
    }

    /// Where a numbered paragraph with a portion marking starts that the release joined onto the
    /// end of a REF item or of the classification authority (the line holds the element's label,
    /// or continues the open REF block or authority), as a byte offset into `t`; `None` for any
    /// other line, and for a line that holds another such paragraph after it. See
    /// [`marked_paragraphs_in`] for what counts as a paragraph.
    fn joined_first_paragraph(&self, t: Src<'a>) -> Option<usize> {
        if !self.cable.body.paragraphs.is_empty() {
            return None;
        }
        // Paragraph 1, the first marked paragraph on the line. A line that holds further marked
        // paragraphs after it is a text the release took all line breaks from (08TRIPOLI442's
        // `… REASON: 1.4 (b), (d) 1. (C) GOL officials … 2. (C) …`): its paragraphs are not read
        // from it, paragraph 1 among them.
        let mut marked = marked_paragraphs_in(t.text);
        let (at, number) = marked.next()?;
        if number != 1 || marked.next().is_some() {
            return None;
        }
        // The element the paragraph is joined onto: that of the segment it stands in, or the
        // open one when the line continues it.
        let segments = split_segments(t);
        let seg = segments
            .iter()
            .rev()
            .find(|s| s.offset - t.offset <= at)
            .copied()
            .unwrap_or(t);
        let element_ok = match label_at_start(seg.text) {
            Some(Label::Ref(_) | Label::ClassifiedBy(..)) => true,
            Some(_) => false,
            None => seg.offset == t.offset && matches!(self.open, Open::Ref | Open::ClassifiedBy),
        };
        element_ok.then_some(at)
    }

    fn pre_text_segment(&mut self, seg: Src<'a>, first: bool) -> LineKind {
        let t = seg.text;
        let label = label_at_start(t).or_else(|| {
            let typo = label_typo_at_start(t)?;
            let (element, len) = match typo {
                Label::Eo(l) => (Element::Eo, l),
                Label::Subject(l) => (Element::Subject, l),
                Label::ClassifiedBy(l, _) => (Element::ClassifiedBy, l),
                Label::Tags(l, _) => (Element::Tags, l),
                Label::Ref(l) => (Element::Ref, l),
            };
            self.cable
                .body
                .label_typos
                .push((element, seg.range(0, len)));
            Some(typo)
        });
        if let Some(label) = label {
            match label {
                Label::Eo(len) => {
                    self.eo(seg, len);
                    if matches!(
                        self.cable.body.eo.as_ref().map(|e| &e.value),
                        Some(EoValue::Missing)
                    ) {
                        self.open = Open::Eo;
                    }
                    return LineKind::Eo;
                }
                Label::Tags(len, canonical) => {
                    self.tags(seg, len, canonical);
                    self.open = Open::Tags;
                    return LineKind::Tags;
                }
                Label::Subject(len) => {
                    self.open = if self.cable.body.subject.is_some() {
                        Open::RepeatedSubject
                    } else {
                        Open::Subject
                    };
                    self.subject(seg, len);
                    return LineKind::Subject;
                }
                Label::Ref(len) => {
                    self.refs(seg, len);
                    self.open = Open::Ref;
                    return LineKind::Ref;
                }
                Label::ClassifiedBy(len, derived) => {
                    self.classified_by(seg, len, derived);
                    self.open = Open::ClassifiedBy;
                    return LineKind::ClassifiedBy;
                }
            }
        }
        if let Some(caps) = captions(seg) {
            self.cable.body.captions.extend(caps);
            return LineKind::Caption;
        }
        if is_artifact_line(t) {
            return LineKind::Artifact;
        }
        if let Some((b, _)) = parse_banner(seg) {
            self.cable.body.repeated_banners.push(b);
            return LineKind::Banner;
        }
        let body = &self.cable.body;
        let before_eo = body.eo.is_none() && body.tags.is_none() && body.subject.is_none();
        if before_eo && first {
            // A sentence with no element after it is the text of a cable that has none of them
            // (`UNCLAS OSLO 000001` / `The minister said yes.`), not a passing line (`DEPT FOR
            // EUR/NB`, `PASS TO USTR`).
            if is_sentence(t) && !self.element_ahead() {
                return LineKind::Text;
            }
            self.cable.body.passing.push(seg.full());
            return LineKind::Passing;
        }
        if self.seen_subject {
            // Elements still to come (REF, Classified By) mean this is not the text yet.
            if self.label_ahead() {
                return LineKind::Unknown;
            }
            return LineKind::Text;
        }
        LineKind::Unknown
    }

    /// Reads the elements the release joined onto a line that continued an open element (each
    /// segment starts at a label); the line keeps the open element's kind.
    fn joined_segments(&mut self, segments: &[Src<'a>]) {
        for seg in segments {
            self.pre_text_segment(*seg, false);
        }
    }

    /// Whether an E.O., TAGS, SUBJECT, REF or classification authority label (or its typo) starts
    /// a line after the current one, or a segment of one where the release joined it on.
    fn element_ahead(&mut self) -> bool {
        let from = self.cur + 1;
        let next = match self.next_label {
            Some(n) if n >= from => n,
            _ => {
                let n = (from..self.cable.lines.len())
                    .find(|&i| {
                        // A label the release joined onto a line counts (`ZFR --- ZFR E.O.
                        // 12958: N/A TAGS: …`).
                        split_segments(src_of(self.cable, i).trim())
                            .iter()
                            .any(|seg| {
                                label_at_start(seg.text).is_some()
                                    || label_typo_at_start(seg.text).is_some()
                            })
                    })
                    .unwrap_or(usize::MAX);
                self.next_label = Some(n);
                n
            }
        };
        next != usize::MAX
    }

    /// Whether a REF or classification authority label follows within the next few lines, before
    /// any numbered paragraph.
    fn label_ahead(&self) -> bool {
        let mut seen = 0;
        for l in &self.cable.lines[self.cur + 1..] {
            let t = self.cable.text(l.range).trim();
            if t.is_empty() {
                continue;
            }
            if paragraph_start(t).is_some() {
                return false;
            }
            if matches!(
                label_at_start(t),
                Some(Label::Ref(_) | Label::ClassifiedBy(..))
            ) {
                return true;
            }
            seen += 1;
            if seen >= 4 {
                return false;
            }
        }
        false
    }

    fn enter_text(&mut self, pos: usize, src: Src<'a>, trimmed: Src<'a>) {
        self.in_text = true;
        self.prev_blank = true;
        self.text_line(pos, src, trimmed);
    }

    /// Reads line `pos` of the text: `src` is its text, `trimmed` the same without leading and
    /// trailing white space.
    fn text_line(&mut self, pos: usize, src: Src<'a>, trimmed: Src<'a>) {
        let tt = trimmed.text;
        if let Some(c) = parse_continuation(trimmed) {
            self.cable.body.continuations.push(c);
            self.cable.lines[pos].kind = LineKind::Continuation;
            return;
        }
        if matches!(tt, "NNNN" | "NNN" | "BT" | "End Cable Text")
            || (has_prefix(tt, "===") && tt.contains("CABLE ENDS"))
            || is_eom_serial(tt)
        {
            self.cable.body.end_markers.push(trimmed.full());
            self.cable.lines[pos].kind = LineKind::EndMarker;
            return;
        }
        if self.open == Open::ClassifiedBy {
            if paragraph_start(tt).is_none()
                && label_at_start(tt).is_none()
                && !is_rule_line(tt)
                && self.authority_goes_on(tt)
            {
                if let Some(c) = self.cable.body.classified_by.as_mut() {
                    c.range = c.range.cover(trimmed.full());
                }
                self.reparse_classified_by();
            } else {
                self.open = Open::None;
            }
        }
        // The release's mark of a section it does not hold, and the rows of asterisks boxing it.
        let missing = missing_section_number(tt).is_some();
        if missing || self.boxes_missing_section_mark(pos, tt) {
            if missing {
                self.cable.artifacts.push(Artifact {
                    range: trimmed.full(),
                    kind: ArtifactKind::MissingSection,
                });
            }
            self.cable.lines[pos].kind = LineKind::Artifact;
            return;
        }
        if is_release_id_line(tt) {
            // The release's own line with the record's id and classification, after the text.
            self.cable.artifacts.push(Artifact {
                range: trimmed.full(),
                kind: ArtifactKind::ReleaseNotice,
            });
            self.cable.lines[pos].kind = LineKind::Artifact;
            return;
        }
        if is_trailer_line(tt) {
            // The classification line, SIPDIS or a declassification stamp after the signature.
            self.cable.lines[pos].kind = LineKind::Artifact;
            return;
        }
        // A handling notice with paragraph 1 joined onto it: the notice is the SENSITIVE caption
        // it reads as alone, and the paragraph starts after it.
        let src = match joined_notice_len(src.text) {
            Some(len) => {
                self.cable.body.captions.push(Caption {
                    range: src.range(0, len),
                    kind: CaptionKind::Sensitive,
                });
                let rest = src.from(len);
                rest.from(rest.text.len() - rest.text.trim_start_matches(' ').len())
            }
            None => src,
        };
        let was_blank = std::mem::replace(&mut self.prev_blank, false);
        if is_rule_line(tt) {
            self.cable.lines[pos].kind = LineKind::Heading;
            return;
        }
        if let Some(mut p) = parse_paragraph(src).filter(|p| !self.continues_sentence(p)) {
            // In an UNCLAS cable an unreadable parenthesis after the number is a topic label
            // (`(UN)`, `(EU)` in media-reaction paragraphs), not a garbled marking.
            let unclas = self
                .cable
                .body
                .banner
                .as_ref()
                .is_some_and(|b| !b.level.is_classified());
            if unclas
                && p.marking.as_ref().is_some_and(|m| {
                    m.level.is_none() && !meant_as_marking(self.cable.text(m.range))
                })
            {
                p.marking = None;
            }
            // Paragraph 0 is a paragraph only with a portion marking (`0. (S//NF)`, a slip for
            // 1 or a digit the release lost: 04BRASILIA1291's `¶0. (C)` between 9 and 12), so
            // that `paragraph-numbering` reports the number as written; a bare `0.` at a line
            // start is a figure or a list item.
            let numbered =
                p.number.value > 0 || p.marking.as_ref().is_some_and(|m| m.level.is_some());
            if numbered && (was_blank || self.paragraph_without_blank(pos, &p)) {
                {
                    self.cable.body.paragraphs.push(p);
                    let idx = self.cable.body.paragraphs.len() - 1;
                    self.current_paragraph = Some(idx);
                    self.cable.lines[pos].kind = LineKind::Paragraph;
                    if self
                        .cable
                        .body
                        .element_order
                        .iter()
                        .all(|(e, _)| *e != Element::FirstParagraph)
                    {
                        self.cable
                            .body
                            .element_order
                            .push((Element::FirstParagraph, src.full()));
                    }
                    self.last_text_line = Some(pos);
                    self.markers(src, Some(idx), true);
                    // The 1990s authority inside paragraph 1 (`1. CLASSIFIED BY … REASON: 1.5 (D).`,
                    // spec §3.15 legacy form, `(U)` optional).
                    let at = paragraph_text_start(src.text);
                    let rest = src.from(at);
                    if let Some((len, derived)) = classified_label(rest.text) {
                        if self.cable.body.classified_by.is_none() {
                            self.classified_by(rest, len, derived);
                            // It is part of paragraph 1, not an element before it.
                            self.cable
                                .body
                                .element_order
                                .retain(|(e, _)| *e != Element::ClassifiedBy);
                            self.open = Open::ClassifiedBy;
                        }
                    }
                    return;
                }
            }
        }
        if was_blank {
            if let Some((b, _)) = parse_banner(trimmed) {
                self.cable.body.repeated_banners.push(b);
                self.cable.lines[pos].kind = LineKind::Banner;
                return;
            }
        }
        // A heading: a short line standing alone under or above a dashed rule.
        let next_is_rule = self.next_line_is_rule(pos)
            || (pos > 0
                && self.cable.lines[pos - 1].kind == LineKind::Heading
                && self.line_is_rule(pos - 1));
        if next_is_rule && tt.len() <= 80 {
            self.cable.lines[pos].kind = LineKind::Heading;
            self.current_paragraph = None;
            self.markers(trimmed, None, true);
            return;
        }
        if let Some(idx) = self.current_paragraph {
            let p = &mut self.cable.body.paragraphs[idx];
            p.range = p.range.cover(trimmed.full());
        }
        self.cable.lines[pos].kind = LineKind::Text;
        self.last_text_line = Some(pos);
        self.markers(trimmed, self.current_paragraph, was_blank);
    }

    /// Whether a numbered line that follows another line of text without a blank line starts a
    /// paragraph (spec §1.2 puts no blank line between text elements): it does when it carries the
    /// release's pilcrow or a portion marking, when it stands under a heading or its rule, or when
    /// it has the next paragraph number, starts a sentence and the line before ends one. A numbered
    /// list inside a paragraph (`1.`, `2.` inside paragraph 4) is none of these.
    fn paragraph_without_blank(&self, pos: usize, p: &Paragraph) -> bool {
        if p.marking.as_ref().is_some_and(|m| m.level.is_some()) {
            return true;
        }
        // A page break between the two lines does not count as a line.
        let Some(prev) = (0..pos).rev().find(|&i| {
            !matches!(
                self.cable.lines[i].kind,
                LineKind::Blank | LineKind::Continuation
            )
        }) else {
            return true;
        };
        if matches!(
            self.cable.lines[prev].kind,
            LineKind::Heading | LineKind::Banner
        ) {
            return true;
        }
        // The release put a pilcrow before any number at a line start, also inside a sentence
        // (`… on September` / `¶15. Charge told …`), so the pilcrow alone does not decide.
        let expected = self
            .cable
            .body
            .paragraphs
            .last()
            .map_or(1, |last| last.number.value + 1);
        if !p.pilcrow && p.number.value != expected {
            return false;
        }
        let text_start = self.cable.text(p.first_line)
            [(p.marking_insert_at as usize - p.first_line.start())..]
            .trim_start();
        let starts_sentence = text_start
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '"' || c == '(');
        let prev_text = self.cable.text(self.cable.lines[prev].range).trim_end();
        starts_sentence && prev_text.ends_with(['.', '"', ')', '?', '!', '\''])
    }

    /// Whether a numbered line is a number that the line of text before it leaves open, which the
    /// release broke off and often gave its pilcrow and a blank line (spec §2): a paragraph
    /// reference (`… Please see paragraph` / `¶6.`, `… in para.` / `3. …`), or, with the pilcrow
    /// and a number that can be a day, a date or a range (`… on January` / `¶13. Foreign Ministry
    /// officials`, `… on August 10 or` / `¶11.`, `… from 7 to` / `¶11.`). A number that carries a
    /// portion marking starts a paragraph all the same. The decision does not depend on the
    /// numbers of the paragraphs before, so that renumbering them (`paragraph-numbering`'s fix)
    /// does not change it.
    fn continues_sentence(&self, p: &Paragraph) -> bool {
        if p.marking.as_ref().is_some_and(|m| m.level.is_some()) {
            return false;
        }
        let Some(prev) = self.last_text_line else {
            return false;
        };
        let prev_text = self.cable.text(self.cable.lines[prev].range).trim_end();
        // The word left open (`see paragraph`), or the abbreviation with its point (`see para.`);
        // a point after the word in full ends a sentence (`… fought over a paragraph.`), and the
        // numbered line after it starts a paragraph whatever its marking.
        let reference = prev_text.strip_suffix('.');
        if ["paragraph", "paragraphs", "para", "paras"]
            .iter()
            .any(|w| ends_with_word(prev_text, w).is_some())
            || ["para", "paras"]
                .iter()
                .any(|w| reference.is_some_and(|r| ends_with_word(r, w).is_some()))
        {
            return true;
        }
        if !p.pilcrow || p.number.value > 31 {
            return false;
        }
        // Month names in full and shortened (`May` is both), and the words of a range.
        const BEFORE_NUMBER: [&str; 13] = [
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec", "or",
            "to",
        ];
        // `and` only after a number (`Rabta 1 and` / `¶2.`), not after any word.
        let and_range = ends_with_word(prev_text, "and").is_some_and(|at| {
            prev_text[..at]
                .trim_end()
                .bytes()
                .last()
                .is_some_and(|b| b.is_ascii_digit())
        });
        and_range
            || MONTH_NAMES
                .iter()
                .chain(&BEFORE_NUMBER)
                .any(|w| ends_with_word(prev_text, w).is_some())
    }

    /// Whether the line at `pos` is a row of asterisks directly above or below a missing-section
    /// mark (the release boxes `* Missing Section 002 *` in them).
    fn boxes_missing_section_mark(&self, pos: usize, t: &str) -> bool {
        let stars = t.len() >= 3 && t.bytes().all(|b| b == b'*' || b == b' ');
        let mark_at = |i: usize| {
            self.cable
                .lines
                .get(i)
                .is_some_and(|l| missing_section_number(self.cable.text(l.range)).is_some())
        };
        stars && ((pos > 0 && mark_at(pos - 1)) || mark_at(pos + 1))
    }

    fn next_line_is_rule(&self, pos: usize) -> bool {
        pos + 1 < self.cable.lines.len() && self.line_is_rule(pos + 1)
    }

    fn line_is_rule(&self, pos: usize) -> bool {
        let range = self.cable.lines[pos].range;
        // A rule's first byte after white space is `-`, `=` or `_`: a line whose first other byte
        // is another ASCII character is none (a non-ASCII byte may be white space), and neither
        // is a blank line. The bytes are read without making a `str` of them (which checks that
        // the range falls on character boundaries): this runs on most lines of text.
        let first = self.cable.src.as_bytes()[range.as_range()]
            .iter()
            .find(|b| !matches!(b, b'\t'..=b'\r' | b' '));
        match first {
            None => return false,
            Some(&b) if b.is_ascii() && !matches!(b, b'-' | b'=' | b'_') => return false,
            Some(_) => {}
        }
        let t = lex::trim(self.cable.text(range));
        is_rule_line(t) && !t.contains('_')
    }

    #[inline]
    fn markers(&mut self, src: Src, paragraph: Option<usize>, starts_block: bool) {
        let Some(candidates) = &self.find_markers else {
            return;
        };
        // A closer broken over the line starts it with its word (`summary`, `comment`, `note`)
        // after white space: a line whose first other byte is another ASCII character has none.
        let closer_word = match src
            .text
            .bytes()
            .find(|b| !matches!(b, b'\t'..=b'\r' | b' '))
        {
            Some(c) if c.is_ascii() => matches!(c | 0x20, b's' | b'c' | b'n'),
            _ => true,
        };
        // Most lines have neither a closer's word at their start nor a marker: they are done
        // here, without the frame of the search (this runs on every line of text).
        if closer_word || candidates.may_hold(src) {
            self.markers_of_line(src, paragraph, starts_block, closer_word);
        }
    }

    /// [`BodyParser::markers`] of a line that may hold one; `closer_word` says whether it starts
    /// with a letter a closer's word starts with.
    #[inline(never)]
    fn markers_of_line(
        &mut self,
        src: Src,
        paragraph: Option<usize>,
        starts_block: bool,
        closer_word: bool,
    ) {
        let split = if closer_word {
            self.split_closer(src, paragraph)
        } else {
            None
        };
        let (src, starts_block) = match split {
            Some(n) => (src.from(n), false),
            None => (src, starts_block),
        };
        // A line without a closer's word was let through by its candidates ([`Self::markers`]),
        // and no closer split it.
        let may_hold =
            !closer_word || (self.find_markers.as_ref()).is_some_and(|c| c.may_hold(src));
        if may_hold && names_marker_word(src.text) {
            find_markers(src, paragraph, starts_block, &mut self.cable.body.markers);
        }
    }

    /// A closer broken across a line by the reflow (`… routes. End` / `Summary.`, `(End` /
    /// `Summary)`, `END COMMENT AND` / `SUMMARY.`), also over blank lines when the marker word
    /// stands alone on its line (`End` / blank / `Summary.` in double-spaced text): when this line
    /// starts with the marker word and the line before ends with `End`, records the closer over
    /// both lines and returns the byte length of the word on this line.
    fn split_closer(&mut self, src: Src, paragraph: Option<usize>) -> Option<usize> {
        let t = src.text;
        let lead = t.len() - t.trim_start().len();
        let word_len = t[lead..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let word = &t[lead..lead + word_len];
        let kind = if word.eq_ignore_ascii_case("summary") {
            MarkerKind::SummaryClose
        } else if word.eq_ignore_ascii_case("comment") || word.eq_ignore_ascii_case("comments") {
            MarkerKind::CommentClose
        } else if word.eq_ignore_ascii_case("note") {
            MarkerKind::NoteClose
        } else {
            return None;
        };
        let prev = (0..self.cur)
            .rev()
            .find(|&i| self.cable.lines[i].kind != LineKind::Blank)?;
        let alone = t[lead + word_len..]
            .trim()
            .bytes()
            .all(|b| matches!(b, b'.' | b')' | b':' | b'-'));
        if prev + 1 != self.cur && !alone {
            return None;
        }
        let pr = self.cable.lines[prev].range;
        let pt = self.cable.text(pr).trim_end();
        let end_at = match ends_with_word(pt, "end") {
            Some(at) => at,
            // `END COMMENT AND` / `SUMMARY.`: the comment's closer is read on the line before.
            None => {
                let and = and_after_closer(pt)?;
                if kind != MarkerKind::SummaryClose {
                    return None;
                }
                and
            }
        };
        self.cable.body.markers.push(Marker {
            range: TextRange::new(pr.start() + end_at, src.offset + lead + word_len),
            kind,
            paragraph,
            heading: false,
        });
        Some(lead + word_len)
    }

    fn eo(&mut self, seg: Src, label_len: usize) {
        let label = seg.range(0, label_len);
        let rest = seg.from(label_len);
        let rest_trim = rest.trim();
        let num_len = rest_trim
            .text
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let number = (num_len > 0).then(|| Num {
            range: rest_trim.range(0, num_len),
            value: parse_u32(&rest_trim.text[..num_len]).unwrap_or(0),
        });
        let mut after = rest_trim.from(num_len);
        if after.text.starts_with(':') {
            after = after.from(1);
        }
        let value_src = after.trim();
        let value = parse_eo_value(value_src);
        let line = EoLine {
            range: seg.full(),
            label,
            number,
            value,
            value_range: (!value_src.text.is_empty()).then(|| value_src.full()),
        };
        if self.cable.body.eo.is_none() {
            self.cable
                .body
                .element_order
                .push((Element::Eo, seg.full()));
            self.cable.body.eo = Some(line);
        }
    }

    fn tags(&mut self, seg: Src, label_len: usize, canonical: bool) {
        let label = seg.range(0, label_len);
        let rest = seg.from(label_len);
        // A received copy's page header the release joined into the line is no tag: the codes
        // before and after it are read.
        let tokens = match page_header_in(rest.text) {
            Some((at, len)) => {
                self.cable.artifacts.push(Artifact {
                    range: rest.range(at, at + len),
                    kind: ArtifactKind::PageHeader,
                });
                let mut tokens = tag_tokens(Src::new(&rest.text[..at], rest.offset));
                tokens.extend(tag_tokens(rest.from(at + len)));
                tokens
            }
            None => tag_tokens(rest),
        };
        if let Some(tags) = self.cable.body.tags.as_mut() {
            // A second `TAGS:` label inside the list keeps what follows it.
            if seg.offset >= tags.range.start() && tags.range.end() + 2 >= seg.offset {
                tags.range = tags.range.cover(seg.full());
                tags.tokens.extend(tokens);
            }
            return;
        }
        {
            self.cable
                .body
                .element_order
                .push((Element::Tags, seg.full()));
            self.cable.body.tags = Some(TagsLine {
                range: seg.full(),
                label,
                canonical_label: canonical,
                tokens,
            });
        }
    }

    fn subject(&mut self, seg: Src, label_len: usize) {
        let label = seg.range(0, label_len);
        let mut rest = seg.from(label_len).trim();
        let mut marking = None;
        if rest.text.starts_with('(') {
            if let Some(close) = rest.text.as_bytes()[..rest.text.len().min(40)]
                .iter()
                .position(|&c| c == b')')
            {
                if let Some(m) = parse_marking(rest.range(0, close + 1), &rest.text[1..close]) {
                    marking = Some(m);
                    rest = rest.from(close + 1).trim();
                }
            }
        }
        self.seen_subject = true;
        if self.cable.body.subject.is_none() {
            let (head, joined) = self.subject_and_joined(rest);
            self.cable
                .body
                .element_order
                .push((Element::Subject, seg.full()));
            self.cable.body.subject = Some(Subject {
                range: seg.full(),
                label,
                marking,
                text: (!head.text.is_empty()).then(|| head.full()),
                interruptions: joined.into_iter().collect(),
            });
        }
    }

    /// The post the banner names (`OSLO` in `C O N F I D E N T I A L OSLO 000123`), when it
    /// names one.
    fn banner_origin(&self) -> Option<&'a str> {
        self.cable
            .body
            .banner
            .as_ref()
            .and_then(|b| b.origin)
            .map(|o| self.cable.text(o))
    }

    /// Splits a line of the subject into the subject's words and what the release joined after
    /// them ([`joined_after_subject`]: a continuation header of the cable's own post or a handling
    /// sentence, to the line's end), which is an interruption of the subject.
    fn subject_and_joined<'s>(&self, t: Src<'s>) -> (Src<'s>, Option<TextRange>) {
        let origin = self.banner_origin();
        match joined_after_subject(t.text, origin) {
            Some(at) => (
                Src::new(t.text[..at].trim_end(), t.offset),
                Some(t.range(at, t.text.len())),
            ),
            None => (t, None),
        }
    }

    fn refs(&mut self, seg: Src<'a>, label_len: usize) {
        let label = seg.range(0, label_len);
        if self.cable.body.refs.is_none() {
            self.cable
                .body
                .element_order
                .push((Element::Ref, seg.full()));
            self.cable.body.refs = Some(RefBlock {
                range: seg.full(),
                label,
                lines: Vec::new(),
                items: Vec::new(),
            });
        }
        self.ref_items(seg.from(label_len));
    }

    /// Adds a line of the REF block. The items are read once the whole block is known (in
    /// [`Self::finish`]), so that an item may run over a line break and a block of many lines
    /// is read once, not once per line.
    fn ref_items(&mut self, src: Src) {
        // The release may have joined the page's continuation header onto an item without a
        // space when it joined the REF block onto the subject (`C. CAIRO 507CAIRO 00000524 001.2
        // OF 002`): the header is no part of the item, and the block goes on after it, unless the
        // text does (`1. In response to reftel`). (A header after a space the items' reader
        // knows by itself.)
        let origin = self.banner_origin();
        let t = src.trim();
        let mut pieces = [Some(t), None];
        if let Some((at, end)) = origin.and_then(|o| joined_continuation_span(t.text, o)) {
            if !t.text[..at].ends_with(char::is_whitespace) {
                let rest = t.from(end).trim();
                pieces = [
                    Some(Src::new(&t.text[..at], t.offset)),
                    paragraph_start(rest.text).is_none().then_some(rest),
                ];
            }
        }
        let Some(block) = self.cable.body.refs.as_mut() else {
            return;
        };
        for piece in pieces.into_iter().flatten() {
            if !piece.text.is_empty() {
                block.lines.push(piece.full());
            }
        }
    }

    fn classified_by(&mut self, seg: Src, label_len: usize, derived: bool) {
        if self.cable.body.classified_by.is_some() {
            return;
        }
        self.cable
            .body
            .element_order
            .push((Element::ClassifiedBy, seg.full()));
        self.cable.body.classified_by = Some(ClassifiedBy {
            range: seg.full(),
            label: seg.range(0, label_len),
            derived,
            section: None,
            letters: Vec::new(),
        });
        self.reparse_classified_by();
    }

    /// Letters of a lettered list after paragraph numbers (`1. (A) …`, `2. (B) …` keying answers to
    /// a list of questions) are no portion markings: a run of two or more paragraphs whose numbers
    /// are followed by consecutive letters, one of them no level (`(A)`, `(B)`; the release's
    /// garbled markings have two letters or more, spec T-4), level letters in such a run (`(B)`,
    /// `(C)`, `(D)`) included, and a lone `(A)`. Another lone letter that is no level (`2. (Q) Text`)
    /// is a mistyped marking.
    fn drop_answer_letters(&mut self) {
        let src = self.cable.src;
        // The letter in parentheses right after the paragraph number, marking or not (an UNCLAS
        // cable's parser already dropped the unreadable ones).
        let letter = |p: &Paragraph| -> Option<u8> {
            let t = src[p.marking_insert_at as usize..].trim_start().as_bytes();
            (t.len() >= 3 && t[0] == b'(' && t[1].is_ascii_uppercase() && t[2] == b')')
                .then(|| t[1])
        };
        let is_level = |c: u8| matches!(c, b'C' | b'S' | b'U');
        let paragraphs = &mut self.cable.body.paragraphs;
        let mut i = 0;
        while i < paragraphs.len() {
            // The run of paragraphs whose numbers are followed by consecutive letters.
            let mut j = i + 1;
            if let Some(first) = letter(&paragraphs[i]) {
                while j < paragraphs.len()
                    && letter(&paragraphs[j]).map(u32::from)
                        == Some(u32::from(first) + (j - i) as u32)
                {
                    j += 1;
                }
            }
            let run = &mut paragraphs[i..j];
            let labels = run.iter().filter_map(&letter).any(|c| !is_level(c));
            // A lone letter that is no level (`2. (Q) Text`) is a mistyped marking, reported as
            // one; a run of letters is a list, and so is a lone `(A)` (a list whose further items
            // are no numbered paragraphs).
            if labels && (run.len() >= 2 || letter(&run[0]) == Some(b'A')) {
                for p in run.iter_mut() {
                    p.marking = None;
                }
            }
            i = j;
        }
    }

    /// Whether line `t` (trimmed) goes on with the open classification authority statement. It
    /// does while the statement's reason is unfinished: no section or no letter read yet, a
    /// parenthesis left open (`1.4 (b) and (d` / `).`) or a connector at its end (`1.4 (b),` /
    /// `(d).`, `1.4 (b) and` / `d`, `1.4 (b/` / `d).`), so that a wrapped name, title or reason is
    /// read whole. Once the reason is finished, only the rest of its letters goes on with it
    /// ([`continues_reason`]: `1.4 B` / `AND D.`, `1.4 (b) a` / `nd (d).`); any other line (a
    /// salutation `Mr. Secretary:`, a heading `Summary`, the first line of the text, the
    /// classification repeated at the foot of a page) is no part of the statement.
    fn authority_goes_on(&self, t: &str) -> bool {
        let Some(cb) = self.cable.body.classified_by.as_ref() else {
            return true;
        };
        if cb.section.is_none() || cb.letters.is_empty() {
            return true;
        }
        let text = &self.cable.src[cb.label.end()..cb.range.end()];
        reason_unfinished(text) || continues_reason(t)
    }

    /// Reads the reason (section and letters) of the whole classification authority block, across
    /// its line breaks.
    fn reparse_classified_by(&mut self) {
        let Some(cb) = self.cable.body.classified_by.as_ref() else {
            return;
        };
        let start = cb.label.end();
        let end = cb.range.end();
        let text = &self.cable.src[start..end];
        let (section, letters) = parse_reason(text, start);
        let cb = self
            .cable
            .body
            .classified_by
            .as_mut()
            .expect("checked above");
        cb.section = section;
        cb.letters = letters;
    }

    fn finish(&mut self) {
        if let Some(block) = self.cable.body.refs.as_mut() {
            block.items = super::refs::parse_items(self.cable.src, &block.lines);
        }
        self.drop_answer_letters();
        self.find_signature();
        if self.cable.body.signature.is_none() {
            self.signature_before_trailer();
        }
    }

    /// The signature above what a post or the release put after it: the post's website banner
    /// (`"Visit Ankara's Classified Web Site at http://…"` and the rest of its address), the
    /// classification repeated (`SENSITIVE BUT UNCLASSIFIED`), a page number or date stamp
    /// (`1`, `1/21/2009`), the export's remnants (a closing quote `"`, `</table>`, rows of `/` or
    /// `.`) and a preview cut off at the end (`DANIEL ORTEGA AN...`). Those lines become
    /// artifacts. A lone lower-case surname (`jones`) is a signature here only when the line
    /// above ends a sentence or is a website banner, so a sentence's last word is never taken
    /// for one. Runs once per cable, on at most a few lines from the end.
    fn signature_before_trailer(&mut self) {
        let is_text = |k: LineKind| {
            matches!(
                k,
                LineKind::Text | LineKind::Paragraph | LineKind::Unknown | LineKind::Heading
            )
        };
        let mut trailer = Vec::new();
        let mut candidate = None;
        for pos in (0..self.cable.lines.len()).rev() {
            let kind = self.cable.lines[pos].kind;
            if matches!(
                kind,
                LineKind::Blank | LineKind::EndMarker | LineKind::Artifact
            ) {
                continue;
            }
            if !is_text(kind) {
                return;
            }
            let t = src_of(self.cable, pos).trim().text;
            if trailer.len() < 12 && is_after_signature(t, trailer.is_empty()) {
                trailer.push(pos);
                continue;
            }
            candidate = Some(pos);
            break;
        }
        let Some(pos) = candidate else {
            return;
        };
        let src = src_of(self.cable, pos).trim();
        // The export's closing quote stuck to the last line (`SPOGLI"`, `GFOELLER ",`).
        let unquoted = src.text.trim_end_matches([',', ' ']);
        let src = match unquoted.strip_suffix('"') {
            Some(u) if trailer.is_empty() && !u.contains('"') => Src::new(u.trim_end(), src.offset),
            _ => src,
        };
        let sig = match signature_in(src) {
            // The last line of text was read as it stands before the trailer was looked for.
            Some(sig) if !trailer.is_empty() || src.text.len() < unquoted.len() => sig,
            _ if self.lower_case_signature(pos, src.text) => src.full(),
            _ => return,
        };
        if sig == src.full() && self.cable.lines[pos].kind == LineKind::Paragraph {
            return;
        }
        self.cable.body.signature = Some(sig);
        if sig == src.full() {
            self.cable.lines[pos].kind = LineKind::Signature;
        }
        for t in trailer {
            self.cable.lines[t].kind = LineKind::Artifact;
        }
    }

    /// Whether line `pos`, one lower-case word (`jones`), stands where a signature stands: the
    /// nearest line of text above it ends a sentence, a comment or a website banner.
    fn lower_case_signature(&self, pos: usize, t: &str) -> bool {
        if t.len() < 3
            || !t
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-')
            || NOT_SURNAMES.contains(&t.to_ascii_uppercase().as_str())
            || is_surname_particle(t)
        {
            return false;
        }
        let above = (0..pos).rev().find_map(|p| {
            let t = src_of(self.cable, p).trim().text;
            (!t.is_empty()).then_some(t)
        });
        above.is_some_and(|a| {
            a.ends_with(['.', '"', ')', '!', '?', '*'])
                || a.contains("://")
                || ["END COMMENT", "END NOTE", "END SUMMARY"]
                    .iter()
                    .any(|e| ends_with_ignore_case(a, e))
        })
    }

    fn find_signature(&mut self) {
        // The signature: the last line of text, when it is a surname (or ends with one). A line
        // under a dashed rule reads as a heading, but one that ends the text heads nothing: the
        // posts close with their website's banner between rules and then sign (`-----` /
        // `Visit Embassy Madrid's Classified Website;` / `-----` / `AGUIRRE`).
        let last_heading = self.cable.lines.iter().rposition(|l| {
            matches!(
                l.kind,
                LineKind::Text | LineKind::Paragraph | LineKind::Unknown | LineKind::Heading
            )
        });
        let Some(last) = self.last_text_line else {
            return;
        };
        if let Some(h) = last_heading.filter(|&h| h > last) {
            let src = src_of(self.cable, h).trim();
            if self.cable.lines[h].kind == LineKind::Heading
                && !is_rule_line(src.text)
                && signature_in(src) == Some(src.full())
            {
                self.cable.body.signature = Some(src.full());
                self.cable.lines[h].kind = LineKind::Signature;
                return;
            }
        }
        let later_text = self.cable.lines[last + 1..].iter().any(|l| {
            matches!(
                l.kind,
                LineKind::Text | LineKind::Paragraph | LineKind::Unknown
            )
        });
        if later_text {
            return;
        }
        let src = src_of(self.cable, last).trim();
        if let Some(sig) = signature_in(src) {
            self.cable.body.signature = Some(sig);
            if sig == src.full() {
                self.cable.lines[last].kind = LineKind::Signature;
                if let Some(idx) = self.current_paragraph {
                    // The signature is not part of the last paragraph.
                    let p = &mut self.cable.body.paragraphs[idx];
                    if p.range.end() == sig.end() && p.first_line != sig {
                        let prev_end = (p.first_line.start()..sig.start())
                            .rev()
                            .find(|&i| !self.cable.src.as_bytes()[i].is_ascii_whitespace())
                            .map_or(p.first_line.end(), |i| i + 1);
                        p.range = TextRange::new(p.range.start(), prev_end.max(p.first_line.end()));
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Banner
// ---------------------------------------------------------------------------------------------

/// Reads the classification words at the start of a line: the level, the byte length they take,
/// whether they are in canonical form, and whether they were garbled.
pub fn banner_level_prefix(t: &str) -> Option<(BannerLevel, usize, bool, bool)> {
    // Every form below starts with one of these letters (`LIMITED OFFICIAL USE` with `L`), in
    // capitals or, for the letters, in any case: most lines are ruled out by their first byte.
    let first = t.as_bytes().first()?.to_ascii_uppercase();
    if !b"UCSTNOEL".contains(&first) {
        return None;
    }
    for (word, level) in BANNER_FORMS {
        // The first byte before the rest, which the comparison reads through a library call.
        if t.as_bytes()[0] == word.as_bytes()[0]
            && has_prefix(t, word)
            && t[word.len()..]
                .bytes()
                .next()
                .is_none_or(|b| b == b' ' || b == b'/')
        {
            if level == BannerLevel::Unclassified && t[word.len()..].starts_with('/') {
                continue;
            }
            return Some((level, word.len(), true, false));
        }
    }
    // Spaced or unspaced letters, any case, with one doubled or dropped leading letter.
    if !b"UCSTNOE".contains(&first) {
        return None;
    }
    let mut letters = [0u8; 16];
    let mut len = 0usize;
    let mut best: Option<(BannerLevel, usize, bool)> = None;
    let mut all_single = true;
    let mut spaced_best = false;
    for (_, e, w) in Src::new(t, 0).words() {
        all_single &= w.len() == 1;
        if !w.bytes().all(|b| b.is_ascii_alphabetic()) || len + w.len() > letters.len() {
            break;
        }
        for b in w.bytes() {
            letters[len] = b.to_ascii_uppercase();
            len += 1;
        }
        let so_far = &letters[..len];
        let mut any_prefix = false;
        for (v, level, garbled) in BANNER_LETTERS {
            let v = v.as_bytes();
            if v == so_far {
                best = Some((level, e, garbled));
                spaced_best = all_single;
            }
            any_prefix |= v.starts_with(so_far);
        }
        if !any_prefix {
            break;
        }
    }
    // The spaced form in sentence case (`C o n f i d e n t i a l`, §3.22) is canonical but for its
    // case, which the release gave it: accepted.
    best.map(|(level, len, garbled)| {
        let spaced_level = matches!(
            level,
            BannerLevel::Confidential | BannerLevel::Secret | BannerLevel::TopSecret
        );
        (level, len, !garbled && spaced_best && spaced_level, garbled)
    })
}

/// Parses a banner line. The second value is the rest of the line when the export joined further
/// elements onto it (`… STATE 000284 SIPDIS E.O. 12958: …`).
pub fn parse_banner(src: Src<'_>) -> Option<(Banner, Option<Src<'_>>)> {
    // A stray quote or full stop before the classification words is a release garble (`"S E C R E T`).
    if let Some(rest) = src.text.strip_prefix(['"', '.', '\'', '*']) {
        if !rest.starts_with(['"', '.', '\'', '*', ' ']) {
            let (mut b, tail) = parse_banner(src.from(1))?;
            b.garbled = true;
            b.canonical = false;
            b.range = TextRange::new(src.offset, b.range.end());
            return Some((b, tail));
        }
    }
    let t = src.text;
    let (level, len, canonical, garbled) = banner_level_prefix(t)?;
    let rest = banner_rest(src.from(len));
    // A line with the classification words and nothing a banner needs after them is no banner
    // unless it stands alone (`SECRET//NOFORN` marking lines are captions).
    if rest.serial.is_none() && (t.contains("//") || !rest.unread && rest.origin.is_none()) {
        return None;
    }
    if rest.serial.is_none() && level == BannerLevel::Unclassified && !canonical {
        return None;
    }
    Some((
        Banner {
            range: match rest.tail {
                Some(tl) => TextRange::new(src.offset, tl.offset),
                None => src.full(),
            },
            level_token: src.range(0, len),
            level,
            canonical,
            garbled,
            section: rest.section,
            section_range: rest.section_range,
            origin: rest.origin,
            serial: rest.serial,
        },
        rest.tail,
    ))
}

/// Whether the letters that follow a banner serial of `digits` digits without a space are a line
/// the export joined onto a whole serial (`002215SIPDIS`, `008305S/CT FOR REA`: six digits, or a
/// caption or an element's label after it) rather than the garbled rest of the serial
/// (`00040QSITIVE`, a digit lost).
pub fn serial_run_into_element(letters: &str, digits: usize) -> bool {
    let word = letters.split_whitespace().next().unwrap_or("");
    digits == 6
        || caption_kind(word.trim_end_matches([',', '.'])).is_some()
        || label_at_start(letters).is_some()
}

/// What a banner line holds after its classification words.
struct BannerRest<'a> {
    section: Option<(Num, Num)>,
    section_range: Option<TextRange>,
    origin: Option<TextRange>,
    serial: Option<Num>,
    /// Further elements the export joined onto the line.
    tail: Option<Src<'a>>,
    /// Whether nothing stands after the classification words (the text after them is empty).
    unread: bool,
}

/// Reads `[SECTION n OF m] ORIGIN SERIAL [tail]` after a banner's classification words. A serial
/// run into the next word (`002215SIPDIS`, `00040QSITIVE`) is read up to its last digit; the
/// letters start the tail, and the parse's record pass says what they are.
fn banner_rest(mut rest: Src<'_>) -> BannerRest<'_> {
    // `SECTION n OF m`.
    let mut section = None;
    let mut section_range = None;
    let mut origin_garbled = false;
    {
        let r = rest.trim();
        let words: Vec<_> = r.words().take(4).collect();
        // The section count's digits: the whole fourth word, or the digits the release ran into
        // the origin after them (`SECTION 02 OF 03QRIPOLI 000583`, which leaks into the id
        // 09SECTION02OF03QRIPOLI583), whose letters are then the origin.
        let count_digits = words.get(3).map_or(0, |w| {
            let digits = w.2.bytes().take_while(u8::is_ascii_digit).count();
            let run_on = (1..=2).contains(&digits)
                && w.2
                    .as_bytes()
                    .get(digits)
                    .is_some_and(u8::is_ascii_uppercase);
            if digits == w.2.len() || run_on {
                digits
            } else {
                0
            }
        });
        if words.len() == 4
            && (words[0].2.eq_ignore_ascii_case("SECTION") || words[0].2 == "SCTION")
            && words[2].2.eq_ignore_ascii_case("OF")
            && all_digits(words[1].2)
            && count_digits > 0
        {
            let count_end = words[3].0 + count_digits;
            let n = Num {
                range: r.range(words[1].0, words[1].1),
                value: parse_u32(words[1].2).unwrap_or(0),
            };
            let m = Num {
                range: r.range(words[3].0, count_end),
                value: parse_u32(&words[3].2[..count_digits]).unwrap_or(0),
            };
            section = Some((n, m));
            section_range = Some(r.range(words[0].0, count_end));
            rest = r.from(count_end);
            // The letters after the count are a garbled origin (`QRIPOLI`): none is read, so that
            // nothing compares them with the FM post or makes an id of them; the serial is read.
            origin_garbled = count_digits < words[3].2.len();
        } else if words.len() >= 3
            && words[0].2.len() > 7
            && words[0].2.len() <= 9
            && words[0]
                .2
                .get(..7)
                .is_some_and(|w| w.eq_ignore_ascii_case("SECTION"))
            && all_digits(&words[0].2[7..])
            && words[1].2.eq_ignore_ascii_case("OF")
            && all_digits(words[2].2)
        {
            // The release lost the space after SECTION (`UNCLAS SECTION01 OF 03 SAN JOSE 000525`,
            // spec §3.8: the garble leaks into ids such as 09SECTION01OF03SANJOSE525).
            let n = Num {
                range: r.range(words[0].0 + 7, words[0].1),
                value: parse_u32(&words[0].2[7..]).unwrap_or(0),
            };
            let m = Num {
                range: r.range(words[2].0, words[2].1),
                value: parse_u32(words[2].2).unwrap_or(0),
            };
            section = Some((n, m));
            section_range = Some(r.range(words[0].0, words[2].1));
            rest = r.from(words[2].1);
        }
    }
    // Origin words, then the serial.
    let r = rest.trim();
    let mut origin_start = None;
    let mut origin_end = 0;
    let mut serial = None;
    let mut tail = None;
    for (s, e, w) in r.words() {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let run_on = digits >= 3 && w.as_bytes().get(digits).is_some_and(u8::is_ascii_uppercase);
        if digits == w.len() || (run_on && origin_start.is_some()) {
            if origin_start.is_some() {
                serial = Some(Num {
                    range: r.range(s, s + digits),
                    value: parse_u32(&w[..digits]).unwrap_or(u32::MAX),
                });
                // Letters that make a caption or a label were joined on by the export; others are
                // the garbled rest of the serial (`00040QSITIVE`) and are no element.
                let tail_from =
                    if digits < w.len() && !serial_run_into_element(&w[digits..], digits) {
                        e
                    } else {
                        s + digits
                    };
                let after = r.from(tail_from).trim();
                if !after.text.is_empty() {
                    tail = Some(after);
                }
            }
            break;
        }
        let word_ok = w
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'.' || b == b'-' || b == b'\'');
        if !word_ok {
            break;
        }
        origin_start.get_or_insert(s);
        origin_end = e;
    }
    // `SECTION 01` at the end of the line is a section clause the release broke off (`… SECTION 01` /
    // `OF 02 JEDDAH 000084`), not an origin and a serial.
    if let (Some(s), Some(n), None) = (origin_start, serial, tail) {
        if matches!(&r.text[s..origin_end], "SECTION" | "SCTION") && n.range.len() <= 2 {
            origin_start = None;
            serial = None;
        }
    }
    BannerRest {
        section,
        section_range,
        origin: origin_start
            .filter(|_| !origin_garbled)
            .map(|s| r.range(s, origin_end)),
        serial,
        tail,
        unread: r.text.is_empty(),
    }
}

// ---------------------------------------------------------------------------------------------
// Labels and segments
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// The label's byte length.
    Eo(usize),
    /// The label's byte length and whether it is the canonical `TAGS:`.
    Tags(usize, bool),
    Subject(usize),
    Ref(usize),
    /// The label's length and whether the classification is derivative.
    ClassifiedBy(usize, bool),
}

fn label_at_start(t: &str) -> Option<Label> {
    let b = t.as_bytes();
    let first = *b.first()?;
    match first.to_ascii_uppercase() {
        b'E' => eo_label(t).map(Label::Eo),
        b'T' | b'A' => tags_label(t).map(|(l, c)| Label::Tags(l, c)),
        b'S' | b'U' => {
            for label in ["SUBJECT:", "SUBJ:", "SUBJECT ", "UBJECT:"] {
                if starts_with_ci(t, label) {
                    return Some(Label::Subject(label.trim_end().len()));
                }
            }
            None
        }
        b'R' => {
            for label in [
                "REF(S):", "REFTELS:", "REFTEL:", "REFTELS ", "REFTEL ", "REFS:", "REF:", "REF.",
                "REFS ", "REF ",
            ] {
                // Without a colon or a point the label starts with a capital (`REFTEL 1187`,
                // `Ref A: …`): `reftel points regarding Taiwan` at the start of a wrapped line of
                // text is no REF block.
                let bare = label.ends_with(' ');
                if starts_with_ci(t, label) && (!bare || t.as_bytes()[0] == b'R') {
                    return Some(Label::Ref(label.trim_end().len()));
                }
            }
            None
        }
        b'C' | b'D' | b'(' => classified_label(t).map(|(l, d)| Label::ClassifiedBy(l, d)),
        _ => None,
    }
}

/// Whether a line starting with `t` would be read as the start of an element of its own rather
/// than as the continuation of the line before: a label (`E.O.`, `TAGS`, `SUBJECT:`, `REF:`,
/// `Classified By:`), a paragraph number or a page continuation header. The formatter uses it so
/// that a re-wrapped SUBJECT never starts a line the parser would take for something else.
pub fn starts_element(t: &str) -> bool {
    let t = t.trim_start();
    label_at_start(t).is_some()
        || label_typo_at_start(t).is_some()
        || paragraph_start(t).is_some()
        || is_continuation(t)
}

/// Whether a line starting with `t` starts with an element label (`REF:`, `Classified By:`,
/// `TAGS:`, a label spelt one letter wrong), as the parser reads the lines ahead of a line before
/// the text: any such label later in the cable makes a sentence after the banner a passing line
/// rather than the text, and a REF or classification authority label in the next few lines makes
/// a line after SUBJECT no text yet ([`starts_ref_or_authority`]). The formatter keeps the break
/// before such a line of text, so that the lines ahead read as they did.
pub fn starts_label(t: &str) -> bool {
    let t = t.trim_start();
    label_at_start(t).is_some() || label_typo_at_start(t).is_some()
}

/// Whether a line starting with `t` starts with a REF or classification authority label: the
/// labels whose place among the next four lines decides whether a line after SUBJECT starts the
/// text.
pub fn starts_ref_or_authority(t: &str) -> bool {
    matches!(
        label_at_start(t.trim_start()),
        Some(Label::Ref(_) | Label::ClassifiedBy(..))
    )
}

/// Whether `a` is one edit (a letter replaced, dropped or added, or two neighbouring letters
/// swapped: the optimal string alignment of [`crate::vocab::edit_distance`]) from `b`, an
/// upper-case label of ASCII letters, compared without case. Asked of the first word of every
/// line before the text, so it copies nothing to the heap.
fn one_edit_off(a: &str, b: &str) -> bool {
    if !a.is_ascii() {
        // Read by characters, as the edit distance counts them.
        return strsim::osa_distance(&a.to_ascii_uppercase(), b) == 1;
    }
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let mut upper = [0u8; 32];
    let Some(upper) = upper.get_mut(..a.len()) else {
        return false;
    };
    upper.copy_from_slice(a.as_bytes());
    upper.make_ascii_uppercase();
    std::str::from_utf8(upper).is_ok_and(|a| crate::vocab::single_edit(a, b).is_some())
}

/// A pre-text label spelt one letter wrong (spec §6.3 drafting errors): `E.0. 12958:`,
/// `SUBJCET:`, `Clasified By:`. `None` for the correct spellings, which [`label_at_start`] reads.
fn label_typo_at_start(t: &str) -> Option<Label> {
    let first_end = t.find([' ', '\t']).unwrap_or(t.len());
    let first = &t[..first_end];
    let rest = t[first_end..].trim_start();
    // `E.0. 12958`: a four-character label before the order's number.
    if first.len() == 4
        && first.as_bytes()[1] == b'.'
        && one_edit_off(first, "E.O.")
        && rest.bytes().next().is_some_and(|b| b.is_ascii_digit())
    {
        return Some(Label::Eo(4));
    }
    if let Some(word) = first.strip_suffix(':') {
        if word.len() >= 5 && one_edit_off(word, "SUBJECT") {
            return Some(Label::Subject(first.len()));
        }
    }
    // `Clasified By:`: two words, the first one letter off `Classified`.
    if first.len() >= 8 && one_edit_off(first, "CLASSIFIED") {
        let by_len = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        if rest[..by_len].eq_ignore_ascii_case("BY") {
            let mut len = t.len() - rest.len() + 2;
            if t[len..].starts_with(':') {
                len += 1;
            }
            let derived = starts_with_ci(t[len..].trim_start(), "derived from");
            return Some(Label::ClassifiedBy(len, derived));
        }
    }
    None
}

fn eo_label(t: &str) -> Option<usize> {
    for label in ["E.O.", "E. O.", "E.O", "EO"] {
        if starts_with_ci(t, label) {
            let rest = &t[label.len()..];
            let digits_at = rest.len() - rest.trim_start().len();
            if rest
                .trim_start()
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit())
                && (digits_at > 0 || label.ends_with('.'))
            {
                return Some(label.len());
            }
        }
    }
    None
}

fn tags_label(t: &str) -> Option<(usize, bool)> {
    if t.starts_with("TAGS:") {
        return Some((5, true));
    }
    for label in [
        "TAGS:", "TAGS,", "TAGS", "TAG:", "TAG", "TAGES:", "TAS:", "TABS:", "TGS:", "AGS:", "TAGS;",
    ] {
        if starts_with_ci(t, label) {
            let next = t.as_bytes().get(label.len()).copied();
            if next.is_none_or(|b| b == b' ' || b == b'\t') || label.ends_with(':') {
                return Some((label.len(), false));
            }
        }
    }
    None
}

fn classified_label(t: &str) -> Option<(usize, bool)> {
    let mut offset = 0;
    let mut t2 = t;
    if starts_with_ci(t, "(U)") {
        let rest = t[3..].trim_start();
        if rest.len() < t.len() - 3 {
            offset = t.len() - rest.len();
            t2 = rest;
        }
    }
    for label in [
        "Classified By:",
        "Classified By",
        "Classfied By:",
        "Classified by:",
        "Classified by",
    ] {
        if starts_with_ci(t2, label) {
            let derived = starts_with_ci(t2[label.len()..].trim_start(), "derived from");
            return Some((offset + label.len(), derived));
        }
    }
    if starts_with_ci(t2, "DERIVED FROM:") {
        return Some((offset + 13, true));
    }
    None
}

/// Splits a pre-text line where the export joined elements (`DEPT FOR X E.O. 12958: …`,
/// `E.O. 12958: DECL: 02/14/2018 TAGS: BR PREL`).
fn split_segments(src: Src<'_>) -> Segments<'_> {
    let cuts = if matches!(label_at_start(src.text), Some(Label::Subject(_))) {
        Cuts::AfterSubject
    } else {
        Cuts::All
    };
    split_at_labels(src, cuts)
}

/// Which joined labels [`split_at_labels`] cuts a line at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cuts {
    /// Every label before the text.
    All,
    /// On a SUBJECT line or a line that continues it, whose words may well include `E.O.` or
    /// `TAGS`: only the labels that follow it, `REF:` and `Classified By`.
    AfterSubject,
    /// On a line that continues the REF block: only the classification authority (`¶B. CAIRO 457
    /// Classified By: …`), the one label whose words a reference does not hold.
    Authority,
}

/// The labels the release joins onto the line before, as (needle, whether it must match in upper
/// case, whether it may cut a SUBJECT line), for [`split_at_labels`].
const JOINED_LABEL_NEEDLES: [(&str, bool, bool); 13] = [
    (" E.O. ", false, false),
    (" EO 1", true, false),
    (" TAGS: ", false, false),
    (" TAGS ", true, false),
    (" SUBJECT: ", false, false),
    (" SIPDIS", true, false),
    (" CLASSIFIED BY", false, true),
    // Also at the line's end, the items on the next line (`… HOST SUMMIT REF:` / `¶A. BRASILIA 564`).
    (" REF:", true, true),
    (" REFS:", true, true),
    // The release also joins the E.O. line and TAGS on without a space, onto the last letter of a
    // caption or passing line (`NOFORNE.O. 12958:`) or the DECL date (`DECL: 05/07/2018TAGS:`).
    ("E.O. 1", false, false),
    ("TAGS: ", false, false),
    // And the REF block onto the subject's last word (`… MARCH 24-28REF: A. CAIRO 452`), in
    // capitals and before an item (see [`split_at_labels`]).
    ("REF: ", true, true),
    ("REFS: ", true, true),
];

/// [`JOINED_LABEL_NEEDLES`] as one automaton that finds them all, overlapping, in any case.
static JOINED_LABELS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(JOINED_LABEL_NEEDLES.iter().map(|n| n.0))
            .expect("thirteen short literal needles make an automaton")
    });

/// Whether `t`, the text after a REF label, starts with a REF item: a letter bullet (`A.`, `A)`,
/// `(A)`), or a word in capitals or a number (`CAIRO 452`, `08CAIRO2408`, `STATE 16112`).
fn starts_ref_item(t: &str) -> bool {
    let t = t.trim_start_matches(' ').as_bytes();
    match t {
        [b'(', l, b')', ..] | [l, b'.' | b')', ..] if l.is_ascii_uppercase() => true,
        [a, b, ..] => {
            (a.is_ascii_uppercase() || a.is_ascii_digit())
                && (b.is_ascii_uppercase() || b.is_ascii_digit())
        }
        _ => false,
    }
}

/// The parts of a line [`split_at_labels`] gives, in order. Almost every line is one part, so up
/// to four are held without an allocation of their own (this runs on every line before the text).
type Segments<'a> = SmallVec<[Src<'a>; 4]>;

/// Splits a line at the labels joined onto it (see [`Cuts`]).
fn split_at_labels(src: Src<'_>, which: Cuts) -> Segments<'_> {
    let t = src.text;
    // A Classified By line may name the order in its reason (`E.O. 12958, reasons 1.4 (b)`).
    if matches!(label_at_start(t), Some(Label::ClassifiedBy(..))) {
        return smallvec![src];
    }
    let mut cuts: SmallVec<[usize; 4]> = SmallVec::new();
    // Every place of every label in one pass over the line, in any case; a label that must be in
    // upper case is held to it below.
    for m in JOINED_LABELS.find_overlapping_iter(t) {
        let (needle, upper_only, in_subject) = JOINED_LABEL_NEEDLES[m.pattern().as_usize()];
        if upper_only && &t[m.start()..m.end()] != needle {
            continue;
        }
        let lead = usize::from(needle.starts_with(' '));
        let at = m.start() + lead;
        if lead == 0 && (at == 0 || t.as_bytes()[at - 1] == b' ') {
            // At the line's start or after a space: the spaced needle's cut, or none.
            continue;
        }
        if lead == 0 && needle.starts_with("REF") && !starts_ref_item(&t[m.end()..]) {
            // A REF label joined onto a word without a space is taken only before an item: a
            // letter bullet (`A.`, `A)`, `(A)`), or a cable or document's name or number.
            continue;
        }
        let allowed = match which {
            Cuts::All => true,
            Cuts::AfterSubject => in_subject,
            Cuts::Authority => needle == " CLASSIFIED BY",
        };
        if !allowed {
            continue;
        }
        if needle == " CLASSIFIED BY" {
            // Only the authority itself: a label with a colon, or a reason clause after it;
            // and not the label written twice (`Classified By: Classified by: …`).
            let after = t[at + needle.len() - 1..].to_ascii_uppercase();
            let repeated = t[..at]
                .trim_end()
                .to_ascii_uppercase()
                .ends_with("CLASSIFIED BY:");
            if repeated
                || !(after.trim_start().starts_with(':')
                    || after.contains("REASON")
                    || after.contains("1.4")
                    || after.contains("1.5"))
            {
                continue;
            }
        }
        cuts.push(at);
    }
    if cuts.is_empty() {
        return smallvec![src];
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Segments::new();
    let mut start = 0;
    for c in cuts {
        if c > start {
            out.push(Src::new(t[start..c].trim_end(), src.offset + start));
        }
        start = c;
    }
    out.push(Src::new(&t[start..], src.offset + start));
    out
}

// ---------------------------------------------------------------------------------------------
// Captions
// ---------------------------------------------------------------------------------------------

fn caption_kind(w: &str) -> Option<CaptionKind> {
    Some(match w {
        "SIPDIS" | "SIPDIS." => CaptionKind::Sipdis,
        "NOFORN" | "NOT RELEASABLE TO FOREIGN NATIONALS" => CaptionKind::Noforn,
        "SENSITIVE" | "SENSITIVE BUT UNCLASSIFIED" | "SBU" => CaptionKind::Sensitive,
        "FOR OFFICIAL USE ONLY" | "FOUO" => CaptionKind::Fouo,
        "NODIS" => CaptionKind::Nodis,
        "EXDIS" => CaptionKind::Exdis,
        "LIMDIS" => CaptionKind::Limdis,
        "STADIS" => CaptionKind::Stadis,
        "SPECAT" => CaptionKind::Specat,
        _ => return None,
    })
}

/// The byte length of a handling notice that a numbered, marked paragraph was joined onto
/// (`Sensitive but Unclassified. Please handle accordingly. 1.(SBU) Dr. …`, as the release left
/// some records): the line starts with `SENSITIVE BUT UNCLASSIFIED` in any case, and after one of
/// the notice's sentences (a full stop and a space, within its first 120 bytes) a paragraph starts
/// whose number a portion marking follows. The length runs to that sentence's full stop. `None`
/// for any other line, among them the notice alone.
#[inline]
fn joined_notice_len(t: &str) -> Option<usize> {
    // Most lines are ruled out by their first letter (this runs on every line of text), here
    // where it is called.
    if t.as_bytes().first().is_some_and(|c| c | 0x20 == b's') {
        notice_and_paragraph_len(t)
    } else {
        None
    }
}

/// [`joined_notice_len`] for a line that starts with `S` or `s`.
fn notice_and_paragraph_len(t: &str) -> Option<usize> {
    const NOTICE: &str = "SENSITIVE BUT UNCLASSIFIED";
    let starts_with_notice = t
        .get(..NOTICE.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(NOTICE));
    if !starts_with_notice {
        return None;
    }
    let b = t.as_bytes();
    let limit = b.len().min(120);
    (NOTICE.len()..limit)
        .filter(|&i| b[i] == b'.' && b.get(i + 1) == Some(&b' '))
        .find(|&dot| {
            let rest = t[dot + 1..].trim_start_matches(' ');
            paragraph_start(rest)
                .is_some_and(|(_, _, _, end)| rest[end..].trim_start_matches(' ').starts_with('('))
        })
        .map(|dot| dot + 1)
}

/// Whether the text of a numbered paragraph (`t`, from its number on) holds further numbered
/// paragraphs with a portion marking: the release took the line breaks from the text and joined
/// its paragraphs into one line (`¶1. (C) SUMMARY: … 2. (C) Under Secretary …`), which the parser
/// reads as one paragraph. See [`marked_paragraphs_in`] for what counts as a paragraph.
pub fn holds_joined_paragraphs(t: &str) -> bool {
    marked_paragraphs_in(t).next().is_some()
}

/// The numbered paragraphs with a portion marking that start after the start of `t` (`1. (C)`,
/// `¶2. (SBU)`, `1.  (S//NF)`), as (byte offset, number), in order: for a line the release joined
/// paragraph 1 onto (08TBILISI1372's `… REF: TBILISI 1362 1. (SBU)`, 08YEREVAN639's `Classified
/// By: …, reasons 1.4 (b,d) 1. (C) AN URGENT CALL …`). The number follows a space and has its
/// point; the marking is a known level in upper case (a reason's letter, `1.4 (c)`, is in lower
/// case or has no point before it); and the word before the number does not refer to a paragraph
/// or reason (`PARA 1. (C)`, `REASON 1. (C)`).
fn marked_paragraphs_in(t: &str) -> impl Iterator<Item = (usize, u32)> + '_ {
    const REFERRING: [&str; 8] = [
        "PARA",
        "PARAS",
        "PARAGRAPH",
        "PARAGRAPHS",
        "REASON",
        "REASONS",
        "SECTION",
        "¶",
    ];
    let b = t.as_bytes();
    // Every candidate has `. ` after its number and then, after any spaces, `(`.
    memchr::memmem::find_iter(b, b". ").filter_map(move |dot| {
        if !t[dot + 1..].trim_start_matches(' ').starts_with('(') {
            return None;
        }
        let mut ns = dot;
        while ns > 0 && b[ns - 1].is_ascii_digit() {
            ns -= 1;
        }
        if ns == dot || dot - ns > 2 {
            return None;
        }
        let mut start = ns;
        if t[..ns].ends_with('¶') {
            start -= '¶'.len_utf8();
        }
        if start == 0 || b[start - 1] != b' ' {
            return None;
        }
        let word = t[..start - 1].rsplit(' ').next().unwrap_or("");
        let word = word.trim_end_matches([':', ',', '.']);
        if REFERRING.iter().any(|w| word.eq_ignore_ascii_case(w)) {
            return None;
        }
        let p = parse_paragraph(Src::new(&t[start..], 0))?;
        let m = p.marking?;
        let content = &t[start + m.range.start()..start + m.range.end()];
        (p.number.value > 0
            && m.level.is_some()
            && content.starts_with('(')
            && !content.bytes().any(|c| c.is_ascii_lowercase()))
        .then_some((start, p.number.value))
    })
}

/// Reads a caption line into one caption per word group, or `None` when the line is not a caption
/// line.
fn captions(src: Src) -> Option<Vec<Caption>> {
    let t = src.text.trim_end();
    let upper = t.to_ascii_uppercase();
    if let Some(kind) = caption_kind(upper.trim_end_matches('.')) {
        return Some(vec![Caption {
            range: src.range(0, t.len()),
            kind,
        }]);
    }
    let whole = |kind| {
        Some(vec![Caption {
            range: src.range(0, t.len()),
            kind,
        }])
    };
    if upper.starts_with("C O R R E C T E D") || upper.starts_with("CORRECTED COPY") {
        return whole(CaptionKind::CorrectedCopy);
    }
    if upper.starts_with("CODEL") {
        return whole(CaptionKind::Codel);
    }
    if upper.starts_with("H PASS") {
        return whole(CaptionKind::HPass);
    }
    if upper.starts_with("NOT FOR INTERNET") || upper.contains("NOT FOR INTERNET DISTRIBUTION") {
        return whole(CaptionKind::NotForInternet);
    }
    if upper.starts_with("SENSITIVE BUT UNCLASSIFIED") {
        // A notice with paragraph 1 joined onto it is text: `text_line` reads the notice as the
        // caption and the paragraph after it.
        if joined_notice_len(t).is_some() {
            return None;
        }
        return whole(CaptionKind::Sensitive);
    }
    // The release lost or replaced the first letter of a caption line in some records
    // (`ENSITIVE`, `QENSITIVE`), as it does the banner's (`O N F I D E N T I A L`).
    if upper == "ENSITIVE" || (upper.len() == 9 && upper.ends_with("ENSITIVE")) {
        return whole(CaptionKind::Sensitive);
    }
    // The marking line written with a space for its `//` (`SECRET NOFORN`).
    if ["SECRET NOFORN", "CONFIDENTIAL NOFORN", "TOP SECRET NOFORN"].contains(&upper.as_str()) {
        return whole(CaptionKind::MarkingLine);
    }
    if (upper.starts_with("SECRET//")
        || upper.starts_with("CONFIDENTIAL//")
        || upper.starts_with("UNCLASSIFIED//"))
        && !t.contains(' ')
        || upper == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    {
        return whole(CaptionKind::MarkingLine);
    }
    // Several captions joined by commas or spaces: `NOFORN SIPDIS`, `SIPDIS, NOFORN`.
    let mut out = Vec::new();
    for (s, _, w) in src.words() {
        let w2 = w.trim_end_matches([',', '.']);
        let kind = caption_kind(w2)?;
        out.push(Caption {
            range: src.range(s, s + w2.len()),
            kind,
        });
    }
    (!out.is_empty()).then_some(out)
}

// ---------------------------------------------------------------------------------------------
// E.O. values and dates
// ---------------------------------------------------------------------------------------------

fn parse_eo_value(v: Src) -> EoValue {
    let t = v.text;
    if t.is_empty() {
        return EoValue::Missing;
    }
    let up = t.to_ascii_uppercase();
    if up.starts_with("N/A") || up == "NA" {
        return EoValue::NotApplicable;
    }
    for kw in [
        "DECLASSIFY ON:",
        "DECLASSIFY ON",
        "DECLL:",
        "DECL:",
        "DECL :",
        "DECL",
    ] {
        if up.starts_with(kw) {
            // `DECL: : 05/17/2016` and `DECL :05/17/2016` occur: skip stray colons too.
            let after = v.from(kw.len()).trim();
            let colons = after.text.len() - after.text.trim_start_matches(':').len();
            let spec = after.from(colons).trim();
            return EoValue::Decl {
                keyword: v.range(0, kw.len()),
                spec: (!spec.text.is_empty()).then(|| spec.full()),
                decl: parse_decl(spec.text),
            };
        }
    }
    if up.starts_with("DNG") {
        let date = v
            .words()
            .filter_map(|(_, _, w)| parse_date(w).and_then(|(d, _)| d))
            .next();
        return EoValue::Downgrade(date);
    }
    // A schedule of the older orders (`GDS`, `XGDS-2`, `RDS-3 6/1/99`), and the date after it
    // (`GDS 8/12/85`), when one follows it.
    let mut words = v.words();
    if let Some(schedule) = words
        .next()
        .and_then(|(_, _, w)| crate::vocab::orders::schedule(w))
    {
        let (_, mut end, _) = v.words().next().expect("the value has a first word");
        let date = words.next().and_then(|(_, e, w)| {
            let (d, _) = parse_date(w.trim_end_matches(['.', ',']))?;
            end = e;
            d
        });
        return EoValue::Schedule {
            schedule,
            spec: v.range(0, end),
            date,
        };
    }
    if let Some((Some(d), _)) = v.words().next().and_then(|(_, _, w)| parse_date(w)) {
        let (s, e, _) = v.words().next().expect("checked");
        return EoValue::BareDate(d, v.range(s, e));
    }
    EoValue::Other
}

fn parse_decl(spec: &str) -> Decl {
    let t = spec.trim();
    if t.is_empty() {
        return Decl::Empty;
    }
    let first = t.split_whitespace().next().unwrap_or("");
    if let Some((date, style)) = parse_date(first.trim_end_matches(['.', ','])) {
        return match date {
            Some(d) => Decl::Date(d, style),
            None => Decl::InvalidDate,
        };
    }
    if let Some(schedule) = crate::vocab::orders::schedule(first) {
        return Decl::Schedule(schedule);
    }
    let up = t.to_ascii_uppercase();
    if up.starts_with("OADR") {
        Decl::Oadr
    } else if up == "MR" || up.starts_with("MR ") {
        Decl::Mr
    } else if up.starts_with("25X") {
        Decl::TwentyFiveX
    } else if up.starts_with("X") && up.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
        || up.starts_with("(X")
    {
        Decl::XCodes
    } else {
        Decl::Event
    }
}

/// Reads a date in the styles cables use. `Some((None, style))` means date-shaped but no calendar
/// date (`011/2/2019`, `02/30/2015`).
pub fn parse_date(w: &str) -> Option<(Option<Date>, DateStyle)> {
    let sep = if w.contains('/') {
        '/'
    } else if w.contains('-') {
        '-'
    } else {
        return None;
    };
    let parts: Vec<&str> = w.split(sep).collect();
    if parts.len() != 3 || !parts.iter().all(|p| all_digits(p)) {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| parse_u32(p).unwrap_or(0)).collect();
    let year_of = |s: &str, v: u32| -> i32 {
        if s.len() == 2 {
            full_year(v)
        } else {
            v as i32
        }
    };
    if parts[0].len() == 4 {
        let d = Date::new(n[0] as i32, n[1], n[2])
            .filter(|_| parts[1].len() <= 2 && parts[2].len() <= 2);
        return Some((d, DateStyle::YearMonthDay));
    }
    let style = if sep == '-' {
        DateStyle::Dashed
    } else if parts[2].len() == 2 {
        DateStyle::MonthDayShortYear
    } else {
        DateStyle::MonthDayYear
    };
    let shape_ok =
        parts[0].len() <= 2 && parts[1].len() <= 2 && (parts[2].len() == 2 || parts[2].len() == 4);
    let d = if shape_ok {
        Date::new(year_of(parts[2], n[2]), n[0], n[1])
    } else {
        None
    };
    Some((d, style))
}

// ---------------------------------------------------------------------------------------------
// TAGS
// ---------------------------------------------------------------------------------------------

/// The byte offset of the first `needle` at or after `from`.
fn find_from(t: &str, from: usize, needle: &str) -> Option<usize> {
    t[from..].find(needle).map(|p| from + p)
}

fn tag_tokens(src: Src) -> Vec<TagToken> {
    let t = src.text;
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let is_sep = |c: u8| c == b' ' || c == b',' || c == b'\t' || c == b';';
    // The next `](` and `)` after where they were last looked for (`None`: not looked for yet;
    // `Some(None)`: there is none).
    let (mut next_link, mut next_paren): (Option<Option<usize>>, Option<Option<usize>>) =
        (None, None);
    while i < b.len() {
        while i < b.len() && is_sep(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        // Link markup `[PREL](#)`. The next `](` and `)` are remembered, so that a line of many
        // `[` without them is searched once, not once per `[`.
        if b[i] == b'[' {
            if next_link.is_none_or(|p| p.is_some_and(|p| p < i)) {
                next_link = Some(find_from(t, i, "]("));
            }
            if let Some(code_end) = next_link.flatten() {
                if next_paren.is_none_or(|p| p.is_some_and(|p| p < code_end)) {
                    next_paren = Some(find_from(t, code_end, ")"));
                }
                if let Some(paren_end) = next_paren.flatten().map(|p| p - code_end) {
                    let end = code_end + paren_end + 1;
                    out.push(TagToken {
                        range: src.range(start, end),
                        code: src.range(start + 1, code_end),
                        shape: TagShape::Markup,
                    });
                    i = end;
                    continue;
                }
            }
        }
        // A code of several words (`EL AL`) is one token.
        let multi = MULTI_WORD_TAGS.iter().find(|code| {
            t.get(start..start + code.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(code))
                && b.get(start + code.len()).is_none_or(|&c| is_sep(c))
        });
        if let Some(code) = multi {
            let end = start + code.len();
            out.push(TagToken {
                range: src.range(start, end),
                code: src.range(start, end),
                shape: TagShape::Word,
            });
            i = end;
            continue;
        }
        while i < b.len() && !is_sep(b[i]) {
            i += 1;
        }
        let word = &t[start..i];
        let mut end = i;
        let mut shape = classify_tag(word);
        if PERSONAL_TAG_PREFIXES
            .iter()
            .any(|p| p.eq_ignore_ascii_case(word))
        {
            // `OVIP (CLINTON, HILLARY)` or `OVIP STEINBERG JAMES`.
            let rest = &t[i..];
            let lead = rest.len() - rest.trim_start().len();
            if rest.trim_start().starts_with('(') {
                if let Some(close) = rest.find(')') {
                    end = i + close + 1;
                    shape = TagShape::Personal;
                }
            } else {
                let mut j = i + lead;
                let mut took = 0;
                while j < b.len() && took < 3 {
                    let ws = j;
                    let mut we = j;
                    while we < b.len() && !is_sep(b[we]) {
                        we += 1;
                    }
                    let w = &t[ws..we];
                    // The surname may be short (`OVIP RICE CONDOLEEZZA`); a short later word is a
                    // given name only when it ends the line or a comma follows it, since codes
                    // such as `PREL` are short too.
                    let last_or_comma = we >= b.len() || b[we] == b',';
                    // The word after this one, for a short surname followed by a long given name.
                    let next_long = {
                        let ns = t[we..].len() - t[we..].trim_start_matches([' ', ',']).len() + we;
                        let ne = t[ns..].find([' ', ',']).map_or(t.len(), |p| ns + p);
                        ne - ns >= 5 && all_upper(&t[ns..ne])
                    };
                    let short_ok = if took == 0 { next_long } else { last_or_comma };
                    let name_like = all_upper(w)
                        && !w.starts_with("XXX")
                        && (w.len() >= 5 || (w.len() >= 3 && short_ok));
                    if name_like {
                        end = we;
                        took += 1;
                        j = we;
                        while j < b.len() && b[j] == b' ' {
                            j += 1;
                        }
                    } else {
                        break;
                    }
                }
                if took > 0 {
                    shape = TagShape::Personal;
                }
            }
            i = end;
        }
        out.push(TagToken {
            range: src.range(start, end),
            code: src.range(start, end),
            shape,
        });
    }
    out
}

fn classify_tag(w: &str) -> TagShape {
    let b = w.as_bytes();
    if b.len() >= 5 && b.iter().all(|&c| c == b'X' || c == b'x') {
        return TagShape::Redacted;
    }
    if b.len() == 2 && all_upper(w) {
        TagShape::TwoLetter
    } else if b.len() == 4 && all_upper(w) && b[0] == b'K' {
        TagShape::Program
    } else if b.len() == 4 && all_upper(w) {
        TagShape::FourLetter
    } else if b.iter().any(|c| c.is_ascii_lowercase()) && b.len() > 4 {
        TagShape::FreeText
    } else {
        TagShape::Word
    }
}

/// Whether a line continues the TAGS line `tags`: nothing but short upper-case codes, or short
/// lower-case codes when the TAGS line is in lower case (sentence-case records) or ends with a comma.
fn is_tags_continuation(t: &str, tags: &str) -> bool {
    let lower_ok = tags.trim_end().ends_with(',')
        || tags
            .split_once([':', ' '])
            .is_some_and(|(_, rest)| rest.bytes().any(|b| b.is_ascii_lowercase()));
    let mut any = false;
    for w in t.split([' ', ',']).filter(|w| !w.is_empty()) {
        let upper = w
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'/');
        let lower = w
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'/');
        let ok = (2..=6).contains(&w.len()) && (upper || (lower_ok && lower));
        if !ok {
            return false;
        }
        any = true;
    }
    any && t.len() <= 60
}

// ---------------------------------------------------------------------------------------------
// REF
// ---------------------------------------------------------------------------------------------

fn ref_bullet_at_start(t: &str) -> Option<()> {
    let t = t.strip_prefix('¶').unwrap_or(t);
    let b = t.as_bytes();
    if b.len() >= 3
        && b[0].is_ascii_uppercase()
        && matches!(b[1], b'.' | b')' | b':')
        && b[2] == b' '
    {
        return Some(());
    }
    if b.len() >= 4
        && matches!((b[0], b[2]), (b'(', b')') | (b'[', b']'))
        && b[1].is_ascii_uppercase()
    {
        return Some(());
    }
    None
}

/// Whether `t`, a line after a blank line that ends a REF block of `block` (its lines' ranges in
/// `src`), is an unnumbered paragraph of text with its portion marking (`(U) Officers delivered
/// the points …`, or `U) …` that lost its `(`) rather than the block's next lettered item: its
/// bullet is a level letter (`U`, `C`, `S`) in parentheses or before `)`, the block holds no item
/// of the letter before it (an item `C)` follows an item `B`), and it goes on as prose, with no
/// digit in its first six words, of which there are at least four. A REF item names a document
/// by a cable number, a date or a serial (`C) STATE 12345`, `(C) 07ANKARA1234`, `C) E-MAIL OF
/// 3/4/2008`).
fn marked_text_after_refs(t: &str, block: &[TextRange], src: &str) -> bool {
    let t = t.strip_prefix('¶').unwrap_or(t);
    let (letter, rest) = match t.as_bytes() {
        [b'(', l, b')', b' ', ..] => (*l, &t[4..]),
        [l, b')', b' ', ..] => (*l, &t[3..]),
        _ => return false,
    };
    if !matches!(letter, b'U' | b'C' | b'S') {
        return false;
    }
    let before = char::from(letter - 1);
    let has_before = block.iter().any(|l| {
        src[l.start()..l.end()].split_whitespace().any(|w| {
            let w = w.trim_start_matches(['(', '[']);
            let mut c = w.chars();
            c.next() == Some(before) && matches!(c.next(), Some('.' | ')' | ':' | ']'))
        })
    });
    let words: Vec<&str> = rest.split_whitespace().take(6).collect();
    !has_before && words.len() >= 4 && !words.iter().any(|w| w.bytes().any(|c| c.is_ascii_digit()))
}

// ---------------------------------------------------------------------------------------------
// Classification reason
// ---------------------------------------------------------------------------------------------

/// Whether the reason at the end of a classification authority statement's text is cut off: a
/// parenthesis is left open, or the text ends in a connector (`,`, `&`, `/`, `-`, `(`, `;`, `:`,
/// `and`, `or`). A backslash the export left at a line's end is passed over.
fn reason_unfinished(text: &str) -> bool {
    let opened = text.bytes().filter(|&b| b == b'(').count();
    let closed = text.bytes().filter(|&b| b == b')').count();
    if opened > closed {
        return true;
    }
    let end = text.trim_end_matches(|c: char| c.is_whitespace() || c == '\\');
    if end.ends_with([',', '&', '/', '-', '(', ';', ':']) {
        return true;
    }
    let last = end
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    last.eq_ignore_ascii_case("and") || last.eq_ignore_ascii_case("or")
}

/// Whether line `t` (trimmed) goes on with the reason letters of the line before it: it holds
/// nothing but letters from a to h, the connectors `and` and `or` (`nd` where the break cut
/// `and`) and punctuation (`d).`, `AND D.`, `nd (d).`, `(c)and(d)`, `, d)`), or is the closing
/// parenthesis or full stop alone (`).`). A
/// letter in parentheses followed by words (`(C) The minister …`) is a portion marking opening
/// the text, and a row of signs with words in it (`///ZFR ZFR///`) is no reason either.
fn continues_reason(t: &str) -> bool {
    let mut words = t
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '.' | ',' | ';' | '&' | '/' | '-' | '\\')
        })
        .filter(|w| !w.is_empty())
        .peekable();
    if words.peek().is_none() {
        // Signs alone: the reason's closing parenthesis or full stop (`).`), not a row of
        // slashes.
        return t.starts_with([')', '.']);
    }
    words.all(|w| {
        let mut chars = w.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => matches!(c.to_ascii_lowercase(), 'a'..='h'),
            _ => ["and", "nd", "or"]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k)),
        }
    })
}

/// Reads `1.4 (b) and (d)` and its variants from the text after the `Classified By` label: the
/// section's range and each reason letter (lower-cased) with its range. `base` is the document
/// offset of `text`. The letters may stand in parentheses or not, in any case, joined by spaces,
/// `,`, `&`, `/`, `+` or `and` with or without spaces (`(c)and(d)`); the forms the release broke
/// are read too: `and` split by a space or line break (`(b) an d (d)`, `(B) AN` / `D (D)`, 20
/// cables of both corpora; `(b) a` / `nd (d)`), a full stop after each letter (`b. and d.`), the
/// section repeated (`(c) and 1.4 (d)`) and a line that starts with a letter joined to the next
/// (`(b)` / `(c)and(d)`).
fn parse_reason(text: &str, base: usize) -> (Option<TextRange>, Vec<(TextRange, char)>) {
    let b = text.as_bytes();
    // The section: `1.4`, `1.5`, or a typo like `1.2`, `1/4`, `1,4`, after a reason keyword if
    // there is one.
    let search_from = find_word_ci(text, "reason")
        .or_else(|| find_word_ci(text, "per "))
        .or_else(|| find_word_ci(text, "under"))
        .unwrap_or(0);
    let mut section = None;
    let mut i = search_from;
    while i + 2 < b.len() {
        if b[i] == b'1' && (i == 0 || !b[i - 1].is_ascii_digit()) {
            // `1.4`, and `1. 4` or `1.` / `4` split by the reflow.
            let mut j = i + 1;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            if j < b.len() && matches!(b[j], b'.' | b'/' | b',') {
                let mut k = j + 1;
                while k < b.len() && matches!(b[k], b' ' | b'\n' | b'\r' | b'\\') {
                    k += 1;
                }
                if k < b.len()
                    && b[k].is_ascii_digit()
                    && b.get(k + 1).is_none_or(|c| !c.is_ascii_digit())
                {
                    // The range may span a space or line break (`1. 4`, `1.` / `4`).
                    section = Some(TextRange::new(base + i, base + k + 1));
                    i = k + 1;
                    break;
                }
            }
        }
        i += 1;
    }
    if section.is_none() {
        // `reasons b, d` without a section.
        match find_word_ci(text, "reason") {
            Some(p) => {
                i = p + 6;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                // Skip a truncated section number (`REASONS 1 (B)`).
                while i < b.len()
                    && matches!(
                        b[i],
                        b' ' | b':' | b';' | b'.' | b'\\' | b'\n' | b'\r' | b'0'..=b'9'
                    )
                {
                    i += 1;
                }
            }
            None => return (None, Vec::new()),
        }
    }
    let mut letters = Vec::new();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let w = &text[start..i];
            // `(b) a` / `nd (d)`: the reflow split the word "and" across a line break.
            let split_and = w.eq_ignore_ascii_case("a")
                && text[i..].contains('\n')
                && split_word_rest(text, i, "nd").is_some();
            if split_and {
                continue;
            }
            // `(b) an d (d)`, `(B) AN` / `D (D)`: the release split the word "and" with a space or
            // a line break; both halves are passed over.
            if w.eq_ignore_ascii_case("an") && !letters.is_empty() {
                let end = split_word_rest(text, i, "d")
                    .filter(|&end| b.get(end).is_none_or(|c| !c.is_ascii_alphabetic()));
                if let Some(end) = end {
                    i = end;
                    continue;
                }
            }
            if w.len() == 1 {
                letters.push((
                    TextRange::new(base + start, base + i),
                    w.as_bytes()[0].to_ascii_lowercase() as char,
                ));
            } else if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("nd") {
                continue;
            } else {
                break;
            }
        } else if c == b'.'
            && !letters.is_empty()
            && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
            && !joins_letter(&text[i + 1..])
        {
            // The sentence ends after the letters: a `(S)` or `(U)` after it is a portion
            // marking, not a reason letter.
            break;
        } else if c == b'\n'
            && !letters.is_empty()
            && marking_line_start(&text[i + 1..])
            && !continues_reason(text[i + 1..].split('\n').next().unwrap_or("").trim())
        {
            // A line that starts with a marking followed by text ends the reason, but not one of
            // letters and connectors alone (`(c)and(d)`).
            break;
        } else if c == b'1'
            && !letters.is_empty()
            && (text.get(i..i + 3)).is_some_and(|s| s == "1.4" || s == "1.5")
            && b.get(i + 3).is_none_or(|n| !n.is_ascii_digit())
            && {
                let before = text[..i].trim_end();
                before.ends_with([',', '&', '/'])
                    || before
                        .get(before.len().saturating_sub(3)..)
                        .is_some_and(|w| w.eq_ignore_ascii_case("and"))
            }
        {
            // The section repeated after a connector (`1.4 (c) and 1.4 (d)`).
            i += 3;
        } else if c == b'('
            && letters.last().is_some_and(|&(last, _)| {
                let before = &text[last.end() - base..i];
                trailing_marking(&text[i..])
                    && before.bytes().all(|b| matches!(b, b')' | b' ' | b'\t'))
                    && letters
                        .iter()
                        .all(|&(r, _)| text.as_bytes()[r.start() - base].is_ascii_lowercase())
            })
        {
            // A portion marking in capitals written after the reason letters in lower case, at
            // the line's end (`1.4 (b) and (d) (C)`): it marks the authority line, and is no
            // reason (c).
            break;
        } else if c == b'(' && !letters.is_empty() && marking_starts_text(&text[i..]) {
            // A paragraph the release joined onto the reason line (`1.4 (c)  (S/NF) HMG agrees`).
            break;
        } else if matches!(
            c,
            b'(' | b')'
                | b','
                | b'&'
                | b'/'
                | b'+'
                | b' '
                | b'\n'
                | b'\r'
                | b'\t'
                | b'.'
                | b':'
                | b';'
                | b'-'
                | b'\\'
        ) {
            i += 1;
        } else {
            break;
        }
    }
    (section, letters)
}

/// Where the rest of a word the release split ends: `text[i..]` starts with white space (or the
/// export's backslash at a line's end) and then `rest`, in any case (`a` / `nd`, `an d`); `None`
/// when it does not.
fn split_word_rest(text: &str, i: usize, rest: &str) -> Option<usize> {
    let after = text[i..].trim_start_matches([' ', '\r', '\n', '\t', '\\']);
    let at = text.len() - after.len();
    (at > i && starts_with_ci(after, rest)).then_some(at + rest.len())
}

/// Whether the text after a full stop that follows a reason letter goes on with another letter
/// (`b. and d.`, `(b. and d.)`): a connector (`and`, `&`, `,`) and then one letter from a to h,
/// in parentheses or not, that ends the text or is followed by `.`, `)`, `,` or a line break.
/// A sentence that starts with `And a …` is no reason letter.
fn joins_letter(t: &str) -> bool {
    let t = t.trim_start_matches([' ', '\t', '\r', '\n', '\\']);
    let Some(rest) = (t.get(..3))
        .filter(|w| w.eq_ignore_ascii_case("and"))
        .map(|_| &t[3..])
        .or_else(|| t.strip_prefix(['&', ',']))
    else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\t', '\r', '\n', '\\', '(']);
    let b = rest.as_bytes();
    b.first()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), b'a'..=b'h'))
        && b.get(1)
            .is_none_or(|c| matches!(c, b'.' | b')' | b',' | b'\n' | b'\r'))
}

/// Whether an unreadable parenthesis after a paragraph number (`(Q)`, `(CONF)`) was meant as a
/// portion marking, in an UNCLAS cable where other such parentheses are topic labels (`(UN)`,
/// `(EU)`): one letter (a run of letters keying a list is left to `drop_answer_letters`), or the
/// start of a classification word of three letters or more.
fn meant_as_marking(marking: &str) -> bool {
    let inner = marking.trim_start_matches('(').trim_end_matches(')').trim();
    let b = inner.as_bytes();
    if b.len() == 1 {
        return b[0].is_ascii_alphabetic();
    }
    let upper = inner.to_ascii_uppercase();
    upper.len() >= 3
        && upper.bytes().all(|c| c.is_ascii_uppercase())
        && ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP"]
            .iter()
            .any(|w| w.starts_with(&upper))
}

/// Whether a line starts with a portion marking followed by text (`(U) This is an action request`),
/// which ends a reason clause on the line before.
fn marking_line_start(t: &str) -> bool {
    let t = t.trim_start_matches([' ', '\t', '\r']);
    if !t.starts_with('(') {
        return false;
    }
    let Some(close) = t.find(')').filter(|&c| c < 40) else {
        return false;
    };
    parse_marking(TextRange::empty(0), &t[1..close]).is_some_and(|m| m.level.is_some())
        && t[close + 1..]
            .trim_start()
            .starts_with(|c: char| c.is_alphabetic())
}

/// Whether `t` starts with a portion marking in capitals (`(C)`, `(S/NF)`) after which the line
/// ends: the marking of a classification authority line, written after its reasons.
fn trailing_marking(t: &str) -> bool {
    let Some(close) = t.find(')').filter(|&c| c < 20) else {
        return false;
    };
    let inner = &t[1..close];
    let rest = t[close + 1..].split('\n').next().unwrap_or("");
    !inner.bytes().any(|b| b.is_ascii_lowercase())
        && parse_marking(TextRange::empty(0), inner).is_some_and(|m| m.level.is_some() && m.valid)
        && rest.trim_matches([' ', '\t', '\r', '\\']).is_empty()
}

/// Whether `t` starts with an upper-case portion marking that opens text, after the reason letters
/// on a joined line: `(S/NF) HMG agrees`, `(S) Ambassador telephoned`. A single letter that is also
/// a reason letter (`(C)`, a–h) counts only before a word in sentence case, so that `1.4 (B) AND
/// (C)` in an upper-case cable keeps its letter.
fn marking_starts_text(t: &str) -> bool {
    let Some(close) = t.find(')').filter(|&c| c < 40) else {
        return false;
    };
    let inner = &t[1..close];
    if inner.bytes().any(|b| b.is_ascii_lowercase())
        || parse_marking(TextRange::empty(0), inner).is_none_or(|m| m.level.is_none())
    {
        return false;
    }
    let next = t[close + 1..].trim_start_matches([' ', '\t']);
    let word: &str = next.split_whitespace().next().unwrap_or("");
    let sentence_word = word.len() >= 2
        && word.as_bytes()[0].is_ascii_uppercase()
        && word.bytes().skip(1).any(|b| b.is_ascii_lowercase());
    let reason_letter = inner.len() == 1 && (b'A'..=b'H').contains(&inner.as_bytes()[0]);
    sentence_word || (!reason_letter && word.bytes().next().is_some_and(|b| b.is_ascii_uppercase()))
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and markings
// ---------------------------------------------------------------------------------------------

/// Reads a paragraph number at the start of a line: whether it has a `¶`, the number's relative
/// range, and where the text after the number's punctuation starts.
pub fn paragraph_start(t: &str) -> Option<(bool, usize, usize, usize)> {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    let mut pilcrow = false;
    if b.get(i..i + 2) == Some("¶".as_bytes()) {
        pilcrow = true;
        i += '¶'.len_utf8();
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
    }
    let ns = i;
    while i < b.len() && b[i].is_ascii_digit() && i - ns < 4 {
        i += 1;
    }
    let ne = i;
    if ne == ns || ne - ns > 3 {
        return None;
    }
    while i < b.len() && b[i] == b' ' && i - ne < 2 {
        i += 1;
    }
    // An answer keyed to a sub-paragraph of the reference (`9a.`, `5A.`, `21A)`): the number, its
    // letter and the letter's point, then a space.
    if let Some(end) = answer_key_end(b, ne) {
        return Some((pilcrow, ns, ne, end));
    }
    // `27 A.`: the same with a space before the letter, which then has its point (`5 C)` is a
    // marking that lost its opening parenthesis).
    if i > ne {
        if let Some(end) = answer_key_end(b, i).filter(|&e| b[e - 1] == b'.') {
            return Some((pilcrow, ns, ne, end));
        }
    }
    match b.get(i) {
        Some(b'.') => {
            i += 1;
            if b.get(i).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            // `27.A.`: the letter of a sub-paragraph of the reference after the number's point,
            // with a point of its own (`15.C)` is a marking that lost its opening parenthesis).
            if let Some(end) = answer_key_end(b, i).filter(|&e| b[e - 1] == b'.') {
                return Some((pilcrow, ns, ne, end));
            }
            // A doubled point (`3.. (SBU)`) is a typing slip when a portion marking follows.
            if b.get(i) == Some(&b'.') && marking_line_start(&t[i + 1..]) {
                i += 1;
            }
        }
        // `4, (C)`: a comma for the point, read as one only before a portion marking, since `4,`
        // at a line start is otherwise a list or a figure inside a paragraph.
        Some(b',') if marking_line_start(&t[i + 1..]) => {
            i += 1;
        }
        Some(b')') => {
            i += 1;
            if b.get(i) == Some(&b'.') {
                i += 1;
            }
            // `1)` starts a paragraph only with a marking or the release's pilcrow; otherwise it is
            // an item of a list inside a paragraph.
            let rest = t[i..].trim_start();
            if !pilcrow && !rest.starts_with('(') {
                return None;
            }
        }
        _ => {
            // `¶1 (C)` without punctuation occurs with the pilcrow; without it, a number that lost
            // its point (`5 (C) Comment:`) counts only before a marking that opens a sentence, so
            // that a reason broken over a line (`1.` / `4 (C) AND (D)`) stays a reason.
            let marked =
                b.get(i) == Some(&b'(') && (pilcrow || (i > ne && marking_starts_text(&t[i..])));
            if !marked {
                return None;
            }
        }
    }
    Some((pilcrow, ns, ne, i))
}

/// Where the letter of an answer keyed to a sub-paragraph of a reference ends (`a.` of `9a.`, `A.`
/// of `27.A.` and of `27 A.`), when `b[at]` starts one: one letter, then `.` or `)`, then a space, a tab or the
/// line's end. Replies to a tasking cable number their answers so (both corpora: 07BOGOTA1457's
/// `27.A.` to `30.I.`, 09REYKJAVIK104's `9a.`, 09SANJOSE517's `5A.`, 10CAIRO209's `2A.`,
/// 06SANJOSE481's `21A.`), and the number is the reference's paragraph, not the cable's.
fn answer_key_end(b: &[u8], at: usize) -> Option<usize> {
    (b.get(at)?.is_ascii_alphabetic()
        && matches!(b.get(at + 1), Some(b'.' | b')'))
        && b.get(at + 2)
            .is_none_or(|&c| matches!(c, b' ' | b'\t' | b'\r')))
    .then_some(at + 2)
}

fn parse_paragraph(src: Src) -> Option<Paragraph> {
    let (pilcrow, ns, ne, after) = paragraph_start(src.text)?;
    let key = src.text.as_bytes()[ne..after]
        .iter()
        .position(u8::is_ascii_alphabetic)
        .map(|k| src.range(ne + k, ne + k + 1));
    let number = Num {
        range: src.range(ns, ne),
        value: parse_u32(&src.text[ns..ne])?,
    };
    let rest = &src.text[after..];
    let lead = rest.len() - rest.trim_start().len();
    let at = after + lead;
    let marking = marking_at(src, at)
        .or_else(|| marking_after_label(src, at))
        .or_else(|| entire_text_words(src, at))
        .or_else(|| unopened_marking_at(src, at));
    Some(Paragraph {
        range: src.trim().full().cover(src.range(ns, ne)),
        first_line: src.full(),
        number,
        pilcrow,
        key,
        marking,
        marking_insert_at: src.range(after, after).start,
    })
}

/// Whether a line is a dashed rule under or above a heading: at least three `-`, `=` or `_`, and
/// nothing else but spaces (`===== ==`).
/// Lines that end a SUBJECT even when no blank line comes before them (spec §3.13): a dashed rule, a
/// repeated banner (spaced, or the level word alone on its line) and an old page header
/// (`PAGE 02 STATE 123456`).
fn ends_subject(t: &str) -> bool {
    is_rule_line(t)
        || super::record::is_page_header(t)
        || banner_level_prefix(t).is_some_and(|(_, len, _, garbled)| {
            !garbled && (t[..len].contains(' ') || t[len..].trim().is_empty())
        })
}

/// Where a page header stands inside a line and its byte length (`PGOV PREL PAGE 02 HARARE 06677
/// 01 OF 03 291400Z ZI`).
fn page_header_in(t: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = t[from..].find("PAGE ") {
        let at = from + p;
        if at == 0 || t.as_bytes()[at - 1] == b' ' {
            if let Some(len) = super::record::page_header_len(&t[at..]) {
                return Some((at, len));
            }
        }
        from = at + 5;
    }
    None
}

/// The byte length of a page break's line inside the SUBJECT of a received copy: the page header
/// (`PAGE 02 HARARE 06677 01 OF 03 291400Z`, perhaps with subject text joined after it) or the
/// classification repeated alone at the top of the page (`CONFIDENTIAL`).
fn subject_interruption(t: &str) -> Option<usize> {
    if let Some(len) = super::record::page_header_len(t) {
        return Some(len);
    }
    banner_level_prefix(t)
        .filter(|&(_, len, _, garbled)| !garbled && t[len..].trim().is_empty())
        .map(|_| t.len())
}

/// Where text the release joined after a subject's words on their line starts, if any: a page's
/// continuation header (`UK SLIDING TOWARDS RECESSION LONDON 00002217 001.2 OF 004`, `AMBASSADOR
/// BRASILIA 00001239 001.2 OF 004`; spec §3.19), its origin `origin` (the banner's) cut to ten
/// characters; or a handling sentence (`… RE-ELECTION SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT
/// ACCORDINGLY.`, `ENTIRE TEXT SENSITIVE BUT UNCLASSIFIED/NOFORN; PLEASE PROTECT ACCORDINGLY.`).
/// Neither is part of the subject; whatever follows them on the line is not either.
fn joined_after_subject(t: &str, origin: Option<&str>) -> Option<usize> {
    let header = origin.and_then(|o| joined_continuation(t, o));
    let handling = joined_handling(t);
    match (header, handling) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Where a continuation header of the post `origin` starts in `t` after other text (not at 0): the
/// origin (cut to ten characters, as the header writes it), the serial, the page and `OF` and
/// the total, then the line's end or a blank.
fn joined_continuation(t: &str, origin: &str) -> Option<usize> {
    joined_continuation_span(t, origin).map(|(start, _)| start)
}

/// Where a continuation header of the post `origin` stands in `t` after other text, as
/// [`joined_continuation`] finds it: its start and its end (after the total's three digits).
fn joined_continuation_span(t: &str, origin: &str) -> Option<(usize, usize)> {
    let o = origin
        .get(..origin.len().min(10))
        .unwrap_or(origin)
        .trim_end();
    if o.is_empty() || !t.contains(" OF ") {
        return None;
    }
    let mut from = 0;
    while let Some(p) = t[from..].find(o) {
        let at = from + p;
        from = at + o.len();
        if at == 0 {
            continue;
        }
        let rest = &t[at..];
        // The header ends at its total's three digits, after one of the ` OF `s.
        for (q, _) in rest.match_indices(" OF ") {
            let after = q + 4;
            let lead = rest[after..].len() - rest[after..].trim_start().len();
            let end = after + lead + 3;
            let ends = rest
                .get(end..)
                .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace));
            if ends && continuation_rest(&rest[..end], o.len()).is_some() {
                return Some((at, at + end));
            }
        }
    }
    None
}

/// Where a handling sentence joined after a subject starts in `t` (not at 0): `SENSITIVE BUT
/// UNCLASSIFIED` (in any case, the first word perhaps misspelled: `SENSTIVE`), perhaps after
/// `ENTIRE TEXT`, with `ACCORDINGLY` later on the line (`PLEASE PROTECT ACCORDINGLY`, `Please
/// handle accordingly`), which no subject about such information has.
fn joined_handling(t: &str) -> Option<usize> {
    // Most lines have no `BUT UNCLASSIFIED`, which is looked for before the line is copied.
    find_word_ci(t, "BUT UNCLASSIFIED")?;
    let upper = t.to_ascii_uppercase();
    let but = upper.find(" BUT UNCLASSIFIED")?;
    if !upper[but..].contains("ACCORDINGLY") {
        return None;
    }
    let word_start = upper[..but].rfind(' ').map_or(0, |i| i + 1);
    let word = &upper[word_start..but];
    if !(word.starts_with("SENS") && word.ends_with("TIVE") && word.len() <= 10) || word_start == 0
    {
        return None;
    }
    let start = upper[..word_start]
        .strip_suffix("ENTIRE TEXT ")
        .map_or(word_start, str::len);
    (start > 0).then_some(start)
}

/// Headings that open the text (spec §3.17, §3.18), in capitals.
const HEADINGS: [&str; 6] = [
    "SUMMARY",
    "BACKGROUND",
    "COMMENT",
    "INTRODUCTION",
    "OVERVIEW",
    "ACTION REQUEST",
];

/// Whether a line starts with a [heading](HEADINGS) word, in any case (`Summary`, `SUMMARY AND
/// COMMENT`).
fn starts_with_heading(t: &str) -> bool {
    HEADINGS.iter().any(|h| {
        t.get(..h.len()).is_some_and(|p| p.eq_ignore_ascii_case(h))
            && !t[h.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Whether a line reads as a sentence of text: it has lower-case letters and ends with a
/// sentence's point (`.`, `?`, `!`, perhaps inside a closing quote).
fn is_sentence(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_lowercase())
        && t.trim_end_matches(['"', '\'', ' '])
            .ends_with(['.', '?', '!'])
}

/// Whether a text has letters and all of them capitals.
fn in_capitals(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

/// Whether a line after a blank line can go on with a subject written in capitals: a line in
/// capitals no longer than a telegram line allows, that is no element (a label, a paragraph, a
/// page continuation, a rule, a banner, a caption, a handling line such as `ENTIRE TEXT SENSITIVE
/// BUT UNCLASSIFIED`), no heading (`SUMMARY`, `BACKGROUND`, `------- SUMMARY -------`), no
/// passing line (`DEPT FOR WHA/CEN`), no labelled line (`RE: STATE 123`, `DERIVED FROM: …`) and no
/// truncated preview (`RE...`).
fn subject_piece(t: &str) -> bool {
    const OFFICES: [&str; 12] = [
        "DEPT",
        "DEPARTMENT",
        "STATE",
        "NSC",
        "USTR",
        "TREASURY",
        "USAID",
        "AID",
        "DOD",
        "OSD",
        "PASS",
        "COMMERCE",
    ];
    let mut words = t.split_whitespace();
    let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let passing =
        matches!(second, "FOR" | "PASS") && (OFFICES.contains(&first) || first.contains('/'));
    // A page continuation the release joined after a word (`001.2 OF 003`).
    let page = t.rsplit_once(" OF ").is_some_and(|(a, b)| {
        all_digits(b)
            && a.rsplit(' ')
                .next()
                .is_some_and(|p| p.starts_with(|c: char| c.is_ascii_digit()))
    });
    in_capitals(t)
        && t.chars().count() <= 80
        && !page
        && !t.starts_with(['-', '=', '_'])
        && !t.contains("SENSITIVE")
        && !t.contains("NOT FOR INTERNET")
        && !t.contains(':')
        && !t.ends_with("...")
        && !t.ends_with('…')
        && !passing
        && !starts_with_heading(t)
        && label_at_start(t).is_none()
        && label_typo_at_start(t).is_none()
        && paragraph_start(t).is_none()
        && !is_continuation(t)
        && !ends_subject(t)
        && banner_level_prefix(t).is_none()
        && !is_artifact_line(t)
        && captions(Src::new(t, 0)).is_none()
}

/// Whether a trimmed line is a dashed rule (`-----`, `=====`, `___`), perhaps in pieces: only `-`,
/// `=`, `_` and spaces, with at least three of the first.
pub fn is_rule_line(t: &str) -> bool {
    // The test that fails at the first letter of a line of text comes first.
    t.bytes().all(|b| matches!(b, b'-' | b'=' | b'_' | b' '))
        && t.bytes()
            .filter(|&b| matches!(b, b'-' | b'=' | b'_'))
            .count()
            >= 3
}

/// A marking after a lead-in label of one to four words: `Summary: (C)`, `Comment: (S)`,
/// `Action request. (U)`, `SUMMARY -- (C)`.
fn marking_after_label(src: Src, at: usize) -> Option<Marking> {
    let t = &src.text[at..];
    let b = t.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut i = 0;
    let mut words = 0;
    while i < b.len() && i < 40 {
        if b[i].is_ascii_alphabetic() {
            words += 1;
            while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'\'') {
                i += 1;
            }
        } else if b[i] == b' ' || b[i] == b'/' {
            i += 1;
        } else {
            break;
        }
    }
    if words > 4 {
        return None;
    }
    let rest = &t[i..];
    let punct = if rest.starts_with(':') || rest.starts_with('.') {
        1
    } else if rest.starts_with("--") {
        2
    } else {
        return None;
    };
    let p = i + punct;
    let lead = t[p..].len() - t[p..].trim_start().len();
    marking_at(src, at + p + lead)
}

/// The legacy whole-text marking written out after the number: `1. CONFIDENTIAL - ENTIRE TEXT.`
/// (spec §3.15, 1980s–1990s cables).
fn entire_text_words(src: Src, at: usize) -> Option<Marking> {
    let t = &src.text[at..];
    let up = t.to_ascii_uppercase();
    let (word, level) = [
        ("CONFIDENTIAL", Level::Confidential),
        ("SECRET", Level::Secret),
        ("TOP SECRET", Level::TopSecret),
        ("UNCLASSIFIED", Level::Unclassified),
        ("LIMITED OFFICIAL USE", Level::Sbu),
    ]
    .into_iter()
    .find(|(w, _)| up.starts_with(w))?;
    let rest = up[word.len()..].trim_start();
    let rest = rest.strip_prefix('-')?.trim_start_matches('-').trim_start();
    if !rest.starts_with("ENTIRE TEXT") {
        return None;
    }
    let end = t.len() - rest.len() + "ENTIRE TEXT".len();
    Some(Marking {
        range: src.range(at, at + end),
        level: Some(level),
        noforn: false,
        valid: true,
        entire_text: true,
        canonical: true,
    })
}

fn marking_at(src: Src, at: usize) -> Option<Marking> {
    let t = &src.text[at..];
    if !t.starts_with('(') {
        return None;
    }
    let close = t.as_bytes()[..t.len().min(120)]
        .iter()
        .position(|&c| c == b')')?;
    parse_marking(src.range(at, at + close + 1), &t[1..close])
}

/// A portion marking that lost its opening parenthesis right after a paragraph number (`1. C)
/// Summary:`, `3. SBU)In comments`, `2. S/NF) The`): a valid level and controls in capitals, no
/// space inside, closed by `)`. `invalid-marking` reports the missing parenthesis; the level
/// counts, so the paragraph is not reported as unmarked. Both corpora hold 25 such first lines in
/// 7 cables, each a marking of the level its neighbours carry.
fn unopened_marking_at(src: Src, at: usize) -> Option<Marking> {
    let b = &src.text.as_bytes()[at..];
    let close = b.iter().take(13).position(|&c| c == b')')?;
    if close == 0
        || !b[..close]
            .iter()
            .all(|&c| c.is_ascii_uppercase() || c == b'/')
    {
        return None;
    }
    // The bytes before `)` are ASCII, so `close` is a character boundary.
    let m = parse_marking(src.range(at, at + close + 1), &src.text[at..at + close])?;
    (m.level.is_some() && m.valid).then_some(m)
}

/// Reads the inside of a portion marking. `None` when the parenthesis holds something else.
///
/// The level and the controls are read in any case and with `/`, `//`, `-` or a space between them
/// (`(c)`, `(S/Rel UK)`, `(S//REL to USA, AUS)`, `(S-NF)`); [`Marking::canonical`] says whether the
/// spelling is the canonical upper-case one, and [`canonical_marking`] gives that spelling.
/// Content with lower-case letters is a marking only when its level is a real level, so prose in
/// parentheses (`(Note: …)`, `(sic)`) is never taken for a garbled marking.
pub fn parse_marking(range: TextRange, content: &str) -> Option<Marking> {
    let c = content.trim();
    if c.is_empty() || c.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let has_lower = c.bytes().any(|b| b.is_ascii_lowercase());
    // The content in capitals: on the stack, as a marking is short (every paragraph asks).
    let mut buf = [0u8; 48];
    let owned;
    let up: &str = match buf.get_mut(..c.len()) {
        Some(b) => {
            b.copy_from_slice(c.as_bytes());
            b.make_ascii_uppercase();
            std::str::from_utf8(b).expect("ASCII case changes keep UTF-8")
        }
        None => {
            owned = c.to_ascii_uppercase();
            &owned
        }
    };
    let level_of = Level::from_abbrev;
    // Legacy `C - ENTIRE TEXT` (a marking is short: its bytes are read, with no searcher built).
    let dash = up.as_bytes().windows(3).position(|w| w == b" - ");
    if let Some((lvl, rest)) = dash.map(|at| (&up[..at], &up[at + 3..])) {
        if rest.trim().trim_end_matches('.') == "ENTIRE TEXT" {
            return Some(Marking {
                range,
                level: level_of(lvl.trim()),
                noforn: false,
                valid: level_of(lvl.trim()).is_some(),
                entire_text: true,
                canonical: !has_lower,
            });
        }
    }
    let first_end = up.find(['/', ' ', '-']).unwrap_or(up.len());
    let first = &up[..first_end];
    let level = level_of(first);
    if has_lower && level.is_none() {
        return None;
    }
    let mut noforn = false;
    let mut valid = level.is_some();
    if level.is_none() {
        // Only short all-capital contents are taken as (garbled) markings: `(SE)`, `(N/SF)`.
        let letters = c.bytes().filter(|b| b.is_ascii_uppercase()).count();
        if letters > 4 || c.bytes().any(|b| !(b.is_ascii_uppercase() || b == b'/')) {
            return None;
        }
    }
    let rest = &up[first_end..];
    let mut in_rel = false;
    for w in rest.split(['/', ' ', ',', '-']).filter(|w| !w.is_empty()) {
        match w {
            "NF" | "NOFORN" | "N" => {
                noforn = true;
                in_rel = false;
            }
            "FOUO" | "FGI" | "MR" | "ORCON" | "PROPIN" => in_rel = false,
            "REL" => in_rel = true,
            _ if in_rel => {}
            _ if has_lower => return None,
            _ => valid = false,
        }
    }
    if level.is_none() && c.len() > 12 {
        return None;
    }
    // A marking written all in lower case is the sentence-case release form (spec §3.22), which
    // counts as canonical; mixed case and `-` separators do not.
    let all_lower = !c.bytes().any(|b| b.is_ascii_uppercase());
    let canonical = (!has_lower || all_lower) && !rest.contains('-');
    Some(Marking {
        range,
        level,
        noforn,
        valid,
        entire_text: false,
        canonical,
    })
}

/// The canonical spelling of a marking's content (without the parentheses): upper case, with `/`
/// for a `-` separator and `REL TO` in capitals (`S/Rel UK` → `S/REL UK`, `S-NF` → `S/NF`).
pub fn canonical_marking(content: &str) -> String {
    content.trim().to_ascii_uppercase().replace('-', "/")
}

// ---------------------------------------------------------------------------------------------
// Continuation headers
// ---------------------------------------------------------------------------------------------

/// The continuation header's pattern. [`continuation_parts`] matches it by hand on ASCII lines
/// (compiling it took 4.3 M instructions at the first use in a process, most of the cost of a
/// one-file check's parse); the regex itself only reads lines with a non-ASCII numeric character,
/// which its Unicode `\d` may match, and the tests compare the two.
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([A-Z][A-Z .\-']{0,9}?)\s{1,2}(\d{8})\s{1,2}(\d{3})(?:\.(\d+))?\s+OF\s+(\d{3})\s*$",
    )
    .expect("valid regex")
});

/// The byte ranges of a continuation header's origin, serial, page and total (`ROME 12345678
/// 002 OF 003`), as [`CONTINUATION`]'s groups 1, 2, 3 and 5 would give them.
type ContinuationParts = [(usize, usize); 4];

/// Matches [`CONTINUATION`] against `t`, by hand unless `t` has a non-ASCII numeric character
/// (one of them may be a Unicode digit, which the regex's `\d` matches).
fn continuation_parts(t: &str) -> Option<ContinuationParts> {
    if !t.is_ascii() && t.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
        let c = CONTINUATION.captures(t)?;
        let g = |i: usize| c.get(i).map(|m| (m.start(), m.end()));
        return Some([g(1)?, g(2)?, g(3)?, g(5)?]);
    }
    let b = t.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    // The origin is lazy: the shortest one (one to ten characters) after which the rest matches.
    let mut k = 1;
    loop {
        if let Some(rest) = continuation_rest(t, k) {
            return Some(rest);
        }
        if k == 10
            || !b
                .get(k)
                .is_some_and(|&c| c.is_ascii_uppercase() || matches!(c, b' ' | b'.' | b'-' | b'\''))
        {
            return None;
        }
        k += 1;
    }
}

/// The rest of [`CONTINUATION`] after an origin that ends at byte `k` (a character boundary, as
/// the origin is ASCII): every part after it is decided by the next character, so no other split
/// of the rest can match. Digits are ASCII here; a blank is any white-space character, as for
/// the regex's `\s` (both read the Unicode `White_Space` property).
fn continuation_rest(t: &str, k: usize) -> Option<ContinuationParts> {
    let b = t.as_bytes();
    let digits = |at: usize| {
        b[at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    // White space after a byte offset: the number of characters and of bytes.
    let spaces = |at: usize| {
        t.get(at..)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_whitespace())
            .fold((0, 0), |(n, len), c| (n + 1, len + c.len_utf8()))
    };
    let (n1, s1) = spaces(k);
    if !(1..=2).contains(&n1) || digits(k + s1) != 8 {
        return None;
    }
    let serial = (k + s1, k + s1 + 8);
    let (n2, s2) = spaces(serial.1);
    if !(1..=2).contains(&n2) || digits(serial.1 + s2) != 3 {
        return None;
    }
    let page = (serial.1 + s2, serial.1 + s2 + 3);
    let mut at = page.1;
    if b.get(at) == Some(&b'.') {
        let d = digits(at + 1);
        if d == 0 {
            return None;
        }
        at += 1 + d;
    }
    let (n3, s3) = spaces(at);
    if n3 == 0 || !b[at + s3..].starts_with(b"OF") {
        return None;
    }
    at += s3 + 2;
    let (n4, s4) = spaces(at);
    if n4 == 0 || digits(at + s4) != 3 {
        return None;
    }
    let total = (at + s4, at + s4 + 3);
    if spaces(total.1).1 != b.len() - total.1 {
        return None;
    }
    Some([(0, k), serial, page, total])
}

/// Whether a line is a continuation header (`ROME 00001196  002 OF 003`, [`CONTINUATION`]).
#[inline]
fn is_continuation(t: &str) -> bool {
    // Trimming only shortens a line: most lines are too short to be one. A header ends in a
    // digit, and trimming keeps a last byte that is ASCII and no white space: most lines of text
    // end in another such byte (a letter, a full stop), and are ruled out here without a call.
    match t.as_bytes().last() {
        Some(&b) if t.len() >= 20 => {
            (b.is_ascii_digit() || !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' '))
                && continuation_line(t)
        }
        _ => false,
    }
}

/// [`is_continuation`] for a line of at least 20 bytes that may end in a digit.
fn continuation_line(t: &str) -> bool {
    let t = lex::trim(t);
    t.len() >= 20
        && t.len() <= 40
        && t.as_bytes()[t.len() - 1].is_ascii_digit()
        && t.contains(" OF ")
        && continuation_parts(t).is_some()
}

/// The continuation header a line is, read ([`is_continuation`] first, inlined where it is
/// called: it rules out most lines).
#[inline]
fn parse_continuation(src: Src) -> Option<Continuation> {
    if !is_continuation(src.text) {
        return None;
    }
    read_continuation(src)
}

/// [`parse_continuation`] for a line [`is_continuation`] takes.
fn read_continuation(src: Src) -> Option<Continuation> {
    let [o, serial, page, total] = continuation_parts(src.text)?;
    let num = |(start, end): (usize, usize)| Num {
        range: src.range(start, end),
        value: parse_u32(&src.text[start..end]).unwrap_or(0),
    };
    Some(Continuation {
        range: src.full(),
        origin: src.range(o.0, o.1),
        serial: num(serial),
        page: num(page),
        total: num(total),
    })
}

// ---------------------------------------------------------------------------------------------
// Summary, comment and note markers
// ---------------------------------------------------------------------------------------------

static OTE_LOWER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"ote"));
static OTE_UPPER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"OTE"));

/// Whether the line has the word "note" in any case (searching the rarer "ote" first).
fn has_word_note(b: &[u8]) -> bool {
    [&*OTE_LOWER, &*OTE_UPPER].iter().any(|f| {
        f.find_iter(b).any(|p| {
            p >= 1
                && matches!(b[p - 1], b'n' | b'N')
                && (p == 1 || !b[p - 2].is_ascii_alphanumeric())
                && b.get(p + 3).is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    })
}

static DOUBLE_M_LOWER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"mm"));
static DOUBLE_M_UPPER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"MM"));

/// The summary, comment and note markers: `(?i)` and this pattern, found by [`marker_matches`]
/// without the regex on almost every line (a test compares the two). The regex compiled at
/// every start (11% of the CPU time of checking one small cable) and, on a line with non-ASCII
/// characters, ran its backtracker for Unicode word boundaries (a quarter of `check`'s time over
/// both corpora, most of it on the received copies' mojibake lines).
const MARKER_PATTERN: &str =
    r"\b(?:(end)(?:\s+of)?\s+(?:(?:embassy|post|mission|begin)\s+)?)?(summa?r?y|comments?|note)\b";
static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){MARKER_PATTERN}")).expect("valid regex"));

/// One match of the marker pattern: the whole match, whether it is a closing marker (`END …`), and
/// the marker word (`summary`, `Comments`, `NOTE`), as byte ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MarkerMatch {
    start: usize,
    end: usize,
    closing: bool,
    word: (usize, usize),
}

/// The matches of `(?i)` [`MARKER_PATTERN`] in a line, leftmost-first as the regex finds them.
///
/// Searched by hand with the regex's Unicode meanings: `\b` between a word character
/// (`regex_syntax::is_word_character`) and another character, `\s` for White_Space
/// (`char::is_whitespace`), and case folding, under which the pattern's letters match only
/// themselves in either ASCII case except `s`, which also matches `ſ` (U+017F): a line with that
/// letter goes to the regex. At any start at most one way through the pattern can succeed (each
/// whitespace run is taken whole, since `of`, the four words and the marker words all start with
/// a letter), so the first one tried in the regex's order of preference is the regex's match.
fn marker_matches(t: &str) -> Vec<MarkerMatch> {
    if t.contains('\u{17f}') {
        return MARKER
            .captures_iter(t)
            .map(|m| {
                let (whole, word) = (m.get(0).expect("match"), m.get(2).expect("word"));
                MarkerMatch {
                    start: whole.start(),
                    end: whole.end(),
                    closing: m.get(1).is_some(),
                    word: (word.start(), word.end()),
                }
            })
            .collect();
    }
    let line = MarkerLine {
        t,
        b: t.as_bytes(),
        unicode: !t.is_ascii(),
    };
    let mut out = Vec::new();
    let mut p = 0;
    while p < line.b.len() {
        // Every match starts with one of these ASCII letters, so `p` is a character boundary.
        let c = line.b[p];
        if matches!(c.to_ascii_lowercase(), b'e' | b's' | b'c' | b'n') {
            if let Some(m) = line.match_at(p) {
                p = m.end;
                out.push(m);
                continue;
            }
        }
        p += 1;
        // A match starts at a word boundary, so none starts inside a run of ASCII word
        // characters (word characters under Unicode's meaning too): the rest of the run is
        // skipped.
        if c.is_ascii_alphanumeric() || c == b'_' {
            while p < line.b.len() && (line.b[p].is_ascii_alphanumeric() || line.b[p] == b'_') {
                p += 1;
            }
        }
    }
    out
}

/// A line searched for markers, and whether it needs the Unicode meanings of `\b` and `\s`.
struct MarkerLine<'a> {
    t: &'a str,
    b: &'a [u8],
    unicode: bool,
}

impl MarkerLine<'_> {
    /// The match starting at `p`, if any.
    fn match_at(&self, p: usize) -> Option<MarkerMatch> {
        if !self.boundary(p) {
            return None;
        }
        if self.has(p, b"end") {
            let after_end = p + 3;
            // With ` of`, then without it.
            let after_of = {
                let w = self.skip_space(after_end);
                (w > after_end && self.has(w, b"of")).then_some(w + 2)
            };
            for q in after_of.into_iter().chain([after_end]) {
                let r = self.skip_space(q);
                if r == q {
                    continue;
                }
                // With one of the four words, then without.
                for x in [&b"embassy"[..], b"post", b"mission", b"begin"] {
                    if self.has(r, x) {
                        let u = r + x.len();
                        let v = self.skip_space(u);
                        if v > u {
                            if let Some(e) = self.word_at(v) {
                                return Some(MarkerMatch {
                                    start: p,
                                    end: e,
                                    closing: true,
                                    word: (v, e),
                                });
                            }
                        }
                    }
                }
                if let Some(e) = self.word_at(r) {
                    return Some(MarkerMatch {
                        start: p,
                        end: e,
                        closing: true,
                        word: (r, e),
                    });
                }
            }
        }
        self.word_at(p).map(|e| MarkerMatch {
            start: p,
            end: e,
            closing: false,
            word: (p, e),
        })
    }

    /// The end of `summa?r?y`, `comments?` or `note` at `i` followed by a word boundary.
    fn word_at(&self, i: usize) -> Option<usize> {
        let at = |j: usize, c: u8| self.b.get(j).is_some_and(|x| x.eq_ignore_ascii_case(&c));
        let end = if self.has(i, b"summ") {
            let mut j = i + 4;
            if at(j, b'a') {
                j += 1;
            }
            if at(j, b'r') {
                j += 1;
            }
            at(j, b'y').then_some(j + 1)?
        } else if self.has(i, b"comment") {
            let j = i + 7;
            if at(j, b's') && self.boundary(j + 1) {
                return Some(j + 1);
            }
            j
        } else if self.has(i, b"note") {
            i + 4
        } else {
            return None;
        };
        self.boundary(end).then_some(end)
    }

    /// Whether the line has `word` (ASCII letters) in any case at `i`.
    fn has(&self, i: usize, word: &[u8]) -> bool {
        self.b
            .get(i..i + word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word))
    }

    /// Whether a word boundary is at `i`, a character boundary.
    fn boundary(&self, i: usize) -> bool {
        let word = |c: Option<char>| {
            // Unicode's word characters among ASCII are the letters, the digits and `_`, so the
            // table is asked only of other characters.
            c.is_some_and(|c| {
                if self.unicode && !c.is_ascii() {
                    regex_syntax::is_word_character(c)
                } else {
                    c.is_ascii_alphanumeric() || c == '_'
                }
            })
        };
        word(self.t[..i].chars().next_back()) != word(self.t[i..].chars().next())
    }

    /// The end of the run of whitespace at `i`, a character boundary.
    fn skip_space(&self, i: usize) -> usize {
        let rest = &self.t[i..];
        let run = rest.len()
            - rest
                .trim_start_matches(|c: char| {
                    if self.unicode {
                        c.is_whitespace()
                    } else {
                        matches!(c, '\t' | '\n' | '\x0B' | '\x0C' | '\r' | ' ')
                    }
                })
                .len();
        i + run
    }
}

/// Where `text` ends with the word `w` (any case, after a space, a tab or `(`, or at its start).
fn ends_with_word(text: &str, w: &str) -> Option<usize> {
    let at = text.len().checked_sub(w.len())?;
    (text.is_char_boundary(at)
        && text[at..].eq_ignore_ascii_case(w)
        && (at == 0 || matches!(text.as_bytes()[at - 1], b' ' | b'\t' | b'(')))
    .then_some(at)
}

/// Where the `AND` of `END COMMENT AND` (or `END NOTE AND`) starts when `text` ends with it: the
/// summary word after it closes the summary too (`END COMMENT AND SUMMARY.`, on one line or two).
fn and_after_closer(text: &str) -> Option<usize> {
    let text = text.trim_end();
    let and = ends_with_word(text, "and")?;
    let before = text[..and].trim_end();
    ["comment", "comments", "note"]
        .iter()
        .filter_map(|w| ends_with_word(before, w))
        .any(|at| ends_with_word(before[..at].trim_end(), "end").is_some())
        .then_some(and)
}

/// The cheap filter before the marker search: whether the line has a doubled `m` in one case
/// (both "summary" and "comment" have one) or the word "note" in lower or upper case (most lines
/// have neither). [`MarkerCandidates::may_hold`] answers the same from positions found once.
fn may_hold_marker(b: &[u8]) -> bool {
    DOUBLE_M_LOWER.find(b).is_some() || DOUBLE_M_UPPER.find(b).is_some() || has_word_note(b)
}

/// Whether the line has the letters of a marker word in any ASCII case (`summ`, `comment`,
/// `note`) or an `ſ`, which the regex's case folding takes for `s`: every match of
/// [`MARKER_PATTERN`] has one, so a line without them needs no search.
fn names_marker_word(t: &str) -> bool {
    // Four bytes at a time with the case bit set: for the letters of these words that bit is the
    // only difference between the cases, and no other byte takes a letter's value with it, so
    // this is the ASCII case-insensitive comparison.
    const SUMM: u32 = u32::from_le_bytes(*b"summ");
    const NOTE: u32 = u32::from_le_bytes(*b"note");
    const COMM: u32 = u32::from_le_bytes(*b"comm");
    let b = t.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        let w = u32::from_le_bytes([w[0], w[1], w[2], w[3]]) | 0x2020_2020;
        w == SUMM
            || w == NOTE
            || (w == COMM
                && b.get(i + 4..i + 7)
                    .is_some_and(|rest| rest.eq_ignore_ascii_case(b"ent")))
    }) || t.contains('\u{17f}')
}

/// Where a line of a cable may pass [`may_hold_marker`], found once over the whole text: the
/// filter ran four substring searches on every line, and their set-up on lines of forty-odd
/// bytes was 5% of `check`'s time over 25,000 cables.
struct MarkerCandidates<'a> {
    /// The cable's whole text; the lines asked about are slices of it.
    text: &'a str,
    /// Where `mm` or `MM` starts, sorted, overlapping ones (`mmm`) included.
    doubled_m: Vec<u32>,
    /// Where `ote` or `OTE` starts after an `n` or `N`, sorted.
    note: Vec<u32>,
    /// Where the last look-ups in `doubled_m` and `note` ended: the lines are asked about in
    /// order, so the next answer is found by stepping on from there rather than by a binary search
    /// per line (whose mispredicted branches cost more than its few steps).
    cursors: [std::cell::Cell<usize>; 2],
}

impl<'a> MarkerCandidates<'a> {
    fn new(text: &'a str) -> Self {
        let b = text.as_bytes();
        // Searched as pairs, which are rare, rather than at every `m`.
        let mut doubled_m = Vec::new();
        for finder in [&*DOUBLE_M_LOWER, &*DOUBLE_M_UPPER] {
            for q in finder.find_iter(b) {
                doubled_m.push(q as u32);
                // The search goes on after the pair: a third `m` (`mmm`) starts a pair inside it.
                if b.get(q + 2) == Some(&b[q]) {
                    doubled_m.push(q as u32 + 1);
                }
            }
        }
        doubled_m.sort_unstable();
        let mut note: Vec<u32> = [&*OTE_LOWER, &*OTE_UPPER]
            .iter()
            .flat_map(|f| f.find_iter(b))
            .filter(|&p| p >= 1 && matches!(b[p - 1], b'n' | b'N'))
            .map(|p| p as u32)
            .collect();
        note.sort_unstable();
        MarkerCandidates {
            text,
            doubled_m,
            note,
            cursors: Default::default(),
        }
    }

    /// [`may_hold_marker`] of a line: by the positions when the line is a slice of the text,
    /// else by searching the line.
    fn may_hold(&self, src: Src) -> bool {
        let b = self.text.as_bytes();
        let (s, e) = (src.offset, src.offset + src.text.len());
        if e > b.len() || !std::ptr::eq(src.text.as_ptr(), b[s..].as_ptr()) {
            return may_hold_marker(src.text.as_bytes());
        }
        let i = first_from(&self.doubled_m, &self.cursors[0], s);
        if self.doubled_m.get(i).is_some_and(|&q| q as usize + 2 <= e) {
            return true;
        }
        // The same word test as `has_word_note`, at the line's ends.
        let j = first_from(&self.note, &self.cursors[1], s + 1);
        self.note[j..]
            .iter()
            .map(|&p| p as usize)
            .take_while(|&p| p + 3 <= e)
            .any(|p| {
                (p - 1 == s || !b[p - 2].is_ascii_alphanumeric())
                    && (p + 3 == e || !b[p + 3].is_ascii_alphanumeric())
            })
    }
}

fn find_markers(src: Src, paragraph: Option<usize>, starts_block: bool, out: &mut Vec<Marker>) {
    let t = src.text;
    // Where the text proper starts: after a paragraph number and marking.
    let text_start = paragraph_text_start(t);
    // A heading stands alone on its line, also between dashes (`------- SUMMARY -------`).
    let lead = t.len() - t.trim_start_matches([' ', '\t', '-', '=', '_', '*']).len();
    let alone = t
        .trim_end_matches([' ', '\t', '-', '=', '_', '*', ':', '.'])
        .len();
    let found = marker_matches(t);
    for m in found {
        let word = t[m.word.0..m.word.1].to_ascii_lowercase();
        // `END COMMENT AND SUMMARY.` on one line closes the summary as well as the comment.
        let joined_closer = (!m.closing
            && matches!(word.as_str(), "summary" | "summay" | "sumary" | "summry"))
        .then(|| and_after_closer(&t[..m.start]))
        .flatten();
        let closing = m.closing || joined_closer.is_some();
        let kind = match (word.as_str(), closing) {
            ("summary" | "summay" | "sumary" | "summry", false) => MarkerKind::SummaryOpen,
            ("summary" | "summay" | "sumary" | "summry", true) => MarkerKind::SummaryClose,
            ("comment" | "comments", false) => MarkerKind::CommentOpen,
            ("comment" | "comments", true) => MarkerKind::CommentClose,
            ("note", false) => MarkerKind::NoteOpen,
            ("note", true) => MarkerKind::NoteClose,
            _ => continue,
        };
        let before = &t[..m.start];
        let after = &t[m.end..];
        let heading = m.start == lead && m.end >= alone;
        if !closing {
            // An opener stands at the start of the text (after number and marking), alone as a
            // heading, after `(` or `BEGIN`, or as `Comment:`-style label.
            let at_text_start = m.start == text_start && starts_block;
            let before_trim = before.trim_end();
            // `(Note:` and `[Note: … End note.]`.
            let after_paren = before_trim.ends_with(['(', '[']);
            let after_begin = ends_with_ignore_case(before_trim, "begin")
                || ["embassy", "post", "mission", "executive", "and"]
                    .iter()
                    .any(|w| {
                        ends_with_ignore_case(before_trim, w)
                            && before_trim.len() - w.len() <= text_start + 1
                    });
            let labelled = after.starts_with(':')
                || after.starts_with(" :")
                || after.starts_with(" --")
                || after.starts_with(" -");
            let dotted = after.starts_with('.') && kind != MarkerKind::NoteOpen;
            // `… pleasantries. NOTE: Embassy will …`: a labelled opener after a sentence's end.
            // Also at the start of a heading between dashes (`----- COMMENT: HOPE -----`).
            let after_sentence = labelled
                && (before_trim
                    .trim_matches(['-', '=', '_', '*', ' ', '\t'])
                    .is_empty()
                    || before_trim.ends_with(['.', '!', '?', '"', ')']));
            // `Bio Note and Comment:`, `(Note and comment:`, `Comment and note:`: two openers.
            let compound = if labelled {
                compound_opener(before_trim, text_start, starts_block)
            } else {
                None
            };
            if let Some((at, first)) = compound {
                out.push(Marker {
                    range: src.range(at, at + first.len()),
                    kind: if first.eq_ignore_ascii_case("note") {
                        MarkerKind::NoteOpen
                    } else {
                        MarkerKind::CommentOpen
                    },
                    paragraph,
                    heading: false,
                });
            }
            let ok = compound.is_some()
                || after_sentence
                || heading
                || (at_text_start
                    && (labelled
                        || dotted
                        || after.starts_with(" and")
                        || after.starts_with(" AND")
                        || kind == MarkerKind::SummaryOpen))
                || (after_paren
                    && (labelled || kind != MarkerKind::NoteOpen || after.starts_with(':')))
                || (after_begin && (labelled || dotted || after.is_empty()));
            if !ok {
                continue;
            }
            if kind == MarkerKind::NoteOpen
                && !(after_paren || at_text_start || after_sentence || compound.is_some())
            {
                continue;
            }
        }
        out.push(Marker {
            range: src.range(joined_closer.unwrap_or(m.start), m.end),
            kind,
            paragraph,
            heading: heading && !closing,
        });
    }
}

/// The first opener of a compound label (`Bio Note and Comment:`, `(Note and comment:`,
/// `Comment and note:`) whose second word is the marker after `before` (the line up to it, white
/// space trimmed off the end): the byte offset of the first word in the line and the word. The
/// compound stands at the text's start (after the paragraph number and marking, `text_start`, on
/// a line that starts a block), after `(` or `[`, or after a sentence's end; `Bio` may come before
/// it.
fn compound_opener(before: &str, text_start: usize, starts_block: bool) -> Option<(usize, &str)> {
    let rest = before
        .strip_suffix(" and")
        .or_else(|| before.strip_suffix(" AND"))
        .or_else(|| before.strip_suffix(" And"))?
        .trim_end();
    let word = ["note", "comment", "comments"]
        .into_iter()
        .find(|w| ends_with_ignore_case(rest, w))?;
    let at = rest.len() - word.len();
    // The word starts a word (`Footnote and` is no opener); `at` is a character boundary, as the
    // word is ASCII.
    let mut prefix = rest[..at].trim_end();
    if rest[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    if ends_with_ignore_case(prefix, "bio")
        && !prefix[..prefix.len() - 3]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        prefix = prefix[..prefix.len() - 3].trim_end();
    }
    let placed = (starts_block && prefix.len() <= text_start)
        || prefix.ends_with(['(', '[', '.', '!', '?'])
        || prefix
            .trim_matches(['-', '=', '_', '*', ' ', '\t'])
            .is_empty();
    placed.then(|| (at, &rest[at..]))
}

/// Whether a text ends with an ASCII word in any case, without copying the text (the marker search
/// asks this at every match, so a copy would make a line of many markers quadratic).
fn ends_with_ignore_case(text: &str, word: &str) -> bool {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    t.len() >= w.len() && t[t.len() - w.len()..].eq_ignore_ascii_case(w)
}

/// The byte offset where a line's text starts after a paragraph number and a marking.
fn paragraph_text_start(t: &str) -> usize {
    let Some((_, _, _, after)) = paragraph_start(t) else {
        return t.len() - t.trim_start().len();
    };
    let mut i = after;
    let b = t.as_bytes();
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    if b.get(i) == Some(&b'(') {
        if let Some(close) = t.as_bytes()[i..t.len().min(i + 60)]
            .iter()
            .position(|&c| c == b')')
        {
            i += close + 1;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
        }
    }
    i
}

// ---------------------------------------------------------------------------------------------
// Signature
// ---------------------------------------------------------------------------------------------

/// The end-of-message validation line after `BT`: `#` and the serial (`#0401`, spec §3.21).
fn is_eom_serial(t: &str) -> bool {
    // A byte test first: `strip_prefix` with a character compares through a library call.
    t.as_bytes().first() == Some(&b'#')
        && t.strip_prefix('#').is_some_and(|r| {
            let r = r.split('/').next().unwrap_or("");
            (2..=6).contains(&r.len()) && all_digits(r)
        })
}

/// A line that may follow the signature without being text: the classification line repeated at
/// the bottom (`CONFIDENTIAL`, `SECRET//NOFORN`), `SIPDIS`, or a declassification stamp
/// (`Declassified/Released US Department of State EO Systematic Review 30 JUN 2006`).
fn is_trailer_line(t: &str) -> bool {
    // Every form below is at least six bytes long and starts with `CONFID`, `SECRET`, `UNCLAS`,
    // `SIPDIS`, `TOP SE` or `DECLAS` in either case, and trimming the full stops off the end keeps
    // the first six bytes of any line that is still six bytes long: most lines of text end here,
    // at one comparison of the six bytes (the case bit set) with each of the six beginnings, whose
    // outcome the processor foresees (a test of the first letter, which starts many lines of
    // text, it did not).
    let Some(head) = t.as_bytes().get(..6) else {
        return false;
    };
    let key = |b: &[u8]| {
        b.iter()
            .rev()
            .fold(0u64, |k, &c| (k << 8) | u64::from(c | 0x20))
    };
    let head = key(head);
    if ![
        b"confid", b"secret", b"unclas", b"sipdis", b"top se", b"declas",
    ]
    .iter()
    .any(|w| key(&w[..]) == head)
    {
        return false;
    }
    // Compared in any case without copying the line: this runs on every line of text.
    let t = t.trim_end_matches('.');
    [
        "CONFIDENTIAL",
        "SECRET",
        "UNCLASSIFIED",
        "UNCLAS",
        "SIPDIS",
        "TOP SECRET",
    ]
    .iter()
    .any(|w| t.eq_ignore_ascii_case(w))
        || (["CONFIDENTIAL//", "SECRET//", "UNCLASSIFIED//"]
            .iter()
            .any(|p| starts_with_ci(t, p))
            && !t.contains(' '))
        || starts_with_ci(t, "DECLASSIFIED/RELEASED")
        || starts_with_ci(t, "DECLASSIFIED AND RELEASED")
}

/// Whether a line of text, standing alone as a wrap would write it in the text, reads by its
/// shape as something other than words of the text: an end marker (`NNNN`, `BT`, `#0401`), a
/// trailer line (`SECRET`, `SIPDIS`, a declassification stamp), the release's id line, its mark
/// of a missing section, a received copy's page header, a continuation header, a line ending with
/// the export's ` \`, or, when `after_blank` says that a blank line stands before it, a banner
/// (`S E C R E T` alone, read as the banner repeated). The formatter keeps its wraps from writing
/// such a line out of the words of a text line, where the parser would read a release mark or an
/// element the input did not hold.
pub fn reads_as_mark_line(t: &str, after_blank: bool) -> bool {
    let t = lex::trim(t);
    let Some(&first) = t.as_bytes().first() else {
        return false;
    };
    // The wrap asks this of every line it writes: each shape is looked for only on a line that
    // starts (or, for the continuation header and the export's line end, ends) as it must.
    let upper = first.to_ascii_uppercase();
    matches!(t, "NNNN" | "NNN" | "BT" | "End Cable Text")
        || (first == b'=' && has_prefix(t, "===") && t.contains("CABLE ENDS"))
        || (first == b'#' && is_eom_serial(t))
        || (matches!(upper, b'C' | b'S' | b'U' | b'T' | b'D') && is_trailer_line(t))
        || ((first.is_ascii_digit() || first == b'>') && is_release_id_line(t))
        || missing_section_number(t).is_some()
        || (matches!(first, b'P' | b'T' | b'I') && super::record::is_page_header(t))
        || parse_continuation(Src::new(t, 0)).is_some()
        // The export's line end, which the formatter does not lay out (a lone `\` of the text
        // wrapped to the end of a line).
        || t.ends_with(" \\")
        || (after_blank
            && banner_level_prefix(t).is_some()
            && parse_banner(Src::new(t, 0)).is_some())
}

/// Whether a line near the end may stand after the signature (see `signature_before_trailer`);
/// `last` says it is the last line of text, where a preview cut off with `...` may stand.
fn is_after_signature(t: &str, last: bool) -> bool {
    let b = t.as_bytes();
    // The export's remnants: quotes, rows of `/` or `.` (not a dashed rule, which heads what
    // follows), an HTML tag.
    (!b.iter().any(|c| c.is_ascii_alphanumeric()) && !is_rule_line(t))
        || (t.starts_with('<') && t.ends_with('>'))
        // A page number or a date stamp.
        || (b.len() <= 10 && b.iter().all(|&c| c.is_ascii_digit() || c == b'/'))
        || is_trailer_line(t)
        || is_release_id_line(t)
        || t.eq_ignore_ascii_case("SENSITIVE BUT UNCLASSIFIED")
        // The post's website banner and the rest of its address.
        || starts_with_ci(t.trim_start_matches('"'), "VISIT ")
        || (!t.contains(' ') && t.contains('/') && t.contains('.'))
        || (last && t.ends_with("...") && !t.ends_with("....") && t.len() > 3)
}

/// The line with which the release ends some records, after the signature and `NNNN`: the
/// record's id in the old form (year, the origin cut to six letters, the serial in five digits)
/// and its classification (`2004CARACA02200 - CONFIDENTIAL`, `2002ROME01196 - Classification:
/// CONFIDENTIAL`, spec §2), after the export's `>` or before its closing quote.
fn is_release_id_line(t: &str) -> bool {
    let t = t.trim_start_matches(['>', ' ']);
    // Asked of every line of text: nearly all are ruled out by their first four bytes, before the
    // search for ` - ` (a substring search per line cost about 12% of `check`).
    if !t
        .as_bytes()
        .get(..4)
        .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
    {
        return false;
    }
    let t = t.trim_end_matches(['"', ' ']);
    let Some((id, rest)) = t.split_once(" - ") else {
        return false;
    };
    let b = id.as_bytes();
    let letters = b
        .iter()
        .skip(4)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    let level = rest.strip_prefix("Classification:").unwrap_or(rest).trim();
    b.len() > 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && (1..=6).contains(&letters)
        && b[4 + letters..].len() == 5
        && b[4 + letters..].iter().all(u8::is_ascii_digit)
        && (is_trailer_line(level) || level.eq_ignore_ascii_case("LIMITED OFFICIAL USE"))
}

/// Words that end a last sentence but are not a signature (`… Regards.`, `… END COMMENT.`).
const NOT_SURNAMES: [&str; 14] = [
    "REGARDS",
    "THANKS",
    "THANK",
    "SINCERELY",
    "CHEERS",
    "END",
    "COMMENT",
    "SUMMARY",
    "NOTE",
    "TEXT",
    "QUOTE",
    "UNQUOTE",
    "YOU",
    "BEST",
];

/// A surname in capitals (`SCHIEFFER`, `O'NEILL`), also with its `Mc` or `Mac` prefix in mixed
/// case as the posts type it (`McCORMICK`, `MacDONALD`).
fn is_surname(w: &str) -> bool {
    let caps = |w: &str| {
        w.len() >= 2
            && w.as_bytes()[0].is_ascii_uppercase()
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'\'' || b == b'-')
    };
    (caps(w) && !NOT_SURNAMES.contains(&w))
        || w.strip_prefix("Mc")
            .or_else(|| w.strip_prefix("Mac"))
            .is_some_and(caps)
}

/// The lower-case particle of a surname (`van Voorst`, `de la Garza`), which a signature keeps
/// in lower case although the surname is in capitals or mixed case.
fn is_surname_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "vom"
            | "de"
            | "der"
            | "den"
            | "del"
            | "della"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "dos"
            | "das"
            | "ter"
            | "ten"
            | "zu"
    )
}

/// A surname in mixed case (`Clinton` in sentence-case cables, `Lu`, `LeBaron`, `McAdam`).
fn is_mixed_surname(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_lowercase()
        && b.iter()
            .all(|&c| c.is_ascii_alphabetic() || c == b'\'' || c == b'-')
        && b.iter().filter(|c| c.is_ascii_uppercase()).count() <= 3
        && !b
            .windows(2)
            .any(|p| p[0].is_ascii_uppercase() && p[1].is_ascii_uppercase())
        && !NOT_SURNAMES.contains(&w.to_ascii_uppercase().as_str())
}

/// The signature in a last line: the whole line when it is one or two surnames (a trailing period
/// allowed), or a surname appended after the last sentence (`… on American soil. DANILOVICH`,
/// `… to him. Doe`).
fn signature_in(src: Src) -> Option<TextRange> {
    let t = src.text;
    let words: Vec<_> = src
        .words()
        .map(|(s, _, w)| {
            let w2 = w.trim_end_matches(['.', ',']);
            (s, s + w2.len(), w2, w2.len() < w.len())
        })
        .collect();
    if (1..=2).contains(&words.len())
        && (words.iter().all(|w| is_surname(w.2)) || words.iter().all(|w| is_mixed_surname(w.2)))
        && !matches!(t, "NNNN" | "BT")
    {
        return Some(src.full());
    }
    // The signer's title before the surname (`CDA Griffiths`, `A/DCM SMITH`, `Charge d'Affaires
    // JONES`): the title in any case, then one or two surnames.
    let titled = title_words(&words);
    if titled > 0 {
        let names = &words[titled..];
        if (1..=2).contains(&names.len())
            && (names.iter().all(|w| is_surname(w.2))
                || names.iter().all(|w| is_mixed_surname(w.2)))
        {
            return Some(src.full());
        }
    }
    // A surname after its lower-case particles (`van Voorst`, `de la GARZA`).
    if let [particles @ .., (_, _, last, _)] = words.as_slice() {
        if (1..=2).contains(&particles.len())
            && particles.iter().all(|w| is_surname_particle(w.2) && !w.3)
            && (is_surname(last) || is_mixed_surname(last))
        {
            return Some(src.full());
        }
    }
    let (s, e, w, dotted) = *words.last()?;
    // A mixed-case last word with a full stop ends a sentence (`… the Embassy.`).
    if words.len() > 2 && ((is_surname(w) && w.len() >= 3) || (is_mixed_surname(w) && !dotted)) {
        // The signer's title may stand before the surname (`… in May. CDA Griffiths`); the
        // signature is then the title and the surname.
        let (s, before) = match (1..=3).find(|&n| {
            n < words.len() - 1 && title_words(&words[words.len() - 1 - n..words.len() - 1]) == n
        }) {
            Some(n) => {
                let at = words[words.len() - 1 - n].0;
                (at, t[..at].trim_end())
            }
            None => (s, t[..s].trim_end()),
        };
        if before.ends_with(['.', '"', ')', '!', '?'])
            || ends_with_closing_banner(before)
            || ends_with_closing_words(before)
            || ends_with_web_address(before)
        {
            return Some(src.range(s, e));
        }
    }
    // The surname joined without a space onto the last sentence's full stop (`… the table.ROONEY`,
    // `… by August 16.POLASCHIK`); a word of several dots is an address (`www.example.GOV`).
    if !dotted {
        if let Some(dot) = w.rfind('.') {
            let name = &w[dot + 1..];
            let ends_sentence = !w[..dot].contains(['.', '/'])
                && w[..dot]
                    .bytes()
                    .last()
                    .is_none_or(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            if name.len() >= 3 && is_surname(name) && ends_sentence {
                return Some(src.range(s + dot + 1, e));
            }
        }
    }
    None
}

/// The titles a chief of mission or chargé signs with before the surname (spec §3.20), upper case
/// and with the full stops of the word removed: the ambassador, the chargé d'affaires (`CDA`,
/// `A/CDA`, `CHARGE`, `CHARGE D'AFFAIRES`, `… A.I.`), the deputy chief of mission and the
/// principal officer of a consulate.
const SIGNATURE_TITLES: [&[&str]; 13] = [
    &["AMBASSADOR"],
    &["AMB"],
    &["CDA"],
    &["A/CDA"],
    &["CHARGE", "D'AFFAIRES", "AI"],
    &["CHARGE", "D'AFFAIRES"],
    &["CHARGE"],
    &["DCM"],
    &["A/DCM"],
    &["ACTING", "DCM"],
    &["CONSUL", "GENERAL"],
    &["CG"],
    &["PO"],
];

/// How many of the leading words are a signer's title (see `SIGNATURE_TITLES`), in any case and
/// with or without their full stops (`Amb.`, `a.i.`); 0 when they are none.
fn title_words(words: &[(usize, usize, &str, bool)]) -> usize {
    let same = |w: &str, title: &str| {
        let mut letters = w.bytes().filter(|&b| b != b'.');
        let mut title = title.bytes();
        loop {
            match (letters.next(), title.next()) {
                (None, None) => return true,
                (Some(a), Some(b)) if a.to_ascii_uppercase() == b => {}
                _ => return false,
            }
        }
    };
    SIGNATURE_TITLES
        .iter()
        .find(|title| {
            words.len() >= title.len() && title.iter().zip(words).all(|(t, w)| same(w.2, t))
        })
        .map_or(0, |title| title.len())
}

/// Whether text ends with the words that close a cable's last part and come before the signature
/// when the release joins it on (`… END TEXT SCOBEY`, `… END COMMENT EIKENBERRY`, `… MINIMIZE
/// CONSIDERED CLINTON`, any case, a full stop allowed).
fn ends_with_closing_words(before: &str) -> bool {
    let before = before.trim_end_matches('.');
    [
        "END TEXT",
        "END COMMENT",
        "END NOTE",
        "END QUOTE",
        "UNQUOTE",
        "MINIMIZE CONSIDERED",
    ]
    .iter()
    .any(|w| {
        ends_with_ignore_case(before, w)
            && before[..before.len() - w.len()]
                .bytes()
                .last()
                .is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// Whether text ends with a web address, which the posts' website banner puts before the
/// signature (`… Web Site at http://…/Portal:Turkey SILLIMAN`); the release may have broken the
/// address with a space or two (`…/Portal:Unit ed_Kingdom TUTTLE`, `…/state/nap / BASSETT`).
fn ends_with_web_address(before: &str) -> bool {
    before
        .rfind("://")
        .is_some_and(|at| before[at..].bytes().filter(|&b| b == b' ').count() <= 2)
}

/// Whether text ends with what the posts put after the last sentence and before the signature: a
/// row of asterisks (`********`) or a redacted run (`XXXXXXXXXXXX`), as the release gives the
/// posts' "Visit Embassy Manama's Classified Website: …" banner (`… Website: XXXXXXXXXXXX
/// ******** ERELI`, spec §3.20).
fn ends_with_closing_banner(before: &str) -> bool {
    let last = before.rsplit([' ', '\t']).next().unwrap_or("");
    last.len() >= 4
        && (last.bytes().all(|b| b == b'*') || last.bytes().all(|b| matches!(b, b'X' | b'x')))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written marker search finds what the regex finds with `(?i)` (and, on an ASCII
    /// line, with `(?i-u)`): the same matches, closing flags and words, over lines built from the
    /// pattern's pieces, near misses, separators and non-ASCII letters, spaces and word characters
    /// (300,000 lines from a fixed pseudo-random sequence).
    #[test]
    fn marker_search_matches_the_regex() {
        let ascii_regex = Regex::new(&format!("(?i-u){MARKER_PATTERN}")).unwrap();
        let pieces = [
            "end",
            "END",
            "End",
            "ends",
            "xend",
            "of",
            "OF",
            "off",
            "embassy",
            "EMBASSY",
            "post",
            "posts",
            "mission",
            "begin",
            "Begin",
            "summary",
            "SUMMARY",
            "summay",
            "summry",
            "summy",
            "sumary",
            "summarys",
            "summ",
            "summa",
            "comment",
            "Comments",
            "COMMENTSX",
            "commentary",
            "note",
            "NOTE",
            "notes",
            "_note",
            "note_",
            "nOte",
            "1note",
            "e",
            "s",
            "n",
            "c",
            " ",
            "  ",
            "\t",
            "\r",
            "\x0B",
            "\x0C",
            "(",
            ")",
            ":",
            ".",
            "-",
            "--",
            "/",
            "'",
            "0",
            "x",
            "and",
            "\u{a0}",
            "\u{2003}",
            "\u{85}",
            "é",
            "É",
            "ſ",
            "ſummary",
            "\u{212a}",
            "ı",
            "İ",
            "\u{301}",
            "‿",
            "٣",
            "Â",
            "â€™",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let spaces = [
            " ",
            "  ",
            "\t",
            " \r ",
            "\x0B",
            "",
            "-",
            "_",
            "\u{a0}",
            " \u{3000}",
            "\u{1680}",
            "é",
        ];
        let ends = ["end", "END", "End", "ends", "xend", "send"];
        let ofs = ["of", "OF", "off", "o"];
        let fours = ["embassy", "POST", "Mission", "begin", "begins", "posts"];
        let words = [
            "summary",
            "SUMMARY",
            "summay",
            "summry",
            "summy",
            "sumary",
            "summarys",
            "summ",
            "comment",
            "Comments",
            "COMMENTSX",
            "commentary",
            "note",
            "NOTE",
            "notes",
            "note_",
        ];
        for i in 0..300_000 {
            let line: String = if i % 2 == 0 {
                let len = 1 + next(9);
                (0..len).map(|_| pieces[next(pieces.len())]).collect()
            } else {
                // The pattern's own shape, each part present or not, with varied spacing.
                let mut parts = Vec::new();
                for (list, sep) in [
                    (&pieces[..], true),
                    (&ends[..], true),
                    (&ofs[..], true),
                    (&fours[..], true),
                    (&words[..], false),
                    (&pieces[..], false),
                ] {
                    if next(3) > 0 {
                        parts.push(list[next(list.len())]);
                        if sep {
                            parts.push(spaces[next(spaces.len())]);
                        }
                    }
                }
                parts.concat()
            };
            let by_regex = |regex: &Regex| -> Vec<MarkerMatch> {
                regex
                    .captures_iter(&line)
                    .map(|m| {
                        let (whole, word) = (m.get(0).unwrap(), m.get(2).unwrap());
                        MarkerMatch {
                            start: whole.start(),
                            end: whole.end(),
                            closing: m.get(1).is_some(),
                            word: (word.start(), word.end()),
                        }
                    })
                    .collect()
            };
            let want = by_regex(&MARKER);
            let got = marker_matches(&line);
            if line.is_ascii() {
                assert_eq!(by_regex(&ascii_regex), want, "{line:?}");
            }
            assert_eq!(got, want, "{line:?}");
            // The filter before the search lets through every line with a match.
            assert!(want.is_empty() || names_marker_word(&line), "{line:?}");
        }
    }

    /// The marker filter answered from positions found once over the text says what the filter
    /// searching the line says, for every slice of a text between character boundaries: doubled
    /// `m`s overlapping and in either case, "note" as a word or inside one, at the slice's ends.
    #[test]
    fn marker_candidates_agree_with_the_line_filter() {
        let text = "Mmm. NOTE: the Summary -- Comm mM\n(NOTE) notes denote nOTE Note anote noted\n\
                    immm 1NOTE. N0TE note\u{e9}note \u{17f}umm MM.";
        let candidates = MarkerCandidates::new(text);
        let starts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut passed = 0;
        for (k, &s) in starts.iter().enumerate() {
            for &e in &starts[k..] {
                let src = Src::new(&text[s..e], s);
                let want = may_hold_marker(src.text.as_bytes());
                assert_eq!(candidates.may_hold(src), want, "{s}..{e} {:?}", src.text);
                passed += usize::from(want);
            }
        }
        assert!(passed > 0);
        // Asked out of order (the answers step on from the last one, and search back), the same.
        for &s in starts.iter().rev().chain(starts.iter().step_by(3)) {
            let e = (s + 9..=text.len())
                .find(|&e| text.is_char_boundary(e))
                .unwrap_or(text.len());
            let src = Src::new(&text[s..e], s);
            let want = may_hold_marker(src.text.as_bytes());
            assert_eq!(candidates.may_hold(src), want, "{s}..{e} {:?}", src.text);
        }
        // A line that is not a slice of the text is searched.
        assert!(candidates.may_hold(Src::new("a note", 0)));
        assert!(!candidates.may_hold(Src::new("no tea", 3)));
    }

    fn banner(t: &str) -> Option<Banner> {
        parse_banner(Src::new(t, 0)).map(|(b, _)| b)
    }

    #[test]
    fn banners() {
        let b = banner("C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 002232").unwrap();
        assert_eq!(b.level, BannerLevel::Confidential);
        assert!(b.canonical && !b.garbled);
        assert_eq!(b.section.map(|(n, m)| (n.value, m.value)), Some((1, 2)));
        assert_eq!(b.serial.unwrap().value, 2232);
        assert_eq!(b.origin, Some(TextRange::new(41, 46)));
        let b = banner("UNCLAS USUN NEW YORK 000123").unwrap();
        assert_eq!(b.origin, Some(TextRange::new(7, 20)));
        let b = banner("SS E C R E T BERN 000881").unwrap();
        assert_eq!((b.level, b.garbled), (BannerLevel::Secret, true));
        let b = banner("CONFIDENTIAL PARIS 000170").unwrap();
        assert_eq!(
            (b.level, b.canonical, b.garbled),
            (BannerLevel::Confidential, false, false)
        );
        let b = banner("UNCLAS E F T O LONDON 002883").unwrap();
        assert_eq!(b.level, BannerLevel::UnclasEfto);
        // A section count the release ran into the origin (and garbled a letter of): the section
        // and the serial are read, the garbled origin is not.
        let b = banner("S E C R E T SECTION 02 OF 03QRIPOLI 000583").unwrap();
        assert_eq!(b.section.map(|(n, m)| (n.value, m.value)), Some((2, 3)));
        assert_eq!(b.section_range, Some(TextRange::new(12, 28)));
        assert_eq!((b.origin, b.serial.map(|s| s.value)), (None, Some(583)));
        assert!(banner("SECRET//NOFORN").is_none());
        assert!(
            banner("SECRET SERVICE WASHDC").is_none()
                || banner("SECRET SERVICE WASHDC").unwrap().serial.is_none()
        );
    }

    #[test]
    fn markings() {
        let m = |s: &str| parse_marking(TextRange::empty(0), s);
        assert_eq!(m("C").unwrap().level, Some(Level::Confidential));
        let nf = m("S//NF").unwrap();
        assert!(nf.noforn && nf.valid && nf.level == Some(Level::Secret));
        assert!(m("C/REL NATO").unwrap().valid);
        assert!(m("S//REL TO USA, FVEY").unwrap().valid);
        assert!(!m("SE").unwrap().valid);
        assert!(m("Note: this").is_none());
        assert!(m("2005").is_none());
        assert!(m("SBU/N").unwrap().noforn);
    }

    #[test]
    fn paragraph_numbers() {
        assert!(paragraph_start("¶1. (C) Summary").is_some());
        assert!(paragraph_start("12) text").is_none());
        assert!(paragraph_start("12) (C) text").is_some());
        assert!(paragraph_start("1.4 (B) and (D)").is_none());
        assert!(paragraph_start("2009 was a year").is_none());
    }

    #[test]
    fn one_edit_off_labels() {
        // One edit of each kind, in any case; the label itself and two edits are not.
        assert!(one_edit_off("Subjcet", "SUBJECT"));
        assert!(one_edit_off("SUBJET", "SUBJECT"));
        assert!(one_edit_off("subjectt", "SUBJECT"));
        assert!(one_edit_off("E.0.", "E.O."));
        assert!(one_edit_off("Clasified", "CLASSIFIED"));
        assert!(!one_edit_off("Subject", "SUBJECT"));
        assert!(!one_edit_off("SUBJCTE", "SUBJECT"));
        assert!(!one_edit_off("SBJCT", "SUBJECT"));
        assert!(!one_edit_off("CLASSIFICATION", "CLASSIFIED"));
        // A letter beyond ASCII counts as one character, as the edit distance reads it.
        assert!(one_edit_off("SUBJÉCT", "SUBJECT"));
        assert!(!one_edit_off("SÜBJÉCT", "SUBJECT"));
        assert!(one_edit_off("SUBJ…CT", "SUBJECT"));
    }

    #[test]
    fn reasons() {
        let (s, l) = parse_reason(" Ambassador X. Reasons 1.4 (b) and (d)", 0);
        assert!(s.is_some());
        assert_eq!(l.iter().map(|x| x.1).collect::<String>(), "bd");
        let (_, l) = parse_reason(" X FO\nR REASONS 1.4 (B,D)", 0);
        assert_eq!(l.iter().map(|x| x.1).collect::<String>(), "bd");
        let (_, l) = parse_reason(" X, reason 1.4(b)(d)(h).", 0);
        assert_eq!(l.iter().map(|x| x.1).collect::<String>(), "bdh");
        let (_, l) = parse_reason(" X for reasons 1.4 (b) a\nnd (d)", 0);
        assert_eq!(l.iter().map(|x| x.1).collect::<String>(), "bd");
        let (_, l) = parse_reason(" X for reasons 1.4 (b) and (d). (S)", 0);
        assert_eq!(l.iter().map(|x| x.1).collect::<String>(), "bd");
        let (_, l) = parse_reason(" X for reasons 1.4 (b) and (d)\n(U) This is a request.", 0);
        assert_eq!(l.iter().map(|x| x.1).collect::<String>(), "bd");
        // Letters joined by `and` without spaces, and the other joins drafters write.
        for form in [
            "1.4(c)and(d)",
            "1.4 (b)and(d)",
            "1.4(b),(d)",
            "1.4(b)&(d)",
            "1.4 b and d",
            "1.4(B) AND (D)",
            "1.4(B)AND(D)",
            "1.4 (b/d)",
            "1.4 (b) (d)",
        ] {
            let (_, l) = parse_reason(&format!(" X for reasons {form}."), 0);
            assert_eq!(l.len(), 2, "{form}: {l:?}");
        }
        // The forms the release broke: `and` split by a space or a line break, a full stop
        // after each letter, the section repeated, a line that starts `(c)and(d)`.
        for (form, read) in [
            ("1.4 (b) an d (d).", "bd"),
            ("1.4 (B) AN \nD (D)", "bd"),
            ("1.4(b) an\nd (d).", "bd"),
            ("1.4 b. and d.", "bd"),
            ("1.4 (b. and d.)", "bd"),
            ("1.4 (c) and 1.4 (d)", "cd"),
            ("1.4(b) \n(c)and(d) \n", "bcd"),
            ("1.4 (b). And a new sentence.", "b"),
            ("1.4 (b) and (d).\n1.4 (C) Summary.", "bd"),
        ] {
            let (_, l) = parse_reason(&format!(" X for reasons {form}"), 0);
            assert_eq!(l.iter().map(|x| x.1).collect::<String>(), read, "{form}");
        }
        // Each letter's range is the letter itself.
        let text = " X for reasons 1.4 (b) an d (d).";
        let (_, l) = parse_reason(text, 0);
        assert_eq!(&text[l[1].0.as_range()], "d");
        assert_eq!(l[1].0.start(), text.rfind('d').unwrap());
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("05/17/2016").unwrap().0, Date::new(2016, 5, 17));
        assert_eq!(parse_date("2019/07/29").unwrap().1, DateStyle::YearMonthDay);
        assert_eq!(parse_date("011/2/2019").unwrap().0, None);
        assert_eq!(parse_date("02/30/2015").unwrap().0, None);
        assert_eq!(parse_date("11/29/10").unwrap().0, Date::new(2010, 11, 29));
    }

    #[test]
    fn tags() {
        let toks = tag_tokens(Src::new("[PREL](#) PGOV, KS OVIP (CLINTON, HILLARY) JA", 0));
        let shapes: Vec<_> = toks.iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            vec![
                TagShape::Markup,
                TagShape::FourLetter,
                TagShape::TwoLetter,
                TagShape::Personal,
                TagShape::TwoLetter
            ]
        );
        assert_eq!(toks[0].code, TextRange::new(1, 5));
    }
}

#[cfg(test)]
mod continuation_tests {
    use super::*;

    /// The regex's groups 1, 2, 3 and 5, for comparison with the hand matcher.
    fn by_regex(t: &str) -> Option<ContinuationParts> {
        let c = CONTINUATION.captures(t)?;
        let g = |i: usize| c.get(i).map(|m| (m.start(), m.end()));
        Some([g(1)?, g(2)?, g(3)?, g(5)?])
    }

    #[test]
    fn hand_matcher_agrees_with_the_regex() {
        let lines = [
            "ROME 12345678 002 OF 003",
            "ROME  12345678  002 OF 003",
            "ROME   12345678 002 OF 003",
            "SAN JOSE 00000123 001 OF 004",
            "SAN  JOSE 00000123 001 OF 004",
            "USUN NEW YORK 00000123 001 OF 004",
            "USUN NEW Y 00000123 001 OF 004",
            "PORT-AU-PR 00000123 001.2 OF 004",
            "PORT-AU-PR 00000123 001. OF 004",
            "O'BRIEN 00000123 001 OF 004  \t",
            "ROME\t12345678\t002\tOF\t003",
            "ROME 123456789 002 OF 003",
            "ROME 1234567 002 OF 003",
            "ROME 12345678 0022 OF 003",
            "ROME 12345678 002 OF 0033",
            "ROME 12345678 002OF 003",
            "ROME 12345678 002 OF003",
            "ROME 12345678 002 OF 003 x",
            " ROME 12345678 002 OF 003",
            "rome 12345678 002 OF 003",
            "R 12345678 002 OF 003",
            "ABCDEFGHIJK 12345678 002 OF 003",
            "ABCDEFGHIJ 12345678 002 OF 003",
            "ROME 12345678 002 of 003",
            // Wide characters: the regex's `\s` and `\d` match some of them.
            "ROMÉ 12345678 002 OF 003",
            "ROME\u{2003}\u{a0}12345678 002 OF 003",
            "ROME\u{2003}\u{a0}\u{a0}12345678 002 OF 003",
            "ROME 12345678 002\u{3000}OF\u{85}003\u{2028}",
            "ROME 12345678 002 OF 003\u{200b}",
            "ROME 12345678 002 OF 003 \u{e9}",
            "ROME 12345678 002 OF 00\u{bd}",
            "ROME\u{a0}12345678 002 OF 003",
            "ROME 1234567\u{663} 002 OF 003",
            "ROME 12345678 002 OF 003\u{2003}",
            "ЖROME 12345678 002 OF 003",
            "",
            "R",
        ];
        for t in lines {
            assert_eq!(continuation_parts(t), by_regex(t), "{t:?}");
        }
        assert_eq!(
            continuation_parts("SAN  JOSE 00000123 001 OF 004"),
            Some([(0, 9), (10, 18), (19, 22), (26, 29)])
        );
        assert_eq!(
            continuation_parts("ROME\u{a0}12345678 002 OF 003"),
            Some([(0, 4), (6, 14), (15, 18), (22, 25)])
        );
    }

    #[test]
    fn hand_matcher_agrees_with_the_regex_on_generated_lines() {
        // Every line built from these pieces: origins, separators, numbers and endings.
        let origins = [
            "ROME",
            "SAN JOSE",
            "A",
            "ABCDEFGHIJ",
            "ABCDEFGHIJK",
            "X-Y'Z.",
            "rome",
            "1A",
        ];
        let seps = ["", " ", "  ", "   ", "\t", " \t"];
        let nums = ["12345678", "1234567", "002", "002.1", "002.", "0022"];
        for o in origins {
            for s1 in seps {
                for n1 in nums {
                    for s2 in seps {
                        for n2 in nums {
                            for end in [" OF 003", "  OF  003 ", " OF 03", "OF 003", " OF 0033"] {
                                let t = format!("{o}{s1}{n1}{s2}{n2}{end}");
                                assert_eq!(continuation_parts(&t), by_regex(&t), "{t:?}");
                            }
                        }
                    }
                }
            }
        }
    }
}
