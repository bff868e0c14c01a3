//! `cablelint check`: output formats, exit status, rule selection, file discovery, standard input.
//!
//! The fixtures are invented cables: `oslo-clean.cable` should have no error, and
//! `oslo-markup.cable` is the same cable with link markup in TAGS (`[PREL](#)`), which `tags-markup`
//! (CBL302) reports as an error with a safe fix.

mod cli_support;

use cli_support::*;

const MARKUP: &str = "tests/fixtures/cli/oslo-markup.cable";
const CLEAN: &str = "tests/fixtures/cli/oslo-clean.cable";

fn tags_line() -> usize {
    line_of(&fixture_text("oslo-markup.cable"), "TAGS:")
}

#[test]
fn a_clean_cable_has_no_error_and_exits_0() {
    let r = run(&["check", CLEAN]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(!r.stdout.contains("error["), "{}", r.stdout);
    let r = run(&["check", CLEAN, "--output-format", "json"]);
    assert_eq!(r.json()["summary"]["errors"], 0, "{}", r.stdout);
}

#[test]
fn full_output_shows_snippet_code_name_and_help() {
    let r = run(&["check", MARKUP]);
    assert_eq!(r.code, 1, "{r:?}");
    let line = tags_line();
    let expected = format!(
        " --> {MARKUP}:{line}:7\n   |\n{line} | TAGS: [PREL](#) [PGOV](#) NO\n   |       ^^^^^^^^^ tags-markup\n"
    );
    assert_contains(&r.stdout, "error[CBL302]");
    assert!(
        r.stdout.contains(&expected),
        "{}\nwanted:\n{expected}",
        r.stdout
    );
    assert_contains(&r.stdout, "= help: ");
    assert_contains(&r.stdout, "Found ");
    assert!(!r.stdout.contains('\u{1b}'), "colour written to a pipe");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let r = run(&["check", MARKUP, "--color", "always"]);
    assert_contains(&r.stdout, "\u{1b}[");
    let r = run(&["check", MARKUP, "--color", "never"]);
    assert!(!r.stdout.contains('\u{1b}'));
}

#[test]
fn concise_output_is_one_line_per_diagnostic() {
    let r = run(&["check", MARKUP, "--output-format", "concise"]);
    assert_eq!(r.code, 1, "{r:?}");
    let line = tags_line();
    let want = format!("{MARKUP}:{line}:7: error[CBL302] [*] ");
    assert!(
        r.stdout.lines().any(|l| l.starts_with(&want)),
        "{}",
        r.stdout
    );
}

#[test]
fn json_output_has_the_documented_shape() {
    let r = run(&["check", MARKUP, CLEAN, "--output-format", "json"]);
    assert_eq!(r.code, 1, "{r:?}");
    let v = r.json();
    assert_eq!(v["version"], 1);
    let files = v["files"].as_array().unwrap();
    // Sorted by path: clean before markup.
    assert_eq!(files[0]["path"], CLEAN);
    assert_eq!(files[1]["path"], MARKUP);
    let diags = files[1]["diagnostics"].as_array().unwrap();
    let d = diags
        .iter()
        .find(|d| d["code"] == "CBL302")
        .unwrap_or_else(|| panic!("no CBL302 in {}", r.stdout));
    let line = tags_line();
    assert_eq!(d["name"], "tags-markup");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        d["range"]["start"],
        serde_json::json!({"line": line, "column": 7})
    );
    assert_eq!(
        d["range"]["end"],
        serde_json::json!({"line": line, "column": 16})
    );
    assert_eq!(d["fix"]["applicability"], "safe");
    assert!(d["fix"]["edits"].as_array().is_some_and(|e| !e.is_empty()));
    // The summary counts what the files list.
    let all: Vec<&serde_json::Value> = files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .collect();
    let count = |s: &str| all.iter().filter(|d| d["severity"] == s).count();
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(v["summary"]["errors"], count("error"));
    assert_eq!(v["summary"]["warnings"], count("warning"));
    assert_eq!(v["summary"]["infos"], count("info"));
    // Keys in the documented order.
    let first = r.stdout.find("\"code\"").unwrap();
    let order: Vec<usize> = [
        "\"code\"",
        "\"name\"",
        "\"severity\"",
        "\"message\"",
        "\"range\"",
        "\"fix\"",
    ]
    .iter()
    .map(|k| first + r.stdout[first..].find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{}", r.stdout);
}

#[test]
fn github_output_annotates_the_range() {
    let r = run(&["check", MARKUP, "--output-format", "github"]);
    assert_eq!(r.code, 1, "{r:?}");
    let line = tags_line();
    let want = format!(
        "::error file={MARKUP},line={line},col=7,endLine={line},endColumn=16,title=CBL302::"
    );
    assert!(
        r.stdout.lines().any(|l| l.starts_with(&want)),
        "{}",
        r.stdout
    );
}

#[test]
fn sarif_output_lists_rules_and_fixes() {
    let r = run(&["check", MARKUP, "--output-format", "sarif"]);
    assert_eq!(r.code, 1, "{r:?}");
    let v = r.json();
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run(&["rules", "--format", "json"]).json();
    assert_eq!(
        run0["tool"]["driver"]["rules"].as_array().unwrap().len(),
        rules.as_array().unwrap().len()
    );
    let result = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["ruleId"] == "CBL302")
        .unwrap_or_else(|| panic!("no CBL302 in {}", r.stdout));
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], tags_line());
    assert_eq!(region["startColumn"], 7);
    let change = &result["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], MARKUP);
    assert!(!change["replacements"].as_array().unwrap().is_empty());
}

