//! `--output-format full` (the default): a rustc-style snippet per diagnostic, drawn by
//! `annotate-snippets` (the renderer rustc and ruff use).
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
//!   = help: run `cablelint rule CBL201`
//! ```
//!
//! The renderer is given only the lines the range covers, each cut to a window around the range,
//! so a diagnostic on a line of megabytes costs no more than one on a short line (the renderer
//! itself measures every character of the lines it is given). The place in the `-->` line is
//! therefore ours, not the renderer's. Control characters in the source and in messages are
//! shown as visible symbols (the renderer's `normalize_untrusted_str`), so that a cable cannot send
//! escape sequences to the terminal.
//!
//! The last line points to the rule's explanation: `cablelint rule CODE`, or
//! `$CABLELINT_DOCS_URL/CODE` … see [`rule_help`].

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{
    normalize_untrusted_str, AnnotationKind, Group, Level, Origin, Renderer, Snippet,
};

use super::{plural, write_summary, FileReport, Locator, Outcome, Render, RunOptions, Summary};
use crate::rules::docs_url::{docs_url, rule_url};
use crate::rules::{Applicability, Diagnostic, Rule, Severity};

/// Lines up to this many bytes are shown whole.
const WHOLE_LINE: usize = 160;
/// Otherwise, characters shown before the range's start …
const BEFORE: usize = 40;
/// … and in all.
const WINDOW: usize = 120;

/// The rustc-style report.
pub struct Full {
    options: RunOptions,
    renderer: Renderer,
    docs: Option<String>,
}

impl Full {
    pub fn new(options: RunOptions) -> Self {
        Full {
            options,
            // The styles are always written; the output stream (`anstream`) drops them when the
            // output is not a terminal, `NO_COLOR` is set or `--color never` was given.
            renderer: Renderer::styled().decor_style(DecorStyle::Ascii),
            docs: docs_url(),
        }
    }
}

impl Render for Full {
    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        // Files that could not be read are reported on standard error as they happen.
        let Outcome::Checked(c) = &f.outcome else {
            return Ok(());
        };
        let loc = c.locator(false);
        for d in &c.diagnostics {
            let (groups, place) = diagnostic(self.options, &f.path, &loc, d, self.docs.as_deref());
            let mut text = self.renderer.render(&groups);
            if let Some(Place { shown, real }) = place {
                // The renderer counted the column in the window it was given; put the real one
                // in the `-->` line.
                text = text.replacen(&shown, &real, 1);
            }
            writeln!(out, "{text}\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        write_summary(summary, out)
    }
}

/// The `path:line:column` the renderer prints for a window cut on its left, and the real one.
struct Place {
    shown: String,
    real: String,
}

/// Where a finding's explanation is: `run `cablelint rule CODE`` or the docs address.
pub fn rule_help(rule: Rule, docs: Option<&str>) -> String {
    match docs {
        Some(base) => format!("see {}", rule_url(base, rule)),
        None => format!("run `cablelint rule {}`", rule.code()),
    }
}

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One diagnostic as the renderer's report: the title, the place, the excerpt with the range
/// marked, then the related places as notes, the fix and the pointer to the rule's explanation.
/// When the excerpt's first line is cut on its left, also the place to correct.
fn diagnostic<'a>(
    options: RunOptions,
    path: &'a str,
    loc: &Locator,
    d: &'a Diagnostic,
    docs: Option<&str>,
) -> (Vec<Group<'a>>, Option<Place>) {
    let fixable = if options.is_applicable(d) { "[*] " } else { "" };
    let title = level(d.severity)
        .primary_title(format!("{fixable}{}", d.message))
        .id(d.rule.code());
    let mut elements: Vec<annotate_snippets::Element<'a>> = Vec::new();
    let mut place = None;
    match excerpt(loc, d) {
        Some((snippet, shown_column)) => {
            elements.push(snippet.path(path).into());
            let (start, _) = loc.range(d.range);
            if shown_column != start.column {
                let path = normalize_untrusted_str(path);
                place = Some(Place {
                    shown: format!("{path}:{}:{shown_column}", start.line),
                    real: format!("{path}:{}:{}", start.line, start.column),
                });
            }
        }
        None => {
            let (start, _) = loc.range(d.range);
            elements.push(
                Origin::path(path)
                    .line(start.line)
                    .char_column(start.column)
                    .into(),
            );
        }
    }
    for r in &d.related {
        let p = loc.position(r.range.start());
        elements.push(
            Level::NOTE
                .message(format!(
                    "{} ({}:{})",
                    normalize_untrusted_str(&r.message),
                    p.line,
                    p.column
                ))
                .into(),
        );
    }
    if let Some(fix) = &d.fix {
        let kind = match (fix.applicability, fix.edits.len()) {
            (Applicability::Safe, _) => String::new(),
            (Applicability::Unsafe, _) => " (unsafe fix)".to_string(),
            (Applicability::DisplayOnly, n) if n > 1 => {
                format!(" (suggestion; {})", plural(n, "edit"))
            }
            (Applicability::DisplayOnly, _) => " (suggestion)".to_string(),
        };
        elements.push(
            Level::HELP
                .message(format!("{}{kind}", normalize_untrusted_str(&fix.message)))
                .into(),
        );
    }
    elements.push(Level::HELP.message(rule_help(d.rule, docs)).into());
    (vec![Group::with_title(title).elements(elements)], place)
}

