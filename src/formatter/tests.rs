use super::*;

/// Applies edits from [`edits`] (in order and apart) to a text: the formatter's edits are only
/// ever applied by the editor, so this is the tests' stand-in.
fn apply(text: &str, edits: &[TextEdit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.range.start()]);
        out.push_str(&e.new_text);
        at = e.range.end();
    }
    out.push_str(&text[at..]);
    out
}

fn fmt(text: &str) -> String {
    format(text, &FormatOptions::default()).unwrap_or_else(|e| panic!("refused: {e}"))
}

const HEADER: &str = "VZCZCXRO4417
PP RUEHCP
DE RUEHNY #0217/01 0740930
ZNY CCCCC ZZH
P 140930Z MAR 08
FM AMEMBASSY OSLO
TO RUEHC/SECSTATE WASHDC PRIORITY 6821
";

/// The blank line after [`HEADER`], then the banner, E.O., TAGS and SUBJECT of the invented drafts
/// whose text a test writes after them, laid out canonically, with the blank line before the text.
const DRAFT_HEAD: &str = "
C O N F I D E N T I A L OSLO 000217

E.O. 12958: DECL: 03/14/2018
TAGS: PREL NO
SUBJECT: TEST

";

/// The default options with the drafting date of the invented drafts (14 March 2008).
fn drafted_2008() -> FormatOptions {
    FormatOptions {
        drafting_date: crate::vocab::Date::new(2008, 3, 14),
        ..FormatOptions::default()
    }
}

/// An invented draft in a loose layout.
fn messy() -> String {
    format!(
        "{HEADER}
CONFIDENTIAL SECTION 1 OF 2 OSLO 217
SIPDIS
EO 12958 DECL:  3/14/2018

TAGS PREL, MARR,   NATO, NO
Subject: NORWAY: NORDIC DEFENSE MINISTERS
AGREE ON JOINT AIR-SURVEILLANCE STUDY
REFS: A. OSLO 198
\u{b6}B. STATE 24410
CLASSIFIED BY: Ambassador Jane Q. Example for reasons 1.4 (b) and (d)
\u{b6}1.(C) Summary: Nordic defense ministers meeting in Oslo on   \t
March 12 agreed to commission a joint study of shared air
surveillance over the High North. The Norwegian MOD expects a report by the autumn ministerial. End Summary.



\u{b6}2. (S/REL TO NATO) MOD State Secretary Ola Eksempel told us on
March 13 that the talks went well.
Participants:
-- Ola Eksempel
-- PolOff
EXAMPLE
"
    )
}

#[test]
fn lays_out_a_loose_draft_canonically() {
    let out = fmt(&messy());
    let want = format!(
        "{HEADER}
C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217

SIPDIS

E.O. 12958: DECL: 03/14/2018
TAGS: PREL MARR NATO NO
SUBJECT: NORWAY: NORDIC DEFENSE MINISTERS AGREE ON JOINT
AIR-SURVEILLANCE STUDY

REF: A. OSLO 198
B. STATE 24410

Classified By: Ambassador Jane Q. Example for reasons 1.4 (b) and (d)

1. (C) Summary: Nordic defense ministers meeting in Oslo on March 12
agreed to commission a joint study of shared air surveillance over
the High North. The Norwegian MOD expects a report by the autumn
ministerial. End Summary.

2. (S/REL TO NATO) MOD State Secretary Ola Eksempel told us on March
13 that the talks went well.
Participants:
-- Ola Eksempel
-- PolOff
EXAMPLE
"
    );
    assert_eq!(out, want, "\n{out}");
    assert!(out
        .lines()
        .all(|l| l.chars().count() <= crate::vocab::LINE_WIDTH));
}

#[test]
fn formatting_twice_changes_nothing() {
    let once = fmt(&messy());
    assert_eq!(fmt(&once), once);
}

#[test]
fn keeps_crlf_bom_and_adds_one_final_line_break() {
    let text = messy().replace('\n', "\r\n");
    let text = format!("\u{feff}{}\r\n\r\n\r\n", text.trim_end());
    let out = fmt(&text);
    assert!(out.starts_with("\u{feff}VZCZCXRO4417\r\nPP RUEHCP\r\n"));
    assert!(out.ends_with("-- PolOff\r\nEXAMPLE\r\n"));
    assert!(!out.replace("\r\n", "").contains('\n'));
    assert_eq!(
        out.replace("\r\n", "\n").trim_start_matches('\u{feff}'),
        fmt(&messy())
    );
}

#[test]
fn options_change_the_choices() {
    let o = FormatOptions {
        line_width: 0,
        spaced_banner: false,
        serial_width: 0,
        tags_separator: TagsSeparator::Comma,
        drafting_date: None,
    };
    let out = format(&messy(), &o).unwrap();
    assert!(
        out.contains("\nCONFIDENTIAL SECTION 01 OF 02 OSLO 217\n"),
        "{out}"
    );
    assert!(out.contains("\nTAGS: PREL, MARR, NATO, NO\n"));
    // Line breaks are left alone; only the paragraph number and trailing blanks change.
    assert!(out.contains(
        "\n1. (C) Summary: Nordic defense ministers meeting in Oslo on\nMarch 12 agreed to commission"
    ));
    assert!(out.contains("\nSUBJECT: NORWAY: NORDIC DEFENSE MINISTERS\nAGREE ON JOINT"));
}

#[test]
fn an_already_formatted_cable_is_unchanged() {
    // The README's clean example passes the format gate as written.
    let clean = include_str!("../../examples/clean.cable");
    assert_eq!(fmt(clean), clean);
    assert_eq!(edits(clean, &FormatOptions::default()).unwrap(), vec![]);
}

