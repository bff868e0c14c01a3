//! Completion: what fits at the cursor, decided from the line's kind and the text before the cursor.
//!
//! - TAGS tokens after `TAGS:` (every kind, with titles); a code already elsewhere on the line
//!   comes after the others, marked `already on this TAGS line`;
//! - addressees on `TO`/`INFO`/`XMT` lines and their continuation lines, as one item
//!   `RUEHBJ/AMEMBASSY BEIJING`, matched by routing indicator, city or country; precedence words
//!   after an address;
//! - `FM` originators;
//! - the banner's classification words in the spaced form, with origin and serial when known;
//! - captions, the `E.O.` line (`E.O. 12958: DECL: <ten years on>`), and the labels still missing
//!   between the banner and paragraph 1;
//! - portion markings after a paragraph number and after `SUBJECT:`;
//! - classification reasons on the `Classified By` line;
//! - the current date-time group on the FL5 line.
//!
//! Long documentation is left out of the list and given by [`resolve`].

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{self, DateTime};
use super::{line, line_at, LineAt};
use crate::data::{Tables, Tag, TagKind};
use crate::syntax::{Cable, LineKind, TextRange};
use crate::vocab::{orders, CAPTIONS};
use crate::vocab::{BannerLevel, Date, Level, Precedence};
use crate::workspace::draft::FolderState;

/// What an item completes, for the editor's icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Tag(TagKind),
    Addressee,
    Originator,
    Precedence,
    Level,
    Caption,
    Marking,
    Reason,
    /// A whole line such as the `E.O.` line.
    Line,
    /// A declassification date or code.
    Decl,
    DateTimeGroup,
    /// A label such as `TAGS:`.
    Keyword,
}

/// What [`resolve`] needs to find an item's long documentation again. How it travels in a protocol
/// is the server's business.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveKey {
    Tag { code: String },
    Addressee { ri: String, address: String },
    Post { name: String },
    Caption { name: String },
    Reason { letter: char },
    Precedence { word: String },
    Marking { marking: String },
    Decl { code: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    /// One line shown beside the label.
    pub detail: Option<String>,
    /// Short Markdown documentation (long documentation comes from [`resolve`]).
    pub documentation: Option<String>,
    /// The range the item replaces; it holds the cursor and lies on one line.
    pub replace: TextRange,
    pub insert: String,
    /// The text editors filter on, when it is not the label.
    pub filter: Option<String>,
    /// The text editors sort on, when it is not the label.
    pub sort: Option<String>,
    pub preselect: bool,
    pub resolve: Option<ResolveKey>,
}

impl CompletionItem {
    fn new(label: impl Into<String>, kind: CompletionKind, replace: TextRange) -> CompletionItem {
        let label = label.into();
        CompletionItem {
            insert: label.clone(),
            label,
            kind,
            detail: None,
            documentation: None,
            replace,
            filter: None,
            sort: None,
            preselect: false,
            resolve: None,
        }
    }

    fn detail(mut self, d: impl Into<String>) -> Self {
        self.detail = Some(d.into());
        self
    }

    fn doc(mut self, d: impl Into<String>) -> Self {
        self.documentation = Some(d.into());
        self
    }

    fn insert(mut self, text: impl Into<String>) -> Self {
        self.insert = text.into();
        self
    }

    fn filter(mut self, f: impl Into<String>) -> Self {
        self.filter = Some(f.into());
        self
    }

    fn sort(mut self, s: impl Into<String>) -> Self {
        self.sort = Some(s.into());
        self
    }

    fn resolve(mut self, key: ResolveKey) -> Self {
        self.resolve = Some(key);
        self
    }
}

/// A completion answer. `incomplete` asks the editor to ask again as the user types (the list was
/// cut, or matching happened here rather than in the editor).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completion {
    pub items: Vec<CompletionItem>,
    pub incomplete: bool,
}

/// How many items a list holds at most before it is cut.
const MAX_ITEMS: usize = 200;

static PARAGRAPH_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*¶?\s*\d{1,3}\s*(?:\.|\)\.?)\s*(\(?[A-Za-z]{0,3}(?:(?:/{1,2}| )[A-Za-z ,/]*)?)$",
    )
    .expect("valid regex")
});
/// The rest of a portion marking after the cursor inside it: `C)`, `//NF)`.
static MARKING_REST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z/]{0,8}\)").expect("valid regex"));
/// A whole portion marking right after the cursor: `(C)`, `(S//NF)`.
static MARKING_WHOLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\([A-Za-z/]{1,8}\)").expect("valid regex"));
static SUBJECT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:subj(?:ect)?):\s*(\(?[A-Za-z/]{0,6})$").expect("valid regex")
});
static EO_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:e\.\s?o\.?|eo)\s*(\d{0,5}):?(\s+(?i:(decl|dng)?:?\s*)?(\S*))?$")
        .expect("valid regex")
});
static DTG_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*([ZOPRzopr](?: [ZOPRzopr])?)\s+([0-9]{0,6}Z?(?: [A-Za-z]{0,3}(?: \d{0,2})?)?)$",
    )
    .expect("valid regex")
});
static DTG_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9]{0,6}Z?(?: [A-Za-z]{0,3}(?: \d{0,2})?)?").expect("valid regex")
});
static REASONS_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:reasons?|reason:|reasons:|per|under section)\s*:?\s*(1?\.?[0-9]?)$")
        .expect("valid regex")
});
/// The rest of a reason list from inside its section number: `.4 (b) and (d)`.
static REASONS_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9.]*(?:\s*(?:,|and|AND|&|/|\+)?\s*\([a-hA-H]\))*").expect("valid regex")
});
/// A whole reason letter right after the cursor: `(b)`.
static REASON_WHOLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\([a-hA-H]\)").expect("valid regex"));
/// The rest of a reason letter after `(`: `b)`.
static REASON_LETTER_REST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-hA-H]?\)").expect("valid regex"));
/// The closing parenthesis of a reason letter after `(b`.
static REASON_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\)").expect("valid regex"));
static REASONS_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:1\.[45]\s*|\([a-h]\)\s*(?:,|and|&|/|\+)?\s*)(\(?[a-h]?)$")
        .expect("valid regex")
});

/// What the cables of the document's folder use, from outside the cable: the next free banner
/// serial of a station in a year ([`FolderState::next_serial`]) and the next FL1 channel sequence
/// number ([`FolderState::next_sequence`]). Called only when a completion needs it (reading a
/// folder is not free).
pub type FolderOf<'f> = &'f dyn Fn() -> FolderState;

/// The start of a transmission header line after FL1: FL2's prosign and first routing indicator,
/// the DE line, FL4, FL5 or FM.
static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:ZZ|OO|PP|RR|NN) R[A-Z0-9]{3,7}\b|DE R[A-Z0-9]{3,6} |ZN[RY] [A-Z]{5}|[ZOPR] (?:[ZOPR] )?\d{6}Z |FM )",
    )
    .expect("valid regex")
});

/// The completions at a byte offset. `now` is the current UTC time (for the date-time group and
/// for declassification dates in a cable without a date).
pub fn completions(cable: &Cable<'_>, tables: &Tables, offset: usize, now: DateTime) -> Completion {
    completions_with(cable, tables, offset, now, None)
}

/// [`completions`], with what the cables of the document's folder use: the next free serial for
/// the FL1 and DE lines of a cable whose banner has no serial yet, and for FL1 of a cable that
/// does not say its station either, the next channel sequence number after those of the folder's
/// recent cables (without the folder, serial 1, as `cablelint new` in an empty folder).
pub fn completions_with(
    cable: &Cable<'_>,
    tables: &Tables,
    offset: usize,
    now: DateTime,
    folder: Option<FolderOf<'_>>,
) -> Completion {
    let offset = clamp_offset(cable.src, offset);
    let line = line_at(cable, offset);
    let before = line.before(offset);
    let ctx = Ctx {
        cable,
        tables,
        offset,
        line,
        before,
        now,
        folder,
    };
    let upper = before.trim_start().to_ascii_uppercase();

    if let Some(c) = ctx.transmission_line() {
        return c;
    }
    if let Some(c) = ctx.routing_line() {
        return c;
    }
    if let Some(c) = ctx.de_line() {
        return c;
    }

    if line.kind == LineKind::Tags || starts_with_label(&upper, &["TAGS:", "TAGS ", "TAG:", "TAG "])
    {
        return ctx.tags();
    }
    if let Some(c) = ctx.addressee_context(&upper) {
        return c;
    }
    if upper.starts_with("FM ") || line.kind == LineKind::Fm {
        return ctx.originators();
    }
    if let Some(c) = ctx.dtg() {
        return c;
    }
    if let Some(c) = ctx.security_line() {
        return c;
    }
    if let Some(caps) = PARAGRAPH_PREFIX.captures(before) {
        let m = caps.get(1).expect("group 1");
        return ctx.markings(line.range.start() + m.start());
    }
    if let Some(caps) = SUBJECT_PREFIX.captures(before.trim_start()) {
        let m = caps.get(1).expect("group 1");
        let start = offset - (before.trim_start().len() - m.start());
        return ctx.markings(start);
    }
    if line.kind == LineKind::ClassifiedBy || upper.starts_with("CLASSIFIED BY") {
        return ctx.reasons();
    }
    if line.kind == LineKind::Eo || upper.starts_with("E.O") || upper.starts_with("EO ") {
        if let Some(c) = ctx.eo_line() {
            return c;
        }
    }
    if ctx.at_banner() {
        return ctx.banner();
    }
    if let Some(c) = ctx.pre_text() {
        return c;
    }
    Completion::default()
}

