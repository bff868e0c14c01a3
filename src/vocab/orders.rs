//! Executive orders on classified national security information, the classification reasons
//! they list and their declassification exemptions (spec §3.11, §3.15).

use super::Date;

/// An executive order on classified national security information, cited on the `E.O.` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecutiveOrder {
    pub number: &'static str,
    pub signed: Date,
    /// The date from which it governed classification.
    pub effective: Date,
    /// The date its successor took effect, if any.
    pub superseded: Option<Date>,
    /// A typical E.O. line of its era.
    pub example: &'static str,
    pub description: &'static str,
}

/// The orders in the order they applied. Dates: 11652 signed 8 March 1972, effective 1 June 1972;
/// 12065 effective 1 December 1978 (1978 STATE 296107); 12356 signed 2 April 1982, effective
/// 1 August 1982; 12958 signed 17 April 1995, effective 14 October 1995, amended by E.O. 13292 of
/// 25 March 2003; 13526 signed 29 December 2009, effective 27 June 2010.
pub const EXECUTIVE_ORDERS: &[ExecutiveOrder] = &[
    ExecutiveOrder {
        number: "11652",
        signed: Date::known(1972, 3, 8),
        effective: Date::known(1972, 6, 1),
        superseded: Some(Date::known(1978, 12, 1)),
        example: "E.O. 11652: GDS",
        description: "Classification and Declassification of National Security Information and \
                      Material (1972). Cables of its era write GDS (General Declassification \
                      Schedule) or N/A.",
    },
    ExecutiveOrder {
        number: "12065",
        signed: Date::known(1978, 6, 28),
        effective: Date::known(1978, 12, 1),
        superseded: Some(Date::known(1982, 8, 1)),
        example: "E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P",
        description: "National Security Information (1978).",
    },
    ExecutiveOrder {
        number: "12356",
        signed: Date::known(1982, 4, 2),
        effective: Date::known(1982, 8, 1),
        superseded: Some(Date::known(1995, 10, 14)),
        example: "E.O. 12356: DECL: OADR",
        description: "National Security Information (1982). Classified cables usually write \
                      DECL: OADR (originating agency's determination required).",
    },
    ExecutiveOrder {
        number: "12958",
        signed: Date::known(1995, 4, 17),
        effective: Date::known(1995, 10, 14),
        superseded: Some(Date::known(2010, 6, 27)),
        example: "E.O. 12958: DECL: 05/17/2016",
        description: "Classified National Security Information (1995), amended by E.O. 13292 \
                      (25 March 2003), which moved the classification categories from section \
                      1.5 to 1.4 and added weapons of mass destruction. Cited by every cable \
                      from 1995 to 2010.",
    },
    ExecutiveOrder {
        number: "13526",
        signed: Date::known(2009, 12, 29),
        effective: Date::known(2010, 6, 27),
        superseded: None,
        example: "E.O. 13526: DECL: 06/30/2020",
        description: "Classified National Security Information (2009), replacing E.O. 12958; \
                      same categories 1.4(a)-(h). No released cable cites it.",
    },
];

/// The date of E.O. 13292 (25 March 2003), which amended E.O. 12958: it moved the classification
/// categories from section 1.5 to 1.4 and added the category (h). Cables kept citing 12958.
pub const AMENDING_ORDER_13292: Date = Date::known(2003, 3, 25);

/// The default declassification horizon in years: a `DECL:` date ten years after the cable
/// (E.O. 12958 as amended, §1.5(b); spec §3.11 and B-12).
pub const DECL_DEFAULT_YEARS: i32 = 10;

/// The longest declassification horizon in years without a 25X exemption (E.O. 12958 as
/// amended, §1.5(b); spec §3.11).
pub const DECL_LIMIT_YEARS: i32 = 25;

impl ExecutiveOrder {
    /// Whether a cable of `date` may cite the order: signed by then and not yet superseded.
    pub fn citable_on(&self, date: Date) -> bool {
        self.signed <= date && self.superseded.is_none_or(|end| date < end)
    }
}

/// The order with this number (`12958`).
pub fn executive_order(number: &str) -> Option<&'static ExecutiveOrder> {
    EXECUTIVE_ORDERS.iter().find(|o| o.number == number)
}

/// The order that governed classification on `date`.
pub fn executive_order_in_force(date: Date) -> Option<&'static ExecutiveOrder> {
    EXECUTIVE_ORDERS
        .iter()
        .find(|o| o.effective <= date && o.superseded.is_none_or(|end| date < end))
}

