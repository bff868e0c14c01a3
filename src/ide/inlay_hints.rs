//! Inlay hints: values the header and the E.O. line write in code, decoded at the end of what
//! they decode.
//!
//! - after the date-time group, its date and time (`Thu 17 May 2007 08:14 UTC`);
//! - after the DE line's julian day and filing time (`1370814`), the calendar date of the julian
//!   day and the time, the same way ([`super::dates::filing_time`] reads the day in the date-time
//!   group's year);
//! - after a `DECL:` date, how long after the cable's own date it falls (`10 years after the
//!   cable's date`). The cable's date-time group is the reference, not today: the hint then says
//!   the same thing on every day it is read, and it is what the declassification rules count from
//!   (ten years is the default horizon, more than 25 needs an exemption);
//! - after a message continuity number, the addressee's count of cables that it stands for: an MCN
//!   numbers the cables the originator sends to that addressee in the addressee's own series
//!   (5 FAH-2 H-321.7), so `3686` on `RUEHC/SECSTATE WASHDC` says that this is the 3686th cable of
//!   the series to SECSTATE (`3686th to this addressee`); a range written on reissued copies
//!   (`7721-7722`) counts its numbers. `0000` is a placeholder and gets no hint.
//!
//! A value that is not readable (a date-time group that is no real date, a julian day the year
//! lacks, a `DECL` without a cable date to count from) gets no hint.

use super::dates::{dtg_time, filing_time, long_date, short_date, DateTime};
use crate::syntax::{Cable, Decl, EoValue, TextRange};
use crate::vocab::orders;

/// What a hint decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintKind {
    /// The FL5 date-time group.
    DateTimeGroup,
    /// The DE line's julian day and filing time.
    Filing,
    /// The `DECL:` date.
    Decl,
    /// A message continuity number.
    Mcn,
}

/// One inlay hint: a label shown at a byte offset (right after the element it decodes), with a
/// longer explanation for the editor's tooltip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Byte offset in the document: the end of the decoded element.
    pub offset: usize,
    pub label: String,
    pub tooltip: String,
    pub kind: HintKind,
}

/// The hints whose offset lies in `range` (both ends included), in document order.
pub fn inlay_hints(cable: &Cable<'_>, range: TextRange) -> Vec<InlayHint> {
    let mut hints = Vec::new();
    header_hints(cable, &mut hints);
    decl_hint(cable, &mut hints);
    mcn_hints(cable, &mut hints);
    hints.retain(|h| range.contains_inclusive(h.offset));
    hints.sort_by_key(|h| h.offset);
    hints
}

fn header_hints(cable: &Cable<'_>, out: &mut Vec<InlayHint>) {
    let header = &cable.header;
    if let Some(de) = header.de.as_ref() {
        if let (Some(julian), Some((date, time))) = (de.julian_day, filing_time(cable, de)) {
            let end = de.time.map_or(julian.range.end(), |t| t.range.end());
            let (label, tooltip) = match time {
                Some((hour, minute)) => {
                    let t = DateTime { date, hour, minute };
                    (
                        t.short_text(),
                        format!(
                            "Filed on julian day {:03} ({}) at {hour:02}:{minute:02} UTC.",
                            julian.value,
                            long_date(date)
                        ),
                    )
                }
                None => (
                    short_date(date),
                    format!("Julian day {:03}: {}.", julian.value, long_date(date)),
                ),
            };
            out.push(InlayHint {
                offset: end,
                label,
                tooltip,
                kind: HintKind::Filing,
            });
        }
    }
    if let Some(g) = header.dtg.as_ref().and_then(|l| l.dtg) {
        if let Some(t) = dtg_time(&g) {
            out.push(InlayHint {
                offset: g.range.end(),
                label: t.short_text(),
                tooltip: format!(
                    "Date-time group: {} {}, {:02}:{:02} UTC.",
                    t.date.weekday(),
                    long_date(t.date),
                    t.hour,
                    t.minute
                ),
                kind: HintKind::DateTimeGroup,
            });
        }
    }
}

fn decl_hint(cable: &Cable<'_>, out: &mut Vec<InlayHint>) {
    let Some(eo) = cable.body.eo.as_ref() else {
        return;
    };
    let EoValue::Decl {
        decl: Decl::Date(decl, _),
        spec: Some(spec),
        ..
    } = &eo.value
    else {
        return;
    };
    let Some(cable_date) = cable.header.dtg_date() else {
        return;
    };
    let years = cable_date.years_until(*decl);
    let plural = |n: i32| if n == 1 { "" } else { "s" };
    let label = match years {
        0 if *decl >= cable_date => "within a year of the cable's date".to_string(),
        n if n >= 0 => format!("{n} year{} after the cable's date", plural(n)),
        n => format!("{} year{} before the cable's date", -n, plural(-n)),
    };
    let mut tooltip = format!(
        "Declassify on {}: {label} ({}).",
        long_date(*decl),
        long_date(cable_date)
    );
    if years > orders::DECL_LIMIT_YEARS {
        tooltip.push_str(" More than 25 years needs a 25X exemption.");
    } else if years == orders::DECL_DEFAULT_YEARS {
        tooltip.push_str(" The default horizon.");
    }
    // The value may run on past the date (`DECL: 05/17/2017 (X1)`): the hint follows the date.
    let text = cable.text(*spec);
    let date_len = text
        .trim_start()
        .find(char::is_whitespace)
        .map_or(text.len(), |n| n + (text.len() - text.trim_start().len()));
    out.push(InlayHint {
        offset: spec.start() + date_len,
        label,
        tooltip,
        kind: HintKind::Decl,
    });
}