#[test]
fn never_breaks_inside_a_marking_or_a_redaction_run() {
    let text = format!(
        "{HEADER}
S E C R E T OSLO 000217

E.O. 12958: DECL: 03/14/2018
TAGS: PREL NO
SUBJECT: TEST

1. (S) Alpha bravo charlie delta echo foxtrot golf hotel india juliett (S/REL TO USA, FVEY) kilo lima mike november oscar papa quebec XXXXXXXXXXXX XXXXXXXXXXXX romeo.
"
    );
    let out = fmt(&text);
    assert!(
        out.lines().any(|l| l.contains("(S/REL TO USA, FVEY)")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.contains("XXXXXXXXXXXX XXXXXXXXXXXX")),
        "{out}"
    );
    // At a width that falls inside them, they move to the next line whole.
    let o = FormatOptions {
        line_width: 30,
        ..FormatOptions::default()
    };
    let out = format(&text, &o).unwrap();
    assert!(
        out.lines().any(|l| l.starts_with("(S/REL TO USA, FVEY)")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.contains("XXXXXXXXXXXX XXXXXXXXXXXX")),
        "{out}"
    );
}

#[test]
fn long_tags_wrap_onto_one_continuation_line() {
    let text = format!(
        "{HEADER}
UNCLAS OSLO 000217

E.O. 12958: N/A
TAGS: PREL, PGOV, ECON, EFIN, EINV, ETRD, MARR, MOPS, KPAO, KDEM, PHUM, SMIG, NO, DA, SW, FI
SUBJECT: TEST

1. (U) Text.
"
    );
    let out = fmt(&text);
    assert!(
        out.contains(
            "TAGS: PREL PGOV ECON EFIN EINV ETRD MARR MOPS KPAO KDEM PHUM SMIG NO\nDA SW FI\n"
        ),
        "{out}"
    );
    assert_eq!(fmt(&out), out);
}

#[test]
fn refuses_records_with_release_artifacts_and_unreadable_headers() {
    let partial = format!(
        "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n{}",
        messy().split_once("\n\n").unwrap().1
    );
    let e = format(&partial, &FormatOptions::default()).unwrap_err();
    assert!(e.reason.contains("release artifact"), "{e}");
    assert_eq!(e.line, Some(0));

    let no_banner = "SUBJECT: NOTHING\n\n1. (U) Text.\n";
    let e = format(no_banner, &FormatOptions::default()).unwrap_err();
    assert!(e.reason.contains("no classification banner"), "{e}");

    let bad_header = messy().replace("DE RUEHNY #0217/01 0740930", "DE RUEHNY");
    let e = format(&bad_header, &FormatOptions::default()).unwrap_err();
    assert!(
        e.reason.contains("transmission header could not be read"),
        "{e}"
    );
    assert_eq!(e.line, Some(2));

    let joined = messy().replace("SIPDIS\nEO 12958", "SIPDIS EO 12958");
    assert!(format(&joined, &FormatOptions::default()).is_err());

    // A run of NULs inside a sentence (a fuzzing find): wrapped onto a line of its own it read as
    // a release artifact, so the formatter refused its own output. Such text is refused at once.
    let nul = fmt(&messy()).replacen(" the ", &format!(" {} the ", "\0".repeat(80)), 1);
    let e = format(&nul, &FormatOptions::default()).unwrap_err();
    assert!(e.reason.contains("control characters"), "{e}");
}

#[test]
fn range_edits_touch_only_the_selection() {
    let text = messy();
    let all = edits(&text, &FormatOptions::default()).unwrap();
    assert!(all.len() > 2);
    assert_eq!(apply(&text, &all), fmt(&text));
    let at = text.find("TAGS PREL").unwrap();
    let some = range_edits(&text, TextRange::new(at, at + 4), &FormatOptions::default()).unwrap();
    assert_eq!(some.len(), 1);
    let partly = apply(&text, &some);
    assert!(partly.contains("TAGS: PREL MARR NATO NO"));
    assert!(partly.contains("CONFIDENTIAL SECTION 1 OF 2 OSLO 217"));
}

/// Range formatting of `text` with the cursor (an empty range) at `needle`.
fn fmt_at(text: &str, needle: &str) -> String {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let cable = syntax::parse(text);
    format_range(&cable, TextRange::empty(at), &FormatOptions::default()).unwrap()
}

#[test]
fn range_formatting_formats_whole_paragraphs_and_nothing_else() {
    let text = messy();
    // The cursor in the middle of the first paragraph's second line.
    let out = fmt_at(&text, "surveillance over");
    let full = fmt(&text);
    // The paragraph is laid out as the whole-document formatting lays it out ...
    let p_full = &full[full.find("1. (C) Summary").unwrap()..];
    let p_full = &p_full[..p_full.find("End Summary.").unwrap()];
    assert!(out.contains(p_full), "{out}");
    // ... and the rest is as written: the loose labels, the second paragraph's pilcrow.
    assert!(out.contains("TAGS PREL, MARR,   NATO, NO\n"), "{out}");
    assert!(out.contains("EO 12958 DECL:  3/14/2018\n"), "{out}");
    assert!(
        out.contains("\u{b6}2. (S/REL TO NATO) MOD State Secretary"),
        "{out}"
    );
    // The three blank lines after the paragraph are its own and become one.
    assert!(out.contains("End Summary.\n\n\u{b6}2."), "{out}");
    // Only lines of that paragraph changed.
    let changed: Vec<&str> = diff::line_diff(&text, &out, &[])
        .edits()
        .iter()
        .map(|e| &text[e.range.as_range()])
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].starts_with("\u{b6}1.(C) Summary"), "{changed:?}");
}

