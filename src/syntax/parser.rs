//! The parser driver: splits the text into lines, reads the transmission header, then the body.

use super::body::BodyParser;
use super::header::HeaderParser;
use super::lex::{all_digits, Src};
use super::text::{LineIndex, TextRange};
use super::tree::*;

/// Parses a cable. Never fails and never panics; what cannot be read is kept as unknown lines or
/// as elements marked unreadable.
pub fn parse(src: &str) -> Cable<'_> {
    parse_with(src, Depth::Full)
}

/// How much of the tree [`parse_with`] builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Everything [`parse`] gives.
    Full,
    /// Every line's kind and every element, but no summary, comment and note markers
    /// ([`Body::markers`] stays empty), no release artifacts found after the text was read and the
    /// document kind left at [`DocumentKind::Draft`]: what the formatter's check of its own output
    /// compares (`formatter::verify`), at about two thirds of the cost. Nothing else the parser
    /// reads depends on the parts left out, so the elements are the ones [`Depth::Full`] gives.
    Elements,
}

/// Parses a cable to the given depth. As [`parse`], it never fails and never panics.
pub fn parse_with(src: &str, depth: Depth) -> Cable<'_> {
    parse_indexed(src, LineIndex::new(src), depth)
}

/// As [`parse_with`], for a text whose line index is built already ([`LineIndex::with_line_starts`]:
/// the formatter's output, whose line starts it knows as it writes them).
pub fn parse_indexed(src: &str, line_index: LineIndex, depth: Depth) -> Cable<'_> {
    let bom = src.starts_with('\u{feff}');
    let mut lines = Vec::with_capacity(line_index.line_count());
    for i in 0..line_index.line_count() {
        let mut range = line_index
            .line_range(src, i)
            .expect("line index covers every line");
        if i == 0 && bom {
            range.start += 3;
        }
        lines.push(Line {
            range,
            kind: LineKind::Unknown,
        });
    }
    // A text that ends with a line break has an empty last line; keep it as blank.
    let mut cable = Cable {
        src,
        line_index,
        lines,
        bom,
        header: Header::default(),
        body: Body::default(),
        kind: DocumentKind::Draft,
        artifacts: Vec::new(),
    };
    // Release notices, received-copy distribution blocks and dump lines before the header or banner.
    let mut pos = skip_artifacts(&mut cable, 0);
    pos = skip_dump_to_header(&mut cable, pos);
    let mut hp = HeaderParser::new(&mut cable);
    pos = hp.run(pos);
    pos = skip_artifacts(&mut cable, pos);
    let (mut pos, mut offset) = skip_record_dump(&mut cable, pos);
    // Some records show a truncated preview of the text and then the whole record again (§6.1.5);
    // the full copy is the one to read.
    // A record appended after a complete text is kept as dump lines, or, when it names another
    // cable, as that cable's attached text.
    let mut end = cable.lines.len();
    let mut attached = None;
    let mut from = pos;
    while let Some(dump) = later_record_dump(&cable, from) {
        // A record of another cable is no full copy of this one, whatever stands before it.
        attached = other_cable_named(&cable, dump, pos, offset);
        if attached.is_some() {
            end = csv_text_end(&cable, pos, dump);
            break;
        }
        // A preview has no paragraph, or ends in the `...` where the release cut it off.
        let cut = cable.lines[pos..dump]
            .iter()
            .rev()
            .map(|l| cable.text(l.range).trim_end())
            .find(|t| !t.is_empty())
            .is_some_and(|t| t.ends_with("...") || t.ends_with('…'));
        let preview = cut
            || !cable.lines[pos..dump]
                .iter()
                .any(|l| super::body::paragraph_start(cable.text(l.range)).is_some());
        if !preview {
            end = csv_text_end(&cable, pos, dump);
            break;
        }
        let (p2, o2) = skip_record_dump(&mut cable, dump);
        if p2 == dump {
            break;
        }
        for l in &mut cable.lines[pos..dump] {
            l.kind = LineKind::Artifact;
        }
        push_lines(&mut cable, pos, dump, ArtifactKind::TruncatedPreview);
        pos = p2;
        offset = o2;
        // The full copy may be followed by the record of a further cable.
        from = p2;
    }
    if offset == 0 && attached.is_none() && end == cable.lines.len() {
        if let Some(full) = preview_before_repeated_banner(&cable, pos) {
            for l in &mut cable.lines[pos..full] {
                l.kind = LineKind::Artifact;
            }
            push_lines(&mut cable, pos, full, ArtifactKind::TruncatedPreview);
            pos = full;
        }
    }
    for l in &mut cable.lines[end..] {
        l.kind = LineKind::Artifact;
    }
    let n = cable.lines.len();
    match attached {
        Some(id) => cable.artifacts.push(Artifact {
            range: id,
            kind: ArtifactKind::AttachedText,
        }),
        None => push_lines(&mut cable, end, n, ArtifactKind::DumpLines),
    }
    BodyParser::new(&mut cable, depth == Depth::Full).run(pos, offset, end);
    if depth == Depth::Full {
        super::record::finish(&mut cable);
    }
    cable
}

