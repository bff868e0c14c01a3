use super::*;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml(text, Path::new("/proj/cablelint.toml"))
}

fn sel(s: &str) -> RuleSelector {
    RuleSelector::parse(s).unwrap()
}

#[test]
fn a_full_configuration_loads() {
    let c = parse(
        r#"
select = ["CBL1", "CBL2"]
extend-select = ["line-too-long"]
ignore = ["CBL201"]
require-header = true

[severity]
CBL3 = "info"
CBL305 = "error"
invalid-banner = "warning"

[per-file-ignores]
"drafts/*.cable" = ["CBL2"]
"#,
    )
    .unwrap();
    let s = c.settings_for(Path::new("/proj/a.cable"));
    assert!(s.is_enabled(Rule::InvalidTransmissionId));
    assert!(s.is_enabled(Rule::InvalidBanner));
    assert!(!s.is_enabled(Rule::SecurityLineMismatch));
    assert!(s.is_enabled(Rule::LineTooLong));
    assert!(!s.is_enabled(Rule::MissingTags));
    assert!(s.is_enabled(Rule::MissingHeader));
    assert!(s.require_header);
    assert_eq!(s.severity_override(Rule::UnknownTag), Some(Severity::Error));
    assert_eq!(s.severity_override(Rule::MissingTags), Some(Severity::Info));
    assert_eq!(
        s.severity_override(Rule::InvalidBanner),
        Some(Severity::Warning)
    );
    assert_eq!(s.severity_override(Rule::InvalidDtg), None);

    let drafts = c.settings_for(Path::new("/proj/drafts/x.cable"));
    assert!(!drafts.is_enabled(Rule::InvalidBanner));
    assert!(drafts.is_enabled(Rule::InvalidTransmissionId));
    // The glob is relative to the configuration's directory and `*` does not cross `/`.
    let deeper = c.settings_for(Path::new("/proj/drafts/old/x.cable"));
    assert!(deeper.is_enabled(Rule::InvalidBanner));
    let elsewhere = c.settings_for(Path::new("/other/drafts/x.cable"));
    assert!(elsewhere.is_enabled(Rule::InvalidBanner));
}

#[test]
fn a_pattern_without_a_slash_matches_file_names_anywhere() {
    let c = parse("[per-file-ignores]\n\"*.tel\" = [\"tags-markup\"]\n").unwrap();
    assert!(!c
        .settings_for(Path::new("/proj/a/b/c.tel"))
        .is_enabled(Rule::TagsMarkup));
    assert!(c
        .settings_for(Path::new("/proj/a/b/c.cable"))
        .is_enabled(Rule::TagsMarkup));
}

#[test]
fn an_empty_configuration_gives_the_defaults() {
    let c = parse("").unwrap();
    let s = c.settings_for(Path::new("/proj/a.cable"));
    for &rule in Rule::ALL {
        assert_eq!(
            s.is_enabled(rule),
            rule.enabled_by_default(),
            "{}",
            rule.code()
        );
    }
    assert!(!s.require_header);
}

#[test]
fn command_line_select_replaces_the_configuration_layer() {
    let c = parse("ignore = [\"CBL302\"]\nrequire-header = true\n").unwrap();
    let file = Path::new("/proj/a.cable");
    let o = Overrides {
        select: Some(vec![sel("CBL3")]),
        ..Overrides::default()
    };
    let s = settings(Some(&c), file, &o);
    assert!(s.is_enabled(Rule::TagsMarkup));
    assert!(!s.is_enabled(Rule::MissingHeader));
    assert!(!s.require_header);
    assert!(!s.is_enabled(Rule::InvalidBanner));

    let o = Overrides {
        extend_select: vec![sel("CBL302")],
        ignore: vec![sel("CBL124")],
        ..Overrides::default()
    };
    let s = settings(Some(&c), file, &o);
    assert!(s.is_enabled(Rule::TagsMarkup));
    assert!(!s.is_enabled(Rule::MissingHeader));
    assert!(!s.require_header);
}

