//! Every rule's documented example is run: the `## Example` of a rule's documentation (what
//! `cablelint rule CODE` prints) must fire that rule, and the example given after "Use instead" must
//! not.
//!
//! # How an example becomes a cable
//! An example is a fenced `cable` block. It shows only the lines that matter; the lines it leaves out
//! are those of an ordinary, correct cable, `tests/rule_examples/template.cable` (an invented Tokyo
//! CONFIDENTIAL cable of 17 May 2007 that is free of findings with every rule on). The lines of a
//! cable fall into elements in a fixed order (see [`Element`]). A block replaces the stretch of the
//! template from the earliest to the latest element it holds, so an element the block skips inside
//! that stretch is absent, and a line `…` stands for the template's elements between its neighbours.
//! A line that starts no element (an addressee continuation, a wrapped SUBJECT, a blank line)
//! belongs to the element above it, and every line from the first paragraph on is the text. A block
//! with the info string `cable whole` is the file from its first line to its last: the template's
//! elements come in only where a `…` stands (a draft without its header, say).
//!
//! The blocks before the line that starts "Use instead" show the fault; each must fire the rule.
//! The blocks after it show the correction, placed the same way into the faulty cable; none may fire
//! the rule. Every rule has at least one faulty block.
//!
//! A cross-cable rule (`CBL7xx`) compares the cables checked together, so its faulty blocks are
//! the cables of one set, each placed into the template; the rule must fire on the set. Its blocks
//! after "Use instead" are placed into the faulty cables of the same rank (the first into the first),
//! and the rule must not fire on the set they make. The faulty set fires no other cross-cable rule,
//! so that the example shows one fault.

mod support;

use cablelint::data::Tables;
use cablelint::rules::{Rule, Settings};
use support::every_rule;

const TEMPLATE: &str = include_str!("rule_examples/template.cable");

/// The elements of a cable in the order they stand, each recognised by how its first line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Element {
    /// Lines before the header: a release's dump lines, a note on a partial record.
    Preamble,
    TransmissionId,
    RoutingLine,
    DeLine,
    SecurityLine,
    Dtg,
    From,
    To,
    Info,
    Banner,
    Captions,
    EoLine,
    Tags,
    Subject,
    Ref,
    ClassifiedBy,
    /// The numbered paragraphs and everything after them (continuation headers, the signature).
    Text,
}

impl Element {
    /// The element a line starts, if it starts one.
    fn of(line: &str) -> Option<Element> {
        use Element::*;
        const CAPTIONS: [&str; 8] = [
            "SIPDIS",
            "NODIS",
            "EXDIS",
            "STADIS",
            "LIMDIS",
            "NOFORN",
            "SENSITIVE",
            "CHEROKEE",
        ];
        const BANNERS: [&str; 6] = [
            "C O N F I D E N T I A L",
            "S E C R E T",
            "T O P",
            "UNCLAS",
            "CONFIDENTIAL",
            "SECRET",
        ];
        let two_letters_then_ri = |l: &str| {
            let b = l.as_bytes();
            b.len() > 4 && b[..2].iter().all(u8::is_ascii_uppercase) && b[2] == b' ' && b[3] == b'R'
        };
        let dtg = |l: &str| {
            let words: Vec<&str> = l.split_whitespace().collect();
            let at = words.iter().position(|w| w.len() == 7 && w.ends_with('Z'));
            at.is_some_and(|i| {
                (1..=2).contains(&i)
                    && words[..i].iter().all(|w| w.len() == 1)
                    && words[i][..6].bytes().all(|b| b.is_ascii_digit())
            })
        };
        Some(match line {
            l if l.starts_with("VZCZC") => TransmissionId,
            l if l.starts_with("DE ") => DeLine,
            l if l.starts_with("ZNR ") || l.starts_with("ZNY ") => SecurityLine,
            l if l.starts_with("FM ") => From,
            l if l.starts_with("TO ") => To,
            l if l.starts_with("INFO ") || l.starts_with("XMT ") => Info,
            l if two_letters_then_ri(l) => RoutingLine,
            l if dtg(l) => Dtg,
            l if BANNERS.iter().any(|b| l.starts_with(b)) => Banner,
            l if CAPTIONS.contains(&l.trim()) => Captions,
            l if l.starts_with("E.O.") => EoLine,
            l if l.starts_with("TAGS") => Tags,
            l if l.starts_with("SUBJECT") => Subject,
            l if l.starts_with("REF") => Ref,
            l if l.starts_with("Classified By") => ClassifiedBy,
            l if l.starts_with('¶') || l.starts_with('(') => Text,
            _ => return None,
        })
    }

    /// Whether a blank line follows the element in an ordinary cable.
    fn blank_after(self) -> bool {
        use Element::*;
        matches!(
            self,
            Info | Banner | Captions | Subject | Ref | ClassifiedBy
        )
    }
}

