//! The skeleton of a new cable, for `cablelint new` and the editor's completion in an empty
//! document: every element the checker can compute written out right (the transmission header with
//! the date-time group, the julian day and the DE line, the banner with the next free serial, the
//! E.O. line with the order and the `DECL` date of the drafting date), and the parts only the
//! drafter can write left as placeholders (`[[SUBJECT]]`, see [`crate::vocab::placeholder`]), which
//! the `placeholder` rule reports until they are written.
//!
//! Nothing here prints; the folder scan for the next serial reads files and skips those it cannot
//! read.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::path::Path;

use crate::config::DraftConfig;
use crate::data::Tables;
use crate::rules::cross::{squeeze, CableSummary};
use crate::syntax::{origin_key, CableId, TextRange};
use crate::vocab::{
    caption_text, full_year, is_routing_indicator, orders, placeholder, placeholders, BannerLevel,
    CaptionKind, Date, Level, Precedence, MONTHS,
};

/// The classification a skeleton is drafted at (`--classification U|SBU|C|S`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftLevel {
    /// `UNCLAS`, paragraphs marked `(U)`.
    Unclassified,
    /// `UNCLAS` with the `SENSITIVE` caption, paragraphs marked `(SBU)`.
    Sbu,
    /// `C O N F I D E N T I A L`, paragraphs marked `(C)`.
    Confidential,
    /// `S E C R E T`, paragraphs marked `(S)`.
    Secret,
}

impl DraftLevel {
    pub const ALL: [DraftLevel; 4] = [
        DraftLevel::Unclassified,
        DraftLevel::Sbu,
        DraftLevel::Confidential,
        DraftLevel::Secret,
    ];

    fn level(self) -> Level {
        match self {
            DraftLevel::Unclassified => Level::Unclassified,
            DraftLevel::Sbu => Level::Sbu,
            DraftLevel::Confidential => Level::Confidential,
            DraftLevel::Secret => Level::Secret,
        }
    }

    fn banner(self) -> BannerLevel {
        BannerLevel::for_level(self.level()).unwrap_or(BannerLevel::Unclas)
    }
}

/// The date and Zulu time of drafting: the date-time group and the DE line's filing time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftTime {
    pub date: Date,
    pub hour: u32,
    pub minute: u32,
}

impl DraftTime {
    /// Now, from the system clock, in UTC.
    pub fn now_utc() -> DraftTime {
        let (date, hour, minute) = Date::now_utc();
        DraftTime { date, hour, minute }
    }
}

/// The first drafting date a skeleton is written for: the day E.O. 12958 took effect, since the
/// skeleton's `E.O.` line has a `DECL` date, which earlier orders did not write.
pub const FIRST_DRAFT_DATE: Date = Date {
    year: 1995,
    month: 10,
    day: 14,
};

/// The last drafting date a skeleton is written for: a date-time group writes the year in two
/// digits, read as 1960–2059 (see [`full_year`]).
pub const LAST_DRAFT_DATE: Date = Date {
    year: 2059,
    month: 12,
    day: 31,
};

/// What the drafter asked for. Empty fields take the `[draft]` defaults ([`DraftOptions::or_config`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftOptions {
    /// The FM post: a name (`AMEMBASSY OSLO`) or a station (`OSLO`).
    pub from: Option<String>,
    /// The post's routing indicator, when it is not the table's.
    pub routing_indicator: Option<String>,
    /// Action addressees: `RI/ADDRESS`, a post name or a station.
    pub to: Vec<String>,
    /// Information addressees, written as `to`.
    pub info: Vec<String>,
    pub level: DraftLevel,
    pub precedence: Precedence,
    /// Caption names (`SIPDIS`, `NOFORN`, `EXDIS`).
    pub captions: Vec<String>,
    /// TAGS codes; none leaves a placeholder (and the post's geographic tag).
    pub tags: Vec<String>,
    pub subject: Option<String>,
    pub time: DraftTime,
}

