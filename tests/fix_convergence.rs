//! Fixes that converge: on every real cable of `../shared/corpus` and `../shared/corpus-release`
//! (each reported as ignored when absent: see `build.rs`), one round of `--fix` (and of `--fix
//! --unsafe-fixes`) reaches the fixed point: every rule's fix covers all its findings at once, so
//! the text the first round writes has no fix left to apply.

#![allow(clippy::print_stdout)]

mod support;

use std::collections::BTreeMap;

use cablelint::data::Tables;
use cablelint::rules::Settings;
use cablelint::workspace::fix::{plan, wanted};

fn read_corpus(folder: &str) -> Vec<(String, String)> {
    support::shared_cables(folder, "the fix convergence test")
        .expect("the corpus is there (the test is ignored otherwise)")
}

/// The cables (with the rules whose fixes were still left) on which one round of fixes does not
/// reach the fixed point, and how many cables had fixes to apply.
fn second_round_needed(folder: &str, unsafe_fixes: bool) -> (Vec<(String, Vec<String>)>, usize) {
    let settings = Settings::default();
    let tables = Tables::builtin();
    let mut failures = Vec::new();
    let mut with_fixes = 0;
    for (name, text) in read_corpus(folder) {
        let diagnostics = cablelint::check(&text, &settings, tables);
        let first = plan(
            &text,
            diagnostics
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| wanted(f, unsafe_fixes)),
        );
        if first.applied == 0 {
            continue;
        }
        with_fixes += 1;
        let fixed = first.apply(&text);
        let again = cablelint::check(&fixed, &settings, tables);
        let left: Vec<&cablelint::Diagnostic> = again
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| wanted(f, unsafe_fixes)))
            .collect();
        let second = plan(&fixed, left.iter().filter_map(|d| d.fix.as_ref()));
        if second.applied > 0 && second.apply(&fixed) != fixed {
            let mut rules: Vec<String> = left.iter().map(|d| d.rule.code().to_string()).collect();
            rules.dedup();
            failures.push((name, rules));
        }
    }
    (failures, with_fixes)
}

/// Whether one round of the wanted fixes on `text` leaves no fix to apply.
fn one_round_suffices(text: &str, unsafe_fixes: bool) -> bool {
    let settings = Settings::default();
    let tables = Tables::builtin();
    let diagnostics = cablelint::check(text, &settings, tables);
    let first = plan(
        text,
        diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| wanted(f, unsafe_fixes)),
    );
    assert!(first.applied > 0, "the cable has fixes to apply");
    let fixed = first.apply(text);
    let again = cablelint::check(&fixed, &settings, tables);
    let second = plan(
        &fixed,
        again
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| wanted(f, unsafe_fixes)),
    );
    second.applied == 0
}

/// An invented cable with the given paragraphs after the header of `examples/clean.cable`.
fn with_body(body: &str) -> String {
    let clean = include_str!("../examples/clean.cable");
    let head = &clean[..clean.find("1. (C)").expect("the example has paragraphs")];
    format!("{head}{body}\nEXAMPLE\n")
}

#[test]
fn a_renumbering_is_one_fix() {
    // Several breaks, a number written twice and a restart at 1 that nothing explains: one fix
    // renumbers them all. (A restart the cable's count comes back after, `6.` `1.` `2.` `7.`, is
    // a list; a break before one has no fix, see `cli_check`.)
    let numbers = [1, 2, 4, 5, 6, 9, 9, 1, 12];
    let body: String = numbers
        .iter()
        .map(|n| format!("{n}. (C) The ministers met in Oslo.\n\n"))
        .collect();
    assert!(one_round_suffices(&with_body(&body), true));
}

#[test]
fn a_count_from_zero_is_renumbered_in_one_round() {
    let body: String = (0..12)
        .map(|n| format!("{n}. (C) The ministers met in Oslo.\n\n"))
        .collect();
    let text = with_body(&body);
    assert!(one_round_suffices(&text, true));
    // Without unsafe fixes nothing is renumbered: the fix is unsafe.
    let settings = Settings::default();
    let diagnostics = cablelint::check(&text, &settings, Tables::builtin());
    assert!(
        plan(
            &text,
            diagnostics
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| wanted(f, false))
        )
        .applied
            == 0
    );
}

#[test]
fn eleven_unclosed_summaries_close_in_one_round() {
    let body: String = (1..=11)
        .map(|n| format!("{n}. (C) Summary: The ministers met in Oslo on day {n}.\n\n"))
        .collect();
    assert!(one_round_suffices(&with_body(&body), false));
}

fn assert_one_round(folder: &str) {
    for unsafe_fixes in [false, true] {
        let (failures, with_fixes) = second_round_needed(folder, unsafe_fixes);
        let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, rules) in &failures {
            for r in rules {
                *by_rule.entry(r.as_str()).or_default() += 1;
            }
        }
        println!(
            "{folder} (unsafe fixes: {unsafe_fixes}): {with_fixes} cables have fixes to apply; after one round {} need a second; by rule: {by_rule:?}",
            failures.len()
        );
        assert!(
            failures.is_empty(),
            "{folder} (unsafe fixes: {unsafe_fixes}): one round of fixes leaves fixes to apply on {} cables, e.g. {:?}",
            failures.len(),
            &failures[..failures.len().min(5)]
        );
    }
}

#[test]
#[cfg_attr(shared_corpus_absent, ignore = "../shared/corpus is absent")]
fn one_round_of_fixes_reaches_the_fixed_point_on_the_clean_corpus() {
    assert_one_round("corpus");
}

#[test]
#[cfg_attr(
    shared_corpus_release_absent,
    ignore = "../shared/corpus-release is absent"
)]
fn one_round_of_fixes_reaches_the_fixed_point_on_the_release_corpus() {
    assert_one_round("corpus-release");
}

/// A DE serial followed by something that is not a section (`#0614/0.`): adding the banner's
/// section after the serial would not make one, so CBL114 offers no fix (the fix loop never settled).
#[test]
fn no_section_fix_after_a_garbled_suffix() {
    let base = include_str!("rules/base/confidential.cable");
    let text = base.replace("#0614/01 0720751", "#0614/0. 0720751");
    assert_ne!(text, base);
    let diagnostics = cablelint::check(&text, &Settings::default(), Tables::builtin());
    for d in diagnostics.iter().filter(|d| d.rule.code() == "CBL114") {
        assert!(d.fix.is_none(), "{d:?}");
    }
}
