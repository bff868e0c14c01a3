//! The editor answers of `cablelint::ide`, in byte offsets, on cables we wrote.

mod support;

use cablelint::data::Tables;
use cablelint::ide::{
    self, ActionKind, CompletionKind, DateTime, FoldKind, ResolveKey, SymbolKind, TokenKind,
};
use cablelint::rules::{check_cable, Applicability, Settings};
use cablelint::syntax::{parse, TextRange};
use cablelint::vocab::Date;
use cablelint::workspace::{Analysis, TablesRef};
use support::apply_edits;

const OSLO: &str = include_str!("lsp_fixtures/oslo.cable");

fn tables() -> &'static Tables {
    Tables::builtin()
}

fn now() -> DateTime {
    DateTime {
        date: Date::new(2009, 11, 3).unwrap(),
        hour: 7,
        minute: 5,
    }
}

/// The code actions with the cursor right after the first `needle`.
fn actions_after(text: &str, needle: &str) -> Vec<ide::Action> {
    let cable = parse(text);
    let diags = check_cable(&cable, &Settings::default(), tables());
    ide::code_actions(&cable, &diags, TextRange::empty(after(text, needle)))
}

/// The offset right after the first occurrence of `needle`.
fn after(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"))
        + needle.len()
}

fn labels(text: &str, offset: usize) -> Vec<String> {
    let cable = parse(text);
    ide::completions(&cable, tables(), offset, now())
        .items
        .into_iter()
        .map(|i| i.label)
        .collect()
}

fn completion(text: &str, offset: usize, label: &str) -> ide::CompletionItem {
    let cable = parse(text);
    let c = ide::completions(&cable, tables(), offset, now());
    c.items
        .iter()
        .find(|i| i.label == label)
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "no `{label}` among {:?}",
                c.items.iter().map(|i| &i.label).collect::<Vec<_>>()
            )
        })
}

fn hover_at(text: &str, offset: usize) -> String {
    let cable = parse(text);
    let diags = check_cable(&cable, &Settings::default(), tables());
    ide::hover(&cable, tables(), &diags, offset)
        .map(|h| h.markdown)
        .unwrap_or_default()
}

#[test]
fn the_fixture_is_clean() {
    let cable = parse(OSLO);
    let diags = check_cable(&cable, &Settings::default(), tables());
    let found: Vec<String> = diags
        .iter()
        .map(|d| format!("{} {}", d.rule.code(), d.message))
        .collect();
    assert!(diags.is_empty(), "{found:#?}");
}

// -- Completion ---------------------------------------------------------------------------------

#[test]
fn tags_complete_with_titles_and_without_repeats() {
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PGOV PR");
    let at = after(&text, "TAGS: PGOV PR");
    let item = completion(&text, at, "PREL");
    assert!(
        item.detail.as_deref().unwrap_or("").contains("subject tag"),
        "{item:?}"
    );
    assert_eq!(&text[item.replace.as_range()], "PR");
    assert!(matches!(item.kind, CompletionKind::Tag(_)));
    let all = labels(&text, at);
    assert!(all.iter().all(|l| l.starts_with("PR")), "{all:?}");
    // A tag already on the line comes after the new ones, marked as such.
    let at = after(&text, "TAGS: PGOV P");
    let text2 = text.replace("TAGS: PGOV PR", "TAGS: PGOV P");
    let pgov = completion(&text2, at, "PGOV");
    assert!(
        pgov.detail
            .as_deref()
            .is_some_and(|d| d.starts_with("already on this TAGS line")),
        "{pgov:?}"
    );
    assert_eq!(labels(&text2, at).last().map(String::as_str), Some("PGOV"));
    // Geographic tags too, with the country's name.
    let text3 = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL JA");
    let item = completion(&text3, after(&text3, "TAGS: PREL JA"), "JA");
    assert!(
        item.detail.as_deref().unwrap_or("").contains("Japan"),
        "{item:?}"
    );
    // The long documentation comes on resolve.
    let key = item.resolve.clone().expect("a resolve key");
    let doc = ide::resolve(&key, tables()).expect("documentation");
    assert!(doc.contains("Japan") && doc.contains("geographic"), "{doc}");
}

