//! Hand-built reports for the renderers' unit tests, independent of what the rules report.

use super::{CheckedFile, FileReport, Outcome, OutputFormat, Report};
use crate::rules::{Diagnostic, Edit, Fix, Rule, Severity};
use crate::syntax::TextRange;

/// An invented cable (not a real one) with markup in TAGS, a wrong security line and a non-ASCII
/// character before a diagnostic on the same line.
pub const CABLE: &str = "VZCZCXRO4521\n\
PP RUEHC\n\
DE RUEHNY #0123 0451030\n\
ZNY SSSSS ZZH\n\
P 141030Z FEB 08\n\
FM AMEMBASSY OSLO\n\
TO RUEHC/SECSTATE WASHDC PRIORITY 4521\n\
\n\
C O N F I D E N T I A L OSLO 000123\n\
\n\
E.O. 12958: DECL: 02/14/2018\n\
TAGS: [PREL](#) PGOV NO\n\
SUBJECT: NORWAY: INVENTED TEST CABLE\n\
\n\
¶1. (C) Ferry schedules, \"ÅLESUND\" timetable.\n";

/// The text a format writes for `report`, colour codes and all.
pub fn rendered(format: OutputFormat, report: &Report) -> String {
    let mut out = Vec::new();
    super::render(format, report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The text a renderer writes for `report`.
pub fn rendered_with(r: &mut dyn super::Render, report: &Report) -> String {
    let mut out = Vec::new();
    super::render_with(r, report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The text a format writes for `report`, without colour codes.
pub fn rendered_plain(format: OutputFormat, report: &Report) -> String {
    let mut out = Vec::new();
    super::render(format, report, &mut out).unwrap();
    String::from_utf8(anstream::adapter::strip_bytes(&out).into_vec()).unwrap()
}

pub fn diag(rule: Rule, start: usize, end: usize, severity: Severity, message: &str) -> Diagnostic {
    Diagnostic {
        rule,
        range: TextRange::new(start, end),
        severity,
        message: message.to_string(),
        related: Vec::new(),
        fix: None,
        alternatives: Vec::new(),
    }
}

/// The diagnostics of [`CABLE`]: an error with a related place, a warning with a safe fix and an
/// info on a non-ASCII line.
pub fn cable_diagnostics() -> Vec<Diagnostic> {
    let sec = CABLE.find("SSSSS").unwrap();
    let banner = CABLE.find("C O N F").unwrap();
    let tag = CABLE.find("[PREL](#)").unwrap();
    let timetable = CABLE.find("timetable").unwrap();
    vec![
        diag(
            Rule::SecurityLineMismatch,
            sec - 4,
            sec + 5,
            Severity::Error,
            "The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL",
        )
        .with_related(TextRange::new(banner, banner + 23), "the banner"),
        diag(
            Rule::TagsMarkup,
            tag,
            tag + 9,
            Severity::Warning,
            "TAGS token `[PREL](#)` carries link markup",
        )
        .with_fix(Fix::safe(
            "Remove the link markup",
            vec![
                Edit::delete(TextRange::new(tag, tag + 1)),
                Edit::delete(TextRange::new(tag + 5, tag + 9)),
            ],
        )),
        diag(
            Rule::UnknownTag,
            timetable,
            timetable + 9,
            Severity::Info,
            "An info, with 100% of a \"quote\", a comma, a colon: and\na second line",
        ),
    ]
}

/// Three files: the cable above, a clean file, and one that could not be read.
pub fn sample_report() -> Report {
    Report {
        files: vec![
            FileReport {
                path: "cables/oslo.cable".to_string(),
                outcome: Outcome::Checked(CheckedFile {
                    text: CABLE.to_string(),
                    diagnostics: cable_diagnostics(),
                    fixed: 0,
                    // The check's own index for this one, the renderers' for the others.
                    line_index: Some(crate::syntax::LineIndex::new(CABLE)),
                }),
            },
            FileReport {
                path: "cables/clean.cable".to_string(),
                outcome: Outcome::Checked(CheckedFile {
                    text: "UNCLAS OSLO 000124\n".to_string(),
                    diagnostics: Vec::new(),
                    fixed: 0,
                    line_index: None,
                }),
            },
            FileReport {
                path: "cables/bad.cable".to_string(),
                outcome: Outcome::Error(
                    "not valid UTF-8 (first invalid byte at offset 7)".to_string(),
                ),
            },
        ],
        fail_on: Severity::Error,
        unsafe_fixes: false,
    }
}
