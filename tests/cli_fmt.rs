//! `cablelint fmt`: in place (atomic, line endings, byte order mark and permissions kept),
//! `--check`, `--diff`, standard input, `[format]` options and refused records.

mod cli_support;

use std::os::unix::fs::PermissionsExt;

use cli_support::*;

fn loose() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fmt/loose.cable"),
    )
    .unwrap()
}

fn formatted() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fmt/loose.formatted"),
    )
    .unwrap()
}

#[test]
fn fmt_rewrites_files_in_place_and_keeps_permissions() {
    let dir = tree(&[
        ("drafts/a.cable", loose().as_bytes()),
        ("drafts/b.cable", formatted().as_bytes()),
    ]);
    let a = dir.path().join("drafts/a.cable");
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640)).unwrap();
    let r = run_in(dir.path(), &["fmt", "drafts"], None);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(std::fs::read_to_string(&a).unwrap(), formatted());
    assert_eq!(
        std::fs::metadata(&a).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_contains(&r.stdout, "1 file reformatted, 1 file already formatted");
    // Formatting again changes nothing.
    let again = run_in(dir.path(), &["fmt", "--check", "drafts"], None);
    assert_eq!(again.code, 0, "{again:?}");
    assert_contains(&again.stdout, "2 files already formatted");
}

#[test]
fn check_lists_the_files_that_would_change_and_writes_nothing() {
    let dir = tree(&[
        ("a.cable", loose().as_bytes()),
        ("b.cable", formatted().as_bytes()),
    ]);
    let r = run_in(dir.path(), &["fmt", "--check", "."], None);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stdout,
        "Would reformat: a.cable\n1 file would be reformatted, 1 file already formatted\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.cable")).unwrap(),
        loose()
    );
}

#[test]
fn diff_prints_a_unified_diff() {
    let dir = tree(&[("a.cable", loose().as_bytes())]);
    let r = run_in(dir.path(), &["fmt", "--diff", "a.cable"], None);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout.starts_with("--- a/a.cable\n+++ b/a.cable\n"),
        "{}",
        r.stdout
    );
    assert_contains(&r.stdout, "-CONFIDENTIAL SECTION 1 OF 2 OSLO 217\n");
    assert_contains(
        &r.stdout,
        "+C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217\n",
    );
    assert_contains(&r.stderr, "1 file would be reformatted");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.cable")).unwrap(),
        loose()
    );
}

#[test]
fn standard_input_goes_to_standard_output_with_crlf_and_bom_kept() {
    let input = format!("\u{feff}{}", loose().replace('\n', "\r\n"));
    let dir = tree(&[]);
    let r = run_in(dir.path(), &["fmt", "-"], Some(input.as_bytes()));
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        r.stdout,
        format!("\u{feff}{}", formatted().replace('\n', "\r\n"))
    );
    let check = run_in(dir.path(), &["fmt", "--check", "-"], Some(input.as_bytes()));
    assert_eq!(check.code, 1, "{check:?}");
    assert_eq!(
        check.stdout,
        "Would reformat: -\n1 file would be reformatted\n"
    );
}

#[test]
fn options_come_from_the_format_table_and_the_command_line() {
    let config = b"[format]\nline-width = 0\nspaced-banner = false\ntags-separator = \"comma\"\n";
    let dir = tree(&[("cablelint.toml", config), ("a.cable", loose().as_bytes())]);
    let r = run_in(dir.path(), &["fmt", "a.cable"], None);
    assert_eq!(r.code, 0, "{r:?}");
    let out = std::fs::read_to_string(dir.path().join("a.cable")).unwrap();
    assert_contains(&out, "\nCONFIDENTIAL SECTION 01 OF 02 OSLO 000217\n");
    assert_contains(&out, "\nTAGS: PREL, MARR, NATO, NO\n");
    assert_contains(
        &out,
        "\n1. (C) Summary: Nordic defense ministers meeting in Oslo on\nMarch 12 agreed",
    );
    let dir = tree(&[("a.cable", loose().as_bytes())]);
    let r = run_in(dir.path(), &["fmt", "--line-width", "40", "a.cable"], None);
    assert_eq!(r.code, 0, "{r:?}");
    let out = std::fs::read_to_string(dir.path().join("a.cable")).unwrap();
    assert!(
        out.lines()
            .skip_while(|l| !l.starts_with("1. (C)"))
            .take(4)
            .all(|l| l.len() <= 40),
        "{out}"
    );
}

