//! Release records told apart from drafts (found by a new user): long lines alone do not make a
//! draft a record, another cable's record after the text is attached text, and a classification
//! authority the release joined onto a REF item or the SUBJECT is read.
//!
//! Every fixture is a cable we wrote, with invented content: a base of `tests/rules/base/` with a
//! few `(find, replace)` edits. Each asserts which rules the user sees, on which line.

mod support;

use cablelint::data::Tables;
use cablelint::rules::Settings;
use cablelint::syntax::LineIndex;
use support::edit;

const C: &str = include_str!("rules/base/confidential.cable");
const D: &str = include_str!("rules/base/draft.cable");

/// The findings as `(code, 1-based line)` with the drafting date `date`.
fn findings_on(text: &str, date: &str) -> Vec<(&'static str, usize)> {
    let mut settings = Settings::default();
    settings.drafting_date = Some(cablelint::vocab::Date::parse_iso(date).expect("a date"));
    let idx = LineIndex::new(text);
    cablelint::check(text, &settings, Tables::builtin())
        .iter()
        .map(|d| (d.rule.code(), idx.line_of(d.range.start()) + 1))
        .collect()
}

/// The 1-based line of the first occurrence of `snippet`.
fn line(text: &str, snippet: &str) -> usize {
    LineIndex::new(text).line_of(text.find(snippet).expect("the snippet")) + 1
}