#[test]
fn addressees_complete_by_routing_indicator_city_and_country() {
    let base = OSLO.replace(
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\n",
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\nQUERY\n",
    );
    for query in ["RUEHBJ", "BEIJ", "CHINA"] {
        let text = base.replace("QUERY", query);
        let at = after(&text, &format!("0391\n{query}"));
        let item = completion(&text, at, "RUEHBJ/AMEMBASSY BEIJING");
        assert_eq!(item.kind, CompletionKind::Addressee);
        assert_eq!(&text[item.replace.as_range()], query);
        if query == "CHINA" {
            assert!(
                item.filter.as_deref().unwrap_or("").starts_with("CHINA"),
                "{item:?}"
            );
        }
    }
    // After a slash: the addresses of that routing indicator.
    let text = base.replace("QUERY", "RUEHBJ/AMEMBASSY B");
    let item = completion(
        &text,
        after(&text, "AMEMBASSY B"),
        "RUEHBJ/AMEMBASSY BEIJING",
    );
    assert_eq!(&text[item.replace.as_range()], "RUEHBJ/AMEMBASSY B");
    // On the first line of a block, after the keyword.
    let text = OSLO.replace(
        "INFO RUEHCP/AMEMBASSY COPENHAGEN PRIORITY 0412",
        "INFO RUEHCP",
    );
    let item = completion(
        &text,
        after(&text, "INFO RUEHCP"),
        "RUEHCP/AMEMBASSY COPENHAGEN",
    );
    assert_eq!(&text[item.replace.as_range()], "RUEHCP");
}

#[test]
fn precedence_words_follow_an_address() {
    let text = OSLO.replace(
        "RUEHCP/AMEMBASSY COPENHAGEN PRIORITY 0412",
        "RUEHCP/AMEMBASSY COPENHAGEN PRI",
    );
    let at = after(&text, "COPENHAGEN PRI");
    assert_eq!(labels(&text, at), vec!["PRIORITY"]);
    let text = OSLO.replace(
        "RUEHCP/AMEMBASSY COPENHAGEN PRIORITY 0412",
        "RUEHCP/AMEMBASSY COPENHAGEN ",
    );
    let all = labels(&text, after(&text, "COPENHAGEN "));
    assert_eq!(
        all,
        vec!["FLASH", "NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY"]
    );
}

#[test]
fn originators_complete_on_the_fm_line() {
    let text = OSLO.replace("FM AMEMBASSY OSLO", "FM AMEMBASSY OS");
    let item = completion(&text, after(&text, "FM AMEMBASSY OS"), "AMEMBASSY OSLO");
    assert_eq!(item.kind, CompletionKind::Originator);
    assert!(
        item.detail.as_deref().unwrap_or("").contains("RUEHNY"),
        "{item:?}"
    );
}

#[test]
fn the_banner_completes_in_spaced_form_with_origin_and_serial() {
    let text = OSLO.replace("C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217", "");
    let at = after(&text, "0391\n\n");
    let item = completion(&text, at, "C O N F I D E N T I A L");
    assert!(item.preselect, "the security line says CCCCC");
    assert_eq!(item.insert, "C O N F I D E N T I A L OSLO 000217");
    assert!(item
        .filter
        .as_deref()
        .unwrap_or("")
        .contains("CONFIDENTIAL"));
    assert!(labels(&text, at).contains(&"S E C R E T".to_string()));
}

#[test]
fn captions_labels_and_the_eo_line_complete_after_the_banner() {
    let text = OSLO.replace("E.O. 12958: DECL: 03/14/2018", "");
    let at = after(&text, "SIPDIS\n\n");
    let all = labels(&text, at);
    assert!(all.contains(&"NOFORN".to_string()), "{all:?}");
    // Ten years after the cable's date (14 March 2008), under the order in force then.
    assert!(
        all.contains(&"E.O. 12958: DECL: 03/14/2018".to_string()),
        "{all:?}"
    );
    assert!(
        !all.contains(&"TAGS:".to_string()),
        "TAGS is present already"
    );
    // An unclassified cable gets N/A.
    let unclas = text
        .replace(
            "C O N F I D E N T I A L SECTION 01 OF 02",
            "UNCLAS SECTION 01 OF 02",
        )
        .replace("ZNY CCCCC", "ZNR UUUUU");
    let all = labels(&unclas, after(&unclas, "SIPDIS\n\n"));
    assert!(all.contains(&"E.O. 12958: N/A".to_string()), "{all:?}");
    // Inside the E.O. line: the value after the number.
    let text = OSLO.replace("E.O. 12958: DECL: 03/14/2018", "E.O. 12958: DECL: ");
    let all = labels(&text, after(&text, "E.O. 12958: DECL: "));
    assert_eq!(all.first().map(String::as_str), Some("03/14/2018"));
    assert!(all.contains(&"25X1".to_string()));
}

