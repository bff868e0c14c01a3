//! What a completion puts in the buffer: each item's edit replaces the whole element (the full
//! addressee, the reason list, a tag with the cursor inside it), and applying it gives the text
//! the item shows. Byte offsets, on cables we wrote.

mod support;

use cablelint::data::Tables;
use cablelint::ide::{self, DateTime};
use cablelint::syntax::parse;
use cablelint::vocab::Date;

const OSLO: &str = include_str!("lsp_fixtures/oslo.cable");

fn now() -> DateTime {
    DateTime {
        date: Date::new(2009, 11, 3).unwrap(),
        hour: 7,
        minute: 5,
    }
}

/// The offset right after the first occurrence of `needle`.
fn after(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"))
        + needle.len()
}

fn items(text: &str, offset: usize) -> Vec<ide::CompletionItem> {
    let cable = parse(text);
    ide::completions(&cable, Tables::builtin(), offset, now()).items
}

fn item(text: &str, offset: usize, label: &str) -> ide::CompletionItem {
    let all = items(text, offset);
    all.iter()
        .find(|i| i.label == label)
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "no `{label}` among {:?}",
                all.iter().map(|i| &i.label).collect::<Vec<_>>()
            )
        })
}

/// The text after accepting the item: its insert text over its range.
fn accept(text: &str, item: &ide::CompletionItem) -> String {
    let mut out = text.to_string();
    out.replace_range(item.replace.as_range(), &item.insert);
    out
}

/// The line holding `needle` in `text`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with `{needle}` in\n{text}"))
}

#[test]
fn replacing_an_addressee_from_inside_it_replaces_the_whole_address() {
    let text = OSLO.replace(
        "RUEHHE/AMEMBASSY HELSINKI 0388",
        "RUEHMO/AMEMBASSY MOSCOW PRIORITY 0388",
    );
    // The cursor after `RUEH`: the user asks for another addressee there.
    let at = after(&text, "\nRUEH");
    let it = item(&text, at, "RUEHLO/AMEMBASSY LONDON");
    assert_eq!(
        line_with(&accept(&text, &it), "LONDON"),
        "RUEHLO/AMEMBASSY LONDON PRIORITY 0388"
    );
}

#[test]
fn an_addressee_found_by_city_inserts_routing_indicator_and_address() {
    let text = OSLO.replace(
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\n",
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\nTOKYO\n",
    );
    let it = item(&text, after(&text, "\nTOKYO"), "RUEHKO/AMEMBASSY TOKYO");
    assert!(
        it.filter.as_deref().unwrap_or("").starts_with("TOKYO"),
        "the editor filters on what is typed: {it:?}"
    );
    assert_eq!(
        line_with(&accept(&text, &it), "TOKYO"),
        "RUEHKO/AMEMBASSY TOKYO"
    );
}

#[test]
fn addressees_already_in_the_cable_are_not_offered_again() {
    let text = OSLO.replace(
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\n",
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\nRUEHC\n",
    );
    let labels: Vec<String> = items(&text, after(&text, "\nRUEHC"))
        .into_iter()
        .map(|i| i.label)
        .collect();
    assert!(
        !labels.contains(&"RUEHC/SECSTATE WASHDC".to_string()),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&"RUEHCP/AMEMBASSY COPENHAGEN".to_string()),
        "{labels:?}"
    );
}

#[test]
fn a_tag_completed_mid_word_leaves_no_remainder() {
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PGOV PREL NO");
    // The cursor between `PR` and `EL`.
    let at = after(&text, "TAGS: PGOV PR");
    let it = item(&text, at, "PREF");
    assert_eq!(
        line_with(&accept(&text, &it), "TAGS:"),
        "TAGS: PGOV PREF NO"
    );
}

/// A tag already on the line is offered again, after the new ones and marked as such; the tag
/// under the cursor being retyped is offered as any other, and accepting it gives the line back.
#[test]
fn a_tag_already_on_the_line_is_offered_last_and_marked() {
    // `PR` typed at the end, PREL already on the line.
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL PGOV NO PR");
    let at = after(&text, "NO PR");
    let all = items(&text, at);
    let prel = all
        .iter()
        .find(|i| i.label == "PREL")
        .expect("PREL offered");
    assert!(
        prel.detail
            .as_deref()
            .is_some_and(|d| d.starts_with("already on this TAGS line")),
        "{prel:?}"
    );
    let last_fresh = all
        .iter()
        .filter(|i| i.label != "PREL")
        .filter_map(|i| i.sort.clone())
        .max()
        .unwrap();
    assert!(prel.sort.clone().unwrap() > last_fresh, "{all:?}");
    // Other items are not marked.
    let pref = item(&text, at, "PREF");
    assert!(!pref.detail.unwrap_or_default().contains("already"));
    // Accepting it writes what the drafter chose; `check` then shows the line as it is.
    assert_eq!(
        line_with(&accept(&text, prel), "TAGS:"),
        "TAGS: PREL PGOV NO PREL"
    );

    // Retyping the tag under the cursor: PGOV is not elsewhere on the line, so it is offered
    // unmarked, and accepting it over `PG|OV` gives the line back.
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL PGOV NO");
    let at = after(&text, "TAGS: PREL PG");
    let it = item(&text, at, "PGOV");
    assert!(
        !it.detail.clone().unwrap_or_default().contains("already"),
        "{it:?}"
    );
    assert_eq!(
        line_with(&accept(&text, &it), "TAGS:"),
        "TAGS: PREL PGOV NO"
    );
}

