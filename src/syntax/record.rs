//! What a text is and which marks the release or the receiving system left in it.
//!
//! The parser calls [`line_artifact`] on lines before the header and the banner, and [`finish`] once
//! the tree is built: it collects the artifacts the tree shows (joined lines, page headers in the
//! text, garbled banners and serials, another cable's banner) and decides the [`DocumentKind`].

use std::cell::Cell;

use super::lex::{all_digits, first_from, has_prefix, trim_start};
use super::text::TextRange;
use super::tree::*;

/// A line longer than this lost its line breaks: the clean released cables never
/// exceed 150 characters, a telegram line is at most 69 (spec §3.23), and joined records run to
/// thousands.
const JOINED_LINE_LEN: usize = 200;

/// What a line before the header or the banner is, when it is a release or received-copy mark.
pub(super) fn line_artifact(t: &str) -> Option<ArtifactKind> {
    const WEEKDAYS: [&str; 7] = [
        "Monday,",
        "Tuesday,",
        "Wednesday,",
        "Thursday,",
        "Friday,",
        "Saturday,",
        "Sunday,",
    ];
    let t = t.trim();
    if has_prefix(t, "This record is a partial extract")
        || WEEKDAYS.iter().any(|w| has_prefix(t, w))
        || is_release_dtg(t)
    {
        return Some(ArtifactKind::ReleaseNotice);
    }
    if has_prefix(t, "ID: ")
        || has_prefix(t, "ORIGIN: ")
        || has_prefix(t, "DATE: ")
        // A stamp with the banner joined onto it is read by the dump skip, which keeps the banner.
        || (has_prefix(t, "Cable dated:") && t.len() <= 32)
        || t == "End Cable Text"
    {
        return Some(ArtifactKind::DumpLines);
    }
    if is_page_header(t) {
        return Some(ArtifactKind::PageHeader);
    }
    if is_distribution_line(t) {
        return Some(ArtifactKind::DistributionBlock);
    }
    None
}

/// A bare date-time group the release put before the text (`240549Z Sep 03`, spec §2).
fn is_release_dtg(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 14
        && b[..6].iter().all(u8::is_ascii_digit)
        && b[6] == b'Z'
        && b[7] == b' '
        && b[8..11].iter().all(u8::is_ascii_alphabetic)
        && crate::vocab::month_number(&t[8..11]) > 0
        && b[11] == b' '
        && b[12..].iter().all(u8::is_ascii_digit)
}

/// The date and time of a partial record's weekday line (`Friday, 04 February 2005, 16:06`: the
/// weekday, the day, the month's full name, the four-digit year and the UTC time, spec §2), as a
/// date-time group; `t` is the line, trimmed, starting at byte `at` of the text. `None` when the
/// line has another shape, names no real date and time, or names a weekday that is not the date's.
fn weekday_line_dtg(t: &str, at: usize) -> Option<Dtg> {
    let (weekday, rest) = t.split_once(", ")?;
    let (date, time) = rest.split_once(", ")?;
    let mut words = date.split(' ');
    let (day, month, year) = (words.next()?, words.next()?, words.next()?);
    let (hour, minute) = time.split_once(':')?;
    let number = |w: &str, len: usize| {
        (w.len() == len && all_digits(w))
            .then(|| w.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
    };
    let month_number = crate::vocab::MONTH_NAMES
        .iter()
        .position(|m| *m == month)
        .map(|i| i as u32 + 1)?;
    if words.next().is_some() {
        return None;
    }
    let dtg = Dtg {
        range: TextRange::new(at, at + t.len()),
        day: number(day, 2)?,
        hour: number(hour, 2)?,
        minute: number(minute, 2)?,
        month: month_number,
        month_range: {
            let m = at + weekday.len() + 2 + day.len() + 1;
            TextRange::new(m, m + month.len())
        },
        year: i32::try_from(number(year, 4)?).ok()?,
    };
    (dtg.date()?.weekday() == weekday).then_some(dtg)
}

impl Cable<'_> {
    /// The date-time group of a release record that has no header, as the release wrote it on a
    /// line of its own before the banner (spec §2, §6.1.3): the bare date-time group line
    /// (`261646Z May 05`, read as a header's, two-digit years pivoting at 60) or the weekday line
    /// of a partial record (`Friday, 04 February 2005, 16:06`, the same UTC date and time in
    /// words; read only when its weekday is the date's). In the records of both corpora that have
    /// a header or a later section's header as well, the weekday line's date and time are that
    /// header's date-time group in every one of the 100 of the same cable. `None` when there is no
    /// such line before the banner; check [`Dtg::valid`] before using it as a date.
    pub fn release_dtg(&self) -> Option<Dtg> {
        let banner = self
            .body
            .banner
            .as_ref()
            .map_or(usize::MAX, |b| b.range.start());
        self.artifacts_of(ArtifactKind::ReleaseNotice)
            .filter(|a| a.range.start() < banner)
            .flat_map(|a| {
                let at = a.range.start();
                self.text(a.range)
                    .split_inclusive('\n')
                    .scan(at, |start, line| {
                        let s = *start;
                        *start += line.len();
                        Some((s, line))
                    })
            })
            .find_map(|(start, line)| {
                let t = line.trim();
                let at = start + (line.len() - line.trim_start().len());
                if !is_release_dtg(t) {
                    return weekday_line_dtg(t, at);
                }
                let b = t.as_bytes();
                let two = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
                Some(Dtg {
                    range: TextRange::new(at, at + t.len()),
                    day: two(0),
                    hour: two(2),
                    minute: two(4),
                    month: crate::vocab::month_number(&t[8..11]),
                    month_range: TextRange::new(at + 8, at + 11),
                    year: crate::vocab::full_year(two(12)),
                })
            })
    }

    /// The date-time group of a later section's header that a received copy kept inside the text
    /// when the release lost the first section's (`P 231625Z JUL 02` over `FM AMEMBASSY ROME`,
    /// with the distribution block before it, spec §6.1): every section of a cable carries the
    /// cable's date-time group. Only a header whose FM line names the banner's origin counts, so
    /// that a quoted header of another cable dates nothing. `None` when there is none; check
    /// [`Dtg::valid`] before using it as a date.
    pub fn section_header_dtg(&self) -> Option<Dtg> {
        let banner = self.body.banner.as_ref()?;
        let origin = squeeze(self.text(banner.origin?)).to_ascii_uppercase();
        if origin.is_empty() {
            return None;
        }
        let first = self.line_index.line_of(banner.range.end()) + 1;
        let mut dtg: Option<Dtg> = None;
        for line in self.lines.iter().skip(first) {
            let raw = self.text(line.range);
            let t = raw.trim();
            if t.is_empty() {
                continue;
            }
            if let Some(d) = dtg.take() {
                // The line after a DTG line: the FM line of the same header, or none.
                if t.strip_prefix("FM ")
                    .is_some_and(|post| names_origin(post, &origin))
                {
                    return Some(d);
                }
            }
            let at = line.range.start() + (raw.len() - raw.trim_start().len());
            if let Some(d) = joined_section_header_dtg(t, at, &origin) {
                return Some(d);
            }
            dtg = super::header::dtg_of_line(super::lex::Src::new(t, at));
        }
        None
    }

    /// The span of the text that stands in a quoted field of a CSV record of the release (the
    /// record's fields, then `","` and the text up to the closing `"`, spec §6.1.5), where every
    /// `"` of the text is written `""`. `None` when the text is not read from such a field.
    pub fn csv_quoted_text(&self) -> Option<TextRange> {
        let src = self.src.as_bytes();
        let opening = self.artifacts_of(ArtifactKind::DumpLines).find(|a| {
            let end = a.range.end();
            end > 0
                && src[end - 1] == b'"'
                && self
                    .body
                    .banner
                    .as_ref()
                    .is_some_and(|b| b.range.start() == end)
        })?;
        let start = opening.range.end();
        let end = self
            .artifacts
            .iter()
            .filter(|a| a.range.start() >= start)
            .filter(|a| matches!(a.kind, ArtifactKind::DumpLines | ArtifactKind::AttachedText))
            .map(|a| a.range.start())
            .min()
            .unwrap_or(src.len());
        Some(TextRange::new(start, end))
    }
}