#[test]
fn markings_complete_after_a_paragraph_number() {
    let text = OSLO.replace("¶3. (U) Press", "¶3. (");
    let at = after(&text, "¶3. (");
    let item = completion(&text, at, "(C)");
    assert!(item.preselect, "the banner's level comes first");
    assert_eq!(&text[item.replace.as_range()], "(");
    let s = completion(&text, at, "(S//NF)");
    assert!(s.detail.unwrap().contains("above the banner"));
    assert!(labels(&text, at).contains(&"(SBU)".to_string()));
}

#[test]
fn reasons_complete_on_the_classified_by_line() {
    let text = OSLO.replace("Reasons 1.4 (b) and (d)", "Reasons ");
    let all = labels(&text, after(&text, "Reasons "));
    assert_eq!(all.first().map(String::as_str), Some("1.4 (b) and (d)"));
    assert!(all.contains(&"1.4 (h)".to_string()));
    let text = OSLO.replace("Reasons 1.4 (b) and (d)", "Reasons 1.4 (b) and (");
    let all = labels(&text, after(&text, "Reasons 1.4 (b) and ("));
    assert!(
        all.contains(&"(d)".to_string()) && !all.contains(&"(b)".to_string()),
        "{all:?}"
    );
    let item = completion(&text, after(&text, "Reasons 1.4 (b) and ("), "(c)");
    assert!(item.detail.unwrap().contains("intelligence"));
    assert!(ide::resolve(&ResolveKey::Reason { letter: 'h' }, tables())
        .unwrap()
        .contains("weapons of mass destruction"));
}

#[test]
fn the_current_dtg_completes_on_the_fl5_line() {
    let text = OSLO.replace("P 140930Z MAR 08", "P ");
    let at = after(&text, "ZZH\nP ");
    let item = completion(&text, at, "030705Z NOV 09");
    assert_eq!(item.kind, CompletionKind::DateTimeGroup);
    let text = OSLO.replace("P 140930Z MAR 08", "");
    let at = after(&text, "ZZH\n");
    // The whole line: the routing line's precedence letter and now.
    assert_eq!(labels(&text, at), vec!["P 030705Z NOV 09"]);
}

#[test]
fn nothing_is_offered_inside_paragraph_text() {
    let at = after(OSLO, "described a plan");
    assert!(labels(OSLO, at).is_empty());
    // Offsets past the end or inside a character are clamped, never a panic.
    let _ = labels(OSLO, OSLO.len() + 100);
    let inside_pilcrow = OSLO.find('¶').unwrap() + 1;
    let _ = labels(OSLO, inside_pilcrow);
}

// -- Hover ----------------------------------------------------------------------------------------

#[test]
fn hover_explains_the_header() {
    let h = hover_at(OSLO, after(OSLO, "P 1409"));
    assert!(h.contains("Friday 14 March 2008, 09:30 UTC"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "#0217/01 07"));
    assert!(h.contains("julian day 074: Friday 14 March 2008"), "{h}");
    assert!(h.contains("AMEMBASSY OSLO"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "INFO RUEHC"));
    assert!(h.contains("AMEMBASSY COPENHAGEN"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "ZNY CC"));
    assert!(h.contains("CONFIDENTIAL"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "COPENHAGEN PRIO"));
    assert!(h.contains("PRIORITY") && h.contains("`P`"), "{h}");
}

