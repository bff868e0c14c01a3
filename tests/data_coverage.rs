//! How much of the real cables in `../shared/corpus` the reference tables know: the tokens of
//! the TAGS lines (personal names aside) and the routing-indicator/address pairs of the TO and
//! INFO lines. The cables are read with a small reader of their own here, independent of the
//! project's parser. Prints the figures and every unknown token or pair with its count.
//!
//! Run with `cargo test --test data_coverage -- --nocapture` to see the report. Skips, with a
//! notice, when the corpus is not there.

// The report prints its figures; nothing here talks LSP.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cablelint::data::vocab::{PERSONAL_TAG_PREFIXES, TAGS_LABELS};
use cablelint::data::Tables;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn corpus_texts() -> Option<Vec<(String, String)>> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).ok()?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .into_iter()
            .filter_map(|p| {
                let bytes = std::fs::read(&p).ok()?;
                let name = p.file_name()?.to_string_lossy().into_owned();
                Some((name, String::from_utf8_lossy(&bytes).into_owned()))
            })
            .collect(),
    )
}

// ------------------------------------------------------------------------------------------------
// TAGS lines
// ------------------------------------------------------------------------------------------------

/// The text after a TAGS label at the start of `line` (`TAGS: PREL PGOV`, `TAGS PGOV, PREL`,
/// `Tags: prel`), or after `TAGS:` inside a joined line (`E.O. 12958: DECL: … TAGS: BR PREL`).
fn after_tags_label(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let upper = trimmed.to_ascii_uppercase();
    for label in TAGS_LABELS {
        if let Some(rest) = upper.strip_prefix(label) {
            let rest_orig = &trimmed[label.len()..];
            if rest.starts_with(':') || rest.starts_with(';') {
                return Some(&rest_orig[1..]);
            }
            if rest.starts_with(' ') || rest.starts_with('\t') {
                return Some(rest_orig);
            }
        }
    }
    upper.find(" TAGS: ").map(|i| &trimmed[i + 7..])
}

/// A line that continues a wrapped TAGS line: short, and only code-like words.
fn is_tags_continuation(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 60 {
        return false;
    }
    let upper = t.to_ascii_uppercase();
    for stop in [
        "SUBJ",
        "E.O",
        "EO ",
        "REF",
        "CLASSIFIED",
        "C O N",
        "S E C",
        "UNCLAS",
        "ID:",
    ] {
        if upper.starts_with(stop) {
            return false;
        }
    }
    t.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '/'))
    })
}

/// The TAGS text of a cable: the first TAGS line, without a SUBJECT run onto it, plus one
/// continuation line.
fn tags_text(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = after_tags_label(line) else {
            continue;
        };
        let mut tags = rest.to_string();
        if let Some(cut) = tags.to_ascii_uppercase().find("SUBJECT") {
            tags.truncate(cut);
            return Some(tags);
        }
        if let Some(next) = lines.get(i + 1) {
            if is_tags_continuation(next) {
                tags.push(' ');
                tags.push_str(next);
            }
        }
        return Some(tags);
    }
    None
}

/// The tokens of a TAGS text, upper-cased: parenthesised personal names removed, names written
/// without parentheses after a personal prefix (`OVIP RICE CONDOLEEZZA`) skipped, and release
/// artifacts (`SIPDIS`, redaction runs) counted apart.
fn tag_tokens(tags: &str, tables: &Tables, artifacts: &mut usize) -> Vec<String> {
    let mut without_names = String::new();
    let mut depth = 0usize;
    for c in tags.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => without_names.push(c),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut in_name = false;
    for raw in without_names.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let token = raw.trim_matches('.').to_ascii_uppercase();
        if token.is_empty() {
            continue;
        }
        if token == "SIPDIS" || (token.len() >= 5 && token.chars().all(|c| c == 'X')) {
            *artifacts += 1;
            continue;
        }
        if PERSONAL_TAG_PREFIXES.contains(&token.as_str()) {
            in_name = true;
            out.push(token);
            continue;
        }
        let valid = tables.tag(&token).is_some_and(|t| t.is_valid());
        if in_name && !valid && token.chars().all(|c| c.is_ascii_alphabetic()) {
            continue; // A surname or given name after OVIP, OREP …
        }
        in_name = false;
        out.push(token);
    }
    out
}