/// A line's kind, or, for a line the parse could not place (the header being typed top-down,
/// before the FM line makes it a header), the header line its start has the shape of: `DE`, the
/// security line (`ZNR`, `ZNY`), the date-time group (`R 011546Z`), `FM` and the addressee lines
/// (`TO`, `INFO`, `RUEHAB/…`).
fn shaped_kind(kind: LineKind, text: &str) -> LineKind {
    if !matches!(
        kind,
        LineKind::Blank
            | LineKind::Unknown
            | LineKind::Text
            | LineKind::Passing
            | LineKind::Banner
            | LineKind::Caption
    ) {
        return kind;
    }
    let t = text.trim().to_ascii_uppercase();
    if t == "DE" || t.starts_with("DE ") {
        LineKind::De
    } else if t.starts_with("ZNR") || t.starts_with("ZNY") {
        LineKind::Security
    } else if DTG_SHAPE.is_match(&t) {
        LineKind::Dtg
    } else if t.starts_with("FM ") {
        LineKind::Fm
    } else if t.starts_with("TO ") || t.starts_with("INFO ") || ADDRESSEE_SHAPE.is_match(&t) {
        LineKind::Addressee
    } else {
        kind
    }
}

static DTG_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ZOPR] (?:[ZOPR] )?\d{6}Z\b").expect("valid regex"));
static ADDRESSEE_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^R[A-Z0-9]{3,6}/[A-Z]").expect("valid regex"));

