//! `--output-format grouped`: the diagnostics under a heading per file, as ruff's `grouped`
//! format shows them, then the summary.
//!
//! ```text
//! cables/oslo.cable:
//!    4:1  error[CBL201] The security line says …
//!   12:7  warning[CBL302] [*] TAGS token `[PREL](#)` carries link markup
//!
//! Found 1 error, 1 warning and 0 infos in 1 file (2 files checked).
//! ```
//!
//! Places are aligned on the colon within a file; `[*]` marks a fix `--fix` would apply; a
//! message's line breaks become spaces. Files without diagnostics are not listed, and files that
//! could not be read are reported on standard error as they happen.

use std::io::{self, Write};

use super::concise::one_line;
use super::{write_summary, FileReport, Outcome, Render, RunOptions, Summary};
use crate::cli::style;

/// The diagnostics under a heading per file.
#[derive(Clone)]
pub struct Grouped(pub RunOptions);

impl Render for Grouped {
    /// One object (a heading) per file, with all its findings.
    fn one_entry_per_file(&self) -> bool {
        true
    }

    fn snapshot(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(self.clone()))
    }

    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let bold = style::BOLD;
        let Outcome::Checked(c) = &f.outcome else {
            return Ok(());
        };
        if c.diagnostics.is_empty() {
            return Ok(());
        }
        let loc = c.locator(false);
        let places: Vec<_> = c
            .diagnostics
            .iter()
            .map(|d| loc.position(d.range.start()))
            .collect();
        let line_width = places
            .iter()
            .map(|p| p.line.to_string().len())
            .max()
            .unwrap_or(1);
        let col_width = places
            .iter()
            .map(|p| p.column.to_string().len())
            .max()
            .unwrap_or(1);
        writeln!(out, "{bold}{}{bold:#}:", f.path)?;
        for (d, p) in c.diagnostics.iter().zip(&places) {
            let sev = style::severity(d.severity);
            let fixable = if self.0.is_applicable(d) { "[*] " } else { "" };
            let column = format!("{:<col_width$}", p.column);
            writeln!(
                out,
                "  {:>line_width$}:{column}  {sev}{}[{}]{sev:#} {fixable}{}",
                p.line,
                d.severity.as_str(),
                d.rule.code(),
                one_line(&d.message)
            )?;
        }
        writeln!(out)?;
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        write_summary(summary, out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered_plain, sample_report};

    #[test]
    fn diagnostics_under_their_file() {
        insta::assert_snapshot!(rendered_plain(super::super::OutputFormat::Grouped, &sample_report()), @r#"
        cables/oslo.cable:
           4:1   error[CBL201] The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL
          12:7   warning[CBL302] [*] TAGS token `[PREL](#)` carries link markup
          15:36  info[CBL305] An info, with 100% of a "quote", a comma, a colon: and a second line

        Found 1 error, 1 warning and 1 info in 1 file (2 files checked).
        1 file could not be checked.
        [*] 1 fixable with `--fix`.
        "#);
    }
}
