//! Fields of `inspect` a researcher's trial over the released records found wrong, each as a kind: a
//! printout's page header before the header, references without a year to the citing post's later
//! serials, a date-time group after web-inbox lines, a REF block joined onto the SUBJECT line, the
//! classification authority's reason words, ids that differ from the release's without a note, an
//! empty REF line, and a partial record dated by a later section's header in its text.
//!
//! Every fixture is a cable we wrote, with invented content. Each asserts what the user sees: the
//! fields `inspect` gives, or which rules fire.

mod support;

use support::{codes, inspected};

/// The kinds of the release artifacts `inspect` lists.
fn artifacts(v: &serde_json::Value) -> Vec<String> {
    v["artifacts"]
        .as_array()
        .expect("artifacts")
        .iter()
        .map(|a| a["kind"].as_str().expect("a kind").to_string())
        .collect()
}

/// The messages of the `page-header` findings (CBL602), checked with the default settings.
fn page_header_messages(text: &str) -> Vec<String> {
    cablelint::check(
        text,
        &cablelint::rules::Settings::default(),
        cablelint::data::Tables::builtin(),
    )
    .into_iter()
    .filter(|d| d.rule.code() == "CBL602")
    .map(|d| d.message)
    .collect()
}

#[test]
fn a_page_header_before_the_header_is_skipped_and_the_cable_read() {
    // Before a whole transmission header, the classification spaced out.
    let transmitted = "S E C R E T   LIMA   00000731 \nVZCZCXRO4410\nPP RUEHC\nDE RUEHPE #0731/01 1531200\nZNY SSSSS ZZH\nP 021200Z JUN 09\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC PRIORITY 5512\n\nS E C R E T SECTION 01 OF 02 LIMA 000731\n\nSECRET//NOFORN\n\nE.O. 12958: DECL: 06/02/2019\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (S) First.\n\n2. (S) Second.\n\nINVENTED\n";
    let v = inspected(transmitted);
    assert_eq!(v["kind"], "transmitted");
    assert_eq!(v["id"], "09LIMA731");
    assert!(v.get("id_note").is_none(), "{}", v["id_note"]);
    assert_eq!(v["date"], "2009-06-02T12:00Z");
    assert_eq!(v["serial"], "000731");
    assert_eq!(v["section"]["number"], 1);
    assert_eq!(v["section"]["of"], 2);
    assert_eq!(v["classification"]["banner"], "S E C R E T");
    assert_eq!(
        v["classification"]["controls"],
        serde_json::json!(["NOFORN"])
    );
    assert_eq!(artifacts(&v), ["page-header"]);
    let found = codes(transmitted);
    assert!(!found.contains(&"CBL606"), "{found:?}");
    // The finding names the copy the page header heads.
    assert_eq!(
        page_header_messages(transmitted),
        ["page header of a transmitted copy: skipped, it is no part of the cable"]
    );

    // Before a received copy's header that starts at the date-time group.
    let received = "UNCLASSIFIED   STATE   00104417 \nO 251814Z SEP 09\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE IMMEDIATE\n\nUNCLAS SECTION 01 OF 02 STATE 104417\n\nSENSITIVE\n\nE.O. 12958: N/A\nTAGS: KNNP PARM IR\nSUBJECT: AN INVENTED SUBJECT\n\n1. (U) First.\n\n2. (SBU) Second.\n\nINVENTED\n";
    let v = inspected(received);
    assert_eq!(v["kind"], "received-copy");
    assert_eq!(v["id"], "09STATE104417");
    assert_eq!(v["date"], "2009-09-25T18:14Z");
    assert_eq!(v["classification"]["banner"], "UNCLAS");
    assert_eq!(v["section"]["of"], 2);
    assert!(!codes(received).contains(&"CBL606"));
    assert_eq!(
        page_header_messages(received),
        ["page header of a received copy: skipped, it is no part of the cable"]
    );
    // The receiving office's `PAGE` form in the addressees of a transmitted copy (its printer's)
    // is a received copy's, counted with the first.
    let paged = transmitted.replace(
        "TO RUEHC/SECSTATE WASHDC PRIORITY 5512\n",
        "TO RUEHC/SECSTATE WASHDC PRIORITY 5512\nINFO PAGE 02        LIMA   00731  021200Z\nRUEHBO/AMEMBASSY BOGOTA PRIORITY 0101\n",
    );
    assert_eq!(
        page_header_messages(&paged),
        ["page header of a transmitted copy (2 in this copy): skipped, it is no part of the cable"]
    );

    // The same line with nothing read after it stays the banner: it is the only one.
    let alone =
        "UNCLASSIFIED   STATE   00104417\n\nSUBJECT: AN INVENTED SUBJECT\n\n1. (U) First.\n";
    assert_eq!(inspected(alone)["classification"]["banner"], "UNCLASSIFIED");

    // The marking line written with a space for its `//` gives its control too.
    let spaced = transmitted.replace("SECRET//NOFORN", "SECRET NOFORN");
    assert_eq!(
        inspected(&spaced)["classification"]["controls"],
        serde_json::json!(["NOFORN"])
    );
}

