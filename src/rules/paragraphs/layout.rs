//! How the text of a cable is laid out beyond what the parser records: headings the parser left as
//! text (a heading standing alone between blank lines, a heading the release joined with its
//! dashed rule on one line, `//HEADING//`), and numbered paragraphs the release joined onto the
//! line before (`… the talks. 4. (C) The delegation …`).
//!
//! These are readings of the text for the paragraph rules (where a summary's paragraph ends, which
//! paragraph numbers a cable has); they change nothing in the syntax tree.

use crate::syntax::{LineKind, TextRange};

use crate::rules::Context;

/// A paragraph number with a portion marking inside a line of text: where the number (or its `¶`)
/// starts, a byte offset into the text searched, and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinedStart {
    pub at: usize,
    pub number: u32,
}

/// The numbered, marked paragraphs that start inside `t` after its first character: a number of
/// one or two digits, a full stop (or `)`), a portion marking with a classification level and
/// text, standing after the end of a sentence (`.`, `:`, `?`, `!`, a closing quote or
/// parenthesis), after a dashed rule, or after a heading in capitals (`HAITI 5. (SBU) Affirming`).
/// A section number (`1.4 (b)`), a date (`May 5. (C)` after a word in lower case) and a reason
/// letter before `and` (`5. (B) and (D)`) are none.
pub fn joined_paragraph_starts(t: &str) -> Vec<JoinedStart> {
    // Every start has a marking's parenthesis, and most lines have none.
    memchr::memchr_iter(b'(', t.as_bytes())
        .filter_map(|open| joined_start_at(t, open))
        .collect()
}

/// The numbered, marked paragraph of [`joined_paragraph_starts`] whose marking opens at the byte
/// offset `open` of `t`, if the `(` there is one. The `(` is read backwards to the number that may
/// stand before it (up to two spaces, a full stop or `)`, one or two digits after a space or a
/// `¶` after a space), so that the tests run at those few places only.
pub fn joined_start_at(t: &str, open: usize) -> Option<JoinedStart> {
    let b = t.as_bytes();
    if b.get(open) != Some(&b'(') {
        return None;
    }
    let spaces = b[..open].iter().rev().take_while(|&&c| c == b' ').count();
    let stop = open.checked_sub(spaces + 1)?;
    if spaces > 2 || !matches!(b[stop], b'.' | b')') {
        return None;
    }
    let digits = b[..stop]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let start = stop - digits;
    let pilcrow = b[..start].ends_with("¶".as_bytes());
    let lead = if pilcrow {
        start - '¶'.len_utf8()
    } else {
        start
    };
    if !(lead > 0 && b[lead - 1] == b' ') {
        return None;
    }
    // `(` is ASCII: the slice starts on a character boundary.
    let after_stop = &t[open..];
    let close = after_stop.find(')').filter(|&c| c <= 12)?;
    let inner = &after_stop[1..close];
    let marked =
        crate::syntax::parse_marking(TextRange::empty(0), inner).is_some_and(|m| m.level.is_some());
    let text = after_stop[close + 1..].trim_start_matches(' ');
    let word = text.split_whitespace().next().unwrap_or("");
    let opens_text = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
        && !word.eq_ignore_ascii_case("and")
        && !word.eq_ignore_ascii_case("or");
    if !marked || !opens_text || !after_break(&t[..lead]) {
        return None;
    }
    let number = t[start..start + digits].parse().unwrap_or(0);
    (number > 0).then_some(JoinedStart { at: lead, number })
}

/// Whether the text before a joined paragraph number ends a sentence, a rule or a heading.
fn after_break(before: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with(['.', ':', '?', '!', '"', '”', ')', '-', '=', '\'']) {
        return true;
    }
    // A heading in capitals (at least two letters, no lower case, no digits: not `MAY 5`).
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '/' | ','))
}

/// The byte offset of the first run of at least five `-` or `=` in `t` (a dashed rule joined onto
/// a line).
pub fn rule_run(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'-' || c == b'=' {
            run += 1;
            if run == 5 {
                return Some(i + 1 - run);
            }
        } else {
            run = 0;
        }
    }
    None
}