/// A country name typed in two words on the TAGS line (`NORTH MACEDONIA`, `SAUDI AR`): accepting
/// the tag replaces both words, not the last one only (`NORTH MK`). A word before that is a tag
/// itself stays, and so does one separated by a comma.
#[test]
fn a_tag_name_of_two_words_is_replaced_whole() {
    let cases = [
        ("NORTH MACEDONIA", "MK", "TAGS: PREL PGOV MK"),
        ("NORTH MACED", "MK", "TAGS: PREL PGOV MK"),
        ("north maced", "MK", "TAGS: PREL PGOV MK"),
        ("SOUTH AFR", "SF", "TAGS: PREL PGOV SF"),
        ("SAUDI AR", "SA", "TAGS: PREL PGOV SA"),
        ("NEW ZEAL", "NZ", "TAGS: PREL PGOV NZ"),
        // Korea (South): by its title's words in either order, and by its CLDR name.
        ("SOUTH KOR", "KS", "TAGS: PREL PGOV KS"),
        ("south korea", "KS", "TAGS: PREL PGOV KS"),
        ("KOREA SOUTH", "KS", "TAGS: PREL PGOV KS"),
        ("KOREA SOU", "KS", "TAGS: PREL PGOV KS"),
        ("NORTH KOR", "KN", "TAGS: PREL PGOV KN"),
    ];
    for (typed, code, want) in cases {
        let line = format!("TAGS: PREL PGOV {typed}");
        let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", &line);
        let it = item(&text, after(&text, &line), code);
        assert_eq!(line_with(&accept(&text, &it), "TAGS:"), want, "{typed}");
    }
    // In the middle of the line, with the cursor inside the last word.
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL NEW ZEALAND PGOV");
    let it = item(&text, after(&text, "PREL NEW ZEAL"), "NZ");
    assert_eq!(
        line_with(&accept(&text, &it), "TAGS:"),
        "TAGS: PREL NZ PGOV"
    );
    // After a comma the words are separate tags: only the one being typed is replaced.
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL PGOV NORTH, MACED");
    let it = item(&text, after(&text, "NORTH, MACED"), "MK");
    assert_eq!(
        line_with(&accept(&text, &it), "TAGS:"),
        "TAGS: PREL PGOV NORTH, MK"
    );
}

/// After a name typed in words every item replaces the same words and is filtered on them: a
/// client that filters on the text from the items' shared start (Neovim; with different starts it
/// takes the word at the cursor alone, `KOR`, and dropped KS, whose filter begins `SOUTH`) keeps
/// the tags the name finds.
#[test]
fn the_items_after_a_name_in_words_share_its_start_and_filter_on_it() {
    let line = "TAGS: PREL PGOV SOUTH KOR";
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", line);
    let at = after(&text, line);
    let all = items(&text, at);
    let start = text.find("SOUTH KOR").unwrap();
    assert!(all.iter().any(|i| i.label == "KS"), "{all:?}");
    for i in &all {
        assert_eq!(i.replace.start(), start, "{i:?}");
        let filter = i.filter.as_deref().unwrap_or(&i.label);
        assert!(filter.starts_with("SOUTH KOR"), "{i:?}");
    }
    // KS first: the name found, before the tags whose title has a word starting `KOR`.
    assert_eq!(all[0].label, "KS", "{all:?}");
}

#[test]
fn tags_are_found_by_country_name_and_title() {
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL JAP");
    let at = after(&text, "TAGS: PREL JAP");
    let it = item(&text, at, "JA");
    assert!(
        it.filter.as_deref().unwrap_or("").starts_with("JAP"),
        "{it:?}"
    );
    assert_eq!(line_with(&accept(&text, &it), "TAGS:"), "TAGS: PREL JA");
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL KOREA");
    let labels: Vec<String> = items(&text, after(&text, "TAGS: PREL KOREA"))
        .into_iter()
        .map(|i| i.label)
        .collect();
    assert!(
        labels.contains(&"KS".to_string()) && labels.contains(&"KN".to_string()),
        "{labels:?}"
    );
}

#[test]
fn the_reason_list_replaces_the_list_already_written() {
    let text = OSLO.replace("Reasons 1.4 (b) and (d)", "Reasons 1.4 (b)");
    let at = after(&text, "Reasons 1");
    let it = item(&text, at, "1.4 (b) and (d)");
    assert_eq!(
        line_with(&accept(&text, &it), "Classified By"),
        "Classified By: Ambassador Jane Q. Example. Reasons 1.4 (b) and (d)"
    );
}

