//! Facts several rules read: what the cable says, derived from the tree once (the [`Facts`] that
//! every rule sees in its [`Context`]) or by the functions below, so that no rule file imports
//! another and two rules never derive one fact two ways.

use crate::data::{Tables, TagKind};
use crate::rules::{Context, Settings};
use crate::syntax::{
    Cable, Decl, DocumentKind, EoValue, LineKind, Num, TagShape, TagToken, TextRange,
};
use crate::vocab::FILING_WINDOW_MINUTES;
use crate::vocab::{BannerLevel, Date, Level, SecurityCode};

/// Facts several rules need, computed once per cable.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// What the rules take the text for: the parse's [`DocumentKind`], except for a text whose only
    /// mark of the release is lines of hundreds of characters under a header dated in the drafting
    /// year or later (see [`document_kind`]), which is taken for what its header makes it.
    pub kind: DocumentKind,
    /// The date the date checks use: the date-time group's; for a draft without one (document kind
    /// `draft`), the drafting date (see [`drafting_date`]); else none (a record or received copy
    /// whose date-time group is lost has no date to check against).
    pub date: Option<Date>,
    /// Whether [`Facts::date`] is the drafting date rather than the date-time group's, so that
    /// messages name it as such.
    pub drafting: bool,
    /// The banner's classification.
    pub banner_level: Option<BannerLevel>,
    /// The highest portion marking and the paragraph that carries it first.
    pub highest_marking: Option<(Level, TextRange)>,
    /// The banner, when the header and the text were found to belong to different cables; the rules that
    /// compare them then stay silent and `header-text-mismatch` speaks once.
    pub header_text_mismatch: Option<TextRange>,
    /// Whether the cable is a corrected copy or reissue (caption or FL4/FL5 signals say so).
    pub corrected_copy: bool,
    /// The banner serial, when the release garbled it (see [`garbled_serial`]): the rules that read
    /// the serial leave it to `garbled-serial`.
    pub garbled_serial: Option<TextRange>,
}

/// The date a draft without a date-time group is checked against: the drafting date the user gave
/// (`--date`, `date =` in `cablelint.toml`), else today (UTC). Without a given date, a draft that
/// cites an executive order no longer in force today (E.O. 12958 after 2010) is the text of a cable
/// sent while that order was in force, pasted or kept as it was, not a draft written today: its
/// date is unknown and `None` is returned, as for a record whose date-time group is lost.
pub fn drafting_date(cable: &Cable, settings: &Settings) -> Option<Date> {
    if let Some(date) = settings.drafting_date {
        return Some(date);
    }
    let today = Date::now_utc().0;
    let cited = cable
        .body
        .eo
        .as_ref()
        .and_then(|eo| eo.number)
        .and_then(|n| crate::vocab::orders::executive_order(cable.text(n.range)));
    match cited {
        Some(order) if !order.citable_on(today) => None,
        _ => Some(today),
    }
}

/// The precedence that settles information addressees above every action addressee (spec §4
/// relations 2 and 3), when some INFO line outranks every TO line: the FL5 letter's precedence, or
/// the highest INFO precedence when that is lower. `info-precedence-too-high` lowers the INFO lines
/// above it to it and raises the highest TO line to it, and `precedence-mismatch` writes its letter
/// on FL5, so that fixing both leaves neither standing. NIACT IMMEDIATE is taken as IMMEDIATE (it
/// is an action addressee's word). `None` when no INFO line outranks the TO lines.
pub fn info_precedence_target(cable: &Cable) -> Option<crate::vocab::Precedence> {
    use crate::syntax::AddresseeBlock;
    use crate::vocab::Precedence;
    let top = |block: AddresseeBlock| {
        cable
            .header
            .addressees
            .iter()
            .filter(|a| a.block == block)
            .map(|a| a.precedence_value())
            .max_by_key(|p| p.letter_rank())
    };
    let (action, info) = (top(AddresseeBlock::To)?, top(AddresseeBlock::Info)?);
    if info.letter_rank() <= action.letter_rank() {
        return None;
    }
    let fl5 = cable.header.dtg.as_ref().and_then(|d| d.precedence_value);
    let target = match fl5 {
        Some(f) if f.letter_rank() < info.letter_rank() => f,
        _ => info,
    };
    Some(match target {
        Precedence::NiactImmediate => Precedence::Immediate,
        p => p,
    })
}

