//! `--output-format full` (the default): a rustc-style snippet per diagnostic.
//!
//! ```text
//! error[CBL201]: The FL4 security code does not match the banner
//!  --> cables/oslo.cable:4:1
//!   |
//! 4 | ZNY SSSSS ZZH
//!   | ^^^^^^^^^ security-line-mismatch
//!   |
//!   = note: the banner (9:1)
//!   = help: Replace `SSSSS` with `CCCCC` (unsafe fix)
//! ```
//!
//! Long lines are shown as a window around the range, so a diagnostic on a line of megabytes costs
//! no more than one on a short line. Control characters in the source are shown as `�` so that a
//! cable cannot send escape sequences to the terminal.

use std::io::{self, Write};

use super::{plural, write_summary, Locator, Outcome, Report};
use crate::cli::style;
use crate::rules::{Applicability, Diagnostic};

/// Lines up to this many bytes are shown whole.
const WHOLE_LINE: usize = 160;
/// Otherwise, characters shown before the range's start …
const BEFORE: usize = 40;
/// … and in all.
const WINDOW: usize = 120;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.files {
        // Files that could not be read are reported on standard error as they happen.
        let Outcome::Checked(c) = &f.outcome else {
            continue;
        };
        let loc = Locator::new(&c.text, &c.diagnostics, false);
        for d in &c.diagnostics {
            diagnostic(report, &f.path, &loc, d, out)?;
        }
    }
    write_summary(report, out)
}

fn diagnostic(
    report: &Report,
    path: &str,
    loc: &Locator,
    d: &Diagnostic,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sev = style::severity(d.severity);
    let bold = style::BOLD;
    let gutter = style::GUTTER;
    let fixable = if report.is_applicable(d) { " [*]" } else { "" };
    writeln!(
        out,
        "{sev}{}[{}]{sev:#}{bold}:{fixable} {}{bold:#}",
        d.severity.as_str(),
        d.rule.code(),
        sanitize(&d.message)
    )?;

    let (start, end) = loc.range(d.range);
    // The last line the range covers: a range ending at a line's start ends on the line before.
    let mut last_line = end.line;
    if end.line > start.line && end.column == 1 {
        last_line -= 1;
    }
    let width = last_line.to_string().len();
    let pad = " ".repeat(width);
    writeln!(
        out,
        "{pad}{gutter}-->{gutter:#} {path}:{}:{}",
        start.line, start.column
    )?;
    writeln!(out, "{pad} {gutter}|{gutter:#}")?;

    let text = loc.text();
    let index = loc.index();
    let first = start.line - 1;
    let label = d.rule.name();
    if let Some(line_range) = index.line_range(text, first) {
        let line = &text[line_range.as_range()];
        let s = d
            .range
            .start()
            .saturating_sub(line_range.start())
            .min(line.len());
        let e = if last_line == start.line {
            d.range
                .end()
                .saturating_sub(line_range.start())
                .min(line.len())
        } else {
            line.len()
        };
        let (shown, caret_at, caret_len) = window(line, s, e.max(s));
        writeln!(out, "{gutter}{:>width$} |{gutter:#} {shown}", start.line)?;
        let carets = "^".repeat(caret_len.max(1));
        let label = if last_line == start.line { label } else { "" };
        writeln!(
            out,
            "{pad} {gutter}|{gutter:#} {}{sev}{carets}{}{label}{sev:#}",
            " ".repeat(caret_at),
            if label.is_empty() { "" } else { " " },
        )?;
    }
    if last_line > start.line {
        if last_line > start.line + 1 {
            writeln!(out, "{gutter}{:>width$}{gutter:#}", "...")?;
        }
        if let Some(line_range) = index.line_range(text, last_line - 1) {
            let line = &text[line_range.as_range()];
            let e = d
                .range
                .end()
                .saturating_sub(line_range.start())
                .min(line.len());
            let (shown, _, caret_len) = window(line, 0, e);
            writeln!(out, "{gutter}{last_line:>width$} |{gutter:#} {shown}")?;
            writeln!(
                out,
                "{pad} {gutter}|{gutter:#} {sev}{} {label}{sev:#}",
                "^".repeat(caret_len.max(1))
            )?;
        }
    }
    writeln!(out, "{pad} {gutter}|{gutter:#}")?;
    for r in &d.related {
        let p = loc.position(r.range.start());
        writeln!(
            out,
            "{pad} {bold}={bold:#} {bold}note{bold:#}: {} ({}:{})",
            sanitize(&r.message),
            p.line,
            p.column
        )?;
    }
    if let Some(fix) = &d.fix {
        let help = style::HELP;
        let kind = match fix.applicability {
            Applicability::Safe => String::new(),
            Applicability::Unsafe => " (unsafe fix)".to_string(),
            Applicability::DisplayOnly => " (suggestion)".to_string(),
        };
        writeln!(
            out,
            "{pad} {bold}={bold:#} {help}help{help:#}: {}{kind}",
            sanitize(&fix.message)
        )?;
        if fix.edits.len() > 1 && fix.applicability == Applicability::DisplayOnly {
            writeln!(out, "{pad}   ({})", plural(fix.edits.len(), "edit"))?;
        }
    }
    writeln!(out)
}