/// The byte length of the page header at the start of `t` (`PAGE 02 HARARE 06677 01 OF 03 291400Z`,
/// `PAGE 02 PEKING 00559 140500Z`: page, origin, serial, an optional section and date-time group),
/// so that text the release joined after it (`… 291400Z OPPOSITION LEADER`) can be read on.
pub(super) fn page_header_len(t: &str) -> Option<usize> {
    if !t.starts_with("PAGE ") || !is_page_header(t) {
        return None;
    }
    let words: Vec<(usize, usize, &str)> = super::lex::Src::new(t, 0).words().take(12).collect();
    let mut i = 2;
    while words
        .get(i)
        .is_some_and(|w| w.2.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'))
    {
        i += 1;
    }
    let serial = words.get(i).filter(|w| i > 2 && all_digits(w.2))?;
    let mut end = serial.1;
    i += 1;
    if let [n, of, m, ..] = &words[i.min(words.len())..] {
        if all_digits(n.2) && of.2 == "OF" && all_digits(m.2) {
            end = m.1;
            i += 3;
        }
    }
    if let Some(w) = words.get(i) {
        if w.2.len() == 7 && w.2.ends_with('Z') && all_digits(&w.2[..6]) {
            end = w.1;
        }
    }
    Some(end)
}

/// A received copy's page header: `PAGE 02 STATE 015113 182333Z`, `PAGE 01 HARARE 05461 01 OF 02
/// 271458Z` (spec §3.7, §3.19), possibly after `TO` or `INFO`.
pub fn is_page_header(t: &str) -> bool {
    let t = trim_start(t);
    // Most lines start with none of `PAGE`, `TO` and `INFO`.
    if !matches!(t.as_bytes().first(), Some(b'P' | b'T' | b'I')) {
        return false;
    }
    let t = t
        .strip_prefix("TO ")
        .or_else(|| t.strip_prefix("INFO "))
        .unwrap_or(t)
        .trim_start();
    let Some(rest) = t.strip_prefix("PAGE ") else {
        return false;
    };
    let mut words = rest.split_whitespace();
    words.next().is_some_and(|w| all_digits(w) && w.len() <= 3)
        && words
            .next()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A page header of the printout the release copied, at the top of its first page: the
/// classification as the banner writes it, the origin and the serial padded to eight digits, perhaps
/// with the page (`S E C R E T   STATE   00119085`, `UNCLASSIFIED   STATE   00100153`; spec §3.19
/// writes the continuation header's serial with eight digits, where a banner has six). The header
/// and the banner follow it. The rule `page-header` names the copy it heads by this form.
pub fn is_classified_page_header(t: &str) -> bool {
    let t = t.trim();
    // Most lines start with no classification word.
    if !matches!(t.as_bytes().first(), Some(b'U' | b'C' | b'S')) {
        return false;
    }
    let Some((_, len, _, false)) = super::body::banner_level_prefix(t) else {
        return false;
    };
    let words: Vec<&str> = t[len..].split_whitespace().collect();
    // The page after the serial: `001 OF 003`, `001.2 OF 003`.
    let words = match words.as_slice() {
        [head @ .., n, "OF", m]
            if all_digits(m) && n.split('.').all(|p| !p.is_empty() && all_digits(p)) =>
        {
            head
        }
        all => all,
    };
    let [origin @ .., serial] = words else {
        return false;
    };
    serial.len() == 8
        && all_digits(serial)
        && !origin.is_empty()
        && !origin.contains(&"SECTION")
        && origin.iter().all(|w| {
            w.bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'.')
        })
}

/// A line of the receiving office's distribution block (spec §2, §6.1.4): `ACTION NEA-00`,
/// `INFO  LOG-00   EEB-00 …`, their continuation lines of office codes, the closing
/// `------------------EE9C66  240653Z /38`, the old page banner `CONFIDENTIAL     PTQ2529` and the
/// printout's `TED3146`.
pub(super) fn is_distribution_line(t: &str) -> bool {
    let office = |w: &str| {
        let (name, n) = match w.rsplit_once('-') {
            Some(p) => p,
            None => return false,
        };
        !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_uppercase())
            && n.len() == 2
            && all_digits(n)
    };
    // The block's total (`/006W`, `/001R`).
    let total = |w: &str| {
        w.strip_prefix('/')
            .and_then(|w| w.strip_suffix(|c: char| c.is_ascii_uppercase()))
            .is_some_and(|d| !d.is_empty() && all_digits(d))
    };
    // The words are read without collecting them: this runs on many lines of text.
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let skip = usize::from(matches!(first, "ACTION" | "INFO"));
    // Most lines are ruled out by their first word: a list of offices starts with an office
    // (`NEA-00`, with a `-`) or the block's total (`/006W`), after `ACTION` or `INFO`; the other
    // forms below start with a rule, a classification or `TED`.
    let lead = if skip == 1 {
        words.clone().next()
    } else {
        Some(first)
    };
    if !lead.is_some_and(|w| w.starts_with('/') || w.contains('-'))
        && !matches!(
            first.as_bytes().first(),
            Some(b'-' | b'U' | b'C' | b'S' | b'L' | b'T')
        )
    {
        return false;
    }
    let mut rest = t.split_whitespace().skip(skip).peekable();
    if rest.peek().is_some() && rest.all(|w| office(w) || total(w)) {
        return true;
    }
    let (second, third) = (words.next(), words.next());
    // The last word is looked for only after a rule: finding it reads the whole line.
    if first.starts_with("-----") {
        let last = words.last().or(third).or(second).unwrap_or(first);
        if last.starts_with('/') {
            return true;
        }
    }
    // The old page banner of received copies: the classification and a printout serial.
    if let (Some(serial), None) = (second, third) {
        if matches!(
            first,
            "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET" | "LIMITED"
        ) && is_printout_serial(serial)
        {
            return true;
        }
    }
    second.is_none() && is_printout_serial(first) && first.starts_with("TED")
}

