//! The ways real cables write their text (issue 8): paragraphs without a blank line before them,
//! portion markings in any case, joined and misspelt labels, Classified By reasons, TAGS, SUBJECT,
//! summaries, signatures and drafts dated by the drafting date.
//!
//! Every fixture is a cable we wrote, with invented content: a base of `tests/rules/base/` with a
//! few `(find, replace)` edits, or a small cable written out in full. Each asserts the findings a
//! user sees: which rule, on which line (1-based), and that nothing else at warning or error level
//! appears where the variant is legitimate.

use cablelint::data::Tables;
use cablelint::rules::{Diagnostic, Settings};
use cablelint::syntax::LineIndex;
use cablelint::Severity;

const C: &str = include_str!("rules/base/confidential.cable");
const U: &str = include_str!("rules/base/sbu.cable");
const D: &str = include_str!("rules/base/draft.cable");

/// Applies `(find, replace)` edits; each `find` must occur exactly once.
fn edit(base: &str, edits: &[(&str, &str)]) -> String {
    let mut text = base.to_string();
    for (find, replace) in edits {
        assert_eq!(
            text.matches(find).count(),
            1,
            "fixture edit `{find}` must match exactly once"
        );
        text = text.replacen(find, replace, 1);
    }
    text
}

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
