//! Placeholders: the parts of a skeleton cable that the drafter must still write, written
//! `[[SUBJECT]]` (`cablelint new`, the editor's skeleton snippet, the `placeholder` rule).
//!
//! Double square brackets occur in none of the 3,913 cables of the two corpora (nor does a
//! telegram form have a use for them), so a placeholder is never mistaken for cable text.

/// What opens a placeholder.
pub const PLACEHOLDER_OPEN: &str = "[[";
/// What closes a placeholder.
pub const PLACEHOLDER_CLOSE: &str = "]]";

/// The placeholder for `what`: `[[SUBJECT]]`.
pub fn placeholder(what: &str) -> String {
    format!("{PLACEHOLDER_OPEN}{what}{PLACEHOLDER_CLOSE}")
}

/// The byte ranges of the placeholders in `text`, in order: `[[`, at least one character that is
/// not a line break nor `[` or `]`, and `]]`, all on one line.
pub fn placeholders(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        // A vectorised search: this runs over every cable's whole text.
        let start =
            from + memchr::memmem::find(&text.as_bytes()[from..], PLACEHOLDER_OPEN.as_bytes())?;
        let inner = start + PLACEHOLDER_OPEN.len();
        let len = text[inner..]
            .bytes()
            .take_while(|b| !matches!(b, b'\n' | b'\r' | b'[' | b']'))
            .count();
        let end = inner + len;
        if len > 0 && text[end..].starts_with(PLACEHOLDER_CLOSE) {
            from = end + PLACEHOLDER_CLOSE.len();
            return Some(start..from);
        }
        from = start + 1;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_on_one_line() {
        let text = "SUBJECT: [[SUBJECT]]\n1. (C) [[TEXT OF PARAGRAPH 1]]\n[[ ]] [[]] [[A\nB]] [x]";
        let found: Vec<&str> = placeholders(text).map(|r| &text[r]).collect();
        assert_eq!(found, ["[[SUBJECT]]", "[[TEXT OF PARAGRAPH 1]]", "[[ ]]"]);
        assert_eq!(placeholder("SUBJECT"), "[[SUBJECT]]");
        assert_eq!(placeholders("[[[X]]]").count(), 1);
    }
}