#[test]
fn range_formatting_of_everything_is_formatting() {
    let text = messy();
    let cable = syntax::parse(&text);
    let o = FormatOptions::default();
    let all = format_range(&cable, TextRange::new(0, text.len()), &o).unwrap();
    assert_eq!(all, fmt(&text));
    // Element by element, at the start of each line in turn, it ends at the same text.
    let mut t = text.clone();
    let mut line = 0;
    loop {
        let start: usize = t.split_inclusive('\n').take(line).map(str::len).sum();
        if start >= t.len() {
            break;
        }
        t = format_range(&syntax::parse(&t), TextRange::empty(start), &o).unwrap();
        line += 1;
    }
    assert_eq!(t, fmt(&text));
}

#[test]
fn range_formatting_keeps_a_continued_element_whole() {
    let text = messy();
    // The cursor on the second REF line formats the REF block from its label.
    let out = fmt_at(&text, "B. STATE 24410");
    assert!(out.contains("REF: A. OSLO 198\nB. STATE 24410\n"), "{out}");
    // The cursor on SUBJECT's second line formats SUBJECT (re-wrapped from its label).
    let out = fmt_at(&text, "AGREE ON JOINT");
    assert!(
        out.contains("SUBJECT: NORWAY: NORDIC DEFENSE MINISTERS AGREE ON JOINT"),
        "{out}"
    );
    assert!(out.contains("TAGS PREL, MARR,   NATO, NO\n"), "{out}");
}

#[test]
fn range_formatting_refuses_what_formatting_refuses() {
    let no_banner = "SUBJECT: NOTHING\n\n1. (U) Text.\n";
    let cable = syntax::parse(no_banner);
    let e = format_range(&cable, TextRange::empty(0), &FormatOptions::default()).unwrap_err();
    assert!(e.reason.contains("no classification banner"), "{e}");
}

#[test]
fn crlf_text_is_formatted_with_crlf_edits() {
    let text = messy().replace('\n', "\r\n");
    let out = fmt(&text);
    assert_eq!(out, fmt(&messy()).replace('\n', "\r\n"));
    let es = edits(&text, &FormatOptions::default()).unwrap();
    assert_eq!(apply(&text, &es), out);
    for e in &es {
        // Whole lines: every edit starts at a line start and ends after a line break.
        assert!(e.range.start() == 0 || text[..e.range.start()].ends_with("\r\n"));
        assert!(text[..e.range.end()].ends_with("\r\n"));
    }
    let at = text.find("surveillance over").unwrap();
    let part = range_edits(&text, TextRange::empty(at), &FormatOptions::default()).unwrap();
    let partly = apply(&text, &part);
    assert!(!partly.replace("\r\n", "").contains('\n'), "{partly:?}");
    assert!(
        partly.contains("End Summary.\r\n\r\n\u{b6}2."),
        "{partly:?}"
    );
}

#[test]
fn text_without_a_final_line_break_gets_one() {
    let text = fmt(&messy());
    assert_eq!(fmt(text.trim_end()), text);
}

#[test]
fn a_longer_label_never_pushes_a_line_past_the_width() {
    let text = format!(
        "{HEADER}{DRAFT_HEAD}Classified by Ambassador Jane Q. Example for reasons 1.4 (b) and (d).

1. (C) Text.
"
    );
    let out = fmt(&text);
    assert!(
        out.contains(
            "\nClassified By: Ambassador Jane Q. Example for reasons 1.4 (b) and\n(d).\n\n1. (C)"
        ),
        "{out}"
    );
    assert_eq!(fmt(&out), out);
}

#[test]
fn a_second_subject_line_keeps_its_blank_line() {
    let text = format!(
        "{HEADER}
UNCLAS OSLO 000217

E.O. 12958: N/A
TAGS: PREL NO
SUBJECT: FIRST SUBJECT

SUBJECT: SECOND SUBJECT

1. (U) Text.
"
    );
    assert_eq!(fmt(&text), text);
}

#[test]
fn the_check_refuses_a_layout_that_drops_or_alters_a_word() {
    let input = messy();
    let cable = syntax::parse(&input);
    let good = fmt(&input);
    assert_eq!(same_reading(&cable, &good), Ok(()));
    // Each of these keeps every element the parser reads (banner, labels, paragraph numbers and
    // markings) and changes only words of the text, or a number's value.
    for (from, to) in [
        ("surveillance over\n", "over\n"),
        ("Ola Eksempel told", "Ola told"),
        ("the talks went well", "the talks went badly"),
        ("March 12", "March 13"),
        ("expects a report", "expects report"),
        ("-- PolOff", "-- PolOfff"),
        ("DECL: 03/14/2018", "DECL: 03/14/2019"),
        ("\nEXAMPLE\n", "\n"),
        // A word split or two words joined where the lines break.
        ("surveillance over\n", "surveil\nlance over\n"),
        ("surveillance over\n", "surveillanceover\n"),
        // The same after runs of spaces of other lengths.
        ("the talks went well", "the talks  went  badly"),
        ("the talks went well", "the  talks   wentwell"),
        ("the talks went well", "the  talks\n  went  wel l"),
    ] {
        assert!(good.contains(from), "{from:?} is not in the layout");
        let bad = good.replacen(from, to, 1);
        let e = same_reading(&cable, &bad).expect_err(&format!("{from:?} → {to:?} passed"));
        assert!(e.reason.contains("is left as written"), "{e}");
    }
    // Layout alone (another line break, a blank line less, a padded number) passes.
    let rebroken = good.replacen("surveillance over\n", "surveillance\nover ", 1);
    assert_eq!(same_reading(&cable, &rebroken), Ok(()));
    // So do runs of spaces of other lengths between the words, and a space before a line break.
    let spaced = good.replacen("the talks went well", "the  talks   went \n well", 1);
    assert_eq!(same_reading(&cable, &spaced), Ok(()));
}