#[test]
fn junit_output_has_a_test_case_per_file() {
    let r = run(&["check", MARKUP, CLEAN, "--output-format", "junit"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.starts_with("<?xml"), "{}", r.stdout);
    assert_contains(&r.stdout, "tests=\"2\" failures=\"1\" errors=\"0\"");
    let markup_case = format!("<testcase name=\"{MARKUP}\"");
    let at = r.stdout.find(&markup_case).unwrap();
    assert!(
        r.stdout[at..].trim_start().contains("<failure"),
        "{}",
        r.stdout
    );
    assert_contains(&r.stdout, "[CBL302]");
}

#[test]
fn exit_zero_and_fail_on() {
    assert_eq!(run(&["check", MARKUP]).code, 1);
    assert_eq!(run(&["check", MARKUP, "--exit-zero"]).code, 0);
    // Lower CBL302 to a warning: it no longer fails the default `--fail-on error` …
    let dir = tree(&[
        ("cablelint.toml", b"[severity]\ntags-markup = \"warning\"\n"),
        ("a.cable", fixture_text("oslo-markup.cable").as_bytes()),
    ]);
    let r = run_in(
        dir.path(),
        &["check", "a.cable", "--output-format", "json"],
        None,
    );
    let codes = r.codes_for("a.cable");
    assert!(codes.contains(&"CBL302".to_string()), "{}", r.stdout);
    let errors = r.json()["summary"]["errors"].as_u64().unwrap();
    assert_eq!(r.code, i32::from(errors > 0), "{r:?}");
    // … but does fail `--fail-on warning` and `--fail-on info`.
    for level in ["warning", "info"] {
        let r = run_in(dir.path(), &["check", "a.cable", "--fail-on", level], None);
        assert_eq!(r.code, 1, "--fail-on {level}: {r:?}");
    }
    let r = run_in(
        dir.path(),
        &["check", "a.cable", "--fail-on", "info", "--exit-zero"],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
}

#[test]
fn selection_by_code_prefix_and_name() {
    let codes = |args: &[&str]| {
        let mut a = vec!["check", MARKUP, "--output-format", "json"];
        a.extend_from_slice(args);
        run(&a).codes_for("oslo-markup.cable")
    };
    let has = |c: &[String]| c.iter().any(|x| x == "CBL302");
    assert!(has(&codes(&[])));
    assert!(!has(&codes(&["--ignore", "CBL302"])));
    assert!(!has(&codes(&["--ignore", "CBL3"])));
    assert!(!has(&codes(&["--ignore", "tags-markup"])));
    assert!(!has(&codes(&["--select", "CBL2"])));
    assert!(has(&codes(&[
        "--select",
        "CBL2",
        "--extend-select",
        "tags-markup"
    ])));
    // A more specific selector wins over a less specific one, whichever flag it is on.
    assert!(has(&codes(&[
        "--ignore",
        "CBL3",
        "--extend-select",
        "CBL302"
    ])));
    let only = codes(&["--select", "CBL302"]);
    assert!(has(&only) && only.iter().all(|c| c == "CBL302"), "{only:?}");
    let r = run(&["check", MARKUP, "--select", "CBL302", "--ignore", "CBL302"]);
    assert_eq!(r.code, 0, "{r:?}");
}

#[test]
fn a_bad_selector_or_flag_is_a_usage_error() {
    let r = run(&["check", MARKUP, "--select", "CBL999"]);
    assert_eq!(r.code, 2);
    assert_contains(&r.stderr, "CBL999");
    let r = run(&["check", MARKUP, "--output-format", "xml"]);
    assert_eq!(r.code, 2);
    let r = run(&["check", "--config", "x.toml", "--isolated"]);
    assert_eq!(r.code, 2);
    let r = run(&["frobnicate"]);
    assert_eq!(r.code, 2);
    let r = run(&["--version"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("cablelint "), "{}", r.stdout);
}

#[test]
fn directories_are_walked_for_cables_honouring_gitignore() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[
        ("b/one.cable", markup.as_bytes()),
        ("a/two.tel", markup.as_bytes()),
        ("a/three.txt", markup.as_bytes()),
        ("skipped/four.cable", markup.as_bytes()),
        (".hidden/five.cable", markup.as_bytes()),
        (".gitignore", b"skipped/\n"),
    ]);
    let paths = |r: &Run| -> Vec<String> {
        r.json()["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    assert_eq!(paths(&r), ["a/two.tel", "b/one.cable"], "{r:?}");
    let r = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--extension",
            "txt",
            "--output-format",
            "json",
        ],
        None,
    );
    assert_eq!(paths(&r), ["a/three.txt", "a/two.tel", "b/one.cable"]);
    // A file named explicitly is checked whatever its extension or ignore status.
    let r = run_in(
        dir.path(),
        &[
            "check",
            "skipped/four.cable",
            "a/three.txt",
            "b",
            "--output-format",
            "json",
        ],
        None,
    );
    assert_eq!(
        paths(&r),
        ["a/three.txt", "b/one.cable", "skipped/four.cable"]
    );
}

#[test]
fn an_empty_directory_is_not_an_error() {
    let dir = tree(&[("notes.md", b"nothing")]);
    let r = run_in(dir.path(), &["check"], None);
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(&r.stderr, "no cables found");
    // Files of another extension are named, with the option that takes them (released cables
    // come as `*.txt`).
    let dir = tree(&[
        ("release/a.txt", b"x"),
        ("release/b.txt", b"x"),
        ("release/INDEX.tsv", b"x"),
    ]);
    let r = run_in(dir.path(), &["check", "release"], None);
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(
        &r.stderr,
        "2 `*.txt` files were found: add `--extension txt` to read them",
    );
}

#[test]
fn standard_input_is_checked_under_its_given_name() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[]);
    let r = run_in(
        dir.path(),
        &["check", "-", "--output-format", "json"],
        Some(markup.as_bytes()),
    );
    assert_eq!(r.json()["files"][0]["path"], "-");
    assert!(
        r.codes_for("-").contains(&"CBL302".to_string()),
        "{}",
        r.stdout
    );
    assert_eq!(r.code, 1);
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--stdin-filename",
            "drafts/x.cable",
            "--output-format",
            "concise",
        ],
        Some(markup.as_bytes()),
    );
    assert!(r.stdout.starts_with("drafts/x.cable:"), "{r:?}");
}

