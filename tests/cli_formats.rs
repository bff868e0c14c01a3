//! The machine-readable output formats against the schemas their consumers publish (saved in
//! `tests/schemas/`, see its README for where each comes from), and the options around the report:
//! `--statistics`, `--output-file`, `--show-settings`, `--show-files`.

mod cli_support;

use std::path::Path;

use cli_support::*;
use serde_json::Value;

/// A tree with a cable that has a finding with a related place (the security line against the
/// banner), one with a safe fix (TAGS markup), non-ASCII text before a finding, a clean cable and
/// a file that is not UTF-8.
fn sample_tree() -> tempfile::TempDir {
    let markup = fixture_text("oslo-markup.cable")
        .replace("ZNY CCCCC ZZH", "ZNY SSSSS ZZH")
        .replace(
            "TAGS: [PREL](#) [PGOV](#) NO",
            "TAGS: ÅLESUNDX [PREL](#) [PGOV](#) NO",
        );
    tree(&[
        ("cables/oslo.cable", markup.as_bytes()),
        (
            "cables/clean.cable",
            fixture_text("oslo-clean.cable").as_bytes(),
        ),
        ("cables/bad.cable", b"UNCLAS \xff\xfe\n"),
    ])
}

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/schemas")
        .join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name} is a schema: {e}"))
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{doc:#}");
}

fn check(dir: &Path, format: &str, vars: &[(&str, &str)]) -> Run {
    let r = run_with_env(
        dir,
        &["check", "cables", "--output-format", format],
        None,
        vars,
    );
    // The unreadable file makes the run exit 2.
    assert_eq!(r.code, 2, "{r:?}");
    r
}

