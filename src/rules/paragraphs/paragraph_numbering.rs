//! ## What it does
//! Warns when paragraph numbers are not consecutive from 1. A numbered paragraph with a portion
//! marking that the release joined onto the line before (`… the talks. 4. (C) The delegation`,
//! `HAITI 5. (SBU) Affirming`) counts; a section number (`1.4 (b)`) or a date does not. A break
//! the text explains is no fault: a quoted text (`Begin text:`) or a list with its own numbers
//! (under a heading, after a lead-in ending with a colon, or followed by the cable's numbering
//! resuming), and missing numbers where the release redacted whole paragraphs (a line of
//! `XXXXXXXXXXXX`, after what is left of the number or not: `1 XXXXXXXXXXXX`). A restart at 1 that nothing explains (`1.` `2.` `1.` `2.`, or `1.` written
//! again) is reported. Answers keyed to a reference's sub-paragraphs
//! (`27.A.`, `27 A.`, `9a.`) carry the reference's numbers and stand outside the cable's
//! numbering, and one answer to a range of the reference's questions (`4-12. (U) No data is
//! available.`) takes the numbers of the range. The unsafe fix renumbers every paragraph from the
//! break to the last in one count; it is not offered when an explained restart follows (the
//! drafter decides which numbers are right) or a number would reach 1000. A numbering that starts
//! at 0 and counts on without a break has an unsafe fix that renumbers every paragraph from 1.
//!
//! ## Why
//! "Number each paragraph consecutively" (5 FAH-1 H-246.2); 5,559 of 6,353 released cables number
//! strictly 1..n (spec T-1: a warning, as quoted cables and numbered lists restart legitimately). A
//! gap usually means a paragraph was deleted or moved while editing.
//!
//! ## Example
//! ```cable
//! ¶1. (C) …
//! ¶2. (C) …
//! ¶4. (C) …
//! ```
//! Use instead:
//! ```cable
//! ¶1. (C) …
//! ¶2. (C) …
//! ¶3. (C) …
//! ```
use super::layout;
use crate::rules::{Context, Edit, Fix};
use crate::syntax::{LineKind, Num, TextRange};

pub fn check(ctx: &Context) {
    // A record that lost sections (`* Missing Section 002 *`) lost their paragraphs: its numbering
    // cannot be judged, and `incomplete-record` reports the loss.
    if ctx.cable.missing_sections().next().is_some() {
        return;
    }
    let paras = numbers(ctx);
    let Some(first) = paras.first() else {
        return;
    };
    if first.value != 1 {
        let mut d = ctx.report(
            first.range,
            format!("paragraph numbering starts at {} instead of 1", first.value),
        );
        // Counted from 0 without a break (`0.`, `1.`, `2.`), the paragraphs are one count off:
        // each takes the next number. A later start is mostly a later section's, and a broken
        // count has nothing to shift by.
        let consecutive = paras.windows(2).all(|w| w[1].value == w[0].value + 1);
        // A number of four digits is no paragraph number to the parser, so a renumbering that
        // reaches 1000 would leave the paragraph after it with a number written twice.
        let readable = paras.last().is_some_and(|p| p.value + 1 < MAX_NUMBER);
        if first.value == 0 && consecutive && readable {
            let edits = paras
                .iter()
                .map(|p| Edit::replace(p.range, (p.value + 1).to_string()))
                .collect();
            d.fix = Some(Fix::unsafe_("Renumber the paragraphs from 1", edits));
        }
        return;
    }
    // The cable's own number before a quoted cable or a numbered list restarted the count, which
    // the next paragraph of the cable follows (`¶4.` / `1.` `2.` / `¶5.`).
    let mut outer: Option<u32> = None;
    for (i, w) in paras.windows(2).enumerate() {
        let (prev, cur) = (w[0], w[1]);
        if cur.value == prev.value + 1 {
            continue;
        }
        // A restart at 1 is a quoted cable or a numbered list when the text explains it: a
        // quotation starts, or the cable's numbering resumes after the list (a later paragraph
        // follows the last number before it). A marked paragraph 1 right after a marked
        // paragraph 1 is no list inside it but the same number written twice (`1. (U) First.` /
        // `1. (U) Second.`), and a restart after which the cable's count never comes back
        // (`1.` `2.` `1.` `2.` `1.`) is a numbering gone wrong.
        let later = &paras[i + 2..];
        let reason = if cur.value == 1 && !(prev.value == 1 && repeated(ctx, prev, cur)) {
            explained(ctx, prev, cur).or_else(|| {
                let resumes = |o: u32| later.iter().any(|p| p.value == o + 1);
                (resumes(prev.value) || outer.is_some_and(resumes) || introduced(ctx, prev, cur))
                    .then_some(Break::Nested)
            })
        } else {
            explained(ctx, prev, cur)
        };
        if let Some(reason) = reason {
            if reason == Break::Nested && outer.is_none() {
                outer = Some(prev.value);
            }
            continue;
        }
        if outer.is_some_and(|o| cur.value == o + 1) {
            outer = None;
            continue;
        }
        let want = prev.value + 1;
        let mut d = ctx.report(
            cur.range,
            format!(
                "paragraph {} follows paragraph {}; expected {want}",
                cur.value, prev.value
            ),
        );
        d.fix = renumbering(ctx, &paras[i + 1..], prev.value);
        break;
    }
}