/// Where the full record starts after a truncated preview that no database record separates from
/// it (spec §6.1.5): the banner, the elements before the text cut off with `...` or `…`
/// (`SUBJECT: … ALLIE...`), and then, after blank lines only, the banner again with the elements
/// the release joined onto its line (`C O N F I D E N T I A L SECTION 01 OF 03 TBILISI 001372 SIPDIS
/// … TAGS: GG RS`) and the whole text. `None` when the text from `pos` is no such preview: the
/// first line is no banner, a paragraph starts before the cut, the line after the cut does not
/// start with the first banner's text, or no `SUBJECT:` line follows that line.
fn preview_before_repeated_banner(cable: &Cable, pos: usize) -> Option<usize> {
    let lines = &cable.lines;
    let text = |i: usize| cable.text(lines[i].range).trim();
    let first = (pos..lines.len()).find(|&i| !text(i).is_empty())?;
    // Most texts are ruled out at their first paragraph, before their banner is read (this runs
    // on every cable).
    let cut = (first + 1..lines.len().min(first + 60)).find(|&i| {
        let t = text(i);
        t.ends_with("...") || t.ends_with('…') || super::body::paragraph_start(t).is_some()
    })?;
    if super::body::paragraph_start(text(cut)).is_some() {
        return None;
    }
    let banner = text(first);
    super::body::parse_banner(Src::new(banner, 0))?;
    let full = (cut + 1..lines.len()).find(|&i| !text(i).is_empty())?;
    if !text(full).starts_with(banner) {
        return None;
    }
    // The full copy holds what the preview cut: its SUBJECT starts the next line that is not
    // blank. A repeated banner line with nothing of the kind after it is a second cut copy, and
    // the preview holds more than it.
    let next = (full + 1..lines.len()).find(|&i| !text(i).is_empty())?;
    text(next).starts_with("SUBJECT:").then_some(full)
}

/// Records an artifact covering lines `from..to` (nothing when the span is empty or blank).
fn push_lines(cable: &mut Cable, from: usize, to: usize, kind: ArtifactKind) {
    let to = to.min(cable.lines.len());
    let non_blank: Vec<usize> = (from..to)
        .filter(|&i| !cable.text(cable.lines[i].range).trim().is_empty())
        .collect();
    if let (Some(&a), Some(&b)) = (non_blank.first(), non_blank.last()) {
        let range = cable.lines[a].range.cover(cable.lines[b].range);
        cable.artifacts.push(Artifact { range, kind });
    }
}