/// Whether line `i` is a heading: the parser's heading, a dashed rule, a heading joined with its
/// rule (`TIMING ------`, `------ Outlook ------`), a `//HEADING//` line, or a short line standing
/// alone between blank lines that starts with a capital, does not end a sentence (`.`, `,`,
/// `;`), follows the end of a sentence and is not followed by text in lower case (the next words
/// of a sentence in double-spaced text); a line in capitals may follow any line of text in mixed
/// case. With `opener`, the line starts with a summary or comment
/// word, and the sentence before is not asked for.
pub fn heading_line(ctx: &Context, i: usize, opener: bool) -> bool {
    let lines = &ctx.cable.lines;
    let Some(line) = lines.get(i) else {
        return false;
    };
    if line.kind == LineKind::Heading {
        return true;
    }
    let t = ctx.text(line.range).trim();
    if t.is_empty() || crate::syntax::paragraph_start(t).is_some() {
        return false;
    }
    if crate::syntax::is_rule_line(t) {
        return true;
    }
    if let Some(at) = rule_run(t) {
        // The words besides the dashes are a heading's: short, no sentence ending inside.
        let words: String = t
            .split(['-', '='])
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        return !words.is_empty()
            && words.chars().count() <= 100
            && (at == 0 || t[..at].trim_end().chars().count() <= 100)
            && !words.ends_with([',', ';'])
            && !words.contains(". ");
    }
    if t.len() >= 4 && t.starts_with("//") && t.ends_with("//") && t.chars().count() <= 100 {
        return true;
    }
    let blank = |j: usize| {
        lines
            .get(j)
            .is_none_or(|l| ctx.text(l.range).trim().is_empty())
    };
    if i == 0 || !blank(i - 1) || !blank(i + 1) || t.chars().count() > 80 {
        return false;
    }
    if !t.starts_with(|c: char| c.is_uppercase()) || t.ends_with(['.', ',', ';']) {
        return false;
    }
    let text_line = |j: &usize| !ctx.text(lines[*j].range).trim().is_empty();
    if let Some(next) = (i + 1..lines.len()).find(text_line) {
        let n = ctx.text(lines[next].range).trim_start();
        if n.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
    }
    // A line in capitals after text in mixed case is a heading after any line (`… End comment`).
    let capitals = !t.chars().any(char::is_lowercase);
    if opener {
        return true;
    }
    match (0..i).rev().find(text_line) {
        None => true,
        Some(prev) => {
            let p = ctx.text(lines[prev].range).trim_end();
            lines[prev].kind == LineKind::Heading
                || crate::syntax::is_rule_line(p.trim_start())
                || p.ends_with(['.', '!', '?', '"', '”', '\'', ')', ']', ':'])
                || (capitals && p.chars().any(char::is_lowercase))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_paragraph_starts_are_found_after_a_break() {
        let starts = |t: &str| -> Vec<u32> {
            joined_paragraph_starts(t)
                .iter()
                .map(|s| s.number)
                .collect()
        };
        assert_eq!(starts("the members. 4. (U) Papers said"), vec![4]);
        assert_eq!(starts("and Norway: 9. (C) Northern affairs"), vec![9]);
        assert_eq!(starts("RELATIONS WITH PERU 5. (SBU) Affirming"), vec![5]);
        assert_eq!(starts("text. ¶7. (C) More"), vec![7]);
        // A section number, a date, reason letters and a list item are no paragraphs.
        assert!(starts("Reasons 1.4 (B) and (D)").is_empty());
        assert!(starts("met on May 5. (C) The talks").is_empty());
        assert!(starts("reason 5. (B) and (D)").is_empty());
        assert!(starts("the items: 2. (a) the first").is_empty());
    }

    #[test]
    fn a_joined_start_is_a_short_number_after_a_space_and_before_a_marking() {
        let starts = |t: &str| -> Vec<(usize, u32)> {
            joined_paragraph_starts(t)
                .iter()
                .map(|s| (s.at, s.number))
                .collect()
        };
        // Where the number (or its `¶`) starts, and several in one line.
        assert_eq!(
            starts("said. 4. (U) Papers. 5. (C) More"),
            vec![(6, 4), (21, 5)]
        );
        assert_eq!(starts("said. ¶12) (C) More"), vec![(6, 12)]);
        assert_eq!(starts("said. 4.  (C) Two spaces"), vec![(6, 4)]);
        // Three digits, three spaces, no space before the number, a number at the start of the
        // line and a `(` with nothing before it are none.
        assert!(starts("said. 123. (C) More").is_empty());
        assert!(starts("said. 4.   (C) More").is_empty());
        assert!(starts("said.4. (C) More").is_empty());
        assert!(starts("said.¶4. (C) More").is_empty());
        assert!(starts("4. (C) More").is_empty());
        assert!(starts("(C) More. (").is_empty());
        // Wide characters around the number are read without a panic.
        assert_eq!(starts("€. 4. (C) Ü"), vec![(5, 4)]);
        assert!(starts("€4. (C) Ü (€").is_empty());
    }

    #[test]
    fn rule_runs_are_found() {
        assert_eq!(rule_run("TIMING -----"), Some(7));
        assert_eq!(rule_run("a -- b"), None);
        assert!(crate::syntax::is_rule_line("----- --"));
        assert!(!crate::syntax::is_rule_line("-- a"));
    }
}
