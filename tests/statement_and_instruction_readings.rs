//! Readings a stop left, each as a kind:
//! - where a classification authority statement ends;
//! - the schedules of the older orders' declassification instructions (`XGDS-2`, `RDS-3`,
//!   `ADS`);
//! - the release's id line among a record's artifacts;
//! - a single numbered paragraph that the release joined the other paragraphs onto;
//! - a banner whose only lower-case word is the `of` of its section phrase.
//!
//! Every fixture is a cable we wrote, with invented content: a base of `tests/rules/base/` with a
//! few `(find, replace)` edits. Each asserts what the user sees: the fields `inspect` gives, or
//! which rules fire.

mod support;

use support::{codes, edit, inspected};

const C: &str = include_str!("rules/base/confidential.cable");

/// The 1-based line of the first line that starts with `start`.
fn line_of(text: &str, start: &str) -> u64 {
    let i = text
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with `{start}`"));
    i as u64 + 1
}

/// The first and last line of the classification authority statement, and its reasons.
fn statement(text: &str) -> (u64, u64, serde_json::Value) {
    let v = inspected(text);
    let cb = &v["classified_by"];
    (
        cb["range"]["start"]["line"].as_u64().expect("a start"),
        cb["range"]["end"]["line"].as_u64().expect("an end"),
        cb["reasons"].clone(),
    )
}

/// Once its reason is finished, the statement ends: the line after it (a salutation, a heading, a
/// marked line of text) is no part of it, however the reason was wrapped before it.
#[test]
fn the_statement_ends_with_its_reason() {
    let b_d = serde_json::json!(["b", "d"]);
    for (reason, after) in [
        ("Reasons 1.4 (b) and (d).", "Madam Secretary:"),
        ("Reasons 1.4 (b) and (d).", "Summary"),
        (
            "Reasons 1.4 (b) and (d).",
            "(C) The minister called the talks useful.",
        ),
        ("Reasons 1.4 (b) a\nnd (d).", "Madam Secretary:"),
        ("Reasons 1.4 B\nAND D.", "Madam Secretary:"),
        ("Reasons 1.4 (b) and (d\n).", "CONFIDENTIAL"),
    ] {
        let text = edit(
            C,
            &[(
                "Reasons 1.4 (b) and (d).\n\n¶1.",
                &format!("{reason}\n{after}\n\n¶1."),
            )],
        );
        let (start, end, reasons) = statement(&text);
        assert_eq!(start, line_of(&text, "Classified By:"), "{text}");
        assert_eq!(end, line_of(&text, after) - 1, "{reason} / {after}");
        assert_eq!(reasons, b_d, "{reason} / {after}");
    }
}

/// An unfinished reason goes on on the next line: a parenthesis left open, a connector at the
/// line's end, or no letter yet.
#[test]
fn an_unfinished_reason_goes_on() {
    for (reason, last) in [
        ("Reasons 1.4 (b),\n(d).", "(d)."),
        ("Reasons 1.4 (b) and\n(d).", "(d)."),
        ("Reasons 1.4 (b/\nd).", "d)."),
        ("Reasons 1.4\n(b, d)", "(b, d)"),
        // The reason reader takes only `b` from this one; the statement still ends on its line.
        ("Reasons 1.4(b)\n(c)and(d)", "(c)and(d)"),
    ] {
        let text = edit(C, &[("Reasons 1.4 (b) and (d).", reason)]);
        let (_, end, reasons) = statement(&text);
        assert_eq!(end, line_of(&text, last), "{reason}");
        assert_eq!(reasons.get(0), Some(&serde_json::json!("b")), "{reason}");
    }
}

/// The schedules of E.O. 11652 and 12065 are declassification instructions, as a value of their
/// own or after `DECL:`: `inspect` gives them with their date, and no rule takes them for a
/// value that says nothing.
#[test]
fn the_older_orders_schedules_are_instructions() {
    let old = |eo: &str| {
        edit(
            C,
            &[
                ("E.O. 12958: DECL: 03/12/2018", eo),
                ("O 120745Z MAR 08", "O 120745Z MAR 77"),
                ("DE RUEHUL #0614/01 0720751", "DE RUEHUL #0614/01 0710751"),
            ],
        )
    };
    for (eo, decl_text, decl) in [
        ("E.O. 11652: XGDS-2", "XGDS-2", None),
        ("E.O. 11652: ADS", "ADS", None),
        (
            "E.O. 12065: RDS-3 3/12/97 (WHITFIELD, DANA R.) OR-P",
            "RDS-3 3/12/97",
            Some("1997-03-12"),
        ),
        (
            "E.O. 12065: GDS 3/12/83 (WHITFIELD, DANA R.) OR-P",
            "GDS 3/12/83",
            Some("1983-03-12"),
        ),
    ] {
        let v = inspected(&old(eo));
        assert_eq!(v["eo"]["decl_text"], decl_text, "{:#}", v["eo"]);
        assert_eq!(v["eo"]["decl"].as_str(), decl, "{:#}", v["eo"]);
    }
    for value in ["RDS", "ADS", "XGDS-2"] {
        let text = old(&format!("E.O. 11652: DECL: {value}"));
        let found = codes(&text);
        assert!(!found.contains(&"CBL218"), "{value}: {found:?}");
        let v = inspected(&text);
        assert_eq!(v["eo"]["decl_text"], value, "{:#}", v["eo"]);
    }
    // A word of letters that is no schedule still says nothing about when.
    let found = codes(&old("E.O. 11652: DECL: SOMEDAY"));
    assert!(found.contains(&"CBL218"), "{found:?}");
}