/// The order in force on a date: the oldest order for dates before the table starts, the newest
/// for dates after it.
pub fn nearest_order(date: Date) -> &'static ExecutiveOrder {
    executive_order_in_force(date).unwrap_or_else(|| {
        if date < EXECUTIVE_ORDERS[0].effective {
            &EXECUTIVE_ORDERS[0]
        } else {
            &EXECUTIVE_ORDERS[EXECUTIVE_ORDERS.len() - 1]
        }
    })
}

/// Words of the E.O. value other than a date (spec §3.11).
pub const DECLASSIFICATION_KEYWORDS: &[(&str, &str)] = &[
    ("N/A", "Not applicable: the cable is unclassified."),
    (
        "OADR",
        "Originating Agency's Determination Required (E.O. 12356): no date, the originator \
         decides.",
    ),
    (
        "GDS",
        "General Declassification Schedule (E.O. 11652 and 12065).",
    ),
    (
        "MR",
        "Manual review: the information is to be reviewed before declassification.",
    ),
    (
        "DNG",
        "Downgrade instruction: DNG: CO 01/26/2021 downgrades to CONFIDENTIAL on that date.",
    ),
];

/// A declassification schedule of the orders before E.O. 12356, written as the E.O. line's whole
/// value instead of `DECL:` (spec §3.11: `E.O. 11652: GDS`, `E.O. 12065: GDS 8/12/85 (TOMSETH,
/// VICTOR L.) OR-P`), with a date or an exemption category after some of them (`XGDS-2`,
/// `RDS-3 6/1/99`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The code as cables write it, without a category digit (`XGDS` of `XGDS-2`).
    pub code: &'static str,
    /// The orders whose cables write it.
    pub orders: &'static str,
    /// What it says, in a sentence.
    pub meaning: &'static str,
}

/// The declassification schedules of E.O. 11652 (1972) and E.O. 12065 (1978): the General
/// Declassification Schedule (`GDS`), the Advanced Declassification Schedule (`ADS`), the
/// exemption from the general schedule (`XGDS-1` to `XGDS-4`, E.O. 11652 §5(B)) and the review
/// for declassification (`RDS-1` to `RDS-3`, E.O. 12065 §§1-4, 3-4).
pub const SCHEDULES: &[Schedule] = &[
    Schedule {
        code: "GDS",
        orders: "E.O. 11652 and 12065",
        meaning: "General Declassification Schedule: downgraded and declassified on the \
                  schedule's dates (at most six years under E.O. 12065, on the date after it).",
    },
    Schedule {
        code: "ADS",
        orders: "E.O. 11652",
        meaning: "Advanced Declassification Schedule: declassified earlier than the general \
                  schedule, on the date or event after it.",
    },
    Schedule {
        code: "XGDS",
        orders: "E.O. 11652",
        meaning: "Exempt from the General Declassification Schedule, in the exemption category \
                  after it (1 to 4, §5(B)); declassified on review.",
    },
    Schedule {
        code: "RDS",
        orders: "E.O. 12065",
        meaning: "Review for declassification: classified beyond the six years of the general \
                  schedule, on the ground in the digit after it, until the review on the date \
                  after it.",
    },
];

/// The schedule a word of the E.O. value names (`GDS`, `XGDS-2`, `rds-1`, `ADS,`): its code,
/// optionally followed by `-` or a space and one digit of the category; `None` for any other word.
pub fn schedule(word: &str) -> Option<&'static Schedule> {
    let w = word.trim_end_matches(['.', ',', ';', ':']);
    let head = w.trim_end_matches(|c: char| c.is_ascii_digit());
    let head = head.strip_suffix('-').unwrap_or(head);
    if w.len() - head.len() > 2 {
        return None;
    }
    SCHEDULES.iter().find(|s| head.eq_ignore_ascii_case(s.code))
}

/// A classification category cited as `1.4 (b)` or, before 2004, `1.5 (b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason {
    pub letter: char,
    pub text: &'static str,
}

/// Section 1.4 of E.O. 12958 as amended by E.O. 13292 (2003), the reasons cited from 2004 on;
/// E.O. 13526 keeps the same eight letters.
pub const REASONS_1_4: &[Reason] = &[
    Reason {
        letter: 'a',
        text: "military plans, weapons systems, or operations",
    },
    Reason {
        letter: 'b',
        text: "foreign government information",
    },
    Reason {
        letter: 'c',
        text: "intelligence activities (including special activities), intelligence sources \
               or methods, or cryptology",
    },
    Reason {
        letter: 'd',
        text: "foreign relations or foreign activities of the United States, including \
               confidential sources",
    },
    Reason {
        letter: 'e',
        text: "scientific, technological, or economic matters relating to the national \
               security, which includes defense against transnational terrorism",
    },
    Reason {
        letter: 'f',
        text: "United States Government programs for safeguarding nuclear materials or \
               facilities",
    },
    Reason {
        letter: 'g',
        text: "vulnerabilities or capabilities of systems, installations, infrastructures, \
               projects, plans, or protection services relating to the national security, \
               which includes defense against transnational terrorism",
    },
    Reason {
        letter: 'h',
        text: "weapons of mass destruction",
    },
];

