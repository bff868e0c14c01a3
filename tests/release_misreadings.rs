//! Release artifacts that a new user's trial over the released records found misread, each as a
//! kind: a paragraph reference the release broke before its number (and gave a pilcrow), paragraph
//! numbers with a doubled point or a comma, the E.O. line and TAGS joined onto the line before
//! without a space, a signature joined onto the last line of text, and the ids and TAGS that
//! `inspect` reports of such records.
//!
//! Every fixture is a cable we wrote, with invented content: a base of `tests/rules/base/` with a
//! few `(find, replace)` edits. Each asserts what the user sees: which rules fire on which line, or
//! the fields `inspect` gives.

mod support;

use cablelint::data::Tables;
use cablelint::rules::Settings;
use cablelint::syntax::LineIndex;
use support::edit;

const C: &str = include_str!("rules/base/confidential.cable");

/// The findings as `(code, 1-based line)`, checked on the drafting date 2026-11-30.
fn findings(text: &str) -> Vec<(&'static str, usize)> {
    let mut settings = Settings::default();
    settings.drafting_date = Some(cablelint::vocab::Date::parse_iso("2026-11-30").expect("a date"));
    let idx = LineIndex::new(text);
    cablelint::check(text, &settings, Tables::builtin())
        .iter()
        .map(|d| (d.rule.code(), idx.line_of(d.range.start()) + 1))
        .collect()
}

fn codes(f: &[(&'static str, usize)]) -> Vec<&'static str> {
    f.iter().map(|&(c, _)| c).collect()
}

/// The drafting date `inspect` reads the texts on (none of them is dated near it).
fn drafting() -> cablelint::vocab::Date {
    cablelint::vocab::Date::parse_iso("2026-11-30").expect("a date")
}

/// What `inspect` gives for the text, as JSON.
fn inspected(text: &str) -> serde_json::Value {
    let cable = cablelint::syntax::parse(text);
    let data = cablelint::inspect::inspect(&cable, "test.cable", Tables::builtin(), drafting());
    serde_json::to_value(&data).expect("inspect data serialises")
}

/// The numbers of the paragraphs `inspect` reads.
fn paragraph_numbers(text: &str) -> Vec<u64> {
    inspected(text)["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| p["number"].as_u64().expect("a number"))
        .collect()
}

#[test]
fn a_paragraph_reference_broken_before_its_number_is_no_paragraph() {
    // `… please see paragraph` / blank / `¶3.`, with and without text after the number, and the
    // short forms `para.` and `paras` without the pilcrow.
    for (end, number) in [
        (" Action request: please see paragraph\n\n¶3. ", "¶3."),
        (
            " Action request: please see paragraph\n\n¶3. ------ BACKGROUND ------",
            "¶3.",
        ),
        (" The points are in para.\n\n3. Both sides", "3."),
        (" Details are in paras\n¶3. ", "¶3."),
        // A date or a range broken the same way, with a number out of sequence.
        (" Both met on January\n\n¶13. Officials", "¶13."),
        (" They met on August 10 or\n\n¶11. Officials", "¶11."),
        (" Rounds 1 and\n\n¶5. Officials", "¶5."),
    ] {
        let t = edit(C, &[("End Summary.\n", &format!("End Summary.{end}\n"))]);
        assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4], "{number} in {end:?}");
        let c = codes(&findings(&t));
        assert!(
            !c.contains(&"CBL401") && !c.contains(&"CBL403"),
            "{end:?}: {c:?}"
        );
    }
}

#[test]
fn the_next_paragraph_after_a_line_the_release_cut_is_still_a_paragraph() {
    // The release cut paragraph 2 after `and`, which leaves no number open (no number before it).
    let t = edit(
        C,
        &[(
            "table a new proposal\non inspection procedures.",
            "table a new proposal and",
        )],
    );
    let t = edit(&t, &[("¶3. (C) Park added", "¶3. Park added")]);
    assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4]);
}

