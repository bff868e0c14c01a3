//! `--fix`, `--unsafe-fixes` and `--diff`: applying fixes until none apply, keeping the file's line
//! endings, and writing the result atomically.

use std::io::{self, Write};
use std::path::Path;

use crate::rules::{apply_fixes, Applicability, Diagnostic, Edit, Fix};

/// At most this many rounds of check-and-fix per file.
pub const MAX_ROUNDS: usize = 10;

/// The result of fixing one text.
#[derive(Debug)]
pub struct Fixed {
    pub text: String,
    /// Fixes applied over all rounds.
    pub fixed: usize,
    /// The diagnostics of the final text.
    pub diagnostics: Vec<Diagnostic>,
}

/// Applies fixes (safe ones, and unsafe ones with `unsafe_fixes`) to `text`, checking again after
/// each round, until no fix applies or [`MAX_ROUNDS`] rounds have run. New line breaks in a fix take
/// the text's line ending. A fix with edits outside the text, off character boundaries or
/// overlapping one another is skipped rather than trusted.
pub fn fix_until_stable(
    text: String,
    unsafe_fixes: bool,
    check: impl Fn(&str) -> Vec<Diagnostic>,
) -> Fixed {
    let mut text = text;
    let mut fixed = 0;
    let mut diagnostics = check(&text);
    for _ in 0..MAX_ROUNDS {
        let eol = line_ending(&text);
        let mut fixes: Vec<Fix> = Vec::new();
        let mut previous: Option<&Fix> = None;
        for f in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
            let wanted = match f.applicability {
                Applicability::Safe => true,
                Applicability::Unsafe => unsafe_fixes,
                Applicability::DisplayOnly => false,
            };
            // Several diagnostics may share one fix (one for a whole line); take it once.
            if wanted && previous != Some(f) && is_valid(f, &text) {
                fixes.push(with_line_ending(f, eol));
                previous = Some(f);
            }
        }
        if fixes.is_empty() {
            break;
        }
        let (new_text, applied) = apply_fixes(&text, fixes.iter());
        if applied == 0 || new_text == text {
            break;
        }
        fixed += applied;
        text = new_text;
        diagnostics = check(&text);
    }
    Fixed {
        text,
        fixed,
        diagnostics,
    }
}

/// The text's line ending, from its first line break (`\n` when it has none).
pub fn line_ending(text: &str) -> &'static str {
    match memchr::memchr2(b'\n', b'\r', text.as_bytes()) {
        Some(i) if text.as_bytes()[i] == b'\r' => {
            if text.as_bytes().get(i + 1) == Some(&b'\n') {
                "\r\n"
            } else {
                "\r"
            }
        }
        _ => "\n",
    }
}

/// Whether every edit lies inside the text, on character boundaries, in order and apart.
fn is_valid(fix: &Fix, text: &str) -> bool {
    let mut at = 0usize;
    let mut edits: Vec<&Edit> = fix.edits.iter().collect();
    edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    for e in edits {
        let (s, t) = (e.range.start(), e.range.end());
        if s < at
            || s > t
            || t > text.len()
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(t)
        {
            return false;
        }
        at = t;
    }
    true
}

/// The fix with the line breaks of its new text written as `eol`.
fn with_line_ending(fix: &Fix, eol: &str) -> Fix {
    let mut fix = fix.clone();
    for e in &mut fix.edits {
        if e.new_text.contains(['\n', '\r']) {
            let normal = e.new_text.replace("\r\n", "\n").replace('\r', "\n");
            e.new_text = if eol == "\n" {
                normal
            } else {
                normal.replace('\n', eol)
            };
        }
    }
    fix
}

