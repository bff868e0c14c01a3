//! The parsed cable as data: the shape `cablelint inspect` prints (and that the language server may
//! reuse), built from the cable tree and the reference tables. No IO and no printing here.
//!
//! The shape is fixed by issue 10 and described by `schema/inspect.schema.json`; fields may be added,
//! never removed or renamed. Ranges are 1-based lines and columns counted in Unicode characters, the
//! end exclusive, as in `cablelint check --output-format json`. Texts are single-spaced: line breaks
//! inside an element become one space, and the release's artifacts (line-end backslashes, `¶`) are not
//! part of any value.

use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

use crate::data::Tables;
use crate::syntax::{
    self, origin_key, AddresseeBlock, ArtifactKind, Banner, Cable, ColumnUnit, Decl, EoValue,
    MarkerKind, TagShape, TextRange,
};
use crate::vocab::{BannerLevel, CaptionKind};

/// One cable.
#[derive(Debug, Clone, Serialize)]
pub struct CableData {
    pub path: String,
    /// What the text is, as the parser decides it ([`syntax::DocumentKind`]) read on the drafting
    /// date as the rules read it ([`syntax::kind_on`]): `draft` (no transmission header),
    /// `transmitted` (a full ACP-127 header from `VZCZC`), `received-copy` (a header that starts
    /// later, or an office distribution block) or `record` (text that carries the release's
    /// marks; a text whose only such mark is lines of hundreds of characters or that stops at an
    /// element before the text, dated less than a year before the drafting date or later, is a
    /// draft being written and is read by its header).
    pub kind: &'static str,
    /// The cable id: two-digit year of the DTG + banner origin without spaces + serial without
    /// leading zeros (`07TOKYO2232`), as the release writes it (`08USNATO276`; a redacted banner
    /// station is the FM post's); `null` when one of them is missing. When the release garbled the
    /// banner's serial (`SECTION 02 OF 03QRIPOLI 000583`, `00040QSITIVE`) or the header and the
    /// text are of different cables (another cable's text spliced under the header), the banner
    /// does not give this record's id: the id is then the header's, from the DTG's year, the FM
    /// post and the DE serial, the id under which the release files the record; `null` when the
    /// header lacks one of them. `id_note` then says so, and says why whenever `id` is `null`.
    pub id: Option<String>,
    /// Present only when `id` is not read from the banner or is `null`: why, and where it comes
    /// from (or why it is `null`: no banner, a banner without origin or serial, no DTG); and when
    /// the banner's id differs from another the text gives: the release's, which keeps words the
    /// banner writes before its origin (`E F T O`, `SECTION01 OF 03`), or the header's DE serial.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_note: Option<String>,
    /// The cable's DTG as `2007-05-17T08:14Z`: the header's; for a record without a header, the
    /// release's line before the banner (a bare DTG line, or a partial record's weekday line
    /// `Friday, 04 February 2005, 16:06`); else a later section's header kept in the text. A page
    /// header's or a distribution block's DTG (the time the received copy was printed) is never
    /// read as the date.
    pub date: Option<String>,
    pub header: Option<HeaderData>,
    pub classification: ClassificationData,
    /// The banner's origin as written, single-spaced (`TOKYO`, `USUN NEW YORK`).
    pub origin: Option<String>,
    /// The banner's serial as written (`002232`).
    pub serial: Option<String>,
    pub section: Option<SectionData>,
    pub captions: Vec<String>,
    pub eo: Option<EoData>,
    pub tags: Vec<TagData>,
    pub subject: Option<String>,
    pub references: Vec<ReferenceData>,
    pub classified_by: Option<ClassifiedByData>,
    pub paragraphs: Vec<ParagraphData>,
    pub summary: Option<SummaryData>,
    pub signature: Option<String>,
    /// The release's and the receiving system's marks found by the parser, in document order.
    pub artifacts: Vec<ArtifactData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeaderData {
    pub transmission_id: Option<String>,
    pub routing: Option<RoutingData>,
    pub de: Option<DeData>,
    pub security: Option<SecurityData>,
    /// The FL5 precedence letter (`O`).
    pub precedence: Option<String>,
    pub info_precedence: Option<String>,
    pub from: Option<String>,
    pub to: Vec<AddresseeData>,
    pub info: Vec<AddresseeData>,
    pub xmt: Vec<AddresseeData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoutingData {
    pub prosign: String,
    pub indicators: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeData {
    pub station: Option<String>,
    /// As written, without `#` (`2232`).
    pub serial: Option<String>,
    pub section: Option<u32>,
    pub julian_day: Option<u32>,
    /// `HHMM` as written.
    pub time: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SecurityData {
    /// The five-letter classification code (`CCCCC`).
    pub code: Option<String>,
    /// The SPECAT letters written after the code, when any.
    pub specat: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AddresseeData {
    pub ri: Option<String>,
    pub address: String,
    pub precedence: Option<String>,
    pub mcn: Option<String>,
    pub range: Range,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClassificationData {
    /// `U`, `SBU`, `C`, `S` or `TS`: the banner's level (an UNCLAS banner with a SENSITIVE caption
    /// and LIMITED OFFICIAL USE are `SBU`).
    pub level: Option<&'static str>,
    /// The banner's classification words as written.
    pub banner: Option<String>,
    /// Dissemination controls from the captions and the marking line (`NOFORN`, `NODIS`, `EXDIS`,
    /// `LIMDIS`, `STADIS`; `SECRET//NOFORN` gives `NOFORN`).
    pub controls: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionData {
    pub number: u32,
    pub of: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct EoData {
    /// The order's number as written (`12958`).
    pub order: Option<String>,
    /// Whether the line says `N/A`.
    pub na: bool,
    /// The declassification date as `YYYY-MM-DD` (`DECL: 05/17/2016`, a date written without
    /// `DECL:`, or the date after a schedule in E.O. 12065 cables: `GDS 8/12/85` is 1985-08-12).
    pub decl: Option<String>,
    /// The declassification instruction as written after `DECL:` (or without it, a bare date),
    /// single-spaced; for the E.O. 11652 and 12065 era, the schedule (`GDS`, `ADS`, `XGDS-2`,
    /// `RDS-3`) and its date (`GDS 8/12/85`), without the classifier's name and office that follow
    /// them.
    pub decl_text: Option<String>,
    /// Exemption codes (`25X1`, `X1`).
    pub exemptions: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagData {
    pub text: String,
    pub code: String,
    /// `subject`, `program`, `geographic`, `organization`, `personal` or `unknown`.
    pub kind: &'static str,
    pub title: Option<String>,
    /// For a personal tag, the name (`DOE, JOHN`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    pub range: Range,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferenceData {
    /// The item's bullet letter or number (`A`), upper case.
    pub label: Option<String>,
    pub text: String,
    /// The cited cable's id: the year written in the reference, else the citing cable's year, + the
    /// origin as ids write it + the serial without leading zeros. `null` for other documents, and
    /// when no year is known.
    pub cable_id: Option<String>,
    /// `cable` or `other`.
    pub kind: &'static str,
    pub range: Range,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClassifiedByData {
    pub authority: Option<String>,
    /// The section cited, as written without white space (`1.4`, also for `1.` / `4` split by a
    /// line break).
    pub section: Option<String>,
    pub reasons: Vec<String>,
    pub range: Range,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParagraphData {
    pub number: Option<u32>,
    /// The letter of an answer keyed to a sub-paragraph of a reference (`A` of `27.A.`), whose
    /// `number` is the reference's paragraph; absent for the cable's own paragraphs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub marking: Option<String>,
    pub level: Option<&'static str>,
    pub range: Range,
}

#[derive(Debug, Clone, Serialize)]
pub struct SummaryData {
    pub range: Range,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArtifactData {
    pub kind: &'static str,
    pub range: Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    pub start: Pos,
    pub end: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// Builds the data of one parsed cable. `path` is the path shown to the user; `drafting` is the
/// drafting date (`--date`, else today in UTC), by which a text the parse made a record only by
/// its long lines or by where it stops is a draft being written ([`syntax::kind_on`], the rules'
/// and the formatter's decision).
pub fn inspect(
    cable: &Cable<'_>,
    path: &str,
    tables: &Tables,
    drafting: crate::vocab::Date,
) -> CableData {
    let b = &cable.body;
    let h = &cable.header;
    let range = |r: TextRange| to_range(cable, r);
    // A value read from the text of a CSV record writes each `"` as `""`: the user sees the text.
    let csv = cable.csv_quoted_text();
    let text = |r: TextRange| {
        let t = flat(cable.text(r));
        match csv {
            Some(c) if c.start() <= r.start() && r.end() <= c.end() && t.contains("\"\"") => {
                t.replace("\"\"", "\"")
            }
            _ => t,
        }
    };
    // The date is the cable's date-time group (spec §3.5): the header's; for a record without a
    // header, the one the release wrote before the banner (a bare date-time group line,
    // `261646Z May 05`, or a partial record's weekday line, `Friday, 04 February 2005, 16:06`);
    // else the one in the header of a later section kept in the text. The date-time group of a
    // page header (`PAGE 01 ROME 01196 01 OF 02 071049Z`, spec §3.19) or of a distribution
    // block's rule (`------------------70C954 071049Z /38`) dates nothing: it is when the
    // Department printed the received copy, minutes to a day or more after the cable's own, and
    // it has no month or year.
    let dtg = h
        .dtg
        .as_ref()
        .and_then(|l| l.dtg)
        .or_else(|| cable.release_dtg())
        .filter(|d| d.valid())
        .or_else(|| cable.section_header_dtg().filter(|d| d.valid()));
    let banner = b.banner.as_ref();
    // The station of the FM post, as cable ids write it.
    let fm_station = || {
        let fm = h.fm.as_ref()?.plad?;
        tables.post_by_name(cable.text(fm).trim())?.station.clone()
    };
    let id = match (
        dtg,
        banner.and_then(|b| b.origin),
        banner.and_then(|b| b.serial),
    ) {
        (Some(d), Some(o), Some(s)) => {
            // A banner whose station is redacted (`XXXXXXXXXXXX 000004`): the release writes the
            // id with the station of the FM post.
            let written = cable.text(o);
            let redacted = written.trim().bytes().all(|c| c == b'X' || c == b' ');
            let station = match redacted.then(fm_station).flatten() {
                Some(station) => station,
                None => written.to_string(),
            };
            Some(syntax::cable_id(d.year, &station, s.value))
        }
        _ => None,
    };
    // A banner whose serial the release garbled, or a header of another cable, makes the banner's
    // id no id of this record (spec §6.1.6, §6.1.7): the header's is the record's own.
    let garbled = cable.has_artifact(ArtifactKind::GarbledSerial);
    let (id, id_note) = if garbled
        || crate::rules::facts::header_text_mismatch(cable, tables).is_some()
    {
        let header_id = || {
            let serial = h.de.as_ref()?.serial?;
            Some(syntax::cable_id(dtg?.year, &fm_station()?, serial.value))
        };
        let id = header_id();
        let note = match (garbled, id.is_some()) {
            (true, true) => "the release garbled the banner's serial: the id is the header's (DTG year, FM post, DE serial)",
            (true, false) => "the release garbled the banner's serial and the header lacks a DTG, an FM post or a DE serial: the id is not known",
            (false, true) => "the header and the text are of different cables: the id is the header's (DTG year, FM post, DE serial), under which the release files the record",
            (false, false) => "the header and the text are of different cables and the header lacks a DTG, an FM post or a DE serial: the id is not known",
        };
        (id, Some(note.to_string()))
    } else if let Some(header_id) = banner
        .filter(|b| id.is_none() && dtg.is_some() && (b.origin.is_none() || b.serial.is_none()))
        .and_then(|_| {
            let serial = h.de.as_ref()?.serial?;
            Some(syntax::cable_id(dtg?.year, &fm_station()?, serial.value))
        })
    {
        // A banner that lost its origin or serial (`… SECTION 01 OF 02 TEL AVIV` and nothing
        // after it, or an origin the release ran the section count into) gives no id; the header
        // still does.
        let note = if banner.is_some_and(|b| syntax::origin_run_into_section(cable, b).is_some()) {
            "the release garbled the banner's origin (the section count runs into it): the id is the header's (DTG year, FM post, DE serial)"
        } else {
            "the banner lacks its origin or serial: the id is the header's (DTG year, FM post, DE serial)"
        };
        (Some(header_id), Some(note.to_string()))
    } else if id.is_none() {
        // Every null id says why: which of its three parts the record lacks.
        let note = match (dtg.is_some(), banner) {
            (_, None) => "the text has no banner: the id's origin and serial are not known",
            (_, Some(b)) if b.origin.is_none() || b.serial.is_none() => {
                "the banner lacks its origin or serial: the id is not known"
            }
            _ => "the text has no date-time group: the id's year is not known",
        };
        (id, Some(note.to_string()))
    } else {
        // An id read from the banner that is not the release's, or not the header's.
        let note = banner.zip(dtg).and_then(|(b, d)| {
            if let Some((words, release)) = release_banner_id(cable, b, d.year) {
                return Some(format!(
                    "the banner writes `{words}` before its origin and the release's id keeps it ({release}): the id is the banner's origin and serial"
                ));
            }
            let (de, serial) = crate::rules::facts::de_serial_mismatch(cable)?;
            let with_de = (serial.value < 10_000)
                .then(|| Some(syntax::cable_id(d.year, &fm_station()?, de.value)))
                .flatten()
                .map_or(String::new(), |h| format!("; the header's DE serial would give {h}"));
            Some(format!(
                "the header's DE serial (#{}) is not the banner's serial ({}): the id is the banner's{with_de}",
                cable.text(de.range),
                cable.text(serial.range)
            ))
        });
        (id, note)
    };
    let header = h.is_present().then(|| header(cable));
    // What the text is (a draft, a transmitted cable, a received copy or a release record) is the
    // parser's decision read on the drafting date, as the rules and the formatter read it: a draft
    // of `cablelint new` that stops at TAGS is a draft, not a record cut by the release. Its
    // release marks are those of that kind.
    let doc_kind = syntax::kind_on(cable, drafting);
    let kind = doc_kind.name();

    let sensitive = b.captions.iter().any(|c| c.kind == CaptionKind::Sensitive);
    let level = banner.map(|bn| match bn.level {
        BannerLevel::Unclas | BannerLevel::UnclasEfto | BannerLevel::Unclassified if sensitive => {
            "SBU"
        }
        l => l.level().abbrev(),
    });
    // A marking line (`SECRET//NOFORN`, `SECRET NOFORN`) writes its controls after the level.
    const CONTROLS: [&str; 5] = ["NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS"];
    let controls = b
        .captions
        .iter()
        .flat_map(|c| {
            let words: Vec<&str> = match c.kind {
                CaptionKind::Noforn => vec!["NOFORN"],
                CaptionKind::Nodis => vec!["NODIS"],
                CaptionKind::Exdis => vec!["EXDIS"],
                CaptionKind::Limdis => vec!["LIMDIS"],
                CaptionKind::Stadis => vec!["STADIS"],
                CaptionKind::MarkingLine => cable
                    .text(c.range)
                    .split(['/', ' '])
                    .filter_map(|w| CONTROLS.iter().find(|k| w.eq_ignore_ascii_case(k)))
                    .copied()
                    .collect(),
                _ => Vec::new(),
            };
            words
        })
        .fold(Vec::<String>::new(), |mut v, c| {
            if !v.iter().any(|x| x == c) {
                v.push(c.to_string());
            }
            v
        });

    let eo = b.eo.as_ref().map(|e| {
        let (decl, decl_text) = match &e.value {
            EoValue::Decl { spec, decl, .. } => (
                match decl {
                    Decl::Date(d, _) => Some(d.to_string()),
                    _ => None,
                },
                spec.map(text),
            ),
            EoValue::BareDate(d, r) => (Some(d.to_string()), Some(text(*r))),
            EoValue::Schedule { spec, date, .. } => {
                (date.map(|d| d.to_string()), Some(text(*spec)))
            }
            _ => (None, None),
        };
        let exemptions = decl_text
            .as_deref()
            .map(|t| {
                t.split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| is_exemption(w))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        EoData {
            order: e.number.map(|n| cable.text(n.range).to_string()),
            na: matches!(e.value, EoValue::NotApplicable),
            decl,
            decl_text,
            exemptions,
        }
    });

    let tags = b
        .tags
        .as_ref()
        .map(|t| t.tokens.iter().map(|tok| tag(cable, tables, tok)).collect())
        .unwrap_or_default();

    let year = dtg.map(|d| d.year);
    let references = b
        .refs
        .as_ref()
        .map(|block| {
            block
                .references()
                .map(|(item, r)| ReferenceData {
                    label: item.letter.map(|l| cable.text(l).to_ascii_uppercase()),
                    text: text(r.range),
                    cable_id: r
                        .cable
                        .as_ref()
                        .map(|c| syntax::CitedCable::new(cable, c, year))
                        .filter(|c| c.year.is_some())
                        .map(|c| c.id()),
                    kind: if r.cable.is_some() { "cable" } else { "other" },
                    range: range(r.range),
                })
                .collect()
        })
        .unwrap_or_default();

    let classified_by = b.classified_by.as_ref().map(|c| ClassifiedByData {
        authority: authority(&text(TextRange::new(c.label.end(), c.range.end()))),
        // A section broken over a line by the reflow (`1.` / `4`) is one number: `1.4`.
        section: c
            .section
            .map(|s| cable.text(s).split_whitespace().collect::<String>()),
        reasons: c.letters.iter().map(|&(_, l)| l.to_string()).collect(),
        range: range(c.range),
    });

    let paragraphs = b
        .paragraphs
        .iter()
        .map(|p| ParagraphData {
            number: Some(p.number.value),
            key: p.key.map(text),
            marking: p.marking.as_ref().map(|m| text(m.range)),
            level: p.marking.as_ref().and_then(|m| m.level).map(|l| l.abbrev()),
            range: range(p.range),
        })
        .collect();

    let summary = b
        .markers
        .iter()
        .find(|m| m.kind == MarkerKind::SummaryOpen)
        .map(|open| {
            let end = b
                .markers
                .iter()
                .find(|m| m.kind == MarkerKind::SummaryClose && m.range.start >= open.range.end)
                .map_or_else(
                    || {
                        open.paragraph
                            .and_then(|i| b.paragraphs.get(i))
                            .map_or(open.range, |p| p.range)
                    },
                    |m| m.range,
                );
            SummaryData {
                range: range(open.range.cover(end)),
            }
        });

    let artifacts = syntax::release_artifacts(cable, doc_kind)
        .map(|a| ArtifactData {
            kind: a.kind.name(),
            range: range(a.range),
        })
        .collect();

    CableData {
        path: path.to_string(),
        kind,
        id,
        id_note,
        date: dtg.map(|d| {
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}Z",
                d.year, d.month, d.day, d.hour, d.minute
            )
        }),
        header,
        classification: ClassificationData {
            level,
            banner: banner.map(|bn| text(bn.level_token)),
            controls,
        },
        origin: banner.and_then(|bn| bn.origin).map(text),
        serial: banner
            .and_then(|bn| bn.serial)
            .map(|s| cable.text(s.range).to_string()),
        section: banner.and_then(|bn| bn.section).map(|(n, of)| SectionData {
            number: n.value,
            of: of.value,
        }),
        captions: b.captions.iter().map(|c| text(c.range)).collect(),
        eo,
        tags,
        subject: b.subject.as_ref().and_then(|s| {
            let pieces: Vec<String> = s
                .text_pieces()
                .into_iter()
                .map(|r| text(r).trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            (!pieces.is_empty()).then(|| pieces.join(" "))
        }),
        references,
        classified_by,
        paragraphs,
        summary,
        signature: b.signature.map(text),
        artifacts,
    }
}

fn header(cable: &Cable<'_>) -> HeaderData {
    let h = &cable.header;
    let owned = |r: TextRange| cable.text(r).to_string();
    let addressees = |block: AddresseeBlock| {
        h.addressees
            .iter()
            .filter(|a| a.block == block)
            .map(|a| AddresseeData {
                ri: a.routing_indicator.map(owned),
                address: a.address.map(|r| flat(cable.text(r))).unwrap_or_default(),
                precedence: a.precedence.map(|p| flat(cable.text(p.range))),
                mcn: a.mcn.map(owned),
                range: to_range(cable, a.range),
            })
            .collect()
    };
    HeaderData {
        transmission_id: h.transmission.as_ref().map(|t| flat(cable.text(t.range))),
        routing: h.routing.as_ref().map(|r| RoutingData {
            prosign: owned(r.prosign),
            indicators: r.indicators.iter().map(|&i| owned(i)).collect(),
        }),
        de: h.de.as_ref().map(|d| DeData {
            station: d.station.map(owned),
            serial: d.serial.map(|n| owned(n.range)),
            section: d.section.map(|n| n.value),
            julian_day: d.julian_day.map(|n| n.value),
            time: d.time.map(|n| owned(n.range)),
        }),
        security: h.security.as_ref().map(|s| {
            let code = s.code.map(owned);
            let (code, specat) = match code {
                Some(c) if c.len() > 5 && c.is_char_boundary(5) => {
                    (Some(c[..5].to_string()), Some(c[5..].to_string()))
                }
                c => (c, None),
            };
            SecurityData { code, specat }
        }),
        precedence: h.dtg.as_ref().map(|l| owned(l.precedence)),
        info_precedence: h
            .dtg
            .as_ref()
            .and_then(|l| l.info_precedence.as_ref())
            .map(|&(t, _)| owned(t)),
        from: h
            .fm
            .as_ref()
            .and_then(|f| f.plad)
            .map(|r| flat(cable.text(r))),
        to: addressees(AddresseeBlock::To),
        info: addressees(AddresseeBlock::Info),
        xmt: addressees(AddresseeBlock::Xmt),
    }
}

fn tag(cable: &Cable<'_>, tables: &Tables, tok: &syntax::TagToken) -> TagData {
    let code_text = flat(cable.text(tok.code));
    let range = to_range(cable, tok.range);
    let text = flat(cable.text(tok.range));
    if tok.shape == TagShape::Personal {
        let (prefix, rest) = code_text
            .split_once([' ', '('])
            .map_or((code_text.as_str(), ""), |(a, b)| (a, b));
        let person = rest
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim()
            .to_string();
        return TagData {
            text,
            code: prefix.to_string(),
            kind: "personal",
            title: tables
                .tag(prefix)
                .map(|t| t.title.clone())
                .filter(|t| !t.is_empty()),
            person: (!person.is_empty()).then_some(person),
            range,
        };
    }
    // A word in lower case is looked up too, as the rules look it up: a sentence-case record
    // writes its codes so (`Tags: mtcre, parm`, spec §3.22), and the shape of a lower-case word
    // longer than four letters (free text) does not tell it from such a code.
    let known = match tok.shape {
        TagShape::Redacted => None,
        _ => tables.tag(&code_text),
    };
    TagData {
        text,
        code: code_text.to_ascii_uppercase(),
        kind: known.map_or("unknown", |t| t.kind.as_str()),
        title: known.map(|t| t.title.clone()).filter(|t| !t.is_empty()),
        person: None,
        range,
    }
}

/// The authority of a `Classified By` block: the words before the reason.
/// The words a banner writes between its classification and its origin that are no `SECTION n OF
/// m` (the `E F T O` mark, a section that lost a space or a letter: `SECTION01 OF 03`, `SCTION 02
/// OF 02`), and the id the release gives the record: its ids keep those words in the origin
/// (`UNCLAS E F T O LONDON 002187` is 09EFTOLONDON2187, `UNCLAS SECTION01 OF 03 SAN JOSE 000525`
/// is 09SECTION01OF03SANJOSE525, but `UNCLAS E F T O SECTION 01 OF 03 TRIPOLI 000648` is
/// 09TRIPOLI648). `None` when there are no such words: the release's id is the banner's.
fn release_banner_id(cable: &Cable<'_>, b: &Banner, year: i32) -> Option<(String, String)> {
    let (origin, serial) = (b.origin?, b.serial?);
    let section_written = b.section_range.is_some_and(|r| {
        let words: Vec<&str> = cable.text(r).split_whitespace().collect();
        words.len() == 4 && words[0].eq_ignore_ascii_case("SECTION")
    });
    // The words start after a section written in full, else after the classification word
    // (`UNCLAS` of `UNCLAS E F T O`).
    let start = match b.section_range {
        Some(r) if section_written => r.end(),
        _ if b.level == BannerLevel::UnclasEfto => b.level_token.start() + "UNCLAS".len(),
        _ => b.level_token.end(),
    };
    let words = cable.text(TextRange::new(start, origin.start())).trim();
    if words.is_empty() || origin.start() < start {
        return None;
    }
    let key: String = words.split_whitespace().collect();
    let release = format!(
        "{:02}{}{}{}",
        year.rem_euclid(100),
        key.to_ascii_uppercase(),
        origin_key(cable.text(origin)),
        serial.value
    );
    Some((flat(words), release))
}

fn authority(text: &str) -> Option<String> {
    // The label written twice (`Classified By: Classified by …`), perhaps after a portion marking
    // (`Classified By: (U) CLASSIFIED BY …`): the second is no part of the authority.
    static REPEATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s:.]*(\([A-Z/]{1,5}\)\s*)?classified\s+by\b\s*:?")
            .expect("a valid pattern")
    });
    // The reason word broken by the reflow (`reas ons`, `rea sons`, `REAS ONS`), which the stops
    // below do not find.
    static BROKEN_REASON: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bre ?a ?s ?o ?n").expect("a valid pattern"));
    let mut t = text.trim_start_matches([':', ' ', '.']);
    while let Some(m) = REPEATED_LABEL.find(t).filter(|m| m.end() < t.len()) {
        t = t[m.end()..].trim_start_matches([':', ' ', '.']);
    }
    // A space in front, so that a reason at the very start (`1.4 (b)`) is found like any other.
    let upper = format!(" {}", t.to_ascii_uppercase());
    let mut cut = t.len();
    for stop in [
        " FOR REASON",
        " REASON",
        ", REASON",
        "; REASON",
        " PER 1.",
        " UNDER ",
        " E.O.",
        " 1.4",
        " 1.5",
        " E.O ",
        "REASON",
    ] {
        if let Some(i) = upper.find(stop) {
            cut = cut.min(i.saturating_sub(1));
        }
    }
    if let Some(m) = BROKEN_REASON.find(t) {
        cut = cut.min(m.start());
    }
    // The words that led into the reason (`… Llorens for E.O. 12958 reasons`, `… Henifin per
    // reason`), left at the end once the reason is cut off.
    let mut a = t[..cut].trim_end_matches([',', ';', '.', ':', ' ']);
    while let Some((head, last)) = a.rsplit_once([' ', ',']) {
        if !["for", "per", "under", "and"]
            .iter()
            .any(|w| last.eq_ignore_ascii_case(w))
        {
            break;
        }
        a = head.trim_end_matches([',', ';', '.', ':', ' ']);
    }
    let a = a.trim();
    (!a.is_empty()).then(|| a.to_string())
}

fn is_exemption(w: &str) -> bool {
    let b = w.as_bytes();
    (b.len() >= 4 && w.starts_with("25X") && b[3].is_ascii_digit())
        || (b.len() == 2 && b[0] == b'X' && b[1].is_ascii_digit())
        || (b.len() >= 4 && (w.starts_with("50X") || w.starts_with("75X")) && b[3].is_ascii_digit())
}

/// A text single-spaced: runs of white space (line breaks included) become one space, and the
/// release's line-end backslashes and `¶` signs are dropped.
pub fn flat(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        let w = w.trim_start_matches('¶').trim_end_matches('\\');
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn to_range(cable: &Cable<'_>, r: TextRange) -> Range {
    let pos = |o: usize| {
        let lc = cable.line_index.line_col(cable.src, o, ColumnUnit::Char);
        Pos {
            line: lc.line + 1,
            column: lc.col + 1,
        }
    };
    Range {
        start: pos(r.start()),
        end: pos(r.end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_single_spaced_without_release_artifacts() {
        assert_eq!(
            flat("  JAPAN-ROK \\\n  EXCHANGE\n¶B. X "),
            "JAPAN-ROK EXCHANGE B. X"
        );
    }

    #[test]
    fn the_authority_stops_at_the_reason() {
        assert_eq!(
            authority(": Ambassador J. Thomas Schieffer. Reasons 1.4 (b) and (d)").as_deref(),
            Some("Ambassador J. Thomas Schieffer")
        );
        assert_eq!(
            authority("DCM Bob Manzanares; reasons 1.4 (B) and (D).").as_deref(),
            Some("DCM Bob Manzanares")
        );
        assert_eq!(authority(": 1.4 (b)"), None);
    }
}
