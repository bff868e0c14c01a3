//! The parser driver: splits the text into lines, reads the transmission header, then the body.

use super::body::BodyParser;
use super::header::HeaderParser;
use super::lex::Src;
use super::text::{LineIndex, TextRange};
use super::tree::*;

/// Parses a cable. Never fails and never panics; what cannot be read is kept as unknown lines or
/// as elements marked unreadable.
pub fn parse(src: &str) -> Cable<'_> {
    let line_index = LineIndex::new(src);
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
    // A record appended after a complete text is kept as dump lines.
    let mut end = cable.lines.len();
    if let Some(dump) = later_record_dump(&cable, pos) {
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
        if preview {
            let (p2, o2) = skip_record_dump(&mut cable, dump);
            if p2 != dump {
                for l in &mut cable.lines[pos..dump] {
                    l.kind = LineKind::Artifact;
                }
                push_lines(&mut cable, pos, dump, ArtifactKind::TruncatedPreview);
                pos = p2;
                offset = o2;
            }
        } else {
            end = dump;
        }
    }
    for l in &mut cable.lines[end..] {
        l.kind = LineKind::Artifact;
    }
    let n = cable.lines.len();
    push_lines(&mut cable, end, n, ArtifactKind::DumpLines);
    BodyParser::new(&mut cable).run(pos, offset, end);
    super::record::finish(&mut cable);
    cable
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
/// header (`From: …` / `Sent: …` / `Subject: …`, `Distribution:`, `null`): when a header starts
/// within the next 60 lines and the lines before it carry such marks, they are dump lines.
fn skip_dump_to_header(cable: &mut Cable, pos: usize) -> usize {
    let n = cable.lines.len();
    let mut marked = false;
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
        if super::body::banner_level_prefix(t).is_some_and(|_| {
            super::body::parse_banner(Src::new(t, 0)).is_some_and(|(b, _)| b.serial.is_some())
        }) {
            return pos;
        }
    }
    pos
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
    let mut dump_like = false;
    for i in pos..n.min(pos + 400) {
        let t = cable.text(cable.lines[i].range);
        let tt = t.trim_start();
        dump_like |= t.contains('\t')
            || tt.starts_with("VZCZC")
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
            || starts_with_date(tt);
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

/// The line where a database record starts after the text began (`id: 74239`, or a CSV record
/// `74239,8/9/2006 14:00,06THEHAGUE1739,…`).
fn later_record_dump(cable: &Cable, pos: usize) -> Option<usize> {
    (pos + 1..cable.lines.len()).find(|&i| {
        let t = cable.text(cable.lines[i].range);
        (t.starts_with("id: ") && t[4..].trim().bytes().all(|c| c.is_ascii_digit()))
            || is_csv_record(t)
    })
}

/// The first line of a CSV or tab-separated database record: the record number, then its date
/// (`242660,1/6/2010 17:47,10MEXICO27,"Embassy Mexico",…`, spec §6.1.5).
fn is_csv_record(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    digits >= 4 && matches!(b.get(digits), Some(b',' | b'\t')) && starts_with_date(&t[digits + 1..])
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
        if text.is_empty() {
            cable.lines[pos].kind = LineKind::Blank;
        } else if let Some(kind) = super::record::line_artifact(text) {
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
    let t = match t.strip_suffix('\\') {
        Some(stripped) => stripped.trim_end(),
        None => t,
    };
    Src::new(t, r.start())
}