// ------------------------------------------------------------------------------------------------
// Addressee lines
// ------------------------------------------------------------------------------------------------

/// Splits an addressee line `RI/ADDRESS [PRECEDENCE] [MCN[-MCN]]` into routing indicator and
/// address; `None` for lines without a routing indicator.
fn addressee_pair(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    let (ri, rest) = line.split_once('/')?;
    let ri_ok = ri.len() >= 4
        && ri.len() <= 8
        && ri.starts_with('R')
        && ri
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !ri_ok {
        return None;
    }
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    let is_mcn = |w: &str| {
        let one = |p: &str| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit());
        one(w) || w.split_once('-').is_some_and(|(a, b)| one(a) && one(b))
    };
    if words.last().is_some_and(|w| is_mcn(w)) {
        words.pop();
    }
    for prec in ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"] {
        if words.last() == Some(&prec) {
            words.pop();
            if prec == "IMMEDIATE" && words.last() == Some(&"NIACT") {
                words.pop();
            }
            break;
        }
    }
    Some((ri.to_string(), words.join(" ")))
}

/// The addressee lines of a cable's TO and INFO blocks (from the FM line to the first blank
/// line after it); XMT lines end a block.
fn addressee_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut after_fm = false;
    let mut in_block = false;
    for line in text.lines() {
        if !after_fm {
            after_fm = line.starts_with("FM ");
            continue;
        }
        if line.trim().is_empty() {
            break;
        }
        if let Some(rest) = line
            .strip_prefix("TO ")
            .or_else(|| line.strip_prefix("INFO "))
        {
            in_block = true;
            out.push(rest);
        } else if line.starts_with("XMT") {
            in_block = false;
        } else if in_block {
            out.push(line);
        }
    }
    out
}

// ------------------------------------------------------------------------------------------------
// The report
// ------------------------------------------------------------------------------------------------

fn print_unknown(title: &str, unknown: &BTreeMap<String, usize>) {
    let mut list: Vec<(&String, &usize)> = unknown.iter().collect();
    list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{title} ({} distinct):", list.len());
    for (what, n) in list {
        println!("  {n:5}  {what}");
    }
}

#[test]
#[cfg_attr(
    shared_corpus_absent,
    ignore = "needs ../shared/corpus, which is absent"
)]
fn tables_know_the_corpus_tags_and_addressees() {
    let Some(cables) = corpus_texts() else {
        println!(
            "skipped: no corpus at {} (the coverage figures need ../shared/corpus)",
            corpus_dir().display()
        );
        return;
    };
    let tables = Tables::builtin();

    let (mut tokens, mut valid, mut nonstandard, mut fixed, mut artifacts, mut no_tags) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut unknown_tags: BTreeMap<String, usize> = BTreeMap::new();
    let (mut pairs, mut known_pairs, mut no_ri) = (0usize, 0usize, 0usize);
    let mut unknown_pairs: BTreeMap<String, usize> = BTreeMap::new();

    for (_, text) in &cables {
        match tags_text(text) {
            None => no_tags += 1,
            Some(tags) => {
                for token in tag_tokens(&tags, tables, &mut artifacts) {
                    tokens += 1;
                    match tables.tag(&token) {
                        Some(t) if t.is_valid() => valid += 1,
                        Some(_) => nonstandard += 1,
                        None if tables.tag_fix(&token).is_some() => fixed += 1,
                        None => *unknown_tags.entry(token).or_default() += 1,
                    }
                }
            }
        }
        for line in addressee_lines(text) {
            let Some((ri, address)) = addressee_pair(line) else {
                no_ri += 1;
                continue;
            };
            pairs += 1;
            if tables
                .addressees_for_ri(&ri)
                .iter()
                .any(|a| a.address == address)
            {
                known_pairs += 1;
            } else {
                *unknown_pairs.entry(format!("{ri}/{address}")).or_default() += 1;
            }
        }
    }

    let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    let known_tokens = valid + nonstandard + fixed;
    println!(
        "corpus: {} cables in {}",
        cables.len(),
        corpus_dir().display()
    );
    println!(
        "TAGS tokens (personal names aside): {tokens}; known {known_tokens} ({:.2}%): valid codes \
         {valid} ({:.2}%), recorded typos/misuses {nonstandard}, run-together or fixable {fixed}; \
         unknown {}; cables without a TAGS line {no_tags}; SIPDIS/redaction artifacts skipped \
         {artifacts}",
        pct(known_tokens, tokens),
        pct(valid, tokens),
        tokens - known_tokens,
    );
    println!(
        "RI/address pairs: {pairs}; known {known_pairs} ({:.2}%); unknown {}; addressee lines \
         without a routing indicator {no_ri}",
        pct(known_pairs, pairs),
        pairs - known_pairs,
    );
    print_unknown("unknown TAGS tokens", &unknown_tags);
    print_unknown("unknown RI/address pairs", &unknown_pairs);

    assert!(tokens > 5000, "too few TAGS tokens read: {tokens}");
    assert!(pairs > 5000, "too few addressee pairs read: {pairs}");
    assert!(
        pct(known_tokens, tokens) >= 99.0,
        "the tables know only {:.2}% of TAGS tokens",
        pct(known_tokens, tokens)
    );
    assert!(
        pct(known_pairs, pairs) >= 98.0,
        "the tables know only {:.2}% of RI/address pairs",
        pct(known_pairs, pairs)
    );
}