/// The part of a line to show for a range `start..end` (byte offsets within the line), as
/// (displayed text, caret column, caret width), both counted in displayed columns.
fn window(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let (from, to) = if line.len() <= WHOLE_LINE {
        (0, line.len())
    } else {
        let from = line[..start]
            .char_indices()
            .rev()
            .take(BEFORE)
            .last()
            .map_or(start, |(i, _)| i);
        let to = line[from..]
            .char_indices()
            .nth(WINDOW)
            .map_or(line.len(), |(i, _)| from + i);
        (from, to.max(start))
    };
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    let lead = usize::from(from > 0);
    let caret_at = lead + display_width(&line[from..start]);
    let caret_len = display_width(&line[start..end.min(to).max(start)]);
    push_display(&mut shown, &line[from..to]);
    if to < line.len() {
        shown.push('…');
    }
    (shown, caret_at, caret_len)
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

fn push_display(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// A message safe to print: control characters other than line breaks become `�`.
fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(|c| c.is_control() && c != '\n') {
        s.chars()
            .map(|c| {
                if c.is_control() && c != '\n' {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::{CheckedFile, FileReport};
    use super::*;
    use crate::rules::{Rule, Severity};

    #[test]
    fn snippets_show_line_caret_code_name_and_help() {
        insta::assert_snapshot!(rendered_plain(render, &sample_report()), @r#"
        error[CBL201]: The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL
         --> cables/oslo.cable:4:1
          |
        4 | ZNY SSSSS ZZH
          | ^^^^^^^^^ security-line-mismatch
          |
          = note: the banner (9:1)

        warning[CBL302]: [*] TAGS token `[PREL](#)` carries link markup
          --> cables/oslo.cable:12:7
           |
        12 | TAGS: [PREL](#) PGOV NO
           |       ^^^^^^^^^ tags-markup
           |
           = help: Remove the link markup

        info[CBL305]: An info, with 100% of a "quote", a comma, a colon: and
        a second line
          --> cables/oslo.cable:15:36
           |
        15 | ¶1. (C) Ferry schedules, "ÅLESUND" timetable.
           |                                    ^^^^^^^^^ unknown-tag
           |

        Found 1 error, 1 warning and 1 info in 1 file (2 files checked).
        1 file could not be checked.
        [*] 1 fixable with `--fix`.
        "#);
    }

    #[test]
    fn colour_codes_are_written_for_the_stream_to_keep_or_drop() {
        let raw = rendered(render, &sample_report());
        assert!(raw.contains("\u{1b}["), "no ANSI codes in {raw:?}");
    }

    fn one(text: &str, start: usize, end: usize) -> String {
        let report = Report {
            files: vec![FileReport {
                path: "x.cable".into(),
                outcome: Outcome::Checked(CheckedFile {
                    text: text.to_string(),
                    diagnostics: vec![diag(Rule::LineTooLong, start, end, Severity::Info, "m")],
                    fixed: 0,
                }),
            }],
            fail_on: Severity::Error,
            unsafe_fixes: false,
        };
        rendered_plain(render, &report)
    }

    #[test]
    fn multi_line_ranges_show_first_and_last_line() {
        let text = "one\ntwo\nthree\nfour\n";
        let s = one(text, 1, text.find("four").unwrap() + 2);
        insta::assert_snapshot!(s, @"
        info[CBL501]: m
         --> x.cable:1:2
          |
        1 | one
          |  ^^
        ...
        4 | four
          | ^^ line-too-long
          |

        Found 0 errors, 0 warnings and 1 info in 1 file (1 file checked).
        ");
    }

    #[test]
    fn empty_ranges_and_ranges_past_the_end_do_not_panic() {
        let s = one("ab", 2, 2);
        assert!(s.contains("1 | ab\n  |   ^ line-too-long"), "{s}");
        let s = one("ab\r\n", 50, 60);
        assert!(s.contains("-->"), "{s}");
        let s = one("", 0, 0);
        assert!(s.contains("x.cable:1:1"), "{s}");
    }

    #[test]
    fn long_lines_are_windowed_and_control_characters_replaced() {
        let mut text = "A".repeat(10_000);
        text.push_str("\u{1b}[31mTARGET");
        text.push_str(&"B".repeat(10_000));
        let at = text.find("TARGET").unwrap();
        let s = one(&text, at, at + 6);
        let source = s.lines().nth(3).unwrap();
        assert!(source.starts_with("1 | …AAAA"), "{source}");
        assert!(source.ends_with("BBB…"), "{source}");
        assert!(source.contains("\u{fffd}[31mTARGET"), "{source}");
        assert!(source.chars().count() < 140, "{source}");
        let carets = s.lines().nth(4).unwrap();
        let col = carets.find('^').unwrap();
        assert_eq!(source.chars().nth(col), Some('T'), "{source}\n{carets}");
        assert!(carets.contains("^^^^^^ line-too-long"));
    }

    #[test]
    fn tabs_keep_carets_aligned() {
        let s = one("\tTAGS: X", 7, 8);
        assert!(s.contains("1 |     TAGS: X\n  |           ^ "), "{s}");
    }
}
