use super::*;
use crate::rules::{Rule, Severity};
use crate::syntax::TextRange;

fn diag(rule: Rule, start: usize, end: usize) -> Diagnostic {
    Diagnostic {
        rule,
        range: TextRange::new(start, end),
        severity: Severity::Warning,
        message: "m".to_string(),
        related: Vec::new(),
        fix: None,
        alternatives: Vec::new(),
    }
}

fn fixes(check: impl Fn(&str) -> Vec<Diagnostic>, text: &str, unsafe_fixes: bool) -> Fixed {
    fix_until_stable(text.to_string(), check(text), unsafe_fixes, check)
}

/// A stand-in check: the first `[X](#)` is reported with a safe fix removing the markup, and
/// `END SUMMARY` missing after `SUMMARY` gets an unsafe fix inserting a line.
fn fake_check(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(i) = text.find("](#)") {
        let open = text[..i].rfind('[').unwrap();
        out.push(diag(Rule::TagsMarkup, open, i + 4).with_fix(Fix::safe(
            "Remove the link markup",
            vec![
                Edit::delete(TextRange::new(open, open + 1)),
                Edit::delete(TextRange::new(i, i + 4)),
            ],
        )));
    }
    if let Some(i) = text.find("SUMMARY") {
        if !text.contains("END SUMMARY") {
            let eol = text[i..]
                .find('\n')
                .or_else(|| text[i..].find('\r'))
                .map_or(text.len(), |j| i + j + 1);
            out.push(diag(Rule::UnclosedSummary, i, i + 7).with_fix(Fix::unsafe_(
                "Close it",
                vec![Edit::insert(eol, "END SUMMARY\n")],
            )));
        }
    }
    out
}

#[test]
fn fixes_repeat_until_none_applies() {
    // Only the first markup is reported per round, so three rounds are needed.
    let f = fixes(fake_check, "TAGS: [A](#) [B](#) [C](#)\n", false);
    assert_eq!(f.text, "TAGS: A B C\n");
    assert_eq!(f.fixed, 3);
    assert!(f.diagnostics.is_empty());
}

#[test]
fn unsafe_fixes_need_asking_and_keep_crlf_and_cr() {
    let text = "SUMMARY\r\nTEXT\r\n";
    let f = fixes(fake_check, text, false);
    assert_eq!((f.text.as_str(), f.fixed), (text, 0));
    assert_eq!(f.diagnostics.len(), 1);
    let f = fixes(fake_check, text, true);
    assert_eq!(f.text, "SUMMARY\r\nEND SUMMARY\r\nTEXT\r\n");
    assert_eq!(f.fixed, 1);
    let f = fixes(fake_check, "SUMMARY\rTEXT\r", true);
    assert_eq!(f.text, "SUMMARY\rEND SUMMARY\rTEXT\r");
}

#[test]
fn a_fix_that_never_settles_stops_after_the_round_limit() {
    let grow = |text: &str| {
        vec![diag(Rule::LineTooLong, 0, 0)
            .with_fix(Fix::safe("grow", vec![Edit::insert(text.len(), "x")]))]
    };
    let f = fixes(grow, "", false);
    assert_eq!(f.text, "x".repeat(MAX_ROUNDS));
    assert_eq!(f.fixed, MAX_ROUNDS);
}

#[test]
fn broken_fixes_are_skipped_not_applied() {
    let broken = |_: &str| {
        vec![
            diag(Rule::LineTooLong, 0, 0)
                .with_fix(Fix::safe("past the end", vec![Edit::insert(99, "x")])),
            diag(Rule::LineTooLong, 0, 0).with_fix(Fix::safe(
                "inside a character and overlapping",
                vec![
                    Edit::delete(TextRange::new(0, 1)),
                    Edit::delete(TextRange::new(0, 2)),
                ],
            )),
        ]
    };
    let f = fixes(broken, "¶x", false);
    assert_eq!((f.text.as_str(), f.fixed), ("¶x", 0));
}

#[test]
fn validation_names_what_is_wrong() {
    let text = "¶ab";
    let edit = |s: u32, e: u32| Edit::replace(TextRange { start: s, end: e }, "z");
    assert_eq!(validate(text, &[edit(0, 2), edit(3, 4)]), Ok(()));
    assert_eq!(
        validate(text, &[edit(2, 5)]),
        Err(EditError::OutOfBounds { end: 5, len: 4 })
    );
    assert_eq!(
        validate(text, &[edit(1, 2)]),
        Err(EditError::NotOnCharBoundary { offset: 1 })
    );
    assert_eq!(
        validate(text, &[edit(3, 2)]),
        Err(EditError::Reversed { start: 3, end: 2 })
    );
    assert_eq!(
        validate(text, &[edit(2, 4), edit(3, 3)]),
        Err(EditError::Overlapping { at: 3 })
    );
    // Two insertions at one offset within one fix keep their order.
    assert_eq!(validate(text, &[edit(2, 2), edit(2, 2)]), Ok(()));
}

