//! The fix engine: the one place that applies fixes, for `check --fix`, `check --diff`, the
//! editor's quick fixes, "fix all problems of this rule" and `source.fixAll`, and the tests.
//!
//! Every fix is checked before it is trusted ([`validate`]): its edits must lie inside the text, on
//! character boundaries, with their ends in order, and apart from one another. A fix that fails is
//! skipped, never applied in part. Fixes are then taken in order, each only when none of its edits
//! touches an edit already taken (a later round picks the others up), line breaks in new text are
//! written in the text's own line ending, and [`fix_until_stable`] checks again and repeats until
//! no fix applies or [`MAX_ROUNDS`] rounds have run.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use crate::rules::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::syntax::line_ending;

/// At most this many rounds of check-and-fix per text. A round whose fixes together add an error
/// is made again with its first fix alone, so a line of many contradicting fixes (a TAGS line of
/// prose words, each an unknown code with a suggestion, some repeated) takes a round a fix: the
/// fuzz target `fixes` found such a line whose fixes needed more than the 10 rounds then allowed.
pub const MAX_ROUNDS: usize = 24;

/// Why a fix's edits cannot be applied to a text. Offsets are bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// An edit ends past the end of the text (`len` bytes).
    OutOfBounds { end: usize, len: usize },
    /// An edit starts after it ends.
    Reversed { start: usize, end: usize },
    /// An edit starts or ends inside a character.
    NotOnCharBoundary { offset: usize },
    /// Two edits of the fix overlap.
    Overlapping { at: usize },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::OutOfBounds { end, len } => {
                write!(
                    f,
                    "an edit ends at byte {end}, past the end of the text ({len} bytes)"
                )
            }
            EditError::Reversed { start, end } => {
                write!(
                    f,
                    "an edit starts at byte {start}, after its end at byte {end}"
                )
            }
            EditError::NotOnCharBoundary { offset } => {
                write!(
                    f,
                    "an edit starts or ends inside a character, at byte {offset}"
                )
            }
            EditError::Overlapping { at } => write!(f, "two edits overlap at byte {at}"),
        }
    }
}

impl std::error::Error for EditError {}

/// Checks one fix's edits against a text: inside it, on character boundaries, each start no later
/// than its end, and no two overlapping (two insertions at one offset are kept in their order).
pub fn validate(text: &str, edits: &[Edit]) -> Result<(), EditError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start(), e.range.end()));
    let mut at = 0usize;
    for e in sorted {
        let (start, end) = (e.range.start(), e.range.end());
        if start > end {
            return Err(EditError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(EditError::OutOfBounds {
                end,
                len: text.len(),
            });
        }
        if let Some(offset) = [start, end]
            .into_iter()
            .find(|&o| !text.is_char_boundary(o))
        {
            return Err(EditError::NotOnCharBoundary { offset });
        }
        if start < at {
            return Err(EditError::Overlapping { at: start });
        }
        at = end;
    }
    Ok(())
}

/// The edit with the line breaks of its new text written as `eol`.
fn with_line_ending(edit: &Edit, eol: &str) -> Edit {
    let mut edit = edit.clone();
    if edit.new_text.contains(['\n', '\r']) {
        let normal = edit.new_text.replace("\r\n", "\n").replace('\r', "\n");
        edit.new_text = if eol == "\n" {
            normal
        } else {
            normal.replace('\n', eol)
        };
    }
    edit
}

/// What applying a set of fixes to one text comes to: the edits taken, in document order, and
/// which of the fixes offered they carry out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Valid, non-overlapping edits in document order, line breaks in the text's line ending.
    pub edits: Vec<Edit>,
    /// For each fix offered, in order: whether the plan carries it out (a fix equal to one taken
    /// counts as carried out).
    pub taken: Vec<bool>,
    /// How many distinct fixes the plan applies.
    pub applied: usize,
}

impl Plan {
    /// Applies the plan's edits to the text it was made for.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0usize;
        for e in &self.edits {
            out.push_str(&text[at..e.range.start()]);
            out.push_str(&e.new_text);
            at = e.range.end();
        }
        out.push_str(&text[at..]);
        out
    }
}