#[test]
fn a_paragraph_is_wrapped_the_same_however_its_lines_were_broken() {
    // The lines after a paragraph's first are read word by word while they are wrapped (a line
    // starting with `End` through its stored units); a marking with spaces, a redaction run and
    // `End Summary.` in the middle of such a line are units all the same, and where the input
    // broke the lines makes no difference.
    let broken = "1. (S) Alpha bravo charlie delta echo foxtrot golf hotel india
juliett (S/REL TO USA, FVEY) kilo lima mike november oscar papa
quebec XXXXXXXXXXXX XXXXXXXXXXXX romeo sierra End Summary. tango
uniform victor.
";
    let other = "1. (S) Alpha bravo charlie delta echo foxtrot golf hotel
india juliett (S/REL TO USA, FVEY) kilo lima mike november
oscar papa quebec XXXXXXXXXXXX XXXXXXXXXXXX romeo sierra
End Summary. tango uniform victor.
";
    let cable = |body: &str| {
        format!(
            "{HEADER}
S E C R E T OSLO 000217

E.O. 12958: DECL: 03/14/2018
TAGS: PREL NO
SUBJECT: TEST

{body}"
        )
    };
    for width in [69, 40, 30, 12] {
        let o = FormatOptions {
            line_width: width,
            ..FormatOptions::default()
        };
        let a = format(&cable(broken), &o).unwrap();
        let b = format(&cable(other), &o).unwrap();
        assert_eq!(a, b, "width {width}");
        for unit in [
            "(S/REL TO USA, FVEY)",
            "XXXXXXXXXXXX XXXXXXXXXXXX",
            "End Summary.",
        ] {
            assert!(
                a.lines().any(|l| l.contains(unit)),
                "{unit} at {width}:\n{a}"
            );
        }
        // Only a unit wider than the width passes it.
        let paragraph = a.split("SUBJECT: TEST").nth(1).unwrap_or_default();
        assert!(paragraph.lines().all(|l| l.len() <= width.max(25)), "{a}");
    }
}

#[test]
fn the_check_names_an_element_that_a_layout_would_make_read_differently() {
    let input = messy();
    let cable = syntax::parse(&input);
    let good = fmt(&input);
    // Each change alters how the parser reads an element (the elements are compared before the
    // words): a numbered paragraph where the text ran on, a TAGS code or a
    // SUBJECT word joined to the next, a marking altered.
    for (from, to, element) in [
        (
            "March\n13 that",
            "March\n\n3. (C) 13 that",
            "the paragraph numbers or markings",
        ),
        (
            "(S/REL TO NATO)",
            "(S/REL TO NATX)",
            "the paragraph numbers or markings",
        ),
        ("MARR NATO", "MARRNATO", "TAGS"),
        ("NORDIC DEFENSE", "NORDICDEFENSE", "SUBJECT"),
    ] {
        assert!(
            good.contains(from),
            "{from:?} is not in the layout:\n{good}"
        );
        let bad = good.replacen(from, to, 1);
        let e = same_reading(&cable, &bad).expect_err(&format!("{from:?} → {to:?} passed"));
        assert!(
            e.reason.contains(&format!("how {element} reads")),
            "{from:?}: {e}"
        );
    }
}

#[test]
fn a_paragraph_of_plain_lines_is_wrapped_greedily_at_every_width() {
    // The words of a paragraph's plain lines that follow each other with one space and fit on the
    // line being written are written as one stretch; the result must be the greedy wrap of the
    // words one by one, whatever the width, the spaces between the words (one or two), and where a
    // marking or a redaction run (read as units) stands. Every line but the last is 51-60
    // characters wide, so no break reads as the drafter's.
    let mut seed: u32 = 12;
    let mut next = |n: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) % n
    };
    // Letters that spell no `end`, `begin`, summary, comment or note word and no redaction run.
    let letters = b"abcefhiklmoprstuvwz";
    let mut lines = vec!["1. (U)".to_string()];
    for k in 0..60 {
        let word = match next(12) {
            0 if k % 3 == 0 => "(C)".to_string(),
            1 if k % 3 == 0 => "XXXXXX".to_string(),
            _ => (0..2 + next(7))
                .map(|_| char::from(letters[next(letters.len() as u32) as usize]))
                .collect(),
        };
        let gap = if next(4) == 0 { "  " } else { " " };
        let line = lines.last_mut().expect("a line");
        if line.len() + gap.len() + word.len() > 60 {
            // A line starting with a marking would read as a list item.
            let word = if word == "(C)" {
                "alpha".to_string()
            } else {
                word
            };
            lines.push(word);
        } else {
            line.push_str(gap);
            line.push_str(&word);
        }
    }
    let body = lines.join("\n");
    let text = format!(
        "{HEADER}
S E C R E T OSLO 000217

E.O. 12958: DECL: 03/14/2018
TAGS: PREL NO
SUBJECT: TEST

{body}
"
    );
    let words: Vec<&str> = body.split_whitespace().collect();
    for width in 12..=72 {
        let o = FormatOptions {
            line_width: width,
            ..FormatOptions::default()
        };
        let out = format(&text, &o).unwrap_or_else(|e| panic!("refused at {width}: {e}"));
        let at = out.find("\n1. (U)").map_or(out.len(), |i| i + 1);
        let paragraph: Vec<&str> = out[at..].lines().collect();
        let mut want: Vec<String> = Vec::new();
        for w in &words {
            match want.last_mut() {
                Some(l) if l.len() + 1 + w.len() <= width => {
                    l.push(' ');
                    l.push_str(w);
                }
                _ => want.push(w.to_string()),
            }
        }
        assert_eq!(paragraph, want, "width {width}:\n{out}");
    }
}