/// The banner serial when the release garbled it: the parse's `garbled-serial` artifact, except a
/// one- or two-digit serial that the parse took for a section number only because the text's lines
/// are joined by their length, in a text the rules take for a draft (see [`document_kind`]): there
/// it is the drafter's serial not yet padded (`OSLO 7`), `banner-serial-width`'s.
fn garbled_serial(cable: &Cable, kind: DocumentKind) -> Option<TextRange> {
    let r = cable
        .artifacts_of(crate::syntax::ArtifactKind::GarbledSerial)
        .next()?
        .range;
    let drafter_s = kind != DocumentKind::Record
        && cable.kind == DocumentKind::Record
        && r.len() <= 2
        && !crate::syntax::section_number_read(&cable.src[r.end()..]);
    (!drafter_s).then_some(r)
}

/// What the rules take the text for: [`crate::syntax::kind_on`] the drafting date (`--date`,
/// `date =`, else today), so that a draft being written whose paragraphs stand each on one line
/// is a draft, and a missing E.O. line, TAGS or SUBJECT is the drafter's error, not the release's.
fn document_kind(cable: &Cable, settings: &Settings) -> DocumentKind {
    crate::syntax::kind_on(cable, Date::given_or_today(settings.drafting_date))
}

impl Facts {
    /// How messages name [`Facts::date`]: `the drafting date` or `the cable's date`.
    pub fn date_name(&self) -> &'static str {
        if self.drafting {
            "the drafting date"
        } else {
            "the cable's date"
        }
    }

    /// How messages name the text the date belongs to: `draft` or `cable` (`a draft of 2026-11-30`).
    pub fn text_name(&self) -> &'static str {
        if self.drafting {
            "draft"
        } else {
            "cable"
        }
    }

    /// Derives the facts of a parsed cable; `settings` gives the drafting date.
    pub fn derive(cable: &Cable, settings: &Settings, tables: &Tables) -> Facts {
        let dtg_date = cable.header.dtg_date();
        let kind = document_kind(cable, settings);
        let drafting = dtg_date.is_none() && kind == DocumentKind::Draft;
        let date = if drafting {
            drafting_date(cable, settings)
        } else {
            dtg_date
        };
        let drafting = drafting && date.is_some();
        let banner_level = cable.body.banner.as_ref().map(|b| b.level);
        // A marked SUBJECT (`SUBJECT: (S) …`) counts in the roll-up like a paragraph (spec §3.13).
        let mut highest_marking: Option<(Level, TextRange)> = None;
        let subject_marking = cable.body.subject.as_ref().and_then(|s| s.marking.as_ref());
        let markings = subject_marking.into_iter().chain(
            cable
                .body
                .paragraphs
                .iter()
                .filter_map(|p| p.marking.as_ref()),
        );
        for m in markings {
            if let Some(level) = m.level {
                if highest_marking.is_none_or(|(l, _)| level > l) {
                    highest_marking = Some((level, m.range));
                }
            }
        }
        let corrected_copy = cable
            .body
            .captions
            .iter()
            .any(|c| c.kind == crate::vocab::CaptionKind::CorrectedCopy)
            || reissue_signal(cable)
            || corrected_copy_caption(cable);
        let header_text_mismatch = header_text_mismatch(cable, tables);
        // A header of another, earlier cable does not date this text.
        let date = if !drafting && header_text_mismatch.is_some() && header_predates_text(cable) {
            None
        } else {
            date
        };
        let garbled_serial = garbled_serial(cable, kind);
        Facts {
            garbled_serial,
            kind,
            date,
            drafting,
            banner_level,
            highest_marking,
            header_text_mismatch,
            corrected_copy,
        }
    }
}