#[test]
fn banners_are_offered_while_typing_conf() {
    let text = OSLO.replace(
        "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217",
        "CONF",
    );
    let at = after(&text, "\nCONF");
    let it = item(&text, at, "C O N F I D E N T I A L");
    assert_eq!(
        line_with(&accept(&text, &it), "C O N F"),
        "C O N F I D E N T I A L OSLO 000217"
    );
}

#[test]
fn addressee_variants_from_real_headers_are_never_offered() {
    let text = OSLO.replace(
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\n",
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\nRUEHC/S\n",
    );
    let labels: Vec<String> = items(&text, after(&text, "\nRUEHC/S"))
        .into_iter()
        .map(|i| i.label)
        .collect();
    for variant in ["RUEHC/SESTATE WASHDC", "RUEHC/SECSTATE WASHDC0000"] {
        assert!(!labels.contains(&variant.to_string()), "{labels:?}");
    }
    let text = OSLO.replace("TO RUEHC/SECSTATE WASHDC", "TO RUEHCP/AMEMBASSY COPENHAGEN");
    let text = text.replace(
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\n",
        "RUEHSM/AMEMBASSY STOCKHOLM 0391\nRUEHC\n",
    );
    let labels: Vec<String> = items(&text, after(&text, "\nRUEHC"))
        .into_iter()
        .map(|i| i.label)
        .collect();
    assert_eq!(
        labels.first().map(String::as_str),
        Some("RUEHC/SECSTATE WASHDC")
    );
    assert!(
        !labels
            .iter()
            .any(|l| l.contains("SESTATE") || l.contains("WASHDC0000")),
        "{labels:?}"
    );
}

#[test]
fn hover_gives_canonical_addresses_first_and_variants_as_misspellings() {
    use cablelint::rules::{check_cable, Settings};
    let cable = parse(OSLO);
    let diags = check_cable(&cable, &Settings::default(), Tables::builtin());
    let at = after(OSLO, "TO RUEH");
    let md = ide::hover(&cable, Tables::builtin(), &diags, at)
        .map(|h| h.markdown)
        .unwrap_or_default();
    assert!(!md.contains("Also written as"), "{md}");
    let (served, also) = md
        .split_once("\n\nMisspelt in released cables as: ")
        .expect(&md);
    assert!(
        served.contains("- SECSTATE WASHDC\n") || served.ends_with("- SECSTATE WASHDC\n\n"),
        "{md}"
    );
    assert!(
        !served.contains("SESTATE") && !served.contains("WASHDC0000"),
        "{md}"
    );
    assert!(
        also.contains("SESTATE WASHDC") && also.contains("SECSTATE WASHDC0000"),
        "{md}"
    );
    assert!(
        also.ends_with("(slips, not accepted forms; cablelint does not report them)."),
        "{md}"
    );
}

#[test]
fn the_fl4_line_completes_the_security_warning_of_the_banner() {
    let text = OSLO.replace("ZNY CCCCC ZZH", "ZN ZZH");
    let at = after(&text, "\nZN");
    let all = items(&text, at);
    assert_eq!(all[0].label, "ZNY CCCCC", "{all:?}");
    assert!(all[0].preselect);
    assert!(all.iter().any(|i| i.label == "ZNR UUUUU"), "{all:?}");
    assert_eq!(line_with(&accept(&text, &all[0]), "ZZH"), "ZNY CCCCC ZZH");
    // A code already written is replaced whole.
    let text = OSLO.replace("ZNY CCCCC ZZH", "ZNY SSSSS ZZH");
    let it = item(&text, after(&text, "\nZN"), "ZNY CCCCC");
    assert_eq!(line_with(&accept(&text, &it), "ZZH"), "ZNY CCCCC ZZH");
}

/// The security line completed with the cursor at its end, among the operating signals (as
/// Neovim's `A` puts it): the warning is replaced and `ZZH` stays. On a line without operating
/// signals (`ZN`, `ZNY CCCCC`) the item writes the whole line, `ZZH` included.
#[test]
fn the_security_line_keeps_its_operating_signals_with_the_cursor_at_the_end() {
    for (line, label, want) in [
        ("ZNR UUUUU ZZH", "ZNY CCCCC", "ZNY CCCCC ZZH"),
        ("ZNY SSSSS ZZH ZDK", "ZNY CCCCC", "ZNY CCCCC ZZH ZDK"),
        ("ZNY ZZH", "ZNY CCCCC", "ZNY CCCCC ZZH"),
        ("ZN", "ZNY CCCCC ZZH", "ZNY CCCCC ZZH"),
        ("ZNY CCCCC", "ZNY CCCCC ZZH", "ZNY CCCCC ZZH"),
        ("ZNY ", "ZNY CCCCC ZZH", "ZNY CCCCC ZZH"),
    ] {
        let text = OSLO.replace("\nZNY CCCCC ZZH\n", &format!("\n{line}\n"));
        let at = after(&text, &format!("\n{line}"));
        let all = items(&text, at);
        let it = all.iter().find(|i| i.label == label).unwrap_or_else(|| {
            panic!(
                "no `{label}` at the end of `{line}` among {:?}",
                all.iter().map(|i| &i.label).collect::<Vec<_>>()
            )
        });
        let accepted = accept(&text, it);
        assert_eq!(accepted.lines().nth(3), Some(want), "{line}");
        // Editors filter on the text from the range's start to the cursor: it matches.
        let typed = &text[it.replace.start()..at];
        let filter = it.filter.as_deref().unwrap_or(&it.label);
        assert!(
            filter.starts_with(typed),
            "{line}: `{filter}` for `{typed}`"
        );
    }
    // The cursor in the middle of `ZZH`: the part before the cursor is written again.
    let text = OSLO.replace("ZNY CCCCC ZZH", "ZNR UUUUU ZZH");
    let it = item(&text, after(&text, "UUUUU Z"), "ZNY CCCCC");
    assert_eq!(line_with(&accept(&text, &it), "ZZH"), "ZNY CCCCC ZZH");
}

