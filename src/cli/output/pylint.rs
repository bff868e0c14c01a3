//! `--output-format pylint`: pylint's `parseable` template,
//! `{path}:{line}: [{msg_id}({symbol}), {obj}] {msg}`, which tools that read pylint reports
//! (Jenkins' Warnings plug-in, SonarQube's pylint import, editors' problem matchers) parse:
//!
//! ```text
//! cables/oslo.cable:4: [CBL201(security-line-mismatch), ] The security line says …
//! ```
//!
//! The object part is empty (a cable has no functions or classes); a message's line breaks become
//! spaces. Files that could not be read are reported on standard error only.

use std::io::{self, Write};

use super::concise::one_line;
use super::{FileReport, Outcome, Render, Summary};

/// pylint's `parseable` lines.
pub struct Pylint;

impl Render for Pylint {
    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let Outcome::Checked(c) = &f.outcome else {
            return Ok(());
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
        "#);
        // The pattern of pylint's `parseable` template, as report readers match it.
        let re = regex::Regex::new(r"^(?P<path>[^:]+):(?P<line>\d+): \[(?P<id>[A-Z]+\d+)\((?P<symbol>[a-z0-9-]+)\), (?P<obj>[^\]]*)\] (?P<msg>.+)$").unwrap();
        for line in text.lines() {
            assert!(re.is_match(line), "{line}");
        }
    }
}
