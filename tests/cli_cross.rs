//! The cross-cable rules (`CBL7xx`) in `cablelint check`: the fixture folders of
//! `tests/fixtures/cross/` (invented cables; each folder one checked set, with the report it must
//! give in `expected.txt`), every output format on the `formats/` folder, and what decides whether
//! the rules run and what they report (a single file, `--ignore`, `[per-file-ignores]`, `--fix`).

mod cli_support;

use std::path::{Path, PathBuf};

use cablelint::rules::Rule;
use cli_support::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cross")
}

/// The folders whose report is in their `expected.txt`, with the cross-cable codes it holds.
const FOLDERS: &[(&str, &[&str])] = &[
    ("duplicate-serial", &["CBL701", "CBL701"]),
    ("copies", &[]),
    ("dangling-reference", &["CBL702"]),
    ("reading-folder", &[]),
    ("drafting-post", &["CBL702"]),
    ("mcn-not-increasing", &["CBL703"]),
    ("mcn-restart", &[]),
];

#[test]
fn each_folder_gives_its_expected_report() {
    for (folder, codes) in FOLDERS {
        let run = run_in(
            &fixtures(),
            &[
                "check",
                folder,
                "--output-format",
                "concise",
                "--color",
                "never",
            ],
            None,
        );
        let expected =
            std::fs::read_to_string(fixtures().join(folder).join("expected.txt")).unwrap();
        assert_eq!(run.stdout, expected, "{folder}: {}", run.stderr);
        let found: Vec<&str> = run
            .stdout
            .lines()
            .filter_map(|l| l.split('[').nth(1)?.get(..6))
            .filter(|c| c.starts_with("CBL7"))
            .collect();
        assert_eq!(&found, codes, "{folder}");
        let fails = codes.contains(&"CBL701");
        assert_eq!(run.code, i32::from(fails), "{folder}: exit code");
    }
}

#[test]
fn every_cross_cable_rule_has_a_folder_that_fires_it_and_one_that_does_not() {
    for &rule in Rule::ALL.iter().filter(|r| r.is_cross()) {
        assert!(
            FOLDERS.iter().any(|(_, c)| c.contains(&rule.code())),
            "{} has no folder that fires it",
            rule.code()
        );
    }
    // The quiet folders are each the near miss of a rule: copies share a serial, a reading folder
    // holds a post's cables far apart, a counter restarts.
    assert!(FOLDERS.iter().filter(|(_, c)| c.is_empty()).count() >= 3);
}

