//! `--output-format gitlab`: a GitLab Code Quality report (the `artifacts:reports:codequality`
//! file), a JSON array with one issue per diagnostic.
//!
//! ```json
//! [{"description":"CBL201: …","check_name":"CBL201","fingerprint":"3f2a…","severity":"major",
//!   "location":{"path":"cables/oslo.cable","positions":{"begin":{"line":4,"column":1},"end":{"line":4,"column":10}}}}]
//! ```
//!
//! The fields are the ones GitLab's "Code Quality report format" requires (a subset of the Code
//! Climate issue): severity is `major` for an error, `minor` for a warning and `info` for an info.
//! The fingerprint identifies a finding across runs: it hashes the path, the code, the message and
//! the finding's rank among identical ones in the file, not its line, so a finding that only moves
//! is not reported as fixed and new. A file that could not be checked (not read, not UTF-8, or an
//! internal error) is an issue too, as ruff reports its E902: check name `file-error`, severity
//! `major`, at line 1, column 1 (the file has no other place), its description the reason after the
//! check name, as a finding's after its code (`file-error: no such file or directory`); it is also
//! reported on standard error and makes the run exit 2 (unless `--exit-zero`).

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, JsonArray, Outcome, Render, Summary};
use crate::rules::Severity;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    positions: Positions,
}

#[derive(Serialize)]
struct Positions {
    begin: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// One JSON array of issues, written as the files come.
#[derive(Default)]
pub struct Gitlab {
    issues: JsonArray,
}

impl Render for Gitlab {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let c = match &f.outcome {
            Outcome::Checked(c) => c,
            Outcome::Error(e) => return self.issues.push(&file_error(&f.path, e), out),
        };
        let loc = c.locator(false);
        let mut seen: HashMap<(&str, &str), u64> = HashMap::new();
        for d in &c.diagnostics {
            let (start, end) = loc.range(d.range);
            let rank = seen.entry((d.rule.code(), &d.message)).or_default();
            let fingerprint = fingerprint(&[
                f.path.as_bytes(),
                d.rule.code().as_bytes(),
                d.message.as_bytes(),
                &rank.to_le_bytes(),
            ]);
            *rank += 1;
            let issue = Issue {
                description: format!("{}: {}", d.rule.code(), d.message),
                check_name: d.rule.code(),
                fingerprint,
                severity: severity(d.severity),
                location: Location {
                    path: &f.path,
                    positions: Positions {
                        begin: Pos {
                            line: start.line,
                            column: start.column,
                        },
                        end: Pos {
                            line: end.line,
                            column: end.column,
                        },
                    },
                },
            };
            self.issues.push(&issue, out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.issues.close(out)?;
        writeln!(out)
    }
}

/// The check name of a file that could not be checked.
const FILE_ERROR: &str = "file-error";

/// The issue of a file that could not be checked, `reason` saying why: at line 1, column 1.
fn file_error<'a>(path: &'a str, reason: &str) -> Issue<'a> {
    let start = || Pos { line: 1, column: 1 };
    Issue {
        description: format!("{FILE_ERROR}: {reason}"),
        check_name: FILE_ERROR,
        fingerprint: fingerprint(&[path.as_bytes(), FILE_ERROR.as_bytes(), reason.as_bytes()]),
        severity: severity(Severity::Error),
        location: Location {
            path,
            positions: Positions {
                begin: start(),
                end: start(),
            },
        },
    }
}

/// A stable 128-bit fingerprint (two FNV-1a 64 hashes with different offsets) of the parts, each
/// followed by a zero byte, as 32 hexadecimal digits. Written out rather than taken from `std`,
/// whose hasher may change between Rust releases and so would change every fingerprint.
fn fingerprint(parts: &[&[u8]]) -> String {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x8422_2325_cbf2_9ce4;
    for part in parts {
        for &byte in part.iter().chain(std::iter::once(&0u8)) {
            a = (a ^ u64::from(byte)).wrapping_mul(PRIME);
            b = (b ^ u64::from(byte)).wrapping_mul(PRIME);
        }
    }
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};
    use super::*;

    #[test]
    fn one_issue_per_diagnostic_with_distinct_fingerprints() {
        let v: serde_json::Value = serde_json::from_str(&rendered(
            super::super::OutputFormat::Gitlab,
            &sample_report(),
        ))
        .unwrap();
        let issues = v.as_array().unwrap();
        assert_eq!(issues.len(), 4);
        assert_eq!(
            issues[0],
            serde_json::json!({
                "description": "CBL201: The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL",
                "check_name": "CBL201",
                "fingerprint": issues[0]["fingerprint"],
                "severity": "major",
                "location": {"path": "cables/oslo.cable", "positions": {
                    "begin": {"line": 4, "column": 1}, "end": {"line": 4, "column": 10}}}
            })
        );
        assert_eq!(
            [&issues[1]["severity"], &issues[2]["severity"]],
            ["minor", "info"]
        );
        let prints: std::collections::HashSet<&str> = issues
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap())
            .collect();
        assert_eq!(prints.len(), 4);
        assert!(prints.iter().all(|p| p.len() == 32));
    }

    #[test]
    fn a_file_that_could_not_be_read_is_an_issue() {
        let v: serde_json::Value = serde_json::from_str(&rendered(
            super::super::OutputFormat::Gitlab,
            &sample_report(),
        ))
        .unwrap();
        let issue = &v.as_array().unwrap()[3];
        assert_eq!(
            *issue,
            serde_json::json!({
                "description": "file-error: not valid UTF-8 (first invalid byte at offset 7)",
                "check_name": "file-error",
                "fingerprint": issue["fingerprint"],
                "severity": "major",
                "location": {"path": "cables/bad.cable", "positions": {
                    "begin": {"line": 1, "column": 1}, "end": {"line": 1, "column": 1}}}
            })
        );
        // The fingerprint is the path's, so that the same error in another file is another issue.
        assert_eq!(
            issue["fingerprint"],
            fingerprint(&[
                b"cables/bad.cable",
                b"file-error",
                b"not valid UTF-8 (first invalid byte at offset 7)"
            ])
            .as_str()
        );
    }

    #[test]
    fn fingerprints_are_stable_and_separate_their_parts() {
        // A fixed value (computed independently): the fingerprint must not change between
        // releases, or GitLab would see every finding as fixed and new again.
        assert_eq!(
            fingerprint(&[b"a.cable", b"CBL201"]),
            "552865bb7acb0ceb70ff4480ab5623a4"
        );
        assert_ne!(
            fingerprint(&[b"a.cable", b"CBL201"]),
            fingerprint(&[b"a.cableCBL201"])
        );
    }
}