#[test]
fn hover_explains_the_text_elements() {
    let h = hover_at(OSLO, after(OSLO, "C O N F"));
    assert!(
        h.contains("CONFIDENTIAL") && h.contains("Section 1 of 2") && h.contains("08OSLO217"),
        "{h}"
    );
    let h = hover_at(OSLO, after(OSLO, "E.O. 129"));
    assert!(h.contains("E.O. 12958") && h.contains("within"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "DECL: 03/1"));
    assert!(
        h.contains("14 March 2018") && h.contains("10 years after"),
        "{h}"
    );
    let h = hover_at(OSLO, after(OSLO, "TAGS: PRE"));
    assert!(h.contains("PREL") && h.contains("subject tag"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "1.4 (b"));
    assert!(h.contains("foreign government information"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "¶2. (C"));
    assert!(h.contains("CONFIDENTIAL"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "SIPD"));
    assert!(h.contains("SIPRNet"), "{h}");
    let h = hover_at(OSLO, after(OSLO, "OSLO 00000217  00"));
    assert!(h.contains("page 2 of 2"), "{h}");
}

#[test]
fn hover_shows_the_rule_behind_a_diagnostic() {
    let text = OSLO.replace("TAGS: PREL", "TAGS: [PREL](#)");
    let h = hover_at(&text, after(&text, "TAGS: [PR"));
    assert!(h.contains("CBL302") && h.contains("tags-markup"), "{h}");
    let h = ide::hover::marking_text("(S//NF)");
    assert!(
        h.contains("SECRET") && h.contains("foreign nationals"),
        "{h}"
    );
    let h = ide::hover::marking_text("(C/REL NATO)");
    assert!(h.contains("releasable to NATO"), "{h}");
}

// -- Code actions ---------------------------------------------------------------------------------

#[test]
fn fixes_become_actions() {
    let text = OSLO.replace("TAGS: PREL PGOV", "TAGS: [PREL](#) [PGOV](#)");
    let actions = actions_after(&text, "TAGS: [PR");
    let quick = actions
        .iter()
        .find(|a| a.kind == ActionKind::QuickFix)
        .expect("a quick fix");
    assert!(
        quick.preferred && quick.applicability == Applicability::Safe,
        "{quick:?}"
    );
    // Both tokens at once, for this rule.
    let rule = actions
        .iter()
        .find(|a| a.kind == ActionKind::FixRule)
        .expect("a fix-all action for the rule");
    assert_eq!(rule.diagnostics.len(), 2);
    assert!(rule.title.contains("tags-markup"), "{}", rule.title);
    let analysis = Analysis::new(
        text.as_str().into(),
        Settings::default().into(),
        TablesRef::Builtin,
    );
    let all = ide::fix_all(&analysis).expect("a fix-all action");
    assert_eq!(all.diagnostics.len(), 2);
    let fixed = apply_edits(&text, &all.edits);
    assert!(fixed.contains("TAGS: PREL PGOV ENRG NO"), "{fixed}");
    assert_eq!(fixed, analysis.fix_all().text);
}

#[test]
fn raising_the_banner_is_the_rules_unsafe_fix() {
    let text = OSLO.replace("¶2. (C) The deputy", "¶2. (S) The deputy");
    let cable = parse(&text);
    let diags = check_cable(&cable, &Settings::default(), tables());
    assert!(diags.iter().any(|d| d.rule.code() == "CBL207"));
    let at = after(&text, "¶2. (S");
    let actions = ide::code_actions(&cable, &diags, TextRange::empty(at));
    let raise = actions
        .iter()
        .find(|a| a.title.starts_with("Raise the banner"))
        .expect("the banner action");
    assert_eq!(raise.kind, ActionKind::QuickFix);
    assert!(raise.title.contains("CBL207") && raise.title.ends_with("unsafe"));
    assert!(!raise.preferred);
    assert_eq!(raise.applicability, Applicability::Unsafe);
    let fixed = apply_edits(&text, &raise.edits);
    assert!(
        fixed.contains("S E C R E T SECTION 01 OF 02 OSLO 000217"),
        "{fixed}"
    );
    assert!(fixed.contains("ZNY SSSSS ZZH"), "{fixed}");
    let after_fix = check_cable(&parse(&fixed), &Settings::default(), tables());
    assert!(
        !after_fix
            .iter()
            .any(|d| d.rule.code() == "CBL207" || d.rule.code() == "CBL201"),
        "{after_fix:?}"
    );
    // Not offered far from the markings it fixes.
    let far = TextRange::empty(after(&text, "Lofoten"));
    let actions = ide::code_actions(&cable, &diags, far);
    assert!(actions.iter().all(|a| !a.title.starts_with("Raise")));
}