/// `PTQ2529`, `TED3146`: three capitals and digits.
fn is_printout_serial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 6
        && b.len() <= 8
        && b[..3].iter().all(u8::is_ascii_uppercase)
        && b[3..].iter().all(u8::is_ascii_digit)
}

/// Records the artifacts the finished tree shows and decides what the text is.
pub(super) fn finish(cable: &mut Cable) {
    let mut found = Vec::new();
    // Lines the export joined: a line far longer than any telegram line, or a line that holds the
    // banner and further elements, or two of the elements before the text.
    let starts: Vec<u32> = element_starts(&cable.body);
    let marks = numbered_marking_starts(cable.src);
    let mut joined_by_layout = false;
    // The lines are in the order of the text: where the search in `marks` and `starts` for one
    // line ended, the next line's starts.
    let cursors = Cursors::default();
    for line in &cable.lines {
        if let Some(join) = joined_line(cable, line, &starts, &marks, &cursors) {
            joined_by_layout |= join == Join::Layout;
            found.push(Artifact {
                range: line.range,
                kind: ArtifactKind::JoinedLines,
            });
        }
    }
    // Page headers inside the text (the old received-copy form `PAGE 02 HARARE 06677 …`).
    for line in &cable.lines {
        if line.kind != LineKind::HeaderNoise
            && line.kind != LineKind::Artifact
            && is_page_header(cable.text(line.range))
        {
            found.push(Artifact {
                range: line.range,
                kind: ArtifactKind::PageHeader,
            });
        }
    }
    // Whether the text already shows itself a release record (the marks that `document_kind`
    // reads, garbled serials aside): a one- or two-digit serial is the release's garble there, and
    // a drafter's serial not yet padded anywhere else.
    let record_marked = record_marked(cable, &found, joined_by_layout);
    if let Some(b) = &cable.body.banner {
        if b.garbled {
            found.push(Artifact {
                range: b.level_token,
                kind: ArtifactKind::GarbledBanner,
            });
        }
        if let Some(range) = origin_run_into_section(cable, b) {
            found.push(Artifact {
                range,
                kind: ArtifactKind::GarbledBanner,
            });
        }
        // A banner the release broke over two lines (`C O N F I D E N T I A L` / `SECTION 01 OF 02
        // BAKU 000687`).
        if banner_split(cable, b) {
            found.push(Artifact {
                range: b.range,
                kind: ArtifactKind::GarbledBanner,
            });
        }
        if let Some(s) = b.serial {
            // Eight digits are the continuation header's form of the serial (`00100153`); one or
            // two digits are a section number read as the serial (`SECTION 02 OF 03QRIPOLI 000583`)
            // when `OF` follows them or the text is a release record, and a drafter's serial not
            // yet padded (`OSLO 7`, `banner-serial-width`'s) in a draft or a sent cable; letters
            // run into the serial that make no caption or label are the garbled rest of it
            // (`00040QSITIVE`); a web-inbox printout writes the serial in five digits
            // (`TEL AVIV 04032`, spec §6.1.5), which is the printout's form, not the drafter's.
            let after = &cable.src[s.range.end()..];
            let run_on = after.starts_with(|c: char| c.is_ascii_alphabetic())
                && !super::body::serial_run_into_element(after, s.range.len());
            let printout = s.range.len() == 5 && web_inbox_printout(cable);
            let section_read = s.range.len() <= 2 && (record_marked || section_number_read(after));
            if s.range.len() == 8
                || section_read
                || run_on
                || printout
                || cut_against_preview(cable, cable.text(s.range))
            {
                found.push(Artifact {
                    range: s.range,
                    kind: ArtifactKind::GarbledSerial,
                });
            }
        }
    }
    // A further banner of another cable (another origin, or another serial) spliced into the text.
    if let Some(b) = &cable.body.banner {
        let key = |x: &Banner| {
            (
                x.origin.map(|o| squeeze(cable.text(o))),
                x.serial.map(|s| s.value),
            )
        };
        let own = key(b);
        for other in &cable.body.repeated_banners {
            let theirs = key(other);
            let differs = matches!((&own.0, &theirs.0), (Some(a), Some(b)) if a != b)
                || matches!((own.1, theirs.1), (Some(a), Some(b)) if a != b);
            if differs && other.serial.is_some() {
                found.push(Artifact {
                    range: other.range,
                    kind: ArtifactKind::AttachedText,
                });
            }
        }
    }
    if let Some(cut) = cut_record(cable, &found) {
        found.push(cut);
    }
    cable.artifacts.extend(found);
    cable.artifacts.sort_by_key(|a| (a.range.start, a.kind));
    cable.artifacts.dedup();
    cable.kind = document_kind(cable, joined_by_layout);
}