#[test]
fn a_single_file_runs_no_cross_cable_rule() {
    let run = run_in(
        &fixtures(),
        &[
            "check",
            "duplicate-serial/b.cable",
            "--output-format",
            "concise",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "All checks passed! (1 file checked)\n");
}

#[test]
fn standard_input_is_a_member_of_the_set() {
    let b = std::fs::read(fixtures().join("duplicate-serial/b.cable")).unwrap();
    let run = run_in(
        &fixtures(),
        &[
            "check",
            "duplicate-serial/a.cable",
            "-",
            "--stdin-filename",
            "new.cable",
            "--output-format",
            "concise",
        ],
        Some(&b),
    );
    assert_eq!(
        run.stdout,
        "duplicate-serial/a.cable:10:8: error[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: new.cable (020900Z DEC 26)\n\
         new.cable:10:8: error[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: duplicate-serial/a.cable (010900Z DEC 26)\n\
         Found 2 errors, 0 warnings and 0 infos in 2 files (2 files checked).\n"
    );
}

#[test]
fn selections_severities_and_per_file_ignores_apply() {
    let concise = |extra: &[&str]| {
        let mut args = vec!["check", "duplicate-serial", "--output-format", "concise"];
        args.extend_from_slice(extra);
        run_in(&fixtures(), &args, None)
    };
    let ignored = concise(&["--ignore", "CBL7"]);
    assert_eq!(ignored.stdout, "All checks passed! (2 files checked)\n");
    assert_eq!(ignored.code, 0);
    let selected = concise(&["--select", "duplicate-serial"]);
    assert_eq!(selected.stdout.matches("CBL701").count(), 2);
    // `[per-file-ignores]` and `[severity]` of a configuration, per file.
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.cable", "b.cable"] {
        std::fs::copy(
            fixtures().join("duplicate-serial").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("cablelint.toml"),
        "[severity]\nCBL701 = \"warning\"\n\n[per-file-ignores]\n\"a.cable\" = [\"CBL701\"]\n",
    )
    .unwrap();
    let run = run_in(
        dir.path(),
        &["check", ".", "--output-format", "concise"],
        None,
    );
    assert_eq!(
        run.stdout,
        "b.cable:10:8: warning[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: a.cable (010900Z DEC 26)\n\
         Found 0 errors, 1 warning and 0 infos in 1 file (2 files checked).\n"
    );
    assert_eq!(run.code, 0, "a warning does not fail the run");
}

#[test]
fn fix_reports_the_cross_cable_findings_of_the_fixed_files() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.cable", "b.cable", "c.cable"] {
        std::fs::copy(fixtures().join("formats").join(name), dir.path().join(name)).unwrap();
    }
    let run = run_in(
        dir.path(),
        &["check", ".", "--fix", "--output-format", "concise"],
        None,
    );
    assert_eq!(
        run.stdout,
        "a.cable:10:8: error[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: b.cable (020900Z DEC 26)\n\
         b.cable:10:8: error[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: a.cable (010900Z DEC 26)\n\
         Applied 1 fix (2 problems remaining).\n\
         Found 2 errors, 0 warnings and 0 infos in 2 files (3 files checked).\n"
    );
    assert!(std::fs::read_to_string(dir.path().join("a.cable"))
        .unwrap()
        .contains("TAGS: PREL NO PGOV\n"));
    // `--diff` shows only the fixes.
    let diff = run_in(dir.path(), &["check", ".", "--diff"], None);
    assert!(!diff.stdout.contains("CBL701"), "{}", diff.stdout);
}

/// The files of a JSON report and the codes of each one's findings, in order.
fn json_entries(json: &serde_json::Value) -> Vec<(String, Vec<&str>)> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d["code"].as_str().unwrap())
                    .collect(),
            )
        })
        .collect()
}

/// Each file is one entry of a JSON report also with `--fix` (the findings on the fixed text) and
/// with standard input among the files.
#[test]
fn json_shows_each_file_once_when_fixing_and_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.cable", "b.cable", "c.cable"] {
        std::fs::copy(fixtures().join("formats").join(name), dir.path().join(name)).unwrap();
    }
    let run = run_in(
        dir.path(),
        &["check", ".", "--fix", "--output-format", "json"],
        None,
    );
    let json = run.json();
    assert_eq!(
        json_entries(&json),
        [
            ("a.cable".to_string(), vec!["CBL701"]),
            ("b.cable".to_string(), vec!["CBL701"]),
            ("c.cable".to_string(), vec![]),
        ]
    );
    assert_eq!(
        json["files"][0]["diagnostics"][0]["range"]["start"]["line"],
        10
    );

    let b = std::fs::read(dir.path().join("b.cable")).unwrap();
    let run = run_in(
        dir.path(),
        &[
            "check",
            "a.cable",
            "-",
            "--stdin-filename",
            "b.cable",
            "--output-format",
            "json",
        ],
        Some(&b),
    );
    assert_eq!(
        json_entries(&run.json()),
        [
            ("a.cable".to_string(), vec!["CBL701"]),
            ("b.cable".to_string(), vec!["CBL701"]),
        ]
    );
}

/// Runs the `formats` folder in a format.
fn formats(format: &str, extra: &[&str]) -> Run {
    let mut args = vec!["check", "formats", "--output-format", format];
    args.extend_from_slice(extra);
    run_in(&fixtures(), &args, None)
}

