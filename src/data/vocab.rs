//! Closed vocabularies of the cable format: precedences, classification levels and their
//! security-warning codes, captions and dissemination controls, portion markings, executive
//! orders, classification reasons and declassification exemptions.
//!
//! Everything here is static data with the source named beside it; section numbers such as §3.9
//! refer to `../shared/spec/cable-format.md`. Where the source only summarises a legal text, the
//! sentence here is a summary too and says so.

/// A calendar date (no time zone), used for the dates of effect of executive orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

// ------------------------------------------------------------------------------------------------
// Precedence (spec §4)
// ------------------------------------------------------------------------------------------------

/// One message precedence with its three written forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Precedence {
    /// The name, e.g. `NIACT IMMEDIATE`.
    pub name: &'static str,
    /// The word written after an addressee; `None` for ROUTINE, which is expressed by writing no
    /// word (0 of about 42,600 addressee lines carry `ROUTINE`).
    pub word: Option<&'static str>,
    /// The letter of format line 5 (`O 170814Z MAY 07`).
    pub letter: char,
    /// The prosign digraph of format line 2 (`OO RUEHFK`).
    pub prosign: &'static str,
    /// Other prosigns seen for it (`NN` once for a NIACT cable).
    pub other_prosigns: &'static [&'static str],
    /// Higher is more urgent: ROUTINE 1 … FLASH 5.
    pub rank: u8,
    pub description: &'static str,
}

/// The precedences, most urgent first.
pub const PRECEDENCES: &[Precedence] = &[
    Precedence {
        name: "FLASH",
        word: Some("FLASH"),
        letter: 'Z',
        prosign: "ZZ",
        other_prosigns: &[],
        rank: 5,
        description: "The highest precedence; a FLASH message must be sent as a separate \
                      transmission (5 FAH-2 H-321.2).",
    },
    Precedence {
        name: "NIACT IMMEDIATE",
        word: Some("NIACT IMMEDIATE"),
        letter: 'O',
        prosign: "OO",
        other_prosigns: &["NN"],
        rank: 4,
        description: "Night action: the action addressees so marked must act at once, whatever \
                      the time of day; paragraph 1 must justify it (5 FAH-2 H-420).",
    },
    Precedence {
        name: "IMMEDIATE",
        word: Some("IMMEDIATE"),
        letter: 'O',
        prosign: "OO",
        other_prosigns: &[],
        rank: 3,
        description: "Urgent handling ahead of PRIORITY and ROUTINE traffic.",
    },
    Precedence {
        name: "PRIORITY",
        word: Some("PRIORITY"),
        letter: 'P',
        prosign: "PP",
        other_prosigns: &[],
        rank: 2,
        description: "Prompt handling ahead of ROUTINE traffic; the most common precedence word \
                      in the released cables.",
    },
    Precedence {
        name: "ROUTINE",
        word: None,
        letter: 'R',
        prosign: "RR",
        other_prosigns: &[],
        rank: 1,
        description: "Normal handling; written by leaving the precedence word out.",
    },
];

/// The precedence written as `word` on an addressee line (`IMMEDIATE`, `NIACT IMMEDIATE` …).
/// `ROUTINE`, which is never written there, is found by its name.
pub fn precedence_by_word(word: &str) -> Option<&'static Precedence> {
    PRECEDENCES
        .iter()
        .find(|p| p.word.is_some_and(|w| w.eq_ignore_ascii_case(word)) || p.name == word)
}

/// The precedence that `letter` stands for on format line 5. `O` is IMMEDIATE: NIACT IMMEDIATE
/// shares the letter and is told apart only on the addressee lines.
pub fn precedence_by_letter(letter: char) -> Option<&'static Precedence> {
    let letter = letter.to_ascii_uppercase();
    PRECEDENCES
        .iter()
        .filter(|p| p.letter == letter)
        .min_by_key(|p| p.rank)
}

/// The precedence that the format-line-2 prosign stands for (`ZZ`, `OO`, `PP`, `RR`, and `NN`,
/// seen once on a NIACT cable). `OO` is IMMEDIATE, as with the letter `O`.
pub fn precedence_by_prosign(prosign: &str) -> Option<&'static Precedence> {
    if prosign == "OO" {
        return precedence_by_word("IMMEDIATE");
    }
    PRECEDENCES
        .iter()
        .find(|p| p.prosign == prosign || p.other_prosigns.contains(&prosign))
}

// ------------------------------------------------------------------------------------------------
// Classification (spec §3.4, §3.8, §3.16)
// ------------------------------------------------------------------------------------------------