/// How a line shows that the export joined it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    /// Only by its length: a line of hundreds of characters, as a paragraph that lost its line
    /// breaks, but also as an editor that soft-wraps paragraphs writes it.
    Length,
    /// By what it holds: two of the elements before the text, or a numbered, marked paragraph
    /// after a sentence, which no drafter writes on one line.
    Layout,
}

/// Where `. (` stands in a text, sorted, with any run of spaces or tabs for the space (`.  (`): a
/// paragraph the export joined onto a line of text has one (see [`paragraph_mid_line`]). Found
/// once for the whole text, so that the lines without one, almost all, are not searched.
fn numbered_marking_starts(src: &str) -> Vec<u32> {
    let b = src.as_bytes();
    memchr::memchr_iter(b'(', b)
        .filter_map(|paren| {
            let blanks = b[..paren]
                .iter()
                .rev()
                .take_while(|c| matches!(c, b' ' | b'\t'))
                .count();
            let dot = paren.checked_sub(blanks + 1)?;
            (blanks > 0 && b[dot] == b'.').then_some(dot as u32)
        })
        .collect()
}

/// Where the searches of [`joined_line`] in the sorted `marks` and `starts` ended for the line
/// before ([`first_from`]'s cursors): in `marks` by the line's start, in `starts` by its start and
/// by its end.
#[derive(Default)]
struct Cursors {
    mark: Cell<usize>,
    start: Cell<usize>,
    end: Cell<usize>,
}

/// Whether and how the export joined a line (`starts`: where the elements before the text start,
/// sorted; `marks`: [`numbered_marking_starts`] of the text; `cursors`: where the searches for
/// the line before ended, the lines being asked about in order).
fn joined_line(
    cable: &Cable,
    line: &Line,
    starts: &[u32],
    marks: &[u32],
    cursors: &Cursors,
) -> Option<Join> {
    if matches!(line.kind, LineKind::Artifact | LineKind::Blank) {
        return None;
    }
    let r = line.range;
    let in_text = matches!(line.kind, LineKind::Paragraph | LineKind::Text);
    let layout = if in_text {
        // The occurrences of `. (` cannot overlap, so the first that starts in the line ends first.
        let i = first_from(marks, &cursors.mark, r.start());
        marks.get(i).is_some_and(|&p| p as usize + 3 <= r.end())
            && paragraph_mid_line(cable.text(r))
    } else {
        // `starts` is sorted: the elements on the line are a run of it.
        first_from(starts, &cursors.end, r.end()) - first_from(starts, &cursors.start, r.start())
            >= 2
    };
    if layout {
        return Some(Join::Layout);
    }
    // A paragraph of hundreds of characters on one line lost its line breaks in the release
    // (the clean released cables keep them, spec §3.23).
    (r.len() > JOINED_LINE_LEN && line_len(cable.text(r)) > JOINED_LINE_LEN).then_some(Join::Length)
}

