//! Linear time for every element kind: each kind of element is repeated to 1×, 10× and 100× its
//! base count in an invented cable, and the whole work an editor asks for is timed: parsing and
//! checking, converting every diagnostic's range to UTF-16 line/column positions, the semantic
//! tokens with their UTF-16 positions, and formatting. The kinds that repeat on one line (markers, tags) hold a
//! non-ASCII character, so that the UTF-16 conversions cannot take the ASCII short cut.
//!
//! Run with `cargo bench --bench scaling`. It prints one line per kind with the three times side by
//! side and the ratio of 100× to 10× (about 10 when the work is linear), and exits with status 1
//! when any ratio exceeds [`MAX_RATIO`], so that `.ci/run` fails on a quadratic path.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::{Duration, Instant};

use cablelint::data::Tables;
use cablelint::formatter::FormatOptions;
use cablelint::rules::Settings;
use cablelint::syntax::{parse, ColumnUnit};

/// The largest ratio of the 100× time to the 10× time that counts as linear (10 is exact).
const MAX_RATIO: f64 = 20.0;

const HEAD: &str = "VZCZCXRO4417
PP RUEHCP RUEHHE
DE RUEHNY #0217/01 0740930
ZNY CCCCC ZZH
P 140930Z MAR 08
FM AMEMBASSY OSLO
TO RUEHC/SECSTATE WASHDC PRIORITY 5521
INFO RUEHCP/AMEMBASSY COPENHAGEN PRIORITY 0412
";

const MIDDLE: &str = "
C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000217

SIPDIS

E.O. 12958: DECL: 03/14/2018
";

const TAIL: &str = "SUBJECT: NORWAY: MINISTRY OUTLINES ARCTIC SHIPPING

REF: A. OSLO 198

Classified By: Ambassador Jane Q. Example. Reasons 1.4 (b) and (d)

";

/// A cable whose addressees, TAGS line and paragraphs are the given ones.
fn cable(addressees: &str, tags: &str, refs: &str, body: &str) -> String {
    let mut s = String::from(HEAD);
    s.push_str(addressees);
    s.push_str(MIDDLE);
    s.push_str(tags);
    s.push_str(TAIL);
    s.push_str(refs);
    s.push_str(body);
    s.push_str("\nEXAMPLE\n");
    s
}

const TAGS: &str = "TAGS: PREL PGOV NO\n";

/// One element kind: its name, its base count, and the cable holding `n` of it.
struct Kind {
    name: &'static str,
    base: usize,
    make: fn(usize) -> String,
}

/// A cable whose one paragraph runs `run` `n` times on one line.
fn one_line(run: &str, n: usize) -> String {
    cable("", TAGS, "", &format!("1. (C) é{}\n", run.repeat(n)))
}

fn marker_line(word: &str, n: usize) -> String {
    cable(
        "",
        TAGS,
        "",
        &format!("1. (C) é {}\n", format!("{word} ").repeat(n)),
    )
}

