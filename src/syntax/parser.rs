//! The parser driver: splits the text into lines, reads the transmission header, then the body.

use super::body::BodyParser;
use super::header::HeaderParser;
use super::lex::Src;
use super::text::{LineIndex, TextRange};
use super::tree::*;

/// Parses a cable. Never fails and never panics; what cannot be read is kept as unknown lines or
/// syntax errors.
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
        errors: Vec::new(),
    };
    let mut pos = 0;
    // Release notices and database-dump lines before the header or banner.
    pos = skip_artifacts(&mut cable, pos);
    let mut hp = HeaderParser::new(&mut cable);
    pos = hp.run(pos);
    pos = skip_artifacts(&mut cable, pos);
    let (mut pos, mut offset) = skip_record_dump(&mut cable, pos);
    // Some records show a truncated preview of the text and then the whole record again (§6.1.5);
    // the full copy is the one to read.
    // A record appended after a complete text is another cable: it is kept as an artifact.
    let mut end = cable.lines.len();
    if let Some(dump) = later_record_dump(&cable, pos) {
        let preview = !cable.lines[pos..dump]
            .iter()
            .any(|l| super::body::paragraph_start(cable.text(l.range)).is_some());
        if preview {
            let (p2, o2) = skip_record_dump(&mut cable, dump);
            if p2 != dump {
                for l in &mut cable.lines[pos..dump] {
                    l.kind = LineKind::Artifact;
                }
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
    BodyParser::new(&mut cable).run(pos, offset, end);
    cable
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
            || is_refid(tt.trim_end())
            || starts_with_date(tt);
        if !dump_like {
            continue;
        }
        let at = t.rfind('\t').map_or(t.len() - tt.len(), |p| p + 1);
        let rest = t[at..].trim_start();
        let offset = at + (t[at..].len() - rest.len());
        if i > pos && super::body::banner_level_prefix(rest).is_some() {
            let src = Src::new(&t[offset..], cable.lines[i].range.start() + offset);
            if super::body::parse_banner(src).is_some_and(|(b, _)| b.serial.is_some()) {
                for l in &mut cable.lines[pos..i] {
                    l.kind = LineKind::Artifact;
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
        let b = t.as_bytes();
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        (t.starts_with("id: ") && t[4..].trim().bytes().all(|c| c.is_ascii_digit()))
            || (digits >= 4 && b.get(digits) == Some(&b',') && starts_with_date(&t[digits + 1..]))
            || (digits >= 4 && b.get(digits) == Some(&b'\t') && starts_with_date(&t[digits + 1..]))
    })
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

/// Marks leading blank lines and release artifacts, returning the first other line.
fn skip_artifacts(cable: &mut Cable, mut pos: usize) -> usize {
    while pos < cable.lines.len() {
        let range = cable.lines[pos].range;
        let text = cable.text(range).trim();
        if text.is_empty() {
            cable.lines[pos].kind = LineKind::Blank;
        } else if is_artifact_line(text) {
            cable.lines[pos].kind = LineKind::Artifact;
        } else {
            break;
        }
        pos += 1;
    }
    pos
}

/// Lines the release added before a cable: the partial-record notice, weekday lines, dump fields.
pub(super) fn is_artifact_line(t: &str) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "Monday,",
        "Tuesday,",
        "Wednesday,",
        "Thursday,",
        "Friday,",
        "Saturday,",
        "Sunday,",
    ];
    t.starts_with("This record is a partial extract")
        || WEEKDAYS.iter().any(|w| t.starts_with(w))
        || t.starts_with("ID: ")
        || t.starts_with("ORIGIN: ")
        || t.starts_with("DATE: ")
        || t.starts_with("Cable dated:")
        || t == "End Cable Text"
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