/// Skips the lines of a web-inbox printout or a database record that stand before a transmission
/// header (`From: …` / `Sent: …` / `Subject: …`, `Distribution:`, `null`, `Cable Text:`): when a
/// header starts within the next 60 lines and the lines before it carry such marks, they are dump
/// lines. A banner before the header ends the search, unless it is a web-inbox printout's (after
/// a `DB/Inbox` line), whose pseudo-header precedes the cable's header.
fn skip_dump_to_header(cable: &mut Cable, pos: usize) -> usize {
    let n = cable.lines.len();
    let mut marked = false;
    let mut inbox = false;
    for i in pos..n.min(pos + 60) {
        let t = cable.text(cable.lines[i].range).trim();
        if i > pos && super::header::starts_header(t) {
            if !marked {
                return pos;
            }
            for l in &mut cable.lines[pos..i] {
                if l.kind != LineKind::HeaderNoise {
                    l.kind = LineKind::Artifact;
                }
            }
            push_lines(cable, pos, i, ArtifactKind::DumpLines);
            return i;
        }
        if i == pos && super::header::starts_header(t) {
            return pos;
        }
        marked |= is_dump_mark(t) || super::record::is_distribution_line(t);
        inbox |= t.contains("DB/Inbox");
        // A web-inbox printout writes its own pseudo-header before the cable's (the classification
        // with the serial in five digits, captions, `CXTELA:` / `ACTION: POL`, `DRAFTED: …`):
        // a banner there is the printout's, and the transmission header may still follow.
        if !inbox
            && super::body::banner_level_prefix(t).is_some_and(|_| {
                super::body::parse_banner(Src::new(t, 0)).is_some_and(|(b, _)| b.serial.is_some())
            })
        {
            return pos;
        }
    }
    pos
}

/// Whether a line (its leading blanks removed) starts like a line of a database record, leaving
/// out the tab and `DB/Inbox` that [`skip_record_dump`] finds anywhere in a line: `VZCZC`,
/// `refid:`, `header:`, `Key:`, `Class:`, `CLASSIFICATION:`, `UNCLASSIFIED//`, `","`, a
/// [dump mark](is_dump_mark), a cable id alone, a CSV record or a date.
fn dump_form_at_start(tt: &str) -> bool {
    tt.starts_with("VZCZC")
        || tt.starts_with("refid:")
        || tt.starts_with("header:")
        || tt.starts_with("Key:")
        || tt.starts_with("Class:")
        || tt.starts_with("CLASSIFICATION:")
        || tt.starts_with("UNCLASSIFIED//")
        || tt.starts_with("\",\"")
        || is_dump_mark(tt)
        || is_refid(tt.trim_end())
        || is_csv_record(tt)
        || starts_with_date(tt)
}

/// Lines of a web-inbox printout or a database record (spec §6.1.5).
fn is_dump_mark(t: &str) -> bool {
    t == "null"
        || t == "Distribution:"
        || t.starts_with("From: ")
        || t.starts_with("Sent: ")
        || t.contains("DB/Inbox")
        || t.starts_with("Telegram")
        || t.starts_with("Cable dated:")
        || t.starts_with("Cable Text:")
        || t.starts_with("ID:")
}

