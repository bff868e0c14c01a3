//! ## What it does
//! Warns when `End Summary` has no opener before it (a closer in paragraph 1 or 2 is taken to close
//! a summary that those paragraphs are, as readers and cablemap do), and notes
//! (at information level) an inline summary (`¶1. (C) Summary: …`) that is never closed with
//! `End Summary.`. The fix for a missing closer appends ` End Summary.` to the summary's paragraph
//! text, before a heading, dashed rule or signature that follows it (also one standing alone
//! between blank lines, or joined with its rule on one line); it is unsafe where the end is a
//! reading of text the release joined (a heading or the next paragraph on the summary's line) or
//! the text ends in `...`, and there is none on a truncated preview.
//!
//! ## Why
//! Readers and tools take the text between the two as the summary (5 FAH-1 H-246.3); 3,666 of 4,112
//! released cables with `End Summary` have a recognisable opener (spec T-5: a warning). Many posts
//! let a summary paragraph end with the paragraph, so an unclosed opener is only information; a
//! summary under a `SUMMARY` heading (dashed, or a heading line such as `SUMMARY AND
//! INTRODUCTION` standing alone) ends at the next heading and needs no closer.
//!
//! ## Example
//! ```cable
//! ¶1. (C) Summary: The talks resumed after three years.
//!
//! ¶2. (C) On May 14, …
//! ```
//! Use instead:
//! ```cable
//! ¶1. (C) Summary: The talks resumed after three years. End Summary.
//!
//! ¶2. (C) On May 14, …
//! ```
use super::layout;
use crate::rules::{Context, Edit, Fix, Severity};
use crate::syntax::{ArtifactKind, LineKind, MarkerKind, TextRange};

pub fn check(ctx: &Context) {
    let markers: Vec<_> = ctx
        .cable
        .body
        .markers
        .iter()
        .filter(|m| matches!(m.kind, MarkerKind::SummaryOpen | MarkerKind::SummaryClose))
        .copied()
        .collect();
    // Openers since the last closer; a closer closes them all (a summary may hold a nested
    // `Post Summary:`). Whatever is still open at the end is reported, one opener per paragraph,
    // so that applying every fix at once reaches the fixed point.
    let mut open: Vec<crate::syntax::Marker> = Vec::new();
    let mut any_opener = false;
    for m in markers {
        match m.kind {
            MarkerKind::SummaryOpen => {
                if open
                    .last()
                    .is_none_or(|o| o.paragraph != m.paragraph || o.paragraph.is_none())
                {
                    open.push(m);
                }
                any_opener = true;
            }
            _ => {
                let was_open = !open.is_empty();
                open.clear();
                if !was_open && !any_opener && m.paragraph.is_some_and(|p| p > 1) {
                    let t = ctx.text(m.range);
                    ctx.report(m.range, format!("`{t}` closes a summary that was never opened (`Summary:` at the start of a paragraph)"));
                }
            }
        }
    }
    for opener in open {
        if opener.heading || heading_opener(ctx, &opener) {
            continue;
        }
        let t = ctx.text(opener.range);
        let fix = opener
            .paragraph
            .and_then(|i| ctx.cable.body.paragraphs.get(i))
            .and_then(|p| closer_fix(ctx, &opener, p.range));
        let mut d = ctx.report_softer(
            opener.range,
            format!("`{t}` opens a summary that is never closed with `End Summary.`"),
            Severity::Info,
        );
        d.fix = fix;
    }
}

/// Whether the opener starts a heading standing alone on its line (`SUMMARY AND INTRODUCTION`
/// between blank lines, `Summary of Actions ------` joined with its rule), which the parser left as
/// text: the summary under it ends at the next heading, as under a dashed `SUMMARY`.
fn heading_opener(ctx: &Context, opener: &crate::syntax::Marker) -> bool {
    let lines = &ctx.cable.lines;
    let i = lines.partition_point(|l| l.range.end() < opener.range.start());
    lines.get(i).is_some_and(|l| {
        let t = ctx.text(l.range);
        let lead = t.len() - t.trim_start_matches([' ', '\t', '-', '=', '/']).len();
        l.range.start() + lead == opener.range.start() && layout::heading_line(ctx, i, true)
    })
}