/// The lines a diagnostic's range covers, each cut to a window around the range, as a snippet with
/// the range marked and labelled with the rule's name, and the 1-based column of the range's start
/// within the window (which the renderer will print).
fn excerpt<'a>(
    loc: &Locator,
    d: &'a Diagnostic,
) -> Option<(Snippet<'a, annotate_snippets::Annotation<'a>>, usize)> {
    let text = loc.text();
    let index = loc.index();
    let (start, end) = loc.range(d.range);
    // The last line the range covers: a range ending at a line's start ends on the line before.
    let mut last = end.line;
    if end.line > start.line && end.column == 1 {
        last -= 1;
    }
    let (first, last) = (start.line - 1, last - 1);
    let mut source = String::new();
    // Per line: where its window starts in `source`, and the window's bytes in `text`.
    let mut windows = Vec::new();
    for line in first..=last {
        let range = index.line_range(text, line)?;
        let (from, to) = if range.len() <= WHOLE_LINE {
            (range.start(), range.end())
        } else {
            let anchor = if line == first {
                d.range.start().clamp(range.start(), range.end())
            } else {
                range.start()
            };
            let from = text[range.start()..anchor]
                .char_indices()
                .rev()
                .take(BEFORE)
                .last()
                .map_or(anchor, |(i, _)| range.start() + i);
            let to = text[from..range.end()]
                .char_indices()
                .nth(WINDOW)
                .map_or(range.end(), |(i, _)| from + i);
            (from, to.max(anchor))
        };
        if line > first {
            source.push('\n');
        }
        if from > range.start() {
            source.push('…');
        }
        windows.push((source.len(), from, to));
        source.push_str(&text[from..to]);
        if to < range.end() {
            source.push('…');
        }
    }
    let at = |line: usize, offset: usize| {
        let (base, from, to) = windows[line - first];
        base + offset.clamp(from, to) - from
    };
    let s = at(first, d.range.start());
    let e = at(last, d.range.end()).max(if first == last { s } else { 0 });
    let shown_column = source[..s].chars().count() + 1;
    let snippet = Snippet::source(source)
        .line_start(first + 1)
        .annotation(AnnotationKind::Primary.span(s..e).label(d.rule.name()));
    Some((snippet, shown_column))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::{CheckedFile, FileReport, Report};
    use super::*;
    use crate::rules::{Rule, Severity};

    #[test]
    fn snippets_show_line_caret_code_name_and_help() {
        insta::assert_snapshot!(rendered_plain(super::super::OutputFormat::Full, &sample_report()), @r#"
            error[CBL201]: The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL
             --> cables/oslo.cable:4:1
              |
            4 | ZNY SSSSS ZZH
              | ^^^^^^^^^ security-line-mismatch
              |
              = note: the banner (9:1)
              = help: run `cablelint rule CBL201`

            warning[CBL302]: [*] TAGS token `[PREL](#)` carries link markup
              --> cables/oslo.cable:12:7
               |
            12 | TAGS: [PREL](#) PGOV NO
               |       ^^^^^^^^^ tags-markup
               |
               = help: Remove the link markup
               = help: run `cablelint rule CBL302`

            info[CBL305]: An info, with 100% of a "quote", a comma, a colon: and
                          a second line
              --> cables/oslo.cable:15:36
               |
            15 | ¶1. (C) Ferry schedules, "ÅLESUND" timetable.
               |                                    ^^^^^^^^^ unknown-tag
               |
               = help: run `cablelint rule CBL305`

            Found 1 error, 1 warning and 1 info in 1 file (2 files checked).
            1 file could not be checked.
            [*] 1 fixable with `--fix`.
        "#);
    }

    #[test]
    fn colour_codes_are_written_for_the_stream_to_keep_or_drop() {
        let raw = rendered(super::super::OutputFormat::Full, &sample_report());
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
                    line_index: None,
                }),
            }],
            fail_on: Severity::Error,
            unsafe_fixes: false,
        };
        rendered_plain(super::super::OutputFormat::Full, &report)
    }

    #[test]
    fn multi_line_ranges_show_first_and_last_line() {
        let text = "one\ntwo\nthree\nfour\n";
        let s = one(text, 1, text.find("four").unwrap() + 2);
        insta::assert_snapshot!(s, @r#"
            info[CBL501]: m
             --> x.cable:1:2
              |
            1 |   one
              |  __^
            2 | | two
            3 | | three
            4 | | four
              | |__^ line-too-long
              |
              = help: run `cablelint rule CBL501`

            Found 0 errors, 0 warnings and 1 info in 1 file (1 file checked).
        "#);
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
        // The place is counted in the whole line, not in the window shown.
        assert!(s.contains(" --> x.cable:1:10006\n"), "{s}");
        let source = s.lines().nth(3).unwrap();
        assert!(source.starts_with("1 | …AAAA"), "{source}");
        assert!(source.ends_with("BBB…"), "{source}");
        assert!(source.contains("␛[31mTARGET"), "{source}");
        assert!(!s.contains('\u{1b}'), "{s}");
        assert!(source.chars().count() < 140, "{source}");
        let carets = s.lines().nth(4).unwrap();
        let col = carets.find('^').unwrap();
        assert_eq!(source.chars().nth(col), Some('T'), "{source}\n{carets}");
        assert!(carets.contains("^^^^^^ line-too-long"));
    }

    #[test]
    fn each_finding_points_to_its_rules_explanation() {
        let report = sample_report();
        let loc = Locator::new(super::super::testing::CABLE, &[], false);
        let Outcome::Checked(c) = &report.files[0].outcome else {
            unreachable!()
        };
        let d = &c.diagnostics[0];
        let groups = |docs| diagnostic(report.options(), "x.cable", &loc, d, docs).0;
        let plain = |docs| annotate_snippets::Renderer::plain().render(&groups(docs));
        assert!(
            plain(None).ends_with("= help: run `cablelint rule CBL201`"),
            "{}",
            plain(None)
        );
        let linked = plain(Some("https://docs.example.org/rules/"));
        assert!(
            linked.ends_with("= help: see https://docs.example.org/rules/CBL201"),
            "{linked}"
        );
    }

    #[test]
    fn tabs_keep_carets_aligned() {
        let s = one("\tTAGS: X", 7, 8);
        assert!(s.contains("1 |     TAGS: X\n  |           ^ "), "{s}");
    }
}
