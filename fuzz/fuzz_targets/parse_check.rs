//! Parse + check: any text, with every rule selected and with the default rules, never panics, and
//! every diagnostic's range lies inside the text on character boundaries.

#![no_main]

use std::sync::OnceLock;

use cablelint::data::Tables;
use cablelint::rules::{RuleSelector, Settings};
use libfuzzer_sys::fuzz_target;

fn all_rules() -> &'static Settings {
    static ALL: OnceLock<Settings> = OnceLock::new();
    ALL.get_or_init(|| {
        Settings::from_selection(Some(&[RuleSelector::parse("ALL").unwrap()]), &[], &[])
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tables = Tables::builtin();
    for settings in [all_rules(), &Settings::default()] {
        for d in cablelint::check(&text, settings, tables) {
            let r = d.range;
            assert!(r.start() <= r.end() && r.end() <= text.len(), "{d:?}");
            assert!(
                text.is_char_boundary(r.start()) && text.is_char_boundary(r.end()),
                "{d:?}"
            );
        }
    }
});