/// Section 1.5 of E.O. 12958 as signed in 1995: seven categories, cited until early 2004. The 2003
/// amendment kept (a)–(d) and (f) word for word and widened (e) and (g).
pub const REASONS_1_5: &[Reason] = &[
    REASONS_1_4[0],
    REASONS_1_4[1],
    REASONS_1_4[2],
    REASONS_1_4[3],
    Reason {
        letter: 'e',
        text: "scientific, technological, or economic matters relating to the national security",
    },
    REASONS_1_4[5],
    Reason {
        letter: 'g',
        text: "vulnerabilities or capabilities of systems, installations, projects or plans \
               relating to the national security",
    },
];

/// The section that lists the classification categories on `date` (`"1.5"` before E.O. 13292,
/// `"1.4"` from it on) and its categories.
pub fn reasons_on(date: Date) -> (&'static str, &'static [Reason]) {
    if date < AMENDING_ORDER_13292 {
        ("1.5", REASONS_1_5)
    } else {
        ("1.4", REASONS_1_4)
    }
}

/// The reason cited as `section` (`"1.4"` or `"1.5"`) and `letter` (either case).
pub fn reason(section: &str, letter: char) -> Option<&'static Reason> {
    let list = match section {
        "1.4" => REASONS_1_4,
        "1.5" => REASONS_1_5,
        _ => return None,
    };
    let letter = letter.to_ascii_lowercase();
    list.iter().find(|r| r.letter == letter)
}

/// A declassification exemption written instead of a date (`DECL: X1`, `DECL: 25X1-HUMAN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exemption {
    pub code: &'static str,
    /// A summary of the ground, not the legal text.
    pub summary: &'static str,
}

/// X1–X8: the exemptions from declassification after ten years in section 1.6(d) of E.O. 12958
/// as signed in 1995 (summaries).
pub const EXEMPTIONS_X: &[Exemption] = &[
    Exemption {
        code: "X1",
        summary: "would reveal an intelligence source, method or activity, or a cryptologic \
                  system or activity",
    },
    Exemption {
        code: "X2",
        summary: "would reveal information that would assist the development or use of weapons \
                  of mass destruction",
    },
    Exemption {
        code: "X3",
        summary: "would impair the development or use of technology within a U.S. weapons \
                  system",
    },
    Exemption {
        code: "X4",
        summary: "would reveal U.S. military plans or national security emergency preparedness \
                  plans",
    },
    Exemption {
        code: "X5",
        summary: "would reveal foreign government information",
    },
    Exemption {
        code: "X6",
        summary: "would damage relations with a foreign government, reveal a confidential \
                  source, or undermine ongoing diplomatic activities",
    },
    Exemption {
        code: "X7",
        summary: "would impair the ability to protect the President, the Vice President and \
                  other protected persons",
    },
    Exemption {
        code: "X8",
        summary: "would violate a statute, treaty or international agreement",
    },
];

/// 25X1–25X9: the nine exemptions from automatic declassification at 25 years (E.O. 12958
/// section 3.4(b), section 3.3(b) after the 2003 amendment; summaries). `25X1-HUMAN` marks
/// information about a confidential human source.
pub const EXEMPTIONS_25X: &[Exemption] = &[
    Exemption {
        code: "25X1",
        summary: "would reveal a confidential human source or intelligence sources or methods",
    },
    Exemption {
        code: "25X2",
        summary: "would assist the development or use of weapons of mass destruction",
    },
    Exemption {
        code: "25X3",
        summary: "would impair U.S. cryptologic systems or activities",
    },
    Exemption {
        code: "25X4",
        summary: "would impair the application of state-of-the-art technology within a U.S. \
                  weapon system",
    },
    Exemption {
        code: "25X5",
        summary: "would reveal actual U.S. military war plans that remain in effect",
    },
    Exemption {
        code: "25X6",
        summary: "would seriously impair relations with a foreign government or ongoing \
                  diplomatic activities",
    },
    Exemption {
        code: "25X7",
        summary: "would impair the protection of the President, the Vice President and other \
                  protected persons",
    },
    Exemption {
        code: "25X8",
        summary: "would impair national security emergency preparedness plans or reveal \
                  current vulnerabilities of systems, installations or projects",
    },
    Exemption {
        code: "25X9",
        summary: "would violate a statute, treaty or international agreement",
    },
];