/// The cable ids `inspect` gives the references, in order.
fn cable_ids(v: &serde_json::Value) -> Vec<String> {
    v["references"]
        .as_array()
        .expect("references")
        .iter()
        .map(|r| r["cable_id"].as_str().unwrap_or("null").to_string())
        .collect()
}

#[test]
fn a_later_serial_of_the_own_post_without_a_year_is_last_years() {
    let cable = "O 031200Z JAN 08\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0012\n\nC O N F I D E N T I A L LIMA 000004\n\nSIPDIS\n\nE.O. 12958: DECL: 01/03/2018\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\nREF: A. LIMA 3912\n     B. LIMA 0002\n     C. STATE 1234\n     D. 08 LIMA 0001\n     E. 07 LIMA 0003\n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(cable);
    assert_eq!(v["id"], "08LIMA4");
    // Above the own serial without a year: last year's. Below it, another post's, or with a year
    // written: as before.
    assert_eq!(
        cable_ids(&v),
        ["07LIMA3912", "08LIMA2", "08STATE1234", "08LIMA1", "07LIMA3"]
    );
    // Nothing is reported: the reference rule judges written years only.
    assert!(!codes(cable).contains(&"CBL309"), "{:?}", codes(cable));
    // With the own year written, the later serial is reported.
    let written = cable.replace("A. LIMA 3912", "A. 08 LIMA 3912");
    assert_eq!(cable_ids(&inspected(&written))[0], "08LIMA3912");
    assert!(codes(&written).contains(&"CBL309"));
}

#[test]
fn a_companion_serial_just_above_the_own_is_this_years() {
    // LIMA 000004 cites the cable sent with it (5) and one 10 above: both this year's; 11 above
    // is a later cable, so last year's.
    let cable = "O 031200Z DEC 08\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0012\n\nC O N F I D E N T I A L LIMA 000004\n\nSIPDIS\n\nE.O. 12958: DECL: 12/03/2018\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\nREF: A. LIMA 5 (INVENTED COMPANION)\n     B. LIMA 14\n     C. LIMA 15\n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    assert_eq!(
        cable_ids(&inspected(cable)),
        ["08LIMA5", "08LIMA14", "07LIMA15"]
    );
    // With the own year written, the companion is not a later cable; 11 above is.
    let written = cable
        .replace("A. LIMA 5", "A. 08 LIMA 5")
        .replace("C. LIMA 15", "C. 08 LIMA 15");
    assert_eq!(
        cable_ids(&inspected(&written)),
        ["08LIMA5", "08LIMA14", "08LIMA15"]
    );
    let found = codes(&written);
    assert_eq!(
        found.iter().filter(|c| **c == "CBL309").count(),
        1,
        "{found:?}"
    );
    let companion_only = written.replace("C. 08 LIMA 15", "C. 08 LIMA 3");
    assert!(!codes(&companion_only).contains(&"CBL309"));
}