/// The other header lines with the cursor in their first word or at their end: no item loses
/// or joins the text after the cursor's group (`TO` kept, `FM` followed by a space).
#[test]
fn header_line_completions_keep_the_text_after_the_cursor() {
    // The cursor right after `FM`: the post's name comes after a space.
    let at = after(OSLO, "\nFM");
    let it = item(OSLO, at, "AMEMBASSY OSLO");
    assert_eq!(accept(OSLO, &it).lines().nth(5), Some("FM AMEMBASSY OSLO"));
    // The cursor in a block label: nothing replaces the label.
    for needle in ["\nT", "\nTO", "\nINF", "\nINFO"] {
        let at = after(OSLO, needle);
        assert!(
            items(OSLO, at).is_empty(),
            "{needle:?}: {:?}",
            items(OSLO, at)
        );
    }
    // At the end of each header line, every item keeps the words before the cursor's group.
    for (n, line) in OSLO.lines().enumerate().take(10) {
        let at = OSLO.lines().take(n).map(|l| l.len() + 1).sum::<usize>() + line.len();
        let first = line.split(' ').next().unwrap_or("");
        for it in items(OSLO, at) {
            let accepted = accept(OSLO, &it);
            let got = accepted.lines().nth(n).unwrap_or("");
            assert!(
                !["FM", "TO", "INFO"].contains(&first) || got.starts_with(&format!("{first} ")),
                "line {n} `{line}` became `{got}` with `{}`",
                it.label
            );
            assert!(
                got.split(' ').count() >= line.split(' ').count(),
                "line {n} `{line}` became `{got}` with `{}`",
                it.label
            );
        }
    }
}

/// The items in the order the editor shows them: by sort text, then label.
fn sorted(mut all: Vec<ide::CompletionItem>) -> Vec<ide::CompletionItem> {
    all.sort_by(|a, b| {
        let key = |i: &ide::CompletionItem| i.sort.clone().unwrap_or_else(|| i.label.clone());
        key(a).cmp(&key(b))
    });
    all
}

fn labels(all: &[ide::CompletionItem]) -> Vec<&str> {
    all.iter().map(|i| i.label.as_str()).collect()
}

#[test]
fn fl1_completes_vzczc_the_channel_and_the_sequence_and_no_banner() {
    let text = OSLO.replace("VZCZCXRO4417", "VZ");
    let all = items(&text, after(&text, "VZ"));
    assert!(
        !all.iter().any(|i| i.label.contains("C O N F")),
        "{:?}",
        labels(&all)
    );
    let first = sorted(all).remove(0);
    assert!(first.preselect);
    assert!(first.label.starts_with("VZCZCXRO"), "{first:?}");
    assert_eq!(
        accept(&text, &first).lines().next(),
        Some(first.label.as_str())
    );
    // On an empty first line of a new cable: the sequence of serial 1, and no banner either.
    let all = items("V", 1);
    assert_eq!(labels(&sorted(all)), ["VZCZCXRO0001", "VZCZCXYZ0001"]);
    // In a folder whose recent cables are sent on XRO up to 5120: the next number on that channel.
    let folder = || {
        let mut state = cablelint::workspace::draft::FolderState::default();
        state.add(OSLO);
        state.add(&OSLO.replace("VZCZCXRO4417", "VZCZCXRO5120"));
        state
    };
    let cable = parse("V");
    let all = ide::completions_with(&cable, Tables::builtin(), 1, now(), Some(&folder)).items;
    let first = sorted(all).remove(0);
    assert_eq!(accept("V", &first), "VZCZCXRO5121");
    // A cable that tells its serial keeps the serial's number, as `cablelint new` writes it.
    let cable = parse(OSLO);
    let all = ide::completions_with(&cable, Tables::builtin(), 5, now(), Some(&folder)).items;
    let first = sorted(all).remove(0);
    assert_eq!(accept(OSLO, &first).lines().next(), Some("VZCZCXRO0217"));
}