/// Whether a heading or a lead-in stands between two numbers before a restart at 1, so that the
/// restart starts a list or a part of its own (a quoted agreement's `ARTICLE VII`, a questionnaire's
/// `2G. Continual Progress`, `relaunch negotiations:`, `------- THE STORY -------`): a line the
/// parser took for a heading, a line ending with a colon or holding a dashed rule, or a line
/// standing alone between blank lines (or a blank line and the restart) that ends no sentence;
/// the line of the number before the restart counts (`2. (S) The points are:`).
/// A restart with none of these and no return of the cable's count is a numbering gone wrong.
fn introduced(ctx: &Context, prev: Num, cur: Num) -> bool {
    let lines = &ctx.cable.lines;
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.kind == LineKind::Blank);
    texts_between(ctx, prev, cur).any(|(i, t)| {
        let l = &lines[i];
        let t = t.trim().trim_end_matches('\\').trim_end();
        if t.is_empty() {
            return false;
        }
        let alone = i > 0
            && blank(i - 1)
            && (blank(i + 1) || lines[i + 1].range.start() >= cur.range.start())
            && !t.ends_with(['.', ',', ';', '"', ')'])
            && t.chars().count() <= 100;
        l.kind == LineKind::Heading || t.ends_with(':') || t.contains("-----") || alone
    })
}

/// Paragraph numbers from 1000 up are no paragraph numbers to the parser (it reads at most three
/// digits), so no fix writes one.
const MAX_NUMBER: u32 = 1000;

/// The fix of a break in the numbering: every paragraph from the one reported (`run[0]`) to the
/// last takes the number after the one before it, in one fix, so that one application reaches the
/// fixed point and the whole run is numbered consistently (`1.` `1.` `1.` becomes `1.` `2.` `3.`).
/// `None` when the run holds a restart at 1 that the text explains (a quotation, or a list after
/// which the cable's count resumes), whose own numbers and the cable's after it a single count
/// would break, or when a number would reach [`MAX_NUMBER`]: the break is reported, and which
/// numbers are right is the drafter's call.
fn renumbering(ctx: &Context, run: &[Num], before: u32) -> Option<Fix> {
    // Where each number is written last in the run, so that whether the count before a restart
    // resumes after it is one look-up, not a search of the rest of the run.
    let mut last_at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for (k, p) in run.iter().enumerate() {
        last_at.insert(p.value, k);
    }
    let mut edits = Vec::new();
    let mut last = before;
    for (k, p) in run.iter().enumerate() {
        if k > 0 && p.value == 1 {
            let prev = run[k - 1];
            let repeated_one = prev.value == 1 && repeated(ctx, prev, *p);
            if !repeated_one && explained(ctx, prev, *p).is_some() {
                return None;
            }
            if !repeated_one
                && (last_at.get(&(prev.value + 1)).is_some_and(|&at| at > k)
                    || introduced(ctx, prev, *p))
            {
                return None;
            }
        }
        let new = last + 1;
        if new >= MAX_NUMBER {
            return None;
        }
        if new != p.value {
            edits.push(Edit::replace(p.range, new.to_string()));
        }
        last = new;
    }
    let want = before + 1;
    let message = match edits.len() {
        1 => format!("Renumber as {want}"),
        n => format!(
            "Renumber as {want}, and the {} paragraphs after it in sequence",
            n - 1
        ),
    };
    Some(Fix::unsafe_(message, edits))
}