/// The exemption written as `code` (`X1`, `25X6`, `25X1-HUMAN`, ignoring case and a space
/// before `HUMAN`).
pub fn exemption(code: &str) -> Option<&'static Exemption> {
    let upper = code.trim().to_ascii_uppercase();
    let base = upper
        .strip_suffix("-HUMAN")
        .or_else(|| upper.strip_suffix("- HUMAN"))
        .unwrap_or(&upper);
    EXEMPTIONS_X
        .iter()
        .chain(EXEMPTIONS_25X)
        .find(|e| e.code == base)
}

/// What an exemption means, in a sentence.
fn exemption_sentence(e: &Exemption) -> String {
    if e.code.starts_with("25X") {
        format!(
            "Exempt from automatic declassification at 25 years: {}.",
            e.summary
        )
    } else {
        format!(
            "Exempt from declassification after ten years (E.O. 12958 of 1995, §1.6(d)): {}.",
            e.summary
        )
    }
}

/// Declassification values other than a date that a drafter may write today, with a sentence on
/// each: the keywords `OADR` and `MR`, then the exemption codes.
pub fn decl_codes() -> Vec<(&'static str, String)> {
    let keywords = DECLASSIFICATION_KEYWORDS
        .iter()
        .filter(|(k, _)| matches!(*k, "OADR" | "MR"))
        .map(|(k, t)| (*k, t.to_string()));
    let exemptions = EXEMPTIONS_X
        .iter()
        .chain(EXEMPTIONS_25X)
        .map(|e| (e.code, exemption_sentence(e)));
    keywords.chain(exemptions).collect()
}

/// What a declassification value other than a date means (`X1`, `25X1-HUMAN`, `OADR`), in a
/// sentence.
pub fn decl_code(code: &str) -> Option<String> {
    let upper = code.trim().to_ascii_uppercase();
    if let Some((_, t)) = DECLASSIFICATION_KEYWORDS.iter().find(|(k, _)| *k == upper) {
        return Some(t.to_string());
    }
    exemption(&upper).map(exemption_sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executive_orders_chain_without_gaps() {
        for pair in EXECUTIVE_ORDERS.windows(2) {
            assert_eq!(pair[0].superseded, Some(pair[1].effective));
            assert!(pair[0].signed <= pair[0].effective);
        }
        let on = |y, m, d| Date::new(y, m, d).expect("a date");
        let in_force = |y, m, d| executive_order_in_force(on(y, m, d)).map(|o| o.number);
        assert_eq!(in_force(1977, 1, 1), Some("11652"));
        assert_eq!(in_force(1979, 1, 1), Some("12065"));
        assert_eq!(in_force(1990, 1, 1), Some("12356"));
        assert_eq!(in_force(2007, 5, 17), Some("12958"));
        assert_eq!(in_force(2010, 6, 27), Some("13526"));
        assert_eq!(in_force(1970, 1, 1), None);
        assert_eq!(nearest_order(on(1970, 1, 1)).number, "11652");
        assert_eq!(nearest_order(on(2030, 1, 1)).number, "13526");
        assert_eq!(
            executive_order("12958").map(|o| o.effective.to_string()),
            Some("1995-10-14".to_string())
        );
    }

    #[test]
    fn reasons_and_exemptions() {
        assert_eq!(REASONS_1_4.len(), 8);
        assert_eq!(REASONS_1_5.len(), 7);
        assert_eq!(
            reason("1.4", 'B').map(|r| r.text),
            Some("foreign government information")
        );
        assert!(reason("1.5", 'h').is_none());
        assert!(reason("1.2", 'b').is_none());
        let day_before = Date::new(2003, 3, 24).expect("a date");
        assert_eq!(reasons_on(day_before).0, "1.5");
        assert_eq!(reasons_on(AMENDING_ORDER_13292).0, "1.4");
        assert_eq!(EXEMPTIONS_X.len(), 8);
        assert_eq!(EXEMPTIONS_25X.len(), 9);
        assert_eq!(exemption("25x1-human").map(|e| e.code), Some("25X1"));
        assert!(exemption("X9").is_none());
        assert!(decl_code("x5").is_some_and(|t| t.contains("ten years")));
        assert!(decl_codes().iter().any(|(c, _)| *c == "OADR"));
    }

    #[test]
    fn schedules_of_the_older_orders() {
        let code = |w| schedule(w).map(|s| s.code);
        assert_eq!(code("GDS"), Some("GDS"));
        assert_eq!(code("XGDS-2"), Some("XGDS"));
        assert_eq!(code("xgds-4,"), Some("XGDS"));
        assert_eq!(code("RDS-3"), Some("RDS"));
        assert_eq!(code("ADS"), Some("ADS"));
        assert_eq!(code("ADSL"), None);
        assert_eq!(code("RDS-123"), None);
        assert_eq!(code("OADR"), None);
    }
}
