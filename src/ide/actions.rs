//! Code actions: each rule's fix as a quick fix (preferred when safe), every safe fix of one rule
//! at once, and every safe fix of the document (`source.fixAll`). Every edit goes through the fix
//! engine ([`crate::workspace::fix`]), so an action never carries an edit `cablelint check --fix`
//! would refuse, and fix-all gives exactly the text `check --fix` writes. A fix that changes a
//! classification (such as CBL207's raising of the banner) is never safe and never preferred.

use crate::rules::{Applicability, Diagnostic, Edit, Fix, Rule};
use crate::syntax::{Cable, TextRange};
use crate::workspace::fix::{minimal_edit, plan};
use crate::workspace::Analysis;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// A rule's fix for one diagnostic.
    QuickFix,
    /// Every safe fix of one rule in the document.
    FixRule,
    /// Every safe fix of the document, until none applies.
    FixAll,
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

/// The actions for a range: the quick fixes of the diagnostics that touch it and, for each rule
/// reported there more than once, all its safe fixes at once.
pub fn code_actions(
    cable: &Cable<'_>,
    diagnostics: &[Diagnostic],
    range: TextRange,
) -> Vec<Action> {
    let mut out = quick_fixes(cable, diagnostics, range);
    // The same rule at several places: all of them at once.
    let mut rules: Vec<Rule> = Vec::new();
    for d in diagnostics.iter().filter(|d| overlaps(d.range, range)) {
        if !rules.contains(&d.rule) {
            rules.push(d.rule);
        }
    }
    for rule in rules {
        if let Some(a) = fix_rule(cable.src, diagnostics, rule) {
            out.push(a);
        }
    }
    out
}

/// One action per distinct fix of the diagnostics that touch the range.
fn quick_fixes(cable: &Cable<'_>, diagnostics: &[Diagnostic], range: TextRange) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    let mut fixes: Vec<&Fix> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if !overlaps(d.range, range) {
            continue;
        }
        // The rule's fix, then the alternatives it offers (never preferred over the fix).
        for (n, fix) in d
            .fix
            .iter()
            .chain(&d.alternatives)
            .enumerate()
            .filter(|(_, f)| f.applicability != Applicability::DisplayOnly)
        {
            // Several diagnostics may share one fix (a whole-line repair): one action for all.
            if let Some(at) = fixes.iter().position(|f| *f == fix) {
                out[at].diagnostics.push(i);
                continue;
            }
            let p = plan(cable.src, [fix]);
            if p.applied == 0 {
                continue;
            }
            let safe = fix.applicability == Applicability::Safe;
            let mut title = format!("{} ({})", fix.message, d.rule.code());
            if !safe {
                title.push_str(" — unsafe");
            }
            fixes.push(fix);
            out.push(Action {
                title,
                kind: ActionKind::QuickFix,
                edits: p.edits,
                preferred: safe && n == 0,
                applicability: fix.applicability,
                diagnostics: vec![i],
            });
        }
    }
    out
}

/// Every safe fix of one rule in one round, when the rule has more than one diagnostic to fix.
fn fix_rule(text: &str, diagnostics: &[Diagnostic], rule: Rule) -> Option<Action> {
    let safe: Vec<(usize, &Fix)> = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.rule == rule)
        .filter_map(|(i, d)| d.fix.as_ref().map(|f| (i, f)))
        .filter(|(_, f)| f.applicability == Applicability::Safe)
        .collect();
    let p = plan(text, safe.iter().map(|(_, f)| *f));
    let taken: Vec<usize> = safe
        .iter()
        .zip(&p.taken)
        .filter(|(_, &t)| t)
        .map(|((i, _), _)| *i)
        .collect();
    if taken.len() < 2 {
        return None;
    }
    Some(Action {
        title: format!(
            "Fix all `{}` problems ({}, {})",
            rule.name(),
            rule.code(),
            taken.len()
        ),
        kind: ActionKind::FixRule,
        edits: p.edits,
        preferred: false,
        applicability: Applicability::Safe,
        diagnostics: taken,
    })
}