/// Where the banner starts in a dump line: after the last tab or CSV field separator `","`, a `"`, and
/// the `ID:190812 Cable dated:2009-02-06T13:05:00` stamp the export wrote before it.
fn banner_offset(t: &str) -> usize {
    // The text field of a CSV record starts after the last `","` (`RHEHNSC/NSC WASHDC","UNCLAS …`).
    let mut at = t
        .rfind('\t')
        .map_or(0, |p| p + 1)
        .max(t.rfind("\",\"").map_or(0, |p| p + 3));
    loop {
        let rest = &t[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if let Some(r) = trimmed.strip_prefix("\",\"") {
            at += trimmed.len() - r.len();
        } else if let Some(r) = trimmed.strip_prefix('"') {
            at += trimmed.len() - r.len();
        } else if let Some(r) = trimmed.strip_prefix("ID:") {
            let d = r.bytes().take_while(u8::is_ascii_digit).count();
            if d == 0 {
                return at;
            }
            at += 3 + d;
        } else if let Some(r) = trimmed.strip_prefix("Cable dated:") {
            // `2009-02-06T13:05:00`: nineteen characters.
            let stamp = r.get(..19).filter(|s| s.as_bytes()[10] == b'T');
            match stamp {
                Some(s) => at += 12 + s.len(),
                None => return at,
            }
        } else {
            return at;
        }
    }
}

/// Skips a database record that the export put before the text (§6.1.5: the `cables.csv` form with
/// tab-separated fields and `\\` line ends, `id:`/`refid:`/`header:` field lists, `Class:`/`Key:`
/// summaries), which repeat the header. Returns the line where the text starts and the byte offset
/// in that line. Nothing is skipped unless the lines before the banner look like such a record.
fn skip_record_dump(cable: &mut Cable, pos: usize) -> (usize, usize) {
    let n = cable.lines.len();
    if pos >= n {
        return (pos, 0);
    }
    let first = cable.text(cable.lines[pos].range).trim_start();
    if super::body::banner_level_prefix(first).is_some() {
        return (pos, 0);
    }
    let last = n.min(pos + 400);
    // A tab or `DB/Inbox` anywhere makes a line dump-like; one search over all the lines finds
    // the first of them. Every other form is ruled out by the line's first byte (most lines are
    // no form: testing each form on each of up to 400 lines cost 13,000 instructions a cable).
    let span =
        &cable.src.as_bytes()[cable.lines[pos].range.start()..cable.lines[last - 1].range.end()];
    let first_mark = cable.lines[pos].range.start()
        + memchr::memchr(b'\t', span)
            .into_iter()
            .chain(memchr::memmem::find(span, b"DB/Inbox"))
            .min()
            .unwrap_or(span.len());
    let mut dump_like = false;
    for i in pos..last {
        let t = cable.text(cable.lines[i].range);
        let tt = t.trim_start();
        dump_like = dump_like
            || cable.lines[i].range.end() > first_mark
            || (tt
                .as_bytes()
                .first()
                .is_some_and(|b| b"VrhKCU\"nDFSTI".contains(b) || b.is_ascii_digit())
                && dump_form_at_start(tt));
        if !dump_like {
            continue;
        }
        let offset = banner_offset(t);
        let rest = &t[offset..];
        if (i > pos || offset > t.len() - tt.len())
            && super::body::banner_level_prefix(rest).is_some()
        {
            let src = Src::new(&t[offset..], cable.lines[i].range.start() + offset);
            if super::body::parse_banner(src).is_some_and(|(b, _)| b.serial.is_some()) {
                for l in &mut cable.lines[pos..i] {
                    l.kind = LineKind::Artifact;
                }
                let dump_end = if offset > 0 { i + 1 } else { i };
                push_lines(cable, pos, dump_end, ArtifactKind::DumpLines);
                if offset > 0 {
                    // The dump's fields stand before the banner on its line.
                    let start = cable.lines[i].range.start();
                    let last = cable.artifacts.last_mut().expect("just pushed");
                    last.range = TextRange::new(last.range.start(), start + offset);
                }
                return (i, offset);
            }
        }
    }
    (pos, 0)
}

/// The line where a database record starts after the text began (`id: 74239`, a CSV record
/// `74239,8/9/2006 14:00,06THEHAGUE1739,…`, or the same fields separated by blanks).
fn later_record_dump(cable: &Cable, pos: usize) -> Option<usize> {
    (pos + 1..cable.lines.len()).find(|&i| {
        let t = cable.text(cable.lines[i].range);
        // Every form below starts with a digit, but the `id:` field: most lines end here.
        if !matches!(t.as_bytes().first(), Some(b'0'..=b'9' | b'i')) {
            return false;
        }
        (t.starts_with("id: ") && t[4..].trim().bytes().all(|c| c.is_ascii_digit()))
            || is_csv_record(t)
            || is_spaced_record(t)
            || is_line_record(cable, i)
    })
}

/// The first line of a database record that gives one field per line: the record number alone,
/// then, within the next few lines, its date in ISO form (`11329` / `` / `2003-10-10` /
/// `03THEHAGUE2597` / `Embassy The Hague` / `CONFIDENTIAL`). A number alone on a line followed by
/// such a date is no line of a text.
fn is_line_record(cable: &Cable, i: usize) -> bool {
    let t = cable.text(cable.lines[i].range).trim_end();
    if !(4..=7).contains(&t.len()) || !all_digits(t) {
        return false;
    }
    cable.lines[i + 1..]
        .iter()
        .take(4)
        .map(|l| cable.text(l.range).trim())
        .find(|t| !t.is_empty())
        .is_some_and(|d| {
            // By bytes: the line may hold any text, and a slice of it at a fixed place need not
            // fall on a character boundary.
            let b = d.as_bytes();
            let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
            b.len() >= 10
                && digits(0..4)
                && b[4] == b'-'
                && digits(5..7)
                && b[7] == b'-'
                && digits(8..10)
        })
}

/// Where the text before a database record at line `dump` ends: before the line that closes the
/// CSV field the text stood in (`",`, a lone `"`), which belongs to the record, not to the text.
fn csv_text_end(cable: &Cable, pos: usize, dump: usize) -> usize {
    let mut end = dump;
    for i in (pos + 1..dump).rev() {
        match cable.text(cable.lines[i].range).trim() {
            "" => {}
            "\"" | "\"," | "\"\"" => end = i,
            _ => break,
        }
    }
    end
}

/// The first line of a CSV or tab-separated database record: the record number, then its date
/// (`242660,1/6/2010 17:47,10MEXICO27,"Embassy Mexico",…`, spec §6.1.5).
fn is_csv_record(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    digits >= 4 && matches!(b.get(digits), Some(b',' | b'\t')) && starts_with_date(&t[digits + 1..])
}

/// The first line of a database record whose fields the export separated by blanks: the record
/// number, the date, the time and the cable id (`229623 10/14/2009 14:55 09CAIRO1960 Embassy
/// Cairo CONFIDENTIAL …`). The four fields together are no sentence of a text.
fn is_spaced_record(t: &str) -> bool {
    // The record number comes first: most lines are ruled out by their first byte.
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut words = t.split(' ');
    let (Some(number), Some(date), Some(time), Some(id)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    let time_ok = time.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len()) && all_digits(h) && m.len() == 2 && all_digits(m)
    });
    number.len() >= 4
        && all_digits(number)
        && starts_with_date(date)
        && date.bytes().all(|c| c.is_ascii_digit() || c == b'/')
        && time_ok
        && is_refid(id)
}