/// Every `[format]` option that changes a cable's spelling is one `check` accepts, so that
/// `fmt` and `check --fix` never undo each other: after `fmt`, `check --fix` changes nothing that
/// `fmt --check` then reports.
#[test]
fn fmt_and_check_fix_agree_under_every_format_option() {
    let configs: [&[u8]; 4] = [
        b"",
        b"[format]\nspaced-banner = false\n",
        b"[format]\nspaced-banner = false\ntags-separator = \"comma\"\nline-width = 0\n",
        b"[format]\nserial-width = 0\n",
    ];
    for config in configs {
        let dir = tree(&[("cablelint.toml", config), ("a.cable", loose().as_bytes())]);
        let r = run_in(dir.path(), &["fmt", "a.cable"], None);
        assert_eq!(r.code, 0, "{r:?}");
        let formatted = std::fs::read_to_string(dir.path().join("a.cable")).unwrap();
        run_in(dir.path(), &["check", "--fix", "a.cable"], None);
        let r = run_in(dir.path(), &["fmt", "--check", "a.cable"], None);
        assert_eq!(
            r.code,
            0,
            "{}: check --fix undid fmt: {r:?}",
            String::from_utf8_lossy(config)
        );
        let fixed = std::fs::read_to_string(dir.path().join("a.cable")).unwrap();
        let r = run_in(
            dir.path(),
            &["check", "--select", "garbled-banner", "a.cable"],
            None,
        );
        assert_eq!(
            r.code,
            0,
            "{}: {r:?}\n{formatted}\n{fixed}",
            String::from_utf8_lossy(config)
        );
    }
}

#[test]
fn a_bad_format_option_is_a_configuration_error() {
    let dir = tree(&[
        ("cablelint.toml", b"[format]\ntags-separator = \"tab\"\n"),
        ("a.cable", loose().as_bytes()),
    ]);
    let r = run_in(dir.path(), &["fmt", "a.cable"], None);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "cablelint.toml:2");
    assert_contains(&r.stderr, "`tab` is not a TAGS separator");
}

#[test]
fn a_release_record_is_left_as_written_with_the_reason() {
    let record = format!(
        "This record is a partial extract of the original cable. The full text of the original \
         cable is not available.\n\n{}",
        loose().split_once("\n\n").unwrap().1
    );
    let dir = tree(&[("record.cable", record.as_bytes())]);
    let r = run_in(dir.path(), &["fmt", "record.cable"], None);
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(
        &r.stderr,
        "warning: record.cable: not formatted: line 1: the record carries a release artifact",
    );
    assert_contains(&r.stdout, "1 file left as written");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("record.cable")).unwrap(),
        record
    );
    // With --check it does not fail the run either.
    let r = run_in(dir.path(), &["fmt", "--check", "record.cable"], None);
    assert_eq!(r.code, 0, "{r:?}");
}

#[test]
fn unreadable_input_is_an_error_and_the_others_are_still_formatted() {
    let dir = tree(&[("a.cable", loose().as_bytes()), ("bin.cable", b"\0\0")]);
    let r = run_in(
        dir.path(),
        &["fmt", "a.cable", "bin.cable", "missing.cable"],
        None,
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "bin.cable: binary file");
    assert_contains(&r.stderr, "missing.cable");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.cable")).unwrap(),
        formatted()
    );
}