/// Classification levels in ascending order, so that `Level::Secret > Level::Confidential`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Unclassified,
    /// `LIMITED OFFICIAL USE`, an administrative control of pre-1995 cables, ranked between
    /// unclassified and confidential.
    LimitedOfficialUse,
    Confidential,
    Secret,
    TopSecret,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Unclassified => "UNCLASSIFIED",
            Level::LimitedOfficialUse => "LIMITED OFFICIAL USE",
            Level::Confidential => "CONFIDENTIAL",
            Level::Secret => "SECRET",
            Level::TopSecret => "TOP SECRET",
        }
    }
}

/// One classification as it is written in the header, the banner and the paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    pub level: Level,
    /// The name, e.g. `CONFIDENTIAL` or `UNCLASSIFIED EFTO`.
    pub name: &'static str,
    /// Banner forms, the usual one first (`C O N F I D E N T I A L`).
    pub banners: &'static [&'static str],
    /// The format-line-4 security warning (`ZNY CCCCC`), when known.
    pub security_warning: Option<&'static str>,
    /// The five-letter security code inside that warning (`CCCCC`).
    pub code: Option<&'static str>,
    /// The portion marking of a paragraph at this level (`C`), when there is one.
    pub portion: Option<&'static str>,
    pub description: &'static str,
}

/// The classifications. Source: TPUB-FL4 (`ZNR UUUUU`, `ZNY EEEEE`, `ZNY CCCCC/SSSSS/TTTTT`),
/// 5 FAH-2 H-220 (classification line values) and the banners counted in spec §3.8.
pub const CLASSIFICATIONS: &[Classification] = &[
    Classification {
        level: Level::Unclassified,
        name: "UNCLASSIFIED",
        banners: &["UNCLAS", "UNCLASSIFIED"],
        security_warning: Some("ZNR UUUUU"),
        code: Some("UUUUU"),
        portion: Some("U"),
        description: "Not classified. The banner says UNCLAS; UNCLASSIFIED appears in older \
                      cables only.",
    },
    Classification {
        level: Level::Unclassified,
        name: "UNCLASSIFIED EFTO",
        banners: &["UNCLAS E F T O"],
        security_warning: Some("ZNY EEEEE"),
        code: Some("EEEEE"),
        portion: Some("U"),
        description: "Unclassified, but to be encrypted before transmission: Encrypt For \
                      Transmission Only (5 FAH-2 H-220).",
    },
    Classification {
        level: Level::LimitedOfficialUse,
        name: "LIMITED OFFICIAL USE",
        banners: &["LIMITED OFFICIAL USE"],
        security_warning: None,
        code: None,
        portion: None,
        description: "An administrative control on unclassified information used before 1995; \
                      later cables use SENSITIVE BUT UNCLASSIFIED instead.",
    },
    Classification {
        level: Level::Confidential,
        name: "CONFIDENTIAL",
        banners: &["C O N F I D E N T I A L", "CONFIDENTIAL"],
        security_warning: Some("ZNY CCCCC"),
        code: Some("CCCCC"),
        portion: Some("C"),
        description: "Information whose unauthorized disclosure could reasonably be expected to \
                      cause damage to the national security.",
    },
    Classification {
        level: Level::Secret,
        name: "SECRET",
        banners: &["S E C R E T", "SECRET"],
        security_warning: Some("ZNY SSSSS"),
        code: Some("SSSSS"),
        portion: Some("S"),
        description: "Information whose unauthorized disclosure could reasonably be expected to \
                      cause serious damage to the national security.",
    },
    Classification {
        level: Level::TopSecret,
        name: "TOP SECRET",
        banners: &["TOP SECRET", "T O P S E C R E T"],
        security_warning: Some("ZNY TTTTT"),
        code: Some("TTTTT"),
        portion: Some("TS"),
        description: "Information whose unauthorized disclosure could reasonably be expected to \
                      cause exceptionally grave damage to the national security. No released \
                      cable is TOP SECRET (SIPRNet carries up to SECRET), so the banner form is \
                      not attested.",
    },
];

/// The classification written with this security code (`CCCCC`) or warning (`ZNY CCCCC`).
pub fn classification_by_code(code: &str) -> Option<&'static Classification> {
    CLASSIFICATIONS
        .iter()
        .find(|c| c.code == Some(code) || c.security_warning == Some(code))
}

/// The classification written with this banner form (`C O N F I D E N T I A L`, `UNCLAS` …).
pub fn classification_by_banner(banner: &str) -> Option<&'static Classification> {
    CLASSIFICATIONS.iter().find(|c| c.banners.contains(&banner))
}

