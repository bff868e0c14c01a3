//! A mistyped portion marking after a paragraph number (`(Q)`, `(CONF)`) is reported the same way
//! in every cable: `invalid-marking` (CBL402) on the marking, in a classified cable and in an
//! UNCLAS one alike, while a run of letters keying a list (`(A)`, `(B)`), a lone `(A)` and an UNCLAS
//! topic label (`(UN)`) are no markings. Cables we wrote.

use cablelint::data::Tables;
use cablelint::rules::Settings;
use cablelint::syntax::LineIndex;

fn cable(banner: &str, marking: &str, eo: &str, authority: &str) -> String {
    format!(
        "{banner} ACCRA 000001\n\nE.O. 13526: {eo}\nTAGS: PREL GH\nSUBJECT: TALKS\n\n\
         ¶1. ({marking}) Text one.\n\n¶2. (Q) Text two.\n\n¶3. (CONF) Text three.\n\n\
         ¶4. (UN) A topic label.\n\n¶5. ({marking}) Questions:\n\n¶6. (A) First.\n\n\
         ¶7. (B) Second.\n{authority}\nDOE\n"
    )
}

/// The findings of CBL401 and CBL402 as `(code, 1-based line, column)`.
fn markings(text: &str) -> Vec<(&'static str, usize, usize)> {
    let mut settings = Settings::default();
    settings.drafting_date = cablelint::vocab::Date::new(2026, 12, 1);
    let idx = LineIndex::new(text);
    cablelint::check(text, &settings, Tables::builtin())
        .iter()
        .filter(|d| matches!(d.rule.code(), "CBL401" | "CBL402"))
        .map(|d| {
            let line = idx.line_of(d.range.start());
            let col = text[..d.range.start()]
                .rfind('\n')
                .map_or(d.range.start(), |n| d.range.start() - n - 1);
            (d.rule.code(), line + 1, col)
        })
        .collect()
}

#[test]
fn a_mistyped_marking_is_an_invalid_marking_in_a_classified_cable() {
    let t = cable(
        "C O N F I D E N T I A L",
        "C",
        "DECL: 12/01/2036",
        "\nClassified By: Ambassador Jane Doe, reasons 1.4 (b) and (d).\n",
    );
    // Column 5 is the marking's `(` after `¶2. ` (the pilcrow is two bytes).
    // The lettered list's paragraphs are unmarked paragraphs of a classified cable (CBL401 on
    // their numbers), not invalid markings.
    assert_eq!(
        markings(&t),
        [
            ("CBL402", 9, 5),
            ("CBL402", 11, 5),
            ("CBL402", 13, 5),
            ("CBL401", 17, 2),
            ("CBL401", 19, 2)
        ],
        "{t}"
    );
}

#[test]
fn a_mistyped_marking_is_an_invalid_marking_in_an_unclas_cable() {
    let t = cable("UNCLAS", "U", "N/A", "");
    assert_eq!(markings(&t), [("CBL402", 9, 5), ("CBL402", 11, 5)], "{t}");
}

/// The findings of every rule as `(code, 1-based line)`.
fn findings(text: &str) -> Vec<(&'static str, usize)> {
    let mut settings = Settings::default();
    settings.drafting_date = cablelint::vocab::Date::new(2026, 12, 1);
    let idx = LineIndex::new(text);
    cablelint::check(text, &settings, Tables::builtin())
        .iter()
        .map(|d| (d.rule.code(), idx.line_of(d.range.start()) + 1))
        .collect()
}

#[test]
fn a_paragraph_after_a_sentence_ending_in_paragraph_is_read() {
    // A sentence that ends with the word `paragraph` and its point is closed: the numbered line
    // after it is the next paragraph, checked for its marking, not a paragraph reference left
    // open (`see paragraph` / `2.`, `see para.` / `2.`).
    for marking in ["(X)", "(Z)", "(CN)", "(UU)"] {
        let t = format!(
            "C O N F I D E N T I A L ACCRA 000001\n\nE.O. 13526: DECL: 12/01/2036\n\
             TAGS: PREL GH\nSUBJECT: TALKS\n\n\
             Classified By: Ambassador Jane Doe, reasons 1.4 (b) and (d).\n\n\
             1. (C) First paragraph.\n\n2. {marking} Second paragraph.\n\n3. (C) Third.\n\nDOE\n"
        );
        assert_eq!(findings(&t), [("CBL402", 11)], "{t}");
    }
    let unmarked = "C O N F I D E N T I A L ACCRA 000001\n\nE.O. 13526: DECL: 12/01/2036\n\
         TAGS: PREL GH\nSUBJECT: TALKS\n\n\
         Classified By: Ambassador Jane Doe, reasons 1.4 (b) and (d).\n\n\
         1. (C) First paragraph.\n\n2. Second paragraph.\n\n3. (C) Third.\n\nDOE\n";
    assert_eq!(findings(unmarked), [("CBL401", 11)], "{unmarked}");
    // The abbreviation with its point stays a reference left open: `2.` continues the sentence and
    // is no paragraph, so the numbering reports paragraph 3 after paragraph 1.
    let reference = "UNCLAS ACCRA 000001\n\nE.O. 13526: N/A\nTAGS: PREL GH\nSUBJECT: TALKS\n\n\
         1. (U) This is an action request. Please see para.\n\n2.\n\n3. (U) Third.\n\nDOE\n";
    assert_eq!(findings(reference), [("CBL403", 11)], "{reference}");
}
