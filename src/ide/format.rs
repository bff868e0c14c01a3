//! Formatting for editors: the edits of `cablelint fmt` for a whole document, or for the elements
//! a selection touches, in byte offsets of the document. Both come from [`crate::formatter`], the
//! code behind the command line, run on the document's shared parse.

use crate::formatter::{self, FormatOptions, TextEdit, Unformattable};
use crate::syntax::{Cable, TextRange};

/// The edits that put the whole cable in the canonical layout: whole lines with their line
/// breaks, in order and apart, empty when it is formatted already.
///
/// # Errors
/// [`Unformattable`] (with the reason to show) when the formatter leaves the cable as written: a
/// release record or received copy, an unreadable header, no banner.
pub fn formatting(cable: &Cable, options: &FormatOptions) -> Result<Vec<TextEdit>, Unformattable> {
    formatter::cable_edits(cable, options)
}

/// The edits that put the elements `range` touches (whole paragraphs, header lines, the TAGS,
/// SUBJECT or REF block …) in the canonical layout and leave the rest as written; see
/// [`formatter::format_range`].
///
/// # Errors
/// As [`formatting`].
pub fn range_formatting(
    cable: &Cable,
    range: TextRange,
    options: &FormatOptions,
) -> Result<Vec<TextEdit>, Unformattable> {
    formatter::cable_range_edits(cable, range, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;
    use crate::vocab::Date;

    /// A paragraph of 271 characters pasted on one line, in a draft with a header dated
    /// 2026-12-01, or without a header.
    fn drafts() -> [String; 2] {
        let long = format!(
            "2. (U) {}.",
            ["The ministry said the talks would resume next week in the capital"; 4].join(" ")
        );
        let body = format!(
            "UNCLAS ACCRA 000001\n\nE.O. 13526: N/A\nTAGS: PREL GH\nSUBJECT: TALKS\n\n\
             1. (U) Short text.\n\n{long}\n\nDOE\n"
        );
        let header = "VZCZCXRO0001\nRR RUEHC\nDE RUEHAR #0001 3351546\nZNR UUUUU ZZH\n\
                      R 011546Z DEC 26\nFM AMEMBASSY ACCRA\nTO RUEHC/SECSTATE WASHDC 0001\n\n";
        [format!("{header}{body}"), body]
    }

    fn apply(text: &str, edits: &[TextEdit]) -> String {
        let mut out = text.to_string();
        for e in edits.iter().rev() {
            out.replace_range(e.range.as_range(), &e.new_text);
        }
        out
    }

    #[test]
    fn a_draft_with_a_paragraph_on_one_line_is_wrapped_like_any_draft() {
        let options = FormatOptions {
            drafting_date: Date::new(2026, 12, 1),
            ..FormatOptions::default()
        };
        for text in drafts() {
            let cable = parse(&text);
            let edits = formatting(&cable, &options).expect("a draft is formatted");
            let out = apply(&text, &edits);
            assert!(
                out.contains(
                    "\n\n2. (U) The ministry said the talks would resume next week in the\n\
                     capital The ministry said"
                ),
                "{out}"
            );
            assert!(out.lines().all(|l| l.len() <= 69), "{out}");
        }
    }

    #[test]
    fn a_record_dated_years_before_the_drafting_date_is_left_as_written() {
        let options = FormatOptions {
            drafting_date: Date::new(2029, 12, 1),
            ..FormatOptions::default()
        };
        let [with_header, _] = drafts();
        let err = formatting(&parse(&with_header), &options).unwrap_err();
        assert!(err.to_string().contains("joined lines"), "{err}");
    }
}
