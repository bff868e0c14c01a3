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