#[test]
fn raising_the_banner_keeps_a_specat_suffix() {
    let text = OSLO
        .replace("¶2. (C) The deputy", "¶2. (S) The deputy")
        .replace("ZNY CCCCC ZZH", "ZNY CCCCC/AAAAA ZZH");
    let actions = actions_after(&text, "¶2. (S");
    let raise = actions
        .iter()
        .find(|a| a.title.starts_with("Raise the banner"))
        .expect("the banner action");
    let fixed = apply_edits(&text, &raise.edits);
    assert!(fixed.contains("\nZNY SSSSS/AAAAA ZZH\n"), "{fixed}");
}

#[test]
fn lowering_the_marking_to_the_banner_is_the_second_unsafe_action() {
    let text = OSLO.replace("¶2. (C) The deputy", "¶2. (S//NF) The deputy");
    let actions = actions_after(&text, "¶2. (S");
    let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
    let raise = titles
        .iter()
        .position(|t| t.starts_with("Raise the banner"))
        .expect("the banner action");
    let lower = titles
        .iter()
        .position(|t| t.starts_with("Lower the marking to (C//NF)"))
        .unwrap_or_else(|| panic!("no lowering among {titles:?}"));
    assert!(raise < lower, "{titles:?}");
    let lower = &actions[lower];
    assert_eq!(lower.kind, ActionKind::QuickFix);
    assert_eq!(lower.applicability, Applicability::Unsafe);
    assert!(!lower.preferred && lower.title.ends_with("unsafe"));
    let fixed = apply_edits(&text, &lower.edits);
    assert!(fixed.contains("¶2. (C//NF) The deputy"), "{fixed}");
    assert!(fixed.contains("C O N F I D E N T I A L SECTION 01 OF 02"));
    // `check --fix --unsafe-fixes` still raises the banner: the alternative is the editor's only.
    let cable = parse(&text);
    let diags = check_cable(&cable, &Settings::default(), tables());
    let d = diags.iter().find(|d| d.rule.code() == "CBL207").unwrap();
    assert!(d
        .fix
        .as_ref()
        .unwrap()
        .message
        .starts_with("Raise the banner"));
}

/// Lowered, a marking written in lower case or with a `-` is spelt canonically, as
/// `invalid-marking`'s fix would write it (before, `(s//nf)` became `(c//nf)`, which that rule then
/// noted in its turn).
#[test]
fn lowering_a_marking_writes_it_in_canonical_form() {
    for (written, title, lowered) in [
        (
            "(s//nf)",
            "Lower the marking to (C//NF)",
            "¶2. (C//NF) The deputy",
        ),
        (
            "(s-nf)",
            "Lower the marking to (C/NF)",
            "¶2. (C/NF) The deputy",
        ),
        (
            "(S/Rel UK)",
            "Lower the marking to (C/REL UK)",
            "¶2. (C/REL UK) The deputy",
        ),
    ] {
        let text = OSLO.replace("¶2. (C) The deputy", &format!("¶2. {written} The deputy"));
        let actions = actions_after(&text, "¶2. (");
        let lower = actions
            .iter()
            .find(|a| a.title.starts_with("Lower the marking"))
            .unwrap_or_else(|| panic!("{written}: no lowering"));
        assert!(lower.title.starts_with(title), "{written}: {}", lower.title);
        let fixed = apply_edits(&text, &lower.edits);
        assert!(fixed.contains(lowered), "{written}: {fixed}");
        let after_fix = check_cable(&parse(&fixed), &Settings::default(), tables());
        assert!(
            !after_fix
                .iter()
                .any(|d| matches!(d.rule.code(), "CBL207" | "CBL402")),
            "{written}: {after_fix:?}"
        );
    }
}

// -- Symbols, folding, semantic tokens -------------------------------------------------------------

