//! Every completion item, over the protocol: its `textEdit` replaces the whole element under the
//! cursor (not only the word before it) on the cursor's line; and the item the drafter wants has a
//! `filterText` (or label) starting with the text typed from the range's start to the cursor, as
//! Neovim's prefix matching needs to keep it. Cables we wrote; the real server over an in-memory stream.

#[path = "lsp_harness.rs"]
mod harness;
mod support;

use harness::*;
use serde_json::{json, Value};

const URI: &str = "file:///nonexistent-ws/ranges.cable";

/// (what is tested, the line of OSLO to replace, its replacement, the text before the cursor on
/// that line, the whole element the items replace, the label of the item wanted: empty for the
/// first, the date-time group of now)
const CASES: [(&str, &str, &str, &str, &str, &str); 9] = [
    (
        "a tag with the cursor inside",
        "TAGS: PREL PGOV ENRG NO",
        "TAGS: PGOV PREL NO",
        "TAGS: PGOV PR",
        "PREL",
        "PREF",
    ),
    (
        "a tag by country name",
        "TAGS: PREL PGOV ENRG NO",
        "TAGS: PGOV JAP",
        "TAGS: PGOV JAP",
        "JAP",
        "JA",
    ),
    (
        "an addressee from inside it",
        "RUEHHE/AMEMBASSY HELSINKI 0388",
        "RUEHMO/AMEMBASSY MOSCOW PRIORITY 0388",
        "RUEH",
        "RUEHMO/AMEMBASSY MOSCOW",
        "RUEHLO/AMEMBASSY LONDON",
    ),
    (
        "an addressee by city",
        "RUEHHE/AMEMBASSY HELSINKI 0388",
        "TOKYO",
        "TOKYO",
        "TOKYO",
        "RUEHKO/AMEMBASSY TOKYO",
    ),
    (
        "a banner typed spaced",
        "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217",
        "C O N",
        "C O N",
        "C O N",
        "C O N F I D E N T I A L",
    ),
    (
        "the date-time group",
        "P 140930Z MAR 08",
        "P 140930Z MAR 08",
        "P 14",
        "140930Z MAR 08",
        "",
    ),
    (
        "a reason list",
        "Classified By: Ambassador Jane Q. Example. Reasons 1.4 (b) and (d)",
        "Classified By: Ambassador Jane Q. Example. Reasons 1.4 (b)",
        "Classified By: Ambassador Jane Q. Example. Reasons 1",
        "1.4 (b)",
        "1.4 (b) and (d)",
    ),
    (
        "a reason letter",
        "Classified By: Ambassador Jane Q. Example. Reasons 1.4 (b) and (d)",
        "Classified By: Ambassador Jane Q. Example. Reasons 1.4 (b) and (d",
        "Classified By: Ambassador Jane Q. Example. Reasons 1.4 (b) and (d",
        "(d",
        "(d)",
    ),
    (
        "the DE line",
        "DE RUEHNY #0217/01 0740930",
        "D",
        "D",
        "D",
        "DE RUEHNY #0217/01 0740930",
    ),
];

/// Changes the document to `text` (as `version`) and asks for completion at `column` (UTF-16
/// units) of the line where `line_text` first stands in it: that line's number (0-based) and the
/// items of the list, with the list itself.
async fn complete_in(
    c: &mut TestClient,
    version: i64,
    text: &str,
    line_text: &str,
    column: u32,
) -> (u32, Vec<Value>, Value) {
    c.change(URI, version, json!([{ "text": text }])).await;
    let at = text.find(line_text).expect("the line is in the text");
    let line = text[..at].matches('\n').count() as u32;
    let list = c
        .call(
            "textDocument/completion",
            json!({ "textDocument": { "uri": URI }, "position": pos(line, column) }),
        )
        .await;
    let items = list["items"].as_array().cloned().unwrap_or_default();
    (line, items, list)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_item_replaces_the_whole_element_and_filters_on_what_is_typed() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    for (version, (what, line_text, replacement, typed, element, wanted)) in
        CASES.into_iter().enumerate()
    {
        let text = OSLO.replacen(line_text, replacement, 1);
        let (line, items, list) = complete_in(
            &mut c,
            version as i64 + 2,
            &text,
            replacement,
            typed.len() as u32,
        )
        .await;
        assert!(!items.is_empty(), "{what}: no items");
        let element_start = replacement.find(element).unwrap() as u32;
        for item in &items {
            let range = &item["textEdit"]["range"];
            assert_eq!(range["start"], pos(line, element_start), "{what}: {item}");
            assert_eq!(
                range["end"],
                pos(line, element_start + element.len() as u32),
                "{what}: {item}"
            );
        }
        let item = items
            .iter()
            .find(|i| i["label"] == wanted || wanted.is_empty())
            .unwrap_or_else(|| panic!("{what}: no `{wanted}` in {list}"));
        {
            let typed_part = &typed[element_start as usize..];
            let filter = item["filterText"]
                .as_str()
                .or(item["label"].as_str())
                .unwrap();
            assert!(
                filter
                    .to_ascii_uppercase()
                    .starts_with(&typed_part.to_ascii_uppercase()),
                "{what}: `{filter}` does not start with `{typed_part}`"
            );
        }
    }
    c.stop().await;
}