fn codes(f: &[(&'static str, usize)]) -> Vec<&'static str> {
    f.iter().map(|&(c, _)| c).collect()
}

/// The first paragraph of a base on one line of about 300 characters, as an editor that
/// soft-wraps paragraphs saves it.
const LONG: &str = "a draft regulation would merge three counterterrorism desks into one agency reporting to the President, with a budget line of its own, a director named by decree and a liaison office in each province, so that the desks stop sending the same requests to the police twice a week.";

#[test]
fn a_soft_wrapped_draft_keeps_its_missing_element_errors() {
    let t = edit(
        D,
        &[
            ("E.O. 12958: DECL: 04/15/2019\nTAGS: PREL PTER ID\nSUBJECT: INDONESIA WEIGHS NEW COUNTERTERRORISM COORDINATION\nBODY\n", ""),
            ("a\ndraft regulation would merge three counterterrorism desks\ninto one agency reporting to the President.", LONG),
        ],
    );
    let c = codes(&findings_on(&t, "2026-11-30"));
    for code in ["CBL213", "CBL301", "CBL306"] {
        assert!(c.contains(&code), "{code} expected: {c:?}");
    }
    assert!(!c.contains(&"CBL607") && !c.contains(&"CBL601"), "{c:?}");
}

#[test]
fn a_new_cable_with_a_header_and_long_lines_is_a_draft_until_it_is_a_year_old() {
    // The header `cablelint new` writes, dated 12 March 2026; TAGS left out.
    let t = edit(
        C,
        &[
            ("O 120745Z MAR 08", "O 120745Z MAR 26"),
            ("DE RUEHUL #0614/01 0720751", "DE RUEHUL #0614/01 0710751"),
            ("TAGS: PREL PGOV JA KS\n", ""),
            ("that Seoul and Tokyo will resume vice-ministerial talks in\nApril after a pause of eight months.", "that Seoul and Tokyo will resume vice-ministerial talks in April after a pause of eight months, with a first round in Seoul, a second in Tokyo before the summer recess, and a standing working group on the fisheries quota that meets every second month until both sides sign."),
        ],
    );
    let f = findings_on(&t, "2026-11-30");
    let c = codes(&f);
    assert!(c.contains(&"CBL301"), "{f:?}");
    assert!(!c.contains(&"CBL607") && !c.contains(&"CBL601"), "{f:?}");
    // Kept more than a year, the same text is a sent cable whose line breaks the release removed.
    let c = codes(&findings_on(&t, "2028-11-30"));
    assert!(c.contains(&"CBL607") && !c.contains(&"CBL301"), "{c:?}");
}

#[test]
fn a_new_cable_with_a_header_and_no_banner_yet_gets_the_banner_error() {
    // A header dated 12 March 2026 over a text that starts at SIPDIS: the drafter has not
    // written the banner yet.
    let t = edit(
        C,
        &[
            ("O 120745Z MAR 08", "O 120745Z MAR 26"),
            ("DE RUEHUL #0614/01 0720751", "DE RUEHUL #0614/01 0710751"),
            (
                "C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614\n\n",
                "",
            ),
        ],
    );
    let f = findings_on(&t, "2026-11-30");
    assert!(f.contains(&("CBL202", line(&t, "SIPDIS"))), "{f:?}");
    assert!(!codes(&f).contains(&"CBL607"), "{f:?}");
    // The same text kept more than a year is a sent cable whose banner the release dropped.
    let c = codes(&findings_on(&t, "2028-11-30"));
    assert!(c.contains(&"CBL607") && !c.contains(&"CBL202"), "{c:?}");
}

#[test]
fn another_cables_record_after_the_text_is_attached_text() {
    // A record whose fields the export separated by blanks, naming another cable, then its text.
    let t = edit(
        D,
        &[(
            "\nCARROW\n",
            "\nCARROW\n\n231187 4/16/2009 10:02 09JAKARTA241 Embassy Jakarta SECRET VZCZCXRO1234\nS E C R E T JAKARTA 000241 SIPDIS E.O. 12958: DECL: 04/16/2019 TAGS: PREL ID\n\n¶1. (S) Another cable's text.\n",
        )],
    );
    let f = findings_on(&t, "2009-04-15");
    assert!(f.contains(&("CBL605", line(&t, "231187"))), "{f:?}");
    assert!(
        !codes(&f).contains(&"CBL207") && !codes(&f).contains(&"CBL409"),
        "{f:?}"
    );
    // A CSV record of another cable after the signature and the closing quote of its own field.
    let t = edit(
        D,
        &[(
            "\nCARROW\n",
            "\nCARROW\n\",\n231188,4/16/2009 10:09,09JAKARTA242,\"Embassy Jakarta\",SECRET,,\"S E C R E T JAKARTA 000242\n\n¶1. (S) Another cable's text.\n",
        )],
    );
    let f = findings_on(&t, "2009-04-15");
    assert!(f.contains(&("CBL605", line(&t, "231188"))), "{f:?}");
    let c = codes(&f);
    assert!(!c.contains(&"CBL207") && !c.contains(&"CBL409"), "{f:?}");
    // The record of this same cable after its text stays dump lines.
    let t = edit(
        D,
        &[(
            "\nCARROW\n",
            "\nCARROW\n\n231186 4/15/2009 10:00 09JAKARTA233 Embassy Jakarta CONFIDENTIAL VZCZCXRO1233\n",
        )],
    );
    let c = codes(&findings_on(&t, "2009-04-15"));
    assert!(c.contains(&"CBL604") && !c.contains(&"CBL605"), "{c:?}");
}

#[test]
fn an_authority_joined_onto_a_ref_item_or_the_subject_is_read() {
    // Joined onto the last REF item, written on the line after a blank line.
    let t = edit(
        C,
        &[(
            "REF: 08 TOKYO 1187\n\nClassified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d).",
            "REF: A. 08 TOKYO 1187\n\n¶B. EMAIL OF\n\nMARCH 4  Classified By: Political Counselor Dana R. Whitfield. Reasons 1.4 (b) and (d).",
        )],
    );
    let c = codes(&findings_on(&t, "2008-03-12"));
    assert!(!c.contains(&"CBL223") && !c.contains(&"CBL224"), "{c:?}");
    // Joined onto the REF item right after it.
    let t = edit(
        C,
        &[(
            "REF: 08 TOKYO 1187\n\nClassified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d).",
            "REF: A. 08 TOKYO 1187\n     ¶B. 08 TOKYO 1190 Classified By: Political Counselor Dana R. Whitfield. Reasons 1.4 (b) and (d).",
        )],
    );
    let c = codes(&findings_on(&t, "2008-03-12"));
    assert!(!c.contains(&"CBL223") && !c.contains(&"CBL224"), "{c:?}");
    // Joined onto the SUBJECT's second line; the label written twice; the reason after a blank line.
    let t = edit(
        C,
        &[
            ("REF: 08 TOKYO 1187\n\n", ""),
            (
                "TALKS ON FISHERIES AND HISTORY TEXTBOOKS\n\nClassified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d).",
                "TALKS ON FISHERIES AND HISTORY TEXTBOOKS Classified By: Classified by: Political Counselor Dana R. Whitfield. Reasons\n\n1.4 (b) and (d).",
            ),
        ],
    );
    let c = codes(&findings_on(&t, "2008-03-12"));
    assert!(!c.contains(&"CBL223") && !c.contains(&"CBL224"), "{c:?}");
}

/// The release's mark of a section it does not hold (`* Missing Section 002 *`, boxed in
/// asterisks on three lines or one) is an incomplete record, reported at the mark: the signature,
/// the paragraph numbering and (for section 001) the classification authority lost with the
/// section are not reported as faults.
#[test]
fn a_missing_section_mark_is_an_incomplete_record() {
    // The last section is missing: no signature, and paragraph 4 never comes.
    let boxed = "***********************\n* Missing Section 002 *\n***********************\n";
    let t = edit(
        C,
        &[(
            "SEOUL 00000614 002 OF 002\n\n¶3. (C) Park added that the Blue House had approved the\nschedule and that no public announcement would precede the\nfirst meeting.\n\n¶4. (C) Comment: The decision to defer the textbook issue is\na practical one and should lower the temperature before the\nsummit. End Comment.\n\nMARTINDALE\n",
            &format!("\n{boxed}"),
        )],
    );
    let f = findings_on(&t, "2026-11-30");
    assert_eq!(
        f.iter()
            .filter(|&&(c, _)| c == "CBL607")
            .collect::<Vec<_>>(),
        [&("CBL607", line(&t, "* Missing Section 002 *"))],
        "{f:?}\n{t}"
    );
    assert!(!codes(&f).contains(&"CBL409"), "{f:?}");
    let diags = cablelint::check(&t, &Settings::default(), Tables::builtin());
    let message = &diags
        .iter()
        .find(|d| d.rule.code() == "CBL607")
        .unwrap()
        .message;
    assert_eq!(
        message,
        "incomplete record: the release does not hold section 002 of the cable"
    );

    // The first section is missing, marked on one line: the authority and paragraphs 1 and 2
    // went with it, and the numbering starting at 3 is no fault.
    let start = C.find("Classified By:").unwrap();
    let end = C.find("¶3. (C) Park").unwrap();
    let t = format!(
        "{}*********************** * Missing Section 001 * ***********************\n\n{}",
        &C[..start],
        &C[end..]
    );
    let c = codes(&findings_on(&t, "2026-11-30"));
    assert!(c.contains(&"CBL607"), "{c:?}");
    for code in ["CBL223", "CBL403", "CBL409"] {
        assert!(!c.contains(&code), "{code} not expected: {c:?}\n{t}");
    }
    // Without the mark the same text is judged as a cable.
    let t = t.replace(
        "*********************** * Missing Section 001 * ***********************\n\n",
        "",
    );
    let c = codes(&findings_on(&t, "2026-11-30"));
    for code in ["CBL223", "CBL403"] {
        assert!(c.contains(&code), "{code} expected without the mark: {c:?}");
    }
}

/// A record that gives a truncated preview, then its database fields one per line (the record
/// number alone, its ISO date, the cable id, the post, the classification), then the full text:
/// the full copy is read, so its `Classified By` counts; the preview is reported as one. Where
/// the release cut the full copy's banner serial short (`00023` under a preview headed
/// `000233`), the serial is the release's garble, not a drafting error.
#[test]
fn a_preview_then_fields_one_per_line_then_the_full_copy_reads_the_full_copy() {
    let cut =
        D.find("Classified By:").expect("the authority") + "Classified By: Ambassador Le".len();
    let preview = format!("{}...\n", &D[..cut]);
    let fields = "\n\n11329\n\n2009-04-15\n\n09JAKARTA233\n\nEmbassy Jakarta\n\nCONFIDENTIAL\n\n\n";
    let t = format!("{preview}{fields}{D}");
    let f = findings_on(&t, "2009-04-15");
    let c = codes(&f);
    assert!(c.contains(&"CBL603"), "{f:?}");
    for code in ["CBL223", "CBL224", "CBL605", "CBL606", "CBL204"] {
        assert!(!c.contains(&code), "{code}: {f:?}");
    }
    let short = D.replacen("JAKARTA 000233", "JAKARTA 00023", 1);
    let t = format!("{preview}{fields}{short}");
    let f = findings_on(&t, "2009-04-15");
    let c = codes(&f);
    assert!(c.contains(&"CBL606"), "{f:?}");
    assert!(!c.contains(&"CBL204") && !c.contains(&"CBL605"), "{f:?}");
}

/// A record number alone on its line, then a line whose first ten bytes split a character where
/// the ISO date's digits and dashes would stand: the test for a field block reads bytes and does
/// not slice the text inside a character (the formatter's fuzz target found the panic).
#[test]
fn a_number_then_a_line_with_wide_characters_is_read_without_a_panic() {
    for second in [
        "200€-04-15",
        "2009-0€-15",
        "2009-04-1€",
        "€€€€",
        "2009-04-¶5 x",
    ] {
        let t = format!("{D}\n11329\n\n{second}\n\nmore text\n");
        // None of these is a date, so the number is a line of the text, not a database record.
        let f = findings_on(&t, "2009-04-15");
        assert!(!codes(&f).contains(&"CBL604"), "{second}: {f:?}");
        let formatted = cablelint::formatter::format(&t, &Default::default())
            .unwrap_or_else(|e| panic!("{second}: refused: {e}"));
        assert!(formatted.contains("11329") && formatted.contains(second));
    }
}

/// A database record after the text whose `refid:` field holds no cable id (too short, or wide
/// characters) names no other cable: the record is dump lines, read without a panic.
#[test]
fn a_record_whose_refid_is_no_cable_id_names_no_other_cable() {
    for refid in ["x", "", "\u{20ac}\u{20ac}", "09JAKARTA233"] {
        let t = format!("{D}\nid: 74239\ndate: 2009-04-15 10:00\nrefid: {refid}\n");
        let f = findings_on(&t, "2009-04-15");
        assert!(!codes(&f).contains(&"CBL605"), "{refid}: {f:?}");
    }
}

/// The text up to and including the line that holds `snippet`.
fn up_to_line_of(text: &str, snippet: &str) -> String {
    let at = text.find(snippet).expect("the snippet");
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    text[..end].to_string()
}

#[test]
fn a_new_cable_with_a_header_that_stops_at_tags_is_an_unfinished_draft() {
    // The header `cablelint new` writes, dated 12 March 2026, then the banner, the caption, the
    // E.O. line and TAGS, and nothing after: the drafter has not written SUBJECT and the text.
    let dated = edit(
        C,
        &[
            ("O 120745Z MAR 08", "O 120745Z MAR 26"),
            ("DE RUEHUL #0614/01 0720751", "DE RUEHUL #0614/01 0710751"),
        ],
    );
    let t = up_to_line_of(&dated, "TAGS: PREL PGOV JA KS");
    let f = findings_on(&t, "2026-11-30");
    let tags = line(&t, "TAGS:");
    assert!(f.contains(&("CBL306", tags)), "{f:?}");
    assert!(f.contains(&("CBL411", tags)), "{f:?}");
    let c = codes(&f);
    assert!(!c.contains(&"CBL603") && !c.contains(&"CBL607"), "{f:?}");
    // Kept more than a year, the same text is a sent cable the release cut after TAGS.
    let f = findings_on(&t, "2028-11-30");
    let c = codes(&f);
    assert!(f.contains(&("CBL603", tags)), "{f:?}");
    assert!(c.contains(&"CBL607"), "{f:?}");
    assert!(!c.contains(&"CBL306") && !c.contains(&"CBL411"), "{f:?}");
}

#[test]
fn a_new_cable_that_stops_at_its_classification_authority_has_no_text() {
    // SUBJECT, REF and `Classified By` are written, no paragraph yet.
    let dated = edit(C, &[("O 120745Z MAR 08", "O 120745Z MAR 26")]);
    let t = up_to_line_of(&dated, "Reasons 1.4 (b) and (d).");
    let f = findings_on(&t, "2026-11-30");
    let c = codes(&f);
    assert!(c.contains(&"CBL411"), "{f:?}");
    assert!(!c.contains(&"CBL603") && !c.contains(&"CBL607"), "{f:?}");
    // A draft without a header that stops at the same place has no text either.
    let t = up_to_line_of(D, "Classified By:");
    let f = findings_on(&t, "2026-11-30");
    assert!(f.contains(&("CBL411", line(&t, "Classified By:"))), "{f:?}");
    // The whole draft has its text: no finding of this rule.
    assert!(!codes(&findings_on(D, "2009-04-15")).contains(&"CBL411"));
}
