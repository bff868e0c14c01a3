//! Code actions: each rule's fix as a quick fix (preferred when safe), all safe fixes at once
//! (`source.fixAll`), and "raise the banner to the highest paragraph marking", which changes the
//! cable's classification and so is never safe and never applied automatically.

use crate::rules::{Applicability, Diagnostic, Edit, Rule};
use crate::syntax::{BannerLevel, Cable, Level, TextRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// A rule's fix for one diagnostic.
    QuickFix,
    /// Every safe fix of one rule in the document.
    FixRule,
    /// Every safe fix of the document.
    FixAll,
    /// Raising the banner (and the security line) to the highest paragraph marking.
    RaiseBanner,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub kind: ActionKind,
    /// Non-overlapping edits in document order.
    pub edits: Vec<Edit>,
    /// Whether editors may apply it on their own ("preferred"): only safe fixes are.
    pub preferred: bool,
    pub applicability: Applicability,
    /// Indices into the diagnostics the action resolves.
    pub diagnostics: Vec<usize>,
}

/// The actions for a range: the quick fixes of the diagnostics that touch it, the fix-all action
/// when the document has safe fixes, and the banner action when the range touches the banner or a
/// marking above it.
pub fn code_actions(
    cable: &Cable<'_>,
    diagnostics: &[Diagnostic],
    range: TextRange,
) -> Vec<Action> {
    let mut out = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if !overlaps(d.range, range) {
            continue;
        }
        let Some(fix) = &d.fix else { continue };
        if fix.applicability == Applicability::DisplayOnly || fix.edits.is_empty() {
            continue;
        }
        // Several diagnostics may share one fix (a whole-line repair): one action for all of them.
        if let Some(a) = out.iter_mut().find(|a: &&mut Action| {
            a.kind == ActionKind::QuickFix && a.edits == sorted(fix.edits.clone())
        }) {
            a.diagnostics.push(i);
            continue;
        }
        let safe = fix.applicability == Applicability::Safe;
        let mut title = format!("{} ({})", fix.message, d.rule.code());
        if !safe {
            title.push_str(" — unsafe");
        }
        out.push(Action {
            title,
            kind: ActionKind::QuickFix,
            edits: sorted(fix.edits.clone()),
            preferred: safe,
            applicability: fix.applicability,
            diagnostics: vec![i],
        });
    }
    // The same rule at several places: all of them at once.
    let mut rules: Vec<Rule> = Vec::new();
    for d in diagnostics.iter().filter(|d| overlaps(d.range, range)) {
        if !rules.contains(&d.rule) {
            rules.push(d.rule);
        }
    }
    for rule in rules {
        let same = |d: &Diagnostic| d.rule == rule;
        if let Some(mut a) = combine(diagnostics, same).filter(|a| a.diagnostics.len() >= 2) {
            a.title = format!(
                "Fix all `{}` problems ({}, {})",
                rule.name(),
                rule.code(),
                a.diagnostics.len()
            );
            a.kind = ActionKind::FixRule;
            out.push(a);
        }
    }
    if let Some(a) = raise_banner(cable, diagnostics, range) {
        out.push(a);
    }
    if let Some(a) = fix_all(diagnostics) {
        out.push(a);
    }
    out
}

/// Every safe fix of the document in one action; a fix whose edits overlap one already taken waits
/// for the next run, as `cablelint check --fix` does.
pub fn fix_all(diagnostics: &[Diagnostic]) -> Option<Action> {
    combine(diagnostics, |_| true)
}