/// Whether a line between the banner and the E.O. line is a corrected-copy caption in any spacing
/// or ordinal (`CORRECTED COPY`, `2ND C O R R E C T E D   C O P Y   (ADDED SIPDIS)`, spec §3.9).
/// Whether the security line or the DTG line carries an operating signal that released reissues
/// carry: `ZDK`, `ZDS` or `(CCY …)` (spec H-10 and the `CORRECTED COPY` caption; their meanings
/// are observed with corrected copies, not documented).
fn reissue_signal(cable: &Cable) -> bool {
    let security = cable.header.security.as_ref().map(|l| &l.signals);
    let dtg = cable.header.dtg.as_ref().map(|l| &l.signals);
    security.into_iter().chain(dtg).flatten().any(|&s| {
        let t = cable.text(s);
        t == "ZDK" || t == "ZDS" || t.starts_with("(CCY")
    })
}

fn corrected_copy_caption(cable: &Cable) -> bool {
    let Some(banner) = cable.body.banner.as_ref() else {
        return false;
    };
    let stop = cable.body.eo.as_ref().map_or(u32::MAX, |e| e.range.start);
    cable
        .lines
        .iter()
        .filter(|l| l.range.start > banner.range.start && l.range.start < stop)
        .take(12)
        .any(|l| {
            let squeezed: String = cable
                .text(l.range)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_uppercase();
            squeezed.contains("CORRECTEDCOPY")
        })
}

// The classification: banner against security line and E.O. line.

/// The security code and banner ranges when they disagree.
pub fn security_mismatch(
    cable: &Cable,
) -> Option<(TextRange, TextRange, SecurityCode, BannerLevel)> {
    let sec = cable.header.security.as_ref()?;
    let code = sec.level?;
    let banner = cable.body.banner.as_ref()?;
    if banner.level.security_codes().contains(&code) {
        return None;
    }
    Some((
        sec.code.unwrap_or(sec.range),
        banner.level_token,
        code,
        banner.level,
    ))
}

/// Whether the header and the text belong to different cables: returns the banner range to report.
pub fn header_text_mismatch(cable: &Cable, tables: &Tables) -> Option<TextRange> {
    let banner = cable.body.banner.as_ref()?;
    // A received copy has no DE serial to compare; a header dated before the executive order its
    // text cites, from another post than the banner's, cannot be that text's header.
    if header_predates_text(cable) && origin_matches(cable, tables) == Some(false) {
        return Some(banner.range);
    }
    let de = cable.header.de.as_ref()?;
    let serial_differs = match (de.serial, banner.serial) {
        (Some(d), Some(b)) => d.range.len() == 4 && d.value != b.value % 10_000,
        _ => false,
    };
    if !serial_differs {
        return None;
    }
    let origin_differs = origin_matches(cable, tables) == Some(false);
    let level_differs = security_mismatch(cable).is_some();
    (origin_differs || level_differs).then_some(banner.range)
}

/// Whether the date-time group is before the signing of the executive order the E.O. line cites
/// (a 1988 header on a text that cites E.O. 12958 of 1995): the date is not the text's.
pub fn header_predates_text(cable: &Cable) -> bool {
    let dtg = cable.header.dtg_date();
    let order = cable
        .body
        .eo
        .as_ref()
        .and_then(|eo| eo.number)
        .and_then(|n| crate::vocab::orders::executive_order(cable.text(n.range)));
    matches!((dtg, order), (Some(d), Some(o)) if d < o.signed)
}

/// The declassification date of the E.O. line and its range, when it is a calendar date.
pub fn decl_date(ctx: &Context) -> Option<(Date, TextRange)> {
    let eo = ctx.cable.body.eo.as_ref()?;
    match &eo.value {
        EoValue::Decl {
            decl: Decl::Date(d, _),
            spec,
            ..
        } => Some((*d, spec.unwrap_or(eo.range))),
        EoValue::BareDate(d, r) => Some((*d, *r)),
        _ => None,
    }
}