#[test]
fn a_marked_paragraph_after_a_line_ending_in_paragraph_is_still_a_paragraph() {
    // The portion marking decides: the line before was cut, the numbered line is a paragraph.
    let t = edit(
        C,
        &[(
            "¶3. (C) Park added",
            "¶3. (C) The annex is described in paragraph\n\n¶4. (C) Park added",
        )],
    );
    let t = edit(&t, &[("¶4. (C) Comment", "¶5. (C) Comment")]);
    assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4, 5]);
    assert!(!codes(&findings(&t)).contains(&"CBL403"));
}

#[test]
fn a_paragraph_number_with_a_doubled_point_a_comma_or_no_point_is_read() {
    for start in [
        "¶3.. (C) Park added",
        "3.. (C) Park added",
        "3, (C) Park added",
        "3 (C) Park added",
    ] {
        let t = edit(C, &[("¶3. (C) Park added", start)]);
        assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4], "{start}");
        let c = codes(&findings(&t));
        assert!(
            !c.contains(&"CBL401") && !c.contains(&"CBL403"),
            "{start}: {c:?}"
        );
    }
    // Without a marking after it, `3,` at a line start is a figure inside the paragraph.
    let t = edit(
        C,
        &[(
            "schedule and that no public",
            "schedule, the\n3, 4 or 5 first meetings and that no public",
        )],
    );
    assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4]);
    // Nor is a number without a point before a reason letter in capitals (`1.` / `4 (C) AND (D)`).
    let t = edit(
        C,
        &[(
            "schedule and that no public",
            "schedule under section 1.\n4 (C) AND (D) and that no public",
        )],
    );
    assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4]);
}

#[test]
fn the_eo_line_and_tags_joined_on_without_a_space_are_read() {
    // Onto a caption (`SIPDISE.O.`) and onto the DECL date (`…/2018TAGS:`), on the banner's line.
    let t = edit(
        C,
        &[(
            "SEOUL 000614\n\nSIPDIS\n\nE.O. 12958: DECL: 03/12/2018\nTAGS: PREL PGOV JA KS\n",
            "SEOUL 000614 SIPDISE.O. 12958: DECL: 03/12/2018TAGS: PREL PGOV JA KS\n",
        )],
    );
    let v = inspected(&t);
    assert_eq!(v["eo"]["decl"], "2018-03-12", "{}", v["eo"]);
    let tags: Vec<_> = v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["PREL", "PGOV", "JA", "KS"]);
    assert!(
        !codes(&findings(&t)).contains(&"CBL607"),
        "{:?}",
        findings(&t)
    );
}

#[test]
fn tags_joined_onto_the_eo_value_on_the_next_line_are_read() {
    // `E.O. 12958:` / `N/A TAGS: …` in an UNCLAS cable.
    let t = edit(
        C,
        &[(
            "E.O. 12958: DECL: 03/12/2018\nTAGS: PREL PGOV JA KS\n",
            "E.O. 12958:\nN/A TAGS: PREL PGOV JA KS\n",
        )],
    );
    let v = inspected(&t);
    assert_eq!(v["eo"]["na"], true, "{}", v["eo"]);
    assert_eq!(v["tags"].as_array().unwrap().len(), 4, "{}", v["tags"]);
    let c = codes(&findings(&t));
    assert!(!c.contains(&"CBL607") && !c.contains(&"CBL301"), "{c:?}");
}

#[test]
fn a_signature_joined_onto_the_last_line_is_read() {
    for end in [
        "summit. END COMMENT MARTINDALE",
        "summit. End Text MARTINDALE",
        "summit. MINIMIZE CONSIDERED MARTINDALE",
        "summit. Visit Seoul's Classified Web Site at http://www.example.sgov.gov/wiki/Portal:Kor ea MARTINDALE",
        "summit. See http://www.example.gov/communities/state/eap / MARTINDALE",
        "summit.MARTINDALE",
        "summit on the 16.MARTINDALE",
    ] {
        let t = edit(C, &[("summit. End Comment.\n\nMARTINDALE", end)]);
        assert_eq!(inspected(&t)["signature"], "MARTINDALE", "{end}");
        assert!(!codes(&findings(&t)).contains(&"CBL409"), "{end}");
    }
    // A surname-like word after a sentence that goes on is no signature.
    for end in [
        "summit and MARTINDALE",
        "summit. END OF MARTINDALE",
        "summit at www.example.GOV",
    ] {
        let t = edit(C, &[("summit. End Comment.\n\nMARTINDALE", end)]);
        assert!(codes(&findings(&t)).contains(&"CBL409"), "{end}");
    }
}

