//! `--output-format pylint`: pylint's `parseable` template,
//! `{path}:{line}: [{msg_id}({symbol}), {obj}] {msg}`, which tools that read pylint reports
//! (Jenkins' Warnings plug-in, SonarQube's pylint import, editors' problem matchers) parse:
//!
//! ```text
//! cables/oslo.cable:4: [CBL201(security-line-mismatch), ] The security line says …
//! ```
//!
//! The object part is empty (a cable has no functions or classes); a message's line breaks become
//! spaces. A file that could not be checked (not read, not UTF-8, or an internal error) is a line
//! too, as ruff reports its E902, with pylint's own message for a file it could not analyse,
//! `F0001(fatal)` (the `F` category, which report readers take for the highest severity), at
//! line 1:
//!
//! ```text
//! cables/bad.cable:1: [F0001(fatal), ] no such file or directory
//! ```
//!
//! It is also reported on standard error and makes the run exit 2 (unless `--exit-zero`).

use std::io::{self, Write};

use super::concise::one_line;
use super::{FileReport, Outcome, Render, Summary};

/// pylint's `parseable` lines.
pub struct Pylint;

impl Render for Pylint {
    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let c = match &f.outcome {
            Outcome::Checked(c) => c,
            Outcome::Error(e) => {
                return writeln!(out, "{}:1: [F0001(fatal), ] {}", f.path, one_line(e));
            }
        };
        let loc = c.locator(false);
        for d in &c.diagnostics {
            let p = loc.position(d.range.start());
            writeln!(
                out,
                "{}:{}: [{}({}), ] {}",
                f.path,
                p.line,
                d.rule.code(),
                d.rule.name(),
                one_line(&d.message)
            )?;
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
    fn lines_match_pylints_parseable_template() {
        let text = rendered(super::super::OutputFormat::Pylint, &sample_report());
        insta::assert_snapshot!(text, @r#"
        cables/oslo.cable:4: [CBL201(security-line-mismatch), ] The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL
        cables/oslo.cable:12: [CBL302(tags-markup), ] TAGS token `[PREL](#)` carries link markup
        cables/oslo.cable:15: [CBL305(unknown-tag), ] An info, with 100% of a "quote", a comma, a colon: and a second line
        cables/bad.cable:1: [F0001(fatal), ] not valid UTF-8 (first invalid byte at offset 7)
        "#);
        // The pattern of pylint's `parseable` template, as report readers match it.
        let re = regex::Regex::new(r"^(?P<path>[^:]+):(?P<line>\d+): \[(?P<id>[A-Z]+\d+)\((?P<symbol>[a-z0-9-]+)\), (?P<obj>[^\]]*)\] (?P<msg>.+)$").unwrap();
        for line in text.lines() {
            assert!(re.is_match(line), "{line}");
        }
    }
}