/// The cable id a database record after the text names (the `refid:` field of an `id:` record, or
/// the first cable id among the fields of a CSV, tab- or blank-separated record), when it is not
/// this cable's: the text after it is another cable's (spec §6.1.7). This cable is known by its
/// banner (origin and serial) at line `pos`, byte `offset`; without one nothing is claimed.
fn other_cable_named(cable: &Cable, dump: usize, pos: usize, offset: usize) -> Option<TextRange> {
    let line = cable.lines.get(dump)?.range;
    let t = cable.text(line);
    let id = if t.starts_with("id: ") {
        // The fields stand one to a line: `id:`, `date:`, `refid:`.
        cable.lines[dump + 1..].iter().take(4).find_map(|l| {
            let lt = cable.text(l.range);
            let v = lt.strip_prefix("refid:")?;
            let w = v.trim();
            let at = l.range.start() + (lt.len() - v.len()) + (v.len() - v.trim_start().len());
            is_refid(w).then(|| TextRange::new(at, at + w.len()))
        })?
    } else {
        let mut at = 0;
        t.split([',', '\t', ' ', '"']).find_map(|w| {
            let start = at;
            at += w.len() + 1;
            is_refid(w).then(|| TextRange::new(line.start() + start, line.start() + at - 1))
        })?
    };
    let id_text = cable.text(id);
    let key_and_number = &id_text[2..];
    let digits = key_and_number
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    let (key, number) = key_and_number.split_at(key_and_number.len() - digits);
    let number: u32 = number.parse().ok()?;
    let (_, origin, serial) = own_banner(cable, pos, offset, dump)?;
    (key != origin || number != serial).then_some(id)
}