const KINDS: &[Kind] = &[
    Kind {
        name: "summary markers on one line",
        base: 1500,
        make: |n| marker_line("summary", n),
    },
    Kind {
        name: "comment markers on one line",
        base: 1500,
        make: |n| marker_line("comment", n),
    },
    Kind {
        name: "note markers on one line",
        base: 1500,
        make: |n| marker_line("Note:", n),
    },
    Kind {
        name: "end-of-summary markers on one line",
        base: 1000,
        make: |n| marker_line("End Summary.", n),
    },
    Kind {
        name: "end-of-comment markers on one line",
        base: 1000,
        make: |n| marker_line("End Comment.", n),
    },
    Kind {
        name: "unknown tags on one line",
        base: 200,
        make: |n| {
            let tags: String = (0..n).map(|i| format!(" Q{:03}", i % 1000)).collect();
            cable("", &format!("TAGS: é{tags}\n"), "", "1. (U) Text.\n")
        },
    },
    Kind {
        // A released record whose TAGS line runs on into the text (joined lines): words repeat,
        // many are a letter from a tag (`PRELL`, `ECONN`) or a known misspelling (`POGOV`), so
        // that the TAGS fixes work out replacements and removals for thousands of tokens.
        name: "prose run on into the TAGS line",
        base: 150,
        make: |n| {
            const WORDS: [&str; 12] = [
                "THE", "MINISTRY", "SAID", "PRELL", "TALKS", "ON", "ECONN", "TRADE", "WOULD",
                "RESUME", "POGOV", "AFTER",
            ];
            let words: String = (0..n)
                .map(|i| format!(" {}", WORDS[i % WORDS.len()]))
                .collect();
            cable("", &format!("TAGS: é PREL{words}\n"), "", "1. (U) Text.\n")
        },
    },
    Kind {
        name: "tags with link markup on one line",
        base: 200,
        make: |n| {
            cable(
                "",
                &format!("TAGS: é{}\n", " [[PREL]]".repeat(n)),
                "",
                "1. (U) Text.\n",
            )
        },
    },
    Kind {
        name: "addressee lines",
        base: 50,
        make: |n| {
            let lines: String = (0..n)
                .map(|i| format!("RUEHXX/AMEMBASSY OSLO PRIORITY {:04}\n", i % 10000))
                .collect();
            cable(&lines, TAGS, "", "1. (U) Text.\n")
        },
    },
    Kind {
        name: "references",
        base: 30,
        make: |n| {
            let refs: String = (0..n)
                .map(|i| format!("     {}. STATE {}\n", ref_letter(i), 1000 + i))
                .collect();
            cable(
                "",
                TAGS,
                &format!("REF: {}\n", refs.trim_start()),
                "1. (U) Text.\n",
            )
        },
    },
    Kind {
        name: "numbered paragraphs",
        base: 30,
        make: |n| {
            let body: String = (1..=n)
                .map(|i| format!("{i}. (C) The minister é said the talks would go on.\n\n"))
                .collect();
            cable("", TAGS, "", &body)
        },
    },
    Kind {
        // Numbers of up to two digits, so that every one of them starts a paragraph; so many
        // that a search of all paragraphs for each (formatting once did one) outgrows the
        // linear work.
        name: "paragraphs numbered 1 to 99 over",
        base: 300,
        make: |n| {
            let body: String = (0..n)
                .map(|i| {
                    format!(
                        "{}. (C) The minister é said the talks would go on.\n\n",
                        i % 99 + 1
                    )
                })
                .collect();
            cable("", TAGS, "", &body)
        },
    },
    Kind {
        // Every paragraph's first line is too long for the width, so that every one is re-wrapped
        // and the diff of the input and the formatted text has a change in each; 10× is more lines
        // than the diff's window (2,500), so that the times compare windows, not one diff.
        // The diff is taken in windows of about 2,500 lines, each Myers' diff of its lines (time
        // growing with its lines times its changes), so the time is linear from one window on:
        // the base is 900 lines so that 10× is past the first window, and the first line is long
        // enough that every paragraph is re-wrapped, whatever its number.
        name: "re-wrapped paragraphs (diff)",
        base: 300,
        make: |n| {
            let body: String = (1..=n)
                .map(|i| {
                    format!(
                        "{i}. (C) The minister é said that the talks on the Arctic would surely go on,\nand that Norway would take part.\n\n"
                    )
                })
                .collect();
            cable("", TAGS, "", &body)
        },
    },
    Kind {
        // Numbers run on one line (a released record's joined lines), each a restart: every break
        // is explained, or not, by the text between its two numbers.
        name: "paragraph numbers joined on one line",
        base: 200,
        make: |n| one_line(" 1. (C) The talks went on.", n),
    },
    Kind {
        name: "misnumbered paragraphs",
        base: 30,
        make: |n| {
            let body: String = (1..=n)
                .map(|i| {
                    format!(
                        "{}. (C) The minister é said the talks would go on.\n\n",
                        2 * i
                    )
                })
                .collect();
            cable("", TAGS, "", &body)
        },
    },
    Kind {
        name: "portion markings on one line",
        base: 200,
        make: |n| one_line(" (S//NF) text", n),
    },
    Kind {
        name: "one long line of words",
        base: 1000,
        make: |n| cable("", TAGS, "", &format!("1. (U) é{}\n", " word".repeat(n))),
    },
    Kind {
        name: "one long line of non-ASCII words",
        base: 1000,
        make: |n| cable("", TAGS, "", &format!("1. (U) {}\n", " æøå😀".repeat(n))),
    },
];