#[test]
fn a_plan_takes_fixes_in_order_skipping_clashes_and_repeats() {
    let text = "abcdef";
    let a = Fix::safe("a", vec![Edit::replace(TextRange::new(0, 2), "X")]);
    let clash = Fix::safe("b", vec![Edit::replace(TextRange::new(1, 3), "Y")]);
    let c = Fix::safe("c", vec![Edit::insert(4, "\n")]);
    let p = plan(text, [&a, &clash, &c, &a]);
    assert_eq!(p.taken, [true, false, true, true]);
    assert_eq!(p.applied, 2);
    assert_eq!(p.apply(text), "Xcd\nef");
    // Two fixes inserting at one offset: only the first.
    let d = Fix::safe("d", vec![Edit::insert(4, "!")]);
    assert_eq!(apply_fixes(text, [&c, &d]), ("abcd\nef".to_string(), 1));
    // New line breaks take the text's line ending.
    assert_eq!(apply_fixes("ab\r\ncd", [&c]).0, "ab\r\n\r\ncd");
}

#[test]
fn minimal_edits_leave_the_common_ends_alone() {
    assert_eq!(minimal_edit("abc", "abc"), None);
    let e = minimal_edit("TAGS: [PREL](#) X", "TAGS: PREL X").unwrap();
    let mut s = "TAGS: [PREL](#) X".to_string();
    s.replace_range(e.range.as_range(), &e.new_text);
    assert_eq!(s, "TAGS: PREL X");
    assert_eq!(e.range, TextRange::new(6, 15));
    // Never inside a character: `¶` and `§` share their first byte.
    let e = minimal_edit("a¶b", "a§b").unwrap();
    assert_eq!((e.range, e.new_text.as_str()), (TextRange::new(1, 3), "§"));
    let e = minimal_edit("aa", "aaa").unwrap();
    assert_eq!((e.range, e.new_text.as_str()), (TextRange::new(2, 2), "a"));
}

/// The stretches a fix left alone, over several rounds (deletions, an insertion at a line's end,
/// an insertion in a later round): each reads the same in both texts, they are in order, and
/// together with the edited places they cover the text (the bytes outside them are those the
/// fixes changed: 3 markups of 5 bytes removed, one line inserted).
#[test]
fn unchanged_stretches_read_the_same_before_and_after() {
    let text = "TAGS: [A](#) [B](#)\nSUMMARY of the talks\nthe end [C](#)\nlast line\n";
    let f = fixes(fake_check, text, true);
    assert_eq!(
        f.text,
        "TAGS: A B\nSUMMARY of the talks\nEND SUMMARY\nthe end C\nlast line\n"
    );
    let mut last = (0, 0);
    for u in &f.unchanged {
        assert_eq!(
            text[u.old..u.old + u.len],
            f.text[u.new..u.new + u.len],
            "{u:?}"
        );
        assert!(u.old >= last.0 && u.new >= last.1, "{:?}", f.unchanged);
        last = (u.old + u.len, u.new + u.len);
    }
    let kept: usize = f.unchanged.iter().map(|u| u.len).sum();
    assert_eq!(text.len() - kept, 15);
    assert_eq!(f.text.len() - kept, "END SUMMARY\n".len());
    // The aligned places are line starts in both texts, with the same text before them.
    let cuts = f.aligned_cuts(text);
    assert!(!cuts.is_empty());
    for (o, n) in cuts {
        assert!(text[..o].ends_with('\n') && f.text[..n].ends_with('\n'));
        assert_eq!(text[o..].lines().last(), f.text[n..].lines().last());
    }
}

/// The plan takes the same fixes as taking each fix whose edits clash with none taken before (the
/// plan's rule, checked against every edit taken): over pseudo-random sets of fixes of one or two
/// edits (insertions and replacements, many overlapping, some equal), in a short text.
#[test]
fn the_plan_takes_the_fixes_that_clash_with_none_taken_before() {
    fn clash(a: &Edit, b: &Edit) -> bool {
        let overlap = a.range.start() < b.range.end() && b.range.start() < a.range.end();
        overlap || (a.range == b.range && a.range.is_empty())
    }
    let text = "abcdefghijklmnopqrstuvwxyz0123456789";
    let mut seed = 12345u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..500 {
        let mut fixes = Vec::new();
        for _ in 0..(1 + next(12)) {
            let mut edits = Vec::new();
            for _ in 0..(1 + next(2)) {
                let start = next(text.len());
                let end = (start + next(4)).min(text.len());
                edits.push(Edit::replace(TextRange::new(start, end), "x"));
            }
            fixes.push(Fix::safe("f", edits));
            if next(5) == 0 {
                let again = fixes[next(fixes.len())].clone();
                fixes.push(again);
            }
        }
        let plan = plan(text, &fixes);
        let mut taken_edits: Vec<Edit> = Vec::new();
        let mut chosen: Vec<&Fix> = Vec::new();
        let mut expected = Vec::new();
        for f in &fixes {
            if chosen.contains(&f) {
                expected.push(true);
                continue;
            }
            let ok = validate(text, &f.edits).is_ok()
                && !f
                    .edits
                    .iter()
                    .any(|e| taken_edits.iter().any(|t| clash(e, t)));
            expected.push(ok);
            if ok {
                taken_edits.extend(f.edits.iter().cloned());
                chosen.push(f);
            }
        }
        assert_eq!(plan.taken, expected, "{fixes:?}");
        assert_eq!(plan.applied, chosen.len());
    }
}