#[test]
fn the_outline_has_the_header_banner_subject_refs_and_paragraphs() {
    let cable = parse(OSLO);
    let symbols = ide::document_symbols(&cable);
    let kinds: Vec<SymbolKind> = symbols.iter().map(|s| s.kind).collect();
    assert_eq!(kinds.first(), Some(&SymbolKind::Header));
    let header = &symbols[0];
    assert!(
        header
            .children
            .iter()
            .any(|c| c.name == "INFO" && c.children.len() == 3),
        "{header:#?}"
    );
    let subject = symbols
        .iter()
        .find(|s| s.kind == SymbolKind::Subject)
        .unwrap();
    assert_eq!(
        subject.detail.as_deref(),
        Some("NORWAY: MINISTRY OUTLINES ARCTIC SHIPPING CONSULTATIONS")
    );
    let refs = symbols.iter().find(|s| s.kind == SymbolKind::Ref).unwrap();
    assert_eq!(refs.children.len(), 2);
    let paras: Vec<&str> = symbols
        .iter()
        .filter(|s| s.kind == SymbolKind::Paragraph)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(paras, ["¶1 (C)", "¶2 (C)", "¶3 (U)", "¶4 (C)"]);
    fn check(s: &ide::Symbol) {
        assert!(
            s.range.start <= s.selection_range.start && s.selection_range.end <= s.range.end,
            "{s:?}"
        );
        for c in &s.children {
            assert!(
                s.range.start <= c.range.start && c.range.end <= s.range.end,
                "{c:?} outside {s:?}"
            );
            check(c);
        }
    }
    symbols.iter().for_each(check);
}

#[test]
fn folding_covers_the_header_the_addressees_and_paragraphs() {
    let cable = parse(OSLO);
    let folds = ide::folding_ranges(&cable);
    let lines = |f: &ide::Fold| {
        (
            cable.line_index.line_of(f.range.start()),
            cable.line_index.line_of(f.range.end()),
        )
    };
    assert!(
        folds
            .iter()
            .any(|f| f.kind == FoldKind::Header && lines(f) == (0, 9)),
        "{folds:?}"
    );
    // The INFO block (the TO block is one line).
    assert!(
        folds
            .iter()
            .any(|f| f.kind == FoldKind::Region && lines(f) == (7, 9)),
        "{folds:?}"
    );
    assert!(
        folds
            .iter()
            .any(|f| f.kind == FoldKind::Region && lines(f) == (24, 27)),
        "{folds:?}"
    );
    assert!(
        folds.iter().any(|f| f.kind == FoldKind::Comment),
        "the summary folds: {folds:?}"
    );
    assert!(folds.iter().all(|f| lines(f).0 < lines(f).1));
}

/// The folds' (first line, last line), zero-based.
fn fold_lines(text: &str) -> Vec<(usize, usize)> {
    let cable = parse(text);
    ide::folding_ranges(&cable)
        .iter()
        .map(|f| {
            (
                cable.line_index.line_of(f.range.start()),
                cable.line_index.line_of(f.range.end()),
            )
        })
        .collect()
}

/// Editors keep one fold per start line: the TO block and the INFO block each fold, and no fold of
/// the whole addressee list starts on the TO line beside the TO block's.
#[test]
fn to_and_info_blocks_fold_separately() {
    let text = OSLO.replace(
        "TO RUEHC/SECSTATE WASHDC PRIORITY 5521\n",
        "TO RUEHC/SECSTATE WASHDC PRIORITY 5521\nRUEHRK/AMEMBASSY REYKJAVIK PRIORITY 0100\n",
    );
    let folds = fold_lines(&text);
    assert!(folds.contains(&(6, 7)), "the TO block: {folds:?}");
    assert!(folds.contains(&(8, 10)), "the INFO block: {folds:?}");
    // A paragraph and the summary inside it may cover the same lines: that is one fold on screen.
    let mut distinct = folds.clone();
    distinct.dedup();
    let mut starts: Vec<usize> = distinct.iter().map(|f| f.0).collect();
    starts.dedup();
    assert_eq!(
        starts.len(),
        distinct.len(),
        "two folds start on one line: {folds:?}"
    );
}

