//! The shared resolver: the checker's and the server's ways of asking give the same settings, and
//! `"off"` means the same in `cablelint.toml` and in the editor's settings.

use std::path::Path;

use serde_json::json;

use super::*;
use crate::config::Overrides;
use crate::lsp::configuration::EditorSettings;
use crate::rules::{Rule, RuleSelector, Settings};

fn sel(s: &str) -> RuleSelector {
    RuleSelector::parse(s).unwrap()
}

/// What a settings value decides, rule by rule.
fn decisions(s: &Settings) -> Vec<(Rule, bool, Option<crate::rules::Severity>)> {
    Rule::ALL
        .iter()
        .map(|&r| (r, s.is_enabled(r), s.severity_override(r)))
        .collect()
}

fn project(toml: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("cablelint.toml"), toml).unwrap();
    let file = dir.path().join("drafts/a.cable");
    (dir, file)
}

const TOML: &str =
    "extend-select = [\"CBL501\"]\n\n[severity]\nCBL302 = \"off\"\nCBL3 = \"warning\"\n";

#[test]
fn the_checker_and_the_server_resolve_a_file_alike() {
    let (_dir, file) = project(TOML);
    let cli = Overrides {
        ignore: vec![sel("CBL213")],
        ..Overrides::default()
    };
    let editor = EditorSettings::from_json(&json!({"ignore": ["CBL213"]})).unwrap();
    assert_eq!(cli, editor);
    let mut once = Resolver::new(ConfigSource::Discover, Freshness::Once).unwrap();
    let (a, e) = once.resolve(&file, &cli);
    assert!(e.is_none());
    let mut live = Resolver::live();
    let (b, e) = live.resolve_in(file.parent(), &file, &editor);
    assert!(e.is_none());
    assert_eq!(decisions(&a.settings), decisions(&b.settings));
    let s = &a.settings;
    assert!(!s.is_enabled(Rule::TagsMarkup), "CBL302 = \"off\"");
    assert!(!s.is_enabled(Rule::MissingEoLine), "--ignore CBL213");
    assert!(s.is_enabled(Rule::LineTooLong));
    assert_eq!(
        s.severity_override(Rule::UnknownTag),
        Some(crate::rules::Severity::Warning)
    );
}

#[test]
fn off_is_an_ignore_of_its_own_layer_in_both_places() {
    // In the file: the same as listing the rule in `ignore`.
    let (_dir, file) = project("[severity]\nCBL302 = \"off\"\n");
    let (_dir2, file2) = project("ignore = [\"CBL302\"]\n");
    let mut r = Resolver::live();
    let off = r.resolve(&file, &Overrides::default()).0;
    let ignored = r.resolve(&file2, &Overrides::default()).0;
    assert_eq!(decisions(&off.settings), decisions(&ignored.settings));
    assert!(!off.settings.is_enabled(Rule::TagsMarkup));
    // In the editor: the same as the command line's `--ignore`.
    let editor = EditorSettings::from_json(&json!({"severity": {"tags-markup": "off"}})).unwrap();
    let cli = Overrides {
        ignore: vec![sel("tags-markup")],
        ..Overrides::default()
    };
    let none = Path::new("x.cable");
    assert_eq!(
        decisions(&crate::config::settings(None, none, &editor)),
        decisions(&crate::config::settings(None, none, &cli))
    );
    // A more specific selection still wins over a prefix switched off, as with `ignore`.
    let editor = EditorSettings::from_json(&json!({
        "extendSelect": ["CBL302"], "severity": {"CBL3": "off"}
    }))
    .unwrap();
    let s = crate::config::settings(None, none, &editor);
    assert!(s.is_enabled(Rule::TagsMarkup));
    assert!(!s.is_enabled(Rule::UnknownTag));
    // Both reject other words with the same message.
    let (_dir3, file3) = project("[severity]\nCBL302 = \"loud\"\n");
    let e = Resolver::live()
        .resolve(&file3, &Overrides::default())
        .1
        .unwrap();
    let editor = EditorSettings::from_json(&json!({"severity": {"CBL302": "loud"}})).unwrap_err();
    let expected =
        "`loud` is not a severity (expected \"error\", \"warning\", \"info\" or \"off\")";
    assert!(e.message.contains(expected), "{e}");
    assert!(editor.contains(expected), "{editor}");
}

