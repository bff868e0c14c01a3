//! The ways real cables write their text (issue 8): paragraphs without a blank line before them,
//! portion markings in any case, joined and misspelt labels, Classified By reasons, TAGS, SUBJECT,
//! summaries, signatures and drafts dated by the drafting date.
//!
//! Every fixture is a cable we wrote, with invented content: a base of `tests/rules/base/` with a
//! few `(find, replace)` edits, or a small cable written out in full. Each asserts the findings a
//! user sees: which rule, on which line (1-based), and that nothing else at warning or error level
//! appears where the variant is legitimate.

mod support;

use cablelint::data::Tables;
use cablelint::rules::{Applicability, Diagnostic, Settings};
use cablelint::syntax::LineIndex;
use cablelint::Severity;
use support::edit;

const C: &str = include_str!("rules/base/confidential.cable");
const U: &str = include_str!("rules/base/sbu.cable");
const D: &str = include_str!("rules/base/draft.cable");

fn check(text: &str) -> Vec<Diagnostic> {
    cablelint::check(text, &Settings::default(), Tables::builtin())
}

/// The findings as `(code, 1-based line, severity)`.
fn findings(text: &str) -> Vec<(&'static str, usize, Severity)> {
    let idx = LineIndex::new(text);
    check(text)
        .iter()
        .map(|d| (d.rule.code(), idx.line_of(d.range.start()) + 1, d.severity))
        .collect()
}

/// The 1-based line of the first occurrence of `snippet`.
fn line(text: &str, snippet: &str) -> usize {
    let at = text
        .find(snippet)
        .unwrap_or_else(|| panic!("no `{snippet}` in the fixture"));
    LineIndex::new(text).line_of(at) + 1
}

/// Asserts that `code` fires on the line of `at` and that no other finding of warning or error
/// severity appears, except the codes in `also`.
#[track_caller]
fn assert_fires(text: &str, code: &str, at: &str, also: &[&str]) {
    let f = findings(text);
    let want = line(text, at);
    assert!(
        f.iter().any(|&(c, l, _)| c == code && l == want),
        "{code} expected on line {want}; got {f:?}\n{text}"
    );
    let others: Vec<_> = f
        .iter()
        .filter(|&&(c, _, s)| c != code && s != Severity::Info && !also.contains(&c))
        .collect();
    assert!(others.is_empty(), "unexpected findings {others:?}\n{text}");
}

/// Asserts that no finding of warning or error severity appears.
#[track_caller]
fn assert_clean(text: &str) {
    let f = findings(text);
    let bad: Vec<_> = f.iter().filter(|&&(_, _, s)| s != Severity::Info).collect();
    assert!(
        bad.is_empty(),
        "expected no warning or error; got {bad:?}\n{text}"
    );
}

/// Asserts that `code` does not fire at all.
#[track_caller]
fn assert_silent(text: &str, code: &str) {
    let f = findings(text);
    assert!(
        !f.iter().any(|&(c, _, _)| c == code),
        "{code} must not fire; got {f:?}\n{text}"
    );
}

// ------------------------------------------------------------------------------------------------
// 1. Paragraphs whatever the line before them
// ------------------------------------------------------------------------------------------------

#[test]
fn a_marked_paragraph_right_after_text_is_a_paragraph() {
    // Paragraph 3 follows paragraph 2's last line; its (S) is above the CONFIDENTIAL banner.
    let t = edit(
        C,
        &[(
            "procedures.\nSEOUL 00000614 002 OF 002\n\n¶3. (C) Park",
            "procedures.\nSEOUL 00000614 002 OF 002\n3. (S) Park",
        )],
    );
    assert_fires(&t, "CBL207", "3. (S) Park", &[]);
    assert_silent(&t, "CBL403");
}

#[test]
fn an_unmarked_unclas_paragraph_after_text_with_the_next_number_is_a_paragraph() {
    let t = edit(U, &[("April.\n\n¶3. (U) Post", "April.\n3. Post")]);
    assert_silent(&t, "CBL403");
    assert_clean(&t);
}

#[test]
fn a_paragraph_under_a_dashed_heading_rule_is_a_paragraph() {
    let t = edit(
        C,
        &[(
            "¶4. (C) Comment: The decision",
            "OUTLOOK\n-------\n4. (S) Comment: The decision",
        )],
    );
    assert_fires(&t, "CBL207", "4. (S) Comment", &[]);
    assert_silent(&t, "CBL403");
}

#[test]
fn a_numbered_list_inside_a_paragraph_is_not_a_paragraph() {
    // Items 1 and 2 inside paragraph 2 follow a colon and do not carry the next number.
    let t = edit(
        C,
        &[(
            "on inspection procedures.",
            "on inspection procedures:\n1. Boarding rules.\n2. Catch reports.",
        )],
    );
    assert_silent(&t, "CBL403");
    assert_clean(&t);
}

#[test]
fn a_number_inside_a_sentence_after_a_line_break_is_not_a_paragraph() {
    // The release puts a pilcrow before any number that starts a line (`… on March` / `¶11. …`).
    let t = edit(
        C,
        &[(
            "told us on March 11\nthat Seoul",
            "told us on March\n¶11. Seoul",
        )],
    );
    assert_silent(&t, "CBL403");
    assert_silent(&t, "CBL401");
}

/// Numbers that do not follow each other for a reason the text shows: the release's mark of
/// redacted paragraphs, a quoted text with its own numbering, a list restarting under a heading
/// (its `1.` after a line ending with a colon, which the parser leaves in the paragraph before),
/// and the cable's numbering resuming after such a list.
#[test]
fn numbering_breaks_the_text_explains_are_not_faults() {
    for (what, find, replace) in [
        (
            "redacted paragraphs",
            "first meeting.\n\n¶4. (C) Comment",
            "first meeting.\n\nXXXXXXXXXXXX\n\n¶6. (C) Comment",
        ),
        (
            "a quoted text",
            "first meeting.\n\n¶4. (C) Comment",
            "first meeting. Begin text of the note:\n\n¶12. (C) The Parties agree.\n\n¶13. (C) The Parties meet.\n\nEnd text.\n\n¶4. (C) Comment",
        ),
        (
            "a list under a heading, then the cable's next paragraph",
            "first meeting.\n\n¶4. (C) Comment",
            "first meeting.\n\nKorean side:\n1. Quotas for the zone.\n\n2. Inspections at sea.\n\n¶4. (C) Comment",
        ),
    ] {
        let t = edit(C, &[(find, replace)]);
        let f = findings(&t);
        assert!(!f.iter().any(|&(c, _, _)| c == "CBL403"), "{what}: {f:?}\n{t}");
    }
}

/// Without such a reason a gap, a repeat and a step back are faults, also after a redaction.
#[test]
fn numbering_breaks_without_a_reason_are_faults() {
    for (what, replace, at) in [
        ("a gap", "first meeting.\n\n¶5. (C) Comment", "¶5. (C)"),
        (
            "a repeat after a redaction",
            "first meeting.\n\nXXXXXXXXXXXX\n\n¶3. (C) Comment",
            "¶3. (C) Comment",
        ),
        (
            "a list's number after it is not the cable's next",
            "first meeting.\n\nKorean side:\n1. Quotas for the zone.\n\n2. Inspections at sea.\n\n¶6. (C) Comment",
            "¶6. (C)",
        ),
    ] {
        let t = edit(C, &[("first meeting.\n\n¶4. (C) Comment", replace)]);
        let f = findings(&t);
        assert!(
            f.contains(&("CBL403", line(&t, at), Severity::Warning)),
            "{what}: {f:?}\n{t}"
        );
    }
}

/// The articles of a quoted agreement restart their own numbering below the cable's and carry
/// no markings: the quoting paragraph's marking covers them. The cable's next paragraph and a
/// paragraph the release redacted whole (`¶5. XXXXXXXXXXXX`) are judged as before: the first
/// must be marked, the second cannot be.
#[test]
fn quoted_articles_and_redacted_paragraphs_need_no_marking() {
    let t = edit(
        C,
        &[(
            "first meeting.\n\n¶4. (C) Comment",
            "first meeting. The draft reads:\n\n¶1. The Parties shall meet yearly.\n\n¶2. Either Party may withdraw.\n\n¶4. (C) Comment",
        )],
    );
    assert_silent(&t, "CBL401");
    let t = edit(
        C,
        &[(
            "first meeting.\n\n¶4. (C) Comment",
            "first meeting.\n\n¶4. XXXXXXXXXXXX\n\n¶5. (C) Comment",
        )],
    );
    assert_silent(&t, "CBL401");
    let t = edit(
        C,
        &[(
            "first meeting.\n\n¶4. (C) Comment",
            "first meeting. The draft reads:\n\n¶1. The Parties shall meet yearly.\n\n¶4. Comment",
        )],
    );
    assert!(
        findings(&t).contains(&("CBL401", line(&t, "¶4. Comment"), Severity::Warning)),
        "{t}"
    );
    let t = edit(C, &[("¶4. (C) Comment: The", "¶4. XXXXXXXXXXXX said the")]);
    assert!(
        findings(&t).contains(&("CBL401", line(&t, "¶4. XXX"), Severity::Warning)),
        "a paragraph that goes on after a redaction needs its marking: {t}"
    );
}

// ------------------------------------------------------------------------------------------------
// 2. Portion markings in any case and control spelling
// ------------------------------------------------------------------------------------------------

#[test]
fn lower_case_markings_count_at_their_level() {
    let t = edit(
        C,
        &[
            ("¶2. (C) MOFAT", "¶2. (c) MOFAT"),
            ("¶3. (C) Park", "¶3. (s) Park"),
        ],
    );
    assert_fires(&t, "CBL207", "¶3. (s) Park", &[]);
    assert_silent(&t, "CBL401");
}