/// Whether the release dropped the banner of a transmitted cable or received copy: the header is
/// there (a transmitted cable's with a classification on its security line, `ZNY SSSSS`; a received
/// copy's from its date-time group on), and the text starts right at a caption (`SIPDIS`) or the
/// E.O. line, with no banner anywhere. The classification is not lost (the
/// security line carries it), and a cable that went through the system always had its banner
/// (spec B-1: such deviations are release corruption), so it is an incomplete record, not a fault
/// of the drafter. A draft without a banner is still an `invalid-banner` error, and so is a text
/// with a header dated less than a year before the drafting date (`--date`, `date =`, else today)
/// or later: a draft still being written, whose header `cablelint new` or the drafter wrote first
/// (the criterion of [`crate::syntax::kind_on`]; the released cables end in 2010).
pub fn banner_dropped(ctx: &Context) -> bool {
    let cable = ctx.cable;
    let drafting = Date::given_or_today(ctx.settings.drafting_date);
    if ctx
        .facts
        .date
        .is_some_and(|d| crate::syntax::written_recently(d, drafting))
    {
        return false;
    }
    let classified_header = cable
        .header
        .security
        .as_ref()
        .and_then(|s| s.level)
        .is_some();
    let copy = match ctx.facts.kind {
        DocumentKind::Transmitted => classified_header,
        // A received copy starts at the date-time group and has no security line; it is the copy
        // of a cable that was sent, so it had its banner.
        DocumentKind::ReceivedCopy => true,
        DocumentKind::Draft | DocumentKind::Record => false,
    };
    if cable.body.banner.is_some() || !copy {
        return false;
    }
    let first = cable.lines.iter().find(|l| {
        !matches!(
            l.kind,
            LineKind::Blank | LineKind::Artifact | LineKind::HeaderNoise
        ) && !l.kind.is_header_line()
    });
    first.is_some_and(|l| matches!(l.kind, LineKind::Caption | LineKind::Eo))
}

/// Whether the text is a release record (document kind `record`) that lacks its E.O. line, TAGS or
/// SUBJECT: `incomplete-record` reports it, and the absence of the elements near them is no
/// drafting fault either.
pub fn record_incomplete(ctx: &Context) -> bool {
    let b = &ctx.cable.body;
    ctx.facts.kind == DocumentKind::Record
        && (b.eo.is_none() || b.tags.is_none() || b.subject.is_none())
}

/// The section count every continuation header of the cable gives, and their ranges, when it is
/// not the banner's `OF m` while the headers agree with each other and with the banner serial (at
/// least two of them): a count the release garbled (spec §3.19), reported once by
/// `garbled-continuation` and left alone by `continuation-mismatch`.
pub fn continuation_count_garbled(cable: &Cable) -> Option<(u32, Vec<TextRange>)> {
    let banner = cable.body.banner.as_ref()?;
    let (_, m) = banner.section?;
    let serial = banner.serial?.value;
    let own: Vec<_> = cable
        .body
        .continuations
        .iter()
        .filter(|c| c.serial.value == serial)
        .collect();
    let total = own.first()?.total.value;
    let consistent = own.len() >= 2
        && own
            .iter()
            .all(|c| c.total.value == total && c.page.value <= total);
    (consistent && total != m.value).then(|| (total, own.iter().map(|c| c.range).collect()))
}

// The header: the FM post, the DE line and the date-time group.

/// Post-type words that the banner origin leaves out (`AMEMBASSY TOKYO` → `TOKYO`).
const POST_TYPES: [&str; 10] = [
    "AMEMBASSY",
    "AMCONSUL",
    "USMISSION",
    "USINT",
    "AIT",
    "USLO",
    "REO",
    "AMCONGEN",
    "USOFFICE",
    "AMEMB",
];

