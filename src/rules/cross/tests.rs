//! The cross-cable rules over small sets of invented cables.

use super::*;
use crate::rules::{RuleSelector, Severity};

/// An invented Oslo cable: its banner serial, the day and hour of its date-time group (December
/// 2026), its SUBJECT, its number to the Department and its REF line (none when empty).
struct Draft {
    serial: u32,
    day: u32,
    hour: u32,
    subject: &'static str,
    mcn: &'static str,
    refs: &'static str,
}

const BASE: Draft = Draft {
    serial: 217,
    day: 1,
    hour: 9,
    subject: "NORWAY: AN INVENTED CABLE",
    mcn: "0044",
    refs: "",
};

impl Draft {
    fn text(&self) -> String {
        let refs = if self.refs.is_empty() {
            String::new()
        } else {
            format!("REF: {}\n\n", self.refs)
        };
        format!(
            "VZCZCXRO0001\nRR RUEHC\nDE RUEHNY #{serial:04} 3350900\nZNR UUUUU ZZH\n\
             R {day:02}{hour:02}00Z DEC 26\nFM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC {mcn}\n\
             INFO RUEHSM/AMEMBASSY STOCKHOLM\n\nUNCLAS OSLO {serial:06}\n\n\
             E.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: {subject}\n\n{refs}1. (U) Text.\n\nDOE\n",
            serial = self.serial,
            day = self.day,
            hour = self.hour,
            mcn = self.mcn,
            subject = self.subject,
        )
    }
}

