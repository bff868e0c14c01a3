//! `--output-format rdjson`: the Reviewdog Diagnostic Format (`reviewdog -f=rdjson`), one JSON
//! document for the run.
//!
//! ```json
//! {"source":{"name":"cablelint"},"diagnostics":[{"message":"…","location":{"path":"…",
//!   "range":{"start":{"line":4,"column":1},"end":{"line":4,"column":10}}},"severity":"ERROR",
//!   "code":{"value":"CBL201"},"suggestions":[{"range":…,"text":""}]}]}
//! ```
//!
//! As the format asks, columns count UTF-8 bytes (unlike the other formats, which count
//! characters). A fix becomes `suggestions`, one per edit, whatever its applicability (reviewdog
//! shows suggestions for a person to accept); related places become `related_locations`. An info is
//! `INFO`. A file that could not be checked (not read, not UTF-8, or an internal error) is a
//! diagnostic too, as ruff reports its E902: code `file-error`, severity `ERROR`, its message the
//! reason (`no such file or directory`), and a location with the path alone (no range: the file has
//! no place to point at); it is also reported on standard error and makes the run exit 2 (unless
//! `--exit-zero`).

use std::io::{self, Write};

use serde::Serialize;

use super::{write_pretty, FileReport, JsonArray, Outcome, Render, Summary};
use crate::rules::{Rule, Severity};
use crate::syntax::{ColumnUnit, LineIndex, TextRange};

#[derive(Serialize)]
struct Source {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    message: &'a str,
    location: Location<'a>,
    severity: &'static str,
    code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    /// `None` for a file that could not be checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<Range>,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct Code {
    value: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    location: Location<'a>,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// A range as 1-based lines and 1-based UTF-8 byte columns.
fn range(text: &str, index: &LineIndex, r: TextRange) -> Range {
    let pos = |offset: usize| {
        let lc = index.line_col(text, offset, ColumnUnit::Utf8);
        Pos {
            line: lc.line + 1,
            column: lc.col + 1,
        }
    };
    Range {
        start: pos(r.start()),
        end: pos(r.end()),
    }
}

/// One document, `{"source": …, "diagnostics": [ … ]}`, written as the files come.
pub struct Rdjson {
    /// The docs address, read at the start.
    docs: Option<String>,
    diagnostics: JsonArray,
}

impl Default for Rdjson {
    fn default() -> Self {
        Rdjson {
            docs: None,
            diagnostics: JsonArray::at_depth(1),
        }
    }
}

impl Render for Rdjson {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.docs = crate::rules::docs_url::docs_url();
        let source = Source {
            name: "cablelint",
            url: self.docs.clone(),
        };
        out.write_all(b"{\n  \"source\": ")?;
        write_pretty(&source, 1, false, out)?;
        out.write_all(b",\n  \"diagnostics\": [")
    }

    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let docs = self.docs.as_deref();
        let url = |r: Rule| docs.map(|base| crate::rules::docs_url::rule_url(base, r));
        let c = match &f.outcome {
            Outcome::Checked(c) => c,
            Outcome::Error(e) => {
                let diagnostic = Diagnostic {
                    message: e,
                    location: Location {
                        path: &f.path,
                        range: None,
                    },
                    severity: severity(Severity::Error),
                    code: Code {
                        value: "file-error",
                        url: None,
                    },
                    suggestions: Vec::new(),
                    related_locations: Vec::new(),
                };
                return self.diagnostics.push(&diagnostic, out);
            }
        };
        if c.diagnostics.is_empty() {
            return Ok(());
        }
        let built;
        let index = match &c.line_index {
            Some(index) => index,
            None => {
                built = LineIndex::new(&c.text);
                &built
            }
        };
        let at = |r: TextRange| Location {
            path: &f.path,
            range: Some(range(&c.text, index, r)),
        };
        for d in &c.diagnostics {
            let diagnostic = Diagnostic {
                message: &d.message,
                location: at(d.range),
                severity: severity(d.severity),
                code: Code {
                    value: d.rule.code(),
                    url: url(d.rule),
                },
                suggestions: d
                    .fix
                    .iter()
                    .flat_map(|fix| &fix.edits)
                    .map(|e| Suggestion {
                        range: range(&c.text, index, e.range),
                        text: &e.new_text,
                    })
                    .collect(),
                related_locations: d
                    .related
                    .iter()
                    .map(|r| Related {
                        message: &r.message,
                        location: at(r.range),
                    })
                    .collect(),
            };
            self.diagnostics.push(&diagnostic, out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.diagnostics.close(out)?;
        out.write_all(b"\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};

    #[test]
    fn columns_count_bytes_and_fixes_are_suggestions() {
        let v: serde_json::Value = serde_json::from_str(&rendered(
            super::super::OutputFormat::Rdjson,
            &sample_report(),
        ))
        .unwrap();
        assert_eq!(v["source"]["name"], "cablelint");
        let d = v["diagnostics"].as_array().unwrap();
        assert_eq!(d.len(), 4);
        assert_eq!(d[0]["severity"], "ERROR");
        assert_eq!(d[0]["code"]["value"], "CBL201");
        assert_eq!(
            d[0]["related_locations"][0]["location"]["range"]["start"],
            serde_json::json!({"line": 9, "column": 1})
        );
        assert_eq!(d[1]["suggestions"].as_array().unwrap().len(), 2);
        assert_eq!(d[1]["suggestions"][1]["text"], "");
        // Line 15 starts `¶1. (C) Ferry schedules, "ÅLESUND"`: `¶` and `Å` take two bytes each,
        // so the info at character 36 is at byte column 38.
        assert_eq!(
            d[2]["location"]["range"],
            serde_json::json!({"start": {"line": 15, "column": 38}, "end": {"line": 15, "column": 47}})
        );
        assert_eq!(d[2]["severity"], "INFO");
    }

    #[test]
    fn a_file_that_could_not_be_read_is_a_diagnostic_without_a_range() {
        let v: serde_json::Value = serde_json::from_str(&rendered(
            super::super::OutputFormat::Rdjson,
            &sample_report(),
        ))
        .unwrap();
        assert_eq!(
            v["diagnostics"][3],
            serde_json::json!({
                "message": "not valid UTF-8 (first invalid byte at offset 7)",
                "location": {"path": "cables/bad.cable"},
                "severity": "ERROR",
                "code": {"value": "file-error"}
            })
        );
    }
}
