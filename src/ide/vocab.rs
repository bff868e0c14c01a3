//! The closed vocabularies of [`crate::data::vocab`] in the shapes the editor answers use.

use crate::data::vocab::{self, ExecutiveOrder};
use crate::syntax::Date;

/// Precedence words written on addressee lines, most urgent first: (word, FL5 letter, meaning).
pub fn precedence_words() -> impl Iterator<Item = (&'static str, char, &'static str)> {
    vocab::PRECEDENCES
        .iter()
        .filter_map(|p| p.word.map(|w| (w, p.letter, p.description)))
}

/// Captions with their sentence.
pub fn captions() -> impl Iterator<Item = (&'static str, &'static str)> {
    vocab::CAPTIONS.iter().map(|c| (c.name, c.description))
}

/// The sentence on a caption as written (`SIPDIS`, `CORRECTED COPY (ADDED TAG)`), by its longest
/// known name at the start.
pub fn caption_text(written: &str) -> Option<(&'static str, &'static str)> {
    let upper = written.trim().to_ascii_uppercase();
    let squeezed: String = upper.chars().filter(|c| !c.is_whitespace()).collect();
    captions()
        .filter(|(name, _)| upper.starts_with(name) || squeezed.starts_with(&name.replace(' ', "")))
        .max_by_key(|(name, _)| name.len())
}

fn to_vocab(date: Date) -> vocab::Date {
    vocab::Date::new(
        date.year.clamp(0, 9999) as u16,
        date.month as u8,
        date.day as u8,
    )
}

/// A data-table date as a calendar date.
pub fn date(d: vocab::Date) -> Date {
    Date {
        year: i32::from(d.year),
        month: u32::from(d.month),
        day: u32::from(d.day),
    }
}

/// The order in force on a date (the newest order for dates after the table ends, the oldest for
/// dates before it).
pub fn order_in_force(date: Date) -> &'static ExecutiveOrder {
    let orders = vocab::EXECUTIVE_ORDERS;
    vocab::executive_order_in_force(to_vocab(date)).unwrap_or_else(|| {
        if to_vocab(date) < orders[0].effective {
            &orders[0]
        } else {
            &orders[orders.len() - 1]
        }
    })
}

pub fn executive_order(number: u32) -> Option<&'static ExecutiveOrder> {
    vocab::executive_order(&number.to_string())
}

/// The text of a classification reason (section 1.4 letters).
pub fn reason(letter: char) -> Option<&'static str> {
    vocab::reason("1.4", letter).map(|r| r.text)
}

/// The reasons, (letter, text), of section 1.4.
pub fn reasons() -> impl Iterator<Item = (char, &'static str)> {
    vocab::REASONS_1_4.iter().map(|r| (r.letter, r.text))
}

/// Declassification values other than a date: keywords (`OADR`, `MR`) and exemption codes.
pub fn decl_codes() -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = vocab::DECLASSIFICATION_KEYWORDS
        .iter()
        .filter(|(k, _)| matches!(*k, "OADR" | "MR"))
        .map(|(k, t)| (*k, t.to_string()))
        .collect();
    for e in vocab::EXEMPTIONS_X {
        out.push((
            e.code,
            format!(
                "Exempt from declassification after ten years (E.O. 12958 of 1995, §1.6(d)): {}.",
                e.summary
            ),
        ));
    }
    for e in vocab::EXEMPTIONS_25X {
        out.push((
            e.code,
            format!(
                "Exempt from automatic declassification at 25 years: {}.",
                e.summary
            ),
        ));
    }
    out
}

/// What a declassification code means (`X1`, `25X1-HUMAN`, `OADR`).
pub fn decl_code(code: &str) -> Option<String> {
    let upper = code.trim().to_ascii_uppercase();
    if let Some((_, t)) = vocab::DECLASSIFICATION_KEYWORDS
        .iter()
        .find(|(k, _)| *k == upper)
    {
        return Some(t.to_string());
    }
    let e = vocab::exemption(&upper)?;
    Some(if e.code.starts_with("25X") {
        format!(
            "Exempt from automatic declassification at 25 years: {}.",
            e.summary
        )
    } else {
        format!(
            "Exempt from declassification after ten years (E.O. 12958 of 1995, §1.6(d)): {}.",
            e.summary
        )
    })
}

/// What a portion-marking control means (`NF`, `FGI`, `REL`).
pub fn control(code: &str) -> Option<&'static str> {
    vocab::portion_control(code).map(|c| c.description)
}
