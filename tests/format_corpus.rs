//! `cablelint fmt` over every real cable of `../shared/corpus` and `../shared/corpus-release`
//! (skipped with a notice when they are absent).
//!
//! For every cable: formatting never changes what it says (the sequence of words, numbers,
//! markings and classification, compared by a reading written here independently of the
//! formatter), formatting is idempotent, and `check` with every rule selected finds nothing on the
//! formatted text that it did not find on the original (no rule fires more often). Cables the
//! formatter refuses are counted with their reasons. The figures are printed.

#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;

mod support;

use cablelint::data::Tables;
use cablelint::formatter::{format, format_range, FormatOptions};
use cablelint::rules::{RuleSelector, Settings};
use cablelint::syntax::parse;
use cablelint::syntax::TextRange;

/// The text with each paragraph's portion marking spelt as the formatter writes it where it
/// respells one (`(c)` as `(C)` outside a sentence-case record, `(S/NF/rel Panama)` as
/// `(S/NF/REL PANAMA)`: [`cablelint::syntax::Cable::respelt_marking`]), and every other byte as
/// it was: the one change of a marking's letters the formatter may make.
fn respelt_markings(text: &str) -> String {
    let cable = parse(text);
    let sentence_case = cable.sentence_case();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for p in &cable.body.paragraphs {
        let Some(m) = &p.marking else { continue };
        if let Some(respelt) = cable.respelt_marking(m, sentence_case) {
            out.push_str(&text[at..m.range.start()]);
            out.push_str(&respelt);
            at = m.range.end();
        }
    }
    out.push_str(&text[at..]);
    out
}

/// The text with the labels the parser found written one way (`E.O.`, `TAGS`, `SUBJECT`, `REF`,
/// `Classified By`, each without the colon after it or after the E.O. number) and the commas and
/// semicolons of the TAGS line removed.
fn canonical_labels(text: &str) -> String {
    let c = parse(text);
    let b = &c.body;
    let mut edits: Vec<(usize, usize, &str)> = Vec::new();
    let colon_after = |end: usize, edits: &mut Vec<(usize, usize, &str)>| {
        let rest = &text[end..];
        let ws = rest.len() - rest.trim_start().len();
        if rest[ws..].starts_with(':') {
            edits.push((end + ws, end + ws + 1, " "));
        }
    };
    let label = |start: usize, end: usize, to: &'static str, edits: &mut Vec<_>| {
        edits.push((start, end, to));
        colon_after(end, edits);
    };
    if let Some(e) = &b.eo {
        edits.push((e.label.start(), e.label.end(), "E.O. "));
        if let Some(n) = e.number {
            colon_after(n.range.end(), &mut edits);
        }
    }
    if let Some(t) = &b.tags {
        label(t.label.start(), t.label.end(), "TAGS ", &mut edits);
        for (i, ch) in text[t.label.end()..t.range.end()].char_indices() {
            if ch == ',' || ch == ';' {
                let at = t.label.end() + i;
                if !edits.iter().any(|e| e.0 == at) {
                    edits.push((at, at + 1, " "));
                }
            }
        }
    }
    if let Some(s) = &b.subject {
        label(s.label.start(), s.label.end(), "SUBJECT ", &mut edits);
    }
    if let Some(r) = &b.refs {
        label(r.label.start(), r.label.end(), "REF ", &mut edits);
    }
    if let Some(cb) = &b.classified_by {
        let w = &text[cb.label.as_range()];
        let core = w.strip_prefix("(U) ").unwrap_or(w);
        if core.eq_ignore_ascii_case("classified by:") || core.eq_ignore_ascii_case("classified by")
        {
            let start = cb.label.end() - core.len();
            label(start, cb.label.end(), "Classified By ", &mut edits);
        }
    }
    edits.sort_by_key(|e| (e.0, e.1));
    edits.dedup_by_key(|e| e.0);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e, to) in edits {
        if s < at {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(to);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// What a cable says, as a sequence of tokens: words and numbers (numbers without leading zeros,
/// spaced capitals such as `C O N F I D E N T I A L` joined), each punctuation character on its
/// own, labels in one spelling, and no `¶` or TAGS separators. Whitespace and line breaks are not
/// in it.
fn content(text: &str) -> Vec<String> {
    let text = canonical_labels(text);
    let mut out: Vec<String> = Vec::new();
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut Vec<String>| {
        if !token.is_empty() {
            let t = std::mem::take(token);
            if t.bytes().all(|b| b.is_ascii_digit()) {
                let z = t.trim_start_matches('0');
                out.push(if z.is_empty() { "0".into() } else { z.into() });
            } else {
                out.push(t);
            }
        }
    };
    for c in text.trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            token.push(c);
        } else {
            flush(&mut token, &mut out);
            if !c.is_whitespace() && c != '¶' {
                out.push(c.to_string());
            }
        }
    }
    flush(&mut token, &mut out);
    // Spaced capitals: three or more single letters in a row are one word.
    let mut joined: Vec<String> = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        let single = |s: &str| s.chars().count() == 1 && s.chars().all(char::is_alphabetic);
        let mut j = i;
        while j < out.len() && single(&out[j]) {
            j += 1;
        }
        if j - i >= 3 {
            joined.push(out[i..j].concat());
            i = j;
        } else {
            joined.push(out[i].clone());
            i += 1;
        }
    }
    joined
}

