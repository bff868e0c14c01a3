//! `cablelint.toml` as the checker uses it: discovery by walking up, `--config`, `--isolated`,
//! per-file ignores, severities, `require-header`, and clear errors for a bad file.

mod cli_support;

use cli_support::*;

fn markup() -> String {
    fixture_text("oslo-markup.cable")
}

fn has_302(r: &Run, file: &str) -> bool {
    r.codes_for(file).iter().any(|c| c == "CBL302")
}

#[test]
fn the_nearest_configuration_above_a_file_applies() {
    let m = markup();
    let dir = tree(&[
        ("project/cablelint.toml", b"ignore = [\"CBL302\"]\n"),
        ("project/posts/oslo/a.cable", m.as_bytes()),
        (
            "project/posts/rome/cablelint.toml",
            b"select = [\"CBL3\"]\n",
        ),
        ("project/posts/rome/b.cable", m.as_bytes()),
        ("elsewhere/c.cable", m.as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    assert!(!has_302(&r, "oslo/a.cable"), "{}", r.stdout);
    // The nearer file replaces the farther one (they are not merged).
    assert!(has_302(&r, "rome/b.cable"), "{}", r.stdout);
    assert!(r
        .codes_for("rome/b.cable")
        .iter()
        .all(|c| c.starts_with("CBL3")));
    assert!(has_302(&r, "elsewhere/c.cable"), "{}", r.stdout);

    // Run from inside a subdirectory: the walk goes up from the file, not from the cwd.
    let r = run_in(
        &dir.path().join("project/posts"),
        &["check", "oslo/a.cable", "--output-format", "json"],
        None,
    );
    assert!(!has_302(&r, "oslo/a.cable"), "{}", r.stdout);

    // `--isolated` ignores every configuration file.
    let r = run_in(
        dir.path(),
        &["check", "--isolated", "--output-format", "json"],
        None,
    );
    assert!(has_302(&r, "oslo/a.cable"), "{}", r.stdout);
}

#[test]
fn an_explicit_configuration_applies_to_every_file() {
    let m = markup();
    let dir = tree(&[
        ("strict.toml", b"ignore = [\"tags-markup\"]\n"),
        ("a/cablelint.toml", b"select = [\"CBL302\"]\n"),
        ("a/x.cable", m.as_bytes()),
        ("y.cable", m.as_bytes()),
    ]);
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--config",
            "strict.toml",
            "--output-format",
            "json",
        ],
        None,
    );
    assert!(
        !has_302(&r, "a/x.cable") && !has_302(&r, "y.cable"),
        "{}",
        r.stdout
    );
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    assert!(has_302(&r, "a/x.cable"), "{}", r.stdout);
    // Command-line flags apply on top of the file.
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--config",
            "strict.toml",
            "--extend-select",
            "CBL302",
            "--output-format",
            "json",
        ],
        None,
    );
    assert!(has_302(&r, "y.cable"), "{}", r.stdout);
}

#[test]
fn per_file_ignores_are_relative_to_the_configuration() {
    let m = markup();
    let dir = tree(&[
        (
            "cablelint.toml",
            b"[per-file-ignores]\n\"drafts/*.cable\" = [\"CBL3\"]\n\"*.tel\" = [\"tags-markup\"]\n",
        ),
        ("drafts/x.cable", m.as_bytes()),
        ("final/y.cable", m.as_bytes()),
        ("final/z.tel", m.as_bytes()),
    ]);
    let r = run_in(
        &dir.path().join("final"),
        &["check", "..", "--output-format", "json"],
        None,
    );
    assert!(!has_302(&r, "drafts/x.cable"), "{}", r.stdout);
    assert!(has_302(&r, "final/y.cable"), "{}", r.stdout);
    assert!(!has_302(&r, "final/z.tel"), "{}", r.stdout);
}

