//! `--fix`, `--unsafe-fixes` and `--diff`: fixes are applied in place atomically, keep line endings,
//! byte-order marks and permissions, and `--diff` writes nothing.

// A skipped test says so on standard error.
#![allow(clippy::print_stderr)]

mod cli_support;

use std::os::unix::fs::PermissionsExt;

use cli_support::*;

fn fixed_expected(text: &str) -> String {
    text.replace("TAGS: [PREL](#) [PGOV](#) NO", "TAGS: PREL PGOV NO")
}

#[test]
fn fix_rewrites_the_file_and_reports_what_remains() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[("x.cable", markup.as_bytes())]);
    let path = dir.path().join("x.cable");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let r = run_in(dir.path(), &["check", "--fix", "x.cable"], None);
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after, fixed_expected(&markup), "{r:?}");
    assert_contains(&r.stdout, "Applied ");
    assert!(!r.stdout.contains("CBL302"), "{}", r.stdout);
    // What is left decides the exit status: the clean cable's own findings.
    let clean = run(&["check", "tests/fixtures/cli/oslo-clean.cable"]);
    assert_eq!(r.code, clean.code, "{r:?}");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["x.cable"], "a temporary file was left behind");

    // A second run has nothing to fix and leaves the file alone.
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let r = run_in(dir.path(), &["check", "--fix", "x.cable"], None);
    assert!(!r.stdout.contains("Applied "), "{}", r.stdout);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn fix_keeps_crlf_line_endings_and_the_bom() {
    let markup = fixture_text("oslo-markup.cable").replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(markup.as_bytes());
    let dir = tree(&[("x.cable", &bytes)]);
    let r = run_in(dir.path(), &["check", "--fix", "x.cable"], None);
    let after = std::fs::read(dir.path().join("x.cable")).unwrap();
    let mut want = b"\xEF\xBB\xBF".to_vec();
    want.extend_from_slice(fixed_expected(&markup).as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&after),
        String::from_utf8_lossy(&want),
        "{r:?}"
    );
    let lone_lf = after
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && (i == 0 || after[i - 1] != b'\r'));
    assert!(!lone_lf);
}

#[test]
fn diff_shows_the_fix_without_writing() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[
        ("x.cable", markup.as_bytes()),
        ("clean.cable", fixture_text("oslo-clean.cable").as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check", "--diff", "x.cable"], None);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout.starts_with("--- a/x.cable\n+++ b/x.cable\n@@ "),
        "{}",
        r.stdout
    );
    assert_contains(
        &r.stdout,
        "\n-TAGS: [PREL](#) [PGOV](#) NO\n+TAGS: PREL PGOV NO\n",
    );
    assert_contains(&r.stderr, "Would apply");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.cable")).unwrap(),
        markup
    );
    // With --fix too, --diff still writes nothing.
    let r = run_in(dir.path(), &["check", "--diff", "--fix", "x.cable"], None);
    assert_eq!(r.code, 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.cable")).unwrap(),
        markup
    );
    // Nothing to fix: no diff, exit 0.
    let r = run_in(dir.path(), &["check", "--diff", "clean.cable"], None);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{r:?}");
    // `--exit-zero` makes a diff with changes exit 0 too, as the README says.
    let r = run_in(
        dir.path(),
        &["check", "--diff", "--exit-zero", "x.cable"],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(&r.stdout, "+TAGS: PREL PGOV NO\n");
}