/// Takes the fixes in order: each one whose edits are valid ([`validate`]) and touch no edit
/// already taken. Fixes that are skipped wait for the next round.
///
/// A fix that changes the cable's classification ([`Fix::reclassifies`]) is taken alone: when the
/// fixes offered hold a valid one, the plan is the first such fix (and its equals), and the others
/// wait for the next round, which checks the text again under the new classification.
pub fn plan<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> Plan {
    let fixes: Vec<&Fix> = fixes.into_iter().collect();
    let alone = fixes
        .iter()
        .copied()
        .find(|f| f.reclassifies && !f.edits.is_empty() && validate(text, &f.edits).is_ok());
    let eol = line_ending(text);
    let mut plan = Plan::default();
    // The fixes taken, by the range of their first edit (an equal fix has the same), and the
    // ranges of the edits taken: looked up, not searched, so that a text of tens of thousands of
    // fixes is planned in time proportional to their number.
    let mut chosen: HashMap<(usize, usize), Vec<&Fix>> = HashMap::new();
    let mut applied = 0;
    let mut taken = BTreeSet::new();
    for fix in fixes {
        let key = fix
            .edits
            .first()
            .map_or((0, 0), |e| (e.range.start(), e.range.end()));
        if chosen.get(&key).is_some_and(|c| c.contains(&fix)) {
            plan.taken.push(true);
            continue;
        }
        let usable = alone.is_none_or(|a| a == fix)
            && !fix.edits.is_empty()
            && validate(text, &fix.edits).is_ok()
            && !fix.edits.iter().any(|e| clashes(e, &taken));
        plan.taken.push(usable);
        if usable {
            taken.extend(fix.edits.iter().map(|e| (e.range.start(), e.range.end())));
            plan.edits
                .extend(fix.edits.iter().map(|e| with_line_ending(e, eol)));
            chosen.entry(key).or_default().push(fix);
            applied += 1;
        }
    }
    plan.edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    plan.applied = applied;
    plan
}

/// Whether an edit cannot be made with the edits already taken (their ranges as `(start, end)`):
/// it overlaps one, or both insert at one offset (whose order would be arbitrary). The edits taken
/// never clash with one another, so the one that starts last before the edit ends is the one that
/// ends last of them, and is the only one to look at besides an insertion at the same offset.
fn clashes(edit: &Edit, taken: &BTreeSet<(usize, usize)>) -> bool {
    let (start, end) = (edit.range.start(), edit.range.end());
    let overlap = taken
        .range(..(end, 0))
        .next_back()
        .is_some_and(|&(_, e)| e > start);
    let same_insert = start == end && taken.contains(&(start, end));
    overlap || same_insert
}

/// One round: the text with the given fixes applied ([`plan`]), and how many were applied.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let plan = plan(text, fixes);
    (plan.apply(text), plan.applied)
}

/// Which fixes a run applies: the safe ones, or the unsafe ones as well. Display-only fixes never.
pub fn wanted(fix: &Fix, unsafe_fixes: bool) -> bool {
    match fix.applicability {
        Applicability::Safe => true,
        Applicability::Unsafe => unsafe_fixes,
        Applicability::DisplayOnly => false,
    }
}

/// The result of fixing one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// Fixes applied over all rounds.
    pub fixed: usize,
    /// The diagnostics of the final text.
    pub diagnostics: Vec<Diagnostic>,
    /// The stretches of the text that no fix changed, in order (the whole text when none was
    /// applied).
    pub unchanged: Vec<Unchanged>,
}

/// A stretch of text that fixing left as it was: it starts at byte `old` of the text before the
/// fixes and at byte `new` of the fixed text, and is `len` bytes long in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unchanged {
    pub old: usize,
    pub new: usize,
    pub len: usize,
}

impl Unchanged {
    /// The whole of a text of `len` bytes, before any fix.
    pub fn whole(len: usize) -> Vec<Unchanged> {
        if len == 0 {
            return Vec::new();
        }
        vec![Unchanged {
            old: 0,
            new: 0,
            len,
        }]
    }
}

impl Fixed {
    /// Places where the text before the fixes (`old`) and the fixed text are aligned, as pairs of
    /// byte offsets `(in old, in the fixed text)` in order, each at the start of a line in both:
    /// the first and the last line start inside each unchanged stretch. The text of `old` before
    /// such a place became the fixed text before it, so a diff may be cut there
    /// (`formatter::unified_diff`'s `cuts`).
    pub fn aligned_cuts(&self, old: &str) -> Vec<(usize, usize)> {
        let mut cuts = Vec::new();
        for u in &self.unchanged {
            let Some(stretch) = old.get(u.old..u.old + u.len) else {
                continue;
            };
            let b = stretch.as_bytes();
            let first = memchr::memchr(b'\n', b);
            let last = memchr::memrchr(b'\n', b);
            for k in [first, last].into_iter().flatten() {
                let cut = (u.old + k + 1, u.new + k + 1);
                if cuts.last() != Some(&cut) {
                    cuts.push(cut);
                }
            }
        }
        cuts
    }
}

