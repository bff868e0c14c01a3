//! `cablelint rules` and `cablelint rule CODE`.

mod cli_support;

use cli_support::*;

#[test]
fn rules_lists_every_rule_in_text_and_json() {
    let json = run(&["rules", "--format", "json"]);
    assert_eq!(json.code, 0);
    let rules = json.json();
    let rules = rules.as_array().unwrap();
    assert!(rules.len() > 50, "{}", rules.len());
    let text = run(&["rules"]);
    assert_eq!(text.code, 0);
    assert_eq!(text.stdout.lines().count(), rules.len());
    for (line, rule) in text.stdout.lines().zip(rules) {
        let code = rule["code"].as_str().unwrap();
        let name = rule["name"].as_str().unwrap();
        let severity = rule["severity"].as_str().unwrap();
        assert!(["error", "warning", "info"].contains(&severity));
        let on = if rule["enabled_by_default"].as_bool().unwrap() {
            "on"
        } else {
            "off"
        };
        // The severity column shows the default and the softer cases' (`warning (or info)`).
        let softer: Vec<&str> = rule["softer_severities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let label = if softer.is_empty() {
            severity.to_string()
        } else {
            format!("{severity} (or {})", softer.join(", "))
        };
        let columns: Vec<&str> = line.split("  ").filter(|c| !c.is_empty()).collect();
        assert_eq!(
            columns[..4].iter().map(|c| c.trim()).collect::<Vec<_>>(),
            [code, name, label.as_str(), on],
            "{line}"
        );
        assert!(line.ends_with(rule["summary"].as_str().unwrap()));
    }
}

#[test]
fn rule_prints_documentation_by_code_or_name() {
    let by_code = run(&["rule", "CBL302"]);
    assert_eq!(by_code.code, 0, "{by_code:?}");
    assert!(
        by_code.stdout.starts_with("CBL302 (tags-markup)\n"),
        "{}",
        by_code.stdout
    );
    let by_name = run(&["rule", "tags-markup"]);
    assert_eq!(by_code.stdout, by_name.stdout);
    let json = run(&["rule", "CBL302", "--format", "json"]).json();
    assert_eq!(json["name"], "tags-markup");
    let doc = json["documentation"].as_str().unwrap();
    assert!(by_code.stdout.ends_with(doc));
    assert!(doc.contains("## What it does"), "{doc}");
}

/// No rule's explanation cites the format study by its IDs (`H-10`, `§6.3`), which users cannot
/// read: the citations link to the project's own format reference instead.
#[test]
fn rule_documentation_links_to_the_format_reference_not_to_spec_ids() {
    let citation = regex::Regex::new(r"\b(?:[Ss]pec:? (?:[§HBT]|\d)|\((?:[HBT]-\d+))").unwrap();
    let julian = run(&["rule", "CBL111"]);
    assert!(
        julian
            .stdout
            .contains("The format: [DE line](docs/format.md#de-line)"),
        "{}",
        julian.stdout
    );
    let all = run(&["rules", "--output-format", "json"]).json();
    for rule in all.as_array().unwrap() {
        let code = rule["code"].as_str().unwrap();
        let text = run(&["rule", code]).stdout;
        assert!(!citation.is_match(&text), "{code}: {text}");
        assert!(rule["format"][0]["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("docs/format.md#")));
    }
}

#[test]
fn an_unknown_rule_is_exit_2_with_a_clear_message() {
    let r = run(&["rule", "CBL999"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert_eq!(
        r.stderr,
        "error: `CBL999` is not a rule code or name (see `cablelint rules`)\n"
    );
    let r = run(&["rule", "CBL3"]);
    assert_eq!(r.code, 2);
    assert_contains(&r.stderr, "`CBL3` names ");
}

#[test]
fn data_prints_and_searches_the_tables() {
    let r = run(&["data", "posts", "OSLO", "--format", "json", "--isolated"]);
    assert_eq!(r.code, 0, "{r:?}");
    let v = r.json();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "AMEMBASSY OSLO"),
        "{}",
        r.stdout
    );
    let r = run(&["data", "tags", "PREL", "--isolated"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.lines().any(|l| l.starts_with("PREL ")),
        "{}",
        r.stdout
    );
    let r = run(&["data", "weather"]);
    assert_eq!(r.code, 2);
}

#[test]
fn output_format_is_the_option_everywhere_and_format_its_alias() {
    for args in [
        &["rules"][..],
        &["rule", "CBL302"][..],
        &["data", "posts", "OSLO", "--isolated"][..],
    ] {
        let long = run(&[args, &["--output-format", "json"]].concat());
        assert_eq!(long.code, 0, "{long:?}");
        let alias = run(&[args, &["--format", "json"]].concat());
        assert_eq!(alias.stdout, long.stdout, "{args:?}");
        long.json();
    }
    let check = run(&[
        "check",
        "tests/fixtures/cli/oslo-clean.cable",
        "--format",
        "json",
    ]);
    assert_eq!(check.code, 0, "{check:?}");
    check.json();
    let help = run(&["rules", "--help"]);
    assert_contains(&help.stdout, "--output-format <FORMAT>");
}