/// The paragraph numbers in document order: the parser's paragraphs and the numbered, marked
/// paragraphs the release joined onto a line of text (`… the members. 4. (U) Papers said`), which
/// the parser reads as part of the paragraph before.
fn numbers(ctx: &Context) -> Vec<Num> {
    // An answer keyed to a sub-paragraph of a reference (`27.A.`) carries the reference's number.
    let mut out: Vec<Num> = ctx
        .cable
        .body
        .paragraphs
        .iter()
        .filter(|p| p.key.is_none())
        .map(|p| p.number)
        .collect();
    // The parentheses of the whole text are found at once (a search in each line cost more than
    // the tests at each parenthesis) and taken line by line: the lines are in order, each
    // parenthesis in one line or between two.
    let lines = &ctx.cable.lines;
    let mut k = 0;
    for open in memchr::memchr_iter(b'(', ctx.cable.src.as_bytes()) {
        while lines.get(k).is_some_and(|l| l.range.end() <= open) {
            k += 1;
        }
        let Some(line) = lines.get(k) else {
            break;
        };
        if open < line.range.start() || !matches!(line.kind, LineKind::Paragraph | LineKind::Text) {
            continue;
        }
        let t = ctx.text(line.range);
        if let Some(j) = layout::joined_start_at(t, open - line.range.start()) {
            let digits = t[j.at..].trim_start_matches('¶');
            let start = line.range.start() + t.len() - digits.len();
            let len = digits.bytes().take_while(u8::is_ascii_digit).count();
            out.push(Num {
                range: TextRange::new(start, start + len),
                value: j.number,
            });
        }
    }
    out.sort_by_key(|n| n.range.start());
    // Paragraph 1 that the release joined onto the classification authority or the REF block is
    // one of the parser's paragraphs and stands after other words on its line: it is found
    // twice.
    out.dedup_by_key(|n| n.range);
    out
}

/// Whether `cur` is the number of `prev` written again: two marked paragraphs of the same form
/// (`¶` or none, the same punctuation and spacing between number and marking) with only blank
/// lines between them (`1. (U) First.` / `1. (U) Second.`). A restart of a different form, after other text or after
/// a release's truncated preview is a list or a copy.
fn repeated(ctx: &Context, prev: Num, cur: Num) -> bool {
    // The parser reads the paragraphs in text order: the one numbered at `n` is found by a binary
    // search, and by a walk through them should the search miss it.
    let paragraphs = &ctx.cable.body.paragraphs;
    let find = |n: Num| {
        let at = paragraphs.partition_point(|p| p.number.range.start() < n.range.start());
        paragraphs
            .get(at)
            .filter(|p| p.number.range == n.range)
            .or_else(|| paragraphs.iter().find(|p| p.number.range == n.range))
            .filter(|p| p.marking.is_some())
    };
    let (Some(a), Some(b)) = (find(prev), find(cur)) else {
        return false;
    };
    // From the number to the marking: the punctuation and spacing, `. ` in `1. (U)`.
    let after = |p: &crate::syntax::Paragraph| {
        let m = p
            .marking
            .as_ref()
            .map_or(p.number.range.end(), |m| m.range.start());
        ctx.text(TextRange::new(
            p.number.range.end(),
            m.max(p.number.range.end()),
        ))
    };
    a.pilcrow == b.pilcrow
        && after(a) == after(b)
        && a.range.end() <= b.range.start()
        && ctx
            .text(TextRange::new(a.range.end(), b.range.start()))
            .trim()
            .is_empty()
}

