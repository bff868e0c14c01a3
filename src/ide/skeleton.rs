//! Completion in an empty document: the skeleton of a new cable, the one `cablelint new` prints
//! ([`crate::workspace::draft`]), with the `[draft]` defaults of the document's `cablelint.toml`.
//! It is kept apart from [`super::completion`], which completes inside a cable.

use super::DateTime;
use crate::config::DraftConfig;
use crate::data::Tables;
use crate::formatter::FormatOptions;
use crate::syntax::TextRange;
use crate::workspace::draft::{skeleton, text_skeleton, DraftOptions, DraftTime, FolderState};

/// The skeleton offered as a completion item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkeletonItem {
    pub label: String,
    /// One line shown beside the label: the post and the serial.
    pub detail: String,
    /// The skeleton in snippet syntax, its placeholders as tab stops (`${1:[[TAGS]]}`).
    pub snippet: String,
    /// The skeleton as plain text, for clients without snippet support.
    pub plain: String,
    /// The range the item replaces: the whole (blank) document.
    pub replace: TextRange,
    /// Markdown shown with the item: for the text-only skeleton, what the `[draft]` table needs for
    /// the whole one and why it is not offered.
    pub documentation: Option<String>,
}

/// The documentation of the text-only skeleton: the `[draft]` keys that give the whole one.
const DRAFT_KEYS: &str = "The skeleton with its transmission header (routing line, DE line, \
date-time group, FM and TO lines, the next serial and message continuity numbers) needs the \
post and the usual addressees in the `[draft]` table of the `cablelint.toml` that applies to this \
document:\n\n```toml\n[draft]\npost = \"AMEMBASSY OSLO\"   # the FM post: a name or a station\n\
to = [\"SECSTATE WASHDC\"]   # the action addressees\ninfo = [\"USMISSION USNATO\"] # optional\n\
```\n\nWithout them this item writes the text alone, its banner's origin and serial \
placeholders (`[[POST]] [[SERIAL]]`).";

/// The skeleton item for a document, when the document holds nothing but whitespace: the whole
/// cable when the `[draft]` table names a known post and at least one action addressee (the
/// skeleton's FM and TO lines), else the text alone with placeholders for the banner's origin and
/// serial, its documentation naming the `[draft]` keys (and why the whole one was not written),
/// so that the item is always there to find, as rust-analyzer's and taplo's are. `None` for a
/// document with text. The skeleton is laid out with `format`, the `[format]` options of the
/// document's `cablelint.toml`.
pub fn skeleton_completion(
    text: &str,
    tables: &Tables,
    draft: &DraftConfig,
    format: &FormatOptions,
    folder: &FolderState,
    now: DateTime,
) -> Option<SkeletonItem> {
    if !text.trim().is_empty() {
        return None;
    }
    let time = DraftTime {
        date: now.date,
        hour: now.hour,
        minute: now.minute,
    };
    let options = DraftOptions {
        format: *format,
        ..DraftOptions::new(time).or_config(draft)
    };
    let (s, documentation) = match skeleton(&options, tables, folder) {
        Ok(s) => (s, None),
        Err(why) => {
            // The `[draft]` defaults that can stand without a post (classification, captions,
            // tags), else none of them.
            let s = text_skeleton(&options, tables)
                .or_else(|_| {
                    let bare = DraftOptions {
                        format: *format,
                        ..DraftOptions::new(time)
                    };
                    text_skeleton(&bare, tables)
                })
                .ok()?;
            // The editor's wording: the `[draft]` keys, not the options of `cablelint new`.
            let shown = why.in_editor();
            (
                s,
                Some(format!("{DRAFT_KEYS}\n\nNot written whole: {shown}.")),
            )
        }
    };
    if documentation.is_some() {
        let banner = s.text.lines().next().unwrap_or_default().to_string();
        return Some(SkeletonItem {
            label: "New cable (text only)".to_string(),
            detail: format!("{banner} · set [draft] post and to for the header"),
            snippet: s.snippet(),
            plain: s.text,
            replace: TextRange::new(0, text.len()),
            documentation,
        });
    }
    // The header has no blank line, so the banner opens the second block.
    let banner = s
        .text
        .split("\n\n")
        .nth(1)
        .and_then(|b| b.lines().next())
        .unwrap_or_default()
        .to_string();
    Some(SkeletonItem {
        label: "New cable".to_string(),
        detail: banner,
        snippet: s.snippet(),
        plain: s.text,
        replace: TextRange::new(0, text.len()),
        documentation: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Date;

    fn now() -> DateTime {
        DateTime {
            date: Date::new(2026, 11, 30).unwrap(),
            hour: 9,
            minute: 30,
        }
    }

    #[test]
    fn an_empty_document_gets_the_skeleton_of_the_draft_table() {
        let draft = DraftConfig {
            post: Some("AMEMBASSY OSLO".into()),
            to: vec!["SECSTATE WASHDC".into()],
            ..DraftConfig::default()
        };
        let tables = Tables::builtin();
        let folder = FolderState::default();
        let item = skeleton_completion(
            "\n  \n",
            tables,
            &draft,
            &FormatOptions::default(),
            &folder,
            now(),
        )
        .unwrap();
        assert_eq!(item.replace, TextRange::new(0, 4));
        assert_eq!(item.detail, "UNCLAS OSLO 000001");
        assert!(item
            .plain
            .starts_with("VZCZCXRO0001\nRR RUEHC\nDE RUEHNY #0001 3340930\n"));
        assert!(
            item.snippet.contains("TAGS: ${1:[[TAGS]]} NO\n"),
            "{}",
            item.snippet
        );
        assert!(!item.plain.contains("${"));
        assert!(skeleton_completion(
            "U",
            tables,
            &draft,
            &FormatOptions::default(),
            &folder,
            now()
        )
        .is_none());
        // Without `[draft]` the text alone is offered, its documentation naming the keys.
        let text_only = skeleton_completion(
            "",
            tables,
            &DraftConfig::default(),
            &FormatOptions::default(),
            &folder,
            now(),
        )
        .unwrap();
        assert_eq!(text_only.label, "New cable (text only)");
        assert!(text_only.plain.starts_with("UNCLAS [[POST]] [[SERIAL]]\n"));
        assert!(text_only
            .documentation
            .is_some_and(|d| d.contains("post = ") && d.contains("to = ")));
    }
}
