//! Work across cables: the rules that compare the cables of a checked set (the files of one
//! `cablelint check` run, a workspace of the language server), and the [`CableSummary`] they read
//! each cable through.
//!
//! A checked set is a list of [`Member`]s: a cable's summary, the name its file is shown by, and the
//! settings of that file. [`check_set`] runs every cross-cable rule (`CBL7xx`) that the settings of
//! some member enable, and gives each member the findings that concern it, at the severity its
//! settings give; a rule its settings switch off (`--ignore`, `[per-file-ignores]`) reports nothing
//! on it. A set of fewer than two cables has nothing to compare and gets no findings.
//!
//! Each rule file has its documentation and a `check_set` function; the per-cable `check` of the
//! other families has no counterpart here (see [`super::Rule::is_cross`]).

pub mod dangling_reference;
pub mod duplicate_serial;
pub mod mcn_not_increasing;
pub mod summary;

use std::cell::RefCell;

pub use summary::{squeeze, CableSummary, SummaryMcn, SummaryRef};

use super::{Diagnostic, Rule, Settings};
use crate::syntax::{Dtg, TextRange};
use crate::vocab::MONTHS;

/// One cable of a checked set.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// How findings name the cable's file to the other members (`drafts/oslo-217.cable`: the path
    /// as shown to the user).
    pub name: &'a str,
    pub summary: &'a CableSummary,
    /// The settings of the cable's file: which cross-cable rules report on it, at what severity.
    pub settings: &'a Settings,
}

/// What a cross-cable rule sees: the members, and the sink for the findings of the running rule.
pub struct SetContext<'m, 'a> {
    members: &'m [Member<'a>],
    rule: Rule,
    found: RefCell<Vec<Vec<Diagnostic>>>,
}

impl<'m, 'a> SetContext<'m, 'a> {
    /// The members of the set, in the order they were given.
    pub fn members(&self) -> &'m [Member<'a>] {
        self.members
    }

    /// Whether the running rule reports on a member (its settings enable the rule).
    pub fn reports_on(&self, member: usize) -> bool {
        self.members[member].settings.is_enabled(self.rule)
    }

    /// Reports a finding of the running rule on a member, at a range of its text, when the member's
    /// settings enable the rule; the severity is the member's override or the rule's default.
    pub fn report(&self, member: usize, range: TextRange, message: impl Into<String>) {
        if !self.reports_on(member) {
            return;
        }
        let settings = self.members[member].settings;
        let severity = settings
            .severity_override(self.rule)
            .unwrap_or(self.rule.default_severity());
        self.found.borrow_mut()[member].push(Diagnostic {
            rule: self.rule,
            range,
            severity,
            message: message.into(),
            related: Vec::new(),
            fix: None,
            alternatives: Vec::new(),
        });
    }
}