#[test]
fn a_header_after_web_inbox_lines_is_read() {
    // A web-inbox printout: its own pseudo-header (the classification with a five-digit serial,
    // the post's routing and drafting lines) before the cable's header, whose banner lost its
    // serial.
    let printout = "null\nJane Q Invented  10/13/2006 02:52:21 PM  From  DB/Inbox:  Jane Q Invented\n\nCable \nText:\n\nC O N F I D E N T I A L        LIMA 04410\n\nSIPDIS\nCXLima:\n    ACTION: POL\n    INFO:   DCM AMB ECON\n\nDISSEMINATION: POL\nCHARGE: PROG\n\nAPPROVED: AMB:AINVENTED\nDRAFTED: POL:BINVENTED\n\nVZCZCLMI681\nOO RUEHC\nDE RUEHPE #4410/01 2851507\nZNY CCCCC ZZH\nO 121507Z OCT 06\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 6902\n\nC O N F I D E N T I A L SECTION 01 OF 02 LIMA \n\nSIPDIS\n\nE.O. 12958: DECL: 10/12/2016\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(printout);
    assert_eq!(v["date"], "2006-10-12T15:07Z");
    assert_eq!(v["header"]["from"], "AMEMBASSY LIMA");
    assert_eq!(v["section"]["of"], 2);
    assert_eq!(v["id"], "06LIMA4410");
    assert_eq!(
        v["id_note"],
        "the banner lacks its origin or serial: the id is the header's (DTG year, FM post, DE serial)"
    );
    assert_eq!(artifacts(&v)[0], "dump-lines");

    // `Cable Text:` alone before the header, a weekday line after it.
    let cable_text = "Cable Text:                                        \nVZCZCLMI278\nPP RUEHC\nDE RUEHPE #4045/01 2981638\nZNY CCCCC ZZH\nP 251638Z OCT 07\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC PRIORITY 6030\n\nThursday, 25 October 2007, 16:38\n\nC O N F I D E N T I A L LIMA 004045\nSIPDIS\n\nE.O. 12958: DECL: 10/17/2017\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(cable_text);
    assert_eq!(v["date"], "2007-10-25T16:38Z");
    assert_eq!(v["id"], "07LIMA4045");
    assert!(v.get("id_note").is_none(), "{}", v["id_note"]);
}

#[test]
fn a_subject_the_release_broke_with_a_blank_line_is_whole() {
    let broken = "C O N F I D E N T I A L LIMA 004045\n\nSIPDIS\n\nE.O. 12958: DECL: 10/17/2017\n\nTAGS: PREL PE\n\nSUBJECT: PERU: THE INVENTED ADVISOR'S\n\nVISIT TO LIMA, OCTOBER 9-14, 2007\n\nREF: LIMA 4030\n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(broken);
    assert_eq!(
        v["subject"],
        "PERU: THE INVENTED ADVISOR'S VISIT TO LIMA, OCTOBER 9-14, 2007"
    );
    assert_eq!(v["references"][0]["text"], "LIMA 4030");

    // A heading, a handling line or text in sentence case after the blank line is no part of it.
    for after in [
        "SUMMARY",
        "ENTIRE TEXT SENSITIVE BUT UNCLASSIFIED",
        "DEPT FOR WHA/AND INVENTED",
        "Invented text of the cable.",
    ] {
        let text = format!("UNCLAS LIMA 004045\n\nE.O. 12958: N/A\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\n{after}\n\n1. (U) First.\n\n2. (U) Second.\n\nINVENTED\n");
        assert_eq!(
            inspected(&text)["subject"],
            "PERU: AN INVENTED SUBJECT",
            "{after}"
        );
    }
}