/// The safe fixes of the chosen diagnostics, combined without overlaps.
fn combine(diagnostics: &[Diagnostic], choose: impl Fn(&Diagnostic) -> bool) -> Option<Action> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut taken = Vec::new();
    let mut taken_fixes: Vec<&crate::rules::Fix> = Vec::new();
    'fixes: for (i, d) in diagnostics.iter().enumerate().filter(|(_, d)| choose(d)) {
        let Some(fix) = d
            .fix
            .as_ref()
            .filter(|f| f.applicability == Applicability::Safe)
        else {
            continue;
        };
        if taken_fixes.contains(&fix) {
            taken.push(i);
            continue;
        }
        for e in &fix.edits {
            for t in &edits {
                let overlap = e.range.start < t.range.end && t.range.start < e.range.end;
                let same_insert = e.range == t.range && e.range.is_empty();
                if overlap || same_insert {
                    continue 'fixes;
                }
            }
        }
        edits.extend(fix.edits.iter().cloned());
        taken.push(i);
        taken_fixes.push(fix);
    }
    if taken.is_empty() {
        return None;
    }
    Some(Action {
        title: format!("Fix all safe cablelint problems ({})", taken.len()),
        kind: ActionKind::FixAll,
        edits: sorted(edits),
        preferred: false,
        applicability: Applicability::Safe,
        diagnostics: taken,
    })
}

fn sorted(mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The banner level for a paragraph level, when the banner can say it.
fn banner_for(level: Level) -> Option<BannerLevel> {
    match level {
        Level::Confidential => Some(BannerLevel::Confidential),
        Level::Secret => Some(BannerLevel::Secret),
        Level::TopSecret => Some(BannerLevel::TopSecret),
        Level::Unclassified | Level::Sbu => None,
    }
}

/// "Raise the banner to SECRET": when a paragraph is marked above the banner. The security line's
/// code follows the banner so that the two keep agreeing.
fn raise_banner(cable: &Cable<'_>, diagnostics: &[Diagnostic], range: TextRange) -> Option<Action> {
    let banner = cable.body.banner.as_ref()?;
    let mut highest: Option<(Level, TextRange)> = None;
    for p in &cable.body.paragraphs {
        if let Some(m) = &p.marking {
            if let Some(l) = m.level {
                if highest.is_none_or(|(h, _)| l > h) {
                    highest = Some((l, m.range));
                }
            }
        }
    }
    let (level, _) = highest?;
    if level <= banner.level.level() {
        return None;
    }
    let target = banner_for(level)?;
    let above: Vec<TextRange> = cable
        .body
        .paragraphs
        .iter()
        .filter_map(|p| p.marking.as_ref())
        .filter(|m| m.level.is_some_and(|l| l > banner.level.level()))
        .map(|m| m.range)
        .collect();
    let related: Vec<usize> = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            matches!(
                d.rule,
                Rule::BannerBelowMarking | Rule::SecurityLineMismatch
            ) && overlaps(d.range, range)
        })
        .map(|(i, _)| i)
        .collect();
    let touches = overlaps(banner.range, range)
        || above.iter().any(|&m| overlaps(m, range))
        || !related.is_empty();
    if !touches {
        return None;
    }
    let mut edits = vec![Edit::replace(banner.level_token, target.canonical())];
    if let Some(code) = cable.header.security.as_ref().and_then(|s| s.code) {
        let letter = match target {
            BannerLevel::Confidential => 'C',
            BannerLevel::Secret => 'S',
            _ => 'T',
        };
        let written = cable.text(code);
        let suffix = written.get(5..).unwrap_or("");
        let new_code = format!("{}{suffix}", letter.to_string().repeat(5));
        if new_code != written {
            edits.push(Edit::replace(code, new_code));
        }
        if let Some(prefix) = cable.header.security.as_ref().map(|s| s.prefix) {
            if cable.text(prefix) == "ZNR" {
                edits.push(Edit::replace(prefix, "ZNY"));
            }
        }
    }
    Some(Action {
        title: format!(
            "Raise the banner to {} (the highest paragraph marking) — changes the classification",
            level.name()
        ),
        kind: ActionKind::RaiseBanner,
        edits: sorted(edits),
        preferred: false,
        applicability: Applicability::Unsafe,
        diagnostics: related,
    })
}