#[test]
fn fix_refuses_a_read_only_file_and_leaves_it_as_it_was() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[
        ("ro.cable", markup.as_bytes()),
        ("y.cable", markup.as_bytes()),
    ]);
    let ro = dir.path().join("ro.cable");
    // Mode 0444: nobody may write it. The tests run as root, who could; the checker looks at the
    // file's mode itself.
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let r = run_in(dir.path(), &["check", "--fix", "ro.cable", "y.cable"], None);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(
        &r.stderr,
        "ro.cable: could not write the fixed file: the file is read-only",
    );
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), markup);
    let mode = std::fs::metadata(&ro).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    // The other file is still fixed.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("y.cable")).unwrap(),
        fixed_expected(&markup)
    );
    // The file that could not be written keeps its findings in the report and its counts: the
    // report is what `check` without `--fix` says of it.
    let unfixed = run_in(
        dir.path(),
        &["check", "--output-format", "json-lines", "ro.cable"],
        None,
    );
    assert!(!unfixed.stdout.is_empty(), "{unfixed:?}");
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--fix",
            "--output-format",
            "json-lines",
            "ro.cable",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, unfixed.stdout);
    assert_contains(
        &r.stderr,
        "the findings shown are those of the file as it is",
    );
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[]);
    let r = run_in(
        dir.path(),
        &["check", "--fix", "-", "--stdin-filename", "x.cable"],
        Some(markup.as_bytes()),
    );
    assert_eq!(r.stdout, fixed_expected(&markup), "{r:?}");
    assert_contains(&r.stderr, "Applied ");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_file_that_cannot_be_written_is_reported() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[
        ("ro/x.cable", markup.as_bytes()),
        ("y.cable", markup.as_bytes()),
    ]);
    let ro = dir.path().join("ro");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root may write anywhere; then there is nothing to test.
    if std::fs::write(ro.join("probe"), "x").is_ok() {
        std::fs::remove_file(ro.join("probe")).unwrap();
        eprintln!("skipped: running as a user who can write to a read-only directory");
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let r = run_in(
        dir.path(),
        &["check", "--fix", "ro/x.cable", "y.cable"],
        None,
    );
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(
        &r.stderr,
        "ro/x.cable: could not write the fixed file: permission denied",
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ro/x.cable")).unwrap(),
        markup
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("y.cable")).unwrap(),
        fixed_expected(&markup)
    );
}

#[test]
fn unsafe_fixes_only_when_asked() {
    // A NIACT cable whose information addressee is also marked NIACT IMMEDIATE: `niact-on-info`
    // (CBL110) offers to write IMMEDIATE, an unsafe fix (it changes how the cable is handled).
    let cable = fixture_text("oslo-clean.cable")
        .replace("PP RUEHC", "OO RUEHC")
        .replace("P 141030Z FEB 08", "O 141030Z FEB 08")
        .replace("WASHDC PRIORITY 4521", "WASHDC NIACT IMMEDIATE 4521")
        .replace("STOCKHOLM PRIORITY 0812", "STOCKHOLM NIACT IMMEDIATE 0812");
    let dir = tree(&[("x.cable", cable.as_bytes())]);
    let r = run_in(
        dir.path(),
        &["check", "x.cable", "--output-format", "json"],
        None,
    );
    let v = r.json();
    let d = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "CBL110")
        .cloned()
        .unwrap_or_else(|| panic!("no CBL110: {}", r.stdout));
    assert_eq!(d["fix"]["applicability"], "unsafe");

    let r = run_in(dir.path(), &["check", "--diff", "x.cable"], None);
    assert!(!r.stdout.contains("STOCKHOLM IMMEDIATE"), "{}", r.stdout);
    let r = run_in(
        dir.path(),
        &["check", "--diff", "--unsafe-fixes", "x.cable"],
        None,
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert_contains(
        &r.stdout,
        "\n+INFO RUEHSM/AMEMBASSY STOCKHOLM IMMEDIATE 0812\n",
    );

    let r = run_in(dir.path(), &["check", "--fix", "x.cable"], None);
    let after = std::fs::read_to_string(dir.path().join("x.cable")).unwrap();
    assert!(after.contains("STOCKHOLM NIACT IMMEDIATE 0812"), "{r:?}");
    assert_contains(&r.stdout, "1 more fixable with `--fix --unsafe-fixes`.");
    run_in(
        dir.path(),
        &["check", "--fix", "--unsafe-fixes", "x.cable"],
        None,
    );
    let after = std::fs::read_to_string(dir.path().join("x.cable")).unwrap();
    assert!(
        after.contains("\nINFO RUEHSM/AMEMBASSY STOCKHOLM IMMEDIATE 0812\n"),
        "{after}"
    );
    assert!(
        after.contains("WASHDC NIACT IMMEDIATE 4521"),
        "the action line must keep NIACT"
    );
}