#[test]
fn require_header_false_switches_the_rule_off() {
    let c = parse("extend-select = [\"CBL124\"]\nrequire-header = false\n").unwrap();
    let s = c.settings_for(Path::new("/proj/a.cable"));
    assert!(!s.is_enabled(Rule::MissingHeader));
    assert!(!s.require_header);
    // Selecting the rule on the command line is the same as `require-header = true`.
    let s = settings(
        None,
        Path::new("a.cable"),
        &Overrides {
            extend_select: vec![sel("missing-header")],
            ..Overrides::default()
        },
    );
    assert!(s.require_header);
}

#[test]
fn an_unknown_key_names_file_line_and_key() {
    let e = parse("select = [\"CBL1\"]\n\nselct = [\"CBL2\"]\n").unwrap_err();
    assert_eq!(e.line, Some(3));
    assert_eq!(e.column, Some(1));
    assert_eq!(e.key.as_deref(), Some("selct"));
    let shown = e.to_string();
    assert!(
        shown.starts_with("/proj/cablelint.toml:3:1: key `selct`: unknown key `selct`"),
        "{shown}"
    );
}

#[test]
fn an_unknown_key_in_a_table_names_the_table() {
    let e = parse("[data]\ntagz = [\"x.tsv\"]\n").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert_eq!(e.key.as_deref(), Some("data.tagz"));
    let e = parse("[colour]\nx = 1\n").unwrap_err();
    assert_eq!(e.line, Some(1));
    assert_eq!(e.key.as_deref(), Some("colour"));
}

#[test]
fn a_wrong_type_names_the_key() {
    let e = parse("\nselect = \"CBL1\"\n").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert_eq!(e.key.as_deref(), Some("select"));
    assert!(e.message.contains("invalid type"), "{}", e.message);
    let e = parse("require-header = \"yes\"\n").unwrap_err();
    assert_eq!(e.key.as_deref(), Some("require-header"));
}

#[test]
fn a_bad_selector_is_reported_where_it_stands() {
    let e = parse("select = [\n  \"CBL1\",\n  \"CBL999\",\n]\n").unwrap_err();
    assert_eq!(e.line, Some(3));
    assert_eq!(e.column, Some(3));
    assert_eq!(e.key.as_deref(), Some("select"));
    assert!(e.message.contains("CBL999"), "{}", e.message);

    let e = parse("[per-file-ignores]\n\"a/*.cable\" = [\"nope\"]\n").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.key.as_deref().unwrap().starts_with("per-file-ignores"));
}

#[test]
fn a_bad_severity_is_reported() {
    let e = parse("[severity]\nCBL305 = \"fatal\"\n").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert_eq!(e.key.as_deref(), Some("severity.CBL305"));
    assert!(e.message.contains("fatal"));
    let e = parse("[severity]\nCBL9 = \"info\"\n").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert_eq!(e.column, Some(1));
}

#[test]
fn a_syntax_error_has_a_position() {
    let e = parse("select = [\"CBL1\"\nignore = []\n").unwrap_err();
    assert!(e.line.is_some(), "{e}");
}

#[test]
fn a_bad_glob_is_reported() {
    let e = parse("[per-file-ignores]\n\"a/[b.cable\" = [\"CBL2\"]\n").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("glob"), "{}", e.message);
}

#[test]
fn discovery_walks_up_and_data_paths_are_relative_to_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("a/b/c")).unwrap();
    std::fs::write(root.join("a/tags.tsv"), "code\tkind\n").unwrap();
    std::fs::write(
        root.join("a/cablelint.toml"),
        "ignore = [\"CBL302\"]\n[data]\ntags = [\"tags.tsv\"]\n",
    )
    .unwrap();
    let (path, c) = Config::discover(&root.join("a/b/c")).unwrap().unwrap();
    assert_eq!(path, root.join("a/cablelint.toml"));
    assert_eq!(c.data.tags, vec![root.join("a/tags.tsv")]);
    assert!(!c
        .settings_for(&root.join("a/b/c/x.cable"))
        .is_enabled(Rule::TagsMarkup));
    // Discovery walks up from a directory, never down into one: from above `a/` it does not find
    // `a/cablelint.toml` (whatever it finds above the temporary directory is not ours to assert).
    let above = Config::discover(root).unwrap().map(|(p, _)| p);
    assert_ne!(above, Some(root.join("a/cablelint.toml")));

    std::fs::write(
        root.join("a/b/cablelint.toml"),
        "[data]\naddressees = [\"missing.tsv\"]\n",
    )
    .unwrap();
    let e = Config::discover(&root.join("a/b/c")).unwrap_err();
    assert_eq!(e.path, root.join("a/b/cablelint.toml"));
    assert_eq!(e.line, Some(2));
    assert_eq!(e.key.as_deref(), Some("data.addressees"));
}

