//! [`CableSummary`]: what the cross-cable work needs to know of one cable, read once from its parse
//! and kept without the text.
//!
//! The cross-cable rules (the same serial on two cables, a `REF` to a cable missing from the checked
//! set, message continuity numbers that go backwards), `cablelint new`'s folder scan and the
//! language server's workspace index all read cables through this one summary, so that they never
//! read a fact two ways. It lives in the rules layer because the rules read it and may not depend
//! on the workspace engine above them; the engine and the server reach it from above.
//!
//! A summary owns everything it holds (no borrowed text) and is small: a few hundred bytes plus the
//! subject, the TAGS codes, the cited cables and the addressee lines, so that an index can keep
//! one for each of many thousands of files. Ranges are byte ranges of the text the summary was made
//! from; a summary made again from the same text is equal to it, which is how a reader checks
//! that a file has not changed before it turns those ranges into lines and columns.

use crate::syntax::{
    origin_key, AddresseeBlock, Cable, CableId, CitedCable, DocumentKind, Dtg, TextRange,
};

/// One cable, summarised for work across cables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CableSummary {
    /// What the text is (a draft, a transmitted cable, a received copy, a release record).
    pub kind: DocumentKind,
    /// The cable's id: the banner's origin as ids write it ([`origin_key`]: `TOKYO`,
    /// `USUNNEWYORK`), the banner serial and the year of the date-time group (`None` without a
    /// readable one). `None` when the banner has no origin or no serial.
    pub id: Option<CableId>,
    /// Where the banner writes the origin and serial (`TOKYO 002232`): what a finding about the
    /// cable's id points at.
    pub id_range: Option<TextRange>,
    /// `SECTION n OF m` of the banner, as `(n, m)`.
    pub section: Option<(u32, u32)>,
    /// The date-time group as written (see [`Dtg::valid`]), with its range.
    pub dtg: Option<Dtg>,
    /// The `FM` post, upper case without spaces (`AMEMBASSYTOKYO`): whose message continuity
    /// numbers the addressee lines carry.
    pub from: Option<Box<str>>,
    /// The SUBJECT text, single-spaced, without a received copy's page breaks; `None` when empty.
    pub subject: Option<Box<str>>,
    /// Where the SUBJECT block is written (label included).
    pub subject_range: Option<TextRange>,
    /// The TAGS codes as written (`PREL`, `OVIP (CLINTON, HILLARY)`; link markup `[PREL](#)`
    /// gives `PREL`), in order.
    pub tags: Box<[Box<str>]>,
    /// The cables the `REF` block cites, in document order.
    pub refs: Box<[SummaryRef]>,
    /// The addressee lines that carry a message continuity number, in header order.
    pub mcns: Box<[SummaryMcn]>,
    /// FL1's channel designator and channel sequence number (`VZCZCXRO5120`: `XRO`, 5120), when
    /// FL1 has the valid shape ([`crate::syntax::Transmission::valid`]).
    pub transmission: Option<(Box<str>, u32)>,
    /// Where a finding about the cable as a whole points: the banner, else the first line that is
    /// not blank (an empty range at 0 for an empty text).
    pub anchor: TextRange,
}

/// A cable a `REF` item cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRef {
    /// The cited cable: origin key, serial and year (written in the reference, or else the citing
    /// cable's own year from its date-time group).
    pub id: CableId,
    /// Whether the reference writes its year (`07 TOKYO 1448`) rather than taking the cable's.
    pub year_written: bool,
    /// Where the reference is written (`07 TOKYO 1448`).
    pub range: TextRange,
}

/// An addressee line's message continuity number (`TO RUEHC/SECSTATE WASHDC IMMEDIATE 7702`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryMcn {
    /// Which block the line is in.
    pub block: AddresseeBlock,
    /// The addressee line, routing indicator and address, upper case without spaces
    /// (`RUEHC/SECSTATEWASHDC`): the counter the number belongs to.
    pub addressee: Box<str>,
    /// The number; for a range written `7721-7722` (one number per section), the first.
    pub first: u32,
    /// The last number of a range, else the number again.
    pub last: u32,
    /// Where the number is written.
    pub range: TextRange,
}

