//! Fields of `inspect` (and one finding of `check`) a researcher's trial over the released records
//! found wrong, each as a kind: the signature above the line with which the release ends some
//! records (`2004OSLO00217 - Classification: CONFIDENTIAL`), a classification authority that ran
//! on into the underlined heading after it, the date of a partial record's weekday line, a
//! lower-case code of five letters in a sentence-case TAGS line, and the declassification
//! instruction of an E.O. 12065 cable.
//!
//! Every fixture is a cable we wrote, with invented content. Each asserts what the user sees: the
//! fields `inspect` gives, or which rules fire.

mod support;

use support::{codes, edit, inspected};

/// A partial record as the release gives the newer ones: the notice, the weekday line, the text
/// with its paragraphs on one line each, the signature, `NNNN` and the release's id line.
const PARTIAL: &str = "This record is a partial extract of the original cable. The full text of \
the original cable is not available.

Friday, 13 August 2004, 09:41
C O N F I D E N T I A L  OSLO 000217 
SIPDIS 
EO 12958 DECL: 08/13/2014 
TAGS PREL, NO 
SUBJECT: FJORD TALKS RESUME 
Classified By: Ambassador Ana Invented. Reasons 1.4 (b) and (d).
------- 
Summary
------- 
¶1. (C) The minister said the fjord talks would resume in the autumn. End Summary.
¶2. (C) The talks had stalled over the count of boats in the inner fjord.
INVENTED
NNNN
 2004OSLO00217 - Classification: CONFIDENTIAL
";

/// The signature above the release's id line is read, with `NNNN` between them or not, the id
/// line in either of its forms, after the export's `>`, or with its closing quote.
#[test]
fn a_signature_above_the_release_s_id_line_is_read() {
    let variants = [
        PARTIAL.to_string(),
        edit(PARTIAL, &[("NNNN\n", "")]),
        edit(
            PARTIAL,
            &[(
                " 2004OSLO00217 - Classification: CONFIDENTIAL",
                "2004OSLO00217 - CONFIDENTIAL",
            )],
        ),
        edit(
            PARTIAL,
            &[(
                "NNNN\n 2004OSLO00217 - Classification: CONFIDENTIAL\n",
                "CONFIDENTIAL\n>\n2004OSLO00217 - Classification: CONFIDENTIAL \"\n",
            )],
        ),
        edit(
            PARTIAL,
            &[("NNNN\n 2004OSLO00217", " CONFIDENTIAL\n>  2004OSLO00217")],
        ),
        // The surname at the end of the last line of text.
        edit(
            PARTIAL,
            &[("inner fjord.\nINVENTED\n", "inner fjord. INVENTED\n")],
        ),
    ];
    for text in &variants {
        let v = inspected(text);
        assert_eq!(v["signature"], "INVENTED", "{text}");
        let found = codes(text);
        assert!(!found.contains(&"CBL409"), "{found:?}\n{text}");
    }
    // A line of another shape after the surname is text: the cable does not end with a signature.
    let after = edit(
        PARTIAL,
        &[(
            " 2004OSLO00217 - Classification: CONFIDENTIAL",
            "The boats were counted again.",
        )],
    );
    assert!(inspected(&after)["signature"].is_null());
}

/// The classification authority ends at the dashed rule that opens the underlined heading after
/// it; a reason on the next line still belongs to it.
#[test]
fn the_classification_authority_ends_at_a_dashed_rule() {
    let v = inspected(PARTIAL);
    let range = &v["classified_by"]["range"];
    assert_eq!(range["start"]["line"], 9, "{range}");
    assert_eq!(range["end"]["line"], 9, "{range}");
    assert_eq!(v["classified_by"]["reasons"], serde_json::json!(["b", "d"]));

    let split = edit(
        PARTIAL,
        &[(
            "Invented. Reasons 1.4 (b) and (d).",
            "Invented. Reasons 1.4 (b)\nand (d).",
        )],
    );
    let v = inspected(&split);
    let range = &v["classified_by"]["range"];
    assert_eq!(range["start"]["line"], 9, "{range}");
    assert_eq!(range["end"]["line"], 10, "{range}");
    assert_eq!(v["classified_by"]["reasons"], serde_json::json!(["b", "d"]));
}