/// Suffixes of the security code for special-category (SPECAT) traffic: `ZNY SSSSS/AAAAA`
/// (TPUB-FL4). The corpus also shows the variants `SSSAA` and `UUUAA` (spec §3.4).
pub const SPECAT_SUFFIXES: &[&str] = &["AAAAA", "BBBBB"];

/// Format-line-4 security prosigns.
pub const SECURITY_PROSIGNS: &[(&str, &str)] = &[
    (
        "ZNR",
        "Sent in the clear: unclassified, or classified and encrypted off line (TPUB-FL4).",
    ),
    (
        "ZNY",
        "Encrypted on line: unclassified EFTO, CONFIDENTIAL, SECRET or TOP SECRET (TPUB-FL4).",
    ),
];

// ------------------------------------------------------------------------------------------------
// Captions and dissemination controls (spec §3.9, §3.16)
// ------------------------------------------------------------------------------------------------

/// What a caption line does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaptionKind {
    /// Where the cable may be posted (`SIPDIS`).
    Distribution,
    /// Who may read it (`NODIS`, `EXDIS`, `LIMDIS`, `STADIS`, `SPECAT`); most restrictive first.
    Restrictive,
    /// A control on who may receive the information (`NOFORN`).
    Control,
    /// A handling instruction for unclassified information (`SENSITIVE`, `FOR OFFICIAL USE ONLY`).
    Handling,
    /// A reissue marker (`CORRECTED COPY`).
    Reissue,
    /// Congressional handling (`CODEL`, `H PASS`).
    Congressional,
}

impl CaptionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CaptionKind::Distribution => "distribution",
            CaptionKind::Restrictive => "restrictive",
            CaptionKind::Control => "control",
            CaptionKind::Handling => "handling",
            CaptionKind::Reissue => "reissue",
            CaptionKind::Congressional => "congressional",
        }
    }
}

/// A caption line written between the banner and the E.O. line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caption {
    pub name: &'static str,
    pub kind: CaptionKind,
    /// For restrictive captions: 1 is the most restrictive; they are written in that order.
    pub restriction: u8,
    pub description: &'static str,
}

/// The captions, with a sentence on each. Sources: 05 STATE 226504 and 06 STATE 89712 (SIPDIS),
/// 5 FAH-2 H-250 (SPECAT, STADIS, order of restrictive captions), spec §3.9 counts.
pub const CAPTIONS: &[Caption] = &[
    Caption {
        name: "SIPDIS",
        kind: CaptionKind::Distribution,
        restriction: 0,
        description: "SIPRNet distribution: the cable may be posted on the Secret Internet \
                      Protocol Router Network for other agencies to read. It may not be combined \
                      with a restrictive caption such as NODIS or EXDIS (05 STATE 226504).",
    },
    Caption {
        name: "NOFORN",
        kind: CaptionKind::Control,
        restriction: 0,
        description: "Not releasable to foreign nationals: for telegrams not appropriate for \
                      sharing outside the U.S. Government (05 STATE 226504).",
    },
    Caption {
        name: "NOT RELEASABLE TO FOREIGN NATIONALS",
        kind: CaptionKind::Control,
        restriction: 0,
        description: "The spelled-out form of NOFORN.",
    },
    Caption {
        name: "NODIS",
        kind: CaptionKind::Restrictive,
        restriction: 1,
        description: "No distribution beyond the addressees named: the most restrictive \
                      caption, for messages of the highest sensitivity.",
    },
    Caption {
        name: "SPECAT",
        kind: CaptionKind::Restrictive,
        restriction: 1,
        description: "Special category: handled only by cleared communications staff; the \
                      security warning carries /AAAAA or /BBBBB. SPECAT EXCLUSIVE is comparable \
                      to NODIS (5 FAH-2 H-250).",
    },
    Caption {
        name: "EXDIS",
        kind: CaptionKind::Restrictive,
        restriction: 2,
        description: "Exclusive distribution: limited to officers with an essential need to \
                      know; less restrictive than NODIS.",
    },
    Caption {
        name: "LIMDIS",
        kind: CaptionKind::Restrictive,
        restriction: 3,
        description: "Limited distribution: limited to the offices directly concerned.",
    },
    Caption {
        name: "STADIS",
        kind: CaptionKind::Restrictive,
        restriction: 4,
        description: "State distribution only: not to be distributed outside the Department of \
                      State. It may be used with EXDIS or NODIS, the most restrictive caption \
                      first (5 FAH-2 H-250).",
    },
    Caption {
        name: "SENSITIVE",
        kind: CaptionKind::Handling,
        restriction: 0,
        description: "Sensitive But Unclassified (SBU): unclassified information that warrants \
                      protection from public release. It is an administrative control, not a \
                      classification.",
    },
    Caption {
        name: "SENSITIVE BUT UNCLASSIFIED",
        kind: CaptionKind::Handling,
        restriction: 0,
        description: "The spelled-out form of the SBU control: unclassified information that \
                      warrants protection from public release.",
    },
    Caption {
        name: "SBU",
        kind: CaptionKind::Handling,
        restriction: 0,
        description: "Sensitive But Unclassified: unclassified information that warrants \
                      protection from public release.",
    },
    Caption {
        name: "FOR OFFICIAL USE ONLY",
        kind: CaptionKind::Handling,
        restriction: 0,
        description: "For Official Use Only (FOUO): unclassified information not to be released \
                      to the public. The release metadata labels SENSITIVE cables \
                      UNCLASSIFIED//FOR OFFICIAL USE ONLY.",
    },
    Caption {
        name: "NOT FOR INTERNET DISTRIBUTION",
        kind: CaptionKind::Handling,
        restriction: 0,
        description: "SBU handling: the text must not be posted on the Internet.",
    },
    Caption {
        name: "CORRECTED COPY",
        kind: CaptionKind::Reissue,
        restriction: 0,
        description: "A reissue that corrects an earlier transmission; the reason follows in \
                      parentheses, e.g. (CAPTION ADDED).",
    },
    Caption {
        name: "CODEL",
        kind: CaptionKind::Congressional,
        restriction: 0,
        description: "Congressional delegation: the cable concerns a visit by members of \
                      Congress, often followed by the delegation's name (CODEL LEVIN).",
    },
    Caption {
        name: "H PASS",
        kind: CaptionKind::Congressional,
        restriction: 0,
        description: "Passing instruction for the Bureau of Legislative Affairs (H), usually \
                      with a congressional delegation named after it.",
    },
];