#[test]
fn many_files_come_out_in_path_order() {
    // More files than the workers may run ahead of the output (64 each), so that the order is
    // kept across the streaming window too.
    let markup = fixture_text("oslo-markup.cable");
    let names: Vec<String> = (0..600)
        .map(|i| format!("d{}/c{:03}.cable", i % 3, 599 - i))
        .collect();
    let files: Vec<(&str, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), markup.as_bytes()))
        .collect();
    let dir = tree(&files);
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    let paths: Vec<String> = r.json()["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    let r = run_in(dir.path(), &["check", "--output-format", "concise"], None);
    let mut concise: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split(':').next().filter(|p| p.ends_with(".cable")))
        .collect();
    concise.dedup();
    assert!(concise == sorted, "the concise output is not in path order");
}

/// Each file's findings are written as soon as every earlier file's are, not when the last file is
/// done: with standard input (always last) held open, the findings of the files before it are
/// already readable.
#[test]
fn findings_are_written_before_the_last_file_is_read() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[("a.cable", markup.as_bytes())]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_cablelint"))
        .current_dir(dir.path())
        .args(["check", "--output-format", "concise", "a.cable", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, first_line) = mpsc::channel();
    // Read every line (a closed pipe would fail the later writes), passing on the first.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            sender.send(line.unwrap()).ok();
        }
    });
    let line = first_line.recv_timeout(Duration::from_secs(20));
    // Let the process finish whatever happened.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(markup.as_bytes()).unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    let line = line.expect("no finding of a.cable while standard input was still open");
    assert!(line.starts_with("a.cable:"), "{line}");
    assert_eq!(status.code(), Some(1));
}