/// `End Summary.` at the end of the summary's paragraph text.
///
/// The paragraph's text runs from the opener over the paragraph's lines of text (page headers,
/// banner lines and other lines read as something else are passed over) and ends at the first
/// heading, dashed rule or signature (the parser's range of a paragraph can run on over a heading
/// it took for text: `TIMING` standing alone, `TIMING ------` joined with its rule). When the end
/// is not sure, the fix is unsafe: a paragraph the release joined onto the summary's line (the
/// closer goes before its number), a rule or a heading in capitals joined after the last sentence
/// (the closer goes before it), text ending in `...` (it may be cut off), or a comment opened
/// inside and never closed (the summary may end where it starts). A truncated preview
/// gets no fix. The closer is tried by reading the cable with it: where it would not be read as
/// closing the summary there is no fix rather than one that does not converge.
fn closer_fix(ctx: &Context, opener: &crate::syntax::Marker, paragraph: TextRange) -> Option<Fix> {
    let src = ctx.cable.src;
    let lines = &ctx.cable.lines;
    let first = lines.partition_point(|l| l.range.end() < opener.range.start());
    let mut end = None;
    let mut sure = true;
    for (i, line) in lines.iter().enumerate().skip(first) {
        if line.range.start() >= paragraph.end().max(opener.range.end()) {
            break;
        }
        let t = ctx.text(line.range);
        if t.trim().is_empty() {
            continue;
        }
        match line.kind {
            LineKind::Heading | LineKind::Signature | LineKind::EndMarker => break,
            LineKind::Paragraph | LineKind::Text => {}
            _ => continue,
        }
        if i > first && (layout::heading_line(ctx, i, false) || line.kind == LineKind::Paragraph) {
            break;
        }
        let from = if i == first {
            opener.range.end().saturating_sub(line.range.start())
        } else {
            0
        };
        let rest = &t[from..];
        if let Some(j) = layout::joined_paragraph_starts(rest).first() {
            let (kept, _) = joined_tail(rest[..j.at].trim_end());
            end = Some(line.range.start() + from + kept);
            sure = false;
            break;
        }
        let text = rest.trim_end();
        let (kept, cut) = joined_tail(text);
        end = Some(line.range.start() + from + kept);
        if cut {
            sure = false;
            break;
        }
    }
    let end = end?;
    if ctx
        .cable
        .artifacts_of(ArtifactKind::TruncatedPreview)
        .any(|a| a.range.contains_inclusive(end))
    {
        return None;
    }
    let before = src[..end].trim_end();
    if before.ends_with("...") || before.ends_with('…') {
        sure = false;
    }
    // A comment or note opened inside and never closed (`Post Comment: …` after the summary's
    // sentences) may be where the summary ended.
    let inside = |kind: MarkerKind| {
        ctx.cable
            .body
            .markers
            .iter()
            .filter(|m| {
                m.kind == kind && m.range.start() > opener.range.end() && m.range.end() <= end
            })
            .count()
    };
    if inside(MarkerKind::CommentOpen) > inside(MarkerKind::CommentClose)
        || inside(MarkerKind::NoteOpen) > inside(MarkerKind::NoteClose)
    {
        sure = false;
    }
    let sentence_end = before
        .trim_end_matches([')', '"', '”', '\''])
        .ends_with(['.', '!', '?']);
    let sep = if sentence_end || before.ends_with(['"', '”']) {
        " "
    } else {
        ". "
    };
    let insert = format!("{sep}End Summary.");
    let fixed = format!("{}{insert}{}", &src[..end], &src[end..]);
    let closes = crate::syntax::parse(&fixed).body.markers.iter().any(|m| {
        m.kind == MarkerKind::SummaryClose
            && m.range.start() >= end
            && m.range.end() <= end + insert.len()
    });
    if !closes {
        return None;
    }
    let message = "Close the summary with `End Summary.`";
    let edits = vec![Edit::insert(end, insert)];
    Some(if sure {
        Fix::safe(message, edits)
    } else {
        Fix::unsafe_(message, edits)
    })
}

/// The length of a line's text without what the release joined after its last sentence: a
/// dashed rule and the heading around it (`… the talks. ------ TIMING ------`, `… the talks.
/// Timing ------`), or a heading or
/// signature in capitals after the last full stop (`… the talks. LIBYA EARMARKS FUNDS`); and
/// whether something was cut.
fn joined_tail(text: &str) -> (usize, bool) {
    if let Some(at) = layout::rule_run(text) {
        let kept = text[..at].trim_end_matches(['-', '=', ' ']);
        if !kept.is_empty() {
            // The heading's words before the rule (`… the approval. Summit Agenda -----`).
            if let Some(dot) = kept.rfind(". ") {
                let tail = kept[dot + 1..].trim();
                if tail.split_whitespace().count() <= 10
                    && !tail.ends_with(['.', '!', '?', ')', '"', '”'])
                {
                    return (dot + 1, true);
                }
            }
            return (kept.len(), true);
        }
    }
    let Some(dot) = text.rfind(". ") else {
        return (text.len(), false);
    };
    let tail = text[dot + 1..].trim();
    let letters = tail.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = letters >= 2
        && !tail.chars().any(char::is_lowercase)
        && !tail.ends_with(['.', '!', '?', ')', '"', '”']);
    if capitals && text[..dot].chars().any(char::is_lowercase) {
        (dot + 1, true)
    } else {
        (text.len(), false)
    }
}