#[test]
fn the_reader_reads_what_cables_write() {
    // Self-checks of the reader above on invented lines in the real format.
    let t = Tables::builtin();
    let mut artifacts = 0;
    let tags =
        tags_text("E.O. 12958: N/A\nTAGS: OVIP (SMITHERS, JANE) PREL, KS\nSUBJECT: X\n").unwrap();
    assert_eq!(tag_tokens(&tags, t, &mut artifacts), ["OVIP", "PREL", "KS"]);
    let tags =
        tags_text("TAGS: OVIP SMITHERS JANE PREL SIPDIS JA\nNATO, UK\n\nSUBJECT: X").unwrap();
    assert_eq!(
        tag_tokens(&tags, t, &mut artifacts),
        ["OVIP", "PREL", "JA", "NATO", "UK"]
    );
    assert_eq!(artifacts, 1);
    assert_eq!(
        tags_text("Tags: prel, pgov\nSubject: x").as_deref(),
        Some(" prel, pgov")
    );
    assert_eq!(
        tags_text("E.O. 12958: DECL: 02/14/2018 TAGS: BR PREL MARR\n").as_deref(),
        Some("BR PREL MARR")
    );
    assert_eq!(
        addressee_pair("RUEHC/SECSTATE WASHDC IMMEDIATE 3686"),
        Some(("RUEHC".into(), "SECSTATE WASHDC".into()))
    );
    assert_eq!(
        addressee_pair("RUEHKV/AMEMBASSY KYIV NIACT IMMEDIATE 7881-7884"),
        Some(("RUEHKV".into(), "AMEMBASSY KYIV".into()))
    );
    assert_eq!(
        addressee_pair("RHEHAAA/NSC WASHDC"),
        Some(("RHEHAAA".into(), "NSC WASHDC".into()))
    );
    assert_eq!(
        addressee_pair("ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE"),
        None
    );
    let header = "VZCZCXRO0001\nDE RUEHKO #0001 0011200\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC 0001\nINFO RUEHBJ/AMEMBASSY BEIJING\nRUEHUL/AMEMBASSY SEOUL\nXMT AMCONSUL NAHA\n\nUNCLAS TOKYO 000001\n";
    assert_eq!(
        addressee_lines(header),
        [
            "RUEHC/SECSTATE WASHDC 0001",
            "RUEHBJ/AMEMBASSY BEIJING",
            "RUEHUL/AMEMBASSY SEOUL"
        ]
    );
}