fn clamp_offset(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

fn starts_with_label(upper: &str, labels: &[&str]) -> bool {
    labels.iter().any(|l| upper.starts_with(l))
}

struct Ctx<'c, 'a> {
    cable: &'c Cable<'a>,
    tables: &'c Tables,
    offset: usize,
    line: LineAt<'a>,
    before: &'a str,
    now: DateTime,
    folder: Option<FolderOf<'c>>,
}

impl Ctx<'_, '_> {
    /// The range from `start` to the end of the word the cursor is in.
    fn replace_from(&self, start: usize, is_word: impl Fn(char) -> bool) -> TextRange {
        let rest = &self.cable.src[self.offset..self.line.range.end()];
        let len = rest
            .char_indices()
            .find(|&(_, c)| !is_word(c))
            .map_or(rest.len(), |(i, _)| i);
        TextRange::new(start.min(self.offset), self.offset + len)
    }

    /// The cable's date: the date-time group's, else today.
    fn cable_date(&self) -> Date {
        self.cable.header.dtg_date().unwrap_or(self.now.date)
    }

    /// The classification the cable has so far: the banner's, else the security line's.
    fn level(&self) -> Option<Level> {
        if let Some(b) = &self.cable.body.banner {
            return Some(b.level.level());
        }
        self.cable
            .header
            .security
            .as_ref()
            .and_then(|s| s.level)
            .map(|c| c.level())
    }

    // -- TAGS ---------------------------------------------------------------------------------

    fn tags(&self) -> Completion {
        let before = self.before;
        // The token being typed starts after the last space or comma (and after the label).
        let token_start = before.rfind([' ', ',', '\t']).map_or(0, |i| i + 1);
        let lead = self.line.text.len() - self.line.text.trim_start().len();
        let upper_line = self.line.text[lead..].to_ascii_uppercase();
        let label_len = if upper_line.starts_with("TAGS") {
            4
        } else if upper_line.starts_with("TAG") {
            3
        } else {
            0
        };
        // Where the tags start: after the label, else after the indentation.
        let mut words_from = lead;
        if label_len > 0 {
            let mut label_end = lead + label_len;
            if self.line.text[label_end..].starts_with(':') {
                label_end += 1;
            }
            // On the label itself, or right after it without a space: nothing yet.
            if before.len() <= label_end {
                return Completion::default();
            }
            words_from = label_end;
        }
        // Inside a personal tag's parentheses there is nothing to offer.
        if before.matches('(').count() > before.matches(')').count() {
            return Completion::default();
        }
        let token = &before[token_start..];
        let start = self.line.range.start() + token_start;
        let replace =
            self.replace_from(start, |c| c.is_ascii_alphanumeric() || c == '-' || c == '/');
        let prefix = token.to_ascii_uppercase();
        // The tokens on the line other than the one being completed.
        let mut present: Vec<String> = Vec::new();
        let mut pos = self.line.range.start();
        for w in self.line.text.split([' ', ',', '\t']) {
            let under_cursor = pos <= replace.start() && replace.start() <= pos + w.len();
            if !under_cursor && !w.trim().is_empty() {
                present.push(w.trim().to_ascii_uppercase());
            }
            pos += w.len() + 1;
        }
        // A tag's name typed in several words (`NORTH MACED`, `SAUDI AR`, `SOUTH KOR`): the tags
        // it names come first, and accepting any item replaces all the words (`NORTH MK` is no
        // TAGS line).
        let (name_start, named) = self.tag_name_before(words_from, token_start);
        let wide = TextRange::new(self.line.range.start() + name_start, replace.end());
        // Found by code, then by the words of the title (`JAP` finds JA, `KOREA` finds KS and
        // KN), as `cablelint data tags` finds them; the tables order them.
        let mut tags = named.clone();
        tags.extend(
            self.tables
                .search_tags(&prefix, usize::MAX)
                .into_iter()
                .filter(|t| t.is_valid() && !named.iter().any(|n| n.code == t.code)),
        );
        // A tag already elsewhere on the line is still offered, after the others and marked, so
        // that typing it shows why it is no new tag instead of finding it missing.
        let (mut tags, on_line): (Vec<_>, Vec<_>) =
            tags.into_iter().partition(|t| !present.contains(&t.code));
        // A valid code that `misused-tag` reports as a known misuse (`EU`, Europa Island, written
        // for the European Union) comes right after the code meant (`EUN`) when both are offered.
        let misuses: Vec<(String, String)> = tags
            .iter()
            .filter_map(|t| Some((t.code.clone(), self.tables.tag_fix(&t.code)?.replacement)))
            .collect();
        for (code, meant) in &misuses {
            let at = |tags: &[&Tag], c: &str| tags.iter().position(|t| t.code == c);
            if let (Some(i), Some(j)) = (at(&tags, code), at(&tags, meant)) {
                if i < j {
                    let t = tags.remove(i);
                    tags.insert(j, t);
                }
            }
        }
        let by_title = tags.iter().any(|t| !t.code.starts_with(&prefix));
        // Under three letters the tables match codes only; the words of titles come with the third
        // letter, so the editor must ask again rather than narrow this list itself (`G` then
        // `GERMA` must find GM, GERMANY).
        let titles_pending = prefix.len() < 3;
        let incomplete = tags.len() > MAX_ITEMS || by_title || titles_pending;
        tags.truncate(MAX_ITEMS);
        let fresh = tags.len();
        tags.extend(
            on_line
                .into_iter()
                .filter(|t| !prefix.is_empty() && t.code.starts_with(&prefix)),
        );
        let items = tags
            .into_iter()
            .enumerate()
            .map(|(rank, t)| {
                let mut detail = match t.shown_title() {
                    Some(title) => format!("{title} — {}", tag_kind_name(t.kind)),
                    None => tag_kind_name(t.kind).to_string(),
                };
                if t.retired {
                    detail.push_str(" (retired)");
                }
                if let Some(fix) = self.tables.tag_fix(&t.code) {
                    // What `misused-tag` says of it: the code meant.
                    let meant = fix.reason.split_once("; ").map_or(&*fix.reason, |(_, m)| m);
                    detail.push_str(&format!("; {meant}"));
                }
                // `~` sorts after the digits of the other items' keys.
                let (sort, detail) = if rank < fresh {
                    (format!("{rank:04}"), detail)
                } else {
                    (
                        format!("~{rank:04}"),
                        format!("already on this TAGS line — {detail}"),
                    )
                };
                // After a name typed in words every item replaces them all and is filtered on
                // them: the items share one start, which Neovim needs to filter on the words
                // (with items of different starts it filters on the word at the cursor alone,
                // `KOR` of `SOUTH KOR`, and drops the tags whose filter begins `SOUTH`).
                let range = if named.is_empty() { replace } else { wide };
                let mut item =
                    CompletionItem::new(t.code.clone(), CompletionKind::Tag(t.kind), range)
                        .detail(detail)
                        .sort(sort)
                        .resolve(ResolveKey::Tag {
                            code: t.code.clone(),
                        });
                // Found by its title: the editor filters on what is typed, then the code.
                if !named.is_empty() {
                    let typed = &before[name_start..];
                    item = item.filter(format!("{typed} {} {}", t.code, t.title));
                } else if !t.code.starts_with(&prefix) {
                    item = item.filter(format!("{token} {} {}", t.code, t.title));
                }
                item
            })
            .collect();
        Completion { items, incomplete }
    }

    /// The start (in the line) of a tag's name typed in several words that ends with the token
    /// at `token_start`, and the tags whose name it begins ([`Tables::tags_named_from`]): the
    /// longest run of up to three words before the token, after `words_from`, separated by
    /// spaces only and none of them a tag code, that begins a name (`NORTH MACED` → MK, `SAUDI
    /// AR` → SA). `(token_start, [])` when there is none.
    fn tag_name_before(&self, words_from: usize, token_start: usize) -> (usize, Vec<&Tag>) {
        let before = self.before;
        let mut found = (token_start, Vec::new());
        if before.len() == token_start {
            return found;
        }
        let mut from = token_start;
        for _ in 0..3 {
            // The delimiters are ASCII, so every cut below falls on a character boundary.
            let gap = before[..from].trim_end_matches([' ', '\t']);
            if gap.len() == from {
                break;
            }
            let word_start = gap
                .rfind([' ', '\t', ',', '(', ')', ':'])
                .map_or(0, |i| i + 1);
            let word = &gap[word_start..];
            // A word of a name has a letter or digit: an emoji or a lone sign (which the name
            // search folds away, so that `😀 P` would read as `P`) ends the name.
            if word_start < words_from || !word.chars().any(char::is_alphanumeric) {
                break;
            }
            if self.tables.tag(&word.to_ascii_uppercase()).is_some() {
                break;
            }
            from = word_start;
            let tags = self.tables.tags_named_from(&before[from..]);
            if !tags.is_empty() {
                found = (from, tags);
            }
        }
        found
    }

    // -- Addressees -----------------------------------------------------------------------------

    /// Addressee completion when the cursor is on a `TO`/`INFO`/`XMT` line or a continuation line of
    /// one of those blocks.
    fn addressee_context(&self, upper: &str) -> Option<Completion> {
        let lead = self.before.len() - self.before.trim_start().len();
        use crate::syntax::AddresseeBlock;
        // The cursor in the block's label (`T|O RUEHC/SECSTATE WASHDC`): an addressee there would
        // replace the label.
        let line_upper = self.line.text.trim_start().to_ascii_uppercase();
        if ["TO ", "INFO ", "XMT "]
            .iter()
            .any(|k| line_upper.starts_with(k) && upper.len() < k.len())
        {
            return Some(Completion::default());
        }
        let (rest_start, block) = if let Some(kw) = ["TO ", "INFO ", "XMT ", "XMT/"]
            .iter()
            .find(|k| upper.starts_with(**k))
        {
            let after = &self.before[lead + kw.len()..];
            let block = match kw.as_bytes()[0] {
                b'T' => AddresseeBlock::To,
                b'I' => AddresseeBlock::Info,
                _ => AddresseeBlock::Xmt,
            };
            (
                lead + kw.len() + (after.len() - after.trim_start().len()),
                Some(block),
            )
        } else if self.is_addressee_continuation() {
            (lead, self.block_of_previous_line())
        } else {
            return None;
        };
        let xmt = block == Some(AddresseeBlock::Xmt);
        let rest = &self.before[rest_start..];
        let start = self.line.range.start() + rest_start;
        if let Some(c) = self.precedence_words(rest, start, block) {
            return Some(c);
        }
        Some(if xmt {
            self.posts(rest, start, None)
        } else {
            self.addressees(rest, start)
        })
    }

    /// Whether the cursor's line continues an addressee block: the parser says so, or the previous
    /// line is an addressee line and the text has not started yet.
    fn is_addressee_continuation(&self) -> bool {
        if self.line.kind == LineKind::Addressee {
            return true;
        }
        if !matches!(
            self.line.kind,
            LineKind::Blank | LineKind::Unknown | LineKind::Text
        ) {
            return false;
        }
        let prev = self
            .line
            .number
            .checked_sub(1)
            .and_then(|n| line(self.cable, n));
        let before_banner = self
            .cable
            .body
            .banner
            .as_ref()
            .is_none_or(|b| b.range.start() >= self.line.range.end());
        prev.is_some_and(|p| shaped_kind(p.kind, p.text) == LineKind::Addressee) && before_banner
    }

    fn block_of_previous_line(&self) -> Option<crate::syntax::AddresseeBlock> {
        self.cable
            .header
            .addressees
            .iter()
            .rev()
            .find(|a| a.range.start() < self.line.range.start())
            .map(|a| a.block)
    }

    /// The precedence an addressee line of `block` most likely takes: on a TO line the FL5
    /// letter's; on an INFO line the FL5 information letter's, else the action addressees'
    /// highest (IMMEDIATE for NIACT, spec §4), else the FL5 letter's.
    fn expected_precedence(
        &self,
        block: Option<crate::syntax::AddresseeBlock>,
    ) -> Option<Precedence> {
        use crate::syntax::AddresseeBlock;
        let fl5 = self.cable.header.dtg.as_ref();
        let action = fl5.and_then(|d| d.precedence_value);
        match block? {
            AddresseeBlock::To => action,
            AddresseeBlock::Info => fl5
                .and_then(|d| d.info_precedence.and_then(|(_, p)| p))
                .or_else(|| {
                    self.cable
                        .header
                        .addressees
                        .iter()
                        .filter(|a| a.block == AddresseeBlock::To)
                        .map(|a| a.precedence_value())
                        .max_by_key(|p| p.letter_rank())
                })
                .or(action)
                .map(|p| {
                    if p == Precedence::NiactImmediate {
                        Precedence::Immediate
                    } else {
                        p
                    }
                }),
            AddresseeBlock::Xmt => None,
        }
    }

    /// Precedence words after a complete address (`RUEHBJ/AMEMBASSY BEIJING PRI|`): the
    /// expected one first and preselected; on an INFO line the lowest first otherwise, never
    /// FLASH.
    fn precedence_words(
        &self,
        rest: &str,
        rest_start: usize,
        block: Option<crate::syntax::AddresseeBlock>,
    ) -> Option<Completion> {
        let slash = rest.find('/')?;
        let ri = &rest[..slash];
        let after = &rest[slash + 1..];
        // The partial word is the last word, or the last two when they start with NIACT.
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut pos = 0;
        for w in after.split(' ') {
            words.push((pos, w));
            pos += w.len() + 1;
        }
        if words.len() < 2 {
            return None;
        }
        let (mut pstart, partial) = *words.last()?;
        let mut partial_text = partial.to_ascii_uppercase();
        if words.len() >= 3 && words[words.len() - 2].1.eq_ignore_ascii_case("NIACT") {
            pstart = words[words.len() - 2].0;
            partial_text = after[pstart..].to_ascii_uppercase();
        }
        let address = after[..pstart].trim_end().to_ascii_uppercase();
        if address.is_empty() {
            return None;
        }
        let known = self
            .tables
            .addressees_for_ri(&ri.to_ascii_uppercase())
            .iter()
            .any(|a| a.address.eq_ignore_ascii_case(&address))
            || self.tables.post_by_name(&address).is_some();
        let matches: Vec<_> = Precedence::ALL
            .into_iter()
            .filter(|p| p.is_written() && p.word().starts_with(&partial_text))
            .collect();
        if !known && (partial_text.is_empty() || matches.is_empty()) {
            return None;
        }
        let start = rest_start + slash + 1 + pstart;
        let replace = self.replace_from(start, |c| c.is_ascii_alphabetic());
        let expected = self.expected_precedence(block).filter(|p| p.is_written());
        let info = block == Some(crate::syntax::AddresseeBlock::Info);
        let items = matches
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let word = p.word();
                // On an INFO line the lowest comes first: information addressees rarely take
                // more than the action ones, and NIACT is for action addressees.
                let rank = if info {
                    4 - i + usize::from(p == Precedence::NiactImmediate) * 10
                } else {
                    i
                };
                let mut item = CompletionItem::new(word, CompletionKind::Precedence, replace)
                    .detail(format!("precedence {}", p.letter()))
                    .doc(p.description())
                    .sort(if expected == Some(p) {
                        "0".to_string()
                    } else {
                        format!("1{rank:02}")
                    })
                    .resolve(ResolveKey::Precedence {
                        word: word.to_string(),
                    });
                item.preselect = expected == Some(p);
                item
            })
            .collect();
        Some(Completion {
            items,
            incomplete: false,
        })
    }

    /// The addressee written on the cursor's line around the cursor, if any.
    fn addressee_under_cursor(&self) -> Option<&crate::syntax::Addressee> {
        self.cable.header.addressees.iter().find(|a| {
            self.line.range.start() <= a.range.start()
                && a.range.start() <= self.offset
                && self.offset <= a.range.end()
        })
    }

    fn addressees(&self, query: &str, start: usize) -> Completion {
        let mut replace =
            self.replace_from(start, |c| c.is_ascii_alphanumeric() || c == '/' || c == '-');
        // The whole addressee `RI/ADDRESS` is replaced, even with the cursor inside it; its
        // precedence word and continuity number stay.
        let under = self.addressee_under_cursor();
        if let Some(end) = under.and_then(|a| {
            a.address
                .or(a.routing_indicator)
                .map(|t| t.end())
                .filter(|&e| e >= self.offset)
        }) {
            replace = TextRange::new(replace.start(), replace.end().max(end));
        }
        // Addressees the cable already has are not offered again.
        let present: Vec<(String, String)> = self
            .cable
            .header
            .addressees
            .iter()
            .filter(|a| under.is_none_or(|u| u.range != a.range))
            .filter_map(|a| {
                let ri = self.cable.text(a.routing_indicator?);
                let address = self.cable.text(a.address?);
                Some((ri.to_ascii_uppercase(), address.to_ascii_uppercase()))
            })
            .collect();
        // `RUEHBJ/AMEMBASSY BE`: the addresses of that routing indicator, by their beginning;
        // otherwise a free search by routing indicator, city or country.
        let found = match query.trim().split_once('/') {
            Some((ri, address)) => {
                let address = address.trim_start().to_ascii_uppercase();
                let mut of_ri: Vec<_> = self
                    .tables
                    .addressees_for_ri(ri.trim())
                    .into_iter()
                    .filter(|a| a.address.starts_with(&address))
                    .collect();
                if of_ri.is_empty() && !address.is_empty() {
                    of_ri = self.tables.search_addressees(&address, MAX_ITEMS + 1);
                }
                of_ri
            }
            None => self.tables.search_addressees(query.trim(), MAX_ITEMS + 1),
        };
        let incomplete = true;
        let q = query.trim().to_ascii_uppercase();
        let items = found
            .into_iter()
            .filter(|a| {
                !present
                    .iter()
                    .any(|(ri, ad)| *ri == a.routing_indicator && *ad == a.address)
            })
            // Variant spellings from real headers (`SESTATE WASHDC`) are never offered.
            .filter(|a| self.tables.variant_of(a).is_none())
            .take(MAX_ITEMS)
            .enumerate()
            .map(|(rank, a)| {
                let label = format!("{}/{}", a.routing_indicator, a.address);
                let mut item =
                    CompletionItem::new(label.clone(), CompletionKind::Addressee, replace)
                        .sort(format!("{rank:04}"))
                        .resolve(ResolveKey::Addressee {
                            ri: a.routing_indicator.clone(),
                            address: a.address.clone(),
                        });
                if let Some(post) = self.tables.post_by_name(&a.address) {
                    if let Some(title) = post
                        .country_tag
                        .as_deref()
                        .and_then(|c| self.tables.tag(c))
                        .and_then(|t| t.shown_title())
                    {
                        item = item.detail(title.to_string());
                    }
                }
                // Matched by city or country rather than by its start: let the editor keep it.
                if !q.is_empty() && !label.starts_with(&q) {
                    item = item.filter(format!("{query} {label}"));
                }
                item
            })
            .collect();
        Completion { items, incomplete }
    }

    /// Posts by a free query. `station` is the routing indicator of the DE line on the FM line:
    /// the posts it serves come first, the first of them preselected.
    fn posts(&self, query: &str, start: usize, station: Option<&str>) -> Completion {
        let replace = TextRange::new(
            start.min(self.offset),
            self.line.range.end().max(self.offset),
        );
        let mut found = self.tables.search_posts(query.trim(), MAX_ITEMS + 1);
        let q = query.trim().to_ascii_uppercase();
        let mut first = 0;
        if let Some(station) = station {
            let of_station: Vec<_> = self
                .tables
                .posts_for_ri(station)
                .into_iter()
                .filter(|p| {
                    q.is_empty()
                        || p.name.starts_with(&q)
                        || found.iter().any(|f| std::ptr::eq(*f, *p))
                })
                .collect();
            found.retain(|f| !of_station.iter().any(|p| std::ptr::eq(*f, *p)));
            first = of_station.len();
            found.splice(0..0, of_station);
        }
        let items = found
            .into_iter()
            .take(MAX_ITEMS)
            .enumerate()
            .map(|(rank, p)| {
                let mut item =
                    CompletionItem::new(p.name.clone(), CompletionKind::Originator, replace)
                        .sort(format!("{rank:04}"))
                        .resolve(ResolveKey::Post {
                            name: p.name.clone(),
                        });
                item.preselect = rank == 0 && first > 0;
                let mut detail = Vec::new();
                if let Some(ri) = p.routing_indicator() {
                    detail.push(ri.to_string());
                }
                if let Some(title) = p
                    .country_tag
                    .as_deref()
                    .and_then(|c| self.tables.tag(c))
                    .and_then(|t| t.shown_title())
                {
                    detail.push(title.to_string());
                }
                if rank < first {
                    detail.insert(0, "the DE line's station".to_string());
                }
                if !detail.is_empty() {
                    item = item.detail(detail.join(" · "));
                }
                if !q.is_empty() && !p.name.starts_with(&q) {
                    item = item.filter(format!("{query} {}", p.name));
                }
                item
            })
            .collect();
        Completion {
            items,
            incomplete: true,
        }
    }

    fn originators(&self) -> Completion {
        let lead = self.before.len() - self.before.trim_start().len();
        let after_fm = self.before[lead..].get(2..).unwrap_or("");
        let rest_start = lead + 2 + (after_fm.len() - after_fm.trim_start().len());
        if self.before.len() < rest_start {
            return Completion::default();
        }
        let station = self
            .cable
            .header
            .de
            .as_ref()
            .and_then(|d| d.station)
            .map(|s| self.cable.text(s).to_ascii_uppercase());
        let mut completion = self.posts(
            &self.before[rest_start..],
            self.line.range.start() + rest_start,
            station.as_deref(),
        );
        if after_fm.is_empty() {
            // The cursor right after `FM`: the post's name is written after a space.
            for item in &mut completion.items {
                item.insert.insert(0, ' ');
            }
        }
        completion
    }

    /// The kind of the last non-blank line before the cursor's line (a `VZCZCXYZ` copy has a
    /// blank line between FL2 and the DE line); a header line still being written counts by its
    /// shape ([`shaped_kind`]).
    fn previous_written_kind(&self) -> Option<LineKind> {
        (0..self.line.number)
            .rev()
            .filter_map(|n| line(self.cable, n))
            .find(|l| !l.text.trim().is_empty())
            .map(|l| shaped_kind(l.kind, l.text))
    }

    /// Whether the line before the cursor's line is of `kind`, or has its shape while it is being
    /// written (`DE ` alone, `ZNR` before its code): the header is typed top-down, and each line's
    /// completion works before the lines under it make the parse read the header.
    fn previous_line_is(&self, kind: LineKind) -> bool {
        self.line
            .number
            .checked_sub(1)
            .and_then(|n| line(self.cable, n))
            .is_some_and(|p| shaped_kind(p.kind, p.text) == kind)
    }

    // -- FL1 to FL3 ---------------------------------------------------------------------------------

    /// Whether every line before the cursor's is blank.
    fn first_written_line(&self) -> bool {
        (0..self.line.number).all(|n| line(self.cable, n).is_none_or(|l| l.text.trim().is_empty()))
    }

    /// The range of the whole written line, from its first non-blank character (or the cursor)
    /// to its last.
    fn whole_line(&self) -> TextRange {
        let lead = self.line.text.len() - self.line.text.trim_start().len();
        let start = (self.line.range.start() + lead).min(self.offset);
        let end = self.line.range.start() + self.line.text.trim_end().len();
        TextRange::new(start, end.max(self.offset))
    }

    /// The FM post, when the FM line names a known one.
    fn fm_post(&self) -> Option<&crate::data::Post> {
        let plad = self.cable.text(self.cable.header.fm.as_ref()?.plad?);
        self.tables.post_by_name(plad.trim())
    }

    /// The station serial of the cable: the banner's, else the DE line's, else the next free one
    /// of the FM post's station in the folder (from the caller), else 1.
    fn serial(&self) -> u32 {
        self.known_serial().unwrap_or(1)
    }

    /// [`Self::serial`] when the cable or its folder tells it: `None` without a banner or DE
    /// serial, and without a known FM post and the folder.
    fn known_serial(&self) -> Option<u32> {
        if let Some(s) = self.cable.body.banner.as_ref().and_then(|b| b.serial) {
            return Some(s.value);
        }
        if let Some(s) = self.cable.header.de.as_ref().and_then(|d| d.serial) {
            return Some(s.value);
        }
        let station = self.fm_post().and_then(|p| p.station.clone())?;
        let folder = self.folder?;
        Some(folder().next_serial(&station, self.cable_date().year))
    }

    /// The highest precedence among the action and information addressees written so far.
    fn addressee_precedence(&self) -> Option<Precedence> {
        self.cable
            .header
            .addressees
            .iter()
            .filter(|a| a.block != crate::syntax::AddresseeBlock::Xmt)
            .map(|a| a.precedence_value())
            .max_by_key(|p| (p.letter_rank(), *p == Precedence::NiactImmediate))
    }

    /// FL1 on the first line of a cable: `VZCZC`, the channel designator and the sequence number
    /// (the last four digits of the station serial, as `cablelint new` writes it; when the cable
    /// does not tell its serial or station yet, the next number on the channel after those of the
    /// folder's recent cables, as `cablelint new` continues message continuity numbers). `XRO` is
    /// the channel of most real cables, `XYZ` the other one seen.
    fn transmission_line(&self) -> Option<Completion> {
        let typed = self.before.trim_start().to_ascii_uppercase();
        let on_fl1 = self.line.kind == LineKind::Transmission
            || (self.first_written_line()
                && !typed.is_empty()
                && ("VZCZC".starts_with(&typed) || typed.starts_with("VZCZC")));
        if !on_fl1 {
            return None;
        }
        let replace = self.whole_line();
        let known = self.known_serial();
        let folder = match (known, self.folder) {
            (None, Some(folder)) => Some(folder()),
            _ => None,
        };
        let items = [
            ("XRO", "the channel of most cables"),
            ("XYZ", "channel XYZ"),
        ]
        .iter()
        .enumerate()
        .map(|(i, (channel, what))| {
            let sequence = known
                .or_else(|| folder.as_ref()?.next_sequence(channel))
                .unwrap_or(1)
                % 10_000;
            let text = format!("VZCZC{channel}{sequence:04}");
            let mut item = CompletionItem::new(text.clone(), CompletionKind::Line, replace)
                .detail(format!("transmission identifier (FL1), {what}"))
                .filter(text)
                .sort(format!("{i}"));
            item.preselect = i == 0;
            item
        })
        .collect();
        Some(Completion {
            items,
            incomplete: false,
        })
    }

    /// FL2 after FL1: the precedence prosign of the highest addressee precedence, then the routing
    /// indicators of the addressees already written (the whole line as one item, wrapped as
    /// `cablelint new` wraps it); each prosign alone; after the prosign, and on a continuation
    /// line of a routing line that wraps, each routing indicator not on FL2 yet.
    fn routing_line(&self) -> Option<Completion> {
        let typed = self.before.trim_start();
        let starts_here = self.cable.header.routing.as_ref().is_some_and(|r| {
            r.prosign.start() >= self.line.range.start()
                && r.prosign.start() <= self.line.range.end()
        });
        let new_line = matches!(
            self.line.kind,
            LineKind::Blank | LineKind::Unknown | LineKind::Text | LineKind::Passing
        );
        let on_fl2 = self.line.kind == LineKind::Routing && starts_here
            || (self.previous_line_is(LineKind::Transmission) && new_line);
        // A continuation line: parsed as one, or a new line after FL2 where a routing indicator
        // is being typed (`R`; an empty line is the DE line's).
        let continuation = !on_fl2
            && (self.line.kind == LineKind::Routing
                || (self.previous_written_kind() == Some(LineKind::Routing)
                    && new_line
                    && typed.starts_with(['R', 'r'])));
        if !on_fl2 && !continuation {
            return None;
        }
        if !typed.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') {
            return None;
        }
        let mut ris: Vec<String> = Vec::new();
        for a in &self.cable.header.addressees {
            if a.block == crate::syntax::AddresseeBlock::Xmt {
                continue;
            }
            let Some(ri) = a
                .routing_indicator
                .map(|r| self.cable.text(r).to_ascii_uppercase())
            else {
                continue;
            };
            if ri.starts_with('R') && !ris.contains(&ri) {
                ris.push(ri);
            }
        }
        let precedence = self.addressee_precedence().or_else(|| {
            self.cable
                .header
                .dtg
                .as_ref()
                .and_then(|d| d.precedence_value)
        });
        let mut items = Vec::new();
        if on_fl2 && !typed.contains(' ') {
            // On the prosign: the whole line, then each prosign.
            if let (Some(p), false) = (precedence, ris.is_empty()) {
                let mut text = p.prosign().to_string();
                let mut width = text.len();
                for r in &ris {
                    if width + 1 + r.len() > crate::vocab::LINE_WIDTH {
                        text.push('\n');
                        width = 0;
                    } else {
                        text.push(' ');
                        width += 1;
                    }
                    text.push_str(r);
                    width += r.len();
                }
                let label = text.replace('\n', " ");
                items.push(
                    CompletionItem::new(label.clone(), CompletionKind::Line, self.whole_line())
                        .insert(text)
                        .detail("precedence prosign and the addressees' routing indicators (FL2)")
                        .filter(label)
                        .sort("0")
                        .preselect(),
                );
            }
            let start = self.line.range.start() + (self.before.len() - typed.len());
            let replace = self.replace_from(start, |c| c.is_ascii_alphabetic());
            for (i, p) in [
                Precedence::Flash,
                Precedence::Immediate,
                Precedence::Priority,
                Precedence::Routine,
            ]
            .into_iter()
            .enumerate()
            {
                let matches = precedence.is_some_and(|q| q.prosign() == p.prosign());
                let mut item =
                    CompletionItem::new(p.prosign(), CompletionKind::Precedence, replace)
                        .detail(format!("precedence prosign: {}", p.word()))
                        .sort(format!("{}{i}", if matches { 1 } else { 2 }));
                if matches {
                    item = item.detail(format!(
                        "precedence prosign: {} (the highest addressee precedence)",
                        p.word()
                    ));
                    item.preselect = items.is_empty();
                }
                items.push(item);
            }
        } else {
            // After the prosign, or on a continuation line: the routing indicators not on FL2 yet.
            let token_start = self.before.rfind(' ').map_or(0, |i| i + 1);
            let start = self.line.range.start() + token_start;
            let replace = self.replace_from(start, |c| c.is_ascii_alphanumeric());
            let written: Vec<String> = self
                .cable
                .header
                .routing
                .iter()
                .flat_map(|r| r.indicators.iter())
                .filter(|t| !(replace.start() <= t.start() && t.end() <= replace.end()))
                .map(|&t| self.cable.text(t).to_ascii_uppercase())
                .collect();
            let rest: Vec<&String> = ris.iter().filter(|r| !written.contains(r)).collect();
            if rest.len() > 1 {
                let all = rest
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                items.push(
                    CompletionItem::new(all.clone(), CompletionKind::Line, replace)
                        .detail("the routing indicators of the addressees not on FL2 yet")
                        .filter(all)
                        .sort("0"),
                );
            }
            for (i, r) in rest.into_iter().enumerate() {
                let address = self
                    .tables
                    .first_addressee_for_ri(r)
                    .map(|a| a.address.clone());
                let mut item = CompletionItem::new(r.clone(), CompletionKind::Addressee, replace)
                    .sort(format!("1{i:03}"));
                if let Some(a) = address {
                    item = item.detail(a);
                }
                items.push(item);
            }
        }
        Some(Completion {
            items,
            incomplete: false,
        })
    }

    /// FL3 after FL2: `DE`, the routing indicator of the FM post, `#` and the last four digits of
    /// the station serial (with the banner's section), and the julian day and time of the
    /// date-time group (of now without one). Nothing before the FM line names a known post.
    fn de_line(&self) -> Option<Completion> {
        // The line as typed from its first character to the cursor, the item's range up to it.
        let written = self.before.trim_start();
        let typed = written.to_ascii_uppercase();
        let on_fl3 = self.line.kind == LineKind::De
            || (self.previous_written_kind() == Some(LineKind::Routing)
                && matches!(
                    self.line.kind,
                    LineKind::Blank | LineKind::Unknown | LineKind::Text | LineKind::Passing
                )
                && (typed.is_empty() || "DE".starts_with(&typed) || typed.starts_with("DE ")));
        if !on_fl3 {
            return None;
        }
        // Without the FM line yet, the station is the routing indicator of a post the drafter
        // names after `DE` (`DE ACCRA`, `DE RUEHA`): one item per post found.
        let posts: Vec<(String, Option<String>)> = match self.fm_post() {
            Some(p) => vec![(p.routing_indicator()?.to_string(), None)],
            None => {
                let query = typed.strip_prefix("DE").unwrap_or("").trim();
                let ri_query = query.starts_with('R') && !query.contains(' ');
                self.tables
                    .search_posts(query, MAX_ITEMS)
                    .into_iter()
                    .chain(
                        ri_query
                            .then(|| self.tables.posts_for_ri(query))
                            .into_iter()
                            .flatten(),
                    )
                    .filter_map(|p| {
                        Some((p.routing_indicator()?.to_string(), Some(p.name.clone())))
                    })
                    .fold(Vec::new(), |mut found, post| {
                        if !found.contains(&post) {
                            found.push(post);
                        }
                        found
                    })
                    .into_iter()
                    .take(MAX_ITEMS)
                    .collect()
            }
        };
        let serial = self.serial() % 10_000;
        let section = self
            .cable
            .body
            .banner
            .as_ref()
            .and_then(|b| b.section)
            .map(|(n, _)| format!("/{:02}", n.value))
            .unwrap_or_default();
        let dtg = self.cable.header.dtg.as_ref().and_then(|d| d.dtg);
        let (date, hour, minute) = match dtg.and_then(|d| d.date().map(|date| (d, date))) {
            Some((d, date)) => (date, d.hour, d.minute),
            None => (self.now.date, self.now.hour, self.now.minute),
        };
        let incomplete = posts.first().is_some_and(|(_, name)| name.is_some());
        let items = posts
            .into_iter()
            .enumerate()
            .map(|(rank, (ri, name))| {
                let text = format!(
                    "DE {ri} #{serial:04}{section} {:03}{hour:02}{minute:02}",
                    date.ordinal()
                );
                let whose = match &name {
                    Some(n) => format!("of {n}"),
                    None => "of the FM post".to_string(),
                };
                let item =
                    CompletionItem::new(text.clone(), CompletionKind::Line, self.whole_line())
                        .detail(match &name {
                            Some(n) => {
                                format!("the station of {n}, serial, julian day and time (FL3)")
                            }
                            None => {
                                "originating station, serial, julian day and time of filing (FL3)"
                                    .to_string()
                            }
                        })
                        .doc(format!(
                            "`{ri}` is the routing indicator {whose}; day {:03} is {}.",
                            date.ordinal(),
                            dates::long_date(date)
                        ))
                        .sort(format!("{rank:04}"))
                        .filter(match &name {
                            // The line itself begins with what was typed (`DE `, or `DE RUEHA`
                            // that found the post by its routing indicator).
                            Some(n) if text.starts_with(written.trim_end()) => {
                                format!("{text} {n}")
                            }
                            // By its name (`de accra`): the words as typed, then the routing
                            // indicator and the name, so that a client filtering on the text
                            // typed keeps the item (Neovim compares it with the filter's
                            // beginning, in its case).
                            Some(n) => format!("{} {ri} {n}", written.trim_end()),
                            None => text,
                        });
                if rank == 0 && name.is_none() {
                    item.preselect()
                } else {
                    item
                }
            })
            .collect();
        Some(Completion { items, incomplete })
    }

    // -- Date-time group ------------------------------------------------------------------------

    fn dtg(&self) -> Option<Completion> {
        let prev_is_security = self.previous_line_is(LineKind::Security);
        let on_fl5 = self.line.kind == LineKind::Dtg
            || (prev_is_security
                && matches!(
                    self.line.kind,
                    LineKind::Blank | LineKind::Unknown | LineKind::Dtg
                ));
        if !on_fl5 {
            return None;
        }
        let dtg = self.now.dtg();
        if self.before.trim().is_empty() {
            // A whole FL5 line: the precedence letter and now. The letter is the highest
            // precedence of the addressees (spec §4 relation 2), first; the routing line's
            // prosign's, when it differs or there are no addressees yet; else ROUTINE.
            let addressees = self
                .cable
                .header
                .addressees
                .iter()
                .filter(|a| a.block != crate::syntax::AddresseeBlock::Xmt)
                .map(|a| a.precedence_value())
                .max_by_key(|p| p.letter_rank());
            let prosign = self
                .cable
                .header
                .routing
                .as_ref()
                .and_then(|r| r.precedence);
            let mut letters: Vec<(char, String)> = Vec::new();
            if let Some(p) = addressees {
                letters.push((
                    p.letter(),
                    format!("the highest addressee precedence, {}", p.word()),
                ));
            }
            if let Some(p) = prosign {
                if letters.iter().all(|(l, _)| *l != p.letter()) {
                    let prosign_text = self
                        .cable
                        .header
                        .routing
                        .as_ref()
                        .map(|r| r.prosign)
                        .map_or(String::new(), |t| format!(" `{}`", self.cable.text(t)));
                    letters.push((
                        p.letter(),
                        format!("the routing line's prosign{prosign_text}"),
                    ));
                }
            }
            if letters.is_empty() {
                letters.push(('R', "ROUTINE".to_string()));
            }
            let replace = TextRange::new(self.offset, self.line.range.end().max(self.offset));
            let items = letters
                .into_iter()
                .enumerate()
                .map(|(rank, (letter, why))| {
                    let text = format!("{letter} {dtg}");
                    let item =
                        CompletionItem::new(text.clone(), CompletionKind::DateTimeGroup, replace)
                            .detail(format!(
                                "precedence {letter} ({why}) and the current date-time group (UTC)"
                            ))
                            .doc(format!(
                                "`{text}`: precedence {letter}, {why}; {} at {:02}:{:02} UTC.",
                                dates::long_date(self.now.date),
                                self.now.hour,
                                self.now.minute
                            ))
                            .sort(format!("{rank:04}"))
                            .filter(text.clone());
                    if rank == 0 {
                        item.preselect()
                    } else {
                        item
                    }
                })
                .collect();
            return Some(Completion {
                items,
                incomplete: false,
            });
        }
        let caps = DTG_PREFIX.captures(self.before)?;
        let m = caps.get(2).expect("group 2");
        let start = self.line.range.start() + m.start();
        let rest = &self.cable.src[start..self.line.range.end()];
        let len = DTG_REST.find(rest).map_or(0, |m| m.end());
        let replace = TextRange::new(start, (start + len).max(self.offset));
        // A word right after the group stays a separate word.
        let insert = if self.cable.src[replace.end()..self.line.range.end()]
            .starts_with(|c: char| !c.is_whitespace())
        {
            format!("{dtg} ")
        } else {
            dtg.clone()
        };
        Some(Completion {
            items: vec![
                CompletionItem::new(dtg.clone(), CompletionKind::DateTimeGroup, replace)
                    .insert(insert)
                    .detail("the current date-time group (UTC)")
                    .doc(format!(
                        "{} at {:02}:{:02} UTC.",
                        dates::long_date(self.now.date),
                        self.now.hour,
                        self.now.minute
                    ))
                    .filter(format!("{} {dtg}", m.as_str()))
                    .preselect(),
            ],
            incomplete: false,
        })
    }

    // -- FL4 ----------------------------------------------------------------------------------------

    /// On the FL4 line (after the DE line): the security warning, `ZNY` and the code of the
    /// banner's classification (`ZNY CCCCC`), or `ZNR UUUUU`; the banner's first, preselected. The
    /// prefix and the code are replaced; operating signals after them (`ZZH`) stay, also when the
    /// cursor is among them (the edit then writes them again up to the cursor). On a line without
    /// operating signals the item is the whole line, `ZZH` included (`ZNY CCCCC ZZH`).
    fn security_line(&self) -> Option<Completion> {
        let prev_is_de = self.previous_line_is(LineKind::De);
        let on_fl4 = self.line.kind == LineKind::Security
            || (prev_is_de
                && matches!(
                    self.line.kind,
                    LineKind::Blank | LineKind::Unknown | LineKind::Passing | LineKind::Text
                ));
        if !on_fl4 {
            return None;
        }
        let typed = self.before.trim_start();
        if !typed.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') || typed.contains("  ") {
            return None;
        }
        let lead = self.before.len() - typed.len();
        let start = self.line.range.start() + lead;
        // The first word, and the code after it unless that is an operating signal (`ZZH`).
        let text = &self.line.text[lead..];
        let mut words = text.split(' ');
        let mut end_rel = words.next().map_or(0, str::len);
        if let Some(code) = words
            .next()
            .filter(|w| !w.is_empty() && !w.starts_with(['Z', 'z']))
        {
            end_rel += 1 + code.len();
        }
        let warning_end = start + end_rel;
        let replace = TextRange::new(start, warning_end.max(self.offset));
        // What the edit covers after the warning (the cursor among the operating signals) is
        // written again, and a line with no operating signal gets `ZZH`.
        let kept = &self.cable.src[warning_end..replace.end()];
        let whole_line = self.cable.src[warning_end..self.line.range.end()]
            .trim()
            .is_empty();
        let banner = self.cable.body.banner.as_ref().map(|b| b.level);
        let mut codes: Vec<crate::vocab::SecurityCode> = Vec::new();
        if let Some(b) = banner {
            codes.extend(b.security_codes().iter().copied());
        }
        for level in BannerLevel::CURRENT {
            for &c in level.security_codes() {
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
        }
        let items = codes
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let matches = banner.is_some_and(|b| b.security_codes().contains(&c));
                let (label, insert) = if whole_line {
                    let line = format!("{} ZZH", c.warning());
                    (line.clone(), line)
                } else {
                    (c.warning().to_string(), format!("{}{kept}", c.warning()))
                };
                let mut item = CompletionItem::new(label, CompletionKind::Level, replace)
                    .insert(insert)
                    .detail(if matches {
                        "security warning matching the banner"
                    } else {
                        "security warning"
                    })
                    .sort(format!("{i}"));
                if !kept.is_empty() && !whole_line {
                    // Editors filter on the text from the range's start to the cursor, which
                    // here holds the operating signals too.
                    item = item.filter(format!("{} {}", typed.trim_end(), c.warning()));
                }
                item.preselect = matches && i == 0;
                item
            })
            .collect();
        Some(Completion {
            items,
            incomplete: false,
        })
    }

    // -- Banner, captions, E.O. and labels ------------------------------------------------------

    /// Whether the cursor's line is where the banner goes: the banner's line, or the first line of
    /// text after the header (or of a cable without a header).
    fn at_banner(&self) -> bool {
        if self.line.kind == LineKind::Banner {
            return self.cable.body.banner.as_ref().is_some_and(|b| {
                self.offset
                    <= b.section_range
                        .or(b.origin)
                        .map_or(b.range.end(), |r| r.start())
            });
        }
        // Right after a line of the transmission header (before the addressees) is a header
        // line still to write, never the banner.
        if self.previous_written_kind().is_some_and(|k| {
            matches!(
                k,
                LineKind::Transmission
                    | LineKind::Routing
                    | LineKind::De
                    | LineKind::Security
                    | LineKind::Dtg
                    | LineKind::Fm
            )
        }) {
            return false;
        }
        // Nor is a line followed by header lines (FL1 being rewritten above FL2).
        if line(self.cable, self.line.number + 1).is_some_and(|n| HEADER_LINE.is_match(n.text)) {
            return false;
        }
        // A word typed where the banner goes (`CONF`) may read as a passing instruction while the
        // cable has no banner yet.
        let passing = self.line.kind == LineKind::Passing && self.cable.body.banner.is_none();
        if !passing
            && !matches!(
                self.line.kind,
                LineKind::Blank | LineKind::Unknown | LineKind::Text
            )
        {
            return false;
        }
        if !self
            .before
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ')
        {
            return false;
        }
        if let Some(b) = &self.cable.body.banner {
            if b.range.start() < self.line.range.start() {
                return false;
            }
        }
        let header_end = self.cable.header.range.map_or(0, |r| r.end());
        if self.line.range.start() < header_end {
            return false;
        }
        // Every line between the header (or the start) and this one is blank.
        let first = if header_end == 0 {
            0
        } else {
            self.cable.line_index.line_of(header_end) + 1
        };
        (first..self.line.number)
            .all(|n| line(self.cable, n).is_none_or(|l| l.text.trim().is_empty()))
    }

    fn banner(&self) -> Completion {
        let lead = self.before.len() - self.before.trim_start().len();
        let start = self.line.range.start() + lead;
        let replace = match &self.cable.body.banner {
            Some(b) if self.line.kind == LineKind::Banner => {
                b.level_token.cover(TextRange::empty(self.offset))
            }
            _ => self.banner_words(start),
        };
        let rest_empty = self.cable.src[replace.end()..self.line.range.end()]
            .trim()
            .is_empty();
        // A word right after the range (`|BERN`) stays a word of its own.
        let needs_space = !rest_empty
            && !self.cable.src[replace.end()..].starts_with(|c: char| c.is_ascii_whitespace());
        let tail = if rest_empty && self.cable.body.banner.is_none() {
            self.banner_tail()
        } else {
            None
        };
        let security = self.cable.header.security.as_ref().and_then(|s| s.level);
        // `C O N` typed in the spaced form is filtered on the spaced words, `CONF` on the joined.
        let spaced = self.cable.src[replace.start()..self.offset.max(replace.start())]
            .trim()
            .contains(' ');
        let items = BannerLevel::CURRENT
            .iter()
            .enumerate()
            .map(|(i, &level)| {
                let (label, name) = (level.canonical(), level.name());
                let code = Some(level.security_codes()[0]);
                let insert = match &tail {
                    Some(t) => format!("{label} {t}"),
                    None if needs_space => format!("{label} "),
                    None => label.to_string(),
                };
                let mut item = CompletionItem::new(label, CompletionKind::Level, replace)
                    .detail(name)
                    .insert(insert)
                    .filter(if spaced {
                        label.to_string()
                    } else {
                        format!("{} {label}", label.replace(' ', ""))
                    })
                    .sort(format!("{i}"));
                if security.is_some() && security == code {
                    item.preselect = true;
                    item = item.detail(format!("{name} (matches the security line)"));
                }
                item
            })
            .collect();
        Completion {
            items,
            incomplete: false,
        }
    }

    /// The classification words typed from `start`, where the line is no banner yet: what is
    /// typed before the cursor, and after it only letters and single-spaced words that go on
    /// spelling a classification (`CO|NF`, `C O |N F`). The origin and serial after them
    /// (`CONF| BERN 000001`) are not replaced.
    fn banner_words(&self, start: usize) -> TextRange {
        let start = start.min(self.offset);
        let end_of_line = self.line.range.end().max(self.offset);
        let src = self.cable.src;
        let spells = |end: usize| {
            let typed: String = src[start..end]
                .chars()
                .filter(|c| *c != ' ')
                .collect::<String>()
                .to_ascii_uppercase();
            BannerLevel::CURRENT
                .iter()
                .any(|l| l.canonical().replace(' ', "").starts_with(&typed))
        };
        let word_end = |from: usize| {
            from + src[from..end_of_line]
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(end_of_line - from)
        };
        let mut end = self.offset;
        let cursor_word = word_end(end);
        if spells(cursor_word) {
            end = cursor_word;
        }
        // Further words of a classification written with spaces, when the cursor is in one.
        while end > start && src[end..end_of_line].starts_with(' ') {
            let next = word_end(end + 1);
            if next == end + 1 || !spells(next) {
                break;
            }
            end = next;
        }
        TextRange::new(start, end)
    }

    /// `TOKYO 002232`: the origin (from the FM post) and the serial (from the DE line).
    fn banner_tail(&self) -> Option<String> {
        let fm = self.cable.header.fm.as_ref()?.plad?;
        let plad = self.cable.text(fm);
        let origin = match self
            .tables
            .post_by_name(plad)
            .and_then(|p| p.station.clone())
        {
            Some(s) => s,
            None => {
                let mut words = plad.split_whitespace();
                let first = words.next()?;
                if first == "SECSTATE" {
                    "STATE".to_string()
                } else {
                    words.collect::<Vec<_>>().join(" ")
                }
            }
        };
        let serial = self.cable.header.de.as_ref()?.serial?.value;
        (!origin.is_empty()).then(|| format!("{origin} {serial:06}"))
    }

    /// The range a caption or label completion replaces on this line, when the line lies between
    /// the banner and paragraph 1 and holds only letters typed so far.
    fn pre_text_replace(&self) -> Option<TextRange> {
        let banner = self.cable.body.banner.as_ref()?;
        if banner.range.end() > self.line.range.start() {
            return None;
        }
        if let Some(p) = self.cable.body.paragraphs.first() {
            if p.range.start() <= self.line.range.start() {
                return None;
            }
        }
        if !matches!(
            self.line.kind,
            LineKind::Blank
                | LineKind::Unknown
                | LineKind::Caption
                | LineKind::Passing
                | LineKind::Text
        ) {
            return None;
        }
        let typed = self.before.trim_start();
        if !typed
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
        {
            return None;
        }
        let start = self.line.range.start() + (self.before.len() - typed.len());
        Some(self.replace_from(start, |c| c.is_ascii_alphabetic() || c == '.' || c == ' '))
    }

    /// Between the banner and paragraph 1: captions (before the E.O. line) and the labels the cable
    /// still lacks.
    fn pre_text(&self) -> Option<Completion> {
        let replace = self.pre_text_replace()?;
        let body = &self.cable.body;
        let before_eo = [
            body.eo.as_ref().map(|e| e.range),
            body.tags.as_ref().map(|t| t.range),
        ]
        .into_iter()
        .flatten()
        .all(|r| r.start() > self.line.range.start());
        let mut items = Vec::new();
        if before_eo {
            let present: Vec<&str> = body
                .captions
                .iter()
                .map(|c| self.cable.text(c.range).trim())
                .collect();
            for (i, c) in CAPTIONS.iter().enumerate() {
                let (name, text) = (c.name, c.description);
                if present.contains(&name) && name != "SIPDIS" {
                    continue;
                }
                items.push(
                    CompletionItem::new(name, CompletionKind::Caption, replace)
                        .detail("caption")
                        .doc(text)
                        .sort(format!("2{i:02}"))
                        .resolve(ResolveKey::Caption {
                            name: name.to_string(),
                        }),
                );
            }
        }
        if body.eo.is_none() {
            items.extend(self.eo_items(replace, "0"));
        }
        let labels = [
            (body.tags.is_none(), "TAGS: ", "the TAGS line"),
            (body.subject.is_none(), "SUBJECT: ", "the subject"),
            (body.refs.is_none(), "REF: ", "references to other cables"),
            (
                body.classified_by.is_none()
                    && self.level().is_some_and(|l| l >= Level::Confidential),
                "Classified By: ",
                "the classification authority (name, title, reasons)",
            ),
        ];
        for (i, (missing, label, what)) in labels.into_iter().enumerate() {
            if missing {
                items.push(
                    CompletionItem::new(label.trim_end(), CompletionKind::Keyword, replace)
                        .insert(label)
                        .detail(what)
                        .sort(format!("1{i}")),
                );
            }
        }
        (!items.is_empty()).then_some(Completion {
            items,
            incomplete: false,
        })
    }

    /// The whole `E.O.` line: a declassification date ten years on for a classified cable, `N/A`
    /// for an unclassified one (both when the level is not known yet).
    fn eo_items(&self, replace: TextRange, sort: &str) -> Vec<CompletionItem> {
        let date = self.cable_date();
        let order = orders::nearest_order(date);
        let decl = dates::decl_date(date.add_years(orders::DECL_DEFAULT_YEARS));
        let level = self.level();
        let mut items = Vec::new();
        if level.is_none_or(|l| l >= Level::Confidential) {
            let text = format!("E.O. {}: DECL: {decl}", order.number);
            items.push(
                CompletionItem::new(text.clone(), CompletionKind::Line, replace)
                    .detail("declassify ten years after the cable's date")
                    .doc(format!(
                        "E.O. {} — {}\n\nDeclassify on {} (ten years after {}).",
                        order.number,
                        order.description,
                        decl,
                        dates::long_date(date)
                    ))
                    .filter(format!("EO {text}"))
                    .sort(format!("{sort}0")),
            );
        }
        if level.is_none_or(|l| l < Level::Confidential) {
            let text = format!("E.O. {}: N/A", order.number);
            items.push(
                CompletionItem::new(text.clone(), CompletionKind::Line, replace)
                    .detail("unclassified: no declassification instruction")
                    .filter(format!("EO {text}"))
                    .sort(format!("{sort}1")),
            );
        }
        items
    }

    /// Inside an `E.O.` line: the order's number, `DECL:`/`N/A`, and the declassification value.
    fn eo_line(&self) -> Option<Completion> {
        let typed = self.before.trim_start();
        let caps = EO_PREFIX.captures(typed)?;
        let base = self.line.range.start() + (self.before.len() - typed.len());
        let number = caps.get(1).map_or("", |m| m.as_str());
        let date = self.cable_date();
        if caps.get(2).is_none() {
            // Still on the number.
            let m = caps.get(1).expect("group 1");
            if !typed.ends_with(number) || typed.ends_with(':') {
                return None;
            }
            // The label typed so far (`E.O`, `e.o `, `EO`): unless it is already the canonical
            // `E.O. `, an item writes the whole label, so that accepting one never glues the
            // number onto a partial label (`E.O13526:`).
            let label = &typed[..m.start()];
            let whole_label = label != "E.O. ";
            if whole_label && number.is_empty() && typed.len() == label.len() {
                // Only the label: the whole line, as on an empty line.
                let replace = self.replace_from(base, |c| c.is_ascii_alphabetic() || c == '.');
                let items = self.eo_items(replace, "0");
                return (!items.is_empty()).then_some(Completion {
                    items,
                    incomplete: false,
                });
            }
            let start = if whole_label { base } else { base + m.start() };
            let replace = self.replace_from(start, |c| c.is_ascii_digit() || c == ':');
            // The order in force on the cable's date first (preselected), then the older ones,
            // newest first (the order that was replaced is the likelier slip), then those that
            // came after it. `EXECUTIVE_ORDERS` runs from the oldest to the newest.
            let in_force = orders::nearest_order(date).number;
            let at = orders::EXECUTIVE_ORDERS
                .iter()
                .position(|e| e.number == in_force)
                .unwrap_or(0);
            let mut items: Vec<_> = orders::EXECUTIVE_ORDERS
                .iter()
                .enumerate()
                .filter(|(_, e)| e.number.starts_with(number))
                .map(|(i, e)| {
                    let mut item = CompletionItem::new(
                        format!("{}:", e.number),
                        CompletionKind::Keyword,
                        replace,
                    );
                    if whole_label {
                        // Clients filter by the text the edit replaces: the typed label.
                        let text = format!("E.O. {}:", e.number);
                        item = item.insert(text.clone()).filter(text);
                    }
                    let mut item = item
                        .detail(format!("in force from {}", dates::long_date(e.effective)))
                        .doc(e.description)
                        .sort(match i.cmp(&at) {
                            std::cmp::Ordering::Equal => "0".to_string(),
                            std::cmp::Ordering::Less => format!("1{:02}", at - i),
                            std::cmp::Ordering::Greater => format!("2{:02}", i - at),
                        });
                    item.preselect = e.number == in_force;
                    item
                })
                .collect();
            // In that order in the list too, for the clients that show the server's order.
            items.sort_by(|a, b| a.sort.cmp(&b.sort));
            return Some(Completion {
                items,
                incomplete: false,
            });
        }
        self.eo_value(&caps, base, typed, date)
    }

    /// Inside an `E.O.` line after the number: `DECL:` or `N/A`, then the declassification date or
    /// an exemption code.
    fn eo_value(
        &self,
        caps: &regex::Captures<'_>,
        base: usize,
        typed: &str,
        date: Date,
    ) -> Option<Completion> {
        let value = caps.get(4).expect("group 4 with group 2");
        let keyword = caps.get(3).map(|m| m.as_str().to_ascii_uppercase());
        let start = base
            + if keyword.is_some() {
                value.start()
            } else {
                caps.get(2).expect("group 2").start() + 1
            };
        let start = if keyword.is_none() {
            base + value.start().min(typed.len())
        } else {
            start
        };
        let replace = self.replace_from(start, |c| !c.is_whitespace());
        let decl = dates::decl_date(date.add_years(orders::DECL_DEFAULT_YEARS));
        let mut items = Vec::new();
        if keyword.is_none() {
            items.push(
                CompletionItem::new(format!("DECL: {decl}"), CompletionKind::Decl, replace)
                    .detail("declassify ten years after the cable's date")
                    .sort("0"),
            );
            items.push(
                CompletionItem::new("N/A", CompletionKind::Decl, replace)
                    .detail("unclassified cable")
                    .sort("1"),
            );
        } else {
            items.push(
                CompletionItem::new(decl.clone(), CompletionKind::Decl, replace)
                    .detail(format!("ten years after {}", dates::long_date(date)))
                    .sort("0"),
            );
            for (i, (code, text)) in orders::decl_codes().into_iter().enumerate() {
                items.push(
                    CompletionItem::new(code, CompletionKind::Decl, replace)
                        .detail("exemption code")
                        .doc(text)
                        .sort(format!("1{i:02}"))
                        .resolve(ResolveKey::Decl {
                            code: code.to_string(),
                        }),
                );
            }
        }
        Some(Completion {
            items,
            incomplete: false,
        })
    }

    // -- Markings and reasons -------------------------------------------------------------------

    fn markings(&self, start: usize) -> Completion {
        let src = self.cable.src;
        // Only the marking is replaced: what is typed of it before the cursor, and after the
        // cursor only the rest of a complete marking the cursor is in (`(C|)`, `(|S//NF)`). A word
        // after the cursor is the paragraph's text (`¶2. |The`, `3. (|OSLO WILL`) and is kept.
        let start = start.min(self.offset);
        let typed = &src[start..self.offset];
        let rest = &src[self.offset..self.line.range.end()];
        let rest_len = if typed.starts_with('(') {
            MARKING_REST.find(rest).map_or(0, |m| m.end())
        } else if typed.is_empty() {
            MARKING_WHOLE.find(rest).map_or(0, |m| m.end())
        } else {
            0
        };
        let replace = TextRange::new(start, self.offset + rest_len);
        let needs_space = !src[replace.end()..self.line.range.end()].starts_with([' ', '\t']);
        let banner = self.level();
        let markings: [(&str, Level, &str); 9] = [
            ("(U)", Level::Unclassified, "UNCLASSIFIED"),
            ("(SBU)", Level::Sbu, "SENSITIVE BUT UNCLASSIFIED"),
            (
                "(SBU//NF)",
                Level::Sbu,
                "SENSITIVE BUT UNCLASSIFIED, NOFORN",
            ),
            ("(C)", Level::Confidential, "CONFIDENTIAL"),
            ("(C//NF)", Level::Confidential, "CONFIDENTIAL, NOFORN"),
            ("(S)", Level::Secret, "SECRET"),
            ("(S//NF)", Level::Secret, "SECRET, NOFORN"),
            ("(TS)", Level::TopSecret, "TOP SECRET"),
            ("(TS//NF)", Level::TopSecret, "TOP SECRET, NOFORN"),
        ];
        let items = markings
            .iter()
            .enumerate()
            .map(|(i, &(m, level, name))| {
                let above = banner.is_some_and(|b| level > b);
                let mut detail = name.to_string();
                if above {
                    detail.push_str(" — above the banner");
                }
                let insert = if needs_space {
                    format!("{m} ")
                } else {
                    m.to_string()
                };
                let mut item = CompletionItem::new(m, CompletionKind::Marking, replace)
                    .detail(detail)
                    .insert(insert)
                    .filter(m.to_string())
                    .sort(if banner == Some(level) && !m.contains("//") {
                        "0".to_string()
                    } else {
                        format!("{}{i}", 1 + u8::from(above))
                    })
                    .resolve(ResolveKey::Marking {
                        marking: m.to_string(),
                    });
                item.preselect = banner == Some(level) && !m.contains("//");
                item
            })
            .collect();
        Completion {
            items,
            incomplete: false,
        }
    }

    fn reasons(&self) -> Completion {
        let before = self.before;
        if let Some(caps) = REASONS_LETTER.captures(before) {
            let m = caps.get(1).expect("group 1");
            let start = self.line.range.start() + m.start();
            // After the cursor only the rest of the reason letter being typed goes (`(b|)`,
            // `(|b)`); a word after it is kept (`(|OSLO`).
            let typed = &self.cable.src[start.min(self.offset)..self.offset];
            let rest = &self.cable.src[self.offset..self.line.range.end()];
            let rest_re: &Regex = if typed.is_empty() {
                &REASON_WHOLE
            } else if typed.starts_with('(') && typed.len() == 1 {
                &REASON_LETTER_REST
            } else {
                &REASON_CLOSE
            };
            let rest_len = rest_re.find(rest).map_or(0, |m| m.end());
            let replace = TextRange::new(start.min(self.offset), self.offset + rest_len);
            let space =
                if self.cable.src[replace.end()..].starts_with(|c: char| c.is_alphanumeric()) {
                    " "
                } else {
                    ""
                };
            let present: Vec<char> = self
                .cable
                .body
                .classified_by
                .as_ref()
                .map(|c| {
                    // The letter being typed (`(d|`) is not one already written.
                    c.letters
                        .iter()
                        .filter(|(r, _)| r.end() < replace.start() || r.start() > replace.end())
                        .map(|&(_, l)| l)
                        .collect()
                })
                .unwrap_or_default();
            let items = orders::REASONS_1_4
                .iter()
                .filter(|r| !present.contains(&r.letter))
                .map(|r| {
                    let (l, text) = (r.letter, r.text);
                    CompletionItem::new(format!("({l})"), CompletionKind::Reason, replace)
                        .insert(format!("({l}){space}"))
                        .detail(text)
                        .sort(format!("{l}"))
                        .resolve(ResolveKey::Reason { letter: l })
                })
                .collect();
            return Completion {
                items,
                incomplete: false,
            };
        }
        if let Some(caps) = REASONS_SECTION.captures(before) {
            let m = caps.get(1).expect("group 1");
            let start = self.line.range.start() + m.start();
            // The whole reason list after the cursor goes too (`1.4 (b) and (d)` replaces
            // `1.4 (b)`, not only `1.4`).
            let rest = &self.cable.src[self.offset..self.line.range.end()];
            let list = REASONS_REST.find(rest).map_or(0, |m| m.end());
            let replace = TextRange::new(start.min(self.offset), self.offset + list);
            let section = orders::reasons_on(self.cable_date()).0;
            let mut items = vec![CompletionItem::new(
                format!("{section} (b) and (d)"),
                CompletionKind::Reason,
                replace,
            )
            .detail("foreign government information; foreign relations")
            .sort("0")];
            items[0].preselect = true;
            for (l, text) in orders::REASONS_1_4.iter().map(|r| (r.letter, r.text)) {
                items.push(
                    CompletionItem::new(
                        format!("{section} ({l})"),
                        CompletionKind::Reason,
                        replace,
                    )
                    .detail(text)
                    .sort(format!("1{l}"))
                    .resolve(ResolveKey::Reason { letter: l }),
                );
            }
            return Completion {
                items,
                incomplete: false,
            };
        }
        Completion::default()
    }
}

