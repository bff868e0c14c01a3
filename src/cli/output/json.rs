//! `--output-format json`: one document with every file, its diagnostics and a summary.
//!
//! ```json
//! {"version":1,"files":[{"path":"…","diagnostics":[{"code":"CBL201","name":"security-line-mismatch",
//!   "severity":"error","message":"…","range":{"start":{"line":4,"column":1},"end":{"line":4,"column":14}},
//!   "fix":null}]}],"summary":{"files":1,"errors":1,"warnings":0,"infos":0}}
//! ```
//!
//! Lines and columns are 1-based, columns count Unicode characters and a range's end is the column
//! just after its last character. A fix is `{"applicability","message","edits":[{"range","new_text"}]}`.
//! A file that could not be read has `"error": "…"` instead of `"diagnostics"`.

use std::io::{self, Write};

use serde::Serialize;

use super::{write_pretty, FileReport, JsonArray, Locator, Outcome, Position, Render, Summary};
use crate::rules::Diagnostic;
use crate::syntax::TextRange;

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<Vec<Diag<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct Diag<'a> {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    range: Range,
    fix: Option<Fix<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    applicability: &'static str,
    message: &'a str,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
struct Edit<'a> {
    range: Range,
    new_text: &'a str,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

fn pos(p: Position) -> Pos {
    Pos {
        line: p.line,
        column: p.column,
    }
}

fn range(loc: &Locator, r: TextRange) -> Range {
    let (start, end) = loc.range(r);
    Range {
        start: pos(start),
        end: pos(end),
    }
}

pub(super) fn diag<'a>(loc: &Locator, d: &'a Diagnostic) -> Diag<'a> {
    Diag {
        code: d.rule.code(),
        name: d.rule.name(),
        severity: d.severity.as_str(),
        message: &d.message,
        range: range(loc, d.range),
        fix: d.fix.as_ref().map(|f| Fix {
            applicability: f.applicability.as_str(),
            message: &f.message,
            edits: f
                .edits
                .iter()
                .map(|e| Edit {
                    range: range(loc, e.range),
                    new_text: &e.new_text,
                })
                .collect(),
        }),
    }
}

/// One JSON document, written as the files come: the head and `"files": [` at the start, each
/// file's object as it is checked, and the summary at the end.
#[derive(Clone)]
pub struct Json {
    files: JsonArray,
}

impl Default for Json {
    fn default() -> Self {
        Json {
            files: JsonArray::at_depth(1),
        }
    }
}

impl Render for Json {
    /// One object (a heading) per file, with all its findings.
    fn one_entry_per_file(&self) -> bool {
        true
    }

    fn snapshot(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(self.clone()))
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"version\": 1,\n  \"files\": [")
    }

    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let file = match &f.outcome {
            Outcome::Checked(c) => {
                let loc = c.locator(true);
                File {
                    path: &f.path,
                    diagnostics: Some(c.diagnostics.iter().map(|d| diag(&loc, d)).collect()),
                    error: None,
                }
            }
            Outcome::Error(e) => File {
                path: &f.path,
                diagnostics: None,
                error: Some(e),
            },
        };
        self.files.push(&file, out)
    }

    fn finish(&mut self, s: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.files.close(out)?;
        out.write_all(b",\n  \"summary\": ")?;
        let summary = JsonSummary {
            files: s.files,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        };
        write_pretty(&summary, 1, false, out)?;
        out.write_all(b"\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};
    use super::*;

    #[test]
    fn the_document_has_the_documented_shape() {
        let text = rendered(super::super::OutputFormat::Json, &sample_report());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["version"], 1);
        let files = v["files"].as_array().unwrap();
        assert_eq!(files.len(), 3);
        // Keys keep the documented order: check the text of one diagnostic as written.
        let c = sample_report();
        let super::super::Outcome::Checked(checked) = &c.files[0].outcome else {
            unreachable!()
        };
        let loc = Locator::new(&checked.text, &checked.diagnostics, true);
        assert_eq!(
            serde_json::to_string(&diag(&loc, &checked.diagnostics[0])).unwrap(),
            r#"{"code":"CBL201","name":"security-line-mismatch","severity":"error","message":"The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL","range":{"start":{"line":4,"column":1},"end":{"line":4,"column":10}},"fix":null}"#
        );
        assert_eq!(
            serde_json::to_string(&diag(&loc, &checked.diagnostics[1]).fix).unwrap(),
            r#"{"applicability":"safe","message":"Remove the link markup","edits":[{"range":{"start":{"line":12,"column":7},"end":{"line":12,"column":8}},"new_text":""},{"range":{"start":{"line":12,"column":12},"end":{"line":12,"column":16}},"new_text":""}]}"#
        );
        let order: Vec<usize> = ["\"version\"", "\"files\"", "\"summary\""]
            .iter()
            .map(|k| text.find(k).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
        // Columns count characters: `¶` and `Å` are one column each.
        let info = &files[0]["diagnostics"][2]["range"];
        assert_eq!(info["start"]["line"], 15);
        assert_eq!(info["start"]["column"], 36);
        assert_eq!(info["end"]["column"], 45);
        assert_eq!(files[1]["diagnostics"], serde_json::json!([]));
        assert!(files[1].get("error").is_none());
        assert_eq!(
            files[2]["error"],
            "not valid UTF-8 (first invalid byte at offset 7)"
        );
        assert!(files[2].get("diagnostics").is_none());
        assert_eq!(
            v["summary"],
            serde_json::json!({"files": 3, "errors": 1, "warnings": 1, "infos": 1})
        );
    }
}