#[test]
fn a_missing_or_non_utf8_file_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("cablelint.toml");
    let e = Config::load(&missing).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{}: no such file or directory", missing.display())
    );
    std::fs::write(&missing, b"select = [\"\xff\"]").unwrap();
    let e = Config::load(&missing).unwrap_err();
    assert!(e.message.contains("offset 11"), "{}", e.message);
}

#[test]
fn the_draft_post_is_the_drafting_post_of_the_cross_cable_rules() {
    for (post, key) in [
        ("AMEMBASSY OSLO", Some("OSLO")),
        ("OSLO", Some("OSLO")),
        ("USMISSION USUN NEW YORK", Some("USUNNEWYORK")),
        ("", None),
    ] {
        let c = parse(&format!("[draft]\npost = \"{post}\"\n")).unwrap();
        let s = c.settings_for(Path::new("/proj/a.cable"));
        assert_eq!(s.drafting_post.as_deref(), key, "{post}");
    }
    let c = parse("").unwrap();
    assert_eq!(
        c.settings_for(Path::new("/proj/a.cable")).drafting_post,
        None
    );
}

/// A configuration written into one file, and that same configuration split over a base file and
/// one extending it, give the same settings; and the extending file's keys win over the base's.
#[test]
fn an_extending_file_inherits_and_its_own_keys_win() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("post/drafts")).unwrap();
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    std::fs::write(root.join("tags.tsv"), "code\tkind\n").unwrap();
    std::fs::write(
        root.join("base.toml"),
        "select = [\"CBL1\", \"CBL3\"]\nrequire-header = true\ndate = \"2026-01-02\"\n\
         [severity]\nCBL305 = \"error\"\nCBL302 = \"off\"\n\
         [per-file-ignores]\n\"drafts/*\" = [\"CBL1\"]\n\"*.tel\" = [\"CBL3\"]\n\
         [data]\ntags = [\"tags.tsv\"]\n\
         [format]\nline-width = 60\nserial-width = 0\n\
         [draft]\npost = \"AMEMBASSY OSLO\"\nto = [\"SECSTATE WASHDC\"]\n",
    )
    .unwrap();
    let c = Config::from_toml(
        "extend = \"../base.toml\"\nignore = [\"missing-header\"]\nextend-select = [\"CBL302\"]\n\
         [severity]\nCBL3 = \"info\"\n[per-file-ignores]\n\"*.tel\" = [\"CBL1\"]\n\
         [format]\nline-width = 72\n[draft]\nto = [\"USNATO\", \"nowhere\"]\n",
        &root.join("post/cablelint.toml"),
    )
    .unwrap();
    assert_eq!(c.extends(), [root.join("base.toml")]);
    let s = c.settings_for(&root.join("post/a.cable"));
    // The base's select, with the extending file's selection on top of it.
    assert!(s.is_enabled(Rule::InvalidTransmissionId));
    assert!(!s.is_enabled(Rule::SecurityLineMismatch));
    assert!(
        s.is_enabled(Rule::TagsMarkup),
        "extend-select over the base's off"
    );
    assert!(
        !s.is_enabled(Rule::MissingHeader),
        "ignore after the base's require-header"
    );
    // `CBL3 = "info"` and the base's more specific `CBL305 = "error"` stand together.
    assert_eq!(s.severity_override(Rule::UnknownTag), Some(Severity::Error));
    assert_eq!(s.severity_override(Rule::MissingTags), Some(Severity::Info));
    assert_eq!(s.drafting_date, crate::vocab::Date::parse_iso("2026-01-02"));
    // The base's glob is relative to the base's directory; the extending file's entry of the
    // same glob replaces the base's.
    assert!(!c
        .settings_for(&root.join("drafts/x.cable"))
        .is_enabled(Rule::InvalidTransmissionId));
    assert!(c
        .settings_for(&root.join("post/drafts/x.cable"))
        .is_enabled(Rule::InvalidTransmissionId));
    let tel = c.settings_for(&root.join("post/x.tel"));
    assert!(!tel.is_enabled(Rule::InvalidTransmissionId) && tel.is_enabled(Rule::UnknownTag));
    // Tables merge key by key; paths stay relative to the file that writes them.
    assert_eq!(c.data.tags, [root.join("tags.tsv")]);
    assert_eq!((c.format.line_width, c.format.serial_width), (72, 0));
    assert_eq!(c.draft.post.as_deref(), Some("AMEMBASSY OSLO"));
    assert_eq!(c.draft.to, ["USNATO", "nowhere"]);
    // An error about a `[draft]` value names the file that writes it.
    let e = c.draft_error("draft.post", 0, "unknown".to_string());
    assert_eq!((e.path, e.line), (root.join("base.toml"), Some(16)));
    let e = c.draft_error("draft.to", 1, "unknown".to_string());
    assert_eq!(
        (e.path, e.line, e.column),
        (root.join("post/cablelint.toml"), Some(11), Some(17))
    );
}