#[test]
fn fl2_completes_the_prosign_then_the_addressees_routing_indicators() {
    let text = OSLO.replace("PP RUEHCP RUEHHE", "P");
    let first = sorted(items(&text, after(&text, "\nP"))).remove(0);
    assert!(first.preselect);
    assert_eq!(
        line_with(&accept(&text, &first), "PP "),
        "PP RUEHC RUEHCP RUEHHE RUEHSM"
    );
    // After the prosign: the routing indicators not on the line yet.
    let text = OSLO.replace("PP RUEHCP RUEHHE", "PP RUEHC ");
    let all = items(&text, after(&text, "PP RUEHC "));
    let l = labels(&all);
    assert!(l.contains(&"RUEHCP") && l.contains(&"RUEHSM"), "{l:?}");
    assert!(!l.contains(&"RUEHC"), "{l:?}");
    let it = item(&text, after(&text, "PP RUEHC "), "RUEHHE");
    assert_eq!(line_with(&accept(&text, &it), "PP "), "PP RUEHC RUEHHE");
}

#[test]
fn fl2_continuation_lines_complete_the_routing_indicators_not_written_yet() {
    // A routing line that wraps: on the next line, a routing indicator being typed.
    let text = OSLO.replace("PP RUEHCP RUEHHE", "PP RUEHC RUEHCP\nRUEHH");
    let all = items(&text, after(&text, "\nRUEHH"));
    let l = labels(&all);
    assert!(l.contains(&"RUEHHE") && l.contains(&"RUEHSM"), "{l:?}");
    assert!(!l.contains(&"RUEHC") && !l.contains(&"RUEHCP"), "{l:?}");
    assert!(
        !l.contains(&"PP"),
        "no prosign on a continuation line: {l:?}"
    );
    let it = item(&text, after(&text, "\nRUEHH"), "RUEHHE");
    let done = accept(&text, &it);
    assert_eq!(line_with(&done, "PP "), "PP RUEHC RUEHCP");
    assert_eq!(done.lines().nth(2), Some("RUEHHE"), "the continuation line");
    // A new line after FL2 with only `R` typed (not a routing indicator yet, so not parsed as
    // one): the rest of the routing indicators, all at once or one by one.
    let text = OSLO.replace("PP RUEHCP RUEHHE", "PP RUEHC RUEHCP\nR");
    let all = items(&text, after(&text, "\nR"));
    let it = item(&text, after(&text, "\nR"), "RUEHHE RUEHSM");
    assert_eq!(accept(&text, &it).lines().nth(2), Some("RUEHHE RUEHSM"));
    assert!(labels(&all).contains(&"RUEHSM"), "{:?}", labels(&all));
    // After a routing indicator written on the continuation line: the others.
    let text = OSLO.replace("PP RUEHCP RUEHHE", "PP RUEHC\nRUEHCP ");
    let all = items(&text, after(&text, "\nRUEHCP "));
    let l = labels(&all);
    assert!(l.contains(&"RUEHHE") && l.contains(&"RUEHSM"), "{l:?}");
    assert!(!l.contains(&"RUEHCP") && !l.contains(&"RUEHC"), "{l:?}");
    // An empty line after FL2 is still the DE line's.
    let text = OSLO.replace("PP RUEHCP RUEHHE", "PP RUEHC RUEHCP\n");
    let at = after(&text, "RUEHCP\n");
    assert_eq!(labels(&items(&text, at)), ["DE RUEHNY #0217/01 0740930"]);
}

#[test]
fn the_de_line_is_computed_from_the_fm_post_the_serial_and_the_dtg() {
    // The banner's serial and section; the julian day and time of 14 March 2008 09:30.
    let text = OSLO.replace("DE RUEHNY #0217/01 0740930", "D");
    let it = item(&text, after(&text, "\nD"), "DE RUEHNY #0217/01 0740930");
    assert!(it.preselect);
    assert_eq!(
        line_with(&accept(&text, &it), "DE "),
        "DE RUEHNY #0217/01 0740930"
    );
    // Another FM post gives its own routing indicator.
    let text = text.replace("FM AMEMBASSY OSLO", "FM AMEMBASSY TOKYO");
    let all = items(&text, after(&text, "\nD"));
    assert_eq!(labels(&all), ["DE RUEHKO #0217/01 0740930"]);
    // Without a banner serial, the next free serial of the folder, for the FM post's station.
    let text = OSLO
        .replace("DE RUEHNY #0217/01 0740930", "")
        .replace(" SECTION 01 OF 02 OSLO 000217", "");
    let at = after(&text, "RUEHHE\n");
    let cable = parse(&text);
    // The folder holds OSLO's serial 41 of 2008, and serial 90 of another year.
    let folder = || {
        let mut state = cablelint::workspace::draft::FolderState::default();
        state.add(&OSLO.replace("OSLO 000217", "OSLO 000041"));
        state.add(
            &OSLO
                .replace("OSLO 000217", "OSLO 000090")
                .replace("MAR 08", "MAR 07"),
        );
        state
    };
    let all = ide::completions_with(&cable, Tables::builtin(), at, now(), Some(&folder)).items;
    assert_eq!(labels(&all), ["DE RUEHNY #0042 0740930"]);
    // A `VZCZCXYZ` copy has a blank line after FL2.
    let text = OSLO
        .replace("PP RUEHCP RUEHHE", "PP RUEHWEB\n")
        .replace("DE RUEHNY #0217/01 0740930", "DE");
    let all = items(&text, after(&text, "\nDE"));
    assert_eq!(labels(&all), ["DE RUEHNY #0217/01 0740930"]);
}