#[test]
fn mixed_case_controls_are_markings_with_an_information_note() {
    let t = edit(C, &[("¶3. (C) Park", "¶3. (S/Rel UK) Park")]);
    assert_fires(&t, "CBL207", "¶3. (S/Rel UK)", &[]);
    let f = findings(&t);
    assert!(
        f.contains(&("CBL402", line(&t, "(S/Rel UK)"), Severity::Info)),
        "{f:?}"
    );
    let msg: Vec<_> = check(&t)
        .into_iter()
        .filter(|d| d.rule.code() == "CBL402")
        .map(|d| d.message)
        .collect();
    assert!(msg[0].contains("(S/REL UK)"), "{msg:?}");

    for marking in [
        "(C//REL to USA, AUS)",
        "(C/Noforn)",
        "(C-NF)",
        "(C/Rel Aus)",
    ] {
        let t = edit(C, &[("¶3. (C) Park", &format!("¶3. {marking} Park"))]);
        assert_silent(&t, "CBL401");
        let f = findings(&t);
        assert!(
            f.iter()
                .all(|&(c, _, s)| c != "CBL402" || s == Severity::Info),
            "{marking}: {f:?}"
        );
    }
}

/// A marking that lost its opening parenthesis after the number (`¶3. S) Park`, a typing slip
/// real cables have) counts at its level, is reported by `invalid-marking` rather than as a
/// missing marking, and its safe fix adds the parenthesis to the same marking.
#[test]
fn a_marking_without_its_opening_parenthesis_is_read_and_mended() {
    for (written, mended, level_rule) in [
        ("¶3. S) Park", "¶3. (S) Park", Some("CBL207")),
        ("¶3. C)Park", "¶3. (C)Park", None),
        ("¶3.  C/NF) Park", "¶3.  (C/NF) Park", Some("CBL209")),
    ] {
        let t = edit(C, &[("¶3. (C) Park", written)]);
        let f = findings(&t);
        assert!(
            f.contains(&("CBL402", line(&t, written), Severity::Warning)),
            "{written}: {f:?}"
        );
        assert!(
            !f.iter().any(|&(c, _, _)| c == "CBL401"),
            "{written}: {f:?}"
        );
        if let Some(rule) = level_rule {
            assert!(f.iter().any(|&(c, _, _)| c == rule), "{written}: {f:?}");
        }
        let diags = check(&t);
        let fix = diags
            .iter()
            .find(|d| d.rule.code() == "CBL402")
            .and_then(|d| d.fix.as_ref())
            .expect("a fix");
        assert_eq!(fix.applicability, Applicability::Safe, "{written}");
        let (fixed, _) = cablelint::workspace::fix::apply_fixes(&t, [fix]);
        assert_eq!(fixed, edit(C, &[("¶3. (C) Park", mended)]), "{written}");
        assert_silent(&fixed, "CBL402");
    }
    // A letter and `)` that is no level, or one in lower case, stays an item of a list.
    for written in ["¶3. B) Park", "¶3. c) Park"] {
        let t = edit(C, &[("¶3. (C) Park", written)]);
        let f = findings(&t);
        assert!(
            !f.iter().any(|&(c, _, _)| c == "CBL402"),
            "{written}: {f:?}"
        );
        assert!(f.iter().any(|&(c, _, _)| c == "CBL401"), "{written}: {f:?}");
    }
}

/// Answers keyed to the sub-paragraphs of a reference (`27.A.`, `27 A.`, `9a.`, `5B)`) carry the
/// reference's paragraph numbers: they stand outside the cable's numbering, and their markings
/// count.
#[test]
fn answers_keyed_to_a_references_paragraphs_keep_the_numbering() {
    for (a, b) in [
        ("27.A.", "27.B."),
        ("27 A.", "27 B."),
        ("9a.", "9b."),
        ("5A)", "5B)"),
    ] {
        let t = edit(
            C,
            &[(
                "¶3. (C) Park",
                &format!("¶3. (C) Answers keyed to reftel follow.\n\n{a} (C) Yes.\n\n{b} (C) Park"),
            )],
        );
        assert_silent(&t, "CBL403");
        let cable = cablelint::syntax::parse(&t);
        let keyed: Vec<_> = cable
            .body
            .paragraphs
            .iter()
            .filter(|p| p.key.is_some())
            .collect();
        assert_eq!(keyed.len(), 2, "{a}");
        assert!(keyed.iter().all(|p| p.marking.is_some()), "{a}");
        // A keyed answer's marking counts in the roll-up.
        let t = t.replace(&format!("{b} (C)"), &format!("{b} (S)"));
        assert_fires(&t, "CBL207", &format!("{b} (S)"), &[]);
        // The cable's own numbering is still checked around the answers.
        let t = t.replace("¶4. (C) Comment", "¶5. (C) Comment");
        assert_fires(&t, "CBL403", "¶5. (C) Comment", &["CBL207"]);
    }
    // `15.C)` is a marking that lost its parenthesis, not the answer to sub-paragraph C.
    let t = edit(C, &[("¶3. (C) Park", "¶3.C) Park")]);
    assert_silent(&t, "CBL403");
    assert!(cablelint::syntax::parse(&t)
        .body
        .paragraphs
        .iter()
        .all(|p| p.key.is_none()));
}

/// One answer to a range of a reference's questions (`4-12.`) takes the numbers of the range: the
/// next paragraph goes on after it. A range that does not fill the gap leaves it a fault.
#[test]
fn an_answer_to_a_range_of_questions_takes_its_numbers() {
    let t = edit(
        C,
        &[
            (
                "¶3. (C) Park",
                "3-5. (C) No data is available on the schedule.\n\n¶6. (C) Park",
            ),
            ("¶4. (C) Comment", "¶7. (C) Comment"),
        ],
    );
    assert_silent(&t, "CBL403");
    for written in ["3-4. (C) No data", "4-5. (C) No data", "3-5 (C) No data"] {
        let u = t.replace("3-5. (C) No data", written);
        assert_fires(&u, "CBL403", "¶6. (C) Park", &[]);
    }
}

#[test]
fn a_marking_after_a_lead_in_label_is_the_paragraph_marking() {
    let t = edit(C, &[("¶4. (C) Comment: The", "¶4. Comment: (S) The")]);
    assert_fires(&t, "CBL207", "¶4. Comment: (S)", &[]);
    assert_silent(&t, "CBL401");
}

#[test]
fn a_marked_subject_counts_in_the_roll_up() {
    let t = edit(C, &[("SUBJECT: ROK", "SUBJECT: (S) ROK")]);
    assert_fires(&t, "CBL207", "SUBJECT: (S)", &[]);
}

#[test]
fn topic_labels_in_an_unclas_cable_are_not_markings() {
    let t = edit(U, &[("¶3. (U) Post", "¶3. (UN) Post")]);
    assert_silent(&t, "CBL402");
    assert_clean(&t);
}

#[test]
fn the_written_out_entire_text_marking_covers_the_text() {
    let t = edit(
        D,
        &[
            (
                "¶1. (C) Coordinating",
                "¶1. CONFIDENTIAL - ENTIRE TEXT.\n\n¶2. Coordinating",
            ),
            ("¶2. (C) The officials", "¶3. The officials"),
        ],
    );
    assert_silent(&t, "CBL401");
    assert_clean(&t);
}

// ------------------------------------------------------------------------------------------------
// 3. Joined and misspelt labels
// ------------------------------------------------------------------------------------------------

#[test]
fn sentence_case_labels_joined_on_one_line_are_split() {
    let t = edit(
        D,
        &[(
            "E.O. 12958: DECL: 04/15/2019\nTAGS: PREL PTER ID\nSUBJECT: INDONESIA",
            "E.o. 12958: decl: 04/15/2019 Tags: prel, pter, id Subject: indonesia",
        )],
    );
    assert_silent(&t, "CBL301");
    assert_silent(&t, "CBL306");
    assert_silent(&t, "CBL213");
}

#[test]
fn a_classified_by_line_joined_onto_the_subject_is_the_authority() {
    let t = edit(
        D,
        &[(
            "COORDINATION\nBODY\n\nClassified By:",
            "COORDINATION BODY Classified By:",
        )],
    );
    assert_silent(&t, "CBL223");
    assert_clean(&t);
}

#[test]
fn a_tags_label_with_a_comma_is_the_tags_line() {
    let t = edit(D, &[("TAGS: PREL PTER ID", "TAGS, PREL, PTER, ID")]);
    assert_silent(&t, "CBL301");
    assert_silent(&t, "CBL304");
}

/// Tags run together without spaces (`PTERID`, `PRELPTERID`) still carry their subject and
/// geographic tags; `misused-tag` reports the run with its split. A token with no single split
/// into tags (`IDJAKS`, only country codes) is not read so.
#[test]
fn tags_run_together_keep_their_kinds() {
    for glued in ["TAGS: PREL PTERID", "TAGS: PRELPTERID"] {
        let t = edit(D, &[("TAGS: PREL PTER ID", glued)]);
        assert_silent(&t, "CBL303");
        assert_silent(&t, "CBL304");
        assert!(
            findings(&t).iter().any(|&(c, _, _)| c == "CBL308"),
            "{glued}: the run is reported as a misused tag"
        );
    }
    let t = edit(D, &[("TAGS: PREL PTER ID", "TAGS: PREL PTER IDJAKS")]);
    assert_fires(&t, "CBL304", "TAGS:", &[]);
}

