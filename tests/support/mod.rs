//! Helpers shared by the tests: the real cables of `../shared` (`corpus.rs`, `format_corpus.rs`,
//! `lsp_corpus.rs`), the application of an action's edits (`lsp_ide.rs`, `lsp_corpus.rs`), the
//! cable the LSP fixture cites (`lsp_ide.rs`, `lsp_protocol.rs`) and the settings that turn every
//! rule on (`rules.rs`, `rule_examples.rs`), and the edits that make a fixture from a base cable
//! (`rules.rs`, `text_forms.rs`, `release_records.rs`, `release_misreadings.rs`).

#![allow(dead_code)]

use std::path::PathBuf;

/// Every `*.txt` cable of `../shared/<folder>` as `(file name, text)`, sorted by name, the text
/// read leniently (invalid UTF-8 replaced). `None`, with a notice naming `what` was skipped, when
/// the folder is absent.
pub fn shared_cables(folder: &str, what: &str) -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        #[allow(clippy::print_stdout)]
        {
            println!("NOTICE: {} is absent; {what} skipped", dir.display());
        }
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

/// The text with edits (byte ranges, in document order, apart, as an action carries them) made.
pub fn apply_edits(text: &str, edits: &[cablelint::rules::Edit]) -> String {
    let mut fixed = text.to_string();
    for e in edits.iter().rev() {
        fixed.replace_range(e.range.as_range(), &e.new_text);
    }
    fixed
}

/// OSLO 198, the cable that `tests/lsp_fixtures/oslo.cable` (passed as `oslo`) cites as `OSLO 198`:
/// the fixture with the serial, DE line and date of that earlier cable.
pub fn cited_by_oslo(oslo: &str) -> String {
    oslo.replace("#0217/01 0740930", "#0198/01 0650930")
        .replace("P 140930Z MAR 08", "P 050930Z MAR 08")
        .replace("OSLO 000217", "OSLO 000198")
}

/// Every rule on, `require-header` too, so that each rule can fire.
pub fn every_rule() -> cablelint::rules::Settings {
    let all = cablelint::rules::RuleSelector::parse("ALL").expect("ALL is a selector");
    let mut s = cablelint::rules::Settings::from_selection(Some(&[all]), &[], &[]);
    s.require_header = true;
    s
}

/// Applies `(find, replace)` edits in order. Each `find` must occur exactly once in the text it is
/// applied to, so that a fixture cannot silently edit the wrong place or nothing at all.
pub fn edit(base: &str, edits: &[(&str, &str)]) -> String {
    let mut text = base.to_string();
    for (find, replace) in edits {
        let n = text.matches(find).count();
        assert!(
            n == 1,
            "fixture edit `{find}` → `{replace}`: the text to find occurs {n} times, not once"
        );
        text = text.replacen(find, replace, 1);
    }
    text
}

/// What `cablelint inspect` gives for the text, as JSON (`record_fields.rs`, `record_reading.rs`).
pub fn inspected(text: &str) -> serde_json::Value {
    let cable = cablelint::syntax::parse(text);
    let drafting = cablelint::vocab::Date::parse_iso("2026-11-30").expect("a date");
    let data = cablelint::inspect::inspect(
        &cable,
        "test.cable",
        cablelint::data::Tables::builtin(),
        drafting,
    );
    serde_json::to_value(&data).expect("inspect data serialises")
}

/// The codes of the findings, checked on the drafting date 2026-11-30 (`record_fields.rs`,
/// `record_reading.rs`).
pub fn codes(text: &str) -> Vec<&'static str> {
    let mut settings = cablelint::rules::Settings::default();
    settings.drafting_date = Some(cablelint::vocab::Date::parse_iso("2026-11-30").expect("a date"));
    cablelint::check(text, &settings, cablelint::data::Tables::builtin())
        .iter()
        .map(|d| d.rule.code())
        .collect()
}