#[test]
fn a_live_resolver_rereads_a_changed_file_and_keeps_the_last_good_one() {
    let (dir, file) = project("ignore = [\"CBL302\"]\n");
    let toml = dir.path().join("cablelint.toml");
    let mut live = Resolver::live();
    let mut once = Resolver::new(ConfigSource::Discover, Freshness::Once).unwrap();
    assert!(!live
        .resolve(&file, &Overrides::default())
        .0
        .settings
        .is_enabled(Rule::TagsMarkup));
    assert!(!once
        .resolve(&file, &Overrides::default())
        .0
        .settings
        .is_enabled(Rule::TagsMarkup));
    // A different length makes sure the modification time is not the only signal needed.
    std::fs::write(&toml, "ignore = [\"CBL305\"]\n\n").unwrap();
    assert!(live.reload(&toml).is_none());
    let s = live.resolve(&file, &Overrides::default()).0.settings;
    assert!(s.is_enabled(Rule::TagsMarkup) && !s.is_enabled(Rule::UnknownTag));
    // One run of the checker reads each file once.
    assert!(!once
        .resolve(&file, &Overrides::default())
        .0
        .settings
        .is_enabled(Rule::TagsMarkup));
    // An invalid file: its error, once, and the last good configuration meanwhile.
    std::fs::write(&toml, "ignore = [\"CBL999\"]\n").unwrap();
    let e = live.reload(&toml).expect("an error");
    assert_eq!(e.key.as_deref(), Some("ignore"));
    let s = live.resolve(&file, &Overrides::default()).0.settings;
    assert!(!s.is_enabled(Rule::UnknownTag));
}

#[test]
fn config_and_isolated_sources() {
    let (dir, file) = project("ignore = [\"CBL302\"]\n");
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "ignore = [\"CBL305\"]\n").unwrap();
    let mut given = Resolver::new(ConfigSource::File(other.clone()), Freshness::Once).unwrap();
    let s = given.resolve(&file, &Overrides::default()).0.settings;
    assert!(s.is_enabled(Rule::TagsMarkup) && !s.is_enabled(Rule::UnknownTag));
    let mut isolated = Resolver::new(ConfigSource::Isolated, Freshness::Once).unwrap();
    let s = isolated.resolve(&file, &Overrides::default()).0.settings;
    assert!(s.is_enabled(Rule::TagsMarkup) && s.is_enabled(Rule::UnknownTag));
    std::fs::write(&other, "nonsense = 1\n").unwrap();
    let e = Resolver::new(ConfigSource::File(other), Freshness::Once).unwrap_err();
    assert_eq!(e.key.as_deref(), Some("nonsense"));
}

#[test]
fn the_editor_setting_date_is_the_command_line_date() {
    let date = crate::vocab::Date::parse_iso("2026-11-30");
    let cli = Overrides {
        date,
        ..Overrides::default()
    };
    let editor = EditorSettings::from_json(&json!({"date": "2026-11-30"})).unwrap();
    assert_eq!(cli, editor);
    let s = crate::config::settings(None, std::path::Path::new("a.cable"), &editor);
    assert_eq!(s.drafting_date, date);
    assert!(EditorSettings::from_json(&json!({"date": "30/11/2026"})).is_err());
}

/// The server's resolver reads a configuration again when a file it extends changes, and a change
/// [`Resolver::reload`] names for that file reaches every configuration extending it.
#[test]
fn a_live_resolver_follows_the_files_a_configuration_extends() {
    let (dir, file) = project("extend = \"base.toml\"\n");
    let base = dir.path().join("base.toml");
    std::fs::write(&base, "ignore = [\"CBL302\"]\n").unwrap();
    let mut live = Resolver::live();
    let enabled = |live: &mut Resolver, rule| {
        let (resolved, error) = live.resolve(&file, &Overrides::default());
        assert!(error.is_none(), "{error:?}");
        resolved.settings.is_enabled(rule)
    };
    assert!(!enabled(&mut live, Rule::TagsMarkup));
    // A new modification time alone is enough: no reload.
    std::fs::write(&base, "ignore = [\"CBL305\"]\n").unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&base)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert!(enabled(&mut live, Rule::TagsMarkup));
    assert!(!enabled(&mut live, Rule::UnknownTag));
    assert!(live.is_extended(&base));
    // An invalid base: its error once, through the reload of the base, the last good settings
    // meanwhile, and the configuration loads again once the base is mended.
    std::fs::write(&base, "ignore = [\"CBL999\"]\n").unwrap();
    let e = live.reload(&base).expect("an error");
    assert_eq!(e.path, base);
    assert!(!enabled(&mut live, Rule::UnknownTag));
    std::fs::write(&base, "ignore = []\n").unwrap();
    assert!(enabled(&mut live, Rule::UnknownTag));
}