#[test]
fn fix_leaves_a_file_that_changed_since_it_was_read() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[("x.cable", markup.as_bytes())]);
    let r = run_with_another_writer(dir.path(), &["check", "--fix", "x.cable"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(
        &r.stderr,
        "x.cable: could not write the fixed file: the file changed since cablelint read it",
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.cable")).unwrap(),
        format!("{markup}{APPENDED}")
    );
}

#[test]
fn fix_keeps_owner_group_mode_and_links() {
    use std::os::unix::fs::MetadataExt;
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[("x.cable", markup.as_bytes())]);
    let file = dir.path().join("x.cable");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::hard_link(&file, dir.path().join("hard.cable")).unwrap();
    std::os::unix::fs::symlink("x.cable", dir.path().join("soft.cable")).unwrap();
    // Owned by another user when the tests run as root (a rename would leave it root's).
    let chowned = std::os::unix::fs::chown(&file, Some(65534), Some(65534)).is_ok();
    let r = run_in(dir.path(), &["check", "--fix", "soft.cable"], None);
    assert_eq!(r.code, 0, "{r:?}");
    let fixed = fixed_expected(&markup);
    for name in ["x.cable", "hard.cable", "soft.cable"] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            fixed,
            "{name}"
        );
    }
    let soft = std::fs::symlink_metadata(dir.path().join("soft.cable")).unwrap();
    assert!(soft.file_type().is_symlink());
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(meta.nlink(), 2, "the hard link is still a link");
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    if chowned {
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    }
}

/// Whether these tests run as root: a new file is owned by the user who writes it.
fn running_as_root(dir: &std::path::Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join(".owner-probe");
    std::fs::write(&probe, "").unwrap();
    let uid = std::fs::metadata(&probe).unwrap().uid();
    std::fs::remove_file(&probe).unwrap();
    uid == 0
}

#[test]
fn fix_refuses_a_file_the_user_cannot_write_even_when_tests_run_as_root() {
    let markup = fixture_text("oslo-markup.cable");
    let dir = tree(&[("x.cable", markup.as_bytes())]);
    if !running_as_root(dir.path()) {
        // A user other than root cannot make a file someone else owns; the read-only tests above
        // already run as a user who cannot write.
        eprintln!("skipped: not running as root (the read-only tests cover this user)");
        return;
    }
    // Root owns the file (0644) and the directory; `nobody` (65534) may read both but write
    // neither. The binary is run as `nobody` with `setpriv`.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = dir.path().join("x.cable");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let as_nobody = |args: &[&str]| {
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_cablelint"))
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
    };
    match as_nobody(&["--version"]) {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            eprintln!(
                "skipped: `setpriv` cannot run the binary as user 65534 here (the build directory \
                 may not be reachable by that user): {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return;
        }
        Err(e) => {
            eprintln!("skipped: no way to drop privileges (`setpriv` could not be run: {e})");
            return;
        }
    }
    let out = as_nobody(&["check", "--fix", "x.cable"]).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_contains(
        &stderr,
        "x.cable: could not write the fixed file: permission denied",
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), markup);
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o644
    );
    // Nothing was left beside it (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// With both streams in one place (`2>&1`, a CI log), every diff comes before the count of fixes
/// that ends the report.
#[test]
fn diff_comes_before_the_count_in_one_stream() {
    let dir = tree(&[("x.cable", fixture_text("oslo-markup.cable").as_bytes())]);
    let log_path = dir.path().join("log.txt");
    let log = std::fs::File::create(&log_path).unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_cablelint"))
        .current_dir(dir.path())
        .args(["check", "--isolated", "--diff", "x.cable"])
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let text = std::fs::read_to_string(&log_path).unwrap();
    assert!(text.starts_with("--- a/x.cable\n"), "{text}");
    assert!(text.ends_with("Would apply 2 fixes to 1 file.\n"), "{text}");
}

/// The computed fixes (here the julian day, the DE section and the prosign) are unsafe: `--fix` leaves them, `--fix --unsafe-fixes` writes the values the rules compute.
#[test]
fn computed_header_fixes_are_applied_with_unsafe_fixes() {
    let base = include_str!("rules/base/confidential.cable");
    let broken = base
        .replace("OO RUEHBJ", "PP RUEHBJ")
        .replace("#0614/01 0720751", "#0614/02 0710751");
    assert_ne!(broken, base);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("seoul.cable"), &broken).unwrap();
    let args = ["check", "--isolated", "--fix", "seoul.cable"];
    let r = cli_support::run_in(tmp.path(), &args, None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("seoul.cable")).unwrap(),
        broken,
        "unsafe fixes wait for --unsafe-fixes"
    );
    let args = [
        "check",
        "--isolated",
        "--fix",
        "--unsafe-fixes",
        "seoul.cable",
    ];
    let r = cli_support::run_in(tmp.path(), &args, None);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("seoul.cable")).unwrap(),
        base
    );
}