#[test]
fn a_full_copys_tags_continued_on_the_next_line_add_nothing_to_the_previews_tags() {
    // A truncated preview (cut at `REF: 08 TOK...`), then the full copy with its elements joined
    // onto the banner line and the last tag of TAGS repeated on the next line.
    let t = edit(
        C,
        &[(
            "REF: 08 TOKYO 1187\n",
            "REF: 08 TOK...\n\nC O N F I D E N T I A L SEOUL 000614 SIPDIS E.O. 12958: DECL: 03/12/2018 TAGS: PREL PGOV JA KS\nKS\n\nSUBJECT: ROK AND JAPAN AGREE TO RESUME VICE-MINISTERIAL TALKS ON FISHERIES AND HISTORY TEXTBOOKS REF: 08 TOKYO 1187\n",
        )],
    );
    let v = inspected(&t);
    let tags: Vec<_> = v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["PREL", "PGOV", "JA", "KS"]);
    assert!(v["classified_by"].is_object(), "{}", v["classified_by"]);
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 4);
}

#[test]
fn the_id_of_a_record_whose_banner_is_garbled_or_of_another_cable_is_the_headers() {
    // The base gives its id from the banner.
    let v = inspected(C);
    assert_eq!(v["id"], "08SEOUL614");
    assert!(v.get("id_note").is_none(), "{v}");
    // The release garbled the banner's section clause into the origin (`OF 02QEOUL`).
    let t = edit(
        C,
        &[(
            "SECTION 01 OF 02 SEOUL 000614",
            "SECTION 01 OF 02QEOUL 000614",
        )],
    );
    let v = inspected(&t);
    assert_eq!(v["id"], "08SEOUL614", "{}", v["id_note"]);
    assert!(v["id_note"].as_str().unwrap().contains("garbled"));
    // Another cable's text under this header: the record is the header's.
    let t = edit(
        C,
        &[(
            "SECTION 01 OF 02 SEOUL 000614",
            "SECTION 01 OF 02 TOKYO 002232",
        )],
    );
    let v = inspected(&t);
    assert_eq!(v["id"], "08SEOUL614");
    assert!(v["id_note"].as_str().unwrap().contains("different cables"));
    // A received copy's header of 1988, without a DE line, over a text that cites the E.O. of
    // 1995: the header gives no serial, so there is no id, and the note says why.
    let t = edit(
        &t,
        &[
            ("DE RUEHUL #0614/01 0720751\n", ""),
            ("O 120745Z MAR 08", "O 120745Z MAR 88"),
        ],
    );
    let v = inspected(&t);
    assert!(v["id"].is_null(), "{}", v["id"]);
    assert!(v["id_note"].as_str().unwrap().contains("not known"));
}

/// The labels and texts of the references `inspect` reads.
fn references(text: &str) -> Vec<(Option<String>, String)> {
    inspected(text)["references"]
        .as_array()
        .expect("references")
        .iter()
        .map(|r| {
            (
                r["label"].as_str().map(String::from),
                r["text"].as_str().expect("a text").to_string(),
            )
        })
        .collect()
}