#[test]
fn a_page_header_or_handling_line_joined_after_the_subject_is_no_part_of_it() {
    let cable = |subject: &str| {
        format!("C O N F I D E N T I A L SECTION 01 OF 03 LIMA 004045\n\nSIPDIS\n\nE.O. 12958: DECL: 10/17/2017\nTAGS: PREL PE\n{subject}\n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n")
    };
    for (subject, whole) in [
        // The page's continuation header joined at the end of the subject's line.
        (
            "SUBJECT: PERU: AN INVENTED SUBJECT LIMA 00004045 001.2 OF 003",
            "PERU: AN INVENTED SUBJECT",
        ),
        // With more after it on the line, or the subject's next line after it.
        (
            "SUBJECT: PERU: AN INVENTED SUBJECT LIMA 00004045 001.2 OF 003 CLASSIFIED",
            "PERU: AN INVENTED SUBJECT",
        ),
        (
            "SUBJECT: PERU: AN INVENTED SUBJECT LIMA 00004045 001.2 OF 003\nIN TWO LINES",
            "PERU: AN INVENTED SUBJECT IN TWO LINES",
        ),
        // The subject's last word after a blank line, the header joined after it.
        (
            "SUBJECT: PERU: THE INVENTED VISIT OF THE U.S.\n\nAMBASSADOR LIMA 00004045 001.2 OF 003",
            "PERU: THE INVENTED VISIT OF THE U.S. AMBASSADOR",
        ),
        // A handling sentence joined after it, misspelled or in sentence case.
        (
            "SUBJECT: PERU: AN INVENTED SUBJECT SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.",
            "PERU: AN INVENTED SUBJECT",
        ),
        (
            "SUBJECT: PERU: AN INVENTED SUBJECT SENSTIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.",
            "PERU: AN INVENTED SUBJECT",
        ),
        (
            "SUBJECT: PERU: AN INVENTED SUBJECT? Sensitive but unclassified. Please handle accordingly.",
            "PERU: AN INVENTED SUBJECT?",
        ),
        (
            "SUBJECT: PERU: AN INVENTED SUBJECT ENTIRE TEXT SENSITIVE BUT UNCLASSIFIED/NOFORN; PLEASE PROTECT ACCORDINGLY.",
            "PERU: AN INVENTED SUBJECT",
        ),
        // What only looks like them stays: another post's header, a subject about such
        // information.
        (
            "SUBJECT: PERU: AN INVENTED SUBJECT ROME 00004045 001.2 OF 003",
            "PERU: AN INVENTED SUBJECT ROME 00004045 001.2 OF 003",
        ),
        (
            "SUBJECT: PERU: GUIDANCE ON SENSITIVE BUT UNCLASSIFIED INFORMATION",
            "PERU: GUIDANCE ON SENSITIVE BUT UNCLASSIFIED INFORMATION",
        ),
    ] {
        assert_eq!(inspected(&cable(subject))["subject"], whole, "{subject}");
    }
}

/// The texts `inspect` gives the references, in order.
fn reference_texts(v: &serde_json::Value) -> Vec<String> {
    v["references"]
        .as_array()
        .expect("references")
        .iter()
        .map(|r| r["text"].as_str().expect("a text").to_string())
        .collect()
}

#[test]
fn a_ref_label_ending_the_subject_line_starts_the_ref_block() {
    // The items on the next lines, bulleted with the release's `¶`.
    let pilcrow = "C O N F I D E N T I A L LIMA 000760\n\nSIPDIS\n\nE.O. 12958: DECL: 04/20/2015\nTAGS: PREL PE\nSUBJECT: PERU WEIGHS AN INVENTED SUMMIT REF: \n¶A. LIMA 564 \n¶B. LIMA 574 \n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(pilcrow);
    assert_eq!(v["subject"], "PERU WEIGHS AN INVENTED SUMMIT");
    assert_eq!(reference_texts(&v), ["LIMA 564", "LIMA 574"]);

    // After a blank line, on one line with the classification authority joined after them.
    let blank = "C O N F I D E N T I A L LIMA 001215\n\nSIPDIS\n\nE.O. 12958: DECL: 04/20/2018\nTAGS: PREL PE\nSUBJECT: PERU: INVENTED SENATORS SEE A NEW LANDSCAPE REF: \n\n(A) LIMA 1115 (B) LIMA 1038 Classified By: Ambassador Ana Invented for reason 1.4 (b) & (d). \n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(blank);
    assert_eq!(v["subject"], "PERU: INVENTED SENATORS SEE A NEW LANDSCAPE");
    assert_eq!(reference_texts(&v), ["LIMA 1115", "LIMA 1038"]);
    assert_eq!(v["classified_by"]["authority"], "Ambassador Ana Invented");
}