/// `extend` is expanded as ruff's is: a leading `~` is the home directory, `$VAR` and `${VAR}` are
/// environment variables; text without either is left as written, and a variable that is not set
/// is an error naming it.
#[test]
fn extend_paths_expand_the_home_directory_and_environment_variables() {
    let home = || Some("/home/drafter");
    let var = |name: &str| match name {
        "POST" => Ok(Some("oslo".to_string())),
        _ => Err(std::env::VarError::NotPresent),
    };
    for (written, expanded) in [
        ("~/cablelint.toml", "/home/drafter/cablelint.toml"),
        ("~", "/home/drafter"),
        ("$POST/cablelint.toml", "oslo/cablelint.toml"),
        ("../${POST}-base.toml", "../oslo-base.toml"),
        (
            "~/$POST/cablelint.toml",
            "/home/drafter/oslo/cablelint.toml",
        ),
        ("../a~b.toml", "../a~b.toml"),
        ("../cablelint.toml", "../cablelint.toml"),
    ] {
        assert_eq!(
            expand_path(written, home, var).as_deref().ok(),
            Some(expanded),
            "{written}"
        );
    }
    let e = expand_path("${NOWHERE}/cablelint.toml", home, var).unwrap_err();
    assert_eq!(e.var_name, "NOWHERE");
    // In a configuration file: an error at the `extend`, naming the variable and the file.
    let path = PathBuf::from("/p/post/cablelint.toml");
    let e = Config::from_toml(
        "extend = \"$CABLELINT_TEST_NEVER_SET_7Q/cablelint.toml\"\n",
        &path,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "/p/post/cablelint.toml:1:10: key `extend`: `$CABLELINT_TEST_NEVER_SET_7Q/cablelint.toml` \
         names the environment variable `CABLELINT_TEST_NEVER_SET_7Q`, which is not set"
    );
}

/// A `tags-separator` or `date` that cannot be read is an error at the value, naming the key and
/// what was expected.
#[test]
fn an_unreadable_tags_separator_or_date_is_an_error_at_it() {
    let e = parse("[format]\ntags-separator = \"tab\"\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "/proj/cablelint.toml:2:18: key `format.tags-separator`: `tab` is not a TAGS separator \
         (expected \"space\" or \"comma\")"
    );
    let e = parse("\ndate = \"2026-02-30\"\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "/proj/cablelint.toml:2:8: key `date`: `2026-02-30` is not a date (expected \
         \"YYYY-MM-DD\", a day that exists)"
    );
}