/// The lines from the one holding `prev` to the last one starting before `cur`, each with its
/// index and its text cut to what stands between the two numbers (from `prev`'s number on, up to
/// `cur`'s): found by a binary search (the lines are in text order), so that the tests between two
/// numbers read only the text between them. The fix of a long run of restarts tests every one, and
/// a released record's joined line may hold hundreds of numbers, each pair of which would otherwise
/// read the whole line.
fn texts_between<'x, 'a>(
    ctx: &'x Context<'_, 'a>,
    prev: Num,
    cur: Num,
) -> impl Iterator<Item = (usize, &'a str)> + 'x {
    let lines = &ctx.cable.lines;
    let from = lines.partition_point(|l| l.range.end() <= prev.range.start());
    let to = lines.partition_point(|l| l.range.start() < cur.range.start());
    (from..to.max(from)).map(move |i| {
        let r = lines[i].range;
        let start = r.start().max(prev.range.start()).min(r.end());
        let end = r.end().min(cur.range.start()).max(start);
        (i, ctx.text(TextRange::new(start, end)))
    })
}

/// Why two paragraph numbers need not follow each other.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    /// Paragraphs the release redacted stood between them.
    Redacted,
    /// A numbering of its own begins: a quoted text or a list.
    Nested,
    /// One paragraph answers a range of numbers (`4-12.`), the numbers between them.
    Range,
}

/// Whether the line text `t` starts with the range of paragraph numbers between `prev` and `cur`
/// (`4-12. (U) No data is available.` between `3.` and `13.`): one paragraph answering a range
/// of a reference's questions, as replies to a tasking cable do (10CAIRO209).
fn ranged(t: &str, prev: Num, cur: Num) -> bool {
    let Some((from, rest)) = t.split_once('-') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    from.parse::<u32>().ok() == Some(prev.value + 1)
        && rest[..digits].parse::<u32>().ok() == cur.value.checked_sub(1)
        && prev.value + 1 < cur.value - 1
        && (after.starts_with(". ") || after.starts_with(") ") || after == ".")
}

/// What in the text between two paragraph numbers that do not follow each other explains them:
/// the release's mark of redacted paragraphs (a line of `XXXXXXXXXXXX`) where numbers are
/// missing, the start of a quoted text (`Begin text of the note:`), whose numbering is its own,
/// or the number before `cur` at the start of a line the parser did not take for a paragraph
/// (`Russian side:` / `1. Official comments …`, a list restarting under a heading). Runs only
/// where the numbering breaks.
fn explained(ctx: &Context, prev: Num, cur: Num) -> Option<Break> {
    let before = cur.value.checked_sub(1).map(|v| v.to_string());
    texts_between(ctx, prev, cur).find_map(|(_, t)| {
        let t = t.trim();
        // What the release left of the paragraph's number may stand before the mark
        // (09TRIPOLI208's `1 XXXXXXXXXXXX` between `¶9.` and `¶11.`).
        let mark = t
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '¶' || c == '.')
            .trim_start();
        let redacted = mark.len() >= 6 && mark.bytes().all(|b| b == b'X' || b == b' ');
        let lower = t.to_ascii_lowercase();
        let quoted = ["begin text", "text begins", "begin quote"]
            .iter()
            .any(|w| lower.contains(w));
        let number = t.trim_start_matches('¶');
        let unread = before.as_deref().is_some_and(|b| {
            number
                .strip_prefix(b)
                .is_some_and(|r| r.starts_with(". ") || r.starts_with(") ") || r.starts_with(".\t"))
        });
        if quoted || unread {
            Some(Break::Nested)
        } else if ranged(number, prev, cur) {
            Some(Break::Range)
        } else if redacted && cur.value > prev.value {
            Some(Break::Redacted)
        } else {
            None
        }
    })
}