/// The editor suites (`.ci/e2e/`) compare each editor's buffer after formatting with checked-in
/// files: they must be what `cablelint fmt -` writes, and what range formatting of the lines the
/// suites select writes (that paragraph formatted, the rest as written).
#[test]
fn the_editor_suites_expected_texts_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/test-fixtures");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let cable = read("09OSLO417.cable");
    let scratch = tree(&[]);
    let r = run_in(scratch.path(), &["fmt", "-"], Some(cable.as_bytes()));
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, read("09OSLO417.formatted"));

    let expect: serde_json::Value = serde_json::from_str(&read("09OSLO417.expect.json")).unwrap();
    let step = expect["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "range_format")
        .expect("a range_format step");
    let (first, last) = (
        step["line"].as_u64().unwrap() as usize,
        step["end_line"].as_u64().unwrap() as usize,
    );
    let start: usize = cable
        .split_inclusive('\n')
        .take(first - 1)
        .map(str::len)
        .sum();
    let end: usize = cable
        .split_inclusive('\n')
        .take(last)
        .map(str::len)
        .sum::<usize>()
        - 1;
    let parsed = cablelint::syntax::parse(&cable);
    let ranged = cablelint::formatter::format_range(
        &parsed,
        cablelint::syntax::TextRange::new(start, end),
        &cablelint::formatter::FormatOptions::default(),
    )
    .unwrap();
    assert_eq!(ranged, read(step["expect_file"].as_str().unwrap()));
}

#[test]
fn fmt_leaves_a_file_that_changed_since_it_was_read() {
    let dir = tree(&[("a.cable", loose().as_bytes())]);
    let r = run_with_another_writer(dir.path(), &["fmt", "a.cable"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(
        &r.stderr,
        "a.cable: could not write the formatted file: the file changed since cablelint read it",
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.cable")).unwrap(),
        format!("{}{APPENDED}", loose())
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_drafts_one_digit_serial_is_padded_by_check_fix_and_fmt() {
    // A drafter's `OSLO 7` is a serial not yet padded, not a garble of the release: `check` reports
    // it as `banner-serial-width` with its safe fix, and `fmt` pads it as that fix does.
    let draft = loose()
        .replace("#0217/01", "#0007/01")
        .replace("OSLO 217", "OSLO 7");
    let dir = tree(&[("draft.cable", draft.as_bytes())]);
    let r = run_in(
        dir.path(),
        &["check", "--output-format", "concise", "draft.cable"],
        None,
    );
    assert_contains(
        &r.stdout,
        "draft.cable:9:34: error[CBL204] [*] the banner serial `7` is not six digits",
    );
    assert!(!r.stdout.contains("CBL606"), "{}", r.stdout);
    let r = run_in(dir.path(), &["fmt", "-"], Some(draft.as_bytes()));
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        r.stdout,
        formatted()
            .replace("#0217/01", "#0007/01")
            .replace("OSLO 000217", "OSLO 000007")
    );
    let r = run_in(
        dir.path(),
        &["check", "--fix", "--select", "CBL204", "draft.cable"],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(
        &std::fs::read_to_string(dir.path().join("draft.cable")).unwrap(),
        "\nCONFIDENTIAL SECTION 1 OF 2 OSLO 000007\n",
    );
    // The same serial in a release record is the release's garble, left as written.
    let record = format!(
        "This record is a partial extract of the original cable. The full text of the original \
         cable is not available.\n\n{}",
        draft.split_once("\n\n").unwrap().1
    );
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--output-format",
            "concise",
            "-",
            "--stdin-filename",
            "record.cable",
        ],
        Some(record.as_bytes()),
    );
    assert_contains(
        &r.stdout,
        "warning[CBL606] garbled serial: the banner serial `7` was garbled by the release",
    );
    assert!(!r.stdout.contains("CBL204"), "{}", r.stdout);
}

#[test]
fn the_summary_counts_the_files_that_could_not_be_read() {
    let dir = tree(&[
        ("a.cable", loose().as_bytes()),
        ("b.cable", formatted().as_bytes()),
        ("c.cable", b"UNCLAS OSLO 000001\n\xff\xfe\n"),
    ]);
    let r = run_in(
        dir.path(),
        &[
            "fmt",
            "--check",
            "a.cable",
            "b.cable",
            "c.cable",
            "missing.cable",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(
        r.stdout,
        "Would reformat: a.cable\n1 file would be reformatted, 1 file already formatted, 2 files could not be formatted\n"
    );
    assert_contains(&r.stderr, "missing.cable");
}