/// One element's lines, or a `…` standing for the template's lines.
#[derive(Debug, Clone)]
enum Piece {
    Lines(Element, Vec<String>),
    Elided,
}

/// Splits a block into its elements and elisions, in order.
fn pieces(block: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut current: Option<Element> = None;
    for line in block.lines() {
        if matches!(line.trim(), "…" | "...") {
            out.push(Piece::Elided);
            continue;
        }
        let starts =
            Element::of(line).filter(|e| current.is_none_or(|c| c != Element::Text && *e != c));
        assert!(
            starts.is_some() || !matches!(out.last(), Some(Piece::Elided)),
            "the line after `…` starts no new element, so the block is ambiguous: `{line}`"
        );
        match (starts, out.last_mut()) {
            (None, Some(Piece::Lines(_, lines))) => lines.push(line.to_string()),
            _ => {
                let element = starts.or(current).unwrap_or(Element::Preamble);
                out.push(Piece::Lines(element, vec![line.to_string()]));
                current = Some(element);
            }
        }
    }
    out
}

/// The element of a piece, `None` for an elision.
fn element(p: &Piece) -> Option<Element> {
    match p {
        Piece::Lines(e, _) => Some(*e),
        Piece::Elided => None,
    }
}

/// Places a block into a cable: see the module documentation. A `whole` block takes the cable's
/// elements before and after its own only where it starts or ends with `…`.
fn place(block: &str, cable: &str, whole: bool) -> String {
    let base = pieces(cable);
    let block = pieces(block);
    let given: Vec<Element> = block.iter().filter_map(element).collect();
    let (Some(&first), Some(&last)) = (given.iter().min(), given.iter().max()) else {
        panic!("an example block holds no line of a cable:\n{block:?}");
    };
    let from_base = |keep: &dyn Fn(Element) -> bool| -> Vec<Piece> {
        base.iter()
            .filter(|p| element(p).is_some_and(keep))
            .cloned()
            .collect()
    };
    let starts_elided = matches!(block.first(), Some(Piece::Elided));
    let ends_elided = matches!(block.last(), Some(Piece::Elided));
    let mut placed = Vec::new();
    if !whole || starts_elided {
        placed.extend(from_base(&|e| e < first));
    }
    let mut before = None;
    let mut elided = false;
    for piece in &block {
        match piece {
            Piece::Elided => elided = true,
            Piece::Lines(e, lines) => {
                if let (true, Some(b)) = (elided, before) {
                    placed.extend(from_base(&|x| x > b && x < *e));
                }
                let mut lines = lines.clone();
                while lines.last().is_some_and(|l| l.trim().is_empty()) {
                    lines.pop();
                }
                if e.blank_after() {
                    lines.push(String::new());
                }
                placed.push(Piece::Lines(*e, lines));
                before = Some(*e);
                elided = false;
            }
        }
    }
    if !whole || ends_elided {
        placed.extend(from_base(&|e| e > last));
    }
    let mut text = String::new();
    for piece in placed {
        if let Piece::Lines(_, lines) = piece {
            for line in lines {
                text.push_str(&line);
                text.push('\n');
            }
        }
    }
    text
}

/// A fenced block of an example: its text and whether it is a whole file.
struct Block {
    text: String,
    whole: bool,
}

/// The example's blocks: those showing the fault, and those after "Use instead".
fn example_blocks(doc: &str) -> (Vec<Block>, Vec<Block>) {
    let example = doc
        .split("## Example")
        .nth(1)
        .expect("the documentation has an example");
    let (mut faulty, mut correct) = (Vec::new(), Vec::new());
    let mut corrected = false;
    let mut open: Option<Block> = None;
    for line in example.lines() {
        match open.as_mut() {
            Some(_) if line.trim_start().starts_with("```") => {
                let block = open.take().expect("a block is open");
                if corrected { &mut correct } else { &mut faulty }.push(block);
            }
            Some(block) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            None if line.starts_with("## ") => break,
            None => {
                if let Some(info) = line.trim_start().strip_prefix("```") {
                    let info: Vec<&str> = info.split_whitespace().collect();
                    assert_eq!(
                        info.first(),
                        Some(&"cable"),
                        "an example block is a `cable` block"
                    );
                    let whole = info.get(1) == Some(&"whole");
                    open = Some(Block {
                        text: String::new(),
                        whole,
                    });
                } else if line.starts_with("Use instead") {
                    corrected = true;
                }
            }
        }
    }
    assert!(open.is_none(), "an example block is not closed");
    (faulty, correct)
}