/// The caption with this name (`SIPDIS`, `FOR OFFICIAL USE ONLY` …), ignoring ASCII case.
pub fn caption(name: &str) -> Option<&'static Caption> {
    CAPTIONS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

// ------------------------------------------------------------------------------------------------
// Portion markings (spec §3.16)
// ------------------------------------------------------------------------------------------------

/// A level written in a portion marking such as `(C)` or `(SBU)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortionLevel {
    pub code: &'static str,
    pub level: Level,
    /// `true` for SBU: unclassified with an administrative control.
    pub controlled: bool,
    pub description: &'static str,
}

/// The portion-marking levels (5 FAH-1 H-246.2: "(U), (C), (S) or (TS) … (SBU) or (SBU/N)").
pub const PORTION_LEVELS: &[PortionLevel] = &[
    PortionLevel {
        code: "U",
        level: Level::Unclassified,
        controlled: false,
        description: "Unclassified paragraph.",
    },
    PortionLevel {
        code: "SBU",
        level: Level::Unclassified,
        controlled: true,
        description: "Sensitive But Unclassified paragraph.",
    },
    PortionLevel {
        code: "C",
        level: Level::Confidential,
        controlled: false,
        description: "Confidential paragraph.",
    },
    PortionLevel {
        code: "S",
        level: Level::Secret,
        controlled: false,
        description: "Secret paragraph.",
    },
    PortionLevel {
        code: "TS",
        level: Level::TopSecret,
        controlled: false,
        description: "Top Secret paragraph (not seen in the released cables).",
    },
];

/// A control written after the level in a portion marking (`(S//NF)`, `(C/REL NATO)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortionControl {
    pub code: &'static str,
    /// The caption a cable with such paragraphs should carry, if any.
    pub caption: Option<&'static str>,
    /// `true` when a list of countries or organizations follows (`REL TO USA, FVEY`).
    pub takes_list: bool,
    pub description: &'static str,
}