impl CableSummary {
    /// Summarises a parsed cable. Never fails: what the cable does not say is `None` or empty.
    pub fn new(cable: &Cable<'_>) -> CableSummary {
        let body = &cable.body;
        let dtg = cable.header.dtg.as_ref().and_then(|l| l.dtg);
        let year = dtg.map(|d| d.year);
        let banner = body.banner.as_ref();
        let (id, id_range) = match banner.and_then(|b| b.origin.zip(b.serial)) {
            Some((origin, serial)) => (
                Some(CableId {
                    key: origin_key(cable.text(origin)),
                    number: serial.value,
                    year,
                }),
                Some(TextRange {
                    start: origin.start,
                    end: serial.range.end.max(origin.end),
                }),
            ),
            None => (None, None),
        };
        let from = cable
            .header
            .fm
            .as_ref()
            .and_then(|f| f.plad)
            .map(|p| squeeze(cable.text(p)))
            .filter(|p| !p.is_empty())
            .map(String::into_boxed_str);
        let subject = body.subject.as_ref().and_then(|s| {
            let words: Vec<&str> = s
                .text_pieces()
                .into_iter()
                .flat_map(|r| cable.text(r).split_whitespace())
                .collect();
            (!words.is_empty()).then(|| words.join(" ").into_boxed_str())
        });
        let tags = body
            .tags
            .iter()
            .flat_map(|t| &t.tokens)
            .map(|t| Box::from(cable.text(t.code)))
            .collect();
        let refs = match &body.refs {
            Some(block) => block
                .cables()
                .map(|c| {
                    let cited = CitedCable::new(cable, c, year);
                    SummaryRef {
                        year_written: cited.year_written,
                        range: cited.range,
                        id: cited.cable_id(),
                    }
                })
                .collect(),
            None => Box::default(),
        };
        let mcns = cable
            .header
            .addressees
            .iter()
            .filter_map(|a| {
                let (ri, address, mcn) = (a.routing_indicator?, a.address?, a.mcn?);
                let (first, last) = read_mcn(cable.text(mcn))?;
                let (ri, address) = (cable.text(ri), cable.text(address));
                let mut addressee = String::with_capacity(ri.len() + address.len() + 1);
                push_squeezed(&mut addressee, ri);
                addressee.push('/');
                push_squeezed(&mut addressee, address);
                Some(SummaryMcn {
                    block: a.block,
                    addressee: addressee.into_boxed_str(),
                    first,
                    last,
                    range: mcn,
                })
            })
            .collect();
        let anchor = banner.map(|b| b.range).unwrap_or_else(|| {
            cable
                .lines
                .iter()
                .find(|l| !cable.text(l.range).trim().is_empty())
                .map_or(TextRange { start: 0, end: 0 }, |l| l.range)
        });
        let transmission = cable
            .header
            .transmission
            .as_ref()
            .filter(|t| t.valid)
            .and_then(|t| {
                let channel = cable.text(t.channel?);
                let sequence = cable.text(t.sequence?).parse().ok()?;
                Some((Box::from(channel), sequence))
            });
        CableSummary {
            kind: cable.kind,
            id,
            id_range,
            section: banner
                .and_then(|b| b.section)
                .map(|(n, m)| (n.value, m.value)),
            dtg,
            from,
            subject,
            subject_range: body.subject.as_ref().map(|s| s.range),
            tags,
            refs,
            mcns,
            transmission,
            anchor,
        }
    }

    /// Parses a text and summarises it.
    pub fn of_text(text: &str) -> CableSummary {
        CableSummary::new(&crate::syntax::parse(text))
    }

    /// The summary without what no cross-cable rule reads (the TAGS), for a checker that keeps
    /// one for each of many files until the rules run.
    pub fn for_rules(mut self) -> CableSummary {
        self.tags = Box::default();
        self
    }

    /// The cable id as the release writes it (`07TOKYO1448`), when the banner gives one.
    pub fn id_text(&self) -> Option<String> {
        self.id.as_ref().map(CableId::id)
    }
}

/// Reads a message continuity number: four digits (`7702`, or any run of digits), or a range of
/// them for a cable of several sections (`7721-7722`, `7721/7722`). `None` for anything else.
fn read_mcn(text: &str) -> Option<(u32, u32)> {
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let text = text.trim();
    if let Some(n) = number(text) {
        return Some((n, n));
    }
    let (a, b) = text.split_once(['-', '/'])?;
    let (first, last) = (number(a.trim())?, number(b.trim())?);
    Some((first, last.max(first)))
}

/// Upper case, without white space: how addressee lines and posts are compared.
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_squeezed(&mut out, s);
    out
}