fn mcn_hints(cable: &Cable<'_>, out: &mut Vec<InlayHint>) {
    for a in &cable.header.addressees {
        let Some(mcn) = a.mcn else {
            continue;
        };
        let written = cable.text(mcn);
        let numbers: Vec<u32> = written
            .split('-')
            .map(|n| n.trim().parse::<u32>())
            .collect::<Result<_, _>>()
            .unwrap_or_default();
        let address = a.address.map_or("this addressee", |r| cable.text(r));
        let (label, tooltip) = match numbers[..] {
            [n] if n > 0 => (
                format!("{} to this addressee", ordinal(n)),
                format!("Message continuity number {written}: the {} cable of the series the originator numbers for {address}; a gap in the series tells the addressee that a cable is missing.", ordinal(n)),
            ),
            [first, last] if first > 0 && first < last => {
                let count = last - first + 1;
                (
                    format!("{}–{} to this addressee ({count} numbers)", ordinal(first), ordinal(last)),
                    format!("Message continuity numbers {first} to {last}: {count} numbers of the series the originator numbers for {address}, as reissued copies carry them."),
                )
            }
            _ => continue,
        };
        out.push(InlayHint {
            offset: mcn.end(),
            label,
            tooltip,
            kind: HintKind::Mcn,
        });
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `3686th`.
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    const HEADER: &str = "VZCZCXRO4417\nPP RUEHCP\nDE RUEHNY #0217/01 1370814\nZNY CCCCC ZZH\nP 170814Z MAY 07\nFM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC PRIORITY 3686\nINFO RUEHCP/AMEMBASSY COPENHAGEN 0412\nRUEHHE/AMEMBASSY HELSINKI 7721-7722\nRUEHSM/AMEMBASSY STOCKHOLM 0000\n\nC O N F I D E N T I A L OSLO 000217\n\nE.O. 12958: DECL: 05/17/2017 (X1)\n";

    fn all(text: &str) -> Vec<(String, String)> {
        let cable = parse(text);
        inlay_hints(&cable, TextRange::new(0, text.len()))
            .into_iter()
            .map(|h| {
                let before = &text[..h.offset];
                let line = before.rsplit('\n').next().unwrap_or("").to_string();
                (line, h.label)
            })
            .collect()
    }

    #[test]
    fn each_coded_value_is_decoded_after_itself() {
        assert_eq!(
            all(HEADER),
            [
                ("DE RUEHNY #0217/01 1370814", "Thu 17 May 2007 08:14 UTC"),
                ("P 170814Z MAY 07", "Thu 17 May 2007 08:14 UTC"),
                (
                    "TO RUEHC/SECSTATE WASHDC PRIORITY 3686",
                    "3686th to this addressee"
                ),
                (
                    "INFO RUEHCP/AMEMBASSY COPENHAGEN 0412",
                    "412th to this addressee"
                ),
                (
                    "RUEHHE/AMEMBASSY HELSINKI 7721-7722",
                    "7721st–7722nd to this addressee (2 numbers)"
                ),
                (
                    "E.O. 12958: DECL: 05/17/2017",
                    "10 years after the cable's date"
                ),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn only_the_requested_range_gets_hints() {
        let cable = parse(HEADER);
        let start = HEADER.find("P 170814Z").unwrap();
        let end = HEADER.find("FM AMEMBASSY").unwrap();
        let hints = inlay_hints(&cable, TextRange::new(start, end));
        assert_eq!(hints.len(), 1, "{hints:?}");
        assert_eq!(hints[0].kind, HintKind::DateTimeGroup);
        assert!(inlay_hints(&cable, TextRange::empty(0)).is_empty());
    }

    #[test]
    fn an_invalid_date_time_group_gets_no_hint_and_no_decl_count() {
        // The 32nd of May is no date: no DTG hint, no DECL count; the julian day is still read in
        // the group's year.
        let text = HEADER.replace("P 170814Z MAY 07", "P 320814Z MAY 07");
        let got = all(&text);
        assert!(
            !got.iter()
                .any(|(l, _)| l.starts_with("P ") || l.starts_with("E.O.")),
            "{got:?}"
        );
        assert!(got.contains(&(
            "DE RUEHNY #0217/01 1370814".to_string(),
            "Thu 17 May 2007 08:14 UTC".to_string()
        )));
        // Nothing readable at all: no panic, no header hints.
        let text = HEADER
            .replace("P 170814Z MAY 07", "P 17081 MAY")
            .replace("1370814", "99");
        assert!(all(&text).iter().all(
            |(_, label)| label.ends_with("to this addressee") || label.ends_with("(2 numbers)")
        ));
        for text in ["", "DE", "P 9", "E.O. 12958: DECL: 13/45/2017"] {
            assert!(all(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn decl_counts_from_the_cable_in_either_direction() {
        let label = |decl: &str| {
            all(&HEADER.replace("05/17/2017", decl))
                .into_iter()
                .find(|(l, _)| l.starts_with("E.O."))
                .map(|(_, h)| h)
        };
        assert_eq!(
            label("05/16/2008").as_deref(),
            Some("within a year of the cable's date")
        );
        assert_eq!(
            label("05/17/2008").as_deref(),
            Some("1 year after the cable's date")
        );
        assert_eq!(
            label("05/17/2004").as_deref(),
            Some("3 years before the cable's date")
        );
        let cable = parse(HEADER);
        let decl = inlay_hints(&cable, TextRange::new(0, HEADER.len()))
            .into_iter()
            .find(|h| h.kind == HintKind::Decl)
            .unwrap();
        assert!(decl.tooltip.contains("17 May 2017") && decl.tooltip.contains("default horizon"));
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 111, 3686]
            .map(ordinal)
            .to_vec();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "111th",
                "3686th"
            ]
        );
    }
}