/// Whether VS Code's filter would keep an item for `typed`: the letters of `typed`, in order,
/// in the item's filter text (or label), the first at the start of a word of it.
fn vscode_keeps(item: &Value, typed: &str) -> bool {
    let filter = item["filterText"]
        .as_str()
        .or(item["label"].as_str())
        .unwrap()
        .to_ascii_uppercase();
    let typed = typed.to_ascii_uppercase();
    let mut want = typed.chars().peekable();
    let mut prev = ' ';
    let mut started = false;
    for c in filter.chars() {
        if want.peek() == Some(&c) && (started || !prev.is_ascii_alphanumeric()) {
            started = true;
            want.next();
        }
        prev = c;
    }
    want.peek().is_none()
}

/// The tag labels an editor shows at `TAGS: PREL <typed>` after it asked at `TAGS: PREL <asked>`
/// and went on typing: it narrows the first list itself unless that list was marked incomplete,
/// in which case it asks again.
async fn tags_shown(c: &mut TestClient, version: i64, asked: &str, typed: &str) -> Vec<String> {
    let text_of = |t: &str| OSLO.replacen("TAGS: PREL PGOV ENRG NO", &format!("TAGS: PREL {t}"), 1);
    let column = |t: &str| 11 + t.len() as u32;
    let (_, mut items, list) =
        complete_in(c, version, &text_of(asked), "TAGS:", column(asked)).await;
    if list["isIncomplete"] == true && asked != typed {
        (_, items, _) = complete_in(c, version + 1, &text_of(typed), "TAGS:", column(typed)).await;
    }
    items.retain(|i| vscode_keeps(i, typed));
    items.sort_by_key(|i| i["sortText"].as_str().unwrap_or("").to_string());
    items
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tag_typed_by_country_name_is_found_after_a_one_letter_list() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    let mut version = 2;
    for (asked, typed, tag) in [
        ("G", "GERMA", "GM"),
        ("GERMA", "GERMA", "GM"),
        ("F", "FRA", "FR"),
        ("FRA", "FRA", "FR"),
    ] {
        let shown = tags_shown(&mut c, version, asked, typed).await;
        version += 2;
        assert_eq!(
            shown.first().map(String::as_str),
            Some(tag),
            "asked at `{asked}`, typed `{typed}`: {shown:?}"
        );
    }
    c.stop().await;
}

/// A character of two UTF-16 units before the cursor on the line (an emoji): the items replace
/// the tag under the cursor and nothing before it. Accepting one gives the line with the tag
/// mended and the emoji and the space kept; a character of one unit (`é`) the same. (The emoji
/// was once read as the first word of a tag's name, which the name search folds away.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_completion_after_a_non_ascii_character_replaces_only_the_element() {
    let mut c = TestClient::start(Setup::default()).await;
    c.open(URI, 1, OSLO).await;
    for (version, before) in [(2, "😀"), (3, "é")] {
        let written = format!("TAGS: {before} PRLE NO");
        let text = OSLO.replacen("TAGS: PREL PGOV ENRG NO", &written, 1);
        // After the `P`, in UTF-16 units.
        let cursor = format!("TAGS: {before} P").encode_utf16().count() as u32;
        let (line, items, list) = complete_in(&mut c, version, &text, &written, cursor).await;
        let item = items
            .iter()
            .find(|i| i["label"] == "PREL")
            .unwrap_or_else(|| panic!("{before}: no PREL in {list}"));
        let accepted = apply_lsp_edits(
            &text,
            std::slice::from_ref(&item["textEdit"]),
            cablelint::syntax::ColumnUnit::Utf16,
        );
        let got = accepted.lines().nth(line as usize).unwrap();
        assert_eq!(got, format!("TAGS: {before} PREL NO"), "{before}: {item}");
    }
    c.stop().await;
}