/// Whether a text dated `date` is being written on the drafting date `drafting`: dated less than a
/// year before it, or later. The released cables end in 2010, so no release record is.
pub fn written_recently(date: crate::vocab::Date, drafting: crate::vocab::Date) -> bool {
    date > drafting.add_years(-1)
}

/// What a text is to the rules and the formatter on the drafting date `drafting`: the parse's
/// [`DocumentKind`], except that a text the parse made a record only by lines of hundreds of
/// characters ([`joined_by_length_only`]) and dated less than a year before `drafting` or later is
/// a draft being written (`cablelint new` writes a header on every new draft, and an editor that
/// soft-wraps keeps each paragraph on one line), read by its header ([`header_kind`]). So is a text
/// with a header that the parse made a record only because it stops at an element before the text
/// ([`cut_at_element_only`]): a draft whose text is not yet written, whose missing SUBJECT or text
/// is the drafter's to write. One dated earlier (the released cables end in 2010) or whose date
/// is lost stays a record.
pub fn kind_on(cable: &Cable, drafting: crate::vocab::Date) -> DocumentKind {
    if !joined_by_length_only(cable) && !cut_at_element_only(cable) {
        return cable.kind;
    }
    let dtg_date = cable.header.dtg_date();
    match dtg_date {
        Some(d) if written_recently(d, drafting) => header_kind(cable),
        _ => cable.kind,
    }
}

/// The artifacts of the text that are the release's marks when the text reads as `kind` on the
/// drafting date (the result of [`kind_on`]): every artifact of a record; in any other text, none
/// of lines joined by their length (a draft's editor may keep each paragraph on one line), and in
/// a text the parse made a record that reads as a draft or copy by its date, none of the text cut
/// at an element before the text (a draft whose text is not yet written, see
/// [`cut_at_element_only`]). The formatter refuses a text by these, and `cablelint inspect` lists
/// them.
pub fn release_artifacts<'a>(
    cable: &'a Cable<'_>,
    kind: DocumentKind,
) -> impl Iterator<Item = &'a Artifact> {
    let draft_by_date = cable.kind == DocumentKind::Record && kind != DocumentKind::Record;
    cable.artifacts.iter().filter(move |a| {
        kind == DocumentKind::Record
            || !(a.kind == ArtifactKind::JoinedLines
                || (draft_by_date && a.kind == ArtifactKind::TruncatedPreview))
    })
}

/// Whether the only mark of the release in a record is lines of hundreds of characters: a
/// transmitted cable or received copy whose paragraphs stand each on one line, with no element
/// joined onto another, no notice, preview, dump lines or attached text. Such a text is a record
/// when the cable was sent before it was kept (the system wrapped its lines at transmission), and
/// a draft with a generated header when it is still being written; the parse cannot tell which,
/// the rules decide by the cable's date.
pub fn joined_by_length_only(cable: &Cable) -> bool {
    if cable.kind != DocumentKind::Record
        || cable
            .artifacts
            .iter()
            .any(|a| a.kind != ArtifactKind::JoinedLines && marks_record(a.kind))
    {
        return false;
    }
    let starts = element_starts(&cable.body);
    let marks = numbered_marking_starts(cable.src);
    let cursors = Cursors::default();
    cable
        .lines
        .iter()
        .all(|l| joined_line(cable, l, &starts, &marks, &cursors) != Some(Join::Layout))
}

/// Whether the only mark of the release in a record is where it stops: a cable with a header whose
/// text ends at an element before the text (`TAGS: PREL LY` and nothing after, see
/// [`cut_record`]), with no other artifact that marks a record. A record so cut has lost its text
/// in the release; a draft with a generated header (`cablelint new`) whose text is not yet written
/// looks the same, and the rules decide by the cable's date ([`kind_on`]).
fn cut_at_element_only(cable: &Cable) -> bool {
    if cable.kind != DocumentKind::Record {
        return false;
    }
    let mut marks = cable.artifacts.iter().filter(|a| marks_record(a.kind));
    let (Some(cut), None) = (marks.next(), marks.next()) else {
        return false;
    };
    cut.kind == ArtifactKind::TruncatedPreview
        && cable
            .lines
            .iter()
            .find(|l| l.range.start == cut.range.start)
            .is_some_and(|l| is_pre_text_element(l.kind))
}

/// Whether a line is one of the elements before the text, where [`cut_record`] finds a record
/// stopped.
fn is_pre_text_element(kind: LineKind) -> bool {
    matches!(
        kind,
        LineKind::Banner
            | LineKind::Caption
            | LineKind::Eo
            | LineKind::Tags
            | LineKind::Subject
            | LineKind::Ref
            | LineKind::ClassifiedBy
    )
}

/// Whether an artifact marks the text as a release record (attached text included).
fn marks_record(kind: ArtifactKind) -> bool {
    kind.marks_record() || kind == ArtifactKind::AttachedText
}