/// Every safe fix of the document, applied round after round as `cablelint check --fix` applies
/// them ([`Analysis::fix_all`]), as one edit of the part of the text that changes. `None` when no
/// safe fix applies. Its diagnostics are those with a safe fix.
pub fn fix_all(analysis: &Analysis) -> Option<Action> {
    let fixed = analysis.fix_all();
    let edit = minimal_edit(analysis.text(), &fixed.text)?;
    let diagnostics = analysis
        .diagnostics()
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        })
        .map(|(i, _)| i)
        .collect();
    Some(Action {
        title: format!("Fix all safe cablelint problems ({})", fixed.fixed),
        kind: ActionKind::FixAll,
        edits: vec![edit],
        preferred: false,
        applicability: Applicability::Safe,
        diagnostics,
    })
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start <= b.end && b.start <= a.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Tables;
    use crate::rules::Settings;
    use crate::syntax::parse;

    /// A draft whose banner the drafter raised to CONFIDENTIAL, and an UNCLAS one with an SBU
    /// paragraph and no SENSITIVE caption.
    const RAISED: &str = "C O N F I D E N T I A L ACCRA 000001\n\nE.O. 13526: N/A\nTAGS: PREL GH\n\
                          SUBJECT: TALKS\n\n1. (U) Text one.\n\n2. (U) Text two.\n\nDOE\n";
    const SBU: &str = "UNCLAS ACCRA 000001\n\nE.O. 13526: N/A\nTAGS: PREL GH\nSUBJECT: TALKS\n\n\
                       1. (SBU) Text one.\n\n2. (U) Text two.\n\nDOE\n";

    /// The text after applying the quick fix of `code` titled `title`, and whether it is marked
    /// unsafe and not preferred.
    fn apply(text: &str, code: &str, title: &str) -> (String, bool) {
        let mut settings = Settings::default();
        settings.drafting_date = crate::vocab::Date::new(2026, 12, 1);
        let diagnostics = crate::check(text, &settings, Tables::builtin());
        let cable = parse(text);
        let all = TextRange::new(0, text.len());
        let actions = code_actions(&cable, &diagnostics, all);
        let want = format!("{title} ({code}) — unsafe");
        let a = actions.iter().find(|a| a.title == want).unwrap_or_else(|| {
            panic!(
                "no `{want}` among {:?}",
                actions.iter().map(|a| &a.title).collect::<Vec<_>>()
            )
        });
        let mut out = text.to_string();
        for e in a.edits.iter().rev() {
            out.replace_range(e.range.as_range(), &e.new_text);
        }
        (
            out,
            a.applicability == Applicability::Unsafe && !a.preferred,
        )
    }

    #[test]
    fn a_raised_banner_has_fixes_for_the_eo_line_the_authority_and_the_markings() {
        let (out, r#unsafe) = apply(RAISED, "CBL217", "Write `DECL: 12/01/2036`");
        assert!(r#unsafe);
        assert!(out.contains("\nE.O. 13526: DECL: 12/01/2036\n"), "{out}");
        let (out, r#unsafe) = apply(
            RAISED,
            "CBL223",
            "Insert a `Classified By:` line to fill in",
        );
        assert!(r#unsafe);
        assert!(
            out.contains(
                "SUBJECT: TALKS\n\nClassified By: [[NAME, TITLE]] for reasons 1.4 [[(b) and (d)]]\
                 \n\n1. (U) Text one."
            ),
            "{out}"
        );
        let (out, r#unsafe) = apply(RAISED, "CBL208", "Mark paragraph 1 (C)");
        assert!(r#unsafe);
        assert!(out.contains("\n1. (C) Text one.\n"), "{out}");
    }

    #[test]
    fn sbu_paragraphs_without_the_caption_have_a_fix_adding_it() {
        let (out, r#unsafe) = apply(SBU, "CBL210", "Add the SENSITIVE caption");
        assert!(r#unsafe);
        assert!(
            out.starts_with("UNCLAS ACCRA 000001\n\nSENSITIVE\n\nE.O. 13526: N/A\n"),
            "{out}"
        );
    }
}