#[test]
fn a_typed_gap_in_a_long_paragraph_line_is_wrapped_but_a_table_row_is_kept() {
    // A drafter's paragraph on one line, with three spaces typed by mistake: wider than the
    // form, so no table row; it is wrapped and the gap closed. A row of a table that fits the
    // width, a line of spaced letters and a line with several gaps keep their spacing.
    let long =
        "2. (C) The minister   was candid about the talks and said the coalition would hold \
                together through the spring, whatever the opposition claimed in the press.";
    let text = format!(
        "{HEADER}{DRAFT_HEAD}1. (U) Figures:
Oslo      12      14
Bergen     9      11

{long}

3. (U) C O R R E C T E D   C O P Y  -  PARA CLASSIFICATION AND NUMBER CHANGE REQUESTED BY POST.

4. (U) Alpha   bravo charlie delta echo foxtrot golf hotel india juliett kilo   lima mike.
"
    );
    let o = drafted_2008();
    let out = format(&text, &o).unwrap_or_else(|e| panic!("refused: {e}"));
    assert!(
        out.contains(
            "2. (C) The minister was candid about the talks and said the coalition\n\
             would hold together through the spring, whatever the opposition\n\
             claimed in the press.\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("Oslo      12      14\nBergen     9      11\n"),
        "{out}"
    );
    assert!(
        out.contains("C O R R E C T E D   C O P Y  -  PARA"),
        "{out}"
    );
    assert!(out.contains("kilo   lima"), "{out}");
    assert_eq!(format(&out, &o).as_deref(), Ok(out.as_str()), "idempotent");
}

#[test]
fn a_draft_of_an_earlier_year_with_one_line_paragraphs_is_refused_with_the_way_to_format_it() {
    // Paragraphs on single lines of hundreds of characters are joined lines in a release record;
    // in a text dated this year they are a draft's. A draft of 2008 formatted in 2026 reads as a
    // record, and the message names the setting that has it laid out.
    let paragraph =
        "2. (C) ".to_string() + &"The talks went well and the ministers agreed. ".repeat(8);
    let text = format!(
        "{HEADER}{DRAFT_HEAD}1. (U) Short.

{paragraph}
"
    );
    let now = FormatOptions {
        drafting_date: crate::vocab::Date::new(2026, 11, 30),
        ..FormatOptions::default()
    };
    let e = format(&text, &now).unwrap_err();
    assert!(e.reason.contains("joined lines"), "{e}");
    assert!(
        e.reason.contains(
            "(if it is a draft, `date = \"2008-03-14\"` in cablelint.toml has it laid out)"
        ),
        "{e}"
    );
    let then = drafted_2008();
    let out = format(&text, &then).unwrap_or_else(|e| panic!("refused: {e}"));
    assert!(out.lines().all(|l| l.len() <= 69), "{out}");
}

#[test]
fn a_new_draft_that_stops_at_tags_is_laid_out_as_a_draft() {
    // The parser reads a text with a header that ends at TAGS as a record the release cut short;
    // dated this year it is a draft not yet written, and it is formatted. Dated years before the
    // drafting date, it stays a cut record and is left as written.
    let text = format!(
        "{HEADER}
C O N F I D E N T I A L   OSLO 000217
E.O. 12958: DECL: 03/14/2018
TAGS:  PREL NO
"
    );
    let then = drafted_2008();
    let out = format(&text, &then).unwrap_or_else(|e| panic!("refused: {e}"));
    assert!(
        out.contains(
            "C O N F I D E N T I A L OSLO 000217\n\nE.O. 12958: DECL: 03/14/2018\nTAGS: PREL NO\n"
        ),
        "{out}"
    );
    let now = FormatOptions {
        drafting_date: crate::vocab::Date::new(2026, 11, 30),
        ..FormatOptions::default()
    };
    let e = format(&text, &now).unwrap_err();
    assert!(e.reason.contains("truncated preview"), "{e}");
}

/// A cable of many re-wrapped paragraphs (each first line too long for the width), with a line
/// left without its line break at the end.
fn many_rewrapped(n: usize) -> String {
    let mut s = format!("{HEADER}\nC O N F I D E N T I A L OSLO 000217\n\nE.O. 12958: DECL: 03/14/2018\nTAGS: PREL NO\nSUBJECT: TEST\n\n");
    for i in 1..=n {
        s.push_str(&format!(
            "{i}. (C) The minister said that the talks on the Arctic would go on later,\nand that Norway would take part.\n\n"
        ));
    }
    s.push_str("DOE");
    s
}

#[test]
fn piecewise_diff_is_the_whole_diff() {
    // The diff made piece by piece (the formatter's slices) reads as one diff of the whole texts:
    // the same unified diff as `similar` writes, and edits that give the formatted text.
    for text in [messy(), many_rewrapped(12), messy().replace('\n', "\r\n")] {
        let o = FormatOptions::default();
        let formatted = format_mapped(&text, &o).unwrap();
        let whole = similar::TextDiff::from_lines(text.as_str(), formatted.text.as_str())
            .unified_diff()
            .context_radius(3)
            .header("a/x.cable", "b/x.cable")
            .to_string();
        assert!(!whole.is_empty());
        assert_eq!(formatted.unified_diff(&text, "x.cable"), whole);
        let edits = formatted.edits(&text);
        assert_eq!(apply(&text, &edits), formatted.text);
        assert_eq!(edits, diff::line_diff(&text, &formatted.text, &[]).edits());
    }
}

#[test]
fn piecewise_diff_of_a_formatted_text_is_empty() {
    let text = fmt(&many_rewrapped(3));
    let formatted = format_mapped(&text, &FormatOptions::default()).unwrap();
    assert_eq!(formatted.unified_diff(&text, "x.cable"), "");
    assert!(formatted.edits(&text).is_empty());
}

#[test]
fn range_edits_change_only_the_element() {
    let text = many_rewrapped(3);
    let at = text.find("2. (C)").unwrap();
    let edits = range_edits(&text, TextRange::empty(at), &FormatOptions::default()).unwrap();
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert!(text[edits[0].range.as_range()].starts_with("2. (C) The minister"));
    assert_eq!(
        edits[0].new_text,
        "2. (C) The minister said that the talks on the Arctic would go on\nlater, and that Norway would take part.\n"
    );
}

#[test]
fn a_lone_tab_in_a_wide_line_of_prose_is_wrapped() {
    let text = format!(
        "{HEADER}\nUNCLAS OSLO 000001\n\nE.O. 13526: N/A\nTAGS: PREL NO\nSUBJECT: TEST\n\n1. (U) Aaaa bbbb cccc dddd told the Ambassador on December 1 that\nstatement on search and rescue,\tbut that Russia participation remained.\nasked for U.S. support.\n\nEIDE\n"
    );
    let out = fmt(&text);
    assert!(
        out.contains("1. (U) Aaaa bbbb cccc dddd told the Ambassador on December 1 that\nstatement on search and rescue, but that Russia participation\nremained. asked for U.S. support.\n\nEIDE\n"),
        "{out}"
    );
    // A line within the width, or one with tab-separated columns, keeps its tabs.
    for line in [
        "Class:\tSECRET",
        "Name\tPost\tDate of arrival in the country\tReason for the visit",
    ] {
        let kept = text.replace("asked for U.S. support.", line);
        assert!(fmt(&kept).contains(&format!("\n{line}\n")), "{line:?}");
    }
}

#[test]
fn lists_of_short_lines_keep_their_breaks() {
    // A draft of short lines only (no paragraph wrapped, the widest line a lead-in of 40
    // characters): its breaks are the drafter's, not a wrap at 40. In a cable wrapped at the form's
    // width, a list of names keeps a longer name on its own line between shorter ones, while a
    // paragraph wrapped narrower than the form is still filled, and a wrapped list item is joined.
    let text = format!(
        "{HEADER}{DRAFT_HEAD}1. (C) The Norwegian delegation will be:
Minister Kari Eksempel
Deputy Minister Per Prove
Ambassador Ola Navn

2. (C) Participants from the Embassy were the Ambassador and
his deputy, who met the State Secretary and her staff for
two hours on the morning of the talks.

3. (U) Participants:

Ambassador Jane Q. Example
Deputy Assistant Secretary of Defense Alexandra B. Sample-Jones
DCM John Placeholder
PolOff Kim Navn
-- Ola Eksempel, Director General for Security Policy in the
Ministry

4. (U) The ministers met
for an hour.
"
    );
    let o = drafted_2008();
    let out = format(&text, &o).unwrap_or_else(|e| panic!("refused: {e}"));
    assert!(
        out.contains(
            "1. (C) The Norwegian delegation will be:\nMinister Kari Eksempel\n\
             Deputy Minister Per Prove\nAmbassador Ola Navn\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "2. (C) Participants from the Embassy were the Ambassador and his\n\
             deputy, who met the State Secretary and her staff for two hours on\n\
             the morning of the talks.\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "Ambassador Jane Q. Example\n\
             Deputy Assistant Secretary of Defense Alexandra B. Sample-Jones\n\
             DCM John Placeholder\nPolOff Kim Navn\n\
             -- Ola Eksempel, Director General for Security Policy in the Ministry\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("4. (U) The ministers met\nfor an hour.\n"),
        "{out}"
    );
    assert_eq!(format(&out, &o).as_deref(), Ok(out.as_str()), "idempotent");
    // Only short lines: nothing is joined.
    let short = format!(
        "{HEADER}{DRAFT_HEAD}1. (C) The Norwegian delegation will be:
Minister Kari Eksempel
Deputy Minister Per Prove
Ambassador Ola Navn Eksempelsen

2. (C) Begin text of note:
The Ministry presents its compliments
and has the honor to propose talks.
End text.
"
    );
    assert_eq!(format(&short, &o).as_deref(), Ok(short.as_str()));
}

/// A drafter's marking in lower or mixed case or with a `-` is written as `invalid-marking`'s fix
/// writes it (the same marking in capitals with `/`), and the result then has nothing for that
/// rule; a released record in sentence case keeps its lower-case markings, as the rules leave them.
#[test]
fn markings_are_written_in_capitals_save_in_a_sentence_case_record() {
    let text = format!(
        "{HEADER}{DRAFT_HEAD}1. (c) First.\n\n2. (Sbu) Second.\n\n3. (S-nf) Third.\n\n4. (C//NF) Fourth.\n"
    );
    assert_eq!(
        fmt(&text),
        format!(
            "{HEADER}{DRAFT_HEAD}1. (C) First.\n\n2. (SBU) Second.\n\n3. (S/NF) Third.\n\n4. (C//NF) Fourth.\n"
        )
    );
    let out = fmt(&text);
    let cable = crate::syntax::parse(&out);
    let found = crate::rules::check_cable(
        &cable,
        &crate::rules::Settings::default(),
        crate::data::Tables::builtin(),
    );
    assert!(
        !found
            .iter()
            .any(|d| d.rule == crate::rules::Rule::InvalidMarking),
        "{found:?}"
    );
    // Sentence case: the banner in lower case. `(c)` is the release's form and stays; mixed case
    // is still respelt, as the rule's fix respells it.
    let record = text.replace(
        "C O N F I D E N T I A L OSLO",
        "C o n f i d e n t i a l oslo",
    );
    let out = fmt(&record);
    assert!(out.contains("\n1. (c) First.\n"), "{out}");
    assert!(out.contains("\n2. (SBU) Second.\n"), "{out}");
}

/// The SUBJECT line's marking is respelt as a paragraph's is (`SUBJECT: (sbu) TEXT` as
/// `SUBJECT: (SBU) TEXT`), under the same conditions: a sentence-case record keeps its lower case.
/// The check accepts that respelling of the SUBJECT marking and no other change to it.
#[test]
fn the_subject_marking_is_written_in_capitals_save_in_a_sentence_case_record() {
    let text = format!("{HEADER}{DRAFT_HEAD}1. (C) First.\n").replace(
        "SUBJECT: TEST",
        "SUBJECT: (sbu) NORWAY: NORDIC DEFENSE MINISTERS AGREE",
    );
    for o in [
        FormatOptions::default(),
        FormatOptions {
            line_width: 0,
            ..FormatOptions::default()
        },
    ] {
        let out = format(&text, &o).unwrap_or_else(|e| panic!("refused: {e}"));
        assert!(
            out.contains("\nSUBJECT: (SBU) NORWAY: NORDIC DEFENSE MINISTERS AGREE\n"),
            "{out}"
        );
    }
    let mixed = text.replace("(sbu)", "(S-nf)");
    assert!(
        fmt(&mixed).contains("\nSUBJECT: (S/NF) NORWAY:"),
        "{}",
        fmt(&mixed)
    );
    // Sentence case: the banner in lower case. `(sbu)` is the release's form and stays; mixed
    // case is still respelt.
    let record = text.replace(
        "C O N F I D E N T I A L OSLO",
        "C o n f i d e n t i a l oslo",
    );
    assert!(
        fmt(&record).contains("\nSUBJECT: (sbu) NORWAY:"),
        "{}",
        fmt(&record)
    );
    let record_mixed = record.replace("(sbu)", "(Sbu)");
    assert!(
        fmt(&record_mixed).contains("\nSUBJECT: (SBU) NORWAY:"),
        "{}",
        fmt(&record_mixed)
    );
    // The check: the respelling passes; another marking, or a respelling the formatter would not
    // write, is refused as a change to SUBJECT.
    let cable = syntax::parse(&text);
    let good = fmt(&text);
    assert_eq!(same_reading(&cable, &good), Ok(()));
    for bad in ["(C)", "(SBU/NF)", "(Sbu)"] {
        let e = same_reading(&cable, &good.replacen("(SBU)", bad, 1))
            .expect_err(&format!("{bad} passed"));
        assert!(e.reason.contains("how SUBJECT reads"), "{bad}: {e}");
    }
    let record_cable = syntax::parse(&record);
    let e = same_reading(&record_cable, &record.replacen("(sbu)", "(SBU)", 1))
        .expect_err("a sentence-case record's (sbu) respelt passed");
    assert!(e.reason.contains("how SUBJECT reads"), "{e}");
}

#[test]
fn the_line_a_text_without_elements_starts_at_keeps_its_sentence_end() {
    // A cable without E.O., TAGS and SUBJECT: the parser reads the lines after the banner that are
    // no sentence as passing instructions, and the text as starting at the first sentence. Joining
    // the next line's words onto that sentence would end the line elsewhere and turn it, and the
    // lines after it up to the next sentence end, into passing instructions; the line is kept.
    let text = format!(
        "{HEADER}\nUNCLAS OSLO 000217\n\nSTATE FOR EUR/NB AND INR, with copies for the ministry\n\
         desk in Bergen and the consulate.\n\
         The minister called the talks useful and said the coalition would hold together\n\
         through the spring.\n\nJONES\n"
    );
    let out = fmt(&text);
    assert!(
        out.contains(
            "STATE FOR EUR/NB AND INR, with copies for the ministry\n\
             desk in Bergen and the consulate.\n\
             The minister called the talks useful and said the coalition would\n\
             hold together through the spring.\n"
        ),
        "{out}"
    );
    assert_eq!(
        format(&out, &FormatOptions::default()).as_deref(),
        Ok(out.as_str()),
        "idempotent"
    );
    let (a, b) = (syntax::parse(&text), syntax::parse(&out));
    assert_eq!(a.body.passing.len(), 1, "one passing line in the input");
    assert_eq!(
        b.body
            .passing
            .iter()
            .map(|r| b.text(*r))
            .collect::<Vec<_>>(),
        ["STATE FOR EUR/NB AND INR, with copies for the ministry"],
        "the same passing line in the output"
    );

    // With no passing line, a first sentence wider than the line is kept whole too: wrapped,
    // its first line would end without a full stop and read as a passing instruction.
    let text = format!(
        "{HEADER}\nUNCLAS OSLO 000217\n\nThe minister said yes to the proposal after a long and \
         difficult meeting at the ministry.\nHe went home and slept well after the meeting.\n\n\
         JONES\n"
    );
    let out = fmt(&text);
    assert!(
        out.contains(
            "\nThe minister said yes to the proposal after a long and difficult meeting at the \
             ministry.\nHe went home and slept well after the meeting.\n"
        ),
        "{out}"
    );
    assert!(syntax::parse(&out).body.passing.is_empty(), "{out}");
}

#[test]
fn a_layout_that_changes_the_passing_instructions_reads_differently() {
    // The verifier compares the passing instructions' words: a line of text that became one is
    // a change in what the cable says.
    let text = format!(
        "{HEADER}\nUNCLAS OSLO 000217\n\nDEPT FOR EUR/NB\n\nThe minister said yes.\nHe left.\n"
    );
    let joined = text.replace("said yes.\nHe left.", "said yes. He\nleft.");
    let err = same_reading(&syntax::parse(&text), &joined).unwrap_err();
    assert!(err.reason.contains("the passing instructions"), "{err}");
    same_reading(&syntax::parse(&text), &text).expect("the text reads as itself");
}

#[test]
fn a_paragraph_joined_after_two_spaces_is_a_joined_line_before_and_after_formatting() {
    // `… the talks.  3. (U) Post …`: a numbered, marked paragraph after a sentence in the middle of
    // a line is one the release joined on, whatever the spaces before it. The formatter writes
    // one space between words; had two spaces hidden the join, the formatted text would have read
    // as a record with joined lines and been refused on a second pass.
    let text = format!(
        "{HEADER}{DRAFT_HEAD}1. (C) The minister spoke about the talks.  3. (U) Post will\n\
         report further.\n\nJONES\n"
    );
    let err = format(&text, &FormatOptions::default()).unwrap_err();
    assert!(err.reason.contains("joined lines"), "{err}");
}

/// Formats `text`, checks that formatting the result again changes nothing, and returns it.
fn fmt_idempotent(text: &str) -> String {
    let once = fmt(text);
    assert_eq!(fmt(&once), once, "formatting again changes the layout");
    once
}

#[test]
fn text_lines_before_a_later_authority_keep_their_breaks() {
    // The text starts at `Notes` because no REF or authority label starts one of the four lines
    // after it; joining the two long lines would bring the second `Classified By:` within four
    // lines, and the text would then start after it.
    let text = "S E C R E T
SUBJECT: TEST
Classified By: Consul for reason 1.4 (d).
Notes
on
(sorted
THE TWO VISITORS FROM THE NORTHERN DISTRICT ARRIVED LATE
TODAY

Classified By: Consul.
";
    let out = fmt_idempotent(text);
    assert!(
        out.contains("ARRIVED LATE\nTODAY\n\nClassified By: Consul.\n"),
        "{out}"
    );
}

#[test]
fn a_text_line_starting_with_a_label_keeps_the_break_before_it() {
    // The sentence after the banner is a passing line because a label (`Ref`) starts a line
    // after it; joined onto the paragraph's first line, the label would start none, and the
    // sentence, read as text, would be wrapped.
    let text = "S E C R E T
the lake and the long road that runs along the northern shore of it toward the hills.
¶6. said the council is planning a \"new bridge\" program
Ref to
";
    let out = fmt_idempotent(text);
    assert!(out.contains("program\nRef to\n"), "{out}");
    assert!(out.contains("\nthe lake and the long road that runs along the northern shore of it toward the hills.\n"), "{out}");
}

/// An invented draft with `text` after its SUBJECT line, and the draft formatted: refused neither
/// then nor when its own output is formatted again, which it leaves as it is.
fn formatted_twice(text: &str) -> String {
    let input = format!("{HEADER}{DRAFT_HEAD}{text}");
    let o = drafted_2008();
    let out = format(&input, &o).unwrap_or_else(|e| panic!("refused: {e}\n{input}"));
    assert_eq!(format(&out, &o).as_deref(), Ok(out.as_str()), "idempotent");
    out
}

#[test]
fn a_wrap_writes_no_line_that_reads_as_a_trailer_or_a_repeated_banner() {
    // Fuzzing finds: a word of text that reads alone as a trailer line (`UNCLAS`, `SIPDIS`,
    // `TOP SECRET`) wrapped onto a line of its own, or a spaced classification (`S E C R E T`)
    // after a blank line left alone by the word after it that did not fit, made the formatted
    // text read as a release record with a trailer or a repeated banner, which the formatter then
    // refused. The word goes on with the line before or after it instead, past the width.
    let long = "X".repeat(66);
    let accented = "\u{e9}".repeat(66);
    let lone = |out: &str, line: &str| out.lines().any(|l| l.trim() == line);
    let cases = [
        (
            format!(
                "1. (C) The minister spoke at length about the matter of the day, then UNCLAS \
                 {long} end of it.\n"
            ),
            "UNCLAS",
        ),
        (
            "1. (C) The minister spoke at length about the matter of the day, then SIPDIS\n"
                .to_string(),
            "SIPDIS",
        ),
        (
            "1. (C) The minister spoke at length about the matter of the day, then TOP SECRET\n"
                .to_string(),
            "TOP SECRET",
        ),
        (
            format!("1. (C) The minister spoke.\n\nS E C R E T {accented} end of it.\n"),
            "S E C R E T",
        ),
        (
            format!("1. (C) The minister spoke.\n\nUNCLAS {accented}OSLO 000100\n\n2. (C) More.\n"),
            "UNCLAS",
        ),
    ];
    for (text, line) in cases {
        let out = formatted_twice(&text);
        assert!(!lone(&out, line), "{line:?} stands alone:\n{out}");
    }
}

#[test]
fn the_check_refuses_a_layout_that_writes_a_release_mark() {
    // The formatter's check compares the release marks the parser reads by a line's shape: a
    // layout that left a trailer line or a banner of the words of a text would give a text that
    // the formatter refuses, so it is refused at once.
    let accented = "\u{e9}".repeat(20);
    let input = format!(
        "{HEADER}{DRAFT_HEAD}1. (C) The ministry marked it SECRET before the talks.\n\n\
         S E C R E T {accented} was the stamp.\n"
    );
    let cable = syntax::parse(&input);
    assert_eq!(same_reading(&cable, &input), Ok(()));
    for (from, to) in [
        ("it SECRET before", "it\nSECRET\nbefore"),
        ("S E C R E T \u{e9}", "S E C R E T\n\u{e9}"),
    ] {
        let bad = input.replacen(from, to, 1);
        let e = same_reading(&cable, &bad).expect_err(&format!("{from:?} → {to:?} passed"));
        assert!(e.reason.contains("how a release mark"), "{from:?}: {e}");
    }
}