/// Where the release cut a record short, as a truncated text: a line before the text that ends in
/// `...` or `…` (`USTR FOR A...`, a lone ` ...`) when the E.O. line, TAGS or SUBJECT is missing
/// after it, or, in a cable with a header (a cable that was sent, so had its text), its last line
/// when the record stops at an element before the text (`TAGS: PREL LY` and nothing after).
fn cut_record(cable: &Cable, found: &[Artifact]) -> Option<Artifact> {
    let body = &cable.body;
    let text_at = cable
        .lines
        .iter()
        .position(|l| matches!(l.kind, LineKind::Paragraph | LineKind::Text))
        .unwrap_or(cable.lines.len());
    if body.eo.is_none() || body.tags.is_none() || body.subject.is_none() {
        let elided = cable.lines[..text_at].iter().find(|l| {
            let t = cable.text(l.range).trim_end();
            matches!(l.kind, LineKind::Passing | LineKind::Unknown)
                && (t.ends_with("...") || t.ends_with('…'))
        });
        if let Some(l) = elided {
            return Some(Artifact {
                range: l.range,
                kind: ArtifactKind::TruncatedPreview,
            });
        }
    }
    // A record already known as such (joined lines, a preview, dump lines) reads on as it is.
    let record = cable
        .artifacts
        .iter()
        .chain(found)
        .any(|a| a.kind.marks_record());
    if !record && cable.header.is_present() && body.banner.is_some() && text_at == cable.lines.len()
    {
        let last = cable.lines.iter().rev().find(|l| {
            !matches!(l.kind, LineKind::Blank | LineKind::Artifact) && !l.kind.is_header_line()
        })?;
        // The record stops right at an element before the text (`TAGS: PREL LY` and nothing after).
        if !is_pre_text_element(last.kind) {
            return None;
        }
        return Some(Artifact {
            range: last.range,
            kind: ArtifactKind::TruncatedPreview,
        });
    }
    None
}

/// Whether the banner runs over a line break: the parser completed a banner the release broke after
/// its classification words with the origin and serial on the next line.
pub fn banner_split(cable: &Cable, b: &Banner) -> bool {
    cable.text(b.range).contains('\n')
}

/// The garbled origin of a banner whose section count the release ran into it (`SECTION 02 OF
/// 03QRIPOLI 000583`, spec §6.1.6: the letters after the count, a letter of the post garbled too),
/// which the parser reads as no origin; `None` for any other banner.
pub fn origin_run_into_section(cable: &Cable, b: &Banner) -> Option<TextRange> {
    let end = b.section_range?.end();
    let after = cable.src.get(end..)?;
    let letters = after
        .bytes()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    (b.origin.is_none() && letters > 0 && after.as_bytes()[0].is_ascii_uppercase())
        .then(|| TextRange::new(end, end + letters))
}

/// Whether the text is a web-inbox printout of a locally kept copy: a dump line with the inbox's
/// `From DB/Inbox:` mark (spec §6.1.5).
fn web_inbox_printout(cable: &Cable) -> bool {
    cable.artifacts_of(ArtifactKind::DumpLines).any(|a| {
        cable.lines.iter().any(|l| {
            l.kind == LineKind::Artifact
                && a.range.start <= l.range.start
                && l.range.end <= a.range.end
                && cable.text(l.range).contains("DB/Inbox")
        })
    })
}

/// Whether a numbered, marked paragraph starts inside a text line after a sentence
/// (`… the talks. 2. (C) The delegation …`): a paragraph the export joined onto the line before.
fn paragraph_mid_line(t: &str) -> bool {
    let b = t.as_bytes();
    // Each sentence end (`. `) followed by a number, or by the release's `¶` (two bytes) and a
    // number; memchr finds the full stops, so a line is not walked byte by byte.
    // The runs of spaces (or tabs) after the full stop and after the number may be of any
    // length: the formatter writes one space, and a text must read the same before and after.
    let blank = |c: &u8| matches!(c, b' ' | b'\t');
    let skip_blanks = |i: usize| i + b[i..].iter().take_while(|c| blank(c)).count();
    memchr::memchr_iter(b'.', b).any(|dot| {
        if !b.get(dot + 1).is_some_and(blank) {
            return false;
        }
        let mut i = skip_blanks(dot + 1);
        if b[i..].starts_with("¶".as_bytes()) {
            i += 2;
        }
        if i + 6 >= b.len() || !b[i].is_ascii_digit() {
            return false;
        }
        let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if d > 2 {
            return false;
        }
        let after = i + d;
        if b.get(after) != Some(&b'.') || !b.get(after + 1).is_some_and(blank) {
            return false;
        }
        let Some(r) = t[skip_blanks(after + 1)..].strip_prefix('(') else {
            return false;
        };
        let inner: &str = r.split(')').next().unwrap_or("");
        !inner.is_empty()
            && inner.len() <= 6
            && inner.bytes().all(|c| c.is_ascii_uppercase() || c == b'/')
    })
}

fn line_len(t: &str) -> usize {
    t.trim_end().chars().count()
}

