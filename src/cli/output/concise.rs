//! `--output-format concise`: one line per diagnostic, `path:line:col: severity[CODE] message`,
//! with `[*]` before the message when `--fix` would apply its fix, then the summary.

use std::io::{self, Write};

use super::{write_summary, FileReport, Outcome, Render, RunOptions, Summary};
use crate::cli::style;

/// One line per diagnostic.
pub struct Concise(pub RunOptions);

impl Render for Concise {
    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        match &f.outcome {
            Outcome::Checked(c) => {
                let loc = c.locator(false);
                for d in &c.diagnostics {
                    let p = loc.position(d.range.start());
                    let sev = style::severity(d.severity);
                    let fixable = if self.0.is_applicable(d) { "[*] " } else { "" };
                    writeln!(
                        out,
                        "{bold}{}{bold:#}:{}:{}: {sev}{}[{}]{sev:#} {fixable}{}",
                        f.path,
                        p.line,
                        p.column,
                        d.severity.as_str(),
                        d.rule.code(),
                        one_line(&d.message),
                        bold = style::BOLD,
                    )?;
                }
            }
            // Files that could not be read are reported on standard error as they happen.
            Outcome::Error(_) => {}
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        write_summary(summary, out)
    }
}

/// A message on one line: line breaks become spaces.
pub fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        s.replace("\r\n", " ").replace(['\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered_plain, sample_report};

    #[test]
    fn one_line_per_diagnostic() {
        insta::assert_snapshot!(rendered_plain(super::super::OutputFormat::Concise, &sample_report()), @r#"
        cables/oslo.cable:4:1: error[CBL201] The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL
        cables/oslo.cable:12:7: warning[CBL302] [*] TAGS token `[PREL](#)` carries link markup
        cables/oslo.cable:15:36: info[CBL305] An info, with 100% of a "quote", a comma, a colon: and a second line
        Found 1 error, 1 warning and 1 info in 1 file (2 files checked).
        1 file could not be checked.
        [*] 1 fixable with `--fix`.
        "#);
    }
}