#[test]
fn sarif_is_valid_sarif_2_1_0_and_points_to_the_docs() {
    let dir = sample_tree();
    let validator = schema("sarif-schema-2.1.0.json");
    let plain = check(dir.path(), "sarif", &[]).json();
    assert_valid(&validator, &plain);
    let driver = &plain["runs"][0]["tool"]["driver"];
    assert!(driver.get("informationUri").is_none());
    assert!(driver["rules"][0].get("helpUri").is_none());
    let results = plain["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r.get("relatedLocations").is_some()));
    assert!(results.iter().any(|r| r.get("fixes").is_some()));
    assert_eq!(
        plain["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );

    let linked = check(
        dir.path(),
        "sarif",
        &[("CABLELINT_DOCS_URL", "https://docs.example.org/rules")],
    )
    .json();
    assert_valid(&validator, &linked);
    let driver = &linked["runs"][0]["tool"]["driver"];
    assert_eq!(driver["informationUri"], "https://docs.example.org/rules");
    let r302 = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "CBL302")
        .unwrap();
    assert_eq!(r302["helpUri"], "https://docs.example.org/rules/CBL302");
    // The help links the format reference, never the format study's IDs.
    for rule in driver["rules"].as_array().unwrap() {
        let help = rule["help"]["markdown"].as_str().unwrap();
        assert!(
            !help.contains("spec H-") && !help.contains("spec §"),
            "{help}"
        );
        assert!(rule["properties"].get("spec").is_none());
        assert!(rule["properties"]["format"][0]
            .as_str()
            .is_some_and(|p| p.starts_with("docs/format.md#")));
    }

    // The validator does reject what the standard forbids.
    let mut broken = linked.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn rdjson_is_valid_and_counts_columns_in_bytes() {
    let dir = sample_tree();
    let doc = check(dir.path(), "rdjson", &[]).json();
    let validator = schema("rdjson-DiagnosticResult.json");
    assert_valid(&validator, &doc);
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        assert!(["ERROR", "WARNING", "INFO"].contains(&d["severity"].as_str().unwrap()));
        assert!(d["location"]["path"]
            .as_str()
            .unwrap()
            .starts_with("cables/"));
    }
    // `[PREL](#)` follows `ÅLESUNDX ` on its line: it starts at character 16, which is byte 17
    // (`Å` takes two bytes).
    let markup = diagnostics
        .iter()
        .find(|d| d["code"]["value"] == "CBL302" && d["message"].as_str().unwrap().contains("PREL"))
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(markup["location"]["range"]["start"]["column"], 17);
    assert_eq!(markup["location"]["range"]["end"]["column"], 26);
    assert_eq!(markup["suggestions"][0]["text"], "PREL");
    // The file that is not UTF-8 is a diagnostic of its path alone.
    let bad = diagnostics
        .iter()
        .find(|d| d["location"]["path"] == "cables/bad.cable")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(bad["code"]["value"], "file-error");
    assert_eq!(bad["severity"], "ERROR");
    assert!(bad["location"].get("range").is_none(), "{bad}");
    let mut broken = doc.clone();
    broken["diagnostics"][0]["severity"] = Value::from("FATAL");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn gitlab_is_a_valid_code_quality_report() {
    let dir = sample_tree();
    let doc = check(dir.path(), "gitlab", &[]).json();
    let validator = schema("gitlab-code-quality.json");
    assert_valid(&validator, &doc);
    let issues = doc.as_array().unwrap();
    let prints: std::collections::HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
    // The file that is not UTF-8 is an issue at its first line.
    let bad = issues
        .iter()
        .find(|i| i["location"]["path"] == "cables/bad.cable")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(bad["check_name"], "file-error");
    assert_eq!(bad["severity"], "major");
    assert_eq!(bad["location"]["positions"]["begin"]["line"], 1);
    // The same findings give the same fingerprints on the next run.
    let again = check(dir.path(), "gitlab", &[]).json();
    assert_eq!(again, doc);
    let mut broken = doc.clone();
    broken[0]["severity"] = Value::from("error");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn json_lines_has_one_valid_object_per_line() {
    let dir = sample_tree();
    let r = check(dir.path(), "json-lines", &[]);
    let validator = schema("cablelint-json-lines.json");
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    for line in &lines {
        assert_valid(&validator, line);
    }
    // The same diagnostics as the `json` format, in the same order.
    let json = check(dir.path(), "json", &[]).json();
    let from_json: Vec<Value> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .collect();
    let from_lines: Vec<Value> = lines
        .iter()
        .filter(|l| l.get("code").is_some())
        .map(|l| {
            let mut l = l.clone();
            l.as_object_mut().unwrap().remove("path");
            l
        })
        .collect();
    assert_eq!(from_lines, from_json);
    assert!(lines
        .iter()
        .any(|l| l["path"] == "cables/bad.cable" && l.get("error").is_some()));
}

#[test]
fn pylint_azure_and_grouped_lines() {
    let dir = sample_tree();
    let pylint = check(dir.path(), "pylint", &[]);
    // pylint's `parseable` template: `{path}:{line}: [{msg_id}({symbol}), {obj}] {msg}`.
    let re = regex::Regex::new(
        r"^cables/(oslo\.cable:\d+: \[CBL\d{3}|bad\.cable:1: \[F0001)\([a-z0-9-]+\), \] \S.*$",
    )
    .unwrap();
    assert!(!pylint.stdout.is_empty());
    for line in pylint.stdout.lines() {
        assert!(re.is_match(line), "{line}");
    }
    // The file that is not UTF-8 is a line too, with pylint's message for a file it could not
    // analyse.
    assert_contains(
        &pylint.stdout,
        "cables/bad.cable:1: [F0001(fatal), ] not valid UTF-8",
    );

    let azure = check(dir.path(), "azure", &[]);
    let re = regex::Regex::new(
        r"^##vso\[task\.logissue type=(error|warning);sourcepath=cables/(oslo|bad)\.cable;(linenumber=\d+;columnnumber=\d+;code=CBL\d{3};)?\][^\r\n]+$",
    )
    .unwrap();
    for line in azure.stdout.lines() {
        assert!(re.is_match(line), "{line}");
    }
    assert_contains(
        &azure.stdout,
        "##vso[task.logissue type=error;sourcepath=cables/bad.cable;]",
    );

    let grouped = check(dir.path(), "grouped", &[]);
    assert!(
        grouped.stdout.starts_with("cables/oslo.cable:\n  "),
        "{}",
        grouped.stdout
    );
    assert!(
        !grouped.stdout.contains("clean.cable"),
        "{}",
        grouped.stdout
    );
    assert_contains(&grouped.stdout, "\nFound ");
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = sample_tree();
    let r = run_in(
        dir.path(),
        &["check", "cables/oslo.cable", "--statistics"],
        None,
    );
    assert_eq!(r.code, 1, "{r:?}");
    let json = run_in(
        dir.path(),
        &["check", "cables/oslo.cable", "--output-format", "json"],
        None,
    );
    let codes = json.codes_for("oslo.cable");
    let markup = codes.iter().filter(|c| *c == "CBL302").count();
    assert_eq!(markup, 2);
    assert_contains(&r.stdout, &format!("{markup}  CBL302  [*] tags-markup\n"));
    assert_eq!(
        r.stdout.lines().count(),
        codes
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    let r = run_in(
        dir.path(),
        &[
            "check",
            "cables/oslo.cable",
            "--statistics",
            "--output-format",
            "json",
        ],
        None,
    );
    let v = r.json();
    let total: u64 = v
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, codes.len());
    // A format made for findings cannot carry the statistics: a clear error, not the table.
    for format in ["sarif", "junit", "github", "json-lines", "gitlab"] {
        let r = run_in(
            dir.path(),
            &[
                "check",
                "cables/oslo.cable",
                "--statistics",
                "--output-format",
                format,
            ],
            None,
        );
        assert_eq!((r.code, r.stdout.as_str()), (2, ""), "{format}: {r:?}");
        assert_contains(
            &r.stderr,
            &format!("`--output-format {format}` cannot carry it"),
        );
    }
}

#[test]
fn output_file_takes_the_report() {
    let dir = sample_tree();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "cables/oslo.cable",
            "--output-format",
            "sarif",
            "--output-file",
            "reports/out.sarif",
        ],
        None,
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stdout, "");
    let written = std::fs::read_to_string(dir.path().join("reports/out.sarif")).unwrap();
    let v: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(v["version"], "2.1.0");
    // Colour never reaches the file.
    let r = run_in(
        dir.path(),
        &[
            "check",
            "cables/oslo.cable",
            "--color",
            "always",
            "--output-file",
            "out.txt",
        ],
        None,
    );
    assert_eq!(r.code, 1, "{r:?}");
    let text = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
    assert!(text.contains("error[CBL"), "{text}");
    assert!(!text.contains('\u{1b}'), "{text:?}");
    // A file that cannot be created is exit 2 with its name.
    let r = run_in(
        dir.path(),
        &[
            "check",
            "cables/oslo.cable",
            "--output-file",
            "cables/oslo.cable/x",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "could not create cables/oslo.cable/x");
}

#[test]
fn show_files_lists_what_would_be_checked() {
    let dir = sample_tree();
    std::fs::write(dir.path().join("cables/notes.txt"), "not a cable").unwrap();
    let r = run_in(dir.path(), &["check", "cables", "--show-files"], None);
    assert_eq!(
        r.stdout, "cables/bad.cable\ncables/clean.cable\ncables/oslo.cable\n",
        "{r:?}"
    );
    // Nothing was checked: the file that is not UTF-8 is listed, not reported.
    assert_eq!(r.code, 0, "{r:?}");
    let r = run_in(
        dir.path(),
        &["check", "cables", "--show-files", "--extension", "txt"],
        None,
    );
    assert_contains(&r.stdout, "cables/notes.txt\n");
}

#[test]
fn show_settings_names_the_configuration_rules_and_data() {
    let dir = sample_tree();
    std::fs::write(
        dir.path().join("extra-tags.tsv"),
        "KXYZ\tprogram\tAn invented reporting program\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("cablelint.toml"),
        "ignore = [\"CBL302\"]\n[severity]\nCBL305 = \"error\"\n[data]\ntags = [\"extra-tags.tsv\"]\n",
    )
    .unwrap();
    let r = run_in(
        dir.path(),
        &["check", "cables/oslo.cable", "--show-settings"],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
    let root = std::fs::canonicalize(dir.path()).unwrap();
    assert!(
        r.stdout.starts_with("Settings for cables/oslo.cable\n"),
        "{}",
        r.stdout
    );
    assert_contains(
        &r.stdout,
        &format!("configuration: {}\n", root.join("cablelint.toml").display()),
    );
    assert!(!r.stdout.contains("CBL302"), "{}", r.stdout);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("  CBL305 ") && l.ends_with("error (configured)")),
        "{}",
        r.stdout
    );
    assert_contains(
        &r.stdout,
        &format!("  tags: {}\n", root.join("extra-tags.tsv").display()),
    );
    let r = run_in(
        dir.path(),
        &[
            "check",
            "cables/oslo.cable",
            "--show-settings",
            "--isolated",
        ],
        None,
    );
    assert_contains(&r.stdout, "configuration: none (--isolated)\n");
    assert_contains(&r.stdout, "data files: none (the built-in tables)\n");
    assert_contains(&r.stdout, "  CBL302  tags-markup");
}

#[test]
fn full_findings_end_with_where_their_rule_is_explained() {
    let dir = sample_tree();
    let args = ["check", "cables/oslo.cable", "--select", "CBL302"];
    let r = run_with_env(dir.path(), &args, None, &[]);
    assert_eq!(r.code, 1, "{r:?}");
    let endings: Vec<&str> = r
        .stdout
        .split("\n\n")
        .filter(|block| block.starts_with("error[CBL302]"))
        .map(|block| block.lines().last().unwrap().trim_start())
        .collect();
    assert_eq!(endings, ["= help: run `cablelint rule CBL302`"; 2]);
    let r = run_with_env(
        dir.path(),
        &args,
        None,
        &[(
            "CABLELINT_DOCS_URL",
            "https://docs.example.org/rules/{name}.html",
        )],
    );
    assert_contains(
        &r.stdout,
        "= help: see https://docs.example.org/rules/tags-markup.html\n",
    );
    assert!(!r.stdout.contains("cablelint rule"), "{}", r.stdout);
}