#[test]
fn severities_can_be_changed() {
    let dir = tree(&[
        ("cablelint.toml", b"[severity]\nCBL302 = \"info\"\n"),
        ("x.cable", markup().as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    let v = r.json();
    let d = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "CBL302")
        .cloned()
        .unwrap_or_else(|| panic!("no CBL302: {}", r.stdout));
    assert_eq!(d["severity"], "info");
}

#[test]
fn require_header_reports_a_cable_without_one() {
    // The same cable, starting at its banner (as drafts do).
    let clean = fixture_text("oslo-clean.cable");
    let body = &clean[clean.find("C O N F").unwrap()..];
    let dir = tree(&[
        ("strict/cablelint.toml", b"require-header = true\n"),
        ("strict/draft.cable", body.as_bytes()),
        ("lax/draft.cable", body.as_bytes()),
        ("strict/full.cable", clean.as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    assert!(
        r.codes_for("strict/draft.cable")
            .contains(&"CBL124".to_string()),
        "{}",
        r.stdout
    );
    assert!(!r
        .codes_for("lax/draft.cable")
        .contains(&"CBL124".to_string()));
    assert!(!r
        .codes_for("strict/full.cable")
        .contains(&"CBL124".to_string()));
}

#[test]
fn an_invalid_configuration_names_file_line_and_key() {
    let dir = tree(&[
        (
            "cablelint.toml",
            b"select = [\"CBL2\"]\nselct = [\"CBL3\"]\n",
        ),
        ("x.cable", markup().as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check"], None);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let want = "cablelint.toml:2:1: key `selct`: unknown key `selct`";
    assert_contains(&r.stderr, want);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);

    let dir = tree(&[
        ("cablelint.toml", b"[severity]\nCBL302 = \"loud\"\n"),
        ("x.cable", markup().as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check"], None);
    assert_eq!(r.code, 2);
    assert_contains(
        &r.stderr,
        "cablelint.toml:2:10: key `severity.CBL302`: `loud` is not a severity",
    );

    let dir = tree(&[
        (
            "cablelint.toml",
            b"ignore = [\n  \"CBL3\",\n  \"CBL9\",\n]\n",
        ),
        ("x.cable", markup().as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check"], None);
    assert_eq!(r.code, 2);
    assert_contains(&r.stderr, "cablelint.toml:3:3: key `ignore`: `CBL9`");

    let dir = tree(&[("x.cable", markup().as_bytes())]);
    let r = run_in(dir.path(), &["check", "--config", "missing.toml"], None);
    assert_eq!(r.code, 2);
    assert_contains(&r.stderr, "missing.toml: no such file or directory");

    let dir = tree(&[
        ("cablelint.toml", b"[data]\ntags = [\"extra-tags.tsv\"]\n"),
        ("x.cable", markup().as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check"], None);
    assert_eq!(r.code, 2);
    assert_contains(
        &r.stderr,
        "cablelint.toml:2:9: key `data.tags`: `extra-tags.tsv` is not a file",
    );
}

#[test]
fn data_files_extend_the_reference_tables() {
    let cable =
        fixture_text("oslo-clean.cable").replace("TAGS: PREL PGOV NO", "TAGS: PREL ZZFERRY NO");
    let unknown = |r: &Run| {
        r.json()["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "CBL305" && d["message"].as_str().unwrap().contains("ZZFERRY"))
    };
    let dir = tree(&[
        (
            "with/cablelint.toml",
            b"[data]\ntags = [\"../extra-tags.tsv\"]\n",
        ),
        (
            "extra-tags.tsv",
            b"code\tkind\ttitle\nZZFERRY\tsubject\tFerry Affairs\n",
        ),
        ("with/x.cable", cable.as_bytes()),
        ("without/x.cable", cable.as_bytes()),
    ]);
    let r = run_in(
        dir.path(),
        &["check", "without", "--output-format", "json"],
        None,
    );
    assert!(
        unknown(&r),
        "the control case should report ZZFERRY: {}",
        r.stdout
    );
    let r = run_in(
        dir.path(),
        &["check", "with", "--output-format", "json"],
        None,
    );
    assert!(!unknown(&r), "{}", r.stdout);
    // `cablelint data` sees the same tables from inside the directory.
    let r = run_in(&dir.path().join("with"), &["data", "tags", "ZZFERRY"], None);
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(&r.stdout, "Ferry Affairs");
    let r = run_in(
        &dir.path().join("with"),
        &["data", "tags", "ZZFERRY", "--isolated"],
        None,
    );
    assert!(!r.stdout.contains("Ferry Affairs"), "{}", r.stdout);

    // A malformed data file is an error naming it and its line.
    std::fs::write(
        dir.path().join("extra-tags.tsv"),
        "ZZFERRY\tsubject\tFerry\nZZBAD\tweather\tRain\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "with"], None);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_contains(&r.stderr, "extra-tags.tsv:2: unknown kind `weather`");
}

#[test]
fn the_drafting_date_comes_from_the_configuration_or_the_command_line() {
    // A draft without a date-time group whose DECL date is 2030-06-01.
    let draft = "C O N F I D E N T I A L OSLO 000120\n\nE.O. 13526: DECL: 06/01/2030\nTAGS: PREL NO\nSUBJECT: NORWAY: FERRY TALKS\n\nClassified By: Ambassador Ann Lund, reasons 1.4 (b) and (d).\n\n1. (C) The ministry will open the ferry talks in May.\n\n2. (C) A second round follows in June.\n\nLUND\n";
    let dir = tree(&[
        ("later/cablelint.toml", b"date = \"2031-01-15\"\n"),
        ("later/draft.cable", draft.as_bytes()),
        ("now/draft.cable", draft.as_bytes()),
    ]);
    let r = run_in(
        dir.path(),
        &["check", "--output-format", "json", "--date", "2020-06-01"],
        None,
    );
    // `--date` is over the configuration's date: on 2020-06-01 the DECL date is ahead.
    assert!(
        !r.codes_for("later/draft.cable")
            .contains(&"CBL219".to_string()),
        "{}",
        r.stdout
    );
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    // On the configuration's 2031-01-15 it has passed.
    assert!(
        r.codes_for("later/draft.cable")
            .contains(&"CBL219".to_string()),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("the drafting date 2031-01-15"),
        "{}",
        r.stdout
    );
    // A bad date is a configuration error naming the key.
    let dir = tree(&[
        ("cablelint.toml", b"date = \"2031-02-30\"\n"),
        ("draft.cable", draft.as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("date"), "{}", r.stderr);
    let r = run_in(
        dir.path(),
        &["check", "--isolated", "--date", "2031-13-01"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// `line-width` is 0 (leave line breaks alone) or 40 to 10000, in `cablelint.toml` and on
/// `fmt`'s command line: a width of 5 is a slip (before, `fmt` took it and wrote `TAGS: PREL`
/// and `SUBJECT:` alone on their lines), reported with the file, line, key and accepted range.
#[test]
fn a_line_width_below_forty_is_an_error_naming_the_range() {
    let cable = fixture_text("oslo-clean.cable");
    let dir = tree(&[
        ("cablelint.toml", b"[format]\nline-width = 5\n"),
        ("x.cable", cable.as_bytes()),
    ]);
    for command in ["fmt", "check"] {
        let r = run_in(dir.path(), &[command, "x.cable"], None);
        assert_eq!(r.code, 2, "{command}: {r:?}");
        assert_contains(
            &r.stderr,
            "cablelint.toml:2:14: key `format.line-width`: `5` is not a width (expected 0 or 40 \
             to 10000)",
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.cable")).unwrap(),
        cable
    );
    let dir = tree(&[("x.cable", cable.as_bytes())]);
    let r = run_in(dir.path(), &["fmt", "--line-width", "5", "x.cable"], None);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(&r.stderr, "`5` is not a width (expected 0 or 40 to 10000)");
    // The bounds themselves are widths.
    for width in ["0", "40", "10000"] {
        let r = run_in(
            dir.path(),
            &["fmt", "--check", "--line-width", width, "x.cable"],
            None,
        );
        assert_ne!(r.code, 2, "{width}: {r:?}");
    }
}

/// A directory named `cablelint.toml` above a file is reported, not passed over in silence.
#[test]
fn a_directory_named_like_the_configuration_is_an_error() {
    let dir = tree(&[
        ("cablelint.toml", b"ignore = [\"CBL302\"]\n"),
        ("posts/cablelint.toml/README", b"not a configuration\n"),
        ("posts/x.cable", markup().as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check", "posts/x.cable"], None);
    assert_eq!(r.code, 2, "{r:?}");
    assert_contains(
        &r.stderr,
        "cablelint.toml: is a directory, not a configuration file",
    );
}

/// A `cablelint.toml` that is a symbolic link leading nowhere is reported, as a directory of that
/// name is, not passed over for the file farther up; `check` and `fmt` both stop at it.
#[cfg(unix)]
#[test]
fn a_broken_link_named_like_the_configuration_is_an_error() {
    let dir = tree(&[
        ("cablelint.toml", b"ignore = [\"CBL302\"]\n"),
        ("posts/x.cable", markup().as_bytes()),
    ]);
    std::os::unix::fs::symlink("moved.toml", dir.path().join("posts/cablelint.toml")).unwrap();
    for args in [
        &["check", "posts/x.cable"][..],
        &["fmt", "--check", "posts/x.cable"],
    ] {
        let r = run_in(dir.path(), args, None);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert_contains(
            &r.stderr,
            "posts/cablelint.toml: broken symbolic link to `moved.toml`",
        );
    }
}

/// `extend` inherits another file's settings: the extending file's own keys win, its
/// `extend-select` and `ignore` add to and take from the inherited selection, tables merge key by
/// key, and `--show-settings` names the files extended.
#[test]
fn a_configuration_extends_another_and_its_own_settings_win() {
    let m = markup();
    let dir = tree(&[
        (
            "shared/base.toml",
            b"ignore = [\"CBL302\"]\n[severity]\nline-too-long = \"warning\"\nunknown-tag = \"error\"\n",
        ),
        (
            "posts/oslo/cablelint.toml",
            b"extend = \"../../shared/base.toml\"\nextend-select = [\"line-too-long\"]\nignore = [\"CBL313\"]\n[severity]\nline-too-long = \"info\"\n",
        ),
        ("posts/oslo/a.cable", m.as_bytes()),
    ]);
    let r = run_in(dir.path(), &["check", "--output-format", "json"], None);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(!has_302(&r, "oslo/a.cable"), "{}", r.stdout);

    let r = run_in(
        dir.path(),
        &["check", "posts/oslo/a.cable", "--show-settings"],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
    let root = std::fs::canonicalize(dir.path()).unwrap();
    assert_contains(
        &r.stdout,
        &format!(
            "configuration: {}\n  extends {}\n",
            root.join("posts/oslo/cablelint.toml").display(),
            root.join("shared/base.toml").display()
        ),
    );
    let rule = |code: &str| {
        r.stdout
            .lines()
            .find(|l| l.starts_with(&format!("  {code} ")))
            .map(|l| l.split_whitespace().skip(2).collect::<Vec<_>>().join(" "))
    };
    // Inherited: the ignore and the severity the extending file does not set.
    assert_eq!(rule("CBL302"), None, "{}", r.stdout);
    assert_eq!(rule("CBL305").as_deref(), Some("error (configured)"));
    // Its own: the ignore added and the severity of the same key.
    assert_eq!(rule("CBL313"), None, "{}", r.stdout);
    assert_eq!(rule("CBL501").as_deref(), Some("info (configured)"));
}

/// The `[format]` table merges key by key: the base's `tags-separator` stays when the extending
/// file sets only `line-width`, for `fmt` as for `check`.
#[test]
fn fmt_takes_the_format_options_a_configuration_inherits() {
    let clean = fixture_text("oslo-clean.cable");
    let dir = tree(&[
        (
            "base.toml",
            b"[format]\ntags-separator = \"comma\"\nline-width = 50\n",
        ),
        (
            "drafts/cablelint.toml",
            b"extend = \"../base.toml\"\n[format]\nline-width = 69\n",
        ),
        ("drafts/x.cable", clean.as_bytes()),
    ]);
    let r = run_in(
        dir.path(),
        &["fmt", "-", "--stdin-filename", "drafts/x.cable"],
        Some(clean.as_bytes()),
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_contains(&r.stdout, "\nTAGS: PREL, PGOV, NO\n");
    // The width is the extending file's: no line of the 69-column text is broken at 50.
    assert!(
        r.stdout.lines().any(|l| l.chars().count() > 50),
        "{}",
        r.stdout
    );
}

/// A file `extend` names that cannot be read, a chain that comes back to a file already in it, and
/// an error inside an extended file are errors (exit 2) naming the files, never a hang. The place
/// of the error is shown from the current directory, the chain of files as absolute paths.
#[test]
fn bad_extends_are_errors_naming_the_files() {
    let m = markup();
    let dir = tree(&[
        (
            "missing/cablelint.toml",
            b"# Inherit.\nextend = \"../nowhere.toml\"\n",
        ),
        ("missing/x.cable", m.as_bytes()),
        (
            "cycle/a/cablelint.toml",
            b"extend = \"../b/cablelint.toml\"\n",
        ),
        (
            "cycle/b/cablelint.toml",
            b"ignore = []\nextend = \"../a/cablelint.toml\"\n",
        ),
        ("cycle/a/x.cable", m.as_bytes()),
        ("itself/cablelint.toml", b"extend = \"./cablelint.toml\"\n"),
        ("itself/x.cable", m.as_bytes()),
        ("bad/base.toml", b"\nignore = [\"CBL999\"]\n"),
        ("bad/post/cablelint.toml", b"extend = \"../base.toml\"\n"),
        ("bad/post/x.cable", m.as_bytes()),
    ]);
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let at = |p: &str| root.join(p).display().to_string();
    let cases = [
        (
            "missing/x.cable",
            format!(
                "error: missing/cablelint.toml:2:10: key `extend`: cannot read `../nowhere.toml` ({}): no such file or directory",
                at("nowhere.toml")
            ),
        ),
        (
            "cycle/a/x.cable",
            format!(
                "error: cycle/b/cablelint.toml:2:10: key `extend`: `../a/cablelint.toml` closes a cycle: `{a}` extends `{b}` extends `{a}`",
                a = at("cycle/a/cablelint.toml"),
                b = at("cycle/b/cablelint.toml"),
            ),
        ),
        (
            "itself/x.cable",
            format!(
                "error: itself/cablelint.toml:1:10: key `extend`: `./cablelint.toml` closes a cycle: `{a}` extends `{a}`",
                a = at("itself/cablelint.toml"),
            ),
        ),
        (
            "bad/post/x.cable",
            format!(
                "error: bad/base.toml:2:11: key `ignore`: `CBL999` is not a rule code, code prefix or rule name (see `cablelint rules`) (read because `{}` extends `{}`)",
                at("bad/post/cablelint.toml"),
                at("bad/base.toml"),
            ),
        ),
    ];
    for (file, expected) in cases {
        for command in ["check", "fmt"] {
            let r = run_in(dir.path(), &[command, file], None);
            assert_eq!(r.code, 2, "{command} {file}: {r:?}");
            assert_contains(&r.stderr, &expected);
        }
    }
}

/// `extend` expands a leading `~` (the home directory) and environment variables (`$VAR`,
/// `${VAR}`), as ruff's does; a variable that is not set is an error (exit 2) naming it and the
/// file, for `check` and `fmt` alike.
#[test]
fn extend_expands_the_home_directory_and_environment_variables() {
    let m = markup();
    let dir = tree(&[
        ("home/base.toml", b"ignore = [\"CBL302\"]\n"),
        ("shared/base.toml", b"ignore = [\"CBL302\"]\n"),
        ("tilde/cablelint.toml", b"extend = \"~/base.toml\"\n"),
        ("tilde/x.cable", m.as_bytes()),
        (
            "var/cablelint.toml",
            b"extend = \"${CABLELINT_SHARED}/base.toml\"\n",
        ),
        ("var/x.cable", m.as_bytes()),
        (
            "unset/cablelint.toml",
            b"# The base.\nextend = \"$CABLELINT_NEVER_SET/base.toml\"\n",
        ),
        ("unset/x.cable", m.as_bytes()),
    ]);
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let (home, shared) = (root.join("home"), root.join("shared"));
    let vars = [
        ("HOME", home.to_str().unwrap()),
        ("CABLELINT_SHARED", shared.to_str().unwrap()),
    ];
    for (file, base) in [("tilde/x.cable", &home), ("var/x.cable", &shared)] {
        let r = run_with_env(
            dir.path(),
            &["check", "--output-format", "json", file],
            None,
            &vars,
        );
        assert!(!has_302(&r, file), "{file}: {r:?}");
        let r = run_with_env(dir.path(), &["check", "--show-settings", file], None, &vars);
        assert_contains(
            &r.stdout,
            &format!("  extends {}", base.join("base.toml").display()),
        );
    }
    for command in ["check", "fmt"] {
        let r = run_with_env(dir.path(), &[command, "unset/x.cable"], None, &vars);
        assert_eq!(r.code, 2, "{command}: {r:?}");
        assert_contains(
            &r.stderr,
            "error: unset/cablelint.toml:2:10: key `extend`: `$CABLELINT_NEVER_SET/base.toml` \
             names the environment variable `CABLELINT_NEVER_SET`, which is not set",
        );
    }
}