/// The portion-marking controls seen in the cables (spec §3.16).
pub const PORTION_CONTROLS: &[PortionControl] = &[
    PortionControl {
        code: "NF",
        caption: Some("NOFORN"),
        takes_list: false,
        description: "NOFORN: not releasable to foreign nationals.",
    },
    PortionControl {
        code: "NOFORN",
        caption: Some("NOFORN"),
        takes_list: false,
        description: "Not releasable to foreign nationals.",
    },
    PortionControl {
        code: "FOUO",
        caption: None,
        takes_list: false,
        description: "For Official Use Only: not to be released to the public.",
    },
    PortionControl {
        code: "FGI",
        caption: None,
        takes_list: false,
        description: "Foreign government information: provided by a foreign government in \
                      confidence.",
    },
    PortionControl {
        code: "MR",
        caption: None,
        takes_list: false,
        description: "Manual review, a declassification instruction carried in the marking \
                      (SECRET//FGI//NOFORN//MR).",
    },
    PortionControl {
        code: "REL TO",
        caption: None,
        takes_list: true,
        description: "Releasable to the countries or organizations listed (REL TO USA, FVEY).",
    },
    PortionControl {
        code: "REL",
        caption: None,
        takes_list: true,
        description: "Releasable to the countries or organizations listed (REL NATO); short for \
                      REL TO.",
    },
];

/// Legacy whole-marking forms: `(SBU/N)` for SBU NOFORN (5 FAH-1 H-246.2) and the 1970s–1990s
/// `(C - ENTIRE TEXT)`.
pub const LEGACY_PORTION_MARKINGS: &[(&str, &str)] = &[
    (
        "SBU/N",
        "Sensitive But Unclassified, NOFORN (5 FAH-1 H-246.2).",
    ),
    (
        "C - ENTIRE TEXT",
        "Older form: the whole text is CONFIDENTIAL and paragraphs are not marked one by one.",
    ),
];

/// The portion-marking level written as `code` (`U`, `SBU`, `C`, `S`, `TS`).
pub fn portion_level(code: &str) -> Option<&'static PortionLevel> {
    PORTION_LEVELS.iter().find(|l| l.code == code)
}

/// The portion-marking control written as `code` (`NF`, `NOFORN`, `FOUO`, `FGI`, `MR`, `REL TO` …).
pub fn portion_control(code: &str) -> Option<&'static PortionControl> {
    PORTION_CONTROLS.iter().find(|c| c.code == code)
}

// ------------------------------------------------------------------------------------------------
// Executive orders (spec §3.11)
// ------------------------------------------------------------------------------------------------

/// An executive order on classified national security information, cited on the `E.O.` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecutiveOrder {
    pub number: &'static str,
    pub signed: Date,
    /// The date from which it governed classification.
    pub effective: Date,
    /// The date its successor took effect, if any.
    pub superseded: Option<Date>,
    /// A typical E.O. line of its era.
    pub example: &'static str,
    pub description: &'static str,
}

/// The orders in the order they applied. Dates: 11652 signed 8 March 1972, effective 1 June 1972;
/// 12065 effective 1 December 1978 (1978 STATE 296107); 12356 signed 2 April 1982, effective
/// 1 August 1982; 12958 signed 17 April 1995, effective 14 October 1995, amended by E.O. 13292 of
/// 25 March 2003; 13526 signed 29 December 2009, effective 27 June 2010.
pub const EXECUTIVE_ORDERS: &[ExecutiveOrder] = &[
    ExecutiveOrder {
        number: "11652",
        signed: Date::new(1972, 3, 8),
        effective: Date::new(1972, 6, 1),
        superseded: Some(Date::new(1978, 12, 1)),
        example: "E.O. 11652: GDS",
        description: "Classification and Declassification of National Security Information and \
                      Material (1972). Cables of its era write GDS (General Declassification \
                      Schedule) or N/A.",
    },
    ExecutiveOrder {
        number: "12065",
        signed: Date::new(1978, 6, 28),
        effective: Date::new(1978, 12, 1),
        superseded: Some(Date::new(1982, 8, 1)),
        example: "E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P",
        description: "National Security Information (1978).",
    },
    ExecutiveOrder {
        number: "12356",
        signed: Date::new(1982, 4, 2),
        effective: Date::new(1982, 8, 1),
        superseded: Some(Date::new(1995, 10, 14)),
        example: "E.O. 12356: DECL: OADR",
        description: "National Security Information (1982). Classified cables usually write \
                      DECL: OADR (originating agency's determination required).",
    },
    ExecutiveOrder {
        number: "12958",
        signed: Date::new(1995, 4, 17),
        effective: Date::new(1995, 10, 14),
        superseded: Some(Date::new(2010, 6, 27)),
        example: "E.O. 12958: DECL: 05/17/2016",
        description: "Classified National Security Information (1995), amended by E.O. 13292 \
                      (25 March 2003), which moved the classification categories from section \
                      1.5 to 1.4 and added weapons of mass destruction. Cited by every cable \
                      from 1995 to 2010.",
    },
    ExecutiveOrder {
        number: "13526",
        signed: Date::new(2009, 12, 29),
        effective: Date::new(2010, 6, 27),
        superseded: None,
        example: "E.O. 13526: DECL: 06/30/2020",
        description: "Classified National Security Information (2009), replacing E.O. 12958; \
                      same categories 1.4(a)-(h). No released cable cites it.",
    },
];

