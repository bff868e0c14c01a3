//! Record reading faults a researcher's trial of `inspect` and `check` over the released records
//! found, each as a kind: a second SUBJECT element, page headers read as references, a REF joined
//! onto a SUBJECT continuation line, a classification authority joined after other text, a
//! partial record's bare date-time group, CSV escaping in a dump line's values, and ids left null
//! without a note.
//!
//! Every fixture is a cable we wrote, with invented content. Each asserts what the user sees: the
//! fields `inspect` gives, or which rules fire.

mod support;

use support::{codes, inspected};

#[test]
fn a_second_subject_element_adds_nothing_to_the_subject() {
    // The repeated subject after the classification authority, and after a REF block.
    let after_authority = "C O N F I D E N T I A L OSLO 000779\n\nSIPDIS\n\nE.O. 13526: DECL: 12/01/2036\nTAGS: PREL NO\nSUBJECT: NORWAY: FIRST SUBJECT\nCONTINUED HERE\n\nClassified By: Ambassador Kari Invented, reasons 1.4 (b) and (d)\n\nSUBJ: Norway: First Subject\nContinued Here\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(after_authority);
    assert_eq!(v["subject"], "NORWAY: FIRST SUBJECT CONTINUED HERE");
    assert_eq!(v["classified_by"]["authority"], "Ambassador Kari Invented");
    assert!(
        codes(after_authority).is_empty(),
        "{:?}",
        codes(after_authority)
    );

    let after_refs = "C O N F I D E N T I A L OSLO 000780\n\nSIPDIS\n\nE.O. 13526: DECL: 12/01/2036\nTAGS: PREL NO\nSUBJECT: NORWAY: FIRST SUBJECT\nCONTINUED HERE\n\nREF: A. OSLO 0066\nB. STATE 1234\n\nClassified By: Ambassador Kari Invented, reasons 1.4 (b) and (d)\n\nSUBJECT: Norway: First Subject\nContinued Here\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(after_refs);
    assert_eq!(v["subject"], "NORWAY: FIRST SUBJECT CONTINUED HERE");
    assert_eq!(
        cited(&v),
        ["OSLO 0066", "STATE 1234"],
        "{}",
        v["references"]
    );
}

/// The texts of the cables `inspect` reads in the REF block.
fn cited(v: &serde_json::Value) -> Vec<String> {
    v["references"]
        .as_array()
        .expect("references")
        .iter()
        .filter(|r| r["kind"] == "cable")
        .filter_map(|r| r["text"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_page_header_inside_the_ref_block_is_no_reference() {
    // The page break alone on its lines, and with the next items joined after the page header.
    let alone = "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 001234\n\nSIPDIS\n\nE.O. 12958: DECL: 09/21/2010\nTAGS: PREL NO\nSUBJECT: NORWAY: AN INVENTED SUBJECT\n\nREF: OSLO 1100  CONFIDENTIAL\nPAGE 02 OSLO 01234 01 OF 02 271458Z\n\nClassified By: DCM John Invented, reasons 1.5 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(alone);
    assert_eq!(cited(&v), ["OSLO 1100"], "{}", v["references"]);
    let joined = "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 001234\n\nSIPDIS\n\nE.O. 12958: DECL: 09/21/2010\nTAGS: PREL NO\nSUBJECT: NORWAY: AN INVENTED SUBJECT\nREF: A. STATE 40721\n CONFIDENTIAL\nPAGE 02 OSLO 01234 01 OF 02 082030Z  B. OSLO 1098  C. OSLO 894\nCLASSIFIED BY: DCM JOHN INVENTED, REASONS 1.5 (B) AND (D).\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(joined);
    assert_eq!(
        cited(&v),
        ["STATE 40721", "OSLO 1098", "OSLO 894"],
        "{}",
        v["references"]
    );
}

#[test]
fn a_ref_joined_onto_a_subject_continuation_line_is_read_as_the_ref_block() {
    let text = "UNCLAS OSLO 000198\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: NORWAY: AN INVENTED SUBJECT ON TWO\nLINES BEFORE THE PLENARY REF: STATE 16112\n\n1. First.\n\n2. Second.\n\nINVENTED\n";
    let v = inspected(text);
    assert_eq!(
        v["subject"],
        "NORWAY: AN INVENTED SUBJECT ON TWO LINES BEFORE THE PLENARY"
    );
    assert_eq!(cited(&v), ["STATE 16112"], "{}", v["references"]);
}

#[test]
fn every_null_id_has_a_note_saying_why() {
    // A draft has no date-time group; a banner without its serial; no banner at all.
    let draft = "UNCLAS OSLO 000198\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: AN INVENTED SUBJECT\n\n1. First.\n\n2. Second.\n\nINVENTED\n";
    for (text, why) in [
        (draft.to_string(), "date-time group"),
        (draft.replace(" 000198", ""), "origin or serial"),
        (draft.replace("UNCLAS OSLO 000198\n\n", ""), "no banner"),
    ] {
        let v = inspected(&text);
        assert!(v["id"].is_null(), "{v}");
        let note = v["id_note"].as_str().unwrap_or_default();
        assert!(note.contains(why), "{why}: {v}");
    }
}
