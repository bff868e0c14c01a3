//! `--output-format json-lines`: one JSON object per line, one line per diagnostic, for tools that
//! read a stream.
//!
//! Each object is a diagnostic of the `json` format with its file's path first:
//! `{"path":"cables/oslo.cable","code":"CBL201","name":"security-line-mismatch","severity":"error",
//! "message":"…","range":{"start":{"line":4,"column":1},"end":{"line":4,"column":10}},"fix":null}`.
//! A file that could not be read is `{"path":"…","error":"…"}`. There is no summary line.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{diag, Diag};
use super::{FileReport, Outcome, Render, Summary};

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    diagnostic: Diag<'a>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    error: &'a str,
}

/// One JSON object per diagnostic, one per line.
pub struct JsonLines;

impl Render for JsonLines {
    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        match &f.outcome {
            Outcome::Checked(c) => {
                let loc = c.locator(true);
                for d in &c.diagnostics {
                    let line = Line {
                        path: &f.path,
                        diagnostic: diag(&loc, d),
                    };
                    serde_json::to_writer(&mut *out, &line)?;
                    writeln!(out)?;
                }
            }
            Outcome::Error(e) => {
                serde_json::to_writer(
                    &mut *out,
                    &ErrorLine {
                        path: &f.path,
                        error: e,
                    },
                )?;
                writeln!(out)?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};

    #[test]
    fn one_object_per_line() {
        let text = rendered(super::super::OutputFormat::JsonLines, &sample_report());
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 4);
        assert!(text.lines().next().unwrap().starts_with(
            r#"{"path":"cables/oslo.cable","code":"CBL201","name":"security-line-mismatch","severity":"error","#
        ));
        assert_eq!(lines[1]["fix"]["applicability"], "safe");
        assert_eq!(lines[2]["range"]["start"]["column"], 36);
        assert_eq!(
            lines[3],
            serde_json::json!({"path": "cables/bad.cable", "error": "not valid UTF-8 (first invalid byte at offset 7)"})
        );
    }
}