/// A routing-header line with its keyword mistyped by one letter (FL1, the routing line, DE, the
/// security line) is read as that line and reported by its own rule, and the rest of the cable is
/// read as usual: the banner and the julian-day cross-check are not lost (a mistyped FL1 used to
/// hide the whole header and the banner behind one "no classification banner" error).
#[test]
fn a_mistyped_header_line_is_reported_and_the_rest_is_read() {
    let clean = fixture_text("oslo-clean.cable");
    // The DE line's julian day made wrong too, so that the cross-check shows the header is read.
    let base = clean.replace("#0123 0451030", "#0123 0461030");
    for (from, to, expected) in [
        (
            "VZCZCXRO4521",
            "VZCZXRO4521",
            "1:1: error[CBL101] transmission identifier `VZCZXRO4521`",
        ),
        (
            "PP RUEHC",
            "P RUEHC",
            "2:1: error[CBL102] `P` is not a precedence prosign",
        ),
        (
            "DE RUEHNY",
            "DR RUEHNY",
            "3:1: error[CBL103] malformed DE line: it starts with `DR`, not `DE`",
        ),
        (
            "ZNY CCCCC",
            "ZNT CCCCC",
            "4:1: error[CBL104] `CCCCC` goes with `ZNY`, not `ZNT`",
        ),
    ] {
        let cable = base.replacen(from, to, 1);
        let dir = tree(&[("x.cable", cable.as_bytes())]);
        let r = run_in(
            dir.path(),
            &[
                "check",
                "--isolated",
                "--output-format",
                "concise",
                "x.cable",
            ],
            None,
        );
        assert_contains(&r.stdout, &format!("x.cable:{expected}"));
        assert_contains(&r.stdout, "x.cable:3:");
        assert_contains(&r.stdout, "error[CBL111] julian day 046");
        assert!(!r.stdout.contains("CBL202"), "{}", r.stdout);
    }
}

