//! The skeleton of a new cable, for `cablelint new` and the editor's completion in an empty
//! document: every element the checker can compute written out right (the transmission header with
//! the date-time group, the julian day and the DE line, the banner with the next free serial, the
//! E.O. line with the order and the `DECL` date of the drafting date), and the parts only the
//! drafter can write left as placeholders (`[[SUBJECT]]`, see [`crate::vocab::placeholder`]), which
//! the `placeholder` rule reports until they are written. The skeleton is written in the canonical
//! layout of the `[format]` options that apply ([`DraftOptions::format`]): the formatter lays it
//! out, so that `cablelint fmt --check` passes on it (a long SUBJECT is wrapped as `fmt` wraps it).
//!
//! Nothing here prints; the folder scan for the next serial reads files and skips those it cannot
//! read.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::path::Path;

use crate::config::DraftConfig;
use crate::data::{Tables, TagKind};
use crate::formatter::FormatOptions;
use crate::rules::cross::{squeeze, CableSummary};
use crate::syntax::{origin_key, CableId, TextRange};
use crate::vocab::{
    caption_text, full_year, is_routing_indicator, orders, placeholder, placeholders, BannerLevel,
    CaptionKind, Date, Level, Precedence, MONTHS,
};

/// The banner a skeleton is drafted with at `level` (`--classification U|SBU|C|S|TS`): `UNCLAS`
/// for the unclassified levels (SBU is the `SENSITIVE` caption under it), else the spaced level.
pub fn draft_banner(level: Level) -> BannerLevel {
    BannerLevel::for_level(level).unwrap_or(BannerLevel::Unclas)
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
    /// The classification: the banner, FL4's security code and the paragraphs' marking.
    pub level: Level,
    pub precedence: Precedence,
    /// Caption names (`SIPDIS`, `NOFORN`, `EXDIS`).
    pub captions: Vec<String>,
    /// TAGS codes; none leaves a placeholder (and the post's geographic tag). Codes without a
    /// geographic one get the post's geographic tag after them.
    pub tags: Vec<String>,
    pub subject: Option<String>,
    pub time: DraftTime,
    /// The layout the skeleton is written in: the `[format]` options of the `cablelint.toml` that
    /// applies to the new cable (the defaults without one).
    pub format: FormatOptions,
}

impl DraftOptions {
    /// Options with nothing chosen: no post or addressees yet, UNCLAS, ROUTINE, drafted at `time`.
    pub fn new(time: DraftTime) -> DraftOptions {
        DraftOptions {
            from: None,
            routing_indicator: None,
            to: Vec::new(),
            info: Vec::new(),
            level: Level::Unclassified,
            precedence: Precedence::Routine,
            captions: Vec::new(),
            tags: Vec::new(),
            subject: None,
            time,
            format: FormatOptions::default(),
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

/// A value of the `[draft]` table that a skeleton cannot take: its key (`draft.to`), its place in
/// the key's list (0 for a single value) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftConfigError {
    pub key: &'static str,
    pub index: usize,
    pub error: DraftError,
}

impl DraftOptions {
    /// Checks the values of the `[draft]` table that [`DraftOptions::or_config`] would take for
    /// these options (the post and its routing indicator when no post was given, each addressee
    /// list when none was given) as the skeleton reads them: a known post, a routing indicator, a
    /// known addressee. The error names the first bad value's key and the near matches.
    pub fn check_config(
        &self,
        config: &DraftConfig,
        tables: &Tables,
    ) -> Result<(), DraftConfigError> {
        let bad = |key: &'static str, index: usize| {
            move |error: DraftError| DraftConfigError { key, index, error }
        };
        if self.from.is_none() {
            if let Some(post) = &config.post {
                find_post(tables, post, "post").map_err(bad("draft.post", 0))?;
            }
            if let (None, Some(ri)) = (&self.routing_indicator, &config.routing_indicator) {
                routing_indicator(ri).map_err(bad("draft.routing-indicator", 0))?;
            }
        }
        let lists = [
            ("draft.to", self.to.is_empty(), &config.to),
            ("draft.info", self.info.is_empty(), &config.info),
        ];
        for (key, taken, list) in lists {
            if !taken {
                continue;
            }
            for (i, written) in list.iter().enumerate() {
                addressee(tables, written).map_err(bad(key, i))?;
            }
        }
        Ok(())
    }
}

/// A routing indicator as given (`--routing-indicator`, `routing-indicator =`), upper case.
fn routing_indicator(written: &str) -> Result<String, DraftError> {
    let ri = written.trim().to_ascii_uppercase();
    if !is_routing_indicator(&ri) {
        return Err(DraftError::new(format!(
            "`{ri}` is not a routing indicator"
        )));
    }
    Ok(ri)
}

/// Why a skeleton cannot be written, as one sentence for the user: `message` for `cablelint
/// new`, whose advice may name its options (`--from POST`), and `editor` for the editor's
/// skeleton item, whose defaults come from the `[draft]` table alone (`None` when `message` names
/// no command-line option and serves both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError {
    pub message: String,
    pub editor: Option<String>,
}