/// The release joined the REF block onto the subject's last word without a space, and the page's
/// continuation header onto the last item: the subject stops at the label, the items are read,
/// and the header is none of them. A word that only ends in `REF:` before no item stays in the
/// subject.
#[test]
fn a_ref_block_joined_onto_the_subject_without_a_space_is_read() {
    let block = "SUBJECT: ROK AND JAPAN AGREE TO RESUME VICE-MINISTERIAL\nTALKS ON FISHERIES AND HISTORY TEXTBOOKS\n\nREF: 08 TOKYO 1187\n";
    let joined = edit(
        C,
        &[(
            block,
            "SUBJECT: ROK AND JAPAN AGREE TO RESUME TALKS MARCH 24-28REF: A. TOKYO 1187 B. SEOUL 488 C. SEOUL 507SEOUL 00000614 001.2 OF 002\n",
        )],
    );
    let v = inspected(&joined);
    assert_eq!(
        v["subject"],
        "ROK AND JAPAN AGREE TO RESUME TALKS MARCH 24-28"
    );
    let ids: Vec<_> = v["references"]
        .as_array()
        .expect("references")
        .iter()
        .map(|r| {
            (
                r["label"].as_str().unwrap_or(""),
                r["cable_id"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("A", "08TOKYO1187"),
            ("B", "08SEOUL488"),
            ("C", "08SEOUL507")
        ]
    );
    // On a line of its own after the subject, and with `REFS:`.
    let own_line = edit(
        C,
        &[(
            block,
            "SUBJECT: ROK AND JAPAN AGREE TO RESUME\nTALKS ON FISHERIESREFS: TOKYO 1187\n",
        )],
    );
    let v = inspected(&own_line);
    assert_eq!(
        v["subject"],
        "ROK AND JAPAN AGREE TO RESUME TALKS ON FISHERIES"
    );
    assert_eq!(v["references"][0]["cable_id"], "08TOKYO1187");
    // `REF:` that starts no item is the subject's.
    let word = edit(C, &[(block, "SUBJECT: THE KOREF: a novel\n")]);
    assert_eq!(inspected(&word)["subject"], "THE KOREF: a novel");
}

#[test]
fn a_paragraph_marked_without_its_parenthesis_after_the_ref_block_is_no_reference() {
    let single = |s: &str| vec![(None, s.to_string())];
    // `(U)`, `(C)` and `(S)`, or the same without the `(`, with prose after a blank line: the
    // text of the cable, not the block's item.
    for marked in [
        "U) Officers delivered the points to the ministry on March 11.",
        "(U) Officers delivered the points to the ministry on March 11.",
        "C) The Foreign Minister will not attend the talks in April.",
        "(C) The Foreign Minister will not attend the talks in April.",
        "S) THIS CABLE HOLDS NOTHING FOR THE PUBLIC TO READ.",
    ] {
        let t = edit(
            C,
            &[(
                "REF: 08 TOKYO 1187\n",
                &format!("REF: 08 TOKYO 1187\n\n{marked}\n"),
            )],
        );
        assert_eq!(references(&t), single("08 TOKYO 1187"), "{marked}");
    }
    // The block's next item after a blank line stays one: a `C)` after a `B.`, and one that
    // names a cable by its number.
    let t = edit(
        C,
        &[(
            "REF: 08 TOKYO 1187\n",
            "REF: A. 08 TOKYO 1187\nB. 08 TOKYO 1190\n\nC) Embassy e-mail of the ministry team\n",
        )],
    );
    let labels: Vec<_> = references(&t).into_iter().map(|r| r.0).collect();
    assert_eq!(
        labels,
        [Some("A"), Some("B"), Some("C")].map(|l| l.map(String::from))
    );
    let t = edit(
        C,
        &[(
            "REF: 08 TOKYO 1187\n",
            "REF: 08 TOKYO 1187\n\nC) Embassy Tokyo cable 1190 of March\n",
        )],
    );
    assert_eq!(references(&t).len(), 2, "{:?}", references(&t));
}

const U: &str = include_str!("rules/base/sbu.cable");

/// A handling notice the release joined paragraph 1 onto (`Sensitive but Unclassified. Please
/// handle accordingly. 1.(SBU) …`) is the notice, read as the SENSITIVE caption, then paragraph 1:
/// the numbering starts at 1 and `inspect`'s captions hold the notice, not the paragraph's text.
#[test]
fn a_notice_with_paragraph_one_joined_onto_it_is_read_as_the_caption_then_the_paragraph() {
    let t = edit(
        U,
        &[(
            "¶1. (SBU) The National Food Authority",
            "Sensitive but Unclassified. Please handle accordingly. 1.(SBU) The National Food Authority",
        )],
    );
    assert_eq!(paragraph_numbers(&t), [1, 2, 3]);
    let captions: Vec<String> = inspected(&t)["captions"]
        .as_array()
        .expect("captions")
        .iter()
        .map(|c| c.as_str().expect("a caption").to_string())
        .collect();
    assert_eq!(
        captions,
        [
            "SENSITIVE",
            "SIPDIS",
            "Sensitive but Unclassified. Please handle accordingly."
        ]
    );
    assert!(
        !codes(&findings(&t)).contains(&"CBL403"),
        "{:?}",
        findings(&t)
    );
    // The notice alone on its line stays a caption line, and a notice followed by a sentence
    // that is no marked paragraph is not split.
    let t = edit(
        U,
        &[(
            "SENSITIVE\nSIPDIS",
            "SENSITIVE BUT UNCLASSIFIED. Please handle accordingly.\nSIPDIS",
        )],
    );
    assert_eq!(
        inspected(&t)["captions"]
            .as_array()
            .expect("captions")
            .len(),
        2
    );
    assert_eq!(paragraph_numbers(&t), [1, 2, 3]);
}

/// A wrapped line of text that starts with a lower-case `reftel` (`reftel points regarding …`) is
/// text, not a REF label ahead: the unnumbered paragraph above it starts the text, so the cable
/// has its text (no `missing-text`) and no cut record is seen.
#[test]
fn a_text_line_starting_with_reftel_in_lower_case_is_no_ref_label() {
    let text_at = C.find("¶1. (C)").expect("paragraph 1");
    let t = format!(
        "{}(C) Senior MOFAT officials told us on March 11 that the\nreftel points stand.\n\nMARTINDALE\n",
        &C[..text_at]
    );
    let c = codes(&findings(&t));
    assert!(!c.contains(&"CBL411") && !c.contains(&"CBL603"), "{c:?}");
    // A REF label starting with a capital without its colon is still one.
    for label in ["REFTEL 08 TOKYO 1187", "Ref A: 08 TOKYO 1187"] {
        let t = edit(C, &[("REF: 08 TOKYO 1187", label)]);
        let refs = inspected(&t)["references"]
            .as_array()
            .expect("references")
            .len();
        assert_eq!(refs, 1, "{label}");
    }
}

/// Paragraph 1 the release joined onto the end of the REF block or of the classification authority
/// (`REF: TBILISI 1362 1. (SBU)`, `Classified By: …, reasons 1.4 (b,d) 1. (C) AN URGENT CALL …`),
/// on the label's line or on a line that continues the element: the element is read as it would
/// be alone and paragraph 1 starts at its number, so the numbering starts at 1.
#[test]
fn paragraph_one_joined_onto_the_ref_block_or_the_authority_is_read_as_paragraph_one() {
    const AUTHORITY: &str =
        "Classified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d).\n\n";
    let one = |s: &str| vec![(None, s.to_string())];
    let two = vec![
        (Some("A".to_string()), "08 TOKYO 1187".to_string()),
        (Some("B".to_string()), "08 TOKYO 1190".to_string()),
    ];
    for (joined, refs) in [
        // On the REF line, the text on the next line (08TBILISI1372), with the authority moved
        // before the block.
        (
            format!("{AUTHORITY}REF: 08 TOKYO 1187 1. (C)\n\nSummary."),
            one("08 TOKYO 1187"),
        ),
        // On the REF line, after lettered items, with the pilcrow and the text.
        (
            format!("{AUTHORITY}REF: A. 08 TOKYO 1187 B. 08 TOKYO 1190 ¶1. (C) Summary."),
            two.clone(),
        ),
        // On a line that continues the block.
        (
            format!("{AUTHORITY}REF: A. 08 TOKYO 1187\nB. 08 TOKYO 1190 1. (C) Summary."),
            two.clone(),
        ),
        // On the authority's line (08YEREVAN639) and on its second line.
        (
            "REF: 08 TOKYO 1187\n\nClassified By: Political Counselor Dana R. Whitfield, reasons 1.4 (b,d) 1. (C) Summary.".to_string(),
            one("08 TOKYO 1187"),
        ),
        (
            "REF: 08 TOKYO 1187\n\nClassified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d). 1. (C) Summary.".to_string(),
            one("08 TOKYO 1187"),
        ),
    ] {
        let t = edit(
            C,
            &[(
                &format!("REF: 08 TOKYO 1187\n\n{AUTHORITY}¶1. (C) Summary."),
                &joined,
            )],
        );
        assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4], "{joined}");
        assert_eq!(references(&t), refs, "{joined}");
        let c = codes(&findings(&t));
        for code in ["CBL223", "CBL225", "CBL403", "CBL404", "CBL411"] {
            assert!(!c.contains(&code), "{code} on {joined}: {c:?}");
        }
    }
    // A paragraph's number after a word that refers to one, a reason's letter and an item's
    // letter are no joined paragraph: paragraph 1 stays the one below, and the REF items are read
    // as before.
    for (line, refs) in [
        ("REF: 08 TOKYO 1187 PARA 1. (C)", one("08 TOKYO 1187")),
        ("REF: A. 08 TOKYO 1187 B. 08 TOKYO 1190", two.clone()),
    ] {
        let t = edit(C, &[("REF: 08 TOKYO 1187", line)]);
        assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4], "{line}");
        assert_eq!(references(&t), refs, "{line}");
    }
    let t = edit(
        C,
        &[("Reasons 1.4 (b) and (d).", "Reasons 1.4. (C) and (D).")],
    );
    assert_eq!(paragraph_numbers(&t), [1, 2, 3, 4]);
    assert!(!codes(&findings(&t)).contains(&"CBL225"));
}