impl DraftOptions {
    /// Options with nothing chosen: no post or addressees yet, UNCLAS, ROUTINE, drafted at `time`.
    pub fn new(time: DraftTime) -> DraftOptions {
        DraftOptions {
            from: None,
            routing_indicator: None,
            to: Vec::new(),
            info: Vec::new(),
            level: DraftLevel::Unclassified,
            precedence: Precedence::Routine,
            captions: Vec::new(),
            tags: Vec::new(),
            subject: None,
            time,
        }
    }

    /// Fills what was not given from the `[draft]` table of `cablelint.toml`: the post, its routing
    /// indicator (only with the configured post) and the usual addressees (each list only when none
    /// was given).
    pub fn or_config(mut self, config: &DraftConfig) -> DraftOptions {
        if self.from.is_none() {
            self.from = config.post.clone();
            if self.routing_indicator.is_none() {
                self.routing_indicator = config.routing_indicator.clone();
            }
        }
        if self.to.is_empty() {
            self.to = config.to.clone();
        }
        if self.info.is_empty() {
            self.info = config.info.clone();
        }
        self
    }
}

/// Why a skeleton cannot be written, as one sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError(pub String);

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DraftError {}

/// What the folder of the new cable already holds: the serials and message continuity numbers
/// that the skeleton continues.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderState {
    /// The banner serials used, by station as cable ids write it ([`origin_key`]: `USUNNEWYORK`)
    /// and year of the date-time group.
    serials: HashMap<(String, i32), u32>,
    /// The highest banner serial of a station among cables without a readable date-time group (a
    /// draft without its header): taken in every year, since its year is unknown.
    undated: HashMap<String, u32>,
    /// The highest message continuity number used, by FM post and addressee line
    /// (`RUEHC/SECSTATE WASHDC`).
    mcns: HashMap<(String, String), u32>,
}

/// The file name endings of the cables a folder scan reads.
const CABLE_EXTENSIONS: [&str; 2] = ["cable", "tel"];

impl FolderState {
    /// Reads the cables (`*.cable`, `*.tel`) in `dir` and its subfolders, found as `cablelint check
    /// DIR` finds them ([`crate::workspace::index::cable_files`]), so that a serial is free among
    /// the cables `check` compares; at most [`crate::rules::cross::MAX_SET_FILES`] of them, in path
    /// order. Files that cannot be read or are not a cable's text are skipped, as `check` refuses
    /// them ([`crate::workspace::input::read_file`]: binary, not UTF-8); a folder that cannot be
    /// listed gives an empty state.
    pub fn scan(dir: &Path) -> FolderState {
        let mut state = FolderState::default();
        let files = crate::workspace::index::cable_files(dir, &CABLE_EXTENSIONS);
        for path in files.iter().take(crate::rules::cross::MAX_SET_FILES) {
            if let Ok(source) = crate::workspace::input::read_file(path) {
                state.add(&source.text);
            }
        }
        state
    }

    /// Records what one cable uses.
    pub fn add(&mut self, text: &str) {
        self.add_summary(&CableSummary::of_text(text));
    }

    /// Records what one summarised cable uses: its banner serial in the year of its date-time
    /// group, and the last message continuity number of each addressee line (`7721-7722` uses
    /// 7722).
    pub fn add_summary(&mut self, cable: &CableSummary) {
        if let Some(CableId { key, number, year }) = &cable.id {
            let e = match year {
                Some(year) => self.serials.entry((key.clone(), *year)).or_default(),
                None => self.undated.entry(key.clone()).or_default(),
            };
            *e = (*e).max(*number);
        }
        let Some(fm) = &cable.from else {
            return;
        };
        for m in cable.mcns.iter() {
            let e = self
                .mcns
                .entry((fm.to_string(), m.addressee.to_string()))
                .or_default();
            *e = (*e).max(m.last);
        }
    }