#[test]
fn no_banner_is_offered_on_a_header_line_still_to_write() {
    for (text, at) in [
        ("V", "V"),
        ("VZCZCXRO0001\nPP RUEHC\nU", "\nU"),
        (
            "VZCZCXRO0001\nPP RUEHC\nDE RUEHNY #0001 3340930\nZNY CCCCC ZZH\nS",
            "ZZH\nS",
        ),
        (
            "VZCZCXRO0001\nPP RUEHC\nDE RUEHNY #0001 3340930\nZNY CCCCC ZZH\nP 300930Z NOV 09\nS",
            "NOV 09\nS",
        ),
    ] {
        check_no_banner(text, after(text, at));
    }
    // The first line rewritten above the rest of a header.
    let text = OSLO.replace("VZCZCXRO4417", "S");
    check_no_banner(&text, 1);
}

/// Asserts that no banner is offered at `at`.
fn check_no_banner(text: &str, at: usize) {
    let all = items(text, at);
    assert!(
        !all.iter().any(|i| i.kind == ide::CompletionKind::Level
            && (i.label.starts_with("S E C") || i.label.starts_with("UNCLAS"))),
        "at {at}: {:?}",
        labels(&all)
    );
}

#[test]
fn banners_typed_in_the_spaced_form_are_filtered_on_the_spaced_words() {
    let text = OSLO.replace(
        "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217",
        "C O N",
    );
    let it = item(&text, after(&text, "\nC O N"), "C O N F I D E N T I A L");
    assert!(
        it.filter
            .as_deref()
            .unwrap_or(&it.label)
            .starts_with("C O N"),
        "{it:?}"
    );
    assert_eq!(
        line_with(&accept(&text, &it), "C O N"),
        "C O N F I D E N T I A L OSLO 000217"
    );
}

#[test]
fn fm_offers_the_post_of_the_de_station_first() {
    let text = OSLO
        .replace("FM AMEMBASSY OSLO", "FM ")
        .replace("DE RUEHNY", "DE RUEHKO");
    let first = sorted(items(&text, after(&text, "\nFM "))).remove(0);
    assert_eq!(first.label, "AMEMBASSY TOKYO");
    assert!(first.preselect);
    assert_eq!(
        line_with(&accept(&text, &first), "FM"),
        "FM AMEMBASSY TOKYO"
    );
}

#[test]
fn the_portion_marking_of_the_banner_comes_first_and_leaves_the_text() {
    let text = OSLO.replace("¶2. (C) The", "¶2. The");
    let first = sorted(items(&text, after(&text, "¶2. "))).remove(0);
    assert_eq!(first.label, "(C)");
    assert_eq!(
        line_with(&accept(&text, &first), "¶2."),
        "¶2. (C) The deputy director said the first round would take place"
    );
}

#[test]
fn an_info_line_never_preselects_flash() {
    let text = OSLO.replace(
        "INFO RUEHCP/AMEMBASSY COPENHAGEN PRIORITY 0412",
        "INFO RUEHCP/AMEMBASSY COPENHAGEN ",
    );
    let all = sorted(items(&text, after(&text, "COPENHAGEN ")));
    // The cable is PRIORITY (FL5 `P`): that comes first and is preselected.
    assert_eq!(all[0].label, "PRIORITY", "{:?}", labels(&all));
    assert!(all[0].preselect);
    assert!(!all.iter().any(|i| i.label == "FLASH" && i.preselect));
    // Without an FL5 letter, an INFO line still does not start with FLASH.
    let text = text.replace("P 140930Z MAR 08\n", "");
    let all = sorted(items(&text, after(&text, "COPENHAGEN ")));
    assert_ne!(all[0].label, "FLASH", "{:?}", labels(&all));
    assert!(!all.iter().any(|i| i.label == "FLASH" && i.preselect));
}

#[test]
fn a_reason_letter_being_typed_is_offered_without_a_doubled_parenthesis() {
    let text = OSLO.replace("Reasons 1.4 (b) and (d)", "Reasons 1.4 (b) and (d");
    let all = items(&text, after(&text, "and (d"));
    // (b) is written already; (d) is the one being typed.
    assert!(!labels(&all).contains(&"(b)"), "{:?}", labels(&all));
    let it = item(&text, after(&text, "and (d"), "(d)");
    assert_eq!(
        line_with(&accept(&text, &it), "Classified By"),
        "Classified By: Ambassador Jane Q. Example. Reasons 1.4 (b) and (d)"
    );
}