impl DraftError {
    /// An error whose sentence serves the command line and the editor alike.
    pub fn new(message: impl Into<String>) -> Self {
        DraftError {
            message: message.into(),
            editor: None,
        }
    }

    /// An error whose command-line advice (`message`) the editor words as `editor`.
    pub fn with_editor(message: impl Into<String>, editor: impl Into<String>) -> Self {
        DraftError {
            message: message.into(),
            editor: Some(editor.into()),
        }
    }

    /// The sentence an editor shows.
    pub fn in_editor(&self) -> &str {
        self.editor.as_deref().unwrap_or(&self.message)
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
    /// The message continuity numbers used, by FM post and addressee line
    /// (`RUEHC/SECSTATE WASHDC`): each cable's last number with the minutes of its date-time group
    /// (`None` for a cable without a valid one, a draft being written).
    mcns: HashMap<(String, String), Vec<Numbered>>,
    /// The FL1 channel sequence numbers used, by channel designator (`XRO`): each cable's number
    /// with the minutes of its date-time group, as for the message continuity numbers.
    sequences: HashMap<String, Vec<Numbered>>,
}

/// One cable's last message continuity number to an addressee, with the minutes of its date-time
/// group ([`crate::rules::cross::dtg_minutes`]; `None` without a valid one).
type Numbered = (Option<i64>, u32);

/// The file name endings of the cables a folder scan reads.
const CABLE_EXTENSIONS: [&str; 2] = ["cable", "tel"];

impl FolderState {
    /// Reads the cables (`*.cable`, `*.tel`) in `dir` and its subfolders ([`FolderCables::scan`])
    /// and records what they use.
    pub fn scan(dir: &Path) -> FolderState {
        FolderCables::scan(dir).state()
    }

    /// Records what one cable uses.
    pub fn add(&mut self, text: &str) {
        self.add_summary(&CableSummary::of_text(text));
    }