/// A Classified By block that a record's preview cut off (`…Lee Ca...`) lost its reason to the
/// cut: `reason-section` does not ask for it; a whole block without a reason still is reported.
#[test]
fn a_classified_by_cut_by_a_preview_is_not_asked_for_its_reason() {
    let line_of = "Classified By: Ambassador Lee Carrow. Reasons 1.4 (b) and (d).";
    let t = edit(D, &[(line_of, "Classified By: Ambassador Lee Ca...")]);
    assert_silent(&t, "CBL224");
    let t = edit(D, &[(line_of, "Classified By: Ambassador Lee Carrow.")]);
    assert!(
        findings(&t).contains(&("CBL224", line(&t, "Classified By"), Severity::Warning)),
        "{t}"
    );
}

/// Caption lines as some records give them: SENSITIVE with its first letter lost or replaced,
/// and the NOFORN marking line with a space for its `//`. Without them the rules still fire.
#[test]
fn garbled_and_spaced_caption_lines_are_read() {
    for garbled in ["\nENSITIVE\n", "\nQENSITIVE\n"] {
        let t = edit(U, &[("\nSENSITIVE\n", garbled)]);
        assert_silent(&t, "CBL210");
    }
    let t = edit(U, &[("\nSENSITIVE\n", "\n")]);
    assert!(findings(&t).iter().any(|&(c, _, _)| c == "CBL210"), "{t}");
    let t = edit(
        C,
        &[
            (
                "000614\n\nSIPDIS\n",
                "000614\n\nCONFIDENTIAL NOFORN\nSIPDIS\n",
            ),
            ("¶4. (C) Comment", "¶4. (C//NF) Comment"),
        ],
    );
    assert_silent(&t, "CBL209");
    let t = edit(C, &[("¶4. (C) Comment", "¶4. (C//NF) Comment")]);
    assert!(findings(&t).iter().any(|&(c, _, _)| c == "CBL209"), "{t}");
}

#[test]
fn misspelt_labels_are_reported_on_their_own_line_with_a_fix() {
    for (find, typo, code) in [
        ("E.O. 12958:", "E.0. 12958:", "CBL213"),
        ("SUBJECT: INDONESIA", "SUBJCET: INDONESIA", "CBL306"),
        ("Classified By:", "Clasified By:", "CBL223"),
    ] {
        let t = edit(D, &[(find, typo)]);
        assert_fires(&t, code, typo, &[]);
        let d = check(&t);
        let fix = d
            .iter()
            .find(|d| d.rule.code() == code)
            .and_then(|d| d.fix.as_ref())
            .expect("a fix");
        let (fixed, _) = cablelint::workspace::fix::apply_fixes(&t, [fix]);
        assert_eq!(fixed, D, "{typo}");
    }
}

#[test]
fn an_eo_line_with_its_decl_on_the_next_line_is_one_element() {
    let t = edit(D, &[("E.O. 12958: DECL:", "E.O. 12958:\nDECL:")]);
    assert_silent(&t, "CBL217");
    assert_clean(&t);
}

// ------------------------------------------------------------------------------------------------
// 4. Classified By
// ------------------------------------------------------------------------------------------------

#[test]
fn classified_by_forms_are_read() {
    for (what, find, replace) in [
        (
            "(U) and two spaces",
            "Classified By: Ambassador",
            "(U)  CLASSIFIED BY AMBASSADOR",
        ),
        (
            "the order inside the reason",
            "Carrow. Reasons 1.4",
            "Carrow; E.O. 12958, reasons 1.4",
        ),
        (
            "a marking after the reasons",
            "(b) and (d).\n",
            "(b) and (d). (C)\n",
        ),
        ("and split by the reflow", "(b) and (d).", "(b) a\nnd (d)."),
        (
            "a reason after a blank line",
            "Carrow. Reasons",
            "Carrow.\n\nReasons",
        ),
    ] {
        let t = edit(D, &[(find, replace)]);
        let f = findings(&t);
        let bad: Vec<_> = f.iter().filter(|&&(_, _, s)| s != Severity::Info).collect();
        assert!(bad.is_empty(), "{what}: {bad:?}\n{t}");
    }
    // A marked paragraph after the authority line is not a reason letter.
    let t = edit(
        D,
        &[(
            "(b) and (d).\n\n",
            "(b) and (d)\n(U) This is an action request; see paragraph 2.\n\n",
        )],
    );
    assert_silent(&t, "CBL225");
}

#[test]
fn the_legacy_authority_in_paragraph_one_is_the_authority() {
    let t = edit(
        D,
        &[
            ("Classified By: Ambassador Lee Carrow. Reasons 1.4 (b) and (d).\n\n", ""),
            ("¶1. (C) Coordinating", "1. CLASSIFIED BY AMBASSADOR L. CARROW. REASON: 1.4 (B) AND (D).\n\n¶2. (C) Coordinating"),
            ("¶2. (C) The officials", "¶3. (C) The officials"),
        ],
    );
    assert_silent(&t, "CBL223");
    assert_silent(&t, "CBL401");
    assert_clean(&t);
}

// ------------------------------------------------------------------------------------------------
// 5. TAGS
// ------------------------------------------------------------------------------------------------

#[test]
fn tags_forms_are_read() {
    for (what, replace) in [
        ("lower-case continuation", "Tags: prel, pter,\nid"),
        (
            "lower-case personal tag",
            "Tags: ovip (lane, cora b.), prel, pter, id",
        ),
        ("a second TAGS label", "TAGS: PREL, PTER, TAGS: ID"),
    ] {
        let t = edit(D, &[("TAGS: PREL PTER ID", replace)]);
        let f = findings(&t);
        let bad: Vec<_> = f
            .iter()
            .filter(|&&(c, _, s)| s != Severity::Info || c == "CBL305")
            .collect();
        assert!(bad.is_empty(), "{what}: {bad:?}\n{t}");
    }
}

#[test]
fn subject_tags_of_the_1970s_count_for_cables_of_their_time() {
    let old = "VZCZCXRO0866\nRR RUEHAK\nDE RUQMHR #0866 1211030\nZNY CCCCC ZZH\nR 301030Z APR 76\nFM AMEMBASSY TEHRAN\nTO RUEHC/SECSTATE WASHDC 2210\n\nC O N F I D E N T I A L TEHRAN 0866\n\nE.O. 11652: GDS\nTAGS: PINT IR\nSUBJECT: CABINET MEETS ON BUDGET\n\n1. (C - ENTIRE TEXT).\n\n2. THE CABINET MET ON APRIL 29.\n\nHOLM\n";
    assert_silent(old, "CBL303");
    // The same code in a draft of today is no subject tag.
    let t = edit(D, &[("TAGS: PREL PTER ID", "TAGS: PINT ID")]);
    assert_fires(&t, "CBL303", "TAGS: PINT", &[]);
}

// ------------------------------------------------------------------------------------------------
// 7. Summary
// ------------------------------------------------------------------------------------------------

#[test]
fn an_end_summary_split_over_two_lines_closes_the_summary() {
    let t = edit(C, &[("round.\nEnd Summary.", "round. End\nSummary.")]);
    assert_silent(&t, "CBL405");
    assert_clean(&t);
}

#[test]
fn a_summary_heading_between_dashes_opens_the_summary() {
    let t = edit(
        C,
        &[
            (
                "¶1. (C) Summary. Senior",
                "------- SUMMARY -------\n\n¶1. (C) Senior",
            ),
            ("round.\nEnd Summary.", "round."),
        ],
    );
    assert_silent(&t, "CBL405");
}

#[test]
fn fixing_two_unclosed_summaries_at_once_reaches_the_fixed_point() {
    let t = edit(
        C,
        &[
            ("round.\nEnd Summary.", "round."),
            ("¶3. (C) Park", "¶3. (C) Summary: Park"),
        ],
    );
    let diags = check(&t);
    let fixes: Vec<_> = diags
        .iter()
        .filter(|d| d.rule.code() == "CBL405")
        .filter_map(|d| d.fix.as_ref())
        .collect();
    assert_eq!(fixes.len(), 2, "{diags:?}");
    let (fixed, _) = cablelint::workspace::fix::apply_fixes(&t, fixes);
    assert_silent(&fixed, "CBL405");
    assert_eq!(fixed.matches("End Summary.").count(), 2, "{fixed}");
}

/// The fixes of the unclosed summaries of `text` applied (all of them, safe or not), with their
/// applicability.
fn summary_fixed(text: &str) -> (String, Vec<cablelint::rules::Applicability>) {
    let diags = check(text);
    let fixes: Vec<_> = diags
        .iter()
        .filter(|d| d.rule.code() == "CBL405")
        .filter_map(|d| d.fix.as_ref())
        .collect();
    let kinds = fixes.iter().map(|f| f.applicability).collect();
    (cablelint::workspace::fix::apply_fixes(text, fixes).0, kinds)
}

/// The summary's paragraph is followed by a heading the parser reads as text (standing alone
/// between blank lines, in capitals or in title case, joined with its dashed rule on one line,
/// between slashes): `End Summary.` goes after the paragraph's last sentence, never on the heading.
#[test]
fn the_summary_closer_goes_before_a_heading() {
    for heading in [
        "TALKS TO RESUME IN APRIL",
        "Talks to Resume in April",
        "TALKS TO RESUME IN APRIL ------------------------ --------",
        "------------------- -- Talks to Resume ------------------- --",
        "//TALKS TO RESUME//",
    ] {
        let t = edit(
            C,
            &[(
                "textbook dispute to a later round.\nEnd Summary.\n",
                &format!("textbook dispute to a later round.\n\n{heading}\n"),
            )],
        );
        let (fixed, kinds) = summary_fixed(&t);
        assert_eq!(kinds, [cablelint::rules::Applicability::Safe], "{heading}");
        assert!(
            fixed.contains("a later round. End Summary.\n\n"),
            "{heading}: {fixed}"
        );
        assert!(fixed.contains(&format!("\n{heading}\n")), "{fixed}");
        assert_silent(&fixed, "CBL405");
    }
}