    /// The next free banner serial of a station in a year (1 when none is used): after the
    /// highest of that year and of the station's undated cables.
    pub fn next_serial(&self, station: &str, year: i32) -> u32 {
        let key = origin_key(station);
        let dated = self.serials.get(&(key.clone(), year)).copied();
        let undated = self.undated.get(&key).copied();
        dated.max(undated).map_or(1, |s| s + 1)
    }

    /// The next message continuity number from a post to an addressee line, four digits wrapping
    /// after 9999 (1 when none is used).
    pub fn next_mcn(&self, post: &str, line: &str) -> u32 {
        self.mcns
            .get(&(squeeze(post), squeeze(line)))
            .map_or(1, |n| n % 9999 + 1)
    }
}

/// A skeleton cable: its text and where its placeholders are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skeleton {
    pub text: String,
    /// The placeholders, in order (byte ranges of `text`, brackets included).
    pub placeholders: Vec<TextRange>,
}

impl Skeleton {
    /// The skeleton in LSP snippet syntax: each placeholder a tab stop `${1:[[SUBJECT]]}` in order,
    /// so that the first is selected on insertion and Tab moves to the next, and the end `$0`.
    /// `$`, `}` and `\` of the text are escaped.
    pub fn snippet(&self) -> String {
        fn escape(out: &mut String, s: &str) {
            for c in s.chars() {
                if matches!(c, '$' | '}' | '\\') {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        let mut out = String::with_capacity(self.text.len() + 8 * self.placeholders.len());
        let mut at = 0;
        for (i, p) in self.placeholders.iter().enumerate() {
            escape(&mut out, &self.text[at..p.start()]);
            let _ = write!(out, "${{{}:", i + 1);
            escape(&mut out, &self.text[p.start()..p.end()]);
            out.push('}');
            at = p.end();
        }
        escape(&mut out, &self.text[at..]);
        out.push_str("$0");
        out
    }
}

/// One addressee line of the skeleton.
struct AddresseeLine {
    /// `RUEHC/SECSTATE WASHDC`
    line: String,
    ri: String,
}

/// Reads an addressee as written on the command line or in `[draft]`: `RI/ADDRESS` as it is, or
/// a post's name or station with the post's routing indicator.
fn addressee(tables: &Tables, written: &str) -> Result<AddresseeLine, DraftError> {
    let written = written.trim();
    if let Some((ri, address)) = written.split_once('/') {
        let (ri, address) = (ri.trim().to_ascii_uppercase(), address.trim());
        if !is_routing_indicator(&ri) || address.is_empty() {
            return Err(DraftError(format!(
                "`{written}` is not an addressee: write `RI/ADDRESS` (`RUEHC/SECSTATE WASHDC`), a post's name or its station"
            )));
        }
        let address = address.to_ascii_uppercase();
        return Ok(AddresseeLine {
            line: format!("{ri}/{address}"),
            ri,
        });
    }
    let post = find_post(tables, written)?;
    let ri = post.routing_indicator().ok_or_else(|| {
        DraftError(format!(
            "the post `{}` has no routing indicator in the tables: write it as `RI/{}`",
            post.name, post.name
        ))
    })?;
    Ok(AddresseeLine {
        line: format!("{ri}/{}", post.name),
        ri: ri.to_string(),
    })
}

/// The post of a name (`AMEMBASSY OSLO`) or a station (`OSLO`), or an error naming the posts that
/// come near it.
fn find_post<'t>(tables: &'t Tables, written: &str) -> Result<&'t crate::data::Post, DraftError> {
    if let Some(p) = tables
        .post_by_name(written)
        .or_else(|| tables.post_by_station(written))
    {
        return Ok(p);
    }
    let mut near: Vec<String> = Vec::new();
    if let Some(p) = tables.suggest_station(written) {
        near.push(p.name.clone());
    }
    for p in tables.search_posts(written, 8) {
        if !near.contains(&p.name) && near.len() < 5 {
            near.push(p.name.clone());
        }
    }
    if near.is_empty() {
        for word in written.split_whitespace() {
            if let Some(p) = tables.suggest_station(word) {
                if !near.contains(&p.name) {
                    near.push(p.name.clone());
                }
            }
        }
    }
    let hint = if near.is_empty() {
        "; `cablelint data posts QUERY` searches the posts".to_string()
    } else {
        format!("; near matches: {}", near.join(", "))
    };
    Err(DraftError(format!("`{written}` is not a known post{hint}")))
}

/// Writes the skeleton for `options` with the serials and message continuity numbers that follow
/// those of `folder`. Errors: no post or no action addressee given, an unknown post, caption or
/// addressee, a drafting date outside [`FIRST_DRAFT_DATE`]..=[`LAST_DRAFT_DATE`], SIPDIS with
/// NODIS or EXDIS.
pub fn skeleton(
    options: &DraftOptions,
    tables: &Tables,
    folder: &FolderState,
) -> Result<Skeleton, DraftError> {
    let DraftTime { date, hour, minute } = options.time;
    if date < FIRST_DRAFT_DATE || date > LAST_DRAFT_DATE {
        return Err(DraftError(format!(
            "{date} is outside the drafting dates a skeleton is written for ({FIRST_DRAFT_DATE} to {LAST_DRAFT_DATE}: E.O. 12958 and later, two-digit DTG years)"
        )));
    }
    if hour > 23 || minute > 59 {
        return Err(DraftError(format!(
            "{hour:02}:{minute:02} is not a time of day"
        )));
    }
    let from = options.from.as_deref().ok_or_else(|| {
        DraftError(
            "no post to draft from: give `--from POST` or `post` in the `[draft]` table of cablelint.toml"
                .to_string(),
        )
    })?;
    let post = find_post(tables, from)?;
    let station = post.station.clone().unwrap_or_else(|| post.name.clone());
    let ri = match &options.routing_indicator {
        Some(ri) => {
            let ri = ri.trim().to_ascii_uppercase();
            if !is_routing_indicator(&ri) {
                return Err(DraftError(format!("`{ri}` is not a routing indicator")));
            }
            ri
        }
        None => post
            .routing_indicator()
            .map(str::to_string)
            .ok_or_else(|| {
                DraftError(format!(
                "the post `{}` has no routing indicator in the tables: give `--routing-indicator`",
                post.name
            ))
            })?,
    };
    if options.to.is_empty() {
        return Err(DraftError(
            "no action addressee: give `--to ADDRESSEE` or `to` in the `[draft]` table of cablelint.toml"
                .to_string(),
        ));
    }
    let to = options
        .to
        .iter()
        .map(|a| addressee(tables, a))
        .collect::<Result<Vec<_>, _>>()?;
    let info = options
        .info
        .iter()
        .map(|a| addressee(tables, a))
        .collect::<Result<Vec<_>, _>>()?;

    // Captions: known ones, the most restrictive first (5 FAH-2 H-250), SENSITIVE on an SBU cable.
    let mut captions: Vec<(&'static str, CaptionKind)> = Vec::new();
    for written in &options.captions {
        let c = caption_text(written)
            .filter(|c| c.name.len() == written.trim().len())
            .ok_or_else(|| {
                let names: Vec<&str> = crate::vocab::CAPTIONS.iter().map(|c| c.name).collect();
                DraftError(format!(
                    "`{}` is not a caption; the captions are {}",
                    written.trim(),
                    names.join(", ")
                ))
            })?;
        if !captions.iter().any(|(_, k)| *k == c.kind) {
            captions.push((c.name, c.kind));
        }
    }
    if options.level == DraftLevel::Sbu
        && !captions.iter().any(|(_, k)| *k == CaptionKind::Sensitive)
    {
        captions.push(("SENSITIVE", CaptionKind::Sensitive));
    }
    captions.sort_by_key(|(_, k)| std::cmp::Reverse(k.restriction()));
    let has = |kind: CaptionKind| captions.iter().any(|(_, k)| *k == kind);
    if has(CaptionKind::Sipdis) && (has(CaptionKind::Nodis) || has(CaptionKind::Exdis)) {
        return Err(DraftError(
            "SIPDIS may not be combined with NODIS or EXDIS (05 STATE 226504)".to_string(),
        ));
    }
    if has(CaptionKind::Sensitive) && options.level.level().is_classified() {
        return Err(DraftError(
            "the SENSITIVE caption is for unclassified cables (`--classification SBU`)".to_string(),
        ));
    }
    let noforn = has(CaptionKind::Noforn);

    let serial = folder.next_serial(&station, date.year);
    let precedence = options.precedence;
    // Information addressees take the action precedence, but never NIACT (spec §4 rel. 4).
    let info_precedence = if precedence == Precedence::NiactImmediate {
        Precedence::Immediate
    } else {
        precedence
    };

    let mut out = String::new();
    let mut marks: Vec<TextRange> = Vec::new();
    // The transmission header (spec §3.1 to §3.7).
    let _ = writeln!(out, "VZCZCXRO{:04}", serial % 10_000);
    let mut ris: Vec<&str> = Vec::new();
    for a in to.iter().chain(&info) {
        if !ris.contains(&a.ri.as_str()) {
            ris.push(&a.ri);
        }
    }
    let mut line = precedence.prosign().to_string();
    for r in ris {
        if line.len() + 1 + r.len() > crate::vocab::LINE_WIDTH {
            let _ = writeln!(out, "{line}");
            line.clear();
        } else {
            line.push(' ');
        }
        line.push_str(r);
    }
    let _ = writeln!(out, "{line}");
    let _ = writeln!(
        out,
        "DE {ri} #{:04} {:03}{hour:02}{minute:02}",
        serial % 10_000,
        date.ordinal()
    );
    let security = options.level.banner().security_codes()[0];
    let _ = writeln!(out, "{} ZZH", security.warning());
    let _ = writeln!(
        out,
        "{} {:02}{hour:02}{minute:02}Z {} {:02}",
        precedence.letter(),
        date.day,
        MONTHS[date.month as usize - 1],
        date.year.rem_euclid(100)
    );
    debug_assert_eq!(full_year(date.year.rem_euclid(100) as u32), date.year);
    let _ = writeln!(out, "FM {}", post.name);
    let addressee_line = |out: &mut String, keyword: &str, a: &AddresseeLine, p: Precedence| {
        let mcn = folder.next_mcn(&post.name, &a.line);
        let word = if p.is_written() {
            format!(" {}", p.word())
        } else {
            String::new()
        };
        let _ = writeln!(out, "{keyword}{}{word} {mcn:04}", a.line);
    };
    for (i, a) in to.iter().enumerate() {
        addressee_line(&mut out, if i == 0 { "TO " } else { "" }, a, precedence);
    }
    for (i, a) in info.iter().enumerate() {
        addressee_line(
            &mut out,
            if i == 0 { "INFO " } else { "" },
            a,
            info_precedence,
        );
    }
    out.push('\n');

    // The banner and the captions (spec §3.8, §3.9).
    let _ = writeln!(
        out,
        "{} {} {serial:06}",
        options.level.banner().canonical(),
        station
    );
    out.push('\n');
    if !captions.is_empty() {
        for (name, _) in &captions {
            let _ = writeln!(out, "{name}");
        }
        out.push('\n');
    }

    // E.O., TAGS and SUBJECT (spec §3.11 to §3.13).
    let order = orders::nearest_order(date);
    if options.level.level().is_classified() {
        let decl = date.add_years(orders::DECL_DEFAULT_YEARS);
        let _ = writeln!(
            out,
            "E.O. {}: DECL: {:02}/{:02}/{:04}",
            order.number, decl.month, decl.day, decl.year
        );
    } else {
        let _ = writeln!(out, "E.O. {}: N/A", order.number);
    }
    if options.tags.is_empty() {
        let geo = post
            .country_tag
            .as_deref()
            .map(|t| format!(" {t}"))
            .unwrap_or_default();
        let _ = writeln!(out, "TAGS: {}{geo}", placeholder("TAGS"));
    } else {
        let tags: Vec<String> = options
            .tags
            .iter()
            .flat_map(|t| t.split([',', ' ']))
            .filter(|t| !t.is_empty())
            .map(|t| t.to_ascii_uppercase())
            .collect();
        let _ = writeln!(out, "TAGS: {}", tags.join(" "));
    }
    match &options.subject {
        Some(s) if !s.trim().is_empty() => {
            let _ = writeln!(out, "SUBJECT: {}", s.trim());
        }
        _ => {
            let _ = writeln!(out, "SUBJECT: {}", placeholder("SUBJECT"));
        }
    }
    out.push('\n');

    // The classification authority (spec §3.15).
    let abbrev = options.level.level().abbrev();
    if options.level.level().is_classified() {
        let (section, _) = orders::reasons_on(date);
        let _ = writeln!(
            out,
            "Classified By: {} for reasons {section} {}",
            placeholder("NAME, TITLE"),
            placeholder("(b) and (d)")
        );
        out.push('\n');
    }

    // Two numbered paragraphs (a lone paragraph is not numbered, T-2) and the signature.
    let marking = if noforn {
        format!("({abbrev}//NF)")
    } else {
        format!("({abbrev})")
    };
    let first = if precedence == Precedence::NiactImmediate {
        placeholder("WHY NIACT IMMEDIATE IS NEEDED")
    } else {
        placeholder("TEXT OF PARAGRAPH 1")
    };
    let _ = writeln!(out, "1. {marking} {first}");
    out.push('\n');
    let _ = writeln!(out, "2. {marking} {}", placeholder("TEXT OF PARAGRAPH 2"));
    out.push('\n');
    let _ = writeln!(out, "{}", placeholder("SIGNATURE"));

    for r in placeholders(&out) {
        marks.push(TextRange::new(r.start, r.end));
    }
    Ok(Skeleton {
        text: out,
        placeholders: marks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cable(origin: &str, serial: &str, to: &str) -> String {
        format!(
            "VZCZCXRO0001\nRR RUEHC\nDE RUEHNY #0001 3350900\nZNR UUUUU ZZH\nR 010900Z DEC 26\n\
             FM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC {to}\n\nUNCLAS {origin} {serial}\n\n\
             E.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: A TEST\n\n1. (U) Text.\n"
        )
    }

    #[test]
    fn the_folder_state_continues_serials_and_message_continuity_numbers() {
        let mut state = FolderState::default();
        state.add(&cable("OSLO", "000217", "7721-7722"));
        state.add(&cable("OSLO", "000016", "0044"));
        state.add(&cable("USUN NEW YORK", "000090", "0001"));
        assert_eq!(state.next_serial("OSLO", 2026), 218);
        assert_eq!(state.next_serial("OSLO", 2025), 1);
        // The station as the banner or an id writes it: `USUN` is `USUN NEW YORK`.
        assert_eq!(state.next_serial("USUN NEW YORK", 2026), 91);
        assert_eq!(state.next_serial("USUN", 2026), 91);
        // After a range written for two sections, the next number follows its last.
        assert_eq!(
            state.next_mcn("AMEMBASSY OSLO", "RUEHC/SECSTATE WASHDC"),
            7723
        );
        assert_eq!(
            state.next_mcn("AMEMBASSY OSLO", "RUEHNE/AMEMBASSY NEW DELHI"),
            1
        );
        // A draft without its header (no date-time group) takes its serial in every year.
        state.add("UNCLAS OSLO 000300\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: AN UNDATED DRAFT\n\n1. (U) Text.\n");
        assert_eq!(state.next_serial("OSLO", 2026), 301);
        assert_eq!(state.next_serial("OSLO", 2025), 301);
        assert_eq!(state.next_serial("BERGEN", 2026), 1);
    }
}