fn push_squeezed(out: &mut String, s: &str) {
    out.extend(
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const CABLE: &str = "\
VZCZCXRO3391
OO RUEHC
DE RUEHLM #0418/01 1530915
ZNY CCCCC ZZH
O 020915Z JUN 09
FM AMEMBASSY COLOMBO
TO RUEHC/SECSTATE WASHDC IMMEDIATE 7702-7703
INFO RUEHNE/AMEMBASSY NEW DELHI PRIORITY 3310
RUEHKT/AMEMBASSY KATHMANDU

C O N F I D E N T I A L SECTION 01 OF 02 COLOMBO 000418

SIPDIS

E.O. 12958: DECL: 06/02/2019
TAGS: PREL [PHUM](#) CE
SUBJECT: SRI LANKA: AN INVENTED
CABLE   TO SUMMARISE

REF: A. COLOMBO 402
     B. 08 STATE 12093 AND 12107
     C. AN E-MAIL OF 05/29/09

Classified By: Ambassador Ruth Example. Reasons 1.4 (b) and (d).

1. (C) An invented paragraph.

EXAMPLE
";

    #[test]
    fn a_cable_is_summarised() {
        let s = CableSummary::of_text(CABLE);
        assert_eq!(s.kind, DocumentKind::Transmitted);
        assert_eq!(s.id_text().as_deref(), Some("09COLOMBO418"));
        assert_eq!(&CABLE[s.id_range.unwrap().as_range()], "COLOMBO 000418");
        assert_eq!(s.section, Some((1, 2)));
        let dtg = s.dtg.unwrap();
        assert_eq!((dtg.year, dtg.month, dtg.day), (2009, 6, 2));
        assert_eq!(&CABLE[dtg.range.as_range()], "020915Z JUN 09");
        assert_eq!(s.from.as_deref(), Some("AMEMBASSYCOLOMBO"));
        assert_eq!(
            s.subject.as_deref(),
            Some("SRI LANKA: AN INVENTED CABLE TO SUMMARISE")
        );
        assert!(CABLE[s.subject_range.unwrap().as_range()].starts_with("SUBJECT:"));
        let tags: Vec<&str> = s.tags.iter().map(|t| &**t).collect();
        assert_eq!(tags, ["PREL", "PHUM", "CE"]);
        let refs: Vec<(String, bool, &str)> = s
            .refs
            .iter()
            .map(|r| (r.id.id(), r.year_written, &CABLE[r.range.as_range()]))
            .collect();
        assert_eq!(
            refs,
            [
                ("09COLOMBO402".to_string(), false, "COLOMBO 402"),
                ("08STATE12093".to_string(), true, "08 STATE 12093"),
                ("08STATE12107".to_string(), true, "12107"),
            ]
        );
        let mcns: Vec<(&str, u32, u32, &str)> = s
            .mcns
            .iter()
            .map(|m| (&*m.addressee, m.first, m.last, &CABLE[m.range.as_range()]))
            .collect();
        assert_eq!(
            mcns,
            [
                ("RUEHC/SECSTATEWASHDC", 7702, 7703, "7702-7703"),
                ("RUEHNE/AMEMBASSYNEWDELHI", 3310, 3310, "3310"),
            ]
        );
        assert_eq!(s.mcns[0].block, AddresseeBlock::To);
        assert_eq!(s.mcns[1].block, AddresseeBlock::Info);
        assert!(CABLE[s.anchor.as_range()].starts_with("C O N F I D E N T I A L"));
        // Made again from the same text, the summary is equal: how readers check a file is unchanged.
        assert_eq!(CableSummary::of_text(CABLE), s);
    }

    #[test]
    fn a_text_without_elements_gives_an_empty_summary() {
        for text in ["", "\n\n", "just some words\n"] {
            let s = CableSummary::of_text(text);
            assert!(s.id.is_none() && s.dtg.is_none() && s.from.is_none());
            assert!(s.tags.is_empty() && s.refs.is_empty() && s.mcns.is_empty());
            assert!(s.anchor.end as usize <= text.len());
        }
        let s = CableSummary::of_text("\n  \nwords here\n");
        assert_eq!(s.anchor, TextRange::new(4, 14));
    }

    #[test]
    fn a_draft_without_a_date_time_group_has_an_id_without_a_year() {
        let s = CableSummary::of_text(
            "UNCLAS OSLO 000012\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: A DRAFT\n\nREF: OSLO 11\n",
        );
        assert_eq!(s.kind, DocumentKind::Draft);
        let id = s.id.unwrap();
        assert_eq!((id.key.as_str(), id.number, id.year), ("OSLO", 12, None));
        assert_eq!(s.refs[0].id.year, None);
    }

    #[test]
    fn message_continuity_numbers_are_read_in_their_forms() {
        assert_eq!(read_mcn("7702"), Some((7702, 7702)));
        assert_eq!(read_mcn("0012"), Some((12, 12)));
        assert_eq!(read_mcn("7721-7722"), Some((7721, 7722)));
        assert_eq!(read_mcn("7721/7722"), Some((7721, 7722)));
        assert_eq!(read_mcn("7722-7721"), Some((7722, 7722)));
        for bad in ["", "X1", "12-", "-12", "1234567890", "12-AB"] {
            assert_eq!(read_mcn(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_summary_stays_small() {
        // An index keeps one per file: the fixed part must stay a few hundred bytes.
        assert!(
            std::mem::size_of::<CableSummary>() <= 256,
            "{}",
            std::mem::size_of::<CableSummary>()
        );
    }
}
