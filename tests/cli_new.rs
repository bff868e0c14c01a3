//! `cablelint new` and the skeleton it prints: a fresh skeleton is reported for its placeholders
//! and nothing else, over a grid of options; `-o` writes a new file and refuses to replace one;
//! the serial continues those of the folder; `[draft]` gives the defaults; unknown posts get near
//! matches.

mod cli_support;

use cablelint::data::Tables;
use cablelint::formatter::FormatOptions;
use cablelint::rules::Settings;
use cablelint::vocab::{Date, Level, Precedence};
use cablelint::workspace::draft::{skeleton, DraftOptions, DraftTime, FolderState};
use cli_support::run_in;

fn at(y: i32, m: u32, d: u32, hour: u32, minute: u32) -> DraftTime {
    DraftTime {
        date: Date::new(y, m, d).expect("a real date"),
        hour,
        minute,
    }
}

/// The findings of a fresh skeleton are its placeholders, one each, and nothing else, for every
/// classification, precedence, with and without INFO addressees, with several sets of captions,
/// on dates at year ends, leap days, the E.O. changes of 2003 and 2010, and the last two-digit year;
/// each is already in the canonical layout.
#[test]
fn a_fresh_skeleton_reports_only_its_placeholders_over_a_grid_of_options() {
    let tables = Tables::builtin();
    let settings = Settings::default();
    let dates = [
        at(1995, 10, 14, 0, 0),
        at(1999, 12, 31, 23, 59),
        at(2000, 1, 1, 0, 1),
        at(2000, 2, 29, 12, 0),
        at(2003, 3, 24, 8, 14),
        at(2003, 3, 25, 8, 14),
        at(2008, 12, 31, 23, 30),
        at(2010, 6, 26, 10, 0),
        at(2010, 6, 27, 10, 0),
        at(2024, 2, 29, 6, 5),
        at(2026, 12, 31, 23, 59),
        at(2028, 2, 29, 0, 0),
        at(2059, 12, 31, 23, 59),
    ];
    let captions: [&[&str]; 5] = [
        &[],
        &["SIPDIS"],
        &["SIPDIS", "NOFORN"],
        &["EXDIS"],
        &["STADIS", "NODIS"],
    ];
    let mut checked = 0;
    for level in Level::ALL {
        for precedence in Precedence::ALL {
            for with_info in [false, true] {
                for caps in captions {
                    for time in dates {
                        let mut o = DraftOptions::new(time);
                        o.from = Some("AMEMBASSY OSLO".into());
                        o.to = vec![
                            "SECSTATE WASHDC".into(),
                            "RUEHCP/AMEMBASSY COPENHAGEN".into(),
                        ];
                        if with_info {
                            o.info = vec!["USNATO".into(), "STOCKHOLM".into()];
                        }
                        o.level = level;
                        o.precedence = precedence;
                        o.captions = caps.iter().map(|c| c.to_string()).collect();
                        let s = skeleton(&o, tables, &FolderState::default()).unwrap_or_else(|e| {
                            panic!("{level:?} {precedence:?} {caps:?} {time:?}: {e}")
                        });
                        let found = cablelint::check(&s.text, &settings, tables);
                        let got: Vec<(String, usize, usize)> = found
                            .iter()
                            .map(|d| (d.rule.code().to_string(), d.range.start(), d.range.end()))
                            .collect();
                        let want: Vec<(String, usize, usize)> = s
                            .placeholders
                            .iter()
                            .map(|p| ("CBL410".to_string(), p.start(), p.end()))
                            .collect();
                        assert_eq!(
                            got, want,
                            "{level:?} {precedence:?} info={with_info} {caps:?} {time:?}:\n{}",
                            s.text
                        );
                        // Already in the canonical layout (`fmt` leaves it as it is).
                        let layout = FormatOptions {
                            drafting_date: Some(time.date),
                            ..FormatOptions::default()
                        };
                        assert_eq!(
                            cablelint::formatter::format(&s.text, &layout).as_ref(),
                            Ok(&s.text),
                            "{level:?} {precedence:?} info={with_info} {caps:?} {time:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 5 * 5 * 2 * 5 * 13);
}

/// With the subject, the TAGS and the text written in, a skeleton checks clean with every rule on.
#[test]
fn a_skeleton_with_its_placeholders_written_is_clean() {
    let tables = Tables::builtin();
    let mut o = DraftOptions::new(at(2009, 5, 17, 8, 14));
    o.from = Some("TOKYO".into());
    o.to = vec!["SECSTATE WASHDC".into()];
    o.info = vec!["SEOUL".into()];
    o.level = Level::Confidential;
    o.precedence = Precedence::Immediate;
    o.captions = vec!["SIPDIS".into()];
    o.tags = vec!["PREL".into(), "JA".into()];
    o.subject = Some("JAPAN: MINISTERS MEET".into());
    let s = skeleton(&o, tables, &FolderState::default()).unwrap();
    assert!(
        s.text.contains("\nE.O. 12958: DECL: 05/17/2019\n"),
        "{}",
        s.text
    );
    assert!(s.text.contains("\nDE RUEHKO #0001 1370814\n"), "{}", s.text);
    assert!(s.text.contains("\nO 170814Z MAY 09\n"), "{}", s.text);
    let text = s
        .text
        .replace("[[NAME, TITLE]]", "Ambassador Jane Q. Example")
        .replace("[[(b) and (d)]]", "(b) and (d)")
        .replace("[[TEXT OF PARAGRAPH 1]]", "The ministers met on May 16.")
        .replace("[[TEXT OF PARAGRAPH 2]]", "They will meet again in June.")
        .replace("[[SIGNATURE]]", "EXAMPLE");
    let found = cablelint::check(&text, &Settings::default(), tables);
    assert!(found.is_empty(), "{found:#?}\n{text}");
}

/// The snippet selects the first placeholder (`${1:…}`), escapes `$`, `}` and `\`, and ends in `$0`.
#[test]
fn the_snippet_has_the_placeholders_as_tab_stops() {
    let mut o = DraftOptions::new(at(2026, 11, 30, 9, 30));
    o.from = Some("OSLO".into());
    o.to = vec!["SECSTATE WASHDC".into()];
    o.subject = Some("COST $5 {X}".into());
    let s = skeleton(&o, Tables::builtin(), &FolderState::default()).unwrap();
    let snippet = s.snippet();
    assert!(snippet.contains("TAGS: ${1:[[TAGS]]} NO\n"), "{snippet}");
    assert!(snippet.contains("SUBJECT: COST \\$5 {X\\}\n"), "{snippet}");
    assert!(
        snippet.contains("1. (U) ${2:[[TEXT OF PARAGRAPH 1]]}\n"),
        "{snippet}"
    );
    assert!(snippet.ends_with("${4:[[SIGNATURE]]}\n$0"), "{snippet}");
}

#[test]
fn new_writes_a_file_continues_the_folders_serials_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let args = [
        "new",
        "--isolated",
        "--from",
        "AMEMBASSY OSLO",
        "--to",
        "SECSTATE WASHDC",
        "--classification",
        "C",
        "--date",
        "2026-03-01T10:00",
        "-o",
        "first.cable",
    ];
    let r = run_in(dir, &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = std::fs::read_to_string(dir.join("first.cable")).unwrap();
    assert!(
        first.contains("\nC O N F I D E N T I A L OSLO 000001\n"),
        "{first}"
    );
    assert!(first.contains("\nDE RUEHNY #0001 0601000\n"), "{first}");
    assert!(
        first.contains("\nTO RUEHC/SECSTATE WASHDC 0001\n"),
        "{first}"
    );

    // The same file again is refused and left as it was; --force replaces it.
    std::fs::write(dir.join("first.cable"), first.replace("000001", "000217")).unwrap();
    let r = run_in(dir, &args, None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("first.cable exists; give `--force`"),
        "{}",
        r.stderr
    );
    let kept = std::fs::read_to_string(dir.join("first.cable")).unwrap();
    assert!(kept.contains("OSLO 000217"));

    // The next cable of the folder takes serial 218 and the next MCN to the Department.
    let mut next = args.to_vec();
    *next.last_mut().unwrap() = "second.cable";
    let r = run_in(dir, &next, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let second = std::fs::read_to_string(dir.join("second.cable")).unwrap();
    assert!(
        second.contains("\nC O N F I D E N T I A L OSLO 000218\n"),
        "{second}"
    );
    assert!(second.contains("\nDE RUEHNY #0218 0601000\n"), "{second}");
    assert!(
        second.contains("\nTO RUEHC/SECSTATE WASHDC 0002\n"),
        "{second}"
    );

    // `check` reports the placeholders and nothing else.
    let r = run_in(
        dir,
        &[
            "check",
            "--isolated",
            "--output-format",
            "json",
            "second.cable",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    let codes = r.codes_for("second.cable");
    assert_eq!(codes.len(), 7, "{codes:?}");
    assert!(codes.iter().all(|c| c == "CBL410"), "{codes:?}");
}

#[test]
fn new_takes_its_defaults_from_the_draft_table() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("cablelint.toml"),
        "[draft]\npost = \"AMEMBASSY TOKYO\"\nrouting-indicator = \"RUEHKO\"\nto = [\"SECSTATE WASHDC\"]\ninfo = [\"RUEHUL/AMEMBASSY SEOUL\"]\n",
    )
    .unwrap();
    let r = run_in(
        tmp.path(),
        &[
            "new",
            "--date",
            "2007-05-17T08:14",
            "--precedence",
            "priority",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("VZCZCXRO0001\nPP RUEHC RUEHUL\nDE RUEHKO #0001 1370814\nZNR UUUUU ZZH\nP 170814Z MAY 07\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\nINFO RUEHUL/AMEMBASSY SEOUL PRIORITY 0001\n\nUNCLAS TOKYO 000001\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("\nE.O. 12958: N/A\nTAGS: [[TAGS]] JA\nSUBJECT: [[SUBJECT]]\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn new_names_near_posts_for_an_unknown_one_and_refuses_bad_input() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run_in(
        tmp.path(),
        &[
            "new",
            "--isolated",
            "--from",
            "AMEMBASSY TOKIO",
            "--to",
            "SECSTATE WASHDC",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("`AMEMBASSY TOKIO` is not a known post; near matches: "),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("AMEMBASSY TOKYO"), "{}", r.stderr);
    assert!(r.stdout.is_empty());

    let r = run_in(tmp.path(), &["new", "--isolated", "--from", "OSLO"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no action addressee"), "{}", r.stderr);

    let r = run_in(
        tmp.path(),
        &[
            "new",
            "--isolated",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
            "--date",
            "2023-02-29",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("`2023-02-29` is not a drafting date"),
        "{}",
        r.stderr
    );

    let r = run_in(
        tmp.path(),
        &[
            "new",
            "--isolated",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
            "--date",
            "1990-01-01",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("outside the drafting dates"),
        "{}",
        r.stderr
    );

    let r = run_in(
        tmp.path(),
        &[
            "new",
            "--isolated",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
            "--captions",
            "SIPDIS,NODIS",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("SIPDIS may not be combined"),
        "{}",
        r.stderr
    );

    let r = run_in(
        tmp.path(),
        &[
            "new",
            "--isolated",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
            "--captions",
            "NOFRON",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("`NOFRON` is not a caption"),
        "{}",
        r.stderr
    );
}

/// The serial is free among the cables `check` compares with the new one: every cable under the
/// folder of the cablelint.toml, subfolders included, not only those beside the new file (drafts
/// kept in `sent/` and `pending/` got the same serial, which `check .` then reported as CBL701).
#[test]
fn new_continues_the_serials_of_every_folder_under_the_configuration() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("cablelint.toml"),
        "[draft]\npost = \"AMEMBASSY OSLO\"\nto = [\"SECSTATE WASHDC\"]\n",
    )
    .unwrap();
    for dir in ["sent", "pending"] {
        std::fs::create_dir(tmp.path().join(dir)).unwrap();
    }
    let files = [
        "sent/a.cable",
        "sent/b.cable",
        "pending/c.cable",
        "top.cable",
    ];
    for (i, file) in files.iter().enumerate() {
        let r = run_in(
            tmp.path(),
            &["new", "--date", "2026-03-02T09:00", "-o", file],
            None,
        );
        assert_eq!(r.code, 0, "{file}: {}", r.stderr);
        let text = std::fs::read_to_string(tmp.path().join(file)).unwrap();
        let banner = format!("\nUNCLAS OSLO {:06}\n", i + 1);
        assert!(text.contains(&banner), "{file}: {text}");
    }
    let r = run_in(tmp.path(), &["check", ".", "--select", "CBL7"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

/// An unknown TAGS code or addressee is refused as an unknown post is, naming the near matches,
/// instead of being written into the skeleton for `check` to report later.
#[test]
fn new_refuses_unknown_tags_and_addressees_naming_near_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let new = |extra: &[&str]| {
        let mut args = vec![
            "new",
            "--isolated",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
        ];
        args.extend_from_slice(extra);
        run_in(tmp.path(), &args, None)
    };
    let refused = |extra: &[&str], want: &str| {
        let r = new(extra);
        assert_eq!(r.code, 2, "{extra:?}: {}", r.stdout);
        assert!(r.stdout.is_empty(), "{extra:?}: {}", r.stdout);
        assert_eq!(r.stderr, format!("error: {want}\n"), "{extra:?}");
    };
    refused(
        &["--tags", "PREL,PRLE"],
        "`PRLE` is not a known tag; near matches: PREL (External Political Relations)",
    );
    refused(
        &["--tags", "RU"],
        "`RU` is not a tag to write (RU is the ISO code of Russia; the TAGS code for Russia is RS); near matches: RS (Russia)",
    );
    refused(
        &["--tags", "XYZQ"],
        "`XYZQ` is not a known tag; `cablelint data tags QUERY` searches the tags",
    );
    refused(
        &["--info", "RUEHC/SECSTATE WASHDX"],
        "`RUEHC/SECSTATE WASHDX` is not a known addressee (the tables do not pair RUEHC with SECSTATE WASHDX; a `[data] addressees` table of cablelint.toml adds it); near matches: RUEHC/SECSTATE WASHDC",
    );
    refused(
        &["--info", "RUEHSW/AMEMBASSY STOCKHOLM"],
        "`RUEHSW/AMEMBASSY STOCKHOLM` is not a known addressee (the tables do not pair RUEHSW with AMEMBASSY STOCKHOLM; a `[data] addressees` table of cablelint.toml adds it); near matches: RUEHSM/AMEMBASSY STOCKHOLM",
    );
    // Known codes and pairs, in any case and spacing, are taken.
    let r = new(&[
        "--tags",
        "prel,NO",
        "--info",
        "ruehsm/amembassy  stockholm",
        "--date",
        "2026-12-01T09:00",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nTAGS: PREL NO\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("\nINFO RUEHSM/AMEMBASSY STOCKHOLM 0001\n"),
        "{}",
        r.stdout
    );
}

/// An addressee name that is no post is refused as an addressee, and the near matches are real
/// addresses: the shared list's `SECSTATE SECSTATE WASHDC` (a word written twice in one cable)
/// is not a post, so neither the error nor `cablelint data posts` offers it.
#[test]
fn new_calls_an_unknown_addressee_an_addressee_and_offers_no_doubled_word() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run_in(
        tmp.path(),
        &[
            "new",
            "--isolated",
            "--from",
            "OSLO",
            "--to",
            "SECSTAT WASHDC",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert_eq!(
        r.stderr,
        "error: `SECSTAT WASHDC` is not a known addressee; near matches: SECSTATE WASHDC\n"
    );
    // The originator is still a post.
    let r = run_in(
        tmp.path(),
        &[
            "new",
            "--isolated",
            "--from",
            "SECSTAT WASHDC",
            "--to",
            "OSLO",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .starts_with("error: `SECSTAT WASHDC` is not a known post; near matches: "),
        "{}",
        r.stderr
    );
    let r = run_in(
        tmp.path(),
        &["data", "posts", "SECSTATE", "--isolated"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nSECSTATE WASHDC "), "{}", r.stdout);
    assert!(!r.stdout.contains("SECSTATE SECSTATE"), "{}", r.stdout);
}

/// A bad value of `[draft]` is an error of the configuration: it names cablelint.toml, the line,
/// column and key of the value, and the near matches; a value the command line replaces is not
/// read.
#[test]
fn new_refuses_bad_draft_values_naming_the_file_and_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let write = |draft: &str| {
        std::fs::write(dir.join("cablelint.toml"), format!("[draft]\n{draft}")).unwrap();
    };
    let new = |extra: &[&str]| {
        let mut args = vec!["new", "--date", "2026-12-01T09:00"];
        args.extend_from_slice(extra);
        run_in(dir, &args, None)
    };
    write("post = \"AMEMBASSY TOKIO\"\nto = [\"SECSTATE WASHDC\"]\n");
    let r = new(&[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with(
            "error: cablelint.toml:2:8: key `draft.post`: `AMEMBASSY TOKIO` is not a known post; near matches: "
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("AMEMBASSY TOKYO"), "{}", r.stderr);
    // `--from` replaces the post: the bad one is not read.
    let r = new(&["--from", "OSLO"]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    write("post = \"OSLO\"\nto = [\"SECSTATE WASHDC\"]\ninfo = [\"USNATO\",\n  \"RUEHC/SECSTATE WASHDX\"]\n");
    let r = new(&[]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: cablelint.toml:5:3: key `draft.info`: `RUEHC/SECSTATE WASHDX` is not a known addressee (the tables do not pair RUEHC with SECSTATE WASHDX; a `[data] addressees` table of cablelint.toml adds it); near matches: RUEHC/SECSTATE WASHDC\n"
    );
    let r = new(&["--info", "USNATO"]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    write("post = \"OSLO\"\nrouting-indicator = \"OSLO1\"\nto = [\"SECSTATE WASHDC\"]\n");
    let r = new(&[]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: cablelint.toml:3:21: key `draft.routing-indicator`: `OSLO1` is not a routing indicator\n"
    );
}

/// `date =` of cablelint.toml is the drafting date of `new` as of `check`, when `--date` is not
/// given.
#[test]
fn new_drafts_on_the_configured_date() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("cablelint.toml"),
        "date = \"2026-11-30\"\n[draft]\npost = \"OSLO\"\nto = [\"SECSTATE WASHDC\"]\n",
    )
    .unwrap();
    let r = run_in(tmp.path(), &["new"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dtg = r.stdout.lines().nth(4).unwrap();
    assert!(
        dtg.starts_with("R 30") && dtg.ends_with("Z NOV 26"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\nDE RUEHNY #0001 334"), "{}", r.stdout);
    // `--date` wins.
    let r = run_in(tmp.path(), &["new", "--date", "2026-12-02T08:00"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nR 020800Z DEC 26\n"), "{}", r.stdout);
}

/// A new cable dated before cables of its folder that are already numbered takes the next serial
/// and numbers (those it is sent with), so `mcn-not-increasing` will report the later-dated
/// cable's lower number: `new` says so when it writes the file, with what to do. Within one year
/// the serials run with the numbers and nothing is reported, nor warned of.
#[test]
fn new_warns_when_its_date_goes_back_before_numbered_cables() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let new = |date: &str, subject: &str, file: &str| {
        let args = [
            "new",
            "--isolated",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
            "--date",
            date,
            "--subject",
            subject,
            "-o",
            file,
        ];
        run_in(dir, &args, None)
    };
    let r = new("2027-01-05T10:00", "FIRST", "a.cable");
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let a = std::fs::read_to_string(dir.join("a.cable")).unwrap();
    std::fs::write(dir.join("a.cable"), a.replace("WASHDC 0001", "WASHDC 0040")).unwrap();

    // Later in the same year: the serial runs with the number, nothing to warn of.
    let r = new("2027-01-02T10:00", "SECOND", "b.cable");
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));

    // The year before: serial 1 of 2026, number 0042, and the cable dated next has 0041.
    let r = new("2026-12-31T10:00", "THIRD", "c.cable");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "warning: `cablelint check` will report this with the cables of its folder:\n  \
         b.cable: message continuity number 0041 to RUEHC does not follow 0042 of the cable before, \
         c.cable (311000Z DEC 26) [CBL703 mcn-not-increasing]\n  \
         the new cable is dated 2026-12-31, before cables its folder already numbers, and takes the \
         next numbers: date it after them (`--date`), or renumber it when it is sent\n"
    );
    let c = std::fs::read_to_string(dir.join("c.cable")).unwrap();
    assert!(c.contains("\nTO RUEHC/SECSTATE WASHDC 0042\n"), "{c}");
    // `check` reports what the warning said.
    let r = run_in(
        dir,
        &[
            "check",
            "--isolated",
            "--select",
            "CBL7",
            "--output-format",
            "concise",
            ".",
        ],
        None,
    );
    assert_eq!(
        r.stdout.lines().next().unwrap(),
        "b.cable:7:26: warning[CBL703] message continuity number 0041 to RUEHC does not follow 0042 of the cable before, c.cable (311000Z DEC 26)"
    );
}

/// `--classification TS` drafts a TOP SECRET cable: the spaced banner, FL4's `ZNY TTTTT`, the
/// `DECL` date and classification authority of a classified cable and `(TS)` paragraphs (spec
/// §3.4, §3.8, §3.16), and `check` finds nothing in it but the placeholders.
#[test]
fn new_drafts_a_top_secret_cable() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let args = [
        "new",
        "--isolated",
        "--from",
        "AMEMBASSY OSLO",
        "--to",
        "SECSTATE WASHDC",
        "--classification",
        "TS",
        "--captions",
        "NOFORN",
        "--date",
        "2026-03-01T10:00",
        "-o",
        "ts.cable",
    ];
    let r = run_in(dir, &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(dir.join("ts.cable")).unwrap();
    for line in [
        "\nZNY TTTTT ZZH\n",
        "\nT O P S E C R E T OSLO 000001\n",
        "\nNOFORN\n",
        "\nE.O. 13526: DECL: 03/01/2036\n",
        "\nClassified By: [[NAME, TITLE]] for reasons 1.4 [[(b) and (d)]]\n",
        "\n1. (TS//NF) [[TEXT OF PARAGRAPH 1]]\n",
        "\n2. (TS//NF) [[TEXT OF PARAGRAPH 2]]\n",
    ] {
        assert!(text.contains(line), "{line:?} missing from\n{text}");
    }
    let r = run_in(
        dir,
        &["check", "--isolated", "--output-format", "json", "ts.cable"],
        None,
    );
    let codes = r.codes_for("ts.cable");
    assert!(
        !codes.is_empty() && codes.iter().all(|c| c == "CBL410"),
        "only the placeholders: {codes:?}"
    );
    // The help lists the level with the banner it gives.
    let r = run_in(dir, &["new", "--help"], None);
    assert!(
        r.stdout.contains("TS:  `T O P S E C R E T`"),
        "{}",
        r.stdout
    );
}

/// `new` writes a cable `fmt --check` passes: a SUBJECT longer than the line is wrapped as `fmt`
/// wraps it, for every classification, and in the layout of the `[format]` table that applies
/// (here TAGS separated by commas and a narrower line).
#[test]
fn new_writes_a_cable_fmt_check_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let subject = "NORWAY: THE MINISTRY OF FOREIGN AFFAIRS OUTLINES ITS PLANS FOR ARCTIC \
                   SHIPPING CONSULTATIONS WITH THE NORDIC NEIGHBOURS";
    let mut written = Vec::new();
    for classification in ["U", "SBU", "C", "S", "TS"] {
        for (name, extra) in [
            ("short", &[][..]),
            ("long", &["--subject", subject][..]),
            (
                "tags",
                &["--tags", "PREL,PGOV,ENRG,NO", "--subject", subject][..],
            ),
        ] {
            let file = format!("{classification}-{name}.cable");
            let mut args = vec![
                "new",
                "--isolated",
                "--from",
                "OSLO",
                "--to",
                "SECSTATE WASHDC",
                "--classification",
                classification,
                "--date",
                "2026-12-01T10:00",
                "-o",
                &file,
            ];
            args.extend_from_slice(extra);
            let r = run_in(tmp.path(), &args, None);
            assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
            let r = run_in(tmp.path(), &["fmt", "--isolated", "--check", &file], None);
            assert_eq!(r.code, 0, "{args:?}: {}{}", r.stdout, r.stderr);
            written.push(file);
        }
    }
    // The long SUBJECT is on two lines, its words all there.
    let text = std::fs::read_to_string(tmp.path().join("C-long.cable")).unwrap();
    let start = text.find("SUBJECT: ").unwrap();
    let block = &text[start..text[start..].find("\n\n").unwrap() + start];
    assert!(block.lines().count() > 1, "{block}");
    assert!(block.lines().all(|l| l.chars().count() <= 69), "{block}");
    assert_eq!(
        block.split_whitespace().collect::<Vec<_>>().join(" "),
        format!("SUBJECT: {subject}")
    );
    assert_eq!(written.len(), 15);

    // With a `[format]` table the skeleton takes its layout.
    let dir = tmp.path().join("configured");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("cablelint.toml"),
        "[format]\nline-width = 60\ntags-separator = \"comma\"\n",
    )
    .unwrap();
    let r = run_in(
        &dir,
        &[
            "new",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
            "--tags",
            "PREL,PGOV,NO",
            "--subject",
            subject,
            "--date",
            "2026-12-01T10:00",
            "-o",
            "d.cable",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(dir.join("d.cable")).unwrap();
    assert!(text.contains("\nTAGS: PREL, PGOV, NO\n"), "{text}");
    let r = run_in(&dir, &["fmt", "--check", "d.cable"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

/// TAGS codes given without a geographic one keep the post's country tag, so `check` on the fresh
/// skeleton reports its placeholders and nothing else; a valid code that is a known misuse (`LT`,
/// Lesotho's code, for Lithuania) is written with a warning saying what `check` will report, and
/// an ISO code that is no tag (`DE`) is refused naming the TAGS code first.
#[test]
fn new_keeps_the_posts_geographic_tag_and_warns_of_a_misused_code() {
    let tmp = tempfile::tempdir().unwrap();
    let new = |extra: &[&str]| {
        let mut args = vec![
            "new",
            "--isolated",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
            "--date",
            "2026-12-01T09:00",
        ];
        args.extend_from_slice(extra);
        run_in(tmp.path(), &args, None)
    };
    let r = new(&["--tags", "PREL,ENRG", "-o", "energy.cable"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let written = std::fs::read_to_string(tmp.path().join("energy.cable")).unwrap();
    assert!(written.contains("\nTAGS: PREL ENRG NO\n"), "{written}");
    let c = run_in(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "--date",
            "2026-12-01",
            "--output-format",
            "concise",
            "energy.cable",
        ],
        None,
    );
    let codes: Vec<&str> = c
        .stdout
        .lines()
        .filter_map(|l| l.split('[').nth(1)?.split(']').next())
        .collect();
    assert!(!codes.is_empty(), "{}", c.stdout);
    assert!(codes.iter().all(|&c| c == "CBL410"), "{}", c.stdout);
    // A geographic code given is kept alone.
    let r = new(&["--tags", "PREL,SW"]);
    assert!(r.stdout.contains("\nTAGS: PREL SW\n"), "{}", r.stdout);
    let r = new(&["--tags", "PREL,LT"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nTAGS: PREL LT\n"), "{}", r.stdout);
    assert_eq!(
        r.stderr,
        "warning: TAGS `LT`: LT is the ISO code of Lithuania; the TAGS code for Lithuania is LH (LT is the geographic code of Lesotho, in 1 of 6,712 released cables); `check` will report it (misused-tag): write `LH` if that is what you mean\n"
    );
    let r = new(&["--tags", "PREL,DE"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .starts_with("error: `DE` is not a known tag; near matches: GM (Germany)"),
        "{}",
        r.stderr
    );
}