/// E.O. 13292 amended E.O. 12958; cables kept citing 12958.
pub const AMENDING_ORDER_13292: Date = Date::new(2003, 3, 25);

/// The order with this number (`12958`).
pub fn executive_order(number: &str) -> Option<&'static ExecutiveOrder> {
    EXECUTIVE_ORDERS.iter().find(|o| o.number == number)
}

/// The order that governed classification on `date`.
pub fn executive_order_in_force(date: Date) -> Option<&'static ExecutiveOrder> {
    EXECUTIVE_ORDERS
        .iter()
        .find(|o| o.effective <= date && o.superseded.is_none_or(|end| date < end))
}

/// Words of the E.O. value other than a date (spec §3.11).
pub const DECLASSIFICATION_KEYWORDS: &[(&str, &str)] = &[
    ("N/A", "Not applicable: the cable is unclassified."),
    (
        "OADR",
        "Originating Agency's Determination Required (E.O. 12356): no date, the originator \
         decides.",
    ),
    (
        "GDS",
        "General Declassification Schedule (E.O. 11652 and 12065).",
    ),
    (
        "MR",
        "Manual review: the information is to be reviewed before declassification.",
    ),
    (
        "DNG",
        "Downgrade instruction: DNG: CO 01/26/2021 downgrades to CONFIDENTIAL on that date.",
    ),
];

// ------------------------------------------------------------------------------------------------
// Classification reasons (spec §3.15)
// ------------------------------------------------------------------------------------------------

/// A classification category cited as `1.4 (b)` or, before 2004, `1.5 (b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason {
    pub letter: char,
    pub text: &'static str,
}

/// Section 1.4 of E.O. 12958 as amended by E.O. 13292 (2003), the reasons cited from 2004 on;
/// E.O. 13526 keeps the same eight letters.
pub const REASONS_1_4: &[Reason] = &[
    Reason {
        letter: 'a',
        text: "military plans, weapons systems, or operations",
    },
    Reason {
        letter: 'b',
        text: "foreign government information",
    },
    Reason {
        letter: 'c',
        text: "intelligence activities (including special activities), intelligence sources \
               or methods, or cryptology",
    },
    Reason {
        letter: 'd',
        text: "foreign relations or foreign activities of the United States, including \
               confidential sources",
    },
    Reason {
        letter: 'e',
        text: "scientific, technological, or economic matters relating to the national \
               security, which includes defense against transnational terrorism",
    },
    Reason {
        letter: 'f',
        text: "United States Government programs for safeguarding nuclear materials or \
               facilities",
    },
    Reason {
        letter: 'g',
        text: "vulnerabilities or capabilities of systems, installations, infrastructures, \
               projects, plans, or protection services relating to the national security, \
               which includes defense against transnational terrorism",
    },
    Reason {
        letter: 'h',
        text: "weapons of mass destruction",
    },
];

/// Section 1.5 of E.O. 12958 as signed in 1995: seven categories, cited until early 2004.
pub const REASONS_1_5: &[Reason] = &[
    Reason {
        letter: 'a',
        text: "military plans, weapons systems, or operations",
    },
    Reason {
        letter: 'b',
        text: "foreign government information",
    },
    Reason {
        letter: 'c',
        text: "intelligence activities (including special activities), intelligence sources \
               or methods, or cryptology",
    },
    Reason {
        letter: 'd',
        text: "foreign relations or foreign activities of the United States, including \
               confidential sources",
    },
    Reason {
        letter: 'e',
        text: "scientific, technological, or economic matters relating to the national security",
    },
    Reason {
        letter: 'f',
        text: "United States Government programs for safeguarding nuclear materials or \
               facilities",
    },
    Reason {
        letter: 'g',
        text: "vulnerabilities or capabilities of systems, installations, projects or plans \
               relating to the national security",
    },
];

/// The reason cited as `section` (`"1.4"` or `"1.5"`) and `letter` (either case).
pub fn reason(section: &str, letter: char) -> Option<&'static Reason> {
    let list = match section {
        "1.4" => REASONS_1_4,
        "1.5" => REASONS_1_5,
        _ => return None,
    };
    let letter = letter.to_ascii_lowercase();
    list.iter().find(|r| r.letter == letter)
}

// ------------------------------------------------------------------------------------------------
// Declassification exemptions (spec §3.11)
// ------------------------------------------------------------------------------------------------