/// What the release joined after the summary's last sentence on its line: a heading in capitals, a
/// heading and its rule, the next numbered paragraph. The closer goes before it, as an unsafe fix
/// (the end is a reading of joined text). Text ending in `...` may be cut off: unsafe too.
#[test]
fn the_summary_closer_goes_before_joined_text_and_is_unsafe() {
    for (tail, want) in [
        (" TALKS TO RESUME IN APRIL", "round. End Summary. TALKS"),
        (
            " Talks to Resume ---------------",
            "round. End Summary. Talks",
        ),
        (
            " ¶2. (C) Park said the talks",
            "round. End Summary. ¶2. (C) Park",
        ),
        ("...", "round.... End Summary."),
    ] {
        let t = edit(
            C,
            &[(
                "textbook dispute to a later round.\nEnd Summary.\n",
                &format!("textbook dispute to a later round.{tail}\n"),
            )],
        );
        let (fixed, kinds) = summary_fixed(&t);
        assert_eq!(kinds, [cablelint::rules::Applicability::Unsafe], "{tail}");
        assert!(fixed.contains(want), "{tail}: {fixed}");
    }
}

/// A summary heading standing alone (`SUMMARY AND INTRODUCTION` between blank lines) is a heading,
/// as a dashed `SUMMARY` is: the summary ends at the next heading and needs no closer.
#[test]
fn a_summary_heading_standing_alone_needs_no_closer() {
    let t = edit(
        C,
        &[
            (
                "¶1. (C) Summary. Senior",
                "SUMMARY AND INTRODUCTION\n\n¶1. (C) Senior",
            ),
            ("round.\nEnd Summary.", "round."),
        ],
    );
    assert_silent(&t, "CBL405");
}

/// `End` and `Summary` split over lines with a blank line between (double-spaced text), `(End` /
/// `Summary)` and `END COMMENT AND` / `SUMMARY.` close the summary.
#[test]
fn split_and_joined_end_summary_forms_close_the_summary() {
    for closer in [
        "End\n\nSummary.",
        "(End\nSummary)",
        "Comment: Both sides are careful. END COMMENT AND\nSUMMARY.",
        // The same on one line, as `fmt` joins it when it re-wraps the paragraph.
        "Comment: Both sides are careful. END COMMENT AND SUMMARY.",
        "Note: Both sides are careful. End note and summary.",
    ] {
        let t = edit(C, &[("round.\nEnd Summary.", &format!("round. {closer}"))]);
        assert_silent(&t, "CBL405");
    }
}

/// The last paragraph opens a summary and the text goes on with a banner line the release joined
/// with E.O. and TAGS, blank lines holding a space and a stray line: the paragraph's range covers
/// them, but the closer is only read on the paragraph's own text. The fix places `End Summary.`
/// where the parser reads it, so one application closes the summary. (A fuzzing find: the closer
/// went after the last line, where it was never read, one more on every round.)
#[test]
fn the_summary_closer_goes_where_it_is_read() {
    let cut = C.find("¶3. (C) Park").unwrap();
    let t = format!(
        "{}¶3. (C) Summary. Park added...\n\nC O N F I D E N T I A L SEOUL 000614 SIPDIS E.O. \
         12958: DECL: 05/17/2017 TAGS: P\n \n \nDOEVILLE NGG\n",
        &C[..cut]
    );
    let diags = check(&t);
    let fixes: Vec<_> = diags
        .iter()
        .filter(|d| d.rule.code() == "CBL405")
        .filter_map(|d| d.fix.as_ref())
        .collect();
    assert_eq!(fixes.len(), 1, "{diags:?}");
    let (fixed, _) = cablelint::workspace::fix::apply_fixes(&t, fixes);
    assert!(fixed.contains("Park added... End Summary.\n"), "{fixed}");
    assert_silent(&fixed, "CBL405");
}

// ------------------------------------------------------------------------------------------------
// 8. Signature
// ------------------------------------------------------------------------------------------------

#[test]
fn signature_forms_are_read() {
    for (what, find, replace) in [
        ("a mixed-case surname appended", "recess.\n\nCARROW", "recess. Carrow"),
        ("an internal capital", "\nCARROW\n", "\nLeBaron\n"),
        ("a Mc surname", "\nCARROW\n", "\nMcAdam\n"),
        ("a two-letter surname", "\nCARROW\n", "\nLu\n"),
        ("a trailing period", "\nCARROW\n", "\nCARROW.\n"),
        (
            "end markers and trailers after it",
            "\nCARROW\n",
            "\nCARROW\n\nCONFIDENTIAL\n\nSIPDIS\n\nDeclassified/Released US Department of State EO Systematic Review 30 JUN 2036\n\nBT\n#0233\n\nNNNN\n",
        ),
        // The posts' closing banner for their classified website, as the release gives it: the
        // signature after a row of asterisks or a redacted address on the last line, or alone
        // under the banner's dashed rule.
        (
            "appended after a row of asterisks",
            "recess.\n\nCARROW",
            "recess.\n\n******** Visit Embassy Harbortown's Classified Website: XXXXXXXXXXXX\n***** ******** CARROW",
        ),
        (
            "appended after a redacted address",
            "recess.\n\nCARROW",
            "recess. Visit Embassy Harbortown's Classified Website: XXXXXXXXXXXX Carrow",
        ),
        (
            "alone under the website banner's dashed rule",
            "recess.\n\nCARROW",
            "recess.\n\n--------------------\nVisit Embassy Harbortown's Classified Website;\nhttp://www.example.sgov.gov/harbortown/\n--------------------\nCARROW",
        ),
        // Surnames with a lower-case particle or a `Mc` prefix before capitals.
        ("a particle and a surname", "\nCARROW\n", "\nvan Carrow\n"),
        ("two particles and a surname", "\nCARROW\n", "\nde la CARROW\n"),
        ("Mc before capitals", "\nCARROW\n", "\nMcCARROW\n"),
        // What posts and the release put after the signature.
        (
            "the post's website banner after the signature",
            "\nCARROW\n",
            "\nCARROW\n\n   \"Visit Harbortown's Classified Web Site at http://www.example.s\nexample.gov/wiki/Portal:Harbortown\"\n",
        ),
        (
            "a page number and the SBU line",
            "\nCARROW\n",
            "\nCARROW\n\n1\nSENSITIVE BUT UNCLASSIFIED\n",
        ),
        ("a date stamp", "\nCARROW\n", "\nCARROW\n1/21/2031\n"),
        (
            "the export's closing quote after an end banner",
            "\nCARROW\n",
            "\nCARROW\n\n=========CABLE ENDS=========\n\n\"\n",
        ),
        ("the export's quote on the line", "\nCARROW\n", "\nCARROW \",\n"),
        ("HTML remnants", "\nCARROW\n", "\nCARROW\n</td></tr>\n</table>\n"),
        ("rows of slashes", "\nCARROW\n", "\nCARROW\n/\n/\n/\n"),
        (
            "a preview cut off after it",
            "\nCARROW\n",
            "\nCARROW\nHARBORTOWN MINISTERS AGR...\n",
        ),
        (
            "a lower-case surname under the website banner",
            "recess.\n\nCARROW",
            "recess.\n\n*********\nVisit Harbortown's Classified Website:\nhttp://www.example.sgov.gov/harbortown/\n*********\ncarrow",
        ),
        (
            "a lower-case surname after a finished sentence",
            "\nCARROW\n",
            "\ncarrow\n",
        ),
        // The signer's title before the surname, as chargés and deputies sign.
        ("a CDA in capitals, the surname mixed", "\nCARROW\n", "\nCDA Carrow\n"),
        ("an acting CDA", "\nCARROW\n", "\nA/CDA CARROW\n"),
        ("an acting DCM", "\nCARROW\n", "\nA/DCM Carrow\n"),
        ("Amb. with its full stop", "\nCARROW\n", "\nAmb. CARROW\n"),
        (
            "Charge d'Affaires a.i.",
            "\nCARROW\n",
            "\nCharge d'Affaires a.i. CARROW\n",
        ),
        (
            "a titled surname appended to the last sentence",
            "recess.\n\nCARROW",
            "recess. CDA Carrow",
        ),
    ] {
        let t = edit(D, &[(find, replace)]);
        let f = findings(&t);
        assert!(
            !f.iter().any(|&(c, _, _)| c == "CBL409"),
            "{what}: {f:?}\n{t}"
        );
    }
}

/// What may follow a signature does not make the text above it one: a sentence's last words, a
/// lower-case word that continues a sentence, or a preview cut off at the end.
#[test]
fn a_trailer_does_not_make_a_signature() {
    for (what, replace) in [
        (
            "text over a closing quote",
            "recess.\n\nwith the talks\n\"\n",
        ),
        (
            "a lower-case word that ends a sentence",
            "recess, as the chairman\nsaid\n",
        ),
        (
            "a sentence over a cut-off preview",
            "recess.\nTHE MINISTERS AGR...\n",
        ),
        ("a lone particle", "recess.\n\nvan\n"),
        ("a lone title", "recess.\n\nA/DCM\n"),
        (
            "a title and a surname that end a sentence",
            "recess, said the\nCDA Carrow and the minister\n",
        ),
    ] {
        let t = edit(D, &[("recess.\n\nCARROW\n", replace)]);
        let f = findings(&t);
        assert!(
            f.iter().any(|&(c, _, _)| c == "CBL409"),
            "{what}: {f:?}\n{t}"
        );
    }
}

