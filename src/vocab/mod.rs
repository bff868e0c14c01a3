//! The vocabulary of the cable format: the one definition of every closed set of words and codes
//! the format uses, with the facts that go with them.
//!
//! This is the leaf of the crate: it imports nothing from it, and [`crate::syntax`], [`crate::data`],
//! the rules and the editor answers all read the format's words from here. Precedences with their
//! letters, prosigns and words ([`Precedence`]); classification levels, banner forms, security codes
//! and portion markings ([`Level`], [`BannerLevel`], [`SecurityCode`]); captions and their ranking
//! ([`CaptionKind`]); calendar dates, the two-digit-year pivot and month abbreviations ([`Date`]);
//! executive orders with their dates of effect, classification reasons and declassification
//! exemptions ([`orders`]); the shape of a routing indicator; and the edit distance used to read
//! misspellings.
//!
//! Section numbers such as §3.9 refer to `../shared/spec/cable-format.md`. Where a source only
//! summarises a legal text, the sentence here is a summary too and says so.

mod calendar;
mod caption;
mod classification;
mod distance;
pub mod orders;
mod placeholder;
mod precedence;
mod routing;

pub use calendar::{full_year, month_number, Date, MONTHS, MONTH_NAMES};
pub use caption::{caption_text, CaptionKind, CAPTIONS};
pub use classification::{
    portion_control, BannerLevel, Level, PortionControl, SecurityCode, BANNER_FORMS, BANNER_LETTERS,
};
pub use distance::{edit_distance, single_edit, Edit};
pub use placeholder::{placeholder, placeholders, PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN};
pub use precedence::Precedence;
pub use routing::is_routing_indicator;

/// Subject tags that take a personal name: `OVIP (CLINTON, HILLARY)`. OVIP, OREP, OTRA and OEXC
/// are subject tags of the 2010 list (see the TAGS table); OCON is accepted as a prefix for the
/// project brief's sake but no shared source lists it, so the TAGS table has no row for it.
pub const PERSONAL_TAG_PREFIXES: [&str; 5] = ["OVIP", "OREP", "OTRA", "OEXC", "OCON"];

/// The TAGS codes of more than one word (organization codes of the TAGS table, `data/tags.tsv`:
/// `EL AL`, `GENERAL MOTORS`); the TAGS line's reader keeps each as one token instead of reading
/// `EL AL` as the codes EL and AL (Albania). `tests/data_tables.rs` checks the list against the table.
pub const MULTI_WORD_TAGS: [&str; 7] = [
    "AER LINGUS",
    "AEROLINEAS ARGENTINAS",
    "COLOMBO PLAN",
    "EL AL",
    "GENERAL MOTORS",
    "PHALANAGE PARTY",
    "PHALANGE PARTY",
];

/// Labels of the TAGS line: the usual ones first, then typos seen in real cables (spec §3.12).
pub const TAGS_LABELS: &[&str] = &["TAGS", "TAG", "TAGES", "TAS", "TABS", "TGS", "AGS"];

/// The minutes within which the DE filing time follows the date-time group (spec H-11: 5,732 of
/// 5,752 headers are filed at the DTG's minute or up to an hour later; the 14 later ones are
/// reissues).
pub const FILING_WINDOW_MINUTES: i64 = 60;

/// The longest line of cable text, in characters, that telegram forms allow: "not exceed the
/// maximum of 69 characters per line" (spec §3.23; the FAH's CLOUT drafting asks for 55).
pub const LINE_WIDTH: usize = 69;
