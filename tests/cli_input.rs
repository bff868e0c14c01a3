//! Bad input: each problem file gets a one-line error naming it, the run exits 2, and the other
//! files are still checked and reported.

// A skipped test says so on standard error.
#![allow(clippy::print_stderr)]

mod cli_support;

use std::os::unix::fs::PermissionsExt;

use cli_support::*;

/// Runs `check` over the given files (plus a good one) and returns the run.
fn check_with_good(dir: &std::path::Path, bad: &[&str]) -> Run {
    let mut args = vec!["check", "--output-format", "json", "good.cable"];
    args.extend_from_slice(bad);
    run_in(dir, &args, None)
}

fn assert_good_still_checked(r: &Run) {
    assert!(
        r.codes_for("good.cable").contains(&"CBL302".to_string()),
        "the good file was not checked: {}",
        r.stdout
    );
}

fn bad_tree(name: &str, contents: &[u8]) -> tempfile::TempDir {
    tree(&[
        ("good.cable", fixture_text("oslo-markup.cable").as_bytes()),
        (name, contents),
    ])
}

#[test]
fn non_utf8_is_refused_with_the_offset() {
    let dir = bad_tree("latin1.cable", b"UNCLAS OSLO 000001\n\nSUBJECT: CAF\xC9\n");
    let r = check_with_good(dir.path(), &["latin1.cable"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(
        r.stderr.trim(),
        "error: latin1.cable: not valid UTF-8 (first invalid byte at offset 32)"
    );
    let v = r.json();
    let bad = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "latin1.cable")
        .unwrap();
    assert_eq!(
        bad["error"],
        "not valid UTF-8 (first invalid byte at offset 32)"
    );
    assert!(bad.get("diagnostics").is_none());
    assert_good_still_checked(&r);
}

#[test]
fn binary_files_are_refused() {
    let dir = bad_tree("image.cable", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let r = check_with_good(dir.path(), &["image.cable"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "error: image.cable: binary file, not a cable\n");
    assert_good_still_checked(&r);
}

/// A cable in UTF-16 with its byte-order mark, as Windows Notepad saves "Unicode" (little-endian)
/// and "Unicode big endian": `check`, `fmt` and `inspect` name the encoding and say what to do,
/// as they refuse a Latin-1 file (not valid UTF-8) rather than guess.
#[test]
fn utf16_files_are_refused_with_what_to_do() {
    let text = fixture_text("oslo-markup.cable");
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    let dir = bad_tree("utf16le.cable", &le);
    std::fs::write(dir.path().join("utf16be.cable"), &be).unwrap();
    let r = check_with_good(dir.path(), &["utf16le.cable", "utf16be.cable"]);
    assert_eq!(r.code, 2, "{r:?}");
    for name in ["utf16le.cable", "utf16be.cable"] {
        assert_contains(
            &r.stderr,
            &format!("error: {name}: UTF-16 text; save it as UTF-8\n"),
        );
    }
    assert_good_still_checked(&r);
    for args in [
        &["fmt", "--check", "utf16le.cable"][..],
        &["fmt", "utf16be.cable"][..],
        &["inspect", "utf16le.cable"][..],
    ] {
        let r = run_in(dir.path(), args, None);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert_contains(&r.stderr, "UTF-16 text; save it as UTF-8");
    }
    // Nothing was written over the file.
    assert_eq!(std::fs::read(dir.path().join("utf16be.cable")).unwrap(), be);
    // On standard input too.
    let r = run_in(
        dir.path(),
        &["check", "-", "--stdin-filename", "x.cable"],
        Some(&le),
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "UTF-16 text; save it as UTF-8");
}

#[test]
fn a_missing_path_is_reported_and_the_rest_checked() {
    let dir = bad_tree("unused.cable", b"");
    let r = check_with_good(dir.path(), &["nope.cable", "missing-dir"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "error: nope.cable: no such file or directory");
    assert_contains(&r.stderr, "error: missing-dir: no such file or directory");
    assert_good_still_checked(&r);
    // In the human format the error is on standard error and the report on standard output.
    let r = run_in(dir.path(), &["check", "nope.cable", "good.cable"], None);
    assert_eq!(r.code, 2);
    assert_contains(&r.stdout, "could not be checked");
    assert!(!r.stdout.contains("no such file"), "{}", r.stdout);
}

#[test]
fn an_unreadable_directory_or_file_is_reported() {
    let dir = bad_tree("locked/x.cable", b"UNCLAS OSLO 000001\n");
    std::fs::write(dir.path().join("secret.cable"), "UNCLAS").unwrap();
    let locked = dir.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(
        dir.path().join("secret.cable"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let readable = std::fs::read_dir(&locked).is_ok();
    let r = check_with_good(dir.path(), &["locked", "secret.cable"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        eprintln!("skipped: running as a user (root) whom permissions do not stop");
        return;
    }
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "error: locked: permission denied");
    assert_contains(&r.stderr, "error: secret.cable: permission denied");
    assert_good_still_checked(&r);
}

#[test]
fn an_empty_file_is_checked_like_any_other() {
    let dir = bad_tree("empty.cable", b"");
    let r = check_with_good(dir.path(), &["empty.cable"]);
    assert_ne!(r.code, 2, "{r:?}");
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let _ = r.codes_for("empty.cable");
    assert_good_still_checked(&r);
    for format in ["full", "concise", "github", "sarif", "junit"] {
        let r = run_in(
            dir.path(),
            &["check", "empty.cable", "--output-format", format],
            None,
        );
        assert_ne!(r.code, 2, "{format}: {r:?}");
    }
}

#[test]
fn a_bom_is_not_part_of_the_text() {
    let markup = fixture_text("oslo-markup.cable");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(markup.as_bytes());
    let dir = tree(&[("bom.cable", &bytes), ("plain.cable", markup.as_bytes())]);
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    let v = r.json();
    let files = v["files"].as_array().unwrap();
    assert_eq!(
        files[0]["diagnostics"], files[1]["diagnostics"],
        "{}",
        r.stdout
    );
    assert!(r.codes_for("bom.cable").contains(&"CBL302".to_string()));
}

#[test]
fn a_50_mb_file_is_checked() {
    // A header and banner, then paragraphs with non-ASCII text up to 50 MB, and the TAGS markup so
    // that there is something to report.
    let markup = fixture_text("oslo-markup.cable");
    let mut text = String::with_capacity(52 << 20);
    text.push_str(&markup);
    let mut n = 3;
    while text.len() < 50 << 20 {
        text.push_str(&format!(
            "\n{n}. (U) Invented paragraph about the ferry to Ålesund, which leaves at 0800 and\nreturns at 1900 on weekdays; the timetable is unchanged since last year.\n"
        ));
        n += 1;
    }
    text.push_str("\nEXAMPLE\n");
    let dir = tree(&[("big.cable", text.as_bytes())]);
    drop(text);
    for format in ["full", "json"] {
        let r = run_in(
            dir.path(),
            &["check", "big.cable", "--output-format", format],
            None,
        );
        assert_ne!(r.code, 2, "{format}: {}", r.stderr);
        assert!(
            r.stdout.contains("CBL302"),
            "{format}: no CBL302 in {} bytes of output",
            r.stdout.len()
        );
    }
}

/// Runs `check` on one special file beside a good one, with a time limit: reading a device or a
/// FIFO must neither hang nor fill memory.
fn check_special(dir: &std::path::Path, name: &str) -> Run {
    let (tx, rx) = std::sync::mpsc::channel();
    let dir = dir.to_path_buf();
    let name = name.to_string();
    std::thread::spawn(move || {
        let _ = tx.send(check_with_good(&dir, &[&name]));
    });
    rx.recv_timeout(std::time::Duration::from_secs(20))
        .expect("cablelint returned (it did not hang on the special file)")
}

#[test]
fn devices_fifos_and_sockets_get_a_one_line_error() {
    let dir = tree(&[("good.cable", fixture_text("oslo-markup.cable").as_bytes())]);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.cable")).unwrap();
    let fifo = dir.path().join("fifo.cable");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo makes a FIFO");
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("socket.cable")).unwrap();
    for (name, kind) in [
        ("zero.cable", "a character device"),
        ("fifo.cable", "a FIFO"),
        ("socket.cable", "a socket"),
    ] {
        let r = check_special(dir.path(), name);
        assert_eq!(r.code, 2, "{r:?}");
        assert_eq!(
            r.stderr.trim(),
            format!(
                "error: {name}: not a regular file ({kind}); cablelint reads only regular files"
            )
        );
        assert_good_still_checked(&r);
    }
}

/// A device, FIFO or socket with a cable's name met in a directory walk gets the same one-line
/// error as when it is named (exit 2), in `check`, `fmt --check` and `inspect`, rather than being
/// passed over unseen; a special file with another name is no cable the walk looks for.
#[test]
fn special_files_met_in_a_walk_are_reported() {
    let dir = tree(&[(
        "drafts/good.cable",
        fixture_text("oslo-markup.cable").as_bytes(),
    )]);
    let drafts = dir.path().join("drafts");
    for name in ["fifo.cable", "notes.fifo"] {
        let made = std::process::Command::new("mkfifo")
            .arg(drafts.join(name))
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "mkfifo makes a FIFO");
    }
    let _socket = std::os::unix::net::UnixListener::bind(drafts.join("socket.cable")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", drafts.join("zero.cable")).unwrap();
    for args in [
        &["check", "--output-format", "concise", "drafts"][..],
        &["fmt", "--check", "drafts"],
        &["inspect", "drafts"],
    ] {
        let (tx, rx) = std::sync::mpsc::channel();
        let (path, owned): (std::path::PathBuf, Vec<String>) = (
            dir.path().to_path_buf(),
            args.iter().map(|a| a.to_string()).collect(),
        );
        std::thread::spawn(move || {
            let args: Vec<&str> = owned.iter().map(String::as_str).collect();
            let _ = tx.send(run_in(&path, &args, None));
        });
        let r = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("cablelint returned (it did not hang on a special file)");
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        let only = "cablelint reads only regular files";
        assert_eq!(
            r.stderr,
            format!(
                "error: drafts/fifo.cable: not a regular file (a FIFO); {only}\n\
                 error: drafts/socket.cable: not a regular file (a socket); {only}\n\
                 error: drafts/zero.cable: not a regular file (a character device); {only}\n"
            ),
            "{args:?}"
        );
        // The good file is still read: `check` and `inspect` name it, `fmt --check` counts it.
        let counted = if args[0] == "fmt" {
            "1 file already formatted, 3 files could not be formatted"
        } else {
            "drafts/good.cable"
        };
        assert_contains(&r.stdout, counted);
    }
}

#[test]
fn broken_links_and_link_loops_met_in_a_walk_are_reported() {
    // Named or met in a directory walk, a link that leads nowhere gets a one-line error naming it
    // and the run exits 2, as an unreadable file does; the other files are still checked.
    let dir = tree(&[(
        "drafts/good.cable",
        fixture_text("oslo-markup.cable").as_bytes(),
    )]);
    let drafts = dir.path().join("drafts");
    std::os::unix::fs::symlink("nowhere.cable", drafts.join("broken.cable")).unwrap();
    std::os::unix::fs::symlink("self.cable", drafts.join("self.cable")).unwrap();
    // A broken link without a cable's extension is not a cable the walk looks for.
    std::os::unix::fs::symlink("nowhere", drafts.join("notes")).unwrap();
    for args in [
        &["check", "--output-format", "concise", "drafts"][..],
        &[
            "check",
            "--output-format",
            "concise",
            "drafts/good.cable",
            "drafts/broken.cable",
            "drafts/self.cable",
        ],
    ] {
        let r = run_in(dir.path(), args, None);
        assert_eq!(r.code, 2, "{r:?}");
        assert_eq!(
            r.stderr,
            "error: drafts/broken.cable: broken symbolic link to `nowhere.cable`\n\
             error: drafts/self.cable: symbolic link loop\n",
            "{args:?}"
        );
        assert_contains(&r.stdout, "drafts/good.cable:");
        assert_contains(&r.stdout, "2 files could not be checked.");
    }
    // `fmt` and `inspect` walk the same way.
    let r = run_in(dir.path(), &["fmt", "--check", "drafts"], None);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(
        &r.stderr,
        "error: drafts/broken.cable: broken symbolic link to `nowhere.cable`",
    );
    let r = run_in(dir.path(), &["inspect", "drafts"], None);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "error: drafts/self.cable: symbolic link loop");
}

/// A file that cannot be read is reported as ruff reports E902, and `--exit-zero` lets it pass:
/// the report step of docs/ci.md (`--exit-zero --output-format sarif --output-file`) exits 0 with
/// a Latin-1 file among the cables, the file named in the SARIF file and on standard error.
/// Without `--exit-zero` the run exits 2; a bad configuration exits 2 with `--exit-zero` too.
#[test]
fn exit_zero_passes_files_that_cannot_be_read_but_reports_them() {
    let dir = bad_tree("latin1.cable", b"UNCLAS OSLO 000001\n\nSUBJECT: CAF\xC9\n");
    let sarif_args = [
        "check",
        ".",
        "--exit-zero",
        "--output-format",
        "sarif",
        "--output-file",
        "x.sarif",
    ];
    let r = run_in(dir.path(), &sarif_args, None);
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(
        &r.stderr,
        "error: latin1.cable: not valid UTF-8 (first invalid byte at offset 32)",
    );
    let sarif = std::fs::read_to_string(dir.path().join("x.sarif")).unwrap();
    assert_contains(
        &sarif,
        "latin1.cable: not valid UTF-8 (first invalid byte at offset 32)",
    );
    assert_contains(&sarif, "CBL302");
    // A missing path and `--diff` alike.
    for args in [
        &["check", "good.cable", "nope.cable", "--exit-zero"][..],
        &["check", ".", "--diff", "--exit-zero"][..],
    ] {
        let r = run_in(dir.path(), args, None);
        assert_eq!(r.code, 0, "{args:?}: {r:?}");
        assert_contains(&r.stderr, "error: ");
    }
    // Without `--exit-zero`: 2.
    let without: Vec<&str> = sarif_args
        .iter()
        .copied()
        .filter(|a| *a != "--exit-zero")
        .collect();
    let r = run_in(dir.path(), &without, None);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("latin1.cable"), "{r:?}");
    // A bad configuration still exits 2 with `--exit-zero`.
    std::fs::write(dir.path().join("cablelint.toml"), "[severity\n").unwrap();
    let r = run_in(dir.path(), &sarif_args, None);
    assert_eq!(r.code, 2, "{r:?}");
}