/// A paragraph's fold ends before an undecorated heading that follows it, so folding the paragraph
/// leaves the heading in view; a last line that ends a sentence stays in the fold.
#[test]
fn a_paragraph_fold_ends_before_the_heading_after_it() {
    let text = OSLO.replace(
        "¶3. (U) Press reports on the talks have been limited to trade\njournals.\n",
        "¶3. (U) Press reports on the talks have been limited to trade\njournals.\n\nNEXT STEPS\n",
    );
    let lines: Vec<&str> = text.lines().collect();
    let p3 = lines.iter().position(|l| l.starts_with("¶3.")).unwrap();
    let heading = lines.iter().position(|l| *l == "NEXT STEPS").unwrap();
    let folds = fold_lines(&text);
    assert!(folds.contains(&(p3, p3 + 1)), "{folds:?}");
    assert!(
        !folds.iter().any(|&(a, b)| a == p3 && b >= heading),
        "the fold of paragraph 3 hides the heading: {folds:?}"
    );
    // A closing sentence on its own line is the paragraph's, and stays in its fold.
    let text = OSLO.replace(
        "journals.\n",
        "journals.\n\nThe ministry declined to comment.\n",
    );
    let folds = fold_lines(&text);
    assert!(folds.contains(&(p3, p3 + 3)), "{folds:?}");
}

#[test]
fn semantic_tokens_colour_levels_tags_and_indicators() {
    let cable = parse(OSLO);
    let tokens = ide::semantic_tokens(&cable, tables());
    let text_of = |k: TokenKind| -> Vec<&str> {
        tokens
            .iter()
            .filter(|t| t.kind == k)
            .map(|t| &OSLO[t.range.as_range()])
            .collect()
    };
    assert!(text_of(TokenKind::Level).contains(&"C O N F I D E N T I A L"));
    assert!(text_of(TokenKind::Level).contains(&"CCCCC"));
    assert_eq!(text_of(TokenKind::Tag), ["PREL", "PGOV", "ENRG", "NO"]);
    assert!(text_of(TokenKind::RoutingIndicator).contains(&"RUEHHE"));
    assert!(text_of(TokenKind::Marking).contains(&"(U)"));
    let banner = tokens
        .iter()
        .find(|t| &OSLO[t.range.as_range()] == "C O N F I D E N T I A L")
        .unwrap();
    assert!(banner.modifiers.classified);
    for pair in tokens.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start, "overlap {pair:?}");
    }
    for t in &tokens {
        assert!(
            !OSLO[t.range.as_range()].contains('\n'),
            "a token spans lines: {t:?}"
        );
    }
}

// -- Definition -----------------------------------------------------------------------------------

#[test]
fn positions_name_cited_cables_and_the_cable_itself() {
    let cable = parse(OSLO);
    let target = ide::ref_at(&cable, after(OSLO, "A. OSLO 1")).expect("a reference");
    assert_eq!(target.id(), "08OSLO198");
    let other = ide::ref_at(&cable, after(OSLO, "B. 07 STA")).expect("a reference");
    assert_eq!(other.id(), "07STATE154022");
    assert!(ide::ref_at(&cable, after(OSLO, "Lofoten")).is_none());
    // The cable itself on its banner and DE line; nothing on a paragraph.
    let own = ide::cable_at(&cable, after(OSLO, "OSLO 0002")).expect("the banner");
    assert!(own.own);
    assert_eq!(own.id.id(), "08OSLO217");
    assert_eq!(
        ide::cable_at(&cable, after(OSLO, "DE RUEH")).map(|n| n.id.id()),
        Some("08OSLO217".to_string())
    );
    let cited = ide::cable_at(&cable, after(OSLO, "A. OSLO 1")).expect("a reference");
    assert!(!cited.own);
    assert_eq!(cited.id.id(), "08OSLO198");
    assert!(ide::cable_at(&cable, after(OSLO, "Lofoten")).is_none());
}

// -- Diagnostics ----------------------------------------------------------------------------------