/// The cross-cable rules that fire on a set of cables.
fn fired_on_set(cables: &[String], settings: &Settings) -> Vec<Rule> {
    use cablelint::rules::cross::{check_set, CableSummary, Member};
    let summaries: Vec<CableSummary> = cables.iter().map(|c| CableSummary::of_text(c)).collect();
    let members: Vec<Member> = summaries
        .iter()
        .map(|summary| Member {
            name: "example.cable",
            summary,
            settings,
        })
        .collect();
    check_set(&members)
        .iter()
        .flatten()
        .map(|d| d.rule)
        .collect()
}

/// Runs a cross-cable rule's example: see the module documentation.
fn cross_example(rule: Rule, faulty: &[Block], correct: &[Block], failures: &mut Vec<String>) {
    let settings = every_rule();
    let cables: Vec<String> = faulty.iter().map(|b| as_cable(b, TEMPLATE)).collect();
    let fired = fired_on_set(&cables, &settings);
    if let Some(other) = fired.iter().find(|&&r| r != rule) {
        failures.push(format!(
            "{} ({}) example set also fires {}: an example shows one fault",
            rule.code(),
            rule.name(),
            other.code()
        ));
    }
    if !fired.contains(&rule) {
        failures.push(format!(
            "{} ({}) does not fire on its example set, placed as\n{}",
            rule.code(),
            rule.name(),
            cables.join("\n-----\n")
        ));
    }
    if correct.is_empty() {
        return;
    }
    let corrected: Vec<String> = cables
        .iter()
        .enumerate()
        .map(|(i, c)| correct.get(i).map_or(c.clone(), |b| as_cable(b, c)))
        .collect();
    if fired_on_set(&corrected, &settings).contains(&rule) {
        failures.push(format!(
            "{} ({}) fires on the example set after \"Use instead\", placed as\n{}",
            rule.code(),
            rule.name(),
            corrected.join("\n-----\n")
        ));
    }
}

/// The rules that fire on a cable.
fn fired(cable: &str, settings: &Settings) -> Vec<Rule> {
    cablelint::check(cable, settings, Tables::builtin())
        .iter()
        .map(|d| d.rule)
        .collect()
}

fn as_cable(block: &Block, base: &str) -> String {
    place(&block.text, base, block.whole)
}

#[test]
fn the_template_is_free_of_findings() {
    let fired = fired(TEMPLATE, &every_rule());
    assert!(fired.is_empty(), "the template fires {fired:?}");
}

#[test]
fn every_rules_example_fires_it_and_its_correction_does_not() {
    let settings = every_rule();
    let mut failures = Vec::new();
    for &rule in Rule::ALL {
        let (faulty, correct) = example_blocks(&rule.documentation());
        if faulty.is_empty() {
            failures.push(format!("{} has no example block of the fault", rule.code()));
        }
        if rule.is_cross() {
            cross_example(rule, &faulty, &correct, &mut failures);
            continue;
        }
        for block in &faulty {
            let cable = as_cable(block, TEMPLATE);
            if !fired(&cable, &settings).contains(&rule) {
                failures.push(format!(
                    "{} ({}) does not fire on its example, placed as\n{cable}",
                    rule.code(),
                    rule.name()
                ));
            }
            for fix in &correct {
                let cable = as_cable(fix, &cable);
                if fired(&cable, &settings).contains(&rule) {
                    failures.push(format!(
                        "{} ({}) fires on the example after \"Use instead\", placed as\n{cable}",
                        rule.code(),
                        rule.name()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_block_replaces_its_stretch_of_the_template() {
    let placed = place("TAGS: PREL JA\n…\nREF: TOKYO 1447\n", TEMPLATE, false);
    assert!(placed.contains("\nTAGS: PREL JA\nSUBJECT: JAPAN-ROK TALKS"));
    assert!(placed.contains("\nREF: TOKYO 1447\n\nClassified By:"));
    assert!(!placed.contains("PGOV"));
    let skipped = place(
        "E.O. 12958: DECL: 05/17/2017\nSUBJECT: X\n",
        TEMPLATE,
        false,
    );
    assert!(skipped.contains("DECL: 05/17/2017\nSUBJECT: X\n\nREF:"));
    assert!(
        !skipped.contains("TAGS"),
        "an element skipped inside the stretch is absent"
    );
}

#[test]
fn a_whole_block_is_the_file_and_order_is_kept() {
    let draft = place("C O N F I D E N T I A L TOKYO 002232\n…\n", TEMPLATE, true);
    assert!(draft.starts_with("C O N F I D E N T I A L TOKYO 002232\n\nSIPDIS\n"));
    assert!(draft.ends_with("SCHIEFFER\n"));
    let swapped = place("TAGS: PREL JA\nE.O. 12958: N/A\n", TEMPLATE, false);
    assert!(swapped.contains("SIPDIS\n\nTAGS: PREL JA\nE.O. 12958: N/A\nSUBJECT:"));
}