/// A declassification exemption written instead of a date (`DECL: X1`, `DECL: 25X1-HUMAN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exemption {
    pub code: &'static str,
    /// A summary of the ground, not the legal text.
    pub summary: &'static str,
}

/// X1–X8: the exemptions from declassification after ten years in section 1.6(d) of E.O. 12958
/// as signed in 1995 (summaries).
pub const EXEMPTIONS_X: &[Exemption] = &[
    Exemption {
        code: "X1",
        summary: "would reveal an intelligence source, method or activity, or a cryptologic \
                  system or activity",
    },
    Exemption {
        code: "X2",
        summary: "would reveal information that would assist the development or use of weapons \
                  of mass destruction",
    },
    Exemption {
        code: "X3",
        summary: "would impair the development or use of technology within a U.S. weapons \
                  system",
    },
    Exemption {
        code: "X4",
        summary: "would reveal U.S. military plans or national security emergency preparedness \
                  plans",
    },
    Exemption {
        code: "X5",
        summary: "would reveal foreign government information",
    },
    Exemption {
        code: "X6",
        summary: "would damage relations with a foreign government, reveal a confidential \
                  source, or undermine ongoing diplomatic activities",
    },
    Exemption {
        code: "X7",
        summary: "would impair the ability to protect the President, the Vice President and \
                  other protected persons",
    },
    Exemption {
        code: "X8",
        summary: "would violate a statute, treaty or international agreement",
    },
];

/// 25X1–25X9: the nine exemptions from automatic declassification at 25 years (E.O. 12958
/// section 3.4(b), section 3.3(b) after the 2003 amendment; summaries). `25X1-HUMAN` marks
/// information about a confidential human source.
pub const EXEMPTIONS_25X: &[Exemption] = &[
    Exemption {
        code: "25X1",
        summary: "would reveal a confidential human source or intelligence sources or methods",
    },
    Exemption {
        code: "25X2",
        summary: "would assist the development or use of weapons of mass destruction",
    },
    Exemption {
        code: "25X3",
        summary: "would impair U.S. cryptologic systems or activities",
    },
    Exemption {
        code: "25X4",
        summary: "would impair the application of state-of-the-art technology within a U.S. \
                  weapon system",
    },
    Exemption {
        code: "25X5",
        summary: "would reveal actual U.S. military war plans that remain in effect",
    },
    Exemption {
        code: "25X6",
        summary: "would seriously impair relations with a foreign government or ongoing \
                  diplomatic activities",
    },
    Exemption {
        code: "25X7",
        summary: "would impair the protection of the President, the Vice President and other \
                  protected persons",
    },
    Exemption {
        code: "25X8",
        summary: "would impair national security emergency preparedness plans or reveal \
                  current vulnerabilities of systems, installations or projects",
    },
    Exemption {
        code: "25X9",
        summary: "would violate a statute, treaty or international agreement",
    },
];

/// The exemption written as `code` (`X1`, `25X6`, `25X1-HUMAN`, ignoring case and a space
/// before `HUMAN`).
pub fn exemption(code: &str) -> Option<&'static Exemption> {
    let upper = code.trim().to_ascii_uppercase();
    let base = upper
        .strip_suffix("-HUMAN")
        .or_else(|| upper.strip_suffix("- HUMAN"))
        .unwrap_or(&upper);
    EXEMPTIONS_X
        .iter()
        .chain(EXEMPTIONS_25X)
        .find(|e| e.code == base)
}

// ------------------------------------------------------------------------------------------------
// TAGS
// ------------------------------------------------------------------------------------------------

/// Subject tags that take a personal name: `OVIP (CLINTON, HILLARY)`. OVIP, OREP, OTRA and OEXC
/// are subject tags of the 2010 list (see the TAGS table); OCON is accepted as a prefix for the
/// project brief's sake but no shared source lists it, so the TAGS table has no row for it.
pub const PERSONAL_TAG_PREFIXES: &[&str] = &["OVIP", "OREP", "OTRA", "OEXC", "OCON"];

