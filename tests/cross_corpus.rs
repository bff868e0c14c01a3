//! The cross-cable rules (`CBL7xx`) over the real cables of `../shared/corpus` and
//! `../shared/corpus-release`, each checked as one set, and over both together (each reported as
//! ignored when absent: see `build.rs`).
//!
//! Real cables are the judge: the files of a release are distinct cables, most sent correctly, so
//! a cross-cable rule that fires on more than a handful of them is wrong. The test prints each
//! rule's findings and asserts a ceiling per rule and set.

#![allow(clippy::print_stdout)]

mod support;

use cablelint::rules::cross::{check_set, CableSummary, Member};
use cablelint::rules::{Rule, Settings};

/// The most findings each rule may have on a set: (rule, corpus, corpus-release, both together).
const CEILINGS: &[(Rule, usize, usize, usize)] = &[
    (Rule::DuplicateSerial, 0, 0, 0),
    (Rule::DanglingReference, 0, 0, 0),
    (Rule::McnNotIncreasing, 0, 0, 0),
];

/// Checks a set of cables and prints and counts the findings of each cross-cable rule.
fn figures(label: &str, cables: &[(String, String)]) -> Vec<(Rule, usize)> {
    let summaries: Vec<CableSummary> = cables
        .iter()
        .map(|(_, text)| CableSummary::of_text(text))
        .collect();
    let settings = Settings::default();
    let members: Vec<Member> = cables
        .iter()
        .zip(&summaries)
        .map(|((name, _), summary)| Member {
            name,
            summary,
            settings: &settings,
        })
        .collect();
    let found = check_set(&members);
    let mut counts = Vec::new();
    for &(rule, ..) in CEILINGS {
        let mut n = 0;
        for (i, diagnostics) in found.iter().enumerate() {
            for d in diagnostics.iter().filter(|d| d.rule == rule) {
                n += 1;
                println!("{label}: {} {} {}", cables[i].0, rule.code(), d.message);
            }
        }
        println!(
            "{label}: {} {} fires {n} times over {} cables",
            rule.code(),
            rule.name(),
            cables.len()
        );
        counts.push((rule, n));
    }
    counts
}

fn assert_ceilings(counts: &[(Rule, usize)], column: usize) {
    for (&(rule, n), row) in counts.iter().zip(CEILINGS) {
        let ceiling = [row.1, row.2, row.3][column];
        assert!(
            n <= ceiling,
            "{} fires {n} times, more than its ceiling {ceiling}",
            rule.code()
        );
    }
}

#[test]
#[cfg_attr(
    shared_corpus_absent,
    ignore = "needs ../shared/corpus, which is absent"
)]
fn the_corpus_as_one_set() {
    let Some(cables) = support::shared_cables("corpus", "cross-cable figures") else {
        return;
    };
    assert_ceilings(&figures("corpus", &cables), 0);
}

#[test]
#[cfg_attr(
    shared_corpus_release_absent,
    ignore = "needs ../shared/corpus-release, which is absent"
)]
fn the_release_corpus_as_one_set() {
    let Some(cables) = support::shared_cables("corpus-release", "cross-cable figures") else {
        return;
    };
    assert_ceilings(&figures("corpus-release", &cables), 1);
}

#[test]
#[cfg_attr(
    any(shared_corpus_absent, shared_corpus_release_absent),
    ignore = "needs ../shared/corpus and ../shared/corpus-release, one of which is absent"
)]
fn both_corpora_as_one_set() {
    let (Some(mut cables), Some(release)) = (
        support::shared_cables("corpus", "cross-cable figures"),
        support::shared_cables("corpus-release", "cross-cable figures"),
    ) else {
        return;
    };
    cables.extend(release);
    assert_ceilings(&figures("both", &cables), 2);
}