    /// Records what one summarised cable uses: its banner serial in the year of its date-time
    /// group, its FL1 channel sequence number, and the last message continuity number of each
    /// addressee line (`7721-7722` uses 7722).
    pub fn add_summary(&mut self, cable: &CableSummary) {
        if let Some(CableId { key, number, year }) = &cable.id {
            let e = match year {
                Some(year) => self.serials.entry((key.clone(), *year)).or_default(),
                None => self.undated.entry(key.clone()).or_default(),
            };
            *e = (*e).max(*number);
        }
        let minutes = cable
            .dtg
            .as_ref()
            .and_then(crate::rules::cross::dtg_minutes);
        if let Some((channel, sequence)) = &cable.transmission {
            self.sequences
                .entry(channel.to_string())
                .or_default()
                .push((minutes, *sequence));
        }
        let Some(fm) = &cable.from else {
            return;
        };
        for m in cable.mcns.iter() {
            self.mcns
                .entry((fm.to_string(), m.addressee.to_string()))
                .or_default()
                .push((minutes, m.last));
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
    /// after 9999 (1 when none is used): after the highest number of the cables sent within 31
    /// days of the latest one (the window `mcn-not-increasing` compares over) and of the cables
    /// without a date-time group. An archived cable of years ago says nothing of today's count.
    pub fn next_mcn(&self, post: &str, line: &str) -> u32 {
        self.mcns
            .get(&(squeeze(post), squeeze(line)))
            .map_or(1, |sent| next_after_recent(sent))
    }

    /// The next FL1 channel sequence number on a channel (`XRO`), four digits wrapping after 9999,
    /// chosen as [`FolderState::next_mcn`] chooses the next message continuity number: after the
    /// highest of the cables sent within 31 days of the latest one and of the cables without a
    /// date-time group. `None` when no cable of the folder has FL1 on that channel.
    pub fn next_sequence(&self, channel: &str) -> Option<u32> {
        let sent = self.sequences.get(&channel.trim().to_ascii_uppercase())?;
        Some(next_after_recent(sent))
    }
}

/// The number after the highest of `sent` among the cables sent within 31 days of the latest one
/// (the window `mcn-not-increasing` compares over) and the cables without a valid date-time group,
/// four digits wrapping after 9999; 1 when `sent` is empty. An archived cable of years ago says
/// nothing of today's count.
fn next_after_recent(sent: &[Numbered]) -> u32 {
    let latest = sent.iter().filter_map(|(minutes, _)| *minutes).max();
    let window = crate::rules::cross::mcn_not_increasing::WINDOW_MINUTES;
    sent.iter()
        .filter(|(minutes, _)| match (minutes, latest) {
            (Some(m), Some(latest)) => latest - m <= window,
            _ => true,
        })
        .map(|(_, n)| *n)
        .max()
        .map_or(1, |n| n % 9999 + 1)
}

/// The cables of the folder a new cable is written to, summarised: what [`FolderState`] counts,
/// and what `check` will compare the new cable with ([`FolderCables::conflicts`]).
#[derive(Debug, Clone, Default)]
pub struct FolderCables {
    /// Each cable's file and summary, in path order.
    cables: Vec<(std::path::PathBuf, CableSummary)>,
}

impl FolderCables {
    /// Reads the cables (`*.cable`, `*.tel`) in `dir` and its subfolders, found as `cablelint check
    /// DIR` finds them ([`crate::workspace::index::cable_files`]), so that a serial is free among
    /// the cables `check` compares; at most [`crate::rules::cross::MAX_SET_FILES`] of them, in path
    /// order. Files that cannot be read or are not a cable's text are skipped, as `check` refuses
    /// them ([`crate::workspace::input::read_file`]: binary, not UTF-8); a folder that cannot be
    /// listed gives none.
    pub fn scan(dir: &Path) -> FolderCables {
        let files = crate::workspace::index::cable_files(dir, &CABLE_EXTENSIONS);
        let cables = files
            .into_iter()
            .take(crate::rules::cross::MAX_SET_FILES)
            .filter_map(|path| {
                let source = crate::workspace::input::read_file(&path).ok()?;
                Some((path, CableSummary::of_text(&source.text).for_rules()))
            })
            .collect();
        FolderCables { cables }
    }

    /// What the cables use.
    pub fn state(&self) -> FolderState {
        let mut state = FolderState::default();
        for (_, summary) in &self.cables {
            state.add_summary(summary);
        }
        state
    }

    /// The findings the cross-cable rules (`CBL7xx`, at their default settings) will have once a
    /// new cable joins the folder's cables and that they do not have without it: on the new cable
    /// or on a cable of the folder, each with the name of the file it is on (`name` for the new
    /// one, `shown` of the path for the others). A new cable dated before cables already numbered
    /// gets numbers that run backwards in the order of the dates (`mcn-not-increasing`), which no
    /// choice of numbers avoids once the later-dated cables hold the next ones.
    pub fn conflicts(
        &self,
        new_text: &str,
        name: &str,
        shown: impl Fn(&Path) -> String,
    ) -> Vec<(String, crate::rules::Diagnostic)> {
        let settings = crate::rules::Settings::default();
        let names: Vec<String> = self.cables.iter().map(|(p, _)| shown(p)).collect();
        let new_summary = CableSummary::of_text(new_text).for_rules();
        let mut members: Vec<crate::rules::cross::Member> = self
            .cables
            .iter()
            .zip(&names)
            .map(|((_, summary), name)| crate::rules::cross::Member {
                name,
                summary,
                settings: &settings,
            })
            .collect();
        members.push(crate::rules::cross::Member {
            name,
            summary: &new_summary,
            settings: &settings,
        });
        let after = crate::rules::cross::check_set(&members);
        // Every finding on the new cable is new. A finding on a cable of the folder is new unless
        // the folder had it without the new cable, which takes the rules' run over the folder
        // alone: only when the run with the new cable found something on the folder's cables.
        let on_folder = after.len().saturating_sub(1);
        let before = if after[..on_folder].iter().any(|f| !f.is_empty()) {
            members.pop();
            crate::rules::cross::check_set(&members)
        } else {
            Vec::new()
        };
        let mut out = Vec::new();
        for (i, found) in after.into_iter().enumerate() {
            let had = before.get(i).map(Vec::as_slice).unwrap_or_default();
            let file = names.get(i).map_or(name, String::as_str);
            for d in found {
                if !had.contains(&d) {
                    out.push((file.to_string(), d));
                }
            }
        }
        out
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
            return Err(DraftError::new(format!(
                "`{written}` is not an addressee: write `RI/ADDRESS` (`RUEHC/SECSTATE WASHDC`), a post's name or its station"
            )));
        }
        let address = address
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_uppercase();
        if !tables.has_addressee_pair(&ri, &address) {
            return Err(unknown_addressee(tables, written, &ri, &address));
        }
        return Ok(AddresseeLine {
            line: format!("{ri}/{address}"),
            ri,
        });
    }
    let post = find_post(tables, written, "addressee")?;
    let ri = post.routing_indicator().ok_or_else(|| {
        DraftError::new(format!(
            "the post `{}` has no routing indicator in the tables: write it as `RI/{}`",
            post.name, post.name
        ))
    })?;
    Ok(AddresseeLine {
        line: format!("{ri}/{}", post.name),
        ri: ri.to_string(),
    })
}

/// The error for `RI/ADDRESS` that the tables do not know as a pair, naming the known pairs near
/// it: the address after the indicators that serve it, then the addresses a search finds.
fn unknown_addressee(tables: &Tables, written: &str, ri: &str, address: &str) -> DraftError {
    let mut near: Vec<String> = Vec::new();
    let mut add = |a: &crate::data::Addressee| {
        let line = format!("{}/{}", a.routing_indicator, a.address);
        if near.len() < 5 && !near.contains(&line) && tables.variant_of(a).is_none() {
            near.push(line);
        }
    };
    tables
        .addressees_for_address(address)
        .into_iter()
        .for_each(&mut add);
    tables
        .search_addressees(address, 8)
        .into_iter()
        .for_each(&mut add);
    for a in tables.addressees_for_ri(ri) {
        if strsim::damerau_levenshtein(&a.address, address) <= 2 {
            add(a);
        }
    }
    let hint = if near.is_empty() {
        "; `cablelint data addressees QUERY` searches them".to_string()
    } else {
        format!("; near matches: {}", near.join(", "))
    };
    DraftError::new(format!(
        "`{written}` is not a known addressee (the tables do not pair {ri} with {address}; a `[data] addressees` table of cablelint.toml adds it){hint}"
    ))
}

/// The TAGS codes of `written` (separated by commas or spaces), upper case, or an error naming the
/// tags near the first unknown one. A code is known when the tables hold it as a valid tag; a
/// misused code (`RU` for Russia) is refused with the code to write.
fn tag_codes(tables: &Tables, written: &[String]) -> Result<Vec<String>, DraftError> {
    let mut codes = Vec::new();
    for code in written
        .iter()
        .flat_map(|t| t.split([',', ' ']))
        .filter(|t| !t.is_empty())
    {
        let code = code.to_ascii_uppercase();
        if tables.tag(&code).is_some_and(|t| t.is_valid()) {
            codes.push(code);
            continue;
        }
        let mut near: Vec<String> = Vec::new();
        let mut add = |c: &str, title: &str| {
            let shown = if title.is_empty() {
                c.to_string()
            } else {
                format!("{c} ({title})")
            };
            if near.len() < 5 && !near.iter().any(|n| n.split(' ').next() == Some(c)) {
                near.push(shown);
            }
        };
        if let Some(fix) = tables.tag_fix(&code) {
            for c in fix.replacement.split(' ') {
                add(c, tables.tag(c).map_or("", |t| t.title.as_str()));
            }
        }
        if let Some(t) = tables.suggest_tag(&code) {
            add(&t.code, &t.title);
        }
        for t in tables.search_tags(&code, 8) {
            if t.is_valid() && !t.code.contains(' ') {
                add(&t.code, &t.title);
            }
        }
        let hint = if near.is_empty() {
            "; `cablelint data tags QUERY` searches the tags".to_string()
        } else {
            format!("; near matches: {}", near.join(", "))
        };
        // A known misuse (`RU` for Russia) says what is wrong with it.
        let why = tables.tag(&code).and_then(|t| {
            tables
                .tag_fix(&code)
                .map(|f| f.reason)
                // A note's first sentence says what the code was taken for.
                .or_else(|| {
                    t.note
                        .as_deref()
                        .map(|n| n.split(". ").next().unwrap_or(n).to_string())
                })
        });
        let what = match why {
            Some(why) => format!(
                "`{code}` is not a tag to write ({})",
                why.trim_end_matches('.')
            ),
            None => format!("`{code}` is not a known tag"),
        };
        return Err(DraftError::new(format!("{what}{hint}")));
    }
    Ok(codes)
}

/// The post of a name (`AMEMBASSY OSLO`) or a station (`OSLO`), or an error naming the posts that
/// come near it. `role` is what the value is in the cable, `post` (the originator) or `addressee`,
/// and names it in the error.
fn find_post<'t>(
    tables: &'t Tables,
    written: &str,
    role: &str,
) -> Result<&'t crate::data::Post, DraftError> {
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
    Err(DraftError::new(format!(
        "`{written}` is not a known {role}{hint}"
    )))
}

