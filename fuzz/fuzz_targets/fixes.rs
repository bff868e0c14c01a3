//! Fixes, through the project's one fix engine (`workspace::fix`, what `check --fix` runs): every
//! fix offered has valid, non-overlapping edits; `--fix` (and `--fix --unsafe-fixes`) reaches its
//! fixed point within the engine's round limit; and the diagnostics it reports for the result are
//! what checking the result again gives.

#![no_main]

use cablelint::data::Tables;
use cablelint::rules::Settings;
use cablelint::workspace::fix::{fix_until_stable, plan, validate, wanted};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let unsafe_fixes = mode & 1 == 1;
    let text = String::from_utf8_lossy(rest).into_owned();
    let settings = Settings::default();
    let tables = Tables::builtin();
    let check = |t: &str| cablelint::check(t, &settings, tables);
    let diagnostics = check(&text);
    for d in &diagnostics {
        if let Some(fix) = &d.fix {
            if let Err(e) = validate(&text, &fix.edits) {
                panic!(
                    "{} offers a fix whose edits are invalid: {e}",
                    d.rule.code()
                );
            }
        }
    }
    let fixed = fix_until_stable(text, diagnostics, unsafe_fixes, check);
    // The result reparses and reads as the engine says.
    assert_eq!(
        fixed.diagnostics,
        check(&fixed.text),
        "the result's findings"
    );
    // The fixed point: nothing left that would change the text.
    let left = plan(
        &fixed.text,
        fixed
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| wanted(f, unsafe_fixes)),
    );
    if left.applied > 0 && left.apply(&fixed.text) != fixed.text {
        let rules: Vec<&str> = fixed
            .diagnostics
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| wanted(f, unsafe_fixes)))
            .map(|d| d.rule.code())
            .collect();
        panic!("no fixed point after the round limit: fixes of {rules:?} still apply");
    }
});