/// Runs the cross-cable rules over a set and returns, for each member in the order given, the
/// findings on its cable, in document order. Every member's summary must have been made from the
/// text the findings will be shown on (their ranges are byte ranges of it).
pub fn check_set(members: &[Member<'_>]) -> Vec<Vec<Diagnostic>> {
    let ctx = SetContext {
        members,
        rule: Rule::ALL[0],
        found: RefCell::new(vec![Vec::new(); members.len()]),
    };
    if members.len() < 2 {
        return ctx.found.into_inner();
    }
    let mut ctx = ctx;
    for &rule in Rule::ALL.iter().filter(|r| r.is_cross()) {
        if members.iter().any(|m| m.settings.is_enabled(rule)) {
            ctx.rule = rule;
            rule.run_set(&ctx);
        }
    }
    let mut found = ctx.found.into_inner();
    for diagnostics in &mut found {
        diagnostics.sort_by(|a, b| {
            (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
        });
    }
    found
}

/// The most files compared as one set: 20,000. Comparing keeps a summary of every file until the
/// end (about 850 bytes a cable, measured over `../shared/corpus`), so a larger set is not compared
/// and the run says so; the language server's workspace index holds at most this many files for
/// the same reason. A post's drafts are far fewer.
pub const MAX_SET_FILES: usize = 20_000;

/// Whether any cross-cable rule could report on a file with these settings: a checker that finds
/// none enabled for any file need not keep summaries.
pub fn any_enabled(settings: &Settings) -> bool {
    Rule::ALL
        .iter()
        .any(|&r| r.is_cross() && settings.is_enabled(r))
}

/// Whether two summaries are the same cable, when they say enough to tell: sections of one cable
/// (different `SECTION n` of one serial), or copies of one cable (a received copy, a retransmission,
/// an original), known by the same SUBJECT or, when either has none, the same date-time group.
/// SUBJECTs are compared in letters and digits only, and one that starts with the other whole (of
/// at least [`SUBJECT_PREFIX`] letters and digits) is the same: the release joins the next line
/// onto a SUBJECT or cuts it short. `None` when neither tells.
pub fn same_cable(a: &CableSummary, b: &CableSummary) -> Option<bool> {
    // Copies of one cable most often have the very same SUBJECT: then the keys (the subjects'
    // letters and digits in upper case) are equal without making them, when the subject has a
    // letter or digit and the sections do not already tell (the order `CableKey::same` asks in).
    // Making both keys for every pair compared was 4% of `check`'s time over 25,000 cables.
    let sections_differ = matches!((a.section, b.section), (Some((n, _)), Some((m, _))) if n != m);
    if let (false, Some(x), Some(y)) = (sections_differ, &a.subject, &b.subject) {
        if x == y && x.chars().any(char::is_alphanumeric) {
            return Some(true);
        }
    }
    CableKey::of(a).same(&CableKey::of(b))
}

/// What [`same_cable`] compares of a cable, made once when one cable is compared with many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CableKey {
    section: Option<u32>,
    /// The SUBJECT in letters and digits, upper case; `None` when it has none.
    subject: Option<String>,
    dtg: Option<(i32, u32, u32, u32, u32)>,
}

impl CableKey {
    pub(crate) fn of(s: &CableSummary) -> CableKey {
        let subject = s.subject.as_deref().map(|x| {
            x.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_uppercase)
                .collect::<String>()
        });
        CableKey {
            section: s.section.map(|(n, _)| n),
            subject: subject.filter(|x| !x.is_empty()),
            dtg: s.dtg.as_ref().map(dtg_key),
        }
    }

    /// [`same_cable`] of the two cables.
    pub(crate) fn same(&self, other: &CableKey) -> Option<bool> {
        if let (Some(n), Some(m)) = (self.section, other.section) {
            if n != m {
                return Some(true);
            }
        }
        if let (Some(x), Some(y)) = (&self.subject, &other.subject) {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            let same = short == long
                || (short.chars().count() >= SUBJECT_PREFIX && long.starts_with(short.as_str()));
            return Some(same);
        }
        match (self.dtg, other.dtg) {
            (Some(x), Some(y)) => Some(x == y),
            _ => None,
        }
    }
}

/// The fewest letters and digits of a SUBJECT that another starting with it is taken for the same
/// (see [`same_cable`]).
pub const SUBJECT_PREFIX: usize = 20;

/// A date-time group's fields in order of significance, for sorting and comparing.
fn dtg_key(d: &Dtg) -> (i32, u32, u32, u32, u32) {
    (d.year, d.month, d.day, d.hour, d.minute)
}

/// Minutes since 1 January 1970 of a valid date-time group (`None` for one that is not a real
/// date and time).
pub(crate) fn dtg_minutes(d: &Dtg) -> Option<i64> {
    if !d.valid() {
        return None;
    }
    // Days from the civil date (Howard Hinnant's `days_from_civil`).
    let (y, m) = if d.month <= 2 {
        (i64::from(d.year) - 1, i64::from(d.month) + 9)
    } else {
        (i64::from(d.year), i64::from(d.month) - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 1440 + i64::from(d.hour) * 60 + i64::from(d.minute))
}

/// A date-time group as cables write it, `020915Z JUN 09`.
fn dtg_text(d: &Dtg) -> String {
    let month = MONTHS
        .get((d.month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("???");
    format!(
        "{:02}{:02}{:02}Z {month} {:02}",
        d.day,
        d.hour,
        d.minute,
        d.year.rem_euclid(100)
    )
}

/// How a message names another member: its file, and its date-time group when it has one
/// (`drafts/a.cable (020915Z JUN 09)`).
fn describe(member: &Member<'_>) -> String {
    match member.summary.dtg {
        Some(d) => format!("{} ({})", member.name, dtg_text(&d)),
        None => member.name.to_string(),
    }
}

/// A list of names for a message: `a`, `a and b`, `a, b and 3 more`.
fn name_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
    }
}

#[cfg(test)]
pub(crate) mod tests;