/// The line above a lower-case surname may end in any text: a closing word compared at the end of
/// a line that ends in a wide character is compared by bytes, never sliced inside the character.
#[test]
fn a_line_ending_in_wide_characters_above_a_lower_case_word_is_read_without_a_panic() {
    for above in [
        "recess \u{20ac}ND COMMENT",
        "recess \u{20ac}\u{20ac}\u{20ac}\u{20ac}",
    ] {
        let t = edit(D, &[("recess.\n\nCARROW\n", &format!("{above}\ncarrow\n"))]);
        let f = findings(&t);
        assert!(
            f.iter().any(|&(c, _, _)| c == "CBL409"),
            "{above}: {f:?}\n{t}"
        );
    }
}

#[test]
fn a_closing_word_is_no_signature_also_without_numbered_paragraphs() {
    let t = edit(
        D,
        &[
            ("¶1. (C) Coordinating", "(C) Coordinating"),
            ("¶2. (C) The officials", "(C) The officials"),
            ("recess.\n\nCARROW\n", "recess. Regards.\n"),
        ],
    );
    assert_fires(&t, "CBL409", "recess. Regards.", &[]);
}

/// A heading between dashed rules at the end of the text is no signature.
#[test]
fn a_closing_heading_between_rules_is_no_signature() {
    let t = edit(
        D,
        &[(
            "recess.\n\nCARROW\n",
            "recess.\n\n----------\nNEXT STEPS\n----------\n",
        )],
    );
    assert_fires(&t, "CBL409", "recess.", &[]);
}

// ------------------------------------------------------------------------------------------------
// 9. Messages that say what the cable does
// ------------------------------------------------------------------------------------------------

fn messages(text: &str, code: &str, settings: &Settings) -> Vec<String> {
    cablelint::check(text, settings, Tables::builtin())
        .into_iter()
        .filter(|d| d.rule.code() == code)
        .map(|d| d.message)
        .collect()
}

#[test]
fn messages_name_what_the_cable_wrote() {
    let t = edit(C, &[("Reasons 1.4 (b)", "Reasons 1.5 (b)")]);
    let m = messages(&t, "CBL224", &Settings::default());
    assert!(m.len() == 1 && m[0].contains("cites section 1.5"), "{m:?}");

    let t = edit(D, &[("\n\n¶2. (C) The officials expect the regulation to be signed\nbefore the parliamentary recess.", "")]);
    let m = messages(&t, "CBL404", &Settings::default());
    assert!(
        m.len() == 1 && m[0].contains("only paragraph is numbered"),
        "{m:?}"
    );

    let sel = cablelint::rules::RuleSelector::parse("CBL221").expect("selector");
    let s = Settings::from_selection(None, &[sel], &[]);
    let t = edit(C, &[("DECL: 03/12/2018", "DECL: 12/31/2007")]);
    let m = messages(&t, "CBL221", &s);
    assert!(
        m.len() == 1 && m[0].contains("1 year before") && !m[0].contains("-1"),
        "{m:?}"
    );
}

#[test]
fn twenty_five_years_counted_by_year_are_allowed() {
    let t = edit(C, &[("DECL: 03/12/2018", "DECL: 12/31/2033")]);
    assert_silent(&t, "CBL220");
    let t = edit(C, &[("DECL: 03/12/2018", "DECL: 01/01/2034")]);
    assert_fires(&t, "CBL220", "DECL: 01/01/2034", &[]);
}

#[test]
fn info_addressees_above_the_action_precedence_are_one_finding() {
    let t = edit(
        C,
        &[
            ("OO RUEHBJ", "RR RUEHBJ"),
            ("O 120745Z", "R 120745Z"),
            ("WASHDC IMMEDIATE 5521", "WASHDC ROUTINE 5521"),
        ],
    );
    let d: Vec<_> = check(&t)
        .into_iter()
        .filter(|d| d.rule.code() == "CBL109")
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].related.len() >= 3, "{:?}", d[0].related);
}

#[test]
fn niact_justified_in_words() {
    let t = edit(
        C,
        &[
            ("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDIATE 5521"),
            (
                "(C) Summary. Senior",
                "(C) Night action is needed because talks open\nMarch 13. Summary: Senior",
            ),
        ],
    );
    assert_silent(&t, "CBL408");
    let t = edit(
        C,
        &[("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDIATE 5521")],
    );
    let f = findings(&t);
    assert!(f.iter().any(|&(c, _, _)| c == "CBL408"), "{f:?}");
}

// ------------------------------------------------------------------------------------------------
// 10. Empty files
// ------------------------------------------------------------------------------------------------

#[test]
fn an_empty_or_blank_file_has_no_banner() {
    for t in ["", "  \n\t\n\n"] {
        let f = findings(t);
        assert!(
            f.iter()
                .any(|&(c, _, s)| c == "CBL202" && s == Severity::Error),
            "{t:?}: {f:?}"
        );
    }
}

#[test]
fn an_empty_tags_line_is_an_error() {
    for label in ["TAGS:", "TAGS:   "] {
        let t = edit(D, &[("TAGS: PREL PTER ID", label)]);
        let f = findings(&t);
        let want = line(&t, "SUBJECT:") - 1;
        assert!(
            f.contains(&("CBL301", want, Severity::Error)),
            "{label:?}: {f:?}"
        );
        // The empty line is reported once, not also as lacking each kind of tag.
        assert!(
            !f.iter().any(|&(c, _, _)| c == "CBL303" || c == "CBL304"),
            "{f:?}"
        );
    }
    // Codes on the line after the label are the line's codes.
    let t = edit(D, &[("TAGS: PREL PTER ID", "TAGS:\n     PREL PTER ID")]);
    assert_clean(&t);
}

// ------------------------------------------------------------------------------------------------
// 10. Drafts are checked against the drafting date
// ------------------------------------------------------------------------------------------------

/// The findings of a check with the drafting date `date` (`--date`, `date =` in `cablelint.toml`).
fn findings_on(text: &str, date: &str) -> Vec<(&'static str, usize, Severity)> {
    let mut settings = Settings::default();
    settings.drafting_date = Some(cablelint::vocab::Date::parse_iso(date).expect("a date"));
    let idx = LineIndex::new(text);
    cablelint::check(text, &settings, Tables::builtin())
        .iter()
        .map(|d| (d.rule.code(), idx.line_of(d.range.start()) + 1, d.severity))
        .collect()
}

/// A draft of today's kind: E.O. 13526, reasons under section 1.4, DECL ten years on.
fn draft_13526(decl: &str, section: &str) -> String {
    edit(
        D,
        &[
            (
                "E.O. 12958: DECL: 04/15/2019",
                &format!("E.O. 13526: DECL: {decl}"),
            ),
            ("Reasons 1.4 (b)", &format!("Reasons {section} (b)")),
        ],
    )
}

#[test]
fn a_draft_is_checked_against_the_drafting_date() {
    let t = draft_13526("11/30/2036", "1.4");
    assert!(findings_on(&t, "2026-11-30").is_empty());
    // DECL in the past on the drafting date.
    let f = findings_on(&t, "2037-01-10");
    assert!(
        f.contains(&("CBL219", line(&t, "E.O."), Severity::Warning)),
        "{f:?}"
    );
    // More than 25 years after the drafting date.
    let f = findings_on(&t, "2008-05-01");
    assert!(f.iter().any(|&(c, _, _)| c == "CBL220"), "{f:?}");
    // E.O. 13526 was not yet in force on the drafting date.
    assert!(
        f.contains(&("CBL215", line(&t, "E.O."), Severity::Warning)),
        "{f:?}"
    );
    // Section 1.5 after 2003.
    let t = draft_13526("11/30/2036", "1.5");
    let f = findings_on(&t, "2026-11-30");
    assert!(
        f.contains(&("CBL224", line(&t, "Classified By"), Severity::Warning)),
        "{f:?}"
    );
    // A draft that cites E.O. 12958 is checked against a drafting date that is given.
    let f = findings_on(D, "2026-11-30");
    assert!(f.iter().any(|&(c, _, _)| c == "CBL215"), "{f:?}");
    assert!(f.iter().any(|&(c, _, _)| c == "CBL219"), "{f:?}");
}

#[test]
fn a_draft_without_a_given_date_is_checked_against_today() {
    // A DECL date that has passed today is in the past for a draft written today.
    let t = draft_13526("01/01/2011", "1.4");
    let f = findings(&t);
    let d = check(&t);
    assert!(
        f.contains(&("CBL219", line(&t, "E.O."), Severity::Warning)),
        "{f:?}"
    );
    assert!(
        d.iter().any(|d| d.message.contains("the drafting date")),
        "{d:?}"
    );
    // Without a given date, text that cites an order superseded before today is an older cable's
    // text (its date unknown), not a draft of today: no date check runs on it.
    assert_clean(D);
}

#[test]
fn records_and_received_copies_are_not_dated_by_the_drafting_date() {
    // A received copy keeps its date-time group's date whatever the drafting date.
    let t =
        format!("O 151230Z APR 09\nFM AMEMBASSY JAKARTA\nTO SECSTATE WASHDC IMMEDIATE 1234\n\n{D}");
    let f = findings_on(&t, "2026-11-30");
    assert!(
        !f.iter().any(|&(c, _, _)| c == "CBL215" || c == "CBL219"),
        "{f:?}"
    );
    // A release record without a date-time group has no date to check against.
    let t = format!("This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n{D}");
    let f = findings_on(&t, "2026-11-30");
    assert!(
        !f.iter().any(|&(c, _, _)| c == "CBL215" || c == "CBL219"),
        "{f:?}"
    );
}