/// The forms a FM post may take as a banner origin.
pub fn origin_candidates(plad: &str, tables: &Tables) -> Vec<String> {
    let plad = plad.split("//").next().unwrap_or(plad).trim();
    // A two-letter country code after the post (`AMEMBASSY TRIPOLI LY`) is no part of the origin.
    let plad = match plad.rsplit_once(' ') {
        Some((head, cc))
            if cc.len() == 2
                && cc.bytes().all(|b| b.is_ascii_uppercase())
                && head.contains(' ') =>
        {
            head
        }
        _ => plad,
    };
    let mut out = vec![plad.to_string()];
    if let Some((first, rest)) = plad.split_once(' ') {
        if POST_TYPES.contains(&first) {
            out.push(rest.to_string());
        }
    }
    // A qualifier before the post (`IRAN RPO DUBAI` sends as `RPO DUBAI`).
    let words: Vec<&str> = plad.split(' ').collect();
    if words.len() >= 3 {
        out.push(words[1..].join(" "));
    }
    match plad {
        "SECSTATE WASHDC" | "SECSTATE WASHINGTON DC" => out.push("STATE".into()),
        "USDEL SECRETARY" => {
            out.push("PARTO".into());
            out.push("SECTO".into());
        }
        _ => {}
    }
    if let Some(station) = tables.post_by_name(plad).and_then(|p| p.station.clone()) {
        out.push(station);
    }
    out
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Whether the FM post and the banner origin name the same station; `None` when either is missing.
pub fn origin_matches(cable: &Cable, tables: &Tables) -> Option<bool> {
    let plad = cable.text(cable.header.fm.as_ref()?.plad?);
    let origin = squeeze(cable.text(cable.body.banner.as_ref()?.origin?));
    if origin.bytes().all(|c| c == b'X') {
        return None;
    }
    Some(
        origin_candidates(plad, tables)
            .iter()
            .any(|c| squeeze(c) == origin),
    )
}

/// The DE filing time read against the date-time group.
pub struct Filing {
    /// Minutes from the DTG to the DE filing time (the DE day may be the DTG's day or a neighbour,
    /// across a year end too).
    pub offset: i64,
    /// The DTG's day of the year.
    pub ordinal: u32,
    pub date: Date,
    pub julian: Num,
    pub time: Num,
    pub dtg_range: TextRange,
}

impl Filing {
    /// Both lines read, when they are readable.
    pub fn read(ctx: &Context) -> Option<Filing> {
        let de = ctx.cable.header.de.as_ref()?;
        let dtg_line = ctx.cable.header.dtg.as_ref()?;
        let dtg = dtg_line.dtg?;
        let date = dtg.date()?;
        let (julian, time) = (de.julian_day?, de.time?);
        let (j, t) = (julian.value, time.value);
        if !(1..=366).contains(&j) || t / 100 > 23 || t % 100 > 59 {
            return None;
        }
        let ordinal = date.ordinal() as i64;
        let mut day_diff = j as i64 - ordinal;
        // A DE day in the next or previous year (filed across 31 December).
        if day_diff < -300 {
            day_diff += i64::from(Date::days_in_year(date.year));
        } else if day_diff > 300 {
            day_diff -= i64::from(Date::days_in_year(date.year - 1));
        }
        let de_min = (t / 100 * 60 + t % 100) as i64;
        let dtg_min = (dtg.hour * 60 + dtg.minute) as i64;
        Some(Filing {
            offset: day_diff * 1440 + de_min - dtg_min,
            ordinal: date.ordinal(),
            date,
            julian,
            time,
            dtg_range: dtg_line.range,
        })
    }

    /// Whether the DE day is explained: the DTG's own day, or a neighbouring one within an hour of
    /// the DTG (filed around midnight).
    pub fn day_matches(&self) -> bool {
        self.julian.value == self.ordinal
            || (-FILING_WINDOW_MINUTES..=FILING_WINDOW_MINUTES).contains(&self.offset)
    }
}

// The REF block.

/// A cable reference with what the rules need: [`crate::syntax::CitedCable`].
pub type Cited = crate::syntax::CitedCable;

/// Every cable reference of the cable's REF block, in document order, dated by the cable's date.
pub fn cited(ctx: &Context) -> Vec<Cited> {
    crate::syntax::cited_cables(ctx.cable, ctx.facts.date.map(|d| d.year))
}

/// The DE serial and the banner serial when the DE line's four-digit station serial is not the
/// last four digits of the banner serial (`#4427` under `NAIROBI 004428`); `None` when they agree,
/// when either is missing or the DE serial is not four digits, and for the Secretary's
/// travelling-party series (PARTO, SECTO, TOSEC), which number their cables apart from the station
/// serial. The rule `de-serial-mismatch` reports it and `inspect` notes it under the id.
pub fn de_serial_mismatch(cable: &Cable<'_>) -> Option<(Num, Num)> {
    let (de, b) = (cable.header.de.as_ref()?, cable.body.banner.as_ref()?);
    let (ds, bs) = (de.serial?, b.serial?);
    if ds.range.len() != 4 || ds.value == bs.value % 10_000 {
        return None;
    }
    if b.origin
        .is_some_and(|o| matches!(cable.text(o), "PARTO" | "SECTO" | "TOSEC"))
    {
        return None;
    }
    Some((ds, bs))
}

/// The citing cable's own origin (as ids write it) and serial, from the banner.
pub fn own_origin_serial(ctx: &Context) -> Option<(String, u32)> {
    crate::syntax::own_origin_serial(ctx.cable)
}

// TAGS.

/// The kind of a TAGS token: from the tables when they know the code, else from its shape for
/// personal tags.
/// Subject tags of the 1970s that later lists dropped (spec §6.2.9), with the last year they were
/// in use: they count as subject tags for cables of their time.
const EARLIER_SUBJECT_TAGS: [(&str, i32); 3] = [("PINT", 1979), ("PFOR", 1979), ("PEPR", 1979)];

pub fn tag_kind(ctx: &Context, t: &TagToken) -> Option<TagKind> {
    if t.shape == TagShape::Personal {
        return Some(TagKind::Personal);
    }
    let code = ctx.text(t.code);
    if let Some(e) = ctx.tables.tag(code) {
        return Some(e.kind);
    }
    let year = ctx.facts.date.map(|d| d.year)?;
    EARLIER_SUBJECT_TAGS
        .iter()
        .any(|&(c, last)| c.eq_ignore_ascii_case(code) && year <= last)
        .then_some(TagKind::Subject)
}

/// The TAGS line's range when it has no token of `kind`; `None` when it has one, when there is no
/// line, or when the line is empty (`missing-tags` reports that).
pub fn lacks_tag_kind(ctx: &Context, kind: TagKind) -> Option<crate::syntax::TextRange> {
    let tags = ctx
        .cable
        .body
        .tags
        .as_ref()
        .filter(|t| !t.tokens.is_empty())?;
    let has = tags.tokens.iter().any(|t| {
        tag_kind(ctx, t) == Some(kind) || corrected_tags_have(ctx, ctx.text(t.code), kind)
    });
    (!has).then_some(tags.range)
}

/// Whether a token that is no tag has a certain correction to codes one of which is of `kind`:
/// tags run together without their spaces (`KWMNCS` = `KWMN CS`, `ETRDEINVPGOVCS` = `ETRD EINV
/// PGOV CS`, as some posts' TAGS lines reached the release), or a country's ISO code written for
/// its TAGS code (`DE` for `GM`, Germany). `misused-tag` offers the correction as its fix (a split
/// only when it is the one way to read the token), so the kind is not missing, only misspelt.
fn corrected_tags_have(ctx: &Context, code: &str, kind: TagKind) -> bool {
    if ctx.tables.tag(code).is_some() {
        return false;
    }
    ctx.tables.tag_fix(code).is_some_and(|f| {
        f.replacement
            .split(' ')
            .any(|p| ctx.tables.tag(p).is_some_and(|t| t.kind == kind))
    })
}