/// The release's id line after the text (`2008SEOUL00614 - CONFIDENTIAL`) is one of the record's
/// artifacts, as the release's notice before the text is; the signature above it is still read.
#[test]
fn the_release_s_id_line_is_an_artifact() {
    let record = edit(
        C,
        &[(
            "VZCZCXRO4417\n",
            "This record is a partial extract of the original cable. The full text of the \
             original cable is not available.\n\nVZCZCXRO4417\n",
        )],
    );
    let last = record
        .trim_end()
        .lines()
        .last()
        .expect("a last line")
        .to_string();
    let with_id = format!("{}\n\n2008SEOUL00614 - CONFIDENTIAL\n", record.trim_end());
    let v = inspected(&with_id);
    let id_line = line_of(&with_id, "2008SEOUL00614 - ");
    let notices: Vec<u64> = v["artifacts"]
        .as_array()
        .expect("artifacts")
        .iter()
        .filter(|a| a["kind"] == "release-notice")
        .map(|a| a["range"]["start"]["line"].as_u64().expect("a line"))
        .collect();
    assert_eq!(notices, [1, id_line], "{:#}", v["artifacts"]);
    assert_eq!(v["signature"], last.trim(), "{v:#}");
    // Without the id line the notice is the only one.
    let v = inspected(&record);
    let kinds: Vec<&str> = v["artifacts"]
        .as_array()
        .expect("artifacts")
        .iter()
        .filter_map(|a| a["kind"].as_str())
        .filter(|k| *k == "release-notice")
        .collect();
    assert_eq!(kinds, ["release-notice"]);
}

/// A single numbered paragraph is noted, unless the release joined the text's other numbered
/// paragraphs onto its line (it took the line breaks out of the text).
#[test]
fn a_paragraph_holding_the_joined_others_is_not_the_only_one() {
    let start = C.find("¶1. (C) Summary.").expect("paragraph 1");
    let end = C.rfind("\n\nMARTINDALE").expect("the signature");
    let single = |text: &str| format!("{}{text}{}", &C[..start], &C[end..]);
    let joined = single(
        "¶1. (C) Summary. The vice-ministerial talks resume in April. End Summary. 2. (C) Park \
         said the first session would cover fisheries quotas. 3. (C) Comment: The decision to \
         defer the textbook issue is a practical one. End Comment.",
    );
    let found = codes(&joined);
    assert!(!found.contains(&"CBL404"), "{found:?}\n{joined}");

    let alone = single("¶1. (C) The vice-ministerial talks resume in April, 2. or 3. May.");
    let found = codes(&alone);
    assert!(found.contains(&"CBL404"), "{found:?}\n{alone}");
}

/// A banner in capitals whose section phrase writes `of` in lower case (`SECTION 01 of 02`) is no
/// sentence-case cable: a portion marking in lower case is still noted; a banner the release wrote
/// in sentence case (`C o n f i d e n t i a l section 01 of 02 seoul 000614`) keeps it quiet.
#[test]
fn a_lower_case_of_in_the_section_phrase_is_no_sentence_case() {
    let lower = edit(
        C,
        &[
            ("¶2. (C) MOFAT", "¶2. (c/nf) MOFAT"),
            ("SIPDIS\n", "NOFORN\nSIPDIS\n"),
        ],
    );
    let of = edit(&lower, &[("SECTION 01 OF 02", "SECTION 01 of 02")]);
    let found = codes(&of);
    assert!(found.contains(&"CBL402"), "{found:?}");
    let sentence = edit(
        &lower,
        &[(
            "C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614",
            "C o n f i d e n t i a l section 01 of 02 seoul 000614",
        )],
    );
    let found = codes(&sentence);
    assert!(!found.contains(&"CBL402"), "{found:?}");
}