/// Two faults that passed silently: a paragraph number written twice (`1.` / `1.` / `2.`, which
/// was taken for a list restarting at 1) and a one-word DECL that is no date, exemption or event.
#[test]
fn a_repeated_paragraph_number_and_a_one_word_decl_are_reported() {
    let cable = "S E C R E T OSLO 000001\n\nE.O. 13526: DECL: SOMEDAY\nTAGS: PREL NO\n\
                 SUBJECT: NORWAY: INVENTED TALKS\n\n\
                 Classified By: Ambassador Kari Invented for reasons 1.4 (b) and (d)\n\n\
                 1. (U) First.\n\n1. (S) Second.\n\n2. (U) Third.\n\nEXAMPLE\n";
    let dir = tree(&[("x.cable", cable.as_bytes())]);
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--date",
            "2026-12-01",
            "--output-format",
            "concise",
            "x.cable",
        ],
        None,
    );
    assert_contains(
        &r.stdout,
        "x.cable:3:19: error[CBL218] DECL `SOMEDAY` is no date (write MM/DD/YYYY), exemption or event",
    );
    assert_contains(
        &r.stdout,
        "x.cable:11:1: warning[CBL403] paragraph 1 follows paragraph 1; expected 2",
    );
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--date",
            "2026-12-01",
            "--fix",
            "--unsafe-fixes",
            "x.cable",
        ],
        None,
    );
    let after = std::fs::read_to_string(dir.path().join("x.cable")).unwrap();
    assert!(
        after.contains("\n2. (S) Second.\n\n3. (U) Third.\n"),
        "{r:?}\n{after}"
    );
}

/// Checks `paragraphs` (the text after the header) of an invented SECRET cable, then applies the
/// unsafe fixes; returns the concise report and the text after the fix.
fn numbering_and_fix(paragraphs: &str) -> (String, String) {
    let cable = format!(
        "S E C R E T OSLO 000001\n\nE.O. 13526: DECL: 12/01/2036\nTAGS: PREL NO\n\
         SUBJECT: NORWAY: INVENTED TALKS\n\n\
         Classified By: Ambassador Kari Invented for reasons 1.4 (b) and (d)\n\n\
         {paragraphs}\nEXAMPLE\n"
    );
    let dir = tree(&[("x.cable", cable.as_bytes())]);
    let args = ["check", "--isolated", "--date", "2026-12-01"];
    let report = run_in(
        dir.path(),
        &[&args[..], &["--output-format", "concise", "x.cable"]].concat(),
        None,
    )
    .stdout;
    run_in(
        dir.path(),
        &[&args[..], &["--fix", "--unsafe-fixes", "x.cable"]].concat(),
        None,
    );
    let after = std::fs::read_to_string(dir.path().join("x.cable")).unwrap();
    let text = after.find("(d)\n\n").unwrap() + 5;
    (report, after[text..].to_string())
}

/// A numbering that restarts at 1 with nothing explaining it (no quotation, no heading or
/// lead-in, no return of the cable's count) is reported, and the one fix renumbers the whole run
/// consistently from the break on.
#[test]
fn an_unexplained_restart_is_reported_and_the_fix_renumbers_the_whole_run() {
    let (report, after) =
        numbering_and_fix("1. (S) A.\n\n1. (S) B.\n\n1. (S) C.\n\n1. (S) D.\n\n1. (S) E.\n");
    assert_contains(
        &report,
        "x.cable:11:1: warning[CBL403] paragraph 1 follows paragraph 1; expected 2",
    );
    assert_eq!(
        after,
        "1. (S) A.\n\n2. (S) B.\n\n3. (S) C.\n\n4. (S) D.\n\n5. (S) E.\n\nEXAMPLE\n"
    );
    let (report, after) =
        numbering_and_fix("1. (S) A.\n\n2. (S) B.\n\n1. (S) C.\n\n2. (S) D.\n\n1. (S) E.\n");
    assert_contains(
        &report,
        "x.cable:13:1: warning[CBL403] paragraph 1 follows paragraph 2; expected 3",
    );
    assert_eq!(
        after,
        "1. (S) A.\n\n2. (S) B.\n\n3. (S) C.\n\n4. (S) D.\n\n5. (S) E.\n\nEXAMPLE\n"
    );
}