/// A partial record without a header is dated by its weekday line, as by a bare date-time group
/// line; a weekday that is not the date's dates nothing; a header's date-time group comes first.
#[test]
fn a_partial_record_is_dated_by_its_weekday_line() {
    let v = inspected(PARTIAL);
    assert_eq!(v["date"], "2004-08-13T09:41Z", "{v:#}");
    assert_eq!(v["id"], "04OSLO217", "{v:#}");
    assert!(v["id_note"].is_null(), "{v:#}");

    let wrong_day = edit(PARTIAL, &[("Friday, 13 August", "Monday, 13 August")]);
    let v = inspected(&wrong_day);
    assert!(v["date"].is_null(), "{v:#}");
    assert!(v["id"].is_null(), "{v:#}");

    let with_header = edit(
        PARTIAL,
        &[(
            "\nFriday, 13 August 2004, 09:41\n",
            "\nR 120815Z AUG 04\nFM AMEMBASSY OSLO\nTO SECSTATE WASHDC 5040\n\nFriday, 13 August 2004, 09:41\n",
        )],
    );
    let v = inspected(&with_header);
    assert_eq!(v["date"], "2004-08-12T08:15Z", "{v:#}");
}

/// A lower-case code of a sentence-case TAGS line is looked up whatever its length.
#[test]
fn a_lower_case_code_of_five_letters_is_looked_up() {
    let text = "R 021258Z JAN 09
FM SECSTATE WASHDC
TO AMEMBASSY OSLO 4410

S e c r e t state 004410

Sipdis

E.o. 12958: decl: 01/02/2034
Tags: mtcre, parm, prel, no
Subject: an invented sale of rocket parts

1. (s) The parts were sold twice.

Clinton
";
    let v = inspected(text);
    let tags: Vec<(String, String)> = v["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| {
            (
                t["code"].as_str().expect("a code").to_string(),
                t["kind"].as_str().expect("a kind").to_string(),
            )
        })
        .collect();
    assert_eq!(
        tags,
        [
            ("MTCRE".to_string(), "organization".to_string()),
            ("PARM".to_string(), "subject".to_string()),
            ("PREL".to_string(), "subject".to_string()),
            ("NO".to_string(), "geographic".to_string()),
        ]
    );
    assert!(v["tags"][0]["title"].is_string(), "{:#}", v["tags"][0]);
}

/// The declassification instruction of the E.O. 11652 and 12065 era (`GDS`, and the date E.O.
/// 12065 cables write after it) is kept, without the classifier's name and office.
#[test]
fn the_instruction_of_an_e_o_12065_cable_is_kept() {
    let text = "R 131315Z AUG 79
FM AMEMBASSY TEHRAN
TO SECSTATE WASHDC 3301

C O N F I D E N T I A L TEHRAN 09114

E.O. 12065: GDS 8/13/85 (KESTREL, M.) OR-P
TAGS: PINS PGOV IR
SUBJECT: AN INVENTED POSTPONEMENT

1. (C - ENTIRE TEXT).

2. THE ELECTIONS WERE POSTPONED.

KESTREL
";
    let v = inspected(text);
    assert_eq!(v["eo"]["order"], "12065");
    assert_eq!(v["eo"]["decl_text"], "GDS 8/13/85", "{:#}", v["eo"]);
    assert_eq!(v["eo"]["decl"], "1985-08-13", "{:#}", v["eo"]);

    let old = edit(
        text,
        &[(
            "E.O. 12065: GDS 8/13/85 (KESTREL, M.) OR-P",
            "E.O. 11652: GDS",
        )],
    );
    let v = inspected(&old);
    assert_eq!(v["eo"]["order"], "11652");
    assert_eq!(v["eo"]["decl_text"], "GDS", "{:#}", v["eo"]);
    assert!(v["eo"]["decl"].is_null(), "{:#}", v["eo"]);
}