#[test]
fn fixing_an_info_addressee_above_the_action_ones_leaves_no_precedence_error() {
    // TO is PRIORITY and an INFO line IMMEDIATE: `precedence-mismatch` (FL5 `P` is not the
    // highest) and `info-precedence-too-high` both fire. Their fixes agree on PRIORITY, the FL5
    // letter: the INFO line is lowered and FL5 stays, so neither error is left.
    let cable = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/rules/base/confidential.cable"),
    )
    .unwrap()
    .replace("OO RUEHBJ", "PP RUEHBJ")
    .replace("O 120745Z MAR 08", "P 120745Z MAR 08")
    .replace("WASHDC IMMEDIATE 5521", "WASHDC PRIORITY 5521")
    .replace("BEIJING PRIORITY 4410", "BEIJING IMMEDIATE 4410");
    let dir = tree(&[("draft.cable", cable.as_bytes())]);
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--output-format",
            "concise",
            "--select",
            "CBL1",
            "draft.cable",
        ],
        None,
    );
    assert_contains(&r.stdout, "error[CBL108]");
    assert_contains(&r.stdout, "error[CBL109]");
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--fix",
            "--unsafe-fixes",
            "--select",
            "CBL1",
            "draft.cable",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(&r.stdout, "All checks passed!");
    let fixed = std::fs::read_to_string(dir.path().join("draft.cable")).unwrap();
    assert_eq!(
        fixed,
        cable.replace("BEIJING IMMEDIATE 4410", "BEIJING PRIORITY 4410")
    );
    // With the action addressee ROUTINE (no word) under a PRIORITY FL5 and INFO line, as the
    // release has it, the fix raises the action addressee instead.
    let cable = cable
        .replace("BEIJING IMMEDIATE 4410", "BEIJING PRIORITY 4410")
        .replace("WASHDC PRIORITY 5521", "WASHDC 5521");
    std::fs::write(dir.path().join("draft.cable"), &cable).unwrap();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--fix",
            "--unsafe-fixes",
            "--select",
            "CBL1",
            "draft.cable",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.cable")).unwrap(),
        cable.replace("WASHDC 5521", "WASHDC PRIORITY 5521")
    );
}

/// An UNCLAS cable with a `DECL` date and a `(C)` paragraph: raising the banner to CONFIDENTIAL
/// (CBL207) and writing `N/A` for the UNCLAS cable's E.O. line (CBL216) assume contradictory
/// classifications. The banner is raised alone, the text is checked again, and the DECL date,
/// right for a CONFIDENTIAL cable, stays: no `N/A`, no new `classified-without-decl` (CBL217).
#[test]
fn fixes_that_assume_contradictory_classifications_are_not_applied_together() {
    let cable = "UNCLAS SECTION 01 OF 02 REYKJAVIK 000077\n\nSENSITIVE\nSIPDIS\n\n\
                 E.O. 12958: DECL: 03/02/2019\nTAGS: ECON EFIN IC\n\
                 SUBJECT: ICELAND: INVENTED FISH QUOTA DEBATE\n\n\
                 Classified By: Charge Bjorn Example. Reason 1.4 (b).\n\n\
                 1. (SBU) An invented paragraph about fish quotas.\n\n\
                 2. (C) An invented paragraph wrongly marked confidential.\n\n\
                 3. (U) End of invented text.\n\nEXAMPLE\n";
    let dir = tree(&[("x.cable", cable.as_bytes())]);
    let r = run_in(
        dir.path(),
        &["check", "--isolated", "--fix", "--unsafe-fixes", "x.cable"],
        None,
    );
    let after = std::fs::read_to_string(dir.path().join("x.cable")).unwrap();
    let expected = cable.replace(
        "UNCLAS SECTION 01 OF 02",
        "C O N F I D E N T I A L SECTION 01 OF 02",
    );
    assert_eq!(after, expected, "{r:?}");
    assert!(!r.stdout.contains("CBL217"), "{}", r.stdout);
}