#[test]
fn every_output_format_attributes_the_findings_to_their_file_and_line() {
    // The line formats: each finding on its file and line.
    let concise = formats("concise", &[]).stdout;
    assert_eq!(
        concise,
        "formats/a.cable:13:15: error[CBL302] [*] TAGS token `[PGOV](#)` carries link markup; write `PGOV`\n\
         formats/a.cable:10:8: error[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: formats/b.cable (020900Z DEC 26)\n\
         formats/b.cable:10:8: error[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: formats/a.cable (010900Z DEC 26)\n\
         Found 3 errors, 0 warnings and 0 infos in 2 files (3 files checked).\n\
         [*] 1 fixable with `--fix`.\n"
    );
    let full = formats("full", &[]).stdout;
    assert!(full.contains("error[CBL701]: serial 217 of OSLO of 2026 is also the serial of another cable: formats/a.cable (010900Z DEC 26)\n  --> formats/b.cable:10:8\n"), "{full}");
    assert!(full.contains("10 | UNCLAS OSLO 000217\n"), "{full}");
    assert!(full.ends_with("Found 3 errors, 0 warnings and 0 infos in 2 files (3 files checked).\n[*] 1 fixable with `--fix`.\n"), "{full}");
    let github = formats("github", &[]).stdout;
    assert!(
        github.contains(
            "::error file=formats/b.cable,line=10,col=8,endLine=10,endColumn=19,title=CBL701"
        ),
        "{github}"
    );
    let azure = formats("azure", &[]).stdout;
    assert!(
        azure.contains("sourcepath=formats/b.cable;linenumber=10;columnnumber=8;code=CBL701;"),
        "{azure}"
    );
    let pylint = formats("pylint", &[]).stdout;
    assert!(
        pylint.contains("formats/b.cable:10: [CBL701(duplicate-serial), ]"),
        "{pylint}"
    );
    // Grouped: one heading per file, the cross-cable findings among the file's own.
    let grouped = formats("grouped", &[]).stdout;
    assert!(
        grouped.starts_with(
            "formats/a.cable:\n  10:8   error[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: formats/b.cable (020900Z DEC 26)\n  13:15  error[CBL302] [*] TAGS token `[PGOV](#)` carries link markup; write `PGOV`\n\n\
             formats/b.cable:\n  10:8  error[CBL701] serial 217 of OSLO of 2026 is also the serial of another cable: formats/a.cable (010900Z DEC 26)\n\n\
             Found 3 errors"
        ),
        "{grouped}"
    );
    let lines = formats("json-lines", &[]).stdout;
    let cross: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["code"] == "CBL701")
        .collect();
    assert_eq!(cross.len(), 2);
    assert_eq!(cross[1]["path"], "formats/b.cable");
    assert_eq!(cross[1]["range"]["start"]["line"], 10);

    // JSON: each file once, its cross-cable findings among its own in document order; the
    // summary counts them.
    let json = formats("json", &[]).json();
    assert_eq!(
        json_entries(&json),
        [
            ("formats/a.cable".to_string(), vec!["CBL701", "CBL302"]),
            ("formats/b.cable".to_string(), vec!["CBL701"]),
            ("formats/c.cable".to_string(), vec![]),
        ]
    );
    assert_eq!(
        json["files"][1]["diagnostics"][0]["range"]["start"]["line"],
        10
    );
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 3, "errors": 3, "warnings": 0, "infos": 0})
    );

    // SARIF, GitLab, rdjson: one result each, on its file and line.
    let sarif = formats("sarif", &[]).json();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let b = results
        .iter()
        .find(|r| {
            r["ruleId"] == "CBL701"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .ends_with("formats/b.cable")
        })
        .expect("a SARIF result for b.cable");
    assert_eq!(
        b["locations"][0]["physicalLocation"]["region"]["startLine"],
        10
    );
    assert!(sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "CBL701"));
    let gitlab = formats("gitlab", &[]).json();
    let issues: Vec<&serde_json::Value> = gitlab
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["check_name"] == "CBL701")
        .collect();
    assert_eq!(issues.len(), 2);
    assert_eq!(issues[1]["location"]["path"], "formats/b.cable");
    assert_eq!(issues[1]["location"]["positions"]["begin"]["line"], 10);
    let rdjson = formats("rdjson", &[]).json();
    let d = rdjson["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"]["value"] == "CBL701")
        .nth(1)
        .unwrap();
    assert_eq!(d["location"]["path"], "formats/b.cable");
    assert_eq!(d["location"]["range"]["start"]["line"], 10);

    // JUnit: one test case per file; b.cable fails on its cross-cable finding alone.
    let junit = formats("junit", &[]).stdout;
    assert_eq!(junit.matches("<testcase ").count(), 3, "{junit}");
    assert!(
        junit.contains(r#"<testsuite name="cablelint" tests="3" failures="2""#),
        "{junit}"
    );
    let b_case = junit
        .split("<testcase ")
        .find(|c| c.starts_with(r#"name="formats/b.cable""#))
        .unwrap();
    assert!(
        b_case.contains("formats/b.cable:10:8: error[CBL701]"),
        "{b_case}"
    );
    let a_case = junit
        .split("<testcase ")
        .find(|c| c.starts_with(r#"name="formats/a.cable""#))
        .unwrap();
    assert!(
        a_case.contains(r#"message="2 diagnostics at or above error""#),
        "{a_case}"
    );
    assert!(a_case.contains("error[CBL302]") && a_case.contains("error[CBL701]"));

    // Statistics count them with the others.
    let stats = formats("concise", &["--statistics"]).stdout;
    assert!(stats.contains("2  CBL701      duplicate-serial"), "{stats}");
}

/// Past `MAX_SET_FILES` files checked together the summaries are not kept (memory would grow with
/// the run): the rules do not run, a warning says why, and `--ignore CBL7` silences it. The set
/// is the duplicate-serial pair (which gives two CBL701 in a smaller set) and empty files.
#[test]
fn a_set_larger_than_the_bound_is_not_compared_and_the_run_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.cable", "b.cable"] {
        std::fs::copy(
            fixtures().join("duplicate-serial").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    let filler = dir.path().join("filler");
    std::fs::create_dir(&filler).unwrap();
    for i in 0..cablelint::rules::cross::MAX_SET_FILES - 1 {
        std::fs::write(filler.join(format!("{i:05}.cable")), "").unwrap();
    }
    // Only the cross-cable rules are selected, so that the empty files give no findings to print.
    let args = [
        "check",
        ".",
        "--select",
        "CBL7",
        "--output-format",
        "concise",
        "--color",
        "never",
    ];
    let run = run_in(dir.path(), &args, None);
    assert!(!run.stdout.contains("CBL701"), "{}", run.stdout);
    assert_contains(
        &run.stderr,
        "the cross-cable rules (CBL7xx) compare at most 20000 files checked together, and this run checks 20001",
    );
    let run = run_in(
        dir.path(),
        &[&args[..], &["--ignore", "CBL7"]].concat(),
        None,
    );
    assert!(!run.stderr.contains("cross-cable"), "{}", run.stderr);
    // One file fewer and the pair is compared again.
    std::fs::remove_file(filler.join("00000.cable")).unwrap();
    let run = run_in(dir.path(), &args, None);
    assert_eq!(run.stdout.matches("CBL701").count(), 2, "{}", run.stdout);
    assert!(!run.stderr.contains("cross-cable"), "{}", run.stderr);
}

/// A file whose fixes cannot be written (read-only) is shown as it is on disk, with its own
/// findings and its cross-cable ones, in the formats with one entry per file as in the others.
#[test]
fn a_file_fix_could_not_write_keeps_its_cross_cable_findings_in_every_format() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.cable", "b.cable", "c.cable"] {
        std::fs::copy(fixtures().join("formats").join(name), dir.path().join(name)).unwrap();
    }
    let a = dir.path().join("a.cable");
    let before = std::fs::read_to_string(&a).unwrap();
    // The tests may run as root, who could write it anyway; the checker looks at the mode itself.
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o444)).unwrap();
    let fix = |format: &str| {
        let run = run_in(
            dir.path(),
            &["check", ".", "--fix", "--output-format", format],
            None,
        );
        assert_eq!(run.code, 2, "{run:?}");
        assert_contains(&run.stderr, "a.cable: could not write the fixed file");
        run
    };
    let concise = fix("concise").stdout;
    assert_contains(&concise, "a.cable:10:8: error[CBL701]");
    assert_contains(&concise, "a.cable:13:15: error[CBL302]");

    let json = fix("json").json();
    assert_eq!(
        json_entries(&json),
        [
            ("a.cable".to_string(), vec!["CBL701", "CBL302"]),
            ("b.cable".to_string(), vec!["CBL701"]),
            ("c.cable".to_string(), vec![]),
        ]
    );
    assert_eq!(json["summary"]["errors"], 3);

    let grouped = fix("grouped").stdout;
    let a_entry = grouped.split("\n\n").find(|e| e.starts_with("a.cable:"));
    let lines: Vec<&str> = a_entry.expect(&grouped).lines().collect();
    assert_eq!(lines.len(), 3, "{grouped}");
    assert!(lines[1].trim_start().starts_with("10:8 "), "{grouped}");
    assert_contains(lines[1], "error[CBL701]");
    assert!(lines[2].trim_start().starts_with("13:15"), "{grouped}");
    assert_contains(lines[2], "error[CBL302]");
    assert_contains(&grouped, "Found 3 errors");
    assert_eq!(std::fs::read_to_string(&a).unwrap(), before);
}

/// Runs the checker with its standard output and standard error into one file, as a terminal or
/// `2>&1` shows them, and gives what was written there, in order, and the exit code.
fn run_merged(dir: &Path, args: &[&str]) -> (String, Option<i32>) {
    let log = tempfile::NamedTempFile::new().unwrap();
    let file = log.reopen().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_cablelint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .status()
        .unwrap();
    (std::fs::read_to_string(log.path()).unwrap(), status.code())
}

/// Over more files than the cross-cable rules compare (the real bound, 20,000), a broken
/// `cablelint.toml` met after the first 20,001 files stops the run before any report is written,
/// and the warning that the rules did not run comes before the report, as for listed files.
#[test]
fn a_long_walk_finds_a_broken_configuration_and_warns_before_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let filler = dir.path().join("a");
    std::fs::create_dir(&filler).unwrap();
    for i in 0..=cablelint::rules::cross::MAX_SET_FILES {
        std::fs::write(filler.join(format!("{i:05}.cable")), "").unwrap();
    }
    let late = dir.path().join("z");
    std::fs::create_dir(&late).unwrap();
    std::fs::write(late.join("x.cable"), "").unwrap();
    std::fs::write(late.join("cablelint.toml"), "select = [\n").unwrap();
    // A document format writes its head at the start: nothing of it may come out.
    let run = run_in(
        dir.path(),
        &["check", ".", "--select", "CBL7", "--output-format", "json"],
        None,
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_contains(&run.stderr, "cablelint.toml");

    std::fs::write(late.join("cablelint.toml"), "").unwrap();
    // Each empty file gives one finding (CBL202), a report long enough to be written as it goes.
    let (merged, code) = run_merged(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "CBL7,CBL202",
            "--output-format",
            "concise",
        ],
    );
    assert_eq!(code, Some(1), "{}", &merged[..merged.len().min(2000)]);
    let lines: Vec<&str> = merged.lines().collect();
    assert_eq!(
        lines[0],
        "warning: the cross-cable rules (CBL7xx) compare at most 20000 files checked together, \
         and this run checks 20002: they were not run (check a smaller set, such as one post's \
         drafts, to run them)"
    );
    assert_eq!(
        lines[1],
        "a/00000.cable:1:1: error[CBL202] the file is empty: a cable starts with its classification banner"
    );
    assert_eq!(lines.len(), 1 + 20_002 + 1, "{}", lines[lines.len() - 1]);
    assert_eq!(merged.matches("warning:").count(), 1);
}
