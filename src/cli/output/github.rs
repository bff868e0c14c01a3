//! `--output-format github`: GitHub Actions workflow commands, which the runner turns into
//! annotations on the pull request.
//!
//! `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CBL201::message` (a warning is
//! `::warning`, an info `::notice`). A file that could not be read is an `::error` on the file.
//! Data escapes `%`, CR and LF; properties also escape `:` and `,` (as `actions/toolkit` does).

use std::io::{self, Write};

use super::{FileReport, Outcome, Render, Summary};
use crate::rules::Severity;

/// GitHub Actions workflow commands.
pub struct Github;

impl Render for Github {
    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let file = escape_property(&f.path);
        match &f.outcome {
            Outcome::Checked(c) => {
                let loc = c.locator(false);
                for d in &c.diagnostics {
                    let (start, end) = loc.range(d.range);
                    let command = match d.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "notice",
                    };
                    writeln!(
                        out,
                        "::{command} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                        start.line,
                        start.column,
                        end.line,
                        end.column,
                        escape_property(d.rule.code()),
                        escape_data(&d.message),
                    )?;
                }
            }
            Outcome::Error(e) => {
                writeln!(
                    out,
                    "::error file={file},title=cablelint::{}",
                    escape_data(e)
                )?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Escapes a message (the part after `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};
    use super::*;

    #[test]
    fn workflow_commands() {
        insta::assert_snapshot!(rendered(super::super::OutputFormat::Github, &sample_report()), @r#"
        ::error file=cables/oslo.cable,line=4,col=1,endLine=4,endColumn=10,title=CBL201::The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL
        ::warning file=cables/oslo.cable,line=12,col=7,endLine=12,endColumn=16,title=CBL302::TAGS token `[PREL](#)` carries link markup
        ::notice file=cables/oslo.cable,line=15,col=36,endLine=15,endColumn=45,title=CBL305::An info, with 100%25 of a "quote", a comma, a colon: and%0Aa second line
        ::error file=cables/bad.cable,title=cablelint::not valid UTF-8 (first invalid byte at offset 7)
        "#);
    }

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("100%\r\nx:y,z"), "100%25%0D%0Ax:y,z");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
