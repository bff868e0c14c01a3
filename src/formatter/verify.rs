//! The formatter's own safety net: the formatted text must read, element by element, as the
//! input did. Anything else is refused rather than written.

use super::Unformattable;
use crate::syntax::{self, Cable, EoValue};

/// A banner's level, section, origin and serial.
type BannerReading<'a> = (
    crate::vocab::BannerLevel,
    Option<(u32, u32)>,
    Option<&'a str>,
    Option<u32>,
);

/// What a cable says as the parser reads it, with layout left out: the header lines, the banner's
/// level, section, origin and serial, captions, the E.O. number and value, TAGS codes, SUBJECT
/// words, REF items, the classification reasons, each paragraph's number and marking,
/// continuation headers, the signature and end markers. Summary and comment markers are left out:
/// joining `End` / `Comment.` makes the parser read a closer where it read an opener, and the
/// formatter never splits `End Summary` (the corpus test compares the findings of every rule).
#[derive(Debug, PartialEq)]
struct Reading<'a> {
    header: Vec<&'a str>,
    banner: Option<BannerReading<'a>>,
    captions: Vec<crate::vocab::CaptionKind>,
    eo: Option<(Option<u32>, std::mem::Discriminant<EoValue>)>,
    tags: Vec<String>,
    subject: Option<(Option<&'a str>, Vec<&'a str>)>,
    refs: Option<usize>,
    classified_by: Option<Vec<char>>,
    paragraphs: Vec<(u32, Option<&'a str>)>,
    continuations: usize,
    signature: Option<&'a str>,
    end_markers: usize,
    errors: usize,
}

fn reading<'a>(c: &Cable<'a>) -> Reading<'a> {
    let b = &c.body;
    Reading {
        header: c
            .lines
            .iter()
            .filter(|l| l.kind.is_header_line())
            .map(|l| c.text(l.range).trim_end())
            .collect(),
        banner: b.banner.as_ref().map(|x| {
            (
                x.level,
                x.section.map(|(n, m)| (n.value, m.value)),
                x.origin.map(|o| c.text(o)),
                x.serial.map(|s| s.value),
            )
        }),
        captions: b.captions.iter().map(|x| x.kind).collect(),
        eo: b
            .eo
            .as_ref()
            .map(|e| (e.number.map(|n| n.value), std::mem::discriminant(&e.value))),
        tags: b
            .tags
            .as_ref()
            .map(|t| {
                t.tokens
                    .iter()
                    .map(|k| {
                        c.text(k.code)
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            })
            .unwrap_or_default(),
        subject: b.subject.as_ref().map(|s| {
            (
                s.marking.as_ref().map(|m| c.text(m.range)),
                s.text
                    .map(|t| c.text(t).split_whitespace().collect())
                    .unwrap_or_default(),
            )
        }),
        refs: b.refs.as_ref().map(|r| r.items.len()),
        classified_by: b
            .classified_by
            .as_ref()
            .map(|x| x.letters.iter().map(|l| l.1).collect()),
        paragraphs: b
            .paragraphs
            .iter()
            .map(|p| (p.number.value, p.marking.as_ref().map(|m| c.text(m.range))))
            .collect(),
        continuations: b.continuations.len(),
        signature: b.signature.map(|s| c.text(s)),
        end_markers: b.end_markers.len(),
        errors: super::layout::unreadable_header(c).len(),
    }
}

/// Checks that `formatted` reads as `input` does: the header, banner, captions, E.O., TAGS,
/// SUBJECT, REF, classification authority, paragraph numbers and markings, continuation headers,
/// signature and end markers the parser finds are the same (the check [`super::format`] makes
/// before it returns a changed text; the fuzz target of `fmt` calls it too).
///
/// # Errors
/// [`Unformattable`] naming the first element that reads differently.
pub fn same_reading(input: &Cable, formatted: &str) -> Result<(), Unformattable> {
    // The reading leaves out markers, artifacts and the document kind, so the parse that gives it
    // skips them.
    let after = syntax::parse_with(formatted, syntax::Depth::Elements);
    let (a, b) = (reading(input), reading(&after));
    if a == b {
        return Ok(());
    }
    let what = if a.header != b.header {
        "the header"
    } else if a.banner != b.banner {
        "the banner"
    } else if a.captions != b.captions {
        "the captions"
    } else if a.eo != b.eo {
        "the E.O. line"
    } else if a.tags != b.tags {
        "TAGS"
    } else if a.subject != b.subject {
        "SUBJECT"
    } else if a.refs != b.refs {
        "REF"
    } else if a.classified_by != b.classified_by {
        "the classification authority"
    } else if a.paragraphs != b.paragraphs {
        "the paragraph numbers or markings"
    } else if a.continuations != b.continuations {
        "the continuation headers"
    } else if a.signature != b.signature {
        "the signature"
    } else {
        "the end markers"
    };
    Err(Unformattable {
        line: None,
        reason: format!(
            "the canonical layout would change how {what} reads, so the cable is left as written"
        ),
    })
}
