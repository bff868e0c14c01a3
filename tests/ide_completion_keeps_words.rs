//! Completing never swallows the word after the cursor: where the text after the cursor is not
//! part of the element being completed (a paragraph's first word after its number, the subject
//! after `SUBJECT:`, a word after a reason's parenthesis, a word after the date-time group, the
//! origin and serial after a classification being typed on the banner line), every
//! item keeps that word and leaves a space between it and what it inserts. Where the cursor is
//! inside an element (a tag, an addressee, a caption, a banner word), the element is replaced, as
//! tests/ide_completion_edits.rs checks. Byte offsets, on a cable we wrote.

use cablelint::data::Tables;
use cablelint::ide::{self, DateTime};
use cablelint::syntax::parse;
use cablelint::vocab::Date;

const OSLO: &str = include_str!("lsp_fixtures/oslo.cable");

fn now() -> DateTime {
    DateTime {
        date: Date::new(2009, 11, 3).unwrap(),
        hour: 7,
        minute: 5,
    }
}

/// (the line of OSLO to replace, its replacement with `|` at the cursor, the word after the
/// cursor that must stay)
const CASES: [(&str, &str, &str); 14] = [
    (
        "¶3. (U) Press reports",
        "¶3. (|Press reports",
        "Press reports",
    ),
    (
        "¶3. (U) Press reports",
        "¶3. |Press reports",
        "Press reports",
    ),
    (
        "¶3. (U) Press reports",
        "¶3. (C|Press reports",
        "Press reports",
    ),
    (
        "¶3. (U) Press reports",
        "3. (|OSLO WILL FOLLOW UP.",
        "OSLO WILL",
    ),
    ("SUBJECT: NORWAY:", "SUBJECT: (|NORWAY:", "NORWAY:"),
    ("SUBJECT: NORWAY:", "SUBJECT: |NORWAY:", "NORWAY:"),
    (
        "Reasons 1.4 (b) and (d)",
        "Reasons 1.4 (b) and (|OSLO",
        "OSLO",
    ),
    ("P 140930Z MAR 08", "P |WORD", "WORD"),
    // A classification typed on the banner line keeps the origin and serial after it.
    (BANNER, "CONF| OSLO 000217", "OSLO 000217"),
    (BANNER, "| OSLO 000217", "OSLO 000217"),
    (BANNER, "|OSLO 000217", "OSLO 000217"),
    (BANNER, "C O N| OSLO 000217", "OSLO 000217"),
    (
        BANNER,
        "SEC| OSLO 000217 SECTION 01 OF 02",
        "OSLO 000217 SECTION",
    ),
    (BANNER, "UNCL|AS OSLO 000217", "OSLO 000217"),
];

const BANNER: &str = "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217";

#[test]
fn every_item_keeps_the_word_after_the_cursor_and_a_space_before_it() {
    for (from, to, word) in CASES {
        let at_line = to.replace('|', "");
        let text = OSLO.replacen(from, &at_line, 1);
        assert!(OSLO.contains(from), "`{from}` not in the fixture");
        let line_start = text.find(&at_line).unwrap();
        let at = line_start + to.find('|').unwrap();
        let cable = parse(&text);
        let items = ide::completions(&cable, Tables::builtin(), at, now()).items;
        assert!(!items.is_empty(), "no items at `{to}`");
        for it in &items {
            let mut out = text.clone();
            out.replace_range(it.replace.as_range(), &it.insert);
            let line = out[line_start..].lines().next().unwrap();
            let kept = format!("{} {word}", it.label);
            assert!(
                line.contains(&kept),
                "at `{to}`, `{}` gives `{line}`, not `{kept}`",
                it.label
            );
        }
    }
}

#[test]
fn a_marking_the_cursor_is_in_is_replaced_whole() {
    for (to, label, want) in [
        ("¶3. (|U) Press", "(C)", "¶3. (C) Press"),
        // VS Code closes a `(` typed before a space.
        ("¶3. (|) Press", "(C)", "¶3. (C) Press"),
        ("¶3. (U|) Press", "(C)", "¶3. (C) Press"),
        ("¶3. |(U) Press", "(S//NF)", "¶3. (S//NF) Press"),
        ("¶3. (S//|NF) Press", "(C)", "¶3. (C) Press"),
    ] {
        let at_line = to.replace('|', "");
        let text = OSLO.replacen("¶3. (U) Press", &at_line, 1);
        let line_start = text.find(&at_line).unwrap();
        let at = line_start + to.find('|').unwrap();
        let cable = parse(&text);
        let items = ide::completions(&cable, Tables::builtin(), at, now()).items;
        let it = items.iter().find(|i| i.label == label).unwrap();
        let mut out = text.clone();
        out.replace_range(it.replace.as_range(), &it.insert);
        assert_eq!(
            out[line_start..].lines().next().unwrap(),
            format!("{want} reports on the talks have been limited to trade"),
            "at `{to}`"
        );
    }
}