#[test]
fn an_underlined_heading_under_the_subject_is_no_part_of_it() {
    let heading = "UNCLAS LIMA 001931\n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PGOV PE\nSUBJECT: PERU: CALM ON THE SURFACE, YET AN INVENTED\nPOLICY CONTINUES\nSummary\n-------\n1. (SBU) First.\n\n2. (SBU) Second.\n\nINVENTED\n";
    let v = inspected(heading);
    assert_eq!(
        v["subject"],
        "PERU: CALM ON THE SURFACE, YET AN INVENTED POLICY CONTINUES"
    );
    // The subject's own last line may be underlined.
    let underlined = "UNCLAS LIMA 000158\n\nE.O. 12958: N/A\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED MEETING\nFOCUSES ON TRADE\n------------------------------\n\n1. (U) First.\n\n2. (U) Second.\n\nINVENTED\n";
    assert_eq!(
        inspected(underlined)["subject"],
        "PERU: AN INVENTED MEETING FOCUSES ON TRADE"
    );
}

#[test]
fn the_classification_authority_has_no_reason_words_and_no_label() {
    let with = |line: &str| {
        let text = format!("C O N F I D E N T I A L LIMA 000718\n\nSIPDIS\n\nE.O. 12958: DECL: 03/20/2019\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\n{line}\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n");
        inspected(&text)["classified_by"]["authority"].clone()
    };
    for (line, expected) in [
        // The reason word broken by the reflow, on one line or over two.
        (
            "Classified By: Charge d'Affaires Ana Invented for reas ons 1.4 (b) and (d)",
            "Charge d'Affaires Ana Invented",
        ),
        (
            "Classified By: Political Counselor Ana Invented, reas\nons 1.4 (b) and (d).",
            "Political Counselor Ana Invented",
        ),
        (
            "Classified By: POLITICAL COUNSELOR ANA INVENTED, FOR REA SONS 1.4 (B,D)",
            "POLITICAL COUNSELOR ANA INVENTED",
        ),
        // The words that led into a reason without the reason word.
        (
            "Classified By: DCM Ana Invented for E.O. 12958 reasons 1.4(d),(e)",
            "DCM Ana Invented",
        ),
        (
            "Classified By: Counselor Ana Invented per reason 1.4 (d)",
            "Counselor Ana Invented",
        ),
        (
            "Classified By: POLITICAL COUNSELOR ANA INVENTED FOR 1.4 (D)",
            "POLITICAL COUNSELOR ANA INVENTED",
        ),
        // The label written twice, or after a portion marking.
        (
            "Classified By: Classified by Ambassador Ana Invented. Reasons 1.4 (b) and (d).",
            "Ambassador Ana Invented",
        ),
        (
            "Classified By: (U)  CLASSIFIED BY EAP DAS ANA INVENTED,\nREASON: 1.4 (C).",
            "EAP DAS ANA INVENTED",
        ),
    ] {
        assert_eq!(with(line), expected, "{line}");
    }
}

#[test]
fn an_id_that_differs_from_the_release_s_or_the_header_s_says_why() {
    // `E F T O` before the origin: the release's id keeps it; the id is the banner's.
    let efto = "R 211322Z SEP 09\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC 3538\n\nUNCLAS E F T O LIMA 002187 \n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\n1. (SBU) First.\n\n2. (SBU) Second.\n\nINVENTED\n";
    let v = inspected(efto);
    assert_eq!(v["id"], "09LIMA2187");
    let note = v["id_note"].as_str().expect("a note");
    assert!(note.contains("09EFTOLIMA2187"), "{note}");
    // With `SECTION 01 OF 02` after it, the release's id is the banner's: no note.
    let sectioned = efto.replace("E F T O LIMA", "E F T O SECTION 01 OF 02 LIMA");
    assert!(inspected(&sectioned).get("id_note").is_none());
    // A section that lost its space.
    let section = efto.replace("E F T O LIMA", "SECTION01 OF 02 LIMA");
    let note = inspected(&section)["id_note"].clone();
    assert!(
        note.as_str()
            .unwrap_or("")
            .contains("09SECTION01OF02LIMA2187"),
        "{note}"
    );

    // The header's DE serial is not the banner's: the id is the banner's, the note names both.
    let de = "VZCZCXRO1234\nOO RUEHC\nDE RUEHPE #4427/01 3171443\nZNY CCCCC ZZH\nO 131443Z NOV 07\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 3538\n\nC O N F I D E N T I A L SECTION 01 OF 02 LIMA 004428\n\nSIPDIS\n\nE.O. 12958: DECL: 11/13/2017\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n\nClassified By: Ambassador Ana Invented, reasons 1.4 (b) and (d)\n\n1. (C) First.\n\n2. (C) Second.\n\nINVENTED\n";
    let v = inspected(de);
    assert_eq!(v["id"], "07LIMA4428");
    let note = v["id_note"].as_str().expect("a note");
    assert!(
        note.contains("#4427") && note.contains("07LIMA4427"),
        "{note}"
    );
    assert!(codes(de).contains(&"CBL113"));
}