fn all_rules() -> Settings {
    Settings::from_selection(Some(&[RuleSelector::parse("ALL").unwrap()]), &[], &[])
}

fn counts(text: &str, settings: &Settings) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for d in cablelint::check(text, settings, Tables::builtin()) {
        *m.entry(d.rule.code()).or_default() += 1;
    }
    m
}

fn run(folder: &str) {
    let Some(cables) = support::shared_cables(folder, "formatter corpus test") else {
        return;
    };
    let options = FormatOptions::default();
    let settings = all_rules();
    let (mut changed, mut unchanged) = (0, 0);
    let mut refused: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let (mut words, mut idempotent, mut no_new_findings) = (0, 0, 0);
    let (mut ranges, mut range_words) = (0, 0);
    for (name, text) in &cables {
        let out = match format(text, &options) {
            Ok(out) => out,
            Err(e) => {
                *refused.entry(e.reason).or_default() += 1;
                continue;
            }
        };
        if out == *text {
            unchanged += 1;
        } else {
            changed += 1;
        }
        let (a, b) = (content(&respelt_markings(text)), content(&out));
        if a == b {
            words += 1;
        } else {
            let at = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(0);
            failures.push(format!(
                "{name}: words differ at token {at}: {:?} vs {:?}",
                &a[at.saturating_sub(3)..(at + 4).min(a.len())],
                &b[at.saturating_sub(3)..(at + 4).min(b.len())]
            ));
        }
        // Range formatting at the line in the middle of the text (the element there, whole).
        if out != *text {
            let middle = text.len() / 2;
            let at = text.as_bytes()[..middle]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let cable = parse(text);
            match format_range(&cable, TextRange::empty(at), &options) {
                Ok(part) => {
                    ranges += 1;
                    // The markings of the elements left as written keep their spelling.
                    if content(&respelt_markings(&part)) == a {
                        range_words += 1;
                    } else {
                        failures.push(format!("{name}: range formatting changes the words"));
                    }
                }
                Err(e) => failures.push(format!("{name}: range formatting is refused: {e}")),
            }
        }
        match format(&out, &options) {
            Ok(again) if again == out => idempotent += 1,
            Ok(_) => failures.push(format!("{name}: formatting again changes the text")),
            Err(e) => failures.push(format!("{name}: formatting again is refused: {e}")),
        }
        let (before, after) = (counts(text, &settings), counts(&out, &settings));
        let new: Vec<_> = after
            .iter()
            .filter(|(code, n)| before.get(*code).copied().unwrap_or(0) < **n)
            .map(|(code, n)| format!("{code} {}→{n}", before.get(code).copied().unwrap_or(0)))
            .collect();
        if new.is_empty() {
            no_new_findings += 1;
        } else {
            failures.push(format!(
                "{name}: new findings after formatting: {}",
                new.join(", ")
            ));
        }
    }
    let n = cables.len();
    let formatted = changed + unchanged;
    let refused_n: usize = refused.values().sum();
    println!(
        "../shared/{folder}: {n} cables; {changed} changed, {unchanged} already formatted, {refused_n} left \
         unchanged with a reason"
    );
    println!(
        "  of the {formatted} formatted: words preserved {words}, idempotent {idempotent}, no new \
         findings {no_new_findings}"
    );
    println!("  range formatting at the middle line of the {ranges} changed: words preserved {range_words}");
    for (reason, k) in &refused {
        println!("  refused {k:>5}: {reason}");
    }
    for f in failures.iter().take(40) {
        println!("  FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} cables failed (listed above)",
        failures.len()
    );
}

#[test]
fn fmt_keeps_the_clean_corpus_and_is_idempotent() {
    run("corpus");
}

#[test]
fn fmt_keeps_the_release_corpus_and_is_idempotent() {
    run("corpus-release");
}

#[test]
fn the_reading_used_here_sees_changed_words() {
    let a = content("TAGS PREL, PGOV\nSUBJECT: THE CAT\n\u{b6}1.(C) Text 007.\n");
    assert_eq!(
        a,
        content("TAGS: PREL PGOV\nSUBJECT: THE\nCAT\n\n1. (C) Text\n7.\n")
    );
    assert_ne!(
        a,
        content("TAGS: PREL PGOV\nSUBJECT: THECAT\n1. (C) Text 7.\n")
    );
    assert_ne!(
        a,
        content("TAGS: PREL PGOV\nSUBJECT: THE CAT\n1. (S) Text 7.\n")
    );
    assert_eq!(
        content("C O N F I D E N T I A L OSLO 000217\n"),
        content("CONFIDENTIAL OSLO 217\n")
    );
}
