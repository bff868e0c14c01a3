//! `cablelint inspect`: the shape of its output (validated against `schema/inspect.schema.json`,
//! over the fixtures and over every real cable of `../shared/corpus` and `../shared/corpus-release`,
//! reported as ignored when absent), the references of the fixture with every reference form, and
//! the command line (formats, standard input, directories, order, errors).

mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::{fixture, run, run_in, tree};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/inspect.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn errors(v: &jsonschema::Validator, cable: &Value) -> Vec<String> {
    v.iter_errors(cable)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The drafting date the corpus cables are read on (all of them are dated years before it).
fn drafting() -> cablelint::vocab::Date {
    cablelint::vocab::Date::parse_iso("2026-12-01").expect("a date")
}

fn inspect_fixture() -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inspect/references.cable");
    let r = run(&["inspect", path.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()[0].clone()
}

#[test]
fn every_reference_form_gives_the_expected_cable_ids() {
    let cable = inspect_fixture();
    let expect = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inspect/references.expect"),
    )
    .unwrap();
    let want: Vec<String> = expect
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let got: Vec<String> = cable["references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}\t{}\t{}\t{}",
                r["label"].as_str().unwrap_or("-"),
                r["text"].as_str().unwrap(),
                r["cable_id"].as_str().unwrap_or("-"),
                r["kind"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(got, want);
    // Ranges point at the words of the reference: `LISBON #3565` on line 26.
    let lisbon = &cable["references"][10];
    assert_eq!(
        lisbon["range"]["start"],
        serde_json::json!({"line": 26, "column": 9})
    );
    assert_eq!(
        lisbon["range"]["end"],
        serde_json::json!({"line": 26, "column": 21})
    );
}

#[test]
fn the_fixture_has_the_documented_shape() {
    let cable = inspect_fixture();
    assert_eq!(errors(&validator(), &cable), Vec::<String>::new());
    assert_eq!(cable["kind"], "transmitted");
    assert_eq!(cable["id"], "08BRASILIA731");
    assert_eq!(cable["date"], "2008-05-22T15:30Z");
    let h = &cable["header"];
    assert_eq!(h["transmission_id"], "VZCZCXRO7310");
    assert_eq!(
        h["routing"],
        serde_json::json!({"prosign": "OO", "indicators": ["RUEHC"]})
    );
    assert_eq!(
        h["de"],
        serde_json::json!({"station": "RUEHBR", "serial": "0731", "section": 1, "julian_day": 143, "time": "1530"})
    );
    assert_eq!(
        h["security"],
        serde_json::json!({"code": "CCCCC", "specat": null})
    );
    assert_eq!(
        (h["precedence"].as_str(), h["from"].as_str()),
        (Some("O"), Some("AMEMBASSY BRASILIA"))
    );
    assert_eq!(h["to"][0]["ri"], "RUEHC");
    assert_eq!(h["to"][0]["address"], "SECSTATE WASHDC");
    assert_eq!(h["to"][0]["mcn"], "1842");
    assert_eq!(h["info"][0]["precedence"], "PRIORITY");
    assert_eq!(
        cable["classification"],
        serde_json::json!({"level": "C", "banner": "C O N F I D E N T I A L", "controls": []})
    );
    assert_eq!(
        (cable["origin"].as_str(), cable["serial"].as_str()),
        (Some("BRASILIA"), Some("000731"))
    );
    assert_eq!(cable["section"], serde_json::json!({"number": 1, "of": 2}));
    assert_eq!(cable["captions"], serde_json::json!(["SIPDIS"]));
    assert_eq!(
        cable["eo"],
        serde_json::json!({"order": "12958", "na": false, "decl": "2018-05-22", "decl_text": "05/22/2018", "exemptions": []})
    );
    let tags: Vec<(&str, &str)> = cable["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["code"].as_str().unwrap(), t["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        tags,
        [
            ("PREL", "subject"),
            ("ETRD", "subject"),
            ("BR", "geographic")
        ]
    );
    assert_eq!(cable["tags"][2]["title"], "Brazil");
    assert_eq!(
        cable["subject"],
        "BRAZIL: INVENTED CABLE CITING EVERY FORM OF REFERENCE"
    );
    let cb = &cable["classified_by"];
    assert_eq!(cb["authority"], "Ambassador Iris Example");
    assert_eq!(
        (cb["section"].as_str(), cb["reasons"].clone()),
        (Some("1.4"), serde_json::json!(["b", "d"]))
    );
    assert_eq!(cable["paragraphs"][0]["marking"], "(C)");
    assert_eq!(cable["paragraphs"][1]["level"], "U");
    assert!(cable["summary"].is_object());
    assert_eq!(cable["signature"], "EXAMPLE");
}

/// An answer keyed to a reference's sub-paragraph carries its letter beside the reference's
/// number; the cable's own paragraphs have no key.
#[test]
fn a_keyed_answer_carries_its_letter() {
    let text = "UNCLAS STATE 000101\n\nE.O. 12958: N/A\nTAGS: PREL XX\nSUBJECT: X\n\nREF: STATE 1\n\n1. Answers keyed to reftel follow.\n\n27.A. Invented.\n\n27.B. Invented.\n\nEXAMPLE\n";
    let r = run_in(
        Path::new("."),
        &["inspect", "-", "--stdin-filename", "drafts/x.cable"],
        Some(text.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let cable = &r.json()[0];
    assert_eq!(errors(&validator(), cable), Vec::<String>::new());
    let p = &cable["paragraphs"];
    assert_eq!(p[0]["key"], Value::Null);
    assert_eq!(
        (&p[1]["number"], &p[1]["key"]),
        (&Value::from(27), &Value::from("A"))
    );
    assert_eq!(p[2]["key"], "B");
}

/// An invented partial record: the release's notice and bare date-time group line, a truncated
/// preview, and the record again as a CSV dump whose text field doubles every `"`.
const PARTIAL_RECORD: &str = "This record is a partial extract of the original cable. The full text of the original cable is not available.

120745Z Mar 08

C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614

SIPDIS

E.O. 12958: DECL: 03/12/2018
TAGS: PREL PGOV JA KS
SUBJECT: ROK AND JAPAN: A \"QUIET\" START

REF: 08 TOKYO 1187

     ...



54321,3/12/2008 7:45,08SEOUL614,\"Embassy
Seoul\",CONFIDENTIAL,08TOKYO1187,\"This record is a partial extract of the
original cable. The full text of the original cable is not available.
120745Z Mar 08
\",\"C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614
SIPDIS
E.O. 12958: DECL: 03/12/2018
TAGS: PREL PGOV JA KS
SUBJECT: ROK AND JAPAN: A \"\"QUIET\"\" START
REF: A. 08 TOKYO 1187
B. 3/11 \"\"NORTHEAST ASIA\"\" E-MAIL
Classified By: Political Counselor Dana R. Whitfield.
Reasons 1.4 (b) and (d).
1. (C) Both sides want a \"\"quiet\"\" start to the talks.
MARTINDALE
\",
";

fn inspect_text(text: &str) -> Value {
    let r = run_in(
        Path::new("."),
        &["inspect", "-", "--stdin-filename", "records/x.txt"],
        Some(text.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()[0].clone()
}

/// A partial record has no header: its date and id come from the release's bare date-time group
/// line; an impossible date gives none.
#[test]
fn a_partial_record_is_dated_by_its_bare_date_time_group_line() {
    let cable = inspect_text(PARTIAL_RECORD);
    assert_eq!(errors(&validator(), &cable), Vec::<String>::new());
    assert_eq!(cable["kind"], "record");
    assert_eq!(cable["date"], "2008-03-12T07:45Z");
    assert_eq!(cable["id"], "08SEOUL614");
    assert!(cable.get("id_note").is_none_or(Value::is_null), "{cable}");
    // References without a year take the record's.
    assert_eq!(cable["references"][0]["cable_id"], "08TOKYO1187");
    let bad = PARTIAL_RECORD.replace("120745Z Mar 08", "320745Z Mar 08");
    let cable = inspect_text(&bad);
    assert_eq!(cable["date"], Value::Null);
    assert_eq!(cable["id"], Value::Null);
}

/// The values read from the text of a CSV record show each `"` once, as the cable wrote it.
#[test]
fn values_read_from_a_csv_record_are_unescaped() {
    let cable = inspect_text(PARTIAL_RECORD);
    assert_eq!(cable["subject"], "ROK AND JAPAN: A \"QUIET\" START");
    assert_eq!(
        cable["references"][1]["text"],
        "3/11 \"NORTHEAST ASIA\" E-MAIL"
    );
    // The same text outside a CSV record is shown as written.
    let plain = "UNCLAS STATE 000101\n\nE.O. 12958: N/A\nTAGS: PREL XX\nSUBJECT: A \"\"DOUBLED\"\" WORD\n\n1. Invented.\n\nEXAMPLE\n";
    assert_eq!(inspect_text(plain)["subject"], "A \"\"DOUBLED\"\" WORD");
}

#[test]
fn personal_tags_carry_the_person() {
    let text = "UNCLAS STATE 000101\n\nE.O. 12958: N/A\nTAGS: OVIP (DOE, JOHN) PREL\nSUBJECT: X\n\n1. Invented.\n\nEXAMPLE\n";
    let r = run_in(
        Path::new("."),
        &["inspect", "-", "--stdin-filename", "drafts/x.cable"],
        Some(text.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let cable = &r.json()[0];
    assert_eq!(errors(&validator(), cable), Vec::<String>::new());
    assert_eq!(cable["path"], "drafts/x.cable");
    assert_eq!(cable["kind"], "draft");
    assert_eq!(cable["header"], Value::Null);
    assert_eq!(cable["eo"]["na"], true);
    let ovip = &cable["tags"][0];
    assert_eq!(ovip["text"], "OVIP (DOE, JOHN)");
    assert_eq!(ovip["code"], "OVIP");
    assert_eq!(ovip["kind"], "personal");
    assert_eq!(ovip["person"], "DOE, JOHN");
}

#[test]
fn a_release_record_is_a_record_with_its_artifacts() {
    let cable = "UNCLAS STATE 000101\n\nE.O. 12958: N/A\nTAGS: PREL XX\nSUBJECT: INVENTED\n\n1. Invented text.\n\nEXAMPLE\n";
    let record = format!(
        "This record is a partial extract of the original cable. The full text of the original \
         cable is not available.\n\n{cable}"
    );
    let inspect = |text: &str| {
        let r = run_in(
            Path::new("."),
            &["inspect", "-", "--stdin-filename", "x.cable"],
            Some(text.as_bytes()),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.json()[0].clone()
    };
    let draft = inspect(cable);
    assert_eq!(draft["kind"], "draft");
    assert_eq!(draft["artifacts"], Value::Array(vec![]));
    let record = inspect(&record);
    assert_eq!(errors(&validator(), &record), Vec::<String>::new());
    assert_eq!(record["kind"], "record");
    assert_eq!(record["artifacts"][0]["kind"], "release-notice");
    assert_eq!(record["artifacts"][0]["range"]["start"]["line"], 1);
}

/// A draft of `cablelint new` written up to TAGS and no further is a draft being written, as
/// `check` and `fmt` read it: `inspect` gives its header's kind and no release artifact. The same
/// text read years after its date is a record the release cut at TAGS.
#[test]
fn a_new_draft_that_stops_at_tags_is_no_record() {
    let dir = tree(&[]);
    let new = run_in(
        dir.path(),
        &[
            "new",
            "--from",
            "OSLO",
            "--to",
            "SECSTATE WASHDC",
            "--tags",
            "PREL,NO",
        ],
        None,
    );
    assert_eq!(new.code, 0, "{}", new.stderr);
    let end = new.stdout.find("TAGS: PREL NO\n").expect("a TAGS line") + "TAGS: PREL NO\n".len();
    let draft = &new.stdout[..end];
    let inspect = |args: &[&str]| {
        let r = run_in(
            dir.path(),
            &[&["inspect", "-", "--stdin-filename", "draft.cable"], args].concat(),
            Some(draft.as_bytes()),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.json()[0].clone()
    };
    // Read today, the day `new` dated it.
    let today = inspect(&[]);
    assert_eq!(errors(&validator(), &today), Vec::<String>::new());
    assert_eq!(today["kind"], "transmitted");
    assert_eq!(today["artifacts"], Value::Array(vec![]));
    // Read on a drafting date more than a year later, it is a record cut at TAGS.
    let year: i32 = today["date"].as_str().expect("a date")[..4]
        .parse()
        .expect("a year");
    let later = format!("{}-01-01", year + 2);
    let old = inspect(&["--date", &later]);
    assert_eq!(old["kind"], "record");
    assert_eq!(old["artifacts"][0]["kind"], "truncated-preview");
    // The same drafting date in the `cablelint.toml` of the file's folder or above it, as
    // `check` finds it, for a file and for standard input; `--date` is over it.
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("drafts/draft.cable"), draft).unwrap();
    std::fs::write(
        dir.path().join("cablelint.toml"),
        format!("date = \"{later}\"\n"),
    )
    .unwrap();
    let configured = inspect(&[]);
    assert_eq!(configured["kind"], "record");
    let file = run_in(dir.path(), &["inspect", "drafts/draft.cable"], None);
    assert_eq!(file.code, 0, "{}", file.stderr);
    assert_eq!(file.json()[0]["kind"], "record");
    let today_date = today["date"].as_str().expect("a date")[..10].to_string();
    assert_eq!(inspect(&["--date", &today_date])["kind"], "transmitted");
    // A configuration that cannot be read is named, and the run fails.
    std::fs::write(dir.path().join("cablelint.toml"), "date = \"soon\"\n").unwrap();
    let bad = run_in(dir.path(), &["inspect", "drafts/draft.cable"], None);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("cablelint.toml"), "{}", bad.stderr);
}

#[test]
fn directories_are_walked_in_path_order_and_jsonl_is_one_cable_a_line() {
    let clean = std::fs::read(fixture("oslo-clean.cable")).unwrap();
    let dir = tree(&[
        ("b/two.cable", &clean),
        ("a/one.cable", &clean),
        ("a/notes.txt", b"not a cable"),
        ("c/three.tel", &clean),
    ]);
    for format in ["--output-format", "--format"] {
        let r = run_in(dir.path(), &["inspect", format, "jsonl"], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let paths: Vec<String> = r
            .stdout
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["path"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(paths, ["a/one.cable", "b/two.cable", "c/three.tel"]);
    }
    let r = run_in(dir.path(), &["inspect", "--extension", "txt", "a"], None);
    let json = r.json();
    let paths: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["a/notes.txt", "a/one.cable"]);
}

#[test]
fn unreadable_files_are_reported_and_the_rest_printed() {
    let clean = std::fs::read(fixture("oslo-clean.cable")).unwrap();
    let dir = tree(&[("one.cable", &clean), ("bin.cable", b"\x00\x01")]);
    let r = run_in(
        dir.path(),
        &["inspect", "one.cable", "bin.cable", "missing.cable"],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert!(
        r.stderr.contains("bin.cable: binary file, not a cable"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("missing.cable"), "{}", r.stderr);
}

/// Every real cable of a corpus: its data validates against the schema.
fn corpus_validates(name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() > 1000, "{name}: {} files", files.len());
    let v = validator();
    let tables = cablelint::data::Tables::builtin();
    let mut failures = Vec::new();
    for path in &files {
        let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
        let cable = cablelint::syntax::parse(&text);
        let data =
            cablelint::inspect::inspect(&cable, &path.display().to_string(), tables, drafting());
        let value = serde_json::to_value(&data).unwrap();
        let errs = errors(&v, &value);
        if !errs.is_empty() {
            failures.push(format!("{}: {}", path.display(), errs.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cables of {name} do not validate:\n{}",
        failures.len(),
        files.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
#[cfg_attr(
    shared_corpus_absent,
    ignore = "needs ../shared/corpus, which is absent"
)]
fn every_corpus_cable_validates_against_the_schema() {
    corpus_validates("corpus");
}

#[test]
#[cfg_attr(
    shared_corpus_release_absent,
    ignore = "needs ../shared/corpus-release, which is absent"
)]
fn every_corpus_release_cable_validates_against_the_schema() {
    corpus_validates("corpus-release");
}

/// A section broken over two lines by the reflow (`Reasons 1.` / `4 (b/d).`) is `1.4`, with no
/// line break in the value.
#[test]
fn a_section_split_over_lines_is_one_value() {
    let text = "CONFIDENTIAL STATE 000101\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL XX\nSUBJECT: INVENTED\n\nClassified By: Deputy Director Jane Doe.  Reasons 1. \n4 (b/d).\n\n1. (C) Invented text.\n\nEXAMPLE\n";
    let r = run_in(
        Path::new("."),
        &["inspect", "-", "--stdin-filename", "x.cable"],
        Some(text.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let cable = &r.json()[0];
    assert_eq!(cable["classified_by"]["section"], "1.4");
    assert_eq!(
        cable["classified_by"]["reasons"],
        serde_json::json!(["b", "d"])
    );
}

/// Ids of missions are written as the release writes them, with the banner's station: a USNATO
/// cable and its references to USNATO are `USNATO…`, references to USEU (whose banners name
/// `BRUSSELS`) are `BRUSSELS…`.
#[test]
fn mission_ids_are_written_as_the_release_writes_them() {
    let text = "R 120745Z MAR 08\nFM USMISSION USNATO\nTO RUEHC/SECSTATE WASHDC 1234\n\nS E C R E T USNATO 000276\n\nSIPDIS\n\nE.O. 12958: DECL: 03/12/2018\nTAGS: PREL NATO\nSUBJECT: INVENTED\n\nREF: A. 08 USNATO 274 B. 08 USEU BRUSSELS 101 C. 08 USNATO BRUSSELS 12\n\nClassified By: Deputy Jane Doe. Reasons 1.4 (b) and (d).\n\n1. (S) Invented text.\n\nDOE\n";
    let r = run_in(
        Path::new("."),
        &["inspect", "-", "--stdin-filename", "x.cable"],
        Some(text.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let cable = &r.json()[0];
    let ids: Vec<&str> = cable["references"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["cable_id"].as_str())
        .collect();
    assert_eq!(cable["id"], "08USNATO276");
    assert_eq!(ids, ["08USNATO274", "08BRUSSELS101", "08USNATO12"]);
}

/// Every cable of a corpus whose id inspect gives: the id is the file's name (the release's id),
/// or differs only where the release took other words of a garbled banner into its id (`EFTO`,
/// `SECTION 01 OF 03`) or the file is another cable's record. Mismatches of the station alone
/// (same year and serial) are reported and fail the test.
fn ids_match_file_names(name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(name);
    let tables = cablelint::data::Tables::builtin();
    let split = |id: &str| -> Option<(String, String, String)> {
        let year: String = id.chars().take_while(char::is_ascii_digit).collect();
        let rest = &id[year.len()..];
        let serial: String = rest
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let station = rest[..rest.len() - serial.len()].to_string();
        (!year.is_empty() && !serial.is_empty()).then_some((year, station, serial))
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let (mut same, mut mismatches) = (0, Vec::new());
    for path in &files {
        let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
        let cable = cablelint::syntax::parse(&text);
        let data =
            cablelint::inspect::inspect(&cable, &path.display().to_string(), tables, drafting());
        let want = path.file_stem().unwrap().to_str().unwrap();
        let Some(got) = data.id.as_deref() else {
            continue;
        };
        if got == want {
            same += 1;
            continue;
        }
        let (Some(w), Some(g)) = (split(want), split(got)) else {
            continue;
        };
        let garbled_banner = ["EFTO", "SECTION", "SCTION"]
            .iter()
            .any(|word| w.1.contains(word));
        if w.0 == g.0 && w.2 == g.2 && !garbled_banner {
            mismatches.push(format!("{want}: inspect gives {got}"));
        }
    }
    assert!(
        same * 2 > files.len(),
        "{name}: only {same} ids are the file names"
    );
    assert!(
        mismatches.is_empty(),
        "{} stations differ from the release's ids in {name}:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
#[cfg_attr(
    shared_corpus_absent,
    ignore = "needs ../shared/corpus, which is absent"
)]
fn corpus_ids_are_the_release_ids() {
    ids_match_file_names("corpus");
}

#[test]
#[cfg_attr(
    shared_corpus_release_absent,
    ignore = "needs ../shared/corpus-release, which is absent"
)]
fn corpus_release_ids_are_the_release_ids() {
    ids_match_file_names("corpus-release");
}

/// A portion marking in capitals written after the reason letters at the end of the authority
/// line (`1.4 (b) and (d) (C)`) marks the line and is no reason (c); a reason letter in the same
/// case as the others (`(b), (d) (c)`) stays a reason, and so does a capital `(C)` among capitals.
#[test]
fn a_marking_after_the_reasons_is_no_reason() {
    let reasons = |authority: &str| {
        let text = format!(
            "C O N F I D E N T I A L OSLO 000005\n\nE.O. 13526: DECL: 12/02/2036\n\
             TAGS: PREL NO\nSUBJECT: NORWAY: TEST\n\n{authority}\n\n1. (C) Text.\n\nEIDE\n"
        );
        inspect_text(&text)["classified_by"]["reasons"].clone()
    };
    let letters = |l: &[&str]| Value::from(l.to_vec());
    assert_eq!(
        reasons("Classified By: Ambassador X for reasons 1.4 (b) and (d) (C)"),
        letters(&["b", "d"])
    );
    assert_eq!(
        reasons("Classified By: Ambassador X for reasons 1.4 (b) and (d) (S/NF)"),
        letters(&["b", "d"])
    );
    assert_eq!(
        reasons("Classified By: Ambassador X for reasons 1.4 (b), (d) (c)"),
        letters(&["b", "d", "c"])
    );
    assert_eq!(
        reasons("CLASSIFIED BY: AMBASSADOR X FOR REASONS 1.4 (B) (D) (C)"),
        letters(&["b", "d", "c"])
    );
}

/// A record whose truncated preview (the elements cut off with `...`) is followed, after blank
/// lines only, by the banner again with the elements joined onto it and then the full record:
/// the full record is read (whole subject, references, authority), the preview is reported
/// (`truncated-preview`), and the preview's cut is no missing authority.
#[test]
fn a_preview_then_the_repeated_banner_reads_the_full_record() {
    let record = "VZCZCXRO1234\nPP RUEHFL\nDE RUEHOS #0005/01 2261118\nZNY CCCCC ZZH\n\
        P 131118Z AUG 08\nFM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC PRIORITY 1234\n\n\
        C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000005 \n \nSIPDIS \n \n\
        E.O. 12958: DECL: 08/12/2018 \nTAGS: PREL NO\nSUBJECT: NORWAY: MINISTERS AGREE ON \n\
        FISHERIES, DIS...\n\n\
        C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000005 SIPDIS E.O. 12958: DECL: 08/12/2018 TAGS: PREL NO\n\n\
        SUBJECT: NORWAY: MINISTERS AGREE ON FISHERIES, DISAGREE ON OIL REF: OSLO 1362 \
        Classified By: Ambassador Jane Doe for reasons 1.4 (b) and (d) \n\n\
        ¶1. (C) The ministers met on August 12.\n\n¶2. (C) They agreed on fisheries.\n\nDOE\n";
    let cable = inspect_text(record);
    assert_eq!(
        cable["subject"],
        "NORWAY: MINISTERS AGREE ON FISHERIES, DISAGREE ON OIL"
    );
    assert_eq!(cable["references"][0]["text"], "OSLO 1362");
    assert_eq!(
        cable["classified_by"]["reasons"],
        serde_json::json!(["b", "d"])
    );
    let kinds: Vec<&str> = cable["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"truncated-preview"), "{kinds:?}");
    let r = run_in(
        Path::new("."),
        &[
            "check",
            "--isolated",
            "--output-format",
            "concise",
            "-",
            "--stdin-filename",
            "x.txt",
        ],
        Some(record.as_bytes()),
    );
    assert!(
        r.stdout.contains("info[CBL603] truncated preview"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("CBL223"), "{}", r.stdout);
}