/// Labels of the TAGS line: the usual ones first, then typos seen in real cables (spec §3.12).
pub const TAGS_LABELS: &[&str] = &["TAGS", "TAG", "TAGES", "TAS", "TABS", "TGS", "AGS"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_forms_agree() {
        assert_eq!(precedence_by_word("PRIORITY").map(|p| p.letter), Some('P'));
        assert_eq!(
            precedence_by_word("NIACT IMMEDIATE").map(|p| p.rank),
            Some(4)
        );
        assert_eq!(precedence_by_letter('o').map(|p| p.name), Some("IMMEDIATE"));
        assert_eq!(precedence_by_prosign("ZZ").map(|p| p.name), Some("FLASH"));
        assert_eq!(
            precedence_by_prosign("OO").map(|p| p.name),
            Some("IMMEDIATE")
        );
        assert_eq!(
            precedence_by_prosign("NN").map(|p| p.name),
            Some("NIACT IMMEDIATE")
        );
        assert_eq!(precedence_by_prosign("XX"), None);
        assert_eq!(
            PRECEDENCES
                .iter()
                .find(|p| p.name == "ROUTINE")
                .and_then(|p| p.word),
            None
        );
        for p in PRECEDENCES {
            assert_eq!(p.prosign, format!("{0}{0}", p.letter));
        }
    }

    #[test]
    fn security_codes_match_banners() {
        assert_eq!(
            classification_by_code("CCCCC").map(|c| c.banners[0]),
            Some("C O N F I D E N T I A L")
        );
        assert_eq!(
            classification_by_code("ZNR UUUUU").map(|c| c.name),
            Some("UNCLASSIFIED")
        );
        assert_eq!(
            classification_by_banner("UNCLAS E F T O").and_then(|c| c.code),
            Some("EEEEE")
        );
        assert_eq!(
            classification_by_banner("S E C R E T").map(|c| c.level),
            Some(Level::Secret)
        );
        for code in ["UUUUU", "EEEEE", "CCCCC", "SSSSS", "TTTTT"] {
            assert!(classification_by_code(code).is_some(), "{code}");
        }
        assert!(Level::TopSecret > Level::Secret && Level::Confidential > Level::Unclassified);
    }

    #[test]
    fn every_caption_has_a_sentence() {
        for name in [
            "SIPDIS",
            "NOFORN",
            "NODIS",
            "EXDIS",
            "LIMDIS",
            "STADIS",
            "SPECAT",
            "SENSITIVE",
            "SBU",
            "FOR OFFICIAL USE ONLY",
        ] {
            let c = caption(name).unwrap_or_else(|| panic!("{name} missing"));
            assert!(c.description.ends_with('.'), "{name}");
        }
        assert_eq!(
            caption("sipdis").map(|c| c.kind),
            Some(CaptionKind::Distribution)
        );
        assert!(caption("NODIS").unwrap().restriction < caption("STADIS").unwrap().restriction);
    }

    #[test]
    fn executive_orders_chain_without_gaps() {
        for pair in EXECUTIVE_ORDERS.windows(2) {
            assert_eq!(pair[0].superseded, Some(pair[1].effective));
            assert!(pair[0].signed <= pair[0].effective);
        }
        let in_force = |y, m, d| executive_order_in_force(Date::new(y, m, d)).map(|o| o.number);
        assert_eq!(in_force(1977, 1, 1), Some("11652"));
        assert_eq!(in_force(1979, 1, 1), Some("12065"));
        assert_eq!(in_force(1990, 1, 1), Some("12356"));
        assert_eq!(in_force(2007, 5, 17), Some("12958"));
        assert_eq!(in_force(2010, 6, 27), Some("13526"));
        assert_eq!(in_force(1970, 1, 1), None);
        assert_eq!(
            executive_order("12958").map(|o| o.effective.to_string()),
            Some("1995-10-14".to_string())
        );
    }

    #[test]
    fn reasons_and_exemptions() {
        assert_eq!(REASONS_1_4.len(), 8);
        assert_eq!(REASONS_1_5.len(), 7);
        assert_eq!(
            reason("1.4", 'B').map(|r| r.text),
            Some("foreign government information")
        );
        assert!(reason("1.5", 'h').is_none());
        assert!(reason("1.2", 'b').is_none());
        assert_eq!(EXEMPTIONS_X.len(), 8);
        assert_eq!(EXEMPTIONS_25X.len(), 9);
        assert_eq!(exemption("25x1-human").map(|e| e.code), Some("25X1"));
        assert_eq!(exemption("X5").map(|e| e.code), Some("X5"));
        assert!(exemption("X9").is_none());
    }

    #[test]
    fn portion_markings() {
        assert_eq!(portion_level("SBU").map(|l| l.controlled), Some(true));
        assert_eq!(portion_level("TS").map(|l| l.level), Some(Level::TopSecret));
        assert_eq!(
            portion_control("NF").and_then(|c| c.caption),
            Some("NOFORN")
        );
        assert!(portion_control("REL TO").is_some_and(|c| c.takes_list));
        assert!(portion_level("SE").is_none());
    }
}
