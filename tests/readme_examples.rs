//! What the README says of the examples, the inspect kinds and the rules' severities, checked
//! against what the program does, so that the README stays true.

mod cli_support;

use cablelint::rules::Rule;
use cli_support::*;
use regex::Regex;

fn readme() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .unwrap()
}

/// README prose with its line breaks as spaces, so a sentence can be matched across them.
fn readme_prose() -> String {
    readme().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_example_the_readme_calls_clean_passes_check_and_fmt_check() {
    let prose = readme_prose();
    let clean: Vec<String> =
        Regex::new(r"`(examples/[\w-]+\.cable)` passes `check` and `fmt --check`")
            .unwrap()
            .captures_iter(&prose)
            .map(|c| c[1].to_string())
            .collect();
    assert!(!clean.is_empty(), "the README names no clean example");
    for path in clean {
        let r = run(&["check", &path]);
        assert_eq!(r.code, 0, "{path}: {r:?}");
        assert_eq!(
            r.stdout.trim(),
            "All checks passed! (1 file checked)",
            "{path}"
        );
        let r = run(&["fmt", "--check", &path]);
        assert_eq!(r.code, 0, "{path}: {r:?}");
        assert_eq!(r.stdout.trim(), "1 file already formatted", "{path}");
    }
}

#[test]
fn the_readme_counts_the_findings_of_the_example_with_errors() {
    let prose = readme_prose();
    let said = Regex::new(
        r"`examples/draft-with-errors\.cable` shows (\d+) findings \((\d+) errors, (\d+) warnings and (\d+) infos\)",
    )
    .unwrap()
    .captures(&prose)
    .expect("the README counts the findings of examples/draft-with-errors.cable");
    let r = run(&["check", "examples/draft-with-errors.cable"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_contains(
        &r.stdout,
        &format!(
            "Found {} errors, {} warnings and {} infos in 1 file",
            &said[2], &said[3], &said[4]
        ),
    );
    let total: usize = (2..=4).map(|i| said[i].parse::<usize>().unwrap()).sum();
    assert_eq!(said[1].parse::<usize>().unwrap(), total);
}

#[test]
fn the_readme_names_every_inspect_kind_the_schema_allows() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/inspect.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let kinds = schema["properties"]["kind"]["enum"].as_array().unwrap();
    let prose = readme_prose();
    let sentence = prose
        .split("`kind` is ")
        .nth(1)
        .and_then(|s| s.split(" every value the schema allows").next())
        .expect("the README's sentence on `kind`");
    for kind in kinds {
        let kind = kind.as_str().unwrap();
        assert!(
            sentence.contains(&format!("`{kind}`")),
            "the README's `kind` sentence omits `{kind}`: {sentence}"
        );
    }
}

#[test]
fn softer_severities_are_those_the_rule_files_report() {
    // Every severity a rule's file passes to `report_softer` is listed, and nothing else, so that
    // the rules table and `cablelint rules` show every severity a finding can take.
    let softer = Regex::new(r"(?s)report_softer\(.*?Severity::(\w+)").unwrap();
    for &rule in Rule::ALL {
        let src = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rule.file()),
        )
        .unwrap();
        let mut found: Vec<String> = softer
            .captures_iter(&src)
            .map(|c| c[1].to_ascii_lowercase())
            .collect();
        found.sort();
        found.dedup();
        let mut listed: Vec<String> = rule
            .softer_severities()
            .iter()
            .map(|s| s.as_str().to_string())
            .collect();
        listed.sort();
        assert_eq!(found, listed, "{}", rule.code());
    }
}