/// The DE line's items before the FM line names the post: the filter text begins with what was
/// typed, in its case, and repeats no `DE`, so that a client keeping the items whose filter begins
/// with the text typed (Neovim) keeps them; accepting one writes the whole line.
#[test]
fn the_de_line_without_an_fm_post_is_filtered_on_what_was_typed() {
    for (typed, filter) in [
        ("de acc", "de acc RUEHAR AMEMBASSY ACCRA"),
        ("DE ACCRA", "DE ACCRA RUEHAR AMEMBASSY ACCRA"),
        ("DE ", "DE RUEHAR #0001 3070705 AMEMBASSY ACCRA"),
        ("DE RUEHA", "DE RUEHAR #0001 3070705 AMEMBASSY ACCRA"),
    ] {
        let text = format!("VZCZCXRO0001\nRR RUEHC\n{typed}");
        let all = items(&text, text.len());
        let Some(it) = all.iter().find(|i| i.filter.as_deref() == Some(filter)) else {
            panic!(
                "{typed:?}: no item filtered as {filter:?} among {:?}",
                all.iter().map(|i| &i.filter).collect::<Vec<_>>()
            );
        };
        for i in &all {
            let f = i.filter.as_deref().unwrap_or(&i.label);
            assert!(f.starts_with(typed.trim_end()), "{typed:?}: {f:?}");
            assert!(!f.contains("DE DE"), "{typed:?}: {f:?}");
        }
        assert_eq!(
            accept(&text, it),
            "VZCZCXRO0001\nRR RUEHC\nDE RUEHAR #0001 3070705",
            "{typed:?}"
        );
    }
}

/// A header typed top-down in an empty file: each line's completion works from the line's own
/// shape before the FM line makes the parse read a header (`DE ` with no FM post yet, the
/// security line under a DE line still being written, the date-time group under it, an INFO
/// continuation line).
#[test]
fn a_header_typed_top_down_completes_each_line() {
    // `DE ` and the start of a post's name: the post's station, serial 1 and now.
    let text = "VZCZCXRO0001\nRR RUEHC\nDE ACC";
    let it = item(text, text.len(), "DE RUEHAR #0001 3070705");
    assert_eq!(
        accept(text, &it),
        "VZCZCXRO0001\nRR RUEHC\nDE RUEHAR #0001 3070705"
    );
    // Nothing picked on the DE line yet: the next line is the security line, not the banner.
    let text = "VZCZCXRO0001\nRR RUEHC\nDE \n";
    let labels: Vec<String> = items(text, text.len())
        .into_iter()
        .map(|i| i.label)
        .collect();
    assert!(labels.contains(&"ZNR UUUUU ZZH".to_string()), "{labels:?}");
    assert!(
        !labels.contains(&"C O N F I D E N T I A L".to_string()),
        "{labels:?}"
    );
    let it = item(text, text.len(), "ZNR UUUUU ZZH");
    assert_eq!(
        accept(text, &it),
        "VZCZCXRO0001\nRR RUEHC\nDE \nZNR UUUUU ZZH"
    );
    // The date-time group under that security line.
    let text = "VZCZCXRO0001\nRR RUEHC\nDE \nZNR UUUUU ZZH\nR ";
    let it = item(text, text.len(), "030705Z NOV 09");
    assert!(accept(text, &it).ends_with("\nR 030705Z NOV 09"));
    // An INFO continuation line.
    let text = "VZCZCXRO0001\nRR RUEHC\nDE \nZNR UUUUU ZZH\nR 030705Z NOV 09\nFM AMEMBASSY ACCRA\n\
                TO RUEHC/SECSTATE WASHDC 0001\nINFO RUEHLO/AMEMBASSY LOME 0001\nABIDJ";
    let it = item(text, text.len(), "RUEHAB/AMEMBASSY ABIDJAN");
    assert!(accept(text, &it).ends_with("\nRUEHAB/AMEMBASSY ABIDJAN"));
}

/// A tag found by a country's current or common name, which the data gives as a CLDR name
/// (`MYANMAR`, `TURKIYE` for `Türkiye`) or the common names beside it (`IVORY`, `HOLY` of `Holy
/// See`, `ENGLAND`): accepting it writes the code.
#[test]
fn a_tag_is_found_by_current_and_common_country_names() {
    for (typed, code) in [
        ("MYANMAR", "BM"),
        ("CZECHIA", "EZ"),
        ("ESWATINI", "WZ"),
        ("TURKIYE", "TU"),
        ("IVORY", "IV"),
        ("CABO", "CV"),
        ("HOLY", "VT"),
        ("BRITAIN", "UK"),
        ("ENGLAND", "UK"),
    ] {
        let text = OSLO.replacen("TAGS: PREL PGOV ENRG NO", &format!("TAGS: PGOV {typed}"), 1);
        let at = after(&text, &format!("TAGS: PGOV {typed}"));
        let it = item(&text, at, code);
        assert_eq!(
            line_with(&accept(&text, &it), "TAGS:"),
            format!("TAGS: PGOV {code}"),
            "{typed}"
        );
    }
}