/// The date-time group of a section header that the release joined into one line (`… /38 O
/// 031203Z JUL 01 FM AMEMBASSY VATICAN TO SECSTATE WASHDC …`): a DTG line's words right before
/// ` FM ` and a post after it, up to ` TO ` or ` INFO `, that ends with `origin` (squeezed, in
/// capitals). `t` is the line, trimmed, starting at byte `at` of the text.
fn joined_section_header_dtg(t: &str, at: usize, origin: &str) -> Option<Dtg> {
    for (p, _) in t.match_indices(" FM ") {
        let post = &t[p + 4..];
        let post_end = [" TO ", " INFO "]
            .iter()
            .filter_map(|k| post.find(k))
            .min()
            .unwrap_or(post.len());
        if !names_origin(&post[..post_end], origin) {
            continue;
        }
        // The DTG line's words: a precedence (or two) and `DDHHMMZ MON YY`.
        let starts: Vec<usize> = t[..p]
            .char_indices()
            .filter(|&(i, c)| c != ' ' && (i == 0 || t.as_bytes()[i - 1] == b' '))
            .map(|(i, _)| i)
            .collect();
        for n in [4, 5] {
            if let Some(&s) = starts.len().checked_sub(n).and_then(|k| starts.get(k)) {
                let src = super::lex::Src::new(&t[s..p], at + s);
                if let Some(d) = super::header::dtg_of_line(src) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// Whether the post of an FM line (`AMEMBASSY ROME`) is the banner's origin `origin` (squeezed,
/// in capitals: `ROME`).
fn names_origin(post: &str, origin: &str) -> bool {
    squeeze(post).to_ascii_uppercase().ends_with(origin)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Where the elements before the text start (the banner's tail counts as the next element).
fn element_starts(body: &Body) -> Vec<u32> {
    let mut out = Vec::new();
    if let Some(b) = &body.banner {
        out.push(b.range.start);
    }
    if let Some(c) = body.captions.first() {
        out.push(c.range.start);
    }
    out.extend(body.passing.iter().map(|p| p.start));
    if let Some(e) = &body.eo {
        out.push(e.range.start);
    }
    if let Some(t) = &body.tags {
        out.push(t.range.start);
    }
    if let Some(s) = &body.subject {
        out.push(s.range.start);
    }
    if let Some(c) = &body.classified_by {
        out.push(c.range.start);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the text is marked a release record by lines joined by their layout, or by a notice, a
/// preview, dump lines or attached text among its artifacts and `found`, or by lines joined only by
/// their length under a header (see [`document_kind`]).
fn record_marked(cable: &Cable, found: &[Artifact], joined_by_layout: bool) -> bool {
    joined_by_layout
        || cable.artifacts.iter().chain(found).any(|a| {
            marks_record(a.kind)
                && (a.kind != ArtifactKind::JoinedLines || cable.header.is_present())
        })
}

/// Whether the text after a one- or two-digit banner serial shows it for a section number the
/// release read as the serial: `OF` follows it (`SECTION 02 OF 03QRIPOLI 000583`, spec §6.1.6).
pub fn section_number_read(after: &str) -> bool {
    let w = after.trim_start_matches([' ', '\t']);
    w.starts_with("OF") && !w[2..].starts_with(|c: char| c.is_ascii_alphabetic())
}

/// What the text is. Lines joined by their layout, a notice, a preview, dump lines or attached text
/// make a record; lines joined only by their length make one only in a text with a header (a cable
/// that was sent had its lines wrapped by the system), not in a draft, whose editor may well keep
/// each paragraph on one line.
fn document_kind(cable: &Cable, joined_by_layout: bool) -> DocumentKind {
    if record_marked(cable, &[], joined_by_layout) {
        return DocumentKind::Record;
    }
    header_kind(cable)
}

/// What the text is by its header alone, leaving the release's marks aside: a draft without a
/// header, a received copy (the header starts at the date-time group, or a distribution block
/// precedes the text), or a transmitted cable.
pub fn header_kind(cable: &Cable) -> DocumentKind {
    let h = &cable.header;
    if !h.is_present() {
        return if cable.has_artifact(ArtifactKind::DistributionBlock) {
            DocumentKind::ReceivedCopy
        } else {
            DocumentKind::Draft
        };
    }
    let transmitted_lines =
        h.transmission.is_some() || h.routing.is_some() || h.de.is_some() || h.security.is_some();
    if !transmitted_lines || cable.has_artifact(ArtifactKind::DistributionBlock) {
        DocumentKind::ReceivedCopy
    } else {
        DocumentKind::Transmitted
    }
}

/// Whether the full copy's banner serial is the serial of the record's truncated preview with its
/// last digits cut off (`BERLIN 00169` under a preview headed `BERLIN 001690`): the release cut
/// the full copy's banner, and the preview keeps the serial whole.
fn cut_against_preview(cable: &Cable, serial: &str) -> bool {
    let Some(preview) = cable
        .artifacts
        .iter()
        .find(|a| a.kind == ArtifactKind::TruncatedPreview)
    else {
        return false;
    };
    let text = &cable.src[preview.range.start()..preview.range.end()];
    text.lines().take(3).any(|l| {
        let l = l.trim_end();
        let whole = l.rsplit(' ').next().unwrap_or("");
        whole.len() > serial.len()
            && whole.starts_with(serial)
            && whole.bytes().all(|b| b.is_ascii_digit())
            && super::body::banner_level_prefix(l.trim_start()).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(text: &str) -> DocumentKind {
        super::super::parse(text).kind
    }

    const TEXT: &str = "C O N F I D E N T I A L SEOUL 000614\n\nE.O. 12958: DECL: 03/12/2018\nTAGS: PREL KS\nSUBJECT: TALKS\n\n1. (C) Text.\n\nDOE\n";

    #[test]
    fn document_kinds() {
        assert_eq!(kind_of(TEXT), DocumentKind::Draft);
        let full = format!("VZCZCXRO4417\nOO RUEHBJ\nDE RUEHUL #0614 0720751\nZNY CCCCC ZZH\nO 120745Z MAR 08\nFM AMEMBASSY SEOUL\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 5521\n\n{TEXT}");
        assert_eq!(kind_of(&full), DocumentKind::Transmitted);
        let received = format!(
            "O 120745Z MAR 08\nFM AMEMBASSY SEOUL\nTO SECSTATE WASHDC IMMEDIATE 5521\n\n{TEXT}"
        );
        assert_eq!(kind_of(&received), DocumentKind::ReceivedCopy);
        let distributed = format!("ACTION EAP-00\n\nINFO  LOG-00   EEB-00   AF-00\n      SAS-00     /000W\n                  ------------------EE9C66  120751Z /38\n{received}");
        let cable = super::super::parse(&distributed);
        assert_eq!(cable.kind, DocumentKind::ReceivedCopy);
        assert!(cable.has_artifact(ArtifactKind::DistributionBlock));
        assert!(cable.header.fm.is_some() && cable.body.banner.is_some());
        let notice = format!("This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n120745Z Mar 08\n\n{TEXT}");
        let cable = super::super::parse(&notice);
        assert_eq!(cable.kind, DocumentKind::Record);
        assert!(cable.body.banner.is_some());
        assert_eq!(DocumentKind::ReceivedCopy.name(), "received-copy");
    }

    #[test]
    fn dump_stamp_before_the_banner() {
        let text = format!("Cable dated:2008-03-12T07:51:00{TEXT}");
        let cable = super::super::parse(&text);
        assert_eq!(cable.kind, DocumentKind::Record);
        assert!(cable.has_artifact(ArtifactKind::DumpLines));
        let b = cable.body.banner.as_ref().expect("banner after the stamp");
        assert_eq!(cable.text(b.range), "C O N F I D E N T I A L SEOUL 000614");
    }

    #[test]
    fn joined_paragraphs() {
        assert!(paragraph_mid_line(
            "the talks resume. 2. (C) The delegation met"
        ));
        assert!(!paragraph_mid_line("2. (C) The delegation met on May 2."));
        assert!(!paragraph_mid_line("see paragraph 2. (Note: it is short.)"));
        // Two spaces after the full stop (typed, or kept by the release) read as one: the
        // formatter writes one, and the text must read the same before and after it.
        assert!(paragraph_mid_line(
            "the talks resume.  2. (C) The delegation met"
        ));
        assert!(paragraph_mid_line(
            "the talks resume.   12. (S/NF) The delegation met"
        ));
        assert!(paragraph_mid_line(". ¶12.  (C) Our contact said"));
        assert!(paragraph_mid_line(
            "the talks resume.\t2.\t(C) The delegation met"
        ));
        assert!(!paragraph_mid_line(
            "the talks resume.2. (C) The delegation met"
        ));
        assert!(!paragraph_mid_line(
            "the talks resume. 2.(C) The delegation met"
        ));
        assert_eq!(
            numbered_marking_starts("resume.  2.  (C) met. (Note) x.(y) 3.\t(S)"),
            [10, 20, 36]
        );
    }

    #[test]
    fn received_copy_lines() {
        assert!(is_distribution_line("ACTION NEA-00"));
        assert!(is_distribution_line(
            "INFO  LOG-00   EEB-00   AF-00    AID-00   CIAE-00"
        ));
        assert!(is_distribution_line("      SAS-00   SWCI-00    /012W"));
        assert!(is_distribution_line(
            "      SAS-00   DTT-00   FA-00      /001R"
        ));
        assert!(is_distribution_line("    /001W"));
        assert!(is_distribution_line(
            "                  ------------------EE9C66  240653Z /38"
        ));
        assert!(is_distribution_line("CONFIDENTIAL     PTQ2529"));
        assert!(is_distribution_line("TED3146"));
        assert!(!is_distribution_line("INFO RUEHLO/AMEMBASSY LONDON 0417"));
        assert!(!is_distribution_line("CONFIDENTIAL"));
        assert!(!is_distribution_line("------"));
        assert!(is_page_header("TO PAGE 02        STATE   016240  151205Z"));
        assert!(is_page_header(
            "PAGE 01        HARARE  05461  01 OF 02  271458Z"
        ));
        assert!(!is_page_header("PAGE 2 of the report"));
        let joined = "PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER";
        assert_eq!(page_header_len(joined), Some(joined.len() - 18));
        assert_eq!(page_header_len("PAGE 02 PEKING 00559 140500Z"), Some(28));
        assert_eq!(page_header_len("PAGE 02 STATE 015113"), Some(20));
        assert_eq!(page_header_len("PAGE 02 OF THE REPORT"), None);
        assert_eq!(
            line_artifact("240549Z Sep 03"),
            Some(ArtifactKind::ReleaseNotice)
        );
        assert_eq!(line_artifact("O 240549Z SEP 03"), None);
        assert!(is_classified_page_header("S E C R E T   STATE   00104417 "));
        assert!(is_classified_page_header(
            "UNCLASSIFIED  PORT AU PR  00000312"
        ));
        assert!(is_classified_page_header(
            "CONFIDENTIAL LIMA 00000731  001 OF 002"
        ));
        // A banner writes six digits; a page header without a classification is another form.
        assert!(!is_classified_page_header("CONFIDENTIAL LIMA 000731"));
        assert!(!is_classified_page_header("LIMA  00000731  002 OF 002"));
        assert!(!is_classified_page_header(
            "UNCLAS SECTION 01 OF 02 LIMA 00000731"
        ));
        assert!(!is_classified_page_header("SECRET 00000731"));
    }
}