/// A paragraph the release redacted, leaving a line of `XXXXXXXXXXXX` after what is left of its
/// number (`1 XXXXXXXXXXXX` for `¶10.`, `¶2. XXXXXXXXXXXX` for paragraphs 2 to 10), explains the
/// missing numbers: no `paragraph-numbering` warning.
#[test]
fn a_redaction_mark_after_part_of_a_number_explains_the_missing_paragraphs() {
    let third = "¶3. (C) Park added that the Blue House had approved the\nschedule and that no public announcement would precede the\nfirst meeting.\n";
    for mark in ["1 XXXXXXXXXXXX\n", "¶3. XXXXXXXXXXXX\n"] {
        let t = edit(C, &[(third, mark), ("¶4. (C) Comment", "¶5. (C) Comment")]);
        let c = codes(&findings(&t));
        assert!(!c.contains(&"CBL403"), "{mark}: {c:?}");
    }
    // A line of other words before the mark explains nothing.
    let t = edit(
        C,
        &[
            (third, "Officials XXXXXXXXXXXX\n"),
            ("¶4. (C) Comment", "¶5. (C) Comment"),
        ],
    );
    assert!(codes(&findings(&t)).contains(&"CBL403"));
}

/// A banner whose section count the release ran into the origin (`SECTION 02 OF 03QRIPOLI
/// 000583`) reads its section and serial, names no origin (the letters are garbled), lists the
/// letters as a garbled-banner artifact, and takes the id from the header: one garbled-banner
/// warning, no missing-origin error and no origin mismatch.
#[test]
fn a_section_count_run_into_the_origin_is_a_garbled_banner() {
    let text =
        "VZCZCXRO0001\nOO RUEHDE\nDE RUEHNY #0583/02 2011025\nZNY SSSSS ZZH\nO 201025Z JUL 09\n\
FM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 5051\nBT\n\
S E C R E T SECTION 02 OF 03QSLO 000583\n\nNOFORN\nSIPDIS\n\n\
E.O. 12958: DECL: 07/20/2019\nTAGS: PREL NO\nSUBJECT: NORWAY: INVENTED TALKS, PART TWO\n\n\
6. (S/NF) The invented talks went on.\n\n7. (S/NF) They ended.\n\nWHITNEY\n";
    let cable = cablelint::syntax::parse(text);
    let b = cable.body.banner.as_ref().expect("a banner");
    assert_eq!(b.section.map(|(n, m)| (n.value, m.value)), Some((2, 3)));
    assert_eq!(b.origin, None);
    let garbled: Vec<&str> = cable
        .artifacts
        .iter()
        .filter(|a| a.kind == cablelint::syntax::ArtifactKind::GarbledBanner)
        .map(|a| cable.text(a.range))
        .collect();
    assert_eq!(garbled, ["QSLO"]);
    let codes = codes(&findings(text));
    assert!(codes.contains(&"CBL203"), "{codes:?}");
    assert!(
        !codes.contains(&"CBL202") && !codes.contains(&"CBL116"),
        "{codes:?}"
    );
}
