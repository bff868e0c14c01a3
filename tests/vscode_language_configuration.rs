//! VS Code's language configuration for cables: what typing gives in the buffer with its
//! auto-closing pairs, simulated as VS Code applies them (an opening character typed before
//! whitespace or the end of the line also writes its closing one; a closing character typed over
//! an auto-inserted one moves past it, unless a completion was accepted since, after which VS Code
//! no longer types over it).

use serde_json::Value;

fn auto_closing_pairs() -> Vec<(char, char)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/editors/vscode/language-configuration.json"
    );
    let config: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    config["autoClosingPairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let one = |k: &str| p[k].as_str().unwrap().chars().next().unwrap();
            (one("open"), one("close"))
        })
        .collect()
}

/// The line after typing `typed` character by character at the end of an empty line; a `|` in
/// `typed` is where a completion was accepted (its text is typed around it).
fn typed_line(typed: &str, pairs: &[(char, char)]) -> String {
    let mut line: Vec<char> = Vec::new();
    let mut cursor = 0;
    let mut auto: Vec<usize> = Vec::new();
    for c in typed.chars() {
        if c == '|' {
            auto.clear();
            continue;
        }
        if line.get(cursor) == Some(&c) && auto.contains(&cursor) {
            auto.retain(|&a| a != cursor);
            cursor += 1;
            continue;
        }
        line.insert(cursor, c);
        auto.iter_mut()
            .filter(|a| **a >= cursor)
            .for_each(|a| *a += 1);
        cursor += 1;
        if let Some(&(_, close)) = pairs.iter().find(|(open, _)| *open == c) {
            if line.get(cursor).is_none_or(|n| n.is_whitespace()) {
                line.insert(cursor, close);
                auto.iter_mut()
                    .filter(|a| **a >= cursor)
                    .for_each(|a| *a += 1);
                auto.push(cursor);
            }
        }
    }
    line.into_iter().collect()
}

#[test]
fn typing_tags_markup_and_markings_gives_what_is_typed() {
    let pairs = auto_closing_pairs();
    assert!(
        pairs.iter().all(|(open, _)| *open != '['),
        "`[` auto-closes: {pairs:?}"
    );
    for typed in [
        "TAGS: [PREL](#)",
        "TAGS: [PREL|](#)",
        "TAGS: PREL, [PGOV|](#), NO",
        "3. (C) OSLO WILL FOLLOW UP.",
        "3. (C) |OSLO WILL FOLLOW UP.",
        "SUBJECT: (SBU) VISIT",
        "Reasons 1.4 (b) and (d)",
    ] {
        assert_eq!(
            typed_line(typed, &pairs),
            typed.replace('|', ""),
            "{pairs:?}"
        );
    }
}
