//! Conformance over the real cables in `../shared/corpus` (reported as ignored when absent: see
//! `build.rs`).
//!
//! Real cables are the judge: most of them are correct, so a rule that reports errors on many of
//! them is a wrong rule. The test checks that no cable makes the engine panic, that at least 95% of
//! cables have no error-severity finding (the spec counts real drafting errors in only a few percent),
//! that no single error rule fires on more than 1% of cables and no warning rule on more than 15%,
//! and that applying the safe fixes converges. It prints the figures.

#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use cablelint::data::Tables;
use cablelint::rules::{Applicability, Rule, Settings, Severity};
use cablelint::workspace::fix::{fix_until_stable, validate, MAX_ROUNDS};

fn corpus() -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "NOTICE: {} is absent; corpus conformance skipped",
            dir.display()
        );
        return None;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let bytes = std::fs::read(&p).expect("corpus file is readable");
                (name, String::from_utf8_lossy(&bytes).into_owned())
            })
            .collect(),
    )
}

#[test]
#[cfg_attr(
    shared_corpus_absent,
    ignore = "needs ../shared/corpus, which is absent"
)]
fn corpus_conformance() {
    let Some(cables) = corpus() else { return };
    let settings = Settings::default();
    let tables = Tables::builtin();
    let mut clean = 0usize;
    let mut per_rule: BTreeMap<Rule, (usize, usize)> = BTreeMap::new();
    let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut error_cables = Vec::new();
    for (name, text) in &cables {
        let diags = cablelint::check(text, &settings, tables);
        let mut rules_here = std::collections::BTreeSet::new();
        for d in &diags {
            *by_severity.entry(d.severity).or_default() += 1;
            let e = per_rule.entry(d.rule).or_default();
            e.1 += 1;
            if rules_here.insert(d.rule) {
                e.0 += 1;
            }
            assert!(d.range.end() <= text.len(), "{name}: range past the end");
            assert!(
                text.is_char_boundary(d.range.start()) && text.is_char_boundary(d.range.end()),
                "{name}: range not on char boundaries"
            );
        }
        if diags.iter().any(|d| d.severity == Severity::Error) {
            let codes: Vec<_> = diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.rule.code())
                .collect();
            error_cables.push(format!("{name}: {}", codes.join(" ")));
        } else {
            clean += 1;
        }
    }
    let n = cables.len();
    let share = 100.0 * clean as f64 / n as f64;
    println!("corpus: {n} cables; {clean} ({share:.1}%) without an error-severity finding");
    println!("findings by severity: {by_severity:?}");
    println!(
        "{:<8} {:<34} {:>8} {:>7} {:>7}",
        "code", "name", "severity", "cables", "diags"
    );
    for (rule, (c, d)) in &per_rule {
        println!(
            "{:<8} {:<34} {:>8} {:>7} {:>7}",
            rule.code(),
            rule.name(),
            rule.default_severity().as_str(),
            c,
            d
        );
    }
    println!("cables with errors:");
    for e in &error_cables {
        println!("  {e}");
    }
    assert!(
        share >= 95.0,
        "only {share:.1}% of corpus cables are free of errors"
    );
    for (rule, (c, _)) in &per_rule {
        let limit = match rule.default_severity() {
            Severity::Error => n / 100,
            Severity::Warning => n * 15 / 100,
            Severity::Info => n * 30 / 100,
        };
        assert!(
            *c <= limit.max(1),
            "{} {} fires on {c} of {n} cables: a rule that fires this often is probably wrong",
            rule.code(),
            rule.name()
        );
    }
}

#[test]
#[cfg_attr(
    shared_corpus_absent,
    ignore = "needs ../shared/corpus, which is absent"
)]
fn safe_fixes_converge_on_the_corpus() {
    let Some(cables) = corpus() else { return };
    let settings = Settings::default();
    let tables = Tables::builtin();
    let check = |t: &str| cablelint::check(t, &settings, tables);
    let safe = |d: &cablelint::Diagnostic| {
        d.fix
            .as_ref()
            .is_some_and(|f| f.applicability == Applicability::Safe)
    };
    let mut fixed_files = 0;
    for (name, text) in &cables {
        let diags = check(text);
        if !diags.iter().any(safe) {
            continue;
        }
        fixed_files += 1;
        for f in diags.iter().filter_map(|d| d.fix.as_ref()) {
            if let Err(e) = validate(text, &f.edits) {
                panic!("{name}: the fix `{}` is invalid: {e}", f.message);
            }
        }
        // The engine `check --fix` uses must apply something and reach a fixed point well within
        // its round limit: no safe-fixable finding may remain.
        let fixed = fix_until_stable(text.clone(), diags, false, check);
        assert!(fixed.fixed > 0, "{name}: no safe fix applied");
        assert!(
            fixed.fixed < MAX_ROUNDS * 4,
            "{name}: {} fixes",
            fixed.fixed
        );
        assert!(
            !fixed.diagnostics.iter().any(safe),
            "{name}: safe fixes do not converge"
        );
    }
    println!("safe fixes applied and converged on {fixed_files} corpus cables");
}