// ------------------------------------------------------------------------------------------------
// Issue 9: a banner the release dropped
// ------------------------------------------------------------------------------------------------

#[test]
fn a_transmitted_cable_without_its_banner_is_an_incomplete_record() {
    // The header keeps the classification (`ZNY CCCCC`); the text starts at the caption.
    let t = edit(
        C,
        &[(
            "C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614\n\n",
            "",
        )],
    );
    let f = findings(&t);
    assert!(
        f.contains(&("CBL607", line(&t, "SIPDIS"), Severity::Warning)),
        "{f:?}"
    );
    assert!(
        !f.iter()
            .any(|&(c, _, s)| s == Severity::Error || c == "CBL202"),
        "{f:?}"
    );
    // A draft without its banner stays an error: nothing else says what it is.
    let t = edit(D, &[("C O N F I D E N T I A L JAKARTA 000233\n\n", "")]);
    let f = findings(&t);
    assert!(
        f.contains(&("CBL202", line(&t, "SIPDIS"), Severity::Error)),
        "{f:?}"
    );
    assert!(!f.iter().any(|&(c, _, _)| c == "CBL607"), "{f:?}");
    // Text before the caption is not a dropped banner: it is what stands there instead.
    let t = edit(
        C,
        &[(
            "C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614",
            "CONFIDENTAIL SEOUL",
        )],
    );
    let f = findings(&t);
    assert!(!f.iter().any(|&(c, _, _)| c == "CBL607"), "{f:?}");
}

#[test]
fn a_section_number_joined_to_its_word_is_a_garbled_banner() {
    let t = edit(C, &[("SECTION 01 OF 02 SEOUL", "SECTION01 OF 02 SEOUL")]);
    let f = findings(&t);
    assert!(
        f.contains(&("CBL203", line(&t, "SECTION01"), Severity::Warning)),
        "{f:?}"
    );
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    let d = check(&t);
    let g = d.iter().find(|d| d.rule.code() == "CBL203").unwrap();
    assert!(g.message.contains("write `SECTION 01`"), "{}", g.message);
    // Other garbles of the word are not this one (and do not break the check).
    for garble in [
        "SCTION 01 OF 02 SEOUL",
        "SECTIONÉ1 OF 02 SEOUL",
        "SECTION0É OF 02 SEOUL",
    ] {
        let t = edit(C, &[("SECTION 01 OF 02 SEOUL", garble)]);
        let d = check(&t);
        assert!(
            !d.iter().any(|d| d.message.contains("write `SECTION")),
            "{d:?}"
        );
    }
}