/// A file whose lines end in a carriage return alone (the old Mac line ending): each line of the
/// diff still ends in a line feed (after the file's carriage return), so the diff shows one line
/// of the file a line and what follows it starts on a line of its own.
#[test]
fn diff_of_a_file_with_carriage_returns_alone_ends_each_line() {
    let markup = fixture_text("oslo-markup.cable");
    let lines: Vec<&str> = markup.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("TAGS: "))
        .expect("a TAGS line");
    let dir = tree(&[("x.cable", markup.replace('\n', "\r").as_bytes())]);
    let r = run_in(
        dir.path(),
        &["check", "--isolated", "--diff", "x.cable"],
        None,
    );
    assert_eq!(r.code, 1, "{r:?}");
    let mut expected = format!(
        "--- a/x.cable\n+++ b/x.cable\n@@ -{0},7 +{0},7 @@\n",
        at - 2
    );
    for l in &lines[at - 3..at] {
        expected.push_str(&format!(" {l}\r\n"));
    }
    expected.push_str(&format!(
        "-{}\r\n+{}\r\n",
        lines[at],
        fixed_expected(lines[at])
    ));
    for l in &lines[at + 1..at + 4] {
        expected.push_str(&format!(" {l}\r\n"));
    }
    assert_eq!(r.stdout, expected);
    assert_eq!(r.stderr, "Would apply 2 fixes to 1 file.\n");
}

/// A cable longer than a window of the diff (2,500 lines), whose fixes touch every fourth line:
/// `--diff` cuts the diff between the fixes, and prints exactly the diff of the whole texts (the
/// file as read and as `--fix` writes it).
#[test]
fn diff_of_a_long_cable_is_the_whole_diff() {
    let base = include_str!("rules/base/confidential.cable");
    let head = &base[..base.find("¶1. (C)").expect("paragraph 1")];
    let mut text = head.to_string();
    for n in 1..=900 {
        text.push_str(&format!(
            "¶{n}. C) Officials met on day {n} of the talks and\nagreed to meet again.\n\n"
        ));
    }
    text.push_str("MARTINDALE\n");
    assert!(text.lines().count() > 2500);
    let dir = tree(&[("x.cable", text.as_bytes())]);
    let diff = run_in(
        dir.path(),
        &["check", "--isolated", "--diff", "x.cable"],
        None,
    );
    assert_eq!(diff.stderr, "Would apply 900 fixes to 1 file.\n");
    let fix = run_in(
        dir.path(),
        &["check", "--isolated", "--fix", "x.cable"],
        None,
    );
    let fixed = std::fs::read_to_string(dir.path().join("x.cable")).unwrap();
    assert_eq!(fixed.matches("¶1. (C)").count(), 1, "{fix:?}");
    let whole = similar::TextDiff::from_lines(text.as_str(), fixed.as_str())
        .unified_diff()
        .context_radius(3)
        .header("a/x.cable", "b/x.cable")
        .to_string();
    assert_eq!(diff.stdout, whole);
}

/// A portion marking in lower case (`(c)`, `(c/rel uk)`, `(u)`) in a cable whose banner and E.O.
/// line are in capitals is the drafter's: `invalid-marking` notes it as it notes `(Sbu)`, and
/// `--fix` writes it in capitals. Before, only mixed case was noted and lower case was left alone.
/// A cable the release wrote in sentence case (`C o n f i d e n t i a l oslo 000123`) keeps its
/// lower-case markings without a note.
#[test]
fn a_lower_case_marking_in_a_draft_in_capitals_is_noted_and_fixed() {
    let text = fixture_text("oslo-clean.cable")
        .replace("1. (C) Summary.", "1. (c/rel uk) Summary.")
        .replace("2. (U) A second", "2. (u) A second");
    let dir = tree(&[("x.cable", text.as_bytes())]);
    let r = run_in(
        dir.path(),
        &["check", "--output-format", "concise", "x.cable"],
        None,
    );
    for (line, written, canonical) in [(20, "(c/rel uk)", "(C/REL UK)"), (23, "(u)", "(U)")] {
        assert_contains(
            &r.stdout,
            &format!(
                "x.cable:{line}:4: info[CBL402] [*] `{written}` is a portion marking spelt \
                 `{canonical}` in canonical form"
            ),
        );
    }
    let r = run_in(dir.path(), &["check", "--fix", "x.cable"], None);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.cable")).unwrap(),
        text.replace("(c/rel uk)", "(C/REL UK)")
            .replace("(u)", "(U)"),
        "{r:?}"
    );

    let sentence_case = text.replace(
        "C O N F I D E N T I A L OSLO 000123",
        "C o n f i d e n t i a l oslo 000123",
    );
    let dir = tree(&[("x.cable", sentence_case.as_bytes())]);
    let r = run_in(
        dir.path(),
        &["check", "--output-format", "concise", "x.cable"],
        None,
    );
    assert!(!r.stdout.contains("CBL402"), "{}", r.stdout);
}