#[test]
fn diagnostics_name_the_other_place() {
    let text = OSLO.replace("¶2. (C) The deputy", "¶2. (S) The deputy");
    let cable = parse(&text);
    let diags = check_cable(&cable, &Settings::default(), tables());
    let d = diags.iter().find(|d| d.rule.code() == "CBL207").unwrap();
    assert!(!d.related.is_empty(), "{d:?}");
    let text = OSLO.replace("0740930", "0750930");
    let cable = parse(&text);
    let diags = check_cable(&cable, &Settings::default(), tables());
    let d = diags.iter().find(|d| d.rule.code() == "CBL111").unwrap();
    assert!(
        d.related
            .iter()
            .any(|r| text[r.range.as_range()].contains("140930Z MAR 08")),
        "{d:?}"
    );
}

#[test]
fn hover_on_a_tag_without_a_title_has_no_empty_title() {
    // `RU` (a misuse: Russia is RS) has no title in any source: the hover names the code and
    // its note, with no dangling ` — `.
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL PGOV ENRG RU");
    let h = hover_at(&text, after(&text, "ENRG R"));
    assert!(h.starts_with("**RU**\n\n*geographic tag*"), "{h}");
    assert!(!h.contains("— \n") && !h.contains("**RU** — "), "{h}");
    assert!(h.contains("RS"), "{h}");
}

#[test]
fn the_fl5_line_offers_the_precedence_the_addressees_require_first() {
    // The routing line says PP, but the action addressee is IMMEDIATE: `O` is what the header
    // needs (spec §4 relation 2), offered first and preselected; the prosign's `P` comes second.
    let text = OSLO
        .replace("P 140930Z MAR 08\n", "\n")
        .replace("WASHDC PRIORITY 5521", "WASHDC IMMEDIATE 5521");
    let at = after(&text, "ZNY CCCCC ZZH\n");
    assert_eq!(
        labels(&text, at),
        ["O 030705Z NOV 09", "P 030705Z NOV 09"],
        "{text}"
    );
    let first = completion(&text, at, "O 030705Z NOV 09");
    assert!(first.preselect, "{first:?}");
    let applied = apply_edits(
        &text,
        &[cablelint::rules::Edit::replace(
            first.replace,
            first.insert.clone(),
        )],
    );
    assert!(
        applied.contains("ZNY CCCCC ZZH\nO 030705Z NOV 09\nFM AMEMBASSY OSLO"),
        "{applied}"
    );
    // When the prosign and the addressees agree, one item.
    let text = OSLO.replace("P 140930Z MAR 08\n", "\n");
    assert_eq!(labels(&text, after(&text, "ZZH\n")), ["P 030705Z NOV 09"]);
}

/// OSLO as an UNCLAS cable whose paragraph 2 is still marked `(C)`, with `captions` after the
/// banner.
fn unclas_with_a_confidential_paragraph(captions: &str) -> String {
    OSLO.replace("ZNY CCCCC ZZH", "ZNY UUUUU ZZH")
        .replace(
            "C O N F I D E N T I A L SECTION 01 OF 02",
            "UNCLAS SECTION 01 OF 02",
        )
        .replace("\nSIPDIS\n", &format!("\n{captions}\n"))
        .replace("¶1. (C)", "¶1. (U)")
        .replace("¶4. (C)", "¶4. (U)")
}

#[test]
fn lowering_a_marking_under_unclas_gives_what_the_banner_allows_without_a_new_finding() {
    for (captions, title, marking) in [
        ("SIPDIS", "Lower the marking to (U)", "¶2. (U) The deputy"),
        (
            "SENSITIVE\nSIPDIS",
            "Lower the marking to (SBU)",
            "¶2. (SBU) The deputy",
        ),
    ] {
        let text = unclas_with_a_confidential_paragraph(captions);
        let actions = actions_after(&text, "¶2. (C");
        let lower = actions
            .iter()
            .find(|a| a.title.starts_with("Lower the marking"))
            .expect("the lowering action");
        assert!(lower.title.starts_with(title), "{}", lower.title);
        assert_eq!(lower.applicability, Applicability::Unsafe);
        let fixed = apply_edits(&text, &lower.edits);
        assert!(fixed.contains(marking), "{fixed}");
        let cable = parse(&fixed);
        let codes: Vec<&str> = check_cable(&cable, &Settings::default(), tables())
            .iter()
            .map(|d| d.rule.code())
            .collect();
        assert!(
            !codes.contains(&"CBL207") && !codes.contains(&"CBL210"),
            "{captions}: {codes:?}"
        );
    }
}
