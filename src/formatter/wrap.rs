//! Words → units that are never split → lines of at most a given width.

use std::borrow::Cow;

use crate::syntax::{parse_marking, TextRange};

/// A piece of text a line is never broken inside: a word, a portion marking with spaces
/// (`(S/REL TO USA, FVEY)`) or a run of redaction words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<'a> {
    pub text: Cow<'a, str>,
    /// The width in characters.
    pub width: usize,
}

impl<'a> Unit<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> Unit<'a> {
        let text = text.into();
        let width = char_width(&text);
        Unit { text, width }
    }
}

/// The width of a text in characters (bytes for ASCII, the common case).
pub fn char_width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether a word is a redaction run (`XXXXXXXXXXXX`, five or more X's in either case).
fn is_redaction(w: &str) -> bool {
    w.len() >= 5 && w.bytes().all(|b| b == b'X' || b == b'x')
}

/// Whether a word is `summary`, `comment` or `note` in any case, with any punctuation after it.
pub fn is_marker_word(w: &str) -> bool {
    let w = w.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    ["summary", "comment", "note"]
        .iter()
        .any(|m| w.eq_ignore_ascii_case(m))
}

/// Groups words into units: a portion marking written with spaces becomes one unit, and so does a
/// run of redaction words.
pub fn units<'a>(words: &[&'a str]) -> Vec<Unit<'a>> {
    let mut out: Vec<Unit<'a>> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w.as_bytes().first() == Some(&b'(') && !w.contains(')') {
            // A marking with spaces: `(S/REL TO NATO)`, `(C NF)`.
            if let Some(end) = (i + 1..words.len().min(i + 10)).find(|&j| words[j].contains(')')) {
                if words[end].ends_with(')') {
                    let joined = words[i..=end].join(" ");
                    let inner = &joined[1..joined.len() - 1];
                    if parse_marking(TextRange::new(0, joined.len()), inner).is_some() {
                        out.push(Unit::new(joined));
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        // `End Summary.`, `END COMMENT`, `Begin Note`: split across lines, the closer or opener
        // would no longer be read as one.
        if (w.eq_ignore_ascii_case("end") || w.eq_ignore_ascii_case("begin"))
            && words.get(i + 1).is_some_and(|n| is_marker_word(n))
        {
            out.push(Unit::new(format!("{w} {}", words[i + 1])));
            i += 2;
            continue;
        }
        if is_redaction(w) {
            let mut end = i;
            while end + 1 < words.len() && is_redaction(words[end + 1]) {
                end += 1;
            }
            if end > i {
                out.push(Unit::new(words[i..=end].join(" ")));
                i = end + 1;
                continue;
            }
        }
        out.push(Unit::new(w));
        i += 1;
    }
    out
}

/// Greedy wrapping: units joined by single spaces, a new line whenever the next unit would pass
/// `width`, unless `may_start(rest)` says that the units `rest` must not begin a line (then the
/// unit stays on the line, which is longer than `width`). A unit wider than `width` gets a line
/// of its own.
pub fn wrap(units: &[Unit], width: usize, may_start: impl Fn(&[Unit]) -> bool) -> Vec<String> {
    let mut lines = Vec::new();
    let Some(first) = units.first() else {
        return lines;
    };
    let mut line = String::with_capacity(width + 8);
    line.push_str(&first.text);
    let mut w = first.width;
    for (k, u) in units.iter().enumerate().skip(1) {
        if w + 1 + u.width > width && may_start(&units[k..]) {
            lines.push(std::mem::take(&mut line));
            line.push_str(&u.text);
            w = u.width;
        } else {
            line.push(' ');
            line.push_str(&u.text);
            w += 1 + u.width;
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(us: &[Unit]) -> Vec<String> {
        us.iter().map(|u| u.text.to_string()).collect()
    }

    #[test]
    fn markings_with_spaces_and_redaction_runs_are_single_units() {
        let us = units(&[
            "1.",
            "(S/REL",
            "TO",
            "USA,",
            "FVEY)",
            "said",
            "XXXXX",
            "XXXXXXXXXXXX",
            "(not",
            "a",
            "marking)",
            "End",
            "Summary.",
            "end",
            "of",
        ]);
        assert_eq!(
            texts(&us),
            [
                "1.",
                "(S/REL TO USA, FVEY)",
                "said",
                "XXXXX XXXXXXXXXXXX",
                "(not",
                "a",
                "marking)",
                "End Summary.",
                "end",
                "of"
            ]
        );
        assert_eq!(us[1].width, 20);
    }

    #[test]
    fn wraps_greedily_and_respects_forbidden_starts() {
        let us = units(&["aaa", "bbb", "ccc", "dd"]);
        assert_eq!(wrap(&us, 7, |_| true), ["aaa bbb", "ccc dd"]);
        assert_eq!(wrap(&us, 7, |r| r[0].text != "ccc"), ["aaa bbb ccc", "dd"]);
        let us = units(&["¶¶¶¶", "ééé"]);
        assert_eq!(wrap(&us, 8, |_| true), ["¶¶¶¶ ééé"]);
        assert_eq!(
            wrap(&units(&["abcdefghij", "k"]), 5, |_| true),
            ["abcdefghij", "k"]
        );
    }
}