/// `A.` … `Z.`, then `AA.` and so on.
fn ref_letter(i: usize) -> String {
    let letter = |k: usize| char::from(b'A' + (k % 26) as u8);
    if i < 26 {
        letter(i).to_string()
    } else {
        format!("{}{}", letter(i / 26 - 1), letter(i))
    }
}

/// Everything an editor asks of one text: the findings, their UTF-16 ranges, the semantic tokens
/// with UTF-16 positions, and the formatted text. Returns a count so that nothing is optimised away.
fn work(text: &str, settings: &Settings, tables: &Tables) -> usize {
    let cable = parse(text);
    let diagnostics = cablelint::rules::check_cable(&cable, settings, tables);
    let index = &cable.line_index;
    let mut sum = 0usize;
    for d in &diagnostics {
        for offset in [d.range.start(), d.range.end()] {
            sum += index.line_col(text, offset, ColumnUnit::Utf16).col as usize;
        }
    }
    for t in cablelint::ide::semantic_tokens(&cable, tables) {
        for offset in [t.range.start(), t.range.end()] {
            sum += index.line_col(text, offset, ColumnUnit::Utf16).col as usize;
        }
    }
    // Formatting (`fmt`, format on save) reads the parsed cable too, and the editor's formatting
    // and `fmt --diff` diff the formatted text with the input.
    let formatted = cablelint::formatter::format_cable_mapped(&cable, &FormatOptions::default());
    sum + diagnostics.len()
        + formatted.map_or(0, |f| {
            f.edits(text).len() + f.unified_diff(text, "x.cable").len() + f.text.len()
        })
}

/// The best of several runs, stopping after a time budget.
fn best(text: &str, settings: &Settings, tables: &Tables) -> Duration {
    let mut best = Duration::MAX;
    let started = Instant::now();
    for i in 0.. {
        let t = Instant::now();
        std::hint::black_box(work(text, settings, tables));
        best = best.min(t.elapsed());
        if i >= 2 && started.elapsed() > Duration::from_millis(300) {
            break;
        }
        if i >= 20 {
            break;
        }
    }
    best
}

fn main() -> ExitCode {
    let settings = Settings::default();
    let tables = Tables::builtin();
    println!(
        "{:<38} {:>9} {:>10} {:>10} {:>10} {:>9}",
        "element kind (UTF-16 positions)", "1× bytes", "1×", "10×", "100×", "100×/10×"
    );
    let mut failed = Vec::new();
    for kind in KINDS {
        let times: Vec<Duration> = [1, 10, 100]
            .iter()
            .map(|m| best(&(kind.make)(kind.base * m), &settings, tables))
            .collect();
        let ratio = times[2].as_secs_f64() / times[1].as_secs_f64().max(1e-6);
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
        println!(
            "{:<38} {:>9} {:>10} {:>10} {:>10} {:>9.1}",
            kind.name,
            (kind.make)(kind.base).len(),
            ms(times[0]),
            ms(times[1]),
            ms(times[2]),
            ratio
        );
        if ratio > MAX_RATIO {
            failed.push(kind.name);
        }
    }
    if failed.is_empty() {
        println!("every kind scales linearly (100×/10× at most {MAX_RATIO})");
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "not linear (100×/10× over {MAX_RATIO}): {}",
            failed.join(", ")
        );
        ExitCode::FAILURE
    }
}
