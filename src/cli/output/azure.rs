//! `--output-format azure`: Azure Pipelines logging commands, which the agent turns into errors and
//! warnings on the build:
//!
//! ```text
//! ##vso[task.logissue type=error;sourcepath=cables/oslo.cable;linenumber=4;columnnumber=1;code=CBL201;]The security line …
//! ```
//!
//! Azure knows only `error` and `warning`, so an info is a warning. Values escape `%`, CR and LF,
//! and properties also `;` and `]`, as `azure-pipelines-task-lib` does (`%AZP25`, `%0D`, `%0A`,
//! `%3B`, `%5D`). A file that could not be read is an error on the file.

use std::io::{self, Write};

use super::{FileReport, Outcome, Render, Summary};
use crate::rules::Severity;

/// Azure Pipelines logging commands.
pub struct Azure;

impl Render for Azure {
    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let path = escape_property(&f.path);
        match &f.outcome {
            Outcome::Checked(c) => {
                let loc = c.locator(false);
                for d in &c.diagnostics {
                    let p = loc.position(d.range.start());
                    let kind = match d.severity {
                        Severity::Error => "error",
                        Severity::Warning | Severity::Info => "warning",
                    };
                    writeln!(
                        out,
                        "##vso[task.logissue type={kind};sourcepath={path};linenumber={};columnnumber={};code={};]{}",
                        p.line,
                        p.column,
                        d.rule.code(),
                        escape_data(&d.message)
                    )?;
                }
            }
            Outcome::Error(e) => writeln!(
                out,
                "##vso[task.logissue type=error;sourcepath={path};]{}",
                escape_data(e)
            )?,
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Escapes a message (the part after `]`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%AZP25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`sourcepath=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(';', "%3B").replace(']', "%5D")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};
    use super::*;

    #[test]
    fn logging_commands() {
        insta::assert_snapshot!(rendered(super::super::OutputFormat::Azure, &sample_report()), @r#"
        ##vso[task.logissue type=error;sourcepath=cables/oslo.cable;linenumber=4;columnnumber=1;code=CBL201;]The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL
        ##vso[task.logissue type=warning;sourcepath=cables/oslo.cable;linenumber=12;columnnumber=7;code=CBL302;]TAGS token `[PREL](#)` carries link markup
        ##vso[task.logissue type=warning;sourcepath=cables/oslo.cable;linenumber=15;columnnumber=36;code=CBL305;]An info, with 100%AZP25 of a "quote", a comma, a colon: and%0Aa second line
        ##vso[task.logissue type=error;sourcepath=cables/bad.cable;]not valid UTF-8 (first invalid byte at offset 7)
        "#);
    }

    #[test]
    fn escaping_follows_the_task_library() {
        assert_eq!(escape_data("100%\r\na;b]"), "100%AZP25%0D%0Aa;b]");
        assert_eq!(escape_property("a;b]c%"), "a%3Bb%5Dc%AZP25");
    }
}