impl CompletionItem {
    fn preselect(mut self) -> Self {
        self.preselect = true;
        self
    }
}

/// The name of a tag kind.
pub fn tag_kind_name(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Subject => "subject tag",
        TagKind::Program => "program tag",
        TagKind::Geographic => "geographic tag",
        TagKind::Organization => "organization tag",
        TagKind::Personal => "personal tag",
    }
}

/// The long Markdown documentation of an item.
pub fn resolve(key: &ResolveKey, tables: &Tables) -> Option<String> {
    match key {
        ResolveKey::Tag { code } => {
            let t = tables.tag(code)?;
            let mut out = match t.shown_title() {
                Some(title) => format!("**{}** — {title}", t.code),
                None => format!("**{}**", t.code),
            };
            out.push_str(&format!("\n\n*{}*", tag_kind_name(t.kind)));
            if let Some(note) = &t.note {
                out.push_str(&format!("\n\n{note}"));
            }
            if t.retired {
                out.push_str("\n\nRetired");
                if let Some(r) = &t.replacement {
                    out.push_str(&format!("; use `{r}` instead"));
                }
                out.push('.');
            }
            if t.count > 0 {
                out.push_str(&format!("\n\nSeen on {} TAGS lines of released cables.", t.count));
            }
            Some(out)
        }
        ResolveKey::Addressee { ri, address } => {
            let mut out = format!("**{ri}/{address}**\n\nRouting indicator `{ri}`");
            let others: Vec<String> = tables
                .addressees_for_ri(ri)
                .iter()
                .filter(|a| a.address != *address)
                .map(|a| a.address.clone())
                .collect();
            if !others.is_empty() {
                out.push_str(&format!(" also serves {}", others.join(", ")));
            }
            out.push('.');
            if let Some(p) = tables.post_by_name(address) {
                out.push_str(&post_lines(p, tables));
            }
            Some(out)
        }
        ResolveKey::Post { name } => {
            let p = tables.post_by_name(name)?;
            Some(format!("**{}**{}", p.name, post_lines(p, tables)))
        }
        ResolveKey::Caption { name } => CAPTIONS
            .iter()
            .find(|c| c.name == name)
            .map(|c| format!("**{}**\n\n{}", c.name, c.description)),
        ResolveKey::Reason { letter } => {
            orders::reason("1.4", *letter).map(|r| r.text).map(|t| format!("**1.4 ({letter})**: {t}.\n\nA classification category of E.O. 12958 as amended (section 1.5 before March 2003) and of E.O. 13526."))
        }
        ResolveKey::Precedence { word } => Precedence::ALL
            .into_iter()
            .find(|p| p.is_written() && p.word() == word)
            .map(|p| (p.word(), p.letter(), p.description()))
            .map(|(w, l, t)| format!("**{w}** (letter `{l}`)\n\n{t}\n\nROUTINE is written as no word on an addressee line.")),
        ResolveKey::Marking { marking } => Some(super::hover::marking_text(marking)),
        ResolveKey::Decl { code } => orders::decl_code(code).map(|t| format!("**{code}**\n\n{t}")),
    }
}

fn post_lines(p: &crate::data::Post, tables: &Tables) -> String {
    let mut out = String::new();
    out.push_str(&format!("\n\n- kind: {}", p.kind));
    if let Some(ri) = p.routing_indicator() {
        out.push_str(&format!("\n- routing indicator: `{ri}`"));
    }
    if let Some(s) = &p.station {
        out.push_str(&format!("\n- station in banners and cable ids: {s}"));
    }
    if let Some(c) = &p.country_tag {
        let name = tables.tag(c).and_then(|t| t.shown_title());
        out.push_str(&format!("\n- country: `{c}`"));
        if let Some(name) = name {
            out.push_str(&format!(" {name}"));
        }
    }
    out
}