/// Replaces a file's contents atomically: the new contents go to a temporary file in the same
/// directory, which takes the old file's permissions and is then renamed over it. A symbolic link
/// is followed, so the link stays a link.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".cablelint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff between the old and new text of a file, empty when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::testing::diag;
    use crate::rules::{Rule, Severity};
    use crate::syntax::TextRange;

    /// A stand-in check: every `[X](#)` is reported with a safe fix removing the markup, and
    /// `END` missing after `SUMMARY` gets a safe fix inserting a line.
    fn fake_check(text: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if let Some(i) = text.find("](#)") {
            let open = text[..i].rfind('[').unwrap();
            out.push(
                diag(Rule::TagsMarkup, open, i + 4, Severity::Error, "markup").with_fix(Fix::safe(
                    "Remove the link markup",
                    vec![
                        Edit::delete(TextRange::new(open, open + 1)),
                        Edit::delete(TextRange::new(i, i + 4)),
                    ],
                )),
            );
        }
        if let Some(i) = text.find("SUMMARY") {
            if !text.contains("END SUMMARY") {
                let eol = text[i..].find('\n').map_or(text.len(), |j| i + j + 1);
                out.push(
                    diag(
                        Rule::UnclosedSummary,
                        i,
                        i + 7,
                        Severity::Warning,
                        "unclosed",
                    )
                    .with_fix(Fix::unsafe_(
                        "Close it",
                        vec![Edit::insert(eol, "END SUMMARY\n")],
                    )),
                );
            }
        }
        out
    }

    #[test]
    fn fixes_repeat_until_none_applies() {
        // Only the first markup is reported per round, so three rounds are needed.
        let f = fix_until_stable("TAGS: [A](#) [B](#) [C](#)\n".into(), false, fake_check);
        assert_eq!(f.text, "TAGS: A B C\n");
        assert_eq!(f.fixed, 3);
        assert!(f.diagnostics.is_empty());
    }

    #[test]
    fn unsafe_fixes_need_asking_and_keep_crlf() {
        let text = "SUMMARY\r\nTEXT\r\n".to_string();
        let f = fix_until_stable(text.clone(), false, fake_check);
        assert_eq!((f.text.as_str(), f.fixed), (text.as_str(), 0));
        assert_eq!(f.diagnostics.len(), 1);
        let f = fix_until_stable(text, true, fake_check);
        assert_eq!(f.text, "SUMMARY\r\nEND SUMMARY\r\nTEXT\r\n");
        assert_eq!(f.fixed, 1);
    }

    #[test]
    fn a_fix_that_never_settles_stops_after_the_round_limit() {
        let grow = |text: &str| {
            vec![diag(Rule::LineTooLong, 0, 0, Severity::Info, "m")
                .with_fix(Fix::safe("grow", vec![Edit::insert(text.len(), "x")]))]
        };
        let f = fix_until_stable(String::new(), false, grow);
        assert_eq!(f.text, "x".repeat(MAX_ROUNDS));
        assert_eq!(f.fixed, MAX_ROUNDS);
    }

    #[test]
    fn broken_fixes_are_skipped_not_applied() {
        let broken = |_: &str| {
            vec![
                diag(Rule::LineTooLong, 0, 0, Severity::Info, "m")
                    .with_fix(Fix::safe("past the end", vec![Edit::insert(99, "x")])),
                diag(Rule::LineTooLong, 0, 0, Severity::Info, "m").with_fix(Fix::safe(
                    "inside a character and overlapping",
                    vec![
                        Edit::delete(TextRange::new(0, 1)),
                        Edit::delete(TextRange::new(0, 2)),
                    ],
                )),
            ]
        };
        let f = fix_until_stable("¶x".into(), false, broken);
        assert_eq!((f.text.as_str(), f.fixed), ("¶x", 0));
    }

    #[test]
    fn line_endings() {
        assert_eq!(line_ending("a\r\nb\n"), "\r\n");
        assert_eq!(line_ending("a\nb\r\n"), "\n");
        assert_eq!(line_ending("a\rb"), "\r");
        assert_eq!(line_ending("a"), "\n");
    }

    #[test]
    fn atomic_write_keeps_permissions_and_links() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("x.cable");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = tmp.path().join("link.cable");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn diffs() {
        assert_eq!(unified_diff("x", "a\n", "a\n"), "");
        let d = unified_diff("x.cable", "a\nb\n", "a\nc\n");
        assert_eq!(
            d,
            "--- a/x.cable\n+++ b/x.cable\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
        );
    }
}