#[test]
fn an_empty_ref_line_is_reported_like_an_empty_item() {
    let with = |refs: &str| {
        format!("UNCLAS LIMA 000499\n\nE.O. 12958: N/A\nTAGS: PREL PE\nSUBJECT: PERU: AN INVENTED SUBJECT\n{refs}\n\n1. (U) First.\n\n2. (U) Second.\n\nINVENTED\n")
    };
    assert!(codes(&with("REF: ")).contains(&"CBL312"));
    assert!(codes(&with(" Ref:")).contains(&"CBL312"));
    assert!(codes(&with("REF: A.")).contains(&"CBL312"));
    // Items on the next lines, or after a blank line, are the REF's.
    assert!(!codes(&with("REF:\nA. LIMA 398\nB. LIMA 412")).contains(&"CBL312"));
    assert!(!codes(&with("REF:\n\nA. LIMA 398")).contains(&"CBL312"));
    assert!(!codes(&with("REF: LIMA 398")).contains(&"CBL312"));
}

/// A partial record whose first section's header the release lost: the header of a later section,
/// kept in the text after its distribution block, carries the cable's date-time group (as its own
/// lines, or joined into one line), and dates the record when its FM line names the banner's post.
#[test]
fn a_later_sections_header_in_the_text_dates_a_partial_record() {
    let lines = "This record is a partial extract of the original cable. The full text of the \
                 original cable is not available.

C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217

SIPDIS

E.O. 12958: DECL: 07/19/2012
TAGS: PREL NO
SUBJECT: FJORD TALKS

1. (C) The minister said the talks would go on.

      INFO  LOG-00   NP-00    AID-00   EUR-00   VC-00    /018W
                  ------------------CF2A6B  231627Z /38
P 231625Z JUL 02
FM AMEMBASSY OSLO
TO SECSTATE WASHDC PRIORITY 5040

C O N F I D E N T I A L SECTION 02 OF 02 OSLO 000217

2. (C) More of the same.
";
    let v = inspected(lines);
    assert_eq!(v["id"], "02OSLO217", "{v:#}");
    assert_eq!(v["date"], "2002-07-23T16:25Z");
    assert!(v["id_note"].is_null(), "{v:#}");

    let joined = lines.replace(
        "/018W\n                  ------------------CF2A6B  231627Z /38\nP 231625Z JUL 02\nFM \
         AMEMBASSY OSLO\nTO SECSTATE",
        "/018W ------------------CF2A6B 231627Z /38 P 231625Z JUL 02 FM AMEMBASSY OSLO TO \
         SECSTATE",
    );
    assert_ne!(joined, lines, "the joined form is made");
    let v = inspected(&joined);
    assert_eq!(v["id"], "02OSLO217", "{v:#}");

    // A quoted header of another post's cable dates nothing.
    let other = lines.replace("FM AMEMBASSY OSLO", "FM AMEMBASSY COPENHAGEN");
    let v = inspected(&other);
    assert!(v["date"].is_null(), "{v:#}");
    assert!(v["id"].is_null(), "{v:#}");
}