/// A valid code that `misused-tag` (CBL308) reports as a known misuse comes after the code
/// meant, and its detail names that code: `EU` (Europa Island) after `EUN` (European Union).
/// Accepting the first item gives a TAGS line the checker does not flag.
#[test]
fn a_tag_known_as_a_misuse_comes_after_the_code_meant() {
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL EU");
    let at = after(&text, "TAGS: PREL EU");
    let all = items(&text, at);
    let labels: Vec<&str> = all.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels[..2], ["EUN", "EU"], "{labels:?}");
    let eu = &all[1];
    assert!(eu.sort > all[0].sort, "{all:?}");
    let detail = eu.detail.as_deref().unwrap_or("");
    assert!(detail.starts_with("Europa Island"), "{detail}");
    assert!(
        detail.contains("the European Union's tag is EUN"),
        "{detail}"
    );
    let accepted = accept(&text, &all[0]);
    assert_eq!(line_with(&accepted, "TAGS:"), "TAGS: PREL EUN");
    let misused = |text: &str| {
        cablelint::check(text, &Default::default(), Tables::builtin())
            .iter()
            .filter(|d| d.rule.code() == "CBL308")
            .count()
    };
    assert_eq!(misused(&accepted), 0);
    assert_eq!(misused(&accept(&text, eu)), 1);
    // A misuse whose code meant is not offered keeps its place, with the note.
    let text = OSLO.replace("TAGS: PREL PGOV ENRG NO", "TAGS: PREL CN");
    let cn = item(&text, after(&text, "TAGS: PREL CN"), "CN");
    assert!(
        cn.detail.as_deref().unwrap_or("").contains("China is CH"),
        "{cn:?}"
    );
}

/// After `E.O. ` in a draft, the order in force on the drafting date comes first and is
/// preselected; the older orders follow, newest first, so that a 2026 draft is offered `13526:`
/// before `12958:` and the orders of the 1970s last (before, the list held them oldest first with
/// the order in force last, as Neovim showed it); orders that came later follow those.
#[test]
fn the_executive_order_in_force_on_the_drafting_date_comes_first() {
    for (dtg, year, want) in [
        (
            "P 140930Z MAR 08",
            2008,
            ["12958:", "12356:", "12065:", "11652:", "13526:"],
        ),
        (
            "P 020531Z DEC 26",
            2026,
            ["13526:", "12958:", "12356:", "12065:", "11652:"],
        ),
    ] {
        let text = OSLO
            .replace("P 140930Z MAR 08", dtg)
            .replace("E.O. 12958: DECL: 03/14/2018", "E.O. ");
        let all = items(&text, after(&text, "\nE.O. "));
        // Listed in that order (clients that ignore the sort text show the server's order) …
        let labels: Vec<&str> = all.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, want, "{year}: {all:?}");
        // … and sorted so by the sort text (clients that sort by it).
        let mut sorted = all.clone();
        sorted.sort_by(|a, b| a.sort.cmp(&b.sort));
        let labels: Vec<&str> = sorted.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, want, "{year}: {all:?}");
        assert!(
            all[0].preselect && all[1..].iter().all(|i| !i.preselect),
            "{year}"
        );
        let accepted = accept(&text, &all[0]);
        assert_eq!(line_with(&accepted, "E.O."), format!("E.O. {}", want[0]));
    }
}

/// The `E.O.` label being typed at the start of a line, in any of its partial forms: accepting the
/// first item gives the whole canonical line (`E.O. 12958: DECL: …`, as on an empty line), never a
/// number glued onto the partial label (`E.O12958:`); once the canonical `E.O. ` is there, the
/// number completes it.
#[test]
fn a_partly_typed_eo_label_completes_to_the_whole_label() {
    for (typed, want) in [
        ("E", "E.O. 12958: DECL: 03/14/2018"),
        ("E.", "E.O. 12958: DECL: 03/14/2018"),
        ("E.O", "E.O. 12958: DECL: 03/14/2018"),
        ("E.O.", "E.O. 12958: DECL: 03/14/2018"),
        ("e.o", "E.O. 12958: DECL: 03/14/2018"),
        ("e.o.", "E.O. 12958: DECL: 03/14/2018"),
        ("EO", "E.O. 12958: DECL: 03/14/2018"),
        ("E.O. ", "E.O. 12958:"),
        ("E.O. 1", "E.O. 12958:"),
        ("E.O.1", "E.O. 12958:"),
        ("e.o 12", "E.O. 12958:"),
    ] {
        let text = OSLO.replace("E.O. 12958: DECL: 03/14/2018", typed);
        let at = after(&text, &format!("\n{typed}"));
        let mut all = items(&text, at);
        all.sort_by(|a, b| a.sort.cmp(&b.sort));
        let first = all
            .first()
            .unwrap_or_else(|| panic!("no completion after `{typed}`"));
        let accepted = accept(&text, first);
        let line = accepted[at - typed.len()..].lines().next().unwrap();
        assert_eq!(line, want, "after `{typed}`: {first:?}");
    }
}