/// Writes the skeleton for `options` with the serials and message continuity numbers that follow
/// those of `folder`. Errors: no post or no action addressee given, an unknown post, caption, tag
/// or addressee (each naming the known ones near it), a drafting date outside [`FIRST_DRAFT_DATE`]..=[`LAST_DRAFT_DATE`], SIPDIS with
/// NODIS or EXDIS.
pub fn skeleton(
    options: &DraftOptions,
    tables: &Tables,
    folder: &FolderState,
) -> Result<Skeleton, DraftError> {
    let DraftTime { date, hour, minute } = options.time;
    if date < FIRST_DRAFT_DATE || date > LAST_DRAFT_DATE {
        return Err(DraftError::new(format!(
            "{date} is outside the drafting dates a skeleton is written for ({FIRST_DRAFT_DATE} to {LAST_DRAFT_DATE}: E.O. 12958 and later, two-digit DTG years)"
        )));
    }
    if hour > 23 || minute > 59 {
        return Err(DraftError::new(format!(
            "{hour:02}:{minute:02} is not a time of day"
        )));
    }
    let from = options.from.as_deref().ok_or_else(|| {
        DraftError::with_editor(
            "no post to draft from: give `--from POST` or `post` in the `[draft]` table of cablelint.toml",
            "no post to draft from: set `post` in the `[draft]` table of cablelint.toml",
        )
    })?;
    let post = find_post(tables, from, "post")?;
    let station = post.station.clone().unwrap_or_else(|| post.name.clone());
    let ri = match &options.routing_indicator {
        Some(ri) => routing_indicator(ri)?,
        None => post
            .routing_indicator()
            .map(str::to_string)
            .ok_or_else(|| {
                DraftError::with_editor(
                    format!(
                        "the post `{}` has no routing indicator in the tables: give `--routing-indicator`",
                        post.name
                    ),
                    format!(
                        "the post `{}` has no routing indicator in the tables: set `routing-indicator` in the `[draft]` table of cablelint.toml",
                        post.name
                    ),
                )
            })?,
    };
    if options.to.is_empty() {
        return Err(DraftError::with_editor(
            "no action addressee: give `--to ADDRESSEE` or `to` in the `[draft]` table of cablelint.toml",
            "no action addressee: set `to` in the `[draft]` table of cablelint.toml",
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

    let captions = captions(options)?;
    let tags = tag_codes(tables, &options.tags)?;

    let serial = folder.next_serial(&station, date.year);
    let precedence = options.precedence;
    // Information addressees take the action precedence, but never NIACT (spec §4 rel. 4).
    let info_precedence = if precedence == Precedence::NiactImmediate {
        Precedence::Immediate
    } else {
        precedence
    };

    let mut out = String::new();
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
    let security = draft_banner(options.level).security_codes()[0];
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

    let geo = post.country_tag.as_deref();
    // TAGS codes given without a geographic one keep the post's country tag, as the placeholder
    // does: a cable needs a geographic tag (spec B-16), and the post's is the one it most often
    // carries.
    let mut tags = tags;
    if let Some(g) = geo {
        let has_geographic = tags
            .iter()
            .any(|c| tables.tag(c).is_some_and(|t| t.kind == TagKind::Geographic));
        if !tags.is_empty() && !has_geographic {
            tags.push(g.to_string());
        }
    }
    write_text(
        &mut out,
        options,
        &format!("{station} {serial:06}"),
        geo,
        &captions,
        &tags,
    );

    Ok(laid_out(out, options))
}

/// The skeleton of `text` in the canonical layout of `options.format`, as `cablelint fmt` writes it,
/// with its placeholders. The skeleton is a draft written on the drafting date, so it is laid out
/// as one whatever date the formatter would take for today. A text the formatter refuses is kept
/// as written: the text-only skeleton, whose banner (`UNCLAS [[POST]] [[SERIAL]]`) the formatter
/// cannot place.
fn laid_out(text: String, options: &DraftOptions) -> Skeleton {
    let format = FormatOptions {
        drafting_date: Some(options.time.date),
        ..options.format
    };
    let text = crate::formatter::format(&text, &format).unwrap_or(text);
    let placeholders = placeholders(&text)
        .map(|r| TextRange::new(r.start, r.end))
        .collect();
    Skeleton { text, placeholders }
}

/// The captions of `options`: known ones, the most restrictive first (5 FAH-2 H-250), SENSITIVE on
/// an SBU cable. Errors: an unknown caption, SIPDIS with NODIS or EXDIS, SENSITIVE on a classified
/// cable.
fn captions(options: &DraftOptions) -> Result<Vec<(&'static str, CaptionKind)>, DraftError> {
    let mut captions: Vec<(&'static str, CaptionKind)> = Vec::new();
    for written in &options.captions {
        let c = caption_text(written)
            .filter(|c| c.name.len() == written.trim().len())
            .ok_or_else(|| {
                let names: Vec<&str> = crate::vocab::CAPTIONS.iter().map(|c| c.name).collect();
                DraftError::new(format!(
                    "`{}` is not a caption; the captions are {}",
                    written.trim(),
                    names.join(", ")
                ))
            })?;
        if !captions.iter().any(|(_, k)| *k == c.kind) {
            captions.push((c.name, c.kind));
        }
    }
    if options.level == Level::Sbu && !captions.iter().any(|(_, k)| *k == CaptionKind::Sensitive) {
        captions.push(("SENSITIVE", CaptionKind::Sensitive));
    }
    captions.sort_by_key(|(_, k)| std::cmp::Reverse(k.restriction()));
    let has = |kind: CaptionKind| captions.iter().any(|(_, k)| *k == kind);
    if has(CaptionKind::Sipdis) && (has(CaptionKind::Nodis) || has(CaptionKind::Exdis)) {
        return Err(DraftError::new(
            "SIPDIS may not be combined with NODIS or EXDIS (05 STATE 226504)".to_string(),
        ));
    }
    if has(CaptionKind::Sensitive) && options.level.is_classified() {
        return Err(DraftError::new(
            "the SENSITIVE caption is for unclassified cables (`--classification SBU`)".to_string(),
        ));
    }
    Ok(captions)
}

/// Writes the text of a skeleton, from the banner (`origin_serial` after the classification) to the
/// signature: the captions, E.O., TAGS (the codes given, else a placeholder and `geo`, the post's
/// geographic tag), SUBJECT, the classification authority of a classified cable, two numbered
/// paragraphs and the signature.
fn write_text(
    out: &mut String,
    options: &DraftOptions,
    origin_serial: &str,
    geo: Option<&str>,
    captions: &[(&'static str, CaptionKind)],
    tags: &[String],
) {
    let DraftTime { date, .. } = options.time;
    let precedence = options.precedence;
    let noforn = captions.iter().any(|(_, k)| *k == CaptionKind::Noforn);
    // The banner and the captions (spec §3.8, §3.9).
    let _ = writeln!(
        out,
        "{} {origin_serial}",
        draft_banner(options.level).canonical()
    );
    out.push('\n');
    if !captions.is_empty() {
        for (name, _) in captions {
            let _ = writeln!(out, "{name}");
        }
        out.push('\n');
    }

    // E.O., TAGS and SUBJECT (spec §3.11 to §3.13).
    let order = orders::nearest_order(date);
    if options.level.is_classified() {
        let decl = date.add_years(orders::DECL_DEFAULT_YEARS);
        let _ = writeln!(
            out,
            "E.O. {}: DECL: {:02}/{:02}/{:04}",
            order.number, decl.month, decl.day, decl.year
        );
    } else {
        let _ = writeln!(out, "E.O. {}: N/A", order.number);
    }
    if tags.is_empty() {
        let geo = geo.map(|t| format!(" {t}")).unwrap_or_default();
        let _ = writeln!(out, "TAGS: {}{geo}", placeholder("TAGS"));
    } else {
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
    let abbrev = options.level.abbrev();
    if options.level.is_classified() {
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
}

/// The skeleton of the text alone, without a transmission header, for a drafter whose post and
/// action addressees are not known yet (the editor's skeleton item when the `[draft]` table of
/// `cablelint.toml` lacks `post` or `to`): the banner's origin and serial are placeholders
/// (`UNCLAS [[POST]] [[SERIAL]]`), the rest is as [`skeleton`] writes it. Errors: a drafting date
/// outside [`FIRST_DRAFT_DATE`]..=[`LAST_DRAFT_DATE`], an unknown caption or tag.
pub fn text_skeleton(options: &DraftOptions, tables: &Tables) -> Result<Skeleton, DraftError> {
    let date = options.time.date;
    if date < FIRST_DRAFT_DATE || date > LAST_DRAFT_DATE {
        return Err(DraftError::new(format!(
            "{date} is outside the drafting dates a skeleton is written for ({FIRST_DRAFT_DATE} to {LAST_DRAFT_DATE})"
        )));
    }
    let captions = captions(options)?;
    let tags = tag_codes(tables, &options.tags)?;
    let mut out = String::new();
    let origin_serial = format!("{} {}", placeholder("POST"), placeholder("SERIAL"));
    write_text(&mut out, options, &origin_serial, None, &captions, &tags);
    Ok(laid_out(out, options))
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

    #[test]
    fn the_message_continuity_number_runs_on_from_the_recent_cables_not_an_archived_one() {
        // An archived cable of 2008 numbered 6822 and this year's cable numbered 0001, read in
        // either order: the count runs on from this year's.
        let old = cable("OSLO", "000102", "6822").replace("R 010900Z DEC 26", "R 150900Z MAR 08");
        let new = cable("OSLO", "000217", "0001");
        for texts in [[&old, &new], [&new, &old]] {
            let mut state = FolderState::default();
            for t in texts {
                state.add(t);
            }
            assert_eq!(state.next_mcn("AMEMBASSY OSLO", "RUEHC/SECSTATE WASHDC"), 2);
        }
        // A draft without a date-time group always counts.
        let mut state = FolderState::default();
        state.add(&new);
        state.add(&cable("OSLO", "000218", "0007").replace("R 010900Z DEC 26\n", ""));
        assert_eq!(state.next_mcn("AMEMBASSY OSLO", "RUEHC/SECSTATE WASHDC"), 8);
    }
}
