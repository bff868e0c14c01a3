//! Completion in an empty document: the skeleton of a new cable, the one `cablelint new` prints
//! ([`crate::workspace::draft`]), with the `[draft]` defaults of the document's `cablelint.toml`.
//! It is kept apart from [`super::completion`], which completes inside a cable.

use super::DateTime;
use crate::config::DraftConfig;
use crate::data::Tables;
use crate::syntax::TextRange;
use crate::workspace::draft::{skeleton, DraftOptions, DraftTime, FolderState};

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
}

/// The skeleton item for a document, when the document holds nothing but whitespace and the
/// `[draft]` table names a post and at least one action addressee (the skeleton's FM and TO
/// lines); `None` otherwise, or when those defaults name no known post.
pub fn skeleton_completion(
    text: &str,
    tables: &Tables,
    draft: &DraftConfig,
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
    let options = DraftOptions::new(time).or_config(draft);
    let s = skeleton(&options, tables, folder).ok()?;
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
        let item = skeleton_completion("\n  \n", tables, &draft, &folder, now()).unwrap();
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
        assert!(skeleton_completion("U", tables, &draft, &folder, now()).is_none());
        assert!(skeleton_completion("", tables, &DraftConfig::default(), &folder, now()).is_none());
    }
}