/// The stretches of `unchanged` (in the text the edits are made to, at their `new` offsets) that
/// the edits leave as they were, at their offsets in the text after the edits. `edits` are in
/// order and apart from one another, as [`Plan`] holds them.
fn unchanged_after(unchanged: &[Unchanged], edits: &[Edit]) -> Vec<Unchanged> {
    let mut out = Vec::with_capacity(unchanged.len() + edits.len());
    // The change in length that the edits taken so far made, and the next edit to take.
    let mut delta = 0isize;
    let mut i = 0;
    let shifted = |at: usize, delta: isize| at.checked_add_signed(delta).unwrap_or(at);
    for u in unchanged {
        let end = u.new + u.len;
        let mut at = u.new;
        while let Some(e) = edits.get(i).filter(|e| e.range.start() < end) {
            if e.range.start() > at {
                out.push(Unchanged {
                    old: u.old + (at - u.new),
                    new: shifted(at, delta),
                    len: e.range.start() - at,
                });
            }
            delta += e.new_text.len() as isize - e.range.len() as isize;
            at = at.max(e.range.end());
            i += 1;
        }
        if at < end {
            out.push(Unchanged {
                old: u.old + (at - u.new),
                new: shifted(at, delta),
                len: end - at,
            });
        }
    }
    out
}

/// Applies fixes (safe ones, and unsafe ones with `unsafe_fixes`) to `text`, whose diagnostics are
/// `diagnostics`, checking again with `check` after each round, until no fix applies or
/// [`MAX_ROUNDS`] rounds have run.
pub fn fix_until_stable(
    text: String,
    diagnostics: Vec<Diagnostic>,
    unsafe_fixes: bool,
    mut check: impl FnMut(&str) -> Vec<Diagnostic>,
) -> Fixed {
    let mut text = text;
    let mut fixed = 0;
    let mut diagnostics = diagnostics;
    let mut unchanged = Unchanged::whole(text.len());
    for _ in 0..MAX_ROUNDS {
        let fixes = diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| wanted(f, unsafe_fixes));
        let fixes: Vec<&Fix> = fixes.collect();
        let mut plan = plan(&text, fixes.iter().copied());
        if plan.applied == 0 {
            break;
        }
        let mut new_text = plan.apply(&text);
        if new_text == text {
            break;
        }
        let mut new_diagnostics = check(&new_text);
        // Fixes made for one text may contradict one another (each right alone, together an
        // error neither meant): a round of several fixes that leaves an error the text did not
        // have is made again with its first fix alone, and the next round checks afresh.
        if plan.applied > 1 && adds_errors(&diagnostics, &new_diagnostics) {
            let first = fixes
                .iter()
                .zip(&plan.taken)
                .find_map(|(f, &taken)| taken.then_some(*f));
            plan = self::plan(&text, first);
            new_text = plan.apply(&text);
            new_diagnostics = check(&new_text);
        }
        fixed += plan.applied;
        unchanged = unchanged_after(&unchanged, &plan.edits);
        text = new_text;
        diagnostics = new_diagnostics;
    }
    Fixed {
        text,
        fixed,
        diagnostics,
        unchanged,
    }
}

/// Whether `after` holds more errors of some rule than `before` does. Each list is counted once
/// (counting a rule's errors again for each error was quadratic in a text of many findings).
fn adds_errors(before: &[Diagnostic], after: &[Diagnostic]) -> bool {
    let errors = |ds: &[Diagnostic]| {
        let mut count = std::collections::HashMap::new();
        for d in ds.iter().filter(|d| d.severity == Severity::Error) {
            *count.entry(d.rule).or_insert(0usize) += 1;
        }
        count
    };
    let before = errors(before);
    errors(after)
        .into_iter()
        .any(|(rule, n)| n > before.get(&rule).copied().unwrap_or(0))
}

/// The smallest single edit that turns `old` into `new`: the common start and end are left alone.
/// `None` when the texts are equal.
pub fn minimal_edit(old: &str, new: &str) -> Option<Edit> {
    if old == new {
        return None;
    }
    let mut start = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
        start -= 1;
    }
    let room = old.len().min(new.len()) - start;
    let mut common_end = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - common_end)
        || !new.is_char_boundary(new.len() - common_end)
    {
        common_end -= 1;
    }
    Some(Edit::replace(
        crate::syntax::TextRange::new(start, old.len() - common_end),
        &new[start..new.len() - common_end],
    ))
}

#[cfg(test)]
mod tests;