/// The SUBJECT's text as the parser read it, lines joined with spaces.
fn subject_of(text: &str) -> String {
    let cable = cablelint::syntax::parse(text);
    let subject = cable.body.subject.as_ref().expect("a SUBJECT");
    assert!(subject.text.is_some(), "the SUBJECT has text");
    subject
        .text_pieces()
        .into_iter()
        .flat_map(|r| cable.text(r).split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_subject_ends_before_a_rule_a_repeated_banner_or_a_page_header() {
    let full =
        "ROK AND JAPAN AGREE TO RESUME VICE-MINISTERIAL TALKS ON FISHERIES AND HISTORY TEXTBOOKS";
    assert_eq!(subject_of(C), full);
    for (what, line) in [
        ("a dashed rule", "-----------------------------------"),
        ("a repeated spaced banner", "C O N F I D E N T I A L"),
        ("a repeated banner word", "CONFIDENTIAL"),
        ("an old page header", "PAGE 02 TOKYO 02232 170814Z"),
    ] {
        let t = edit(
            C,
            &[(
                "HISTORY TEXTBOOKS\n",
                &format!("HISTORY TEXTBOOKS\n{line}\n"),
            )],
        );
        assert_eq!(subject_of(&t), full, "{what}:\n{t}");
    }
    // A continuation line that merely starts with a level word is still the SUBJECT.
    let t = edit(
        C,
        &[(
            "HISTORY TEXTBOOKS\n",
            "HISTORY TEXTBOOKS\nSECRET ANNEX DISCUSSED\n",
        )],
    );
    assert_eq!(subject_of(&t), format!("{full} SECRET ANNEX DISCUSSED"));
}

// ------------------------------------------------------------------------------------------------
// Issue 8: a page break inside the SUBJECT and the TAGS line, multi-word tags, answer letters
// ------------------------------------------------------------------------------------------------

#[test]
fn the_subject_goes_on_after_a_page_break() {
    let full =
        "ROK AND JAPAN AGREE TO RESUME VICE-MINISTERIAL TALKS ON FISHERIES AND HISTORY TEXTBOOKS";
    // The subject's rest joined onto the page header, and on the line after it.
    for page_break in [
        " CONFIDENTIAL\nPAGE 02 SEOUL 00614 01 OF 02 120751Z TALKS ON",
        "PAGE 02 SEOUL 00614 120751Z\nTALKS ON",
    ] {
        let t = edit(
            C,
            &[(
                "VICE-MINISTERIAL\nTALKS ON",
                &format!("VICE-MINISTERIAL\n{page_break}"),
            )],
        );
        assert_eq!(subject_of(&t), full, "{t}");
        let cable = cablelint::syntax::parse(&t);
        assert!(cable.has_artifact(cablelint::syntax::ArtifactKind::PageHeader));
        let f = findings(&t);
        assert!(
            f.contains(&("CBL602", line(&t, "PAGE 02"), Severity::Info)),
            "{f:?}"
        );
        assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    }
}

/// The codes of the TAGS line as the parser read them.
fn tag_codes(text: &str) -> Vec<String> {
    let cable = cablelint::syntax::parse(text);
    let tags = cable.body.tags.as_ref().expect("a TAGS line");
    tags.tokens
        .iter()
        .map(|t| cable.text(t.code).to_string())
        .collect()
}

#[test]
fn a_page_header_in_the_tags_line_is_no_tag() {
    let t = edit(
        C,
        &[(
            "TAGS: PREL PGOV JA KS",
            "TAGS: PREL PGOV PAGE 02 SEOUL 00614 01 OF 02 120751Z JA KS",
        )],
    );
    assert_eq!(tag_codes(&t), ["PREL", "PGOV", "JA", "KS"]);
    assert_silent(&t, "CBL305");
    let f = findings(&t);
    assert!(
        f.contains(&("CBL602", line(&t, "TAGS:"), Severity::Info)),
        "{f:?}"
    );
}

#[test]
fn a_tag_of_two_words_is_one_code() {
    let t = edit(
        C,
        &[("TAGS: PREL PGOV JA KS", "TAGS: PREL EAIR EL AL IS KS")],
    );
    assert_eq!(tag_codes(&t), ["PREL", "EAIR", "EL AL", "IS", "KS"]);
    assert_silent(&t, "CBL305");
    // The words apart are not the code.
    let t = edit(C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL ELAL KS")]);
    assert_eq!(tag_codes(&t), ["PREL", "ELAL", "KS"]);
}

const ANSWERS: &str = "UNCLAS MANILA 000412

SIPDIS

E.O. 12958: N/A
TAGS: ECON ETRD RP
SUBJECT: ANSWERS TO THE RICE TENDER QUESTIONNAIRE

1. Post's answers follow, keyed to the questions of the
questionnaire.

2. (A) Four bids were received.

3. (B) The tender closed on February 28.

4. (C) No bid came from a Vietnamese trader.

5. (D) The next tender opens in April.

ALDERTON
";

#[test]
fn answer_letters_after_paragraph_numbers_are_not_markings() {
    // `(C)` in the run of answer letters is no CONFIDENTIAL paragraph of an UNCLAS cable.
    assert_silent(ANSWERS, "CBL207");
    assert_silent(ANSWERS, "CBL402");
    let cable = cablelint::syntax::parse(ANSWERS);
    assert!(cable.body.paragraphs.iter().all(|p| p.marking.is_none()));
    // A real `(C)` paragraph in an UNCLAS cable is still above its banner.
    let t = ANSWERS
        .replace("2. (A) Four", "2. (U) Four")
        .replace("3. (B) The", "3. (U) The")
        .replace("5. (D) The", "5. (U) The");
    let f = findings(&t);
    assert!(
        f.contains(&("CBL207", line(&t, "4. (C)"), Severity::Error)),
        "{f:?}"
    );
    // In a classified cable an answer letter is no garbled marking: the paragraph is unmarked.
    let t = edit(C, &[("¶3. (C) Park", "¶3. (A) Park")]);
    assert_silent(&t, "CBL402");
    assert_fires(&t, "CBL401", "¶3. (A) Park", &[]);
}

// ------------------------------------------------------------------------------------------------
// Issue 9: banners, serials and headers the release garbled
// ------------------------------------------------------------------------------------------------

#[test]
fn a_banner_broken_after_its_classification_is_one_banner() {
    let t = edit(
        C,
        &[(
            "C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614",
            "C O N F I D E N T I A L\nSECTION 01 OF 02 SEOUL 000614",
        )],
    );
    let f = findings(&t);
    assert!(
        f.contains(&(
            "CBL203",
            line(&t, "C O N F I D E N T I A L"),
            Severity::Warning
        )),
        "{f:?}"
    );
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    let cable = cablelint::syntax::parse(&t);
    let b = cable.body.banner.as_ref().expect("the banner");
    assert_eq!(cable.text(b.origin.expect("origin")), "SEOUL");
    assert_eq!(b.serial.expect("serial").value, 614);
    // A draft writes its banner on one line: the break is an error there.
    let t = edit(
        D,
        &[(
            "C O N F I D E N T I A L JAKARTA 000233",
            "C O N F I D E N T I A L\nJAKARTA 000233",
        )],
    );
    let f = findings(&t);
    assert!(
        f.contains(&(
            "CBL202",
            line(&t, "C O N F I D E N T I A L"),
            Severity::Error
        )),
        "{f:?}"
    );
    assert_silent(&t, "CBL203");
}

#[test]
fn a_serial_run_into_the_next_word_is_read() {
    // A caption the export joined onto the serial: the serial and the caption are both read.
    let t = edit(C, &[("SEOUL 000614\n\nSIPDIS", "SEOUL 000614SIPDIS")]);
    let f = findings(&t);
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    assert_silent(&t, "CBL606");
    let cable = cablelint::syntax::parse(&t);
    assert_eq!(
        cable.body.banner.as_ref().unwrap().serial.unwrap().value,
        614
    );
    assert_eq!(cable.body.captions.len(), 1);
    // Letters that make no caption after a serial short of a digit: the serial is garbled.
    let t = edit(C, &[("SEOUL 000614", "SEOUL 00061QZ")]);
    let f = findings(&t);
    assert!(
        f.contains(&("CBL606", line(&t, "00061QZ"), Severity::Warning)),
        "{f:?}"
    );
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
}

#[test]
fn a_csv_record_after_the_header_is_dump_lines() {
    let header_end = C.find("\n\nC O N F").expect("banner");
    let (header, text) = C.split_at(header_end);
    let mut header_lines: Vec<&str> = header.lines().collect();
    let last = header_lines.pop().expect("last addressee");
    let t = format!(
        "{header}\n\n244417,3/12/2008 7:45,08SEOUL614,\"Embassy Seoul\",CONFIDENTIAL,,\"{}\n{last}\",\"{}",
        header_lines.join("\n"),
        text.trim_start()
    );
    let f = findings(&t);
    assert!(
        f.contains(&("CBL604", line(&t, "244417,"), Severity::Info)),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|&(_, _, s)| s == Severity::Error),
        "{f:?}\n{t}"
    );
    let cable = cablelint::syntax::parse(&t);
    assert_eq!(
        cable.body.banner.as_ref().unwrap().serial.unwrap().value,
        614
    );
}

#[test]
fn a_web_inbox_printout_writes_the_serial_in_five_digits() {
    let printout = "null\nJane X Doe  03/12/2008 08:02:11 AM  From  DB/Inbox:  Jane X Doe\n\nCable \nText:\n\nC O N F I D E N T I A L        SEOUL 00614\n\nSIPDIS\nCXSEOUL:\n    ACTION: POL\n    INFO:   DCM AMB\n\nDISSEMINATION: POL\nCHARGE: PROG\n\n";
    let t = format!(
        "{printout}{}",
        C.replace(
            "C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614",
            "C O N F I D E N T I A L        SEOUL 00614"
        )
    );
    let f = findings(&t);
    assert!(f.iter().any(|&(c, _, _)| c == "CBL606"), "{f:?}");
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    // A draft that writes five digits is the drafter's: an error.
    let t = edit(D, &[("JAKARTA 000233", "JAKARTA 00233")]);
    assert_fires(&t, "CBL204", "JAKARTA 00233", &["CBL215", "CBL219"]);
}

#[test]
fn a_received_copy_without_its_banner_is_an_incomplete_record() {
    let body = edit(D, &[("C O N F I D E N T I A L JAKARTA 000233\n\n", "")]);
    let t = format!(
        "O 151030Z APR 09\nFM AMEMBASSY JAKARTA\nTO SECSTATE WASHDC IMMEDIATE 4410\n\n{body}"
    );
    let f = findings(&t);
    assert!(
        f.contains(&("CBL607", line(&t, "SIPDIS"), Severity::Warning)),
        "{f:?}"
    );
    assert_silent(&t, "CBL202");
}

#[test]
fn a_received_copy_under_the_header_of_an_earlier_cable() {
    // A 1988 header from another post on a text that cites E.O. 12958 (1995).
    let t = format!(
        "R 021258Z JAN 88\nFM AMEMBASSY BAGHDAD\nTO SECSTATE WASHDC 9118\n\n{}",
        D.replace("DECL: 04/15/2019", "DECL: 04/15/2030")
    );
    let f = findings(&t);
    assert!(
        f.contains(&(
            "CBL123",
            line(&t, "C O N F I D E N T I A L"),
            Severity::Warning
        )),
        "{f:?}"
    );
    for code in ["CBL116", "CBL215", "CBL220", "CBL224"] {
        assert_silent(&t, code);
    }
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    // The same header from the banner's post is no other cable's: its date is checked.
    let t = t.replace("AMEMBASSY BAGHDAD", "AMEMBASSY JAKARTA");
    assert_silent(&t, "CBL123");
    assert!(findings(&t).iter().any(|&(c, _, _)| c == "CBL215"));
}

#[test]
fn continuation_headers_that_all_count_otherwise_are_one_garble() {
    let t = edit(
        C,
        &[
            ("SEOUL 00000614 002 OF 002", "SEOUL 00000614 002 OF 004"),
            (
                "first meeting.\n",
                "first meeting.\nSEOUL 00000614 003 OF 004\n",
            ),
        ],
    );
    let f = findings(&t);
    assert!(
        f.contains(&("CBL608", line(&t, "002 OF 004"), Severity::Warning)),
        "{f:?}"
    );
    assert_silent(&t, "CBL206");
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    // One header that disagrees is still an error of its own.
    let t = edit(
        C,
        &[("SEOUL 00000614 002 OF 002", "SEOUL 00000614 002 OF 004")],
    );
    assert_fires(&t, "CBL206", "002 OF 004", &[]);
}

#[test]
fn a_record_cut_short_is_an_incomplete_record() {
    // A passing line cut off with `...`, and the E.O. line, TAGS and SUBJECT lost after it.
    let t = edit(
        C,
        &[(
            "SIPDIS\n\nE.O. 12958: DECL: 03/12/2018\nTAGS: PREL PGOV JA KS\nSUBJECT: ROK AND JAPAN AGREE TO RESUME VICE-MINISTERIAL\nTALKS ON FISHERIES AND HISTORY TEXTBOOKS\n",
            "SIPDIS\n\nSTATE FOR EAP/K AND EA...\n",
        )],
    );
    let f = findings(&t);
    assert!(
        f.contains(&("CBL603", line(&t, "STATE FOR EAP/K"), Severity::Info)),
        "{f:?}"
    );
    assert!(f.iter().any(|&(c, _, _)| c == "CBL607"), "{f:?}");
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    // A sent cable whose record stops at its TAGS line.
    let end = C.find("SUBJECT:").expect("subject");
    let t = C[..end].to_string();
    let f = findings(&t);
    assert!(
        f.contains(&("CBL603", line(&t, "TAGS:"), Severity::Info)),
        "{f:?}"
    );
    assert!(!f.iter().any(|&(_, _, s)| s == Severity::Error), "{f:?}");
    // A draft that stops there is being written: its missing SUBJECT and text are errors.
    let end = D.find("SUBJECT:").expect("subject");
    let t = D[..end].to_string();
    assert_fires(
        &t,
        "CBL306",
        "TAGS:",
        &["CBL409", "CBL223", "CBL215", "CBL219", "CBL411"],
    );
    assert_fires(
        &t,
        "CBL411",
        "TAGS:",
        &["CBL409", "CBL223", "CBL215", "CBL219", "CBL306"],
    );
    assert_silent(&t, "CBL603");
    // A passing line with an ellipsis in a complete cable is no cut.
    let t = edit(
        C,
        &[(
            "SIPDIS\n\nE.O.",
            "SIPDIS\n\nSTATE FOR EAP/K AND EA...\n\nE.O.",
        )],
    );
    assert_silent(&t, "CBL603");
}

#[test]
fn a_preview_cut_inside_its_first_paragraph_gives_way_to_the_full_record() {
    // The preview reaches into paragraph 1 and stops at `...`; the database record has the text.
    let preview = "C O N F I D E N T I A L JAKARTA 000233\n\nSIPDIS\n\nE.O. 12958: DECL: 04/15/2019\nTAGS: PREL PTER ID\nSUBJECT: INDONESIA WEIGHS NEW COUNTERTERRORISM COORDINATION\nBODY\n\n¶1. (C) Coordinating Ministry officials told po...\n\n\nid: 74239\ndate: 4/15/2009 9:10\nrefid: 09JAKARTA233\n";
    let t = format!("{preview}{D}");
    let f = findings(&t);
    assert!(f.contains(&("CBL603", 1, Severity::Info)), "{f:?}");
    let cable = cablelint::syntax::parse(&t);
    assert_eq!(cable.body.paragraphs.len(), 2, "the full copy is read");
    for code in ["CBL404", "CBL409"] {
        assert_silent(&t, code);
    }
    // A complete text followed by a record keeps its own paragraphs.
    let t = format!("{D}\nid: 74239\ndate: 4/15/2009 9:10\n");
    assert_silent(&t, "CBL603");
}

#[test]
fn a_paragraph_joined_after_the_reasons_gives_no_reason_letter() {
    for marking in ["(S)", "(S/NF)", "(C)"] {
        let t = edit(
            C,
            &[(
                "Reasons 1.4 (b) and (d).\n\n¶1. (C) Summary. Senior",
                &format!("Reasons 1.4 (b) and (d) {marking} Senior"),
            )],
        );
        let cable = cablelint::syntax::parse(&t);
        let letters: Vec<char> = cable
            .body
            .classified_by
            .as_ref()
            .expect("the authority")
            .letters
            .iter()
            .map(|&(_, c)| c)
            .collect();
        assert_eq!(letters, ['b', 'd'], "{marking}");
        assert_silent(&t, "CBL225");
    }
    // In an upper-case cable a letter before an upper-case word is still a reason letter.
    let t = edit(
        C,
        &[(
            "Reasons 1.4 (b) and (d).",
            "REASONS 1.4 (B) AND (C) AND (D)",
        )],
    );
    let cable = cablelint::syntax::parse(&t);
    assert_eq!(cable.body.classified_by.as_ref().unwrap().letters.len(), 3);
}

/// A reason list split after `a` with a multi-byte character at the start of the next line is read
/// without slicing inside that character (found by fuzzing: a panic).
#[test]
fn a_split_reason_list_before_a_multibyte_character_is_read() {
    let text = edit(
        C,
        &[(
            "Reasons 1.4 (b) and (d).",
            "Reasons 1.4 (b) a\n\u{fffd}d (d).",
        )],
    );
    let _ = check(&text);
}

/// The messages of a draft's findings on a drafting date.
fn messages_on(text: &str, date: &str, code: &str) -> Vec<String> {
    let mut settings = Settings::default();
    settings.drafting_date = Some(cablelint::vocab::Date::parse_iso(date).expect("a date"));
    cablelint::check(text, &settings, Tables::builtin())
        .iter()
        .filter(|d| d.rule.code() == code)
        .map(|d| d.message.clone())
        .collect()
}

/// A missing E.O. line is reported with the order in force on the drafting date (E.O. 13526 for a
/// draft of 2026, E.O. 12958 for one of 2008), and a superseded order's message says which order
/// the draft should cite, not that it cites it.
#[test]
fn eo_messages_name_the_order_in_force() {
    let t = edit(D, &[("E.O. 12958: DECL: 04/15/2019\n", "")]);
    let m = messages_on(&t, "2026-11-30", "CBL213");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("`E.O. 13526: DECL:"), "{m:?}");
    assert!(!m[0].contains("12958"), "{m:?}");
    let m = messages_on(&t, "2008-05-01", "CBL213");
    assert!(m[0].contains("`E.O. 12958: DECL:"), "{m:?}");
    let m = messages_on(D, "2026-11-30", "CBL215");
    assert_eq!(
        m,
        ["E.O. 12958 was superseded on 2010-06-27; a draft of 2026-11-30 should cite E.O. 13526, \
          the order then in force"]
    );
}

/// A reference the record cuts off after its post (`REF: A. STATE ...`) is the release's cut, not
/// a reference without a serial; without the `...` it is one.
#[test]
fn a_reference_cut_off_after_its_post_is_no_malformed_reference() {
    let t = edit(
        C,
        &[("REF: 08 TOKYO 1187", "REF: A. 08 TOKYO 1187 B. STATE ...")],
    );
    assert_silent(&t, "CBL312");
    let t = edit(
        C,
        &[("REF: 08 TOKYO 1187", "REF: A. 08 TOKYO 1187 B. STATE")],
    );
    assert!(findings(&t).iter().any(|&(c, _, _)| c == "CBL312"), "{t}");
}

/// A line of tag codes without its label where TAGS stands is reported as a missing label on that
/// line, and the fix adds `TAGS: `; the cable then has its TAGS.
#[test]
fn an_unlabelled_tags_line_is_a_missing_label() {
    let t = edit(C, &[("TAGS: PREL PGOV JA KS", "PREL, PGOV, JA, KS")]);
    let diags = check(&t);
    let d: Vec<_> = diags.iter().filter(|d| d.rule.code() == "CBL301").collect();
    assert_eq!(d.len(), 1, "{diags:?}");
    assert!(
        d[0].message.contains("no `TAGS:` label"),
        "{}",
        d[0].message
    );
    assert_eq!(
        LineIndex::new(&t).line_of(d[0].range.start()) + 1,
        line(&t, "PREL, PGOV")
    );
    let (fixed, _) =
        cablelint::workspace::fix::apply_fixes(&t, d.iter().filter_map(|d| d.fix.as_ref()));
    assert!(fixed.contains("\nTAGS: PREL, PGOV, JA, KS\n"), "{fixed}");
    assert_silent(&fixed, "CBL301");
    // A line of ordinary words there is no TAGS line.
    let t = edit(C, &[("TAGS: PREL PGOV JA KS", "FOR THE AMBASSADOR")]);
    let m: Vec<_> = check(&t)
        .into_iter()
        .filter(|d| d.rule.code() == "CBL301")
        .collect();
    assert!(m[0].message.contains("no TAGS line"), "{m:?}");
}

/// Legacy free-text tags written as words (`HUMAN RIGHTS`) are accepted; an unknown word is still
/// noted, and the same words with a comma between are two tokens.
#[test]
fn legacy_free_text_tags_are_accepted() {
    let t = edit(
        C,
        &[("TAGS: PREL PGOV JA KS", "TAGS: PHUM, JA, KS, HUMAN RIGHTS")],
    );
    assert_silent(&t, "CBL305");
    let t = edit(
        C,
        &[("TAGS: PREL PGOV JA KS", "TAGS: PHUM, JA, KS, HUMAN WRONGS")],
    );
    assert!(findings(&t).iter().any(|&(c, _, _)| c == "CBL305"), "{t}");
}

/// A comment opener at the start of a heading between dashes (`----- COMMENT: TITLE -----`) opens
/// the comment that `END COMMENT` in the next paragraph closes.
#[test]
fn a_comment_heading_between_dashes_opens_the_comment() {
    let t = edit(
        C,
        &[(
            "¶4. (C) Comment: The decision",
            "------- COMMENT: A PRACTICAL STEP -------\n\n¶4. (C) The decision",
        )],
    );
    assert_silent(&t, "CBL407");
    let t = edit(
        C,
        &[("¶4. (C) Comment: The decision", "¶4. (C) The decision")],
    );
    assert!(findings(&t).iter().any(|&(c, _, _)| c == "CBL407"), "{t}");
}

/// A numbered, marked paragraph the release joined onto the line before (after a sentence, a colon
/// or a heading in capitals) counts in the numbering; `1.4 (b)` and a date do not.
#[test]
fn a_paragraph_joined_mid_line_counts_in_the_numbering() {
    for joined in [
        "before the parliamentary recess. 3. (C) The officials",
        "before the recess: 3. (C) The officials",
        "REGULATION 3. (C) The officials",
    ] {
        let t = edit(
            C,
            &[(
                "zone. He expected the Japanese side to table a new proposal",
                &format!("zone. {joined} expected the Japanese side to table a new proposal"),
            )],
        );
        let t = t
            .replace("¶3. (C) Park", "¶4. (C) Park")
            .replace("¶4. (C) Comment", "¶5. (C) Comment");
        assert_silent(&t, "CBL403");
    }
    // A date before a marking is no paragraph 4 (else the Comment paragraph, 4, would follow 4).
    let t = edit(
        C,
        &[(
            "¶3. (C) Park added",
            "¶3. (C) Park added on May 4. (C) Park",
        )],
    );
    assert_silent(&t, "CBL403");
}

#[test]
fn a_one_digit_serial_is_the_drafters_unless_the_release_garbled_it() {
    // In a draft or a sent cable, `SEOUL 7` is a serial not yet padded.
    let t = edit(C, &[("SEOUL 000614", "SEOUL 614")]);
    assert_fires(&t, "CBL204", "SEOUL 614", &[]);
    let t = edit(D, &[("JAKARTA 000233", "JAKARTA 7")]);
    assert_fires(&t, "CBL204", "JAKARTA 7", &["CBL215", "CBL219"]);
    assert_silent(&t, "CBL606");
    // A section count the release ran into the origin is a garbled banner (section 1 of 2, serial
    // 000614), not a one-digit serial.
    let t = edit(
        C,
        &[(
            "SECTION 01 OF 02 SEOUL 000614",
            "SECTION 01 OF 02SEOUL 000614",
        )],
    );
    let f = findings(&t);
    assert!(f.iter().any(|&(c, _, _)| c == "CBL203"), "{f:?}");
    assert_silent(&t, "CBL204");
    assert_silent(&t, "CBL606");
}

/// A note in brackets (`[Note: … End note.]`, any case) and a compound label (`Bio Note and
/// Comment:`, `(Note and comment:`) open what their closers close; a closer without any opener is
/// still reported.
#[test]
fn bracketed_notes_and_compound_labels_are_openers() {
    for (p1, p2) in [
        (
            "The minister spoke. [Note: She was invented. End note.] Then she left.",
            "Bio Note and Comment: The minister is invented. End comment.",
        ),
        (
            "The minister spoke. [NOTE: SHE WAS INVENTED. END NOTE.] Then she left.",
            "Comment and note: The minister is invented. End note.",
        ),
        (
            "The minister spoke (Note and comment: she was invented. End note and comment.)",
            "BIO NOTE AND COMMENT: THE MINISTER IS INVENTED. END COMMENT.",
        ),
    ] {
        let t = edit(
            U,
            &[
                (
                    "The National Food Authority received four bids in",
                    &format!("{p1} The National Food Authority received four bids in"),
                ),
                (
                    "Agriculture officials told us the shortfall would",
                    &format!("{p2} Agriculture officials told us the shortfall would"),
                ),
            ],
        );
        assert_silent(&t, "CBL407");
    }
    let t = edit(
        U,
        &[(
            "The National Food Authority received four bids in",
            "The minister spoke. She was invented. End note. The National Food Authority received four bids in",
        )],
    );
    assert!(findings(&t).iter().any(|&(c, _, _)| c == "CBL407"), "{t}");
}