/// A restart the text explains stays silent: a list after a lead-in ending with a colon, and a
/// list after which the cable's numbering resumes.
#[test]
fn an_explained_restart_is_no_fault() {
    for paragraphs in [
        "1. (S) A.\n\n2. (S) The points are:\n\n1. (S) B.\n\n2. (S) C.\n",
        "1. (S) A.\n\n2. (S) B.\n\n1. (S) C.\n\n2. (S) D.\n\n3. (S) E.\n",
    ] {
        let (report, _) = numbering_and_fix(paragraphs);
        assert!(!report.contains("CBL403"), "{report}");
    }
}

/// What explains a break is read in the text between the two numbers only: a paragraph whose text
/// runs on into the next number on the same line (joined lines, `… HEADING 3. (S) …`) starts with
/// the number before the break's, which is no unread number but the line's own paragraph, so the
/// second paragraph 3 is reported and the fix renumbers from it.
#[test]
fn a_number_joined_onto_the_line_before_does_not_explain_a_break() {
    let filler = "The minister said the talks on the invented treaty would go on. ".repeat(4);
    let (report, after) = numbering_and_fix(&format!(
        "1. (S) {filler}\n\n2. (S) {filler}HEADING 3. (S) {filler}\n\n3. (S) {filler}\n\n4. (S) {filler}\n"
    ));
    assert_contains(
        &report,
        "x.cable:13:1: warning[CBL403] paragraph 3 follows paragraph 3; expected 4",
    );
    let numbers: Vec<&str> = after
        .lines()
        .filter(|l| !l.is_empty() && l.as_bytes()[0].is_ascii_digit())
        .map(|l| &l[..2])
        .collect();
    assert_eq!(numbers, ["1.", "2.", "4.", "5."], "{after}");
}

/// A break whose renumbering would cross a restart the text explains, or reach a number of four
/// digits (which the parser does not read as a paragraph number), is reported without a fix.
#[test]
fn a_renumbering_that_cannot_be_decided_is_not_offered() {
    let (report, after) = numbering_and_fix(
        "1. (S) A.\n\n3. (S) B.\n\n4. (S) The points are:\n\n1. (S) C.\n\n2. (S) D.\n",
    );
    assert_contains(
        &report,
        "x.cable:11:1: warning[CBL403] paragraph 3 follows paragraph 1; expected 2",
    );
    assert!(after.starts_with("1. (S) A.\n\n3. (S) B."), "{after}");
    let many: String = (0..1100).map(|n| format!("{n}. (S) P.\n\n")).collect();
    let (report, after) = numbering_and_fix(&many);
    assert_contains(
        &report,
        "x.cable:9:1: warning[CBL403] paragraph numbering starts at 0 instead of 1",
    );
    assert!(after.starts_with("0. (S) P.\n\n1. (S) P."), "{after:.40}");
}

/// Unnumbered text right after the banner, in a cable with no E.O., TAGS or SUBJECT, is the
/// cable's text, not a passing line: the cable is not reported as having no text; a passing line
/// alone (`DEPT FOR EUR/NB`) still is.
#[test]
fn unnumbered_text_after_the_banner_is_text() {
    let dir = tree(&[]);
    let check = |text: &str| {
        run_in(
            dir.path(),
            &["check", "--isolated", "--output-format", "concise", "-"],
            Some(text.as_bytes()),
        )
        .stdout
    };
    let out = check("UNCLAS OSLO 000001\n\nThe minister said yes.\n");
    assert!(!out.contains("CBL411"), "{out}");
    assert_contains(
        &out,
        "-:3:1: warning[CBL409] the cable does not end with a signature",
    );
    let out = check("UNCLAS OSLO 000001\n\nThe minister said yes.\nHe smiled.\n\nSMITH\n");
    assert!(!out.contains("CBL411") && !out.contains("CBL409"), "{out}");
    let out = check("UNCLAS OSLO 000001\n\nDEPT FOR EUR/NB\n");
    assert_contains(
        &out,
        "-:3:1: error[CBL411] the cable has no text: no paragraph follows the elements before it",
    );
}