/// The findings of a set of texts checked with one settings, per text: `(code, message, text at
/// the range)`.
fn check_texts(texts: &[String], settings: &[Settings]) -> Vec<Vec<(String, String, String)>> {
    let summaries: Vec<CableSummary> = texts.iter().map(|t| CableSummary::of_text(t)).collect();
    let names: Vec<String> = (0..texts.len()).map(|i| format!("c{i}.cable")).collect();
    let members: Vec<Member> = (0..texts.len())
        .map(|i| Member {
            name: &names[i],
            summary: &summaries[i],
            settings: &settings[i.min(settings.len() - 1)],
        })
        .collect();
    check_set(&members)
        .into_iter()
        .enumerate()
        .map(|(i, ds)| {
            ds.into_iter()
                .map(|d| {
                    (
                        d.rule.code().to_string(),
                        d.message,
                        texts[i][d.range.as_range()].to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

fn check(drafts: &[Draft]) -> Vec<Vec<(String, String, String)>> {
    let texts: Vec<String> = drafts.iter().map(Draft::text).collect();
    check_texts(&texts, &[Settings::default()])
}

/// The codes found on each cable.
fn codes(found: &[Vec<(String, String, String)>]) -> Vec<Vec<&str>> {
    found
        .iter()
        .map(|ds| ds.iter().map(|d| d.0.as_str()).collect())
        .collect()
}

#[test]
fn the_same_serial_on_two_different_cables_is_reported_on_both() {
    let found = check(&[
        BASE,
        Draft {
            day: 2,
            subject: "NORWAY: ANOTHER CABLE",
            mcn: "0045",
            ..BASE
        },
    ]);
    assert_eq!(codes(&found), [["CBL701"], ["CBL701"]]);
    let (_, message, at) = &found[0][0];
    assert_eq!(at, "OSLO 000217");
    assert_eq!(
        message,
        "serial 217 of OSLO of 2026 is also the serial of another cable: c1.cable (020900Z DEC 26)"
    );
    assert!(found[1][0].1.contains("c0.cable (010900Z DEC 26)"));
}

#[test]
fn copies_and_sections_of_one_cable_share_their_serial() {
    // A copy received a day later: the same SUBJECT.
    let copy = Draft {
        day: 2,
        mcn: "0045",
        ..BASE
    };
    assert_eq!(codes(&check(&[BASE, copy])), [[""; 0], [""; 0]]);
    // Another year: another series.
    let other_year = BASE.text().replace("DEC 26", "DEC 25");
    let found = check_texts(&[BASE.text(), other_year], &[Settings::default()]);
    assert!(found.iter().all(Vec::is_empty), "{found:?}");
    // Sections of one cable, the second without a SUBJECT.
    let one = BASE
        .text()
        .replace("OSLO 000217", "SECTION 01 OF 02 OSLO 000217");
    let two = BASE
        .text()
        .replace("OSLO 000217", "SECTION 02 OF 02 OSLO 000217")
        .replace("SUBJECT: NORWAY: AN INVENTED CABLE\n", "");
    let found = check_texts(&[one, two], &[Settings::default()]);
    assert!(found.iter().all(Vec::is_empty), "{found:?}");
}

#[test]
fn a_single_cable_has_nothing_to_compare() {
    assert_eq!(codes(&check(&[BASE])), [[""; 0]]);
}

#[test]
fn each_file_s_settings_decide_what_is_reported_on_it() {
    let texts = [
        BASE.text(),
        Draft {
            day: 2,
            subject: "NORWAY: ANOTHER CABLE",
            mcn: "0045",
            ..BASE
        }
        .text(),
    ];
    let mut quiet = Settings::default();
    quiet.apply(&[], &[RuleSelector::parse("duplicate-serial").unwrap()]);
    let mut louder = Settings::default();
    louder.set_severity(Rule::DuplicateSerial, Severity::Warning);
    let found = check_texts(&texts, &[quiet, louder.clone()]);
    assert_eq!(codes(&found), [vec![], vec!["CBL701"]]);
    // The severity is the file's.
    let summaries: Vec<CableSummary> = texts.iter().map(|t| CableSummary::of_text(t)).collect();
    let members: Vec<Member> = summaries
        .iter()
        .map(|summary| Member {
            name: "x",
            summary,
            settings: &louder,
        })
        .collect();
    let found = check_set(&members);
    assert_eq!(found[0][0].severity, Severity::Warning);
    // No cross-cable rule is enabled by a selection of other rules.
    let none = Settings::from_selection(Some(&[RuleSelector::parse("CBL1").unwrap()]), &[], &[]);
    assert!(!any_enabled(&none));
    assert!(any_enabled(&Settings::default()));
}

#[test]
fn a_reference_into_a_drafting_series_must_be_held() {
    let a = Draft {
        serial: 215,
        subject: "A",
        mcn: "0042",
        ..BASE
    };
    let b = Draft {
        serial: 216,
        day: 2,
        subject: "B",
        mcn: "0043",
        ..BASE
    };
    let c = Draft {
        serial: 218,
        day: 3,
        subject: "C",
        mcn: "0044",
        refs: "A. OSLO 215 B. OSLO 217 C. OSLO 214 D. 26 OSLO 219 E. STATE 1234",
        ..BASE
    };
    let found = check(&[a, b, c]);
    assert_eq!(codes(&found), [vec![], vec![], vec!["CBL702"]]);
    let (_, message, at) = &found[2][0];
    assert_eq!(at, "OSLO 217");
    assert_eq!(
        message,
        "cites 26OSLO217, which the checked files do not hold, though they hold OSLO's cables 215 to 218 of 2026 (3 of them)"
    );
}

#[test]
fn a_sparse_series_is_judged_only_in_the_drafting_post_s_folder() {
    let a = Draft {
        serial: 100,
        subject: "A",
        mcn: "0042",
        ..BASE
    };
    let b = Draft {
        serial: 218,
        day: 3,
        subject: "B",
        mcn: "0044",
        refs: "OSLO 217",
        ..BASE
    };
    let texts = [a.text(), b.text()];
    let found = check_texts(&texts, &[Settings::default()]);
    assert!(found.iter().all(Vec::is_empty), "a sample: {found:?}");
    let mut drafting = Settings::default();
    drafting.drafting_post = Some("OSLO".to_string());
    drafting.drafting_date = Some(crate::vocab::Date {
        year: 2026,
        month: 12,
        day: 4,
    });
    let found = check_texts(&texts, &[drafting.clone()]);
    assert_eq!(codes(&found), [vec![], vec!["CBL702"]]);
    // The same cables kept in the folder as an archive, a year after they were drafted.
    drafting.drafting_date = Some(crate::vocab::Date {
        year: 2027,
        month: 1,
        day: 5,
    });
    let found = check_texts(&texts, &[drafting]);
    assert!(found.iter().all(Vec::is_empty), "an archive: {found:?}");
}

#[test]
fn a_message_continuity_number_that_goes_back_is_reported_on_the_later_cable() {
    let a = Draft {
        serial: 216,
        subject: "A",
        mcn: "0044",
        ..BASE
    };
    // Repeated (a draft copied from the last one).
    let b = Draft {
        serial: 217,
        day: 2,
        subject: "B",
        mcn: "0044",
        ..BASE
    };
    let found = check(&[a, b]);
    assert_eq!(codes(&found), [vec![], vec!["CBL703"]]);
    let (_, message, at) = &found[1][0];
    assert_eq!(at, "0044");
    assert_eq!(
        message,
        "message continuity number 0044 to RUEHC does not follow 0044 of the cable before, c0.cable (010900Z DEC 26)"
    );
    // A step back, and a range whose last number is passed over.
    let a = Draft {
        serial: 216,
        subject: "A",
        mcn: "0044-0046",
        ..BASE
    };
    let b = Draft {
        serial: 217,
        day: 2,
        subject: "B",
        mcn: "0045",
        ..BASE
    };
    assert_eq!(codes(&check(&[b, a])), [vec!["CBL703"], vec![]]);
}

#[test]
fn restarts_copies_held_cables_and_far_apart_cables_are_not_faults() {
    let a = Draft {
        serial: 216,
        subject: "A",
        mcn: "0400",
        ..BASE
    };
    let later = |mcn: &'static str, day: u32| Draft {
        serial: 217,
        day,
        subject: "B",
        mcn,
        ..BASE
    };
    for (b, why) in [
        (later("0001", 2), "a restart at 1"),
        (later("0250", 2), "a fall of 100 or more"),
        (later("0000", 2), "no number"),
        (
            Draft {
                subject: "A",
                ..later("0400", 2)
            },
            "a copy",
        ),
    ] {
        let found = check(&[Draft { ..a }, b]);
        assert!(found.iter().all(Vec::is_empty), "{why}: {found:?}");
    }
    // Far apart: the counter may have restarted in between.
    let far = BASE
        .text()
        .replace("000217", "000300")
        .replace("R 010900Z DEC 26", "R 010900Z FEB 27")
        .replace("AN INVENTED CABLE", "LATER");
    let found = check_texts(&[BASE.text(), far], &[Settings::default()]);
    assert!(found.iter().all(Vec::is_empty), "{found:?}");
    // Held: the lower serial has the lower number, but was dated after the other.
    let held = Draft {
        serial: 215,
        day: 3,
        subject: "HELD",
        mcn: "0040",
        ..BASE
    };
    assert!(check(&[BASE, held]).iter().all(Vec::is_empty));
    // Small counters: a fall to less than half is a restart (43 to 3), a fall within it is not.
    let small = |mcn, day, serial, subject| Draft {
        serial,
        day,
        subject,
        mcn,
        ..BASE
    };
    assert!(
        check(&[small("0043", 1, 216, "A"), small("0003", 2, 217, "B")])
            .iter()
            .all(Vec::is_empty)
    );
    assert_eq!(
        codes(&check(&[
            small("0043", 1, 216, "A"),
            small("0030", 2, 217, "B")
        ])),
        [vec![], vec!["CBL703"]]
    );
}

#[test]
fn dates_are_counted_in_minutes() {
    let d = |year, month, day, hour, minute| Dtg {
        range: TextRange { start: 0, end: 0 },
        day,
        hour,
        minute,
        month,
        month_range: TextRange { start: 0, end: 0 },
        year,
    };
    assert_eq!(dtg_minutes(&d(1970, 1, 1, 0, 0)), Some(0));
    assert_eq!(dtg_minutes(&d(1970, 1, 2, 1, 1)), Some(1440 + 61));
    // 2024 is a leap year: 29 February to 1 March is one day.
    let feb29 = dtg_minutes(&d(2024, 2, 29, 0, 0)).unwrap();
    assert_eq!(dtg_minutes(&d(2024, 3, 1, 0, 0)), Some(feb29 + 1440));
    assert_eq!(dtg_minutes(&d(2023, 2, 29, 0, 0)), None);
    assert_eq!(dtg_text(&d(2009, 6, 2, 9, 15)), "020915Z JUN 09");
}

/// A draft copied from another and given a new SUBJECT keeps its serial and its numbers: one
/// fault, the serial (`duplicate-serial` on both), not also a number that does not rise.
#[test]
fn numbers_repeated_with_a_repeated_serial_are_one_fault() {
    let found = check(&[
        BASE,
        Draft {
            hour: 11,
            subject: "NORWAY: A NEW SUBJECT",
            ..BASE
        },
    ]);
    assert_eq!(codes(&found), [["CBL701"], ["CBL701"]]);
}