/// The banner the text starts with (the first non-blank line from line `pos`, byte `offset`,
/// before line `end`): its line, and its origin as cable ids write it and its serial, when it has
/// both.
fn own_banner(
    cable: &Cable,
    pos: usize,
    offset: usize,
    end: usize,
) -> Option<(usize, String, u32)> {
    let (at, first) = (pos..end.min(cable.lines.len()))
        .map(|i| (i, cable.lines[i].range))
        .find(|&(i, r)| {
            let skip = if i == pos { offset } else { 0 };
            cable
                .text(r)
                .get(skip..)
                .is_some_and(|t| !t.trim().is_empty())
        })?;
    let skip = if at == pos { offset } else { 0 };
    let text = cable.text(first).get(skip..)?;
    let (origin, serial) = banner_key(Src::new(text, first.start() + skip), cable)?;
    Some((at, origin, serial))
}

/// The origin (as cable ids write it) and serial of the banner a line starts with (after blanks and
/// the `"` of a CSV field).
fn banner_key(src: Src<'_>, cable: &Cable) -> Option<(String, u32)> {
    let t = src.text;
    let lead = t.len() - t.trim_start_matches([' ', '"']).len();
    let (banner, _) = super::body::parse_banner(src.from(lead))?;
    let origin = banner.origin.map(|o| origin_key(cable.text(o)))?;
    Some((origin, banner.serial?.value))
}

/// A WikiLeaks reference id on its own (`06THEHAGUE1510`).
fn is_refid(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 5
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2].is_ascii_uppercase()
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter().all(u8::is_ascii_alphanumeric)
}

/// A line that starts with a date stamp (`2006-07-07 09:27:00`, `9/22/2008 14:07`).
fn starts_with_date(t: &str) -> bool {
    let b = t.as_bytes();
    let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=4).contains(&d)
        && matches!(b.get(d), Some(b'-' | b'/'))
        && b.get(d + 1).is_some_and(u8::is_ascii_digit)
}

/// Marks leading blank lines and release or received-copy artifacts, returning the first other line.
fn skip_artifacts(cable: &mut Cable, mut pos: usize) -> usize {
    while pos < cable.lines.len() {
        let range = cable.lines[pos].range;
        let text = cable.text(range).trim();
        let kind = super::record::line_artifact(text).or_else(|| {
            (super::record::is_classified_page_header(text) && header_or_banner_next(cable, pos))
                .then_some(ArtifactKind::PageHeader)
        });
        if text.is_empty() {
            cable.lines[pos].kind = LineKind::Blank;
        } else if let Some(kind) = kind {
            cable.lines[pos].kind = match kind {
                ArtifactKind::DistributionBlock | ArtifactKind::PageHeader => LineKind::HeaderNoise,
                _ => LineKind::Artifact,
            };
            // A block of one kind is one artifact.
            let src = cable.src;
            match cable.artifacts.last_mut() {
                Some(a)
                    if a.kind == kind
                        && a.range.end() <= range.start()
                        && src[a.range.end()..range.start()].trim().is_empty() =>
                {
                    a.range = a.range.cover(range);
                }
                _ => cable.artifacts.push(Artifact { range, kind }),
            }
        } else {
            break;
        }
        pos += 1;
    }
    pos
}

/// Whether the first non-blank line after line `pos` starts a transmission header or a banner: a
/// printout's page header at the top of a cable stands before one of them.
fn header_or_banner_next(cable: &Cable, pos: usize) -> bool {
    cable.lines[pos + 1..]
        .iter()
        .map(|l| cable.text(l.range).trim())
        .find(|t| !t.is_empty())
        .is_some_and(|t| {
            super::header::starts_header(t) || super::body::banner_level_prefix(t).is_some()
        })
}

/// Lines the release added before a cable: the partial-record notice, weekday lines, dump fields.
pub(super) fn is_artifact_line(t: &str) -> bool {
    matches!(
        super::record::line_artifact(t),
        Some(ArtifactKind::ReleaseNotice | ArtifactKind::DumpLines)
    )
}

/// The text of a line for reading, without a trailing `\\` line end that some exports added.
pub(super) fn src_of<'a>(cable: &Cable<'a>, line: usize) -> Src<'a> {
    let r: TextRange = cable.lines[line].range;
    let t = cable.text(r);
    let t = if t.as_bytes().last() == Some(&b'\\') {
        t[..t.len() - 1].trim_end()
    } else {
        t
    };
    Src::new(t, r.start())
}
